"""Traditional → simplified characters, one character for one, so positions survive the fold.

Pages copied from Hong Kong, Taiwan or overseas mirrors print 重慶市總工會; the
builder's knowledge (districts, column labels, credit and byline forms, date and
furniture words) is written in simplified characters.  Recognisers read a line
through ``to_simplified`` and the page keeps its text as printed.

The table comes from OpenCC's ``t2s`` applied to each ideograph on its own:
phrase-level conversion could change a text's length or make a character's
form depend on its neighbours, and every caller relies on ``len`` and offsets
staying the same.
"""

from __future__ import annotations

from functools import lru_cache

# the ideograph blocks where traditional forms live (URO, extension A, compatibility ideographs)
_RANGES = ((0x3400, 0x4DC0), (0x4E00, 0xA000), (0xF900, 0xFB00))


def traditional_to_simplified(chars: list[str]) -> dict[str, str]:
    """OpenCC's t2s for each character on its own; {} when OpenCC is not installed.

    >>> traditional_to_simplified(["慶", "會", "工"])
    {'慶': '庆', '會': '会'}
    """
    try:
        import opencc
    except ImportError:       # recognisers then see traditional text as printed
        return {}
    converted = opencc.OpenCC("t2s").convert("\n".join(chars)).split("\n")
    if len(converted) != len(chars):
        return {}
    return {a: b for a, b in zip(chars, converted) if a != b and len(b) == 1}


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    chars = [chr(cp) for start, end in _RANGES for cp in range(start, end)]
    return {ord(a): b for a, b in traditional_to_simplified(chars).items()}


def to_simplified(text: str) -> str:
    """The text with each traditional character replaced by its simplified form; same length.

    >>> to_simplified("重慶市總工會 記者黃仕強")
    '重庆市总工会 记者黄仕强'
    >>> len(to_simplified("發布時間")) == 4
    True
    """
    return text.translate(_table())
