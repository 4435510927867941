"""Where an article is: the Chongqing districts (区县) it is about, and places outside Chongqing.

The gazetteer (``data/districts.yaml``, ``data/regions.yaml``) lists every
form a place is written in.  One pass of a compiled pattern finds the mentions
(longest form first, so 渝北区 is one mention, not 渝北区 plus 渝北); each
mention is then judged by what stands around it:

* ``X区总工会`` / ``X工会`` right after the name is the district's own union (strong);
* a name followed closely by 公司, 卷烟厂, 税务局 … is part of an organisation's
  name (weak: 重庆中烟涪陵卷烟厂 is not news about 涪陵);
* anything else is a plain mention.

Forms that are also ordinary words (长寿, 两江, 高新区 …) count only when the
article also names the district unambiguously, and per-form guards reject
known collisions (健康长寿, 召开州委, 繁荣昌盛).  Scores add up per district;
the title and bylines weigh more; a passing mention does not list a district,
and city-wide news (全市, 市总工会) needs more weight still.

>>> find_places('长寿区总工会“春送岗位”', '长寿区总工会举办招聘会。').districts
('长寿区',)
>>> find_places('成渝工匠共话高质量发展', '“成都工匠”赴渝研修。').regions
('成都市',)
>>> normalise_district('酉阳')
'酉阳土家族苗族自治县'
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Iterable, Mapping, Sequence

from ..knowledge.files import knowledge_file


SEGMENTS = ("title", "lead", "body", "byline")
KINDS = ("union", "plain", "organisation")
CONTEXT_CHARS = 6          # characters of context quoted on each side in the evidence
EVIDENCE_EXAMPLES = 2      # examples quoted per ignored form

_HAN_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]*")


# ---------------------------------------------------------------- data types

@dataclass(frozen=True)
class Guard:
    """Text around a form that shows it is part of another word (健康|长寿, 长寿|命)."""

    not_after: tuple[str, ...] = ()
    not_before: tuple[str, ...] = ()


@dataclass(frozen=True)
class Locality:
    """One place of the gazetteer: a Chongqing district or a region outside Chongqing."""

    name: str                               # official name: 酉阳土家族苗族自治县
    scope: str                              # 'district' | 'region'
    type: str                               # 区 / 县 / 自治县 / 功能区; 省 / 地级市 …
    slug: str = ""                          # youyang (districts only)
    forms: tuple[str, ...] = ()             # every written form, official name first
    ambiguous: frozenset[str] = frozenset()  # forms that need an unambiguous mention too
    grid: tuple[int, int] | None = None     # (row, col) on the tile map (districts only)
    parent: str = ""                        # province of a region city
    guards: Mapping[str, Guard] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Scoring:
    """The locator's weights and thresholds, from ``districts.yaml``."""

    weights: Mapping[str, float] = field(hash=False, compare=False)
    title_bonus: float = 3
    byline_bonus: float = 3
    lead_bonus: float = 1
    ambiguous_factor: float = 0.5
    min_score: float = 3
    short_text_chars: int = 400
    short_text_min_score: float = 2
    citywide_min_score: float = 6
    citywide_title_min_score: float = 12
    secondary_share: float = 0.2
    strong_union_count: int = 2


@dataclass(frozen=True)
class Gazetteer:
    """All places with their forms, and the compiled pattern that finds them.

    >>> g = load_gazetteer()
    >>> g.lookup('涪陵區').name, g.lookup('绵阳').scope
    ('涪陵区', 'region')
    """

    districts: tuple[Locality, ...]
    regions: tuple[Locality, ...]
    citywide_cues: tuple[str, ...]
    local_cues: tuple[str, ...]
    union_markers: tuple[str, ...]
    organisation_suffixes: tuple[str, ...]
    organisation_window: int
    city_prefixes: tuple[str, ...]
    outlet_suffixes: tuple[str, ...]
    scoring: Scoring
    index: Mapping[str, Locality] = field(hash=False, compare=False)   # form → place
    pattern: re.Pattern[str] = field(hash=False, compare=False)

    def lookup(self, form: str) -> Locality | None:
        """The place written ``form`` exactly (any form, district or region), else None."""
        return self.index.get(form)

    def district(self, key: str) -> Locality | None:
        """A district by official name, any form or slug ('beibei'), else None."""
        place = self.index.get(key)
        if place is None:
            place = next((d for d in self.districts if d.slug == key.lower()), None)
        return place if place is not None and place.scope == "district" else None

    def district_forms(self) -> dict[str, str]:
        """Every unambiguous district form → official name (e.g. for a jieba user dictionary)."""
        return {form: d.name for d in self.districts for form in d.forms if form not in d.ambiguous}


@dataclass(frozen=True)
class Mention:
    """One place name (or city-wide cue) found in a text, and how it was judged."""

    form: str                 # as written: 渝北区
    place: str                # official name; '' for a city-wide cue
    scope: str                # 'district' | 'region' | 'cue'
    kind: str                 # 'union' | 'organisation' | 'plain' | 'cue'
    start: int
    end: int
    context: str = ""         # a few characters around it, for the evidence
    ambiguous: bool = False
    ignored: str = ""         # why it does not count; '' when it does


@dataclass(frozen=True)
class Places:
    """Where an article is, with the reasons."""

    districts: tuple[str, ...]   # official names, primary first
    regions: tuple[str, ...]     # official names of places outside Chongqing, in order of first mention
    evidence: tuple[str, ...]    # human-readable lines explaining the decision
    doubt: str = ""              # why the decision rests on weak evidence ('' when it does not)


@dataclass(frozen=True)
class DistrictScore:
    """One district's weight in one article and what it is made of."""

    name: str
    score: float
    strong: bool                              # union in title/byline, title mention, or repeated union
    first: int                                # order of its first counted mention
    parts: tuple[tuple[str, int, float], ...]  # (label, count, weight each)
    example: str                              # context of its first counted mention


# ---------------------------------------------------------------- loading

@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """Load districts.yaml and regions.yaml once and compile the pattern.

    Other modules use it to validate an editor's override or to build a
    dictionary; the result is cached, so calling it again is free.

    >>> load_gazetteer().district('youyang').name
    '酉阳土家族苗族自治县'
    """
    districts_doc = knowledge_file("districts")
    regions_doc = knowledge_file("regions")
    districts = tuple(parse_locality(e, "district") for e in districts_doc.get("districts") or ())
    regions = tuple(parse_locality(e, "region") for e in regions_doc.get("regions") or ())
    locator = districts_doc.get("locator") or {}
    cues = tuple(locator.get("citywide_cues") or ())
    index: dict[str, Locality] = {}
    for place in (*districts, *regions):
        for form in place.forms:
            if form in index or form in cues:
                raise ValueError(f"gazetteer form {form!r} names more than one place")
            index[form] = place
    return Gazetteer(
        districts=districts,
        regions=regions,
        citywide_cues=cues,
        local_cues=tuple(locator.get("local_cues") or ()),
        union_markers=tuple(locator.get("union_markers") or ()),
        organisation_suffixes=tuple(locator.get("organisation_suffixes") or ()),
        organisation_window=int(locator.get("organisation_window", 6)),
        city_prefixes=tuple(locator.get("city_prefixes") or ()),
        outlet_suffixes=tuple(locator.get("outlet_suffixes") or ()),
        scoring=parse_scoring(locator.get("scoring") or {}),
        index=index,
        pattern=trie_pattern([*index, *cues]),
    )


def parse_locality(entry: Mapping[str, Any], scope: str) -> Locality:
    """Turn one YAML entry into a Locality, every form listed once, official name first.

    >>> p = parse_locality({'name': '长寿区', 'type': '区', 'ambiguous': ['长寿']}, 'district')
    >>> p.forms, '长寿' in p.ambiguous
    (('长寿区', '长寿'), True)
    """
    name = str(entry["name"])
    listed = [name]
    for key in ("short", "traditional", "former", "ambiguous"):
        listed += [str(f) for f in entry.get(key) or ()]
    forms = tuple(dict.fromkeys(listed))
    guards = {str(form): Guard(tuple(g.get("not_after") or ()), tuple(g.get("not_before") or ()))
              for form, g in (entry.get("guards") or {}).items()}
    grid = entry.get("grid")
    return Locality(
        name=name,
        scope=scope,
        type=str(entry.get("type", "")),
        slug=str(entry.get("slug", "")),
        forms=forms,
        ambiguous=frozenset(str(f) for f in entry.get("ambiguous") or ()),
        grid=(int(grid[0]), int(grid[1])) if grid else None,
        parent=str(entry.get("parent") or ""),
        guards=extend_guards(guards, forms),
    )


def extend_guards(guards: Mapping[str, Guard], forms: Sequence[str]) -> dict[str, Guard]:
    """Give longer forms the left-hand guards of the short form they start with.

    The word before 成都 that swallows its first character (建|成都市圈)
    swallows it just the same before 成都市; what follows differs, so only
    ``not_after`` is inherited.

    >>> extend_guards({'成都': Guard(('建',), ('人',))}, ['成都市', '成都'])['成都市']
    Guard(not_after=('建',), not_before=())
    """
    extended = dict(guards)
    for short, guard in guards.items():
        for form in forms:
            if form != short and form.startswith(short) and guard.not_after:
                own = extended.get(form, Guard())
                extended[form] = Guard(tuple(dict.fromkeys(own.not_after + guard.not_after)), own.not_before)
    return extended


def parse_scoring(raw: Mapping[str, Any]) -> Scoring:
    """Scoring parameters from YAML, defaults for anything missing.

    >>> parse_scoring({'min_score': 4}).min_score, parse_scoring({}).weights['union']
    (4, 5)
    """
    weights = {"union": 5, "plain": 2, "organisation": 1, **(raw.get("weights") or {})}
    known = {k: v for k, v in raw.items() if k in Scoring.__dataclass_fields__ and k != "weights"}
    return Scoring(weights=weights, **known)


def trie_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """One regex for many literal words, factored as a trie so it scans fast; longest wins.

    >>> trie_pattern(['渝北', '渝北区', '江北']).findall('渝北区和江北')
    ['渝北区', '江北']
    """
    trie: dict[str, Any] = {}
    for word in words:
        if not word:
            continue
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    body = _trie_regex(trie)
    return re.compile(body if body else r"(?!x)x")


def _trie_regex(node: Mapping[str, Any]) -> str:
    branches = [re.escape(char) + _trie_regex(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    group = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{group})?" if "" in node else group


# ---------------------------------------------------------------- scanning

def scan(text: str, gazetteer: Gazetteer | None = None) -> tuple[Mention, ...]:
    """Every place name and city-wide cue in ``text``, judged by its surroundings.

    Ignored mentions are kept (with the reason) so the evidence can show them.

    >>> [(m.form, m.kind) for m in scan('渝北区总工会与重庆中烟涪陵卷烟厂')]
    [('渝北区', 'union'), ('涪陵', 'organisation')]
    >>> scan('祝大家健康长寿')[0].ignored
    "after '健康'"
    >>> [(m.form, m.ambiguous) for m in scan('秀山网讯 2月27日，市总工会到秀山调研。')]
    [('秀山', False), ('市总工会', False), ('秀山', True)]
    """
    gaz = gazetteer or load_gazetteer()
    text = _as_text(text)
    cues = set(gaz.citywide_cues)
    found: list[Mention] = []
    last_end = -1                       # end of the last counted place mention
    pos = 0
    while True:
        match = gaz.pattern.search(text, pos)
        if match is None:
            break
        form, start, end = match.group(), match.start(), match.end()
        context = quote(text, start, end)
        if form in cues:
            found.append(Mention(form, "", "cue", "cue", start, end, context))
            pos = end
            continue
        place = gaz.index[form]
        # 重庆南岸: the city's name before a short form says it is the district (not a river's bank);
        # 秀山网讯: the district's own outlet after it says so too
        ambiguous = form in place.ambiguous and not any(text.endswith(p, 0, start) for p in gaz.city_prefixes) \
            and not text.startswith(gaz.outlet_suffixes, end)
        reason = guard_reason(text, start, end, place.guards.get(form))
        if not reason and ambiguous and start == last_end:
            reason = f"qualified by the place before it ({found[-1].form})"
        if reason:
            found.append(Mention(form, place.name, place.scope, "plain", start, end, context, ambiguous, reason))
            pos = start + 1             # a rejected form may hide a real one: 辖区内江津区
            continue
        kind = classify_mention(text, end, gaz)
        found.append(Mention(form, place.name, place.scope, kind, start, end, context, ambiguous))
        last_end = pos = end
    return tuple(found)


def guard_reason(text: str, start: int, end: int, guard: Guard | None) -> str:
    """Why the form at text[start:end] is part of another word, or '' if it is not.

    >>> guard_reason('健康长寿', 2, 4, Guard(not_after=('健康',)))
    "after '健康'"
    >>> guard_reason('长寿区', 0, 2, Guard(not_before=('命',)))
    ''
    """
    if guard is None:
        return ""
    for word in guard.not_after:
        if text.endswith(word, 0, start):
            return f"after '{word}'"
    for word in guard.not_before:
        if text.startswith(word, end):
            return f"before '{word}'"
    return ""


def classify_mention(text: str, end: int, gazetteer: Gazetteer) -> str:
    """'union', 'organisation' or 'plain', from the words right after a place name ending at ``end``.

    >>> g = load_gazetteer()
    >>> classify_mention('北碚区总工会', 3, g), classify_mention('万州区税务局工会', 3, g)
    ('union', 'organisation')
    >>> classify_mention('渝北区大湾镇杉木村', 3, g)
    'plain'
    """
    if any(text.startswith(marker, end) for marker in gazetteer.union_markers):
        return "union"
    run = _HAN_RUN.match(text, end, end + gazetteer.organisation_window)
    window = run.group() if run else ""
    if any(suffix in window for suffix in gazetteer.organisation_suffixes):
        return "organisation"
    return "plain"


def quote(text: str, start: int, end: int, pad: int = CONTEXT_CHARS) -> str:
    """A mention with a little context, on one line, for evidence lines.

    >>> quote('在重庆市渝中区七星岗街道', 4, 7, 2)
    '…庆市渝中区七星…'
    """
    left = max(0, start - pad)
    right = min(len(text), end + pad)
    snippet = re.sub(r"\s+", " ", text[left:right])
    return ("…" if left else "") + snippet + ("…" if right < len(text) else "")


# ---------------------------------------------------------------- deciding

def find_places(title: str, text: str, bylines: Sequence[str] = ()) -> Places:
    """The districts an article is about (primary first), the regions it names, and why.

    ``title`` is kicker, title and subtitle joined; ``text`` the body;
    ``bylines`` credit lines such as '何勇 黔江区总工会' (the author's union
    places the article).  Never raises; unknown input gives empty results.

    >>> find_places('建立成渝地区区县工会互融互联互通机制', '代表认为……', ['何勇 黔江区总工会']).districts
    ('黔江区',)
    >>> find_places('重庆市职工之家市域标杆名单出炉',
    ...             '市总工会命名国家税务总局重庆市万州区税务局工会委员会等80家单位。').districts
    ()
    """
    gaz = load_gazetteer()
    # the lead (the first paragraph) says where the news happened
    lead, _, rest = _as_text(text).partition("\n")
    segments = [("title", _as_text(title)), ("lead", lead), ("body", rest)]
    segments += [("byline", _as_text(line)) for line in _as_lines(bylines)]
    located = [(segment, m) for segment, seg_text in segments for m in scan(seg_text, gaz)]
    located = mark_unsupported(located)

    counted = [(seg, m) for seg, m in located if not m.ignored]
    cues = Counter(m.form for seg, m in counted if m.scope == "cue" and seg != "byline")
    district_names = list(dict.fromkeys(m.place for _, m in counted if m.scope == "district"))
    scores = [score_district(name, counted, gaz.scoring) for name in district_names]
    local = [cue for cue in gaz.local_cues if cue in _as_text(text)]
    if local and len(scores) == 1 and not scores[0].strong:
        # 到我区走访: a district's own outlet names itself once and then speaks of 我区
        scores = [replace(scores[0], strong=True, parts=(*scores[0].parts, (f"local ({'、'.join(local[:3])})", 1, 0)))]
    citywide_title = title_speaks_of_city([m for seg, m in counted if seg == "title"])
    threshold, why = listing_threshold(len(_as_text(text)), sum(cues.values()), gaz.scoring, citywide_title)
    chosen, decisions = select_districts(scores, threshold, why, gaz.scoring)
    regions = tuple(dict.fromkeys(m.place for _, m in counted if m.scope == "region"))

    evidence = [*decisions, *_ignored_lines(located)]
    if cues:
        evidence.append("city-wide cues: " + ", ".join(f"{c} ×{n}" for c, n in cues.most_common()))
    if regions:
        region_counts = Counter(m.place for _, m in counted if m.scope == "region")
        evidence.append("regions: " + ", ".join(f"{r} ×{region_counts[r]}" for r in regions))
    if not scores:
        evidence.append("no Chongqing district named")
    return Places(chosen, regions, tuple(evidence), _doubt(chosen, scores))


def _doubt(chosen: Sequence[str], scores: Sequence[DistrictScore]) -> str:
    """Why the primary district (or none) is a weak call: no strong mention, or a district left out.

    >>> _doubt(('北碚区',), [DistrictScore('北碚区', 4, False, 0, (), '')])
    '北碚区 rests on passing mentions (score 4), not on its union, the title or a byline'
    >>> _doubt((), [DistrictScore('彭水苗族土家族自治县', 3, False, 0, (), '')])
    'city-wide, though 彭水苗族土家族自治县 is named (score 3)'
    """
    by_name = {d.name: d for d in scores}
    if chosen:
        primary = by_name.get(chosen[0])
        if primary is not None and not primary.strong:
            return (f"{primary.name} rests on passing mentions (score {primary.score:g}), "
                    "not on its union, the title or a byline")
        return ""
    if scores:
        top = max(scores, key=lambda d: d.score)
        return f"city-wide, though {top.name} is named (score {top.score:g})"
    return ""


def mark_unsupported(located: list[tuple[str, Mention]]) -> list[tuple[str, Mention]]:
    """Ignore ambiguous forms of a place the article never names unambiguously.

    '两江公交公司' alone says nothing about 两江新区; next to '两江新区' it does.

    >>> m = scan('两江公交公司')[0]
    >>> mark_unsupported([('body', m)])[0][1].ignored
    'ambiguous form, and 两江新区 is not named unambiguously'
    """
    supported = {m.place for _, m in located if not m.ignored and not m.ambiguous and m.scope != "cue"}
    marked = []
    for segment, m in located:
        if m.ambiguous and not m.ignored and m.place not in supported:
            m = Mention(m.form, m.place, m.scope, m.kind, m.start, m.end, m.context, m.ambiguous,
                        f"ambiguous form, and {m.place} is not named unambiguously")
        marked.append((segment, m))
    return marked


def mention_weight(segment: str, mention: Mention, scoring: Scoring) -> float:
    """How much one counted mention says about its district.

    >>> s = load_gazetteer().scoring
    >>> mention_weight('body', Mention('北碚区', '北碚区', 'district', 'union', 0, 3), s)
    5
    >>> mention_weight('title', Mention('两江', '两江新区', 'district', 'plain', 0, 2, ambiguous=True), s)
    2.5
    """
    weight = scoring.weights.get(mention.kind, 0)
    if mention.kind != "organisation":
        weight += {"title": scoring.title_bonus, "byline": scoring.byline_bonus}.get(segment, 0)
    if mention.kind == "plain" and segment == "lead":
        weight += scoring.lead_bonus     # 近日，在渝北区某小镇…: where the news happened, not a passing mention
    if mention.ambiguous:
        weight *= scoring.ambiguous_factor
    return weight


def score_district(name: str, counted: Sequence[tuple[str, Mention]], scoring: Scoring) -> DistrictScore:
    """Add up one district's counted mentions into a score, noting whether any is strong.

    Strong: a union or plain mention in the title or a byline, or the
    district's union named repeatedly.

    >>> ms = scan('北碚区总工会开展活动，北碚区总工会表示')
    >>> d = score_district('北碚区', [('body', m) for m in ms], load_gazetteer().scoring)
    >>> d.score, d.strong
    (10, True)
    """
    mine = [(i, seg, m) for i, (seg, m) in enumerate(counted) if m.place == name]
    parts: Counter[tuple[str, float]] = Counter()
    for _, seg, m in mine:
        shown = seg in ("title", "byline") or seg == "lead" and m.kind == "plain"   # where a bonus applies
        label = " ".join(p for p in (seg if shown else "", m.kind) if p)
        if m.ambiguous:
            label += f" ({m.form})"
        parts[(label, mention_weight(seg, m, scoring))] += 1
    score = sum(weight * n for (_, weight), n in parts.items())
    unions = sum(1 for _, _, m in mine if m.kind == "union")
    strong = unions >= scoring.strong_union_count or any(
        seg in ("title", "byline") and m.kind != "organisation" for _, seg, m in mine)
    return DistrictScore(
        name=name,
        score=score,
        strong=strong,
        first=mine[0][0] if mine else 0,
        parts=tuple((label, n, weight) for (label, weight), n in parts.most_common()),
        example=mine[0][2].context if mine else "",
    )


def title_speaks_of_city(title_mentions: Sequence[Mention]) -> bool:
    """Whether the headline speaks of the whole city (a city-wide cue: 全市, 市总工会) and of no district.

    Under such a headline a district named in the body is an example, not the subject, unless
    its evidence is strong.  The city's name alone (重庆这座小屋…) is an outlet's framing, not a
    sign of city-wide news.

    | headline                          | speaks of the city |
    |-----------------------------------|--------------------|
    | 重庆市总工会启动“职工技能月”        | yes                |
    | 全市职工技能月启动                  | yes                |
    | 重庆荣昌：职工技能月启动            | no (a district)    |
    | 重庆首个“爱心妈咪小屋”挂牌          | no (the name only) |

    >>> g = load_gazetteer()
    >>> title_speaks_of_city(scan('重庆市总工会启动“职工技能月”', g))
    True
    >>> title_speaks_of_city(scan('重庆荣昌：全市职工技能月启动', g)), title_speaks_of_city(scan('重庆首个小屋挂牌', g))
    (False, False)
    """
    if any(m.scope == "district" for m in title_mentions):
        return False
    return any(m.scope == "cue" for m in title_mentions)


def listing_threshold(body_chars: int, cue_count: int, scoring: Scoring,
                      citywide_title: bool = False) -> tuple[float, str]:
    """The score a district without strong evidence needs to be listed, and why.

    | evidence                                    | threshold                    |
    |---------------------------------------------|------------------------------|
    | a headline about the city and no district   | ``citywide_title_min_score`` |
    | a city-wide cue in title or body            | ``citywide_min_score``       |
    | a short text                                | ``short_text_min_score``     |
    | otherwise                                   | ``min_score``                |

    >>> s = load_gazetteer().scoring
    >>> listing_threshold(3000, 2, s), listing_threshold(200, 0, s), listing_threshold(3000, 1, s, True)
    ((6, 'city-wide news'), (2, 'short text'), (12, 'city-wide headline'))
    """
    if citywide_title:
        return scoring.citywide_title_min_score, "city-wide headline"
    if cue_count:
        return scoring.citywide_min_score, "city-wide news"
    if body_chars < scoring.short_text_chars:
        return scoring.short_text_min_score, "short text"
    return scoring.min_score, "passing mention"


def select_districts(scores: Sequence[DistrictScore], threshold: float, why: str,
                     scoring: Scoring) -> tuple[tuple[str, ...], list[str]]:
    """Rank districts (strong first, then score, then first mention) and keep those with real weight.

    A strong district is always listed; another needs ``threshold`` and,
    after the primary, a fair share of the primary's score.

    >>> s = load_gazetteer().scoring
    >>> a = DistrictScore('北碚区', 40, True, 0, (), '')
    >>> b = DistrictScore('渝北区', 4, False, 5, (), '')
    >>> select_districts([a, b], 3, 'passing mention', s)[0]
    ('北碚区',)
    """
    ranked = sorted(scores, key=lambda d: (not d.strong, -d.score, d.first))
    chosen: list[DistrictScore] = []
    lines: list[str] = []
    for d in ranked:
        if d.strong:
            verdict = "listed (strong)"
        elif d.score < threshold:
            verdict = f"not listed: below {threshold:g} ({why})"
        elif chosen and d.score < scoring.secondary_share * chosen[0].score:
            verdict = f"not listed: under {scoring.secondary_share:.0%} of {chosen[0].name}'s {chosen[0].score:g}"
        else:
            verdict = "listed"
        if verdict.startswith("listed"):
            verdict = ("primary, " if not chosen else "") + verdict
            chosen.append(d)
        lines.append(f"{d.name}: {d.score:g} = {_parts_text(d.parts)} «{d.example}» → {verdict}")
    return tuple(d.name for d in chosen), lines


def _parts_text(parts: Sequence[tuple[str, int, float]]) -> str:
    return ", ".join(f"{label} {n}×{weight:g}" for label, n, weight in parts)


def _ignored_lines(located: Sequence[tuple[str, Mention]]) -> list[str]:
    groups: dict[tuple[str, str], list[Mention]] = {}
    for _, m in located:
        if m.ignored:
            groups.setdefault((m.form, m.ignored), []).append(m)
    return [f"ignored {form} ×{len(ms)} ({reason}): " + " ".join(f"«{m.context}»" for m in ms[:EVIDENCE_EXAMPLES])
            for (form, reason), ms in groups.items()]


# ---------------------------------------------------------------- names

def normalise_district(name: str) -> str | None:
    """The official name of a district written any way (short, traditional, former, slug), else None.

    >>> normalise_district('涪陵區'), normalise_district('重庆市北碚区'), normalise_district('成都')
    ('涪陵区', '北碚区', None)
    """
    gaz = load_gazetteer()
    key = re.sub(r"\s+", "", _as_text(name))
    if not key:
        return None
    place = gaz.district(key)
    if place is None:
        for prefix in gaz.city_prefixes:
            if key.startswith(prefix) and len(key) > len(prefix):
                place = gaz.district(key[len(prefix):])
                break
    return place.name if place else None


# ---------------------------------------------------------------- input hygiene

def _as_text(value: object) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def _as_lines(value: object) -> list[object]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    try:
        return list(value)  # type: ignore[call-overload]
    except TypeError:
        return [value]
