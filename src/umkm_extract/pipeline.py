"""build_nlp(): a blank Indonesian pipeline with the umkm_extract components, in one ordered list."""
from __future__ import annotations

import spacy
from spacy.language import Language

from . import tokenizer as _tokenizer  # noqa: F401  (registers umkm.LeanTokenizer.v1)
from .components import entities as _entities  # noqa: F401  (registers the factories)
from .components import events as _events  # noqa: F401
from .components import doc_view as _doc_view  # noqa: F401
from .components import ner as _ner  # noqa: F401
from .components import structure as _structure  # noqa: F401

PIPELINE: tuple[str, ...] = (
    "umkm_structure",
    "umkm_regions",
    "umkm_persons",
    "umkm_ner",
    "umkm_dates",
    "umkm_counts",
    "umkm_events",
    "umkm_doc",
)


PROFILES = ("fast", "accurate")


def build_nlp(*, lean_tokenizer: bool = True, profile: str = "fast", doc_view: bool = True,
              lexicon: str | None = None, events: str | None = None) -> Language:
    """A ``spacy.blank("id")`` pipeline with our components; the lean tokenizer unless asked otherwise.

    ``profile="fast"`` (default): rules on articles; the shipped statistical NER (``umkm_ner``, trained offline
    on NERGrit and annotated regional news) reads one-line texts only (a sentence given alone, where the rules
    have no context to read). ``profile="accurate"``: the NER also reads the capitalised runs of articles that no
    rule explained, after ``umkm_persons``; its PERSON spans become person candidates that rules and context
    decide on. More persons found (recall), several times slower (README, "Profiles").

    The shipped POS tagger (``umkm_tagger``) stays available as a component: ``nlp.add_pipe("umkm_tagger",
    first=True)`` makes its proper-noun runs person candidates too.

    ``doc_view=False`` leaves out ``umkm_doc`` (``doc.ents`` and sentence starts for spaCy users): the
    ``Extractor`` does, since the records do not read them. ``lexicon``: a user lexicon file (titles, region
    aliases, name stopwords, organisation heads: ``umkm_extract.lexicon``); ``events``: a file of extra
    event types and rules."""
    if profile not in PROFILES:
        raise ValueError(f"profile must be one of {PROFILES}, got {profile!r}")
    config = {"nlp": {"tokenizer": {"@tokenizers": "umkm.LeanTokenizer.v1"}}} if lean_tokenizer else {}
    nlp = spacy.blank("id", config=config)
    settings: dict[str, dict[str, object]] = {}
    if lexicon is not None:
        for name in ("umkm_regions", "umkm_persons", "umkm_events"):
            settings.setdefault(name, {})["lexicon"] = lexicon
    if events is not None:
        settings.setdefault("umkm_events", {})["extra_lexicon"] = events
    settings["umkm_ner"] = {"scope": "windows" if profile == "accurate" else "one_line"}
    for name in PIPELINE:
        if doc_view or name != "umkm_doc":
            nlp.add_pipe(name, config=settings.get(name, {}))
    return nlp
