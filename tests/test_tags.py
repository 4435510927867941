"""Tags: real articles of the seed pages plus small written cases."""

import re

import pytest
from hypothesis import given, settings, strategies as st

from builder.text.segment import cut, posseg, user_terms
from builder.meta.tags import extract_tags, is_tag_word, stop_words

STATIONS_TITLE = "重庆45个站点入选全国“最美驿站”"
STATIONS = (
    "近日，全国总工会发布2023年“最美工会户外劳动者服务站点”（以下简称最美驿站）名单，"
    "2000个工会驿站被确认为2023年最美驿站。重庆市渝中区七星岗街道抗建堂社区工会户外劳动者站点等45个站点入选。\n\n"
    "近年来，全国总工会针对户外劳动者“吃饭难、喝水难、休息难、如厕难”等实际问题，推动各级工会建立以户外劳动者"
    "为主要对象的工会驿站体系，改善户外劳动者工作条件。2023年7月，全总启动双15工程，提出到今年年底，"
    "建成15万个工会驿站，全国主要城市的重点区域基本实现工会驿站15分钟服务圈交叉覆盖。\n\n"
    "据了解，近年来全市工会累计投入资金5000余万元，累计建成“渝工港湾”5220个，其中全国总工会“最美工会驿站”"
    "105个，市级“最美渝工港湾”100个，“劳动者港湾示范点”633个，覆盖服务职工达600余万人。"
    "到2027年，全市将新建“渝工港湾”2000个以上、选树市级最美“渝工港湾”500个。"
)

JOBS_TITLE = "长寿区总工会“春送岗位”"
JOBS = (
    "2月19日，长寿区总工会、区人社分局等相关部门在区行政中心广场举办“春风送岗促就业 精准服务助发展”"
    "长寿区2024年春风行动专场招聘会。\n\n"
    "据悉，此次招聘会岗位设置多样化，涉及研发工程师、技术操作员、设计师、会计、司机等，"
    "满足不同年龄段、不同文化层次求职者的需求。\n\n"
    "招聘会现场人头攒动，气氛热烈。多家企业招聘展台前排起长队，求职者与用人单位热情交流，"
    "咨询岗位职责、薪资福利、晋升空间等情况，不少求职者找到了心仪岗位。"
)

BUS_TITLE = "公交进校园 安全伴“童”行"
BUS = (
    "近日，重庆交通开投公交集团两江公交公司劳模工作室成员走进两江新区鸳鸯小学校，开展“公交进校园，"
    "安全伴‘童’行”主题宣传活动。\n\n活动现场，全国交通运输系统“劳动模范”、两江公交公司钟伟劳模工作室"
    "成员裴源泉为1300余名师生讲解安全乘车知识。随后，邀请100余名学生走上公交车进行参观体验。"
)

ARTICLES = [(STATIONS_TITLE, STATIONS), (JOBS_TITLE, JOBS), (BUS_TITLE, BUS)]


def test_stations_article_is_about_stations():
    tags = extract_tags(STATIONS_TITLE, STATIONS)
    assert any("驿站" in tag for tag in tags) or "户外劳动者" in tags
    assert "户外劳动者" in tags
    assert "最美驿站" in tags
    assert "工会" not in tags and "全国总工会" not in tags


def test_jobs_article_is_about_hiring():
    tags = extract_tags(JOBS_TITLE, JOBS)
    assert "招聘会" in tags and "求职者" in tags
    assert "长寿区" not in tags and "长寿" not in tags  # places have their own field


def test_bus_article():
    tags = extract_tags(BUS_TITLE, BUS)
    assert "进校园" in tags or "公交" in tags
    assert "裴源泉" not in tags and "钟伟" not in tags  # people have their own field


@pytest.mark.parametrize("title, text", ARTICLES)
def test_tags_are_clean(title, text):
    tags = extract_tags(title, text)
    assert 0 < len(tags) <= 6
    assert len(tags) == len(set(tags))
    stops = stop_words()
    for tag in tags:
        assert len(tag) >= 2
        assert tag not in stops
        assert not re.fullmatch(r"[0-9０-９.%年月日个名万余]+", tag)
    # no tag is part of another one
    assert not any(a != b and a in b for a in tags for b in tags)


@pytest.mark.parametrize("k", [1, 3, 6, 10])
def test_k_is_respected_and_prefix_stable(k):
    tags = extract_tags(STATIONS_TITLE, STATIONS, k=k)
    assert len(tags) <= k
    assert tags == extract_tags(STATIONS_TITLE, STATIONS, k=10)[:k]


def test_title_words_count():
    # 春风行动 appears only in the title, and still becomes a tag
    tags = extract_tags("长寿区举办春风行动", "招聘会现场人头攒动，求职者与用人单位热情交流。")
    assert "春风行动" in tags
    without_title = extract_tags("", "招聘会现场人头攒动，求职者与用人单位热情交流。")
    assert "春风行动" not in without_title


def test_tags_are_deterministic():
    first = extract_tags(STATIONS_TITLE, STATIONS)
    assert all(extract_tags(STATIONS_TITLE, STATIONS) == first for _ in range(3))


@pytest.mark.parametrize("title, text, k", [
    ("", "", 6), (None, None, 6), ("工会", "工会职工开展工作活动。", 6),
    ("2023年", "2023年5月，100个，1.8万人。", 6), (STATIONS_TITLE, STATIONS, 0),
    (STATIONS_TITLE, STATIONS, -2), ("。。。", "，，，", 6),
])
def test_tags_on_poor_input(title, text, k):
    assert extract_tags(title, text, k) == []


@pytest.mark.parametrize("word, flag, expected", [
    ("驿站", "n", True), ("户外劳动者", "n", True), ("最美驿站", "nz", True),
    ("工会", "n", False), ("开展", "v", False), ("2023年", "m", False), ("站", "n", False),
    ("裴源泉", "nr", False), ("重庆", "ns", False), ("重庆", "n", False), ("100个", "m", False),
])
def test_is_tag_word(word, flag, expected):
    assert is_tag_word(word, flag) is expected


@pytest.mark.parametrize("text, word", [
    ("重庆累计建成“渝工港湾”5220个", "渝工港湾"),
    ("全国总工会发布最美驿站名单", "最美驿站"),
    ("改善户外劳动者工作条件", "户外劳动者"),
    ("赋能成渝地区双城经济圈“一号工程”建设", "成渝地区双城经济圈"),
    ("推动新就业形态劳动者入会", "新就业形态"),
])
def test_segmenter_keeps_genre_terms_whole(text, word):
    assert word in cut(text)
    assert word in user_terms()


def test_segmenter_posseg_and_junk():
    assert posseg("林波代表表示")[0] == ("林波", "nr")
    assert cut("") == [] and posseg("") == [] and cut(None) == []


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=40), st.text(max_size=80), st.integers(-2, 12))
def test_never_raises(title, text, k):
    tags = extract_tags(title, text, k)
    assert len(tags) <= max(k, 0)
    assert all(tag in title + text for tag in tags)
