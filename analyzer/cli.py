"""The ``resume-analyzer`` command: the library's report on the terminal.

Every AnalyzerError ends the command with its message on stderr and exit code 2; nothing prints a
traceback for a bad resume.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from analyzer import report as report_json
from analyzer.dates import parse_month
from analyzer.errors import AnalyzerError
from analyzer.models import Options, Report
from analyzer.pipeline import analyze

EXIT_BAD_INPUT = 2


def _month(value: str) -> str:
    try:
        return parse_month(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="resume-analyzer", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)

    def add(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text)
        sub.add_argument("file", type=Path, help="the resume PDF")
        sub.add_argument("--as-of", type=_month, default=None, help="reference month YYYY-MM (default: this month)")
        return sub

    sub = add("analyze", "print the whole report")
    sub.add_argument("--format", choices=("json", "text"), default="json")
    return parser


def _options(args: argparse.Namespace) -> Options:
    return Options(as_of=args.as_of)


def _print_text(report: Report) -> None:
    resume = report.resume
    print(f"{resume.contact.name or '(no name found)'}  ·  {resume.document.name}, {resume.document.pages} page(s)")
    for section in resume.sections:
        print(f"\n[{section.kind}] {section.title}")
        for entry in (e for e in resume.entries if e.heading and e.heading[0] in section.lines):
            print(f"  - {entry.label} ({entry.start or '?'} to {entry.end or '?'})")
    if resume.document.links:
        print("\nLinks:")
        for link in resume.document.links:
            print(f"  {link.kind:15} {link.url}  ({link.anchor_text})")
    for notice in resume.document.notices:
        print(f"\nWarning: {notice.message}")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        report = analyze(args.file, options=_options(args))
    except AnalyzerError as error:
        print(f"resume-analyzer: {args.file.name}: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.command == "analyze":
        if args.format == "json":
            print(report_json.to_json(report))
        else:
            _print_text(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
