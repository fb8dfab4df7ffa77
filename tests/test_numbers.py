"""rules/numbers.py: Indonesian digit strings, number words, scale words and rupiah amounts."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from umkm_extract.rules.numbers import numbers_data, parse_number, parse_number_words, parse_rupiah


def case(s: str, expected: object, id: str | None = None) -> object:
    return pytest.param(s, expected, id=id or s)


DIGITS = [
    case("1.948", 1948, "dot thousands"),
    case("2.037", 2037),
    case("1.824.768.000", 1824768000, "several dot groups"),
    case("44.259", 44259),
    case("1,5", 1.5, "comma decimal"),
    case("12,5", 12.5),
    case("2,25", 2.25),
    case("900,000", 900000, "comma then 000 is thousands"),
    case("1,500,000", 1500000, "english thousands, several groups"),
    case("2.5", 2.5, "english decimal"),
    case("1.500,75", 1500.75, "dot thousands with comma decimal"),
    case("63", 63),
    case("0", 0),
]

SCALED = [
    case("2,3 miliar", 2300000000),
    case("354 ribu", 354000),
    case("1,1 juta", 1100000),
    case("1 juta", 1000000),
    case("2,1 juta", 2100000),
    case("5 triliun", 5000000000000),
    case("19 ribu", 19000),
    case("7,25 milyar", 7250000000, "milyar spelling"),
    case("1,500 juta", 1500000, "comma before a scale is a decimal"),
]

WORDS = [
    case("satu", 1),
    case("dua", 2),
    case("sebelas", 11),
    case("dua belas", 12),
    case("sepuluh", 10),
    case("dua puluh lima", 25),
    case("seratus", 100),
    case("seratus dua puluh", 120),
    case("tiga ratus", 300),
    case("dua ratus lima belas ribu", 215000),
    case("seribu", 1000),
    case("seribu lima ratus", 1500),
    case("sejuta", 1000000),
    case("satu juta lima ratus ribu", 1500000),
    case("satu setengah juta", 1500000),
    case("Enam", 6, "capitalised"),
]

NOT_NUMBERS = [
    case("", None, "empty"),
    case("   ", None, "blank"),
    case("pedagang", None, "a noun"),
    case("ribu", None, "a scale alone"),
    case("satu dua", None, "two digits in a row"),
    case("belas", None, "belas alone"),
    case("1.2.3", None, "section number"),
    case("5 M", None, "M is miliar only for money"),
    case("2 jt", None, "jt is juta only for money"),
    case("12 kg", None, "a unit is not a scale"),
]

RUPIAH = [
    case("Rp 2,3 miliar", 2300000000),
    case("Rp2.500.000", 2500000),
    case("Rp.300.000", 300000),
    case("Rp 900,000", 900000),
    case("Rp10 juta", 10000000),
    case("Rp 1.492.992.000", 1492992000),
    case("Rp 1,2 juta", 1200000),
    case("Rp 5 M", 5000000000, "M is miliar"),
    case("Rp 50rb", 50000, "rb"),
    case("Rp 2,5 jt", 2500000, "jt"),
    case("300 ribu rupiah", 300000, "suffix rupiah"),
    case("lima juta rupiah", 5000000, "number words"),
    case("IDR 75.000", 75000),
    case("US$ 1.200", 1200, "dollar prefix"),
]


@pytest.mark.parametrize(("s", "expected"), DIGITS)
def test_digit_strings(s: str, expected: object) -> None:
    assert parse_number(s) == expected


@pytest.mark.parametrize(("s", "expected"), SCALED)
def test_digits_with_scale_words(s: str, expected: object) -> None:
    assert parse_number(s) == expected


@pytest.mark.parametrize(("s", "expected"), WORDS)
def test_number_words(s: str, expected: object) -> None:
    assert parse_number(s) == expected
    assert parse_number_words(s) == expected


@pytest.mark.parametrize(("s", "expected"), NOT_NUMBERS)
def test_not_numbers(s: str, expected: object) -> None:
    assert parse_number(s) is expected


@pytest.mark.parametrize(("s", "expected"), RUPIAH)
def test_rupiah(s: str, expected: object) -> None:
    assert parse_rupiah(s) == expected


@pytest.mark.parametrize(
    ("s", "expected"),
    [case("900,000", 900000), case("900,500", 900500, "comma thousands in money"), case("5 jt", 5000000),
     case("2,5 M", 2500000000), case("50 rb", 50000)],
)
def test_money_context(s: str, expected: object) -> None:
    assert parse_number(s, money=True) == expected


def test_non_money_comma_three_digits_is_decimal() -> None:
    assert parse_number("900,500") == 900.5


@pytest.mark.parametrize("s", ["1.948", "2,3 miliar", "seratus", "Rp 1.492.992.000"])
def test_integral_values_are_ints(s: str) -> None:
    value = parse_rupiah(s) if s.startswith("Rp") else parse_number(s)
    assert isinstance(value, int)


def test_fractional_values_are_floats() -> None:
    assert isinstance(parse_number("12,5"), float)


def test_data_file_is_valid() -> None:
    data = numbers_data()
    assert data["digit_words"]["lima"] == 5
    assert data["scales"]["miliar"] == 10**9
    assert numbers_data() is data  # loaded once


@given(st.text(max_size=60))
def test_parse_number_never_raises(s: str) -> None:
    parse_number(s)
    parse_number(s, money=True)
    parse_rupiah(s)


@given(st.from_regex(r"(Rp ?)?\d{1,4}([.,]\d{1,4}){0,3}( (ribu|juta|miliar|rb|jt|M))?", fullmatch=True))
def test_number_shapes_never_raise(s: str) -> None:
    parse_number(s)
    parse_rupiah(s)


@given(st.one_of(st.text(alphabet="0123456789٣１", min_size=1, max_size=25), st.integers(0, 10**20).map(str)))
def test_plain_digits_shortcut_equals_the_general_reading(s: str) -> None:
    """parse_number reads plain digits with int(); the general path (with a space after) agrees."""
    assert parse_number(s) == parse_number(s + " ")
    assert type(parse_number(s)) is type(parse_number(s + " "))
