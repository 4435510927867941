"""The query algorithm in Python, reading the same files the browser reads.

It is the reference for overrides/assets/javascripts/search.js (same steps,
same order, same arithmetic) and what the query tests run against.

1. Fold the query and split it into terms (``normalise.query_terms``); every term must match.
2. A term of 1–3 code units: its gram's document list is exact.
   A longer term: the 4-grams at offsets 0, 4, 8, … and ``L − 4`` cover every
   unit; a document matches at position *p* when each of them occurs at
   *p + offset*.  That proves the whole term is there, contiguous.
   (Lengths and positions count UTF-16 code units, as the browser does.)
3. Rank: terms found in the heading (title, column …) first, then the share
   of the text the matches cover (phrase density), then newest first.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import reduce

from .codec import Reader
from .index import GRAM, shard_of, units_of
from .normalise import query_terms


@dataclass(frozen=True)
class Hit:
    doc: int
    heading_terms: int     # how many terms occur in the heading
    density: float         # Σ occurrences × term length / length of the text (all in code units)

    def rank_key(self) -> tuple:
        return (-self.heading_terms, -self.density, self.doc)


@dataclass(frozen=True)
class TermMatch:
    count: int             # occurrences in the document
    heading: bool          # one of them is in the heading


def chain_offsets(length: int) -> list[int]:
    """Offsets of the 4-grams that cover a term of ``length`` ≥ 4 characters.

    >>> chain_offsets(4), chain_offsets(6), chain_offsets(9)
    ([0], [0, 2], [0, 4, 5])
    """
    offsets = list(range(0, length - GRAM + 1, GRAM))
    if offsets[-1] != length - GRAM:
        offsets.append(length - GRAM)
    return offsets


class Index:
    """A built index (``{path: bytes}``, as ``search_files`` returns it) opened for queries.

    ``fetched`` records every file read, to compare what a query costs.
    """

    def __init__(self, files: dict[str, bytes]) -> None:
        self.files = files
        self.fetched: list[str] = []
        self.meta = json.loads(self.read("search/meta.json"))
        table = Reader(self.read("search/docs.bin")).many(2 * self.meta["docs"])
        self.lengths, self.heading_lengths = table[0::2], table[1::2]
        self._shards: dict[int, dict[str, bytes]] = {}

    def read(self, path: str) -> bytes:
        self.fetched.append(path)
        return self.files[path]

    def shard(self, number: int) -> dict[bytes, bytes | int]:
        """A shard's grams → payloads (a large payload's file number instead, read on demand)."""
        if number not in self._shards:
            reader = Reader(self.read(f"search/s/{number}.bin"))
            grams: dict[bytes, bytes | int] = {}
            for n in range(1, GRAM + 1):          # each gram length in turn: keys, references, payloads
                count = reader.next()
                keys = [reader.take(2 * n) for _ in range(count)]
                references = reader.many(count)
                for key, reference in zip(keys, references):
                    grams[key] = reference if reference & 1 else reader.take(reference >> 1)
            self._shards[number] = grams
        return self._shards[number]

    def payload(self, gram: bytes) -> bytes | None:
        found = self.shard(shard_of(gram, self.meta["shards"])).get(gram)
        if isinstance(found, int):
            found = self.read(f"search/x/{found >> 1}.bin")
        return found

    def short_term(self, gram: bytes) -> dict[int, TermMatch]:
        """Documents containing a term of 1–3 code units (given as UTF-16-LE bytes), exactly."""
        data = self.payload(gram)
        if data is None:
            return {}
        reader = Reader(data)
        count = reader.next()
        docs = reader.running(count)
        counts = reader.many(count)
        heading = set(reader.running(reader.next()))
        return {doc: TermMatch(n, doc in heading) for doc, n in zip(docs, counts)}

    def positions(self, gram: bytes) -> dict[int, list[int]]:
        """Where a 4-gram occurs: document → positions."""
        data = self.payload(gram)
        found: dict[int, list[int]] = {}
        if data is None:
            return found
        reader = Reader(data)
        doc = position = -1
        for _ in range(reader.next()):
            doc_gap, value = reader.next(), reader.next()
            if doc_gap or doc < 0:            # another document (the first one may be number 0)
                doc, position = doc + doc_gap + (doc < 0), value
                found[doc] = [position]
            else:
                position += value
                found[doc].append(position)
        return found

    def long_term(self, term: bytes) -> dict[int, TermMatch]:
        """Documents containing a term of 4 or more code units, proved by a chain of 4-gram positions."""
        chain = [(offset, self.positions(term[2 * offset:2 * (offset + GRAM)]))
                 for offset in chain_offsets(len(term) // 2)]
        docs = reduce(lambda acc, item: acc & item[1].keys(), chain[1:], set(chain[0][1]))
        found = {}
        for doc in sorted(docs):
            starts = set(chain[0][1][doc])
            for offset, where in chain[1:]:
                starts &= {p - offset for p in where[doc]}
            if starts:
                found[doc] = TermMatch(len(starts), min(starts) < self.heading_lengths[doc])
        return found

    def term(self, term: str) -> dict[int, TermMatch]:
        units = units_of(term)
        return self.short_term(units) if len(units) < 2 * GRAM else self.long_term(units)

    def search(self, query: str) -> list[Hit]:
        """Every document containing all the query's terms, best first."""
        terms = query_terms(query)
        if not terms:
            return []
        matches = [self.term(t) for t in terms]
        docs = reduce(lambda acc, m: acc & m.keys(), matches[1:], set(matches[0]))
        hits = []
        for doc in docs:
            density = 0.0
            for term, match in zip(terms, matches):
                density += match[doc].count * (len(units_of(term)) // 2) / self.lengths[doc]
            hits.append(Hit(doc, sum(m[doc].heading for m in matches), density))
        return sorted(hits, key=Hit.rank_key)

    def record(self, doc: int) -> dict:
        """The result-list record of a document (title, url, date, column, districts, segments)."""
        return json.loads(self.read(f"search/a/{doc}.json"))
