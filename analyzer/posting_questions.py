"""Questions a job posting adds to the resume's list, each anchored to the posting line behind it.

    posting_questions(posting, alignment, resume, taxonomy, bank, options=None, rules=None) -> tuple[Question, ...]
    merge_questions(resume_questions, posting_questions, options) -> tuple[Question, ...]

From the alignment (postings.toml ``[[question]]``): a required skill the resume backs strongly gets
a depth question built on the entry that shows it, plus the bank's hardest question on its topic; a
weakly backed or missing one gets the direct "have you used it, how would you get up to speed?"
question quoting the posting's sentence; a years gap gets one question. Responsibilities become
scenario questions (``[[scenario]]``, chosen by the words of the line); the company gets area-11
questions that name it (``[[company_question]]``); and the posting's own lines suggest two
questions for the candidate to ask (``[[ask]]``, area 12).

Every question has ``anchor = "posting"`` (or ``"company"``), the posting sentence as ``quote`` and
no page. ``merge_questions`` keeps the resume's list as it was and makes room for at most
``max_questions`` posting questions (and never more than half the list), dropping the resume's own
area-11/12 questions when the posting supplies its own. Without a posting nothing here runs, so the
resume-only list is unchanged.

Limits: scenario and ask choice is by words in the line, not by meaning; a responsibility that names
no listed word gets no scenario.
"""

from __future__ import annotations

import hashlib
import re

from analyzer.bank import Bank
from analyzer.models import Alignment, AlignmentRow, Options, Posting, Question, Resume
from analyzer.posting import MAX_QUOTE, PostingRules, PostingTemplate
from analyzer.taxonomy import AreaRole, area_of, fill_sentence, load_taxonomy

MAX_SCENARIOS = 3  # responsibilities turned into scenarios: the first few are the core of the job
MAX_ASKS = 2  # questions to ask: two is best (interview map, area 12)
MAX_WEAK_PREFERRED = 2  # nice-to-haves asked about: they matter less than what is required
MAX_DEPTH = 4  # strongly backed required skills given a depth question (the hardest first)
FIRST_EXPOSED = 4  # exposed requirements asked before the strengths get their turn
MAX_COMPANY = 2  # know-the-company questions: two are enough to show preparation
SHARE = 0.5  # posting questions take at most this share of the list


def _qid(template_id: str, anchor: str) -> str:
    return "q-" + hashlib.sha1(f"posting|{template_id}|{anchor}".encode()).hexdigest()[:12]


def _short(line: str) -> str:
    line = " ".join(line.split()).rstrip(".")
    return line if len(line) <= MAX_QUOTE else line[:MAX_QUOTE].rsplit(" ", 1)[0] + "…"


def _lower_first(line: str) -> str:
    # "Build pipelines" reads as "will \"build pipelines\"" inside a sentence; acronyms stay.
    return line[:1].lower() + line[1:] if line[:2].isalpha() and not line[:2].isupper() else line


def _allowed(area: int, difficulty: int, options: Options) -> bool:
    return (not options.areas or area in options.areas) and options.min_difficulty <= difficulty <= options.max_difficulty


class _Builder:
    def __init__(self, posting: Posting, rules: PostingRules, options: Options) -> None:
        self.posting, self.rules, self.options = posting, rules, options
        self.out: list[Question] = []
        self.seen: set[str] = set()

    def why(self, anchor: str, **fields: str) -> str:
        perspective = self.options.perspective if self.options.perspective in self.rules.why else "candidate"
        return self.rules.why[perspective][anchor].format_map({"line": "", "company": "", **fields})

    def add(self, template: PostingTemplate, slots: dict[str, str], *, anchor_id: str, quote: str, topic: str,
            why: str, anchor: str = "posting", claim_id: str | None = None) -> bool:
        needed = set(re.findall(r"\{(\w+)\}", template.text))
        if any(not slots.get(name) for name in needed) or not _allowed(template.area, template.difficulty, self.options):
            return False
        text = fill_sentence(template.text, slots)
        if text in self.seen:
            return False
        self.seen.add(text)
        self.out.append(Question(
            id=_qid(template.id, anchor_id), text=text, area=template.area, kind=template.kind,
            difficulty=template.difficulty, topic=topic, why=self.guided_why(why, template.guide, template.worry),
            anchor=anchor, claim_id=claim_id, quote=quote,
            followups=tuple(fill_sentence(f, slots) for f in template.followups),
            guide=template.guide, worry=template.worry))
        return True

    def guided_why(self, why: str, guide: str, worry: str) -> str:
        """For the interviewer the "why" becomes the answer guide, as on the resume's own questions."""
        if self.options.perspective != "interviewer" or not guide:
            return why
        return f"A strong answer: {guide} Worry if: {worry}"


def _use(row: AlignmentRow, rules: PostingRules) -> str:
    if row.status == "strong":
        return "strong"
    if row.status == "missing":
        return "missing_related" if row.related else "missing"
    if rules.alignment["listed_only"] in row.reasons:
        return "listed_only"
    if row.last_used and any(r.startswith(rules.alignment["stale"].split("{")[0]) for r in row.reasons):
        return "stale"
    return "weak"


def _skill_questions(build: _Builder, alignment: Alignment, bank: Bank | None) -> None:
    rules = build.rules
    by_use: dict[str, list[PostingTemplate]] = {}
    for template in rules.questions:
        by_use.setdefault(template.use, []).append(template)
    required = [r for r in alignment.rows if r.required]
    exposed = [r for r in required if r.status != "strong"]
    preferred = [r for r in alignment.rows if not r.required and r.status != "strong"][:MAX_WEAK_PREFERRED]
    strong = [r for r in required if r.status == "strong"][:MAX_DEPTH]
    # WHY this order: what the posting requires and the resume leaves exposed is what an interviewer
    # for this job probes first; then the strengths, asked harder; then the nice-to-haves.
    for row in exposed[:FIRST_EXPOSED] + strong[:2] + exposed[FIRST_EXPOSED:] + strong[2:] + preferred:
        use = _use(row, rules)
        evidence = row.evidence[0] if row.evidence else None
        slots = {"skill": row.name, "line": _short(row.posting_quote),
                 "related": row.related, "year": (row.last_used or "")[:4],
                 "project": evidence.entry if evidence else ""}
        claim_id = f"skill:{row.skill_id}" if row.evidence else None
        why = build.why("posting", line=_short(row.posting_quote))
        for template in by_use.get(use, []):
            if build.add(template, slots, anchor_id=row.skill_id, quote=row.posting_quote, topic=row.name, why=why,
                         claim_id=claim_id):
                break
        if use == "strong" and bank is not None:
            _bank_depth(build, row, bank, why, claim_id)


def _bank_depth(build: _Builder, row: AlignmentRow, bank: Bank, why: str, claim_id: str | None) -> None:
    """The bank's hardest question on the first topic the skill triggers: the depth a strong claim earns."""
    for topic in bank.topics_for((row.skill_id,))[:1]:
        questions = sorted(topic.questions, key=lambda q: -q.difficulty)
        for chosen in questions:
            if not _allowed(topic.area, chosen.difficulty, build.options) or chosen.text in build.seen:
                continue
            build.seen.add(chosen.text)
            build.out.append(Question(
                id=_qid(chosen.id, row.skill_id), text=chosen.text, area=topic.area, kind=chosen.kind,
                difficulty=chosen.difficulty, topic=topic.title, why=build.guided_why(why, chosen.guide, chosen.worry),
                anchor="posting", claim_id=claim_id, quote=row.posting_quote, guide=chosen.guide, worry=chosen.worry))
            return


def _years_question(build: _Builder, alignment: Alignment) -> None:
    if not alignment.years_asked or alignment.years_shown >= alignment.years_asked:
        return
    line = _short(alignment.years_quote)
    shown = f"{alignment.years_shown:g} year{'s' if alignment.years_shown != 1 else ''}"
    for template in (t for t in build.rules.questions if t.use == "years"):
        build.add(template, {"years": str(alignment.years_asked), "shown": shown, "line": line},
                  anchor_id="years", quote=alignment.years_quote, topic="years of experience",
                  why=build.why("posting", line=line))


def _has_word(line: str, words: tuple[str, ...]) -> bool:
    lowered = line.lower()
    return any(re.search(r"(?<![\w-])" + re.escape(w), lowered) for w in words)


def _scenarios(build: _Builder) -> None:
    used: set[str] = set()
    count = 0
    for line in build.posting.responsibilities:
        if count >= MAX_SCENARIOS:
            break
        template = next((t for t in build.rules.scenarios if t.id not in used and _has_word(line, t.words)), None)
        if template is None:
            continue
        quote = _short(line)
        if build.add(template, {"line": _lower_first(quote)}, anchor_id=quote, quote=line,
                     topic="the role", why=build.why("posting", line=quote)):
            used.add(template.id)
            count += 1


def _company(build: _Builder) -> None:
    posting = build.posting
    if not posting.company:
        return
    slots = {"company": posting.company, "domain": posting.domain[0] if posting.domain else "",
             "title": f"{_article(posting.title)} {posting.title}" if posting.title else ""}
    why = build.why("company", company=posting.company)
    quote = next((line for kind in ("about", "intro", "role") for s in posting.sections if s.kind == kind
                  for line in s.lines if posting.company in line), "")
    added = 0
    for template in build.rules.company_questions:
        if added < MAX_COMPANY and build.add(template, slots, anchor_id=posting.company.lower(), quote=quote,
                                             topic="the company", why=why, anchor="company"):
            added += 1


def _article(title: str) -> str:
    return "an" if title[:1].lower() in "aeiou" else "a"


def _asks(build: _Builder) -> None:
    lines = [line for s in build.posting.sections if s.kind not in ("benefits", "intro") for line in s.lines]
    count = 0
    for template in build.rules.asks:
        if count >= MAX_ASKS:
            break
        line = next((line for line in lines if _has_word(line, template.words)), None)
        if line is None:
            continue
        quote = _short(line)
        if build.add(template, {"line": quote}, anchor_id=quote, quote=line, topic="questions to ask",
                     why=build.why("ask", line=quote)):
            count += 1


def posting_questions(posting: Posting, alignment: Alignment, resume: Resume | None, taxonomy=None,
                      bank: Bank | None = None, options: Options | None = None,
                      rules: PostingRules | None = None) -> tuple[Question, ...]:
    """The posting's questions, most pressing first: exposed requirements, strengths, years, the
    role's scenarios, the company, then the questions to ask."""
    build = _Builder(posting, rules or (taxonomy or load_taxonomy()).postings, options or Options())
    _skill_questions(build, alignment, bank)
    _years_question(build, alignment)
    _scenarios(build)
    _company(build)
    _asks(build)
    return tuple(build.out)


def merge_questions(resume_questions: tuple[Question, ...], from_posting: tuple[Question, ...], options: Options,
                    rules: PostingRules | None = None) -> tuple[Question, ...]:
    """The posting's questions (up to ``max_questions``, at most half the list) and the resume's, in that order."""
    rules = rules or load_taxonomy().postings
    count = options.question_count
    keep = _balanced(from_posting, min(rules.max_questions, int(count * SHARE)))
    own_areas = {q.area for q in keep if q.area in {area_of(role) for role in AreaRole}}
    resume_part = [q for q in resume_questions if q.area not in own_areas]
    seen = {q.text for q in keep}
    resume_part = [q for q in resume_part if q.text not in seen]
    return tuple(keep + resume_part[:max(0, count - len(keep))])


def _balanced(questions: tuple[Question, ...], limit: int) -> list[Question]:
    """At most ``limit`` questions, keeping some of each kind of source (skills, scenarios, company, asks)."""
    if len(questions) <= limit:
        return list(questions)
    groups: dict[str, list[Question]] = {}
    for q in questions:
        key = "company" if q.anchor == "company" else "ask" if q.area == area_of(AreaRole.ASK) else (
            "scenario" if q.topic == "the role" else "skill")
        groups.setdefault(key, []).append(q)
    picked: list[Question] = []
    order = ["skill", "scenario", "company", "ask"]
    while len(picked) < limit and any(groups.values()):
        for key in order:
            if groups.get(key) and len(picked) < limit:
                picked.append(groups[key].pop(0))
    position = {q.id: n for n, q in enumerate(questions)}
    return sorted(picked, key=lambda q: position[q.id])
