"""Every line case of tests/cases/line_kinds.yaml: the kind a line has alone, and its publication fields."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from builder.blocks import line_kind
from builder.headers import parse_publication_line
from builder.model import Kind
from builder.textfix import fix_line

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "line_kinds.yaml").read_text(encoding="utf-8"))
FIELDS = ("date", "page", "origin", "authors", "editors")


def _params():
    for case in CASES:
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if "xfail" in case else []
        yield pytest.param(case, id=case["line"][:24], marks=marks)


@pytest.mark.parametrize("case", _params())
def test_the_line_has_its_kind(case):
    line = fix_line(case["line"])
    kind, why = line_kind(line)
    assert kind.value == case["kind"], why
    expected = {key: case[key] for key in FIELDS if key in case}
    if expected:
        fields = parse_publication_line(line)
        got = {key: getattr(fields, key) for key in expected}
        assert got == {k: tuple(v) if isinstance(v, list) else v for k, v in expected.items()}


# the kinds line_kind gives a line alone (captions, teasers and repeats need the lines around it)
LINE_ALONE_KINDS = {Kind.HEADER, Kind.META, Kind.FURNITURE, Kind.COLUMN, Kind.SECTION, Kind.BANNER, Kind.CREDIT,
                    Kind.BYLINE, Kind.TEXT}


def test_the_table_covers_every_kind_a_line_can_have_alone():
    assert {Kind(c["kind"]) for c in CASES} == LINE_ALONE_KINDS
