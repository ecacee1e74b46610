"""Step 3b: a section's lines -> entries (title, organisation, location, dates, bullets).

Entries are found in experience, education and projects sections: a run of heading-like lines
(title, organisation, place, dates) followed by its bullet lines.

Limits: an entry whose fields have no hint words (no "Engineer", no "University") is split by
position only (title first, then organisation).
"""

from __future__ import annotations

import re
from functools import lru_cache

from analyzer.dates import find_date_range, remove_dates
from analyzer.layout import split_segments
from analyzer.models import Entry, Line, Section
from analyzer.taxonomy import read_toml, taxonomy_root

ENTRY_SECTIONS = ("experience", "education", "projects")
# Separators people put between fields of one heading: "Data Scientist | Acme — London".
_FIELD_SPLIT_RE = re.compile(r"\s+[|\u2014\u2013\u00b7\u2022\u2219/-]\s+|\s*\|\s*|\s+\u2014\s*|\s*\u2014\s+|\t")
_AT_SPLIT_RE = re.compile(r"\s+(?:at|@)\s+", re.IGNORECASE)
# "Churn model: predicted ..." or "Churn model – predicted ...": the project's name comes first.
_PROJECT_NAME_RE = re.compile(r"^(?P<name>[^:\u2013\u2014]{2,60}?)\s*(?::|\s[\u2013\u2014-]\s)")
_LOCATION_RE = re.compile(r"^[A-Z][\w.'\- ]{1,30},\s*[A-Z][\w.'\- ]{1,30}$")


@lru_cache(maxsize=1)
def _entry_words() -> dict[str, frozenset[str]]:
    data = read_toml(taxonomy_root() / "entries.toml")
    return {key: frozenset(w.lower() for w in values) for key, values in data.items()}


# --- entries ------------------------------------------------------------------------------------


def _is_body(line: Line, previous: Line | None, previous_is_body: bool, left: float) -> bool:
    words = len(line.text.split())
    has_date = find_date_range(line.text) is not None
    if line.bullet:
        return True
    # The wrapped tail of a bullet: indented like bullet text, or starting in lower case.
    if previous_is_body and previous is not None and not line.bold and not has_date:
        if line.x0 > left + 4 or line.text[:1].islower():
            return True
    # A heading line carries the entry's dates; a body line is a sentence: long, or ending in a stop.
    if has_date and words <= 24 and not line.text.rstrip().endswith("."):
        return False
    return words > 14 or (_ends_sentence(line.text) and words > 5 and not line.bold)


def _ends_sentence(text: str) -> bool:
    """A full stop that ends a sentence, not an abbreviation ('Prairie Goods Co.', 'Fernway B.V.')."""
    last = text.rstrip().split()[-1] if text.strip() else ""
    abbreviations = _entry_words()["organization_words"]
    return last.endswith(".") and last.count(".") == 1 and last.lower() not in abbreviations and last[:-1].lower() not in abbreviations


def parse_entries(section: Section) -> list[Entry]:
    lines = section.lines
    if not lines:
        return []
    left = min(line.x0 for line in lines)
    groups: list[tuple[list[Line], list[Line]]] = []  # (heading lines, body lines)
    previous: Line | None = None
    previous_is_body = False
    for line in lines:
        body = _is_body(line, previous, previous_is_body, left)
        if body:
            if not groups:
                groups.append(([], []))
            groups[-1][1].append(line)
        else:
            heading, bullets = groups[-1] if groups else ([], [])
            starts_new = (
                not groups
                or bool(bullets)
                or len(heading) >= 3
                or (_has_date(heading) and not _awaits_end_date(heading)
                    and (find_date_range(line.text) is not None or _looks_like(line, heading[0])))
            )
            if starts_new:
                groups.append(([line], []))
            else:
                heading.append(line)
        previous, previous_is_body = line, body
    entries = []
    for heading, bullets in groups:
        if not heading and section.kind == "projects":
            entries.extend(_bullet_projects(section, bullets))
        elif heading:
            entries.append(_make_entry(section.kind, heading, bullets))
    return entries


def _has_date(lines: list[Line]) -> bool:
    return any(find_date_range(line.text) for line in lines)


def _looks_like(line: Line, other: Line) -> bool:
    """Set in the same type: a dated entry's heading is complete when its first line's look returns."""
    return line.bold == other.bold and abs(line.size - other.size) < 0.3 and line.bold


def _awaits_end_date(heading: list[Line]) -> bool:
    """The heading's dates stop at a dash ('Jan 2020 –'): the end date is on the next line."""
    return bool(heading) and re.search(r"(?:[-\u2013\u2014]|\bto)\s*$", heading[-1].text) is not None


def _bullet_projects(section: Section, bullets: list[Line]) -> list[Entry]:
    """Projects written as bullets only ('Churn model: ...'): each bullet is a project."""
    entries = []
    for line in bullets:
        named = _PROJECT_NAME_RE.match(line.text)
        title = named.group("name").strip() if named and len(named.group("name").split()) <= 8 else ""
        dates = find_date_range(line.text)
        entries.append(Entry(section.kind, title, "", "", dates.start if dates else None,
                             dates.end if dates else None, line.page, (line,), ()))
    return entries


def _make_entry(kind: str, heading: list[Line], bullets: list[Line]) -> Entry:
    dates = _entry_dates(heading)
    parts: list[str] = []
    # Only the first two heading lines name the entry; later ones are notes ("Thesis: ...", "GPA 3.9").
    for line in heading[:2]:
        for segment in split_segments(list(line.words)) if line.words else [[]]:
            text = " ".join(w.text for w in segment) if segment else line.text
            parts.extend(split_fields(remove_dates(text)))
    title, organization, location = _assign_fields(kind, parts)
    return Entry(
        section=kind,
        title=title,
        organization=organization,
        location=location,
        start=dates.start if dates else None,
        end=dates.end if dates else None,
        page=heading[0].page,
        lines=tuple(bullets),
        heading=tuple(heading),
    )


def _entry_dates(heading: list[Line]):
    # A range broken over two lines ("Jan 2020 –" above "Mar 2022") reads whole when joined.
    dated = [seg for line in heading for seg in _segment_texts(line) if find_date_range(seg)]
    joined = find_date_range(" ".join(dated)) if len(dated) > 1 else None
    if joined and joined.end != joined.start:
        return joined
    for line in heading:
        found = find_date_range(line.text)
        if found:
            return found
    return None


def _segment_texts(line: Line) -> list[str]:
    if not line.words:
        return [line.text]
    return [" ".join(w.text for w in seg) for seg in split_segments(list(line.words))]


def split_fields(text: str) -> list[str]:
    parts = []
    for piece in _FIELD_SPLIT_RE.split(text):
        for sub in _AT_SPLIT_RE.split(piece):
            sub = _trim(sub)
            if sub:
                parts.append(sub)
    return parts


def _trim(text: str) -> str:
    """Separators off both ends; a bracket only when it has no partner ('(Data)' keeps both)."""
    text = text.strip(" ,;|\u2013\u2014-\u00b7\u2022")
    if text.startswith("(") and text.endswith(")") and text.count("(") == 1:
        text = text[1:-1]
    if text.count("(") > text.count(")"):
        text = text.lstrip("(").strip()
    if text.count(")") > text.count("("):
        text = text.rstrip(")").strip()
    return text.strip(" ,;|\u2013\u2014-\u00b7\u2022")


def _words_of(text: str) -> set[str]:
    return {w.lower().strip(",.()") for w in text.split()} | {w.lower() for w in re.findall(r"[\w'.-]+", text)}


def is_location(text: str) -> bool:
    hints = _entry_words()
    words = _words_of(text)
    if words & hints["location_words"] and len(text.split()) <= 3:
        return True
    return bool(_LOCATION_RE.match(text)) and not (words & (hints["organization_words"] | hints["title_words"] | hints["degree_words"]))


def _assign_fields(kind: str, parts: list[str]) -> tuple[str, str, str]:
    """Which part is the title, which the organisation, which the place: hint words first, then order."""
    hints = _entry_words()
    title_words = hints["degree_words"] if kind == "education" else hints["title_words"]
    expanded: list[str] = []
    for part in parts:
        # "Data Scientist, Acme Corp" holds two fields; "Leeds, UK" is one (a location).
        if "," in part and not is_location(part):
            expanded.extend(p.strip() for p in part.split(",", 1) if p.strip())
        else:
            expanded.append(part)

    def leaning(part: str) -> int:
        """Positive when the part reads as an organisation, negative as a title."""
        words = _words_of(part)
        org = len(words & hints["organization_words"]) + 2 * len(words & hints["institution_words"])
        return org - 2 * len(words & title_words)

    location = next((p for p in expanded if is_location(p)), "")
    rest = [p for p in expanded if p != location]
    title = max((p for p in rest if leaning(p) < 0), key=lambda p: -leaning(p), default="")
    rest = [p for p in rest if p != title]
    organization = "" if kind == "projects" else max(
        (p for p in rest if leaning(p) > 0), key=leaning, default="")
    rest = [p for p in rest if p != organization]
    for part in rest:  # no hint words: title first, then organisation
        if not title:
            title = part
        elif not organization and kind != "projects":
            organization = part
    return title, organization, location
