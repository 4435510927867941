"""What a reader downloads, at a given archive size: page sizes on disk and transfers in Chromium.

Builds the site of a synthetic archive (``generate_corpus.py``) with this
project's plugin, then reports:

* the largest HTML pages of the site, article pages apart (none may grow with the archive);
* ``sitemap.xml``, which Material's script fetches on every page load;
* in Chromium, with an empty cache for each: every byte the browser fetches to
  show the home page, a listing (the busiest theme's first and second page, a
  district, a year) and an article page (Resource Timing's ``encodedBodySize``
  of the document and every resource, which here is the file size: the local
  server does not compress);
* a reader's first search (``search_in_browser.py``).

The figures go to ``benchmarks/RESULTS.md`` under their own heading (replacing
that section of an earlier run)::

    python benchmarks/reader_pages.py --articles 10000 [--work DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import run  # noqa: E402  (the scale benchmark's project helpers)
import search_in_browser  # noqa: E402

RESULTS = HERE / "RESULTS.md"
HEADING = "## Reader's pages"
TRANSFERS = ("(() => { const nav = performance.getEntriesByType('navigation')[0];"
             " const res = performance.getEntriesByType('resource');"
             " return [[nav.name, nav.encodedBodySize], ...res.map(e => [e.name, e.encodedBodySize])]; })()")


def largest_pages(site: Path, count: int = 5) -> list[tuple[str, int]]:
    """The ``count`` largest HTML pages that are not article pages."""
    pages = [(p.relative_to(site).as_posix(), p.stat().st_size) for p in site.rglob("*.html")
             if p.relative_to(site).parts[0] != "articles"]
    return sorted(pages, key=lambda kv: -kv[1])[:count]


def busiest(site: Path, folder: str) -> str:
    """The listing of ``folder`` with the most pages (its first page's URL path)."""
    base = site / folder
    counts = {d.name: len(list((d / "page").glob("*/index.html"))) for d in base.iterdir()
              if d.is_dir() and (d / "index.html").is_file()}
    name = max(sorted(counts), key=lambda n: counts[n])
    return f"{folder}/{name}/"


def transfers(site: Path, paths: dict[str, str]) -> dict[str, dict]:
    """Per page: bytes and files the browser fetched to show it (empty cache), and requests to other hosts."""
    from playwright.sync_api import sync_playwright

    server, url = search_in_browser.serve(site)
    out = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=search_in_browser.CHROMIUM,
                                        args=search_in_browser.CHROMIUM_FLAGS)
            for name, path in paths.items():
                # a phone, as most readers are; a desktop fetches the same files
                context = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844})
                page = context.new_page()
                outside = []
                page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(url) else None)
                page.goto(url + path, wait_until="networkidle")
                page.wait_for_timeout(300)
                fetched = page.evaluate(TRANSFERS)
                document = fetched[0][1]
                out[name] = {"path": path, "bytes": sum(size for _, size in fetched), "document": document,
                             "files": len(fetched), "outside_requests": outside,
                             "resources": [[name[len(url):], size] for name, size in fetched[1:]]}
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return out


def report(data: dict) -> str:
    n = data["articles"]
    lines = [f"{HEADING} at {n:,} articles (`benchmarks/reader_pages.py`)", "",
             f"Run {data['when']} on a synthetic archive of {n:,} articles ({data['pages']:,} raw pages, "
             f"corpus seed {data['seed']}); build {data['build_s']:.0f} s. Sizes are bytes on disk, "
             "transfers what Chromium fetched with an empty cache (no compression on the local server).", "",
             f"- HTML pages: {data['html_pages']:,}; article pages median {data['article_median'] / 1e3:.1f} kB, "
             f"largest {data['article_max'] / 1e3:.1f} kB.",
             "- Largest other pages: " + ", ".join(f"`{p}` {b / 1e3:.1f} kB" for p, b in data["largest"]) + ".",
             f"- `sitemap.xml` (fetched by every page load): {data['sitemap_bytes']:,} bytes, an index of "
             f"{data['sitemap_parts']} parts.", "",
             "| page (phone, empty cache) | path | the page's HTML | downloaded in all | files | requests to other hosts |",
             "| --- | --- | --: | --: | --: | --: |"]
    for name, t in data["transfers"].items():
        lines.append(f"| {name} | `{t['path'] or '/'}` | {t['document'] / 1e3:.1f} kB | {t['bytes'] / 1e3:.1f} kB | "
                     f"{t['files']} | {len(t['outside_requests'])} |")
    every = [dict(t["resources"]) for t in data["transfers"].values()]
    shared = sorted(set.intersection(*(set(r) for r in every)), key=lambda name: -every[0][name])
    lines += ["", f"Beyond its HTML, every page fetches the same {len(shared)} theme files, "
                  f"{sum(every[0][n] for n in shared) / 1e3:.1f} kB (cached after the first page): "
                  + ", ".join(f"`{n.rsplit('/', 1)[-1]}` {every[0][n] / 1e3:.1f} kB" for n in shared) + "."]
    s = data["search"]
    lines += ["", f"First search in Chromium (queries {', '.join(s['queries'])}): "
                  f"{s['bytes_median'] / 1e3:.1f} kB median ({s['bytes_max'] / 1e3:.1f} kB at most), "
                  f"{s['ms_median']:.0f} ms median ({s['ms_max']:.0f} ms at most)."]
    return "\n".join(lines) + "\n"


def write_section(section: str) -> None:
    """Put the section below RESULTS.md's kept-sections marker, replacing an earlier run's."""
    text = RESULTS.read_text(encoding="utf-8")
    pattern = re.compile(rf"^{re.escape(HEADING)} at .*?(?=^## |\Z)", re.M | re.S)
    if pattern.search(text):
        text = pattern.sub(section.rstrip() + "\n\n", text, count=1)
    else:
        marker = run.KEPT_SECTIONS
        text = text.replace(marker, marker + "\n\n" + section.rstrip(), 1) if marker in text else text + "\n" + section
    RESULTS.write_text(text.rstrip() + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, help="working folder (default: a temporary one, removed after)")
    parser.add_argument("--no-write", action="store_true", help="print the section, leave RESULTS.md alone")
    args = parser.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="reader-pages-"))
    try:
        corpus = work / "corpus"
        if not (corpus / "manifest.json").is_file():
            subprocess.run([sys.executable, str(HERE / "generate_corpus.py"), "--articles", str(args.articles),
                            "--out", str(corpus), "--seed", str(args.seed), "--no-check"], check=True)
        project = run.make_project(work / "project", corpus)
        site = work / "site"
        started = time.perf_counter()
        run.mkdocs_build(project, site)
        build_s = time.perf_counter() - started
        html = [p for p in site.rglob("*.html")]
        articles = sorted(p.stat().st_size for p in html if p.relative_to(site).parts[0] == "articles")
        sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
        theme = busiest(site, "themes")
        paths = {"home": "", "theme listing": theme, "theme listing, page 2": theme + "page/2/",
                 "district listing": busiest(site, "districts"), "year": "timeline/" + max(
                     d.name for d in (site / "timeline").iterdir() if d.name.isdigit()) + "/",
                 "article": next(p for p in sorted((site / "articles").rglob("index.html"))).parent
                 .relative_to(site).as_posix() + "/"}
        data = {"articles": args.articles, "seed": args.seed, "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
                "pages": len(list(corpus.glob("*.txt"))), "build_s": build_s, "html_pages": len(html),
                "article_median": articles[len(articles) // 2], "article_max": articles[-1],
                "largest": largest_pages(site), "sitemap_bytes": len(sitemap.encode()),
                "sitemap_parts": sitemap.count("<sitemap>"), "transfers": transfers(site, paths),
                "search": search_in_browser.measure(site)}
        (HERE / "reader_pages.json").write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        section = report(data)
        print(section)
        if not args.no_write:
            write_section(section)
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
