"""MkDocs plugin: a thin adapter that publishes what ``builder.pipeline`` builds.

Registered in mkdocs.yml as ``newspaper`` (its options: ``config.py``).  Each
MkDocs event does one job:

* ``on_startup`` note whether this is ``mkdocs serve`` (the editor's preview) or a build;
* ``on_config``  resolve the seeds folder next to mkdocs.yml; hand the site's own
                 texts for theme templates (the 404 page) to ``config.extra``;
* ``on_pre_build`` set the site folder aside before MkDocs empties it (builder/kept_site.py);
* ``on_files``   (priority 50, before Material's plugins see the files) bring the site
                 folder back; run the pipeline; start the search index in a worker
                 process (builder/parallel.py) while this one adds every article and index page as a generated
                 file; report the pipeline's diagnostics through MkDocs' log
                 (errors and warnings as warnings, so ``--strict`` fails on them);
                 under ``mkdocs serve`` only, add the editor's review page
                 (``review/``), never published by ``mkdocs build``;
                 mark each generated page whose HTML an earlier build stored under the
                 same key as not to be rendered (builder/render_cache.py); leave out the
                 theme's files for its own search and its source maps, which no page loads;
                 leave out the search files the site folder holds with the same bytes already;
* ``on_nav``     (last) let go of the Markdown of the pages not to be rendered, once every
                 plugin's ``on_files`` has seen it;
* ``on_env``     under ``mkdocs serve``, keep the theme's compiled templates in memory from one
                 rebuild to the next (Jinja compiles about forty of them each build);
* ``on_page_markdown`` escape the front matter's values once, for templates that print them raw;
* ``on_page_content`` let go of the page's Markdown once MkDocs has made it HTML (MkDocs
                 converts every page before it renders the first and would hold them all);
* ``on_post_page`` take the templates' indentation out of every page (builder/site/compact.py);
                 store the HTML of each generated page that was rendered, and let go of
                 the page's HTML body, which MkDocs would hold to the end;
* ``on_post_build`` write the stored HTML of the pages not rendered and not in the site
                 folder already; replace the
                 sitemap MkDocs wrote (which lists only rendered pages) by an index of
                 parts naming every page (builder/site/sitemap.py): readers' browsers
                 fetch it on every page; drop stored pages this build did not use; remove
                 the files of the site folder this build neither wrote nor kept;
* ``on_serve``   make ``mkdocs serve`` rebuild when a raw page changes.

The builder's core knows nothing of MkDocs; moving to another generator means
rewriting this package only.
"""

from __future__ import annotations

import hashlib
import html
import logging
import posixpath
import re
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from urllib.parse import urljoin

import jinja2
import mkdocs

from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.utils import get_build_date

from ..kept_site import KeptSite
from ..model import Severity
from ..parallel import run_aside
from .config import NewspaperConfig
from ..pipeline import PageCache, build
from ..render_cache import RenderCache, page_key, site_fingerprint
from ..review import render_markdown, review_result
from ..site.build import article_key, site_files, site_key
from ..site.compact import compact_html
from ..site.entries import Entry, site_data, site_text
from ..site.sitemap import gzipped, sitemap_index, sitemap_urls
from ..search import code_fingerprint, index_key, search_docs, search_files, search_texts
from ..stored import StoredFiles, StoredPieces
from ..urls import page_url

log = logging.getLogger("mkdocs.plugins.newspaper")

# Material's files for its own search (a lunr index, its languages and worker) and its source
# maps: the site's search is builder/search with assets/javascripts/search.js, so no page asks
# for them (the browser tests record every request); left out, they cost no copying and no bytes.
UNUSED_THEME_FOLDERS = ("assets/javascripts/lunr/", "assets/javascripts/workers/")
UNUSED_THEME_SUFFIXES = (".map",)
REVIEW_PAGE = "review/index.md"
# From this many articles the search index is built in a worker process beside the site's pages;
# below it the index takes less time than the worker's start (about a second).
INDEX_ASIDE_MIN_DOCS = 500
PACKAGE = Path(__file__).resolve().parent.parent      # the builder's own sources: part of every page's key
# a Markdown link to another docs file, as the generated pages write them (builder/urls.docs_link)
_DOCS_LINK = re.compile(r"\]\(([^()\s#]+\.md)(?:#[^()\s]*)?\)")


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return ""


class _ReusedLinkNote(logging.Filter):
    """Drop MkDocs' note that a page links to one 'excluded from the built site': a reused page is published."""

    _NOTE = re.compile(r"contains a link to '(?P<target>[^']+)' which is excluded from the built site")

    def __init__(self) -> None:
        super().__init__()
        self.reused: set[str] = set()

    def filter(self, record: logging.LogRecord) -> bool:
        match = self._NOTE.search(record.getMessage())
        return not (match and match.group("target") in self.reused)


def _utf8(files: dict[str, str]) -> dict[str, bytes]:
    """The files as UTF-8 bytes, each text let go once encoded (at 10,000 articles they are 150 MB).

    >>> _utf8({"index.md": "首页"})
    {'index.md': b'\\xe9\\xa6\\x96\\xe9\\xa1\\xb5'}
    """
    return {path: files.pop(path).encode("utf-8") for path in list(files)}


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


class NewspaperPlugin(BasePlugin[NewspaperConfig]):
    serving = False

    def on_startup(self, *, command, dirty):
        # the review page belongs to the editor's preview, never to the published site
        self.serving = command == "serve"

    def on_config(self, config):
        project = Path(config.config_file_path).parent
        self.seeds_dir = project / self.config.seeds
        if not hasattr(self, "cache"):   # kept across `mkdocs serve` rebuilds
            self.cache = PageCache(project / self.config.cache_dir if self.config.cache_dir else None,
                                   remember=self.serving)
            folder = project / self.config.cache_dir / "render" if self.config.cache_dir else None
            self.rendered = RenderCache(folder) if self.config.render_cache else None
            # the last search index built, by a key of its documents (kept with the render cache's switch)
            stored = project / self.config.cache_dir if self.config.cache_dir and self.config.render_cache else None
            self.search_index = StoredFiles(stored / "search" if stored else None, ".index")
            # the site's generated Markdown, by a key of the articles, the settings and the code; the
            # preview keeps it in memory only (its site URL differs, so its entry would only replace
            # the build's, and writing 160 MB at 10,000 articles would slow every save)
            self.site_markdown = StoredFiles(stored / "site" if stored and not self.serving else None, ".site")
            # each article's Markdown, by a key of the article and the code: when the site's Markdown is
            # made again (an article changed), only the changed articles are rendered again
            self.article_markdown = StoredPieces(stored / "site" if stored and not self.serving else None, ".articles")
            # the site folder, kept from one build to the next where the files hold what this build writes
            self.kept_site = (KeptSite(stored / "site.kept" if stored and not self.serving else None)
                              if self.config.render_cache else None)
            self.link_note = _ReusedLinkNote()
            logging.getLogger(Page.__module__).addFilter(self.link_note)
        # templates read the texts from data/site.yaml, so the site's words stay in one file
        config.extra["texts"] = {"not_found": site_text("not_found"),
                                 "sections": [{"name": s["name"], "url": page_url(s["path"], config.use_directory_urls)}
                                              for s in site_data().get("sections", [])]}
        return config

    def on_pre_build(self, *, config):
        # MkDocs empties the site folder next: move it aside, to be brought back once it has
        if self.kept_site is not None:
            self.kept_site.set_aside(Path(config.site_dir))

    @event_priority(50)
    def on_files(self, files: Files, *, config) -> Files:
        if self.kept_site is not None:
            self.kept_site.bring_back()
        theme_dirs = [Path(folder) for folder in config.theme.dirs]
        for file in [f for f in files if _unused_theme_file(f, theme_dirs)]:
            files.remove(file)
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
        # Search (builder/search): the static index of the articles, and the search page.  Started
        # first, in a worker process for a large archive: its arrays peak there, not beside the site's Markdown.
        # one URL function for the whole site (builder.urls.page_url, which computes what MkDocs does)
        url_of = lambda path: page_url(path, config.use_directory_urls)  # noqa: E731
        docs, texts = search_docs(result.articles, url_of), search_texts()
        key = index_key(docs, texts, code_fingerprint())
        searched = self.search_index.lookup(key)
        if searched is None:
            # built in a worker process while this one makes the site's pages (builder/parallel.py)
            waiting_for_index = run_aside(search_files, docs, texts,
                                          workers=None if len(docs) >= INDEX_ASIDE_MIN_DOCS else 1)
        else:
            log.info("newspaper: the search index is unchanged since the last build (reused)")
        del docs
        # the reader's site (builder/site): article pages with their site links, index pages, home, feeds;
        # a function of the articles, the settings and the code, so kept under their key like the index
        fingerprint = self._fingerprint(config)
        settings = dict(site_url=config.site_url or "", site_name=config.site_name,
                        site_description=config.site_description or "", directory_urls=config.use_directory_urls)
        generated = self.site_markdown.files(
            site_key(result.articles, settings, fingerprint),
            lambda: _utf8(site_files(self._rendered_articles(result.articles, fingerprint), **settings)))
        if self.site_markdown.reused:
            log.info("newspaper: the site's Markdown is unchanged since the last build (reused)")
        for path, content in sorted(generated.items()):
            if files.get_file_from_path(path) is not None:
                log.warning(f"newspaper: {path} exists in docs/ and is generated too; the docs/ file is kept")
                continue
            files.append(File.generated(config, path, content=content))
        # the editors' photos in their web sizes (builder/photos), as the articles' captions name them
        for path, content in sorted(result.photos.items()):
            files.append(File.generated(config, path, content=content))
        if searched is None:
            searched = waiting_for_index()
            self.search_index.store(key, searched)
        # the search files are added here, not after the build, so `mkdocs serve` serves them
        # and the search page gets the theme
        # each under the key of its own bytes: when one article changed, most of the index's shards did not
        kept = self.kept_site
        for path, content in searched.items():
            content_key = hashlib.blake2b(content, digest_size=16).hexdigest() if kept is not None else ""
            if kept is not None and kept.holds(path, content_key):
                kept.keep(path, content_key)     # the same bytes, written by the last build
                continue
            files.append(File.generated(config, path, content=content))
            if kept is not None:
                kept.wrote(path, content_key)
        if self.serving:
            link = lambda path: "../" + path  # noqa: E731 — from review/index.md to an article's Markdown file
            files.append(File.generated(config, REVIEW_PAGE, content=render_markdown(review_result(result), link)))
            log.info(f"newspaper: the editor's review is at {REVIEW_PAGE.removesuffix('index.md')} (serve only)")
        self._reuse_rendered(files, config, fingerprint)
        return files

    def _rendered_articles(self, articles: list, fingerprint: str) -> list[Entry]:
        """The articles with their Markdown, rendered again only where the article or the code changed.

        The Markdown goes into entries of their own, not onto the build's articles: once the site's
        files are made nothing holds it (at 10,000 articles it is 60 MB of the rebuild's peak).
        """
        keyed = {article_key(p, fingerprint): p for p in articles}
        markdown = self.article_markdown.pieces(keyed, lambda p: p.markdown.encode("utf-8"))
        log.info(f"newspaper: {self.article_markdown.made} of {len(keyed)} articles rendered to Markdown again")
        return [Entry(p.article, p.path, markdown[key].decode("utf-8")) for key, p in keyed.items()]

    def _reuse_rendered(self, files: Files, config, fingerprint: str) -> None:
        """Mark the generated pages an earlier build rendered from the same inputs as not to be rendered again.

        Such a page stays in the files (links to it resolve as before) but is excluded
        from rendering; ``on_post_build`` writes its stored HTML.  A page that links to
        a docs file that no longer exists is rendered, so MkDocs reports the link.
        """
        self.keys: dict[str, str] = {}           # src_uri → key of the pages to store once rendered
        self.reused: dict[str, str] = {}         # dest_uri → key of the pages written from the cache
        self.page_order: list[tuple[str, bool]] = []    # every page's URL, in MkDocs' order, and whether reused
        self.link_note.reused = set()
        if self.rendered is None:
            return
        known = {file.src_uri for file in files}
        # a page of the navigation is always rendered: an excluded one would drop out of every page's menu
        in_nav = set(_nav_paths(config.nav or []))
        reused = 0
        for file in files.documentation_pages():
            if file.generated_by != "newspaper" or file.src_uri in in_nav:
                self.page_order.append((page_url(file.src_uri, config.use_directory_urls), False))
                continue
            markdown = file.content_string
            key = page_key(fingerprint, file.src_uri, markdown)
            folder = posixpath.dirname(file.src_uri)
            targets_exist = all(_resolve_in(folder, target) in known for target in set(_DOCS_LINK.findall(markdown)))
            # the site folder may hold the page already (builder/kept_site.py): then its entry is not even read
            in_place = self.kept_site is not None and self.kept_site.holds(file.dest_uri, key)
            if in_place:
                self.rendered.keep(key)
            if targets_exist and (in_place or self.rendered.has(key)):
                file.inclusion = InclusionLevel.EXCLUDED
                self.reused[file.dest_uri] = key
                self.link_note.reused.add(file.src_uri)
                reused += 1
            else:
                self.keys[file.src_uri] = key
            self.page_order.append((page_url(file.src_uri, config.use_directory_urls), file.dest_uri in self.reused))
        log.info(f"newspaper: {reused} generated pages unchanged since the last build, "
                 f"{len(self.keys)} to render (and the navigation's pages, always)")

    def _fingerprint(self, config) -> str:
        """What every generated page's HTML depends on besides its own Markdown and path."""
        theme = config.theme
        custom = Path(theme.custom_dir) if getattr(theme, "custom_dir", None) else None
        sources = sorted(p for p in PACKAGE.rglob("*") if p.suffix in (".py", ".yaml") and p.is_file())
        return site_fingerprint(
            [f"{mkdocs.__name__} {mkdocs.__version__}", f"material {_version('mkdocs-material')}",
             f"markdown {_version('markdown')}", f"pymdown {_version('pymdown-extensions')}",
             Path(config.config_file_path).read_bytes(), str(config.site_url), repr(config.extra),
             repr(config.use_directory_urls)]
            + [p.relative_to(PACKAGE).as_posix().encode() + b"\0" + p.read_bytes() for p in sources],
            [custom] if custom is not None and custom.is_dir() else [])

    @event_priority(-100)
    def on_nav(self, nav, *, config, files):
        # every plugin's on_files has seen the files (a later one may read their Markdown); the
        # pages not to be rendered are never read again, and at 10,000 their Markdown is 150 MB
        for file in files.documentation_pages():
            if file.dest_uri in getattr(self, "reused", {}):
                file.content_string = ""
        return nav

    def on_env(self, env, *, config, files):
        if self.serving:
            if not hasattr(self, "templates"):   # kept across `mkdocs serve` rebuilds, in memory only
                self.templates = _CompiledTemplates()
            env.bytecode_cache = self.templates
        return env

    def on_page_markdown(self, markdown: str, *, page, config, files) -> str:
        # MkDocs renders templates without autoescaping, and Material prints
        # page.meta values (title, description) into <title> and <meta> raw.
        # Front matter holds text from raw pages, so escape it here, once.
        page.meta = escape_for_templates(page.meta)
        return markdown

    def on_page_content(self, html: str, *, page, config, files) -> str:
        # MkDocs converts every page's Markdown before it renders the first template and holds
        # all of them to the end; nothing reads a page's Markdown once it is HTML, and at 10,000
        # articles the Markdown held twice (file and page) is a few hundred MB of the peak
        page.markdown = None
        if page.file.generated_by == "newspaper":
            page.file.content_string = ""
        return html

    def on_post_page(self, output: str, *, page, config) -> str:
        output = compact_html(output)
        key = getattr(self, "keys", {}).get(page.file.src_uri)
        if key is not None and self.rendered is not None:
            self.rendered.store(key, output)
            if self.kept_site is not None:
                self.kept_site.wrote(page.file.dest_uri, key)
        # MkDocs writes `output` and keeps every page object to the end of the build; the HTML
        # body is not read again (anchors are checked from the ids it collected)
        page.content = None
        return output

    def on_post_build(self, *, config) -> None:
        site_dir = Path(config.site_dir)
        reused = getattr(self, "reused", {})
        made: set[Path] = set()          # one mkdir per folder, not per page (thousands of pages)
        kept = self.kept_site
        for dest, key in reused.items():
            if kept is not None and kept.holds(dest, key):
                kept.keep(dest, key)
                continue
            target = site_dir / dest
            if target.parent not in made:
                target.parent.mkdir(parents=True, exist_ok=True)
                made.add(target.parent)
            target.write_bytes(self.rendered.read_bytes(key))
            if kept is not None:
                kept.wrote(dest, key)
        if self.rendered is not None and not self.serving:
            self.rendered.prune()        # (the preview renders pages the build does not: keep the build's)
        self._write_sitemap(config)
        if kept is not None:
            removed = kept.sweep()
            kept.save()
            log.info(f"newspaper: {len(kept.kept)} files of the last build kept in the site folder, "
                     f"{removed} no longer built removed")

    def _write_sitemap(self, config) -> None:
        site_dir = Path(config.site_dir)
        written = site_dir / "sitemap.xml"
        if not written.is_file():
            return
        per_part = int(site_data().get("sitemap", {}).get("urls_per_part", 5000))
        listed = sitemap_urls(written.read_text(encoding="utf-8"))
        if getattr(self, "reused", {}):
            # MkDocs' sitemap names the pages it rendered: put the reused ones back in their places
            base = config.site_url if (config.site_url or "").endswith("/") else (config.site_url or "") + "/"
            found = dict(listed)
            build_date = get_build_date()
            listed = [(urljoin(base, url), build_date if was_reused else found.get(urljoin(base, url), ""))
                      for url, was_reused in self.page_order
                      if was_reused or urljoin(base, url) in found]
        files = sitemap_index(listed, config.site_url or "/", per_part)
        for path, text in files.items():
            target = site_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        (site_dir / "sitemap.xml.gz").write_bytes(gzipped(files["sitemap.xml"]))

    def on_serve(self, server, *, config, builder):
        server.watch(str(self.seeds_dir))
        return server


def _unused_theme_file(file: File, theme_dirs: list[Path]) -> bool:
    """Whether ``file`` is one of the theme's own files that no page of this site loads.

    >>> class F: src_uri, abs_src_path = "assets/javascripts/lunr/min/lunr.zh.min.js", "/t/assets/javascripts/lunr/min/lunr.zh.min.js"
    >>> _unused_theme_file(F(), [Path("/t")]), _unused_theme_file(F(), [Path("/docs")])
    (True, False)
    >>> F.src_uri, F.abs_src_path = "assets/javascripts/bundle.a5f9d56c.min.js", "/t/assets/javascripts/bundle.a5f9d56c.min.js"
    >>> _unused_theme_file(F(), [Path("/t")])
    False
    """
    uri = file.src_uri
    if not (uri.startswith(UNUSED_THEME_FOLDERS) or uri.endswith(UNUSED_THEME_SUFFIXES)) or not file.abs_src_path:
        return False
    return any(Path(file.abs_src_path).is_relative_to(folder) for folder in theme_dirs)


class _CompiledTemplates(jinja2.BytecodeCache):
    """The theme's compiled templates by name, held in this process's memory and never written.

    Jinja checks each entry against its template's source, so a changed template is compiled
    again.  Only in memory: code read back from a file would be code anyone who can write the
    cache folder could plant (the page and render caches hold data only).
    """

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


@lru_cache(maxsize=1 << 16)
def _resolve_in(folder: str, link: str) -> str:
    """The docs path a relative Markdown link of a docs file in ``folder`` points at.

    Cached: the pages of one folder link to the same theme, district and listing pages.

    >>> _resolve_in("articles/2024", "../../themes/gangwan.md"), _resolve_in("", "timeline/2024.md")
    ('themes/gangwan.md', 'timeline/2024.md')
    """
    return posixpath.normpath(posixpath.join(folder, link))


def _nav_paths(nav) -> list[str]:
    """The docs paths the configured navigation names.

    >>> _nav_paths([{"首页": "index.md"}, {"专题": [{"a": "themes/index.md"}, "about.md"]}, {"外链": "https://x/"}])
    ['index.md', 'themes/index.md', 'about.md']
    """
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") else []
    if isinstance(nav, dict):
        return [path for value in nav.values() for path in _nav_paths(value)]
    if isinstance(nav, list):
        return [path for item in nav for path in _nav_paths(item)]
    return []
