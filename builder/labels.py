"""Recognisers for the non-article parts of a page, driven by data/labels.yaml.

Each function answers one question about one block of text; none of them
knows about pages or articles.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .knowledge.files import knowledge_file

from .knowledge.taxonomy import column_theme
from .text import HAN, SENTENCE_ENDS
from .text.calendar import numeral_value
from .text.simplified import to_simplified

SENTENCE_END = SENTENCE_ENDS + "…"     # a line that trails off (……) is finished too
CLOSERS = "”’」』）)》】"


@dataclass(frozen=True)
class LabelRules:
    column_patterns: tuple[re.Pattern[str], ...]
    section_labels: frozenset[str]
    brief_sections: frozenset[str]
    banner_patterns: tuple[re.Pattern[str], ...]
    credits: tuple[tuple[re.Pattern[str], bool], ...]     # (pattern, only person names make it a credit)
    trailing_credit: re.Pattern[str]
    byline: re.Pattern[str]
    caption_credits: tuple[re.Pattern[str], ...]
    photo_credit_line: re.Pattern[str]
    caption_openers: tuple[str, ...]
    not_caption_openers: tuple[str, ...]
    credit_roles: frozenset[str]
    photo_story_words: tuple[str, ...]
    photo_report_credits: tuple[str, ...]
    photos_credited: re.Pattern[str]
    marked_caption_openers: tuple[str, ...]
    caption_scenes: tuple[str, ...]
    photo_positions: re.Pattern[str]
    headline_lead_suffixes: tuple[str, ...]
    place_label: re.Pattern[str]
    not_place_endings: tuple[str, ...]
    headline_continuations: tuple[str, ...]
    open_headline_endings: tuple[str, ...]
    officials_deck_verbs: tuple[str, ...]
    titles_before: tuple[str, ...]
    bullets: str
    byline_marks: str
    organisation_suffixes: tuple[str, ...]
    paragraph_openers: tuple[str, ...]
    box_labels: frozenset[str]
    surnames: frozenset[str]
    compound_surnames: tuple[str, ...]


@lru_cache(maxsize=1)
def rules() -> LabelRules:
    data = knowledge_file("labels")
    people = knowledge_file("genre")["people"]     # the one surname table
    return LabelRules(
        column_patterns=tuple(re.compile(p) for p in data["column_patterns"]),
        section_labels=frozenset(data["section_labels"]),
        brief_sections=frozenset(data.get("brief_sections", ())),
        banner_patterns=tuple(re.compile(p) for p in data["banner_patterns"]),
        credits=tuple((re.compile(c["pattern"]), bool(c.get("persons_only"))) for c in data["credits"]),
        trailing_credit=re.compile(data["trailing_credit"]),
        byline=re.compile(data["byline_pattern"]),
        caption_credits=tuple(re.compile(p) for p in data["caption_credits"]),
        photo_credit_line=re.compile(data["photo_credit_line"]),
        caption_openers=tuple(data["caption_openers"]),
        not_caption_openers=tuple(data["not_caption_openers"]),
        credit_roles=frozenset(data.get("credit_roles", ())),
        photo_story_words=tuple(data["photo_story_words"]),
        photo_report_credits=tuple(data["photo_report_credits"]),
        photos_credited=re.compile(data["photos_credited"]),
        marked_caption_openers=tuple(data["marked_caption_openers"]),
        caption_scenes=tuple(data["caption_scenes"]),
        photo_positions=re.compile(data["photo_positions"]),
        headline_lead_suffixes=tuple(sorted(data["headline_lead_suffixes"], key=len, reverse=True)),   # longest first
        place_label=re.compile(rf"[{HAN}]{{1,{int(data['place_label_max_chars'])}}}?"
                               rf"(?:{'|'.join(map(re.escape, data['place_label_suffixes']))})[：:]?"),
        not_place_endings=tuple(data["not_place_endings"]),
        headline_continuations=tuple(data["headline_continuations"]),
        open_headline_endings=tuple(data["open_headline_endings"]),
        officials_deck_verbs=tuple(data["officials_deck_verbs"]),
        titles_before=tuple(sorted(people["titles_before"].split(), key=len, reverse=True)),
        bullets=data["bullets"],
        byline_marks=data["byline_marks"],
        organisation_suffixes=tuple(sorted(data["organisation_suffixes"], key=len, reverse=True)),
        paragraph_openers=tuple(data["paragraph_openers"]),
        box_labels=frozenset(data.get("box_labels", ())),
        surnames=frozenset("".join(people["surnames"].split())) | frozenset(people["byline_surnames"]),
        compound_surnames=tuple(sorted(people["compound_surnames"], key=len, reverse=True)),
    )


def is_box_label(text: str) -> bool:
    """The label of a box inside an article (阅读提示, 核心提示): a heading of the article, never a new one's title.

    >>> is_box_label("閱讀提示"), is_box_label("【核心提示】"), is_box_label("工会动态")
    (True, True, False)
    """
    return to_simplified(text).strip().strip("【】[]〔〕（）()：:") in rules().box_labels


def is_person_name(text: str) -> bool:
    """A plausible personal name: a known surname and one or two given characters.

    >>> is_person_name("何勇"), is_person_name("陶永国"), is_person_name("欧阳晓明"), is_person_name("努力建设")
    (True, True, True, False)
    """
    r = rules()
    if text.startswith(r.compound_surnames):
        return 3 <= len(text) <= 4
    return 2 <= len(text) <= 3 and text[0] in r.surnames


def is_column_label(text: str) -> bool:
    """A printed column label: ``渝工铸魂`` (and any label a theme declares).

    >>> is_column_label("渝工港湾"), is_column_label("渝工港湾建设持续推进")
    (True, False)
    """
    return any(p.match(text) for p in rules().column_patterns) or column_theme(text) is not None


def is_section_label(text: str) -> bool:
    """A section label that groups articles without being a column (``代表热议``)."""
    return text in rules().section_labels


def is_brief_section(text: str) -> bool:
    """A section of short news items, each title opening an article (``简讯``).

    >>> is_brief_section("简讯"), is_brief_section("代表热议")
    (True, False)
    """
    return text in rules().brief_sections


def is_banner(text: str) -> bool:
    """A series banner such as ``成渝地区双城经济圈·工会在行动``."""
    return any(p.match(text) for p in rules().banner_patterns)


def credit_authors(text: str) -> list[str] | None:
    """The person names of a credit line, [] for an organisation credit, None if not a credit.

    >>> credit_authors("本版图文由罗梅、何菊提供")
    ['罗梅', '何菊']
    >>> credit_authors("陶永国 潘锋 图片由北碚区总工会提供")
    ['陶永国', '潘锋']
    >>> credit_authors("本组稿件由市总工会提供")
    []
    >>> credit_authors("据了解，全市已建成驿站5220个。") is None
    True
    >>> credit_authors("（记者 陈静 通讯员 刘洋）")
    ['陈静', '刘洋']
    >>> credit_authors("（記者 陳靜 通訊員 劉洋）"), credit_authors("某某新闻签约摄影师 张三 摄影报道")
    (['陳靜', '劉洋'], ['张三'])
    >>> credit_authors("記者李國 通訊員陳代琳")
    ['李國', '陳代琳']
    >>> credit_authors("（李华）"), credit_authors("（资料图）")
    (['李华'], None)
    >>> credit_authors("本報記者 姜 峰 沈靖然 人民網記者 胡 虹")     # names padded to three characters' width
    ['姜峰', '沈靖然', '胡虹']
    """
    key = _SPACED_NAME.sub(r"\1\2", to_simplified(text))
    for pattern, persons_only in rules().credits:
        match = pattern.match(key)
        if match:
            start, end = match.span("authors") if "authors" in match.groupdict() else (0, 0)
            # names as printed (traditional stays traditional) when the fold kept the length
            names = _person_names((text if len(text) == len(key) else key)[start:end])
            if names or not persons_only:
                return names
    return None


_DATELINE = re.compile(rf"^[{HAN}A-Za-z\-—·]{{0,16}}(\d{{1,2}}月\d{{1,2}}日)?讯\s*[（(](?P<who>[^（）()]{{2,40}})[）)]|^[（(](?P<lead>[^（）()]{{2,40}})[）)]")


def dateline_authors(paragraph: str) -> list[str]:
    """The writers a lead names in its dateline: 本报讯（记者 孙悦 通讯员 李雪）…, 某某网讯（吴健）….

    >>> dateline_authors("某某网讯（记者 周明 通讯员 李雪）近日，江北区总工会举办运动会。")
    ['周明', '李雪']
    >>> dateline_authors("本报讯 （吴健）3月14日，座谈会召开。"), dateline_authors("近日（3月）召开。")
    (['吴健'], [])
    """
    match = _DATELINE.match(to_simplified(paragraph))
    if not match:
        return []
    who = (match.group("who") or match.group("lead")).strip()
    named = credit_authors(f"（{who}）")
    if named:
        return named
    return _person_names(who) if match.group("who") else []


def dateline_credits_photos(paragraph: str) -> bool:
    """A lead whose dateline says its writer took the photos too: 某某日报讯（文/图 记者 张三）….

    >>> dateline_credits_photos("某某日报讯（文/图 记者/张三 通讯员/李四）1月16日，……")
    True
    >>> dateline_credits_photos("本报讯（记者 张三）在摄影比赛上，……"), dateline_credits_photos("摄影比赛举行。")
    (False, False)
    """
    match = _DATELINE.match(to_simplified(paragraph))
    return bool(match) and credits_photos(match.group("who") or match.group("lead"))


# (a site and its app may share one: 某某网/某某客户端讯)
_DATELINE_OPENING = re.compile(rf"^[{HAN}]{{0,12}}(?:[/／][{HAN}]{{1,12}})?(本报|本刊|本台|本网|网|报|台|客户端)特?"
                               rf"(\d{{1,2}}月\d{{1,2}}日)?讯"
                               # 【本报讯】, 【特讯】, 【某某报讯】, 【本报消息】: the dateline in brackets
                               rf"|^【[{HAN}]{{0,10}}(讯|消息)】"
                               rf"|^[{HAN}]{{2,14}}[\d一二三四五六七八九十]{{1,3}}月[\d一二三四五六七八九十]{{1,3}}日(电|消息)"
                               # 某某日报（某某网）消息（记者 张三）: a paper's report, named before its writer
                               rf"|^[{HAN}（）()]{{2,20}}消息\s?[（(]\s?(记者|通讯员|特约记者|实习生|全媒体记者|融媒体记者)")


def opens_with_dateline(text: str) -> bool:
    """A paragraph that opens with a dateline is a news lead: nothing above it runs on into it.

    >>> opens_with_dateline("华龙网讯(记者 舒婷)12月1日，……"), opens_with_dateline("本报讯 近日，……")
    (True, True)
    >>> opens_with_dateline("新华社重庆5月1日电 ……"), opens_with_dateline("通讯员走进企业"), opens_with_dateline("某某网6月17日讯（记者 张三）")
    (True, False, True)
    >>> opens_with_dateline("【特讯】由某某工会主办的比赛……"), opens_with_dateline("【本报消息】某某工会……"), opens_with_dateline("【同期声】")
    (True, True, False)
    >>> opens_with_dateline("某某网/某某头条客户端讯 通讯员张三报道：1月22日，……")
    True
    >>> opens_with_dateline("某某网重庆9月27日消息（记者 张三）"), opens_with_dateline("重庆市9月27日召开大会")
    (True, False)
    >>> opens_with_dateline("某某日报（某某网）消息（记者 张三）新春座谈会上，……"), opens_with_dateline("消息传来，职工们很高兴。")
    (True, False)
    """
    text = to_simplified(text)
    return bool(_DATELINE_OPENING.match(text) or _DATELINE.match(text) and not text.startswith(("（", "(")))


# what may follow a dateline on its line: its writers in brackets (本报讯（记者 张三）)
_DATELINE_WRITERS = re.compile(r"\s*([（(][^（）()]{2,40}[）)])?\s*")
# a site's or a paper's report named alone on its line: 某某网消息, 某某日报消息
# (or its report of a day: 参考消息网3月4日报道, 某某网2026-03-04号报道)
_SOURCE_REPORT = re.compile(rf"^[{HAN}]{{1,12}}(网|报|台|社|客户端)"
                            rf"(消息|(\d{{4}}-\d{{1,2}}-\d{{1,2}}号?|\d{{1,2}}月\d{{1,2}}日)报道)$")


def dateline_end(text: str) -> int:
    """Where a lead's dateline (and its writers' bracket) ends: 0 when the text opens with none.

    >>> text = "某某网讯（记者 张三）12月1日，某区举办活动。"
    >>> text[dateline_end(text):], dateline_end("12月1日，某区举办活动。")
    ('12月1日，某区举办活动。', 0)
    """
    key = to_simplified(text)
    match = _DATELINE_OPENING.match(key) or _DATELINE.match(key)
    if not match or key.startswith(("（", "(")):
        return 0
    writers = _DATELINE_WRITERS.match(key, match.end())
    return writers.end() if writers else match.end()


def is_lone_dateline(text: str) -> bool:
    """A line that holds a dateline and nothing of the lead: the lead follows on the next line.

    >>> [is_lone_dateline(t) for t in ("本报讯", "某某网消息", "华龙网讯（记者 舒婷）", "新华社重庆5月1日电", "某某网2026-03-04号报道")]
    [True, True, True, True, True]
    >>> [is_lone_dateline(t) for t in ("本报讯 近日，某区开展活动。", "好消息", "消息", "通讯员走进企业")]
    [False, False, False, False]
    """
    text = to_simplified(text).strip()
    if _SOURCE_REPORT.match(text):
        return True
    match = _DATELINE_OPENING.match(text)
    return match is not None and _DATELINE_WRITERS.fullmatch(text[match.end():]) is not None


def opens_with_byline_mark(text: str) -> bool:
    """A line opening with a mark an e-paper prints before its writers' names (■ 张三 李四).

    >>> opens_with_byline_mark("■ 张三 李四"), opens_with_byline_mark("张三 李四")
    (True, False)
    """
    return text.startswith(tuple(rules().byline_marks))


def names_only(text: str) -> list[str]:
    """The names of a line that holds person names and nothing else ('黃仕強', '张三 李四'), else [].

    >>> names_only("黃仕強"), names_only("张三 李四"), names_only("劳模工匠"), names_only("■ 张三 李四")
    (['黃仕強'], ['张三', '李四'], [], ['张三', '李四'])
    >>> names_only("□张三 李四 本报记者 王五"), names_only("本报记者 王五")
    (['张三', '李四', '王五'], [])
    """
    # an e-paper may print its writers' names after a mark (■ 张三 李四), their roles among them
    # when marked (□张三 李四 本报记者 王五)
    marked = text.strip()[:1] in rules().byline_marks
    parts = [p for p in re.split(r"[\s、]+", text.strip().lstrip(rules().byline_marks)) if p]
    folded = [to_simplified(p) for p in parts]
    names = [(p, f) for p, f in zip(parts, folded) if not (marked and is_credit_role(f))]
    return [p for p, _ in names] if names and len(names) <= 4 and all(is_person_name(f) for _, f in names) else []


# 姜 峰: a two-character name printed with a space to fill a three-character width
_SPACED_NAME = re.compile(rf"(?<![{HAN}])([{HAN}]) ([{HAN}])(?![{HAN}])")
_MEDIA_ROLE = re.compile(rf"^[{HAN}]{{1,10}}(报|网|社|台|客户端)(记者|通讯员|特约记者|特约通讯员|实习生)$")


def is_credit_role(word: str) -> bool:
    """A role printed before a writer's name, alone or with its paper's name (记者, 深圳某报记者), no name in it.

    >>> [is_credit_role(w) for w in ("记者", "通訊員", "某某特区报记者", "某某报", "张三")]
    [True, True, True, False, False]
    """
    key = to_simplified(word)
    return key in rules().credit_roles or bool(_MEDIA_ROLE.match(key))


def _person_names(names: str) -> list[str]:
    # read through the fold (通訊員 is a role, 陳 a surname), kept as printed; 人民網記者 between names is a role
    parts = [_without_role(p) for p in re.split(r"[\s、，,]+", names)
             if p and to_simplified(p) not in rules().credit_roles and not _MEDIA_ROLE.match(to_simplified(p))]
    return parts if parts and all(is_person_name(to_simplified(p)) for p in parts) else []


@lru_cache(maxsize=1)
def _roles_longest_first() -> tuple[str, ...]:
    return tuple(sorted(rules().credit_roles, key=len, reverse=True))   # 本报记者 before 记者


def _without_role(name: str) -> str:
    """A name printed with its role glued to it: 通讯员陈代琳 → 陈代琳.

    >>> _without_role("通訊員陳代琳"), _without_role("陈代琳")
    ('陳代琳', '陈代琳')
    """
    key = to_simplified(name)
    role = next((r for r in _roles_longest_first() if key.startswith(r) and len(key) > len(r)), "")
    return name[len(role):]


def split_trailing_credit(text: str) -> tuple[str, str]:
    """Split a credit that runs on at the end of a paragraph.

    >>> split_trailing_credit("实现资源共享、互惠共赢。本组稿件由市总工会提供")
    ('实现资源共享、互惠共赢。', '本组稿件由市总工会提供')
    """
    match = rules().trailing_credit.search(text)
    if not match or match.start() == 0:
        return text, ""
    return text[: match.start()], match.group(1)


def parse_byline(text: str) -> tuple[list[str], str] | None:
    """A byline under a title: (names, organisation), or None.

    >>> parse_byline("何勇 黔江区总工会")
    (['何勇'], '黔江区总工会')
    """
    match = rules().byline.match(text)
    if not match:
        return None
    names = match.group("authors").split("、")
    if not all(is_person_name(name) for name in names):
        return None
    return names, match.group("org")


def split_caption_credit(text: str) -> tuple[str, str]:
    """Separate a photo credit from a caption (the text is read through the traditional → simplified fold).

    >>> split_caption_credit("长寿区2024年春风行动专场招聘会（通讯员 李辉 摄）")
    ('长寿区2024年春风行动专场招聘会', '通讯员 李辉 摄')
    >>> split_caption_credit("5月23日上午，重庆市工会第六次代表大会开幕。龚祉娴摄")
    ('5月23日上午，重庆市工会第六次代表大会开幕。', '龚祉娴摄')
    >>> split_caption_credit("健步走比赛现场。重庆市总工会供图 华龙网发")
    ('健步走比赛现场。', '重庆市总工会供图 华龙网发')
    >>> split_caption_credit("劳模工作室 张三 摄/某某图片社")
    ('劳模工作室', '张三 摄/某某图片社')
    >>> split_caption_credit("工作中的環衛工人。（記者：譚顯全 攝）")
    ('工作中的環衛工人。', '記者：譚顯全 攝')
    >>> split_caption_credit("职工在劳模工作室参观拍摄")
    ('职工在劳模工作室参观拍摄', '')
    >>> split_caption_credit("（图为比赛现场。张三 摄）")
    ('图为比赛现场。', '张三 摄')
    """
    key = to_simplified(text)
    if key[:1] in "（(" and key[-1:] in "）)" and opens_caption(key[1:]):
        return split_caption_credit(text[1:-1])      # （图为…。张三 摄）: the caption in brackets, its credit inside
    for pattern in rules().caption_credits:
        match = pattern.search(key)
        if match and match.start("credit") > 0:
            start, end = match.span("credit")
            return text[: match.start()].rstrip().rstrip("\\"), text[start:end].strip()   # (…活动。\记者 张三 摄)
    return text, ""


@lru_cache(maxsize=1 << 16)        # asked of every pair of lines in a run: fold each line once
def is_photo_credit_line(text: str) -> bool:
    """A line that is only a photo credit, printed under its caption.

    >>> is_photo_credit_line("新华社记者 黄伟 摄"), is_photo_credit_line("記者 譚顯全 攝"), is_photo_credit_line("摄影展开幕")
    (True, True, False)
    """
    return bool(rules().photo_credit_line.match(to_simplified(text)))


def opens_caption(text: str) -> bool:
    """A line opening the way only captions open (图为…, 上图：…).

    >>> opens_caption("图为职工在驿站休息"), opens_caption("图书馆开馆"), opens_caption("圖：代表團昨日抵港。")
    (True, False, True)
    >>> opens_caption("（图为比赛现场。张三 摄）")
    True
    """
    text = to_simplified(text).lstrip("（(")          # (（图为…摄）: a caption in brackets)
    return text.startswith(rules().caption_openers) and not text.startswith(rules().not_caption_openers)


def opens_marked_caption(text: str) -> bool:
    """A line opening with the mark web copies print before a caption (▲为先进集体颁奖).

    >>> opens_marked_caption("▲发布会现场"), opens_marked_caption("发布会现场")
    (True, False)
    """
    return text.startswith(rules().marked_caption_openers)


def names_photo_scene(text: str) -> bool:
    """A line that ends on a photo's scene word: 发布会现场, 颁奖仪式现场。, 参赛队员合影.

    >>> names_photo_scene("发布会现场"), names_photo_scene("颁奖仪式现场。"), names_photo_scene("现场办公")
    (True, True, False)
    """
    return text.rstrip("。").endswith(rules().caption_scenes)


def places_people_in_photo(text: str) -> bool:
    """A line that says where the people named stand in the photo: 张某（右）和李某（左）作报告。

    >>> places_people_in_photo("张某（右）和李某（左）作报告。"), places_people_in_photo("前排左三为劳模代表（前排左三）")
    (True, True)
    >>> places_people_in_photo("全市建成驿站（点）500个"), places_people_in_photo("左右两侧")
    (False, False)
    """
    return rules().photo_positions.search(to_simplified(text)) is not None


def names_photo_story(text: str) -> bool:
    """A head that announces a photo story.

    >>> names_photo_story("——全国工会系统技能大赛决赛剪影"), names_photo_story("技能大赛决赛举行")
    (True, False)
    """
    return any(word in to_simplified(text) for word in rules().photo_story_words)


PHOTO_REPORT_CREDIT_MAX_CHARS = 40


def credits_photo_report(text: str) -> bool:
    """A credit line naming the photographer who reported the story in pictures.

    >>> credits_photo_report("某某新闻签约摄影师 张三 摄影报道"), credits_photo_report("本报记者 张三 摄")
    (True, False)
    """
    key = to_simplified(text).strip()
    return len(key) <= PHOTO_REPORT_CREDIT_MAX_CHARS and key.endswith(rules().photo_report_credits)


def credits_photos(text: str) -> bool:
    """A credit or byline line that names who took or supplied the article's photos.

    >>> credits_photos("乔大海 赵海传/文 某某市总工会供图"), credits_photos("文/张三 图/李四"), credits_photos("记者 张三")
    (True, True, False)
    """
    return bool(rules().photos_credited.search(to_simplified(text)))


def names_headline_lead(text: str) -> bool:
    """A title line that is only the organisation the headline is about (某某区工会 / 重视报刊发行工作).

    >>> names_headline_lead("西安市新城区工会"), names_headline_lead("走进社区")
    (True, False)
    """
    return to_simplified(text).endswith(rules().headline_lead_suffixes)


def names_a_places_union(text: str) -> bool:
    """A title line that is a place's union and nothing more (正阳县总工会), no headline that ends on 工会.

    >>> names_a_places_union("某某县总工会"), names_a_places_union("广安21万农民工加入工会"), names_a_places_union("走进社区")
    (True, False, False)
    """
    text = to_simplified(text)
    suffix = next((s for s in rules().headline_lead_suffixes if text.endswith(s)), "")
    return bool(suffix) and names_place_only(text[: -len(suffix)])


def names_place_only(text: str) -> bool:
    """A title line that is only a place's name, with or without its colon (敦化市 / 某某区：).

    >>> names_place_only("敦化市"), names_place_only("重庆市潼南区："), names_place_only("某区总工会"), names_place_only("走进社区")
    (True, True, False, False)
    """
    text = to_simplified(text)
    return rules().place_label.fullmatch(text) is not None and not text.rstrip("：:").endswith(rules().not_place_endings)


def continues_headline(text: str) -> bool:
    """A title line that finishes the one above it: it opens with a joining word (暨大國工匠論壇在渝舉行).

    >>> continues_headline("暨大国工匠论坛在渝举行"), continues_headline("袁某出席并宣布开幕")
    (True, False)
    """
    return to_simplified(text).startswith(rules().headline_continuations)


def ends_open(text: str) -> bool:
    """A title line that stops where its phrase cannot: on a preposition, a conjunction or a verb awaiting its object.

    >>> ends_open("我省31人获"), ends_open("某区职工运动会开幕"), ends_open("劳模工匠进社区")
    (True, False, False)
    """
    return to_simplified(text.rstrip()).endswith(rules().open_headline_endings)


def shows_official_at_work(text: str) -> bool:
    """A photo's caption of an official at the event: a title, a name and what they did (讲话, 主持 …).

    >>> shows_official_at_work("省总工会党组成员、副主席武某某在启动仪式上讲话")
    True
    >>> shows_official_at_work("市总工会副主席张某主持仪式并宣布竞赛启动"), shows_official_at_work("某区职工运动会开幕")
    (True, False)
    """
    key = to_simplified(text)
    r = rules()
    if not any(verb in key for verb in r.officials_deck_verbs):
        return False
    for title in r.titles_before:
        at = key.find(title)
        while at >= 0:
            after = key[at + len(title):at + len(title) + 4]
            if any(is_person_name(after[:n]) for n in (2, 3)):
                return True
            at = key.find(title, at + 1)
    return False


OFFICIALS_DECK_PART_MAX = 12


def lists_officials(text: str) -> bool:
    """A deck of who did what at an event, each phrase ending on a verb of attendance (a dashless subtitle).

    >>> lists_officials("张某宣布开幕 李某致辞 王某出席"), lists_officials("袁某出席並宣布開幕 徐某講話")
    (True, True)
    >>> lists_officials("职工运动会开幕 劳模宣讲进社区"), lists_officials("张某出席")
    (False, False)
    """
    parts = to_simplified(text).split()
    return (len(parts) >= 2 and all(len(p) <= OFFICIALS_DECK_PART_MAX for p in parts)
            and all(p.endswith(rules().officials_deck_verbs) for p in parts))


# an item's number as lists print it: No.1 / 2. / 3、 / （4） / ⑤ / 六、 (a bare 3名职工 is no item)
_ITEM_NUMBER = re.compile(r"^\s*(?:(?:No|NO|no)\.?\s*(?P<no>\d{1,3})\.?|(?P<arabic>\d{1,3})[.、．](?!\d)"
                          r"|[（(](?P<bracketed>\d{1,3})[)）]|(?P<circled>[①-⑳])|(?P<chinese>[一二三四五六七八九十]{1,2})、)")


def item_number(text: str) -> int | None:
    """The number an item of a numbered list opens with (No.1, 2., （3）, ④, 五、), or None.

    >>> [item_number(t) for t in ("No.1轮子坡服务站", "No3. 万北社区", "（2）某某站", "④某某站", "十、其他", "5.某某站")]
    [1, 3, 2, 4, 10, 5]
    >>> [item_number(t) for t in ("2024年某某", "3名职工获奖", "1.5万名职工")]
    [None, None, None]
    """
    match = _ITEM_NUMBER.match(text)
    if not match:
        return None
    if match.group("circled"):
        return ord(match.group("circled")) - ord("①") + 1
    if match.group("chinese"):
        return numeral_value(match.group("chinese"))
    return int(match.group("no") or match.group("arabic") or match.group("bracketed"))


def is_bullet_item(text: str) -> bool:
    return bool(text) and text[0] in rules().bullets


def opens_paragraph(text: str) -> bool:
    """A line opening the way the genre's paragraphs open (下一步，…, 据了解，…).

    >>> opens_paragraph("下一步，某区总工会将深入推进改革。"), opens_paragraph("下一代的成长")
    (True, False)
    """
    # (a two-character opener only before its comma: 同时，… but not 同时代的…)
    return any(text.startswith(word) and (len(word) >= 3 or text[len(word):len(word) + 1] in ("，", ",", ""))
               for word in rules().paragraph_openers)


def ends_sentence(text: str) -> bool:
    """True when the text ends like a finished sentence (。 ！ ？ …, maybe inside quotes).

    A short bracket after the last sentence (the writer's name, 完) closes it too.

    >>> ends_sentence("不辜负你们的期望。"), ends_sentence("“知错就改”……"), ends_sentence("重点办好“十件实事”")
    (True, True, False)
    >>> ends_sentence("节约资金130万元。(郑克强)"), ends_sentence("活动圆满结束。（完）"), ends_sentence("参加比赛（初赛）")
    (True, True, False)
    >>> ends_sentence("工会组织暖人心’。 ”")       # a copy that spaces its punctuation: the quote still closes it
    True
    """
    stripped = text.rstrip(CLOSERS + " ")
    if stripped and stripped[-1] in SENTENCE_END:
        return True
    if not text.rstrip().endswith(("）", ")")):
        return False                  # asked of every line: most end on neither, so skip the search
    closing = _CLOSING_BRACKET.search(text)
    return bool(closing) and ends_sentence(text[: closing.start()])


_CLOSING_BRACKET = re.compile(r"\s*[（(][^（）()。！？!?，,]{1,20}[）)]\s*$")
