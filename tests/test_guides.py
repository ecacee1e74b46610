"""The interviewer's answer guides (taxonomy/questions/*.toml `guide` / `worry`, read by analyzer/bank.py,
put on each question by analyzer/questions.py): every bank entry carries its own, and every question of
an interviewer list shows the guide of the template or topic question it came from, never the per-kind
default; a topic question's guide is its own, about that question, not one shared by its topic."""

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
    question = _topic_question(bank, template_id)
    return (question.guide, question.worry) if question is not None else None


def _topic_question(bank: Bank, question_id: str):
    """The topic question '<topic id>.<n>' (None when the id names none)."""
    topic_id, _, number = question_id.rpartition(".")
    if not number.isdigit():
        return None
    try:
        topic = bank.topic(topic_id)
    except KeyError:
        return None
    return next((q for q in topic.questions if q.id == question_id), None)


def test_every_bank_entry_has_a_guide_and_a_worry_of_its_own():
    bank = load_bank()
    defaults = _defaults(bank)
    entries = [(t.id, t.guide, t.worry) for t in bank.templates] + \
        [(q.id, q.guide, q.worry) for t in bank.topics for q in t.questions]
    missing = [entry_id for entry_id, guide, worry in entries
               if not guide or not worry or guide in defaults or worry in defaults]
    assert missing == []


def test_no_two_entries_share_a_guide():
    bank = load_bank()
    seen: dict[str, str] = {}
    shared = []
    # a topic whose rows carry no guide of their own has one guide for all its questions: one entry
    topic_guides = [(q.id, q.guide) for t in bank.topics for q in t.questions if q.has_own_guide] + \
        [(t.id, t.guide) for t in bank.topics if not t.questions[0].has_own_guide]
    for entry_id, guide in [(t.id, t.guide) for t in bank.templates] + topic_guides:
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
    own |= {(q.guide, q.worry) for t in bank.topics for q in t.questions}
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


# --- topic questions: one guide per question -------------------------------------------------------------

QUESTION_FILES = sorted((ROOT / "taxonomy" / "questions").glob("a0[3-9]_*.toml"))


def _topic_ids_in(paths) -> list[str]:
    import tomllib

    return [record["id"] for path in paths for record in tomllib.loads(path.read_text(encoding="utf-8")).get("topic", [])]


def test_every_fundamentals_question_has_its_own_guide_and_worry():
    """On the real taxonomy: every question of the topics in a03..a09 carries a guide and a worry of its
    own (not its topic's, not the per-kind default), none shared with another question."""
    bank = load_bank()
    defaults = _defaults(bank)
    topic_ids = _topic_ids_in(QUESTION_FILES)
    assert len(topic_ids) >= 250
    questions = [q for topic_id in topic_ids for q in bank.topic(topic_id).questions]
    missing = [q.id for q in questions if not q.has_own_guide or not q.guide or not q.worry
               or q.guide in defaults or q.worry in defaults]
    assert missing == []
    assert [t for t in topic_ids if bank.topic(t).guide or bank.topic(t).worry] == []
    guides = [q.guide for q in questions]
    worries = [q.worry for q in questions]
    assert len(set(guides)) == len(guides) and len(set(worries)) == len(worries)


def test_a_topic_question_in_an_interviewer_list_shows_its_own_guide():
    """Through the real pipeline on a sample: a question drawn from a topic shows the guide written for
    that question, which differs from the guides of the topic's other questions."""
    bank = load_bank()
    options = Options(perspective="interviewer", as_of="2026-11", limits=Limits(seconds_per_page=60.0))
    # Updated: an interviewer's list now asks no exam question led in by a line, and baseline questions only
    # to give a thin resume three; the nurse sample's list holds two baseline questions from topics.
    report = analyze(ROOT / "samples" / "non_ds_nurse_maggie_thornbury.pdf", as_of="2026-11", options=options)
    from_topics = [(q, _topic_question(bank, q.template)) for q in report.questions]
    from_topics = [(q, own) for q, own in from_topics if own is not None and own.has_own_guide]
    assert from_topics
    for question, own in from_topics:
        siblings = {q.guide for q in bank.topic(own.id.rpartition(".")[0]).questions if q.id != own.id}
        assert (question.guide, question.worry) == (own.guide, own.worry)
        assert question.guide not in siblings
        assert question.why == f"A strong answer: {own.guide} Worry if: {own.worry}"
