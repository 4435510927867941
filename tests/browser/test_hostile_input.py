"""Raw pages full of markup and script, opened in a real browser: nothing runs, nothing leaves 127.0.0.1.

The site is the one tests/robustness builds over its hostile case pages
(this repository's configuration, a seeds folder of hostile pages); it is
served here on 127.0.0.1 and every page that shows hostile text is opened.
"""

from __future__ import annotations

import functools
import http.server
import threading

import pytest

from tests.robustness.support import MARKER, hostile_site

from .conftest import screenshot

pytestmark = pytest.mark.browser


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def hostile_url():
    site = hostile_site()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    pages = sorted(p.relative_to(site).parent.as_posix() for p in site.rglob("index.html")
                   if MARKER in p.read_text(encoding="utf-8") or "{{" in p.read_text(encoding="utf-8"))
    yield f"http://127.0.0.1:{server.server_address[1]}", pages
    server.shutdown()


def test_no_dialog_opens_and_no_request_leaves_the_machine(browser, hostile_url):
    base, pages = hostile_url
    assert any(p.startswith("articles/") for p in pages) and len(pages) >= 3
    context = browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    dialogs, requests = [], []
    tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    tab.on("request", lambda request: requests.append(request.url))
    try:
        for path in pages:
            tab.goto(f"{base}/{path}/", wait_until="networkidle")
            tab.mouse.move(200, 300)                      # hover handlers, were any injected
            tab.mouse.move(400, 500)
            assert tab.title()
        # search shows hostile titles and text as results too
        tab.goto(f"{base}/", wait_until="networkidle")
        for query in ("onerror", "script"):
            tab.fill("input.md-search__input", query)
            tab.wait_for_timeout(500)
        tab.fill("input.md-search__input", MARKER)
        tab.wait_for_selector(".md-search-result__item", timeout=10_000)
        screenshot(tab, "hostile-input-search")
    finally:
        context.close()
    assert dialogs == []
    outside = [url for url in requests if not url.startswith((base + "/", "data:", "blob:"))]
    assert outside == []
