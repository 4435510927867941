"""Pages processed in worker processes give exactly the serial build; a job run aside gives what it gives here."""

import shutil

import pytest

from builder.parallel import MIN_PARALLEL_ITEMS, run_aside
from builder.pipeline import PageCache, build
from builder.search import search_docs, search_files, search_texts
from builder.urls import page_url
from tests.conftest import SEEDS


def test_parallel_build_equals_the_serial_build(tmp_path):
    # Enough pages for the workers to start: the seeds several times over, under other
    # names (the copies are reported as duplicates, the same way in both builds).
    copies = -(-MIN_PARALLEL_ITEMS // len(list(SEEDS.glob("*.txt"))))
    for n in range(copies):
        for page in SEEDS.glob("*.txt"):
            shutil.copy(page, tmp_path / f"{n}-{page.name}")
    serial = build(tmp_path, workers=1)
    parallel = build(tmp_path, workers=2)
    assert len(serial.pages) >= MIN_PARALLEL_ITEMS
    assert parallel.files() == serial.files()
    assert [str(d) for d in parallel.diagnostics] == [str(d) for d in serial.diagnostics]
    assert parallel.notes == serial.notes


def test_cached_pages_are_not_processed_again_and_give_the_same_files(tmp_path):
    for page in SEEDS.glob("*.txt"):
        shutil.copy(page, tmp_path / page.name)
    cache = PageCache(tmp_path / "cache")
    first = build(tmp_path, cache, workers=1)
    changed = sorted(tmp_path.glob("*.txt"))[0]
    changed.write_bytes(changed.read_bytes() + "\n本版图文由某某提供\n".encode())
    again = PageCache(tmp_path / "cache")
    second = build(tmp_path, again, workers=2)
    assert (again.misses, again.hits) == (1, len(first.pages) - 1)
    unchanged = {path: text for path, text in first.files().items() if changed.name not in text}
    assert unchanged.items() <= second.files().items()


def test_a_one_off_build_reads_the_disk_cache_without_holding_every_page(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for page in SEEDS.glob("*.txt"):
        shutil.copy(page, seeds / page.name)
    first = build(seeds, PageCache(tmp_path / "cache"), workers=1)
    one_off = PageCache(tmp_path / "cache", remember=False)
    second = build(seeds, one_off, workers=1)
    assert (one_off.misses, one_off.hits) == (0, len(first.pages))
    assert second.files() == first.files()
    assert one_off._pages == {}           # mkdocs build: each entry read once, none kept
    in_memory = PageCache(None, remember=False)          # no folder: memory is the only cache
    build(seeds, in_memory, workers=1)
    build(seeds, in_memory, workers=1)
    assert in_memory.hits == len(first.pages)


def test_the_search_index_built_aside_is_the_one_built_here():
    docs = search_docs(build(SEEDS, workers=1).articles, lambda path: page_url(path, True))
    wait = run_aside(search_files, docs, search_texts(), workers=2)
    assert wait() == search_files(docs, search_texts())


def test_an_error_in_a_job_run_aside_is_raised_by_its_wait():
    wait = run_aside(int, "十二", workers=2)
    with pytest.raises(ValueError, match="十二"):
        wait()
