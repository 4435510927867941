"""Charts and the district tile map as inline SVG, drawn at build time.

No chart library and no script: each function returns one <svg> element as
text, ready to sit in a Markdown page inside a raw HTML block.  Every label and
attribute value is escaped here.  Colours are inline so a chart looks the same
with or without the site's CSS (feeds readers, print).  Each mark carries a
<title>, which browsers show as a tooltip and screen readers read.
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass

from .entries import site_text

# light → dark: the site's red, for "more articles"; level 0 is "none"
PALETTE = ("#eeeeee", "#fde0dd", "#fcbba1", "#fc9272", "#de2d26", "#a50f15")
DARK_FROM_LEVEL = 4          # levels from here on get white text
TEXT = "#333333"
MUTED = "#5c5c5c"          # 6.7:1 on white (WCAG AA); docs/assets/site.css re-inks it for the dark scheme
BAR = "#c62828"


def level(count: int, most: int, levels: int = len(PALETTE) - 1) -> int:
    """Colour level of a count: 0 for none, 1 … ``levels`` on a log scale up to the largest count.

    A log scale, because a few districts carry most news and the rest would
    otherwise all look alike.

    >>> [level(c, 100) for c in (0, 1, 3, 10, 30, 100)]
    [0, 1, 2, 3, 4, 5]
    >>> level(1, 1)
    3
    """
    if count <= 0:
        return 0
    if most <= 1:
        return (levels + 1) // 2
    return 1 + round((levels - 1) * math.log(count) / math.log(most))


def _attrs(attrs: dict) -> str:
    return "".join(f' {key.replace("_", "-")}="{html.escape(str(value), quote=True)}"'
                   for key, value in attrs.items() if value is not None)


def el(tag: str, content: str = "", **attrs) -> str:
    """One SVG element; attribute values are escaped, ``content`` is trusted markup.

    >>> el("text", esc("<北碚>"), x=1, font_size=12)
    '<text x="1" font-size="12">&lt;北碚&gt;</text>'
    """
    return f"<{tag}{_attrs(attrs)}>{content}</{tag}>" if content else f"<{tag}{_attrs(attrs)}/>"


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def svg(width: int, height: int, body: str, label: str, css_class: str, fixed_width: bool = False) -> str:
    """The <svg> root: scales down with the page unless ``fixed_width`` (wide charts scroll instead)."""
    size = {"width": width, "height": height} if fixed_width else {}
    return el("svg", el("title", esc(label)) + body, xmlns="http://www.w3.org/2000/svg",
              viewBox=f"0 0 {width} {height}", role="group", aria_label=label,
              **{"class": css_class}, **size, font_family="sans-serif")


# ---------------------------------------------------------------- tile map

@dataclass(frozen=True)
class Tile:
    """One district on the schematic map."""

    name: str            # official name, for the tooltip
    label: str           # short name printed on the tile
    row: int
    col: int
    count: int
    href: str | None     # None: no page to go to (no articles)


TILE = 58                # tile size and the gap between tiles, in SVG units
GAP = 4


def tile_map(tiles: Sequence[Tile], label: str) -> str:
    """A grid of square tiles, one per district, coloured by article count, each a link when it has one.

    A tile map shows where news comes from without drawing borders: positions
    are only roughly geographic (rows north→south, columns west→east).
    """
    if not tiles:
        return ""
    rows = max(t.row for t in tiles) + 1
    cols = max(t.col for t in tiles) + 1
    most = max(t.count for t in tiles)
    body = "".join(_tile(t, level(t.count, most)) for t in sorted(tiles, key=lambda t: (t.row, t.col)))
    legend_y = rows * (TILE + GAP) + 8
    body += _legend(legend_y, most)
    return svg(cols * (TILE + GAP), legend_y + 26, body, label, "tile-map")


def _tile(tile: Tile, lvl: int) -> str:
    x, y = tile.col * (TILE + GAP), tile.row * (TILE + GAP)
    ink = "#ffffff" if lvl >= DARK_FROM_LEVEL else TEXT
    # as large as the tile allows: the map is drawn scaled down to a phone's width
    size = {1: 18, 2: 18, 3: 15}.get(len(tile.label), 11)
    texts = site_text("charts")
    tip = (texts["tile"].format(name=tile.name, count=tile.count) if tile.count
           else texts["tile_empty"].format(name=tile.name))
    inner = (el("title", esc(tip))
             + el("rect", x=x, y=y, width=TILE, height=TILE, rx=6, fill=PALETTE[lvl])
             + el("text", esc(tile.label), x=x + TILE / 2, y=y + TILE / 2, text_anchor="middle",
                  font_size=size, fill=ink)
             + el("text", str(tile.count) if tile.count else "–", x=x + TILE / 2, y=y + TILE / 2 + 19,
                  text_anchor="middle", font_size=14, fill=ink))
    if tile.href:
        return el("a", inner, href=tile.href, **{"class": "tile"})
    return el("g", inner, **{"class": "tile tile-empty"})


def _legend(y: int, most: int) -> str:
    texts = site_text("charts")
    out = el("text", esc(texts["fewer"]), x=0, y=y + 16, font_size=15, fill=MUTED)
    for index, colour in enumerate(PALETTE[1:]):
        out += el("rect", x=20 + index * 26, y=y + 3, width=24, height=16, fill=colour)
    out += el("text", esc(texts["more"].format(most=most)), x=20 + 5 * 26 + 4, y=y + 16, font_size=15, fill=MUTED)
    out += el("rect", x=300, y=y + 3, width=24, height=16, fill=PALETTE[0])
    out += el("text", esc(texts["none"]), x=330, y=y + 16, font_size=15, fill=MUTED)
    return out


# ---------------------------------------------------------------- bar charts

@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    href: str | None = None
    note: str = ""        # a second label under a column (the year under January)
    tip: str = ""         # the tooltip's name for the item, when the label alone is ambiguous


def horizontal_bars(bars: Sequence[Bar], label: str, unit: str = "篇") -> str:
    """One row per item, longest bar = largest value; labels on the left, values at the bar's end."""
    if not bars:
        return ""
    label_width = 14 * max(len(b.label) for b in bars) + 12
    row, width = 24, 640
    scale = (width - label_width - 60) / max(1, max(b.value for b in bars))
    body = ""
    for index, bar in enumerate(bars):
        y = index * row
        length = max(1.0, bar.value * scale) if bar.value else 0
        text = el("text", esc(bar.label), x=label_width - 8, y=y + 16, text_anchor="end", font_size=13,
                  fill=TEXT)
        mark = (el("title", esc(f"{bar.label}：{bar.value} {unit}"))
                + el("rect", x=label_width, y=y + 4, width=round(length, 1), height=row - 8, fill=BAR)
                + el("text", str(bar.value), x=round(label_width + length + 4, 1), y=y + 16, font_size=12,
                     fill=TEXT))
        body += text + (el("a", mark, href=bar.href) if bar.href else el("g", mark))
    return svg(width, len(bars) * row + 4, body, label, "chart chart-bars")


def columns(bars: Sequence[Bar], label: str, unit: str = "篇", height: int = 160) -> str:
    """Vertical columns in order (e.g. months), with a value on each and notes along the axis."""
    if not bars:
        return ""
    step, top, axis = 26, 18, 34
    most = max(1, max(b.value for b in bars))
    body = el("line", x1=0, y1=top + height, x2=len(bars) * step, y2=top + height, stroke=MUTED)
    for index, bar in enumerate(bars):
        x = index * step
        length = round(bar.value * height / most, 1)
        mark = (el("title", esc(f"{bar.tip or bar.label}：{bar.value} {unit}"))
                + el("rect", x=x + 3, y=round(top + height - length, 1), width=step - 6, height=length, fill=BAR))
        if bar.value:
            mark += el("text", str(bar.value), x=x + step / 2, y=round(top + height - length - 4, 1),
                       text_anchor="middle", font_size=11, fill=TEXT)
        body += el("a", mark, href=bar.href) if bar.href else el("g", mark)
        body += el("text", esc(bar.label), x=x + step / 2, y=top + height + 14, text_anchor="middle",
                   font_size=11, fill=TEXT)
        if bar.note:
            body += el("text", esc(bar.note), x=x + 2, y=top + height + 29, font_size=11, fill=MUTED)
    return svg(len(bars) * step, top + height + axis, body, label, "chart chart-columns", fixed_width=True)


# ---------------------------------------------------------------- heat map

@dataclass(frozen=True)
class HeatRow:
    label: str
    values: tuple[int, ...]
    href: str | None = None
    indent: bool = False      # a sub-row (a 实事 under its 行动)


def heatmap(rows: Sequence[HeatRow], column_labels: Sequence[str], column_notes: Sequence[str],
            label: str, unit: str = "篇", column_names: Sequence[str] | None = None) -> str:
    """A grid of cells (rows × columns) shaded by count, the count printed in each non-empty cell.

    ``column_names`` name each column in full in the cells' tooltips (2023年6月 where the axis prints
    only 6, its year noted once above January): a tooltip is read alone.
    """
    if not rows or not column_labels:
        return ""
    cell, label_width, head = 26, 14 * max(len(r.label) + r.indent for r in rows) + 12, 34
    most = max([1, *(v for r in rows for v in r.values)])
    body = ""
    for index, (text, note) in enumerate(zip(column_labels, column_notes)):
        x = label_width + index * cell
        if note:
            body += el("text", esc(note), x=x + 2, y=12, font_size=11, fill=MUTED)
        body += el("text", esc(text), x=x + cell / 2, y=head - 6, text_anchor="middle", font_size=11, fill=TEXT)
    for r, row in enumerate(rows):
        y = head + r * cell
        name = el("text", esc(row.label), x=4 + 14 * row.indent, y=y + 17, font_size=13,
                  fill=MUTED if row.indent else TEXT)
        body += el("a", name, href=row.href) if row.href else name
        for c, value in enumerate(row.values):
            lvl = level(value, most)
            x = label_width + c * cell
            name_of_column = column_names[c] if column_names else f"{column_notes[c] or ''}{column_labels[c]}"
            tip = f"{row.label} · {name_of_column}：{value} {unit}"
            mark = el("title", esc(tip)) + el("rect", x=x + 1, y=y + 1, width=cell - 2, height=cell - 2,
                                               fill=PALETTE[lvl])
            if value:
                mark += el("text", str(value), x=x + cell / 2, y=y + 17, text_anchor="middle", font_size=11,
                           fill="#ffffff" if lvl >= DARK_FROM_LEVEL else TEXT)
            body += el("g", mark)
    width = label_width + len(column_labels) * cell
    return svg(width, head + len(rows) * cell + 2, body, label, "chart chart-heatmap", fixed_width=True)
