"""Paginated listings: every article once, in order, on pages of a fixed size with a pager that links them."""

from __future__ import annotations

import posixpath
from dataclasses import replace
import re

from builder.site.indexes import district_pages, theme_pages
from builder.site.listing import Listing, listing_pages, page_numbers, per_page

from .test_indexes import entry, html_of

ARTICLE_LINK = re.compile(r"\[([^\]]+)\]\((?:\.\./)+articles/")


def archive(count: int, **meta) -> list:
    """``count`` articles one day apart, newest first, as a theme page lists them."""
    days = [f"{2020 + n // 300}-{1 + n // 28 % 10:02d}-{1 + n % 28:02d}" for n in range(count)]
    return [entry(f"第{n:03d}篇工会新闻", day, part=n, **meta) for n, day in reversed(list(enumerate(days)))]


def resolve(page: str, link: str) -> str:
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), link))


def test_a_listing_is_cut_into_pages_of_a_fixed_size_and_lists_every_article_once_in_order():
    entries = archive(45)
    pages = listing_pages(Listing("themes/gangwan.md", "渝工港湾", entries), size=20)
    assert list(pages) == ["themes/gangwan.md", "themes/gangwan/page/2.md", "themes/gangwan/page/3.md"]
    listed = [title for text in pages.values() for title in ARTICLE_LINK.findall(text)]
    assert listed == [e.title for e in entries]
    assert [len(ARTICLE_LINK.findall(text)) for text in pages.values()] == [20, 20, 5]


def test_the_pager_links_its_neighbours_and_every_link_lands_on_a_page_of_the_listing():
    pages = listing_pages(Listing("themes/gangwan.md", "渝工港湾", archive(45)), size=20)
    first, second, last = pages.values()
    assert "rel=prev" not in first and "rel=next" in first
    assert "rel=prev" in second and "rel=next" in second
    assert "rel=prev" in last and "rel=next" not in last
    assert '<span class="pager-current" aria-current="page">2</span>' in second
    assert "第2页，共3页、45篇。" in second and "# 渝工港湾（第2页）" in second
    for path, text in pages.items():
        pager = text.split('<nav class="listing-pager"')[1]
        for target in re.findall(r"\]\(([^)]+\.md)\)", pager):
            assert resolve(path, target) in pages, (path, target)


def test_a_group_heading_is_repeated_where_its_group_continues_on_the_next_page():
    entries = archive(30)          # all of 2020
    pages = listing_pages(Listing("themes/gangwan.md", "渝工港湾", entries, group=lambda e: e.date[:4] + "年"),
                          size=20)
    assert [re.findall(r"^## (.+)$", text, re.M) for text in pages.values()] == [["2020年"], ["2020年"]]


def test_page_numbers_show_the_ends_and_the_pages_around_the_current_one():
    assert page_numbers(1, 1) == [1]
    assert page_numbers(10, 10) == [1, None, 8, 9, 10]
    assert page_numbers(3, 5) == [1, 2, 3, 4, 5]


def test_an_empty_listing_is_one_page_that_says_so():
    pages = listing_pages(Listing("districts/quanshi.md", "全市", []))
    assert list(pages) == ["districts/quanshi.md"] and "暂无文章。" in pages["districts/quanshi.md"]


def test_a_listing_page_does_not_grow_with_the_archive():
    size = per_page()
    small = theme_pages(archive(2 * size, themes=["渝工港湾"]))
    large = theme_pages(archive(40 * size, themes=["渝工港湾"]))
    # 渝工港湾 and its 行动 (渝工暖心惠民) list them: two listings, per_page articles a page
    assert len(large) - len(small) == 2 * (40 - 2)
    biggest = max(len(text.encode()) for path, text in large.items() if path.startswith("themes/gangwan"))
    assert biggest < 1.2 * max(len(text.encode()) for path, text in small.items() if path.startswith("themes/gangwan"))


def test_listing_items_show_date_title_theme_and_district_links_and_the_summary():
    one = entry("区总工会开展送温暖活动", "2024-01-05", themes=["渝工港湾"], districts=["北碚区"])
    one.article.meta = replace(one.article.meta, description="区总工会走访慰问困难职工。")
    html = html_of(district_pages([one])["districts/beibei.md"])
    item = html.split("<li>")[1]
    assert '<a class="item-title" href="../articles/2024/' in item
    assert ('<span class="item-meta">2024年1月5日 · <a href="../themes/gangwan.md">渝工港湾</a> · '
            '<a href="beibei.md">北碚区</a></span>') in item
    assert '<span class="item-summary">区总工会走访慰问困难职工。</span>' in item
