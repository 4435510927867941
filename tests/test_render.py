"""Rendering: front matter, the page layout in Markdown, and escaping of everything from an input."""

import markdown
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.model import Article, Caption, Metadata, Para
from builder.render import dump_yaml, escape_markdown, render_article

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "[点我](javascript:alert(1))",
    "<a href=\"javascript:alert(1)\">链接</a>",
    "{{ config.site_name }} {% for x in y %}",
    "# 不是标题",
    "* 不是列表",
    "1. 不是编号",
    "> 不是引用",
    "| 不是 | 表格 |",
    "**不是粗体** _不是斜体_ `不是代码`",
    "&lt;已经是实体&gt;",
]


def _html(text: str) -> str:
    return markdown.markdown(text, extensions=["attr_list", "md_in_html", "tables"])


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_renders_as_the_same_literal_text(text):
    html = _html(escape_markdown(text))
    assert html.startswith("<p>") and html.endswith("</p>")
    inner = html[3:-4]
    assert "<" not in inner.replace("&lt;", "")           # no element came from the input
    import html as html_lib
    assert html_lib.unescape(inner) == text               # and every character is still there


def article(**kw) -> Article:
    defaults = dict(source="page.txt", part=2, title="长寿区总工会“春送岗位”", column="渝工暖心",
                    body=[Para("2月19日，长寿区总工会举办招聘会。", 58, 58), Para("下一步工作", 60, 60, heading=True),
                          Para("提供更加优质高效便捷的服务。", 62, 62)],
                    captions=[(0, Caption("长寿区2024年春风行动专场招聘会", "通讯员 李辉 摄", 68))],
                    first_line=56, last_line=76)
    defaults.update(kw)
    return Article(**defaults)


def split_front_matter(text: str) -> tuple[dict, str]:
    _, fm, body = text.split("---\n", 2)
    return yaml.safe_load(fm), body


def test_front_matter_keys_and_values():
    meta, _ = split_front_matter(render_article(article(meta=Metadata(themes=["渝工暖心"], date="2024-02-19"))))
    assert meta["title"] == "长寿区总工会“春送岗位”"
    assert meta["column"] == "渝工暖心"
    assert meta["captions"] == ["长寿区2024年春风行动专场招聘会（通讯员 李辉 摄）"]
    assert meta["source"] == "page.txt" and meta["part"] == 2 and meta["lines"] == "56-76"
    assert list(meta)[:2] == ["title", "column"]         # fixed order: readable diffs
    assert "subtitle" not in meta                         # empty values are left out


def test_body_keeps_headings_and_puts_captions_where_they_stood():
    _, body = split_front_matter(render_article(article()))
    lines = [line for line in body.splitlines() if line]
    assert lines[0] == "# 长寿区总工会“春送岗位”"
    assert lines[1] == "2月19日，长寿区总工会举办招聘会。"
    assert lines[2].startswith('<figure class="article-photo"><figcaption>长寿区2024年春风行动专场招聘会')
    assert lines[3] == "## 下一步工作"


def test_hostile_title_and_caption_are_escaped_everywhere():
    evil = article(title="<script>alert(1)</script>", subtitle="<img src=x onerror=alert(1)>",
                   captions=[(-1, Caption("<b>图</b>", "", 1))],
                   body=[Para("{{ 7*7 }} <iframe src=javascript:alert(1)>", 3, 3)])
    text = render_article(evil)
    meta, body = split_front_matter(text)
    assert meta["title"] == "<script>alert(1)</script>"   # YAML keeps the text; templates escape it
    html = _html(body)
    for tag in ("<script", "<img", "<iframe", "<b>"):
        assert tag not in html
    assert "{{" not in body


def test_site_header_goes_after_the_title_block_and_footer_after_the_credits():
    a = article(subtitle="副题", captions=[(-1, Caption("开头的图", "", 57))], bylines=["何勇 长寿区总工会"])
    text = render_article(a, header="HEADER-LINE", footer="FOOTER-LINE")
    lines = [line for line in text.split("---\n", 2)[2].splitlines() if line]
    assert lines[:4] == ["# 长寿区总工会“春送岗位”", '<p class="article-subtitle">副题</p>', "HEADER-LINE",
                         '<figure class="article-photo"><figcaption>开头的图</figcaption></figure>']
    assert lines[-2:] == ['<p class="article-credits">何勇 长寿区总工会</p>', "FOOTER-LINE"]


def test_front_matter_block_splits_off_exactly_as_rendered():
    from builder.render import render_body, render_front_matter, split_front_matter

    a = article(meta=Metadata(date="2024-02-19"))
    text = render_article(a)
    front, body = split_front_matter(text)
    assert front == render_front_matter(a) and body == render_body(a) and front + body == text


# libyaml writes faster; the front matter must still be exactly what PyYAML's safe dumper writes.
_YAML_TEXT = st.text(alphabet=st.sampled_from(list("北碚区总工会　 :#-'\"{}|>\n\t\r\x85\u2028\ufeff\x00\x07😀é—“”·■a1 &*!%@`?,[]\\𠮷")),
                     max_size=12)


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.sampled_from(["title", "tags", "part", "edition"]),
                       st.one_of(_YAML_TEXT, st.lists(_YAML_TEXT, max_size=3), st.integers(0, 99)), max_size=4))
def test_front_matter_yaml_is_what_pyyaml_writes(data):
    expected = yaml.dump(data, Dumper=yaml.SafeDumper, allow_unicode=True, sort_keys=False, width=10_000)
    assert dump_yaml(data) == expected


# Values of the kinds front matter holds, with the ones YAML reads as something else
# (dates, numbers, booleans, null, indicators, comments, quotes) and ones libyaml escapes.
_TRICKY_VALUES = ["渝工铸魂", "2024-02-19", "2024", "1.5", "yes", "No", "on", "null", "~", "", " 前导空格",
                  "尾随空格 ", "a: b", "#话题", "标题 #1", "- 列表", "? 问", "[方括号]", "{花括号}", "&锚", "*星",
                  "!感叹", "%百分", "@作者", "`反引号", "'单引号'", '"双引号"', "冒号：全角", "劳模𠮷", "😀表情",
                  "含\u0085控制", "分\u2028隔", "两行\n文字", "x" * 6000, 0, 7, -3, 2.5, True, False]


@pytest.mark.parametrize("value", _TRICKY_VALUES, ids=range(len(_TRICKY_VALUES)))
def test_front_matter_lines_are_what_pyyaml_writes(value):
    data = {"title": "江北区“工会驿站”", "part": 2, "value": value, "themes": ["渝工暖心", value], "tags": [value]}
    expected = yaml.dump(data, Dumper=yaml.SafeDumper, allow_unicode=True, sort_keys=False, width=10_000)
    assert dump_yaml(data) == expected


def test_front_matter_with_a_nested_mapping_is_what_pyyaml_writes():
    data = {"title": "标题", "edition": {"paper": "工人日报", "page": 4}, "captions": []}
    expected = yaml.dump(data, Dumper=yaml.SafeDumper, allow_unicode=True, sort_keys=False, width=10_000)
    assert dump_yaml(data) == expected
