"""Layout repair: paragraphs cut by the page layout are joined again.

A newspaper column ends wherever the column ends, so a dump shows
``…率先创新开展劳`` and, one blank line (or a photo caption) later,
``模“亮身份”活动…``.  ``cut_reason`` decides whether a block is such a cut;
``rejoin`` glues the halves and keeps any caption that stood between them,
to be shown after the whole paragraph.
"""

from __future__ import annotations

import re

from . import labels
from .model import Block, Kind

HEADING_MAX_CHARS = 45
# A phrase that ends on one of these marks, or on one of these function words
# standing alone, cannot be a finished heading.
_OPEN_PUNCTUATION = set("、，,；;（(“‘《")
_FUNCTION_WORDS = set("的地得和与及或并而在于以把被将对从向由等之其所且")
# A line that opens with an enumerator starts a new item, whatever ended the line before.
_ENUMERATOR = re.compile(r"^([一二三四五六七八九十]+是|[一二三四五六七八九十]+[、是]|[（(][一二三四五六七八九十\d]+[)）]"
                         r"|\d+[.、．]|其[一二三四五六七八九十]|第[一二三四五六七八九十]+[，、是])")
_INNER_SENTENCE_END = re.compile(r"[。！？!?][”’」』]?(?=.)")


def is_body(text: str) -> bool:
    """Running text rather than a title or heading line.

    >>> is_body("长寿区总工会“春送岗位”"), is_body("不辜负你们的期望。"), is_body("■渝工强基 聚焦非公经济组织")
    (False, True, True)
    """
    return labels.ends_sentence(text) or len(text) > HEADING_MAX_CHARS or labels.is_bullet_item(text)


def cut_reason(block: Block, following: str, strict: bool = False) -> str:
    """Why ``block`` looks like the first half of a paragraph cut by the layout ('' if it does not).

    ``following`` is the text of the next text block.  Under ``strict`` (the
    title block, where a subtitle may well hold commas and numbers) only a
    word spanning the break, a finished sentence inside the block or an open
    ending count as evidence.

    >>> b = Block(("北碚区总工会在全市率先创新开展劳",), 1, 1)
    >>> cut_reason(b, "模“亮身份”活动，全区127名区级以上劳模")
    "a word spans the break: '劳模'"
    >>> cut_reason(Block(("紧盯政治责任，职工团结奋斗的思想基础更加牢固",), 1, 1), "全区工会旗帜鲜明讲政治。")
    ''
    """
    text = block.text
    if (len(block.lines) != 1 or block.heading_level or block.kind is not Kind.TEXT
            or labels.ends_sentence(text) or text.endswith(("：", ":"))   # a colon introduces what follows
            or not following or labels.is_bullet_item(following) or following.startswith("—")
            or _ENUMERATOR.match(following)):
        return ""
    if _INNER_SENTENCE_END.search(text):
        return "a sentence ends inside it and the last one is unfinished"
    if text[-1] in _OPEN_PUNCTUATION or (text[-1] in _FUNCTION_WORDS and _last_word(text) == text[-1]):
        return f"ends on '{text[-1]}'"
    word = spanning_word(text, following)
    if word:
        return f"a word spans the break: '{word}'"
    if strict:
        return ""
    if len(text) > HEADING_MAX_CHARS:
        return "too long for a heading"
    commas = text.count("，") + text.count(",")
    if commas >= 2:
        return "running text (several commas)"
    if commas and re.search(r"\d", text):
        return "running text (numbers and a comma)"
    return ""


def spanning_word(before: str, after: str) -> str:
    """A dictionary word that the break cuts in two, or ''.

    >>> spanning_word("北碚区总工会在全市率先创新开展劳", "模“亮身份”活动")
    '劳模'
    >>> spanning_word("更加牢固", "全区工会旗帜鲜明讲政治")
    ''
    """
    from .meta.segment import tokenizer

    left, right = before[-4:], after[:4]
    if not left or not right or not _is_hanzi(left[-1]) or not _is_hanzi(right[0]):
        return ""
    position = 0
    for token in tokenizer().cut(left + right, HMM=False):
        start, position = position, position + len(token)
        if start < len(left) < position:
            return token
    return ""


def _last_word(text: str) -> str:
    from .meta.segment import tokenizer

    words = list(tokenizer().cut(text[-6:], HMM=False))
    return words[-1] if words else ""


def _is_hanzi(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def rejoin(blocks: list[Block], strict_until: int = 0) -> tuple[list[Block], list[str]]:
    """Join every cut paragraph with its continuation; captions between them move after it.

    Returns the new block list and a note per join (for ``explain``).
    Blocks before index ``strict_until`` are judged under the strict rules.

    >>> parts = [Block(("…座谈会”主",), 29, 29), Block(("首届劳模论坛峰会在北碚召开",), 33, 33, kind=Kind.CAPTION),
    ...          Block(("题党日活动，30余名劳模热烈讨论。",), 35, 35)]
    >>> [b.text for b in rejoin(parts)[0]]
    ['…座谈会”主题党日活动，30余名劳模热烈讨论。', '首届劳模论坛峰会在北碚召开']
    """
    out: list[Block] = []
    notes: list[str] = []
    pending_captions: list[Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        index += 1
        if block.kind is not Kind.TEXT:
            out.append(block)
            continue
        # glue as many continuations as follow (a paragraph can be cut twice)
        while True:
            nxt = index
            while nxt < len(blocks) and blocks[nxt].kind is Kind.CAPTION:
                nxt += 1
            if nxt >= len(blocks) or blocks[nxt].kind is not Kind.TEXT:
                break
            following = blocks[nxt]
            if following.heading_level or len(following.lines) != 1:
                break
            reason = cut_reason(block, following.text, strict=index - 1 < strict_until)
            if not reason:
                break
            notes.append(f"lines {block.last_line}+{following.first_line}: joined ({reason})")
            pending_captions.extend(blocks[index:nxt])
            block = Block((block.text + following.text,), block.first_line, following.last_line,
                          gap_before=block.gap_before, note="rejoined")
            index = nxt + 1
        out.append(block)
        out.extend(pending_captions)
        pending_captions = []
    return out, notes
