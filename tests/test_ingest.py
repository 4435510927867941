"""Decoding raw pages: every encoding a page arrives in, and the ones we refuse."""

import codecs

import pytest

from builder.ingest import UnreadableInput, decode, split_lines

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
