"""``python -m builder explain PAGE``: how a page was split, and why each field has its value."""

from __future__ import annotations

from pathlib import Path

from .fields import EXPLAINED
from .model import Severity
from .pipeline import read_path


def explain_page(path: Path) -> tuple[str, bool]:
    """A plain-text report for one raw page, read with its overrides as the build reads it, and whether it failed."""
    page, notes = read_path(path)
    out = [f"# {page.source}: {len(page.articles)} article(s)"]
    if notes:
        out.append("## layout decisions")
        out += [f"- {note}" for note in notes]
    for article in page.articles:
        out.append(f"## article {article.part} (lines {article.first_line}-{article.last_line})")
        for key in ("column", "series", "section", "kicker", "title", "subtitle"):
            value = getattr(article, key)
            if value:
                out.append(f"{key}: {value}")
        out += [f"deck: {d}" for d in article.deck]
        out += [f"byline: {b}" for b in article.bylines]
        out += [f"credit: {c}" for c in article.credits]
        out += [f"caption (line {c.line}): {c.text}" + (f" [{c.credit}]" if c.credit else "")
                for _, c in article.captions]
        for key in EXPLAINED:
            if getattr(article.meta, key):
                out.append(f"{key}: {getattr(article.meta, key)}")
        for key, reasons in article.evidence.items():
            out.append(f"why {key}:")
            out += [f"    {reason}" for reason in reasons]
    if page.dropped:
        out.append("## dropped")
        out += [f"- line {d.line}: {d.text} ({d.reason})" for d in page.dropped]
    problems = [d for d in page.diagnostics if d.severity is not Severity.INFO]
    if problems:
        out.append("## problems")
        out += [f"- {d}" for d in problems]
    return "\n".join(out), any(d.severity is Severity.ERROR for d in page.diagnostics)
