"""Shared fixtures: the seed pages and their processed form (built once per session)."""

from __future__ import annotations

import os
import subprocess
import sys
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


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """A strict ``mkdocs build`` of this repository into a temporary folder, once per session."""
    out = tmp_path_factory.mktemp("site")
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000", NO_MKDOCS_2_WARNING="1")
    run = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                         cwd=ROOT, capture_output=True, text=True, env=env)
    assert run.returncode == 0, run.stderr[-4000:]
    return out
