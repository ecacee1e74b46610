"""Step 4: skills with the evidence that backs them.

``match_skills(resume, taxonomy, nlp)`` runs the spaCy pipeline of :mod:`analyzer.nlp` once per
resume, over the resume's blocks of lines (``Resume.blocks``: an entry's heading, an entry's bullets,
or a run of section lines outside entries, each joined so names broken over two lines are found),
and turns every mention
into :class:`~analyzer.models.Evidence`. Per skill it then works out:

- ``listed_only``: every mention sits in a list section (skills, courses, languages).
- ``used_in``: the entries (jobs, projects, degrees) that mention it; ``first_used``/``last_used``
  from those entries' dates ("present" counts as ``resume.as_of``); ``months_used``: the union of
  the entries' month ranges, so overlapping jobs are not counted twice.
- ``strength`` 0..1: 0.15 for being named, up to 0.35 for use in entries (two or more entries:
  full), up to 0.25 for recency (last use within a year: full, nothing after five years) and up to
  0.25 for concreteness (lines that carry a number, an outcome verb or a named dataset).

**Parent credit.** Every skill lists its whole parent chain in ``Skill.parents`` (xgboost ->
gradient_boosting -> boosting -> ensemble_methods -> ...). A parent that the resume names itself is
credited with its named descendants' use: its ``used_in``, dates, ``months_used``, ``strength``
and ``listed_only`` count the children's entries too ("gradient boosting" listed in the skills and
XGBoost used in a job is *not* listed-only). Its ``evidence`` keeps only its own mentions. Parents
that are never named are not added as skills (a reader did not see them; consumers can walk
``parents``).

**Inferred skills.** Methods a bullet describes without naming them ("predicted churn" ->
classification) are found by TF-IDF cosine similarity between bullet lines and the short
descriptions of ``taxonomy/inferred.toml``; reported with ``inferred=True`` and the best ``score``,
only when the skill is not named anywhere.

**Unfinished work.** A mention on a line that says the work is still to come (claims.toml
unfinished_phrases, "I will learn Power BI and update it here"), or anywhere in a project that has
such a line, names the skill but shows no use: it counts as a list mention for ``listed_only``,
``used_in``, dates and strength. Only the clause with the plan counts, cut before a purpose ("to
build ..."). ``describes(texts, skill_id, taxonomy)`` tells whether lines describe a named skill in
other words (inferred.toml), for the flags step.

Order: named skills by strength (strongest first), then category and name; inferred skills after
them by score. Skills are read from the whole text, whatever the sections are (the top block too,
except the line that is the candidate's name); the section only decides how strong the evidence
is. Limits: dates are
those of the entry, not of the sentence ("in 2019 I used R" inside a 2015-2024 job counts 2015-2024).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacy.language import Language

from analyzer.dates import from_month_index, month_index
from analyzer.models import BBox, Block, Entry, Evidence, Line, Resume, Skill, union_bbox
from analyzer.nlp import is_list_like, prepare_text, skill_docs
from analyzer.phrases import find_phrases
from analyzer.statements import Statement, clauses, is_planned_project, is_unfinished, resume_statements
from analyzer.taxonomy import Taxonomy

RECENT_MONTHS = 12  # used within the last year: fully recent
STALE_MONTHS = 60  # five years without use: no recency credit at all
# WHY: a line with a figure, an outcome or a named data set shows the skill was used for something.
_CONCRETE_RE = re.compile(
    r"\d|\b(reduc|increas|improv|cut|rais|sav|grew|grow|lift|boost|lower|doubl|halv|won|reach|beat)\w*\b"
    r"|\b(dataset|data set|records|images|rows|events|transactions|responses|users|customers)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _Block:
    """Lines read together: their prepared text and where each line sits in it."""

    kind: str
    entry: Entry | None
    entry_index: int | None  # the entry's position in Resume.entries
    lines: tuple[Line, ...]
    text: str
    offsets: tuple[tuple[int, int], ...]
    list_like: bool

    def lines_at(self, start: int, end: int) -> tuple[Line, ...]:
        hit = tuple(line for line, (a, b) in zip(self.lines, self.offsets) if a < end and start < b)
        return hit or self.lines[:1]


def _make_block(kind: str, entry: Entry | None, entry_index: int | None, lines: list[Line], nlp: Language,
                list_sections: tuple[str, ...]) -> _Block:
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    position = 0
    for line in lines:
        prepared = prepare_text(nlp, line.text)
        joiner = ""
        if parts:
            # WHY: "time-" at a line end followed by "series" is one hyphenated word broken by the layout.
            glue = parts[-1].endswith("-") and prepared[:1].islower()
            joiner = "" if glue else " "
        parts.append(joiner + prepared)
        position += len(joiner)
        offsets.append((position, position + len(prepared)))
        position += len(prepared)
    listy = kind in list_sections or sum(is_list_like(p) for p in parts) * 2 > len(parts)
    return _Block(kind, entry, entry_index, tuple(lines), "".join(parts), tuple(offsets), listy)


def _blocks(resume: Resume, taxonomy: Taxonomy, nlp: Language) -> list[_Block]:
    """The resume's blocks (``Resume.blocks``) as read by the matcher: the candidate's name line left
    out, and blocks of one owner that only the name line parted joined again."""
    lists = taxonomy.context.list_sections
    runs: list[tuple[Block, list[Line]]] = []
    for block in resume.blocks:
        if block.section.kind in taxonomy.context.skip_sections:
            continue
        lines = [line for line in block.lines if not is_name_line(line, resume.contact.name)]
        if not lines:
            continue
        last = runs[-1][0] if runs else None
        if last is not None and last.section is block.section and (last.entry_index, last.is_heading) == (
                block.entry_index, block.is_heading):
            runs[-1][1].extend(lines)
        else:
            runs.append((block, lines))
    return [_make_block(block.section.kind, block.entry, block.entry_index, lines, nlp, lists) for block, lines in runs]


def is_name_line(line: Line, name: str) -> bool:
    """The line that only gives the candidate's name: a name ("Julia ...") is never a skill."""
    return bool(name) and " ".join(line.text.split()).lower() == name.lower()


def find_mentions(resume: Resume, taxonomy: Taxonomy, nlp: Language,
                  blocks: list[_Block] | None = None) -> dict[str, list[Evidence]]:
    """Every named mention, by skill id, in reading order; one Evidence per skill and line."""
    if blocks is None:
        blocks = _blocks(resume, taxonomy, nlp)
    mentions: dict[str, list[Evidence]] = {}
    seen: set[tuple] = set()
    for block, doc in zip(blocks, skill_docs(nlp, ((b.text, b.kind, b.list_like, tuple(a for a, _ in b.offsets[1:])) for b in blocks))):
        for ent in doc.ents:
            lines = block.lines_at(ent.start_char, ent.end_char)
            quote = " ".join(line.text for line in lines)
            key = (ent.label_, lines[0].page, quote)
            if key in seen:
                continue
            seen.add(key)
            entry = block.entry
            mentions.setdefault(ent.label_, []).append(Evidence(
                section=block.kind, entry=entry.label if entry else "", quote=quote, page=lines[0].page,
                bbox=union_bbox(l.bbox for l in lines), start=entry.start if entry else None,
                end=entry.end if entry else None, entry_index=block.entry_index))
    return mentions


# --- per-skill figures ------------------------------------------------------------------------------


def _entry_span(evidence: Evidence, as_of: str) -> tuple[int, int] | None:
    start = month_index(evidence.start, as_of)
    end = month_index(evidence.end, as_of, end=True) if evidence.end else start
    if start is None or end is None:
        return None
    return (min(start, end), max(start, end))


def months_in(spans: Iterable[tuple[int, int]]) -> int:
    """Months covered by the union of inclusive month ranges (overlaps counted once)."""
    total, current = 0, None
    for start, end in sorted(spans):
        if current is None or start > current[1] + 1:
            if current:
                total += current[1] - current[0] + 1
            current = [start, end]
        else:
            current[1] = max(current[1], end)
    if current:
        total += current[1] - current[0] + 1
    return total


def is_concrete(quote: str) -> bool:
    return bool(_CONCRETE_RE.search(quote))


@dataclass(frozen=True, slots=True)
class _Figures:
    listed_only: bool
    used_in: tuple[str, ...]
    used_in_entries: tuple[int, ...]
    first_used: str | None
    last_used: str | None
    months_used: int
    strength: float


def _figures(evidence: list[Evidence], as_of: str, list_sections: tuple[str, ...],
             unfinished: frozenset[int] = frozenset()) -> _Figures:
    """``unfinished``: ids of evidence from lines that say the work is still to be done; they name the
    skill but show no use (no entry, dates or concreteness), like a skills list."""
    done = [e for e in evidence if id(e) not in unfinished]
    used = [e for e in done if e.entry]
    used_in = tuple(dict.fromkeys(e.entry for e in used))
    spans = {(e.entry, span) for e in used if (span := _entry_span(e, as_of))}
    first = min((s[0] for _, s in spans), default=None)
    last = max((s[1] for _, s in spans), default=None)
    now = month_index(as_of, as_of)
    recency = 0.0
    if last is not None and now is not None:
        age = max(0, now - last)
        recency = 1.0 if age <= RECENT_MONTHS else max(0.0, 1 - (age - RECENT_MONTHS) / (STALE_MONTHS - RECENT_MONTHS))
    concrete = sum(is_concrete(e.quote) for e in done if e.section not in list_sections)
    strength = 0.15 + 0.35 * min(1.0, len(used_in) / 2) + 0.25 * recency + 0.25 * min(1.0, concrete / 2)
    return _Figures(
        listed_only=bool(evidence) and all(e.section in list_sections or id(e) in unfinished for e in evidence),
        used_in=used_in,
        used_in_entries=tuple(dict.fromkeys(e.entry_index for e in used if e.entry_index is not None)),
        first_used=from_month_index(first) if first is not None else None,
        last_used=from_month_index(min(last, now)) if last is not None and now is not None else None,
        months_used=months_in(s for _, s in spans),
        strength=round(min(1.0, strength), 3),
    )


def match_skills(resume: Resume, taxonomy: Taxonomy, nlp: Language) -> tuple[Skill, ...]:
    """Named skills with evidence and figures, then inferred ones (see the module docstring)."""
    blocks = _blocks(resume, taxonomy, nlp)
    mentions = find_mentions(resume, taxonomy, nlp, blocks)
    lists = taxonomy.context.list_sections
    unfinished = unfinished_evidence(resume, mentions, taxonomy)
    credited: dict[str, list[Evidence]] = {sid: list(ev) for sid, ev in mentions.items()}
    for sid, evidence in mentions.items():
        for parent in taxonomy.ancestors(sid):
            if parent in mentions:
                credited[parent].extend(evidence)
    named: list[Skill] = []
    for sid, evidence in mentions.items():
        definition = taxonomy.skill(sid)
        figures = _figures(credited[sid], resume.as_of, lists, unfinished)
        named.append(Skill(
            id=sid, name=definition.name, category=definition.category, parents=taxonomy.ancestors(sid),
            listed_only=figures.listed_only, used_in=figures.used_in, used_in_entries=figures.used_in_entries,
            first_used=figures.first_used,
            last_used=figures.last_used, months_used=figures.months_used, strength=figures.strength,
            evidence=tuple(evidence)))
    named.sort(key=lambda s: (-s.strength, s.category, s.name.lower()))
    inferred = infer_skills(resume, taxonomy, set(mentions), blocks)
    return tuple(named) + inferred


def unfinished_evidence(resume: Resume, mentions: dict[str, list[Evidence]], taxonomy: Taxonomy) -> frozenset[int]:
    """Ids of the mentions that a line saying the work is still to be done names ("I will learn SQL and
    update it here", "Currently mastering Python"), and of every mention in a project that has such a
    line (its "Tools:" line lists what is to be learned, not what was used). Only the clause with the
    plan counts: "Built dashboards in Excel; now learning SQL" still shows Excel in use. Limit: a plan
    inside a job leaves the job's other lines as they are."""
    phrases = taxonomy.claims.unfinished_phrases
    plans = [s for s in resume_statements(resume) if is_unfinished(s.text, phrases)] if phrases else []
    if not plans:
        return frozenset()
    planned_projects = {i for i, entry in enumerate(resume.entries) if is_planned_project(entry, phrases)}
    found = set()
    for sid, evidence in mentions.items():
        names = skill_names(taxonomy, sid)
        for e in evidence:
            if e.entry_index in planned_projects or any(
                    is_on_statement(e, plan) and is_named_in(planned_text(plan.text, phrases), names) for plan in plans):
                found.add(id(e))
    return frozenset(found)


def planned_text(text: str, phrases: tuple[str, ...]) -> str:
    """The clauses of a line that say what is still to be done, joined, each cut before a purpose that
    follows the plan ("mastering SQL and Power BI to build full-stack analysis skills" names no analysis)."""
    return " ".join(_cut_purpose(c, phrases) for c in clauses(text) if is_unfinished(c, phrases))


def _cut_purpose(clause: str, phrases: tuple[str, ...]) -> str:
    lower = clause.lower()
    ends = [lower.find(p) + len(p) for p in find_phrases(clause, phrases) if p.lower() in lower]
    after = min(ends, default=0)
    cut = lower.find(" to ", after + 1)
    return clause if cut < 0 else clause[:cut]


def skill_names(taxonomy: Taxonomy, skill_id: str) -> tuple[str, ...]:
    definition = taxonomy.skill(skill_id)
    return (definition.name, *definition.aliases)


@lru_cache(maxsize=8192)  # WHY: the flags step asks for the same few hundred names per resume; re's own cache holds 512
def word_pattern(name: str, *, case_sensitive: bool) -> re.Pattern[str]:
    """The name as a whole word: "C" is not the C of "C++" or "C#", "SQL" not the SQL of "PostgreSQL"."""
    return re.compile(rf"(?<![\w+#.-]){re.escape(name)}(?![\w+#-])", 0 if case_sensitive else re.IGNORECASE)


def is_named_in(text: str, names: tuple[str, ...]) -> bool:
    """One of the names stands in the text as a word (short or all-capital names only as written)."""
    return any(word_pattern(name, case_sensitive=len(name) <= 3 or name.isupper()).search(text) for name in names)


def is_on_statement(evidence: Evidence, statement: Statement) -> bool:
    """The evidence quotes (part of) this statement: same page and entry, and its words inside it."""
    if evidence.page != statement.page or evidence.entry_index != statement.entry_index:
        return False
    quote, text = " ".join(evidence.quote.lower().split()), " ".join(statement.text.lower().split())
    return bool(quote) and quote in text


# --- inferred skills ------------------------------------------------------------------------------------

_SUFFIX_RE = re.compile(r"(ing|ed|es|s|ly)$")


def _stem(word: str) -> str:
    # WHY: "predicted"/"predict", "forecasts"/"forecast": a crude suffix cut is enough for short phrases.
    return _SUFFIX_RE.sub("", word) if len(word) > 4 else word


def _analyse(text: str) -> list[str]:
    words = [_stem(w) for w in re.findall(r"[a-z][a-z/]+", text.lower()) if w not in _STOP]
    return words + [f"{a} {b}" for a, b in zip(words, words[1:])]


_STOP = frozenset(
    "a an and the of to for in on with by from at as is are was were be been it its our their his her "
    "this that these those into over per each every all we i my me they them which who than then "
    "team teams new using used use".split()
)


@lru_cache(maxsize=4)
def inference_model(taxonomy: Taxonomy):
    from analyzer.tfidf import FittedTfidf  # scikit-learn's TfidfVectorizer, without its import time

    labels = [t.skill for t in taxonomy.inferred for _ in t.descriptions]
    texts = [d for t in taxonomy.inferred for d in t.descriptions]
    vectorizer = FittedTfidf.fit(texts, _analyse)
    return vectorizer, vectorizer.matrix, labels


def describes(texts: list[str], skill_id: str, taxonomy: Taxonomy) -> tuple[bool, ...]:
    """For each text: does one of its sentences describe the skill in other words (inferred.toml, the
    same similarity and threshold as inferred skills)? False for a skill with no descriptions."""
    if not texts or not any(t.skill == skill_id for t in taxonomy.inferred):
        return tuple(False for _ in texts)
    vectorizer, matrix, labels = inference_model(taxonomy)
    columns = [i for i, label in enumerate(labels) if label == skill_id]
    sentences = [(i, m.group(0).strip()) for i, text in enumerate(texts) for m in _SENTENCE_RE.finditer(text)
                 if len(m.group(0).split()) >= 3]
    if not sentences:
        return tuple(False for _ in texts)
    vectors = vectorizer.transform([text for _, text in sentences])
    scores = (vectors @ matrix[columns].T).toarray()
    shared = ((vectors > 0).astype(int) @ (matrix[columns] > 0).astype(int).T).toarray()
    hits = {i for row, (i, _) in enumerate(sentences)
            if any(scores[row, c] >= taxonomy.inferred_threshold and shared[row, c] >= MIN_SHARED_TERMS
                   for c in range(len(columns)))}
    return tuple(i in hits for i in range(len(texts)))


_SENTENCE_RE = re.compile(r"[^.;!?]+(?:[.;!?](?!\S)|$)")
MIN_SHARED_TERMS = 2  # WHY: one shared word ("scoring", "production") is chance, two is a description


def _sentences(block: _Block) -> Iterable[tuple[str, tuple[Line, ...]]]:
    for match in _SENTENCE_RE.finditer(block.text):
        text = match.group(0).strip()
        if len(text.split()) >= 3:
            yield text, block.lines_at(match.start(), match.end())


def infer_skills(resume: Resume, taxonomy: Taxonomy, named: set[str], blocks: list[_Block] | None = None,
                 nlp: Language | None = None) -> tuple[Skill, ...]:
    """Skills a sentence describes without naming, scored by TF-IDF similarity to inferred.toml."""
    if not taxonomy.inferred:
        return ()
    if blocks is None:
        if nlp is None:
            raise ValueError("infer_skills needs the blocks or the nlp pipeline")
        blocks = _blocks(resume, taxonomy, nlp)
    vectorizer, matrix, labels = inference_model(taxonomy)
    units = [(text, lines, block) for block in blocks
             if block.kind not in taxonomy.context.list_sections and not block.list_like
             for text, lines in _sentences(block)]
    if not units:
        return ()
    vectors = vectorizer.transform([text for text, _, _ in units])
    scores = (vectors @ matrix.T).toarray()
    shared = ((vectors > 0).astype(int) @ (matrix > 0).astype(int).T).toarray()
    best: dict[str, tuple[float, list[int]]] = {}
    for row, line_scores in enumerate(scores):
        for column, score in enumerate(line_scores):
            skill = labels[column]
            if score < taxonomy.inferred_threshold or shared[row, column] < MIN_SHARED_TERMS or skill in named:
                continue
            top, rows = best.get(skill, (0.0, []))
            if row not in rows:
                rows.append(row)
            best[skill] = (max(top, float(score)), rows)
    inferred: list[Skill] = []
    for skill_id, (score, rows) in best.items():
        definition = taxonomy.skill(skill_id)
        evidence = []
        for text, lines, block in (units[r] for r in rows):
            entry = block.entry
            evidence.append(Evidence(
                section=block.kind, entry=entry.label if entry else "", quote=" ".join(l.text for l in lines),
                page=lines[0].page, bbox=union_bbox(l.bbox for l in lines), start=entry.start if entry else None,
                end=entry.end if entry else None, entry_index=block.entry_index))
        figures = _figures(evidence, resume.as_of, taxonomy.context.list_sections)
        inferred.append(Skill(
            id=skill_id, name=definition.name, category=definition.category, parents=taxonomy.ancestors(skill_id),
            inferred=True, score=round(score, 3), used_in=figures.used_in, used_in_entries=figures.used_in_entries,
            first_used=figures.first_used,
            last_used=figures.last_used, months_used=figures.months_used, strength=figures.strength,
            evidence=tuple(evidence)))
    inferred.sort(key=lambda s: (-(s.score or 0), s.name.lower()))
    return tuple(inferred)
