"""Theme (专题) of an article: from its printed column label, else from its text.

The taxonomy is the union's own programme (渝工"五大行动" and "十件实事"),
kept with its column labels and weighted cue words in ``data/themes.yaml``
and read by ``builder.knowledge.taxonomy``.
A printed column label is the editors' own decision, so it wins; an article
without one is scored by cue words, the title counting more than the body and
the body counted per thousand characters so a long report does not win by bulk.

>>> classify_themes('渝工港湾', '重庆45个站点入选全国“最美驿站”', '').themes
('渝工港湾',)
>>> classify_themes(None, '长寿区总工会“春送岗位”', '举办春风行动专场招聘会。').themes
('渝工暖心',)
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from builder.knowledge.taxonomy import Taxonomy, column_theme, load_taxonomy, normalise_text

TITLE_FACTOR = 3.0       # one cue in the title weighs as much as three in 1000 body characters
LEAD_EXTRA = 1.0         # a cue in the lead (the first paragraph, which states the news) counts once more
REF_CHARS = 1000         # body scores are densities per this many characters
MIN_SCORE = 2.0          # below this the text says nothing reliable
SECOND_FRACTION = 0.6    # without a column, the 2nd theme needs this share of the 1st's score
COLUMN_DOMINANCE = 2.0   # with a column, a 2nd theme must outscore the column's theme this many times
EVIDENCE_CUES = 4        # cues quoted per theme in the evidence


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
    return _count_flat(normalise_text(text), taxonomy or load_taxonomy())


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
    tax = taxonomy or load_taxonomy()
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
    result = _from_text(scores, load_taxonomy())
    if label:
        note = f"column label '{label}' is not a theme column"
        return ThemeResult(result.themes, result.source, (note, *result.evidence))
    return result
