"""Inline residue: text inside a line that was never part of what the page printed.

Mirrors of news sites annotate characters with their pinyin (``強（qiáng）``,
``會(huì)``), pages copied out of broken HTML keep tag remnants (``…身边/P>``,
``来源9span>``), forum copies their markup codes (``[align=justify]``), and a lossy re-encoding writes an indent as ``???``.  Each
pass here takes those pieces out of a line and returns
them, so the page's drop list accounts for every letter and digit removed; the
rest of the line is left as it was, but for the spaces the removal leaves at
its ends (a line that was only a ``</p>`` becomes blank).

A hijacked page plants gambling sites' names in its text (``…9月26日半岛bd体育，由…``):
those come out too, by the names in data/furniture.yaml.

The passes run on the fixed lines (``textfix`` has already widened a bracket
that touches Chinese text: ``強（qiáng）``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from .knowledge.files import knowledge_file
from .text import SENTENCE_ENDS
from .model import Dropped

# a bracketed syllable with a tone mark, right after an ideograph (or the '?' a
# lossy re-encoding left where the ideograph was): 強（qiáng） 會(huì) 日?(bào)
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
# (a copy may leave a space inside the bracket: 會(huì ), or between syllables: 職工(zhí gōng))
_SYLLABLE = rf"(?=[a-zü{_TONED} ]*[{_TONED}])[a-zü{_TONED}]{{1,7}}(?: [a-zü{_TONED}]{{1,7}}){{0,3}} ?[）)]"
_PINYIN = re.compile(rf"(?<=[\u3400-\u9fff\uf900-\ufaff?？])[（(]{_SYLLABLE}"
                     # the re-encoding may have eaten the bracket too, leaving its '?': 日?qǐng)
                     rf"|(?<=[?？]){_SYLLABLE}")
# a tag's remnant that lost its '<' to a re-encoding ('/P>', '9span>'), or a bare paragraph or
# line-break tag a copy kept ('</p>', '<br>').  A tag with attributes is not residue of a copy:
# it stays, as text, and is escaped like every other character of a page.
_TAG_NAMES = "p|span|div|title|br|font|td|tr|li|h[1-6]"
_TAG_RESIDUE = re.compile(rf"(?<![A-Za-z<])(?:/|\d)(?:{_TAG_NAMES})>|</?(?:p|br|div|title)\s*/?>", re.IGNORECASE)


def strip_pinyin(line: str) -> tuple[str, list[str]]:
    """Remove pinyin annotations after characters; return the line and what was removed.

    >>> strip_pinyin("記者黃仕強（qiáng） 重慶市涪陵區(qū)")
    ('記者黃仕強 重慶市涪陵區', ['（qiáng）', '(qū)'])
    >>> strip_pinyin("工人日？qǐng)?bào)客戶端")
    ('工人日？?客戶端', ['qǐng)', 'bào)'])
    >>> strip_pinyin("工會(huì )驛站 職工(zhí gōng)")
    ('工會驛站 職工', ['(huì )', '(zhí gōng)'])
    >>> strip_pinyin("推广APP(app)，工会(GDP)")[1]
    []
    """
    return _strip(_PINYIN, line)


def strip_tag_residue(line: str) -> tuple[str, list[str]]:
    """Remove remnants of HTML tags a copy kept; return the line and what was removed.

    >>> strip_tag_residue("职工的兴奋之情溢于言表、/P>")
    ('职工的兴奋之情溢于言表、', ['/P>'])
    >>> strip_tag_residue("责任编辑9span>蔺凯")
    ('责任编辑蔺凯', ['9span>'])
    >>> strip_tag_residue("比分3>2，职工p>0的情况")[1]
    []
    """
    return _strip(_TAG_RESIDUE, line)


# a forum's markup code a copy kept as text ([align=justify], [/size], [b]): the forum's, never printed
_FORUM_CODE = re.compile(r"\[/?(?:align|color|size|font|backcolor|b|i|u|s|p|url|img|table|tr|td|list|quote|indent|hr)"
                         r"(?:=[^\[\]\s]{1,40})?\]", re.IGNORECASE)


def strip_forum_code(line: str) -> tuple[str, list[str]]:
    """Remove a forum's markup codes a copy kept; return the line and what was removed.

    A code right after a finished sentence opened the next paragraph: a space
    stands there instead, the way a copy that ran its paragraphs into one line
    marks where each ended (blocks.split_flattened_paragraphs reads it).

    >>> strip_forum_code("登台领奖 [align=justify]本报讯（记者 张三）[/align]")
    ('登台领奖 本报讯（记者 张三）', ['[align=justify]', '[/align]'])
    >>> strip_forum_code("大会召开。[align=justify]会议指出，……")
    ('大会召开。 会议指出，……', ['[align=justify]'])
    >>> strip_forum_code("比分[3]，见[注1]")[1]
    []
    """
    removed = _FORUM_CODE.findall(line)
    if not removed:
        return line, []
    finished = tuple(SENTENCE_ENDS) + ("”", "…")   # (…会议召开。”[align=justify]: the quote closed it)
    return _FORUM_CODE.sub(lambda m: " " if line[:m.start()].endswith(finished) else "", line), removed


# the empty cells of the table a copied line stood in, after its text: …帮扶中心。 | |||||||||
_TRAILING_BARS = re.compile(r"(?<=\S)\s*(?:[|｜]\s*){3,}$")
# (or the one cell's closing bar, spaced, on a line with no other bar: 农民工朋友们感谢你们 |)
_CLOSING_BAR = re.compile(r"(?<=\S)\s+[|｜]\s*$")


def strip_trailing_bars(line: str) -> tuple[str, list[str]]:
    """Remove the empty table cells' bars after a line's text; return the line and them.

    >>> strip_trailing_bars("全省已建立帮扶中心。 | |||||||||")
    ('全省已建立帮扶中心。', ['| |||||||||'])
    >>> strip_trailing_bars("农民工朋友们感谢你们 |")
    ('农民工朋友们感谢你们', ['|'])
    >>> strip_trailing_bars("| 姓名 | 单位 |")[1], strip_trailing_bars("甲 | 乙")[1], strip_trailing_bars("甲 | 乙 |")[1]
    ([], [], [])
    """
    match = _TRAILING_BARS.search(line)
    if match is None:
        closing = _CLOSING_BAR.search(line)
        match = closing if closing and line.count("|") + line.count("｜") == 1 else None
    return (line[:match.start()], [match.group(0).strip()]) if match else (line, [])


# a web copy's marker of where the body starts, glued to the first paragraph: 【正文】职工互助保障是……
_BODY_MARKER = re.compile(r"^\s*[【\[［]\s?(正文|全文|内容)\s?[】\]］]\s?(?=\S)")


def strip_body_marker(line: str) -> tuple[str, list[str]]:
    """Remove a body marker at the start of a line; return the line and what was removed.

    >>> strip_body_marker("【正文】职工互助保障是一种互助互济保障活动。")
    ('职工互助保障是一种互助互济保障活动。', ['【正文】'])
    >>> strip_body_marker("【正文】")[1], strip_body_marker("会议【正文】")[1]
    ([], [])
    """
    match = _BODY_MARKER.match(line)
    return (line[match.end():], [match.group(0).strip()]) if match else (line, [])


# an indent a lossy re-encoding turned into question marks (full-width spaces it could not write)
# (textfix has widened them where they touch Chinese text, taking the space: ？？？武某某在讲话中指出)
# (or spaced, one per full-width space it stood for: ? ? 2017年2月9日，…)
# (two at a line's start are one even when the text follows at once: no line of text opens on ？？)
_LOST_INDENT = re.compile(r"^\s*(?:[?？]{2,}|[?？](?: [?？])+(?=\s|$))")


def strip_lost_indent(line: str) -> tuple[str, list[str]]:
    """Remove the question marks a re-encoding left for a paragraph's indent; return the line and them.

    >>> strip_lost_indent("??? 10月11日，某市劳动竞赛启动。"), strip_lost_indent("???")
    (('10月11日，某市劳动竞赛启动。', ['???']), ('', ['???']))
    >>> strip_lost_indent("你知道吗？？真的吗")[1], strip_lost_indent("?? 为什么")[1], strip_lost_indent("？？？武某某指出")
    ([], ['??'], ('武某某指出', ['？？？']))
    >>> strip_lost_indent("? ? 2017年2月9日，某区总工会来调研。"), strip_lost_indent("? 为什么")[1]
    (('2017年2月9日，某区总工会来调研。', ['? ?']), [])
    >>> strip_lost_indent("？？調研組一行察看了職工之家。")
    ('調研組一行察看了職工之家。', ['？？'])
    """
    match = _LOST_INDENT.match(line)
    return (line[match.end():].lstrip(), [match.group(0).strip()]) if match else (line, [])


@lru_cache(maxsize=1)
def _planted_spam() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in knowledge_file("furniture")["planted_spam"]))


def strip_planted_spam(line: str) -> tuple[str, list[str]]:
    """Remove the gambling sites' names a hijacked page planted in a line; return the line and them.

    >>> strip_planted_spam("9月26日半岛bd体育，由某某工会主办的“建设半岛bd体育新重庆”职工技能大赛开赛。")
    ('9月26日，由某某工会主办的“建设新重庆”职工技能大赛开赛。', ['半岛bd体育', '半岛bd体育'])
    >>> strip_planted_spam("奇异果体育官方网站-组图 某区职工大秀“工装秀”")
    ('组图 某区职工大秀“工装秀”', ['奇异果体育官方网站-'])
    >>> strip_planted_spam("职工在半岛酒店参加体育比赛，打开云端平台报名。")[1]
    []
    """
    found = [m.group(0) for m in _planted_spam().finditer(line)]
    return (_planted_spam().sub("", line), found) if found else (line, [])


def _strip(pattern: re.Pattern[str], line: str) -> tuple[str, list[str]]:
    removed = pattern.findall(line)
    return (pattern.sub("", line), removed) if removed else (line, [])


# (pass, reason logged for what it removes), in the order they run
PASSES: tuple[tuple[Callable[[str], tuple[str, list[str]]], str], ...] = (
    (strip_tag_residue, "remnant of an HTML tag"),
    (strip_forum_code, "a forum's markup code"),
    (strip_trailing_bars, "the empty cells of a table after the text"),
    (strip_pinyin, "pinyin annotation after a character"),
    (strip_body_marker, "a web copy's marker of where the body starts"),
    (strip_lost_indent, "question marks a re-encoding left for an indent"),
    (strip_planted_spam, "a gambling site's name planted in the page"),
)


def strip_inline_residue(source: str, lines: list[str]) -> tuple[list[str], list[Dropped]]:
    """Every pass over every line; the removed pieces as drop-list entries with their line numbers.

    >>> lines, dropped = strip_inline_residue("p.txt", ["重慶市總工會(huì)", "正文。/p>"])
    >>> lines, [(d.line, d.text) for d in dropped]
    (['重慶市總工會', '正文。'], [(1, '(huì)'), (2, '/p>')])
    """
    out: list[str] = []
    dropped: list[Dropped] = []
    for number, line in enumerate(lines, start=1):
        for strip, reason in PASSES:
            line, removed = strip(line)
            dropped += [Dropped(source, number, piece, reason) for piece in removed]
        out.append(line.strip())
    return out, dropped
