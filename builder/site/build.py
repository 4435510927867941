"""Every file of the reader's site that is generated, from the published articles.

``site_files`` is what the MkDocs plugin publishes: the article pages (with
their site links), the index pages, the home and statistics pages and the
Atom feeds.  Site-wide data (related articles, timeline neighbours) is
computed once here, in time roughly linear in the number of articles.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

import msgspec

from ..knowledge.taxonomy import load_themes
from .indexes import index_pages, theme_members
from .article import article_page
from .entries import Entry, site_data
from .feed import atom_feed
from .home import all_articles_pages, home_page
from .related import related_articles, timeline_neighbours
from .stats import stats_page


class PathWrittenTwice(ValueError):
    """Two generators produced the same file: one would silently replace the other."""


class SiteFiles:
    """The one writer the generators hand their files to; a path is written once.

    >>> files = SiteFiles()
    >>> files.add("home", {"index.md": "首页"})
    >>> files.add("listings", {"index.md": "专题"})
    Traceback (most recent call last):
    ...
    builder.site.build.PathWrittenTwice: index.md: written by home and again by listings
    """

    def __init__(self) -> None:
        self.files: dict[str, str] = {}
        self._writer: dict[str, str] = {}

    def add(self, generator: str, files: dict[str, str]) -> None:
        for path, content in files.items():
            if path in self._writer:
                raise PathWrittenTwice(f"{path}: written by {self._writer[path]} and again by {generator}")
            self._writer[path] = generator
            self.files[path] = content


def site_key(published: Sequence, settings: dict, code: str) -> str:
    """The key of the generated site: every published article (path and content), the site's settings, the code.

    ``site_files`` is a function of these alone (no clock, no file it reads
    besides the knowledge files the code fingerprint ``code`` covers), so a
    rebuild with the same key may reuse the files the last build generated.

    >>> from types import SimpleNamespace as Published
    >>> from builder.model import Article
    >>> one = [Published(article=Article("a.txt", 1, title="职工之家"), path="articles/a.md")]
    >>> other = [Published(article=Article("a.txt", 1, title="职工之家揭牌"), path="articles/a.md")]
    >>> site_key(one, {"site_name": "某某"}, "c") == site_key(one, {"site_name": "某某"}, "c")
    True
    >>> len({site_key(one, {}, "c"), site_key(other, {}, "c"), site_key(one, {"site_url": "x"}, "c"), site_key(one, {}, "d")})
    4
    """
    digest = hashlib.sha256(code.encode("utf-8"))
    digest.update(json.dumps(settings, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    # MessagePack of the typed records: every field, in a fixed order (the records hold no sets)
    digest.update(_encoder.encode([(p.path, p.article) for p in published]))
    return digest.hexdigest()


_encoder = msgspec.msgpack.Encoder()


def article_key(published, code: str) -> str:
    """The key of one article's rendered Markdown: the article (every field, its path too) and the code.

    >>> from types import SimpleNamespace as Published
    >>> from builder.model import Article
    >>> one = Published(article=Article("a.txt", 1, title="职工之家"), path="articles/a.md")
    >>> moved = Published(article=one.article, path="articles/b.md")
    >>> article_key(one, "c") == article_key(one, "c"), len({article_key(one, "c"), article_key(moved, "c"), article_key(one, "d")})
    (True, 3)
    """
    return hashlib.sha256(code.encode("utf-8") + b"\0" + _encoder.encode((published.path, published.article))).hexdigest()


def site_files(published: Sequence, *, site_url: str, site_name: str, site_description: str = "",
               directory_urls: bool = True) -> dict[str, str]:
    """docs-relative path → content of every generated file; ``published`` holds PublishedArticle.

    Each generator (article pages, listings, home, the all-articles pages,
    statistics, feeds) returns its own files; ``SiteFiles`` refuses a path
    two of them write.
    """
    entries = [Entry(p.article, p.path, p.markdown) for p in published]
    out = SiteFiles()
    out.add("article pages", article_pages(entries, directory_urls=directory_urls))
    out.add("listings", index_pages(entries, directory_urls=directory_urls))
    out.add("home page", {"index.md": home_page(entries, site_name=site_name, directory_urls=directory_urls)})
    out.add("all-articles pages", all_articles_pages(entries))
    out.add("statistics", {"stats/index.md": stats_page(entries, directory_urls=directory_urls)})
    if site_url:
        out.add("feeds", feeds(entries, site_url=site_url, site_name=site_name, site_description=site_description,
                               directory_urls=directory_urls))
    return out.files


def article_pages(entries: Sequence[Entry], directory_urls: bool = True) -> dict[str, str]:
    settings = site_data().get("related", {})
    related = related_articles(entries, weights=settings.get("weights", {"themes": 1.0}),
                               count=int(settings.get("count", 5)), window=int(settings.get("window", 40)),
                               min_score=float(settings.get("min_score", 1.0)))
    neighbours = timeline_neighbours(entries)
    return {e.path: article_page(e, related[e.path], *neighbours[e.path], directory_urls=directory_urls)
            for e in entries}


def feeds(entries: Sequence[Entry], *, site_url: str, site_name: str, site_description: str,
          directory_urls: bool = True) -> dict[str, str]:
    """The site's feed (feed.xml) and one per theme (feeds/<slug>.xml)."""
    settings = site_data().get("feed", {})
    limit = int(settings.get("entries", 20))
    suffix = settings.get("title_suffix", "")
    out = {"feed.xml": atom_feed(entries, site_url=site_url, feed_path="feed.xml",
                                 title=f"{site_name} · {suffix}" if suffix else site_name,
                                 subtitle=site_description, limit=limit, directory_urls=directory_urls)}
    themes = load_themes()
    members = theme_members(entries, themes)
    for theme in themes:
        out[f"feeds/{theme.slug}.xml"] = atom_feed(
            members[theme.name], site_url=site_url, feed_path=f"feeds/{theme.slug}.xml",
            title=f"{site_name} · {theme.name}", subtitle=theme.description,
            page_path=f"themes/{theme.slug}.md", limit=limit, directory_urls=directory_urls)
    return out
