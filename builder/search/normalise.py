"""Search normalisation: one character in, at most one character out.

A reader's query and an article's text are compared after the same fold:
compatibility forms become their plain form (full-width ``２０２４`` and
``ＡＰＰ`` become ``2024`` and ``APP``), traditional characters become
simplified ones, letters are lower-cased, and whitespace and invisible format
characters are removed.  Every character maps to exactly one character or to
nothing, so a match in the folded text maps back to a span of the original
text (that is how excerpts are highlighted).

Punctuation falls into three kinds, so that how a reader types it never
decides whether an article is found:

* clause and sentence marks (``，、；：。！？…`` and their ASCII forms) fold to
  ``BOUNDARY``: no match spans one (``工会。工作`` does not hold ``工会工作``),
  and a query is split into terms at them as at spaces (``劳模，工匠`` asks
  for articles holding both);
* the few marks that carry meaning inside numbers and names (``3.5``,
  ``50%``, ``2024/4/13``, ``a@b``) are kept;
* every other punctuation mark — quotation marks, brackets, book-title
  marks, dashes, the middle dots ``·・•‧`` — is dropped on both sides, so
  ``职工娘家人`` finds ``职工“娘家人”`` and ``中国梦・劳动美`` finds ``中国梦·劳动美``.

The fold is a table computed once per process.  The browser receives the part
of it that can matter for this site (see ``browser_fold``), so both sides fold
identically without the browser knowing anything about Unicode.

Traditional → simplified comes from OpenCC (``t2s``), character by character:
phrase-level conversion would make a character's fold depend on its
neighbours, and a query typed in pieces must fold like the text.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from ..text.simplified import traditional_to_simplified

# Code points whose fold is computed: the BMP, the mathematical alphanumerics,
# the enclosed alphanumerics and the CJK extension planes.  Beyond these there
# is nothing a reader types that folds to something else.
FOLD_RANGES = ((0x0000, 0xD800), (0xE000, 0x10000), (0x1D400, 0x1D800), (0x1F100, 0x1F200),
               (0x20000, 0x2FA20))
SEPARATOR = "\n"     # between the fields and paragraphs of an article; never part of a query
BOUNDARY = ","       # what clause and sentence marks fold to: inside a text no match spans it; a query splits at it
# Clause and sentence marks, after the compatibility fold (full-width ，；：！？ are , ; : ! ? by then).
CLAUSE_MARKS = frozenset(",;:!?、。…‥")
# Punctuation that means something between digits or letters (3.5, 50%, 2024/4/13, a@b.cn, C#): kept.
KEPT_PUNCTUATION = frozenset("#%&*./@\\‰‱")


def _single_nfkc(char: str) -> str:
    """The NFKC form of a character when it is one character, else the character itself.

    Multi-character expansions (``…`` → ``...``) would break the one-to-one
    position map, so they are left alone.

    >>> _single_nfkc("Ａ"), _single_nfkc("…"), _single_nfkc("⼯")
    ('A', '…', '工')
    """
    folded = unicodedata.normalize("NFKC", char)
    return folded if len(folded) == 1 else char


def _is_dropped(char: str) -> bool:
    """Whitespace and invisible format characters (zero-width space, BOM, soft hyphen) vanish.

    >>> _is_dropped("\\u3000"), _is_dropped("\\u200b"), _is_dropped("工")
    (True, True, False)
    """
    return char.isspace() or unicodedata.category(char) == "Cf"


def _is_dropped_punctuation(char: str) -> bool:
    """Punctuation that is neither a clause mark nor meaningful inside a number or name: it vanishes.

    It is asked of a character after the compatibility fold (``，`` is ``,`` by then).

    >>> [_is_dropped_punctuation(c) for c in "“》·・•‧—-"], [_is_dropped_punctuation(c) for c in ",。%.工+"]
    ([True, True, True, True, True, True, True, True], [False, False, False, False, False, False])
    """
    return (unicodedata.category(char).startswith("P") and char not in CLAUSE_MARKS
            and char not in KEPT_PUNCTUATION)


def _is_ideograph(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff" or char >= "\U00020000"


@lru_cache(maxsize=1)
def fold_table() -> dict[int, str | None]:
    """The whole fold as a ``str.translate`` table: code point → character, or None to drop it.

    Built once per process (about a quarter of a second).  Applied twice over
    itself so that folding is idempotent.
    """
    points = [cp for start, end in FOLD_RANGES for cp in range(start, end)]
    compat = [_single_nfkc(chr(cp)) for cp in points]
    t2s = traditional_to_simplified(sorted({c for c in compat if _is_ideograph(c)}))
    table: dict[int, str | None] = {}
    for cp, char in zip(points, compat):
        original = chr(cp)
        if _is_dropped(original) or _is_dropped(char) or _is_dropped_punctuation(char):
            table[cp] = None
            continue
        if char in CLAUSE_MARKS:
            char = BOUNDARY
        char = t2s.get(char, char)
        lower = char.lower()
        char = lower if len(lower) == 1 else char
        if char != original:
            table[cp] = char
    # a folded character may itself fold further (rare); close the table over itself
    for cp, char in list(table.items()):
        if char is not None and ord(char) in table:
            table[cp] = table[ord(char)]
    return table


def fold(text: str) -> str:
    """Fold a piece of text for search (one field or one query term).

    >>> fold("北碚區總工會")
    '北碚区总工会'
    >>> fold("ＡＰＰ　２０２４年")
    'app2024年'
    >>> fold("劳模 工匠\\u200b")
    '劳模工匠'
    >>> fold("职工“娘家人”"), fold("中国梦・劳动美") == fold("中国梦·劳动美")
    ('职工娘家人', True)
    >>> fold("劳模，工匠。"), fold("3.5%")
    ('劳模,工匠,', '3.5%')
    """
    return text.translate(fold_table())


def query_terms(query: str) -> list[str]:
    """A query's terms: split at whitespace and clause marks (all terms must match), folded, empty and repeated ones dropped.

    >>> query_terms("  北碚　劳模  北碚 ")
    ['北碚', '劳模']
    >>> query_terms("ＡＰＰ")
    ['app']
    >>> query_terms("劳模，工匠、“北碚”;")
    ['劳模', '工匠', '北碚']
    """
    terms: list[str] = []
    for piece in query.split():
        for term in fold(piece).split(BOUNDARY):
            if term and term not in terms:
                terms.append(term)
    return terms


def searchable_text(segments: list[str]) -> str:
    """An article's folded text: its segments folded and joined by the separator.

    The separator never occurs in a folded query, so no match spans two
    paragraphs or a title and a paragraph.

    >>> searchable_text(["北碚区总工会", "ＡＰＰ 上线"])
    '北碚区总工会\\napp上线'
    """
    return SEPARATOR.join(fold(s) for s in segments)


def whitespace() -> str:
    """The characters ``str.split()`` splits a query at (all are BMP characters), for the browser.

    >>> " " in whitespace(), "\\u3000" in whitespace(), "\\u200b" in whitespace()
    (True, True, False)
    """
    return "".join(chr(cp) for cp in range(0x10000) if chr(cp).isspace())


def code_point_ranges(points: list[int]) -> str:
    """Sorted code points as a string of inclusive ranges, two characters each: how the browser gets the drop list.

    >>> code_point_ranges([0x20, 0x21, 0x22, 0x3000])
    ' "\\u3000\\u3000'
    """
    ranges: list[list[int]] = []
    for cp in points:
        if ranges and ranges[-1][1] == cp - 1:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp])
    return "".join(chr(a) + chr(b) for a, b in ranges)


def boundary_marks() -> str:
    """Every character that folds to ``BOUNDARY`` (the clause and sentence marks), for the browser: a query splits at them.

    >>> marks = boundary_marks()
    >>> all(m in marks for m in "，、；：。！？,;"), "“" in marks, "·" in marks
    (True, False, False)
    """
    table = fold_table()
    return BOUNDARY + "".join(chr(cp) for cp, to in sorted(table.items()) if to == BOUNDARY)


def browser_fold(alphabet: set[str]) -> tuple[str, str, str]:
    """The part of the fold the browser needs: (sources, targets, dropped).

    Only mappings onto characters of the site's folded text matter: a query
    character that folds to anything else matches no article either way.
    ``sources[i]`` folds to ``targets[i]``; characters in ``dropped`` vanish.
    (The clause marks, which fold to ``BOUNDARY``, are ``boundary_marks``;
    the index sends ``dropped`` as ``code_point_ranges``.)

    >>> sources, targets, dropped = browser_fold({"区", "a"})
    >>> pairs = dict(zip(sources, targets))
    >>> pairs["A"], pairs["Ａ"], pairs["區"], " " in dropped, "“" in dropped, "·" in dropped
    ('a', 'a', '区', True, True, True)
    """
    table = fold_table()
    pairs = sorted((chr(cp), to) for cp, to in table.items() if to is not None and to in alphabet)
    dropped = "".join(chr(cp) for cp, to in sorted(table.items()) if to is None)
    return "".join(a for a, _ in pairs), "".join(b for _, b in pairs), dropped
