"""The statistical models shipped inside the package: where they are, and loading them once."""
from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from spacy.language import Language

MODELS: tuple[str, ...] = ("tagger", "ner", "parser")


def model_path(name: str) -> Path:
    """The folder of a shipped spaCy pipeline ("tagger", "ner" or "parser"): ``spacy.load(model_path("ner"))``."""
    if name not in MODELS:
        raise ValueError(f"unknown model {name!r}; shipped models: {', '.join(MODELS)}")
    path = Path(str(resources.files("umkm_extract.data").joinpath(name)))
    if not (path / "config.cfg").is_file():
        raise FileNotFoundError(f"the shipped {name} model is missing: expected a spaCy pipeline in {path}")
    return path


@cache
def load_model(name: str) -> Language:
    """A shipped pipeline, loaded once per process, offline, from the package folder."""
    import spacy

    from . import tokenizer as _tokenizer  # noqa: F401  (registers umkm.LeanTokenizer.v1 without entry points)

    return spacy.load(model_path(name))
