"""Score the builder on real pages against a hand-written gold file.

    python benchmarks/real_pages.py PAGES_DIR GOLD.tsv [--summary-only] [--markdown LABEL]

The pages are raw text copies of real e-paper and news-site pages (kept outside the
repository: their text is not ours to publish).  The gold file has one row per page,
tab-separated, with a header line:

    id  kind  headline  paragraphs  furniture  captions  district  themes  date  articles

describing the page's first article (``articles`` counts the whole page's articles):
``furniture`` and ``captions`` hold strings separated by `` || `` (``-`` for none),
``headline`` is ``-`` when the page prints none, ``themes`` the acceptable themes separated by ``|``,
``?`` in ``district``, ``themes`` or ``date`` leaves that metric unscored for the page (a page from
outside Chongqing, kept for its layout), ``district`` an official name or
``全市`` for city-wide news, ``date`` YYYY[-MM[-DD]] or ``-``.

Each page is read exactly as the build reads it (``builder.pipeline.read_path``) and
scored on: headline, no furniture in any published text, paragraph count (crossheads are
headings, not paragraphs), captions
(recall over the gold captions, precision over the captions found, a caption listed twice
counted twice, the mark before a caption (▲ ▶) ignored on both sides, a credit the gold lists
on its own and the builder keeps as the caption's credit, or as the credit of the article's photos, found;
a caption printed twice in a row and listed twice, published once with its repeat logged, found twice), district (primary),
theme (primary among the acceptable ones; ``theme_family`` also accepts a task (实事) whose
action (行动) the gold accepts), date (0.5 when only the precision differs),
article count, conservation (every letter and digit published or logged), and crashes.
``--summary-only`` prints the figures without the per-page rows (for the held-out half,
so its pages stay unseen while rules are written).
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
import traceback
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from builder.annotations import strip_pinyin  # noqa: E402
from builder.conservation import account  # noqa: E402
from builder.knowledge.taxonomy import load_themes  # noqa: E402
from builder.pipeline import read_path  # noqa: E402
from builder.textfix import fix_line  # noqa: E402

_ACTION_OF = {t.name: t.group for t in load_themes() if t.group}
_IGNORED = re.compile(r"[\s\u3000]+")
_PUNCTUATION = re.compile(r"[▲△▶►\s\u3000，,。.：:；;！!？?（）()“”\"'‘’、·•・/／\-—]+")
METRICS = ("headline", "furniture", "paragraphs", "captions", "caption_precision", "district", "theme", "theme_family",
           "date",
           "articles", "conservation", "crash")


@dataclass
class Gold:
    id: str
    kind: str
    headline: str
    paragraphs: int | None
    furniture: list[str]
    captions: list[str]
    district: str
    themes: list[str]
    date: str
    articles: int | None


@dataclass
class Score:
    id: str
    kind: str
    values: dict[str, float] = field(default_factory=dict)
    got: dict[str, str] = field(default_factory=dict)
    captions_found: int = 0
    captions_right: int = 0
    captions_gold: int = 0


def _items(cell: str, separator: str = "||") -> list[str]:
    cell = cell.strip()
    return [] if cell in ("", "-") else [p.strip() for p in cell.split(separator) if p.strip()]


def _number(cell: str) -> int | None:
    cell = cell.strip()
    return int(cell) if cell.isdigit() else None


def read_gold(path: Path) -> list[Gold]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [Gold(r["id"].strip(), r["kind"].strip(), r["headline"].strip(), _number(r["paragraphs"]),
                 _items(r["furniture"]), _items(r["captions"]), r["district"].strip(),
                 _items(r["themes"], "|"), r["date"].strip(), _number(r.get("articles") or ""))
            for r in rows if r.get("id")]


def _squeeze(text: str) -> str:
    """Gold is copied from the raw page, output is fixed text: compare both after the same line fixes,
    without pinyin annotations (the builder drops them) and without spaces."""
    return _IGNORED.sub("", strip_pinyin(fix_line(text))[0])


def _caption_key(text: str) -> str:
    return _PUNCTUATION.sub("", _squeeze(text))


def date_score(gold: str, got: str) -> float:
    """1 for the same date, 0.5 when one is the other at a coarser precision, else 0.

    >>> date_score("2023-05-25", "2023-05-25"), date_score("2023-05-25", "2023-05"), date_score("-", "")
    (1.0, 0.5, 1.0)
    """
    gold = "" if gold == "-" else gold
    if gold == got:
        return 1.0
    if gold and got and (gold.startswith(got) or got.startswith(gold)):
        return 0.5
    return 0.0


def score_page(pages_dir: Path, gold: Gold) -> Score:
    score = Score(gold.id, gold.kind)
    try:
        page, _ = read_path(pages_dir / f"{gold.id}.txt")
    except Exception:  # noqa: BLE001 — a crash is a result here, counted and shown
        score.values = {m: 0.0 for m in METRICS}
        score.values["crash"] = 1.0
        score.got["crash"] = traceback.format_exc(limit=3).strip().splitlines()[-1]
        score.captions_gold = len(gold.captions)
        return score
    values = score.values
    values["crash"] = 0.0
    lost, invented = account(page.text, page.articles, page.dropped)
    values["conservation"] = float(not lost and not invented)
    values["articles"] = float(gold.articles is None or len(page.articles) == gold.articles)
    score.got["articles"] = str(len(page.articles))
    published = "\n".join(_squeeze(piece) for a in page.articles for piece in a.visible_texts())
    leaked = [f for f in gold.furniture if _squeeze(f) and _squeeze(f) in published]
    values["furniture"] = float(not leaked)
    score.got["furniture"] = " | ".join(leaked)
    score.captions_gold = len(gold.captions)
    if not page.articles:
        for metric in ("headline", "paragraphs", "district", "theme", "theme_family", "date"):
            values[metric] = 0.0
        values["captions"] = float(not gold.captions)
        values["caption_precision"] = 1.0
        return score
    first = page.articles[0]
    meta = first.meta
    # '-': the page prints no headline, so the builder must say its title is derived
    values["headline"] = float(first.title_derived if gold.headline == "-"
                               else not first.title_derived and _squeeze(first.title) == _squeeze(gold.headline))
    score.got["headline"] = first.title
    # the gold counts text paragraphs; a crosshead (小标题) is a heading, not one of them
    paragraphs = sum(not p.heading for p in first.body)
    values["paragraphs"] = float(gold.paragraphs is None or paragraphs == gold.paragraphs)
    score.got["paragraphs"] = str(paragraphs)
    # a caption is found when its text matches, with or without the credit printed beside it
    # counted with repeats: two photos may carry the same caption (活动现场), and then both are wanted
    wanted = Counter(_caption_key(c) for c in gold.captions)
    found = [next((k for k in (_caption_key(c.text + c.credit), _caption_key(c.text)) if k in wanted),
                  _caption_key(c.text)) for _, c in first.captions]
    # a credit printed on its own line under the caption is one gold item, and the builder keeps it as the
    # caption's credit: found too (it is not found again when the caption's key already holds it)
    found += [_caption_key(c.credit) for _, c in first.captions
              if c.credit and _caption_key(c.credit) in wanted and _caption_key(c.text) in wanted]
    # … and a credit line of the article's photos (本报通讯员 张三 摄 under the text), kept as its credit
    found += [_caption_key(line) for line in first.credits if _caption_key(line) in wanted]
    # a caption the page prints twice in a row (a site's photo title, then its caption) is published once and its
    # second printing logged as a repeat: where the gold lists both printings, the repeat is found too
    captions = {_caption_key(c.text + c.credit) for _, c in first.captions} | {_caption_key(c.text) for _, c in first.captions}
    for dropped in page.dropped:
        key = _caption_key(dropped.text)
        if dropped.reason.startswith("repeats line") and key in captions and found.count(key) < wanted[key]:
            found.append(key)
    score.captions_found = len(found)
    score.captions_right = sum((Counter(found) & wanted).values())
    values["captions"] = score.captions_right / sum(wanted.values()) if wanted else 1.0
    values["caption_precision"] = score.captions_right / len(found) if found else 1.0
    score.got["captions"] = " | ".join(c.text + (f"（{c.credit}）" if c.credit else "") for _, c in first.captions)
    districts = meta.districts
    got_district = districts[0] if districts else "全市"
    values["district"] = float(got_district == gold.district)
    score.got["district"] = got_district
    themes = meta.themes
    values["theme"] = float(bool(themes) and themes[0] in gold.themes)
    # a task (实事) under an action (行动) the gold accepts is the same answer, more precisely
    values["theme_family"] = float(bool(themes) and (themes[0] in gold.themes or _ACTION_OF.get(themes[0]) in gold.themes))
    score.got["theme"] = "|".join(themes)
    got_date = meta.date
    values["date"] = date_score(gold.date, got_date)
    score.got["date"] = got_date or "-"
    for metric, cell in (("district", gold.district), ("theme", "|".join(gold.themes)),
                         ("theme_family", "|".join(gold.themes)), ("date", gold.date)):
        if cell == "?":
            del values[metric]          # not scored for this page
    return score


def summarise(scores: list[Score]) -> dict[str, float]:
    """Share of pages right per metric (captions: recall over all gold captions, precision over all found)."""
    out = {}
    for metric in METRICS:
        if metric in ("captions", "caption_precision"):
            continue
        scored = [s.values[metric] for s in scores if metric in s.values]
        out[metric] = sum(scored) / len(scored) if scored else 1.0
        out[metric + "_pages"] = len(scored)
    gold_captions = sum(s.captions_gold for s in scores)
    out["captions"] = sum(s.captions_right for s in scores) / gold_captions if gold_captions else 1.0
    found = sum(s.captions_found for s in scores)
    out["caption_precision"] = sum(s.captions_right for s in scores) / found if found else 1.0
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", type=Path)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--summary-only", action="store_true", help="figures only, no per-page rows")
    parser.add_argument("--markdown", metavar="LABEL", help="also print the summary as a Markdown table row")
    parser.add_argument("--by-kind", action="store_true", help="also print the figures per kind of page")
    args = parser.parse_args(argv)
    golds = read_gold(args.gold)
    scores = [score_page(args.pages, g) for g in golds]
    if not args.summary_only:
        short = ("headline", "furniture", "paragraphs", "captions", "district", "theme", "date", "articles")
        print("id\tkind\t" + "\t".join(short))
        for s in scores:
            marks = ["·" if m not in s.values else "✓" if s.values[m] == 1.0 else ("½" if s.values[m] else "✗")
                     for m in short]
            print(f"{s.id}\t{s.kind}\t" + "\t".join(marks))
        print()
        for s, g in zip(scores, golds):
            for metric, want in (("headline", g.headline), ("furniture", ""), ("paragraphs", str(g.paragraphs)),
                                 ("captions", " | ".join(g.captions)), ("district", g.district),
                                 ("theme", "|".join(g.themes)), ("date", g.date), ("articles", str(g.articles)),
                                 ("crash", "")):
                if (s.values.get(metric, 1.0) < 1.0) if metric != "crash" else s.values.get("crash"):
                    print(f"{s.id} {metric}: got {s.got.get(metric, '')!r}" + (f", want {want!r}" if want else ""))
        print()
    summary = summarise(scores)
    n = len(scores)
    print(f"{n} pages")
    for metric in METRICS:
        value = summary[metric]
        if metric == "crash":
            print(f"  {metric:18} {round(value * n)} of {n}")
        elif metric in ("captions", "caption_precision"):
            print(f"  {metric:18} {value:6.1%}")
        else:
            pages = summary[metric + "_pages"]
            print(f"  {metric:18} {value:6.1%}  ({value * pages:g} of {pages})")
    if args.by_kind:
        short = ("headline", "furniture", "paragraphs", "captions", "district", "theme", "date")
        print("\nkind         pages  " + "  ".join(f"{m[:10]:>10}" for m in short))
        for kind in sorted({s.kind for s in scores}):
            part = summarise([s for s in scores if s.kind == kind])
            count = sum(s.kind == kind for s in scores)
            print(f"{kind:12} {count:5}  " + "  ".join(f"{part[m]:>10.0%}" for m in short))
    if args.markdown:
        cells = [f"{summary[m]:.0%}" for m in METRICS if m != "crash"] + [str(round(summary["crash"] * n))]
        print(f"| {args.markdown} | {n} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
