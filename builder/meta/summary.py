"""One clean sentence that describes an article (meta description, home page).

The sentence is taken from the article itself, never written: the first
informative sentence of the first prose paragraph.  A lead that opens with a
quotation, a question or a slogan couplet (匠心建功勇担当，唯实争先作表率。)
is passed over for the sentence after it.  A sentence longer than the limit
is cut at a clause boundary (，；：) and marked with '…'.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Sequence

from builder.text import HAN, SENTENCE_ENDS
from builder.text.segment import genre_data, words_of

DEFAULT_MAX_CHARS = 120
MIN_SENTENCE_CHARS = 12  # shorter ones are attributions (严卫说道。) or fragments
SLOGAN_CLAUSE_CHARS = 8  # a couplet's halves are short: 党建铸魂，聚力凝心。
ELLIPSIS = "…"

_SENTENCE_END = SENTENCE_ENDS
_CLAUSE_BREAKS = "，；：,;:"
_LIST_BREAK = "、"
_OPENERS = "“‘「『（(《"
_CLOSERS = "”’」』）)》"
_QUESTION = "？?"
_CJK = HAN

_MARKDOWN_LEAD = re.compile(r"^\s*(?:#{1,6}\s*|>\s*|[-*+]\s+|\d+[.)]\s+|[■□●○◆◇▲△▶►★☆•·]\s*)+")
_MARKDOWN_INLINE = re.compile(r"(\*\*|__|`+|(?<![\w])\*(?=\S)|(?<=\S)\*(?![\w]))")
_MARKDOWN_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}，。！？、；：“”‘’（）])\s*\n\s*(?=[{_CJK}，。！？、；：“”‘’（）])")
_WHITESPACE = re.compile(r"\s+")


@lru_cache(maxsize=1)
def _summary_words() -> tuple[tuple[str, ...], tuple[str, ...]]:
    conf = genre_data().get("summary") or {}
    asides = tuple(words_of(conf.get("aside_words")))
    prefixes = tuple(sorted(words_of(conf.get("lead_prefixes")), key=lambda w: (-len(w), w)))
    return asides, prefixes


def clean_text(paragraph: str) -> str:
    """A paragraph as one line of plain text: no Markdown, no line breaks,
    no asides such as （以下简称最美驿站） or （通讯员 李辉 摄）.

    Why: the description is shown as plain text in <meta> and on cards.
    Example: clean_text("## **近日**，全总发布\\n名单（以下简称名单）。") → "近日，全总发布名单。"
    """
    if not isinstance(paragraph, str):
        return ""
    asides, prefixes = _summary_words()
    text = _MARKDOWN_LINK.sub(r"\1", paragraph)
    text = "\n".join(_MARKDOWN_LEAD.sub("", line) for line in text.splitlines())
    text = _MARKDOWN_INLINE.sub("", text)
    text = _SPACE_BETWEEN_CJK.sub("", text)
    text = _WHITESPACE.sub(" ", text).strip()
    text = remove_asides(text, asides)
    for prefix in prefixes:
        if text.startswith(prefix):
            text = text[len(prefix):].lstrip(" ：:，,")
            break
    return text.strip()


def remove_asides(text: str, words: Sequence[str]) -> str:
    """Drop parentheses whose content contains one of `words`.

    Example: remove_asides("名单（以下简称最美驿站）。", ["以下简称"]) → "名单。"
    """
    if not words:
        return text
    pattern = re.compile(r"\s*[（(][^（）()]*(?:" + "|".join(map(re.escape, words)) + r")[^（）()]*[）)]")
    return pattern.sub("", text)


def split_sentences(text: str) -> list[str]:
    """Split text after 。！？, keeping a closing quotation mark with its
    sentence and never splitting inside a quotation.

    Why: a quoted remark may hold several sentences of its own.
    Example: split_sentences("“岗位很多。很开心。”她说。随后离开。")
             → ['“岗位很多。很开心。”', '她说。', '随后离开。']
    """
    if not isinstance(text, str) or not text:
        return []
    sentences = _split(text, respect_quotes=True)
    if sentences is None:  # unbalanced quotation marks: split plainly
        sentences = _split(text, respect_quotes=False) or []
    return [s.strip() for s in sentences if s.strip()]


def _split(text: str, respect_quotes: bool) -> "list[str] | None":
    sentences: list[str] = []
    depth = start = index = 0
    while index < len(text):
        char = text[index]
        if respect_quotes and char in _OPENERS:
            depth += 1
        elif respect_quotes and char in _CLOSERS:
            depth = max(depth - 1, 0)
        at_end = char in _SENTENCE_END and (depth == 0 or not respect_quotes)
        quote_ends = (respect_quotes and char in _CLOSERS and depth == 0
                      and index > 0 and text[index - 1] in _SENTENCE_END)
        index += 1
        if not (at_end or quote_ends):
            continue
        while index < len(text) and (
            text[index] in _SENTENCE_END or (not respect_quotes and text[index] in _CLOSERS)
        ):
            index += 1
        sentences.append(text[start:index])
        start = index
    if respect_quotes and depth != 0:
        return None
    sentences.append(text[start:])
    return sentences


def is_quotation(sentence: str) -> bool:
    """Whether the whole sentence is a quotation (a quoted lead).

    Example: is_quotation("“感谢各位叔叔、阿姨的无私帮助与关怀。”") → True;
             is_quotation("“春送岗位”是工会的品牌之一。") → False
    """
    body = sentence.strip()
    if not body or body[0] not in "“「『":
        return False
    depth = 0
    for index, char in enumerate(body):
        if char in _OPENERS:
            depth += 1
        elif char in _CLOSERS:
            depth -= 1
            if depth == 0:
                rest = body[index + 1:]
                return all(c in _SENTENCE_END + _CLOSERS + "…" for c in rest)
    return False


def is_slogan(sentence: str) -> bool:
    """Whether the sentence is a couplet-like slogan of short clauses with no
    facts in it (匠心建功勇担当，唯实争先作表率。).

    Example: is_slogan("党建铸魂，聚力凝心。") → True;
             is_slogan("2月19日，长寿区总工会举办招聘会。") → False
    """
    body = sentence.strip().rstrip(_SENTENCE_END + _CLOSERS)
    clauses = [c for c in re.split(rf"[{_CLAUSE_BREAKS}、]", body) if c]
    if len(clauses) < 2 or re.search(r"[0-9０-９]", body):
        return False
    return all(len(c) <= SLOGAN_CLAUSE_CHARS for c in clauses)


def is_informative(sentence: str) -> bool:
    """Whether a sentence can stand alone as the article's description.

    Example: is_informative("如何将劳模精神有效融入基层社会治理？") → False
    """
    body = sentence.strip()
    if len(body) < MIN_SENTENCE_CHARS:
        return False
    if body.rstrip(_CLOSERS + "…")[-1:] in _QUESTION:
        return False
    return not is_quotation(body) and not is_slogan(body)


def is_prose(paragraph: str) -> bool:
    """Whether a cleaned paragraph is running text rather than a heading,
    caption, byline or list item.

    Example: is_prose("代表热烈鼓掌") → False; is_prose("——江津工会五年工作回眸") → False
    """
    if not paragraph or paragraph.startswith(("——", "—")):
        return False
    return any(mark in paragraph for mark in "，。！？,") and len(paragraph) >= MIN_SENTENCE_CHARS


def shorten(sentence: str, max_chars: int) -> str:
    """Fit a sentence into max_chars, cutting at the last clause boundary
    that keeps quotation marks balanced, and marking the cut with '…'.

    Example: shorten("近年来，北碚区总工会致力打造标杆，描绘新画卷。", 16) → "近年来，北碚区总工会致力打造标杆…"
    """
    if max_chars <= 0:
        return ""
    if len(sentence) <= max_chars:
        return sentence
    room = max_chars - len(ELLIPSIS)
    for breaks in (_CLAUSE_BREAKS, _LIST_BREAK):
        cut = _last_balanced_break(sentence, room, breaks)
        if cut >= room // 2:
            return sentence[:cut].rstrip() + ELLIPSIS
    return sentence[:max(room, 0)].rstrip() + ELLIPSIS


def _last_balanced_break(sentence: str, room: int, breaks: str) -> int:
    best = -1
    depth = 0
    for index, char in enumerate(sentence[: room + 1]):
        if char in breaks and depth == 0 and index > 0:
            best = index
        if char in _OPENERS:
            depth += 1
        elif char in _CLOSERS:
            depth = max(depth - 1, 0)
    return best


def describe(title: str, paragraphs: Sequence[str], max_chars: int = DEFAULT_MAX_CHARS) -> str:
    """One sentence of the article that describes it, at most max_chars long.

    Why: the page's meta description and the home-page card need a clean,
    true sentence; it is copied from the lead, never composed.
    Example: describe("长寿区总工会“春送岗位”",
                      ["2月19日，长寿区总工会……举办专场招聘会。据悉，……"])
             → "2月19日，长寿区总工会……举办专场招聘会。"
    Before/after: a lead "如何将劳模精神有效融入基层社会治理？渝北区总工会创新开展…"
    gives "渝北区总工会创新开展…".
    """
    if not isinstance(max_chars, int) or max_chars <= 0:
        return ""
    if isinstance(paragraphs, str):
        paragraphs = [paragraphs]
    cleaned = [clean_text(p) for p in (paragraphs or []) if isinstance(p, str)]
    prose = [p for p in cleaned if is_prose(p)]
    for paragraph in prose:
        for sentence in split_sentences(paragraph):
            if is_informative(sentence):
                return shorten(sentence, max_chars)
    if prose:
        first = split_sentences(prose[0])
        if first:
            return shorten(first[0], max_chars)
    return shorten(clean_text(title if isinstance(title, str) else ""), max_chars)
