"""Dates on resumes: find a date range in a line and normalise it to ``YYYY-MM`` / ``YYYY``.

Handles ``Jan 2020 – Mar 2022``, ``01/2020 - 03/2022``, ``2020-01 – 2022-03``, ``2019–2021``, ``Summer 2019``,
``Sept. 2018 to present``, ``2020 – Now``, ``June – August 2021``, ``Mar '21 – May '22``, ``07/23 – 10/23`` (two-digit years,
only inside a range), a dash the PDF's font left unmapped (U+FFFD or NUL), month names and "present"
in French, Spanish, Portuguese, German and Russian (``taxonomy/dates.toml``, the shipped taxonomy's:
the reader finds dates before a taxonomy is chosen), and a single date
(``May 2021``: start and end alike). Open ends ("Present", "Current", "Now", "to date") give
``end = "present"``; :func:`month_index` resolves that against the reference month. "Expected May 2027"
or "Graduated 2021" is an end with no start; "Last updated Mar 2026" is not a date of an entry.
Limits: a lone two-digit year ("'20") is not read; day-first full dates ("12.03.2020") read as a month.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache

from analyzer.taxonomy import load_dates

PRESENT = "present"
# A two-digit year up to this one is 20xx, above it 19xx ("'98" is 1998, "'23" is 2023).
_TWO_DIGIT_PIVOT = 60

_YEAR = r"(?:19[5-9]\d|20\d\d)"
# "-", "--", the en and em dashes, the minus, other dash code points, an arrow, a tilde; U+FFFD and
# NUL stand for a dash the PDF's font could not map to a character.
_DASHES = r"-{1,2}|\u2010|\u2011|\u2012|\u2013|\u2014|\u2015|\u2212|\u2192|~|\ufffd|\x00"


def _alternation(words) -> str:
    """Longest first, so 'sept' is tried before 'sep'; spaces may be any run of whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class _Patterns:
    range: re.Pattern[str]
    short_range: re.Pattern[str]
    since: re.Pattern[str]
    end_only: re.Pattern[str]
    not_tenure: re.Pattern[str]
    dangling: re.Pattern[str]
    shared_year: re.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    words = load_dates()
    month = _alternation(words.months)
    season = _alternation(words.seasons)
    date = (
        rf"(?:(?P<{{p}}mon>{month})\.?,?\s*(?:[/-]\s*)?(?P<{{p}}y1>{_YEAR})"
        # "Mar '21", "Jan’ 26", letter-spaced "May ’ 2 6": an apostrophe marks a two-digit year.
        rf"|(?P<{{p}}mon2>{month})\.?\s*['\u2019\u2018]\s*(?P<{{p}}yy>\d\s?\d)(?!\d)"
        rf"|(?P<{{p}}season>{season})\s+(?P<{{p}}y2>{_YEAR})"
        rf"|(?P<{{p}}mm>0?[1-9]|1[0-2])\s*[/.-]\s*(?P<{{p}}y3>{_YEAR})"
        # ISO order, "2021-03" / "2021.03" / "2021/03": the month has two digits, so "2019-2021" stays a range.
        rf"|(?P<{{p}}y5>{_YEAR})[/.-](?P<{{p}}mm2>0[1-9]|1[0-2])(?!\d)"
        rf"|(?P<{{p}}y4>{_YEAR}))"
    )
    open_end = rf"(?P<open>{_alternation(words.open_end)})"
    separator = rf"\s*(?:{_DASHES}|{_alternation(words.range_words)})\s*"
    range_re = re.compile(
        rf"(?<![\w/]){date.format(p='a')}(?:{separator}(?:{date.format(p='b')}|{open_end}))?(?![\w/])",
        re.IGNORECASE,
    )
    short = r"(?P<{p}mm>0?[1-9]|1[0-2])/(?P<{p}yy>\d\d)"
    short_range = re.compile(
        rf"(?<![\w/.]){short.format(p='a')}{separator}(?:{short.format(p='b')}|{open_end})(?![\w/])", re.IGNORECASE)
    since = re.compile(rf"(?:since|from|depuis|desde|seit|с)\s+{date.format(p='a')}(?![\w/])", re.IGNORECASE)
    end_only = re.compile(rf"(?:^|[\s(])(?:{_alternation(words.end_only)})\s*(?:in|on|:|-|\u2013)?\s*$", re.IGNORECASE)
    not_tenure = re.compile(rf"(?:^|[\s(])(?:{_alternation(words.not_tenure)})\s*:?\s*$", re.IGNORECASE)
    dangling = re.compile(
        rf"(?:^|\s)(?:{separator.strip()}|{open_end})\s*$|^\s*(?:{_DASHES}|to)\s+", re.IGNORECASE)
    # "June – August 2021": two months that share the one year written after the second.
    shared_year = re.compile(
        rf"(?<![\w/])(?P<amon>{month})\.?{separator}(?P<bmon>{month})\.?,?\s*(?P<year>{_YEAR})(?![\w/])", re.IGNORECASE)
    return _Patterns(range_re, short_range, since, end_only, not_tenure, dangling, shared_year)


@dataclass(frozen=True, slots=True)
class DateRange:
    start: str | None
    end: str | None
    span: tuple[int, int]  # where the range stands in the text it was found in

    @property
    def is_open(self) -> bool:
        return self.end == PRESENT

    @property
    def has_month(self) -> bool:
        return any(value is not None and "-" in value for value in (self.start, self.end))


def _two_digit_year(digits: str) -> str:
    year = int(digits.replace(" ", ""))
    return str(2000 + year if year <= _TWO_DIGIT_PIVOT else 1900 + year)


def _normalise(match: re.Match[str], prefix: str) -> str | None:
    group = match.groupdict()
    months = load_dates().months
    if group.get(f"{prefix}mon"):
        return f"{group[f'{prefix}y1']}-{months[group[f'{prefix}mon'].lower()]:02d}"
    if group.get(f"{prefix}mon2"):
        return f"{_two_digit_year(group[f'{prefix}yy'])}-{months[group[f'{prefix}mon2'].lower()]:02d}"
    if group.get(f"{prefix}season"):
        return f"{group[f'{prefix}y2']}-{load_dates().seasons[group[f'{prefix}season'].lower()]:02d}"
    if group.get(f"{prefix}mm") and group.get(f"{prefix}y3"):
        return f"{group[f'{prefix}y3']}-{int(group[f'{prefix}mm']):02d}"
    if group.get(f"{prefix}mm") and group.get(f"{prefix}yy"):  # the short form "07/23"
        return f"{_two_digit_year(group[f'{prefix}yy'])}-{int(group[f'{prefix}mm']):02d}"
    if group.get(f"{prefix}y5"):
        return f"{group[f'{prefix}y5']}-{group[f'{prefix}mm2']}"
    if group.get(f"{prefix}y4"):
        return group[f"{prefix}y4"]
    return None


def is_document_date(text: str, start: int) -> bool:
    """'Last updated Mar 2026': the date of the document, not of anything on it."""
    return _patterns().not_tenure.search(text[:start]) is not None


def is_open_end(text: str) -> bool:
    """The whole text is an open end ('Present', 'current', 'till date')."""
    return re.fullmatch(rf"\s*{_alternation(load_dates().open_end)}\s*[.,]?\s*", text, re.IGNORECASE) is not None


def has_document_date(text: str) -> bool:
    """The line dates the document itself ('Last updated in Mar 2026'): a footer, not an entry."""
    return any(is_document_date(text, m.start()) for m in _patterns().range.finditer(text))


def is_end_only(text: str, start: int) -> bool:
    """'Expected May 2027', 'Graduated 2021': a lone date that ends a study, with no start."""
    return _patterns().end_only.search(text[:start]) is not None


def _found(match: re.Match[str], text: str) -> DateRange:
    start = _normalise(match, "a")
    end = PRESENT if match.group("open") else _normalise(match, "b")
    if end is None and is_end_only(text, match.start()):
        return DateRange(None, start, match.span())
    return DateRange(start, end or start, match.span())


def find_date_range(text: str) -> DateRange | None:
    """The first date range in ``text``; else its most precise lone date (a month beats a bare year)."""
    patterns = _patterns()
    shared = patterns.shared_year.search(text)
    if shared and not is_document_date(text, shared.start()):
        months = load_dates().months
        year = shared.group("year")
        return DateRange(f"{year}-{months[shared.group('amon').lower()]:02d}",
                         f"{year}-{months[shared.group('bmon').lower()]:02d}", shared.span())
    lone: list[DateRange] = []
    for match in patterns.range.finditer(text):
        if is_document_date(text, match.start()):
            continue
        found = _found(match, text)
        if match.group("open") or match.group("bmon") or match.group("bmon2") or match.group("bseason") \
                or match.group("bmm") or match.group("by5") or match.group("by4"):
            return found
        lone.append(found)
    short = patterns.short_range.search(text)
    if short and not is_document_date(text, short.start()):
        return _found(short, text)
    since = patterns.since.search(text)
    if since:  # "since 2019" / "from March 2020" with no end: still going
        return DateRange(_normalise(since, "a"), PRESENT, since.span())
    return next((found for found in lone if found.has_month), lone[0] if lone else None)


def this_month() -> str:
    """The reference month when none is given: "YYYY-MM" of today."""
    return _dt.date.today().strftime("%Y-%m")


def month_index(value: str | None, as_of: str, *, end: bool = False) -> int | None:
    """Months since year 0. A bare year counts as January, or December when it ends a range."""
    if value is None:
        return None
    if value == PRESENT:
        value = as_of
    year, _, month = value.partition("-")
    if not year.isdigit():
        return None
    return int(year) * 12 + (int(month) if month else (12 if end else 1)) - 1


def from_month_index(index: int) -> str:
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def parse_month(value: str) -> str:
    """Validate a ``YYYY-MM`` reference month from a user; raise ValueError with a clear message."""
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", value or ""):
        raise ValueError(f"'{value}' is not a month in the form YYYY-MM (for example 2026-11).")
    return value


def remove_dates(text: str) -> str:
    """The text with its dates, open ends, 'Expected' and dangling range dashes taken out."""
    patterns = _patterns()
    text = patterns.since.sub(" ", text)
    text = patterns.shared_year.sub(" ", text)
    text = patterns.short_range.sub(" ", text)
    text = patterns.range.sub(lambda m: " \x01 ", text)
    # "Expected" / "Graduated" right before a removed date belong to it.
    text = re.sub(rf"(?:{_alternation(load_dates().end_only)})\s*:?\s*\x01", " ", text, flags=re.IGNORECASE)
    text = text.replace("\x01", " ")
    text = re.sub(r"\(\s*\)", " ", text)
    previous = None
    while previous != text:
        previous = text
        text = patterns.dangling.sub(" ", text).strip()
    return " ".join(text.split())
