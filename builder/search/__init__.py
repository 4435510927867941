"""Static Chinese full-text search: exact substring matches, built into the site.

Use: ``search_files(search_docs(published, url_of))`` → ``{site path: bytes}``
(the index under ``search/`` and the search page ``search/index.md``); the
MkDocs plugin adds them to the site.  ``SearchDoc`` is a plain record, so a
benchmark can index any archive: ``search_files([SearchDoc(title=…, url=…,
date=…, body=(…,)), …])``.  In the browser, ``window.siteSearch.query(q)``
returns the ranked document numbers (``search/a/<n>.bin`` is document n).
Every file but ``meta.json`` is gzip-compressed.  ``index_key`` is the key
of an index (its documents, words and code) that ``builder.stored`` keeps the
last index under, so a rebuild whose articles did not change does not build it again.

Why this design
    Readers type a string and expect the articles that contain it: no word
    segmentation (jieba splits 北碚区总工会 its own way; two segmenters disagree),
    so the index is of characters.  Text and query are folded alike
    (``normalise``: full-width → half-width, traditional → simplified via OpenCC,
    lower case, no whitespace, no quotation marks, brackets, dashes or middle
    dots; clause marks ，、；：。！？ become a boundary no match spans and a query
    splits at), one character to at most one, so matches map back onto the
    printed text for highlighting and how a reader types punctuation never
    decides a match.  A term of 1–3 UTF-16 units is
    answered exactly by its document set (1-, 2-, 3-grams with occurrence
    counts and heading flags); a longer term by positional 4-grams at offsets
    0, 4, 8, …, L−4, which prove contiguity.  Terms are ANDed.  Rank: terms in
    the heading (title, kicker, subtitle, column), then the share of the text
    the matches cover, then newest first.  The results page filters by theme,
    district and year (``facets.bin``: codes per document, names once) and
    can order newest first; when nothing matches it offers the longest parts
    of the query that some article holds, with their counts (``query.suggest``).
    Its words are the ``search:`` block of data/site.yaml (``texts``).  The same algorithm runs in
    ``query.py`` (the tests' reference) and in the browser
    (overrides/assets/javascripts/search.js); tests hold both to plain
    substring search.

What it costs (measured on a 2-core machine shared with other work)
    14 seed articles (59 KB of text): 0.51 MB of index in 41 shards and 14
    records; building it takes 0.04 s.
    10,000 synthetic articles (about 3.4 KB of Chinese each, recombined seed
    paragraphs; "diverse": 15 % of characters replaced so grams vary as in real
    text): 128 MB / 227 MB on disk (a third of it the per-article records);
    about 10,000 shards of ≈ 12 KB plus 3,000–5,000 files of large postings.
    A first search in Chromium on 127.0.0.1 fetches 100–240 KB (script,
    meta.json, docs.bin, the query's shards, the ten shown records) and answers
    in 0.1–0.3 s after the input pause.  Building takes 11–20 s of CPU
    (1.1–2 ms per article): one numpy sort per gram length plus the varint
    encoding of every posting; nothing runs in Python per character or per gram.
    The price of exactness is size: every distinct gram is a key (≈ 10 bytes)
    and every 4-gram occurrence a posting, so the index is 4–9 times the text.
"""

from .index import search_files
from .normalise import fold, query_terms
from .records import SearchDoc, search_docs
from .stored import code_fingerprint, index_key
from .texts import search_texts

__all__ = ["SearchDoc", "code_fingerprint", "fold", "index_key", "query_terms", "search_docs",
           "search_files", "search_texts"]
