"""The key of a search index: what it is made of, so a rebuild whose articles did not change reuses it.

The index is a function of its documents, the search's words and this
package's code: ``index_key`` digests all three, and ``builder.stored``
keeps the files of the last index built under that key.  At 10,000 articles
building and compressing the index costs about 10 s of a rebuild in which
nothing changed; reading it back costs a fraction of a second.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import astuple
from pathlib import Path

from .records import SearchDoc

_PACKAGE = Path(__file__).parent


def code_fingerprint() -> str:
    """A digest of this package's code (any change to how the index is built is a new key)."""
    digest = hashlib.sha256()
    for path in sorted(_PACKAGE.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def index_key(docs: Sequence[SearchDoc], texts: dict, code: str) -> str:
    """The key of an index: its documents in order, the search's words and the code that builds it.

    >>> a, b = SearchDoc("职工之家", "a/"), SearchDoc("职工之家", "b/")
    >>> index_key([a], {}, "c") == index_key([a], {}, "c") != index_key([b], {}, "c") != index_key([a], {}, "d")
    True
    """
    digest = hashlib.sha256(code.encode("ascii"))
    digest.update(json.dumps(texts, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    for doc in docs:
        digest.update(json.dumps(astuple(doc), ensure_ascii=False).encode("utf-8") + b"\n")
    return digest.hexdigest()
