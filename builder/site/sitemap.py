"""The sitemap as an index of parts, so a reader's browser never downloads a list of the whole archive.

Material's script fetches ``sitemap.xml`` beside the site's feed on every page
load (to map alternate pages).  With every URL in it, that file grows with
the archive (1.9 MB at 10,000 articles); as a sitemap index it names a few
parts and stays a few hundred bytes, while search engines follow the index
to every URL (the sitemaps.org protocol allows an index in place of a list).
"""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

from .listing import pages_of

NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
PART = "sitemaps/sitemap-{number}.xml"


def sitemap_urls(xml_text: str) -> list[tuple[str, str]]:
    """(loc, lastmod) of every URL of a sitemap, in its order.

    >>> sitemap_urls('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://a/x/</loc>'
    ...              '<lastmod>2026-12-02</lastmod></url><url><loc>http://a/</loc></url></urlset>')
    [('http://a/x/', '2026-12-02'), ('http://a/', '')]
    """
    root = ET.fromstring(xml_text)
    urls = []
    for url in root.iter(f"{{{NS}}}url"):
        loc = (url.findtext(f"{{{NS}}}loc") or "").strip()
        if loc:
            urls.append((loc, (url.findtext(f"{{{NS}}}lastmod") or "").strip()))
    return urls


def sitemap_index(urls: list[tuple[str, str]], base_url: str, per_part: int) -> dict[str, str]:
    """``sitemap.xml`` as an index and its parts of at most ``per_part`` URLs each (path → XML).

    >>> files = sitemap_index([("http://a/x/", "2026-12-02"), ("http://a/y/", ""), ("http://a/", "")], "http://a/", 2)
    >>> sorted(files)
    ['sitemap.xml', 'sitemaps/sitemap-1.xml', 'sitemaps/sitemap-2.xml']
    >>> print(files["sitemap.xml"])
    <?xml version="1.0" encoding="UTF-8"?>
    <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <sitemap><loc>http://a/sitemaps/sitemap-1.xml</loc><lastmod>2026-12-02</lastmod></sitemap>
    <sitemap><loc>http://a/sitemaps/sitemap-2.xml</loc></sitemap>
    </sitemapindex>
    <BLANKLINE>
    >>> files["sitemaps/sitemap-2.xml"].count("<url>")
    1
    """
    base = base_url if base_url.endswith("/") else base_url + "/"
    chunks = pages_of(urls, per_part)
    files: dict[str, str] = {}
    index = ['<?xml version="1.0" encoding="UTF-8"?>', f'<sitemapindex xmlns="{NS}">']
    for number, chunk in enumerate(chunks, 1):
        path = PART.format(number=number)
        lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<urlset xmlns="{NS}">']
        lines += [f"<url><loc>{escape(loc)}</loc>" + (f"<lastmod>{escape(mod)}</lastmod>" if mod else "") + "</url>"
                  for loc, mod in chunk]
        files[path] = "\n".join([*lines, "</urlset>", ""])
        newest = max((mod for _, mod in chunk if mod), default="")
        index.append(f"<sitemap><loc>{escape(base + path)}</loc>"
                     + (f"<lastmod>{escape(newest)}</lastmod>" if newest else "") + "</sitemap>")
    files["sitemap.xml"] = "\n".join([*index, "</sitemapindex>", ""])
    return files


def gzipped(text: str) -> bytes:
    """The gzip file MkDocs writes beside sitemap.xml, made reproducible (no timestamp in the header)."""
    return gzip.compress(text.encode("utf-8"), mtime=0)
