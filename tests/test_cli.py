"""The command line as a new user meets it: version, help, and one-line errors (exit 2) for every mistake."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from umkm_extract.cli import app

from .conftest import CORPUS

runner = CliRunner()


@pytest.mark.parametrize("flag", ["--version"])
def test_version(flag: str) -> None:
    res = runner.invoke(app, [flag])
    assert res.exit_code == 0 and res.output.startswith("umkm-extract ")


@pytest.mark.parametrize("args", [["-h"], ["--help"], ["extract", "-h"], ["evaluate", "-h"]])
def test_help(args: list[str]) -> None:
    res = runner.invoke(app, args)
    assert res.exit_code == 0 and "Usage" in res.output


def _user_mistakes(tmp: Path) -> dict[str, list[str]]:
    empty = tmp / "empty"
    empty.mkdir()
    nothing = tmp / "nothing.jsonl"
    nothing.write_text(json.dumps({"doc_id": "no-such-article"}) + "\n", encoding="utf-8")
    bad_events = tmp / "events.json"
    bad_events.write_text('{"types": 5}', encoding="utf-8")
    return {
        "evaluate-folder-without-gold": ["evaluate", str(empty)],
        "evaluate-pred-pointing-nowhere": ["evaluate", str(CORPUS), "--pred", str(tmp / "missing.jsonl")],
        "evaluate-matching-nothing": ["evaluate", str(CORPUS), "--pred", str(nothing)],
        "extract-folder-without-txt": ["extract", str(empty), "-o", str(tmp / "out.jsonl")],
        "extract-bad-format": ["extract", str(CORPUS), "-o", str(tmp / "o.jsonl"), "--format", "xlsx"],
        "extract-bad-profile": ["extract", str(CORPUS), "-o", str(tmp / "o.jsonl"), "--profile", "turbo"],
        "extract-output-is-a-folder": ["extract", str(CORPUS), "-o", str(empty), "--force", "--format", "parquet"],
        "extract-bad-backend": ["extract", str(CORPUS), "-o", str(tmp / "o.jsonl"), "--backend", "spacy3"],
        "extract-bad-events-file": ["extract", str(CORPUS), "-o", str(tmp / "o.jsonl"), "--events", str(bad_events)],
    }


@pytest.mark.parametrize("case", ["evaluate-folder-without-gold", "evaluate-pred-pointing-nowhere",
                                  "evaluate-matching-nothing", "extract-folder-without-txt", "extract-bad-format",
                                  "extract-bad-profile", "extract-bad-backend", "extract-bad-events-file",
                                  "extract-output-is-a-folder"])
def test_user_mistakes_exit_2_with_one_line_and_no_traceback(tmp_path: Path, case: str) -> None:
    res = runner.invoke(app, _user_mistakes(tmp_path)[case])
    assert res.exit_code == 2, res.output
    assert "Traceback" not in res.output
    assert res.exception is None or isinstance(res.exception, SystemExit)
    errors = [ln for ln in res.output.splitlines() if ln.startswith("error:")]
    assert len(errors) == 1, res.output


def test_summary_counts_what_was_found(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text("Pasar Tanjung Diresmikan\nBupati Jember Hendy Siswanto meresmikan Pasar Tanjung, "
                               "Kamis (5/9/2024).\n", encoding="utf-8")
    res = runner.invoke(app, ["extract", str(src), "-o", str(tmp_path / "out.jsonl")])
    assert res.exit_code == 0, res.output
    assert "found: 1 persons, 1 regions, 1 dates, 0 counts, 1 events;" in res.output
    quiet = runner.invoke(app, ["extract", str(src), "-o", str(tmp_path / "q.jsonl"), "--quiet"])
    assert quiet.exit_code == 0 and "found:" not in quiet.output


@pytest.mark.parametrize("n_process", ["1", "2"])
def test_events_file_adds_an_event_type(tmp_path: Path, n_process: str) -> None:
    rules = {"types": {"festival_held": {"slots": {"agent": "organizer", "theme": "object", "location": "location"}}},
             "rules": [{"id": "festival.held", "type": "festival_held", "voice": "passive",
                        "trigger": "digelar|diselenggarakan", "with_before": "festival", "window": 80}]}
    (tmp_path / "events.json").write_text(json.dumps(rules), encoding="utf-8")
    src = tmp_path / "in"
    src.mkdir()
    for i in range(2):
        (src / f"a{i}.txt").write_text("Festival UMKM Digelar\nFestival Kuliner Nusantara digelar Pemkab Jember di "
                                       "Alun-alun, Sabtu (7/9/2024).\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["extract", str(src), "-o", str(out), "--events", str(tmp_path / "events.json"),
                              "-j", n_process, "--quiet"])
    assert res.exit_code == 0, res.output
    types = [[e["type"] for e in json.loads(line)["events"]] for line in out.read_text("utf-8").splitlines()]
    assert types == [["festival_held"], ["festival_held"]]


def test_standard_input_and_output() -> None:
    res = runner.invoke(app, ["extract", "-", "-o", "-", "--quiet"],
                        input="Bupati Jember Hendy Siswanto meresmikan Pasar Tanjung, Kamis (5/9/2024).")
    assert res.exit_code == 0, res.output
    rec = json.loads(res.stdout.splitlines()[0])
    assert rec["doc_id"] == "stdin" and [p["name"] for p in rec["persons"]] == ["Hendy Siswanto"]


def test_standard_input_as_json_lines(tmp_path: Path) -> None:
    lines = "\n".join(json.dumps({"doc_id": f"a{i}", "text": "Judul\nWali Kota Kendari Siska Karina Imran membuka "
                                                               "bazar UMKM."}) for i in range(2))
    out = tmp_path / "o.jsonl"
    res = runner.invoke(app, ["extract", "-", "-o", str(out), "--quiet"], input=lines)
    assert res.exit_code == 0, res.output
    assert [json.loads(x)["doc_id"] for x in out.read_text("utf-8").splitlines()] == ["a0", "a1"]


def test_missing_input_is_a_usage_error(tmp_path: Path) -> None:
    res = runner.invoke(app, ["extract", str(tmp_path / "nowhere"), "-o", str(tmp_path / "o.jsonl")])
    assert res.exit_code == 2 and "does not exist" in res.output


@pytest.mark.parametrize("args, module", [
    pytest.param(["--format", "parquet"], "pyarrow", id="parquet-without-pyarrow"),
    pytest.param(["--dask", "local"], "distributed", id="dask-without-distributed"),
])
def test_a_missing_extra_is_said_before_the_run(tmp_path: Path, monkeypatch, args: list[str], module: str) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == module else real(name, *a))
    res = runner.invoke(app, ["extract", str(CORPUS), "-o", str(tmp_path / "o.jsonl"), *args])
    assert res.exit_code == 2 and f"needs {module}" in res.output
    assert not (tmp_path / "o.jsonl").exists()
