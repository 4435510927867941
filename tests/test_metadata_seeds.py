"""End to end: every seed article's primary district, first theme and date, through the whole pipeline.

The expectations were decided by reading the articles (see the notes); the
module tests in test_places / test_themes / test_dates cover the rules on fragments.
"""

import pytest

# (page, part) → (primary district or None for city-wide, first theme, date, date source)
EXPECTED = {
    # the lead's 6月30日 prints no year: the editor's override dates it (seeds/*.overrides.yaml)
    ("beibei-union-benchmark.txt", 1): ("北碚区", "渝工铸魂", "2023-06-30", "override"),
    ("yugong-columns-yubei-changshou-yongchuan.txt", 1): ("渝北区", "渝工铸魂", "2023-12", "text"),
    ("yugong-columns-yubei-changshou-yongchuan.txt", 2): ("长寿区", "渝工暖心", "2024-02-19", "inferred"),
    ("yugong-columns-yubei-changshou-yongchuan.txt", 3): ("永川区", "渝工建功", "2024-02-18", "inferred"),
    ("jiangjin-union-five-years.txt", 1): ("江津区", "渝工铸魂", "2024", "text"),
    # congress page: city-wide news dated by the 版次 header
    ("city-union-sixth-congress.txt", 1): (None, "渝工初心向党", "2023-05-25", "header"),
    ("city-union-sixth-congress.txt", 2): (None, "渝工初心向党", "2023-05-25", "header"),
    ("city-union-sixth-congress.txt", 3): (None, "渝工初心向党", "2023-05-25", "header"),
    # the proposal is signed by a delegate of 黔江区总工会
    ("city-union-sixth-congress.txt", 4): ("黔江区", "渝工建功", "2023-05-25", "header"),
    ("chengyu-craftsmen-yugong-columns.txt", 1): (None, "渝工创新", "2023-12-15", "inferred"),
    # 渝中区 is one example among 45 sites across the city
    ("chengyu-craftsmen-yugong-columns.txt", 2): (None, "渝工港湾", "2023-12", "inferred"),
    # 万州/涪陵 appear only inside organisation names
    ("chengyu-craftsmen-yugong-columns.txt", 3): (None, "渝工之家", "2023-12", "inferred"),
    ("chengyu-craftsmen-yugong-columns.txt", 4): ("两江新区", "渝工铸魂", "2023-12", "inferred"),
    ("chengyu-craftsmen-yugong-columns.txt", 5): ("城口县", "渝工铸魂", "2023-11-30", "inferred"),
}


@pytest.fixture(scope="module")
def articles(seed_build):
    return {(p.article.source, p.article.part): p.article for p in seed_build.articles}


@pytest.mark.parametrize("key", sorted(EXPECTED), ids=lambda k: f"{k[0][:12]}-{k[1]}")
def test_primary_district_theme_and_date(articles, key):
    district, theme, date, source = EXPECTED[key]
    meta = articles[key].meta
    assert (meta.districts[0] if meta.districts else None) == district
    assert meta.themes[0] == theme
    assert (meta.date or None, meta.date_source or None) == (date, source)


def test_regions_stay_out_of_districts(articles):
    beibei = articles[("beibei-union-benchmark.txt", 1)].meta
    assert {"绵阳市", "广安市"} <= set(beibei.regions)
    assert not {"绵阳市", "广安市", "四川省"} & set(beibei.districts)
    assert articles[("chengyu-craftsmen-yugong-columns.txt", 1)].meta.regions == ["成都市"]


def test_series_banner_is_a_key_of_its_own(articles):
    assert articles[("chengyu-craftsmen-yugong-columns.txt", 1)].series == "成渝地区双城经济圈·工会在行动"


def test_every_seed_article_has_a_description_and_tags(articles):
    for article in articles.values():
        assert article.meta.description and len(article.meta.description) <= 130
        assert 1 <= len(article.meta.tags) <= 6
        assert not {"工会", "职工", "开展"} & set(article.meta.tags)
