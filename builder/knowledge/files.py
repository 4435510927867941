"""The knowledge files: the one place that reads ``builder/data/*.yaml``.

Every table of the builder (furniture patterns, label rules, the gazetteer,
the taxonomy, date words, the genre's lexicon, encodings, site texts) starts
from one of these files, parsed once per process.  The modules that build
the tables ask for a file by name; none of them opens a data file itself, so
a file's format is read the same way everywhere and a test can tell the
build's knowledge from its code.

>>> sorted(knowledge_file("themes"))[:2]
['overview', 'shadows']
>>> knowledge_file("no-such-file")
Traceback (most recent call last):
...
KeyError: "no knowledge file 'no-such-file' in builder/data"
"""

from __future__ import annotations

import copy
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


def knowledge_file(name: str) -> dict[str, Any]:
    """``builder/data/<name>.yaml`` parsed (an empty file is an empty mapping); KeyError if there is none.

    Each caller gets its own copy: a table built from it may be changed without touching another's.
    """
    return copy.deepcopy(_parsed(name))


@lru_cache(maxsize=None)
def _parsed(name: str) -> dict[str, Any]:
    path = DATA_DIR / f"{name}.yaml"
    if not path.is_file():
        raise KeyError(f"no knowledge file '{name}' in builder/data")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


def knowledge_path(name: str) -> Path:
    """The path of a knowledge file, for messages that name it."""
    return DATA_DIR / f"{name}.yaml"
