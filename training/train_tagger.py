"""Train the statistical Indonesian POS tagger shipped in ``src/umkm_extract/data/tagger/``.

Reproducible end to end (fixed seeds, one thread)::

    pip download --no-deps nlp-id==0.1.23.0 -d /tmp/nlpid     # or: pip install nlp-id
    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 \\
        .venv/bin/python training/train_tagger.py all --corpus /tmp/nlpid

Steps (each one is also a subcommand): ``prepare`` reads the nlp-id corpus, groups its
near-duplicate sentence variants, splits the groups 80/10/10 with a fixed seed and writes
spaCy DocBins re-tokenised the way ``umkm.LeanTokenizer.v1`` tokenises; ``train`` runs
``spacy train training/tagger.cfg`` (CPU, one thread); ``evaluate`` scores the best model on
the held-out test split (accuracy over all tags, NNP precision/recall/F1 per token and per
run of NNP tokens); ``export`` copies the tok2vec + tagger pipeline into the package with the
scores in its meta.json. ``compare`` prints corpus tokens beside lean-tokenizer tokens.

The corpus is located, in this order: ``--corpus PATH`` (the ``dataset_postag.txt`` file, an
nlp-id wheel or zip, or a directory holding either), then an installed ``nlp_id`` package
(found without importing it, so its heavy dependencies need not be installed).
"""
from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import os
import random
import shutil
import subprocess
import sys
import time
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS_DIR = HERE / "corpus"
OUTPUT_DIR = HERE / "output"
CONFIG = HERE / "tagger.cfg"
PACKAGE_MODEL = ROOT / "src" / "umkm_extract" / "data" / "tagger"
MEMBER = "nlp_id/data/dataset_postag.txt"
SEED = 13
SPLIT = (0.8, 0.1, 0.1)
# Clitics that nlp-id's tokenizer splits off ("ada nya", "itu lah") but that the lean tokenizer,
# like Indonesian spelling, keeps inside the word ("adanya", "itulah"). "pun" is written apart in
# standard spelling ("ia pun"), and "ku" is also a prefix ("kutilang"): both stay separate.
CLITICS = frozenset({"nya", "lah", "kah", "mu", "-nya"})
THREAD_ENV = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}

Sentence = list[tuple[str, str]]


# ---------------------------------------------------------------------------------------------
# Reading the corpus
# ---------------------------------------------------------------------------------------------
def _read_zip(path: Path) -> str:
    with zipfile.ZipFile(path) as zf:
        return zf.read(MEMBER).decode("utf-8")


def locate_corpus(arg: str | None) -> tuple[str, str]:
    """(text of dataset_postag.txt, where it came from)."""
    if arg:
        p = Path(arg)
        if p.is_dir():
            for cand in [p / "dataset_postag.txt", p / MEMBER, *sorted(p.glob("nlp_id-*.whl"))]:
                if cand.is_file():
                    p = cand
                    break
            else:
                raise SystemExit(f"--corpus {arg}: no dataset_postag.txt or nlp_id-*.whl in that directory")
        if not p.is_file():
            raise SystemExit(f"--corpus {arg}: not a file or directory")
        if zipfile.is_zipfile(p):
            return _read_zip(p), f"{p}!{MEMBER}"
        return p.read_text("utf-8"), str(p)
    spec = importlib.util.find_spec("nlp_id")  # does not execute nlp_id/__init__.py
    if spec is not None and spec.submodule_search_locations:
        for loc in spec.submodule_search_locations:
            f = Path(loc) / "data" / "dataset_postag.txt"
            if f.is_file():
                return f.read_text("utf-8"), str(f)
    raise SystemExit(
        "nlp-id corpus not found: pass --corpus PATH, after either\n"
        "  pip download --no-deps nlp-id==0.1.23.0 -d /tmp/nlpid   (then --corpus /tmp/nlpid)\n"
        "  or pip install nlp-id"
    )


def parse_corpus(text: str) -> tuple[list[Sentence], Counter[str]]:
    """Sentences of (word, tag); blank lines separate sentences. Returns also a tally of fixes."""
    fixes: Counter[str] = Counter()
    sents: list[Sentence] = []
    cur: Sentence = []
    for ln in text.splitlines():
        if not ln.strip():
            if cur:
                sents.append(cur)
                cur = []
            continue
        parts = ln.split("\t")
        if len(parts) < 2 or not parts[0]:
            raise SystemExit(f"unexpected corpus line {ln!r}: expected 'word<TAB>TAG'")
        if len(parts) > 2:  # 7 lines carry two tags ("nya\tPR\tNN"): keep the first
            fixes["line with two tags: first kept"] += 1
        word, tag = parts[0], parts[1]
        if tag != tag.upper():  # one "vb"
            fixes[f"lower-case tag {tag!r} upper-cased"] += 1
            tag = tag.upper()
        cur.append((word, tag))
    if cur:
        sents.append(cur)
    return sents, fixes


# ---------------------------------------------------------------------------------------------
# Near-duplicate groups and the split
# ---------------------------------------------------------------------------------------------
def group_variants(sents: Sequence[Sentence]) -> list[list[int]]:
    """Groups of sentence indices that are variants of one sentence.

    The corpus holds each source sentence up to ~10 times with one word's morphology changed
    ("dihiasi" / "hiasi", "menabrak" / "tabraki"); the tag sequence is unchanged. Variants are
    sentences with the same tag sequence that differ in at most a quarter of their words; they
    go to the same split so that test sentences have no near-copy in training.
    """
    by_tags: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i, s in enumerate(sents):
        by_tags[tuple(t for _, t in s)].append(i)
    parent = list(range(len(sents)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for members in by_tags.values():
        if len(members) < 2:
            continue
        n = len(sents[members[0]])
        limit = max(1, n // 4)
        words = [[w.casefold() for w, _ in sents[i]] for i in members]
        for a in range(len(members)):
            for b in range(a + 1, len(members)):
                if sum(x != y for x, y in zip(words[a], words[b])) <= limit:
                    ra, rb = find(members[a]), find(members[b])
                    if ra != rb:
                        parent[ra] = rb
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(sents)):
        groups[find(i)].append(i)
    return sorted(groups.values())


def split_groups(groups: list[list[int]], n_sents: int, seed: int = SEED) -> tuple[list[int], list[int], list[int]]:
    order = list(groups)
    random.Random(seed).shuffle(order)
    train: list[int] = []
    dev: list[int] = []
    test: list[int] = []
    dev_at, test_at = SPLIT[0] * n_sents, (SPLIT[0] + SPLIT[1]) * n_sents
    seen = 0
    for g in order:
        target = train if seen < dev_at else dev if seen < test_at else test
        target.extend(g)
        seen += len(g)
    return sorted(train), sorted(dev), sorted(test)


# ---------------------------------------------------------------------------------------------
# Re-tokenising with the lean tokenizer
# ---------------------------------------------------------------------------------------------
_NO_SPACE_BEFORE = frozenset(",.;:?!)]}%")
_NO_SPACE_AFTER = frozenset("([{")


def _is_word(s: str) -> bool:
    return s[-1:].isalpha()


def compose(sent: Sentence) -> tuple[str, list[tuple[int, int]]]:
    """Text of a corpus sentence (clitics glued to their host) and each corpus token's offsets."""
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    for i, (w, _) in enumerate(sent):
        prev = sent[i - 1][0] if i else ""
        nxt = sent[i + 1][0] if i + 1 < len(sent) else ""
        glue = False
        if i:
            if w.casefold() in CLITICS and (_is_word(prev) or (prev == "-" and i > 1 and _is_word(sent[i - 2][0]))):
                glue = True  # "ada" "nya" -> "adanya"; "code" "-" "nya" -> "code-nya"
            elif w == "-" and nxt.casefold() in CLITICS and _is_word(prev):
                glue = True
            elif w in _NO_SPACE_BEFORE or prev in _NO_SPACE_AFTER:
                glue = True
        if i and not glue:
            parts.append(" ")
            pos += 1
        parts.append(w)
        offsets.append((pos, pos + len(w)))
        pos += len(w)
    return "".join(parts), offsets


def retokenize(sent: Sentence, tokenizer) -> tuple[list[str], list[bool], list[str]]:  # type: ignore[no-untyped-def]
    """Words, spaces and tags of a corpus sentence as the lean tokenizer splits its text.

    A lean token that spans several corpus tokens ("adanya" = "ada" + "nya") takes the first
    one's tag; a corpus token that the lean tokenizer splits ("ke-12", "8%", "X1") gives its tag
    to each piece, except pieces with no letter or digit, which are SYM like all punctuation.
    """
    text, offsets = compose(sent)
    doc = tokenizer(text)
    words, spaces, tags = [], [], []
    j = 0
    for tok in doc:
        s, e = tok.idx, tok.idx + len(tok.text)
        while offsets[j][1] <= s:
            j += 1
        tag = sent[j][1]
        if not any(ch.isalnum() for ch in tok.text):
            tag = "SYM"
        words.append(tok.text)
        spaces.append(bool(tok.whitespace_))
        tags.append(tag)
    return words, spaces, tags


def _lean_nlp():  # type: ignore[no-untyped-def]
    import spacy

    return spacy.blank("id", config={"nlp": {"tokenizer": {"@tokenizers": "umkm.LeanTokenizer.v1"}}})


@dataclass
class Prepared:
    source: str
    sha256: str
    n_lines: int
    n_sentences: int
    n_unique: int
    n_groups: int
    counts: dict[str, dict[str, int]]


def prepare(corpus_arg: str | None) -> Prepared:
    from spacy.tokens import Doc, DocBin

    text, source = locate_corpus(corpus_arg)
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    sents, fixes = parse_corpus(text)
    n_all = len(sents)
    seen: set[tuple[str, ...]] = set()
    uniq: list[Sentence] = []
    for s in sents:  # exact duplicates (same words): keep the first
        key = tuple(w for w, _ in s)
        if key not in seen:
            seen.add(key)
            uniq.append(s)
    groups = group_variants(uniq)
    parts = split_groups(groups, len(uniq))
    nlp = _lean_nlp()
    CORPUS_DIR.mkdir(parents=True, exist_ok=True)
    counts: dict[str, dict[str, int]] = {}
    merged = split = 0
    for name, idx in zip(("train", "dev", "test"), parts):
        db = DocBin(attrs=["TAG"], store_user_data=False)
        ntok = nnp = 0
        for i in idx:
            words, spaces, tags = retokenize(uniq[i], nlp.tokenizer)
            merged += max(0, len(uniq[i]) - len(words))
            split += max(0, len(words) - len(uniq[i]))
            db.add(Doc(nlp.vocab, words=words, spaces=spaces, tags=tags))
            ntok += len(words)
            nnp += tags.count("NNP")
        db.to_disk(CORPUS_DIR / f"{name}.spacy")
        counts[name] = {"sentences": len(idx), "tokens": ntok, "NNP": nnp}
    info = Prepared(source, sha, len(text.splitlines()), n_all, len(uniq), len(groups), counts)
    (CORPUS_DIR / "prepare.json").write_text(json.dumps(info.__dict__ | {"fixes": dict(fixes)}, indent=2) + "\n",
                                             encoding="utf-8")
    print(f"corpus: {source}\n  sha256 {sha}\n  {info.n_lines} lines, {n_all} sentences, "
          f"{sum(len(s) for s in sents)} tokens; {len(uniq)} after dropping exact duplicates; "
          f"{len(groups)} variant groups")
    for k, v in fixes.items():
        print(f"  fixed: {v} x {k}")
    print(f"  lean re-tokenisation over all splits: net {merged} corpus tokens merged (clitics), "
          f"net {split} extra pieces (split tokens)")
    for name, c in counts.items():
        print(f"  {name:5s} {c['sentences']:6d} sentences {c['tokens']:7d} tokens {c['NNP']:6d} NNP")
    return info


# ---------------------------------------------------------------------------------------------
# Training, evaluation, export
# ---------------------------------------------------------------------------------------------
def train() -> float:
    for name in ("train", "dev"):
        if not (CORPUS_DIR / f"{name}.spacy").is_file():
            raise SystemExit(f"{CORPUS_DIR / (name + '.spacy')} missing: run the 'prepare' step first")
    if OUTPUT_DIR.exists():
        shutil.rmtree(OUTPUT_DIR)
    env = dict(os.environ, **THREAD_ENV)
    cmd = [sys.executable, "-m", "spacy", "train", str(CONFIG), "--output", str(OUTPUT_DIR),
           "--paths.train", str(CORPUS_DIR / "train.spacy"), "--paths.dev", str(CORPUS_DIR / "dev.spacy"),
           "--gpu-id", "-1"]
    print("$", " ".join(cmd), flush=True)
    t0 = time.perf_counter()
    subprocess.run(cmd, env=env, check=True)
    took = time.perf_counter() - t0
    (OUTPUT_DIR / "train_seconds.txt").write_text(f"{took:.0f}\n", encoding="utf-8")
    print(f"training took {took / 60:.1f} min")
    return took


def nnp_runs(tags: Sequence[str]) -> set[tuple[int, int]]:
    """Maximal runs of NNP tokens, as (start, end) token indices."""
    runs: set[tuple[int, int]] = set()
    start = None
    for i, t in enumerate([*tags, ""]):
        if t == "NNP" and start is None:
            start = i
        elif t != "NNP" and start is not None:
            runs.add((start, i))
            start = None
    return runs


def _prf(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4)}


def evaluate(model_dir: Path, split_name: str = "test") -> dict[str, object]:
    import spacy
    from spacy.tokens import Doc, DocBin

    nlp = spacy.load(model_dir)
    gold_docs = list(DocBin().from_disk(CORPUS_DIR / f"{split_name}.spacy").get_docs(nlp.vocab))
    gold = [[t.tag_ for t in d] for d in gold_docs]
    inputs = [Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d]) for d in gold_docs]
    t0 = time.perf_counter()
    pred = [[t.tag_ for t in d] for d in nlp.pipe(inputs, batch_size=256)]
    secs = time.perf_counter() - t0
    n = correct = tp = fp = fn = 0
    run_tp = run_fp = run_fn = 0
    confusion: Counter[tuple[str, str]] = Counter()
    for g, p in zip(gold, pred):
        for a, b in zip(g, p):
            n += 1
            correct += a == b
            tp += a == "NNP" and b == "NNP"
            fp += a != "NNP" and b == "NNP"
            fn += a == "NNP" and b != "NNP"
            if a != b:
                confusion[(a, b)] += 1
        gr, pr = nnp_runs(g), nnp_runs(p)
        run_tp += len(gr & pr)
        run_fp += len(pr - gr)
        run_fn += len(gr - pr)
    scores: dict[str, object] = {
        "split": split_name,
        "sentences": len(gold),
        "tokens": n,
        "accuracy": round(correct / n, 4),
        "nnp_token": _prf(tp, fp, fn),
        "nnp_run": _prf(run_tp, run_fp, run_fn),
        "tokens_per_second_1thread": round(n / secs),
        "top_confusions_gold_pred": [[a, b, c] for (a, b), c in confusion.most_common(8)],
    }
    print(json.dumps(scores, indent=2))
    return scores


def export(model_dir: Path, scores: dict[str, object]) -> None:
    """Copy the trained pipeline into the package, with its scores and provenance in meta.json."""
    if PACKAGE_MODEL.exists():
        shutil.rmtree(PACKAGE_MODEL)
    PACKAGE_MODEL.mkdir(parents=True)
    # not "tokenizer": the lean tokenizer saves an empty directory (its rules are code), which a wheel drops
    for name in ("config.cfg", "meta.json", "tok2vec", "tagger", "vocab"):
        src = model_dir / name
        if src.is_dir():
            shutil.copytree(src, PACKAGE_MODEL / name)
        elif src.is_file():
            shutil.copy2(src, PACKAGE_MODEL / name)
    from thinc.api import Config

    cfg = Config().from_disk(PACKAGE_MODEL / "config.cfg", interpolate=False)
    cfg["paths"]["train"] = cfg["paths"]["dev"] = None  # this machine's paths mean nothing in the package
    cfg.to_disk(PACKAGE_MODEL / "config.cfg")
    meta = json.loads((PACKAGE_MODEL / "meta.json").read_text("utf-8"))
    prep = json.loads((CORPUS_DIR / "prepare.json").read_text("utf-8"))
    meta.update({
        "name": "umkm_tagger", "version": "0.1.0",
        "description": "POS tagger (tok2vec + tagger, no vectors) for Indonesian news, trained on the "
                       "nlp-id kumparan POS corpus re-tokenised like umkm.LeanTokenizer.v1",
        "license": "MIT (training data: nlp-id, MIT, kumparan)",
        "sources": [{"name": "nlp-id 0.1.23.0 nlp_id/data/dataset_postag.txt", "license": "MIT",
                     "sha256": prep["sha256"]}],
        "umkm_test_scores": scores,
        "umkm_split": prep["counts"],
    })
    meta.pop("performance", None)  # dev-split figures from spacy train; the test figures are above
    (PACKAGE_MODEL / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    # The string store holds every training word (~0.4 MB); tagging needs only the tag labels (the
    # features are hashes of the text). Keep those, then check the packaged copy scores the same.
    labels = sorted(meta["labels"]["tagger"])
    (PACKAGE_MODEL / "vocab" / "strings.json").write_text(json.dumps(labels) + "\n", encoding="utf-8")
    again = evaluate(PACKAGE_MODEL)
    for key in ("accuracy", "nnp_token", "nnp_run"):
        if again[key] != scores[key]:
            raise SystemExit(f"packaged model scores {key}={again[key]}, the trained one {scores[key]}")
    size = sum(f.stat().st_size for f in PACKAGE_MODEL.rglob("*") if f.is_file())
    print(f"exported to {PACKAGE_MODEL} ({size / 1e6:.2f} MB)")


def compare(corpus_arg: str | None, n: int = 6) -> None:
    """Corpus tokens beside lean-tokenizer tokens of the same text, for sentences where they differ."""
    text, _ = locate_corpus(corpus_arg)
    sents, _ = parse_corpus(text)
    nlp = _lean_nlp()
    shown = 0
    for s in sents:
        composed, _ = compose(s)
        lean = [t.text for t in nlp.tokenizer(composed)]
        if lean != [w for w, _ in s]:
            print("corpus:", " | ".join(w for w, _ in s))
            print("lean:  ", " | ".join(lean), "\n")
            shown += 1
            if shown >= n:
                break


def main(argv: Iterable[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("step", choices=["all", "prepare", "train", "evaluate", "export", "compare"])
    ap.add_argument("--corpus", help="dataset_postag.txt, an nlp-id wheel/zip, or a directory with either")
    ap.add_argument("--model", default=str(OUTPUT_DIR / "model-best"), help="model to evaluate/export")
    args = ap.parse_args(list(argv) if argv is not None else None)
    for k, v in THREAD_ENV.items():
        os.environ.setdefault(k, v)
    if args.step == "compare":
        compare(args.corpus)
        return
    if args.step in ("all", "prepare"):
        prepare(args.corpus)
    if args.step in ("all", "train"):
        train()
    if args.step in ("all", "evaluate", "export"):
        scores = evaluate(Path(args.model))
        (HERE / "test_scores.json").write_text(json.dumps(scores, indent=2) + "\n", encoding="utf-8")
        if args.step in ("all", "export"):
            export(Path(args.model), scores)


if __name__ == "__main__":
    main()
