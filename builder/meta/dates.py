"""Dates for the timeline: when did the event of each article on a page happen.

The page's own date comes first.  A date the caller passes (from the page's
版次 header or a web page's publication line), or an edition header found in
the texts (``版次:004 作者:来源: 2023年05月25日``), dates every article of the
page.  Otherwise each article is dated by its own event, read from its text.

Reading dates.  ``2023年12月15日``, ``2023 年 12 月 24 日``, ``十二月十五日``,
``2018/1/8``, ``2018-1-8``, ``2018.1.8`` and ``2021-5-10 9:53:41`` (the time
is ignored) are day dates.  Numeric dates need a year of 19xx or 20xx and a
real month and day, so ``1.5万``, ``10.5%`` and phone numbers are not dates.
A range is one event dated by its first day (``2月26至27日``, ``3月30日至4月2日``).

What a mention is.  Most are events.  Targets (``到2027年``, ``明年3月``,
``预计2024年底``) and range ends (``2023—2027年``, ``5月至7月``) are excluded.
Years inside document titles (《…(2023—2027年)》), range starts, ``2020年以来``,
honours (``曾获2019年全国五一劳动奖章``) and history (1921年) are context: true,
but not the event, and they lend their year to nothing.

How an article's date is chosen (``date_articles``):

1. Lead first.  The lead is the first two prose paragraphs.  Its first
   sentence that names a month or a day (``12月15日，…交流会在重庆举行``) gives
   the main event; when no year can be found for it, the article gets no
   date rather than the date of another event.  If a recency word (近日,
   日前, 目前 …) comes first, the event is as recent as the page: it gets
   the latest date found on the page, kept to the month (the page appeared
   on or after its latest event).
2. Features.  When the lead names no date, the article is a feature that
   reports several events; it gets its latest dated event (any precision).
3. Otherwise a recency word anywhere borrows the page date as in 1, and an
   article with no evidence at all gets no date.

A year for a date written without one (``6月30日``) comes only from evidence
about the same event, in order: (a) an event year in the same sentence;
(b) the article's title block (the lines before the prose: ``长寿区2024年
春风行动专场招聘会``); (c) the article's main event, when its own text gives
it a year; (d) the main events of the other articles of the page, dated by
their own texts (printed together, so the same season).  A year named only
elsewhere in the body is another event's and is never borrowed.  Relative
years (今年, 去年) count from (b)–(d); 同年/当年 take the year named just
before.  With no such evidence the date is dropped, never guessed.  Source
is ``text`` only when the mention carries its own year; a year taken from
elsewhere (even the same sentence) makes it ``inferred``, and the evidence
names where the year came from.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date as _date
from functools import lru_cache
from typing import Sequence

from builder.knowledge.files import knowledge_file

from builder.headers import parse_edition_header
from builder.text import HAN, SENTENCE_ENDS
from builder.text.calendar import CN_DIGIT, is_real_date, iso_date, numeral_value, parse_iso_date
from builder.textfix import fold_fullwidth_alphanumerics


LEAD_PARAGRAPHS = 2          # how many prose paragraphs make the lead
PROSE_MIN_CHARS = 60         # a block this long is prose even without a full stop
HONOUR_REACH = 6             # how far an honour word may stand before its year: 被评为重庆市2019年度


# ---------------------------------------------------------------- public types


@dataclass(frozen=True)
class DateInfo:
    """The date an article is filed under on the timeline, and why."""

    date: str | None         # 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'
    precision: str | None    # 'day' | 'month' | 'year'
    source: str | None       # 'header' | 'text' | 'inferred'
    evidence: tuple[str, ...] = ()
    borrowed: bool = False   # the year (or the date) came from another article of the page: reviewed


@dataclass(frozen=True)
class DateMention:
    """One date written in a text, with what it can be used for.

    ``role`` is 'event' (something that happened then), 'context' (a true
    date that is not the event and lends its year to nothing: history,
    honours, 以来, document titles, range starts) or 'excluded' (a target or
    a range end); ``reason`` says why when the role is not 'event'.  Offsets
    index the normalised text (full-width and Chinese-numeral digits folded).
    """

    text: str
    start: int
    end: int
    year: int | None
    month: int | None
    day: int | None
    relative: str            # '今年', '去年', '同年' … or ''
    role: str
    reason: str
    sentence: int


# ----------------------------------------------------------------- word lists


@dataclass(frozen=True)
class _Words:
    future_prefixes: tuple[str, ...]
    past_before_to: tuple[str, ...]
    relative_years: dict
    future_relative_years: tuple[str, ...]
    same_year_words: tuple[str, ...]
    since_suffixes: tuple[str, ...]
    reviewed_period_suffixes: tuple[str, ...]
    since_prefixes: tuple[str, ...]
    year_start_suffixes: tuple[str, ...]
    honour_words: tuple[str, ...]
    period_suffixes: tuple[str, ...]
    not_honour_words: tuple[str, ...]
    recency_words: tuple[str, ...]
    history_before: int
    anniversaries: dict[str, int] = field(default_factory=dict)


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = knowledge_file("dates")
    return _Words(
        future_prefixes=tuple(data.get("future_prefixes", ())),
        past_before_to=tuple(data.get("past_before_to", ())),
        relative_years=dict(data.get("relative_years", {})),
        future_relative_years=tuple(data.get("future_relative_years", ())),
        same_year_words=tuple(data.get("same_year_words", ())),
        since_suffixes=tuple(data.get("since_suffixes", ())),
        reviewed_period_suffixes=tuple(data.get("reviewed_period_suffixes", ())),
        since_prefixes=tuple(data.get("since_prefixes", ())),
        year_start_suffixes=tuple(data.get("year_start_suffixes", ())),
        honour_words=tuple(data.get("honour_words", ())),
        period_suffixes=tuple(data.get("period_suffixes", ())),
        not_honour_words=tuple(data.get("not_honour_words", ())),
        recency_words=tuple(data.get("recency_words", ())),
        history_before=int(data.get("history_before", 0)),
        anniversaries={str(k): int(v) for k, v in (data.get("anniversaries") or {}).items()},
    )


# -------------------------------------------------------------- normalisation

_CN_YEAR = re.compile(r"([〇○零一二三四五六七八九]{4})(?=\s*年)")
_CN_MONTH_DAY = re.compile(
    r"(?P<pre>\d{4}\s*年\s*)?(?<![一二三四五六七八九十百千万])"
    r"(?P<m>[一二三四五六七八九十]{1,2})月"
    r"(?:(?P<d>[一二三四五六七八九十]{1,3})(?P<unit>[日号]))?"
)


def _arabic_month_day(match: re.Match[str]) -> str:
    pre, day_numeral = match.group("pre"), match.group("d")
    if not pre and not day_numeral:          # a bare 五月 is too ambiguous
        return match.group(0)
    month = numeral_value(match.group("m"))
    if month is None or not 1 <= month <= 12:
        return match.group(0)
    out = f"{pre or ''}{month}月"
    if day_numeral:
        day = numeral_value(day_numeral)
        if day is None or not 1 <= day <= 31:
            return match.group(0)
        out += f"{day}{match.group('unit')}"
    return out


def normalise_date_text(text: str) -> str:
    """Write every date with ASCII digits, so one pattern finds them all.

    Newspapers mix full-width digits and, in formal text, Chinese numerals;
    a bare Chinese month (五月) is left alone, since 五一 and 三月 are also words.

    >>> normalise_date_text("２０２３年二〇二三年十二月十五日")
    '2023年2023年12月15日'
    >>> normalise_date_text("五月的风")
    '五月的风'
    """
    if not isinstance(text, str):
        return ""
    text = fold_fullwidth_alphanumerics(text)
    text = _CN_YEAR.sub(lambda m: "".join(str(CN_DIGIT[c]) for c in m.group(1)), text)
    return _CN_MONTH_DAY.sub(_arabic_month_day, text)


# ------------------------------------------------------------ finding mentions

def _relative_words() -> tuple[str, ...]:
    """Every year word of dates.yaml, longest first, so no word is cut short by a shorter one."""
    words = _words()
    found = [*words.relative_years, *words.future_relative_years, *words.same_year_words]
    return tuple(sorted(dict.fromkeys(found), key=len, reverse=True))


@lru_cache(maxsize=1)
def _date_pattern() -> re.Pattern[str]:
    """The pattern of a Chinese date: [year word][2023年][5月[24日]].

    Why built from the data: a year word added to dates.yaml must be read in
    the text too, not only classified.  Every part is optional, so without
    the lookahead the pattern matches the empty string at every character;
    the lookahead skips the positions where no date can start.

    A range is one event dated by its first day, so a first day written
    without 日 (2月26至27日, 3月30—4月2日) is still a day; a range end that
    names its own month is a mention of its own (excluded as a range end).

    >>> _date_pattern().match("去年12月").group("rel", "m")
    ('去年', '12')
    >>> _date_pattern().match("2月26至27日").group(0, "d")
    ('2月26至27日', '26')
    """
    relative = "|".join(map(re.escape, _relative_words()))
    day = r"(?:3[01]|[12]\d|0?[1-9])"
    to = rf"\s*[{_DASH_CLASS}至到]{{1,2}}\s*"
    return re.compile(
        rf"(?=\d|{relative})"
        rf"(?P<rel>{relative})?"
        r"(?:(?<!\d)(?P<y>\d{4})\s*年(?![代级龄])(?:\s*(?=\d))?)?"
        r"(?:(?<![\d.])(?P<m>1[0-2]|0?[1-9])\s*月(?:份)?"
        rf"(?:\s*(?P<d>{day})(?:\s*[日号]|{to}{day}\s*[日号]|(?={to}\d{{1,2}}\s*月\s*{day}\s*[日号])))?)?"
    )


_DASHES = "—–~～－-"
_DASH_CLASS = re.escape(_DASHES)   # the hyphen must not make a [] range
# 2018/1/8, 2018-1-8, 2018.1.8 and 2021-5-10 9:53:41 (the time is left unread).
# A year of 19xx or 20xx, one separator used twice, and nothing number-like
# around it, so 1.5万, 10.5%, 1.2.3 and phone numbers are not dates.
_NUMERIC_DATE = re.compile(
    r"(?<![0-9A-Za-z.\-/])"
    r"(?P<y>(?:19|20)\d\d)(?P<sep>[-/.－／．])(?P<m>1[0-2]|0?[1-9])(?P=sep)(?P<d>3[01]|[12]\d|0?[1-9])"
    r"(?![0-9])(?![-/.－／．]\d)(?!\s*[%％‰万亿])"
)
_YEAR_RANGE = re.compile(rf"(?<!\d)(?P<y>\d{{4}})\s*[{_DASH_CLASS}至到]{{1,2}}\s*\d{{4}}\s*年")
_RANGE_AFTER = re.compile(rf"\s*[{_DASH_CLASS}至到]{{1,2}}\s*\d")
_DOC_TITLE = re.compile(r"《[^《》\n]*》")
_CLAUSE_MARK = re.compile(r"[，,。；;：:、！？!?\n]")
_SENTENCE_END = re.compile(rf"[{SENTENCE_ENDS}；;]+[”’」』)）]*|\n")
_QUOTE_TAIL = re.compile(rf"[{HAN}]{{1,4}}")


def _sentence_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _SENTENCE_END.finditer(text)]


def _connector_role(text: str, start: int) -> str:
    """'range end', 'future target' or '' from what stands right before a date."""
    before = text[max(0, start - 12):start].rstrip()
    if not before or before[-1] not in _DASHES + "至到":
        return ""
    connector = before[-1]
    prev = before.rstrip(_DASHES + "至到").rstrip()
    if prev and (prev[-1].isdigit() or prev[-1] in "年月日号"):
        return "range end"
    if connector in "至到" and not prev.endswith(_words().past_before_to):
        return "future target"
    return ""


def _after_future_word(text: str, start: int) -> bool:
    """预计2024年底, 拟于3月, 计划在6月: a plan word, maybe with 于/在, just before."""
    before = text[max(0, start - 8):start].rstrip()
    prefixes = _words().future_prefixes
    return before.endswith(prefixes) or before[:-1].endswith(prefixes) and before[-1:] in ("于", "在")


def _names_an_honour(text: str, start: int, end: int, year_only: bool) -> bool:
    """曾获2019年全国五一劳动奖章, 2019年荣获…: the year of someone's honour.

    Why: profiles list their people's honours; those years tell nothing of
    when the reported event happened.  An honour word after a full date
    (2024年4月28日荣获) is left alone: that is a ceremony, an event.

    >>> _names_an_honour("曾获2019年全国五一劳动奖章", 2, 7, True)
    True
    >>> _names_an_honour("2019年荣获全国五一劳动奖章", 0, 5, True)
    True
    >>> _names_an_honour("获奖代表发言，2019年工会成立", 7, 12, True)
    False
    >>> _names_an_honour("记者从市总工会获悉2024年5月10日", 9, 19, False)
    False
    """
    words, not_words = _words().honour_words, _words().not_honour_words
    before = _CLAUSE_MARK.split(text[max(0, start - HONOUR_REACH):start])[-1]
    for word in not_words:
        before = before.replace(word, "")
    if not year_only:
        return False                  # a month or a day is when something happened, honour or not
    after = text[end:end + 6].lstrip(" 度被曾先后又")
    return any(w in before for w in words) or after.startswith(words) and not after.startswith(not_words)


def _classify(text: str, start: int, end: int, relative: str, year: int | None,
              year_only: bool, in_title: bool) -> tuple[str, str]:
    words = _words()
    if relative in words.future_relative_years:
        return "excluded", "future target"
    connector = _connector_role(text, start)
    if connector:
        return "excluded", connector
    if _after_future_word(text, start):
        return "excluded", "future target"
    if in_title:
        return "context", "document title"
    if year is not None and year < words.history_before:
        return "context", "history"
    if year is not None and _names_an_honour(text, start, end, year_only):
        return "context", "honour"
    if year_only and text.startswith(words.period_suffixes, end):
        return "context", "period"        # 2022年度先进集体: the year an honour counts, not when it was given
    if year_only and text.startswith(words.reviewed_period_suffixes, end):
        # 对2018年取得的成果进行总结: the year under review, before the meeting; unlike 2022年度 it lends nothing
        return "context", "reviewed period"
    if year_only and _RANGE_AFTER.match(text, end):
        return "context", "range start"
    if text[end:end + 6].lstrip().startswith(words.since_suffixes) or _opens_a_period(text, start, end):
        return "context", "since"
    if year_only and text[end:end + 4].lstrip().startswith(words.year_start_suffixes) \
            and text[max(0, start - 3):start].rstrip().endswith(words.since_prefixes):
        return "context", "since"         # 自2019年起: a period the news is set in
    return "event", ""


def _opens_a_period(text: str, start: int, end: int) -> bool:
    """自2007年8月端州区总工会启动活动以来: a date between 自 and a since-word of its clause anchors a period.

    >>> t = "自2007年8月端州区总工会启动“金秋助学”活动以来，累计资助573人。"
    >>> _opens_a_period(t, 1, 8), _opens_a_period("从2月起，活动开始。", 1, 3)
    (True, False)
    >>> _opens_a_period("据悉，该区自 2017 年启动服务项目以来，累计服务360场。", 7, 14)   # a date written with spaces
    True
    """
    words = _words()
    if not text[max(0, start - 3):start].rstrip().endswith(words.since_prefixes):
        return False
    clause = re.split(r"[，。；！？,;]", text[end:end + 60], maxsplit=1)[0]
    return any(suffix in clause for suffix in words.since_suffixes)


def _quote(text: str, start: int, end: int, year_only: bool) -> str:
    """The mention as written; a bare year keeps the words that say what it is."""
    quoted = text[start:end].strip()
    if year_only:
        tail = _QUOTE_TAIL.match(text, end)
        quoted += tail.group(0) if tail else ""
    return quoted


def _mentions(text: str) -> list[DateMention]:
    """Date mentions of an already normalised text, in reading order."""
    starts = _sentence_starts(text)
    titles = [m.span() for m in _DOC_TITLE.finditer(text)]

    def sentence_of(pos: int) -> int:
        return bisect_right(starts, pos) - 1

    def in_title(pos: int) -> bool:
        return any(a < pos < b for a, b in titles)

    found: list[DateMention] = []
    for m in _YEAR_RANGE.finditer(text):        # 2023—2027年: its start has no 年 of its own
        year = int(m.group("y"))
        role, reason = _classify(text, m.start(), m.end(), "", year, True, in_title(m.start()))
        if role == "event":
            role, reason = "context", "range start"
        found.append(DateMention(m.group(0), m.start(), m.end(), year, None, None, "",
                                 role, reason, sentence_of(m.start())))
    for m in _NUMERIC_DATE.finditer(text):
        year, month, day = int(m.group("y")), int(m.group("m")), int(m.group("d"))
        if is_real_date(year, month, day):
            role, reason = _classify(text, m.start(), m.end(), "", year, False, in_title(m.start()))
            found.append(DateMention(m.group(0), m.start(), m.end(), year, month, day, "",
                                     role, reason, sentence_of(m.start())))
    for m in _date_pattern().finditer(text):
        rel, y, mo, d = m.group("rel") or "", m.group("y"), m.group("m"), m.group("d")
        if not y and not mo:
            continue
        if rel and not mo:                    # 今年 alone names no date
            continue
        year, month, day = (int(y) if y else None), (int(mo) if mo else None), (int(d) if d else None)
        if not is_real_date(year, month, day):
            continue
        start, end = m.start(), m.end()
        year_only = month is None
        role, reason = _classify(text, start, end, rel, year, year_only, in_title(start))
        found.append(DateMention(_quote(text, start, end, year_only), start, end, year, month, day,
                                 rel, role, reason, sentence_of(start)))
    return sorted(found, key=lambda x: x.start)


def find_date_mentions(text: str) -> list[DateMention]:
    """Every date written in ``text``, each with its role for dating.

    Why: the article date is chosen among events; targets and range ends
    must never be chosen, and context years (history, honours, 以来,
    document titles) must never lend their year to an undated event.

    >>> [(m.text, m.role, m.reason) for m in find_date_mentions("2023年7月启动，到2027年建成")]
    [('2023年7月', 'event', ''), ('2027年建成', 'excluded', 'future target')]
    >>> [(m.text, m.role) for m in find_date_mentions("6月30日，论坛召开")]
    [('6月30日', 'event')]
    >>> [(m.text, m.day) for m in find_date_mentions("发布时间：2021-5-10 9:53:41")]
    [('2021-5-10', 10)]
    >>> [(m.year, m.month, m.day) for m in find_date_mentions("2023 年 12 月 24 日，帮扶资金1.5万元")]
    [(2023, 12, 24)]
    """
    return _mentions(normalise_date_text(text))


# ------------------------------------------------------------------- articles


@dataclass(frozen=True)
class _Article:
    """One article's text, read once: its mentions, lead, prose and title block."""

    text: str
    mentions: tuple[DateMention, ...]
    lead_sentences: tuple[tuple[int, str], ...]   # (sentence index, text) in reading order
    sentences: tuple[str, ...]
    prose: tuple[tuple[int, int], ...]             # spans of the prose paragraphs
    title_end: int                                 # the title block is text[:title_end]

    def in_prose(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.prose)


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Non-blank lines: a paragraph is one line both in raw pages and in joined bodies."""
    return [m.span() for m in re.finditer(r"[^\n]*\S[^\n]*", text)]


def _is_prose(paragraph: str) -> bool:
    """Body text, as opposed to a title, deck, label or caption."""
    return bool(re.search(f"[{SENTENCE_ENDS}]", paragraph)) or len(paragraph.strip()) >= PROSE_MIN_CHARS


def _title_end(paragraphs: Sequence[tuple[int, int]], prose: Sequence[tuple[int, int]]) -> int:
    """Where the title block ends: at the first prose paragraph, or after the first line.

    Why: the lines before the prose (kicker, title, deck) name the article's
    own event; a text with no prose at all is only trusted for its first line.

    >>> _title_end([(0, 10), (11, 80)], [(11, 80)]), _title_end([(0, 10), (11, 20)], [])
    (11, 10)
    """
    if prose:
        return prose[0][0]
    return paragraphs[0][1] if paragraphs else 0


def _prepare(raw: str) -> _Article:
    text = normalise_date_text(raw)
    starts = _sentence_starts(text)
    sentences = tuple(text[a:b] for a, b in zip(starts, starts[1:] + [len(text)]))
    paragraphs = _paragraph_spans(text)
    prose = [span for span in paragraphs if _is_prose(text[span[0]:span[1]])]
    lead: list[tuple[int, str]] = []
    for a, b in prose[:LEAD_PARAGRAPHS]:
        first, last = bisect_right(starts, a) - 1, bisect_right(starts, b - 1) - 1
        lead += [(i, sentences[i]) for i in range(first, last + 1) if sentences[i].strip()]
    return _Article(text, tuple(_mentions(text)), tuple(lead), sentences, tuple(prose),
                    _title_end(paragraphs, prose))


# ---------------------------------------------------------------- lending years


@dataclass(frozen=True)
class _Dated:
    """A mention with its year settled."""

    year: int
    month: int | None
    day: int | None
    mention: DateMention
    year_note: str           # '' when the mention carries its year
    borrowed: bool = False   # the year came from another article of the page

    @property
    def key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    @property
    def source(self) -> str:
        return "inferred" if self.year_note else "text"

    @property
    def iso(self) -> str:
        return iso_date(self.year, self.month, self.day)[0]

    def describe(self) -> str:
        if not self.year_note:
            return f"'{self.mention.text}' written in full"
        return f"'{self.mention.text}' + {self.year_note}"


@dataclass(frozen=True)
class _Lender:
    """A year lent to a mention written without one, and where the evidence stands."""

    year: int
    where: str
    borrowed: bool = field(default=False, repr=False)   # from another article of the page, not the article itself


def _lends_year(mention: DateMention) -> bool:
    """Only an event's own year is lent: never history, honours, 以来, document titles or targets."""
    return mention.role == "event" and mention.year is not None


def _same_sentence_year(mention: DateMention, mentions: Sequence[DateMention]) -> _Lender | None:
    """(a) The nearest event year written in the mention's own sentence.

    Why: a sentence reports one event; ``2月19日，…长寿区2024年春风行动招聘会``
    gives the day and the year of the same fair.

    >>> found = find_date_mentions("2月19日，长寿区2024年春风行动招聘会举办")
    >>> _same_sentence_year(found[0], found)
    _Lender(year=2024, where="'2024年春风行动' (same sentence)")
    """
    # a period's year (2022年度) dates nothing alone, but a day in its own sentence is of that year
    # as often as not (12月15日，2023年度“某某工匠”研修活动举行), so it lends there
    near = [m for m in mentions if m.sentence == mention.sentence
            and (_lends_year(m) or m.reason == "period" and m.year is not None)]
    best = min(near, key=lambda m: abs(m.start - mention.start), default=None)
    return None if best is None or best.year is None else _Lender(best.year, f"'{best.text}' (same sentence)")


def _title_year(article: _Article) -> _Lender | None:
    """(b) The event year of the article's title block, when its years agree.

    Why: the title names the article's own event (``长寿区2024年春风行动专场
    招聘会``); two different years there leave open which one is the event's.

    >>> _title_year(_prepare("长寿区2024年春风行动专场招聘会\\n2月19日，招聘会在区行政中心举办。"))
    _Lender(year=2024, where="'2024年春风行动' (title)")
    >>> _title_year(_prepare("2023年总结暨2024年工作会\\n1月10日，会议召开。")) is None
    True
    >>> _title_year(_prepare("2023年度总结暨2024年工作会\\n1月10日，会议召开。"))   # 年度: the period reviewed
    _Lender(year=2024, where="'2024年工作会' (title)")
    """
    named = [m for m in article.mentions if m.start < article.title_end and _lends_year(m)]
    if len({m.year for m in named}) != 1 or named[0].year is None:
        return None
    return _Lender(named[0].year, f"'{named[0].text}' (title)")


def _main_event_year(main: _Dated | None) -> _Lender | None:
    """(c) The year of the article's main event, when its own text gave it one."""
    if main is None:
        return None
    return _Lender(main.year, f"the article's main event {main.iso} ('{main.mention.text}')")


def _page_year(month: int | None, day: int | None, relative: str,
               others: Sequence[tuple[int, _Dated]]) -> _Lender | None:
    """(d) A year from the main events of the page's other articles (numbered from 1).

    Why: articles printed together report the same season.  When they name
    different years (late December and early January), the year that puts
    the date nearest the page's latest main event is taken; a relative year
    (今年, 去年) counts from that latest one, the page's present.

    >>> found = find_date_mentions("2023年12月28日，2024年1月3日")
    >>> others = [(1, _Dated(2023, 12, 28, found[0], "")), (2, _Dated(2024, 1, 3, found[1], ""))]
    >>> [_page_year(12, 30, "", others).year, _page_year(1, 2, "", others).year]
    [2023, 2024]
    >>> _page_year(5, None, "今年", others).year
    2024
    """
    if not others:
        return None
    by_recency = sorted(others, key=lambda other: other[1].key, reverse=True)   # ties go to the latest
    present = by_recency[0][1]
    number, main = by_recency[0] if relative else min(
        by_recency, key=lambda other: _days_apart(other[1].year, month, day, present))
    return _Lender(main.year,
                   f"the main event of article {number} on the page, {main.iso} ('{main.mention.text}')", True)


def chinese_count(text: str) -> int | None:
    """A count written in digits or Chinese numerals up to 199 (100, 一百, 七十五, 百), or None.

    >>> [chinese_count(t) for t in ("100", "一百", "七十五", "十", "百", "一百零三", "几")]
    [100, 100, 75, 10, 100, 103, None]
    """
    if text.isdigit():
        return int(text)
    hundreds = 0
    if text.startswith(("一百", "百")):
        hundreds, text = 100, text.removeprefix("一百").removeprefix("百").removeprefix("零")
    if not text:
        return hundreds
    rest = numeral_value(text)               # 1 to 99, as dates read them
    return None if rest is None else hundreds + rest


@lru_cache(maxsize=1)
def _anniversary_pattern() -> re.Pattern[str] | None:
    names = sorted(_words().anniversaries, key=len, reverse=True)
    if not names:
        return None
    return re.compile(rf"(?P<name>{'|'.join(map(re.escape, names))})"
                      r"(?:(?P<count>\d{1,3}|[一二三四五六七八九十百零]{1,5})\s*周年|(?P<century>百年))")


def _anniversary_year(article: _Article) -> _Lender | None:
    """(e) The year of an anniversary the title or lead celebrates (献礼建党100周年: 2021), when only one is named.

    Why: the occasion an event marks is its own year's: a contest themed
    ``献礼建党100周年`` held on 7月19日 was held in 2021.

    >>> _anniversary_year(_prepare("某区获奖\\n7月19日，以“献礼建党100周年”为主题的比赛举行。"))
    _Lender(year=2021, where="'建党100周年' (the anniversary the article marks)")
    >>> _anniversary_year(_prepare("某区获奖\\n7月19日，比赛举行。\\n第二段。\\n回顾建党百年历程。")) is None   # not in the lead
    True
    """
    pattern = _anniversary_pattern()
    if pattern is None:
        return None
    lead_end = article.prose[LEAD_PARAGRAPHS - 1][1] if len(article.prose) >= LEAD_PARAGRAPHS else len(article.text)
    years = {}
    for match in pattern.finditer(article.text[:lead_end]):
        count = 100 if match.group("century") else chinese_count(match.group("count"))
        if count:
            years.setdefault(_words().anniversaries[match.group("name")] + count, match.group(0))
    if len(years) != 1:
        return None
    (year, text), = years.items()
    return _Lender(year, f"'{text}' (the anniversary the article marks)")


def _days_apart(year: int, month: int | None, day: int | None, reference: _Dated) -> float:
    """Days between a date and a dated event; infinite when the date does not exist (2月29日)."""
    if not is_real_date(year, month, day):
        return float("inf")
    start = _date(reference.year, reference.month or 1, reference.day or 1)
    return abs((_date(year, month or 1, day or 1) - start).days)


def _year_named_before(mention: DateMention, mentions: Sequence[DateMention]) -> _Lender | None:
    """同年6月, 当年: the word points back to the year written last before it."""
    earlier = [m for m in mentions
               if m.year is not None and m.start < mention.start and m.role != "excluded"]
    if not earlier or earlier[-1].year is None:
        return None
    return _Lender(earlier[-1].year, f"'{earlier[-1].text}' (the year named before)")


def _resolve(mention: DateMention, article: _Article, main: _Dated | None,
             others: Sequence[tuple[int, _Dated]]) -> _Dated | None:
    """Give ``mention`` a year from evidence about the same event, or None.

    Tried in order: its own year; for 同年/当年 the year named just before;
    else (a) its sentence, (b) the title block, (c) the article's main event,
    (e) the anniversary its title or lead marks, (d) the main events of the
    page's other articles.  A relative year
    (今年, 去年) skips (a): a year beside it names the event itself
    (去年12月，2023年度表彰会…), not the year it counts from.

    >>> article = _prepare("渝北区2024年职工运动会闭幕\\n去年12月启动的运动会于3月2日闭幕。")
    >>> [_resolve(m, article, None, ()).describe() for m in article.mentions[1:]]
    ["'去年12月' + year 2023 (去年 of 2024) from '2024年职工运动' (title)", "'3月2日' + year 2024 from '2024年职工运动' (title)"]
    """
    if mention.year is not None:
        return _Dated(mention.year, mention.month, mention.day, mention, "")
    words = _words()
    offset = int(words.relative_years.get(mention.relative, 0))
    if mention.relative in words.same_year_words:
        lender = _year_named_before(mention, article.mentions)
    else:
        lender = ((None if mention.relative else _same_sentence_year(mention, article.mentions))
                  or _title_year(article)
                  or (_main_event_year(main) if main is None or main.mention is not mention else None)
                  or (None if mention.relative else _anniversary_year(article))
                  or _page_year(mention.month, mention.day, mention.relative, others))
    if lender is None:
        return None
    year = lender.year + offset
    if not is_real_date(year, mention.month, mention.day):
        return None                                    # 2月29日 in a common year
    counted = f" ({mention.relative} of {lender.year})" if offset else ""
    return _Dated(year, mention.month, mention.day, mention, f"year {year}{counted} from {lender.where}",
                  lender.borrowed)


def _resolved_events(article: _Article, main: _Dated | None,
                     others: Sequence[tuple[int, _Dated]]) -> list[_Dated]:
    """Every event of the article that evidence can date, in reading order.

    >>> article = _prepare("2023年11月28日，交流会开幕。\\n12月2日，代表参观工匠学院。")
    >>> main = _resolved_events(article, None, ())[0]
    >>> [d.describe() for d in _resolved_events(article, main, ())][1]
    "'12月2日' + year 2023 from the article's main event 2023-11-28 ('2023年11月28日')"
    """
    out = []
    for m in article.mentions:
        if m.role == "event":
            dated = _resolve(m, article, main, others)
            if dated is not None:
                out.append(dated)
    return out


# ------------------------------------------------------------------- choosing

LEAD_EVENT = "first dated sentence of the lead"
FEATURE_EVENT = "latest dated event; the lead names no date"


@dataclass(frozen=True)
class _Choice:
    """What an article is dated by: an event of its own, the page (a recency word), or nothing."""

    dated: _Dated | None = None
    why: str = ""
    recency: str = ""
    notes: tuple[str, ...] = ()

    @property
    def lead_event(self) -> _Dated | None:
        return self.dated if self.why == LEAD_EVENT else None


def _recency_word(sentence: str) -> str:
    """The recency word (近日, 目前 …) the narrative uses, not one a speaker says inside quotation marks.

    >>> _recency_word("近日，某区总工会开展慰问活动。"), _recency_word("他说：“目前是6元每吨，企业难以承受。")
    ('近日', '')
    """
    told = _QUOTED.sub("", sentence)
    return next((w for w in _words().recency_words if w in told), "")


# a quotation, also one a sentence opens or closes without its other mark (sentences split inside quotes)
_QUOTED = re.compile(r"“[^”]*(?:”|$)|「[^」]*(?:」|$)|^[^“”]*”|^[^「」]*」")


def _undated_notes(article: _Article) -> tuple[str, ...]:
    return tuple(f"'{m.text}' dropped: no year from its sentence, its title or a main event of the page"
                 for m in article.mentions if m.role == "event" and m.year is None)


def _choose(article: _Article, events: list[_Dated]) -> _Choice:
    """The article's own event, the recency word that sends it to the page date, or nothing.

    Why the lead's first dated sentence is final even when no year can be
    found for it: it is the article's main event, and another event's date
    would file the article where it does not belong.
    """
    for index, sentence in article.lead_sentences:
        named = [m for m in article.mentions
                 if m.sentence == index and m.role == "event" and m.month is not None]
        if named:
            dated = [d for d in events if d.mention.sentence == index and d.month is not None]
            if dated:
                return _Choice(dated[0], LEAD_EVENT)
            return _Choice(notes=(f"'{named[0].text}' ({LEAD_EVENT}) dropped: no year from its "
                                  "sentence, its title or a main event of the page",))
        word = _recency_word(sentence)
        if word:
            return _Choice(recency=word)
    if events:
        # equal dates: prefer one in running text over a caption's; then the first
        latest = max(events, key=lambda d: (d.key, article.in_prose(d.mention.start)))
        return _Choice(latest, FEATURE_EVENT)
    word = next((w for w in map(_recency_word, article.sentences) if w), "")
    return _Choice(recency=word) if word else _Choice(notes=_undated_notes(article))


def _from_dated(dated: _Dated, why: str) -> DateInfo:
    value, precision = iso_date(dated.year, dated.month, dated.day)
    return DateInfo(value, precision, dated.source, (why, dated.describe()), dated.borrowed)


def _page_date(word: str, page_events: list[_Dated]) -> DateInfo:
    """Date a 'recent' article by the latest date printed on its page, kept to the month."""
    if not page_events:
        return DateInfo(None, None, None, (f"'{word}' but no dated event anywhere on the page",))
    latest = max(page_events, key=lambda d: d.key)
    value, precision = iso_date(latest.year, latest.month)
    return DateInfo(value, precision, "inferred",
                    (f"'{word}': as recent as the page",
                     f"latest date on the page: {latest.describe()}, kept to the "
                     f"{'month' if latest.month else 'year'}"), True)


# ---------------------------------------------------------------------- pages


def _header_from_texts(articles: Sequence[str]) -> str | None:
    for text in articles:
        for line in text.splitlines():
            header = parse_edition_header(line)
            if header is not None and header.date:
                return header.date
    return None


def date_articles(header_date: str | None, articles: Sequence[str]) -> list[DateInfo]:
    """Date every article of one page, in page order.

    Why: the timeline files each article under its main event.  The page's
    own date (given by the caller from a 版次 header or a publication line,
    or found on a 版次 line in the texts) wins for all; otherwise the page is
    handled whole because one article's main event lends its year to the
    undated events of its neighbours.

    >>> [d.date for d in date_articles(None, ["2月19日，长寿区2024年春风行动招聘会举办。",
    ...                                        "2月18日，企业复工复产。"])]
    ['2024-02-19', '2024-02-18']
    >>> date_articles(None, ["4月28日，劳模走进社区。\\n王师傅曾获2019年全国五一劳动奖章。"])[0].date is None
    True
    >>> date_articles("2023-05-25", ["近日，大会闭幕。"])[0].source
    'header'
    """
    texts = [t if isinstance(t, str) else "" for t in articles]
    checked = parse_iso_date(header_date) if isinstance(header_date, str) else None
    if checked is None:
        found = _header_from_texts(texts)
        checked = parse_iso_date(found) if found else None
    if checked is not None:
        value, precision = checked
        return [DateInfo(value, precision, "header", (f"edition header date {value}",)) for _ in texts]

    prepared = [_prepare(t) for t in texts]
    # Each article alone first: a main event its own text dates lends its
    # year to the article's other dates (c) and to the other articles (d).
    alone = [_choose(a, _resolved_events(a, None, ())) for a in prepared]
    mains = [(n, c.dated) for n, c in enumerate(alone, 1) if c.dated is not None]
    events = [_resolved_events(a, c.lead_event, [m for m in mains if m[0] != n])
              for n, (a, c) in enumerate(zip(prepared, alone), 1)]
    page_events = [d for evs in events for d in evs]
    results = []
    for article, own in zip(prepared, events):
        choice = _choose(article, own)
        if choice.dated is not None:
            results.append(_from_dated(choice.dated, choice.why))
        elif choice.recency:
            results.append(_page_date(choice.recency, page_events))
        else:
            results.append(DateInfo(None, None, None, choice.notes))
    return results
