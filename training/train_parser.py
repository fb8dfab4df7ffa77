"""Train, score and ship the dependency parser behind the events component's roles.

    OMP_NUM_THREADS=1 python training/train_parser.py all      # prepare, train, evaluate, export

Data: the UD Indonesian treebanks in ../shared/data/ud-indonesian (CC BY-SA). Training pool: GSD dev + CSUI
train + CSUI test + PUD test; 10 % of it (by sentence, seed 13) is spaCy's dev set, and GSD sentences count
three times in training; CSUI's and PUD's conventions are relabelled to GSD's where they differ (`harmonise`).
Stage 1 (parser.cfg) starts the tok2vec from the packaged POS tagger's (`tok2vec_source`) and trains on all of it;
stage 2 (parser_finetune.cfg) continues on the GSD sentences alone. GSD test is held out and
only scored. Multiword tokens (clitics: "berdirinya" = "berdiri" + "nya") are kept as their surface token, as
the runtime tokenizer writes them: the surface token takes the head, relation and UPOS of the word of the
range whose head lies outside it. Nothing here is imported by umkm_extract.
"""
from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin
from spacy.training import Example

from shipping import run_steps, ship, spacy_train, words_per_second

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
UD = ROOT.parent / "shared" / "data" / "ud-indonesian"
WORK = HERE / "parser_work"
CONFIG = HERE / "parser.cfg"
FINETUNE_CONFIG = HERE / "parser_finetune.cfg"
TAGGER = ROOT / "src" / "umkm_extract" / "data" / "tagger"  # its tok2vec starts the parser's (`tok2vec_source`)
TOK2VEC_DEPTH = 2  # of the tagger's 4 encoder layers, the first 2 are kept (speed)
TARGET = ROOT / "src" / "umkm_extract" / "data" / "parser"
SCORES = HERE / "parser_scores.json"
TRAIN_FILES = ("id_gsd-ud-dev.conllu", "id_csui-ud-train.conllu", "id_csui-ud-test.conllu", "id_pud-ud-test.conllu")
TEST_FILE = "id_gsd-ud-test.conllu"
GSD_WEIGHT = 3
OPTS: dict = {"rules": None, "gsd_weight": GSD_WEIGHT, "config": CONFIG, "overrides": (), "finetune": True}
REPORT_DEPS = ("nsubj", "nsubj:pass", "obj", "obl", "nmod", "flat", "compound", "conj")


BIG_NUMBERS = frozenset({"puluh", "belas", "ratus", "ribu", "juta", "miliar", "milyar", "triliun"})
# the harmonisation rules (`harmonise`); `--rules` selects a subset (for the experiments in training/README.md)
RULES = ("compound", "tmod_compound", "adj_nmod", "untuk_xcomp", "bahwa_ccomp", "adj_amod", "sekitar", "yaitu",
         "num_month", "big_number", "ini_itu_det")


def harmonise(sent: tuple[list[str], list[int], list[str], list[str]], rules=RULES) -> None:
    """Relabel CSUI's and PUD's conventions to GSD's where they label the same construction differently, in place.
    Measured on GSD dev against CSUI train+test and PUD (`training/README.md`, "Parser: harmonisation"):

    - compound: a noun modifier without a preposition ("kantor desa") is ``nmod`` in CSUI/PUD, ``compound``
      in GSD (GSD dev: 776 compound against 59 such nmod; CSUI: 0 compound);
    - tmod_compound: the same with CSUI's/PUD's ``nmod:tmod`` ("bulan Mei") -> ``compound`` (GSD dev: 11
      nmod:tmod in all, temporal nouns without a preposition under a noun are compound);
    - adj_nmod: a preposition phrase under an adjective ("kaya akan minyak") is ``obl`` in CSUI/PUD, ``nmod``
      in GSD (GSD 28 nmod : 2 obl);
    - untuk_xcomp: a clause with "untuk" is ``advcl`` in CSUI/PUD (160), never in GSD (35 xcomp, 16 acl);
      CSUI's ``acl:relcl`` with "untuk" is GSD's ``acl``;
    - bahwa_ccomp: a "bahwa" clause is ``advcl`` in CSUI (30), ``ccomp`` in GSD (18 : 3);
    - adj_amod: an adjective under a verb is ``advmod`` in PUD (96), ``amod`` in GSD (50 : 14);
    - sekitar: "sekitar" (about) before a number is ADV ``advmod`` in CSUI/PUD, ADP ``case`` of the noun in GSD;
    - yaitu: "yaitu"/"yakni" are SCONJ ``mark`` in CSUI, ADP ``case`` in GSD;
    - num_month: a year after a month name ("Oktober 2015") is ``flat`` in PUD, ``nummod`` in GSD (77 : 2);
    - big_number: "42 juta" is 42 <-flat- juta in CSUI/PUD; GSD makes "juta" the head and 42 its ``nummod``;
    - ini_itu_det (UPOS, for the joint tagger): pronominal "ini"/"itu" ("ini adalah ...") is PRON in CSUI/PUD
      (~150), DET in GSD (GSD dev: 160 DET : 4 PRON).
    """
    forms, heads, deps, pos = sent
    low = [f.lower() for f in forms]
    n = len(forms)

    def kids(i: int) -> list[int]:
        return [j for j in range(n) if heads[j] == i and j != i]

    def marks(i: int) -> set[str]:
        return {low[j] for j in kids(i) if deps[j] == "mark"}

    has_case = {h for h, d in zip(heads, deps) if d == "case"}
    for i in range(n):
        d, h = deps[i], heads[i]
        if "compound" in rules and d == "nmod" and pos[i] == "NOUN" and i not in has_case:
            deps[i] = "compound"
        elif "tmod_compound" in rules and d == "nmod:tmod" and pos[i] == "NOUN" and i not in has_case:
            deps[i] = "compound"
        elif "adj_nmod" in rules and d == "obl" and pos[h] == "ADJ" and pos[i] in ("NOUN", "PROPN", "PRON") \
                and i in has_case:
            deps[i] = "nmod"
        elif "untuk_xcomp" in rules and d in ("advcl", "acl:relcl") and "untuk" in marks(i):
            deps[i] = "xcomp" if d == "advcl" else "acl"
        elif "bahwa_ccomp" in rules and d in ("advcl", "acl:relcl") and "bahwa" in marks(i):
            deps[i] = "ccomp" if d == "advcl" else "acl"
        elif "adj_amod" in rules and d == "advmod" and pos[i] == "ADJ" and pos[h] == "VERB":
            deps[i] = "amod"
        elif "sekitar" in rules and low[i] == "sekitar" and d == "advmod":
            pos[i], deps[i] = "ADP", "case"
            if pos[h] == "NUM" and deps[h] == "nummod" and heads[h] != h:
                heads[i] = heads[h]
        elif "yaitu" in rules and low[i] in ("yaitu", "yakni") and d == "mark":
            pos[i], deps[i] = "ADP", "case"
        elif "num_month" in rules and d == "flat" and pos[i] == "NUM" and pos[h] == "PROPN":
            deps[i] = "nummod"
        if "ini_itu_det" in rules and low[i] in ("ini", "itu") and pos[i] == "PRON":
            pos[i] = "DET"
    if "big_number" in rules:
        for i in range(n):
            h = heads[i]
            if deps[i] == "flat" and low[i] in BIG_NUMBERS and pos[h] == "NUM" and h != i and h < i:
                # i takes h's place; h becomes i's nummod; h's other dependents move to i
                for j in kids(h):
                    if j != i:
                        heads[j] = i
                heads[i], deps[i] = (i if heads[h] == h else heads[h]), deps[h]
                heads[h], deps[h] = i, "nummod"


def read_conllu(path: Path, rules=RULES) -> list[tuple[list[str], list[int], list[str], list[str]]]:
    """Sentences as (surface words, heads as 0-based surface indices, deprels, UPOS); roots point at themselves.
    Non-GSD treebanks are harmonised to GSD's labels (`harmonise`)."""
    out = []
    for block in path.read_text("utf-8").split("\n\n"):
        rows = [ln.split("\t") for ln in block.splitlines() if ln and not ln.startswith("#")]
        if not rows:
            continue
        ranges = {}
        words = {}
        for r in rows:
            if "-" in r[0]:
                a, b = map(int, r[0].split("-"))
                ranges[a] = (b, r[1])
            elif "." not in r[0]:
                words[int(r[0])] = r
        surface = []  # (form, [word ids])
        i = 1
        while i <= max(words):
            if i in ranges:
                b, form = ranges[i]
                surface.append((form, list(range(i, b + 1))))
                i = b + 1
            else:
                surface.append((words[i][1], [i]))
                i += 1
        of = {wid: k for k, (_, ids) in enumerate(surface) for wid in ids}
        forms, heads, deps, pos = [], [], [], []
        for k, (form, ids) in enumerate(surface):
            outer = [w for w in ids if int(words[w][6]) not in ids] or ids[:1]
            w = words[outer[0]]
            h = int(w[6])
            forms.append(form)
            heads.append(k if h == 0 else of[h])
            deps.append("ROOT" if h == 0 else w[7])
            pos.append(w[3])
        sent = (forms, heads, deps, pos)
        if not path.name.startswith("id_gsd"):
            harmonise(sent, rules)
        out.append(sent)
    return out


def to_doc(vocab, sent) -> Doc:
    forms, heads, deps, pos = sent
    return Doc(vocab, words=forms, heads=heads, deps=deps, tags=pos, sent_starts=[True] + [False] * (len(forms) - 1))


def tok2vec_source(out: Path) -> None:
    """The packaged POS tagger (trained on nlp-id's 560k tokens, `train_tagger.py`) without its tagger, and its
    tok2vec cut to its first TOK2VEC_DEPTH encoder layers: stage 1 sources its tok2vec from here."""
    import umkm_extract.tokenizer  # noqa: F401  (registers umkm.LeanTokenizer.v1)

    nlp = spacy.load(TAGGER)
    nlp.remove_pipe("tagger")
    stack = nlp.get_pipe("tok2vec").model.layers[1].layers[0]  # embed >> with_array(residual >> residual >> ...)
    assert [m.name for m in stack.layers] == ["residual(expand_window>>maxout>>layernorm>>dropout)"] * 4, stack.name
    stack.layers[:] = stack.layers[:TOK2VEC_DEPTH]
    nlp.config["components"]["tok2vec"]["model"]["encode"]["depth"] = TOK2VEC_DEPTH
    nlp.to_disk(out)


def prepare() -> None:
    WORK.mkdir(exist_ok=True)
    nlp = spacy.blank("id")
    pool = [(f, s) for f in TRAIN_FILES for s in read_conllu(UD / f, OPTS["rules"])]
    random.Random(13).shuffle(pool)
    n_dev = len(pool) // 10
    dev = [s for _, s in pool[:n_dev]]
    # GSD labels noun-noun compounds "compound" where CSUI and PUD write "nmod": the GSD sentences are
    # repeated GSD_WEIGHT times so that the parser follows the convention of the benchmark it is scored on
    train = [s for f, s in pool[n_dev:] for _ in range(OPTS["gsd_weight"] if f.startswith("id_gsd") else 1)]
    # stage 2 (fine-tuning): the GSD sentences of the same split, once
    gsd_dev = [s for f, s in pool[:n_dev] if f.startswith("id_gsd")]
    gsd_train = [s for f, s in pool[n_dev:] if f.startswith("id_gsd")]
    for name, sents in (("dev", dev), ("train", train), ("dev_gsd", gsd_dev), ("train_gsd", gsd_train),
                        ("test", read_conllu(UD / TEST_FILE))):
        DocBin(docs=[to_doc(nlp.vocab, s) for s in sents]).to_disk(WORK / f"{name}.spacy")
        print(f"{name}: {len(sents)} sentences, {sum(len(s[0]) for s in sents)} tokens")
    tok2vec_source(WORK / "tok2vec_source")


def train() -> None:
    """Stage 1 on all treebanks (parser.cfg) into output_base; stage 2 (parser_finetune.cfg) continues it on the
    GSD sentences alone into output (output/model-best is what `evaluate` and `export` use)."""
    if not OPTS["finetune"]:
        spacy_train(OPTS["config"], WORK / "output", WORK / "train.spacy", WORK / "dev.spacy",
                    f"--paths.tok2vec_source={WORK / 'tok2vec_source'}", *OPTS["overrides"])
        return
    spacy_train(OPTS["config"], WORK / "output_base", WORK / "train.spacy", WORK / "dev.spacy",
                f"--paths.tok2vec_source={WORK / 'tok2vec_source'}", *OPTS["overrides"])
    finetune()


def finetune() -> None:
    """Stage 2 alone (output_base/model-best must exist)."""
    spacy_train(FINETUNE_CONFIG, WORK / "output", WORK / "train_gsd.spacy", WORK / "dev_gsd.spacy",
                f"--paths.base={WORK / 'output_base' / 'model-best'}")


def score(model: Path) -> dict:
    nlp = spacy.load(model)
    gold = list(DocBin().from_disk(WORK / "test.spacy").get_docs(nlp.vocab))
    examples = [Example(nlp(Doc(nlp.vocab, words=[t.text for t in g])), g) for g in gold]  # gold tokens
    s = nlp.evaluate(examples)
    per = s.get("dep_las_per_type") or {}
    return {"gsd_test_sentences": len(gold), "UAS": round(s["dep_uas"], 4), "LAS": round(s["dep_las"], 4),
            "UPOS": round(s["tag_acc"], 4),
            "LAS_per_deprel": {d: round(per[d]["f"], 4) for d in REPORT_DEPS if d in per},
            "published_reference": "IndoBERT on UD-GSD (full GSD train): UAS 87.1 / LAS 82.3 (IndoLEM)"}


def speed(model: Path) -> dict:
    text = " ".join(p.read_text("utf-8") for p in sorted((ROOT / "corpus").glob("*.txt")))
    sents = [s for s in text.replace("\n", " ").split(". ") if s.strip()]
    while sum(len(s.split()) for s in sents) < 50_000:
        sents = sents + sents
    return words_per_second(model, sents, "parser")


def article_speed(model: Path, per_article: int = 3, repeat: int = 5) -> dict:
    """The deployed case: the parser on ``per_article`` sentences of each article (here the first ones, split on
    ". ") against ``spacy.blank("id")`` tokenising the whole articles; median of ``repeat`` passes each."""
    import statistics
    import time

    import umkm_extract.tokenizer  # noqa: F401  (registers umkm.LeanTokenizer.v1)

    arts = [p.read_text("utf-8") for p in sorted((ROOT / "corpus").glob("*.txt"))]
    picked = [s for a in arts for s in [x for x in a.replace("\n", " ").split(". ") if x.strip()][:per_article]]
    nlp, blank = spacy.load(model), spacy.blank("id")

    def timed(fn) -> float:
        runs = []
        for _ in range(repeat):
            t = time.perf_counter()
            fn()
            runs.append(time.perf_counter() - t)
        return statistics.median(runs)

    tp = timed(lambda: list(nlp.pipe(picked, batch_size=256)))
    tb = timed(lambda: list(blank.pipe(arts, batch_size=256)))
    return {"articles": len(arts), "sentences_parsed_per_article": per_article,
            "parsed_words": sum(len(s.split()) for s in picked), "article_words": sum(len(a.split()) for a in arts),
            "parser_ms_per_article": round(1000 * tp / len(arts), 3),
            "blank_id_ms_per_article": round(1000 * tb / len(arts), 3)}


def evaluate() -> None:
    res = score(WORK / "output" / "model-best")
    res["speed_one_thread"] = speed(WORK / "output" / "model-best")
    res["speed_one_thread_per_article"] = article_speed(WORK / "output" / "model-best")
    (WORK / "scores.json").write_text(json.dumps(res, indent=1) + "\n", "utf-8")
    if WORK == HERE / "parser_work":  # the shipped run; experiments (--work) keep their figures in their folder
        SCORES.write_text(json.dumps(res, indent=1) + "\n", "utf-8")
    print(json.dumps(res, indent=1))


def export() -> None:
    ship(WORK / "output" / "model-best", TARGET,
         {"name": "umkm_parser", "version": "0.1.0", "license": "CC BY-SA 4.0",
          "description": "UPOS tagger + dependency parser for Indonesian (UD GSD dev, CSUI, PUD; surface tokens "
                         "like umkm.LeanTokenizer.v1)",
          "sources": [{"name": n, "license": lic} for n, lic in
                      (("UD Indonesian-GSD (dev)", "CC BY-SA 4.0"), ("UD Indonesian-CSUI", "CC BY-SA 4.0"),
                       ("UD Indonesian-PUD", "CC BY-SA 3.0"),
                       ("nlp-id 0.1.23.0 dataset_postag.txt, via the packaged tagger's tok2vec", "MIT"))]},
         ("tagger", "parser"), HERE / "parser_ATTRIBUTION.md", score, "LAS", json.loads(SCORES.read_text("utf-8")))


def main() -> None:
    global WORK
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("step", choices=["prepare", "train", "finetune", "evaluate", "export", "all"])
    ap.add_argument("--work", type=Path, default=WORK, help="working folder (experiments; default %(default)s)")
    ap.add_argument("--rules", default=",".join(RULES), help="harmonisation rules, comma-separated ('' = none)")
    ap.add_argument("--gsd-weight", type=int, default=GSD_WEIGHT)
    ap.add_argument("--config", type=Path, default=CONFIG)
    ap.add_argument("--no-finetune", action="store_true", help="stage 1 only, into output")
    ap.add_argument("overrides", nargs="*", help="config overrides passed to spacy train, e.g. --training.max_steps=8000")
    args, extra = ap.parse_known_args()
    WORK = args.work.resolve()
    OPTS.update(rules=tuple(r for r in args.rules.split(",") if r), gsd_weight=args.gsd_weight,
                config=args.config, finetune=not args.no_finetune, overrides=tuple(args.overrides) + tuple(extra))
    step = args.step
    if step == "finetune":
        finetune()
    run_steps(step, (("prepare", prepare), ("train", train), ("evaluate", evaluate), ("export", export)),
              experiment=WORK != HERE / "parser_work")


if __name__ == "__main__":
    main()
