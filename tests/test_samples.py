"""Every sample resume through the whole reader, against expectations written by hand
(tests/expected/<sample>.toml): sections, entries with exact dates, links, contact."""

import tomllib

import pytest
from conftest import EXPECTED, sample_paths

from analyzer.extract import read_pdf
from analyzer.links import normalise_url
from analyzer.sections import structure_resume

SAMPLES = [path for path in sample_paths() if (EXPECTED / f"{path.stem}.toml").exists()]


def _expected(path):
    return tomllib.loads((EXPECTED / f"{path.stem}.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module", params=SAMPLES, ids=[p.stem for p in SAMPLES])
def sample(request, taxonomy):
    expected = _expected(request.param)
    resume = structure_resume(read_pdf(request.param), taxonomy, as_of=expected.get("as_of", "2026-11"))
    return resume, expected


def test_there_are_enough_samples():
    assert len(SAMPLES) >= 8


def test_contact(sample):
    resume, expected = sample
    assert resume.contact.name == expected["name"]
    assert set(expected.get("emails", [])) <= set(resume.contact.emails)


def test_sections(sample):
    resume, expected = sample
    got = [(s.kind, s.title) for s in resume.sections if s.kind != "contact" or s.title]
    want = [(s["kind"], s["title"]) for s in expected["sections"] if s["kind"] != "contact" or s["title"]]
    assert got == want


def test_entries(sample):
    resume, expected = sample
    got = [(e.section, e.title, e.organization, e.start or "", e.end or "") for e in resume.entries]
    want = [(e["section"], e["title"], e["organization"], e["start"], e["end"]) for e in expected["entries"]]
    assert got == want


def test_entry_locations(sample):
    resume, expected = sample
    assert [e.location for e in resume.entries] == [e.get("location", "") for e in expected["entries"]]


def test_links(sample):
    resume, expected = sample
    got = {(link.url, link.kind) for link in resume.document.links}
    want = {(normalise_url(link["url"]), link["kind"]) for link in expected.get("links", [])}
    assert got == want
    anchors = {link.url: link.anchor_text for link in resume.document.links}
    for link in expected.get("links", []):
        if link.get("anchor_text"):
            assert anchors[normalise_url(link["url"])] == link["anchor_text"]


def test_hidden_text(sample):
    resume, expected = sample
    found = any(n.code == "hidden_text" for n in resume.document.notices)
    assert found == expected.get("hidden_text", False)
