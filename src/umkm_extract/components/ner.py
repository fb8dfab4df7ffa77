"""umkm_ner: the shipped statistical NER (PERSON, ORG, LOC), run only where it can change a result.

A whole article costs the NER about ten times what the rules cost, so it reads **windows**: each run of two or
more capitalised words in the body that no region mention covers, with a few words of context on each side
(`ner_windows`, a pure function). Its PERSON spans become candidates for ``umkm_persons`` (rules and context
decide: ``rules.persons.find_persons``); all its spans are kept in ``doc._.umkm["ner"]`` and ``doc.spans["umkm_ner"]``.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import regex as re
from spacy.language import Language
from spacy.tokens import Doc

from ..rules.regions import RegionMention
from . import set_spans, state

__all__ = ["NerComponent", "ner_windows", "CONTEXT_CHARS"]

Span = tuple[int, int]
_CAP_RUN = re.compile(r"(?<![\p{L}\p{N}])\p{Lu}[\p{L}'’\-]*\.?(?:[ ]+\p{Lu}[\p{L}'’\-]*\.?){1,5}")
CONTEXT_CHARS = 30


def ner_windows(text: str, body: Sequence[Span], regions: Sequence[RegionMention] = (),
                context: int = CONTEXT_CHARS) -> list[Span]:
    """Character windows around the capitalised runs (two words or more) of the body that no region covers,
    widened by ``context`` characters to word boundaries inside the body span, overlapping windows joined."""
    covered = sorted((r.start, r.end) for r in regions)
    out: list[Span] = []
    for a, b in body:
        for m in _CAP_RUN.finditer(text, a, b):
            s, e = m.span()
            if any(x <= s and e <= y for x, y in covered):
                continue
            ws = text.rfind(" ", a, max(a, s - context))
            ws = a if ws < 0 else ws + 1
            we = text.find(" ", min(b, e + context), b)
            we = b if we < 0 else we
            if out and ws <= out[-1][1]:
                out[-1] = (out[-1][0], max(out[-1][1], we))
            else:
                out.append((ws, we))
    return out


@Language.factory("umkm_ner", assigns=["doc._.umkm", "doc.spans"], requires=["doc._.umkm"],
                  default_config={"batch_size": 256})
def make_ner(nlp: Language, name: str, batch_size: int) -> "NerComponent":
    return NerComponent(batch_size=batch_size)


class NerComponent:
    def __init__(self, *, batch_size: int = 256, model: Any = None) -> None:
        self.batch_size = batch_size
        self._model = model

    @property
    def model(self) -> Any:
        if self._model is None:
            from ..models import load_model

            self._model = load_model("ner")
        return self._model

    def __call__(self, doc: Doc) -> Doc:
        st = state(doc)
        text = st["text"]
        windows = ner_windows(text, st["structure"].body, st.get("region_mentions", ()))
        spans: list[tuple[int, int, str]] = []
        for (ws, _), wdoc in zip(windows, self.model.pipe((text[a:b] for a, b in windows), batch_size=self.batch_size)):
            spans.extend((ws + e.start_char, ws + e.end_char, e.label_) for e in wdoc.ents)
        st["ner"] = spans
        set_spans(doc, "umkm_ner", spans)
        return doc

    def to_disk(self, path: Any, *, exclude: Any = ()) -> None:  # the model stays in the package
        from pathlib import Path

        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: Any, *, exclude: Any = ()) -> "NerComponent":
        return self
