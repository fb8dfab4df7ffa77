"""umkm_structure: body spans, byline and the publication date of an article."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..rules.dates import find_publication_date
from ..rules.structure import parse_structure
from . import set_spans, state


@Language.factory("umkm_structure", assigns=["doc._.umkm", "doc.spans"], default_config={})
def make_structure(nlp: Language, name: str) -> "StructureComponent":
    return StructureComponent()


class StructureComponent:
    def __call__(self, doc: Doc) -> Doc:
        st = state(doc)
        structure = parse_structure(st["text"], headline=st["meta"].get("headline"))
        st["structure"] = structure
        published = st["meta"].get("published")
        st["published_rule"] = "published.meta" if published else None
        if not published:
            found = find_publication_date(st["text"][: structure.header_end or 600] if structure.header_end else st["text"])
            if found is not None:
                published = found.value
                st["published_rule"] = found.rule
        st["published"] = published or None
        set_spans(doc, "umkm_body", [(s, e, "BODY") for s, e in structure.body])
        return doc
