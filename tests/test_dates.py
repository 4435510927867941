"""Tests for dates: edition headers (builder.headers), date mentions and article dates (builder.meta.dates)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings, strategies as st

from builder.headers import EditionHeader, parse_edition_header
from builder.meta.dates import DateInfo, date_articles, find_date_mentions, normalise_date_text
from builder.text.calendar import parse_iso_date
from builder.textfix import fix_line

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def seed_lines(name: str, first: int, last: int) -> str:
    """Lines first..last (1-based, inclusive) of a seed page."""
    return "\n".join(SEEDS.joinpath(name).read_text(encoding="utf-8").splitlines()[first - 1:last])


# ------------------------------------------------------------ seed pages

SEED_PAGES = [
    ("beibei-union-benchmark.txt", None, [
        ((1, 123), (None, None, None)),                       # 6月30日: only a plan's title names a year
    ]),
    ("yugong-columns-yubei-changshou-yongchuan.txt", None, [
        ((5, 52), ("2023-12", "month", "text")),              # feature: latest dated event
        ((54, 76), ("2024-02-19", "day", "inferred")),        # year from the same sentence
        ((78, 91), ("2024-02-18", "day", "inferred")),        # year from the page's other main events
    ]),
    ("jiangjin-union-five-years.txt", None, [
        ((1, 91), ("2024", "year", "text")),                  # 截至2024年底
    ]),
    ("city-union-sixth-congress.txt", 7, [
        ((1, 35), ("2023-05-25", "day", "header")),
        ((37, 91), ("2023-05-25", "day", "header")),
        ((93, 121), ("2023-05-25", "day", "header")),
        ((123, 139), ("2023-05-25", "day", "header")),
    ]),
    ("chengyu-craftsmen-yugong-columns.txt", None, [
        ((5, 29), ("2023-12-15", "day", "inferred")),         # 12月15日，2023年度…
        ((31, 43), ("2023-12", "month", "inferred")),         # 近日 → page
        ((46, 57), ("2023-12", "month", "inferred")),         # 近日 → page
        ((61, 79), ("2023-12", "month", "inferred")),         # 近日 → page
        ((81, 99), ("2023-11-30", "day", "inferred")),        # year from article 1's main event
    ]),
]


def _fixed(text: str) -> str:
    """The same text after the line fixes (widened punctuation, folded digits)."""
    return "\n".join(fix_line(line) for line in text.splitlines())


@pytest.mark.parametrize("prepare", [str, _fixed], ids=["raw", "fixed"])
@pytest.mark.parametrize("name, header_line, expected", SEED_PAGES, ids=[p[0] for p in SEED_PAGES])
def test_seed_pages(name, header_line, expected, prepare):
    articles = [prepare(seed_lines(name, a, b)) for (a, b), _ in expected]
    header = parse_edition_header(seed_lines(name, header_line, header_line)) if header_line else None
    results = date_articles(header.date if header else None, articles)
    assert [(r.date, r.precision, r.source) for r in results] == [e for _, e in expected]
    assert all(r.evidence for r in results)


def test_seed_evidence_names_its_year_source():
    page = "yugong-columns-yubei-changshou-yongchuan.txt"
    results = date_articles(None, [seed_lines(page, 54, 76), seed_lines(page, 78, 91)])
    assert "'2月19日' + year 2024 from '2024年春风行动' (same sentence)" in results[0].evidence
    assert any("from the main event of article 1 on the page, 2024-02-19" in e for e in results[1].evidence)


def test_seed_header_found_in_text_when_not_given():
    page = "city-union-sixth-congress.txt"
    results = date_articles(None, [seed_lines(page, 1, 35), seed_lines(page, 93, 121)])
    assert [(r.date, r.source) for r in results] == [("2023-05-25", "header")] * 2


# ------------------------------------------------------------ mentions

@pytest.mark.parametrize("text, expected", [
    # (year, month, day, role, reason) for each mention, in order
    ("12月15日，2023年度“成都工匠”赴渝国情研修活动", [(None, 12, 15, "event", ""), (2023, None, None, "context", "period")]),
    ("2023年7月，全总启动双15工程", [(2023, 7, None, "event", "")]),
    ("2023年12月15日，会议召开", [(2023, 12, 15, "event", "")]),
    ("5月23日下午,与会代表认真学习", [(None, 5, 23, "event", "")]),
    ("今年5月,在重庆市工会第六次代表大会开幕式上", [(None, 5, None, "event", "")]),
    ("截至2024年底，全区基层工会组织2263个", [(2024, None, None, "event", "")]),
    ("入会人数从2022年700多人增加到2023年5082人", [(2022, None, None, "event", ""), (2023, None, None, "event", "")]),
    ("2020年以来，川渝工会持续合作", [(2020, None, None, "context", "since")]),
    ("自2019年起，该局设立了职工驿站", [(2019, None, None, "context", "since")]),
    ("从2021年开始，驿站每月开展活动", [(2021, None, None, "context", "since")]),
    ("2020年12月起，某区总工会组织干部走访困难职工", [(2020, 12, None, "event", "")]),   # the event's start
    # targets and plans
    ("到2027年，全市将新建“渝工港湾”2000个以上", [(2027, None, None, "excluded", "future target")]),
    ("预计2024年底全面建成", [(2024, None, None, "excluded", "future target")]),
    ("明年3月投入使用", [(None, 3, None, "excluded", "future target")]),
    ("提出到今年年底，建成15万个工会驿站", []),
    ("活动将持续到12月31日", [(None, 12, 31, "excluded", "future target")]),
    ("大会将于12月20日举行", [(None, 12, 20, "excluded", "future target")]),
    ("拟于2024年3月启动", [(2024, 3, None, "excluded", "future target")]),
    ("截止到2023年底，全市建成", [(2023, None, None, "event", "")]),
    ("2023年5月至7月", [(2023, 5, None, "event", ""), (None, 7, None, "excluded", "range end")]),
    ("职工重温1921年的建党历史", [(1921, None, None, "context", "history")]),
    # ranges and document titles
    ("《重庆市北碚区推动成渝地区双城经济圈建设行动方案(2023—2027年)》",
     [(2023, None, None, "context", "document title"), (2027, None, None, "excluded", "range end")]),
    ("2023—2027年，全市工会将", [(2023, None, None, "context", "range start"), (2027, None, None, "excluded", "range end")]),
    ("2023年至2027年", [(2023, None, None, "context", "range start"), (2027, None, None, "excluded", "range end")]),
    ("5月24日至26日举行", [(None, 5, 24, "event", "")]),
    ("5月24日—6月2日举行", [(None, 5, 24, "event", ""), (None, 6, 2, "excluded", "range end")]),
    ("1—3月，全市新建工会", [(None, 3, None, "excluded", "range end")]),
    # spellings
    ("２０２３年５月２４日，大会闭幕", [(2023, 5, 24, "event", "")]),
    ("二〇二三年十二月十五日", [(2023, 12, 15, "event", "")]),
    ("十二月十五日，交流会举行", [(None, 12, 15, "event", "")]),
    ("2023 年 5 月 24 日", [(2023, 5, 24, "event", "")]),
    # not dates
    ("2月30日", []),
    ("2023年13月", [(2023, None, None, "event", "")]),
    ("开展了为期3个月的培训", []),
    ("1990年代的老厂房", []),
    ("五月的风，五一劳动奖章", []),
    ("增加了12915人次", []),
    ("", []),
])
def test_find_date_mentions(text, expected):
    found = [(m.year, m.month, m.day, m.role, m.reason) for m in find_date_mentions(text)]
    assert found == expected


@pytest.mark.parametrize("text, expected", [
    # (year, month, day) of each mention; the time of day is ignored
    ("2018/1/8，区总工会召开座谈会", [(2018, 1, 8)]),
    ("2018-1-8，职工运动会开幕", [(2018, 1, 8)]),
    ("2018.1.8，劳模宣讲团成立", [(2018, 1, 8)]),
    ("发布时间：2021-5-10 9:53:41", [(2021, 5, 10)]),
    ("2024-12-27 18:38 来源：区总工会", [(2024, 12, 27)]),
    ("２０１８／１／８", [(2018, 1, 8)]),
    ("2024-02-29，工会开展慰问", [(2024, 2, 29)]),
    ("2023 年 12 月 24 日，大会召开", [(2023, 12, 24)]),
    ("2023年 12月 24日，大会召开", [(2023, 12, 24)]),
    ("二〇二三 年 十二月二十四日", [(2023, 12, 24)]),
    # number-like text that is not a date
    ("帮扶资金1.5万元", []),
    ("合格率提高10.5%", []),
    ("覆盖2018.1.8万人", []),
    ("咨询电话023-63881234", []),
    ("热线023-2018-1-8", []),
    ("系统升级到V2018.1.8版", []),
    ("版本号1.2.3", []),
    ("服务器192.168.1.1", []),
    ("2023-2-30", []),
    ("2023-13-1", []),
    ("3023-1-8", []),
    ("2023.12.5.1", []),
])
def test_numeric_and_spaced_dates(text, expected):
    assert [(m.year, m.month, m.day) for m in find_date_mentions(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("2023-2027年，全市工会将", [("range start", 2023), ("range end", 2027)]),
    ("1998/7/1，厂工会成立", [("history", 1998)]),
    ("2018-1-8至2018-1-10举行", [("", 2018), ("range end", 2018)]),
])
def test_numeric_dates_keep_their_roles(text, expected):
    assert [(m.reason, m.year) for m in find_date_mentions(text)] == expected


@pytest.mark.parametrize("text, expected", [
    # (text, month, day, role) of each mention: the first day is the event, with its day
    ("2月26至27日，职工技能比武在区体育馆举行", [("2月26至27日", 2, 26, "event")]),
    ("2月26日至27日，职工技能比武举行", [("2月26日", 2, 26, "event")]),
    ("2月26日—27日，职工技能比武举行", [("2月26日", 2, 26, "event")]),
    ("2月26—27日，职工技能比武举行", [("2月26—27日", 2, 26, "event")]),
    ("2月26-27日，职工技能比武举行", [("2月26-27日", 2, 26, "event")]),
    ("3月30日至4月2日，培训班开班", [("3月30日", 3, 30, "event"), ("4月2日", 4, 2, "excluded")]),
    ("3月30至4月2日，培训班开班", [("3月30", 3, 30, "event"), ("4月2日", 4, 2, "excluded")]),
    ("3月30日—4月2日，培训班开班", [("3月30日", 3, 30, "event"), ("4月2日", 4, 2, "excluded")]),
    # a month range stays a month
    ("5月至7月，开展夏送清凉", [("5月", 5, None, "event"), ("7月", 7, None, "excluded")]),
])
def test_a_range_is_one_event_dated_by_its_first_day(text, expected):
    assert [(m.text, m.month, m.day, m.role) for m in find_date_mentions(text)] == expected


@pytest.mark.parametrize("text, expected", [
    ("2024年2月26至27日，职工技能比武在区体育馆举行。", ("2024-02-26", "day", "text")),
    ("2024年3月30日至4月2日，劳模培训班开班。", ("2024-03-30", "day", "text")),
    ("2月26—27日，长寿区2024年职工技能比武举行。", ("2024-02-26", "day", "inferred")),
])
def test_a_range_dates_its_article_by_the_first_day(text, expected):
    [result] = date_articles(None, [text])
    assert (result.date, result.precision, result.source) == expected


@pytest.mark.parametrize("text, expected", [
    # (year, role, reason) of each mention
    ("曾获2019年全国五一劳动奖章", [(2019, "context", "honour")]),
    ("荣获了“2020年度最美职工”称号", [(2020, "context", "honour")]),
    ("被评为重庆市2021年度优秀工会干部", [(2021, "context", "honour")]),
    ("被授予2018年重庆五一劳动奖章", [(2018, "context", "honour")]),
    ("2019年荣获全国五一劳动奖章", [(2019, "context", "honour")]),
    ("2017年度被评为先进职工之家", [(2017, "context", "honour")]),
    # a full date before an honour word is the ceremony; a later clause is apart
    ("2024年4月28日荣获全国五一劳动奖章", [(2024, "event", "")]),
    ("五一劳动奖章获得者王师傅，2023年担任班长", [(2023, "event", "")]),
])
def test_honour_years_are_not_events(text, expected):
    assert [(m.year, m.role, m.reason) for m in find_date_mentions(text)] == expected


DATA = yaml.safe_load(Path(__file__).resolve().parent.parent.joinpath(
    "builder", "data", "dates.yaml").read_text(encoding="utf-8"))
YEAR_WORDS = [*DATA["relative_years"], *DATA["future_relative_years"], *DATA["same_year_words"]]


@pytest.mark.parametrize("word", YEAR_WORDS)
def test_every_year_word_of_the_data_is_read(word):
    [mention] = find_date_mentions(f"工会{word}6月举办培训")
    assert (mention.relative, mention.month) == (word, 6)


@pytest.mark.parametrize("name", DATA["anniversaries"])
def test_every_anniversary_of_the_data_is_read(name):
    [result] = date_articles(None, [f"8月8日，纪念{name}50周年座谈会召开。"])
    assert result.date == f"{DATA['anniversaries'][name] + 50}-08-08"


@pytest.mark.parametrize("word", DATA["honour_words"])
def test_every_honour_word_of_the_data_is_read(word):
    [mention] = find_date_mentions(f"王师傅{word}2019年度重庆五一劳动奖章")
    assert (mention.role, mention.reason) == ("context", "honour")


@pytest.mark.parametrize("word", DATA["future_prefixes"])
def test_every_future_word_of_the_data_is_read(word):
    [mention] = find_date_mentions(f"驿站{word}2026年底建成")
    assert (mention.role, mention.reason) == ("excluded", "future target")


@pytest.mark.parametrize("word", DATA["past_before_to"])
def test_every_as_of_word_of_the_data_is_read(word):
    mention = find_date_mentions(f"会员人数{word}到2023年的4000人")[-1]
    assert (mention.year, mention.role) == (2023, "event")


@pytest.mark.parametrize("word", DATA["since_suffixes"])
def test_every_since_word_of_the_data_is_read(word):
    [mention] = find_date_mentions(f"2021年{word}，工会持续送教")
    assert (mention.role, mention.reason) == ("context", "since")


@pytest.mark.parametrize("word", DATA["recency_words"])
def test_every_recency_word_of_the_data_is_read(word):
    result = date_articles(None, [f"{word}，区总工会开展送清凉活动。", "2024年7月10日，劳模走进工地。"])[0]
    assert (result.date, result.evidence[0]) == ("2024-07", f"'{word}': as recent as the page")


@pytest.mark.parametrize("text, quoted", [
    ("长寿区2024年春风行动专场招聘会", "2024年春风行动"),
    ("截至2024年底，全区", "2024年底"),
    ("11月30日，在城口县", "11月30日"),
])
def test_mention_quotes_what_the_year_names(text, quoted):
    assert [m.text for m in find_date_mentions(text)] == [quoted]


@pytest.mark.parametrize("text, expected", [
    ("２０２４年２月", "2024年2月"),
    ("二〇二三年十二月十五日", "2023年12月15日"),
    ("二○二四年一月", "2024年1月"),
    ("三十一日", "三十一日"),          # no month: untouched
    ("一月一次", "一月一次"),          # no year and no day: untouched
])
def test_normalise_date_text(text, expected):
    assert normalise_date_text(text) == expected


# ------------------------------------------------------------ article dates

def _summary(results: list[DateInfo]) -> list[tuple]:
    return [(r.date, r.precision, r.source) for r in results]


@pytest.mark.parametrize("header, articles, expected", [
    # the page's own date dates every article, whatever the texts say
    ("2023-05-25", ["近日，大会闭幕。", "5月24日,大会闭幕。"], [("2023-05-25", "day", "header")] * 2),
    ("2024-02-20", ["2月18日，企业复工复产。"], [("2024-02-20", "day", "header")]),
    ("2024-02", ["2月18日，企业复工复产。"], [("2024-02", "month", "header")]),
    (None, ["版次：004 作者：来源： 2023年05月25日\n5月24日,大会闭幕。", "代表热议。"],
     [("2023-05-25", "day", "header")] * 2),
    # a malformed page date is ignored, the text decides
    ("2023-13-01", ["2023年12月15日，交流会举行。"], [("2023-12-15", "day", "text")]),
    ("5月25日", ["2023年12月15日，交流会举行。"], [("2023-12-15", "day", "text")]),
])
def test_the_page_date_comes_first(header, articles, expected):
    assert _summary(date_articles(header, articles)) == expected


# (articles of one page, the article looked at, its date, where its year came from)
YEAR_SOURCES = [
    # (a) the same sentence
    (["3月5日，綦江区2024年春风送岗招聘会在文化广场举办。"], 0,
     "2024-03-05", "from '2024年春风送岗' (same sentence)"),
    (["12月15日，2023年度“巴渝工匠”交流会在江北举行。"], 0, "2023-12-15", "from '2023年度' (same sentence)"),
    # (b) the title block, before the prose
    (["沙坪坝区2024年职工技能比武开赛\n3月8日，比武在区职教中心开幕。"], 0,
     "2024-03-08", "from '2024年职工技能' (title)"),
    (["永川区2024年“春风行动”\n送岗位进园区\n2月26至27日，区总工会在凤凰湖园区设点招聘。"], 0,
     "2024-02-26", "from '2024年' (title)"),
    # (c) the article's main event: its other dates take that year
    (["2023年11月28日，职工书屋联展开幕。\n12月2日，展览移至大渡口。", "近日，工会发布书目。"], 1,
     "2023-12", "from the article's main event 2023-11-28"),
    # (d) the main events of the other articles of the page
    (["3月5日，綦江区2024年春风送岗招聘会举办。", "3月4日，园区企业开足马力生产。"], 1,
     "2024-03-04", "from the main event of article 1 on the page, 2024-03-05"),
    (["工会开展活动。\n服务职工。\n2023年12月,劳模开展培训。", "11月30日，爱心企业走进学校。"], 1,
     "2023-11-30", "from the main event of article 1 on the page, 2023-12"),
    # the page names two years: the one nearest its latest main event
    (["2023年12月28日，迎新春职工长跑举行。", "2024年1月3日，送温暖活动启动。",
      "12月30日，劳模慰问环卫工人。"], 2, "2023-12-30", "article 1 on the page"),
    (["2023年12月28日，迎新春职工长跑举行。", "2024年1月3日，送温暖活动启动。",
      "1月2日，劳模慰问环卫工人。"], 2, "2024-01-02", "article 2 on the page"),
    # (e) the anniversary the title or lead marks: the event's own occasion
    (["7月2日，以“奋进新征程 献礼建党100周年”为主题的职工合唱比赛在某区举行。"], 0,
     "2021-07-02", "from '建党100周年' (the anniversary the article marks)"),
    (["某区职工书画展开幕\n9月28日，庆祝新中国成立七十五周年职工书画展开幕。"], 0,
     "2024-09-28", "from '新中国成立七十五周年'"),
    # the year written in the mention itself
    (["2023年12月15日，交流会举行。"], 0, "2023-12-15", "written in full"),
]


@pytest.mark.parametrize("articles, index, date, where", YEAR_SOURCES)
def test_a_year_comes_from_evidence_about_the_same_event(articles, index, date, where):
    result = date_articles(None, articles)[index]
    assert result.date == date
    assert any(where in e for e in result.evidence), result.evidence


@pytest.mark.parametrize("articles", [
    # a year only elsewhere in the body is another event's
    ["4月28日，劳模走进社区。\n王师傅曾获2019年全国五一劳动奖章。"],
    ["11月28日，爱心企业走进乡村小学。\n会员从2022年600余人增加到2023年4000余人。"],
    ["6月30日，劳模论坛召开。\n活动期间举行讲座。\n2021年3月，两地工会签署合作协议。"],
    # honours, history, 以来, document titles and targets lend no year, even in the same sentence
    ["4月28日，曾获2019年全国五一劳动奖章的王师傅走进社区。"],
    ["7月1日，职工重温1921年的建党历史。"],
    ["9月5日，2020年以来坚持送教的劳模再次走进学校。"],
    ["6月30日，论坛召开。\n按照《行动方案(2023—2027年)》推进。"],
    ["6月30日，论坛召开，到2027年将新建站点。"],
    ["5月10日，2023—2027年五年规划发布会召开。"],
    # nothing about the year at all
    ["2月18日,企业复工复产。"],
    # two anniversaries name two years; one outside the title and lead is history, not the occasion
    ["7月1日，庆祝建党100周年暨直辖25周年文艺汇演举行。"],
    ["6月30日，劳模论坛召开。\n活动期间举行讲座。\n回顾建党百年历程，劳模们深受鼓舞。"],
    # a title whose years disagree names no one year
    ["2023年总结暨2024年工作会\n1月10日，会议在区总工会召开。"],
    # a period's year (年度) alone dates nothing: the honours of 2022 are announced later
    ["近日，市总工会公布了2022年度劳动竞赛先进集体和个人名单。"],
    # a year under review is before the meeting that reviews it
    ["8月20日上午，某市总工会解困脱困工作推进会举行，对2018年取得的工作成果进行了总结。"],
    ["近日，某区总工会召开全委会，总结了2023年所取得的成绩。"],
])
def test_a_year_is_never_borrowed_from_another_event(articles):
    assert _summary(date_articles(None, articles)) == [(None, None, None)]


def test_an_undated_main_event_is_not_replaced_by_another_event():
    [result] = date_articles(None, ["6月30日，劳模论坛召开。\n活动期间举行讲座。\n2021年3月，两地工会签署合作协议。"])
    assert result.evidence == ("'6月30日' (first dated sentence of the lead) dropped: no year from its "
                               "sentence, its title or a main event of the page",)


def test_undated_article_says_what_was_dropped():
    [result] = date_articles(None, ["工会开展活动。\n服务职工。\n另悉，2月18日企业复工复产。"])
    assert result.date is None
    assert result.evidence == ("'2月18日' dropped: no year from its sentence, its title or a main event of the page",)


@pytest.mark.parametrize("articles, expected", [
    # 今年 / 去年 count from a year established by the same evidence
    (["今年5月,大会召开。", "截至2023年底,全市建成站点。"], [("2023-05", "month", "inferred"), ("2023", "year", "text")]),
    (["去年12月,工会开展送温暖活动。", "2024年2月19日，招聘会举办。"],
     [("2023-12", "month", "inferred"), ("2024-02-19", "day", "text")]),
    (["渝北区2024年职工运动会闭幕\n去年12月启动的运动会，于3月2日闭幕。"], [("2023-12", "month", "inferred")]),
    (["2024年3月8日，女职工座谈会召开。\n今年5月，将举办技能比武。\n前年10月，工会成立。"],
     [("2024-03-08", "day", "text")]),
    # a year beside 去年 names the event itself, not the year it counts from
    (["去年12月，2023年度劳模表彰会召开。"], [(None, None, None)]),
    # with no evidence a relative year stays undated
    (["今年5月,大会召开。"], [(None, None, None)]),
    (["去年12月,工会开展送温暖活动。\n截至2024年2月,已慰问职工500人。"], [(None, None, None)]),
    # 同年 points back to the year named before
    (["工会不断发展。\n服务职工。\n2023年3月,工会成立。同年6月,举办竞赛。"], [("2023-06", "month", "inferred")]),
])
def test_relative_years(articles, expected):
    assert _summary(date_articles(None, articles)) == expected


@pytest.mark.parametrize("articles, expected", [
    # the lead's first dated sentence beats later dates; a feature takes its latest
    (["12月15日,2023年度交流会在重庆举行。\n活动期间举行讲座。\n2024年1月,双方再次交流。"],
     [("2023-12-15", "day", "inferred")]),
    (["工会开展活动。\n服务职工。\n2023年7月,劳模走进社区。\n2023年12月,劳模开展培训。\n2023年,活动138次。"],
     [("2023-12", "month", "text")]),
    (["江津工会五年回眸\n江津，枢纽之城。\n回首过去五年，全区工会奋进。\n截至2024年底，全区工会组织2263个。"],
     [("2024", "year", "text")]),
    # recency words borrow the page's latest date, kept to the month
    (["近日，全国总工会发布2023年最美驿站名单。\n2023年7月，全总启动双15工程。",
      "12月15日，2023年度交流会在重庆举行。"],
     [("2023-12", "month", "inferred"), ("2023-12-15", "day", "inferred")]),
    (["近日，工会发布2023年名单。"], [("2023", "year", "inferred")]),
    (["近日，工会发布名单。"], [(None, None, None)]),
    (["近日，工会回顾2020年以来的工作。"], [(None, None, None)]),
    (["近日，某局挂牌工会驿站。自2019年起，该局为户外劳动者建起驿站。"], [(None, None, None)]),
    (["工会发展良好。\n截至目前，全市已创建职工之家236个。", "2023年12月,劳模开展培训。"],
     [("2023-12", "month", "inferred"), ("2023-12", "month", "text")]),
    # spellings
    (["２０２３年５月２４日，大会闭幕。"], [("2023-05-24", "day", "text")]),
    (["二〇二三年十二月十五日，交流会举行。"], [("2023-12-15", "day", "text")]),
    (["2023 年 12 月 24 日，职工迎新年长跑举行。"], [("2023-12-24", "day", "text")]),
    (["2018/1/8，区总工会召开全委会。"], [("2018-01-08", "day", "text")]),
    (["发布时间：2024-12-27 18:38\n工会开展活动。\n服务职工。"], [("2024-12-27", "day", "text")]),
    # nothing at all
    (["工会开展主题宣传活动。"], [(None, None, None)]),
    ([""], [(None, None, None)]),
    ([], []),
])
def test_choosing_the_article_date(articles, expected):
    assert _summary(date_articles(None, articles)) == expected


# ------------------------------------------------------------ edition header

@pytest.mark.parametrize("line, expected", [
    ("版次:004    作者:来源:    2023年05月25日", EditionHeader("004", "", "", "2023-05-25")),
    ("版次：004\u3000作者：来源：\u30002023年05月25日", EditionHeader("004", "", "", "2023-05-25")),
    ("版次:004 作者:来源: 2023年05月25日", EditionHeader("004", "", "", "2023-05-25")),
    ("版次：００４ 作者：陶永国 潘锋 来源：重庆工人报 2023年5月25日",
     EditionHeader("004", "陶永国 潘锋", "重庆工人报", "2023-05-25")),
    ("第4版 2023-05-25", EditionHeader("4", "", "", "2023-05-25")),
    ("第四版 作者: 来源: 2023.05.25", EditionHeader("4", "", "", "2023-05-25")),
    ("版次：第4版 日期：2023/5/25", EditionHeader("4", "", "", "2023-05-25")),
    # header-shaped, impossible or missing date
    ("版次:004 作者:来源: 2023年13月25日", EditionHeader("004", "", "", None)),
    ("版次:004 作者:来源:", EditionHeader("004", "", "", None)),
])
def test_parse_edition_header(line, expected):
    assert parse_edition_header(line) == expected


@pytest.mark.parametrize("line", [
    "作者:来源: 2023年05月25日",                                    # no page field
    "版次: 作者:来源: 2023年05月25日",                              # empty page field
    "本报第4版刊登了大会消息",                                       # a sentence
    "5月24日,重庆市工会第六次代表大会在重庆人民大厦胜利闭幕。",
    "版次:004 作者:来源: 2023年05月25日 2023年05月26日",             # two dates
    "版次:004 作者:张三 作者:李四 2023年05月25日",                   # repeated field
    "版次:004 编辑:张三 2023年05月25日",                             # unknown text
    "",
])
def test_parse_edition_header_rejects(line):
    assert parse_edition_header(line) is None


# ------------------------------------------------------------ ISO input

@pytest.mark.parametrize("value, expected", [
    ("2023-05-25", ("2023-05-25", "day")),
    ("2023-5-1", ("2023-05-01", "day")),
    ("2023-05", ("2023-05", "month")),
    ("2024", ("2024", "year")),
    (" 2024 ", ("2024", "year")),
    ("２０２４-０２", ("2024-02", "month")),
    ("2024-02-29", ("2024-02-29", "day")),
    ("2023-13-01", None),
    ("2023-02-29", None),
    ("2023-00", None),
    ("0000", None),
    ("2023/05/25", None),
    ("23-05-25", None),
    ("2023-05-25T00:00", None),
    ("二〇二三", None),
    ("", None),
])
def test_parse_iso_date(value, expected):
    assert parse_iso_date(value) == expected


# ------------------------------------------------------------ never raise

_date_text = st.text(alphabet=st.sampled_from(list("0123456789２０年月日号今去明同近日至到—-《》()。，\n截底以来预计工会")),
                     max_size=60)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_date_text, st.text(max_size=40)), max_size=4),
       st.one_of(st.none(), st.text(max_size=12)))
def test_date_articles_never_raises_and_dates_are_valid(articles, header):
    results = date_articles(header, articles)
    assert len(results) == len(articles)
    for r in results:
        if r.date is None:
            assert r.precision is None and r.source is None
        else:
            assert parse_iso_date(r.date) == (r.date, r.precision)


@settings(max_examples=150, deadline=None)
@given(st.one_of(_date_text, st.text(max_size=60)))
def test_parsers_never_raise(text):
    parse_edition_header(text)
    parse_iso_date(text)
    find_date_mentions(text)
