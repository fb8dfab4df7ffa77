"""Extractor profiles: "fast" (default: rules on articles, the shipped NER on one-line texts) and "accurate" (the
NER's person candidates in articles too)."""
from __future__ import annotations

import pytest

from umkm_extract import Extractor
from umkm_extract.components import state
from umkm_extract.components.ner import ONE_LINE_WORDS, is_one_line
from umkm_extract.rules.persons import PersonMention, confirm_mentions, ner_person_mentions
from umkm_extract.rules.regions import RegionMention
from umkm_extract.rules.structure import parse_structure

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


# --- one-line texts: the default profile lets the NER read a sentence given alone --------------------------

@pytest.mark.parametrize("text, expected", [
    # no cue at all: the NER's span is the evidence
    ("Usaha keripik milik Siti Aminah kini dipasarkan hingga ke luar negeri.", [("Siti Aminah", "person.ner")]),
    # a titled person from the rules, a companion found by the NER
    ("Bupati Jember Hendy Siswanto meninjau sentra batik bersama Agus Salim.",
     [("Hendy Siswanto", "person.title"), ("Agus Salim", "person.ner")]),
    # a lone word before a verb is weak for the rules; the NER confirms it
    ("Wartono menerima bantuan modal usaha dari pemerintah desa.", [("Wartono", "person.speech_verb")]),
    # negatives: a market, a club
    ("Pedagang di Pasar Rakyat Sido Makmur mengeluhkan sepinya pembeli.", []),
    ("Tim Persija FC menang tipis di Stadion Gelora Bung Karno.", []),
])
def test_default_profile_reads_persons_of_a_one_line_text_with_the_ner(text, expected):
    assert [(p.name, p.rule) for p in Extractor()(text).persons] == expected


def test_default_profile_leaves_articles_to_the_rules():
    ex = Extractor()
    doc = ex.nlp(ex.nlp.make_doc(TEXT))
    assert "ner" not in state(doc) and [p.name for p in ex(TEXT).persons] == []


@pytest.mark.parametrize("text, one_line", [
    ("Usaha keripik milik Siti Aminah kini dipasarkan hingga ke luar negeri.", True),
    ("  Satu kalimat dengan spasi di tepinya.  \n", True),
    (TEXT, False),                                            # a headline, then body
    ("Paragraf pertama yang panjang berakhir di sini.\nParagraf kedua menyusul.", False),
    (" ".join(["kata"] * (ONE_LINE_WORDS + 1)) + ".", False),  # a whole article on one line
])
def test_is_one_line(text, one_line):
    assert is_one_line(text, parse_structure(text)) is one_line


def _spans(text, *names):
    return [(text.index(n), text.index(n) + len(n)) for n in names]


@pytest.mark.parametrize("text, span, kept", [
    ("Kemarin H. Rahmat Hidayat, S.E. datang.", "H. Rahmat Hidayat, S.E.", "Rahmat Hidayat"),  # honorific, degree off
    ("Lagu itu dinyanyikan Rossa dengan merdu.", "Rossa", "Rossa"),                            # one word is enough
    ("Mereka menginap di Hotel Sahid Jaya.", "Hotel Sahid Jaya", None),                          # a company head
    ("Ia bermain untuk Valencia CF musim lalu.", "Valencia CF", None),                           # a club
    ("Tim juara Piala Bang Yos tahun itu.", "Bang Yos", None),                                   # the name of a trophy
    ("Puncaknya bernama Puncak Datuk Husin di utara.", "Datuk Husin", None),                     # the name of a peak
    ("Berita itu tersebar cepat.", "Berita", None),                                              # a common word
    ("Acara dibuka Bidang Usaha Mikro pagi itu.", "Bidang Usaha Mikro", None),                # opens with a common word
])
def test_ner_person_mentions_decide_on_the_span(text, span, kept):
    found = ner_person_mentions(text, _spans(text, span))
    assert [m.name for m in found] == ([kept] if kept else [])


def test_ner_person_mentions_skip_regions_organisations_and_known_mentions():
    text = "Rombongan Jember tiba bersama Koperasi Maju dan Budi Santoso."
    region = RegionMention(text.index("Jember"), text.index("Jember") + 6, "Jember", None, "kabupaten", "region.bare")
    known = [PersonMention(text.index("Budi"), text.index("Budi") + 12, "Budi Santoso", "person.title")]
    spans = _spans(text, "Jember", "Koperasi Maju", "Budi Santoso")
    assert ner_person_mentions(text, spans, regions=[region], organizations=_spans(text, "Koperasi Maju"),
                               known=known) == []


def test_confirm_mentions_makes_a_covered_weak_mention_strong():
    weak = PersonMention(0, 7, "Wartono", "person.speech_verb", strong=False)
    other = PersonMention(20, 25, "Siska", "person.speech_verb", strong=False)
    out = confirm_mentions([weak, other], [(0, 7)])
    assert [m.strong for m in out] == [True, False] and weak.strong is False  # a new mention, the old one untouched


def test_one_line_text_follows_the_user_lexicon_organisation_heads(tmp_path):
    text = "Murid Padepokan Eyang Suryo Kencono tampil di alun-alun."
    lexicon = tmp_path / "lexicon.json"
    lexicon.write_text('{"organization_heads": ["Padepokan"]}', encoding="utf-8")
    assert [p.name for p in Extractor()(text).persons] == ["Eyang Suryo Kencono"]  # the NER's name, no cue
    assert Extractor(lexicon=str(lexicon))(text).persons == ()  # the user says it is an organisation
