"""The home page, generated: the editors' introduction (data) around what the archive holds now.

Generated rather than hand-written with a marker to fill in, so the whole
page is one pure function of the articles and ``data/site.yaml`` (testable
without MkDocs), and the hand-written part cannot drift out of step with it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from ..indexes import district_members, district_tiles, theme_members, themes_overview
from ..meta.themes import load_themes
from .entries import Entry, article_item, front_matter, newest_first, site_data, year_of
from .svg import tile_map

PAGE = "index.md"


def home_page(entries: Sequence[Entry], *, site_name: str, directory_urls: bool = True) -> str:
    data = site_data()
    home = data.get("home", {})
    lines = front_matter(title="首页", hide=["toc"])
    lines += [f"# {site_name}", "", home.get("intro", "").strip(), ""]
    lines += ['<div class="grid cards home-sections" markdown>', ""]
    for section in data.get("sections", []):
        lines.append(f"-   [**{section['name']}**]({section['path']})：{section['blurb']}")
    lines += ["", "</div>", ""]

    latest = newest_first(entries)[: int(home.get("latest", 10))]
    lines += ["## 最新文章 {#latest}", ""]
    lines += [article_item(PAGE, e, summary=True) for e in latest] or ["暂无文章。"]
    lines += ["", "[按时间浏览全部文章](timeline/index.md) · [订阅最新文章（Atom）](feed.xml)", ""]

    themes = load_themes()
    lines += ["## 专题 {#themes}", "", themes_overview(themes, theme_members(entries, themes), PAGE, intro=False)]

    members = district_members(entries)
    lines += ["## 区县 {#districts}", "", "颜色越深，该区县的文章越多（方块位置只是示意）。"
              "[全部区县和全市新闻](districts/index.md)", "",
              '<div class="tile-map-box tile-map-small">',
              tile_map(district_tiles(members, PAGE, directory_urls), "重庆各区县文章数示意图"), "</div>", ""]

    years = Counter(year_of(e.date) for e in entries if e.date)
    lines += ["## 时间线 {#timeline}", ""]
    lines += [" · ".join(f"[{y}年](timeline/{y}.md) {years[y]} 篇" for y in sorted(years, reverse=True))
              or "暂无文章。", ""]
    if home.get("search_hint"):
        lines += [home["search_hint"], ""]
    lines += ["[关于本站](about.md)", ""]
    return "\n".join(lines).rstrip() + "\n"
