"""The small data types passed between pipeline stages.

ingest → text; blocks → [Block]; split → [Article]; enrich gives each Article its
Metadata; render turns an Article into Markdown.  Stages never reach back: each type is
built by one stage and only read by the later ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import Enum


class Severity(str, Enum):
    ERROR = "error"      # the input (or one article of it) could not be published
    WARNING = "warning"  # published, but an editor should look
    INFO = "info"        # logged for the record (e.g. page furniture dropped)


@dataclass(frozen=True)
class Diagnostic:
    """One message about one input, printed as ``file:line: severity: message``."""

    source: str
    message: str
    severity: Severity = Severity.ERROR
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.severity.value}: {self.message}"


class Kind(str, Enum):
    """What a block of the page is, as far as layout tells."""

    TEXT = "text"            # a paragraph, a title line or a heading: decided later
    CAPTION = "caption"      # photo caption
    CREDIT = "credit"        # byline / credit line (本版图文由…提供)
    BYLINE = "byline"        # author line under a title (何勇 黔江区总工会)
    COLUMN = "column"        # column label (渝工铸魂)
    BANNER = "banner"        # series banner (成渝地区双城经济圈·工会在行动)
    SECTION = "section"      # section label that is not a column (代表热议)
    HEADER = "header"        # edition header (版次:004 作者:来源: 2023年05月25日)
    META = "meta"            # publication line of a copied page (来源：中工网 2024-12-27 18:38): fields, not text
    FURNITURE = "furniture"  # page furniture dropped from every article (扫描查看名单)
    TEASER = "teaser"        # a line that repeats a later title on the same page, or the page's headline index
    REPEAT = "repeat"        # a line printed again right after itself (a caption a website shows twice)


@dataclass(frozen=True)
class Block:
    """A run of consecutive non-blank source lines, the unit of page layout.

    ``lines`` keeps each physical line (a two-line title stays two lines);
    ``gap_before`` counts blank lines before it: a wide gap is where a photo
    stood, so the block after one is usually its caption.
    """

    lines: tuple[str, ...]
    first_line: int
    last_line: int
    gap_before: int = 0
    # a heading mark: a leading '#' in the dump, or a web headline's place above its publication line
    heading_level: int = 0
    kind: Kind = Kind.TEXT
    note: str = ""                  # why the block got its kind, for `explain`
    weak: bool = False              # the kind rests on position or shape only: the review lists it
    indented: bool = False          # its first line opens with an indent: a new paragraph, not a continuation
    # indexes of lines that end in a Markdown hard break ('  '): the dump wrapped
    # one title line there, so it joins the next line without a space
    wrapped: frozenset[int] = frozenset()

    @property
    def text(self) -> str:
        out = self.lines[0] if self.lines else ""
        for index, line in enumerate(self.lines[1:]):
            out += ("" if index in self.wrapped else " ") + line
        return out

    def line_by_line(self, **changes) -> list["Block"]:
        """The block's lines as one block each, in its place: the first keeps the gap before it.

        ``changes`` are set on every one (a kind, a note).

        >>> [(b.text, b.first_line, b.gap_before) for b in Block(("某某网", "标题"), 4, 5, gap_before=2).line_by_line()]
        [('某某网', 4, 2), ('标题', 5, 0)]
        """
        return [replace(self, lines=(line,), first_line=self.first_line + k, last_line=self.first_line + k,
                        gap_before=self.gap_before if k == 0 else 0, wrapped=frozenset(), **changes)
                for k, line in enumerate(self.lines)]


@dataclass(frozen=True)
class Photo:
    """A published photo (builder.photos): its files are ``photos/<key>-<width>.webp`` and ``.jpg``."""

    key: str                        # hash of the original file's bytes and the web sizes' settings
    width: int                      # the original's size, upright
    height: int
    widths: tuple[int, ...]         # the web widths written, smallest first

    def path(self, width: int, ext: str) -> str:
        return f"photos/{self.key}-{width}.{ext}"


@dataclass(frozen=True)
class Caption:
    text: str
    credit: str = ""                # '通讯员 李辉 摄', split off the caption text
    line: int = 0
    note: str = ""                  # why the line is a caption
    weak: bool = False              # a caption by position only (after a gap, under the 版次 line): reviewed
    photo: Photo | None = None      # the editor's photo for it, once builder.photos has matched one
    file: str = ""                  # a contributed article's image named in its body (稿件.photos/01.jpg)


@dataclass(frozen=True)
class Para:
    """A body element: a paragraph or a section heading."""

    text: str
    first_line: int
    last_line: int
    heading: bool = False


@dataclass(frozen=True)
class Dropped:
    """Text kept out of every article, with the reason; the build logs each one."""

    source: str
    line: int
    text: str
    reason: str
    weak: bool = False              # dropped on position or shape only: the review lists it


@dataclass(frozen=True)
class Metadata:
    """What enrichment (or a contributor's front matter, or an editor's override) says of an article.

    One attribute per field of ``builder.fields`` whose place is ``meta``; empty
    means unknown.  It is never changed in place: a stage that corrects it
    makes a new one (``dataclasses.replace``), so what each stage said stays
    its own.  The evidence for each value is ``Article.evidence``.
    """

    themes: list[str] = field(default_factory=list)
    districts: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    date: str = ""                  # YYYY, YYYY-MM or YYYY-MM-DD
    date_precision: str = ""        # 'year' | 'month' | 'day'
    date_source: str = ""           # where the date comes from: header, text, inferred, override, front matter
    authors: list[str] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    organizations: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    description: str = ""
    image: str = ""                 # the first photo's largest and smallest web files (builder.photos)
    thumbnail: str = ""
    slug: str = ""                  # the article file's name, set when the page's articles get their paths
    overridden: list[str] = field(default_factory=list)   # fields an editor's override set


@dataclass
class Article:
    """One article cut out of a page, before and after enrichment."""

    source: str                     # file name of the raw page
    part: int                       # 1-based position on its page
    title: str = ""
    title_derived: bool = False     # no title was printed; the title repeats the first sentence
    kicker: str = ""
    subtitle: str = ""
    deck: list[str] = field(default_factory=list)
    column: str = ""
    series: str = ""
    section: str = ""
    body: list[Para] = field(default_factory=list)
    body_html: str = ""             # a contributed article's sanitized HTML (builder.markup); body holds its text
    # captions keep their position: the index of the body element they follow (-1: before the body)
    captions: list[tuple[int, Caption]] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    first_line: int = 0
    last_line: int = 0
    edition: dict[str, str] = field(default_factory=dict)   # from the page's 版次 header or publication lines
    # names the page prints: its bylines' and credits' writers, their units, its publication lines' editors
    printed_authors: list[str] = field(default_factory=list)
    printed_affiliations: list[str] = field(default_factory=list)
    printed_editors: list[str] = field(default_factory=list)
    meta: Metadata = field(default_factory=Metadata)        # given by enrich
    evidence: dict[str, list[str]] = field(default_factory=dict)  # field → why, for `explain`
    opened_by: str = ""             # why the article starts where it does
    # field ('title', 'start', 'date', 'districts', 'themes') → why its value rests on weak evidence;
    # the editor's review lists them, and a correction of the field removes its entry
    weak: dict[str, str] = field(default_factory=dict)

    def visible_texts(self) -> list[str]:
        """Every reader-visible piece printed on the page, each once (for conservation)."""
        pieces = [self.kicker, "" if self.title_derived else self.title, self.subtitle, *self.deck, self.column,
                  self.series, self.section, *self.bylines, *self.credits]
        pieces += [p.text for p in self.body]
        for _, cap in self.captions:
            pieces += [cap.text, cap.credit]
        return [p for p in pieces if p]

    def body_text(self) -> str:
        return "\n".join(p.text for p in self.body)


@dataclass
class Page:
    """A raw page after splitting: its articles and what was dropped."""

    source: str
    articles: list[Article]
    dropped: list[Dropped]
    diagnostics: list[Diagnostic]
    text: str = ""                  # the decoded, normalised page text (for conservation)
    # an editor's placing of photos (overrides' photos:): file → (caption number, line of the overrides file)
    photo_places: dict[str, tuple[int, int]] = field(default_factory=dict)
    overrides_source: str = ""
