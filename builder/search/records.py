"""What the search index knows of an article: a plain record, built once per build.

The index never sees the pipeline's ``Article`` or MkDocs: ``SearchDoc`` is
plain data, so the index can be built (and benchmarked) from any source of
articles — the published seeds, contributed articles, or a synthetic archive.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SearchDoc:
    """One article as search sees it.

    ``heading`` fields (title, kicker, subtitle, column …) come first in the
    searchable text: a match there ranks the article above matches in the body.
    ``url`` is site-relative (``articles/2024/…/``); ``date`` is ISO text, possibly
    partial (``2023-12``) or empty.
    """

    title: str
    url: str
    date: str = ""
    column: str = ""
    kicker: str = ""
    subtitle: str = ""
    deck: tuple[str, ...] = ()
    series: str = ""
    section: str = ""
    districts: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    body: tuple[str, ...] = ()          # paragraphs and section headings, in order
    captions: tuple[str, ...] = ()
    credits: tuple[str, ...] = ()

    def heading_segments(self) -> list[str]:
        """The heading's non-empty fields, title first.

        >>> SearchDoc("建好工人大家庭", "a/", column="渝工铸魂", kicker="").heading_segments()
        ['建好工人大家庭', '渝工铸魂']
        """
        fields = [self.title, self.kicker, self.subtitle, *self.deck, self.column, self.series, self.section]
        return [f for f in fields if f.strip()]

    def segments(self) -> list[str]:
        """Every reader-visible text of the article, heading first, each non-empty field once."""
        rest = [*self.body, *self.captions, *self.credits]
        return self.heading_segments() + [r for r in rest if r.strip()]


def search_docs(published, url_of) -> list[SearchDoc]:
    """SearchDocs of the pipeline's published articles; ``url_of(path)`` gives an article's site URL.

    ``published`` is a list of ``builder.pipeline.PublishedArticle``; only its
    fields are read, so nothing of the pipeline is imported here.
    """
    docs = []
    for item in published:
        article = item.article
        meta = article.meta
        captions = [cap.text + (f"（{cap.credit}）" if cap.credit else "") for _, cap in article.captions]
        docs.append(SearchDoc(
            title=article.title,
            url=url_of(item.path),
            date=meta.date,
            column=article.column,
            kicker=article.kicker,
            subtitle=article.subtitle,
            deck=tuple(article.deck),
            series=article.series,
            section=article.section,
            districts=tuple(meta.districts),
            themes=tuple(meta.themes),
            body=tuple(p.text for p in article.body),
            captions=tuple(captions),
            credits=(*article.bylines, *article.credits),
        ))
    return docs
