"""Regions linked to Kemendagri codes: cues, short forms, Kota vs Kabupaten, lists, negatives."""
from __future__ import annotations

import pytest

from umkm_extract.rules.regions import find_regions, merge_regions


def regions(text: str) -> dict[str, tuple[str, str | None]]:
    return {r.name: (r.level, r.code) for r in merge_regions(find_regions(text))}


@pytest.mark.parametrize("text, name, level, code", [
    ("Bupati Jember meninjau pasar.", "Jember", "kabupaten", "35.09"),
    ("Pemkot Malang menggelar bazar UMKM.", "Malang", "kota", "35.73"),
    ("Pemkab Malang menggelar bazar UMKM.", "Malang", "kabupaten", "35.07"),
    ("Wali Kota Blitar membuka pameran.", "Blitar", "kota", "35.72"),
    ("Gubernur Bengkulu hadir di acara itu.", "Bengkulu", "provinsi", "17"),
    ("Pelaku UMKM di Jatim terus tumbuh.", "Jawa Timur", "provinsi", "35"),
    ("Produk perajin NTB dipamerkan.", "Nusa Tenggara Barat", "provinsi", "52"),
    ("Warga Solo antusias mengikuti festival.", "Surakarta", "kota", "33.72"),
    ("Sekretariat Daerah Kota (Setdako) Pekanbaru menggelar rapat.", "Pekanbaru", "kota", "14.71"),
    ("Pemerintah Kabupaten (Pemkab) Bogor menyalurkan bantuan.", "Bogor", "kabupaten", "32.01"),
    ("Nasabah Bank Jateng bertambah.", "Jawa Tengah", "provinsi", "33"),
    ("Bupati Labura meninjau penyaluran BLT.", "Labuhanbatu Utara", "kabupaten", "12.23"),
], ids=["bupati-cue", "pemkot-cue", "pemkab-cue", "walikota-cue", "gubernur-province", "short-jatim",
        "short-ntb", "alias-solo", "setdako-acronym", "pemkab-acronym", "inside-bank-name", "alias-labura"])
def test_linked(text, name, level, code):
    assert regions(text)[name] == (level, code)


def test_kecamatan_list_shares_cue_and_context():
    text = ("Kartu dibagikan di Kabupaten Situbondo, meliputi Kecamatan Asembagus, Arjasa, Jangkar, "
            "dan Banyuputih.")
    got = regions(text)
    for kec in ("Asembagus", "Arjasa", "Jangkar", "Banyuputih"):
        assert got[kec][0] == "kecamatan"
        assert got[kec][1].startswith("35.12.")


def test_desa_inside_named_kecamatan():
    got = regions("Sertifikat diserahkan di Desa Butuh, Kecamatan Tengaran, Kabupaten Semarang.")
    assert got["Butuh"] == ("desa", "33.22.02.2010")
    assert got["Tengaran"][0] == "kecamatan"
    assert got["Semarang"] == ("kabupaten", "33.22")


def test_cueless_kecamatan_only_inside_named_kabupaten():
    assert "Cibinong" in regions("Acara di Kabupaten Bogor berlangsung di Gedung Tegar Beriman, Cibinong, Minggu.")
    assert "Cibinong" not in regions("Acara berlangsung di Gedung Tegar Beriman, Cibinong, Minggu.")


@pytest.mark.parametrize("text, absent", [
    ("Ini acara puncak UMKM nasional.", "Puncak"),
    ("Harga batu akik turun.", "Batu"),
    ("Koperasi Desa/Kelurahan Merah Putih diluncurkan.", "Merah Putih"),
    ("Pameran di Pulau Madura ramai.", "Madura"),
    ("Produk dipasarkan ke seluruh Indonesia.", "Indonesia"),
    ("Acara digelar di Dinning Hall Jakabaring, Palembang.", "Jakabaring"),
    ("Wawancara dengan detikJateng berlangsung singkat.", "Jawa Tengah"),
    ("BLT Dana Desa Tahun Anggaran 2024 disalurkan.", "Tahun Anggaran"),
    ("Musyawarah Desa Khusus (Musdesus) digelar di balai desa.", "Khusus"),
    ("Program Satu Desa Satu Produk diluncurkan bupati.", "Satu Produk"),
], ids=["puncak-word", "batu-word", "programme-name", "island", "country", "venue", "inside-word",
        "dana-desa-tahun-anggaran", "musyawarah-desa-khusus", "satu-desa-satu-produk"])
def test_not_regions(text, absent):
    assert absent not in regions(text)


def test_offsets_match_surface():
    text = "Wakil Bupati Aceh Utara menyerahkan bantuan di Gampong Lhok\nPuuk, Kecamatan Seunuddon."
    for m in find_regions(text):
        assert text[m.start:m.end] == m.text
    assert regions(text)["Lhok Puuk"][0] == "desa"


@pytest.mark.parametrize("text, name, code", [
    # a kelurahan whose official name starts with a place word keeps its outer cue
    ("Acara digelar di Kelurahan Kampung Dalam, Kecamatan Siak, Kabupaten Siak.", "Kampung Dalam", "14.08.01.1001"),
    ("Warga Kelurahan Kampung Dalam di Kota Pekanbaru ikut bazar.", "Kampung Dalam", "14.71.05.1004"),
], ids=["kelurahan-kampung-siak", "kelurahan-kampung-pekanbaru"])
def test_outer_cue_with_place_word_name(text, name, code):
    found = regions(text)
    assert found[name] == ("desa", code)
    assert "Dalam" not in found


def test_inner_cue_still_decides_for_lowercase_office():
    found = regions("Ia datang ke kantor kelurahan Desa Susukan, Kecamatan Sumbang, Kabupaten Banyumas.")
    assert "Susukan" in found and found["Susukan"][0] == "desa"


@pytest.mark.parametrize("text, name", [
    ("Perajin dari Desa Tanjung Tinggi, Kecamatan Sijuk, Kabupaten Belitung, ikut pameran.", "Tanjung Tinggi"),
    ("Kelompok tani Desa Sukamaju Hilir di Kabupaten Garut menerima bantuan.", "Sukamaju Hilir"),
], ids=["tanjung-tinggi", "sukamaju-hilir"])
def test_desa_name_longer_than_its_gazetteer_prefix(text, name):
    """A desa name that goes on past a shorter gazetteer name is the whole name, unlinked."""
    found = regions(text)
    assert found.get(name) == ("desa", None)
    assert name.split()[0] not in found


def test_desa_name_followed_by_place_word_stays_linked():
    found = regions("Bantuan diserahkan di Desa Hegarmanah Kecamatan Jatinangor, Kabupaten Sumedang.")
    assert found["Hegarmanah"] == ("desa", "32.11.15.2002")


def test_desa_after_office_cue_known_from_a_place_cue_elsewhere():
    """"Wali Nagari Ketaping" alone says little (a Ketaping exists elsewhere in Indonesia), but the
    article also writes "Nagari Ketaping": the same unlisted desa."""
    text = ("Pasar di Nagari Ketaping, Kecamatan Batang Anai, Kabupaten Padang Pariaman, dibangun ulang. "
            "Wali Nagari Ketaping, Zulkifli Anwar, berharap pasar segera dipakai.")
    hits = [m for m in find_regions(text) if m.text == "Ketaping"]
    assert [m.rule for m in hits] == ["region.cue", "region.cue_named_elsewhere"]
    assert all(m.level == "desa" and m.entry is None for m in hits)
    import umkm_extract

    persons = umkm_extract.extract("Judul\n" + text).persons
    assert [(p.name, p.title, p.jurisdiction) for p in persons] == [("Zulkifli Anwar", "Wali Nagari", "Ketaping")]


def test_inner_cue_wins_when_the_outer_reading_stops_inside_the_name():
    """"Keuchik Gampong Cot Gapu": the gazetteer also knows a desa "Gampong Cot" (elsewhere in Aceh),
    but the capitalised run goes on, so "Gampong" is the cue and "Cot Gapu" the desa."""
    found = regions("Keuchik Gampong Cot Gapu, Kecamatan Kota Juang, Kabupaten Bireuen, hadir.")
    assert found["Cot Gapu"] == ("desa", "11.11.13.2013")
    assert "Gampong Cot" not in found


# ------------------------------------------------------------------ no region: a people, a venue, a dateline

@pytest.mark.parametrize("text, name", [
    pytest.param("Pelatihan diikuti tujuh puluh mama-mama orang asli Papua di Jayapura.", "Papua", id="orang-asli"),
    pytest.param("Pelaku usaha Orang Asli Papua (OAP) dilibatkan dalam pengadaan.", "Papua", id="orang-asli-caps"),
    pytest.param("Ia menyematkan tanda peserta kepada mama-mama Papua di Sentani.", "Papua", id="mama-mama"),
])
def test_a_people_is_no_region(text, name):
    assert name not in regions(text)


def test_a_place_inside_a_venue_name_is_no_kecamatan():
    text = ("Bupati Tegal meninjau Pasar Lebaksiu. Pasar tradisional Margasari juga akan direvitalisasi oleh "
            "Pemkab Tegal.")
    assert "Margasari" not in regions(text)
    assert regions("Warga Kecamatan Margasari, Kabupaten Tegal, menerima bantuan.")["Margasari"][0] == "kecamatan"


@pytest.mark.parametrize("line", [
    pytest.param("UPDATEINEWS|PEKANBARU,(19/09/25) – Komplek Gedung Daerah menjadi saksi pelantikan para pejabat eselon II.",
                 id="outlet-bar-place-date"),
    pytest.param("Medan, IDN Times- Badan Pengurus Daerah menggelar rapat kerja dengan pelaku UMKM.",
                 id="titlecase-place-comma-outlet"),
    pytest.param("AMBON,PG.COM : Dewan Pengurus Daerah dilantik di hadapan para pelaku UMKM.", id="colon-separator"),
    pytest.param("TRIBUN-BALI.COM, DENPASAR - Masih banyak pelaku UMKM yang belum memiliki sertifikat halal.",
                 id="uppercase-outlet-domain"),
    pytest.param("MMCKalteng – Palangka Raya – Plt. Sekretaris Daerah membuka kegiatan pelatihan bagi pelaku UMKM itu.",
                 id="outlet-dash-place-dash"),
])
def test_the_dateline_place_is_no_body_region(line):
    from umkm_extract.rules.structure import parse_structure

    text = "Judul Berita UMKM\n" + line + "\n"
    st = parse_structure(text)
    assert st.dateline is not None
    body = " ".join(text[a:b] for a, b in st.body)
    assert body.split()[0] in ("Komplek", "Badan", "Dewan", "Masih", "Plt.")


# A short form the article defines in parentheses names that region later, known to the gazetteer or not.
@pytest.mark.parametrize("text, expected", [
    ("Wali Kota Tanjungbalai (Tjb) Waris Thalib hadir. Pemkot Tjb menyiapkan 40 stan di Tjb.",
     ["12.74"] * 4),
    ("Bupati Konawe Utara (Konut) Ruksamin membuka pameran di Konut.", ["74.09", "74.09", "74.09"]),
])
def test_a_defined_short_form_names_its_region(text, expected):
    assert [m.entry.code for m in find_regions(text) if m.entry] == expected


def test_an_outlet_tag_in_parentheses_is_no_short_form():
    text = "Pasar murah digelar di Medan (ANTARA) pekan ini. Laporan ANTARA menyebut 300 pedagang."
    assert [m.text for m in find_regions(text)] == ["Medan"]


@pytest.mark.parametrize("text, expected", [
    # a list after "Kabupaten"/"Kota" shares its level until the next cue
    ("Perwakilan Kabupaten Lebak, Pandeglang, Serang, serta Kota Serang, Cilegon, dan Tangerang hadir.",
     [("Lebak", "kabupaten"), ("Pandeglang", "kabupaten"), ("Serang", "kabupaten"), ("Serang", "kota"),
      ("Cilegon", "kota"), ("Tangerang", "kota")]),
    # a village name stops before the next place cue; a kecamatan named "… Luar Kota" keeps its last word
    ("Lokasinya di Gampong Gunyak Kecamatan Blangkejeren, Gayo Lues.",
     [("Gunyak", "desa"), ("Blangkejeren", "kecamatan"), ("Gayo Lues", "kabupaten")]),
    ("Peserta dari Kabupaten Muaro Jambi, Kecamatan Sekernan dan Jambi Luar Kota.",
     [("Muaro Jambi", "kabupaten"), ("Sekernan", "kecamatan"), ("Jambi Luar Kota", "kecamatan")]),
    # "Negeri" after a university is no village cue; "Desa Seluruh Indonesia" is an association's name
    ("Seminar di Universitas Negeri Padang, Sumatera Barat.", [("Padang", "kota"), ("Sumatera Barat", "provinsi")]),
    ("Ketua Asosiasi Pemerintah Desa Seluruh Indonesia (APDESI) Kabupaten Pringsewu hadir.",
     [("Pringsewu", "kabupaten")]),
    ("Sebanyak 35 Mama Papua ikut pelatihan kuliner.", []),
])
def test_cue_lists_and_cue_boundaries(text, expected):
    assert [(m.text, m.level) for m in find_regions(text)] == expected


def test_a_village_cooperative_names_its_village():
    text = ("Di Kabupaten Gresik, tiga koperasi meraih penghargaan, yaitu KDMP Pangkah Wetan dan KDMP Pangkah Kulon "
            "(Ujungpangkah), serta KDMP Dapet (Balongpanggang).")
    found = [(m.text, m.level) for m in find_regions(text)]
    assert [x for x in found if x[1] == "desa"] == [("Pangkah Wetan", "desa"), ("Pangkah Kulon", "desa"),
                                                    ("Dapet", "desa")]


@pytest.mark.parametrize("text, name, code", [
    pytest.param("Ia berasal dari Gampong Blang Paseh, Kecamatan Kota Sigli, Kabupaten Pidie.", "Kota Sigli", "11.07.09",
                 id="kecamatan-named-kota"),
    pytest.param("Hadir pula Camat Kota Tambolaka, Kabupaten Sumba Barat Daya.", "Kota Tambolaka", "53.18.09",
                 id="camat-of-a-kecamatan-named-kota"),
    pytest.param("Warga Kecamatan Sigli, Kabupaten Pidie, hadir.", "Sigli", "11.07.09",
                 id="the-same-kecamatan-written-without-kota"),
])
def test_kecamatan_whose_name_starts_with_kota(text, name, code):
    assert regions(text)[name] == ("kecamatan", code)
    assert "Sigli" not in regions(text) or regions(text)["Sigli"][0] == "kecamatan"


@pytest.mark.parametrize("text, name", [
    pytest.param("Nelfi Rahmadani, Kepala Dinas Koperasi, UKM dan Perdagangan Agam, mengatakan data sudah lengkap.",
                 "Agam", id="after-a-unit-name-with-commas"),
    pytest.param("Kepala Badan Pengelola Keuangan Batu menyampaikan laporan.", "Batu", id="after-a-badan"),
])
def test_a_name_that_needs_a_cue_after_a_government_unit_is_its_region(text, name):
    assert name in regions(text)


def test_a_name_that_needs_a_cue_alone_is_still_no_region():
    assert "Agam" not in regions("Agam menyampaikan laporan itu kepada warga.")
