"""``python -m builder check [PATH ...]``: validate inputs without changing anything.

Raw pages (``.txt``), overrides (``.overrides.yaml``) and contributed articles
(``.md``) are read exactly as the build reads them; every problem becomes one
``file:line: severity: message`` line.  A folder is checked file by file.
Warnings (an article without a date, say) are shown but do not fail the check.
Under GitHub Actions each problem is also printed as a workflow command
(``::error file=seeds/x.txt,line=3::…``), so a contributor sees it on the
line of their pull request.
"""

from __future__ import annotations

from pathlib import Path

from .model import Diagnostic, Severity
from .overrides import OVERRIDE_SUFFIX
from .photos import attach_photos
from .pipeline import ARTICLE_SUFFIXES, RAW_PAGE_SUFFIXES, read_path


def check_paths(paths: list[Path]) -> list[Diagnostic]:
    return [diagnostic for diagnostic, _ in located_problems(paths)]


def located_problems(paths: list[Path]) -> list[tuple[Diagnostic, Path]]:
    """Every problem of the inputs, each with the folder its file is in (a diagnostic names the file alone)."""
    found: list[tuple[Diagnostic, Path]] = []
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.is_file() or p.is_symlink())
        elif path.exists() or path.is_symlink():
            files = [path]
        else:
            found.append((Diagnostic(str(path), "no such file or folder"), Path()))
            continue
        for file in files:
            found += [(d, file.parent) for d in check_file(file, checked_with_page=path.is_dir())]
    return found


def github_annotation(diagnostic: Diagnostic, folder: Path) -> str:
    """The diagnostic as a GitHub Actions workflow command, shown on the line of the pull request's file.

    >>> github_annotation(Diagnostic("a.txt", "bad: 50%, really", Severity.WARNING, 3), Path("seeds"))
    '::warning file=seeds/a.txt,line=3::bad: 50%25, really'
    """
    kind = {Severity.ERROR: "error", Severity.WARNING: "warning"}.get(diagnostic.severity, "notice")
    where = (folder / diagnostic.source).as_posix() if folder != Path() else diagnostic.source
    properties = f"file={_escape(where, property=True)}" + (f",line={diagnostic.line}" if diagnostic.line else "")
    return f"::{kind} {properties}::{_escape(diagnostic.message)}"


def _escape(text: str, property: bool = False) -> str:
    """The escapes of GitHub's workflow commands (% and line breaks; also : and , in a property)."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return text.replace(":", "%3A").replace(",", "%2C") if property else text


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
    _, photo_problems = attach_photos([page], path.parent)      # the page's photos, checked as the build does
    return _problems(page.diagnostics + photo_problems)


def _problems(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diagnostics if d.severity is not Severity.INFO]
