"""Calendar facts every stage may use: Chinese numerals, real dates, ISO strings.

>>> numeral_value("二十五"), is_real_date(2024, 2, 29), iso_date(2023, 5)
(25, True, ('2023-05', 'month'))
"""

from __future__ import annotations

import re
from datetime import date as _date

from builder.textfix import fold_fullwidth_alphanumerics

CN_DIGIT = {"〇": 0, "○": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4,
             "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}

def numeral_value(numeral: str) -> int | None:
    """'十二' → 12, '二十五' → 25, '三' → 3; None for anything else."""
    tens, sep, units = numeral.partition("十")
    if not sep:
        return CN_DIGIT.get(numeral) if len(numeral) == 1 else None
    if len(tens) > 1 or len(units) > 1:
        return None
    high = CN_DIGIT.get(tens, -1) if tens else 1
    low = CN_DIGIT.get(units, -1) if units else 0
    if high <= 0 or low < 0:
        return None
    return high * 10 + low


def is_real_date(year: int | None, month: int | None, day: int | None) -> bool:
    try:
        _date(2000 if year is None else year,       # 2000: a leap year, for 2月29日
              1 if month is None else month, 1 if day is None else day)
    except ValueError:
        return False
    return True


def iso_date(year: int, month: int | None = None, day: int | None = None) -> tuple[str, str]:
    if month is None:
        return f"{year:04d}", "year"
    if day is None:
        return f"{year:04d}-{month:02d}", "month"
    return f"{year:04d}-{month:02d}-{day:02d}", "day"


_ISO_INPUT = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def parse_iso_date(value: str) -> tuple[str, str] | None:
    """Check an editor's 'YYYY[-MM[-DD]]' and return (normalised, precision).

    Why: dates typed into front matter override the inferred ones, so they
    must be real dates; a wrong one is reported, not published.

    >>> parse_iso_date("2023-5-1")
    ('2023-05-01', 'day')
    >>> parse_iso_date("2024")
    ('2024', 'year')
    >>> parse_iso_date("2023-13-01") is None
    True
    """
    if not isinstance(value, str):
        return None
    m = _ISO_INPUT.fullmatch(fold_fullwidth_alphanumerics(value).strip())
    if m is None:
        return None
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    if year < 1 or not is_real_date(year, month, day):
        return None
    return iso_date(year, month, day)
