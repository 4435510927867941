"""Pages in the shapes editors receive them, end to end through the build's own reader.

Each page in tests/pages/ was written for these tests in the shape of a kind of
real copy (the texts are ours): an e-paper page with its headline index and
reader chrome, a news-site copy with breadcrumb, channel, summary, publication
line, a caption printed twice, share widget, editors, related links and footer,
a dump with one paragraph per line and no blank lines, a traditional-character
mirror with pinyin annotations, roundups of untitled and bracket-titled items,
a headline ending on its exclamation, a web title with its site suffix and an
``原标题`` line, a photo story under its photographers' byline and photos
printed one after another, each over its credit line, a web copy whose
paragraphs ran into one line, a web copy with a view counter, a "link copied" toast and
a list of other stories after its text, and a page with a writer's name over the text
and a kicker over a dash-subtitled title, an e-paper reader with its masthead codes and an
index run on from the headline, a government site copy with its font widget and a boxed byline,
a web copy with its photo's caption under the publication line, a roundup whose items
stand under the unions' names, a page that is one agency photo's long caption, and an
e-paper article whose captions follow its text, a web copy with ▲-marked, scene and
portrait captions among its paragraphs, and an indented web copy with an unindented caption
and its headline printed again as a photo's alt text, a mirror that spaces every punctuation
mark, a web copy ending on a numbered list, a page whose date line is followed by the
headline's keywords, a web copy whose photo caption stands right above a dateline lead, an
e-paper page of dot-led stories, a web title printed alone and again with the site's suffix,
a two-line headline the e-paper footer repeats, a copy that lost its headline above a
dash subtitle, a mobile copy with share prompts and its headline printed again over the text,
a reader's date above a web headline whose own publication line names a unit, and a
ceremony's photos of officials in a mirror that lost its indents to question marks, a union
site's widgets, counters and a platform's disclaimer, and a channel's name over a timestamp
above a notice that opens on its salutation, and photo captions stacked above a
dateline lead, a photo caption closing an article, an e-paper index printed one title per
line, and a breadcrumb from a site's home that ends on the title, e-paper pages whose record
(the line under the text naming paper, page, headline and date) names a short headline over its
副题 or over a lone photo credit, a union paper's site with captions stacked under the headline,
photos' file names over their captions and a related story's timestamp, and an e-paper reader
with its date under a label of its own and a caption kept in a table's cell bars, a series
label before a headline and one caption printed under three photos, a label before a headline
ending on its exclamation over an app's timestamp, captions run into the dateline's line, an
e-paper title navigation opening on a question with a file photo's label, a government copy
with a dashed site name and a screen reader's note, a subtitle printed again phrase by phrase,
a forum copy whose markup codes opened its paragraphs, a paper's own statement above the story,
a Hong Kong caption credited after a backslash, indents a re-encoding left as question marks,
a union site's date written with 号 under its title, captions between a web copy's publication
line and its lead, an e-paper reader's widgets over a union's name and its headline, and a
reposting site's dated report line over the lead, and a regional portal's menu of papers, contact
lines, text-message prompt and list of dated stories, and a county media centre's copy with a
menu of bars, the site's channel as a section label, a marked byline naming a role and the titles
of the previous and next stories, and a company site's gallery of phrases in a copy of one
paragraph per line, with its welcome, share and submit buttons, an app's notice and phone numbers,
and a mirror with a repeated logo, a caption in brackets and an e-paper system's record line,
an e-paper index whose titles quote phrases with their own marks over a caption a photo-credited
dateline follows, a union site's menu one item per line over a run-on copy with a caption and its
credit inside, and a government mirror's sponsor line, table-cell headline, date run into a name,
image copy's file name and a cut-off text ending on its related links' heading.
The expected values were read off each page by hand.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.conservation import account
from builder.pipeline import read_path

PAGES = Path(__file__).parent / "pages"


@pytest.fixture(scope="module")
def read():
    cache = {}

    def page(name):
        if name not in cache:
            cache[name] = read_path(PAGES / name)[0]
        return cache[name]
    return page


def published(page) -> str:
    return "\n".join(piece for article in page.articles for piece in article.visible_texts())


def leaked(text: str, furniture: tuple[str, ...]) -> list[str]:
    """The pieces of furniture that reached the published text (none, on a page read right)."""
    return [piece for piece in furniture if piece in text]


@pytest.mark.parametrize("name", sorted(p.name for p in PAGES.glob("*.txt")))
def test_every_letter_and_digit_is_published_or_logged(read, name):
    page = read(name)
    assert account(page.text, page.articles, page.dropped) == ({}, {})
    assert not [d for d in page.diagnostics if d.severity.value == "error"]


def test_epaper_page_with_headline_index_and_reader_chrome(read):
    page = read("epaper-headline-index.txt")
    (article,) = page.articles
    assert article.title == "给快递小哥一个“温暖的家” 綦江区建成12个工会驿站"
    assert [p.text[:4] for p in article.body] == ["入冬以来", "古南街道", "据介绍，"]
    assert article.meta.date == "2024-11-08" and article.meta.date_source == "header"
    assert article.edition["page"] == "003"
    assert article.meta.districts == ["綦江区"]
    text = published(page)
    assert leaked(text, ("上一版", "放大", "报业集团", "南岸区开展职工技能比武", "职工书屋进车间", "上一篇", "星期五")) == []


def test_news_site_copy(read):
    page = read("news-site-copy.txt")
    (article,) = page.articles
    assert article.title == "江北区总工会举办职工趣味运动会"
    assert [p.text[:4] for p in article.body] == ["某某网讯", "“平时加", "据了解，"]
    assert [(c.text, c.credit) for _, c in article.captions] == [("比赛现场。", "江北区总工会供图 某某网发")]
    assert article.meta.date == "2024-05-11"
    assert article.edition["origin"] == "某某网-某某客户端"
    assert article.meta.editors == ["赵琳", "钱亮"]
    assert article.meta.authors == ["周明", "李雪"]         # from the dateline of the lead
    assert article.meta.districts == ["江北区"]
    text = published(page)
    assert leaked(text, ("当前位置", "中工娱乐", "分享到", "编辑：", "相关阅读", "为环卫工人送清凉", "关于我们", "ICP",
                      "某某客户端")) == []
    # the summary above the article is published once, in the lead
    assert text.count("全区40余家单位参加") == 1


def test_one_paragraph_per_line_with_a_credited_caption(read):
    page = read("one-paragraph-per-line.txt")
    (article,) = page.articles
    assert article.title == "合川区总工会为新就业形态劳动者送体检"
    assert [p.text[:4] for p in article.body] == ["本报讯（", "体检项目", "“工会想", "合川区总"]
    assert [(c.text, c.credit) for _, c in article.captions] == [("体检现场，骑手们有序排队检查。", "记者 孙悦 摄")]
    assert article.meta.authors == ["孙悦"]
    assert article.meta.districts == ["合川区"]
    assert article.meta.date == ""             # 3月12日 and no year anywhere: never guessed
    assert "date" in article.weak


def test_traditional_mirror_with_pinyin_annotations(read):
    page = read("traditional-pinyin.txt")
    (article,) = page.articles
    assert article.title == "重慶市渝中區總工會開展“送清涼”活動"           # kept as printed, annotations gone
    assert len(article.body) == 2 and "(" not in published(page)
    assert {d.text.strip("()（）") for d in page.dropped if d.reason.startswith("pinyin")} >= {"qū", "huì", "dòng"}
    assert article.meta.districts == ["渝中区"]                       # read through the fold
    assert article.meta.themes
    assert article.meta.date == "2024-07-20" and article.edition["origin"] == "某某网"


def test_roundup_of_untitled_items_under_a_briefs_label(read):
    page = read("roundup-items.txt")
    assert [(a.section, a.title_derived, a.meta.districts) for a in page.articles] == [
        ("简讯", True, ["万州区"]), ("简讯", True, ["黔江区"]), ("简讯", True, ["大足区"])]
    assert page.articles[0].title.startswith("近日，万州区总工会")
    assert all(a.meta.date == "2024-03-15" for a in page.articles)
    assert page.articles[-1].credits == ["（本版稿件由各区县总工会提供）"]


def test_items_with_bracketed_titles(read):
    page = read("bracketed-items.txt")
    assert [(a.title, a.meta.districts, len(a.body)) for a in page.articles] == [
        ("潼南区总工会表彰一批先进职工之家", ["潼南区"], 1), ("铜梁区总工会开展春送岗位活动", ["铜梁区"], 1)]


def test_a_headline_ending_on_its_exclamation(read):
    (article,) = read("exclaimed-headline.txt").articles
    assert article.title == "致敬！最美劳动者！" and not article.title_derived
    assert len(article.body) == 2 and article.meta.date == "2024-05-01"


def test_web_title_suffix_and_original_title(read):
    page = read("title-suffix-and-original-title.txt")
    (article,) = page.articles
    assert article.title == "永川区总工会开展金秋助学"
    assert [p.text[:5] for p in article.body] == ["8月29日", "受助学生代"]
    assert article.meta.date == "2023-08-30" and article.meta.editors == ["何静"]
    reasons = {d.text: d.reason for d in page.dropped}
    assert reasons["- 区县 - 某某网"] == "a web page title's channel and site name"
    assert reasons["原标题：永川区总工会开展2023年金秋助学活动 资助困难职工子女80名"] == "the original title of a repost"


def test_a_photo_story_publishes_its_short_sentences_as_captions(read):
    (article,) = read("photo-story.txt").articles
    assert (article.title, article.subtitle) == ("职工运动会赛场掠影", "——某区第五届职工运动会侧记")
    assert article.bylines == ["本报记者 王明 刘芳 摄"] and article.body == []
    assert [c.text for _, c in article.captions] == [
        "运动员代表队入场。", "拔河比赛现场，啦啦队为选手加油。", "选手们在四百米接力赛中奋力冲刺。",
        "裁判员认真记录每一组的成绩。", "获奖代表队在主席台前合影留念。"]
    assert article.meta.date == "2024-10-12"


def test_photos_printed_one_after_another_keep_their_credit_lines(read):
    (article,) = read("credited-photo-sequence.txt").articles
    assert [p.text[:6] for p in article.body] == ["新年第一天，"]
    assert [(c.text[:8], c.credit) for _, c in article.captions] == [
        ("1月1日，渝北区", "张明 摄"), ("1月1日，外卖骑", "李华 摄"), ("1月1日凌晨，环", "王强 摄")]
    assert all(c.weak for _, c in article.captions)     # finished sentences as captions: the review lists them


def test_paragraphs_a_web_copy_ran_into_one_line_are_cut_at_their_spaces(read):
    (article,) = read("flattened-paragraphs.txt").articles
    assert article.title == "区总工会走访慰问困难职工"
    assert [p.text[:6] for p in article.body] == ["本网讯 1月", "在一名困难职", "在劳模家中，"]
    assert article.body[-1].text.endswith("爱岗敬业。（王小明）") and article.meta.date == "2024-01-18"


def test_the_site_lines_stacked_above_a_web_headline_are_the_sites(read):
    page = read("stacked-site-head.txt")
    (article,) = page.articles
    assert (article.title, article.subtitle) == ("技能比武展风采 匠心筑梦促发展", "——某区第三届职工职业技能大赛侧记")
    assert {"某工网", "someworker.org.cn", "职工的网上家园"} <= {d.text for d in page.dropped}
    assert article.meta.authors == ["张明"] and len(article.body) == 2


def test_a_web_title_above_its_source_line_is_no_chrome(read):
    page = read("title-above-source-lines.txt")
    (article,) = page.articles
    assert article.title == "区总工会“五一”前夕慰问户外劳动者" and not article.title_derived
    assert article.meta.editors == ["李华"]


def test_an_article_body_printed_twice_is_published_once(read):
    page = read("article-printed-twice.txt")
    (article,) = page.articles
    assert [p.text[:6] for p in article.body] == ["7月26日，"]
    assert [c.text for _, c in article.captions] == ["图为工匠代表分享技艺。"]
    assert sorted(d.reason for d in page.dropped if d.line >= 8) == ["repeats line 4", "repeats line 5",
                                                                      "repeats line 6"]


def test_web_copy_with_a_counter_a_toast_and_a_list_of_other_stories(read):
    page = read("web-copy-with-counter-and-teasers.txt")
    (article,) = page.articles
    # the headline keeps its exclamations and is not run into the dateline lead below it
    assert article.title == "致敬！一线工人！某某区职工技能大赛落幕" and not article.title_derived
    assert [p.text[:4] for p in article.body] == ["本报讯（", "大赛设焊"]
    assert article.body[-1].text.endswith("（周明远）")
    assert article.meta.date == "2024-06-12"
    dropped = {d.text: d.reason for d in page.dropped}
    assert dropped["0"].startswith("a number alone")
    text = published(page)
    assert leaked(text, ("链接已复制", "某某县举办农民工专场招聘会", "初夏时节", "职工书屋走进工地", "一间小小的书屋", "某某财经")) == []


def test_a_name_over_the_text_is_a_byline_and_a_dash_subtitle_finds_its_title(read):
    page = read("byline-over-text-and-kicker-over-title.txt")
    first, second = page.articles
    assert first.title_derived and first.bylines == ["刘晓梅"] and first.meta.authors == ["刘晓梅"]
    assert (second.kicker, second.title, second.subtitle) == ("聚力建功新时代", "某区工会第三次代表大会召开",
                                                              "——选举产生新一届领导机构")
    # 23.04.2021 can only be day first; the page's date dates both articles
    assert [a.meta.date for a in page.articles] == ["2021-04-23", "2021-04-23"]


def test_epaper_reader_with_masthead_codes_and_an_index_run_on_from_the_headline(read):
    page = read("epaper-reader-masthead-and-run-on-index.txt")
    (article,) = page.articles
    assert article.title == "璧山区女职工技能比武开赛"
    assert article.subtitle == "——“巾帼建功”竞赛活动侧记"
    # 张明 李华/文 …供图 is the writers' credit, not a photo caption
    assert article.meta.authors == ["张明", "李华"]
    assert [p.text[:4] for p in article.body] == ["3月6日", "比武设置", "区总工会"]
    # captions numbered 图①/图② on consecutive lines, each ending on its credit, are two captions
    assert [(c.text, c.credit) for _, c in article.captions] == [
        ("图①：焊工项目比赛现场。", "记者 王芳 摄"), ("图②：参赛选手在插花项目中。", "记者 王芳 摄")]
    assert article.meta.date == "2024-03-08" and article.edition["page"] == "03"
    text = published(page)
    assert leaked(text, ("数字报纸", "CN50-0099", "GRB2024", "按日期搜索", "某某工人报", "三八节前送关爱", "超大", "第0456期")) == []


def test_government_site_copy_with_font_widget_and_boxed_byline(read):
    page = read("government-site-copy-with-widgets.txt")
    (article,) = page.articles
    assert article.title == "南岸区总工会为户外劳动者送清凉" and not article.title_derived
    assert article.meta.authors == ["刘洋"]          # □ 记者 刘洋: a byline behind a box
    # the short line under a lost photo's placeholder is its caption, not the start of the next paragraph
    assert [c.text for _, c in article.captions] == ["送清凉现场"]
    assert [p.text[:4] for p in article.body] == ["7月19", "活动中，", "据了解，"]
    assert article.meta.date == "2024-07-20"
    assert article.meta.districts == ["南岸区"]
    text = published(page)
    assert leaked(text, ("当前位置", "字号", "打印正文", "分享到")) == []
    assert all("\n" not in name for name in article.meta.people)


def test_web_copy_with_the_photo_caption_under_its_publication_line(read):
    page = read("web-copy-with-photo-under-headline.txt")
    (article,) = page.articles
    assert article.title == "某某区第二届职工运动会开幕" and not article.title_derived
    assert [c.text for _, c in article.captions] == ["开幕式现场"]
    assert [p.text[:6] for p in article.body] == ["某某区融媒体", "运动会设拔河"]
    assert article.meta.date == "2024-10-12"


def test_roundup_items_under_union_names(read):
    page = read("roundup-under-union-names.txt")
    assert [(a.section, a.title_derived, len(a.body)) for a in page.articles] == [
        ("甲县总工会", True, 2), ("乙县总工会", True, 1), ("丙区总工会", True, 1)]
    assert page.articles[1].title.startswith("近日，乙县总工会在县物流园")
    assert page.articles[2].meta.districts == []      # 丙区 is no district: nothing is guessed


def test_a_page_that_is_one_photo_caption_publishes_it_as_the_text(read):
    (article,) = read("photo-news-caption-only.txt").articles
    assert article.captions == []
    assert [p.text[:5] for p in article.body] == ["7月20日"] and article.body[0].text.endswith("86座。")
    assert article.credits == ["新华社记者 钱进/摄"]
    assert article.meta.districts == ["九龙坡区"] and article.meta.date == "2024-07-22"


def test_captions_printed_after_the_text_when_the_byline_credits_photos(read):
    (article,) = read("epaper-captions-after-text.txt").articles
    assert article.title == "劳模走上讲台 理论走进车间"
    assert [c.text for _, c in article.captions] == ["某某区劳模宣讲团在机械厂车间宣讲", "职工在工地休息区聆听劳模宣讲"]
    assert all(c.weak for _, c in article.captions)         # a guess from position: the review lists it
    assert [p.text[:5] for p in article.body] == ["11月以来", "截至目前，"]


def test_captions_marked_among_the_paragraphs(read):
    (article,) = read("web-copy-with-marked-captions.txt").articles
    assert article.title == "某某区总工会召开服务事项清单发布会"
    assert [c.text for _, c in article.captions] == ["为先进集体现场颁奖", "发布会现场", "王小明"]
    assert [p.text[:4] for p in article.body] == ["近日，某", "区总工会", "其中，王", "据悉，清"]
    assert article.meta.date == "2024-03-15"


def test_an_unindented_caption_and_the_headline_printed_again_as_alt_text(read):
    page = read("indented-web-copy-with-repeated-headline.txt")
    (article,) = page.articles
    assert article.title == "九名职工获评“最美产业工人”" and not article.title_derived
    assert [c.text for _, c in article.captions] == ["来自生产一线的9名职工获评本年度“最美产业工人”称号。"]
    assert [p.text[:4] for p in article.body] == ["5月1日", "发布仪式", "受到表彰"]
    assert any(d.reason.startswith("repeats the headline") for d in page.dropped)


def test_photo_captions_stacked_under_the_publication_line(read):
    page = read("web-copy-with-stacked-photo-captions.txt")
    (article,) = page.articles
    assert article.title == "致敬高温下的劳动者" and not article.subtitle
    assert [c.text for _, c in article.captions] == ["快递小哥送快递", "环卫工人清扫保洁"]
    assert [p.text[:4] for p in article.body] == ["骄阳似火", "他们是检"]
    assert article.meta.date == "2022-07-13"


def test_a_label_before_the_headline_becomes_its_series(read):
    page = read("web-copy-with-a-label-before-the-headline.txt")
    (article,) = page.articles
    assert article.title == "某某区工地上的年夜饭"
    assert article.series == "新春走基层"
    # 丨 is a character: it goes to the drop list, not nowhere
    assert "丨" in [d.text for d in page.dropped]


def test_a_photo_story_with_captions_printed_without_stops(read):
    page = read("photo-story-captions-without-stops.txt")
    (article,) = page.articles
    assert article.title == "同心新征程 奋进新时代" and article.subtitle == "——某省工会代表大会掠影"
    assert [c.text for _, c in article.captions] == ["代表们投下庄严的一票", "代表们在新闻中心“打卡”留念",
                                                    "会场上代表们专注聆听并做记录", "代表们认真参与分组讨论"]
    assert [p.text[:6] for p in article.body] == ["11月23日", "大会期间，代"]
    assert "新闻评论0" in [d.text for d in page.dropped]


def test_epaper_byline_and_crosshead_after_a_mark_and_a_parallel_series(read):
    page = read("epaper-marked-byline-crosshead-and-parallel-paragraphs.txt")
    (article,) = page.articles
    assert article.title == "省总工会 凝聚力量 建功事业"
    assert article.meta.authors == ["樊某某", "彭某某"]
    # three paragraphs of a parallel series, each ending on ； or 。, stay three
    assert [(p.heading, p.text[:4]) for p in article.body] == [
        (False, "这是一条"), (False, "这是一座"), (False, "这是一幅"), (True, "■ 户外"), (False, "10月1"),
        (False, "近年来，")]
    assert [c.text for _, c in article.captions] == ["劳模张某（右）和讲解员李某（左）在服务站为职工讲解。"]
    assert "某某日报报刊社 出版 国内统一刊号：CN52-0013 代号65-1" in [d.text for d in page.dropped]


def test_a_labelled_field_between_wide_gaps_is_no_caption(read):
    page = read("policy-record-with-labelled-fields.txt")
    (article,) = page.articles
    assert article.captions == []
    assert "依 据：《某某市集体合同条例》。" in [p.text for p in article.body]


def test_labelled_links_to_other_stories_after_the_text_open_no_article(read):
    page = read("web-copy-with-labelled-related-stories.txt")
    assert len(page.articles) == 1
    assert [p.text[:6] for p in page.articles[0].body] == ["某某网消息 ", "每到一处，慰", "近年来，县总"]
    assert "时政微观察丨祥蛇贺新 天下同春 -" in [d.text for d in page.dropped]


def test_a_photo_placeholder_joined_by_underscores_keeps_the_caption_under_it(read):
    page = read("web-copy-with-long-photo-placeholders.txt")
    (article,) = page.articles
    assert [c.text for _, c in article.captions] == ["农民工坐上返岗专车 供图 某区委宣传部"]
    assert article.meta.date == "2022-02-11" and article.meta.editors == ["付某某", "石某某"]


def test_a_copy_that_spaces_its_punctuation_keeps_its_paragraphs(read):
    # a space after every mark, in short lines too: no paragraph break at '。 “' or '。 ”';
    # a layout cut after a comma across a blank line still rejoins
    page = read("spaced-punctuation-mirror.txt")
    (article,) = page.articles
    assert [p.text[:3] for p in article.body] == ["機修工", "像王小", "然而，", "據該公", "書屋位"]
    assert article.body[3].text.endswith("暖在心頭’。 ”")
    assert [(c.text, c.credit) for _, c in article.captions] == [("職工書屋受到一線職工的歡迎。", "記者 某某 攝")]


def test_a_numbered_list_after_the_last_paragraph_is_the_articles(read):
    page = read("numbered-list-after-text.txt")
    (article,) = page.articles
    assert [p.text[:4] for p in article.body] == ["“下班以", "今年以來", "目前全區", "新增和升", "No.1",
                                                  "No.2", "No3.", "No4.", "注：其他"]
    assert not any(p.heading for p in article.body)
    assert [d.text for d in page.dropped if "分享" in d.text] == ["分享到："]


def test_keywords_under_the_date_line_are_no_subtitle(read):
    page = read("keywords-under-the-date.txt")
    (article,) = page.articles
    assert article.title == "我市20名職工獲得全國五一勞動獎章" and not article.subtitle
    assert "五一我市職工" not in published(page)
    assert [d.reason for d in page.dropped if d.text == "五一我市職工"] == [
        "keywords under the publication line (the headline's own words)"]
    assert article.meta.date == ""              # 04-28 and 4月27日 without a year: never guessed


def test_a_short_line_between_the_publication_line_and_a_dateline_lead_is_the_photos_caption(read):
    page = read("caption-above-the-dateline.txt")
    (article,) = page.articles
    assert not article.subtitle
    assert [c.text for _, c in article.captions] == ["律師為工友講解勞動合同"]
    assert article.body[0].text.startswith("某某網訊")


def test_dot_led_story_titles_over_dateline_leads_open_their_articles(read):
    page = read("dot-led-stories.txt")
    assert [a.title for a in page.articles] == ["市总开展“情暖劳动者”新春慰问行动", "某区发布职工维权热线服务手册"]
    assert [len(a.body) for a in page.articles] == [2, 2]
    assert [(c.text, c.credit) for _, c in page.articles[0].captions] == [
        ("市总工会为坚守岗位的快递小哥送上新年礼包", "记者 某某/摄")]


def test_a_web_title_printed_alone_and_again_with_the_sites_suffix(read):
    page = read("title-printed-twice-with-suffix.txt")
    (article,) = page.articles
    assert article.title == "某市总工会到某区考察交流工会工作（附图）"     # (附图) says it has photos: no credit
    assert not article.captions
    assert "- 总工会" not in published(page)


def test_a_headline_on_two_lines_printed_again_in_the_epaper_footer(read):
    page = read("headline-on-two-lines-and-lost-headline.txt")
    (article,) = page.articles
    assert article.title == "我省31人获全国五一劳动奖章" and not article.subtitle
    assert len(article.body) == 2
    assert article.meta.date == "2017-04-28"


def test_a_dash_subtitle_with_no_headline_above_it(read):
    page = read("lost-headline-dash-subtitle.txt")
    (article,) = page.articles
    assert article.title_derived and article.title == "某县总工会开展春节“送温暖”活动"
    assert article.subtitle == "——某县总工会开展春节“送温暖”活动"
    assert len(article.body) == 2


def test_a_mobile_copy_with_share_prompts_and_its_headline_printed_again(read):
    page = read("mobile-share-prompts-and-repeated-headline.txt")
    (article,) = page.articles
    assert article.title == "某区职工服务热线帮助千名职工维权"
    assert article.subtitle == "工单闭环办理，既解决职工问题又预防化解潜在风险"
    assert [p.text[:3] for p in article.body] == ["“工资", "区总工"]
    text = published(page)
    assert leaked(text, ("右上角", "朋友圈", "分享功能", "正在阅读", "地方频道")) == []
    assert article.meta.date == "2025-08-28"


def test_the_date_under_a_web_headline_wins_over_the_readers_date_above_it(read):
    page = read("reader-date-above-the-headline.txt")
    (article,) = page.articles
    assert article.title == "某市工会代表大会新闻中心迎来“打卡”代表"
    assert not article.subtitle                     # 宣传教育部 2023-12-23 is its publication line
    assert article.meta.date == "2023-12-23" and article.edition["origin"] == "宣传教育部"


def test_a_ceremonys_photos_of_officials_and_indents_lost_to_question_marks(read):
    page = read("ceremony-photos-and-lost-indents.txt")
    (article,) = page.articles
    assert [p.text[:6] for p in article.body] == ["10月11日", "武某某在講話"]
    assert [c.text for _, c in article.captions] == [
        "啟動儀式現場", "省總工會副主席武某某在啟動儀式上講話", "市總工會黨組書記、副主席雷某某主持儀式並宣布比武啟動"]
    assert "?" not in published(page) and "？" not in published(page)
    assert [d.reason for d in page.dropped].count("question marks a re-encoding left for an indent") == 3


def test_a_union_sites_widgets_counters_and_disclaimer_are_dropped(read):
    page = read("union-site-widgets.txt")
    (article,) = page.articles
    assert article.title == "某区总工会“金秋助学”活动入户发放首批助学金"      # its 发布时间 fields cut off
    assert article.meta.date == "2018-09-10" and len(article.body) == 2
    text = published(page)
    assert leaked(text, ("新闻热线", "分享至", "点击率", "仅代表该作者", "回顶部", "关闭当前页", "浏览")) == []


def test_a_channel_over_a_timestamp_and_a_notices_salutation(read):
    page = read("channel-timestamp-and-a-notice.txt")
    (article,) = page.articles
    assert article.title == "某县建立政府与工会联席会议制度的通知"
    assert article.meta.date == "2016-02-27"
    assert [p.text[:4] for p in article.body] == ["各乡镇人", "为发挥工", "联席会议"]
    assert not any(p.heading for p in article.body)          # the salutation is the notice's, no crosshead


def test_short_sentences_stacked_above_a_dateline_lead_are_its_photos_captions(read):
    page = read("captions-stacked-above-the-lead.txt")
    (article,) = page.articles
    assert [c.text for _, c in article.captions] == [
        "2017年慰問職工新春座談會開場舞蹈。", "某市委常委、市總工會主席張某某致辭。", "職工代表家屬沖上臺來擁抱親人。"]
    assert [p.text[:4] for p in article.body] == ["某某日報", "2017"]
    assert article.title_derived


def test_a_line_naming_a_photos_scene_after_the_last_paragraph_is_its_caption(read):
    page = read("closing-photo-caption.txt")
    (article,) = page.articles
    assert [c.text for _, c in article.captions] == ["集团公司受资助学生在助学仪式上合影"]
    assert len(article.body) == 3 and article.meta.editors == ["某某"]


def test_an_epaper_index_printed_one_title_per_line(read):
    page = read("epaper-index-one-title-per-line.txt")
    (article,) = page.articles
    assert article.kicker == "市总工会开展“最美劳动者 微笑带回家”公益活动"
    assert article.title == "劳动者带上“微笑照”回家过年" and not article.subtitle
    text = published(page)
    assert leaked(text, ("托管班", "交通安全", "大篷车", "版面导航")) == []


def test_a_breadcrumb_from_a_sites_home_that_ends_on_the_title(read):
    page = read("breadcrumb-from-a-sites-home.txt")
    (article,) = page.articles
    assert article.title == "数百名一线劳动者齐聚某区 共享新春团年饭"
    assert "最新热搜" not in published(page) and article.meta.date == "2026-02-11"
    assert [d.reason for d in page.dropped if d.line == 1] == ["breadcrumb (a path through the website)"]


def test_a_web_edition_whose_menu_ends_with_the_pages_own_title(read):
    # • 报网首页 … • 职工书屋开到了车间里 / 刊发时间：…: the last item of the dot-led menu stands over the
    # publication line, so it is the headline; the paper's page label (B2版), a lone counter and the
    # copyright notice are no text of the article
    page = read("web-edition-with-bullet-menu-and-page-label.txt")
    (article,) = page.articles
    assert article.title == "职工书屋开到了车间里" and not article.title_derived
    assert article.meta.date == "2025-03-18"
    assert [p.text[:6] for p in article.body] == ["“下了班就能", "为丰富一线职"]
    assert leaked(published(page), ("报网首页", "本地要闻", "B2版", "请勿转载", "违者依法必究", "tougao@")) == []


def test_a_newsletter_issue_with_its_contents_and_a_login_box(read):
    page = read("newsletter-issue-with-contents.txt")
    text = published(page)
    assert leaked(text, ("第 三 期", "总第 128 期", "◆", "用户登录", "还没有账号", "立即注册")) == []
    assert page.articles[0].title == "区总工会开展春节送温暖活动"
    assert sum(text.count(t) for t in ("区总工会举办职工技能比武",)) == 1     # the contents' copy is gone


@pytest.mark.parametrize("line", ["海量资讯、精准解读，尽在某某财经APP",
                                  "电话：0000-1234567 职工维权：12351 地址：某某省某某市某某大道126号",
                                  r"C:\Users\Administrator\Desktop\某某协议\信息\DSC_4012.JPG",
                                  "2016年工会信息第五期", "（总第 335 期）"])
def test_site_and_newsletter_furniture_lines(line):
    from builder.furniture import furniture_reason
    assert furniture_reason(line)


@pytest.mark.parametrize("line", ["报名咨询电话：0000-1234567。", "全市第五期劳模培训班开班", "本期出版时间提前"])
def test_lines_of_an_article_that_look_like_furniture_are_kept(line):
    from builder.furniture import furniture_reason
    assert furniture_reason(line) is None


def test_a_dateline_on_a_line_of_its_own_opens_the_lead(tmp_path):
    page = tmp_path / "lone-dateline.txt"
    page.write_text("某区总工会开展送温暖活动\n\n本报讯（记者 张三）\n\n近日，某区总工会慰问困难职工100人。\n\n"
                    "职工们表示感谢。\n", encoding="utf-8")
    (article,) = read_path(page)[0].articles
    assert article.subtitle == ""
    assert article.body[0].text.startswith("本报讯（记者 张三） 近日，")
    assert article.meta.authors == ["张三"]


def test_a_copy_opening_with_a_machines_date_run_into_a_photo_caption(tmp_path):
    # ' date 2026-01-21 ▲…（记者某某摄，下同）': the date is the page's, the ▲ line the head photo's caption,
    # 记者某某／某地报导 the byline of a paper that files its reports by place
    page = tmp_path / "machine-date-caption.txt"
    page.write_text(" date 2026-01-21 ▲某市总工会携手多个工会寒冬送暖，关怀30户职工家庭。（记者王小明摄，下同）\n\n"
                    "记者王小明／某市报导\n\n农历年节将至，某市总工会启动寒冬送暖行动，为30户职工家庭送去年货。\n\n"
                    "此次共有16个工会参与，捐赠物资多元。\n", encoding="utf-8")
    (article,) = read_path(page)[0].articles
    assert article.meta.date == "2026-01-21"
    assert [c.text.lstrip("▲") for _, c in article.captions][0].startswith("某市总工会携手多个工会寒冬送暖")
    assert article.meta.authors == ["王小明"]
    assert [p.text[:4] for p in article.body] == ["农历年节", "此次共有"]


def test_an_e_paper_headline_its_record_names_stays_the_headline_over_its_subtitle(read):
    # the lead repeats the 副题's words, not the short headline's: the page's own record decides
    (article,) = read("epaper-record-names-a-short-headline.txt").articles
    assert (article.title, article.subtitle) == ("把温暖送到心坎上", "某市总工会开展困难职工子女助学活动")
    assert article.meta.date == "2021-08-16" and len(article.body) == 3


def test_an_e_paper_headline_over_a_lone_photo_credit_is_no_caption(read):
    (article,) = read("epaper-headline-over-a-lone-photo-credit.txt").articles
    assert article.title == "唱响职工好声音" and not article.title_derived
    assert article.captions == [] and [p.text[:4] for p in article.body] == ["本报讯 ", "近年来，"]


def test_union_site_captions_stacked_under_the_headline_and_photo_file_names(read):
    page = read("union-site-with-stacked-captions-and-a-gallery.txt")
    (article,) = page.articles
    assert article.title == "工会爱心妈咪小屋 女职工的温馨港湾"
    assert [c.text for _, c in article.captions] == [
        "女职工在爱心妈咪小屋里休息。", "工作人员打扫爱心妈咪小屋。", "焊工", "数控机床装调维修工"]
    assert [p.text[:4] for p in article.body] == ["沙发、书", "小屋内设", "“厂里有"]
    assert article.meta.people == []          # 维修工 is a trade, not 维 and a person 修工
    # the related story's timestamp is not the page's date (the page prints no year of its own)
    assert article.meta.date == ""
    assert leaked(published(page), ("焊工1", "数控2", "投稿", "tougao", "语音播报", "第1234期", "加载更多",
                                    "某地举办职工篮球赛")) == []


def test_an_e_paper_reader_date_under_its_label_and_a_caption_in_table_cell_bars(read):
    page = read("epaper-reader-with-a-date-label-and-a-caption-cell.txt")
    (article,) = page.articles
    assert article.title == "城区建成3处户外职工爱心驿站" and article.kicker == ""
    assert article.meta.date == "2017-12-26"
    assert [c.text for _, c in article.captions] == [
        "环卫工人在新建成的爱心驿站里休息、喝水，驿站配备了微波炉、饮水机和应急药箱。"]
    assert [p.text[:5] for p in article.body] == ["本报讯（记", "驿站配有空"]
    assert leaked(published(page), ("[摘要]", "文章标题", "文章作者", "![]()", "| ")) == []


def test_a_series_label_before_the_headline_and_one_caption_printed_under_three_photos(read):
    page = read("web-copy-with-a-series-label-and-one-caption-for-three-photos.txt")
    (article,) = page.articles
    assert (article.series, article.title) == ("新春走基层 送福进万家", "某市总工会举办“迎新春 送温暖”包汤圆活动")
    # three copies in a row under the headline: the photos' caption, published once, the copies logged
    assert [c.text for _, c in article.captions] == ["活动现场"]
    assert [d.text for d in page.dropped].count("活动现场") == 2
    assert [p.text[:4] for p in article.body] == ["某某工会", "本次活动", "据悉，本"]
    assert article.meta.date == "2025-01-20"


def test_a_label_before_a_headline_that_ends_on_its_exclamation_and_an_apps_timestamp(read):
    page = read("news-app-copy-with-a-label-before-an-exclaimed-headline.txt")
    (article,) = page.articles
    assert (article.series, article.title) == ("暑期托管", "某市：工会驿站爱心托管班开班啦！")
    assert article.subtitle == ""            # 某某云新闻 2025-07-09 10:20:31 is the app's publication line
    assert article.meta.date == "2025-07-09"
    assert leaked(published(page), ("| ", "某某云新闻 2025", "10:20")) == []


def test_photo_captions_run_into_the_dateline_stand_alone(read):
    page = read("web-copy-with-captions-run-into-the-dateline.txt")
    (article,) = page.articles
    assert [(c.text, c.credit) for _, c in article.captions] == [
        ("现场为环卫工人送去清凉慰问品。", "某社区供图"), ("当天的文艺汇演", "某社区供图")]
    assert article.body[0].text.startswith("某某网6月17日讯（本网记者 张某 通讯员 李某）6月16日下午")
    assert article.meta.authors == ["张某", "李某"]


def test_an_e_paper_title_navigation_whose_first_title_is_a_question_and_a_file_photo(read):
    page = read("epaper-reader-with-a-title-navigation-and-a-file-photo.txt")
    (article,) = page.articles
    assert (article.title, article.subtitle) == ("某市工会代表团赴外地考察", "昨抵某地学习劳模工作室建设经验")
    # the paper's own label under a file photo is that photo's caption
    assert [c.text for _, c in article.captions] == ["（资料图片）"]
    assert article.meta.date == "2024-05-08"          # 2024 5月8日 星期: the copy lost 年
    assert leaked(published(page), ("top", "本版标题导航", "职工书屋真能借到新书", "某区举办职工技能大赛", "设为首页")) == []


def test_a_government_copy_with_a_dashed_site_name_a_screen_reader_note_and_a_narrated_group_photo(read):
    page = read("government-copy-with-a-dashed-site-name-and-a-screen-reader-note.txt")
    (article,) = page.articles
    assert article.title == "某县举行首届劳动模范、先进工作者表彰大会"   # its 、 makes no summary of it
    # …一一握手致意，并进行了合影留念。 tells what happened: a paragraph, not a photo's caption
    assert article.captions == [] and [p.text[:2] for p in article.body] == ["4月", "会前", "县委"]
    assert leaked(published(page), ("---", "某某城", "恢复窄屏", "按tab键", "欢迎您的访问")) == []


def test_a_subtitle_printed_again_phrase_by_phrase_under_a_channel_labelled_headline(read):
    page = read("web-copy-whose-subtitle-is-printed-again-phrase-by-phrase.txt")
    (article,) = page.articles
    assert (article.series, article.title) == ("基层工会动态", "工会“小候鸟”班开课啦--托起童年梦想，守护职工安心")
    assert article.captions == [] and article.kicker == ""
    assert [p.text[:4] for p in article.body] == ["从201", "今年暑期"]


def test_a_forum_copy_whose_markup_codes_opened_its_paragraphs_and_a_weather_widget(read):
    page = read("forum-copy-with-markup-codes-and-a-weather-widget.txt")
    (article,) = page.articles
    assert article.title == "某州工会召开第九次代表大会"
    # each [align=justify] after a finished sentence opened a paragraph: three, the codes logged
    assert [p.text[:3] for p in article.body] == ["本报讯", "会上，", "据介绍"]
    assert [d.text for d in page.dropped].count("[align=justify]") == 3
    assert leaked(published(page), ("[align", "湿度", "北风", "19.4", "查看全部", "小时前", "阅读模式")) == []


def test_the_papers_own_statement_above_the_story_and_a_related_heading_closing_the_page(read):
    page = read("epaper-with-the-papers-statement-above-the-story.txt")
    (article,) = page.articles
    assert article.title == "我市三家工会驿站获评“全国最美”"
    assert [p.text[:3] for p in article.body] == ["本报讯", "近年来"] and article.captions == []
    assert leaked(published(page), ("严正声明", "自媒体", "现声明如下", "版权均属", "相关阅读")) == []


def test_a_hong_kong_caption_credited_after_a_backslash_over_a_bracketed_dateline(read):
    page = read("hong-kong-copy-with-a-backslash-credit-and-a-bracketed-dateline.txt")
    (article,) = page.articles
    assert [(c.text, c.credit) for _, c in article.captions] == [
        ("圖：全國勞動模範代表團昨日抵港，展開為期四天的交流活動。", "某某全媒體記者張某攝")]
    assert [p.text[:4] for p in article.body] == ["【某某報", "特區政府", "代表團團"]


def test_question_marks_a_re_encoding_left_for_indents_spaced_or_not(read):
    page = read("mirror-copy-with-spaced-question-mark-indents.txt")
    (article,) = page.articles
    assert [p.text[:5] for p in article.body] == ["2017年", "2017年", "調研組一行"]
    assert "?" not in published(page) and "？" not in published(page)


def test_a_union_sites_date_written_with_hao_under_the_title(read):
    (article,) = read("union-site-date-written-with-hao-under-the-title.txt").articles
    assert article.title == "某社区工会驿站开展寒冬送暖行动"     # 2026年01月23号 is the page's date, not the title's
    assert article.meta.date == "2026-01-23" and len(article.body) == 3


def test_captions_between_a_web_copys_publication_line_and_its_dateline_lead(read):
    page = read("news-portal-copy-with-captions-between-its-publication-line-and-lead.txt")
    (article,) = page.articles
    assert [c.text for _, c in article.captions] == ["6月17日 某市职工演讲比赛决赛在市总工会举行",
                                                    "15名进入决赛的选手进行了精彩的演讲"]
    assert [p.text[:4] for p in article.body] == ["某某网某", "为庆祝建"]
    assert leaked(published(page), ("大字体", "小字体", "免责声明", "版权均属于")) == []


def test_an_e_paper_readers_widgets_and_a_unions_name_over_the_headline(read):
    page = read("epaper-reader-with-a-unions-name-over-the-headline.txt")
    (article,) = page.articles
    # the union's name the lead repeats is no headline of its own: it heads the one below
    assert article.title != "某某县总工会" and article.title.endswith("冬日送棉衣 情暖环卫工")
    assert article.meta.date == "2026-01-16"
    assert leaked(published(page), ("通版", "请点击", "当前版")) == []


def test_a_reposting_sites_dated_report_line_opens_the_lead_not_a_title(read):
    page = read("repost-with-the-reposting-sites-dated-report-line.txt")
    (article,) = page.articles
    assert article.title_derived and article.title != "某某消息网2026-03-04号报道"
    assert article.body[0].text.startswith("某某消息网2026-03-04号报道 某某网北京3月2日电")
    assert len(article.body) == 2 and article.meta.date == "2026-03-04"


def test_a_regional_portals_menu_of_papers_contact_lines_sms_prompt_and_dated_story_list(read):
    page = read("regional-portal-copy-with-its-papers-menu-and-a-dated-story-list.txt")
    (article,) = page.articles
    # the channel's name shares the lead's dateline words (东湖网/东州头条客户端讯), not its story
    assert article.title == "冷雪无情天地冻 工会关怀暖人心（图）"
    assert [p.text[:4] for p in article.body] == ["东湖网/", "某地质大"] and article.captions == []
    assert leaked(published(page), ("集团报刊", "曝料", "站长", "发短信", "英语口语", "配电房")) == []


def test_a_county_media_copy_with_a_bar_menu_a_channel_label_a_marked_byline_and_linked_titles(read):
    page = read("county-media-copy-with-a-bar-menu-a-channel-label-and-linked-titles.txt")
    (article,) = page.articles
    assert article.title == "东州区总工会开展送清凉慰问活动" and article.section == ""
    assert article.meta.authors == ["张某", "李某", "赵某"]        # (本报记者 among the marked names is a role)
    assert [p.text[:3] for p in article.body] == ["持续的", "今年以"]
    assert leaked(published(page), ("城市远洋", "Hi", "工作动态", "请点这里", "上一条", "景区焕新", "审核关")) == []


def test_a_company_sites_gallery_run_in_a_copy_of_one_paragraph_per_line_and_its_notices(read):
    page = read("company-site-copy-with-a-gallery-run-one-paragraph-per-line.txt")
    (article,) = page.articles
    assert article.title == "东州举行高速公路建设技能大赛"
    # four phrases one under another between paragraphs, on a page that credits its photos: a gallery
    assert [c.text for _, c in article.captions] == ["开幕仪式院长致辞现场", "参赛选手整齐列队", "知识竞赛",
                                                    "钢筋工比赛", "测量工比赛"]
    assert [p.text[:3] for p in article.body] == ["11月", "大赛由", "比赛过"]
    assert leaked(published(page), ("欢迎来到", "我要分享", "投稿", "亲爱的用户", "二维码", "023-", "139")) == []


def test_a_mirror_with_a_repeated_logo_a_bracketed_caption_and_an_e_paper_systems_record(read):
    page = read("mirror-copy-with-a-repeated-logo-a-bracketed-caption-and-an-epaper-record.txt")
    (article,) = page.articles
    assert article.title == "匠心筑梦 创新不止"
    # 《报名》（date page）本报记者 name: the paper's own line, date and writer read
    assert article.meta.date == "2017-11-21" and article.meta.authors == ["王某某"]
    assert [(c.text, c.credit) for _, c in article.captions] == [("图为某矿业集团检查工比赛现场。", "梁某某 摄")]
    assert [p.text[:3] for p in article.body] == ["11月", "工作室"]
    assert leaked(published(page), ("工会新闻东湖", "手机版", "好友", "打赏", "content_", "enpproperty")) == []


def test_an_epaper_index_with_quoted_titles_over_a_caption_and_a_photo_credited_dateline(read):
    page = read("epaper-index-with-quoted-titles-and-a-caption-over-a-photo-credited-dateline.txt")
    (article,) = page.articles
    # (推动“稳岗位、促就业”落地见效: the 、 is the quoted phrase's, the line still one of the index's titles)
    assert article.title == "给一线职工送去新春祝福" and article.kicker == "东州市总工会启动“两节”送温暖活动"
    # one sentence above a lead whose dateline says 文/图: the photo's caption
    assert [c.text for _, c in article.captions] == ["书法志愿者为职工现场写春联。"]
    # (三级调研员 twice is an official's grade, no adult site's keywords)
    assert [p.text[:4] for p in article.body] == ["东州日报", "仪式现场", "据了解，"]
    assert leaked(published(page), ("装卸量", "稳岗位", "职工书屋", "体检全覆盖", "版面导航")) == []


def test_a_union_sites_menu_one_item_per_line_over_a_run_on_copy_with_its_caption_inside(read):
    page = read("union-site-with-a-menu-one-item-per-line-and-a-run-on-caption.txt")
    (article,) = page.articles
    assert article.title == "市總工會心繫環衛工人 情滿中秋"
    assert [(c.text, c.credit) for _, c in article.captions] == [("慰問現場。", "張某某 攝")]
    assert [p.text[:3] for p in article.body] == ["市總工", "主辦方", "據了解"]
    assert article.meta.authors == ["王某"]            # （文/王某 攝/張某某 李某）: a credit line, the writer its author
    assert leaked(published(page), ("關於我們", "會員優惠", "搜尋")) == []


def test_a_government_mirrors_sponsor_line_glued_date_and_a_cut_off_text_over_its_related_heading(read):
    page = read("government-mirror-with-a-sponsor-line-a-glued-date-and-a-cut-off-text.txt")
    (article,) = page.articles
    assert article.title == "南湖区建成20座“劳动者港湾”"          # (the table cell's closing bar dropped)
    assert article.meta.date == "2021-11-24"                  # 2021-11-24李某某: a machine date run into the name
    assert [p.text[:3] for p in article.body] == ["7月2", "下一步"]
    assert leaked(published(page), ("主办", "QQ好友", "副本", "新闻推荐", "|")) == []
