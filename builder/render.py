"""Render: an enriched Article → Markdown with YAML front matter.

All text from a raw page is escaped here, once: Markdown and HTML special
characters become literal text, so nothing in an input can become markup,
a link or a script on the site.
"""

from __future__ import annotations

import html
import re

import yaml

from .model import Article

# Characters that Python-Markdown (with the extensions mkdocs.yml enables) may
# read as markup.  HTML-special ones become entities, the rest get a backslash.
# '{' and '}' become entities so no template engine (Jinja, macros) ever sees
# a '{{' coming from a page.  Keep this in step with markdown_extensions.
_ENTITY = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "{": "&#123;", "}": "&#125;", "|": "&#124;"}
_BACKSLASH = set("\\`*_[]#")
_LIST_MARK = re.compile(r"^([-+])|^(\d+)\.")

FRONT_MATTER_ORDER = (
    "title", "kicker", "subtitle", "deck", "column", "series", "section", "themes", "districts", "regions",
    "date", "date_precision", "date_source", "authors", "affiliations", "credits", "captions", "people",
    "organizations", "tags", "description", "source", "part", "lines", "edition", "slug",
)


def escape_markdown(text: str) -> str:
    """Make text literal in Markdown: no emphasis, links, HTML, lists, headings or templates.

    >>> escape_markdown("<script>alert(1)</script> *加粗* {{ config }}")
    '&lt;script&gt;alert(1)&lt;/script&gt; \\\\*加粗\\\\* &#123;&#123; config &#125;&#125;'
    >>> escape_markdown("- 2023-2027年")
    '\\\\- 2023-2027年'
    >>> escape_markdown("1. 第一条")
    '1\\\\. 第一条'
    """
    escaped = "".join(_ENTITY.get(c) or ("\\" + c if c in _BACKSLASH else c) for c in text)
    return _LIST_MARK.sub(lambda m: "\\" + m.group(1) if m.group(1) else m.group(2) + "\\.", escaped)


def front_matter(article: Article) -> dict:
    """The article's front matter, keys in a fixed order, empty values left out."""
    data = {
        "title": article.title,
        "kicker": article.kicker,
        "subtitle": article.subtitle,
        "deck": list(article.deck),
        "column": article.column,
        "series": article.series,
        "section": article.section,
        **article.meta,
        "credits": [*article.bylines, *article.credits],
        "captions": [cap.text + (f"（{cap.credit}）" if cap.credit else "") for _, cap in article.captions],
        "source": article.source,
        "part": article.part,
        "lines": f"{article.first_line}-{article.last_line}",
        "edition": dict(article.edition) or None,
    }
    ordered = {key: data[key] for key in FRONT_MATTER_ORDER if key in data}
    ordered.update({key: value for key, value in data.items() if key not in ordered})
    # lists and strings may be empty; a key that is present always means something
    return {key: value for key, value in ordered.items() if value not in ("", [], None, {})}


def render_article(article: Article) -> str:
    """Markdown for one article: front matter, title block, body, captions where they stood."""
    meta = front_matter(article)
    lines = ["---", yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=10_000).rstrip(), "---", ""]
    if article.kicker:
        lines += [f'<p class="article-kicker">{html.escape(article.kicker)}</p>', ""]
    lines += [f"# {escape_markdown(article.title)}", ""]
    if article.subtitle:
        lines += [f'<p class="article-subtitle">{html.escape(article.subtitle)}</p>', ""]
    for deck in article.deck:
        lines += [f'<p class="article-deck">{html.escape(deck)}</p>', ""]
    lines += _captions_after(article, -1)
    for index, para in enumerate(article.body):
        text = escape_markdown(para.text)
        lines += [f"## {text}" if para.heading else text, ""]
        lines += _captions_after(article, index)
    credits = [*article.bylines, *article.credits]
    if credits:
        lines += ['<p class="article-credits">' + "<br>".join(html.escape(c) for c in credits) + "</p>", ""]
    return "\n".join(lines).rstrip() + "\n"


def _captions_after(article: Article, index: int) -> list[str]:
    out = []
    for position, cap in article.captions:
        if position == index:
            credit = f' <span class="caption-credit">（{html.escape(cap.credit)}）</span>' if cap.credit else ""
            out += [f'<figure class="article-photo"><figcaption>{html.escape(cap.text)}{credit}</figcaption></figure>', ""]
    return out
