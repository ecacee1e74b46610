"""Step 3b: a section's lines -> entries (title, organisation, location, dates, bullets).

Entries are found in experience, education and projects sections: a run of heading-like lines
(title, organisation, place, dates) followed by its bullet lines.

Limits: an entry whose fields have no hint words (no "Engineer", no "University") is split by
position only (title first, then organisation).
"""

from __future__ import annotations

import re
from functools import lru_cache

from analyzer.dates import (
    DateRange,
    find_date_range,
    is_completion_date,
    is_open_end,
    join_date_parts,
    remove_dates,
)
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


# A line that is mostly its dates ("Apr 2021 – Present", "Sep 2014 – Dec 2016  Leeds, UK") belongs to
# an entry's heading, even when a template sets an icon or a bullet glyph before it.
DATE_LINE_MAX_OTHER_WORDS = 4
# A heading line with dates holds at most title, organisation, place and dates; longer is a sentence.
HEADING_MAX_WORDS = 24
# A body line without dates: a sentence is long, or ends in a full stop after a few words.
SENTENCE_MIN_WORDS = 5
LONG_LINE_WORDS = 14
# Bullet text wrapped onto the next line starts a little right of the section's left edge.
WRAP_INDENT_PT = 4
# Title, organisation and place: a fourth undated heading line starts the next entry.
MAX_HEADING_LINES = 3


def is_date_line(line: Line) -> bool:
    """The line is its dates, maybe with a place: 'Jan 2020 – Present', 'Summer 2019 · Remote', 'current'."""
    if is_open_end(line.text):
        return True
    return find_date_range(line.text) is not None and len(remove_dates(line.text).split()) <= DATE_LINE_MAX_OTHER_WORDS


def has_dates_at_edge(text: str) -> bool:
    """The dates open or close the line ('Acme Ltd, Leeds. Nov 2020 – Aug 2022.'), as heading lines set them."""
    dates = find_date_range(text)
    if dates is None:
        return False
    start, end = dates.span
    return not text[:start].strip(" ,;|()[]") or not text[end:].strip(" .,;|()[]")


def is_wrapped_tail(line: Line, previous: Line | None, previous_is_body: bool, left: float) -> bool:
    """The wrapped tail of a bullet: indented like bullet text, or starting in lower case."""
    return (previous_is_body and previous is not None and not line.bold
            and find_date_range(line.text) is None
            and (line.x0 > left + WRAP_INDENT_PT or line.text[:1].islower()))


def is_dated_heading_line(line: Line) -> bool:
    """A short line carrying dates: a heading line (title, organisation, place and dates)."""
    words = len(line.text.split())
    return (find_date_range(line.text) is not None and words <= HEADING_MAX_WORDS
            and (not line.text.rstrip().endswith(".") or has_dates_at_edge(line.text)))


def is_sentence(line: Line) -> bool:
    words = len(line.text.split())
    return words > LONG_LINE_WORDS or (_ends_sentence(line.text) and words > SENTENCE_MIN_WORDS and not line.bold)


def _is_body(line: Line, previous: Line | None, previous_is_body: bool, left: float) -> bool:
    if is_date_line(line):
        return False
    if line.bullet or is_wrapped_tail(line, previous, previous_is_body, left):
        return True
    return not is_dated_heading_line(line) and is_sentence(line)


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
            starts_new = _starts_new_entry(line, heading, bullets)
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


def _starts_new_entry(line: Line, heading: list[Line], bullets: list[Line]) -> bool:
    """Does this heading-like line open the next entry, or add to the current entry's heading?"""
    if not heading and not bullets:
        return True
    if bullets:
        return True
    if is_date_line(line) and not _has_date(heading):
        return False  # the dates the current heading still lacks, on a line of their own
    if _has_lone_date(heading) and (is_open_end(line.text) or is_bare_date(line)):
        return False  # the end of a range set under its start ('May 2018' above 'current')
    if len(heading) >= MAX_HEADING_LINES:
        return True
    return (_has_date(heading) and not _awaits_end_date(heading)
            and (find_date_range(line.text) is not None or _looks_like(line, heading[0])))


def is_bare_date(line: Line) -> bool:
    return find_date_range(line.text) is not None and not remove_dates(line.text)


def _has_lone_date(heading: list[Line]) -> bool:
    """The heading has one date and no range yet: its end may follow on the next line."""
    found = _entry_dates(heading)
    return found is not None and found.start == found.end and found.start is not None


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
    naming = [line for line in heading if not is_date_line(line)][:2] + [line for line in heading if is_date_line(line)]
    for line in naming:
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


def _entry_dates(heading: list[Line]) -> DateRange | None:
    # A range broken over two lines ("Jan 2020 –" above "Mar 2022", "May 2018" above "current")
    # reads whole when joined.
    dated = [seg for line in heading for seg in _segment_texts(line) if find_date_range(seg) or is_open_end(seg)]
    joined = join_date_parts(dated)
    if joined and joined.end != joined.start:
        return joined
    for line in heading:
        found = find_date_range(line.text)
        if found and is_completion_date(line.text, found):
            return DateRange(None, found.end, found.span)  # "Expected May 2027": when it ends
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
