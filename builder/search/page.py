"""The search page (``search/``): results for ``?q=…``, for shared links and for browsers without the header box.

The page is plain Markdown with one HTML block the search script fills in;
nothing in it comes from an article.
"""

from __future__ import annotations

PAGE_PATH = "search/index.md"

PAGE = """---
title: 搜索
description: 搜索全部文章：输入词语，文章须包含全部词语（多个词用空格分开）。
---

# 搜索

<form class="site-search-form" action="./" method="get">
<input class="md-input" type="search" name="q" aria-label="搜索文章" placeholder="输入词语，多个词用空格分开" enterkeyhint="search" data-search-page-input>
<button class="md-button md-button--primary" type="submit">搜索</button>
</form>

<div class="site-search-page md-search-result" data-search-page>
<div class="md-search-result__meta" aria-live="polite" data-search-meta>文章须包含全部词语；标题和栏目中出现的排在前面，其次按词语在文中所占比重，再按日期从新到旧。</div>
<ol class="md-search-result__list" data-search-list></ol>
</div>

<noscript>搜索需要浏览器启用 JavaScript。</noscript>
"""


def search_page() -> bytes:
    """The search page's Markdown.

    >>> b"data-search-page" in search_page()
    True
    """
    return PAGE.encode("utf-8")
