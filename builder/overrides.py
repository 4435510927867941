"""Editorial overrides: corrections an editor keeps in a small file beside a raw page.

``seeds/<page>.overrides.yaml`` corrects any field of any article of
``seeds/<page>.txt``, and where the page splits.  The raw page is never
touched, so a correction survives every rebuild; the article shows it as
``<field>_source: override`` (``date_source: override`` for the date).

    # seeds/city-union-sixth-congress.overrides.yaml
    split:
      start_at_lines: [37]     # an article starts at this source line
      join_at_lines: [93]      # the article starting here continues the one above
    lines:
      12: text                 # not furniture, not a caption: article text after all
      15: caption              # a photo caption
      3: furniture             # page furniture: dropped (and logged)
    articles:
      - part: 4                # or  title: 建立成渝地区区县工会互融互联互通机制
        districts: [黔江区]
        date: 2023-05-24

Every problem is reported as ``file:line: message``; a bad entry is skipped,
the rest of the file still applies.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from .fields import FIELD, OVERRIDABLE
from .knowledge.taxonomy import is_known_theme
from .meta.places import normalise_district
from .model import Article, Diagnostic, Dropped, Metadata, Severity
from .text.calendar import parse_iso_date

OVERRIDE_SUFFIX = ".overrides.yaml"


class TextDateLoader(yaml.SafeLoader):
    """A safe YAML loader that leaves dates as written ('2023-05-24' stays text).

    PyYAML would turn them into date objects, and raise on '2023-13-01' instead
    of letting us report the bad date with its line.
    """


TextDateLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def load_yaml_text(text: str):
    return yaml.load(text, Loader=TextDateLoader)  # noqa: S506 — a SafeLoader subclass

# the fields an override may set, and the kind of each, come from the registry (builder.fields);
# the same schema validates contributed Markdown articles


LINE_KINDS = ("text", "caption", "furniture", "credit")


@dataclass
class Overrides:
    source: str                                   # the overrides file's name
    start_at_lines: set[int] = field(default_factory=set)
    join_at_lines: set[int] = field(default_factory=set)
    line_kinds: dict[int, tuple[str, int]] = field(default_factory=dict)   # source line → (kind, overrides line)
    photos: dict[str, tuple[int, int]] = field(default_factory=dict)       # photo file → (caption number, line)
    # (selector kind, selector value, {field: (value, line)}, line of the entry)
    entries: list[tuple[str, Any, dict, int]] = field(default_factory=list)


def overrides_path(page: Path) -> Path:
    return page.with_name(page.stem + OVERRIDE_SUFFIX)


def load_overrides(path: Path, data: bytes | None = None) -> tuple[Overrides, list[Diagnostic]]:
    """Parse and validate an overrides file (without the page: selectors are checked by ``apply``).

    ``data`` is the file's bytes when the caller has read (and vetted) them already.
    """
    name = path.name
    result = Overrides(name)
    try:
        text = data.decode("utf-8") if data is not None else path.read_text(encoding="utf-8")
        root = yaml.compose(text, Loader=TextDateLoader)
    except (OSError, UnicodeDecodeError) as exc:
        return result, [Diagnostic(name, f"cannot read overrides: {exc}")]
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        return result, [Diagnostic(name, f"not valid YAML: {getattr(exc, 'problem', exc)}",
                                   line=line + 1 if line is not None else None)]
    if root is None:
        return result, []
    if not isinstance(root, yaml.MappingNode):
        return result, [Diagnostic(name, "an overrides file is a mapping with 'split' and/or 'articles'",
                                   line=root.start_mark.line + 1)]
    diagnostics: list[Diagnostic] = []
    for key_node, value_node in root.value:
        line = key_node.start_mark.line + 1
        if key_node.value == "split":
            _load_split(name, value_node, result, diagnostics)
        elif key_node.value == "lines":
            _load_lines(name, value_node, result, diagnostics)
        elif key_node.value == "photos":
            _load_photos(name, value_node, result, diagnostics)
        elif key_node.value == "articles":
            if not isinstance(value_node, yaml.SequenceNode):
                diagnostics.append(Diagnostic(name, "'articles' is a list of entries", line=line))
                continue
            for entry in value_node.value:
                _load_entry(name, entry, result, diagnostics)
        else:
            diagnostics.append(Diagnostic(name, f"unknown key '{key_node.value}' (expected 'split', 'lines', "
                                          "'photos' or 'articles')", line=line))
    return result, diagnostics


def _load_split(name: str, node, result: Overrides, diagnostics: list[Diagnostic]) -> None:
    data = load_yaml_text(yaml.serialize(node)) if node is not None else None
    if not isinstance(data, dict):
        diagnostics.append(Diagnostic(name, "'split' is a mapping", line=node.start_mark.line + 1))
        return
    for key, value in data.items():
        lines = value if isinstance(value, list) else [value]
        if key not in ("start_at_lines", "join_at_lines") or not all(isinstance(n, int) and n > 0 for n in lines):
            diagnostics.append(Diagnostic(name, f"split: '{key}' must be start_at_lines or join_at_lines, "
                                          "with a list of line numbers", line=node.start_mark.line + 1))
            continue
        getattr(result, key).update(lines)


def _load_lines(name: str, node, result: Overrides, diagnostics: list[Diagnostic]) -> None:
    """``lines: {12: text, 15: caption}``: what a source line is, whatever the builder took it for."""
    if not isinstance(node, yaml.MappingNode):
        diagnostics.append(Diagnostic(name, "'lines' maps line numbers to a kind "
                                      f"({', '.join(LINE_KINDS)})", line=node.start_mark.line + 1))
        return
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        number, kind = load_yaml_text(yaml.serialize(key_node)), value_node.value
        if not (isinstance(number, int) and number > 0) or kind not in LINE_KINDS:
            diagnostics.append(Diagnostic(name, f"lines: '{key_node.value}: {kind}' must be a line number and one of "
                                          f"{', '.join(LINE_KINDS)}", line=line))
            continue
        result.line_kinds[number] = (kind, line)


def _load_photos(name: str, node, result: Overrides, diagnostics: list[Diagnostic]) -> None:
    """``photos: {02.jpg: 1}``: the photo file of the page's .photos folder for its Nth caption (page order)."""
    if not isinstance(node, yaml.MappingNode):
        diagnostics.append(Diagnostic(name, "'photos' maps a photo's file name to its caption's number "
                                      "(1 for the page's first caption)", line=node.start_mark.line + 1))
        return
    for key_node, value_node in node.value:
        line = key_node.start_mark.line + 1
        number = load_yaml_text(yaml.serialize(value_node))
        if not isinstance(key_node.value, str) or "/" in key_node.value or not (isinstance(number, int) and number > 0):
            diagnostics.append(Diagnostic(name, f"photos: '{key_node.value}: {value_node.value}' must be a file name "
                                          "and a caption number", line=line))
            continue
        result.photos[key_node.value] = (number, line)


def _load_entry(name: str, node, result: Overrides, diagnostics: list[Diagnostic]) -> None:
    line = node.start_mark.line + 1
    if not isinstance(node, yaml.MappingNode):
        diagnostics.append(Diagnostic(name, "an article entry is a mapping", line=line))
        return
    selector: tuple[str, Any] | None = None
    fields: dict[str, Any] = {}
    for key_node, value_node in node.value:
        key, key_line = key_node.value, key_node.start_mark.line + 1
        value = load_yaml_text(yaml.serialize(value_node))
        if key in ("part", "title") and selector is None and (key == "part" or "part" not in _keys(node)):
            if key == "part" and not (isinstance(value, int) and value > 0):
                diagnostics.append(Diagnostic(name, "part must be a positive number", line=key_line))
                return
            selector = (key, value)
            continue
        problem, cleaned = validate_field(key, value)
        if problem:
            diagnostics.append(Diagnostic(name, problem, line=key_line))
        else:
            fields[key] = (cleaned, key_line)
    if selector is None:
        diagnostics.append(Diagnostic(name, "entry names no article: add 'part: N' or 'title: …'", line=line))
        return
    result.entries.append((selector[0], selector[1], fields, line))


def _keys(node) -> list[str]:
    return [k.value for k, _ in node.value]


def validate_field(key: str, value: Any) -> tuple[str, Any]:
    """('', cleaned value) for a valid field, or (message, None).

    >>> validate_field("districts", ["酉阳"])
    ('', ['酉阳土家族苗族自治县'])
    >>> validate_field("date", "2023-13-01")[0]
    "malformed date '2023-13-01' (expected YYYY, YYYY-MM or YYYY-MM-DD)"
    """
    if key not in OVERRIDABLE:
        return f"unknown key '{key}' (known: {', '.join(OVERRIDABLE)})", None
    if key == "date":
        parsed = parse_iso_date(str(value)) if value is not None else None
        if not parsed:
            return f"malformed date '{value}' (expected YYYY, YYYY-MM or YYYY-MM-DD)", None
        return "", parsed[0]
    if FIELD[key].kind == "text":
        if not isinstance(value, str) or not value.strip():
            return f"'{key}' must be text", None
        return "", value.strip()
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(item, str) and item.strip() for item in items):
        return f"'{key}' must be a list of names", None
    items = [item.strip() for item in items]
    if key == "districts":
        unknown = [d for d in items if normalise_district(d) is None]
        if unknown:
            return f"unknown district '{unknown[0]}' (see builder/data/districts.yaml)", None
        return "", [normalise_district(d) for d in items]
    if key == "themes":
        unknown = [t for t in items if not is_known_theme(t)]
        if unknown:
            return f"unknown theme '{unknown[0]}' (see builder/data/themes.yaml)", None
    return "", items


def dated_by_hand(meta: Metadata, date: str, source: str) -> Metadata:
    """The metadata with the precision of a date an editor or a contributor wrote, and where it came from.

    >>> meta = dated_by_hand(Metadata(date="2024-05"), "2024-05", "override")
    >>> meta.date_precision, meta.date_source
    ('month', 'override')
    """
    return replace(meta, date_precision=parse_iso_date(date)[1] or "", date_source=source)


def apply_overrides(articles: list[Article], overrides: Overrides) -> tuple[list[Diagnostic], list[Dropped]]:
    """Apply the field corrections to the page's articles, in place.

    Returns the problems (selectors that match nothing) and the printed text a
    correction took off the page (the bylines and credits a ``credits``
    correction replaces), for the drop list: nothing printed leaves silently.
    """
    diagnostics: list[Diagnostic] = []
    replaced: list[Dropped] = []
    for kind, selector, fields, line in overrides.entries:
        matches = [a for a in articles if (a.part == selector if kind == "part" else a.title == selector)]
        if not matches:
            what = f"part {selector}" if kind == "part" else f"title '{selector}'"
            diagnostics.append(Diagnostic(overrides.source, f"no article with {what} on this page "
                                          f"(it has {len(articles)})", Severity.ERROR, line))
            continue
        for article in matches:
            for key, (value, field_line) in fields.items():
                if key == "credits":
                    # the printed bylines and credits are what render publishes: the correction replaces both
                    replaced += [Dropped(article.source, article.first_line, text,
                                         f"replaced by the editor's credits ({overrides.source}:{field_line})")
                                 for text in (*article.bylines, *article.credits)]
                    article.bylines, article.credits = [], list(value)
                elif FIELD[key].on == "article":
                    setattr(article, key, value)
                    article.title_derived = article.title_derived and key != "title"
                else:
                    article.meta = replace(article.meta, **{key: value})
                if key == "date":
                    article.meta = dated_by_hand(article.meta, value, "override")
                else:
                    article.meta = replace(article.meta, overridden=[*article.meta.overridden, key])
                article.evidence.setdefault(key, []).insert(0, f"override: {overrides.source}:{field_line}")
                article.weak.pop(key, None)      # the editor settled it
    return diagnostics, replaced
