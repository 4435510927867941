"""Build the static search index: SearchDocs → {site-relative path: bytes}.

Text is handled as UTF-16 code units (what a browser's strings are made of):
positions, lengths and grams count units, and a gram's key is its UTF-16-LE
bytes.  Numbers are LEB128 varints (``codec``).

Files, all under ``search/``.  Every file but ``meta.json`` is stored gzip-compressed
(``packed``; the browser inflates it with its own DecompressionStream, or with the
bundled fflate where a browser has none): the site is stored uncompressed by its
host, and the index is the largest part of it.

``meta.json``
    format, counts, shard count, the browser's fold table (``fold_meta``:
    mappings, dropped code point ranges, the clause marks, whitespace), and
    the script's words (``ui``, from ``search.script`` in data/site.yaml).
``docs.bin``
    per document, in document-number order: folded text length, heading length.
    Documents are numbered newest first, so a tie in rank falls back to the number
    and "newest first" is document-number order.
``facets.bin``
    what the results page filters by (only that page reads it): the theme names,
    the district names (全市, ``city_wide``, for articles naming none), the years
    as runs of document numbers (documents are numbered newest first, so each
    year is a run), then per document its theme codes and district codes.  See
    ``facets_file``.
``s/<k>.bin``
    shard *k*: every gram whose FNV-1a hash *h* (over its code units) gives
    ``h · shards >> 32 = k``.  For n = 1, 2, 3, 4 in turn: ``count``, the keys (2·n bytes
    each, UTF-16-LE), one reference per key, then the payloads stored here in key
    order.  A reference is ``2·length`` for a payload stored in the shard or
    ``2·m + 1`` for a large one kept in ``x/<m>.bin``.
``x/<m>.bin``
    one large payload: a shard stays small, and a query fetches a large list
    only when it needs that very gram.
``a/<d>.bin``
    document *d* for the result list, as JSON: title, URL, date, column, districts and its
    text segments (the browser cuts and highlights the excerpt).

Payloads.  A gram of 1–3 units lists the documents that contain it:
``D, D gaps of document numbers, D occurrence counts, H, H gaps of the documents
whose heading contains it``.  A gram of 4 units lists where it occurs:
``E``, then per occurrence ``document gap, position`` — the document gap is 0
for another occurrence in the same document, whose position is then a gap to
the previous one.

The build is vectorised (numpy): each gram length costs one sort of packed
64-bit values, one per occurrence (gram, document and heading bit, or hash and
position); Python loops run per document (to read its fields), per shard and
per large payload, never per character or per gram.
"""

from __future__ import annotations

import gzip
import json
import math
from dataclasses import dataclass
from functools import cached_property, lru_cache

import numpy as np

from .arrays import (layout, run_starts, sorted_distinct, varint_encode, varint_encode_at, varint_sizes,
                     within_group_gaps)
from .codec import varints
from .normalise import (BOUNDARY, SEPARATOR, boundary_marks, browser_fold, code_point_ranges, fold,
                        fold_table, whitespace)
from .page import PAGE_PATH, search_page
from .records import SearchDoc
from .texts import search_texts

GRAM = 4                     # positional gram length (code units); shorter terms use document-level sets
SHORT_GRAMS = (1, 2, 3)
SHARD_TARGET = 12_000        # bytes a shard aims at
LARGE_PAYLOAD = 3_000        # bytes from which a payload gets a file of its own
FORMAT = 3                   # 2: punctuation folds, facets.bin, the script's words; 3: files gzip-compressed
PACK_LEVEL = 6               # gzip level: 9 takes twice the time for 0.4% less
FNV_OFFSET, FNV_PRIME, MASK32, MASK64 = 2166136261, 16777619, 0xFFFFFFFF, (1 << 64) - 1
SEP_UNIT = ord(SEPARATOR)
BOUNDARY_UNIT = ord(BOUNDARY)
U64 = np.uint64
PACKED_BITS = 64             # the width of the packed sort key of document_pairs (tests narrow it)


def document_order(docs: list[SearchDoc]) -> list[SearchDoc]:
    """Newest first (a precise date before a partial one of the same month), then by URL; undated last.

    >>> [d.url for d in document_order([SearchDoc("a", "a/", "2023-12"), SearchDoc("b", "b/", "2023-12-15"),
    ...                                 SearchDoc("c", "c/", ""), SearchDoc("d", "d/", "2024-02-18")])]
    ['d/', 'b/', 'a/', 'c/']
    """
    dated = sorted((d for d in docs if d.date), key=lambda d: d.url)
    dated.sort(key=lambda d: d.date, reverse=True)
    return dated + sorted((d for d in docs if not d.date), key=lambda d: d.url)


def units_of(text: str) -> bytes:
    """UTF-16-LE bytes of text (lone surrogates pass through): two bytes per code unit.

    >>> units_of("工a").hex(" ")
    'e5 5d 61 00'
    """
    return text.encode("utf-16-le", "surrogatepass")


def fnv1a(units: bytes) -> int:
    """FNV-1a (32 bit) over 16-bit code units: the shard hash; the browser computes the same.

    >>> fnv1a(units_of("工会"))
    38192910
    """
    h = FNV_OFFSET
    for i in range(0, len(units), 2):
        h = ((h ^ int.from_bytes(units[i:i + 2], "little")) * FNV_PRIME) & MASK32
    return h


def shard_of(units: bytes, shards: int) -> int:
    """The shard of a gram: its hash scaled onto the shard count (so shards follow hash order).

    >>> shard_of(units_of("工会"), 1000)
    8
    """
    return fnv1a(units) * shards >> 32


# ------------------------------------------------------------------ folding the corpus

@lru_cache(maxsize=1)
def fold_units() -> tuple[np.ndarray, np.ndarray, frozenset[int]]:
    """The fold for BMP code units as lookup arrays: (folded unit, kept?) and the units only Python can fold.

    A BMP character whose fold lies outside the BMP cannot be folded unit by
    unit; a document containing one (or any surrogate pair) is folded in Python.
    The separator is kept: raw segments never contain it (``raw_document``).
    """
    folded = np.arange(0x10000, dtype=np.uint16)
    kept = np.ones(0x10000, dtype=bool)
    python_only = set()
    for cp, to in fold_table().items():
        if cp >= 0x10000:
            continue
        if to is None:
            kept[cp] = False
        elif ord(to) < 0x10000:
            folded[cp] = ord(to)
        else:
            python_only.add(cp)
    kept[SEP_UNIT], folded[SEP_UNIT] = True, SEP_UNIT
    return folded, kept, frozenset(python_only)


def raw_document(segments: list[str]) -> str:
    """A document's segments joined by the separator; a newline inside a segment is whitespace, not a break.

    >>> raw_document(["标题", "第一段\\n续"])
    '标题\\n第一段 续'
    """
    return SEPARATOR.join(s.replace(SEPARATOR, " ") for s in segments)


@dataclass
class Corpus:
    """All documents' folded texts back to back, each closed by a separator, as code units."""

    units: np.ndarray             # uint16
    starts: np.ndarray            # int64: first unit of each document
    lengths: np.ndarray           # int64: units of each document, without its closing separator
    heading_lengths: np.ndarray   # int64: units of the heading (title, column …) at the start
    alphabet: set[str]            # the characters of the folded text
    doc_of_unit: np.ndarray       # int32: the document each unit belongs to (its closing separator too)
    outside_heading: np.ndarray   # bool: the unit lies after its document's heading

    @cached_property
    def symbols(self) -> np.ndarray:
        """The distinct code units, ascending: the dense alphabet (unit → its index here)."""
        return np.flatnonzero(np.bincount(self.units, minlength=0x10000)).astype(np.uint16)

    @cached_property
    def dense_units(self) -> np.ndarray:
        """Each unit as its index in ``symbols`` (uint16: there are fewer symbols than BMP units)."""
        dense = np.zeros(0x10000, dtype=np.uint16)
        dense[self.symbols] = np.arange(len(self.symbols), dtype=np.uint16)
        return dense[self.units]

    def forget_packing(self) -> None:
        """Drop ``dense_units`` once the short grams are counted."""
        self.__dict__.pop("dense_units", None)


def folded_corpus(docs: list[SearchDoc]) -> Corpus:
    """Fold every document at once (a lookup per code unit) and find where documents and headings end.

    Equal, document by document, to ``normalise.searchable_text(doc.segments())``.
    """
    if not docs:
        nothing = np.zeros(0, dtype=np.int64)
        return Corpus(np.zeros(0, np.uint16), nothing, nothing, nothing, set(), nothing.astype(np.int32),
                      nothing.astype(bool))
    segments = [doc.segments() for doc in docs]
    raws = [raw_document(s) for s in segments]
    folded_unit, kept, python_only = fold_units()
    units = np.frombuffer(units_of(SEPARATOR.join(raws) + SEPARATOR), dtype="<u2")
    astral: set[str] = set()
    if len(units) != sum(len(r) + 1 for r in raws) or (python_only and np.isin(units, list(python_only)).any()):
        # rare: surrogate pairs, or a character folding out of the BMP; fold those documents in Python
        for i, raw in enumerate(raws):
            if len(units_of(raw)) != 2 * len(raw) or any(ord(c) in python_only for c in raw):
                raws[i] = raw_document([fold(s) for s in segments[i]])
                astral.update(c for c in raws[i] if c > "\uffff")
        units = np.frombuffer(units_of(SEPARATOR.join(raws) + SEPARATOR), dtype="<u2")
    units = folded_unit[units[kept[units]]]
    separators = np.flatnonzero(units == SEP_UNIT)
    per_doc = np.array([max(len(s), 1) for s in segments], dtype=np.int64)   # separators each document holds
    first_separator = np.cumsum(per_doc) - per_doc
    ends = separators[first_separator + per_doc - 1]
    starts = np.concatenate(([0], ends[:-1] + 1)).astype(np.int64) if len(docs) else np.zeros(0, np.int64)
    heading_count = np.array([len(d.heading_segments()) for d in docs], dtype=np.int64)
    heading_ends = np.where(heading_count > 0, separators[first_separator + np.maximum(heading_count, 1) - 1],
                            starts)
    present = np.flatnonzero(np.bincount(units, minlength=0x10000)).tolist()
    alphabet = {chr(u) for u in present if not 0xD800 <= u < 0xE000} | astral
    alphabet.discard(SEPARATOR)
    alphabet.discard(BOUNDARY)        # no gram holds it (a query never does)
    lengths, heading_lengths = ends - starts, heading_ends - starts
    doc_of_unit = np.repeat(np.arange(len(docs), dtype=np.int32), lengths + 1)
    offset = np.arange(len(doc_of_unit), dtype=np.int64) - np.repeat(starts, lengths + 1)
    outside_heading = offset >= np.repeat(heading_lengths, lengths + 1)
    return Corpus(units, starts, lengths, heading_lengths, alphabet, doc_of_unit, outside_heading)


# ------------------------------------------------------------------ grams and payloads

@dataclass
class Grams:
    """The grams of one length: identity, hash and payload values, not yet encoded.

    ``sections`` are (values per gram, values in gram order); a gram's payload
    is its values of every section in turn (see ``layout``).  ``sizes`` is
    each payload's length in bytes once encoded.
    """

    n: int
    codes: np.ndarray      # uint64: the gram's code units, first unit in the low bits
    hashes: np.ndarray     # uint64 (32-bit values)
    sections: list[tuple[np.ndarray, np.ndarray]]
    sizes: np.ndarray      # int64


def payload_sizes(groups: int, sections: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """Each gram's payload length in bytes, from its values' varint lengths (nothing encoded yet).

    >>> payload_sizes(2, [(np.array([1, 1]), np.array([5, 300])), (np.array([0, 2]), np.array([1, 128]))]).tolist()
    [1, 5]
    """
    total = np.zeros(groups, dtype=np.int64)
    for per_group, values in sections:
        ends = np.cumsum(varint_sizes(values), dtype=np.int64)
        bounds = np.concatenate(([0], ends))[np.concatenate(([0], np.cumsum(per_group)))]
        total += np.diff(bounds)
    return total


def sorted_occurrences(units: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Every occurrence of every n-unit gram that stays within a segment, grouped by gram.

    Returns (positions, group of each occurrence, group's hash, group's code).
    Occurrences within a group are in position order.  One sort of packed
    ``key << 32 | position`` values does the grouping: the key is the gram's
    code itself when it fits in 32 bits (n ≤ 2), else its hash.  Whether two
    different grams share a hash is settled on the distinct grams (a sort of
    values, cheaper than looking up every occurrence's gram); only then are
    the occurrences' grams looked up and the collisions untangled.
    """
    count = len(units) - n + 1
    if count <= 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty.astype(U64), empty.astype(U64)
    # one value per unit of the whole archive in each array: built in place, filtered in place
    # (as in ``document_pairs``), and the grams' codes are only looked at chunk by chunk
    packed = np.zeros(count, dtype=U64)
    if n <= 2:
        digit = np.empty(count, dtype=U64)
        for j in range(n):                               # contiguous slices: no gathers
            np.copyto(digit, units[j:j + count])
            digit <<= U64(16 * j)
            packed |= digit
        del digit
    else:
        key = np.full(count, FNV_OFFSET, dtype=np.uint32)
        for j in range(n):
            key ^= units[j:j + count]
            key *= np.uint32(FNV_PRIME)                  # wraps modulo 2**32, as FNV wants
        np.copyto(packed, key)
        del key
    packed <<= U64(32)
    packed |= np.arange(count, dtype=U64)                # the position in the low bits
    within = _within_segments(units, n)
    kept = int(np.count_nonzero(within))
    packed[~within] = U64(MASK64)                        # sorts last and is cut off (see document_pairs)
    del within
    packed.sort()
    packed = packed[:kept]
    positions = np.empty(kept, dtype=np.int64)
    np.bitwise_and(packed, U64(MASK32), out=positions.view(U64))
    packed >>= U64(32)
    keys = packed
    new_group = run_starts(keys)
    if n <= 2:
        codes = keys
    else:
        if _distinct_count(units, positions, n) == int(np.count_nonzero(new_group)):   # the hash is one-to-one here
            group_codes = _codes_at(units, positions[new_group], n)
            return positions, group_numbers(new_group), keys[new_group], group_codes
        codes = _codes_at(units, positions, n)
        collided = np.flatnonzero((keys[1:] == keys[:-1]) & (codes[1:] != codes[:-1]))
        _untangle_collisions(keys, positions, codes, collided)
        new_group = run_starts(keys, codes)
    group_codes = codes[new_group]
    return positions, group_numbers(new_group), gram_hashes(group_codes, n), group_codes


def group_numbers(new_group: np.ndarray) -> np.ndarray:
    """Each row's group number from where groups begin (int32: half the memory of numpy's default).

    >>> group_numbers(np.array([True, False, True, True])).tolist()
    [0, 0, 1, 2]
    """
    numbers = np.cumsum(new_group, dtype=np.int32)
    numbers -= 1
    return numbers


def _distinct_count(units: np.ndarray, positions: np.ndarray, n: int, chunk: int = 1 << 22) -> int:
    """How many different n-unit grams start at these positions, looked up a chunk at a time.

    >>> _distinct_count(np.frombuffer(units_of("工会工会工"), dtype="<u2"), np.arange(4), 2, chunk=3)
    2
    """
    distinct = np.zeros(0, dtype=U64)
    for lo in range(0, len(positions), chunk):
        part = sorted_distinct(_codes_at(units, positions[lo:lo + chunk], n))
        distinct = sorted_distinct(np.concatenate((distinct, part)))
    return len(distinct)


def _codes_at(units: np.ndarray, positions: np.ndarray, n: int) -> np.ndarray:
    """The code of the n-unit gram at each position: its units, the first in the low 16 bits."""
    code = units[positions].astype(U64)
    for j in range(1, n):
        code |= units[positions + j].astype(U64) << U64(16 * j)
    return code


def _untangle_collisions(keys: np.ndarray, positions: np.ndarray, codes: np.ndarray, collided: np.ndarray) -> None:
    """Within each run of equal hashes that holds different grams, order by (code, position), in place."""
    shared = sorted_distinct(keys[collided])
    lows = np.searchsorted(keys, shared, side="left").tolist()
    highs = np.searchsorted(keys, shared, side="right").tolist()
    for lo, hi in zip(lows, highs):
        order = np.lexsort((positions[lo:hi], codes[lo:hi]))
        positions[lo:hi] = positions[lo:hi][order]
        codes[lo:hi] = codes[lo:hi][order]


def gram_hashes(codes: np.ndarray, n: int) -> np.ndarray:
    """FNV-1a of each gram (given by its code), as ``fnv1a`` computes it for one.

    >>> gram_hashes(np.array([int.from_bytes(units_of("工会"), "little")], dtype=np.uint64), 2).tolist()
    [38192910]
    """
    h = np.full(len(codes), FNV_OFFSET, dtype=np.uint32)
    for j in range(n):
        h ^= ((codes >> U64(16 * j)) & U64(0xFFFF)).astype(np.uint32)
        h *= np.uint32(FNV_PRIME)
    return h.astype(U64)


def document_pairs(corpus: Corpus, n: int) -> tuple[np.ndarray, ...]:
    """The (gram, document) pairs of every n-unit gram: which documents hold it, how often, in the heading?

    Returns (group codes, pair's group, pair's document, occurrences, in heading),
    pairs grouped by gram and, within a gram, by document.  When the gram's
    code in the corpus's own (dense) alphabet, the document number and a heading
    bit fit in 64 bits together (n ≤ 3 in any real archive), one sort of those
    packed values does everything; otherwise the pairs come from the positional
    grouping, which gives the same answer more slowly.
    """
    units, symbols = corpus.units, corpus.symbols
    width = max(1, (len(symbols) - 1).bit_length())
    doc_bits = max(1, len(corpus.starts).bit_length()) + 1
    count = len(units) - n + 1
    if n * width + doc_bits > PACKED_BITS or count <= 0:
        return _pairs_from_positions(corpus, n)
    # Memory, not time, limits the archive this runs on: every array here is one value per
    # unit of the whole archive (tens of millions), so values are shifted through one reused
    # buffer and filtered in place, and no array of that length is made twice.
    packed = corpus.doc_of_unit[:count].astype(U64)      # document << 1 | after the heading
    packed <<= U64(1)
    np.bitwise_or(packed, corpus.outside_heading[:count], out=packed)
    digit = np.empty(count, dtype=U64)
    for j in range(n):            # contiguous slices, first unit lowest: groups come out in code order
        np.copyto(digit, corpus.dense_units[j:j + count])
        digit <<= U64(width * j + doc_bits)
        packed |= digit
    del digit
    within = _within_segments(units, n)
    kept = int(np.count_nonzero(within))
    # grams across a separator sort last as the largest value, and are cut off: the first
    # ``kept`` sorted values are the kept ones (a kept value equal to it is the same value)
    packed[~within] = U64(MASK64)
    del within
    packed.sort()                                        # in place
    packed = packed[:kept]
    pair_first = _pair_starts(packed)
    pair_count = np.diff(np.append(pair_first, len(packed)))
    first = packed[pair_first]
    del packed
    pair_heading = (first & U64(1)) == 0                 # heading occurrences sort first in their pair
    pair_doc = ((first >> U64(1)) & U64((1 << (doc_bits - 1)) - 1)).astype(np.int64)
    pair_code = first >> U64(doc_bits)
    del first
    new_group = run_starts(pair_code)
    pair_group = np.cumsum(new_group) - 1
    group_dense = pair_code[new_group]
    codes = np.zeros(len(group_dense), dtype=U64)
    for j in range(n):                                   # dense digits back to code units
        digit = (group_dense >> U64(width * j)) & U64((1 << width) - 1)
        codes |= symbols[digit.astype(np.int64)].astype(U64) << U64(16 * j)
    return codes, pair_group, pair_doc, pair_count, pair_heading


def _pair_starts(packed: np.ndarray, chunk: int = 1 << 22) -> np.ndarray:
    """Where a new (gram, document) pair begins in sorted packed values: the value without its heading bit changes.

    In chunks, so no temporary is as long as the archive.

    >>> _pair_starts(np.array([4, 5, 6, 9, 9], dtype=np.uint64), chunk=2).tolist()
    [0, 2, 3]
    """
    if not len(packed):
        return np.zeros(0, dtype=np.int64)
    found = [np.zeros(1, dtype=np.int64)]
    for lo in range(1, len(packed), chunk):
        hi = min(lo + chunk, len(packed))
        changed = (packed[lo:hi] ^ packed[lo - 1:hi - 1]) > U64(1)
        found.append(np.flatnonzero(changed) + lo)
    return np.concatenate(found)


def _within_segments(units: np.ndarray, n: int) -> np.ndarray:
    """For each start position, whether the n units from there contain no separator and no clause mark (boundary).

    >>> _within_segments(np.frombuffer(units_of("工会,工作\\n会"), dtype="<u2"), 2).tolist()
    [True, False, False, True, False, False]
    """
    count = len(units) - n + 1
    separator = np.zeros(len(units) + 1, dtype=np.int32)
    np.cumsum((units == SEP_UNIT) | (units == BOUNDARY_UNIT), dtype=np.int32, out=separator[1:])
    return separator[n:] - separator[:count] == 0


def _pairs_from_positions(corpus: Corpus, n: int) -> tuple[np.ndarray, ...]:
    """``document_pairs`` for archives too large for the packed key: group positions, then pair them.

    Groups are put in code order, as the packed key orders them.
    """
    positions, group, _, codes = sorted_occurrences(corpus.units, n)
    if len(codes):
        rank = np.empty(len(codes), dtype=np.int64)
        rank[np.argsort(codes, kind="stable")] = np.arange(len(codes))
        order = np.lexsort((positions, rank[group]))
        positions, group = positions[order], rank[group][order]
        codes = np.sort(codes)
    doc = corpus.doc_of_unit[positions].astype(np.int64)
    pair_first = np.flatnonzero(run_starts(group, doc))
    pair_count = np.diff(np.append(pair_first, len(positions)))
    inside = ~corpus.outside_heading[positions]
    pair_heading = np.logical_or.reduceat(inside, pair_first) if len(pair_first) else np.zeros(0, bool)
    return codes, group[pair_first], doc[pair_first], pair_count, pair_heading


def short_payloads(n: int, codes, pair_group, pair_doc, pair_count, pair_heading) -> Grams:
    """The document-level payload of every gram of 1–3 units (see the module docstring)."""
    groups = len(codes)
    docs_per_group = np.bincount(pair_group, minlength=groups)
    heading = np.flatnonzero(pair_heading)
    heading_group, heading_doc = pair_group[heading], pair_doc[heading]
    heading_per_group = np.bincount(heading_group, minlength=groups)
    ones = np.ones(groups, dtype=np.int64)
    sections = [
        (ones, docs_per_group),
        (docs_per_group, within_group_gaps(pair_doc, run_starts(pair_group))),
        (docs_per_group, pair_count),
        (ones, heading_per_group),
        (heading_per_group, within_group_gaps(heading_doc, run_starts(heading_group))),
    ]
    return Grams(n, codes, gram_hashes(codes, n), compact(sections), payload_sizes(groups, sections))


def positional_payloads(corpus: Corpus, n: int) -> Grams:
    """The positional payload of every gram of ``GRAM`` units (see the module docstring).

    Per occurrence two numbers: the gap to the previous occurrence's document
    (0: the same one) and the position (a gap to the previous one in the same
    document).  Most 4-grams occur once in a document, so this beats listing
    documents, counts and positions apart.
    """
    positions, group, hashes, codes = sorted_occurrences(corpus.units, n)
    groups = len(codes)
    per_group = np.bincount(group, minlength=groups)
    group_start = run_starts(group)
    del group
    doc = corpus.doc_of_unit[positions]
    offset = positions                                   # not needed again: made the offsets in place
    offset -= corpus.starts[doc]
    del positions
    new_doc = group_start | run_starts(doc)
    pairs = np.empty(2 * len(offset), dtype=np.uint32)      # gaps and offsets within a document: small
    pairs[0::2] = within_group_gaps(doc, group_start)
    del doc, group_start
    pairs[1::2] = within_group_gaps(offset, new_doc)
    del offset, new_doc
    sections = [(np.ones(groups, dtype=np.int64), per_group), (2 * per_group, pairs)]
    return Grams(n, codes, hashes, compact(sections), payload_sizes(groups, sections))


def compact(sections: list[tuple[np.ndarray, np.ndarray]]) -> list[tuple[np.ndarray, np.ndarray]]:
    """The sections in the narrowest unsigned type their values fit (counts mostly fit a byte): less memory.

    The grams of every length are held until the shard count is known, and at
    10,000 articles they are the largest thing held while the shards are laid out.

    >>> [(a.dtype.name, b.dtype.name) for a, b in compact([(np.array([1, 2]), np.array([5, 2**32])),
    ...                                                     (np.array([300]), np.array([70_000]))])]
    [('uint8', 'uint64'), ('uint16', 'uint32')]
    """
    def narrow(values: np.ndarray) -> np.ndarray:
        largest = int(values.max()) if len(values) else 0
        if len(values) and int(values.min()) < 0:
            raise ValueError("payload values are never negative")
        for kind in (np.uint8, np.uint16, np.uint32):
            if largest <= np.iinfo(kind).max:
                return values.astype(kind)
        return values.astype(U64)
    return [(narrow(per_group), narrow(values)) for per_group, values in sections]


# ------------------------------------------------------------------ shards

def shard_files(all_grams: list[Grams]) -> tuple[int, dict[str, bytes]]:
    """Lay every payload out into shards and large-payload files; return the shard count and the files.

    A shard holds, for each gram length n = 1…4 in turn: the count, the keys
    (2·n bytes each), the references (varints) and the payloads stored there.
    Each gram length's payloads are encoded straight in shard order, so every
    part of a shard is one slice of a per-length buffer: nothing is copied per
    gram.  The shard count grows with the index, so the average shard stays
    near ``SHARD_TARGET`` bytes whatever the archive's size.  ``all_grams``
    is emptied on the way, so each length's arrays go as soon as it is encoded.
    """
    total = sum(int(g.sizes[g.sizes < LARGE_PAYLOAD].sum()) + len(g.codes) * (2 * g.n + 2) for g in all_grams)
    shards = max(1, math.ceil(total / SHARD_TARGET))
    if shards >= 1 << 20:
        raise ValueError("search index too large for the shard key (over 2**20 shards)")
    parts, files, external = [], {}, 0
    while all_grams:                  # emptied as it goes: a length's arrays are freed once encoded
        grams = all_grams.pop(0)
        part, large = _shard_parts(grams, shards, external)
        del grams
        parts.append(part)
        for data in large:
            files[f"search/x/{external}.bin"] = data
            external += 1
    for k in range(shards):
        files[f"search/s/{k}.bin"] = b"".join(piece for part in parts for piece in part(k))
    return shards, files


def _shard_parts(grams: Grams, shards: int, first_external: int):
    """One gram length's part of every shard (a function of the shard number) and its large payloads.

    Grams already in hash order (the 4-grams) are laid out as they are, which
    keeps the interleaving sequential; others are sorted into shard order first.
    """
    groups = len(grams.codes)
    shard = (grams.hashes * U64(shards)) >> U64(32)
    if np.all(shard[1:] >= shard[:-1]):
        order = np.arange(groups)
    else:
        order = (np.sort((shard << U64(40)) | np.arange(groups, dtype=U64)) & U64((1 << 40) - 1)).astype(np.int64)
    values, block_starts = layout(groups, grams.sections, order)
    # each payload's first byte, and the end: the offsets of every value would outweigh the bytes
    data, starts = varint_encode_at(values, np.append(block_starts[order], len(values)))
    del values
    large = grams.sizes[order] >= LARGE_PAYLOAD
    reference = np.where(large, 2 * (np.cumsum(large) - 1 + first_external) + 1, 2 * grams.sizes[order]).astype(U64)
    refs, ref_offsets = varint_encode(reference)
    width = 2 * grams.n
    keys = np.ascontiguousarray(grams.codes[order].astype("<u8").view(np.uint8).reshape(-1, 8)[:, :width])
    bounds = np.searchsorted(shard[order], np.arange(shards + 1, dtype=U64)).tolist()
    data_bytes, ref_bytes, key_bytes = data.tobytes(), refs.tobytes(), keys.tobytes()
    positions, ref_positions = starts.tolist(), ref_offsets.tolist()
    large_at = np.flatnonzero(large).tolist()
    large_from = np.searchsorted(large_at, bounds).tolist()        # the large payloads of each shard

    def part(k: int) -> list[bytes]:
        lo, hi = bounds[k], bounds[k + 1]
        stored, at = [], lo
        for i in large_at[large_from[k]:large_from[k + 1]]:       # stored payloads: the runs between large ones
            stored.append(data_bytes[positions[at]:positions[i]])
            at = i + 1
        stored.append(data_bytes[positions[at]:positions[hi]])
        return [varints([hi - lo]), key_bytes[lo * width:hi * width],
                ref_bytes[ref_positions[lo]:ref_positions[hi]], *stored]

    large_payloads = [data_bytes[positions[i]:positions[i + 1]] for i in large_at]
    return part, large_payloads


# ------------------------------------------------------------------ facets (the results page's filters)

def year_of(date: str) -> int:
    """The year of an ISO date, possibly partial; 0 when undated.

    >>> year_of("2023-12-15"), year_of("2024"), year_of("")
    (2023, 2024, 0)
    """
    head = date[:4]
    return int(head) if len(head) == 4 and head.isdigit() else 0


def facet_names(values: list[tuple[str, ...]]) -> list[str]:
    """The distinct values of one facet, most frequent first (ties by code point): codes are positions here.

    >>> facet_names([("渝工铸魂",), ("渝工建功", "渝工铸魂"), ("渝工建功",), ("渝工铸魂",)])
    ['渝工铸魂', '渝工建功']
    """
    counts: dict[str, int] = {}
    for doc_values in values:
        for value in doc_values:
            counts[value] = counts.get(value, 0) + 1
    return sorted(counts, key=lambda name: (-counts[name], name))


def year_runs(years: list[int]) -> list[tuple[int, int]]:
    """Years in document order as (year, run length): newest-first numbering makes each year one run.

    >>> year_runs([2024, 2024, 2023, 0])
    [(2024, 2), (2023, 1), (0, 1)]
    """
    runs: list[tuple[int, int]] = []
    for year in years:
        if runs and runs[-1][0] == year:
            runs[-1] = (year, runs[-1][1] + 1)
        else:
            runs.append((year, 1))
    return runs


def _names(names: list[str]) -> list[bytes]:
    encoded = [name.encode("utf-8") for name in names]
    return [varints([len(names)]), *(varints([len(b)]) + b for b in encoded)]


def facets_file(docs: list[SearchDoc], city_wide: str) -> bytes:
    """``facets.bin`` for documents in document order (varints; names as byte length + UTF-8).

    T, T theme names; D, D district names; R, R × (year or 0, run length);
    then per document: its theme count and codes, its district count and codes.
    An article naming no district gets the district ``city_wide`` (全市), as on the site.

    >>> data = facets_file([SearchDoc("a", "a/", "2024-01-02", themes=("渝工铸魂",), districts=("北碚区",)),
    ...                     SearchDoc("b", "b/", "", themes=())], "全市")
    >>> from builder.search.query import Facets
    >>> f = Facets(data)
    >>> f.themes, f.districts, f.doc_year, f.doc_themes, f.doc_districts, len(data)
    (['渝工铸魂'], ['全市', '北碚区'], [2024, 0], [[0], []], [[1], [0]], 45)
    """
    themes = [tuple(dict.fromkeys(d.themes)) for d in docs]
    districts = [tuple(dict.fromkeys(d.districts)) or (city_wide,) for d in docs]
    theme_names, district_names = facet_names(themes), facet_names(districts)
    theme_code = {name: code for code, name in enumerate(theme_names)}
    district_code = {name: code for code, name in enumerate(district_names)}
    runs = year_runs([year_of(d.date) for d in docs])
    per_doc = []
    for doc_themes, doc_districts in zip(themes, districts):
        per_doc += [len(doc_themes), *(theme_code[t] for t in doc_themes),
                    len(doc_districts), *(district_code[d] for d in doc_districts)]
    return b"".join([*_names(theme_names), *_names(district_names),
                     varints([len(runs), *(v for run in runs for v in run)]), varints(per_doc)])


# ------------------------------------------------------------------ the whole index

def fold_meta(alphabet: set[str]) -> dict:
    """The fold as meta.json gives it to the browser, for a site whose folded text has these characters.

    ``fold``: [sources, targets], the mappings onto the alphabet; ``drop``: the
    dropped characters as code point ranges; ``boundary``: the clause marks,
    the boundary itself first; ``space``: what a query splits at besides them.

    >>> tables = fold_meta({"区"})
    >>> tables["fold"][1][tables["fold"][0].index("區")], tables["boundary"][:1], "。" in tables["boundary"]
    ('区', ',', True)
    """
    sources, targets, dropped = browser_fold(alphabet)
    return {"fold": [sources, targets], "drop": code_point_ranges([ord(c) for c in dropped]),
            "boundary": boundary_marks(), "space": whitespace()}


def document_record(doc: SearchDoc) -> bytes:
    """The JSON the result list shows for one document (short keys; text as printed)."""
    record = {"t": doc.title, "u": doc.url, "d": doc.date, "c": doc.column, "r": list(doc.districts),
              "h": len(doc.heading_segments()), "s": doc.segments()}
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def packed(data: bytes) -> bytes:
    """``data`` gzip-compressed, byte-identical for equal input (no time stamp in the header).

    >>> import gzip; gzip.decompress(packed(b"abc")) == b"abc", packed(b"abc") == packed(b"abc")
    (True, True)
    """
    return gzip.compress(data, PACK_LEVEL, mtime=0)


def search_files(docs: list[SearchDoc], texts: dict | None = None) -> dict[str, bytes]:
    """The whole static index for these documents: {site-relative path: bytes}, byte-identical for equal input.

    Also the search page, ``search/index.md`` (Markdown, for the site generator to render).
    ``texts`` are the search's words (``search:`` of data/site.yaml unless given).
    """
    texts = texts or search_texts()
    ordered = document_order(docs)
    corpus = folded_corpus(ordered)
    grams = [short_payloads(n, *document_pairs(corpus, n)) for n in SHORT_GRAMS]
    corpus.forget_packing()
    grams.append(positional_payloads(corpus, GRAM))
    shards, files = shard_files(grams)
    table = np.stack([corpus.lengths, corpus.heading_lengths], axis=1).reshape(-1)
    files["search/docs.bin"] = varint_encode(table)[0].tobytes()
    files["search/facets.bin"] = facets_file(ordered, texts["city_wide"])
    for number, doc in enumerate(ordered):
        files[f"search/a/{number}.bin"] = document_record(doc)
    files = {path: packed(data) for path, data in files.items()}
    meta = {"format": FORMAT, "docs": len(ordered), "shards": shards, "gram": GRAM,
            **fold_meta(corpus.alphabet), "ui": texts["script"]}
    files["search/meta.json"] = json.dumps(meta, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    files[PAGE_PATH] = search_page(texts)
    return files
