"""write_records: JSON Lines as the command line writes it; CSV and Parquet as one table per kind."""
from __future__ import annotations

import csv
import json
import sys

import pytest

from umkm_extract import Extractor
from umkm_extract.formats import COLUMNS, KINDS, flatten, table_paths, write_records
from umkm_extract.io import iter_inputs

from .conftest import CORPUS

ITEM_KINDS = ("persons", "organizations", "regions", "dates", "counts", "events")


@pytest.fixture(scope="module")
def records() -> list[dict]:
    ex = Extractor()
    items = [it for it in iter_inputs(CORPUS) if it.error is None]
    recs = [a.to_dict() for a in ex.pipe((it.text, {**it.meta, "doc_id": it.doc_id}) for it in items)]
    recs[0]["warnings"] = ["not UTF-8; decoded as cp1252", "second"]
    return recs


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {it.doc_id: it.text for it in iter_inputs(CORPUS) if it.error is None}


def n_items(records, kind):
    return len(records) if kind == "articles" else sum(len(r[kind]) for r in records)


def read_csv(path):
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# ------------------------------------------------------------------------------------ JSON Lines


def test_jsonl_is_one_record_per_line(tmp_path, records):
    out = tmp_path / "sub" / "out.jsonl"
    assert write_records(iter(records), out, "jsonl") == {"records": out}
    lines = out.read_text("utf-8").splitlines()
    assert [json.loads(x) for x in lines] == records
    assert lines[0] == json.dumps(records[0], ensure_ascii=False)  # as umkm-extract extract writes it
    assert not list(tmp_path.rglob("*.part"))


def test_interrupted_write_leaves_no_file(tmp_path, records):
    def broken():
        yield records[0]
        raise RuntimeError("stop")

    for fmt, name in (("jsonl", "o.jsonl"), ("csv", "o.csv")):
        with pytest.raises(RuntimeError):
            write_records(broken(), tmp_path / name, fmt)  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


# ------------------------------------------------------------------------------------ CSV


def test_table_paths_stem_and_folder(tmp_path):
    assert table_paths(tmp_path / "OUT.csv", "csv")["persons"] == tmp_path / "OUT.persons.csv"
    assert table_paths(tmp_path / "OUT.parquet", "parquet")["events"] == tmp_path / "OUT.events.parquet"
    assert table_paths(tmp_path / "out", "csv")["events"] == tmp_path / "out" / "events.csv"
    assert table_paths(tmp_path / "OUT.jsonl", "csv")["persons"] == tmp_path / "OUT.persons.csv"
    assert table_paths(tmp_path / "v1.2.data", "csv")["persons"] == tmp_path / "v1.2.data.persons.csv"
    assert table_paths(str(tmp_path / "out.d") + "/", "csv")["dates"] == tmp_path / "out.d" / "dates.csv"


def test_csv_one_table_per_kind(tmp_path, records, texts):
    written = write_records(records, tmp_path / "corpus.csv", "csv")
    assert list(written) == list(KINDS)  # no failures → no errors table
    for kind in KINDS:
        path = tmp_path / f"corpus.{kind}.csv"
        assert written[kind] == path
        rows = read_csv(path)
        assert list(rows[0]) == list(COLUMNS[kind])
        assert len(rows) == n_items(records, kind), kind
        assert {r["doc_id"] for r in rows} <= {r["doc_id"] for r in records}
    for kind in ("persons", "regions", "dates", "counts", "organizations"):
        for row in read_csv(tmp_path / f"corpus.{kind}.csv"):
            s, e = int(row["start"]), int(row["end"])
            assert texts[row["doc_id"]][s:e] == row["text"], (kind, row)


def test_csv_flattening(tmp_path, records, texts):
    write_records(records, tmp_path / "t", "csv")
    arts = read_csv(tmp_path / "t" / "articles.csv")
    assert arts[0]["warnings"] == "not UTF-8; decoded as cp1252; second"
    assert arts[0]["byline"] == "; ".join(records[0]["byline"])
    assert int(arts[0]["n_events"]) == len(records[0]["events"])
    events = read_csv(tmp_path / "t" / "events.csv")
    by_doc = [(r["doc_id"], e) for r in records for e in r["events"]]
    for row, (doc_id, ev) in zip(events, by_doc):
        assert row["doc_id"] == doc_id and row["type"] == ev["type"]
        assert json.loads(row["roles"]) == ev["roles"]
        assert texts[doc_id][int(row["trigger_start"]):int(row["trigger_end"])] == ev["trigger"]
        for role, value in ev["roles"].items():
            if role == "count":
                assert float(row["role_count"]) == value
            elif f"role_{role}" in row:
                assert row[f"role_{role}"] == value
        assert row["date"] == (ev["date"] or "")
    persons = read_csv(tmp_path / "t" / "persons.csv")
    assert all(r["is_official"] in ("true", "false") for r in persons)
    assert all(isinstance(json.loads(r["mentions"]), list) for r in persons)
    regions = read_csv(tmp_path / "t" / "regions.csv")
    assert all(r["province_code"] == r["code"].split(".")[0] for r in regions if r["code"])
    counts = read_csv(tmp_path / "t" / "counts.csv")
    assert any(r["value"].isdigit() for r in counts)  # ints stay ints in CSV ("1948", not "1948.0")


def test_empty_input_writes_every_table_with_its_header(tmp_path):
    written = write_records([], tmp_path / "empty.csv", "csv")
    for kind in KINDS:
        text = written[kind].read_text("utf-8").strip()
        assert text == ",".join(COLUMNS[kind])


def test_failures_go_to_an_errors_table_and_a_stale_one_is_removed(tmp_path, records):
    fail = {"doc_id": "x", "source": "corpus/x.txt", "error": "ValueError: binary content"}
    written = write_records([records[0], fail], tmp_path / "o.csv", "csv")
    assert read_csv(written["errors"]) == [fail]
    assert len(read_csv(written["articles"])) == 1
    write_records([records[0]], tmp_path / "o.csv", "csv")
    assert not (tmp_path / "o.errors.csv").exists()


def test_unknown_format_and_kind():
    with pytest.raises(ValueError, match="'xlsx'"):
        write_records([], "out.xlsx", "xlsx")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown table kind 'people'"):
        list(flatten([], "people"))


# ------------------------------------------------------------------------------------ Parquet

try:
    import pyarrow.parquet as pq
except ImportError:
    pq = None
needs_pyarrow = pytest.mark.skipif(pq is None, reason="pyarrow is not installed (extra 'dataframe')")


@needs_pyarrow
def test_parquet_tables_with_fixed_schema(tmp_path, records):
    written = write_records(iter(records), tmp_path / "corpus.parquet", "parquet")
    assert list(written) == list(KINDS)
    for kind in KINDS:
        assert written[kind] == tmp_path / f"corpus.{kind}.parquet"
        table = pq.read_table(written[kind])
        assert table.column_names == list(COLUMNS[kind])
        assert table.num_rows == n_items(records, kind)
        assert table.to_pylist() == [{k: (float(v) if isinstance(v, int) and not isinstance(v, bool)
                                          and str(table.schema.field(k).type) == "double" else v)
                                      for k, v in row.items()} for row in flatten(records, kind)]
    schema = pq.read_schema(written["counts"])
    assert str(schema.field("value").type) == "double" and str(schema.field("start").type) == "int64"
    assert str(pq.read_schema(written["persons"]).field("is_official").type) == "bool"


@needs_pyarrow
def test_parquet_empty_tables_keep_their_schema(tmp_path):
    written = write_records([], tmp_path / "out", "parquet")
    table = pq.read_table(written["events"])
    assert table.num_rows == 0 and table.column_names == list(COLUMNS["events"])


def test_parquet_without_pyarrow_names_the_extra(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ImportError, match=r'pip install "umkm-extract\[dataframe\]"'):
        write_records([], tmp_path / "o.parquet", "parquet")
