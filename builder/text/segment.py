"""One shared Chinese word segmenter for the whole builder.

People, organisations, tags and (later) the search index must all see the
same words, so they share one jieba tokenizer built once per process with
the genre's own vocabulary (builder/data/genre.yaml) plus district and theme
names when those data files exist.  Building it takes about a second, so it
is created lazily on first use.
"""

from __future__ import annotations

import logging
import re
import threading
from functools import lru_cache
from typing import Any, Iterable, NamedTuple

import jieba
import jieba.posseg
from builder.knowledge.files import knowledge_file
from builder.text import HAN, hmm

_TERM_RE = re.compile(rf"^[{HAN}·]{{2,12}}$")
# Lines kept segmented: several articles' worth, so that all consumers of one article share them.
LINE_CACHE_SIZE = 1024

_lock = threading.Lock()
_segmenter: "_Segmenter | None" = None


class Token(NamedTuple):
    """A word with its part-of-speech tag and its span in the input."""

    word: str
    flag: str
    start: int
    end: int


class _Segmenter(NamedTuple):
    tokenizer: jieba.Tokenizer
    pos: jieba.posseg.POSTokenizer
    terms: tuple[str, ...]


@lru_cache(maxsize=1)
def genre_data() -> dict:
    """The parsed genre.yaml, shared by people, tags and summary.

    Why: one place reads the genre knowledge, so every module agrees on it.
    Example: genre_data()["people"]["titles_after"] → ['代表', '委员', '劳模', '工匠']
    """
    return knowledge_file("genre")


def words_of(value: Any) -> list[str]:
    """Turn a YAML list or a space-separated block into a list of words.

    Why: long word lists read better in YAML as folded blocks.
    Example: words_of("王 张  李") → ['王', '张', '李']; words_of(['劳模']) → ['劳模']
    """
    if isinstance(value, str):
        return value.split()
    if isinstance(value, (list, tuple)):
        return [str(item).strip() for item in value if str(item).strip()]
    return []


def place_forms(doc: dict, key: str) -> list[str]:
    """The written forms of the places of districts.yaml or regions.yaml: names, short and former forms, guarded forms.

    >>> place_forms({"districts": [{"name": "北碚区", "short": ["北碚"], "guards": {"北碚": {}}}]}, "districts")
    ['北碚区', '北碚', '北碚']
    """
    forms: list[str] = []
    for entry in doc.get(key) or []:
        written = [entry.get("name", ""), *(entry.get("short") or []), *(entry.get("former") or []),
                   *(entry.get("guards") or {})]
        forms += [str(f) for f in written if _TERM_RE.match(str(f))]
    return forms


@lru_cache(maxsize=1)
def district_names() -> tuple[str, ...]:
    """District and region names (with their short and former forms) from the places data.

    Why: place names must be known words for the segmenter and must never be
    taken for people or tags.
    Example: district_names() → ('万州', '万州区', …)
    """
    names = place_forms(knowledge_file("districts"), "districts") + place_forms(knowledge_file("regions"), "regions")
    return tuple(sorted(set(names)))


@lru_cache(maxsize=1)
def theme_names() -> tuple[str, ...]:
    """Theme names and the column labels printed for them, from themes.yaml.

    Only names and printed column labels are taken, not the cue words, which
    are hints for classification rather than vocabulary.
    Example: theme_names() → ('渝工之家', '渝工凝心铸魂', …)
    """
    themes = knowledge_file("themes").get("themes") or []
    names = [n for t in themes for n in [t.get("name", ""), *(t.get("columns") or [])] if _TERM_RE.match(str(n))]
    return tuple(sorted(set(names)))


def _user_dictionary() -> list[tuple[str, str]]:
    """(term, tag) pairs in a fixed order, so segmentation is reproducible."""
    entries: dict[str, str] = {}
    terms = genre_data().get("terms") or {}
    if isinstance(terms, dict):
        for tag in sorted(terms, key=str):
            for term in words_of(terms[tag]):
                entries.setdefault(term, str(tag))
    for name in district_names():
        entries.setdefault(name, "ns")
    for name in theme_names():
        entries.setdefault(name, "nz")
    return sorted(entries.items())


def _build() -> _Segmenter:
    logging.getLogger("jieba").setLevel(logging.ERROR)
    jieba.setLogLevel(logging.ERROR)
    tok = jieba.Tokenizer()
    tok.initialize()
    entries = _user_dictionary()
    for term, tag in entries:
        tok.add_word(term, None, tag)
    pos = jieba.posseg.POSTokenizer(tok)
    return _Segmenter(tok, pos, tuple(term for term, _ in entries))


def _get() -> _Segmenter:
    global _segmenter
    if _segmenter is None:
        with _lock:
            if _segmenter is None:
                _segmenter = _build()
    return _segmenter


def tokenizer() -> jieba.Tokenizer:
    """The process-wide jieba tokenizer with the genre vocabulary loaded.

    Why: one dictionary for every consumer; built once, on first use.
    Example: tokenizer().lcut("渝工港湾") → ['渝工港湾'] (plain jieba: 渝/工/港湾)
    """
    return _get().tokenizer


def pos_tokenizer() -> jieba.posseg.POSTokenizer:
    """The part-of-speech tokenizer over the same dictionary as tokenizer()."""
    return _get().pos


def user_terms() -> list[str]:
    """The extra terms added to the dictionary, sorted.

    Example: '最美驿站' in user_terms() → True
    """
    return list(_get().terms)


def cut(text: str) -> list[str]:
    """Split text into words.

    Why: shared by tags and the search index, so both see the same words.
    Example: cut("全国劳模邓力") → ['全国劳模', '邓力']
    """
    if not isinstance(text, str) or not text:
        return []
    return [word for word in tokenizer().lcut(text) if word]


def posseg(text: str) -> list[tuple[str, str]]:
    """Split text into (word, part-of-speech) pairs.

    Example: posseg("林波代表表示") → [('林波', 'nr'), ('代表', 'n'), ('表示', 'v')]
    """
    return [(token.word, token.flag) for token in tokens(text)]


def tokens(text: str) -> list[Token]:
    """Split text into tokens that carry their character span.

    Why: the person and organisation rules reason about word boundaries at
    given offsets of the original text.
    Example: tokens("林波代表") → [Token('林波', 'nr', 0, 2), Token('代表', 'n', 2, 4)]

    The same lines reach the segmenter several times per article (people,
    organisations, tags), so each line's tokens are cached (``line_tokens``).
    A line break always ends a run of words for jieba, so cutting line by
    line gives exactly the tokens of cutting the whole text; a text with a
    carriage return (where jieba keeps '\\r\\n' as one token) is cut whole.
    """
    if not isinstance(text, str) or not text:
        return []
    return list(_text_tokens(text))


@lru_cache(maxsize=8)
def _text_tokens(text: str) -> tuple[Token, ...]:
    """The tokens of a whole text, kept for the next consumer of the same article text."""
    if "\r" in text:
        return tuple(_spans(text, hmm_pos_cut(text)))
    result: list[Token] = []
    offset = 0
    for index, line in enumerate(text.split("\n")):
        if index:
            result.append(Token("\n", "x", offset, offset + 1))
            offset += 1
        if offset:
            result.extend([_new_token(Token, (w, f, s + offset, e + offset)) for w, f, s, e in line_tokens(line)])
        else:
            result.extend(line_tokens(line))
        offset += len(line)
    return tuple(result)


@lru_cache(maxsize=LINE_CACHE_SIZE)
def line_tokens(line: str) -> tuple[Token, ...]:
    """The tokens of one line (no line break in it), cached.

    Why: an article's lines are segmented once, not once per consumer.  The
    cache holds a few articles' worth of lines, enough for every consumer of
    one article to share them.
    Example: line_tokens("林波代表") → (Token('林波', 'nr', 0, 2), Token('代表', 'n', 2, 4))
    """
    return tuple(_spans(line, hmm_pos_cut(line)))


def _spans(text: str, pairs: Iterable[tuple[str, str]]) -> list[Token]:
    """(word, flag) pairs → Tokens with their offsets in ``text``."""
    found = []
    offset = 0
    for word, flag in pairs:
        if not word:
            continue
        # the words tile the text, so each one starts where the last ended
        start = offset if text.startswith(word, offset) else text.find(word, offset)
        if start < 0:  # defensive: the tokenizer never drops characters
            continue
        offset = start + len(word)
        found.append(_new_token(Token, (word, flag, start, offset)))
    return found


# Token(...) without the generated __new__'s extra call: millions of tokens are made per build.
_new_token = tuple.__new__


def hmm_pos_cut(text: str) -> list[tuple[str, str]]:
    """(word, part-of-speech) pairs, exactly as ``pos_tokenizer().lcut(text)`` gives them.

    Why: jieba's part-of-speech cut was most of the builder's time.  This is
    the same algorithm with the same numbers (``builder.text.hmm``): it finds
    dictionary words in one pass, skips HMM transitions that do not exist and
    remembers the short unknown runs it has cut, so the words and tags are
    identical and the cut is several times faster.
    Example: hmm_pos_cut("林波代表表示") → [('林波', 'nr'), ('代表', 'n'), ('表示', 'v')]
    """
    return hmm.pos_cut(pos_tokenizer(), text)


def is_dictionary_word(word: str) -> bool:
    """True when the word is in the segmenter's dictionary (not guessed).

    Why: real people in these pages are almost never dictionary words, while
    the common words jieba mistags as names (北碚, 师生) are.
    Example: is_dictionary_word("师生") → True; is_dictionary_word("陈继军") → False
    """
    return bool(word) and tokenizer().FREQ.get(word, 0) > 0


def dictionary_tag(word: str) -> str:
    """The dictionary part-of-speech tag of a word, or '' if unknown.

    Example: dictionary_tag("周围") → 'f'
    """
    pos = pos_tokenizer()
    pos.makesure_userdict_loaded()
    return pos.word_tag_tab.get(word, "")


def unique_in_order(items: Iterable[str]) -> list[str]:
    """Deduplicate keeping first occurrence order.

    Example: unique_in_order(['b', 'a', 'b']) → ['b', 'a']
    """
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return out
