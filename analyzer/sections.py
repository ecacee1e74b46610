"""Step 3: lines -> sections and contact; entries are read by ``entries.py`` from these sections.

A heading is recognised by wording *and* look together: a known phrase (``taxonomy/sections.toml``)
set apart by bold, capitals, a larger size or space above; then any other short line set in that
same heading style is a heading too, kept under ``other`` with its own title.

Limits: headings are expected in English.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass

from analyzer.dates import find_date_range
from analyzer.entries import ENTRY_SECTIONS, is_location, parse_entries, split_fields
from analyzer.links import EMAIL_RE, URL_RE
from analyzer.models import Contact, Document, Line, Resume, Section
from analyzer.taxonomy import Taxonomy

_PHONE_RE = re.compile(r"(?<![\w/])(?:\+|00)?\d[\d\s().\-]{7,}\d(?![\w/])")


@dataclass(frozen=True, slots=True)
class _Style:
    size: float
    bold: bool
    caps: bool


def structure_resume(document: Document, taxonomy: Taxonomy, *, as_of: str) -> Resume:
    sections = split_sections(document.lines, taxonomy)
    entries = tuple(
        entry for section in sections if section.kind in ENTRY_SECTIONS for entry in parse_entries(section)
    )
    return Resume(document, find_contact(document, sections), sections, entries, as_of)


# --- headings and sections ----------------------------------------------------------------------


def _heading_text(line: Line) -> str:
    return line.text.strip().rstrip(":").strip()


def is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def is_short(line: Line) -> bool:
    return len(line.text.split()) <= 6 and len(line.text) <= 48


def has_heading_shape(line: Line) -> bool:
    """Could be a heading at all: short, no bullet, no digits, no sentence punctuation, no link."""
    text = _heading_text(line)
    return (
        bool(text)
        and is_short(line)
        and not line.bullet
        and not any(c.isdigit() for c in text)
        and not text.endswith((".", ",", ";"))
        and "@" not in text
        and not URL_RE.search(text)
        and (":" not in line.text or line.text.rstrip().endswith(":"))
    )


def _style(line: Line) -> _Style:
    return _Style(round(line.size * 2) / 2, line.bold, is_all_caps(line.text))


def _body_size(lines: tuple[Line, ...]) -> float:
    sizes = Counter()
    for line in lines:
        sizes[round(line.size * 2) / 2] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else 10.0


def _space_above(lines: tuple[Line, ...]) -> dict[int, float]:
    gaps: dict[int, float] = {}
    for i, line in enumerate(lines):
        previous = lines[i - 1] if i else None
        same_flow = previous is not None and previous.page == line.page and previous.column == line.column
        gaps[i] = line.top - previous.bottom if same_flow and line.top > previous.bottom else 99.0
    return gaps


def split_sections(lines: tuple[Line, ...], taxonomy: Taxonomy) -> tuple[Section, ...]:
    body = _body_size(lines)
    gaps = _space_above(lines)
    typical_gap = statistics.median([g for g in gaps.values() if g < 99.0] or [2.0])

    def stands_out(i: int, line: Line) -> bool:
        # Set apart by its look: bold, capitals, larger type, or clear space above it.
        return line.bold or is_all_caps(line.text) or line.size >= body + 0.9 or gaps[i] > 1.6 * typical_gap + 1

    headings: dict[int, str] = {}
    styles: set[_Style] = set()
    for i, line in enumerate(lines):
        if has_heading_shape(line) and stands_out(i, line):
            kind = taxonomy.section_kind(_heading_text(line))
            if kind:
                headings[i] = kind
                styles.add(_style(line))
    headings = _drop_weaker_headings(headings, lines)
    styles = {_style(lines[i]) for i in headings}
    # A line in exactly the style of the recognised headings is a heading we have no name for;
    # above the first recognised heading is the name-and-contact block, never a heading.
    first = min(headings, default=len(lines))
    for i, line in enumerate(lines):
        if i > first and i not in headings and has_heading_shape(line) and _style(line) in styles and _is_distinct(line, body):
            headings[i] = "other"

    sections: list[Section] = []
    current_kind, current_title, current_page, current_lines = "contact", "", 1, []
    for i, line in enumerate(lines):
        if i in headings:
            if current_lines or current_title:
                sections.append(Section(current_kind, current_title, current_page, tuple(current_lines)))
            current_kind, current_title, current_page, current_lines = headings[i], _heading_text(line), line.page, []
        else:
            current_lines.append(line)
    if current_lines or current_title:
        sections.append(Section(current_kind, current_title, current_page, tuple(current_lines)))
    return tuple(sections)


def _drop_weaker_headings(headings: dict[int, str], lines: tuple[Line, ...]) -> dict[int, str]:
    """When most headings share a trait (capitals, bold), a known word set without it is a label
    inside a section ('Languages' above 'Python · SQL' in a skills list), not a heading of its own."""
    if len(headings) < 3:
        return headings
    styles = {i: _style(lines[i]) for i in headings}
    caps_share = sum(st.caps for st in styles.values()) / len(styles)
    bold_share = sum(st.bold for st in styles.values()) / len(styles)

    def lacks_shared_trait(style: _Style) -> bool:
        return (caps_share >= 0.75 and not style.caps) or (bold_share >= 0.75 and not style.bold)

    typical = min((st.size for st in styles.values() if not lacks_shared_trait(st)), default=0.0)
    return {i: kind for i, kind in headings.items()
            if not (lacks_shared_trait(styles[i]) and styles[i].size <= typical)}


def _is_distinct(line: Line, body: float) -> bool:
    # Matching a heading style by accident is easy for plain bold text; demand caps or larger type too.
    return is_all_caps(line.text) or line.size >= body + 0.9


# --- contact ------------------------------------------------------------------------------------


def find_contact(document: Document, sections: tuple[Section, ...]) -> Contact:
    header = [line for line in (sections[0].lines if sections and sections[0].kind == "contact" else ())]
    first_page = [line for line in document.lines if line.page == 1][:12]
    candidates = header[:8] or first_page
    name = _find_name(candidates) or _find_name(first_page)
    contact_text = "\n".join(line.text for line in (header or first_page))
    emails = tuple(dict.fromkeys(
        [link.url.removeprefix("mailto:") for link in document.links if link.kind == "email"]
        + [m.group().lower() for m in EMAIL_RE.finditer(contact_text)]
    ))
    phones = tuple(dict.fromkeys(
        " ".join(m.group().split()) for m in _PHONE_RE.finditer(contact_text)
        if sum(c.isdigit() for c in m.group()) >= 9 and not find_date_range(m.group())
    ))
    location = next((part for line in header for part in split_fields(line.text) if is_location(part)), "")
    return Contact(name=name, emails=emails, phones=phones, location=location)


def _find_name(lines: list[Line]) -> str:
    def is_name(line: Line) -> bool:
        words = line.text.split()
        return (
            1 <= len(words) <= 5
            and not any(c.isdigit() for c in line.text)
            and "@" not in line.text
            and not URL_RE.search(line.text)
            and sum(c.isalpha() for c in line.text) >= 0.7 * len(line.text.replace(" ", ""))
        )

    names = [line for line in lines if is_name(line)]
    if not names:
        return ""
    # The name is set larger than anything else at the top of page 1.
    best = max(names, key=lambda line: (line.size, -line.top))
    return " ".join(best.text.split()).title() if best.text.isupper() else " ".join(best.text.split())
