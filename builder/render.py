"""Render: an enriched Article → Markdown with YAML front matter.

All text from a raw page is escaped here, once: Markdown and HTML special
characters become literal text, so nothing in an input can become markup,
a link or a script on the site.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import fields
from functools import lru_cache

import yaml

from .fields import FRONT_MATTER_ORDER
from .markup import PHOTO_SLOT
from .model import Article, Photo

# Characters that Python-Markdown (with the extensions mkdocs.yml enables) may
# read as markup.  HTML-special ones become entities, the rest get a backslash.
# '{' and '}' become entities so no template engine (Jinja, macros) ever sees
# a '{{' coming from a page.  Keep this in step with markdown_extensions.
_ENTITY = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "{": "&#123;", "}": "&#125;", "|": "&#124;"}
_BACKSLASH = set("\\`*_[]#")
_FastDumper = getattr(yaml, "CSafeDumper", None)     # libyaml's emitter, when PyYAML was built with it
_LIST_MARK = re.compile(r"^([-+])|^(\d+)\.")

_MARKDOWN_ESCAPES = str.maketrans({**{c: "\\" + c for c in _BACKSLASH}, **_ENTITY})
_HTML_ESCAPES = str.maketrans({**_ENTITY, '"': "&quot;", "'": "&#x27;"})


def escape_markdown(text: str) -> str:
    """Make text literal in Markdown: no emphasis, links, HTML, lists, headings or templates.

    >>> escape_markdown("<script>alert(1)</script> *加粗* {{ config }}")
    '&lt;script&gt;alert(1)&lt;/script&gt; \\\\*加粗\\\\* &#123;&#123; config &#125;&#125;'
    >>> escape_markdown("- 2023-2027年")
    '\\\\- 2023-2027年'
    >>> escape_markdown("1. 第一条")
    '1\\\\. 第一条'
    """
    escaped = text.translate(_MARKDOWN_ESCAPES)
    return _LIST_MARK.sub(lambda m: "\\" + m.group(1) if m.group(1) else m.group(2) + "\\.", escaped)


def escape_html_text(text: str) -> str:
    """Make text literal inside an HTML element: entities for HTML specials and template braces.

    Used for the title-block lines, captions and credits, which render.py wraps
    in HTML itself (Markdown is not parsed inside those elements).

    >>> escape_html_text('{{ config }} <b>“引题”</b>')
    '&#123;&#123; config &#125;&#125; &lt;b&gt;“引题”&lt;/b&gt;'
    """
    return text.translate(_HTML_ESCAPES)


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
        **{f.name: getattr(article.meta, f.name) for f in fields(article.meta)},
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


def render_article(article: Article, *, header: str = "", footer: str = "") -> str:
    """Markdown for one article: front matter, title block, body, captions where they stood.

    The site adds its links (date, themes, districts; related articles, previous
    and next) as ``header`` (after the title block) and ``footer`` (after the
    credits); the clean article written by ``python -m builder build`` has neither.
    """
    return render_front_matter(article) + render_body(article, header=header, footer=footer)


def render_front_matter(article: Article) -> str:
    """The YAML front matter block, '---' lines included, and the blank line after it."""
    dumped = dump_yaml(front_matter(article))
    return "---\n" + dumped.rstrip() + "\n---\n\n"


def dump_yaml(data: dict) -> str:
    """YAML as PyYAML's safe dumper writes it, fast: line by line from each value's cached form.

    Front matter is a flat mapping of field names to strings, numbers and
    lists of them, and its values repeat from article to article (themes,
    districts, columns, dates, tags, people).  Each distinct value is written
    by the dumper once (``_one_line``) and the lines are put together here;
    anything else (a nested mapping, a value the dumper writes on several
    lines, a very long one) goes to the dumper whole.  The output is the
    dumper's, byte for byte (tests/test_render.py compares them).

    >>> print(dump_yaml({"title": "劳模𠮷", "part": 1, "themes": ["渝工铸魂", "yes"]}), end="")
    title: 劳模𠮷
    part: 1
    themes:
    - 渝工铸魂
    - 'yes'
    """
    lines = []
    for key, value in data.items():
        if type(key) is not str or _one_line(key) != key:
            return dump_yaml_whole(data)
        if type(value) is list and value:
            items = [_one_line(item) for item in value]
            if None in items or max(map(len, items)) > _LONG_VALUE:
                return dump_yaml_whole(data)
            lines.append(f"{key}:")
            lines += [f"- {item}" for item in items]
        else:
            shown = _one_line(value)
            if shown is None or len(shown) > _LONG_VALUE:
                return dump_yaml_whole(data)
            lines.append(f"{key}: {shown}")
    return "\n".join(lines) + "\n" if lines else dump_yaml_whole(data)


_LONG_VALUE = 5_000     # far below the dumper's line width (10,000): no value near it is folded


def _one_line(value) -> str | None:
    """How the dumper writes one value after ``key: ``; None when that is not one line of a scalar.

    >>> _one_line("2024-02-19"), _one_line("渝工铸魂"), _one_line(True), _one_line(1)
    ("'2024-02-19'", '渝工铸魂', 'true', '1')
    >>> _one_line({"a": 1}) is None, _one_line("两行\\n文字") is None
    (True, True)
    """
    kind = type(value)
    return _yaml_scalar(kind, value) if kind in (str, int, float, bool) else None


@lru_cache(maxsize=1 << 16)
def _yaml_scalar(kind: type, value) -> str | None:
    # ``kind`` is part of the cache key so that True, 1 and 1.0 (equal in Python) stay apart
    dumped = dump_yaml_whole({"k": value})
    # NEL and the Unicode line separators break lines in YAML too: the indentation after them is the context's
    if not dumped.startswith("k: ") or dumped.count("\n") != 1 or any(c in dumped for c in "\x85\u2028\u2029"):
        return None
    return dumped[3:-1]


def dump_yaml_whole(data: dict) -> str:
    """YAML as PyYAML's safe dumper writes it: libyaml first, PyYAML's own where they would differ.

    libyaml is ten times faster but escapes characters PyYAML writes as they are
    (astral-plane CJK such as 𠮷, emoji, C1 controls); any backslash in its output
    sends the data to PyYAML, so the files never depend on which one ran.

    >>> print(dump_yaml_whole({"title": "劳模𠮷", "part": 1}), end="")
    title: 劳模𠮷
    part: 1
    """
    options = dict(allow_unicode=True, sort_keys=False, width=10_000)
    if _FastDumper is not None:
        dumped = yaml.dump(data, Dumper=_FastDumper, **options)
        if "\\" not in dumped:
            return dumped
    return yaml.dump(data, Dumper=yaml.SafeDumper, **options)


def split_front_matter(markdown: str) -> tuple[str, str]:
    r"""(front matter block, rest) of rendered Markdown, so the site can reuse the block as rendered.

    >>> split_front_matter("---\ntitle: 标题\n---\n\n# 标题\n")
    ('---\ntitle: 标题\n---\n\n', '# 标题\n')
    >>> split_front_matter("# 无\n")
    ('', '# 无\n')
    """
    if not markdown.startswith("---\n"):
        return "", markdown
    end = markdown.find("\n---\n", 3)
    if end < 0:
        return "", markdown
    cut = end + len("\n---\n")
    while markdown.startswith("\n", cut):
        cut += 1
    return markdown[:cut], markdown[cut:]


def render_body(article: Article, *, above: str = "", header: str = "", footer: str = "",
                photo_url: Callable[[str], str] | None = None, unphotographed: str = "") -> str:
    """Everything after the front matter: (above), title block, (header), body with captions, credits, (footer).

    ``photo_url`` turns a photo's site path into its URL from the page (raw
    HTML, which MkDocs does not rewrite); given it, a caption with a photo
    shows the photo.  Given ``unphotographed`` (a heading), the captions of
    photos the site does not have are gathered under it after the body, so a
    reader sees the printed captions for what they are, not empty frames.
    """
    lines = [above.rstrip(), ""] if above else []
    if article.kicker:
        lines += [f'<p class="article-kicker">{escape_html_text(article.kicker)}</p>', ""]
    lines += [f"# {escape_markdown(article.title)}", ""]
    # a headline the copy lost is shown in its subtitle's words (split._derived_title): not twice
    if article.subtitle and not (article.title_derived and article.subtitle.lstrip("—-– ") == article.title):
        lines += [f'<p class="article-subtitle">{escape_html_text(article.subtitle)}</p>', ""]
    for deck in article.deck:
        lines += [f'<p class="article-deck">{escape_html_text(deck)}</p>', ""]
    if header:
        lines += [header.rstrip(), ""]
    inline = (lambda cap: cap.photo is not None) if unphotographed else (lambda cap: True)
    lines += _captions_after(article, -1, photo_url, lambda cap: inline(cap) and not cap.file)
    if article.body_html:
        body = _fill_photo_slots(article, photo_url, inline)
        lines += [f'<div class="article-body-contributed">\n{body}\n</div>', ""]   # sanitized already
    for index, para in enumerate([] if article.body_html else article.body):
        text = escape_markdown(para.text)
        lines += [f"## {text}" if para.heading else text, ""]
        lines += _captions_after(article, index, photo_url, inline)
    gathered = [cap for _, cap in article.captions if not inline(cap)]
    if gathered:
        lines += [f'<aside class="print-captions" aria-label="{escape_html_text(unphotographed)}">'
                  f'<p class="print-captions-label">{escape_html_text(unphotographed)}</p><ol>'
                  + "".join(f"<li>{_caption_text(cap)}</li>" for cap in gathered) + "</ol></aside>", ""]
    credits = [*article.bylines, *article.credits]
    if credits:
        lines += ['<p class="article-credits">' + "<br>".join(escape_html_text(c) for c in credits) + "</p>", ""]
    if footer:
        lines += [footer.rstrip(), ""]
    return "\n".join(lines).rstrip() + "\n"


def _caption_text(cap) -> str:
    credit = f' <span class="caption-credit">（{escape_html_text(cap.credit)}）</span>' if cap.credit else ""
    return escape_html_text(cap.text) + credit


def _captions_after(article: Article, index: int, photo_url: Callable[[str], str] | None = None,
                    inline: Callable = lambda cap: True) -> list[str]:
    out = []
    for position, cap in article.captions:
        if position == index and inline(cap):
            out += [_figure(cap, photo_url), ""]
    return out


def _figure(cap, photo_url: Callable[[str], str] | None) -> str:
    picture = picture_html(cap.photo, photo_url, cap.text) if cap.photo and photo_url is not None else ""
    kind = "article-photo has-photo" if picture else "article-photo"
    return f'<figure class="{kind}">{picture}<figcaption>{_caption_text(cap)}</figcaption></figure>'


def _fill_photo_slots(article: Article, photo_url: Callable[[str], str] | None, inline: Callable) -> str:
    """A contributed body with its photos in the places it named them (a photo the site lacks: its caption
    goes with the others the site has no photo for)."""
    named = [cap for _, cap in article.captions if cap.file]
    return "\n".join(
        line for line in (
            PHOTO_SLOT.sub(lambda m: _figure(named[int(m.group(1))], photo_url)
                      if int(m.group(1)) < len(named) and inline(named[int(m.group(1))]) else "", row)
            for row in article.body_html.split("\n"))
        if line)


PHOTO_SIZES = "(max-width: 760px) 100vw, 720px"    # the article column is about 720 px wide at most


def picture_html(photo: Photo, url: Callable[[str], str], alt: str) -> str:
    """A photo in its web widths: WebP for browsers that read it, JPEG for the rest, loaded when scrolled to.

    >>> print(picture_html(Photo("ab12", 1200, 800, (480, 960, 1200)), lambda path: "../../../" + path, "职工<合影>"))
    <picture><source type="image/webp" srcset="../../../photos/ab12-480.webp 480w, ../../../photos/ab12-960.webp 960w, ../../../photos/ab12-1200.webp 1200w" sizes="(max-width: 760px) 100vw, 720px"><img src="../../../photos/ab12-960.jpg" srcset="../../../photos/ab12-480.jpg 480w, ../../../photos/ab12-960.jpg 960w, ../../../photos/ab12-1200.jpg 1200w" sizes="(max-width: 760px) 100vw, 720px" width="1200" height="800" loading="lazy" decoding="async" alt="职工&lt;合影&gt;"></picture>
    """
    def srcset(ext: str) -> str:
        return ", ".join(f"{url(photo.path(w, ext))} {w}w" for w in photo.widths)
    default = next((w for w in photo.widths if w >= 960), photo.widths[-1])
    return (f'<picture><source type="image/webp" srcset="{srcset("webp")}" sizes="{PHOTO_SIZES}">'
            f'<img src="{url(photo.path(default, "jpg"))}" srcset="{srcset("jpg")}" sizes="{PHOTO_SIZES}" '
            f'width="{photo.width}" height="{photo.height}" loading="lazy" decoding="async" '
            f'alt="{escape_html_text(alt)}"></picture>')
