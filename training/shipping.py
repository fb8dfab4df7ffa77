"""What the training scripts share: running `spacy train`, timing a pipeline beside spacy.blank("id"), and
shipping a trained pipeline into the package.

Nothing here is imported by umkm_extract.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Callable

import spacy


def spacy_train(config: Path, output: Path, train: Path, dev: Path, *extra: str) -> None:
    """``python -m spacy train CONFIG`` with the corpora given on the command line; prints the time taken."""
    t = time.time()
    subprocess.run([sys.executable, "-m", "spacy", "train", str(config), "--output", str(output),
                    "--paths.train", str(train), "--paths.dev", str(dev), *extra], check=True)
    print(f"spacy train: {time.time() - t:.0f} s")


def words_per_second(model: Path, texts: Sequence[str], name: str) -> dict[str, int]:
    """Words/s (whitespace words) of ``model`` and of ``spacy.blank("id")`` tokenisation over the same texts."""
    nlp = spacy.load(model)
    blank = spacy.blank("id")
    words = sum(len(t.split()) for t in texts)
    t = time.perf_counter()
    list(nlp.pipe(texts, batch_size=256))
    tm = time.perf_counter() - t
    t = time.perf_counter()
    list(blank.pipe(texts, batch_size=256))
    tb = time.perf_counter() - t
    return {"words": words, f"{name}_words_per_s": round(words / tm), "blank_id_tokenizer_words_per_s": round(words / tb)}


def ship(source: Path, target: Path, meta: dict[str, Any], components: Sequence[str], attribution: Path,
         rescore: Callable[[Path], dict[str, Any]], key: str, saved: dict[str, Any]) -> None:
    """Copy the pipeline at ``source`` into the package folder ``target`` with ``meta`` and its attribution file.

    The string store holds every training word (the texts' vocabulary); the model needs only its labels (its
    features are hashes of the text): only those are kept. The packaged copy is scored again (``rescore``)
    and must give the same ``key`` figures as ``saved``."""
    if target.exists():
        shutil.rmtree(target)
    nlp = spacy.load(source)
    full = dict(nlp.meta)
    full.update(meta)
    full.pop("performance", None)  # spaCy's dev-split figures; the scores file holds the test figures
    nlp.meta = full
    nlp.to_disk(target)
    labels = sorted({lab for c in components for lab in nlp.get_pipe(c).labels})
    (target / "vocab" / "strings.json").write_text(json.dumps(labels) + "\n", encoding="utf-8")
    shutil.copy(attribution, target / "ATTRIBUTION.md")
    again = rescore(target)
    if again[key] != saved[key]:
        raise SystemExit(f"the packaged model scores {key}={again[key]}, the trained one {saved[key]}")
    print(f"exported to {target} (re-scored: {key} {again[key]})")


def run_steps(step: str, steps: Sequence[tuple[str, Callable[[], None]]], *, experiment: bool) -> None:
    """Run the steps (name, function) that ``step`` names, or all in order for "all"; an experiment (a ``--work``
    folder of its own) never exports into the package."""
    if step == "export" and experiment:
        raise SystemExit("export ships only the default run (no --work)")
    for name, fn in steps:
        if step in (name, "all") and not (experiment and name == "export"):
            fn()
