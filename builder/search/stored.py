"""The built search index kept by what it is made of, so a rebuild whose articles did not change reuses it.

The index is a function of its documents, the search's words and this
package's code: ``index_key`` digests all three, and ``StoredIndex`` keeps the
files of the last index built under that key, in memory (``mkdocs serve``) and,
given a folder, on disk (a new ``mkdocs build``).  At 10,000 articles building
and compressing the index costs about 10 s of a rebuild in which nothing
changed; reading it back costs a fraction of a second.

One entry, ``<key>.index``: the files as MessagePack (a map of path to bytes),
then a CRC-32 and length trailer (``builder.trailer``).  Data, never code: a
damaged, truncated or planted entry fails the check and is a miss, and the
index is built again.
Entries of other keys are removed when a new one is written, so the folder
holds one index.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import astuple
from pathlib import Path

import msgspec

from ..trailer import checked, trailer
from .records import SearchDoc

SUFFIX = ".index"
_PACKAGE = Path(__file__).parent


def code_fingerprint() -> str:
    """A digest of this package's code (any change to how the index is built is a new key)."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def index_key(docs: Sequence[SearchDoc], texts: dict, code: str) -> str:
    """The key of an index: its documents in order, the search's words and the code that builds it.

    >>> a, b = SearchDoc("职工之家", "a/"), SearchDoc("职工之家", "b/")
    >>> index_key([a], {}, "c") == index_key([a], {}, "c") != index_key([b], {}, "c") != index_key([a], {}, "d")
    True
    """
    digest = hashlib.sha256(code.encode("ascii"))
    digest.update(json.dumps(texts, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    for doc in docs:
        digest.update(json.dumps(astuple(doc), ensure_ascii=False).encode("utf-8") + b"\n")
    return digest.hexdigest()


def sealed(files: dict[str, bytes]) -> tuple[bytes, bytes]:
    """An entry's bytes, in two parts written one after the other: the files as MessagePack, then their
    trailer (two parts, so the index is not copied once more to join them).

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
    data = checked(entry)          # (a view, not a copy: the index is tens of MB at 10,000 articles)
    if data is None:
        return None
    try:
        return msgspec.msgpack.decode(data, type=dict[str, bytes])
    except (msgspec.DecodeError, msgspec.ValidationError):
        return None


class StoredIndex:
    """The last index built, by key: in memory for one process and, given a folder, on disk.

    >>> stored, built = StoredIndex(None), []
    >>> build = lambda: built.append(1) or {"search/meta.json": b"{}"}
    >>> stored.files("k", build) == stored.files("k", build) and len(built)
    1
    """

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._last: tuple[str, dict[str, bytes]] | None = None
        self.reused = False

    def files(self, key: str, build: Callable[[], dict[str, bytes]]) -> dict[str, bytes]:
        """The index of ``key``: the stored one, or ``build()``'s, stored for the next build."""
        found = self._last[1] if self._last and self._last[0] == key else self._read(key)
        self.reused = found is not None
        if found is None:
            found = build()
            self._write(key, found)
        self._last = (key, found)
        return found

    def _entry(self, key: str) -> Path | None:
        return self.folder / f"{key}{SUFFIX}" if self.folder is not None else None

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
            for old in entry.parent.glob(f"*{SUFFIX}"):
                old.unlink(missing_ok=True)               # one index: the last one built
            temporary = entry.with_suffix(".tmp")
            temporary.unlink(missing_ok=True)             # never write through a link planted under that name
            with temporary.open("wb") as out:
                out.writelines(sealed(files))
            temporary.replace(entry)
        except OSError:
            pass              # a read-only checkout still builds, only without the stored index
