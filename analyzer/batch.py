"""Batch: analyse every resume (PDF or .docx) in a folder; one JSON report per resume and a summary CSV.

    rows = batch_analyze("resumes/", "out/", jobs=2)

- Resources (taxonomy, spaCy pipeline) are loaded once per worker process, by the pool's
  initializer; with ``jobs=1`` everything runs in this process, loaded once.
- A bad file does not stop the batch: its row in ``summary.csv`` holds the error's code and message
  (an unexpected exception, i.e. a bug, is recorded as ``internal_error`` with its type).
- Output names come from user file names, so they are sanitised: letters, digits, ``.``, ``-`` and
  ``_`` only, no leading dot, at most 80 characters, Windows device names avoided, and collisions
  numbered; a report is never written outside ``out_dir``.
- CSV cells are neutralised against formula injection: a cell starting with ``= + - @``, a tab or a
  carriage return gets a leading apostrophe, so a spreadsheet shows it as text.

Limits: only ``*.pdf`` and ``*.docx`` files directly in the folder (any case of the suffix) are read; sub-folders
are not searched. Each file is bounded in time and memory by analyzer/guard.py.
"""

from __future__ import annotations

import csv
import os
import re
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from analyzer.errors import AnalyzerError
from analyzer.export.csv_export import neutralise
from analyzer.models import Options

# The files a batch reads: the formats analyze() takes (told apart by content; the suffix only picks files).
RESUME_SUFFIXES = (".pdf", ".docx")
SUMMARY_NAME = "summary.csv"
SUMMARY_COLUMNS = (
    "file", "report", "status", "error_code", "message", "name", "pages", "skills", "claims", "flags", "questions",
)
_UNSAFE_NAME_CHARS = re.compile(r"[^A-Za-z0-9._-]+")
_WINDOWS_DEVICES = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))}
_MAX_NAME = 80


@dataclass(frozen=True, slots=True)
class BatchRow:
    """One input file's outcome, in the order of ``SUMMARY_COLUMNS``."""

    file: str
    report: str
    status: str  # "ok" or "error"
    error_code: str = ""
    message: str = ""
    name: str = ""
    pages: int | None = None
    skills: int | None = None
    claims: int | None = None
    flags: int | None = None
    questions: int | None = None
    seconds: float = 0.0  # not written to the CSV: the summary stays identical across runs

    def cells(self) -> list[str]:
        return [neutralise(getattr(self, column)) for column in SUMMARY_COLUMNS]


def batch_analyze(
    folder: str | Path,
    out_dir: str | Path,
    jobs: int = 1,
    *,
    as_of: str | None = None,
    options: Options | None = None,
) -> list[BatchRow]:
    """Analyse every PDF in ``folder``; write ``<name>.json`` reports and ``summary.csv`` to ``out_dir``.

    Returns the rows of the summary, in file-name order. Raises AnalyzerError only when the folder
    itself cannot be read; problems with single files are recorded in their rows.
    """
    folder, out = Path(folder), Path(out_dir)
    if not folder.is_dir():
        raise AnalyzerError(f"{folder} is not a folder.")
    files = find_pdfs(folder)
    out.mkdir(parents=True, exist_ok=True)
    names = output_names([f.name for f in files])
    tasks = [(str(path), str(out / report), display_name(path.name), as_of, options) for path, report in zip(files, names)]
    # Loaded here first: a broken taxonomy stops the batch with its TaxonomyError, once, before any
    # worker starts; forked workers inherit what is loaded, spawned ones load it in the initializer.
    _init_worker()
    if jobs <= 1 or len(tasks) <= 1:
        rows = [_analyze_one(*task) for task in tasks]
    else:
        try:
            with ProcessPoolExecutor(max_workers=min(jobs, len(tasks)), initializer=_init_worker) as pool:
                rows = list(pool.map(_analyze_one_packed, tasks, chunksize=1))
        except BrokenProcessPool as error:
            raise AnalyzerError(f"A batch worker stopped unexpectedly ({error}); try again with --jobs 1.") from None
    write_summary(rows, out / SUMMARY_NAME)
    return rows


def find_pdfs(folder: Path) -> list[Path]:
    files = [p for p in folder.iterdir() if p.suffix.lower() in RESUME_SUFFIXES and p.is_file()]
    return sorted(files, key=lambda p: os.fsencode(p.name))


def display_name(file_name: str) -> str:
    """A file name as valid Unicode text: bytes that are not UTF-8 become U+FFFD."""
    return os.fsencode(file_name).decode("utf-8", "replace")


def safe_stem(file_name: str) -> str:
    """A report name made from a user's file name: safe as a path component on any system."""
    stem = display_name(file_name)
    for suffix in RESUME_SUFFIXES:
        if stem.lower().endswith(suffix):
            stem = stem[: -len(suffix)]
    # Accented letters keep their base letter (résumé -> resume) so names stay recognisable.
    ascii_stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    cleaned = _UNSAFE_NAME_CHARS.sub("_", ascii_stem).strip("._-")[:_MAX_NAME].rstrip("._-")
    if not cleaned:
        cleaned = "resume"
    if cleaned.split(".")[0].lower() in _WINDOWS_DEVICES:
        cleaned = "_" + cleaned
    return cleaned


def output_names(file_names: list[str]) -> list[str]:
    """Report file names for the inputs, in order, sanitised and unique (case-insensitively)."""
    taken = {SUMMARY_NAME}
    result = []
    for file_name in file_names:
        stem = safe_stem(file_name)
        candidate, number = f"{stem}.json", 2
        while candidate.lower() in taken:
            candidate = f"{stem}-{number}.json"
            number += 1
        taken.add(candidate.lower())
        result.append(candidate)
    return result


def write_summary(rows: list[BatchRow], path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(SUMMARY_COLUMNS)
        for row in rows:
            writer.writerow(row.cells())


# --- one file, in a worker ----------------------------------------------------------------------

_RESOURCES = None


def _init_worker() -> None:
    # Loaded once per worker process; every file the worker analyses shares it. A forked worker
    # inherits what is loaded but not the fork server, which serves only the process that started it.
    global _RESOURCES
    from analyzer.guard import start_fork_server
    from analyzer.pipeline import load_resources

    if _RESOURCES is None:
        _RESOURCES = load_resources()
    start_fork_server()


def _analyze_one_packed(task: tuple) -> BatchRow:
    return _analyze_one(*task)


def _analyze_one(path: str, report_path: str, name: str, as_of: str | None, options: Options | None) -> BatchRow:
    import time

    from analyzer import report as report_json
    from analyzer.pipeline import analyze

    start = time.perf_counter()
    report_name = Path(report_path).name
    try:
        data = Path(path).read_bytes()  # read here so the name we report is the sanitised one
        report = analyze(data, as_of=as_of, name=name, options=options, resources=_RESOURCES)
        text = report_json.to_json(report)
        with open(report_path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text + "\n")
    except AnalyzerError as error:
        return BatchRow(name, "", "error", error.code, str(error), seconds=time.perf_counter() - start)
    except OSError as error:
        return BatchRow(name, "", "error", "io_error", f"{type(error).__name__}: {error.strerror or error}",
                        seconds=time.perf_counter() - start)
    except Exception as error:  # noqa: BLE001 - a bug in one step must not lose the rest of the batch
        return BatchRow(name, "", "error", "internal_error", f"{type(error).__name__}: {error}"[:300],
                        seconds=time.perf_counter() - start)
    return BatchRow(
        file=name,
        report=report_name,
        status="ok",
        name=report.resume.contact.name or "",
        pages=report.resume.document.pages,
        skills=len(report.skills),
        claims=len(report.claims),
        flags=len(report.flags),
        questions=len(report.questions),
        seconds=time.perf_counter() - start,
    )


def format_summary(rows: list[BatchRow], out_dir: str | Path) -> str:
    """One line for the terminal: how many files were read, failed, and where the results are."""
    failed = [row for row in rows if row.status != "ok"]
    text = f"{len(rows) - len(failed)} of {len(rows)} resumes analysed; reports and {SUMMARY_NAME} in {out_dir}"
    for row in failed:
        text += f"\n  {row.file}: {row.error_code}: {row.message}"
    return text
