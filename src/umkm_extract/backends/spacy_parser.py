"""The shipped spaCy dependency parser (``umkm_extract.model_path("parser")``) as a role parser.

Trained offline on the UD Indonesian treebanks (``training/train_parser.py``; CC BY-SA, see the model's
ATTRIBUTION.md). ``SpacyParser`` has the ``Parser`` shape of the role component (texts in, sentences of
``DepWord`` out, offsets relative to each text), so ``backends.deps.refine_roles`` reads its trees exactly as it
reads stanza's. Each text is parsed as one sentence: the role component passes event sentences only.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from spacy.tokens import Doc

from .deps import DepWord

__all__ = ["SpacyParser", "parse_sentences", "words_from_spacy"]


def words_from_spacy(doc: Doc, offset: int = 0) -> list[DepWord]:
    """The parsed Doc as one sentence of DepWords (UD ids from 1, head 0 for the root; offsets + ``offset``).

    Whitespace tokens (line breaks inside a span) are left out and the ids stay consecutive; a word whose head
    is such a token takes that token's head. A Doc the parser split into several sentences still gives one
    tree: each later root hangs from the first root as ``parataxis`` (what UD writes for run-on clauses)."""
    kept = [t for t in doc if not t.is_space]
    ids = {t.i: k for k, t in enumerate(kept, 1)}

    def head_of(t):  # type: ignore[no-untyped-def]
        h = t.head
        while h.i != t.i and h.i not in ids and h.head.i != h.i:
            h = h.head
        return h

    roots = [t for t in kept if t.head.i == t.i or head_of(t).i not in ids]
    first_root = roots[0].i if roots else (kept[0].i if kept else 0)
    words = []
    for t in kept:
        h = head_of(t)
        if t.head.i == t.i or h.i not in ids:
            head, rel = (0, "root") if t.i == first_root else (ids[first_root], "parataxis")
        else:
            head, rel = ids[h.i], t.dep_
        words.append(DepWord(ids[t.i], t.text, head, rel, t.idx + offset, t.idx + len(t.text) + offset,
                             t.tag_ or t.pos_, t.lemma_))
    return words


def parse_sentences(text: str, spans: Sequence[tuple[int, int]], nlp: Any = None, *,
                    batch_size: int = 256) -> list[list[DepWord]]:
    """Parse only the character ``spans`` of ``text`` (the event sentences), one tree per span, batched with
    ``nlp.pipe``. The DepWords' ``start_char``/``end_char`` are offsets into ``text`` itself; ids are 1-based per
    span, head 0 is the root. ``nlp``: the shipped parser (``load_model("parser")``) unless given."""
    if nlp is None:
        from ..models import load_model

        nlp = load_model("parser")
    for s, e in spans:
        if not 0 <= s <= e <= len(text):
            raise ValueError(f"span {(s, e)} lies outside the text (length {len(text)})")
    docs = nlp.pipe((text[s:e] for s, e in spans), batch_size=batch_size)
    return [words_from_spacy(doc, s) for doc, (s, _) in zip(docs, spans)]


class SpacyParser:
    """Parses texts with the shipped model (loaded once, on first use); ``nlp``: another spaCy pipeline with a
    parser, e.g. for tests."""

    def __init__(self, nlp: Any = None, *, batch_size: int = 64) -> None:
        self._nlp = nlp
        self.batch_size = batch_size

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            from ..models import load_model

            self._nlp = load_model("parser")
        return self._nlp

    def __call__(self, texts: Sequence[str]) -> list[list[list[DepWord]]]:
        return [[words_from_spacy(doc)] for doc in self.nlp.pipe(texts, batch_size=self.batch_size)]
