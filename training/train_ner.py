"""Train, score and ship the small, fast named-entity recogniser (PERSON, ORG, LOC) in ``data/ner/``.

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 \\
        .venv/bin/python training/train_ner.py all     # prepare, train, evaluate, kfold, speed, export

Other subcommands: ``prepare``, ``train``, ``evaluate``, ``kfold``, ``speed``, ``export`` (each one step), and
``compare`` (the data and size comparison behind the choices in ``ner.cfg``; not part of ``all``).

Data (``../shared/data/ner-indonesian``, ``../shared/corpus-dev``, ``corpus/``):

- NERGrit train (cased; PERSON / PLACE / ORGANISATION → PERSON / LOC / ORG). NERGrit valid is spaCy's dev set,
  NERGrit test is only scored (with its gold tokens).
- NERP (Prosa; lowercased news; PPL / PLC / IND → PERSON / LOC / ORG, EVT and FNB → outside) only when
  ``DATA_VARIANT`` says so: ``compare`` measures without it, with it as is, and re-cased (entity words and the
  first word capitalised); the variant that scored best on NERGrit valid + a dev-gold fold is the default.
- Spans projected from annotated articles (gold persons: full names, and their shorter forms that are a
  whole-word prefix or suffix of the name made of capitalised words, when no other gold name of the article
  has the same form; region names, with a preceding "Kabupaten"/"Kota"/… joined, as NERGrit writes them,
  left *missing* after an organisation head such as "Pemkab"; organisation strings: persons[].organization and
  capitalised agent/giver/organizer/parties/recipient roles), found case-sensitively as whole words, title line
  included. Gold does not list every organisation, so only lowercase words, digits, punctuation and spaces
  are "outside"; every other capitalised token is *missing* (no loss).
- HELD OUT, read by no step here: dev articles dev-105, dev-110, …, dev-190 (number divisible by 5).

Nothing here is imported by umkm_extract. The generated DocBins and models go to ``training/ner_work/`` (ignored).
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
NER_DATA = SHARED / "data" / "ner-indonesian"
DEV = SHARED / "corpus-dev"
OWN = ROOT / "corpus"
WORK = HERE / "ner_work"
CONFIG = HERE / "ner.cfg"
TARGET = ROOT / "src" / "umkm_extract" / "data" / "ner"
SCORES = HERE / "ner_scores.json"
THREAD_ENV = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}
TYPES = ("PERSON", "ORG", "LOC")
NERGRIT = {"PERSON": "PERSON", "PLACE": "LOC", "ORGANISATION": "ORG"}
NERP = {"PPL": "PERSON", "PLC": "LOC", "IND": "ORG"}  # EVT, FNB: outside
DATA_VARIANT = "base"  # chosen by `compare` (see training/README.md): "base", "nerp" or "nerp_recased"
K = 5
KFOLD_STEPS = 1500
TRAIN_STEPS = 4000
# sizes compared by `compare`; "S" is what ner.cfg holds (the shipped model)
SIZES = {
    "S": {"width": 32, "depth": 1, "rows": [2000, 500, 1000, 500], "hidden": 32, "pieces": 1},
    "M": {"width": 48, "depth": 1, "rows": [2000, 500, 1000, 500], "hidden": 48, "pieces": 2},
    "L": {"width": 64, "depth": 2, "rows": [5000, 1000, 2000, 1000], "hidden": 64, "pieces": 2},
}
REFERENCE = "IndoNLU (Wilie et al. 2020) Table 5, NERGrit macro F1: XLM-R base 79.1, IndoBERT-large 77.6, fastText 38.7"
LEVEL_WORDS = {"Kabupaten", "Kab", "Kota", "Provinsi", "Prov", "Kecamatan", "Kec", "Desa", "Kelurahan", "Kel",
               "Nagari", "Gampong"}
ORG_HEADS = {"Pemkab", "Pemkot", "Pemprov", "Pemdes", "Pemerintah", "DPRD", "Polres", "Polresta", "Polda", "Polsek",
             "Kodim", "Korem", "Bank", "Universitas", "Kejari", "Kejati", "Bappeda", "KPU", "Bawaslu", "RSUD",
             "Kemenag", "Pengadilan", "Dekranasda", "PKK", "Kadin", "BPBD", "Diskop", "Disperindag", "Dinas",
             "Setda", "Sekda", "Kantor", "Perumda", "PDAM", "BPR", "Unit", "Koperasi", "Persatuan", "Ikatan",
             "Forum", "Asosiasi", "Badan", "Lembaga", "Kementerian", "Kanwil", "Satpol", "Disdik", "Dispar"}
ORG_ROLES = ("agent", "giver", "organizer", "parties", "recipient")


def held_out(name: str) -> bool:
    """dev-105, dev-110, …, dev-190: never read by training or tuning."""
    m = re.fullmatch(r"dev-(\d{3})", name)
    return bool(m) and 105 <= int(m.group(1)) <= 190 and int(m.group(1)) % 5 == 0


def _blank():  # type: ignore[no-untyped-def]
    import spacy

    return spacy.blank("id", config={"nlp": {"tokenizer": {"@tokenizers": "umkm.LeanTokenizer.v1"}}})


# ---------------------------------------------------------------------------------------------
# Public data
# ---------------------------------------------------------------------------------------------
def read_bio(path: Path, vocab, mapping: dict[str, str], recase: bool = False) -> list:  # type: ignore[no-untyped-def]
    """Docs of a token<TAB>B-/I-LABEL file (blank line between sentences), labels mapped, others outside.
    ``recase``: capitalise the first letter of entity words and of the sentence's first word (NERP)."""
    from spacy.tokens import Doc

    docs = []
    for block in path.read_text("utf-8").split("\n\n"):
        rows = [ln.split("\t") for ln in block.splitlines() if ln.strip()]
        if not rows:
            continue
        words, tags = [], []
        for i, r in enumerate(rows):
            word, lab = r[0], (r[1].strip() if len(r) > 1 else "O")
            bio, _, typ = lab.partition("-")
            tag = f"{bio}-{mapping[typ]}" if bio in ("B", "I") and typ in mapping else "O"
            if tag.startswith("I-") and (not tags or tags[-1][2:] != tag[2:]):
                tag = "B-" + tag[2:]  # an I- after O or another type opens an entity
            if recase and (tag != "O" or i == 0) and word[:1].isalpha():
                word = word[:1].upper() + word[1:]
            words.append(word)
            tags.append(tag)
        docs.append(Doc(vocab, words=words, ents=tags))
    return docs


# ---------------------------------------------------------------------------------------------
# Projection of the annotated articles
# ---------------------------------------------------------------------------------------------
def _whole_word(text: str, needle: str) -> list[tuple[int, int]]:
    if len(needle) < 2:
        return []
    return [m.span() for m in re.finditer(r"(?<!\w)%s(?!\w)" % re.escape(needle), text)]


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _short_forms(name: str) -> list[str]:
    """Whole-word prefixes and suffixes of a name made only of capitalised words ("Hendy", "Siswanto")."""
    words = name.split()
    out = []
    for k in range(1, len(words)):
        for part in (words[:k], words[k:]):
            if all(_capitalised(w) and w[:1].isalpha() for w in part):
                out.append(" ".join(part))
    return out


def _org_strings(gold: dict, names: list[str], regions: set[str]) -> set[str]:
    raw = {p.get("organization") for p in gold.get("persons") or []}
    for ev in gold.get("events") or []:
        for role in ORG_ROLES:
            v = (ev.get("roles") or {}).get(role)
            for s in (v if isinstance(v, list) else [v]):
                if isinstance(s, str):
                    raw.add(s)
    out: set[str] = set()
    for s in raw:
        if not s:
            continue
        # "Dewan Koperasi Indonesia (Dekopin)": the name and its acronym, without the brackets
        for part in re.split(r"\s*[()]\s*", s):
            part = part.strip(" ,;")
            if (part and _capitalised(part) and len(part.split()) <= 8 and part not in regions
                    and not any(n in part for n in names)):
                out.add(part)
    return out


def project(nlp, text: str, gold: dict):  # type: ignore[no-untyped-def]
    """(doc, ignore): the article with the gold spans as entities, capitalised tokens outside them missing;
    ``ignore`` are token indices where a prediction can be neither right nor wrong (byline names, ambiguous
    short forms of a person's name)."""
    from spacy.tokens import Span

    doc = nlp.make_doc(text)
    names = [p.get("name") or "" for p in gold.get("persons") or []]
    names = [n for n in names if n]
    regions = {r.get("name") or "" for r in gold.get("regions") or []} - {""}
    want: list[tuple[int, int, str]] = []
    ambiguous: list[tuple[int, int]] = []
    shorts: dict[str, set[str]] = {}
    for name in names:
        for s in _short_forms(name):
            shorts.setdefault(s, set()).add(name)
    for name in names:
        want += [(a, b, "PERSON") for a, b in _whole_word(text, name)]
    for s, owners in shorts.items():
        hits = _whole_word(text, s)
        if len(owners) == 1 and s not in regions:
            want += [(a, b, "PERSON") for a, b in hits]
        else:
            ambiguous += hits
    for r in regions:
        want += [(a, b, "LOC") for a, b in _whole_word(text, r)]
    for o in _org_strings(gold, names, regions):
        want += [(a, b, "ORG") for a, b in _whole_word(text, o)]
    spans = []
    taken: set[int] = set()
    missing: set[int] = set()
    for a, b, lab in sorted(want, key=lambda x: (-(x[1] - x[0]), x[0])):  # longest first, no overlaps
        sp = doc.char_span(a, b, label=lab, alignment_mode="strict")
        if sp is None or any(i in taken for i in range(sp.start, sp.end)):
            continue
        start = sp.start
        if lab == "LOC" and start > 0:
            prev = doc[start - 1]
            if prev.text.rstrip(".") in LEVEL_WORDS and start - 1 not in taken:
                start -= 1  # "Kabupaten Jember" is one place in NERGrit
            elif prev.text in ORG_HEADS or (start - 1) in taken:
                missing.update(range(sp.start, sp.end))  # "Pemkab Jember": an organisation the gold does not name
                taken.update(range(sp.start, sp.end))
                continue
        taken.update(range(start, sp.end))
        spans.append(Span(doc, start, sp.end, label=lab))
    ents = spans
    outside = [doc[i:i + 1] for i, t in enumerate(doc)
               if i not in taken and not _capitalised(t.text) and i not in missing]
    doc.set_ents(ents, outside=outside, default="missing")
    ignore: set[int] = set()
    for a, b in ambiguous + [hit for n in gold.get("byline") or [] if isinstance(n, str) for hit in _whole_word(text, n)]:
        sp = doc.char_span(a, b, alignment_mode="expand")
        if sp is not None:
            ignore.update(range(sp.start, sp.end))
    return doc, ignore


def articles() -> list[tuple[str, str, dict]]:
    """(name, text, gold) of every annotated article but the held-out ones: shared/corpus-dev, then corpus/."""
    out = []
    for folder in (DEV, OWN):
        for g in sorted(folder.glob("*.gold.json")):
            name = g.name[: -len(".gold.json")]
            t = g.with_name(name + ".txt")
            if t.is_file() and not held_out(name):
                out.append((name, t.read_text("utf-8"), json.loads(g.read_text("utf-8"))))
    return out


def dev_folds() -> list[list[tuple[str, str, dict]]]:
    """The non-held-out development articles (shared/corpus-dev) in K folds by article (sorted, round robin)."""
    dev = [a for a in articles() if (DEV / (a[0] + ".txt")).is_file()]
    return [dev[i::K] for i in range(K)]


def public_docs(vocab, variant: str) -> list:  # type: ignore[no-untyped-def]
    docs = read_bio(NER_DATA / "nergrit-train.txt", vocab, NERGRIT)
    if variant == "nerp":
        docs += read_bio(NER_DATA / "nerp-train.txt", vocab, NERP)
    elif variant == "nerp_recased":
        docs += read_bio(NER_DATA / "nerp-train.txt", vocab, NERP, recase=True)
    return docs


def write_train(path: Path, variant: str, exclude_fold: int | None) -> int:
    """Public data + projections of every article (minus the fold ``exclude_fold`` of the dev articles)."""
    from spacy.tokens import DocBin

    nlp = _blank()
    docs = public_docs(nlp.vocab, variant)
    skip = {a[0] for a in dev_folds()[exclude_fold]} if exclude_fold is not None else set()
    arts = [a for a in articles() if a[0] not in skip]
    docs += [project(nlp, text, gold)[0] for _, text, gold in arts]
    DocBin(docs=docs).to_disk(path)
    return len(arts)


def prepare(variant: str = DATA_VARIANT) -> None:
    from spacy.tokens import DocBin

    WORK.mkdir(exist_ok=True)
    nlp = _blank()
    n = write_train(WORK / "train.spacy", variant, None)
    DocBin(docs=read_bio(NER_DATA / "nergrit-valid.txt", nlp.vocab, NERGRIT)).to_disk(WORK / "dev.spacy")
    DocBin(docs=read_bio(NER_DATA / "nergrit-test.txt", nlp.vocab, NERGRIT)).to_disk(WORK / "test.spacy")
    folds = dev_folds()
    held = sorted(p.stem for p in DEV.glob("*.txt") if held_out(p.stem))
    print(f"prepare ({variant}): NERGrit train{' + NERP train' if variant != 'base' else ''} + {n} projected "
          f"articles ({sum(map(len, folds))} dev, {n - sum(map(len, folds))} corpus/); held out: {len(held)} "
          f"({held[0]} … {held[-1]})")


# ---------------------------------------------------------------------------------------------
# Training
# ---------------------------------------------------------------------------------------------
def size_overrides(size: str) -> list[str]:
    s = SIZES[size]
    return ["--components.tok2vec.model.encode.width", str(s["width"]),
            "--components.tok2vec.model.encode.depth", str(s["depth"]),
            "--components.tok2vec.model.embed.rows", json.dumps(s["rows"]),
            "--components.ner.model.hidden_width", str(s["hidden"]),
            "--components.ner.model.maxout_pieces", str(s["pieces"])]


def train(train_path: Path | None = None, output: Path | None = None, *extra: str) -> float:
    out = output or WORK / "output"
    if out.exists():
        shutil.rmtree(out)
    cmd = [sys.executable, "-m", "spacy", "train", str(CONFIG), "--output", str(out),
           "--paths.train", str(train_path or WORK / "train.spacy"), "--paths.dev", str(WORK / "dev.spacy"),
           "--gpu-id", "-1", *extra]
    print("$", " ".join(cmd), flush=True)
    t = time.perf_counter()
    subprocess.run(cmd, check=True, env=dict(os.environ, **THREAD_ENV))
    took = time.perf_counter() - t
    out.mkdir(exist_ok=True)
    (out / "train_seconds.txt").write_text(f"{took:.0f}\n", "utf-8")
    print(f"spacy train: {took:.0f} s", flush=True)
    return took


# ---------------------------------------------------------------------------------------------
# Scores
# ---------------------------------------------------------------------------------------------
def _prf(tp: int, pred: int, gold: int) -> dict:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "tp": tp, "pred": pred, "gold": gold}


def score_nergrit(model: Path, split: str = "test") -> dict:
    """Per-type and micro P/R/F on NERGrit ``split``, the model reading the gold tokens."""
    import spacy
    from spacy.tokens import Doc, DocBin

    nlp = spacy.load(model)
    gold = list(DocBin().from_disk(WORK / f"{'dev' if split == 'valid' else split}.spacy").get_docs(nlp.vocab))
    preds = nlp.pipe((Doc(nlp.vocab, words=[t.text for t in g], spaces=[bool(t.whitespace_) for t in g])
                      for g in gold), batch_size=256)
    tally = {t: [0, 0, 0] for t in TYPES}
    for g, p in zip(gold, preds):
        gs = {(e.start, e.end, e.label_) for e in g.ents}
        ps = {(e.start, e.end, e.label_) for e in p.ents}
        for t in TYPES:
            gt = {x for x in gs if x[2] == t}
            pt = {x for x in ps if x[2] == t}
            tally[t][0] += len(gt & pt)
            tally[t][1] += len(pt)
            tally[t][2] += len(gt)
    per = {t: _prf(*v) for t, v in tally.items()}
    micro = _prf(*(sum(v[i] for v in tally.values()) for i in range(3)))
    return {"split": f"nergrit-{split}", "sentences": len(gold), "per_type": per, "micro": micro,
            "macro_f": round(sum(v["f"] for v in per.values()) / len(per), 4), "published_reference": REFERENCE}


def score_articles(model: Path, arts: list[tuple[str, str, dict]]) -> dict[str, list[int]]:
    """PERSON (gold persons) and LOC (gold regions) on projected articles, raw text through the model.
    strict: every predicted span of the type counts, except on byline names / ambiguous short forms;
    lenient: predicted spans touching a token the projection left missing are not counted either."""
    import spacy

    nlp = spacy.load(model)
    blank = _blank()
    tally = {f"{t}_{m}": [0, 0, 0] for t in ("PERSON", "LOC") for m in ("strict", "lenient")}
    for _, text, gold in arts:
        ref, ignore = project(blank, text, gold)
        pred = nlp(text)
        known = {i for i, t in enumerate(ref) if t.ent_iob_ != ""}
        for t in ("PERSON", "LOC"):
            g = {(e.start, e.end) for e in ref.ents if e.label_ == t}
            p = [(e.start, e.end) for e in pred.ents if e.label_ == t
                 and not any(i in ignore for i in range(e.start, e.end))]
            for mode, ps in (("strict", set(p)),
                             ("lenient", {x for x in p if all(i in known for i in range(*x))})):
                v = tally[f"{t}_{mode}"]
                v[0] += len(g & ps)
                v[1] += len(ps)
                v[2] += len(g)
    return tally


def _update_scores(**parts: object) -> dict:
    res = json.loads(SCORES.read_text("utf-8")) if SCORES.is_file() else {}
    res.update(parts)
    SCORES.write_text(json.dumps(res, indent=1, ensure_ascii=False) + "\n", "utf-8")
    return res


def evaluate(model: Path | None = None) -> dict:
    model = model or WORK / "output" / "model-best"
    s = score_nergrit(model, "test")
    s["valid"] = {k: v for k, v in score_nergrit(model, "valid").items() if k in ("micro", "per_type", "macro_f")}
    took = (WORK / "output" / "train_seconds.txt")
    s["train_seconds"] = int(took.read_text().strip()) if took.is_file() else None
    s["data_variant"] = DATA_VARIANT
    _update_scores(nergrit_test=s)
    print(json.dumps(s, indent=1))
    return s


def kfold(variant: str = DATA_VARIANT, size: str | None = None, folds_to_run: list[int] | None = None,
          steps: int = KFOLD_STEPS, write: bool = True, reuse: bool = False) -> dict:
    """K folds by article over the non-held-out dev articles: train on public data + corpus/ + the other folds'
    projections for ``steps`` steps, score PERSON and LOC on the fold's articles."""
    folds = dev_folds()
    tally: dict[str, list[int]] = {}
    t0 = time.perf_counter()
    for k in folds_to_run if folds_to_run is not None else range(K):
        path = WORK / f"fold{k}-{variant}.spacy"
        out = WORK / f"fold{k}-{variant}-{size or 'cfg'}"
        if not (reuse and (out / "train_seconds.txt").is_file()):  # compare: a fold model trained already
            write_train(path, variant, k)
            train(path, out, "--training.max_steps", str(steps), *(size_overrides(size) if size else []))
        got = score_articles(out / "model-best", folds[k])
        for key, v in got.items():
            tally.setdefault(key, [0, 0, 0])
            tally[key] = [a + b for a, b in zip(tally[key], v)]
        print(f"fold {k}: {len(folds[k])} articles", {key: _prf(*v)["f"] for key, v in tally.items()}, flush=True)
    res = {"k": K, "folds_run": folds_to_run if folds_to_run is not None else list(range(K)),
           "steps_per_fold": steps, "articles": sum(len(folds[k]) for k in (folds_to_run or range(K))),
           "data_variant": variant, "size": size or "ner.cfg", "seconds": round(time.perf_counter() - t0),
           **{key: _prf(*v) for key, v in tally.items()}}
    if write:
        _update_scores(kfold_dev_gold=res)
    print(json.dumps(res, indent=1))
    return res


def speed(model: Path | None = None, repeats: int = 3) -> dict:
    """Words/s, one thread: nlp.pipe(batch_size=256) over corpus/*.txt repeated to ~100k words; median of
    ``repeats`` passes; beside spacy.blank("id") tokenisation of the same texts."""
    import spacy

    model = model or WORK / "output" / "model-best"
    nlp = spacy.load(model)
    blank = spacy.blank("id")
    texts = [p.read_text("utf-8") for p in sorted(OWN.glob("*.txt"))]
    base = list(texts)
    while sum(len(t.split()) for t in texts) < 100_000:
        texts += base
    words = sum(len(t.split()) for t in texts)
    tokens = sum(len(d) for d in nlp.tokenizer.pipe(texts))
    list(nlp.pipe(texts[:20])), list(blank.pipe(texts[:20]))  # warm up

    def rate(pipe) -> int:  # type: ignore[no-untyped-def]
        runs = []
        for _ in range(repeats):
            t = time.perf_counter()
            for _doc in pipe(texts, batch_size=256):
                pass
            runs.append(time.perf_counter() - t)
        return round(words / statistics.median(runs))

    res = {"model": str(model.relative_to(ROOT)) if model.is_relative_to(ROOT) else str(model),
           "texts": len(texts), "words": words, "lean_tokens": tokens,
           "ner_pipeline_words_per_s": rate(nlp.pipe),
           "blank_id_tokenizer_words_per_s": rate(blank.pipe),
           "lean_tokenizer_alone_words_per_s": rate(lambda ts, batch_size: (nlp.make_doc(t) for t in ts)),
           "threads": 1, "load_average": os.getloadavg()[0]}
    print(json.dumps(res, indent=1))
    return res


def compare() -> None:
    """Data variants (fold 0 of the dev articles + NERGrit valid, size S) and sizes (full training on the
    chosen data: NERGrit test and speed). Writes ``comparison`` into ner_scores.json."""
    res: dict = json.loads(SCORES.read_text("utf-8")).get("comparison", {}) if SCORES.is_file() else {}
    data = res.setdefault("data_variants", {})
    for variant in ("base", "nerp", "nerp_recased"):
        if variant in data:
            continue
        r = kfold(variant, "S", [0], KFOLD_STEPS, write=False, reuse=True)
        model = WORK / f"fold0-{variant}-S" / "model-best"
        v = score_nergrit(model, "valid")
        data[variant] = {"nergrit_valid_micro_f": v["micro"]["f"], "nergrit_valid_person_f": v["per_type"]["PERSON"]["f"],
                         "dev_fold0_person_strict_f": r["PERSON_strict"]["f"], "dev_fold0_loc_strict_f": r["LOC_strict"]["f"],
                         "steps": KFOLD_STEPS, "train_seconds": int((model.parent / "train_seconds.txt").read_text())}
        _update_scores(comparison=res)
    sizes = res.setdefault("sizes", {})
    for size in SIZES:
        if size in sizes:
            continue
        out = WORK / f"size-{size}"
        train(WORK / "train.spacy", out, "--training.max_steps", str(TRAIN_STEPS), *size_overrides(size))
        s = score_nergrit(out / "model-best", "test")
        sp = speed(out / "model-best")
        mb = sum(f.stat().st_size for f in (out / "model-best").rglob("*") if f.is_file()) / 1e6
        sizes[size] = {**SIZES[size], "nergrit_test_person_f": s["per_type"]["PERSON"]["f"],
                       "nergrit_test_micro_f": s["micro"]["f"], "nergrit_test_macro_f": s["macro_f"],
                       "words_per_s": sp["ner_pipeline_words_per_s"],
                       "blank_id_words_per_s": sp["blank_id_tokenizer_words_per_s"],
                       "model_mb_before_string_pruning": round(mb, 2),
                       "train_seconds": int((out / "train_seconds.txt").read_text())}
        _update_scores(comparison=res)
    print(json.dumps(res, indent=1))


# ---------------------------------------------------------------------------------------------
# Export
# ---------------------------------------------------------------------------------------------
ATTRIBUTION = """# The shipped NER (`umkm_extract/data/ner/`): data and licence

Trained by `training/train_ner.py` (tok2vec + transition NER, labels PERSON, ORG, LOC) on:

| data | part used | licence / terms |
|---|---|---|
| NERGrit (IndoNLU, `dataset/nergrit_ner-grit`; Wilie et al. 2020, NERGrit contributors) | train (valid: spaCy's dev set; test: scored only) | the NERGrit authors allow commercial use and ask that **all NERGRIT contributors be credited**; the IndoNLU repository is Apache-2.0 |
| NERP (IndoNLU, `dataset/nerp_ner-prosa`, from Prosa.ai) | {nerp_use} | CC BY-SA 4.0 per the SEACrowd/NusaCrowd catalogues |
| annotated regional news (the project's `corpus/` and development articles) | gold person, region and organisation strings projected onto the text | project annotations |

Universal Dependencies treebanks are not used by this model. Only the labels are stored in
`vocab/strings.json`: the features are hashes of the text, no training text is in these files.

The weights are distributed under **CC BY-SA 4.0**, crediting the NERGrit contributors{nerp_credit}.
The code of umkm_extract stays MIT.
"""


def export(model: Path | None = None) -> None:
    from thinc.api import Config

    model = model or WORK / "output" / "model-best"
    if TARGET.exists():
        shutil.rmtree(TARGET)
    TARGET.mkdir(parents=True)
    # not "tokenizer": the lean tokenizer saves an empty directory (its rules are code), which a wheel drops
    for name in ("config.cfg", "meta.json", "tok2vec", "ner", "vocab"):
        src = model / name
        if src.is_dir():
            shutil.copytree(src, TARGET / name)
        elif src.is_file():
            shutil.copy2(src, TARGET / name)
    cfg = Config().from_disk(TARGET / "config.cfg", interpolate=False)
    cfg["paths"]["train"] = cfg["paths"]["dev"] = None  # this machine's paths mean nothing in the package
    cfg.to_disk(TARGET / "config.cfg")
    assert cfg["nlp"]["tokenizer"]["@tokenizers"] == "umkm.LeanTokenizer.v1"
    scores = json.loads(SCORES.read_text("utf-8"))
    uses_nerp = scores["nergrit_test"].get("data_variant", DATA_VARIANT) != "base"
    meta = json.loads((TARGET / "meta.json").read_text("utf-8"))
    meta.update({
        "name": "umkm_ner", "version": "0.2.0", "license": "CC BY-SA 4.0",
        "author": "umkm_extract", "url": "",
        "description": "Small, fast PERSON / ORG / LOC recogniser for Indonesian news (tok2vec width "
                       f"{cfg['components']['tok2vec']['model']['encode']['width']} + transition NER, no vectors, "
                       "umkm.LeanTokenizer.v1), trained on NERGrit train"
                       f"{' + NERP train' if uses_nerp else ''} + spans projected from annotated regional news. "
                       "Weights CC BY-SA 4.0, crediting all NERGrit contributors (see ATTRIBUTION.md).",
        "sources": [
            {"name": "NERGrit (IndoNLU nergrit_ner-grit)", "license": "commercial use allowed; credit all NERGRIT contributors"},
            *([{"name": "NERP (IndoNLU nerp_ner-prosa, Prosa.ai)", "license": "CC BY-SA 4.0"}] if uses_nerp else []),
            {"name": "umkm_extract annotated articles (projected gold spans)", "license": "project annotations"},
        ],
        "umkm_scores": {k: scores.get(k) for k in ("nergrit_test", "kfold_dev_gold", "speed_one_thread")},
    })
    meta.pop("performance", None)  # spaCy's dev-split figures; umkm_scores holds the test figures
    (TARGET / "meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", "utf-8")
    # The string store holds every training word; the model needs only its labels (the features are hashes).
    labels = sorted(meta["labels"]["ner"])
    (TARGET / "vocab" / "strings.json").write_text(json.dumps(labels) + "\n", "utf-8")
    (TARGET / "ATTRIBUTION.md").write_text(ATTRIBUTION.format(
        nerp_use="train (entity words re-cased)" if scores["nergrit_test"].get("data_variant") == "nerp_recased"
        else "train" if uses_nerp else "not used by this version (measured, see training/README.md)",
        nerp_credit=" and Prosa.ai (NERP)" if uses_nerp else ""), "utf-8")
    again = score_nergrit(TARGET, "test")
    if again["micro"] != scores["nergrit_test"]["micro"]:
        raise SystemExit(f"packaged model scores {again['micro']}, the trained one {scores['nergrit_test']['micro']}")
    size = sum(f.stat().st_size for f in TARGET.rglob("*") if f.is_file())
    print(f"exported to {TARGET} ({size / 1e6:.2f} MB; re-scored NERGrit test micro F {again['micro']['f']})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("step", choices=["prepare", "train", "evaluate", "kfold", "speed", "export", "all", "compare"])
    step = ap.parse_args().step
    for k, v in THREAD_ENV.items():
        os.environ.setdefault(k, v)
    t0 = time.perf_counter()
    if step == "compare":
        compare()
        return
    if step in ("prepare", "all"):
        prepare()
    if step in ("train", "all"):
        train(None, None, "--training.max_steps", str(TRAIN_STEPS))
    if step in ("evaluate", "all"):
        evaluate()
    if step in ("kfold", "all"):
        kfold()
    if step in ("speed", "all"):
        _update_scores(speed_one_thread=speed(WORK / "output" / "model-best"))
    if step in ("export", "all"):
        export()
    if step == "all":
        _update_scores(all_seconds=round(time.perf_counter() - t0))
    print(f"{step}: {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
