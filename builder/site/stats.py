"""The statistics page: articles per year and month, per theme, per district, as SVG and tables.

Counts only what is known: an article dated to the year counts for its year
but for no month, an undated one for no period; the page says how many.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from .indexes import district_members, theme_members
from ..knowledge.taxonomy import Theme, load_themes
from ..render import escape_markdown
from ..urls import docs_link, relative_url
from .entries import (
    CITY_WIDE,
    Entry,
    date_label,
    district_page,
    front_matter,
    month_of,
    month_page,
    site_data,
    site_text,
    year_of,
)
from .svg import Bar, HeatRow, columns, heatmap, horizontal_bars

PAGE = "stats/index.md"


def month_range(months: Sequence[str]) -> list[str]:
    """Every month from the first to the last of ``months`` ('YYYY-MM'), gaps included.

    >>> month_range(["2024-02", "2023-11"])
    ['2023-11', '2023-12', '2024-01', '2024-02']
    >>> month_range([])
    []
    """
    if not months:
        return []
    first, last = min(months), max(months)
    year, month = int(first[:4]), int(first[5:7])
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def month_link(from_page: str, month: str, directory_urls: bool) -> str:
    return relative_url(from_page, month_page(month), directory_urls)


def axis_notes(months: Sequence[str]) -> list[str]:
    """The year under the first month of each year shown (and under the first column).

    >>> axis_notes(["2023-11", "2023-12", "2024-01"])
    ['2023年', '', '2024年']
    """
    return [f"{m[:4]}年" if i == 0 or m[5:7] == "01" else "" for i, m in enumerate(months)]


def stats_page(entries: Sequence[Entry], *, directory_urls: bool = True) -> str:
    """The statistics page; its month charts show the last ``stats.months_shown`` months, so it keeps its size.

    The years stand in one chart of all of them (a bar a year), the months of
    the recent past in the monthly charts; the timeline holds every month.
    """
    texts = site_text("stats")
    shown = max(1, int(site_data().get("stats", {}).get("months_shown", 24)))
    all_months = month_range([month_of(e.date) for e in entries if month_of(e.date)])
    months = all_months[-shown:]
    per_month = Counter(month_of(e.date) for e in entries if month_of(e.date))
    year_only = sum(1 for e in entries if e.date and not month_of(e.date))
    undated = sum(1 for e in entries if not e.date)
    notes = axis_notes(months)
    lines = front_matter(title=texts["title"], description=texts["description"])
    lines += [f"# {texts['title']}", "", texts["total"].format(count=len(entries))
              + (texts["year_only"].format(count=year_only) if year_only else "")
              + (texts["undated"].format(count=undated) if undated else "")
              + (texts["not_counted"] if year_only or undated else ""), ""]

    years = sorted({year_of(e.date) for e in entries if e.date})
    per_year = Counter(year_of(e.date) for e in entries if e.date)
    lines += [f"## {texts['by_year']} {{#by-year}}", ""]
    bars = [Bar(f"{y}年", per_year[y], relative_url(PAGE, f"timeline/{y}.md", directory_urls)) for y in years]
    lines += _figure(columns(bars, texts["by_year"]), scroll=True) if bars else [texts["no_months"], ""]

    lines += [f"## {texts['by_month']} {{#by-month}}", ""]
    if len(all_months) > len(months):
        lines += [texts["recent_months"].format(count=len(months), timeline="../timeline/index.md"), ""]
    # a month without articles has no page to link to
    bars = [Bar(f"{int(m[5:7])}月", per_month[m], month_link(PAGE, m, directory_urls) if per_month[m] else None,
                note, date_label(m)) for m, note in zip(months, notes)]
    lines += _figure(columns(bars, texts["by_month"]), scroll=True) if bars else [texts["no_months"], ""]

    themes = programme_order(load_themes())
    members = theme_members(entries, themes)
    heat = months[-max(1, int(site_data().get("stats", {}).get("heatmap_months", 12))):]
    lines += [f"## {texts['themes_by_month']} {{#themes-by-month}}", "", texts["themes_by_month_note"].format(
        count=len(heat)), ""]
    rows = []
    for theme in themes:
        counted = Counter(month_of(e.date) for e in members[theme.name] if month_of(e.date))
        rows.append(HeatRow(theme.name, tuple(counted[m] for m in heat),
                            relative_url(PAGE, f"themes/{theme.slug}.md", directory_urls), indent=bool(theme.group)))
    chart = heatmap(rows, [f"{int(m[5:7])}" for m in heat], axis_notes(heat), texts["themes_by_month"],
                    column_names=[date_label(m) for m in heat])
    lines += _figure(chart, scroll=True) if chart else [texts["no_months"], ""]

    lines += [f"## {texts['themes_by_year']} {{#themes-by-year}}", "",
              f"| {texts['column_theme']} | {texts['column_kind']} | " + " | ".join(f"{y}年" for y in years)
              + f" | {texts['column_total']} |",
              "| --- | --- | " + " | ".join("--:" for _ in years) + " | --: |"]
    for theme in themes:
        counted = Counter(year_of(e.date) for e in members[theme.name] if e.date)
        link = f"[{escape_markdown(theme.name)}]({docs_link(PAGE, f'themes/{theme.slug}.md')})"
        lines.append(f"| {link} | {theme.kind} | " + " | ".join(str(counted[y]) for y in years)
                     + f" | {len(members[theme.name])} |")
    lines.append("")

    places = district_members(entries)
    ranked = sorted(places.items(), key=lambda kv: (-len(kv[1]), kv[0] == CITY_WIDE, kv[0]))
    lines += [f"## {texts['by_district']} {{#by-district}}", "", texts["by_district_note"].format(
        districts="../districts/index.md"), ""]
    bars = [Bar(name, len(listed), relative_url(PAGE, district_page(name), directory_urls))
            for name, listed in ranked]
    lines += _figure(horizontal_bars(bars, texts["by_district"])) if bars else [site_text("listing")["empty"], ""]
    return "\n".join(lines).rstrip() + "\n"


def programme_order(themes: Sequence[Theme]) -> list[Theme]:
    """Each 行动 followed by its 实事 (then any theme without a known group), as the programme reads.

    >>> [t.name for t in programme_order(load_themes())][:3]
    ['渝工凝心铸魂', '渝工铸魂', '渝工匠心建功']
    """
    groups = [t for t in themes if not t.group]
    ordered = [x for g in groups for x in (g, *(t for t in themes if t.group == g.name))]
    return ordered + [t for t in themes if t not in ordered]


def _figure(svg_text: str, scroll: bool = False) -> list[str]:
    """A chart as a raw HTML block (one line, so Markdown leaves it whole)."""
    css = "chart-box chart-scroll" if scroll else "chart-box"
    return [f'<div class="{css}">', svg_text, "</div>", ""]
