"""Records/s and peak memory of `umkm-extract aggregate` at 10,000 and 100,000 records.

    .venv/bin/python benchmarks/aggregate.py                  # 10,000 and 100,000 records
    .venv/bin/python benchmarks/aggregate.py --sizes 1000 10000

Workload: the gold records of corpus/ (the ANNOTATION.md shape, as `extract` writes it), replicated. Replica k
of an article gets doc_id NAME~k and all its dates (published, date mentions, event dates) moved k // 3 days
later: every three replicas are syndicated copies of one article (their events merge into one occurrence
with three sources), and each group of three is another set of occurrences. So the output grows with the
input (about 117 / 3 events per 72 records), which is what flat memory has to survive.

Each size runs in a fresh process (`write_dataset` of a JSONL file to CSV and report.html, as the command
line does); printed: seconds, records/s, peak RSS of that process, and RSS before the run (imports and the
gazetteer), so that the growth that the aggregation adds is visible.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_CHILD = r"""
import json, resource, sys, time
from umkm_extract.dataset import region_name, write_dataset
region_name("35")  # the gazetteer, loaded before the baseline
from umkm_extract.rules.counts import find_counts; find_counts("Rp 5 juta")
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t = time.perf_counter()
s = write_dataset(sys.argv[1], sys.argv[2])
dt = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": dt, "base_kb": base, "peak_kb": peak, "records": s.records, "rows": s.rows}))
"""


def _shift(value, days: int):
    if isinstance(value, str) and len(value) >= 10:
        try:
            return (date.fromisoformat(value[:10]) + timedelta(days=days)).isoformat() + value[10:]
        except ValueError:
            return value
    return value


def replicas(base: list[dict], n: int):
    for i in range(n):
        rec = base[i % len(base)]
        k = i // len(base)
        days = k // 3
        out = dict(rec, doc_id=f"{rec['doc_id']}~{k}", published=_shift(rec.get("published"), days))
        out["dates"] = [dict(d, value=_shift(d.get("value"), days)) for d in rec.get("dates") or ()]
        out["events"] = [dict(e, date=_shift(e.get("date"), days)) for e in rec.get("events") or ()]
        yield out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from umkm_extract.dataset import read_records

    base = list(read_records([ROOT / "corpus"]))
    print(f"base: {len(base)} gold records of corpus/; replica k shifted k // 3 days")
    print(f"{'records':>9} {'seconds':>8} {'records/s':>10} {'peak RSS MB':>12} {'RSS before MB':>14} "
          f"{'events':>8} {'officials':>10} {'regions':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            src = Path(tmp) / f"records-{n}.jsonl"
            with src.open("w", encoding="utf-8") as fh:
                for r in replicas(base, n):
                    fh.write(json.dumps(r, ensure_ascii=False) + "\n")
            t = time.perf_counter()
            res = subprocess.run([sys.executable, "-c", _CHILD, str(src), str(Path(tmp) / f"out-{n}")],
                                 capture_output=True, text=True, check=True)
            fig = json.loads(res.stdout.strip().splitlines()[-1])
            print(f"{n:>9,} {fig['seconds']:>8.1f} {n / fig['seconds']:>10,.0f} {fig['peak_kb'] / 1024:>12.0f} "
                  f"{fig['base_kb'] / 1024:>14.0f} {fig['rows']['events']:>8,} {fig['rows']['officials']:>10,} "
                  f"{fig['rows']['regions']:>8,}", flush=True)
            src.unlink()
            del t


if __name__ == "__main__":
    main()
