"""Time on adversarial texts: runs without spaces, long digit groups, repeated cue words, at growing sizes.

    .venv/bin/python benchmarks/adversarial.py            # 100 KB and 300 KB of each
    .venv/bin/python benchmarks/adversarial.py --kb 10 30 100 300

Prints seconds per text and the ratio of the largest size to the previous one (linear work: about the ratio
of the sizes). The targets of the entry-points issue: ≤ 3 s at 300 KB, and 300 KB ≤ 4 × 100 KB.
"""
from __future__ import annotations

import argparse
import time

import umkm_extract

UNITS = ("1.2,3/4:", "1.2:", "1:2.", "11:22.33/", "1 ", "Rp 1.000 ", "a-", "Bupati ")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kb", type=int, nargs="+", default=[100, 300])
    args = ap.parse_args()
    ex = umkm_extract.Extractor()
    ex("Judul\nBupati Jember Hendy Siswanto meresmikan Pasar Tanjung, Kamis (5/9/2024).")  # warm up
    print(f"{'unit':>12} " + " ".join(f"{kb:>7} KB" for kb in args.kb) + "   last/previous")
    for unit in UNITS:
        times = []
        for kb in args.kb:
            text = "Judul\n" + unit * (kb * 1000 // len(unit))
            t = time.perf_counter()
            ex(text)
            times.append(time.perf_counter() - t)
        ratio = times[-1] / times[-2] if len(times) > 1 and times[-2] else float("nan")
        print(f"{unit!r:>12} " + " ".join(f"{t:>8.2f}s" for t in times) + f"   {ratio:.2f}")
    t = time.perf_counter()
    article = ex("Judul\nRp 1" + ".000" * 2500)
    print(f"'Rp 1' + '.000' x 2500: a record in {time.perf_counter() - t:.2f} s, {len(article.counts)} counts")


if __name__ == "__main__":
    main()
