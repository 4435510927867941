"""Paragraphs cut by the page layout: which breaks are cuts, which are headings."""

import pytest

from builder.layout import cut_reason, is_body, rejoin
from builder.model import Block, Kind


def block(text, kind=Kind.TEXT, heading=0, lines=None):
    return Block(tuple(lines or [text]), 1, 1, kind=kind, heading_level=heading)


CUTS = [
    # (first half, continuation) — every pair is a real break from a seed page
    ("北碚区总工会在全市率先创新开展劳", "模“亮身份”活动，全区127名区级以上劳模的居住场所"),
    ("今年“五一”前夕，北碚区总工会组织召开“劳模工匠学习党的二十大精神座谈会”主", "题党日活动，30余名劳模围绕党的二十大精神"),
    ("基于此，北碚区总工会以全局谋一域，以一域服务全局，积极在社会主义现代化建设", "宏大场景中谋划推动工会工作"),
    ("2023年6月，全国公安系统二级英雄", "模范曾淑俊深入辖区实验小学"),
    ("前不久，厨师劳模潘恋联合辖区镇街开展劳模到社区报到——困难群体技能培训活动。在渝北区大盛镇，潘恋劳模创", "新工作室开展了为期10天的重庆火锅调味技能培训"),
    ("“本次招聘会组织了川渝两地520余家优质用人单位进场揽才，提供就业岗位13500余个。”长寿区总工会相关负责人", "介绍，当天吸引了1.8万余名求职者参加"),
    ("“巴山惠工”志愿服务队创建以来，社会公益志愿服", "务队已开展志愿活动300余场（人）次"),
    ("根据该协议，成渝两地工会组织将成立常态化合作机构，比如，立", "足电子信息、汽车、装备制造等重点产业链"),
]

NOT_CUTS = [
    # headings followed by their first paragraph
    ("紧盯政治责任，职工团结奋斗的思想基础更加牢固", "全区工会旗帜鲜明讲政治，自觉承担起党赋予的政治责任。"),
    ("紧扣中心大局，服务经济社会高质量发展更加有为", "全区工会凝心聚力促发展，深入践行工人运动时代主题。"),
    ("大力实施渝工“五大行动”", "■“渝工凝心铸魂”行动 紧盯政治责任。"),
    ("党建铸魂 聚力凝心", "6月30日，由北碚区总工会牵头。"),
    # a paragraph that introduces a list of dash items
    ("回首过去五年，全区各级工会深入学习贯彻习近平总书记关于工人阶级和工会工作的重要论述，奋力书写了一份工会答卷：",
     "——成功入选全国“新时代枫桥经验”工会实践先行先试工作名单。"),
    # list items: the next one opens with an enumerator
    ("一是建立结对机制，组织上连起来。由重庆市总工会牵头为区县工会牵线搭桥，为共同打造成渝地区双城经济圈建设做好服务；",
     "二是建立交流机制，情感上走起来。"),
    # a finished sentence
    ("服务好“一号工程”这一重大战略，工会责无旁贷。", "“北碚将聚焦生态田园都市区。"),
]


@pytest.mark.parametrize("first, following", CUTS)
def test_cut_paragraphs_are_recognised(first, following):
    assert cut_reason(block(first), following)


@pytest.mark.parametrize("first, following", NOT_CUTS)
def test_headings_and_finished_paragraphs_are_not_cuts(first, following):
    assert cut_reason(block(first), following) == ""


def test_two_line_blocks_and_marked_headings_are_never_cuts():
    assert cut_reason(block("健全报到机制 形成劳模服务基层新常态", lines=["健全报到机制", "形成劳模服务基层新常态"]),
                      "2023年7月，市级劳模朱炳清走进龙山街道松石路社区。") == ""
    assert cut_reason(block("党建铸魂，聚力凝心，再创佳绩", heading=2), "近年来，北碚区总工会。") == ""


def test_strict_rules_keep_a_subtitle_with_commas_and_numbers():
    subtitle = block("活动启动以来，渝北区73名劳模工匠开展报到活动100余场，18000余人直接受益")
    following = "如何将劳模精神有效融入基层社会治理？渝北区总工会创新开展劳模工匠到社区报到活动。"
    assert cut_reason(subtitle, following, strict=True) == ""
    assert cut_reason(subtitle, following, strict=False)  # in running text the same line would be a cut


def test_rejoin_moves_the_caption_after_the_joined_paragraph():
    blocks = [block("长寿区总工会设立了政策宣讲和咨询服务台，为求职者提供任职条件、薪资待遇、企业福"),
              block("长寿区2024年春风行动专场招聘会", kind=Kind.CAPTION),
              block("利等解答和就业指导。")]
    joined, notes = rejoin(blocks)
    assert [b.text for b in joined] == [
        "长寿区总工会设立了政策宣讲和咨询服务台，为求职者提供任职条件、薪资待遇、企业福利等解答和就业指导。",
        "长寿区2024年春风行动专场招聘会"]
    assert joined[1].kind is Kind.CAPTION
    assert len(notes) == 1


def test_rejoin_joins_a_paragraph_cut_twice():
    blocks = [block("一段很长的文字，被版面切开，第一次切在这"), block("里，然后又被切开，切在工"), block("会两个字中间。")]
    joined, _ = rejoin(blocks)
    assert [b.text for b in joined] == ["一段很长的文字，被版面切开，第一次切在这里，然后又被切开，切在工会两个字中间。"]


@pytest.mark.parametrize("text, body", [
    ("长寿区总工会“春送岗位”", False),
    ("不辜负你们的期望。", True),
    ("“不是自己的东西不能拿”“不能浪费粮食”“知错就改”……", True),
    ("■渝工强基 聚焦非公经济组织", True),
])
def test_is_body(text, body):
    assert is_body(text) is body
