"""Every case of tests/cases/page_heads.yaml: the kicker, title and subtitle of a page's first article."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from builder.pipeline import read_page

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "page_heads.yaml").read_text(encoding="utf-8"))


def _params():
    for case in CASES:
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
        yield pytest.param(case, id=case["name"], marks=marks)


@pytest.mark.parametrize("case", _params())
def test_the_first_article_has_its_head(case):
    page, _ = read_page("case.txt", case["page"].encode("utf-8"))
    first = page.articles[0]
    got = {"kicker": first.kicker, "title": first.title, "subtitle": first.subtitle}
    want = {key: case.get(key, "") for key in got}
    assert got == want
