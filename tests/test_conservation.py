"""Nothing lost, nothing invented: every CJK character of a page is accounted for."""

from collections import Counter

import pytest

from builder.conservation import account
from builder.ingest import decode
from builder.model import Article, Dropped, Para
from builder.textfix import cjk_characters
from tests.conftest import SEEDS

SEED_NAMES = sorted(p.name for p in SEEDS.glob("*.txt"))


@pytest.mark.parametrize("name", SEED_NAMES)
def test_every_character_of_the_raw_seed_is_published_or_dropped(seed_pages, name):
    page, _ = seed_pages[name]
    # count against the raw file itself, not the pipeline's own normalised text
    raw = decode((SEEDS / name).read_bytes()).text
    printed = Counter(cjk_characters(raw))
    published = Counter()
    for article in page.articles:
        for piece in article.visible_texts():
            published.update(cjk_characters(piece))
    published.update(c for d in page.dropped for c in cjk_characters(d.text))
    lost = printed - published
    assert not lost, f"lost: {''.join(lost.elements())}"
    assert sum(printed.values()) > 1000


@pytest.mark.parametrize("name", SEED_NAMES)
def test_the_build_itself_reports_no_conservation_error(seed_pages, name):
    page, _ = seed_pages[name]
    assert not [d for d in page.diagnostics if "lost" in d.message or "not in the page" in d.message]


@pytest.mark.parametrize("name", SEED_NAMES)
def test_drop_list_holds_only_furniture(seed_pages, name):
    page, _ = seed_pages[name]
    for item in page.dropped:
        assert item.reason and len(item.text) <= 80


def test_account_finds_a_lost_and_an_invented_character():
    page = "渝工港湾\n驿站建设。"
    article = Article("p.txt", 1, title="渝工港湾", body=[Para("驿站建成。", 2, 2)])
    lost, invented = account(page, [article], [])
    assert lost == Counter("设") and invented == Counter("成")
    lost, invented = account(page, [article], [Dropped("p.txt", 2, "设", "test")])
    assert not lost


def test_the_same_column_label_on_two_articles_is_not_invented():
    page = "渝工铸魂\n甲文。\n乙文。"
    articles = [Article("p.txt", 1, column="渝工铸魂", title="", body=[Para("甲文。", 2, 2)]),
                Article("p.txt", 2, column="渝工铸魂", title="", body=[Para("乙文。", 3, 3)])]
    assert account(page, articles, []) == (Counter(), Counter())


def test_latin_letters_and_digits_are_counted_too():
    page = "渝工港湾\n驿站建成5220个，APP上线。"
    article = Article("p.txt", 1, title="渝工港湾", body=[Para("驿站建成522个，AP上线。", 2, 2)])
    lost, invented = account(page, [article], [])
    assert lost == Counter({"0": 1, "P": 1}) and not invented
