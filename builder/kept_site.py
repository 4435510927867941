"""The site folder kept in place from one build to the next: what the last build wrote from the same inputs stays, the rest is written or removed.

MkDocs empties the site folder before every build and writes all of it again:
at 10,000 articles that is about 29,500 files deleted and 29,500 written, most
of them the same bytes as before (the pages the render cache reuses, the
search index), and it was a third of a rebuild in which nothing changed.
``KeptSite`` lets a build keep those files where they are:

* ``set_aside``  (before MkDocs empties the folder) move the folder aside, when a
                 record says which key each of its files was written from;
* ``bring_back`` (after) move it back, so the files are in place again;
* ``holds``      whether the file at a path was written from a given key by the last
                 build (a generated page from its page key, a search file from the
                 index's key); the build then leaves it as it is (``keep``);
* ``sweep``      (at the end) remove every file this build neither wrote nor kept, and
                 the folders left empty: the folder is then what a build into an empty
                 folder writes (tests/test_render_cache.py compares whole trees);
* ``save``       write the record of this build.

A file counts as written by this build when its time is not older than a
marker file made when the folder was set aside (the file system's own clock,
so a coarse one cannot make a new file look old).

The record is JSON with a CRC-32 and length trailer (``builder.trailer``):
data, never code; a damaged or planted record is no record, and everything is
written.  It is removed when the folder is set aside and written again only
when the build has finished, so a build stopped halfway leaves none and the
next build writes every file.  Without a record file (``None``) it is kept in
memory, for ``mkdocs serve``.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from .trailer import checked, trailer

MAX_RECORD_BYTES = 64 * 1024 * 1024     # about 110 bytes a file; a larger record is not one of ours


class KeptSite:
    """The keys the files of one site folder were written from, and the folder kept between builds.

    >>> import tempfile; from pathlib import Path
    >>> site = Path(tempfile.mkdtemp()) / "site"; kept = KeptSite(None)
    >>> kept.set_aside(site); (site / "a").mkdir(parents=True); _ = (site / "a/index.html").write_text("页")
    >>> kept.wrote("a/index.html", "k1"); kept.sweep(), kept.save()
    (0, None)
    >>> os.utime(site / "a/index.html", ns=(0, 0))      # (written long before the next build)
    >>> kept.set_aside(site); site.exists(), kept.bring_back(), kept.holds("a/index.html", "k1")
    (False, None, True)
    >>> kept.sweep(), site.exists()           # not kept, not written again: removed, and its folder
    (1, True)
    """

    def __init__(self, record: Path | None) -> None:
        self.record = record
        self._memory: dict | None = None
        self.site: Path | None = None
        self._aside: Path | None = None
        self._marker_ns = 0
        self.previous: dict[str, str] = {}       # path in the folder → key, as the last build wrote them
        self.current: dict[str, str] = {}        # the same, for this build
        self.kept: set[str] = set()

    # ------------------------------------------------------------------ before MkDocs empties the folder

    def set_aside(self, site: Path) -> None:
        """Move ``site`` aside when the last build's record is of this folder; note when this build began."""
        self.site, self._aside = site.absolute(), None
        self.previous, self.current, self.kept = {}, {}, set()
        record = self._take_record()
        self._marker_ns = _now_on_disk(self.site.parent)
        aside = self.site.with_name(f".{self.site.name}.kept")
        if aside.is_dir() and not aside.is_symlink():
            shutil.rmtree(aside, ignore_errors=True)     # left by a build that stopped before bringing it back
        if record is None or record.get("site") != str(self.site) or self.site.is_symlink() or not self.site.is_dir():
            return
        try:
            self.site.rename(aside)
        except OSError:
            return                               # (MkDocs then empties the folder, and everything is written)
        self._aside, self.previous = aside, record["files"]

    def bring_back(self) -> None:
        """Move the folder set aside back into place (MkDocs has emptied, or never made, the site folder)."""
        if self._aside is None or self.site is None:
            return
        aside, self._aside = self._aside, None
        try:
            if self.site.is_dir() and not self.site.is_symlink():
                self.site.rmdir()                # empty: nothing is written before the files are known
            aside.rename(self.site)
        except OSError:
            shutil.rmtree(aside, ignore_errors=True)
            self.previous = {}

    # ------------------------------------------------------------------ during the build

    def holds(self, path: str, key: str) -> bool:
        """Whether the file at ``path`` is there and was written from ``key`` by the last build."""
        return self.site is not None and self.previous.get(path) == key and (self.site / path).is_file()

    def keep(self, path: str, key: str) -> None:
        """Leave the file at ``path`` as it is: it holds what this build would write from ``key``."""
        self.kept.add(path)
        self.current[path] = key

    def wrote(self, path: str, key: str) -> None:
        """Note that this build wrote the file at ``path`` from ``key``."""
        self.current[path] = key

    # ------------------------------------------------------------------ at the end

    def sweep(self) -> int:
        """Remove the files this build neither wrote nor kept, and folders left empty; how many files."""
        if self.site is None or not self.site.is_dir():
            return 0
        removed = 0
        for folder, dirs, names in os.walk(self.site, topdown=False):
            base = Path(folder)
            relative = base.relative_to(self.site).as_posix()
            prefix = "" if relative == "." else relative + "/"
            for name in names:
                path = base / name
                if prefix + name in self.kept:
                    continue
                try:
                    if path.lstat().st_mtime_ns < self._marker_ns:
                        path.unlink()
                        removed += 1
                except OSError:
                    pass
            if base != self.site:
                try:
                    base.rmdir()                 # only succeeds when the folder is empty
                except OSError:
                    pass
        return removed

    def save(self) -> None:
        """Keep the record of this build, for the next one."""
        if self.site is None:
            return
        record = {"site": str(self.site), "files": self.current}
        if self.record is None:
            self._memory = record
            return
        data = json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8")
        try:
            self.record.parent.mkdir(parents=True, exist_ok=True)
            partial = self.record.with_name(f".{self.record.name}.{os.getpid()}")
            partial.write_bytes(data + trailer(data))
            partial.replace(self.record)
        except OSError:
            pass                                 # a read-only checkout builds, only without keeping files

    def _take_record(self) -> dict | None:
        """The last build's record, removed from where it was kept; None when missing or not sound."""
        if self.record is None:
            record, self._memory = self._memory, None
            return record
        try:
            if self.record.is_symlink() or not self.record.is_file() or self.record.stat().st_size > MAX_RECORD_BYTES:
                return None
            entry = self.record.read_bytes()
            self.record.unlink()
        except OSError:
            return None
        data = checked(entry)
        if data is None:
            return None
        try:
            record = json.loads(bytes(data).decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            return None
        files = record.get("files") if isinstance(record, dict) else None
        if not isinstance(record.get("site"), str) or not isinstance(files, dict) or not all(
                isinstance(k, str) and isinstance(v, str) for k, v in files.items()):
            return None
        return record


def _now_on_disk(folder: Path) -> int:
    """The file system's time now, as it stamps a file written in ``folder`` (or nearby)."""
    for place in (folder, Path(tempfile.gettempdir())):
        try:
            place.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=place, prefix=".marker-") as marker:
                return os.fstat(marker.fileno()).st_mtime_ns
        except OSError:
            continue
    return 0
