"""Readable, stable article URLs: ``articles/<year>/<date>-<pinyin-of-title>/``.

The URL depends on the article's date and title only, so it survives
rebuilds and rule changes that leave the title alone.  Two articles whose
URLs would collide both get published: the later one (in source order)
gets a numeric suffix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pypinyin import Style, lazy_pinyin

SLUG_MAX_CHARS = 60


def slugify(title: str) -> str:
    """ASCII slug of a Chinese title: one pinyin syllable per character, joined by hyphens.

    Deliberately independent of word segmentation: a new dictionary word must
    not move an article to a new URL.

    >>> slugify("长寿区总工会“春送岗位”")
    'chang-shou-qu-zong-gong-hui-chun-song-gang-wei'
    >>> slugify("重庆45个站点入选全国“最美驿站”")
    'chong-qing-45-ge-zhan-dian-ru-xuan-quan-guo-zui-mei-yi-zhan'
    """
    words = []
    for syllable in lazy_pinyin(title, style=Style.NORMAL, errors="default"):
        word = re.sub(r"[^a-z0-9]+", "-", syllable.lower()).strip("-")
        if word:
            words.append(word)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > SLUG_MAX_CHARS:
            break
        slug = candidate
    return slug or "article"


def article_path(date: str | None, title: str) -> str:
    """The docs-relative path of an article's Markdown file.

    >>> article_path("2024-02-19", "企业生产忙 勤把安全抓")
    'articles/2024/2024-02-19-qi-ye-sheng-chan-mang-qin-ba-an-quan-zhua.md'
    >>> article_path(None, "企业生产忙")
    'articles/undated/qi-ye-sheng-chan-mang.md'
    """
    slug = slugify(title)
    if not date:
        return f"articles/undated/{slug}.md"
    return f"articles/{date[:4]}/{date}-{slug}.md"


def unique_paths(paths: Iterable[str]) -> list[str]:
    """Give colliding paths a suffix, in order: the first keeps its path.

    >>> unique_paths(["a/x.md", "a/y.md", "a/x.md"])
    ['a/x.md', 'a/y.md', 'a/x-2.md']
    """
    seen: set[str] = set()
    out = []
    for path in paths:
        candidate, n = path, 1
        while candidate.lower() in seen:
            n += 1
            candidate = f"{path[:-3]}-{n}.md"
        seen.add(candidate.lower())
        out.append(candidate)
    return out
