"""Pages of the genre the rules were not written on: other districts, columns, encodings and layouts.

Each page was written for these tests (tests/robustness/cases/): a 版次 page
of 简讯 items, a GB18030 page with a kicker over a ``#`` title, a page where a
photo caption cuts a paragraph mid-word, and a two-line title marked on both
lines under a series banner with a kicker line right above it.
"""

from __future__ import annotations

import pytest

from builder.conservation import account
from builder.ingest import decode
from builder.pipeline import read_page

from .support import CASES, UNSEEN_PAGES, lost_cjk


@pytest.fixture(scope="module")
def pages():
    return {name: read_page(name, (CASES / name).read_bytes())[0] for name in UNSEEN_PAGES}


# (label: column, section or series; kicker; title; subtitle), per article, read off each page by hand
EXPECTED = {
    "wanzhou-briefs-edition.txt": [
        ("简讯", "", "万州区总工会举办女职工技能大赛", ""),
        ("简讯", "", "綦江区“工会驿站”上新", ""),
        ("简讯", "", "梁平区开展职工法律援助进企业活动", ""),
    ],
    "fuling-gb18030.txt": [
        ("渝工建功", "涪陵区总工会深化产业工人队伍建设改革", "技能“比武场”跑出发展“加速度”",
         "——涪陵区2024年职工职业技能大赛侧记"),
    ],
    "qianjiang-caption-cuts-paragraph.txt": [
        ("渝工暖心", "", "黔江区总工会开展“送温暖”活动", ""),
        ("渝工暖心", "", "石柱县工会为环卫工人送上“爱心早餐”", ""),
    ],
    "dazu-kicker-two-line-title.txt": [
        ("川渝产业工人队伍建设改革·协同推进", "大足区总工会", "搭建技能成才“立交桥” 助力产业工人队伍建设", ""),
    ],
}


@pytest.mark.parametrize("name", UNSEEN_PAGES)
def test_the_page_splits_into_the_expected_articles(pages, name):
    page = pages[name]
    got = [(a.column or a.section or a.series, a.kicker, a.title, a.subtitle) for a in page.articles]
    assert got == EXPECTED[name]
    assert not [d for d in page.diagnostics if d.severity.value == "error"], page.diagnostics


@pytest.mark.parametrize("name", UNSEEN_PAGES)
def test_nothing_of_the_page_is_lost(pages, name):
    page = pages[name]
    assert account(page.text, page.articles, page.dropped) == ({}, {})
    assert not lost_cjk((CASES / name).read_bytes(), page)


def test_edition_header_page_of_briefs(pages):
    page = pages["wanzhou-briefs-edition.txt"]
    assert [d.text for d in page.dropped] == ["版次：003 作者：来源：2024年03月08日"]
    assert all(a.meta.date == "2024-03-08" and a.edition["page"] == "003" for a in page.articles)
    assert [len(a.body) for a in page.articles] == [2, 1, 1]
    assert not any(p.heading for a in page.articles for p in a.body)
    # the page's closing credit, in brackets, ends the last item
    assert page.articles[-1].credits == ["（本版稿件由各区县总工会提供）"]


def test_gb18030_page_with_kicker_caption_and_bracketed_credit(pages):
    assert decode((CASES / "fuling-gb18030.txt").read_bytes()).encoding == "gb18030"
    (article,) = pages["fuling-gb18030.txt"].articles
    assert [(i, c.text, c.credit) for i, c in article.captions] == [(1, "焊工项目比赛现场", "通讯员 刘洋 摄")]
    assert article.credits == ["（记者 陈静 通讯员 刘洋）"]
    assert article.meta.authors == ["陈静", "刘洋"]
    assert article.meta.date == "2024-03-12"
    assert len(article.body) == 3


def test_a_caption_that_cuts_a_paragraph_mid_word_moves_after_it(pages):
    first, second = pages["qianjiang-caption-cuts-paragraph.txt"].articles
    assert first.body[-1].text.endswith("推动帮扶工作由生活救助向就业帮扶、技能提升等多元化服务转变，切实增强职工群众获得感。")
    assert [(i, c.text, c.credit) for i, c in first.captions] == [(1, "黔江区总工会走访慰问困难职工", "通讯员 杨帆 摄")]
    assert first.credits == ["（通讯员 杨帆）"] and first.meta.authors == ["杨帆"]
    assert second.body[0].text.startswith("近日，石柱土家族自治县总工会")


def test_two_line_title_kicker_and_a_byline_of_two_roles(pages):
    (article,) = pages["dazu-kicker-two-line-title.txt"].articles
    assert article.bylines == ["记者 黄敏 通讯员 罗丹"]
    assert article.meta.authors == ["黄敏", "罗丹"]
    assert [p.text for p in article.body if p.heading] == ["以赛促学 练就过硬本领", "以评促用 打通上升通道"]
