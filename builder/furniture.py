"""Page furniture: lines of a copied page that belong to the paper or the website, not to an article.

Each recogniser answers for one line (after the text fixes) with the reason it
is furniture, or None.  The words and patterns come from data/furniture.yaml;
the recognisers add what words alone cannot say: a breadcrumb is short parts
joined by ``>``, a footer holds a licence marker, an image token is mostly
Latin letters and digits.  Lines are read through the traditional →
simplified fold, so 版權所有 is recognised like 版权所有.

``furniture_reason`` runs them in order; the first that answers wins.  Lines
that carry data (a publication line with the page's date or source) are
recognised by ``builder.headers`` instead, so their fields are kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .knowledge.files import knowledge_file

from .headers import is_site_name
from .text import HAN, SENTENCE_ENDS
from .text.simplified import to_simplified
from .textfix import CJK_IDEOGRAPH

BREADCRUMB_PART_MAX = 16      # characters in one part of a site path
MENU_MAX_CHARS = 40           # a line of site links is short
SITE_CREDIT_MAX_CHARS = 24
# reasons that rest on shape or a common word, not on a pattern only furniture has
BREADCRUMB_BY_SHAPE = "breadcrumb (short parts joined by >)"
FOOTER_BY_WORD = "site footer (contact or notice words)"
MENU = "a menu of site links"
MACHINE_TEXT = "Latin letters, digits or symbols only (not article text)"
WEAK_REASONS = frozenset({BREADCRUMB_BY_SHAPE, FOOTER_BY_WORD, MENU, MACHINE_TEXT})
_SENTENCE = re.compile(f"[{SENTENCE_ENDS}]")
# the spaces of a footer printed spaced out (版 权 所 有): between two single characters
_SPACED_OUT = re.compile(rf"(?<=(?<![{HAN}])[{HAN}]) (?=[{HAN}](?![{HAN}]))")


@dataclass(frozen=True)
class _Rules:
    patterns: tuple[tuple[re.Pattern[str], str], ...]
    breadcrumb_opener: re.Pattern[str]
    breadcrumb_separator: re.Pattern[str]
    breadcrumb_home: re.Pattern[str]
    footer_marker: re.Pattern[str]
    weak_footer_marker: re.Pattern[str]
    weak_footer_max: int
    contact_line: re.Pattern[str]
    channel_site_words: tuple[str, ...]
    menu_words: frozenset[str]
    site_credit: re.Pattern[str]
    image_file: re.Pattern[str]
    image_tokens: tuple[re.Pattern[str], ...]
    image_placeholder: re.Pattern[str]
    file_photo_label: re.Pattern[str]
    ui_words: frozenset[str]
    channel_words: tuple[str, ...]
    site_menu_words: tuple[str, ...]
    channel_max: int
    menu_min_items: int
    menu_item_max: int


def _alternatives(words) -> str:
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


@lru_cache(maxsize=1)
def rules() -> _Rules:
    data = knowledge_file("furniture")
    return _Rules(
        patterns=tuple((re.compile(p["pattern"]), p["reason"]) for p in data["patterns"]),
        breadcrumb_opener=re.compile(rf"^({_alternatives(data['breadcrumb_openers'])})\s*[：:]"),
        breadcrumb_separator=re.compile(rf"\s*(?:{data['breadcrumb_separators']})\s*"),
        # (a site's name may come first: 某某网首页 > 新闻 > 正文)
        breadcrumb_home=re.compile(rf"^[{HAN}A-Za-z]{{0,8}}?({_alternatives(data['breadcrumb_homes'])})\s*"
                                   rf"(?:{data['breadcrumb_separators']})"),
        footer_marker=re.compile("|".join(data["footer_markers"])),
        weak_footer_marker=re.compile("|".join(data["weak_footer_markers"])),
        weak_footer_max=int(data["weak_footer_max_chars"]),
        contact_line=re.compile(rf"^({_alternatives(data['contact_labels'])})\s*[：:]\s*\S"),
        channel_site_words=tuple(data["channel_site_words"]),
        menu_words=frozenset(data["footer_menu_words"]),
        # (one or a few bodies, spaced: 某某市委宣传部   某某市文明办   主办)
        site_credit=re.compile(rf"^[{HAN}A-Za-z]{{2,20}}(?:\s+[{HAN}A-Za-z]{{2,20}}){{0,3}}\s*"
                               rf"({_alternatives(data['site_credit_suffixes'])})$"),
        image_file=re.compile(data["image_file"], re.IGNORECASE),
        image_tokens=tuple(re.compile(p, re.IGNORECASE) for p in data["image_tokens"]),
        image_placeholder=re.compile(rf"^[（(【\[<]?({_alternatives(data['image_placeholders'])})\d{{0,2}}[）)】\]>]?$"),
        file_photo_label=re.compile(rf"^\s*[（(【\[]?\s*({_alternatives(data['file_photo_labels'])})\s*[）)】\]]?\s*$"),
        ui_words=frozenset(data["ui_words"]),
        channel_words=tuple(data["channel_words"]),
        site_menu_words=tuple(data["channel_words"] + data["menu_words"]),
        channel_max=int(data["channel_max_chars"]),
        menu_min_items=int(data["menu_min_items"]),
        menu_item_max=int(data["menu_item_max_chars"]),
    )


def pattern_reason(line: str) -> str | None:
    """A line matching one of the data file's furniture patterns (QR prompts, end marks, 原标题 lines).

    >>> pattern_reason("扫描查看名单"), pattern_reason("原标题：重庆市劳动竞赛落幕")
    ('QR-code prompt (the code itself is not in the text)', 'the original title of a repost')
    """
    for pattern, reason in rules().patterns:
        if pattern.match(line):
            return reason
    return None


def breadcrumb_steps(line: str) -> list[str]:
    """The parts of a site path, split on the data file's separators.

    >>> breadcrumb_steps("当前位置：首页 > 工会 >> 工会要闻 某某大会举行")
    ['当前位置：首页', '工会', '工会要闻 某某大会举行']
    """
    return rules().breadcrumb_separator.split(line)


def breadcrumb_reason(line: str) -> str | None:
    """A site path: '当前位置：首页 > 新闻 > 正文', '人民网>>重庆频道>>政务', '渝北网 > 时政'.

    >>> breadcrumb_reason("当前位置：主页 > 基金 > 详情"), breadcrumb_reason("渝北网 > 时政")
    ('breadcrumb (a path through the website)', 'breadcrumb (short parts joined by >)')
    >>> breadcrumb_reason(">媒体矩阵>职工天地")
    'breadcrumb (short parts joined by >)'
    >>> breadcrumb_reason("首页 > 详情：某市职工迎春座谈会举行")
    'breadcrumb (a path through the website)'
    >>> breadcrumb_reason("产值从3亿元>5亿元，同比增长。") is None
    True
    >>> breadcrumb_reason("首页 > 便民资讯 > 万州又建成6座“劳动者港湾” 全城29座港湾欢迎劳动者来纳凉歇脚")
    'breadcrumb (a path through the website)'
    >>> breadcrumb_reason("某某网首页 > 最新热搜 > 广州 >（新春走基层）数百名劳动者共享团年饭")
    'breadcrumb (a path through the website)'
    """
    r = rules()
    # a path from the site's home runs to the article's own title, however long that is
    home = r.breadcrumb_home.match(line)
    # (the home alone opening the line, 首页 > 详情：…, is a path with one step to the article)
    if r.breadcrumb_opener.match(line) or (home and (len(r.breadcrumb_separator.findall(line)) >= 2 or home.start(1) == 0)
                                           and not _SENTENCE.search(line)):
        return "breadcrumb (a path through the website)"
    if len(line) > 80 or _SENTENCE.search(line) or "，" in line:
        return None
    parts = breadcrumb_steps(line)
    if parts and not parts[0] and len(parts) >= 3:
        parts = parts[1:]             # >媒体矩阵>职工天地: the path's rest, on the line under its home
    if (len(parts) >= 2 and all(0 < len(p) <= BREADCRUMB_PART_MAX for p in parts)
            and sum(not p[0].isdigit() for p in parts) >= 2):     # 3亿元>5亿元 compares numbers
        return BREADCRUMB_BY_SHAPE
    return None


def footer_reason(line: str) -> str | None:
    """Copyright, licence and report lines; short menus of site links.

    >>> footer_reason("京ICP备2022022245号-12"), footer_reason("关于我们 | 联系我们 | 网站地图")
    ('site footer (copyright, licence or contact)', 'site footer (menu of site links)')
    >>> footer_reason("版 权 所 有 某某网")
    'site footer (copyright, licence or contact)'
    >>> footer_reason("职工权益受到侵害时可拨打12351热线。") is None, footer_reason("会议要求，对侵权行为依法予以查处。") is None
    (True, True)
    >>> footer_reason("地址：某市园林路25号 邮编：434000")
    'site footer (contact or notice words)'
    >>> footer_reason("【网站地图】【sitemap】")
    'site footer (menu of site links)'
    >>> footer_reason("新增站点地址：") is None       # words before the label, nothing after: it opens a list
    True
    """
    r = rules()
    joined = _SPACED_OUT.sub("", line)
    if r.footer_marker.search(line) or r.footer_marker.search(joined):
        return "site footer (copyright, licence or contact)"
    weak = list(r.weak_footer_marker.finditer(joined))
    if len(weak) == 1 and 0 < weak[0].start() and weak[0].end() == len(joined.rstrip()) and joined.rstrip()[-1] in "：:":
        return None                   # 新增站点地址： a lead-in to what follows, not a contact line's data
    if len(weak) >= 2 or weak and len(line) <= r.weak_footer_max and not _SENTENCE.search(line):
        return FOOTER_BY_WORD
    if len(line) <= MENU_MAX_CHARS:
        tokens = [t for t in re.split(r"[\s|｜/·【】\[\]]+", line) if t]
        if tokens and any(t in r.menu_words for t in tokens) and all(t in r.menu_words or t in r.ui_words
                                                                      for t in tokens):
            return "site footer (menu of site links)"
    if len(line) <= SITE_CREDIT_MAX_CHARS and r.site_credit.match(line):
        return "site footer (who runs the site)"
    return None


def is_contact_line(line: str) -> bool:
    """A contact block's line: a contact label, its colon and a value (电话：023-…, 地址：某区某路8号).

    >>> is_contact_line("电话：023-61260077"), is_contact_line("地址：某区某路8号"), is_contact_line("电话会议召开")
    (True, True, False)
    """
    return rules().contact_line.match(to_simplified(line).strip()) is not None and footer_reason(line) is not None


IMAGE_FILE = "image file name or token"
IMAGE_PLACEHOLDER = "placeholder for a photo"
# a line that stands where the copy lost a photo: the short line under it is the photo's caption
PHOTO_MARKS = frozenset({IMAGE_FILE, IMAGE_PLACEHOLDER})


def image_reason(line: str) -> str | None:
    """An image's file name, a generated token, or a placeholder title standing for a photo.

    >>> image_reason("图片默认标题_fororder_9f72d556"), image_reason("20210702161017vprs")
    ('image file name or token', 'image file name or token')
    >>> image_reason("【图片】"), image_reason("图片3.png"), image_reason("【资料图】")
    ('placeholder for a photo', 'image file name or token', None)
    >>> image_reason("2024年") is None
    True
    """
    r = rules()
    if r.image_file.fullmatch(line) or any(p.fullmatch(line) for p in r.image_tokens):
        return IMAGE_FILE
    if r.image_placeholder.match(line):
        return IMAGE_PLACEHOLDER
    return None


def is_file_photo_label(line: str) -> bool:
    """The label a paper prints alone under a file photo: the photo's caption, not a placeholder.

    >>> is_file_photo_label("（资料图片）"), is_file_photo_label("【資料圖】"), is_file_photo_label("资料图显示，去年增长5%。")
    (True, True, False)
    """
    return rules().file_photo_label.match(to_simplified(line)) is not None


SYMBOLS_ONLY = "symbols only (a widget or layout mark)"
_DOMAIN = re.compile(r"[a-z0-9\-]+(\.[a-z0-9\-]+)*\.(cn|com|net|org|gov|edu|info)(\.cn)?/?", re.IGNORECASE)
_STYLE_RULE = re.compile(r"^\s*([\w.#:\-, ]+\{[^{}]*:[^{}]*(\}|$)\s*)+$")


def machine_text_reason(line: str) -> str | None:
    """A line of Latin letters, digits, URLs and symbols only, with no Chinese character and no English phrase.

    >>> machine_text_reason("http://www.sina.com.cn"), machine_text_reason("![]() |")
    ('Latin letters, digits or symbols only (not article text)', 'symbols only (a widget or layout mark)')
    >>> machine_text_reason("5G"), machine_text_reason("APP上线"), machine_text_reason("Workers celebrate May Day")
    (None, None, None)
    >>> machine_text_reason("×"), machine_text_reason("SPAN.msoIns { COLOR: blue; TEXT-DECORATION: underline }")
    ('symbols only (a widget or layout mark)', 'Latin letters, digits or symbols only (not article text)')
    """
    if line.strip() and not re.search(r"\w", line):
        return SYMBOLS_ONLY          # a close button's ×, a lone bar: no letter, digit or character
    if len(line) < 3 or CJK_IDEOGRAPH.search(line):
        return None
    if _STYLE_RULE.search(line):
        return MACHINE_TEXT          # P.MsoNormal { FONT-SIZE: 10.5pt; … }: a style sheet, however English
    words = re.findall(r"[A-Za-z]{2,}", line)
    if len(words) >= 3 and not re.search(r"https?://|www\.|\d{5,}", line) and not _DOMAIN.fullmatch(line.strip()):
        return None                  # an English phrase (Workers celebrate May Day) is text to keep
    if re.fullmatch(r"\d{1,4}", line.strip()):
        return None                  # a lone year or number may head a list
    return MACHINE_TEXT


@lru_cache(maxsize=1)
def related_headings() -> frozenset[str]:
    """Headings of a site's related-links zone (相关阅读, 新闻推荐 …), from the data file."""
    return frozenset(knowledge_file("furniture")["related_headings"])


def opens_related_links(line: str) -> bool:
    """A line that heads the list of other stories a website prints after an article.

    >>> opens_related_links("相关阅读"), opens_related_links("新闻推荐："), opens_related_links("相关阅读材料显示，")
    (True, True, False)
    """
    return to_simplified(line).strip().rstrip("：:") in related_headings()


@lru_cache(maxsize=1)
def _statement_heading() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """The pattern of a statement's heading, and the endings of the site's name before it."""
    data = knowledge_file("furniture")
    return (re.compile(rf"^[{HAN}A-Za-z]{{0,14}}?({_alternatives(data['statement_headings'])})\s*[：:]?$"),
            tuple(data["site_name_suffixes"]))


def opens_site_statement(line: str) -> bool:
    """A heading of the site's or paper's own statement (淮南日报社严正声明, 版权声明), printed around an article.

    The statement's paragraphs under it are the site's, not the article's; a
    name before the heading must be a paper's or site's (某某工会严正声明 may be news).

    >>> opens_site_statement("某某日报社严正声明"), opens_site_statement("免责声明："), opens_site_statement("某区总工会严正声明")
    (True, True, False)
    """
    heading, site_endings = _statement_heading()
    key = to_simplified(line).strip()
    match = heading.match(key)
    if not match:
        return False
    name = key[:match.start(1)]
    return not name or name.endswith(site_endings)


@lru_cache(maxsize=65536)
def is_channel_name(line: str) -> bool:
    """A website's channel name, as a copy keeps it above or below the headline.

    Short, no sentence, ending on a channel word, or parts joined by a dash of
    which one names the site.  A line that is one is set apart from the lines
    around it; only in the top matter of a copied web page does it become
    furniture (``blocks.mark_web_headline``): elsewhere 工会要闻 may be a title.

    >>> is_channel_name("中工娱乐"), is_channel_name("新重庆-重庆日报精选"), is_channel_name("南川打造“暖心小站”")
    (True, True, False)
    >>> is_channel_name("劳模专题片首映")
    False
    """
    key = to_simplified(line)
    r = rules()
    if not key or len(key) > r.channel_max or _SENTENCE.search(key) or "，" in key or "“" in key:
        return False
    parts = [p for p in re.split(r"[\s\-—|｜·>]+", key) if p]
    return key.endswith(r.channel_words) or len(parts) > 1 and any(
        is_site_name(p) or any(word in p for word in r.channel_site_words) for p in parts)


MENU_MIN_BARS = 4


def menu_reason(line: str) -> str | None:
    """A menu of site links: several short items, most of them naming a channel.

    >>> menu_reason("首页 工会要闻 基层动态 公告文件 维权热线")
    'a menu of site links'
    >>> menu_reason("劳模工匠到社区报到 构筑基层治理新格局") is None
    True
    >>> menu_reason("要闻 | 城市远洋 | 原创 | 视频 直观中国 | 老外在某地 | 热点专题 | Hi，某地！")
    'a menu of site links'
    """
    r = rules()
    items = [t for t in re.split(r"[\s|｜·•/]+", line) if t]
    if len(items) < r.menu_min_items or any(len(t) > r.menu_item_max for t in items):
        return None
    bars = len(re.findall(r"[|｜]", line))
    barred = not line.startswith(("|", "｜"))        # (a table's row opens on its bar)
    if barred and bars >= MENU_MIN_BARS:
        return MENU                        # 要闻 | 城市远洋 | 原创 | … | Hi,某地!: no prose has so many bars
    if _SENTENCE.search(line) or "，" in line:
        return None
    if barred and bars >= 2 and bars >= len(items) - 1:
        return MENU                        # items set apart by bars: 登山攀岩 | 国内资讯 | 户外常识
    named = sum(any(word in item for word in r.site_menu_words) for item in items)
    return MENU if named * 2 >= len(items) else None


def is_menu_item(line: str) -> bool:
    """A line short enough to be one item of a menu printed one item per line (关于我们 / 会员优惠 / 搜寻).

    >>> is_menu_item("• 会员优惠"), is_menu_item("会员Jetso"), is_menu_item("近日，大会召开。"), is_menu_item("表扬杰出工作者及义工")
    (True, True, False, False)
    """
    item = line.strip().lstrip("•·▪-* ")
    return 0 < len(item) <= rules().menu_item_max and not _SENTENCE.search(item) and not re.search(r"[\s，、；：]", item)


# the recognisers in the order they are asked
RECOGNISERS: tuple[Callable[[str], str | None], ...] = (
    pattern_reason, breadcrumb_reason, footer_reason, image_reason, menu_reason, machine_text_reason,
)


def is_weak(reason: str) -> bool:
    """A reason resting on a line's shape or a common word only: the review lists such lines.

    >>> is_weak(MENU), is_weak("site footer (copyright, licence or contact)")
    (True, False)
    """
    return reason in WEAK_REASONS


def furniture_reason(line: str) -> str | None:
    """Why a line is page furniture, or None (read through the traditional → simplified fold).

    >>> furniture_reason("版權所有 重慶日報"), furniture_reason("近年来，渝北区总工会开展活动。") is None
    ('site footer (copyright, licence or contact)', True)
    """
    key = to_simplified(line)
    for recognise in RECOGNISERS:
        reason = recognise(key)
        if reason:
            return reason
    return None
