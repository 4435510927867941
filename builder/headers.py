"""Publication lines: where a copied page says when, where and by whom it was published.

News sites print a line such as ``来源：中工网 2024-12-27 18:38`` or
``〖发布日期:2016/4/13 14:50:02〗 〖点击量:``; e-paper sites print
``第002版：要闻``, ``2023 年 12 月 24 日 星期日 放大 缩小 默认`` or
``《工人日报》(2011年07月21日 02版)``.  Such a line is not article text: it
holds the page's own date (better evidence than any date in the text), its page
number, its source (``origin``), its authors and its editors.

``parse_publication_line`` reads one line into those fields, or says it is not
such a line.  A line qualifies only if every part of it is understood — a date,
a time, a page number, a labelled field (来源 / 作者 / 编辑 / 发布时间 / 点击量 …),
a paper or site name, an interface word — so a sentence that happens to hold a
date is never taken for one.  The labels and names live in data/furniture.yaml.

``parse_edition_header`` reads an e-paper page's 版次 header
(``版次:004 作者:来源: 2023年05月25日``): its page number and date.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date as _date
from functools import lru_cache

from .knowledge.files import knowledge_file

from .labels import is_credit_role, is_person_name, rules as labels_rules
from .text import HAN
from .text.calendar import is_real_date, iso_date, numeral_value
from .text.simplified import to_simplified
from .textfix import fold_fullwidth_alphanumerics

MAX_CHARS = 100
RECORD_VALUE_MAX_CHARS = 12
TITLE_RECORD_MAX_CHARS = 24      # 主题词 may hold the title
TITLE_RECORD_LABELS = frozenset({"主题词", "关键词", "关键字"})
_NAME_CHARS = rf"[{HAN}A-Za-z0-9·\-]"


@dataclass(frozen=True)
class PublicationLine:
    """The fields of one publication line (empty where the line says nothing)."""

    date: str = ""                 # 'YYYY-MM-DD'
    page: str = ""                 # the e-paper page number, as printed ('002')
    origin: str = ""               # 来源: the paper or site the text comes from
    authors: tuple[str, ...] = ()
    editors: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Rules:
    fields: dict[str, str]
    field_pattern: re.Pattern[str]
    ui_words: frozenset[str]
    calendar_words: frozenset[str]
    channel_tuple: tuple[str, ...]
    site_suffixes: tuple[str, ...]
    site_max: int
    strong_site_suffixes: tuple[str, ...]
    weak_site_min: int
    not_site_endings: tuple[str, ...]
    not_site_openers: tuple[str, ...]
    edition_page: re.Pattern[str]
    edition_issue: re.Pattern[str]
    poster: re.Pattern[str]
    agency_photo_line: re.Pattern[str]


@lru_cache(maxsize=1)
def rules() -> _Rules:
    data = knowledge_file("furniture")
    fields = dict(data["publication_fields"])
    # a one-character name label (文) inside a word is no label: 打印正文, 图文
    labels = "|".join(re.escape(label) if len(label) > 1 or fields[label] == "count" else rf"(?<![{HAN}]){label}"
                      for label in sorted(fields, key=len, reverse=True))
    return _Rules(
        fields=fields,
        # a label, its colon (optional for names and counts: 来源中工网, 点击量 12), and its value, which
        # ends where the next label and its colon begin (来源：某区融媒体中心编辑：李某 runs them together)
        field_pattern=re.compile(rf"(?P<label>{labels})(?P<space>\s*)(?P<colon>[：:])?\s*"
                                 rf"(?P<value>(?:(?!(?:{labels})\s*[：:])[^\s\u0000：:|｜〖〗【】\[\]]){{0,24}})"),
        ui_words=frozenset(data["ui_words"]),
        calendar_words=frozenset(data.get("calendar_words", ())),
        channel_tuple=tuple(data["channel_words"]),
        site_suffixes=tuple(sorted(data["site_name_suffixes"], key=len, reverse=True)),
        site_max=int(data["site_name_max_chars"]),
        strong_site_suffixes=tuple(x for x in data["site_name_suffixes"] if x not in data["weak_site_suffixes"]),
        weak_site_min=int(data["weak_site_min_chars"]),
        not_site_endings=tuple(data["not_site_endings"]),
        not_site_openers=tuple(data["not_site_openers"]),
        edition_page=re.compile(data["edition_page"]),
        edition_issue=re.compile(data["edition_issue"]),
        # a forum's post line opens with the poster's handle: 幸福海边 发表于 2016-4-25 06:39:03
        poster=re.compile(rf"^[^\s：:]{{1,16}}\s+(?=(?:{'|'.join(map(re.escape, data['poster_labels']))}))"),
        agency_photo_line=re.compile(data["agency_photo_line"]),
    )


_DATE = re.compile(
    # (…21星期日: the copy lost 日; 2026年01月23号: a site writes 号)
    r"(?<!\d)(?P<y>(?:19|20)\d{2})\s*(?:年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*(?:日|号|(?=\s*星期))"
    r"|[-/.]\s*(?P<m2>\d{1,2})\s*[-/.]\s*(?P<d2>\d{1,2})"
    r"|\s+(?P<m3>\d{1,2})/\s*(?P<d3>\d{1,2})(?=\s|$)"           # 2022 12/ 01 20:51:55, as one site prints it
    r"|\s+(?P<m4>\d{1,2})\s*月\s*(?P<d4>\d{1,2})\s*日)"          # 2024 4月26日 星期: an e-paper's date that lost 年
    r"(?:\s*(?P<time>\d{1,2}[:：]\d{2}(?:[:：]\d{2})?))?"
)
# 09.01.2015 02:14: a web timestamp written day or month first (which, only the numbers can tell)
_NUMBERS_FIRST_DATE = re.compile(r"(?<![\d.])(?P<a>\d{1,2})[./](?P<b>\d{1,2})[./](?P<y>(?:19|20)\d{2})(?![\d.])"
                                 r"(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?")
_HANDLE = re.compile(r"[A-Za-z][A-Za-z_]{1,15}\d{1,6}")     # letters then digits: a site handle, no word
# the paper itself, before its reporter's role (本报记者 张三): 本报 names no other source
_OWN_MEDIA = frozenset({"本报", "本网", "本台", "本刊"})
_ROLE_BEFORE_NAMES = re.compile(rf"(?<![{HAN}])(?:文|图|摄影|摄)\s?[/／]\s?(?=[{HAN}])")
_TIME = re.compile(r"(?<!\d)\d{1,2}[:：]\d{2}(?:[:：]\d{2})?(?!\d)"
                   r"|(?<!\d)\d{1,3}\s*(?:秒|分钟|小时|天)前")      # 3 小时前: a forum's time since the post
_WEEKDAY = re.compile(r"星期[一二三四五六日天]?|(周|礼拜)[一二三四五六日天]")   # 星期 alone (a cut weekday), not 周边
# a URL ends at its domain's last label when a date is glued to it (www.workercn.cn2014-02-19)
# (also a bare host name, m.example.com, as a copy of a page served from another host prints it)
# (an address, a bare host name, or a mailbox: 投稿：tougao@某某.org.cn)
_URL = re.compile(r"(?:https?://|www\.|(?<![\w.@])[A-Za-z0-9._\-]+@|(?<![\w.@])(?=[A-Za-z0-9\-]+\.[A-Za-z]))(?:[A-Za-z0-9\-]+\.)*"
                  r"(?:com|cn|net|org|gov|edu|info|cc)(?![A-Za-z])(?:/[\w./\-?=&%#:~+]*)?", re.IGNORECASE)
_QUOTED_NAME = re.compile(r"《(?P<name>[^《》]{2,14})》")
# 1413次, 52人参与, 参与评论(12)人 (a comment counter, its number often missing: 参与评论()人)
_COUNT = re.compile(rf"(?<![\d.])\d{{1,9}}\s*(?:次|人参与|人阅读|人浏览|浏览|阅读)(?![{HAN}])"
                    r"|参与评论\s*[(（]\s*\d{0,9}\s*[)）]\s*人")
# 责任编辑：严 峻: a two-character name padded to three characters' width
_SPACED_NAME = re.compile(rf"(?<=[：:])\s*([{HAN}])[ \u3000]([{HAN}])(?=\s|$)")
_SEPARATORS = re.compile(r"[\s\u0000|｜/·•\-—_~〖〗【】\[\]（）()<>《》，,、：:;；!！?？]+")
_DOCUMENT_NUMBER = re.compile(rf"[{HAN}]{{1,12}}[〔［\[]\d{{4}}[〕］\]]\s*\d{{1,5}}\s*号")
UI_WORD_MIN_CHARS = 2          # the words of a run-together toolbar (放大缩小全文复制), one-character 大/中/小 aside


def _ui_words_run_together(token: str, words: frozenset[str]) -> bool:
    """A toolbar whose words the copy ran together: each part an interface word of two characters or more.

    >>> words = frozenset({"放大", "缩小", "全文", "复制", "默认", "大", "小"})
    >>> _ui_words_run_together("放大缩小全文复制", words), _ui_words_run_together("放大缩小", words)
    (True, True)
    >>> _ui_words_run_together("大小", words), _ui_words_run_together("放大镜", words)
    (False, False)
    """
    if len(token) < 2 * UI_WORD_MIN_CHARS:
        return False
    ends = {0}                     # positions where a run of whole interface words ends
    for end in range(UI_WORD_MIN_CHARS, len(token) + 1):
        if any(token[start:end] in words for start in ends if end - start >= UI_WORD_MIN_CHARS):
            ends.add(end)
    return len(token) in ends


_FILED_FROM = re.compile(rf"(?<![{HAN}])(记者|通讯员|特派员)\s?(?P<name>[{HAN}]{{2,4}})\s?[/／]\s?[{HAN}]{{2,8}}(报导|报道)")
_TEXT_AND_PHOTOS = re.compile(rf"(?<![{HAN}])(文\s?[/／]\s?图|图\s?[/／]\s?文)(?![{HAN}])")
_CODE = re.compile(r"[0-9A-Za-z/\-_.]+")          # a count or a document number: 1188, zfbgsc/2025-00117
_MONTH_DAY = re.compile(r"(?<!\d)\d{1,2}\s*月\s*\d{1,2}\s*[日号]")
# a label printed with its characters spaced out (索 引 号, 文  号): joined before the labels are read
_SPACED_LABEL = re.compile(rf"(?<![{HAN}])([{HAN}])\s+([{HAN}])(?:\s+([{HAN}]))?"
                           rf"(?:\s+([{HAN}]))?(?![{HAN}])")


def _iso(match: re.Match[str]) -> str:
    year = int(match.group("y"))
    month = int(match.group("m") or match.group("m2") or match.group("m3") or match.group("m4"))
    day = int(match.group("d") or match.group("d2") or match.group("d3") or match.group("d4"))
    try:
        return _date(year, month, day).isoformat()
    except ValueError:
        return ""


def _numbers_first_iso(match: re.Match[str]) -> str:
    """The date of 25.05.2023 or 05/25/2023, or only its year when either order gives a real date.

    >>> [_numbers_first_iso(_NUMBERS_FIRST_DATE.search(t)) for t in ("25.05.2023", "05/25/2023", "09.01.2015 02:14")]
    ['2023-05-25', '2023-05-25', '2015']
    """
    a, b, year = int(match.group("a")), int(match.group("b")), int(match.group("y"))
    orders = {(month, day) for month, day in ((b, a), (a, b)) if 1 <= month <= 12}
    dates = set()
    for month, day in orders:
        try:
            dates.add(_date(year, month, day).isoformat())
        except ValueError:
            pass
    return dates.pop() if len(dates) == 1 else str(year) if dates else ""


def _joined_label(match: re.Match[str], fields: dict[str, str]) -> str:
    """索 引 号 → 索引号 when that is a label; 大 中 小 (a font-size widget) stays as it is."""
    joined = "".join(g for g in match.groups() if g)
    return joined if joined in fields else match.group(0)


def is_site_name(token: str) -> bool:
    """A paper's or site's name: short, ending like one (中工网, 重庆日报, 新重庆客户端).

    >>> is_site_name("华龙网"), is_site_name("工人日报客户端"), is_site_name("劳模工匠到社区报到")
    (True, True, False)
    >>> is_site_name("中国妇女报"), is_site_name("喜报"), is_site_name("劳动竞赛捷报"), is_site_name("打开某某新闻")
    (True, False, False, False)
    """
    r = rules()
    if not (2 <= len(token) <= r.site_max and token.endswith(r.site_suffixes)) or token.endswith(r.not_site_endings) \
            or token.startswith(r.not_site_openers):
        return False
    return token.endswith(r.strong_site_suffixes) or len(token) >= r.weak_site_min


SITE_APP_PART_MAX_CHARS = 8


def _names_site_and_app(token: str) -> bool:
    """A paper's name and its app's, joined by a dash: 春城晚报-开屏新闻.

    >>> _names_site_and_app("某城晚报-开屏新闻"), _names_site_and_app("职工-劳模")
    (True, False)
    """
    parts = re.split(r"[-–—]", token)
    return (len(parts) == 2 and is_site_name(parts[0]) and 2 <= len(parts[1]) <= SITE_APP_PART_MAX_CHARS
            and not any(c in token for c in "，。；："))


# a post line opens with the full date: 2018-04-28 某某 ✈ 某某工会
# a machine's date, or a date with its time (2025年03月10日 10:08), opening the line
# (or a machine date run into the poster's name, and nothing else on the line: 2021-11-24李某某)
_FULL_DATE_FIRST = re.compile(r"^\s*(?:(?:19|20)\d{2}-\d{1,2}-\d{1,2}(?:\s|$)|(?:19|20)\d{2}年\d{1,2}月\d{1,2}日\s*\d{1,2}:\d{2}"
                              rf"|(?:19|20)\d{{2}}-\d{{1,2}}-\d{{1,2}}[{HAN}]{{2,4}}\s*$)")
POST_LINE_MAX_TOKENS = 3
POST_TOKEN_MAX_CHARS = 8
RECORD_LINE_MAX_TOKENS = 4
UNIT_LINE_MIN_FIELDS = 2
CHANNEL_TOKEN_MAX_CHARS = 6


@lru_cache(maxsize=65536)
def parse_publication_line(line: str) -> PublicationLine | None:
    """The fields of a publication line, or None when any part of the line is something else.

    >>> parse_publication_line("来源：中工网 2024-12-27 18:38")
    PublicationLine(date='2024-12-27', page='', origin='中工网', authors=(), editors=())
    >>> parse_publication_line("〖发布日期：2016/4/13 14:50:02〗 〖点击量：").date
    '2016-04-13'
    >>> parse_publication_line("2025年05月06日09:40 來源：工人日報客戶端").origin
    '工人日报客户端'
    >>> parse_publication_line("《工人日报》（2011年07月21日 02版）")
    PublicationLine(date='2011-07-21', page='02', origin='工人日报', authors=(), editors=())
    >>> parse_publication_line("某城晚报-开屏新闻2021-02-05 20:12").origin
    '某城晚报-开屏新闻'
    >>> parse_publication_line("2023 年 12 月 24 日 星期 放大 缩小 默认").date, parse_publication_line("2024年05月20日 星期一 小满").date
    ('2023-12-24', '2024-05-20')
    >>> parse_publication_line("2007-08-10 记者：刘羊 齐中熙 来源：经济参考报").authors
    ('刘羊', '齐中熙')
    >>> parse_publication_line("//www.workercn.cn2014-02-19 07:49:06来源：乌海日报").date
    '2014-02-19'
    >>> parse_publication_line("2022 12/ 01 20:51:55").date, parse_publication_line("发 布 时 间：2024-01-01").date
    ('2022-12-01', '2024-01-01')
    >>> parse_publication_line("2024 4月26日 星期").date, parse_publication_line("发表于 3 小时前 | 查看全部 |阅读模式").date
    ('2024-04-26', '')
    >>> parse_publication_line("2025年04月30日 / 来源：工会 / 责任编辑：黄某 / 作者：文/赵某某 孙某某 图/郎某某 / 点击：").authors
    ('赵某某', '孙某某', '郎某某')
    >>> parse_publication_line("2025-08-05 mouser940").date
    '2025-08-05'
    >>> parse_publication_line("《某某日报》（2017年11月21日 02版）本报记者 王某某")
    PublicationLine(date='2017-11-21', page='02', origin='某某日报', authors=('王某某',), editors=())

    >>> [parse_publication_line(t) for t in ("织密职工服务保障网", "文明城市", "主编寄语")]
    [None, None, None]
    >>> parse_publication_line("www.sina.com.cn2014-02-19 来源：新浪网").date
    '2014-02-19'
    >>> parse_publication_line("责任编辑：蔺凯").editors
    ('蔺凯',)
    >>> parse_publication_line("版面：要闻") is not None, parse_publication_line("今天是： 投稿：tougao@example.org.cn") is not None
    (True, True)
    >>> parse_publication_line("00003版：人文").page, parse_publication_line("第8686期：第01版 首版").page
    ('00003', '01')
    >>> parse_publication_line("12月2日，市总工会一行到我区调研。") is None
    True
    >>> parse_publication_line("2024年5月1日") is None    # a date alone could be a heading
    True
    >>> parse_publication_line("发布日期：2025-08-08 来源：总工会 浏览次数： 字号：〖").origin
    '总工会'
    >>> parse_publication_line("索 引 号 zfbgsc/2025-00117 发布机构 卓尼县人民政府办公室 公开日期 2025-08-27").date
    '2025-08-27'
    >>> parse_publication_line("[2月7日 2:30]") is not None, parse_publication_line("2026-01-26").date
    (True, '2026-01-26')
    >>> parse_publication_line("某某网友 发表于 2016-4-25 06:39:03").date
    '2016-04-25'
    >>> parse_publication_line("09.01.2015  02:14").date, parse_publication_line("发布时间：25.05.2023").date
    ('2015', '2023-05-25')
    >>> parse_publication_line("重慶市某某集團 編輯：李某某 責編：譚某 終審：張某某 - 發布時間：").origin
    '重庆市某某集团'
    >>> parse_publication_line("2018-04-28 某某 ✈ 某某工会").date, parse_publication_line("2018-04-28 某区召开职工代表大会")
    ('2018-04-28', None)
    >>> parse_publication_line("某某日报 要闻 00002 为一线职工送清凉 2010-07-21 nw.D100_20100721_6-00002 2 2010年07月21日 星期三")
    PublicationLine(date='2010-07-21', page='', origin='某某日报', authors=(), editors=())
    >>> parse_publication_line("2017-08-12 08:08:03    某某网  参与评论()人").date
    '2017-08-12'
    >>> parse_publication_line("新华社照片，天津，2024年12月18日")
    PublicationLine(date='2024-12-18', page='', origin='新华社', authors=(), editors=())
    >>> parse_publication_line("2026/02/02 13:06 記者王某某／台南報導")
    PublicationLine(date='2026-02-02', page='', origin='', authors=('王某某',), editors=())
    >>> parse_publication_line("发布机构 某县人民政府 文号 某政办发〔2023〕40号")
    PublicationLine(date='', page='', origin='某县人民政府', authors=(), editors=())
    >>> parse_publication_line("2022-07-13 14:13:36来源：某区融媒体中心编辑：李某责任编辑：")
    PublicationLine(date='2022-07-13', page='', origin='某区融媒体中心', authors=(), editors=('李某',))
    """
    text = to_simplified(line).strip()
    if not text or len(text) > MAX_CHARS:
        return None
    r = rules()
    text = _SPACED_LABEL.sub(lambda m: _joined_label(m, r.fields), text)
    text = _SPACED_NAME.sub(r"\1\2", text)
    printed = text
    found: dict[str, list[str]] = {"date": [], "page": [], "origin": [], "author": [], "editor": []}
    understood = 0             # parts other than a bare date: a line must have one

    def blank(match: re.Match[str]) -> str:
        return "\u0000" * len(match.group(0))

    text = _URL.sub(blank, text)
    # （作者：张三 通讯员 李四）: a credit in brackets, read inside them
    if text[:1] in "（(" and text[-1:] in "）)" and not any(mark in text[1:-1] for mark in "（()）"):
        text = "\u0000" + text[1:-1] + "\u0000"
    # 平政办发〔2023〕40号: a document number, read before its year can be taken for a date
    understood += len(_DOCUMENT_NUMBER.findall(text))
    text = _DOCUMENT_NUMBER.sub(blank, text)
    # 新华社照片，天津，2024年12月18日: an agency's photo line (the agency, the place, the day)
    agency = r.agency_photo_line.match(text)
    if agency:
        found["origin"].append(agency.group("agency"))
        understood += 1
        text = blank(agency) + text[agency.end():]
    # 记者王某／台南报导: the writer and the place the report is filed from, as Taiwanese papers print them
    for match in _FILED_FROM.finditer(text):
        found["author"].append(match.group("name"))
        understood += 1
    text = _FILED_FROM.sub(blank, text)
    # 作者：李某 文/图: the writer also took the photos
    understood += len(_TEXT_AND_PHOTOS.findall(text))
    text = _TEXT_AND_PHOTOS.sub(blank, text)
    # 作者：文/张三 李四 图/王五: the words' and the photos' makers, named after their roles
    understood += len(_ROLE_BEFORE_NAMES.findall(text))
    text = _ROLE_BEFORE_NAMES.sub("", text)
    opens_with_date = bool(_FULL_DATE_FIRST.match(text))
    poster = r.poster.match(text)
    if poster:
        understood += 1        # a handle, no person's name: not kept as an author
        text = blank(poster) + text[poster.end():]
    for match in _NUMBERS_FIRST_DATE.finditer(text):
        iso = _numbers_first_iso(match)
        if not iso:
            return None
        found["date"].append(iso)
        understood += 1            # never how a Chinese text writes a date
    text = _NUMBERS_FIRST_DATE.sub(blank, text)
    for match in _DATE.finditer(text):
        iso = _iso(match)
        if not iso:
            return None
        found["date"].append(iso)
        # 2024年5月1日 alone may head a chronicle's paragraph; 2024-05-01, 2022年01月25日 or a time is never text
        understood += bool(match.group("time") or match.group("m2") or match.group("m3") or match.group("m4")
                           or match.group("m").startswith("0"))
    text = _DATE.sub(blank, text)
    for match in r.edition_page.finditer(text):
        found["page"].append(match.group("a") or match.group("b") or match.group("c"))
        understood += 1
    text = r.edition_page.sub(blank, text)
    understood += len(r.edition_issue.findall(text))
    text = r.edition_issue.sub(blank, text)
    for match in _QUOTED_NAME.finditer(text):
        found["origin"].append(match.group("name"))
        understood += 1
    text = _QUOTED_NAME.sub(blank, text)
    understood += len(_TIME.findall(text)) + len(_WEEKDAY.findall(text)) + len(_COUNT.findall(text))
    text = _COUNT.sub(blank, _WEEKDAY.sub(blank, _TIME.sub(blank, text)))
    text = _MONTH_DAY.sub(blank, text)      # [2月7日 2:30]: a day without its year, understood but no date

    credit_open = False          # a role without its name (某某报记者): the names after it are the writers

    def field(match: re.Match[str]) -> str:
        nonlocal understood, credit_open
        role, value = r.fields[match.group("label")], match.group("value")
        label_end = match.start("value") - match.start()
        if value in r.fields:                  # 文号 主题分类: the next label, not this one's value
            understood += 1
            return "\u0000" * label_end + value
        if role in ("origin", "author", "editor") and value:
            if role != "origin" and not match.group("colon") and not (
                    match.group("space") and is_person_name(value)):
                return match.group(0)          # 文明城市, 主编寄语, 记者节: a word, not a label and a name
            # (作者：某某报记者 张三: the paper's reporter is a role; the name follows it)
            names = [v for v in re.split(r"[，,、]", value) if v]
            credit_open = credit_open or any(is_credit_role(v) for v in names)
            found[role].extend(v for v in names if not is_credit_role(v))
        elif value and role == "record" and (_CODE.fullmatch(value) or len(value) <= (
                TITLE_RECORD_MAX_CHARS if match.group("label") in TITLE_RECORD_LABELS else RECORD_VALUE_MAX_CHARS)):
            pass                               # 主题分类 其他: a record table's field and its short value
        elif value and not (role == "count" and _CODE.fullmatch(value)):
            if not match.group("colon"):
                return match.group(0)          # 字数 inside a word
            # '浏览次数：  字号' or '发布：点击数：': the label is understood, what follows is read on its own
            understood += 1
            return "\u0000" * label_end + value
        understood += 1
        return "\u0000" * len(match.group(0))

    for _ in range(3):              # a label inside another's value (发布：点击数：) is read on the next pass
        text, read = r.field_pattern.subn(field, text)
        if not read:
            break
    unknown: list[str] = []
    for token in _SEPARATORS.split(text):
        if not token or token.isdigit():
            continue                           # a bare number (查看：1413|回复：0) says nothing either way
        if token.strip("0123456789") in r.ui_words or token in r.calendar_words or token in r.channel_tuple \
                or token in _OWN_MEDIA or (
                "版" in token and len(token) <= 6 and token.endswith(r.channel_tuple)) \
                or _ui_words_run_together(token, r.ui_words):
            # 3上一篇 下一篇4, 一版要闻 (a channel word alone, 动态, is read as a label elsewhere)
            understood += 1
        elif found["origin"] and _names_site_and_app(f"{found['origin'][-1]}-{token}") \
                and f"{found['origin'][-1]}-{token}" in text:
            found["origin"][-1] += f"-{token}"   # 春城晚报-开屏新闻: the paper and its app
        elif is_site_name(token):
            found["origin"].append(token)      # a name counts only beside other parts (see below)
        elif opens_with_date and _HANDLE.fullmatch(token):
            understood += 1                    # 2025-08-05 kongyu940: the poster's handle after the time
        elif found["origin"] and not found["author"] and not unknown and is_person_name(token) \
                and text.rstrip("\u0000 ").endswith(token):
            found["author"].append(token)      # 人民网 王某: the site, then its writer
            understood += 1
        elif (found["author"] or found["editor"] or credit_open) and is_person_name(token):
            # 作者：王威 蔡文波: the names after the first are the same field's
            found["author" if found["author"] or not found["editor"] else "editor"].append(token)
        else:
            unknown.append(token)
    if unknown:
        explained, unit = _unlabelled_parts(text, unknown, found, understood, opens_with_date)
        if not explained:
            return None
        if unit:
            found["origin"].insert(0, unit)
    if not understood and len(found["origin"]) < 2:
        # one name alone (织密职工服务保障网, 国家电网) may be a heading: a masthead names two papers
        return None
    return PublicationLine(
        date=found["date"][0] if found["date"] else "",
        page=found["page"][0] if found["page"] else "",
        origin=found["origin"][0] if found["origin"] else "",
        # in the order printed (a labelled name is read before an unlabelled one)
        authors=tuple(sorted(found["author"], key=printed.find)),
        editors=tuple(sorted(found["editor"], key=printed.find)),
    )


def _unlabelled_parts(text: str, unknown: list[str], found: dict[str, list[str]], understood: int,
                      opens_with_date: bool) -> tuple[bool, str]:
    """Whether the parts of a publication line that no label names still make it one, and the unit it names.

    | line                                                        | the unlabelled parts         |
    | ----------------------------------------------------------- | ---------------------------- |
    | 2018-04-28 某某 ✈ 某某工会                                   | a post's handle and account   |
    | 某某日报 要闻 00002 标题 2010-07-21 nw.D100_… 2010年07月21日 | an e-paper's record of a page |
    | 某某集团 编辑：张某 责编：李某                               | the unit that published it    |
    | 宣传教育部 2023-12-23                                        | the unit, and a machine's date |
    | 铁路一线 2016-02-27 00:16:47 0浏览                           | the site's channel            |

    >>> parse_publication_line("宣传教育部 2023-12-23")
    PublicationLine(date='2023-12-23', page='', origin='宣传教育部', authors=(), editors=())
    >>> parse_publication_line("某某公司 2023年12月23日") is None      # a date as sentences write it: maybe a heading
    True
    """
    # a post's date first, then its writer's handle and its account
    if opens_with_date and len(unknown) <= POST_LINE_MAX_TOKENS and all(len(t) <= POST_TOKEN_MAX_CHARS
                                                                        for t in unknown):
        return True, ""
    # a channel's name before a machine's timestamp (铁路一线 2016-02-27 00:16:47 0浏览): the site's section
    if (len(unknown) == 1 and len(unknown[0]) <= CHANNEL_TOKEN_MAX_CHARS and found["date"]
            and understood >= UNIT_LINE_MIN_FIELDS and text.lstrip("\u0000 ").startswith(unknown[0])):
        return True, ""
    # a machine's record of the page: its date written twice, the paper's name first
    if (len(found["date"]) >= 2 and len(set(found["date"])) == 1 and found["origin"]
            and text.startswith(found["origin"][0]) and len(unknown) <= RECORD_LINE_MAX_TOKENS):
        return True, ""
    # labelled fields after the unit's name, which has no label; or the unit's name and a machine's date
    # (宣传教育部 2023-12-23: a date no sentence writes)
    if ((understood >= UNIT_LINE_MIN_FIELDS or understood and found["date"]) and len(unknown) == 1
            and text.lstrip("\u0000 ").startswith(unknown[0])
            and to_simplified(unknown[0]).endswith(labels_rules().organisation_suffixes)):
        return True, unknown[0]
    return False, ""


def is_date_label(line: str) -> bool:
    """A date field's label alone on its line, its value on the next (发布日期： / 2017年12月26日).

    >>> is_date_label("发布日期："), is_date_label("出版日期:"), is_date_label("编辑："), is_date_label("发布日期：2017年")
    (True, True, False, False)
    """
    text = to_simplified(line).strip()
    return text.endswith(("：", ":")) and rules().fields.get(text[:-1].strip()) == "date"


def date_alone(line: str) -> str:
    """The date of a line that is a whole date and nothing else ('' otherwise): a publication field's value.

    >>> date_alone("2024年11月28日"), date_alone("2024-11-28 "), date_alone("2024年11月28日，大会召开。")
    ('2024-11-28', '2024-11-28', '')
    """
    match = _DATE.fullmatch(to_simplified(line).strip())
    return (_iso(match) or "") if match and not match.group("time") else ""


@dataclass(frozen=True)
class EditionHeader:
    """The fields of a page's edition header line (版次 / 作者 / 来源 / date)."""

    page: str
    author: str
    source: str
    date: str | None         # 'YYYY-MM-DD'; None when missing or impossible


_PAGE_TOKEN = r"[0-9A-Za-z]+|[〇零一二三四五六七八九十百]+"
_PAGE = re.compile(rf"版次\s*[:：]\s*(?:第\s*)?(?P<a>{_PAGE_TOKEN})\s*版?|第\s*(?P<b>{_PAGE_TOKEN})\s*版")
_HEADER_DATE = re.compile(
    r"(?<!\d)(?P<y>\d{4})\s*(?:年\s*(?P<m1>\d{1,2})\s*月\s*(?P<d1>\d{1,2})\s*日"
    r"|[-./]\s*(?P<m2>\d{1,2})\s*[-./]\s*(?P<d2>\d{1,2})(?!\d))"
)
_LABEL = re.compile(r"(作者|来源|日期)\s*[:：]")


def _page_number(token: str) -> str:
    if token.isascii():
        return token
    value = numeral_value(token)
    return str(value) if value is not None else token


def parse_edition_header(line: str) -> EditionHeader | None:
    """Read a page's edition header line, or None when the line is not one.

    Why: a header date is the page's date, better evidence than any text.
    A line counts only if it has a page field and nothing but 作者/来源/日期
    fields and one date; an impossible date leaves ``date`` None.

    >>> parse_edition_header("版次:004    作者:来源:    2023年05月25日")
    EditionHeader(page='004', author='', source='', date='2023-05-25')
    >>> parse_edition_header("第4版 作者：张三 来源：重庆日报 2023-5-25").source
    '重庆日报'
    >>> parse_edition_header("本报第4版刊登了大会消息") is None
    True
    """
    if not isinstance(line, str):
        return None
    text = fold_fullwidth_alphanumerics(line).strip()
    page = _PAGE.search(text)
    dates = list(_HEADER_DATE.finditer(text))
    if page is None or len(dates) > 1:
        return None
    date_value = None
    spans = [page.span()]
    if dates:
        d = dates[0]
        spans.append(d.span())
        y, mo, dd = int(d.group("y")), int(d.group("m1") or d.group("m2")), int(d.group("d1") or d.group("d2"))
        date_value = iso_date(y, mo, dd)[0] if is_real_date(y, mo, dd) else None
    if len(spans) == 2 and spans[1][0] < spans[0][1] and spans[0][0] < spans[1][1]:
        return None                                   # page field and date overlap
    rest = text
    for a, b in sorted(spans, reverse=True):
        rest = rest[:a] + "\u0000" + rest[b:]           # keep fields apart where a span stood
    parts = _LABEL.split(rest)
    if parts[0].replace("\u0000", "").strip():
        return None                                   # text outside any field
    fields: dict[str, str] = {}
    for label, value in zip(parts[1::2], parts[2::2]):
        if label in fields:
            return None
        fields[label] = value.replace("\u0000", " ").strip()
    return EditionHeader(_page_number(page.group("a") or page.group("b")),
                         fields.get("作者", ""), fields.get("来源", ""), date_value)
