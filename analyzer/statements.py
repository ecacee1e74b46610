"""The sentences of the resume with their place: bullets and items, wrapped lines joined.

    resume_statements(resume) -> tuple[Statement, ...]   (once per analysis; later steps share it)
    sentences(text) -> the sentences of a statement (not cut after "i.e."), without their full stops
    clauses(text) -> the same parts as printed, for the results step
    skills_in(statement, skills) -> ids of the skills it mentions
    is_unfinished(text, phrases) -> the line is a plan or work under way, not work done
    is_planned_project(entry, phrases) -> a project one of whose lines is such a plan

Each statement knows its section and entry by reference (``Resume.blocks``), never by looking
them up again. An entry's body without bullets (their glyphs drawn as pictures) is split at a
sentence's end or a gap wider than its line pitch, before a capital. Known limits: an item without a
bullet outside entries ends at a full stop, a year or a bracket at the end of a line, so two short
unbulleted items on consecutive lines may be read as one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analyzer.models import BBox, Block, Entry, Evidence, Line, Resume, Skill, union_bbox
from analyzer.phrases import has_phrase
from analyzer.taxonomy import SectionKind


@dataclass(frozen=True, slots=True)
class Statement:
    """One bullet or item, its wrapped lines joined, with the entry and section it sits in."""

    text: str
    section: str  # the section's kind
    entry: Entry | None
    page: int
    bbox: BBox | None
    section_title: str = ""  # as printed: two sections may share a kind ("Talks" and "Publications")
    entry_index: int | None = None  # the entry's position in Resume.entries

    def evidence(self) -> Evidence:
        return Evidence(
            section=self.section,
            entry=self.entry.label if self.entry else "",
            quote=self.text,
            page=self.page,
            bbox=self.bbox,
            start=self.entry.start if self.entry else None,
            end=self.entry.end if self.entry else None,
            entry_index=self.entry_index,
        )


# An item without a bullet ends at a line ending in a full stop, a year or a bracket, because a
# sidebar list item ("Google Cloud Professional / Data Engineer (2023)") often wraps.
_ITEM_END_RE = re.compile(r"(?:[.!?)]|(?:19|20)\d\d)\s*$")
# In an entry's body with no bullets (the glyphs were pictures), a sentence's end closes an item:
# a year or a bracket there ends a wrapped line as often as an item.
_SENTENCE_END_RE = re.compile(r"[.!?]\s*$")
# ... and so does a gap this much taller than the body's usual line pitch: the spacing between items.
_ITEM_GAP_RATIO = 1.25


def _pitch(lines: tuple[Line, ...]) -> float | None:
    """The usual distance from one line's top to the next's within a run, None when unknown."""
    steps = sorted(b.top - a.top for a, b in zip(lines, lines[1:]) if a.page == b.page and b.top > a.top)
    return steps[len(steps) // 2] if steps else None


def _starts_item(previous: Line, line: Line, *, in_entry: bool, pitch: float | None) -> bool:
    """An unbulleted line that opens a new item after ``previous``."""
    if not in_entry:
        return bool(_ITEM_END_RE.search(previous.text))
    if not line.text[:1].isupper():  # a wrapped tail goes on in lower case
        return False
    gap = line.top - previous.top if line.page == previous.page else None
    return bool(_SENTENCE_END_RE.search(previous.text)) or (
        pitch is not None and gap is not None and gap > pitch * _ITEM_GAP_RATIO)


def _group(lines: tuple[Line, ...], *, in_entry: bool) -> list[list[Line]]:
    bulleted = any(line.bullet for line in lines)
    pitch = _pitch(lines)
    groups: list[list[Line]] = []
    for line in lines:
        if not line.text.strip():
            continue
        starts_new = (
            not groups
            or (bulleted and line.bullet)
            or (not bulleted and _starts_item(groups[-1][-1], line, in_entry=in_entry, pitch=pitch))
        )
        if starts_new:
            groups.append([line])
        else:
            groups[-1].append(line)
    return groups


# A date printed in the margin beside a word split at a hyphen ("BI Dash-" / "Aug/2019 board"): the date is
# glued into the word; it belongs to the entry, not the sentence, and the word is one word again.
_GLUED_DATE_RE = re.compile(r"(?<=[A-Za-z])-(?:[A-Z][a-z]{2,8}|\d{1,2})[/.](?:19|20)\d\d\s+(?=[a-z])")


def _join(lines: list[Line]) -> str:
    text = ""
    for line in lines:
        part = " ".join(line.text.split())
        # A word split at a hyphen across lines ("scikit-" / "learn") is one word again.
        if text.endswith("-") and len(text) > 1 and text[-2].isalpha():
            text += part
        else:
            text = f"{text} {part}" if text else part
    return _GLUED_DATE_RE.sub("", text)


def _bbox(lines: list[Line]) -> BBox | None:
    same_page = [line for line in lines if line.page == lines[0].page]
    return union_bbox(l.bbox for l in same_page)


def _runs(blocks: tuple[Block, ...]) -> list[tuple[Block, list[Line]]]:
    """An entry's body, or the lines outside entries, as one run; entry headings are left out."""
    runs: list[tuple[Block, list[Line]]] = []
    for block in blocks:
        if block.is_heading:
            continue
        last = runs[-1][0] if runs else None
        if last is not None and last.section is block.section and last.entry_index == block.entry_index:
            runs[-1][1].extend(block.lines)
        else:
            runs.append((block, list(block.lines)))
    return runs


def resume_statements(resume: Resume) -> tuple[Statement, ...]:
    """Every bullet or item of the resume in reading order, entries' bodies included."""
    statements: list[Statement] = []
    for block, lines in _runs(resume.blocks):
        entry, section = block.entry, block.section
        for group in _group(tuple(lines), in_entry=entry is not None):
            text = _join(group)
            if text:
                statements.append(Statement(text, section.kind, entry, group[0].page, _bbox(group),
                                            section.title, block.entry_index))
    return tuple(statements)


# A sentence ends at a full stop after a word ("... of the company. The main work ...", "... in R. Contributed"),
# not after "i.e." ("tools, i.e. Freight"); before a small letter only after a longer word ("... React
# components. building and deploying ..."); and a clause at a semicolon.
_SENTENCE_BREAK_RE = re.compile(r"(?<=[a-z0-9%)])(?<![.\s][a-z])\.(?=\s*[A-Z])|(?<=\s[A-Z])\.(?=\s+[A-Z])"
                                r"|(?<=[a-z]{4})\.(?=\s+[a-z])|;\s")


def sentences(text: str) -> list[str]:
    """The sentences (and clauses after a semicolon) of a statement, in order, without their full stops."""
    return [part.strip(" .") for part in _SENTENCE_BREAK_RE.split(" ".join(text.split())) if part.strip(" .")]


def clauses(text: str) -> tuple[str, ...]:
    """The same parts as sentences, the last one keeping its full stop (a flag quotes the clause as printed)."""
    return tuple(part.strip() for part in _SENTENCE_BREAK_RE.split(text) if part.strip())


@lru_cache(maxsize=8192)  # WHY: the questions and flags steps ask about the same few lines thousands of times
def is_unfinished(text: str, phrases: tuple[str, ...]) -> bool:
    """The line says what is still to be done ("I will learn X", "currently learning Y"): what it names
    is not shown in use, and it is no finished work to walk through (``claims.toml`` unfinished_phrases)."""
    return has_phrase(text, phrases)


def is_planned_project(entry: Entry, phrases: tuple[str, ...]) -> bool:
    """A project one of whose lines says it is still to come: its title and "Tools:" line name what is
    to be learned, not what was used. Limit: a plan inside a job leaves the job's other lines as they are."""
    return entry.section == SectionKind.PROJECTS and any(
        is_unfinished(line.text, phrases) for line in (*entry.heading, *entry.lines))


def skills_in(statement: Statement, skills: tuple[Skill, ...]) -> tuple[str, ...]:
    """Ids of the skills the statement mentions: by the skills step's evidence, else by name."""
    found: list[str] = []
    text = _norm(statement.text)
    for skill in skills:
        if any(_quote_matches(e, statement, text) for e in skill.evidence) or _name_in(skill.name, statement.text):
            found.append(skill.id)
    return tuple(found)


@lru_cache(maxsize=8192)
def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _quote_matches(evidence: Evidence, statement: Statement, text: str) -> bool:
    """Is this evidence quote (part of) the statement, whose normalised text is ``text``?"""
    if evidence.page != statement.page or evidence.entry_index != statement.entry_index:
        return False
    quote = _norm(evidence.quote)
    return bool(quote) and (quote in text or (len(text) > 20 and text in quote))


def _name_in(name: str, text: str) -> bool:
    # The substring test is a cheap necessary condition; the pattern then checks the word edges.
    return name.lower() in text.lower() and _name_regex(name).search(text) is not None


@lru_cache(maxsize=4096)
def _name_regex(name: str) -> re.Pattern[str]:
    if len(name) <= 2:  # "R", "Go", "C": only as printed, never inside other words
        return re.compile(rf"(?<![\w&.-]){re.escape(name)}(?![\w&-])")
    return re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])", re.IGNORECASE)
