"""Scoring of article records against gold, by the rules of ANNOTATION.md ("Scoring").

For each field (persons, regions, dates, counts, events) the predicted items of a document are
deduplicated (persons only under one name, events never; gold items never), then each gold item, in
gold order, takes the first unused predicted item that matches it, equal person names first (greedy,
as the referee scorer does, so that figures agree with it). Precision, recall and F1 are
micro-averaged over the documents of the gold set; a field whose gold is empty everywhere has no
recall and its F1 is its precision. On matched pairs an attribute is scored as accuracy:
the person `title`, the region `code` (where gold has one), each event role.

>>> report = evaluate("corpus-dev/", "predictions.jsonl")      # doctest: +SKIP
>>> print(report.format_table())                                # doctest: +SKIP

Documents missing from the predictions count as predicting nothing; predictions for documents
that are not in the gold set are ignored (listed in `EvaluationReport.extra_docs`).
"""
from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Union

from .rules.text import normalize_name, normalize_text

__all__ = [
    "FIELDS",
    "AttributeMismatch",
    "DocumentErrors",
    "EvaluationReport",
    "FieldErrors",
    "FieldScore",
    "evaluate",
    "load_gold",
    "load_predictions",
]

FIELDS: Final[tuple[str, ...]] = ("persons", "regions", "dates", "counts", "events")
#: The attribute scored on matched pairs, per field (None: the field has none).
ATTRIBUTE_NAMES: Final[Mapping[str, str | None]] = {
    "persons": "title",
    "regions": "code",
    "dates": None,
    "counts": None,
    "events": "roles",
}

Record = dict[str, Any]
RecordSource = Union[str, "os.PathLike[str]", Mapping[str, Any], Iterable[Any]]

_EPS = 1e-6
# Keys that name the document of a prediction record, in order of preference (as the referee reads them).
_KEY_FIELDS = ("doc_id", "id", "name", "file", "path", "source")
_KEY_SUFFIXES = (".gold.json", ".json", ".txt")


# --------------------------------------------------------------------------------------------
# Matching rules
# --------------------------------------------------------------------------------------------

def _is_number(v: Any) -> bool:
    return isinstance(v, (int, float))


def _num(v: Any) -> float | None:
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def _same_number(a: Any, b: Any) -> bool:
    x, y = _num(a), _num(b)
    return x is not None and y is not None and abs(x - y) < _EPS


def _is_empty_role(v: Any) -> bool:
    return v is None or v == "" or v == []


def _text(v: Any) -> str:
    """A value (string, number, list of strings) as normalised text."""
    if isinstance(v, (list, tuple)):
        return normalize_text(" ".join("" if x is None else str(x) for x in v))
    return normalize_text(None if v is None else str(v))


def _overlap(a: Any, b: Any) -> bool:
    """One text contains the other, after normalisation; empty texts overlap nothing."""
    x, y = _text(a), _text(b)
    return bool(x and y) and (x in y or y in x)


def _first_word(unit: Any) -> str:
    words = _text(unit).split()
    return words[0] if words else ""


_PARENTHETICAL = re.compile(r"\([^()]*\)")
_name = normalize_name  # honorifics.txt is the referee's list (tests/test_evaluate.py checks it)


def _title(v: Any) -> str:
    """A title as scored: parenthetical groups ("(Diskominfo)") removed, then normalised."""
    return "" if v is None else normalize_text(_PARENTHETICAL.sub(" ", str(v)))


def _person_match(a: Any, b: Any) -> bool:
    x, y = _name(a).split(), _name(b).split()
    if not x or not y:
        return False
    if x == y:
        return True
    short, long_ = (x, y) if len(x) < len(y) else (y, x)
    if len(short) < 2:
        return False
    return long_[: len(short)] == short or long_[-len(short):] == short


def _roles(item: Mapping[str, Any]) -> Mapping[str, Any]:
    roles = item.get("roles")
    return roles if isinstance(roles, Mapping) else {}


def _matches(field: str, o: Mapping[str, Any], g: Mapping[str, Any]) -> bool:
    """Whether predicted item `o` matches gold item `g` (the ANNOTATION.md table)."""
    if field == "persons":
        return _person_match(o.get("name"), g.get("name"))
    if field == "regions":
        gc, oc = g.get("code"), o.get("code")
        if gc and oc and str(oc) == str(gc):
            return True
        return (_text(o.get("name")).replace(" ", "") == _text(g.get("name")).replace(" ", "")
                and _text(o.get("level")) == _text(g.get("level")))
    if field == "dates":
        return str(o.get("value")) == str(g.get("value"))
    if field == "counts":
        return _same_number(o.get("value"), g.get("value")) and _first_word(o.get("unit")) == _first_word(g.get("unit"))
    if field == "events":
        if o.get("type") != g.get("type") or (o.get("date") or None) != (g.get("date") or None):
            return False
        gold_roles = [v for v in _roles(g).values() if not _is_empty_role(v)]
        if not gold_roles:
            return True
        pred_roles = list(_roles(o).values())
        return any(_overlap(ov, gv) for ov in pred_roles for gv in gold_roles if not _is_number(gv))
    raise ValueError(f"unknown field {field!r}; expected one of {', '.join(FIELDS)}")


def _attribute_checks(field: str, o: Mapping[str, Any], g: Mapping[str, Any]) -> list[tuple[str, Any, Any, bool]]:
    """(attribute, predicted value, gold value, correct) for each attribute scored on a matched pair."""
    if field == "persons":
        if g.get("title") is None:
            return []
        return [("title", o.get("title"), g["title"], _title(o.get("title")) == _title(g["title"]))]
    if field == "regions":
        if not g.get("code"):
            return []
        return [("code", o.get("code"), g["code"], str(o.get("code")) == str(g["code"]))]
    if field == "events":
        out: list[tuple[str, Any, Any, bool]] = []
        pred_roles = _roles(o)
        for role, gv in _roles(g).items():
            if _is_empty_role(gv):
                continue
            ov = pred_roles.get(role)
            ok = _same_number(ov, gv) if _is_number(gv) else _overlap(ov, gv)
            out.append((f"roles.{role}", ov, gv, ok))
        return out
    return []


def _dedupe(field: str, items: list[Record]) -> list[Record]:
    """Predicted items in order, dropping repeats of the same value (ANNOTATION.md "Scoring").

    Persons merge only under one scored name ("Murad Ismail" and "Widya Pratiwi Murad Ismail" stay two);
    events never merge (a repeated event is a false positive); other items merge when each matches the
    other. Gold items are never merged: gold lists distinct items by definition."""
    if field == "events":
        return list(items)
    out: list[Record] = []
    seen_names: set[str] = set()
    for it in items:
        if field == "persons":
            key = _name(it.get("name"))
            if key in seen_names:
                continue
            seen_names.add(key)
        elif any(_matches(field, it, o) and _matches(field, o, it) for o in out):
            continue
        out.append(it)
    return out


# --------------------------------------------------------------------------------------------
# Result types
# --------------------------------------------------------------------------------------------

def _round(x: float | None, ndigits: int | None) -> float | None:
    return x if x is None or ndigits is None else round(x, ndigits)


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


@dataclass(frozen=True)
class FieldScore:
    """Micro-averaged scores of one field over the gold set.

    `recall` is None when the gold lists no item of the field (then `f1` equals `precision`);
    `attribute` is the accuracy of `attribute_name` on matched pairs, None when nothing was scored."""

    precision: float
    recall: float | None
    f1: float
    tp: int
    n_pred: int
    n_gold: int
    attribute: float | None
    attribute_name: str | None
    attribute_hits: int = 0
    attribute_total: int = 0

    def to_dict(self, *, ndigits: int | None = None) -> dict[str, Any]:
        return {
            "precision": _round(self.precision, ndigits),
            "recall": _round(self.recall, ndigits),
            "f1": _round(self.f1, ndigits),
            "tp": self.tp,
            "n_pred": self.n_pred,
            "n_gold": self.n_gold,
            "attribute": _round(self.attribute, ndigits),
            "attribute_name": self.attribute_name,
            "attribute_hits": self.attribute_hits,
            "attribute_total": self.attribute_total,
        }


@dataclass(frozen=True)
class AttributeMismatch:
    """A matched pair whose attribute differs: `attribute` is "title", "code" or "roles.ROLE"."""

    attribute: str
    predicted: Any
    gold: Any
    gold_item: Record
    predicted_item: Record

    def to_dict(self) -> dict[str, Any]:
        return {"attribute": self.attribute, "predicted": self.predicted, "gold": self.gold,
                "gold_item": self.gold_item, "predicted_item": self.predicted_item}


@dataclass(frozen=True)
class FieldErrors:
    """What went wrong in one field of one document; items are the records' own dicts."""

    missed: tuple[Record, ...] = ()
    spurious: tuple[Record, ...] = ()
    mismatches: tuple[AttributeMismatch, ...] = ()

    @property
    def ok(self) -> bool:
        return not (self.missed or self.spurious or self.mismatches)

    def to_dict(self) -> dict[str, Any]:
        return {"missed": list(self.missed), "spurious": list(self.spurious),
                "mismatches": [m.to_dict() for m in self.mismatches]}


@dataclass(frozen=True)
class DocumentErrors:
    """The errors of one gold document, per field.

    `missing` is True when the predictions hold no record for the document. `published_gold`
    and `published_predicted` are the two `published` values; `published_correct` is None when
    the gold has none (the document does not count towards published accuracy)."""

    doc_id: str
    fields: dict[str, FieldErrors]
    missing: bool = False
    published_gold: Any = None
    published_predicted: Any = None

    @property
    def published_correct(self) -> bool | None:
        if not self.published_gold:
            return None
        return bool(self.published_predicted == self.published_gold)

    @property
    def has_errors(self) -> bool:
        return (self.missing or self.published_correct is False
                or any(not fe.ok for fe in self.fields.values()))

    def to_dict(self) -> dict[str, Any]:
        return {
            "doc_id": self.doc_id,
            "missing": self.missing,
            "published": {"gold": self.published_gold, "predicted": self.published_predicted,
                          "correct": self.published_correct},
            "fields": {name: fe.to_dict() for name, fe in self.fields.items()},
        }


def _quote(v: Any) -> str:
    return "null" if v is None else repr(v) if isinstance(v, str) else json.dumps(v, ensure_ascii=False, default=str)


def _describe(field: str, item: Mapping[str, Any]) -> str:
    """A one-line human description of an item of `field` (used by `format_errors`)."""
    g = item.get
    if field == "persons":
        extra = ", ".join(str(x) for x in (g("title"), g("jurisdiction"), g("organization")) if x)
        return f"{g('name')}" + (f" ({extra})" if extra else "")
    if field == "regions":
        return f"{g('name')} ({g('level')}, code {g('code') or '-'})"
    if field == "dates":
        return f"{_quote(g('text'))} = {g('value')}" if g("text") else f"{g('value')}"
    if field == "counts":
        core = f"{g('value')} {g('unit')}"
        return f"{_quote(g('text'))} = {core}" if g("text") else core
    if field == "events":
        roles = "; ".join(f"{k}: {v}" for k, v in _roles(item).items() if not _is_empty_role(v))
        trigger = f" {_quote(g('trigger'))}" if g("trigger") else ""
        return f"{g('type')} {g('date') or 'undated'}{trigger}" + (f" [{roles}]" if roles else "")
    return json.dumps(dict(item), ensure_ascii=False, default=str)


def _mismatch_label(field: str, item: Mapping[str, Any]) -> str:
    if field == "persons":
        return str(item.get("name"))
    if field == "regions":
        return f"{item.get('name')} ({item.get('level')})"
    if field == "events":
        return f"{item.get('type')} {item.get('date') or 'undated'}"
    return _describe(field, item)


@dataclass(frozen=True)
class EvaluationReport:
    """Scores per field, published-date accuracy and the errors of every gold document."""

    fields: dict[str, FieldScore]
    published_accuracy: float | None
    published_n: int
    missing_docs: tuple[str, ...]
    documents: dict[str, DocumentErrors]
    published_correct: int = 0
    extra_docs: tuple[str, ...] = ()

    def to_dict(self, *, ndigits: int | None = None, include_documents: bool = True) -> dict[str, Any]:
        """A JSON-ready dict; `ndigits` rounds the figures (the referee prints 3 digits)."""
        d: dict[str, Any] = {
            "fields": {name: fs.to_dict(ndigits=ndigits) for name, fs in self.fields.items()},
            "published": {"accuracy": _round(self.published_accuracy, ndigits), "n": self.published_n,
                          "correct": self.published_correct},
            "missing_docs": list(self.missing_docs),
            "extra_docs": list(self.extra_docs),
        }
        if include_documents:
            d["documents"] = {doc: de.to_dict() for doc, de in self.documents.items()}
        return d

    def format_table(self) -> str:
        """One line per field: P, R, F1, tp/pred/gold and the attribute accuracy; then published."""
        lines = [f"{'field':<9} {'P':>5}  {'R':>5}  {'F1':>5}  {'tp/pred/gold':>14}  attribute"]
        for name, fs in self.fields.items():
            counts = f"{fs.tp}/{fs.n_pred}/{fs.n_gold}"
            attr = "-" if fs.attribute_name is None else (
                f"{fs.attribute_name} {_fmt(fs.attribute)} ({fs.attribute_hits}/{fs.attribute_total})")
            lines.append(f"{name:<9} {_fmt(fs.precision):>5}  {_fmt(fs.recall):>5}  {_fmt(fs.f1):>5}  "
                         f"{counts:>14}  {attr}")
        lines.append(f"published accuracy {_fmt(self.published_accuracy)} ({self.published_correct}/{self.published_n}); "
                     f"missing docs: {len(self.missing_docs)}"
                     + (f" ({', '.join(self.missing_docs)})" if self.missing_docs else ""))
        return "\n".join(lines)

    def format_markdown(self) -> str:
        """The scores as a Markdown table (header, one row per field, a row for published)."""
        lines = ["| field | P | R | F1 | tp / pred / gold | attribute |",
                 "|---|---:|---:|---:|---:|---|"]
        for name, fs in self.fields.items():
            attr = "–" if fs.attribute_name is None else f"{fs.attribute_name} {_fmt(fs.attribute)}"
            r = "–" if fs.recall is None else _fmt(fs.recall)
            lines.append(f"| {name} | {_fmt(fs.precision)} | {r} | {_fmt(fs.f1)} | "
                         f"{fs.tp} / {fs.n_pred} / {fs.n_gold} | {attr} |")
        lines.append(f"| published | – | – | – | {self.published_correct} / {self.published_n} | "
                     f"accuracy {_fmt(self.published_accuracy)} |")
        return "\n".join(lines)

    def format_errors(self, *, fields: Iterable[str] | None = None) -> str:
        """Per document with errors, per field: "- missed: …", "+ spurious: …", "~ ATTR: got X, gold Y"."""
        wanted = tuple(FIELDS if fields is None else fields)
        unknown = [f for f in wanted if f not in FIELDS]
        if unknown:
            raise ValueError(f"unknown field(s) {', '.join(map(repr, unknown))}; expected some of {', '.join(FIELDS)}")
        blocks: list[str] = []
        for doc_id, de in self.documents.items():
            lines: list[str] = []
            if de.published_correct is False:
                lines.append(f"  published: got {_quote(de.published_predicted)}, gold {_quote(de.published_gold)}")
            for name in wanted:
                fe = de.fields.get(name)
                if fe is None or fe.ok:
                    continue
                lines.append(f"  {name}")
                lines.extend(f"    - missed: {_describe(name, it)}" for it in fe.missed)
                lines.extend(f"    + spurious: {_describe(name, it)}" for it in fe.spurious)
                lines.extend(f"    ~ {m.attribute}: got {_quote(m.predicted)}, gold {_quote(m.gold)}"
                             f" [{_mismatch_label(name, m.gold_item)}]" for m in fe.mismatches)
            if lines or de.missing:
                blocks.append(doc_id + (" (no prediction)" if de.missing else "") + "\n" + "\n".join(lines))
        return "\n".join(b.rstrip("\n") for b in blocks) if blocks else "no errors"

    def check_floors(self, floors: Mapping[str, float]) -> list[str]:
        """The fields whose F1 (or, for "published", accuracy) is below its floor, as messages.

        Figures are compared rounded to 3 digits, as the referee's ``--min`` does; a published
        accuracy that cannot be computed (no gold date) is not reported."""
        short: list[str] = []
        for name, floor in floors.items():
            if name in self.fields:
                value: float | None = self.fields[name].f1
                what = "F1"
            elif name == "published":
                value, what = self.published_accuracy, "accuracy"
            else:
                raise ValueError(f"unknown field {name!r} in floors; expected one of {', '.join(FIELDS)}, published")
            if value is not None and round(value, 3) < floor:
                short.append(f"{name}: {what} {value:.3f} < {floor}")
        return short


# --------------------------------------------------------------------------------------------
# Loading
# --------------------------------------------------------------------------------------------

def _as_record(obj: Any, where: str) -> Record:
    if isinstance(obj, Mapping):
        return dict(obj)
    to_dict = getattr(obj, "to_dict", None)
    if callable(to_dict):
        d = to_dict()
        if isinstance(d, Mapping):
            return dict(d)
    raise TypeError(f"{where}: expected a record (a mapping, or an object with to_dict()), "
                    f"got {type(obj).__name__}")


def _doc_key(rec: Mapping[str, Any]) -> str | None:
    """The document a record belongs to: its doc_id (or id/name/file/path/source), as a file stem."""
    for k in _KEY_FIELDS:
        if rec.get(k):
            base = os.path.basename(str(rec[k]))
            for ext in _KEY_SUFFIXES:
                if base.endswith(ext):
                    base = base[: -len(ext)]
            return base
    return None


def _read_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text("utf-8-sig"))
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno})") from None


def _read_jsonl(path: Path) -> dict[str, Record]:
    out: dict[str, Record] = {}
    with path.open(encoding="utf-8-sig") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.strip()
            if not line:
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{lineno}: not valid JSON ({exc.msg})") from None
            rec = _as_record(obj, f"{path}:{lineno}")
            key = _doc_key(rec)
            if key is None:
                raise ValueError(f"{path}:{lineno}: record has no doc_id (nor id, name, file, path, source)")
            out[key] = rec  # a later record of the same document replaces an earlier one
    return out


def _from_mapping_or_iterable(source: Any, what: str) -> dict[str, Record]:
    out: dict[str, Record] = {}
    if isinstance(source, Mapping):
        for key, value in source.items():
            out[str(key)] = _as_record(value, f"{what} {key!r} (a mapping must map doc_id to a record; "
                                              f"pass a list for records that carry doc_id)")
        return out
    if isinstance(source, Iterable):
        for i, obj in enumerate(source):
            rec = _as_record(obj, f"{what} #{i}")
            key = _doc_key(rec)
            if key is None:
                raise ValueError(f"{what} #{i} has no doc_id (nor id, name, file, path, source)")
            out[key] = rec
        return out
    raise TypeError(f"{what}s: expected a path, a mapping doc_id -> record or an iterable of records, "
                    f"got {type(source).__name__}")


def load_gold(gold: RecordSource) -> dict[str, Record]:
    """Gold records by doc_id: a folder of NAME.gold.json, a .jsonl file, a mapping or an iterable."""
    if isinstance(gold, (str, os.PathLike)):
        path = Path(gold)
        if path.is_dir():
            out = {fn[: -len(".gold.json")]: _as_record(_read_json(path / fn), str(path / fn))
                   for fn in sorted(os.listdir(path)) if fn.endswith(".gold.json")}
            if not out:
                raise ValueError(f"{path}: no NAME.gold.json files in this folder")
            return out
        if path.is_file():
            return _read_jsonl(path)
        raise FileNotFoundError(f"gold not found: {path}")
    return _from_mapping_or_iterable(gold, "gold record")


def load_predictions(predictions: RecordSource) -> dict[str, Record]:
    """Predicted records by doc_id: a JSONL file, a folder of NAME.json, a mapping or an iterable.

    In a folder every *.json but *.meta.json is read, keyed by its doc_id, else its file stem."""
    if isinstance(predictions, (str, os.PathLike)):
        path = Path(predictions)
        if path.is_dir():
            out: dict[str, Record] = {}
            for fn in sorted(os.listdir(path)):
                if fn.endswith(".json") and not fn.endswith(".meta.json"):
                    rec = _as_record(_read_json(path / fn), str(path / fn))
                    out[_doc_key(rec) or fn.split(".")[0]] = rec
            return out
        if path.is_file():
            return _read_jsonl(path)
        raise FileNotFoundError(f"predictions not found: {path}")
    return _from_mapping_or_iterable(predictions, "prediction")


# --------------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------------

def _items(rec: Mapping[str, Any], field: str, where: str) -> list[Record]:
    value = rec.get(field)
    if value is None:
        return []
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise TypeError(f"{where}: `{field}` must be a list of items, got {type(value).__name__}")
    items = [_as_record(it, f"{where}: {field}[{i}]") for i, it in enumerate(value)]
    if field == "events":
        for i, it in enumerate(items):
            if it.get("roles") is not None and not isinstance(it["roles"], Mapping):
                raise TypeError(f"{where}: events[{i}].roles must be a mapping role -> value, "
                                f"got {type(it['roles']).__name__}")
    return items


@dataclass
class _Tally:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0
    hits: int = 0
    total: int = 0


def _pairs(field: str, pred: list[Record], gold: list[Record]) -> dict[int, int]:
    """gold index → predicted index: each gold item, in gold order, takes the first unused match; for persons
    equal names pair up first, then the looser prefix/suffix matches (as the referee does)."""
    pairs: dict[int, int] = {}
    used: set[int] = set()
    if field == "persons":
        for gi, g in enumerate(gold):
            key = _name(g.get("name"))
            for i, o in enumerate(pred):
                if i not in used and _name(o.get("name")) == key:
                    used.add(i)
                    pairs[gi] = i
                    break
    for gi, g in enumerate(gold):
        if gi in pairs:
            continue
        for i, o in enumerate(pred):
            if i not in used and _matches(field, o, g):
                used.add(i)
                pairs[gi] = i
                break
    return pairs


def _score_field(field: str, pred: list[Record], gold: list[Record]) -> tuple[_Tally, FieldErrors]:
    pred = _dedupe(field, pred)
    pairs = _pairs(field, pred, gold)
    tally = _Tally(n_pred=len(pred), n_gold=len(gold), tp=len(pairs))
    mismatches: list[AttributeMismatch] = []
    for gi, i in sorted(pairs.items()):
        for attribute, pv, gv, ok in _attribute_checks(field, pred[i], gold[gi]):
            tally.total += 1
            tally.hits += ok
            if not ok:
                mismatches.append(AttributeMismatch(attribute, pv, gv, gold[gi], pred[i]))
    missed = tuple(g for gi, g in enumerate(gold) if gi not in pairs)
    used = set(pairs.values())
    spurious = tuple(o for i, o in enumerate(pred) if i not in used)
    return tally, FieldErrors(missed, spurious, tuple(mismatches))


def _field_score(field: str, t: _Tally) -> FieldScore:
    precision = t.tp / t.n_pred if t.n_pred else (1.0 if t.n_gold == 0 else 0.0)
    recall = t.tp / t.n_gold if t.n_gold else None
    if recall is None:
        f1 = precision
    else:
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return FieldScore(precision=precision, recall=recall, f1=f1, tp=t.tp, n_pred=t.n_pred, n_gold=t.n_gold,
                      attribute=t.hits / t.total if t.total else None, attribute_name=ATTRIBUTE_NAMES[field],
                      attribute_hits=t.hits, attribute_total=t.total)


def evaluate(gold: RecordSource, predictions: RecordSource) -> EvaluationReport:
    """Score `predictions` against `gold` by the ANNOTATION.md rules.

    `gold`: a folder of NAME.gold.json (or a mapping doc_id -> record). `predictions`: a JSONL file
    whose records carry `doc_id`, a folder of NAME.json, a mapping doc_id -> record, or an iterable
    of records (dicts, or objects with `to_dict()` such as `Article`).
    Raises FileNotFoundError/ValueError/TypeError naming the bad input."""
    gold_recs = load_gold(gold)
    pred_recs = load_predictions(predictions)
    tallies = {f: _Tally() for f in FIELDS}
    documents: dict[str, DocumentErrors] = {}
    pub_n = pub_ok = 0
    for doc_id, g in gold_recs.items():
        p = pred_recs.get(doc_id) or {}
        per_field: dict[str, FieldErrors] = {}
        for f in FIELDS:
            t, fe = _score_field(f, _items(p, f, f"prediction {doc_id!r}"), _items(g, f, f"gold {doc_id!r}"))
            acc = tallies[f]
            acc.tp, acc.n_pred, acc.n_gold = acc.tp + t.tp, acc.n_pred + t.n_pred, acc.n_gold + t.n_gold
            acc.hits, acc.total = acc.hits + t.hits, acc.total + t.total
            per_field[f] = fe
        de = DocumentErrors(doc_id=doc_id, fields=per_field, missing=doc_id not in pred_recs,
                            published_gold=g.get("published"), published_predicted=p.get("published"))
        if de.published_correct is not None:
            pub_n += 1
            pub_ok += int(de.published_correct)
        documents[doc_id] = de
    return EvaluationReport(
        fields={f: _field_score(f, tallies[f]) for f in FIELDS},
        published_accuracy=pub_ok / pub_n if pub_n else None,
        published_n=pub_n,
        published_correct=pub_ok,
        missing_docs=tuple(sorted(d for d in gold_recs if d not in pred_recs)),
        documents=documents,
        extra_docs=tuple(sorted(d for d in pred_recs if d not in gold_recs)),
    )
