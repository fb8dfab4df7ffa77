"""The README's accuracy table: extract and score the development set and our own corpus.

    python benchmarks/accuracy.py            # Markdown table, one column pair per set
    python benchmarks/accuracy.py --json

The development set (../shared/corpus-dev, real articles, not part of this repository) is scored
when present; corpus/ (our own annotated articles) always. Scoring follows ANNOTATION.md
(umkm_extract.evaluate, which agrees with the independent referee ../shared/tools/score.py).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from umkm_extract import Extractor, evaluate
from umkm_extract.evaluate import FIELDS
from umkm_extract.io import iter_inputs

ROOT = Path(__file__).resolve().parents[1]
SETS = {"dev (../shared/corpus-dev)": ROOT.parent / "shared" / "corpus-dev", "corpus/": ROOT / "corpus"}


def score(folder: Path, extractor: Extractor):
    items = [it for it in iter_inputs(folder) if it.error is None]
    preds = [a.to_dict() for a in extractor.pipe((it.text, {**it.meta, "doc_id": it.doc_id}) for it in items)]
    return evaluate(folder, preds), len(items)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    ex = Extractor()
    reports = {name: score(path, ex) for name, path in SETS.items() if path.is_dir()}
    if args.json:
        print(json.dumps({k: {"articles": n, **r.to_dict(include_documents=False)} for k, (r, n) in reports.items()},
                         indent=1))
        return 0
    names = list(reports)
    print("| field | " + " | ".join(f"{n}: F1 (P / R) | attribute" for n in names) + " |")
    print("|---|" + "---:|---|" * len(names))
    for f in FIELDS:
        cells = []
        for n in names:
            fs = reports[n][0].fields[f]
            r = "–" if fs.recall is None else f"{fs.recall:.3f}"
            attr = "–" if fs.attribute is None else f"{fs.attribute_name} {fs.attribute:.3f}"
            cells.append(f"**{fs.f1:.3f}** ({fs.precision:.3f} / {r}) | {attr}")
        print(f"| {f} | " + " | ".join(cells) + " |")
    pub = " | ".join(f"{reports[n][0].published_accuracy:.3f} | –" for n in names)
    print(f"| published (accuracy) | {pub} |")
    print("\narticles: " + ", ".join(f"{n} {reports[n][1]}" for n in names))
    return 0


if __name__ == "__main__":
    sys.exit(main())
