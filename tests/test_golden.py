"""Golden files: the Markdown generated for each seed page, kept under tests/golden/.

A change in the rules shows up as a readable diff of these files.  After a
deliberate change, regenerate them with UPDATE_GOLDEN=1 and read the diff
before committing it.
"""

import os
from pathlib import Path

import pytest

GOLDEN = Path(__file__).parent / "golden"


def _expected_files() -> set[str]:
    return {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md")}


def test_generated_articles_match_the_golden_files(seed_build):
    generated = seed_build.files()
    if os.environ.get("UPDATE_GOLDEN"):
        for old in GOLDEN.rglob("*.md"):
            old.unlink()
        for path, text in generated.items():
            target = GOLDEN / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        pytest.skip("golden files regenerated; read the diff")
    assert set(generated) == _expected_files()
    for path, text in sorted(generated.items()):
        assert text == (GOLDEN / path).read_text(encoding="utf-8"), f"{path} differs from its golden file"


def test_two_builds_are_byte_identical(seed_build):
    from builder.pipeline import build
    from tests.conftest import SEEDS

    assert build(SEEDS).files() == seed_build.files()
