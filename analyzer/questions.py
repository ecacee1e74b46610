"""Step 6: the questions an interviewer is likely to ask, each tied to the resume line behind it.

    generate_questions(resume, skills, claims, flags, taxonomy, bank=None, options=None)
        -> tuple[Question, ...]

Candidates come from four sources, all worded in ``taxonomy/questions/`` (see analyzer/bank.py):

- claims: slot templates for the claim's kind (deep dive, "what would you use instead", the
  "90% to 91%" questions for results, walk-through/design/testing/change for links), plus the
  fundamentals of every bank topic the claim's skills trigger. Depth follows the evidence: a
  well-backed claim gets the harder topic question (and the ``backed`` templates), a flagged or
  thinly backed one the easier question that tests whether it can be defended (``weak``).
- flags: the question an interviewer asks because of each flag.
- baseline: the bank's ``baseline`` topics not already covered by a personalised question.
- area 11 (only when ``options.company`` is set) and area 12 (questions to ask, by strengths).

Ranking (scikit-learn): TF-IDF cosine between a question's topic text and the evidence of its
claim, plus exposure (flag severity) and a prior per anchor; then a greedy pick with an area-balance
penalty, a per-claim penalty, near-duplicate removal (cosine >= ``DUPLICATE``) and small quotas for baseline and
area-12 questions. Fully deterministic: ids are hashes of template id + anchor id, ties break on ids.

Known limits: relevance is lexical (TF-IDF), not semantic; the "no unclaimed skill" rule is
structural (a topic must be triggered by a claimed skill), so a compare question may still name
the method it is compared with, and ``{alternative}`` names a skill on purpose.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from analyzer.bank import Bank, Template, Topic, load_bank
from analyzer.models import Claim, Evidence, Flag, Options, Question, Resume, Skill
from analyzer.taxonomy import Taxonomy, fill_sentence

DUPLICATE = 0.8  # cosine between two picked questions above which the second is dropped
BACKED = 65  # defensibility at or above which a claim counts as well backed
WEAK = 35  # below this (or flagged) a claim gets the can-you-defend-it questions
STRONG_SKILL = 0.5  # Skill.strength from which a skill counts as a strength (area 12)
TEMPLATE_PENALTY = 0.5  # WHY: the same template on twenty skills reads as a form, not an interview
CLAIM_PENALTY = 0.5  # WHY: five questions on one gist would crowd out the rest of the resume
AREA_PENALTY = 0.35  # each question already picked in an area divides the next one's score by 1 + this * n
# WHY these priors: a flag is the clearest reason an interviewer asks; claim templates read the
# resume itself; topic fundamentals are one step removed; the baseline is generic.
_PRIOR = {"flag": 1.0, "claim": 0.8, "topic": 0.6, "baseline": 0.25, "ask": 0.3, "company": 0.5}
_SEVERITY = {"high": 0.6, "medium": 0.4, "low": 0.2, "info": 0.1}


@dataclass(frozen=True, slots=True)
class _Candidate:
    question: Question
    source: str  # a key of _PRIOR
    template_id: str
    score: float
    relevance_text: str  # the topic words compared with the evidence
    evidence_text: str
    bank_text: str = ""  # the bank's wording before slots are filled, follow-ups included


# --- slots -------------------------------------------------------------------------------------------


def _skill_name(skill_id: str, skills: dict[str, Skill], taxonomy: Taxonomy) -> str:
    if skill_id in skills:
        return skills[skill_id].name
    try:
        return taxonomy.skill(skill_id).name
    except KeyError:
        return ""


def _year(evidence: Evidence | None, as_of: str) -> str:
    if evidence is None:
        return ""
    for date in (evidence.end, evidence.start):
        if date == "present":
            return as_of[:4]
        if date and re.match(r"\d{4}", date):
            return date[:4]
    return ""


def _organization(resume: Resume | None, evidence: Evidence | None) -> str:
    if resume is None or evidence is None or not evidence.entry:
        return ""
    for entry in resume.entries:
        if entry.label == evidence.entry:
            return entry.organization
    return ""


@dataclass(frozen=True, slots=True)
class _Context:
    resume: Resume | None
    skills: dict[str, Skill]
    claims: dict[str, Claim]
    taxonomy: Taxonomy
    bank: Bank
    options: Options
    as_of: str
    claimed: frozenset[str]  # skill ids the resume claims


def _alternative(skill_id: str, ctx: _Context) -> str:
    """The first sensible alternative the resume does not already claim (else the first one)."""
    alternatives = ctx.bank.alternatives_of(skill_id)
    fresh = [a for a in alternatives if a not in ctx.claimed] or list(alternatives)
    return _skill_name(fresh[0], ctx.skills, ctx.taxonomy) if fresh else ""


def _claim_slots(claim: Claim | None, evidence: tuple[Evidence, ...], ctx: _Context) -> dict[str, str]:
    first = (claim.evidence[0] if claim and claim.evidence else None) or (evidence[0] if evidence else None)
    slots = {"organization": _organization(ctx.resume, first), "year": _year(first, ctx.as_of),
             "project": first.entry if first else ""}
    if claim is None:
        return slots
    skill_id = claim.skill_ids[0] if claim.skill_ids else ""
    if skill_id:
        slots["skill"] = _skill_name(skill_id, ctx.skills, ctx.taxonomy)
        slots["alternative"] = _alternative(skill_id, ctx)
    if claim.kind == "project":
        slots["project"] = claim.detail("name") or claim.text
    if claim.kind == "skill" and claim.detail("last_used"):
        slots["year"] = claim.detail("last_used")[:4]
    if claim.detail("year"):
        slots["year"] = claim.detail("year")[:4]
    for key in ("metric", "value", "baseline"):
        slots[key] = claim.detail(key)
    slots["result"] = result_phrase(claim) if claim.kind == "result" else ""
    if not re.search(r"\d", slots["baseline"]):
        # WHY: {baseline} reads as a starting value ("from {baseline} to {value}"); a compared-with
        # model ("the seasonal-naive forecast") does not fit there, so those templates are skipped.
        slots["baseline"] = ""
    links = claim.detail("url") or claim.detail("links")
    slots["link"] = links.split()[0] if links else ""
    return {key: value.strip() for key, value in slots.items()}


def result_phrase(claim: Claim) -> str:
    """A result as a reader would say it: 'an 18% reduction in mean absolute error', 'AUC of 0.81',
    'conversion moving from 90% to 91%'. WHY: a template cannot know whether the value is a level
    or a change, and 'improving error to 18%' misreads 'cut error by 18%'."""
    metric, value, start = claim.detail("metric"), claim.detail("value"), claim.detail("baseline")
    direction = claim.detail("direction")
    if not value:
        return ""
    if direction in ("up", "down") and re.search(r"\d", start):
        return f"{metric} moving from {start} to {value}" if metric else f"a move from {start} to {value}"
    if direction in ("up", "down"):
        change = f"{_article(value)} {value} {'increase' if direction == 'up' else 'reduction'}"
        return f"{change} in {metric}" if metric else change
    return f"{metric} of {value}" if metric else value


def _article(value: str) -> str:
    # "an 18%", "an 8x", "an 11%": the number is read aloud starting with a vowel sound.
    digits = re.sub(r"^\D+", "", value)
    return "an" if re.match(r"8|11(?!\d{2})|18(?!\d{2})", digits) and not value.startswith(("$", "€", "£")) else "a"


def _fill(template: Template, slots: dict[str, str]) -> tuple[str, tuple[str, ...]] | None:
    """The text and follow-ups with slots filled, or None when a slot has no value for this claim."""
    if any(not slots.get(name) for name in template.slots):
        return None
    return fill_sentence(template.text, slots), tuple(fill_sentence(f, slots) for f in template.followups)


# --- helpers -----------------------------------------------------------------------------------------


def _raw(template: Template) -> str:
    return " ".join((template.text, *template.followups))


def _qid(template_id: str, anchor_id: str) -> str:
    return "q-" + hashlib.sha1(f"{template_id}|{anchor_id}".encode()).hexdigest()[:12]


def _why(ctx: _Context, anchor: str, **fields: str) -> str:
    text = ctx.bank.why_text(ctx.options.perspective, anchor)
    defaults = {"quote": "", "page": "?", "message": "", "company": "", "strengths": ""}
    return text.format_map({**defaults, **fields})


def _evidence_text(evidence: tuple[Evidence, ...]) -> str:
    return " ".join(e.quote for e in evidence)


def _depth(claim: Claim, flagged: set[str]) -> str:
    if claim.id in flagged or claim.defensibility < WEAK:
        return "weak"
    return "backed" if claim.defensibility >= BACKED else "mid"


@lru_cache(maxsize=4)
def skill_name_pattern(taxonomy: Taxonomy) -> tuple[re.Pattern[str], dict[str, str]]:
    """One regex over the skill names of three letters or more ('R' and 'Go' are words too)."""
    names = {s.name.lower(): s.id for s in taxonomy.skills if len(s.name) >= 3}
    alternation = "|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n)))
    return re.compile(r"(?<![\w-])(?:" + alternation + r")(?![\w-])", re.IGNORECASE), names


@lru_cache(maxsize=4096)
def mentioned_skills(text: str, taxonomy: Taxonomy) -> frozenset[str]:
    """Ids of the taxonomy skills whose canonical name appears in ``text`` (longest name wins)."""
    if not taxonomy.skills:
        return frozenset()
    pattern, names = skill_name_pattern(taxonomy)
    return frozenset(names[m.group(0).lower()] for m in pattern.finditer(text))


def allowed_mentions(claimed: frozenset[str], taxonomy: Taxonomy) -> frozenset[str]:
    """The claimed skills and their ancestors: what a personalised question may name."""
    return claimed | frozenset(a for c in claimed if taxonomy.knows(c) for a in taxonomy.ancestors(c))


def _in_range(difficulty: int, options: Options) -> bool:
    return options.min_difficulty <= difficulty <= options.max_difficulty


def _pick_topic_question(topic: Topic, depth: str, options: Options) -> tuple[int, ...]:
    """Indexes of the topic's questions in order of preference for this evidence depth."""
    want = {"backed": (3, 2, 1), "mid": (2, 1, 3), "weak": (1, 2, 3)}[depth]
    order = sorted(range(len(topic.questions)), key=lambda i: (want.index(topic.questions[i].difficulty), i))
    return tuple(i for i in order if _in_range(topic.questions[i].difficulty, options))


def _allowed(area: int, difficulty: int, options: Options) -> bool:
    return (not options.areas or area in options.areas) and _in_range(difficulty, options)


# --- candidates --------------------------------------------------------------------------------------


def _from_claims(claims: tuple[Claim, ...], flagged: set[str], ctx: _Context) -> list[_Candidate]:
    out: list[_Candidate] = []
    templates = ctx.bank.templates_for("claim")
    for claim in claims:
        depth = _depth(claim, flagged)
        quote = claim.evidence[0].quote if claim.evidence else claim.text
        page = claim.evidence[0].page if claim.evidence else None
        why = _why(ctx, "claim", quote=quote, page=str(page or "?"))
        evidence = _evidence_text(claim.evidence) or claim.text
        slots = _claim_slots(claim, (), ctx)
        for template in templates:
            if template.claim_kind != claim.kind or template.depth not in ("any", depth):
                continue
            if not _allowed(template.area, template.difficulty, ctx.options):
                continue
            filled = _fill(template, slots)
            if filled is None:
                continue
            text, followups = filled
            question = Question(id=_qid(template.id, claim.id), text=text, area=template.area, kind=template.kind,
                                difficulty=template.difficulty, topic=claim.text[:80], why=why, anchor="claim",
                                claim_id=claim.id, quote=quote, page=page, followups=followups)
            out.append(_Candidate(question, "claim", template.id, 0.0, text, evidence, _raw(template)))
        out.extend(_fundamentals(claim, depth, why, quote, page, evidence, ctx))
    return out


def _fundamentals(claim: Claim, depth: str, why: str, quote: str, page: int | None, evidence: str,
                  ctx: _Context) -> list[_Candidate]:
    """One question per bank topic the claim's skills trigger, its difficulty set by the evidence."""
    out: list[_Candidate] = []
    for topic in ctx.bank.topics_for(claim.skill_ids):
        if ctx.options.areas and topic.area not in ctx.options.areas:
            continue
        order = _pick_topic_question(topic, depth, ctx.options)
        if not order:
            continue
        chosen = topic.questions[order[0]]
        followups = tuple(topic.questions[i].text for i in order[1:2]) if depth == "backed" else ()
        question = Question(id=_qid(chosen.id, claim.id), text=chosen.text, area=topic.area, kind=chosen.kind,
                            difficulty=chosen.difficulty, topic=topic.title, why=why, anchor="claim",
                            claim_id=claim.id, quote=quote, page=page, followups=followups)
        out.append(_Candidate(question, "topic", chosen.id, 0.0, f"{topic.title} {chosen.text}", evidence,
                              " ".join((chosen.text, *followups))))
    return out


def _from_flags(flags: tuple[Flag, ...], ctx: _Context) -> list[_Candidate]:
    out: list[_Candidate] = []
    templates = ctx.bank.templates_for("flag")
    for n, flag in enumerate(flags):
        claim = ctx.claims.get(flag.claim_id or "")
        evidence = flag.evidence or (claim.evidence if claim else ())
        quote = evidence[0].quote if evidence else ""
        page = evidence[0].page if evidence else None
        slots = _claim_slots(claim, evidence, ctx)
        anchor_id = f"{flag.code}|{flag.claim_id or n}"
        for template in templates:
            if template.flag != flag.code or not _allowed(template.area, template.difficulty, ctx.options):
                continue
            filled = _fill(template, slots)
            if filled is None:
                continue
            text, followups = filled
            question = Question(id=_qid(template.id, anchor_id), text=text, area=template.area, kind=template.kind,
                                difficulty=template.difficulty, topic=flag.code.replace("_", " "),
                                why=_why(ctx, "flag", message=flag.message), anchor="flag", claim_id=flag.claim_id,
                                flag_code=flag.code, quote=quote, page=page, followups=followups)
            score = _SEVERITY.get(flag.severity, 0.1)
            out.append(_Candidate(question, "flag", template.id, score, text, _evidence_text(evidence), _raw(template)))
    return out


def _from_baseline(used_topics: set[str], ctx: _Context) -> list[_Candidate]:
    out: list[_Candidate] = []
    for topic in ctx.bank.topics:
        if not topic.baseline or topic.id in used_topics:
            continue
        if ctx.options.areas and topic.area not in ctx.options.areas:
            continue
        order = _pick_topic_question(topic, "weak", ctx.options)  # the baseline starts from the basics
        if not order:
            continue
        chosen = topic.questions[order[0]]
        question = Question(id=_qid(chosen.id, "baseline"), text=chosen.text, area=topic.area, kind=chosen.kind,
                            difficulty=chosen.difficulty, topic=topic.title, why=_why(ctx, "baseline"),
                            anchor="baseline")
        out.append(_Candidate(question, "baseline", chosen.id, 0.0, f"{topic.title} {chosen.text}", ""))
    return out


def _strengths(skills: tuple[Skill, ...], claims: tuple[Claim, ...], ctx: _Context) -> dict[str, str]:
    """Strength key -> the claim id that shows it (skill ids with their ancestors, and claim kinds)."""
    found: dict[str, str] = {}
    for skill in sorted(skills, key=lambda s: (-s.strength, s.id)):
        if skill.listed_only or skill.strength < STRONG_SKILL:
            continue
        ancestors = ctx.taxonomy.ancestors(skill.id) if ctx.taxonomy.knows(skill.id) else ()
        for key in (skill.id, *ancestors, f"category:{skill.category}"):
            found.setdefault(key, f"skill:{skill.id}")
    for claim in claims:
        if claim.kind in ("link", "publication", "talk", "patent"):
            found.setdefault(claim.kind, claim.id)
    return found


def _from_asks(skills: tuple[Skill, ...], claims: tuple[Claim, ...], ctx: _Context) -> list[_Candidate]:
    if ctx.options.areas and 12 not in ctx.options.areas:
        return []
    strengths = _strengths(skills, claims, ctx)
    out: list[_Candidate] = []
    for template in ctx.bank.templates_for("ask"):
        matched = [s for s in template.strengths if s in strengths]
        names = [_skill_name(s, ctx.skills, ctx.taxonomy) or s.replace("_", " ") for s in matched]
        label = ", ".join(names[:2]) or "working in a team"
        claim_id = strengths[matched[0]] if matched else None
        claim = ctx.claims.get(claim_id or "")
        question = Question(
            id=_qid(template.id, claim_id or "ask"), text=template.text, area=12, kind=template.kind,
            difficulty=template.difficulty, topic="questions to ask", why=_why(ctx, "ask", strengths=label),
            anchor="claim" if claim else "baseline", claim_id=claim.id if claim else None,
            quote=claim.evidence[0].quote if claim and claim.evidence else "",
            page=claim.evidence[0].page if claim and claim.evidence else None)
        # WHY: matched asks first; "any" ones next; the rest only fill the two-question quota.
        bonus = 0.2 * len(matched) if matched else (0.1 if "any" in template.strengths else 0.0)
        out.append(_Candidate(question, "ask", template.id, bonus, template.text, ""))
    return out


def _from_company(ctx: _Context) -> list[_Candidate]:
    company = " ".join(ctx.options.company.split())[:80]
    if not company or (ctx.options.areas and 11 not in ctx.options.areas):
        return []
    out = []
    for template in ctx.bank.templates_for("company"):
        if not _in_range(template.difficulty, ctx.options):
            continue
        text, followups = _fill(template, {"organization": company}) or (template.text, ())
        question = Question(id=_qid(template.id, company.lower()), text=text, area=11, kind=template.kind,
                            difficulty=template.difficulty, topic="the company",
                            why=_why(ctx, "company", company=company), anchor="baseline", followups=followups)
        out.append(_Candidate(question, "company", template.id, 0.0, text, ""))
    return out


def _fair(candidates: list[_Candidate], ctx: _Context) -> list[_Candidate]:
    """Drop personalised questions that name a skill the resume does not claim.

    WHY: a question tied to a resume line should not test a method the candidate never mentioned;
    that belongs to the baseline. The ``{alternative}`` a template names on purpose is allowed.
    """
    allowed = allowed_mentions(ctx.claimed, ctx.taxonomy)
    return [c for c in candidates
            if c.question.anchor == "baseline" or not mentioned_skills(c.bank_text, ctx.taxonomy) - allowed]


# --- ranking -----------------------------------------------------------------------------------------


def _score(candidates: list[_Candidate]) -> list[_Candidate]:
    """Add relevance (TF-IDF cosine of topic text with evidence) to the prior and exposure scores."""
    texts = [c.relevance_text for c in candidates] + [c.evidence_text for c in candidates]
    if not any(t.strip() for t in texts):
        return candidates
    vectors = _tfidf(texts, stop_words="english")
    n = len(candidates)
    relevance = vectors[:n].multiply(vectors[n:]).sum(axis=1).A1  # rows are L2-normalised: dot = cosine
    return [replace(c, score=round(_PRIOR[c.source] + c.score + float(r), 9))
            for c, r in zip(candidates, relevance)]


def _tfidf(texts: list[str], **options):
    """TfidfVectorizer(sublinear_tf=True, **options).fit_transform(texts), each distinct text analysed once.

    WHY: candidates share topic, evidence and question texts; the matrix is the same, the work a
    fraction (counting dominates, and IDF is still taken over every row).
    """
    from analyzer.tfidf import tfidf_counts, tfidf_weigh  # scikit-learn's numbers, without its import time

    unique = sorted(set(texts))
    row_of = {text: i for i, text in enumerate(unique)}
    return tfidf_weigh(tfidf_counts(unique, **options)[[row_of[t] for t in texts]])


def _dedupe_per_template(candidates: list[_Candidate]) -> list[_Candidate]:
    """At most one question per template per claim (each topic question once overall: see _select)."""
    best: dict[tuple[str, str], _Candidate] = {}
    for c in candidates:
        key = (c.template_id, c.question.claim_id or c.question.id)
        if key not in best or _order_key(c) < _order_key(best[key]):
            best[key] = c
    return list(best.values())


def _order_key(c: _Candidate) -> tuple[float, str, str]:
    return (-c.score, c.template_id, c.question.id)


def _select(candidates: list[_Candidate], count: int) -> list[_Candidate]:
    """Greedy pick: the best value each round, where a question's value is its score divided by
    penalties for its area, template and claim already having questions; quotas keep room for
    a few baseline and questions-to-ask; near-duplicates of a picked question are skipped."""
    import numpy as np

    if not candidates or count <= 0:
        return []
    ordered = sorted(candidates, key=_order_key)
    n = len(ordered)
    vectors = _tfidf([c.question.text for c in ordered], ngram_range=(1, 2))
    similarity = (vectors @ vectors.T).toarray()  # rows are L2-normalised: cosine of every pair, once

    def index_of(keys: list) -> np.ndarray:
        ids: dict = {}
        return np.array([ids.setdefault(k, len(ids)) for k in keys], dtype=np.intp)

    score = np.array([c.score for c in ordered])
    area = index_of([c.question.area for c in ordered])
    template = index_of([c.template_id for c in ordered])
    penalised = [bool(c.question.claim_id) and c.source != "ask" for c in ordered]
    claim = index_of([c.question.claim_id if p else "" for c, p in zip(ordered, penalised)])
    penalised = np.array(penalised)
    is_ask = np.array([c.source == "ask" for c in ordered])
    is_base = np.array([c.source == "baseline" for c in ordered])
    asked_once = np.array([c.source in ("topic", "baseline") for c in ordered])  # each topic question once overall
    per_area, per_template, per_claim = (np.zeros(k.max() + 1) for k in (area, template, claim))
    asked = np.zeros(template.max() + 1, dtype=bool)
    remaining = np.ones(n, dtype=bool)

    quota_ask = min(3 if count >= 30 else 2, int(is_ask.sum()), count)
    quota_base = min(max(1, count // 8), int(is_base.sum()))
    picked: list[int] = []
    texts: set[str] = set()
    n_ask = n_base = 0
    while remaining.any() and len(picked) < count:
        # Room: a question to ask only within its quota; the others only while the slots
        # reserved for the quotas not yet filled stay free.
        reserved_ask = quota_ask - n_ask
        room = np.where(is_ask, n_ask < quota_ask,
                        len(picked) + reserved_ask + np.where(is_base, 0, max(0, quota_base - n_base)) < count)
        open_ = remaining & room & ~(asked_once & asked[template])
        if not open_.any():
            if quota_ask > n_ask or quota_base > n_base:  # a reserved slot cannot be filled: free it
                quota_ask, quota_base = n_ask, n_base
                continue
            break
        value = score / (1 + AREA_PENALTY * per_area[area]) / (1 + TEMPLATE_PENALTY * per_template[template])
        value = np.where(penalised, value / (1 + CLAIM_PENALTY * per_claim[claim]), value)
        best = int(np.argmax(np.where(open_, value, -np.inf)))  # ties: the earlier in _order_key order
        remaining[best] = False
        chosen = ordered[best]
        if chosen.question.text in texts:
            continue  # a template without slots reads the same for every claim: ask it once
        others = [i for i in picked if template[i] != template[best]]
        if others and similarity[best, others].max() >= DUPLICATE:
            continue  # WHY: a near-copy of a picked question adds nothing (one template on two claims may stay)
        picked.append(best)
        texts.add(chosen.question.text)
        asked[template[best]] = True
        per_template[template[best]] += 1
        per_area[area[best]] += 1
        if penalised[best]:
            per_claim[claim[best]] += 1
        n_ask += bool(is_ask[best])
        n_base += bool(is_base[best])
    return [ordered[i] for i in picked]


# --- the step ----------------------------------------------------------------------------------------


def generate_questions(
    resume: Resume | None,
    skills: tuple[Skill, ...],
    claims: tuple[Claim, ...],
    flags: tuple[Flag, ...],
    taxonomy: Taxonomy,
    bank: Bank | None = None,
    options: Options | None = None,
) -> tuple[Question, ...]:
    """The ranked questions for one resume; the same input always gives the same tuple."""
    bank = bank or load_bank()
    options = options or Options()
    as_of = options.as_of or (resume.as_of if resume else "") or "2000-01"
    claimed = frozenset(s.id for s in skills) | frozenset(i for c in claims for i in c.skill_ids)
    ctx = _Context(resume, {s.id: s for s in skills}, {c.id: c for c in claims}, taxonomy, bank, options, as_of,
                   claimed)
    flagged = {f.claim_id for f in flags if f.claim_id}
    personal = _from_claims(claims, flagged, ctx) + _from_flags(flags, ctx)
    used_topics = {c.template_id.rsplit(".", 1)[0] for c in personal if c.source == "topic"}
    candidates = personal + _from_baseline(used_topics, ctx) + _from_asks(skills, claims, ctx) + _from_company(ctx)
    candidates = [c for c in candidates if _allowed(c.question.area, c.question.difficulty, options)]
    candidates = _fair(candidates, ctx)
    if not candidates:
        return ()
    chosen = _select(_dedupe_per_template(_score(candidates)), options.question_count)
    return tuple(c.question for c in chosen)
