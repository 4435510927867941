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
PHOTO_GAP = 2          # blank lines that mark where a photo stood
CAPTION_MAX_CHARS = 80


def group_lines(lines: list[str], hard_breaks: frozenset[int] = frozenset()) -> list[Block]:
    """Group consecutive non-blank lines into blocks.

    A leading Markdown heading mark (``## 渝工港湾``) is taken off the text
    and kept as ``heading_level``, a hint for the splitter.  Lines listed in
    ``hard_breaks`` (they ended in a Markdown hard break) continue on the
    next line without a space: the dump wrapped one title line there.

    >>> [b.text for b in group_lines(["企业生产忙", "勤把安全抓", "", "随着春节假期结束。"])]
    ['企业生产忙 勤把安全抓', '随着春节假期结束。']
    >>> [b.text for b in group_lines(["重庆45个站点", "入选全国“最美驿站”"], hard_breaks=frozenset({1}))]
    ['重庆45个站点入选全国“最美驿站”']
    """
    blocks: list[Block] = []
    run: list[str] = []
    start = gap = level = 0
    for number, line in enumerate([*lines, ""], start=1):
        if line:
            mark = _HEADING_MARK.match(line)
            if mark:
                level = level or len(mark.group(1))
                line = line[mark.end():]
            if not run:
                start = number
            run.append(line)
            continue
        if run:
            wrapped = frozenset(i for i in range(len(run) - 1) if start + i in hard_breaks)
            blocks.append(Block(tuple(run), start, number - 1, gap_before=gap, heading_level=level,
                                wrapped=wrapped))
            run, gap, level = [], 0, 0
        gap += 1
    return blocks


def mark_labels(blocks: list[Block]) -> list[Block]:
    """Give labels, headers, furniture, credits and bylines their kind.

    >>> [b.kind.value for b in mark_labels(group_lines(["渝工暖心", "", "扫描查看名单"]))]
    ['column', 'furniture']
    """
    return [_label(block) for block in blocks]


def _label(block: Block) -> Block:
    text = block.text
    if len(block.lines) == 1:
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
