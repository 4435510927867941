"""The search page (``search/``): results for ``?q=…``, for shared links and for browsers without the header box.

The page is plain Markdown with HTML blocks the search script fills in: the
query form, the filter bar (专题, 区县, 年份 and the order; the script adds the
options from ``search/facets.bin``) and the result list.  Its words come from
``search.page`` in data/site.yaml (``texts``); nothing in it comes from an article.

URL parameters (a filtered search can be linked): ``q`` the query, ``theme``,
``district`` and ``year`` the filters (names as the index lists them; 全市 for
articles naming no district), ``sort=date`` for newest first instead of relevance.
"""

from __future__ import annotations

import json
from html import escape

from .texts import search_texts

PAGE_PATH = "search/index.md"
FILTERS = ("theme", "district", "year")      # URL parameters, in the order of the filter bar


def _select(name: str, label: str, options: list[tuple[str, str]], data: str) -> str:
    """One labelled <select> of the filter bar (one line: a Markdown HTML block must not hold blank lines).

    >>> _select("year", "年份", [("", "全部年份")], "data-filter=\\"year\\"")
    '<label class="site-search-filters__field"><span>年份</span><select name="year" data-filter="year"><option value="">全部年份</option></select></label>'
    """
    choices = "".join(f'<option value="{escape(value)}">{escape(text)}</option>' for value, text in options)
    return (f'<label class="site-search-filters__field"><span>{escape(label)}</span>'
            f'<select name="{name}" {data}>{choices}</select></label>')


def page_markdown(texts: dict) -> str:
    """The search page's Markdown for these words (``search.page`` of data/site.yaml).

    >>> page = page_markdown(search_texts()["page"])
    >>> page.startswith('---\\ntitle: "搜索"\\n'), 'name="theme"' in page, 'value="date"' in page
    (True, True, True)
    """
    t = {key: escape(str(value)) for key, value in texts.items()}
    selects = [
        _select("theme", texts["theme"], [("", texts["all_themes"])], 'data-filter="theme"'),
        _select("district", texts["district"], [("", texts["all_districts"])], 'data-filter="district"'),
        _select("year", texts["year"], [("", texts["all_years"])], 'data-filter="year"'),
        _select("sort", texts["sort"], [("", texts["by_relevance"]), ("date", texts["by_date"])], "data-sort"),
    ]
    # front matter values as JSON strings (valid YAML): a colon or a # in them stays text
    title, description = (json.dumps(str(texts[k]), ensure_ascii=False) for k in ("title", "description"))
    return f"""---
title: {title}
description: {description}
---

# {t["title"]}

<form class="site-search-form" action="./" method="get" data-search-page-form>
<div class="site-search-form__row">
<input class="md-input" type="search" name="q" aria-label="{t["label"]}" placeholder="{t["placeholder"]}" enterkeyhint="search" data-search-page-input>
<button class="md-button md-button--primary" type="submit">{t["button"]}</button>
</div>
<div class="site-search-filters" role="group" aria-label="{t["filters"]}" data-search-filters hidden>
{"".join(selects)}
<a class="site-search-filters__clear" href="./" data-search-clear hidden>{t["clear"]}</a>
</div>
</form>

<div class="site-search-page md-search-result" data-search-page>
<div class="md-search-result__meta" aria-live="polite" data-search-meta>{t["hint"]}</div>
<ol class="md-search-result__list" data-search-list></ol>
</div>

<noscript>{t["noscript"]}</noscript>
"""


def search_page(texts: dict | None = None) -> bytes:
    """The search page's Markdown, in the words of data/site.yaml unless others are given.

    >>> b"data-search-page" in search_page()
    True
    """
    return page_markdown((texts or search_texts())["page"]).encode("utf-8")
