"""Shared fixtures: the seed pages and their processed form (built once per session)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def seed_path(name: str) -> Path:
    return SEEDS / name


@pytest.fixture(scope="session")
def seed_pages():
    """Every seed page, read once: {file name: (Page, notes)}."""
    from builder.pipeline import inputs, read_page

    return {p.name: read_page(p.name, p.read_bytes()) for p in inputs(SEEDS)}


@pytest.fixture(scope="session")
def seed_build():
    """The whole pipeline over seeds/, once."""
    from builder.pipeline import build

    return build(SEEDS)
