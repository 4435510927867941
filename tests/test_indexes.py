"""Index pages (themes, districts, timeline, people, tags): on the seed build and on small hand-made archives."""

from __future__ import annotations

import posixpath
import re

import markdown
import pytest

from builder.site.indexes import (
    district_members,
    district_pages,
    district_tiles,
    index_pages,
    initial,
    people_of,
    tags_of,
    term_pages,
    theme_pages,
    timeline_pages,
)
from builder.knowledge.taxonomy import load_themes
from builder.model import Article, Metadata
from builder.site.entries import Entry, chronological, date_label, newest_first
from builder.urls import article_path

EXTENSIONS = ["attr_list", "md_in_html", "tables", "toc"]


def entry(title: str, date: str | None, *, source: str = "page.txt", part: int = 1, column: str = "",
          **meta) -> Entry:
    fields = {key: list(value) for key, value in meta.items()}
    if date:
        fields["date"] = date
    return Entry(Article(source, part, title=title, column=column, meta=Metadata(**fields)), article_path(date, title))


def listed_titles(text: str) -> list[str]:
    """Titles of the article links of a generated page, in page order."""
    return re.findall(r"\[([^\]]+)\]\(\.\./articles/", text)


def html_of(text: str) -> str:
    body = text.split("---\n", 2)[2] if text.startswith("---\n") else text
    return markdown.markdown(body, extensions=EXTENSIONS)


SMALL = [
    entry("长寿区总工会“春送岗位”", "2024-02-19", themes=["渝工暖心"], districts=["长寿区"], tags=["招聘会", "岗位"],
          source="b.txt", part=2),
    entry("企业生产忙 勤把安全抓", "2024-02-18", themes=["渝工建功"], districts=["永川区"], tags=["安全"],
          people=["侯显华"], source="b.txt", part=3),
    entry("重庆45个站点入选全国“最美驿站”", "2023-12", themes=["渝工港湾"], tags=["驿站"], source="a.txt", part=2),
    entry("成渝工匠共话高质量发展", "2023-12-15", themes=["渝工创新"], tags=["工匠"], people=["黄德勇"],
          source="a.txt", part=1),
    entry("凝聚奋进力量 谱写时代华章", "2024", themes=["渝工铸魂", "渝工创新"], districts=["江津区"],
          authors=["罗梅", "何菊"], source="c.txt"),
    entry("一篇没有日期的稿件", None, themes=["渝工港湾"], districts=["北碚区"], tags=["驿站"], source="d.txt"),
]


# ---------------------------------------------------------------- ordering and dates

def test_dates_show_exactly_the_precision_known():
    assert [date_label(e.date) for e in newest_first(SMALL)] == [
        "2024年2月19日", "2024年2月18日", "2024年", "2023年12月15日", "2023年12月", "日期不详"]


def test_timeline_order_is_by_date_with_vague_dates_first_in_their_period_and_undated_last():
    assert [e.date for e in chronological(SMALL)] == ["2023-12", "2023-12-15", "2024", "2024-02-18",
                                                     "2024-02-19", ""]


def test_same_date_keeps_page_order():
    same_day = [entry(f"第{n}篇", "2023-05-25", source="p.txt", part=n) for n in (3, 1, 2)]
    assert [e.article.part for e in newest_first(same_day)] == [1, 2, 3]
    assert [e.article.part for e in chronological(same_day)] == [1, 2, 3]


# ---------------------------------------------------------------- themes

def test_every_theme_has_a_page_and_lists_its_articles_newest_first():
    pages = theme_pages(SMALL)
    assert {f"themes/{t.slug}.md" for t in load_themes()} | {"themes/index.md"} == set(pages)   # one page each
    assert listed_titles(pages["themes/chuangxin.md"]) == ["凝聚奋进力量 谱写时代华章", "成渝工匠共话高质量发展"]
    assert "暂无文章。" in pages["themes/ankang.md"]


def test_an_action_page_holds_the_articles_of_its_tasks():
    pages = theme_pages(SMALL)
    # 渝工暖心惠民 (行动) ← 渝工暖心, 渝工港湾 (实事); the undated one comes last
    assert listed_titles(pages["themes/huimin.md"]) == [
        "长寿区总工会“春送岗位”", "重庆45个站点入选全国“最美驿站”", "一篇没有日期的稿件"]
    assert "[渝工港湾](gangwan.md)（2篇）" in pages["themes/huimin.md"]
    assert "属于[渝工暖心惠民](huimin.md)" in pages["themes/gangwan.md"]


def test_theme_overview_groups_the_tasks_under_the_five_actions_with_counts():
    overview = theme_pages(SMALL)["themes/index.md"]
    cards = re.findall(r"^-   \[?\*\*(.+?)\*\*(?:\]\((\w+)\.md\))? · (\d+)篇", overview, re.M)
    assert [name for name, _, _ in cards] == [t.name for t in load_themes() if t.kind == "行动"]
    assert ("渝工暖心惠民", "huimin", "3") in cards
    assert "    - [渝工港湾](gangwan.md) · 2篇" in overview


def test_a_theme_without_articles_is_named_but_not_linked():
    overview = theme_pages(SMALL)["themes/index.md"]
    assert "    - 渝工安康 · 0篇" in overview and "(ankang.md)" not in overview
    assert "暂无文章。" in theme_pages(SMALL)["themes/ankang.md"]        # its page still exists


def test_theme_pages_link_their_feed():
    page = theme_pages(SMALL)["themes/gangwan.md"]
    assert "[订阅本专题的更新（Atom）](../feeds/gangwan.xml)" in page


# ---------------------------------------------------------------- districts

def test_district_pages_use_the_gazetteer_slugs_and_city_wide_news_goes_to_quanshi():
    pages = district_pages(SMALL)
    assert {"districts/changshou.md", "districts/yongchuan.md", "districts/jiangjin.md", "districts/beibei.md",
            "districts/quanshi.md", "districts/index.md"} == set(pages)
    assert listed_titles(pages["districts/quanshi.md"]) == ["成渝工匠共话高质量发展", "重庆45个站点入选全国“最美驿站”"]


def test_tile_map_links_exactly_the_districts_with_articles():
    tiles = district_tiles(district_members(SMALL), "districts/index.md")
    linked = {t.name: t.href for t in tiles if t.href}
    assert linked == {"长寿区": "changshou/", "永川区": "yongchuan/", "江津区": "jiangjin/", "北碚区": "beibei/"}
    assert len(tiles) == 41 and len({(t.row, t.col) for t in tiles}) == 41      # one tile per place, no overlap


def test_tile_map_is_inline_svg_with_links_and_tooltips():
    overview = district_pages(SMALL)["districts/index.md"]
    svg = re.search(r"<svg.*?</svg>", overview).group(0)
    assert svg.count("<a ") == 4 and 'href="changshou/"' in svg
    assert "<title>长寿区：1 篇</title>" in svg and "<title>万州区：暂无文章</title>" in svg
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")   # nothing from other hosts
    assert "| [全市](quanshi.md) | 2 | 2 |" in overview


def test_district_links_with_directory_urls_off_point_at_html_files():
    tiles = district_tiles(district_members(SMALL), "districts/index.md", directory_urls=False)
    assert {t.href for t in tiles if t.href} >= {"changshou.html"}


# ---------------------------------------------------------------- timeline

def test_timeline_has_a_page_per_year_and_per_month_and_one_for_undated_articles():
    pages = timeline_pages(SMALL)
    assert set(pages) == {"timeline/index.md", "timeline/2023.md", "timeline/2024.md", "timeline/undated.md",
                          "timeline/2023/12.md", "timeline/2024/02.md"}
    assert listed_titles(pages["timeline/undated.md"]) == ["一篇没有日期的稿件"]
    month = pages["timeline/2023/12.md"]
    assert re.findall(r"\[([^\]]+)\]\(\.\./\.\./articles/", month) == ["重庆45个站点入选全国“最美驿站”",
                                                                     "成渝工匠共话高质量发展"]
    assert "[2023年](../2023.md)" in month


def test_year_page_reads_in_date_order_by_month_and_year_only_dates_come_last():
    page = timeline_pages(SMALL)["timeline/2024.md"]
    headings = re.findall(r"^## (.+)$", page, re.M)
    assert headings == ["2月", "月份不详"]
    assert listed_titles(page) == ["企业生产忙 勤把安全抓", "长寿区总工会“春送岗位”", "凝聚奋进力量 谱写时代华章"]
    item = page.split("[凝聚奋进力量")[1].split("\n-")[0]
    assert '<span class="item-meta">2024年 · ' in item


def test_timeline_overview_counts_years_and_months_and_links_to_month_pages():
    overview = timeline_pages(SMALL)["timeline/index.md"]
    assert "## [2024年](2024.md) · 3篇 {#y-2024}" in overview
    assert "[12月](2023/12.md) 2篇" in overview
    assert "月份不详 1篇" in overview
    assert "另有[日期不详](undated.md)的文章1篇。" in overview
    assert overview.index("2024年") < overview.index("2023年")          # newest year first


def test_empty_archive_gives_pages_that_say_so():
    pages = index_pages([])
    assert "暂无文章。" in pages["timeline/index.md"]
    assert "暂无文章。" in pages["themes/gangwan.md"]
    assert "暂无。" in pages["tags/index.md"] and "暂无。" in pages["people/index.md"]
    assert set(pages) >= {"districts/index.md", "districts/quanshi.md"}


# ---------------------------------------------------------------- people and tags

def test_people_pages_are_split_by_pinyin_initial_and_mark_authors():
    pages = term_pages(SMALL, "people", "人物", people_of, "")
    assert {"people/index.md", "people/h.md", "people/l.md"} <= set(pages)
    assert "**何菊** · 1篇" in pages["people/h.md"] and "· 作者" in pages["people/h.md"]
    assert "(h.md)" in pages["people/index.md"]
    # everyone is named once: no "most common" list of people who all have one article
    assert "最常见" not in pages["people/index.md"]


def test_most_common_terms_are_listed_when_some_are_more_common():
    pages = term_pages(SMALL, "tags", "标签", tags_of, "")
    assert "## 最常见" in pages["tags/index.md"]
    assert "[驿站](y.md#t-yi-zhan) <small>2</small>" in pages["tags/index.md"]


def test_surnames_are_indexed_by_their_surname_reading():
    assert initial("曾淑俊", {"曾": "zeng"}) == "Z"
    pages = term_pages([entry("t", "2023-12", people=["曾淑俊"])], "people", "人物", people_of, "")
    assert "people/z.md" in pages and "people/c.md" not in pages


def test_every_term_link_of_an_index_lands_on_an_anchor_of_its_letter_page():
    pages = term_pages(SMALL, "tags", "标签", tags_of, "")
    anchors = {path: set(re.findall(r'id="([^"]+)"', html_of(text))) for path, text in pages.items()}
    links = re.findall(r"\]\((\w+)\.md#([\w-]+)\)", pages["tags/index.md"])
    assert links
    for letter, anchor in links:
        assert anchor in anchors[f"tags/{letter}.md"]


def test_term_pages_keep_their_size_however_many_terms_and_articles(monkeypatch):
    import builder.site.indexes as indexes

    settings = {**indexes.site_data(), "terms_per_page": 3, "articles_per_term": 2}
    monkeypatch.setattr(indexes, "site_data", lambda: settings)
    archive = [entry(f"稿件{n}", f"2023-0{1 + n % 9}-1{n % 9}", tags=["驿站", f"词语{n}"]) for n in range(12)]
    pages = term_pages(archive, "tags", "标签", tags_of, "")
    letter_pages = {path: text for path, text in pages.items() if re.fullmatch(r"tags/[a-z]+(-\d+)?\.md", path)}
    # 12 terms under C cut into parts of three; every term is on exactly one page
    assert sorted(p for p in letter_pages if p.startswith("tags/c")) == ["tags/c-2.md", "tags/c-3.md", "tags/c-4.md",
                                                                         "tags/c.md"]
    for n in range(12):
        assert sum(f"**词语{n}**" in text for text in letter_pages.values()) == 1
    assert all(text.count("篇\n{: #") <= 3 for text in letter_pages.values())
    assert "C：[1](c.md) · **2** · [3](c-3.md) · [4](c-4.md)" in pages["tags/c-2.md"]
    # 驿站 is in all twelve: the two newest are listed, its own listing has all of them
    section = pages["tags/y.md"].split("**驿站**")[1]
    assert listed_titles(section) == ["稿件8", "稿件7"]
    assert "- [全部12篇](y/yi-zhan.md)" in section
    listing = pages["tags/y/yi-zhan.md"]
    assert len(re.findall(r"\]\(\.\./\.\./articles/", listing)) == 12
    assert "[标签 · Y](../y.md#t-yi-zhan)" in listing
    # the overview's links reach the part that holds the term
    anchors = {path: set(re.findall(r'id="([^"]+)"', html_of(text))) for path, text in letter_pages.items()}
    for target, anchor in re.findall(r"\]\(([\w-]+)\.md#([\w-]+)\)", pages["tags/index.md"]):
        assert anchor in anchors[f"tags/{target}.md"]


def test_a_tag_lists_each_article_once_newest_first():
    pages = term_pages(SMALL, "tags", "标签", tags_of, "")
    section = pages["tags/y.md"].split("**驿站**")[1]
    assert listed_titles(section) == ["重庆45个站点入选全国“最美驿站”", "一篇没有日期的稿件"]


# ---------------------------------------------------------------- escaping

HOSTILE = "<script>alert(1)</script>*x*[a](javascript:b)"


def test_text_from_inputs_is_escaped_on_every_index_page():
    evil = [entry(HOSTILE, "2024-01-02", themes=["渝工港湾"], districts=["北碚区"], tags=[HOSTILE],
                  people=["<b>张三</b>"], column="<i>栏</i>")]
    for path, text in index_pages(evil).items():
        rendered = html_of(text)
        for tag in ("<script", "<b>", "<i>", 'href="javascript'):
            assert tag not in rendered, path


# ---------------------------------------------------------------- the seed build

@pytest.fixture(scope="module")
def seed_entries(seed_build):
    return [Entry(p.article, p.path) for p in seed_build.articles]


def test_seed_index_pages_list_every_article(seed_entries):
    pages = index_pages(seed_entries)
    years = [p for p in pages if re.fullmatch(r"timeline/(\d{4}|undated)\.md", p)]
    in_timeline = [t for p in years for t in listed_titles(pages[p])]
    assert sorted(in_timeline) == sorted(e.title for e in seed_entries)
    on_districts = {t for p, text in pages.items() if p.startswith("districts/") for t in listed_titles(text)}
    assert on_districts == {e.title for e in seed_entries}


def test_seed_relative_links_point_at_generated_pages(seed_entries):
    pages = index_pages(seed_entries)
    known = set(pages) | {e.path for e in seed_entries} | {"feeds/" + t.slug + ".xml" for t in load_themes()}
    for path, text in pages.items():
        for target in re.findall(r"\]\(([^)#]+\.(?:md|xml))(?:#[\w-]+)?\)", text):
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(path), target))
            assert resolved in known, (path, target)
