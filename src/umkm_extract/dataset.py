"""The dataset view: article records → one table of events, officials and regions across articles.

>>> ds = umkm_extract.aggregate(["out.jsonl"])                      # doctest: +SKIP
>>> ds.events[0]["sources"], ds.frames()["regions"]                  # doctest: +SKIP

Input: records as ``umkm-extract extract`` writes them, or any record of the ANNOTATION.md shape (gold
files included): JSON Lines files, JSON files (one record or a list), folders of ``*.json`` (a gold file's
``NAME.meta.json`` beside it fills ``published``/``outlet``), dicts or ``Article`` objects. A doc_id seen
twice counts once (the record whose canonical JSON sorts first, whatever the input order).

**events**: one row per real-world occurrence. Two event mentions are one occurrence when

1. they come from different articles (an article's own events are distinct by construction),
2. their types are equal and their dates compatible: equal day dates, or a month/year that contains the
   other's date, or no date; and their effective dates (the day date, else the publication date) lie
   within ``window_days`` (7) of the occurrence's first mention,
3. where both name the region they happened in (location, roles or evidence sentence), the regions are
   the same or one lies in the other,
4. a *key role* of the type (``data/aggregate.json``: the recipient of an award, the object of a launch,
   the item or beneficiary of aid …) is present in both and similar, or their evidence sentences are
   one press release's (60 % of their words in common), and
5. no *conflict role* present in both differs (two recipients at one ceremony, two givers, two awards).

Two role texts are similar when one contains the other word for word, or when at least half of the
distinctive words of the shorter are in the longer (distinctive: not in ``generic_words``, so "Kabupaten
Klaten" and "Kabupaten Sleman" differ, "Pemkab Klaten" and "Kabupaten Klaten" agree); a word may stand for
the words it abbreviates ("BRI", "Bank Rakyat Indonesia"; "Kemenkop", "Kementerian Koperasi"). Mentions are taken
in a fixed order (type, effective date, doc_id, position) and each joins the compatible occurrence it
shares most roles with, so the result does not depend on the input order. An occurrence's values are its
mentions' most frequent ones (ties: the longer text, then the smaller); ``sources`` lists every doc_id,
``evidence`` each source's sentence.

**officials**: one row per person, title and jurisdiction (or organisation) across articles. Names merge
as the scorer merges them within an article, plus a shorter name that is the first or last words of exactly
one longer name of the same office ("Hendy" → "Hendy Siswanto"); titles compare without parenthetical
groups, jurisdictions by their Kemendagri code.

**regions**: one row per Kemendagri code and month, rolled up the hierarchy (desa → kecamatan →
kabupaten/kota → provinsi): the articles that name a region at or under the code (month of publication),
the occurrences located there by type (month of the occurrence), and their money (``money_rupiah``) and
counts by unit (``counts``, JSON). An article or occurrence counts once per code however many of its
regions lie under it. An occurrence's regions are those its location names, else those its roles or
evidence name, else the article's first region.

The computation streams: records go to a temporary SQLite file, mentions come back sorted, and only the
occurrences of the last ``window_days`` and one office at a time are held in memory.
"""
from __future__ import annotations

import hashlib
import heapq
import json
import os
import sqlite3
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache, lru_cache
from importlib import resources
from itertools import groupby
from pathlib import Path
from typing import Any

from .evaluate import _title as _title_key  # titles compare as the scorer compares them
from .formats import ROLE_NAMES, _is_failure, table_writer
from .rules.gazetteer import LEVELS, compact, gazetteer
from .rules.text import normalize_name, normalize_text

__all__ = ["aggregate", "Dataset", "read_records", "TABLES", "SCHEMA", "write_dataset"]

Record = dict[str, Any]
Row = dict[str, Any]

EVENT_TYPES: tuple[str, ...] = ("award_received", "association_inaugurated", "official_inaugurated",
                                "facility_inaugurated", "aid_distributed", "insurance_enrolled",
                                "program_launched", "agreement_signed", "training_held")

#: The tables of a dataset, in file order.
TABLES: tuple[str, ...] = ("events", "officials", "regions")
#: (column, type) of each table; types as in ``formats`` ("str", "int", "float", "bool").
SCHEMA: dict[str, tuple[tuple[str, str], ...]] = {
    "events": (("event_id", "str"), ("type", "str"), ("date", "str"), ("month", "str"),
               ("region_codes", "str"), ("province_codes", "str"))
              + tuple((f"role_{r}", "float" if r == "count" else "str") for r in ROLE_NAMES)
              + (("other_roles", "str"), ("money", "float"), ("currency", "str"), ("count", "float"),
                 ("count_unit", "str"), ("n_sources", "int"), ("sources", "str"), ("first_published", "str"),
                 ("last_published", "str"), ("evidence", "str")),
    "officials": (("name", "str"), ("title", "str"), ("jurisdiction", "str"), ("region_code", "str"),
                  ("organization", "str"), ("is_official", "bool"), ("n_articles", "int"), ("first_seen", "str"),
                  ("last_seen", "str"), ("sources", "str"), ("names", "str")),
    "regions": (("code", "str"), ("name", "str"), ("level", "str"), ("parent_code", "str"), ("month", "str"),
                ("articles", "int"), ("events", "int"))
               + tuple((f"events_{t}", "int") for t in EVENT_TYPES)
               + (("money_rupiah", "float"), ("counts", "str")),
}


# --------------------------------------------------------------------------------------------
# Rule data
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Rules:
    window_days: int
    key_roles: Mapping[str, tuple[str, ...]]
    conflict_roles: Mapping[str, tuple[str, ...]]
    generic: frozenset[str]
    unit_stop: frozenset[str]


@cache
def _rules() -> _Rules:
    d = json.loads(resources.files("umkm_extract").joinpath("data/aggregate.json").read_text("utf-8"))
    for key in ("key_roles", "conflict_roles"):
        unknown = sorted(set(d[key]) - set(EVENT_TYPES))
        if unknown:
            raise ValueError(f"aggregate.json: {key} names unknown event types {unknown}")
    return _Rules(window_days=int(d["window_days"]),
                  key_roles={t: tuple(v) for t, v in d["key_roles"].items()},
                  conflict_roles={t: tuple(v) for t, v in d["conflict_roles"].items()},
                  generic=frozenset(d["generic_words"]), unit_stop=frozenset(d["count_unit_stop"]))


# --------------------------------------------------------------------------------------------
# Reading records
# --------------------------------------------------------------------------------------------

def _as_dict(obj: Any, where: str) -> Record:
    if isinstance(obj, Mapping):
        return dict(obj)
    to_dict = getattr(obj, "to_dict", None)
    if callable(to_dict):
        return dict(to_dict())
    raise TypeError(f"{where}: expected a record (a mapping or an Article), got {type(obj).__name__}")


def _json_file(path: Path) -> Iterator[Record]:
    try:
        data = json.loads(path.read_text("utf-8-sig"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno})") from None
    items = data if isinstance(data, list) else [data]
    meta: Mapping[str, Any] = {}
    if path.name.endswith(".gold.json"):
        meta_path = path.with_name(path.name[: -len(".gold.json")] + ".meta.json")
        if meta_path.is_file():
            meta = json.loads(meta_path.read_text("utf-8-sig"))
    for i, item in enumerate(items):
        rec = _as_dict(item, f"{path} #{i}")
        rec.setdefault("doc_id", path.name.split(".")[0] if len(items) == 1 else f"{path.stem}#{i}")
        for k in ("published", "outlet", "url"):
            if rec.get(k) is None and meta.get(k) is not None:
                rec[k] = meta[k]
        yield rec


def _jsonl_file(path: Path) -> Iterator[Record]:
    with path.open(encoding="utf-8-sig") as fh:
        for lineno, line in enumerate(fh, 1):
            if line.strip():
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}:{lineno}: not valid JSON ({exc.msg})") from None
                yield _as_dict(obj, f"{path}:{lineno}")


def read_records(sources: Iterable[Any] | str | os.PathLike[str]) -> Iterator[Record]:
    """Records from paths (``.jsonl``, ``.json``, folders of them), dicts or Articles, streamed in order."""
    if isinstance(sources, (str, os.PathLike, Mapping)):
        sources = [sources]
    for src in sources:
        if isinstance(src, (str, os.PathLike)):
            path = Path(src)
            if path.is_dir():
                files = sorted(p for p in path.iterdir()
                               if p.suffix in (".json", ".jsonl") and not p.name.endswith(".meta.json"))
                if not files:
                    raise ValueError(f"{path}: no .json or .jsonl records in this folder")
                for f in files:
                    yield from (_jsonl_file(f) if f.suffix == ".jsonl" else _json_file(f))
            elif path.is_file():
                yield from (_json_file(path) if path.suffix == ".json" else _jsonl_file(path))
            else:
                raise FileNotFoundError(f"records not found: {path}")
        else:
            yield _as_dict(src, "record")


# --------------------------------------------------------------------------------------------
# One record → its mentions (pure)
# --------------------------------------------------------------------------------------------

def _doc_id(rec: Mapping[str, Any]) -> str | None:
    v = rec.get("doc_id") or rec.get("id")
    return None if not v else str(v)


def _digest(rec: Mapping[str, Any]) -> str:
    return hashlib.sha1(json.dumps(rec, sort_keys=True, ensure_ascii=False, default=str).encode()).hexdigest()


def _day(value: Any) -> str | None:
    """An ISO day "YYYY-MM-DD" (the first 10 characters of a date or datetime), else None."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def _precision_date(value: Any) -> str | None:
    """An event date as given: "YYYY-MM-DD", "YYYY-MM" or "YYYY"; anything else is no date."""
    if not isinstance(value, str):
        return None
    v = value.strip()
    if _day(v) and len(v) == 10:
        return v
    if len(v) == 7 and v[:4].isdigit() and v[4] == "-" and v[5:].isdigit() and 1 <= int(v[5:]) <= 12:
        return v
    if len(v) == 4 and v.isdigit():
        return v
    return None


def ancestors(code: str) -> list[str]:
    """A Kemendagri code and the codes above it: "35.09.01.2001" → ["35.09.01.2001", "35.09.01", "35.09", "35"]."""
    parts = code.split(".")
    return [".".join(parts[:i]) for i in range(len(parts), 0, -1)]


def _most_specific(codes: Iterable[str]) -> list[str]:
    s = set(codes)
    return sorted(c for c in s if not any(o != c and o.startswith(c + ".") for o in s))


@lru_cache(maxsize=65536)
def _name_key(s: Any) -> str:
    return normalize_text(None if s is None else str(s))


@cache
def _region_names() -> dict[str, tuple[str, str]]:
    """code → (official name, level) for provinsi … kecamatan (desa are looked up on demand)."""
    return {c: (e.name, e.level) for c, e in gazetteer().by_code.items()}


def region_name(code: str) -> tuple[str | None, str | None]:
    """The official name and level of a Kemendagri code (desa included), or (None, None)."""
    hit = _region_names().get(code)
    if hit is not None:
        return hit
    if code.count(".") == 3:
        name = _desa_names().get(code)
        if name is not None:
            return name, "desa"
    return None, None


@cache
def _desa_names() -> dict[str, str]:
    from .rules.gazetteer import _lokal_json

    return _lokal_json("desa")


def _resolve(name: str, level: str | None, context: Sequence[str]) -> str | None:
    return _resolve_in(name, level, tuple(sorted(set(context))))


@lru_cache(maxsize=65536)
def _resolve_in(name: str, level: str | None, context: tuple[str, ...]) -> str | None:
    """The code of a region named without one: the single gazetteer entry of that name and level, or the single
    one under a code the article names."""
    gz = gazetteer()
    levels = (level,) if level in LEVELS else LEVELS[:4]
    entries = gz.lookup(name, levels)
    if not entries:
        return None
    if len(entries) == 1:
        return entries[0].code
    inside = {e.code for e in entries if any(e.code.startswith(c + ".") for c in context)}
    return inside.pop() if len(inside) == 1 else None


def record_regions(rec: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(name key, code) of each region of a record that has or resolves to a code, in record order; the
    mention's surface text too ("Sulsel" for "Sulawesi Selatan")."""
    items = [r for r in rec.get("regions") or () if isinstance(r, Mapping)]
    known = [str(r["code"]) for r in items if r.get("code")]
    out: list[tuple[str, str]] = []
    for r in items:
        code = r.get("code") or (_resolve(str(r.get("name") or ""), r.get("level"), known) if r.get("name") else None)
        if not code or region_name(str(code))[0] is None:
            continue
        for text in (r.get("name"), r.get("text")):
            key = _name_key(text)
            if key and (key, str(code)) not in out:
                out.append((key, str(code)))
    return out


def _named_in(texts: Iterable[Any], regions: Sequence[tuple[str, str]]) -> list[str]:
    hay = " " + " ".join(_name_key(t) for t in texts if t is not None) + " "
    return [code for key, code in regions if f" {key} " in hay]


def _jurisdiction_code(jurisdiction: Any, regions: Sequence[tuple[str, str]]) -> str | None:
    key = _name_key(jurisdiction)
    if not key:
        return None
    level = None
    name = " ".join(str(jurisdiction).split())
    first, _, rest = key.partition(" ")
    if rest and first in _LEVEL_WORDS:
        level, key, name = _LEVEL_WORDS[first], rest, name.split(" ", 1)[1].lstrip(". ")
    for k, code in regions:
        if k == key and (level is None or region_name(code)[1] == level):
            return code
    return _resolve(name, level, [c for _, c in regions])


_LEVEL_WORDS = {"provinsi": "provinsi", "prov": "provinsi", "kabupaten": "kabupaten", "kab": "kabupaten",
                "kota": "kota", "kecamatan": "kecamatan", "kec": "kecamatan", "desa": "desa", "kelurahan": "desa"}


def _unit(text: Any) -> str | None:
    words = _name_key(text).split()
    stop = _rules().unit_stop
    out: list[str] = []
    for w in words:
        if w in stop or w.isdigit():
            if out:
                break
            continue
        out.append(w)
        if len(out) == 3:
            break
    return " ".join(out) or None


def _money(texts: Sequence[str]) -> tuple[float | None, str | None]:
    """The largest money amount written in the texts (an aid sentence, the roles), with its currency."""
    found = [m for t in texts for m in _money_in(t)]
    return max(found, default=(None, None))


@lru_cache(maxsize=65536)
def _money_in(text: str) -> tuple[tuple[float, str], ...]:
    from .rules.counts import find_counts

    return tuple((float(c.value), c.unit) for c in find_counts(text)
                 if c.rule == "count.money" and isinstance(c.value, (int, float)))


def _number(v: Any) -> float | None:
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return None
    return float(v)


def explode(rec: Mapping[str, Any]) -> Record:
    """One record's contribution: its article row, event mentions and office mentions (JSON-able dicts)."""
    doc_id = _doc_id(rec) or ""
    published = _day(rec.get("published"))
    regions = record_regions(rec)
    codes = sorted({c for _, c in regions})
    primary = next((c for _, c in regions if c.count(".") >= 1), regions[0][1] if regions else None)
    counts = [c for c in rec.get("counts") or () if isinstance(c, Mapping)]
    events: list[Record] = []
    for idx, ev in enumerate(e for e in rec.get("events") or () if isinstance(e, Mapping)):
        etype = ev.get("type")
        if not isinstance(etype, str):
            continue
        roles = {k: v for k, v in (ev.get("roles") or {}).items() if v not in (None, "", [])}
        when = _precision_date(ev.get("date"))
        day = when if when and len(when) == 10 else None
        sentence = ev.get("sentence") if isinstance(ev.get("sentence"), str) else None
        texts = [str(v) for v in roles.values() if isinstance(v, str)]
        found = _named_in([roles.get("location")], regions) if roles.get("location") else []
        found = found or _named_in(texts + [sentence], regions)
        located = bool(found)
        found = found or ([primary] if primary else [])
        money, currency = _money(([sentence] if sentence else []) + texts)
        count = _number(roles.get("count"))
        unit = None
        if count is not None:
            same = [c for c in counts if _number(c.get("value")) == count and c.get("unit")]
            unit = _unit(same[0]["unit"]) if same else _unit(roles.get("beneficiary"))
        events.append({
            "type": etype, "date": when, "eff": day or published or "", "published": published,
            "doc_id": doc_id, "idx": idx, "roles": roles, "evidence": sentence,
            "region_codes": _most_specific(found), "located": located, "money": money, "currency": currency,
            "count": count, "count_unit": unit,
        })
    officials: list[Record] = []
    for p in rec.get("persons") or ():
        if not isinstance(p, Mapping) or not p.get("title") or not normalize_name(p.get("name")):
            continue
        jur_code = _jurisdiction_code(p.get("jurisdiction"), regions)
        place = (jur_code and f"c:{jur_code}") or (p.get("jurisdiction") and f"j:{_name_key(p['jurisdiction'])}") \
            or (p.get("organization") and f"o:{_name_key(p['organization'])}") or ""
        officials.append({
            "block": f"{_title_key(p['title'])}|{place}", "name_key": normalize_name(p["name"]),
            "name": str(p["name"]), "title": str(p["title"]),
            "jurisdiction": p.get("jurisdiction"), "region_code": jur_code,
            "organization": p.get("organization"), "is_official": p.get("is_official"),
            "doc_id": doc_id, "published": published,
        })
    article = {"doc_id": doc_id, "published": published, "codes": codes}
    return {"article": article, "events": events, "officials": officials}


# --------------------------------------------------------------------------------------------
# Events: merging mentions of one occurrence (pure)
# --------------------------------------------------------------------------------------------

@lru_cache(maxsize=65536)
def _words(v: Any) -> frozenset[str]:
    return frozenset(w for w in _name_key(v).split() if w not in _rules().generic and not w.isdigit())


_JOINERS = frozenset({"dan", "serta", "dengan"})


def is_acronym(word: str, words: Sequence[str]) -> bool:
    """Whether ``word`` abbreviates two or more consecutive ``words`` by their first letters or syllables
    ("bri" ← bank rakyat indonesia, "kemenkop" ← kementerian koperasi, "bappeda" ← badan perencanaan
    pembangunan daerah): each word gives a prefix, joiners (dan, serta) may be skipped. Letters taken from
    inside a word ("Diskominfo": DInas KOMunikasi dan INFOrmatika) are not followed."""
    if len(word) < 3:
        return False

    @cache
    def match(pos: int, i: int, used: int) -> bool:
        if pos == len(word):
            return used >= 2
        if i >= len(words):
            return False
        w = words[i]
        if w in _JOINERS and match(pos, i + 1, used):
            return True
        k = 0
        while k < len(w) and pos + k < len(word) and w[k] == word[pos + k]:
            k += 1
            if match(pos + k, i + 1, used + 1):
                return True
        return False

    return any(match(0, i, 0) for i in range(len(words)) if words[i][:1] == word[:1])


def _hits(ws: frozenset[str], other: str) -> int:
    """How many of the distinctive words ``ws`` the text ``other`` has, as a word or as the words it abbreviates."""
    words = other.split()
    plain = set(words)
    return sum(1 for w in ws if w in plain or is_acronym(w, words))


@lru_cache(maxsize=65536)
def similar(a: Any, b: Any) -> bool:
    """Whether two role texts name the same thing (see the module docstring)."""
    if isinstance(a, (int, float)) or isinstance(b, (int, float)):
        return _number(a) is not None and _number(a) == _number(b)
    x, y = _name_key(a), _name_key(b)
    if not x or not y:
        return False
    if f" {x} " in f" {y} " or f" {y} " in f" {x} ":
        return bool(_words(x) and _words(y)) or x == y
    wx, wy = _words(x), _words(y)
    if not wx or not wy:
        return False
    return 2 * max(_hits(wx, y), _hits(wy, x)) >= min(len(wx), len(wy))


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Equal dates, a month or year containing the other, or no date on one side."""
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def places_compatible(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two sets of region codes can be one place: a code of one is, contains or lies in a code of the other."""
    return any(x == y or x.startswith(y + ".") or y.startswith(x + ".") for x in a for y in b)


@dataclass
class Occurrence:
    """Mentions (in the order they joined) of one real-world event, with the distinct dates and role values
    seen so far (what a new mention is checked against)."""
    type: str
    first_eff: str
    mentions: list[Record] = field(default_factory=list)
    docs: set[str] = field(default_factory=set)
    dates: set[str | None] = field(default_factory=set)
    values: dict[str, set[Any]] = field(default_factory=dict)
    places: set[tuple[str, ...]] = field(default_factory=set)

    def add(self, m: Record) -> None:
        self.mentions.append(m)
        self.docs.add(m["doc_id"])
        self.dates.add(m["date"])
        if m["located"]:
            self.places.add(tuple(m["region_codes"]))
        for r in _rules().conflict_roles.get(self.type, ()):
            if r in m["roles"]:
                self.values.setdefault(r, set()).add(_hashable(m["roles"][r]))


def _hashable(v: Any) -> Any:
    return json.dumps(v, ensure_ascii=False, sort_keys=True) if isinstance(v, (list, dict)) else v


def _match_score(m: Record, occ: Occurrence) -> float | None:
    """How well a mention fits an occurrence (shared similar roles), or None when it cannot be the same."""
    if m["doc_id"] in occ.docs or not m["eff"]:
        return None  # same article, or no time known (no day date, no publication day): nothing to merge on
    rules = _rules()
    keys = rules.key_roles.get(m["type"], ())
    if not all(dates_compatible(m["date"], d) for d in occ.dates):
        return None
    if m["located"] and not all(places_compatible(m["region_codes"], p) for p in occ.places):
        return None
    for r, seen in occ.values.items():
        if r in m["roles"] and not all(similar(_hashable(m["roles"][r]), v) for v in seen):
            return None
    score = 0.0
    key_hit = False
    rep = occ.mentions[0]["roles"]
    for r, v in m["roles"].items():
        if r in rep and similar(_hashable(v), _hashable(rep[r])):
            score += 2.0 if r in keys else 1.0
            key_hit = key_hit or r in keys
    first = occ.mentions[0]["evidence"]
    if m["evidence"] and first and same_sentence(m["evidence"], first):
        score += 2.0
        key_hit = True
    return score if key_hit else None


@lru_cache(maxsize=65536)
def same_sentence(a: str, b: str) -> bool:
    """Two evidence sentences of one press release: at least 60 % of their words in common (Jaccard), and
    more than five words each."""
    x, y = set(_name_key(a).split()), set(_name_key(b).split())
    return len(x) > 5 and len(y) > 5 and len(x & y) >= 0.6 * len(x | y)


def mention_order(m: Mapping[str, Any]) -> tuple[str, str, str, int]:
    """The fixed order in which mentions are merged: type, effective date, doc_id, position."""
    return (m["type"], m["eff"], m["doc_id"], int(m["idx"]))


def _days_apart(a: str, b: str) -> int | None:
    try:
        return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)
    except ValueError:
        return None


def merge_events(mentions: Iterable[Record]) -> Iterator[Occurrence]:
    """Occurrences from event mentions sorted by ``mention_order`` (a stream; see the module docstring)."""
    window = _rules().window_days
    active: list[Occurrence] = []
    current_type: str | None = None
    for m in mentions:
        if m["type"] != current_type:
            yield from active
            active, current_type = [], m["type"]
        keep: list[Occurrence] = []
        for occ in active:
            apart = _days_apart(m["eff"], occ.first_eff) if m["eff"] and occ.first_eff else None
            if (apart is not None and apart > window) or (not m["eff"]) != (not occ.first_eff):
                yield occ
            else:
                keep.append(occ)
        active = keep
        best: Occurrence | None = None
        best_score = 0.0
        for occ in active:
            s = _match_score(m, occ)
            if s is not None and s > best_score:
                best, best_score = occ, s
        if best is None:
            best = Occurrence(m["type"], m["eff"])
            active.append(best)
        best.add(m)
    yield from active


def _pick(values: Iterable[Any]) -> Any:
    """The most frequent value (by normalised text); ties: the longer text, then the smaller."""
    vals = [v for v in values if v not in (None, "")]
    if not vals:
        return None
    freq = Counter(_name_key(v) if isinstance(v, str) else v for v in vals)
    return min(vals, key=lambda v: (-freq[_name_key(v) if isinstance(v, str) else v], -len(str(v)), str(v)))


def event_row(occ: Occurrence) -> Row:
    """The events-table row of an occurrence."""
    ms = occ.mentions
    dates = [m["date"] for m in ms if m["date"]]
    best_date = _pick([d for d in dates if len(d) == 10]) or _pick([d for d in dates if len(d) == 7]) or _pick(dates)
    roles: dict[str, Any] = {}
    for r in sorted({r for m in ms for r in m["roles"]}):
        roles[r] = _pick([m["roles"].get(r) for m in ms])
    codes = _most_specific(c for m in ms for c in m["region_codes"])
    sources = sorted(occ.docs)
    published = sorted(m["published"] for m in ms if m["published"])
    money_m = [m for m in ms if m["money"] is not None]
    money = max((m["money"] for m in money_m), default=None)
    currency = next((m["currency"] for m in money_m if m["money"] == money), None)
    count = _pick([m["count"] for m in ms])
    unit = _pick([m["count_unit"] for m in ms if m["count"] == count]) if count is not None else None
    evidence = {m["doc_id"]: m["evidence"] for m in ms if m["evidence"]}
    ident = "|".join([occ.type, best_date or ""] + sorted(f"{m['doc_id']}#{m['idx']}" for m in ms))
    row: Row = {
        "event_id": "ev-" + hashlib.sha1(ident.encode()).hexdigest()[:12],
        "type": occ.type, "date": best_date,
        "month": (best_date[:7] if best_date and len(best_date) >= 7 else (published[0][:7] if published else None)),
        "region_codes": ";".join(codes) or None,
        "province_codes": ";".join(sorted({c.split(".")[0] for c in codes})) or None,
    }
    for r in ROLE_NAMES:
        v = roles.pop(r, None)
        row[f"role_{r}"] = _number(v) if r == "count" else (None if v is None else str(v))
    row["other_roles"] = json.dumps(roles, ensure_ascii=False, sort_keys=True) if roles else None
    row.update({
        "money": money, "currency": currency, "count": count, "count_unit": unit,
        "n_sources": len(sources), "sources": ";".join(sources),
        "first_published": published[0] if published else None,
        "last_published": published[-1] if published else None,
        "evidence": json.dumps(evidence, ensure_ascii=False, sort_keys=True) if evidence else None,
    })
    return row


def event_sort_key(row: Mapping[str, Any]) -> tuple[str, str, str]:
    return (row["date"] or row["first_published"] or "9999", row["type"], row["event_id"])


# --------------------------------------------------------------------------------------------
# Officials (pure)
# --------------------------------------------------------------------------------------------

def _is_edge(short: list[str], long_: list[str]) -> bool:
    return len(short) < len(long_) and (long_[: len(short)] == short or long_[-len(short):] == short)


def merge_officials(mentions: Sequence[Record]) -> list[Row]:
    """The officials rows of one office block (same title and place): names merged (see the module docstring)."""
    by_name: dict[str, list[Record]] = {}
    for m in sorted(mentions, key=lambda m: (m["name_key"], m["doc_id"], m["name"])):
        by_name.setdefault(m["name_key"], []).append(m)
    keys = sorted(by_name, key=lambda k: (-len(k.split()), k))
    target: dict[str, str] = {}
    for k in keys:
        words = k.split()
        longer = [o for o in keys if _is_edge(words, o.split())]
        # the longest names that contain this one: it merges only when they are one person
        roots = {target.get(o, o) for o in longer}
        if len(roots) == 1:
            target[k] = roots.pop()
    groups: dict[str, list[Record]] = {}
    for k in keys:
        groups.setdefault(target.get(k, k), []).extend(by_name[k])
    rows: list[Row] = []
    for root, ms in groups.items():
        full = [m for m in ms if m["name_key"] == root]
        docs = sorted({m["doc_id"] for m in ms})
        seen = sorted(m["published"] for m in ms if m["published"])
        code = _pick([m["region_code"] for m in ms])
        official = [m["is_official"] for m in ms if m["is_official"] is not None]
        rows.append({
            "name": _pick([m["name"] for m in full]), "title": _pick([m["title"] for m in ms]),
            "jurisdiction": (region_name(code)[0] if code else _pick([m["jurisdiction"] for m in ms])),
            "region_code": code, "organization": _pick([m["organization"] for m in ms]),
            "is_official": (any(official) if official else None), "n_articles": len(docs),
            "first_seen": seen[0] if seen else None, "last_seen": seen[-1] if seen else None,
            "sources": ";".join(docs), "names": ";".join(sorted({m["name"] for m in ms})),
        })
    return rows


def official_sort_key(row: Mapping[str, Any]) -> tuple[str, str, str, str]:
    return (row["region_code"] or "~", _title_key(row["title"]), normalize_name(row["name"]), row["sources"])


# --------------------------------------------------------------------------------------------
# Regions: roll-up (pure)
# --------------------------------------------------------------------------------------------

Tally = Counter  # (code, month, measure) -> number


def _closure(codes: Iterable[str]) -> set[str]:
    return {a for c in codes for a in ancestors(c)}


def tally_article(tally: Tally, article: Mapping[str, Any]) -> None:
    month = (article["published"] or "")[:7]
    for code in _closure(article["codes"]):
        tally[(code, month, "articles")] += 1


def tally_event(tally: Tally, row: Mapping[str, Any]) -> None:
    month = row["month"] or ""
    codes = (row["region_codes"] or "").split(";") if row["region_codes"] else []
    for code in _closure(codes):
        tally[(code, month, "events")] += 1
        tally[(code, month, f"events_{row['type']}")] += 1
        if row["money"] is not None:
            tally[(code, month, "money_rupiah" if row["currency"] == "rupiah" else f"count:{row['currency']}")] \
                += row["money"]
        if row["count"] is not None:
            tally[(code, month, f"count:{row['count_unit'] or ''}")] += row["count"]


def region_rows(tally: Tally) -> list[Row]:
    """The regions table from a tally, sorted by code and month."""
    cells: dict[tuple[str, str], dict[str, float]] = {}
    for (code, month, measure), v in tally.items():
        cells.setdefault((code, month), {})[measure] = v
    rows: list[Row] = []
    for (code, month), m in sorted(cells.items()):
        name, level = region_name(code)
        counts = {k[len("count:"):]: _tidy(v) for k, v in sorted(m.items()) if k.startswith("count:")}
        row: Row = {"code": code, "name": name, "level": level,
                    "parent_code": code.rsplit(".", 1)[0] if "." in code else None, "month": month or None,
                    "articles": int(m.get("articles", 0)), "events": int(m.get("events", 0))}
        for t in EVENT_TYPES:
            row[f"events_{t}"] = int(m.get(f"events_{t}", 0))
        row["money_rupiah"] = m.get("money_rupiah")
        row["counts"] = json.dumps(counts, ensure_ascii=False, sort_keys=True) if counts else None
        rows.append(row)
    return rows


def _tidy(v: float) -> float | int:
    return int(v) if float(v).is_integer() else round(v, 6)


# --------------------------------------------------------------------------------------------
# The streaming engine
# --------------------------------------------------------------------------------------------

class _Store:
    """Records' mentions in a temporary SQLite file, deduplicated by doc_id, read back in a fixed order."""

    def __init__(self, folder: str) -> None:
        self.db = sqlite3.connect(os.path.join(folder, "aggregate.sqlite"))
        self.db.executescript("""
            PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-16000;
            CREATE TABLE art (doc_id TEXT PRIMARY KEY, digest TEXT, data TEXT);
            CREATE TABLE ev (doc_id TEXT, type TEXT, eff TEXT, idx INTEGER, data TEXT);
            CREATE TABLE off (doc_id TEXT, block TEXT, name_key TEXT, data TEXT);
            CREATE TABLE out (tbl TEXT, k1 TEXT, k2 TEXT, k3 TEXT, k4 TEXT, data TEXT);
        """)
        self.records = 0
        self.duplicates = 0
        self.failures = 0

    def add(self, rec: Mapping[str, Any]) -> None:
        self.records += 1
        if _is_failure(rec):
            self.failures += 1
            return
        doc_id = _doc_id(rec)
        if doc_id is None:
            raise ValueError(f"record #{self.records} has no doc_id")
        digest = _digest(rec)
        cur = self.db.execute("SELECT digest FROM art WHERE doc_id=?", (doc_id,)).fetchone()
        if cur is not None:
            self.duplicates += 1
            if cur[0] <= digest:
                return
            for t in ("art", "ev", "off"):
                self.db.execute(f"DELETE FROM {t} WHERE doc_id=?", (doc_id,))
        parts = explode(rec)
        self.db.execute("INSERT INTO art VALUES (?,?,?)", (doc_id, digest, json.dumps(parts["article"])))
        self.db.executemany("INSERT INTO ev VALUES (?,?,?,?,?)",
                            [(m["doc_id"], m["type"], m["eff"], m["idx"], json.dumps(m, ensure_ascii=False))
                             for m in parts["events"]])
        self.db.executemany("INSERT INTO off VALUES (?,?,?,?)",
                            [(m["doc_id"], m["block"], m["name_key"], json.dumps(m, ensure_ascii=False))
                             for m in parts["officials"]])

    def mentions(self) -> Iterator[Record]:
        for (data,) in self.db.execute("SELECT data FROM ev ORDER BY type, eff, doc_id, idx"):
            yield json.loads(data)

    def office_blocks(self) -> Iterator[list[Record]]:
        rows = self.db.execute("SELECT block, data FROM off ORDER BY block, name_key, doc_id")
        for _, group in groupby(rows, key=lambda r: r[0]):
            yield [json.loads(d) for _, d in group]

    def articles(self) -> Iterator[Record]:
        for (data,) in self.db.execute("SELECT data FROM art ORDER BY doc_id"):
            yield json.loads(data)

    def put(self, table: str, key: Sequence[str], row: Row) -> None:
        k = list(key) + [""] * (4 - len(key))
        self.db.execute("INSERT INTO out VALUES (?,?,?,?,?,?)", (table, *k[:4], json.dumps(row, ensure_ascii=False)))

    def rows(self, table: str) -> Iterator[Row]:
        for (data,) in self.db.execute("SELECT data FROM out WHERE tbl=? ORDER BY k1, k2, k3, k4", (table,)):
            yield json.loads(data)

    def close(self) -> None:
        self.db.close()


@dataclass
class Summary:
    """What an aggregation read and wrote."""
    records: int = 0
    articles: int = 0
    duplicates: int = 0
    failures: int = 0
    mentions: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    files: dict[str, Path] = field(default_factory=dict)


Sink = Callable[[str, Row], None]


def run(records: Iterable[Mapping[str, Any]], sink: Sink, *, batch: int = 2000) -> Summary:
    """Aggregate ``records`` (streamed once) and hand each output row to ``sink(table, row)``, table by table in
    ``TABLES`` order, each table sorted by its fixed keys."""
    summary = Summary()
    with tempfile.TemporaryDirectory(prefix="umkm-aggregate-") as folder:
        store = _Store(folder)
        try:
            for i, rec in enumerate(records, 1):
                store.add(rec)
                if i % batch == 0:
                    store.db.commit()
            store.db.commit()
            tally: Tally = Counter()
            for art in store.articles():
                summary.articles += 1
                tally_article(tally, art)
            for occ in merge_events(_counted(store.mentions(), summary)):
                row = event_row(occ)
                tally_event(tally, row)
                store.put("events", event_sort_key(row), row)
            for block in store.office_blocks():
                for row in merge_officials(block):
                    store.put("officials", official_sort_key(row), row)
            store.db.commit()
            for table in ("events", "officials"):
                n = 0
                for row in store.rows(table):
                    sink(table, row)
                    n += 1
                summary.rows[table] = n
            regions = region_rows(tally)
            for row in regions:
                sink("regions", row)
            summary.rows["regions"] = len(regions)
        finally:
            summary.records, summary.duplicates, summary.failures = store.records, store.duplicates, store.failures
            store.close()
    return summary


def _counted(mentions: Iterator[Record], summary: Summary) -> Iterator[Record]:
    for m in mentions:
        summary.mentions += 1
        yield m


@dataclass
class Dataset:
    """The three tables of an aggregation (lists of row dicts, columns as in ``SCHEMA``) and its summary."""
    events: list[Row]
    officials: list[Row]
    regions: list[Row]
    summary: Summary

    def frames(self) -> dict[str, Any]:
        """The tables as pandas DataFrames (``pip install "umkm-extract[dataframe]"``)."""
        try:
            import pandas as pd
        except ImportError as exc:
            raise ImportError('DataFrames need pandas: pip install "umkm-extract[dataframe]"') from exc
        return {t: pd.DataFrame(getattr(self, t), columns=[c for c, _ in SCHEMA[t]]) for t in TABLES}

    def write(self, folder: str | Path, fmt: str = "csv", *, report: bool = True) -> dict[str, Path]:
        """Write the tables and the report to ``folder`` (see ``write_dataset``); returns the files by table."""
        return write_dataset(self, folder, fmt, report=report).files


def aggregate(records: Iterable[Any] | str | os.PathLike[str]) -> Dataset:
    """The dataset view of article records (paths, dicts or Articles; see the module docstring)."""
    tables: dict[str, list[Row]] = {t: [] for t in TABLES}
    summary = run(read_records(records), lambda t, row: tables[t].append(row))
    return Dataset(tables["events"], tables["officials"], tables["regions"], summary)


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------

class ReportData:
    """What the HTML report shows, gathered from the rows as they stream past (bounded memory)."""

    def __init__(self, top: int = 20) -> None:
        self.top = top
        self.officials: list[tuple[Any, ...]] = []
        self.aid: list[tuple[Any, ...]] = []
        self.regions: list[Row] = []
        self.events_by_month: Counter[tuple[str, str]] = Counter()
        self.events_by_type: Counter[str] = Counter()
        self.n = 0

    def add(self, table: str, row: Row) -> None:
        if table == "events":
            self.events_by_month[(row["month"] or "?", row["type"])] += 1
            self.events_by_type[row["type"]] += 1
            if row["type"] == "aid_distributed" and row["money"] is not None and row["currency"] == "rupiah":
                self._push(self.aid, (row["money"], -self.n, row))
        elif table == "officials":
            self._push(self.officials, (row["n_articles"], -self.n, row))
        elif table == "regions" and row["level"] == "provinsi":
            self.regions.append(row)
        self.n += 1

    def _push(self, heap: list[tuple[Any, ...]], item: tuple[Any, ...]) -> None:
        if len(heap) < self.top:
            heapq.heappush(heap, item)
        else:
            heapq.heappushpop(heap, item)

    @staticmethod
    def ranked(heap: list[tuple[Any, ...]]) -> list[Row]:
        return [item[-1] for item in sorted(heap, key=lambda x: (-x[0], -x[1]))]


def write_dataset(source: Dataset | Iterable[Any] | str | os.PathLike[str], folder: str | Path, fmt: str = "csv", *,
                  report: bool = True) -> Summary:
    """Write the tables (``DIR/events.csv`` …, or ``.parquet``) and ``DIR/report.html``; ``source`` is a Dataset or
    records (streamed). Files are written under a temporary name and renamed when complete; the summary's
    ``files`` names them."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    writer_cls = table_writer(fmt)  # type: ignore[arg-type]
    writers = {t: writer_cls(t, out / f"{t}.{fmt}", SCHEMA[t]) for t in TABLES}
    data = ReportData()

    def sink(table: str, row: Row) -> None:
        writers[table].add(row)
        data.add(table, row)

    try:
        if isinstance(source, Dataset):
            summary = source.summary
            for t in TABLES:
                for row in getattr(source, t):
                    sink(t, row)
        else:
            summary = run(read_records(source), sink)
    except BaseException:
        for w in writers.values():
            w.abort()
        raise
    for t, w in writers.items():
        w.close()
        summary.files[t] = w.path
    if report:
        from .report import render_report

        path = out / "report.html"
        tmp = path.with_name(path.name + ".part")
        tmp.write_text(render_report(data, summary), encoding="utf-8")
        tmp.replace(path)
        summary.files["report"] = path
    return summary
