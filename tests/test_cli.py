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
