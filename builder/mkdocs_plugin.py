"""MkDocs plugin: a thin adapter that publishes what ``builder.pipeline`` builds.

Registered in mkdocs.yml as ``newspaper``.  Each MkDocs event does one job:

* ``on_startup`` note whether this is ``mkdocs serve`` (the editor's preview) or a build;
* ``on_config``  resolve the seeds folder next to mkdocs.yml; hand the site's own
                 texts for theme templates (the 404 page) to ``config.extra``;
* ``on_files``   (priority 50, before Material's plugins see the files) run the
                 pipeline and add every article and index page as a generated
                 file; report the pipeline's diagnostics through MkDocs' log
                 (errors and warnings as warnings, so ``--strict`` fails on them);
                 under ``mkdocs serve`` only, add the editor's review page
                 (``review/``), never published by ``mkdocs build``;
* ``on_post_build`` replace the sitemap MkDocs wrote by an index of parts
                 (builder/site/sitemap.py): readers' browsers fetch it on every page;
* ``on_serve``   make ``mkdocs serve`` rebuild when a raw page changes.

The builder's core knows nothing of MkDocs; moving to another generator means
rewriting this file only.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from .model import Severity
from .pipeline import PageCache, build
from .review import render_markdown, review_result
from .site.build import site_files
from .site.entries import site_data, site_text
from .site.sitemap import gzipped, sitemap_index, sitemap_urls
from .search import search_docs, search_files
from .urls import page_url

log = logging.getLogger("mkdocs.plugins.newspaper")
REVIEW_PAGE = "review/index.md"


def escape_for_templates(value):
    """HTML-escape every string of a front-matter structure (quotes too: values land in attributes).

    >>> escape_for_templates({"title": "<script>", "tags": ["a&b"], "part": 2})
    {'title': '&lt;script&gt;', 'tags': ['a&amp;b'], 'part': 2}
    """
    if isinstance(value, str):
        return html.escape(value, quote=True)
    if isinstance(value, dict):
        return {key: escape_for_templates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [escape_for_templates(item) for item in value]
    return value


class NewspaperConfig(Config):
    seeds = c.Type(str, default="seeds")
    # processed pages by content hash; a rebuild re-processes only changed pages ('' turns it off)
    cache_dir = c.Type(str, default=".cache/newspaper")


class NewspaperPlugin(BasePlugin[NewspaperConfig]):
    serving = False

    def on_startup(self, *, command, dirty):
        # the review page belongs to the editor's preview, never to the published site
        self.serving = command == "serve"

    def on_config(self, config):
        project = Path(config.config_file_path).parent
        self.seeds_dir = project / self.config.seeds
        if not hasattr(self, "cache"):   # kept across `mkdocs serve` rebuilds
            self.cache = PageCache(project / self.config.cache_dir if self.config.cache_dir else None)
        # templates read the texts from data/site.yaml, so the site's words stay in one file
        config.extra["texts"] = {"not_found": site_text("not_found"),
                                 "sections": [{"name": s["name"], "url": page_url(s["path"], config.use_directory_urls)}
                                              for s in site_data().get("sections", [])]}
        return config

    @event_priority(50)
    def on_files(self, files: Files, *, config) -> Files:
        result = build(self.seeds_dir, self.cache)
        for diagnostic in result.diagnostics:
            if diagnostic.severity is Severity.INFO:
                log.debug(str(diagnostic))
            else:
                log.warning(str(diagnostic))
        dropped = len(result.dropped)
        log.info(f"newspaper: {len(result.articles)} articles from {len(result.pages)} pages "
                 f"({self.cache.misses} processed, {self.cache.hits} from cache); "
                 f"{dropped} furniture lines dropped (python -m builder explain PAGE lists them)")
        self.cache.hits = self.cache.misses = 0
        # the reader's site (builder/site): article pages with their site links, index pages, home, feeds
        generated = site_files(result.articles, site_url=config.site_url or "", site_name=config.site_name,
                               site_description=config.site_description or "",
                               directory_urls=config.use_directory_urls)
        for path, content in sorted(generated.items()):
            if files.get_file_from_path(path) is not None:
                log.warning(f"newspaper: {path} exists in docs/ and is generated too; the docs/ file is kept")
                continue
            files.append(File.generated(config, path, content=content))
        # the editors' photos in their web sizes (builder/photos), as the articles' captions name them
        for path, content in sorted(result.photos.items()):
            files.append(File.generated(config, path, content=content))
        # Search (builder/search): the static index of the articles just added, and the search page.
        # Written here, not after the build, so `mkdocs serve` serves it and its page gets the theme.
        url_of = lambda path: files.get_file_from_path(path).url  # noqa: E731
        for path, content in search_files(search_docs(result.articles, url_of)).items():
            files.append(File.generated(config, path, content=content))
        if self.serving:
            link = lambda path: "../" + path  # noqa: E731 — from review/index.md to an article's Markdown file
            files.append(File.generated(config, REVIEW_PAGE, content=render_markdown(review_result(result), link)))
            log.info(f"newspaper: the editor's review is at {REVIEW_PAGE.removesuffix('index.md')} (serve only)")
        return files

    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:
        # MkDocs renders templates without autoescaping, and Material prints
        # page.meta values (title, description) into <title> and <meta> raw.
        # Front matter holds text from raw pages, so escape it here, once.
        page.meta = escape_for_templates(page.meta)
        return markdown

    def on_post_build(self, *, config) -> None:
        site_dir = Path(config.site_dir)
        written = site_dir / "sitemap.xml"
        if not written.is_file():
            return
        per_part = int(site_data().get("sitemap", {}).get("urls_per_part", 5000))
        files = sitemap_index(sitemap_urls(written.read_text(encoding="utf-8")), config.site_url or "/", per_part)
        for path, text in files.items():
            target = site_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        (site_dir / "sitemap.xml.gz").write_bytes(gzipped(files["sitemap.xml"]))

    def on_serve(self, server, *, config, builder):
        server.watch(str(self.seeds_dir))
        return server
