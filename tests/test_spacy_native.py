"""spaCy-native use: entry points, save/load with plain spacy.load, results on the Doc, user components."""
from __future__ import annotations

import json
import subprocess
import sys
from importlib.metadata import entry_points

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import umkm_extract
from umkm_extract import Extractor, article_from_doc
from umkm_extract.io import iter_inputs
from umkm_extract.pipeline import PIPELINE

from .conftest import CORPUS

SPAN_KEYS = ("umkm_body", "umkm_regions", "umkm_persons", "umkm_dates", "umkm_counts", "umkm_orgs", "umkm_events")
TEXT = ("Bupati Jember Raih Penghargaan\n"
        "Bupati Jember Hendy Siswanto menerima penghargaan Pembina Koperasi Terbaik dari Gubernur Jawa Timur "
        "Khofifah Indar Parawansa di Surabaya, Kamis (5/9/2024). Sebanyak 1.948 koperasi aktif di Jember.")


def corpus_items() -> list[tuple[str, dict]]:
    return [(it.text, {**it.meta, "doc_id": it.doc_id}) for it in iter_inputs(CORPUS) if it.error is None]


def with_meta(nlp: Language, text: str, meta: dict) -> Doc:
    doc = nlp.make_doc(text)
    doc.user_data["umkm_meta"] = dict(meta)
    return nlp(doc)


def test_entry_points_are_installed():
    factories = {ep.name for ep in entry_points(group="spacy_factories")}
    tokenizers = {ep.name for ep in entry_points(group="spacy_tokenizers")}
    missing = (set(PIPELINE) | {"umkm_dep_roles"}) - factories
    assert not missing, f"spacy_factories entry points missing: {sorted(missing)}; reinstall with pip install -e ."
    assert "umkm.LeanTokenizer.v1" in tokenizers, "reinstall with pip install -e . (spacy_tokenizers entry point)"


def test_the_state_is_doc_underscore_umkm():
    # components read doc._.umkm straight from doc.user_data (components.state): the same dict both ways
    from umkm_extract.components import state

    doc = Doc(spacy.blank("id").vocab, words=["Jember"], spaces=[False])
    assert doc._.umkm is None
    st = state(doc)
    assert doc._.umkm is st and state(doc) is st
    other = Doc(doc.vocab, words=["Jember"], spaces=[False])
    other._.umkm = {"meta": {}, "text": "Jember"}
    assert state(other) is other._.umkm


def test_load_returns_the_language_with_results_on_the_doc():
    nlp = umkm_extract.load()
    assert isinstance(nlp, Language) and nlp.pipe_names == list(PIPELINE)
    doc = with_meta(nlp, TEXT, {"published": "2024-09-07", "doc_id": "x"})
    assert set(SPAN_KEYS) <= set(doc.spans)
    assert "Hendy Siswanto" in {s.text for s in doc.spans["umkm_persons"]}
    assert {s.label_ for s in doc.spans["umkm_events"]} == {"award_received"}
    assert doc._.umkm["published"] == "2024-09-07"
    art = article_from_doc(doc)
    assert art == Extractor()(TEXT, published="2024-09-07", doc_id="x")


def test_saved_pipeline_reloads_with_plain_spacy_load_in_a_fresh_interpreter(tmp_path):
    """A fresh interpreter that never imports umkm_extract itself: spacy.load finds our factories and
    tokenizer through the entry points, and the records are the same as Extractor's."""
    path = tmp_path / "umkm_pipeline"
    umkm_extract.load().to_disk(path)
    items = corpus_items()
    (tmp_path / "items.json").write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    script = f"""
import json, sys
import spacy
assert "umkm_extract" not in sys.modules
nlp = spacy.load({str(path)!r})
print(type(nlp.tokenizer).__name__, file=sys.stderr)
from umkm_extract import article_from_doc
items = json.load(open({str(tmp_path / "items.json")!r}, encoding="utf-8"))
out = []
for text, meta in items:
    doc = nlp.make_doc(text)
    doc.user_data["umkm_meta"] = meta
    out.append(article_from_doc(nlp(doc)).to_dict(include_text=True))
json.dump(out, open({str(tmp_path / "out.json")!r}, "w", encoding="utf-8"), ensure_ascii=False)
"""
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert proc.stderr.strip().splitlines()[-1] == "LeanTokenizer"
    loaded = json.loads((tmp_path / "out.json").read_text("utf-8"))
    local = [a.to_dict(include_text=True) for a in Extractor().pipe(items)]
    assert len(loaded) == len(local) == len(items)
    for a, b in zip(loaded, local):
        assert a == b, a["doc_id"]


def test_load_from_path_and_roundtrip_in_process(tmp_path):
    nlp = umkm_extract.load()
    nlp.to_disk(tmp_path / "p")
    again = umkm_extract.load(tmp_path / "p")
    assert again.pipe_names == nlp.pipe_names
    assert spacy.load(tmp_path / "p").config["nlp"]["tokenizer"] == {"@tokenizers": "umkm.LeanTokenizer.v1"}
    meta = {"published": "2024-09-07", "doc_id": "x"}
    assert article_from_doc(with_meta(again, TEXT, meta)) == article_from_doc(with_meta(nlp, TEXT, meta))


@Language.component("test_set_published")
def _set_published(doc: Doc) -> Doc:
    doc.user_data["umkm_meta"] = {"published": "2024-09-07", "doc_id": "from-component"}
    return doc


@Language.component("test_officials_only")
def _officials_only(doc: Doc) -> Doc:
    st = doc._.umkm
    assert "umkm_persons" in doc.spans  # our results are there for a component after ours
    st["persons"] = [p for p in st["persons"] if p.is_official and p.title == "Bupati"]
    doc.spans["umkm_persons"] = [s for s in doc.spans["umkm_persons"] if s.label_ == "OFFICIAL"]
    return doc


def test_component_before_ours_sets_what_ours_read():
    nlp = umkm_extract.load()
    plain = article_from_doc(nlp(TEXT))
    assert plain.published is None  # no dateline, no meta
    nlp.add_pipe("test_set_published", first=True)
    art = article_from_doc(nlp(TEXT))
    assert art.published == "2024-09-07" and art.doc_id == "from-component"
    assert [e.date for e in art.events] == ["2024-09-05"]


def test_component_after_ours_sees_and_changes_the_results():
    nlp = umkm_extract.load()
    before = article_from_doc(with_meta(nlp, TEXT, {"published": "2024-09-07"}))
    assert {p.name for p in before.persons} >= {"Hendy Siswanto", "Khofifah Indar Parawansa"}
    nlp.add_pipe("test_officials_only", last=True)
    doc = with_meta(nlp, TEXT, {"published": "2024-09-07"})
    art = article_from_doc(doc)
    assert [p.name for p in art.persons] == ["Hendy Siswanto"]
    assert art.events == before.events and art.regions == before.regions


def test_nlp_pipe_streams_docs():
    nlp = umkm_extract.load()
    docs = list(nlp.pipe([TEXT, TEXT]))
    assert [len(article_from_doc(d).persons) for d in docs] == [len(article_from_doc(docs[0]).persons)] * 2


@pytest.mark.parametrize("key", SPAN_KEYS)
def test_span_groups_are_token_aligned_and_inside_the_text(key):
    doc = with_meta(umkm_extract.load(), TEXT, {"published": "2024-09-07"})
    for span in doc.spans[key]:
        assert doc.text[span.start_char:span.end_char] == span.text


@pytest.mark.parametrize("tokenizer", ["lean", "spacy"])
def test_set_spans_aligns_like_char_span_expand(tokenizer):
    """`set_spans` bisects token offsets instead of calling `Doc.char_span`: the same tokens, for
    spans that start or end inside words, on trailing whitespace, or cover whitespace only."""
    import random

    from umkm_extract.components import set_spans

    ex = Extractor(lean_tokenizer=tokenizer == "lean")
    rng = random.Random(7)
    for text, _ in corpus_items()[:12]:
        doc = ex.nlp.make_doc(text)
        items = [(s, min(len(text), s + rng.randrange(1, 60)), "X")
                 for s in (rng.randrange(len(text)) for _ in range(400))]
        set_spans(doc, "probe", items)
        expected = [doc.char_span(s, e, label="X", alignment_mode="expand") for s, e, _ in items]
        want = [(sp.start, sp.end) for sp in expected if sp is not None and len(sp)]
        assert [(sp.start, sp.end) for sp in doc.spans["probe"]] == want


# ------------------------------------------------------------------ spaCy's own attributes (entry-points issue)

def test_doc_ents_hold_persons_organisations_and_coded_regions():
    doc = umkm_extract.load()(TEXT)
    ents = {(e.text, e.label_, e.kb_id_) for e in doc.ents}
    assert ("Hendy Siswanto", "PERSON", "") in ents
    assert ("Khofifah Indar Parawansa", "PERSON", "") in ents
    assert any(label == "LOC" and kb == "35.78" for _, label, kb in ents)  # Surabaya, Kemendagri code
    assert all(e.label_ in ("PERSON", "ORG", "LOC") for e in doc.ents)


def test_doc_sents_are_set():
    doc = umkm_extract.load()(TEXT)
    sents = [s.text for s in doc.sents]
    assert "Sebanyak 1.948 koperasi aktif di Jember." in sents
    assert any(s.startswith("Bupati Jember Hendy Siswanto menerima") for s in sents)


def test_docbin_with_user_data_round_trips_the_record():
    from spacy.tokens import DocBin

    nlp = umkm_extract.load()
    doc = with_meta(nlp, TEXT, {"published": "2024-09-07", "doc_id": "x"})
    data = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    back = next(DocBin().from_bytes(data).get_docs(nlp.vocab))
    assert article_from_doc(back) == article_from_doc(doc)


def test_nlp_pipe_with_two_processes_gives_the_same_records():
    nlp = umkm_extract.load()
    texts = [TEXT, "Judul\nWali Kota Kendari Siska Karina Imran membuka bazar UMKM, Senin (2/9/2024)."] * 2
    one = [article_from_doc(d) for d in nlp.pipe(texts)]
    two = [article_from_doc(d) for d in nlp.pipe(texts, n_process=2)]
    assert one == two


def test_the_record_path_skips_tokens_and_gives_the_same_records():
    # extract()/pipe() run the pipeline on an untokenised Doc (the rules read characters); the records are those
    # of the tokenised Doc that spaCy users get
    from umkm_extract.api import article_from_doc

    from .conftest import CORPUS

    ex = umkm_extract.Extractor()
    for path in sorted(CORPUS.glob("*.txt"))[:12]:
        text = path.read_text("utf-8")
        fast = ex(text, published="2024-09-07", doc_id=path.stem)
        doc = ex.nlp(ex.make_doc(text, {"published": "2024-09-07", "doc_id": path.stem}))
        assert fast == article_from_doc(doc), path.name
        assert len(doc) > 1 and "umkm_persons" in doc.spans  # the spaCy view keeps tokens and spans
    rec = ex.record_doc("Bupati Jember Hendy Siswanto meresmikan pasar.")
    assert len(rec) == 1 and not ex._needs_tokens


def test_a_component_that_reads_tokens_gets_a_tokenised_doc():
    ex = umkm_extract.Extractor()
    ex.nlp.add_pipe("umkm_tagger", first=True)
    assert ex._needs_tokens
    assert len(ex.record_doc("Bupati Jember Hendy Siswanto meresmikan pasar.")) > 1
