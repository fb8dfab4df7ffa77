"""Notebook display (Article._repr_html_), DataFrames, and the example notebook executed headlessly."""
from __future__ import annotations

import html
import json
import re
import sys

import pytest

import umkm_extract
from umkm_extract import Article, Extractor, to_dataframe
from umkm_extract.display import article_html, highlight_spans, render_spans
from umkm_extract.formats import COLUMNS
from umkm_extract.io import iter_inputs

from .conftest import CORPUS, ROOT

NOTEBOOK = ROOT / "examples" / "umkm_extract_tour.ipynb"
TEXT = ("Bupati Jember Raih Penghargaan\n"
        "Bupati Jember Hendy Siswanto menerima penghargaan Pembina Koperasi Terbaik dari Gubernur Jawa Timur "
        "Khofifah Indar Parawansa di Surabaya, Kamis (5/9/2024). Sebanyak 1.948 koperasi <aktif> di Jember.")


@pytest.fixture(scope="module")
def article() -> Article:
    return umkm_extract.extract(TEXT, published="2024-09-07", doc_id="jember")


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    items = [it for it in iter_inputs(CORPUS) if it.error is None]
    return list(Extractor().pipe((it.text, {**it.meta, "doc_id": it.doc_id}) for it in items))


def visible_text(markup: str) -> str:
    """The text a reader sees in the highlighted body: tags and span labels removed."""
    markup = re.sub(r'<span style="background[^>]*z-index[^>]*>.*?</span>', "", markup, flags=re.S)
    return html.unescape(re.sub(r"<br>", "\n", re.sub(r"<(?!br>)[^>]+>", "", markup)))


# ------------------------------------------------------------------------------------ HTML


def test_repr_html_highlights_entities_and_lists_events(article):
    out = article._repr_html_()
    assert out == article_html(article)
    for label in ("OFFICIAL", "KABUPATEN 35.09", "PROVINSI 35", "DATE 2024-09-05", "COUNT 1.948", "award_received"):
        assert f">{label}</span>" in out, label
    assert '<table class="umkm-events">' in out
    ev = article.events[0]
    assert f"<mark>{html.escape(ev.trigger)}</mark>" in out  # the trigger inside its evidence sentence
    for role, value in ev.roles.items():
        assert html.escape(str(value)) in out, role


def test_body_text_is_kept_exactly_and_escaped(article):
    out = article_html(article)
    assert "<aktif>" not in out and "&lt;aktif&gt;" in out
    body = "".join(article.text[s:e] for s, e in article.body_spans)
    body_html = "".join(render_spans(article.text, highlight_spans(article), start=s, end=e)
                        for s, e in article.body_spans)
    assert visible_text(body_html) == body


def test_overlapping_spans_stack():
    from umkm_extract.display import HighlightSpan

    text = "Pemkab Jember hari ini"
    spans = [HighlightSpan(0, 13, "ORG", "ORG"), HighlightSpan(7, 13, "KABUPATEN 35.09", "REGION")]
    out = render_spans(text, spans)
    assert out.count(">ORG</span>") == 1 and out.count(">KABUPATEN 35.09</span>") == 1
    assert "top: 40px" in out and "top: 57px" in out  # two slots, as displaCy stacks them
    assert visible_text(out) == text


def test_every_corpus_article_renders(articles):
    for art in articles:
        out = art._repr_html_()
        assert out.count("<div") == out.count("</div>"), art.doc_id
        for p in art.persons:
            assert html.escape(art.text[p.start:p.end]) in out


def test_record_without_text_renders_a_note(article):
    out = Article.from_dict(article.to_dict())._repr_html_()
    assert "no text in this record" in out and '<table class="umkm-events">' in out


# ------------------------------------------------------------------------------------ DataFrames

try:
    import pandas as pd
except ImportError:
    pd = None
needs_pandas = pytest.mark.skipif(pd is None, reason="pandas is not installed (extra 'dataframe')")


@needs_pandas
@pytest.mark.parametrize("kind", ["events", "persons", "regions", "dates", "counts", "organizations", "articles"])
def test_to_dataframe_one_row_per_item(articles, kind):
    df = to_dataframe(articles, kind=kind)
    assert list(df.columns) == list(COLUMNS[kind])
    expected = len(articles) if kind == "articles" else sum(len(getattr(a, kind)) for a in articles)
    assert len(df) == expected
    texts = {a.doc_id: a.text for a in articles}
    if "start" in df.columns:
        for row in df.itertuples():
            assert texts[row.doc_id][row.start:row.end] == row.text
    if kind == "events":
        for row in df.itertuples():
            assert texts[row.doc_id][row.trigger_start:row.trigger_end] == row.trigger
        assert str(df["trigger_start"].dtype) == "Int64"


@needs_pandas
def test_to_dataframe_from_record_dicts_and_single_article(articles, article):
    recs = [json.loads(json.dumps(a.to_dict())) for a in articles]
    pd.testing.assert_frame_equal(to_dataframe(recs, kind="persons"), to_dataframe(articles, kind="persons"))
    assert len(to_dataframe(article, kind="events")) == len(article.events)


@needs_pandas
def test_to_dataframe_failures_and_bad_kind(article):
    fail = umkm_extract.ExtractionFailure("bad", "ValueError: nope")
    assert to_dataframe([article, fail], kind="errors").to_dict("records") == [
        {"doc_id": "bad", "source": None, "error": "ValueError: nope"}]
    assert len(to_dataframe([article, fail], kind="articles")) == 1
    with pytest.raises(ValueError, match="unknown kind 'people'"):
        to_dataframe([article], kind="people")


def test_to_dataframe_without_pandas_names_the_extra(article, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r'pip install "umkm-extract\[dataframe\]"'):
        to_dataframe([article], kind="events")


# ------------------------------------------------------------------------------------ the example notebook


@pytest.mark.slow
def test_example_notebook_executes_headlessly():
    nbformat = pytest.importorskip("nbformat", reason="nbformat is not installed (extra 'test')")
    nbclient = pytest.importorskip("nbclient", reason="nbclient is not installed (extra 'test')")
    pytest.importorskip("ipykernel", reason="ipykernel is not installed (extra 'test'): no kernel to run the notebook")
    pytest.importorskip("pandas", reason="pandas is not installed (extra 'dataframe'): the notebook needs it")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()  # raises CellExecutionError on the first failing cell
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    htmls = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any('<table class="umkm-events">' in h for h in htmls), "the rendered article"
    assert any("province" in h for h in htmls), "the events-per-province table"
    assert any("articles," in o.get("text", "") for o in outputs if o.output_type == "stream")
