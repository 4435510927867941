"""The base layer: character knowledge every stage may use (none of it knows about pages or articles)."""

import re

_WHITESPACE = re.compile(r"\s+")


def squeeze(text: str) -> str:
    """Text without its whitespace: how two printings of one line are compared.

    >>> squeeze("给快递小哥 一个 “温暖的家”")
    '给快递小哥一个“温暖的家”'
    """
    return _WHITESPACE.sub("", text)
