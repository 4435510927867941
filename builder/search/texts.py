"""The search's own words: the ``search:`` block of builder/data/site.yaml, read once.

Every word the search page and the search script print lives there, so the
editors change it in one place: ``page`` goes into the search page
(``page.py``), ``script`` into ``search/meta.json`` for the browser, and
``city_wide`` names the district filter's value for articles that name no
district (as the site's 全市 pages do).  The header box's static words (its
placeholder and labels) are in overrides/partials/search.html: a theme
template cannot read this file.
"""

from __future__ import annotations

from functools import lru_cache

from ..knowledge.files import knowledge_file, knowledge_path

GROUPS = ("page", "script")


@lru_cache(maxsize=1)
def search_texts() -> dict:
    """The ``search:`` block of data/site.yaml: ``{"city_wide": …, "page": {…}, "script": {…}}``.

    >>> texts = search_texts()
    >>> texts["city_wide"], texts["page"]["button"], "{count}" in texts["script"]["found"]
    ('全市', '搜索', True)
    """
    data = knowledge_file("site")
    block = data.get("search")
    if not isinstance(block, dict) or not all(isinstance(block.get(g), dict) for g in GROUPS):
        raise ValueError(f"{knowledge_path('site')}: the search: block (city_wide, page, script) is missing or incomplete")
    return block


def fill(template: str, **values) -> str:
    """A text with its ``{name}`` fields filled in, as the script fills them (no format mini-language).

    >>> fill("找到 {count} 篇文章", count=3)
    '找到 3 篇文章'
    >>> fill("{phrase}（{count} 篇）", phrase="工匠", count=12)
    '工匠（12 篇）'
    """
    for name, value in values.items():
        template = template.replace("{" + name + "}", str(value))
    return template
