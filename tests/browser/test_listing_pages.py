"""A listing of many articles in the browser: pages of a fixed size, a pager that leads through them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT, screenshot

pytestmark = pytest.mark.browser

from builder.site.listing import per_page

PER_PAGE = per_page()           # data/site.yaml's listing.per_page
COUNT = 2 * PER_PAGE + 5        # three pages: two full ones and five on the last


def contribution(n: int) -> str:
    return (f"---\ntitle: 北碚区总工会第{n:02d}次职工之家活动\ndate: 2024-{1 + n % 12:02d}-{1 + n % 28:02d}\n"
            f"column: 渝工港湾\ndistricts: [北碚区]\n---\n第{n:02d}次活动在职工之家举行，职工代表参加。\n")


@pytest.fixture(scope="module")
def paged_site(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("paged")
    for part in ("mkdocs.yml", "docs", "overrides"):
        (shutil.copytree if (ROOT / part).is_dir() else shutil.copy)(ROOT / part, project / part)
    (project / "seeds").mkdir()
    for n in range(COUNT):
        (project / "seeds" / f"contribution-{n:02d}.md").write_text(contribution(n), encoding="utf-8")
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(project / "site")],
                         cwd=project, capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr[-3000:]
    return project / "site"


@pytest.fixture(scope="module")
def paged_url(paged_site):
    import functools
    import http.server
    import threading

    from .conftest import _QuietHandler

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler,
                                                                                  directory=str(paged_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def titles(page) -> list[str]:
    return page.locator(".article-list .item-title").all_inner_texts()


def test_a_reader_pages_through_a_district_and_sees_every_article_once(page, paged_url):
    page.goto(f"{paged_url}/districts/beibei/")
    seen = titles(page)
    assert len(seen) == PER_PAGE
    assert page.locator(".listing-pager .pager-current").inner_text() == "1"
    screenshot(page, "listing-page-1")
    page.locator(".listing-pager a[rel=next]").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/districts/beibei/page/2/")
    assert page.locator("h1").inner_text() == "北碚区（第2页）"
    seen += titles(page)
    page.locator(".listing-pager a", has_text="3").click()
    page.wait_for_load_state("load")
    seen += titles(page)
    assert page.locator(".listing-pager a[rel=next]").count() == 0
    assert len(seen) == COUNT and len(set(seen)) == COUNT
    page.locator(".listing-pager a[rel=prev]").click()
    page.wait_for_load_state("load")
    assert page.url.endswith("/districts/beibei/page/2/")
    assert page.console_errors == []
    assert [url for url in page.requests if not url.startswith((paged_url, "data:", "blob:"))] == []


def test_the_pager_fits_a_phone(phone, paged_url):
    phone.goto(f"{paged_url}/themes/gangwan/page/2/")
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    phone.locator(".listing-pager").scroll_into_view_if_needed()
    screenshot(phone, "phone-listing-page-2")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_listing_page_and_its_pager_pass_axe(browser, paged_url, scheme):
    from .test_accessibility import BLOCKING, PHONE, open_in_scheme, summarise

    axe = pytest.importorskip("axe_playwright_python.sync_playwright").Axe()
    context, tab = open_in_scheme(browser, paged_url, "districts/beibei/page/2/", scheme, PHONE, mobile=True)
    try:
        violations = axe.run(tab).response["violations"]
        summary = f"listing page 2 · {scheme} · phone\n" + summarise(violations)
        assert [v for v in violations if v["impact"] in BLOCKING] == [], summary
    finally:
        context.close()
