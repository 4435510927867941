"""Character-level fixes applied to every line of a raw page.

Each fix is a small ``str -> str`` function named by a verb, in the manner of
ftfy: it does one thing, is idempotent, never removes a CJK character, and
its docstring shows a before/after example taken from a real page.
``FIXES`` lists them in the order ``fix_line`` applies them.
"""

from __future__ import annotations

import re

# Ideographs, CJK punctuation and the full-width forms block: the text a
# half-width mark has to touch before it is taken for Chinese punctuation.
_CJK_CHAR = (
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"   # ideographs
    "\u3000-\u303f"                              # CJK symbols and punctuation
    "\uff01-\uff60"                              # full-width forms
    "\u2018\u2019\u201c\u201d\u2014\u2026\u00b7"  # curly quotes, dash, ellipsis, middle dot
)
# the supplementary planes hold rare ideographs of names and places (𠮷, 𡌶)
CJK_IDEOGRAPH = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")

_WIDE = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_HALF_PUNCT_NEAR_CJK = re.compile(
    rf"(?<=[{_CJK_CHAR}]) ?([,:;?!()]) ?| ?([,:;?!()]) ?(?=[{_CJK_CHAR}])"
)
_FULLWIDTH_ALNUM = re.compile(r"[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
# a full-width comma before exactly three digits groups thousands; a full-width full stop between digits is a decimal point
_WIDE_THOUSANDS = re.compile(r"(?<=\d)，(?=\d{3}(?!\d))")
_WIDE_DECIMAL = re.compile(r"(?<=\d)．(?=\d)")
_INVISIBLE = re.compile(
    "[\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e\u2061-\u2064\ufffc]"   # zero-width, soft hyphen, object slot
    "|[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]"                  # bidirectional controls
    "|[\x00-\x08\x0b-\x1f\x7f-\x9f]"                                   # C0/C1 control characters
)
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")


def remove_invisible_characters(line: str) -> str:
    """Drop zero-width spaces, stray byte-order marks, soft hyphens, bidi and control characters.

    They are layout residue, invisible to readers, and they break search;
    bidirectional overrides can even make published text read differently
    from what was printed.

    >>> remove_invisible_characters("渝工\\u200b港湾\\ufeff")
    '渝工港湾'
    >>> remove_invisible_characters("\\u202e工会\\u202c\\x07")
    '工会'
    """
    return _INVISIBLE.sub("", line)


def fold_fullwidth_alphanumerics(line: str) -> str:
    """Turn full-width Latin letters and digits into ASCII.

    Numbers and Latin text keep one spelling, so ``２０２３年`` and ``2023年``
    find each other.  Full-width punctuation is left alone.

    >>> fold_fullwidth_alphanumerics("截至２０２４年底，ＡＰＰ")
    '截至2024年底，APP'
    """
    return _FULLWIDTH_ALNUM.sub(lambda m: chr(ord(m.group()) - 0xFEE0), line)


def narrow_number_separators(line: str) -> str:
    """Give a number written in full-width forms its ASCII separators, once its digits are ASCII.

    ``１，２００`` folds to ``1，200``; the comma groups thousands, so it becomes
    ``1,200`` as in any number typed half-width.  A comma before one, two or
    four digits stays: it separates items.

    >>> narrow_number_separators("培训职工1，200余人次，合格率9．5成，分1，2两批")
    '培训职工1,200余人次，合格率9.5成，分1，2两批'
    """
    return _WIDE_DECIMAL.sub(".", _WIDE_THOUSANDS.sub(",", line))


def collapse_spaces(line: str) -> str:
    """Fold runs of spaces (ASCII, no-break, full-width) into one and trim the ends.

    The trailing double space of a Markdown hard break and the full-width
    indent of a paragraph go; a single space between two title phrases stays.

    >>> collapse_spaces("\\u3000\\u3000重庆45个站点  ")
    '重庆45个站点'
    >>> collapse_spaces("版次:004    作者:来源:    2023年05月25日")
    '版次:004 作者:来源: 2023年05月25日'
    """
    return _SPACES.sub(" ", line).strip()


def widen_cjk_punctuation(line: str) -> str:
    """Give half-width , : ; ? ! ( ) that touch Chinese text their full-width form.

    A space between the mark and the Chinese text goes with it.  Marks between
    digits or Latin letters (``1,000``, ``10:30``, ``(1+N+X)``) stay as they are.

    >>> widen_cjk_punctuation("近年来,北碚区总工会按照建好工人大家庭")
    '近年来，北碚区总工会按照建好工人大家庭'
    >>> widen_cjk_punctuation("春风行动专场招聘会 (通讯员 李辉 摄)")
    '春风行动专场招聘会（通讯员 李辉 摄）'
    >>> widen_cjk_punctuation("签约金额1,000万元, 10:30开始")
    '签约金额1,000万元，10:30开始'
    """
    def widen(match: re.Match[str]) -> str:
        return _WIDE[match.group(1) or match.group(2)]

    # a widened mark can make its neighbour Chinese-adjacent too: '家);' → '家）；'
    while True:
        widened = _HALF_PUNCT_NEAR_CJK.sub(widen, line)
        if widened == line:
            return line
        line = widened


FIXES = (
    remove_invisible_characters,
    fold_fullwidth_alphanumerics,
    narrow_number_separators,
    collapse_spaces,
    widen_cjk_punctuation,
)


def fix_line(line: str) -> str:
    """Apply every fix in ``FIXES`` to one line."""
    for fix in FIXES:
        line = fix(line)
    return line


def cjk_characters(text: str) -> list[str]:
    """The CJK ideographs of ``text``, in order."""
    return CJK_IDEOGRAPH.findall(text)


def readable_characters(text: str) -> list[str]:
    """The letters and digits of ``text`` in any script, in order (what conservation counts).

    Ideographs, Latin letters and numbers carry the text; punctuation,
    spaces and markup may legitimately change on the way (a half-width comma
    widens, a heading mark becomes a heading).

    >>> "".join(readable_characters("截至2024年底，APP上线！"))
    '截至2024年底APP上线'
    """
    return [ch for ch in text if ch.isalnum() or CJK_IDEOGRAPH.match(ch)]
