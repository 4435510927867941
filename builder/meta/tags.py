"""A handful of keywords (tags) for an article.

Words are weighted by TF-IDF (jieba's IDF table, our shared segmenter), the
title's words count double, and the genre's stock vocabulary (工会, 职工,
开展 …, see genre.yaml `tags.stop`) never becomes a tag.  Names of people
and places are left to their own extractors.  Ties are broken by first
position in the text and then by the word itself, so the result does not
depend on dictionary or hash order.
"""

from __future__ import annotations

import copy
import re
import threading
from functools import lru_cache
from typing import NamedTuple

from builder.text import HAN
from builder.text.segment import (
    district_names,
    genre_data,
    pos_tokenizer,
    tokenizer,
    tokens,
    words_of,
)

DEFAULT_COUNT = 6
TITLE_WEIGHT = 2.0

# Parts of speech a tag may have: nouns, proper terms, verbal nouns, idioms
# of the genre and abbreviations.  People (nr), places (ns) and
# organisations (nt) have their own extractors and are excluded.
_TAG_POS = frozenset({"n", "nz", "nw", "vn", "an", "l", "j", "eng"})
_HAS_CJK_OR_LATIN = re.compile(rf"[{HAN}A-Za-z]")
# Numbers, dates and counts: 2023年, 5月, 100个, 1.8万, 二十.
_NUMBER_LIKE = re.compile(
    r"^[0-9０-９.．%％一二三四五六七八九十百千万亿两零〇第]+"
    r"[年月日号时分秒个名家人次项场期届条件所余多万亿元天周]*$"
)

_lock = threading.Lock()
_idf: "tuple[dict, float] | None" = None


class Candidate(NamedTuple):
    """A word that may become a tag, with its score and first position."""

    score: float
    position: int
    word: str


def _idf_table() -> tuple[dict, float]:
    """jieba's IDF table and its median, loaded once on first use (importing
    jieba.analyse takes about a second).  The extractor is a copy of jieba's
    default one wired to our tokenizer, sharing its table."""
    global _idf
    if _idf is None:
        with _lock:
            if _idf is None:
                import jieba.analyse  # deferred: slow to import

                extractor = copy.copy(jieba.analyse.default_tfidf)
                extractor.tokenizer = tokenizer()
                extractor.postokenizer = pos_tokenizer()
                _idf = (extractor.idf_freq, extractor.median_idf)
    return _idf


@lru_cache(maxsize=1)
def stop_words() -> frozenset:
    """Words that never become tags: the genre's stock vocabulary.

    Example: '工会' in stop_words() → True
    """
    return frozenset(words_of((genre_data().get("tags") or {}).get("stop")))


@lru_cache(maxsize=1 << 16)
def is_tag_word(word: str, flag: str) -> bool:
    """Whether a segmented word may be a tag at all.

    Why: tags name topics; numbers, single characters, people, places and
    stock phrases do not.
    Example: is_tag_word("驿站", "n") → True; is_tag_word("2023年", "m") → False;
             is_tag_word("工会", "n") → False
    Cached: it is asked of every word of every article, and words recur.
    """
    word = word.strip()
    if len(word) < 2 or not _HAS_CJK_OR_LATIN.search(word):
        return False
    if _NUMBER_LIKE.match(word) or flag not in _TAG_POS:
        return False
    return word not in stop_words() and word not in district_names()


def weigh_words(title: str, text: str) -> list[Candidate]:
    """Every tag-worthy word with its TF-IDF score (title words doubled) and
    the position of its first appearance.

    Example: weigh_words("最美驿站", "驿站") → [Candidate(score=…, position=1, word='最美驿站'),
                                                Candidate(score=…, position=2, word='驿站')]
    """
    idf, median = _idf_table()
    counts: dict[str, float] = {}
    first_seen: dict[str, int] = {}
    position = 0
    for weight, part in ((TITLE_WEIGHT, title), (1.0, text)):
        for tok in tokens(part if isinstance(part, str) else ""):
            position += 1
            if not is_tag_word(tok.word, tok.flag):
                continue
            counts[tok.word] = counts.get(tok.word, 0.0) + weight
            first_seen.setdefault(tok.word, position)
    return [
        Candidate(round(counts[w] * idf.get(w, median), 9), first_seen[w], w)
        for w in counts
    ]


def extract_tags(title: str, text: str, k: int = DEFAULT_COUNT) -> list[str]:
    """The k most characteristic words of an article, best first.

    Why: tag pages and the page's keywords.  A word inside an already chosen
    tag (驿站 after 最美驿站) or containing one is skipped as redundant.
    Example: extract_tags("重庆45个站点入选全国“最美驿站”", "…工会驿站…户外劳动者…")
             → ['最美驿站', '户外劳动者', …]   (never '工会', '2023年')
    """
    if not isinstance(k, int) or k <= 0:
        return []
    title = title if isinstance(title, str) else ""
    text = text if isinstance(text, str) else ""
    ranked = sorted(weigh_words(title, text), key=lambda c: (-c.score, c.position, c.word))
    chosen: list[str] = []
    for candidate in ranked:
        word = candidate.word
        if any(word in tag or tag in word for tag in chosen):
            continue
        chosen.append(word)
        if len(chosen) == k:
            break
    return chosen
