"""The site's search in Chromium: the header box, the result list, the search page, the JS engine itself.

Expected answers are computed here from the articles' text (the records the
build wrote, folded, searched by plain substring) — never from the engine.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from builder.search import fold, query_terms
from builder.search.query import Index
from tests.browser.conftest import SCREENSHOTS, screenshot
from tests.test_search_queries import NO_RESULTS, QUERIES

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def records(built_site):
    folder = Path(built_site) / "search" / "a"
    return [json.loads((folder / f"{n}.json").read_text(encoding="utf-8"))
            for n in range(len(list(folder.glob("*.json"))))]


def expected(records, query) -> set[int]:
    terms = query_terms(query)
    texts = ["\n".join(fold(s) for s in r["s"]) for r in records]
    return {n for n, text in enumerate(texts) if all(t in text for t in terms)}


def header_search(page, site_url, query, path="/"):
    page.goto(site_url + path)
    page.fill("[data-search-input]", query)
    page.wait_for_function("document.querySelector('[data-search-meta]').textContent.startsWith('找到')"
                           " || document.querySelector('[data-search-meta]').textContent.startsWith('没有')")
    count = int(page.get_attribute("[data-search-list]", "data-count"))
    if count:
        page.wait_for_function(f"document.querySelectorAll('[data-search-list] .md-search-result__item').length"
                               f" === {min(count, 10)}")
    return count


def assert_stayed_home(page, site_url):
    assert page.requests and all(url.startswith(site_url) for url in page.requests), \
        [u for u in page.requests if not u.startswith(site_url)]
    assert page.console_errors == []


@pytest.mark.parametrize("query", ["北碚区总工会", "渝工铸魂", "劳模 工匠", "北碚區總工會", "２０２４年春风行动", "碚"])
def test_typing_in_the_header_box_lists_exactly_the_matching_articles(page, site_url, records, query):
    count = header_search(page, site_url, query)
    want = expected(records, query)
    assert count == len(want)
    assert page.inner_text("[data-search-meta]") == f"找到 {len(want)} 篇文章"
    first = page.get_attribute("[data-search-list] .md-search-result__link", "href")
    assert QUERIES[query] in first
    # the title or the excerpt marks the matches, and a mark holds nothing but matched terms
    marks = [fold(m) for m in page.locator("[data-search-list] li:first-child mark").all_inner_texts()]
    only_terms = "(?:" + "|".join(map(re.escape, query_terms(query))) + ")+"
    assert marks and all(re.fullmatch(only_terms, m) for m in marks), marks
    assert_stayed_home(page, site_url)
    if query == "劳模 工匠":
        screenshot(page, "search-header-desktop")


def test_no_result_says_so(page, site_url):
    assert header_search(page, site_url, "上海市总工会") == 0
    assert page.inner_text("[data-search-meta]") == "没有找到包含“上海市总工会”的文章"
    assert_stayed_home(page, site_url)


def test_the_script_ranks_every_query_as_the_reference_engine_does(page, site_url, built_site, records):
    files = {p.relative_to(built_site).as_posix(): p.read_bytes()
             for p in (Path(built_site) / "search").rglob("*") if p.is_file() and p.suffix != ".html"}
    reference = Index(files)
    queries = list(QUERIES) + NO_RESULTS
    page.goto(site_url + "/")
    ranked = page.evaluate("queries => Promise.all(queries.map(q => window.siteSearch.query(q)))", queries)
    for query, docs in zip(queries, ranked):
        assert set(docs) == expected(records, query), query
        assert docs == [hit.doc for hit in reference.search(query)], query
    assert_stayed_home(page, site_url)


def test_keyboard_slash_arrows_enter_and_escape(page, site_url):
    page.goto(site_url + "/")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.matches('[data-search-input]')")
    assert page.evaluate("document.getElementById('__search').checked")
    page.keyboard.type("长寿区")
    page.wait_for_selector("[data-search-list] .md-search-result__item")
    page.keyboard.press("Escape")
    assert not page.evaluate("document.getElementById('__search').checked")
    page.keyboard.press("/")
    page.keyboard.press("ArrowDown")
    assert page.get_attribute("[data-search-list] .md-search-result__link", "aria-selected") == "true"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "chang-shou-qu-zong-gong-hui" in page.url
    assert_stayed_home(page, site_url)


def test_a_phone_opens_the_search_from_the_header_icon(browser, site_url):
    context = browser.new_context(locale="zh-CN", viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True, device_scale_factor=2)
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(site_url + "/")
    assert not page.evaluate("document.getElementById('__search').checked")
    page.click("label.md-header__button[for=__search]")
    page.wait_for_function("document.activeElement.matches('[data-search-input]')")
    # the box slides in (Material's transition) and then fits the screen
    page.wait_for_function("(r => r.left >= 0 && r.right <= innerWidth)"
                           "(document.querySelector('[data-search-input]').getBoundingClientRect())")
    page.keyboard.type("城口县")
    page.wait_for_selector("[data-search-list] .md-search-result__item")
    item = page.locator("[data-search-list] .md-search-result__item").first
    assert item.is_visible()
    box = item.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "search-phone.png"))      # the screen, not the whole page
    assert errors == []
    context.close()


def test_the_search_page_answers_a_shared_link(page, site_url, records):
    page.goto(site_url + "/search/?q=" + "渝工铸魂")
    page.wait_for_selector("[data-search-page] .md-search-result__item")
    want = expected(records, "渝工铸魂")
    assert page.locator("[data-search-page] .md-search-result__item").count() == len(want)
    assert page.inner_text("[data-search-page] [data-search-meta]") == f"找到 {len(want)} 篇文章"
    assert page.input_value("[data-search-input]") == "渝工铸魂"
    screenshot(page, "search-page")
    assert_stayed_home(page, site_url)


def test_markup_in_the_index_is_shown_as_text(page, site_url, records):
    """A record whose title and text hold HTML: it must appear as characters, never as elements."""
    hostile = dict(records[0], t="<img src=x onerror=alert(1)>北碚", s=["<script>alert(2)</script>北碚", "<b>北碚</b>"],
                   h=1, u="javascript:alert(3)")
    page.route(re.compile(r".*/search/a/\d+\.json$"),
               lambda route: route.fulfill(status=200, content_type="application/json",
                                           body=json.dumps(hostile, ensure_ascii=False)))
    header_search(page, site_url, "北碚")
    result = page.locator("[data-search-list] .md-search-result__item").first
    assert result.locator("img, script, b").count() == 0
    assert "<img src=x onerror=alert(1)>" in result.inner_text()
    assert result.locator("a").get_attribute("href").startswith(site_url)
    assert page.console_errors == []
