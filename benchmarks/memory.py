"""Peak memory while streaming many articles through Extractor.pipe: it should stay flat.

    python benchmarks/memory.py                       # 2,000 and 20,000 articles, one process each
    python benchmarks/memory.py --sizes 500 5000 -j 2

Articles are the corpus/*.txt texts replicated under distinct doc_ids, generated lazily (never
held in a list); each record is serialised to JSON and dropped, as the CLI does. Each size runs in
a fresh interpreter, so its peak RSS (resource.getrusage, stdlib) is its own. The current RSS is also
sampled at 10 %, 50 % and 100 % of the stream: flat memory means these barely move.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"


def _current_rss_mb() -> float:
    """Resident set size now (Linux /proc; falls back to the peak elsewhere)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            pages = int(fh.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return _peak_rss_mb(resource.RUSAGE_SELF)


def _peak_rss_mb(who: int) -> float:
    kb = resource.getrusage(who).ru_maxrss
    return kb / 2**20 if sys.platform == "darwin" else kb / 1024  # bytes on macOS, KiB on Linux


def _articles(n: int) -> Iterator[tuple[str, dict[str, str]]]:
    files = sorted(CORPUS.glob("*.txt"))
    texts = [p.read_text("utf-8") for p in files]
    names = [p.name[:-4] for p in files]
    for i in range(n):
        k = i % len(texts)
        yield texts[k], {"doc_id": f"{i:06d}-{names[k]}"}


def run_one(n: int, n_process: int, batch_size: int) -> dict[str, float]:
    from umkm_extract import Extractor

    ex = Extractor()
    ex("Judul\nBupati Jember Hendy Siswanto meresmikan Pasar Tanjung.")  # build the pipeline first
    base = _current_rss_mb()
    marks = {max(1, n // 10): "rss_10pct_mb", max(1, n // 2): "rss_50pct_mb", n: "rss_100pct_mb"}
    out: dict[str, float] = {"articles": n, "rss_after_build_mb": round(base, 1)}
    t0 = time.perf_counter()
    done = 0
    with open(os.devnull, "w", encoding="utf-8") as sink:
        for art in ex.pipe(_articles(n), batch_size=batch_size, n_process=n_process, on_error="return"):
            sink.write(json.dumps(art.to_dict(), ensure_ascii=False) + "\n")
            done += 1
            if done in marks:
                out[marks[done]] = round(_current_rss_mb(), 1)
    secs = time.perf_counter() - t0
    out.update(seconds=round(secs, 1), articles_per_s=round(done / secs, 1),
               peak_rss_mb=round(_peak_rss_mb(resource.RUSAGE_SELF), 1),
               peak_rss_children_mb=round(_peak_rss_mb(resource.RUSAGE_CHILDREN), 1))
    return out


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[2000, 20000])
    ap.add_argument("-j", "--n-process", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: run one size in this process
    args = ap.parse_args(argv)
    if args.one is not None:
        print(json.dumps(run_one(args.one, args.n_process, args.batch_size)))
        return
    print(f"streaming corpus/*.txt replicas through Extractor.pipe (n_process={args.n_process}, "
          f"batch_size={args.batch_size}); one fresh process per size", flush=True)
    header = f"{'articles':>9} {'seconds':>8} {'art/s':>7} {'RSS@build':>10} {'RSS@10%':>8} {'RSS@50%':>8} " \
             f"{'RSS@100%':>9} {'peak RSS':>9} {'peak child':>10}   (MB)"
    print(header, flush=True)
    for n in args.sizes:
        res = subprocess.run([sys.executable, __file__, "--one", str(n), "-j", str(args.n_process),
                              "--batch-size", str(args.batch_size)], capture_output=True, text=True)
        if res.returncode != 0:
            sys.exit(f"the run with {n} articles failed:\n{res.stderr}")
        r = json.loads(res.stdout.strip().splitlines()[-1])
        print(f"{r['articles']:>9,} {r['seconds']:>8} {r['articles_per_s']:>7} {r['rss_after_build_mb']:>10} "
              f"{r['rss_10pct_mb']:>8} {r['rss_50pct_mb']:>8} {r['rss_100pct_mb']:>9} {r['peak_rss_mb']:>9} "
              f"{r['peak_rss_children_mb']:>10}", flush=True)


if __name__ == "__main__":
    main()
