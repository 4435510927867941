"""A pull request controls seeds/ and may plant files in the build cache: neither can read files or run code.

Inputs are regular files inside the seeds folder (a link is refused with a
message, the other pages still build); the on-disk cache holds MessagePack
data decoded against the page's types, so a planted pickle or a damaged entry
is only a miss.
"""

from __future__ import annotations

import os
import pickle
from pathlib import Path

from builder.pipeline import PageCache, build, read_input

from .support import CASES, GOOD_PAGE, GOOD_TITLE, seeds_with

SECRET = "机密文件内容：只有本机才能读到的一行字"


def _published(result) -> str:
    return "\n".join(a.markdown for a in result.articles)


def _messages(result) -> list[str]:
    return [str(d) for d in result.diagnostics if d.severity.value != "info"]


def test_a_linked_page_is_refused_and_its_target_never_published(tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text(f"标题\n\n{SECRET}。\n", encoding="utf-8")
    seeds = seeds_with(tmp_path / "seeds")
    (seeds / "linked.txt").symlink_to(outside)
    result = build(seeds, workers=1)
    assert "linked.txt: error: refused: a symbolic link (inputs must be regular files inside the seeds folder)" \
        in _messages(result)
    assert SECRET not in _published(result)
    assert [a.article.title for a in result.articles] == [GOOD_TITLE]


def test_a_linked_overrides_file_is_refused(tmp_path):
    outside = tmp_path / "outside.yaml"
    outside.write_text("articles:\n  - part: 1\n    title: 不该出现的标题\n", encoding="utf-8")
    seeds = seeds_with(tmp_path / "seeds")
    (seeds / "good-page.overrides.yaml").symlink_to(outside)
    result = build(seeds, workers=1)
    assert any(m.startswith("good-page.overrides.yaml: error: refused: a symbolic link") for m in _messages(result))
    assert "不该出现的标题" not in _published(result)


def test_an_oversized_overrides_file_is_refused_unread(tmp_path):
    seeds = seeds_with(tmp_path / "seeds")
    (seeds / "good-page.overrides.yaml").write_text("# " + "很长" * 200_000 + "\n", encoding="utf-8")
    item = read_input(seeds / GOOD_PAGE)
    assert [str(d) for d in item.diagnostics] == [
        "good-page.overrides.yaml: error: refused: 1200 kB, more than the 262 kB an overrides file may have"]


class _Payload:
    """Unpickling this creates a file: the proof that a cache entry ran code."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):
        return (open, (str(self.marker), "w"))


def test_planted_pickle_payloads_in_the_cache_run_nothing_and_the_build_succeeds(tmp_path):
    seeds = seeds_with(tmp_path / "seeds")
    cache_dir = tmp_path / "cache"
    cache_dir.mkdir()
    marker = tmp_path / "ran.txt"
    key = read_input(seeds / GOOD_PAGE).key
    payload = pickle.dumps(_Payload(marker))
    for name in (f"{key}.msgpack", f"{key}.pickle", f"{key}.tmp", "00.msgpack"):
        (cache_dir / name).write_bytes(payload)
    (cache_dir / "link.msgpack").symlink_to(CASES / GOOD_PAGE)
    (cache_dir / "notes.txt").write_text("an editor's file in the cache folder", encoding="utf-8")
    cache = PageCache(cache_dir)
    result = build(seeds, cache=cache, workers=1)
    assert not marker.exists()
    assert cache.hits == 0 and [a.article.title for a in result.articles] == [GOOD_TITLE]
    # planted entries are gone; a file of another kind is left alone
    assert sorted(p.name for p in cache_dir.iterdir()) == [f"{key}.msgpack", "notes.txt"]
    again = PageCache(cache_dir)
    assert build(seeds, cache=again, workers=1).files() == result.files() and again.hits == 1
    pickle.loads(payload)
    assert marker.exists()              # the payload is live: a pickle-reading cache would have run it


def test_a_damaged_cache_entry_is_a_miss(tmp_path):
    seeds = seeds_with(tmp_path / "seeds")
    cache_dir = tmp_path / "cache"
    first = build(seeds, cache=PageCache(cache_dir), workers=1)
    (entry,) = cache_dir.iterdir()
    entry.write_bytes(entry.read_bytes()[: os.path.getsize(entry) // 2])
    cache = PageCache(cache_dir)
    assert build(seeds, cache=cache, workers=1).files() == first.files() and cache.hits == 0
