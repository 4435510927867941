"""Readable, stable article URLs: ``articles/<year>/<date>-<pinyin-of-title>/``.

The URL depends on the article's date and title only, so it survives
rebuilds and rule changes that leave the title alone.  Two articles whose
URLs would collide both get published: the later one (in source order)
gets a numeric suffix.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable
from functools import lru_cache

from pypinyin import Style, lazy_pinyin

SLUG_MAX_CHARS = 60


@lru_cache(maxsize=1 << 16)
def syllables(text: str) -> tuple[str, ...]:
    """The pinyin of a text, one syllable per Han character, other runs as they are; cached.

    A name or tag is read many times in a build (every listing that links it),
    and pypinyin's lookup is the slow part of slugs and index letters.

    >>> syllables("重庆5G")
    ('chong', 'qing', '5G')
    """
    return tuple(lazy_pinyin(text, style=Style.NORMAL, errors="default"))


def slugify(title: str) -> str:
    """ASCII slug of a Chinese title: one pinyin syllable per character, joined by hyphens.

    Deliberately independent of word segmentation: a new dictionary word must
    not move an article to a new URL.

    >>> slugify("长寿区总工会“春送岗位”")
    'chang-shou-qu-zong-gong-hui-chun-song-gang-wei'
    >>> slugify("重庆45个站点入选全国“最美驿站”")
    'chong-qing-45-ge-zhan-dian-ru-xuan-quan-guo-zui-mei-yi-zhan'
    """
    words = []
    for syllable in syllables(title):
        word = re.sub(r"[^a-z0-9]+", "-", syllable.lower()).strip("-")
        if word:
            words.append(word)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > SLUG_MAX_CHARS:
            break
        slug = candidate
    return slug or "article"


def article_path(date: str | None, title: str) -> str:
    """The docs-relative path of an article's Markdown file.

    >>> article_path("2024-02-19", "企业生产忙 勤把安全抓")
    'articles/2024/2024-02-19-qi-ye-sheng-chan-mang-qin-ba-an-quan-zhua.md'
    >>> article_path(None, "企业生产忙")
    'articles/undated/qi-ye-sheng-chan-mang.md'
    """
    slug = slugify(title)
    if not date:
        return f"articles/undated/{slug}.md"
    return f"articles/{date[:4]}/{date}-{slug}.md"


def unique_paths(paths: Iterable[str]) -> list[str]:
    """Give colliding paths a suffix, in order: the first keeps its path.

    >>> unique_paths(["a/x.md", "a/y.md", "a/x.md"])
    ['a/x.md', 'a/y.md', 'a/x-2.md']
    """
    seen: set[str] = set()
    out = []
    for path in paths:
        candidate, n = path, 1
        while candidate.lower() in seen:
            n += 1
            candidate = f"{path[:-3]}-{n}.md"
        seen.add(candidate.lower())
        out.append(candidate)
    return out


def page_url(docs_path: str, directory_urls: bool = True) -> str:
    """The site-relative URL MkDocs gives a docs file (no leading slash; '' is the home page).

    Raw HTML (the SVG maps and charts) is not rewritten by MkDocs, so its links
    must already be final URLs, computed exactly as MkDocs computes them.

    >>> page_url("index.md"), page_url("themes/index.md"), page_url("themes/gangwan.md")
    ('', 'themes/', 'themes/gangwan/')
    >>> page_url("themes/gangwan.md", directory_urls=False), page_url("feed.xml")
    ('themes/gangwan.html', 'feed.xml')
    """
    if not docs_path.endswith(".md"):
        return docs_path
    stem = docs_path[:-3]
    if stem == "index" or stem.endswith("/index"):
        folder = stem[: -len("index")]
        return folder if directory_urls else folder + "index.html"
    return stem + "/" if directory_urls else stem + ".html"


def relative_url(from_docs_path: str, to_docs_path: str, directory_urls: bool = True) -> str:
    """A relative URL from one generated page to another, for raw HTML links.

    >>> relative_url("districts/index.md", "districts/beibei.md")
    'beibei/'
    >>> relative_url("stats/index.md", "districts/beibei.md")
    '../districts/beibei/'
    >>> relative_url("index.md", "index.md"), relative_url("themes/gangwan.md", "index.md")
    ('./', '../../')
    >>> relative_url("stats.md", "districts/beibei.md", directory_urls=False)
    'districts/beibei.html'
    """
    source = page_url(from_docs_path, directory_urls)
    target = page_url(to_docs_path, directory_urls)
    base = source.rsplit("/", 1)[0] if "/" in source else ""
    relative = posixpath.relpath(target or ".", base or ".")
    if target.endswith("/") or not target:
        relative = relative.rstrip("/") + "/" if relative != "." else "./"
    return relative


def docs_link(from_docs_path: str, to_docs_path: str) -> str:
    """A relative link between two docs files, as Markdown wants it (MkDocs checks and rewrites it).

    Both paths are normalised docs-relative paths (no '.' or '..'), so the
    link is the walk up from one folder and down into the other; cheaper than
    ``posixpath.relpath``, which matters for the tens of thousands of links
    of a large archive.

    >>> docs_link("articles/2024/a.md", "themes/gangwan.md")
    '../../themes/gangwan.md'
    >>> docs_link("index.md", "timeline/2024.md"), docs_link("articles/2023/a.md", "articles/2023/b.md")
    ('timeline/2024.md', 'b.md')
    >>> docs_link("articles/2023/a.md", "articles/2024/b.md")
    '../2024/b.md'
    """
    source = from_docs_path.split("/")[:-1]
    target = to_docs_path.split("/")
    common = 0
    while common < len(source) and common < len(target) - 1 and source[common] == target[common]:
        common += 1
    return "/".join([".."] * (len(source) - common) + target[common:])
