"""Index pages readers browse by: themes, districts, timeline and tags.

Pure functions from the published articles to Markdown pages (docs-relative
path → text).  Lists are newest first; undated articles come last.  Links
are relative Markdown links, so MkDocs checks every one of them.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from collections.abc import Sequence

from .meta.themes import load_themes
from .model import Article
from .render import escape_markdown
from .urls import slugify

CITY_WIDE = "全市"
CITY_WIDE_SLUG = "quanshi"


def index_pages(articles: Sequence[Article], paths: Sequence[str]) -> dict[str, str]:
    """Every index page, keyed by its docs-relative path."""
    entries = sorted(zip(articles, paths), key=_newest_first)
    pages: dict[str, str] = {}
    pages.update(theme_pages(entries))
    pages.update(district_pages(entries))
    pages.update(timeline_page(entries))
    pages.update(tag_page(entries))
    return pages


def _newest_first(entry: tuple[Article, str]) -> tuple:
    article, path = entry
    date = article.meta.get("date") or ""
    # reverse date order without reversing the tie-break: negate each character
    return (date == "", [-ord(ch) for ch in date], article.source, article.part)


def _link(from_page: str, article: Article, path: str) -> str:
    return f"[{escape_markdown(article.title)}]({posixpath.relpath(path, posixpath.dirname(from_page))})"


def _item(from_page: str, article: Article, path: str) -> str:
    date = article.meta.get("date") or "日期不详"
    where = "、".join(article.meta.get("districts") or []) or CITY_WIDE
    column = article.column or "、".join(article.meta.get("themes") or [])
    extra = " · ".join(escape_markdown(x) for x in (where, column) if x)
    return f"- {date} · {_link(from_page, article, path)} · {extra}"


def theme_pages(entries: list[tuple[Article, str]]) -> dict[str, str]:
    themes = load_themes()
    by_theme: dict[str, list[tuple[Article, str]]] = defaultdict(list)
    for article, path in entries:
        for name in article.meta.get("themes") or []:
            by_theme[name].append((article, path))
    pages = {}
    overview = ["---", "title: 专题", "---", "", "# 专题", "",
                "按重庆工会“五大行动”和“十件实事”分类。", "",
                "| 专题 | 说明 | 文章 |", "| --- | --- | --: |"]
    for theme in themes:
        page = f"themes/{theme.slug}.md"
        listed = by_theme.get(theme.name, [])
        overview.append(f"| [{escape_markdown(theme.name)}]({theme.slug}.md) | "
                        f"{escape_markdown(theme.description)} | {len(listed)} |")
        body = ["---", f"title: {theme.name}", "---", "", f"# {escape_markdown(theme.name)}", "",
                escape_markdown(theme.description), ""]
        body += [_item(page, a, p) for a, p in listed] or ["暂无文章。"]
        pages[page] = "\n".join(body) + "\n"
    pages["themes/index.md"] = "\n".join(overview) + "\n"
    return pages


def district_pages(entries: list[tuple[Article, str]]) -> dict[str, str]:
    by_district: dict[str, list[tuple[Article, str]]] = defaultdict(list)
    for article, path in entries:
        districts = article.meta.get("districts") or [CITY_WIDE]
        for name in districts:
            by_district[name].append((article, path))
    pages = {}
    overview = ["---", "title: 区县", "---", "", "# 区县", "", "各区县工会的新闻；全市性的新闻列在“全市”。", "",
                "| 区县 | 文章 | 其中为主 |", "| --- | --: | --: |"]
    ranked = sorted(by_district.items(), key=lambda kv: (kv[0] != CITY_WIDE, -len(kv[1]), kv[0]))
    for name, listed in ranked:
        slug = CITY_WIDE_SLUG if name == CITY_WIDE else slugify(name)
        page = f"districts/{slug}.md"
        primary = sum(1 for a, _ in listed if (a.meta.get("districts") or [CITY_WIDE])[0] == name)
        overview.append(f"| [{escape_markdown(name)}]({slug}.md) | {len(listed)} | {primary} |")
        body = ["---", f"title: {name}", "---", "", f"# {escape_markdown(name)}", ""]
        body += [_item(page, a, p) for a, p in listed]
        pages[page] = "\n".join(body) + "\n"
    pages["districts/index.md"] = "\n".join(overview) + "\n"
    return pages


def timeline_page(entries: list[tuple[Article, str]]) -> dict[str, str]:
    page = "timeline/index.md"
    lines = ["---", "title: 时间线", "---", "", "# 时间线", ""]
    current_year = current_month = None
    for article, path in entries:
        date = article.meta.get("date") or ""
        year = date[:4] or "日期不详"
        month = date[5:7] if len(date) >= 7 else ""
        if year != current_year:
            lines += [f"## {year}年" if date else "## 日期不详", ""]
            current_year, current_month = year, None
        if date and month != current_month:
            lines += [f"### {int(month)}月" if month else "### 月份不详", ""]
            current_month = month
        lines.append(_item(page, article, path))
    return {page: "\n".join(lines) + "\n"}


def tag_page(entries: list[tuple[Article, str]]) -> dict[str, str]:
    page = "tags/index.md"
    by_tag: dict[str, list[tuple[Article, str]]] = defaultdict(list)
    for article, path in entries:
        for tag in article.meta.get("tags") or []:
            by_tag[tag].append((article, path))
    lines = ["---", "title: 标签", "---", "", "# 标签", ""]
    for tag in sorted(by_tag, key=lambda t: (-len(by_tag[t]), t)):
        lines += [f"## {escape_markdown(tag)}", ""]
        lines += [_item(page, a, p) for a, p in by_tag[tag]]
        lines.append("")
    return {page: "\n".join(lines).rstrip() + "\n"}
