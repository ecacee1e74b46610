"""The resume-analyzer command: JSON equals the library's, bad input exits non-zero with a message."""

import json
import subprocess
import sys

from factory import simple_resume

from analyzer import analyze, to_json
from analyzer.cli import main


def test_analyze_json_is_the_library_report(tmp_path, capsys):
    path = tmp_path / "maya.pdf"
    path.write_bytes(simple_resume("# Experience", "* Data Scientist, Northwind Ltd 2020 - 2022", "- Built forecasts."))
    assert main(["analyze", str(path), "--as-of", "2026-11"]) == 0
    printed = capsys.readouterr().out
    assert printed.strip() == to_json(analyze(path, as_of="2026-11"))
    report = json.loads(printed)
    assert report["entries"][0]["organization"] == "Northwind Ltd"


def test_a_document_read_beforehand_gives_the_same_report(tmp_path):
    # The CLI reads the file while it loads spaCy, then hands the Document to analyze().
    from analyzer.read import read_document

    path = tmp_path / "maya.pdf"
    path.write_bytes(simple_resume("# Experience", "* Data Scientist, Northwind Ltd 2020 - 2022", "- Built forecasts."))
    assert to_json(analyze(read_document(path), as_of="2026-11")) == to_json(analyze(path, as_of="2026-11"))


def test_text_format_lists_entries(tmp_path, capsys):
    path = tmp_path / "maya.pdf"
    path.write_bytes(simple_resume("# Experience", "* Data Scientist, Northwind Ltd 2020 - 2022", "- Built forecasts."))
    assert main(["analyze", str(path), "--format", "text"]) == 0
    assert "Data Scientist, Northwind Ltd (2020 to 2022)" in capsys.readouterr().out


def test_bad_input_exits_2_with_a_message_and_no_traceback(tmp_path):
    path = tmp_path / "cv.pdf"
    path.write_bytes(b"PK\x03\x04 not really a pdf")
    done = subprocess.run([sys.executable, "-m", "analyzer", "analyze", str(path)], capture_output=True, text=True)
    assert done.returncode == 2
    assert "ZIP archive" in done.stderr and "Traceback" not in done.stderr


def test_bad_month_is_a_usage_error(tmp_path, capsys):
    path = tmp_path / "maya.pdf"
    path.write_bytes(simple_resume("# Skills", "Python"))
    try:
        main(["analyze", str(path), "--as-of", "November"])
    except SystemExit as stop:
        assert stop.code == 2
    assert "YYYY-MM" in capsys.readouterr().err


# --- the other subcommands, on a real sample ----------------------------------------------------

import csv  # noqa: E402
import io  # noqa: E402

import pdfplumber  # noqa: E402
import pytest  # noqa: E402

from analyzer.export import FORMATS  # noqa: E402
from analyzer.models import Options  # noqa: E402
from conftest import sample_paths  # noqa: E402

SAMPLE = next(p for p in sample_paths() if p.stem.startswith("mlops_"))


@pytest.fixture(scope="module")
def sample_report(resources):
    return analyze(SAMPLE, as_of="2026-11", resources=resources)


def test_skills_lists_every_skill_and_says_which_are_listed_only(sample_report, capsys):
    assert main(["skills", str(SAMPLE), "--as-of", "2026-11"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(sample_report.skills) + 1  # a header, then one row per skill
    listed = [s for s in sample_report.skills if s.listed_only]
    assert listed
    for skill in listed:
        assert any(line.startswith(skill.name[:28]) and line.endswith("listed only") for line in lines)


def test_flags_prints_each_flag_with_its_advice(sample_report, capsys):
    assert main(["flags", str(SAMPLE), "--as-of", "2026-11"]) == 0
    out = capsys.readouterr().out
    for flag in sample_report.flags:
        assert f"[{flag.severity}] {flag.code}" in out and flag.message in out and f"-> {flag.advice}" in out


def test_stale_years_option_reaches_the_flags(capsys):
    main(["flags", str(SAMPLE), "--as-of", "2026-11", "--stale-years", "1"])
    strict = capsys.readouterr().out.count("stale_claim")
    main(["flags", str(SAMPLE), "--as-of", "2026-11", "--stale-years", "10"])
    assert strict > capsys.readouterr().out.count("stale_claim")


def test_questions_obey_count_and_area(capsys):
    assert main(["questions", str(SAMPLE), "--as-of", "2026-11", "--count", "6", "--area", "7", "--area", "8",
                 "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff"))))
    assert 0 < len(rows) <= 6 and {row["area"] for row in rows} <= {"7", "8"}


def test_questions_as_text_follow_the_report(sample_report, capsys):
    assert main(["questions", str(SAMPLE), "--as-of", "2026-11"]) == 0
    out = capsys.readouterr().out
    positions = [out.index(q.text) for q in sample_report.questions]
    assert len(positions) == len(sample_report.questions) <= Options().question_count  # a maximum since round 2
    tied = [q for q in sample_report.questions if q.quote]
    assert tied and all(f'"{q.quote}"' in out for q in tied)


def test_questions_as_json(sample_report, capsys):
    assert main(["questions", str(SAMPLE), "--as-of", "2026-11", "--format", "json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert [q["id"] for q in printed] == [q.id for q in sample_report.questions]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_writes_the_same_bytes_as_the_library(fmt, sample_report, tmp_path):
    out = tmp_path / FORMATS[fmt].filename(SAMPLE.name)
    assert main(["export", str(SAMPLE), "--as-of", "2026-11", "--format", fmt, "-o", str(out)]) == 0
    assert out.read_bytes() == FORMATS[fmt].render(sample_report)
    if fmt == "pdf":
        with pdfplumber.open(out) as pdf:
            assert pdf.pages[0].extract_text().startswith(f"Interview questions for {sample_report.resume.contact.name}")


def test_export_to_a_missing_folder_is_a_message(tmp_path, capsys):
    out = tmp_path / "no" / "such" / "folder" / "q.md"
    assert main(["export", str(SAMPLE), "--format", "md", "-o", str(out)]) == 2
    assert "cannot write" in capsys.readouterr().err


def test_batch_reports_each_file_and_continues_past_a_bad_one(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / SAMPLE.name).write_bytes(SAMPLE.read_bytes())
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n garbage")
    assert main(["batch", str(folder), "-o", str(tmp_path / "out"), "--as-of", "2026-11"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 of 2 resumes analysed") and "broken.pdf: corrupt_pdf" in out
    assert (tmp_path / "out" / f"{SAMPLE.stem}.json").is_file()
    assert main(["batch", str(tmp_path / "missing"), "-o", str(tmp_path / "out")]) == 2
