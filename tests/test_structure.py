"""Article structure: body spans, byline, dateline, boilerplate — on shapes of real regional pages."""
from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from umkm_extract.rules import structure as S
from umkm_extract.rules.structure import parse_structure, split_sentences

PAGE = """Bupati Sleman Resmikan Sentra Kuliner UMKM di Depok

Senin, 3 Maret 2025 10:15 WIB
Reporter : Dimas Saputra
Editor : Rina Wulandari

SLEMAN, jogjaraya.id – Bupati Sleman Harda Kiswaya meresmikan Sentra Kuliner UMKM di Kecamatan Depok, Senin (3/3/2025).

BACA JUGA: Pemkab Sleman Salurkan Bantuan Modal untuk 300 Pelaku Usaha

Advertisement

Sentra kuliner itu menampung 48 pedagang yang sebelumnya berjualan di trotoar, kata Harda. (dim/rw)
Tag : umkm, sleman
Berita Terkait
Pemkab Sleman gelar pasar murah di 17 kecamatan
"""


def body_text(text: str) -> str:
    st = parse_structure(text)
    return "\n".join(text[s:e] for s, e in st.body)


def test_body_excludes_boilerplate_and_keeps_facts():
    body = body_text(PAGE)
    assert "Harda Kiswaya meresmikan" in body
    assert "48 pedagang" in body
    for junk in ("BACA JUGA", "Advertisement", "Reporter", "Tag :", "Berita Terkait", "pasar murah", "Resmikan Sentra"):
        assert junk not in body


def test_dateline_is_not_body_and_byline_collects_names():
    st = parse_structure(PAGE)
    assert st.dateline is not None
    assert PAGE[st.dateline[0]:st.dateline[1]].startswith("SLEMAN, jogjaraya.id")
    assert not any(PAGE[s:e].startswith("SLEMAN") for s, e in st.body)
    assert "Dimas Saputra" in st.byline and "Rina Wulandari" in st.byline
    assert "dim" in st.byline and "rw" in st.byline


@pytest.mark.parametrize("opening, body_start", [
    ("KENDARI – Wali Kota Kendari membuka pelatihan batik bagi 40 perajin di aula kantor wali kota.", "Wali Kota"),
    ("MATARAM, lomboknews.id - Sebanyak 120 nelayan menerima bantuan perahu dari Dinas Kelautan NTB hari ini.", "Sebanyak"),
    ("ACEH BARAT (ANT)- Pemkab Aceh Barat menyalurkan bantuan modal kepada 75 pedagang kecil di Meulaboh kemarin.", "Pemkab"),
    ("radarkudus.id - Bupati Kudus mengukuhkan pengurus Forum UMKM Kabupaten Kudus periode 2024-2029 di pendopo.", "Bupati"),
    ("Kaur – Bupati Kaur menyerahkan kartu BPJS Ketenagakerjaan kepada ratusan pekerja rentan di ruang kerjanya.", "Bupati"),
    ("Kendari (ANTARA) - Pemerintah Kota Kendari menyalurkan bantuan modal kepada 200 pelaku UMKM.", "Pemerintah"),
    ("Jakarta, CNN Indonesia -- Pemerintah menargetkan satu juta UMKM masuk ekosistem digital tahun ini.", "Pemerintah"),
    ("Liputan6.com, Jakarta - Kementerian Perdagangan menggelar pelatihan ekspor bagi 150 pelaku usaha.", "Kementerian"),
    ("TRIBUNNEWS.COM, MAKASSAR - Wali Kota Makassar menyerahkan bantuan kepada pedagang kaki lima.", "Wali Kota"),
], ids=["caps-place", "place-outlet", "place-agency", "outlet-domain", "titlecase-place", "antara", "cnn", "liputan6",
        "tribun"])
def test_datelines(opening, body_start):
    text = "Judul Berita\n" + opening + "\n"
    st = parse_structure(text)
    assert st.body and text[st.body[0][0]:].startswith(body_start)


def test_offsets_point_into_original_text():
    st = parse_structure(PAGE)
    for s, e in st.body:
        assert PAGE[s:e].strip() == PAGE[s:e]
        assert 0 <= s < e <= len(PAGE)


@pytest.mark.parametrize("text, n", [
    ("Bupati H. Ahmad Yani, S.E. hadir. Ia menyerahkan bantuan.", 2),
    ("Dana Rp. 300.000 diserahkan. Penerima senang.", 2),
    ("Kata Kepala Dinas, program berjalan baik.\nTahun depan dilanjutkan.", 2),
    ("Bantuan diserahkan di Gampong Lhok\nPuuk, Kecamatan Seunuddon, Jumat (4/9).", 1),
], ids=["honorific-abbrev", "rp-abbrev", "newline-after-period", "line-broken-sentence"])
def test_split_sentences(text, n):
    assert len(split_sentences(text, 0, len(text))) == n


def test_empty_and_title_only():
    assert parse_structure("").body == ()
    assert parse_structure("Hanya judul", headline=True).body == ()
    assert parse_structure("Hanya judul").body == ((0, 11),)  # a one-line text is body (see below)


def test_dash_inside_a_sentence_is_not_a_dateline():
    text = "Judul\nBupati Sleman - yang baru dilantik - meninjau pasar tradisional bersama jajaran dinas terkait.\n"
    st = parse_structure(text)
    assert st.dateline is None and text[st.body[0][0]:].startswith("Bupati Sleman")


# ---- shortcuts: the same answers as the plain scans they replace -----------------------------------
SENTENCEISH = st.lists(
    st.sampled_from(["Bupati", "hadir", ".", "!", "?", "…", "”", '"', "'", ")", "(", "“", " ", "  ", "\n", "\n\n",
                     "\t", "H.", "Rp.", "5", "Ia", "dll.", "S.E.", "kata"]),
    max_size=40,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(SENTENCEISH, st.text(max_size=200)), cut=st.integers(0, 10))
def test_splits_equal_full_scan(text: str, cut: int) -> None:
    """`_SENT_SPLIT` tried only after sentence ends and at line breaks finds what `finditer` finds."""
    for start, end in ((0, len(text)), (min(cut, len(text)), len(text))):
        assert [m.span() for m in S._splits(text, start, end)] == [
            m.span() for m in S._SENT_SPLIT.finditer(text, start, end)]


@settings(max_examples=300, deadline=None)
@given(line=st.one_of(SENTENCEISH, st.text(max_size=200)))
def test_has_words_counts_like_findall(line: str) -> None:
    n = len(regex.findall(r"\w+", line))
    for k in S._MIN_WORDS:
        assert S._has_words(line, k) == (n >= k)


# ------------------------------------------------------------------------ headline or body (entry points)

@pytest.mark.parametrize(("text", "has_title"), [
    pytest.param("Bupati Jember Hendy Siswanto meresmikan Pasar Tanjung, Kamis (5/9/2024).", False, id="one-sentence"),
    pytest.param("Pasar Tanjung resmi dibuka", False, id="one-line-without-stop-is-still-body"),
    pytest.param("Wabup Sleman membuka bazar UMKM. Sebanyak 40 pelaku usaha ikut serta.\n"
                 "Bazar digelar hingga Minggu.", False, id="paragraph-first-line-ends-with-stop"),
    pytest.param("Bupati Jember Resmikan Pasar Tanjung\nJEMBER - Bupati Jember Hendy Siswanto meresmikan pasar.",
                 True, id="title-case-headline"),
    pytest.param("pemkab salurkan bantuan modal bagi 300 umkm\nbakabar.com - Pemkab menyalurkan bantuan modal.",
                 True, id="lowercase-headline-with-lowercase-outlet-line"),
    pytest.param("Apa Kabar UMKM Jember?\nPemkab Jember menggelar temu usaha di Pendopo Wahyawibawagraha.",
                 True, id="question-headline"),
    pytest.param("Dalam rapat itu Bupati menyampaikan tiga hal,\nyakni modal, pasar, dan pelatihan bagi UMKM.",
                 False, id="wrapped-line-ending-with-comma"),
])
def test_first_line_is_title_only_when_it_looks_like_one(text: str, has_title: bool) -> None:
    structure = parse_structure(text)
    assert (structure.title is not None) is has_title
    first = text.split("\n")[0]
    body_text = " ".join(text[s:e] for s, e in structure.body)
    assert (first in body_text) is not has_title


@pytest.mark.parametrize("headline", [True, False])
def test_headline_can_be_forced(headline: bool) -> None:
    text = "Pemkab Salurkan Bantuan Modal\nPemkab menyalurkan bantuan modal kepada 300 pelaku UMKM."
    structure = parse_structure(text, headline=headline)
    assert (structure.title == (0, 29)) is headline
    assert structure.body[0][0] == (30 if headline else 0)


def test_a_dateline_after_a_lead_paragraph_is_not_body():
    text = ("Pjs Bupati Dilantik di Lima Kabupaten\n\n"
            "Penjabat sementara bupati di lima kabupaten resmi dilantik gubernur, Sabtu malam.\n\n"
            "Penulis: Rina | Editor: Budi\n\n"
            "BERITASUMSEL.COM, PALEMBANG -- Lima penjabat sementara bupati dilantik di Griya Agung.\n")
    s = parse_structure(text)
    assert text[s.dateline[0]:s.dateline[1]] == "BERITASUMSEL.COM, PALEMBANG -- "
    assert "PALEMBANG" not in body_text(text)


def test_a_dash_after_a_title_case_opening_later_is_still_body():
    text = ("Pasar Murah Digelar\n\n"
            "Pasar murah digelar di alun-alun kota selama tiga hari.\n\n"
            "Jember - Kota ini juga menggelar bazar UMKM pekan depan.\n")
    assert "Jember - Kota ini" in body_text(text)  # no outlet named: no dateline


@pytest.mark.parametrize("line", [
    "(Baca Juga : Pemkab Teken MoU dengan Kampus Negeri)",
    "Kontribusi dari Widia Natalia, 24 Juni 2021 10:14, Dibaca 12 kali.",
    "Tribun Jogja/ Ahmad Syarifudin",
])
def test_teasers_meta_lines_and_photo_credits_are_not_body(line):
    text = f"Pasar Rakyat Dibuka Lagi\n\n{line}\n\nPasar rakyat di Bantul dibuka kembali oleh bupati pada Senin pagi.\n"
    assert line not in body_text(text)


@pytest.mark.parametrize("line, dateline", [
    ("SALINDIA.ID – Banda Aceh, Bank Indonesia Provinsi Aceh diajak turut membina UMKM di daerah.",
     "SALINDIA.ID – Banda Aceh, "),
    ("SALINDIA.ID – Bupati Jember, Hendy Siswanto, membuka pameran UMKM di alun-alun kota.", "SALINDIA.ID – "),
])
def test_a_place_after_an_outlets_dash_is_dateline_when_it_is_a_region(line, dateline):
    text = f"Judul Berita Di Sini\n\n{line}\n"
    s = parse_structure(text)
    assert text[s.dateline[0]:s.dateline[1]] == dateline


def test_the_one_sentence_under_a_headline_is_the_body():
    text = "Judul berita\nBupati Kendal Dico M Ganinduto membuka pameran."
    st = parse_structure(text)
    assert [text[s:e] for s, e in st.body] == ["Bupati Kendal Dico M Ganinduto membuka pameran."]
