"""Contributed Markdown → safe HTML: Python-Markdown renders it, nh3 (Ammonia) keeps only an allow-list.

A contributor writes CommonMark-style Markdown: headings, emphasis, lists,
block quotes, tables, code and links.  It renders; everything else goes.

    **加粗** [通知](https://example.org/a)   →  <strong>加粗</strong> <a href="https://example.org/a" …>通知</a>
    <script>…</script>, onerror=…           →  removed by the sanitizer
    [点我](javascript:…), [图](data:…)       →  the link text alone, and a warning naming the line
    ![照片](photo.jpg)                       →  the image's alt text, and a warning (images are not published
                                               from articles yet; a picture from another host never is)

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
class Markup:
    html: str                           # sanitized, one block of HTML with no blank line inside
    paragraphs: list[Para]              # the plain text of each block, for enrichment and search
    problems: list[tuple[int, str]]     # (line of the article, what was removed)


def render_contribution(body: str, first_line: int = 1) -> Markup:
    """Render a contributed body; ``first_line`` is the body's first line in the file (for messages).

    >>> m = render_contribution("**加粗**和[通知](https://example.org/a)\\n\\n- 一\\n- 二")
    >>> m.html
    '<p><strong>加粗</strong>和<a href="https://example.org/a" rel="noopener noreferrer nofollow">通知</a></p>\\n<ul>\\n<li>一</li>\\n<li>二</li>\\n</ul>'
    >>> [p.text for p in m.paragraphs]
    ['加粗和通知', '一', '二']
    >>> render_contribution("[点我](javascript:alert(1))<script>alert(2)</script>", 7).html
    '<p><a rel="noopener noreferrer nofollow">点我</a></p>'
    >>> render_contribution("a\\n\\n[点我](javascript:alert(1))", 7).problems
    [(9, "a link to 'javascript:alert(1)' was removed: only http, https, mailto and links within the site are published")]
    """
    raw = markdown.markdown(body, extensions=["tables", "sane_lists"], output_format="html")
    # the page's title is its only h1: a contributor's top-level heading is a section heading
    raw = raw.replace("<h1>", "<h2>").replace("</h1>", "</h2>")
    problems = [(first_line + _line_of(body, url), why) for url, why in _unsafe_urls(raw)]
    safe = nh3.clean(raw, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES, url_schemes=LINK_SCHEMES,
                     link_rel="noopener noreferrer nofollow", strip_comments=True,
                     filter_style_properties={"text-align"})
    safe = _join_cjk_lines(safe).replace("<p></p>", "")
    # one HTML block for the page's Markdown: no blank line inside it, no template braces
    safe = "\n".join(line for line in safe.split("\n") if line.strip()).replace("{", "&#123;").replace("}", "&#125;")
    return Markup(safe, _TextBlocks.read(safe, first_line), problems)


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
            elif tag == "img":
                url = values.get("src") or ""
                found.append((url, f"the image '{url}' is not published (articles show no pictures yet; "
                                   "the site never loads one from another host)"))

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
