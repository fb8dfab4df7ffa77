"""Persons of umkm_extract on NERGrit test sentences (an external set nobody tuned the rules on).

    .venv/bin/python benchmarks/nergrit_persons.py                 # default profile
    .venv/bin/python benchmarks/nergrit_persons.py --profile accurate
    .venv/bin/python benchmarks/nergrit_persons.py --split valid     # the split to tune on (test is reported)

Each test sentence (its tokens joined by spaces) goes through ``Extractor(profile=…)`` as a one-line text, with
no other option. A predicted person matches a gold PERSON span leniently: the names are equal after
normalisation, or one is a whole-word part of the other (NERGrit marks "Presiden Joko Widodo"-style spans
inconsistently, and our names drop honorifics). Each gold span matches at most one person.
"""
from __future__ import annotations

import argparse
from pathlib import Path

import umkm_extract
from umkm_extract.rules.text import normalize_name

DATA_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "ner-indonesian"


def sentences(path: Path) -> list[tuple[str, list[str]]]:
    out = []
    for block in path.read_text("utf-8").split("\n\n"):
        rows = [ln.split("\t") for ln in block.splitlines() if ln.strip()]
        if not rows:
            continue
        words = [r[0] for r in rows]
        persons, cur = [], []
        for w, lab in ((r[0], r[1].strip() if len(r) > 1 else "O") for r in rows):
            if lab == "B-PERSON" or (lab == "I-PERSON" and not cur):
                if cur:
                    persons.append(" ".join(cur))
                cur = [w]
            elif lab == "I-PERSON":
                cur.append(w)
            else:
                if cur:
                    persons.append(" ".join(cur))
                cur = []
        if cur:
            persons.append(" ".join(cur))
        out.append((" ".join(words), persons))
    return out


def lenient(a: str, b: str) -> bool:
    x, y = normalize_name(a).split(), normalize_name(b).split()
    if not x or not y:
        return False
    short, long_ = (x, y) if len(x) <= len(y) else (y, x)
    return any(long_[i:i + len(short)] == short for i in range(len(long_) - len(short) + 1))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--profile", default="fast")
    ap.add_argument("--split", default="test", choices=("test", "valid"))
    ap.add_argument("--errors", action="store_true", help="print each missed and each spurious name")
    args = ap.parse_args()
    ex = umkm_extract.Extractor(profile=args.profile)
    tp = n_pred = n_gold = 0
    for text, gold in sentences(DATA_DIR / f"nergrit-{args.split}.txt"):
        pred = [p.name for p in ex(text).persons]
        n_pred += len(pred)
        n_gold += len(gold)
        used: set[int] = set()
        for g in gold:
            i = next((i for i, p in enumerate(pred) if i not in used and lenient(p, g)), None)
            if i is not None:
                used.add(i)
                tp += 1
            elif args.errors:
                print(f"  missed {g!r}: {text}")
        if args.errors:
            for i, p in enumerate(pred):
                if i not in used:
                    print(f"  spurious {p!r}: {text}")
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print(f"NERGrit {args.split}, persons via extract() (profile={args.profile}): P={p:.3f} R={r:.3f} F1={f:.3f} "
          f"(tp={tp} pred={n_pred} gold={n_gold})")


if __name__ == "__main__":
    main()
