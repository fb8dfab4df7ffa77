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

__all__ = ["SpacyParser", "words_from_spacy"]


def words_from_spacy(doc: Doc, *, offset: int = 0) -> list[DepWord]:
    """The parsed Doc as one sentence of DepWords (UD ids from 1, head 0 for the root; offsets + ``offset``).

    A Doc the parser split into several sentences still gives one tree: each later root hangs from the first
    root as ``parataxis`` (what UD writes for run-on clauses)."""
    first_root = next((t.i for t in doc if t.dep_ == "ROOT" or t.head.i == t.i), 0)
    words = []
    for t in doc:
        if t.is_space:
            continue
        if t.head.i == t.i:
            head, rel = (0, "root") if t.i == first_root else (first_root + 1, "parataxis")
        else:
            head, rel = t.head.i + 1, t.dep_
        words.append(DepWord(t.i + 1, t.text, head, rel, t.idx + offset, t.idx + len(t.text) + offset,
                             t.tag_ or t.pos_, t.lemma_))
    return words


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
