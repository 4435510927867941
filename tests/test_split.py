"""Splitting the seed pages into articles: titles, labels, title blocks, captions, credits."""

import pytest

from builder.blocks import group_lines, mark_captions, mark_labels, mark_teasers, page_blocks
from builder.ingest import split_lines
from builder.model import Kind
from builder.split import split_page

# (page, [(column or section, kicker, title, subtitle)]) — read off the seed pages by hand
EXPECTED = {
    "beibei-union-benchmark.txt": [
        ("", "", "建好工人大家庭 当好职工“娘家人” 北碚区总工会致力打造新时代工会工作标杆", ""),
    ],
    "yugong-columns-yubei-changshou-yongchuan.txt": [
        ("渝工铸魂", "", "劳模工匠到社区报到 构筑基层治理新格局",
         "活动启动以来，渝北区73名劳模工匠开展报到活动100余场，18000余人直接受益"),
        ("渝工暖心", "", "长寿区总工会“春送岗位”", ""),
        ("渝工建功", "", "企业生产忙 勤把安全抓", ""),
    ],
    "jiangjin-union-five-years.txt": [
        ("", "", "凝聚奋进力量 谱写时代华章", "——江津工会五年工作回眸"),
    ],
    "city-union-sixth-congress.txt": [
        ("", "", "奋力打造新时代工会工作市域标杆 在新时代新征程新重庆建设中开创重庆工运事业新局面",
         "——重庆市工会第六次代表大会胜利闭幕"),
        ("", "", "今后五年 重点工作", "大力实施渝工五大 行动"),
        ("代表热议", "", "昂首阔步新征程 唯实争先谱新篇", "代表热议领导讲话精神和大会工作报告"),
        ("代表建议选登", "", "建立成渝地区区县工会互融互联互通机制", "推动成渝地区双城经济圈建设"),
    ],
    "chengyu-craftsmen-yugong-columns.txt": [
        ("", "", "成渝工匠共话高质量发展", "推动成渝地区双城经济圈高质量发展工匠交流会在渝举办"),
        ("渝工港湾", "", "重庆45个站点入选全国“最美驿站”", ""),
        ("渝工之家", "", "重庆市职工之家市域标杆名单出炉", ""),
        ("渝工铸魂", "", "公交进校园 安全伴“童”行", "两江公交公司劳模工作室开展主题宣传活动"),
        ("渝工铸魂", "", "大巴山深处动起“志愿红”", "城口县总工会着力打造“巴山惠工”志愿服务品牌"),
    ],
}


@pytest.mark.parametrize("page", sorted(EXPECTED))
def test_seed_pages_split_into_the_expected_articles(seed_pages, page):
    articles = seed_pages[page][0].articles
    got = [(a.column or a.section, a.kicker, a.title, a.subtitle) for a in articles]
    assert got == EXPECTED[page]
    assert [a.part for a in articles] == list(range(1, len(articles) + 1))


def test_fourteen_articles_in_all(seed_pages):
    assert sum(len(page.articles) for page, _ in seed_pages.values()) == 14


def test_series_banner_becomes_series_of_the_article_under_it(seed_pages):
    articles = seed_pages["chengyu-craftsmen-yugong-columns.txt"][0].articles
    assert articles[0].series == "成渝地区双城经济圈·工会在行动"
    assert all(a.series == "" for a in articles[1:])


def test_section_headings_stay_in_the_body(seed_pages):
    article = seed_pages["yugong-columns-yubei-changshou-yongchuan.txt"][0].articles[0]
    assert [p.text for p in article.body if p.heading] == [
        "健全报到机制 形成劳模服务基层新常态", "构建服务网络 打通工会社会治理新路径", "强化典型赋能 发挥劳模示范引领新效应"]
    beibei = seed_pages["beibei-union-benchmark.txt"][0].articles[0]
    assert [p.text for p in beibei.body if p.heading] == [
        "党建铸魂 聚力凝心", "聚力“绵广碚” 赋能“一号工程”", "聚焦“四篇文章” 服务大局"]


def test_a_caption_between_two_halves_of_a_paragraph_is_moved_out(seed_pages):
    article = seed_pages["yugong-columns-yubei-changshou-yongchuan.txt"][0].articles[1]
    joined = [p.text for p in article.body if "企业福利等解答" in p.text]
    assert len(joined) == 1 and joined[0].endswith("切实助力企业好招工、招好工。")
    position, caption = next((i, c) for i, c in article.captions if c.text.startswith("长寿区2024年春风行动"))
    assert caption.credit == "通讯员 李辉 摄"
    assert article.body[position].text == joined[0]          # shown right after the joined paragraph
    assert all("春风行动专场招聘会" not in p.text or "2月19日" in p.text for p in article.body)


def test_words_split_across_the_layout_are_rejoined(seed_pages):
    text = seed_pages["beibei-union-benchmark.txt"][0].articles[0].body_text()
    assert "率先创新开展劳模“亮身份”活动" in text
    assert "座谈会”主题党日活动" in text
    body = seed_pages["chengyu-craftsmen-yugong-columns.txt"][0].articles[3].body_text()
    assert "驾驶员视线盲区。" in body


def test_captions_before_the_body_and_after_the_edition_header(seed_pages):
    congress = seed_pages["city-union-sixth-congress.txt"][0].articles[0]
    assert [c.text for _, c in congress.captions] == [
        "重庆市工会第六次代表大会闭幕", "大会投票选举", "代表步入会场",
        "重庆市工会第六次代表大会听取重庆市总工会第五届委员会工作报告", "代表热烈鼓掌", "代表举手表决"]
    assert all(position == -1 for position, _ in congress.captions)
    jiangjin = seed_pages["jiangjin-union-five-years.txt"][0].articles[0]
    assert [c.text for p, c in jiangjin.captions if p == -1] == [
        "2024年渝永江融合发展示范区首届职工职业技能竞赛", "举办基层工会干部业务培训会",
        "承办重庆市首届“网约配送员”劳动和技能竞赛"]


def test_credits_bylines_and_authors(seed_pages):
    beibei = seed_pages["beibei-union-benchmark.txt"][0].articles[0]
    assert beibei.credits == ["陶永国 潘锋 图片由北碚区总工会提供"]
    assert beibei.meta.authors == ["陶永国", "潘锋"]
    assert len(beibei.captions) == 4                 # three photo captions printed after the credit stay
    proposal = seed_pages["city-union-sixth-congress.txt"][0].articles[3]
    assert proposal.bylines == ["何勇 黔江区总工会"]
    assert proposal.credits == ["本组稿件由市总工会提供"]      # split off the end of the last paragraph
    assert proposal.body[-1].text.endswith("互惠共赢。")
    jiangjin = seed_pages["jiangjin-union-five-years.txt"][0].articles[0]
    assert jiangjin.meta.authors == ["罗梅", "何菊"]


def test_furniture_teaser_and_header_go_to_the_drop_list(seed_pages):
    page = seed_pages["city-union-sixth-congress.txt"][0]
    assert [(d.line, d.text) for d in page.dropped] == [
        (1, "建立成渝地区区县工会互融互联互通机制"), (7, "版次：004 作者：来源：2023年05月25日")]
    assert page.articles[0].edition == {"page": "004", "date": "2023-05-25", "line": "版次：004 作者：来源：2023年05月25日"}
    chengyu = seed_pages["chengyu-craftsmen-yugong-columns.txt"][0]
    assert [d.text for d in chengyu.dropped] == ["扫描查看名单", "扫描查看名单"]


# ---- block passes, on fragments ------------------------------------------------

@pytest.mark.parametrize("lines, kinds", [
    (["渝工铸魂"], ["column"]),
    (["## 渝工港湾"], ["column"]),
    (["代表热议"], ["section"]),
    (["## 成渝地区双城经济圈·工会在行动"], ["banner"]),
    (["版次:004    作者:来源:    2023年05月25日"], ["header"]),
    (["扫描查看名单"], ["furniture"]),
    (["本版图文由罗梅、何菊提供"], ["credit"]),
    (["陶永国 潘锋 图片由北碚区总工会提供"], ["credit"]),
    (["何勇 黔江区总工会"], ["byline"]),
    (["努力建设 五型工会"], ["text"]),                # no surname: not a byline
    (["渝工铸魂的故事在基层传颂。"], ["text"]),
])
def test_labels(lines, kinds):
    blocks = mark_labels(group_lines(split_lines("\n".join(lines))))
    assert [b.kind.value for b in blocks] == kinds


def test_caption_after_a_photo_gap_but_not_a_heading_or_a_sentence():
    lines = split_lines("正文第一段。\n\n\n\n渝北区总工会组织劳模工匠到社区报到\n\n\n\n## 大标题\n\n\n\n完整的一句话。")
    kinds = [b.kind.value for b in mark_captions(mark_labels(group_lines(lines)))]
    assert kinds == ["text", "caption", "text", "text"]


def test_teaser_only_in_the_top_matter():
    # the index's title heads its own article lower down (text follows it there)
    lines = ["建立区县工会互通机制", "", "正文。", "", "工作成效", "", "正文。", "", "建立区县工会互通机制", "", "工作成效", "",
             "第二篇正文。"]
    kinds = [b.kind for b in mark_teasers(group_lines(lines))]
    assert kinds[0] is Kind.TEASER
    assert kinds[2] is Kind.TEXT                     # a heading repeated further down is not a teaser


def test_a_title_repeated_only_in_the_footer_is_no_teaser():
    lines = ["建立区县工会互通机制", "", "正文。", "", "某某日报 要闻", "建立区县工会互通机制"]
    assert [b.kind for b in mark_teasers(group_lines(lines))][0] is Kind.TEXT


def test_page_without_a_title_block_gets_a_derived_title_and_a_warning():
    blocks = page_blocks(split_lines("近日，某区总工会举办职工运动会。参赛职工达500余人。\n\n活动持续两天。"))
    articles, _, diagnostics, _ = split_page("x.txt", blocks)
    assert len(articles) == 1
    assert articles[0].title == "近日，某区总工会举办职工运动会。"
    assert articles[0].title_derived
    assert "no title block" in diagnostics[0].message and diagnostics[0].line == 1


# ---- rules that pages beyond the seeds needed ------------------------------------

def split(text):
    lines = split_lines(text)
    return split_page("x.txt", page_blocks(lines))


BODY = "近日，某区总工会举办职工运动会，参赛职工达500余人。"


@pytest.mark.parametrize("lines, kinds", [
    (["---"], ["furniture"]),                       # a rule
    (["```"], ["furniture"]),                       # a code fence
    (["* * *"], ["furniture"]),
    (["- 横线开头的一段话。"], ["text"]),
    (["（本版稿件由各区县总工会提供）"], ["credit"]),
    (["（记者 陈静 通讯员 刘洋）"], ["credit"]),
])
def test_more_labels(lines, kinds):
    blocks = mark_labels(group_lines(split_lines("\n".join(lines))))
    assert [b.kind.value for b in blocks] == kinds


def test_front_matter_of_an_export_is_dropped_and_logged():
    articles, dropped, _, _ = split(f"---\ntitle: 导出标题\ndate: 2024-05-20\n---\n渝工铸魂\n\n标题一\n\n{BODY}")
    assert [(a.column, a.title) for a in articles] == [("渝工铸魂", "标题一")]
    assert dropped[0].line == 1 and dropped[0].reason.startswith("front matter")


def test_a_setext_underline_marks_a_heading():
    blocks = group_lines(split_lines(f"前言一句\n\n标题一\n======\n{BODY}"))
    assert [(b.text, b.heading_level) for b in blocks] == [("前言一句", 0), ("标题一", 1), (BODY, 0)]


def test_a_rule_under_a_finished_sentence_is_not_an_underline():
    blocks = mark_labels(group_lines(split_lines(f"{BODY}\n---\n{BODY}")))
    assert [b.kind.value for b in blocks] == ["text", "furniture", "text"]
    assert blocks[0].heading_level == 0


def test_a_label_with_no_article_under_it_goes_to_the_drop_list():
    articles, dropped, _, _ = split(f"渝工铸魂\n\n标题一\n\n{BODY}\n\n渝工港湾")
    assert [a.title for a in articles] == ["标题一"]
    assert [(d.text, d.reason) for d in dropped] == [("渝工港湾", "a label with no article under it")]


def test_a_label_replaced_before_any_text_is_dropped_and_a_banner_over_a_column_applies_with_it():
    articles, dropped, _, _ = split(f"渝工铸魂\n\n渝工港湾\n\n标题一\n\n{BODY}\n\n"
                                    f"成渝地区双城经济圈·工会在行动\n\n渝工之家\n\n标题二\n\n{BODY}")
    assert [(a.column, a.series, a.title) for a in articles] == [
        ("渝工港湾", "", "标题一"), ("渝工之家", "成渝地区双城经济圈·工会在行动", "标题二")]
    assert [d.text for d in dropped] == ["渝工铸魂"]


def test_a_repeated_label_over_a_stray_title_is_published_as_often_as_printed():
    # the second 渝工铸魂 heads a title with no text: both go into the article above
    articles, dropped, _, _ = split(f"渝工铸魂\n\n标题一\n\n{BODY}\n\n渝工铸魂\n\n只有标题")
    assert [p.text for p in articles[0].body] == [BODY, "渝工铸魂", "只有标题"]


def test_an_edition_header_alone_makes_no_empty_article():
    articles, dropped, diagnostics, _ = split(f"版次:003 作者:来源: 2024年03月08日\n\n渝工暖心\n\n标题一\n\n{BODY}")
    assert [(a.column, a.title, a.edition["date"]) for a in articles] == [("渝工暖心", "标题一", "2024-03-08")]
    assert not diagnostics


def test_each_title_under_a_brief_section_opens_an_article():
    articles, _, _, _ = split(f"简讯\n\n标题一\n\n{BODY}\n\n标题二\n\n{BODY}\n\n标题三\n\n{BODY}")
    assert [(a.section, a.title) for a in articles] == [("简讯", "标题一"), ("简讯", "标题二"), ("简讯", "标题三")]
    articles, _, _, _ = split(f"代表热议\n\n标题一\n\n{BODY}\n\n小标题\n\n{BODY}")
    assert [a.title for a in articles] == ["标题一"]          # elsewhere it is a section heading


def test_a_kicker_line_above_a_marked_title_stays_in_its_title_block():
    for text in (f"涪陵区总工会\n\n# 技能比武跑出加速度\n\n{BODY}", f"涪陵区总工会\n# 技能比武跑出加速度\n\n{BODY}"):
        (article,) = split(text)[0]
        assert (article.kicker, article.title) == ("涪陵区总工会", "技能比武跑出加速度")


def test_a_long_marked_title_and_a_long_dash_subtitle_stay_in_the_title_block():
    title = "奋力打造新时代工会工作市域标杆 在新时代新征程新重庆建设中开创重庆工运事业新局面 全面建设现代化新重庆"
    subtitle = "——重庆市工会第六次代表大会胜利闭幕 大会选举产生新一届委员会和经费审查委员会并通过各项决议"
    (article,) = split(f"# {title}\n\n{subtitle}\n\n{BODY}")[0]
    assert (article.title, article.subtitle, [p.text for p in article.body]) == (title, subtitle, [BODY])


def test_empty_and_furniture_only_pages_are_reported():
    assert [str(d) for d in split("")[2]] == ["x.txt: warning: empty page: no text to publish"]
    assert [str(d) for d in split("扫描查看名单\n\n---")[2]] == [
        "x.txt:1: warning: no article text: every line is page furniture (see the drop list)"]


@pytest.mark.parametrize("line, kept", [
    ("荣昌区总工会举办职工运动会 | 某某网", "荣昌区总工会举办职工运动会"),
    ("荣昌区总工会举办职工运动会 - 区县 - 某某网", "荣昌区总工会举办职工运动会"),
    ("首页 | 新闻 | 图片 | 商业搜索", "首页 | 新闻 | 图片 | 商业搜索"),     # a menu has bars in its first part too
    ("职工书屋 - 小小 - 一本书", "职工书屋 - 小小 - 一本书"),              # no site or channel at the end
])
def test_a_web_title_loses_its_site_suffix_and_a_menu_is_not_a_title(line, kept):
    blocks = page_blocks([line, "", BODY])
    assert blocks[0].text == kept


def test_a_box_label_under_the_byline_stays_in_its_article():
    """工人日报 prints 阅读提示 (the paper's summary of the story) under the byline: no new article starts there."""
    articles, *_ = split("某市工会百年巡礼\n\n记者 王晓明 通讯员 陈丽华\n\n閱讀提示\n\n"
                         "工会会员超过300万人，救助和慰问患病职工24万余人次。\n\n1925年8月4日，某市总工会成立大会召开。")
    (article,) = articles
    assert article.title == "某市工会百年巡礼"
    assert any("閱讀提示" in p.text for p in article.body)
