"""Site-wide pages and data: article pages, related articles, neighbours, feeds, statistics, home page."""

from __future__ import annotations

import posixpath
from dataclasses import replace
import re
import xml.etree.ElementTree as ET

import pytest

from builder.model import Article, Caption, Metadata, Para
from builder.site.article import article_page
from builder.site.build import site_files
from builder.site.entries import Entry
from builder.site.feed import atom_feed
from builder.site.home import home_page
from builder.site.related import related_articles, timeline_neighbours
from builder.site.stats import stats_page
from builder.urls import article_path

from .test_indexes import SMALL, entry, html_of, listed_titles

ATOM = "{http://www.w3.org/2005/Atom}"
WEIGHTS = {"people": 3.0, "districts": 2.0, "themes": 2.0, "organizations": 1.5, "tags": 1.0}


class Published:
    """What the pipeline hands to the site: an article and its path."""

    def __init__(self, e: Entry):
        from builder.render import render_article

        self.article, self.path, self.markdown = e.article, e.path, render_article(e.article)


# ---------------------------------------------------------------- article page

def full_article() -> Entry:
    article = Article("yugong.txt", 2, title="长寿区总工会“春送岗位”", column="渝工暖心",
                      body=[Para("2月19日，长寿区总工会举办招聘会。", 58, 58),
                            Para("下一步工作", 60, 60, heading=True), Para("提供更加优质高效便捷的服务。", 62, 62)],
                      captions=[(0, Caption("长寿区2024年春风行动专场招聘会", "通讯员 李辉 摄", 68))],
                      bylines=["何勇 长寿区总工会"], first_line=56, last_line=76,
                      edition={"page": "004", "date": "2024-02-20"},
                      meta=Metadata(date="2024-02-19", themes=["渝工暖心"], districts=["长寿区"],
                            authors=["何勇"], affiliations=["长寿区总工会"]))
    return Entry(article, article_path("2024-02-19", article.title))


def test_article_page_has_a_newspaper_head_and_its_links():
    e = full_article()
    older = entry("企业生产忙 勤把安全抓", "2024-02-18")
    text = article_page(e, [older], older, None)
    html = html_of(text)
    head = html.split("<h1")[0]
    assert ('当前位置：<a href="../../index.md">首页</a> › <a href="../../themes/index.md">专题</a> › '
            '<a href="../../themes/nuanxin.md">渝工暖心</a>') in head
    byline = re.search(r'<p class="article-byline">(.*?)</p>', html).group(1)
    assert byline == "原载2024年2月20日 第4版 · 作者 何勇（长寿区总工会） · 阅读约1分钟"
    assert '<a href="../../timeline/2024/02.md">2024年2月19日</a>' in html
    assert '专题 <a href="../../themes/nuanxin.md">渝工暖心</a>' in html
    assert '区县 <a href="../../districts/changshou.md">长寿区</a>' in html
    assert 'id="related"' in html and "企业生产忙" in html.split('id="related"')[1]
    assert 'rel="prev"' in html and 'rel="next"' not in html


def test_the_reader_sees_no_file_names_or_line_numbers():
    html = html_of(article_page(full_article(), [], None, None))
    assert "yugong.txt" not in html and "第 56–76 行" not in html and "版面文件" not in html


def test_captions_of_photos_the_site_lacks_are_gathered_in_one_block_not_shown_as_frames():
    html = html_of(article_page(full_article(), [], None, None))
    assert "<figure" not in html
    block = re.search(r'<aside class="print-captions" aria-label="原版配图说明">(.*?)</aside>', html).group(1)
    assert "原版配图说明" in block
    assert "<li>长寿区2024年春风行动专场招聘会 " in block and "通讯员 李辉 摄" in block
    assert html.index("提供更加优质高效便捷的服务。") < html.index("print-captions")      # after the body


def test_the_publication_name_is_printed_when_the_editors_name_the_paper(monkeypatch):
    import builder.site.article as article

    settings = {**article.site_data(), "article": {**article.site_data()["article"], "publication": "重庆工人报"}}
    monkeypatch.setattr(article, "site_data", lambda: settings)
    html = html_of(article_page(full_article(), [], None, None))
    assert "原载《重庆工人报》2024年2月20日 第4版" in html
    web = Entry(Article("w.txt", 1, title="t", edition={"date": "2024-05-11", "origin": "华龙网"}), "articles/2024/t.md")
    assert "原载华龙网2024年5月11日 ·" in html_of(article_page(web, [], None, None))   # a site, no 《》, no paper guessed


def test_article_page_keeps_the_clean_article_front_matter_and_body():
    e = full_article()
    from builder.render import render_article

    clean = render_article(e.article)
    page = article_page(e, [], None, None)
    assert page.split("---\n")[1] == clean.split("---\n")[1]            # same front matter
    assert "相关文章" not in page and "article-pager" not in page       # nothing to link: nothing shown


def test_printed_column_is_shown_only_when_it_is_not_a_theme_already():
    series = Article("p.txt", 1, title="成渝工匠共话高质量发展", series="成渝地区双城经济圈·工会在行动",
                     column="渝工创新", meta=Metadata(date="2023-12-15", themes=["渝工创新"]))
    html = html_of(article_page(Entry(series, "articles/2023/x.md"), [], None, None))
    meta_line = re.search(r'<p class="article-meta">(.*?)</p>', html).group(1)
    assert "成渝地区双城经济圈·工会在行动" in meta_line and meta_line.count("渝工创新") == 1
    assert '<a href="../../districts/quanshi.md">全市</a>' in meta_line


# ---------------------------------------------------------------- related and neighbours

def test_related_articles_prefer_rare_shared_features_and_never_include_the_article_itself():
    related = related_articles(SMALL, weights=WEIGHTS)
    for e in SMALL:
        assert e.path not in [r.path for r in related[e.path]]
    mine = related[SMALL[2].path]                       # 最美驿站: shares 渝工港湾 and 驿站 with the undated one
    assert mine[0].title == "一篇没有日期的稿件"


def test_related_articles_are_capped_deterministic_and_need_a_real_overlap():
    many = [entry(f"驿站新闻{n}", f"2023-{1 + n % 12:02d}-{1 + n % 28:02d}", part=n, themes=["渝工港湾"],
                  tags=["驿站"]) for n in range(60)]
    loner = entry("毫不相干", "2023-05-01", part=99, tags=["独有的词"])
    first = related_articles([*many, loner], weights=WEIGHTS, count=5, window=10)
    again = related_articles(list(reversed([*many, loner])), weights=WEIGHTS, count=5, window=10)
    assert all(len(found) == 5 for path, found in first.items() if path != loner.path)
    assert first[loner.path] == []
    assert {p: [x.path for x in f] for p, f in first.items()} == {p: [x.path for x in f] for p, f in again.items()}


def test_busy_features_only_link_articles_near_in_time():
    many = [entry(f"港湾{n:03d}", "2023-01-01", part=n, themes=["渝工港湾"]) for n in range(200)]
    related = related_articles(many, weights=WEIGHTS, count=5, window=10)
    parts = [x.article.part for x in related[many[100].path]]
    assert all(abs(p - 100) <= 10 for p in parts)


def test_neighbours_follow_the_timeline_and_skip_undated_articles():
    n = timeline_neighbours(SMALL)
    by_title = {e.title: e.path for e in SMALL}
    before, after = n[by_title["凝聚奋进力量 谱写时代华章"]]
    assert before.title == "成渝工匠共话高质量发展" and after.title == "企业生产忙 勤把安全抓"
    assert n[by_title["一篇没有日期的稿件"]] == (None, None)
    assert n[by_title["长寿区总工会“春送岗位”"]][1] is None


# ---------------------------------------------------------------- feeds

def test_feed_is_valid_atom_with_absolute_links_newest_first_and_no_undated_entries():
    text = atom_feed(SMALL, site_url="https://example.org/news/", feed_path="feed.xml", title="重庆工会工作",
                     subtitle="", limit=3)
    root = ET.fromstring(text.encode("utf-8"))
    assert root.tag == f"{ATOM}feed"
    entries = root.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == [
        "长寿区总工会“春送岗位”", "企业生产忙 勤把安全抓", "凝聚奋进力量 谱写时代华章"]
    for e in entries:
        assert e.find(f"{ATOM}link").get("href").startswith("https://example.org/news/articles/")
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT00:00:00\+08:00", e.find(f"{ATOM}updated").text)
    assert root.find(f"{ATOM}updated").text == "2024-02-19T00:00:00+08:00"
    assert root.find(f"{ATOM}link[@rel='self']").get("href") == "https://example.org/news/feed.xml"


def test_feed_escapes_hostile_titles_as_xml_text():
    evil = entry("<script>alert(1)</script> & “引号”", "2024-01-01")
    text = atom_feed([evil], site_url="https://example.org/", feed_path="feed.xml", title="t", subtitle="s")
    assert "<script>" not in text
    assert ET.fromstring(text.encode()).find(f"{ATOM}entry/{ATOM}title").text == evil.title


def test_site_files_include_a_feed_per_theme_only_when_the_site_url_is_known():
    with_url = site_files([Published(e) for e in SMALL], site_url="https://example.org/", site_name="站")
    without = site_files([Published(e) for e in SMALL], site_url="", site_name="站")
    assert "feed.xml" in with_url and "feeds/gangwan.xml" in with_url
    assert not any(p.endswith(".xml") for p in without)
    gangwan = ET.fromstring(with_url["feeds/gangwan.xml"].encode())
    assert [e.find(f"{ATOM}title").text for e in gangwan.findall(f"{ATOM}entry")] == ["重庆45个站点入选全国“最美驿站”"]


# ---------------------------------------------------------------- statistics and home

def test_stats_page_counts_months_themes_and_districts():
    page = stats_page(SMALL)
    assert "共6篇文章。其中1篇只知道年份，1篇日期不详，它们不计入按月的统计。" in page
    years = re.search(r'class="chart chart-columns".*?</svg>', page.split("## 每年文章数")[1]).group(0)
    assert "<title>2023年：2 篇</title>" in years and "<title>2024年：3 篇</title>" in years
    months = re.search(r'class="chart chart-columns".*?</svg>', page.split("## 每月文章数")[1]).group(0)
    assert months.count("<rect") == 3                   # 2023-12, 2024-01, 2024-02: the gap month is drawn too
    assert "<title>2024年1月：0 篇</title>" in months and "<title>2023年12月：2 篇</title>" in months
    assert "| [渝工创新](../themes/chuangxin.md) | 实事 | 1 | 1 | 2 |" in page
    heat = page.split("## 各专题每月文章数")[1].split("## ")[0]
    # a cell's tooltip is read alone: it names the month with its year, also where the axis prints only "2" under a 2024年 noted at January
    assert "<title>渝工创新 · 2023年12月：1 篇</title>" in heat and "<title>渝工创新 · 2024年2月：0 篇</title>" in heat
    bars = re.search(r'class="chart chart-bars".*?</svg>', page).group(0)
    assert "<title>全市：2 篇</title>" in bars and 'href="../districts/quanshi/"' in bars


def test_stats_page_keeps_its_size_as_the_archive_spans_more_years():
    decades = [entry(f"稿件{n}", f"{2000 + n // 12}-{1 + n % 12:02d}-01", part=n, themes=["渝工港湾"])
               for n in range(240)]
    page = stats_page(decades)
    months = page.split("## 每月文章数")[1].split("## ")[0]
    assert months.count("<rect") == 24 and "最近24个月；更早的月份见[时间线](../timeline/index.md)。" in months
    heat = page.split("## 各专题每月文章数")[1].split("## ")[0]
    from builder.knowledge.taxonomy import load_themes
    assert heat.count("<rect") == 12 * len(load_themes())          # twelve months a theme
    assert page.split("## 每年文章数")[1].split("## ")[0].count("<rect") == 20
    assert len(page) < 1.2 * len(stats_page(decades[-48:]))


def test_home_page_lists_the_latest_articles_with_summaries_and_the_themes():
    described = [entry("长寿区总工会“春送岗位”", "2024-02-19", themes=["渝工暖心"], districts=["长寿区"])]
    described[0].article.meta = replace(described[0].article.meta, description="2月19日，长寿区总工会举办招聘会。")
    page = home_page([*described, *SMALL[1:]], site_name="重庆工会工作")
    latest = page.split("## 最新文章")[1].split("## 专题")[0]
    assert listed_titles(latest.replace("](articles/", "](../articles/"))[:3] == [
        "长寿区总工会“春送岗位”", "企业生产忙 勤把安全抓", "凝聚奋进力量 谱写时代华章"]
    assert '<span class="item-summary">2月19日，长寿区总工会举办招聘会。</span>' in latest
    assert "(themes/huimin.md)" in page and "(districts/changshou.md)" in page and "(timeline/2024.md)" in page
    assert "(all/index.md)" in page


def test_the_home_page_leads_with_the_news():
    page = home_page(SMALL, site_name="重庆工会工作")
    body = page.split("---\n", 2)[2]
    assert body.index("## 最新文章") < body.index("## 专题") < body.index("## 区县") < body.index("## 关于本站")
    assert "<svg" not in page                       # the tile map is on the districts page, not in the way here
    themes = page.split("## 专题")[1].split("## 区县")[0]
    assert "渝工安康" not in themes and "渝工同心强基" not in themes     # no articles: not offered


def test_home_page_of_an_empty_archive_says_so():
    page = home_page([], site_name="重庆工会工作")
    assert page.count("暂无文章。") >= 2


# ---------------------------------------------------------------- the seed site and scale

def test_seed_site_article_pages_have_their_links_and_every_link_target_exists(seed_build):
    files = site_files(seed_build.articles, site_url="https://example.org/", site_name="重庆工会工作")
    for published in seed_build.articles:
        page = files[published.path]
        assert 'class="article-meta"' in html_of(page) or "{: .article-meta }" in page
        for target in re.findall(r"\]\(([^)#\s]+\.md)(?:#[\w-]+)?\)", page):
            resolved = posixpath.normpath(posixpath.join(posixpath.dirname(published.path), target))
            assert resolved in files, (published.path, target)


def synthetic_archive(n: int) -> list[Published]:
    """n articles over ten years, with realistic feature overlap (themes, districts, tags, people)."""
    themes = ["渝工港湾", "渝工铸魂", "渝工建功", "渝工暖心", "渝工之家"]
    districts = ["北碚区", "长寿区", "永川区", "江津区", "渝北区", "城口县", ""]
    out = []
    for i in range(n):
        date = f"{2015 + i % 10}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        e = entry(f"第{i}篇工会新闻", date, part=i, themes=[themes[i % 5]],
                  districts=[d for d in [districts[i % 7]] if d], tags=[f"词{i % 300}", f"词{i % 37}"],
                  people=[f"张{i % 500}"])
        out.append(Published(e))
    return out


@pytest.mark.parametrize("n", [300])
def test_article_pages_do_not_grow_with_the_archive(n):
    small = site_files(synthetic_archive(n), site_url="", site_name="站")
    large = site_files(synthetic_archive(n * 4), site_url="", site_name="站")
    longest = {size: max(len(t) for p, t in files.items() if p.startswith("articles/"))
               for size, files in (("small", small), ("large", large))}
    assert longest["large"] <= longest["small"] * 1.1
    # the timeline has an overview, a page per year and per month with articles, each paginated
    months = {p.article.meta.date[:7] for p in synthetic_archive(n * 4)}
    timeline = [p for p in large if p.startswith("timeline/") and "/page/" not in p]
    assert len(timeline) == 1 + 10 + len(months)
    biggest = {size: max(len(t) for p, t in files.items() if not p.startswith("articles/") and p.endswith(".md"))
               for size, files in (("small", small), ("large", large))}
    assert biggest["large"] <= biggest["small"] * 1.25
