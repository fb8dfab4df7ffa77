"""The shipped dependency parser: loads offline with plain spacy.load, gives UD trees whose offsets point into the
article, and drives the dependency role logic as the stanza backend does (Extractor(backend="parser"))."""
from __future__ import annotations

import json

import pytest
import spacy

import umkm_extract
from umkm_extract.backends.deps import dependency_slots
from umkm_extract.backends.spacy_parser import SpacyParser, words_from_spacy


@pytest.fixture(scope="module")
def parser():
    return SpacyParser(spacy.load(umkm_extract.model_path("parser")))


def test_loads_with_plain_spacy_load_and_ships_its_attribution():
    folder = umkm_extract.model_path("parser")
    nlp = spacy.load(folder)
    assert nlp.pipe_names == ["tok2vec", "tagger", "parser"]
    assert "CC BY-SA" in (folder / "ATTRIBUTION.md").read_text("utf-8")
    assert json.loads((folder / "meta.json").read_text("utf-8"))["license"] == "CC BY-SA 4.0"


@pytest.mark.parametrize("sentence, trigger, voice, slots", [
    pytest.param("Bupati Jember meresmikan Pasar Tanjung pada Kamis.", "meresmikan", "active",
                 {"agent": "Bupati", "theme": "Pasar"}, id="active"),
    pytest.param("Pasar itu diresmikan oleh Bupati Jember.", "diresmikan", "passive",
                 {"theme": "Pasar", "agent": "Bupati"}, id="passive-oleh"),
    pytest.param("Gubernur menyerahkan bantuan kepada pelaku UMKM.", "menyerahkan", "active",
                 {"agent": "Gubernur", "theme": "bantuan"}, id="give"),
])
def test_main_relations(parser, sentence, trigger, voice, slots):
    [[words]] = parser([sentence])
    s = sentence.index(trigger)
    got = {slot: w.text for slot, w in dependency_slots(words, (s, s + len(trigger)), voice).items()}
    assert {k: got.get(k) for k in slots} == slots


def test_offsets_point_at_the_words(parser):
    text = "Judul\nWali Kota Kendari Siska Karina Imran membuka bazar UMKM di Kendari."
    start = text.index("Wali")
    [[words]] = parser([text[start:]])
    assert [w.id for w in words] == list(range(1, len(words) + 1))
    assert sum(w.head == 0 for w in words) == 1
    for w in words:
        assert text[start + w.start_char:start + w.end_char] == w.text


def test_several_roots_become_one_tree():
    from spacy.tokens import Doc

    # two sentences as a parser may leave them: two roots ("dibuka", "datang")
    doc = Doc(spacy.blank("id").vocab, words=["Pasar", "dibuka", ".", "Warga", "datang", "."],
              heads=[1, 1, 1, 4, 4, 4], deps=["nsubj:pass", "ROOT", "punct", "nsubj", "ROOT", "punct"])
    words = words_from_spacy(doc)
    assert [(w.head, w.deprel) for w in words if w.text in ("dibuka", "datang")] == [(0, "root"), (2, "parataxis")]


def test_extractor_backend_parser_refines_roles_from_the_tree():
    text = "Judul\nPasar Tanjung diresmikan oleh Bupati Jember Hendy Siswanto, Kamis (5/9/2024)."
    art = umkm_extract.Extractor(backend="parser")(text, published="2024-09-06")
    ev = next(e for e in art.events if e.type == "facility_inaugurated")
    assert ev.roles.get("agent") == "Hendy Siswanto"
    assert "Pasar Tanjung" in ev.roles.get("object", "")
