"""The site's own words: all in data/site.yaml, in Chinese with full-width punctuation."""

from __future__ import annotations

import re

import yaml

from builder.knowledge.taxonomy import load_themes
from builder.knowledge.files import knowledge_path

HAN = r"[\u4e00-\u9fff]"
# a half-width mark written against a Chinese character: 责任,引领 / 说明: / (通讯员)
HALF_WIDTH_BESIDE_HAN = re.compile(rf"{HAN}[,;:!?()]|[,;:!?()]{HAN}")


def strings(value, path=""):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings(item, f"{path}.{key}" if path else str(key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from strings(item, f"{path}[{index}]")


def test_the_check_finds_half_width_punctuation_in_chinese_text():
    assert HALF_WIDTH_BESIDE_HAN.search("紧盯政治责任,引领职工")
    assert HALF_WIDTH_BESIDE_HAN.search("原版配图(通讯员 摄)")
    assert not HALF_WIDTH_BESIDE_HAN.search("紧盯政治责任，引领职工：[全部文章]({all})")


def test_site_texts_use_full_width_punctuation():
    data = yaml.safe_load(knowledge_path("site").read_text(encoding="utf-8"))
    wrong = [(path, text) for path, text in strings(data) if HALF_WIDTH_BESIDE_HAN.search(text)]
    assert wrong == []


def test_theme_descriptions_use_full_width_punctuation():
    wrong = [t.description for t in load_themes() if HALF_WIDTH_BESIDE_HAN.search(t.description)]
    assert wrong == []
