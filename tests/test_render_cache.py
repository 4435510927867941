"""The render cache: a rebuild that reuses stored pages publishes the same bytes as one that renders them all.

A project made of this repository's site configuration over the seed pages is
built, then changed the ways editors change it (a page edited, a page added, a
page removed), rebuilt with the cache into the same site folder (which keeps the
files the last build wrote from the same inputs, builder/kept_site.py), and
compared file by file with a build of the same inputs from an empty cache into
an empty folder.  A damaged or planted entry is a miss.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEEDS


def _project(work: Path) -> Path:
    for name in ("docs", "overrides"):
        shutil.copytree(ROOT / name, work / name)
    shutil.copytree(SEEDS, work / "seeds")
    (work / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    return work


def _build(project: Path, site: Path, cache: str = ".cache/newspaper") -> str:
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"(?m)^(\s+seeds:\s*seeds)\s*$", rf"\1\n      cache_dir: {cache}", config)
    (project / "build.yml").write_text(config, encoding="utf-8")
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000", NO_MKDOCS_2_WARNING="1")
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", "build.yml",
                           "--site-dir", str(site)], cwd=project, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stderr


def _tree(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def _same(first: Path, second: Path) -> None:
    a, b = _tree(first), _tree(second)
    assert sorted(a) == sorted(b)
    assert [name for name in a if a[name] != b[name]] == []


def _reused(log: str) -> int:
    return int(re.search(r"newspaper: (\d+) generated pages unchanged", log).group(1))


def _kept(log: str) -> tuple[int, int]:
    """How many files of the site folder the build kept, and how many it removed."""
    found = re.search(r"newspaper: (\d+) files of the last build kept in the site folder, (\d+) no longer", log)
    return int(found.group(1)), int(found.group(2))


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    work = _project(tmp_path_factory.mktemp("render-cache"))
    log = _build(work, work / "site")
    assert _reused(log) == 0 and _kept(log) == (0, 0)
    shutil.copytree(work / "site", work / "first")
    return work


def test_a_rebuild_with_nothing_changed_reuses_every_generated_page_and_writes_the_same_site(project):
    log = _build(project, project / "site")
    assert _reused(log) > 0 and re.search(r"unchanged since the last build, (\d+) to render", log).group(1) == "0"
    assert "search index is unchanged since the last build" in log
    assert "site's Markdown is unchanged since the last build" in log
    kept, removed = _kept(log)
    assert kept > _reused(log) and removed == 0     # the reused pages and the search files stayed in place
    _same(project / "first", project / "site")


def test_after_pages_change_come_and_go_the_site_is_the_one_a_cold_build_writes(project):
    seeds = project / "seeds"
    edited = seeds / "jiangjin-union-five-years.txt"
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("。", "。职工们纷纷表示要以劳模为榜样。", 1), encoding="utf-8")
    # a page goes, and comes back under a new name (a new page, with its overrides)
    for suffix in (".txt", ".overrides.yaml"):
        (seeds / f"beibei-union-benchmark{suffix}").rename(seeds / f"a-new-page{suffix}")
    (seeds / "chengyu-craftsmen-yugong-columns.txt").unlink()
    planted = project / "site" / "old-page" / "index.html"          # in the folder, built by nothing
    planted.parent.mkdir()
    planted.write_text("<p>旧</p>", encoding="utf-8")
    os.utime(planted, ns=(0, 0))
    log = _build(project, project / "site")
    assert _reused(log) > 0
    kept, removed = _kept(log)
    assert kept > 0 and removed > 1               # the removed page's articles, and the planted file
    assert "search index is unchanged" not in log                  # its articles changed: built again
    assert "site's Markdown is unchanged" not in log                # and so is the site's Markdown
    # … from the articles' Markdown, rendered again only for the edited and the renamed page's articles
    rendered, total = map(int, re.search(r"(\d+) of (\d+) articles rendered to Markdown again", log).groups())
    assert 0 < rendered < total
    _build(project, project / "cold", cache=".cache/cold")          # an empty cache: every page rendered
    _same(project / "site", project / "cold")


def test_a_damaged_or_planted_record_of_the_site_folder_is_no_record_and_every_file_is_written(project):
    _build(project, project / "site")
    record = project / ".cache/newspaper/site.kept"
    good = record.read_bytes()
    _build(project, project / "reference", cache=".cache/reference")
    for damage in (good[:-1], b'{"site": "/", "files": {}}'):      # cut short; a record without its trailer
        _build(project, project / "site")
        page = next((project / "site").rglob("index.html"))
        page.write_bytes(b"<p>changed by hand</p>")                # only a record vouches for a file
        record.write_bytes(damage)
        log = _build(project, project / "site")
        assert "Traceback" not in log and _kept(log)[0] == 0
        _same(project / "site", project / "reference")


def test_a_damaged_or_planted_entry_is_a_miss_and_the_page_is_rendered(project):
    entries = sorted((project / ".cache/newspaper/render").glob("*.page"))
    assert entries
    entries[0].write_bytes(entries[0].read_bytes()[:20])               # cut short
    entries[1].write_bytes(b"<script>alert(1)</script>")               # not an entry at all
    log = _build(project, project / "repaired")
    assert "Traceback" not in log
    _build(project, project / "reference", cache=".cache/reference")
    _same(project / "repaired", project / "reference")


@pytest.mark.parametrize("folder, suffix, reused", [("search", "*.index", "search index is unchanged"),
                                                     ("site", "*.site", "site's Markdown is unchanged")])
def test_a_damaged_or_planted_stored_entry_is_a_miss_and_its_files_are_built_again(project, folder, suffix, reused):
    _build(project, project / "indexed")
    (entry,) = (project / ".cache/newspaper" / folder).glob(suffix)
    for damage in (entry.read_bytes()[:-1], b"\x80\x04\x95" + b"planted" * 4):     # cut short; a pickle's opening
        entry.write_bytes(damage)
        log = _build(project, project / "reindexed")
        assert "Traceback" not in log and reused not in log
        _same(project / "indexed", project / "reindexed")


def test_a_damaged_or_planted_store_of_articles_markdown_is_a_miss_for_every_article(tmp_path):
    from builder.stored import StoredPieces
    make = lambda text: text.encode("utf-8")  # noqa: E731
    StoredPieces(tmp_path, ".articles").pieces({"k": "职工之家"}, make)
    entry = tmp_path / "pieces.articles"
    for damage in (entry.read_bytes()[:-1], b"\x80\x04\x95" + b"planted" * 4):     # cut short; a pickle's opening
        entry.write_bytes(damage)
        again = StoredPieces(tmp_path, ".articles")
        assert again.pieces({"k": "职工之家"}, make) == {"k": "职工之家".encode("utf-8")} and again.made == 1


def test_a_changed_template_renders_every_page_again(project):
    template = project / "overrides" / "main.html"
    template.write_text(template.read_text(encoding="utf-8") + "\n{# a change #}\n", encoding="utf-8")
    log = _build(project, project / "retemplated")
    assert _reused(log) == 0


def test_an_entry_checked_once_is_read_again_when_it_changes_on_disk(tmp_path):
    # under `mkdocs serve` one process asks for the same entries at every rebuild: a sound entry
    # is not read again while its size and time hold, and is read (and found damaged) once they change
    from builder.render_cache import RenderCache
    cache = RenderCache(tmp_path)
    cache.store("k", "<p>职工之家</p>")
    assert cache.has("k")
    entry = tmp_path / "k.page"
    os.utime(entry, ns=(0, 0))
    assert cache.has("k")                       # changed time: read again, still sound
    entry.write_bytes(entry.read_bytes()[:12])  # cut short: its size changes
    assert not cache.has("k")
    assert not RenderCache(tmp_path).has("k")


def test_plugins_after_this_one_still_read_the_markdown_of_reused_pages(project):
    # the files' Markdown is let go only after every plugin's on_files: a later plugin (or an
    # export of the generated files) must see the same Markdown whether a page is reused or not
    code = ("import sys; from mkdocs.config import load_config; from mkdocs.structure.files import get_files\n"
            "config = load_config('build.yml'); config = config.plugins.on_config(config)\n"
            "files = config.plugins.on_files(get_files(config), config=config)\n"
            "pages = [f for f in files if getattr(f, 'generated_by', None) and f.src_uri.endswith('.md')]\n"
            "print(sum(1 for f in pages if f.inclusion.is_excluded()), sum(1 for f in pages if not f.content_string.strip()))\n")
    _build(project, project / "again")                                   # the cache holds every page now
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000", NO_MKDOCS_2_WARNING="1")
    done = subprocess.run([sys.executable, "-c", code], cwd=project, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr[-3000:]
    reused, empty = map(int, done.stdout.split())
    assert reused > 50 and empty == 0
