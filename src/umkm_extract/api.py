"""extract() and Extractor: build the pipeline once, run it over one text or a stream of texts."""
from __future__ import annotations

import datetime
import json
import multiprocessing as mp
import pickle
import warnings
import signal
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any, Literal, Union, overload

from spacy.language import Language
from spacy.tokens import Doc

from .records import Article, Count, DateMention
from .rules.gazetteer import compact
from .rules.regions import merge_regions

Meta = Mapping[str, Any]
Item = Union[str, tuple[str, Meta]]
Published = Union[str, datetime.date, None]

__all__ = ["extract", "Extractor", "ExtractionFailure", "TextTooLongError", "DEFAULT_MAX_CHARS", "article_from_doc"]

DEFAULT_MAX_CHARS = 2_000_000
"""Longest text (in characters) an Extractor accepts by default; about 1,000 times a news article."""


class TextTooLongError(ValueError):
    """A text longer than ``Extractor(max_chars=...)``; it is rejected, never silently truncated."""


@dataclass(frozen=True)
class ExtractionFailure:
    """One article that could not be processed: which one, and why."""

    doc_id: str | None
    error: str

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "error": self.error}


def _dedupe_dates(dates: Iterable[DateMention]) -> tuple[DateMention, ...]:
    seen: dict[str, DateMention] = {}
    for d in dates:
        seen.setdefault(d.value, d)
    return tuple(seen.values())


def _dedupe_counts(counts: Iterable[Count]) -> tuple[Count, ...]:
    seen: dict[tuple[float, str], Count] = {}
    for c in counts:
        if c.approximate:
            continue
        seen.setdefault((float(c.value), compact(c.unit)), c)
    return tuple(seen.values())


def article_from_doc(doc: Doc) -> Article:
    """The Article record of a processed Doc."""
    st = doc._.umkm
    meta = st["meta"]
    structure = st["structure"]
    persons = tuple(st["persons"])
    person_spans = [(s, e) for p in persons for s, e in p.mentions]
    regions = merge_regions([m for m in st["region_mentions"]
                             if not any(s <= m.start and m.end <= e for s, e in person_spans)])
    text = st["text"]
    title = text[structure.title[0]:structure.title[1]] if structure.title else None
    return Article(
        doc_id=meta.get("doc_id"),
        published=st["published"],
        text=text,
        title=title,
        url=meta.get("url"),
        outlet=meta.get("outlet"),
        byline=tuple(structure.byline),
        persons=persons,
        organizations=tuple(st.get("organizations", ())),
        regions=tuple(regions),
        dates=_dedupe_dates(st["date_mentions"]),
        counts=_dedupe_counts(st["count_mentions"]),
        events=tuple(st.get("events", ())),
        body_spans=tuple(structure.body),
        warnings=tuple(meta.get("warnings") or ()),
    )


def _split(item: Item) -> tuple[str, dict[str, Any]]:
    if isinstance(item, str):
        return item, {}
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[0], str):
        return item[0], dict(item[1] or {})
    raise TypeError(f"expected a text or a (text, meta) pair, got {type(item).__name__}")


def _check_published(value: Any) -> str | None:
    """``published`` as ISO at its precision ("2024-9-1" → "2024-09-01"); ValueError naming the bad value."""
    if value in (None, ""):
        return None
    from .rules.dates import parse_anchor

    expected = "published must be an ISO date such as '2024-09-19', '2024-09' or '2024'"
    if isinstance(value, (datetime.date, datetime.datetime)):  # a datetime is a date: its day counts
        return value.strftime("%Y-%m-%d")
    if not isinstance(value, str):
        raise ValueError(f"{expected}, got {value!r}")
    try:
        a = parse_anchor(value, strict=True)
    except ValueError as exc:
        raise ValueError(f"{expected}, got {value!r} ({exc})") from None
    if a.year is None:
        raise ValueError(f"{expected}, got {value!r}")
    return f"{a.year:04d}" + (f"-{a.month:02d}" if a.month else "") + (f"-{a.day:02d}" if a.day else "")


class Extractor:
    """Builds the spaCy pipeline once (lazily, on first use) and extracts article records.

    >>> ex = Extractor()
    >>> article = ex("Bupati Jember Hendy Siswanto meresmikan Pasar Tanjung, Kamis (5/9/2024).")
    """

    def __init__(self, *, lean_tokenizer: bool = True, max_chars: int | None = DEFAULT_MAX_CHARS,
                 backend: Literal["rules", "parser", "stanza"] = "rules", stanza_dir: str | Path | None = None,
                 profile: Literal["fast", "accurate"] = "fast", events: str | Path | None = None,
                 lexicon: str | Path | None = None) -> None:
        """``max_chars``: the longest text accepted (default 2,000,000 characters; ``None``: no limit).
        A longer text raises TextTooLongError (an ExtractionFailure in ``pipe(on_error="return")``);
        it is never truncated silently.

        ``backend``: ``"rules"`` (default); ``"parser"``: event roles also come from the dependency parse of
        the shipped spaCy parser (event sentences only); ``"stanza"``: from stanza's Indonesian dependency
        parse, read from local models in ``stanza_dir`` (default
        ``$STANZA_RESOURCES_DIR`` or ``~/stanza_resources``; never downloaded). A missing package or
        missing models raise here, saying what to install or download (see ``umkm_extract.backends``).

        ``events``: a JSON file of extra event types and rules (the shape of ``data/events.json``; its rules
        come first), checked here. ``lexicon``: a user lexicon file (titles, region aliases, name stopwords,
        organisation heads; see ``umkm_extract.lexicon``), checked here."""
        from .backends import check_backend

        self.stanza_dir = check_backend(backend, stanza_dir)
        self.backend = backend
        if max_chars is not None and (not isinstance(max_chars, int) or max_chars < 1):
            raise ValueError(f"max_chars must be a positive int or None, got {max_chars!r}")
        from .pipeline import PROFILES

        if profile not in PROFILES:
            raise ValueError(f"profile must be one of {PROFILES}, got {profile!r}")
        self.profile = profile
        if events is not None:  # extra event types and rules, checked now (a bad file raises ValueError here)
            from .rules.events import load_lexicon

            try:
                load_lexicon(events)
            except (KeyError, TypeError, ValueError) as exc:
                raise ValueError(f"events file {events}: {type(exc).__name__}: {exc}") from None
            events = str(events)
        self.events = events
        if lexicon is not None:
            from .lexicon import load_user_lexicon
            from .rules.gazetteer import gazetteer

            try:
                user = load_user_lexicon(lexicon)
            except (OSError, json.JSONDecodeError) as exc:
                raise ValueError(f"lexicon file {lexicon}: {exc}") from None
            if user.region_aliases:
                gazetteer(user.region_aliases)  # an alias that names no region raises here
            lexicon = str(lexicon)
        self.lexicon = lexicon
        self.lean_tokenizer = lean_tokenizer
        self.max_chars = max_chars
        self._nlp: Language | None = None

    @property
    def _needs_tokens(self) -> bool:
        """Whether a component of ``self.nlp`` reads tokens (one a user added, the tagger): ours read characters."""
        return any(name not in _CHARACTER_COMPONENTS for name in self.nlp.pipe_names)

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from .pipeline import build_nlp

            # the records never read doc.ents or doc.sents: umkm_doc is for spaCy users (umkm_extract.load())
            nlp = build_nlp(lean_tokenizer=self.lean_tokenizer, profile=self.profile, doc_view=False,
                            lexicon=self.lexicon, events=self.events)
            if self.backend != "rules":
                from .backends import add_backend

                add_backend(nlp, self.backend, self.stanza_dir)
            # spaCy's own guard (1,000,000) is for parser/NER memory; our components are linear
            # in the text, and our limit is max_chars.
            nlp.max_length = max(nlp.max_length, self.max_chars or 2**62)
            self._nlp = nlp
        return self._nlp

    def check_length(self, text: str) -> None:
        """Raise TextTooLongError when ``text`` is longer than ``max_chars``."""
        if self.max_chars is not None and len(text) > self.max_chars:
            raise TextTooLongError(f"text has {len(text):,} characters; the limit is {self.max_chars:,} "
                                   f"(Extractor(max_chars=…) / --max-chars)")

    def make_doc(self, text: str, meta: Meta | None = None) -> Doc:
        """The tokenised Doc that ``self.nlp`` runs on (``doc.spans`` and the token views filled in)."""
        return self._doc(text, meta, tokens=True)

    def record_doc(self, text: str, meta: Meta | None = None) -> Doc:
        """The Doc that ``extract``/``pipe`` run ``self.nlp`` on: untokenised unless a component reads tokens."""
        return self._doc(text, meta, tokens=self._needs_tokens)

    def _doc(self, text: str, meta: Meta | None, *, tokens: bool) -> Doc:
        """With ``tokens=False`` (the record path): one token holding the whole text and no ``doc.spans``. The
        rules read characters, not tokens; tokens serve the spaCy views only, which the records never read,
        and their spans cost about an eighth of the pipeline (README, "Speed")."""
        if not isinstance(text, str):
            raise TypeError(f"text must be str, got {type(text).__name__}")
        self.check_length(text)
        # the CLI's input path: HTML converted, lone surrogates replaced, each said as a warning; an empty
        # or invisible-only text stays as it is (its record is empty, where the CLI reports an error)
        from .io import prepare_text

        try:
            text, notes = prepare_text(text)
        except ValueError:
            notes = []
        for note in notes:
            warnings.warn(f"umkm_extract: {note}", UserWarning, stacklevel=3)
        meta = dict(meta or {})
        meta["warnings"] = (*meta.get("warnings", ()), *notes)
        meta["published"] = _check_published(meta.get("published"))
        if meta.get("headline") not in (None, True, False):
            raise ValueError(f"headline must be True, False or None, got {meta['headline']!r}")
        if tokens or not text:
            doc = self.nlp.make_doc(text)
        else:
            doc = Doc(self.nlp.vocab, words=[text], spaces=[False])
            doc.user_data["umkm_spans"] = False
        doc.user_data["umkm_meta"] = meta
        doc.user_data["umkm_text"] = text
        return doc

    def __call__(self, text: str, *, published: Published = None, doc_id: str | None = None,
                 headline: bool | None = None) -> Article:
        """The record of one text. ``published``: ISO string, ``date`` or ``datetime`` (the anchor of relative
        dates). ``headline``: whether the first line is the title (True), body (False), or judged (None: a
        short first line without a full stop and with body after it is the title; a one-line text is body)."""
        if not isinstance(text, str):
            raise TypeError(f"text must be str, got {type(text).__name__}")
        doc = self.nlp(self.record_doc(text, {"published": published, "doc_id": doc_id, "headline": headline}))
        return article_from_doc(doc)

    @overload
    def pipe(self, items: Iterable[Item], *, batch_size: int = ..., n_process: int = ...,
             on_error: Literal["raise"] = ...) -> Iterator[Article]: ...

    @overload
    def pipe(self, items: Iterable[Item], *, batch_size: int = ..., n_process: int = ...,
             on_error: Literal["return"]) -> Iterator[Article | ExtractionFailure]: ...

    def pipe(self, items: Iterable[Item], *, batch_size: int = 64, n_process: int = 1,
             on_error: Literal["raise", "return"] = "raise") -> Iterator[Any]:
        """Stream Article records in input order. An item is a text or a (text, meta) pair whose meta
        may carry ``doc_id`` and ``published``. With ``on_error="return"`` a failing item yields an
        ExtractionFailure instead of stopping the stream."""
        if n_process > 1:
            yield from self._pipe_processes(items, batch_size=batch_size, n_process=n_process, on_error=on_error)
            return
        for item in items:
            yield self._one(item, on_error)

    def _one(self, item: Item, on_error: str) -> Any:
        doc_id = None
        try:
            text, meta = _split(item)
            doc_id = meta.get("doc_id")
            return article_from_doc(self.nlp(self.record_doc(text, meta)))
        except Exception as exc:  # one bad article never stops a batch
            if on_error == "raise":
                raise
            return ExtractionFailure(doc_id, f"{type(exc).__name__}: {exc}")

    def _pipe_processes(self, items: Iterable[Item], *, batch_size: int, n_process: int, on_error: str
                        ) -> Iterator[Any]:
        """Chunks of items go to worker processes; results come back in input order. At most
        2 × n_process chunks are in flight, so the input is read lazily and memory stays flat."""
        ctx = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context()
        chunk = max(1, batch_size // n_process)
        source = iter(items)
        init = (self.lean_tokenizer, self.max_chars, self.backend, self.stanza_dir, self.profile, self.events,
                self.lexicon)
        with ctx.Pool(n_process, initializer=_worker_init, initargs=init) as pool:
            pending: deque[Any] = deque()
            exhausted = False
            while True:
                while not exhausted and len(pending) < 2 * n_process:
                    batch = list(islice(source, chunk))
                    if batch:
                        pending.append(pool.apply_async(_worker_run, (batch, on_error)))
                    else:
                        exhausted = True
                if not pending:
                    return
                for kind, payload in pending.popleft().get():
                    if kind == "raise":  # the worker's own exception, so that the type is what one process raises
                        raise payload
                    yield payload


_WORKER: Extractor | None = None
# components that read the text's characters (and their own models' docs), never the pipeline Doc's tokens
_CHARACTER_COMPONENTS = frozenset({"umkm_structure", "umkm_regions", "umkm_persons", "umkm_dates", "umkm_counts",
                                   "umkm_events", "umkm_ner", "umkm_dep_roles"})


def _worker_init(lean_tokenizer: bool, max_chars: int | None = DEFAULT_MAX_CHARS,
                 backend: Literal["rules", "parser", "stanza"] = "rules", stanza_dir: Path | None = None,
                 profile: Literal["fast", "accurate"] = "fast", events: str | None = None,
                 lexicon: str | None = None) -> None:
    global _WORKER
    # Ctrl-C reaches the whole process group: the parent handles it (and terminates the pool);
    # a worker must neither print a traceback nor outlive it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    _WORKER = Extractor(lean_tokenizer=lean_tokenizer, max_chars=max_chars, backend=backend, stanza_dir=stanza_dir,
                        profile=profile, events=events, lexicon=lexicon)


def _worker_run(batch: list[Item], on_error: str) -> list[tuple[str, Any]]:
    """Extract a chunk in a worker. The frozen records travel back pickled as they are: 5x cheaper
    than a to_dict/from_dict round trip, which used to cost the parent process more than the
    workers' extraction saved."""
    assert _WORKER is not None
    out: list[tuple[str, Any]] = []
    for item in batch:
        try:
            out.append(("ok", _WORKER._one(item, on_error)))
        except Exception as exc:  # on_error="raise": the exception itself travels back (pickled)
            try:
                pickle.dumps(exc)
            except Exception:  # pragma: no cover - an exception that cannot travel: its text does
                exc = RuntimeError(f"{type(exc).__name__}: {exc}")
            out.append(("raise", exc))
            break  # the parent raises at this item: the rest of the chunk is never read
    return out


_DEFAULT: Extractor | None = None


def extract(text: str, *, published: Published = None, doc_id: str | None = None,
            headline: bool | None = None) -> Article:
    """Extract the article record of one text (the pipeline is built on the first call); see `Extractor.__call__`."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Extractor()
    return _DEFAULT(text, published=published, doc_id=doc_id, headline=headline)
