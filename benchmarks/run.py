"""Benchmarks: how the builder and the site build scale with the number of articles.

For each size (100, 1,000 and 10,000 articles; ``--quick``: 100 and 1,000)
a corpus is generated (``generate_corpus.py``, fixed seed) and measured, all
in one run on one machine:

``builder``       raw pages → articles (``builder.pipeline.build``, no cache) in a
                  fresh process, so the segmenter's dictionary load is included;
``full cold``     ``mkdocs build`` of a temporary copy of this project (mkdocs.yml,
                  docs/, overrides/) whose ``newspaper`` plugin reads the corpus,
                  with an empty page cache;
``full warm``     the same build again, nothing changed (every page from the cache);
``incremental``   the same build after ONE raw page changed;
``builder incr.`` the builder alone after that change, in a fresh process with
                  the on-disk cache of the cold run;
``plain``         ``mkdocs build`` of a project with the same theme and settings
                  but no ``newspaper`` plugin, whose docs/ already holds every file
                  the plugin generates (articles and index pages): Material alone,
                  with its default ``search`` plugin (segmenting with jieba), as
                  a plain Material site of these articles would be built;
``search``        a reader's first search in Chromium (``search_in_browser.py``).

Each measurement reports wall time, CPU time (user + system of the child
process, less disturbed by other load on the machine) and the child's peak
resident memory.  Repeated runs are summarised by their median.  The site
is measured too: total size, largest HTML page, search index (total, and
what a first search downloads).

    python benchmarks/run.py            # 100, 1,000, 10,000 → results.json, RESULTS.md
    python benchmarks/run.py --quick    # 100, 1,000 → results-quick.json, RESULTS-quick.md

Nothing here is part of the test suite.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
# Children run the snapshot of the code taken when the run started (see ``snapshot``).
CODE_ROOT = Path(os.environ.get("NEWSPAPER_BENCH_CODE") or ROOT)
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(CODE_ROOT))

import search_in_browser  # noqa: E402
from generate_corpus import generate_corpus, harvest, split_accuracy, write_corpus  # noqa: E402

SIZES = (100, 1_000, 10_000)
QUICK_SIZES = (100, 1_000)
PACKAGES = ("mkdocs", "mkdocs-material", "markdown", "pymdown-extensions", "jieba", "pyyaml", "pypinyin",
            "numpy", "OpenCC")
PROJECT_PARTS = ("mkdocs.yml", "docs", "overrides")
PARALLEL_WORKERS = 2
SEARCH_QUERIES = ("劳模", "职工之家", "北碚区总工会", "春送岗位", "成渝地区双城经济圈")
CHILD_ENV = {"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000", "PYTHONHASHSEED": "0"}


@dataclass
class Measure:
    """One child process: wall time, CPU time (user + system) and peak resident memory."""

    wall_s: float
    cpu_s: float
    max_rss_mb: float
    returncode: int
    output: str = ""      # the child's stdout (a JSON line for the builder children)
    log_tail: str = ""    # the end of its stderr


# ---------------------------------------------------------------------------
# Machine and processes


def machine() -> dict:
    """The facts that make figures comparable: cores, memory, CPU, Python and package versions."""
    cpu = ""
    try:
        cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                    if line.startswith("model name")), "")
    except OSError:
        pass
    ram_gb = None
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        ram_gb = round(kb / 1024 ** 2, 1)
    except (OSError, AttributeError):
        pass
    versions = {}
    for name in PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "cores": os.cpu_count(), "ram_gb": ram_gb, "cpu": cpu or platform.processor(),
        "os": f"{platform.system()} {platform.release()}", "python": platform.python_version(),
        "packages": versions, "load_average_at_start": list(os.getloadavg()),
    }


def snapshot(work: Path) -> Path:
    """Copy the builder package and the site sources into ``work``; every child runs this copy.

    Why: the page cache is keyed by a fingerprint of the builder's code, and
    the working tree may change while a long run goes on; a snapshot keeps
    every measurement of one run on the same code.
    """
    dest = work / "code"
    shutil.rmtree(dest, ignore_errors=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".cache")
    shutil.copytree(ROOT / "builder", dest / "builder", ignore=ignore)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=ignore)
        elif source.is_file():
            shutil.copy2(source, dest / part)
    return dest


def builder_at(revision: str, work: Path) -> Path:
    """The builder package as it was at a git revision, extracted under ``work`` (read-only git use)."""
    import io
    import tarfile

    archive = subprocess.run(["git", "archive", "--format=tar", revision, "builder"], cwd=ROOT,
                             capture_output=True, check=True).stdout
    dest = work / f"code-{revision}"
    shutil.rmtree(dest, ignore_errors=True)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(dest, filter="data")
    return dest


def run_child(argv: list[str], cwd: Path, code: Path | None = None) -> Measure:
    """Run a child process to completion; its own rusage (os.wait4), not the sum over all children.

    The child imports the builder from ``code`` (default: this run's snapshot).
    """
    code = code or CODE_ROOT
    env = dict(os.environ, **CHILD_ENV, NEWSPAPER_BENCH_CODE=str(code))
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(code), os.environ.get("PYTHONPATH", "")) if p)
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(argv, cwd=cwd, env=env, stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        output, log = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    return Measure(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, child.returncode,
                   output.strip(), log[-3000:])


def checked(measure: Measure, what: str) -> Measure:
    if measure.returncode != 0:
        raise RuntimeError(f"{what} failed ({measure.returncode}):\n{measure.log_tail}")
    return measure


# ---------------------------------------------------------------------------
# Temporary projects


def plugin_block(lines: list[str]) -> tuple[int, int]:
    """(first, end) line indexes of the ``- newspaper:`` entry of mkdocs.yml's plugin list.

    >>> plugin_block(["plugins:", "  - search", "  - newspaper:", "      seeds: seeds", "nav:"])
    (2, 4)
    """
    for index, line in enumerate(lines):
        match = re.match(r"^(\s*)- newspaper:?\s*(#.*)?$", line)
        if match:
            indent = len(match.group(1))
            end = index + 1
            while end < len(lines) and (not lines[end].strip()
                                        or len(lines[end]) - len(lines[end].lstrip()) > indent + 1):
                end += 1
            while end > index + 1 and not lines[end - 1].strip():
                end -= 1       # blank lines after the entry are not part of it
            return index, end
    raise ValueError("mkdocs.yml has no '- newspaper' plugin entry")


def configure(mkdocs_yml: str, seeds: Path | None) -> str:
    """mkdocs.yml with the plugin reading ``seeds``, or without the plugin (``seeds`` None).

    >>> print(configure("plugins:\\n  - newspaper:\\n      seeds: seeds\\nnav: []\\n", Path("/x")))
    plugins:
      - newspaper:
          seeds: /x
    nav: []
    <BLANKLINE>
    >>> configure("plugins:\\n  - search\\n  - newspaper:\\n      seeds: seeds\\n", None)
    'plugins:\\n  - search\\n'
    """
    lines = mkdocs_yml.split("\n")
    first, end = plugin_block(lines)
    if seeds is None:
        return "\n".join(lines[:first] + lines[end:])
    block = [line for line in lines[first + 1:end] if not re.match(r"^\s*seeds:", line)]
    indent = " " * (len(lines[first]) - len(lines[first].lstrip()) + 4)
    entry = [lines[first].split("#")[0].rstrip().rstrip(":") + ":", f"{indent}seeds: {seeds}"]
    return "\n".join(lines[:first] + entry + block + lines[end:])


def make_project(dest: Path, seeds: Path | None, extra_docs: Path | None = None) -> Path:
    """A copy of this project's site sources in ``dest``; the plugin reads ``seeds`` (None: no plugin)."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = CODE_ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part)
        elif source.is_file():
            shutil.copy2(source, dest / part)
    (dest / "mkdocs.yml").write_text(configure((CODE_ROOT / "mkdocs.yml").read_text(encoding="utf-8"), seeds),
                                     encoding="utf-8")
    if seeds is None:
        # the site's 404 page reads texts the plugin hands to the templates: plain Material keeps its own
        (dest / "overrides" / "404.html").unlink(missing_ok=True)
    if extra_docs is not None:
        shutil.copytree(extra_docs, dest / "docs", dirs_exist_ok=True)
    return dest


def mkdocs_build(project: Path, site: Path) -> Measure:
    return checked(run_child([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(site)], project),
                   f"mkdocs build in {project.name}")


def cache_folder(project: Path) -> Path:
    return project / ".cache" / "newspaper"


# ---------------------------------------------------------------------------
# Children (this script re-run with --child-…)


def child_builder(seeds: Path, cache: str, workers: int = 1) -> None:
    """Time ``build`` alone in this fresh process, with ``workers`` processes, and print one JSON line."""
    start = time.perf_counter()
    from builder.pipeline import PageCache, build

    imported = time.perf_counter()
    page_cache = PageCache(Path(cache)) if cache else None
    # a revision from before the parallel build (see --before) has no ``workers``: it is serial
    options = {"workers": workers} if "workers" in inspect.signature(build).parameters else {}
    result = build(seeds, page_cache, **options)
    done = time.perf_counter()
    print(json.dumps({"import_s": imported - start, "build_s": done - imported, "articles": len(result.articles),
                      "processed": page_cache.misses if page_cache else len(result.pages),
                      "from_cache": page_cache.hits if page_cache else 0}))


def child_export(project: Path, out: Path) -> None:
    """Write every file the ``newspaper`` plugin generates for ``project`` under ``out``.

    Runs MkDocs' own config loading and the plugins' ``on_config`` and
    ``on_files`` events, so the files are exactly the ones a build publishes,
    whatever the plugin's internals.
    """
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files

    config = load_config(str(project / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    files = config.plugins.on_files(get_files(config), config=config)
    count = 0
    for file in files:
        if getattr(file, "generated_by", None):
            target = out / file.src_uri
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(file.content_bytes)
            count += 1
    print(json.dumps({"files": count}))


# ---------------------------------------------------------------------------
# Site measurements


def site_metrics(site: Path) -> dict:
    """Total size, largest HTML page and the search index of a built site."""
    files = [p for p in site.rglob("*") if p.is_file()]
    html = [p for p in files if p.suffix == ".html"]
    largest = max(html, key=lambda p: p.stat().st_size)
    article_sizes = sorted(p.stat().st_size for p in html if p.relative_to(site).parts[0] == "articles")
    return {
        "article_html": {"count": len(article_sizes), "median_bytes": statistics.median(article_sizes or [0]),
                         "max_bytes": max(article_sizes or [0])},
        "files": len(files), "html_pages": len(html), "bytes": sum(p.stat().st_size for p in files),
        "largest_html": {"path": largest.relative_to(site).as_posix(), "bytes": largest.stat().st_size},
        "search": search_metrics(site),
    }


def search_metrics(site: Path) -> dict:
    """The search index's size, and what a first search downloads.

    With the project's own index (``search/meta.json``, ``builder.search``)
    the query code is asked which files each sample query reads; otherwise
    Material's single ``search_index.json`` is what every first search loads.
    """
    folder = site / "search"
    files = {p.relative_to(site).as_posix(): p for p in folder.rglob("*") if p.is_file()} if folder.is_dir() else {}
    total = sum(p.stat().st_size for p in files.values())
    if "search/meta.json" in files:
        try:
            from builder.search.query import Index
        except ImportError:
            Index = None
        if Index is not None:
            contents = {path: p.read_bytes() for path, p in files.items()}
            per_query = {}
            for query in SEARCH_QUERIES:
                index = Index(contents)
                hits = index.search(query)
                fetched = list(dict.fromkeys(index.fetched))
                per_query[query] = {"hits": len(hits), "files": len(fetched),
                                    "bytes": sum(len(contents[f]) for f in fetched)}
            return {"kind": "builder.search", "total_bytes": total, "files": len(files),
                    "first_search_bytes_median": statistics.median(q["bytes"] for q in per_query.values()),
                    "queries": per_query,
                    "note": "first search = meta.json + docs.bin + the shards/payloads the query reads; "
                            "result records (a/<d>.bin) are fetched per result shown"}
    material = files.get("search/search_index.json")
    return {"kind": "material", "total_bytes": total, "files": len(files),
            "first_search_bytes_median": material.stat().st_size if material else None,
            "note": "Material loads search_index.json whole on the first search"}


# ---------------------------------------------------------------------------
# One size


def median_of(measures: list[Measure]) -> dict:
    return {"wall_s": round(statistics.median(m.wall_s for m in measures), 3),
            "cpu_s": round(statistics.median(m.cpu_s for m in measures), 3),
            "max_rss_mb": round(max(m.max_rss_mb for m in measures), 1),
            "runs": [{"wall_s": round(m.wall_s, 3), "cpu_s": round(m.cpu_s, 3), "max_rss_mb": round(m.max_rss_mb, 1)}
                     for m in measures]}


def touch_page(path: Path, sentence: str) -> bytes:
    """Change one raw page the way an editor would (a sentence added to its last paragraph); return the old bytes."""
    old = path.read_bytes()
    text = old.decode("utf-8").rstrip("\n")
    path.write_bytes((text + sentence + "\n").encode("utf-8"))
    return old


def processed_note(log: str) -> str:
    """The plugin's log line that says how many pages were processed and how many came from the cache."""
    found = re.findall(r"newspaper: [^\n]*processed[^\n]*", log)
    return found[-1] if found else ""


def bench_size(n: int, repeats: int, work: Path, seed: int, say, before: Path | None = None) -> dict:
    """Every measurement for a corpus of ``n`` articles."""
    here = work / f"n{n}"
    seeds = here / "seeds"
    started = time.perf_counter()
    pages = generate_corpus(n, seed)
    write_corpus(pages, seeds)
    accuracy = split_accuracy(pages)
    say(f"[{n}] corpus: {len(pages)} pages, split accuracy {accuracy.accuracy:.2%} "
        f"({time.perf_counter() - started:.0f} s)")
    result: dict = {"articles": n, "pages": len(pages), "raw_bytes": sum(len(p.text.encode()) for p in pages),
                    "split_accuracy": round(accuracy.accuracy, 4), "pages_split_exactly": accuracy.pages_exact,
                    "repeats": repeats}

    builder_runs = []
    for _ in range(repeats):
        builder_runs.append(checked(run_child([sys.executable, str(HERE / "run.py"), "--child-builder", str(seeds)],
                                              ROOT), "builder"))
        say(f"[{n}] builder: {builder_runs[-1].wall_s:.1f} s wall, {builder_runs[-1].cpu_s:.1f} s CPU")
    result["builder"] = median_of(builder_runs)
    inner = [json.loads(m.output.splitlines()[-1]) for m in builder_runs]
    result["builder"]["build_call_s"] = round(statistics.median(i["build_s"] for i in inner), 3)
    result["builder"]["published"] = inner[0]["articles"]

    if before is not None:
        earlier = []
        for _ in range(repeats if n < 10_000 else 0):
            earlier.append(checked(run_child([sys.executable, str(HERE / "run.py"), "--child-builder", str(seeds)],
                                             ROOT, code=before), "earlier builder"))
            say(f"[{n}] builder before: {earlier[-1].wall_s:.1f} s wall, {earlier[-1].cpu_s:.1f} s CPU")
        if earlier:
            result["builder_before"] = median_of(earlier)
            inner = [json.loads(m.output.splitlines()[-1]) for m in earlier]
            result["builder_before"]["build_call_s"] = round(statistics.median(i["build_s"] for i in inner), 3)

    parallel_runs = []
    for _ in range(repeats):
        parallel_runs.append(checked(run_child([sys.executable, str(HERE / "run.py"), "--child-builder", str(seeds),
                                               "--workers", str(PARALLEL_WORKERS)], ROOT), "parallel builder"))
        say(f"[{n}] builder, {PARALLEL_WORKERS} processes: {parallel_runs[-1].wall_s:.1f} s wall")
    result["builder_parallel"] = median_of(parallel_runs)
    inner = [json.loads(m.output.splitlines()[-1]) for m in parallel_runs]
    result["builder_parallel"]["build_call_s"] = round(statistics.median(i["build_s"] for i in inner), 3)
    result["builder_parallel"]["workers"] = PARALLEL_WORKERS

    project = make_project(here / "project", seeds)
    site = here / "site"
    middle = sorted(seeds.glob("page-*.txt"))[len(pages) // 2]
    sentence = harvest().sentences[0]
    cold, warm, incremental, builder_incremental, notes = [], [], [], [], []
    for _ in range(repeats):
        shutil.rmtree(cache_folder(project), ignore_errors=True)
        cold.append(mkdocs_build(project, site))
        say(f"[{n}] full cold: {cold[-1].wall_s:.1f} s wall, {cold[-1].cpu_s:.1f} s CPU, "
            f"{cold[-1].max_rss_mb:.0f} MB")
        warm.append(mkdocs_build(project, site))
        say(f"[{n}] full warm: {warm[-1].wall_s:.1f} s wall")
        old = touch_page(middle, sentence)
        try:
            incremental.append(mkdocs_build(project, site))
            notes.append(processed_note(incremental[-1].log_tail))
            say(f"[{n}] incremental: {incremental[-1].wall_s:.1f} s wall ({notes[-1]})")
        finally:
            middle.write_bytes(old)
        # the builder alone in a fresh process with the on-disk cache: restoring the page
        # is again a change of one page (the cache kept only the edited version)
        builder_incremental.append(checked(run_child(
            [sys.executable, str(HERE / "run.py"), "--child-builder", str(seeds),
             "--cache", str(cache_folder(project))], ROOT), "builder rebuild"))
    result["full_cold"] = median_of(cold)
    result["full_warm"] = median_of(warm)
    result["incremental"] = median_of(incremental)
    result["incremental"]["plugin_log"] = notes[0] if notes else ""
    result["builder_incremental"] = median_of(builder_incremental)
    inner = [json.loads(m.output.splitlines()[-1]) for m in builder_incremental]
    result["builder_incremental"].update(
        build_call_s=round(statistics.median(i["build_s"] for i in inner), 3),
        processed=inner[0]["processed"], from_cache=inner[0]["from_cache"])
    result["site"] = site_metrics(site)
    if Path(search_in_browser.CHROMIUM).exists():
        result["search_browser"] = search_in_browser.measure(site, SEARCH_QUERIES)
        say(f"[{n}] first search in Chromium: median {result['search_browser']['ms_median']:.0f} ms, "
            f"{result['search_browser']['bytes_median'] / 1e3:.0f} kB")
    say(f"[{n}] site: {result['site']['bytes'] / 1e6:.1f} MB, {result['site']['html_pages']} pages")

    generated = here / "generated"
    shutil.rmtree(generated, ignore_errors=True)
    checked(run_child([sys.executable, str(HERE / "run.py"), "--child-export", str(project), str(generated)], ROOT),
            "export")
    plain_project = make_project(here / "plain", None, extra_docs=generated)
    plain_site = here / "plain-site"
    plain = []
    for _ in range(repeats):
        plain.append(mkdocs_build(plain_project, plain_site))
        say(f"[{n}] plain Material: {plain[-1].wall_s:.1f} s wall, {plain[-1].cpu_s:.1f} s CPU")
    result["plain"] = median_of(plain)
    result["plain_site"] = {k: v for k, v in site_metrics(plain_site).items() if k != "search"}
    result["ratios"] = ratios(result)
    for folder in (site, plain_site, generated):
        shutil.rmtree(folder, ignore_errors=True)
    return result


def ratios(r: dict) -> dict:
    """The figures the targets are stated in."""

    def share(a: str, b: str, key: str = "wall_s") -> float:
        return round(r[a][key] / r[b][key], 3)

    return {
        "full_cold_over_plain": share("full_cold", "plain"),
        "full_cold_over_plain_cpu": share("full_cold", "plain", "cpu_s"),
        "builder_over_plain": share("builder", "plain"),
        "builder_over_plain_cpu": share("builder", "plain", "cpu_s"),
        "builder_parallel_over_plain": share("builder_parallel", "plain"),
        "builder_parallel_speedup": round(r["builder"]["build_call_s"] / r["builder_parallel"]["build_call_s"], 2),
        "full_warm_over_plain": share("full_warm", "plain"),
        "incremental_over_full_cold": share("incremental", "full_cold"),
        "builder_incremental_over_builder": share("builder_incremental", "builder"),
        "builder_ms_per_article": round(1000 * r["builder"]["build_call_s"] / r["articles"], 2),
    }


def scaling(results: list[dict]) -> dict:
    """time(10×n) / time(n) for consecutive sizes."""
    out = {}
    for small, large in zip(results, results[1:]):
        key = f"{large['articles']}/{small['articles']}"
        out[key] = {part: round(large[part]["wall_s"] / small[part]["wall_s"], 2)
                    for part in ("builder", "full_cold", "plain", "incremental")}
        out[key]["builder_build_call"] = round(large["builder"]["build_call_s"] / small["builder"]["build_call_s"], 2)
    return out


# ---------------------------------------------------------------------------
# Report


def markdown_report(data: dict) -> str:
    m = data["machine"]
    lines = [
        "# Benchmark results",
        "",
        f"Run {m['date']} by `python benchmarks/{'run.py --quick' if data['quick'] else 'run.py'}`; "
        f"corpus seed {data['seed']}.",
        "",
        f"Machine: {m['cores']} cores, {m['ram_gb']} GB RAM, {m['cpu']}; {m['os']}; Python {m['python']}; "
        + ", ".join(f"{k} {v}" for k, v in m["packages"].items()) + ".",
        f"Load average when the run started: {', '.join(f'{x:.1f}' for x in m['load_average_at_start'])} "
        "(other work on the machine slows wall times; CPU times are steadier).",
        "",
        "Times are medians over the repeats (wall clock, seconds; CPU = user + system of the process).",
        "",
        "| articles | pages | repeats | split accuracy | builder | builder CPU | ms/article | builder, 2 processes | "
        "full cold | full cold CPU | plain Material | plain CPU | full warm | incremental | builder incr. | "
        "peak RSS (full) |",
        "|" + " --- |" * 16,
    ]
    for r in data["results"]:
        lines.append(
            f"| {r['articles']:,} | {r['pages']:,} | {r['repeats']} | {r['split_accuracy']:.2%} | "
            f"{r['builder']['wall_s']:.1f} | {r['builder']['cpu_s']:.1f} | {r['ratios']['builder_ms_per_article']} | "
            f"{r['builder_parallel']['wall_s']:.1f} | {r['full_cold']['wall_s']:.1f} | {r['full_cold']['cpu_s']:.1f} | {r['plain']['wall_s']:.1f} | "
            f"{r['plain']['cpu_s']:.1f} | {r['full_warm']['wall_s']:.1f} | {r['incremental']['wall_s']:.1f} | "
            f"{r['builder_incremental']['wall_s']:.1f} | {r['full_cold']['max_rss_mb']:.0f} MB |")
    lines += ["", "## Ratios", "",
              "| articles | full cold / plain | (CPU) | builder / plain | (CPU) | builder, 2 processes / plain | "
              "full warm / plain | incremental / full cold | builder incr. / builder |",
              "|" + " --- |" * 9]
    for r in data["results"]:
        q = r["ratios"]
        lines.append(f"| {r['articles']:,} | {q['full_cold_over_plain']} | {q['full_cold_over_plain_cpu']} | "
                     f"{q['builder_over_plain']} | {q['builder_over_plain_cpu']} | {q['builder_parallel_over_plain']} | "
                     f"{q['full_warm_over_plain']} | "
                     f"{q['incremental_over_full_cold']} | {q['builder_incremental_over_builder']} |")
    if data.get("scaling"):
        lines += ["", "## Scaling (wall time of the larger size over the smaller)", "",
                  "| sizes | builder | builder (build call) | full cold | plain | incremental |", "|" + " --- |" * 6]
        for key, s in data["scaling"].items():
            lines.append(f"| {key} | {s['builder']} | {s['builder_build_call']} | {s['full_cold']} | {s['plain']} | "
                         f"{s['incremental']} |")
    earlier = [r for r in data["results"] if "builder_before" in r]
    if earlier:
        lines += ["", f"## The builder before and after (before: revision {data.get('before_revision')})", "",
                  "| articles | before: build call | before CPU | after: build call | after CPU | speed-up (CPU) |",
                  "|" + " --- |" * 6]
        for r in earlier:
            b, a = r["builder_before"], r["builder"]
            lines.append(f"| {r['articles']:,} | {b['build_call_s']:.1f} s | {b['cpu_s']:.1f} s | "
                         f"{a['build_call_s']:.1f} s | {a['cpu_s']:.1f} s | {b['cpu_s'] / a['cpu_s']:.1f}× |")
    lines += ["", "## Site", "",
              "| articles | site size | HTML pages | article page, median / largest | largest HTML page | "
              "search index | first search downloads (index) | first search in Chromium: downloaded, time (median / max) |",
              "|" + " --- |" * 8]
    for r in data["results"]:
        s = r["site"]
        search = s["search"]
        first = search.get("first_search_bytes_median")
        art = s.get("article_html") or {"median_bytes": 0, "max_bytes": 0}
        browser = r.get("search_browser")
        in_browser = (f"{browser['bytes_median'] / 1e3:.0f} / {browser['bytes_max'] / 1e3:.0f} kB, "
                      f"{browser['ms_median']:.0f} / {browser['ms_max']:.0f} ms") if browser else "not measured"
        lines.append(f"| {r['articles']:,} | {s['bytes'] / 1e6:.1f} MB | {s['html_pages']:,} | "
                     f"{art['median_bytes'] / 1e3:.1f} / {art['max_bytes'] / 1e3:.1f} kB | "
                     f"{s['largest_html']['path']} ({s['largest_html']['bytes'] / 1e3:.0f} kB) | "
                     f"{search['total_bytes'] / 1e6:.2f} MB ({search['kind']}) | "
                     f"{(first or 0) / 1e3:.0f} kB | {in_browser} |")
    lines += ["", "## Rebuild after one raw page changed", ""]
    for r in data["results"]:
        b = r["builder_incremental"]
        lines.append(f"- {r['articles']:,} articles: the plugin reports “{r['incremental']['plugin_log']}”; "
                     f"the builder alone re-processes {b['processed']} page(s) and reads {b['from_cache']} from "
                     f"the cache: {b['build_call_s']:.1f} s (cold: {r['builder']['build_call_s']:.1f} s).")
    if data.get("notes"):
        lines += ["", "## Notes", ""] + [f"- {note}" for note in data["notes"]]
    return "\n".join(lines) + "\n"


# Sections of RESULTS.md written by other benchmarks (benchmarks/real_pages.py) start at this line;
# a scale run rewrites what is above it and keeps the rest.
KEPT_SECTIONS = "<!-- sections below are kept by run.py -->"


def write_report(path: Path, report: str) -> None:
    """Write the scale report, keeping the sections other benchmarks recorded below the marker."""
    old = path.read_text(encoding="utf-8") if path.is_file() else ""
    kept = old[old.index(KEPT_SECTIONS):] if KEPT_SECTIONS in old else ""
    path.write_text(report.rstrip() + "\n\n" + kept if kept else report, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="100 and 1,000 articles only")
    parser.add_argument("--sizes", help="comma-separated sizes (overrides --quick)")
    parser.add_argument("--repeats", type=int, default=3, help="runs per measurement below 10,000 articles")
    parser.add_argument("--repeats-large", type=int, default=1, help="runs per measurement from 10,000 articles")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", type=Path, help="working folder (default: a new temporary folder, removed after)")
    parser.add_argument("--note", action="append", default=[], help="a note for RESULTS.md (repeatable)")
    parser.add_argument("--before", metavar="REV", help="also time the builder of this git revision (below 10,000)")
    parser.add_argument("--report", type=Path, metavar="JSON", help="only rewrite the report of a results file")
    parser.add_argument("--child-builder", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--cache", default="", help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--child-export", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child_builder:
        child_builder(args.child_builder, args.cache, args.workers)
        return 0
    if args.child_export:
        child_export(*args.child_export)
        return 0

    if args.report:
        data = json.loads(args.report.read_text(encoding="utf-8"))
        data["notes"] = data.get("notes", []) + args.note
        args.report.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        write_report(args.report.parent / args.report.name.replace("results", "RESULTS").replace(".json", ".md"),
                     markdown_report(data))
        return 0
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else (QUICK_SIZES if args.quick else SIZES)
    work = args.work or Path(tempfile.mkdtemp(prefix="newspaper-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    global CODE_ROOT
    CODE_ROOT = snapshot(work)
    before = builder_at(args.before, work) if args.before else None
    began = time.perf_counter()

    def say(message: str) -> None:
        print(f"{time.perf_counter() - began:7.0f} s  {message}", flush=True)

    data = {"quick": bool(args.quick and not args.sizes), "seed": args.seed, "machine": machine(),
            "results": [], "notes": args.note, "before_revision": args.before}
    suffix = "-quick" if data["quick"] else ""
    try:
        for n in sizes:
            repeats = args.repeats if n < 10_000 else args.repeats_large
            data["results"].append(bench_size(n, repeats, work, args.seed, say, before))
            data["scaling"] = scaling(data["results"])
            (HERE / f"results{suffix}.json").write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n",
                                                       encoding="utf-8")
            write_report(HERE / f"RESULTS{suffix}.md", markdown_report(data))
    finally:
        if args.work is None:
            shutil.rmtree(work, ignore_errors=True)
    print(markdown_report(data))
    return 0


if __name__ == "__main__":
    sys.exit(main())
