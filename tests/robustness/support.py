"""Shared helpers of the robustness tests: case files, the CLI, conservation, a built site of hostile pages."""

from __future__ import annotations

import atexit
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from builder.ingest import decode
from builder.model import Page
from builder.textfix import cjk_characters

ROOT = Path(__file__).resolve().parents[2]
CASES = Path(__file__).parent / "cases"
GOOD_PAGE = "good-page.txt"
GOOD_TITLE = "南岸区新建20个户外劳动者服务站点"
# pages of the genre written for these tests (test_unseen_pages.py): other districts, columns, layouts
UNSEEN_PAGES = ("wanzhou-briefs-edition.txt", "fuling-gb18030.txt", "qianjiang-caption-cuts-paragraph.txt",
                "dazu-kicker-two-line-title.txt")
# every hostile snippet in the case files carries this word, so anything built from one can be found
MARKER = "pwned"


def seeds_with(folder: Path, *names: str, good: bool = True) -> Path:
    """A seeds folder holding the named case files (and the good page beside them)."""
    folder.mkdir(parents=True, exist_ok=True)
    for name in (*names, GOOD_PAGE) if good else names:
        shutil.copy(CASES / name, folder / name)
    return folder


def run_cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "builder", *args], cwd=cwd, capture_output=True, text=True)


def lost_cjk(raw: bytes, page: Page) -> Counter:
    """CJK characters of the raw file that are neither published nor in the drop list (counted independently)."""
    printed = Counter(cjk_characters(decode(raw).text))
    published: Counter = Counter()
    for article in page.articles:
        for piece in article.visible_texts():
            published.update(cjk_characters(piece))
    for item in page.dropped:
        published.update(cjk_characters(item.text))
    return printed - published


# ---------------------------------------------------------------- a site of hostile pages

HOSTILE_PAGES = ("hostile-markup.txt", "hostile-contribution.md", "markdown-marks.txt", "front-matter.txt", "invisible-and-control.txt",
                 "no-title.txt")


@lru_cache(maxsize=None)
def hostile_site() -> Path:
    """This repository's site configuration (mkdocs.yml, docs/, overrides/) built over the hostile pages.

    Built once per test process (the browser test shares it); a non-strict
    build, since bad input rightly produces warnings.
    """
    work = Path(tempfile.mkdtemp(prefix="hostile-site-"))
    atexit.register(shutil.rmtree, work, ignore_errors=True)
    for name in ("docs", "overrides"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, work / name)
    seeds = seeds_with(work / "hostile-seeds", *HOSTILE_PAGES)
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    config, count = re.subn(r"(?m)^(\s+seeds:\s*).*$", lambda m: m.group(1) + seeds.name, config)
    assert count == 1, "mkdocs.yml no longer sets the newspaper plugin's seeds option"
    (work / "mkdocs.yml").write_text(config, encoding="utf-8")
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000", NO_MKDOCS_2_WARNING="1")
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(work / "site")],
                          cwd=work, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr[-4000:]
    assert "Traceback" not in done.stderr
    return work / "site"


def article_html(site: Path, needle: str) -> Path:
    """The one article page of the site whose heading holds ``needle``."""
    found = [p for p in (site / "articles").rglob("index.html") if needle in parse_html(p).h1]
    assert len(found) == 1, f"{len(found)} article pages have {needle!r} in their heading"
    return found[0]


URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "srcset", "xlink:href", "background",
                  "srcdoc", "style"}
ACTIVE_TAGS = ("script", "iframe", "frame", "frameset", "object", "embed", "applet", "img", "svg", "math", "form",
               "base", "style", "link", "input", "button", "video", "audio", "source", "meta")
_SCHEME = re.compile(r"^\s*(javascript|vbscript|data\s*:\s*text/html)", re.IGNORECASE)


class Markup(HTMLParser):
    """What a page is made of: its elements and attributes, the text of its scripts, and its visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self.h1 = ""
        self._in_script = self._in_h1 = False

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {k: v or "" for k, v in attrs}))
        self._in_script = tag == "script"
        self._in_h1 = self._in_h1 or tag == "h1"

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag):
        self._in_script = False
        self._in_h1 = self._in_h1 and tag != "h1"

    def handle_data(self, data):
        (self.scripts if self._in_script else self.text).append(data)
        if self._in_h1:
            self.h1 += data

    @property
    def visible_text(self) -> str:
        return "".join(self.text)

    def active_counts(self) -> Counter:
        """How many elements of each kind that can run, load or submit something the page holds.

        Meta elements are left out: their number follows the article's tags.
        """
        return Counter(tag for tag, _ in self.elements if tag in ACTIVE_TAGS and tag != "meta")

    def problems(self) -> list[str]:
        """Elements and attributes that can only have come from input markup."""
        found = []
        for tag, attrs in self.elements:
            for name, value in attrs.items():
                if name.startswith("on"):
                    found.append(f"<{tag} {name}=…>: event handler")
                if name in URL_ATTRIBUTES and _SCHEME.match(re.sub(r"[\x00-\x20]", "", value)):
                    found.append(f"<{tag} {name}={value!r}>: script URL")
                if name in URL_ATTRIBUTES and name != "href" and MARKER in value:
                    found.append(f"<{tag} {name}={value!r}>: loads what the input named")
            if tag in ACTIVE_TAGS and tag not in ("meta", "link") and MARKER in " ".join(attrs.values()):
                found.append(f"<{tag}> built from the input: {attrs}")
        found += [f"script holds input text: {s[:80]!r}" for s in self.scripts if MARKER in s]
        return found


def parse_html(path: Path) -> Markup:
    parser = Markup()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser
