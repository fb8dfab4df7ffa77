"""The README's examples are what the extractor gives: the record example and the one-line Python example."""
from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

import umkm_extract
from umkm_extract.io import iter_inputs

from .conftest import CORPUS

README = Path(__file__).resolve().parents[1] / "README.md"


def _record_example() -> dict:
    text = README.read_text("utf-8")
    section = text[text.index("## The record"):text.index("## How it works")]
    block = re.search(r"```json\n(.*?)```", section, re.S)
    assert block is not None
    return json.loads(block.group(1))


def test_record_example_matches_the_extractor():
    example = _record_example()
    item = next(it for it in iter_inputs(CORPUS) if it.doc_id == example["doc_id"])
    got = umkm_extract.Extractor().pipe([(item.text, {**item.meta, "doc_id": item.doc_id})])
    rec = next(got).to_dict()
    assert rec["published"] == example["published"] and rec["byline"] == example["byline"]
    for field in ("persons", "regions", "dates"):
        for want, have in zip(example[field], rec[field]):
            assert {k: have[k] for k in want} == want, field
    assert rec["counts"] == example["counts"]
    ev = example["events"][0]
    have = rec["events"][0]
    assert {k: have[k] for k in ("type", "date", "trigger", "roles", "rule")} == {
        k: ev[k] for k in ("type", "date", "trigger", "roles", "rule")}
    assert have["sentence"].startswith(ev["sentence"].rstrip(" …"))
    assert (rec["schema_version"], rec["extractor_version"]) == (example["schema_version"], example["extractor_version"])


def test_one_line_example():
    a = umkm_extract.extract("Bupati Jember Hendy Siswanto meresmikan Pasar Tanjung, Kamis (5/9/2024).",
                             published=datetime.date(2024, 9, 6))
    assert [(p.name, p.title, p.jurisdiction) for p in a.persons] == [("Hendy Siswanto", "Bupati", "Jember")]
    assert [(e.type, e.date, e.roles["object"]) for e in a.events] == [
        ("facility_inaugurated", "2024-09-05", "Pasar Tanjung")]
    readme = README.read_text("utf-8")
    assert "[('Hendy Siswanto', 'Bupati', 'Jember')]" in readme
    assert "[('facility_inaugurated', '2024-09-05', 'Pasar Tanjung')]" in readme
