"""Train, score and ship the named-entity recogniser (PERSON, ORG, LOC).

    OMP_NUM_THREADS=1 python training/train_ner.py all      # prepare, train, evaluate, kfold, export

The tok2vec is not trained from scratch: as the parser's (train_parser.py), it starts from the packaged POS tagger's
(`tok2vec_source`: nlp-id's 560k POS-tagged tokens, first 2 of its 4 encoder layers) and is trained further here.

Data (../shared/data/ner-indonesian, ../shared/corpus-dev, corpus/):
- NERGrit train (cased; PERSON / PLACE / ORGANISATION → PERSON / LOC / ORG); NERGrit valid is spaCy's dev set
  and NERGrit test is only scored. NERP (lowercased news) is not used: a cased model learns capitalisation.
- Spans projected from annotated articles: gold person names (and their one-word short forms that are a
  whole-word prefix or suffix of exactly one gold name), region names and organisation strings, found as whole
  words in the text. Gold does not list every organisation, so only lowercase words, digits and punctuation are
  marked "outside"; other capitalised words stay *missing* (no loss either way).
- Held out, never read here: dev articles whose number is divisible by 5 among dev-101 … dev-190.
Nothing here is imported by umkm_extract.
"""
from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin, Span
from spacy.training import Example

from shipping import run_steps, ship, spacy_train, words_per_second
from train_parser import tok2vec_source  # the packaged tagger's tok2vec, cut to its first 2 encoder layers

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
NER = SHARED / "data" / "ner-indonesian"
DEV = SHARED / "corpus-dev"
WORK = HERE / "ner_work"
CONFIG = HERE / "ner.cfg"
TARGET = ROOT / "src" / "umkm_extract" / "data" / "ner"
SCORES = HERE / "ner_scores.json"
OPTS: dict = {"config": CONFIG, "overrides": ()}
LABELS = {"PERSON": "PERSON", "PLACE": "LOC", "ORGANISATION": "ORG"}


def held_out(name: str) -> bool:
    m = re.fullmatch(r"dev-1(\d\d)", name)
    return bool(m) and int(m.group(1)) % 5 == 0 and 1 <= int(m.group(1)) <= 90


def read_bio(path: Path, vocab) -> list[Doc]:
    docs = []
    for block in path.read_text("utf-8").split("\n\n"):
        rows = [ln.split("\t") for ln in block.splitlines() if ln.strip()]
        if not rows:
            continue
        words = [r[0] for r in rows]
        tags = []
        for r in rows:
            lab = r[1].strip() if len(r) > 1 else "O"
            if lab == "O" or "-" not in lab:
                tags.append("O")
            else:
                bio, typ = lab.split("-", 1)
                tags.append(f"{bio}-{LABELS[typ]}")
        docs.append(Doc(vocab, words=words, ents=tags))
    return docs


def _whole_word(text: str, needle: str) -> list[tuple[int, int]]:
    if not needle or len(needle) < 2:
        return []
    return [m.span() for m in re.finditer(r"(?<!\w)%s(?!\w)" % re.escape(needle), text)]


def project(nlp, text: str, gold: dict) -> Doc:
    """A Doc of the article with gold persons, regions and organisations as entities, the rest partly missing."""
    doc = nlp.make_doc(text)
    want: list[tuple[int, int, str]] = []
    names = [p.get("name") or "" for p in gold.get("persons") or []]
    for name in names:
        want += [(a, b, "PERSON") for a, b in _whole_word(text, name)]
        words = name.split()
        for short in ({words[0], words[-1]} if len(words) > 1 else set()):
            if short[:1].isupper() and sum(short in n.split() for n in names) == 1:
                want += [(a, b, "PERSON") for a, b in _whole_word(text, short)]
    for r in gold.get("regions") or []:
        want += [(a, b, "LOC") for a, b in _whole_word(text, r.get("name") or "")]
    orgs = {p.get("organization") for p in gold.get("persons") or []}
    for ev in gold.get("events") or []:
        for role in ("giver", "organizer", "agent", "parties"):
            v = (ev.get("roles") or {}).get(role)
            if isinstance(v, str) and v[:1].isupper() and not any(v == n for n in names) and len(v.split()) <= 6:
                orgs.add(v)
    for o in orgs:
        if o:
            want += [(a, b, "ORG") for a, b in _whole_word(text, o)]
    spans: list[Span] = []
    taken: set[int] = set()
    for a, b, lab in sorted(want, key=lambda x: (-(x[1] - x[0]), x[0])):  # longest first, no overlaps
        sp = doc.char_span(a, b, label=lab, alignment_mode="strict")
        if sp is None or any(i in taken for i in range(sp.start, sp.end)):
            continue
        taken.update(range(sp.start, sp.end))
        spans.append(sp)
    outside = [doc[i:i + 1] for i, t in enumerate(doc) if i not in taken and not t.text[:1].isupper()]
    doc.set_ents(spans, outside=outside, default="missing")
    return doc


def articles() -> list[tuple[str, str, dict]]:
    out = []
    for folder in (DEV, ROOT / "corpus"):
        for g in sorted(folder.glob("*.gold.json")):
            name = g.name[: -len(".gold.json")]
            t = g.with_name(name + ".txt")
            if t.is_file() and not held_out(name):
                out.append((name, t.read_text("utf-8"), json.loads(g.read_text("utf-8"))))
    return out


def _blank():
    return spacy.blank("id", config={"nlp": {"tokenizer": {"@tokenizers": "umkm.LeanTokenizer.v1"}}})


def prepare() -> None:
    WORK.mkdir(parents=True, exist_ok=True)
    nlp = _blank()
    train = read_bio(NER / "nergrit-train.txt", nlp.vocab)
    arts = articles()
    train += [project(nlp, text, gold) for _, text, gold in arts]
    DocBin(docs=train).to_disk(WORK / "train.spacy")
    DocBin(docs=read_bio(NER / "nergrit-valid.txt", nlp.vocab)).to_disk(WORK / "dev.spacy")
    DocBin(docs=read_bio(NER / "nergrit-test.txt", nlp.vocab)).to_disk(WORK / "test.spacy")
    print(f"train: {len(train)} docs ({len(arts)} projected articles); dev/test: NERGrit valid/test")
    tok2vec_source(WORK / "tok2vec_source")


def train(train_path: Path | None = None, output: Path | None = None, *extra: str) -> None:
    spacy_train(OPTS["config"], output or WORK / "output", train_path or WORK / "train.spacy", WORK / "dev.spacy",
                f"--paths.tok2vec_source={WORK / 'tok2vec_source'}", *OPTS["overrides"], *extra)


K = 5
KFOLD_STEPS = 2000


def _prf(tp: int, pred: int, gold: int) -> dict:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(2 * p * r / (p + r), 4) if p + r else 0.0,
            "tp": tp, "pred": pred, "gold": gold}


def kfold() -> None:
    """K folds by article over the (non-held-out) dev articles: train on NERGrit + corpus/ + the other folds'
    projections (KFOLD_STEPS steps), score PERSON (gold persons) and LOC (gold regions) spans on the fold.
    Only spans whose type the gold lists completely count: predicted PERSON/LOC spans on tokens the
    projection left missing are ignored (the gold says nothing there)."""
    nlp = _blank()
    base = read_bio(NER / "nergrit-train.txt", nlp.vocab)
    dev_arts = [a for a in articles() if a[0].startswith(("dev-", "seed-"))]
    own = [project(nlp, text, gold) for name, text, gold in articles() if not name.startswith(("dev-", "seed-"))]
    folds = [dev_arts[i::K] for i in range(K)]
    tally = {lab: [0, 0, 0] for lab in ("PERSON", "LOC")}
    for k, fold in enumerate(folds):
        rest = [project(nlp, text, gold) for i, f in enumerate(folds) if i != k for _, text, gold in f]
        path = WORK / f"fold{k}.spacy"
        DocBin(docs=base + own + rest).to_disk(path)
        out = WORK / f"fold{k}"
        train(path, out, "--training.max_steps", str(KFOLD_STEPS))
        model = spacy.load(out / "model-best")
        for name, text, gold in fold:
            ref = project(nlp, text, gold)
            pred = model(text)
            known = {i for i, t in enumerate(ref) if t.ent_iob_ != ""}
            for lab in tally:
                g = {(e.start, e.end) for e in ref.ents if e.label_ == lab}
                p = {(e.start, e.end) for e in pred.ents if e.label_ == lab
                     and all(i in known for i in range(e.start, e.end))}
                tally[lab][0] += len(g & p)
                tally[lab][1] += len(p)
                tally[lab][2] += len(g)
        print(f"fold {k}: {len(fold)} articles", {lab: _prf(*v) for lab, v in tally.items()})
    res = json.loads(_scores_file().read_text("utf-8")) if _scores_file().is_file() else {}
    res["kfold_dev_gold_spans"] = {"k": K, "steps_per_fold": KFOLD_STEPS, "articles": len(dev_arts),
                                   **{lab: _prf(*v) for lab, v in tally.items()}}
    _scores_file().write_text(json.dumps(res, indent=1) + "\n", "utf-8")
    print(json.dumps(res["kfold_dev_gold_spans"], indent=1))


def _scores_file() -> Path:
    """training/ner_scores.json for the shipped run; experiments (--work) keep their figures in their folder."""
    return SCORES if WORK == HERE / "ner_work" else WORK / "scores.json"


def score(model: Path, split: str = "test") -> dict:
    """NERGrit ``split`` ("test"; "dev" = NERGrit valid, for choosing between runs) on gold tokens."""
    nlp = spacy.load(model)
    gold = list(DocBin().from_disk(WORK / f"{split}.spacy").get_docs(nlp.vocab))
    examples = [Example(nlp(Doc(nlp.vocab, words=[t.text for t in g])), g) for g in gold]  # gold tokens
    s = nlp.evaluate(examples)
    per = {k: {m: round(v[m], 4) for m in "prf"} for k, v in (s.get("ents_per_type") or {}).items()}
    macro = round(sum(v["f"] for v in per.values()) / len(per), 4) if per else None
    return {f"nergrit_{split}_sentences": len(gold), "micro": {"p": round(s["ents_p"], 4), "r": round(s["ents_r"], 4),
            "f": round(s["ents_f"], 4)}, "macro_f": macro, "per_type": per,
            "published_reference": "IndoNLU Table 5, NERGrit macro F1: XLM-R base 79.1, IndoBERT-large 77.6, fastText 38.7"}


def speed(model: Path) -> dict:
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    while sum(len(t.split()) for t in texts) < 100_000:
        texts = texts + texts
    return words_per_second(model, texts, "ner")


def evaluate() -> None:
    res = json.loads(_scores_file().read_text("utf-8")) if _scores_file().is_file() else {}
    res.update(score(WORK / "output" / "model-best"))
    res["speed_one_thread"] = speed(WORK / "output" / "model-best")
    _scores_file().write_text(json.dumps(res, indent=1) + "\n", "utf-8")
    print(json.dumps(res, indent=1))


def export() -> None:
    ship(WORK / "output" / "model-best", TARGET,
         {"name": "umkm_ner", "version": "0.1.0", "license": "CC BY-SA 4.0",
          "description": "PERSON / ORG / LOC for Indonesian news: NERGrit train + spans projected from annotated "
                         "regional news (lean tokenizer); tok2vec started from the packaged POS tagger's",
          "sources": [{"name": n, "license": lic} for n, lic in
                      (("NERGrit (IndoNLU) train", "NERGrit terms: commercial use allowed, credit the contributors"),
                       ("umkm_extract annotated regional news (corpus/, development articles)", "project annotations"),
                       ("nlp-id 0.1.23.0 dataset_postag.txt, via the packaged tagger's tok2vec", "MIT"))]},
         ("ner",), HERE / "ner_ATTRIBUTION.md", score, "micro", json.loads(SCORES.read_text("utf-8")))


def dev_score() -> None:
    """NERGrit valid (the selection set) on gold tokens, for comparing runs; written to WORK/dev_scores.json."""
    res = score(WORK / "output" / "model-best", "dev")
    (WORK / "dev_scores.json").write_text(json.dumps(res, indent=1) + "\n", "utf-8")
    print(json.dumps(res, indent=1))


def main() -> None:
    global WORK
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("step", choices=["prepare", "train", "dev", "evaluate", "kfold", "export", "all"])
    ap.add_argument("--work", type=Path, default=WORK, help="working folder (experiments; default %(default)s)")
    ap.add_argument("--config", type=Path, default=CONFIG)
    ap.add_argument("overrides", nargs="*", help="config overrides passed to spacy train, e.g. --training.max_steps=8000")
    args, extra = ap.parse_known_args()
    WORK = args.work.resolve()
    OPTS.update(config=args.config, overrides=tuple(args.overrides) + tuple(extra))
    step = args.step
    if step == "dev":
        dev_score()
    run_steps(step, (("prepare", prepare), ("train", train), ("evaluate", evaluate), ("kfold", kfold),
                     ("export", export)), experiment=WORK != HERE / "ner_work")


if __name__ == "__main__":
    main()
