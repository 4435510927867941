"""The base layer: character knowledge every stage may use (none of it knows about pages or articles)."""

import re

# The unified ideographs, the Han characters words are written in: the body of a character class, [{HAN}]
# (textfix.CJK_IDEOGRAPH, wider, counts every ideograph a page may hold, for conservation)
HAN = "\u4e00-\u9fff"

# The marks that end a sentence, full-width and ASCII (labels adds a trailing ellipsis for finished lines)
SENTENCE_ENDS = "。！？!?"

_WHITESPACE = re.compile(r"\s+")


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
