"""Enrich: the articles of one page get their metadata, each field with its evidence.

The work is done by the modules of ``builder.meta`` (one per field); this
module only feeds them each article's text and records what they found.
Dates are resolved per page because one article's year helps its neighbours.
The text is read through the traditional → simplified fold: a page printed
as 重慶市渝中區總工會 is filed under 渝中区 like any other, and its people and
tags are written in the archive's one script; the article keeps its text as
printed, and its description quotes it.
"""

from __future__ import annotations

from .meta.dates import date_articles
from .meta.people import extract_organizations, extract_people
from .meta.places import find_places
from .meta.summary import describe
from .meta.tags import extract_tags
from .meta.themes import classify_themes
from .model import Article, Diagnostic, Metadata, Severity
from .text.simplified import to_simplified


def title_text(article: Article) -> str:
    return " ".join(p for p in (article.kicker, article.title, article.subtitle, *article.deck) if p)


def full_text(article: Article) -> str:
    return "\n".join([title_text(article), article.body_text(), *(cap.text for _, cap in article.captions)])


def enrich_page(articles: list[Article]) -> list[Diagnostic]:
    """Give every article of one page its ``Metadata`` and the ``evidence`` for it."""
    diagnostics: list[Diagnostic] = []
    header_date = next((a.edition.get("date") for a in articles if a.edition.get("date")), None)
    texts = [to_simplified(full_text(a)) for a in articles]
    dates = date_articles(header_date, texts)
    for article, date, text in zip(articles, dates, texts):
        title = to_simplified(title_text(article))
        # a photo item has no body: its captions are what it says
        body = to_simplified(article.body_text() or "\n".join(cap.text for _, cap in article.captions))
        places = find_places(title, body, [to_simplified(line) for line in (*article.bylines, *article.credits)])
        themes = classify_themes(to_simplified(article.column) or None, title, body)
        authors = _unique(to_simplified(name) for name in article.printed_authors)
        article.meta = Metadata(
            themes=list(themes.themes), districts=list(places.districts), regions=list(places.regions),
            date=date.date or "", date_precision=date.precision or "", date_source=date.source or "",
            authors=authors, affiliations=list(article.printed_affiliations), editors=list(article.printed_editors),
            people=[p for p in extract_people(text) if p not in authors], organizations=extract_organizations(text),
            tags=extract_tags(title, body),
            description=describe(article.title, [p.text for p in article.body if not p.heading]),
        )
        article.evidence.update(
            districts=list(places.evidence), themes=[f"source: {themes.source}", *themes.evidence],
            date=list(date.evidence),
        )
        doubts = {"districts": places.doubt, "themes": themes.doubt, "date": _date_doubt(date)}
        article.weak.update({key: why for key, why in doubts.items() if why})
    return diagnostics


def _date_doubt(date) -> str:
    """Why a date is a weak call: none found, or a year or date that came from another article of the page."""
    if not date.date:
        return "no date: neither the page nor the text dates it"
    if date.borrowed:
        return "from elsewhere on the page: " + "; ".join(date.evidence)
    return ""


NO_DATE = "no date found in the text or a page header"


def missing_dates(articles: list[Article]) -> list[Diagnostic]:
    """A warning for each article that has no date once corrections are applied (an editor's to-do)."""
    return [Diagnostic(a.source, f"article {a.part} ('{a.title}'): {NO_DATE}",
                       Severity.WARNING, a.first_line) for a in articles if not a.meta.date]


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))
