"""umkm_ner: the shipped statistical NER (PERSON, ORG, LOC), run only where it can change a result.

A whole article costs the NER several times what all the rules cost, so it runs after ``umkm_persons`` and
reads **windows** only: each run of two or more capitalised words in the body that no region and no person the
rules found touches, with a few characters of context on each side (`ner_windows`, a pure function). Its PERSON
spans are candidates that rules and context decide on (``rules.persons.candidate_mentions``); the persons are
then grouped again with the rule mentions. All its spans are kept in ``doc._.umkm["ner"]`` and
``doc.spans["umkm_ner"]``.

A **one-line text** (`is_one_line`: no headline, one line of at most ``ONE_LINE_WORDS`` words, such as a sentence
given alone) has no article around it, so no title, dateline or quote for the rules to read: there the NER reads the
whole text and its PERSON spans are persons unless the rules know them for something else: a region, an
organisation (the user lexicon's heads too), a group or a named place, a common word (``rules.persons.ner_person_mentions``). That is the one place the default profile runs the NER
(``scope="one_line"``): a short text costs little, and articles keep the rules' speed. ``scope="windows"`` (the
``accurate`` profile) reads the windows of articles too.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import regex as re
from spacy.language import Language
from spacy.tokens import Doc

from ..rules.organizations import find_organizations
from ..rules.persons import candidate_mentions, confirm_mentions, group_persons, ner_person_mentions
from ..rules.structure import Structure
from . import set_spans, state
from .entities import set_persons

__all__ = ["NerComponent", "ner_windows", "is_one_line", "CONTEXT_CHARS", "ONE_LINE_WORDS", "SCOPES"]

Span = tuple[int, int]
_CAP_RUN = re.compile(r"(?<![\p{L}\p{N}])\p{Lu}[\p{L}'’\-]*\.?(?:[ ]+\p{Lu}[\p{L}'’\-]*\.?){1,5}")
CONTEXT_CHARS = 12
ONE_LINE_WORDS = 150  # a paragraph given alone; NERGrit's longest sentences have 90 (test) and 132 (valid) words
SCOPES = ("one_line", "windows")


def is_one_line(text: str, structure: Structure, max_words: int = ONE_LINE_WORDS) -> bool:
    """Whether a text is one line of body, at most ``max_words`` words, with no headline: a sentence given alone."""
    if structure.title is not None or len(structure.body) != 1:
        return False
    a, b = structure.body[0]
    body = text[a:b].strip()
    return "\n" not in body and len(body.split()) <= max_words


def ner_windows(text: str, body: Sequence[Span], covered: Sequence[Span] = (),
                context: int = CONTEXT_CHARS) -> list[Span]:
    """Character windows around the capitalised runs (two words or more) of the body that no ``covered`` span
    (regions, persons found by rules) overlaps, widened by ``context`` characters to word boundaries inside the
    body span, overlapping windows joined."""
    out: list[Span] = []
    for a, b in body:
        for m in _CAP_RUN.finditer(text, a, b):
            s, e = m.span()
            if any(x < e and s < y for x, y in covered):
                continue  # the rules read this run already (a region, a person)
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
                  default_config={"batch_size": 256, "scope": "windows"})
def make_ner(nlp: Language, name: str, batch_size: int, scope: str) -> "NerComponent":
    return NerComponent(batch_size=batch_size, scope=scope)


class NerComponent:
    def __init__(self, *, batch_size: int = 256, model: Any = None, scope: str = "windows") -> None:
        if scope not in SCOPES:
            raise ValueError(f"scope must be one of {SCOPES}, got {scope!r}")
        self.batch_size = batch_size
        self.scope = scope
        self._model = model

    # not named `model`: spaCy looks for a `model` attribute on components (a trainable pipe's thinc model)
    @property
    def ner_model(self) -> Any:
        """The shipped NER pipeline, loaded on first use (or the one given to the constructor)."""
        if self._model is None:
            from ..models import load_model

            self._model = load_model("ner")
        return self._model

    def __call__(self, doc: Doc) -> Doc:
        st = state(doc)
        text, body, regions = st["text"], st["structure"].body, st.get("region_mentions", ())
        mentions = st.get("person_mentions", [])
        one_line = is_one_line(text, st["structure"])
        if one_line:
            windows = list(body)
        elif self.scope == "windows":
            windows = ner_windows(text, body, [(r.start, r.end) for r in regions] + [(m.start, m.end) for m in mentions])
        else:
            return doc  # an article, and the NER reads one-line texts only
        spans: list[tuple[int, int, str]] = []
        for (ws, _), wdoc in zip(windows, self.ner_model.pipe((text[a:b] for a, b in windows), batch_size=self.batch_size)):
            spans.extend((ws + e.start_char, ws + e.end_char, e.label_) for e in wdoc.ents)
        st["ner"] = spans
        set_spans(doc, "umkm_ner", spans)
        persons = [(s, e) for s, e, label in spans if label == "PERSON"]
        if one_line:  # no cues around: the NER's spans decide, and back the rules' weak mentions
            confirmed = confirm_mentions(mentions, persons)
            user = st.get("user_lexicon")
            heads = user.organization_heads if user else ()
            orgs = [(o.start, o.end) for o in find_organizations(text, spans=body, heads=heads)]
            found = ner_person_mentions(text, persons, regions=regions, organizations=orgs, known=confirmed,
                                        lexicon=user)
            changed = bool(found) or confirmed != mentions
            mentions = confirmed
        else:
            found = candidate_mentions(text, persons, spans=body, regions=regions, known=mentions,
                                       lexicon=st.get("user_lexicon"))
            changed = bool(found)
        if changed:
            st["person_mentions"] = mentions = mentions + found
            set_persons(doc, group_persons(text, mentions, spans=body))
        return doc

    def to_disk(self, path: Any, *, exclude: Any = ()) -> None:  # the model stays in the package
        from pathlib import Path

        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: Any, *, exclude: Any = ()) -> "NerComponent":
        return self
