"""Page images with marks: boxes land where the evidence stands, in the right colour."""

from __future__ import annotations

from dataclasses import replace

import pytest

from _helpers_page import hand_report

from analyzer.highlight import render_pages
from analyzer.view import marks

RESOLUTION = 72  # one pixel per PDF point, so boxes map to pixels one to one


@pytest.fixture(scope="module")
def made():
    return hand_report()


def _pixel(image, x: float, y: float) -> tuple[int, int, int]:
    return image.getpixel((int(x), int(y)))[:3]


def test_marks_cover_skill_quotes_and_flagged_claims(made):
    _, report = made
    found = marks(report)
    kinds = {(m.kind, m.label) for m in found}
    assert ("skill", "Python") in kinds
    # the listed-only flag has no evidence of its own: its claim's position is used
    kubernetes_claim = next(c for c in report.claims if c.id == "skill:kubernetes")
    assert any(m.kind == "flag" and m.bbox == kubernetes_claim.evidence[0].bbox for m in found)
    assert all(m.page == 1 for m in found)


def test_boxes_are_drawn_where_the_lines_stand(made):
    data, report = made
    (page,) = render_pages(data, report, resolution=RESOLUTION)
    image = page.image
    assert page.page == 1 and page.marks
    ab_line = next(c for c in report.claims if c.id == "project:ab").evidence[0]
    churn = next(c for c in report.claims if c.id == "result:1").evidence[0]
    # the churn line is a flagged claim: its outline is red, drawn a little outside the line
    x0, top, x1, bottom = churn.bbox
    r, g, b = _pixel(image, (x0 + x1) / 2, top - 2)
    assert r > 150 and g < 120 and b < 120, (r, g, b)
    # the A/B line has no mark (no skill quote, no flag): the same spot above it stays white
    x0, top, x1, bottom = ab_line.bbox
    assert _pixel(image, (x0 + x1) / 2, top - 0.5) == (255, 255, 255)


def _word(report, text: str):
    line = next(line for line in report.resume.document.lines if line.text.startswith("Built a churn"))
    return line, next(w for w in line.words if w.text.strip(",.") == text)


def test_skill_box_surrounds_the_word_not_the_line(made):
    data, report = made
    only_skills = replace(report, flags=())
    (page,) = render_pages(data, only_skills, resolution=RESOLUTION)
    line, python = _word(report, "Python")
    r, g, b = _pixel(page.image, (python.x0 + python.x1) / 2, python.top + 0.5)
    assert g > r and g > b, (r, g, b)
    # the first word of the same line names no skill: nothing is drawn above it
    first = line.words[0]
    assert _pixel(page.image, (first.x0 + first.x1) / 2, first.top + 0.5) == (255, 255, 255)
    assert any(m.kind == "skill" and m.label == "Python" and m.bbox[2] - m.bbox[0] < (line.x1 - line.x0) / 3
               for m in marks(report))


def test_a_skill_inside_a_flagged_line_stays_green(made):
    # The flag's outline has no fill, so the skill's green box is never tinted red (no brown).
    data, report = made
    (page,) = render_pages(data, report, resolution=RESOLUTION)
    _, python = _word(report, "Python")
    r, g, b = _pixel(page.image, python.x0 + 0.5, (python.top + python.bottom) / 2)
    assert g > r and g > b, (r, g, b)


def test_a_described_skill_is_underlined(made):
    from analyzer.models import Skill

    data, report = made
    churn = next(c for c in report.claims if c.id == "result:1").evidence[0]
    described = Skill(id="survival_analysis", name="survival analysis", category="ml_methods", inferred=True,
                      evidence=(churn,))
    found = marks(replace(report, skills=(described,), flags=()))
    assert [(m.kind, m.bbox) for m in found] == [("described", churn.bbox)]


def test_report_without_findings_renders_clean_pages(made):
    data, report = made
    (page,) = render_pages(data, replace(report, skills=(), flags=(), claims=()), resolution=RESOLUTION)
    assert page.marks == ()
    width, height = page.image.size
    assert abs(width - 595) <= 1 and abs(height - 842) <= 1  # A4 in points, at one pixel per point


def test_bounded_rendering_gives_the_same_pages(made):
    from analyzer.highlight import render_pages_bounded

    data, report = made
    (free,) = render_pages(data, report, resolution=RESOLUTION)
    (bounded,) = render_pages_bounded(data, report, resolution=RESOLUTION)
    assert bounded.marks == free.marks
    assert bounded.image.tobytes() == free.image.tobytes()
