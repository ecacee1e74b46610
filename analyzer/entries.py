"""Step 3b: a section's lines -> entries (title, organisation, location, dates, bullets).

Entries are found in the sections whose role is ``has_entries`` in ``taxonomy/sections.toml``
(experience, education, projects, volunteering): a run of heading-like lines (title, organisation,
place, dates) followed by its body lines. A line that is mostly dates ("Apr 2021 – Present") belongs
to the heading even when an icon before it reads as a bullet; a range split over two lines or two
columns ("May 2018" above "current") is read whole; two titles under one organisation, each with its
own dates (a promotion), are two entries of that organisation. A body without bullets (their glyphs
drawn as pictures, a description paragraph, text beside a date column) starts at the first line under
a dated heading that is indented, starts where the title starts, or is long; a separator inside
brackets splits no field, a project's name set wide or over two lines is one title, and a field on a
line above the title ("Acme | Germany" over "Working Student – Data Analytics") is the organisation
rather than the team beside the title.

Limits: an entry whose fields have no hint words (no "Engineer", no "University") is split by
position only (title first, then organisation); dates written below an entry's bullets are not
tied to it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from analyzer.dates import (
    PRESENT,
    DateRange,
    find_date_range,
    has_document_date,
    is_open_end,
    month_index,
    remove_dates,
)
from analyzer.layout import split_segments
from analyzer.models import Entry, Line, Section
from analyzer.taxonomy import EntryWords, SectionRole, Taxonomy, load_entry_words

# Separators people put between fields of one heading: "Data Scientist | Acme — London".
_FIELD_SPLIT_RE = re.compile(r"\s+[|\u2014\u2013\u00b7\u2022\u2219/-]\s+|\s*\|\s*|\s+\u2014\s*|\s*\u2014\s+|\t")
# "Churn model: predicted ..." or "Churn model – predicted ...": the project's name comes first.
_PROJECT_NAME_RE = re.compile(r"^(?P<name>[^:\u2013\u2014]{2,60}?)\s*(?::|\s[\u2013\u2014-]\s)")
_COMMA_RE = re.compile(",")
_LOCATION_RE = re.compile(r"^[A-Z][\w.'\- ]{1,30},\s*[A-Z][\w.'\- ]{1,30}$")



# --- entries ------------------------------------------------------------------------------------

# A heading line with a date is at most this long; longer ones are sentences that mention a date.
_DATED_HEADING_MAX_WORDS = 24
# A line this long (in words) is a sentence of the body, not a heading field.
_SENTENCE_MIN_WORDS = 14
# A line ending in a full stop is a sentence only past this many words ("Acme Co." is not).
_STOPPED_SENTENCE_MIN_WORDS = 5
# A date line ("Sept 2014 – Dec 2016  Rasht, Guilan") has at most this many other words (a place, a mode).
_DATE_LINE_MAX_OTHER_WORDS = 5
# A lone date on a line of its own ("2021", "May 2021  Remote") may carry this many other words.
_LONE_DATE_LINE_MAX_OTHER_WORDS = 2
# Body text is indented at least this far (points) past the section's left edge.
_INDENT = 4
# Bullet text sits at most this far (points) right of its heading; a line further right is another
# column (a date column's neighbour), not an indent.
_BULLET_INDENT_MAX = 30
# A description beside a date column has at least this many words; a shorter line there is a heading
# field (the organisation, the place).
_DESCRIPTION_MIN_WORDS = 7
# Words each set apart from the next, this many or more in a line, are one title set with wide spacing.
_SPACED_TITLE_MIN_WORDS = 3
# An entry's heading (title, organisation, place, dates) rarely takes more lines than this.
_HEADING_MAX_LINES = 3
# Only the first lines of a heading name the entry; later ones are notes ("Thesis: ...", "GPA 3.9").
_NAMING_LINES = 2


def is_date_line(line: Line) -> bool:
    """Mostly dates: part of an entry's heading, even when an icon before it reads as a bullet."""
    found = find_date_range(line.text)
    if found is None:
        return False
    others = len(remove_dates(line.text).split())
    if found.start != found.end:
        return others <= _DATE_LINE_MAX_OTHER_WORDS
    text = line.text.strip()
    at_edge = found.span[0] == 0 or found.span[1] >= len(text.rstrip(".,;)"))
    return at_edge and others <= _LONE_DATE_LINE_MAX_OTHER_WORDS


def _ends_with_date(text: str) -> bool:
    """'Acme Co., India. June 2023 – Aug 2023.': the dates close the line, whatever punctuation follows."""
    found = find_date_range(text)
    return found is not None and not text[found.span[1]:].strip(" .,;)")


def _is_dated_heading(line: Line) -> bool:
    """A heading line carries the entry's dates; a sentence that mentions a year does not."""
    if find_date_range(line.text) is None or len(line.text.split()) > _DATED_HEADING_MAX_WORDS:
        return False
    return not line.text.rstrip().endswith(".") or _ends_with_date(line.text)


def _continues_body(line: Line, previous_is_body: bool, left: float) -> bool:
    """The wrapped tail of a bullet: indented like bullet text, or starting in lower case. A tail that
    names years is one only when it starts with a lower-case word and the years sit inside it
    ("across the region from 2009-2020 using panel data"): a heading's dates close its line."""
    if not previous_is_body or _set_in_bold(line):
        return False
    if find_date_range(line.text) is not None:
        return _is_wrapped_mention(line.text)
    return line.x0 > left + _INDENT or line.text[:1].islower()


def _set_in_bold(line: Line) -> bool:
    """Set in bold as a heading is, from its first word: a bullet that bolds its keywords ("Used AIC,
    Ridge and Lasso", the names bold) starts in body type."""
    return line.bold and (not line.words or line.words[0].bold)


def _opens_unbulleted_body(line: Line, groups: list[tuple[list[Line], list[Line]]]) -> bool:
    """The first line of a body without bullets, under a heading that has its dates and no body yet:
    indented under it, beside its date column, or a description paragraph; in body type (not set in
    bold as a heading is). Later lines follow it as the wrapped tail."""
    heading = groups[-1][0] if groups and not groups[-1][1] else []
    if not heading or not _has_date(heading) or _awaits_end_date(heading):
        return False
    if _set_in_bold(line) or is_date_line(line) or _is_dated_heading(line):
        return False
    return _is_indented_under(line, heading) or _is_beside_dates(line, heading) or _is_description_under(line, heading)


def _is_indented_under(line: Line, heading: list[Line]) -> bool:
    """Bullet text whose bullet was lost (drawn as a picture): indented past the heading's named lines
    by a bullet's indent, not a column's. A date column's lines are no edge to indent from (a year
    column left of the titles)."""
    named = [h.x0 for h in heading if not is_date_line(h)]
    return bool(named) and _INDENT < line.x0 - min(named) <= _BULLET_INDENT_MAX


def _is_beside_dates(line: Line, heading: list[Line]) -> bool:
    """A description written beside a date column (moderncv and the like): a line of several words
    that starts where the heading's title starts, right of its dates."""
    title_x = _title_x(heading[0])
    return title_x is not None and len(line.text.split()) >= _DESCRIPTION_MIN_WORDS and line.x0 >= title_x - _INDENT


def _is_description_under(line: Line, heading: list[Line]) -> bool:
    """A description paragraph under a complete heading (a name line and its dates): a line of several
    words. Heading fields after the dates are short ("Remote", "GPA 3.8")."""
    return len(heading) >= 2 and len(line.text.split()) >= _DESCRIPTION_MIN_WORDS


def _title_x(line: Line) -> float | None:
    """Where the title starts on a heading line that opens with its dates in a column of their own."""
    segments = split_segments(list(line.words)) if line.words else []
    if len(segments) < 2:
        return None
    first = " ".join(w.text for w in segments[0])
    return segments[1][0].x0 if find_date_range(first) is not None and not remove_dates(first).strip(" -–") else None


def _is_wrapped_mention(text: str) -> bool:
    words = text.split()
    return bool(words) and words[0].isalpha() and words[0].islower() and not _ends_with_date(text)


def _reads_as_sentence(line: Line, hints: EntryWords) -> bool:
    words = len(line.text.split())
    stopped = _ends_sentence(line.text, hints) and words > _STOPPED_SENTENCE_MIN_WORDS and not line.bold
    return words > _SENTENCE_MIN_WORDS or stopped


def is_body_line(line: Line, previous_is_body: bool, left: float, hints: EntryWords | None = None) -> bool:
    """A line of an entry's body, not of its heading: a bullet, the wrapped tail of the line above it
    (``previous_is_body``; indented past the section's ``left`` edge or starting in lower case), or a
    sentence. A date line and a dated heading line are never body. ``hints``: the taxonomy's entry
    words (entries.toml; the shipped ones when not given)."""
    hints = hints or load_entry_words()
    if is_date_line(line):
        return False
    if line.bullet or _continues_body(line, previous_is_body, left):
        return True
    if _is_dated_heading(line):
        return False
    return _reads_as_sentence(line, hints)


def _ends_sentence(text: str, hints: EntryWords) -> bool:
    """A full stop that ends a sentence, not an abbreviation ('Prairie Goods Co.', 'Fernway B.V.')."""
    last = text.rstrip().split()[-1] if text.strip() else ""
    abbreviations = hints.organization_words
    return last.endswith(".") and last.count(".") == 1 and last.lower() not in abbreviations and last[:-1].lower() not in abbreviations


def _heading_is_full(line: Line, heading: list[Line]) -> bool:
    """Enough heading lines (date lines not counted): the next starts another entry, unless it
    brings the dates still missing or ends a lone date's range."""
    if sum(1 for h in heading if not is_date_line(h)) < _HEADING_MAX_LINES:
        return False
    return not (is_date_line(line) and (not _has_date(heading) or _is_range_tail(line, heading)))


def _dates_repeat(line: Line, heading: list[Line]) -> bool:
    """The heading has its dates; a second dated line, or its first line's look again, is the next entry."""
    if not _has_date(heading) or _awaits_end_date(heading):
        return False
    if _is_range_tail(line, heading):
        return False
    return find_date_range(line.text) is not None or _looks_like(line, heading[0])


def _is_range_tail(line: Line, heading: list[Line]) -> bool:
    """'May 2018' above 'current' (or above 'May 2019'): the second line ends the first line's range."""
    return _lone_start(heading) is not None and _joined_range(_lone_start(heading), _segment_texts(line)[0]) is not None


def is_new_entry(line: Line, groups: list[tuple[list[Line], list[Line]]]) -> bool:
    """A heading line that opens another entry rather than adding to the last one's heading (``groups``:
    the entries so far, as heading and body lines): the last entry has a body already or a full
    heading, or this line repeats dates or the look of its first line."""
    if not groups:
        return True
    heading, bullets = groups[-1]
    return bool(bullets) or not heading or _heading_is_full(line, heading) or _dates_repeat(line, heading)


def parse_entries(section: Section, taxonomy: Taxonomy) -> list[Entry]:
    """The entries of one section whose role is has_entries (see the module docstring)."""
    lines = section.lines
    if not lines:
        return []
    hints = taxonomy.entries or load_entry_words()
    is_project = section.kind in taxonomy.kinds_with(SectionRole.PROJECT)
    is_study = section.kind in taxonomy.kinds_with(SectionRole.STUDY)
    left = min(line.x0 for line in lines)
    groups: list[tuple[list[Line], list[Line]]] = []  # (heading lines, body lines)
    column_dates: dict[int, list[str]] = {}  # group -> dates a date column put beside its body
    previous_is_body = False
    for line in lines:
        if has_document_date(line.text):
            continue  # "Last updated in Mar 2026": a footer, part of no entry
        stray = _column_date(line) if previous_is_body and groups else None
        if stray is not None:
            column_dates.setdefault(len(groups) - 1, []).append(stray)
            groups[-1][1].append(line)
            continue
        body = is_body_line(line, previous_is_body, left, hints) or _opens_unbulleted_body(line, groups)
        if body:
            if not groups:
                groups.append(([], []))
            groups[-1][1].append(line)
        elif is_new_entry(line, groups):
            groups.append(([line], []))
        else:
            groups[-1][0].append(line)
        previous_is_body = body
    entries: list[Entry] = []
    previous_group: tuple[list[Line], list[Line]] | None = None
    for index, (heading, bullets) in enumerate(groups):
        if not heading and is_project:
            entries.extend(_bullet_projects(section, bullets))
        elif heading:
            entry = _make_entry(section.kind, heading, bullets, column_dates.get(index, []), hints,
                                is_study=is_study, is_project=is_project)
            if entries and previous_group is not None and _is_promotion(previous_group, heading, entry):
                entry = replace(entry, organization=entries[-1].organization)
            entries.append(entry)
        previous_group = (heading, bullets)
    return entries


def _column_date(line: Line) -> str | None:
    """'Aug/2019   board': a date column's start date beside the wrapped tail of a bullet. The date
    belongs to the entry above; the rest of the line is body text (it starts in lower case)."""
    segments = _segment_texts(line)
    if len(segments) < 2 or not segments[1][:1].islower():
        return None
    first = segments[0]
    is_date = is_open_end(first) or (find_date_range(first) is not None and not remove_dates(first))
    return first if is_date else None


def _is_promotion(previous: tuple[list[Line], list[Line]], heading: list[Line], entry: Entry) -> bool:
    """A second title with its own dates straight under the first, no organisation of its own:
    a promotion in the same organisation ('Senior Analyst 2022 – now' above 'Analyst 2020 – 2022')."""
    previous_heading, previous_bullets = previous
    return (
        not previous_bullets
        and not entry.organization
        and len(heading) == 1
        and _has_date(previous_heading)
        and find_date_range(previous_heading[0].text) is None
    )


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


def _make_entry(kind: str, heading: list[Line], bullets: list[Line], column_dates: list[str], hints: EntryWords,
                *, is_study: bool, is_project: bool) -> Entry:
    dates = _entry_dates(heading)
    if column_dates and (dates is None or dates.start == dates.end):
        dates = _column_range(heading, column_dates) or dates
    # A lone date on a study is when it ended (graduation), not when it began.
    if dates is not None and is_study and dates.start == dates.end and not dates.is_open:
        dates = DateRange(None, dates.end, dates.span)  # "2019" under education: when it ended
    parts: list[str] = []
    # A date line further down still holds a field: the place or the mode ("Remote").
    naming = heading[:_NAMING_LINES] + [line for line in heading[_NAMING_LINES:] if is_date_line(line)]
    if is_project and _is_wrapped_title(heading):
        parts.append(f"{heading[0].text} {heading[1].text}")
        naming = naming[2:]
    line_of: dict[str, int] = {}  # each field's naming line
    for index, line in enumerate(naming):
        for segment in _field_segments(line):
            text = " ".join(w.text for w in segment) if segment else line.text
            for part in split_fields(remove_dates(text), hints):
                parts.append(part)
                line_of.setdefault(part, index)
    title, organization, location = _assign_fields(parts, hints, is_study=is_study, is_project=is_project)
    if organization and line_of.get(organization, -1) == line_of.get(title, -2):
        # "Siemens Energy | Germany" above "Working Student – Data Analytics": the field beside the title is
        # its team or speciality when a line above names a field that is neither title nor place
        elsewhere = [p for p in parts if line_of[p] < line_of[title] and p not in (title, location)
                     and "," not in p and not is_location(p, hints) and _leaning(p, hints.title_words, hints) >= 0]
        organization = elsewhere[0] if elsewhere else organization
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


def _is_wrapped_title(heading: list[Line]) -> bool:
    """A project's name set over two lines in the same heading type, no dates or separators in it
    (a project has no organisation for the second line to be)."""
    return (len(heading) >= 2 and _looks_like(heading[1], heading[0]) and not _has_date(heading[:2])
            and all(len(split_fields(line.text)) == 1 for line in heading[:2]))


def _field_segments(line: Line) -> list[list]:
    """The line's words in groups apart on the line (a field each); a title set with wide spacing
    ("OBJECT  DETECTION  ON  VIDEO", each word apart) is one group."""
    if not line.words:
        return [[]]
    segments = split_segments(list(line.words))
    if len(segments) >= _SPACED_TITLE_MIN_WORDS and all(len(segment) == 1 for segment in segments):
        return [list(line.words)]
    return segments


def _entry_dates(heading: list[Line]) -> DateRange | None:
    segments = [seg for line in heading for seg in _segment_texts(line)]
    found = [find_date_range(seg) for seg in segments]
    # A whole range in one field wins.
    whole = next((f for f in found if f is not None and f.start is not None and f.end != f.start), None)
    if whole:
        return whole
    # A range broken over two lines ("Jan 2020 –" above "Mar 2022", "May 2018" above "current").
    first_lines = [_segment_texts(line) for line in heading]
    for i, upper in enumerate(first_lines):
        lower = [tail for later in first_lines[i + 1:] for tail in later]
        for piece in upper:
            for tail in lower:
                joined = _joined_range(piece, tail)
                if joined:
                    return joined
    for line in heading:
        single = find_date_range(line.text)
        if single:
            return single
    return None


def _column_range(heading: list[Line], column_dates: list[str]) -> DateRange | None:
    """A date column with the end on the heading's row ('Present', 'Jul/2019') and the start lower
    down beside the body ('Aug/2019'): one range."""
    end_piece = _segment_texts(heading[0])[0]
    end = find_date_range(end_piece)
    if not (is_open_end(end_piece) or (end is not None and not remove_dates(end_piece))):
        return None
    start = find_date_range(column_dates[0])
    if start is None or start.start is None:
        return None
    end_value = PRESENT if is_open_end(end_piece) else end.end
    if end_value != PRESENT and (month_index(end_value, "2000-01", end=True) or 0) < (month_index(start.start, "2000-01") or 0):
        return None
    return DateRange(start.start, end_value, start.span)


def _lone_start(heading: list[Line]) -> str | None:
    """The heading's last lone date, which a later line may complete ('May 2018' / 'current')."""
    for line in reversed(heading):
        for piece in _segment_texts(line):
            found = find_date_range(piece)
            if found and found.start is not None and found.start == found.end:
                return piece
    return None


def _is_bare_year(text: str) -> bool:
    """Nothing but a year ('2021'): a year column may list the end above the start."""
    return re.fullmatch(r"\s*(?:19|20)\d\d\s*", text) is not None


def _joined_range(piece: str, tail: str) -> DateRange | None:
    """A lone start date and the date or open end that begins the next line, read as one range."""
    first = find_date_range(piece)
    if first is None or first.start is None or first.start != first.end:
        return None
    lead = re.sub(r"[\s\u2013\u2014-]+$", "", piece[first.span[0]:first.span[1]])
    joined = find_date_range(f"{lead} \u2013 {tail.strip()}")
    if joined is None or joined.span[0] != 0 or joined.end == joined.start:
        return None
    if joined.end != PRESENT and (month_index(joined.end, "2000-01", end=True) or 0) < (month_index(joined.start, "2000-01") or 0):
        # A date column read top-down may put the end above the start ('2022' over '2021').
        return DateRange(joined.end, joined.start, joined.span) if _is_bare_year(tail) and _is_bare_year(lead) else None
    return joined


def _segment_texts(line: Line) -> list[str]:
    if not line.words:
        return [line.text]
    return [" ".join(w.text for w in seg) for seg in split_segments(list(line.words))]


def split_fields(text: str, hints: EntryWords | None = None) -> list[str]:
    """The fields of a heading: split at separators and at the at_words of entries.toml ("at", "@")."""
    at_split = (hints or load_entry_words()).at_split
    parts = []
    for piece in split_outside_brackets(_FIELD_SPLIT_RE, text):
        for sub in at_split.split(piece):
            sub = _trim(sub)
            if sub:
                parts.append(sub)
    return parts


def split_outside_brackets(pattern: re.Pattern[str], text: str, maxsplit: int = 0) -> list[str]:
    """``text`` split at the matches of ``pattern`` that stand outside brackets: "Senior Engineer
    (Payments - Backend, SRE)" is one field, its team and roles in the brackets."""
    pieces, start = [], 0
    for match in pattern.finditer(text):
        if text.count("(", 0, match.start()) > text.count(")", 0, match.start()):
            continue
        pieces.append(text[start:match.start()])
        start = match.end()
        if maxsplit and len(pieces) == maxsplit:
            break
    return [*pieces, text[start:]]


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


def is_location(text: str, hints: EntryWords | None = None) -> bool:
    hints = hints or load_entry_words()
    words = _words_of(text)
    if words & hints.location_words and len(text.split()) <= 3:
        return True
    return bool(_LOCATION_RE.match(text)) and not (words & (hints.organization_words | hints.title_words | hints.degree_words))


def _leaning(text: str, title_words: frozenset[str], hints: EntryWords) -> int:
    """Positive when the text reads as an organisation, negative as a title (hint words of entries.toml)."""
    words = _words_of(text)
    org = len(words & hints.organization_words) + 2 * len(words & hints.institution_words)
    return org - 2 * len(words & title_words)


def is_job_title(text: str, hints: EntryWords | None = None) -> bool:
    """The text reads as a job title ('Quantitative Researcher'), not an employer: its title words
    outweigh its organisation words. Limit: a firm named after a title word alone reads as a title."""
    hints = hints or load_entry_words()
    if set(re.findall(r"[a-z]+", text.lower())) & hints.course_words:
        return False  # WHY: "Associate (DCA) Certification" names a course; "in your role as" it reads wrong
    return _leaning(text, hints.title_words, hints) < 0


def _assign_fields(parts: list[str], hints: EntryWords, *, is_study: bool, is_project: bool) -> tuple[str, str, str]:
    """Which part is the title, which the organisation, which the place: hint words first, then order.
    A study's title is its degree; a project has no organisation."""
    title_words = hints.degree_words if is_study else hints.title_words
    expanded: list[str] = []
    for part in parts:
        # "Data Scientist, Acme Corp" holds two fields; "Leeds, UK" is one (a location).
        if "," in part and not is_location(part, hints):
            expanded.extend(p.strip() for p in split_outside_brackets(_COMMA_RE, part, maxsplit=1) if p.strip())
        else:
            expanded.append(part)

    def leaning(part: str) -> int:
        return _leaning(part, title_words, hints)

    location = next((p for p in expanded if is_location(p, hints)), "")
    rest = [p for p in expanded if p != location]
    title = max((p for p in rest if leaning(p) < 0), key=lambda p: -leaning(p), default="")
    rest = [p for p in rest if p != title]
    organization = "" if is_project else max(
        (p for p in rest if leaning(p) > 0), key=leaning, default="")
    rest = [p for p in rest if p != organization]
    for part in rest:  # no hint words: title first, then organisation
        if not title:
            title = part
        elif not organization and not is_project:
            organization = part
    return title, organization, location
