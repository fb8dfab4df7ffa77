"""The word index and keyword-anchored matching (rules/text.py) give exactly what full scans give.

The rules try their keyword patterns only where one of the pattern's possible first words starts;
these tests hold that shortcut to the plain `finditer` it replaces, on the real lexicons and on
generated text, and check the fallback for patterns whose first words cannot be derived.
"""
from __future__ import annotations

import json
from importlib import resources

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import umkm_extract
from umkm_extract.rules.events import _compile, find_events, load_lexicon
from umkm_extract.rules.regions import _cue_patterns
from umkm_extract.rules.text import WordIndex, finditer_at, first_words


@pytest.mark.parametrize("pattern, words", [
    (r"menerima|meraih", {"menerima", "meraih"}),
    (r"(?:kembali\s+)?(?:menerima|meraih)", {"kembali", "menerima", "meraih"}),
    (r"diambil sumpah(?:nya)?", {"diambil"}),
    (r"sumpah(?:nya)?\s+jabatan", {"sumpah", "sumpahnya"}),
    (r"me-launching|kami\s+bagikan", {"me", "kami"}),
    (r"Bupati|WALI kota", {"bupati", "wali"}),
    (r"pe(?:nyerahan|mberian)", {"penyerahan", "pemberian"}),
])
def test_first_words_of_keyword_patterns(pattern, words):
    assert first_words(pattern) == words


@pytest.mark.parametrize("pattern", [
    r"[a-z]eresmikan",  # a range at the start: any of 26 letters could begin it
    r"jum.?at",  # the first word can continue with any character
    r"\d+ orang",  # starts with a digit
    r"(?:desa\s+)?",  # can match the empty string
    r"\p{Lu}\w+",  # not parseable by the standard library: unknown, not an error
])
def test_first_words_unknown_falls_back(pattern):
    assert first_words(pattern) is None


def test_word_index_is_case_folded_and_bounded():
    ix = WordIndex("Bupati Jember melantik; BUPATI-nya hadir. bupati")
    assert ix.starts({"bupati"}) == [0, 24, 42]
    assert ix.starts({"bupati", "jember"}, 5, 30) == [7, 24]
    assert "nya" in ix and "kabupaten" not in ix


@pytest.mark.parametrize("text", [
    "Bupati Jember melantik; BUPATI-nya hadir. bupati",
    "Straße Jember, BUPATI dan bupati",  # ß folds to "ss": the text is longer folded
    "İnegöl Kota dan kota",  # İ folds to two characters
    "Bupati\u0345Jember bupati",  # U+0345 is no letter, its folding is one
    "“Kota” – kota’s KOTA",
])
def test_word_index_equals_word_by_word_folding(text):
    expected: dict[str, list[int]] = {}
    for m in regex.finditer(r"\p{L}+", text):
        expected.setdefault(m.group().casefold(), []).append(m.start())
    ix = WordIndex(text)
    assert {w: list(ix.positions(w)) for w in expected} == expected
    assert ix.starts(set(expected)) == sorted(p for ps in expected.values() for p in ps)


def _event_patterns() -> list[tuple[regex.Pattern[str], frozenset[str]]]:
    lex = load_lexicon()
    out = [(r.trigger, r.first) for r in lex.rules if r.first is not None]
    cue, _, cue_words = _cue_patterns()
    assert cue_words is not None
    return out + [(cue, cue_words)]


def test_every_builtin_trigger_and_region_cue_has_first_words():
    lex = load_lexicon()
    assert all(r.first for r in lex.rules), [r.id for r in lex.rules if not r.first]


_KEYWORDS = ["menerima", "kembali", "dilantik", "pelantikan", "serah", "terima", "jabatan", "Kabupaten",
             "Pemkab", "Wali", "Kota", "Desa", "kami", "bagikan", "me-launching", "launching", "Se-Kabupaten",
             "diserahkan", "Bupati", "Kec.", "Jember", "terimakasih", "sumpahnya"]
_SEPARATORS = [" ", "  ", ", ", ". ", "-", "/", "\n", "(", ") ", "2"]
_texts = st.lists(st.tuples(st.sampled_from(_KEYWORDS), st.sampled_from(_SEPARATORS)), max_size=30).map(
    lambda parts: "".join(w + s for w, s in parts))


@given(text=_texts, cut=st.integers(0, 40))
def test_finditer_at_equals_finditer(text, cut):
    ix = WordIndex(text)
    start, end = min(cut, len(text)), len(text)
    for pattern, words in _event_patterns():
        fast = [m.span() for m in finditer_at(pattern, ix.starts(words), text, start, end)]
        assert fast == [m.span() for m in pattern.finditer(text, start, end)], pattern.pattern[:60]


def test_events_same_with_underivable_trigger():
    """A user trigger whose first words are unknown is tried in every sentence (the `any_trigger` path)."""
    text = ("Judul\nBupati Klaten meresmikan Pasar UMKM Sejahtera di Kecamatan Delanggu, Senin (10/3/2025). "
            "Acara itu dihadiri pelaku usaha.")
    raw = json.loads(resources.files("umkm_extract.data").joinpath("events.json").read_text("utf-8"))
    for rule in raw["rules"]:
        if rule["id"] == "facility.active":
            rule["trigger"] = "[a-z]eresmikan|[a-z]embuka secara resmi|[a-z]esmikan"
    lexicon = _compile(raw)
    assert next(r for r in lexicon.rules if r.id == "facility.active").first is None
    art = umkm_extract.extract(text, published="2025-03-14")
    doc_sentences = [(art.events[0].sentence_start, art.events[0].sentence_start + len(art.events[0].sentence))]
    persons = art.persons
    plain = find_events(text, sentences=doc_sentences, persons=persons, dates=art.dates, counts=art.counts)
    odd_events = find_events(text, sentences=doc_sentences, persons=persons, dates=art.dates, counts=art.counts,
                             lexicon=lexicon)
    assert [(e.type, e.trigger, e.date) for e in odd_events] == [(e.type, e.trigger, e.date) for e in plain]
    assert plain and plain[0].type == "facility_inaugurated"


@pytest.mark.parametrize("pattern, words", [
    (r"jum[’']?at|jumat", {"jum", "jumat"}),  # a non-letter inside ends the word
    (r"sept?|okt", {"sep", "sept", "okt"}),
    (r"kuartal I{1,3}", {"kuartal"}),
    (r"I{1,3}\s+tahun", {"i", "ii", "iii"}),
    (r"(?:[iy]ang|yg)\b", {"iang", "yang", "yg"}),
])
def test_first_words_expands_small_classes_and_repeats(pattern, words):
    assert first_words(pattern) == words


def test_finditer_at_tries_a_word_cut_by_the_span_end():
    """The index knows "dilantika", not "dilantik"; a span ending inside it still finds the keyword."""
    pattern = regex.compile(r"(?<![\p{L}])(?:dilantik)(?![\p{L}])", regex.I)
    text = "Ketua dilantika hari ini"
    ix = WordIndex(text)
    end = text.index("dilantik") + len("dilantik")
    assert [m.group() for m in pattern.finditer(text, 0, end)] == ["dilantik"]
    assert [m.group() for m in finditer_at(pattern, ix.starts({"dilantik"}), text, 0, end)] == ["dilantik"]


@pytest.mark.parametrize("pattern, words", [
    (r"se+rah", None),  # a letter repeated without bound: the word is not finite
    (r"tahun\s+(?:19|20)\d\d", {"tahun"}),
    (r"(?P<pq>\()?(?:januari|februari)(?(pq)\))", None),  # may start with "(": unknown
    # a conditional is followed both ways whatever the group did: a superset of the real first words
    # ("perkembangan", "kembang"), which only costs a few failed match attempts
    (r"(?P<a>per)?(?(a)kembangan|kembang)", {"perkembangan", "perkembang", "kembangan", "kembang"}),
    (r"[1-4]\s+bulan|bulan", None),  # a digit may start it: unknown
    (r"ke-?\d+|kedua", {"ke", "kedua"}),
])
def test_first_words_repeats_conditionals_and_ranges(pattern, words):
    assert first_words(pattern) == (frozenset(words) if words is not None else None)
