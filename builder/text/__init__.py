"""The base layer: character knowledge every stage may use (none of it knows about pages or articles)."""

import re

# The unified ideographs, the Han characters words are written in: the body of a character class, [{HAN}]
# (textfix.CJK_IDEOGRAPH, wider, counts every ideograph a page may hold, for conservation)
HAN = "\u4e00-\u9fff"

# The marks that end a sentence, full-width and ASCII (labels adds a trailing ellipsis for finished lines)
SENTENCE_ENDS = "。！？!?"

_WHITESPACE = re.compile(r"\s+")
_INNER_SENTENCE_END = re.compile(rf"[{SENTENCE_ENDS}][”’」』]?(?=.)")


def ends_a_sentence_inside(text: str) -> bool:
    """A sentence ends before the text does: more than one sentence, or one and the start of the next.

    >>> ends_a_sentence_inside("全区已建成驿站54座。据了解，"), ends_a_sentence_inside("全区已建成驿站54座。")
    (True, False)
    """
    return bool(_INNER_SENTENCE_END.search(text))


def is_han(char: str) -> bool:
    """One Han character of the unified block.

    >>> is_han("工"), is_han("A"), is_han("工会"), is_han("")
    (True, False, False, False)
    """
    return len(char) == 1 and "\u4e00" <= char <= "\u9fff"


def squeeze(text: str) -> str:
    """Text without its whitespace: how two printings of one line are compared.

    >>> squeeze("给快递小哥 一个 “温暖的家”")
    '给快递小哥一个“温暖的家”'
    """
    return _WHITESPACE.sub("", text)
