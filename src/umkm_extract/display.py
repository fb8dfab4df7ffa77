"""Notebook rendering and DataFrames.

- ``article_html(article)``: the body with persons/officials, organisations, regions, dates, counts and
  event triggers highlighted in displaCy's "span" style (overlapping spans stack), followed by an events
  table (type, date, trigger, roles, evidence sentence). ``Article._repr_html_`` calls it, so an
  ``Article`` shows itself in Jupyter.
- ``to_dataframe(articles, kind)``: one pandas row per item, with ``doc_id`` and offsets; the columns are
  those of ``umkm_extract.formats`` (the CSV/Parquet tables). pandas is imported only here, on call.
"""
from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Union, cast

from .formats import _SCHEMA, COLUMNS, flatten

if TYPE_CHECKING:  # pragma: no cover
    import pandas as pd

    from .api import ExtractionFailure
    from .records import Article

__all__ = ["article_html", "to_dataframe", "render_spans", "HighlightSpan"]

# colours per category (label prefix), in the spirit of displaCy's defaults
COLORS: dict[str, str] = {
    "OFFICIAL": "#7aecec",
    "PERSON": "#aa9cfc",
    "ORG": "#feca74",
    "REGION": "#bfe1d9",
    "DATE": "#bfeeb7",
    "COUNT": "#e4e7d2",
    "MONEY": "#e4e7d2",
    "EVENT": "#ff8197",
}
_DEFAULT_COLOR = "#ddd"
_TOP, _LABEL_OFFSET, _STEP = 40, 20, 17


@dataclass(frozen=True)
class HighlightSpan:
    """One highlighted character span: ``label`` is shown, ``category`` picks the colour, ``tooltip`` on hover."""

    start: int
    end: int
    label: str
    category: str
    tooltip: str = ""


def _fmt_number(v: Any) -> str:
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return f"{v:,}".replace(",", ".") if isinstance(v, int) else str(v)


def highlight_spans(article: "Article") -> list[HighlightSpan]:
    """The spans an article's body is rendered with (every person mention, each item's evidence span)."""
    out: list[HighlightSpan] = []
    for p in article.persons:
        cat = "OFFICIAL" if p.is_official else "PERSON"
        tip = " · ".join(x for x in (p.name, p.title, p.jurisdiction, p.organization) if x)
        for s, e in (p.mentions or ((p.start, p.end),)):
            out.append(HighlightSpan(s, e, cat, cat, tip))
    for o in article.organizations:
        out.append(HighlightSpan(o.start, o.end, "ORG", "ORG", " · ".join(x for x in (o.name, o.kind) if x)))
    for r in article.regions:
        label = f"{r.level.upper()} {r.code}" if r.code else r.level.upper()
        out.append(HighlightSpan(r.start, r.end, label, "REGION", f"{r.name} ({r.level}, {r.code or 'no code'})"))
    for d in article.dates:
        out.append(HighlightSpan(d.start, d.end, f"DATE {d.value}", "DATE", d.value))
    for c in article.counts:
        cat = "MONEY" if c.unit == "rupiah" else "COUNT"
        out.append(HighlightSpan(c.start, c.end, f"{cat} {_fmt_number(c.value)}", cat,
                                 f"{_fmt_number(c.value)} {c.unit}"))
    for ev in article.events:
        out.append(HighlightSpan(ev.trigger_start, ev.trigger_end, ev.type, "EVENT",
                                 f"{ev.type} {ev.date or ''}".strip()))
    n = len(article.text)
    return [h for h in out if 0 <= h.start < h.end <= n]


def _slots(spans: list[HighlightSpan]) -> dict[int, int]:
    """A vertical slot (1, 2, …) per span so that overlapping spans stack, longer ones first (as displaCy)."""
    order = sorted(range(len(spans)), key=lambda i: (spans[i].start, -(spans[i].end - spans[i].start), spans[i].label))
    slot: dict[int, int] = {}
    for i in order:
        used = {slot[j] for j in slot if spans[j].start < spans[i].end and spans[i].start < spans[j].end}
        k = 1
        while k in used:
            k += 1
        slot[i] = k
    return slot


def _text_html(s: str) -> str:
    return html.escape(s).replace("\n", "<br>")


def render_spans(text: str, spans: Iterable[HighlightSpan], *, start: int = 0, end: int | None = None) -> str:
    """displaCy "span"-style HTML for ``text[start:end]`` with the given spans; the text is kept exactly
    (spacing and line breaks), unlike token-based rendering."""
    end = len(text) if end is None else end
    inside = [h for h in spans if start <= h.start and h.end <= end]
    slot = _slots(inside)
    cuts = sorted({start, end} | {h.start for h in inside} | {h.end for h in inside})
    parts: list[str] = []
    for a, b in zip(cuts, cuts[1:]):
        seg = text[a:b]
        cover = [i for i, h in enumerate(inside) if h.start <= a and b <= h.end]
        if not cover or not seg.strip():
            parts.append(_text_html(seg))
            continue
        cover.sort(key=lambda i: slot[i])
        height = _TOP + _LABEL_OFFSET + _STEP * (max(slot[i] for i in cover) - 1)
        tips = "\n".join(dict.fromkeys(inside[i].tooltip for i in cover if inside[i].tooltip))
        bars: list[str] = []
        for i in cover:
            h = inside[i]
            color = COLORS.get(h.category, _DEFAULT_COLOR)
            top = _TOP + _STEP * (slot[i] - 1)
            radius = "border-top-left-radius: 3px; border-bottom-left-radius: 3px; " if h.start == a else ""
            bars.append(f'<span style="background: {color}; top: {top}px; height: 4px; {radius}left: -1px; '
                        f'width: calc(100% + 2px); position: absolute;">')
            if h.start == a:
                bars.append(f'<span style="background: {color}; z-index: 10; color: #000; top: -0.5em; '
                            'padding: 2px 3px; position: absolute; font-size: 0.6em; font-weight: bold; '
                            f'line-height: 1; border-radius: 3px; white-space: nowrap">{html.escape(h.label)}</span>')
            bars.append("</span>")
        parts.append(f'<span class="umkm-span" title="{html.escape(tips)}" style="font-weight: bold; '
                     f'display: inline-block; position: relative; height: {height}px; white-space: pre-wrap">'
                     f"{html.escape(seg)}{''.join(bars)}</span>")
    return '<div class="spans" style="line-height: 2.5; direction: ltr">' + "".join(parts) + "</div>"


def _events_table(article: "Article") -> str:
    if not article.events:
        return "<p><em>No events.</em></p>"
    rows = []
    for ev in article.events:
        roles = "<br>".join(f"<b>{html.escape(str(k))}</b>: {html.escape(_fmt_number(v) if not isinstance(v, str) else v)}"
                            for k, v in ev.roles.items())
        sent = ev.sentence
        a, b = ev.trigger_start - ev.sentence_start, ev.trigger_end - ev.sentence_start
        if ev.sentence_start >= 0 and 0 <= a < b <= len(sent):
            sent_html = (html.escape(sent[:a]) + "<mark>" + html.escape(sent[a:b]) + "</mark>" + html.escape(sent[b:]))
        else:
            sent_html = html.escape(sent)
        rows.append("<tr>" + "".join(f'<td style="text-align: left; vertical-align: top">{c}</td>' for c in (
            html.escape(ev.type), html.escape(ev.date or "—"), html.escape(ev.trigger), roles or "—", sent_html)) + "</tr>")
    head = "".join(f'<th style="text-align: left">{h}</th>' for h in ("type", "date", "trigger", "roles", "evidence"))
    return f'<table class="umkm-events"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


def article_html(article: "Article") -> str:
    """HTML for a notebook: header, highlighted body, legend and events table."""
    title = html.escape(article.title or article.doc_id or "article")
    meta = " · ".join(html.escape(x) for x in (
        f"doc_id {article.doc_id}" if article.doc_id else "",
        f"published {article.published}" if article.published else "",
        f"byline {', '.join(article.byline)}" if article.byline else "") if x)
    counts = ", ".join(f"{len(getattr(article, k))} {k}" for k in ("persons", "organizations", "regions", "dates",
                                                                   "counts", "events"))
    spans = highlight_spans(article)
    if article.text and article.body_spans:
        body = "".join(render_spans(article.text, spans, start=s, end=e) for s, e in article.body_spans)
    elif article.text:
        body = render_spans(article.text, spans)
    else:
        body = "<p><em>(no text in this record: pass include_text=True to to_dict/from_dict to render the body)</em></p>"
    legend = " ".join(f'<span style="background: {c}; padding: 1px 4px; border-radius: 3px; font-size: 0.8em">{k}</span>'
                      for k, c in COLORS.items())
    return (f'<div class="umkm-article"><h3 style="margin-bottom: 0.2em">{title}</h3>'
            f'<div style="color: #666; font-size: 0.9em">{meta}{" · " if meta else ""}{counts}</div>'
            f'<div style="margin: 0.5em 0">{legend}</div>{body}<h4>Events</h4>{_events_table(article)}</div>')


# ---------------------------------------------------------------------------------------------- DataFrames

ArticleLike = Union["Article", Mapping[str, Any], "ExtractionFailure"]


def _require_pandas() -> Any:
    try:
        import pandas
    except ImportError as exc:
        raise ImportError('to_dataframe needs pandas: pip install "umkm-extract[dataframe]"') from exc
    return pandas


def _record(a: Any) -> Mapping[str, Any]:
    if isinstance(a, Mapping):
        return a
    to_dict = getattr(a, "to_dict", None)
    if to_dict is None:
        raise TypeError(f"expected an Article, an ExtractionFailure or a record dict, got {type(a).__name__}")
    return to_dict()  # type: ignore[no-any-return]


def to_dataframe(articles: ArticleLike | Iterable[ArticleLike], kind: str = "events") -> "pd.DataFrame":
    """One row per item of ``kind`` (``events``, ``persons``, ``regions``, ``dates``, ``counts``,
    ``organizations``; ``articles`` for one row per article; ``errors`` for failures) with ``doc_id`` and
    offsets. ``articles`` may be Articles, record dicts (e.g. read back from JSON Lines) or a mix, and may
    contain ExtractionFailures (they only show in ``kind="errors"``). The columns are the same as those of
    the CSV/Parquet tables; see ``umkm_extract.formats``."""
    pd = _require_pandas()
    if kind not in COLUMNS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {sorted(COLUMNS)}")
    items: Iterable[Any]
    if isinstance(articles, Mapping) or hasattr(articles, "to_dict"):
        items = [articles]  # one Article, failure or record
    else:
        items = cast(Iterable[Any], articles)
    rows = list(flatten((_record(a) for a in items), kind))
    df = pd.DataFrame(rows, columns=list(COLUMNS[kind]))
    for col, typ in _SCHEMA[kind]:
        if typ == "int":
            df[col] = df[col].astype("Int64")
        elif typ == "bool":
            df[col] = df[col].astype("boolean")
        elif typ == "float":
            df[col] = pd.to_numeric(df[col], errors="coerce").astype("float64")
    return df
