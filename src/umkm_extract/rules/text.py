"""String normalisation shared by scoring and extraction (ANNOTATION.md, "Scoring").

Strings compare after Unicode NFKC, case-folding, replacing punctuation by spaces and collapsing
whitespace (`normalize_text`); person names further lose honorifics and degrees
(`normalize_name`). The honorific/degree list is rule data: ``data/honorifics.txt``.

>>> normalize_text("  Kepala Dinas  Koperasi & UKM ")
'kepala dinas koperasi ukm'
>>> normalize_name("Dr. H. Achmad Fauzi, S.E., M.Si.")
'achmad fauzi'
"""
from __future__ import annotations

from collections.abc import Iterable

import re
import unicodedata
from functools import cache
from importlib import resources

__all__ = ["honorifics", "normalize_name", "normalize_text", "parse_honorifics"]

# Standard-library `re` on purpose: `\w` here must mean exactly what it means in the referee scorer.
_PUNCT = re.compile(r"[^\w\s]")
# A degree list after a comma ("Budi, S.E., M.Si."): keep what precedes the first comma.
_DEGREE_AFTER_COMMA = re.compile(r",\s*[A-Z][a-zA-Z]?\.")

_HONORIFICS_FILE = "honorifics.txt"


def normalize_text(s: str | None) -> str:
    """NFKC, case-folded, punctuation turned into spaces, whitespace collapsed; ``None`` gives ``""``.

    Non-string values are compared through ``str()`` (numbers in event roles)."""
    if s is None:
        return ""
    t = unicodedata.normalize("NFKC", str(s)).casefold()
    return " ".join(_PUNCT.sub(" ", t).split())


def _honorific_key(entry: str) -> str:
    return normalize_text(entry.replace(".", ""))


def parse_honorifics(text: str, source: str = _HONORIFICS_FILE) -> frozenset[str]:
    """The entries of an honorifics file (one per line, `#` comments) as normalised single words.

    Raises ValueError, naming `source` and the line, for an entry that is not one word once
    normalised or that repeats another ("S.E." and "SE" are the same entry)."""
    seen: dict[str, int] = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        entry = line.split("#", 1)[0].strip()
        if not entry:
            continue
        key = _honorific_key(entry)
        if not key or " " in key:
            raise ValueError(f"{source}:{lineno}: {entry!r} is not a single word once normalised (got {key!r})")
        if key in seen:
            raise ValueError(f"{source}:{lineno}: {entry!r} repeats the entry of line {seen[key]} (both are {key!r})")
        seen[key] = lineno
    return frozenset(seen)


@cache
def honorifics() -> frozenset[str]:
    """The honorifics and degrees of ``data/honorifics.txt``, as normalised single words ("se", "msi")."""
    text = resources.files("umkm_extract.data").joinpath(_HONORIFICS_FILE).read_text("utf-8")
    return parse_honorifics(text)


def normalize_name(s: str | None) -> str:
    """A person name as compared: `normalize_text` without honorifics and degrees anywhere.

    A comma followed by a degree ("Budi, S.E., M.Si.") ends the name; dots are dropped before
    splitting so that "M.Si." and "MSi" are the same word."""
    if not s:
        return ""
    raw = unicodedata.normalize("NFKC", str(s))
    if _DEGREE_AFTER_COMMA.search(raw):
        raw = raw.split(",")[0]
    drop = honorifics()
    return " ".join(w for w in normalize_text(raw.replace(".", "")).split() if w not in drop)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first (so "Wali Kota" wins over "Wali").

    The escapes of the standard `re` module are valid in `regex` patterns too."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
