"""Related articles and timeline neighbours, computed once for the whole archive.

Two articles are related when they share features: a theme, a district, a
person, an organisation, a tag (tags are the article's own key words, so
sharing them is the cheap form of text similarity).  Each shared feature adds
its kind's weight times its rarity, log(1 + N/df): sharing a rare person says
more than sharing a busy theme.  No pair of full texts is ever compared.

To stay linear, a feature shared by more than ``window`` articles only links
each article to the ``window`` articles nearest to it in time: at 10,000
articles the work is at most (features per article × window) per article.
Everything is deterministic: ties fall to the nearer date, then the path.
"""

from __future__ import annotations

import heapq
import math
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Mapping, Sequence

from .entries import Entry, chronological

FEATURE_KINDS = ("themes", "districts", "people", "organizations", "tags")


def features(entry: Entry, kinds: Sequence[str] = FEATURE_KINDS) -> list[tuple[str, str]]:
    """The (kind, value) features of an article, each once, in a stable order.

    City-wide news is not a feature: 全市 is the absence of a district.

    >>> from builder.model import Article, Metadata
    >>> features(Entry(Article("p", 1, meta=Metadata(themes=["渝工港湾"], tags=["驿站", "驿站"])), "a.md"))
    [('themes', '渝工港湾'), ('tags', '驿站')]
    """
    found = [(kind, value) for kind in kinds for value in entry.values(kind)]
    return list(dict.fromkeys(found))


def window_slice(positions: Sequence[int], position: int, window: int) -> tuple[int, int]:
    """Bounds of the ``window`` postings nearest in time to ``position`` (a sorted list of positions).

    >>> window_slice([0, 2, 4, 6, 8, 10], 6, 2)
    (2, 5)
    >>> window_slice([0, 2, 4, 6, 8, 10], 0, 2)
    (0, 3)
    >>> window_slice([1, 5], 5, 40)
    (0, 2)
    """
    if len(positions) <= window + 1:
        return 0, len(positions)
    at = bisect_left(positions, position)
    start = max(0, min(at - window // 2, len(positions) - window - 1))
    return start, start + window + 1


def related_articles(entries: Sequence[Entry], *, weights: Mapping[str, float], count: int = 5,
                     window: int = 40, min_score: float = 1.0) -> dict[str, list[Entry]]:
    """For every article (by path), up to ``count`` related articles, best first.

    >>> from builder.model import Article, Metadata
    >>> def e(path, date, **meta):
    ...     return Entry(Article(path, 1, title=path, meta=Metadata(date=date, **meta)), path)
    >>> a = e("a", "2024-01-01", themes=["渝工港湾"], people=["张三"])
    >>> b = e("b", "2024-01-02", themes=["渝工港湾"])
    >>> c = e("c", "2023-01-01", themes=["渝工安康"], people=["张三"])
    >>> d = e("d", "2024-01-03", themes=["渝工安康"])
    >>> found = related_articles([a, b, c, d], weights={"themes": 2, "people": 3})
    >>> [x.path for x in found["a"]], [x.path for x in found["d"]]
    (['c', 'b'], ['c'])
    """
    ordered = chronological(entries)
    entry_features = [features(entry, tuple(weights)) for entry in ordered]
    postings: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, found in enumerate(entry_features):
        for feature in found:
            postings[feature].append(index)          # ascending: built in timeline order
    total = len(ordered)
    value = {feature: weights[feature[0]] * math.log(1 + total / len(listed))
             for feature, listed in postings.items()}
    result: dict[str, list[Entry]] = {}
    for index, entry in enumerate(ordered):
        scores: dict[int, float] = defaultdict(float)
        for feature in entry_features[index]:
            listed = postings[feature]
            start, stop = window_slice(listed, index, window)
            for other in listed[start:stop]:
                if other != index:
                    scores[other] += value[feature]
        # the best ``count`` by (score, nearness in time, path); the index breaks no ties, the path does
        candidates = {other: score for other, score in scores.items() if score >= min_score}
        if len(candidates) > count:
            # rounding every candidate was a third of this function's time: only those near the
            # count-th best can be among the best once rounded (the margin is far above rounding's)
            near = heapq.nlargest(count, candidates.values())[-1] - 1e-6
            candidates = {other: score for other, score in candidates.items() if score >= near}
        rounded = {other: round(score, 9) for other, score in candidates.items()}
        if len(rounded) > count:
            # only a candidate scoring at least the count-th best score can be among the best: the
            # tie-breaking tuples are built for those few, not for every article sharing a feature
            cutoff = heapq.nlargest(count, rounded.values())[-1]
            rounded = {other: score for other, score in rounded.items() if score >= cutoff}
        best = heapq.nsmallest(count, ((-score, abs(other - index), ordered[other].path, other)
                                       for other, score in rounded.items()))
        result[entry.path] = [ordered[other] for *_, other in best]
    return result


def timeline_neighbours(entries: Sequence[Entry]) -> dict[str, tuple[Entry | None, Entry | None]]:
    """For every dated article (by path): the article before it and after it in the timeline.

    Undated articles have no place in the timeline, so no neighbours.

    >>> from builder.model import Article, Metadata
    >>> items = [Entry(Article("p", n, title=str(n), meta=Metadata(date=d)), str(n))
    ...          for n, d in [(1, "2024-02-19"), (2, "2023-12"), (3, ""), (4, "2023-12-15")]]
    >>> n = timeline_neighbours(items)
    >>> [(x.path if x else None) for x in n["4"]], [(x.path if x else None) for x in n["2"]], n["3"]
    (['2', '1'], [None, '4'], (None, None))
    """
    dated = [entry for entry in chronological(entries) if entry.date]
    result: dict[str, tuple[Entry | None, Entry | None]] = {e.path: (None, None) for e in entries}
    for index, entry in enumerate(dated):
        before = dated[index - 1] if index > 0 else None
        after = dated[index + 1] if index + 1 < len(dated) else None
        result[entry.path] = (before, after)
    return result
