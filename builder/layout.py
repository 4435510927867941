"""Layout: how a copy laid out its paragraphs, and paragraphs cut by the page layout joined again.

Copies of a page come in two layouts.  E-paper dumps separate paragraphs by
blank lines and keep lines that belong together (a two-line title) in one run;
web copies often put one paragraph on each line with no blank line at all,
sometimes indented.  ``page_layout`` reads which one a page is from the page
itself: whether consecutive lines of running text have blank lines between
them, which lines are indented, and whether many lines end at the same width
without finishing a sentence (an export wrapped at a fixed width).

A newspaper column ends wherever the column ends, so a dump shows
``…率先创新开展劳`` and, one blank line (or a photo caption) later,
``模“亮身份”活动…``.  ``cut_reason`` decides whether a block is such a cut;
``rejoin`` glues the halves and keeps any caption that stood between them,
to be shown after the whole paragraph.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from . import labels
from .text import SENTENCE_ENDS, ends_a_sentence_inside, is_han, squeeze
from .text.segment import tokenizer
from .model import Block, Kind

HEADING_MAX_CHARS = 45
EXCLAIMED_HEADLINE_MAX_CHARS = 30
_CLAUSE_MARKS = re.compile(r"[，,、；;：:]")
# A phrase that ends on one of these marks, or on one of these function words
# standing alone, cannot be a finished heading.
_OPEN_PUNCTUATION = set("、，,；;（(“‘《")
_FUNCTION_WORDS = set("的地得和与及或并而在于以把被将对从向由等之其所且")
# A line that opens with an enumerator starts a new item, whatever ended the line before.
_ENUMERATOR = re.compile(r"^([一二三四五六七八九十]+是|[一二三四五六七八九十]+[、是]|[（(][一二三四五六七八九十\d]+[)）]"
                         r"|\d+[.、．]|其[一二三四五六七八九十]|第[一二三四五六七八九十]+[，、是])")
# a dated item of a list (12月7日，… ; 2020年12月4日，…): a line ending on ； before it closed an item
_DATED_ITEM = re.compile(r"^((19|20)\d{2}年)?\d{1,2}月\d{1,2}日")


# a page "puts one paragraph per line" when at least this share of the steps from
# one line of running text to the next has no blank line between them
LINE_PARAGRAPH_SHARE = 0.5
WRAP_MIN_LINES = 4           # lines ending at one width before that width counts as a wrap
WRAP_MIN_CHARS = 16
REPEAT_MIN_CHARS, REPEAT_MAX_CHARS = 4, 80   # lines whose repetition is a signal (not 了解 or a paragraph)
TOP_LINES = 60               # the top of a page, where a headline index stands


@dataclass(frozen=True)
class PageLayout:
    """How one page's copy lays out paragraphs, read from the page (see ``page_layout``)."""

    lines_are_paragraphs: bool = False
    wrap_width: int = 0               # lines were cut at this many characters (0: no fixed width)
    indented: frozenset[int] = frozenset()
    repeated: frozenset[str] = frozenset()   # short lines printed twice, or inside another line of the top
    spaces_sentence_ends: bool = False       # the copy puts a space after every sentence end, short lines too
    evidence: str = ""

    def repeats(self, line: str) -> bool:
        return squeeze(line) in self.repeated

    def continues(self, line: str, number: int) -> bool:
        """The line ``line`` runs to the wrap width, so the next line (``number``) continues it."""
        return bool(self.wrap_width) and len(line) >= self.wrap_width - 1 and number not in self.indented


def page_layout(lines: list[str], indented: frozenset[int] = frozenset()) -> PageLayout:
    """Read a page's paragraph layout from its own lines (1-based ``indented`` line numbers).

    >>> page_layout(["标题", "第一段。", "第二段。", "第三段。"]).lines_are_paragraphs
    True
    >>> page_layout(["标题", "", "第一段。", "", "第二段。", "", "第三段。"]).lines_are_paragraphs
    False
    >>> wrapped = ["近年来全区工会组织开展职工技能竞赛活动", "覆盖企业三百余家参赛职工达到两万人次获"] * 3 + ["奖。"]
    >>> page_layout(wrapped).wrap_width
    19
    """
    numbered = [(n, line) for n, line in enumerate(lines, start=1) if line]
    steps = [(a, b) for a, b in zip(numbered, numbered[1:]) if is_body(a[1]) and is_body(b[1])]
    tight = sum(b[0] == a[0] + 1 for a, b in steps)
    by_line = bool(steps) and tight / len(steps) >= LINE_PARAGRAPH_SHARE and tight >= 2
    width = _wrap_width([line for _, line in numbered])
    spaced = _spaces_sentence_ends([line for _, line in numbered])
    evidence = (f"{tight} of {len(steps)} steps between lines of running text have no blank line"
                + (f"; lines wrapped at {width} characters" if width else "")
                + ("; a space after every sentence end" if spaced else ""))
    return PageLayout(by_line and not width, width, frozenset(indented),
                      _repeated_lines([line for _, line in numbered]), spaced, evidence)


_SENTENCE_END_INSIDE = re.compile(rf"[{SENTENCE_ENDS}][”’」』]?(?=(\s?).)")
SPACED_ENDS_MIN = 3          # spaced sentence ends inside short lines that show the copy's style
SPACED_ENDS_SHARE = 0.8
SHORT_LINE_CHARS = 160       # a paragraph run into a line is longer (blocks.FLATTENED_MIN_CHARS)


def _spaces_sentence_ends(lines: list[str]) -> bool:
    """Whether the copy spaces its punctuation: a space follows nearly every sentence end, in short lines too.

    A copy that runs its paragraphs into one long line leaves a space where each
    paragraph ended and none between the sentences of a paragraph; a copy that
    spaces every mark (``…“奶牛”。 因为正处于哺乳期，``) does so inside short lines
    as well, so its spaces say nothing about paragraphs.

    >>> _spaces_sentence_ends(["她是“奶牛”。 因为正处于哺乳期，", "像她这样的女性。 被称为背奶妈妈。", "然而。 现状正在改变。"])
    True
    >>> _spaces_sentence_ends(["标题", "第一段写完了。第二句。 第二段开始了。"])
    False
    """
    spaced = short_spaced = total = 0
    for line in lines:
        for match in _SENTENCE_END_INSIDE.finditer(line):
            total += 1
            if match.group(1):
                spaced += 1
                short_spaced += len(line) < SHORT_LINE_CHARS
    return short_spaced >= SPACED_ENDS_MIN and spaced >= SPACED_ENDS_SHARE * total


def _repeated_lines(lines: list[str]) -> frozenset[str]:
    """Short lines printed more than once on the page, or inside another line near the top (a headline index).

    >>> sorted(_repeated_lines(["劳模宣讲进社区职工运动会开幕", "劳模宣讲进社区", "正文。", "劳模宣讲进社区"]))
    ['劳模宣讲进社区']
    """
    keys = [squeeze(line) for line in lines]
    counts = Counter(keys)
    short = {k for k in counts if REPEAT_MIN_CHARS <= len(k) <= REPEAT_MAX_CHARS}
    found = {k for k in short if counts[k] > 1}
    top = keys[:TOP_LINES]
    for key in short & set(top):
        if any(key != other and key in other for other in top):
            found.add(key)
    return frozenset(found)




def _wrap_width(lines: list[str]) -> int:
    """The width a fixed-width export cut lines at, or 0: many lines of one length that end mid-sentence.

    >>> _wrap_width(["第一段写完了。"] * 5)
    0

    Only lines of text count: a list of timestamps (2018-03-02 08:58:39, all
    19 characters) is no wrapped paragraph.

    >>> _wrap_width(["2018-03-02 08:58:39"] * 5 + ["第一段写完了，这是一段很长的文字。"])
    0
    """
    long_lines = [line for line in lines if len(line) >= WRAP_MIN_CHARS and sum(map(is_han, line)) * 2 >= len(line)]
    if len(long_lines) < WRAP_MIN_LINES:
        return 0
    width, count = Counter(len(line) for line in long_lines).most_common(1)[0]
    at_width = [line for line in long_lines if width - 1 <= len(line) <= width]
    unfinished = sum(not labels.ends_sentence(line) for line in at_width)
    if count >= WRAP_MIN_LINES and len(at_width) * 2 >= len(long_lines) and unfinished * 3 >= len(at_width) * 2:
        return width
    return 0


MARKED_CROSSHEAD_MAX_CHARS = 20
LIST_MIN_ITEMS = 3            # items numbered in sequence that make a list, not a stray number
LIST_LEAD_IN_MAX_CHARS = 40
NOTE_LINE = re.compile(r"^(注|备注|說明|说明)[：:]")


def list_blocks(blocks: list[Block]) -> frozenset[int]:
    """Indexes of the blocks of numbered lists: running text, though no line of them finishes a sentence.

    Articles end on lists (the stations' addresses, the winners): at least
    three text blocks numbered in sequence (No.1 No.2 No.3, ①②③, 1、2、3、), the
    lead-in above them when it ends on a colon, a note (注：…) right under them.

    >>> page = [Block((t,), n, n) for n, t in enumerate(["新增站点：", "No.1 某某广场驿站", "No.2 某某社区驿站",
    ...                                                  "No.3 某某大厅驿站", "注：其他站点可在APP上查看", "分享到"])]
    >>> sorted(list_blocks(page))
    [0, 1, 2, 3, 4]
    >>> sorted(list_blocks([Block(("1、坚持党建引领",), 1, 1), Block(("全区工会坚持……。",), 2, 2)]))
    []
    """
    members: set[int] = set()
    index = 0
    while index < len(blocks):
        expected, end = 1, index
        while end < len(blocks) and blocks[end].kind is Kind.TEXT and labels.item_number(blocks[end].text) == expected:
            expected, end = expected + 1, end + 1
        if expected - 1 < LIST_MIN_ITEMS:
            index += 1
            continue
        members.update(range(index, end))
        lead = blocks[index - 1] if index else None
        if (lead is not None and lead.kind is Kind.TEXT and lead.text.rstrip().endswith(("：", ":"))
                and len(lead.text) <= LIST_LEAD_IN_MAX_CHARS):
            members.add(index - 1)
        if end < len(blocks) and blocks[end].kind is Kind.TEXT and NOTE_LINE.match(blocks[end].text):
            members.add(end)
            end += 1
        index = end
    return frozenset(members)


def is_body(text: str) -> bool:
    """Running text rather than a title or heading line.

    A headline may end on its exclamation (致敬！最美劳动者！): a short line
    ending on ！ with no clause mark in it is a headline, not a sentence.  (A
    question standing alone is as often a paragraph's opening as a headline.)

    >>> is_body("长寿区总工会“春送岗位”"), is_body("不辜负你们的期望。"), is_body("■渝工强基 聚焦非公经济组织")
    (False, True, True)
    >>> is_body("致敬！最美劳动者！"), is_body("你好，劳动者！")
    (False, True)
    >>> is_body("12月7日，某区总工会邀请劳模宣讲；")      # an item of a list: no heading ends on ；
    True
    >>> is_body("■ 户外劳动者综合服务站为城市添彩")      # a crosshead after its mark: one phrase, no mark
    False
    >>> is_body("各乡镇人民政府、街道办事处："), is_body("重庆市总工会：")   # a salutation; a name before its news
    (True, False)
    """
    if len(text) > HEADING_MAX_CHARS or text.endswith(("；", ";")):
        return True
    if text.endswith(("：", ":")) and re.search(r"[，,、；;]", text):
        return True                   # 各乡镇人民政府、各部门：a notice's salutation, a lead-in: no heading ends so
    if labels.is_bullet_item(text):
        phrase = text[1:].strip()
        return not (phrase and len(phrase) <= MARKED_CROSSHEAD_MAX_CHARS and " " not in phrase
                    and not _CLAUSE_MARKS.search(phrase) and not labels.ends_sentence(phrase))
    if not labels.ends_sentence(text):
        return False
    stripped = text.rstrip(labels.CLOSERS)
    return not (stripped[-1] in "！!" and len(text) <= EXCLAIMED_HEADLINE_MAX_CHARS
                and not _CLAUSE_MARKS.search(text))


def cut_reason(block: Block, following: str, strict: bool = False) -> str:
    """Why ``block`` looks like the first half of a paragraph cut by the layout ('' if it does not).

    ``following`` is the text of the next text block.  Under ``strict`` (the
    title block, where a subtitle may well hold commas and numbers) only a
    word spanning the break, a finished sentence inside the block or an open
    ending count as evidence.

    >>> b = Block(("北碚区总工会在全市率先创新开展劳",), 1, 1)
    >>> cut_reason(b, "模“亮身份”活动，全区127名区级以上劳模")
    "a word spans the break: '劳模'"
    >>> cut_reason(Block(("紧盯政治责任，职工团结奋斗的思想基础更加牢固",), 1, 1), "全区工会旗帜鲜明讲政治。")
    ''
    >>> cut_reason(Block(("12月4日，市总工会开展宣讲活动，劳模代表作宣讲；",), 1, 1), "12月7日，某区总工会邀请劳模宣讲；")
    ''
    >>> cut_reason(Block(("这是一条锤炼工匠的“孵化链”。技能竞赛正催生着产业大军；",), 1, 1), "这是一座贯通产改的“立交桥”。")
    ''
    >>> cut_reason(Block(("已创建工作室21家。工作室既是攻关站，又是练兵场、主平台",), 1, 1), "下一步，某区总工会将深入推进改革。")
    ''
    >>> cut_reason(Block(("区总工会开展送春联活动。向环卫工人送上工会组织的深情关怀",), 1, 1), "活动现场，一副副春联整齐铺展。")
    ''
    """
    text = block.text
    if (len(block.lines) != 1 or block.heading_level or block.kind is not Kind.TEXT
            or labels.ends_sentence(text) or text.endswith(("：", ":"))   # a colon introduces what follows
            or not following or labels.is_bullet_item(following) or following.startswith("—")
            or _ENUMERATOR.match(following) or labels.item_number(following) is not None
            or NOTE_LINE.match(following) or labels.opens_with_dateline(following)
            # a ； ends an item of a list (dated ones) or of a parallel series opening alike (这是一条…；/ 这是一座…)
            or text.endswith(("；", ";")) and (_DATED_ITEM.match(following) or _opens_alike(text, following))):
        return ""
    if labels.opens_paragraph(following) and text[-1] not in _OPEN_PUNCTUATION and not spanning_word(text, following):
        return ""                     # 下一步，… under a line the copy cut short: the next paragraph, not its rest
    if ends_a_sentence_inside(text):
        return "a sentence ends inside it and the last one is unfinished"
    if text[-1] in _OPEN_PUNCTUATION or (text[-1] in _FUNCTION_WORDS and _last_word(text) == text[-1]):
        return f"ends on '{text[-1]}'"
    word = spanning_word(text, following)
    if word:
        return f"a word spans the break: '{word}'"
    if strict:
        return ""
    if len(text) > HEADING_MAX_CHARS:
        return "too long for a heading"
    commas = text.count("，") + text.count(",")
    if commas >= 2:
        return "running text (several commas)"
    if commas and re.search(r"\d", text):
        return "running text (numbers and a comma)"
    return ""


PARALLEL_OPENING_CHARS = 2


def _opens_alike(text: str, following: str) -> bool:
    """Two paragraphs of a parallel series open with the same words (这是一条… / 这是一座…).

    >>> _opens_alike("这是一条孵化链；", "这是一座立交桥。"), _opens_alike("工会开展活动；", "职工积极参加。")
    (True, False)
    """
    head = text[:PARALLEL_OPENING_CHARS]
    return len(head) == PARALLEL_OPENING_CHARS and all(map(is_han, head)) and following.startswith(head)


def wrapped_mid_sentence(before: str, after: str) -> bool:
    """A copy wrapped one sentence across two lines: a word spans the break, or the line ends on an open mark.

    Weaker signs of a layout cut (a long line, several commas) say nothing
    about two lines of one run: the next line may be a teaser.

    >>> wrapped_mid_sentence("今年以来，北碚区总工会在全市率先创新开展劳", "模“亮身份”活动"), wrapped_mid_sentence("全区开展竞赛。", "下一段")
    (True, False)
    >>> wrapped_mid_sentence("企业生产忙 勤把安全抓", "紧贴职工需求")
    False
    """
    if (labels.ends_sentence(before) or not after or not (is_body(before) or _CLAUSE_MARKS.search(before))
            or labels.opens_with_dateline(after)):
        return False               # two title lines (…勤把安全抓 / 紧贴职工需求) are two phrases, not one wrapped
    return before[-1] in _OPEN_PUNCTUATION or bool(spanning_word(before, after))


def spanning_word(before: str, after: str) -> str:
    """A dictionary word that the break cuts in two, or ''.

    >>> spanning_word("北碚区总工会在全市率先创新开展劳", "模“亮身份”活动")
    '劳模'
    >>> spanning_word("更加牢固", "全区工会旗帜鲜明讲政治")
    ''
    """
    left, right = before[-4:], after[:4]
    if not left or not right or not is_han(left[-1]) or not is_han(right[0]):
        return ""
    position = 0
    for token in tokenizer().cut(left + right, HMM=False):
        start, position = position, position + len(token)
        if start < len(left) < position:
            return token
    return ""


def _last_word(text: str) -> str:
    words = list(tokenizer().cut(text[-6:], HMM=False))
    return words[-1] if words else ""


def rejoin(blocks: list[Block], strict_until: int = 0) -> tuple[list[Block], list[str]]:
    """Join every cut paragraph with its continuation; captions between them move after it.

    Returns the new block list and a note per join (for ``explain``).
    Blocks before index ``strict_until`` are judged under the strict rules.

    >>> parts = [Block(("…座谈会”主",), 29, 29), Block(("首届劳模论坛峰会在北碚召开",), 33, 33, kind=Kind.CAPTION),
    ...          Block(("题党日活动，30余名劳模热烈讨论。",), 35, 35)]
    >>> [b.text for b in rejoin(parts)[0]]
    ['…座谈会”主题党日活动，30余名劳模热烈讨论。', '首届劳模论坛峰会在北碚召开']
    """
    out: list[Block] = []
    notes: list[str] = []
    pending_captions: list[Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        index += 1
        if block.kind is not Kind.TEXT:
            out.append(block)
            continue
        # glue as many continuations as follow (a paragraph can be cut twice)
        while True:
            nxt = index
            while nxt < len(blocks) and blocks[nxt].kind is Kind.CAPTION:
                nxt += 1
            if nxt >= len(blocks) or blocks[nxt].kind is not Kind.TEXT:
                break
            following = blocks[nxt]
            if following.heading_level or len(following.lines) != 1 or following.indented:
                break                 # an indented line opens a paragraph of its own
            reason = cut_reason(block, following.text, strict=index - 1 < strict_until)
            if not reason:
                break
            notes.append(f"lines {block.last_line}+{following.first_line}: joined ({reason})")
            pending_captions.extend(blocks[index:nxt])
            block = Block((block.text + following.text,), block.first_line, following.last_line,
                          gap_before=block.gap_before, note="rejoined")
            index = nxt + 1
        out.append(block)
        out.extend(pending_captions)
        pending_captions = []
    return out, notes
