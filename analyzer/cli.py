"""The ``resume-analyzer`` command: the library's report on the terminal, in files, or for a folder.

    resume-analyzer analyze FILE [--format json|text]     the whole report
    resume-analyzer skills FILE                           skills with their evidence
    resume-analyzer flags FILE                            what the resume does not back, with advice
    resume-analyzer questions FILE [--count N] [--area N ...] [--format text|md|csv|json]
    resume-analyzer export FILE --format md|pdf|csv|json|anki|jsonresume -o OUT
    resume-analyzer batch DIR -o OUT [--jobs N]           one report per PDF and a summary CSV
    resume-analyzer practice FILE [--count N]             the next questions to practise (page's saved marks)

Every AnalyzerError ends the command with its message on stderr and exit code 2; nothing prints a
traceback for a bad resume.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
from concurrent.futures import Future
from dataclasses import replace
from pathlib import Path

from analyzer import report as report_json
from analyzer import view
from analyzer.dates import parse_month
from analyzer.errors import AnalyzerError
from analyzer.export import FORMATS
from analyzer.guard import start_fork_server, stop_fork_server
from analyzer.models import Options, Report
from analyzer.taxonomy import area_ids

EXIT_BAD_INPUT = 2
QUESTION_FORMATS = ("text", "md", "csv", "json")
DEFAULTS = Options()


def _month(value: str) -> str:
    try:
        return parse_month(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"{value} is not a positive number")
    return number


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="resume-analyzer", description=__doc__.splitlines()[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)

    def add(name: str, help_text: str, target: str = "file") -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument(target, type=Path, help="the resume (PDF or .docx)" if target == "file" else "a folder of resumes (PDF or .docx)")
        sub.add_argument("--as-of", type=_month, default=None, help="reference month YYYY-MM (default: this month)")
        sub.add_argument("--stale-years", type=float, default=DEFAULTS.stale_years,
                         help="a skill last used longer ago than this is stale (default: %(default)s)")
        sub.add_argument("--job", type=Path, default=None, metavar="FILE",
                         help="a job posting (.txt, .md or .pdf; '-' for standard input): align the resume with it")
        return sub

    add("analyze", "print the whole report").add_argument("--format", choices=("json", "text"), default="json")
    add("skills", "list the skills found, strongest first, with what backs them")
    add("flags", "list the claims the resume does not back, with what to do")
    sub = add("questions", "list the questions to expect, ranked")
    sub.add_argument("--count", type=_positive, default=DEFAULTS.question_count, help="how many (default: %(default)s)")
    sub.add_argument("--area", type=int, action="append", default=[], metavar="N",
                     help=f"only this interview area (1-{max(area_ids())}; repeat for several)")
    sub.add_argument("--difficulty", type=int, nargs=2, default=(1, 3), metavar=("MIN", "MAX"),
                     help="difficulty range, 1 (warm-up) to 3 (hard)")
    sub.add_argument("--perspective", choices=view.PERSPECTIVES, default=view.PERSPECTIVES[0],
                     help="how 'why it is asked' is worded")
    sub.add_argument("--format", choices=QUESTION_FORMATS, default="text")
    sub = add("export", "write the report in one of the export formats")
    sub.add_argument("--format", choices=sorted(FORMATS), required=True)
    sub.add_argument("-o", "--output", type=Path, required=True, help="the file to write ('-' for standard output)")
    sub = add("batch", "analyse every PDF in a folder: one JSON report each and summary.csv", target="folder")
    sub.add_argument("-o", "--output", type=Path, required=True, help="the folder to write to")
    sub.add_argument("--jobs", type=_positive, default=1, help="worker processes (default: 1)")
    sub = add("practice", "print the next questions to practise, from the marks saved on the page")
    sub.add_argument("--count", type=_positive, default=5, help="how many (default: %(default)s)")
    return parser


def _read_job(args: argparse.Namespace):
    """The posting given with --job, or None (with its problem on stderr: the resume is analysed without it)."""
    if args.job is None:
        return None
    from analyzer.pipeline import read_job

    try:
        if str(args.job) == "-":
            return read_job(sys.stdin.buffer.read(), name="standard input")
        return read_job(args.job)
    except AnalyzerError as error:
        print(f"resume-analyzer: {error} The resume is analysed without the posting.", file=sys.stderr)
        return None


def _options(args: argparse.Namespace) -> Options:
    options = Options(as_of=args.as_of, stale_years=args.stale_years, job=_read_job(args))
    if args.command == "questions":
        low, high = sorted(args.difficulty)
        options = replace(options, question_count=args.count, areas=tuple(sorted(set(args.area))),
                          min_difficulty=low, max_difficulty=high, perspective=args.perspective)
    return options


# --- printing -----------------------------------------------------------------------------------


def _print_resume(report: Report) -> None:
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
    print(f"\n{len(report.skills)} skills, {len(report.claims)} claims, {len(report.flags)} flags, "
          f"{len(report.questions)} questions. Readiness per interview area:")
    for row in report.readiness:
        print(f"  {row.area:2}. {row.name:42} {row.score:3}/100  {row.summary}")
    _print_alignment(report)


def _print_alignment(report: Report) -> None:
    posting, alignment = report.posting, report.alignment
    if posting is None or alignment is None:
        return
    print(f"\nThe job: {posting.title or '(no title found)'} at {posting.company or '(no company found)'}"
          f"{f', {posting.seniority}' if posting.seniority else ''}; {len(posting.required)} required and "
          f"{len(posting.preferred)} nice-to-have skills; {round(alignment.coverage * 100)}% of required shown strongly.")
    if alignment.years_asked:
        print(f"Years asked: {alignment.years_asked}; your dated jobs cover about {alignment.years_shown:g}.")
    print("Prepare first:")
    for sentence in alignment.prepare_first:
        print(f"  - {sentence}")
    for row in view.alignment_rows(report):
        print(f"  {row['status']:8} {row['asked']:12} {row['skill'][:28]:28} {row['why']}")
        print(f"           posting: \"{row['posting line']}\"")
        if row["resume line"]:
            print(f"           resume:  \"{row['resume line']}\"")


def _print_skills(report: Report) -> None:
    print(f"{'skill':28} {'category':24} {'strength':>8} {'months':>6}  {'last used':9}  backed by")
    for skill in sorted(report.skills, key=lambda s: (-s.strength, s.name.lower())):
        if skill.listed_only:
            backing = "listed only"
        elif skill.inferred:
            backing = f"inferred from: {skill.evidence[0].quote}" if skill.evidence else "inferred"
        else:
            backing = ", ".join(skill.used_in) or f"{len(skill.evidence)} quote(s)"
        print(f"{skill.name[:28]:28} {skill.category[:24]:24} {skill.strength:8.2f} {skill.months_used:6}  "
              f"{skill.last_used or '-':9}  {backing}")


def _print_flags(report: Report) -> None:
    if not report.flags:
        print("No flags: every claim found is backed by the resume itself.")
    for severity, flags in view.flags_by_severity(report):
        print(f"\n{severity.upper()} ({len(flags)})")
        for flag in flags:
            print(f"[{flag.severity}] {flag.code}  area {flag.area}" + (f"  {flag.claim_id}" if flag.claim_id else ""))
            print(f"  {flag.message}")
            for evidence in view.flag_evidence(report, flag)[:2]:
                print(f"    \"{evidence.quote}\"  ({view.evidence_line(evidence)})")
            print(f"  -> {flag.advice}")


def _print_questions(report: Report, perspective: str) -> None:
    names = view.area_names(report)
    number = 0
    for area, questions in view.questions_by_area(report.questions):
        print(f"\n{area}. {view.area_label(area, names)}")
        for question in questions:
            number += 1
            print(f"{number:3}. {question.text}")
            print(f"     {view.question_meta(question)}")
            if question.why:
                print(f"     {view.why_label(perspective)}: {question.why}")
            if question.quote:
                label = view.line_label(question).lower()
                print(f"     {label}{f' (page {question.page})' if question.page else ''}: \"{question.quote}\"")
            for followup in question.followups:
                print(f"     then: {followup}")


def _questions_output(report: Report, fmt: str) -> bytes:
    if fmt == "json":
        return (json.dumps(report_json.to_dict(report)["questions"], ensure_ascii=False, indent=2) + "\n").encode()
    return FORMATS[fmt].render(report)


def _write(data: bytes, output: Path) -> None:
    if str(output) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    output.write_bytes(data)
    print(f"wrote {output} ({len(data):,} bytes)", file=sys.stderr)


# --- the command --------------------------------------------------------------------------------


def _batch(args: argparse.Namespace) -> int:
    from analyzer.batch import batch_analyze, format_summary

    try:
        rows = batch_analyze(args.folder, args.output, jobs=args.jobs, as_of=args.as_of, options=_options(args))
    except AnalyzerError as error:
        print(f"resume-analyzer: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    print(format_summary(rows, args.output))
    return 0


def run() -> None:
    """The ``resume-analyzer`` command: :func:`main`, then leave without tearing the interpreter down.

    WHY: unloading the spaCy pipeline and every module at exit takes about 0.2 s, a sixth of a
    whole run, and nothing needs it: the output is flushed and the fork server stopped and its
    children reaped first (what the exit hooks do), so no process is left behind. ``batch`` leaves
    normally: its worker pool has exit hooks of its own.
    """
    argv = sys.argv[1:]
    code = main(argv)
    if argv[:1] == ["batch"]:
        sys.exit(code)
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # a reader that closed the pipe early: nothing left to write
            pass
    stop_fork_server()
    os._exit(code)


def main(argv: list[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:
        # WHY: `resume-analyzer flags cv.pdf | head` closes the pipe early; that is not an error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _read_ahead(path: Path) -> Future:
    """The resume, read on a thread started now: ``.result()`` is its Document or raises its AnalyzerError.

    WHY: the parse runs in the fork server's child, so waiting for it costs this process nothing
    while it imports spaCy and loads the taxonomy (most of a cold start). Not with ``--job``: a
    posting's problem is reported before the resume is read.
    """
    future: Future = Future()

    def read() -> None:
        try:
            from analyzer.read import read_document

            future.set_result(read_document(path))
        except BaseException as error:  # noqa: BLE001 - handed to the caller, raised by result()
            future.set_exception(error)

    threading.Thread(target=read, name="read-ahead", daemon=True).start()
    return future


def _practice(report: Report, count: int) -> int:
    from analyzer.practice import PracticeStore, PracticeStoreError, next_to_practise, progress

    store = PracticeStore()
    try:
        marks = store.load(report.resume.document.sha256)
    except PracticeStoreError as error:
        print(f"resume-analyzer: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    rows = progress(report, marks)
    ready = sum(r.ready for r in rows)
    total = sum(r.total for r in rows)
    saved = "no practice saved yet" if not marks else f"{ready} of {total} questions marked ready"
    print(f"{report.resume.document.name}: {saved} ({store.path})")
    names = view.area_names(report)
    chosen = next_to_practise(report, marks, count)
    if not chosen:
        print("Nothing left to practise: every question is marked ready or skipped.")
    for number, question in enumerate(chosen, start=1):
        status = getattr(marks.get(question.id), "status", "") or "not tried"
        print(f"{number:3}. {question.text}")
        print(f"     {question.area}. {view.area_label(question.area, names)} · {status}")
        note = getattr(marks.get(question.id), "note", "")
        if note:
            print(f"     my notes: {' '.join(note.split())}")
    return 0


def _main(argv: list[str] | None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "batch":
        return _batch(args)
    # WHY in this order: the fork server loads the PDF reader and parses the file on the other core
    # while this process loads spaCy, and it is told to end as soon as the file is read, so it is
    # gone by the time the report is out.
    start_fork_server()
    reading = None if args.job is not None else _read_ahead(args.file)
    from analyzer.pipeline import analyze

    try:
        report = analyze(reading.result() if reading else args.file, options=_options(args))
    except AnalyzerError as error:
        print(f"resume-analyzer: {args.file.name}: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    finally:
        stop_fork_server(wait=False)
    if args.command == "analyze" and args.format == "json":
        print(report_json.to_json(report))
    elif args.command == "analyze":
        _print_resume(report)
    elif args.command == "skills":
        _print_skills(report)
        _print_alignment(report)
    elif args.command == "flags":
        _print_flags(report)
    elif args.command == "questions" and args.format == "text":
        _print_questions(report, args.perspective)
    elif args.command == "questions":
        _write(_questions_output(report, args.format), Path("-"))
    elif args.command == "practice":
        return _practice(report, args.count)
    else:  # export
        try:
            _write(FORMATS[args.format].render(report), args.output)
        except OSError as error:
            print(f"resume-analyzer: cannot write {args.output}: {error.strerror or error}", file=sys.stderr)
            return EXIT_BAD_INPUT
    return 0


if __name__ == "__main__":
    run()
