"""A hostile contribution built into a real site: every piece of its text is escaped exactly once, everywhere.

Builds this repository's site configuration (mkdocs.yml, docs/, overrides/)
over a seeds folder holding one contributed article whose every field tries
to inject markup, then reads the HTML as a browser would: the text of its
fields must come back exactly as written (not lost, not double-escaped), its
Markdown body without what the sanitizer removes, and no element may come
from it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

TITLE = '<script>alert("t")</script> & “引号” {{ config }}'
DESCRIPTION = '"><script>alert(3)</script> 摘要 & 更多'
TAG = "<img src=x onerror=alert(1)>"
PERSON = "<i>张三</i>"
CAPTION = "<svg onload=alert(4)>图片"
CONTRIBUTION = f"""---
title: '{TITLE}'
date: 2024-03-01
column: '<b>栏目</b>'
themes: [渝工港湾]
districts: [北碚区]
tags: ['{TAG}', '"引号"标签']
people: ['{PERSON}']
description: '{DESCRIPTION}'
captions: ['{CAPTION}']
---
正文<script>alert(5)</script>第一段，北碚区总工会。

第二段 [链接](javascript:alert(6)) 结束。
"""
INJECTED_TEXT = ("alert(", "张三", "栏目")     # text of the hostile input that must never be inside an element


class Page(HTMLParser):
    """The pieces of a page the check needs: <title>, meta contents, h1 text, all text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.tags: list[str] = []
        self.title = self.h1 = ""
        self.text: list[str] = []
        self._in = ""

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        key = attributes.get("property") or attributes.get("name")
        if tag == "meta" and key:
            self.meta[key] = attributes.get("content") or ""
            if key == "article:tag":
                self.tags.append(self.meta[key])
        if tag in ("title", "h1"):
            self._in = tag

    def handle_endtag(self, tag):
        if tag == self._in:
            self._in = ""

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "h1":
            self.h1 += data
        self.text.append(data)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    project = tmp_path_factory.mktemp("hostile")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", project / "docs")
    shutil.copytree(ROOT / "overrides", project / "overrides")
    (project / "seeds").mkdir()
    (project / "seeds" / "hostile.md").write_text(CONTRIBUTION, encoding="utf-8")
    env = dict(os.environ, SITE_URL="https://example.org/")
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(project / "site")],
                         cwd=project, capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr[-3000:]
    return project / "site"


def read(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def article_file(site: Path) -> Path:
    found = list((site / "articles").rglob("index.html"))
    assert len(found) == 1
    return found[0]


class Elements(HTMLParser):
    """Every element of a page as a browser sees it: (tag, attributes), and the text inside each script."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._stack: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        self._stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self._stack:
            while self._stack.pop() != tag:
                pass

    def handle_data(self, data):
        if self._stack and self._stack[-1] == "script":
            self.scripts.append(data)
        elif self._stack and self._stack[-1] in ("i", "b", "img", "svg") and any(x in data for x in INJECTED_TEXT):
            self.scripts.append(f"<{self._stack[-1]}>{data}")


def test_no_markup_from_the_input_reaches_any_page(hostile_site):
    for path in hostile_site.rglob("*.html"):
        page = Elements()
        page.feed(path.read_text(encoding="utf-8"))
        where = path.relative_to(hostile_site)
        for tag, attributes in page.elements:
            assert not any(name.startswith("on") for name in attributes), (where, tag, attributes)
            assert not (attributes.get("href") or "").startswith("javascript:"), (where, attributes)
            assert not (tag == "img" and attributes.get("src") == "x"), where
        assert not any(x in script for script in page.scripts for x in INJECTED_TEXT), where


def test_article_text_comes_back_exactly_once_escaped(hostile_site):
    page = read(article_file(hostile_site))
    assert page.h1 == TITLE
    assert page.title == f"{TITLE} - 重庆工会工作"
    assert page.meta["og:title"] == TITLE
    assert page.meta["description"] == DESCRIPTION and page.meta["og:description"] == DESCRIPTION
    assert page.tags == [TAG, '"引号"标签']
    text = "".join(page.text)
    # the body is Markdown through the sanitizer: the script is gone, the javascript: link is its text alone
    assert "正文第一段，北碚区总工会。" in text and "alert(5)" not in text and "第二段 链接 结束。" in text
    assert CAPTION in text and "<b>栏目</b>" in text
    assert "&lt;" not in text and "&amp;" not in text       # nothing escaped twice


def test_index_pages_show_the_hostile_text_as_text(hostile_site):
    for page_path in ("index.html", "themes/gangwan/index.html", "districts/beibei/index.html",
                      "timeline/2024/index.html"):
        text = "".join(read(hostile_site / page_path).text)
        assert TITLE in text, page_path
    # every term is on its letter page (the overview lists the most used only when counts differ)
    tags = "".join(t for path in (hostile_site / "tags").rglob("index.html") for t in read(path).text)
    people = "".join(t for path in (hostile_site / "people").rglob("index.html") for t in read(path).text)
    assert TAG in tags and PERSON in people


def test_feed_holds_the_hostile_title_as_plain_text(hostile_site):
    root = ET.parse(hostile_site / "feed.xml").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    entry = root.find(f"{atom}entry")
    assert entry.find(f"{atom}title").text == TITLE
    assert entry.find(f"{atom}summary").text == DESCRIPTION
    assert entry.find(f"{atom}link").get("href").startswith("https://example.org/articles/2024/")
