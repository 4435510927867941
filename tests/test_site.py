"""The built site as a whole: strict build, no other hosts, articles out of the menu, reproducible."""

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

from tests.conftest import ROOT

LOADING = {("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src"),
           ("video", "src"), ("audio", "src"), ("embed", "src"), ("object", "data"), ("use", "href")}


class Loads(HTMLParser):
    """Collect every URL an HTML page makes the browser fetch (not plain links)."""

    def __init__(self):
        super().__init__()
        self.urls, self.nav_links, self.lang = [], [], None
        self._in_nav = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag == "link" and attrs.get("rel") in ("canonical", "alternate", "prev", "next"):
            pass                       # a link relation, not a download
        else:
            for element, attribute in LOADING:
                if tag == element and attrs.get(attribute):
                    self.urls.append(attrs[attribute])
        if tag == "nav" and "md-nav--primary" in (attrs.get("class") or ""):
            self._in_nav += 1
        elif tag == "nav" and self._in_nav:
            self._in_nav += 1
        if tag == "a" and self._in_nav:
            self.nav_links.append(attrs.get("href", ""))

    def handle_endtag(self, tag):
        if tag == "nav" and self._in_nav:
            self._in_nav -= 1


def parse(path: Path) -> Loads:
    parser = Loads()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_no_page_loads_anything_from_another_host(built_site):
    pages = list(built_site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        for url in parse(page).urls:
            assert not re.match(r"^(https?:)?//", url), f"{page.relative_to(built_site)} loads {url}"
    for css in built_site.rglob("*.css"):
        for url in re.findall(r"url\(([^)]+)\)", css.read_text(encoding="utf-8")):
            assert not re.match(r"^['\"]?(https?:)?//", url), f"{css.name} loads {url}"


def test_pages_are_chinese_and_articles_are_not_in_the_menu(built_site):
    home = parse(built_site / "index.html")
    assert home.lang == "zh"
    assert home.nav_links and not [link for link in home.nav_links if "articles/" in link]
    article = next((built_site / "articles").rglob("index.html"))
    assert parse(article).lang == "zh"
    assert not [link for link in parse(article).nav_links if "articles/" in link]


def test_every_article_has_a_page(built_site, seed_build):
    for published in seed_build.articles:
        page = built_site / published.path.replace(".md", "/index.html")
        assert page.is_file(), published.path
        assert published.article.title.split(" ")[0] in page.read_text(encoding="utf-8")


def test_two_site_builds_are_byte_identical(built_site, tmp_path):
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000", NO_MKDOCS_2_WARNING="1")
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path)],
                         cwd=ROOT, capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr[-2000:]
    first = {p.relative_to(built_site): p.read_bytes() for p in built_site.rglob("*") if p.is_file()}
    second = {p.relative_to(tmp_path): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [str(k) for k in first if first[k] != second[k]] == []


def test_the_sitemap_is_a_small_index_whose_parts_name_every_page(built_site):
    import gzip
    import xml.etree.ElementTree as ET

    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    index = ET.parse(built_site / "sitemap.xml").getroot()
    assert index.tag == f"{ns}sitemapindex"
    assert gzip.decompress((built_site / "sitemap.xml.gz").read_bytes()) == (built_site / "sitemap.xml").read_bytes()
    listed = set()
    for part in index.iter(f"{ns}loc"):
        path = built_site / part.text.split("/", 3)[3]
        listed |= {loc.text.split("/", 3)[3] for loc in ET.parse(path).getroot().iter(f"{ns}loc")}
    pages = {str(p.relative_to(built_site).parent) + "/" for p in built_site.rglob("index.html")}
    pages = {"" if p == "./" else p for p in pages}
    assert pages - {"review/"} <= listed
    assert (built_site / "sitemap.xml").stat().st_size < 1000


def test_the_404_page_is_chinese_with_a_search_box_and_the_sections(built_site):
    page = (built_site / "404.html").read_text(encoding="utf-8")
    body = page.split('<article', 1)[1]
    assert "找不到这个页面" in body and "Not found" not in body
    assert re.search(r'<form class="not-found-search" action="/search/" method="get"', body)
    assert '<input id="not-found-q" type="search" name="q"' in body
    for name, url in (("专题", "/themes/"), ("区县", "/districts/"), ("时间线", "/timeline/"), ("回到首页", "/.")):   # "/." is "/", as Material links it
        assert f'<a href="{url}">{name}</a>' in body


def test_properdocs_publishes_the_same_site_from_the_same_config(built_site, tmp_path):
    """ProperDocs (the continuation of MkDocs 1.6) is the way off MkDocs if 1.x stops working:
    the same mkdocs.yml must give the same pages, byte for byte but for the generator's name."""
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000", DISABLE_MKDOCS_2_WARNING="true")
    run = subprocess.run([sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml",
                          "--site-dir", str(tmp_path)], cwd=ROOT, capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr[-2000:]
    generator = re.compile(rb'<meta name="generator" content="[^"]*">')

    def tree(root: Path) -> dict[str, bytes]:
        return {str(p.relative_to(root)): generator.sub(b"", p.read_bytes()) for p in root.rglob("*") if p.is_file()}

    mkdocs_site, properdocs_site = tree(built_site), tree(tmp_path)
    assert sorted(mkdocs_site) == sorted(properdocs_site)
    assert [name for name in mkdocs_site if mkdocs_site[name] != properdocs_site[name]] == []
    assert b"ProperDocs" in (tmp_path / "index.html").read_bytes()   # it really was the other engine

