"""A synthetic corpus of raw newspaper pages in the seeds' genre, for benchmarks.

Every piece of text comes from the seed pages themselves (their paragraphs,
sentences, titles, headings, captions and names, recombined) or from the
repository's data files (district names, column labels, section labels),
put together by a few page templates:

* several articles per page, each opened the ways the seeds open them: a
  column label (渝工铸魂), a level-one heading (``# 标题``), a series banner
  (…·…), a section label (代表热议), or a new title after a closing credit;
* a title block of a title and sometimes a subtitle (``——…``) and photo
  captions standing after a wide gap, some with a photo credit (…（通讯员 李辉 摄）);
* a dated lead (``6月30日，…``), paragraphs of recombined sentences, section
  headings, paragraphs cut by the layout (two halves, sometimes with a
  caption between them), and closing credits (本版图文由…提供);
* about half the pages carry a 版次 header line with the page's date; on
  the others the dates are only in the text;
* district names in the borrowed sentences are replaced by one district of
  ``builder/data/districts.yaml`` per article, so the corpus covers them all,
  and the seeds' people get new names (a surname from ``genre.yaml`` and
  given-name characters of the seeds' people), as real pages keep naming
  new people.

The result is deterministic for a given seed number.  ``generate_corpus`` is
the function to reuse (the search benchmarks do); the command line writes
the pages and a ``manifest.json`` that lists each page's intended titles,
then checks that the builder splits the pages into those articles::

    python benchmarks/generate_corpus.py --articles 1000 --out /tmp/corpus --seed 1
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:          # run as a script from anywhere (an installed builder wins)
    sys.path.append(str(ROOT))

from builder import blocks as block_passes  # noqa: E402
from builder.ingest import decode, hard_break_lines, split_lines  # noqa: E402
from builder.split import split_page  # noqa: E402

SEEDS_DIR = ROOT / "seeds"
DATA_DIR = ROOT / "builder" / "data"

MAX_TITLE_CHARS = 30
MAX_CAPTION_CHARS = 40
FIRST_DAY, LAST_DAY = date(2019, 1, 1), date(2025, 12, 31)

_SENTENCE = re.compile(r".+?[。！？][”’」』）)]*|.+$")
_DATED_LEAD = re.compile(r"^(?:20\d\d年)?\d{1,2}月\d{1,2}日(?:上午|下午|晚)?，(?P<rest>.{6,})$")
_QUOTED = re.compile(r"“([\u4e00-\u9fff]{2,8})”")
_NAME_LIST = re.compile(r"((?:[\u4e00-\u9fff]{2,3}、)+[\u4e00-\u9fff]{2,3})等")
_HAN = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Material:
    """Text harvested from the seed pages and the data files, in a stable order."""

    sentences: tuple[str, ...]
    leads: tuple[str, ...]          # the rest of a dated lead sentence, after '6月30日，'
    phrases: tuple[str, ...]        # short heading-like phrases (党建铸魂, 聚力凝心 …)
    quoted: tuple[str, ...]         # brand names and slogans (春送岗位, 巴山惠工 …)
    titles: tuple[str, ...]
    captions: tuple[str, ...]
    names: tuple[str, ...]          # people named in the seeds (刘源, 杨玉兰 …)
    given: tuple[str, ...]          # the characters of their given names
    surnames: tuple[str, ...]       # from genre.yaml (the surname table)
    banners: tuple[str, ...]
    districts: tuple[tuple[str, str], ...]   # (official name, short form)
    columns: tuple[str, ...]
    sections: tuple[str, ...]


@dataclass
class GeneratedPage:
    """One raw page and what the builder should find on it."""

    name: str
    text: str
    titles: list[str] = field(default_factory=list)     # intended article titles, in page order
    districts: list[str] = field(default_factory=list)  # the district each article was written for
    header_date: str = ""                                # ISO date of the 版次 header, if any


# ---------------------------------------------------------------------------
# Harvest


def seed_articles(seeds_dir: Path = SEEDS_DIR):
    """The seed pages cut into articles by the builder's own layout passes (no enrichment)."""
    found = []
    for path in sorted(seeds_dir.glob("*.txt")):
        decoded = decode(path.read_bytes())
        lines = split_lines(decoded.text)
        page_blocks = block_passes.page_blocks(lines, hard_break_lines(decoded.text))
        found.extend(split_page(path.name, page_blocks)[0])
    return found


def sentences_of(paragraph: str) -> list[str]:
    """A paragraph's sentences, each with its closing quote.

    >>> sentences_of("他说：“好。”大家鼓掌。末尾")
    ['他说：“好。”', '大家鼓掌。', '末尾']
    """
    return [s for s in _SENTENCE.findall(paragraph) if s]


def _balanced(text: str) -> bool:
    return text.count("“") == text.count("”") and text.count("（") == text.count("）") \
        and text.count("《") == text.count("》")


def _clean_sentence(sentence: str) -> bool:
    """A sentence that can stand anywhere in a new paragraph."""
    return (12 <= len(sentence) <= 160 and sentence[-1] in "。！？”" and _balanced(sentence)
            and sentence[0] not in "■—…“" and "提供" not in sentence)


def _phrases(text: str) -> list[str]:
    """Short heading phrases: the space- or comma-separated halves of titles and headings."""
    parts = re.split(r"[\s，]+", text)
    return [p for p in parts if 4 <= len(p) <= 14 and _balanced(p) and _HAN.search(p) and not p.startswith("——")]


@lru_cache(maxsize=4)
def harvest(seeds_dir: Path = SEEDS_DIR, data_dir: Path = DATA_DIR) -> Material:
    """Everything the page templates need, read from the seeds and the data files."""
    sentences, leads, phrases, quoted, titles, captions, names, banners = ([] for _ in range(8))
    for article in seed_articles(seeds_dir):
        titles.append(article.title)
        phrases += _phrases(article.title)
        if article.subtitle and not article.subtitle.startswith("——"):
            phrases += _phrases(article.subtitle)
        if article.series:
            banners.append(article.series)
        captions += [cap.text for _, cap in article.captions if len(cap.text) <= MAX_CAPTION_CHARS]
        names += [n for n in article.meta.authors if 2 <= len(n) <= 3]
        for para in article.body:
            if para.heading:
                phrases += _phrases(para.text)
                continue
            quoted += _QUOTED.findall(para.text)
            for listed in _NAME_LIST.findall(para.text):
                names += listed.split("、")
            for sentence in sentences_of(para.text):
                if not _clean_sentence(sentence):
                    continue
                lead = _DATED_LEAD.match(sentence)
                if lead:
                    leads.append(lead.group("rest"))
                else:
                    sentences.append(sentence)
    districts_doc = yaml.safe_load((data_dir / "districts.yaml").read_text(encoding="utf-8"))
    themes_doc = yaml.safe_load((data_dir / "themes.yaml").read_text(encoding="utf-8"))
    labels_doc = yaml.safe_load((data_dir / "labels.yaml").read_text(encoding="utf-8"))
    districts = tuple((d["name"], (d.get("short") or [d["name"]])[0]) for d in districts_doc["districts"])
    genre_people = yaml.safe_load((data_dir / "genre.yaml").read_text(encoding="utf-8"))["people"]
    surnames = set("".join(genre_people["surnames"].split())) | set(genre_people["byline_surnames"])
    columns = tuple(c for theme in themes_doc["themes"] for c in theme.get("columns") or [] if len(c) == 4)

    def stable(items):
        return tuple(dict.fromkeys(items))

    people = stable(n for n in names if n[0] in surnames)

    return Material(
        sentences=stable(sentences), leads=stable(leads), phrases=stable(phrases),
        quoted=stable(quoted), titles=stable(titles), captions=stable(captions),
        names=people, given=stable(ch for name in people for ch in name[1:]),
        surnames=tuple(sorted(surnames)), banners=stable(banners),
        districts=districts, columns=columns, sections=tuple(labels_doc["section_labels"][:6]),
    )


# ---------------------------------------------------------------------------
# District substitution


@lru_cache(maxsize=4)
def _district_forms(districts: tuple[tuple[str, str], ...]) -> tuple[re.Pattern, dict[str, bool]]:
    """A pattern matching every district's official and short name (longest first),
    and whether each form is the official one."""
    forms = {}
    for name, short in districts:
        forms[name] = True
        forms.setdefault(short, False)
    ordered = sorted(forms, key=lambda f: (-len(f), f))
    return re.compile("|".join(re.escape(f) for f in ordered)), forms


def relocate(text: str, district: tuple[str, str], districts: tuple[tuple[str, str], ...]) -> str:
    """Move borrowed text to another district: every district name becomes ``district``'s.

    >>> relocate("北碚区总工会在北碚召开会议", ("长寿区", "长寿"), (("北碚区", "北碚"), ("长寿区", "长寿")))
    '长寿区总工会在长寿召开会议'
    """
    pattern, official = _district_forms(districts)
    return pattern.sub(lambda m: district[0] if official[m.group(0)] else district[1], text)


@dataclass(frozen=True)
class Scene:
    """Who and where an article is about: its district, and new names for the seeds' people."""

    district: tuple[str, str]
    people: dict


def cast(rng: random.Random, m: Material, district: tuple[str, str]) -> Scene:
    """A scene with every seed person renamed (surname + given-name characters of the seeds).

    Why: real pages name new people all the time, and unknown names are what
    the segmenter's slowest part (its name-guessing HMM) works on; reusing the
    seeds' few names would make that part look cheaper than it is.
    """
    def name() -> str:
        return rng.choice(m.surnames) + "".join(rng.choice(m.given) for _ in range(rng.choice((1, 2, 2))))

    return Scene(district, {person: name() for person in m.names})


def localise(text: str, scene: Scene, m: Material) -> str:
    """Borrowed text moved to the scene's district and people.

    >>> m = harvest()
    >>> localise("刘源、陈继军等代表表示", Scene(m.districts[0], {"刘源": "王波", "陈继军": "李冬"}), m)
    '王波、李冬等代表表示'
    """
    text = relocate(text, scene.district, m.districts)
    if not scene.people:
        return text
    return _names_pattern(tuple(scene.people)).sub(lambda found: scene.people[found.group(0)], text)


@lru_cache(maxsize=4)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern:
    return re.compile("|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n))))


# ---------------------------------------------------------------------------
# Page templates


def _day(rng: random.Random) -> date:
    return FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))


def _title(rng: random.Random, m: Material, scene: Scene) -> str:
    """A headline in one of the seeds' shapes."""
    for _ in range(20):
        shape = rng.randrange(4)
        district = scene.district
        if shape == 0:
            title = f"{district[0]}总工会“{rng.choice(m.quoted)}”"
        elif shape == 1:
            title = f"{rng.choice(m.phrases)} {rng.choice(m.phrases)}"
        elif shape == 2:
            title = f"{district[1]}{rng.choice(m.phrases)}"
        else:
            title = localise(rng.choice(m.titles), scene, m)
        if len(title) <= MAX_TITLE_CHARS and not title.startswith("渝工"):
            return title
    return f"{scene.district[0]}总工会{rng.choice(m.phrases)}"


def _caption(rng: random.Random, m: Material, scene: Scene) -> str:
    caption = localise(rng.choice(m.captions), scene, m)
    if rng.random() < 0.3:
        caption += f"（通讯员 {rng.choice(list(scene.people.values()))} 摄）"
    return caption


def _lead(rng: random.Random, m: Material, scene: Scene, when: date, with_year: bool) -> str:
    stamp = f"{when.year}年{when.month}月{when.day}日" if with_year else f"{when.month}月{when.day}日"
    rest = localise(rng.choice(m.leads), scene, m)
    return f"{stamp}，{rest}"


def _paragraph(rng: random.Random, m: Material, scene: Scene, sentences: int) -> str:
    return "".join(localise(rng.choice(m.sentences), scene, m) for _ in range(sentences))


def _cut(paragraph: str, rng: random.Random) -> tuple[str, str] | None:
    """Cut a paragraph the way a column end does: after a finished sentence, inside the next one."""
    ends = [i + 1 for i, ch in enumerate(paragraph) if ch == "。" and i + 1 < len(paragraph) - 6]
    if not ends:
        return None
    start = rng.choice(ends)
    inside = [i for i in range(start + 2, len(paragraph) - 2)
              if _HAN.match(paragraph[i - 1]) and _HAN.match(paragraph[i])]
    if not inside:
        return None
    at = rng.choice(inside)
    return paragraph[:at], paragraph[at:]


def _article_blocks(rng: random.Random, m: Material, title: str, scene: Scene,
                    when: date, page_dated: bool) -> tuple[list[str], list[str]]:
    """(title block, body) of one article as lists of blocks; a block is its text lines
    joined by '\n', preceded by '\n\n\n' where a photo stood (a wide gap)."""
    head = [title]
    if rng.random() < 0.35:
        subtitle = rng.choice(m.phrases) if rng.random() < 0.5 else f"{scene.district[0]}总工会{rng.choice(m.phrases)}"
        head.append(("——" if rng.random() < 0.5 else "") + localise(subtitle, scene, m))
    body: list[str] = []
    for _ in range(rng.choice((0, 0, 1, 2))):
        body.append("\n\n" + _caption(rng, m, scene))
    paragraphs = [_lead(rng, m, scene, when, with_year=not page_dated and rng.random() < 0.6)
                  + _paragraph(rng, m, scene, rng.randint(0, 2))]
    paragraphs += [_paragraph(rng, m, scene, rng.randint(1, 4))
                   for _ in range(max(1, int(rng.lognormvariate(1.6, 0.6))))]
    for index, paragraph in enumerate(paragraphs):
        if 0 < index < len(paragraphs) - 1 and rng.random() < 0.08:
            body.append(rng.choice(m.phrases))                      # a section heading
        cut = _cut(paragraph, rng) if index and rng.random() < 0.12 else None
        if cut:
            body.append(cut[0])
            if rng.random() < 0.5:
                body.append("\n\n" + _caption(rng, m, scene))    # a photo between the halves
            body.append(cut[1])
        else:
            body.append(paragraph)
        if index and rng.random() < 0.05:
            body.append("\n\n" + _caption(rng, m, scene))
    return head, body


def generate_page(rng: random.Random, m: Material, number: int, articles: int) -> GeneratedPage:
    """One page of ``articles`` articles, opened and closed the ways the seeds are."""
    page = GeneratedPage(name=f"page-{number:05d}.txt", text="")
    page_day = _day(rng)
    dated = rng.random() < 0.5
    if dated:
        page.header_date = page_day.isoformat()
    out: list[str] = []
    used_titles: set[str] = set()
    previous_credit = False
    for index in range(articles):
        scene = cast(rng, m, rng.choice(m.districts))
        title = _title(rng, m, scene)
        while title in used_titles:   # a title printed twice on a page would be read as a teaser
            title = _title(rng, m, scene)
        used_titles.add(title)
        opener = rng.random()
        if index == 0 or previous_credit:
            pass                                             # the page top / a closing credit opens it
        elif opener < 0.45:
            out.append(("## " if rng.random() < 0.3 else "") + rng.choice(m.columns))
        elif opener < 0.75:
            title = "# " + title
        elif opener < 0.85:
            out.append(rng.choice(m.banners))
        else:
            out.append(rng.choice(m.sections))
        when = page_day - timedelta(days=rng.randrange(0, 6))
        head, body = _article_blocks(rng, m, title.removeprefix("# "), scene, when, dated)
        if title.startswith("# "):
            head[0] = title
        out.extend(head)
        if index == 0 and dated:
            out.append(f"版次:{rng.randint(1, 16):03d}    作者:来源:    "
                       f"{page_day.year}年{page_day.month:02d}月{page_day.day:02d}日")
        out.extend(body)
        previous_credit = rng.random() < (0.3 if index == articles - 1 else 0.12)
        if previous_credit:
            a, b = rng.sample(sorted(set(scene.people.values())), 2)
            out.append(f"本版图文由{a}、{b}提供")
        page.titles.append(title.removeprefix("# "))
        page.districts.append(scene.district[0])
    page.text = "\n".join(out_lines(out))
    return page


def out_lines(blocks: list[str]) -> list[str]:
    """A page's lines: one blank line between blocks, as in the dumps (a block that
    starts with blank lines stands after a wider gap, where a photo was).

    >>> out_lines(["标题", "\\n\\n图片说明", "正文。"])
    ['标题', '', '', '', '图片说明', '', '正文。', '']
    """
    return "\n\n".join(blocks).split("\n") + [""]


def articles_per_page(rng: random.Random) -> int:
    """Pages hold one to six articles, three most often (as the seeds do)."""
    return rng.choice((1, 2, 2, 3, 3, 3, 4, 4, 5, 6))


def generate_corpus(articles: int, seed: int = 0, seeds_dir: Path = SEEDS_DIR) -> list[GeneratedPage]:
    """Raw pages holding ``articles`` articles in all; the same pages for the same seed.

    >>> pages = generate_corpus(7, seed=3)
    >>> sum(len(p.titles) for p in pages), pages == generate_corpus(7, seed=3)
    (7, True)
    """
    rng = random.Random(seed)
    material = harvest(seeds_dir)
    pages: list[GeneratedPage] = []
    remaining = articles
    while remaining > 0:
        count = min(articles_per_page(rng), remaining)
        pages.append(generate_page(rng, material, len(pages) + 1, count))
        remaining -= count
    return pages


def write_corpus(pages: list[GeneratedPage], out_dir: Path) -> None:
    """Write the pages (UTF-8) and ``manifest.json`` (each page's intended titles)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("page-*.txt"):
        old.unlink()
    for page in pages:
        (out_dir / page.name).write_text(page.text, encoding="utf-8")
    manifest = [{k: v for k, v in asdict(p).items() if k != "text"} for p in pages]
    (out_dir / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")


# ---------------------------------------------------------------------------
# Check


@dataclass
class SplitAccuracy:
    pages: int = 0
    pages_exact: int = 0          # pages split into exactly the intended titles
    intended: int = 0             # articles meant
    found: int = 0                # articles the builder made
    matched: int = 0              # intended titles the builder found as titles
    misses: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        """Matched titles over the larger of intended and found: extra and missing articles both cost."""
        return self.matched / max(self.intended, self.found, 1)


def split_accuracy(pages: list[GeneratedPage], examples: int = 5) -> SplitAccuracy:
    """How well the builder's layout passes (ingest → blocks → split) recover the intended articles."""
    score = SplitAccuracy()
    for page in pages:
        decoded = decode(page.text.encode("utf-8"))
        lines = split_lines(decoded.text)
        found = [a.title for a in split_page(page.name, block_passes.page_blocks(
            lines, hard_break_lines(decoded.text)))[0]]
        matched = sum(min(found.count(t), page.titles.count(t)) for t in set(page.titles))
        score.pages += 1
        score.intended += len(page.titles)
        score.found += len(found)
        score.matched += matched
        if found == page.titles:
            score.pages_exact += 1
        elif len(score.misses) < examples:
            score.misses.append(f"{page.name}: intended {page.titles}, found {found}")
    return score


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, required=True, help="number of articles in all")
    parser.add_argument("--out", type=Path, required=True, help="folder for the raw pages")
    parser.add_argument("--seed", type=int, default=0, help="random seed (same seed, same pages)")
    parser.add_argument("--no-check", action="store_true", help="skip the split-accuracy check")
    args = parser.parse_args(argv)
    pages = generate_corpus(args.articles, args.seed)
    write_corpus(pages, args.out)
    print(f"{len(pages)} pages, {sum(len(p.titles) for p in pages)} articles, "
          f"{sum(len(p.text) for p in pages):,} characters → {args.out}")
    if not args.no_check:
        score = split_accuracy(pages)
        print(f"split accuracy: {score.accuracy:.2%} ({score.matched}/{score.intended} intended titles found, "
              f"{score.found} articles made; {score.pages_exact}/{score.pages} pages exact)")
        for miss in score.misses:
            print("  " + miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
