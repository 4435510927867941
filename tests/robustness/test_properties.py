"""Properties of the cleaning passes, over generated input (hypothesis).

* every text fix is idempotent and never loses or adds a letter or digit;
* decoding and every pass up to whole pages never raise on arbitrary
  Unicode or arbitrary bytes (bad input is an ``UnreadableInput`` message);
* on any page, every letter and digit ends up in an article or the drop list.
"""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from builder.blocks import group_lines, mark_captions, mark_labels, mark_teasers, page_blocks
from builder.conservation import account
from builder.ingest import UnreadableInput, decode, hard_break_lines, split_lines
from builder.layout import rejoin
from builder.model import Kind
from builder.pipeline import read_page
from builder.split import split_page
from builder.textfix import FIXES, cjk_characters, fix_line, readable_characters

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# characters the fixes and rules care about, so generated text hits them often
TRICKY = list("渝工铸魂北碚区总工会劳模，。、；：！？“”（）《》——…·■ 　,.;:!?()０１２３，．ＡＢ0123456789abc#*->|`~=_"
              "\t\u00a0\u200b\u200d\u202e\ufeff\u00ad\x07\x1b\x85\u2028\u2029\r\n\x0b\x0c𠮷")
text = st.one_of(st.text(), st.text(st.sampled_from(TRICKY)))

# lines of the genre: labels, headers, furniture, credits, captions, titles, cut paragraphs, markup
GENRE_LINES = [
    "渝工铸魂", "## 渝工港湾", "成渝地区双城经济圈·工会在行动", "代表热议", "简讯",
    "版次:004    作者:来源:    2023年05月25日", "扫描查看名单", "上转第2版", "本版图文由罗梅、何菊提供",
    "（记者 陈静 通讯员 刘洋）", "何勇 黔江区总工会", "陶永国 潘锋 图片由北碚区总工会提供",
    "长寿区2024年春风行动专场招聘会 (通讯员 李辉 摄)", "# 企业生产忙 勤把安全抓", "## 党建铸魂 聚力凝心",
    "企业生产忙", "勤把安全抓", "——江津工会五年工作回眸", "重庆45个站点  ",
    "近年来,北碚区总工会按照建好工人大家庭、当好职工“娘家人”的要求开展工作。",
    "北碚区总工会在全市率先创新开展劳", "模“亮身份”活动，全区127名区级以上劳模参加。",
    "一是建立结对机制。", "■渝工强基 聚焦非公经济组织", "实现资源共享、互惠共赢。本组稿件由市总工会提供",
    "---", "```", "* * *", "====", "> 引用", "1. 第一条", "    缩进的一段话。", "title: 假标题",
    "<script>alert(1)</script>", "{{ config }}", "", "", "",
]
page_text = st.lists(st.one_of(st.sampled_from(GENRE_LINES), st.text(max_size=30)), max_size=30).map("\n".join)


@pytest.mark.parametrize("fix", FIXES, ids=lambda f: f.__name__)
@SETTINGS
@given(line=text)
def test_every_fix_is_idempotent_and_keeps_letters_and_digits(fix, line):
    once = fix(line)
    assert fix(once) == once
    assert Counter(cjk_characters(once)) == Counter(cjk_characters(line))
    if fix.__name__ != "remove_invisible_characters":         # the only fix that may remove characters
        # (folding ２ to 2 changes a digit's form, never the number of letters and digits)
        assert len(readable_characters(once)) == len(readable_characters(line))


@SETTINGS
@given(line=text)
@example("\u3000截至２０２４年底 ,全区１，２００个  ")
def test_fix_line_is_idempotent(line):
    assert fix_line(fix_line(line)) == fix_line(line)


@SETTINGS
@given(data=st.binary(max_size=600))
def test_decode_either_decodes_or_says_why(data):
    try:
        decoded = decode(data)
    except UnreadableInput as exc:
        assert str(exc)
    else:
        split_lines(decoded.text)


@SETTINGS
@given(raw=st.one_of(text, page_text))
def test_split_lines_never_raises_and_keeps_the_line_numbers(raw):
    lines = split_lines(raw)
    assert len(lines) <= len(raw.splitlines())
    assert all(line == fix_line(line) for line in lines)
    assert max(hard_break_lines(raw), default=0) <= len(raw.splitlines())


@SETTINGS
@given(raw=page_text)
def test_block_passes_keep_every_line_and_never_raise(raw):
    lines = split_lines(raw)
    blocks = mark_teasers(mark_captions(mark_labels(group_lines(lines, hard_break_lines(raw)))))
    text_of_blocks = Counter(readable_characters(" ".join(b.text for b in blocks)))
    assert text_of_blocks == Counter(readable_characters("\n".join(lines)))
    assert all(b.first_line <= b.last_line for b in blocks)
    assert [b.first_line for b in blocks] == sorted(b.first_line for b in blocks)


@SETTINGS
@given(raw=page_text)
def test_rejoin_keeps_every_character_and_every_caption(raw):
    blocks = page_blocks(split_lines(raw))
    joined, _ = rejoin(blocks)
    assert Counter(readable_characters("".join(b.text for b in joined))) == \
        Counter(readable_characters("".join(b.text for b in blocks)))
    assert sum(b.kind is Kind.CAPTION for b in joined) == sum(b.kind is Kind.CAPTION for b in blocks)


@SETTINGS
@given(raw=page_text)
def test_split_page_accounts_for_every_letter_and_digit(raw):
    lines = split_lines(raw)
    articles, dropped, diagnostics, _ = split_page("p.txt", page_blocks(lines, hard_break_lines(raw)))
    assert account("\n".join(lines), articles, dropped) == ({}, {})
    assert [a.part for a in articles] == list(range(1, len(articles) + 1))
    assert articles or diagnostics


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(st.binary(max_size=300), text.map(str.encode), page_text.map(str.encode),
                      page_text.map(lambda t: t.encode("utf-16")), page_text.map(lambda t: t.encode("gb18030"))))
@example(b"00\xc2\xb70\xe4\xbc\x9a")                   # '00·0会': a banner with nothing under it
def test_read_page_never_raises_and_loses_nothing(data):
    page, _ = read_page("p.txt", data)
    assert not [d for d in page.diagnostics if "lost" in d.message or "not in the page" in d.message]
    assert page.articles or page.diagnostics
