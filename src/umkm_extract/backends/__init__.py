"""Optional parser backends that refine what the rule-based pipeline finds.

- ``deps``: pure functions that fill event roles from a dependency tree (``DepWord`` lists);
- ``stanza``: the glue to stanza's Indonesian models (extra ``stanza``), as the spaCy component
  ``umkm_dep_roles`` that runs after ``umkm_events``.

``Extractor(backend="stanza", stanza_dir=…)`` adds that component; the default backend ``"rules"``
adds nothing.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

__all__ = ["BACKENDS", "Backend", "check_backend", "add_backend"]

Backend = Literal["rules", "stanza"]
BACKENDS: tuple[str, ...] = ("rules", "stanza")


def check_backend(backend: str, stanza_dir: str | Path | None = None) -> Path | None:
    """Validate a backend choice early: an unknown name, a missing package or missing models raise with
    what to do. Returns the stanza model folder for ``"stanza"``, else None."""
    if backend not in BACKENDS:
        raise ValueError(f"unknown backend {backend!r}; expected one of {', '.join(map(repr, BACKENDS))}")
    if backend == "stanza":
        from .stanza import check_models

        return check_models(stanza_dir)
    if stanza_dir is not None:
        raise ValueError("stanza_dir is only used with backend='stanza'")
    return None


def add_backend(nlp: "Language", backend: str, stanza_dir: str | Path | None = None) -> "Language":
    """Add the backend's components to a pipeline built by ``build_nlp`` (after ``umkm_events``)."""
    if backend == "stanza":
        from . import stanza as _stanza  # noqa: F401  (registers umkm_dep_roles)

        nlp.add_pipe("umkm_dep_roles", after="umkm_events",
                     config={"stanza_dir": None if stanza_dir is None else str(stanza_dir)})
    return nlp
