"""The stanza backend: Indonesian tokenize/mwt/pos/lemma/depparse models refine event roles.

Optional extra ``stanza`` (``pip install torch==2.13.0`` — the CPU build — first, then
``pip install "umkm-extract[stanza]"``). Models are never downloaded at run time
(``download_method=None``): they must already be in the model folder (``stanza_dir``, else
``$STANZA_RESOURCES_DIR``, else stanza's default ``~/stanza_resources``). Get them on a machine with
internet with ``python -c "import stanza; stanza.download('id', model_dir='FOLDER')"`` and copy FOLDER.

The component ``umkm_dep_roles`` (after ``umkm_events``) parses the sentence of each event and
refines the event's roles with ``backends.deps.refine_roles``; the parses stay in
``doc._.umkm["dependencies"]`` (sentence start → list of sentences of ``DepWord``).
"""
from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..components import state
from ..rules.events import EventLexicon, default_lexicon
from .deps import DepWord, refine_roles, sentence_at

__all__ = ["StanzaModelsNotFound", "check_models", "default_model_dir", "words_from_stanza", "StanzaParser",
           "DepRolesComponent", "INSTALL_HINT"]

INSTALL_HINT = ('the stanza backend needs stanza: pip install torch==2.13.0 (the CPU build; a bare "torch" may pull '
                'a multi-GB CUDA build), then pip install "umkm-extract[stanza]"')
_REQUIRED = ("tokenize", "pos", "lemma", "depparse")

#: parses texts: for each text, its sentences as DepWord lists with offsets relative to that text
Parser = Callable[[Sequence[str]], list[list[list[DepWord]]]]


class StanzaModelsNotFound(FileNotFoundError):
    """stanza's Indonesian models are not in the expected folder (they are never downloaded at run time)."""


def _import_stanza() -> Any:
    try:
        import stanza
    except ImportError as exc:
        raise ImportError(INSTALL_HINT) from exc
    return stanza


def default_model_dir() -> Path:
    """``$STANZA_RESOURCES_DIR`` or stanza's default folder (``~/stanza_resources``)."""
    env = os.environ.get("STANZA_RESOURCES_DIR")
    if env:
        return Path(env)
    try:
        from stanza.resources.common import DEFAULT_MODEL_DIR
    except ImportError:  # pragma: no cover - checked before
        return Path.home() / "stanza_resources"
    return Path(DEFAULT_MODEL_DIR)


def _missing_message(folder: Path, what: str) -> str:
    return (f"stanza's Indonesian models were not found in {folder} ({what}). umkm_extract never downloads "
            f"models at run time. Expected {folder}/resources.json and {folder}/id/ with "
            f"{', '.join(_REQUIRED)} (and mwt) models. On a machine with internet run\n"
            f"    python -c \"import stanza; stanza.download('id', model_dir='{folder}')\"\n"
            f"and copy that folder here, or pass stanza_dir=… (or set STANZA_RESOURCES_DIR) to the folder "
            f"that holds them.")


def check_models(stanza_dir: str | Path | None = None) -> Path:
    """The model folder, after checking that stanza is installed and the Indonesian models are in it."""
    _import_stanza()
    folder = Path(stanza_dir).expanduser() if stanza_dir is not None else default_model_dir()
    if not (folder / "resources.json").is_file():
        raise StanzaModelsNotFound(_missing_message(folder, "no resources.json"))
    lang = folder / "id"
    missing = [p for p in _REQUIRED if not (lang / p).is_dir() or not any((lang / p).iterdir())]
    if missing:
        raise StanzaModelsNotFound(_missing_message(folder, f"missing: {', '.join('id/' + m for m in missing)}"))
    return folder


def words_from_stanza(doc: Any, *, offset: int = 0) -> list[list[DepWord]]:
    """The sentences of a ``stanza.Document`` as DepWord lists, offsets shifted by ``offset``.

    The words of a multi-word token ("bukunya" → "buku" + "nya") take the token's offsets when stanza
    gives the words none."""
    out: list[list[DepWord]] = []
    for sent in doc.sentences:
        words: list[DepWord] = []
        for w in sent.words:
            s, e = w.start_char, w.end_char
            if s is None or e is None:
                tok = w.parent
                s, e = tok.start_char, tok.end_char
            if s is None or e is None:
                raise ValueError(f"stanza word {w.text!r} has no character offsets; parse raw text or give "
                                 "start_char/end_char in the CoNLL-U MISC column")
            words.append(DepWord(int(w.id), w.text, int(w.head or 0), w.deprel or "dep", int(s) + offset,
                                 int(e) + offset, w.upos or "", w.lemma or ""))
        out.append(words)
    return out


class StanzaParser:
    """A stanza ``Pipeline("id", processors="tokenize,mwt,pos,lemma,depparse")`` built on first use from
    local models only."""

    def __init__(self, stanza_dir: str | Path | None = None, **pipeline_kwargs: Any) -> None:
        self.dir = check_models(stanza_dir)
        self.kwargs = pipeline_kwargs
        self._pipeline: Any = None

    @property
    def pipeline(self) -> Any:
        if self._pipeline is None:
            stanza = _import_stanza()
            procs = ["tokenize", "mwt", "pos", "lemma", "depparse"]
            if not (self.dir / "id" / "mwt").is_dir():
                procs.remove("mwt")
            try:
                self._pipeline = stanza.Pipeline("id", dir=str(self.dir), processors=",".join(procs),
                                                 download_method=None, logging_level="WARN", **self.kwargs)
            except (FileNotFoundError, KeyError, ValueError) as exc:
                raise StanzaModelsNotFound(_missing_message(self.dir, f"stanza could not load them: {exc}")) from exc
        return self._pipeline

    def __call__(self, texts: Sequence[str]) -> list[list[list[DepWord]]]:
        stanza = _import_stanza()
        docs = self.pipeline.bulk_process([stanza.Document([], text=t) for t in texts])
        return [words_from_stanza(d) for d in docs]


@Language.factory("umkm_dep_roles", assigns=["doc._.umkm"], requires=["doc._.umkm"],
                  default_config={"stanza_dir": None, "parser": "stanza"})
def make_dep_roles(nlp: Language, name: str, stanza_dir: str | None, parser: str) -> "DepRolesComponent":
    if parser not in ("stanza", "spacy"):
        raise ValueError(f"umkm_dep_roles: parser must be 'stanza' or 'spacy', got {parser!r}")
    return DepRolesComponent(nlp, stanza_dir=stanza_dir, parser_name=parser)


class DepRolesComponent:
    """Refines ``doc._.umkm["events"]`` with a dependency parse of each event's sentence.

    ``parser`` (any ``Parser``); without one, built on first use: ``parser_name="stanza"`` a ``StanzaParser``
    over ``stanza_dir``, ``"spacy"`` the shipped spaCy parser (``backends.spacy_parser.SpacyParser``)."""

    def __init__(self, nlp: Language | None = None, *, stanza_dir: str | None = None,
                 parser: Parser | None = None, parser_name: str = "stanza") -> None:
        self.nlp = nlp
        self.stanza_dir = stanza_dir
        self.parser = parser
        self.parser_name = parser_name
        self._lex: EventLexicon | None = None

    def _lexicon(self) -> EventLexicon:
        if self._lex is None:
            lex = None
            if self.nlp is not None and "umkm_events" in self.nlp.pipe_names:
                lex = getattr(self.nlp.get_pipe("umkm_events"), "lexicon", None)
            self._lex = lex or default_lexicon()
        return self._lex

    def __call__(self, doc: Doc) -> Doc:
        st = state(doc)
        events = st.get("events") or []
        if not events:
            return doc
        if self.parser is None:
            if self.parser_name == "spacy":
                from .spacy_parser import SpacyParser

                self.parser = SpacyParser()
            else:
                self.parser = StanzaParser(self.stanza_dir)
        lex = self._lexicon()
        voice_of = {r.id: r.voice for r in lex.rules}
        sents = {ev.sentence_start: ev.sentence for ev in events if ev.sentence_start >= 0 and ev.sentence}
        starts = sorted(sents)
        parsed = self.parser([sents[s] for s in starts])
        deps = {s: [[DepWord(w.id, w.text, w.head, w.deprel, w.start_char + s, w.end_char + s, w.upos, w.lemma)
                     for w in words] for words in sentences] for s, sentences in zip(starts, parsed)}
        st["dependencies"] = deps
        entities = [(a, b, p.name) for p in st.get("persons", ()) for a, b in p.mentions]
        entities += [(o.start, o.end, o.name) for o in st.get("organizations", ())]
        out = []
        for ev in events:
            voice = voice_of.get(ev.rule.removesuffix("+dep"))
            words = sentence_at(deps.get(ev.sentence_start, []), ev.trigger_start)
            if voice is None or words is None:
                out.append(ev)
                continue
            out.append(refine_roles(ev, words, voice=voice, slot_roles=lex.types.get(ev.type, {}),
                                    entities=entities, text=st["text"]))
        st["events"] = out
        return doc

    # nothing to serialise: the models stay in their folder
    def to_disk(self, path: str | Path, *, exclude: Any = ()) -> None:
        Path(path).mkdir(parents=True, exist_ok=True)

    def from_disk(self, path: str | Path, *, exclude: Any = ()) -> "DepRolesComponent":
        return self
