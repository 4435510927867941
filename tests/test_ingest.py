"""Decoding raw pages: every encoding a page arrives in, and the ones we refuse."""

import codecs

import pytest

from builder.ingest import DecodedText, UnreadableInput, decode, hard_break_lines, split_lines

PAGE = "渝工港湾\n\n重庆45个站点入选全国“最美驿站”\n近日，全国总工会发布名单。\n"


@pytest.mark.parametrize("data, encoding", [
    (PAGE.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + PAGE.encode("utf-8"), "utf-8"),
    (PAGE.encode("gb18030"), "gb18030"),
    (PAGE.encode("gbk"), "gb18030"),
    (PAGE.encode("utf-16"), "utf-16"),                      # with BOM
    (codecs.BOM_UTF16_BE + PAGE.encode("utf-16-be"), "utf-16"),
    (PAGE.encode("utf-16-le"), "utf-16-le"),                # no BOM: told by its NUL bytes
    (PAGE.encode("utf-16-be"), "utf-16-be"),
])
def test_decode_accepted_encodings(data, encoding):
    decoded = decode(data)
    assert decoded.encoding == encoding
    assert decoded.text.lstrip("\ufeff") == PAGE


@pytest.mark.parametrize("data, message", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (bytes(range(0x80, 0x100)) * 4, "neither UTF-8 nor GB18030"),
    (b"\x00\x01\x02\x03" * 64, "binary"),
    (codecs.BOM_UTF8 + b"\xff\xfe\xfa", "utf-8"),
])
def test_decode_refuses_non_text(data, message):
    with pytest.raises(UnreadableInput, match=message):
        decode(data)


def test_empty_file_decodes_to_nothing():
    assert decode(b"").text == ""
    assert split_lines("") == []


def test_split_lines_handles_every_newline_convention_and_keeps_line_numbers():
    lines = split_lines("渝工铸魂\r\n\r\n近年来,北碚区\r\r\n\n")
    assert lines == ["渝工铸魂", "", "近年来，北碚区"]


def test_split_lines_fixes_each_line():
    assert split_lines("\u3000\u3000截至２０２４年底,全区  ") == ["截至2024年底，全区"]


def test_bomless_utf32_is_told_by_its_nul_bytes():
    assert decode(PAGE.encode("utf-32-le")) == DecodedText(PAGE, "utf-32-le")
    assert decode(PAGE.encode("utf-32-be")) == DecodedText(PAGE, "utf-32-be")


@pytest.mark.parametrize("data, message", [
    # bytes of other encodings decode as GB18030 only into rare characters or symbols
    ("労働組合が職場の安全について研修会を開催しました。".encode("shift_jis"), "rare characters"),
    ("노동조합은 직장 안전에 관한 연수회를 개최했습니다".encode("euc_kr"), "rare characters"),
    ("重慶市總工會舉行職工運動會，參賽職工達五百餘人。".encode("big5"), "not Chinese text"),
    # a JPEG header and noise: control bytes, but no NUL
    (b"\xff\xd8\xff\xe0\x10JFIF\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11" * 8, "binary file"),
    # a binary that happens to open with a UTF-16 byte-order mark
    (codecs.BOM_UTF16_LE + b"\x01\x00\x02\x00\x1b\x00\x00\x00" * 50, "binary file"),
])
def test_other_encodings_and_binaries_are_refused_with_the_reason(data, message):
    with pytest.raises(UnreadableInput, match=message):
        decode(data)


def test_a_damaged_utf8_page_is_refused_with_the_line_of_the_bad_byte():
    data = PAGE.encode().replace("近日".encode(), b"\xff\xfe", 1)
    with pytest.raises(UnreadableInput, match=r"^neither UTF-8 nor GB18030: line 4 has byte 0xff"):
        decode(data)


def test_a_file_far_too_large_for_one_page_is_refused_before_decoding():
    with pytest.raises(UnreadableInput, match=r"too large for one page \(2\.1 MB; at most 2\.0 MB\)"):
        decode(PAGE.encode() * (2_100_000 // len(PAGE.encode()) + 1))


def test_unicode_line_and_paragraph_separators_end_lines():
    assert split_lines("渝工铸魂\u2029\u2029劳模工匠\u2028到社区报到\x0b正文。") == ["渝工铸魂", "", "劳模工匠", "到社区报到", "正文。"]
    assert hard_break_lines("重庆45个站点  \u2028入选全国") == frozenset({1})
