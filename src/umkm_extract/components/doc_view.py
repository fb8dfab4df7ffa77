"""umkm_doc: the results in spaCy's own attributes, for spaCy users and tools (displaCy, DocBin, Matcher).

- ``doc.ents``: persons (``PERSON``, every mention), organisations (``ORG``) and regions (``LOC``, with the
  Kemendagri code as ``kb_id_``), longest first where they overlap;
- sentence starts (``doc.sents``): the sentences the events component read in the body; the header and any
  text outside the body make one sentence each.
"""
from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from . import char_spans, state, token_index

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
        items: list[tuple[int, int, str]] = []
        kb: list[str] = []
        for p in st.get("persons", ()):
            for s, e in p.mentions:
                items.append((s, e, "PERSON"))
                kb.append("")
        for o in st.get("organizations", ()):
            items.append((o.start, o.end, "ORG"))
            kb.append("")
        for m in st.get("region_mentions", ()):
            if m.entry is not None:
                items.append((m.start, m.end, "LOC"))
                kb.append(m.entry.code)
        doc.set_ents(filter_spans(char_spans(doc, items, kb)), default="outside")
        # sentence starts as one array: 1 starts a sentence, -1 does not (spaCy's uint64 attribute arrays
        # write -1 as its two's complement, as Doc.to_array does)
        starts = numpy.full((len(doc), 1), numpy.iinfo(numpy.uint64).max, dtype=numpy.uint64)
        starts[0, 0] = 1
        for s, _ in st.get("sentences", ()):
            i = token_index(doc, s)
            if i < len(doc):
                starts[i, 0] = 1
        for _, b in st["structure"].body:  # text after a body span starts a sentence of its own
            i = token_index(doc, b)
            if i < len(doc):
                starts[i, 0] = 1
        doc.from_array([SENT_START], starts)
        return doc
