"""Golden tests: the extractor over corpus/ (and ../shared/corpus-dev when present) against recorded floors.

Floors sit a little under the figures measured when they were recorded (`python benchmarks/accuracy.py`),
so a change that loses accuracy fails here; raise them when the extractor improves.
"""
from __future__ import annotations

import json

import pytest

from umkm_extract import Extractor, evaluate
from umkm_extract.io import iter_inputs

from .conftest import CORPUS, DEV

# recorded 2026-11-22: corpus/ persons 1.000, regions 0.998, dates 1.000, counts 0.998, events 0.956
CORPUS_FLOORS = {"persons": 0.97, "regions": 0.97, "dates": 0.97, "counts": 0.97, "events": 0.90}
CORPUS_ATTR_FLOORS = {"regions": 0.97, "events": 0.75}
# Regression floors on the development set (112 articles since 2026-12-03), a little under what the code of
# 2026-12-03 measures (persons 0.856, regions 0.926, dates 0.950, counts 0.954, events 0.705; title 0.817,
# roles 0.717). They guard against regressions; the issues' targets (persons 0.92, events 0.80) are not met
# yet and are tracked in the issues, not here.
DEV_FLOORS = {"persons": 0.84, "regions": 0.91, "dates": 0.93, "counts": 0.93, "events": 0.68}
DEV_ATTR_FLOORS = {"persons": 0.79, "regions": 0.95, "events": 0.68}


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor()


def _run(folder, extractor):
    items = [it for it in iter_inputs(folder) if it.error is None]
    articles = list(extractor.pipe((it.text, {**it.meta, "doc_id": it.doc_id}) for it in items))
    return items, articles


@pytest.fixture(scope="module")
def corpus_run(extractor):
    return _run(CORPUS, extractor)


def test_corpus_has_every_event_type_three_times():
    from umkm_extract.rules.events import default_lexicon

    seen: dict[str, int] = {}
    golds = sorted(CORPUS.glob("*.gold.json"))
    assert len(golds) >= 40
    for g in golds:
        for ev in json.loads(g.read_text("utf-8"))["events"]:
            seen[ev["type"]] = seen.get(ev["type"], 0) + 1
    for etype in default_lexicon().types:
        assert seen.get(etype, 0) >= 3, (etype, seen)


@pytest.mark.parametrize("field", list(CORPUS_FLOORS))
def test_corpus_floor(corpus_run, field):
    _, articles = corpus_run
    report = evaluate(CORPUS, [a.to_dict() for a in articles])
    fs = report.fields[field]
    assert fs.f1 >= CORPUS_FLOORS[field], report.format_table()
    if field in CORPUS_ATTR_FLOORS:
        assert fs.attribute is not None and fs.attribute >= CORPUS_ATTR_FLOORS[field], report.format_table()


def test_every_offset_points_at_its_surface(corpus_run):
    items, articles = corpus_run
    for it, art in zip(items, articles):
        text = it.text
        assert art.doc_id == it.doc_id
        for group in (art.persons, art.regions, art.dates, art.counts, art.organizations):
            for x in group:
                assert text[x.start:x.end] == x.text, (it.doc_id, x)
        for p in art.persons:
            for s, e in p.mentions:
                assert 0 <= s < e <= len(text)
        for ev in art.events:
            assert text[ev.trigger_start:ev.trigger_end] == ev.trigger, (it.doc_id, ev)
            assert text[ev.sentence_start:ev.sentence_start + len(ev.sentence)] == ev.sentence
            for role, (s, e) in ev.role_spans.items():
                # inside the text; a merged mention may lie far from the kept one's sentence
                assert 0 <= s < e <= len(text), (it.doc_id, role)


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared/corpus-dev is not present")
def test_dev_set_meets_the_issue_floors(extractor):
    _, articles = _run(DEV, extractor)
    report = evaluate(DEV, [a.to_dict() for a in articles])
    for field, floor in DEV_FLOORS.items():
        assert report.fields[field].f1 >= floor, report.format_table()
    for field, floor in DEV_ATTR_FLOORS.items():
        assert (report.fields[field].attribute or 0) >= floor, report.format_table()
    assert report.published_accuracy is not None and report.published_accuracy >= 0.95
