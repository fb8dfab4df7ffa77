"""umkm_organizations and umkm_events: organisations for roles, then event records with evidence."""
from __future__ import annotations

from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc

from ..rules.events import EventLexicon, default_lexicon, find_events, load_lexicon
from ..rules.organizations import find_organizations
from ..rules.structure import split_sentences
from . import set_spans, state, word_index


@Language.factory("umkm_events", assigns=["doc._.umkm", "doc.spans"],
                  default_config={"extra_lexicon": None, "lexicon": None})
def make_events(nlp: Language, name: str, extra_lexicon: str | None, lexicon: str | None) -> "EventsComponent":
    """``extra_lexicon``: a file of extra event types and rules; ``lexicon``: a user lexicon (its
    ``organization_heads`` open organisation names)."""
    from .entities import user_lexicon

    user = user_lexicon(lexicon)
    return EventsComponent(load_lexicon(Path(extra_lexicon)) if extra_lexicon else default_lexicon(),
                           org_heads=user.organization_heads if user else ())


class EventsComponent:
    def __init__(self, lexicon: EventLexicon, *, org_heads: tuple[str, ...] = ()) -> None:
        self.lexicon = lexicon
        self.org_heads = org_heads

    def __call__(self, doc: Doc) -> Doc:
        st = state(doc)
        text = st["text"]
        body = st["structure"].body
        persons = st["persons"]
        person_spans = [(s, e) for p in persons for s, e in p.mentions]
        orgs = find_organizations(text, spans=body, exclude=person_spans, index=word_index(doc), heads=self.org_heads)
        st["organizations"] = orgs
        sentences = [s for a, b in body for s in split_sentences(text, a, b)]
        st["sentences"] = sentences
        events = find_events(text, sentences=sentences, persons=persons, organizations=orgs,
                             dates=st["date_mentions"], counts=st["count_mentions"], lexicon=self.lexicon,
                             index=word_index(doc), published=st["published"])
        st["events"] = events
        set_spans(doc, "umkm_orgs", [(o.start, o.end, "ORG") for o in orgs])
        set_spans(doc, "umkm_events", [(e.trigger_start, e.trigger_end, e.type) for e in events])
        return doc
