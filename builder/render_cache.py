"""Finished HTML of generated pages, by what it is made of, so a rebuild renders only what changed.

A generated page's HTML is a function of its Markdown, its path and things the
whole site shares: the engine and theme versions, the theme overrides, the
site's configuration and the adapter's own code.  ``RenderCache`` keys each
page on all of them (``page_key``); a page whose key was stored by an earlier
build is not rendered again, its stored HTML is written instead.  Anything the
key does not see cannot change a page, so a build that reuses pages writes the
same bytes as one that renders them all (tests/test_render_cache.py compares
whole sites).

Entries are the page's bytes as written, then a trailer of their CRC-32 and
length, named by their key in one folder: data, never code.  A damaged,
truncated or planted entry fails that check when it is read at the start of
the build and is a miss; entries the build did not use are removed at its
end, so the folder holds one site's pages, not every build's.  Not
compressed: a rebuild reads every entry twice (checked, then written), and
inflating them cost more than the rest of the reading (148 µs an entry
against 10 µs for the check, at 10,000 articles 5 s of a 55 s rebuild); the
folder is three times larger instead.

    ======================================  ==========================================
    changed                                 rendered again
    ======================================  ==========================================
    one raw page                            its articles and the listings that list them
    nothing                                 nothing (every generated page is reused)
    a template in overrides/, mkdocs.yml,   every page
    the engine, the theme or the adapter
    ======================================  ==========================================
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

from .trailer import checked, trailer

SUFFIX = ".page"
LEGACY_SUFFIXES = (".html.gz",)         # entries of an earlier format: never read, removed by ``prune``
MAX_ENTRY_BYTES = 16 * 1024 * 1024     # a page's HTML is tens of kB; a larger entry is not one of ours


def site_fingerprint(parts: Iterable[str | bytes], folders: Iterable[Path] = ()) -> str:
    """A digest of everything every page shares: given texts and the files under given folders.

    >>> site_fingerprint(["mkdocs 1.6.1"]) == site_fingerprint(["mkdocs 1.6.1"]) != site_fingerprint(["mkdocs 1.6.2"])
    True
    """
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        digest.update(len(data).to_bytes(8, "big") + data)
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            data = path.read_bytes()
            name = path.relative_to(folder).as_posix().encode("utf-8")
            digest.update(len(name).to_bytes(8, "big") + name + len(data).to_bytes(8, "big") + data)
    return digest.hexdigest()


def page_key(fingerprint: str, path: str, markdown: str | bytes) -> str:
    """The key of one page: the site's fingerprint, the page's path and its Markdown.

    >>> page_key("f", "a.md", "x") != page_key("f", "b.md", "x") != page_key("g", "a.md", "x")
    True
    """
    digest = hashlib.sha256(fingerprint.encode("ascii"))
    path_bytes = path.encode("utf-8")
    data = markdown.encode("utf-8") if isinstance(markdown, str) else markdown
    digest.update(len(path_bytes).to_bytes(8, "big") + path_bytes + data)
    return digest.hexdigest()


def sealed(data: bytes) -> bytes:
    """The bytes of an entry: the page, then its CRC-32 and length (``trailer``).

    >>> sealed(b"<p>").hex(" ")
    '3c 70 3e 3c 6e a1 bb 00 00 00 03'
    """
    return data + trailer(data)


def unsealed(entry: bytes) -> bytes | None:
    """The page an entry holds, or None when its trailer does not match (cut short, damaged, not ours).

    >>> unsealed(sealed(b"<p>")), unsealed(sealed(b"<p>")[:-1]), unsealed(b"<script>")
    (b'<p>', None, None)
    """
    data = checked(entry)
    return None if data is None else bytes(data)


class RenderCache:
    """Stored HTML by page key, in a folder (``None``: in memory only, for one process).

    >>> cache = RenderCache(None)
    >>> cache.has("k"), cache.store("k", "<p>页</p>"), cache.has("k"), cache.read("k")
    (False, None, True, '<p>页</p>')
    """

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._memory: dict[str, bytes] = {}
        self.used: set[str] = set()
        # entries read and found sound by this process, with the size and time they had then: under
        # `mkdocs serve` the next rebuild asks for the same thousands of entries, and a stat is enough
        self._sound: dict[str, tuple[int, int]] = {}

    def _entry(self, key: str) -> Path | None:
        return self.folder / f"{key}{SUFFIX}" if self.folder is not None else None

    def _html(self, key: str) -> bytes | None:
        """The stored page, checked (its trailer's CRC-32 and length), or None for a miss."""
        if key in self._memory:
            return self._memory[key]
        entry = self._entry(key)
        try:
            # a planted link could point anywhere: only the folder's own regular files are read
            if entry is None or entry.is_symlink() or not entry.is_file() or entry.stat().st_size > MAX_ENTRY_BYTES:
                return None
            return unsealed(entry.read_bytes())
        except OSError:
            return None                  # unreadable: a miss, and the page is rendered

    def has(self, key: str) -> bool:
        """Whether a sound entry is stored under the key (read and checked now unless this process
        checked it before and it has not changed since; checked again when written)."""
        if key not in self._memory:
            stamp = self._stamp(key)
            if stamp is None or self._sound.get(key) != stamp:
                if self._html(key) is None:
                    return False
                if stamp is not None:
                    self._sound[key] = stamp
        self.used.add(key)
        return True

    def keep(self, key: str) -> None:
        """Keep the entry of ``key`` (if there is one) at the end of the build without reading it: its page
        is already in the site folder (``builder.kept_site``)."""
        self.used.add(key)

    def _stamp(self, key: str) -> tuple[int, int] | None:
        entry = self._entry(key)
        try:
            status = entry.lstat() if entry is not None else None
        except OSError:
            return None
        return (status.st_size, status.st_mtime_ns) if status is not None else None

    def read(self, key: str) -> str:
        return self.read_bytes(key).decode("utf-8")

    def read_bytes(self, key: str) -> bytes:
        """The stored page as UTF-8 bytes, checked, as a writer puts it on disk."""
        html = self._html(key)
        if html is None:
            raise KeyError(key)
        return html

    def store(self, key: str, html: str) -> None:
        self.used.add(key)
        data = html.encode("utf-8")
        entry = self._entry(key)
        if entry is None:
            self._memory[key] = data
            return
        entry.parent.mkdir(parents=True, exist_ok=True)
        partial = entry.with_name(f".{entry.name}.{os.getpid()}")
        partial.write_bytes(sealed(data))
        partial.replace(entry)           # a build stopped halfway leaves no half-written entry

    def prune(self) -> int:
        """Remove the stored pages this build did not use; how many were removed."""
        if self.folder is None or not self.folder.is_dir():
            return 0
        removed = 0
        for entry in self.folder.iterdir():
            current = entry.name.endswith(SUFFIX) and entry.name[: -len(SUFFIX)] in self.used
            if not current and entry.name.endswith((SUFFIX, *LEGACY_SUFFIXES)):
                entry.unlink(missing_ok=True)
                removed += 1
        self.used = set()
        return removed
