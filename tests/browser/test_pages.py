"""The reader's pages in a real browser: home, index pages, an article, the tile map, a phone, print."""

from __future__ import annotations

import pytest

from .conftest import screenshot

pytestmark = pytest.mark.browser

ARTICLE = "articles/2023/2023-06-30-jian-hao-gong-ren-da-jia-ting-dang-hao-zhi-gong-niang-jia/"
MAIN_PAGES = {
    "home": "",
    "themes": "themes/",
    "theme": "themes/zhuhun/",
    "districts": "districts/",
    "district": "districts/beibei/",
    "timeline": "timeline/",
    "year": "timeline/2023/",
    "month": "timeline/2023/12/",
    "all": "all/",
    "people": "people/",
    "person-letter": "people/h/",
    "tags": "tags/",
    "tag-letter": "tags/g/",
    "stats": "stats/",
    "search": "search/?q=%E5%8A%B3%E6%A8%A1",
    "404": "404.html",
    "article": ARTICLE,
    "about": "about/",
}
INDEX_PAGES = ["", "themes/", "districts/", "timeline/", "timeline/2023/", "timeline/2023/12/", "all/", "people/",
               "tags/", "stats/"]


def visit(page, site_url: str, path: str):
    page.goto(f"{site_url}/{path}", wait_until="load")
    page.wait_for_timeout(150)        # let Material's script settle (tabs, header)
    return page


@pytest.mark.parametrize("name", sorted(MAIN_PAGES))
def test_main_pages_load_only_from_this_host_without_console_errors(page, site_url, name):
    visit(page, site_url, MAIN_PAGES[name])
    assert page.locator("h1").count() == 1
    foreign = [url for url in page.requests if not url.startswith((site_url, "data:", "blob:"))]
    assert foreign == []
    assert page.console_errors == []
    assert page.title().endswith("重庆工会工作")
    screenshot(page, f"page-{name}")


def test_home_lists_the_latest_articles_newest_first_with_summaries(page, site_url):
    visit(page, site_url, "")
    items = page.locator(".home-latest li")
    assert items.count() == 10
    assert items.nth(0).locator(".item-title").inner_text() == "长寿区总工会“春送岗位”"
    assert items.nth(0).locator(".item-meta").inner_text().startswith("2024年2月19日 · 渝工暖心")
    assert items.nth(0).locator(".item-summary").inner_text().startswith("2月19日，长寿区总工会")
    chips = page.locator("#themes + .home-chips a")
    assert 1 <= chips.count() <= 6 and chips.last.inner_text() == "全部专题 ›"
    assert page.locator("#districts + .home-chips a", has_text="北碚区").count() == 1


def test_on_a_phone_the_first_headline_is_visible_without_scrolling(phone, site_url):
    visit(phone, site_url, "")
    box = phone.locator(".home-latest .item-title").first.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 844


def test_article_page_shows_its_metadata_captions_related_and_neighbours(page, site_url):
    visit(page, site_url, ARTICLE)
    crumbs = page.locator(".article-breadcrumb a")
    assert crumbs.all_inner_texts() == ["首页", "专题", "渝工铸魂"]
    assert crumbs.nth(2).get_attribute("href") == "../../../themes/zhuhun/"
    meta = page.locator(".article-meta")
    assert meta.inner_text().startswith("2023年6月30日")
    assert meta.locator("a", has_text="渝工铸魂").get_attribute("href") == "../../../themes/zhuhun/"
    assert meta.locator("a", has_text="北碚区").count() == 1
    assert page.locator(".article-byline").inner_text().startswith("作者 陶永国、潘锋 · 阅读约")
    # the seeds carry no photos: the printed captions stand together, named for what they are
    assert page.locator("figure.article-photo").count() == 0
    captions = page.locator(".print-captions li")
    assert captions.count() == 4
    assert captions.nth(0).inner_text() == "首届川渝工会“绵广碚”劳模论坛峰会在北碚召开"
    assert page.locator(".print-captions-label").inner_text() == "原版配图说明"
    assert "beibei-union-benchmark.txt" not in page.locator("article").inner_text()
    assert 1 <= page.locator("#related + ul > li").count() <= 5
    assert page.locator(".article-pager a[rel=prev]").count() == 1
    assert page.locator(".article-pager a[rel=next]").count() == 1
    og = {p: page.locator(f'meta[property="{p}"]').get_attribute("content")
          for p in ("og:type", "og:title", "article:published_time")}
    assert og == {"og:type": "article", "og:title": "建好工人大家庭 当好职工“娘家人” 北碚区总工会致力打造新时代工会工作标杆",
                  "article:published_time": "2023-06-30"}
    assert page.locator('meta[name="description"]').get_attribute("content").startswith("近年来，北碚区总工会")


def test_next_article_link_leads_to_the_next_article_in_the_timeline(page, site_url):
    visit(page, site_url, ARTICLE)
    page.locator(".article-pager a[rel=next]").click()
    page.wait_for_load_state("load")
    assert page.locator("h1").inner_text() == "大巴山深处动起“志愿红”"
    assert page.locator(".article-pager a[rel=prev]").inner_text().endswith("建好工人大家庭 当好职工“娘家人” 北碚区总工会致力打造新时代工会工作标杆")


def test_a_tile_of_the_district_map_leads_to_its_district_page(page, site_url):
    visit(page, site_url, "districts/")
    tile = page.locator("svg.tile-map a.tile", has_text="北碚")
    assert tile.locator("title").text_content() == "北碚区：1 篇"
    empty = page.locator("svg.tile-map g.tile-empty", has_text="万州")
    assert empty.count() == 1 and empty.locator("a").count() == 0
    tile.click()
    page.wait_for_load_state("load")
    assert page.locator("h1").inner_text() == "北碚区"
    assert page.locator("article li a", has_text="建好工人大家庭").count() == 1


@pytest.mark.parametrize("path", INDEX_PAGES)
def test_every_link_of_an_index_page_resolves(page, site_url, path):
    visit(page, site_url, path)
    hrefs = page.eval_on_selector_all(
        ".md-content a[href]", "links => links.map(a => new URL(a.getAttribute('href'), location.href).href)")
    internal = sorted({h.split("#")[0] for h in hrefs if h.startswith(site_url)})
    assert internal
    for url in internal:
        assert page.request.get(url).status == 200, url


@pytest.mark.parametrize("name", sorted(MAIN_PAGES))
def test_phone_viewport_has_no_sideways_scrolling(phone, site_url, name):
    visit(phone, site_url, MAIN_PAGES[name])
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    assert phone.console_errors == []
    if name == "stats":      # wide charts scroll inside their own box instead
        boxes = phone.eval_on_selector_all(".chart-scroll", "els => els.map(e => getComputedStyle(e).overflowX)")
        assert boxes and set(boxes) == {"auto"}
    screenshot(phone, f"phone-{name}")


def test_print_hides_the_site_furniture_and_keeps_the_article(page, site_url):
    visit(page, site_url, ARTICLE)
    page.emulate_media(media="print")
    hidden = page.evaluate("""() => ['.md-header', '.md-sidebar--primary', '.article-pager']
        .map(s => getComputedStyle(document.querySelector(s)).display)""")
    assert hidden == ["none", "none", "none"]
    assert page.locator("h1").is_visible() and page.locator(".print-captions").is_visible()


def test_a_page_load_fetches_no_list_of_the_whole_archive(page, site_url):
    """Material's script fetches sitemap.xml on every page: it is an index of parts, a few hundred bytes."""
    sizes = {}
    page.on("response", lambda r: sizes.__setitem__(r.url, len(r.body())) if r.ok else None)
    visit(page, site_url, ARTICLE)
    page.wait_for_timeout(300)
    assert not any("/sitemaps/" in url for url in sizes)
    assert all(size < 1000 for url, size in sizes.items() if url.endswith("sitemap.xml"))
