"""Step 3: lines -> sections and contact; entries are read by ``entries.py`` from these sections.

A heading is recognised by wording *and* look together: a known phrase (``taxonomy/sections.toml``)
set apart by bold, capitals, a larger size or space above; then any other short line set in that
same heading style is a heading too, kept under ``other`` with its own title. Known words set
clearly smaller than the section headings are labels inside a section; prose above the first
heading is a summary without a heading. What could not be read is said in ``Resume.warnings``.

Limits: headings are known in English, French, Spanish, Portuguese, German and Russian (data in
sections.toml); a heading drawn as a picture is not read; a heading joining two kinds takes one.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from analyzer.dates import find_date_range
from analyzer.entries import is_location, parse_entries, split_fields
from analyzer.links import EMAIL_RE, URL_RE
from analyzer.models import OCR_SOURCE, Contact, Document, Line, Resume, Section
from analyzer.taxonomy import EntryWords, SectionKind, SectionRole, Taxonomy, load_entry_words, normalise_heading

# A phone number, its opening bracket included: "(801) 555-0100", "+44 20 7946 0958".
_PHONE_RE = re.compile(r"(?<![\w/(])\(?(?:\+|00)?\(?\d[\d\s().\-]{7,}\d(?![\w/])")


@dataclass(frozen=True, slots=True)
class _Style:
    size: float
    bold: bool
    caps: bool


def structure_resume(document: Document, taxonomy: Taxonomy, *, as_of: str) -> Resume:
    sections = split_sections(document.lines, taxonomy, sizes_measured=has_measured_sizes(document))
    with_entries = taxonomy.kinds_with(SectionRole.HAS_ENTRIES)
    entries = tuple(
        entry for section in sections if section.kind in with_entries for entry in parse_entries(section, taxonomy)
    )
    contact = find_contact(document, sections, taxonomy)
    return Resume(document, contact, sections, entries, as_of, warnings=reading_warnings(document, sections, taxonomy))


# --- the thresholds -----------------------------------------------------------------------------

# A heading is short: at most this many words and characters ("Professional Experience and Projects").
HEADING_MAX_WORDS = 6
HEADING_MAX_CHARS = 48
# Capitals count as a look only with this many letters: "AI" or "R" in capitals is no heading style.
CAPS_MIN_LETTERS = 3
# Type sizes compared in half points: 10.5 and 10.6 are one size, 10 and 11 are not.
SIZE_STEPS_PER_POINT = 2
# The body size when a document has no text to measure (a common resume body size).
DEFAULT_BODY_SIZE = 10.0
# This much larger than the body text (points) is a larger type, not rounding noise.
LARGER_BY = 0.9
# Space above a line that is more than this many typical gaps, plus a point, sets it apart.
SPACE_ABOVE_GAPS = 1.6
SPACE_ABOVE_SLACK = 1.0
# The gap given to a line with no line above it in its column (a page or column start): always apart.
NO_LINE_ABOVE = 99.0
# The typical gap between lines when no two lines share a column (points).
DEFAULT_LINE_GAP = 2.0
# Style comparisons between headings need at least this many recognised headings to mean anything.
MIN_HEADINGS_TO_COMPARE = 3
# A trait (capitals, bold) shared by this share of the headings is the heading style.
SHARED_TRAIT_SHARE = 0.75
# The section headings' size is one this many recognised headings share (one large label is not enough).
SECTION_SIZE_SHARED_BY = 2
# A heading broken over two lines: the second starts within this many type sizes of the first's bottom.
WRAPPED_HEADING_GAP_SIZES = 0.8
# Two separators or more make a row of items ("LinkedIn | GitHub | Portfolio"), not a heading.
ROW_MIN_SEPARATORS = 2
# A line of running text: at least this many words, at least this share of them lower case.
PROSE_MIN_WORDS = 5
PROSE_LOWER_SHARE = 0.4
# Not a resume: this many letter openings/closings, or document words ("Abstract", "Chapter 2")...
NOT_RESUME_MIN_MARKERS = 2
# ...with fewer resume sections than these (a cover letter may name a job; a thesis its education).
LETTER_MAX_RESUME_SECTIONS = 2
PAPER_MAX_RESUME_SECTIONS = 3
# A document this many pages long with fewer resume sections than this is not a resume.
LONG_DOCUMENT_PAGES = 6
LONG_DOCUMENT_MAX_RESUME_SECTIONS = 2
# The contact block, when no section holds it, is among the first lines of page 1.
CONTACT_LINES = 12
# A phone number has at least this many digits; two numbers ending in the same ones are one number.
PHONE_MIN_DIGITS = 9
# A person's name is 1 to 5 words, mostly letters.
NAME_MAX_WORDS = 5
NAME_LETTER_SHARE = 0.7
# Words within this many points of the line's largest size are set in that size (the name's run).
SAME_SIZE_SLACK = 0.5


# --- failure is never silent ----------------------------------------------------------------------

# Fewer lines than this hold no headings to miss (a one-screen note, a test fixture).
MIN_LINES_FOR_HEADINGS = 25
# Openings and closings of a letter, and words that title a thesis, paper or manual.
_LETTER_RE = re.compile(r"^(?:dear\b|to whom it may concern|(?:yours )?sincerely\b|kind regards\b|best regards\b)", re.IGNORECASE)
_DOCUMENT_WORDS_RE = re.compile(r"^(?:abstract|table of contents|contents|chapter \d+|bibliography|acknowledge?ments|appendix [a-z\d])$", re.IGNORECASE)


def reading_warnings(document: Document, sections: tuple[Section, ...], taxonomy: Taxonomy) -> tuple[str, ...]:
    """Plain sentences for what the reader could not do: no heading found, one section holding most
    of the text, a file that is not a resume. Everything is still read."""
    warnings = []
    lines = document.lines
    unnamed = (SectionKind.CONTACT, SectionKind.OTHER)
    named = [s for s in sections if s.kind not in unnamed and s.title]
    if len(lines) >= MIN_LINES_FOR_HEADINGS and not named:
        warnings.append(
            "No section headings (Experience, Education, Skills...) were recognised, so the whole resume "
            "was read as one block: skills, links and dates were still read, but which section they come "
            "from is unknown. Headings drawn as pictures, or written in an unusual way, cause this."
        )
    elif len(lines) >= ONE_SECTION_MIN_LINES and sections:
        biggest = max(sections, key=lambda s: len(s.lines))
        share = len(biggest.lines) / len(lines)
        # An experience section may fill a page; the contact block or an unnamed one may not.
        if share > ONE_SECTION_SHARE or (share > UNNAMED_SECTION_SHARE and biggest.kind in unnamed):
            title = biggest.title or biggest.kind
            warnings.append(
                f"Most of the text landed in one section (\u201c{title}\u201d): some headings were "
                "probably not recognised, so sections and entries may be incomplete."
            )
    kind = not_resume_kind(document, sections, taxonomy)
    if kind:
        warnings.append(
            f"This file does not read like a resume (it looks like {kind}); the analysis assumes a "
            "resume, so its questions and scores may not apply."
        )
    return tuple(warnings)


def not_resume_kind(document: Document, sections: tuple[Section, ...], taxonomy: Taxonomy) -> str:
    """'a cover letter', 'a thesis or paper', 'a long document' or '' for what reads like a resume
    (judged by how many of the sections every resume has, role core, it holds)."""
    texts = [line.text.strip() for line in document.lines]
    resume_kinds = {s.kind for s in sections} & taxonomy.kinds_with(SectionRole.CORE)
    if sum(1 for t in texts if _LETTER_RE.match(t)) >= NOT_RESUME_MIN_MARKERS or (
            any(re.match(r"^dear\b", t, re.IGNORECASE) for t in texts) and len(resume_kinds) < LETTER_MAX_RESUME_SECTIONS):
        return "a cover letter"
    if (sum(1 for t in texts if _DOCUMENT_WORDS_RE.match(t.rstrip(":"))) >= NOT_RESUME_MIN_MARKERS
            and len(resume_kinds) < PAPER_MAX_RESUME_SECTIONS):
        return "a thesis, paper or manual"
    if document.pages >= LONG_DOCUMENT_PAGES and len(resume_kinds) < LONG_DOCUMENT_MAX_RESUME_SECTIONS:
        return "a long document that is not a resume"
    return ""


# --- headings and sections ----------------------------------------------------------------------


def _heading_text(line: Line) -> str:
    return line.text.strip().rstrip(":").strip()


def is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= CAPS_MIN_LETTERS and all(c.isupper() for c in letters)


def is_short(line: Line) -> bool:
    return len(line.text.split()) <= HEADING_MAX_WORDS and len(line.text) <= HEADING_MAX_CHARS


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


def _size_step(size: float) -> float:
    return round(size * SIZE_STEPS_PER_POINT) / SIZE_STEPS_PER_POINT


def _style(line: Line) -> _Style:
    return _Style(_size_step(line.size), line.bold, is_all_caps(line.text))


def _body_size(lines: tuple[Line, ...]) -> float:
    sizes = Counter()
    for line in lines:
        sizes[_size_step(line.size)] += len(line.text)
    return sizes.most_common(1)[0][0] if sizes else DEFAULT_BODY_SIZE


def _space_above(lines: tuple[Line, ...]) -> dict[int, float]:
    gaps: dict[int, float] = {}
    for i, line in enumerate(lines):
        previous = lines[i - 1] if i else None
        same_flow = previous is not None and previous.page == line.page and previous.column == line.column
        gaps[i] = line.top - previous.bottom if same_flow and line.top > previous.bottom else NO_LINE_ABOVE
    return gaps


def heading_kind(text: str, taxonomy: Taxonomy) -> str | None:
    """The section kind a heading names, or None: as written, joined ("WORKEXPERIENCE"), or the
    kinds it joins ("Experience & Projects") where the kind listed first in sections.toml wins."""
    text = text.strip().rstrip(":").strip()
    if not text:
        return None
    compact = _compact_phrases(taxonomy.sections)
    pieces = [piece for piece in _JOINER_RE.split(text) if piece.strip()]
    if len(pieces) < 2 or _compact(text) in compact:
        return compact.get(_compact(text)) or taxonomy.section_kind(text)
    kinds = {taxonomy.section_kind(piece) or _compact_phrases(taxonomy.sections).get(_compact(piece)) for piece in pieces}
    order = taxonomy.section_order()
    named = sorted((k for k in kinds if k and k != SectionKind.OTHER), key=order.index)
    return named[0] if named else None


# What joins two section names in one heading: "Skills & Languages", "Projects/Publications".
_JOINER_RE = re.compile(r"\s*(?:&|/|\+|\||,)\s*|\s+(?:and|und|et|y|e|и)\s+", re.IGNORECASE)


def _compact(text: str) -> str:
    return re.sub(r"[\W_]+", "", normalise_heading(text))


@lru_cache(maxsize=4)
def _compact_phrases(sections: tuple) -> dict[str, str]:
    """Phrases without spaces: a heading typed or extracted as one word ("WORKEXPERIENCE")."""
    return {_compact(phrase): section.kind for section in sections for phrase in section.phrases}


# A known heading in type this much smaller than the document's section headings is a label inside
# a section ("Programming" under "Skills"), not a section of its own.
SUBHEADING_STEP = 1.0
# Prose before the first heading longer than this (words) is an unheaded summary, not contact data...
SUMMARY_MIN_WORDS = 20
# ...on at least this many lines (one long line is a tagline).
SUMMARY_MIN_LINES = 2
# ...when it starts among the first lines of the page: further down, it is text whose heading was missed.
SUMMARY_MAX_START = 12
# A warning when one section holds more than this share of the text of a document this long (lines).
ONE_SECTION_SHARE = 0.85
UNNAMED_SECTION_SHARE = 0.6
ONE_SECTION_MIN_LINES = 30


def has_measured_sizes(document: Document) -> bool:
    """Type sizes come from the file (a PDF's fonts, a .docx's styles), not estimated from OCR line heights."""
    return document.source != OCR_SOURCE


def split_sections(lines: tuple[Line, ...], taxonomy: Taxonomy, *, sizes_measured: bool = True) -> tuple[Section, ...]:
    body = _body_size(lines)
    gaps = _space_above(lines)
    typical_gap = statistics.median([g for g in gaps.values() if g < NO_LINE_ABOVE] or [DEFAULT_LINE_GAP])

    headings: dict[int, str] = {}
    titles: dict[int, str] = {}
    joined: set[int] = set()
    for i, line in enumerate(lines):
        if i in joined or not (could_be_heading(line, body) and is_set_apart(line, gaps[i], body, typical_gap)):
            continue
        text = _heading_text(line)
        following = lines[i + 1] if i + 1 < len(lines) else None
        if following is not None and is_wrapped_heading(line, following):
            text = f"{text} {_heading_text(following)}"
        kind = heading_kind(text, taxonomy)
        if kind:
            headings[i], titles[i] = kind, text
            if text != _heading_text(line):
                joined.add(i + 1)
    headings = _drop_weaker_headings(headings, lines)
    if sizes_measured:  # WHY: OCR guesses sizes from line heights; capitals alone read a size smaller
        headings = _drop_subheadings(headings, lines)
    titles = {i: titles[i] for i in headings}
    styles = {_style(lines[i]) for i in headings}
    # A line in exactly the style of the recognised headings is a heading we have no name for;
    # above the first recognised heading is the name-and-contact block, never a heading.
    first = min(headings, default=len(lines))
    for i, line in enumerate(lines):
        if (i > first and i not in headings and i not in joined and has_heading_shape(line)
                and _style(line) in styles and _is_distinct(line, body) and not is_content_line(line, _hints(taxonomy))):
            headings[i], titles[i] = SectionKind.OTHER, _heading_text(line)

    sections: list[Section] = []
    current_kind, current_title, current_page, current_lines = SectionKind.CONTACT, "", 1, []
    for i, line in enumerate(lines):
        if i in joined:
            continue
        if i in headings:
            if current_lines or current_title:
                sections.append(Section(current_kind, current_title, current_page, tuple(current_lines)))
            current_kind, current_title, current_page, current_lines = headings[i], titles[i], line.page, []
        else:
            current_lines.append(line)
    if current_lines or current_title:
        sections.append(Section(current_kind, current_title, current_page, tuple(current_lines)))
    return _split_unheaded_summary(tuple(sections))


def is_set_apart(line: Line, space_above: float, body: float, typical_gap: float) -> bool:
    """Set apart by its look: bold, capitals, larger type than the body, or clear space above it."""
    return (line.bold or is_all_caps(line.text) or is_larger(line, body)
            or space_above > SPACE_ABOVE_GAPS * typical_gap + SPACE_ABOVE_SLACK)


def is_larger(line: Line, body: float) -> bool:
    """Set in clearly larger type than the body text."""
    return line.size >= body + LARGER_BY


def _drop_weaker_headings(headings: dict[int, str], lines: tuple[Line, ...]) -> dict[int, str]:
    """When most headings share a trait (capitals, bold), a known word set without it is a label
    inside a section ('Languages' above 'Python · SQL' in a skills list), not a heading of its own."""
    if len(headings) < MIN_HEADINGS_TO_COMPARE:
        return headings
    styles = {i: _style(lines[i]) for i in headings}
    caps_share = sum(st.caps for st in styles.values()) / len(styles)
    bold_share = sum(st.bold for st in styles.values()) / len(styles)

    def lacks_shared_trait(style: _Style) -> bool:
        return ((caps_share >= SHARED_TRAIT_SHARE and not style.caps)
                or (bold_share >= SHARED_TRAIT_SHARE and not style.bold))

    typical = min((st.size for st in styles.values() if not lacks_shared_trait(st)), default=0.0)
    return {i: kind for i, kind in headings.items()
            if not (lacks_shared_trait(styles[i]) and styles[i].size <= typical)}


def _is_distinct(line: Line, body: float) -> bool:
    # Matching a heading style by accident is easy for plain bold text; demand caps or larger type too.
    return is_all_caps(line.text) or is_larger(line, body)



def could_be_heading(line: Line, body: float) -> bool:
    """Heading-shaped; a line led by an icon counts when it is set larger than the text or in capitals."""
    if is_link_row(line.text):
        return False
    if has_heading_shape(line):
        return True
    return line.bullet and has_heading_shape(_with_bullet(line, False)) and (
        is_larger(line, body) or is_all_caps(line.text))


def _with_bullet(line: Line, bullet: bool) -> Line:
    return Line(line.text, line.page, line.x0, line.top, line.x1, line.bottom, line.size, line.bold,
                line.column, bullet, line.words)


def is_wrapped_heading(line: Line, following: Line) -> bool:
    """'DATA TOOLS &' over 'LANGUAGES': a heading broken over two lines ends with a joining word."""
    return (
        following.page == line.page and following.column == line.column
        and _style(following) == _style(line) and has_heading_shape(following)
        and re.search(r"(?:&|/|,|\band)$", _heading_text(line), re.IGNORECASE) is not None
        and 0 <= following.top - line.bottom <= WRAPPED_HEADING_GAP_SIZES * max(line.size, 1.0)
    )


# Separators of a row of items ("LinkedIn | GitHub | Portfolio"); headings join names with & / and.
_ROW_SEPARATOR_RE = re.compile(r"\s[|\u2022\u00b7\u2014\u2013]\s|\|")


def is_link_row(text: str) -> bool:
    """Three or more items separated by bars, bullets or dashes: content, never one heading
    ("VIRTUAL INTERNSHIPS | PROVIDER" may still be one)."""
    return len(_ROW_SEPARATOR_RE.findall(text)) >= ROW_MIN_SEPARATORS


def is_content_line(line: Line, hints: EntryWords) -> bool:
    """A place, or a row of link names ("LinkedIn | GitHub"): content set in capitals, not a heading."""
    text = _heading_text(line)
    return is_location(text, hints) or (len(split_fields(text, hints)) >= 2 and "&" not in text)


def _drop_subheadings(headings: dict[int, str], lines: tuple[Line, ...]) -> dict[int, str]:
    """Known words set clearly smaller than the section headings of their column are labels inside a
    section ("Programming", "Languages" under "Skills"); the section headings' size is the largest
    that two recognised headings share, per column when a sidebar has two of its own."""
    if len(headings) < MIN_HEADINGS_TO_COMPARE:
        return headings

    def section_size(indices: list[int]) -> float:
        # Section headings are the largest known words that recur: the largest size shared by two.
        counts = Counter(_style(lines[i]).size for i in indices)
        shared = [size for size, count in counts.items() if count >= SECTION_SIZE_SHARED_BY]
        return max(shared) if shared else 0.0

    overall = section_size(list(headings))
    by_column: dict[int, list[int]] = {}
    for i in headings:
        by_column.setdefault(lines[i].column, []).append(i)
    sizes = {column: (section_size(found) or overall) if len(found) >= SECTION_SIZE_SHARED_BY else overall
             for column, found in by_column.items()}
    return {i: kind for i, kind in headings.items() if _style(lines[i]).size >= sizes[lines[i].column] - SUBHEADING_STEP}


def _split_unheaded_summary(sections: tuple[Section, ...]) -> tuple[Section, ...]:
    """Prose between the contact lines and the first heading is a summary without a heading."""
    if not sections or sections[0].kind != SectionKind.CONTACT or sections[0].title:
        return sections
    lines = sections[0].lines
    for start, line in enumerate(lines):
        run = [line]
        for following in lines[start + 1:]:
            if following.column != line.column or following.page != line.page or not is_prose(following.text):
                break
            run.append(following)
        if start >= SUMMARY_MAX_START:
            break
        if (is_prose(line.text) and len(run) >= SUMMARY_MIN_LINES
                and sum(len(l.text.split()) for l in run) >= SUMMARY_MIN_WORDS):
            end = start + len(run)
            head = Section(SectionKind.CONTACT, "", sections[0].page, lines[:start]) if start else None
            summary = Section(SectionKind.SUMMARY, "", line.page, tuple(lines[start:end]))
            # Contact lines read after the summary (a sidebar) stay contact lines.
            rest = Section(SectionKind.CONTACT, "", lines[end].page, tuple(lines[end:])) if end < len(lines) else None
            return tuple(s for s in (head, summary, rest) if s) + sections[1:]
    return sections


def is_prose(text: str) -> bool:
    """A line of running text: several words, mostly lower case, no address, link or phone."""
    words = text.split()
    lower = sum(1 for w in words if w[:1].islower())
    return (len(words) >= PROSE_MIN_WORDS and lower >= PROSE_LOWER_SHARE * len(words) and "@" not in text
            and not URL_RE.search(text)
            and not _PHONE_RE.search(text))


# --- contact ------------------------------------------------------------------------------------


def find_contact(document: Document, sections: tuple[Section, ...], taxonomy: Taxonomy | None = None) -> Contact:
    header = [line for line in (sections[0].lines if sections and sections[0].kind == SectionKind.CONTACT else ())]
    first_page = [line for line in document.lines if line.page == 1]
    name = _find_name(first_page, taxonomy)
    # The contact block, any section headed "Contact", and a sidebar's lines at the top of page 1.
    contact_lines = [l for s in sections if s.kind == SectionKind.CONTACT for l in s.lines]
    contact_text = "\n".join(line.text for line in (contact_lines or first_page[:CONTACT_LINES]))
    emails = tuple(dict.fromkeys(
        [link.url.removeprefix("mailto:") for link in document.links if link.kind == "email"]
        + [m.group().lower() for m in EMAIL_RE.finditer(contact_text)]
    ))
    typed = [" ".join(m.group().split()) for m in _PHONE_RE.finditer(contact_text)]
    dialled = [link.url.removeprefix("tel:") for link in document.links if link.kind == "phone"]
    phones: dict[str, str] = {}  # digits -> as typed; a tel: link repeats a typed number
    for phone in typed + dialled:
        digits = re.sub(r"\D", "", phone)
        if (len(digits) >= PHONE_MIN_DIGITS and not find_date_range(phone)
                and not any(d.endswith(digits[-PHONE_MIN_DIGITS:]) for d in phones)):
            phones[digits] = phone
    hints = _hints(taxonomy)
    location = next((part for line in header for part in split_fields(line.text, hints) if is_location(part, hints)), "")
    return Contact(name=name, emails=emails, phones=tuple(phones.values()), location=location)


# The name is looked for in the top part of page 1: below it, large type is a heading or a title.
NAME_ZONE = 0.35


def _find_name(lines: list[Line], taxonomy: Taxonomy | None = None) -> str:
    """The largest name-shaped text at the top of page 1: never a heading word, a job title or a link."""
    candidates = []
    bottom = max((line.bottom for line in lines), default=0.0)
    for order, line in enumerate(lines):
        if line.top > NAME_ZONE * max(bottom, 1.0) and order >= CONTACT_LINES:
            continue
        words = _largest_words(line)
        text = " ".join(w.text for w in words) if words else line.text
        if is_name(text, taxonomy):
            size = max((w.size for w in words), default=line.size)
            candidates.append((size, -order, text))
    if not candidates:
        return ""
    text = " ".join(max(candidates)[2].split())
    return text.title() if text.isupper() else text


def _largest_words(line: Line) -> list:
    """The run of words set in the line's largest type (a name beside a smaller contact line)."""
    if not line.words:
        return []
    largest = max(w.size for w in line.words)
    run: list = []
    for word in line.words:
        if word.size >= largest - SAME_SIZE_SLACK:
            run.append(word)
        elif run:
            break
    return run


def is_name(text: str, taxonomy: Taxonomy | None = None) -> bool:
    """Could be a person's name: 1-5 words of letters, not a heading, a job title or a link."""
    words = text.split()
    letters = text.replace(" ", "")
    return (
        1 <= len(words) <= NAME_MAX_WORDS
        and not any(c.isdigit() for c in text)
        and "@" not in text and "|" not in text
        and not URL_RE.search(text)
        and sum(c.isalpha() for c in letters) >= NAME_LETTER_SHARE * max(len(letters), 1)
        and not (taxonomy is not None and heading_kind(text, taxonomy))
        and not is_title_or_company(text, _hints(taxonomy))
    )


def is_title_or_company(text: str, hints: EntryWords) -> bool:
    """A job title ("Data Analyst") or an organisation ("Acme Labs"): hint words of entries.toml."""
    words = {w.lower().strip(".,") for w in text.split()}
    return bool(words & (hints.title_words | hints.organization_words))


def _hints(taxonomy: Taxonomy | None) -> EntryWords:
    """The taxonomy's entry words; the shipped ones for a sections-only taxonomy or none."""
    return (taxonomy.entries if taxonomy is not None else None) or load_entry_words()
