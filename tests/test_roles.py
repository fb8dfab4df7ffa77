"""Role values are phrases: edges trimmed of function words, trailing clauses cut, non-phrases dropped."""
from __future__ import annotations

import pytest

import umkm_extract
from umkm_extract.rules.roles import tidy_span


def tidy(text: str, cut_clause: bool = True) -> str | None:
    sp = tidy_span(text, (0, len(text)), cut_clause=cut_clause)
    return None if sp is None else text[sp[0]:sp[1]]


@pytest.mark.parametrize("raw, expected", [
    pytest.param("dan pengukuhan pengurus DPD IWAPI Maluku", "pengukuhan pengurus DPD IWAPI Maluku", id="leading-dan"),
    pytest.param("oleh Gubernur Sumsel Herman Deru", "Gubernur Sumsel Herman Deru", id="leading-oleh"),
    pytest.param("jembatan penghubung dua kampung ini", "jembatan penghubung dua kampung", id="trailing-ini"),
    pytest.param("pengukuhan pengurus DPD IWAPI periode 2022-2027 tertuang dalam SK",
                 "pengukuhan pengurus DPD IWAPI periode 2022-2027", id="clause-tertuang"),
    pytest.param("nota kesepahaman merupakan langkah awal", "nota kesepahaman", id="clause-merupakan"),
    pytest.param("Pelatihan pembuatan keripik yang berlangsung selama tiga hari", "Pelatihan pembuatan keripik",
                 id="relative-clause"),
    pytest.param("Dekranasda Aceh Dr", "Dekranasda Aceh", id="cut-off-honorific"),
    pytest.param("Aula Jayang Tingang, Kantor Gubernur", "Aula Jayang Tingang, Kantor Gubernur", id="comma-stays"),
    pytest.param("Dinas Koperasi (Dinkop) dan UKM", "Dinas Koperasi (Dinkop) dan UKM", id="parenthesis-stays"),
    pytest.param("Setelah", None, id="lone-subordinator"),
    pytest.param("Sejak", None, id="lone-sejak"),
    pytest.param("Ia", None, id="pronoun"),
    pytest.param("hari", None, id="temporal-noun"),
    pytest.param("Pdt", None, id="lone-honorific"),
    pytest.param("UMKM", "UMKM", id="a-four-letter-name-stays"),
    pytest.param("Kredit Usaha Rakyat (KUR) itu", "Kredit Usaha Rakyat (KUR)", id="closing-parenthesis-stays"),
    pytest.param("bulan", None, id="lone-bulan"),
    pytest.param("orang", None, id="lone-orang"),
    pytest.param("beberapa hari sebelumnya Koperasi Tani Makmur", "Koperasi Tani Makmur", id="leading-time-phrase"),
    pytest.param("masyarakat", "masyarakat", id="masyarakat-stays"),
    pytest.param("Yusran sendiri", "Yusran", id="emphatic-sendiri"),
    pytest.param("Partai Bulan Bintang", "Partai Bulan Bintang", id="bulan-inside-a-name-stays"),
    pytest.param('program "Satu Desa Satu Produk" yang baru', 'program "Satu Desa Satu Produk"', id="quoted-name-stays"),
    pytest.param("program “Si Jempol” yang baru", "program “Si Jempol”", id="curly-quoted-name-stays"),
    pytest.param('bantuan "Kami senang, sekali," ujarnya', "bantuan", id="quoted-speech-is-cut"),
    pytest.param("M.Si.", None, id="lone-degree-with-periods"),
    pytest.param("Budi Santoso, M.Si.", "Budi Santoso", id="trailing-degree"),
    pytest.param("berlangsung di aula kantor bupati", None, id="predicate-no-phrase"),
    pytest.param("digelar khidmat", None, id="passive-predicate-no-phrase"),
])
def test_tidy_span(raw, expected):
    assert tidy(raw) == expected


def test_name_roles_keep_their_clauses():
    raw = "Pemerintah Kabupaten Minahasa Utara yang dipimpin Bupati"
    assert tidy(raw, cut_clause=False) == raw


def test_event_roles_in_records_are_phrases():
    text = ("Judul\nSetelah itu, Bupati Tegal Umi Azizah meresmikan jembatan penghubung dua kampung ini di Desa "
            "Pagerbarang, Rabu (12/3/2025).")
    ev = next(e for e in umkm_extract.extract(text, published="2025-03-13").events if e.type == "facility_inaugurated")
    assert ev.roles["object"] == "jembatan penghubung dua kampung"
    s, e = ev.role_spans["object"]
    assert text[s:e] == ev.roles["object"]


def test_an_initial_with_its_period_stays_in_the_role():
    text = ("Judul\nKepala BPJS Ketenagakerjaan Muna menyerahkan santunan jaminan kematian, Kamis (19/12/2024). "
            "Santunan Rp42 juta itu diserahkan untuk ahli waris almarhum H. La Ode Rusdin.")
    evs = umkm_extract.extract(text, published="2024-12-20").events
    assert any("H. La Ode Rusdin" in (e.roles.get("beneficiary") or "") for e in evs), [e.roles for e in evs]


@pytest.mark.parametrize("value, expected", [
    pytest.param("Pada Kopontren Darul Ulum", "Kopontren Darul Ulum", id="leading-pada-after-a-cut-date"),
    pytest.param("desa nelayan itu", "desa nelayan", id="trailing-itu"),
    pytest.param("Lalu Ahmad Juraidi", "Lalu Ahmad Juraidi", id="sasak-name-particle-stays"),
    pytest.param("Pada itu", None, id="nothing-left"),
    pytest.param("lalu Ahmad", "Ahmad", id="lowercase-lalu-is-then"),
])
def test_tidy_value(value, expected):
    from umkm_extract.rules.roles import tidy_value
    assert tidy_value(value) == expected


@pytest.mark.parametrize("text, start, expected", [
    pytest.param("diserahkan oleh Lalu Ahmad Fathurrahim di balai desa", 16, "Lalu Ahmad Fathurrahim",
                 id="sasak-particle-opens-the-span"),
    pytest.param("diserahkan, lalu warga pulang", 12, "warga pulang", id="then-is-an-edge"),
])
def test_tidy_span_keeps_a_name_particle(text, start, expected):
    from umkm_extract.rules.roles import tidy_span
    end = text.find(" di ") if " di " in text else len(text)
    span = tidy_span(text, (start, end))
    assert span is not None and text[span[0]:span[1]] == expected


def test_passive_agent_keeps_the_sasak_particle():
    text = ("Judul\n\nSebanyak 1.070 pekerja rentan di Kabupaten Lombok Tengah resmi menjadi peserta BPJS "
            "Ketenagakerjaan. Kartu kepesertaan mereka diserahkan secara simbolis oleh Penjabat (Pj) Bupati Lombok "
            "Tengah, H. Lalu Ahmad Fathurrahim, S.STP., di Balai Pertemuan Nelayan Desa Mertak, kemarin.")
    ev = next(e for e in umkm_extract.extract(text, published="2024-11-21").events if e.type == "insurance_enrolled")
    assert ev.roles["agent"] == "Lalu Ahmad Fathurrahim"
    assert (ev.roles["count"], ev.roles["program"]) == (1070, "BPJS Ketenagakerjaan")
    assert ev.date == "2024-11-20"


def test_the_place_after_a_passive_subject_is_the_location_not_the_object():
    text = ("Judul\n\nPasar Rakyat Songan di Desa Songan A, Kecamatan Kintamani, diresmikan Bupati Bangli, I Gusti "
            "Ngurah Made Wisnawa, Jumat (19/7).")
    ev = next(e for e in umkm_extract.extract(text, published="2024-07-20").events)
    assert ev.type == "facility_inaugurated"
    assert ev.roles["object"] == "Pasar Rakyat Songan"
    assert ev.roles["location"] == "Desa Songan A, Kecamatan Kintamani"
    s, e = ev.role_spans["object"]
    assert text[s:e] == "Pasar Rakyat Songan"


@pytest.mark.parametrize("title, bare", [
    pytest.param("Penjabat (Pj) Bupati", "Pj Bupati", id="acting-written-out-with-acronym"),
    pytest.param("Pelaksana Tugas (Plt) Kepala Dinas", "Plt Kepala Dinas", id="plt-written-out"),
    pytest.param("Bupati", "Bupati", id="plain"),
])
def test_office_keys_match_written_out_and_short_acting_offices(title, bare):
    from umkm_extract.rules.events import _office_key
    assert _office_key(title) == _office_key(bare)


def test_a_bare_acting_office_is_the_person_who_holds_it():
    text = ("Judul\n\nPenjabat (Pj) Bupati Buton Selatan, La Ode Muhammad Syafaat, meluncurkan aplikasi Lapak Busel, "
            "Selasa (5/11/2024). Usai peluncuran, bantuan 60 unit gerobak diserahkan Pj Bupati kepada pelaku usaha mikro.")
    evs = {e.type: e for e in umkm_extract.extract(text, published="2024-11-06").events}
    assert evs["aid_distributed"].roles["giver"] == "La Ode Muhammad Syafaat"
