"""Extraction on Dask: a LocalCluster with 2 worker processes gives the local run's records, in order."""
from __future__ import annotations

import json

import pytest

from umkm_extract import Extractor
from umkm_extract.io import iter_inputs

from .conftest import CORPUS

pytest.importorskip("dask.bag", reason="dask is not installed (optional extra 'dask')")

from umkm_extract.dask import extract_bag, items_bag, run_dask  # noqa: E402


def local_records(path) -> list[dict]:
    """What a local run gives for PATH: a record per article (warnings kept), a failure dict per bad one."""
    items = list(iter_inputs(path))
    ex = Extractor()
    out = []
    for it in items:
        if it.error is not None:
            out.append({"doc_id": it.doc_id, "source": it.source, "error": it.error})
            continue
        rec = next(ex.pipe([(it.text, {**it.meta, "doc_id": it.doc_id})])).to_dict()  # as the CLI: all the meta
        if it.warnings:
            rec["warnings"] = it.warnings
        out.append(rec)
    return out


@pytest.mark.slow
def test_local_cluster_matches_the_local_run_record_by_record():
    pytest.importorskip("distributed", reason="distributed is not installed (optional extra 'dask')")
    local = local_records(CORPUS)
    remote = list(run_dask(CORPUS, address="local", n_workers=2))
    assert [r["doc_id"] for r in remote] == [r["doc_id"] for r in local]
    for a, b in zip(remote, local):
        assert json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True), a["doc_id"]


def test_items_and_jsonl_on_the_sync_scheduler(tmp_path):
    texts = [it for it in iter_inputs(CORPUS) if it.error is None][:3]
    items = [(it.text, {**it.meta, "doc_id": it.doc_id}) for it in texts]
    recs = list(run_dask(items, address="sync"))
    ex = Extractor()
    assert recs == [a.to_dict() for a in ex.pipe(items)]
    jsonl = tmp_path / "in.jsonl"
    lines = [json.dumps({"doc_id": it.doc_id, "text": it.text, **it.meta}, ensure_ascii=False) for it in texts]
    jsonl.write_text("\n".join(lines[:1] + ["{not json"] + lines[1:]) + "\n", encoding="utf-8")
    out = list(run_dask(jsonl, address="sync"))
    assert [r["doc_id"] for r in out] == [texts[0].doc_id, "in:2", texts[1].doc_id, texts[2].doc_id]
    assert "error" in out[1] and "bad JSON line" in out[1]["error"]
    assert out[0] == recs[0]


def test_extract_bag_keeps_order_and_reports_failures():
    bag = items_bag(["Judul\nBupati Jember Hendy Siswanto meresmikan Pasar Tanjung, Kamis (5/9/2024).",
                     ("Judul\nteks", {"doc_id": "bad", "published": "kemarin"})], npartitions=2)
    recs = extract_bag(bag).compute(scheduler="sync")
    assert recs[0]["events"][0]["type"] == "facility_inaugurated"
    assert recs[1]["doc_id"] == "bad" and "published" in recs[1]["error"]


@pytest.mark.parametrize("address", ["sync", "local"])
def test_cli_dask_matches_a_local_run_on_bad_files(tmp_path, address):
    """Same records, same errors file, same exit status with --dask (a scheduler in this process, or a 2-worker
    LocalCluster) as without."""
    from typer.testing import CliRunner

    from umkm_extract.cli import app

    pytest.importorskip("dask", reason="dask is not installed (optional extra 'dask')")
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text("Pasar Tanjung Diresmikan\nBupati Jember Hendy Siswanto meresmikan Pasar Tanjung, "
                                  "Kamis (5/9/2024).\n", encoding="utf-8")
    (src / "empty.txt").write_text("  \n", encoding="utf-8")
    (src / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    runner = CliRunner()
    local = runner.invoke(app, ["extract", str(src), "-o", str(tmp_path / "local.jsonl"), "--no-progress"])
    if address == "local":
        pytest.importorskip("distributed", reason="distributed is not installed (optional extra 'dask')")
    remote = runner.invoke(app, ["extract", str(src), "-o", str(tmp_path / "dask.jsonl"), "--dask", address])
    assert local.exit_code == remote.exit_code == 1, (local.output, remote.output)
    assert (tmp_path / "local.jsonl").read_text("utf-8") == (tmp_path / "dask.jsonl").read_text("utf-8")
    errors = [json.loads(x) for x in (tmp_path / "local.errors.jsonl").read_text("utf-8").splitlines()]
    dask_errors = [json.loads(x) for x in (tmp_path / "dask.errors.jsonl").read_text("utf-8").splitlines()]
    assert sorted(e["doc_id"] for e in errors) == sorted(e["doc_id"] for e in dask_errors) == ["binary", "empty"]
    assert "error: " in remote.output


def test_cli_dask_refuses_what_it_cannot_honour(tmp_path):
    from typer.testing import CliRunner

    from umkm_extract.cli import app

    res = CliRunner().invoke(app, ["extract", str(CORPUS), "-o", str(tmp_path / "o.jsonl"), "--dask", "sync", "-j", "2"])
    assert res.exit_code == 2 and "not available with --dask" in res.output
