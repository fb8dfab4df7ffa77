"""The lean tokenizer keeps the text exactly and agrees with spaCy's Indonesian tokens on our corpus."""
from __future__ import annotations

import spacy

from umkm_extract.tokenizer import LeanTokenizer

from .conftest import CORPUS


def test_roundtrip_and_tokens():
    nlp = spacy.blank("id")
    tok = LeanTokenizer(nlp.vocab)
    text = "Sebanyak 1.948 koperasi  aktif, Jum'at (23/9/2024)\n\nkata H. Ahmad: \"Rp2,5 juta\"."
    doc = tok(text)
    assert doc.text == text
    words = [t.text for t in doc if not t.is_space]
    assert "1.948" in words and "Jum'at" in words and "23/9/2024" in words


def test_agrees_with_spacy_id_on_corpus():
    nlp = spacy.blank("id")
    tok = LeanTokenizer(nlp.vocab)
    same = total = 0
    for f in sorted(CORPUS.glob("*.txt")):
        text = f.read_text("utf-8")
        ours = {(t.idx, t.idx + len(t)) for t in tok(text) if not t.is_space}
        ref = {(t.idx, t.idx + len(t)) for t in nlp(text) if not t.is_space}
        assert tok(text).text == text
        same += len(ours & ref)
        total += len(ref)
    if total:
        assert same / total >= 0.95
