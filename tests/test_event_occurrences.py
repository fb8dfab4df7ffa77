"""Occurrence decisions and event dates on article shapes: how many events a text reports, and the day of each."""
from __future__ import annotations

import pytest

import umkm_extract

PUB = "2025-03-14"  # a Friday


def _key(x):
    return (x[0], x[1] or "")


OCCURRENCES = [
 # (article body, [(type, date)] of every event it reports)
 ("Bupati Kudus Sam'ani Intakoris meresmikan Pasar Kliwon, Kamis (13/3). Peresmian ditandai pemotongan pita.", [("facility_inaugurated","2025-03-13")]),
 ("Pemkab Jepara akan meluncurkan aplikasi Jepara Mall pada April mendatang.", []),
 ("Peluncuran aplikasi dijadwalkan berlangsung pekan depan di Pendopo.", []),
 ("Pemkot Semarang menargetkan 5.000 pelaku UMKM terdaftar BPJS Ketenagakerjaan tahun ini.", []),
 ("Setiap tahun Pemkab Sragen menyalurkan bantuan alat kepada pelaku UMKM.", []),
 # a running total since a year is an occurrence dated by that year (the dev precedent "sejak tahun 2018 … telah disalurkan")
 ("Hingga kini Baznas telah menyalurkan bantuan modal kepada 1.500 mustahik sejak 2019.", [("aid_distributed","2019")]),
 ("Wali Kota Tegal Dedy Yon menyerahkan bantuan gerobak kepada 20 PKL, Senin (10/3/2025). Pada kesempatan yang sama, ia juga menyerahkan kartu BPJS Ketenagakerjaan kepada 100 pekerja rentan.", [("aid_distributed","2025-03-10"),("insurance_enrolled","2025-03-10")]),
 ("Bupati Batang M Faiz Kurniawan melantik Budi Santoso sebagai Kepala Dinas Koperasi, Senin (10/3/2025). Keesokan harinya, Bupati mengukuhkan pengurus Dekranasda Kabupaten Batang.", [("official_inaugurated","2025-03-10"),("association_inaugurated","2025-03-11")]),
 ("Kabupaten Wonosobo kembali meraih penghargaan Pembina Koperasi Terbaik. Sebelumnya, pada tahun 2023 Wonosobo juga meraih penghargaan serupa.", [("award_received",None),("award_received","2023")]),
 ("Bupati Banyumas Sadewo Tri Lastiono menyerahkan bantuan modal kepada 50 pelaku usaha mikro di Pendopo Si Panji, hari ini.", [("aid_distributed","2025-03-14")]),
 ("Kemarin, Pemkab Purworejo meluncurkan Gerakan Bangga Buatan Indonesia di alun-alun.", [("program_launched","2025-03-13")]),
 ("Pemkab Klaten dan Bank BPD DIY menandatangani perjanjian kerja sama pembiayaan UMKM di Pendopo Klaten. Kerja sama itu diharapkan memperluas akses kredit.", [("agreement_signed",None)]),
 ("Pelatihan pemasaran digital bagi 40 pelaku UMKM itu digelar Dinas Koperasi Kota Magelang selama tiga hari, 10-12 Maret 2025.", [("training_held","2025-03-10")]),
 # a budget year names who pays, not when it happened: the lead's day dates the enrolment; a long object before the
 # programme still makes it one
 ("Pemkab Pidie Jaya melalui Disnakertrans mendaftarkan sebanyak 850 pekerja rentan yang terdiri dari nelayan tradisional, petani garam dan buruh harian lepas sebagai peserta BPJS Ketenagakerjaan dengan iuran yang ditanggung APBK Pidie Jaya Tahun Anggaran 2025, Kamis (13/3/2025).", [("insurance_enrolled","2025-03-13")]),
 # "menjadi peserta BPJS" is an enrolment; a relative clause or a target is none
 ("Sebanyak 500 marbot di Kota Mataram resmi menjadi peserta BPJS Ketenagakerjaan, Senin (10/3/2025).", [("insurance_enrolled","2025-03-10")]),
 ("Pekerja yang menjadi peserta BPJS Ketenagakerjaan berhak atas santunan kematian Rp42 juta.", []),
 ("Pemkab menargetkan 5.000 nelayan menjadi peserta BPJS Ketenagakerjaan tahun depan.", []),
 # the year in an occasion's name is no date of its own when the day follows: the day dates the award
 ("Bupati Lombok Utara Rusdi Fahrurrozi meraih penghargaan Anugerah Tokoh Penggerak Koperasi pada puncak Harkopnas ke-78 Tahun 2025, Sabtu (8/3/2025).", [("award_received","2025-03-08")]),
 # "Selanjutnya, …" goes on with the occasion: another giver's handover at it takes its day
 ("Pj Bupati Muna menyerahkan 40 unit gerobak kepada pedagang kaki lima di Lapangan Upacara, Jumat (7/3/2025). Gerobak dibiayai APBD. Para pedagang menyambut gembira. Mereka berjanji merawatnya. Penyerahan disaksikan warga. Warga memadati lapangan. Selanjutnya, Kepala Kantor Kementerian Agama Muna Rusdi A Gani menyerahkan 150 sertifikat halal kepada pelaku usaha mikro.", [("aid_distributed","2025-03-07"),("aid_distributed","2025-03-07")]),
 # an opener that ties to the occasion ("Sebelum …,") does not when the sentence places it some undated time ago
 ("Sekda Wonosobo menyerahkan bantuan alat produksi kepada 25 kelompok usaha di Pendopo, Kamis (13/3/2025). Sebelum menerima alat, para penerima telah mengikuti pelatihan pengemasan yang digelar Dinas Koperasi di Balai Desa Patakbanteng beberapa waktu lalu.", [("aid_distributed","2025-03-13"),("training_held",None)]),
 ("Sekda Wonosobo menyerahkan bantuan alat produksi kepada 25 kelompok usaha di Pendopo, Kamis (13/3/2025). Usai penyerahan, Dinas Koperasi menggelar pelatihan pengemasan bagi para penerima.", [("aid_distributed","2025-03-13"),("training_held","2025-03-13")]),
 ("Bupati berharap bantuan yang diterima dapat dimanfaatkan sebaik-baiknya.", []),
 ("Jika lolos verifikasi, pelaku UMKM akan menerima bantuan modal Rp5 juta.", []),
 ("Tahun lalu, Pemkab Blora menyerahkan 200 gerobak kepada PKL. Tahun ini jumlahnya ditambah.", [("aid_distributed","2024")]),
 ("Penyerahan bantuan dilakukan secara simbolis oleh Bupati Rembang Harno kepada perwakilan penerima di Pendopo Museum Kartini, Rabu (12/3/2025).", [("aid_distributed","2025-03-12")]),
 ("Sebanyak 75 pelaku UMKM di Kabupaten Pati mendapatkan sertifikat halal gratis dari Kementerian Agama, Selasa (11/3/2025).", [("aid_distributed","2025-03-11")]),
 ("Usai dilantik, Kepala Dinas yang baru langsung meninjau pasar.", []),
 ("Dalam sambutannya, Bupati meminta pengurus yang baru dikukuhkan segera bekerja.", []),
]

DATES = [
 # lead sentence dated; the event verb in the next sentence
 ("Pemkab Demak menggelar acara Gebyar UMKM di Alun-alun Demak, Senin (10/3/2025). Dalam acara itu, Bupati Demak Eisti'anah menyerahkan bantuan modal kepada 25 pelaku usaha mikro.", [("aid_distributed","2025-03-10")]),
 # no date in the text at all: null, not the publication date
 ("Bupati Pati Sudewo meresmikan Pasar Puri Baru. Pasar itu dibangun dengan dana APBD.", [("facility_inaugurated",None)]),
 # weekday resolved with the published date
 ("Wali Kota Pekalongan Afzan Arslan Djunaid meluncurkan aplikasi Pekalongan Belanja, Rabu (12/3).", [("program_launched","2025-03-12")]),
 # "Senin lalu" = the last Monday before publication
 ("Bupati Kendal meresmikan Galeri UMKM pada Senin lalu.", [("facility_inaugurated","2025-03-10")]),
 # "kemarin"
 ("Pemkot Salatiga menandatangani nota kesepahaman dengan Bank Jateng, kemarin.", [("agreement_signed","2025-03-13")]),
 # date given in a separate sentence after the event
 ("Bupati Semarang Ngesti Nugraha mengukuhkan pengurus Forum UMKM Kabupaten Semarang. Pengukuhan berlangsung di Pendopo Rumah Dinas Bupati, Selasa (11/3/2025).", [("association_inaugurated","2025-03-11")]),
 # a training over days: the start
 ("Pelatihan barista bagi 20 pemuda digelar Disnaker Kota Magelang pada 10-12 Maret 2025.", [("training_held","2025-03-10")]),
 # two handovers, two days
 ("Bupati Rembang menyerahkan bantuan gerobak kepada 20 PKL, Senin (10/3/2025). Sehari kemudian, Bupati menyerahkan bantuan modal kepada 30 pelaku usaha mikro.", [("aid_distributed","2025-03-10"),("aid_distributed","2025-03-11")]),
 # month only
 ("Pemkab Blora meraih penghargaan Kabupaten Peduli UMKM pada Februari 2025.", [("award_received","2025-02")]),
 # date inside the same sentence but of something else (deadline) — the event undated
 ("Bupati Purbalingga meluncurkan program beasiswa UMKM yang pendaftarannya dibuka hingga 30 April 2025.", [("program_launched",None)]),
 # "hari ini" in reporting
 ("Gubernur Jawa Tengah Ahmad Luthfi hari ini melantik Sumarno sebagai Sekda Provinsi Jawa Tengah di Semarang.", [("official_inaugurated","2025-03-14")]),
 # "pada Jumat (7/3/2025) lalu"
 ("Penyerahan kartu BPJS Ketenagakerjaan kepada 200 nelayan dilakukan Bupati Cilacap pada Jumat (7/3/2025) lalu.", [("insurance_enrolled","2025-03-07")]),
]


# one ceremony with several occurrences, references back, plans and targets beside an occurrence
CEREMONIES = [

 # one ceremony: MoU + card handover → two events same day
 ("Pemkab Batang dan BPJS Ketenagakerjaan menandatangani nota kesepahaman perlindungan pekerja rentan di Pendopo Kabupaten Batang, Senin (10/3/2025). Usai penandatanganan, Bupati Batang menyerahkan kartu peserta BPJS Ketenagakerjaan kepada 100 nelayan.", [("agreement_signed","2025-03-10"),("insurance_enrolled","2025-03-10")]),
 # inauguration with a facility opening
 ("Bupati Kendal melantik 12 pejabat administrator di Pendopo Kendal, Selasa (11/3/2025). Seusai pelantikan, Bupati meresmikan Galeri UMKM di lantai dasar gedung itu.", [("official_inaugurated","2025-03-11"),("facility_inaugurated","2025-03-11")]),
 # a report of the event in the past tense with "telah"
 ("Pemkab Pati telah meluncurkan aplikasi Pati Belanja pada Rabu (12/3/2025).", [("program_launched","2025-03-12")]),
 # "Kegiatan tersebut" refers back to the training — one event
 ("Dinas Koperasi Kota Semarang menggelar pelatihan pengemasan bagi 30 pelaku UMKM, Rabu (12/3/2025). Kegiatan tersebut berlangsung di Hotel Pandanaran.", [("training_held","2025-03-12")]),
 # a handover repeated in the next sentence → one event
 ("Bupati Demak menyerahkan bantuan 50 gerobak kepada PKL, Kamis (13/3/2025). Bantuan gerobak itu diserahkan di halaman Pendopo Demak.", [("aid_distributed","2025-03-13")]),
 # the award handed (giver) then recipient's quote
 ("Menteri Koperasi Maman Abdurahman menyerahkan penghargaan Pembina Koperasi Terbaik kepada Bupati Klaten Hamenang Wajar Ismoyo di Jakarta, Jumat (7/3/2025). \"Ini kerja bersama,\" kata Hamenang.", [("award_received","2025-03-07")]),
 # a plan in the next sentence should not add
 ("Pemkot Surakarta meresmikan Pasar Gede Baru, Senin (10/3/2025). Pemkot juga berencana meresmikan Pasar Legi pada bulan depan.", [("facility_inaugurated","2025-03-10")]),
 # a target
 ("Tahun ini Pemkab Sragen menargetkan menyalurkan bantuan modal kepada 500 pelaku usaha mikro.", []),
 # a past year occurrence with "tahun lalu" + today's
 ("Bupati Wonogiri menyerahkan 100 unit mesin jahit kepada penjahit rumahan, Senin (10/3/2025). Tahun lalu, Pemkab juga menyerahkan 80 unit mesin jahit.", [("aid_distributed","2025-03-10"),("aid_distributed","2024")]),
]

# the ways a day is written, and verbs before their nouns
WRITTEN_DAYS = [

 ("Bupati Kendal Dyah Kartika meresmikan Pasar Weleri pada hari Senin tanggal 10 Maret 2025 pukul 09.00 WIB.", [("facility_inaugurated","2025-03-10")]),
 ("Bupati Kendal Dyah Kartika meresmikan Pasar Weleri, Senin, 10 Maret 2025.", [("facility_inaugurated","2025-03-10")]),
 ("Bupati Kendal Dyah Kartika meresmikan Pasar Weleri Senin 10/3.", [("facility_inaugurated","2025-03-10")]),
 ("Bupati Kendal Dyah Kartika meresmikan Pasar Weleri, Senin (10/03/2025) pagi.", [("facility_inaugurated","2025-03-10")]),
 ("Bupati Kendal Dyah Kartika,meresmikan Pasar Weleri,Senin(10/3/2025).", [("facility_inaugurated","2025-03-10")]),
 ("KENDAL - Bupati Kendal Dyah Kartika meresmikan Pasar Weleri yang baru selesai direvitalisasi. Peresmian dilakukan pada Senin (10/3/2025) dengan pemotongan tumpeng.", [("facility_inaugurated","2025-03-10")]),
 ("Pada Senin (10/3/2025), bertempat di Aula Dinas Koperasi, digelar pelatihan pembukuan bagi 35 pengurus koperasi.", [("training_held","2025-03-10")]),
 ("\"Alhamdulillah, hari ini kami resmi meluncurkan aplikasi Kendal Belanja,\" kata Bupati Kendal Dyah Kartika, Senin (10/3/2025).", [("program_launched","2025-03-10")]),
 ("Bantuan tersebut diberikan kepada 20 kelompok usaha bersama (KUBE) di Kecamatan Weleri, Senin (10/3/2025).", [("aid_distributed","2025-03-10")]),
 ("Sebanyak 15 pejabat fungsional di lingkungan Pemkab Kendal diambil sumpahnya, Senin (10/3/2025).", [("official_inaugurated","2025-03-10")]),
]


@pytest.mark.parametrize("body, expected", OCCURRENCES + DATES + CEREMONIES + WRITTEN_DAYS)
def test_events_and_their_dates(body, expected):
    got = [(e.type, e.date) for e in umkm_extract.extract("Judul berita\n" + body, published=PUB).events]
    assert sorted(got, key=_key) == sorted(expected, key=_key)


@pytest.mark.parametrize("body, expected", [
    # one sentence, three givers handing over three things (NOTES dev-177: three handovers by three givers)
    ("Dalam acara itu, Bupati Klaten menyerahkan bantuan gerobak kepada 10 PKL, Kapolres Klaten menyerahkan paket "
     "sembako kepada 50 warga, dan Kepala Cabang BRI Klaten menyerahkan bantuan CSR berupa tenda kepada 5 pedagang, "
     "Senin (10/3/2025).", ["Bupati Klaten", "Kapolres Klaten", "Kepala Cabang BRI Klaten"]),
    # the same, sentence by sentence, told as further happenings ("Selain itu", "Sementara")
    ("Bupati Klaten menyerahkan bantuan gerobak kepada 10 PKL, Senin (10/3/2025). Selain itu, Ketua Baznas Klaten "
     "menyerahkan bantuan modal kepada 20 mustahik. Sementara Kepala Cabang BRI Klaten menyerahkan bantuan tenda kepada "
     "5 pedagang.", ["Bupati Klaten", "Ketua Baznas Klaten", "Kepala Cabang BRI Klaten"]),
], ids=["one-sentence", "three-sentences"])
def test_distinct_givers_at_one_ceremony_are_distinct_events(body, expected):
    evs = umkm_extract.extract("Judul berita\n" + body, published=PUB).events
    assert [(e.type, e.date) for e in evs] == [("aid_distributed", "2025-03-10")] * 3
    assert [e.roles.get("giver") for e in evs] == expected


def test_a_card_handed_over_at_the_signing_is_an_enrolment():
    body = ("Pemkot Magelang dan Bank Jateng menandatangani nota kesepahaman, Senin (10/3/2025). Dalam kesempatan itu "
            "juga diserahkan kartu BPJS Ketenagakerjaan kepada 100 pekerja rentan.")
    evs = umkm_extract.extract("Judul berita\n" + body, published=PUB).events
    assert sorted((e.type, e.date) for e in evs) == [("agreement_signed", "2025-03-10"),
                                                     ("insurance_enrolled", "2025-03-10")]


def test_an_event_at_the_occasion_is_at_its_venue():
    body = ("Dinas Koperasi Bangli menggelar pelatihan penyangraian kopi bagi 35 pelaku usaha di Wantilan Desa Catur, "
            "Kecamatan Kintamani, Rabu (12/3/2025). Pada kesempatan itu, Asisten II Setda Bangli juga menyerahkan "
            "10 unit mesin sangrai kepada kelompok usaha kopi.")
    evs = {e.type: e for e in umkm_extract.extract("Judul berita\n\n" + body, published=PUB).events}
    assert evs["training_held"].roles["location"].startswith("Wantilan Desa Catur")
    assert evs["aid_distributed"].date == "2025-03-12"
    assert evs["aid_distributed"].roles["location"] == evs["training_held"].roles["location"]


def test_an_event_of_the_next_day_keeps_no_venue_of_the_day_before():
    body = ("Bupati Batang melantik Budi Santoso sebagai Kepala Dinas Koperasi di Pendopo Kabupaten Batang, Senin "
            "(10/3/2025). Keesokan harinya, Bupati mengukuhkan pengurus Dekranasda Kabupaten Batang.")
    evs = {e.type: e for e in umkm_extract.extract("Judul berita\n\n" + body, published=PUB).events}
    assert evs["association_inaugurated"].date == "2025-03-11"
    assert "location" not in evs["association_inaugurated"].roles


def test_the_aid_handed_over_again_by_name_is_one_event_and_its_giver_is_who_handed_it():
    body = ("Sebanyak 120 pedagang kaki lima di Kabupaten Blora menerima bantuan sarana usaha berupa gerobak dorong dari "
            "Pemerintah Kabupaten Blora, bantuan tersebut diserahkan secara simbolis oleh Wakil Bupati Blora Sri Rahayu "
            "Kusumastuti kepada perwakilan penerima di halaman Pendopo, Selasa (11/3/2025).")
    evs = umkm_extract.extract("Judul berita\n\n" + body, published=PUB).events
    assert [(e.type, e.date) for e in evs] == [("aid_distributed", "2025-03-11")]
    assert evs[0].roles["giver"] == "Sri Rahayu Kusumastuti"
