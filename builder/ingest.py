"""Ingest: raw bytes of a page → normalised text lines.

Pages arrive as UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030/GBK
from older e-paper exports.  Decoding is strict: a file that is none of these
is reported, never decoded into mojibake that would then be published.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from .textfix import fix_line

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),   # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Control characters other than tab/newline/CR/form feed mean "not a text file".
_CONTROL = {c for c in range(32) if c not in (9, 10, 12, 13)}


class UnreadableInput(Exception):
    """The bytes are not a text page in an encoding we accept (message says why)."""


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str


def decode(data: bytes) -> DecodedText:
    """Decode a raw page, trying BOMs, then UTF-8, then GB18030.

    >>> decode("北碚".encode("gb18030")).encoding
    'gb18030'
    >>> decode(codecs.BOM_UTF8 + "北碚".encode()).text
    '北碚'
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(encoding), encoding.replace("-sig", ""))
            except UnicodeDecodeError as exc:
                raise UnreadableInput(f"starts with a {encoding} byte-order mark but is not {encoding}: "
                                      f"byte {exc.start}") from None
    if b"\x00" in data:
        for encoding in _bomless_utf16(data):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError:
                continue
            if _plausible_text(text):
                return DecodedText(text, encoding)
        raise UnreadableInput("binary file (contains NUL bytes); expected a text page")
    for encoding in ("utf-8", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding == "gb18030" and not _plausible_text(text):
            break
        if sum(ord(ch) in _CONTROL for ch in text) > max(2, len(text) // 1000):
            raise UnreadableInput("binary file (control characters); expected a text page")
        return DecodedText(text, encoding)
    raise UnreadableInput("neither UTF-8 nor GB18030 (nor UTF-16 with a byte-order mark); "
                          "re-save the page as UTF-8")


def _bomless_utf16(data: bytes) -> list[str]:
    """UTF-16 without a BOM shows as NUL bytes in the high half of its ASCII characters."""
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if len(data) % 2 or not (even or odd):
        return []
    return ["utf-16-le"] if odd > even else ["utf-16-be"]


def _plausible_text(text: str) -> bool:
    """GB18030 (and BOM-less UTF-16) decode almost any bytes; accept only mostly CJK or ASCII text."""
    if not text:
        return True
    plausible = sum(1 for ch in text if ch.isascii() or "\u4e00" <= ch <= "\u9fff" or "\u3000" <= ch <= "\u303f"
                    or "\uff00" <= ch <= "\uffef" or ch in "“”‘’—…·■●▲")
    return plausible / len(text) >= 0.9


def hard_break_lines(text: str) -> frozenset[int]:
    """Line numbers (1-based) of lines ending in a Markdown hard break (two spaces).

    >>> sorted(hard_break_lines("重庆45个站点  \\n入选全国“最美驿站”\\n\\n正文。"))
    [1]
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return frozenset(n for n, line in enumerate(lines, start=1) if line.strip() and line.endswith("  "))


def split_lines(text: str) -> list[str]:
    """Split on any newline convention (LF, CRLF, CR), fix each line, drop trailing blanks.

    Line numbers stay those of the file, so messages can point at a line.

    >>> split_lines("渝工铸魂\\r\\n\\r\\n近年来,北碚区\\r")
    ['渝工铸魂', '', '近年来，北碚区']
    """
    lines = [fix_line(line) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return lines
