"""Property tests: `extract` never raises, and every record is well formed, for any text.

    python -m pytest tests/test_properties.py                           # profile "ci": 2,000 examples a test
    HYPOTHESIS_PROFILE=long python -m pytest tests/test_properties.py   # 10,000 examples a test

For arbitrary Unicode and for text assembled from realistic fragments of Indonesian news
(words, numbers with separators, month names, "Rp", titles, region names, datelines, teasers,
punctuation, newlines, Unicode traps), and for corpus articles with random edits, with any publication date (none, or ISO at year, month or day precision):

* no exception;
* every offset lies inside the text and ``text[start:end]`` is the item's surface text (persons,
  organisations, regions, dates, counts; event triggers whose span has the trigger's length);
* values have their documented types: dates ISO ``YYYY(-MM(-DD)?)?`` of real calendar days,
  counts finite int/float, region levels among the five, event types from the lexicon,
  ``count`` roles numbers and other roles text;
* the record survives JSON (no NaN) and ``Article.from_dict`` unchanged.
"""
from __future__ import annotations

import datetime as dt
import json
import math
import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from umkm_extract import Article, Extractor
from umkm_extract.rules.events import load_lexicon

from .conftest import CORPUS

LEVELS = {"provinsi", "kabupaten", "kota", "kecamatan", "desa"}
ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\Z")
CODE = re.compile(r"\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?\Z")

_EXTRACTOR: Extractor | None = None


def extractor() -> Extractor:
    global _EXTRACTOR
    if _EXTRACTOR is None:
        _EXTRACTOR = Extractor()
    return _EXTRACTOR


# --------------------------------------------------------------------------------------------
# Strategies

WORDS = (
    "UMKM koperasi pedagang pelaku usaha mikro kecil menengah pasar bantuan modal sertifikat halal "
    "pelatihan bimtek workshop pendampingan peserta warga nelayan petani perajin batik kopi "
    "dan di ke dari yang untuk dengan pada oleh itu ini akan telah sudah juga para sebanyak sekitar "
    "hampir lebih kurang tahun bulan hari pekan minggu jam orang unit paket kelompok hektare persen "
    "menyalurkan membagikan menyerahkan memberikan meresmikan diresmikan peresmian mengukuhkan dikukuhkan "
    "melantik dilantik pelantikan meluncurkan launching peluncuran menandatangani penandatanganan MoU "
    "nota kesepahaman perjanjian kerja sama menerima meraih penghargaan anugerah piagam trofi "
    "mendaftarkan didaftarkan terdaftar BPJS Ketenagakerjaan Kesehatan program aplikasi gerakan "
    "kata ujar ungkap jelas tambah menurut mengatakan kemarin lalu depan mendatang sejak hingga sampai "
    "salah satu tahap gelombang kedua pertama Nomor Tahun Perbup Perda Inpres Pasal RT RW KM "
    "Pemkab Pemkot Pemprov Dinas Diskop Dekopinda Kantor Gedung Aula Balai Desa Kelurahan Kecamatan "
    "Kabupaten Kota Provinsi Bank Cabang Asosiasi Forum PLUT Gubernur Bupati Camat Lurah Kades"
).split()
NAMES = ("Hendy Siswanto Rohidin Mersyah Bambang Sutrisno Adi Ratna Dewi Purnamasari Yusuf Hendrawan "
         "Siti Nurhaliza Made Sukerta I Wayan Koster Andi Sudirman Frans Wanggai Moh. Rizal Labadjo "
         "Teten Masduki Sri Mulyani Joko Widodo Nur Fadilah Raja Ahmad Fadillah").split()
HONORIFICS = ["H.", "Hj.", "Dr.", "Ir.", "Drs.", "Prof.", "S.E.", "M.Si.", "S.Sos.", "M.M.", "Bapak", "Ibu"]
TITLES = ["Bupati", "Wakil Bupati", "Gubernur", "Wakil Gubernur", "Wali Kota", "Walikota", "Camat",
          "Kepala Desa", "Lurah", "Menteri Koperasi dan UKM", "Kepala Dinas Koperasi dan UMKM", "Ketua DPRD",
          "Ketua Asosiasi UMKM", "Sekda", "Penjabat (Pj) Bupati", "Kapolres", "Direktur Utama", "Kadis"]
REGIONS = ["Jember", "Blitar", "Kota Blitar", "Kabupaten Jember", "Bengkulu", "Jawa Timur", "Jatim", "NTB",
           "Nusa Tenggara Barat", "Tanjungpinang", "Tanjung Pinang", "Solo", "Surakarta", "Kecamatan Comal",
           "Desa Sukamaju", "Kelurahan Bendogerit", "Sananwetan", "Madura", "Kalimantan", "Puncak", "Batu",
           "Agam", "Kupang", "Kota Kupang", "Pekalongan", "Kajen", "Papua", "DKI Jakarta", "Sidenreng Rappang",
           "Gunungkidul", "Wonosari", "Sorong", "Kendari", "Bima", "Kota Bima", "Banjarmasin", "Sigi", "Solok"]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember", "Jan", "Feb", "Agt", "Okt", "Nop", "Des", "January", "May", "August"]
WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Jum'at", "Sabtu", "Minggu", "Ahad"]
PUNCT = [" ", " ", " ", ", ", ". ", "\n", "\n\n", "(", ")", "/", "-", "–", "—", ":", ";", '"', "“", "”", "'",
         "%", "x", "×", "...", " - ", "\r\n", "\t", "\u00a0", "|", "#", "@", "&", "+", "="]
BOILER = ["BACA JUGA:", "Baca juga", "Advertisement", "Kategori :", "Reporter :", "Editor :", "Penulis:",
          "Foto:", "Share", "Tags:", "JEMBER, KOMPAS.com –", "BENGKULU –", "Jakarta, 19 September 2024 –",
          "Kamis 19-09-2024,12:32 WIB", "Diterbitkan 12/03/2025", "Updated", "(dms/nl)", "Read next"]
RELATIVE = ["kemarin", "hari ini", "besok", "lusa", "pekan lalu", "bulan lalu", "tahun lalu", "Kamis lalu",
            "minggu depan", "tahun depan", "awal bulan ini", "akhir tahun", "tiga tahun", "6 bulan"]


@st.composite
def numbers(draw: st.DrawFn) -> str:
    n = draw(st.integers(0, 10**13))
    style = draw(st.sampled_from(["plain", "dot", "comma", "space", "decimal", "scale", "money", "percent",
                                  "word", "range", "ordinal", "year", "slash"]))
    grouped = f"{n:,}"
    if style == "plain":
        return str(n)
    if style == "dot":
        return grouped.replace(",", ".")
    if style == "comma":
        return grouped
    if style == "space":
        return grouped.replace(",", " ")
    if style == "decimal":
        return f"{n % 1000},{draw(st.integers(0, 999))}"
    if style == "scale":
        return f"{n % 1000},{n % 10} {draw(st.sampled_from(['ribu', 'juta', 'miliar', 'triliun', 'rb', 'jt', 'M', 'T']))}"
    if style == "money":
        return draw(st.sampled_from(["Rp", "Rp ", "Rp.", "Rp. ", "IDR ", "rp"])) + grouped.replace(",", ".") \
            + draw(st.sampled_from(["", ",-", ",00", " juta", " miliar"]))
    if style == "percent":
        return f"{n % 101}{draw(st.sampled_from(['%', ' %', ' persen', ',5 persen']))}"
    if style == "word":
        return draw(st.sampled_from(["satu", "dua", "tiga", "sepuluh", "seratus", "dua ratus lima belas",
                                     "seribu", "puluhan", "ratusan", "ribuan", "setengah", "separuh"]))
    if style == "range":
        return f"{n % 100}-{n % 1000}"
    if style == "ordinal":
        return draw(st.sampled_from(["ke-", "ke "])) + str(n % 100)
    if style == "year":
        return str(draw(st.integers(1800, 2999)))
    return f"{draw(st.integers(0, 40))}/{draw(st.integers(0, 14))}" + draw(st.sampled_from(["", f"/{n % 3000}"]))


@st.composite
def date_phrases(draw: st.DrawFn) -> str:
    day, month, year = draw(st.integers(0, 35)), draw(st.integers(0, 13)), draw(st.integers(1800, 2999))
    return draw(st.sampled_from([
        f"{day} {draw(st.sampled_from(MONTHS))} {year}",
        f"{draw(st.sampled_from(WEEKDAYS))}, {day} {draw(st.sampled_from(MONTHS))} {year}",
        f"{draw(st.sampled_from(WEEKDAYS))} ({day}/{month})",
        f"{draw(st.sampled_from(WEEKDAYS))} ({day}/{month}/{year})",
        f"{day}-{day + 2} {draw(st.sampled_from(MONTHS))} {year}",
        f"{draw(st.sampled_from(MONTHS))} {year}",
        f"tahun {year}", f"periode {year}-{year + 5}", f"Tahun Anggaran {year}", f"APBD {year}",
        f"{day}/{month}/{year}", f"{year}-{month:02d}-{day:02d}", f"{day}-{month:02d}-{year}",
        f"pukul {day % 24:02d}.{month * 4:02d} WIB",
        draw(st.sampled_from(RELATIVE)),
    ]))


@st.composite
def person_phrases(draw: st.DrawFn) -> str:
    name = " ".join(draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=3)))
    parts = [draw(st.sampled_from(["", *HONORIFICS])), name]
    if draw(st.booleans()):
        parts.insert(0, f"{draw(st.sampled_from(TITLES))} {draw(st.sampled_from(['', *REGIONS]))}")
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(["", ", S.E.", ", M.Si.", ", S.E., M.M."])))
    return " ".join(p for p in parts if p)


# Characters that break code which assumes len(s.lower()) == len(s), str.splitlines() == split("\n"),
# isdigit() => int() works, or one code point per character.
TRAPS = ["İ", "ı", "ß", "ẞ", "ﬁ", "ǅ", "Σ", "ς", "²", "½", "①", "２０２４", "٢٠٢٤", "१२", "𝟐𝟎𝟐𝟒", "\u0301",
         "\u200d", "\u200b", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1e", "\r", "\ufeff",
         "🎉", "👍🏽", "\u00a0", "\u202f", "\u3000", "Ⅻ", "ǈ"]

FRAGMENT = st.one_of(
    st.sampled_from(TRAPS),
    st.sampled_from(WORDS), st.sampled_from(WORDS), st.sampled_from(WORDS),
    st.sampled_from(NAMES), st.sampled_from(TITLES), st.sampled_from(REGIONS), st.sampled_from(MONTHS),
    st.sampled_from(WEEKDAYS), st.sampled_from(PUNCT), st.sampled_from(PUNCT), st.sampled_from(BOILER),
    st.sampled_from(RELATIVE), numbers(), date_phrases(), person_phrases(),
    st.text(max_size=6),  # a little noise anywhere
)


@st.composite
def realistic_texts(draw: st.DrawFn) -> str:
    frags = draw(st.lists(FRAGMENT, max_size=80))
    seps = draw(st.lists(st.sampled_from([" ", " ", " ", "", "\n", ", ", ". "]),
                         min_size=len(frags), max_size=len(frags)))
    body = "".join(f + s for f, s in zip(frags, seps))
    title = draw(st.sampled_from(["", "Judul Berita UMKM\n", "Pemkab Jember Salurkan Bantuan\n", "\n"]))
    return title + body


CORPUS_TEXTS = [p.read_text("utf-8") for p in sorted(CORPUS.glob("*.txt"))] or ["Judul\nBupati Jember hadir.\n"]


@st.composite
def mutated_articles(draw: st.DrawFn) -> str:
    """A real corpus article with a few random edits: fragments inserted, ranges deleted or replaced."""
    text = draw(st.sampled_from(CORPUS_TEXTS))
    for _ in range(draw(st.integers(0, 6))):
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 40)))
        text = text[:i] + draw(st.one_of(st.just(""), FRAGMENT)) + text[j:]
    return text


ANY_TEXT = st.text(max_size=400)
MIXED_TEXT = st.lists(st.one_of(st.text(max_size=20), FRAGMENT), max_size=40).map("".join)


@st.composite
def published_dates(draw: st.DrawFn) -> str | None:
    d = draw(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
    return draw(st.sampled_from([None, d.isoformat(), d.isoformat()[:7], d.isoformat()[:4]]))


# --------------------------------------------------------------------------------------------
# The invariants


def _iso_ok(value: object) -> bool:
    if not isinstance(value, str):
        return False
    m = ISO.match(value)
    if m is None:
        return False
    y, mo, d = (int(g) if g else None for g in m.groups())
    try:
        dt.date(y, mo or 1, d or 1)  # type: ignore[arg-type]
    except ValueError:
        return False
    return True


def _span_ok(text: str, start: int, end: int) -> bool:
    return isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(text)


def _number(v: object) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def check_article(art: Article, text: str, published: str | None) -> None:
    n = len(text)
    assert isinstance(art, Article)
    assert art.text == text
    if published is not None:
        assert art.published == published
    assert art.published is None or _iso_ok(art.published), art.published
    assert art.title is None or isinstance(art.title, str)
    assert all(isinstance(b, str) for b in art.byline)
    for s, e in art.body_spans:
        assert _span_ok(text, s, e), (s, e, n)

    for p in art.persons:
        assert isinstance(p.name, str) and p.name.strip(), p
        assert _span_ok(text, p.start, p.end) and text[p.start:p.end] == p.text, p
        assert all(_span_ok(text, s, e) for s, e in p.mentions), p
        assert p.title is None or isinstance(p.title, str)
        assert p.jurisdiction is None or isinstance(p.jurisdiction, str)
        assert p.organization is None or isinstance(p.organization, str)
        assert isinstance(p.is_official, bool)
    for o in art.organizations:
        assert _span_ok(text, o.start, o.end) and text[o.start:o.end] == o.text, o
    for r in art.regions:
        assert r.level in LEVELS, r
        assert r.code is None or CODE.match(r.code), r
        assert _span_ok(text, r.start, r.end) and text[r.start:r.end] == r.text, r
    for d in art.dates:
        assert _iso_ok(d.value), d
        assert _span_ok(text, d.start, d.end) and text[d.start:d.end] == d.text, d
    for c in art.counts:
        assert _number(c.value), c
        assert isinstance(c.unit, str), c
        assert _span_ok(text, c.start, c.end) and text[c.start:c.end] == c.text, c
    types = set(load_lexicon().types)
    for ev in art.events:
        assert ev.type in types, ev
        assert ev.date is None or _iso_ok(ev.date), ev
        assert isinstance(ev.trigger, str) and ev.trigger, ev
        if ev.trigger_start >= 0:
            assert _span_ok(text, ev.trigger_start, ev.trigger_end), ev
            if ev.trigger_end - ev.trigger_start == len(ev.trigger):
                assert text[ev.trigger_start:ev.trigger_end] == ev.trigger, ev
        for role, value in ev.roles.items():
            if role == "count":
                assert _number(value), (role, value, ev)
            else:
                assert isinstance(value, str), (role, value, ev)
        for role, (s, e) in ev.role_spans.items():
            assert _span_ok(text, s, e), (role, s, e, ev)

    rec = art.to_dict(include_text=True)
    line = json.dumps(rec, ensure_ascii=False, allow_nan=False)
    assert Article.from_dict(json.loads(line)).to_dict(include_text=True) == rec


def run_and_check(text: str, published: str | None) -> None:
    art = extractor()(text, published=published, doc_id="prop")
    check_article(art, text, published)


# --------------------------------------------------------------------------------------------
# The properties (settings come from the profile in conftest.py)


@given(text=realistic_texts(), published=published_dates())
def test_realistic_fragments(text: str, published: str | None) -> None:
    run_and_check(text, published)


@given(text=mutated_articles(), published=published_dates())
def test_mutated_corpus_articles(text: str, published: str | None) -> None:
    run_and_check(text, published)


@given(text=st.one_of(ANY_TEXT, MIXED_TEXT), published=published_dates())
@example(text="", published=None)
@example(text="\n\n\n", published="2024")
@example(text="\u200b\ufeff", published="2024-02")
def test_arbitrary_unicode(text: str, published: str | None) -> None:
    run_and_check(text, published)


# --------------------------------------------------------------------------------------------
# Explicit examples of the shapes the properties aim at, with readable ids, checked by the same
# invariants. A failing example that hypothesis finds goes here too (id "bug: …"), beside the fix.

LEAD = "Judul Berita UMKM Jember\nJEMBER – Pemkab Jember menyalurkan bantuan. "
EXPLICIT = [
    pytest.param(LEAD + "Bupati Jember İbrahim Sıtkı meresmikan Pasar, Kamis (5/9/2024).", "2024-09-07",
                 id="dotted capital I: lower() changes the length"),
    pytest.param(LEAD + "Wali Kota Blitar\u2028Bambang Sutrisno hadir\x85 pada 14 Mei 2024.", "2024",
                 id="Unicode line separators: splitlines() differs from split(newline)"),
    pytest.param(LEAD + "Sebanyak ２０２４ pedagang, ٢٠٢٤ koperasi, ² unit dan ① Mei.", None,
                 id="non-ASCII digits and digit-like symbols"),
    pytest.param(LEAD + "Sebanyak " + "9" * 400 + " pedagang dan Rp " + "9" * 30 + " miliar.", None,
                 id="numbers too big for a float"),
    pytest.param(LEAD + "Sebanyak " + "1.000" * 100 + " pedagang, Rp 1e308 miliar.", None,
                 id="endless thousands groups"),
    pytest.param(LEAD + "Pada 31 Februari 2024, 29 Februari 2023, 99/99/9999 dan tahun 99999.", None,
                 id="impossible calendar dates"),
    pytest.param(LEAD + "Kemarin, bulan lalu dan tahun lalu.", "1900-01-01", id="relative dates at the early edge"),
    pytest.param(LEAD + "Besok, pekan depan dan tahun depan.", "2100-12-31", id="relative dates at the late edge"),
    pytest.param("\ufeffJudul\n\u200bGubernur Bengkulu\u200d Rohidin Mersyah mengukuhkan pengurus.", "2024-09-19",
                 id="BOM and zero-width characters"),
    pytest.param("", None, id="empty text"),
    pytest.param("Judul tanpa isi", "2024-09", id="title only"),
]


@pytest.mark.parametrize("text, published", EXPLICIT)
def test_explicit_example(text: str, published: str | None) -> None:
    run_and_check(text, published)
