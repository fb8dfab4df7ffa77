"""User lexicons: titles, region aliases, name stopwords and organisation heads added without editing the package.

A JSON file, every key optional::

    {"titles": {"Kepala Bapenda": "office", "Ketua Paguyuban": "role"},
     "name_stopwords": ["Ayah", "Bunda"],
     "region_aliases": {"Bumi Sriwijaya": "Sumatera Selatan", "Kota Kembang": "32.73"},
     "organization_heads": ["Paguyuban", "Sanggar Batik"]}

- ``titles``: title heads (as written, first letter capitalised) and their kind: ``office`` (a public office: the
  person is an official) or ``role``;
- ``name_stopwords``: capitalised words that are never part of a person's name;
- ``region_aliases``: another name of a provinsi/kabupaten/kota, mapped to its official name or Kemendagri code;
- ``organization_heads``: words that open an organisation's name.

``Extractor(lexicon="my_lexicon.json")`` (or ``umkm-extract extract … --lexicon my_lexicon.json``) adds them to
the built-in lexicons of ``data/`` for that Extractor only. Event types and triggers have their own file
(``Extractor(events=…)``).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

__all__ = ["UserLexicon", "load_user_lexicon"]

_KEYS = ("titles", "name_stopwords", "region_aliases", "organization_heads")
_KINDS = ("office", "role")


@dataclass(frozen=True)
class UserLexicon:
    """Additions to the built-in lexicons (hashable: the rules cache what they build from it)."""

    titles: tuple[tuple[str, str], ...] = ()
    name_stopwords: tuple[str, ...] = ()
    region_aliases: tuple[tuple[str, str], ...] = ()
    organization_heads: tuple[str, ...] = ()


def _strings(raw: Any, key: str, where: str) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(x, str) and x.strip() for x in raw):
        raise ValueError(f"{where}: {key!r} must be a list of non-empty strings")
    return tuple(x.strip() for x in raw)


def _pairs(raw: Any, key: str, where: str) -> tuple[tuple[str, str], ...]:
    if not isinstance(raw, dict) or not all(isinstance(k, str) and k.strip() and isinstance(v, str) and v.strip()
                                            for k, v in raw.items()):
        raise ValueError(f"{where}: {key!r} must be an object of non-empty strings")
    return tuple((k.strip(), v.strip()) for k, v in raw.items())


def load_user_lexicon(source: str | Path | Mapping[str, Any]) -> UserLexicon:
    """A user lexicon from a JSON file or a mapping; ValueError naming the file and the key for a bad entry."""
    where = "user lexicon" if isinstance(source, Mapping) else str(source)
    raw = source if isinstance(source, Mapping) else json.loads(Path(source).read_text("utf-8"))
    if not isinstance(raw, Mapping):
        raise ValueError(f"{where}: expected a JSON object with any of {', '.join(_KEYS)}")
    unknown = sorted(set(raw) - set(_KEYS) - {"_comment"})
    if unknown:
        raise ValueError(f"{where}: unknown key(s) {', '.join(unknown)}; expected any of {', '.join(_KEYS)}")
    titles = _pairs(raw.get("titles", {}), "titles", where)
    bad = [k for k, v in titles if v not in _KINDS]
    if bad:
        raise ValueError(f"{where}: 'titles' kinds must be one of {_KINDS}: {bad}")
    return UserLexicon(titles=titles,
                       name_stopwords=_strings(raw.get("name_stopwords", []), "name_stopwords", where),
                       region_aliases=_pairs(raw.get("region_aliases", {}), "region_aliases", where),
                       organization_heads=_strings(raw.get("organization_heads", []), "organization_heads", where))
