"""Contributed articles: an already clean article as Markdown with front matter, in ``seeds/``.

    ---
    title: 某区总工会举办职工运动会
    date: 2024-05-01
    column: 渝工爱渝
    districts: [北碚区]
    authors: [张三]
    ---
    正文第一段。

    ## 小标题

    正文第二段。

The front matter is validated with the same schema as editorial overrides
(``overrides.validate_field``); ``title`` is required.  Fields left out are
filled by the same enrichment as articles cut from raw pages.  The body is
Markdown and renders (``builder.markup``): headings, emphasis, lists, quotes,
tables and links, through the sanitizer's allow-list, so no HTML, script or
unsafe link from a contribution reaches the site.  Its images are photos of its
own folder (``稿件.md`` → ``稿件.photos/``), published by ``builder.photos``
like an editor's photos of a raw page; their alt text is their caption.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath

import yaml

from .markup import render_contribution
from .model import Article, Caption, Diagnostic, Severity
from .overrides import load_yaml_text, validate_field

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.S)
_HEADING = re.compile(r"^#{1,6}\s+")
CONTRIB_FIELDS_EXTRA = ("captions",)


def read_markdown_article(source: str, text: str) -> tuple[Article | None, dict, list[Diagnostic]]:
    """Parse a contributed article; return (article, fields the contributor set, diagnostics)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    match = _FRONT_MATTER.match(text)
    if not match:
        return None, {}, [Diagnostic(source, "a Markdown article must start with YAML front matter between '---' lines",
                                     line=1)]
    try:
        meta = load_yaml_text(match.group(1)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        return None, {}, [Diagnostic(source, f"front matter is not valid YAML: {getattr(exc, 'problem', exc)}",
                                     line=mark.line + 2 if mark else 1)]
    if not isinstance(meta, dict):
        return None, {}, [Diagnostic(source, "front matter must be a mapping of keys", line=2)]
    diagnostics: list[Diagnostic] = []
    fields: dict = {}
    key_lines = _key_lines(match.group(1))
    for key, value in meta.items():
        if key in CONTRIB_FIELDS_EXTRA:
            if isinstance(value, list) and all(isinstance(v, str) for v in value):
                fields[key] = value
            else:
                diagnostics.append(Diagnostic(source, "'captions' must be a list of texts", line=key_lines.get(key)))
            continue
        problem, cleaned = validate_field(str(key), value)
        if problem:
            diagnostics.append(Diagnostic(source, problem, line=key_lines.get(str(key))))
        else:
            fields[key] = cleaned
    if "title" not in fields:
        diagnostics.append(Diagnostic(source, "front matter needs a 'title'", line=1))
        return None, fields, diagnostics
    body_start = match.group(0).count("\n") + 1
    article = Article(source=source, part=1, title=fields["title"])
    for key in ("subtitle", "kicker", "column", "series", "section"):
        setattr(article, key, fields.get(key, ""))
    markup = render_contribution(text[match.end():], body_start, PurePosixPath(source).with_suffix(".photos").name)
    article.body, article.body_html = markup.paragraphs, markup.html
    diagnostics += [Diagnostic(source, why, Severity.WARNING, line) for line, why in markup.problems]
    article.captions = [(-1, Caption(c, "", body_start)) for c in fields.get("captions", [])]
    # the body's own photos stand where the body names them (render fills their places in body_html)
    article.captions += [(-1, Caption(ref.alt, "", ref.line, file=ref.file)) for ref in markup.photos]
    article.credits = list(fields.get("credits", []))
    article.first_line, article.last_line = 1, text.count("\n") + 1
    if not article.body:
        diagnostics.append(Diagnostic(source, "the article has no body text", line=body_start))
        return None, fields, diagnostics
    return article, fields, diagnostics


def _key_lines(front_matter: str) -> dict[str, int]:
    lines = {}
    for number, line in enumerate(front_matter.split("\n"), start=2):
        key = re.match(r"^([^\s:#][^:]*):", line)
        if key:
            lines.setdefault(key.group(1).strip(), number)
    return lines
