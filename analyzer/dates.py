"""Dates on resumes: find a date range in a line and normalise it to ``YYYY-MM`` / ``YYYY``.

Handles ``Jan 2020 – Mar 2022``, ``01/2020 - 03/2022``, ``2020-01 – 2022-03``, ``2019–2021``, ``Summer 2019``,
``Sept. 2018 to present``, ``2020 – Now`` and a single date (``May 2021``: start and end alike).
Open ends ("Present", "Current", "Now", "to date") give ``end = "present"``; :func:`month_index`
resolves that against the reference month. Limits: English month and season names only; two-digit
years ("Jan '20") are not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PRESENT = "present"

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
    "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
    "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
    "dec": 12, "december": 12,
}
# A season names the month it usually starts in, so "Summer 2019" sorts and counts sensibly.
_SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 12}

_MONTH_WORD = "|".join(sorted(_MONTHS, key=len, reverse=True))
_SEASON_WORD = "|".join(_SEASONS)
_YEAR = r"(?:19[5-9]\d|20\d\d)"
_DATE = (
    rf"(?:(?P<{{p}}mon>{_MONTH_WORD})\.?,?\s*(?P<{{p}}y1>{_YEAR})"
    rf"|(?P<{{p}}season>{_SEASON_WORD})\s+(?P<{{p}}y2>{_YEAR})"
    rf"|(?P<{{p}}mm>0?[1-9]|1[0-2])\s*[/.-]\s*(?P<{{p}}y3>{_YEAR})"
    # ISO order, "2021-03" / "2021.03" / "2021/03": the month has two digits, so "2019-2021" stays a range.
    rf"|(?P<{{p}}y5>{_YEAR})[/.-](?P<{{p}}mm2>0[1-9]|1[0-2])(?!\d)"
    rf"|(?P<{{p}}y4>{_YEAR}))"
)
_OPEN_END = r"(?P<open>present|current|currently|now|today|ongoing|to\s+date|date)"
# "\ufffd" stands for a dash the PDF's font could not map to a character.
_SEPARATOR = r"\s*(?:-{1,2}|–|—|−|→|\ufffd|to|until|till|through|thru)\s*"
_RANGE_RE = re.compile(
    rf"(?<![\w/]){_DATE.format(p='a')}(?:{_SEPARATOR}(?:{_DATE.format(p='b')}|{_OPEN_END}))?(?![\w/])",
    re.IGNORECASE,
)
_OPEN_ONLY_RE = re.compile(rf"(?:since|from)\s+{_DATE.format(p='a')}(?![\w/])", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DateRange:
    start: str | None
    end: str | None
    span: tuple[int, int]  # where the range stands in the text it was found in

    @property
    def is_open(self) -> bool:
        return self.end == PRESENT


def _normalise(match: re.Match[str], prefix: str) -> str | None:
    group = match.groupdict()
    if group.get(f"{prefix}mon"):
        return f"{group[f'{prefix}y1']}-{_MONTHS[group[f'{prefix}mon'].lower()]:02d}"
    if group.get(f"{prefix}season"):
        return f"{group[f'{prefix}y2']}-{_SEASONS[group[f'{prefix}season'].lower()]:02d}"
    if group.get(f"{prefix}mm"):
        return f"{group[f'{prefix}y3']}-{int(group[f'{prefix}mm']):02d}"
    if group.get(f"{prefix}y5"):
        return f"{group[f'{prefix}y5']}-{group[f'{prefix}mm2']}"
    if group.get(f"{prefix}y4"):
        return group[f"{prefix}y4"]
    return None


def find_date_range(text: str) -> DateRange | None:
    """The first date range in ``text``, preferring a real range over a lone date."""
    best: DateRange | None = None
    for match in _RANGE_RE.finditer(text):
        start = _normalise(match, "a")
        end = PRESENT if match.group("open") else _normalise(match, "b")
        found = DateRange(start, end or start, match.span())
        if end is not None:
            return found
        best = best or found
    since = _OPEN_ONLY_RE.search(text)
    if since:  # "since 2019" / "from March 2020" with no end: still going
        return DateRange(_normalise(since, "a"), PRESENT, since.span())
    return best


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


_DANGLING_RE = re.compile(rf"(?:^|\s)(?:{_SEPARATOR.strip()}|{_OPEN_END})\s*$|^\s*(?:-|–|—|to)\s+", re.IGNORECASE)


def remove_dates(text: str) -> str:
    """The text with its dates, open ends and dangling range dashes taken out."""
    text = _OPEN_ONLY_RE.sub(" ", text)
    text = _RANGE_RE.sub(" ", text)
    text = re.sub(r"\(\s*\)", " ", text)
    previous = None
    while previous != text:
        previous = text
        text = _DANGLING_RE.sub(" ", text).strip()
    return " ".join(text.split())
