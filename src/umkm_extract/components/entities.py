"""umkm_regions, umkm_persons, umkm_dates, umkm_counts: the entity layer."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..rules.counts import find_counts
from ..rules.dates import find_dates
from ..lexicon import UserLexicon, load_user_lexicon
from ..records import Person
from ..rules.gazetteer import gazetteer
from ..rules.persons import candidate_mentions, find_person_mentions, group_persons
from ..rules.regions import find_regions
from . import set_spans, state, word_index


def user_lexicon(path: str | None) -> UserLexicon | None:
    """The user lexicon of a component's ``lexicon`` setting (a JSON file; see ``umkm_extract.lexicon``)."""
    return load_user_lexicon(path) if path else None


@Language.factory("umkm_regions", assigns=["doc._.umkm", "doc.spans"], default_config={"lexicon": None})
def make_regions(nlp: Language, name: str, lexicon: str | None) -> "RegionsComponent":
    return RegionsComponent(user_lexicon(lexicon))


class RegionsComponent:
    def __init__(self, lexicon: UserLexicon | None = None) -> None:
        self.aliases = lexicon.region_aliases if lexicon else ()
        if self.aliases:
            gazetteer(self.aliases)  # checks the aliases now: a bad one raises here, not at the first article

    def __call__(self, doc: Doc) -> Doc:
        st = state(doc)
        mentions = find_regions(st["text"], spans=st["structure"].body, index=word_index(doc), aliases=self.aliases)
        st["region_mentions"] = mentions
        set_spans(doc, "umkm_regions", [(m.start, m.end, m.level.upper()) for m in mentions])
        return doc


@Language.factory("umkm_persons", assigns=["doc._.umkm", "doc.spans"], default_config={"lexicon": None})
def make_persons(nlp: Language, name: str, lexicon: str | None) -> "PersonsComponent":
    return PersonsComponent(user_lexicon(lexicon))


class PersonsComponent:
    def __init__(self, lexicon: UserLexicon | None = None) -> None:
        self.lexicon = lexicon

    def __call__(self, doc: Doc) -> Doc:
        st = state(doc)
        st["user_lexicon"] = self.lexicon  # the NER's candidates are judged with the same lexicon
        text, body, regions = st["text"], st["structure"].body, st["region_mentions"]
        mentions = find_person_mentions(text, spans=body, regions=regions, index=word_index(doc), lexicon=self.lexicon)
        if doc.has_annotation("TAG"):  # the optional statistical tagger: its proper-noun runs are candidates
            from .tagger import proper_noun_runs

            mentions += candidate_mentions(text, tuple(proper_noun_runs(doc)), spans=body, regions=regions,
                                           known=mentions, lexicon=self.lexicon)
        st["person_mentions"] = mentions
        set_persons(doc, group_persons(text, mentions, spans=body))
        return doc


def set_persons(doc: Doc, persons: list[Person]) -> None:
    """Store the persons of a document (state and the ``umkm_persons`` span group)."""
    state(doc)["persons"] = persons
    set_spans(doc, "umkm_persons", [(s, e, "OFFICIAL" if p.is_official else "PERSON")
                                    for p in persons for s, e in p.mentions])


@Language.factory("umkm_dates", assigns=["doc._.umkm", "doc.spans"], default_config={})
def make_dates(nlp: Language, name: str) -> "DatesComponent":
    return DatesComponent()


class DatesComponent:
    def __call__(self, doc: Doc) -> Doc:
        st = state(doc)
        dates = find_dates(st["text"], anchor=st["published"], spans=st["structure"].body,
                           index=word_index(doc))
        st["date_mentions"] = dates
        set_spans(doc, "umkm_dates", [(d.start, d.end, "DATE") for d in dates])
        return doc


@Language.factory("umkm_counts", assigns=["doc._.umkm", "doc.spans"], default_config={})
def make_counts(nlp: Language, name: str) -> "CountsComponent":
    return CountsComponent()


class CountsComponent:
    def __call__(self, doc: Doc) -> Doc:
        st = state(doc)
        exclude = [(d.start, d.end) for d in st["date_mentions"]]
        counts = find_counts(st["text"], spans=st["structure"].body, exclude=exclude, index=word_index(doc))
        st["count_mentions"] = counts
        set_spans(doc, "umkm_counts", [(c.start, c.end, "MONEY" if c.unit == "rupiah" else "COUNT") for c in counts])
        return doc
