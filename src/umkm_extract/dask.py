"""Extraction on Dask (optional extra ``dask``: ``pip install "umkm-extract[dask]"``).

A Dask bag of articles — file paths (read on the workers) or texts or ``(text, meta)`` pairs — maps to
a bag of record dicts, the same dicts as a local run (``Article.to_dict()``, plus ``warnings`` when a
file was read with a fallback encoding; a failure is ``{"doc_id", "source", "error"}``). Each worker
process builds one Extractor, lazily, on its first article (a per-process singleton), so the spaCy
pipeline and the gazetteer are loaded once per worker, never shipped over the network.

>>> from umkm_extract.dask import run_dask
>>> for rec in run_dask("corpus", address="local", n_workers=2):
...     print(rec["doc_id"], len(rec["events"]))

``run_dask(paths_or_items, address)`` is what the command line calls: ``address`` is ``"local"`` (start
a LocalCluster on this machine and close it at the end), a scheduler address (``"tcp://host:8786"``,
an existing cluster; its workers need umkm_extract installed), or one of Dask's own schedulers without
``distributed`` (``"sync"``, ``"threads"``, ``"processes"``).
"""
from __future__ import annotations

import json
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Union

from .api import ExtractionFailure, Extractor
from .io import InputItem, _txt_files, iter_inputs

if TYPE_CHECKING:  # pragma: no cover
    import dask.bag as db

__all__ = ["aggregate_bag", "extract_bag", "files_bag", "items_bag", "run_dask", "extract_one", "worker_extractor"]

Element = Union[Path, str, tuple[str, Mapping[str, Any]]]
LOCAL_SCHEDULERS = ("sync", "synchronous", "threads", "processes")

_EXTRACTORS: dict[tuple[tuple[str, Any], ...], Extractor] = {}


def _require_dask() -> Any:
    try:
        import dask.bag
    except ImportError as exc:
        raise ImportError('umkm_extract.dask needs dask: pip install "umkm-extract[dask]"') from exc
    return dask.bag


def worker_extractor(options: Mapping[str, Any] | None = None) -> Extractor:
    """This process's Extractor for ``options`` (Extractor keyword arguments), built on first use."""
    key = tuple(sorted((options or {}).items()))
    ex = _EXTRACTORS.get(key)
    if ex is None:
        ex = _EXTRACTORS[key] = Extractor(**dict(options or {}))
    return ex


def _input_item(el: Element) -> InputItem:
    if isinstance(el, Path):
        items = list(iter_inputs(el))
        if len(items) != 1:
            return InputItem(doc_id=el.stem, source=str(el), error="expected one article file")
        return items[0]
    if isinstance(el, str):
        return InputItem(doc_id="", source="", text=el)
    if isinstance(el, tuple) and len(el) == 2 and isinstance(el[0], str):
        meta = dict(el[1] or {})
        doc_id = str(meta.get("doc_id") or "")
        if "_error" in meta:  # an unreadable .jsonl line, carried to keep its place in the order
            return InputItem(doc_id=doc_id, source=str(meta.get("_source") or ""), error=str(meta["_error"]))
        return InputItem(doc_id=doc_id, source="", text=el[0], meta=meta)
    return InputItem(doc_id="", source="", error=f"expected a Path, a text or a (text, meta) pair, got {type(el).__name__}")


def extract_one(el: Element, *, include_text: bool = False, options: Mapping[str, Any] | None = None
                ) -> dict[str, Any]:
    """The record dict of one bag element (what ``extract_bag`` maps); never raises for a bad article."""
    item = _input_item(el)
    if item.error is not None:
        return {"doc_id": item.doc_id or None, "source": item.source, "error": item.error}
    meta = {**item.meta, "doc_id": item.doc_id} if item.doc_id else dict(item.meta)
    res = worker_extractor(options)._one((item.text or "", meta), "return")
    if isinstance(res, ExtractionFailure):
        return {"doc_id": res.doc_id, "source": item.source, "error": res.error}
    rec = res.to_dict(include_text=include_text)
    if item.warnings:
        rec["warnings"] = list(dict.fromkeys([*item.warnings, *rec.get("warnings", ())]))
    return rec


def _extract_partition(part: Iterable[Element], include_text: bool, options: Mapping[str, Any] | None
                       ) -> list[dict[str, Any]]:
    return [extract_one(el, include_text=include_text, options=options) for el in part]


def extract_bag(bag: "db.Bag", *, include_text: bool = False, options: Mapping[str, Any] | None = None) -> "db.Bag":
    """A bag of record dicts from a bag of elements: ``pathlib.Path`` (an article file, read on the
    worker with its ``.meta.json`` sidecar), ``str`` (a text) or ``(text, meta)``. ``options`` are
    Extractor keyword arguments (``{"backend": "stanza", "stanza_dir": …}``). Order is kept."""
    return bag.map_partitions(_extract_partition, include_text, dict(options or {}))


def files_bag(path: str | Path | Iterable[str | Path], *, npartitions: int | None = None) -> "db.Bag":
    """A bag of article file paths: every ``*.txt`` under a folder (as the command line reads it),
    one ``.txt``, or a list of them."""
    db = _require_dask()
    paths: list[Path] = []
    for p in [path] if isinstance(path, (str, Path)) else path:
        p = Path(p)
        if p.is_dir():
            paths.extend(_txt_files(p))  # the command line's listing, without reading the files here
        else:
            paths.append(p)
    return db.from_sequence(paths, npartitions=_partitions(len(paths), npartitions))


def items_bag(items: Iterable[Element], *, npartitions: int | None = None) -> "db.Bag":
    """A bag of texts or ``(text, meta)`` pairs (or Paths)."""
    db = _require_dask()
    seq = list(items)
    return db.from_sequence(seq, npartitions=_partitions(len(seq), npartitions))


def _partitions(n: int, npartitions: int | None) -> int:
    if npartitions is not None:
        return max(1, npartitions)
    return max(1, min(n, 4 * (os.cpu_count() or 1), (n + 7) // 8))


def _as_bag(paths_or_items: Any, npartitions: int | None) -> "db.Bag":
    db = _require_dask()
    if isinstance(paths_or_items, db.Bag):
        return paths_or_items
    if isinstance(paths_or_items, (str, Path)):
        p = Path(paths_or_items)
        if p.suffix == ".jsonl":  # doc_ids and errors exactly as a local run reads them
            return items_bag(_jsonl_elements(p), npartitions=npartitions)
        return files_bag(p, npartitions=npartitions)
    seq = list(paths_or_items)
    if seq and all(isinstance(x, Path) for x in seq):
        return files_bag(seq, npartitions=npartitions)
    return items_bag(seq, npartitions=npartitions)


def _jsonl_elements(path: Path) -> Iterator[Element]:
    for it in iter_inputs(path):
        if it.error is not None:
            yield ("", {"doc_id": it.doc_id, "_error": it.error, "_source": it.source})
        else:
            yield (it.text or "", {**it.meta, "doc_id": it.doc_id})


def run_dask(paths_or_items: Any, address: str = "local", *, n_workers: int | None = None,
             threads_per_worker: int = 1, npartitions: int | None = None, include_text: bool = False,
             options: Mapping[str, Any] | None = None) -> Iterator[dict[str, Any]]:
    """Record dicts for a folder / ``.txt`` / ``.jsonl`` path, a list of paths, an iterable of texts or
    ``(text, meta)`` pairs, or a Dask bag, computed on ``address`` and yielded in input order as the
    partitions finish. ``address="local"`` starts a LocalCluster (``n_workers`` processes, default: the
    CPU count) that is closed when the iterator ends."""
    _require_dask()
    import dask

    bag = extract_bag(_as_bag(paths_or_items, npartitions), include_text=include_text, options=options)
    parts = bag.to_delayed()
    if address in LOCAL_SCHEDULERS:
        for part in parts:
            yield from dask.compute(part, scheduler=address)[0]
        return
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ImportError('run_dask on a cluster needs distributed: pip install "umkm-extract[dask]"') from exc
    cluster = None
    if address == "local":
        cluster = LocalCluster(n_workers=n_workers or (os.cpu_count() or 1), threads_per_worker=threads_per_worker,
                               processes=True, dashboard_address=None)
        client = Client(cluster)
    else:
        client = Client(address)
    try:
        futures = client.compute(parts)
        for fut in futures:
            yield from fut.result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()



# --------------------------------------------------------------------------------------------
# The dataset view on Dask

_LIST_FIELDS = ("persons", "organizations", "regions", "dates", "counts", "events", "byline")


def _from_row(rec: Mapping[str, Any]) -> dict[str, Any]:
    """A record from a DataFrame row: list fields held as JSON text are decoded. Dask's default string conversion
    turns list columns into Python reprs, which are refused with the way out."""
    out = dict(rec)
    for f in _LIST_FIELDS:
        v = out.get(f)
        if isinstance(v, str):
            try:
                out[f] = json.loads(v)
            except json.JSONDecodeError:
                raise ValueError(f"record {out.get('doc_id')!r}: column {f!r} holds text, not a list: keep list columns "
                                 "as objects (dask.config.set({'dataframe.convert-string': False})) or as JSON "
                                 "text") from None
    return out


def _keyed(rec: Mapping[str, Any]) -> tuple[str, str, dict[str, Any]]:
    from .dataset import _digest, _doc_id

    doc_id = _doc_id(rec)
    if doc_id is None:
        raise ValueError("a record has no doc_id")
    return (doc_id, _digest(rec), dict(rec))


def _first_digest(a: tuple[str, str, dict[str, Any]], b: tuple[str, str, dict[str, Any]]
                  ) -> tuple[str, str, dict[str, Any]]:
    return a if a[1] <= b[1] else b


def _event_rows(kv: tuple[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    from .dataset import event_row, mention_order, merge_events

    return [event_row(o) for o in merge_events(sorted(kv[1], key=mention_order))]


def _official_rows(kv: tuple[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    from .dataset import merge_officials

    return merge_officials(kv[1])


def aggregate_bag(records: Any, *, scheduler: Any = None) -> Any:
    """``umkm_extract.aggregate`` over a Dask bag of record dicts (or a Dask DataFrame with one record per row):
    the same rules and pure functions, grouped by event type and by office on the cluster instead of sorted
    in a local file; the returned ``Dataset`` equals the local one for the same records."""
    db = _require_dask()
    import dask

    from .dataset import (Dataset, Summary, _is_failure, event_sort_key, explode, official_sort_key, region_rows,
                            tally_article, tally_event)

    if not isinstance(records, db.Bag):
        to_bag = getattr(records, "to_bag", None)
        if to_bag is None:
            raise TypeError(f"expected a dask Bag or DataFrame of records, got {type(records).__name__}")
        records = to_bag(format="dict").map(_from_row)
    ok = records.filter(lambda r: not _is_failure(r))
    chosen = ok.map(_keyed).foldby(lambda t: t[0], _first_digest)
    parts = chosen.map(lambda kv: explode(kv[1][2]))
    events = parts.pluck("events").flatten().groupby(lambda m: m["type"]).map(_event_rows).flatten()
    officials = parts.pluck("officials").flatten().groupby(lambda m: m["block"]).map(_official_rows).flatten()
    articles = parts.pluck("article")
    n_records, n_ok, ev, off, arts = dask.compute(records.count(), ok.count(), events, officials, articles,
                                                  scheduler=scheduler)
    ev = sorted(ev, key=event_sort_key)
    off = sorted(off, key=official_sort_key)
    tally: Counter[Any] = Counter()
    for a in sorted(arts, key=lambda a: a["doc_id"]):
        tally_article(tally, a)
    for row in ev:
        tally_event(tally, row)
    summary = Summary(records=n_records, articles=len(arts), duplicates=n_ok - len(arts),
                      failures=n_records - n_ok, mentions=sum(e["n_sources"] for e in ev),  # one mention per source
                      rows={"events": len(ev), "officials": len(off)})
    regions = region_rows(tally)
    summary.rows["regions"] = len(regions)
    return Dataset(ev, off, regions, summary)
