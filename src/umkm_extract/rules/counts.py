"""Counts: numbers that count or measure something, with the noun phrase they count.

Pure functions over the article text and character spans (no spaCy objects). A count is
a number (digits, words, a rupiah amount, a percentage or an approximate word such as
"ratusan") plus its ``unit``: the counted noun phrase as written after it ("833 pedagang keliling"
→ "pedagang keliling"), "persen" for percentages, "rupiah" for money. Where the noun is not
right after the number, a few general patterns recover it ("2.037 dari 2.263 pelaku UKM",
"jumlah koperasi … sebanyak 1.308", "1.351 adalah tanah milik warga"); otherwise the number is
skipped. Years, dates, clock times, phone numbers, ordinals, ranks, phases, sizes and numbers
inside names or document numbers are never counts.

Every rule id is ``count.<how>``: ``digits_unit``, ``words_unit``, ``approximate``, ``money``,
``percent``, ``shared_unit``, ``cue_noun``, ``copula_unit``.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any, Mapping

import regex as re

from ..records import Count
from .numbers import Number, numbers_data, parse_number, parse_number_words, parse_rupiah
from .text import WordIndex, alternation, finditer_at, first_words

__all__ = ["find_counts"]

Span = tuple[int, int]

# ---- patterns that need no data -------------------------------------------------------------
_NUM = r"\d+(?:[.,]\d+)*"
_NUM_RE = re.compile(_NUM)
_WORD = r"\p{L}[\p{L}\p{M}\p{N}'’]*(?:[-/]\p{L}[\p{L}\p{M}\p{N}'’]*)*"
# Whitespace between a number and its unit: may cross one line break (hard-wrapped text), not a blank line.
_GAP = r"[^\S\n]*(?:\n[^\S\n]*)?"
_UNIT_TOK = re.compile(
    _GAP + rf"(?:(?P<paren>\((?P<inner>[^()\n]{{1,60}})\))|(?P<word>{_WORD})|(?P<other>\S))"
)
_PERCENT = re.compile(r"[^\S\n]?%|[^\S\n]+(?i:persen|per[ ]sen)(?![\p{L}\p{N}])")
_SIZE_AFTER = re.compile(r"[^\S\n]*[x×X][^\S\n]*\d")
# Backward patterns run with REVERSE and .match(text, lo, pos): anchored at ``pos``, read leftwards.
_SIZE_BEFORE = re.compile(r"\d[^\S\n]*[x×X][^\S\n]*", re.REVERSE)
_TIME_SHAPE = re.compile(r"\d{1,2}[.:][0-5]\d")
_REGULATION_AFTER = re.compile(r"[^\S\n]+[Tt]ahun[^\S\n]+\d{4}(?!\d)")
_PREV_WORD = re.compile(r"(?P<w>[\p{L}$][\p{L}\p{M}\p{N}'’]*)[.:]?[^\S\n]*", re.REVERSE)
_NEXT_TOKEN_IS_NUMBER = re.compile(r"[^\S\n]+\d")
_PREV_TOKEN_IS_NUMBER = re.compile(r"\d[^\S\n]+", re.REVERSE)
_NUMBER_BEFORE = re.compile(f"{_SIZE_BEFORE.pattern}|{_PREV_TOKEN_IS_NUMBER.pattern}", re.REVERSE)  # either, in one match
_BACK_TOK = re.compile(rf"(?P<word>{_WORD})|(?P<num>\d+(?:[.,]\d+)*)|(?P<punct>[^\s\p{{L}}\p{{N}}])|(?P<para>\n\s*\n)")
_TRUNCATED_TAIL = re.compile(r"[^\S\n]+(?P<w>\p{L}+)\s*\Z")
_SENTENCE_OPENERS = frozenset(".!?:;\"“”'‘’([—–-\n")
_DIGIT_GLUE_LETTERS = re.compile(r"\p{L}[\p{L}\p{N}²³]*")
_SENTENCE_BREAK = re.compile(r"[.!?;]\s|\n\s*\n|[.!?;]\Z")
_AN_SUFFIX = re.compile(r"-?an(?![\p{L}\p{N}])")
_HYPHEN_CHAIN = re.compile(r"[-–]\d{1,4}[-–]\d{1,4}")


@dataclass(frozen=True)
class _Lexicon:
    currency_before: re.Pattern[str]
    currency_reach: int
    word_candidate: re.Pattern[str]
    word_first: frozenset[str] | None
    money_scale_after: re.Pattern[str]
    scale_after: re.Pattern[str]
    currency_after: re.Pattern[str]
    month_after: re.Pattern[str]
    date_range_after: re.Pattern[str]
    time_after: re.Pattern[str]
    not_count_after: re.Pattern[str]
    not_count_after_digits: re.Pattern[str]
    word_idiom_after: re.Pattern[str]
    share_link: re.Pattern[str]
    copula: re.Pattern[str]
    partitive_after: re.Pattern[str]
    prepositions: frozenset[str]
    list_cues: frozenset[str]
    continuation: re.Pattern[str]
    labels: frozenset[str]
    word_idioms_before: frozenset[str]
    satu_article_nouns: frozenset[str]
    unit_stop: frozenset[str]
    stop_after_first: frozenset[str]
    region_words: frozenset[str]
    measure_abbrev: frozenset[str]
    skip_first: frozenset[str]
    coordinators: frozenset[str]
    verb_like_nouns: frozenset[str]
    nominal_exceptions: frozenset[str]
    cue_words: frozenset[str]
    fillers: frozenset[str]
    money_cues: frozenset[str]
    months: frozenset[str]
    number_words: frozenset[str]
    approximate: Mapping[str, int]
    scales: Mapping[str, int]
    currency_prefix: Mapping[str, str]
    currency_suffix: Mapping[str, str]


_alt = alternation


def _cased(words: Any) -> str:
    """An alternation of each word as written lower-case, Capitalised and UPPER-case."""
    forms = {f for w in words for f in (w, w[:1].upper() + w[1:], w.upper())}
    return _alt(forms)


@cache
def _lexicon() -> _Lexicon:
    d = numbers_data()
    start_words = [*d["digit_words"], *d["se_words"], *d["se_scales"]]
    all_words = [*start_words, *d["multipliers"], *d["scales"]]
    scales = _alt(d["scales"])
    money_short = _alt(k for k in d["money_scales"] if len(k) > 1)
    money_letters = "".join(sorted({c for k in d["money_scales"] if len(k) == 1 for c in (k, k.upper())}))
    # Candidates come from two cheap passes instead of one pattern with look-behinds at every
    # position: digit runs (a currency prefix is looked for just before each), then number words
    # in the cases written, tried only where a word that can open one starts (`word_first`).
    currency_before = re.compile(rf"(?:{_alt(d['currency_prefix'])})\.?[^\S\n]?(?=\d)")
    word_candidate = re.compile(
        rf"\b(?:(?P<approx>(?:{_cased(d['approximate'])})(?:[^\S\n]+(?:{_cased(d['scales'])}))?)"
        rf"|(?P<words>(?:{_cased(start_words)})(?:[^\S\n]+(?:{_cased(all_words)}))*))\b"
    )
    money_scale_after = re.compile(
        rf"[^\S\n]?(?P<s>(?i:{scales}|{money_short})|[{money_letters}])(?![\p{{L}}\p{{N}}])"
    )
    months = _alt(d["months"])
    month_after = re.compile(rf"[^\S\n]*(?i:{months})(?![\p{{L}}])")
    date_range_after = re.compile(
        rf"(?:[^\S\n]*(?:,|[-–]|s\.?d\.?|s/d|(?i:sampai|hingga|dan)|&)[^\S\n]*\d{{1,2}})+[^\S\n]+(?i:{months})(?![\p{{L}}])"
    )
    not_count_after = re.compile(rf"[^\S\n]+(?i:{_alt(d['not_count_after'])})(?![\p{{L}}\p{{N}}])")
    return _Lexicon(
        currency_before=currency_before,
        currency_reach=max(map(len, d["currency_prefix"])) + 2,  # the prefix, a dot and a space
        word_candidate=word_candidate,
        word_first=first_words(_alt([*d["approximate"], *start_words])),
        money_scale_after=money_scale_after,
        scale_after=re.compile(rf"[^\S\n]+(?P<s>(?i:{scales}))(?![\p{{L}}\p{{N}}])"),
        currency_after=re.compile(rf"[^\S\n]+(?P<c>(?i:{_alt(d['currency_suffix'])}))(?![\p{{L}}\p{{N}}])"),
        month_after=month_after,
        date_range_after=date_range_after,
        time_after=re.compile(
            rf"(?:[^\S\n]*(?:[-–]|s\.?d\.?|(?i:sampai|hingga))[^\S\n]*\d{{1,2}}(?:[.:]\d{{2}})?)?[^\S\n]*(?i:{_alt(d['time_zones'])})(?![\p{{L}}])"
        ),
        not_count_after=not_count_after,
        # What may follow digits that count nothing, as one pattern tried once per number (see
        # `_digit_negative`): a size, another digit group, a month, a date range, a rank word, a year.
        not_count_after_digits=re.compile("|".join(f"(?:{p.pattern})" for p in (
            _SIZE_AFTER, _NEXT_TOKEN_IS_NUMBER, month_after, date_range_after, not_count_after, _REGULATION_AFTER))),
        word_idiom_after=re.compile(rf"[^\S\n]+(?i:{_alt(d['word_idioms_after'])})(?![\p{{L}}\p{{N}}])"),
        share_link=re.compile(
            r"[^\S\n]*(?:(?i:dari(?:[^\S\n]+(?:total|jumlah))?|sampai|hingga|s\.?d\.?|s/d)|[-–])[^\S\n]*\Z"
        ),
        copula=re.compile(
            rf"[^\S\n]+(?:(?i:{_alt(d['copula_lead'])})[^\S\n]+)?(?i:{_alt(d['copulas'])})(?![\p{{L}}])"
        ),
        partitive_after=re.compile(rf"[^\S\n]+(?i:{_alt(d['partitive_after'])})(?![\p{{L}}])"),
        prepositions=frozenset(d["prepositions"]),
        list_cues=frozenset(d["list_cues"]),
        continuation=re.compile("|".join(f"(?i:{p})" for p in d["unit_continuations"])),
        labels=frozenset(d["labels_before"]),
        word_idioms_before=frozenset(d["word_idioms_before"]),
        satu_article_nouns=frozenset(d["satu_article_nouns"]),
        unit_stop=frozenset(d["unit_stop"]),
        stop_after_first=frozenset(d["unit_stop_after_first"]),
        region_words=frozenset(d["region_words"]),
        measure_abbrev=frozenset(d["measure_abbrev"]),
        skip_first=frozenset(d["unit_skip_first"]),
        coordinators=frozenset(d["coordinators"]),
        verb_like_nouns=frozenset(d["verb_like_nouns"]),
        nominal_exceptions=frozenset(d["nominalization_exceptions"]),
        cue_words=frozenset(d["cue_words"]),
        fillers=frozenset(d["fillers"]),
        money_cues=frozenset(d["money_cues"]),
        months=frozenset(d["months"]),
        number_words=frozenset([*all_words, *d["approximate"]]),
        approximate={k: int(v) for k, v in d["approximate"].items()},
        scales={k: int(v) for k, v in d["scales"].items()},
        currency_prefix=dict(d["currency_prefix"]),
        currency_suffix=dict(d["currency_suffix"]),
    )


# ---- small helpers ------------------------------------------------------------------------------
@dataclass
class _Hit:
    start: int
    end: int
    value: Number
    unit: str
    rule: str
    approximate: bool = False


@dataclass
class _Bare:
    """A number that passed every negative check but has no unit right after it."""

    start: int
    end: int
    value: Number
    hi: int  # where its sentence may not go past (span end or next excluded span)


def _is_verb(word: str, lex: _Lexicon) -> bool:
    """me-/ber-/ter-/di- words of six letters or more, lower case, that are not known nouns."""
    return (
        word.islower()
        and len(word) >= 6
        and word.startswith(("me", "ber", "ter", "di"))
        and word not in lex.verb_like_nouns
    )


def _unit_word_ok(word: str, lex: _Lexicon) -> bool:
    cf = word.casefold()
    if cf in lex.unit_stop or cf in lex.number_words or cf in lex.months:
        return False
    if len(word) == 1 and cf not in lex.measure_abbrev:
        return False
    if cf.startswith("se-") or _is_verb(word, lex):
        return False
    return True


def _paren_ok(inner: str) -> bool:
    return (
        any(ch.isupper() for ch in inner)
        and not any(ch.isdigit() for ch in inner)
        and "/" not in inner
        and len(inner.split()) <= 6
    )


def _read_unit(text: str, pos: int, hi: int, lex: _Lexicon, *, coordinate: bool = True,
               max_words: int = 6) -> tuple[int, int, int] | None:
    """The counted noun phrase starting at ``pos``: (start, end, number of words), or None."""
    words: list[tuple[int, int, str]] = []
    n = 0
    p = pos
    skipped_first = False
    while p < hi:
        m = _UNIT_TOK.match(text, p, hi)
        if m is None:
            break
        if m["paren"] is not None:
            if not words and p == pos and parse_number_words(m["inner"].strip()) is not None:
                p = m.end()  # "1.250 (seribu dua ratus lima puluh) aparatur": the number spelled out again
                continue
            if words and _paren_ok(m["inner"]):
                words.append((m.start("paren"), m.end("paren"), m["paren"]))
            break
        if m["other"] is not None:
            if m["other"] == "&" and coordinate and words:
                _coordinate(text, m.end(), hi, lex, words, n, max_words)
            break
        w = m["word"]
        cf = w.casefold()
        if "\n" in text[p:m.start("word")] and w[0].isupper():
            break
        if not words and not skipped_first and cf in lex.skip_first:
            skipped_first = True
            p = m.end()
            continue
        if words and cf in lex.coordinators:
            if coordinate:
                _coordinate(text, m.end(), hi, lex, words, n, max_words)
            break
        if not _unit_word_ok(w, lex):
            break
        if words and (cf in lex.stop_after_first or (w[0].isupper() and cf in lex.region_words)):
            break
        if n == max_words:
            # Too long: cut where a lower-case head meets a capitalised name, if anywhere.
            for i in range(len(words) - 1, 0, -1):
                if words[i][2][0].isupper() and words[i - 1][2][0].islower():
                    del words[i:]
                    break
            break
        words.append((m.start("word"), m.end("word"), w))
        n += 1
        p = m.end()
        c = lex.continuation.match(text, p, hi)
        if c is not None:
            words.append((c.start(), c.end(), c[0]))
            n += len(c[0].split()) - 1
            p = c.end()
    if not words:
        return None
    return words[0][0], words[-1][1], n


def _coordinate(text: str, pos: int, hi: int, lex: _Lexicon, words: list[tuple[int, int, str]],
                n: int, max_words: int) -> None:
    """Extend ``words`` over "dan NOUN PHRASE" when one number governs both conjuncts
    ("4.110 buruh tani tembakau dan pekerja rentan"), not "enam gerai dan gudang"."""
    if _NEXT_TOKEN_IS_NUMBER.match(text, pos, hi) or pos >= hi:
        return
    nxt = _UNIT_TOK.match(text, pos, hi)
    if nxt is None or nxt["word"] is None or nxt["word"].casefold() in lex.number_words:
        return
    second = _read_unit(text, pos, hi, lex, coordinate=False, max_words=max(max_words - n, 0))
    if second is None:
        return
    if n >= 2 or second[2] >= 2:
        words.append((second[0], second[1], text[second[0]:second[1]]))


def _prev_word(text: str, pos: int, lo: int) -> str | None:
    m = _PREV_WORD.match(text, lo, pos)
    return m["w"].casefold() if m else None


def _sentence_start(text: str, pos: int, lo: int) -> bool:
    i = pos - 1
    while i >= lo and text[i] in " \t":
        i -= 1
    return i < lo or text[i] in _SENTENCE_OPENERS


def _overlaps(a: int, b: int, spans: Sequence[Span]) -> bool:
    return any(s < b and a < e for s, e in spans)


def _limit(pos: int, hi: int, exclude: Sequence[Span]) -> int:
    """The first excluded position at or after ``pos`` (a unit may not run into an entity)."""
    for s, _e in exclude:
        if s >= pos:
            return min(hi, s)
    return hi


def _floor(pos: int, lo: int, exclude: Sequence[Span]) -> int:
    best = lo
    for _s, e in exclude:
        if e <= pos:
            best = max(best, e)
    return best


# ---- candidates ---------------------------------------------------------------------------------
def _money(text: str, a: int, cur: str, num_end: int, hi: int, lex: _Lexicon) -> _Hit | None:
    """"Rp 2,3 miliar", "Rp.300.000", "menjadiRp 1.492.992.000": [a, num_end) is currency + digits."""
    b = num_end
    s = lex.money_scale_after.match(text, b, hi)
    if s is not None:
        b = s.end()
    if b < len(text) and (text[b].isalnum() or (text[b] in ".," and b + 1 < len(text) and text[b + 1].isdigit())):
        return None
    value = parse_rupiah(text[a:b])
    if value is None:
        return None
    return _Hit(a, b, value, lex.currency_prefix.get(cur, "rupiah"), "count.money")


def _digit_negative(text: str, a: int, b: int, lo: int, hi: int, raw: str, lex: _Lexicon) -> bool:
    """True when the digits at [a, b) are part of a date, time, code, phone number, size, rank or name."""
    prev = text[a - 1] if a > 0 else ""
    prev2 = text[a - 2] if a > 1 else ""
    nxt = text[b] if b < len(text) else ""
    nxt2 = text[b + 1] if b + 1 < len(text) else ""
    if prev and prev in "/:+#@×":
        return True  # 24/6/2024, 12:32, +62, 5×5
    if prev and prev in "-–" and prev2.isalpha():
        return True  # ke-75, Covid-19
    if nxt and nxt in "/:" and nxt2.isdigit():
        return True  # 24/6/2024, 12:32, RT 3/RW 5
    if nxt and nxt in "-–" and (nxt2.isalpha() or _dated_chain(text, b, hi)):
        return True  # ke-3-an, 19-09-2024
    if raw[0] == "0" and len(raw) > 1 and raw[1] not in ".,":
        return True  # 0812…, 09.00, 07 (leading zero: phone, time, code)
    if raw.isdigit() and len(raw) >= 7:
        return True  # NIK, NIB, phone numbers
    if _NUMBER_BEFORE.match(text, lo, a):
        return True  # 3 x 3, 5×5; digit groups: +62 812 3456 7890, "ke-75 2022"
    if lex.not_count_after_digits.match(text, b, hi):
        return True  # 3x5 meter; 812 3456; 5 September, 5 sampai 9 Desember; 10 besar; Perbup 48 Tahun 2025
    if _TIME_SHAPE.fullmatch(raw) or raw.isdigit():
        if lex.time_after.match(text, b, hi):
            return True  # 10.30 WIB, 9 WIB
    pw = _prev_word(text, a, lo)
    if pw is not None and pw in lex.labels:
        return True  # tahap 2, No 2, Tim 1, pukul 10.00, tahun 2024
    return False


def _dated_chain(text: str, b: int, hi: int) -> bool:
    """19-09-2024, 2024-09-19: three numbers joined by hyphens."""
    return _HYPHEN_CHAIN.match(text, b, hi) is not None


def _is_year(raw: str) -> bool:
    return raw.isdigit() and len(raw) == 4 and 1900 <= int(raw) <= 2100


def _has_cue_before(text: str, a: int, lo: int, lex: _Lexicon, cues: frozenset[str], n_words: int = 4) -> bool:
    toks = list(_BACK_TOK.finditer(text, max(lo, a - 80), a))
    seen = 0
    for t in reversed(toks):
        if t["word"] is None:
            if t["punct"] in (",",) and seen == 0:
                continue
            break
        if t["word"].casefold() in cues:
            return True
        seen += 1
        if seen >= n_words:
            break
    return False


def _digits(text: str, a: int, b: int, lo: int, hi: int, lex: _Lexicon) -> _Hit | _Bare | None:
    raw = text[a:b]
    an = _AN_SUFFIX.match(text, b, hi)
    if an is not None:
        return _digits_an(text, a, an.end(), hi, raw, lex)
    if _digit_negative(text, a, b, lo, hi, raw, lex):
        return None
    nxt = text[b] if b < len(text) else ""
    if nxt.isalpha():
        glue = _DIGIT_GLUE_LETTERS.match(text, b, hi)
        if glue is None or glue[0].casefold() not in lex.measure_abbrev:
            return None
        value = parse_number(raw)
        if value is None:
            return None
        return _Hit(a, glue.end(), value, glue[0], "count.digits_unit")
    value = parse_number(raw)
    if value is None:
        return None
    p = _PERCENT.match(text, b, hi)
    if p is not None:
        return _Hit(a, p.end(), value, "persen", "count.percent")
    end = b
    scaled = False
    s = lex.scale_after.match(text, b, hi)
    if s is not None:
        v = parse_number(f"{raw} {s['s']}")
        if v is None:
            return None
        value, end, scaled = v, s.end(), True
        p = _PERCENT.match(text, end, hi)
        if p is not None:
            return _Hit(a, p.end(), value, "persen", "count.percent")
    c = lex.currency_after.match(text, end, hi)
    if c is not None:
        return _Hit(a, c.end(), value, lex.currency_suffix[c["c"].casefold()], "count.money")
    year = not scaled and _is_year(raw)
    if year and not _has_cue_before(text, a, lo, lex, lex.cue_words):
        return None
    unit = _read_unit(text, end, hi, lex)
    if unit is not None:
        ustart, uend, _n = unit
        first = text[ustart:uend].split()[0]
        if year and (not first.islower() or first.casefold() in lex.stop_after_first):
            return None
        return _Hit(a, uend, value, text[ustart:uend], "count.digits_unit")
    if year:
        return None
    cop = _copula(text, a, end, hi, value, lex)
    if cop is not None:
        return cop
    if scaled and _has_cue_before(text, a, lo, lex, lex.money_cues, n_words=5):
        return _Hit(a, end, value, "rupiah", "count.money")
    return _Bare(a, end, value, hi)


def _digits_an(text: str, a: int, end: int, hi: int, raw: str, lex: _Lexicon) -> _Hit | None:
    """"300-an pedagang", "30an kepala desa": an approximate count; "2000-an" is a decade."""
    if _is_year(raw) or raw[0] == "0" or (a > 0 and (text[a - 1].isalnum() or text[a - 1] in "-/:")):
        return None
    value = parse_number(raw)
    unit = _read_unit(text, end, hi, lex)
    if value is None or unit is None:
        return None
    return _Hit(a, unit[1], value, text[unit[0]:unit[1]], "count.approximate", True)


def _copula(text: str, a: int, end: int, hi: int, value: Number, lex: _Lexicon) -> _Hit | None:
    """"1.351 adalah tanah milik warga", "6 diantaranya adalah tanah wakaf"."""
    m = lex.copula.match(text, end, hi)
    if m is None:
        return None
    unit = _read_unit(text, m.end(), hi, lex)
    if unit is None:
        return None
    ustart, uend, _n = unit
    if not text[ustart].islower():
        return None
    return _Hit(a, uend, value, text[ustart:uend], "count.copula_unit")


def _words(text: str, a: int, b: int, lo: int, hi: int, lex: _Lexicon) -> _Hit | None:
    raw = text[a:b]
    if raw[0].isupper() and not _sentence_start(text, a, lo):
        return None  # Terpadu Satu Pintu, Lima Puluh Kota
    pw = _prev_word(text, a, lo)
    if pw is not None and (pw in lex.word_idioms_before or pw in lex.labels):
        return None  # salah satu, kaki lima, tahap dua, nomor satu
    if lex.word_idiom_after.match(text, b, hi) or lex.not_count_after.match(text, b, hi):
        return None  # satu per satu, dua arah, sepuluh besar
    if lex.month_after.match(text, b, hi):
        return None
    value = parse_number_words(raw)
    if value is None:
        return None
    p = _PERCENT.match(text, b, hi)
    if p is not None:
        return _Hit(a, p.end(), value, "persen", "count.percent")
    c = lex.currency_after.match(text, b, hi)
    if c is not None:
        return _Hit(a, c.end(), value, lex.currency_suffix[c["c"].casefold()], "count.money")
    unit = _read_unit(text, b, hi, lex)
    if unit is None:
        return None
    ustart, uend, _n = unit
    first = text[ustart:uend].split()[0]
    if raw[0].isupper() and first[0].isupper():
        return None  # a name: "Empat Lawang", "Tiga Serangkai"
    cf = first.casefold()
    if raw.casefold() == "satu" and ((len(cf) >= 7 and cf.endswith("an")) or cf in lex.satu_article_nouns):
        return None  # "satu lompatan", "satu hal": an article, not a count
    return _Hit(a, uend, value, text[ustart:uend], "count.words_unit")


def _approx(text: str, a: int, b: int, lo: int, hi: int, lex: _Lexicon) -> _Hit | None:
    raw = text[a:b]
    parts = raw.casefold().split()
    value = lex.approximate.get(parts[0])
    if value is None:
        return None
    if len(parts) > 1:
        value *= lex.scales.get(parts[-1], 1)
    if raw[0].isupper() and not _sentence_start(text, a, lo):
        return None
    c = lex.currency_after.match(text, b, hi)
    if c is not None:
        return _Hit(a, c.end(), value, lex.currency_suffix[c["c"].casefold()], "count.approximate", True)
    unit = _read_unit(text, b, hi, lex)
    if unit is None:
        return None
    return _Hit(a, unit[1], value, text[unit[0]:unit[1]], "count.approximate", True)


# ---- recovering the unit of a bare number -------------------------------------------------------
def _cue_noun(text: str, bare: _Bare, lo: int, lex: _Lexicon) -> str | None:
    """The noun named just before a bare number with a quantity cue between:
    "jumlah koperasi yang terdaftar sebanyak 1.308", "Anggota kurang lebih sekarang 1.500",
    "Total koperasi di daerah itu mencapai 1.207" (a prepositional phrase is passed over)."""
    toks = list(_BACK_TOK.finditer(text, max(lo, bare.start - 200), bare.start))
    i = len(toks) - 1
    cue = False
    phrase: list[re.Match[str]] = []
    while i >= 0:
        t = toks[i]
        w = t["word"]
        if w is None:
            break
        cf = w.casefold()
        if not phrase:
            if cf in lex.cue_words:
                cue = True
                i -= 1
                continue
            if cf in lex.fillers or cf in lex.stop_after_first:
                i -= 1  # "saat ini", "hari ini", "tahun ini"
                continue
            if ((_is_verb(w, lex) or cf in lex.unit_stop) and i > 0
                    and (toks[i - 1]["word"] or "").casefold() == "yang"):
                i -= 2  # a relative clause: "yang terdaftar", "yang datang"
                continue
        if phrase and cf in lex.cue_words:
            cue = True  # "jumlah koperasi 1.308"
        if phrase and cf in lex.prepositions and len(phrase) <= 3:
            phrase = []  # "di daerah itu": a place, not the counted noun
            i -= 1
            continue
        if (cf in lex.cue_words or cf in lex.fillers or cf in lex.unit_stop or _is_verb(w, lex)
                or cf in lex.number_words or cf in lex.months or len(w) < 2):
            break
        if cf.endswith("nya") and not phrase:
            return None  # "Kontribusinya sekitar 45": a possessed measure, its unit is not named
        phrase.insert(0, t)
        if len(phrase) > 3:
            break
        i -= 1
    if not cue or not phrase or len(phrase) > 3:
        return None
    # Drop a leading nominalisation: "penyerahan sertifikat" counts certificates.
    while len(phrase) > 1:
        cf = phrase[0]["word"].casefold()
        if cf.endswith("an") and len(cf) >= 8 and cf.startswith(("pe", "ke")) and cf not in lex.nominal_exceptions:
            phrase.pop(0)
        else:
            break
    words = [t["word"] for t in phrase]
    head = words[0]
    if head[:1].isupper() and head[1:].islower() and _sentence_start(text, phrase[0].start(), lo):
        words[0] = head.lower()
    if not words[0][:1].islower() and not words[0].isupper():
        return None  # a capitalised name before the number is not what it counts
    return " ".join(words)


def _previous_unit(text: str, out: list[_Hit], bare: _Bare, *, sentences: int = 0) -> str | None:
    """The unit of the last count before ``bare``, at most ``sentences`` sentence breaks back
    (0: the same sentence, a list of like things)."""
    for h in reversed(out):
        if h.rule in ("count.money", "count.percent") or h.approximate:
            continue
        breaks = len(_SENTENCE_BREAK.findall(text, h.end, bare.start))
        if breaks > sentences or bare.start - h.end > 300:
            return None
        return h.unit
    return None


def _resolve(text: str, items: list[_Hit | _Bare], lo: int, lex: _Lexicon) -> list[_Hit]:
    out: list[_Hit] = []
    for i, it in enumerate(items):
        if isinstance(it, _Hit):
            out.append(it)
            continue
        nxt = items[i + 1] if i + 1 < len(items) else None
        if (isinstance(nxt, _Hit) and nxt.rule in ("count.digits_unit", "count.words_unit")
                and lex.share_link.match(text, it.end, nxt.start)):
            out.append(_Hit(it.start, it.end, it.value, nxt.unit, "count.shared_unit"))
            continue
        end = it.end
        # "3.980 di antaranya": part of the count before it.
        partitive = lex.partitive_after.match(text, it.end, it.hi) is not None
        unit = None if partitive else _cue_noun(text, it, lo, lex)
        rule = "count.cue_noun"
        if unit is None and (partitive or _has_cue_before(text, it.start, lo, lex, lex.list_cues, 1)):
            # "40 kios, yang sudah terisi sebanyak 35": the unit of the list it belongs to;
            # "24 peserta. 3 di antaranya …": of the count in the sentence before.
            unit = _previous_unit(text, out, it, sentences=1 if partitive else 0)
            rule = "count.shared_unit"
        if unit is None:
            continue
        tail = _TRUNCATED_TAIL.match(text, end, it.hi)
        if tail is not None and tail.end() == it.hi and unit.casefold().startswith(tail["w"].casefold()):
            end = tail.end("w")  # a text cut mid-word: "sebanyak 78 s"
        out.append(_Hit(it.start, end, it.value, unit, rule))
    return out


def _candidates(text: str, lo: int, hi: int, lex: _Lexicon,
                word_starts: list[int] | None = None) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, currency) of every number-looking stretch, in text order."""
    out: list[tuple[int, int, str, str]] = []
    prev_end = lo
    for m in _NUM_RE.finditer(text, lo, hi):
        n0, b = m.span()
        cur = _currency_before(text, max(prev_end, n0 - lex.currency_reach), n0, lex)
        prev_end = b
        if cur is not None:
            a = cur.start()
            symbol = cur.group().rstrip(". \t")
            before = text[a - 1] if a > 0 else ""
            glued_ok = before.islower() and symbol in ("Rp", "RP")  # "menjadiRp 1.492.992.000"
            if not before or not before.isalnum() or glued_ok:
                out.append((a, b, "money", symbol))
                continue
        if n0 > 0 and text[n0 - 1].isalnum():
            continue  # G20, x5, inside a code
        out.append((n0, b, "digits", ""))
    for m in finditer_at(lex.word_candidate, word_starts, text, lo, hi):
        a, b = m.span()
        if (a > 0 and text[a - 1] in "-–") or (b < len(text) and text[b] in "-–"):
            continue  # satu-satunya, ke-dua
        out.append((a, b, "approx" if m["approx"] is not None else "words", ""))
    out.sort()
    return out


def _currency_before(text: str, lo: int, n0: int, lex: _Lexicon) -> re.Match[str] | None:
    """The currency prefix written right before the digits at ``n0`` ("Rp", "Rp. ", "US$"), if any.

    ``text[lo:n0]`` holds no digit (``lo`` is at or after the previous number), so a prefix match
    there can only end at ``n0``; the leftmost one is taken, as a forward scan for
    "prefix? digits" would.
    """
    return lex.currency_before.search(text, lo, n0 + 1)


def _scan(text: str, lo: int, hi: int, exclude: Sequence[Span], lex: _Lexicon,
          word_starts: list[int] | None = None) -> list[_Hit]:
    """The counts in text[lo:hi]; `word_starts`: where the number words of the text start (None: anywhere)."""
    items: list[_Hit | _Bare] = []
    for a, b, kind, cur in _candidates(text, lo, hi, lex, word_starts):
        if _overlaps(a, b, exclude):
            continue
        limit = _limit(b, hi, exclude)
        floor = _floor(a, lo, exclude)
        found: _Hit | _Bare | None
        if kind == "money":
            found = _money(text, a, cur, b, limit, lex)
        elif kind == "digits":
            found = _digits(text, a, b, floor, limit, lex)
        elif kind == "approx":
            found = _approx(text, a, b, floor, limit, lex)
        else:
            found = _words(text, a, b, floor, limit, lex)
        if found is not None:
            items.append(found)
    return _resolve(text, items, lo, lex)


def find_counts(text: str, *, spans: Sequence[Span] | None = None, exclude: Sequence[Span] = (),
                index: WordIndex | None = None) -> list[Count]:
    """Every count in ``text`` inside ``spans`` (None: the whole text), none overlapping ``exclude``.

    Sorted by position, non-overlapping; ``text[c.start:c.end] == c.text`` for each. Approximate
    words ("ratusan pedagang") come with ``approximate=True`` and the lower bound as value.
    ``index`` is the article's word index when the caller has one (built here otherwise).
    """
    if not isinstance(text, str) or not text:
        return []
    lex = _lexicon()
    if index is None:
        index = WordIndex(text)
    n = len(text)
    windows = [(0, n)] if spans is None else sorted(
        (max(0, int(s)), min(n, int(e))) for s, e in spans if int(e) > int(s)
    )
    excl = sorted((int(s), int(e)) for s, e in exclude if int(e) > int(s))
    # Where a number word can start, looked up once for the whole text (finditer_at takes each span's).
    word_starts = None if lex.word_first is None else index.starts(lex.word_first)
    hits: list[_Hit] = []
    for lo, hi in windows:
        if lo < hi:
            hits.extend(_scan(text, lo, hi, excl, lex, word_starts))
    hits.sort(key=lambda h: (h.start, -h.end))
    out: list[Count] = []
    last_end = -1
    for h in hits:
        if h.start < last_end or _overlaps(h.start, h.end, excl):
            continue
        out.append(Count(text=text[h.start:h.end], value=h.value, unit=" ".join(h.unit.split()),
                         start=h.start, end=h.end, approximate=h.approximate, rule=h.rule))
        last_end = h.end
    return out
