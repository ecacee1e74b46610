"""Step 5a: claims. Everything on the resume an interviewer may probe, as first-class objects.

    extract_claims(resume, skills, taxonomy, statements) -> tuple[Claim, ...]

One small function per kind of claim, run in a fixed order (see ``EXTRACTORS``): one claim per
skill (from the skills step), projects (entries of a projects section, project-like bullets in
jobs, job lines of data work that name no tool ("Defined KPIs across sales"), theses), results with a number (a typed :class:`~analyzer.models.Result`: metric, value,
unit, baseline, what the number measures), links to code or writing, then publications, talks,
patents and certifications. Each part of a claim is typed (``Claim.result``, ``Claim.project``,
``Claim.link``...), never encoded as text to be parsed again.
Ids are stable: ``skill:<id>``, ``project:<slug>``, ``result:<n>`` (n counts results in reading
order from 1), ``link:<url without scheme>``, ``publication:<slug>``...

The words the heuristics look for live in ``taxonomy/claims.toml`` (``taxonomy.claims``);
statements come from :mod:`analyzer.statements`, numbers from :mod:`analyzer.results`.
Known limits: English only; one result per clause (``a; b`` are two clauses); a project's data is
a guess from a number followed by a data word ("60k images"); links are tied to a project only
when the project text names the URL or the repository's name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Callable

from analyzer.links import dedupe_key
from analyzer.models import Claim, Entry, Evidence, Project, Result, Resume, Skill
from analyzer.phrases import has_phrase
from analyzer.results import read_result
from analyzer.statements import Statement, clauses, resume_statements, sentences, skills_in
from analyzer.taxonomy import SectionKind, Taxonomy
from analyzer.taxonomy_rules import ClaimRules


# --- what every extractor can look at ------------------------------------------------------------


@dataclass(frozen=True)
class _Context:
    resume: Resume
    skills: tuple[Skill, ...]
    statements: tuple[Statement, ...]
    rules: ClaimRules
    skill_ids: tuple[tuple[str, ...], ...]  # per statement: the skills it mentions
    results: tuple[tuple[int, Result], ...]  # (statement index, result) in reading order
    seen: set[str] = field(default_factory=set)  # claim ids given so far

    def results_of(self, index: int) -> list[Result]:
        return [result for i, result in self.results if i == index]

    def unique(self, claim_id: str) -> str:
        candidate, n = claim_id, 2
        while candidate in self.seen:
            candidate, n = f"{claim_id}-{n}", n + 1
        self.seen.add(candidate)
        return candidate


# Sections whose lines state no result: who the candidate is and what they list.
_NO_RESULT_SECTIONS = (SectionKind.CONTACT, SectionKind.SKILLS, SectionKind.LANGUAGES)


def _find_results(statements: tuple[Statement, ...], skill_ids: tuple[tuple[str, ...], ...],
                  rules: ClaimRules) -> tuple[tuple[int, Result], ...]:
    found = []
    for index, statement in enumerate(statements):
        if statement.section in _NO_RESULT_SECTIONS:
            continue
        for clause in clauses(statement.text):
            result = read_result(clause, statement.text, rules, bool(skill_ids[index]))
            if result is not None:
                found.append((index, result))
    return tuple(found)


def slugify(text: str, limit: int = 48) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:limit].rstrip("-") or "item"


# --- the claims, one function per kind -----------------------------------------------------------------


def _skill_claims(ctx: _Context) -> list[Claim]:
    claims = [Claim(id=f"skill:{skill.id}", kind="skill", text=skill.name, evidence=skill.evidence,
                    skill_ids=(skill.id,)) for skill in ctx.skills]
    ctx.seen.update(c.id for c in claims)
    return claims


def _project_claims(ctx: _Context) -> list[Claim]:
    projects: list[Claim] = []
    for index, entry in enumerate(ctx.resume.entries):
        if entry.section != SectionKind.PROJECTS:
            continue
        members = [i for i, s in enumerate(ctx.statements) if s.entry_index == index]
        projects.append(_project_claim(ctx, entry.title or entry.label, members, entry))
    for index, statement in enumerate(ctx.statements):
        if statement.entry is not None and statement.entry.section == SectionKind.PROJECTS:
            continue
        line = _project_line(statement, ctx.skill_ids[index], ctx.rules)
        if line:
            name = _short_name(_labelled_project(statement.text, ctx.rules) or line)
            projects.append(_project_claim(ctx, name, [index], statement.entry, line))
    return projects


def _result_claims(ctx: _Context) -> list[Claim]:
    return [Claim(id=f"result:{n}", kind="result", text=result.clause, evidence=(ctx.statements[index].evidence(),),
                  skill_ids=ctx.skill_ids[index], result=result)
            for n, (index, result) in enumerate(ctx.results, start=1)]


def _link_claims(ctx: _Context) -> list[Claim]:
    claims = []
    for link in ctx.resume.document.links:
        if link.kind == "email" or (link.valid and link.kind not in ctx.rules.checked_link_kinds):
            continue
        evidence = Evidence(section=SectionKind.CONTACT, entry="", quote=link.anchor_text or link.url, page=link.page,
                            bbox=link.bbox)
        claims.append(Claim(id=ctx.unique(f"link:{dedupe_key(link.url)}"), kind="link", text=link.url,
                            evidence=(evidence,), link=link))
    return claims


def _publication_claims(ctx: _Context) -> list[Claim]:
    """Publications, talks, patents and certifications: one claim per item of their sections."""
    claims = []
    for index, statement in enumerate(ctx.statements):
        kind = _other_kind(statement, ctx.rules)
        if kind is None:
            continue
        year = re.findall(r"(?<![\w./-])(?:19|20)\d\d(?![\w/-]|\.\w)", statement.text)
        claims.append(Claim(id=ctx.unique(f"{kind}:{slugify(statement.text, 40)}"), kind=kind, text=statement.text,
                            evidence=(statement.evidence(),), skill_ids=ctx.skill_ids[index],
                            year=year[-1] if year else "", links=_links_named(statement.text, ctx.resume)))
    return claims


EXTRACTORS: tuple[Callable[[_Context], list[Claim]], ...] = (
    _skill_claims,
    _project_claims,
    _result_claims,
    _link_claims,
    _publication_claims,
)


def extract_claims(resume: Resume, skills: tuple[Skill, ...], taxonomy: Taxonomy,
                   statements: tuple[Statement, ...] | None = None) -> tuple[Claim, ...]:
    """Every claim on the resume with its evidence, kind by kind in ``EXTRACTORS`` order.

    ``taxonomy``: the loaded taxonomy, whose claim words (``taxonomy.claims``) the extractors use.
    ``statements`` are the resume's, from :func:`analyzer.statements.resume_statements` (computed
    once per analysis and shared with the flags step; worked out here when not given)."""
    rules = taxonomy.claims
    if statements is None:
        statements = resume_statements(resume)
    skill_ids = tuple(skills_in(statement, skills) for statement in statements)
    ctx = _Context(resume, tuple(skills), tuple(statements), rules, skill_ids,
                   _find_results(statements, skill_ids, rules))
    return tuple(claim for extract in EXTRACTORS for claim in extract(ctx))


# --- helpers ---------------------------------------------------------------------------------------------


def _project_line(statement: Statement, skill_ids: tuple[str, ...], rules: ClaimRules) -> str:
    """The part of a line that makes it a project to ask about (see work_line), '' when it is none."""
    if statement.section in rules.self_description_sections or statement.entry is None:
        return ""
    # "Thesis: ..." / "Capstone: ..." in an education entry names a project outright.
    if _labelled_project(statement.text, rules):
        return statement.text
    if statement.section != SectionKind.EXPERIENCE:
        return ""
    for sentence, first in work_line(statement.text, rules):
        if skill_ids and (first in rules.project_verbs or first in rules.work_nouns):
            return sentence  # WHY the nouns: "Training of OCR and detection models (TensorFlow)" is work, in note form
        if is_duty(sentence.split(), rules, first):
            return sentence
    return ""


DUTY_WORDS = 6  # WHY: "Built dashboards" names no work to ask about; "Defined KPIs across sales and operations" does


def is_duty(words: list[str], rules: ClaimRules, first: str = "") -> bool:
    """A job line that opens with a verb of data work ("Defined KPIs across sales and operations to
    guide pricing"): work to ask about even when it names no skill."""
    first = first or (listed_form(words[0], rules) if words else "")
    return len(words) >= DUTY_WORDS and first in rules.duty_verbs


# A label before the work: "Supply Chain Simulator Project: Produced ...", "Dataset collection: parsing ..."
_LABEL_RE = re.compile(r"^([^:]{2,60}):\s+(?=\S)")
LABEL_WORDS = 6  # WHY: a longer text before a colon is a sentence, not a label
# An adverb before the verb: "Successfully trained ...", "Closely worked with ..."
_ADVERB_RE = re.compile(r"^[A-Za-z]+ly\s+(?=[A-Za-z])")


def work_line(text: str, rules: ClaimRules) -> list[tuple[str, str]]:
    """The sentences of a job line that open with work, each with its opening word in the form the
    word lists hold ("Design, develop and maintain ..." -> "designed"), in order.

    A sentence is read from its work on: past a label ("Supply Chain Simulator Project: Produced ...")
    or an adverb ("Successfully trained ..."), and then stands without them, so that a question can
    read it back ("you produced ..."). In prose, a frame ("The main work consisted of the development
    of ...", rules.frame_nouns and frame_verbs) introduces the work: that sentence is kept whole, to be
    quoted as printed. WHY: resumes written in paragraphs or in the present tense name their most
    telling work this way, and reviewers found it unasked."""
    found = []
    for sentence in sentences(text):
        label = _LABEL_RE.match(sentence)
        if label and len(label.group(1).split()) <= LABEL_WORDS:
            sentence = sentence[label.end():]
        sentence = _ADVERB_RE.sub("", sentence, count=1)
        opening = _frame_regex(rules.frame_nouns, rules.frame_verbs).match(sentence)
        rest = sentence[opening.end():] if opening else sentence
        words = rest.split()
        if words:
            found.append((sentence, listed_form(words[0], rules)))
    return found


def listed_form(word: str, rules: ClaimRules) -> str:
    """The word as the verb lists hold it: "Develop," and "develops" -> "developed", "analyse" ->
    "analysed"; the word itself (lower case) when no listed form fits."""
    word = word.lower().strip(",:;")
    listed = _listed_words(rules.project_verbs, rules.duty_verbs, rules.work_nouns)
    if word in listed:
        return word
    stem = word[:-1] if word.endswith("s") and not word.endswith("ss") else word
    for form in (stem + "ed", stem + "d", stem[:-1] + "ied" if stem.endswith("y") else ""):
        if form in listed:
            return form
    return word


@lru_cache(maxsize=4)  # WHY: built once per word list, not once per line
def _listed_words(*lists: tuple[str, ...]) -> frozenset[str]:
    return frozenset(word for words in lists for word in words)


@lru_cache(maxsize=4)  # WHY: built once per word list, not once per line
def _frame_regex(nouns: tuple[str, ...], verbs: tuple[str, ...]) -> re.Pattern[str]:
    """'The main work consisted of the', 'My responsibilities included', 'Main tasks were:'."""
    if not nouns or not verbs:
        return re.compile(r"(?!)")
    noun = "|".join(re.escape(n) for n in nouns)
    verb = "|".join(re.escape(v) for v in verbs)
    return re.compile(rf"(?:the|my|our)?\s*(?:main|key|primary|core)?\s*(?:{noun})\b(?:\s+[\w-]+){{0,3}}?\s+"
                      rf"(?:{verb})\b(?:\s+(?:on|of|in|to))?\s*:?\s*(?:the\s+|a\s+|an\s+)?", re.IGNORECASE)


def _labelled_project(text: str, rules: ClaimRules) -> str:
    """'Capstone: regression analysis of ...' -> the labelled part; '' when there is no label."""
    for match in re.finditer(r"(?:^|(?<=[.;]\s))([^.;:]{1,40}):\s*(\S.*?)(?=(?:[.;]\s)|$)", text):
        label = match.group(1).strip()
        if len(label.split()) <= 3 and has_phrase(label, rules.project_labels):
            return f"{label}: {match.group(2).strip()}"
    return ""


def _data_of(text: str, rules: ClaimRules) -> str:
    match = _data_regex(rules.data_words).search(text)
    return match.group() if match else ""


@lru_cache(maxsize=8)  # WHY: built once per word list, not once per line
def _data_regex(data_words: tuple[str, ...]) -> re.Pattern[str]:
    """A count followed by what it counts ("60k labelled images"); the longer word first ("data points")."""
    words = "|".join(re.escape(w) for w in sorted(data_words, key=len, reverse=True))
    return re.compile(rf"\b\d[\d,.]*\s?(?:k|m|bn|million|billion)?\+?\s+(?:[\w-]+\s+){{0,2}}(?:{words})\b",
                      re.IGNORECASE)


def _links_named(text: str, resume: Resume) -> tuple[str, ...]:
    found = []
    lowered = text.lower()
    for link in resume.document.links:
        if link.kind == "email":
            continue
        key = dedupe_key(link.url)
        tail = key.rsplit("/", 1)[-1]
        # The substring tests are cheap necessary conditions; the patterns then check the word edges.
        typed = key in lowered and re.search(rf"(?<![\w./-]){re.escape(key)}(?![\w/-])", lowered) is not None
        # A repository is often named without its URL ("Weld-defect ViT (defect-vit)").
        named = link.kind in ("github_repo", "gist") and len(tail) >= 4 and tail.lower() in lowered and re.search(
            rf"(?<![\w-]){re.escape(tail.lower())}(?![\w-])", lowered) is not None
        if typed or named:
            found.append(key)
    return tuple(found)


def _project_claim(ctx: _Context, name: str, members: list[int], entry: Entry | None, line: str = "") -> Claim:
    """A project of the given statements; ``line``: the part of a single statement that states the work,
    its quote (a sentence of a paragraph, a line past its label)."""
    statements = [ctx.statements[i] for i in members]
    text = " ".join(s.text for s in statements)
    skill_ids = tuple(dict.fromkeys(sid for i in members for sid in ctx.skill_ids[i]))
    results = [r for i in members for r in ctx.results_of(i)]
    project = Project(name=name, what=text, data=_data_of(text, ctx.rules), outcome=results[0] if results else None,
                      start=entry.start if entry else None, end=entry.end if entry else None)
    evidence = tuple(s.evidence() for s in statements)
    if line and len(evidence) == 1 and line in text and not text.startswith(line):
        # WHY from the work on: a question reads the quote back, and "The responsibilities were: ..." or
        # "Successfully" before it is no work; what follows it still tells what the work was
        evidence = (replace(evidence[0], quote=text[text.index(line):]),)
    return Claim(id=ctx.unique(f"project:{slugify(name)}"), kind="project", text=name,
                 evidence=evidence, skill_ids=skill_ids, project=project,
                 links=_links_named(f"{name} {text}", ctx.resume))


def _short_name(text: str) -> str:
    label, colon, rest = text.partition(": ")
    if colon and len(label.split()) <= 3:
        return f"{label}: {_short_name(rest)}"
    head = re.split(r"[;:.](?:\s|$)", text, maxsplit=1)[0]
    words = head.split()
    return " ".join(words[:8]) + (" ..." if len(words) > 8 else "")


def _other_kind(statement: Statement, rules: ClaimRules) -> str | None:
    if statement.section == SectionKind.CERTIFICATIONS:
        return "certification"
    if statement.section != SectionKind.PUBLICATIONS:
        return None
    title = statement.section_title
    if has_phrase(statement.text, rules.patent_words) or has_phrase(title, rules.patent_words):
        return "patent"
    if has_phrase(statement.text, rules.talk_words):
        return "talk"
    # A "Talks" section holds talks; a "Publications and talks" section says nothing per item.
    if has_phrase(title, rules.talk_words) and not has_phrase(title, ("publication*", "paper*", "article*")):
        return "talk"
    return "publication"
