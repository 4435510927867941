"""Theme (专题) of an article: from its printed column label, else from its text.

The taxonomy is the union's own programme (渝工"五大行动" and "十件实事"),
kept with its column labels and weighted cue words in ``data/themes.yaml``.
A printed column label is the editors' own decision, so it wins; an article
without one is scored by cue words, the title counting more than the body and
the body counted per thousand characters so a long report does not win by bulk.

>>> classify_themes('渝工港湾', '重庆45个站点入选全国“最美驿站”', '').themes
('渝工港湾',)
>>> classify_themes(None, '长寿区总工会“春送岗位”', '举办春风行动专场招聘会。').themes
('渝工暖心',)
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

_DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "themes.yaml"

KINDS = ("实事", "行动")
NAME_CUE_WEIGHT = 3.0    # a theme's own name in the text is a strong cue
TITLE_FACTOR = 3.0       # one cue in the title weighs as much as three in 1000 body characters
LEAD_EXTRA = 1.0         # a cue in the lead (the first paragraph, which states the news) counts once more
REF_CHARS = 1000         # body scores are densities per this many characters
MIN_SCORE = 2.0          # below this the text says nothing reliable
SECOND_FRACTION = 0.6    # without a column, the 2nd theme needs this share of the 1st's score
COLUMN_DOMINANCE = 2.0   # with a column, a 2nd theme must outscore the column's theme this many times
EVIDENCE_CUES = 4        # cues quoted per theme in the evidence

_LABEL_JUNK = re.compile(r"[\s#＃*·•・【】\[\]《》〈〉“”\"'‘’「」]+")
_SPACE = re.compile(r"\s+")
_FOLD = re.compile("[０-９Ａ-Ｚａ-ｚ•・]")      # rare in the text, so folding them one by one is cheap


@dataclass(frozen=True)
class Theme:
    """One theme of the taxonomy, as index pages and the classifier see it."""

    name: str                               # 渝工港湾
    slug: str                               # gangwan (stable, ASCII, for URLs)
    kind: str                               # 实事 or 行动
    group: str                              # the 行动 a 实事 belongs to; '' for a 行动
    description: str
    columns: tuple[str, ...]                # printed column labels
    cues: tuple[tuple[str, float], ...]     # (cue word, weight)


@dataclass(frozen=True)
class ThemeResult:
    """What the classifier decided and why; ``themes`` is empty when it could not tell."""

    themes: tuple[str, ...]      # theme names, best first; at most 2 when classified from text
    source: str                  # 'column' | 'text' | 'none'
    evidence: tuple[str, ...]    # human-readable reasons, for `explain`

    @property
    def doubt(self) -> str:
        """Why the themes are a weak call ('' when a column label or clear cue words decide them)."""
        if self.source == "none":
            return "no theme: the text names too few of any theme's cue words"
        if self.source == "text" and len(self.themes) > 1:
            return f"two themes score close: {'、'.join(self.themes)}"
        return ""


@dataclass(frozen=True)
class CueHit:
    """How often one cue occurred in the title and in the body (``in_lead`` of them in the first paragraph)."""

    cue: str
    weight: float
    in_title: int
    in_body: int
    in_lead: int = 0


@dataclass(frozen=True)
class ThemeScore:
    """One theme's text score with the cue hits behind it."""

    theme: str
    score: float
    hits: tuple[CueHit, ...]       # best contribution first


@dataclass(frozen=True)
class Taxonomy:
    """The themes with the lookup tables built from them once."""

    themes: tuple[Theme, ...]
    by_name: dict[str, Theme]
    by_label: dict[str, str]                              # normalised column label → theme
    targets: dict[str, tuple[tuple[str, float], ...]]     # normalised cue → (theme, weight)
    pattern: re.Pattern[str] | None                       # all cues, longest first
    overview_theme: str | None = None                     # theme of programme overviews
    overview_min_names: int = 0                           # theme names that make an overview


# ---------------------------------------------------------------- text helpers

def _fold_char(match: re.Match[str]) -> str:
    """Full-width letter or digit → ASCII; any middle dot → '·'."""
    char = match.group(0)
    return "·" if char in "•・" else chr(ord(char) - 0xFEE0)


def normalise_text(text: str) -> str:
    """Drop whitespace and fold full-width digits, so cues match across line breaks.

    Chinese text has no word spaces; a cue broken by a page's line wrap must
    still match.  Full-width punctuation is left alone (cues never contain it),
    which keeps this cheap on long pages.

    >>> normalise_text('劳\\n模 精神，１５分钟・ＡＢ')
    '劳模精神，15分钟·AB'
    """
    if not isinstance(text, str):
        return ""
    return _FOLD.sub(_fold_char, _SPACE.sub("", text))


def normalise_label(label: str) -> str:
    """Reduce a printed column label to its bare words for lookup.

    Labels arrive with stray markup, quotes or spacing from the page dump.

    >>> normalise_label(' ## “渝工 港湾” ')
    '渝工港湾'
    """
    return _LABEL_JUNK.sub("", normalise_text(label))


# ---------------------------------------------------------------- loading

def _parse_theme(entry: Any) -> Theme:
    """Turn one YAML entry into a Theme, refusing malformed data loudly.

    A broken data file is a build error, not something to guess around.
    """
    if not isinstance(entry, dict):
        raise ValueError(f"theme entry is not a mapping: {entry!r}")
    name = str(entry.get("name") or "").strip()
    slug = str(entry.get("slug") or "").strip()
    kind = str(entry.get("kind") or "").strip()
    if not name or not re.fullmatch(r"[a-z][a-z0-9-]*", slug) or kind not in KINDS:
        raise ValueError(f"theme needs name, ASCII slug and kind in {KINDS}: {entry!r}")
    cues = []
    for cue, weight in (entry.get("cues") or {}).items():
        if not isinstance(weight, (int, float)) or weight <= 0 or not normalise_text(str(cue)):
            raise ValueError(f"{name}: bad cue {cue!r}: {weight!r}")
        cues.append((str(cue), float(weight)))
    return Theme(
        name=name,
        slug=slug,
        kind=kind,
        group=str(entry.get("group") or "").strip(),
        description=str(entry.get("description") or "").strip(),
        columns=tuple(str(c) for c in entry.get("columns") or ()),
        cues=tuple(cues),
    )


def _check_taxonomy(themes: tuple[Theme, ...]) -> None:
    """Names and slugs unique; every 实事 belongs to an existing 行动."""
    for field in ("name", "slug"):
        values = [getattr(t, field) for t in themes]
        dupes = {v for v in values if values.count(v) > 1}
        if dupes:
            raise ValueError(f"duplicate theme {field}: {sorted(dupes)}")
    actions = {t.name for t in themes if t.kind == "行动"}
    for theme in themes:
        if theme.kind == "实事" and theme.group not in actions:
            raise ValueError(f"{theme.name}: group {theme.group!r} is not a 行动")


def _cue_targets(themes: tuple[Theme, ...],
                 shadows: tuple[str, ...] = ()) -> dict[str, tuple[tuple[str, float], ...]]:
    """Map each normalised cue to the themes it points at (a theme's name counts too).

    Shadows map to no theme: they only take the match away from a shorter cue.

    >>> t = Theme('渝工强基', 'qiangji', '实事', '渝工同心强基', '', (), (('入会', 3.0),))
    >>> _cue_targets((t,), ('入会场',))['入会场'], _cue_targets((t,))['入会']
    ((), (('渝工强基', 3.0),))
    """
    targets: dict[str, dict[str, float]] = {}
    for theme in themes:
        words = {theme.name: NAME_CUE_WEIGHT, **dict(theme.cues)}
        for cue, weight in words.items():
            key = normalise_text(cue)
            per_theme = targets.setdefault(key, {})
            per_theme[theme.name] = max(weight, per_theme.get(theme.name, 0.0))
    for shadow in shadows:
        targets[normalise_text(shadow)] = {}
    return {cue: tuple(per.items()) for cue, per in targets.items() if cue}


def _trie_regex(words: list[str]) -> str:
    """Regex source matching any of the words, with shared prefixes factored out.

    Each word's end is an optional (greedy) continuation, so the longest word
    at a position wins, exactly as a longest-first alternation, but the engine
    walks one character tree instead of trying every word in turn.

    >>> _trie_regex(['驿站', '健身驿站', '健康', '健康食堂'])
    '(?:健(?:康(?:食堂)?|身驿站)|驿站)'
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}                                    # end of a word

    def branch(node: dict) -> str:
        alts = [re.escape(c) + branch(child) for c, child in sorted(node.items()) if c]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return branch(trie)


def _cue_pattern(cues: list[str]) -> re.Pattern[str] | None:
    """One compiled regex for all cues in which the longest cue at a position wins.

    >>> _cue_pattern(['驿站', '健身驿站']).findall('职工健身驿站和工会驿站')
    ['健身驿站', '驿站']
    """
    words = sorted({c for c in cues if c})
    return re.compile(_trie_regex(words)) if words else None


def build_taxonomy(raw: Any) -> Taxonomy:
    """Build the lookup tables from the parsed YAML document.

    Separate from file reading so tests can feed a small taxonomy.

    >>> raw = {'themes': [{'name': '渝工初心向党', 'slug': 'chuxin', 'kind': '行动',
    ...                    'columns': ['初心向党'], 'cues': {'党建': 3}}]}
    >>> tax = build_taxonomy(raw)
    >>> tax.by_label['初心向党'], tax.targets['党建']
    ('渝工初心向党', (('渝工初心向党', 3.0),))
    """
    entries = raw.get("themes") if isinstance(raw, dict) else None
    if not isinstance(entries, list):
        raise ValueError("themes data must be a mapping with a 'themes' list")
    themes = tuple(_parse_theme(e) for e in entries)
    _check_taxonomy(themes)
    by_label: dict[str, str] = {}
    for theme in themes:
        for label in (theme.name, *theme.columns):
            by_label[normalise_label(label)] = theme.name
    shadows = tuple(str(x) for x in raw.get("shadows") or ())
    targets = _cue_targets(themes, shadows)
    overview = raw.get("overview") or {}
    overview_theme = overview.get("theme") if isinstance(overview, dict) else None
    if overview_theme is not None and overview_theme not in {t.name for t in themes}:
        raise ValueError(f"overview theme {overview_theme!r} is not a theme")
    return Taxonomy(
        themes=themes,
        by_name={t.name: t for t in themes},
        by_label=by_label,
        targets=targets,
        pattern=_cue_pattern(list(targets)),
        overview_theme=overview_theme,
        overview_min_names=int(overview.get("min_theme_names") or 0) if overview_theme else 0,
    )


@lru_cache(maxsize=1)
def _taxonomy() -> Taxonomy:
    with _DATA_FILE.open(encoding="utf-8") as handle:
        return build_taxonomy(yaml.safe_load(handle))


def load_themes() -> list[Theme]:
    """All themes in programme order (行动 first), for index pages.

    >>> [t.slug for t in load_themes() if t.name == '渝工港湾']
    ['gangwan']
    """
    return list(_taxonomy().themes)


def is_known_theme(name: str) -> bool:
    """True if an editor's override names a real theme (exact name).

    >>> is_known_theme('渝工关爱'), is_known_theme('渝工关怀')
    (True, False)
    """
    return isinstance(name, str) and name.strip() in _taxonomy().by_name


def column_theme(label: str) -> str | None:
    """The theme a printed column label stands for; None if it is not a column.

    >>> column_theme('渝工港湾'), column_theme('代表热议')
    ('渝工港湾', None)
    """
    if not isinstance(label, str):
        return None
    return _taxonomy().by_label.get(normalise_label(label))


# ---------------------------------------------------------------- scoring

def _count_flat(flat: str, tax: Taxonomy) -> Counter[str]:
    """Count cues in already-normalised text."""
    if not flat or tax.pattern is None:
        return Counter()
    return Counter(tax.pattern.findall(flat))       # no capturing groups: whole matches


def count_cues(text: str, taxonomy: Taxonomy | None = None) -> Counter[str]:
    """Count cue words in text, each position matched once by its longest cue.

    Shadows are counted too (they score for no theme).

    >>> sorted(count_cues('百佳职工健身驿站,工会驿站,驿站').items())
    [('健身驿站', 1), ('工会驿站', 1), ('驿站', 1)]
    >>> count_cues('代表步入会场')
    Counter({'入会场': 1})
    """
    return _count_flat(normalise_text(text), taxonomy or _taxonomy())


def score_themes(title: str, text: str, taxonomy: Taxonomy | None = None) -> list[ThemeScore]:
    """Score every theme with a cue in title or body, best first.

    score = Σ weight × (TITLE_FACTOR × title count + (body count + LEAD_EXTRA × lead count) × REF_CHARS / body
    length), the body length never counted below REF_CHARS so a short body is not inflated; the lead is
    the body's first paragraph.

    >>> [(s.theme, s.score) for s in score_themes('工会驿站', '')]
    [('渝工港湾', 9.0)]
    >>> [(s.theme, s.score) for s in score_themes('', '健身驿站' + '。' * 2996)]
    [('渝工关爱', 1.0)]
    """
    tax = taxonomy or _taxonomy()
    flat_body = normalise_text(text)
    in_title = _count_flat(normalise_text(title), tax)
    in_body = _count_flat(flat_body, tax)
    in_lead = _count_flat(normalise_text(text.partition("\n")[0]), tax) if "\n" in text else Counter()
    factor = REF_CHARS / max(len(flat_body), REF_CHARS)

    def value(hit: CueHit) -> float:
        return hit.weight * (TITLE_FACTOR * hit.in_title + factor * (hit.in_body + LEAD_EXTRA * hit.in_lead))

    hits: dict[str, list[CueHit]] = {}
    for cue in in_title.keys() | in_body.keys():
        for theme, weight in tax.targets.get(cue, ()):
            hits.setdefault(theme, []).append(CueHit(cue, weight, in_title[cue], in_body[cue], in_lead[cue]))
    scores = []
    for theme, theme_hits in hits.items():
        ordered = tuple(sorted(theme_hits, key=lambda h: (-value(h), h.cue)))
        scores.append(ThemeScore(theme, round(sum(value(h) for h in ordered), 2), ordered))
    order = {t.name: i for i, t in enumerate(tax.themes)}
    return sorted(scores, key=lambda s: (-s.score, order.get(s.theme, 0)))


def _describe(score: ThemeScore) -> str:
    """Evidence line for one text-derived theme.

    >>> _describe(ThemeScore('渝工港湾', 30.0, (CueHit('驿站', 3.0, 0, 6), CueHit('户外劳动者', 3.0, 0, 4))))
    'text: 驿站×6 (w3), 户外劳动者×4 (w3) → 渝工港湾 score 30'
    """
    parts = []
    for hit in score.hits[:EVIDENCE_CUES]:
        if hit.in_title:
            parts.append(f"title {hit.cue}×{hit.in_title} (w{hit.weight:g})")
        if hit.in_body:
            parts.append(f"{hit.cue}×{hit.in_body} (w{hit.weight:g})")
    more = " …" if len(score.hits) > EVIDENCE_CUES else ""
    return f"text: {', '.join(parts)}{more} → {score.theme} score {score.score:g}"


def _named_themes(scores: list[ThemeScore]) -> tuple[str, ...]:
    """Themes whose own name occurs in the text, in taxonomy-score order."""
    return tuple(s.theme for s in scores if any(h.cue == s.theme for h in s.hits))


def _overview(scores: list[ThemeScore], tax: Taxonomy) -> ThemeResult | None:
    """An article naming many themes is about the programme itself, not one theme.

    A work plan lists every task with its cue words, so cue scores cannot pick
    one; the data file names the theme such overviews belong to.
    """
    named = _named_themes(scores)
    if not tax.overview_theme or not tax.overview_min_names or len(named) < tax.overview_min_names:
        return None
    shown = "、".join(named[:5]) + ("…" if len(named) > 5 else "")
    return ThemeResult((tax.overview_theme,), "text",
                       (f"text: names {len(named)} themes ({shown}) → programme overview "
                        f"→ {tax.overview_theme}",))


def _from_text(scores: list[ThemeScore], tax: Taxonomy) -> ThemeResult:
    """Best theme by score, plus a runner-up that comes close to it."""
    overview = _overview(scores, tax)
    if overview:
        return overview
    if not scores or scores[0].score < MIN_SCORE:
        best = f" (best {scores[0].theme} score {scores[0].score:g})" if scores else ""
        return ThemeResult((), "none", (f"text: no theme scored {MIN_SCORE:g}{best}",))
    chosen = [scores[0]]
    if len(scores) > 1 and scores[1].score >= SECOND_FRACTION * scores[0].score:
        chosen.append(scores[1])
    return ThemeResult(tuple(s.theme for s in chosen), "text",
                       tuple(_describe(s) for s in chosen))


def _with_column(theme: str, label: str, scores: list[ThemeScore]) -> ThemeResult:
    """The column's theme, plus a text theme only if it clearly outweighs the column's own."""
    evidence = [f"column label '{label.strip()}' → {theme}"]
    own = next((s.score for s in scores if s.theme == theme), 0.0)
    rival = next((s for s in scores if s.theme != theme), None)
    if rival and rival.score >= MIN_SCORE and rival.score >= COLUMN_DOMINANCE * max(own, MIN_SCORE):
        evidence.append(_describe(rival) + f" (column theme scores {own:g})")
        return ThemeResult((theme, rival.theme), "column", tuple(evidence))
    return ThemeResult((theme,), "column", tuple(evidence))


def classify_themes(column: str | None, title: str, text: str) -> ThemeResult:
    """Decide an article's themes: printed column first, else its words.

    Never raises; odd input yields ``ThemeResult((), 'none', …)``.

    >>> classify_themes('渝工之家', '重庆市职工之家市域标杆名单出炉', '').source
    'column'
    >>> classify_themes(None, '', '').themes
    ()
    """
    title = title if isinstance(title, str) else ""
    text = text if isinstance(text, str) else ""
    label = column.strip() if isinstance(column, str) else ""
    scores = score_themes(title, text)
    theme = column_theme(label) if label else None
    if theme:
        return _with_column(theme, label, scores)
    result = _from_text(scores, _taxonomy())
    if label:
        note = f"column label '{label}' is not a theme column"
        return ThemeResult(result.themes, result.source, (note, *result.evidence))
    return result
