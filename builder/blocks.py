"""Blocks: fixed lines of a page → layout blocks, each with a kind.

A block is a run of consecutive non-blank lines.  Dumps of e-paper pages
keep a little of the layout in their blank lines and Markdown marks, and
these passes read it:

* ``group_lines``      lines → blocks, counting the blank lines before each;
* ``split_runs``       a run of lines with no blank line between them is cut
                       where the page shows a paragraph ends (a copy with one
                       paragraph per line) or a line stands on its own (a
                       publication line, a byline, a label);
* ``split_flattened_paragraphs``  a long line with a space after each
                       paragraph's last sentence is cut there;
* ``split_glued_publication_lines``  a headline run on into its 发布时间/来源 fields is cut there;
* ``split_title_suffixes``  a web title's ' - 频道 - 网站' goes;
* ``split_bracketed_titles`` 【title】text: a roundup item's title stands alone;
* ``mark_labels``      column labels, banners, section labels, edition headers,
                       publication lines, page and web furniture, credits and
                       bylines get their kind;
* ``mark_captions``    a short line after a wide gap (where a photo was), one
                       with a photo credit or one printed twice in a row is a caption;
* ``mark_photo_story`` under a photo story's head, its short sentences are captions;
* ``mark_item_heads``  a union's name over each item of a roundup heads the item;
* ``mark_closing_captions`` short lines after the last paragraph of an article
                       whose byline credits photos are their captions;
* ``mark_layout_captions`` a line among the paragraphs opening with ▲, naming a
                       photo's scene, standing unindented among indented paragraphs
                       or naming the person of the next paragraph is a caption;
* ``mark_photo_runs``  photos printed one after another: a short line between two
                       captions, or an official at the event under one, is a caption;
* ``mark_photo_news``  a page that is one photo's long caption is that article's text;
* ``mark_repeats``     a line printed again right after itself (a caption or a
                       title a website shows twice) is published once;
* ``mark_teasers``     a line that repeats a later title of the same page is a
                       teaser, and a line that runs the top matter's titles
                       together is the page's headline index: both go;
* ``mark_web_headline`` a web copy's headline is the line above its
                       publication line; channel names around it go;
* ``mark_head_photo_caption`` the short line between a web headline's publication
                       line and the lead is its photo's caption (or, made of the
                       headline's words, the page's keywords), and lines of its shape
                       among the paragraphs are captions too;
* ``mark_captions_above_the_dateline`` short sentences stacked right above a
                       dateline lead (某某消息（记者…）) are the captions of photos above it;
* ``mark_page_chrome``  the reader's chrome above an e-paper page line, the
                       site's related links, other stories' cut-off openings and
                       lines after the last paragraph go; a numbered list there stays;
* ``mark_headline_printed_again`` a title line printed again lower in the head,
                       before the lead, is published once.

Every pass returns new blocks; none drops text (a furniture block keeps its
text and the splitter moves it to the page's drop list).
"""

from __future__ import annotations

import re
from itertools import groupby, takewhile
from dataclasses import replace
from functools import lru_cache

from . import labels
from .furniture import (IMAGE_FILE, IMAGE_PLACEHOLDER, PHOTO_MARKS, breadcrumb_steps, furniture_reason, is_channel_name, is_contact_line,
                        is_file_photo_label, is_menu_item,
                        is_weak, opens_related_links, opens_site_statement)
from .headers import date_alone, is_date_label, is_site_name, parse_edition_header, parse_publication_line
from .layout import HEADING_MAX_CHARS, NOTE_LINE, PageLayout, is_body, list_blocks, page_layout, wrapped_mid_sentence
from .model import Block, Kind
from .text import HAN, ends_a_sentence_inside, squeeze
from .text.segment import tokenizer
from .text.simplified import to_simplified
from .textfix import CJK_IDEOGRAPH

_HEADING_MARK = re.compile(r"^(#{1,6})\s+")
_MARKUP_ONLY = re.compile(r"^[-*_=~`#>|+.:\s]+$")
_SETEXT_UNDERLINE = re.compile(r"^(={3,}|-{3,})$")
_FRONT_MATTER_KEY = re.compile(r"^[A-Za-z_][\w-]*\s*[:：]")
FRONT_MATTER_MAX_LINES = 60
PHOTO_GAP = 2          # blank lines that mark where a photo stood
CAPTION_MAX_CHARS = 80
CREDITED_CAPTION_MAX_CHARS = 300   # a news photo's caption with its credit can run to a paragraph
SENTENCE_CAPTION_MAX_CHARS = 40    # a finished sentence standing between photos
CAPTION_MIN_HAN = 4    # a lone symbol, digit or toolbar word is never a caption
INDEX_MAX_CHARS = 400  # a headline index runs a page's titles together on one line
INDEX_TOP_BLOCKS = 60  # … and stands at the top of the page
INDEX_COVERAGE = 0.6   # … and the titles it holds make up most of it
INDEX_RUN_ON = 2       # … or it holds one and runs on to this many times its length
INDEX_TITLE_MIN_CHARS = 8   # … a headline, not a site's name (云顶国际), wherever it stands in the line
INDEX_RUN_ON_SHORT = 3      # … a shorter title only where the line opens with it, and runs on further
SUMMARY_BLOCKS, SUMMARY_MIN_CHARS = 12, 20   # a web page's summary stands among its first blocks
ABOVE_HEADLINE_MAX_CHARS = 10  # a short line above a web headline is the site's (中工娱乐); a longer one its kicker
# (after a closing bracket the copy's punctuation fix took the space: …（附图）- 总工会)
_TITLE_SUFFIX = re.compile(r"^(?P<title>.{6,}?)(?P<suffix>((\s|(?<=[）)]))[-–—_|｜]\s[^\s。，！？]{1,12}){1,3})$")
# …的温暖-华龙网: a site's name glued to the title by a dash, no spaces
_GLUED_SITE_SUFFIX = re.compile(r"^(?P<title>.{6,}?)(?P<suffix>[-–—_|｜](?P<site>[^\s\-–—_|｜。，！？“”]{2,12}))$")
# …主题活动---某某城: a run of three dashes or more before a short name; no headline prints one
_DASHED_SITE_SUFFIX = re.compile(r"^(?P<title>.{6,}?)(?P<suffix>-{3,}\s*[^\s\-–—_|｜。，！？“”]{2,12})$")
_CLAUSE_MARK = re.compile(r"[，、；,;]")
_CLAUSE_OR_COLON = re.compile(r"[，,；;：:]")   # (none in a contact block's name line; one in a crosshead's phrases)
_SENTENCE_OR_CLAUSE = re.compile(r"[，。；！？,;]")
_MONTH_DAY = re.compile(r"(?<!\d)\d{1,2}\s*[-/.月]\s*\d{1,2}(?!\d)")   # 04-27, 2月7日: a date without its year
_ANY_MARK = re.compile(r"[，、；,;。！？]")      # a clause mark or a sentence end anywhere: running text
_QUOTED = re.compile(r"“[^“”]*”|‘[^‘’]*’|《[^《》]*》")   # a quotation or a book title inside a line
_SIGNED_DATE = re.compile(r"(19|20)\d{2}\s*年\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?$")
_MACHINE_DATE = re.compile(r"(?<!\d)(19|20)\d{2}-\d{1,2}-\d{1,2}(?!\d)|\d{5,}")
INDEX_DOTS = ("·", "•", "・", "◆", "◇")
# a short label and its colon opening a line (依 据：, 重点内容：, 申报时间：)
_FIELD_LABEL = re.compile(rf"^[{HAN}][{HAN}\s]{{0,5}}[：:]")
_BRACKETED_TITLE = re.compile(r"^【(?P<title>[^【】]{6,40})】(?P<rest>.+)$")
# 【2024年两节送温暖·暖闻】某地开展暖冬行动, 改革进行时|小站“藏”大爱: a column or series label run into a headline
# (a barred label may hold a space between its phrases: 新春走基层 温暖进万家 | 某市总工会举办饺子宴)
_LABELLED_HEADLINE = re.compile(r"^(?:【(?P<bracketed>[^【】]{2,30})】"
                                r"|(?P<barred>[^\s|｜丨【】](?:[^|｜丨【】]{0,14}[^\s|｜丨【】])?)\s*(?P<bar>[|｜丨])\s*)"
                                r"(?P<headline>[^|｜丨【】]{6,})$")


def group_lines(lines: list[str], hard_breaks: frozenset[int] = frozenset()) -> list[Block]:
    """Group consecutive non-blank lines into blocks.

    A leading Markdown heading mark (``## 渝工港湾``) is taken off the text
    and kept as ``heading_level``, a hint for the splitter; so is a setext
    underline (a line of ``===`` or ``---`` right under the text).  Lines
    listed in ``hard_breaks`` (they ended in a Markdown hard break) continue
    on the next line without a space: the dump wrapped one title line there.
    A line of markup only (a rule, a code fence) is a block of its own, and
    front matter an export put at the top of the file is one block of page
    furniture: neither was printed on the page.

    >>> [b.text for b in group_lines(["企业生产忙", "勤把安全抓", "", "随着春节假期结束。"])]
    ['企业生产忙 勤把安全抓', '随着春节假期结束。']
    >>> [b.text for b in group_lines(["重庆45个站点", "入选全国“最美驿站”"], hard_breaks=frozenset({1}))]
    ['重庆45个站点入选全国“最美驿站”']
    >>> [(b.text, b.heading_level) for b in group_lines(["职工之家", "====", "正文。", "***", "又一段。"])]
    [('职工之家', 1), ('正文。', 0), ('***', 0), ('又一段。', 0)]
    >>> [(b.text, b.heading_level) for b in group_lines(["大足区总工会", "# 搭建技能成才“立交桥”", "# 助力产业工人队伍建设", "记者 黄敏"])]
    [('大足区总工会', 0), ('搭建技能成才“立交桥” 助力产业工人队伍建设', 1), ('记者 黄敏', 0)]
    """
    blocks: list[Block] = []
    run: list[str] = []
    start = gap = level = 0
    skip = front_matter_end(lines)
    if skip:
        body = tuple(line for line in lines[:skip] if line)
        blocks.append(Block(body, 1, skip, kind=Kind.FURNITURE,
                            note="front matter of an export, not printed on the page"))

    def close(last: int) -> None:
        nonlocal run, gap, level
        if run:
            wrapped = frozenset(i for i in range(len(run) - 1) if start + i in hard_breaks)
            blocks.append(Block(tuple(run), start, last, gap_before=gap, heading_level=level, wrapped=wrapped))
            run, gap, level = [], 0, 0

    for number, line in enumerate([*lines, ""], start=1):
        if number <= skip:
            continue
        if not line:
            close(number - 1)
            gap += 1
            continue
        if is_markup_only(line):
            underline = _SETEXT_UNDERLINE.match(line)
            # under a finished sentence it is a rule, not an underline
            if run and underline and not level and not labels.ends_sentence(run[-1]):
                level = 1 if line[0] == "=" else 2
                close(number)
                continue
            close(number - 1)
            start = number
            run.append(line)
            close(number)
            continue
        mark = _HEADING_MARK.match(line)
        # a Markdown heading is one line (or several marked ones, or one wrapped with a hard break):
        # a marked line ends the run above it, and the first unmarked line after it starts a new run
        wrapped_on = bool(run) and (number - 1) in hard_breaks
        if run and not wrapped_on and bool(mark) != bool(level):
            close(number - 1)
        if mark:
            level = level or len(mark.group(1))
            line = line[mark.end():]
        if not run:
            start = number
        run.append(line)
    return blocks


def is_markup_only(line: str) -> bool:
    """A line of Markdown markup with no text: a rule, a code fence, a lone heading or quote mark.

    >>> is_markup_only("* * *"), is_markup_only("```"), is_markup_only("- 职工")
    (True, True, False)
    """
    return bool(_MARKUP_ONLY.match(line))


def front_matter_end(lines: list[str]) -> int:
    """Number of lines of a YAML front matter block opening the file (``---`` … ``---``), or 0.

    Some exports put their own metadata there; it was never printed on the page.

    >>> front_matter_end(["---", "title：重庆工会", "date: 2023-05-25", "---", "渝工港湾"])
    4
    >>> front_matter_end(["---", "近日，北碚区总工会举办培训。", "---"])
    0
    """
    first = next((i for i, line in enumerate(lines) if line), None)
    if first is None or lines[first] != "---":
        return 0
    for index in range(first + 1, min(len(lines), first + FRONT_MATTER_MAX_LINES)):
        if lines[index] in ("---", "..."):
            fields = [line for line in lines[first + 1:index] if line]
            return index + 1 if fields and _FRONT_MATTER_KEY.match(fields[0]) else 0
    return 0


@lru_cache(maxsize=65536)     # a page asks again for lines it has already read (split_runs, then mark_labels)
def line_kind(text: str) -> tuple[Kind, str]:
    """The kind one line has standing alone, and why (``Kind.TEXT`` and '' for article text).

    Recognisers read the line through the traditional → simplified fold.

    >>> line_kind("渝工暖心"), line_kind("来源：中工网 2024-12-27 18:38")
    ((<Kind.COLUMN: 'column'>, 'column label'), (<Kind.META: 'meta'>, 'publication line (date, source or editors)'))
    >>> line_kind("上一版 下一版"), line_kind("近日，北碚区总工会开展培训。")
    ((<Kind.FURNITURE: 'furniture'>, 'interface words (navigation, sharing, font size)'), (<Kind.TEXT: 'text'>, ''))
    """
    if is_markup_only(text):
        return Kind.FURNITURE, "a rule or markup line with no text"
    if parse_edition_header(text):
        return Kind.HEADER, "edition header"
    key = to_simplified(text)
    if labels.is_column_label(key):
        return Kind.COLUMN, "column label"
    if labels.is_section_label(key):
        return Kind.SECTION, "section label"
    reason = furniture_reason(text)
    # (欢迎来到某某·某某网站 is the site's welcome, not a series; 通讯员投稿 a button, no credit)
    if labels.is_banner(key) and reason is None:
        return Kind.BANNER, "series banner"
    if labels.credit_authors(key) is not None and reason is None:
        return Kind.CREDIT, "credit line"
    if labels.parse_byline(key):
        return Kind.BYLINE, "byline"
    if labels.opens_with_byline_mark(key) and labels.names_only(key):
        return Kind.BYLINE, "byline (names after a mark)"
    publication = parse_publication_line(text)
    if publication is not None:
        if publication.date or publication.page or publication.origin or publication.authors or publication.editors:
            return Kind.META, "publication line (date, source or editors)"
        if _MONTH_DAY.search(text):
            # 日期：04-27, [2月7日 2:30]: the page's own date, printed without its year (so no date is read)
            return Kind.META, "publication line (a date without its year)"
        return Kind.FURNITURE, "interface words (navigation, sharing, font size)"
    if reason:
        return Kind.FURNITURE, reason
    if _menu_of_sites(key):
        return Kind.FURNITURE, "a menu of the site's papers and channels"
    return Kind.TEXT, ""


SITE_MENU_MIN_ITEMS = 5
SITE_MENU_MIN_SITES = 3
SITE_MENU_ITEM_MAX_CHARS = 10


def _menu_of_sites(text: str) -> bool:
    """A line of the group's papers and sites, spaced apart (某某日报 某某晚报 某某网 …): the site's menu.

    >>> _menu_of_sites("集团报刊某某日报 信息日报 某某都市报 某某网 赣商杂志 报刊精萃 南昌 九江 景德镇 萍乡 新余 鹰潭")
    True
    >>> _menu_of_sites("某某日报 某某晚报"), _menu_of_sites("某区总工会 某县总工会 某镇工会 联合 开展 慰问 活动")
    (False, False)
    """
    tokens = text.split()
    if len(tokens) < SITE_MENU_MIN_ITEMS or _ANY_MARK.search(text) or any(len(t) > SITE_MENU_ITEM_MAX_CHARS for t in tokens):
        return False
    sites = sum(is_site_name(token) for token in tokens)
    return sites >= SITE_MENU_MIN_SITES and sites * 4 >= len(tokens)     # (its cities' channels among them)


def mark_labels(blocks: list[Block]) -> list[Block]:
    """Give labels, headers, publication lines, furniture, credits and bylines their kind.

    >>> [b.kind.value for b in mark_labels(group_lines(["渝工暖心", "", "扫描查看名单"]))]
    ['column', 'furniture']

    A date alone under a publication line is the value of its last field
    (发布时间： / 2024年11月28日); elsewhere it may head a chronicle's paragraph.

    >>> page = ["编辑：李某 发布时间：", "", "2024年11月28日", "", "大会召开。", "", "2024年5月1日"]
    >>> [b.kind.value for b in mark_labels(group_lines(page))]
    ['meta', 'meta', 'text', 'text']
    >>> [b.kind.value for b in mark_labels(group_lines(["发布日期：", "", "2017年12月26日", "", "大会召开。"]))]
    ['furniture', 'meta', 'text']
    """
    marked: list[Block] = []
    for block in blocks:
        if len(block.lines) == 1 and block.kind is Kind.TEXT:
            kind, why = line_kind(block.text)
            if kind is not Kind.TEXT:
                block = replace(block, kind=kind, note=why, weak=kind is Kind.FURNITURE and is_weak(why))
            elif marked and (marked[-1].kind is Kind.META or is_date_label(marked[-1].text)) and date_alone(block.text):
                block = replace(block, kind=Kind.META, note="the date of the publication line above")
        marked.append(block)
    return marked



def split_runs(blocks: list[Block], layout: PageLayout) -> list[Block]:
    """Cut runs of lines with no blank line between them where the page shows an element ends.

    A line that stands on its own (a label, a byline, a publication line,
    furniture) always gets a block of its own.  Where the page puts one
    paragraph on each line (``layout.lines_are_paragraphs``) every line is a
    block, unless the page was wrapped at a fixed width and the line runs to
    it; elsewhere a run is cut after a finished sentence, before an indented
    line and between a title line and the text under it.  Lines kept together
    are a two-line title or a paragraph the copy wrapped.

    >>> paged = page_layout(["标题一行", "第一段写完了。", "第二段也写完了。"], frozenset())
    >>> [b.text for b in split_runs(group_lines(["标题一行", "第一段写完了。", "第二段也写完了。"]), paged)]
    ['标题一行', '第一段写完了。', '第二段也写完了。']
    >>> seeds = page_layout(["健全报到机制", "形成劳模服务基层新常态", "", "正文。"], frozenset())
    >>> [b.text for b in split_runs(group_lines(["健全报到机制", "形成劳模服务基层新常态", "", "正文。"]), seeds)]
    ['健全报到机制 形成劳模服务基层新常态', '正文。']
    >>> cut = ["今年以来，北碚区总工会在全市率先创新开展劳", "模“亮身份”活动，全区127名劳模参加。", "", "下一段。"]
    >>> [b.text for b in split_runs(group_lines(cut), page_layout(cut))]
    ['今年以来，北碚区总工会在全市率先创新开展劳模“亮身份”活动，全区127名劳模参加。', '下一段。']
    """
    out: list[Block] = []
    for block in blocks:
        if len(block.lines) == 1 or block.kind is not Kind.TEXT or block.heading_level:
            out.append(replace(block, indented=block.first_line in layout.indented))
            continue
        start = 0
        kinds = [line_kind(line)[0] for line in block.lines]
        # a line of running text that continues on the next line was wrapped by the copy: no space between
        joined = {i - 1 for i in range(1, len(block.lines))
                  if is_body(block.lines[i - 1]) or wrapped_mid_sentence(block.lines[i - 1], block.lines[i])}
        for index in range(1, len(block.lines) + 1):
            if index < len(block.lines) and not _breaks(block, index, kinds, layout):
                continue
            lines = block.lines[start:index]
            wrapped = frozenset(i - start for i in block.wrapped | joined if start <= i < index - 1)
            out.append(Block(lines, block.first_line + start, block.first_line + index - 1,
                             gap_before=block.gap_before if start == 0 else 0, wrapped=wrapped,
                             note=block.note, indented=block.first_line + start in layout.indented))
            start = index
    return out


FLATTENED_MIN_CHARS = 160     # a line this long holding spaced sentence ends is several paragraphs run together
FLATTENED_PIECE_MIN_CHARS = 12
# the space before a closing quote or bracket is the copy's spacing: no paragraph starts with one
# (a closing quote ends a sentence only after its full stop: “产房子” 2022 is a phrase and a title)
_SPACED_SENTENCE_END = re.compile(r"(?:(?<=[。！？])|(?<=[。！？][”」]))[ \u3000\t]+(?=[^\s”’」』）)》】])")


def split_flattened_paragraphs(blocks: list[Block], layout: PageLayout = PageLayout()) -> list[Block]:
    """A long line whose sentences end with a space before the next one: the copy ran its paragraphs together.

    A web page copied as one line keeps a space where each paragraph ended
    (``…慰问金和慰问品。 在省先进工作者家中，…``); Chinese prose puts no space
    after a full stop, so the space is the paragraph break.  A short piece
    after a space (a credit like ``（张三）``) stays with its sentence, and a
    line ending on a photo credit is one caption, however long.

    >>> first = "今年以来，区总工会围绕职工群众急难愁盼问题，" * 4 + "办成了一批实事。"
    >>> second = "下一步，区总工会将继续深化服务职工工作，" * 4 + "让职工有更多获得感。"
    >>> [b.text[-8:] for b in split_flattened_paragraphs([Block((f"{first} {second} （张三）",), 5, 5)])]
    ['办成了一批实事。', '得感。 （张三）']

    ==========================================  ===========================
    line                                        paragraphs
    ==========================================  ===========================
    long, ``。 `` between sentences             one per spaced sentence end
    long, sentences joined with no space        one
    short (a caption ``…现场。 记者 张三 摄``)    one
    ``。 ”`` (the space before a closing quote)   no break there
    any, on a page that spaces every sentence    one (``layout.spaces_sentence_ends``)
    end, in short lines too
    ==========================================  ===========================
    """
    if layout.spaces_sentence_ends:
        return blocks
    out: list[Block] = []
    for block in blocks:
        if block.kind is not Kind.TEXT or len(block.lines) != 1 or block.heading_level \
                or len(block.text) < FLATTENED_MIN_CHARS or not _SPACED_SENTENCE_END.search(block.text) \
                or labels.split_caption_credit(block.text)[1]:       # a news photo's caption runs on to its credit
            out.append(block)
            continue
        pieces: list[str] = []
        for piece in _SPACED_SENTENCE_END.split(block.text):
            if pieces and len(piece) < FLATTENED_PIECE_MIN_CHARS:
                pieces[-1] = f"{pieces[-1]} {piece}"
            else:
                pieces.extend(_credited_caption_ahead(piece))
        out.extend(replace(block, lines=(piece,), gap_before=block.gap_before if i == 0 else 0,
                           note=block.note if i == 0 else "a paragraph the copy ran into the line above")
                   for i, piece in enumerate(pieces))
    return out


# a photo's caption and its credit opening a run-on paragraph: 慰问现场。张三 摄 主办方希望……
_CREDITED_CAPTION_AHEAD = re.compile(rf"^(?P<caption>[^。！？\s]{{2,30}}。?\s?[{HAN}]{{2,4}}\s?[摄攝])\s+(?=\S)")


def _credited_caption_ahead(piece: str) -> list[str]:
    """A piece of a run-on line cut after the photo caption it opens with, where the caption ends on its credit.

    >>> _credited_caption_ahead("慰问现场。张某某 摄 主办方希望广大环卫工人继续发扬不怕苦的精神。")
    ['慰问现场。张某某 摄', '主办方希望广大环卫工人继续发扬不怕苦的精神。']
    >>> _credited_caption_ahead("摄影爱好者 张某 摄下了这一幕。")
    ['摄影爱好者 张某 摄下了这一幕。']
    """
    match = _CREDITED_CAPTION_AHEAD.match(piece)
    if match and labels.split_caption_credit(match.group("caption"))[1]:
        return [match.group("caption"), piece[match.end():]]
    return [piece]


def _breaks(block: Block, index: int, kinds: list[Kind], layout: PageLayout) -> bool:
    """Whether a new element starts at line ``index`` of the run (the line before it is ``index - 1``)."""
    before, after = block.lines[index - 1], block.lines[index]
    if kinds[index - 1] is not Kind.TEXT or kinds[index] is not Kind.TEXT:
        return True
    if index - 1 in block.wrapped:
        return False                  # the copy marked the line as wrapped
    number = block.first_line + index
    if layout.repeats(before) or layout.repeats(after):
        return True                   # printed elsewhere on the page too: a title, a teaser, an index entry
    if any(is_channel_name(line) or _is_index_entry(line) for line in (before, after)):
        return True                   # a site's channel or an entry of a headline index stands alone
    if labels.is_photo_credit_line(before) or labels.is_photo_credit_line(after):
        return True                   # a photo credit (本报记者 张三 摄) stands under its caption or the head
    if labels.opens_caption(after) or labels.split_caption_credit(before)[1]:
        return True                   # a caption opens (图②：…) or one ended on its credit (…。记者 张三 摄)
    if _BRACKETED_TITLE.match(after):
        return True                   # 【title】text: an item of a roundup starts
    if labels.item_number(after) is not None or NOTE_LINE.match(after):
        return True                   # No.2 / ③ / 4、: the next item of a numbered list; 注：a note under it
    if layout.continues(before, number):
        return False
    if number in layout.indented or layout.lines_are_paragraphs:
        return True
    if labels.ends_sentence(before) or after.startswith(("—", "--")):
        return True
    if wrapped_mid_sentence(before, after):
        return False                  # the copy wrapped a sentence here (…开展劳 / 模“亮身份”…)
    return is_body(after) != is_body(before)


MENU_RUN_MIN_LINES = 4


def split_menu_lines(blocks: list[Block]) -> list[Block]:
    """A site's menu printed one item per line at the top of a run is furniture, not the title it stands on.

    A run of four short items or more, one of them the site's own word (关于我们,
    搜索, 首页), with no blank line before the headline under them, is the
    site's menu: a kicker or a headline index is not a run of one-word lines
    among the site's own words.

    | run | result |
    | --- | --- |
    | 关于我们 / 职工权益 / 参政议政 / 会员优惠 / 搜寻 / headline | menu (furniture) · headline |
    | four short items, none a site word / headline | unchanged (a title block, an index) |
    | 关于我们 / 职工权益 / headline | unchanged (too few to be a menu) |

    >>> page = ["关于我们", "职工权益", "参政议政", "会员优惠", "搜索", "某工会举行新春联欢会 表扬优秀义工", "", "正文。"]
    >>> [(b.kind.value, b.first_line) for b in split_menu_lines(group_lines(page))]
    [('furniture', 1), ('text', 6), ('text', 8)]
    >>> [b.kind.value for b in split_menu_lines(group_lines(["职工权益", "参政议政", "会员优惠", "文体活动", "某工会举行联欢会"]))]
    ['text']
    """
    out: list[Block] = []
    for block in blocks:
        items = len(list(takewhile(is_menu_item, block.lines)))
        if (block.kind is not Kind.TEXT or items < MENU_RUN_MIN_LINES or items == len(block.lines)
                or not any(furniture_reason(line) for line in block.lines[:items])):
            out.append(block)
            continue
        out.append(replace(block, lines=block.lines[:items], last_line=block.first_line + items - 1, wrapped=frozenset(),
                           kind=Kind.FURNITURE, note="a menu of the site's sections, one item per line"))
        out.append(Block(block.lines[items:], block.first_line + items, block.last_line,
                         wrapped=frozenset(i - items for i in block.wrapped if i >= items), note=block.note))
    return out


def split_short_line_runs(blocks: list[Block]) -> list[Block]:
    """A run of three short phrases or more under the running text is one line each: photos' captions, no title.

    A title of two or three lines opens a page; among the paragraphs, short lines
    with no mark printed one under another (参赛选手整齐列队 / 知识竞赛 / 钢筋工比赛)
    name what each photo of a gallery shows.

    >>> page = ["11月17日，某市技能大赛开幕，共219名选手参加比赛。", "", "参赛选手整齐列队", "知识竞赛", "钢筋工比赛", "",
    ...         "比赛过程中，选手们各显身手。"]
    >>> [b.text for b in split_short_line_runs(group_lines(page))][1:4]
    ['参赛选手整齐列队', '知识竞赛', '钢筋工比赛']
    >>> [b.text for b in split_short_line_runs(group_lines(["健全报到机制", "形成劳模服务", "基层新常态", "", "正文。"]))][0]
    '健全报到机制 形成劳模服务 基层新常态'
    """
    out: list[Block] = []
    below_text = False
    for block in blocks:
        lines = block.lines
        if (below_text and block.kind is Kind.TEXT and not block.heading_level and len(lines) >= SHORT_RUN_MIN_LINES
                and all(_gallery_phrase(line) for line in lines)):
            out.extend(Block((line,), block.first_line + i, block.first_line + i,
                             gap_before=block.gap_before if i == 0 else 0,
                             note="one of a run of short lines under the running text")
                       for i, line in enumerate(lines))
            continue
        below_text = below_text or block.kind is Kind.TEXT and any(is_body(line) for line in lines)
        out.append(block)
    return out


SHORT_RUN_MIN_LINES = 3


def split_captions_before_dateline(blocks: list[Block]) -> list[Block]:
    """Photo captions a copy ran into the lead's line (…慰问品。（某社区供图） 某某网讯（记者 张三）…) stand alone.

    Each caption ends on its bracketed credit; the dateline after the last one
    opens the lead, so the line's head is the photos' captions, not its text.

    | the line                                                   | captions                        | text            |
    | ---------------------------------------------------------- | ------------------------------- | --------------- |
    | 慰问现场。（某社区供图） 文艺汇演（某社区供图） 某某网讯（记者 张三）6月16日，… | 慰问现场。（某社区供图） · 文艺汇演（某社区供图） | 某某网讯（记者 张三）… |
    | 比赛现场（张三 摄）6月16日，某区举行比赛。                    | (no split: no dateline follows) |                 |

    >>> line = "慰问现场。（某社区供图） 文艺汇演（某社区供图） 某某网讯（记者 张三）6月16日，某社区工会开展慰问活动。"
    >>> [(b.kind.value, b.text) for b in split_captions_before_dateline(group_lines([line]))]
    [('caption', '慰问现场。（某社区供图）'), ('caption', '文艺汇演（某社区供图）'), ('text', '某某网讯（记者 张三）6月16日，某社区工会开展慰问活动。')]
    """
    out: list[Block] = []
    for block in blocks:
        cuts: list[int] = []
        if block.kind is Kind.TEXT and len(block.lines) == 1:
            text, start = block.text, 0
            for match in _BRACKET_CLOSE.finditer(block.text):
                piece = text[start:match.end()].strip()
                if not piece or len(piece) > CREDITED_CAPTION_MAX_CHARS or not labels.split_caption_credit(piece)[1]:
                    break
                cuts.append(match.end())
                start = match.end()
                if labels.opens_with_dateline(text[start:].lstrip()):
                    break
            if cuts and not labels.opens_with_dateline(text[cuts[-1]:].lstrip()):
                cuts = []            # (no dateline after the last caption: the line is text with its brackets)
        if not cuts:
            out.append(block)
            continue
        for begin, end in zip([0, *cuts], cuts):
            out.append(replace(block, lines=(block.text[begin:end].strip(),), kind=Kind.CAPTION, gap_before=0,
                               note="a photo's caption run into the lead's line"))
        out.append(replace(block, lines=(block.text[cuts[-1]:].lstrip(),), gap_before=0))
    return out


_BRACKET_CLOSE = re.compile(r"[）)]")


def split_paragraph_before_photo_note(blocks: list[Block]) -> list[Block]:
    """A paragraph run into the photo note after it (…入会。图为…现场。记者 张三 摄) is a paragraph and a caption.

    A copy that lost the line break between the text and the photo's caption
    gives one line ending on a photo credit; the caption is what opens the way
    only captions open (图为…, 上图…), the finished sentences before it are text.
    A page of several such captions is a series of photos, each caption
    telling its story first: those stay whole.

    | the line                                   | text                 | caption                  |
    | ------------------------------------------ | -------------------- | ------------------------ |
    | 近万名职工参加咨询。图为活动现场。张三 摄      | 近万名职工参加咨询。    | 图为活动现场。张三 摄        |
    | 图为活动现场。张三 摄                         | (no split)           |                          |
    | 职工说：“图为证。” 张三 摄                     | (no split: not 图为…)  |                          |

    >>> line = "活动现场，近万名职工参加咨询，三千名职工现场入会。图为某区职工沟通会现场，骑手们加入工会。本报记者 张三 摄"
    >>> [(b.kind.value, b.text[:8]) for b in split_paragraph_before_photo_note(mark_captions(group_lines([line])))]
    [('text', '活动现场，近万名'), ('caption', '图为某区职工沟通')]
    """
    indented_page = _indents_its_paragraphs(blocks)

    def photo_note_at(block: Block) -> int | None:
        """Where a finished sentence of the line is followed by a photo's note (…入会。图为…)."""
        return next((m.end() for m in _SENTENCE_THEN_PHOTO_NOTE.finditer(block.text)
                     if labels.opens_caption(block.text[m.end():])), None) if len(block.lines) == 1 else None

    def note_at(block: Block) -> int | None:
        # (on a page that indents its paragraphs, an unindented line is a caption whole, its story told first)
        at = photo_note_at(block) if block.kind is Kind.CAPTION and not (indented_page and not block.indented) else None
        return at if at is not None and is_body(block.text[:at]) else None

    notes = [note_at(b) for b in blocks]
    # (a series of photos whose captions each tell their story first, …揭牌启用。图为…, credited or not, is
    # captions whole, and so is one such caption among a gallery of credited captions)
    told_first = sum(b.kind in (Kind.TEXT, Kind.CAPTION) and photo_note_at(b) is not None for b in blocks)
    credited = sum(b.kind is Kind.CAPTION and len(b.lines) == 1 and bool(labels.split_caption_credit(b.text)[1])
                   for b in blocks)
    if sum(at is not None for at in notes) != 1 or told_first > 1 or credited >= GALLERY_CREDITED_CAPTIONS:
        return blocks
    out: list[Block] = []
    for block, at in zip(blocks, notes):
        if at is None:
            out.append(block)
            continue
        out.append(replace(block, lines=(block.text[:at].rstrip(),), kind=Kind.TEXT, weak=False,
                           note="the paragraph run into the photo note after it"))
        out.append(replace(block, lines=(block.text[at:],), gap_before=0))
    return out


GALLERY_CREDITED_CAPTIONS = 4
_SENTENCE_THEN_PHOTO_NOTE = re.compile(r"[。！？]\s*")


def mark_captions(blocks: list[Block]) -> list[Block]:
    """Mark photo captions: a short line after a wide gap, one with a photo credit, one opening with 图为.

    A line that is only a photo credit (``新华社记者 黄伟 摄``) joins the caption
    printed right above it, or makes the short text above it a caption when
    that text is no finished sentence; else it credits the article's photos.

    >>> blocks = mark_captions(group_lines(["……企业福", "", "", "", "长寿区2024年春风行动专场招聘会", "", "利等解答。"]))
    >>> [b.kind.value for b in blocks]
    ['text', 'caption', 'text']
    >>> blocks = mark_captions(group_lines(["环卫工人在驿站休息", "", "新华社记者 黄伟 摄", "", "正文第一段。"]))
    >>> [(b.kind.value, b.text) for b in blocks]
    [('caption', '环卫工人在驿站休息 新华社记者 黄伟 摄'), ('text', '正文第一段。')]
    >>> [b.kind.value for b in mark_captions(group_lines(["正文写完了。", "", "新华社记者 黄伟 摄"]))]
    ['text', 'credit']

    A story's last paragraph signed by the writer of its words and photos is no caption:

    >>> [b.kind.value for b in mark_captions(group_lines(["此次共发放慰问金1万元。驾驶员表示感谢工会的关心。（图/文 吴某）"]))]
    ['text']

    A short line under a photo's placeholder is its caption, also with the mark a paper prints before it:

    >>> page = ["放大圖片", "", "■主礼嘉宾为职工足球赛开球", "", "【本报讯】某某工会举办职工足球友谊赛。"]
    >>> [b.kind.value for b in mark_captions(mark_labels(group_lines(page)))]
    ['furniture', 'caption', 'text']
    """
    # photos printed one after another, each caption over its credit line: a finished sentence above a credit
    # is then a caption too, not the last paragraph of an article
    in_sequence = _credited_captions(blocks) >= 2
    records = _page_records(blocks)
    crossheads = _crosshead_shapes(blocks)
    printed: set[str] = set()
    marked: list[Block] = []
    for index, block in enumerate(blocks):
        gap_after = blocks[index + 1].gap_before if index + 1 < len(blocks) else 0
        if block.kind is Kind.TEXT and len(block.lines) == 1 and labels.is_photo_credit_line(block.text):
            above = marked[-1] if marked else None
            if above is not None and len(above.lines) == 1 and not labels.split_caption_credit(above.text)[1] and (
                    above.kind is Kind.CAPTION and len(above.text) <= CAPTION_MAX_CHARS
                    or above.kind is Kind.TEXT and not labels.ends_sentence(above.text)
                    and len(above.text) <= CAPTION_MAX_CHARS and not _heads_a_story(above, blocks[index + 1:])
                    and not _named_by_record(above.text, records)
                    or above.kind is Kind.TEXT and in_sequence and len(above.text) <= CREDITED_CAPTION_MAX_CHARS):
                sequence = above.kind is Kind.TEXT and labels.ends_sentence(above.text)
                marked[-1] = Block((above.text, block.text), above.first_line, block.last_line,
                                   gap_before=above.gap_before, kind=Kind.CAPTION, weak=sequence,
                                   note=f"caption with its photo credit on line {block.first_line}"
                                   + (" (one of a sequence of credited photos)" if sequence else ""))
                continue
            block = replace(block, kind=Kind.CREDIT, note="a photo credit line (of the photos above)")
        if block.kind is Kind.TEXT and len(block.lines) == 1 and _credit_only(block.text):
            marked.append(replace(block, kind=Kind.CREDIT, note="a photo credit line (of the photos above)"))
            continue
        why = _caption_reason(block, gap_after)
        above = marked[-1] if marked else None
        # (a mark before it, ■主礼嘉宾主持开球礼, is the paper's way of printing a caption there)
        # (a file photo's label stands where its photo was, as a placeholder does)
        # (a line the page printed already, its headline or an index entry, is that line again, no caption)
        if not why and above is not None and (above.kind is Kind.FURNITURE and above.note in PHOTO_MARKS
                                              or above.kind is Kind.CAPTION and above.note == FILE_PHOTO_CAPTION) \
                and _head_shape(block.text) not in crossheads and squeeze(block.text) not in printed \
                and _caption_under_placeholder(block):
            why = f"short line under a photo's placeholder on line {above.first_line}"
        # a caption by its place alone, after a gap no wider than a spacing blank line pair, is a guess the review shows
        weak = why.startswith("short line") and (block.gap_before <= PHOTO_GAP or "between" in why)
        marked.append(replace(block, kind=Kind.CAPTION, note=why, weak=weak) if why else block)
        if not why:
            printed.add(squeeze(block.text))     # (a caption printed under each photo of a series stays one)
    return marked


def _head_shape(text: str) -> tuple:
    """A short line's shape: its length and where its marks stand (一盏明灯，守护晨昏 and 暖冬心意，精准直达 share one)."""
    return (len(text), tuple(i for i, ch in enumerate(text) if not ch.isalnum()))


def _crosshead_shapes(blocks: list[Block]) -> frozenset[tuple]:
    """Shapes of the page's crossheads: short lines of parallel phrases that stand under no photo placeholder.

    A line under a photo's placeholder with the shape of such a crosshead is
    one more crosshead of the series (一盏明灯，守护晨昏 / 一次义剪，焕新颜容 /
    暖冬心意，精准直达), not the photo's caption.

    >>> page = ["某县总工会开展暖冬行动。", "", "图片1.jpg", "", "一盏明灯，守护晨昏", "", "环卫工人起早贪黑，工会为他们送上头灯。", "",
    ...         "一次义剪，焕新颜容", "", "志愿者为劳动者免费理发。"]
    >>> [(b.kind.value, b.text) for b in page_blocks(page) if "，" in b.text and len(b.text) < 12]
    [('text', '一盏明灯，守护晨昏'), ('text', '一次义剪，焕新颜容')]
    """
    shapes = set()
    for above, block in zip([None, *blocks], blocks):
        if (block.kind is Kind.TEXT and len(block.lines) == 1 and len(block.text) <= CROSSHEAD_SHAPE_MAX_CHARS
                and _CLAUSE_OR_COLON.search(block.text) and not labels.ends_sentence(block.text)
                and not (above is not None and above.kind is Kind.FURNITURE and above.note in PHOTO_MARKS)):
            shapes.add(_head_shape(block.text))
    return frozenset(shapes)


CROSSHEAD_SHAPE_MAX_CHARS = 16


def table_cell(text: str) -> str:
    """A line set in a table's cell bars (| 职工在驿站读报。 |), without them: how a copy keeps a photo's caption cell.

    >>> table_cell("| 职工在驿站读报。 |"), table_cell("职工在驿站读报。"), table_cell("甲 | 乙")
    ('职工在驿站读报。', '职工在驿站读报。', '甲 | 乙')
    """
    inner = text.strip()
    if len(inner) > 2 and inner[0] in "|｜" and inner[-1] in "|｜":
        return inner[1:-1].strip()
    return text


PLACEHOLDER_CAPTION_MIN_HAN = 2   # under a photo's placeholder a caption may be one word (焊工)


def _caption_under_placeholder(block: Block) -> bool:
    """A short line right under a photo's placeholder: its caption, down to one word of two characters.

    The mark a paper prints before a caption (■) is no part of it.  A finished
    sentence counts too when the copy set it in a table's cell under the photo
    (``![]() |`` over ``| 职工在驿站读报。 |``).

    | line under the placeholder | caption |
    | -------------------------- | ------- |
    | 焊工                       | True    |
    | 主礼嘉宾为职工足球赛开球   | True    |
    | 1                          | False   |
    | 某某工会召开大会，会议指出，全体职工要……（a paragraph）| False |

    >>> [_caption_under_placeholder(Block((t,), 1, 1)) for t in ("焊工", "主礼嘉宾为职工足球赛开球", "1")]
    [True, True, False]
    >>> _caption_under_placeholder(Block(("团圆饭拉近了骑手与城市的距离。据了解，全区已建成54座“工会驿站”，形成",), 1, 1))
    False
    >>> sentence = "快递员在某银行营业大厅的爱心驿站里阅读新年第一份报纸，驿站为快递员、环卫工人等户外职工免费提供报刊。"
    >>> _caption_under_placeholder(Block((sentence,), 1, 1)), _caption_under_placeholder(Block((f"| {sentence} |",), 1, 1))
    (False, True)
    """
    cell = table_cell(block.text)
    in_cell = cell != block.text
    block = replace(block, lines=(cell.lstrip(labels.rules().bullets + " "),))
    text = block.text
    if block.kind is not Kind.TEXT or block.heading_level or labels.is_bullet_item(text):
        return False
    if not in_cell and not labels.split_caption_credit(text)[1] and ends_a_sentence_inside(text):
        return False       # …的溫暖，而暖心的行動不止于此。據了解，…: two sentences of running text, cut off
    if _caption_reason(replace(block, gap_before=PHOTO_GAP), PHOTO_GAP):
        return True
    return (len(CJK_IDEOGRAPH.findall(text)) >= PLACEHOLDER_CAPTION_MIN_HAN and len(text) <= CAPTION_MAX_CHARS
            and (not labels.ends_sentence(text) or in_cell))


def _page_records(blocks: list[Block]) -> list[str]:
    """The page's publication lines, squeezed: an e-paper prints its record (paper, page, headline, date) there."""
    return [squeeze(b.text) for b in blocks if b.kind is Kind.META]


def _named_by_record(text: str, records: list[str]) -> bool:
    """A line the page's record names: the headline, whatever its shape.

    >>> _named_by_record("亮出职工好声音", ["某某工人日报工会00002亮出职工好声音2019-12-192"])
    True
    >>> _named_by_record("职工", ["某某工人日报工会00002亮出职工好声音"])   # too short to be named
    False
    """
    key = squeeze(text)
    return len(key) >= RECORDED_TITLE_MIN_CHARS and any(key in record for record in records)


def _heads_a_story(above: Block, after: list[Block]) -> bool:
    """A title over its photographers' credit: it names a photo story, or a publication line follows the credit.

    >>> _heads_a_story(Block(("活动掠影",), 1, 1), []), _heads_a_story(Block(("职工在休息",), 1, 1), [])
    (True, False)
    """
    return labels.names_photo_story(above.text) or bool(after) and after[0].kind in (Kind.META, Kind.HEADER)


def _credited_captions(blocks: list[Block]) -> int:
    """How many one-line texts stand right above a photo credit line of their own.

    >>> _credited_captions(group_lines(["职工在送餐。", "张三 摄", "工人在焊接。", "李四 摄"]))
    0
    >>> _credited_captions(group_lines(["职工在送餐。", "", "张三 摄", "", "工人在焊接。", "", "李四 摄"]))
    2
    """
    return sum(1 for above, block in zip(blocks, blocks[1:])
               if len(above.lines) == 1 and len(block.lines) == 1 and above.kind is Kind.TEXT
               and block.kind is Kind.TEXT and labels.is_photo_credit_line(block.text)
               and not _credit_only(block.text))


def _credit_only(text: str) -> bool:
    """'本报记者 于文国 张宪 摄': a credit whose caption text is only its role word.

    >>> _credit_only("本报记者 于文国 张宪 摄"), _credit_only("职工在驿站休息。记者 张三 摄")
    (True, False)
    """
    caption, credit = labels.split_caption_credit(text)
    return bool(credit) and to_simplified(caption).strip() in labels.rules().credit_roles


# 图/文 吴某, 文/图 张某, 图文 李某: the writer of the words and the photos, signing the story's last paragraph
_WORDS_AND_PHOTOS_CREDIT = re.compile(r"^(图\s*[/／、]?\s*文|文\s*[/／、]?\s*图)")


FILE_PHOTO_CAPTION = "a file photo's printed label (资料图片)"


def _caption_reason(block: Block, gap_after: int = 0) -> str:
    if block.kind is not Kind.TEXT or len(block.lines) != 1 or block.heading_level:
        return ""
    text = block.text
    if is_file_photo_label(text):
        return FILE_PHOTO_CAPTION
    if opens_related_links(text):
        return ""                    # 相关阅读 after the text, even with nothing under it: the site's list
    if _MACHINE_DATE.search(text):
        return ""                    # a page's metadata line (…00003 … 2016-10-29), not a photo's words
    if is_site_name(to_simplified(text)):
        return ""                    # a paper's or site's name (重庆政协报) repeated on the page, not a photo's words
    credit = labels.split_caption_credit(text)[1]
    if len(text) <= CREDITED_CAPTION_MAX_CHARS and credit and not (
            _WORDS_AND_PHOTOS_CREDIT.match(to_simplified(credit)) and ends_a_sentence_inside(text)):
        # (…共计发放慰问金1万元。网约车驾驶员表示……（图/文 吴某）: the story's last paragraph and its writer)
        return "caption with a photo credit"
    if len(text) <= CREDITED_CAPTION_MAX_CHARS and labels.opens_caption(text):
        return "caption opening with 图为 or an arrow"
    if len(text) > CAPTION_MAX_CHARS or _FIELD_LABEL.match(text):
        return ""                    # 依 据：《某某条例》, 重点内容：1. …: a record's labelled field, no photo's words
    if (block.gap_before >= PHOTO_GAP and len(CJK_IDEOGRAPH.findall(text)) >= CAPTION_MIN_HAN
            and not labels.ends_sentence(text) and not labels.is_bullet_item(text)):
        return f"short line after a {block.gap_before}-line gap (photo position)"
    if (block.gap_before >= PHOTO_GAP and gap_after >= PHOTO_GAP and len(text) <= SENTENCE_CAPTION_MAX_CHARS
            and len(CJK_IDEOGRAPH.findall(text)) >= CAPTION_MIN_HAN and not labels.is_bullet_item(text)):
        # a caption may be a sentence: 工作人员正在为游客准备饭菜。 standing between photos
        return "short line between two wide gaps (photo position)"
    return ""


PHOTO_STORY_HEAD_BLOCKS = 8        # a photo story's head (title, subtitle, photographers) opens the page
PHOTO_STORY_MIN_PHOTOS = 4         # … and at least this many captions follow
PHOTO_STORY_CAPTION_MAX_CHARS = 120


def mark_photo_story(blocks: list[Block]) -> list[Block]:
    """Under a photo story's head, the run of short finished sentences are the photos' captions.

    The head is a title or subtitle naming a photo story (…决赛剪影, …活动掠影)
    or a byline of photographers only (本报记者 张三 李四 摄), within the first
    blocks of the page.  The captions are the first run of at least four
    one-line texts that each end a sentence, none longer than a short
    paragraph, most of them short; the run ends at the first block that is not
    such a text (a paragraph, a title, the footer).

    >>> page = ["劳动节活动掠影", "", "本报记者 张三 摄", "", "代表们步入会场。", "", "代表上台领奖。", "",
    ...         "获奖代表发言。", "", "代表们合影留念。", "", "关于我们 | 版权声明"]
    >>> [b.kind.value for b in mark_photo_story(mark_captions(mark_labels(group_lines(page))))]
    ['text', 'credit', 'caption', 'caption', 'caption', 'caption', 'furniture']
    >>> page = ["担当新使命 奋进新征程", "", "——某省工会代表大会掠影", "", "11月23日，某省工会第十五次代表大会在省会闭幕。来自全省各地、各行各业的近千名代表出席。", "",
    ...         "代表们投下庄严的一票", "", "代表们在新闻中心留念", "", "会场上代表们专注聆听", "", "代表们参与分组讨论"]
    >>> [b.kind.value for b in mark_photo_story(mark_captions(mark_labels(group_lines(page))))][3:]
    ['caption', 'caption', 'caption', 'caption']

    ============================================  =======================
    page                                          the short sentences are
    ============================================  =======================
    subtitle ``——…决赛剪影``, 12 short sentences  captions
    subtitle ``——…掠影``, 9 phrases with no mark   captions
    ``本报记者 甲 乙 摄``, 9 short sentences        captions
    ``本报记者 甲 摄`` over a report of paragraphs  paragraphs (too long)
    no such head, 6 short sentences                paragraphs
    ============================================  =======================
    """
    head = next((i for i, block in enumerate(blocks[:PHOTO_STORY_HEAD_BLOCKS])
                 if block.kind in (Kind.CREDIT, Kind.BYLINE) and labels.is_photo_credit_line(block.text)
                 or block.kind is Kind.TEXT and len(block.text) <= CAPTION_MAX_CHARS
                 and not labels.ends_sentence(block.text) and labels.names_photo_story(block.text)), None)
    if head is None:
        return blocks
    start = None
    for i in range(head + 1, len(blocks) + 1):
        block = blocks[i] if i < len(blocks) else None
        # a caption is one short sentence, or a phrase printed with no mark at all (代表们投下庄严的一票)
        fits = block is not None and block.kind is Kind.TEXT and len(block.lines) == 1 \
            and not block.heading_level and len(block.text) <= PHOTO_STORY_CAPTION_MAX_CHARS \
            and (labels.ends_sentence(block.text) or not _ANY_MARK.search(block.text))
        if fits and start is None:
            start = i
        elif not fits and start is not None:
            # the text above the photos (its lead) runs far longer than the captions under it, or is punctuated
            # where they are phrases with no mark: the captions start after it
            median = sorted(len(b.text) for b in blocks[start:i])[(i - start) // 2]
            phrases = sum(not _ANY_MARK.search(b.text) for b in blocks[start:i]) * 2 > i - start
            while i - start > PHOTO_STORY_MIN_PHOTOS and (
                    len(blocks[start].text) > max(SENTENCE_CAPTION_MAX_CHARS, 2 * median)
                    or phrases and _ANY_MARK.search(blocks[start].text)):
                start += 1
            run = blocks[start:i]
            lengths = sorted(len(b.text) for b in run)
            if len(run) >= PHOTO_STORY_MIN_PHOTOS and lengths[len(lengths) // 2] <= SENTENCE_CAPTION_MAX_CHARS:
                note = f"one of {len(run)} short sentences under the photo story's head on line {blocks[head].first_line}"
                return blocks[:start] + [replace(b, kind=Kind.CAPTION, note=note) for b in run] + blocks[i:]
            start = None
    return blocks


PHOTO_REPORT_CAPTION_MAX_CHARS = 20


def mark_photo_report(blocks: list[Block]) -> list[Block]:
    """In a photo report (credited ``某某 摄影报道``), a line of one short sentence between paragraphs is a caption.

    A photo report prints its photos among the paragraphs, each with a caption
    of a few words (城管队员在转移车辆。); no paragraph of the report is that
    short.  The first text line is the lead, never a caption.  A guess from
    shape, so the review lists it.

    >>> page = ["近日，高温持续，户外劳动者在驿站补水休息，享受清凉服务。", "", "快递员在派件。", "",
    ...         "在某某街道，城管队员在工会驿站内补水，驿站备有防暑药品。", "", "某某新闻签约摄影师 张三 摄影报道"]
    >>> [b.kind.value for b in mark_photo_report(mark_captions(mark_labels(group_lines(page))))]
    ['text', 'caption', 'text', 'credit']
    >>> [b.kind.value for b in mark_photo_report(mark_captions(mark_labels(group_lines(page[:-1]))))]
    ['text', 'text', 'text']
    """
    credit = next((b for b in blocks if len(b.lines) == 1 and b.kind in (Kind.CREDIT, Kind.BYLINE, Kind.TEXT)
                   and labels.credits_photo_report(b.text)), None)
    if credit is None:
        return blocks
    first_text = next((i for i, b in enumerate(blocks) if b.kind is Kind.TEXT and is_body(b.text)), None)
    note = f"a short sentence in a photo report (credited on line {credit.first_line})"
    marked = [replace(b, kind=Kind.CREDIT, note="the photo report's credit line") if b is credit and b.kind is Kind.TEXT
              else replace(b, kind=Kind.CAPTION, weak=True, note=note)
              if i != first_text and b.kind is Kind.TEXT and len(b.lines) == 1 and not b.heading_level
              and len(b.text) <= PHOTO_REPORT_CAPTION_MAX_CHARS and labels.ends_sentence(b.text)
              and not _SENTENCE_OR_CLAUSE.search(b.text[:-1]) else b
              for i, b in enumerate(blocks)]
    return _photo_report_runs(marked, first_text, note)


PHOTO_REPORT_RUN_MIN_CAPTIONS = 2   # short captions it takes to make a run of one-sentence lines the photos'


def _photo_report_runs(blocks: list[Block], first_text: int | None, note: str) -> list[Block]:
    """In a photo report, a run of one-sentence lines holding two short captions is the photos' captions.

    The captions of a photo report stand one after another, and some name the
    place first, so they are longer and carry a comma (在某某服务中心，快递员在休息。);
    in a run with the short ones they are captions too.  A line of two sentences,
    or longer than ``SENTENCE_CAPTION_MAX_CHARS``, ends the run: that is a paragraph.

    | line in the run                        | is            |
    |----------------------------------------|---------------|
    | 快递员在派件。 (short, one clause)       | a caption already |
    | 在某某街道服务中心，快递员在房间休息。   | a caption, beside two short ones |
    | 据了解，该区……形成十五分钟服务圈。 (long) | a paragraph: it ends the run |
    | 活动很成功。大家很开心。 (two sentences) | a paragraph: it ends the run |

    >>> page = ["近日，高温持续，某区的户外劳动者在驿站补水休息，享受清凉服务。", "",
    ...         "据了解，该区在商圈、车站等区域建设了一批驿站，常态化为户外劳动者提供服务，形成十五分钟服务圈。", "",
    ...         "在某某街道服务中心，快递员在房间休息。", "", "快递员在派件。", "", "环卫工人在饮水。", "",
    ...         "志愿者为快递员送上防暑物资，送去清凉。", "", "某某新闻特约摄影 张三 摄影报道"]
    >>> [b.kind.value for b in mark_photo_report(mark_captions(mark_labels(group_lines(page))))]
    ['text', 'text', 'caption', 'caption', 'caption', 'caption', 'credit']
    """
    def one_sentence(index: int) -> bool:
        b = blocks[index]
        return (index != first_text and b.kind in (Kind.TEXT, Kind.CAPTION) and len(b.lines) == 1
                and not b.heading_level and len(b.text) <= SENTENCE_CAPTION_MAX_CHARS
                and labels.ends_sentence(b.text) and not ends_a_sentence_inside(b.text))

    marked = list(blocks)
    for fits, group in groupby(range(len(blocks)), key=one_sentence):
        run = list(group)
        if fits and sum(blocks[i].kind is Kind.CAPTION for i in run) >= PHOTO_REPORT_RUN_MIN_CAPTIONS:
            for i in run:
                if blocks[i].kind is Kind.TEXT:
                    marked[i] = replace(blocks[i], kind=Kind.CAPTION, weak=True, note=note + ", in a run of its captions")
    return marked


ITEM_HEADS_MIN = 2          # a roundup heads two items or more with the unions' names
ITEM_HEAD_MAX_CHARS = 16


def mark_item_heads(blocks: list[Block]) -> list[Block]:
    """In a roundup, a line that is only a union's name, over its item's paragraphs, heads the item.

    A roundup prints short items one after another, each under the name of
    the union it is about, with no headline of its own.  The name is no
    title: it becomes the item's section label, and the item's title is
    derived from its first sentence.  It takes two such heads, each at the
    top or after a finished paragraph and right over running text: one
    union's name under a title is that article's byline.

    >>> page = ["甲县总工会", "", "近日，甲县总工会开展送清凉活动。", "", "据悉，共筹集资金24万余元。", "",
    ...         "乙县总工会", "", "近日，乙县总工会举行快递行业建会仪式。"]
    >>> [b.kind.value for b in mark_item_heads(mark_labels(group_lines(page)))]
    ['section', 'text', 'text', 'section', 'text']
    >>> [b.kind.value for b in mark_item_heads(mark_labels(group_lines(["某区工会开展培训", "", "某区总工会", "",
    ...                                                                   "近日，某区工会开展培训。", "", "某区总工会", "", "近日，某区工会开展宣讲。"])))]
    ['text', 'text', 'text', 'text', 'text']

    | page                                                   | the union's name is |
    |--------------------------------------------------------|---------------------|
    | 甲县总工会 / 近日，… / 乙县总工会 / 近日，…                | two items' sections |
    | 标题 / 某区总工会 / 近日，…                               | a byline (one head) |
    | 某区总工会 / 近日，… (once)                               | text (one head)     |
    """
    heads = []
    above: Block | None = None            # the last text block before this one
    for index, block in enumerate(blocks):
        if block.kind is not Kind.TEXT:
            continue
        below = blocks[index + 1] if index + 1 < len(blocks) else None
        if (len(block.lines) == 1 and not block.heading_level and len(block.text) <= ITEM_HEAD_MAX_CHARS
                and not _SENTENCE_OR_CLAUSE.search(block.text) and " " not in block.text
                and labels.names_headline_lead(block.text)
                and (above is None or is_body(above.text))
                and below is not None and below.kind is Kind.TEXT and is_body(below.text)):
            heads.append(index)
        above = block
    if len(heads) < ITEM_HEADS_MIN:
        return blocks
    return [replace(b, kind=Kind.SECTION, note="a union's name over a roundup item") if i in heads else b
            for i, b in enumerate(blocks)]


INDENTED_PAGE_MIN = 3           # paragraphs a page indents before its unindented lines stand out
INDENTED_PAGE_SHARE = 0.7         # (the unindented captions count among them)


def mark_layout_captions(blocks: list[Block]) -> list[Block]:
    """Captions a page marks by their shape among its paragraphs: ▲, a scene word, no indent, a portrait's name.

    Web copies print a photo's caption as a short line among the paragraphs.
    After the first paragraph (or under the publication line, where the
    article's first photo stands) such a line is a caption when the page
    says so:

    * it opens with ▲ or △ and finishes no sentence (roundup items opened so
      are sentences);
    * it names a photo's scene: it ends on 现场, 合影, 留影 … (``caption_scenes``);
    * it says where the people stand in the photo: 张某（右）和李某（左）作报告。 (``photo_positions``);
    * the page indents every paragraph and this sentence stands unindented;
    * it is only a person's name, and the next paragraph is about that person
      (a portrait).

    Each is a guess from shape, so the review lists it.

    >>> page = ["某区发布服务事项", "", "来源：某某网 2024-03-15", "", "近日，某区总工会召开发布会，为先进集体颁奖。", "",
    ...         "▲为先进集体现场颁奖", "", "发布会发布了62项服务事项。", "", "发布会现场", "", "张三", "",
    ...         "其中，张三多年坚持在一线调研。"]
    >>> [b.kind.value for b in mark_layout_captions(mark_labels(group_lines(page)))]
    ['text', 'meta', 'text', 'caption', 'text', 'caption', 'caption', 'text']
    >>> byline = ["某区发布服务事项", "", "来源：某某网 2024-03-15", "", "张三", "", "本报讯（记者 张三）近日，某区总工会召开发布会。", "",
    ...           "发布会发布了62项服务事项。"]
    >>> [b.kind.value for b in mark_layout_captions(mark_labels(group_lines(byline)))]
    ['text', 'meta', 'text', 'text', 'text']

    | line among the paragraphs         | the page                          | the line is |
    |-----------------------------------|-----------------------------------|-------------|
    | ▲为先进集体现场颁奖                | any                               | a caption   |
    | ▲某区总工会开展培训，职工参加。     | any                               | text        |
    | 发布会现场 / …颁奖仪式现场。        | any                               | a caption   |
    | 张某（右）和李某（左）作报告。      | any                               | a caption   |
    | 张三                              | the next paragraph names 张三      | a caption   |
    | 张三                              | the next one opens 本报讯（记者 张三） | text (a byline) |
    | 来自一线的9名职工获评。 (no indent) | every paragraph indented          | a caption   |
    | 强化政治引领                       | any                               | text        |
    """
    running = [i for i, b in enumerate(blocks) if b.kind is Kind.TEXT and is_body(b.text)]
    if not running:
        return blocks
    indented_page = _indents_its_paragraphs(blocks)
    first_meta = next((i for i, b in enumerate(blocks) if b.kind is Kind.META), None)
    start = min(running[0], first_meta + 1) if first_meta is not None and first_meta < running[0] else running[0]
    marked = list(blocks)
    following: Block | None = None       # the next text block, read from the end of the page
    for index in range(len(blocks) - 1, start - 1, -1):
        block = blocks[index]
        if block.kind is not Kind.TEXT:
            continue
        below, following = following, block
        if len(block.lines) != 1 or block.heading_level:
            continue
        text = block.text
        if len(text) > CAPTION_MAX_CHARS or below is None:
            continue             # the last line of the page is no photo's: nothing follows it
        key = to_simplified(text)
        why = ""
        if labels.opens_marked_caption(text) and not labels.ends_sentence(text):
            why = "a line opening with ▲ among the paragraphs"
        elif _names_photo_scene(text):
            why = "a line naming a photo's scene (…现场, …合影)"
        elif labels.places_people_in_photo(text) and len(text) <= SENTENCE_CAPTION_MAX_CHARS * 2:
            why = "a line placing the people in a photo (…（右）和…（左）)"
        elif (labels.is_person_name(key) and key in to_simplified(below.text[:PORTRAIT_REACH])
              and key not in map(to_simplified, labels.dateline_authors(below.text))):   # its writer's name
            why = "a person's name over the paragraph about them (a portrait)"
        elif (indented_page and not block.indented and labels.ends_sentence(text) and not _FIELD_LABEL.match(text)
              and len(CJK_IDEOGRAPH.findall(text)) >= CAPTION_MIN_HAN
              # a lead that lost its indent is longer than a caption
              and (index != running[0] or len(text) <= SENTENCE_CAPTION_MAX_CHARS)):
            why = "the one unindented sentence among indented paragraphs"
        if why:
            marked[index] = replace(block, kind=Kind.CAPTION, weak=True, note=why)
    return marked


def _indents_its_paragraphs(blocks: list[Block]) -> bool:
    """Whether the page indents (nearly) all its running text, so that an unindented line stands out."""
    indented = [b.indented for b in blocks if b.kind is Kind.TEXT and is_body(b.text)]
    return sum(indented) >= INDENTED_PAGE_MIN and sum(indented) >= INDENTED_PAGE_SHARE * len(indented)


def mark_photo_runs(blocks: list[Block]) -> list[Block]:
    """Photos printed one after another: a short line between two captions is a caption, and so is,
    under a caption, a line showing an official at the event.

    Reports of a ceremony print its photos one after another: the scene, then
    each official speaking (省总工会副主席某某在启动仪式上讲话).  Such a line
    right under a caption is one more caption, not the next story's title; a
    short line between two captions (各类物资) is the photo between them.

    >>> page = ["某市送清凉", "", "7月20日，市总工会启动“夏送清凉”活动。", "", "职工搬西瓜（张三 摄）", "", "各类物资", "",
    ...         "为职工发放降温品（李四 摄）"]
    >>> [b.kind.value for b in page_blocks(page)]
    ['text', 'text', 'caption', 'caption', 'caption']

    >>> page = ["某市劳动竞赛启动", "", "10月11日，某市劳动竞赛启动仪式举行。", "", "启动仪式现场", "",
    ...         "省总工会副主席武某某在启动仪式上讲话", "", "市总工会副主席雷某某主持仪式", "", "武某某在讲话中指出，竞赛意义重大。"]
    >>> [b.kind.value for b in page_blocks(page)]
    ['text', 'text', 'caption', 'caption', 'caption', 'text']

    After two captions, a run of short lines naming what each photo shows is a gallery's captions:

    >>> page = ["某公司举办职工运动会", "", "9月18日，公司工会举办秋季职工运动会，共设24个项目。", "", "", "", "行政部拔河队", "",
    ...         "", "", "设计所拔河队", "", "象棋比赛", "", "跳绳比赛", "", "踢毽子比赛"]
    >>> [b.kind.value for b in page_blocks(page)]
    ['text', 'text', 'caption', 'caption', 'caption', 'caption', 'caption']
    """
    marked = list(blocks)
    for index in range(1, len(marked) - 1):
        block = marked[index]
        if not (block.kind is Kind.TEXT and len(block.lines) == 1 and not block.heading_level
                and len(block.text) <= CAPTION_MAX_CHARS and not labels.ends_sentence(block.text)
                and marked[index - 1].kind is Kind.CAPTION):
            continue
        if labels.shows_official_at_work(block.text):
            marked[index] = replace(block, kind=Kind.CAPTION, weak=True,
                                    note="an official at the event, under another photo's caption")
        elif marked[index + 1].kind is Kind.CAPTION and not _ANY_MARK.search(block.text):
            marked[index] = replace(block, kind=Kind.CAPTION, weak=True, note="a short line between two captions")
    # a gallery: after the text and two captions, the run of short lines naming what each photo shows
    # (象棋比赛, 跳绳比赛); photos printed above the headline are followed by its title lines, no gallery
    first_paragraph = next((i for i, b in enumerate(marked) if b.kind is Kind.TEXT and is_body(b.text)
                            and labels.ends_sentence(b.text)), len(marked))
    for index in range(first_paragraph + 3, len(marked)):
        block, after = marked[index], marked[index + 1] if index + 1 < len(marked) else None
        if marked[index - 1].kind is Kind.CAPTION and marked[index - 2].kind is Kind.CAPTION \
                and _gallery_line(block) and (after is None or after.kind is not Kind.TEXT or _gallery_line(after)):
            marked[index] = replace(block, kind=Kind.CAPTION, weak=True,
                                    note="one of a run of short lines under the photos' captions (a gallery)")
    return marked


GALLERY_LINE_MAX_CHARS = 16


def _gallery_line(block: Block) -> bool:
    """A short one-line text of no sentence, no heading: what one photo of a gallery shows."""
    return (block.kind is Kind.TEXT and len(block.lines) == 1 and not block.heading_level
            and _gallery_phrase(block.text) and not labels.ends_sentence(block.text))


def _gallery_phrase(line: str) -> bool:
    """A short phrase with no mark and Han enough, not a dash's subtitle (钢筋工比赛): what a photo shows."""
    return (not line.startswith(("—", "-")) and len(line) <= GALLERY_LINE_MAX_CHARS and not _ANY_MARK.search(line)
            and len(CJK_IDEOGRAPH.findall(line)) >= CAPTION_MIN_HAN)


def _names_photo_scene(text: str) -> bool:
    """A line naming a photo's scene (…现场, …合影), with Han enough for a caption: among the paragraphs or after them.

    A sentence of clauses that ends on the scene word tells what happened (…一一握手致意，并进行了合影留念。):
    a paragraph, not a photo's name.

    >>> _names_photo_scene("颁奖仪式现场。"), _names_photo_scene("会前，领导与劳模一一握手致意，并进行了合影留念。")
    (True, False)
    """
    return (len(CJK_IDEOGRAPH.findall(text)) >= CAPTION_MIN_HAN and labels.names_photo_scene(to_simplified(text))
            and not (labels.ends_sentence(text) and _CLAUSE_MARK.search(text)))


PORTRAIT_REACH = 40             # the portrait's person is named near the start of the paragraph below
CLOSING_CAPTIONS_MAX = 8


def mark_closing_captions(blocks: list[Block]) -> list[Block]:
    """Short lines after the last paragraph are captions when a credit line says the article has photos.

    Some e-paper copies print an article's photo captions after its text.
    A line there that finishes no sentence is no paragraph; when the
    article's byline credits its photos (某某供图, 图/李四, 张三 摄) it is a
    caption.  A guess from position, so the review lists it.

    >>> page = ["某区举办劳模宣讲", "", "张三/文 某某区总工会供图", "", "近日，某区总工会举办劳模宣讲。", "", "劳模宣讲现场", "", "职工聆听宣讲"]
    >>> [b.kind.value for b in mark_closing_captions(mark_labels(group_lines(page)))]
    ['text', 'credit', 'text', 'caption', 'caption']
    >>> [b.kind.value for b in mark_closing_captions(mark_labels(group_lines(["某区举办劳模宣讲", "", "记者 张三", "",
    ...                                                                        "近日，某区总工会举办劳模宣讲。", "", "劳模宣讲现场"])))]
    ['text', 'credit', 'text', 'text']

    | after the last paragraph | the byline              | the line is |
    |--------------------------|-------------------------|-------------|
    | 劳模宣讲现场              | 张三/文 某某总工会供图    | a caption   |
    | 劳模宣讲现场              | 记者 张三               | text        |
    | 活动圆满结束。            | 张三/文 某某总工会供图    | text        |
    """
    trailing: list[int] = []
    last_paragraph = None
    for index in range(len(blocks) - 1, -1, -1):
        block = blocks[index]
        if block.kind is not Kind.TEXT:
            continue
        if is_body(block.text):
            last_paragraph = index
            break
        if (len(block.lines) != 1 or block.heading_level or labels.ends_sentence(block.text)
                or len(block.text) > CAPTION_MAX_CHARS or len(CJK_IDEOGRAPH.findall(block.text)) < CAPTION_MIN_HAN):
            return blocks
        trailing.append(index)
    if last_paragraph is None or not trailing or len(trailing) > CLOSING_CAPTIONS_MAX:
        return blocks
    credit = next((b for b in blocks[:last_paragraph] if b.kind in (Kind.CREDIT, Kind.BYLINE)
                   and labels.credits_photos(b.text)), None)
    if credit is None:
        return blocks
    note = f"a short line after the last paragraph, and line {credit.first_line} credits the photos"
    return _weak_captions(blocks, trailing, note)


PHOTO_NEWS_MIN_SENTENCES = 2


def mark_photo_news(blocks: list[Block]) -> list[Block]:
    """A page whose only text is one credited photo caption of several sentences is a photo news item.

    News agencies send a photo with a caption that tells the story
    (8月12日，环卫工人在驿站休息。连日来，…。新华社记者 黄伟/摄); printed
    alone, that caption is the article: its text becomes the article's
    paragraph and its credit the article's credit.

    >>> page = ["8月12日，环卫工人在驿站内休息。连日来，重庆持续高温。新华社记者 黄伟/摄"]
    >>> [(b.kind.value, b.text) for b in mark_photo_news(mark_captions(mark_labels(group_lines(page))))]
    [('text', '8月12日，环卫工人在驿站内休息。连日来，重庆持续高温。'), ('credit', '新华社记者 黄伟/摄')]
    >>> page = ["环卫工人在驿站内休息。新华社记者 黄伟/摄", "", "近日，某区建成驿站12个。"]
    >>> [b.kind.value for b in mark_photo_news(mark_captions(mark_labels(group_lines(page))))]
    ['caption', 'text']

    | page                                      | the caption is        |
    |-------------------------------------------|-----------------------|
    | one caption of 2+ sentences, no other text | the article's text    |
    | one caption of one sentence               | a caption             |
    | captions beside running text              | captions              |
    """
    if any(b.kind is Kind.TEXT and is_body(b.text) for b in blocks):
        return blocks
    captions = [i for i, b in enumerate(blocks) if b.kind is Kind.CAPTION]
    if len(captions) != 1 or len(blocks[captions[0]].lines) != 1:
        return blocks
    index = captions[0]
    block = blocks[index]
    text, credit = labels.split_caption_credit(block.text)
    if (not credit or not block.text.startswith(text)
            or sum(text.count(end) for end in labels.SENTENCE_END) < PHOTO_NEWS_MIN_SENTENCES):
        return blocks
    note = "a photo news item: its caption is its text"
    # the credit keeps the brackets it was printed in: nothing of the line is lost
    return [*blocks[:index],
            replace(block, lines=(text.rstrip(),), kind=Kind.TEXT, note=note),
            Block((block.text[len(text):].strip(),), block.first_line, block.last_line, kind=Kind.CREDIT, note=note),
            *blocks[index + 1:]]


def mark_repeats(blocks: list[Block]) -> list[Block]:
    """A line printed again right after itself is published once; the first of the pair is a caption.

    Websites print a photo's caption twice (its alt text and its caption) and
    sometimes the title twice; the copy keeps both.  The second goes to the
    drop list; a repeated short line that is not a title is the caption.

    >>> blocks = mark_repeats(group_lines(["第一段。", "", "比赛现场。", "", "比赛现场。", "", "第二段。"]))
    >>> [(b.kind.value, b.text) for b in blocks]
    [('text', '第一段。'), ('caption', '比赛现场。'), ('repeat', '比赛现场。'), ('text', '第二段。')]

    A web page also prints its summary above the article: a sentence near the
    top that the lead repeats word for word is published once, in the lead.

    >>> lead = "本网讯（记者 张三）近日，全市职工健步走比赛在彭水县摩围山景区举行，来自各区县的代表队参赛。"
    >>> summary = "近日，全市职工健步走比赛在彭水县摩围山景区举行。"
    >>> [b.kind.value for b in mark_repeats(group_lines(["健步走比赛举行", "", summary, "", lead]))]
    ['text', 'repeat', 'text']
    """
    blocks = _mark_summaries(blocks)
    marked: list[Block] = []
    seen_text = False
    first = -1               # index in `marked` of the first copy of the line being repeated
    for index, block in enumerate(blocks):
        previous = marked[first] if first >= 0 else None
        if previous is not None and len(block.lines) == 1 and squeeze(previous.text) == squeeze(block.text) and (
                {previous.kind, block.kind} <= {Kind.TEXT, Kind.CAPTION} or previous.kind is block.kind is Kind.META):
            # (three copies or more in a row under a title line, 活动现场 under each photo, are captions even
            # above the text; copies that open the page are its headline printed again)
            run = 1 + len(list(takewhile(lambda b: len(b.lines) == 1 and squeeze(b.text) == squeeze(previous.text),
                                         blocks[index:]))) \
                if index == first + 1 and any(b.kind is Kind.TEXT for b in marked[:first]) else 0
            if previous.kind is Kind.TEXT and (seen_text or run >= REPEATED_CAPTION_MIN_COPIES) \
                    and len(previous.text) <= CAPTION_MAX_CHARS:
                marked[first] = replace(previous, kind=Kind.CAPTION, weak=True,
                                        note="printed twice in a row (a photo's caption)" if run < REPEATED_CAPTION_MIN_COPIES
                                        else "printed several times in a row (the caption of several photos)")
            marked.append(replace(block, kind=Kind.REPEAT, note=f"repeats line {previous.first_line}"))
            continue
        seen_text = seen_text or (block.kind is Kind.TEXT and is_body(block.text))
        marked.append(block)
        first = len(marked) - 1
    return _mark_repeated_runs(marked)


REPEATED_CAPTION_MIN_COPIES = 3


REPEATED_RUN_MIN_BLOCKS = 2
_RUN_KINDS = (Kind.TEXT, Kind.CAPTION, Kind.BYLINE, Kind.CREDIT)


def _mark_repeated_runs(blocks: list[Block]) -> list[Block]:
    """A run of paragraphs the copy printed twice (a web page's article body shown again): the second goes.

    >>> lead = "7月26日，某市迎来第二个工匠日，全市职工创新创造大会当天举行。"
    >>> page = ["工匠日致敬工匠", "", "□记者 张三 报道", "", lead, "", "□记者 张三 报道", "", lead, "", "结束语。"]
    >>> [(b.kind.value, b.note) for b in _mark_repeated_runs(group_lines(page))][1:5]
    [('text', ''), ('text', ''), ('repeat', 'repeats line 3'), ('repeat', 'repeats line 5')]

    A lone repeated line is left to the other passes (a caption printed twice,
    a teaser, a title repeated in the footer); a run must hold a finished
    sentence, so two repeated labels are no run.
    """
    first_at: dict[str, int] = {}
    marked = list(blocks)
    i = 0
    while i < len(marked):
        key = squeeze(marked[i].text)
        p = first_at.get(key)
        if p is not None and marked[i].kind in _RUN_KINDS:
            k = 0
            while i + k < len(marked) and p + k < i and marked[i + k].kind in _RUN_KINDS \
                    and squeeze(marked[p + k].text) == squeeze(marked[i + k].text):
                k += 1
            if k >= REPEATED_RUN_MIN_BLOCKS and any(labels.ends_sentence(marked[i + m].text) for m in range(k)):
                for m in range(k):
                    marked[i + m] = replace(marked[i + m], kind=Kind.REPEAT,
                                            note=f"repeats line {marked[p + m].first_line}")
                i += k
                continue
        first_at.setdefault(key, i)
        i += 1
    return marked


# views, comments or likes printed as a bare number between a web copy's headline and its text
_COUNTER = re.compile(r"\d{1,7}(\s+\d{1,7})*")   # (a date picker leaves its digits: 3 4)


def mark_web_headline(blocks: list[Block]) -> list[Block]:
    """In a web copy the headline is the line right above its publication line; mark it so.

    A copied web page has a publication line (``来源：中工网 2024-12-27 18:38``)
    in its top matter.  There, a short line naming a channel or a site
    (中工娱乐, 新重庆-重庆日报精选) is furniture, wherever it stands.  The
    headline is the text line right above the publication line (or above the
    byline over it), and a short line above the headline is the site's too;
    a longer one is the kicker (引题).  A name alone between the headline and
    the publication line is the writer's byline.  A publication line that
    names a printed page (``《工人日报》（2011年07月21日 02版）``) comes from an
    e-paper, whose title is the first line as on any printed page.

    >>> page = ["中工娱乐", "", "沙坪坝区工会代表大会召开", "", "来源：中工网", "", "12月26日，大会召开。"]
    >>> [(b.kind.value, b.heading_level, b.text) for b in mark_web_headline(mark_labels(group_lines(page)))]
    [('furniture', 0, '中工娱乐'), ('text', 1, '沙坪坝区工会代表大会召开'), ('meta', 0, '来源：中工网'), ('text', 0, '12月26日，大会召开。')]
    >>> page = ["沙坪坝区工会代表大会召开", "", "2024-12-27 18:38:09", "", "0", "", "12月26日，大会召开。"]
    >>> [(b.kind.value, b.heading_level, b.text) for b in mark_web_headline(mark_labels(group_lines(page)))]
    [('text', 1, '沙坪坝区工会代表大会召开'), ('meta', 0, '2024-12-27 18:38:09'), ('furniture', 0, '0'), ('text', 0, '12月26日，大会召开。')]
    """
    top = _top_matter_end(blocks)
    if top + 1 < len(blocks) and blocks[top + 1].kind is Kind.META and _long_web_headline(blocks, top):
        top += 1 + _top_matter_end(blocks[top + 1:])     # the cry is the headline, over its publication line
    meta = [i for i in range(top) if blocks[i].kind is Kind.META]
    if not meta:
        return blocks
    marked = [_top_matter_word(b) if i < top else b for i, b in enumerate(blocks)]
    for at in reversed(meta):
        line = parse_publication_line(marked[at].text)
        if line is None or line.page or _titles_something_else(marked, at, top, line):
            continue
        if at >= 2 and _between_publication_lines(marked, at - 1):
            marked[at - 1] = replace(marked[at - 1], kind=Kind.META,
                                     note="a source or writer named between two publication lines")
        above, names = _line_above_the_fields(marked, at)
        if above >= 0 and _stacked_short_lines(marked[above]):
            above, top = _unstack(marked, above, top)
        if above >= 0 and marked[above].kind is Kind.CAPTION and marked[above].weak:
            # a short line after a gap, right above the publication line: the headline, not a caption
            marked[above] = replace(marked[above], kind=Kind.TEXT, weak=False)
        if above < 0 or marked[above].kind is not Kind.TEXT or is_body(marked[above].text) \
                and not _long_web_headline(marked, above) or is_site_name(to_simplified(marked[above].text)):
            continue                  # (a paper's name above its date line is its masthead, not a headline)
        for i in names:
            marked[i] = replace(marked[i], kind=Kind.BYLINE, note="a writer's name under the headline")
        if not marked[above].heading_level:
            marked[above] = replace(marked[above], heading_level=1,
                                    note="headline: the line above the publication line")
        _mark_site_lines_above(marked, above)
        break
    return marked


HEADLINE_LINE_MAX_CHARS = 60     # a headline printed on one line, longer than a heading may be


def _headline_line(text: str) -> bool:
    """Short enough for a one-line headline and holding no full stop or semicolon (its clauses may have commas).

    >>> _headline_line("乘会儿凉，歇会儿脚——某区驿站揭牌啦！"), _headline_line("近日，某区召开大会。会议强调……")
    (True, False)
    """
    return len(text) <= HEADLINE_LINE_MAX_CHARS and not re.search("[。；;]", text)


def _long_web_headline(blocks: list[Block], at: int) -> bool:
    """A headline longer than a heading, or ending on its ！ or ？ with clauses in it, above a web copy's publication line.

    (乘会儿凉，歇会儿脚——某区又一家“爱心驿站”揭牌啦！, 某集团工会荣获全国总工会“喜迎二十大
    立功新时代”短视频征集活动三等奖): one line, no full stop, and no running text
    above it; elsewhere such a line is a paragraph's cry or a sentence.

    >>> page = ["乘会儿凉，歇会儿脚——某区驿站揭牌啦！", "", "时间：2022-08-09 来源：某某网", "", "8月8日，驿站揭牌。"]
    >>> [(b.heading_level, b.text) for b in mark_web_headline(mark_labels(group_lines(page)))][0]
    (1, '乘会儿凉，歇会儿脚——某区驿站揭牌啦！')
    >>> page = ["某市环卫集团工会荣获全国总工会“喜迎二十大 立功新时代”劳动和技能竞赛短视频征集活动三等奖", "",
    ...         "2023.01.16", "", "近日，由全国总工会主办的短视频征集活动结果揭晓。"]
    >>> [b.heading_level for b in mark_web_headline(mark_labels(group_lines(page)))][0]
    1
    """
    block = blocks[at]
    text = block.text.rstrip(labels.CLOSERS)
    return (len(block.lines) == 1 and _headline_line(block.text)
            and (text[-1:] in "！？!?" or not labels.ends_sentence(block.text))
            and not any(b.kind is Kind.TEXT and is_body(b.text) for b in blocks[:at]))


_DAY_ALONE = re.compile(r"[\[【（(]?\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*[\]】）)]?")


def mark_day_under_headline(blocks: list[Block]) -> list[Block]:
    """A day alone on the line under the headline (9月4日) is the page's date, printed without its year.

    >>> page = ["某县总工会开展“金秋助学”活动", "9月4日", "", "近日，某县总工会为困难职工子女送去助学金。"]
    >>> [(b.kind.value, b.text) for b in page_blocks(page)]
    [('text', '某县总工会开展“金秋助学”活动'), ('meta', '9月4日'), ('text', '近日，某县总工会为困难职工子女送去助学金。')]
    """
    top = _top_matter_end(blocks)
    for index in range(min(top, len(blocks))):
        block = blocks[index]
        lines = block.line_by_line() if block.kind is Kind.TEXT else []
        above = [blocks[index - 1]] if index and block.kind is Kind.TEXT and len(lines) == 1 else []
        for k, line in enumerate(lines):
            title = lines[k - 1] if k else (above[0] if above else None)
            if (_DAY_ALONE.fullmatch(line.text) and title is not None and title.kind is Kind.TEXT
                    and not is_body(title.text) and len(CJK_IDEOGRAPH.findall(title.text)) >= 6):
                day = replace(line, kind=Kind.META, note="the page's day under its headline (no year printed)")
                parts = [p for p in (_joined(lines[:k]), day, _joined(lines[k + 1:])) if p is not None]
                return blocks[:index] + parts + blocks[index + 1:]
    return blocks


def _joined(lines: list[Block]) -> Block | None:
    """One block of consecutive one-line blocks (None for none)."""
    if not lines:
        return None
    return replace(lines[0], lines=tuple(b.text for b in lines), last_line=lines[-1].last_line)


LEAD_REPEATS_FEW = 0.15      # a title whose two-character words the lead hardly repeats is no headline …
LEAD_REPEATS_MOST = 0.6      # … where another line's words the lead mostly repeats
LEAD_REPEATS_MIN_WORDS = 4   # … and at least this many of them
LEAD_TEXT_CHARS = 300


def mark_headline_printed_again(blocks: list[Block]) -> list[Block]:
    """A title line printed again further down the head, before the lead, is published once.

    A web copy prints its headline above the publication line and again above
    the article, with the source line, an empty 原标题 or a photo's label in
    between (not right after itself, which ``mark_repeats`` takes).  The
    second printing goes to the drop list, so the headline is not also the
    subtitle.

    | head lines (before the lead) | the second one |
    | --- | --- |
    | 某区驿站揭牌 / 来源：… / 某区驿站揭牌 | repeat |
    | 某区驿站揭牌 / 来源：… / ——首批十座同时开放 | kept (the 副题) |
    | 某区驿站揭牌 / 正文。 / 某区驿站揭牌 | kept (after the lead: not the head) |

    >>> page = ["某区驿站揭牌", "", "来源：某某网 时间：2024-08-14", "", "某区驿站揭牌", "", "近日，某区首批驿站揭牌。"]
    >>> [(b.kind.value, b.note) for b in mark_headline_printed_again(group_lines(page))][1:3]
    [('text', ''), ('repeat', 'repeats line 1 (the headline printed again)')]
    """
    lead = next((i for i, b in enumerate(blocks) if b.kind is Kind.TEXT and labels.ends_sentence(b.text)
                 and is_body(b.text) and not _headline_line(b.text)), len(blocks))
    first_at: dict[str, int] = {}
    out = list(blocks)
    for i, block in enumerate(blocks[:lead]):
        if block.kind is not Kind.TEXT or len(block.lines) != 1 or is_body(block.text):
            continue
        key = squeeze(block.text)
        if key in first_at:
            out[i] = replace(block, kind=Kind.REPEAT, note=f"repeats line {first_at[key]} (the headline printed again)")
        else:
            first_at[key] = block.first_line
    return out


def mark_headline_the_lead_repeats(blocks: list[Block]) -> list[Block]:
    """The line whose words the lead repeats is the headline, where the line taken for it shares none of them.

    A story's lead tells again what its headline says; a site's name, a
    channel, a menu word or a byline taken for the headline tells nothing of
    it.  When the title line the page would get shares almost no two-character
    word with the lead's first sentences and another line above the lead
    shares most of its words with them, that line is the headline (and a text
    line above it, the line taken before, is the site's).

    >>> page = ["其他", "", "职工驿站“拿捏”了，这座城的服务很贴心！", "", "小编 某某工会", "2024-10-17", "",
    ...         "近日，某市总工会走进这座城的职工驿站，驿站的服务很贴心，“拿捏”了户外劳动者的心。"]
    >>> [(b.kind.value, b.heading_level, b.text[:8]) for b in page_blocks(page)][:2]
    [('furniture', 0, '其他'), ('text', 1, '职工驿站“拿捏”')]
    """
    # the lead: the first running text, past a short cry with no full stop (…很city！), which may be a headline
    lead = next((i for i, b in enumerate(blocks) if b.kind is Kind.TEXT and labels.ends_sentence(b.text)
                 and is_body(b.text) and not _headline_line(b.text)),
                len(blocks))
    if lead >= len(blocks):
        return blocks
    # (the lead's dateline names the site, 某某网/某某客户端讯: its words tell nothing of the story)
    told = _bigrams(" ".join(b.text[labels.dateline_end(b.text):] for b in blocks[lead:lead + 3]
                             if b.kind is Kind.TEXT)[:LEAD_TEXT_CHARS])
    titles = [i for i in range(lead) if blocks[i].kind is Kind.TEXT and not is_body(blocks[i].text) and len(blocks[i].lines) == 1]
    if not titles:
        return blocks
    marked = [i for i in titles if blocks[i].heading_level]
    current = marked[0] if marked else titles[1] if len(titles) > 1 and blocks[titles[0]].text.startswith("—") else titles[0]
    if _repeated_share(blocks[current].text, told) >= LEAD_REPEATS_FEW \
            or _named_by_record(blocks[current].text, _page_records(blocks)):
        return blocks           # (让梦想触手可及 over its 副题: a headline the page's record names says what it likes)
    candidates = [i for i in range(lead) if i != current and len(blocks[i].lines) == 1
                  and blocks[i].kind in (Kind.TEXT, Kind.TEASER, Kind.FURNITURE)
                  and (blocks[i].kind is not Kind.FURNITURE or blocks[i].weak)
                  and _headline_line(blocks[i].text) and len(CJK_IDEOGRAPH.findall(blocks[i].text)) >= 6
                  and not blocks[i].text.startswith(("—", "-"))
                  # (正阳县总工会 over 冬日送棉衣 情暖环卫工: the unit the headline is about, its kicker)
                  and not labels.names_a_places_union(blocks[i].text)]
    share = {i: _repeated_share(blocks[i].text, told) for i in candidates}
    best = max(candidates, key=share.__getitem__, default=None)
    if best is None or share[best] < LEAD_REPEATS_MOST or len(_bigrams(blocks[best].text) & told) < LEAD_REPEATS_MIN_WORDS:
        return blocks           # (an organisation's name, 某区总工会, shares its few words with any lead)
    out: list[Block] = []
    for i, block in enumerate(blocks):
        if i == best:
            # (weak: a guess from the words alone, which the review lists)
            out.append(replace(block, kind=Kind.TEXT, weak=True, heading_level=1,
                               note="headline: the line whose words the lead repeats"))
        elif i in titles and i < best and len(block.text) <= ABOVE_HEADLINE_MAX_CHARS:
            out.extend(_site_line_and_its_time(block, Kind.FURNITURE))     # 其他, 群团动态: the site's
        elif i in titles and block.heading_level:
            out.extend(_site_line_and_its_time(block, Kind.TEXT))          # a title line under the headline
        else:
            out.append(block)
    return out


_TIMESTAMP = re.compile(r"(?<!\d)(19|20)\d{2}-\d{1,2}-\d{1,2}(\s+\d{1,2}:\d{2}(:\d{2})?)?(?!\d)")


def _site_line_and_its_time(block: Block, kind: Kind) -> list[Block]:
    """A line taken for the headline before, set aside as ``kind`` (the site's, or a title line), its timestamp kept.

    >>> [(b.kind.value, b.text) for b in _site_line_and_its_time(Block(("某某网址 2024-05-16 02:15:23",), 3, 3), Kind.FURNITURE)]
    [('furniture', '某某网址'), ('meta', '2024-05-16 02:15:23')]
    """
    note = "a line taken for the headline that the lead does not repeat (the site's)" if kind is Kind.FURNITURE else ""
    time = _TIMESTAMP.search(block.text)
    parts = [(block.text, kind, note)] if time is None else [
        (block.text[:time.start()].strip(), kind, note), (time.group(0), Kind.META, "the page's timestamp"),
        (block.text[time.end():].strip(), kind, note)]
    return [replace(block, lines=(text,), kind=part, weak=part is Kind.FURNITURE, heading_level=0, note=why,
                    gap_before=block.gap_before if k == 0 else 0)
            for k, (text, part, why) in enumerate(parts) if text]


def _bigrams(text: str) -> frozenset[str]:
    """The two-character words of a text's Han characters, read through the traditional → simplified fold."""
    han = "".join(CJK_IDEOGRAPH.findall(to_simplified(text)))
    return frozenset(han[k:k + 2] for k in range(len(han) - 1))


def _repeated_share(title: str, told: frozenset[str]) -> float:
    """Share of a title's two-character words that the lead repeats (0 for a title of no Han words)."""
    words = _bigrams(title)
    return len(words & told) / len(words) if words else 0.0


def mark_exclaimed_headline(blocks: list[Block]) -> list[Block]:
    """A page opening on a line that ends on its cry, apart from the text below it: that line is the headline.

    (法律援助维权效果好，职工真诚感谢送锦旗！ over a blank line and the story):
    one line, no full stop, not a quotation, with a longer paragraph after
    it and nothing but furniture between.  A headline with no clause mark is
    one already (``layout.is_body``); this takes the ones with clauses.

    >>> page = ["维权效果好，职工送来锦旗！", "", "", "正文", "", "8月3日下午，某县农民工代表10名受助者向市总工会送来锦旗。"]
    >>> [(b.kind.value, b.heading_level) for b in page_blocks(page)]
    [('text', 1), ('furniture', 0), ('text', 0)]
    >>> [b.heading_level for b in page_blocks(["“工会帮我讨回了工资，太感谢了！”", "", "日前，某区农民工王某拿到了被拖欠的工资。"])]
    [0, 0]
    """
    first = next((i for i, b in enumerate(blocks) if b.kind not in (Kind.FURNITURE, Kind.META, Kind.REPEAT)), None)
    if first is None or any(b.heading_level for b in blocks) or first + 1 >= len(blocks):
        return blocks
    block = blocks[first]
    after = next((b for b in blocks[first + 1:] if b.kind not in (Kind.FURNITURE, Kind.META, Kind.REPEAT)), None)
    text = block.text.rstrip(labels.CLOSERS)
    if (block.kind is not Kind.TEXT or len(block.lines) != 1 or not _headline_line(block.text)
            or text[-1:] not in "！？!?" or block.text.startswith(("“", "\"", "「"))
            or after is None or after.kind is not Kind.TEXT or after.gap_before < 1 or not is_body(after.text)
            or len(after.text) <= len(block.text)):
        return blocks
    marked = list(blocks)
    marked[first] = replace(block, heading_level=1, note="headline: a line ending on its cry, opening the page")
    return marked


def _top_matter_word(block: Block) -> Block:
    """A channel's or site's name, or a counter, standing alone in a web copy's top matter: furniture."""
    if block.kind is Kind.TEXT and not block.heading_level and is_channel_name(block.text):
        return replace(block, kind=Kind.FURNITURE, weak=True, note="a channel or site name in a web copy's top matter")
    if block.kind is Kind.TEXT and _COUNTER.fullmatch(block.text):
        return replace(block, kind=Kind.FURNITURE, weak=True,
                       note="a number alone in a web copy's top matter (a counter)")
    return block


def _titles_something_else(blocks: list[Block], at: int, top: int, line) -> bool:
    """The title line under this publication line is the headline's, so the line is not the one under the headline.

    A title follows a bare date (a reader's date above an e-paper headline),
    or the headline printed again under a web page's own lines; a short line
    under a 来源 line that nothing above holds is the caption of the photo
    under a web headline, and the headline is above.
    """
    following = next((b for b in blocks[at + 1:top] if b.kind in (Kind.TEXT, Kind.CAPTION)), None)
    return (following is not None and following.kind is Kind.TEXT and not is_body(following.text)
            and not labels.names_only(following.text)
            # 五一我市职工 under a date under 我市13名职工获得全国五一劳动奖章: the headline's keywords, no title
            and not any(b.kind is Kind.TEXT and _headline_words_only(following.text, b.text) for b in blocks[:at])
            and (not (line.origin or line.authors or line.editors) and _BARE_DATE_LINE.fullmatch(blocks[at].text)
                 or any(squeeze(following.text) in squeeze(b.text) for b in blocks[:at])))


# a date with its weekday and time and nothing else (2024年5月20日 星期一), not a web page's labelled line (发布日期：… 浏览：461)
_BARE_DATE_LINE = re.compile(r"[\d\s年月日:：/\-.星期周一二三四五六日天农历（）()]+")


def _line_above_the_fields(blocks: list[Block], at: int) -> tuple[int, list[int]]:
    """The first line above a publication line that is no field of it (bylines, credits, other publication
    lines, furniture, a dash subtitle, an officials' deck), and the name lines passed on the way."""
    above, names = at - 1, []
    while above >= 0 and (blocks[above].kind in (Kind.BYLINE, Kind.CREDIT, Kind.META, Kind.FURNITURE, Kind.TEASER)
                          or blocks[above].kind is Kind.TEXT and (labels.names_only(blocks[above].text)
                                                                  or blocks[above].text.startswith("—")
                                                                  # 张某宣布开幕 李某致辞: the headline's deck
                                                                  or labels.lists_officials(blocks[above].text))):
        if blocks[above].kind is Kind.TEXT and labels.names_only(blocks[above].text):
            names.append(above)
        above -= 1
    return above, names


def _unstack(blocks: list[Block], above: int, top: int) -> tuple[int, int]:
    """Short lines stacked over the publication line, one line each (in place); the headline's index and the new top.

    A web headline is one line: the lines stacked above it are the site's
    name, domain, slogan.  The stack's last line may be the headline's deck
    (张某宣布开幕 李某致辞), the headline then the line above it; or the line
    above may name only its subject (某系统基层工会干部 / 来我院参观交流),
    printed on two lines: those two are joined again.
    """
    stack = blocks[above]
    blocks[above:above + 1] = stack.line_by_line(note="", weak=False, indented=False)
    top += len(stack.lines) - 1
    above += len(stack.lines) - 1
    if above >= 1 and labels.lists_officials(blocks[above].text):
        above -= 1
    elif (above >= 1 and labels.names_headline_lead(blocks[above - 1].text)
          and not _ANY_MARK.search(blocks[above - 1].text)):
        lead, rest = blocks[above - 1], blocks[above]
        blocks[above - 1:above + 1] = [Block((lead.text, rest.text), lead.first_line, rest.last_line,
                                             gap_before=lead.gap_before, wrapped=frozenset({0}))]
        top -= 1
        above -= 1
    return above, top


def _mark_site_lines_above(blocks: list[Block], headline: int) -> None:
    """The text lines above a web headline are the site's (in place); only the line right above may be its kicker."""
    kicker = headline - 1 if headline >= 1 and blocks[headline - 1].kind is Kind.TEXT and \
        len(blocks[headline - 1].text) > ABOVE_HEADLINE_MAX_CHARS and _reads_as_text(blocks[headline - 1].text) else -1
    for i in range(headline):
        block = blocks[i]
        if block.kind is Kind.TEXT and i != kicker and not block.heading_level:
            blocks[i] = replace(block, kind=Kind.FURNITURE, weak=True,
                                note="above the headline of a web copy (the site's)")


_NUMBERED_PHOTO_TITLE = re.compile(r"^(?P<base>[^。！？]{4,60}?)\s*[（(]\s*(?P<n>\d{1,2})\s*[）)]?$")
NUMBERED_PHOTO_TITLES_MIN = 2


def mark_numbered_photo_titles(blocks: list[Block]) -> list[Block]:
    """One title numbered again and again between the paragraphs stands for the page's photos.

    A site that names each photo after its article (某某驿站等你来（1）, 某某驿站等你来（2）)
    leaves those names where the photos stood; the short line under each is
    then the photo's caption (``mark_captions``).

    >>> page = ["为户外劳动者建驿站。", "", "驿站等你来（1）", "", "文山路驿站", "", "驿站等你来（2）", "", "滨河驿站", "",
    ...         "驿站提供饮水、休息等服务。"]
    >>> [(b.kind.value, b.text) for b in page_blocks(page)][1:5]
    [('furniture', '驿站等你来（1）'), ('caption', '文山路驿站'), ('furniture', '驿站等你来（2）'), ('caption', '滨河驿站')]
    >>> [b.kind.value for b in page_blocks(["第一项活动（1）", "", "职工参加比赛。"])]
    ['text', 'text']

    A photo's file name, a word and its number (焊工1), over the caption that
    names the same thing (焊工), is the placeholder the site left too:

    >>> page = ["选手们在赛场上反复练习，力求精准。", "", "焊工1", "", "焊工", "", "数控2", "", "数控机床装调维修工", "",
    ...         "比赛将持续三天。"]
    >>> [(b.kind.value, b.text) for b in page_blocks(page)][1:5]
    [('furniture', '焊工1'), ('caption', '焊工'), ('furniture', '数控2'), ('caption', '数控机床装调维修工')]
    """
    numbered: dict[str, list[int]] = {}
    for index, block in enumerate(blocks):
        match = _NUMBERED_PHOTO_TITLE.match(block.text) if block.kind is Kind.TEXT and len(block.lines) == 1 else None
        if match:
            numbered.setdefault(squeeze(match.group("base")), []).append(index)
    marked = list(blocks)
    for base, indexes in numbered.items():
        numbers = {_NUMBERED_PHOTO_TITLE.match(blocks[i].text).group("n") for i in indexes}
        if len(indexes) >= NUMBERED_PHOTO_TITLES_MIN and len(numbers) == len(indexes):
            for i in indexes:
                marked[i] = replace(blocks[i], kind=Kind.FURNITURE, note=IMAGE_PLACEHOLDER,
                                    gap_before=max(blocks[i].gap_before, PHOTO_GAP))
    named = [i for i, block in enumerate(blocks[:-1]) if _photo_file_title(block, blocks[i + 1])]
    if len(named) >= NUMBERED_PHOTO_TITLES_MIN:
        for i in named:
            marked[i] = replace(blocks[i], kind=Kind.FURNITURE, note=IMAGE_PLACEHOLDER)
            marked[i + 1] = replace(blocks[i + 1], gap_before=max(blocks[i + 1].gap_before, PHOTO_GAP))
    return marked


_PHOTO_FILE_TITLE = re.compile(rf"^(?P<base>[{HAN}]{{2,12}})(?P<n>\d{{1,2}})$")


def _photo_file_title(block: Block, below: Block) -> bool:
    """'焊工1' over '焊工', '数控2' over '数控机床装调维修工': a photo's file name over the caption it names."""
    match = _PHOTO_FILE_TITLE.match(block.text) if block.kind is Kind.TEXT and len(block.lines) == 1 else None
    return (match is not None and below.kind is Kind.TEXT and len(below.lines) == 1
            and not _PHOTO_FILE_TITLE.match(below.text)
            and to_simplified(below.text).startswith(to_simplified(match.group("base"))[:2]))


SITE_NAME_OVER_PATH_MAX_CHARS = 16


def mark_name_over_breadcrumb(blocks: list[Block]) -> list[Block]:
    """A short line opening the page right over its breadcrumb is the site's or channel's name.

    A copied web page starts with the site's name or the channel it files the
    article under, then the path to the article; neither is the article's.

    >>> page = ["群团动态", "当前位置：首页 > 党群工作 > 群团动态", "某公司劳动竞赛硕果累累", "", "今年以来，公司开展劳动竞赛。"]
    >>> [(b.kind.value, b.text) for b in page_blocks(page)][:2]
    [('furniture', '群团动态'), ('furniture', '当前位置：首页 > 党群工作 > 群团动态')]
    >>> [b.kind.value for b in page_blocks(["某区召开职代会", "", "近日，某区召开职代会。"])]
    ['text', 'text']
    >>> page = ["当前位置：首页 > 工会动态 > 基层动态", "基层动态", "", "某县总工会送清凉", "", "近日，某县总工会开展送清凉活动。"]
    >>> [b.kind.value for b in page_blocks(page)][:2]
    ['furniture', 'furniture']
    """
    marked = list(blocks)
    for index, (above, block) in enumerate(zip(blocks, blocks[1:]), start=1):
        # 当前位置：首页 > 工会动态 > 基层动态 / 基层动态: the channel's name printed again under its path
        if (above.kind is Kind.FURNITURE and above.note.startswith("breadcrumb") and block.kind in (Kind.TEXT, Kind.SECTION)
                and len(block.lines) == 1 and len(block.text) <= SITE_NAME_OVER_PATH_MAX_CHARS
                and squeeze(breadcrumb_steps(above.text)[-1]) == squeeze(block.text)):
            marked[index] = replace(block, kind=Kind.FURNITURE, weak=True,
                                    note="the channel's name under its breadcrumb (the path's last step)")
    for index, (block, below) in enumerate(zip(blocks, blocks[1:])):
        if block.kind is Kind.TEXT:
            if (len(block.lines) == 1 and len(block.text) <= SITE_NAME_OVER_PATH_MAX_CHARS
                    and not _ANY_MARK.search(block.text) and below.kind is Kind.FURNITURE
                    and below.note.startswith("breadcrumb")):
                marked[index] = replace(block, kind=Kind.FURNITURE, weak=True,
                                        note="the site's or channel's name over its breadcrumb")
            break                      # only the page's opening line, above any text
    return marked


PUBLICATION_FIELD_MAX_CHARS = 10


def _between_publication_lines(blocks: list[Block], at: int) -> bool:
    """A short line with a publication line right above and right below it is one of their fields.

    | lines                                   | the middle line          |
    | --------------------------------------- | ------------------------ |
    | 发布时间：2019-08-30 / 某公司 / 2019-08-30 | the source, not a headline |
    | 发布时间：2019-08-30 / 某公司举办技能比武 / 正文 | (no line below is a publication line) |

    >>> blocks = mark_labels(group_lines(["发布时间：2019-08-30", "", "某公司", "", "2019-08-30 10:00"]))
    >>> _between_publication_lines(blocks, 1)
    True
    >>> blocks = mark_labels(group_lines(["发布时间：2019-08-30", "", "某公司举办技能比武", "", "正文。"]))
    >>> _between_publication_lines(blocks, 1)
    False
    """
    block = blocks[at]
    return (0 < at < len(blocks) - 1 and blocks[at - 1].kind is Kind.META and blocks[at + 1].kind is Kind.META
            and block.kind is Kind.TEXT and len(block.lines) == 1 and not block.heading_level
            and len(block.text) <= PUBLICATION_FIELD_MAX_CHARS and not _ANY_MARK.search(block.text)
            and _names_a_source(block.text))


def _names_a_source(text: str) -> bool:
    """A site, a unit or a person: what a publication line's field names (某公司, 某某网, 张三), not a headline.

    >>> _names_a_source("某公司"), _names_a_source("某某网"), _names_a_source("某市工会代表大会召开")
    (True, True, False)
    """
    key = to_simplified(text).strip()
    return is_site_name(key) or key.endswith(labels.rules().organisation_suffixes) or bool(labels.names_only(key))


HEAD_PHOTO_CAPTION_MAX_CHARS = 40


def mark_head_photo_caption(blocks: list[Block]) -> list[Block]:
    """A web copy's photo under its headline: a short line between the publication line and the lead is its caption.

    Sites put the article's first photo right under the headline and its
    publication line; the copy keeps the photo's caption (运动会现场) as a line
    of its own above the lead, with the photo's space between it and the
    lead.  A line there that finishes no sentence, has no clause, names no
    person and is no label or site name is that caption.  A guess from
    its place, so the review lists it.

    >>> page = ["某区职工运动会开幕", "", "2023-11-27 16:42 来源：某某网", "运动会现场", "", "",
    ...         "11月27日，某区第四届职工运动会开幕，48支代表队参赛。"]
    >>> [(b.kind.value, b.text) for b in page_blocks(page)]
    [('text', '某区职工运动会开幕'), ('meta', '2023-11-27 16:42 来源：某某网'), ('caption', '运动会现场'), ('text', '11月27日，某区第四届职工运动会开幕，48支代表队参赛。')]
    >>> page = ["某区职工运动会开幕", "2023-11-27 16:42 来源：某某网", "运动员入场", "拔河比赛现场",
    ...         "11月27日，某区第四届职工运动会开幕，48支代表队参赛。"]
    >>> [(b.kind.value, b.text) for b in page_blocks(page)][2:4]
    [('caption', '运动员入场'), ('caption', '拔河比赛现场')]
    """
    head = next((i for i, b in enumerate(blocks) if b.note.startswith("headline:")), None)
    if head is None:
        return blocks
    texts = [i for i in range(head + 1, len(blocks)) if blocks[i].kind in (Kind.TEXT, Kind.CAPTION)]
    if len(texts) < 2 or blocks[texts[0]].kind is not Kind.TEXT:
        return blocks
    at, lead = texts[0], blocks[texts[1]]
    block = blocks[at]
    if (block.heading_level or not is_body(lead.text) or lead.kind is not Kind.TEXT
            or not any(blocks[i].kind is Kind.META for i in range(head + 1, at))
            or not all(_head_caption_line(line) for line in block.lines)):
        return blocks
    marked = list(blocks)
    if len(block.lines) == 1 and _headline_words_only(block.text, blocks[head].text):
        # 五一我市职工 under 我市13名职工获得全国五一劳动奖章: the page's keywords, not a caption
        marked[at] = replace(block, kind=Kind.FURNITURE, weak=True,
                             note="keywords under the publication line (the headline's own words)")
        return marked
    note = "short line between the publication line and the lead (the photo under the headline)"
    if len(block.lines) == 1 and (lead.gap_before >= PHOTO_GAP or labels.opens_with_dateline(lead.text)):
        # the photo and its caption stand apart from the text: wide space between the caption and the lead;
        # or the lead opens the story with its dateline (某某网讯), so the line above it is no part of it
        marked[at] = replace(block, kind=Kind.CAPTION, weak=True, note=note)
    elif len(block.lines) > 1 and not block.wrapped:
        # short lines stacked under the publication line: the photos' captions (a subtitle stands above it)
        marked[at:at + 1] = block.line_by_line(kind=Kind.CAPTION, weak=True, note=note, indented=False)
    else:
        return marked
    return _mark_captions_like_the_head_photos(marked, at + 1)


def _mark_captions_like_the_head_photos(blocks: list[Block], start: int) -> list[Block]:
    """Short lines among the paragraphs, in the shape of the head photo's bare caption, are captions too.

    A copy that kept its first photo's caption as a bare line under the
    publication line keeps its other photos' captions the same way: a line
    between two paragraphs that could caption the head photo (short, no
    sentence, clause, name or label) is one.  A crosshead pair stands apart by
    its parallel phrases (工会搭台 职工受益: a space between them).

    >>> page = ["某镇开展普法活动", "", "2019-02-18 14:51 来源：某某网", "", "律师为村民讲解法律", "",
    ...         "某某网讯（通讯员 张三）2月15日，某区总工会在某镇开展普法活动。", "", "群众观看普法展板", "",
    ...         "活动现场发放资料300余份。", "", "学法用法 护薪维权", "", "据悉，活动还将走进其他乡镇。"]
    >>> [(b.kind.value, b.text) for b in page_blocks(page)][4:7]
    [('caption', '群众观看普法展板'), ('text', '活动现场发放资料300余份。'), ('text', '学法用法 护薪维权')]
    """
    marked = list(blocks)
    for index in range(start + 1, len(marked) - 1):
        block, before, after = marked[index], marked[index - 1], marked[index + 1]
        if (block.kind is Kind.TEXT and len(block.lines) == 1 and not block.heading_level and " " not in block.text
                and _head_caption_line(block.text)
                and before.kind is Kind.TEXT and is_body(before.text)
                and after.kind is Kind.TEXT and is_body(after.text)):
            marked[index] = replace(block, kind=Kind.CAPTION, weak=True,
                                    note="a short line among the paragraphs, in the shape of the head photo's caption")
    return marked


STACKED_CAPTIONS_MIN = 2


def mark_captions_above_the_dateline(blocks: list[Block]) -> list[Block]:
    """Short finished sentences stacked right above a lead that opens with its dateline are the photos' captions.

    A copy that kept a story's photos above it prints their captions first,
    one short sentence each (开场舞蹈。/ 某某致辞。), and then the lead
    (某某网消息（记者 张三）…): the story starts at its dateline, so the
    sentences above it are no part of its text.

    >>> page = ["新春座谈会开场舞蹈。", "市总工会主席张某某致辞。", "职工家属冲上台来拥抱亲人。",
    ...         "某某网消息（记者 李某）1月20日，市总工会举办新春座谈会，为不能回家过年的职工送上祝福。"]
    >>> [b.kind.value for b in page_blocks(page)]
    ['caption', 'caption', 'caption', 'text']

    One sentence is enough where the dateline credits the writer with the photos:

    >>> page = ["第B03版：综合", "某市总工会启动“冬送温暖”活动", "把关怀送到职工心坎上", "", "书法家为职工写春联。", "",
    ...         "某某日报讯（文/图 记者/张三）1月16日上午，某市总工会举行“冬送温暖”活动启动仪式。"]
    >>> [b.kind.value for b in page_blocks(page)][-2:]
    ['caption', 'text']
    >>> page[-1] = "某某日报讯（记者/张三）1月16日上午，某市总工会举行“冬送温暖”活动启动仪式。"
    >>> [b.kind.value for b in page_blocks(page)][-2:]
    ['text', 'text']

    A lead with no dateline counts when a photo's gap stands above it and
    the sentences stand right under the headline, closer to each other than
    to the lead:

    >>> page = ["某厂工会爱心妈咪小屋启用", "", "女职工在小屋里休息。", "", "工作人员打扫小屋。", "", "",
    ...         "沙发、书籍、医药箱……1月15日午饭后，几名女职工在某厂工会的爱心妈咪小屋里休息，这是工会为女职工办的实事。"]
    >>> [b.kind.value for b in page_blocks(page)]
    ['text', 'caption', 'caption', 'text']
    """
    lead = next((i for i, b in enumerate(blocks) if b.kind is Kind.TEXT and is_body(b.text)
                 and labels.opens_with_dateline(b.text)), None)
    under_headline = False
    if lead is None:
        lead = next((i for i, b in enumerate(blocks) if b.kind is Kind.TEXT and is_body(b.text)
                     and len(b.text) > SENTENCE_CAPTION_MAX_CHARS), None)
        if lead is None or blocks[lead].gap_before < PHOTO_GAP:
            return blocks
        under_headline = True
    stack = []
    for i in range(lead - 1, -1, -1):
        block = blocks[i]
        if block.kind in (Kind.META, Kind.FURNITURE, Kind.REPEAT) and not stack:
            continue
        if not (block.kind is Kind.TEXT and len(block.lines) == 1 and not block.heading_level
                and len(block.text) <= SENTENCE_CAPTION_MAX_CHARS
                and (labels.ends_sentence(block.text) or not under_headline and not block.text.startswith(("—", "-")))
                and len(CJK_IDEOGRAPH.findall(block.text)) >= CAPTION_MIN_HAN):
            break
        stack.append(i)
    # (unfinished lines, 15名选手进行了精彩的演讲, are captions only between a web copy's publication line, under
    # its headline, and the lead; under an e-paper's page line they are the headline's lines)
    if any(not labels.ends_sentence(blocks[i].text) for i in stack):
        above = min(stack, default=0) - 1
        titled = above >= 1 and any(b.kind is Kind.TEXT and not is_body(b.text) for b in blocks[:above])
        if not (titled and blocks[above].kind is Kind.META and not _is_page_line(blocks[above].text)):
            stack = [i for i in stack if i > max(j for j in stack if not labels.ends_sentence(blocks[j].text))]
    if under_headline and not _stacked_under_headline(blocks, stack, lead):
        return blocks
    # one sentence is a caption only where the lead's dateline says its writer took photos (文/图 记者 张三);
    # elsewhere it may be the story's standfirst
    least = 1 if not under_headline and labels.dateline_credits_photos(blocks[lead].text) \
        and all(labels.ends_sentence(blocks[i].text) for i in stack) else STACKED_CAPTIONS_MIN
    # running text above the stack: the sentences are the page's, not photos stacked over a story
    if len(stack) < least or any(b.kind is Kind.TEXT and is_body(b.text) and len(b.text) > SENTENCE_CAPTION_MAX_CHARS
                                               for b in blocks[:min(stack)]):
        return blocks
    return _weak_captions(blocks, stack, "a short sentence stacked above the dateline lead (a photo above the story)")


def _stacked_under_headline(blocks: list[Block], stack: list[int], lead: int) -> bool:
    """The stacked sentences stand under the page's one title line, with no gap among them as wide as the lead's."""
    if not stack:
        return False
    top = min(stack)
    above = [b for b in blocks[:top] if b.kind not in (Kind.META, Kind.FURNITURE, Kind.REPEAT, Kind.HEADER)]
    return (len(above) == 1 and above[0].kind is Kind.TEXT and len(above[0].lines) == 1
            and not labels.ends_sentence(above[0].text)
            and all(blocks[i].gap_before < blocks[lead].gap_before for i in stack if i != top))


def _weak_captions(blocks: list[Block], indexes, note: str) -> list[Block]:
    """The blocks at ``indexes`` marked as captions guessed from their place (the review lists them)."""
    return [replace(b, kind=Kind.CAPTION, weak=True, note=note) if i in indexes else b for i, b in enumerate(blocks)]


_PHOTO_MARKED_TITLE = re.compile(r"[（(](图|组图|附图|多图|图文|圖|組圖|附圖|多圖|圖文)[）)]$")
PHOTO_MARKED_CAPTIONS_MAX = 6


def mark_captions_under_photo_headline(blocks: list[Block]) -> list[Block]:
    """Under a headline marked as having photos (…致敬最美劳动者（图）), the short lines above the story are their captions.

    >>> page = ["某区举办庆“五一”大会 致敬最美劳动者（图）", "会上举行了一场精彩的文艺演出。",
    ...         "4月28日下午，某区举行庆祝“五一”国际劳动节大会。会上，一批劳动模范和先进集体受到表彰。"]
    >>> [b.kind.value for b in page_blocks(page)]
    ['text', 'caption', 'text']
    """
    top = next((i for i, b in enumerate(blocks) if b.kind is Kind.TEXT and len(b.lines) == 1
                and _PHOTO_MARKED_TITLE.search(b.text)), None)
    if top is None or any(b.kind is Kind.TEXT and is_body(b.text) for b in blocks[:top]):
        return blocks
    stack = []
    for i in range(top + 1, len(blocks)):
        block = blocks[i]
        if block.kind in (Kind.META, Kind.FURNITURE, Kind.REPEAT, Kind.BYLINE, Kind.CREDIT):
            continue
        if (block.kind is not Kind.TEXT or len(block.lines) != 1 or len(block.text) > CAPTION_MAX_CHARS
                or len(re.findall("[。！？]", block.text)) > 1
                or labels.opens_with_dateline(block.text) or len(CJK_IDEOGRAPH.findall(block.text)) < CAPTION_MIN_HAN):
            break
        stack.append(i)
    else:
        return blocks                 # no story under the lines: they are the story
    if not stack or len(stack) > PHOTO_MARKED_CAPTIONS_MAX:
        return blocks
    return _weak_captions(blocks, stack, "a short line under a headline marked as having photos (…（图）)")


CREDITED_PHOTO_CAPTION_MIN_HAN = 8
_LEAD_BRACKET = re.compile(r"^[^。！？]{0,30}?[（(]([^（）()]{2,60})[）)]")


def mark_captions_of_credited_photos(blocks: list[Block]) -> list[Block]:
    """On a page that credits its photos and shows no caption, a short line among the paragraphs is a photo's caption.

    The credit (图/张三, 某某供图, 记者 张三 摄, in a credit line or in the lead's
    bracket) says the article had photos; a copy that lost them keeps their
    captions as short lines between paragraphs: one phrase, no space inside
    (a crosshead pair stands apart by its space), naming who does what.

    >>> page = ["某市总工会到某镇调研", "", "某某网讯（图/张三 文/李四）5月29日，某市总工会调研组到某镇调研工会工作。", "",
    ...         "调研组一行参观某镇职工之家", "", "调研组察看了职工之家的阅览室和活动室，听取了工作汇报。"]
    >>> [b.kind.value for b in page_blocks(page)]
    ['text', 'text', 'caption', 'text']
    >>> [b.kind.value for b in page_blocks(page[:2] + ["5月29日，某市总工会调研组到某镇调研工会工作。"] + page[3:])]
    ['text', 'text', 'text', 'text']
    """
    # (a page that shows a caption already gets no single guess; a run of phrases is a gallery still)
    captioned = any(b.kind is Kind.CAPTION for b in blocks)
    lead = next((b for b in blocks if b.kind is Kind.TEXT and is_body(b.text)), None)
    bracket = _LEAD_BRACKET.match(lead.text) if lead is not None else None
    if not (any(b.kind in (Kind.CREDIT, Kind.BYLINE) and labels.credits_photos(b.text) for b in blocks)
            or bracket and labels.credits_photos(bracket.group(1))):
        return blocks
    def phrase(block: Block) -> bool:
        return (block.kind is Kind.TEXT and len(block.lines) == 1 and not block.heading_level and not is_body(block.text)
                and " " not in block.text.strip() and len(CJK_IDEOGRAPH.findall(block.text)) >= CAPTION_MIN_HAN
                and not labels.is_bullet_item(block.text) and not block.text.endswith(("：", ":"))
                and not _ANY_MARK.search(block.text))

    def body(block: Block) -> bool:
        return block.kind is Kind.TEXT and is_body(block.text)

    marked = list(blocks)
    index = 1
    while index < len(blocks) - 1:
        end = index
        while end < len(blocks) and phrase(blocks[end]):
            end += 1
        # one phrase between paragraphs names a photo when it is long enough to say who does what; a run of
        # them (参赛选手整齐列队 / 知识竞赛 / 钢筋工比赛) is a gallery's captions
        run = end - index
        if run and end < len(blocks) and body(blocks[index - 1]) and body(blocks[end]) and (
                run >= 2 or not captioned and len(CJK_IDEOGRAPH.findall(blocks[index].text)) >= CREDITED_PHOTO_CAPTION_MIN_HAN):
            for i in range(index, end):
                marked[i] = replace(blocks[i], kind=Kind.CAPTION, weak=True,
                                    note="a short line among the paragraphs of a page that credits its photos")
        index = max(end, index + 1)
    return marked


_DATED_PHOTO_CAPTION = re.compile(r"^\d{1,2}月\d{1,2}日(凌晨|早上|上午|中午|下午|傍晚|晚上|晚)?[，,]")
DATED_PHOTO_CAPTION_MAX_CHARS = 120
_PHOTO_SCENE = re.compile(r"^\d{1,2}月\d{1,2}日[^，,。]{0,4}[，,]\s?在[^，,。]{2,40}[，,]")
STORY_FROM_THE_PHOTOS_DAY = ("当日", "当天", "同日")


def mark_dated_photo_caption(blocks: list[Block]) -> list[Block]:
    """A news photo's caption over its story: one dated sentence, with the photo's credit line further down.

    News agencies caption a photo in one sentence that opens with its day
    (12月20日，在某某中心，环卫工人与快递小哥一起分享饺子。) and credit it on a line
    of its own (新华社记者 某某 摄); a copy that keeps the photo's caption as the
    first paragraph and the credit under the story has no other caption.  The
    story then goes on in a paragraph of its own, so the sentence is no lead.

    >>> page = ["户外劳动者的“家宴”", "", "12月20日，在某某街道党群服务中心，环卫工人与快递小哥一起分享饺子。", "",
    ...         "在冬至节气到来之际，某区总工会开展“特别的家宴”活动，邀请户外劳动者共度佳节。", "", "本报通讯员 某某 摄"]
    >>> [b.kind.value for b in page_blocks(page)]
    ['text', 'caption', 'text', 'credit']
    >>> [b.kind.value for b in page_blocks(page[:-2])]       # no photo credit: the sentence is the lead
    ['text', 'text', 'text']
    >>> page = ["某区托管班开班", "", "7月9日，某区总工会职工子女暑期托管班开班。", "", "托管班开设书法、绘画等课程。", "", "记者 张三 摄"]
    >>> [b.kind.value for b in page_blocks(page)]             # the news in one sentence: a lead, photo or not
    ['text', 'text', 'text', 'credit']
    """
    credits = [i for i, b in enumerate(blocks) if b.kind is Kind.CREDIT and b.note.startswith("a photo credit line")]
    if not credits or any(b.kind is Kind.CAPTION for b in blocks):
        return blocks
    texts = [i for i, b in enumerate(blocks) if b.kind is Kind.TEXT and is_body(b.text)]
    if len(texts) < 2 or texts[1] > credits[-1]:
        return blocks
    block, story = blocks[texts[0]], blocks[texts[1]]
    if not (len(block.lines) == 1 and len(block.text) <= DATED_PHOTO_CAPTION_MAX_CHARS
            and _DATED_PHOTO_CAPTION.match(block.text) and labels.ends_sentence(block.text)
            and len(re.findall("[。！？]", block.text)) == 1
            # the photo's place and people (…日，在某某中心，职工…), or the story going on from the photo's day (当日，…)
            and (_PHOTO_SCENE.match(block.text) or story.text.startswith(STORY_FROM_THE_PHOTOS_DAY))):
        return blocks
    marked = list(blocks)
    marked[texts[0]] = replace(block, kind=Kind.CAPTION, weak=True,
                               note="a dated sentence over the story, the photo's credit below (a news photo's caption)")
    return marked


def _headline_words_only(text: str, headline: str) -> bool:
    """Whether a short line is made of the headline's own words only, in another order (a page's keywords).

    >>> _headline_words_only("五一我市职工", "我市13名职工获得全国五一劳动奖章")
    True
    >>> _headline_words_only("职工运动会现场", "某区举办职工运动会"), _headline_words_only("职工运动会", "某区举办职工运动会")
    (False, False)
    """
    squeezed, title = squeeze(text), squeeze(headline)
    if not squeezed or squeezed in title:
        return False                  # the headline's own phrase: a repeat, not keywords
    words = [w for w in tokenizer().cut(squeezed, HMM=False) if w.strip()]
    return len(words) >= 2 and all(w in title for w in words)


def _head_caption_line(text: str) -> bool:
    """A line that can caption the photo under a web headline: short, no sentence or clause, no name or label.

    >>> [_head_caption_line(t) for t in ("运动会现场", "环卫工人清扫保洁", "近日，某区举办培训。", "【图集】", "重庆日报")]
    [True, True, False, False, False]
    """
    return not (len(text) > HEAD_PHOTO_CAPTION_MAX_CHARS or len(CJK_IDEOGRAPH.findall(text)) < CAPTION_MIN_HAN
                or labels.ends_sentence(text) or _ANY_MARK.search(text)
                or text.startswith(("—", "-", "【", "[", "〔", "（", "(", "《")) or labels.names_only(text)
                or labels.is_section_label(to_simplified(text)) or labels.is_bullet_item(text)
                or is_site_name(to_simplified(text)) or is_channel_name(text))


def mark_page_chrome(blocks: list[Block]) -> list[Block]:
    """Lines of the e-paper or website around the article: above its page line, after its last paragraph.

    An e-paper copy prints the reader's chrome (the paper's name, 电子报阅读机, a
    pop-up's 我知道了) above its page line (``第二版：要闻``, a date), and the
    headline below it: text lines above the first page line are the site's
    when title lines follow it.  A page's last paragraph is followed only by
    captions, credits and the site's own lines (related links, a comment box,
    a run-together metadata line): a short line there that finishes no
    sentence is furniture.  Both rest on position, so the review lists them.

    A line there that names a photo's scene (…合影, …现场) is the caption of the photo the article closes on.

    >>> page = ["浙江工人日报 数字报纸", "", "00003版：人文", "", "衢州公路局获评模范职工之家", "", "近日，该局工会获评。",
    ...         "", "相关新闻"]
    >>> [(b.kind.value, b.text) for b in mark_page_chrome(mark_labels(group_lines(page)))]
    [('furniture', '浙江工人日报 数字报纸'), ('meta', '00003版：人文'), ('text', '衢州公路局获评模范职工之家'), ('text', '近日，该局工会获评。'), ('furniture', '相关新闻')]
    >>> page = ["近日，某区总工会开展活动。", "", "某区总工会", "", "Copyright © 2008-2025 by www.example.cn", "", "全国总工会", "微信"]
    >>> [(b.kind.value, b.text) for b in page_blocks(page)][1:3], page_blocks(page)[-2].kind.value
    ([('text', '某区总工会'), ('furniture', 'Copyright © 2008-2025 by www.example.cn')], 'furniture')
    """
    marked = list(blocks)
    top = _top_matter_end(marked)
    web_headline = any(b.note.startswith("headline:") for b in marked[:top])
    # a web copy (a publication line naming its source or time, no e-paper header): a section label at its
    # head is the site's channel (工作动态), not a section of the paper
    web_copy = any(b.kind is Kind.META and not _is_page_line(b.text) for b in marked[:top]) \
        and not any(b.kind is Kind.HEADER for b in marked)
    for i in range(top):
        why = _top_matter_chrome(marked[i])
        if not why and web_copy and marked[i].kind is Kind.SECTION:
            why = "a section label over a web copy (the site's channel)"
        if why:
            marked[i] = replace(marked[i], kind=Kind.FURNITURE, weak=True, note=why)
    first_meta = next((i for i in range(top) if marked[i].kind is Kind.META), None)
    if first_meta is not None and not _is_page_line(marked[first_meta].text):
        first_meta = None             # a web copy's 来源 or 作者 line: the lines above it are its own
    below = next((b for b in marked[first_meta + 1:]
                  if b.kind not in (Kind.FURNITURE, Kind.META, Kind.TEASER, Kind.REPEAT)), None) \
        if first_meta is not None else None
    if not web_headline and below is not None and below.kind is Kind.TEXT and not is_body(below.text):
        for i in range(first_meta):
            if marked[i].kind is Kind.TEXT and not is_body(marked[i].text):
                marked[i] = replace(marked[i], kind=Kind.FURNITURE, weak=True,
                                    note="above an e-paper copy's page line (the reader's or site's)")
    marked = _mark_site_statements(_mark_related_links(marked))
    # (an opening the site cut off, 某某举行..., finishes no paragraph)
    last = max((i for i, b in enumerate(marked) if b.kind is Kind.TEXT and labels.ends_sentence(b.text)
                and not labels.is_bullet_item(b.text) and not _CUT_OFF.search(b.text) or b.kind is Kind.CAPTION),
               default=None)
    if last is not None:
        last = _numbered_list_end(marked, last)
        marked = _mark_story_teasers(marked, last)
    finished = [b for b in marked if b.kind is Kind.TEXT and labels.ends_sentence(b.text)]
    # where the copy indents each paragraph and the site's lines are not, an indented line is text
    indents_paragraphs = len(finished) >= 3 and sum(b.indented for b in finished) >= 0.8 * len(finished)
    if last is not None:
        past_footer = False           # under the site's copyright line nothing closes the article: all is the site's
        for i in range(last + 1, len(marked)):
            block = marked[i]
            past_footer = past_footer or block.kind is Kind.FURNITURE and block.note.startswith("site footer (copyright")
            if block.kind in (Kind.COLUMN, Kind.SECTION, Kind.BANNER, Kind.HEADER):
                break                 # a label opens an article whose text the page does not hold
            # a clause mark or a finished sentence inside means running text: the page's last paragraph,
            # cut off where the copy ends
            if (block.kind is Kind.TEXT and len(block.lines) == 1 and len(block.text) <= CAPTION_MAX_CHARS
                    and _names_photo_scene(block.text)):
                # 某某在仪式上合影, 活动现场: the photo the article closes on
                marked[i] = replace(block, kind=Kind.CAPTION, weak=True,
                                    note="a line naming a photo's scene after the last paragraph")
            elif block.kind is Kind.TEXT and not (indents_paragraphs and block.indented) and (
                    labels.is_bullet_item(block.text) or block.text.startswith("•") or (
                    len(block.text) <= CAPTION_MAX_CHARS and not labels.ends_sentence(block.text)
                    and not _ANY_MARK.search(block.text) and (past_footer or not _closes_an_article(block.text)))):
                marked[i] = replace(block, kind=Kind.FURNITURE, weak=True,
                                    note="after the page's last paragraph (the site's)")
    return marked


def _numbered_list_end(blocks: list[Block], last: int) -> int:
    """The index of the last block of a numbered list printed right after the page's last paragraph, else ``last``.

    >>> page = ["某区新建工会驿站", "", "目前已建成驿站98个。", "", "新增站点：", "No.1 某某广场驿站",
    ...         "No.2 某某社区驿站 某某路5号", "No.3 某某大厅驿站", "注：其他站点可在APP上查看", "", "分享到"]
    >>> [(b.kind.value, b.text) for b in page_blocks(page)][-3:]
    [('text', 'No.3 某某大厅驿站'), ('text', '注：其他站点可在APP上查看'), ('furniture', '分享到')]
    """
    listed = list_blocks(blocks)
    while last + 1 in listed:
        last += 1
    return last


# 国内统一刊号：CN50-0064, 微信公众平台：CQZXB999: a paper's registration or account, a label over a code
_CODED_LABEL = re.compile(rf"[{HAN}]{{2,8}}[：:]\s*[A-Za-z0-9][A-Za-z0-9_./\-]{{2,30}}")


def _top_matter_chrome(block: Block) -> str:
    """Why a line above the first paragraph is the paper's or site's, not the article's ('' if it is not).

    >>> [_top_matter_chrome(Block((t,), 1, 1)) for t in ("重庆政协报", "04", "国内统一刊号：CN50-0064", "劳模精神之花")]
    ["a paper's or site's name above the article", 'a number alone above the article (a page number or counter)', "a paper's code or account above the article", '']
    """
    if block.kind is not Kind.TEXT or block.heading_level:
        return ""
    if _COUNTER.fullmatch(block.text):
        return "a number alone above the article (a page number or counter)"
    if len(block.lines) != 1:
        return ""
    if is_site_name(to_simplified(block.text)):
        return "a paper's or site's name above the article"
    if _COUNTER.fullmatch(block.text):
        return "a number alone above the article (a page number or counter)"
    if _CODED_LABEL.fullmatch(block.text):
        return "a paper's code or account above the article"
    return ""


TEASER_MAX_CHARS = 50


def _mark_story_teasers(blocks: list[Block], last: int) -> list[Block]:
    """After the last paragraph, other stories listed as headline + opening words cut off: the site's.

    Such a list repeats its shape: two or more lines that open with a dateline
    (``某某网重庆6月9日电 夏日时节，``) and finish no sentence, each under a
    short line (the other story's headline).  One such line alone may be the
    page's next article cut off where the copy ends, so it stays.
    """
    openings = [i for i in range(last + 1, len(blocks))
                if blocks[i].kind is Kind.TEXT and len(blocks[i].text) <= TEASER_MAX_CHARS
                and labels.opens_with_dateline(blocks[i].text) and not labels.ends_sentence(blocks[i].text)]
    if len(openings) < 2:
        openings = _cut_off_openings(blocks, last)
    if len(openings) < 2:
        return blocks
    marked = list(blocks)
    for i in openings:
        marked[i] = replace(marked[i], kind=Kind.FURNITURE, weak=True,
                            note="a list of other stories after the article (the site's)")
        above = i - 1
        if above > last and marked[above].kind is Kind.TEXT and len(marked[above].text) <= CAPTION_MAX_CHARS \
                and not labels.ends_sentence(marked[above].text):
            marked[above] = replace(marked[above], kind=Kind.FURNITURE, weak=True,
                                    note="a list of other stories after the article (the site's)")
    return marked


_CUT_OFF = re.compile(r"(?<![.…])(\.{3}|…)$")     # 某某举行...: cut by the site, not a writer's ……
CUT_OFF_SPREAD_CHARS = 6                          # a site cuts its list's openings to one length
CUT_OFF_MAX_CHARS = 120


def _cut_off_openings(blocks: list[Block], last: int) -> list[int]:
    """After the last paragraph, other stories' openings the site cut to one length, each ending on '...'.

    >>> page = ["某省工会支援物资发车", "", "4月9日，发车仪式举行。", "", "来源：某某新闻", "",
    ...         "4月9日下午，某省总工会支援物资发车仪式在某市举行，10辆满载蔬菜的...", "",
    ...         "青稞作为某地传统食品的主要原料，多年来种植面积一直保持在20万亩左右。随着...", "",
    ...         "某某报讯 最近，网上流传的“野菜图鉴”等，吸引不少市民关注，专家提醒大家注意..."]
    >>> [b.kind.value for b in page_blocks(page)]
    ['text', 'text', 'meta', 'furniture', 'furniture', 'furniture']
    """
    cut = [i for i in range(last + 1, len(blocks))
           if blocks[i].kind is Kind.TEXT and len(blocks[i].lines) == 1 and len(blocks[i].text) <= CUT_OFF_MAX_CHARS
           and _CUT_OFF.search(blocks[i].text)]
    lengths = [len(blocks[i].text) for i in cut]
    return cut if len(cut) >= 2 and max(lengths) - min(lengths) <= CUT_OFF_SPREAD_CHARS else []


def _is_page_line(text: str) -> bool:
    """An e-paper's page line: a page number or a date, naming no source or writer.

    >>> _is_page_line("00003版：人文"), _is_page_line("2023年08月14日 星期一"), _is_page_line("本文来源：某某网")
    (True, True, False)
    """
    line = parse_publication_line(text)
    return line is not None and bool(line.page or line.date) and not (line.origin or line.authors)


def _is_index_entry(text: str) -> bool:
    """'· 给他们机会就是给未来以机会': a dot-led short line, as an e-paper lists its page's titles.

    >>> _is_index_entry("· 80后工人的多元需求"), _is_index_entry("·职工运动会开幕"), _is_index_entry("中国梦·劳动美")
    (True, True, False)
    """
    return text.startswith(INDEX_DOTS) and len(text) <= CAPTION_MAX_CHARS and not labels.ends_sentence(text)


def _over_running_text(blocks: list[Block], index: int) -> bool:
    """Whether the next text block after ``index`` (past the photo captions) is running text: a title's place.

    An index entry stands over the next entry; a dot-led story title (• 某某开展慰问行动) over its lead.
    """
    following = next((b for b in blocks[index + 1:] if b.kind is not Kind.CAPTION), None)
    return following is not None and following.kind is Kind.TEXT and is_body(following.text)


def _over_publication_line(blocks: list[Block], index: int) -> bool:
    """Whether a publication line (刊发时间：…, 来源：…) follows ``index``: a web headline's place.

    A site's menu printed one dot-led item per line ends with the page's own title,
    which stands over its publication line (• 新闻网首页 / • 某某就是家 / 刊发时间：2025-06-25).
    """
    return index + 1 < len(blocks) and blocks[index + 1].kind is Kind.META


def _closes_an_article(text: str) -> bool:
    """A line an article ends on: a bracketed note, an organisation's name or a signature's date.

    (作者单位：重庆市总工会), a list of honoured units, 重庆市总工会 / 2024年4月1日.

    >>> [_closes_an_article(t) for t in ("（作者单位：某市总工会）", "某某建设集团有限公司", "2024年4月1日", "相关新闻")]
    [True, True, True, False]
    """
    key = to_simplified(text).strip()
    return (key.startswith(("（", "(")) and key.endswith(("）", ")"))
            or key.endswith(labels.rules().organisation_suffixes) or bool(_SIGNED_DATE.search(key)))


LISTED_STORY = "a listed story with its date (the site's list of other stories)"


def _mark_related_links(blocks: list[Block]) -> list[Block]:
    """After a related-links heading (相关阅读, 新闻推荐) that follows article text, text lines are other stories."""
    marked = list(blocks)
    seen_text = False
    zone = False
    for i, block in enumerate(marked):
        if block.kind in (Kind.COLUMN, Kind.SECTION, Kind.BANNER, Kind.HEADER):
            zone = False
        elif zone and block.kind in (Kind.TEXT, Kind.CAPTION):
            marked[i] = replace(block, kind=Kind.FURNITURE, weak=True,
                                note="a story of the site's related links (after its heading)")
        elif zone and block.kind is Kind.META and _dated_only(block.text):
            # (a related story's timestamp is no date of this page)
            marked[i] = replace(block, kind=Kind.FURNITURE, weak=True,
                                note="a related story's publication line (after the related links' heading)")
        elif seen_text and (opens_related_links(block.text) or block.note == LISTED_STORY):
            zone = True               # (a listed story with its date opens the list as its heading would)
            if block.kind is Kind.TEXT and len(block.lines) == 1 and opens_related_links(block.text):
                # (the heading itself, even where the copy ends on it, under a paragraph it cut off)
                marked[i] = replace(block, kind=Kind.FURNITURE, weak=True, note="the heading of the site's related links")
        seen_text = seen_text or block.kind is Kind.TEXT and is_body(block.text)
    return marked


def _mark_site_statements(blocks: list[Block]) -> list[Block]:
    """A paper's own statement (某某日报社严正声明 and its paragraphs) is the site's, up to the article's dateline.

    >>> page = ["某某工会驿站获评全国最美", "", "某某日报社严正声明", "", "长期以来，部分自媒体擅自转载本报作品。", "",
    ...         "现声明如下：", "", "本报讯 近日，全国总工会发布最美站点名单。"]
    >>> [b.kind.value for b in _mark_site_statements(mark_labels(group_lines(page)))]
    ['text', 'furniture', 'furniture', 'furniture', 'text']
    >>> page = ["版权声明", "", "本报电子版的一切内容，版权均属本报所有。", "", "某市举办劳模宣讲活动", "", "7月1日，某市举办宣讲。"]
    >>> [b.kind.value for b in _mark_site_statements(mark_labels(group_lines(page)))]
    ['furniture', 'furniture', 'text', 'text']
    """
    marked = list(blocks)
    zone = False
    for i, block in enumerate(marked):
        if block.kind in (Kind.TEXT, Kind.FURNITURE, Kind.CAPTION) and len(block.lines) == 1 \
                and opens_site_statement(block.text):
            zone = True
            marked[i] = replace(block, kind=Kind.FURNITURE, weak=False, note="the heading of the site's own statement")
        # (the statement's lines are sentences or lead-ins, 现声明如下：; a title line ends it, as a dateline does)
        elif block.kind in (Kind.COLUMN, Kind.SECTION, Kind.BANNER, Kind.HEADER) or block.heading_level \
                or block.kind is Kind.TEXT and (labels.opens_with_dateline(block.text)
                                                or not is_body(block.text) and not block.text.endswith(("：", ":"))):
            zone = False
        elif zone and block.kind in (Kind.TEXT, Kind.CAPTION):
            marked[i] = replace(block, kind=Kind.FURNITURE, weak=True, note="the site's own statement (under its heading)")
    return marked


def _dated_only(text: str) -> bool:
    """A publication line that gives a date and no writer or editor (a listed story's timestamp).

    >>> _dated_only("2018-03-02 08:58:39"), _dated_only("责任编辑：张某 2018-03-02"), _dated_only("编辑：张某")
    (True, False, False)
    """
    line = parse_publication_line(text)
    return line is not None and bool(line.date) and not line.authors and not line.editors


def _reads_as_text(text: str) -> bool:
    """Mostly Chinese words, no bars: a line that can be a kicker (F.biz | 商业搜索 cannot).

    >>> _reads_as_text("重庆市总聚力组织、服务、工作“三覆盖”做好入会工作"), _reads_as_text("F.biz | 商业搜索")
    (True, False)
    """
    return "|" not in text and "｜" not in text and len(CJK_IDEOGRAPH.findall(text)) * 10 >= len(text) * 6


def _stacked_short_lines(block: Block) -> bool:
    """Several short lines with no blank between them, none a sentence (桂工网 / gxworker.org.cn / 标题).

    >>> _stacked_short_lines(Block(("某某网", "某某职工的网上家园", "技能大赛决赛举行"), 1, 3))
    True
    >>> _stacked_short_lines(Block(("技能大赛决赛举行",), 1, 1)), _stacked_short_lines(Block(("今年以来，", "全区职工参加。"), 1, 2))
    (False, False)
    """
    return block.kind is Kind.TEXT and len(block.lines) > 1 and not block.heading_level and not block.wrapped and all(
        len(line) <= CAPTION_MAX_CHARS and not labels.ends_sentence(line) and not is_body(line)
        and not _CLAUSE_MARK.search(line) for line in block.lines)


def mark_lead_byline(blocks: list[Block]) -> list[Block]:
    """A name alone on the page's first line, right above running text, is the writer's byline, not a headline.

    A copy that kept no headline may still keep the writer's name printed over
    the text.  Resting on position, it is listed for review.

    >>> page = ["赵小平", "", "2020年12月起，渝北区总工会开展政策宣传活动，把政策带到群众身边。"]
    >>> [(b.kind.value, b.text) for b in mark_lead_byline(group_lines(page))]
    [('byline', '赵小平'), ('text', '2020年12月起，渝北区总工会开展政策宣传活动，把政策带到群众身边。')]
    >>> [b.kind.value for b in mark_lead_byline(group_lines(["劳模风采", "", "张三是一名焊工。"]))]
    ['text', 'text']
    """
    content = [i for i, b in enumerate(blocks) if b.kind in (Kind.TEXT, Kind.CAPTION, Kind.BYLINE, Kind.COLUMN)]
    if len(content) < 2:
        return blocks
    first, second = blocks[content[0]], blocks[content[1]]
    if (first.kind is Kind.TEXT and len(first.lines) == 1 and labels.names_only(first.text)
            and second.kind is Kind.TEXT and is_body(second.text)):
        marked = list(blocks)
        marked[content[0]] = replace(first, kind=Kind.BYLINE, weak=True, heading_level=0,
                                     note="a name alone above the text (the writer's byline)")
        return marked
    return blocks


# a title's line that runs on into the page's publication fields: 标题 发布时间：2023-09-01 浏览：21
_GLUED_FIELDS = re.compile(r"\s(?=(发布时间|发布日期|更新时间|来源|作者|浏览|点击)[：:])")
GLUED_HEADLINE_MIN_HAN = 6


# a machine's date at the very start of a copy, run into the text: 'date 2026-01-21 ▲…', '2026-01-21 10:32 某某…'
_LEADING_MACHINE_DATE = re.compile(r"^\s*(?:(?:date|Date|DATE|日期|时间)[：:]?\s*)?"
                                   r"(?P<date>(?:19|20)\d{2}-\d{1,2}-\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)\s+(?=\S)")


def split_inline_image_addresses(blocks: list[Block]) -> list[Block]:
    """A photo's address run into a paragraph stands where the photo did: the text splits there.

    A copy that ran a page into one line keeps each photo as its address, then
    the photo's caption with its credit (…供图, …摄), then the next paragraph:
    the address goes (logged), the caption is the photo's, the rest is text.

    >>> line = ("礼包包含充电宝等实用装备。https://www.example.cn/upload/image/2025/10/10/259.png?r=17600"
    ...         "工会发放暖心礼包。某市总工会 供图此次礼包发放活动是重要举措之一。")
    >>> [(b.kind.value, b.text) for b in split_inline_image_addresses(group_lines([line]))]
    [('text', '礼包包含充电宝等实用装备。'), ('furniture', 'https://www.example.cn/upload/image/2025/10/10/259.png?r=17600'), ('caption', '工会发放暖心礼包。某市总工会 供图'), ('text', '此次礼包发放活动是重要举措之一。')]

    | after the address                       | becomes                        |
    | --------------------------------------- | ------------------------------ |
    | a caption ending on 供图 or 摄, then text | caption, text                  |
    | text with no credit near it             | text (only the address goes)   |
    """
    out: list[Block] = []
    for block in blocks:
        match = _INLINE_IMAGE_ADDRESS.search(block.text) if block.kind is Kind.TEXT and len(block.lines) == 1 else None
        if match is None or not labels.ends_sentence(block.text[:match.start()]):
            out.append(block)
            continue
        before, after = block.text[:match.start()], block.text[match.end():]
        credit = _CAPTION_UP_TO_CREDIT.match(after)
        pieces = [(before, Kind.TEXT, ""), (match.group(0), Kind.FURNITURE, IMAGE_FILE)]
        if credit:
            pieces += [(credit.group(0), Kind.CAPTION, "a caption after a photo's address in the text"),
                       (after[credit.end():], Kind.TEXT, "")]
        else:
            pieces.append((after, Kind.TEXT, ""))
        out.extend(replace(block, lines=(text,), kind=kind, note=note, gap_before=block.gap_before if k == 0 else 0)
                   for k, (text, kind, note) in enumerate(pieces) if text.strip())
    return out


# (ASCII classes: \w would run on into the Chinese text after the address)
_INLINE_IMAGE_ADDRESS = re.compile(r"https?://[A-Za-z0-9_./\-]+?\.(?:png|jpe?g|gif|webp|bmp)(?:\?[A-Za-z0-9_=&.%\-]*)?",
                                   re.IGNORECASE)
_CAPTION_UP_TO_CREDIT = re.compile(r"[^。！？]{2,60}[。！？]?[^。！？]{0,20}?(?:供图|摄(?!影))")


def split_leading_machine_date(blocks: list[Block]) -> list[Block]:
    """A copy that opens with a machine's date run into its first text: the date stands apart.

    >>> [b.text for b in split_leading_machine_date(group_lines([" date 2026-01-21 ▲某某工会寒冬送暖。（记者张三摄）"]))]
    ['date 2026-01-21', '▲某某工会寒冬送暖。（记者张三摄）']
    >>> [b.text for b in split_leading_machine_date(group_lines(["标题", "", "2023-05-01 举办职工运动会"]))]
    ['标题', '2023-05-01 举办职工运动会']
    >>> [b.text for b in split_leading_machine_date(group_lines(["2022-12-19 11:38:58 编辑：张三 阅读次数：21"]))]
    ['2022-12-19 11:38:58 编辑：张三 阅读次数：21']

    Only the page's first line: inside a page such a line is a list of dated events (大事记).
    """
    if not blocks or blocks[0].kind is not Kind.TEXT:
        return blocks
    first = blocks[0]
    match = _LEADING_MACHINE_DATE.match(first.lines[0])
    rest = first.lines[0][match.end():] if match else ""
    # (a whole publication line, 2022-12-19 11:38 编辑：张三 阅读：21, stays one: its fields are read together)
    if not match or not CJK_IDEOGRAPH.search(rest) or parse_publication_line(first.lines[0]) is not None:
        return blocks
    date = replace(first, lines=(first.lines[0][:match.end()].strip(),), last_line=first.first_line,
                   note="a machine's date the copy ran into its first line")
    return [date, replace(first, lines=(rest, *first.lines[1:]), gap_before=0), *blocks[1:]]


def split_glued_publication_lines(blocks: list[Block]) -> list[Block]:
    """A headline the copy ran into its publication line: the fields stand apart.

    >>> [b.text for b in split_glued_publication_lines(group_lines(["某区总工会发放助学金 发布时间：2023-09-01 浏览：21"]))]
    ['某区总工会发放助学金', '发布时间：2023-09-01 浏览：21']
    >>> [b.text for b in split_glued_publication_lines(group_lines(["会议指出 来源：各区县工会的报告显示，成效明显。"]))]
    ['会议指出 来源：各区县工会的报告显示，成效明显。']
    """
    out: list[Block] = []
    for block in blocks:
        match = _GLUED_FIELDS.search(block.text) if len(block.lines) == 1 and block.kind is Kind.TEXT else None
        head, fields = (block.text[:match.start()], block.text[match.end():]) if match else ("", "")
        if (match and len(CJK_IDEOGRAPH.findall(head)) >= GLUED_HEADLINE_MIN_HAN and not is_body(head)
                and not _ANY_MARK.search(head) and parse_publication_line(head) is None
                and not _ANY_MARK.search(fields) and parse_publication_line(fields)):
            out.append(replace(block, lines=(head,)))
            out.append(replace(block, lines=(fields,), gap_before=0, note="publication fields run on from the headline"))
            continue
        out.append(block)
    return out


SITE_SUFFIX_MAX_CHARS = 16   # a site's part of a page title: 某某网, 总工会, 重庆频道 - 某某网


PATH_TITLE_MIN_HAN = 8


def split_path_titles(blocks: list[Block]) -> list[Block]:
    """A breadcrumb whose last step runs on into the article's title: the path is furniture, the title a line of its own.

    >>> page = ["您当前的位置：首页 > 工会 > 工会要闻 某省2020年劳动竞赛动员大会举行", "2020-05-28 14:14:42来源：某某网", "",
    ...         "5月28日，某省劳动竞赛动员大会召开。"]
    >>> [(b.kind.value, b.text) for b in page_blocks(page)][:2]
    [('furniture', '您当前的位置：首页 > 工会 > 工会要闻'), ('text', '某省2020年劳动竞赛动员大会举行')]
    """
    out: list[Block] = []
    for block in blocks:
        steps = breadcrumb_steps(block.text) if block.kind is Kind.FURNITURE and block.note.startswith("breadcrumb") \
            and len(block.lines) == 1 else []
        last = steps[-1].strip() if len(steps) >= 2 else ""
        step, _, title = last.partition(" ")
        title = title.strip()
        if (step and title and len(CJK_IDEOGRAPH.findall(title)) >= PATH_TITLE_MIN_HAN and not labels.ends_sentence(title)
                and not is_channel_name(title) and not opens_related_links(title)):
            cut = block.text.rindex(title)
            out.append(replace(block, lines=(block.text[:cut].rstrip(),)))
            out.append(replace(block, lines=(title,), kind=Kind.TEXT, note="", weak=False, gap_before=0))
            continue
        out.append(block)
    return out


# after a title: a platform's topic tag (#网络中国节·春节, no closing #) or the bars of the table it stood in
_TITLE_TAIL = re.compile(r"(\s#[^#\s。，！？]{2,20}|(\s*[|｜]){3,}\s*|(?<=[^\s\-–—_])[-–_]\s*)$")
TITLE_BEFORE_TAIL_MIN_CHARS = 6


def split_title_suffixes(blocks: list[Block]) -> list[Block]:
    """A web page's title line keeps its channel and site: 'X - 重庆 - 中工网'.  Cut the suffix off as furniture.

    >>> [(b.kind.value, b.text) for b in split_title_suffixes(group_lines(["渝中区总工会送春联 - 重庆 - 中工网"]))]
    [('text', '渝中区总工会送春联'), ('furniture', '- 重庆 - 中工网')]
    >>> [b.text for b in split_title_suffixes(group_lines(["2023-2027年 - 五年规划"]))]
    ['2023-2027年 - 五年规划']
    >>> [b.text for b in split_title_suffixes(group_lines(["一个人的坚守与奉献 — 记全国劳模张三 — 劳模风采"]))]
    ['一个人的坚守与奉献 — 记全国劳模张三 — 劳模风采']
    >>> [b.text for b in split_title_suffixes(group_lines(["重庆为农民工送上“娘家人”的温暖-某某网"]))]
    ['重庆为农民工送上“娘家人”的温暖', '-某某网']
    >>> [b.text for b in split_title_suffixes(group_lines(["一个人的坚守与奉献—记全国劳模张三"]))]
    ['一个人的坚守与奉献—记全国劳模张三']
    >>> [b.text for b in split_title_suffixes(group_lines(["某市工会考察交流", "", "某市工会考察交流 - 总工会"]))]
    ['某市工会考察交流', '某市工会考察交流', '- 总工会']
    >>> [b.text for b in split_title_suffixes(group_lines(["市总工会开展腊八节送温暖活动 #网络中国节·春节"]))]
    ['市总工会开展腊八节送温暖活动', '#网络中国节·春节']
    >>> [b.text for b in split_title_suffixes(group_lines(["某省工会为民工讨回血汗钱756万 | |||||||"]))]
    ['某省工会为民工讨回血汗钱756万', '| |||||||']
    >>> [b.text for b in split_title_suffixes(group_lines(["某市举行“五一”主题活动---某某城"]))]
    ['某市举行“五一”主题活动', '---某某城']
    """
    out: list[Block] = []
    printed = {squeeze(b.text) for b in blocks if len(b.lines) == 1}
    for block in blocks:
        tail = _TITLE_TAIL.search(block.text) if len(block.lines) == 1 and block.kind is Kind.TEXT else None
        if tail and tail.start() >= TITLE_BEFORE_TAIL_MIN_CHARS and not labels.ends_sentence(block.text[:tail.start()]):
            out.append(replace(block, lines=(block.text[:tail.start()].rstrip(),)))
            out.append(replace(block, lines=(tail.group(0).strip(),), kind=Kind.FURNITURE, gap_before=0,
                               note="a topic tag or a table's bars after a web page title"))
            continue
        match = _TITLE_SUFFIX.match(block.text) if len(block.lines) == 1 and block.kind is Kind.TEXT else None
        if match and re.search(r"[|｜]", match.group("title")):
            match = None        # bars inside the title part make a menu, not a titled page
        parts = [p for p in re.split(r"\s[-–—_|｜]\s", match.group("suffix")) if p] if match else []
        if match and parts and not labels.ends_sentence(match.group("title")) and (
                is_site_name(to_simplified(parts[-1])) or is_channel_name(parts[-1])
                # the page prints the title alone too: what the page title adds is the site's
                or squeeze(match.group("title")) in printed and len(match.group("suffix")) <= SITE_SUFFIX_MAX_CHARS):
            cut = match.start("suffix")
            out.append(replace(block, lines=(block.text[:cut].rstrip(),)))
            out.append(replace(block, lines=(block.text[cut:].strip(),), kind=Kind.FURNITURE, gap_before=0,
                               note="a web page title's channel and site name"))
            continue
        glued = _GLUED_SITE_SUFFIX.match(block.text) if len(block.lines) == 1 and block.kind is Kind.TEXT else None
        dashed = _DASHED_SITE_SUFFIX.match(block.text) if len(block.lines) == 1 and block.kind is Kind.TEXT else None
        if dashed and not labels.ends_sentence(dashed.group("title")):
            cut = dashed.start("suffix")
            out.append(replace(block, lines=(block.text[:cut],)))
            out.append(replace(block, lines=(block.text[cut:],), kind=Kind.FURNITURE, gap_before=0,
                               note="a web page title's site name (after a run of dashes)"))
            continue
        if glued and not labels.ends_sentence(glued.group("title")) and is_site_name(to_simplified(glued.group("site"))):
            cut = glued.start("suffix")
            out.append(replace(block, lines=(block.text[:cut],)))
            out.append(replace(block, lines=(block.text[cut:],), kind=Kind.FURNITURE, gap_before=0,
                               note="a web page title's site name"))
            continue
        out.append(block)
    return out


_SUMMARY_CLAUSE_MARK = re.compile(r"[，；,;]")


def _mark_summaries(blocks: list[Block]) -> list[Block]:
    """A sentence of the page's first blocks that a later block holds (its final mark aside) is a summary."""
    marked = list(blocks)
    texts = [squeeze(b.text) for b in blocks]
    for i, block in enumerate(blocks[:SUMMARY_BLOCKS]):
        key = texts[i].rstrip("。！？…")
        # a summary is a sentence; a title the lead repeats word for word stays the title, and so does the
        # line over the publication line (a headline may list with 、: 宣讲、征文比赛颁奖活动举行)
        sentence = labels.ends_sentence(block.text) or bool(_SUMMARY_CLAUSE_MARK.search(block.text))
        over_publication_line = i + 1 < len(blocks) and blocks[i + 1].kind is Kind.META
        if block.kind is Kind.TEXT and len(block.lines) == 1 and len(key) >= SUMMARY_MIN_CHARS and sentence \
                and not over_publication_line:
            later = next((j for j in range(i + 1, len(blocks)) if key in texts[j] and len(texts[j]) > len(texts[i])),
                         None)
            if later is not None:
                marked[i] = replace(block, kind=Kind.REPEAT, weak=True,
                                    note=f"a summary that line {blocks[later].first_line} repeats")
    return marked


def split_bracketed_titles(blocks: list[Block]) -> list[Block]:
    """'【市总工会表彰十佳好事】6月14日，市总工会……': an item's title in brackets, run into its text.

    Yearbooks and roundups print each short item this way.  The title becomes
    a line of its own, marked as a heading, so it opens an article; its
    brackets go, as a heading's '#' does.  A short bracketed word (【编者按】,
    【同期声】) is a label of the paragraph, not a title.

    >>> [(b.heading_level, b.text) for b in split_bracketed_titles(group_lines(["【市总工会表彰职工十佳好事】6月14日，市总工会表彰十件好事。"]))]
    [(1, '市总工会表彰职工十佳好事'), (0, '6月14日，市总工会表彰十件好事。')]
    >>> [b.text for b in split_bracketed_titles(group_lines(["【同期声】刘师傅说：很好。"]))]
    ['【同期声】刘师傅说：很好。']
    """
    out: list[Block] = []
    for block in blocks:
        match = _BRACKETED_TITLE.match(block.text) if len(block.lines) == 1 and block.kind is Kind.TEXT else None
        rest = match.group("rest") if match else ""
        # (【基层工会动态】 before a headline is the channel's label: split_headline_labels reads it)
        if match and (is_body(rest) or _CLAUSE_MARK.search(rest)) and not labels.ends_sentence(match.group("title")) \
                and not is_channel_name(match.group("title")):
            cut = match.start("rest")
            out.append(replace(block, lines=(match.group("title").strip(),), heading_level=1,
                               note="a bracketed title opens an item"))
            out.append(replace(block, lines=(block.text[cut:],), gap_before=0, indented=False))
            continue
        out.append(block)
    return out


_ORIGINAL_TITLE = re.compile(r"^(?P<label>原(?:标题|標題|题目|題目)\s*[：:]\s*)(?P<title>\S.*)$")


def split_lone_original_title(blocks: list[Block]) -> list[Block]:
    """A page whose only headline is its original-title line (原标题：…) has that title for its headline.

    A repost prints its own headline and the original under it, and the
    ``原标题`` line goes (furniture); a copy that kept only the original line
    would lose its headline with it.  Where no title line stands above it, the
    label alone goes.

    | the page opens with                       | becomes                                  |
    | ----------------------------------------- | ---------------------------------------- |
    | 原标题：某区总工会开展送温暖 / 正文        | label dropped, 某区总工会开展送温暖 the title |
    | 某地职工运动会开幕 / 原标题：… / 正文       | unchanged: the 原标题 line is dropped      |

    >>> page = ["原題目：某區總工會開展送溫暖", "", "本報訊 近日，某區總工會慰問職工。"]
    >>> [(b.kind.value, b.text) for b in split_lone_original_title(mark_labels(group_lines(page)))]
    [('furniture', '原題目：'), ('text', '某區總工會開展送溫暖'), ('text', '本報訊 近日，某區總工會慰問職工。')]
    >>> page = ["某地职工运动会开幕", "", "原标题：运动会开幕", "", "正文。"]
    >>> [b.kind.value for b in split_lone_original_title(mark_labels(group_lines(page)))]
    ['text', 'furniture', 'text']
    """
    for index, block in enumerate(blocks):
        if block.kind is Kind.TEXT:
            return blocks
        match = _ORIGINAL_TITLE.match(block.text) if block.kind is Kind.FURNITURE and len(block.lines) == 1 else None
        if match and not is_body(match.group("title")):
            label = replace(block, lines=(match.group("label"),), note="the label of the page's original title")
            title = replace(block, lines=(match.group("title"),), kind=Kind.TEXT, note="", gap_before=0)
            return blocks[:index] + [label, title] + blocks[index + 1:]
    return blocks


def split_headline_labels(blocks: list[Block]) -> list[Block]:
    """A column or series label printed in front of the headline on its line becomes a label line of its own.

    Web pages put the column or the campaign a story belongs to before its
    title, in brackets or before a bar, at the head of the page (lower down,
    such lines list other stories).  The label opens the page as a label
    line does (a column when it is one the publication knows, a series banner
    otherwise) and the headline stands alone.  A bracketed title run into
    running text is an item's title (``split_bracketed_titles``); a bar between
    two names is a masthead; a line of several bars is a menu.

    | line                                      | label                 | headline           |
    | ----------------------------------------- | --------------------- | ------------------ |
    | 【两节送温暖·暖闻】某地开展暖冬专项行动   | 两节送温暖·暖闻       | 某地开展暖冬专项行动 |
    | 改革进行时|小站“藏”大爱 建成500个驿站     | 改革进行时            | 小站“藏”大爱 …     |
    | 渝工暖心｜某区总工会为职工送清凉          | 渝工暖心 (a column)   | 某区总工会为职工送清凉 |
    | 某某日报 | 某某晚报                       | (a masthead: no split) |                    |
    | 信息来源：某区总工会 | 发布时间 2023-05-29 | (a publication line: no split) |            |
    | 【同期声】刘师傅说：很好。                | (running text: no split) |                 |

    >>> [(b.kind.value, b.text) for b in split_headline_labels(group_lines(["【两节送温暖·暖闻】某地开展暖冬专项行动"]))]
    [('banner', '两节送温暖·暖闻'), ('text', '某地开展暖冬专项行动')]
    >>> [(b.kind.value, b.text) for b in split_headline_labels(group_lines(["渝工暖心｜某区总工会为职工送清凉"]))]
    [('column', '渝工暖心'), ('furniture', '｜'), ('text', '某区总工会为职工送清凉')]
    >>> [b.text for b in split_headline_labels(group_lines(["某某日报 | 某某晚报", "", "【同期声】刘师傅说：很好。", "",
    ...                                                       "信息来源：某区总工会 | 发布时间 2023-05-29"]))]
    ['某某日报 | 某某晚报', '【同期声】刘师傅说：很好。', '信息来源：某区总工会 | 发布时间 2023-05-29']
    """
    out: list[Block] = []
    # the page's head: lower down such lines list other stories (时政丨…); the first line is always of it
    # (a headline ending on ！ with a colon reads as running text to _top_matter_end)
    top = max(_top_matter_end(blocks), 1)
    for index, block in enumerate(blocks):
        match = _LABELLED_HEADLINE.match(block.text) if (index < top and len(block.lines) == 1
                                                         and block.kind is Kind.TEXT) else None
        label = (match.group("bracketed") or match.group("barred")).strip() if match else ""
        headline = match.group("headline").strip() if match else ""
        # (a headline may end with ！ or ？, 托管班开班啦！; a full stop ends running text)
        if not match or is_body(headline) and not _exclaimed_headline(headline) or labels.ends_sentence(label) \
                or any(is_site_name(to_simplified(part)) for part in (label, headline)) \
                or any(mark in label for mark in "：:") or parse_publication_line(block.text) is not None \
                or parse_publication_line(headline) is not None:
            # (信息来源：某区总工会 | 发布时间 2023-05-29 is a publication line: its fields, not a label)
            out.append(block)
            continue
        column = labels.is_column_label(to_simplified(label))
        out.append(replace(block, lines=(label,), kind=Kind.COLUMN if column else Kind.BANNER,
                           note="a column label printed before the headline" if column
                           else "a series label printed before the headline"))
        if match.group("bar"):
            # the bar goes to the drop list: 丨 is a character, and every character is published or logged
            out.append(replace(block, lines=(match.group("bar"),), kind=Kind.FURNITURE, gap_before=0,
                               note="the bar between a label and its headline"))
        out.append(replace(block, lines=(headline,), gap_before=0))
    return out


def _exclaimed_headline(text: str) -> bool:
    """A headline-long line ending on ！ or ？, clause marks and all (某市：工会驿站托管班开班啦！).

    After a label and its bar such a line is the headline; running text ends on 。.

    >>> _exclaimed_headline("某市：托管班开班啦！"), _exclaimed_headline("某区总工会为职工送清凉。")
    (True, False)
    """
    return len(text) <= HEADING_MAX_CHARS and text.rstrip(labels.CLOSERS + " ").endswith(("！", "？", "!", "?"))


CONTACT_NAME_MAX_CHARS = 30


def mark_contact_names(blocks: list[Block]) -> list[Block]:
    """The short name line right above a contact block (电话：… / 地址：…) is the block's: a firm's or the site's.

    >>> page = ["某某建筑工程有限公司", "电话：023-61260077", "地址：某区某路8号", "", "9月27日，某区职工技能大赛开赛。"]
    >>> [(b.kind.value, b.text[:6]) for b in mark_contact_names(mark_labels(split_runs(group_lines(page), page_layout(page))))]
    [('furniture', '某某建筑工程'), ('furniture', '电话：023'), ('furniture', '地址：某区某'), ('text', '9月27日，')]
    """
    marked = list(blocks)
    for index, (block, below) in enumerate(zip(blocks, blocks[1:])):
        if (block.kind is Kind.TEXT and len(block.lines) == 1 and below.kind is Kind.FURNITURE
                and is_contact_line(below.text) and len(block.text) <= CONTACT_NAME_MAX_CHARS
                and not labels.ends_sentence(block.text) and not _CLAUSE_OR_COLON.search(block.text)
                and len(CJK_IDEOGRAPH.findall(block.text)) >= CAPTION_MIN_HAN):
            marked[index] = replace(block, kind=Kind.FURNITURE, weak=True,
                                    note="the name over a contact block (telephone, address: a firm's or the site's)")
    return marked


def join_lone_datelines(blocks: list[Block]) -> list[Block]:
    """A dateline printed alone on its line opens the lead below it, not the title block above.

    A copy may give the dateline a line of its own (本报讯 / 近日，…); it is the
    lead's opening, as the paper prints it, and so no subtitle of the headline.

    >>> page = ["某区总工会开展送温暖活动", "", "本报讯", "", "近日，某区总工会慰问职工100人。", "", "职工表示感谢。"]
    >>> [(b.kind.value, b.text) for b in join_lone_datelines(mark_labels(group_lines(page)))]
    [('text', '某区总工会开展送温暖活动'), ('text', '本报讯 近日，某区总工会慰问职工100人。'), ('text', '职工表示感谢。')]

    | the line                 | the next block         | becomes                      |
    |--------------------------|------------------------|------------------------------|
    | 本报讯 / 某某网消息        | running text           | the lead's opening           |
    | 华龙网讯（记者 张三）      | running text           | the lead's opening           |
    | 本报讯                    | a title, or nothing    | left as it is                |
    """
    out: list[Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if (block.kind is Kind.TEXT and len(block.lines) == 1 and not block.heading_level
                and labels.is_lone_dateline(block.text) and following is not None
                and following.kind is Kind.TEXT and is_body(following.text)):
            joined = (f"{block.text.strip()} {following.lines[0].lstrip()}",) + following.lines[1:]
            out.append(replace(following, lines=joined, first_line=block.first_line, gap_before=block.gap_before))
            index += 2
            continue
        out.append(block)
        index += 1
    return out


def mark_headline_parts(blocks: list[Block]) -> list[Block]:
    """Short lines under the headline that print its own parts again (its subtitle, phrase by phrase) are repeats.

    A web page sets its headline's subtitle again as display lines over the
    text; each is a phrase of the headline line, between its marks (——, --, ，).

    | headline line                           | line below      | result                 |
    | --------------------------------------- | --------------- | ---------------------- |
    | 工会帮你带娃--托举童年美好，守护职工无忧  | 托举童年美好     | repeat (a part of it)  |
    | 工会帮你带娃--托举童年美好，守护职工无忧  | 托举童年        | kept (not a whole part) |
    | 标题甲 标题乙 标题丙 (an index)           | 标题乙          | kept (spaces part an index's titles) |

    >>> page = ["工会帮你带娃--托举童年美好，守护职工无忧", "", "托举童年美好", "", "守护职工无忧", "", "近日，某县总工会开办托管班。"]
    >>> [b.kind.value for b in mark_headline_parts(group_lines(page))]
    ['text', 'repeat', 'repeat', 'text']
    """
    top = _top_matter_end(blocks)
    head = next((i for i, b in enumerate(blocks[:top]) if b.kind is Kind.TEXT), None)
    if head is None or len(blocks[head].lines) != 1:
        return blocks
    # the parts after the first (its subtitle's phrases), in the lines right under it: the first part
    # printed alone lower down is the headline over the article (a page title's site name cut off)
    parts = {part for part in _HEADLINE_PART_MARKS.split(squeeze(blocks[head].text))[1:] if part}
    marked = list(blocks)
    for i in range(head + 1, top):
        block = blocks[i]
        if block.kind in (Kind.TEXT, Kind.CAPTION) and len(block.lines) == 1 and squeeze(block.text) in parts:
            marked[i] = replace(block, kind=Kind.REPEAT,
                                note=f"prints a part of the headline (line {blocks[head].first_line}) again")
        elif block.kind is Kind.TEXT and len(CJK_IDEOGRAPH.findall(block.text)) >= CAPTION_MIN_HAN:
            break                # (a counter's 0 between them is furniture still to be read)
    return marked


_HEADLINE_PART_MARKS = re.compile(r"\s*(?:——|--|—|-|－|，|,|：|:)\s*")


def mark_teasers(blocks: list[Block]) -> list[Block]:
    """Mark top-of-page lines that repeat what comes later: teasers and the page's headline index.

    Front pages print a teaser of an inside title; e-paper copies open with the
    page's headline index, its titles run together on one line or one per
    line.  The article keeps the title, the teaser goes to the drop list.  A
    line of the top matter made mostly of two or more other title lines of the
    top matter is the index, and so is every line the index holds.

    >>> blocks = mark_teasers(group_lines(["建立区县工会互通机制", "", "正文。", "", "建立区县工会互通机制", "", "代表认为。"]))
    >>> [b.kind.value for b in blocks]
    ['teaser', 'text', 'text', 'text']
    >>> ended = ["让技能人才精彩出圈把温暖送到职工身边某市工会服务户外劳动者日活动启动某市总工会开展文艺演出八进活动", "",
    ...          "某市总工会开展文艺演出八进活动", "", "本报讯 1月13日，某市总工会开展文艺演出活动。"]
    >>> [b.kind.value for b in mark_teasers(group_lines(ended))]
    ['teaser', 'text', 'text']
    >>> index = ["职工运动会开幕劳模宣讲进社区", "职工运动会开幕", "劳模宣讲进社区", "", "职工运动会开幕", "", "近日，运动会开幕。"]
    >>> [b.kind.value for b in mark_teasers(split_runs(group_lines(index), page_layout(index)))]
    ['teaser', 'teaser', 'teaser', 'text', 'text']

    The headline the index names is the title, and a line above it its kicker:

    >>> kicked = ["职工运动会开幕劳模宣讲进社区", "职工运动会开幕", "劳模宣讲进社区", "", "新春新气象", "", "劳模宣讲进社区",
    ...           "", "近日，劳模走进社区宣讲。"]
    >>> [(b.kind.value, b.heading_level) for b in mark_teasers(split_runs(group_lines(kicked), page_layout(kicked)))][3:]
    [('text', 0), ('text', 1), ('text', 0)]

    A web headline over its publication line stays; the page prints it again
    lower down as a photo's alt text, and that copy goes:

    A headline on two lines, printed again in the e-paper's footer under the text, stays whole:

    >>> footer = ["我省31人获", "全国五一劳动奖章", "", "本报讯 4月27日，表彰大会举行。", "", "某某日报 要闻 我省31人获",
    ...           "全国五一劳动奖章"]
    >>> [b.kind.value for b in mark_teasers(split_runs(group_lines(footer), page_layout(footer)))]
    ['text', 'text', 'text', 'text', 'text']

    >>> web = ["职工运动会开幕", "", "来源：某某网 2024-05-01 10:00", "", "近日，运动会开幕。", "", "职工运动会开幕"]
    >>> [b.kind.value for b in mark_teasers(mark_labels(group_lines(web)))]
    ['text', 'meta', 'text', 'repeat']

    and so does a headline printed again only where the photos stand (as their captions' titles):

    >>> photos = ["返岗工友 一起看灯去", "", "", "工友们一起来赏灯。", "", "", "返岗工友 一起看灯去", "", "", "在重庆工作多年，他们从未看过夜景。"]
    >>> [b.kind.value for b in mark_teasers(mark_captions(mark_labels(group_lines(photos))))]
    ['text', 'caption', 'repeat', 'text']
    """
    keys = [squeeze(block.text) for block in blocks]
    last_seen = {key: index for index, key in enumerate(keys)}
    top = min(_top_matter_end(blocks), INDEX_TOP_BLOCKS)
    indexes = _headline_indexes(blocks, keys, top)
    index_texts = [keys[i] for i in indexes]
    title = _first_title(blocks, top, indexes)
    web_headline = title >= 0 and _over_publication_line(blocks, title)
    # the headline printed again only where photos stand (a short line between gaps) is their alt text
    copies = [j for j in range(title + 1, len(blocks)) if title >= 0 and keys[j] == keys[title]]
    alt_copies = bool(copies) and all(blocks[j].kind in (Kind.CAPTION, Kind.REPEAT) for j in copies)
    # the page's index names the first article's headline: a line above it in the title block is its kicker
    # (or lists it one title per line above it: the same line printed earlier in the top matter)
    indexed_title = title >= 0 and (any(keys[title] in text for text in index_texts)
                                    or any(keys[i] == keys[title] for i in range(min(top, title))))
    # a line repeated only after the page's last paragraph is the footer naming the story again, no index
    last_paragraph = max((i for i, b in enumerate(blocks) if b.kind is Kind.TEXT and is_body(b.text)), default=-1)
    marked = []
    for index, block in enumerate(blocks):
        key = keys[index]
        # (also right under the publication line: a site prints its headline again over the text)
        if web_headline and index > title + 1 and key == keys[title] and block.kind is Kind.TEXT \
                and len(block.lines) == 1 \
                or alt_copies and index in copies:
            block = replace(block, kind=Kind.REPEAT,
                            note=f"repeats the headline (line {blocks[title].first_line})"
                                 + (", as a photo's alt text" if index > top or alt_copies else " over the text"))
        elif index == title and alt_copies:
            pass                # the headline itself, printed again only as its photos' titles: it stays
        elif index == title and indexed_title and not block.heading_level:
            block = replace(block, heading_level=1, note="the headline the page's headline index names")
        elif index in indexes:
            block = replace(block, kind=Kind.TEASER, note="the page's headline index (its titles run together)")
        elif index < top and block.kind is Kind.TEXT and len(block.lines) == 1 and _is_index_entry(block.text) \
                and not _over_running_text(blocks, index) and not _over_publication_line(blocks, index):
            block = replace(block, kind=Kind.TEASER, note="an entry of the page's headline index")
        elif index < top and block.kind is Kind.TEXT and len(block.text) <= CAPTION_MAX_CHARS:
            later = last_seen[key]
            # a web headline stands over its publication line; a photo's alt text may repeat it lower down
            if index < later < last_paragraph and not _over_publication_line(blocks, index):
                block = replace(block, kind=Kind.TEASER, note=f"repeats line {blocks[later].first_line}")
            elif index != title and any(key in text for text in index_texts):
                block = replace(block, kind=Kind.TEASER, note="a title of the page's headline index")
        marked.append(block)
    return _index_neighbours(marked, top)


def _index_neighbours(blocks: list[Block], top: int) -> list[Block]:
    """Title lines printed in one run with an index entry the page repeats are the index's other entries.

    An e-paper lists its page's titles one per line, with no blank line between
    them; the entry the page prints again as a headline is found by the repeat,
    and the titles around it in the same run are the page's other stories.

    >>> page = ["第03版：工会", "某区总工会开办托管班", "劳动者带上微笑照回家过年", "某区开展交通安全宣讲", "",
    ...         "劳动者带上微笑照回家过年", "", "本报讯 近日，市总工会为劳动者拍摄微笑照。"]
    >>> [b.kind.value for b in page_blocks(page)]
    ['meta', 'teaser', 'teaser', 'teaser', 'text', 'text']
    """
    marked = list(blocks)
    frontier = [i for i in range(min(top, len(marked)))
                if marked[i].kind is Kind.TEASER and marked[i].note.startswith("repeats line")]
    while frontier:
        i = frontier.pop()
        for j, touching in ((i - 1, marked[i].gap_before == 0),
                            (i + 1, i + 1 < len(marked) and marked[i + 1].gap_before == 0)):
            if not (0 <= j < top and touching):
                continue
            neighbour = marked[j]
            # (an index's title may end on its question, 荷兰园真有荷兰人？, and so be guessed a caption)
            if ((neighbour.kind is Kind.TEXT or neighbour.kind is Kind.CAPTION and neighbour.weak)
                    and not neighbour.heading_level and all(_index_title(line) for line in neighbour.lines)):
                marked[j] = replace(neighbour, kind=Kind.TEASER,
                                    note="an entry of the page's headline index (in one run with a repeated title)")
                frontier.append(j)
    return marked


def _headline_indexes(blocks: list[Block], keys: list[str], top: int) -> set[int]:
    """The top matter's lines that are a page's headline index: its own title lines run together on one line.

    Such a line holds two or more of the top matter's title lines that make
    up most of it, or titles run together with spaces and no clause or
    sentence mark, or one title it runs on from, unpunctuated, to several
    times its length (the headline first, last or among others).
    """
    titles = {keys[i] for i in range(top) if blocks[i].kind in (Kind.TEXT, Kind.TEASER) and len(blocks[i].lines) == 1
              and 4 <= len(keys[i]) <= CAPTION_MAX_CHARS}
    indexes = set()
    for i in range(top):
        if blocks[i].kind is not Kind.TEXT or len(keys[i]) > INDEX_MAX_CHARS:
            continue
        held = [t for t in titles if t != keys[i] and t in keys[i]]
        unpunctuated = not _SENTENCE_OR_CLAUSE.search(blocks[i].text)
        bare_titles = len(blocks[i].text.split()) >= 4 and unpunctuated
        # (a headline held anywhere in the line; a short word, a site's name, only where the line opens with it)
        runs_on = unpunctuated and any(
            len(keys[i]) >= INDEX_RUN_ON * len(t) and (len(t) >= INDEX_TITLE_MIN_CHARS or keys[i].startswith(t)
                                                       and len(keys[i]) >= INDEX_RUN_ON_SHORT * len(t))
            for t in held)
        if runs_on or len(held) >= 2 and (bare_titles or sum(map(len, held)) >= INDEX_COVERAGE * len(keys[i])):
            indexes.add(i)
    return indexes


def _first_title(blocks: list[Block], top: int, indexes: set[int]) -> int:
    """The first article's title: the last title line of the top matter, wherever else it was printed (-1: none).

    A subtitle under it opens with a dash (——某某侧记); a name alone under it
    is the writer's; running text under it, a short sentence or paragraphs
    ending on ；, is the lead.  Where the page's headline index names one of
    the title lines, that one is the title, even with a crosshead under it:

    >>> page = ["某某省工人报官方网站 专题 冬日送温暖 情暖职工心 广告", "", "冬日送温暖 情暖职工心", "",
    ...         "——全省工会送温暖纪实", "", "东城", "", "图为市总工会主席看望困难职工。 张三 摄", "", "西城", "", "市总工会筹集资金五十万元，发放到特困职工手中。"]
    >>> [(b.heading_level, b.text) for b in page_blocks(page) if b.kind is Kind.TEXT][:2]
    [(1, '冬日送温暖 情暖职工心'), (0, '——全省工会送温暖纪实')]
    """
    # a site that prints its headline over the publication line and again under it names its title
    for i in range(top):
        if blocks[i].kind is Kind.TEXT and i + 2 < top and blocks[i + 1].kind is Kind.META \
                and blocks[i + 2].kind is Kind.TEXT and squeeze(blocks[i + 2].text) == squeeze(blocks[i].text):
            return i
    candidates = [i for i in range(top) if blocks[i].kind is Kind.TEXT and i not in indexes
                  and not blocks[i].text.startswith(("—", "--")) and not labels.names_only(blocks[i].text)
                  and not is_body(blocks[i].text)]
    # the one the page's headline index names, above a crosshead or a place name the top matter runs on to
    index_texts = [squeeze(blocks[i].text) for i in indexes]
    named = [i for i in candidates if len(key := squeeze(blocks[i].text)) >= RECORDED_TITLE_MIN_CHARS
             and any(key in text for text in index_texts) and not is_site_name(to_simplified(blocks[i].text))]
    return max(named or candidates, default=-1)


def mark_recorded_headline(blocks: list[Block]) -> list[Block]:
    """The title line a publication line names (an e-paper's record of the page) is the headline.

    E-paper systems print a record of the page (paper, page, headline, date)
    under the text; where the title block has two lines, the one the record
    names is the headline and the other its kicker.

    >>> page = ["某某日报 数字报纸", "", "省总工会慰问团分赴全省各地", "", "为一线职工送清凉", "", "本报讯 今天起，慰问团赴各地慰问一线职工。", "",
    ...         "某某日报 要闻 00002 为一线职工送清凉 2010-07-21 nw.D100_20100721_6-00002 2 2010年07月21日 星期三"]
    >>> [(b.heading_level, b.text) for b in mark_recorded_headline(mark_labels(group_lines(page)))][1:3]
    [(0, '省总工会慰问团分赴全省各地'), (1, '为一线职工送清凉')]
    """
    top = _top_matter_end(blocks)
    records = _page_records(blocks[top:])
    titles = [i for i in range(top) if blocks[i].kind is Kind.TEXT and len(blocks[i].lines) == 1
              and not is_body(blocks[i].text) and len(squeeze(blocks[i].text)) >= RECORDED_TITLE_MIN_CHARS]
    if not records or len(titles) < 2 or any(blocks[i].heading_level for i in titles):
        return blocks
    named = [i for i in titles if _named_by_record(blocks[i].text, records)]
    if len(named) != 1:
        return blocks
    marked = list(blocks)
    at = named[0]
    marked[at] = replace(blocks[at], heading_level=1, note="the headline the page's record names")
    return marked


RECORDED_TITLE_MIN_CHARS = 4


def _top_matter_end(blocks: list[Block]) -> int:
    """Index of the first block of running text: only the top matter above it holds teasers.

    So a section heading that two articles share is never taken for one.
    """
    for index, block in enumerate(blocks):
        if block.kind is Kind.TEXT and labels.ends_sentence(block.text) and is_body(block.text) \
                and not _asked_in_a_title_run(blocks, index):
            return index
    return len(blocks)


def _asked_in_a_title_run(blocks: list[Block], index: int) -> bool:
    """A short question touching a title line of no mark: one title of an index printed one per line.

    (职工书屋真能借到新书？ over 某区举办职工技能大赛, no blank line between: an e-paper's page index.)

    >>> blocks = group_lines(["职工书屋真能借到新书？", "某区举办职工技能大赛", "", "你知道吗？", "", "近日，某区举办大赛。"])
    >>> [_asked_in_a_title_run(split_runs(blocks, page_layout(["x"])), i) for i in (0, 2)]
    [True, False]
    """
    block = blocks[index]
    if len(block.lines) != 1 or not _index_title(block.text):
        return False
    neighbours = [blocks[index - 1]] if index > 0 and block.gap_before == 0 else []
    if index + 1 < len(blocks) and blocks[index + 1].gap_before == 0:
        neighbours.append(blocks[index + 1])
    return any(n.kind is Kind.TEXT and len(n.lines) == 1 and len(n.text) <= CAPTION_MAX_CHARS
               and not _ANY_MARK.search(n.text) for n in neighbours)


def _index_title(line: str) -> bool:
    """A line shaped as one title of a page's index: short, no mark but a final ？ or ！.

    Marks inside a quotation or a book title are the quoted words' own (推动“藏粮于地、藏粮于技”落实落地).

    >>> _index_title("职工书屋真能借到新书？"), _index_title("近日，某区举办大赛。")
    (True, False)
    >>> _index_title("推动“学习、宣传、贯彻”落地见效"), _index_title("学习、宣传、贯彻落地见效")
    (True, False)
    """
    return len(line) <= CAPTION_MAX_CHARS and not _ANY_MARK.search(_QUOTED.sub("", line.rstrip("？！?!")))


def correct_kinds(blocks: list[Block], kinds: dict[int, str]) -> tuple[list[Block], list[int]]:
    """An editor's corrections (source line → 'text' | 'caption' | 'furniture' | 'credit') applied to the blocks.

    A block that starts at a corrected line takes that kind; returns the blocks
    and the corrected lines no block starts at (for the editor to be told).

    >>> blocks, missed = correct_kinds(mark_labels(group_lines(["中工娱乐", "", "正文。"])), {1: "text", 9: "caption"})
    >>> [(b.kind.value, b.note) for b in blocks], missed
    ([('text', "editor's override"), ('text', '')], [9])
    """
    starts = {block.first_line for block in blocks}
    # the kinds an editor may name are Kind values (overrides.LINE_KINDS)
    out = [replace(b, kind=Kind(kinds[b.first_line]), note="editor's override", weak=False,
                   heading_level=0 if kinds[b.first_line] != "text" else b.heading_level)
           if b.first_line in kinds else b for b in blocks]
    return out, sorted(line for line in kinds if line not in starts)


def page_blocks(lines: list[str], hard_breaks: frozenset[int] = frozenset(),
                indented: frozenset[int] = frozenset()) -> list[Block]:
    """All block passes, in order."""
    layout = page_layout(lines, indented)
    blocks = split_headline_labels(split_bracketed_titles(split_title_suffixes(split_glued_publication_lines(split_leading_machine_date(
        split_captions_before_dateline(split_inline_image_addresses(split_flattened_paragraphs(
            split_short_line_runs(split_runs(split_menu_lines(group_lines(lines, hard_breaks)), layout)), layout))))))))
    blocks = mark_photo_runs(mark_layout_captions(mark_closing_captions(mark_photo_news(mark_item_heads(mark_photo_report(mark_photo_story(split_paragraph_before_photo_note(mark_captions(join_lone_datelines(mark_numbered_photo_titles(mark_name_over_breadcrumb(split_path_titles(split_lone_original_title(mark_contact_names(mark_labels(blocks))))))))))))))))
    return mark_headline_printed_again(mark_headline_the_lead_repeats(mark_lead_byline(mark_page_chrome(mark_captions_of_credited_photos(mark_dated_photo_caption(mark_captions_under_photo_headline(mark_captions_above_the_dateline(mark_head_photo_caption(mark_exclaimed_headline(mark_web_headline(mark_day_under_headline(mark_recorded_headline(
        mark_teasers(mark_headline_parts(mark_repeats(blocks))))))))))))))))
