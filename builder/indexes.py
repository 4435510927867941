"""Index pages readers browse by: themes, districts, timeline, people and tags.

Pure functions from the published articles (``Entry``: article + page path)
to Markdown pages (docs-relative path → text).  Article lists are newest
first, except the timeline, which reads in date order; undated articles come
last.  Links are relative Markdown links, so MkDocs checks every one of them;
the SVG tile map is raw HTML, so its links are final URLs (``relative_url``).

Every page stays a sensible size at 10,000 articles: the timeline has one
page per year, people and tags one page per initial letter, and the
overviews list counts, not articles.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from urllib.parse import quote

from pypinyin import lazy_pinyin

from .meta.places import Locality, load_gazetteer
from .meta.themes import Theme, load_themes
from .render import escape_markdown
from .site.entries import (
    CITY_WIDE,
    UNDATED,
    Entry,
    article_item,
    chronological,
    district_page,
    front_matter,
    month_anchor,
    month_of,
    newest_first,
    site_data,
    year_of,
)
from .site.svg import Tile, tile_map
from .urls import docs_link, relative_url, slugify

OTHER_LETTER = "#"


def index_pages(entries: Sequence[Entry], *, directory_urls: bool = True) -> dict[str, str]:
    """Every index page, keyed by its docs-relative path."""
    pages: dict[str, str] = {}
    pages.update(theme_pages(entries))
    pages.update(district_pages(entries, directory_urls=directory_urls))
    pages.update(timeline_pages(entries))
    pages.update(term_pages(entries, "people", "人物", people_of, people_intro()))
    pages.update(term_pages(entries, "tags", "标签", tags_of, "文章的关键词，由程序从标题和正文中提取。"))
    return pages


# ---------------------------------------------------------------- themes

def theme_members(entries: Iterable[Entry], themes: Sequence[Theme]) -> dict[str, list[Entry]]:
    """Articles of each theme, newest first; a 行动 also holds the articles of its 实事.

    The programme files every 实事 under one 行动, so a reader of the 行动's
    page expects to find them there too.
    """
    direct: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        for name in entry.values("themes"):
            direct[name].append(entry)
    members = {}
    for theme in themes:
        children = [t.name for t in themes if t.group == theme.name]
        found = {id(e): e for name in (theme.name, *children) for e in direct.get(name, [])}
        members[theme.name] = newest_first(found.values())
    return members


def theme_pages(entries: Sequence[Entry]) -> dict[str, str]:
    """One page per theme (all of them, so their URLs never come and go) and the overview."""
    themes = load_themes()
    members = theme_members(entries, themes)
    pages = {f"themes/{t.slug}.md": theme_page_text(t, themes, members) for t in themes}
    pages["themes/index.md"] = themes_overview(themes, members)
    return pages


def themes_overview(themes: Sequence[Theme], members: dict[str, list[Entry]], from_page: str = "themes/index.md",
                    intro: bool = True) -> str:
    """The five 行动 as cards, each with its 实事 and their article counts."""
    lines = front_matter(title="专题", description="按重庆工会“五大行动”和“十件实事”分类的文章。") if intro else []
    prefix = "" if from_page.startswith("themes/") else "themes/"
    if intro:
        lines += ["# 专题", "", "重庆市工会第六次代表大会提出渝工“五大行动”，并以“十件实事”落实。"
                  "每篇文章按栏目或内容归入其中一项或两项；一项“行动”也收录其下各项“实事”的文章。", ""]
    lines += ['<div class="grid cards theme-groups" markdown>', ""]
    for group in (t for t in themes if t.kind == "行动"):
        lines += [f"-   **[{escape_markdown(group.name)}]({prefix}{group.slug}.md)** · "
                  f"{len(members[group.name])} 篇", "", "    ---", "",
                  f"    {escape_markdown(group.description)}", ""]
        for child in (t for t in themes if t.group == group.name):
            lines.append(f"    - [{escape_markdown(child.name)}]({prefix}{child.slug}.md) · "
                         f"{len(members[child.name])} 篇")
        lines.append("")
    lines += ["</div>", ""]
    return "\n".join(lines)


def theme_page_text(theme: Theme, themes: Sequence[Theme], members: dict[str, list[Entry]]) -> str:
    page = f"themes/{theme.slug}.md"
    listed = members[theme.name]
    lines = front_matter(title=theme.name, description=theme.description)
    lines += [f"# {escape_markdown(theme.name)}", "", escape_markdown(theme.description), ""]
    if theme.group:
        parent = next((t for t in themes if t.name == theme.group), None)
        if parent is not None:
            lines += [f"“十件实事”之一，属于[{escape_markdown(parent.name)}]({parent.slug}.md)。", ""]
    children = [t for t in themes if t.group == theme.name]
    if children:
        lines += ["包括：" + "、".join(f"[{escape_markdown(c.name)}]({c.slug}.md)（{len(members[c.name])} 篇）"
                                      for c in children) + "。", ""]
    lines += [f"共 {len(listed)} 篇 · [订阅本专题的更新（Atom）](../feeds/{theme.slug}.xml)", "",
              *by_year(page, listed)]
    return "\n".join(lines).rstrip() + "\n"


def by_year(page: str, listed: Sequence[Entry]) -> list[str]:
    """Newest-first article items under one heading per year (日期不详 last)."""
    if not listed:
        return ["暂无文章。", ""]
    lines: list[str] = []
    current = None
    for entry in listed:
        year = year_of(entry.date) or UNDATED
        if year != current:
            heading = f"{year}年" if entry.date else UNDATED
            lines += [*([""] if lines else []), f"## {heading}", ""]
            current = year
        lines.append(article_item(page, entry))
    return [*lines, ""]


# ---------------------------------------------------------------- districts

def district_members(entries: Iterable[Entry]) -> dict[str, list[Entry]]:
    """Articles of each district (全市 for those that name none), newest first."""
    found: dict[str, list[Entry]] = defaultdict(list)
    for entry in newest_first(entries):
        for name in entry.places:
            found[name].append(entry)
    return dict(found)


def tile_label(place: Locality) -> str:
    """The name printed on a map tile: the district's shortest written form, first in data order.

    >>> g = load_gazetteer()
    >>> [tile_label(g.district(s)) for s in ("wanzhou", "shizhu", "zhongxian", "liangjiang", "changshou")]
    ['万州', '石柱', '忠县', '两江', '长寿']
    """
    return min(place.forms, key=len)


def district_tiles(members: dict[str, list[Entry]], from_page: str, directory_urls: bool = True) -> list[Tile]:
    """One tile per district of the gazetteer that has a grid position; linked when it has articles."""
    tiles = []
    for place in load_gazetteer().districts:
        if place.grid is None:
            continue
        count = len(members.get(place.name, []))
        href = relative_url(from_page, district_page(place.name), directory_urls) if count else None
        tiles.append(Tile(place.name, tile_label(place), place.grid[0], place.grid[1], count, href))
    return tiles


def district_pages(entries: Sequence[Entry], *, directory_urls: bool = True) -> dict[str, str]:
    """A page per district with articles, 全市 always, and the overview with the tile map."""
    members = district_members(entries)
    members.setdefault(CITY_WIDE, [])
    pages = {}
    for name, listed in members.items():
        page = district_page(name)
        lines = front_matter(title=name, description=f"{name}的工会新闻，共 {len(listed)} 篇。")
        lines += [f"# {escape_markdown(name)}", ""]
        if name == CITY_WIDE:
            lines += ["没有具体区县的新闻：全市性的会议、政策和活动。", ""]
        lines += [f"共 {len(listed)} 篇 · [全部区县](index.md)", "", *by_year(page, listed)]
        pages[page] = "\n".join(lines).rstrip() + "\n"
    pages["districts/index.md"] = districts_overview(members, directory_urls)
    return pages


def districts_overview(members: dict[str, list[Entry]], directory_urls: bool = True) -> str:
    page = "districts/index.md"
    city_wide = len(members.get(CITY_WIDE, []))
    lines = front_matter(title="区县", description="重庆各区县工会新闻的数量和列表。")
    lines += ["# 区县", "", "每个方块是重庆的一个区县（含两江新区、高新区、万盛经开区），颜色越深文章越多；"
              "点击方块进入该区县的文章列表。方块的位置只是示意，不是地图。", "",
              '<div class="tile-map-box">',
              tile_map(district_tiles(members, page, directory_urls), "重庆各区县文章数示意图"),
              "</div>", "",
              f"没有具体区县的全市性新闻：[全市](quanshi.md) {city_wide} 篇。", "",
              "| 区县 | 文章 | 其中以该区县为主 |", "| --- | --: | --: |"]
    ranked = sorted(members.items(), key=lambda kv: (kv[0] == CITY_WIDE, -len(kv[1]), lazy_pinyin(kv[0])))
    for name, listed in ranked:
        if not listed and name == CITY_WIDE:
            continue
        primary = sum(1 for e in listed if e.places[0] == name)
        target = district_page(name).removeprefix("districts/")
        lines.append(f"| [{escape_markdown(name)}]({target}) | {len(listed)} | {primary} |")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- timeline

def timeline_pages(entries: Sequence[Entry]) -> dict[str, str]:
    """The overview (years → months with counts), one page per year, and one for undated articles."""
    ordered = chronological(entries)
    years: dict[str, list[Entry]] = defaultdict(list)
    undated = []
    for entry in ordered:
        if entry.date:
            years[year_of(entry.date)].append(entry)
        else:
            undated.append(entry)
    names = sorted(years)
    pages = {f"timeline/{year}.md": year_page_text(year, years[year], names) for year in names}
    if undated:
        lines = front_matter(title=UNDATED) + [f"# {UNDATED}", "", "原文和版面都没有写明日期的文章。", ""]
        lines += [article_item("timeline/undated.md", e, show_date=False) for e in undated]
        pages["timeline/undated.md"] = "\n".join(lines) + "\n"
    pages["timeline/index.md"] = timeline_overview(years, len(undated))
    return pages


def month_groups(listed: Sequence[Entry]) -> list[tuple[str, list[Entry]]]:
    """Articles of one year (in date order) by month; year-only dates in a last group ('')."""
    groups: dict[str, list[Entry]] = defaultdict(list)
    for entry in listed:
        groups[month_of(entry.date)].append(entry)
    return sorted(groups.items(), key=lambda kv: kv[0] or "~")


def month_heading(year: str, month: str) -> str:
    """'12月' for a month, '月份不详' for articles known only to the year.

    >>> month_heading("2023", "2023-12"), month_heading("2024", "")
    ('12月', '月份不详')
    """
    return f"{int(month[5:7])}月" if month else "月份不详"


def year_page_text(year: str, listed: Sequence[Entry], years: Sequence[str]) -> str:
    page = f"timeline/{year}.md"
    lines = front_matter(title=f"{year}年", description=f"{year}年的文章，共 {len(listed)} 篇，按日期排列。")
    lines += [f"# {year}年", "", f"共 {len(listed)} 篇，按日期排列。只知道月份的文章排在该月之首，只知道年份的文章列在“月份不详”。", ""]
    lines += [year_pager(year, years), ""]
    for month, group in month_groups(listed):
        lines += [f"## {month_heading(year, month)} {{#{month_anchor(month or year)}}}", ""]
        lines += [article_item(page, e) for e in group]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def year_pager(year: str, years: Sequence[str]) -> str:
    """Links to the neighbouring years and back to the overview.

    >>> year_pager("2024", ["2023", "2024"])
    '[← 2023年](2023.md) · [时间线](index.md)'
    """
    index = years.index(year)
    parts = [f"[← {years[index - 1]}年]({years[index - 1]}.md)"] if index > 0 else []
    parts.append("[时间线](index.md)")
    if index + 1 < len(years):
        parts.append(f"[{years[index + 1]}年 →]({years[index + 1]}.md)")
    return " · ".join(parts)


def timeline_overview(years: dict[str, list[Entry]], undated: int) -> str:
    lines = front_matter(title="时间线", description="按年、月浏览全部文章。")
    lines += ["# 时间线", "", "按年、月浏览全部文章。日期只精确到月或年的文章，按已知的精度显示。", ""]
    if not years and not undated:
        lines += ["暂无文章。", ""]
    for year in sorted(years, reverse=True):
        listed = years[year]
        lines += [f"## [{year}年]({year}.md) · {len(listed)} 篇 {{#y-{year}}}", ""]
        chips = [f"[{month_heading(year, m)}]({year}.md#{month_anchor(m or year)}) {len(g)} 篇"
                 for m, g in month_groups(listed)]
        lines += [" · ".join(chips), ""]
    if undated:
        lines += [f"另有 [{UNDATED}](undated.md) 的文章 {undated} 篇。", ""]
    return "\n".join(lines).rstrip() + "\n"


# ---------------------------------------------------------------- people and tags

def people_of(entry: Entry) -> list[tuple[str, str]]:
    """(name, role) of everyone an article names: its authors first, then the people it mentions."""
    return [(n, "作者") for n in entry.values("authors")] + [(n, "") for n in entry.values("people")]


def tags_of(entry: Entry) -> list[tuple[str, str]]:
    return [(tag, "") for tag in entry.values("tags")]


def people_intro() -> str:
    return "文章中提到的人物和文章的作者，由程序从原文中识别；同名的人可能不是同一人。"


def initial(term: str, surnames: dict[str, str] | None = None) -> str:
    """The index letter of a name or tag: the first letter of its pinyin, '#' for anything else.

    A surname table fixes characters read differently as surnames (曾 zeng).

    >>> initial("重庆"), initial("曾淑俊", {"曾": "zeng"}), initial("曾经"), initial("5G"), initial("app")
    ('C', 'Z', 'C', '#', 'A')
    """
    syllables = reading(term, surnames) if term else [""]
    letter = syllables[0][:1].upper()
    return letter if "A" <= letter <= "Z" else OTHER_LETTER


def reading(term: str, surnames: dict[str, str] | None = None) -> list[str]:
    """The pinyin a term is sorted by, with the surname table applied to its first character.

    >>> reading("曾淑俊", {"曾": "zeng"}), reading("曾经")
    (['zeng', 'shu', 'jun'], ['ceng', 'jing'])
    """
    syllables = lazy_pinyin(term)
    if surnames and term[:1] in surnames and syllables:
        syllables[0] = surnames[term[:1]]
    return syllables


def letter_page(kind: str, letter: str, part: int = 1) -> str:
    """The page of a letter's ``part``-th part: ``people/z.md``, ``people/z-2.md`` …"""
    name = "other" if letter == OTHER_LETTER else letter.lower()
    return f"{kind}/{name}{'' if part == 1 else f'-{part}'}.md"


def term_anchors(terms: Iterable[str]) -> dict[str, str]:
    """A unique ASCII anchor for each term (homophones get a number), stable for a given term set.

    >>> term_anchors(["公会", "工会", "劳模"])
    {'公会': 't-gong-hui', '劳模': 't-lao-mo', '工会': 't-gong-hui-2'}
    """
    anchors: dict[str, str] = {}
    used: set[str] = set()
    for term in sorted(set(terms)):
        base = "t-" + (slugify(term) if slugify(term) != "article" else "term")
        anchor, n = base, 1
        while anchor in used:
            n += 1
            anchor = f"{base}-{n}"
        used.add(anchor)
        anchors[term] = anchor
    return anchors


def term_pages(entries: Sequence[Entry], kind: str, title: str,
               terms_of: Callable[[Entry], list[tuple[str, str]]], intro: str) -> dict[str, str]:
    """An index of terms (people, tags): pages per initial letter, and an overview of the most used.

    Every page stays the same size however large the archive grows: a letter's
    terms are cut into parts of at most ``terms_per_page`` (``z.md``, ``z-2.md`` …),
    and a term lists its ``articles_per_term`` newest articles, then links to the
    search for all of them (the search finds every article naming it).
    """
    data = site_data()
    surnames = data.get("surname_pinyin", {}) if kind == "people" else None
    per_page = max(1, int(data.get("terms_per_page", 150)))
    per_term = max(1, int(data.get("articles_per_term", 5)))
    found: dict[str, list[tuple[Entry, str]]] = defaultdict(list)
    for entry in newest_first(entries):
        for term, role in dict.fromkeys(terms_of(entry)):
            if not any(e is entry for e, _ in found[term]):
                found[term].append((entry, role))
    anchors = term_anchors(found)
    letters: dict[str, list[str]] = defaultdict(list)
    for term in sorted(found, key=lambda t: (reading(t, surnames), t)):
        letters[initial(term, surnames)].append(term)
    order = sorted(letters, key=lambda x: (x == OTHER_LETTER, x))
    parts = {letter: [letters[letter][i:i + per_page] for i in range(0, len(letters[letter]), per_page)]
             for letter in order}
    page_of = {term: letter_page(kind, letter, number)
               for letter in order for number, part in enumerate(parts[letter], 1) for term in part}
    nav = " · ".join(f"[{x}]({letter_page(kind, x).removeprefix(kind + '/')})" for x in order)
    search = docs_link(f"{kind}/index.md", "search/index.md")
    pages = {}
    for letter in order:
        name = letter if letter != OTHER_LETTER else "其他"
        for number, part in enumerate(parts[letter], 1):
            page = letter_page(kind, letter, number)
            heading = f"{title} · {name}" + (f"（{number}）" if len(parts[letter]) > 1 else "")
            lines = front_matter(title=heading) + [f"# {heading}", "", nav, ""]
            if len(parts[letter]) > 1:
                lines += [f"{name}：" + " · ".join(
                    f"**{n}**" if n == number else f"[{n}]({letter_page(kind, letter, n).removeprefix(kind + '/')})"
                    for n in range(1, len(parts[letter]) + 1)), ""]
            for term in part:
                listed = found[term]
                lines += [f"**{escape_markdown(term)}** · {len(listed)} 篇", f"{{: #{anchors[term]} .term }}", ""]
                for entry, role in listed[:per_term]:
                    lines.append(article_item(page, entry) + (f" · {role}" if role else ""))
                if len(listed) > per_term:
                    lines.append(f"- [搜索“{escape_markdown(term)}”，查看全部 {len(listed)} 篇]"
                                 f"({search}?q={quote(term)})")
                lines.append("")
            pages[page] = "\n".join(lines).rstrip() + "\n"
    top = sorted(found, key=lambda t: (-len(found[t]), reading(t, surnames), t))[: int(data.get("top_terms", 60))]
    lines = front_matter(title=title) + [f"# {title}", "", intro, ""]
    if not found:
        lines += ["暂无。", ""]
    else:
        lines += [f"共 {len(found)} 个，按拼音首字母分页：", "", nav, "", "## 最常见", ""]
        chips = []
        for term in top:
            target = page_of[term].removeprefix(kind + "/")
            chips.append(f'<span class="term-chip">[{escape_markdown(term)}]({target}#{anchors[term]}) '
                         f"<small>{len(found[term])}</small></span>")
        lines += ['<p class="term-cloud" markdown>', " ".join(chips), "</p>", ""]
    pages[f"{kind}/index.md"] = "\n".join(lines).rstrip() + "\n"
    return pages
