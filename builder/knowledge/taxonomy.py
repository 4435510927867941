"""The theme taxonomy: the union's programme (渝工"五大行动" and "十件实事") read from ``data/themes.yaml``.

Each theme has its column labels and weighted cue words.  This module only
reads and checks the data into lookup tables; ``builder.meta.themes`` scores
an article against them, and labels, overrides and the site's pages ask it
which labels and themes exist.

>>> column_theme('渝工港湾'), is_known_theme('渝工关怀')
('渝工港湾', False)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .files import knowledge_file


KINDS = ("实事", "行动")
NAME_CUE_WEIGHT = 3.0    # a theme's own name in the text is a strong cue

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
def load_taxonomy() -> Taxonomy:
    return build_taxonomy(knowledge_file("themes"))


def load_themes() -> list[Theme]:
    """All themes in programme order (行动 first), for index pages.

    >>> [t.slug for t in load_themes() if t.name == '渝工港湾']
    ['gangwan']
    """
    return list(load_taxonomy().themes)


def is_known_theme(name: str) -> bool:
    """True if an editor's override names a real theme (exact name).

    >>> is_known_theme('渝工关爱'), is_known_theme('渝工关怀')
    (True, False)
    """
    return isinstance(name, str) and name.strip() in load_taxonomy().by_name


def column_theme(label: str) -> str | None:
    """The theme a printed column label stands for; None if it is not a column.

    >>> column_theme('渝工港湾'), column_theme('代表热议')
    ('渝工港湾', None)
    """
    if not isinstance(label, str):
        return None
    return load_taxonomy().by_label.get(normalise_label(label))
