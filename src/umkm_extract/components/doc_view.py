"""umkm_doc: the results in spaCy's own attributes, for spaCy users and tools (displaCy, DocBin, Matcher).

- ``doc.ents``: persons (``PERSON``, every mention), organisations (``ORG``) and regions (``LOC``, with the
  Kemendagri code as ``kb_id_``), longest first where they overlap;
- sentence starts (``doc.sents``): the sentences the events component read in the body; the header and any
  text outside the body make one sentence each.
"""
from __future__ import annotations

from bisect import bisect_left

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from . import state

__all__ = ["DocViewComponent"]


@Language.factory("umkm_doc", assigns=["doc.ents", "token.is_sent_start"], requires=["doc._.umkm"],
                  default_config={})
def make_doc_view(nlp: Language, name: str) -> "DocViewComponent":
    return DocViewComponent()


class DocViewComponent:
    def __call__(self, doc: Doc) -> Doc:
        st = state(doc)
        if not len(doc):
            return doc
        starts = [t.idx for t in doc]
        spans: list[Span] = []

        def add(s: int, e: int, label: str, kb_id: str = "") -> None:
            sp = doc.char_span(s, e, label=label, kb_id=kb_id, alignment_mode="expand")
            if sp is not None and len(sp):
                spans.append(sp)

        for p in st.get("persons", ()):
            for s, e in p.mentions:
                add(s, e, "PERSON")
        for o in st.get("organizations", ()):
            add(o.start, o.end, "ORG")
        for m in st.get("region_mentions", ()):
            if m.entry is not None:
                add(m.start, m.end, "LOC", m.entry.code)
        doc.set_ents(filter_spans(spans), default="outside")
        sent_starts = {0} | {bisect_left(starts, s) for s, _ in st.get("sentences", ())}
        for a, b in st["structure"].body:  # text after a body span starts a sentence of its own
            sent_starts.add(bisect_left(starts, b))
        for t in doc:
            t.is_sent_start = t.i in sent_starts
        return doc
