"""A CRC-32 and length trailer after a cache entry's bytes, so a whole entry is told from a damaged or planted one.

The build's caches keep data, never code; the trailer is what lets them read
an entry without trusting it: an entry cut short, changed on disk or put
there by someone else fails the check and is a miss.  Used by the render
cache (``render_cache``) and the stored files of the last build (``stored``: the search index, the site's Markdown).
"""

from __future__ import annotations

import zlib

TRAILER = 8                             # CRC-32 and length of the data, 4 bytes each, big-endian


def trailer(data: bytes) -> bytes:
    """The trailer written after ``data``.

    >>> trailer(b"<p>").hex(" ")
    '3c 6e a1 bb 00 00 00 03'
    """
    return zlib.crc32(data).to_bytes(4, "big") + len(data).to_bytes(4, "big")


def checked(entry: bytes) -> memoryview | None:
    """The data before a sound trailer, as a view (no copy), or None when the trailer does not match.

    >>> bytes(checked(b"<p>" + trailer(b"<p>"))), checked((b"<p>" + trailer(b"<p>"))[:-1]), checked(b"<script>")
    (b'<p>', None, None)
    """
    if len(entry) < TRAILER:
        return None
    data, crc, length = memoryview(entry)[:-TRAILER], entry[-TRAILER:-4], entry[-4:]
    if int.from_bytes(length, "big") != len(data) or int.from_bytes(crc, "big") != zlib.crc32(data):
        return None
    return data
