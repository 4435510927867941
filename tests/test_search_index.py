"""The search index: folding, file layout, determinism, and exact answers on hard inputs.

The reference for "exact" is always plain substring search over the folded
texts; the engine under test reads only the generated files.
"""

from __future__ import annotations

import gzip
import json
import random

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.search import SearchDoc, fold, query_terms, search_files
from builder.search import index as index_module
from builder.search.arrays import layout
from builder.search.index import document_order, fnv1a, units_of
from builder.search.normalise import browser_fold, fold_table, searchable_text
from builder.search.query import Index


def brute_force(docs: list[SearchDoc], query: str) -> set[int]:
    ordered = document_order(docs)
    texts = [searchable_text(d.segments()) for d in ordered]
    terms = query_terms(query)
    return {i for i, t in enumerate(texts) if terms and all(term in t for term in terms)}


def engine(files: dict[str, bytes], query: str) -> list[int]:
    return [hit.doc for hit in Index(files).search(query)]


def doc(title: str, *body: str, date: str = "2024-01-01", url: str = "", column: str = "") -> SearchDoc:
    return SearchDoc(title=title, url=url or f"a/{abs(hash((title, body)))}/", date=date, column=column,
                     body=tuple(body))


# ---------------------------------------------------------------- folding

@pytest.mark.parametrize("raw, folded", [
    ("北碚區總工會", "北碚区总工会"),          # traditional → simplified (OpenCC t2s, per character)
    ("２０２４年ＡＰＰ", "2024年app"),          # full-width → half-width, then lower case
    ("劳模 工匠\u3000精神\u200b", "劳模工匠精神"),   # spaces and zero-width characters vanish
    ("⼯会", "工会"),                         # a Kangxi radical that looks like 工
    ("N+X", "n+x"),
])
def test_fold(raw, folded):
    assert fold(raw) == folded


def test_fold_maps_each_character_to_at_most_one():
    table = fold_table()
    assert all(to is None or len(to) == 1 for to in table.values())


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_fold_is_idempotent(text):
    assert fold(fold(text)) == fold(text)


def test_the_browser_gets_every_mapping_onto_the_sites_characters():
    sources, targets, dropped = browser_fold({"区", "总", "a", "2"})
    pairs = dict(zip(sources, targets))
    assert pairs["區"] == "区" and pairs["總"] == "总" and pairs["Ａ"] == "a" and pairs["２"] == "2"
    assert set(targets) <= {"区", "总", "a", "2"}
    assert "\u3000" in dropped and "\u200b" in dropped


def test_query_terms_split_at_any_whitespace_and_fold():
    assert query_terms(" 北碚區\u3000劳模  北碚区 ") == ["北碚区", "劳模"]


# ---------------------------------------------------------------- layout and determinism

DOCS = [
    doc("北碚区总工会打造工会工作标杆", "近年来，北碚区总工会按照建好工人大家庭。", "劳模论坛在北碚召开。",
        date="2023-06-30", column="渝工铸魂"),
    doc("长寿区总工会“春送岗位”", "2月19日，长寿区总工会举办春风行动专场招聘会。", date="2024-02-19"),
    doc("渝工港湾", "全市累计建成“渝工港湾”5220个。", date="2023-12"),
    doc("无日期的文章", "北碚", date=""),
]


def test_files_are_byte_identical_whatever_the_input_order():
    first = search_files(DOCS)
    shuffled = DOCS[:]
    random.Random(3).shuffle(shuffled)
    assert search_files(shuffled) == first


def test_every_shard_exists_and_meta_describes_the_index():
    files = search_files(DOCS)
    meta = json.loads(files["search/meta.json"])
    assert meta["docs"] == len(DOCS)
    assert all(f"search/s/{k}.bin" in files for k in range(meta["shards"]))
    assert all(f"search/a/{n}.bin" in files for n in range(len(DOCS)))
    assert "search/index.md" in files


def test_documents_are_numbered_newest_first():
    files = search_files(DOCS)
    dates = [json.loads(gzip.decompress(files[f"search/a/{n}.bin"]))["d"] for n in range(len(DOCS))]
    assert dates == ["2024-02-19", "2023-12", "2023-06-30", ""]


def test_a_record_keeps_the_text_as_printed():
    files = search_files([doc("标题 <b>粗</b>", "正文 &amp; 更多")])
    record = json.loads(gzip.decompress(files["search/a/0.bin"]))
    assert record["t"] == "标题 <b>粗</b>" and record["s"] == ["标题 <b>粗</b>", "正文 &amp; 更多"]


def test_every_file_but_meta_is_stored_gzip_compressed_and_repeatably():
    files = search_files(DOCS)
    index_files = [p for p in files if p != "search/index.md"]
    assert all(files[p][:2] == b"\x1f\x8b" for p in index_files if p != "search/meta.json")
    assert files["search/meta.json"].startswith(b"{")
    assert all(files[p][4:8] == b"\0\0\0\0" for p in index_files if p != "search/meta.json")   # no time stamp
    assert search_files(DOCS) == files


def test_no_match_across_paragraphs_or_between_title_and_body():
    docs = [doc("工会", "工作标杆")]
    files = search_files(docs)
    assert engine(files, "工会工作") == [] == sorted(brute_force(docs, "工会工作"))
    assert engine(files, "会工") == []


def test_an_empty_archive_builds_and_finds_nothing():
    files = search_files([])
    assert engine(files, "工会") == []


def test_the_shard_count_grows_with_the_index():
    small = json.loads(search_files(DOCS)["search/meta.json"])["shards"]
    many = [doc(f"文章{i}", "".join(chr(0x4E00 + (i * 7919 + k * 104729) % 20000) for k in range(400)))
            for i in range(60)]
    large = json.loads(search_files(many)["search/meta.json"])["shards"]
    assert small < large


# ---------------------------------------------------------------- hard cases

def test_grams_whose_hashes_collide_stay_apart():
    # two different 4-grams and two 3-grams with the same FNV-1a hash: one shard entry each, exact answers
    pairs = [("坖龈耊菭", "奝损镛艼"), ("讥侓瑾", "飊痿糱")]
    for a, b in pairs:
        assert fnv1a(units_of(a)) == fnv1a(units_of(b)) and fold(a) == a and fold(b) == b
    docs = [doc("一", "甲坖龈耊菭乙"), doc("二", "奝损镛艼"), doc("三", "讥侓瑾和飊痿糱"), doc("四", "飊痿糱")]
    files = search_files(docs)
    for query in ["坖龈耊菭", "奝损镛艼", "讥侓瑾", "飊痿糱", "甲坖龈耊菭乙"]:
        assert set(engine(files, query)) == brute_force(docs, query), query


def test_characters_outside_the_basic_plane(monkeypatch):
    docs = [doc("𠀀𠀁工会", "正文𠀂𠀃𠀄在此"), doc("另一篇", "𠀃𠀄")]
    files = search_files(docs)
    for query in ["𠀀", "𠀀𠀁工会", "𠀂𠀃", "文𠀂𠀃𠀄在", "𠀃𠀄"]:
        assert set(engine(files, query)) == brute_force(docs, query), query
    assert Index(files).search("𠀀𠀁")[0].heading_terms == 1


def test_large_payloads_get_files_of_their_own(monkeypatch):
    monkeypatch.setattr(index_module, "LARGE_PAYLOAD", 8)
    files = search_files(DOCS)
    assert any(path.startswith("search/x/") for path in files)
    for query in ["工会", "北碚区总工会", "渝工港湾", "北", "春风行动专场"]:
        assert set(engine(files, query)) == brute_force(DOCS, query), query


def test_the_slow_path_for_huge_archives_gives_the_same_files(monkeypatch):
    fast = search_files(DOCS)
    monkeypatch.setattr(index_module, "PACKED_BITS", 8)     # as if the packed key did not fit
    assert search_files(DOCS) == fast


# small alphabet, short texts: many repeats, overlaps, paragraph ends and heading edges
_ALPHABET = "工会职北碚 區Ａa"
_texts = st.text(alphabet=_ALPHABET, min_size=0, max_size=30)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_texts, st.lists(_texts, max_size=3)), min_size=1, max_size=6),
       st.lists(st.text(alphabet=_ALPHABET, min_size=1, max_size=9), min_size=1, max_size=8))
def test_random_archives_and_queries_match_plain_substring_search(articles, queries):
    docs = [SearchDoc(title=title or "题", url=f"a/{i}/", date=f"2024-01-{i % 28 + 1:02d}", body=tuple(body))
            for i, (title, body) in enumerate(articles)]
    files = search_files(docs)
    index = Index(files)
    ordered = document_order(docs)
    for query in queries:
        hits = index.search(query)
        assert {h.doc for h in hits} == brute_force(docs, query), query
        for hit in hits:      # the heading flag is right too
            heading = searchable_text(ordered[hit.doc].heading_segments())
            assert hit.heading_terms == sum(term in heading for term in query_terms(query))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 4), st.integers(0, 3)), min_size=1, max_size=12), st.integers(1, 5))
def test_layout_in_small_chunks_puts_each_groups_values_together(group_sizes, chunk):
    # two sections of per-group sizes (empty groups included), values numbered so any misplacement shows
    first = np.array([a for a, _ in group_sizes])
    second = np.array([b for _, b in group_sizes])
    sections = [(first, np.arange(first.sum()) + 1000), (second, np.arange(second.sum()) + 5000)]
    order = np.arange(len(group_sizes))[::-1].copy()
    values, starts = layout(len(group_sizes), sections, order, chunk=chunk)
    expected, at = [], {}
    for group in order.tolist():          # written out by hand: each group's values of each section in turn
        at[group] = len(expected)
        for sizes, section in sections:
            begin = int(sizes[:group].sum())
            expected += section[begin:begin + int(sizes[group])].tolist()
    assert values.tolist() == expected
    assert starts.tolist() == [at[g] for g in range(len(group_sizes))]
