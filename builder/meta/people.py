"""People and organisations named in an article.

People come from two sources that check each other:

* the segmenter's person-name guesses (part-of-speech tag ``nr``), kept only
  when the word is not a dictionary word (real people in these pages are
  almost never in the dictionary, while the words jieba mistags as names —
  北碚, 师生, 王女士 — are), and not inside an organisation's name;
* rules of the genre that find a name by its neighbours: after a title
  (全国劳模邓力, 总经理侯显华说), before 代表/劳模 (林波代表表示,
  张培林劳模创新工作室) and in a list closed by 等 and a group noun
  (刘源、陈继军等代表表示).  These also repair names the segmenter splits
  (杨/玉兰, 沈/轶).

Organisations are read leftwards from a suffix (…总工会, …有限公司,
…工作室) over name-like words, stopping at verbs, prepositions and
punctuation; see ``extract_organizations``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, NamedTuple, Sequence

from builder.text import HAN, is_han
from builder.text.segment import (
    Token,
    dictionary_tag,
    district_names,
    genre_data,
    tokenizer,
    tokens,
    unique_in_order,
    words_of,
)

MAX_ORGANISATIONS = 15

# A dictionary word this frequent is an ordinary word even when jieba tags it
# as a name (文明, 高峰, 谢谢); rarer ones (金泉) may still be somebody's name.
COMMON_WORD_FREQ = 50

_CJK = re.compile(rf"^[{HAN}]+$")
_NAME_TAGS = ("nr", "nrfg", "nrt")
# Part-of-speech tags of words that may make up an organisation's name.
_NOMINAL_TAGS = frozenset({
    "n", "nr", "nrfg", "nrt", "ns", "nt", "nz", "nw", "ng", "j", "l", "eng",
    "vn", "an", "b", "s",
})
# Tags that make an organisation's name a proper one (not 工匠学院).
_PROPER_TAGS = frozenset({"nr", "nrfg", "nrt", "ns", "nt", "nz", "j", "eng"})
# Parts of speech that may follow a name directly (…侯显华说, …谭里民在).
_AFTER_NAME_TAGS = ("v", "p", "c", "u", "d", "r", "x")
_COUNT_AFTER_LIST = r"[0-9０-９一二三四五六七八九十两几百]+(?:名|位|人)"

_BARE_UNION = "工会"

# Priorities when two findings overlap: the rule with more context wins.
_LIST, _TITLE, _GUESS = 3, 2, 1


class NameSpan(NamedTuple):
    """Where a rule found a name, and how much context supports it."""

    start: int
    end: int
    priority: int


@dataclass(frozen=True)
class _Lexicon:
    surnames: frozenset
    compound_surnames: tuple
    titles_before: re.Pattern
    titles_after: re.Pattern
    list_end: re.Pattern
    never_in_name: frozenset
    honorifics: tuple
    place_endings: tuple
    not_names: frozenset
    places: frozenset
    entity_suffixes: tuple
    unit_suffixes: tuple
    union_owners: tuple
    modifier_heads: frozenset
    inner_verbs: frozenset
    left_stops: frozenset
    generic_names: frozenset


def _longest_first(words: Iterable[str]) -> tuple[str, ...]:
    """Words ordered so that a longer word is tried before its prefix."""
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in _longest_first(words)) or "(?!)"


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    """The genre knowledge used here, read once from genre.yaml and places.

    Why: the rules are code, the words they use are data.
    Example: '代表' in lexicon().titles_after.pattern → True
    """
    people = genre_data().get("people") or {}
    orgs = genre_data().get("organisations") or {}
    group = _alternation(words_of(people.get("group_nouns")))
    by_length = _longest_first
    return _Lexicon(
        surnames=frozenset(words_of(people.get("surnames"))),
        compound_surnames=by_length(words_of(people.get("compound_surnames"))),
        titles_before=re.compile(_alternation(words_of(people.get("titles_before")))),
        titles_after=re.compile(_alternation(words_of(people.get("titles_after")))),
        list_end=re.compile(r"等(?=" + group + "|" + _COUNT_AFTER_LIST + ")"),
        never_in_name=frozenset("".join(words_of(people.get("never_in_name")))),
        honorifics=by_length(words_of(people.get("honorifics"))),
        place_endings=by_length(words_of(people.get("place_endings"))),
        not_names=frozenset(words_of(people.get("not_names"))),
        places=frozenset(district_names()),
        entity_suffixes=by_length(words_of(orgs.get("entity_suffixes"))),
        unit_suffixes=by_length(words_of(orgs.get("unit_suffixes"))),
        union_owners=by_length(words_of(orgs.get("union_owners"))),
        modifier_heads=frozenset(words_of(orgs.get("modifier_heads"))),
        inner_verbs=frozenset(words_of(orgs.get("inner_verbs"))),
        left_stops=frozenset(words_of(orgs.get("left_stops"))),
        generic_names=frozenset(words_of(orgs.get("generic_names"))),
    )


# ---------------------------------------------------------------------------
# Person names


def name_lengths(text: str, at: int) -> tuple[int, ...]:
    """Possible lengths of a name starting at `at`: 2–3, or 3–4 after a
    compound surname (欧阳…).

    Example: name_lengths("欧阳修远", 0) → (3, 4); name_lengths("邓力", 0) → (2, 3)
    """
    for surname in lexicon().compound_surnames:
        if text.startswith(surname, at):
            return (3, 4)
    return (2, 3)


def looks_like_name(candidate: str, known_names_ok: bool = True) -> bool:
    """Whether a string has the shape of a full Chinese personal name.

    Why: every rule proposes candidates; this one check rejects the common
    words, places, honorific forms and function words among them.
    With known_names_ok False, any dictionary word is rejected (used for the
    segmenter's own guesses, which are unreliable on dictionary words).
    Example: looks_like_name("王永琴") → True; looks_like_name("王女士") → False;
             looks_like_name("代表") → False; looks_like_name("北碚") → False
    """
    if not has_name_shape(candidate):
        return False
    if len(candidate) == 3 and not _compound_surname(candidate) and _is_common_word(candidate[:2], True):
        return False  # 代表一, 文体艺: a word plus one character
    return not _is_common_word(candidate, known_names_ok)


def has_name_shape(candidate: str) -> bool:
    """A surname, then one or two characters a given name may hold: the shape, before any word check.

    | candidate | shape | why not |
    |-----------|-------|---------|
    | 黄家金    | yes   |         |
    | 欧阳娜    | yes   |         |
    | 王女士    | no    | an honorific |
    | 北碚      | no    | a place |
    | 工会      | no    | no surname |

    >>> [has_name_shape(w) for w in ("黄家金", "欧阳娜", "王女士", "北碚", "工会")]
    [True, True, False, False, False]
    """
    lex = lexicon()
    if not isinstance(candidate, str) or not _CJK.match(candidate):
        return False
    compound = _compound_surname(candidate)
    if compound:
        given = candidate[len(compound):]
    elif candidate[0] in lex.surnames:
        given = candidate[1:]
    else:
        return False
    if not 1 <= len(given) <= 2:
        return False
    if any(ch in lex.never_in_name for ch in given):
        return False
    if candidate in lex.not_names or candidate in lex.places:
        return False
    if any(candidate.endswith(h) or given == h for h in lex.honorifics):
        return False
    return not any(given.endswith(p) for p in lex.place_endings)


def _compound_surname(candidate: str) -> str:
    """The two-character surname the candidate starts with (欧阳, 司马), or ''."""
    return next((s for s in lexicon().compound_surnames if candidate.startswith(s)), "")


def _is_common_word(word: str, known_names_ok: bool) -> bool:
    freq = tokenizer().FREQ.get(word, 0)
    if freq <= 0:
        return False
    if not known_names_ok:
        return True
    if dictionary_tag(word).startswith(("ns", "nt")):
        return True
    return freq >= COMMON_WORD_FREQ


def _verb_led(text: str, start: int, end: int, by_start: dict) -> bool:
    """True for a verb plus a common word that only looks like a name
    (游|巴蜀, 练|技术): the first character is a one-character verb, adverb
    or preposition and the rest is a common dictionary word."""
    head = by_start.get(start)
    if head is None or len(head.word) != 1 or head.flag.startswith(_NAME_TAGS):
        return False
    if not head.flag.startswith(("v", "p", "d", "c", "a")):
        return False
    return tokenizer().FREQ.get(text[start + 1:end], 0) >= COMMON_WORD_FREQ


def _boundaries(toks: Sequence[Token]) -> tuple[frozenset, dict]:
    starts = frozenset(t.start for t in toks)
    by_start = {t.start: t for t in toks}
    return starts, by_start


def _is_cjk_at(text: str, index: int) -> bool:
    return 0 <= index < len(text) and is_han(text[index])


def _followed_by_honorific(text: str, end: int) -> bool:
    return any(text.startswith(h, end) for h in lexicon().honorifics)


def _right_fit(text: str, end: int, starts: frozenset, by_start: dict) -> int:
    """How well a name ending at `end` fits the following word (0 = not at all)."""
    if not _is_cjk_at(text, end):
        return 2
    if end not in starts:
        return 0
    nxt = by_start[end]
    if _followed_by_honorific(text, end):
        return 0
    if len(nxt.word) >= 2:
        return 2
    return 1 if nxt.flag.startswith(_AFTER_NAME_TAGS) else 0


def names_after_titles(text: str, toks: Sequence[Token]) -> list[NameSpan]:
    """Names written right after a title: 全国劳模邓力, 总经理侯显华说.

    The name's length (2 or 3 characters) is chosen by how the text goes on:
    a name ends at punctuation or before a whole word (邓力|矢志,
    王永琴|，, 朱炳清|走进).
    Example: text "市级劳模成映云来到渝北区" → span of 成映云
    """
    starts, by_start = _boundaries(toks)
    spans: list[NameSpan] = []
    for match in lexicon().titles_before.finditer(text):
        at = match.end()
        if text[at:at + 1] == " ":
            at += 1  # a byline separates title and name by a space: 记者 王小明
        if at not in starts:
            continue  # the title is the head of a longer word (劳模精神)
        best, best_fit = 0, 0
        for length in name_lengths(text, at):
            candidate = text[at:at + length]
            if len(candidate) < length or not looks_like_name(candidate):
                continue
            if _verb_led(text, at, at + length, by_start):
                continue
            fit = _right_fit(text, at + length, starts, by_start)
            if fit > best_fit or (fit == best_fit and fit and length > best):
                best, best_fit = length, fit
        if best:
            spans.append(NameSpan(at, at + best, _TITLE))
    return spans


_JOINING_CHARS = frozenset("和同跟")


def names_before_titles(text: str, toks: Sequence[Token]) -> list[NameSpan]:
    """Names written right before 代表/劳模: 林波代表表示, 钟伟劳模工作室.

    The name must start at punctuation or at a word boundary, so 两江公交公司
    钟伟劳模工作室 gives 钟伟, not 司钟伟.
    Example: text "，张培林劳模创新工作室" → span of 张培林
    """
    starts, by_start = _boundaries(toks)
    spans: list[NameSpan] = []
    for match in lexicon().titles_after.finditer(text):
        end = match.start()
        if end not in starts:
            continue  # the title is the tail of a longer word (人大代表)
        best, best_fit = 0, 0
        for length in (4, 3, 2):
            begin = end - length
            candidate = text[max(begin, 0):end]
            if begin < 0 or length not in name_lengths(text, begin):
                continue
            if not looks_like_name(candidate) or _verb_led(text, begin, end, by_start):
                continue
            if candidate[-1] in _JOINING_CHARS and begin in starts and by_start.get(end - 1) is not None \
                    and by_start[end - 1].flag == "c":
                continue  # 工运史和劳模: '和' joins two nouns, it ends no name here
            if not _is_cjk_at(text, begin - 1):
                fit = 2
            elif begin in starts:
                fit = 1
            else:
                continue
            if fit > best_fit:
                best, best_fit = length, fit
        if best:
            spans.append(NameSpan(end - best, end, _TITLE))
    return spans


def names_in_lists(text: str, toks: Sequence[Token]) -> list[NameSpan]:
    """Names listed with 、 and closed by 等 plus a group noun.

    Every item must look like a name, or the list is not a list of people
    (复兴白砍鸡、三溪口豆腐鱼、张豆花等 is a list of dishes).  The first item
    may carry words before it (如今在北碚金泉、…): its name is the tail that
    starts at a word boundary.
    Example: "刘科、杨玉兰、张烈、张冬芬等代表表示" → 刘科, 杨玉兰, 张烈, 张冬芬
    """
    starts, _ = _boundaries(toks)
    spans: list[NameSpan] = []
    for match in lexicon().list_end.finditer(text):
        end = match.start()
        begin = end
        while begin > 0 and (_is_cjk_at(text, begin - 1) or text[begin - 1] == "、"):
            begin -= 1
        items = text[begin:end].split("、")
        if not items or not all(looks_like_name(item) for item in items[1:]):
            continue
        first = _name_at_tail(text, begin, begin + len(items[0]), starts)
        if first is None:
            continue
        found = [first]
        offset = begin + len(items[0]) + 1
        for item in items[1:]:
            found.append(NameSpan(offset, offset + len(item), _LIST))
            offset += len(item) + 1
        spans.extend(found)
    return spans


# A run of three or more short items joined by 、, standing alone between marks (or after 分别是/有/为),
# with no 等 to close it: 获奖的职工分别是黄某、李某、王某。
_OPEN_LIST = re.compile(r"(?:(?<=[：:，,。；;\s“（(])|(?<=分别是)|(?<=分别为)|(?<=依次为)|(?<=是)|(?<=有)|(?<=为)|^)"
                        rf"(?P<items>[{HAN}]{{2,4}}(?:、[{HAN}]{{2,4}}){{2,}})(?=[，,。；;！？\s”）)]|$)")
OPEN_LIST_CONFIRMED_SHARE = 0.5   # of the items that must pass the full name check


def names_in_open_lists(text: str) -> list[NameSpan]:
    """Names listed with 、 and no 等 after them, when every item has a name's shape and half are names.

    Without 等 and a group noun nothing says the list is of people, so the
    items say it: each is a surname and a given name's length, and at least
    half pass the full check (a given name such as 猛 or 家金 is also a word,
    and the list vouches for it).

    | text                                 | names                  |
    |--------------------------------------|------------------------|
    | 分别是黄容、李鸿、王猛、刘向阳。        | all four               |
    | 覆盖渝中、江北、南岸等区               | none (no name's shape) |
    | 工会、妇联、团委联合举办               | none                   |

    >>> [text[s.start:s.end] for text in ["获奖职工分别是黄容、李鸿、王猛、刘向阳。"] for s in names_in_open_lists(text)]
    ['黄容', '李鸿', '王猛', '刘向阳']
    >>> names_in_open_lists("活动覆盖渝中、江北、南岸，工会、妇联、团委联合举办。")
    []
    """
    spans: list[NameSpan] = []
    for match in _OPEN_LIST.finditer(text):
        items = match.group("items").split("、")
        if not all(has_name_shape(item) for item in items):
            continue
        if sum(looks_like_name(item) for item in items) < OPEN_LIST_CONFIRMED_SHARE * len(items):
            continue
        offset = match.start("items")
        for item in items:
            spans.append(NameSpan(offset, offset + len(item), _LIST))
            offset += len(item) + 1
    return spans


def _name_at_tail(text: str, begin: int, end: int, starts: frozenset) -> "NameSpan | None":
    """The name that ends a list's first item, if any."""
    if looks_like_name(text[begin:end]):
        return NameSpan(begin, end, _LIST)
    for length in (3, 2, 4):
        start = end - length
        if start > begin and start in starts and length in name_lengths(text, start):
            if looks_like_name(text[start:end]):
                return NameSpan(start, end, _LIST)
    return None


def guessed_names(text: str, toks: Sequence[Token]) -> list[NameSpan]:
    """The segmenter's own person-name guesses that pass the name checks.

    A guess that swallowed a preceding word's character (由罗梅) is trimmed;
    a lone surname followed by a guessed given name (杨/玉兰) is joined.
    Why: names with no title or list around them (bylines, second mentions)
    are only known to the segmenter.
    Example: text "陶永国 潘锋 图片由" → spans of 陶永国, 潘锋
    """
    spans: list[NameSpan] = []
    for index, tok in enumerate(toks):
        if _is_lone_surname(tok) and index + 1 < len(toks):
            nxt = toks[index + 1]
            if nxt.flag.startswith(_NAME_TAGS) and nxt.start == tok.end and len(nxt.word) <= 2:
                joined = tok.word + nxt.word
                quoted = in_short_quote(text, tok.start, nxt.end)
                if not quoted and looks_like_name(joined, known_names_ok=False):
                    spans.append(NameSpan(tok.start, nxt.end, _GUESS))
                    continue
        if not tok.flag.startswith(_NAME_TAGS):
            continue
        if _followed_by_honorific(text, tok.end) or in_short_quote(text, tok.start, tok.end):
            continue
        if looks_like_name(tok.word, known_names_ok=False):
            spans.append(NameSpan(tok.start, tok.end, _GUESS))
        elif len(tok.word) == 3 and looks_like_name(tok.word[1:], known_names_ok=False):
            spans.append(NameSpan(tok.start + 1, tok.end, _GUESS))
    return spans


def _is_lone_surname(tok: Token) -> bool:
    """A one-character surname the segmenter cut off its given name (杨/玉兰);
    a verb or adverb (游/巴蜀) is not."""
    if len(tok.word) != 1 or tok.word not in lexicon().surnames:
        return False
    return not tok.flag.startswith(("v", "p", "d", "c", "a", "u", "r"))


def in_short_quote(text: str, start: int, end: int, longest: int = 8) -> bool:
    """Whether text[start:end] lies inside a short quotation (“巴山惠工”).

    Why: short quotations in these pages are brand names and slogans; a
    guessed name inside one (惠工) is a word of the brand, not a person.
    Example: in_short_quote("打造“巴山惠工”品牌", 5, 7) → True
    """
    for left, right in (("“", "”"), ("‘", "’"), ("「", "」")):
        opening = text.rfind(left, 0, start)
        if opening < 0 or right in text[opening:start]:
            continue
        closing = text.find(right, end)
        if closing < 0 or left in text[end:closing]:
            continue
        if closing - opening - 1 <= longest:
            return True
    return False


def is_place_stem(name: str, text: str) -> bool:
    """Whether the text also writes the name followed by a place ending
    (柳荫 beside 柳荫镇), which makes it a place rather than a person.

    Example: is_place_stem("柳荫", "到柳荫镇调研；柳荫滑肉") → True
    """
    return any(name + ending in text for ending in lexicon().place_endings)


def _resolve(spans: Iterable[NameSpan], blocked: Sequence[tuple[int, int]]) -> list[NameSpan]:
    """Keep non-overlapping spans, preferring the better-supported rule;
    drop bare guesses that sit inside an organisation's name (华益机械…)."""
    chosen: list[NameSpan] = []
    ordered = sorted(set(spans), key=lambda s: (-s.priority, s.start, -(s.end - s.start)))
    for span in ordered:
        if any(span.start < c.end and c.start < span.end for c in chosen):
            continue
        if span.priority == _GUESS and any(b <= span.start and span.end <= e for b, e in blocked):
            continue
        chosen.append(span)
    return sorted(chosen)


def extract_people(text: str) -> list[str]:
    """Named persons, in order of first mention, each once.

    Why: people pages and the article's metadata list who appears in it.
    Example: extract_people("刘源、陈继军等代表表示，听了市委书记袁家军的讲话")
             → ['刘源', '陈继军', '袁家军']
    Before/after: '菩提街道的王女士激动地说' → [] (no full name is given).
    """
    if not isinstance(text, str) or not text.strip():
        return []
    toks = tokens(text)
    spans: list[NameSpan] = []
    spans += names_in_lists(text, toks)
    spans += names_in_open_lists(text)
    spans += names_after_titles(text, toks)
    spans += names_before_titles(text, toks)
    spans += guessed_names(text, toks)
    blocked = organisation_spans(text)
    names = unique_in_order(text[s.start:s.end] for s in _resolve(spans, blocked))
    names = [name for name in names if not is_place_stem(name, text)]
    return sorted(names, key=lambda name: (text.find(name), name))


# ---------------------------------------------------------------------------
# Organisations


def _suffix_of(tok: Token, suffixes: Sequence[str]) -> str:
    """The longest listed suffix the token ends with, or ''.

    A one-character suffix (局, 厂) only counts when what precedes it in the
    token is a word of two or more characters (税务|局, 卷烟|厂), so 大局,
    布局, 新格局 are not organisations.
    """
    return _word_suffix(tok.word, tuple(suffixes))


@lru_cache(maxsize=1 << 16)
def _word_suffix(word: str, suffixes: tuple[str, ...]) -> str:
    """``_suffix_of`` for a word; cached, as the organisation reader asks it of every
    token several times (once per suffix list, again while walking left)."""
    suffix = _longest_suffix(word, suffixes)
    if len(suffix) == 1:
        stem = word[:-1]
        if stem and (len(stem) < 2 or tokenizer().FREQ.get(stem, 0) <= 0):
            return ""
    return suffix


def _longest_suffix(word: str, suffixes: Sequence[str]) -> str:
    """The longest of ``suffixes`` that ``word`` ends with, or ''.

    Why: looking up the word's last n characters for each suffix length is
    cheaper than trying every suffix in turn.
    Example: _longest_suffix("北碚区总工会", ("总工会", "工会")) → '总工会'
    """
    lengths, listed = _suffix_table(tuple(suffixes))
    for length in lengths:
        if len(word) >= length and word[-length:] in listed:
            return word[-length:]
    return ""


@lru_cache(maxsize=16)
def _suffix_table(suffixes: tuple[str, ...]) -> tuple[tuple[int, ...], frozenset]:
    """Suffix lengths, longest first, and the set of suffixes."""
    listed = frozenset(s for s in suffixes if s)
    return tuple(sorted({len(s) for s in listed}, reverse=True)), listed


_COMMON_NUMERALS = frozenset("一二三四五六七八九十两百千万亿几多半第")


def _is_nominal(tok: Token) -> bool:
    if tok.flag == "m" and len(tok.word) == 1 and tok.word not in _COMMON_NUMERALS:
        return bool(_CJK.match(tok.word))  # 玖龙纸业: a brand's character, not a count
    return tok.flag in _NOMINAL_TAGS and bool(_CJK.match(tok.word) or tok.flag == "eng")


def _skip_parenthesis(toks: Sequence[Token], close: int) -> int:
    """Index of the '（' matching toks[close] == '）' when the parenthesis is a
    short qualifier inside a name (玖龙纸业（重庆）有限公司), else -1."""
    for index in range(close - 1, max(close - 5, -1), -1):
        if toks[index].word in ("（", "("):
            inner = "".join(t.word for t in toks[index + 1:close])
            if 1 <= len(inner) <= 6 and _CJK.match(inner) and index > 0 and _is_nominal(toks[index - 1]):
                return index
            return -1
    return -1


def _walk_left(toks: Sequence[Token], last: int, entity_seen: bool) -> int:
    """Index of the first token of the organisation name ending at toks[last]."""
    lex = lexicon()
    first = last
    index = last - 1
    while index >= 0:
        tok = toks[index]
        if tok.end != toks[first].start or tok.word in lex.left_stops:
            break
        if _suffix_of(tok, lex.entity_suffixes):
            if entity_seen:
                break  # an organisation ends here; ours starts after it
            entity_seen = True
            first = index
        elif tok.word in ("）", ")"):
            opening = _skip_parenthesis(toks, index)
            if opening < 0:
                break
            first = opening
            index = opening
        elif _is_nominal(tok) or (tok.flag == "m" and tok.word.startswith("第")):
            first = index
        elif _verb_inside_name(toks, index):
            first = index
        else:
            run = _shredded_brand(toks, index)
            if run < 0:
                break
            first = index = run
        index -= 1
    return first


_NOT_IN_NAMES = ("p", "c", "u", "r", "d", "f", "x", "w")


def _shredded_brand(toks: Sequence[Token], index: int, longest: int = 3) -> int:
    """Index of the first of up to `longest` one-character tokens ending at
    toks[index] when they follow a place name: a brand the segmenter cut
    into characters (城口县|亿|联|商贸城).  -1 otherwise."""
    lex = lexicon()
    first = index
    while first >= 0 and index - first < longest:
        tok = toks[first]
        if len(tok.word) != 1 or not _CJK.match(tok.word) or tok.word in lex.left_stops:
            return -1
        if tok.flag.startswith(_NOT_IN_NAMES):
            return -1
        if first > 0 and toks[first - 1].end == tok.start and len(toks[first - 1].word) > 1:
            place = toks[first - 1]
            is_place = place.flag.startswith("ns") or place.word in lex.places
            return first if is_place else -1
        first -= 1
    return -1


def _verb_inside_name(toks: Sequence[Token], index: int) -> bool:
    """Whether the verb toks[index] belongs to the name being read: a known
    inner verb between nouns (机械|铸造|有限责任公司), or any verb right
    after a brand word and before a common noun (华新|参天|水泥)."""
    lex = lexicon()
    tok = toks[index]
    if index == 0 or not tok.flag.startswith("v") or tok.word in lex.left_stops:
        return False
    left = toks[index - 1]
    if tok.word in lex.inner_verbs:
        return _is_nominal(left)
    if index + 1 >= len(toks):
        return False
    right = toks[index + 1]
    brand = _is_proper(left) and not left.flag.startswith("ns") and left.word not in lex.places
    return brand and _is_nominal(right) and not _is_proper(right)


def _is_proper(tok: Token) -> bool:
    if tok.word in lexicon().places:
        return True
    if tok.flag in _PROPER_TAGS:
        return True
    # A word the dictionary does not know is a proper name (华益, 茂田).
    return len(tok.word) >= 2 and bool(_CJK.match(tok.word)) and tokenizer().FREQ.get(tok.word, 0) <= 0


def _trim_generic(toks: Sequence[Token], first: int, last: int) -> int:
    lex = lexicon()
    while first < last and (toks[first].word in lex.generic_names or toks[first].flag in ("b", "t")):
        first += 1
    return first


def _acceptable(toks: Sequence[Token], first: int, last: int, suffix: str, unit: bool) -> bool:
    lex = lexicon()
    name = "".join(t.word for t in toks[first:last + 1])
    head = name[: len(name) - len(suffix)]
    if not head or head in lex.generic_names:
        return False
    if not unit and first < last and toks[last - 1].word in lex.generic_names:
        return False  # 重庆区县总工会: a place plus a generic word
    if unit and _modifies_next(toks, last):
        return False  # 工会组织, 中心城区: the suffix word is a modifier here
    if suffix == _BARE_UNION and not _has_owner(head):
        return False
    suffix_tok = toks[last]
    if suffix_tok.flag == "nt" and len(suffix_tok.word) > len(suffix):
        return True  # a known organisation (中华全国总工会)
    return any(_is_proper(t) for t in toks[first:last])


def _modifies_next(toks: Sequence[Token], last: int) -> bool:
    """A unit word directly followed by a listed head noun (工会干部,
    中心城区) is a modifier, not the end of a name."""
    if last + 1 >= len(toks):
        return False
    nxt = toks[last + 1]
    if nxt.flag.startswith("v"):
        return False  # …联合工会组织10余家企业: here 组织 is the verb
    return nxt.start == toks[last].end and nxt.word in lexicon().modifier_heads


def _has_owner(head: str) -> bool:
    """A bare 工会 needs the unit it belongs to right before it."""
    lex = lexicon()
    owners = lex.union_owners + lex.entity_suffixes
    return any(head.endswith(owner) for owner in owners)


def split_role_words(toks: Sequence[Token]) -> list[Token]:
    """Split words that glue an organisation suffix to a role (协会主席 →
    协会 + 主席), so the organisation's name can end inside them.

    Example: tokens of '舞蹈家协会主席' → 舞蹈家 | 协会 | 主席
    """
    lex = lexicon()
    suffixes = lex.entity_suffixes + lex.unit_suffixes
    result: list[Token] = []
    for tok in toks:
        role = lex.titles_before.search(tok.word)
        head = tok.word[: role.start()] if role and role.end() == len(tok.word) else ""
        if head and any(head.endswith(s) for s in suffixes):
            cut = tok.start + len(head)
            result.append(Token(head, "n", tok.start, cut))
            result.append(Token(tok.word[len(head):], "n", cut, tok.end))
        else:
            result.append(tok)
    return result


@lru_cache(maxsize=8)
def organisation_spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of every organisation name in the text, in text order.

    Why: both the people extractor (a guessed name inside an organisation's
    name is no person) and the organisation extractor need them for the same
    article text; cached, they are read once.
    Example: organisation_spans("北碚区总工会与绵阳市总工会") → ((0, 6), (7, 13))
    """
    return tuple(_organisation_spans(text, tokens(text)))


def _organisation_spans(text: str, toks: Sequence[Token]) -> list[tuple[int, int]]:
    """(start, end) of every organisation name, in text order."""
    lex = lexicon()
    toks = split_role_words(toks)
    found: list[tuple[int, int, int]] = []  # (start, end, index of last token)
    for last, tok in enumerate(toks):
        entity = _suffix_of(tok, lex.entity_suffixes)
        suffix = entity or _suffix_of(tok, lex.unit_suffixes)
        if not suffix:
            continue
        first = _walk_left(toks, last, bool(entity))
        first = _trim_generic(toks, first, last)
        if _acceptable(toks, first, last, suffix, unit=not entity):
            found.append((toks[first].start, tok.end, last))
    return [(s, e) for s, e, _ in _drop_unit_extensions(found, toks)]


def _drop_unit_extensions(found, toks):
    """Of 税务局 / 税务局工会 / 税务局工会委员会 keep only the longest: the
    shorter ones are the same organisation cut before its unit suffixes."""
    lex = lexicon()
    kept = []
    for span in found:
        extended = any(
            other[0] == span[0] and other[2] > span[2]
            and all(_suffix_of(t, lex.unit_suffixes) for t in toks[span[2] + 1:other[2] + 1])
            for other in found
        )
        if not extended:
            kept.append(span)
    return kept


def extract_organizations(text: str, limit: int = MAX_ORGANISATIONS) -> list[str]:
    """Unions, companies and institutions named in the text, in order of first
    mention, each once, at most `limit`.

    Why: organisation pages and metadata.  The name is read leftwards from
    a suffix over name-like words and stops at a verb, a preposition or
    punctuation, so the verb before a name is not swallowed:
    '走进重庆华益机械铸造有限责任公司' → '重庆华益机械铸造有限责任公司'
    (铸造 is kept because it is a known inner verb of company names).
    Generic references (各级工会, 市总工会, 工匠学院) are left out, and a
    short form that ends a longer name found too (华益机械…公司 after
    重庆华益机械…公司) is dropped.
    Example: extract_organizations("北碚区总工会与绵阳市总工会签署合作协议")
             → ['北碚区总工会', '绵阳市总工会']
    """
    if not isinstance(text, str) or not text.strip():
        return []
    names = unique_in_order(text[s:e] for s, e in organisation_spans(text))
    names = [n for n in names if not any(o != n and o.endswith(n) for o in names)]
    names.sort(key=lambda name: (text.find(name), name))
    return names[:max(limit, 0)]
