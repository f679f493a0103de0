"""Dates are read exactly, never guessed: Danish and ISO orders (day first or year first),
English written months, no relative dates, no timestamps, no trailing words, a plausible
range; anything else is one line naming the field, the value and an accepted form."""

from __future__ import annotations

import datetime as dt
import gzip
import json

import pytest

from baggrund.dates import latest_date, parse_date
from baggrund.errors import BadDate

from .conftest import CORPUS, needs_corpus
from .test_bad_input import board_text, ingest, the_rejection, write

D = dt.date

ACCEPTED = [
    # ISO and year first
    ("2024-06-24", D(2024, 6, 24)),
    ("2024-6-4", D(2024, 6, 4)),
    ("2024/06/24", D(2024, 6, 24)),
    ("2024.06.24", D(2024, 6, 24)),
    ("  2024-06-24 ", D(2024, 6, 24)),
    ("2017-03-03T13:40:01+00:00", D(2017, 3, 3)),
    ("2017-03-04T03:21:29-05:00", D(2017, 3, 4)),  # the date as written, zone not applied
    ("2024-06-24T00:00:00Z", D(2024, 6, 24)),
    ("2024-06-24 13:40", D(2024, 6, 24)),
    ("2024-06-24T13:40:01.123456+02:00", D(2024, 6, 24)),
    # numeric, day first (Danish)
    ("03/04/2024", D(2024, 4, 3)),
    ("3/4/2024", D(2024, 4, 3)),
    ("24.06.2024", D(2024, 6, 24)),
    ("24.6.2024", D(2024, 6, 24)),
    ("24-06-2024", D(2024, 6, 24)),
    ("24/06/2024", D(2024, 6, 24)),
    ("12/11/2010", D(2010, 11, 12)),
    ("1.1.1900", D(1900, 1, 1)),
    # Danish written months
    ("24. juni 2024", D(2024, 6, 24)),
    ("24 juni 2024", D(2024, 6, 24)),
    ("24.\u00a0juni\u00a02024", D(2024, 6, 24)),
    ("den 24. juni 2024", D(2024, 6, 24)),
    ("d. 24. juni 2024", D(2024, 6, 24)),
    ("1. januar 2020", D(2020, 1, 1)),
    ("3. marts 2023", D(2023, 3, 3)),
    ("3. mar. 2023", D(2023, 3, 3)),
    ("24. jun. 2024", D(2024, 6, 24)),
    ("24. jun 2024", D(2024, 6, 24)),
    ("5. maj 2021", D(2021, 5, 5)),
    ("1. okt. 2019", D(2019, 10, 1)),
    ("31. december 1999", D(1999, 12, 31)),
    ("29. februar 2024", D(2024, 2, 29)),
    ("24. JUNI 2024", D(2024, 6, 24)),
    ("22. juli 2024", D(2024, 7, 22)),
    # English written months
    ("24 June 2024", D(2024, 6, 24)),
    ("24 june 2024", D(2024, 6, 24)),
    ("24 June, 2024", D(2024, 6, 24)),
    ("June 24, 2024", D(2024, 6, 24)),
    ("June 24 2024", D(2024, 6, 24)),
    ("Jun 24, 2024", D(2024, 6, 24)),
    ("24 Jun 2024", D(2024, 6, 24)),
    ("Sept. 3, 2019", D(2019, 9, 3)),
    ("3 Sept 2019", D(2019, 9, 3)),
    ("Sep 3, 2019", D(2019, 9, 3)),
    ("Oct. 1, 2019", D(2019, 10, 1)),
    ("May 5, 2021", D(2021, 5, 5)),
    ("24th June 2024", D(2024, 6, 24)),
    ("June 24th, 2024", D(2024, 6, 24)),
    ("1st March 2023", D(2023, 3, 1)),
    ("March 2nd, 2023", D(2023, 3, 2)),
    ("23rd May 2023", D(2023, 5, 23)),
    ("11th May 2023", D(2023, 5, 11)),
]

# (input, what the message must say besides the field and the value)
REFUSED = [
    # relative dates
    ("yesterday", "not a date"),
    ("i går", "not a date"),
    ("i dag", "not a date"),
    ("i morgen", "not a date"),
    ("today", "not a date"),
    ("tomorrow", "not a date"),
    ("now", "not a date"),
    ("2 days ago", "not a date"),
    ("for 2 dage siden", "not a date"),
    ("last week", "not a date"),
    ("next monday", "not a date"),
    ("in 2 weeks", "not a date"),
    ("1 hour ago", "not a date"),
    # timestamps and bare numbers
    ("1700000000", "is a number"),
    ("20240624", "is a number"),
    ("2024", "is a number"),
    # trailing or leading words
    ("2024-06-24 extra words", "not a date"),
    ("24. juni 2024 kl. 10", "not a date"),
    ("2017-03-03T13:40:01+00:00 extra", "not a date"),
    ("Monday, 24 June 2024", "not a date"),
    ("udgivet 24. juni 2024", "not a date"),
    # two-digit years
    ("12/11/10", "two-digit year, which is ambiguous"),
    ("24.06.24", "two-digit year, which is ambiguous"),
    ("24. juni 24", "two-digit year, which is ambiguous"),
    ("June 24, 24", "two-digit year, which is ambiguous"),
    ("12 januar 99", "two-digit year, which is ambiguous"),
    ("1/1/123", "four-digit year"),
    # out of range
    ("0001-01-01", "outside 1900-01-01"),
    ("9999-12-31", "outside 1900-01-01"),
    ("1899-12-31", "outside 1900-01-01"),
    ("31/12/1899", "outside 1900-01-01"),
    # days that do not exist
    ("2024-13-45", "not a day of the calendar"),
    ("2024-02-30", "not a day of the calendar"),
    ("31. februar 2024", "not a day of the calendar"),
    ("32. januar 2024", "not a day of the calendar"),
    ("29. februar 2023", "not a day of the calendar"),
    ("00.01.2024", "not a day of the calendar"),
    ("13/13/2024", "not a day of the calendar"),
    ("2024-06-24T25:00:00", "not a valid ISO date and time"),
    # month first, the American order
    ("06/24/2024", "month first"),
    # incomplete or unknown
    ("June 2024", "not a date"),
    ("24. juni", "not a date"),
    ("sometime", "not a date"),
    ("24 juin 2024", "no month 'juin'"),
    ("2nd June 2024 2025", "not a date"),
    ("24/06-2024", "not a date"),
    ("1. 1. 2020", "not a date"),
    ("2nd of June 2024", "not a date"),
    ("June 24th 24", "two-digit year, which is ambiguous"),
    ("June 3th, 2024", "wrong ordinal"),
    ("+2024-06-24", "not a date"),
    ("٢٠٢٤-٠٦-٢٤", "not a date"),  # Arabic-Indic digits
    ("2024-06-24\x00", "not a date"),
]


def test_the_table_has_at_least_the_audits_74_inputs() -> None:
    assert len(ACCEPTED) + len(REFUSED) >= 74


@pytest.mark.parametrize(("text", "expected"), ACCEPTED)
def test_accepted_forms(text: str, expected: dt.date) -> None:
    assert parse_date(text, field="published") == expected


@pytest.mark.parametrize(("text", "why"), REFUSED)
def test_refused_forms_name_field_value_and_an_example(text: str, why: str) -> None:
    with pytest.raises(BadDate) as excinfo:
        parse_date(text, field="published")
    message = str(excinfo.value)
    assert message.startswith(f"published: {text.strip()!r} ")
    assert why in message
    assert "write e.g. 2024-06-24" in message
    assert "\n" not in message


def test_empty_and_missing_are_no_date() -> None:
    assert parse_date(None) is None
    assert parse_date("") is None
    assert parse_date("   ") is None


def test_dates_up_to_a_year_ahead_are_accepted_and_later_ones_refused() -> None:
    today = dt.date.today()
    assert parse_date((today + dt.timedelta(days=300)).isoformat()) == today + dt.timedelta(300)
    assert parse_date(latest_date().isoformat()) == latest_date()
    with pytest.raises(BadDate, match="outside"):
        parse_date((latest_date() + dt.timedelta(days=1)).isoformat(), field="until")


def test_date_objects_are_range_checked_too() -> None:
    assert parse_date(dt.datetime(2024, 6, 24, 13, 40)) == D(2024, 6, 24)
    with pytest.raises(BadDate, match="^as of: '0001-01-01' is outside"):
        parse_date(dt.date(1, 1, 1), field="as of")


def test_a_long_value_is_cut_in_the_message() -> None:
    with pytest.raises(BadDate) as excinfo:
        parse_date("x" * 10_000, field="published")
    assert len(str(excinfo.value)) < 200


# -- through ingest: the board header ------------------------------------------------------------


@pytest.fixture
def good(tmp_path):
    return write(tmp_path / "in" / "good.txt", board_text())


def test_a_numeric_board_date_is_read_day_first(cli, tmp_path) -> None:
    path = write(tmp_path / "in" / "doc.txt", board_text(udgivet="03/04/2024"))
    ingest(cli, path)
    doc = json.loads(cli("show", "TUR-12", "--json").stdout)
    assert doc["published"] == "2024-04-03"


@pytest.mark.parametrize("date", ["i går", "yesterday", "1700000000", "12/11/10", "9999-12-31"])
def test_a_guessable_board_date_is_rejected(cli, tmp_path, good, date) -> None:
    bad = write(tmp_path / "in" / "date.txt", board_text(annex="13", udgivet=date))
    events, _ = ingest(cli, bad, good, expect=1)
    message = the_rejection(events, bad)["message"]
    assert message.startswith("published:") and repr(date) in message


# -- the real corpus parses as before ------------------------------------------------------------


@pytest.mark.corpus
@needs_corpus()
def test_every_corpus_date_parses_to_its_written_date() -> None:
    forms: set[str] = set()
    count = 0
    with gzip.open(CORPUS, "rt", encoding="utf-8") as lines:
        for line in lines:
            record = json.loads(line)
            for field in ("date_published", "date_added"):
                value = record.get(field)
                if value:
                    count += 1
                    forms.add("".join("9" if c.isdigit() else c for c in value))
                    # what the old reader stored: the ISO date the timestamp begins with
                    assert parse_date(value, field=field) == D.fromisoformat(value[:10])
    assert count > 1500
    assert forms <= {"9999-99-99T99:99:99+99:99", "9999-99-99T99:99:99-99:99"}


@needs_corpus()
def test_the_shared_board_header_dates_parse() -> None:
    header = (CORPUS.parent / "board" / "aserbajdsjan-367.txt").read_text(encoding="utf-8")
    fields = dict(line.split(":\t", 1) for line in header.splitlines() if ":\t" in line)
    assert parse_date(fields["Udgivet"], field="published") == D(2024, 6, 24)
    added = fields["Optaget på baggrundsmaterialet"]
    assert parse_date(added, field="added") == D(2024, 7, 22)


def test_search_filters_and_as_of_dates_are_not_bounded(sample):
    """The plausible range is for a document's dates; a filter may reach far."""
    assert sample.search("trafficking", until="2099-12-31").total > 0
    assert sample.search("trafficking", since="1850-01-01").total > 0
    assert sample.annexes("AZE", as_of="2099-01-01")
