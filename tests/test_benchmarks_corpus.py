"""The benchmark corpus generator, and the fast segmentation the benchmarks pushed for.

The generator must be deterministic (same seed, same pages) and its pages
must split into the articles it meant; the fast part-of-speech cut
(builder/text/hmm.py) must give jieba's words and tags exactly.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from generate_corpus import generate_corpus, harvest, split_accuracy  # noqa: E402

from builder.text import hmm, segment  # noqa: E402


def test_the_generator_is_deterministic_by_seed():
    first, again, other = generate_corpus(12, seed=5), generate_corpus(12, seed=5), generate_corpus(12, seed=6)
    assert [p.text for p in first] == [p.text for p in again]
    assert [p.text for p in first] != [p.text for p in other]
    assert sum(len(p.titles) for p in first) == 12


def test_generated_pages_split_into_the_intended_articles():
    pages = generate_corpus(40, seed=2)
    score = split_accuracy(pages)
    assert score.intended == score.found == 40
    assert score.pages_exact == score.pages, score.misses


def test_generated_pages_use_only_seed_text_and_data():
    material = harvest()
    page = generate_corpus(3, seed=1)[0]
    assert any(sentence[:12] in page.text for sentence in material.sentences)
    assert {district for district in page.districts} <= {name for name, _ in material.districts}


def _jieba_pairs(text: str) -> list[tuple[str, str]]:
    return [(pair.word, pair.flag) for pair in segment.pos_tokenizer().lcut(text)]


def _jieba_tokens(text: str) -> list[segment.Token]:
    """Tokens as the builder made them before the fast cut: one jieba call over the whole text."""
    found, offset = [], 0
    for word, flag in _jieba_pairs(text):
        start = text.find(word, offset)
        found.append(segment.Token(word, flag, start, start + len(word)))
        offset = start + len(word)
    return found


@pytest.fixture(scope="module")
def sample_texts() -> list[str]:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    return seeds + [p.text for p in generate_corpus(6, seed=9)]


def test_the_fast_cut_gives_jiebas_words_and_tags(sample_texts):
    for text in sample_texts:
        assert hmm.pos_cut(segment.pos_tokenizer(), text) == _jieba_pairs(text)


def test_line_by_line_tokens_equal_whole_text_tokens(sample_texts):
    for text in sample_texts:
        assert segment.tokens(text) == _jieba_tokens(text)


_SAMPLE_CHARS = "".join(sorted(set((ROOT / "seeds" / "city-union-sixth-congress.txt").read_text(encoding="utf-8"))))


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(_SAMPLE_CHARS + "abcXYZ019.+#&_ \t\r\n，。“”邓力矢惠工"), max_size=60))
def test_the_fast_cut_matches_jieba_on_any_text(text):
    assert hmm.pos_cut(segment.pos_tokenizer(), text) == _jieba_pairs(text)
    assert segment.tokens(text) == _jieba_tokens(text)
