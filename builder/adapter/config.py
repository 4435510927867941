"""The plugin's options in mkdocs.yml (``plugins: - newspaper: {seeds: …}``), typed."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class NewspaperConfig(Config):
    seeds = c.Type(str, default="seeds")
    # processed pages by content hash; a rebuild re-processes only changed pages ('' turns it off)
    cache_dir = c.Type(str, default=".cache/newspaper")
    # finished HTML of generated pages by what they are made of; a rebuild renders only what changed
    # (the same switch keeps the last search index and the site's generated Markdown)
    render_cache = c.Type(bool, default=True)
