"""Blocks: fixed lines of a page → layout blocks, each with a kind.

A block is a run of consecutive non-blank lines.  Dumps of e-paper pages
keep a little of the layout in their blank lines and Markdown marks, and
these passes read it:

* ``group_lines``      lines → blocks, counting the blank lines before each;
* ``mark_labels``      column labels, banners, section labels, edition headers,
                       page furniture, credits and bylines get their kind;
* ``mark_captions``    a short line standing after a wide gap (where a photo was)
                       is a caption;
* ``mark_teasers``     a line that repeats a later title of the same page is a
                       teaser, printed twice, published once.

Every pass returns new blocks; none drops text (a furniture block keeps its
text and the splitter moves it to the page's drop list).
"""

from __future__ import annotations

import re
from dataclasses import replace

from . import labels
from .meta.dates import parse_edition_header
from .model import Block, Kind

_HEADING_MARK = re.compile(r"^(#{1,6})\s+")
_MARKUP_ONLY = re.compile(r"^[-*_=~`#>|+.:\s]+$")
_SETEXT_UNDERLINE = re.compile(r"^(={3,}|-{3,})$")
_FRONT_MATTER_KEY = re.compile(r"^[A-Za-z_][\w-]*\s*[:：]")
FRONT_MATTER_MAX_LINES = 60
PHOTO_GAP = 2          # blank lines that mark where a photo stood
CAPTION_MAX_CHARS = 80


def group_lines(lines: list[str], hard_breaks: frozenset[int] = frozenset()) -> list[Block]:
    """Group consecutive non-blank lines into blocks.

    A leading Markdown heading mark (``## 渝工港湾``) is taken off the text
    and kept as ``heading_level``, a hint for the splitter; so is a setext
    underline (a line of ``===`` or ``---`` right under the text).  Lines
    listed in ``hard_breaks`` (they ended in a Markdown hard break) continue
    on the next line without a space: the dump wrapped one title line there.
    A line of markup only (a rule, a code fence) is a block of its own, and
    front matter an export put at the top of the file is one block of page
    furniture: neither was printed on the page.

    >>> [b.text for b in group_lines(["企业生产忙", "勤把安全抓", "", "随着春节假期结束。"])]
    ['企业生产忙 勤把安全抓', '随着春节假期结束。']
    >>> [b.text for b in group_lines(["重庆45个站点", "入选全国“最美驿站”"], hard_breaks=frozenset({1}))]
    ['重庆45个站点入选全国“最美驿站”']
    >>> [(b.text, b.heading_level) for b in group_lines(["职工之家", "====", "正文。", "***", "又一段。"])]
    [('职工之家', 1), ('正文。', 0), ('***', 0), ('又一段。', 0)]
    >>> [(b.text, b.heading_level) for b in group_lines(["大足区总工会", "# 搭建技能成才“立交桥”", "# 助力产业工人队伍建设", "记者 黄敏"])]
    [('大足区总工会', 0), ('搭建技能成才“立交桥” 助力产业工人队伍建设', 1), ('记者 黄敏', 0)]
    """
    blocks: list[Block] = []
    run: list[str] = []
    start = gap = level = 0
    skip = front_matter_end(lines)
    if skip:
        body = tuple(line for line in lines[:skip] if line)
        blocks.append(Block(body, 1, skip, kind=Kind.FURNITURE,
                            note="front matter of an export, not printed on the page"))

    def close(last: int) -> None:
        nonlocal run, gap, level
        if run:
            wrapped = frozenset(i for i in range(len(run) - 1) if start + i in hard_breaks)
            blocks.append(Block(tuple(run), start, last, gap_before=gap, heading_level=level, wrapped=wrapped))
            run, gap, level = [], 0, 0

    for number, line in enumerate([*lines, ""], start=1):
        if number <= skip:
            continue
        if not line:
            close(number - 1)
            gap += 1
            continue
        if is_markup_only(line):
            underline = _SETEXT_UNDERLINE.match(line)
            # under a finished sentence it is a rule, not an underline
            if run and underline and not level and not labels.ends_sentence(run[-1]):
                level = 1 if line[0] == "=" else 2
                close(number)
                continue
            close(number - 1)
            start = number
            run.append(line)
            close(number)
            continue
        mark = _HEADING_MARK.match(line)
        # a Markdown heading is one line (or several marked ones, or one wrapped with a hard break):
        # a marked line ends the run above it, and the first unmarked line after it starts a new run
        wrapped_on = bool(run) and (number - 1) in hard_breaks
        if run and not wrapped_on and bool(mark) != bool(level):
            close(number - 1)
        if mark:
            level = level or len(mark.group(1))
            line = line[mark.end():]
        if not run:
            start = number
        run.append(line)
    return blocks


def is_markup_only(line: str) -> bool:
    """A line of Markdown markup with no text: a rule, a code fence, a lone heading or quote mark.

    >>> is_markup_only("* * *"), is_markup_only("```"), is_markup_only("- 职工")
    (True, True, False)
    """
    return bool(_MARKUP_ONLY.match(line))


def front_matter_end(lines: list[str]) -> int:
    """Number of lines of a YAML front matter block opening the file (``---`` … ``---``), or 0.

    Some exports put their own metadata there; it was never printed on the page.

    >>> front_matter_end(["---", "title：重庆工会", "date: 2023-05-25", "---", "渝工港湾"])
    4
    >>> front_matter_end(["---", "近日，北碚区总工会举办培训。", "---"])
    0
    """
    first = next((i for i, line in enumerate(lines) if line), None)
    if first is None or lines[first] != "---":
        return 0
    for index in range(first + 1, min(len(lines), first + FRONT_MATTER_MAX_LINES)):
        if lines[index] in ("---", "..."):
            fields = [line for line in lines[first + 1:index] if line]
            return index + 1 if fields and _FRONT_MATTER_KEY.match(fields[0]) else 0
    return 0


def mark_labels(blocks: list[Block]) -> list[Block]:
    """Give labels, headers, furniture, credits and bylines their kind.

    >>> [b.kind.value for b in mark_labels(group_lines(["渝工暖心", "", "扫描查看名单"]))]
    ['column', 'furniture']
    """
    return [_label(block) for block in blocks]


def _label(block: Block) -> Block:
    text = block.text
    if len(block.lines) == 1 and block.kind is Kind.TEXT:
        if is_markup_only(text):
            return replace(block, kind=Kind.FURNITURE, note="a rule or markup line with no text")
        if parse_edition_header(text):
            return replace(block, kind=Kind.HEADER, note="edition header")
        reason = labels.furniture_reason(text)
        if reason:
            return replace(block, kind=Kind.FURNITURE, note=reason)
        if labels.is_column_label(text):
            return replace(block, kind=Kind.COLUMN, note="column label")
        if labels.is_section_label(text):
            return replace(block, kind=Kind.SECTION, note="section label")
        if labels.is_banner(text):
            return replace(block, kind=Kind.BANNER, note="series banner")
        if labels.credit_authors(text) is not None:
            return replace(block, kind=Kind.CREDIT, note="credit line")
        if labels.parse_byline(text):
            return replace(block, kind=Kind.BYLINE, note="byline")
    return block


def mark_captions(blocks: list[Block]) -> list[Block]:
    """Mark photo captions: a single short line after a wide gap, or one with a photo credit.

    >>> blocks = mark_captions(group_lines(["……企业福", "", "", "", "长寿区2024年春风行动专场招聘会", "", "利等解答。"]))
    >>> [b.kind.value for b in blocks]
    ['text', 'caption', 'text']
    """
    return [replace(b, kind=Kind.CAPTION, note=why) if (why := _caption_reason(b)) else b for b in blocks]


def _caption_reason(block: Block) -> str:
    if block.kind is not Kind.TEXT or len(block.lines) != 1 or block.heading_level:
        return ""
    text = block.text
    if labels.split_caption_credit(text)[1] and len(text) <= CAPTION_MAX_CHARS:
        return "caption with a photo credit"
    if (block.gap_before >= PHOTO_GAP and len(text) <= CAPTION_MAX_CHARS
            and not labels.ends_sentence(text) and not labels.is_bullet_item(text)):
        return f"short line after a {block.gap_before}-line gap (photo position)"
    return ""


def mark_teasers(blocks: list[Block]) -> list[Block]:
    """Mark a short line that repeats another block further down the page.

    Front pages print a teaser of an inside title; the article keeps the
    title, the teaser goes to the drop list.

    >>> blocks = mark_teasers(group_lines(["建立区县工会互通机制", "", "正文。", "", "建立区县工会互通机制", "", "代表认为。"]))
    >>> [b.kind.value for b in blocks]
    ['teaser', 'text', 'text', 'text']
    """
    last_seen = {_key(block.text): index for index, block in enumerate(blocks)}
    marked, in_top_matter = [], True
    for index, block in enumerate(blocks):
        # only the page's top matter (before the first finished sentence) holds teasers,
        # so a section heading that two articles share is never taken for one
        in_top_matter = in_top_matter and not labels.ends_sentence(block.text)
        later = last_seen[_key(block.text)]
        if (in_top_matter and block.kind is Kind.TEXT and later > index
                and len(block.text) <= CAPTION_MAX_CHARS):
            block = replace(block, kind=Kind.TEASER, note=f"repeats line {blocks[later].first_line}")
        marked.append(block)
    return marked


def _key(text: str) -> str:
    return re.sub(r"\s+", "", text)


def page_blocks(lines: list[str], hard_breaks: frozenset[int] = frozenset()) -> list[Block]:
    """All block passes, in order."""
    return mark_teasers(mark_captions(mark_labels(group_lines(lines, hard_breaks))))
