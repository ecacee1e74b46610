"""Step 2: words -> lines in reading order: columns, rows, headers/footers, bullets, hyphenation.

Two-column and sidebar pages are split at a gutter found from word positions, and read column by
column; full-width rows (a name banner) keep their place above or between the columns. Repeated
headers and footers and page numbers are removed; bullet glyphs become a flag on the line; words
broken across lines with a hyphen are joined again.

Limits: at most two columns per page; a table with three or more columns is read row by row.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from itertools import pairwise

from analyzer.dates import find_date_range
from analyzer.models import Line, Notice, Word

BULLET = "\u2022"
# Glyphs people use to start a bullet point. "-" and "–" count only as a word of their own;
# U+FFFD (a glyph the font could not map) at the start of a line is almost always a bullet.
_BULLET_CHARS = "\ufffd\u2022\u25cf\u25aa\u25a0\u25e6\u2023\u2219\u00b7\u27a2\u25ba\u25b6\u2756\u2713\u2714\u2043\u25c6\u25c7\u2605\u2606\u00bb*>\uf0b7"
_DASH_BULLETS = {"-", "\u2013", "\u2014", "o"}
_PAGE_NUMBER_RE = re.compile(r"^(page\s*)?\d{1,3}(\s*(of|/)\s*\d{1,3})?$", re.IGNORECASE)
# Word endings that are never a word on their own: "experi-" + "ments" was one word broken by the typesetter.
_SUFFIXES = frozenset(
    "s es ed ing ings ment ments tion tions sion sions ity ities ness ly al ally able ible ance ence "
    "ics ive ives ous er ers or ors ist ists ism ize ized izing ise ised ising ation ations ure ures "
    "ent ents ant ants age ages ful less ship ward ty ry cy".split()
)
# Words that start or end a hyphenated compound ("two-week", "data-driven", "real-time"): a line
# break after them keeps its hyphen even when the other half is short.
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten twelve multi single half".split())
_COMPOUND_TAILS = frozenset(
    "based driven time scale level term week weeks month months year years day days end side wide "
    "aware first specific facing world class stage step off free friendly ready heavy intensive "
    "oriented source learning tuning making".split()
)
# Header and footer zones: the top and bottom tenth of a page.
_EDGE_ZONE = 0.10
# Text repeated in the edge zone of at least this many pages is a running header or footer.
MIN_FURNITURE_PAGES = 2
# How many removed headers/footers the notice quotes: enough to recognise them, short enough to read.
FURNITURE_EXAMPLES = 3
# A type size of 0 (some PDFs do not say) still gets tolerances as for 1-point type, never none.
MIN_SIZE = 1.0

# Splitting a row into segments: a gap wider than this many points, and than this many type sizes,
# is no space between words but a tab stop (another column, a date pushed to the right).
SEGMENT_MIN_GAP = 6.0
SEGMENT_GAP_SIZES = 1.2
# A space is about half the type size: words either side of a gutter this close read across it.
SPACE_SIZES = 0.5

# Finding a gutter: a page with fewer rows than this is too short to tell columns from a table.
MIN_ROWS_FOR_COLUMNS = 8
# Share of rows that may cross the gutter anyway (a name banner, a full-width heading).
BANNER_ROW_SHARE = 0.08
# The gutter lies within the middle of the page: the outer 12% either side are margins.
GUTTER_MARGIN = 0.12
# A free band narrower than this (points) is a gap between words, not between columns.
MIN_GUTTER_WIDTH = 4
# Each side of a gutter holds at least this many rows of text, or it is a margin note.
MIN_COLUMN_ROWS = 5
# A side whose rows are at least this share dates is a date column of one-column entries.
DATE_COLUMN_SHARE = 0.5
# Sorts a band with no clean run after every band that has one (a crossing count no page reaches).
UNCLEAN_BAND = 1 << 20

# A word inside a taller word's height, within this many points, shares its row (a superscript).
ROW_HEIGHT_SLACK = 1
# A line is bold when more than this share of its letters are bold (a bold label on a plain line is not).
BOLD_LINE_SHARE = 0.6
# A bullet glyph is at most this many characters ("•", "»»").
MAX_BULLET_GLYPH = 2
# Letter-spaced type: a run's usual gap is at least this (points), so touching letters still split words.
MIN_LETTER_GAP = 0.5
# "E X P E R I E N C E": at least this many single letters on a line make a letter-spaced heading.
MIN_SPACED_HEADING_LETTERS = 4
# A hyphenated head this short ("pre-", "re-") is a syllable break, not a compound's first word.
MAX_SYLLABLE_HEAD = 3


def join_pages(
    pages: list[list[Line]], page_sizes: tuple[tuple[float, float], ...]
) -> tuple[tuple[Line, ...], tuple[Notice, ...]]:
    """The pages' lines as one sequence: page furniture removed, words hyphenated across lines joined."""
    pages, notices = _drop_page_furniture(pages, page_sizes)
    lines = [line for page in pages for line in page]
    return tuple(_join_hyphenated(lines)), tuple(notices)


# --- one page ---------------------------------------------------------------------------------


def page_lines(words: list[Word], width: float) -> list[Line]:
    """One page's words as lines in reading order (each column top to bottom)."""
    if not words:
        return []
    gutter = _find_gutter(words, width)
    rows = _group_rows(words)
    if gutter is None:
        return [line for row in rows if (line := _make_line(row, 0))]
    return _column_order(rows, gutter)


def split_segments(row: list[Word]) -> list[list[Word]]:
    """Split a row where the gap between words is far wider than a space (another column, a date)."""
    segments = [[row[0]]]
    for word in row[1:]:
        previous = segments[-1][-1]
        if word.x0 - previous.x1 > max(SEGMENT_MIN_GAP, SEGMENT_GAP_SIZES * max(word.size, previous.size, MIN_SIZE)):
            segments.append([word])
        else:
            segments[-1].append(word)
    return segments


def _find_gutter(words: list[Word], width: float) -> float | None:
    """The x of the empty vertical band between two columns, or None for a one-column page.

    In running text almost every line has a word over any given x; only a gutter is crossed by
    (nearly) no line at all, so the test is on words, not on gaps, which can be narrow in a table.
    """
    rows = _group_rows(words)
    if len(rows) < MIN_ROWS_FOR_COLUMNS:
        return None
    # How many words cover each whole point of x (words on one row never overlap).
    size = int(width) + 2
    delta = [0] * (size + 1)
    for word in words:
        first, last = max(0, int(word.x0) + 1), min(size, int(word.x1))
        if first < last:
            delta[first] += 1
            delta[last] -= 1
    covered, running = [], 0
    for value in delta:
        running += value
        covered.append(running)
    allowed = max(1, round(BANNER_ROW_SHARE * len(rows)))  # a name banner may cross the gutter
    low, high = int(width * GUTTER_MARGIN), int(width * (1 - GUTTER_MARGIN))
    bands: list[tuple[int, int, float]] = []  # (words crossing it, -band width, centre)
    start = None
    for x in range(low, high + 1):
        free = x < high and covered[x] <= allowed
        if free and start is None:
            start = x
        elif not free and start is not None:
            if x - start >= MIN_GUTTER_WIDTH:
                bands.append(_clearest_part(covered, start, x))
            start = None
    # The emptiest, then widest band with real text on both sides (a page margin has text on one
    # side only). WHY emptiest first: a wide band crossed by a long name or address in a sidebar
    # is not the gutter when a narrower band beside it is crossed by nothing.
    for _, _, gutter in sorted(bands):
        left = [" ".join(w.text for w in row if w.x1 <= gutter) for row in rows]
        right = [" ".join(w.text for w in row if w.x0 >= gutter) for row in rows]
        left, right = [t for t in left if t], [t for t in right if t]
        if min(len(left), len(right)) >= MIN_COLUMN_ROWS and not (is_date_column(left) or is_date_column(right)):
            return gutter
    return None


# A band narrower than this is judged by its width alone: a gap between tab stops is no gutter.
MIN_CLEAN_GUTTER = 8


# A band whose middle only one row crosses (a name banner) keeps its middle as the gutter.
BANNER_CROSSINGS = 1


def _clearest_part(covered: list[int], start: int, end: int) -> tuple[int, int, float]:
    """(words crossing, -width, centre) of the longest run of least-crossed x inside a free band.

    A free band may hold a sidebar's long name or address on one edge: the gutter is the part of
    the band that nothing crosses, not the middle of the whole band.
    """
    least = min(covered[start:end])
    centre = (start + end) // 2
    if covered[centre] <= BANNER_CROSSINGS:
        # Only a name banner crosses the middle: the gutter is the middle of the band.
        return (least, -(end - start), (start + end) / 2)
    best, run_start = (0, start), None
    for x in range(start, end + 1):
        if x < end and covered[x] == least:
            run_start = x if run_start is None else run_start
        elif run_start is not None:
            if x - run_start > best[0]:
                best = (x - run_start, run_start)
            run_start = None
    width, first = best
    if width < MIN_CLEAN_GUTTER:
        return (UNCLEAN_BAND, -(end - start), (start + end) / 2)
    return (least, -width, first + width / 2)


def is_date_column(side: list[str]) -> bool:
    """A right-aligned (or left-aligned) run of dates belongs to one-column entries: not a column."""
    dated = sum(1 for text in side if find_date_range(text))
    return dated >= DATE_COLUMN_SHARE * len(side)


def _group_rows(words: list[Word]) -> list[list[Word]]:
    """Words sharing a baseline form a row (sorted left to right); rows sorted top to bottom."""
    rows: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (round(w.bottom, 1), w.x0)):
        if rows and is_same_row(rows[-1], word):
            rows[-1].append(word)
            continue
        rows.append([word])
    return [sorted(row, key=lambda w: w.x0) for row in rows]


# Baselines closer than this share of the *smaller* type size are one row. WHY the smaller: a
# 32-point name must not pull the 10-point contact line under it into its row ("Jane Data Doe").
ROW_TOLERANCE = 0.35


def is_same_row(row: list[Word], word: Word) -> bool:
    """``word`` sits on the row's line: same baseline or top (within the smaller size), or inside its height."""
    last, first = row[-1], row[0]
    tolerance = ROW_TOLERANCE * max(min(word.size, last.size), MIN_SIZE)
    if abs(word.bottom - last.bottom) <= tolerance or abs(word.top - first.top) <= ROW_TOLERANCE * max(min(word.size, first.size), MIN_SIZE):
        return True
    # A smaller word within a larger one's height (a contact line beside a large name, a superscript).
    tallest = max(row, key=lambda w: w.bottom - w.top)
    return tallest.top - ROW_HEIGHT_SLACK <= word.top and word.bottom <= tallest.bottom + ROW_HEIGHT_SLACK


def _column_order(rows: list[list[Word]], gutter: float) -> list[Line]:
    """Full-width rows stay in place; between them, the left column is read before the right one."""
    ordered: list[Line] = []
    left: list[Line] = []
    right: list[Line] = []

    def flush() -> None:
        ordered.extend(left)
        ordered.extend(right)
        left.clear()
        right.clear()

    for row in rows:
        if is_across_gutter(row, gutter):
            flush()
            # A heading far to the right of a full-width name still belongs to its column.
            segments = split_segments(row)
            spanning = [w for seg in segments if is_across_gutter(seg, gutter) or len(segments) == 1 for w in seg]
            if line := _make_line(spanning or row, 0):
                ordered.append(line)
            if spanning:
                for seg in segments:
                    if seg[0] not in spanning:
                        target = left if seg[-1].x1 <= gutter else right
                        if line := _make_line(seg, 1 if target is left else 2):
                            target.append(line)
            continue
        if line := _make_line([w for w in row if w.x1 <= gutter], 1):
            left.append(line)
        if line := _make_line([w for w in row if w.x0 >= gutter], 2):
            right.append(line)
    flush()
    return ordered


def is_across_gutter(row: list[Word], gutter: float) -> bool:
    """A row reads across the gutter: a word spans it, or the words either side are only a space apart."""
    if any(w.x0 < gutter < w.x1 for w in row):
        return True
    left = [w for w in row if w.x1 <= gutter]
    right = [w for w in row if w.x0 >= gutter]
    if left and right:
        return right[0].x0 - left[-1].x1 < SPACE_SIZES * max(min(left[-1].size, right[0].size), MIN_SIZE)
    return False


def _make_line(words: list[Word], column: int) -> Line | None:
    bullet = False
    while words and is_bullet_word(words[0].text):
        bullet = True
        words = words[1:]
    if words and words[0].text[0] in _BULLET_CHARS and len(words[0].text) > 1:
        bullet = True
        first = words[0]
        words = [Word(first.text.lstrip(_BULLET_CHARS), first.page, first.x0, first.top, first.x1,
                      first.bottom, first.fontname, first.size, first.bold, first.italic)] + words[1:]
    words = [w for w in words if w.text != BULLET and w.text]
    if not words:
        return None
    text = _collapse_letter_spacing(_spaced_text(words))
    weights = [len(w.text) for w in words]
    bold_share = sum(wt for w, wt in zip(words, weights) if w.bold) / sum(weights)
    return Line(
        text=text,
        page=words[0].page,
        x0=min(w.x0 for w in words),
        top=min(w.top for w in words),
        x1=max(w.x1 for w in words),
        bottom=max(w.bottom for w in words),
        size=statistics.median(w.size for w in words),
        bold=bold_share > BOLD_LINE_SHARE,
        column=column,
        bullet=bullet,
        words=tuple(words),
    )


def is_bullet_word(text: str) -> bool:
    """A word that is only a bullet: the bullet glyph, a dash standing alone, or a short run of bullet glyphs."""
    return text == BULLET or text in _DASH_BULLETS or (len(text) <= MAX_BULLET_GLYPH and all(ch in _BULLET_CHARS for ch in text))


# A run of at least this many one-letter words is letter-spaced type ("W O R K"), not initials.
MIN_SPACED_LETTERS = 3
# Inside letter-spaced type a gap this many times the run's usual gap separates two words.
SPACED_WORD_GAP = 1.6


def _spaced_text(words: list[Word]) -> str:
    """The words joined by spaces, letter-spaced runs closed up: 'W O R K  E X P' -> 'WORK EXP'."""
    out: list[str] = []
    run: list[Word] = []

    def close_run() -> None:
        if len(run) >= MIN_SPACED_LETTERS:
            gaps = [b.x0 - a.x1 for a, b in pairwise(run)]
            usual = sorted(gaps)[len(gaps) // 2]
            word = run[0].text
            for gap, letter in zip(gaps, run[1:]):
                word += (" " if gap > SPACED_WORD_GAP * max(usual, MIN_LETTER_GAP) else "") + letter.text
            out.append(word)
        else:
            out.extend(w.text for w in run)
        run.clear()

    for word in words:
        if len(word.text) == 1 and word.text.isalpha():
            run.append(word)
        else:
            close_run()
            out.append(word.text)
    close_run()
    return " ".join(out)


def _collapse_letter_spacing(text: str) -> str:
    """'E X P E R I E N C E' (letter-spaced headings) -> 'EXPERIENCE'."""
    parts = text.split(" ")
    if len(parts) >= MIN_SPACED_HEADING_LETTERS and all(len(p) == 1 for p in parts if p):
        return "".join(parts)
    return text


# --- across pages ----------------------------------------------------------------------------


def _furniture_key(line: Line) -> str:
    return re.sub(r"\d+", "#", line.text.lower()).strip()


def is_in_edge_zone(line: Line, height: float) -> bool:
    """In the top or bottom tenth of a page: where headers, footers and page numbers sit."""
    return line.bottom < height * _EDGE_ZONE or line.top > height * (1 - _EDGE_ZONE)


def is_page_number(line: Line, height: float) -> bool:
    """'3', 'Page 3', '3 / 4' or 'Page 3 of 4' at the top or bottom of a page."""
    return is_in_edge_zone(line, height) and _PAGE_NUMBER_RE.match(line.text.strip()) is not None


def _drop_page_furniture(
    pages: list[list[Line]], page_sizes: tuple[tuple[float, float], ...]
) -> tuple[list[list[Line]], list[Notice]]:
    """Remove page numbers, and headers/footers that repeat on several pages."""
    edge_keys: Counter[str] = Counter()
    for index, lines in enumerate(pages):
        edge_keys.update({_furniture_key(l) for l in lines if is_in_edge_zone(l, page_sizes[index][1])})
    repeated = {key for key, count in edge_keys.items() if count >= MIN_FURNITURE_PAGES and len(pages) >= MIN_FURNITURE_PAGES}
    # The candidate's name in large type on page 1 is not furniture, even if later pages repeat it.
    first_page_largest = max((l.size for l in pages[0]), default=0.0) if pages else 0.0
    removed: list[str] = []
    kept_pages = []
    for index, lines in enumerate(pages):
        height = page_sizes[index][1]
        kept = []
        for line in lines:
            numbered = is_page_number(line, height)
            repeats = is_in_edge_zone(line, height) and _furniture_key(line) in repeated
            if repeats and index == 0 and line.size >= first_page_largest:
                repeats = False
            if numbered or repeats:
                if not numbered and line.text not in removed:
                    removed.append(line.text)
                continue
            kept.append(line)
        kept_pages.append(kept)
    notices = []
    if removed:
        notices.append(Notice(
            "header_footer_removed",
            "Text repeated at the top or bottom of every page was treated as a header or footer "
            f"and not analysed: {'; '.join(repr(t) for t in removed[:FURNITURE_EXAMPLES])}.",
        ))
    return kept_pages, notices


def _join_hyphenated(lines: list[Line]) -> list[Line]:
    """'scikit-' + 'learn ...' on the next line -> 'scikit-learn'; 'experi-' + 'ments' -> 'experiments'."""
    text_words = {w.lower() for line in lines for w in re.findall(r"[\w-]+", line.text)}
    out = list(lines)
    for i in range(len(out) - 1):
        line, following = out[i], out[i + 1]
        match = re.search(r"([A-Za-z]+)-$", line.text)
        if not match or following.page != line.page or following.column != line.column:
            continue
        head = match.group(1)
        tail_match = re.match(r"([a-z][\w]*)(.*)$", following.text, re.DOTALL)
        if not tail_match:
            continue
        tail, rest = tail_match.group(1), tail_match.group(2).lstrip()
        joined = head + ("-" if _keeps_hyphen(head, tail, text_words) else "") + tail
        out[i] = _with_text(line, line.text[: match.start()] + joined)
        out[i + 1] = _with_text(following, rest)  # an emptied line is dropped below
    return [line for line in out if line.text]


def _keeps_hyphen(head: str, tail: str, document_words: set[str]) -> bool:
    """Is the hyphen part of the word (scikit-learn, cross-validation) or only a line break?"""
    if f"{head}-{tail}".lower() in document_words:
        return True
    if f"{head}{tail}".lower() in document_words:
        return False
    if head.lower() in _NUMBER_WORDS or tail.lower() in _COMPOUND_TAILS:
        return True
    # A typesetter breaks words at syllables: a short head or a bare suffix tail marks such a break.
    return not (len(head) <= MAX_SYLLABLE_HEAD or tail.lower() in _SUFFIXES)


def _with_text(line: Line, text: str) -> Line:
    return Line(text, line.page, line.x0, line.top, line.x1, line.bottom, line.size, line.bold,
                line.column, line.bullet, line.words)
