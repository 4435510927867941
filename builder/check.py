"""``python -m builder check [PATH ...]``: validate inputs without changing anything.

Raw pages (``.txt``), overrides (``.overrides.yaml``) and contributed articles
(``.md``) are read exactly as the build reads them; every problem becomes one
``file:line: severity: message`` line.  A folder is checked file by file.
Warnings (an article without a date, say) are shown but do not fail the check.
"""

from __future__ import annotations

from pathlib import Path

from .model import Diagnostic, Severity
from .overrides import OVERRIDE_SUFFIX
from .pipeline import ARTICLE_SUFFIXES, RAW_PAGE_SUFFIXES, read_path


def check_paths(paths: list[Path]) -> list[Diagnostic]:
    diagnostics: list[Diagnostic] = []
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.is_file())
        elif path.exists():
            files = [path]
        else:
            diagnostics.append(Diagnostic(str(path), "no such file or folder"))
            continue
        for file in files:
            diagnostics += check_file(file, checked_with_page=path.is_dir())
    return diagnostics


def check_file(path: Path, checked_with_page: bool = False) -> list[Diagnostic]:
    """Problems of one input; an overrides file is checked against its page."""
    name = path.name
    if name.endswith(OVERRIDE_SUFFIX):
        if checked_with_page:
            return []          # the page's own check covers it
        page = path.with_name(name[: -len(OVERRIDE_SUFFIX)] + ".txt")
        if not page.is_file():
            return [Diagnostic(name, f"overrides a page that does not exist: {page.name}")]
        return check_file(page)
    if path.suffix.lower() not in RAW_PAGE_SUFFIXES + ARTICLE_SUFFIXES:
        return [Diagnostic(name, "not an input: raw pages are .txt, articles .md, corrections .overrides.yaml",
                           Severity.WARNING)]
    page, _ = read_path(path)
    return _problems(page.diagnostics)


def _problems(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.severity is not Severity.INFO]
