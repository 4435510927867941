"""Districts (区县) gazetteer and locator: seed articles, traps, data integrity."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.meta.places import (
    find_places,
    load_gazetteer,
    normalise_district,
    scan,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def cut(name: str, start: str, end: str | None = None) -> str:
    """The seed text from ``start`` up to (not including) the next ``end``."""
    text = (SEEDS / name).read_text(encoding="utf-8")
    i = text.index(start)
    return text[i:text.index(end, i)] if end else text[i:]


YUGONG = "yugong-columns-yubei-changshou-yongchuan.txt"
CONGRESS = "city-union-sixth-congress.txt"
CHENGYU = "chengyu-craftsmen-yugong-columns.txt"

# (seed file, title as the splitter joins it, body start, body end, bylines/credits, districts, regions)
SEED_ARTICLES = [
    ("beibei-union-benchmark.txt", "建好工人大家庭 当好职工“娘家人” 北碚区总工会致力打造新时代工会工作标杆",
     "近年来,北碚区总工会按照", None, ["陶永国 潘锋 图片由北碚区总工会提供"],
     ("北碚区",), ("四川省", "绵阳市", "广安市")),
    (YUGONG, "劳模工匠到社区报到 构筑基层治理新格局", "活动启动以来", "渝工暖心", [],
     ("渝北区",), ()),
    (YUGONG, "长寿区总工会“春送岗位”", "2月19日,长寿区总工会", "渝工建功", [],
     ("长寿区",), ()),
    (YUGONG, "企业生产忙 勤把安全抓", "随着春节假期结束", None, [],
     ("永川区",), ()),
    ("jiangjin-union-five-years.txt", "凝聚奋进力量 谱写时代华章 ——江津工会五年工作回眸",
     "江津，万里长江", "本版图文由", ["本版图文由罗梅、何菊提供"],
     ("江津区",), ()),
    (CONGRESS, "奋力打造新时代工会工作市域标杆 在新时代新征程新重庆建设中开创重庆工运事业新局面 "
               "——重庆市工会第六次代表大会胜利闭幕", "5月24日,重庆市工会", "今后五年 重点工作", [],
     (), ()),
    (CONGRESS, "今后五年 重点工作", "大力实施渝工五大", "代表热议\n", [],
     (), ()),
    (CONGRESS, "昂首阔步新征程 唯实争先谱新篇 代表热议领导讲话精神和大会工作报告", "5月23日下午", "代表建议选登", [],
     (), ()),
    (CONGRESS, "建立成渝地区区县工会互融互联互通机制 推动成渝地区双城经济圈建设", "代表认为", "本组稿件",
     ["何勇 黔江区总工会", "本组稿件由市总工会提供"],
     ("黔江区",), ("四川省",)),
    (CHENGYU, "成渝工匠共话高质量发展 推动成渝地区双城经济圈高质量发展工匠交流会在渝举办",
     "匠心建功勇担当", "## 渝工港湾", [],
     (), ("成都市",)),
    (CHENGYU, "重庆45个站点 入选全国“最美驿站”", "近日，全国总工会发布", "扫描查看名单", [],
     (), ()),
    (CHENGYU, "重庆市职工之家 市域标杆名单出炉", "近日，重庆市总工会通报", "扫描查看名单", [],
     (), ()),
    (CHENGYU, "公交进校园 安全伴“童”行 两江公交公司劳模工作室开展主题宣传活动", "近日，重庆交通开投", "## 大巴山", [],
     ("两江新区",), ()),
    (CHENGYU, "大巴山深处动起“志愿红” 城口县总工会着力打造“巴山惠工”志愿服务品牌", "“感谢各位叔叔", None, [],
     ("城口县",), ()),
]


@pytest.mark.parametrize("name,title,start,end,bylines,districts,regions", SEED_ARTICLES,
                         ids=[a[1][:12] for a in SEED_ARTICLES])
def test_seed_articles(name, title, start, end, bylines, districts, regions):
    places = find_places(title, cut(name, start, end), bylines)
    assert places.districts == districts, places.evidence
    assert places.regions == regions, places.evidence


# A long body about one district, to put a passing mention of another into.
BEIBEI_BODY = cut("beibei-union-benchmark.txt", "近年来,北碚区总工会按照", "## 聚力")


@pytest.mark.parametrize("title,text,bylines,districts,regions", [
    # 长寿 as an ordinary word is not 长寿区
    ("社区开展老年人健康讲座", "医生祝愿老人们健康长寿，并讲解了长寿命的秘诀。", [], (), ()),
    ("", "他说，长寿离不开好心态。", [], (), ()),                     # bare, with nothing to support it
    ("长寿区总工会“春送岗位”", "长寿区总工会举办招聘会，长寿的企业踊跃参加。", [], ("长寿区",), ()),
    # 江北 and 渝北 are different districts; 长江北岸 is neither
    ("", "渝北区总工会组织劳模工匠到社区报到。", [], ("渝北区",), ()),
    ("", "江北区总工会组织劳模工匠到社区报到。", [], ("江北区",), ()),
    ("", "两岸绿树成荫，长江北岸步道贯通。", [], (), ()),
    ("", "旅客从重庆江北国际机场出发。", [], (), ()),
    # a district named only inside organisation names is weak next to a district union
    ("重庆市职工之家市域标杆名单出炉",
     "命名国家税务总局重庆市万州区税务局工会委员会等80家单位，重庆中烟涪陵卷烟厂卷包车间分工会等20家单位。",
     [], (), ()),
    ("万州区总工会开展送温暖活动", "万州区总工会走访慰问了万州经开区某企业的困难职工。", [], ("万州区",), ()),
    # the lead says where the news happened: one mention there lists the district, the same later does not
    ("“夏送清凉”暖心行动", "近日，在北碚区某小镇工会驿站，街道总工会开展“夏送清凉”活动，为户外劳动者送去关怀。\n"
     + "活动现场设置了清凉茶摊，摆放了绿豆汤、藿香正气液等防暑物品，志愿者为路过的环卫工人、快递员递上饮品。" * 9,
     [], ("北碚区",), ()),
    ("“夏送清凉”暖心行动", "近日，街道总工会开展“夏送清凉”活动，为户外劳动者送去关怀。\n"
     + "活动现场设置了清凉茶摊，摆放了绿豆汤、藿香正气液等防暑物品，志愿者为路过的环卫工人、快递员递上饮品。" * 9
     + "\n此前，北碚区也开展过类似活动。", [], (), ()),
    # places outside Chongqing go to regions
    ("", "100多名来自四川绵阳、广安和重庆北碚三地工会系统的代表参会。", [], ("北碚区",),
     ("四川省", "绵阳市", "广安市")),
    # 两江 alone is the bus company, not the district
    ("", "两江公交公司劳模工作室开展安全宣传活动。", [], (), ()),
    ("", "两江公交公司劳模工作室走进两江新区鸳鸯小学校，两江公交公司驾驶员讲解安全知识。", [], ("两江新区",), ()),
    # 南川 inside other words
    ("", "西南川渝地区职工技能大赛开幕。", [], (), ()),
    ("", "南川区总工会开展劳模宣讲。", [], ("南川区",), ()),
    # 高新区 alone may be any city's
    ("", "成都高新区企业代表参加交流会。", [], (), ("成都市",)),
    ("", "高新区企业代表参加交流会。", [], (), ()),
    ("", "重庆高新区总工会开展职工技能竞赛。", [], ("西部科学城重庆高新区",), ()),
    # other words that contain a place name
    ("", "祝愿祖国繁荣昌盛，会议召开州委书记出席，联合川渝两地，加大足球场地建设，推动幸福建设。", [], (), ()),
    ("", "加快建成都市圈，构建城乡融合新格局。", [], (), ()),
    ("", "辖区内江津区企业复工。", [], ("江津区",), ()),
    # city-wide news: one example district among many is not the subject
    ("重庆45个站点入选全国“最美驿站”",
     "重庆市渝中区七星岗街道抗建堂社区工会户外劳动者站点等45个站点入选。全市工会累计建成“渝工港湾”5220个。",
     [], (), ()),
    # a headline about the city: one district's union named once in the body is an example ...
    ("重庆市总工会启动2024年“金秋助学”活动",
     "8月20日，市总工会启动“金秋助学”活动，全市各级工会将为困难职工子女发放助学金。\n"
     + "活动覆盖全市困难职工家庭，各级工会要摸清底数、精准帮扶，确保助学金及时足额发放到位。" * 6
     + "\n荣昌区总工会已提前完成摸底，荣昌区100余名学生将受益。", [], (), ()),
    # ... while two mentions of its union make it the subject whatever the headline says
    ("重庆市总工会启动2024年“金秋助学”活动",
     "8月20日，荣昌区总工会启动“金秋助学”活动，为困难职工子女发放助学金。\n"
     + "活动覆盖全区困难职工家庭，各级工会要摸清底数、精准帮扶，确保助学金及时足额发放到位。" * 6
     + "\n荣昌区总工会已提前完成摸底。", [], ("荣昌区",), ()),
    # a passing mention in a long text neither leads nor follows
    ("", BEIBEI_BODY + "会后,与会代表还前往渝北区参观。", [], ("北碚区",), ("四川省", "绵阳市", "广安市")),
    ("", BEIBEI_BODY + "会后,代表们前往渝北区参观,渝北区劳模介绍了经验,渝北区职工表演了节目。", [],
     ("北碚区",), ("四川省", "绵阳市", "广安市")),
    # two districts the article is really about, primary first
    ("渝北江北两区工会联合开展劳动竞赛",
     "江北区总工会与渝北区总工会联合举办职工技能竞赛。渝北区总工会相关负责人介绍，渝北区300余名职工参赛。",
     [], ("渝北区", "江北区"), ()),
    # the proposer's union in a byline places the article
    ("建立成渝地区区县工会互融互联互通机制", "代表建议，恳请市总工会牵头协调四川省总工会建立机制。",
     ["何勇 黔江区总工会"], ("黔江区",), ("四川省",)),
    # 南岸 alone may be a river's bank; after the city's name it is the district
    ("长江南岸的驿站迎来环卫工人", "近日，长江南岸的一处工会驿站开放，为环卫工人提供热饭服务。", [], (), ()),
    ("让城市更有温度 重庆南岸“劳动者港湾”达50个", "近日，一处劳动者港湾开放，为环卫工人提供热饭服务。", [],
     ("南岸区",), ()),
    # traditional characters and autonomous-county short forms
    ("", "涪陵區總工會舉辦職工運動會。", [], ("涪陵区",), ()),
    ("", "酉阳县总工会开展送清凉活动，为酉阳户外劳动者送去防暑用品。", [], ("酉阳土家族苗族自治县",), ()),
])
def test_traps(title, text, bylines, districts, regions):
    places = find_places(title, text, bylines)
    assert places.districts == districts, places.evidence
    assert places.regions == regions, places.evidence


@pytest.mark.parametrize("text,expected", [
    # (form, kind, ignored?) in order
    ("渝北区总工会", [("渝北区", "union", False)]),                       # 渝北 inside 渝北区: once
    ("渝北劳模工匠", [("渝北", "plain", False)]),
    ("江北区和渝北区", [("江北区", "plain", False), ("渝北区", "plain", False)]),
    ("国家税务总局重庆市万州区税务局工会委员会", [("万州区", "organisation", False)]),
    ("重庆中烟涪陵卷烟厂卷包车间分工会", [("涪陵", "organisation", False)]),
    ("万州经开区某企业", [("万州", "organisation", False)]),
    ("渝北区大湾镇杉木村水果基地", [("渝北区", "plain", False)]),
    ("城口工会答案", [("城口", "union", False)]),
    ("健康长寿", [("长寿", "plain", True)]),
    ("长寿命", [("长寿", "plain", True)]),
    ("成都高新区", [("成都", "plain", False), ("高新区", "plain", True)]),
    ("全市各级工会", [("全市各级工会", "cue", False)]),
    ("绵阳市总工会", [("绵阳市", "union", False)]),                        # not the city-wide 市总工会
])
def test_scan(text, expected):
    got = [(m.form, m.kind, bool(m.ignored)) for m in scan(text)]
    assert got == expected


@pytest.mark.parametrize("name,official", [
    ("酉阳", "酉阳土家族苗族自治县"),
    ("酉阳县", "酉阳土家族苗族自治县"),
    ("涪陵區", "涪陵区"),
    ("重庆市北碚区", "北碚区"),
    (" 北碚 ", "北碚区"),
    ("youyang", "酉阳土家族苗族自治县"),
    ("高新区", "西部科学城重庆高新区"),
    ("万盛经开区", "万盛经济技术开发区"),
    ("开县", "开州区"),
    ("长寿", "长寿区"),
    ("成都", None),
    ("四川省", None),
    ("", None),
    ("重庆市", None),
    ("北碚区总工会", None),
])
def test_normalise_district(name, official):
    assert normalise_district(name) == official


def test_gazetteer_covers_chongqing():
    gaz = load_gazetteer()
    types = Counter(d.type for d in gaz.districts)
    assert types == {"区": 26, "县": 8, "自治县": 4, "功能区": 3}
    assert len({d.name for d in gaz.districts}) == 41


def test_gazetteer_slugs_and_grid():
    gaz = load_gazetteer()
    slugs = [d.slug for d in gaz.districts]
    assert len(set(slugs)) == len(slugs)
    assert all(re.fullmatch(r"[a-z]+", s) for s in slugs)
    cells = [d.grid for d in gaz.districts]
    assert None not in cells and len(set(cells)) == len(cells)
    assert all(0 <= r <= 9 and 0 <= c <= 11 for r, c in cells)
    # west–east and north–south order of a few well-known pairs
    grid = {d.name: d.grid for d in gaz.districts}
    assert grid["荣昌区"][1] < grid["北碚区"][1] < grid["涪陵区"][1] < grid["万州区"][1] < grid["巫山县"][1]
    assert grid["城口县"][0] < grid["万州区"][0] < grid["涪陵区"][0] < grid["秀山土家族苗族自治县"][0]


def test_gazetteer_forms_are_consistent():
    gaz = load_gazetteer()
    places = (*gaz.districts, *gaz.regions)
    forms = [f for p in places for f in p.forms]
    assert len(forms) == len(set(forms))                       # each form names one place
    assert not set(forms) & set(gaz.citywide_cues)
    for p in places:
        assert p.forms[0] == p.name
        assert p.ambiguous <= set(p.forms)
        assert set(p.guards) <= set(p.forms)
    assert {d.name for d in gaz.districts}.isdisjoint(r.name for r in gaz.regions)


def test_district_forms_for_dictionaries_leave_out_ambiguous():
    forms = load_gazetteer().district_forms()
    assert forms["北碚"] == "北碚区" and forms["涪陵區"] == "涪陵区"
    assert "长寿" not in forms and "两江" not in forms and forms["长寿区"] == "长寿区"


@pytest.mark.parametrize("title,text,bylines,needle", [
    ("", "北碚区总工会开展活动。北碚区总工会表示。", [], "北碚区: 10 = union 2×5"),
    ("", "健康长寿", [], "ignored 长寿 ×1 (after '健康')"),
    ("", "两江公交公司", [], "ambiguous form, and 两江新区 is not named unambiguously"),
    ("", "重庆市渝中区七星岗街道站点入选，全市工会累计建成港湾。", [], "below 6 (city-wide news)"),
    ("", "代表认为……", ["何勇 黔江区总工会"], "byline union 1×8"),
    ("", "会议在成都举行。", [], "regions: 成都市 ×1"),
])
def test_evidence_explains_the_decision(title, text, bylines, needle):
    evidence = "\n".join(find_places(title, text, bylines).evidence)
    assert needle in evidence


@pytest.mark.parametrize("title,text,bylines", [
    (None, None, None),
    ("", "", ()),
    (123, ["不是", "字符串"], "何勇 黔江区总工会"),
    ("高", "区", [None, 5]),
])
def test_odd_input_gives_results_not_errors(title, text, bylines):
    places = find_places(title, text, bylines)
    assert isinstance(places.districts, tuple) and isinstance(places.regions, tuple)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from("长寿区江北渝南川两新高县总工会公司健康全市成都内津 ，。\n"), max_size=60),
       st.text(max_size=30))
def test_never_raises(text, title):
    places = find_places(title, text, [title])
    assert set(places.districts) <= {d.name for d in load_gazetteer().districts}
    assert len(places.districts) == len(set(places.districts))
