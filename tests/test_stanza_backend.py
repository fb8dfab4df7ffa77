"""The stanza backend: dependency-based event roles, offline.

The role refinement is a pure function over DepWord lists, tested here without stanza. The stanza glue
is tested on stanza Documents built from CoNLL-U that this file writes (no models: stanza only reads
the trees), and the whole Extractor path with a parser that returns those Documents. Tests that need
the stanza package skip when it is not installed (CI installs only ``.[test]``).
"""
from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

import pytest

import umkm_extract
from umkm_extract.backends.deps import DepWord, dependency_slots, phrase_span, refine_roles, words_from_dicts
from umkm_extract.records import Event
from umkm_extract.rules.events import default_lexicon

HEAD = "Judul berita\n"
PUB = "2024-09-10"

# (form, head, deprel, upos): one row per syntactic word of a sentence, UD style
WITNESS = ("Ketua DPRD Jember Ahmad Halim menyaksikan Bupati Jember Hendy Siswanto meresmikan Pasar Tanjung, "
           "Kamis (5/9/2024).")
WITNESS_TREE = [
    ("Ketua", 6, "nsubj", "NOUN"), ("DPRD", 1, "nmod", "PROPN"), ("Jember", 2, "flat", "PROPN"),
    ("Ahmad", 1, "appos", "PROPN"), ("Halim", 4, "flat", "PROPN"), ("menyaksikan", 0, "root", "VERB"),
    ("Bupati", 11, "nsubj", "NOUN"), ("Jember", 7, "nmod", "PROPN"), ("Hendy", 7, "appos", "PROPN"),
    ("Siswanto", 9, "flat", "PROPN"), ("meresmikan", 6, "ccomp", "VERB"), ("Pasar", 11, "obj", "NOUN"),
    ("Tanjung", 12, "flat", "PROPN"), (",", 15, "punct", "PUNCT"), ("Kamis", 11, "obl", "PROPN"),
    ("(", 17, "punct", "PUNCT"), ("5/9/2024", 15, "appos", "NUM"), (")", 17, "punct", "PUNCT"),
    (".", 6, "punct", "PUNCT"),
]
PASSIVE = "Pasar Tanjung yang dibangun sejak 2022 diresmikan oleh Bupati Jember Hendy Siswanto, Kamis (5/9/2024)."
PASSIVE_TREE = [
    ("Pasar", 7, "nsubj:pass", "NOUN"), ("Tanjung", 1, "flat", "PROPN"), ("yang", 4, "nsubj", "PRON"),
    ("dibangun", 1, "acl:relcl", "VERB"), ("sejak", 6, "case", "ADP"), ("2022", 4, "obl", "NUM"),
    ("diresmikan", 0, "root", "VERB"), ("oleh", 9, "case", "ADP"), ("Bupati", 7, "obl", "NOUN"),
    ("Jember", 9, "nmod", "PROPN"), ("Hendy", 9, "appos", "PROPN"), ("Siswanto", 11, "flat", "PROPN"),
    (",", 14, "punct", "PUNCT"), ("Kamis", 7, "obl", "PROPN"), ("(", 16, "punct", "PUNCT"),
    ("5/9/2024", 14, "appos", "NUM"), (")", 16, "punct", "PUNCT"), (".", 7, "punct", "PUNCT"),
]


def offsets(text: str, rows: list[tuple[str, int, str, str]]) -> list[tuple[int, int]]:
    out, pos = [], 0
    for form, *_ in rows:
        s = text.index(form, pos)
        out.append((s, s + len(form)))
        pos = s + len(form)
    return out


def dep_words(text: str, rows: list[tuple[str, int, str, str]], offset: int = 0) -> list[DepWord]:
    return [DepWord(i, form, head, rel, s + offset, e + offset, upos)
            for i, ((form, head, rel, upos), (s, e)) in enumerate(zip(rows, offsets(text, rows)), 1)]


def conllu(text: str, rows: list[tuple[str, int, str, str]]) -> str:
    """A CoNLL-U sentence with start_char/end_char in MISC, as stanza writes it."""
    lines = [f"# text = {text}"]
    for i, ((form, head, rel, upos), (s, e)) in enumerate(zip(rows, offsets(text, rows)), 1):
        lines.append(f"{i}\t{form}\t{form.lower()}\t{upos}\t_\t_\t{head}\t{rel}\t_\tstart_char={s}|end_char={e}")
    return "\n".join(lines) + "\n\n"


def rule_event(text: str) -> tuple[umkm_extract.Article, Event]:
    art = umkm_extract.extract(HEAD + text, published=PUB)
    assert len(art.events) == 1, art.events
    return art, art.events[0]


def slot_roles(etype: str) -> dict[str, str]:
    return dict(default_lexicon().types[etype])


def voice(rule_id: str) -> str:
    return next(r.voice for r in default_lexicon().rules if r.id == rule_id)


# ------------------------------------------------------------------------------------ pure functions


def test_active_subject_is_agent_where_rules_take_the_nearest_person():
    art, ev = rule_event(WITNESS)
    assert ev.roles["agent"] == "Ahmad Halim"  # the rule-based filler: the nearest person before the trigger
    words = dep_words(WITNESS, WITNESS_TREE, offset=len(HEAD))
    ents = [(s, e, p.name) for p in art.persons for s, e in p.mentions]
    out = refine_roles(ev, words, voice=voice(ev.rule), slot_roles=slot_roles(ev.type), entities=ents)
    assert out.roles["agent"] == "Hendy Siswanto"  # nsubj of "meresmikan" is "Bupati Jember Hendy Siswanto"
    assert out.roles["object"] == "Pasar Tanjung"
    assert out.rule == ev.rule + "+dep"
    s, e = out.role_spans["agent"]
    assert art.text[s:e] == "Hendy Siswanto"
    s, e = out.role_spans["object"]
    assert art.text[s:e] == "Pasar Tanjung"
    assert out.date == ev.date and out.trigger == ev.trigger


def test_passive_oleh_agent_and_subject_without_relative_clause():
    art, ev = rule_event(PASSIVE)
    words = dep_words(PASSIVE, PASSIVE_TREE, offset=len(HEAD))
    ents = [(s, e, p.name) for p in art.persons for s, e in p.mentions]
    out = refine_roles(ev, words, voice=voice(ev.rule), slot_roles=slot_roles(ev.type), entities=ents)
    assert out.roles["agent"] == "Hendy Siswanto"
    assert out.roles["object"] == "Pasar Tanjung"  # "yang dibangun sejak 2022" is an acl:relcl, not the object


def test_slots_by_voice():
    text = "Bupati menerima penghargaan kepada koperasi ."
    rows = [("Bupati", 2, "nsubj", "NOUN"), ("menerima", 0, "root", "VERB"), ("penghargaan", 2, "obj", "NOUN"),
            ("kepada", 5, "case", "ADP"), ("koperasi", 2, "obl", "NOUN"), (".", 2, "punct", "PUNCT")]
    words = dep_words(text, rows)
    trig = (7, 15)
    assert {k: w.text for k, w in dependency_slots(words, trig, "receive").items()} == {
        "recipient": "Bupati", "theme": "penghargaan"}
    assert {k: w.text for k, w in dependency_slots(words, trig, "active").items()} == {
        "agent": "Bupati", "theme": "penghargaan", "recipient": "koperasi"}


def test_nominal_trigger_subject_of_light_verb_takes_its_oleh_agent():
    text = "Peresmian pasar dilakukan oleh Wali Kota Santoso ."
    rows = [("Peresmian", 3, "nsubj", "NOUN"), ("pasar", 1, "nmod", "NOUN"), ("dilakukan", 0, "root", "VERB"),
            ("oleh", 5, "case", "ADP"), ("Wali", 3, "obl", "NOUN"), ("Kota", 5, "flat", "NOUN"),
            ("Santoso", 5, "appos", "PROPN"), (".", 3, "punct", "PUNCT")]
    words = dep_words(text, rows)
    slots = dependency_slots(words, (0, 9), "nominal")
    assert slots["theme"].text == "pasar" and slots["agent"].text == "Wali"
    assert text[slice(*phrase_span(words, slots["agent"], core=False))] == "Wali Kota Santoso"


def test_coordinated_verb_borrows_the_subject():
    text = "Bupati datang dan meresmikan pasar ."
    rows = [("Bupati", 2, "nsubj", "NOUN"), ("datang", 0, "root", "VERB"), ("dan", 4, "cc", "CCONJ"),
            ("meresmikan", 2, "conj", "VERB"), ("pasar", 4, "obj", "NOUN"), (".", 2, "punct", "PUNCT")]
    slots = dependency_slots(dep_words(text, rows), (18, 28), "active")
    assert slots["agent"].text == "Bupati" and slots["theme"].text == "pasar"


def test_trigger_outside_the_tree_leaves_the_event_unchanged():
    _, ev = rule_event(WITNESS)
    other = dep_words("Lain kali .", [("Lain", 0, "root", "ADJ"), ("kali", 1, "nmod", "NOUN"), (".", 1, "punct", "PUNCT")])
    assert refine_roles(ev, other, voice="active", slot_roles=slot_roles(ev.type)) is ev


def test_words_from_dicts_skips_multiword_token_rows():
    rows = [{"id": (1, 2), "text": "bukunya", "head": 0, "deprel": "_", "start_char": 0, "end_char": 7},
            {"id": 1, "text": "buku", "head": 0, "deprel": "root", "start_char": 0, "end_char": 7},
            {"id": (2,), "text": "nya", "head": 1, "deprel": "nmod:poss", "start_char": 0, "end_char": 7}]
    words = words_from_dicts(rows, offset=10)
    assert [(w.id, w.text, w.start_char) for w in words] == [(1, "buku", 10), (2, "nya", 10)]


# ------------------------------------------------------------------------------------ errors, no stanza needed


def test_unknown_backend_is_rejected():
    with pytest.raises(ValueError, match="unknown backend 'corenlp'"):
        umkm_extract.Extractor(backend="corenlp")  # type: ignore[arg-type]


def test_missing_stanza_package_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "stanza", None)  # import stanza → ImportError
    with pytest.raises(ImportError, match=r'umkm-extract\[stanza\]'):
        umkm_extract.Extractor(backend="stanza", stanza_dir="/nowhere")


def test_default_backend_is_unchanged():
    art = umkm_extract.Extractor()(HEAD + WITNESS, published=PUB)
    assert "umkm_dep_roles" not in umkm_extract.Extractor().nlp.pipe_names
    assert not art.events[0].rule.endswith("+dep")


# ------------------------------------------------------------------------------------ stanza glue

try:
    import stanza
    from stanza.utils.conll import CoNLL

    from umkm_extract.backends.stanza import StanzaModelsNotFound, words_from_stanza
    HAS_STANZA = True
except ImportError:
    HAS_STANZA = False
needs_stanza = pytest.mark.skipif(not HAS_STANZA, reason="stanza is not installed (optional extra 'stanza'; "
                                  "CI installs only .[test])")


@needs_stanza
def test_missing_models_name_the_folder_and_how_to_get_them(tmp_path):
    with pytest.raises(StanzaModelsNotFound) as info:
        umkm_extract.Extractor(backend="stanza", stanza_dir=tmp_path / "stanza_id")
    msg = str(info.value)
    assert str(tmp_path / "stanza_id") in msg
    assert "stanza.download('id', model_dir=" in msg and "never downloads" in msg


@needs_stanza
def test_conllu_document_converts_to_dep_words():
    doc = CoNLL.conll2doc(input_str=conllu(WITNESS, WITNESS_TREE))
    [words] = words_from_stanza(doc, offset=5)
    assert [replace(w, lemma="") for w in words] == dep_words(WITNESS, WITNESS_TREE, offset=5)
    assert words[5].lemma == "menyaksikan"


@needs_stanza
def test_document_from_dicts_with_a_multiword_token():
    text = "Bukunya laris ."
    sent = [{"id": (1, 2), "text": "Bukunya", "start_char": 0, "end_char": 7},
            {"id": 1, "text": "Buku", "head": 3, "deprel": "nsubj", "upos": "NOUN"},
            {"id": 2, "text": "nya", "head": 1, "deprel": "nmod:poss", "upos": "PRON"},
            {"id": 3, "text": "laris", "head": 0, "deprel": "root", "upos": "ADJ", "start_char": 8, "end_char": 13},
            {"id": 4, "text": ".", "head": 3, "deprel": "punct", "upos": "PUNCT", "start_char": 14, "end_char": 15}]
    doc = stanza.Document([sent], text=text)
    [words] = words_from_stanza(doc)
    assert [(w.text, w.head, w.deprel) for w in words] == [("Buku", 3, "nsubj"), ("nya", 1, "nmod:poss"),
                                                          ("laris", 0, "root"), (".", 3, "punct")]
    assert all(text[w.start_char:w.end_char] for w in words)
    assert (words[0].start_char, words[0].end_char) == (0, 7)  # a word of a multi-word token: the token's span


def _fake_models(folder: Path) -> Path:
    """The files check_models looks for (the models themselves are never loaded by these tests)."""
    (folder / "id").mkdir(parents=True)
    (folder / "resources.json").write_text(json.dumps({"id": {}}), encoding="utf-8")
    for proc in ("tokenize", "mwt", "pos", "lemma", "depparse"):
        (folder / "id" / proc).mkdir()
        (folder / "id" / proc / "gsd.pt").write_bytes(b"")
    return folder


def conllu_parser(trees: dict[str, list[tuple[str, int, str, str]]]):
    """A Parser that returns stanza Documents read from CoNLL-U for the sentences it knows."""
    def parse(texts):
        return [words_from_stanza(CoNLL.conll2doc(input_str=conllu(t, trees[t]))) if t in trees else []
                for t in texts]
    return parse


@needs_stanza
@pytest.mark.parametrize("text,tree,agent,obj", [
    pytest.param(WITNESS, WITNESS_TREE, "Hendy Siswanto", "Pasar Tanjung", id="ccomp-subject"),
    pytest.param(PASSIVE, PASSIVE_TREE, "Hendy Siswanto", "Pasar Tanjung", id="passive-oleh"),
])
def test_extractor_with_stanza_backend_uses_the_tree(tmp_path, text, tree, agent, obj):
    ex = umkm_extract.Extractor(backend="stanza", stanza_dir=_fake_models(tmp_path / "models"))
    assert ex.nlp.pipe_names[-1] == "umkm_dep_roles"
    ex.nlp.get_pipe("umkm_dep_roles").parser = conllu_parser({text: tree})
    art = ex(HEAD + text, published=PUB)
    [ev] = art.events
    assert ev.type == "facility_inaugurated" and ev.rule.endswith("+dep")
    assert ev.roles["agent"] == agent and ev.roles["object"] == obj
    for role, (s, e) in ev.role_spans.items():
        assert s >= 0 and art.text[s:e], role
    doc = ex.nlp(ex.make_doc(HEAD + text, {"published": PUB}))
    assert doc._.umkm["dependencies"]  # the parses stay on the Doc
