"""The JSON report is the contract: required fields, and byte-identical output for the same input."""

import json

from factory import simple_resume

from analyzer import analyze, to_json


def test_report_has_the_contract_fields():
    data = simple_resume("maya@example.org", "# Experience", "* Data Scientist, Northwind Ltd Jan 2020 - Present",
                         "- Built forecasts.")
    report = json.loads(to_json(analyze(data, as_of="2026-11", name="maya.pdf")))
    assert set(report) >= {"source", "contact", "sections", "entries", "links", "warnings", "skills", "flags", "questions", "claims"}
    assert report["source"]["name"] == "maya.pdf" and report["source"]["pages"] == 1 and len(report["source"]["sha256"]) == 64
    assert report["contact"]["name"] == "Maya Lindqvist" and report["contact"]["emails"] == ["maya@example.org"]
    entry = report["entries"][0]
    assert {k: entry[k] for k in ("section", "title", "organization", "start", "end")} == {
        "section": "experience", "title": "Data Scientist", "organization": "Northwind Ltd", "start": "2020-01", "end": "present",
    }
    section = report["sections"][1]
    assert (section["kind"], section["title"], section["page"]) == ("experience", "EXPERIENCE", 1)
    assert section["text"].endswith("Built forecasts.")


def test_same_input_same_bytes():
    data = simple_resume("# Skills", "Python, SQL")
    assert to_json(analyze(data, as_of="2026-11")) == to_json(analyze(data, as_of="2026-11"))
