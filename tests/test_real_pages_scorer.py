"""The real-pages scorer (benchmarks/real_pages.py) on a page and gold written here."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("real_pages", ROOT / "benchmarks" / "real_pages.py")
real_pages = importlib.util.module_from_spec(spec)
sys.modules["real_pages"] = real_pages      # (its dataclasses look their module up)
spec.loader.exec_module(real_pages)

PAGE = """某区职工托管班开班

2024-07-10 09:30 来源：某某网

活动现场。主办方供图

7月9日，某区总工会职工子女暑期托管班开班，首批60名孩子入班。

活动现场。主办方供图

托管班开设书法、绘画等课程。
"""
HEADER = "id\tkind\theadline\tparagraphs\tfurniture\tcaptions\tdistrict\tthemes\tdate\tarticles\n"


def score(tmp_path, captions: str, furniture: str = "-"):
    (tmp_path / "p1.txt").write_text(PAGE, encoding="utf-8")
    (tmp_path / "gold.tsv").write_text(
        HEADER + f"p1\tnews\t某区职工托管班开班\t2\t{furniture}\t{captions}\t全市\t渝工港湾\t2024-07-10\t1\n",
        encoding="utf-8")
    [gold] = real_pages.read_gold(tmp_path / "gold.tsv")
    return real_pages.score_page(tmp_path, gold)


def test_a_caption_printed_under_two_photos_counts_twice(tmp_path):
    both = score(tmp_path, "活动现场。主办方供图 || 活动现场。主办方供图")
    assert (both.captions_gold, both.captions_found, both.captions_right) == (2, 2, 2)
    assert both.values["captions"] == both.values["caption_precision"] == 1.0
    once = score(tmp_path, "活动现场。主办方供图")
    assert (once.values["captions"], once.values["caption_precision"]) == (1.0, 0.5)


def test_the_page_is_scored_on_its_first_article(tmp_path):
    result = score(tmp_path, "活动现场。主办方供图 || 活动现场。主办方供图", furniture="来源：某某网")
    assert {m: result.values[m] for m in ("headline", "paragraphs", "date", "furniture", "conservation")} == {
        "headline": 1.0, "paragraphs": 1.0, "date": 1.0, "furniture": 1.0, "conservation": 1.0}
    assert real_pages.date_score("2024-07-10", "2024-07") == 0.5


def test_a_credit_the_gold_lists_on_its_own_is_found_with_its_caption(tmp_path):
    # the gold lists caption and credit as two items; the builder keeps them as one caption and its credit
    split = score(tmp_path, "活动现场。 || 主办方供图 || 活动现场。 || 主办方供图")
    assert (split.captions_gold, split.captions_right) == (4, 4)
    assert split.values["captions"] == split.values["caption_precision"] == 1.0
    # a credit the gold does not list is not counted
    plain = score(tmp_path, "活动现场。 || 活动现场。")
    assert (plain.captions_found, plain.captions_right, plain.values["captions"]) == (2, 2, 1.0)


def test_a_credit_line_of_the_photos_the_gold_lists_as_a_caption_is_found(tmp_path):
    page = "某区职工托管班开班\n\n7月9日，某区总工会职工子女暑期托管班开班。\n\n托管班开设书法、绘画等课程。\n\n（记者 张三 摄）\n"
    (tmp_path / "p1.txt").write_text(page, encoding="utf-8")
    (tmp_path / "gold.tsv").write_text(
        HEADER + "p1\tnews\t某区职工托管班开班\t2\t-\t（记者 张三 摄）\t全市\t渝工港湾\t-\t1\n", encoding="utf-8")
    [gold] = real_pages.read_gold(tmp_path / "gold.tsv")
    result = real_pages.score_page(tmp_path, gold)
    assert (result.captions_found, result.captions_right) == (1, 1)


def test_a_caption_printed_twice_in_a_row_and_listed_twice_is_found_twice(tmp_path):
    page = ("某区职工托管班开班\n\n2024-07-10 09:30 来源：某某网\n\n7月9日，某区总工会职工子女暑期托管班开班。\n\n"
            "活动现场。主办方供图\n\n活动现场。主办方供图\n\n托管班开设书法、绘画等课程。\n")
    (tmp_path / "p1.txt").write_text(page, encoding="utf-8")
    (tmp_path / "gold.tsv").write_text(
        HEADER + "p1\tnews\t某区职工托管班开班\t2\t-\t活动现场。主办方供图 || 活动现场。主办方供图\t全市\t渝工港湾\t2024-07-10\t1\n",
        encoding="utf-8")
    [gold] = real_pages.read_gold(tmp_path / "gold.tsv")
    result = real_pages.score_page(tmp_path, gold)
    assert (result.captions_gold, result.captions_right, result.values["caption_precision"]) == (2, 2, 1.0)
