"""Articles as the site sees them: an article with its page path, sorted and labelled.

Dates carry their precision in their length ('2024', '2023-12', '2024-02-19'),
and every label shows exactly what is known: 2023年12月, never an invented day.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..knowledge.files import knowledge_file

from ..meta.places import load_gazetteer
from ..meta.summary import shorten
from ..knowledge.taxonomy import Theme, load_themes
from ..model import Article
from ..render import dump_yaml, escape_markdown
from ..urls import docs_link, slugify


CITY_WIDE = "全市"
CITY_WIDE_SLUG = "quanshi"
UNDATED = "日期不详"


@dataclass(frozen=True, eq=False)
class Entry:
    """One published article and the docs-relative path of its page."""

    article: Article
    path: str
    markdown: str = ""      # the clean article as the pipeline rendered it ('' when not rendered yet)

    @property
    def title(self) -> str:
        return self.article.title

    @property
    def date(self) -> str:
        return self.article.meta.date

    def values(self, field: str) -> list[str]:
        """A list field of the metadata (themes, districts, tags …), [] when absent."""
        return [str(v) for v in getattr(self.article.meta, field)]

    @property
    def places(self) -> list[str]:
        """The districts, or 全市 for news that names none: every article is somewhere."""
        return self.values("districts") or [CITY_WIDE]


@lru_cache(maxsize=1)
def site_data() -> dict:
    """builder/data/site.yaml, read once."""
    return knowledge_file("site")


def site_text(group: str) -> dict[str, str]:
    """One group of the site's own texts (``texts:`` in data/site.yaml): every word the site prints itself.

    >>> site_text("pager")["next"]
    '下一页'
    """
    return site_data()["texts"][group]


def make_entries(articles: Sequence[Article], paths: Sequence[str]) -> list[Entry]:
    return [Entry(article, path) for article, path in zip(articles, paths)]


# ---------------------------------------------------------------- dates

def date_label(date: str) -> str:
    """A date as readers write it, at exactly the precision known.

    >>> date_label("2024-02-19"), date_label("2023-12"), date_label("2024"), date_label("")
    ('2024年2月19日', '2023年12月', '2024年', '日期不详')
    """
    parts = date.split("-") if date else []
    if not parts:
        return UNDATED
    units = ("年", "月", "日")
    return "".join(f"{int(p) if i else p}{units[i]}" for i, p in enumerate(parts[:3]))


def date_key(date: str) -> str:
    """Sort key of a date: a vaguer date sorts before the precise ones of its period.

    An article known only as 2023年12月 may be from any day of December, so a
    newest-first list (the home page, the feeds) does not put it above the
    articles known to be from December 15th; undated articles sort before
    everything, so newest-first lists end with them.

    >>> sorted(["2023-12", "2023-12-15", "2023", "2023-05-25", ""], key=date_key)
    ['', '2023', '2023-05-25', '2023-12', '2023-12-15']
    """
    if not date:
        return ""
    parts = date.split("-")
    return "-".join(parts + ["00"] * (3 - len(parts)))


def chronological(entries: Iterable[Entry]) -> list[Entry]:
    """Oldest first; same date in page order (source, part); undated last."""
    by_page = sorted(entries, key=lambda e: (e.article.source, e.article.part))
    dated = sorted((e for e in by_page if e.date), key=lambda e: date_key(e.date))
    return dated + [e for e in by_page if not e.date]


def newest_first(entries: Iterable[Entry]) -> list[Entry]:
    """Newest first; same date still in page order; undated last."""
    by_page = sorted(entries, key=lambda e: (e.article.source, e.article.part))
    # sort(reverse=True) keeps equal keys in their original (page) order
    return sorted(by_page, key=lambda e: date_key(e.date), reverse=True)


def year_of(date: str) -> str:
    return date[:4]


def year_heading(entry: Entry) -> str:
    """The heading a newest-first listing puts an article under: its year, or 日期不详.

    >>> from builder.model import Article
    >>> from builder.model import Metadata
    >>> year_heading(Entry(Article("p", 1, meta=Metadata(date="2024-02-19")), "a.md")), year_heading(Entry(Article("p", 1), "a.md"))
    ('2024年', '日期不详')
    """
    return f"{year_of(entry.date)}年" if entry.date else UNDATED


def month_of(date: str) -> str:
    """'2023-12' for a date known to the month or day, '' otherwise.

    >>> month_of("2024-02-19"), month_of("2023-12"), month_of("2024")
    ('2024-02', '2023-12', '')
    """
    return date[:7] if len(date) >= 7 else ""


def month_page(month: str) -> str:
    """The timeline page of one month ('2023-12' or a full date).

    >>> month_page("2023-12"), month_page("2024-02-19")
    ('timeline/2023/12.md', 'timeline/2024/02.md')
    """
    return f"timeline/{month[:4]}/{month[5:7]}.md"


# ---------------------------------------------------------------- places and themes

def district_slug(name: str) -> str:
    """The URL slug of a district page: the gazetteer's stable slug, 'quanshi' for 全市.

    >>> district_slug("北碚区"), district_slug("全市")
    ('beibei', 'quanshi')
    """
    if name == CITY_WIDE:
        return CITY_WIDE_SLUG
    place = load_gazetteer().district(name)
    return place.slug if place is not None and place.slug else slugify(name)


def district_page(name: str) -> str:
    return f"districts/{district_slug(name)}.md"


@lru_cache(maxsize=1)
def themes_by_name() -> dict[str, Theme]:
    return {theme.name: theme for theme in load_themes()}


def theme_page(name: str) -> str | None:
    """The page of a theme by name; None for a name the taxonomy does not know."""
    theme = themes_by_name().get(name)
    return f"themes/{theme.slug}.md" if theme else None


def year_page(date: str) -> str:
    return f"timeline/{year_of(date)}.md" if date else "timeline/undated.md"


def date_link(from_page: str, date: str) -> str:
    """The date as a Markdown link to its month in the timeline (its year when the month is not known).

    >>> date_link("articles/2023/a.md", "2023-12-05")
    '[2023年12月5日](../../timeline/2023/12.md)'
    >>> date_link("index.md", "2024"), date_link("index.md", "")
    ('[2024年](timeline/2024.md)', '[日期不详](timeline/undated.md)')
    """
    target = month_page(date) if month_of(date) else year_page(date)
    return f"[{date_label(date)}]({docs_link(from_page, target)})"


# ---------------------------------------------------------------- list items

_escaped = lru_cache(maxsize=1 << 16)(escape_markdown)


def article_link(from_page: str, entry: Entry) -> str:
    return f"[{_escaped(entry.title)}]({docs_link(from_page, entry.path)})"


# A listing page names the same few themes and districts in item after item, and each title is
# listed on some twenty pages: the links and escapes are cached (pure: the taxonomy is fixed).
@lru_cache(maxsize=1 << 14)
def theme_link(from_page: str, name: str) -> str:
    """A theme's name linked to its page; a theme without a page (no articles yet) is named, not linked.

    >>> theme_link("index.md", "渝工铸魂"), theme_link("index.md", "某某")
    ('[渝工铸魂](themes/zhuhun.md)', '某某')
    """
    page = theme_page(name)
    return f"[{escape_markdown(name)}]({docs_link(from_page, page)})" if page else escape_markdown(name)


@lru_cache(maxsize=1 << 14)
def district_link(from_page: str, name: str) -> str:
    """A district's name (or 全市) linked to its page.

    >>> district_link("index.md", "两江新区")
    '[两江新区](districts/liangjiang.md)'
    """
    return f"[{escape_markdown(name)}]({docs_link(from_page, district_page(name))})"


def article_item(from_page: str, entry: Entry, *, show_date: bool = True, summary: bool = False) -> str:
    """One Markdown list item: the title, then date · theme links · district links, then (optionally) the summary.

    The title leads, as in a newspaper's index; the meta line lets a reader go
    on to the article's theme or district straight from the list.

    >>> from builder.model import Article
    >>> from builder.model import Metadata
    >>> a = Article("p.txt", 1, title="长寿区“春送岗位”", column="渝工暖心",
    ...             meta=Metadata(date="2024-02-19", themes=["渝工暖心"], districts=["长寿区"],
    ...                   description="<b>招聘会</b>"))
    >>> print(article_item("themes/nuanxin.md", Entry(a, "articles/2024/x.md"), summary=True))
    -   [长寿区“春送岗位”](../articles/2024/x.md){: .item-title }
        <span class="item-meta">2024年2月19日 · [渝工暖心](nuanxin.md) · [长寿区](../districts/changshou.md)</span>
        <span class="item-summary">&lt;b&gt;招聘会&lt;/b&gt;</span>
    """
    thumbnail = entry.article.meta.thumbnail
    # the article's first photo, small, opening its item; MkDocs rewrites the link for the page's URL
    thumb = f"![]({docs_link(from_page, thumbnail)}){{: .item-thumb loading=lazy }} " if thumbnail else ""
    lines = [f"-   {thumb}{article_link(from_page, entry)}{{: .item-title }}"]
    meta = [date_label(entry.date)] if show_date else []
    meta += [theme_link(from_page, name) for name in entry.values("themes")]
    meta += [district_link(from_page, name) for name in entry.places]
    lines.append(f'    <span class="item-meta">{" · ".join(meta)}</span>')
    description = entry.article.meta.description
    if summary and description:
        lines.append(f'    <span class="item-summary">{_escaped(listed_summary(description))}</span>')
    return "\n".join(lines)


def listing_setting(key: str, default: int) -> int:
    """One number of ``listing:`` in data/site.yaml (per_page, summary_chars), at least 1."""
    return max(1, int(site_data().get("listing", {}).get(key, default)))


@lru_cache(maxsize=1)
def summary_chars() -> int:
    """How long an item's summary is (``listing.summary_chars`` in data/site.yaml)."""
    return listing_setting("summary_chars", 48)


# an article is listed about fifteen times (its themes, district, year, month, tags, people): cut once
@lru_cache(maxsize=1 << 15)
def listed_summary(description: str) -> str:
    """The article's description as a list shows it: one line's worth, cut at a clause break with '…'.

    The list shows one line (site.css ends it with …); the rest would be bytes
    on every listing the article is in (about fifteen) that no reader sees.

    | description | listed |
    | --- | --- |
    | 48 characters or fewer | as it is |
    | longer, with a ，/；/： in its second half | up to that break, then … |
    | longer, without one | cut at the limit, then … |

    >>> listed_summary("5月20日，区总工会举办职工运动会。")
    '5月20日，区总工会举办职工运动会。'
    >>> listed_summary("近日，渝北区总工会在空港新城举办2024年“春风行动”专场招聘会，共有86家企业参加，提供就业岗位2300余个，吸引求职者1200余人。")
    '近日，渝北区总工会在空港新城举办2024年“春风行动”专场招聘会，共有86家企业参加…'
    """
    return shorten(description, summary_chars())


def article_line(from_page: str, entry: Entry) -> str:
    """A compact item, the title and its date, where several articles stand under another heading.

    >>> from builder.model import Article
    >>> from builder.model import Metadata
    >>> print(article_line("people/z.md", Entry(Article("p.txt", 1, title="标题", meta=Metadata(date="2023-12")),
    ...                                         "articles/2023/x.md")))
    - [标题](../articles/2023/x.md) <span class="item-date">2023年12月</span>
    """
    return f'- {article_link(from_page, entry)} <span class="item-date">{date_label(entry.date)}</span>'


def front_matter(**fields) -> list[str]:
    """Front matter lines of a generated page (YAML-safe whatever the values hold)."""
    dumped = dump_yaml({k: v for k, v in fields.items() if v not in (None, "", [])})
    return ["---", dumped.rstrip(), "---", ""]
