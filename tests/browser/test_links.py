"""Link checker over the whole built site: every internal link and anchor resolves; nothing loads from other hosts.

Parses the built HTML (no browser needed): each href/src of every page is
resolved the way a browser would, against the page's URL, and must name a
file of the site (a folder means its index.html) and, with a fragment, an
element id (or <a name>) of that file.  Feed entries must point at pages too.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

SITE_URL = "http://127.0.0.1:8000/"       # mkdocs.yml's default site_url, used by the site fixture
ATOM = "{http://www.w3.org/2005/Atom}"


class PageLinks(HTMLParser):
    """The links, loaded resources and ids of one HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []      # (tag, url)
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for key in ("id", "name") if tag == "a" else ("id",):
            if attributes.get(key):
                self.ids.add(attributes[key])
        rel = attributes.get("rel") or ""
        if tag in ("a", "link") and attributes.get("href") is not None:
            if tag == "link" and rel in ("canonical", "alternate") and attributes["href"].startswith("http"):
                return        # absolute addresses of this site, checked below with the feed
            self.links.append((tag, attributes["href"]))
        for key in ("src", "srcset") if tag in ("img", "script", "source", "iframe") else ():
            if attributes.get(key):
                self.links.append((tag, attributes[key]))


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@lru_cache(maxsize=None)
def parse(path: Path) -> PageLinks:
    parser = PageLinks()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def page_url(site: Path, path: Path) -> str:
    """The URL a page is served at: folders end in '/', as MkDocs links them."""
    relative = path.relative_to(site).as_posix()
    return "/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)


def target_file(site: Path, url_path: str) -> Path | None:
    """The file that answers a site path, as a static server finds it (folder → index.html)."""
    candidate = site / unquote(url_path).lstrip("/")
    if url_path.endswith("/") or candidate.is_dir():
        candidate = candidate / "index.html"
    return candidate if candidate.is_file() else None


def broken_links(site: Path) -> list[str]:
    problems = []
    for path in html_files(site):
        base = "http://site" + page_url(site, path)
        for tag, url in parse(path).links:
            if url.startswith(("mailto:", "tel:", "data:", "javascript:")) or url == "":
                continue
            absolute = urljoin(base, url)
            parts = urlsplit(absolute)
            if parts.netloc != "site":
                problems.append(f"{path.relative_to(site)}: {tag} leaves the site: {url}")
                continue
            target = target_file(site, parts.path)
            if target is None:
                problems.append(f"{path.relative_to(site)}: broken link {url}")
            elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in parse(target).ids:
                problems.append(f"{path.relative_to(site)}: missing anchor {url}")
    return problems


def test_every_internal_link_and_anchor_of_the_site_resolves(built_site):
    assert len(html_files(built_site)) > 50
    assert broken_links(built_site) == []


def test_the_checker_finds_a_broken_link_and_a_missing_anchor(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "index.html").write_text('<a href="a/">ok</a><a href="b/">gone</a><a href="a/#x">no anchor</a>'
                                         '<p id="top"></p><a href="#top">ok</a>'
                                         '<script src="https://cdn.example.com/x.js"></script>', encoding="utf-8")
    (tmp_path / "a" / "index.html").write_text('<h1 id="y">a</h1>', encoding="utf-8")
    parse.cache_clear()
    assert broken_links(tmp_path) == ["index.html: broken link b/", "index.html: missing anchor a/#x",
                                      "index.html: script leaves the site: https://cdn.example.com/x.js"]
    parse.cache_clear()


def test_the_pages_the_reader_needs_are_there(built_site):
    for page in ("index.html", "themes/index.html", "themes/gangwan/index.html", "districts/index.html",
                 "districts/quanshi/index.html", "timeline/index.html", "timeline/2023/index.html",
                 "people/index.html", "tags/index.html", "stats/index.html", "about/index.html", "sitemap.xml",
                 "feed.xml", "feeds/gangwan.xml"):
        assert (built_site / page).is_file(), page


@pytest.mark.parametrize("feed", ["feed.xml", "feeds/zhuhun.xml"])
def test_feed_entries_point_at_pages_of_the_site(built_site, feed):
    root = ET.parse(built_site / feed).getroot()
    entries = root.findall(f"{ATOM}entry")
    assert entries
    for entry in entries:
        href = entry.find(f"{ATOM}link").get("href")
        assert href.startswith(SITE_URL)
        assert target_file(built_site, "/" + href[len(SITE_URL):]) is not None, href


def test_sitemap_lists_article_pages_with_absolute_addresses(built_site):
    parts = re.findall(r"<loc>([^<]+)</loc>", (built_site / "sitemap.xml").read_text(encoding="utf-8"))
    assert parts and all(loc.startswith(SITE_URL + "sitemaps/") for loc in parts)     # an index of parts
    locations = [loc for part in parts
                 for loc in re.findall(r"<loc>([^<]+)</loc>",
                                       (built_site / part[len(SITE_URL):]).read_text(encoding="utf-8"))]
    assert any("/articles/" in loc for loc in locations)
    assert all(loc.startswith(SITE_URL) for loc in locations)
    for loc in locations:
        assert target_file(built_site, "/" + loc[len(SITE_URL):]) is not None, loc


def test_article_pages_do_not_list_the_archive(built_site):
    """An article page links to a handful of articles (related, previous/next), never to all of them."""
    for path in (built_site / "articles").rglob("index.html"):
        article_links = {url for tag, url in parse(path).links if tag == "a" and "articles/" in urljoin(
            "http://site" + page_url(built_site, path), url) and not url.startswith("#")}
        assert len(article_links) <= 5 + 2 + 1, path       # related + previous/next + itself (skip link)
