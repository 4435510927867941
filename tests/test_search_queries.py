"""Readers' queries against the search index of the seed articles.

For every query the expected result set is computed here, from the articles'
own text, by plain substring search after folding — never taken from the
engine.  The engine (builder/search/query.py, reading the generated files
exactly as the browser does) must return exactly that set.  The expected first
article of each query was chosen by reading the articles: a heading (title,
column …) match first, then the article where the words weigh most.
"""

from __future__ import annotations

import pytest

from builder.search import fold, query_terms, search_docs, search_files
from builder.search.index import document_order
from builder.search.query import Index

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
}
NO_RESULTS = ["上海市总工会", "北碚 上海", "劳模工匠上海"]


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
