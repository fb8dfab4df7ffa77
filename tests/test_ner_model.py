"""The shipped NER: loads offline with plain spacy.load, finds persons on Indonesian sentence shapes, and reads
only windows of the text in the pipeline (ner_windows)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
import spacy

import umkm_extract
from umkm_extract.components.ner import ner_windows


@pytest.fixture(scope="module")
def ner():
    return spacy.load(umkm_extract.model_path("ner"))


def test_loads_with_plain_spacy_load_in_a_fresh_interpreter():
    code = ("import json, spacy, umkm_extract; nlp = spacy.load(umkm_extract.model_path('ner')); "
            "print(json.dumps([nlp.pipe_names, sorted(nlp.get_pipe('ner').labels)]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120,
                         env={"HF_HUB_OFFLINE": "1", "PATH": "/usr/bin:/bin"})
    assert json.loads(out.stdout) == [["tok2vec", "ner"], ["LOC", "ORG", "PERSON"]]


def test_attribution_and_licence_ship_beside_the_model():
    folder = umkm_extract.model_path("ner")
    assert "NERGrit" in (folder / "ATTRIBUTION.md").read_text("utf-8")
    assert json.loads((folder / "meta.json").read_text("utf-8"))["license"] == "CC BY-SA 4.0"
    assert json.loads((folder / "vocab" / "strings.json").read_text("utf-8")) == ["LOC", "ORG", "PERSON"]


@pytest.mark.parametrize("text, person", [
    pytest.param("Bupati Jember Hendy Siswanto meresmikan Pasar Tanjung.", "Hendy Siswanto", id="after-title"),
    pytest.param("Produk keripik buatan Siti Aminah laris diburu pengunjung.", "Siti Aminah", id="no-cue"),
    pytest.param("Kepala Dinas Koperasi Kabupaten Sleman Bambang Wiyono membuka pelatihan.", "Bambang Wiyono",
                 id="after-a-long-office"),
])
def test_finds_persons(ner, text, person):
    assert (person, "PERSON") in {(e.text, e.label_) for e in ner(text).ents}


@pytest.mark.parametrize("text, org", [
    pytest.param("Ketua Koperasi Sumber Rejeki, Darsono, menerima bantuan dari Bank Jateng.", "Bank Jateng",
                 id="bank"),
])
def test_finds_organisations(ner, text, org):
    assert (org, "ORG") in {(e.text, e.label_) for e in ner(text).ents}


def test_windows_skip_what_rules_explained():
    text = "Bupati Jember Hendy Siswanto bertemu Siti Aminah di Pendopo Wahyawibawagraha."
    person = (text.index("Hendy"), text.index("Hendy") + len("Hendy Siswanto"))
    windows = ner_windows(text, [(0, len(text))], [person], context=0)
    got = [text[a:b] for a, b in windows]
    assert "Siti Aminah" in got and all("Hendy" not in w for w in got)


def test_windows_take_context_to_word_boundaries():
    text = "Produk keripik buatan Siti Aminah laris diburu pengunjung."
    [(a, b)] = ner_windows(text, [(0, len(text))], context=8)
    assert text[a:b] == "keripik buatan Siti Aminah laris diburu"
