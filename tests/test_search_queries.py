"""Readers' queries against the search index of the seed articles.

For every query the expected result set is computed here, from the articles'
own text, by plain substring search after folding — never taken from the
engine.  The engine (builder/search/query.py, reading the generated files
exactly as the browser does) must return exactly that set.  The expected first
article of each query was chosen by reading the articles: a heading (title,
column …) match first, then the article where the words weigh most.
"""

from __future__ import annotations

import gzip

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.search import SearchDoc, fold, query_terms, search_docs, search_files
from builder.search.index import document_order
from builder.search.query import MIN_SUGGESTION, SUGGESTIONS, Filters, Index

# query → a fragment of the expected first article's URL
QUERIES = {
    # districts
    "北碚": "jian-hao-gong-ren-da-jia-ting",
    "北碚区总工会": "jian-hao-gong-ren-da-jia-ting",
    "城口县": "da-ba-shan-shen-chu",
    "江津": "ning-ju-fen-jin",
    "渝北区": "lao-mo-gong-jiang-dao-she-qu",
    "长寿区": "chang-shou-qu-zong-gong-hui",
    "永川区": "qi-ye-sheng-chan-mang",
    "两江新区": "gong-jiao-jin-xiao-yuan",
    "黔江区": "jian-li-cheng-yu-di-qu",
    "万州区": "zhi-gong-zhi-jia-shi-yu-biao-gan",
    # unions
    "成都市总工会": "cheng-yu-gong-jiang-gong-hua",
    "四川省总工会": "jian-li-cheng-yu-di-qu",
    "城口县总工会": "da-ba-shan-shen-chu",
    "全国总工会": "45-ge-zhan-dian",
    # columns and sections
    "渝工铸魂": "gong-jiao-jin-xiao-yuan",
    "渝工港湾": "45-ge-zhan-dian",
    "渝工之家": "zhi-gong-zhi-jia-shi-yu-biao-gan",
    "渝工暖心": "chang-shou-qu-zong-gong-hui",
    "渝工建功": "qi-ye-sheng-chan-mang",
    "代表热议": "ang-shou-kuo-bu",
    # people
    "邓小平": "jian-hao-gong-ren-da-jia-ting",
    "袁家军": "ang-shou-kuo-bu",
    "徐留平": "ang-shou-kuo-bu",
    "黄德勇": "cheng-yu-gong-jiang-gong-hua",
    "谭里民": "cheng-yu-gong-jiang-gong-hua",
    "裴源泉": "gong-jiao-jin-xiao-yuan",
    "侯显华": "qi-ye-sheng-chan-mang",
    "何勇": "jian-li-cheng-yu-di-qu",
    "李辉": "chang-shou-qu-zong-gong-hui",
    "罗梅": "ning-ju-fen-jin",
    # events
    "春风行动": "chang-shou-qu-zong-gong-hui",
    "最美驿站": "45-ge-zhan-dian",
    "第六次代表大会": "fen-li-da-zao",
    "劳模论坛": "jian-hao-gong-ren-da-jia-ting",
    "招聘会": "chang-shou-qu-zong-gong-hui",
    "留守儿童": "da-ba-shan-shen-chu",
    "复工复产": "qi-ye-sheng-chan-mang",
    "“巴山惠工”": "da-ba-shan-shen-chu",
    # policy phrases
    "新时代工会工作标杆": "jian-hao-gong-ren-da-jia-ting",
    "双城经济圈": "jian-li-cheng-yu-di-qu",
    "高质量发展": "cheng-yu-gong-jiang-gong-hua",
    "工匠精神": "cheng-yu-gong-jiang-gong-hua",
    "新就业形态": "da-ba-shan-shen-chu",
    "职工之家": "zhi-gong-zhi-jia-shi-yu-biao-gan",
    # every term must match (AND)
    "劳模 工匠": "lao-mo-gong-jiang-dao-she-qu",
    "北碚 劳模": "jian-hao-gong-ren-da-jia-ting",
    "工会 驿站": "45-ge-zhan-dian",
    "成渝 工匠": "cheng-yu-gong-jiang-gong-hua",
    "春节　安全": "qi-ye-sheng-chan-mang",          # a full-width space separates terms too
    # traditional characters, full-width forms, case, one character
    "北碚區總工會": "jian-hao-gong-ren-da-jia-ting",
    "職工之家": "zhi-gong-zhi-jia-shi-yu-biao-gan",
    "２０２４年春风行动": "chang-shou-qu-zong-gong-hui",
    "n+x": "da-ba-shan-shen-chu",
    "碚": "jian-hao-gong-ren-da-jia-ting",
    "津": "ning-ju-fen-jin",
    # punctuation, quotation marks and spaces typed or left out: the folded query matches the folded text
    "职工娘家人": "jian-hao-gong-ren-da-jia-ting",            # printed 职工“娘家人”
    "中国梦・劳动美": "jin-hou-wu-nian-zhong-dian-gong-zuo",   # printed 中国梦·劳动美 (U+00B7; typed U+30FB)
    "双城经济圈工会": "cheng-yu-gong-jiang-gong-hua",          # printed …经济圈·工会…
    "春风送岗促就业精准服务助发展": "chang-shou-qu-zong-gong-hui",   # printed with a space inside
    # clause marks separate terms as spaces do
    "劳模，工匠": "lao-mo-gong-jiang-dao-she-qu",
    "劳模、工匠；": "lao-mo-gong-jiang-dao-she-qu",
    "北碚,劳模": "jian-hao-gong-ren-da-jia-ting",
}
NO_RESULTS = ["上海市总工会", "北碚 上海", "劳模工匠上海", "成语工匠"]


@pytest.fixture(scope="module")
def seed_index(seed_build):
    docs = search_docs(seed_build.articles, lambda path: path[:-len(".md")] + "/")
    files = search_files(docs)
    ordered = document_order(docs)
    texts = ["\n".join(fold(s) for s in d.segments()) for d in ordered]
    return Index(files), ordered, texts


def expected_set(texts: list[str], query: str) -> set[int]:
    """Documents whose folded text contains every folded term: the definition of a correct answer."""
    terms = query_terms(query)
    return {i for i, text in enumerate(texts) if all(term in text for term in terms)}


def test_the_suite_is_a_real_one(seed_index):
    _, ordered, texts = seed_index
    assert len(QUERIES) >= 40
    sizes = [len(expected_set(texts, q)) for q in QUERIES]
    assert sum(s > 1 for s in sizes) >= 10, "too few queries where ranking matters"
    assert max(sizes) == len(ordered) or any(s >= len(ordered) // 2 for s in sizes)


@pytest.mark.parametrize("query", list(QUERIES) + NO_RESULTS)
def test_results_are_exactly_the_articles_containing_the_query(seed_index, query):
    index, _, texts = seed_index
    found = [hit.doc for hit in index.search(query)]
    assert len(found) == len(set(found))
    assert set(found) == expected_set(texts, query)


@pytest.mark.parametrize("query", list(QUERIES))
def test_the_expected_article_contains_the_query(seed_index, query):
    _, ordered, texts = seed_index
    matching = [ordered[i].url for i in expected_set(texts, query)]
    assert any(QUERIES[query] in url for url in matching), f"{query}: pick an article that contains it"


def test_the_best_article_comes_first(seed_index):
    index, ordered, _ = seed_index
    misses = []
    for query, fragment in QUERIES.items():
        hits = index.search(query)
        if not hits or fragment not in ordered[hits[0].doc].url:
            misses.append((query, ordered[hits[0].doc].url if hits else None))
    assert len(misses) <= 0.05 * len(QUERIES), misses


def test_heading_matches_rank_first_then_density_then_date(seed_index):
    index, ordered, texts = seed_index
    for query in QUERIES:
        hits = index.search(query)
        keys = [(-h.heading_terms, -h.density, h.doc) for h in hits]
        assert keys == sorted(keys)
        dates = [ordered[h.doc].date for h in hits]
        for a, b, da, db in zip(hits, hits[1:], dates, dates[1:]):
            if (a.heading_terms, a.density) == (b.heading_terms, b.density):
                assert da >= db


def test_a_column_name_finds_its_articles_first(seed_index):
    index, ordered, _ = seed_index
    hits = index.search("渝工铸魂")
    in_column = {i for i, d in enumerate(ordered) if d.column == "渝工铸魂"}
    assert {h.doc for h in hits[:len(in_column)]} == in_column


def test_a_long_query_fetches_few_files(seed_index):
    index, _, _ = seed_index
    index.fetched.clear()
    index.search("新时代工会工作标杆")    # 9 characters: 4-grams at offsets 0, 4 and 5
    assert len(set(index.fetched)) <= 3


# ---------------------------------------------------------------- forgiving but exact: fragments written for the tests
#
# Short texts of our own, each with what it is for.  The expected answers below
# are written by hand from these texts (and then also checked against plain
# substring search over the folded texts).

FRAGMENTS = [
    SearchDoc("职工“娘家人”服务站开门", "f/niangjia/", "2024-03-08", themes=("渝工暖心",), districts=("北碚区",),
              body=("社区里的职工“娘家人”忙着登记。",)),
    SearchDoc("“中国梦·劳动美”歌会", "f/gehui/", "2023-05-01", themes=("渝工铸魂",), districts=("江津区",),
              body=("歌会在江津的广场上唱响。",)),
    SearchDoc("劳模和工匠进校园", "f/xiaoyuan/", "2023-11", themes=("渝工创新",),
              body=("来的有劳模，也有工匠，孩子们很高兴。",)),
    SearchDoc("老工匠的手艺课", "f/shouyi/", "2022-12-01", themes=("渝工创新", "渝工铸魂"),
              districts=("北碚区", "江津区"), body=("一位老工匠讲手艺的传承。",)),
    SearchDoc("年度要点", "f/yaodian/", "2024-01-15", themes=("渝工建功",), districts=("江津区",),
              body=("区总工会。工作人员全部到岗。",)),
    SearchDoc("征文启事", "f/zhengwen/", "", body=("中国梦•劳动美‧征文开始了！",)),
    SearchDoc("增长３．５％", "f/zengzhang/", "2021-06-30", themes=("渝工建功",), districts=("北碚区",),
              body=("会员人数增长3.5%，在2024/4/13前完成。",)),
]

# query → the URLs of the fragments it must find (any order), read off the texts above
FRAGMENT_QUERIES = {
    "职工娘家人": {"f/niangjia/"},                                   # quotation marks left out
    "“娘家人”服务站": {"f/niangjia/"},                              # quotation marks typed where the text has one
    "中国梦・劳动美": {"f/gehui/", "f/zhengwen/"},                   # ・ for · and for •‧
    "中国梦劳动美": {"f/gehui/", "f/zhengwen/"},
    "中国 梦": {"f/gehui/", "f/zhengwen/"},
    "劳模，工匠": {"f/xiaoyuan/"},                                   # both terms, wherever they stand
    "劳模、工匠": {"f/xiaoyuan/"},
    "劳模;工匠": {"f/xiaoyuan/"},
    "劳模 工匠": {"f/xiaoyuan/"},
    "工匠": {"f/xiaoyuan/", "f/shouyi/"},
    "劳模工匠": set(),                                               # a clause mark stands between them in the text
    "工会工作": set(),                                               # a full stop stands between them
    "总工会": {"f/yaodian/"},
    "3.5%": {"f/zengzhang/"},                                        # kept inside numbers
    "３．５％": {"f/zengzhang/"},
    "35": set(),
    "2024/4/13": {"f/zengzhang/"},
    "增长3.5": {"f/zengzhang/"},
    "“”，、": set(),                                                 # nothing left to search for
}

# (query, filters, sort) → the URLs listed, in order
FRAGMENT_LISTINGS = [
    ("工匠", Filters(), "date", ["f/xiaoyuan/", "f/shouyi/"]),
    ("工匠", Filters(theme="渝工铸魂"), "", ["f/shouyi/"]),
    ("工匠", Filters(district="全市"), "", ["f/xiaoyuan/"]),                 # no district named: 全市
    ("工匠", Filters(year="2022"), "", ["f/shouyi/"]),
    ("工匠", Filters(theme="渝工创新", district="北碚区", year="2022"), "", ["f/shouyi/"]),
    ("工匠", Filters(theme="渝工暖心"), "", []),
    ("工匠", Filters(theme="没有这个专题"), "", []),
    ("中国梦劳动美", Filters(), "date", ["f/gehui/", "f/zhengwen/"]),       # undated last
    ("中国梦劳动美", Filters(year="2023"), "", ["f/gehui/"]),
    ("的", Filters(district="江津区"), "date", ["f/gehui/", "f/shouyi/"]),
    ("的", Filters(), "date", ["f/niangjia/", "f/xiaoyuan/", "f/gehui/", "f/shouyi/"]),
]

# query → the partial matches offered (phrase, articles), best first
FRAGMENT_SUGGESTIONS = {
    "成语工匠": [("工匠", 2)],                         # a one-character slip
    "老工匠的手艺": [("老工匠的手艺", 1)],             # (it matches: a term is its own longest part)
    "工匠的手机": [("工匠的手", 1)],
    "北碚 上海": [],                                   # 北碚 is in no text (only in the districts)
    "娘家人 上海": [("娘家人", 1)],
    "劳模工匠": [("工匠", 2), ("劳模", 1)],            # equally long: more articles first
    "上海": [],
}


@pytest.fixture(scope="module")
def fragments():
    files = search_files(FRAGMENTS)
    ordered = document_order(FRAGMENTS)
    return Index(files), ordered, ["\n".join(fold(s) for s in d.segments()) for d in ordered]


@pytest.mark.parametrize("query", list(FRAGMENT_QUERIES))
def test_punctuation_and_spaces_do_not_decide_a_match(fragments, query):
    index, ordered, texts = fragments
    found = {ordered[hit.doc].url for hit in index.search(query)}
    assert found == FRAGMENT_QUERIES[query]
    if query_terms(query):
        assert found == {ordered[i].url for i in expected_set(texts, query)}


@pytest.mark.parametrize("query, filters, sort, urls", FRAGMENT_LISTINGS)
def test_filters_and_the_date_order_list_exactly_these(fragments, query, filters, sort, urls):
    index, ordered, _ = fragments
    assert [ordered[hit.doc].url for hit in index.results(query, filters, sort)] == urls


@pytest.mark.parametrize("query", list(FRAGMENT_SUGGESTIONS))
def test_the_nearest_partial_matches_of_a_query(fragments, query):
    index, _, texts = fragments
    assert index.suggest(query) == FRAGMENT_SUGGESTIONS[query]
    assert index.suggest(query) == brute_force_suggestions(texts, query)


def test_the_option_counts_are_what_choosing_the_option_shows(fragments):
    index, ordered, _ = fragments
    hits = index.search("工匠")
    counts = index.facets().counts([h.doc for h in hits], Filters(theme="渝工铸魂"))
    assert counts["theme"] == {"渝工创新": 2, "渝工铸魂": 1}          # its own facet: as if not chosen
    assert counts["district"] == {"北碚区": 1, "江津区": 1}
    assert counts["year"] == {"2022": 1}


def test_the_facets_are_codes_not_repeated_names(fragments):
    files = search_files(FRAGMENTS)
    data = gzip.decompress(files["search/facets.bin"])
    assert data.count("渝工创新".encode()) == 1 and data.count("北碚区".encode()) == 1


# ---------------------------------------------------------------- the seeds: suggestions and filters

def brute_force_suggestions(texts: list[str], query: str) -> list[tuple[str, int]]:
    """The definition: per term, its longest parts (≥ MIN_SUGGESTION characters) some text holds; best first."""
    found: dict[str, tuple[int, int]] = {}
    for term in query_terms(query):
        for length in range(len(term), min(MIN_SUGGESTION, len(term)) - 1, -1):
            parts = [term[i:i + length] for i in range(len(term) - length + 1)]
            counts = {p: sum(p in t for t in texts) for p in parts}
            if any(counts.values()):
                for p in parts:
                    if counts[p] and p not in found:
                        found[p] = (counts[p], len(found))
                break
    ranked = sorted(found, key=lambda p: (-len(p), -found[p][0], found[p][1]))
    return [(p, found[p][0]) for p in ranked[:SUGGESTIONS]]


def facet_values(doc: SearchDoc) -> dict[str, set[str]]:
    return {"theme": set(doc.themes), "district": set(doc.districts) or {"全市"},
            "year": {doc.date[:4]} if doc.date else set()}


@pytest.mark.parametrize("query", NO_RESULTS + ["成渝工匠上海", "劳模工匠共话"])
def test_no_results_offer_the_longest_matching_parts(seed_index, query):
    index, _, texts = seed_index
    if index.search(query):
        pytest.skip("has results")
    assert index.suggest(query) == brute_force_suggestions(texts, query)


def test_a_one_character_slip_is_offered_its_intact_part(seed_index):
    index, _, texts = seed_index
    suggestions = index.suggest("成语工匠")
    assert suggestions[0] == ("工匠", sum("工匠" in t for t in texts))


SEED_FILTERS = [
    Filters(theme="渝工铸魂"), Filters(district="北碚区"), Filters(district="全市"), Filters(year="2023"),
    Filters(theme="渝工初心向党", year="2023"), Filters(theme="渝工铸魂", district="两江新区", year="2023"),
    Filters(year="1999"),
]


@pytest.mark.parametrize("filters", SEED_FILTERS)
@pytest.mark.parametrize("query, sort", [("工会", ""), ("工会", "date"), ("劳模，工匠", "date"), ("安全", "")])
def test_filtered_results_are_exactly_the_matching_articles_with_those_values(seed_index, query, filters, sort):
    index, ordered, texts = seed_index
    listed = [hit.doc for hit in index.results(query, filters, sort)]
    wanted = {i for i in expected_set(texts, query)
              if all(not filters.get(f) or filters.get(f) in facet_values(ordered[i])[f]
                     for f in ("theme", "district", "year"))}
    assert len(listed) == len(set(listed)) and set(listed) == wanted
    if sort == "date":
        dates = [ordered[i].date or "" for i in listed]
        dated = [d for d in dates if d]
        assert dated == sorted(dated, reverse=True) and dates[:len(dated)] == dated    # newest first, undated last
    else:
        ranked = [hit.doc for hit in index.search(query) if hit.doc in wanted]
        assert listed == ranked                                                         # relevance kept


def test_the_facets_file_is_small_and_read_only_by_the_results_page(seed_index):
    index, ordered, _ = seed_index
    assert len(gzip.decompress(index.files["search/facets.bin"])) < 20 * len(ordered)
    index.fetched.clear()
    index.search("北碚区总工会")
    assert "search/facets.bin" not in index.fetched


# small alphabet of characters and punctuation: quotation marks, dots, clause marks and spaces everywhere
_PUNCTUATED = "工会劳模“”·・，。、 "


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(alphabet=_PUNCTUATED, min_size=0, max_size=24), min_size=1, max_size=6),
       st.lists(st.text(alphabet=_PUNCTUATED, min_size=1, max_size=8), min_size=1, max_size=6))
def test_random_punctuated_archives_answer_as_plain_substring_search(bodies, queries):
    docs = [SearchDoc(title="题", url=f"a/{i}/", date=f"2024-01-{i % 28 + 1:02d}", body=(body,))
            for i, body in enumerate(bodies)]
    index = Index(search_files(docs))
    texts = ["\n".join(fold(s) for s in d.segments()) for d in document_order(docs)]
    for query in queries:
        found = {hit.doc for hit in index.search(query)}
        assert found == (expected_set(texts, query) if query_terms(query) else set()), query
        if not found:
            assert index.suggest(query) == brute_force_suggestions(texts, query), query
