"""Optional parser backends that refine what the rule-based pipeline finds.

- ``deps``: pure functions that fill event roles from a dependency tree (``DepWord`` lists);
- ``spacy_parser``: the shipped spaCy dependency parser (``umkm_extract.model_path("parser")``, trained
  offline on the UD Indonesian treebanks);
- ``stanza``: the glue to stanza's Indonesian models (extra ``stanza``), and the spaCy component
  ``umkm_dep_roles`` that runs after ``umkm_events`` and refines event roles from either parser.

``Extractor(backend="parser")`` adds that component over the shipped parser, ``Extractor(backend="stanza",
stanza_dir=…)`` over stanza; the default backend ``"rules"`` adds nothing (README, "Backends": on the
development set the parsers' roles are not better than the rules' yet).
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # pragma: no cover
    from spacy.language import Language

__all__ = ["BACKENDS", "Backend", "check_backend", "add_backend"]

Backend = Literal["rules", "parser", "stanza"]
BACKENDS: tuple[str, ...] = ("rules", "parser", "stanza")


def check_backend(backend: str, stanza_dir: str | Path | None = None) -> Path | None:
    """Validate a backend choice early: an unknown name, a missing package or missing models raise with
    what to do. Returns the stanza model folder for ``"stanza"``, else None."""
    if backend not in BACKENDS:
        raise ValueError(f"unknown backend {backend!r}; expected one of {', '.join(map(repr, BACKENDS))}")
    if backend == "stanza":
        from .stanza import check_models

        return check_models(stanza_dir)
    if backend == "parser":
        from ..models import model_path

        model_path("parser")  # raises when the shipped model is missing
    if stanza_dir is not None:
        raise ValueError("stanza_dir is only used with backend='stanza'")
    return None


def add_backend(nlp: "Language", backend: str, stanza_dir: str | Path | None = None) -> "Language":
    """Add the backend's components to a pipeline built by ``build_nlp`` (after ``umkm_events``)."""
    if backend in ("stanza", "parser"):
        from . import stanza as _stanza  # noqa: F401  (registers umkm_dep_roles)

        nlp.add_pipe("umkm_dep_roles", after="umkm_events",
                     config={"stanza_dir": None if stanza_dir is None else str(stanza_dir),
                             "parser": "stanza" if backend == "stanza" else "spacy"})
    return nlp
