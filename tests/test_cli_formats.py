"""`umkm-extract extract --format csv|parquet` and `--dask`: the CLI writes tables and runs on Dask."""
from __future__ import annotations

import csv
import json
import shutil

import pytest
from typer.testing import CliRunner

from umkm_extract.cli import app

from .conftest import CORPUS


@pytest.fixture()
def small(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for f in sorted(CORPUS.glob("seed-*.txt")) + sorted(CORPUS.glob("a0[1-3]-*")):
        shutil.copy(f, folder / f.name)
    return folder


def _records(path):
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def test_format_csv_writes_one_table_per_kind(small, tmp_path):
    out = tmp_path / "out.jsonl"
    res = CliRunner().invoke(app, ["extract", str(small), "-o", str(out), "--format", "csv", "--no-progress"])
    assert res.exit_code == 0, res.output
    recs = _records(out)
    with (tmp_path / "out.persons.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == sum(len(r["persons"]) for r in recs)
    assert {r["doc_id"] for r in rows} <= {r["doc_id"] for r in recs}
    assert (tmp_path / "out.events.csv").exists()


def test_bad_format_is_a_usage_error(small, tmp_path):
    res = CliRunner().invoke(app, ["extract", str(small), "-o", str(tmp_path / "o.jsonl"), "--format", "xml"])
    assert res.exit_code == 2


def test_dask_gives_the_local_records(small, tmp_path):
    pytest.importorskip("dask")
    local, remote = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    assert CliRunner().invoke(app, ["extract", str(small), "-o", str(local), "--no-progress"]).exit_code == 0
    res = CliRunner().invoke(app, ["extract", str(small), "-o", str(remote), "--dask", "processes"])
    assert res.exit_code == 0, res.output
    assert _records(remote) == _records(local)
