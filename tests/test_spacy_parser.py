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


# parse_sentences: only the given spans of the article are parsed; offsets are into the whole article
SENTENCES = [
    ("Bupati Jember meresmikan Pasar Tanjung pada Kamis.", "meresmikan", {"nsubj": "Bupati", "obj": "Pasar"}),
    ("Pasar itu diresmikan oleh Bupati Jember.", "diresmikan", {"nsubj:pass": "Pasar"}),
    ("Gubernur menyerahkan bantuan kepada pelaku UMKM.", "menyerahkan", {"nsubj": "Gubernur", "obj": "bantuan"}),
    ("Wali Kota Kendari membuka bazar UMKM di Kendari.", "membuka", {"nsubj": "Wali", "obj": "bazar"}),
    ("Dinas Koperasi menggelar pelatihan bagi pelaku usaha.", "menggelar", {"nsubj": "Dinas", "obj": "pelatihan"}),
]
ARTICLE = "Judul berita\n\nJEMBER - " + " Warga datang. ".join(s for s, _, _ in SENTENCES)


def _span(sentence):
    i = ARTICLE.index(sentence)
    return i, i + len(sentence)


@pytest.fixture(scope="module")
def parsed():
    from umkm_extract.backends.spacy_parser import parse_sentences

    return parse_sentences(ARTICLE, [_span(s) for s, _, _ in SENTENCES])


def test_parse_sentences_offsets_point_into_the_article(parsed):
    assert len(parsed) == len(SENTENCES)
    for (sentence, _, _), words in zip(SENTENCES, parsed):
        s, e = _span(sentence)
        assert [w.id for w in words] == list(range(1, len(words) + 1))
        assert sum(w.head == 0 for w in words) == 1
        assert all(0 <= w.head <= len(words) for w in words)
        assert all(s <= w.start_char < w.end_char <= e for w in words)
        assert all(ARTICLE[w.start_char:w.end_char] == w.text for w in words)
        assert " ".join(w.text for w in words).replace(" .", ".") == sentence


@pytest.mark.parametrize("k", range(len(SENTENCES)), ids=[t for _, t, _ in SENTENCES])
def test_parse_sentences_main_relations(parsed, k):
    _, trigger, expected = SENTENCES[k]
    words = parsed[k]
    [root] = [w for w in words if w.head == 0]
    assert root.text == trigger
    deps = {w.deprel: w.text for w in words if w.head == root.id}
    assert {rel: deps.get(rel) for rel in expected} == expected


def test_parse_sentences_uses_the_given_pipeline_and_skips_line_breaks():
    from umkm_extract.backends.spacy_parser import parse_sentences

    nlp = spacy.load(umkm_extract.model_path("parser"))
    text = "xx Pasar Tanjung\ndiresmikan oleh Bupati. yy"
    s = text.index("Pasar")
    [words] = parse_sentences(text, [(s, text.index(" yy"))], nlp)
    assert [w.text for w in words] == ["Pasar", "Tanjung", "diresmikan", "oleh", "Bupati", "."]
    assert [w.id for w in words] == [1, 2, 3, 4, 5, 6]
    assert all(text[w.start_char:w.end_char] == w.text for w in words)
    assert parse_sentences(text, [], nlp) == []
    with pytest.raises(ValueError):
        parse_sentences(text, [(0, len(text) + 1)], nlp)
