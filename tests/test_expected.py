"""The hand-written expectations in tests/expected/ are well-formed and agree with their PDFs.

These files are the ground truth for the sample tests and the benchmark, so a typo in one would
silently move a score. Checked here without the analyzer: every sample has an expectation, fields
have the agreed shapes, and every string the expectation says is printed (section titles, entry
titles, organisations, locations, e-mails) is on the page, compared with spaces removed so that
PDFs whose words come out glued still count.
"""

import re
import tomllib
from pathlib import Path

import pdfplumber
import pytest

from analyzer.taxonomy import load_taxonomy

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = ROOT / "tests" / "expected"
SAMPLES = ROOT / "samples"

SECTION_KINDS = {"contact", "summary", "experience", "education", "projects", "skills", "publications",
                 "certifications", "awards", "courses", "volunteering", "languages", "interests", "other"}
LINK_KINDS = {"github_repo", "github_profile", "gist", "kaggle", "linkedin", "scholar", "blog", "portfolio",
              "email", "other"}
FLAG_CODES = {text.code for text in load_taxonomy().flags.texts}
DATE_RE = re.compile(r"^(?:\d{4}(?:-(?:0[1-9]|1[0-2]))?|present|)$")

PDFS = sorted(SAMPLES.glob("*.pdf"))


def _load(pdf: Path) -> dict:
    return tomllib.loads((EXPECTED / f"{pdf.stem}.toml").read_text(encoding="utf-8"))


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text).lower()


def _page_text(pdf: Path) -> tuple[str, set[str]]:
    with pdfplumber.open(pdf) as doc:
        text = "\n".join(page.extract_text() or "" for page in doc.pages)
        uris = {link["uri"] for page in doc.pages for link in page.hyperlinks if link.get("uri")}
    return _squash(text), uris


def test_every_sample_has_an_expectation():
    assert len(PDFS) >= 12
    missing = [p.stem for p in PDFS if not (EXPECTED / f"{p.stem}.toml").exists()]
    assert missing == []


def test_every_expectation_has_a_sample():
    orphans = [p.stem for p in EXPECTED.glob("*.toml") if not (SAMPLES / f"{p.stem}.pdf").exists()]
    assert orphans == []


@pytest.mark.parametrize("pdf", PDFS, ids=[p.stem for p in PDFS])
def test_expectation_shape(pdf):
    expected = _load(pdf)
    assert expected["name"] and expected["as_of"] == "2026-11"
    assert isinstance(expected.get("hidden_text"), bool)
    assert {s["kind"] for s in expected["sections"]} <= SECTION_KINDS
    for entry in expected["entries"]:
        assert entry["section"] in {"experience", "education", "projects"}
        assert DATE_RE.match(entry["start"]) and DATE_RE.match(entry["end"]), entry
        if entry["start"] and entry["end"] not in ("", "present"):
            assert entry["start"][:4] <= entry["end"][:4], entry
    assert {link["kind"] for link in expected["links"]} <= LINK_KINDS
    named = expected["skills"]["named"]
    assert len(named) == len(set(named)), "a skill is listed twice"
    flags = expected["flags"]
    assert set(flags["expected"]) <= FLAG_CODES and set(flags["absent"]) <= FLAG_CODES
    assert not set(flags["expected"]) & set(flags["absent"])
    assert ("hidden_text" in flags["expected"]) == expected["hidden_text"]


@pytest.mark.parametrize("pdf", PDFS, ids=[p.stem for p in PDFS])
def test_expected_strings_are_on_the_page(pdf):
    expected = _load(pdf)
    text, uris = _page_text(pdf)
    printed = [expected["name"], *expected["emails"]]
    printed += [s["title"] for s in expected["sections"] if s["title"]]
    for entry in expected["entries"]:
        printed += [entry["title"], entry["organization"], entry["location"]]
    missing = [s for s in printed if s and _squash(s) not in text]
    assert missing == []


@pytest.mark.parametrize("pdf", PDFS, ids=[p.stem for p in PDFS])
def test_expected_links_are_in_the_pdf(pdf):
    expected = _load(pdf)
    text, uris = _page_text(pdf)
    for link in expected["links"]:
        url = link["url"]
        if url.startswith("mailto:"):
            assert _squash(url[7:]) in text, url
            continue
        bare = re.sub(r"^https?://", "", url)
        if link.get("anchor_text"):
            # Hidden behind anchor text: the URL is only in the annotation, the anchor on the page.
            assert url in uris, url
            assert _squash(link["anchor_text"]) in text
            assert _squash(bare) not in text, f"{url} is printed, so it is not hidden"
        else:
            assert _squash(bare) in text or url in uris, url
