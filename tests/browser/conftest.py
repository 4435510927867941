"""Browser tests: the built site served on 127.0.0.1, driven by Debian's Chromium via Playwright.

Fixtures (``built_site``, the strict build of this repository, comes from tests/conftest.py):
* ``site_url``    — that folder served over HTTP on 127.0.0.1 (once per session);
* ``browser``     — headless Chromium (``/usr/bin/chromium``), never a downloaded browser build;
* ``page``        — a fresh page whose requests and console errors are recorded:
                    ``page.requests`` (every URL asked for) and ``page.console_errors``;
* ``phone``       — the same on a 390×844 touch phone.

Screenshots go to ``tests/output/screenshots/``.  Tests are skipped (not failed)
only when Chromium or Playwright is missing on a developer machine; CI installs both.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "tests" / "output" / "screenshots"
# Debian's chromium package; CHROMIUM names another installed Chromium-based browser
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-quic", "--no-first-run", "--disable-sync"]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep test output readable
        pass


@pytest.fixture(scope="session")
def site_url(built_site):
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed (CI must install Debian's chromium package)")
        pytest.skip("chromium not installed")
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


PHONE_VIEWPORT = {"width": 390, "height": 844}


def recorded_tab(context):
    """A new tab of ``context`` whose requests and console errors are recorded (``requests``, ``console_errors``)."""
    tab = context.new_page()
    tab.requests = []
    tab.console_errors = []
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.on("console", lambda message: tab.console_errors.append(message.text) if message.type == "error" else None)
    tab.on("pageerror", lambda error: tab.console_errors.append(str(error)))
    return tab


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="zh-CN")
    yield recorded_tab(context)
    context.close()


@pytest.fixture
def phone(browser):
    """Like ``page``, on a 390×844 touch phone."""
    context = browser.new_context(locale="zh-CN", viewport=PHONE_VIEWPORT, device_scale_factor=1, is_mobile=True,
                                  has_touch=True)
    yield recorded_tab(context)
    context.close()


def screenshot(page, name: str) -> Path:
    """Save a full-page screenshot under tests/output/screenshots/ and return its path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
