"""The last files built from some inputs, kept under a key of those inputs, so a rebuild whose inputs did not change reuses them.

Used for the search index (``search.stored.index_key``) and for the site's
generated Markdown (``site.build.site_key``): each is a function of its
inputs, costly to build at 10,000 articles (about 10 s and 20 s of a rebuild
in which nothing changed) and cheap to read back.  ``StoredFiles`` keeps the
files of the last build in memory (``mkdocs serve``) and, given a folder, on
disk (a new ``mkdocs build``).

One entry per folder, ``<key><suffix>``: the files as MessagePack (a map of
path to bytes), then a CRC-32 and length trailer (``builder.trailer``).  Data,
never code: a damaged, truncated or planted entry fails the check and is a
miss, and the files are built again.  Entries of other keys are removed when
a new one is written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import msgspec

from .trailer import checked, trailer


def sealed(files: dict[str, bytes]) -> tuple[bytes, bytes]:
    """An entry's bytes, in two parts written one after the other: the files as MessagePack, then their
    trailer (two parts, so the files are not copied once more to join them).

    >>> unsealed(b"".join(sealed({"search/meta.json": b"{}"})))
    {'search/meta.json': b'{}'}
    """
    data = msgspec.msgpack.encode(files)
    return data, trailer(data)


def unsealed(entry: bytes) -> dict[str, bytes] | None:
    """The files an entry holds, or None when it is cut short, damaged or not one of ours.

    >>> unsealed(b"".join(sealed({"a": b"x"}))[:-1]), unsealed(b"\\x80" * 12), unsealed(b"")
    (None, None, None)
    """
    data = checked(entry)          # (a view, not a copy: an entry is tens of MB at 10,000 articles)
    if data is None:
        return None
    try:
        return msgspec.msgpack.decode(data, type=dict[str, bytes])
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None


class StoredFiles:
    """The last files built, by key: in memory for one process and, given a folder, on disk.

    >>> stored, built = StoredFiles(None, ".index"), []
    >>> build = lambda: built.append(1) or {"search/meta.json": b"{}"}
    >>> stored.files("k", build) == stored.files("k", build) and len(built)
    1
    """

    def __init__(self, folder: Path | None, suffix: str) -> None:
        self.folder = folder
        self.suffix = suffix
        self._last: tuple[str, dict[str, bytes]] | None = None
        self.reused = False

    def files(self, key: str, build: Callable[[], dict[str, bytes]]) -> dict[str, bytes]:
        """The files of ``key``: the stored ones, or ``build()``'s, stored for the next build."""
        found = self.lookup(key)
        if found is None:
            found = build()
            self.store(key, found)
        return found

    def lookup(self, key: str) -> dict[str, bytes] | None:
        """The stored files of ``key``, or None (then ``store`` the files once built)."""
        found = self._last[1] if self._last and self._last[0] == key else self._read(key)
        self.reused = found is not None
        if found is not None:
            self._remember(key, found)
        return found

    def store(self, key: str, files: dict[str, bytes]) -> None:
        """Keep ``files`` as the files of ``key``, for the next build."""
        self._write(key, files)
        self._remember(key, files)

    def _remember(self, key: str, files: dict[str, bytes]) -> None:
        # in memory only where there is no folder to read them back from (the preview): a build would
        # hold them to its end, after MkDocs let go of the pages' copies (150 MB at 10,000 articles)
        self._last = (key, files) if self.folder is None else None

    def _entry(self, key: str) -> Path | None:
        return self.folder / f"{key}{self.suffix}" if self.folder is not None else None

    def _read(self, key: str) -> dict[str, bytes] | None:
        entry = self._entry(key)
        try:
            # a planted link could point anywhere: only a regular file of the folder is read
            if entry is None or not entry.is_file() or entry.is_symlink():
                return None
            return unsealed(entry.read_bytes())
        except OSError:
            return None

    def _write(self, key: str, files: dict[str, bytes]) -> None:
        entry = self._entry(key)
        if entry is None:
            return
        try:
            entry.parent.mkdir(parents=True, exist_ok=True)
            for old in entry.parent.glob(f"*{self.suffix}"):
                old.unlink(missing_ok=True)               # one entry: the last one built
            temporary = entry.with_suffix(".tmp")
            temporary.unlink(missing_ok=True)             # never write through a link planted under that name
            with temporary.open("wb") as out:
                out.writelines(sealed(files))
            temporary.replace(entry)
        except OSError:
            pass              # a read-only checkout still builds, only without the stored files


class StoredPieces:
    """The pieces the last build made, each kept under the key of its own input, so a rebuild makes only
    the pieces whose input changed (an article's Markdown: about 6 s of a rebuild at 10,000 articles
    in which one raw page changed, and the same bytes whether made again or read back).

    One entry per folder, ``pieces<suffix>``, sealed like ``StoredFiles``' entries (a damaged one
    is a miss for every piece); without a folder the pieces are kept in memory only.

    >>> pieces, made = StoredPieces(None, ".articles"), []
    >>> make = lambda text: made.append(text) or text.upper().encode()
    >>> pieces.pieces({"k1": "a", "k2": "b"}, make) == {"k1": b"A", "k2": b"B"}
    True
    >>> pieces.pieces({"k1": "a", "k3": "c"}, make) == {"k1": b"A", "k3": b"C"}, made, pieces.made
    (True, ['a', 'b', 'c'], 1)
    """

    def __init__(self, folder: Path | None, suffix: str) -> None:
        self.entry = folder / f"pieces{suffix}" if folder is not None else None
        self._last: dict[str, bytes] | None = None
        self.made = 0

    def pieces(self, inputs: dict, make: Callable[[object], bytes]) -> dict[str, bytes]:
        """key → piece for every key of ``inputs``: the stored piece, or ``make(input)``'s."""
        last = self._last if self._last is not None else (self._read() or {})
        out, self.made = {}, 0
        for key, value in inputs.items():
            piece = last.get(key)
            if piece is None:
                piece = make(value)
                self.made += 1
            out[key] = piece
        if out.keys() != last.keys():
            self._write(out)
        # kept in memory only where there is no folder to read them back from (the preview): a build
        # would hold every article's Markdown to its end for nothing
        self._last = out if self.entry is None else None
        return out

    def _read(self) -> dict[str, bytes] | None:
        try:
            # a planted link could point anywhere: only a regular file of the folder is read
            if self.entry is None or not self.entry.is_file() or self.entry.is_symlink():
                return None
            return unsealed(self.entry.read_bytes())
        except OSError:
            return None

    def _write(self, pieces: dict[str, bytes]) -> None:
        if self.entry is None:
            return
        try:
            self.entry.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.entry.with_suffix(".tmp")
            temporary.unlink(missing_ok=True)             # never write through a link planted under that name
            with temporary.open("wb") as out:
                out.writelines(sealed(pieces))
            temporary.replace(self.entry)
        except OSError:
            pass              # a read-only checkout still builds, only without the stored pieces
