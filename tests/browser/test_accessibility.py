"""Accessibility of every page type, in the light and the dark scheme, measured with axe-core in Chromium.

axe-core comes bundled with ``axe-playwright-python`` (injected into the page from
the package, so nothing is fetched from the internet; the tests check that no
request leaves 127.0.0.1).  Each page type is picked from the built site itself
(the first article, the first theme, …), never by a seed's name.

Every page's violation summary (rule, impact, number of elements) is written to
``tests/output/axe-report.txt`` and is part of the assertion message; a page
passes with no violation of impact *serious* or *critical*.

axe cannot see some text: placeholders, visited links (browsers hide ``:visited``
from scripts) and text drawn in inline SVG.  ``test_text_axe_cannot_measure_meets_wcag_aa``
measures those itself, with the WCAG formula.
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import quote

import pytest

from .conftest import PHONE_VIEWPORT as PHONE, ROOT, SCREENSHOTS

pytestmark = pytest.mark.browser

REPORT = ROOT / "tests" / "output" / "axe-report.txt"
SCHEMES = ("light", "dark")
BLOCKING = ("serious", "critical")
IMPACTS = ("critical", "serious", "moderate", "minor")      # the report lists the worst first
DESKTOP = {"width": 1280, "height": 900}
PAGE_TYPES = ("home", "article", "themes", "theme", "districts", "district", "timeline", "year", "month", "all",
              "people", "person-letter", "tags", "tag-letter", "stats", "about", "search", "404")


def _first_page(site: Path, folder: str, pattern: str = "*") -> str:
    """The site path of the first page under ``folder`` (``themes/…/``) that lists an article, in name order.

    A page listing articles shows every kind of text its type has (titles, dates, summaries, counts);
    without one, the first page.
    """
    pages = sorted(p for p in (site / folder).glob(f"{pattern}/index.html") if p.parent != site / folder)
    assert pages, f"no page under {folder}/"
    listing = [p for p in pages if "/articles/" in p.read_text(encoding="utf-8").split('class="md-content"')[-1]]
    return (listing or pages)[0].parent.relative_to(site).as_posix() + "/"


@pytest.fixture(scope="module")
def page_paths(built_site) -> dict[str, str]:
    """Page type → the path of one page of that type in the built site."""
    site = Path(built_site)
    articles = sorted(site.glob("articles/*/*/index.html"))
    assert articles, "no article in the built site"
    article = articles[0].parent.relative_to(site).as_posix() + "/"
    # a query with results: the first characters of that article's headline
    headline = re.search(r"<h1[^>]*>(.*?)</h1>", articles[0].read_text(encoding="utf-8"), re.S)
    query = re.sub(r"<[^>]+>|[\s“”‘’\"'《》：:，,、]", "", html.unescape(headline.group(1)))[:4]
    return {
        "home": "",
        "article": article,
        "themes": "themes/",
        "theme": _first_page(site, "themes"),
        "districts": "districts/",
        "district": _first_page(site, "districts"),
        "timeline": "timeline/",
        "year": _first_page(site, "timeline", "[0-9][0-9][0-9][0-9]"),
        "month": _first_page(site, "timeline", "[0-9][0-9][0-9][0-9]/[0-9][0-9]"),
        "all": "all/",
        "people": "people/",
        "person-letter": _first_page(site, "people"),
        "tags": "tags/",
        "tag-letter": _first_page(site, "tags"),
        "stats": "stats/",
        "about": "about/",
        "search": "search/?q=" + quote(query),
        "404": "404.html",
    }


@pytest.fixture(scope="session")
def axe_report():
    """Collects each page's violation summary; written to tests/output/axe-report.txt at the end."""
    entries: dict[str, str] = {}
    yield entries
    if entries:
        REPORT.parent.mkdir(parents=True, exist_ok=True)
        REPORT.write_text("".join(entries[key] for key in sorted(entries)), encoding="utf-8")


@pytest.fixture(scope="module")
def axe():
    module = pytest.importorskip("axe_playwright_python.sync_playwright")
    return module.Axe()


def open_in_scheme(browser, site_url: str, path: str, scheme: str, viewport: dict, mobile: bool = False):
    """A fresh context in ``scheme`` (prefers-color-scheme) showing ``path``; every request is recorded."""
    context = browser.new_context(locale="zh-CN", color_scheme=scheme, viewport=viewport,
                                  device_scale_factor=1, is_mobile=mobile, has_touch=mobile)
    tab = context.new_page()
    tab.requests = []
    tab.errors = []
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.on("pageerror", lambda error: tab.errors.append(str(error)))
    tab.goto(f"{site_url}/{path}", wait_until="load")
    if path.startswith("search/"):
        tab.wait_for_function("""() => { const m = document.querySelector('[data-search-page] [data-search-meta]');
                                         return m && /^(找到|没有)/.test(m.textContent); }""")
    tab.wait_for_timeout(300)         # Material's script: palette, tabs, header title
    return context, tab


def summarise(violations: list[dict]) -> str:
    if not violations:
        return "    no violations\n"
    out = ""
    for v in sorted(violations, key=lambda v: IMPACTS.index(v["impact"]) if v["impact"] in IMPACTS else 9):
        targets = "; ".join(" ".join(node["target"]) for node in v["nodes"][:3])
        more = f" (+{len(v['nodes']) - 3} more)" if len(v["nodes"]) > 3 else ""
        out += f"    {v['id']} ({v['impact']}) ×{len(v['nodes'])}: {targets}{more}\n"
        for node in v["nodes"][:2]:
            message = (node.get("any") or node.get("all") or node.get("none") or [{}])[0].get("message", "")
            if message:
                out += f"        {message}\n"
    return out


def foreign_requests(tab, site_url: str) -> list[str]:
    return [url for url in tab.requests if not url.startswith((site_url + "/", "data:", "blob:"))]


CASES = [(kind, scheme, "desktop") for kind in PAGE_TYPES for scheme in SCHEMES] + \
        [(kind, scheme, "phone") for kind in ("home", "article", "theme", "districts") for scheme in SCHEMES] + \
        [("home", scheme, "phone-menu") for scheme in SCHEMES]          # the phone's navigation drawer, open


@pytest.mark.parametrize("kind,scheme,size", CASES, ids=["-".join(c) for c in CASES])
def test_no_serious_or_critical_axe_violations(browser, site_url, page_paths, axe, axe_report, kind, scheme, size):
    path = page_paths[kind]
    context, tab = open_in_scheme(browser, site_url, path, scheme, DESKTOP if size == "desktop" else PHONE,
                                  mobile=size != "desktop")
    try:
        if size == "phone-menu":
            tab.click("label.md-header__button[for=__drawer]")
            tab.wait_for_timeout(400)
        shown = tab.evaluate("document.body.getAttribute('data-md-color-scheme')")
        violations = axe.run(tab).response["violations"]
        summary = f"{kind} · {scheme} ({shown}) · {size}: /{path}\n" + summarise(violations)
        axe_report[f"{PAGE_TYPES.index(kind) if size == 'desktop' else 99:02d}-{kind}-{size}-{scheme}"] = summary
        assert foreign_requests(tab, site_url) == [], summary
        assert tab.errors == [], summary
        assert shown == ("slate" if scheme == "dark" else "default"), summary
        blocking = [v for v in violations if v["impact"] in BLOCKING]
        assert blocking == [], "axe found serious or critical violations:\n" + summary
    finally:
        context.close()


# ---------------------------------------------------------------- what axe cannot measure

CONTRAST_JS = r"""
() => {
  const parse = (c) => {
    const m = c.match(/rgba?\(([^)]+)\)/);
    if (m) {
      const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
    }
    const h = c.trim().match(/^#([0-9a-f]{6})$/i);
    if (h) return [0, 2, 4].map(i => parseInt(h[1].slice(i, i + 2), 16)).concat([1]);
    const ctx = document.createElement('canvas').getContext('2d');   // any other CSS colour
    ctx.fillStyle = c; return parse(ctx.fillStyle === c ? '#000000' : ctx.fillStyle);
  };
  const over = (top, bottom) => {
    const a = top[3];
    return [0, 1, 2].map(i => top[i] * a + bottom[i] * (1 - a)).concat([1]);
  };
  const background = (el) => {             // the composited background colour behind el
    const layers = [];
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] >= 1) break;
    }
    let colour = [255, 255, 255, 1];
    for (const layer of layers.reverse()) colour = over(layer, colour);
    return colour;
  };
  const lum = (c) => {
    const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (fg, bg) => {
    const f = over(fg, bg), a = lum(f), b = lum(bg);
    return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  };
  const out = [];
  const add = (what, fg, bg, need) => out.push({what, ratio: Math.round(ratio(parse(fg), bg) * 100) / 100, need});
  // placeholders of the header search box and of the search page
  for (const input of document.querySelectorAll('input[placeholder]')) {
    if (!input.getClientRects().length || getComputedStyle(input).visibility === 'hidden') continue;
    add(`placeholder of ${input.className}`, getComputedStyle(input, '::placeholder').color, background(input), 4.5);
  }
  // visited links: the colour the stylesheet gives them (scripts cannot read :visited itself)
  const visited = getComputedStyle(document.body).getPropertyValue('--news-link-visited-color').trim();
  const article = document.querySelector('.md-content .md-typeset');
  if (visited && article) add('visited link', visited, background(article), 4.5);
  // text drawn in the inline SVG maps and charts: on its tile or cell when it is drawn on one, else on the page
  for (const text of document.querySelectorAll('.md-typeset svg text')) {
    if (!text.getClientRects().length) continue;
    const svg = text.closest('svg');
    const rect = text.parentElement !== svg ? text.parentElement.querySelector(':scope > rect') : null;
    const onTile = rect && svg.matches('.tile-map, .chart-heatmap');    // bars and columns: labels beside
    const bg = onTile ? over(parse(getComputedStyle(rect).fill), background(svg)) : background(svg);
    add(`svg ${svg.getAttribute('class')} text “${text.textContent}”`, getComputedStyle(text).fill, bg, 4.5);
  }
  return out;
}
"""


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("kind,size", [("home", "desktop"), ("home", "phone"), ("districts", "desktop"),
                                       ("stats", "desktop"), ("search", "desktop"), ("article", "desktop")])
def test_text_axe_cannot_measure_meets_wcag_aa(browser, site_url, page_paths, axe_report, kind, size, scheme):
    context, tab = open_in_scheme(browser, site_url, page_paths[kind], scheme, DESKTOP if size == "desktop" else PHONE,
                                  mobile=size == "phone")
    try:
        if size == "phone":          # the phone's search box is an overlay: open it
            tab.click("label.md-header__button[for=__search]")
            tab.wait_for_timeout(300)
        measured = tab.evaluate(CONTRAST_JS)
        low = [m for m in measured if m["ratio"] < m["need"]]
        worst = {}
        for m in measured:          # one line per kind of text, with its lowest ratio
            key = re.sub(r"“.*”", "", m["what"]).strip()
            worst[key] = min(worst.get(key, 99), m["ratio"])
        summary = (f"{kind} · {scheme} · {size} (contrast measured here, not by axe): /{page_paths[kind]}\n"
                   + "".join(f"    {k}: {v}:1\n" for k, v in sorted(worst.items())))
        axe_report[f"98-{kind}-{size}-{scheme}-contrast"] = summary
        assert measured
        assert low == [], "text below WCAG AA:\n" + "\n".join(f"{m['what']}: {m['ratio']}:1" for m in low)
    finally:
        context.close()


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("size", ["desktop", "phone"])
@pytest.mark.parametrize("kind", ["home", "article", "theme"])
def test_screenshots_in_both_schemes(browser, site_url, page_paths, kind, size, scheme):
    context, tab = open_in_scheme(browser, site_url, page_paths[kind], scheme, DESKTOP if size == "desktop" else PHONE,
                                  mobile=size == "phone")
    try:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(SCREENSHOTS / f"scheme-{scheme}-{size}-{kind}.png"), full_page=True)
        assert foreign_requests(tab, site_url) == []
        # the headline is bold and dark, not Material's thin grey
        weight, colour = tab.evaluate("""() => { const s = getComputedStyle(document.querySelector('.md-typeset h1'));
                                                 return [Number(s.fontWeight), s.color]; }""")
        assert weight >= 700
        assert "0.54" not in colour
    finally:
        context.close()


def test_the_toggle_switches_the_scheme_and_is_labelled_in_chinese(browser, site_url, page_paths):
    context, tab = open_in_scheme(browser, site_url, page_paths["home"], "light", DESKTOP)
    try:
        toggle = tab.locator("label.md-header__button[for^=__palette]:visible")
        assert toggle.count() == 1 and toggle.get_attribute("title") == "切换到深色模式"
        toggle.click()
        tab.wait_for_timeout(300)
        assert tab.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        # the label shown now names the way back (its title becomes Material's tooltip once hovered)
        assert tab.get_attribute("input[name=__palette]:checked", "aria-label") == "切换到浅色模式"
        assert tab.locator("label.md-header__button[for^=__palette]:visible").count() == 1
        # the choice holds on the next page (the palette script is a file of its own, not inline)
        tab.goto(f"{site_url}/{page_paths['article']}", wait_until="load")
        tab.wait_for_timeout(300)
        assert tab.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        # the header's icons are drawn from the sprite: the toggle's icon has a size
        drawn = tab.locator("label.md-header__button[for^=__palette]:visible svg use").bounding_box()
        assert drawn and drawn["width"] > 10 and drawn["height"] > 10
    finally:
        context.close()
