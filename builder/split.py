"""Split: the labelled blocks of one page → articles.

The page is read top to bottom in three steps:

1. ``segments``: strong boundaries cut the page into segments — a column
   label (渝工铸魂), a series banner, a section label (代表热议), a level-one
   heading, or a new title after a closing credit line.  Labels set the
   context (column, series, section) that the articles below them carry.
2. ``title_block``: each segment opens with its title block — the lines
   before the first paragraph of running text: kicker, title, subtitle,
   deck, byline, and the captions of photos printed beside the title.
3. ``body``: the rest, with cut paragraphs joined again (``layout.rejoin``).
   A heading followed by a deck line and then running text opens a new
   article inside the segment (two articles under one column label).

Furniture and teasers go to the page's drop list; nothing else leaves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from . import labels
from .blocks import INDEX_DOTS, table_cell
from .layout import cut_reason, is_body, list_blocks, rejoin
from .headers import date_alone, parse_edition_header, parse_publication_line
from .model import Article, Block, Caption, Diagnostic, Dropped, Kind, Para, Severity
from .text import squeeze

_ENUMERATED = re.compile(r"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[)）]|\d+[.、．])")
_DERIVED_TITLE_CHARS = 30
NO_TITLE = "no title block found; title taken from the first sentence"


@dataclass
class Context:
    """Labels in force at a point of the page."""

    column: str = ""
    series: str = ""
    section: str = ""


@dataclass
class Segment:
    context: Context
    blocks: list[Block] = field(default_factory=list)
    labels: list[Block] = field(default_factory=list)    # the labels that opened it
    orphans: list[Block] = field(default_factory=list)   # labels replaced before any article came
    opened_by: str = "the top of the page"
    weak: bool = False                                   # opened without a strong signal
    has_running_text: bool = False                       # a paragraph of running text is among its blocks

    def add(self, block: Block) -> None:
        self.blocks.append(block)
        self.has_running_text = self.has_running_text or block.kind is Kind.TEXT and is_body(block.text)


_LABEL_SLOT = {Kind.COLUMN: "column", Kind.BANNER: "series", Kind.SECTION: "section"}
_LABEL_NAME = {Kind.COLUMN: "column label", Kind.BANNER: "series banner", Kind.SECTION: "section label"}


def split_page(source: str, blocks: list[Block], start_at: frozenset[int] = frozenset(),
               join_at: frozenset[int] = frozenset()) -> tuple[list[Article], list[Dropped], list[Diagnostic], list[str]]:
    """Cut one page's blocks into articles.

    ``start_at`` and ``join_at`` are an editor's corrections (source line
    numbers): an article starts at each line of ``start_at``; an article that
    starts at a line of ``join_at`` continues the one above it.

    Returns (articles, dropped, diagnostics, notes); notes say why each cut
    and join was made, for ``python -m builder explain``.
    """
    dropped = [Dropped(source, b.first_line, b.text, b.note, b.weak) for b in blocks
               if b.kind in (Kind.FURNITURE, Kind.TEASER, Kind.REPEAT, Kind.HEADER, Kind.META)]
    # header and publication lines stay in the flow (they close a title block) but are
    # published only as front matter (edition page, date, origin, editors)
    kept = [b for b in blocks if b.kind not in (Kind.FURNITURE, Kind.TEASER, Kind.REPEAT)]
    edition = _edition(kept)
    articles: list[Article] = []
    diagnostics: list[Diagnostic] = []
    notes: list[str] = []
    for segment in segments(kept, notes, start_at):
        orphans = segment.orphans + (segment.labels if not segment.blocks else [])
        dropped += [Dropped(source, b.first_line, b.text, "a label with no article under it") for b in orphans]
        if not segment.blocks:
            continue
        for position, article in enumerate(segment_articles(source, segment, notes)):
            # the segment's labels were printed once, above its first article
            printed_labels = [b.text for b in segment.labels] if position == 0 else []
            if _is_empty(article):
                # only the edition header stood here: it is page-level, carried by every article
                dropped += [Dropped(source, b.first_line, b.text, "a label with no article under it")
                            for b in segment.labels if position == 0]
                continue
            if articles and article.first_line in join_at:
                _merge_into(articles[-1], article, printed_labels)
                notes.append(f"line {article.first_line}: joined to the article above (editor's override)")
                continue
            if not article.body and articles:
                _merge_into(articles[-1], article, printed_labels)
                notes.append(f"line {article.first_line}: no running text follows; kept in the article above")
                articles[-1].weak.setdefault("start", f"line {article.first_line}: a title with no text under it "
                                                      "was kept in this article")
                continue
            articles.append(article)
    articles = _without_repeated_web_title(source, articles, dropped, notes)
    for part, article in enumerate(articles, start=1):
        article.part = part
        article.edition = dict(edition)
        if not article.title:
            diagnostics.append(Diagnostic(source, NO_TITLE,
                                          Severity.WARNING, article.first_line))
            article.title = _derived_title(article)
            article.title_derived = True
            source = "its subtitle" if article.subtitle else "the first sentence"
            article.evidence["title"] = [*article.evidence.get("title", []), f"no title printed: derived from {source}"]
            article.weak["title"] = f"no title printed: taken from {source}"
    if not articles:
        diagnostics.append(_no_article(source, blocks, kept))
    dropped.sort(key=lambda d: d.line)
    return articles, dropped, diagnostics, notes


def _without_repeated_web_title(source: str, articles: list[Article], dropped: list[Dropped],
                                notes: list[str]) -> list[Article]:
    """A first article of a title alone, over an article of the same title: the web page's title, printed again.

    A copied web page prints its title at the top (with its timestamp) and
    again over the story; cut at the series banner each carries
    (新春走基层丨…), the first is no article.  Its lines go to the drop list.

    >>> title = "某县总工会情暖一线劳动者"
    >>> first, second = Article("x.txt", 1, title=title, series="新春走基层"), Article("x.txt", 2, title=title, series="新春走基层")
    >>> second.body.append(Para("1月30日，某县总工会在驿站为劳动者送上服务。", 5, 5))
    >>> dropped = []
    >>> [a.part for a in _without_repeated_web_title("x.txt", [first, second], dropped, [])], [d.text for d in dropped]
    ([2], ['新春走基层', '某县总工会情暖一线劳动者'])

    A repost's head over the original's headline, printed again shorter, is
    one article under the fuller head:

    >>> head, story = Article("x.txt", 1, title="某省工会：解决职工急难愁盼"), Article("x.txt", 2, title="解决职工急难愁盼")
    >>> story.body.append(Para("近年来，某省工会不断创新服务方式。", 9, 9))
    >>> [(a.title, len(a.body)) for a in _without_repeated_web_title("x.txt", [head, story], [], [])]
    [('某省工会：解决职工急难愁盼', 1)]
    """
    if len(articles) < 2:
        return articles
    first, second = articles[0], articles[1]
    if first.body or first.captions or not first.title or not second.title:
        return articles
    if squeeze(first.title) == squeeze(second.title):
        for text in [first.column, first.series, first.section, first.kicker, first.title, first.subtitle,
                     *first.deck, *first.bylines, *first.credits]:
            if text:
                dropped.append(Dropped(source, first.first_line, text,
                                       "the story's headline printed again above it (the web page's title)"))
        notes.append(f"line {first.first_line}: the web page's title over the same headline; not an article")
        return articles[1:]
    if squeeze(second.title) in squeeze(first.title) and not second.kicker and not second.subtitle:
        # 河南工会：解决职工急难愁盼… over 【…巡礼】解决职工急难愁盼…: a repost's head over the original's own
        for text in [second.column, second.series, second.section, second.title]:
            if text:
                dropped.append(Dropped(source, second.first_line, text,
                                       "the headline printed again, shorter, under the repost's own head"))
        first.body, first.captions = second.body, second.captions
        first.bylines += second.bylines
        first.credits += second.credits
        first.printed_authors += second.printed_authors
        first.printed_editors += second.printed_editors
        first.last_line = max(first.last_line, second.last_line)
        notes.append(f"line {second.first_line}: the headline printed again under the repost's head; one article")
        return [first, *articles[2:]]
    return articles


def _is_empty(article: Article) -> bool:
    """Nothing printed belongs to the article but its labels."""
    return not any([article.kicker, article.title, article.subtitle, article.deck, article.body,
                    article.captions, article.bylines, article.credits])


def _no_article(source: str, blocks: list[Block], kept: list[Block]) -> Diagnostic:
    """Why a page gave no article: empty or all furniture (a warning), or no running text (an error)."""
    if not blocks:
        return Diagnostic(source, "empty page: no text to publish", Severity.WARNING)
    if not kept:
        return Diagnostic(source, "no article text: every line is page furniture (see the drop list)",
                          Severity.WARNING, blocks[0].first_line)
    return Diagnostic(source, "no article text found", Severity.ERROR, kept[0].first_line)


def _edition(blocks: list[Block]) -> dict[str, str]:
    """The page's own data: page number, date and origin, from its 版次 header, else its publication lines.

    A 版次 header names the printed page and its date; a web copy's
    publication lines (来源 …, a timestamp, 《工人日报》（… 02版）) give the
    date it was published and where from.  The first value of each wins,
    the header's before any publication line's, and the web headline's own
    publication line (right under it) before a date the reader's page prints
    above it (2024年05月20日 星期一: the day the page was read).

    >>> from builder.blocks import page_blocks
    >>> _edition(page_blocks(["2024年05月20日 星期一", "", "某市工会代表大会召开", "", "宣传教育部 2023-12-23", "",
    ...                       "12月23日，大会召开。"]))["date"]
    '2023-12-23'
    """
    edition: dict[str, str] = {}
    lines: list[str] = []
    under_headline = {i for i, b in enumerate(blocks)
                      if b.kind is Kind.META and i and blocks[i - 1].note.startswith("headline:")}
    ordered = [blocks[i] for i in sorted(under_headline)] + [b for i, b in enumerate(blocks) if i not in under_headline]
    for kind in (Kind.HEADER, Kind.META):
        for block in ordered:
            if block.kind is not kind:
                continue
            if kind is Kind.HEADER:
                header = parse_edition_header(block.text)
                fields = {"page": header.page, "date": header.date} if header else {}
            else:
                line = parse_publication_line(block.text)
                # a date alone under a publication line is its last field's value (发布时间： / 2024年11月28日)
                fields = ({"page": line.page, "date": line.date, "origin": line.origin} if line
                          else {"date": date_alone(block.text)})
            if any(fields.values()):
                lines.append(block.text)
            for key, value in fields.items():
                if value and key not in edition:
                    edition[key] = value
    if lines:
        edition["line"] = " / ".join(lines)
    return edition


def segments(blocks: list[Block], notes: list[str], start_at: frozenset[int] = frozenset()) -> list[Segment]:
    """Cut the page at its strong boundaries; labels become the segments' context.

    Every segment is returned, also one whose labels have no article under
    them (the caller drops those labels, logged): a label is never lost.
    Labels with nothing between them apply together (a banner over a column
    label); a label replaced by another of its kind before any text came is
    an orphan.
    """
    context = Context()
    current = Segment(context)
    found: list[Segment] = [current]
    closed_by_credit = False

    def start(new_context: Context, why: str, weak: bool = False) -> Segment:
        nonlocal current
        current = Segment(new_context, opened_by=why, weak=weak)
        found.append(current)
        notes.append(f"line {block.first_line}: {why}")
        return current

    for block in blocks:
        slot = _LABEL_SLOT.get(block.kind)
        if slot:
            name = _LABEL_NAME[block.kind]
            if current.labels and not current.blocks:
                # the label above has no text yet: both apply, unless this one replaces it
                for label in [b for b in current.labels if _LABEL_SLOT[b.kind] == slot]:
                    current.labels.remove(label)
                    current.orphans.append(label)
                    notes.append(f"line {label.first_line}: {_LABEL_NAME[label.kind]} '{label.text}' "
                                 "has no article under it")
                context = Context(**{**vars(current.context), slot: block.text})
                current.context = context
                notes.append(f"line {block.first_line}: {name} '{block.text}' applies with the label above")
            else:
                if block.kind is Kind.SECTION:
                    context = Context(column=context.column, series=context.series, section=block.text)
                else:
                    context = Context(**{slot: block.text})
                start(context, f"{name} '{block.text}' opens a segment")
            current.labels.append(block)
            continue
        if block.first_line in start_at and current.blocks:
            start(context, "an article starts here (editor's override)")
        elif block.kind is Kind.TEXT and current.has_running_text:
            # a heading under title lines only is the title they are the kicker of
            if block.heading_level == 1:
                start(context, "level-one heading opens a segment")
            elif closed_by_credit and not is_body(block.text) and not labels.is_box_label(block.text):
                # (阅读提示 under the byline labels the paper's summary of the same article)
                start(context, "title after a closing credit opens a segment", weak=True)
        if block.kind is Kind.CREDIT:
            closed_by_credit = True
        elif block.kind is Kind.TEXT:
            closed_by_credit = False
        current.add(block)
    return found


def segment_articles(source: str, segment: Segment, notes: list[str]) -> list[Article]:
    """One segment → one or more articles (a heading + deck + text opens another)."""
    blocks = segment.blocks
    article, body_start = title_block(source, segment.context, blocks, notes)
    article.opened_by = segment.opened_by
    if segment.weak:
        article.weak["start"] = segment.opened_by
    body_blocks, join_notes = rejoin(blocks[body_start:])
    notes.extend(join_notes)
    briefs = labels.is_brief_section(segment.context.section)
    split_at = _inner_article_start(body_blocks, briefs=briefs)
    rest: list[Article] = []
    if split_at is not None:
        why = (f"a title under the items section '{segment.context.section}'" if briefs
               else "heading with a deck line")
        notes.append(f"line {body_blocks[split_at].first_line}: {why} opens a new article")
        rest = segment_articles(source, Segment(segment.context, body_blocks[split_at:],
                                                opened_by=f"{why} opens a new article", weak=not briefs), notes)
        body_blocks = body_blocks[:split_at]
    fill_body(article, body_blocks)
    return [article, *rest]


def title_block(source: str, context: Context, blocks: list[Block], notes: list[str]) -> tuple[Article, int]:
    """Read the title block at the head of a segment; return the article and where its body starts."""
    article = Article(source=source, part=0, column=context.column, series=context.series, section=context.section)
    title_lines: list[Block] = []
    captions: list[Block] = []
    after_header = False
    index = 0
    for index, block in enumerate(blocks):  # noqa: B007 — index is used after the loop
        if block.kind is Kind.CAPTION:
            captions.append(block)
        elif block.kind is Kind.HEADER:
            after_header = True
        elif block.kind is Kind.META:
            _add_publication_people(article, block)
        elif block.kind is Kind.BYLINE:
            names, org = labels.parse_byline(block.text) or (labels.names_only(block.text), "")
            article.bylines.append(block.text)
            article.printed_authors.extend(names)
            if org:
                article.printed_affiliations.append(org)
        elif block.kind is Kind.CREDIT:
            article.bylines.append(block.text)
            article.printed_authors.extend(labels.credit_authors(block.text) or [])
        elif block.kind is Kind.TEXT and title_lines and labels.is_box_label(block.text):
            break               # 阅读提示: the box of the paper's summary opens the body, no subtitle
        elif block.kind is Kind.TEXT and (not is_body(block.text) or _marked_title(block)
                                          or _dash_subtitle(block, title_lines)):
            following = _next_text(blocks, index)
            if following and cut_reason(block, following.text, strict=True):
                break
            if after_header and title_lines:
                # the photos of an e-paper page follow the header line under its title block
                captions.append(replace(block, note="a short line under the edition header"))
                notes.append(f"line {block.first_line}: short line after the edition header taken as a caption")
            else:
                title_lines.append(block)
        else:
            break
    else:
        index = len(blocks)
    if not title_lines and captions and captions[-1].note.startswith("short line") \
            and not labels.ends_sentence(captions[-1].text):
        # a page with no title line: the line nearest the text was a title, not a caption
        title_lines.append(captions.pop())
        notes.append(f"line {title_lines[0].first_line}: no title line; the last short line before the text is the title")
    _assign_title(article, title_lines)
    article.captions.extend((-1, _caption(b)) for b in captions)
    spanned = [b for b in blocks[:index]]
    if spanned:
        article.first_line, article.last_line = spanned[0].first_line, spanned[-1].last_line
    return article, index


def _marked_title(block: Block) -> bool:
    """A line the dump marks as a heading is a title line however long, unless it is a finished sentence.

    >>> _marked_title(Block(("奋力打造新时代工会工作市域标杆 在新时代新征程新重庆建设中开创重庆工运事业新局面 全面建设社会主义现代化新重庆",), 1, 1, heading_level=1))
    True
    >>> _marked_title(Block(("近日，北碚区总工会举办培训。",), 1, 1, heading_level=1))
    False
    """
    if not block.heading_level or labels.is_bullet_item(block.text):
        return False
    # a web headline found above its publication line may end on its cry (…揭牌啦！), never on a full stop
    return not labels.ends_sentence(block.text) or block.note.startswith("headline:") \
        and block.text.rstrip(labels.CLOSERS)[-1:] in "！？!?"


def _dash_subtitle(block: Block, title_lines: list[Block]) -> bool:
    """A line opening with a dash right under the title is its subtitle (副题), however long.

    >>> title = [Block(("凝聚奋进力量 谱写时代华章",), 1, 1)]
    >>> _dash_subtitle(Block(("——江津区总工会深入学习贯彻党的二十大精神、团结动员全区广大职工建功新时代的五年工作回眸",), 3, 3), title)
    True
    >>> _dash_subtitle(Block(("——成功入选全国“新时代枫桥经验”工会实践先行先试工作名单。",), 3, 3), title)
    False
    """
    return (bool(title_lines) and len(block.lines) == 1 and block.text.startswith("—")
            and not labels.ends_sentence(block.text))


def _next_text(blocks: list[Block], index: int) -> Block | None:
    for block in blocks[index + 1:]:
        if block.kind is Kind.TEXT:
            return block
        if block.kind is not Kind.CAPTION:
            return None
    return None


_CLAUSE_MARK = re.compile(r"[，,；;]")


def _assign_title(article: Article, lines: list[Block]) -> None:
    """Kicker, title, subtitle and deck from the title lines, in print order.

    The title is the first line marked as a heading in the dump, else the first
    line; a line before it is the kicker; the line after it the subtitle (副题,
    often opening with ——); any further lines are the deck.  A lone title line
    holding ``——`` is one headline: a web page prints its whole title on one
    line, and an e-paper's subtitle stands on a line of its own.

    >>> article = Article("x.txt", 1)
    >>> _assign_title(article, [Block(("劳动创造幸福 定格最美瞬间——某社区工会举办主题摄影展",), 1, 1)])
    >>> article.title, article.subtitle
    ('劳动创造幸福 定格最美瞬间——某社区工会举办主题摄影展', '')
    >>> article = Article("x.txt", 1)
    >>> _assign_title(article, [Block((t,), n, n) for n, t in enumerate(["凝心聚力跟党走", "某区职工书画展开幕", "——百余件作品展现劳动之美"])])
    >>> article.kicker, article.title, article.subtitle
    ('凝心聚力跟党走', '某区职工书画展开幕', '——百余件作品展现劳动之美')
    >>> article = Article("x.txt", 1)
    >>> _assign_title(article, [Block(("两年帮扶千余户，发放资金300万元",), 1, 1), Block(("某区困难职工帮扶实现全覆盖",), 2, 2)])
    >>> article.kicker, article.title
    ('两年帮扶千余户，发放资金300万元', '某区困难职工帮扶实现全覆盖')
    >>> article = Article("x.txt", 1)
    >>> _assign_title(article, [Block(("某某区新城区工会",), 1, 1), Block(("重视工人报刊发行工作",), 3, 3)])
    >>> article.kicker, article.title
    ('', '某某区新城区工会重视工人报刊发行工作')
    >>> article = Article("x.txt", 1)
    >>> _assign_title(article, [Block(("敦化市",), 1, 1), Block(("敦化市总工会打造“工铸同心”品牌活动",), 3, 3)])
    >>> article.kicker, article.title
    ('敦化市', '敦化市总工会打造“工铸同心”品牌活动')
    >>> article = Article("x.txt", 1)
    >>> _assign_title(article, [Block(("——某县总工会开展春节“送温暖”活动",), 1, 1)])   # the copy lost its headline
    >>> article.title, article.subtitle
    ('', '——某县总工会开展春节“送温暖”活动')
    >>> article = Article("x.txt", 1)
    >>> _assign_title(article, [Block(("“新时代奋斗者——某年度最美产业工人发布仪式”举行",), 1, 1)])
    >>> article.title, article.subtitle
    ('“新时代奋斗者——某年度最美产业工人发布仪式”举行', '')
    """
    if not lines:
        return
    lines = [line for block in lines for line in _stacked_head_lines(block)]
    marked = [i for i, b in enumerate(lines) if b.heading_level]
    at = marked[0] if marked else 0
    if lines[at].text.startswith(("——", "—", "--")) and at == 0:
        if len(lines) == 1:
            # a 副题 alone: the copy begins under a headline it lost; the title is derived, the 副题 kept
            article.subtitle = lines[0].text
            article.evidence["title"] = [f"line {lines[0].first_line}: a subtitle (——…) with no headline above it"]
            return
        at = 1  # a subtitle cannot come first; the dump lost the title's mark
    elif not marked and at + 1 < len(lines) and labels.names_place_only(lines[at].text) \
            and not labels.names_place_only(lines[at + 1].text):
        at += 1             # '敦化市' / '某市总工会打造品牌活动': a roundup item's place, printed as its kicker
        article.weak["title"] = (f"line {lines[at].first_line}: taken as the headline under a place's name "
                                 f"(the line above names only a place)")
    elif not marked and at + 1 < len(lines) and _leads_into_next(lines[at].text, lines[at + 1].text):
        # '某区工会' / '重视报刊发行', '…大会' / '暨…论坛举行': one headline on two lines
        first, second = lines[at], lines[at + 1]
        lines = [*lines[:at], Block((first.text + second.text,), first.first_line, second.last_line),
                 *lines[at + 2:]]
        article.weak["title"] = (f"lines {first.first_line}-{second.last_line}: one headline printed on two lines "
                                 f"(the first names only a place or an organisation, or the second opens with 暨)")
    elif not marked:
        dash = next((i for i, b in enumerate(lines) if b.text.startswith(("——", "—", "--"))), 0)
        if dash >= 2:
            at = dash - 1   # the 副题 opening with —— stands under the main title; the lines above are its kicker
        elif (len(lines) == 2 and not dash and _CLAUSE_MARK.search(lines[0].text)
              and not _CLAUSE_MARK.search(lines[1].text)):
            at = 1          # 3年惠及4万人，会员达到130万人 / 重庆职工互助覆盖所有区县: a kicker's clauses over a headline
            article.weak["title"] = (f"line {lines[1].first_line}: taken as the headline under a kicker "
                                     f"(the line above has clauses, it has none)")
    article.kicker = " ".join(b.text for b in lines[:at])
    article.title = lines[at].text
    if article.title.startswith(INDEX_DOTS):
        article.title = article.title[1:].lstrip()           # • 某某开展慰问: the page's mark for its stories
    after = [b.text for b in lines[at + 1:]]
    if after:
        article.subtitle = after[0]
        article.deck = after[1:]
    article.evidence["title"] = [f"line {lines[at].first_line}: " + (
        lines[at].note if lines[at].note.startswith("headline:")
        else "first line marked as a heading" if marked else "first line of the title block")]
    if lines[at].weak and lines[at].note.startswith("headline:"):
        article.weak["title"] = f"line {lines[at].first_line}: {lines[at].note} (the line taken before set aside)"


HEADLINE_LEAD_MAX_CHARS = 16
PAIR_PHRASE_MIN_CHARS = 4


def _phrase_pair(text: str) -> bool:
    """A head line of parallel phrases set apart by a space, with no clause mark: a kicker's shape (引题).

    | line                              | pair  |
    | --------------------------------- | ----- |
    | 发挥阵地作用 满足职工精神文化需求 | True  |
    | 某区总工会建设职工之家，当好娘家人 | False |
    | 张某宣布开幕 李某致辞 王某出席     | False (an officials' deck) |
    | 职工运动会 开幕                   | False (too short to be a phrase) |

    >>> _phrase_pair("发挥阵地作用 满足职工精神文化需求"), _phrase_pair("某区总工会建设职工之家，当好娘家人")
    (True, False)
    >>> _phrase_pair("张某宣布开幕 李某致辞 王某出席"), _phrase_pair("职工运动会 开幕")
    (False, False)
    """
    parts = text.split()
    return (len(parts) >= 2 and all(len(p) >= PAIR_PHRASE_MIN_CHARS for p in parts)
            and not _CLAUSE_MARK.search(text) and not labels.lists_officials(text))


def _stacked_head_lines(block: Block) -> list[Block]:
    """A title block's lines, one title line each when every line is a whole head line already.

    A headline printed on two lines is two halves (企业生产忙 / 勤把安全抓), read as one; lines
    that each hold a pair of phrases or a clause are a kicker and a headline stacked with no
    blank between them, read one by one.

    | lines                                                     | title lines |
    | --------------------------------------------------------- | ----------- |
    | 企业生产忙 / 勤把安全抓                                   | 1           |
    | 发挥阵地作用 满足职工需求 / 某区总工会建家，当好娘家人    | 2           |
    | 一行标题 (one line)                                       | 1           |

    >>> [b.text for b in _stacked_head_lines(Block(("企业生产忙", "勤把安全抓"), 1, 2))]
    ['企业生产忙 勤把安全抓']
    >>> [b.text for b in _stacked_head_lines(Block(("发挥阵地作用 满足职工需求", "某区总工会建家，当好娘家人"), 4, 5))]
    ['发挥阵地作用 满足职工需求', '某区总工会建家，当好娘家人']
    """
    if len(block.lines) < 2 or block.wrapped or block.heading_level:
        return [block]
    if not all(_phrase_pair(line) or _CLAUSE_MARK.search(line) for line in block.lines):
        return [block]
    return block.line_by_line()


def _leads_into_next(line: str, below: str) -> bool:
    """A title line that cannot stand alone: a name with its colon, an organisation's name alone, or one finished below (暨…).

    (A place's name alone, with or without its colon, is a kicker: ``_assign_title`` reads it first.)

    >>> _leads_into_next("重庆市总工会：", "全市工会会员达千万"), _leads_into_next("某某区新城区工会", "重视报刊发行工作")
    (True, True)
    >>> _leads_into_next("凝心聚力跟党走", "某区职工书画展开幕"), _leads_into_next("某区总工会", "——百余件作品")
    (False, False)
    >>> _leads_into_next("第三届大国工匠创新交流大会", "暨大国工匠论坛在渝举行"), _leads_into_next("我省31人获", "全国五一劳动奖章")
    (True, True)
    """
    if labels.continues_headline(below) and not _CLAUSE_MARK.search(line):
        return True
    if labels.ends_open(line) and not _CLAUSE_MARK.search(line) and not below.startswith(("—", "--")):
        return True           # 我省31人获 / 全国五一劳动奖章: the first line stops mid-phrase
    if below.startswith(("—", "--")) or len(line) > HEADLINE_LEAD_MAX_CHARS or _CLAUSE_MARK.search(line):
        return False
    return line.endswith(("：", ":")) or " " not in line and labels.names_headline_lead(line)


def _caption(block: Block) -> Caption:
    """A caption block's text and credit; the mark a copy prints before a caption (▲, ▶) is layout, not text.

    >>> caption = _caption(Block(("▲为先进集体颁奖（记者 张三 摄）",), 3, 3))
    >>> caption.text, caption.credit
    ('为先进集体颁奖', '记者 张三 摄')
    """
    text, credit = labels.split_caption_credit(table_cell(block.text))
    if labels.opens_marked_caption(text):
        text = text[1:].lstrip()
    return Caption(text=text, credit=credit, line=block.first_line, note=block.note, weak=block.weak)


def _inner_article_start(blocks: list[Block], briefs: bool = False) -> int | None:
    """Index of a heading + deck + running text inside a body, or None.

    A section heading is followed directly by running text; a new title is
    followed by at least one more short line (its subtitle) first.  Under a
    section of short news items (``briefs``) every title line after running
    text opens the next item, and so does a paragraph led by an item mark
    (○ ● ■ …): an item printed without a title of its own.

    >>> blocks = [Block((t,), n, n) for n, t in enumerate(["今年以来，全区新建驿站12个。", "綦江区“工会驿站”上新",
    ...                                                      "近日，綦江区新建成的12个驿站投入使用。"])]
    >>> _inner_article_start(blocks), _inner_article_start(blocks, briefs=True)
    (None, 1)
    >>> story = [Block((t,), n, n) for n, t in enumerate(["本报讯 1月19日，省总工会开展慰问。", "• 某省发布热线工作手册",
    ...                                                    "本报讯（记者 李某）近日，手册发布。"])]
    >>> _inner_article_start(story)           # a title over a lead opening with its dateline
    1
    >>> items = [Block((t,), n, n) for n, t in enumerate(["○近日，万州区总工会举办培训。", "○3月5日，綦江区开展义诊。"])]
    >>> _inner_article_start(items, briefs=True)
    1
    """
    listed = list_blocks(blocks)
    texts = [(i, b) for i, b in enumerate(blocks) if b.kind is Kind.TEXT]
    # the items of a numbered list are running text, though none of them ends a sentence
    running = {i for i, b in texts if i in listed or is_body(b.text)}
    for n, (i, block) in enumerate(texts):
        if briefs and n and labels.is_bullet_item(block.text) and texts[n - 1][0] in running:
            return i
        if n == 0 or i in running or texts[n - 1][0] not in running:
            continue
        if n + 1 < len(texts) and texts[n + 1][0] in running and labels.opens_with_dateline(texts[n + 1][1].text):
            return i            # a title over a lead that opens with its dateline (本报讯…): the next story
        deck = 0
        for j, later in texts[n + 1:]:
            if j in running:
                decks = [b for _, b in texts[n + 1:n + 1 + deck]]
                if (briefs or 0 < deck <= STORY_DECK_MAX_LINES and _opens_a_story(block, decks, later)) \
                        and not any(_ENUMERATED.match(b.text) for b in decks):
                    return i
                break
            deck += 1
    return None


STORY_DECK_MAX_LINES = 3       # a new story's subtitle and deck lines; more short lines are a post's broken sentences
_LEAD_OPENING = re.compile(r"^.{0,12}?(近日|日前|近期|\d{1,2}月\d{1,2}日|今年以来|(19|20)\d{2}年)")


def _opens_a_story(title: Block, decks: list[Block], text: Block) -> bool:
    """Whether a short line with short lines under it, inside a body, titles a new story rather than stands in this one.

    A new story's title is marked as a heading in the dump, or has a subtitle
    opening with a dash, or a lead under it that opens with its time (近日，…
    11月30日，…), or stands with its deck lines as a box of phrase pairs
    (今后五年 重点工作 / 大力实施渝工五大 行动); a photo's caption over a crosshead
    (现场热闹的活动气氛 / 某某迎大运 绿道绘就同心圆) is none of these.

    >>> lines = [Block((t,), n, n) for n, t in enumerate(["某区举办联谊会", "“爱满某城”", "近日，某区总工会举办联谊会。"])]
    >>> _opens_a_story(lines[0], lines[1:2], lines[2])
    True
    >>> lines = [Block((t,), n, n) for n, t in enumerate(["现场热闹的活动气氛", "某某迎大运 绿道绘就同心圆", "随着火炬点燃，活动开始。"])]
    >>> _opens_a_story(lines[0], lines[1:2], lines[2])
    False
    """
    def phrase_pair(b: Block) -> bool:
        return " " in b.text.strip() and not _CLAUSE_MARK.search(b.text) and not labels.ends_sentence(b.text)
    return (bool(title.heading_level) or decks[0].text.startswith(("—", "-")) or bool(_LEAD_OPENING.match(text.text))
            or phrase_pair(title) and all(phrase_pair(b) for b in decks))


def fill_body(article: Article, blocks: list[Block]) -> None:
    """Paragraphs, headings, inline captions and closing credits of an article body."""
    texts = [b for b in blocks if b.kind is Kind.TEXT]
    listed = list_blocks(blocks)
    previous_is_body = True
    for at, block in enumerate(blocks):
        if block.kind is Kind.CAPTION:
            article.captions.append((len(article.body) - 1, _caption(block)))
        elif block.kind in (Kind.CREDIT, Kind.BYLINE):
            article.credits.append(block.text)
            names = labels.credit_authors(block.text)
            if names is None:
                names = (labels.parse_byline(block.text) or ([], ""))[0]
            article.printed_authors.extend(names)
        elif block.kind is Kind.HEADER:
            continue
        elif block.kind is Kind.META:
            _add_publication_people(article, block)
        else:
            text, credit = labels.split_trailing_credit(block.text)
            body = is_body(text) or at in listed
            heading = (not body and previous_is_body and block is not texts[-1]) or (
                block.heading_level > 1 and not body)
            if not article.body:
                # the lead's dateline names its writers (本报讯（记者 孙悦）…)
                article.printed_authors.extend(labels.dateline_authors(text))
            article.body.append(Para(text, block.first_line, block.last_line, heading=heading))
            previous_is_body = body
            if credit:
                article.credits.append(credit)
                article.printed_authors.extend(labels.credit_authors(credit) or [])
    if blocks:
        article.first_line = article.first_line or blocks[0].first_line
        article.last_line = max(article.last_line, blocks[-1].last_line)


def _add_publication_people(article: Article, block: Block) -> None:
    """作者 and 编辑 of a publication line: the article's authors and editors (the line itself is dropped)."""
    line = parse_publication_line(block.text)
    if line is None:
        return
    if line.authors:
        article.printed_authors.extend(line.authors)
    if line.editors:
        article.printed_editors.extend(line.editors)


def _merge_into(target: Article, stray: Article, printed_labels: list[str]) -> None:
    """Keep an article that is not one (no running text, or an editor's join) in the article above it.

    The labels printed above the stray (``printed_labels``) become lines of
    the body, so the label text stays published as often as it was printed.
    """
    for line in [*printed_labels, stray.kicker, stray.title, stray.subtitle, *stray.deck]:
        if line:
            target.body.append(Para(line, stray.first_line, stray.first_line, heading=line == stray.title))
    offset = len(target.body)
    target.captions.extend((offset - 1, cap) for position, cap in stray.captions if position < 0)
    target.body.extend(stray.body)
    target.captions.extend((offset + position, cap) for position, cap in stray.captions if position >= 0)
    target.credits.extend(stray.bylines + stray.credits)
    target.printed_authors.extend(stray.printed_authors)
    target.printed_editors.extend(stray.printed_editors)
    target.last_line = max(target.last_line, stray.last_line)


def _derived_title(article: Article) -> str:
    """The title a page without a headline is listed under: its subtitle's words, else its first sentence.

    >>> article = Article("x.txt", 1, subtitle="——某县总工会开展“送温暖”活动")
    >>> article.body.append(Para("今年以来，某县总工会走访慰问一线职工1600余人。", 2, 2))
    >>> _derived_title(article)
    '某县总工会开展“送温暖”活动'
    """
    if article.subtitle.lstrip("—-– "):
        return article.subtitle.lstrip("—-– ")
    first = next((p.text for p in article.body if p.text), "").lstrip(labels.rules().bullets + " ")
    sentence = re.split(r"(?<=[。！？])", first, maxsplit=1)[0]
    return sentence if len(sentence) <= _DERIVED_TITLE_CHARS else sentence[:_DERIVED_TITLE_CHARS] + "…"
