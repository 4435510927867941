"""Ingest: raw bytes of a page → normalised text lines.

Pages arrive as UTF-8 (with or without BOM), UTF-16 or UTF-32 (with a BOM, or
without one: told by their NUL bytes), or GB18030/GBK from older e-paper
exports.  Decoding is strict: a file that is none of these — a binary, a
page in Big5, Shift-JIS or Latin-1, a UTF-8 page with a damaged byte, a file
far too large for one page — is reported with the reason (and the line of the
first bad byte where there is one), never decoded into mojibake that would
then be published.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from functools import lru_cache

from .knowledge.files import knowledge_file

from .text import is_han
from .textfix import fix_line

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),   # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)
# UTF-16/32 without a BOM show NUL bytes in their ASCII characters; a decoding
# is kept only if the text it gives has no control characters.
_BOMLESS_WIDE = ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be")
# Control characters other than the line and tab ones mean "not a text file".
_CONTROL = frozenset(chr(c) for c in [*range(32), 127] if chr(c) not in "\t\n\v\f\r")


class UnreadableInput(Exception):
    """The bytes are not a text page in an encoding we accept (message says why)."""


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str


@dataclass(frozen=True)
class EncodingRules:
    common_hanzi: frozenset[str]
    min_common_share: float
    min_ideographs_to_judge: int
    max_page_bytes: int


@lru_cache(maxsize=1)
def rules() -> EncodingRules:
    data = knowledge_file("encodings")
    return EncodingRules(frozenset("".join(data["common_hanzi"].split())), float(data["min_common_share"]),
                         int(data["min_ideographs_to_judge"]), int(data["max_page_bytes"]))


def size_problem(size: int) -> str:
    """Why a page of ``size`` bytes is not read, or '' (checked before the file is read, and on its bytes)."""
    limit = rules().max_page_bytes
    if size > limit:
        return (f"too large for one page ({size / 1e6:.1f} MB; at most {limit / 1e6:.1f} MB): "
                "split it into one file per printed page")
    return ""


def decode(data: bytes) -> DecodedText:
    """Decode a raw page, trying BOMs, BOM-less UTF-16/32, then UTF-8, then GB18030.

    >>> decode("北碚".encode("gb18030")).encoding
    'gb18030'
    >>> decode(codecs.BOM_UTF8 + "北碚".encode()).text
    '北碚'
    >>> decode("重慶市總工會舉行職工運動會".encode("big5"))
    Traceback (most recent call last):
    ...
    builder.ingest.UnreadableInput: neither UTF-8 nor GB18030: line 1 has byte 0xad, which is not UTF-8, and as GB18030 it decodes into symbols, not Chinese text (another encoding, such as Big5, Shift-JIS or EUC-KR?); re-save the page as UTF-8
    """
    problem = size_problem(len(data))
    if problem:
        raise UnreadableInput(problem)
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise UnreadableInput(f"starts with a {name} byte-order mark but is not {name}: "
                                      f"byte {exc.start}") from None
            _refuse_binary(text)
            return DecodedText(text, name)
    if b"\x00" in data:
        return DecodedText(*_bomless_wide(data))
    # bytes below 0x20 are never part of a UTF-8 or GB18030 multi-byte character
    _refuse_binary(data.decode("latin-1"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        utf8_problem = f"line {line} has byte 0x{data[exc.start]:02x}, which is not UTF-8"
    else:
        _refuse_binary(text)
        return DecodedText(text, "utf-8")
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        gb_problem = ""
    else:
        _refuse_binary(text)
        gb_problem = _implausible(text)
        if not gb_problem:
            return DecodedText(text, "gb18030")
        gb_problem = f", and as GB18030 {gb_problem} (another encoding, such as Big5, Shift-JIS or EUC-KR?)"
    raise UnreadableInput(f"neither UTF-8 nor GB18030: {utf8_problem}{gb_problem}; re-save the page as UTF-8")


def _bomless_wide(data: bytes) -> tuple[str, str]:
    """The UTF-16/32 decoding (no BOM) that gives clean, plausible text; else the file is binary."""
    for encoding in _BOMLESS_WIDE:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not any(ch in _CONTROL for ch in text) and not _implausible(text):
            return text, encoding
    raise UnreadableInput("binary file (contains NUL bytes); expected a text page")


def _refuse_binary(text: str) -> None:
    """A few stray control characters are tolerated (textfix removes them); many mean a binary file."""
    controls = sum(ch in _CONTROL for ch in text)
    if controls > max(2, len(text) // 1000):
        raise UnreadableInput(f"binary file ({controls} control characters); expected a text page")


def _implausible(text: str) -> str:
    """Why ``text`` is not Chinese (or plain) text but bytes decoded in the wrong encoding; '' if it is plausible.

    Encodings without a signature (GB18030, BOM-less UTF-16) decode almost
    anything; what comes out must be mostly CJK or ASCII, and its ideographs
    mostly everyday ones.

    >>> _implausible("重庆市总工会举行职工运动会，参赛职工达五百余人。")
    ''
    >>> _implausible("노동조합 활동에 관한 기사입니다".encode("euc_kr").decode("gb18030"))   # 畴悼炼钦 劝悼俊 …
    'it decodes only into rare characters'
    """
    if not text:
        return ""
    plausible = sum(1 for ch in text if ch.isascii() or is_han(ch) or "\u3000" <= ch <= "\u303f"
                    or "\uff00" <= ch <= "\uffef" or ch in "“”‘’—…·■●▲")
    if plausible / len(text) < 0.9:
        return "it decodes into symbols, not Chinese text"
    ideographs = [ch for ch in text if is_han(ch)]
    r = rules()
    if len(ideographs) >= r.min_ideographs_to_judge:
        common = sum(ch in r.common_hanzi for ch in ideographs)
        if common / len(ideographs) < r.min_common_share:
            return "it decodes only into rare characters"
    return ""


def _physical_lines(text: str) -> list[str]:
    """Lines at Unicode's mandatory breaks (LF, CRLF, CR, VT, FF, NEL, U+2028/9), as ``str.splitlines``.

    A Word export marks a manual line break with VT and a paragraph with
    U+2029; both end a line like a newline does.

    >>> _physical_lines("渝工铸魂\\r\\n\\r\\n近年来\\u2029北碚区\\x0b")
    ['渝工铸魂', '', '近年来', '北碚区']
    """
    return text.splitlines()


def hard_break_lines(text: str) -> frozenset[int]:
    """Line numbers (1-based) of lines ending in a Markdown hard break (two spaces).

    >>> sorted(hard_break_lines("重庆45个站点  \\n入选全国“最美驿站”\\n\\n正文。"))
    [1]
    """
    return frozenset(n for n, line in enumerate(_physical_lines(text), start=1)
                     if line.strip() and line.endswith("  "))


_INDENT = ("\u3000", "  ", "\t", "\u00a0")


def indented_lines(text: str) -> frozenset[int]:
    """Line numbers (1-based) of text lines that open with an indent (full-width space, two spaces, a tab).

    A page copied one paragraph per line keeps the indent of each paragraph;
    the text fixes trim it, so it is read here, from the decoded text.

    >>> sorted(indented_lines("标题\\n\\u3000\\u3000第一段。\\n  第二段。\\n 第三行"))
    [2, 3]
    """
    return frozenset(n for n, line in enumerate(_physical_lines(text), start=1)
                     if line.strip() and line.startswith(_INDENT))


def split_lines(text: str) -> list[str]:
    """Split on any newline convention (LF, CRLF, CR, …), fix each line, drop trailing blanks.

    Line numbers stay those of the file, so messages can point at a line.

    >>> split_lines("渝工铸魂\\r\\n\\r\\n近年来,北碚区\\r")
    ['渝工铸魂', '', '近年来，北碚区']
    """
    lines = [fix_line(line) for line in _physical_lines(text)]
    while lines and not lines[-1]:
        lines.pop()
    return lines
