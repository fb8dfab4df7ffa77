"""umkm_tagger: a statistical part-of-speech tagger for Indonesian news, shipped in the package.

The model in ``umkm_extract/data/tagger/`` (a spaCy tok2vec + tagger pipeline, no vectors, a few MB)
was trained offline by ``training/train_tagger.py`` on the kumparan POS corpus of nlp-id (MIT),
re-tokenised the way ``umkm.LeanTokenizer.v1`` tokenises. Its tag set is the corpus's: NNP (proper
noun), NN, VB, JJ, ADV, NUM, SYM, IN, CC, SC, PR, DT, RP, NEG, FW, UH; whitespace tokens get ``_SP``.

The component sets ``token.tag_`` on our Doc; ``proper_noun_runs`` turns the tags into character
spans of consecutive proper nouns, the raw material for person and organisation candidates
("kata pemilik usaha keripik, Siti Aminah" → "Siti Aminah"). The model is loaded once, on first
use, from the package directory (no network).
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Union

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from .. import tokenizer as _tokenizer  # noqa: F401  (registers umkm.LeanTokenizer.v1 for the model's config)

__all__ = ["TaggerComponent", "load_tagger", "tagger_path", "proper_noun_runs", "PROPER_NOUN", "SPACE_TAG"]

PROPER_NOUN = "NNP"
SPACE_TAG = "_SP"
CharSpan = tuple[int, int]
TaggedItem = tuple[int, int, str]


def tagger_path() -> Path:
    """The directory of the shipped model."""
    path = Path(str(resources.files("umkm_extract.data").joinpath("tagger")))
    if not (path / "config.cfg").is_file():
        raise FileNotFoundError(f"the shipped tagger model is missing: expected a spaCy pipeline in {path}")
    return path


@cache
def load_tagger() -> Language:
    """The shipped tok2vec + tagger pipeline, loaded once (offline, from the package directory)."""
    return spacy.load(tagger_path())


@Language.factory("umkm_tagger", assigns=["token.tag"], default_config={"batch_size": 64})
def make_tagger(nlp: Language, name: str, batch_size: int) -> "TaggerComponent":
    return TaggerComponent(batch_size=batch_size)


class TaggerComponent:
    """Sets ``token.tag_`` with the shipped model; leaves ``doc.tensor`` as it found it."""

    def __init__(self, *, batch_size: int = 64) -> None:
        self.batch_size = batch_size

    def __call__(self, doc: Doc) -> Doc:
        self._tag([doc])
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int | None = None) -> Iterator[Doc]:
        for batch in minibatch(stream, size=batch_size or self.batch_size):
            self._tag(batch)
            yield from batch

    @staticmethod
    def _tag(docs: list[Doc]) -> None:
        model = load_tagger()
        tagger = model.get_pipe("tagger")
        labels = tagger.labels
        for vocab in {id(d.vocab): d.vocab for d in docs}.values():
            for label in (*labels, SPACE_TAG):  # the tagger writes hashes: our vocab must know the strings
                vocab.strings.add(label)
        tensors = [d.tensor for d in docs]
        for _, proc in model.pipeline:  # tok2vec writes doc.tensor, the tagger's listener reads it
            proc.set_annotations(docs, proc.predict(docs))  # type: ignore[attr-defined]
        for doc, tensor in zip(docs, tensors):
            doc.tensor = tensor
            for tok in doc:
                if tok.is_space:
                    tok.tag_ = SPACE_TAG


def _items(doc_or_tags: Union[Doc, Sequence[TaggedItem]]) -> list[TaggedItem]:
    if isinstance(doc_or_tags, Doc):
        return [(t.idx, t.idx + len(t.text), t.tag_) for t in doc_or_tags]
    return [(int(s), int(e), str(tag)) for s, e, tag in doc_or_tags]


def proper_noun_runs(doc_or_tags: Union[Doc, Sequence[TaggedItem]], *, text: str | None = None,
                     tag: str = PROPER_NOUN) -> list[CharSpan]:
    """Character spans of maximal runs of consecutive proper-noun tokens.

    ``doc_or_tags`` is a tagged Doc or a sequence of ``(start_char, end_char, tag)`` in text order.
    Tokens are consecutive when they are neighbours in the sequence (tokens of spaces or tabs
    between them do not count) and only spaces or tabs lie between them: a line break ends a run. An initial's period between two proper nouns joins them
    ("M. Rizal", "Hj. Siti"): the tagger tags the period SYM, but a name goes on across it; that
    needs the text, which a Doc carries and which a sequence of tuples takes as ``text=``.

    The tags follow the training corpus's conventions: a title or unit before a name is often NNP too
    ("Bupati Jember Hendy Siswanto" may be one run), and a sentence-initial "PT" is NN, so a run can
    start at the company's name ("Sinar Jaya Abadi"). Callers trim or extend runs with their own lexicons.

    >>> proper_noun_runs([(0, 4, "NNP"), (5, 10, "NNP"), (11, 16, "VB")])
    [(0, 10)]
    """
    items = _items(doc_or_tags)
    if isinstance(doc_or_tags, Doc):
        text = doc_or_tags.text
    runs: list[CharSpan] = []
    start: int | None = None
    end = 0
    i = 0
    while i < len(items):
        s, e, t = items[i]
        if start is not None and text is not None and _gap_ok(text[s:e]):
            pass  # extra spaces inside a name ("Siti  Aminah"): neither part of the run nor its end
        elif t == tag:
            if start is not None and (text is None or _gap_ok(text[end:s])):
                end = e
            else:
                if start is not None:
                    runs.append((start, end))
                start, end = s, e
        elif (start is not None and text is not None and text[s:e] == "." and s == end
              and i + 1 < len(items) and items[i + 1][2] == tag and _is_initial(text[_word_start(text, end):end])
              and _gap_ok(text[e:items[i + 1][0]])):
            end = e  # "M." + "Rizal": the next token continues the run
        elif start is not None:
            runs.append((start, end))
            start = None
        i += 1
    if start is not None:
        runs.append((start, end))
    return runs


def _gap_ok(gap: str) -> bool:
    return all(ch in " \t\u00a0" for ch in gap)


def _word_start(text: str, end: int) -> int:
    i = end
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    return i


def _is_initial(word: str) -> bool:
    """"M", "H", "Hj", "Moh", "Dr", "Ir": a capitalised abbreviation of at most three letters."""
    return 1 <= len(word) <= 3 and word[0].isupper()
