"""Contributed Markdown → safe HTML: Python-Markdown renders it, nh3 (Ammonia) keeps only an allow-list.

A contributor writes CommonMark-style Markdown: headings, emphasis, lists,
block quotes, tables, code and links.  It renders; everything else goes.

    **加粗** [通知](https://example.org/a)   →  <strong>加粗</strong> <a href="https://example.org/a" …>通知</a>
    <script>…</script>, onerror=…           →  removed by the sanitizer
    [点我](javascript:…), [图](data:…)       →  the link text alone, and a warning naming the line
    ![职工合影](稿件.photos/01.jpg)           →  a photo of the article's own folder: its place is kept
                                               (``PhotoRef``) and ``builder.photos`` publishes it
    ![照片](https://…), ![照片](../x.jpg)    →  removed, with a warning (the site never loads a picture
                                               from another host, nor a file outside the article's folder)

The sanitizer is the only thing that decides what HTML survives; this module
only finds the lines of removed links so the contributor is told where.  Braces
become entities, as everywhere on the site, so no template engine sees ``{{``.
The plain text of each block (paragraph, heading, list item, cell) is returned
too: enrichment, search and summaries read it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

import markdown
import nh3

from .model import Para

ALLOWED_TAGS = {
    "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "em", "b", "i", "del", "s", "sub", "sup",
    "ul", "ol", "li", "blockquote", "pre", "code", "a", "table", "thead", "tbody", "tr", "th", "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"align", "style"}, "td": {"align", "style"}, "ol": {"start"}}
LINK_SCHEMES = {"http", "https", "mailto"}
_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "th", "td", "pre", "blockquote"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


@dataclass(frozen=True)
class PhotoRef:
    """An image of the contributor's own photo folder, where the body shows it."""

    file: str                           # the path as written, relative to the article: 稿件.photos/01.jpg
    alt: str                            # its alt text, the photo's caption
    line: int                           # the line of the article that names it


@dataclass(frozen=True)
class Markup:
    html: str                           # sanitized, one block of HTML with no blank line inside
    paragraphs: list[Para]              # the plain text of each block, for enrichment and search
    problems: list[tuple[int, str]]     # (line of the article, what was removed)
    photos: tuple[PhotoRef, ...] = ()   # in body order; ``photo_slot(n)`` in ``html`` marks where each stands


# a photo's place in the sanitized HTML: private-use characters no text holds (they are removed from the input)
_SLOT_OPEN, _SLOT_CLOSE = "\ue000", "\ue001"
PHOTO_SLOT = re.compile(f"{_SLOT_OPEN}(\\d+){_SLOT_CLOSE}")
_IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)


def photo_slot(number: int) -> str:
    """The mark standing in the HTML where photo ``number`` (0-based) goes; render puts the figure there."""
    return f"{_SLOT_OPEN}{number}{_SLOT_CLOSE}"


def render_contribution(body: str, first_line: int = 1, photo_folder: str = "") -> Markup:
    """Render a contributed body; ``first_line`` is the body's first line in the file (for messages).

    ``photo_folder`` is the article's own folder of photos (``稿件.photos``):
    an image there keeps its place; any other image is removed, with a warning.

    >>> m = render_contribution("**加粗**和[通知](https://example.org/a)\\n\\n- 一\\n- 二")
    >>> m.html
    '<p><strong>加粗</strong>和<a href="https://example.org/a" rel="noopener noreferrer nofollow">通知</a></p>\\n<ul>\\n<li>一</li>\\n<li>二</li>\\n</ul>'
    >>> [p.text for p in m.paragraphs]
    ['加粗和通知', '一', '二']
    >>> render_contribution("[点我](javascript:alert(1))<script>alert(2)</script>", 7).html
    '<p><a rel="noopener noreferrer nofollow">点我</a></p>'
    >>> render_contribution("a\\n\\n[点我](javascript:alert(1))", 7).problems
    [(9, "a link to 'javascript:alert(1)' was removed: only http, https, mailto and links within the site are published")]
    >>> m = render_contribution("正文。\\n\\n![职工合影](稿件.photos/01.jpg)\\n\\n![外链](https://example.org/a.jpg)", 5, "稿件.photos")
    >>> m.html.replace(photo_slot(0), "[photo 0]"), m.photos
    ('<p>正文。</p>\\n[photo 0]', (PhotoRef(file='稿件.photos/01.jpg', alt='职工合影', line=7),))
    >>> m.problems
    [(9, "the image 'https://example.org/a.jpg' is not published: the site shows only the photos in 稿件.photos/")]
    """
    body = body.replace(_SLOT_OPEN, "").replace(_SLOT_CLOSE, "")
    raw = markdown.markdown(body, extensions=["tables", "sane_lists"], output_format="html")
    # the page's title is its only h1: a contributor's top-level heading is a section heading
    raw = raw.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    problems = [(first_line + _line_of(body, url), why) for url, why in _unsafe_urls(raw)]
    photos: list[PhotoRef] = []

    def keep_photo(match: re.Match[str]) -> str:
        values = _attributes(match.group(0))
        src, alt = values.get("src") or "", values.get("alt") or ""
        if not _in_folder(src, photo_folder):
            shown = photo_folder + "/" if photo_folder else "the article's own folder"
            problems.append((first_line + _line_of(body, src),
                             f"the image '{src}' is not published: the site shows only the photos in {shown}"))
            return ""
        photos.append(PhotoRef(src, alt.strip(), first_line + _line_of(body, src)))
        return photo_slot(len(photos) - 1)

    raw = _IMG_TAG.sub(keep_photo, raw)
    problems.sort()
    safe = nh3.clean(raw, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=LINK_SCHEMES,
                     link_rel="noopener noreferrer nofollow", strip_comments=True,
                     filter_style_properties={"text-align"})
    safe = _own_blocks(_join_cjk_lines(safe)).replace("<p></p>", "")
    # one HTML block for the page's Markdown: no blank line inside it, no template braces
    safe = "\n".join(line for line in safe.split("\n") if line.strip()).replace("{", "&#123;").replace("}", "&#125;")
    return Markup(safe, _TextBlocks.read(PHOTO_SLOT.sub("", safe), first_line), problems, tuple(photos))


def _attributes(tag: str) -> dict[str, str]:
    found: dict[str, str] = {}

    class Reader(HTMLParser):
        def handle_starttag(self, name, attrs):
            found.update((k, v or "") for k, v in attrs)

    Reader().feed(tag)
    return found


def _in_folder(src: str, folder: str) -> bool:
    """A relative path inside the article's photo folder, with nothing climbing out of it.

    >>> _in_folder("稿件.photos/01.jpg", "稿件.photos"), _in_folder("稿件.photos/../x.jpg", "稿件.photos")
    (True, False)
    >>> _in_folder("https://example.org/01.jpg", "稿件.photos"), _in_folder("01.jpg", "")
    (False, False)
    """
    if not folder or urlsplit(src).scheme or src.startswith(("/", "\\")) or "\\" in src:
        return False
    parts = src.split("/")
    return len(parts) >= 2 and parts[0] == folder and all(p not in ("", ".", "..") for p in parts[1:])


def _own_blocks(html: str) -> str:
    """Each photo on a line of its own, outside any paragraph: a figure may not stand inside a <p>.

    >>> _own_blocks("<p>前文" + photo_slot(0) + "后文</p>") == "<p>前文</p>\\n" + photo_slot(0) + "\\n<p>后文</p>"
    True
    >>> _own_blocks("<p>" + photo_slot(1) + "</p>") == photo_slot(1)
    True
    """
    out, last = [], 0
    for match in PHOTO_SLOT.finditer(html):
        upto = html[:match.start()]
        out.append(html[last:match.start()])
        if upto.rfind("<p>") > upto.rfind("</p>"):
            # close the paragraph around the photo and open it again after
            out.append(f"</p>\n{match.group(0)}\n<p>")
        else:
            out.append(match.group(0))
        last = match.end()
    out.append(html[last:])
    return "".join(out).replace("<p></p>\n", "").replace("\n<p></p>", "")


_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_BREAK = re.compile(f"(?<=[{_CJK}>])\n(?=[{_CJK}])|(?<=[{_CJK}])\n(?=<)")
_PRE = re.compile(r"(<pre>.*?</pre>)", re.S)


def _join_cjk_lines(html: str) -> str:
    """A line break inside a paragraph is a space only between Latin words: 写完。⏎下一句 → 写完。下一句.

    >>> _join_cjk_lines("<p>第一行<strong>粗</strong>\\n第二行\\nnext line</p><pre>代码\\n代码</pre>")
    '<p>第一行<strong>粗</strong>第二行\\nnext line</p><pre>代码\\n代码</pre>'
    """
    return "".join(part if part.startswith("<pre>") else _CJK_BREAK.sub("", part) for part in _PRE.split(html))


def _line_of(body: str, url: str) -> int:
    at = body.find(url)
    return body.count("\n", 0, at) if at >= 0 else 0


def _unsafe_urls(html: str) -> list[tuple[str, str]]:
    """Links the sanitizer will drop and every image, with why (read from the rendered, unsanitized HTML)."""
    found: list[tuple[str, str]] = []

    class Finder(HTMLParser):
        def handle_starttag(self, tag, attrs):
            values = dict(attrs)
            if tag == "a" and values.get("href"):
                url = values["href"]
                scheme = urlsplit(url).scheme.lower()
                if scheme and scheme not in LINK_SCHEMES:
                    found.append((url, f"a link to '{url}' was removed: only http, https, mailto and links "
                                       "within the site are published"))

    Finder().feed(html)
    return found


class _TextBlocks(HTMLParser):
    """The text of each innermost block element of sanitized HTML, in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[list] = []       # [tag, text parts] of the open blocks
        self.out: list[tuple[str, str]] = []

    @classmethod
    def read(cls, html: str, line: int) -> list[Para]:
        reader = cls()
        reader.feed(html)
        reader.close()
        return [Para(text, line, line, heading=tag in _HEADINGS) for tag, text in reader.out]

    def handle_starttag(self, tag, attrs):
        if tag in _BLOCKS:
            if self.stack:
                self._flush()
            self.stack.append([tag, []])

    def handle_endtag(self, tag):
        if tag in _BLOCKS and self.stack:
            self._flush()
            self.stack.pop()

    def handle_data(self, data):
        if self.stack:
            self.stack[-1][1].append(data)

    def _flush(self):
        tag, parts = self.stack[-1]
        text = " ".join("".join(parts).split())
        if text:
            self.out.append((tag, text))
        parts.clear()
