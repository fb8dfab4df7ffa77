"""The record's JSON Schema validates what extract writes; every record carries its versions and the meta it came with."""
from __future__ import annotations

import json

import jsonschema
import pytest
from typer.testing import CliRunner

import umkm_extract
from umkm_extract.cli import app
from umkm_extract.records import SCHEMA_VERSION

from .conftest import CORPUS


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = umkm_extract.record_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_every_corpus_record_validates(tmp_path, validator):
    out = tmp_path / "c.jsonl"
    res = CliRunner().invoke(app, ["extract", str(CORPUS), "-o", str(out), "--quiet"])
    assert res.exit_code == 0, res.output
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    assert len(records) == len(list(CORPUS.glob("*.txt")))
    for rec in records:
        errors = list(validator.iter_errors(rec))
        assert not errors, (rec["doc_id"], errors[0].message)


@pytest.mark.parametrize("broken", [
    pytest.param({"persons": [{"name": 5}]}, id="a-name-that-is-no-string"),
    pytest.param({"regions": [{"name": "Jember", "level": "negara"}]}, id="an-unknown-level"),
    pytest.param({"schema_version": "0.9"}, id="another-schema-version"),
])
def test_the_schema_rejects_broken_records(validator, broken):
    rec = umkm_extract.extract("Judul\nBupati Jember Hendy Siswanto meresmikan Pasar Tanjung.").to_dict()
    rec.update(broken)
    assert list(validator.iter_errors(rec))


def test_records_carry_versions_and_meta():
    rec = umkm_extract.Extractor().pipe([("Judul\nBupati Jember meresmikan pasar.",
                                          {"doc_id": "x", "url": "https://contoh.id/a", "outlet": "Contoh"})])
    d = next(rec).to_dict()
    assert (d["schema_version"], d["extractor_version"]) == (SCHEMA_VERSION, umkm_extract.__version__)
    assert (d["url"], d["outlet"]) == ("https://contoh.id/a", "Contoh")
    assert umkm_extract.Article.from_dict(d).to_dict() == d


def test_schema_command_prints_the_schema():
    res = CliRunner().invoke(app, ["schema"])
    assert res.exit_code == 0
    assert json.loads(res.output)["title"] == "umkm_extract article record"
