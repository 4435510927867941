"""Listings readers page through: a fixed number of articles per page, numbered pages, stable URLs.

Every list of articles the site shows (a theme, a district, 全市, a year, a
month, a person, a tag) is a ``Listing``; ``listing_pages`` cuts it into pages
of ``per_page`` items.  The first page keeps the listing's own URL
(``themes/zhuhun/``) and the others follow it (``themes/zhuhun/page/2/``),
so a listing's address never changes as it grows, and no page grows with the
archive.  Group headings (a year, a month) repeat at the top of a page where
their group continues, so every page reads on its own.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..render import escape_markdown
from ..urls import docs_link
from .entries import Entry, article_item, front_matter, listing_setting, site_text


@dataclass(frozen=True)
class Listing:
    """One list of articles and what stands above it on its first page."""

    path: str                                   # docs path of the first page: 'themes/zhuhun.md'
    title: str                                  # '渝工铸魂'
    entries: Sequence[Entry]                    # in the order they are listed
    intro: Sequence[str] = ()                   # Markdown lines under the heading, first page only
    description: str = ""                       # the page's description (meta tags)
    group: Callable[[Entry], str] | None = None  # the heading an entry is listed under (its year, its month)


def pages_of(items: Sequence, size: int) -> list[list]:
    """``items`` cut into pages of at most ``size``, in order; nothing to list is one empty page.

    >>> pages_of([1, 2, 3], 2), pages_of([], 2)
    ([[1, 2], [3]], [[]])
    """
    return [list(items[i:i + size]) for i in range(0, len(items), size)] or [[]]


def per_page() -> int:
    """Articles on one page of a listing (``listing.per_page`` in data/site.yaml)."""
    return listing_setting("per_page", 20)


def page_path(first: str, number: int) -> str:
    """The docs path of page ``number`` of the listing whose first page is ``first``.

    >>> page_path("themes/zhuhun.md", 1), page_path("themes/zhuhun.md", 2)
    ('themes/zhuhun.md', 'themes/zhuhun/page/2.md')
    >>> page_path("timeline/2024/12.md", 3), page_path("people/index.md", 2)
    ('timeline/2024/12/page/3.md', 'people/page/2.md')
    """
    if number == 1:
        return first
    stem = first[: -len("index.md")].rstrip("/") if first.endswith("index.md") else first[:-3]
    return f"{stem}/page/{number}.md" if stem else f"page/{number}.md"


def page_numbers(current: int, total: int, around: int = 2) -> list[int | None]:
    """The page numbers a pager shows: first, last, and ``around`` either side of the current one; None is a gap.

    | current | total | shown |
    | --- | --- | --- |
    | 1 | 3 | 1 2 3 |
    | 6 | 20 | 1 … 4 5 6 7 8 … 20 |
    | 19 | 20 | 1 … 17 18 19 20 |

    >>> page_numbers(1, 3), page_numbers(6, 20), page_numbers(19, 20)
    ([1, 2, 3], [1, None, 4, 5, 6, 7, 8, None, 20], [1, None, 17, 18, 19, 20])
    >>> page_numbers(4, 7)
    [1, 2, 3, 4, 5, 6, 7]
    """
    shown = sorted({1, total, *range(max(1, current - around), min(total, current + around) + 1)})
    out: list[int | None] = []
    for number in shown:
        if out and number - out[-1] == 2:       # a gap of one page: show the page, not '…'
            out.append(number - 1)
        elif out and number - out[-1] > 2:
            out.append(None)
        out.append(number)
    return out


def pager(first: str, current: int, total: int) -> str:
    """The numbered pager of one page: 上一页 · 1 … 4 5 6 … 20 · 下一页 (nothing for a one-page listing).

    >>> print(pager("themes/zhuhun.md", 2, 3))
    <nav class="listing-pager" aria-label="分页" markdown>
    [上一页](../../zhuhun.md){: .pager-prev rel=prev } [1](../../zhuhun.md) <span class="pager-current" aria-current="page">2</span> [3](3.md) [下一页](3.md){: .pager-next rel=next }
    </nav>
    """
    if total <= 1:
        return ""
    texts = site_text("pager")
    here = page_path(first, current)

    def link(number: int) -> str:
        return docs_link(here, page_path(first, number))

    parts = []
    if current > 1:
        parts.append(f"[{texts['previous']}]({link(current - 1)}){{: .pager-prev rel=prev }}")
    for number in page_numbers(current, total):
        if number is None:
            parts.append('<span class="pager-gap">…</span>')
        elif number == current:
            parts.append(f'<span class="pager-current" aria-current="page">{number}</span>')
        else:
            parts.append(f"[{number}]({link(number)})")
    if current < total:
        parts.append(f"[{texts['next']}]({link(current + 1)}){{: .pager-next rel=next }}")
    return f'<nav class="listing-pager" aria-label="{texts["label"]}" markdown>\n' + " ".join(parts) + "\n</nav>"


def listing_pages(listing: Listing, size: int | None = None) -> dict[str, str]:
    """Every page of a listing, keyed by docs path; an empty listing is one page that says so."""
    size = size or per_page()
    texts = site_text("listing")
    chunks = pages_of(listing.entries, size)
    total = len(chunks)
    pages = {}
    for number, chunk in enumerate(chunks, 1):
        path = page_path(listing.path, number)
        heading = listing.title if number == 1 else texts["page_title"].format(title=listing.title, number=number)
        lines = front_matter(title=heading, description=listing.description)
        lines += [f"# {escape_markdown(heading)}", ""]
        if number == 1:
            lines += [*listing.intro, ""] if listing.intro else []
        else:
            lines += [texts["page_of"].format(number=number, total=total, count=len(listing.entries),
                                              first=docs_link(path, listing.path),
                                              title=escape_markdown(listing.title)), ""]
        lines += item_lines(path, chunk, listing.group) if chunk else [texts["empty"], ""]
        navigation = pager(listing.path, number, total)
        if navigation:
            lines += [navigation, ""]
        pages[path] = "\n".join(lines).rstrip() + "\n"
    return pages


def item_lines(page: str, entries: Sequence[Entry], group: Callable[[Entry], str] | None) -> list[str]:
    """The items of one page, under a level-2 heading per group when the listing is grouped."""
    lines: list[str] = []
    current = None
    for entry in entries:
        heading = group(entry) if group else None
        if not lines or heading != current:       # the first item, or a new group: open a list
            if lines:
                lines += ["", "</div>", ""]
            lines += [f"## {heading}", ""] if heading else []
            lines += ['<div class="article-list" markdown>', ""]
            current = heading
        lines.append(article_item(page, entry, summary=True))
    return [*lines, "", "</div>", ""]
