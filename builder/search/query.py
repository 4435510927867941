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
4. The results page filters the hits by theme, district and year
   (``facets.bin``, read as ``Facets``) and may order them newest first
   (document-number order) instead.
5. No hit at all: the nearest partial matches are offered — for each term its
   longest sub-phrases (of at least ``MIN_SUGGESTION`` characters) that some
   article holds, each with its article count (``suggestions``).
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from functools import reduce

from .codec import Reader
from .index import GRAM, shard_of, units_of
from .normalise import query_terms

SUGGESTIONS = 5           # partial matches offered when nothing matches
MIN_SUGGESTION = 2        # characters: a single character is no useful suggestion for a longer term
FACETS = ("theme", "district", "year")


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


@dataclass(frozen=True)
class Filters:
    """The results page's filters, as the URL gives them (``?theme=…&district=…&year=…``); empty: any."""

    theme: str = ""
    district: str = ""
    year: str = ""

    def get(self, facet: str) -> str:
        return getattr(self, facet)

    def without(self, facet: str) -> "Filters":
        """The same filters but one (for that facet's option counts).

        >>> Filters(theme="渝工铸魂", year="2023").without("year")
        Filters(theme='渝工铸魂', district='', year='')
        """
        return Filters(**{f: ("" if f == facet else self.get(f)) for f in FACETS})

    @property
    def active(self) -> bool:
        return any(self.get(f) for f in FACETS)


class Facets:
    """``facets.bin`` read back: names, and per document its theme codes, district codes and year (0: undated)."""

    def __init__(self, data: bytes) -> None:
        reader = Reader(data)
        self.themes = self._names(reader)
        self.districts = self._names(reader)
        self.doc_year: list[int] = []
        for _ in range(reader.next()):
            year, length = reader.next(), reader.next()
            self.doc_year += [year] * length
        self.doc_themes: list[list[int]] = []
        self.doc_districts: list[list[int]] = []
        for _ in self.doc_year:
            self.doc_themes.append(reader.many(reader.next()))
            self.doc_districts.append(reader.many(reader.next()))

    @staticmethod
    def _names(reader: Reader) -> list[str]:
        return [reader.take(reader.next()).decode("utf-8") for _ in range(reader.next())]

    def values(self, doc: int, facet: str) -> list[str]:
        """A document's values of one facet, as names (a year as its digits; none when undated)."""
        if facet == "theme":
            return [self.themes[c] for c in self.doc_themes[doc]]
        if facet == "district":
            return [self.districts[c] for c in self.doc_districts[doc]]
        return [str(self.doc_year[doc])] if self.doc_year[doc] else []

    def passes(self, doc: int, filters: Filters) -> bool:
        """Whether a document has every filtered value (an unknown value: no document has it)."""
        return all(not filters.get(f) or filters.get(f) in self.values(doc, f) for f in FACETS)

    def counts(self, docs: list[int], filters: Filters) -> dict[str, dict[str, int]]:
        """Per facet, per value: how many of these documents have it and pass the other filters.

        That is the count the option would show if chosen, whatever is chosen in its own facet.
        """
        out: dict[str, dict[str, int]] = {}
        for facet in FACETS:
            others = filters.without(facet)
            counts: dict[str, int] = {}
            for doc in docs:
                if self.passes(doc, others):
                    for value in self.values(doc, facet):
                        counts[value] = counts.get(value, 0) + 1
            out[facet] = counts
        return out


def arrange(hits: list[Hit], facets: Facets | None, filters: Filters, sort: str = "") -> list[Hit]:
    """The hits the results page lists: those passing the filters, best first or (``sort="date"``) newest first.

    Documents are numbered newest first, so "newest first" is document-number order.
    """
    kept = [h for h in hits if facets is None or facets.passes(h.doc, filters)]
    return sorted(kept, key=lambda h: h.doc) if sort == "date" else kept


def longest_parts(term: str, count) -> list[tuple[str, int]]:
    """A term's longest sub-phrases (the term itself included) that some document holds, with their counts.

    ``count(phrase)`` is the number of documents holding a phrase.  Phrases
    are cut at characters (never inside a surrogate pair), left to right; a
    part shorter than ``MIN_SUGGESTION`` characters is not offered (unless the
    term itself is that short).

    >>> texts = ["重庆工匠", "工匠精神", "成语"]
    >>> longest_parts("成语工匠", lambda p: sum(p in t for t in texts))
    [('成语', 1), ('工匠', 2)]
    >>> longest_parts("上海", lambda p: sum(p in t for t in texts))
    []
    """
    chars = list(term)
    for length in range(len(chars), min(MIN_SUGGESTION, len(chars)) - 1, -1):
        found: list[tuple[str, int]] = []
        for start in range(len(chars) - length + 1):
            phrase = "".join(chars[start:start + length])
            if all(phrase != p for p, _ in found):
                n = count(phrase)
                if n:
                    found.append((phrase, n))
        if found:
            return found
    return []


def rank_suggestions(terms: list[str], count, limit: int = SUGGESTIONS) -> list[tuple[str, int]]:
    """Every term's longest matching parts, longest first, then most articles, then as they came; at most ``limit``.

    >>> texts = ["重庆工匠", "工匠精神", "成语", "北碚"]
    >>> rank_suggestions(["北碚", "成语工匠"], lambda p: sum(p in t for t in texts))
    [('工匠', 2), ('北碚', 1), ('成语', 1)]
    """
    found: list[tuple[str, int]] = []
    for term in terms:
        for phrase, n in longest_parts(term, count):
            if all(phrase != p for p, _ in found):
                found.append((phrase, n))
    order = sorted(range(len(found)), key=lambda i: (-len(found[i][0]), -found[i][1], i))
    return [found[i] for i in order[:limit]]


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
        self._terms: dict[str, dict[int, TermMatch]] = {}
        self._facets: Facets | None = None

    def read(self, path: str) -> bytes:
        """A file's bytes as the browser has them once inflated (every file but meta.json is gzip)."""
        self.fetched.append(path)
        data = self.files[path]
        return data if path.endswith("meta.json") else gzip.decompress(data)

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
        """Documents holding a folded term (remembered: suggestions ask for overlapping phrases)."""
        if term not in self._terms:
            units = units_of(term)
            self._terms[term] = self.short_term(units) if len(units) < 2 * GRAM else self.long_term(units)
        return self._terms[term]

    def facets(self) -> Facets:
        if self._facets is None:
            self._facets = Facets(self.read("search/facets.bin"))
        return self._facets

    def results(self, query: str, filters: Filters = Filters(), sort: str = "") -> list[Hit]:
        """What the results page lists for ``?q=…&theme=…&district=…&year=…&sort=…``."""
        return arrange(self.search(query), self.facets(), filters, sort)

    def suggest(self, query: str) -> list[tuple[str, int]]:
        """The nearest partial matches of a query: (phrase, article count), best first (see ``rank_suggestions``)."""
        return rank_suggestions(query_terms(query), lambda phrase: len(self.term(phrase)))

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
        return json.loads(self.read(f"search/a/{doc}.bin"))
