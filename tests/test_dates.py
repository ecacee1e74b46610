import pytest

from analyzer.dates import find_date_range, month_index, parse_month, remove_dates


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
    ],
)
def test_date_formats_normalise(text, start, end):
    found = find_date_range(text)
    assert (found.start, found.end) == (start, end)


def test_a_range_wins_over_an_earlier_lone_year():
    assert find_date_range("Founded 2001 team; Jan 2020 - Feb 2021").start == "2020-01"


@pytest.mark.parametrize("text", ["Python 3.10", "Led a team of 12", "ISO 27001:2013x", ""])
def test_no_date_in_plain_text(text):
    assert find_date_range(text) is None


def test_remove_dates_leaves_the_other_fields():
    assert remove_dates("Data Scientist — Acme  Jan 2020 –") == "Data Scientist — Acme"
    assert remove_dates("London, UK  Mar 2022") == "London, UK"


def test_month_index_resolves_present_and_bare_years():
    assert month_index("present", "2026-11") == month_index("2026-11", "2026-11")
    assert month_index("2020", "2026-11") + 11 == month_index("2020", "2026-11", end=True)


def test_parse_month_rejects_bad_values():
    assert parse_month("2026-02") == "2026-02"
    with pytest.raises(ValueError, match="YYYY-MM"):
        parse_month("2026-13")
