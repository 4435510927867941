"""The site's search in Chromium: the header box, the result list, the search page, the JS engine itself.

Expected answers are computed here from the articles' text (the records the
build wrote, folded, searched by plain substring) — never from the engine.
"""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from builder.search import fold, query_terms, search_docs
from builder.search.query import Filters, Index
from tests.browser.conftest import SCREENSHOTS, screenshot
from tests.test_search_queries import NO_RESULTS, QUERIES, brute_force_suggestions, facet_values

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def records(built_site):
    folder = Path(built_site) / "search" / "a"
    return [json.loads(gzip.decompress((folder / f"{n}.bin").read_bytes()))
            for n in range(len(list(folder.glob("*.bin"))))]


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


def folded_texts(records) -> list[str]:
    return ["\n".join(fold(s) for s in r["s"]) for r in records]


def suggestion_texts(records, query) -> list[str]:
    return [f"{phrase}（{count} 篇）" for phrase, count in brute_force_suggestions(folded_texts(records), query)]


def test_no_result_says_so_and_offers_the_longest_matching_parts(page, site_url, records):
    assert header_search(page, site_url, "上海市总工会") == 0
    meta = "[data-search-result] [data-search-meta]"
    page.wait_for_selector(meta + " .site-search__suggestion")
    assert page.inner_text(meta + " .site-search__status") == "没有找到“上海市总工会”的结果。"
    offered = page.locator(meta + " .site-search__suggestion").all_inner_texts()
    assert offered == suggestion_texts(records, "上海市总工会") and offered[0].startswith("市总工会（")
    # a suggestion runs its search in the box
    page.click(meta + " .site-search__suggestion")
    page.wait_for_function("document.querySelector('[data-search-meta]').textContent.startsWith('找到')")
    assert page.input_value("[data-search-input]") == "市总工会"
    assert int(page.get_attribute("[data-search-list]", "data-count")) == len(expected(records, "市总工会"))
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


def test_a_browser_without_decompression_streams_inflates_the_index_with_the_bundled_fflate(page, site_url, records):
    """Older phone browsers (Safari before 16.4) have no DecompressionStream: the same answers, via fflate.js."""
    page.add_init_script("delete window.DecompressionStream")
    count = header_search(page, site_url, "劳模 工匠")
    assert count == len(expected(records, "劳模 工匠"))
    assert any(url.endswith("/assets/javascripts/fflate.js") for url in page.requests)
    assert page.locator("[data-search-list] .md-search-result__item").count() == min(count, 10)
    assert_stayed_home(page, site_url)


def test_a_browser_with_decompression_streams_never_loads_fflate(page, site_url, records):
    header_search(page, site_url, "劳模 工匠")
    assert not any(url.endswith("fflate.js") for url in page.requests)


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


def test_a_phone_opens_the_search_from_the_header_icon(phone, site_url):
    page = phone
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
    assert page.console_errors == []


def test_the_search_page_answers_a_shared_link(page, site_url, records):
    page.goto(site_url + "/search/?q=" + "渝工铸魂")
    page.wait_for_selector("[data-search-page] .md-search-result__item")
    want = expected(records, "渝工铸魂")
    assert page.locator("[data-search-page] .md-search-result__item").count() == len(want)
    assert page.inner_text("[data-search-page] [data-search-meta]") == f"找到 {len(want)} 篇文章"
    assert page.input_value("[data-search-input]") == "渝工铸魂"
    # each result's title is an h2 under the page's one h1, its date written as the site writes dates
    assert page.locator("h1").count() == 1
    assert page.locator("[data-search-page] .md-search-result__item h2").count() == len(want)
    dates = page.locator("[data-search-page] .site-search__meta").all_inner_texts()
    assert dates and all(re.match(r"\d{4}年(\d{1,2}月(\d{1,2}日)?)?( · |$)", d) for d in dates), dates
    screenshot(page, "search-page")
    assert_stayed_home(page, site_url)


def test_markup_in_the_index_is_shown_as_text(page, site_url, records):
    """A record whose title and text hold HTML: it must appear as characters, never as elements."""
    hostile = dict(records[0], t="<img src=x onerror=alert(1)>北碚", s=["<script>alert(2)</script>北碚", "<b>北碚</b>"],
                   h=1, u="javascript:alert(3)")
    page.route(re.compile(r".*/search/a/\d+\.bin$"),
               lambda route: route.fulfill(status=200, content_type="application/octet-stream",
                                           body=gzip.compress(json.dumps(hostile, ensure_ascii=False).encode())))
    header_search(page, site_url, "北碚")
    result = page.locator("[data-search-list] .md-search-result__item").first
    assert result.locator("img, script, b").count() == 0
    assert "<img src=x onerror=alert(1)>" in result.inner_text()
    assert result.locator("a").get_attribute("href").startswith(site_url)
    assert page.console_errors == []


# ---------------------------------------------------------------- the search page: no results, filters, order

@pytest.fixture(scope="module")
def seed_docs(seed_build, records):
    """The seed articles as the index saw them, in the numbering of the built site's records."""
    docs = {(d.title, d.date): d for d in search_docs(seed_build.articles, lambda path: path)}
    return [docs[(r["t"], r["d"])] for r in records]


def expected_listing(records, seed_docs, query, filters: Filters, sort: str) -> list[int] | set[int]:
    found = {n for n in expected(records, query)
             if all(not filters.get(f) or filters.get(f) in facet_values(seed_docs[n])[f] for f in ("theme", "district", "year"))}
    return sorted(found) if sort == "date" else found        # documents are numbered newest first


def page_results(page) -> list[str]:
    return page.eval_on_selector_all("[data-search-page] .md-search-result__link", "links => links.map(a => a.href)")


def record_numbers(records, hrefs) -> list[int]:
    by_url = {r["u"]: n for n, r in enumerate(records)}
    return [by_url[re.sub(r"^https?://[^/]+/|#.*$", "", href)] for href in hrefs]


def wait_for_page(page, count=None):
    page.wait_for_function("(m => m && !m.textContent.startsWith('正在'))"
                           "(document.querySelector('[data-search-page] [data-search-meta] .site-search__status'))")
    if count:
        page.wait_for_function(f"document.querySelectorAll('[data-search-page] .md-search-result__item').length"
                               f" === {min(count, 10)}")


def test_the_search_page_says_when_nothing_matches_and_links_the_partial_matches(page, site_url, records):
    page.goto(site_url + "/search/?q=" + "成语工匠")
    page.wait_for_selector("[data-search-page] .site-search__suggestion")
    meta = "[data-search-page] [data-search-meta]"
    assert page.inner_text(meta + " .site-search__status") == "没有找到“成语工匠”的结果。"
    assert page.inner_text(meta + " .site-search__suggest-label") == "可以试试："
    offered = page.locator(meta + " .site-search__suggestion").all_inner_texts()
    assert offered == suggestion_texts(records, "成语工匠")
    first, count = brute_force_suggestions(folded_texts(records), "成语工匠")[0]
    assert first == "工匠" and offered[0] == f"工匠（{count} 篇）"
    href = page.get_attribute(meta + " .site-search__suggestion", "href")
    assert href.endswith("/search/?q=" + "%E5%B7%A5%E5%8C%A0")
    assert page.is_hidden("[data-search-filters]")          # nothing to narrow down
    screenshot(page, "search-none-desktop")
    page.click(meta + " .site-search__suggestion")
    wait_for_page(page, count)
    assert page.url.endswith("/search/?q=%E5%B7%A5%E5%8C%A0")
    assert len(page_results(page)) == min(count, 10)
    assert page.inner_text(meta) == f"找到 {count} 篇文章"
    assert_stayed_home(page, site_url)


@pytest.mark.parametrize("query, filters, sort", [
    ("工会", Filters(theme="渝工铸魂"), "date"),
    ("工会", Filters(district="全市"), ""),
    ("工会", Filters(year="2023", theme="渝工初心向党"), ""),
    ("劳模，工匠", Filters(year="2023"), "date"),
    ("职工娘家人", Filters(district="北碚区"), ""),
])
def test_a_filtered_link_lists_exactly_the_matching_articles(page, site_url, records, seed_docs, query, filters, sort):
    params = {"q": query, **{f: filters.get(f) for f in ("theme", "district", "year") if filters.get(f)}}
    if sort:
        params["sort"] = sort
    from urllib.parse import urlencode
    page.goto(site_url + "/search/?" + urlencode(params))
    want = expected_listing(records, seed_docs, query, filters, sort)
    wait_for_page(page, len(want))
    listed = record_numbers(records, page_results(page))
    assert (listed if sort == "date" else set(listed)) == want
    total = len(expected(records, query))
    meta = page.inner_text("[data-search-page] [data-search-meta]")
    assert meta == (f"找到 {len(want)} 篇文章（筛选前共 {total} 篇）" if len(want) != total else f"找到 {len(want)} 篇文章")
    # the bar shows the state of the link
    for f in ("theme", "district", "year"):
        assert page.input_value(f"[data-search-filters] select[name={f}]") == filters.get(f)
    assert page.input_value("[data-search-filters] select[name=sort]") == sort
    # and the same through the engine, against the reference engine
    docs = page.evaluate("([q, o]) => window.siteSearch.query(q, o)",
                         [query, {**{f: filters.get(f) for f in ("theme", "district", "year")}, "sort": sort}])
    assert docs[:10] == listed and set(docs) == set(want)
    assert_stayed_home(page, site_url)


def test_choosing_filters_and_the_order_updates_the_list_and_the_url(page, site_url, records, seed_docs):
    page.goto(site_url + "/search/?q=" + "工会")
    wait_for_page(page)
    everything = expected(records, "工会")
    # every option counts what choosing it would show
    for f in ("theme", "district"):
        options = page.eval_on_selector_all(f"[data-search-filters] select[name={f}] option",
                                            "os => os.slice(1).map(o => [o.value, o.textContent, o.disabled])")
        for value, label, disabled in options:
            count = len(expected_listing(records, seed_docs, "工会", Filters(**{f: value}), ""))
            assert label == f"{value}（{count}）" and disabled == (count == 0), (f, value)
    page.select_option("[data-search-filters] select[name=theme]", "渝工铸魂")
    want = expected_listing(records, seed_docs, "工会", Filters(theme="渝工铸魂"), "")
    page.wait_for_function(f"document.querySelector('[data-search-page] [data-search-list]').dataset.count === '{len(want)}'")
    wait_for_page(page, len(want))     # the count is set before the result records arrive
    assert "theme=%E6%B8%9D%E5%B7%A5%E9%93%B8%E9%AD%82" in page.url
    assert set(record_numbers(records, page_results(page))) == want
    assert page.inner_text("[data-search-page] [data-search-meta]") == f"找到 {len(want)} 篇文章（筛选前共 {len(everything)} 篇）"
    page.select_option("[data-search-filters] select[name=sort]", "date")
    page.wait_for_function("location.search.includes('sort=date')")
    wait_for_page(page, len(want))
    assert record_numbers(records, page_results(page)) == sorted(want)
    dates = [records[n]["d"] for n in sorted(want)]
    assert dates == sorted(dates, reverse=True)
    assert page.is_visible("[data-search-clear]")
    page.set_viewport_size({"width": 1280, "height": 900})
    screenshot(page, "search-filters-desktop")
    page.click("[data-search-clear]")
    page.wait_for_function(f"document.querySelector('[data-search-page] [data-search-list]').dataset.count === '{len(everything)}'")
    wait_for_page(page, len(everything))
    assert "theme=" not in page.url and "sort=date" in page.url
    assert_stayed_home(page, site_url)


def test_filters_that_leave_nothing_offer_the_unfiltered_search(page, site_url, records):
    page.goto(site_url + "/search/?q=" + "北碚区总工会" + "&year=1999")
    page.wait_for_selector("[data-search-page] .site-search__suggestion")
    meta = "[data-search-page] [data-search-meta]"
    assert page.inner_text(meta + " .site-search__status") == "所选专题、区县或年份中没有“北碚区总工会”的结果。"
    count = len(expected(records, "北碚区总工会"))
    assert page.inner_text(meta + " .site-search__suggestion") == f"在全部文章中搜索（{count} 篇）"
    assert page.input_value("[data-search-filters] select[name=year]") == "1999"    # a linked value kept, shown
    page.click(meta + " .site-search__suggestion")
    wait_for_page(page, count)
    assert "year=" not in page.url
    assert_stayed_home(page, site_url)


def test_the_script_splits_queries_and_suggests_as_python_does(page, site_url, built_site, records):
    queries = ["劳模，工匠、职工；", "“娘家人”", "中国梦・劳动美", "北碚,劳模;  北碚", "，、；“”", "３．５％", "北碚區總工會"]
    page.goto(site_url + "/")
    terms = page.evaluate("qs => Promise.all(qs.map(q => window.siteSearch.terms(q)))", queries)
    assert terms == [query_terms(q) for q in queries]
    files = {p.relative_to(built_site).as_posix(): p.read_bytes()
             for p in (Path(built_site) / "search").rglob("*") if p.is_file() and p.suffix != ".html"}
    reference = Index(files)
    asked = NO_RESULTS + ["成渝工匠上海", "劳模工匠共话"]
    suggestions = page.evaluate("qs => Promise.all(qs.map(q => window.siteSearch.suggest(q)))", asked)
    for query, offered in zip(asked, suggestions):
        assert [tuple(p) for p in offered] == reference.suggest(query) == \
            brute_force_suggestions(folded_texts(records), query), query
    assert_stayed_home(page, site_url)


def test_screenshots_of_the_results_page_on_a_phone(phone, site_url):
    page = phone
    page.goto(site_url + "/search/?q=" + "工会" + "&theme=" + "渝工铸魂" + "&sort=date")
    wait_for_page(page)
    bar = page.locator("[data-search-filters]").bounding_box()
    assert bar["x"] >= 0 and bar["x"] + bar["width"] <= 390
    for select in page.locator("[data-search-filters] select").all():
        box = select.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390 and box["height"] >= 30     # a thumb can hit it
    screenshot(page, "search-filters-phone")
    page.goto(site_url + "/search/?q=" + "成语工匠")
    page.wait_for_selector("[data-search-page] .site-search__suggestion")
    screenshot(page, "search-none-phone")
    assert page.console_errors == []
