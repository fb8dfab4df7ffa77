"""Indonesian numbers as written in news: digit strings, number words, scale words, rupiah.

Pure functions, no spaCy objects. Indonesian separators come first: "1.948" is 1948, "1,5" is 1.5;
"900,000" reads as 900000 only where a comma followed by three digits is a thousands separator
(money, ",000", or several groups). Values are ``int`` when integral, else ``float``.

>>> parse_number("2,3 miliar")
2300000000
>>> parse_number("dua ratus lima belas ribu")
215000
>>> parse_rupiah("Rp.300.000")
300000
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from functools import cache
from importlib import resources
from typing import Any, Callable, Union

import regex as re

__all__ = ["Number", "parse_number", "parse_number_words", "parse_rupiah", "numbers_data", "to_number"]

Number = Union[int, float]

_DATA_FILE = "numbers_id.json"
_REQUIRED = (
    "digit_words", "se_words", "se_scales", "multipliers", "scales", "money_scales", "approximate",
    "currency_prefix", "currency_suffix", "money_cues", "months", "time_zones", "labels_before",
    "not_count_after", "word_idioms_before", "word_idioms_after", "unit_stop", "unit_stop_after_first",
    "region_words", "measure_abbrev", "unit_skip_first", "unit_continuations", "coordinators",
    "verb_like_nouns", "nominalization_exceptions", "cue_words", "fillers", "copulas", "copula_lead",
    "prepositions", "list_cues", "partitive_after", "satu_article_nouns",
)
_CASE_SENSITIVE = ("currency_prefix",)

# Digit strings. Order matters: the first shape that fits decides.
_PLAIN = re.compile(r"\d+")
_DOT_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")      # 1.948  1.824.768.000  1.500,5
_COMMA_DECIMAL = re.compile(r"\d+,\d+")                            # 1,5  12,5  (900,000: see below)
_COMMA_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?")  # 1,500,000  (English style)
_DOT_DECIMAL = re.compile(r"\d+\.\d+")                             # 2.5  (English style decimal)
_NUM_SCALE = re.compile(r"(?P<num>\d+(?:[.,]\d+)*)\s*(?P<scale>\p{L}+)?")
_WS = re.compile(r"\s+")


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k, v in pairs:
        if k in out:
            raise ValueError(f"{_DATA_FILE}: duplicate key {k!r}")
        out[k] = v
    return out


@cache
def numbers_data() -> Mapping[str, Any]:
    """The validated contents of ``data/numbers_id.json`` (loaded once)."""
    raw = resources.files("umkm_extract.data").joinpath(_DATA_FILE).read_text("utf-8")
    data: dict[str, Any] = json.loads(raw, object_pairs_hook=_no_duplicate_keys)
    missing = [k for k in _REQUIRED if k not in data]
    if missing:
        raise ValueError(f"{_DATA_FILE}: missing sections {missing}")
    for key, value in data.items():
        if key.startswith("_"):
            continue
        items = list(value) if isinstance(value, (list, dict)) else None
        if items is None:
            raise ValueError(f"{_DATA_FILE}: section {key!r} must be a list or an object, got {type(value).__name__}")
        if len(set(items)) != len(items):
            dupes = sorted({x for x in items if items.count(x) > 1})
            raise ValueError(f"{_DATA_FILE}: duplicate entries in {key!r}: {dupes}")
        if key not in _CASE_SENSITIVE and key != "unit_continuations":
            bad = [x for x in items if isinstance(x, str) and x != x.casefold()]
            if bad:
                raise ValueError(f"{_DATA_FILE}: {key!r} entries must be case-folded: {bad}")
        if isinstance(value, dict) and key not in ("currency_prefix", "currency_suffix"):
            bad = [k for k, v in value.items() if not isinstance(v, (int, float)) or isinstance(v, bool)]
            if bad:
                raise ValueError(f"{_DATA_FILE}: {key!r} values must be numbers: {bad}")
    return data


def to_number(d: Decimal) -> Number:
    """``int`` when integral, else ``float``."""
    return int(d) if d == d.to_integral_value() else float(d)


def _digits(s: str, *, money: bool, scaled: bool) -> Decimal | None:
    """One digit string with Indonesian separators, as an exact Decimal."""
    try:
        if _PLAIN.fullmatch(s):
            return Decimal(s)
        if _DOT_THOUSANDS.fullmatch(s):
            return Decimal(s.replace(".", "").replace(",", "."))
        if _COMMA_DECIMAL.fullmatch(s):
            whole, frac = s.split(",")
            if len(frac) == 3 and not scaled and (money or frac == "000"):
                return Decimal(whole + frac)
            return Decimal(f"{whole}.{frac}")
        if _COMMA_THOUSANDS.fullmatch(s):
            return Decimal(s.replace(",", ""))
        if _DOT_DECIMAL.fullmatch(s):
            return Decimal(s)
    except InvalidOperation:
        return None
    return None


def _scale_of(word: str, *, money: bool) -> int | None:
    data = numbers_data()
    cf = word.casefold()
    if cf in data["scales"]:
        return int(data["scales"][cf])
    if money and cf in data["money_scales"]:
        return int(data["money_scales"][cf])
    return None


def parse_number_words(s: str) -> Number | None:
    """Indonesian number words: "dua belas", "dua puluh lima", "seratus", "dua ratus lima belas ribu",
    "seribu", "sejuta", "satu setengah juta". None when the words are not one well-formed number."""
    data = numbers_data()
    digits: Mapping[str, int] = data["digit_words"]
    se_words: Mapping[str, float] = data["se_words"]
    se_scales: Mapping[str, int] = data["se_scales"]
    scales: Mapping[str, int] = data["scales"]
    total = Decimal(0)
    group = Decimal(0)
    last: Decimal | None = None
    seen = False
    for tok in _WS.split(s.strip().casefold()):
        if tok in digits:
            if last is not None:
                return None
            last = Decimal(digits[tok])
        elif tok == "belas":
            if last is None or not 1 <= last <= 9:
                return None
            group += last + 10
            last = None
        elif tok == "puluh":
            if last is None or not 2 <= last <= 9:
                return None
            group += last * 10
            last = None
        elif tok == "ratus":
            if last is None or not 1 <= last <= 9:
                return None
            group += last * 100
            last = None
        elif tok == "setengah":
            last = (last or Decimal(0)) + Decimal("0.5")
        elif tok in se_words:
            if last is not None:
                return None
            group += Decimal(str(se_words[tok]))
        elif tok in se_scales:
            if last is not None or group:
                return None
            total += se_scales[tok]
        elif tok in scales:
            n = group + (last or 0)
            if not n:
                return None
            total += n * scales[tok]
            group, last = Decimal(0), None
        else:
            return None
        seen = True
    if not seen:
        return None
    return to_number(total + group + (last or 0))


#: The largest value read as a count or an amount (10^18: far above any budget in rupiah); a longer digit
#: run is no quantity ("Rp 1" followed by thousands of ".000") and is rejected, never raised as an overflow.
MAX_VALUE = 10**18


def _bounded(n: Number | None) -> Number | None:
    return n if n is None or abs(n) <= MAX_VALUE else None


def parse_number(s: str, *, money: bool = False) -> Number | None:
    """An Indonesian number as written: "1.948", "1,5", "12,5", "900,000", "2,3 miliar", "354 ribu",
    "1,1 juta", "dua puluh lima", "seribu". With ``money=True`` the short scales "rb", "jt", "M", "T"
    count too, and "900,000" is read as nine hundred thousand. None when ``s`` is not a number or is larger
    than ``MAX_VALUE``."""
    return _bounded(_parse_number(s, money=money))


def _parse_number(s: str, *, money: bool = False) -> Number | None:
    if not isinstance(s, str):
        return None
    if s.isdecimal() and len(s) <= 18:
        return int(s)  # plain digits ("833"), the commonest case: what the steps below give, without them
    t = _WS.sub(" ", s).strip()
    if not t:
        return None
    m = _NUM_SCALE.fullmatch(t)
    if m:
        scale = 1
        if m["scale"]:
            found = _scale_of(m["scale"], money=money)
            if found is None:
                return None
            scale = found
        d = _digits(m["num"], money=money, scaled=bool(m["scale"]))
        return None if d is None else to_number(d * scale)
    if t[0].isdigit():
        return None
    return parse_number_words(t)


@cache
def _lokal_rupiah() -> Callable[[str], Any]:
    """lokal-id's rupiah parser, imported on first use (the lokal package is slow to import)."""
    from lokal.rupiah import parse_rupiah as lokal_parse_rupiah

    return lokal_parse_rupiah


def parse_rupiah(s: str) -> Number | None:
    """A money amount: "Rp 2,3 miliar", "Rp2.500.000", "Rp.300.000", "Rp 900,000", "Rp10 juta",
    "Rp 1.492.992.000", "300 ribu rupiah". Read with lokal-id's rupiah parser, which knows the
    informal forms ("1,5jt", "50rb"); None when ``s`` is not an amount."""
    if not isinstance(s, str) or not s.strip():
        return None
    try:
        parsed = _lokal_rupiah()(s)
    except (ValueError, TypeError, ArithmeticError):
        parsed = None
    if parsed is not None:
        amount = parsed.amount
        try:
            return _bounded(int(amount) if float(amount).is_integer() else float(amount))
        except OverflowError:
            return None
    t = s.strip()
    for prefix in numbers_data()["currency_prefix"]:
        if t.startswith(prefix):
            t = t[len(prefix):].lstrip(". ")
            break
    for suffix in numbers_data()["currency_suffix"]:
        if t.casefold().endswith(suffix):
            t = t[: -len(suffix)].rstrip()
            break
    return parse_number(t, money=True) if t else None
