"""spaCy components of umkm_extract: thin wrappers around the pure functions in ``rules``.

Each component reads what earlier ones left in ``doc._.umkm`` (a dict of typed results) and adds
its own, plus a ``doc.spans`` group so the results are visible to any spaCy tool.
"""
from __future__ import annotations

import dataclasses
import importlib
from bisect import bisect_left, bisect_right
from typing import Any

import srsly

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Span, SpanGroup

from ..rules.text import WordIndex

if not Doc.has_extension("umkm"):
    Doc.set_extension("umkm", default=None)


# ``doc._.umkm`` lives in ``doc.user_data``, which spaCy writes with msgpack (``Doc.to_bytes``, ``DocBin``,
# ``nlp.pipe(n_process=2)``). Our results are frozen dataclasses: they travel as {"__umkm__": "module:Class",
# "fields": {...}} and come back as the same classes (only classes of this package are rebuilt; sequences in
# their fields come back as tuples, as they were). The word index is a cache and is rebuilt on demand.
_PACKAGE = __name__.split(".")[0]


def _encode(obj: Any, chain: Any = None) -> Any:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type) and type(obj).__module__.startswith(_PACKAGE):
        cls = type(obj)
        return {"__umkm__": f"{cls.__module__}:{cls.__qualname__}",
                "fields": {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}}
    if isinstance(obj, WordIndex):
        return None
    return obj if chain is None else chain(obj)


def _tuples(v: Any) -> Any:
    if isinstance(v, list):
        return tuple(_tuples(x) for x in v)
    if isinstance(v, dict):
        return {k: _tuples(x) for k, x in v.items()}
    return v


def _decode(obj: Any, chain: Any = None) -> Any:
    if isinstance(obj, dict) and "__umkm__" in obj and set(obj) == {"__umkm__", "fields"}:
        module, _, qualname = str(obj["__umkm__"]).partition(":")
        if module.split(".")[0] == _PACKAGE:
            cls: Any = importlib.import_module(module)
            for part in qualname.split("."):
                cls = getattr(cls, part)
            if dataclasses.is_dataclass(cls):
                return cls(**{k: _tuples(v) for k, v in obj["fields"].items()})
    return obj if chain is None else chain(obj)


srsly.msgpack_encoders.register("umkm_extract", func=_encode)
srsly.msgpack_decoders.register("umkm_extract", func=_decode)


# where spaCy keeps ``doc._.umkm`` in ``doc.user_data``: read directly, as components ask for the state a dozen
# times per article and ``doc._`` builds an accessor each time (tests/test_spacy_native.py checks the key)
_STATE_KEY = ("._.", "umkm", None, None)


def state(doc: Doc) -> dict[str, Any]:
    """The per-document result dict (``doc._.umkm``); created on first use, seeded from ``doc.user_data`` meta."""
    st = doc.user_data.get(_STATE_KEY)
    if st is None:
        # doc.text is rebuilt from every token on each access: read it once per document
        text = doc.user_data.get("umkm_text")  # set by Extractor.make_doc; cheaper than doc.text
        if text is None or (len(doc) and doc[-1].idx + len(doc[-1].text_with_ws) != len(text)):
            text = doc.text
        st = {"meta": dict(doc.user_data.get("umkm_meta") or {}), "text": text}
        doc.user_data[_STATE_KEY] = st
    return st


def word_index(doc: Doc) -> WordIndex:
    """The article's word index (case-folded word -> start offsets), built once and shared by components."""
    st = state(doc)
    ix = st.get("words")
    if ix is None:
        ix = st["words"] = WordIndex(st["text"])
    return ix


def char_spans(doc: Doc, items: list[tuple[int, int, str]], kb_ids: list[str] | None = None) -> list[Span]:
    """Token-aligned, expanded Spans for (start, end, label) character spans (``kb_ids``: one per item).

    The same tokens as ``doc.char_span(s, e, alignment_mode="expand")`` (tests/test_spacy_native.py),
    found by bisecting the token offsets, read once per document: 4x cheaper per span."""
    st = state(doc)
    bounds = st.get("token_bounds")
    if bounds is None:
        arr = doc.to_array([IDX, LENGTH]).tolist() if len(doc) else []
        bounds = st["token_bounds"] = ([a for a, _ in arr], [a + n for a, n in arr])
    starts, ends = bounds
    spans: list[Span] = []
    for k, (s, e, label) in enumerate(items):
        i = bisect_right(starts, s) - 1
        if i >= 0 and s >= ends[i]:
            i += 1  # s on a token's trailing whitespace: the span starts at the next token
        j = bisect_right(starts, e - 1)
        if 0 <= i < j:
            spans.append(Span(doc, i, j, label=label, kb_id=kb_ids[k] if kb_ids else ""))
    return spans


def token_index(doc: Doc, pos: int) -> int:
    """The index of the token at or after character ``pos`` (``len(doc)`` past the end)."""
    char_spans(doc, [])  # makes sure the token bounds are read
    return bisect_left(state(doc)["token_bounds"][0], pos)


def set_spans(doc: Doc, key: str, items: list[tuple[int, int, str]]) -> None:
    """Store (start, end, label) character spans as ``doc.spans[key]`` (token-aligned, expanded); not on the
    Extractor's record docs, which nobody reads them from (``doc.user_data["umkm_spans"]`` is False)."""
    if doc.user_data.get("umkm_spans", True):
        doc.spans[key] = SpanGroup(doc, name=key, spans=char_spans(doc, items))
