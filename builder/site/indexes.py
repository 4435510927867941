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

from ..meta.places import Locality, load_gazetteer
from ..knowledge.taxonomy import Theme, load_themes
from ..render import escape_markdown
from .entries import (
    CITY_WIDE,
    UNDATED,
    Entry,
    article_line,
    chronological,
    date_label,
    district_page,
    front_matter,
    month_of,
    month_page,
    newest_first,
    site_data,
    site_text,
    year_heading,
    year_of,
)
from .listing import Listing, listing_pages, pages_of
from .svg import Tile, tile_map
from ..urls import docs_link, relative_url, slugify, syllables

OTHER_LETTER = "#"


def index_pages(entries: Sequence[Entry], *, directory_urls: bool = True) -> dict[str, str]:
    """Every index page, keyed by its docs-relative path."""
    pages: dict[str, str] = {}
    pages.update(theme_pages(entries))
    pages.update(district_pages(entries, directory_urls=directory_urls))
    pages.update(timeline_pages(entries))
    for kind, terms_of in (("people", people_of), ("tags", tags_of)):
        texts = site_text(kind)
        pages.update(term_pages(entries, kind, texts["title"], terms_of, texts["intro"]))
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
    """Every page of every theme (all of them, so their URLs never come and go) and the overview."""
    themes = load_themes()
    members = theme_members(entries, themes)
    pages = {}
    for theme in themes:
        pages.update(listing_pages(theme_listing(theme, themes, members)))
    pages["themes/index.md"] = themes_overview(themes, members)
    return pages


def themes_overview(themes: Sequence[Theme], members: dict[str, list[Entry]], from_page: str = "themes/index.md",
                    intro: bool = True) -> str:
    """The five 行动 as cards, each with its 实事 and their article counts; a theme without articles is not linked.

    Its page still exists (its URL never comes and goes), but a reader is not
    sent to an empty list.
    """
    texts = site_text("themes")
    lines = front_matter(title=texts["title"], description=texts["description"]) if intro else []
    prefix = "" if from_page.startswith("themes/") else "themes/"
    if intro:
        lines += [f"# {texts['title']}", "", texts["intro"], ""]
    lines += ['<div class="grid cards theme-groups" markdown>', ""]

    def name_of(theme: Theme, strong: bool = False) -> str:
        name = escape_markdown(theme.name)
        name = f"**{name}**" if strong else name
        count = texts["count"].format(count=len(members[theme.name]))
        return f"[{name}]({prefix}{theme.slug}.md) · {count}" if members[theme.name] else f"{name} · {count}"

    for group in (t for t in themes if t.kind == "行动"):
        lines += [f"-   {name_of(group, strong=True)}", "", "    ---", "", f"    {escape_markdown(group.description)}", ""]
        for child in (t for t in themes if t.group == group.name):
            lines.append(f"    - {name_of(child)}")
        lines.append("")
    lines += ["</div>", ""]
    return "\n".join(lines)


def theme_listing(theme: Theme, themes: Sequence[Theme], members: dict[str, list[Entry]]) -> Listing:
    texts = site_text("themes")
    listed = members[theme.name]
    intro = [escape_markdown(theme.description), ""]
    parent = next((t for t in themes if t.name == theme.group), None)
    if parent is not None:
        intro += [texts["part_of"].format(parent=f"[{escape_markdown(parent.name)}]({parent.slug}.md)"), ""]
    children = [t for t in themes if t.group == theme.name]
    if children:
        names = "、".join(f"[{escape_markdown(c.name)}]({c.slug}.md)（{texts['count'].format(count=len(members[c.name]))}）"
                         for c in children)
        intro += [texts["includes"].format(children=names), ""]
    intro += [texts["total"].format(count=len(listed), feed=f"../feeds/{theme.slug}.xml")]
    return Listing(f"themes/{theme.slug}.md", theme.name, listed, intro, theme.description, group=year_heading)


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
    """Every page of each district with articles, of 全市 always, and the overview with the tile map."""
    texts = site_text("districts")
    members = district_members(entries)
    members.setdefault(CITY_WIDE, [])
    pages = {}
    for name, listed in members.items():
        intro = [texts["city_wide_intro"], ""] if name == CITY_WIDE else []
        intro += [texts["total"].format(count=len(listed), overview="index.md")]
        pages.update(listing_pages(Listing(district_page(name), name, listed, intro,
                                           texts["description"].format(name=name, count=len(listed)),
                                           group=year_heading)))
    pages["districts/index.md"] = districts_overview(members, directory_urls)
    return pages


def districts_overview(members: dict[str, list[Entry]], directory_urls: bool = True) -> str:
    texts = site_text("districts")
    page = "districts/index.md"
    city_wide = len(members.get(CITY_WIDE, []))
    lines = front_matter(title=texts["title"], description=texts["overview_description"])
    lines += [f"# {texts['title']}", "", texts["overview_intro"], "",
              '<div class="tile-map-box">',
              tile_map(district_tiles(members, page, directory_urls), texts["map_label"]),
              "</div>", "",
              texts["city_wide_line"].format(link=f"[{CITY_WIDE}](quanshi.md)", count=city_wide), "",
              f"| {texts['column_district']} | {texts['column_articles']} | {texts['column_primary']} |",
              "| --- | --: | --: |"]
    ranked = sorted(members.items(), key=lambda kv: (kv[0] == CITY_WIDE, -len(kv[1]), syllables(kv[0])))
    for name, listed in ranked:
        if not listed and name == CITY_WIDE:
            continue
        primary = sum(1 for e in listed if e.places[0] == name)
        target = district_page(name).removeprefix("districts/")
        lines.append(f"| [{escape_markdown(name)}]({target}) | {len(listed)} | {primary} |")
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- timeline

def timeline_pages(entries: Sequence[Entry]) -> dict[str, str]:
    """The overview (years → months with counts), each year's and each month's pages, and the undated ones."""
    texts = site_text("timeline")
    ordered = chronological(entries)
    years: dict[str, list[Entry]] = defaultdict(list)
    undated = []
    for entry in ordered:
        if entry.date:
            years[year_of(entry.date)].append(entry)
        else:
            undated.append(entry)
    names = sorted(years)
    pages: dict[str, str] = {}
    for year in names:
        listed = years[year]
        by_month = month_groups(listed)
        intro = [texts["year_intro"].format(count=len(listed)), "", year_pager(year, names), ""]
        # month by month, the articles known only to the year after December
        in_order = [e for _, group in by_month for e in group]
        pages.update(listing_pages(Listing(f"timeline/{year}.md", f"{year}年", in_order, intro,
                                           texts["year_description"].format(year=year, count=len(listed)),
                                           group=lambda e, y=year: month_heading(y, month_of(e.date)))))
        for month, group in by_month:
            if month:
                title = date_label(month)
                intro = [texts["month_intro"].format(count=len(group), year=f"[{year}年](../{year}.md)"), ""]
                pages.update(listing_pages(Listing(month_page(month), title, group, intro,
                                                   texts["month_description"].format(month=title, count=len(group)))))
    if undated:
        pages.update(listing_pages(Listing("timeline/undated.md", UNDATED, undated, [texts["undated_intro"], ""])))
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
    return f"{int(month[5:7])}月" if month else site_text("timeline")["month_unknown"]


def year_pager(year: str, years: Sequence[str]) -> str:
    """Links to the neighbouring years and back to the overview.

    >>> year_pager("2024", ["2023", "2024"])
    '[← 2023年](2023.md) · [时间线](index.md)'
    """
    index = years.index(year)
    parts = [f"[← {years[index - 1]}年]({years[index - 1]}.md)"] if index > 0 else []
    parts.append(f"[{site_text('timeline')['title']}](index.md)")
    if index + 1 < len(years):
        parts.append(f"[{years[index + 1]}年 →]({years[index + 1]}.md)")
    return " · ".join(parts)


def timeline_overview(years: dict[str, list[Entry]], undated: int) -> str:
    texts = site_text("timeline")
    lines = front_matter(title=texts["title"], description=texts["description"])
    lines += [f"# {texts['title']}", "", texts["intro"], ""]
    if not years and not undated:
        lines += [site_text("listing")["empty"], ""]
    for year in sorted(years, reverse=True):
        listed = years[year]
        lines += [f"## [{year}年]({year}.md) · {texts['count'].format(count=len(listed))} {{#y-{year}}}", ""]
        chips = [(f"[{month_heading(year, m)}]({docs_link('timeline/index.md', month_page(m))})" if m
                  else month_heading(year, m)) + " " + texts["count"].format(count=len(g))
                 for m, g in month_groups(listed)]
        lines += [" · ".join(chips), ""]
    if undated:
        lines += [texts["undated_line"].format(link=f"[{UNDATED}](undated.md)", count=undated), ""]
    return "\n".join(lines).rstrip() + "\n"


# ---------------------------------------------------------------- people and tags

def people_of(entry: Entry) -> list[tuple[str, str]]:
    """(name, role) of everyone an article names: its authors first, then the people it mentions."""
    author = site_text("people")["author_role"]
    return [(n, author) for n in entry.values("authors")] + [(n, "") for n in entry.values("people")]


def tags_of(entry: Entry) -> list[tuple[str, str]]:
    return [(tag, "") for tag in entry.values("tags")]


def initial(term: str, surnames: dict[str, str] | None = None) -> str:
    """The index letter of a name or tag: the first letter of its pinyin, '#' for anything else.

    A surname table fixes characters read differently as surnames (曾 zeng).

    >>> initial("重庆"), initial("曾淑俊", {"曾": "zeng"}), initial("曾经"), initial("5G"), initial("app")
    ('C', 'Z', 'C', '#', 'A')
    """
    read = reading(term, surnames) if term else [""]
    letter = read[0][:1].upper()
    return letter if "A" <= letter <= "Z" else OTHER_LETTER


def reading(term: str, surnames: dict[str, str] | None = None) -> list[str]:
    """The pinyin a term is sorted by, with the surname table applied to its first character.

    >>> reading("曾淑俊", {"曾": "zeng"}), reading("曾经")
    (['zeng', 'shu', 'jun'], ['ceng', 'jing'])
    """
    read = list(syllables(term))
    if surnames and term[:1] in surnames and read:
        read[0] = surnames[term[:1]]
    return read


def letter_page(kind: str, letter: str, part: int = 1) -> str:
    """The page of a letter's ``part``-th part: ``people/z.md``, ``people/z-2.md`` …"""
    name = "other" if letter == OTHER_LETTER else letter.lower()
    return f"{kind}/{name}{'' if part == 1 else f'-{part}'}.md"


def term_page(kind: str, letter: str, anchor: str) -> str:
    """The listing of every article of one term, under its letter: ``people/z/zhang-san.md``.

    >>> term_page("people", "Z", "t-zhang-san"), term_page("tags", "#", "t-5g")
    ('people/z/zhang-san.md', 'tags/other/5g.md')
    """
    return letter_page(kind, letter)[:-3] + "/" + anchor.removeprefix("t-") + ".md"


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
    """An index of terms (people, tags): pages per initial letter, a listing per busy term, and an overview.

    Every page stays the same size however large the archive grows: a letter's
    terms are cut into parts of at most ``terms_per_page`` (``z.md``, ``z-2.md`` …);
    a term shows its ``articles_per_term`` newest articles there, and a term
    with more has its own paginated listing (``z/zhang-san.md``) with all of them.
    """
    data = site_data()
    texts = site_text("terms")
    surnames = data.get("surname_pinyin", {}) if kind == "people" else None
    per_page_terms = max(1, int(data.get("terms_per_page", 100)))
    per_term = max(1, int(data.get("articles_per_term", 3)))
    found: dict[str, list[tuple[Entry, str]]] = defaultdict(list)
    for entry in newest_first(entries):
        seen: set[str] = set()       # a term listed twice for one entry (two roles) keeps its first role
        for term, role in terms_of(entry):
            if term not in seen:
                seen.add(term)
                found[term].append((entry, role))
    anchors = term_anchors(found)
    letters: dict[str, list[str]] = defaultdict(list)
    for term in sorted(found, key=lambda t: (reading(t, surnames), t)):
        letters[initial(term, surnames)].append(term)
    order = sorted(letters, key=lambda x: (x == OTHER_LETTER, x))
    parts = {letter: pages_of(letters[letter], per_page_terms) for letter in order}
    page_of = {term: letter_page(kind, letter, number)
               for letter in order for number, part in enumerate(parts[letter], 1) for term in part}
    nav = " · ".join(f"[{x}]({letter_page(kind, x).removeprefix(kind + '/')})" for x in order)
    pages: dict[str, str] = {}
    for letter in order:
        name = letter if letter != OTHER_LETTER else texts["other_letter"]
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
                count = texts["count"].format(count=len(listed))
                lines += [f"**{escape_markdown(term)}** · {count}", f"{{: #{anchors[term]} .term }}", ""]
                for entry, role in listed[:per_term]:
                    lines.append(article_line(page, entry) + (f" · {role}" if role else ""))
                if len(listed) > per_term:
                    listing = term_page(kind, letter, anchors[term])
                    lines.append(f"- [{texts['all'].format(count=len(listed))}]({docs_link(page, listing)})")
                    pages.update(listing_pages(Listing(
                        listing, term, [e for e, _ in listed],
                        [texts["term_intro"].format(count=len(listed),
                                                    index=f"[{title} · {name}]({docs_link(listing, page)}#{anchors[term]})"), ""],
                        texts["term_description"].format(term=term, count=len(listed)), group=year_heading)))
                lines.append("")
            pages[page] = "\n".join(lines).rstrip() + "\n"
    top = sorted(found, key=lambda t: (-len(found[t]), reading(t, surnames), t))[: int(data.get("top_terms", 60))]
    lines = front_matter(title=title) + [f"# {title}", "", intro, ""]
    if not found:
        lines += [texts["none"], ""]
    else:
        lines += [texts["letters"].format(count=len(found)), "", nav, ""]
        # "most common" says something only when some terms are more common than others
        if len({len(found[t]) for t in top}) > 1:
            chips = []
            for term in top:
                target = page_of[term].removeprefix(kind + "/")
                chips.append(f'<span class="term-chip">[{escape_markdown(term)}]({target}#{anchors[term]}) '
                             f"<small>{len(found[term])}</small></span>")
            lines += [f"## {texts['most_common']}", "", '<p class="term-cloud" markdown>', " ".join(chips), "</p>", ""]
    pages[f"{kind}/index.md"] = "\n".join(lines).rstrip() + "\n"
    return pages
