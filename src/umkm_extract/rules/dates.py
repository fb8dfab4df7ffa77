"""Date expressions in Indonesian news text, normalised to ISO at the written precision.

Pure functions over plain strings (no spaCy objects):

- :func:`find_dates` finds every date expression in (the body spans of) an article:
  "Kamis, 5 September 2024" → ``2024-09-05``, "Desember 2023" → ``2023-12``, "tahun 2024" →
  ``2024``, "Minggu (18/6)" → the year from the publication date, "bulan lalu" → the month
  before it, "18-20 Maret 2022" → both ends. Years inside document numbers ("Perbup Nomor 48
  Tahun 2025"), durations ("tiga tahun"), clock times and counts are not dates.
- :func:`find_publication_date` reads the publication date from a header or dateline line.
- :func:`parse_anchor` and :func:`is_year_in_identifier` are small helpers shared with the
  other layers (counts skip the years that the date layer rejects as identifiers).

Candidates are found with precompiled regular expressions, tried in priority order (most
specific first); a match claims its characters so that a later, looser rule cannot re-read
part of it ("Sabtu (29/10/2022) kemarin" is one date, not a date plus "kemarin"). Every value
is normalised by these rules; dateparser is only a lazily imported fallback for unusual
header lines. Word lists live in ``data/dates_id.json``.
"""
from __future__ import annotations

import datetime as dt
import json
import re as stdre
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from typing import Callable, Iterable, NamedTuple, Sequence

import regex as re

from umkm_extract.records import DateMention

__all__ = [
    "Anchor",
    "find_dates",
    "find_publication_date",
    "parse_anchor",
    "is_year_in_identifier",
]


# --------------------------------------------------------------------------------------------
# Anchor (the publication date at any precision)


class Anchor(NamedTuple):
    """A publication date at year, month or day precision (unknown parts are ``None``)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @property
    def date(self) -> dt.date | None:
        """The day, when the anchor is day-precise."""
        if self.year is None or self.month is None or self.day is None:
            return None
        return dt.date(self.year, self.month, self.day)

    def bounds(self) -> tuple[dt.date, dt.date] | None:
        """First and last day the anchor may stand for."""
        if self.year is None:
            return None
        if self.month is None:
            return dt.date(self.year, 1, 1), dt.date(self.year, 12, 31)
        if self.day is None:
            nxt = dt.date(self.year + self.month // 12, self.month % 12 + 1, 1)
            return dt.date(self.year, self.month, 1), nxt - dt.timedelta(days=1)
        d = dt.date(self.year, self.month, self.day)
        return d, d


_ANCHOR = re.compile(r"\s*((?:1[89]|2\d)\d\d)(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?\s*\Z", re.S)


def parse_anchor(value: str | None, *, strict: bool = False) -> Anchor:
    """Read an ISO date at any precision ("2024-09-19", "2022-07", "2023"; a time part is ignored).

    ``None``, ``""`` and unreadable values give ``Anchor()`` (all ``None``), or raise
    ``ValueError`` when ``strict``. A day or month out of range drops to the coarser precision.
    """
    if value is None or not isinstance(value, str) or not value.strip():
        if strict and value is not None:
            raise ValueError(f"anchor {value!r}: expected an ISO date such as '2024-09-19', '2024-09' or '2024'")
        return Anchor()
    m = _ANCHOR.match(value)
    if m is None:
        if strict:
            raise ValueError(f"anchor {value!r}: expected an ISO date such as '2024-09-19', '2024-09' or '2024'")
        return Anchor()
    year = int(m.group(1))
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    if month is not None and not 1 <= month <= 12:
        if strict:
            raise ValueError(f"anchor {value!r}: month {month} is not 1-12")
        return Anchor(year)
    if day is not None:
        try:
            dt.date(year, month or 1, day)
        except ValueError:
            if strict:
                raise ValueError(f"anchor {value!r}: day {day} does not exist in that month") from None
            return Anchor(year, month)
    return Anchor(year, month, day)


def _iso(year: int, month: int | None = None, day: int | None = None) -> str:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}"


def _valid(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


# --------------------------------------------------------------------------------------------
# Lexicon and patterns (built once, on first use)


@dataclass(frozen=True)
class _Lexicon:
    month_of: dict[str, tuple[int, str]]  # casefolded spelling -> (month, "full"|"english"|"abbr")
    weekday_of: dict[str, int]  # casefolded spelling -> 0..6
    day_words: dict[str, int]
    number_words: dict[str, int]
    past: frozenset[str]
    future: frozenset[str]
    this: frozenset[str]
    raw: dict  # type: ignore[type-arg]


def _norm_apostrophe(s: str) -> str:
    return s.replace("’", "'").replace("`", "'").replace("ʼ", "'").replace("‘", "'")


@cache
def _lexicon() -> _Lexicon:
    raw = json.loads(resources.files("umkm_extract.data").joinpath("dates_id.json").read_text("utf-8"))
    month_of: dict[str, tuple[int, str]] = {}
    for key, kinds in raw["months"].items():
        if key.startswith("_"):
            continue
        month = int(key)
        if not 1 <= month <= 12:
            raise ValueError(f"dates_id.json: month key {key!r} is not 1-12")
        for kind in ("full", "english", "abbr"):
            for word in kinds[kind]:
                k = word.casefold()
                if k in month_of:
                    raise ValueError(f"dates_id.json: month spelling {word!r} listed twice")
                month_of[k] = (month, kind)
    weekday_of: dict[str, int] = {}
    for key, words in raw["weekdays"].items():
        if key.startswith("_"):
            continue
        for word in words:
            k = _norm_apostrophe(word.casefold())
            if k in weekday_of and weekday_of[k] != int(key):
                raise ValueError(f"dates_id.json: weekday spelling {word!r} listed twice")
            weekday_of[k] = int(key)
    day_words = {k: int(v) for k, v in raw["day_words"].items() if not k.startswith("_")}
    return _Lexicon(
        month_of=month_of,
        weekday_of=weekday_of,
        day_words=day_words,
        number_words=dict(raw["number_words"]),
        past=frozenset(raw["past_words"]),
        future=frozenset(raw["future_words"]),
        this=frozenset(raw["this_words"]),
        raw=raw,
    )


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


def _ralt(fragments: Iterable[str]) -> str:
    """A regex alternation of regex fragments, longest first (so 'sampai dengan' beats 'sampai')."""
    return "|".join(f"(?:{f})" for f in sorted(set(fragments), key=lambda w: (-len(w), w)))


def _trie(words: Iterable[str]) -> str:
    """A compact regex for a set of literal words (a trie: shared prefixes tried once)."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for w in set(words):
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:  # type: ignore[type-arg]
        alts = [stdre.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root)


_Handler = Callable[[re.Match[str], str, Anchor, str], "list[DateMention] | None"]


class _Rule(NamedTuple):
    name: str
    pattern: re.Pattern[str]
    handler: _Handler
    seeds: str  # the seed kinds a match of this rule contains
    reach: int = 40  # how far a match may start before its first seed


@dataclass(frozen=True)
class _Patterns:
    rules: tuple[_Rule, ...]
    header_rules: tuple[_Rule, ...]
    seed: stdre.Pattern[str]
    seed_kind: dict[str, str]
    cross_tail: re.Pattern[str]
    identifier: re.Pattern[str]
    prev_token: re.Pattern[str]
    not_name: frozenset[str]
    weekday_near: re.Pattern[str]
    header_noise: re.Pattern[str]
    dateline: re.Pattern[str]
    updated_label: re.Pattern[str]
    header_year: re.Pattern[str]
    date_word: re.Pattern[str]
    upper_only: frozenset[str]


_START = r"(?<![\p{L}\p{N}_/])(?<!\p{N}[.,\-–])"
_YEAR = r"(?:19|20)\d\d"
_YEND = r"(?![\p{L}\p{N}_/]|[.,\-–]\p{N}|-an\b)"
_NUM_END = r"(?![\p{L}\p{N}_/]|[.\-]\p{N})"
_CONN = (
    r"(?:\s*,\s*(?:dan\s+|serta\s+|hingga\s+|sampai\s+)?"
    r"|\s+(?:dan|serta|atau|hingga|sampai(?:\s+dengan)?|s\.\s?d\.?|sd|ke)\s+"
    r"|\s*[-–—/]\s*|\s*s/d\s*)"
)
_RANGE_CONN = r"(?:\s*[-–—]\s*|\s*s/d\s*|\s+(?:s\.\s?d\.?|sd|sampai(?:\s+dengan)?|hingga)\s+)"


@cache
def _patterns() -> _Patterns:
    lex = _lexicon()
    raw = lex.raw
    months = [w for kinds in raw["months"].values() if isinstance(kinds, dict)
              for k in ("full", "english", "abbr") for w in kinds.get(k, [])]
    full_months = [w for kinds in raw["months"].values() if isinstance(kinds, dict) for w in kinds.get("full", [])]
    weekdays = [w for key, ws in raw["weekdays"].items() if not key.startswith("_") for w in ws]
    mon_ci = f"(?:{_alt(months)})(?!\\p{{L}})"
    mon_full_ci = f"(?:{_alt(full_months)})(?!\\p{{L}})"
    wd_ci = f"(?:{_alt(weekdays)})(?!\\p{{L}})"
    qual = _ralt(raw["period_qualifiers_regex"])
    past = _alt(lex.past)
    future = _alt(lex.future)
    this = _alt(lex.this)
    tod = _alt(raw["time_of_day"])
    num = r"\d{1,2}|" + _alt(lex.number_words)
    tail = rf"(?P<tail>(?:\s+(?:{tod}))?(?:\s+(?:{past}|{future}|{this}))?(?![\p{{L}}]))?"
    tahun = r"(?:tahun|thn\.?|th\.)"
    few = r"(?:beberapa|sekian|berapa|banyak|puluhan|belasan|ratusan|\d+|" + _alt(lex.number_words) + r")"

    def c(p: str) -> re.Pattern[str]:
        # One global IGNORECASE: scoped (?i:...) groups cost ~10 ms each to compile in `regex`.
        # Where case matters (a capitalised month or weekday), the handler checks it.
        return re.compile(p, re.X | re.I | re.V0)

    wd_date = c(rf"""
        (?P<lp>\(\s*)?
        (?<![\p{{L}}])(?P<wd>{wd_ci})(?:\s*,\s*|\s+)(?:(?:tanggal|tgl\.?)\s+)?
        (?P<open>\(\s*)?
        (?:
            (?P<d>\d{{1,2}})(?P<sep>[/.\-])(?P<m>\d{{1,2}})(?P=sep)(?P<y>\d{{4}}|\d{{2}}){_NUM_END}
          | (?P<d>\d{{1,2}})[/\-](?P<m>\d{{1,2}}){_NUM_END}
          | (?P<d>\d{{1,2}})\s*(?P<mon>{mon_ci})(?:\.?\s*,?\s*(?:{tahun}\s+)?(?P<y>{_YEAR}){_YEND})?
        )
        (?(open)\s*\))(?(lp)\s*\))
        {tail}""")
    day_range = c(rf"""
        {_START}(?P<days>\d{{1,2}}(?:(?:\s*,\s*(?:dan\s+)?|{_RANGE_CONN}|\s+(?:dan|serta|&)\s+|\s*&\s*)\d{{1,2}})+)
        \s*(?P<mon>{mon_ci})(?:\.?\s*,?\s*(?:{tahun}\s+)?(?P<y>{_YEAR}){_YEND})?
        {tail}""")
    dmy_text = c(rf"""
        {_START}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*(?P<mon>{mon_ci})(?:\.?\s*,?\s*(?:{tahun}\s+)?(?P<y>{_YEAR}){_YEND})?
        {tail}""")
    mdy_text = c(rf"""
        (?<![\p{{L}}\p{{N}}])(?P<mon>{mon_ci})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s*,\s*(?P<y>{_YEAR}){_YEND}
        {tail}""")
    numeric = c(rf"""
        {_START}(?:
            (?P<y>{_YEAR})(?P<sep>[\-/.])(?P<m>\d{{1,2}})(?P=sep)(?P<d>\d{{1,2}})
          | (?P<d>\d{{1,2}})(?P<sep>[/\-])(?P<m>\d{{1,2}})(?P=sep)(?P<y>\d{{4}}|\d{{2}})
          | (?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>{_YEAR})
        ){_NUM_END}
        {tail}""")
    month_list = c(rf"""
        (?<![\p{{L}}\p{{N}}])(?:(?P<q>(?:{qual}))\s+)?(?:(?P<b>(?:bulan))\s+)?
        (?P<ml>{mon_full_ci})(?:{_CONN}(?P<ml>{mon_full_ci}))+
        (?:\s*,?\s*(?:{tahun}\s+)?(?P<y>{_YEAR}){_YEND})?
        {tail}""")
    month_year = c(rf"""
        (?<![\p{{L}}\p{{N}}])(?:(?P<q>(?:{qual}))\s+)?(?:(?P<b>(?:bulan))\s+)?
        (?P<mon>{mon_ci})\.?(?:\s+(?P<pq>(?:akhir|awal)))?\s*,?\s*(?:{tahun}\s+)?(?P<y>{_YEAR}){_YEND}
        {tail}""")
    year_part = c(rf"""
        (?<![\p{{L}}\p{{N}}])(?P<q>(?:{raw["year_part_regex"]}))(?:\s+{tahun})?\s+(?P<yl>{_YEAR}){_YEND}
        {tail}""")
    budget = c(rf"""
        (?<![\p{{L}}\p{{N}}])
        (?:
            (?P<bn>{_ralt(raw["budget_names_regex"])})
            (?:\s+(?:Perubahan|Murni|Induk))?
            (?:\s*\([^()\n]{{1,25}}\))?
            (?P<reg>\s+(?:Provinsi|Kabupaten|Kota|Kab\.|Prov\.|Desa|Kampung|Gampong)(?:\s+[\p{{L}}\-]+){{1,3}})?
            (?:\s+(?:{raw["budget_year_regex"]}|{tahun}))?
          | (?P<by>{raw["budget_year_regex"]})
        )
        \s+(?P<yl>{_YEAR})(?:{_CONN}(?P<yl>{_YEAR}))*{_YEND}
        {tail}""")
    ordinal_year = c(rf"""
        (?<![\p{{L}}\p{{N}}\-])(?:ke)-?\s?\d{{1,3}}\s+(?P<yl>{_YEAR}){_YEND}
        {tail}""")
    tahun_year = c(rf"""
        (?<![\p{{L}}\p{{N}}])(?:(?P<q>(?:{qual}))\s+)?(?P<t>{tahun})
        (?:\s+(?P<kind>(?:ajaran|pelajaran|buku|fiskal|akademik|kalender)))?
        \s+(?P<yl>{_YEAR})(?:{_CONN}(?P<yl>{_YEAR}))*{_YEND}
        {tail}""")
    year_range = c(rf"""
        {_START}(?P<yl>{_YEAR})\s*(?:[\-–—/]|s/d)\s*(?P<yl>{_YEAR}){_YEND}
        {tail}""")
    not_before = _alt(raw["year_not_before"])
    year_cue = c(rf"""
        (?<![\p{{L}}\p{{N}}])(?:(?P<cue>(?:{_ralt(raw["year_cues_regex"])}))|(?P<q>(?:{qual})))
        \s+(?P<yl>{_YEAR})(?:{_CONN}(?P<yl>{_YEAR}))*{_YEND}(?!\s*(?:%|(?:{not_before})(?!\p{{L}})))
        {tail}""")
    month_bare = c(rf"""
        (?<![\p{{L}}\p{{N}}])(?:(?P<cue>(?:{_ralt(raw["month_cues_regex"])}))\s+)?
        (?:(?P<q>(?:{qual}))\s+)?
        (?:(?P<b>bulan)\s+)?(?P<mon>{mon_full_ci})
        (?:\s+(?P<pq>(?:akhir|awal|{past}|{future}|{this}))(?![\p{{L}}]))?
        (?(pq)|(?!\s*[\-/]?\s*\d))""")
    rel_year = c(rf"""
        (?<![\p{{L}}\p{{N}}\-])(?:(?P<q>(?:{qual}))\s+)?
        (?:(?P<n>(?:{num}))\s+(?:tahun)|(?P<se>(?:se))(?:tahun)|(?<!{few}\s{{1,3}})(?<!(?:ulang)\s{{1,3}})(?:tahun))
        \s+(?P<w>(?:{past}|{future}|{this}))(?![\p{{L}}])""")
    rel_month = c(rf"""
        (?<![\p{{L}}\p{{N}}\-])(?:(?P<q>(?:{qual}))\s+)?
        (?:(?P<n>(?:{num}))\s+(?:bulan)|(?P<se>(?:se))(?:bulan)|(?<!{few}\s{{1,3}})(?:bulan))
        \s+(?P<w>(?:{past}|{future}|{this}))(?![\p{{L}}])""")
    day_words = _alt(lex.day_words)
    rel_day = c(rf"""
        (?<![\p{{L}}\p{{N}}\-])
        (?:
            (?P<n>(?:{num}))\s+(?:hari)\s+(?P<w>(?:{past}))
          | (?<!{few}\s{{1,3}})(?<!(?:pekan|minggu|bulan|tahun)\s{{1,3}})(?P<dw>(?:{day_words}))
        )(?![\p{{L}}\-])""")
    rel_weekday = c(rf"""
        (?<![\p{{L}}\p{{N}}])(?:(?:hari)\s+)?(?P<wd>{wd_ci})\s+(?P<w>(?:{past}|{future}|besok))(?![\p{{L}}])""")
    weekday_bare = c(rf"""
        (?<=[,(]\s{{0,2}})(?P<wd>{wd_ci})(?=\s*[,.;)]|\s+(?:{tod})(?![\p{{L}}]))""")

    # Seed kinds (see _seeds): Y year, N day number, M month name or "bulan", W weekday,
    # T "tahun", B "bulan", D "hari"/"kemarin"/"besok"/"lusa". A rule only scans the text
    # around seeds of its kinds, which keeps find_dates fast on long articles.
    rules = (
        _Rule("date.weekday_date", wd_date, _h_weekday_date, "WN"),
        _Rule("date.day_range", day_range, _h_day_range, "N"),
        _Rule("date.dmy_text", dmy_text, _h_dmy_text, "N"),
        _Rule("date.mdy_text", mdy_text, _h_mdy_text, "MY"),
        _Rule("date.numeric", numeric, _h_numeric, "NY"),
        _Rule("date.month_list", month_list, _h_month_list, "M"),
        _Rule("date.month_year", month_year, _h_month_year, "MY"),
        _Rule("date.year_part", year_part, _h_years, "Y"),
        _Rule("date.budget_year", budget, _h_budget, "Y", 120),
        _Rule("date.edition_year", ordinal_year, _h_years, "Y"),
        _Rule("date.year_tahun", tahun_year, _h_years, "Y"),
        _Rule("date.year_range", year_range, _h_year_range, "Y"),
        _Rule("date.year_cue", year_cue, _h_years, "Y"),
        _Rule("date.month_bare", month_bare, _h_month_bare, "MB"),
        _Rule("date.relative_year", rel_year, _h_rel_year, "T"),
        _Rule("date.relative_month", rel_month, _h_rel_month, "B"),
        _Rule("date.relative_weekday", rel_weekday, _h_rel_weekday, "W"),
        _Rule("date.relative_day", rel_day, _h_rel_day, "D"),
        _Rule("date.weekday_bare", weekday_bare, _h_weekday_bare, "W"),
    )
    header_rules = rules[:5]

    idkw = _ralt(raw["identifier_keywords_regex"])
    identifier = re.compile(
        rf"(?<![\p{{L}}])(?:{idkw})(?![\p{{L}}])\s*[:.]?\s*[\p{{L}}\p{{N}}./\-]*\p{{N}}[\p{{L}}\p{{N}}./\-]*\s+{tahun}\s*\Z"
        rf"|\p{{N}}[\p{{L}}\p{{N}}.\-]*/\Z",
        re.I | re.V0,
    )
    month_trie = _trie(w.casefold() for w in months)
    name_trie = _trie([w.casefold() for w in months] + [w.casefold() for w in weekdays])
    not_name = {w.casefold() for w in months} | {w.casefold() for w in weekdays}
    not_name |= {"tahun", "thn", "th", "ta", "bulan", "hingga", "sampai", "pada", "sejak", "semenjak", "mulai",
                 "per", "di", "dari", "selama", "sepanjang", "periode", "awal", "akhir", "pertengahan", "medio",
                 "jelang", "menjelang", "sebelum", "setelah", "sesudah", "usai", "pasca", "antara", "target",
                 "penghujung", "dan", "atau", "serta", "anggaran", "perubahan", "murni", "induk"}
    return _Patterns(
        rules=rules,
        header_rules=header_rules,
        cross_tail=re.compile(
            rf"{_RANGE_CONN}\d{{1,2}}\s*(?P<mon>{mon_ci})\.?\s*,?\s*(?:{tahun}\s+)?(?P<y>{_YEAR}){_YEND}", re.I
        ),
        seed=stdre.compile(  # stdlib re: a third faster than regex on this plain scan
            rf"""\b(?:
                (?P<Y>(?:19|20)\d\d)(?!\d)
              | (?P<N>\d{{1,2}})(?=(?:st|nd|rd|th)?\s*(?:[/.\-–]\s*\d|(?:{month_trie})\b))
              | (?P<kw>tahun|bulan|hari|kemarin|kemaren|besok|lusa|setahun|sebulan|{name_trie})\b
            )""",
            stdre.X | stdre.I,
        ),
        seed_kind={
            **{w: "M" for w in lex.month_of},
            **{w: "W" for w in lex.weekday_of},
            "tahun": "T", "setahun": "T", "bulan": "MB", "sebulan": "B",
            "hari": "D", "kemarin": "D", "kemaren": "D", "besok": "D", "lusa": "D",
        },
        identifier=identifier,
        prev_token=re.compile(r"(\S+)\s+\Z"),
        not_name=frozenset(not_name),
        weekday_near=re.compile(wd_ci, re.I),
        header_noise=re.compile(
            r"""\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:(?:wib|wita|wit|gmt|utc|am|pm))?(?:\s*[+\-]\d{2}:?\d{2})?
              |(?:\b(?:wib|wita|wit|diterbitkan|dipublikasikan|dipublikasi|terbit|published|posted|updated
                 |diperbarui|diperbaharui|dibuat|pada|on|tanggal|tgl|oleh|by|last|modified|update|waktu|date
                 |penulis|editor|reporter|redaktur|pewarta|jam|pukul)\b)
              |[|,:;•·/\\()\[\]\-–—_*]""",
            re.X | re.I,
        ),
        dateline=re.compile(r"\A[\p{Lu}][\p{L}\p{M} .'’\-]{1,40}?\s*(?:\([\p{L}. ]{1,20}\)\s*)?,\s*\Z"),
        updated_label=re.compile(r"(?i)\b(?:updated|diperbarui|diperbaharui|last\s+modified|update)\b"),
        header_year=re.compile(rf"(?<!\p{{N}}){_YEAR}(?!\p{{N}})"),
        upper_only=frozenset(
            f.casefold() for f in raw["budget_names_regex"] + raw["budget_year_regex"].split("|")
            if re.fullmatch(r"[A-Z]{2,5}", f)
        ),
        date_word=re.compile(rf"(?<![\p{{L}}])(?:{mon_ci}|{wd_ci})|\p{{N}}+(?:st|nd|rd|th)?", re.I),
    )


# --------------------------------------------------------------------------------------------
# Resolution helpers


def _month_of(word: str) -> tuple[int, str]:
    return _lexicon().month_of[word.rstrip(".").casefold()]


def _weekday_of(word: str | None) -> int | None:
    if not word:
        return None
    return _lexicon().weekday_of.get(_norm_apostrophe(word.casefold()))


def _number(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _lexicon().number_words.get(" ".join(word.casefold().split()))


def _two_digit_year(y: str) -> int:
    v = int(y)
    if len(y) == 2:
        return 2000 + v if v < 70 else 1900 + v
    return v


def _year_for_day(month: int, day: int, weekday: int | None, anchor: Anchor) -> int | None:
    """The year of a yearless day: nearest to the anchor, normally not after it, weekday agreeing."""
    bounds = anchor.bounds()
    if bounds is None or anchor.year is None:
        return None
    lo, hi = bounds
    cands = [dt.date(y, month, day) for y in (anchor.year - 1, anchor.year, anchor.year + 1) if _valid(y, month, day)]
    if weekday is not None:
        agree = [d for d in cands if d.weekday() == weekday]
        if agree:
            cands = agree
    if not cands:
        return None

    def cost(d: dt.date) -> int:
        if d < lo:
            return (lo - d).days
        if d > hi:
            return 3 * (d - hi).days  # a reported date is normally not after publication
        return 0

    return min(cands, key=lambda d: (cost(d), d.year != anchor.year)).year


def _year_for_month(month: int, mode: str, anchor: Anchor) -> int | None:
    """The year of a yearless month: 'past' (April lalu), 'future' (Mei mendatang), 'this', or 'near'.

    News reports on the current year, past and planned alike ("hingga Desember" in October is
    this December; "Januari, Februari dan Maret" in June are this year's).
    """
    y, am = anchor.year, anchor.month
    if y is None:
        return None
    if mode == "this":
        return y
    if am is None:
        return y if mode == "near" else None
    if mode == "past":
        return y if month <= am else y - 1
    if mode == "future":
        return y if month >= am else y + 1
    # The publication year, unless the month lies most of a year ahead ("Desember" in January).
    return y - 1 if month - am >= 8 else y


def _mode(word: str | None) -> str:
    if not word:
        return "near"
    w = " ".join(word.casefold().split())
    lex = _lexicon()
    if w in lex.past:
        return "past"
    if w in lex.future:
        return "future"
    if w in lex.this:
        return "this"
    return "near"


def _inside_quote(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside a direct quotation opened earlier in the same paragraph."""
    seg = text[text.rfind("\n", 0, pos) + 1 : pos]
    if seg.count("“") > seg.count("”"):
        return True
    return seg.count('"') % 2 == 1


def _mention(text: str, start: int, end: int, value: str, rule: str) -> DateMention:
    return DateMention(text=text[start:end], value=value, start=start, end=end, rule=rule)


def _core_end(m: re.Match[str]) -> int:
    """End of the expression without its trailing 'lalu'/'malam'/'kemarin' tail."""
    return m.start("tail") if m.group("tail") else m.end()


def is_year_in_identifier(text: str, start: int, end: int) -> bool:
    """Whether the year ``text[start:end]`` belongs to a document number or a name.

    True for "Perbup Nomor 48 Tahun 2025", "UU No. 20 Tahun 2008", "PP 7 Tahun 2021",
    "Nomor 12/2021", and for a year glued to a capitalised name ("Expo 2022",
    "Indonesia Emas 2045"); false for budget and date phrases ("Tahun Anggaran 2025",
    "APBD 2021", "pada 2021", "Desember 2023").
    """
    if _in_document_number(text, start):
        return True
    pats = _patterns()
    tok = pats.prev_token.search(text[max(0, start - 40) : start])
    if tok is None:
        return False
    word = tok.group(1)
    if word.casefold().rstrip(".,") in pats.not_name:
        return False
    if word.endswith(")") or word.startswith("ke-") or word.casefold().startswith("ke-"):
        return False
    if _NAME_WORD.match(word) and not _BUDGET_WORD.match(word):
        return True
    return False


_NAME_WORD = re.compile(r"\p{Lu}[\p{L}\p{N}&\-]*\Z")
_BUDGET_WORD = re.compile(
    r"(?:R?APBD\w*|R?APBN\w*|P-?APBD|APB[KA]|DAK|DAU|DBH\w*|ADD|DIPA|RKPD|RKA|RPJM\w*|Renstra|Otsus|Doka|DOKA|TA|T\.A\.)\Z"
)
_DIGITS = re.compile(r"\d+")
_NEXT_NAME = re.compile(r"\s+\p{Lu}\p{Ll}")
_DASH = re.compile(r"\s*[\-–—|(]")
_DAY_NUMBER = re.compile(r"(?<!\d)\d{1,2}(?!\d)")


def _in_document_number(text: str, start: int) -> bool:
    """"Nomor 48 Tahun ", "PP 7 Tahun ", "Nomor 12/" right before ``start``."""
    return _patterns().identifier.search(text[max(0, start - 80) : start]) is not None


# --------------------------------------------------------------------------------------------
# Rule handlers: (match, text, anchor, rule) -> mentions (possibly []: claim without output) or None


def _h_weekday_date(m: re.Match[str], text: str, anchor: Anchor, rule: str) -> list[DateMention] | None:
    wd = _weekday_of(m.group("wd"))
    day = int(m.group("d"))
    if m.group("mon"):
        month, _kind = _month_of(m.group("mon"))
    else:
        month = int(m.group("m"))
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return None
    start, end = m.start(), _core_end(m)
    if m.group("y"):
        year = _two_digit_year(m.group("y"))
        if not _valid(year, month, day):
            return None
        return [_mention(text, start, end, _iso(year, month, day), rule)]
    year = _year_for_day(month, day, wd, anchor)
    if year is None:
        return [] if anchor.year is None else None
    return [_mention(text, start, end, _iso(year, month, day), rule.replace("weekday_date", "weekday_dm"))]


def _h_day_range(m: re.Match[str], text: str, anchor: Anchor, rule: str) -> list[DateMention] | None:
    month, kind = _month_of(m.group("mon"))
    spans = [(g.start() + m.start("days"), g.end() + m.start("days")) for g in _DIGITS.finditer(m.group("days"))]
    days = [int(text[s:e]) for s, e in spans]
    if any(b <= a for a, b in zip(days, days[1:])):
        return None
    year: int | None
    if m.group("y"):
        year = int(m.group("y"))
    elif kind != "full":
        return None
    else:
        year = _year_for_day(month, days[-1], None, anchor)
        if year is None:
            return []
    if not all(_valid(year, month, d) for d in days):
        return None
    out = [_mention(text, s, e, _iso(year, month, d), rule) for (s, e), d in zip(spans[:-1], days[:-1])]
    out.append(_mention(text, spans[-1][0], _core_end(m), _iso(year, month, days[-1]), rule))
    return out


def _h_dmy_text(m: re.Match[str], text: str, anchor: Anchor, rule: str) -> list[DateMention] | None:
    month, kind = _month_of(m.group("mon"))
    day = int(m.group("d"))
    start, end = m.start(), _core_end(m)
    if m.group("y"):
        year = int(m.group("y"))
    else:
        if kind != "full":
            return None
        cross = _patterns().cross_tail.match(text, m.end("mon"))
        if cross is not None:  # "28 Februari - 2 Maret 2024": the year is written once, at the end
            year = int(cross.group("y"))
            if month > _month_of(cross.group("mon"))[0]:
                year -= 1
        else:
            found = _year_for_day(month, day, None, anchor)
            if found is None:
                return [] if _valid(2000, month, day) else None
            year = found
        rule = rule.replace("dmy_text", "dm_text")
    if not _valid(year, month, day):
        return None
    return [_mention(text, start, end, _iso(year, month, day), rule)]


def _h_mdy_text(m: re.Match[str], text: str, anchor: Anchor, rule: str) -> list[DateMention] | None:
    month, _kind = _month_of(m.group("mon"))
    day, year = int(m.group("d")), int(m.group("y"))
    if not _valid(year, month, day):
        return None
    return [_mention(text, m.start(), _core_end(m), _iso(year, month, day), rule)]


def _h_numeric(m: re.Match[str], text: str, anchor: Anchor, rule: str) -> list[DateMention] | None:
    year, month, day = _two_digit_year(m.group("y")), int(m.group("m")), int(m.group("d"))
    if not _valid(year, month, day):
        return None
    return [_mention(text, m.start(), _core_end(m), _iso(year, month, day), rule)]


def _h_month_list(m: re.Match[str], text: str, anchor: Anchor, rule: str) -> list[DateMention] | None:
    spans = m.spans("ml")
    if not all(text[s].isupper() for s, _e in spans):
        return None  # bare month names are capitalised
    months = [_month_of(text[s:e])[0] for s, e in spans]
    out: list[DateMention] = []
    written = int(m.group("y")) if m.group("y") else None
    first = m.start()
    for i, ((s, e), month) in enumerate(zip(spans, months)):
        if written is not None:
            year: int | None = written - (1 if month > months[-1] else 0)
        else:
            year = _year_for_month(month, "near", anchor)
        if year is None:
            continue
        s0 = first if i == 0 else s
        e0 = _core_end(m) if i == len(spans) - 1 and written is not None else e
        out.append(_mention(text, s0, e0, _iso(year, month), rule))
    return out


def _h_month_year(m: re.Match[str], text: str, anchor: Anchor, rule: str) -> list[DateMention] | None:
    month, _kind = _month_of(m.group("mon"))
    return [_mention(text, m.start(), _core_end(m), _iso(int(m.group("y")), month), rule)]


def _year_mentions(m: re.Match[str], text: str, rule: str, first_start: int) -> list[DateMention]:
    out: list[DateMention] = []
    spans = m.spans("yl")
    years = [int(text[s:e]) for s, e in spans]
    for i, ((s, e), year) in enumerate(zip(spans, years)):
        if i == 0 and _in_document_number(text, s) and not rule.endswith(("budget_year", "edition_year")):
            return []
        out.append(_mention(text, first_start if i == 0 else s, e, _iso(year), rule))
    return out


def _h_years(m: re.Match[str], text: str, anchor: Anchor, rule: str) -> list[DateMention] | None:
    if rule == "date.year_cue":
        first = m.start("q") if m.group("q") else m.spans("yl")[0][0]
    else:
        first = m.start()
    return _year_mentions(m, text, rule, first)


def _h_budget(m: re.Match[str], text: str, anchor: Anchor, rule: str) -> list[DateMention] | None:
    name = m.group("bn") or m.group("by") or ""
    if name.casefold() in _patterns().upper_only and not name.isupper():
        return None  # "TA 2025", "DAK 2024" are acronyms; "ta"/"dak" are not
    reg = m.group("reg")
    if reg and not all(w[:1].isupper() for w in reg.split()[1:]):
        return None  # "APBD Kota Batu 2021" names a region; lower-case words do not
    return _year_mentions(m, text, rule, m.start())


def _h_year_range(m: re.Match[str], text: str, anchor: Anchor, rule: str) -> list[DateMention] | None:
    (s1, e1), (s2, e2) = m.spans("yl")
    y1, y2 = int(text[s1:e1]), int(text[s2:e2])
    if not y1 < y2 <= y1 + 30:
        return None
    if _in_document_number(text, s1):
        return []
    return [_mention(text, s1, e1, _iso(y1), rule), _mention(text, s2, e2, _iso(y2), rule)]


def _h_month_bare(m: re.Match[str], text: str, anchor: Anchor, rule: str) -> list[DateMention] | None:
    if not (m.group("cue") or m.group("q") or m.group("b") or m.group("pq")):
        return None
    if not m.group("b") and not m.group("mon")[0].isupper():
        return None  # "Mei" stands alone only capitalised ("bulan mei" may be lower case)
    if not m.group("pq") and _NEXT_NAME.match(text, m.end()):
        return None  # "sejak Mei Lestari menjabat": a given name, not a month
    month, _kind = _month_of(m.group("mon"))
    pq = m.group("pq")
    year = _year_for_month(month, _mode(pq), anchor)
    start = m.start("q") if m.group("q") else m.start("b") if m.group("b") else m.start("mon")
    if year is None:
        return []
    return [_mention(text, start, m.end(), _iso(year, month), rule)]


def _relative_offset(m: re.Match[str]) -> int | None:
    """Offset in units for 'tahun lalu' (-1), 'bulan ini' (0), 'tiga tahun lalu' (-3); None if a duration."""
    mode = _mode(m.group("w"))
    if m.group("n") is not None or m.group("se"):
        if mode != "past":
            return None  # "dua tahun ini", "tiga bulan mendatang" are durations
        count = _number(m.group("n")) if m.group("n") is not None else 1
        return None if count is None else -count
    return {"past": -1, "future": 1, "this": 0}.get(mode, 0)


def _h_rel_year(m: re.Match[str], text: str, anchor: Anchor, rule: str) -> list[DateMention] | None:
    offset = _relative_offset(m)
    if offset is None:
        return None
    if anchor.year is None:
        return []
    return [_mention(text, m.start(), m.end(), _iso(anchor.year + offset), rule)]


def _h_rel_month(m: re.Match[str], text: str, anchor: Anchor, rule: str) -> list[DateMention] | None:
    offset = _relative_offset(m)
    if offset is None:
        return None
    if anchor.year is None:
        return []
    if anchor.month is None:
        if offset == 0:  # "bulan ini" under a year-only anchor: the year is still certain
            return [_mention(text, m.start(), m.end(), _iso(anchor.year), rule)]
        return []
    y, mo = divmod(anchor.year * 12 + anchor.month - 1 + offset, 12)
    return [_mention(text, m.start(), m.end(), _iso(y, mo + 1), rule)]


def _h_rel_day(m: re.Match[str], text: str, anchor: Anchor, rule: str) -> list[DateMention] | None:
    if _inside_quote(text, m.start()):
        return []  # "hari ini" in a quotation is the day of speaking, not of publication
    if m.group("dw"):
        offset = _lexicon().day_words[" ".join(m.group("dw").casefold().split())]
    else:
        count = _number(m.group("n"))
        if count is None:
            return None
        offset = -count
    if anchor.year is None:
        return []
    if anchor.day is None:
        if offset == 0:
            return [_mention(text, m.start(), m.end(), _iso(anchor.year, anchor.month), rule)]
        return []
    d = dt.date(anchor.year, anchor.month or 1, anchor.day) + dt.timedelta(days=offset)
    return [_mention(text, m.start(), m.end(), d.isoformat(), rule)]


def _sentence_initial(text: str, pos: int) -> bool:
    before = text[max(0, pos - 4) : pos].rstrip(" \t\"“'‘")
    return before == "" or before[-1] in ".!?\n:"


def _h_rel_weekday(m: re.Match[str], text: str, anchor: Anchor, rule: str) -> list[DateMention] | None:
    wd = _weekday_of(m.group("wd"))
    if wd is None or not m.group("wd")[0].isupper():
        return None  # lower-case "minggu lalu" is "last week"
    if wd == 6 and m.group("wd").casefold() == "minggu" and _sentence_initial(text, m.start("wd")):
        return None  # "Minggu lalu" opening a sentence may be "last week"
    if _inside_quote(text, m.start()):
        return []
    a = anchor.date
    if a is None:
        return []
    w = m.group("w").casefold()
    if _mode(w) == "future" or w == "besok":
        d = a + dt.timedelta(days=(wd - a.weekday()) % 7 or 7)
    else:
        d = a - dt.timedelta(days=(a.weekday() - wd) % 7 or 7)
    return [_mention(text, m.start(), m.end(), d.isoformat(), rule)]


def _h_weekday_bare(m: re.Match[str], text: str, anchor: Anchor, rule: str) -> list[DateMention] | None:
    wd = _weekday_of(m.group("wd"))
    a = anchor.date
    if wd is None or not m.group("wd")[0].isupper():
        return None
    near = text[max(0, m.start() - 16) : m.start()] + " " + text[m.end() : m.end() + 16]
    if _patterns().weekday_near.search(near):
        return None  # a list of weekdays ("Senin, Rabu, dan Jumat") is a schedule
    if a is None:
        return []
    d = a - dt.timedelta(days=(a.weekday() - wd) % 7)
    return [_mention(text, m.start(), m.end(), d.isoformat(), rule)]


# --------------------------------------------------------------------------------------------
# Public functions


_AFTER = 60  # how far an expression reaches after its last seed
_SPACE = re.compile(r"\s")


def _seeds(text: str, spans: Sequence[tuple[int, int]]) -> dict[str, list[tuple[int, int, int]]]:
    """Seed positions per kind, as (position, span start, span end)."""
    pats = _patterns()
    kinds = pats.seed_kind
    hits: dict[str, list[tuple[int, int, int]]] = {}
    for s, e in spans:
        for m in pats.seed.finditer(text, s, e):
            group = m.lastgroup
            if group == "Y" or group == "N":
                hits.setdefault(group, []).append((m.start(), s, e))
                continue
            kind = kinds.get(_norm_apostrophe(m.group().casefold()))
            if kind:
                for k in kind:
                    hits.setdefault(k, []).append((m.start(), s, e))
    return hits


def _windows(text: str, seeds: dict[str, list[tuple[int, int, int]]], rule: _Rule) -> list[tuple[int, int]]:
    """The stretches of text around this rule's seeds, merged, within their spans."""
    points = sorted(p for k in rule.seeds for p in seeds.get(k, ()))
    out: list[tuple[int, int]] = []
    for p, s, e in points:
        lo = max(s, p - rule.reach)
        hi = p + _AFTER
        if hi < e:
            ws = _SPACE.search(text, hi, e)  # never cut a word at the window end
            hi = ws.start() if ws else e
        else:
            hi = e
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(hi, out[-1][1]))
        else:
            out.append((lo, hi))
    return out


def _run(
    text: str,
    spans: Sequence[tuple[int, int]],
    anchor: Anchor,
    rules: Sequence[_Rule],
    *,
    seeded: bool = True,
) -> list[DateMention]:
    taken = bytearray(len(text) + 1)
    found: list[DateMention] = []
    seeds = _seeds(text, spans) if seeded else {}
    for rule in rules:
        for s, e in _windows(text, seeds, rule) if seeded else spans:
            for m in rule.pattern.finditer(text, s, e):
                ms, me = m.span()
                if me <= ms or taken.find(1, ms, me) != -1:
                    continue
                try:
                    mentions = rule.handler(m, text, anchor, rule.name)
                except (KeyError, ValueError):  # an exotic case-fold or digit the tables do not know
                    mentions = None
                if mentions is None:
                    continue
                taken[ms:me] = b"\x01" * (me - ms)
                found.extend(mentions)
    found.sort(key=lambda x: (x.start, x.end))
    return found


def _clean_spans(text: str, spans: Sequence[tuple[int, int]] | None) -> list[tuple[int, int]]:
    n = len(text)
    if spans is None:
        return [(0, n)]
    out = sorted((max(0, int(s)), min(n, int(e))) for s, e in spans)
    merged: list[tuple[int, int]] = []
    for s, e in out:
        if e <= s:
            continue
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    return merged


def find_dates(
    text: str,
    *,
    anchor: str | None = None,
    spans: Sequence[tuple[int, int]] | None = None,
) -> list[DateMention]:
    """Every date expression in ``text`` (within ``spans``, default the whole text), sorted by start.

    ``anchor`` is the publication date, ISO at any precision or ``None``: it gives yearless
    dates their year and resolves relative ones ("kemarin", "bulan lalu"); an expression that
    the anchor cannot resolve with certainty is left out. Mentions never overlap and
    ``text[m.start:m.end] == m.text``.
    """
    if not text:
        return []
    return _run(text, _clean_spans(text, spans), parse_anchor(anchor), _patterns().rules)


def _lines(text: str, limit: int) -> Iterable[tuple[int, int]]:
    pos = 0
    n = min(len(text), max(0, limit))
    while pos < n:
        nl = text.find("\n", pos)
        end = len(text) if nl == -1 else nl
        yield pos, end
        pos = end + 1


def find_publication_date(text: str, *, limit: int = 600) -> DateMention | None:
    """The publication date from the header or dateline (lines starting in the first ``limit`` chars).

    A header line holds a full date and little else: "Kamis 19-09-2024,12:32 WIB",
    "blokX.com | Wednesday, 22 February 2017 15:00", "Diterbitkan 12/03/2025". A dateline opens
    the first paragraph: "Jakarta, 19 September 2024 – …". A date inside a body sentence is
    not a publication date. An "Updated"/"Diperbarui" line is used only when no other line is.
    """
    if not text:
        return None
    pats = _patterns()
    fallback: DateMention | None = None
    for s, e in _lines(text, limit):
        line = text[s:e]
        if not line.strip() or not pats.header_year.search(line):
            continue
        found = [x for x in _run(text, [(s, e)], Anchor(), pats.header_rules, seeded=False) if len(x.value) == 10]
        if not found:
            alt = _dateparser_line(text, s, e)
            if alt is not None and alt.start >= 0:
                found = [alt]
        if not found:
            continue
        first = found[0]
        residue = text[s : first.start] + " " + text[first.end : e]
        rest = pats.header_noise.sub(" ", residue).split()
        mention: DateMention | None = None
        if len(rest) <= 4 and sum(map(len, rest)) <= 40:
            rule = first.rule if first.rule == "published.dateparser" else "published.header"
            mention = DateMention(first.text, first.value, first.start, first.end, rule)
        elif pats.dateline.match(text[s : first.start]) and _DASH.match(text[first.end : e]):
            mention = DateMention(first.text, first.value, first.start, first.end, "published.dateline")
        if mention is None:
            continue
        if pats.updated_label.search(line):
            fallback = fallback or mention
            continue
        return mention
    return fallback


def _dateparser_line(text: str, s: int, e: int) -> DateMention | None:
    """Fallback for short header lines the rules do not read ("4th February 2025 | 10:15")."""
    raw = text[s:e]
    stripped = raw.strip()
    if not 8 <= len(stripped) <= 60 or not _DAY_NUMBER.search(stripped):
        return None
    pats = _patterns()
    if len(pats.header_noise.sub(" ", pats.date_word.sub(" ", stripped)).split()) > 3:
        return None  # a short sentence, not a date line
    value = _dateparser_parse(stripped)
    if value is None:
        return None
    off = s + raw.index(stripped)
    return DateMention(stripped, value, off, off + len(stripped), "published.dateparser")


@lru_cache(maxsize=1024)
def _dateparser_parse(fragment: str) -> str | None:
    import dateparser  # lazy: importing and warming dateparser costs ~0.5 s

    try:
        parsed = dateparser.parse(
            fragment,
            languages=["id", "en"],
            settings={"DATE_ORDER": "DMY", "STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"],
                      "PREFER_DATES_FROM": "past"},
        )
    except Exception:  # dateparser raises assorted errors on odd input; a header is optional
        return None
    if parsed is None or not 1900 <= parsed.year <= 2099:
        return None
    return parsed.date().isoformat()
