"""Event records: every type in active, passive and nominal forms, negatives, roles and evidence."""
from __future__ import annotations

import json

import pytest

import umkm_extract
from umkm_extract.rules.events import load_lexicon

PUB = "2025-03-14"


def events(text: str, published: str = PUB):
    return umkm_extract.extract(text, published=published).events


def only(text: str, published: str = PUB):
    evs = events(text, published)
    assert len(evs) == 1, [(e.type, e.trigger) for e in evs]
    return evs[0]


def art(body: str) -> str:
    return "Judul berita\n" + body


SHAPES = [
    # (id, body, type, date, {role: substring})
    ("award-active", "Bupati Sragen Sigit Pamungkas meraih penghargaan Pembina Koperasi Terbaik dari Kementerian "
     "Koperasi di Jakarta, Kamis (13/3/2025).", "award_received", "2025-03-13",
     {"recipient": "Sigit Pamungkas", "award": "Pembina Koperasi Terbaik"}),
    ("award-passive", "Piagam penghargaan itu diserahkan Gubernur Jawa Tengah Ahmad Luthfi kepada Koperasi Sido Makmur "
     "pada Rabu (12/3/2025).", "award_received", "2025-03-12", {"giver": "Ahmad Luthfi"}),
    ("association-active", "Wali Kota Madiun Maidi mengukuhkan pengurus Asosiasi Pelaku UMKM Kota Madiun di Balai Kota, "
     "Senin (10/3/2025).", "association_inaugurated", "2025-03-10",
     {"agent": "Maidi", "object": "pengurus Asosiasi Pelaku UMKM"}),
    ("association-passive", "Pengurus Forum UMKM Kabupaten Klaten periode 2025-2028 dikukuhkan oleh Bupati Klaten "
     "Hamenang Wajar Ismoyo, Selasa (11/3/2025).", "association_inaugurated", "2025-03-11",
     {"agent": "Hamenang Wajar Ismoyo"}),
    ("official-passive", "Budi Santosa dilantik sebagai Kepala Dinas Koperasi dan UKM Kabupaten Kendal oleh Bupati "
     "Kendal Dyah Kartika Permanasari, Jumat (7/3/2025).", "official_inaugurated", "2025-03-07",
     {"official": "Budi Santosa", "position": "Kepala Dinas Koperasi"}),
    ("facility-active", "Bupati Banyuwangi Ipuk Fiestiandani meresmikan Pasar Rakyat Genteng, Sabtu (8/3/2025).",
     "facility_inaugurated", "2025-03-08", {"agent": "Ipuk Fiestiandani", "object": "Pasar Rakyat Genteng"}),
    ("facility-nominal", "Peresmian Gedung PLUT KUMKM Kota Kediri dilakukan oleh Wali Kota Kediri Vinanda Prameswati "
     "pada Senin (3/3/2025).", "facility_inaugurated", "2025-03-03", {"agent": "Vinanda Prameswati"}),
    ("aid-active", "Pemkab Gresik menyalurkan bantuan gerobak kepada 150 pedagang kaki lima di Alun-alun Gresik, "
     "Rabu (5/3/2025).", "aid_distributed", "2025-03-05",
     {"giver": "Pemkab Gresik", "item": "bantuan gerobak", "beneficiary": "pedagang kaki lima", "count": 150}),
    ("aid-passive", "Sebanyak 80 paket sembako dibagikan kepada nelayan di Kelurahan Mangunharjo, Kamis (6/3/2025).",
     "aid_distributed", "2025-03-06", {"beneficiary": "nelayan"}),
    ("aid-receive", "Sebanyak 45 pelaku usaha mikro di Kecamatan Kartasura menerima bantuan modal dari Pemkab "
     "Sukoharjo, Selasa (4/3/2025).", "aid_distributed", "2025-03-04", {"giver": "Pemkab Sukoharjo"}),
    ("insurance-handover", "Bupati Lumajang Indah Amperawati menyerahkan kartu BPJS Ketenagakerjaan kepada 500 "
     "pekerja rentan, Senin (10/3/2025).", "insurance_enrolled", "2025-03-10",
     {"agent": "Indah Amperawati", "program": "BPJS Ketenagakerjaan", "count": 500}),
    ("insurance-passive", "Sebanyak 1.200 petani tembakau didaftarkan sebagai peserta BPJS Ketenagakerjaan oleh "
     "Pemkab Temanggung pada Februari 2025.", "insurance_enrolled", "2025-02",
     {"program": "BPJS Ketenagakerjaan", "count": 1200}),
    ("program-active", "Pemprov Jawa Timur meluncurkan aplikasi Sapa UMKM di Surabaya, Kamis (13/3/2025).",
     "program_launched", "2025-03-13", {"agent": "Pemprov Jawa Timur", "object": "aplikasi Sapa UMKM"}),
    ("program-passive", "Gerakan Bangga Buatan Indonesia diluncurkan oleh Wali Kota Surakarta Respati Ardi di "
     "Pasar Gede, Rabu (12/3/2025).", "program_launched", "2025-03-12", {"agent": "Respati Ardi"}),
    ("agreement-active", "Pemkot Semarang menandatangani nota kesepahaman dengan Bank Jateng tentang pembiayaan UMKM, "
     "Selasa (11/3/2025).", "agreement_signed", "2025-03-11", {"parties": "Pemkot Semarang"}),
    ("agreement-nominal", "Penandatanganan MoU antara Dinas Koperasi Kabupaten Jepara dan Universitas Islam Nahdlatul "
     "Ulama berlangsung Senin (10/3/2025).", "agreement_signed", "2025-03-10", {"object": "MoU"}),
    ("training-active", "Dinas Koperasi dan UKM Kota Batu menggelar pelatihan pemasaran digital bagi 60 pelaku UMKM "
     "di Balai Kota Among Tani, Rabu (5/3/2025).", "training_held", "2025-03-05",
     {"beneficiary": "pelaku UMKM", "count": 60}),
    ("training-passive", "Bimtek pengemasan produk diikuti 35 perajin batik di Aula Kecamatan Laweyan, "
     "Kamis (6/3/2025).", "training_held", "2025-03-06", {"count": 35}),
]


@pytest.mark.parametrize("body, etype, date, roles", [s[1:] for s in SHAPES], ids=[s[0] for s in SHAPES])
def test_event_shapes(body, etype, date, roles):
    text = art(body)
    evs = [e for e in events(text) if e.type == etype]
    assert evs, [(e.type, e.trigger) for e in events(text)]
    ev = evs[0]
    assert ev.date == date
    for role, want in roles.items():
        got = ev.roles.get(role)
        if isinstance(want, int):
            assert got == want, (role, got)
        else:
            assert got is not None and want.casefold() in str(got).casefold(), (role, got)
    # evidence: the sentence holds the trigger, spans point into the text
    assert text[ev.trigger_start:ev.trigger_end] == ev.trigger
    assert ev.trigger in ev.sentence and ev.rule


NEGATIVES = [
    ("plan-akan", "Pemkab Gresik akan menyalurkan bantuan modal kepada 200 pelaku UMKM bulan depan."),
    ("plan-rencana", "Rencananya pasar itu diresmikan Bupati pada April mendatang."),
    ("hope", "Pelaku UMKM diharapkan mendapatkan bantuan modal dari pemerintah."),
    ("policy", "Pemkot Surabaya selalu memberikan pendampingan kepada pelaku UMKM agar naik kelas."),
    ("conditional", "Jika penerima meninggal dunia, bantuan diberikan kepada ahli waris."),
    ("programme-noun", "Pemkab Blora melaksanakan program pemberian bantuan melalui Dinas Sosial."),
    ("state-relative", "Produk yang sudah mendapat sertifikat halal lebih dipercaya pembeli."),
    ("planned-nominal", "Peluncuran aplikasi itu akan dilakukan Gubernur pada pekan depan."),
]


@pytest.mark.parametrize("body", [n[1] for n in NEGATIVES], ids=[n[0] for n in NEGATIVES])
def test_not_events(body):
    assert events(art(body)) == ()


def test_teaser_line_is_not_an_event():
    text = art("BACA JUGA: Bupati Sleman Resmikan Pasar Prambanan\n"
               "Harga cabai di Pasar Beringharjo naik dua kali lipat pekan ini.")
    assert events(text) == ()


def test_repeated_mentions_merge_into_one_record():
    text = art("Bupati Pacitan Indrata Nur Bayuaji meresmikan Pasar Minulyo, Senin (10/3/2025). "
               "Peresmian pasar itu dihadiri ratusan pedagang. \"Pasar ini untuk rakyat,\" kata Indrata usai "
               "meresmikan pasar.")
    ev = only(text)
    assert ev.type == "facility_inaugurated" and ev.date == "2025-03-10"


def test_distinct_dates_are_distinct_events():
    text = art("Bantuan alat tangkap disalurkan kepada nelayan Kecamatan Puger pada tahun 2023. "
               "Bantuan serupa disalurkan kepada nelayan Kecamatan Kencong pada tahun 2024.")
    assert sorted(e.date for e in events(text)) == ["2023", "2024"]


def test_follow_up_sentence_gives_the_date():
    text = art("Pemkab Ngawi menyerahkan kartu BPJS Ketenagakerjaan kepada 900 pekerja rentan. "
               "Penyerahan kartu dilakukan di Pendopo Wedya Graha, Kamis (6/3/2025).")
    ev = only(text)
    assert ev.type == "insurance_enrolled" and ev.date == "2025-03-06"


def test_custom_event_type_from_a_data_file(tmp_path):
    extra = {"types": {"festival_held": {"slots": {"agent": "organizer", "theme": "object", "location": "location"}}},
             "rules": [{"id": "festival.held", "type": "festival_held", "voice": "passive",
                        "trigger": "digelar|diselenggarakan", "with_before": "festival|bazar", "window": 80}]}
    path = tmp_path / "events.json"
    path.write_text(json.dumps(extra), encoding="utf-8")
    lex = load_lexicon(path)
    assert "festival_held" in lex.types
    nlp = umkm_extract.load()
    nlp.replace_pipe("umkm_events", "umkm_events", config={"extra_lexicon": str(path)})
    ex = umkm_extract.Extractor()
    ex._nlp = nlp
    art_ = ex(art("Festival Kuliner Nusantara digelar oleh Dinas Pariwisata Kota Malang di Alun-alun Tugu, "
                  "Sabtu (8/3/2025)."), published=PUB)
    fest = [e for e in art_.events if e.type == "festival_held"]
    assert fest and fest[0].date == "2025-03-08" and fest[0].rule == "festival.held"


def test_bad_user_lexicon_names_the_problem():
    with pytest.raises(ValueError, match="unknown type"):
        load_lexicon({"rules": [{"id": "x", "type": "nope", "trigger": "a"}]})


@pytest.mark.parametrize("value, kept", [
    ("disaksikan Wakil Bupati Kerinci", False),
    ("jabatan disaksikan Wakil Bupati Kerinci", False),
    ("Kepala Dinas Koperasi dan UKM", True),
], ids=["verb", "jabatan-verb", "office"])
def test_who_witnessed_is_no_position(value, kept):
    from umkm_extract.records import Event
    from umkm_extract.rules.events import _tidy_roles

    text = "Bupati melantik Mardalena. Pengambilan sumpah " + value + "."
    s = text.index(value)
    ev = Event("official_inaugurated", None, "melantik", roles={"position": value}, role_spans={"position": (s, s + len(value))})
    assert ("position" in _tidy_roles(text, ev).roles) is kept


def test_a_venue_sentence_that_refers_back_with_a_bare_nominal_gives_the_venue():
    ev = only(art("Bupati Polewali Mandar melantik Hasnawiah Muis sebagai Kepala Dinas Perindustrian, Senin (10/6/2024). "
                  "Pengambilan sumpah jabatan berlangsung di Ruang Pola Kantor Bupati Polman."), published="2024-06-11")
    assert ev.roles.get("location") == "Ruang Pola Kantor Bupati Polman"


def test_the_handover_sentence_gives_its_venue_over_a_bare_region():
    ev = only(art("Pemerintah Kabupaten Serang menyalurkan bantuan modal kepada 500 pelaku usaha mikro di Kabupaten Serang, "
                  "Rabu (29/10/2025). Penyerahan dilakukan secara simbolis oleh Bupati Serang, Ratu Rachmatuzakiyah, di "
                  "Kantor Bank BJB KCK Banten."), published="2025-10-30")
    assert (ev.roles["giver"], ev.roles.get("location")) == ("Ratu Rachmatuzakiyah", "Kantor Bank BJB KCK Banten")


def test_a_series_named_again_dates_a_handover_by_a_bare_office():
    filler = " ".join(f"Koperasi nomor {n} berasal dari kabupaten yang berbeda." for n in range(1, 8))
    evs = events(art("Bupati Bangka Tengah, Zulfikar Hamzah, meresmikan Sentra Kuliner Batu Beriga, Rabu (14/1/2026). "
                     + filler + "\n\nDalam rangkaian yang sama, kartu kepesertaan BPJS Ketenagakerjaan diserahkan Bupati "
                     "kepada 320 nelayan tradisional."), published="2026-01-15")
    assert [(e.type, e.date) for e in evs] == [("facility_inaugurated", "2026-01-14"), ("insurance_enrolled", "2026-01-14")]
    assert evs[1].roles.get("agent") == "Zulfikar Hamzah"


def test_who_went_along_is_not_the_giver():
    ev = only(art("Bupati Kerinci, Irwansyah Depati Agung, hadir. Usai pelantikan, Bupati yang didampingi Mardalena "
                  "menyerahkan bantuan 24 unit mesin kepada 12 kelompok tani kopi, Senin (17/2/2025)."), published="2025-02-18")
    assert ev.roles["giver"] == "Irwansyah Depati Agung"
