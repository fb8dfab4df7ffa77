"""The HTML report of a dataset (``DIR/report.html``): one self-contained page, charts as inline SVG.

Made offline from what ``aggregate.ReportData`` gathered while the tables were written: events per province
and per month (stacked by type), the officials seen in most articles, the largest aid amounts with their
sources. No script, no external file: it opens in any browser and prints.
"""
from __future__ import annotations

from collections import Counter
from html import escape
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .dataset import ReportData, Summary

__all__ = ["render_report", "bar_chart_svg", "stacked_columns_svg"]

#: One colour per event type (colour-blind-safe palette, Okabe–Ito and Tol's).
COLOURS: dict[str, str] = {
    "award_received": "#E69F00", "association_inaugurated": "#56B4E9", "official_inaugurated": "#009E73",
    "facility_inaugurated": "#F0E442", "aid_distributed": "#0072B2", "insurance_enrolled": "#D55E00",
    "program_launched": "#CC79A7", "agreement_signed": "#999999", "training_held": "#44AA99",
}
_OTHER = "#332288"


def _n(v: float) -> str:
    return f"{v:,.0f}".replace(",", ".")


def rupiah(v: float) -> str:
    """An amount as Indonesian news writes it: Rp 1,5 miliar, Rp 750 juta, Rp 25.000."""
    for scale, word in ((1e12, "triliun"), (1e9, "miliar"), (1e6, "juta")):
        if v >= scale:
            x = v / scale
            text = f"{x:.2f}".rstrip("0").rstrip(".").replace(".", ",")
            return f"Rp {text} {word}"
    return f"Rp {_n(v)}"


def bar_chart_svg(items: list[tuple[str, float]], *, width: int = 640, bar: int = 18, label_width: int = 210,
                  colour: str = "#0072B2", title: str = "") -> str:
    """Horizontal bars, one per (label, value), largest first as given."""
    if not items:
        return '<p class="empty">No data.</p>'
    top = max(v for _, v in items) or 1
    h = len(items) * (bar + 6) + 10
    span = width - label_width - 60
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{h}" viewBox="0 0 {width} {h}" '
             f'role="img" aria-label="{escape(title)}">']
    for i, (label, v) in enumerate(items):
        y = 5 + i * (bar + 6)
        w = max(1.0, span * v / top)
        parts.append(f'<text x="{label_width - 6}" y="{y + bar - 5}" text-anchor="end" font-size="12">'
                     f'{escape(label)}</text>')
        parts.append(f'<rect x="{label_width}" y="{y}" width="{w:.1f}" height="{bar}" fill="{colour}">'
                     f'<title>{escape(label)}: {_n(v)}</title></rect>')
        parts.append(f'<text x="{label_width + w + 4:.1f}" y="{y + bar - 5}" font-size="12">{_n(v)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def stacked_columns_svg(columns: list[str], stacks: dict[str, Counter[str]], *, height: int = 260,
                        max_width: int = 960, title: str = "") -> str:
    """Vertical columns (one per label in ``columns``), each stacked by key in ``COLOURS`` order; narrower
    columns and every n-th label when there are many, so that the chart fits ``max_width``."""
    if not columns:
        return '<p class="empty">No data.</p>'
    top = max(sum(stacks[c].values()) for c in columns) or 1
    chart_h = height - 70
    gap = 8 if len(columns) <= 30 else 2
    col = max(4, min(26, (max_width - 40) // len(columns) - gap))
    every = max(1, -(-len(columns) * 14 // (max_width - 40)))  # labels 14 px apart at least
    width = 40 + len(columns) * (col + gap)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}">']
    keys = list(COLOURS) + sorted({k for c in columns for k in stacks[c]} - set(COLOURS))
    for i, c in enumerate(columns):
        x = 30 + i * (col + gap)
        y = 10 + chart_h
        for k in keys:
            v = stacks[c].get(k, 0)
            if not v:
                continue
            h = chart_h * v / top
            y -= h
            parts.append(f'<rect x="{x}" y="{y:.1f}" width="{col}" height="{h:.1f}" fill="{COLOURS.get(k, _OTHER)}">'
                         f'<title>{escape(c)} {escape(k)}: {v}</title></rect>')
        total = sum(stacks[c].values())
        if col >= 14:
            parts.append(f'<text x="{x + col / 2}" y="{y - 3:.1f}" text-anchor="middle" font-size="11">{total}</text>')
        if i % every == 0:
            parts.append(f'<text x="{x + col / 2}" y="{chart_h + 24}" text-anchor="end" font-size="11" '
                         f'transform="rotate(-45 {x + col / 2} {chart_h + 24})">{escape(c)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _legend() -> str:
    return '<p class="legend">' + " ".join(
        f'<span><i style="background:{c}"></i>{escape(t)}</span>' for t, c in COLOURS.items()) + "</p>"


def _table(headers: list[str], rows: list[list[Any]]) -> str:
    if not rows:
        return '<p class="empty">None.</p>'
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{escape('' if v is None else str(v))}</td>" for v in r) + "</tr>"
                   for r in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


_CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em auto;max-width:1000px;color:#222;padding:0 1em}
h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;font-size:.85em;width:100%}th,td{border:1px solid #ddd;padding:3px 6px;text-align:left;
vertical-align:top}th{background:#f4f4f4}.legend span{margin-right:1em;font-size:.8em;white-space:nowrap}
.legend i{display:inline-block;width:.9em;height:.9em;margin-right:.3em;vertical-align:middle}.empty{color:#777}
.summary{color:#555}
"""


def render_report(data: "ReportData", summary: "Summary") -> str:
    """The report page (a deterministic function of the tables: the same input gives the same bytes)."""
    per_province: Counter[str] = Counter()
    names: dict[str, str] = {}
    for row in data.regions:
        per_province[row["code"]] += row["events"]
        names[row["code"]] = row["name"] or row["code"]
    provinces = sorted(((names[c], v) for c, v in per_province.items() if v), key=lambda x: (-x[1], x[0]))
    stacks: dict[str, Counter[str]] = {}
    for (month, etype), v in data.events_by_month.items():
        stacks.setdefault(month, Counter())[etype] += v
    months = sorted(stacks)
    officials = data.ranked(data.officials)
    aid = data.ranked(data.aid)
    off_rows = [[o["name"], o["title"], o["jurisdiction"] or o["organization"], o["region_code"], o["n_articles"],
                 o["first_seen"], o["last_seen"]] for o in officials]
    aid_rows = [[rupiah(e["money"]), e["date"], e["role_giver"], e["role_item"], e["role_beneficiary"],
                 None if e["count"] is None else _n(e["count"]), e["region_codes"], e["sources"].replace(";", "; ")]
                for e in aid]
    n_events = sum(data.events_by_type.values())
    by_type = ", ".join(f"{t} {v}" for t, v in sorted(data.events_by_type.items(), key=lambda x: (-x[1], x[0])))
    return "".join([
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">',
        "<title>umkm_extract dataset report</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>UMKM news dataset</h1>",
        f'<p class="summary">{summary.articles} articles ({summary.records} records read, {summary.duplicates} '
        f"repeated doc_ids, {summary.failures} failed extractions), {n_events} events from "
        f"{summary.mentions} event mentions{': ' + escape(by_type) if by_type else ''}.</p>",
        "<h2>Events per province</h2>",
        "<p>An event counts once in each province it is located in.</p>",
        bar_chart_svg(provinces, title="events per province"),
        "<h2>Events per month</h2>",
        _legend(),
        stacked_columns_svg(months, stacks, title="events per month by type"),
        f"<h2>Officials seen in most articles (top {data.top})</h2>",
        _table(["name", "title", "jurisdiction / organisation", "region code", "articles", "first seen", "last seen"],
               off_rows),
        f"<h2>Largest aid amounts (top {data.top})</h2>",
        _table(["amount", "date", "giver", "item", "beneficiary", "count", "region codes", "sources"], aid_rows),
        "</body></html>\n",
    ])
