"""Unsigned LEB128 varints: the index's only number format (the browser decodes the same).

Most numbers in the index are small (gaps between document numbers, counts,
gaps between positions), so most take one byte.
"""

from __future__ import annotations

from collections.abc import Sequence


def varints(values: Sequence[int]) -> bytes:
    """Encode non-negative integers as varints, back to back.

    >>> varints([0, 1, 127, 128, 300]).hex(" ")
    '00 01 7f 80 01 ac 02'
    """
    if not values:
        return b""
    if max(values) < 0x80:            # the common case: one byte each, done in C
        return bytes(values)
    out = bytearray()
    append = out.append
    for value in values:
        while value >= 0x80:
            append(value & 0x7F | 0x80)
            value >>= 7
        append(value)
    return bytes(out)


class Reader:
    """Reads varints from bytes, left to right (the Python twin of the browser's reader).

    >>> r = Reader(bytes.fromhex("00 01 7f 80 01 ac 02")); [r.next() for _ in range(5)]
    [0, 1, 127, 128, 300]
    """

    def __init__(self, data: bytes, offset: int = 0) -> None:
        self.data = data
        self.offset = offset

    def next(self) -> int:
        value = shift = 0
        while True:
            byte = self.data[self.offset]
            self.offset += 1
            value |= (byte & 0x7F) << shift
            if byte < 0x80:
                return value
            shift += 7

    def many(self, count: int) -> list[int]:
        return [self.next() for _ in range(count)]

    def running(self, count: int) -> list[int]:
        """``count`` gap-encoded values, summed back into the sorted values."""
        total, out = 0, []
        for _ in range(count):
            total += self.next()
            out.append(total)
        return out

    def take(self, length: int) -> bytes:
        chunk = self.data[self.offset:self.offset + length]
        self.offset += length
        return chunk
