"""Atom feeds (RFC 4287) of the newest articles: one for the site, one per theme.

Built with ElementTree, so every title and summary is XML-escaped.  Links
are absolute (from the configured site URL).  A date known only to the month
or year is given as its first day, the precision Atom cannot express;
undated articles are left out of feeds.  Nothing depends on the build time,
so two builds of the same archive give the same feed.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence

from ..urls import page_url
from .entries import Entry, newest_first

ATOM = "http://www.w3.org/2005/Atom"
TIMEZONE = "+08:00"          # the newspaper's dates are Beijing time
NO_DATE = "1970-01-01T00:00:00Z"


def atom_time(date: str) -> str:
    """An RFC 3339 timestamp for a date of any precision (the first day of a month or year).

    >>> atom_time("2024-02-19"), atom_time("2023-12"), atom_time("2024")
    ('2024-02-19T00:00:00+08:00', '2023-12-01T00:00:00+08:00', '2024-01-01T00:00:00+08:00')
    """
    parts = date.split("-") + ["01"] * (3 - len(date.split("-")))
    return f"{parts[0]}-{parts[1]}-{parts[2]}T00:00:00{TIMEZONE}"


def absolute(site_url: str, docs_path: str, directory_urls: bool = True) -> str:
    """The absolute URL of a docs file.

    >>> absolute("https://example.org/gh/", "articles/2024/a.md")
    'https://example.org/gh/articles/2024/a/'
    """
    return site_url.rstrip("/") + "/" + page_url(docs_path, directory_urls)


def atom_feed(entries: Sequence[Entry], *, site_url: str, feed_path: str, title: str, subtitle: str,
              page_path: str = "index.md", limit: int = 20, directory_urls: bool = True) -> str:
    """The Atom document of the ``limit`` newest dated articles among ``entries``."""
    ET.register_namespace("", ATOM)
    latest = [e for e in newest_first(entries) if e.date][:limit]
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "zh-CN"})
    _text(feed, "title", title)
    if subtitle:
        _text(feed, "subtitle", subtitle)
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", type="application/atom+xml",
                  href=absolute(site_url, feed_path, directory_urls))
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", type="text/html",
                  href=absolute(site_url, page_path, directory_urls))
    _text(feed, "id", absolute(site_url, feed_path, directory_urls))
    _text(feed, "updated", atom_time(latest[0].date) if latest else NO_DATE)
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", title.split(" · ")[0])
    for entry in latest:
        feed.append(feed_entry(entry, site_url, directory_urls))
    ET.indent(feed)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def feed_entry(entry: Entry, site_url: str, directory_urls: bool = True) -> ET.Element:
    element = ET.Element(f"{{{ATOM}}}entry")
    url = absolute(site_url, entry.path, directory_urls)
    _text(element, "title", entry.title)
    ET.SubElement(element, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=url)
    _text(element, "id", url)
    _text(element, "published", atom_time(entry.date))
    _text(element, "updated", atom_time(entry.date))
    for name in entry.values("authors"):
        _text(ET.SubElement(element, f"{{{ATOM}}}author"), "name", name)
    for theme in entry.values("themes"):
        ET.SubElement(element, f"{{{ATOM}}}category", term=theme)
    description = entry.article.meta.description
    if description:
        _text(element, "summary", description)
    return element


def _text(parent: ET.Element, tag: str, text: str) -> ET.Element:
    child = ET.SubElement(parent, f"{{{ATOM}}}{tag}")
    child.text = text
    return child
