"""Command line: ``python -m builder build|explain|check``.

    python -m builder build --seeds seeds --out build/articles
    python -m builder explain seeds/某页.txt
    python -m builder check [PATH ...]
    python -m builder review [PATH ...]

Messages go to standard error as ``file:line: severity: message``; the exit
status is 1 when any input failed, 0 otherwise.  User errors never print a
traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .model import Severity


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m builder", description="重庆工会工作: raw pages → articles")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="write the cleaned articles of every raw page as Markdown")
    build.add_argument("--seeds", type=Path, default=Path("seeds"), help="folder of raw pages (default: seeds)")
    build.add_argument("--out", type=Path, required=True, help="folder to write the Markdown articles to")
    build.add_argument("--quiet", action="store_true", help="do not list dropped page furniture")
    explain = commands.add_parser("explain", help="show how one raw page was split and why each field has its value")
    explain.add_argument("page", type=Path)
    check = commands.add_parser("check", help="validate raw pages, overrides and Markdown articles; change nothing")
    check.add_argument("paths", type=Path, nargs="*", default=[Path("seeds")])
    review = commands.add_parser("review", help="list each raw page's articles and every decision to check, "
                                                "with the override that corrects it")
    review.add_argument("paths", type=Path, nargs="*", default=[Path("seeds")])
    args = parser.parse_args(argv)
    if args.command == "build":
        return run_build(args.seeds, args.out, quiet=args.quiet)
    if args.command == "explain":
        return run_explain(args.page)
    if args.command == "review":
        return run_review(args.paths)
    return run_check(args.paths)


def run_build(seeds: Path, out: Path, quiet: bool = False) -> int:
    from .pipeline import build, write

    result = build(seeds)
    for diagnostic in result.diagnostics:
        if diagnostic.severity is not Severity.INFO or not quiet:
            print(diagnostic, file=sys.stderr)
    written = write(result, out)
    print(f"{len(written)} articles from {len(result.pages)} pages written to {out}", file=sys.stderr)
    return 1 if result.failed else 0


def run_explain(page: Path) -> int:
    from .explain import explain_page

    if not page.is_file():
        print(f"{page}: error: no such file", file=sys.stderr)
        return 1
    report, failed = explain_page(page)
    print(report)
    return 1 if failed else 0


def run_check(paths: list[Path]) -> int:
    from .check import github_annotation, located_problems

    located = located_problems(paths)
    diagnostics = [diagnostic for diagnostic, _ in located]
    for diagnostic in diagnostics:
        print(diagnostic, file=sys.stderr)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for diagnostic, folder in located:
            print(github_annotation(diagnostic, folder))
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    print(f"checked: {errors} error(s)", file=sys.stderr)
    return 1 if errors else 0


def run_review(paths: list[Path]) -> int:
    from .pipeline import build, read_path
    from .review import render_text, review_page, review_result

    reviews = []
    for path in paths:
        if path.is_dir():
            reviews += review_result(build(path))
        elif path.is_file():
            reviews.append(review_page(read_path(path)[0]))
        else:
            print(f"{path}: error: no such file or folder", file=sys.stderr)
            return 1
    print(render_text(reviews), end="")
    return 0


def run(argv: list[str] | None = None) -> int:
    """``main``, quiet when the reader of the output goes away (``explain PAGE | head``)."""
    try:
        return main(argv)
    except BrokenPipeError:
        # Python flushes stdout again at exit; point it at devnull so that flush cannot fail too.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(run())
