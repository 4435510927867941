"""The pipeline, top to bottom: raw pages → articles → Markdown files.

    read_page   bytes → text → blocks → articles (ingest, blocks, split)
    enrich      articles → metadata (builder.meta)
    photos      the editors' photos → their captions, in web sizes (photos)
    render      article → Markdown (render, urls)
    indexes     all articles → index pages (indexes)

Nothing here knows about MkDocs: ``build`` returns the files to publish and
the diagnostics, and the MkDocs plugin (or the CLI) decides what to do with
them.  A page that cannot be read is reported and skipped; the others build.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from functools import cached_property, lru_cache
from pathlib import Path

import msgspec

from . import blocks as block_passes
from .annotations import strip_inline_residue
from .conservation import account
from .contrib import read_markdown_article
from .enrich import enrich_page, missing_dates
from .fields import FIELD
from .ingest import UnreadableInput, decode, hard_break_lines, indented_lines, size_problem, split_lines
from .model import Article, Diagnostic, Dropped, Page, Severity
from .overrides import Overrides, apply_overrides, dated_by_hand, load_overrides, overrides_path
from .parallel import map_in_order
from .photos import attach_photos
from .render import render_article
from .split import split_page
from .urls import article_path, unique_paths

RAW_PAGE_SUFFIXES = (".txt",)
ARTICLE_SUFFIXES = (".md",)
PACKAGE_DIR = Path(__file__).parent


@dataclass
class PublishedArticle:
    article: Article
    path: str          # docs-relative path of the Markdown file

    @cached_property
    def markdown(self) -> str:
        """The clean article's Markdown, rendered when first asked (a rebuild that reuses the site's never asks)."""
        return render_article(self.article)


@dataclass
class BuildResult:
    articles: list[PublishedArticle] = field(default_factory=list)
    pages: list[Page] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    notes: dict[str, list[str]] = field(default_factory=dict)   # source → split/join notes
    photos: dict[str, bytes] = field(default_factory=dict)      # site path → the web sizes of the editors' photos

    @property
    def dropped(self) -> list[Dropped]:
        return [d for page in self.pages for d in page.dropped]

    @property
    def failed(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.diagnostics)

    def files(self) -> dict[str, str]:
        return {a.path: a.markdown for a in self.articles}


def read_page(source: str, data: bytes, overrides: Overrides | None = None) -> tuple[Page, list[str]]:
    """One raw page → its articles (enriched, corrected), drop list and diagnostics; never raises on bad input."""
    try:
        decoded = decode(data)
    except UnreadableInput as exc:
        return Page(source, [], [], [Diagnostic(source, str(exc))]), []
    lines = split_lines(decoded.text)
    page_text = "\n".join(lines)
    # residue inside lines (pinyin annotations, tag remnants) goes to the drop list before layout
    lines, residue = strip_inline_residue(source, lines)
    page_blocks = block_passes.page_blocks(lines, hard_break_lines(decoded.text), indented_lines(decoded.text))
    corrections: list[Diagnostic] = []
    if overrides and overrides.line_kinds:
        page_blocks, missed = block_passes.correct_kinds(page_blocks, {n: k for n, (k, _) in overrides.line_kinds.items()})
        corrections = [Diagnostic(overrides.source, f"lines: no paragraph, caption or line of the page starts at "
                                  f"line {n}", Severity.ERROR, overrides.line_kinds[n][1]) for n in missed]
    start_at = frozenset(overrides.start_at_lines) if overrides else frozenset()
    join_at = frozenset(overrides.join_at_lines) if overrides else frozenset()
    articles, dropped, diagnostics, notes = split_page(source, page_blocks, start_at, join_at)
    diagnostics[:0] = corrections
    dropped = sorted(residue + dropped, key=lambda d: d.line)
    diagnostics += conservation_diagnostics(source, page_text, articles, dropped)
    diagnostics += enrich_page(articles)
    if overrides:
        problems, replaced = apply_overrides(articles, overrides)
        diagnostics += problems
        dropped = sorted(dropped + replaced, key=lambda d: d.line)
    diagnostics += missing_dates(articles)
    for item in dropped:
        diagnostics.append(Diagnostic(source, f"dropped ({item.reason}): {item.text}", Severity.INFO, item.line))
    return Page(source, articles, dropped, diagnostics, text=page_text), notes


def conservation_diagnostics(source: str, page_text: str, articles: list[Article], dropped: list[Dropped]):
    lost, invented = account(page_text, articles, dropped)
    found = []
    if lost:
        found.append(Diagnostic(source, f"{sum(lost.values())} characters of the page were lost: "
                                f"{''.join(sorted(lost.elements()))[:80]}"))
    if invented:
        found.append(Diagnostic(source, f"{sum(invented.values())} characters appear in the output but not "
                                f"in the page: {''.join(sorted(invented.elements()))[:80]}"))
    return found


def read_contribution(source: str, data: bytes) -> Page:
    """A contributed Markdown article → a one-article page; the contributor's fields win over enrichment."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        return Page(source, [], [], [Diagnostic(source, f"a Markdown article must be UTF-8 (byte {exc.start})")])
    article, fields, diagnostics = read_markdown_article(source, text)
    if article is None:
        return Page(source, [], [], diagnostics)
    diagnostics += enrich_page([article])
    given = {key: value for key, value in fields.items() if key in FIELD and FIELD[key].on == "meta"}
    article.meta = replace(article.meta, **given)
    article.evidence.update({key: ["front matter"] for key in given})
    if "date" in fields:
        article.meta = dated_by_hand(article.meta, fields["date"], "front matter")
    return Page(source, [article], [], diagnostics + missing_dates([article]))


def inputs(seeds_dir: Path) -> list[Path]:
    """The raw pages and contributed articles of a folder, in a stable order (sorted by name).

    Links are listed too (``read_input`` refuses them with a message), so a
    pull request that adds one is told why its page is not on the site.
    """
    return sorted(p for p in seeds_dir.iterdir()
                  if (p.is_file() or p.is_symlink()) and p.suffix.lower() in RAW_PAGE_SUFFIXES + ARTICLE_SUFFIXES)


MAX_OVERRIDES_BYTES = 256 * 1024      # an editor's corrections to one page; a real one is a few kB


def refused_input(path: Path, limit: int | None = None) -> str:
    """Why an input file may not be read, or '' (a link, not a regular file, too large).

    A pull request controls ``seeds/``: a link there could publish any file the
    build machine can read, so only regular files, not links, are inputs (a
    file that is no link is in the folder it is listed in).
    """
    if path.is_symlink():
        return "refused: a symbolic link (inputs must be regular files inside the seeds folder)"
    if not path.is_file():
        return "refused: not a regular file"
    size = path.stat().st_size
    if limit is None:
        return size_problem(size)           # a page or an article: the size a page may have
    if size > limit:
        return f"refused: {size / 1e3:.0f} kB, more than the {limit / 1e3:.0f} kB an overrides file may have"
    return ""




@lru_cache(maxsize=1)
def rules_fingerprint() -> str:
    """A hash of the builder's code and data: any rule change invalidates every cached page."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_DIR.rglob("*")):
        if path.suffix in (".py", ".yaml") and path.is_file():
            digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


class PageCache:
    """Processed pages by content hash (page bytes + overrides bytes + rules fingerprint).

    In memory for one process (``mkdocs serve`` keeps it across rebuilds) and,
    given a folder, on disk too, so a new ``mkdocs build`` after one page changed
    processes only that page.  Entries are MessagePack decoded against the
    page's own types: the folder holds data, never code, so a file planted in
    it (a pickle payload, say) runs nothing and is only a miss, like a damaged
    or stale entry.  Entries are decoded afresh on the way out because later
    stages (URLs) annotate the articles.
    """

    SUFFIX = ".msgpack"
    _encoder = msgspec.msgpack.Encoder()
    _decoder = msgspec.msgpack.Decoder(tuple[Page, list[str]])

    def __init__(self, folder: Path | None = None, remember: bool = True) -> None:
        self.folder = folder
        # entries kept in memory for the next build of this process (mkdocs serve); a one-off
        # build with a folder reads each entry once and need not hold them all (memory)
        self.remember = remember or folder is None
        self._pages: dict[str, bytes] = {}
        self.hits = self.misses = 0

    def get(self, key: str):
        blob = self._pages.get(key)
        if blob is None and self.folder is not None:
            entry = self.folder / f"{key}{self.SUFFIX}"
            try:
                # a planted link could point anywhere: only regular files of the cache folder are read
                blob = entry.read_bytes() if entry.is_file() and not entry.is_symlink() else None
            except OSError:
                blob = None
        if blob is not None:
            try:
                value = self._decoder.decode(blob)
            except (msgspec.DecodeError, msgspec.ValidationError, ValueError, TypeError):
                value = None      # a damaged, stale or planted entry is only a miss
            if value is not None:
                if self.remember:
                    self._pages[key] = blob
                self.hits += 1
                return value
        self.misses += 1
        return None

    def put(self, key: str, value) -> None:
        blob = self._encoder.encode(value)
        if self.remember:
            self._pages[key] = blob
        if self.folder is not None:
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                temporary = self.folder / f"{key}.tmp"
                temporary.unlink(missing_ok=True)       # never write through a link planted under that name
                temporary.write_bytes(blob)
                temporary.replace(self.folder / f"{key}{self.SUFFIX}")
            except OSError:
                pass              # a read-only checkout still builds, only without the disk cache

    def retain(self, keys: set[str]) -> None:
        """Forget entries of pages that are gone or changed, in memory and on disk.

        On disk only the cache's own kinds of file go (entries, half-written
        entries, the pickles of earlier versions), so a cache folder set to a
        folder holding other files loses none of them.
        """
        for key in set(self._pages) - keys:
            del self._pages[key]
        if self.folder is not None and self.folder.is_dir():
            for entry in self.folder.iterdir():
                stale = entry.suffix in (".tmp", ".pickle") or entry.suffix == self.SUFFIX and (
                    entry.stem not in keys or entry.is_symlink())
                if stale and (entry.is_file() or entry.is_symlink()):
                    entry.unlink(missing_ok=True)


def build(seeds_dir: Path, cache: PageCache | None = None, workers: int | None = None) -> BuildResult:
    """Build every input of ``seeds_dir``; return the articles to publish and all diagnostics.

    Pages not in ``cache`` are processed in ``workers`` processes (default: one
    per core; see ``parallel``); the result does not depend on how many.
    """
    result = BuildResult()
    if not seeds_dir.is_dir():
        result.diagnostics.append(Diagnostic(str(seeds_dir), "seeds folder not found"))
        return result
    read = [read_input(path) for path in inputs(seeds_dir)]
    done: dict[str, tuple[Page, list[str]]] = {}
    for item in read:
        if isinstance(item, RawInput) and cache is not None and item.key not in done:
            cached = cache.get(item.key)
            if cached is not None:
                done[item.key] = cached
    todo = list({item.key: item for item in read if isinstance(item, RawInput) and item.key not in done}.values())
    for item, processed in zip(todo, map_in_order(process_input, todo, workers)):
        done[item.key] = processed
        if cache is not None:
            cache.put(item.key, processed)
    if cache is not None:
        cache.retain(set(done))
    for item in read:
        page, notes = done[item.key] if isinstance(item, RawInput) else (item, [])
        result.pages.append(page)
        result.diagnostics += page.diagnostics
        result.notes[page.source] = notes
    photo_cache = cache.folder / "photos" if cache is not None and cache.folder is not None else None
    result.photos, problems = attach_photos(result.pages, seeds_dir, photo_cache)
    result.diagnostics += problems
    articles = _deduplicate([a for page in result.pages for a in page.articles], result.diagnostics)
    paths = unique_paths(article_path(a.meta.date or None, a.title) for a in articles)
    for article, path in zip(articles, paths):
        article.meta = replace(article.meta, slug=Path(path).stem)
        result.articles.append(PublishedArticle(article, path))
    return result


@dataclass(frozen=True)
class RawInput:
    """One input's bytes (and its overrides' bytes), keyed by content for the cache."""

    path: Path
    data: bytes
    override_bytes: bytes
    key: str


def read_input(path: Path) -> RawInput | Page:
    """The input's bytes (and its overrides' bytes), or a Page holding only the reason it cannot be read."""
    try:
        refusal = refused_input(path)
        if refusal:
            return Page(path.name, [], [], [Diagnostic(path.name, refusal)])
        data = path.read_bytes()
        override_file = overrides_path(path)
        override_bytes = b""
        if override_file.is_file() or override_file.is_symlink():
            refusal = refused_input(override_file, MAX_OVERRIDES_BYTES)
            if refusal:
                return Page(path.name, [], [], [Diagnostic(override_file.name, refusal)])
            override_bytes = override_file.read_bytes()
    except OSError as exc:
        return Page(path.name, [], [], [Diagnostic(path.name, f"cannot read: {exc.strerror}")])
    return RawInput(path, data, override_bytes, content_hash(path.name.encode() + b"\0" + data + b"\0" + override_bytes))


def process_input(item: RawInput) -> tuple[Page, list[str]]:
    """Raw page (with its overrides) or contributed article → Page and split notes; pure, so it may run in a worker."""
    if item.path.suffix.lower() in ARTICLE_SUFFIXES:
        return read_contribution(item.path.name, item.data), []
    overrides, problems = (load_overrides(overrides_path(item.path), item.override_bytes) if item.override_bytes
                           else (None, []))
    page, notes = read_page(item.path.name, item.data, overrides)
    page.diagnostics[:0] = problems
    if overrides and overrides.photos:
        page.photo_places, page.overrides_source = dict(overrides.photos), overrides.source
    return page, notes


def read_path(path: Path) -> tuple[Page, list[str]]:
    """One input file as the build reads it, overrides included: for ``check``, ``explain`` and ``review``."""
    item = read_input(path)
    return process_input(item) if isinstance(item, RawInput) else (item, [])


def _deduplicate(articles: list[Article], diagnostics: list[Diagnostic]) -> list[Article]:
    """Publish an article printed on two pages once (the first, in source order), and say so."""
    seen: dict[str, Article] = {}
    kept = []
    for article in articles:
        key = hashlib.sha256((article.title + "\0" + article.body_text()).encode()).hexdigest()
        first = seen.get(key)
        if first is not None:
            diagnostics.append(Diagnostic(article.source, f"article {article.part} ('{article.title}') duplicates "
                                          f"{first.source} article {first.part}; published once",
                                          Severity.WARNING, article.first_line))
            continue
        seen[key] = article
        kept.append(article)
    return kept


def content_hash(data: bytes) -> str:
    return hashlib.sha256(rules_fingerprint().encode() + b"\0" + data).hexdigest()


def write(result: BuildResult, out_dir: Path) -> list[Path]:
    """Write the articles' Markdown (and the photos they name) under ``out_dir``; return the articles written."""
    written = []
    for path, text in sorted(result.files().items()):
        target = out_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written.append(target)
    for path, blob in sorted(result.photos.items()):
        target = out_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(blob)
    return written
