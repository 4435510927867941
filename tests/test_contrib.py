"""Contributed articles: Markdown with front matter, validated, rendered through the sanitizer, published like the others."""

import textwrap

import pytest

from builder.contrib import read_markdown_article
from builder.pipeline import build

GOOD = textwrap.dedent("""\
    ---
    title: 某区总工会举办职工趣味运动会
    date: 2024-05-01
    column: 渝工爱渝
    districts: [北碚]
    authors: [张三]
    captions: [职工参加拔河比赛]
    ---
    5月1日，北碚区总工会在区体育馆举办职工趣味运动会，30家单位400余名职工参加。

    ## 比赛项目

    运动会设拔河、跳绳等项目。<script>alert(1)</script>**粗体**
    第二行接着写。
    """)


def test_a_contributed_article_is_parsed_with_its_fields():
    article, fields, diagnostics = read_markdown_article("contrib.md", GOOD)
    assert not diagnostics
    assert article.title == "某区总工会举办职工趣味运动会" and article.column == "渝工爱渝"
    assert fields["districts"] == ["北碚区"] and fields["date"] == "2024-05-01"
    assert [p.heading for p in article.body] == [False, True, False]
    assert article.body[2].text == "运动会设拔河、跳绳等项目。粗体第二行接着写。"    # CJK lines join without a space
    assert [c.text for _, c in article.captions] == ["职工参加拔河比赛"]


def test_a_contributed_article_is_published_enriched_and_sanitized(tmp_path):
    (tmp_path / "contrib.md").write_text(GOOD, encoding="utf-8")
    result = build(tmp_path)
    assert not [d for d in result.diagnostics if d.severity.value == "error"]
    published = result.articles[0]
    meta = published.article.meta
    assert published.path == "articles/2024/2024-05-01-mou-qu-zong-gong-hui-ju-ban-zhi-gong-qu-wei-yun-dong-hui.md"
    assert meta.date_source == "front matter" and meta.authors == ["张三"]
    # the column decides first, as for raw pages; a games day is also workers' sport (渝工铸魂's 文体)
    assert meta.themes == ["渝工爱渝", "渝工铸魂"]
    assert meta.description.startswith("5月1日，北碚区总工会")  # filled by enrichment
    assert "<script" not in published.markdown and "alert" not in published.markdown
    assert "<p>运动会设拔河、跳绳等项目。<strong>粗体</strong>第二行接着写。</p>" in published.markdown


@pytest.mark.parametrize("text, message, line", [
    ("正文，没有前言。\n", "must start with YAML front matter", 1),
    ("---\ntitle: [\n---\n正文。\n", "front matter is not valid YAML", None),
    ("---\ndate: 2024-01-01\n---\n正文。\n", "needs a 'title'", 1),
    ("---\ntitle: 标题\ndistricts: [火星区]\n---\n正文。\n", "unknown district '火星区'", 3),
    ("---\ntitle: 标题\ndate: 2024-02-30\n---\n正文。\n", "malformed date '2024-02-30'", 3),
    ("---\ntitle: 标题\ncolour: red\n---\n正文。\n", "unknown key 'colour'", 3),
    ("---\ntitle: 标题\n---\n\n", "no body text", None),
])
def test_bad_contributions_are_reported(text, message, line):
    _, _, diagnostics = read_markdown_article("bad.md", text)
    found = [d for d in diagnostics if message in d.message]
    assert found, [str(d) for d in diagnostics]
    assert found[0].source == "bad.md"
    if line is not None:
        assert found[0].line == line


RICH = textwrap.dedent("""\
    ---
    title: 某区总工会发布职工服务清单
    date: 2024-06-01
    ---
    区总工会发布**职工服务清单**，详见[活动通知](https://example.org/notice)。

    - 法律援助
    - 心理咨询

    > 职工有需要可随时联系。

    | 项目 | 电话 |
    | --- | --- |
    | 法律援助 | 12351 |

    ![服务站照片](photos/station.jpg)
    """)

HOSTILE = textwrap.dedent("""\
    ---
    title: 某区总工会发布职工服务清单
    date: 2024-06-01
    ---
    区总工会发布清单。<script>alert('pwned')</script>

    <img src=x onerror="alert('pwned')">

    [点这里](javascript:alert('pwned')) 和 [下载](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)

    <a href="https://example.org" onclick="alert('pwned')">外链</a>
    """)


def test_contributed_markdown_renders_bold_links_lists_quotes_and_tables():
    article, _, diagnostics = read_markdown_article("rich.md", RICH)
    html = article.body_html
    assert "<strong>职工服务清单</strong>" in html
    assert '<a href="https://example.org/notice" rel="noopener noreferrer nofollow">活动通知</a>' in html
    assert "<ul>\n<li>法律援助</li>\n<li>心理咨询</li>\n</ul>" in html
    assert "<blockquote>" in html and "<td>12351</td>" in html and "<th>项目</th>" in html
    assert "<img" not in html                                  # no pictures from articles yet: said, not hidden
    assert [(d.line, d.severity.value) for d in diagnostics] == [(16, "warning")]
    assert "photos/station.jpg" in diagnostics[0].message
    assert [p.text for p in article.body][:3] == ["区总工会发布职工服务清单，详见活动通知。", "法律援助", "心理咨询"]


def test_hostile_markdown_renders_no_script_handler_or_unsafe_link():
    article, _, diagnostics = read_markdown_article("hostile.md", HOSTILE)
    html = article.body_html.lower()
    for banned in ("<script", "onerror", "onclick", "javascript:", "data:", "alert", "<img"):
        assert banned not in html, banned
    assert "点这里" in html and "下载" in html and "外链" in html          # the link texts stay, as text
    lines = sorted((d.line, d.message.split(":")[0]) for d in diagnostics)
    assert lines == [(7, "the image 'x' is not published"), (9, "a link to 'data"), (9, "a link to 'javascript")]
    assert "the site shows only the photos in hostile.photos/" in next(d.message for d in diagnostics if d.line == 7)
