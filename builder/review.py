"""The editor's review: for each raw page, what the builder made of it and what it was unsure of.

No rule set is right on every page it has never seen, so the editor needs to
see where to look.  For each page the review lists its articles (title, date,
districts, themes) and every decision taken on weak evidence, each with its
source line and the one line of ``seeds/<page>.overrides.yaml`` that would
correct it (or confirm it: a corrected or confirmed decision is no longer
listed, so an editor who works through the review ends with an empty one):

* a title taken from the first sentence (no title printed);
* an article that starts without a strong signal (no label, no marked title);
* no date, or a date whose year or day came from elsewhere on the page;
* a district by passing mentions only, or none though one is named;
* no theme, or two themes that score close;
* a line dropped as furniture by its place or shape only;
* a caption guessed from its place (after a gap, under the 版次 line).

The stages record these signals (``Article.weak``, ``Dropped.weak``,
``Caption.weak``); this module only reads them.  ``python -m builder review
seeds/`` prints the review; under ``mkdocs serve`` the same review is a page
of the preview site (never published by ``mkdocs build``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from .enrich import NO_DATE
from .model import Article, Page, Severity
from .render import escape_markdown
from .split import NO_TITLE

DASH = "—"
# the build's warnings that the review shows as decisions instead
LISTED_WARNINGS = (NO_DATE, NO_TITLE)
RAW_SUFFIXES = (".txt",)          # contributed Markdown articles are the contributor's own, not reviewed


@dataclass(frozen=True)
class Doubt:
    """One decision the editor should check."""

    line: int
    part: int                 # the article it concerns (0: the page)
    what: str                 # 'title', 'start', 'date', 'districts', 'themes', 'furniture', 'caption'
    message: str
    fix: str                  # one line of the overrides file that corrects or confirms it


@dataclass(frozen=True)
class ArticleSummary:
    part: int
    title: str
    date: str
    districts: tuple[str, ...]
    themes: tuple[str, ...]
    lines: str
    path: str = ""            # docs-relative path of its page, when it was published


@dataclass
class PageReview:
    source: str
    articles: list[ArticleSummary] = field(default_factory=list)
    doubts: list[Doubt] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)    # warnings and errors, as printed by the build

    @property
    def overrides_file(self) -> str:
        stem = self.source.rsplit(".", 1)[0]
        return f"seeds/{stem}.overrides.yaml"


def _yaml_text(value: str) -> str:
    """A string as one YAML flow scalar (JSON is valid YAML; Chinese stays readable)."""
    return json.dumps(value, ensure_ascii=False)


def _entry(part: int, key: str, value: str) -> str:
    return f"articles: [{{part: {part}, {key}: {value}}}]"


def _names(values) -> str:
    return "[" + ", ".join(values) + "]"


def article_doubts(article: Article) -> list[Doubt]:
    """The weak decisions of one article, in page order, each with its correction.

    >>> from builder.model import Metadata
    >>> a = Article("p.txt", 2, title="近日，北碚区总工会开展活动", title_derived=True, first_line=9,
    ...             meta=Metadata(districts=["北碚区"]),
    ...             weak={"title": "no title printed", "date": "no date"})
    >>> [(d.what, d.fix) for d in article_doubts(a)]
    [('title', 'articles: [{part: 2, title: "正确的标题"}]'), ('date', 'articles: [{part: 2, date: YYYY-MM-DD}]')]
    """
    meta, part, line = article.meta, article.part, article.first_line
    doubts = []
    for what, why in article.weak.items():
        if what == "title":
            fix = _entry(part, "title", _yaml_text("正确的标题"))
        elif what == "start":
            fix = f"split: {{join_at_lines: [{line}]}}   # if it continues the article above"
        elif what == "date":
            fix = _entry(part, "date", meta.date or "YYYY-MM-DD")
        elif what == "districts":
            fix = _entry(part, "districts", _names(meta.districts or ["区县名"])) + "   # [] for city-wide news"
        elif what == "themes":
            fix = _entry(part, "themes", _names(meta.themes or ["专题名"])) + "   # a name of builder/data/themes.yaml"
        else:
            continue
        doubts.append(Doubt(line, part, what, why, fix))
    order = ("start", "title", "date", "districts", "themes")
    doubts.sort(key=lambda d: order.index(d.what))
    for _, caption in article.captions:
        if caption.weak:
            doubts.append(Doubt(caption.line, part, "caption", f"caption? {caption.note}: {caption.text}",
                                f"lines: {{{caption.line}: text}}   # or caption, to confirm"))
    return doubts


def review_result(result, link_paths: bool = True) -> list[PageReview]:
    """The review of every raw page of a build (a ``pipeline.BuildResult``), in source order."""
    paths = {(p.article.source, p.article.part): p.path for p in result.articles} if link_paths else {}
    return [review_page(page, paths) for page in result.pages if page.source.endswith(RAW_SUFFIXES)]


def review_page(page: Page, paths: dict[tuple[str, int], str] | None = None) -> PageReview:
    """The review of one processed page (``paths``: (source, part) → published page path, for links)."""
    paths = paths or {}
    review = PageReview(page.source)
    for article in page.articles:
        meta = article.meta
        review.articles.append(ArticleSummary(
            article.part, article.title, meta.date, tuple(meta.districts),
            tuple(meta.themes), f"{article.first_line}-{article.last_line}",
            paths.get((article.source, article.part), "")))
        review.doubts += article_doubts(article)
    for item in page.dropped:
        if item.weak:
            review.doubts.append(Doubt(item.line, 0, "furniture", f"dropped? {item.reason}: {item.text}",
                                       f"lines: {{{item.line}: text}}   # or furniture, to confirm"))
    review.doubts.sort(key=lambda d: (d.line, d.part))
    # the warnings the review already lists as decisions (no date, no title) are not repeated
    review.problems = [str(d) for d in page.diagnostics if d.severity is Severity.ERROR
                       or d.severity is Severity.WARNING and not d.message.endswith(LISTED_WARNINGS)]
    return review


def render_text(reviews: list[PageReview]) -> str:
    """The review as plain text, for the terminal."""
    out: list[str] = []
    doubts = sum(len(r.doubts) for r in reviews)
    out.append(f"review: {len(reviews)} page(s), {sum(len(r.articles) for r in reviews)} article(s), "
               f"{doubts} decision(s) to check")
    for review in reviews:
        out.append("")
        out.append(f"== {review.source}: {len(review.articles)} article(s), {len(review.doubts)} to check")
        for a in review.articles:
            out.append(f"  {a.part}. {a.title}  [{a.date or 'no date'} · {'、'.join(a.districts) or '全市'} · "
                       f"{'、'.join(a.themes) or 'no theme'}]  lines {a.lines}")
        if review.doubts:
            out.append(f"  to check (corrections go in {review.overrides_file}):")
        for d in review.doubts:
            where = f"line {d.line}" + (f", article {d.part}" if d.part else "")
            out.append(f"  ? {where}: {d.what}: {d.message}")
            out.append(f"      {d.fix}")
        for problem in review.problems:
            out.append(f"  ! {problem}")
    return "\n".join(out) + "\n"


# how the preview page names each kind of decision
WHAT_ZH = {"title": "标题", "start": "分篇", "date": "日期", "districts": "区县", "themes": "专题",
           "furniture": "杂项", "caption": "图片说明"}


def render_markdown(reviews: list[PageReview], link) -> str:
    """The review as a Markdown page of the preview site; ``link(path)`` turns an article path into a link.

    Each decision is one list item (readable on a phone): where, what, why, and
    the correction as a code line to copy.
    """
    total = sum(len(r.doubts) for r in reviews)
    out = ["# 编辑审阅 · 待核对的判断", "",
           f"共 {len(reviews)} 个版面、{sum(len(r.articles) for r in reviews)} 篇文章，{total} 处需要核对。"
           "每处给出原文行号和一行更正（写入该版面的 `.overrides.yaml`）；更正或确认后，此处不再列出。"
           "本页只在 `mkdocs serve` 预览时生成，不会发布。", ""]
    for review in reviews:
        out += [f"## {escape_markdown(review.source)}", ""]
        for a in review.articles:
            title = escape_markdown(a.title)
            if a.path:
                title = f"[{title}]({link(a.path)})"
            facts = " · ".join([a.date or "无日期", "、".join(a.districts) or "全市", "、".join(a.themes) or "无专题"])
            out.append(f"{a.part}. {title}（{escape_markdown(facts)}，第 {a.lines} 行）")
        out.append("")
        if review.doubts:
            out += [f"待核对（更正写入 `{review.overrides_file}`）：", ""]
        for d in review.doubts:
            where = f"第 {d.line} 行" + (f"，第 {d.part} 篇" if d.part else "")
            # the fix is the builder's own text (line numbers, field names, known values): a code span shows it
            out += [f"- **{WHAT_ZH.get(d.what, d.what)}**（{where}）：{escape_markdown(d.message)}  ",
                    f"  `{d.fix.replace('`', '')}`"]
        if review.doubts:
            out.append("")
        for problem in review.problems:
            out += [f"- {escape_markdown(problem)}"]
        if review.problems:
            out.append("")
    return "\n".join(out).rstrip() + "\n"
