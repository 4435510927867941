"""An article's page on the site: the clean article under a newspaper's head, plus its links into the site.

Above the headline: where the reader is (当前位置：首页 › 专题 › 渝工铸魂).  Under
it: where it was printed (原载《报名》2023年5月25日 第4版, when the page says so),
the authors and the reading time, then the date (linked to its month), the
printed labels and the theme and district links.  Below the body: the
captions of photos the site does not have, in one 原版配图说明 block, up to
five related articles and the previous/next article in the timeline.  The raw
page's file name and line numbers are the editors' business (``explain``),
not the reader's.  Nothing here grows with the archive.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..render import escape_markdown, render_body, render_front_matter, split_front_matter
from ..urls import docs_link, relative_url
from .entries import (
    Entry,
    article_line,
    date_label,
    date_link,
    district_link,
    district_page,
    site_data,
    site_text,
    theme_link,
    theme_page,
)


def breadcrumb(entry: Entry) -> str:
    """当前位置：首页 › 专题 › the article's first theme (or 区县 › its first district).

    >>> from builder.model import Article, Metadata
    >>> a = Article("p.txt", 1, title="t", meta=Metadata(themes=["渝工铸魂"], districts=["两江新区"]))
    >>> print(breadcrumb(Entry(a, "articles/2023/x.md")))
    <nav class="article-breadcrumb" aria-label="当前位置" markdown>当前位置：[首页](../../index.md) › [专题](../../themes/index.md) › [渝工铸魂](../../themes/zhuhun.md)</nav>
    >>> print(breadcrumb(Entry(Article("p.txt", 1, title="t"), "articles/2023/x.md")))
    <nav class="article-breadcrumb" aria-label="当前位置" markdown>当前位置：[首页](../../index.md) › [区县](../../districts/index.md) › [全市](../../districts/quanshi.md)</nav>
    """
    texts = site_text("article")
    page = entry.path
    theme = next((n for n in entry.values("themes") if theme_page(n)), None)
    if theme is not None:
        section, target, name = texts["themes"], theme_page(theme), theme
    else:
        section, name = texts["districts"], entry.places[0]
        target = district_page(name)
    trail = [f"[{texts['home']}]({docs_link(page, 'index.md')})",
             f"[{section}]({docs_link(page, target.rsplit('/', 1)[0] + '/index.md')})",
             f"[{escape_markdown(name)}]({docs_link(page, target)})"]
    separator = f" {texts['breadcrumb_separator']} "
    return (f'<nav class="article-breadcrumb" aria-label="{texts["breadcrumb_label"]}" markdown>'
            f'{texts["breadcrumb"]}{separator.join(trail)}</nav>')


def printed_in(entry: Entry) -> str:
    """原载《报名》2023年5月25日 第4版: where the article was printed, as far as the page says.

    The paper's name comes from the page (a 来源 line) or, for e-paper pages
    whose edition header names none, from ``article.publication`` in
    data/site.yaml; a paper is printed in 《》, a website is not.

    >>> from builder.model import Article, Metadata
    >>> printed_in(Entry(Article("p.txt", 2, edition={"page": "004", "date": "2023-05-25"}), "a.md"))
    '原载2023年5月25日 第4版'
    >>> printed_in(Entry(Article("p.txt", 1, edition={"date": "2024-05-11", "origin": "工人日报"}), "a.md"))
    '原载《工人日报》2024年5月11日'
    >>> printed_in(Entry(Article("p.txt", 1, edition={"origin": "中工网"}), "a.md")), printed_in(Entry(Article("p", 1), "a.md"))
    ('原载中工网', '')
    """
    settings = site_data().get("article", {})
    edition = entry.article.edition
    page_no, printed = edition.get("page", ""), edition.get("date", "")
    origin = edition.get("origin", "") or (settings.get("publication", "") if page_no else "")
    if not (page_no or printed or origin):
        return ""
    if origin and origin.endswith(tuple(settings.get("periodical_endings", ()))):
        origin = f"《{origin}》"
    number = f" 第{int(page_no) if page_no.isdigit() else page_no}版" if page_no else ""
    return escape_markdown(f"{site_text('article')['printed_in']}{origin}{date_label(printed) if printed else ''}{number}")


# what str.isalnum() is not (Python's \w is isalnum() and "_"): letters, Han and digits are read
_NOT_ALNUM = re.compile(r"[\W_]+")


def reading_minutes(entry: Entry) -> int:
    """Minutes to read the article at ``article.reading_speed`` characters a minute (at least one).

    >>> from builder.model import Article, Metadata, Para
    >>> reading_minutes(Entry(Article("p", 1, body=[Para("职工" * 600, 1, 1)]), "a.md"))
    2
    >>> reading_minutes(Entry(Article("p", 1, body=[Para("短讯。", 1, 1)]), "a.md"))
    1
    """
    speed = int(site_data().get("article", {}).get("reading_speed", 500))
    length = sum(len(_NOT_ALNUM.sub("", para.text)) for para in entry.article.body)
    return max(1, round(length / speed))


def meta_line(entry: Entry) -> str:
    """Date · printed labels · theme links · district links, as one Markdown paragraph.

    >>> from builder.model import Article, Metadata
    >>> a = Article("p.txt", 1, title="t", column="渝工铸魂", series="成渝·工会在行动",
    ...             meta=Metadata(date="2023-12", themes=["渝工铸魂"], districts=["两江新区"]))
    >>> print(meta_line(Entry(a, "articles/2023/x.md")))
    [2023年12月](../../timeline/2023/12.md) · 成渝·工会在行动 · 专题 [渝工铸魂](../../themes/zhuhun.md) · 区县 [两江新区](../../districts/liangjiang.md)
    {: .article-meta }
    """
    article, page = entry.article, entry.path
    themes = entry.values("themes")
    parts = [date_link(page, entry.date)]
    parts += [escape_markdown(label) for label in dict.fromkeys((article.column, article.series, article.section))
              if label and label not in themes]
    texts = site_text("article")
    if themes:
        parts.append(texts["themes"] + " " + "、".join(theme_link(page, n) for n in themes))
    parts.append(texts["districts"] + " " + "、".join(district_link(page, n) for n in entry.places))
    return " · ".join(parts) + "\n{: .article-meta }"


def byline(entry: Entry) -> str:
    """原载… · 作者… · 阅读约N分钟, as one paragraph under the headline.

    >>> from builder.model import Article, Metadata, Para
    >>> a = Article("p", 1, body=[Para("正文。", 1, 1)], edition={"page": "004", "date": "2023-05-25"},
    ...             meta=Metadata(authors=["何勇"], affiliations=["黔江区总工会"]))
    >>> print(byline(Entry(a, "a.md")))
    原载2023年5月25日 第4版 · 作者 何勇（黔江区总工会） · 阅读约1分钟
    {: .article-byline }
    >>> byline(Entry(Article("p", 1, meta=Metadata(authors=["罗梅", "何菊"])), "a.md")).splitlines()[0]
    '作者 罗梅、何菊 · 阅读约1分钟'
    """
    texts = site_text("article")
    parts = [printed_in(entry)]
    authors = entry.values("authors")
    if authors:
        affiliations = entry.values("affiliations")
        if len(affiliations) == len(authors):
            names = [f"{a}（{o}）" for a, o in zip(authors, affiliations)]
        else:
            names = authors + ([f"（{'、'.join(affiliations)}）"] if affiliations else [])
        parts.append(texts["authors"] + " " + escape_markdown("、".join(names)))
    parts.append(texts["reading_time"].format(minutes=reading_minutes(entry)))
    return " · ".join(p for p in parts if p) + "\n{: .article-byline }"


def related_block(entry: Entry, related: Sequence[Entry]) -> str:
    if not related:
        return ""
    lines = [f"## {site_text('article')['related']} {{#related}}", ""] + [article_line(entry.path, other)
                                                                          for other in related]
    return "\n".join(lines)


def pager(entry: Entry, before: Entry | None, after: Entry | None) -> str:
    """Links to the previous (older) and next (newer) article of the timeline."""
    if before is None and after is None:
        return ""
    texts = site_text("article")
    links = []
    if before is not None:
        links.append(f'[<span class="pager-label">{texts["older"]}</span>{escape_markdown(before.title)}]'
                     f"({docs_link(entry.path, before.path)}){{: .pager-prev rel=prev }}")
    if after is not None:
        links.append(f'[<span class="pager-label">{texts["newer"]}</span>{escape_markdown(after.title)}]'
                     f"({docs_link(entry.path, after.path)}){{: .pager-next rel=next }}")
    return f'<nav class="article-pager" aria-label="{texts["pager_label"]}" markdown>\n\n' + "\n\n".join(links) + "\n\n</nav>"


def article_page(entry: Entry, related: Sequence[Entry], before: Entry | None, after: Entry | None,
                 directory_urls: bool = True) -> str:
    """The Markdown of an article's page on the site."""
    header = "\n\n".join((byline(entry), meta_line(entry)))
    footer = "\n\n".join(x for x in (related_block(entry, related), pager(entry, before, after)) if x)
    # the front matter is the clean article's, reused as the pipeline rendered it
    front = split_front_matter(entry.markdown)[0] or render_front_matter(entry.article)
    return front + render_body(entry.article, above=breadcrumb(entry), header=header, footer=footer,
                               photo_url=lambda path: relative_url(entry.path, path, directory_urls),
                               unphotographed=site_text("article")["print_captions"])
