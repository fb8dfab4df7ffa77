"""Writing article records as JSON Lines, or as flat tables (CSV, Parquet) with one table per kind.

``write_records(records, path, fmt)`` takes the record dicts of ``Article.to_dict()`` (plus an optional
``warnings`` list, as the command line adds) and writes:

- ``jsonl``: one record per line at ``path``, exactly as ``umkm-extract extract`` does;
- ``csv`` / ``parquet``: one table per kind — ``articles``, ``persons``, ``organizations``, ``regions``,
  ``dates``, ``counts``, ``events`` — each one row per item with the article's ``doc_id`` and the
  item's character offsets. ``path`` names either a folder (an existing one, one ending in ``/``, or
  one without a suffix: ``OUT/persons.csv`` …) or a file (``OUT.csv`` — or ``OUT.parquet``, ``OUT.jsonl`` —
  → ``OUT.persons.csv``, ``OUT.events.csv`` …). Every table is written, empty ones with their header, so that the set of
  files does not depend on the input. A record with an ``error`` field (an ``ExtractionFailure``)
  goes to an ``errors`` table, written only when there is one.

Flattening (the same for CSV, Parquet and ``umkm_extract.to_dataframe``): every column is a scalar.
Lists become JSON text (``persons.mentions``: ``[[start, end], …]``; ``events.roles`` and
``events.role_spans``: JSON objects) or, for names, text joined by ``"; "`` (``articles.byline``,
``articles.warnings``). Each event also has one ``role_<name>`` column per role name of
ANNOTATION.md (``role_agent``, ``role_object``, ``role_count`` …; empty when the event has no such
role); ``roles`` keeps every role, including those of user-defined event types. Regions carry
``province_code``, the first part of the Kemendagri code (``"35.09"`` → ``"35"``). A missing value is
an empty CSV cell and a Parquet null.
"""
from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, Literal

__all__ = ["write_records", "flatten", "table_paths", "KINDS", "COLUMNS"]

Format = Literal["jsonl", "csv", "parquet"]
Row = dict[str, Any]

#: The roles of ANNOTATION.md, in the order of its event table; each gets a ``role_<name>`` column.
ROLE_NAMES: tuple[str, ...] = ("agent", "object", "recipient", "award", "giver", "official", "position",
                               "item", "beneficiary", "count", "program", "parties", "organizer", "location")

# (column, type) per kind; type is one of "str", "int", "float", "bool" (the Parquet schema).
_SCHEMA: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (("doc_id", "str"), ("published", "str"), ("title", "str"), ("byline", "str"),
                 ("n_persons", "int"), ("n_organizations", "int"), ("n_regions", "int"), ("n_dates", "int"),
                 ("n_counts", "int"), ("n_events", "int"), ("warnings", "str")),
    "persons": (("doc_id", "str"), ("name", "str"), ("title", "str"), ("jurisdiction", "str"),
                ("organization", "str"), ("is_official", "bool"), ("start", "int"), ("end", "int"),
                ("text", "str"), ("mentions", "str"), ("rule", "str")),
    "organizations": (("doc_id", "str"), ("name", "str"), ("kind", "str"), ("start", "int"), ("end", "int"),
                      ("text", "str"), ("rule", "str")),
    "regions": (("doc_id", "str"), ("name", "str"), ("level", "str"), ("code", "str"), ("province_code", "str"),
                ("start", "int"), ("end", "int"), ("text", "str"), ("rule", "str")),
    "dates": (("doc_id", "str"), ("text", "str"), ("value", "str"), ("start", "int"), ("end", "int"),
              ("rule", "str")),
    "counts": (("doc_id", "str"), ("text", "str"), ("value", "float"), ("unit", "str"),
               ("start", "int"), ("end", "int"), ("rule", "str")),
    "events": (("doc_id", "str"), ("type", "str"), ("date", "str"), ("trigger", "str"), ("trigger_start", "int"),
               ("trigger_end", "int"), ("sentence_start", "int"), ("sentence", "str"), ("rule", "str"),
               ("roles", "str"), ("role_spans", "str"))
              + tuple((f"role_{r}", "float" if r == "count" else "str") for r in ROLE_NAMES),
    "errors": (("doc_id", "str"), ("source", "str"), ("error", "str")),
}

#: The table kinds written for CSV/Parquet, in file order (``errors`` only when there is one).
KINDS: tuple[str, ...] = ("articles", "persons", "organizations", "regions", "dates", "counts", "events")
#: Column names of each table.
COLUMNS: dict[str, tuple[str, ...]] = {k: tuple(c for c, _ in cols) for k, cols in _SCHEMA.items()}


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _is_failure(rec: Mapping[str, Any]) -> bool:
    return "error" in rec and "persons" not in rec


def _items(rec: Mapping[str, Any], kind: str) -> Iterator[Row]:
    doc_id = rec.get("doc_id")
    if kind == "articles":
        yield {"doc_id": doc_id, "published": rec.get("published"), "title": rec.get("title"),
               "byline": "; ".join(rec.get("byline") or ()) or None,
               **{f"n_{k}": len(rec.get(k) or ()) for k in ("persons", "organizations", "regions", "dates",
                                                              "counts", "events")},
               "warnings": "; ".join(rec.get("warnings") or ()) or None}
        return
    for item in rec.get(kind) or ():
        row: Row = {"doc_id": doc_id}
        for col in COLUMNS[kind][1:]:
            row[col] = item.get(col)
        if kind == "persons":
            row["mentions"] = _json([list(m) for m in item.get("mentions") or ()])
        elif kind == "regions":
            code = item.get("code")
            row["province_code"] = code.split(".", 1)[0] if code else None
        elif kind == "events":
            roles = dict(item.get("roles") or {})
            row["roles"] = _json(roles)
            row["role_spans"] = _json({r: list(s) for r, s in (item.get("role_spans") or {}).items()})
            for r in ROLE_NAMES:
                v = roles.get(r)
                if r == "count":
                    row["role_count"] = v if isinstance(v, (int, float)) and not isinstance(v, bool) else None
                else:
                    row[f"role_{r}"] = None if v is None else str(v)
        yield row


def flatten(records: Iterable[Mapping[str, Any]], kind: str) -> Iterator[Row]:
    """Rows of one table kind (see the module docstring) from article record dicts, in input order."""
    if kind not in _SCHEMA:
        raise ValueError(f"unknown table kind {kind!r}; expected one of {sorted(_SCHEMA)}")
    for rec in records:
        if _is_failure(rec):
            if kind == "errors":
                yield {"doc_id": rec.get("doc_id"), "source": rec.get("source"), "error": rec.get("error")}
            continue
        if kind != "errors":
            yield from _items(rec, kind)


_KNOWN_SUFFIXES = (".csv", ".parquet", ".pq", ".jsonl", ".json")


def table_paths(path: str | Path, fmt: Literal["csv", "parquet"],
                kinds: Iterable[str] = KINDS) -> dict[str, Path]:
    """Where each table of a CSV/Parquet output goes: ``OUT/KIND.EXT`` for a folder, ``OUT.KIND.EXT`` else."""
    p = Path(path)
    ext = "." + fmt
    if p.is_dir() or str(path).endswith(("/", "\\")) or not p.suffix:
        return {k: p / f"{k}{ext}" for k in kinds}
    stem = p.stem if p.suffix in _KNOWN_SUFFIXES else p.name  # OUT.csv, OUT.jsonl → OUT.persons.csv
    return {k: p.with_name(f"{stem}.{k}{ext}") for k in kinds}


def write_records(records: Iterable[Mapping[str, Any]], path: str | Path, fmt: Format = "jsonl") -> dict[str, Path]:
    """Write article record dicts to ``path`` as ``jsonl``, ``csv`` or ``parquet`` (see the module docstring).

    The records are streamed once. Files are written under a temporary name and renamed at the end, so
    an interrupted run leaves no half-written output. Returns the written files by kind (``{"records":
    path}`` for JSON Lines)."""
    if fmt == "jsonl":
        return {"records": _write_jsonl(records, Path(path))}
    if fmt not in ("csv", "parquet"):
        raise ValueError(f"unknown output format {fmt!r}; expected 'jsonl', 'csv' or 'parquet'")
    paths = table_paths(path, fmt, KINDS + ("errors",))
    writer_cls = table_writer(fmt)
    writers = {k: writer_cls(k, p) for k, p in paths.items()}
    try:
        for rec in records:
            kinds = ("errors",) if _is_failure(rec) else KINDS
            for kind in kinds:
                for row in flatten([rec], kind):
                    writers[kind].add(row)
    except BaseException:
        for w in writers.values():
            w.abort()
        raise
    written: dict[str, Path] = {}
    for kind, w in writers.items():
        if kind == "errors" and not w.rows_written:
            w.abort()
            if paths[kind].exists():
                paths[kind].unlink()  # a stale error table from an earlier run
            continue
        w.close()
        written[kind] = paths[kind]
    return written


def _write_jsonl(records: Iterable[Mapping[str, Any]], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    try:
        with tmp.open("w", encoding="utf-8") as out:
            for rec in records:
                out.write(json.dumps(rec, ensure_ascii=False, sort_keys=False) + "\n")
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    tmp.replace(path)
    return path


class _TableWriter:
    """One table being written (``schema``: its (column, type) pairs; default: the record table ``kind``'s)."""

    def __init__(self, kind: str, path: Path, schema: tuple[tuple[str, str], ...] | None = None) -> None:
        self.kind = kind
        self.schema_spec = _SCHEMA[kind] if schema is None else schema
        self.columns = tuple(c for c, _ in self.schema_spec)
        self.path = path
        self.tmp = path.with_name(path.name + ".part")
        self.rows_written = 0
        path.parent.mkdir(parents=True, exist_ok=True)

    def add(self, row: Row) -> None:
        raise NotImplementedError

    def close(self) -> None:
        self.tmp.replace(self.path)

    def abort(self) -> None:
        self.tmp.unlink(missing_ok=True)


class _CsvTable(_TableWriter):
    """UTF-8 CSV with a header; missing values are empty cells, booleans ``true``/``false``."""

    def __init__(self, kind: str, path: Path, schema: tuple[tuple[str, str], ...] | None = None) -> None:
        super().__init__(kind, path, schema)
        self._fh = self.tmp.open("w", encoding="utf-8", newline="")
        self._w = csv.writer(self._fh)
        self._w.writerow(self.columns)

    def add(self, row: Row) -> None:
        self._w.writerow([_csv_cell(row.get(c)) for c in self.columns])
        self.rows_written += 1

    def close(self) -> None:
        self._fh.close()
        super().close()

    def abort(self) -> None:
        self._fh.close()
        super().abort()


def _csv_cell(v: Any) -> Any:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    return v


def _require_pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet  # noqa: F401
    except ImportError as exc:
        raise ImportError('Parquet output needs pyarrow: pip install "umkm-extract[dataframe]"') from exc
    return pyarrow


def arrow_schema(kind: str, schema: tuple[tuple[str, str], ...] | None = None) -> Any:
    """The pyarrow schema of one table kind (or of the given (column, type) pairs)."""
    pa = _require_pyarrow()
    types = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    return pa.schema([(c, types[t]) for c, t in (_SCHEMA[kind] if schema is None else schema)])


def table_writer(fmt: Literal["csv", "parquet"]) -> Callable[..., _TableWriter]:
    """The writer class of a table format: ``cls(kind, path, schema=None)``, then ``add(row)``, ``close()``."""
    if fmt == "csv":
        return _CsvTable
    if fmt == "parquet":
        return _parquet_writer()
    raise ValueError(f"unknown table format {fmt!r}; expected 'csv' or 'parquet'")


def _parquet_writer() -> Callable[..., _TableWriter]:
    pa = _require_pyarrow()
    import pyarrow.parquet as pq

    class _ParquetTable(_TableWriter):
        """Parquet with a fixed schema per kind, written in row groups of ``batch`` rows."""

        batch = 10_000

        def __init__(self, kind: str, path: Path, schema: tuple[tuple[str, str], ...] | None = None) -> None:
            super().__init__(kind, path, schema)
            self.schema = arrow_schema(kind, self.schema_spec)
            self._rows: list[Row] = []
            self._w = pq.ParquetWriter(str(self.tmp), self.schema)

        def add(self, row: Row) -> None:
            self._rows.append(row)
            self.rows_written += 1
            if len(self._rows) >= self.batch:
                self._flush()

        def _flush(self) -> None:
            cols = {c: [r.get(c) for r in self._rows] for c in self.schema.names}
            self._w.write_table(pa.table(cols, schema=self.schema))
            self._rows = []

        def close(self) -> None:
            if self._rows or not self.rows_written:
                self._flush()
            self._w.close()
            super().close()

        def abort(self) -> None:
            try:
                self._w.close()
            finally:
                super().abort()

    return _ParquetTable
