"""Batch: a folder in, one JSON report per resume and summary.csv out, past bad files."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from analyzer.batch import SUMMARY_COLUMNS, batch_analyze, format_summary, output_names
from analyzer.errors import AnalyzerError

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.pdf"))


def _summary(out: Path) -> list[dict[str, str]]:
    with open(out / "summary.csv", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("jobs", [1, 2])
def test_batch_continues_past_bad_files(tmp_path, jobs):
    folder = tmp_path / "in"
    folder.mkdir()
    for path in SAMPLES[:3]:
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "letter.PDF").write_bytes(b"<html><body>not a resume</body></html>")
    (folder / "notes.txt").write_text("not a PDF name: skipped")
    rows = batch_analyze(folder, tmp_path / "out", jobs=jobs, as_of="2026-01")

    summary = _summary(tmp_path / "out")
    assert list(summary[0]) == list(SUMMARY_COLUMNS)
    by_file = {row["file"]: row for row in summary}
    assert set(by_file) == {p.name for p in SAMPLES[:3]} | {"empty.pdf", "letter.PDF"}
    assert (by_file["empty.pdf"]["status"], by_file["empty.pdf"]["error_code"]) == ("error", "empty_file")
    assert by_file["letter.PDF"]["error_code"] == "not_a_pdf" and "HTML" in by_file["letter.PDF"]["message"]
    for path in SAMPLES[:3]:
        row = by_file[path.name]
        assert row["status"] == "ok" and row["report"] == f"{path.stem}.json"
        report = json.loads((tmp_path / "out" / row["report"]).read_text(encoding="utf-8"))
        assert report["source"]["name"] == path.name and report["as_of"] == "2026-01"
        assert row["pages"] == str(report["source"]["pages"])
    assert len(rows) == 5 and "3 of 5 resumes analysed" in format_summary(rows, tmp_path / "out")


def test_missing_folder_is_an_analyzer_error(tmp_path):
    with pytest.raises(AnalyzerError, match="not a folder"):
        batch_analyze(tmp_path / "nowhere", tmp_path / "out")


def test_output_names_are_unique_even_when_sanitising_collides():
    names = output_names(["a b.pdf", "a_b.pdf", "A_B.pdf", "summary.pdf", "résumé.pdf", "\u6587.pdf"])
    assert names[:3] == ["a_b.json", "a_b-2.json", "A_B-3.json"]
    assert names[3] == "summary.json" and names[4] == "resume.json" and names[5] == "resume-2.json"
