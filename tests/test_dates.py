import pytest

from analyzer.dates import (
    find_date_range,
    has_document_date,
    month_index,
    parse_month,
    remove_dates,
)


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Jan 2020 – Mar 2022", "2020-01", "2022-03"),
        ("01/2020 - 03/2022", "2020-01", "2022-03"),
        ("2019–2021", "2019", "2021"),
        ("Summer 2019", "2019-06", "2019-06"),
        ("Sept. 2018 to present", "2018-09", "present"),
        ("2020 – Now", "2020", "present"),
        ("March 2019 — Current", "2019-03", "present"),
        ("Dec. 2019 - Feb. 2021", "2019-12", "2021-02"),
        ("06/2018–present", "2018-06", "present"),
        ("since 2019", "2019", "present"),
        ("Data Scientist, Acme    May 2021", "2021-05", "2021-05"),
        ("Autumn 2016 – Spring 2018", "2016-09", "2018-03"),
        ("2021-03 to present", "2021-03", "present"),
        ("2020.01 – 2022.12", "2020-01", "2022-12"),
        ("Acme 2020/01-2021/12", "2020-01", "2021-12"),
        ("2010-2012", "2010", "2012"),
        # Open ends written other ways.
        ("Sep 2019 – Till date", "2019-09", "present"),
        ("Oct 2020 – Ongoing", "2020-10", "present"),
        # A dash the PDF's font could not map: U+FFFD or NUL between the dates.
        ("Jan 2020 \ufffd Mar 2021", "2020-01", "2021-03"),
        ("08/2018 \x00 06/2023", "2018-08", "2023-06"),
        # Numeric months without a leading zero, seasons, two-digit years inside a range.
        ("1/2020 - 12/2021", "2020-01", "2021-12"),
        ("Fall 2019 – Spring 2020", "2019-09", "2020-03"),
        ("07/23 – 10/23", "2023-07", "2023-10"),
        ("Mar \u2019 2 1 – May \u2019 2 2", "2021-03", "2022-05"),
        ("June – August 2021", "2021-06", "2021-08"),
        ("Aug/2019 – Jan-2021", "2019-08", "2021-01"),
        # End dates of a study, with no start.
        ("Expected May 2027", None, "2027-05"),
        ("Graduated: 2021", None, "2021"),
        # Other languages (month names and "present" are data in taxonomy/dates.toml).
        ("janvier 2019 – présent", "2019-01", "present"),
        ("marzo 2018 - actualidad", "2018-03", "present"),
        ("setembro 2017 – atual", "2017-09", "present"),
        ("März 2016 bis heute", "2016-03", "present"),
        ("Сентябрь 2015 — настоящее время", "2015-09", "present"),
    ],
)
def test_date_formats_normalise(text, start, end):
    found = find_date_range(text)
    assert (found.start, found.end) == (start, end)


def test_a_range_wins_over_an_earlier_lone_year():
    assert find_date_range("Founded 2001 team; Jan 2020 - Feb 2021").start == "2020-01"


def test_a_month_beats_a_bare_year_among_lone_dates():
    assert find_date_range("Hackathon 2024 winner | Feb 2024").start == "2024-02"


def test_a_last_updated_footer_dates_the_document_not_an_entry():
    assert find_date_range("Last updated in Mar 2026") is None
    assert has_document_date("Last updated in Mar 2026")
    assert not has_document_date("Data Scientist, Acme  Mar 2026")


@pytest.mark.parametrize("text", ["Python 3.10", "Led a team of 12", "ISO 27001:2013x", "", "rolled out 12/24 units",
                                  "scored 3/20 on a quiz"])
def test_no_date_in_plain_text(text):
    assert find_date_range(text) is None


def test_remove_dates_leaves_the_other_fields():
    assert remove_dates("Data Scientist — Acme  Jan 2020 –") == "Data Scientist — Acme"
    assert remove_dates("London, UK  Mar 2022") == "London, UK"
    assert remove_dates("BSc Statistics  Expected May 2027") == "BSc Statistics"
    assert remove_dates("Soil Intern, Carbon Lab June – August 2021") == "Soil Intern, Carbon Lab"


def test_month_index_resolves_present_and_bare_years():
    assert month_index("present", "2026-11") == month_index("2026-11", "2026-11")
    assert month_index("2020", "2026-11") + 11 == month_index("2020", "2026-11", end=True)


def test_parse_month_rejects_bad_values():
    assert parse_month("2026-02") == "2026-02"
    with pytest.raises(ValueError, match="YYYY-MM"):
        parse_month("2026-13")
