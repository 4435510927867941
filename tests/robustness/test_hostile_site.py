"""Raw pages full of markup, built into a real site: no element or attribute of the HTML comes from them.

The site is this repository's configuration built over the hostile case
pages and the good page.  Material's own scripts, forms and icons are
allowed: an article page built from a hostile page must hold exactly as many
of them as the good page's article does, and nothing the input named.
"""

from __future__ import annotations

import pytest

from builder.model import Article, Caption, Para
from builder.render import render_article

from .support import GOOD_TITLE, MARKER, Markup, article_html, hostile_site, parse_html


@pytest.fixture(scope="module")
def site():
    return hostile_site()


def test_the_checker_finds_markup_that_got_through():
    checker = Markup()
    checker.feed('<p>正文<img src=x onerror="alert(1)"><a href=" JaVa\tscript:alert(2)">链接</a></p>'
                 '<script>alert("pwned")</script><iframe src="pwned.html"></iframe>')
    found = checker.problems()
    assert any("event handler" in f for f in found) and any("script URL" in f for f in found)
    assert any("script holds input text" in f for f in found) and any("loads what the input named" in f for f in found)
    assert checker.active_counts() == {"img": 1, "script": 1, "iframe": 1}


def test_no_page_of_the_site_holds_markup_from_the_input(site):
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 10
    problems = {str(p.relative_to(site)): found for p in pages if (found := parse_html(p).problems())}
    assert not problems


@pytest.mark.parametrize("heading", ["pwned-title", "江北区总工会推进“职工书屋”建设", "丰都县总工会",
                                     "沙坪坝区总工会", "近日，城口县总工会"],
                         ids=["markup", "markdown-marks", "front-matter", "invisible", "no-title"])
def test_a_hostile_article_page_has_only_the_elements_of_a_harmless_one(site, heading):
    harmless = parse_html(article_html(site, GOOD_TITLE))
    hostile = parse_html(article_html(site, heading))
    assert hostile.active_counts() == harmless.active_counts()
    assert hostile.scripts == harmless.scripts          # Material's scripts, the same on every article
    assert not [a for tag, a in hostile.elements if tag == "meta" and "http-equiv" in a]


def test_the_hostile_text_is_shown_as_text_and_templates_are_not_run(site):
    page = parse_html(article_html(site, "pwned-title"))
    text = page.visible_text
    for written in ('<img src=x onerror=alert("pwned-title")>职工之家{{ config.site_name }}建设'
                    '{% include "main.html" %}提速',
                    '<script>alert("pwned-kicker")</script>九龙坡区总工会',
                    '<script>alert("pwned-body")</script>',
                    "<a href=\"javascript:alert('pwned-link')\">上半年</a>",
                    "{{ lipsum.__globals__ }}",
                    "<svg onload=alert(\"pwned-svg\")>320个",
                    "副题{{ 7*7 }}",
                    "<i>李明</i>"):
        assert written in text, written
    assert "副题49" not in text


def test_a_markdown_link_to_a_script_stays_text(site):
    page = parse_html(article_html(site, "pwned-title"))
    assert "[点此领奖](javascript:alert('pwned-markdown-link'）" in page.visible_text
    assert not [a for tag, a in page.elements if tag == "a" and MARKER in a.get("href", "")
                and "javascript" in a.get("href", "")]


def test_markdown_marks_at_line_starts_make_no_lists_quotes_tables_or_code(site):
    page = parse_html(article_html(site, "江北区总工会推进“职工书屋”建设"))
    tags = {tag for tag, _ in page.elements}
    article_tags = [tag for tag, _ in page.elements[[t for t, _ in page.elements].index("h1"):]]
    assert not {"blockquote", "table", "pre", "code", "ol", "strong", "em", "hr"} & set(article_tags), tags
    for text in ("* 星号开头", "- 横线开头", "+ 加号开头", "> 引号开头", "1. 数字开头", "| 表格 | 开头 |",
                 "> **江北区总工会** _表示_ 将持续推进。"):
        assert text in page.visible_text, text


def test_no_template_braces_from_a_page_reach_the_markdown():
    article = Article("p.txt", 1, title="标题", kicker="{{ config }}", subtitle="{% raw %}",
                      body=[Para("正文。", 3, 3)], captions=[(0, Caption("图片{{ 7*7 }}"))])
    markdown = render_article(article).split("\n---\n", 1)[1]        # the body, after the front matter
    assert "{{" not in markdown and "{%" not in markdown
