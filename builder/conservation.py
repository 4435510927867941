"""Conservation: nothing of a page is lost and nothing is invented.

Every letter and digit of the page's text (ideographs, Latin letters,
numbers, in any script) must be accounted for exactly as often as it is
printed: in an article's reader-visible text (title block, labels, body,
captions, credits) or in the page's drop list.  The check
runs on every build, so a rule that loses text fails the build of that page,
not just a test.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from .model import Article, Dropped
from .textfix import readable_characters


def account(page_text: str, articles: Iterable[Article], dropped: Iterable[Dropped]) -> tuple[Counter, Counter]:
    """Return (lost, invented): letters and digits missing from the output, and ones the output added.

    Labels such as a column name are printed once but carried by every
    article under them, so extra copies of label text are not "invented".

    >>> from .model import Article, Para
    >>> a = Article("p.txt", 1, title="渝工港湾", body=[Para("驿站。", 3, 3)])
    >>> account("渝工港湾\\n驿站。扫码5", [a], [])
    (Counter({'扫': 1, '码': 1, '5': 1}), Counter())
    """
    printed = Counter(readable_characters(page_text))
    published: Counter = Counter()
    label_texts: Counter = Counter()
    for article in articles:
        labels = {article.column, article.series, article.section} - {""}
        for piece in article.visible_texts():
            published.update(readable_characters(piece))
        for label in labels:
            label_texts.update(readable_characters(label))
    for item in dropped:
        published.update(readable_characters(item.text))
    lost = printed - published
    invented = published - printed - label_texts
    # a label repeated on several articles may exceed its printed count; only
    # what no printed label explains counts as invented
    return lost, +(invented)
