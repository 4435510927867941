"""An article's page on the site: the clean article plus its links into the site.

Above the body: the date (linked to its month in the timeline, at the
precision known), the printed column labels, the themes and districts (linked
to their pages) and the authors.  Below: where the article was printed, up to
five related articles and the previous/next article in the timeline.  Nothing
here grows with the archive.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..render import escape_markdown, render_body, render_front_matter, split_front_matter
from ..urls import docs_link, relative_url
from .entries import Entry, article_item, date_label, date_link, district_page, theme_page


def meta_line(entry: Entry) -> str:
    """Date · printed labels · theme links · district links, as one Markdown paragraph.

    >>> from builder.model import Article
    >>> a = Article("p.txt", 1, title="t", column="渝工铸魂", series="成渝·工会在行动",
    ...             meta={"date": "2023-12", "themes": ["渝工铸魂"], "districts": ["两江新区"]})
    >>> print(meta_line(Entry(a, "articles/2023/x.md")))
    [2023年12月](../../timeline/2023.md#m-2023-12) · 成渝·工会在行动 · 专题 [渝工铸魂](../../themes/zhuhun.md) · 区县 [两江新区](../../districts/liangjiang.md)
    {: .article-meta }
    """
    article, page = entry.article, entry.path
    themes = entry.values("themes")
    parts = [date_link(page, entry.date)]
    parts += [escape_markdown(label) for label in dict.fromkeys((article.column, article.series, article.section))
              if label and label not in themes]
    theme_links = [f"[{escape_markdown(n)}]({docs_link(page, theme_page(n))})" if theme_page(n)
                   else escape_markdown(n) for n in themes]
    if theme_links:
        parts.append("专题 " + "、".join(theme_links))
    parts.append("区县 " + "、".join(f"[{escape_markdown(n)}]({docs_link(page, district_page(n))})"
                                    for n in entry.places))
    return " · ".join(parts) + "\n{: .article-meta }"


def authors_line(entry: Entry) -> str:
    """'文 / 何勇（黔江区总工会）' when the authors are known, else ''.

    >>> from builder.model import Article
    >>> a = Article("p", 1, meta={"authors": ["何勇"], "affiliations": ["黔江区总工会"]})
    >>> authors_line(Entry(a, "a.md"))
    '作者 何勇（黔江区总工会）\\n{: .article-authors }'
    >>> authors_line(Entry(Article("p", 1, meta={"authors": ["罗梅", "何菊"]}), "a.md"))
    '作者 罗梅、何菊\\n{: .article-authors }'
    """
    authors = entry.values("authors")
    if not authors:
        return ""
    affiliations = entry.values("affiliations")
    if len(affiliations) == len(authors):
        names = [f"{a}（{o}）" for a, o in zip(authors, affiliations)]
    else:
        names = authors + ([f"（{'、'.join(affiliations)}）"] if affiliations else [])
    return "作者 " + escape_markdown("、".join(names)) + "\n{: .article-authors }"


def source_line(entry: Entry) -> str:
    """Where the article was printed: the edition (page and date) when known, and the raw page it came from.

    >>> from builder.model import Article
    >>> a = Article("city.txt", 2, first_line=5, last_line=40, edition={"page": "004", "date": "2023-05-25"})
    >>> print(source_line(Entry(a, "a.md")))
    原载第 4 版（2023年5月25日） · 版面文件 city.txt 第 2 篇，第 5–40 行
    {: .article-source }
    >>> web = Article("web.txt", 1, edition={"date": "2024-05-11", "origin": "某某网"})
    >>> print(source_line(Entry(web, "a.md")).splitlines()[0])
    原载某某网（2024年5月11日） · 版面文件 web.txt 第 1 篇
    """
    article = entry.article
    parts = []
    page_no, printed = article.edition.get("page", ""), article.edition.get("date", "")
    origin = article.edition.get("origin", "")
    if page_no or printed or origin:
        number = f"第 {int(page_no)} 版" if page_no.isdigit() else (f"第 {page_no} 版" if page_no else "")
        when = f"（{date_label(printed)}）" if printed else ""
        parts.append(escape_markdown(f"原载{origin}{number}{when}"))
    if article.source:
        lines = f"，第 {article.first_line}–{article.last_line} 行" if article.first_line else ""
        parts.append(escape_markdown(f"版面文件 {article.source} 第 {article.part} 篇{lines}"))
    return " · ".join(parts) + "\n{: .article-source }" if parts else ""


def related_block(entry: Entry, related: Sequence[Entry]) -> str:
    if not related:
        return ""
    lines = ["## 相关文章 {#related}", ""] + [article_item(entry.path, other) for other in related]
    return "\n".join(lines)


def pager(entry: Entry, before: Entry | None, after: Entry | None) -> str:
    """Links to the previous (older) and next (newer) article of the timeline."""
    if before is None and after is None:
        return ""
    links = []
    if before is not None:
        links.append(f'[<span class="pager-label">← 上一篇（更早）</span>{escape_markdown(before.title)}]'
                     f"({docs_link(entry.path, before.path)}){{: .pager-prev rel=prev }}")
    if after is not None:
        links.append(f'[<span class="pager-label">下一篇（更新）→</span>{escape_markdown(after.title)}]'
                     f"({docs_link(entry.path, after.path)}){{: .pager-next rel=next }}")
    return '<nav class="article-pager" aria-label="上一篇和下一篇" markdown>\n\n' + "\n\n".join(links) + "\n\n</nav>"


def article_page(entry: Entry, related: Sequence[Entry], before: Entry | None, after: Entry | None,
                 directory_urls: bool = True) -> str:
    """The Markdown of an article's page on the site."""
    header = "\n\n".join(x for x in (meta_line(entry), authors_line(entry)) if x)
    footer = "\n\n".join(x for x in (source_line(entry), related_block(entry, related),
                                     pager(entry, before, after)) if x)
    # the front matter is the clean article's, reused as the pipeline rendered it
    front = split_front_matter(entry.markdown)[0] or render_front_matter(entry.article)
    return front + render_body(entry.article, header=header, footer=footer,
                               photo_url=lambda path: relative_url(entry.path, path, directory_urls))
