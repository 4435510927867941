"""One-sentence description: real leads of the seed pages plus written cases."""

import pytest
from hypothesis import given, settings, strategies as st

from builder.meta.summary import (
    clean_text,
    describe,
    is_informative,
    is_quotation,
    is_slogan,
    shorten,
    split_sentences,
)

JOBS_LEAD = (
    "2月19日，长寿区总工会、区人社分局等相关部门在区行政中心广场举办“春风送岗促就业 精准服务助发展”"
    "长寿区2024年春风行动专场招聘会。"
)
BEIBEI_LEAD = (
    "近年来，北碚区总工会按照建好工人大家庭、当好职工“娘家人”、聚力“绵广碚”、赋能成渝地区双城经济圈"
    "“一号工程”建设，致力打造“新时代工会工作标杆”，助力北碚做好“四篇文章”，描绘了一幅基层工会组织"
    "忠诚党的事业、竭诚服务职工的新画卷。"
)
YUBEI_LEAD = (
    "如何将劳模精神有效融入基层社会治理？渝北区总工会创新开展劳模工匠到社区报到活动，积极打造"
    "“劳模工匠到社区报到”工会特色服务工作品牌，发动区内各级先进人物结合自身所长，主动到就近社区或"
    "辖区企业报到“领岗”，着力构建起劳模作用发挥体系。"
)
CHENGKOU_LEAD = (
    "“感谢各位叔叔、阿姨的无私帮助与关怀。”11月30日，在城口县齐溪镇第一中心小学，受助学生代表激动地说，"
    "我们会努力学习科学文化知识，将来回报社会，不辜负你们的期望。"
)
CRAFTSMEN_LEAD = (
    "匠心建功勇担当，唯实争先作表率。12月15日，2023年度“成都工匠”赴渝国情研修活动暨推动成渝地区"
    "双城经济圈高质量发展工匠交流会在重庆举行。"
)
STATIONS_LEAD = (
    "近日，全国总工会发布2023年“最美工会户外劳动者服务站点”（以下简称最美驿站）名单，"
    "2000个工会驿站被确认为2023年最美驿站。重庆市渝中区七星岗街道抗建堂社区工会户外劳动者站点等45个站点入选。"
)


def test_jobs_article_gives_its_first_sentence():
    paragraphs = [JOBS_LEAD, "据悉，此次招聘会岗位设置多样化，涉及研发工程师、技术操作员等。"]
    assert describe("长寿区总工会“春送岗位”", paragraphs) == JOBS_LEAD


@pytest.mark.parametrize("paragraphs, expected_start", [
    ([YUBEI_LEAD], "渝北区总工会创新开展劳模工匠到社区报到活动"),   # question skipped
    ([CHENGKOU_LEAD], "11月30日，在城口县齐溪镇第一中心小学"),        # quotation skipped
    ([CRAFTSMEN_LEAD], "12月15日，2023年度“成都工匠”"),              # slogan skipped
    (["重庆市工会第六次代表大会闭幕", "大会投票选举", "代表热烈鼓掌",     # captions skipped
      "5月24日，重庆市工会第六次代表大会在重庆人民大厦胜利闭幕。大会提出要深化工会改革和建设。"],
     "5月24日，重庆市工会第六次代表大会在重庆人民大厦胜利闭幕。"),
    (["——江津工会五年工作回眸", "江津，万里长江入渝第一区，一座开放包容、产业兴盛、经济繁荣的枢纽之城。"],
     "江津，万里长江入渝第一区"),
    (["何勇 黔江区总工会", "代表认为，推动成渝地区双城经济圈是党中央、国务院作出的重大战略部署，是市委“一号工程”。"],
     "代表认为，推动成渝地区双城经济圈"),
])
def test_uninformative_openings_are_passed_over(paragraphs, expected_start):
    assert describe("标题", paragraphs).startswith(expected_start)


def test_asides_are_removed():
    result = describe("重庆45个站点入选全国“最美驿站”", [STATIONS_LEAD])
    assert result == "近日，全国总工会发布2023年“最美工会户外劳动者服务站点”名单，2000个工会驿站被确认为2023年最美驿站。"


@pytest.mark.parametrize("max_chars", [30, 60, 90, 110])
def test_long_lead_is_cut_at_a_clause(max_chars):
    result = describe("北碚区总工会致力打造新时代工会工作标杆", [BEIBEI_LEAD], max_chars=max_chars)
    assert len(result) <= max_chars
    assert result.endswith("…")
    body = result[:-1]
    assert BEIBEI_LEAD.startswith(body)                       # copied, never invented
    assert BEIBEI_LEAD[len(body)] in "，；：、"                  # cut at a boundary
    assert body.count("“") == body.count("”")                 # quotes stay balanced


def test_default_limit_keeps_a_short_enough_sentence_whole():
    assert describe("", [BEIBEI_LEAD]) == BEIBEI_LEAD  # 116 characters


@pytest.mark.parametrize("paragraph, expected", [
    ("## 渝工暖心", "渝工暖心"),
    ("**近日**，重庆市总工会通报了名单。", "近日，重庆市总工会通报了名单。"),
    ("近日，重庆市总工会\n通报了[名单](http://x)。", "近日，重庆市总工会通报了名单。"),
    ("■“渝工凝心铸魂”行动 紧盯政治责任，在引领职工群众上取得新成效。", "“渝工凝心铸魂”行动 紧盯政治责任，在引领职工群众上取得新成效。"),
    ("本报讯（记者 张三）5月24日，大会闭幕。", "5月24日，大会闭幕。"),
    ("长寿区2024年春风行动专场招聘会 （通讯员 李辉 摄）", "长寿区2024年春风行动专场招聘会"),
])
def test_clean_text(paragraph, expected):
    assert clean_text(paragraph) == expected


def test_result_is_one_plain_line():
    result = describe("标题", ["## 小标题", "> 近日，**重庆市总工会**通报，\n全市已创建全国模范职工之家236个。"])
    assert result == "近日，重庆市总工会通报，全市已创建全国模范职工之家236个。"
    assert "\n" not in result and "*" not in result and "#" not in result


@pytest.mark.parametrize("text, expected", [
    ("“岗位很多。很开心。”她说。随后离开。", ["“岗位很多。很开心。”", "她说。", "随后离开。"]),
    ("大会闭幕！代表表示满意？是的。", ["大会闭幕！", "代表表示满意？", "是的。"]),
    ("没有句号的标题", ["没有句号的标题"]),
    ("“引号没有关上。然后呢。", ["“引号没有关上。", "然后呢。"]),
    ("", []),
])
def test_split_sentences(text, expected):
    assert split_sentences(text) == expected


@pytest.mark.parametrize("sentence, quotation, slogan, informative", [
    ("“感谢各位叔叔、阿姨的无私帮助与关怀。”", True, False, False),
    ("“春送岗位”是工会服务职工的“四送”品牌之一。", False, False, True),
    ("匠心建功勇担当，唯实争先作表率。", False, True, False),
    ("党建铸魂，聚力凝心。", False, True, False),
    ("如何将劳模精神有效融入基层社会治理？", False, False, False),
    ("教育界劳模严卫说道。", False, False, False),
    (JOBS_LEAD, False, False, True),
])
def test_sentence_kinds(sentence, quotation, slogan, informative):
    assert is_quotation(sentence) is quotation
    assert is_slogan(sentence) is slogan
    assert is_informative(sentence) is informative


@pytest.mark.parametrize("title, paragraphs, max_chars, expected", [
    ("代表热议", ["代表热烈鼓掌", "代表举手表决"], 120, "代表热议"),   # no prose: the title
    ("代表热议", [], 120, "代表热议"),
    (None, None, 120, ""),
    ("标题", [None, 3, "", "   "], 120, "标题"),
    ("标题", [JOBS_LEAD], 0, ""),
    ("标题", [JOBS_LEAD], -5, ""),
    ("标题", JOBS_LEAD, 120, JOBS_LEAD),                          # a bare string is one paragraph
])
def test_describe_on_poor_input(title, paragraphs, max_chars, expected):
    assert describe(title, paragraphs, max_chars) == expected


def test_shorten_without_any_boundary_cuts_hard():
    assert shorten("一二三四五六七八九十", 5) == "一二三四…"
    assert shorten("短句。", 5) == "短句。"


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=30), st.lists(st.text(alphabet=st.sampled_from(list("重庆工会，。！？“”（）、 \n*#■以下简称记者摄")), max_size=80), max_size=4),
       st.integers(-2, 130))
def test_never_raises_and_fits(title, paragraphs, max_chars):
    result = describe(title, paragraphs, max_chars)
    assert len(result) <= max(max_chars, 0)
    assert "\n" not in result
