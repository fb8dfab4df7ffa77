"""Where the full pipeline spends its time: cProfile (and pyinstrument when installed) over ~500 articles.

    .venv/bin/python benchmarks/profile_pipeline.py                  # cProfile: top 25 by tottime, per component
    .venv/bin/python benchmarks/profile_pipeline.py --pyinstrument   # also a pyinstrument call tree (pip install pyinstrument)
    .venv/bin/python benchmarks/profile_pipeline.py --out prof/      # also save pipeline.prof / pyinstrument.html there

The workload is throughput.py's (corpus/ repeated, with meta); the pipeline is built and warmed up
(whole gazetteer loaded) before profiling. cProfile's overhead inflates code with many small calls
(spaCy's per-token iteration, tiny helpers); pyinstrument samples and distorts less. Use them for
ranking, and benchmarks/throughput.py for the figures.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from collections import deque
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import DESA_TEXT, corpus_items, workload  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--n", type=int, default=504, help="articles to profile (default 504 = corpus × 12)")
    p.add_argument("--top", type=int, default=25, help="functions listed by tottime (default 25)")
    p.add_argument("--pyinstrument", action="store_true", help="also profile with pyinstrument (a dev tool)")
    p.add_argument("--out", type=Path, help="folder for pipeline.prof (snakeviz, pstats) and pyinstrument.html")
    args = p.parse_args(argv)

    from umkm_extract import Extractor

    items = workload(args.n)
    ex = Extractor()
    ex(DESA_TEXT)
    deque(ex.pipe(corpus_items()), maxlen=0)

    t0 = time.perf_counter()
    deque(ex.pipe(items), maxlen=0)
    plain = time.perf_counter() - t0
    print(f"{args.n} articles, without a profiler: {plain:.2f} s ({plain / args.n * 1e3:.2f} ms/article)\n")

    pr = cProfile.Profile()
    pr.enable()
    deque(ex.pipe(items), maxlen=0)
    pr.disable()
    if args.out:
        args.out.mkdir(parents=True, exist_ok=True)
        pr.dump_stats(str(args.out / "pipeline.prof"))
    stats = pstats.Stats(pr)
    total = stats.total_tt  # type: ignore[attr-defined]
    print(f"cProfile: {total:.2f} s in all (profiler overhead included)\n")

    # per component: cumulative time of each component's __call__ (and the tokenizer, record building)
    print("per component (cumulative, cProfile)")
    where = {}  # (file, first line) of each component's __call__ -> its pipeline name
    for name, proc in ex.nlp.pipeline:
        code = getattr(type(proc).__call__, "__code__", None)
        if code is not None:
            where[(code.co_filename, code.co_firstlineno)] = name
    rows = []
    for (file, line, func), (_cc, _nc, _tt, ct, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        if (file, line) in where:
            rows.append((ct, f"{where[file, line]} ({Path(file).name}:{line})"))
        elif file.endswith("umkm_extract/tokenizer.py") and func == "__call__":
            rows.append((ct, f"make_doc: LeanTokenizer.__call__ (tokenizer.py:{line})"))
        elif file.endswith("umkm_extract/api.py") and func == "article_from_doc":
            rows.append((ct, f"article_from_doc (api.py:{line})"))
    for ct, name in sorted(rows, reverse=True):
        print(f"  {ct:7.2f} s {ct / total:6.1%}  {name}")
    print()

    s = io.StringIO()
    pstats.Stats(pr, stream=s).sort_stats("tottime").print_stats(args.top)
    text = s.getvalue()
    print(text[text.index("   ncalls"):] if "   ncalls" in text else text)

    if args.pyinstrument:
        try:
            from pyinstrument import Profiler
        except ImportError:
            print("pyinstrument is not installed: .venv/bin/pip install pyinstrument", file=sys.stderr)
            return 1
        prof = Profiler(interval=0.001)
        prof.start()
        deque(ex.pipe(items), maxlen=0)
        prof.stop()
        print(prof.output_text(unicode=True, color=False))
        if args.out:
            (args.out / "pyinstrument.html").write_text(prof.output_html(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
