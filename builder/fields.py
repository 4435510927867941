"""The article fields, once: their kind, where they live, who may set them, and their front-matter order.

Overrides and contributed front matter accept the fields marked
``overridable`` (checked by their ``kind``), render writes the front matter
in registry order, and ``explain`` prints the metadata fields marked
``explained``.  A new field is added here, not in each of those places.

>>> [f.name for f in FIELDS if f.overridable and f.kind == "text"]
['title', 'kicker', 'subtitle', 'column', 'series', 'section', 'description']
>>> FIELD["districts"].kind, FIELD["districts"].on, FIELD["title"].on
('names', 'meta', 'article')
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    name: str
    kind: str                 # 'text' one line, 'names' a list of names, 'date' YYYY[-MM[-DD]], 'data' set by the build
    on: str                   # 'article': an attribute of the layout (title block, credits); 'meta': enrichment's
    overridable: bool = False     # an editor's override or a contributor's front matter may set it
    explained: bool = False       # `python -m builder explain` prints it with its evidence


FIELDS: tuple[Field, ...] = (
    Field("title", "text", "article", overridable=True),
    Field("kicker", "text", "article", overridable=True),
    Field("subtitle", "text", "article", overridable=True),
    Field("deck", "data", "article"),
    Field("column", "text", "article", overridable=True),
    Field("series", "text", "article", overridable=True),
    Field("section", "text", "article", overridable=True),
    Field("themes", "names", "meta", overridable=True, explained=True),
    Field("districts", "names", "meta", overridable=True, explained=True),
    Field("regions", "names", "meta", overridable=True, explained=True),
    Field("date", "date", "meta", overridable=True, explained=True),
    Field("date_precision", "data", "meta", explained=True),
    Field("date_source", "data", "meta", explained=True),
    Field("authors", "names", "meta", overridable=True, explained=True),
    Field("affiliations", "data", "meta"),
    Field("credits", "names", "article", overridable=True),   # printed bylines and credits, replaced as a whole
    Field("editors", "data", "meta"),
    Field("captions", "data", "article"),
    Field("people", "names", "meta", overridable=True, explained=True),
    Field("organizations", "names", "meta", overridable=True),
    Field("tags", "names", "meta", overridable=True, explained=True),
    Field("description", "text", "meta", overridable=True),
    Field("image", "data", "meta"),
    Field("thumbnail", "data", "meta"),
    Field("source", "data", "article"),
    Field("part", "data", "article"),
    Field("lines", "data", "article"),
    Field("edition", "data", "article"),
    Field("slug", "data", "meta"),
)
FIELD = {f.name: f for f in FIELDS}
FRONT_MATTER_ORDER = tuple(f.name for f in FIELDS)
OVERRIDABLE = tuple(f.name for f in FIELDS if f.overridable)
EXPLAINED = tuple(f.name for f in FIELDS if f.explained)
