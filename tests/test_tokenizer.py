"""The lean tokenizer keeps the text exactly, agrees with spaCy's Indonesian tokens on our corpus,
and gives the same tokens as the reference algorithm it was sped up from."""
from __future__ import annotations

from collections import Counter

import pytest
import regex as re
import spacy
from hypothesis import given
from hypothesis import strategies as st

from umkm_extract.tokenizer import LeanTokenizer

from .conftest import CORPUS

_NLP = spacy.blank("id")
TOK = LeanTokenizer(_NLP.vocab)

# The first LeanTokenizer, kept as the specification of its tokens: tokens by one finditer, each
# gap of whitespace between them gives one leading " " to the token before it, the rest is a token.
_REF_TOKEN = re.compile(r"\p{N}+(?:[.,:/]\p{N}+)*|[\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*|\S")


def reference_tokens(text: str) -> list[tuple[str, bool]]:
    words: list[str] = []
    spaces: list[bool] = []
    pos = 0
    for m in _REF_TOKEN.finditer(text):
        s, e = m.span()
        if s > pos:
            gap = text[pos:s]
            if words and gap == " ":
                spaces[-1] = True
            else:
                if words and gap.startswith(" "):
                    spaces[-1] = True
                    gap = gap[1:]
                words.append(gap)
                spaces.append(False)
        words.append(m.group())
        spaces.append(False)
        pos = e
    if pos < len(text):
        gap = text[pos:]
        if words and gap.startswith(" "):
            spaces[-1] = True
            gap = gap[1:]
        if gap:
            words.append(gap)
            spaces.append(False)
    return list(zip(words, spaces))


def lean_tokens(text: str) -> list[tuple[str, bool]]:
    return [(t.text, bool(t.whitespace_)) for t in TOK(text)]


def corpus_texts() -> list[tuple[str, str]]:
    return [(f.stem, f.read_text("utf-8")) for f in sorted(CORPUS.glob("*.txt"))]


def test_roundtrip_and_tokens():
    text = "Sebanyak 1.948 koperasi  aktif, Jum'at (23/9/2024)\n\nkata H. Ahmad: \"Rp2,5 juta\"."
    doc = TOK(text)
    assert doc.text == text
    words = [t.text for t in doc if not t.is_space]
    assert "1.948" in words and "Jum'at" in words and "23/9/2024" in words


@pytest.mark.parametrize("text, expected", [
    pytest.param("", [], id="empty"),
    pytest.param(" ", [(" ", False)], id="one-space"),
    pytest.param("  Jember", [("  ", False), ("Jember", False)], id="leading-spaces"),
    pytest.param("Jember  ", [("Jember", True), (" ", False)], id="trailing-spaces"),
    pytest.param("kata  Hendy", [("kata", True), (" ", False), ("Hendy", False)], id="double-space"),
    pytest.param("2024.\n\nBupati", [("2024", False), (".", False), ("\n\n", False), ("Bupati", False)], id="paragraph"),
    pytest.param("aktif \n Jember", [("aktif", True), ("\n ", False), ("Jember", False)], id="space-newline-space"),
    pytest.param("Rp2,5 juta", [("Rp", False), ("2,5", True), ("juta", False)], id="money-glued"),
    pytest.param("ke-dua ke-3\u00a0kali", [("ke-dua", True), ("ke", False), ("-", False), ("3", False), ("\u00a0", False),
                                          ("kali", False)], id="hyphen-words-and-no-break-space"),
    pytest.param("Jum’at (23/9)", [("Jum’at", True), ("(", False), ("23/9", False), (")", False)], id="weekday-date"),
])
def test_tokens_of_shapes(text, expected):
    assert lean_tokens(text) == expected
    assert lean_tokens(text) == reference_tokens(text)


def test_same_tokens_as_reference_on_corpus():
    for name, text in corpus_texts():
        assert TOK(text).text == text, name
        assert lean_tokens(text) == reference_tokens(text), name


# awkward whitespace and marks, or any character but a lone surrogate (spaCy's StringStore cannot hold one)
_TEXTS = st.text(alphabet=st.sampled_from(list("ab Z9.,:/'’-\n\t\r\u00a0\u2009\u3000\u200b\x0b\x85\u2028é\u0301!()\"“”٣"))
                 | st.characters(exclude_categories=("Cs",)), max_size=60)


@given(_TEXTS)
def test_roundtrip_and_reference_on_any_text(text):
    doc = TOK(text)
    assert doc.text == text
    assert lean_tokens(text) == reference_tokens(text)


def agreement() -> tuple[int, int, int, Counter[str]]:
    """Non-space tokens (as character spans) shared by the lean tokenizer and spacy.blank("id")
    on corpus/: (shared, spaCy's, ours, the most frequent differences)."""
    same = n_ref = n_ours = 0
    diffs: Counter[str] = Counter()
    for _, text in corpus_texts():
        ours = {(t.idx, t.idx + len(t)) for t in TOK(text) if not t.is_space}
        ref = {(t.idx, t.idx + len(t)) for t in _NLP(text) if not t.is_space}
        same += len(ours & ref)
        n_ref += len(ref)
        n_ours += len(ours)
        diffs.update(f"spaCy {text[s:e]!r}" for s, e in ref - ours)
        diffs.update(f"lean {text[s:e]!r}" for s, e in ours - ref)
    return same, n_ref, n_ours, diffs


def test_agrees_with_spacy_id_on_corpus(record_property):
    same, n_ref, n_ours, diffs = agreement()
    assert n_ref > 10_000  # the corpus is there
    report = (f"lean vs spacy.blank('id') on corpus/: {same:,} of spaCy's {n_ref:,} tokens identical "
              f"({same / n_ref:.1%}); {same:,} of our {n_ours:,} ({same / n_ours:.1%}); "
              f"most frequent differences: {', '.join(f'{k} ×{v}' for k, v in diffs.most_common(8))}")
    print(report)  # pytest -rP (or -s) shows it
    record_property("token_agreement", round(same / n_ref, 4))
    # the differences are by design: "23/9/2024" and "1.948" stay one token, "H."/"S.E." split the period
    assert same / n_ref >= 0.95, report
    assert same / n_ours >= 0.94, report
