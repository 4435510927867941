"""A reader's first search, measured in Chromium: bytes downloaded and time to the answer.

The built site is served on 127.0.0.1; for each query a fresh browser
context (empty cache) opens the home page, waits until it is idle, then types
the query into the header's search box.  Measured from the keystroke:

``ms``      until the result count is shown (找到 N 篇文章 / 没有找到…) and the
            first results are in the list;
``bytes``   every response body fetched in that time (Resource Timing's
            ``encodedBodySize``, which here is the file size: no compression),
            including the search script if the page loads it lazily;
``hits``    the count the page reports.

    python benchmarks/search_in_browser.py SITE_DIR [QUERY ...]

Needs Debian's chromium and the Playwright package (requirements-dev.txt).
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import statistics
import sys
import threading
import time
from pathlib import Path

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-quic", "--no-first-run", "--disable-sync"]
DEFAULT_QUERIES = ("劳模", "职工之家", "北碚区总工会", "春送岗位", "成渝地区双城经济圈")
ANSWERED = ("(() => { const m = document.querySelector('[data-search-meta]');"
            " return m && (m.textContent.startsWith('找到') || m.textContent.startsWith('没有')); })()")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def measure(site: Path, queries=DEFAULT_QUERIES) -> dict:
    """Per query: ms to the answer, bytes fetched after the keystroke, hits; and their medians."""
    from playwright.sync_api import sync_playwright

    server, url = serve(site)
    per_query = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
            for query in queries:
                context = browser.new_context(locale="zh-CN")
                page = context.new_page()
                outside = []
                page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(url) else None)
                page.goto(url, wait_until="networkidle")
                mark = page.evaluate("performance.now()")
                started = time.perf_counter()
                page.fill("[data-search-input]", query)
                page.wait_for_function(ANSWERED, timeout=120_000)
                count = int(page.get_attribute("[data-search-list]", "data-count") or 0)
                if count:
                    page.wait_for_function("document.querySelector('[data-search-list] .md-search-result__item')")
                elapsed_ms = (time.perf_counter() - started) * 1000
                fetched = page.evaluate(
                    "(mark) => performance.getEntriesByType('resource')"
                    ".filter(e => e.startTime >= mark).map(e => [e.name, e.encodedBodySize])", mark)
                per_query[query] = {"ms": round(elapsed_ms, 1), "hits": count, "files": len(fetched),
                                    "bytes": sum(size for _, size in fetched), "outside_requests": outside}
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return {"queries": per_query,
            "ms_median": statistics.median(q["ms"] for q in per_query.values()),
            "ms_max": max(q["ms"] for q in per_query.values()),
            "bytes_median": statistics.median(q["bytes"] for q in per_query.values()),
            "bytes_max": max(q["bytes"] for q in per_query.values())}


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    result = measure(Path(argv[0]), tuple(argv[1:]) or DEFAULT_QUERIES)
    for query, q in result["queries"].items():
        print(f"{query}: {q['hits']} hits, {q['ms']:.0f} ms, {q['bytes'] / 1e3:.1f} kB in {q['files']} files")
    print(json.dumps({k: v for k, v in result.items() if k != "queries"}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
