"""The interviewer's answer guides (taxonomy/questions/*.toml `guide` / `worry`, read by analyzer/bank.py,
put on each question by analyzer/questions.py): every bank entry carries its own, and every question of
an interviewer list shows the guide of the template or topic it came from, never the per-kind default."""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.bank import Bank
from analyzer.models import Limits, Options
from analyzer.pipeline import analyze
from analyzer.taxonomy import load_bank, load_taxonomy

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.pdf"))


def _defaults(bank: Bank) -> set[str]:
    return {text for _, pair in bank.guides for text in pair}


def _source_guide(bank: Bank, template_id: str) -> tuple[str, str] | None:
    """The (guide, worry) written on the bank entry a question came from: a template by its id, or a
    topic by its question id '<topic id>.<n>'. None when the id names neither."""
    for template in bank.templates:
        if template.id == template_id:
            return template.guide, template.worry
    topic_id, _, number = template_id.rpartition(".")
    if number.isdigit():
        try:
            topic = bank.topic(topic_id)
        except KeyError:
            return None
        return topic.guide, topic.worry
    return None


def test_every_bank_entry_has_a_guide_and_a_worry_of_its_own():
    bank = load_bank()
    defaults = _defaults(bank)
    entries = [(t.id, t.guide, t.worry) for t in bank.templates] + [(t.id, t.guide, t.worry) for t in bank.topics]
    missing = [entry_id for entry_id, guide, worry in entries
               if not guide or not worry or guide in defaults or worry in defaults]
    assert missing == []


def test_no_two_entries_share_a_guide():
    bank = load_bank()
    seen: dict[str, str] = {}
    shared = []
    for entry_id, guide in [(t.id, t.guide) for t in bank.templates] + [(t.id, t.guide) for t in bank.topics]:
        if guide in seen:
            shared.append((seen[guide], entry_id))
        seen.setdefault(guide, entry_id)
    assert shared == []


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_every_interviewer_question_carries_its_own_guide(path):
    """Through the real pipeline: each question's guide and worry are those of its own template or topic."""
    bank = load_bank()
    defaults = _defaults(bank)
    options = Options(perspective="interviewer", as_of="2026-11", limits=Limits(seconds_per_page=60.0))
    report = analyze(path, as_of="2026-11", options=options)
    assert report.questions
    wrong = []
    for q in report.questions:
        own = _source_guide(bank, q.template)
        if own is None or not own[0] or (q.guide, q.worry) != own or q.guide in defaults:
            wrong.append((q.template, q.text))
    assert wrong == []


JOBS = sorted(p for p in (ROOT / "samples" / "jobs").glob("*") if p.suffix in (".md", ".txt") and p.stem != "README")


@pytest.mark.parametrize("job", JOBS, ids=lambda p: p.stem)
def test_the_questions_a_posting_adds_carry_their_own_guide(job):
    """With a job posting, its questions (taxonomy/postings.toml, and the bank topic a strong skill earns)
    carry a guide and a worry too, and for the interviewer the "why" is that guide."""
    rules = load_taxonomy().postings
    bank = load_bank()
    own = {(t.guide, t.worry) for t in (*rules.questions, *rules.scenarios, *rules.company_questions, *rules.asks)}
    own |= {(t.guide, t.worry) for t in bank.topics}
    options = Options(perspective="interviewer", as_of="2026-11", limits=Limits(seconds_per_page=60.0))
    report = analyze(ROOT / "samples" / "analyst_priya_natarajan.pdf", as_of="2026-11", options=options, job=job)
    from_posting = [q for q in report.questions if q.anchor in ("posting", "company")]
    assert from_posting
    wrong = [q.text for q in from_posting if not q.guide or (q.guide, q.worry) not in own
             or q.why != f"A strong answer: {q.guide} Worry if: {q.worry}"]
    assert wrong == []


def test_every_posting_template_has_a_guide_and_a_worry():
    rules = load_taxonomy().postings
    templates = (*rules.questions, *rules.scenarios, *rules.company_questions, *rules.asks)
    assert [t.id for t in templates if not t.guide or not t.worry] == []
