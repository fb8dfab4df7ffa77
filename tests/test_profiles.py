"""Extractor profiles: "fast" (rules only, default) and "accurate" (adds the shipped NER's person candidates)."""
from __future__ import annotations

import pytest

from umkm_extract import Extractor

TEXT = ("Judul\nPameran produk UMKM di alun-alun kota berlangsung meriah sepanjang akhir pekan lalu.\n"
        "Produk keripik buatan Siti Aminah laris diburu pengunjung yang datang dari luar daerah.\n")


def test_accurate_profile_finds_a_name_no_rule_announces():
    fast = Extractor()(TEXT, published="2024-05-01")
    accurate = Extractor(profile="accurate")(TEXT, published="2024-05-01")
    assert [p.name for p in fast.persons] == []
    assert [(p.name, p.rule) for p in accurate.persons] == [("Siti Aminah", "person.nnp")]


def test_accurate_profile_skips_organisation_and_venue_tails():
    text = ("Judul\nPara pedagang menempati kios baru di Pasar Rakyat Sido Makmur sejak pekan lalu, sementara "
            "anggota Koperasi Sumber Rejeki menyiapkan gerai di sebelahnya.\n")
    assert Extractor(profile="accurate")(text, published="2024-05-01").persons == ()


def test_unknown_profile_is_an_error():
    with pytest.raises(ValueError, match="profile"):
        Extractor(profile="turbo")  # type: ignore[arg-type]


def test_accurate_profile_runs_the_ner_after_the_rules():
    nlp = Extractor(profile="accurate").nlp
    names = nlp.pipe_names
    assert names.index("umkm_ner") == names.index("umkm_persons") + 1


def test_the_tagger_still_adds_candidates_when_added_by_hand():
    ex = Extractor()
    ex.nlp.add_pipe("umkm_tagger", first=True)
    assert [(p.name, p.rule) for p in ex(TEXT, published="2024-05-01").persons] == [("Siti Aminah", "person.nnp")]
