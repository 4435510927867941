"""The home page, generated: the latest news first, then compact ways into the archive.

A reader opening the site (often on a phone) sees the newest headlines
without scrolling; the themes, the busiest districts and the years follow as
one line of links each, and the editors' introduction (data/site.yaml) closes
the page.  Generated, so the whole page is one pure function of the articles
and the data, testable without MkDocs.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .indexes import district_members, theme_members
from ..knowledge.taxonomy import load_themes
from ..render import escape_markdown
from .entries import (
    CITY_WIDE,
    Entry,
    article_item,
    district_page,
    front_matter,
    newest_first,
    site_data,
    site_text,
    year_heading,
    year_of,
)
from .listing import Listing, listing_pages

PAGE = "index.md"


def home_page(entries: Sequence[Entry], *, site_name: str, directory_urls: bool = True) -> str:
    data = site_data()
    texts = site_text("home")
    home = data.get("home", {})
    lines = front_matter(title=texts["title"], hide=["toc"])
    lines += [f"# {site_name}", ""]

    latest = newest_first(entries)[: int(home.get("latest", 10))]
    lines += [f"## {texts['latest']} {{#latest}}", ""]
    if latest:
        lines += ['<div class="article-list home-latest" markdown>', ""]
        lines += [article_item(PAGE, e, summary=True) for e in latest]
        lines += ["", "</div>", ""]
    else:
        lines += [site_text("listing")["empty"], ""]
    lines += [texts["more"].format(all="all/index.md", feed="feed.xml"), ""]

    lines += [f"## {texts['themes']} {{#themes}}", "", theme_chips(entries), ""]
    lines += [f"## {texts['districts']} {{#districts}}", "", district_chips(entries, int(home.get("districts", 12))), ""]
    years = Counter(year_of(e.date) for e in entries if e.date)
    lines += [f"## {texts['timeline']} {{#timeline}}", ""]
    lines += [chip_line([(f"{y}年", f"timeline/{y}.md", years[y]) for y in sorted(years, reverse=True)],
                        ("timeline/index.md", texts["all_years"]))
              or site_text("listing")["empty"], ""]
    lines += [f"## {texts['about']} {{#about}}", "", home.get("intro", "").strip(), ""]
    if home.get("search_hint"):
        lines += [home["search_hint"], ""]
    lines += [" · ".join(f"[{s['name']}]({s['path']})" for s in data.get("sections", [])), ""]
    return "\n".join(lines).rstrip() + "\n"


def chip_line(chips: Sequence[tuple[str, str, int]], more: tuple[str, str] | None = None) -> str:
    """One line of links with counts, the compact way into a part of the archive.

    >>> chip_line([("渝工铸魂", "themes/zhuhun.md", 3)], ("themes/index.md", "全部专题"))
    '<p class="home-chips" markdown>[渝工铸魂 <small>3</small>](themes/zhuhun.md) [全部专题 ›](themes/index.md)</p>'
    >>> chip_line([])
    ''
    """
    if not chips:
        return ""
    links = [f"[{escape_markdown(name)} <small>{count}</small>]({path})" for name, path, count in chips]
    if more:
        links.append(f"[{more[1]} ›]({more[0]})")
    return '<p class="home-chips" markdown>' + " ".join(links) + "</p>"


def theme_chips(entries: Sequence[Entry]) -> str:
    """The five 行动 with their counts (a 行动 without articles is not offered), then all themes."""
    themes = load_themes()
    members = theme_members(entries, themes)
    chips = [(t.name, f"themes/{t.slug}.md", len(members[t.name])) for t in themes
             if t.kind == "行动" and members[t.name]]
    return chip_line(chips, ("themes/index.md", site_text("home")["all_themes"])) or site_text("listing")["empty"]


def district_chips(entries: Sequence[Entry], count: int) -> str:
    """The districts with the most articles (全市 last), then the map of all of them."""
    members = district_members(entries)
    busiest = sorted(((n, len(v)) for n, v in members.items() if n != CITY_WIDE), key=lambda kv: -kv[1])[:count]
    chips = [(n, district_page(n), c) for n, c in busiest]
    if members.get(CITY_WIDE):
        chips.append((CITY_WIDE, district_page(CITY_WIDE), len(members[CITY_WIDE])))
    return chip_line(chips, ("districts/index.md", site_text("home")["all_districts"])) or site_text("listing")["empty"]


def all_articles_pages(entries: Sequence[Entry]) -> dict[str, str]:
    """全部文章: every article, newest first, paginated like every listing."""
    texts = site_text("home")
    return listing_pages(Listing("all/index.md", texts["all_title"], newest_first(entries),
                                 [texts["all_intro"].format(feed="../feed.xml"), ""], texts["all_title"],
                                 group=year_heading))
