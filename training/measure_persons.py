"""Would proper-noun runs from the shipped tagger add persons that the rules miss? And what does it cost?

    OMP_NUM_THREADS=1 .venv/bin/python training/measure_persons.py            # ../shared/corpus-dev
    OMP_NUM_THREADS=1 .venv/bin/python training/measure_persons.py --gold corpus --show

1. Runs the existing extractor (``umkm_extract.Extractor().pipe``) over a gold folder and scores its
   persons with ``umkm_extract.evaluate.evaluate`` (the ANNOTATION.md rules).
2. Separately tags each article with ``umkm_tagger`` and takes the runs of proper nouns
   (``proper_noun_runs``) that come right after a cue the rules would also trust: an attribution
   verb ("…," kata / ujar / ungkap … NAME; menurut NAME), a naming word (bernama, yakni, yaitu,
   atas nama NAME) or an apposition after a role noun ("pemilik usaha keripik, NAME"). Runs are
   cleaned (leading title words and honorifics, trailing degrees dropped), and kept only where
   the rules found no person there and no person of that name.
3. Scores the extractor's persons with those candidates added, and prints both rows.
4. Times the tagger alone (lean tokenizer + tagging) and the extractor alone, in articles/s over
   ``corpus/*.txt`` (the model's load time printed apart).

Nothing here changes the extractor: this measures a possible integration.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

for _k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_k, "1")

import regex as re  # noqa: E402

from umkm_extract import Extractor  # noqa: E402
from umkm_extract.components.tagger import TaggerComponent, load_tagger, proper_noun_runs  # noqa: E402
from umkm_extract.evaluate import evaluate  # noqa: E402
from umkm_extract.evaluate import _person_match  # noqa: E402  (the scorer's own name-matching rule)

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus-dev"

_ATTRIBUTION = re.compile(
    r"(?:(?<=[\"”'’,]\s{0,2})|(?<=\s))(?i:kata|ujar|ungkap|sebut|tutur|jelas|tegas|papar|imbuh|tambah|ucap|terang|"
    r"lanjut|pungkas|sambung|cerita|aku|harap|katanya|menurut|bernama|yakni|yaitu|atas\s+nama)\s+\Z"
)
_ROLE_NOUN = re.compile(
    r"(?i:\b(?:pemilik|owner|pendiri|pengelola|pengurus|ketua|koordinator|pelaku|pengusaha|perajin|pengrajin|"
    r"petani|pedagang|nelayan|warga|penerima|peserta|penjual|produsen|penenun|peternak|pembudidaya|karyawan|"
    r"pegawai|pendamping|penyuluh|kader|relawan|penggerak|salah\s+(?:satu|seorang)|seorang)\b)[^,.;:\n\"”]{0,70},\s*\Z"
)
_NAME_TOKEN = re.compile(r"\p{Lu}[\p{Ll}'’\-]+\Z|\p{Lu}{1,2}\.?\Z|\p{Lu}\p{Ll}{0,3}\.\Z")


def _words(name: str) -> set[str]:
    return {w.casefold() for ln in _lines(name) for w in ln.split()}


def _lines(name: str) -> list[str]:
    text = resources.files("umkm_extract.data").joinpath(name).read_text("utf-8")
    return [ln.split("\t")[0].strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


TITLE_WORDS = _words("titles.txt")
STOP = _words("name_stopwords.txt") | TITLE_WORDS
HONORIFIC = {h.casefold().rstrip(".") for h in _lines("honorifics_person.txt")} | {"bapak", "ibu", "pak", "bu"}
DEGREE = {d.casefold().replace(".", "").replace(" ", "") for d in _lines("degrees.txt")}


@dataclass
class Candidate:
    doc_id: str
    name: str
    start: int
    end: int
    cue: str


def articles_in(folder: Path) -> list[tuple[str, dict[str, Any]]]:
    items = []
    for txt in sorted(folder.glob("*.txt")):
        meta_path = txt.with_name(txt.stem + ".meta.json")
        meta = json.loads(meta_path.read_text("utf-8")) if meta_path.is_file() else {}
        items.append((txt.read_text("utf-8"), {"doc_id": txt.stem, "published": meta.get("published")}))
    return items


def _clean(text: str, s: int, e: int, regions: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The name inside a run: leading title words, honorifics and regions ("Bupati Jember …") and
    trailing degrees dropped; None unless what is left looks like a name ("Asisten Rumah Tangga" does not)."""
    toks = [(m.start() + s, m.end() + s) for m in re.finditer(r"\S+", text[s:e])]
    while toks and (text[toks[0][0]:toks[0][1]].casefold().rstrip(".") in TITLE_WORDS | HONORIFIC
                    or any(a < toks[0][1] and toks[0][0] < b for a, b in regions)):
        toks = toks[1:]
    while toks and text[toks[-1][0]:toks[-1][1]].casefold().replace(".", "") in DEGREE:
        toks = toks[:-1]
    if not toks or len(toks) > 4:
        return None
    words = [text[a:b] for a, b in toks]
    if not all(_NAME_TOKEN.match(w) for w in words) or all(w.endswith(".") or len(w) <= 2 for w in words):
        return None
    if any(w.casefold() in STOP for w in words):
        return None
    return toks[0][0], toks[-1][1]


def nnp_candidates(doc_id: str, text: str, tagged: Any, article: Any, *, with_rules: bool = True) -> list[Candidate]:
    """Proper-noun runs after a cue, in the body, that the rules did not find (``with_rules=False``:
    ignore the rules' persons, to see what the candidates alone would find)."""
    body = article.body_spans
    persons = article.persons if with_rules else ()
    known_spans = [m for p in persons for m in p.mentions] + [(r.start, r.end) for r in article.regions]
    known_spans += [(o.start, o.end) for o in article.organizations]
    known_names = [p.name for p in persons] + [w for p in persons for w in p.name.split()]
    region_names = {r.name.casefold() for r in article.regions} | {r.text.casefold() for r in article.regions}
    out: list[Candidate] = []
    for s, e in proper_noun_runs(tagged):
        if not any(a <= s and e <= b for a, b in body):
            continue
        before = text[max(0, s - 90):s]
        cue = "attribution" if _ATTRIBUTION.search(before) else "apposition" if _ROLE_NOUN.search(before) else None
        if cue is None:
            continue
        span = _clean(text, s, e, [(r.start, r.end) for r in article.regions])
        if span is None:
            continue
        cs, ce = span
        name = " ".join(text[cs:ce].split())
        if any(a < ce and cs < b for a, b in known_spans) or name.casefold() in region_names:
            continue
        if any(_person_match(name, k) or name.casefold() == k.casefold() for k in known_names):
            continue
        if any(c.name == name for c in out):
            continue
        out.append(Candidate(doc_id, name, cs, ce, cue))
    return out


def persons_row(report: Any) -> str:
    f = report.fields["persons"]
    return f"P {f.precision:.3f}  R {f.recall:.3f}  F1 {f.f1:.3f}  ({f.tp}/{f.n_pred}/{f.n_gold} tp/pred/gold)"


def measure(gold_dir: Path, show: bool) -> None:
    items = articles_in(gold_dir)
    ex = Extractor()
    articles = list(ex.pipe(items))
    tagger = TaggerComponent()
    base: list[dict[str, Any]] = []
    plus: list[dict[str, Any]] = []
    alone: list[dict[str, Any]] = []
    added: list[Candidate] = []
    for (text, meta), art in zip(items, articles):
        doc = tagger(ex.nlp.make_doc(text))
        cands = nnp_candidates(meta["doc_id"], text, doc, art)
        rec = art.to_dict()
        base.append(rec)
        extra = [{"name": c.name, "title": None, "jurisdiction": None, "organization": None,
                  "start": c.start, "end": c.end, "rule": f"person.nnp_{c.cue}"} for c in cands]
        plus.append(dict(rec, persons=list(rec["persons"]) + extra))
        solo = nnp_candidates(meta["doc_id"], text, doc, art, with_rules=False)
        alone.append(dict(rec, persons=[{"name": c.name, "title": None} for c in solo]))
        added.extend(cands)
    coverage = gold_coverage(gold_dir, items, ex, tagger, show)
    r0 = evaluate(gold_dir, base)
    r1 = evaluate(gold_dir, plus)
    print(f"gold: {gold_dir} ({len(items)} articles)")
    print(f"persons, rules only           {persons_row(r0)}")
    print(f"persons, rules + NNP runs     {persons_row(r1)}")
    print(f"persons, NNP runs alone       {persons_row(evaluate(gold_dir, alone))}  (no rule persons: the cue path by itself)")
    gold_names: dict[str, list[str]] = {}
    for g in sorted(gold_dir.glob("*.gold.json")):
        gold_names[g.name[: -len(".gold.json")]] = [p["name"] for p in json.loads(g.read_text("utf-8")).get("persons", [])]
    right = sum(any(_person_match(c.name, n) for n in gold_names.get(c.doc_id, [])) for c in added)
    print(f"NNP candidates added: {len(added)} ({right} are gold persons)")
    print(f"gold persons written verbatim in the text: {coverage[0]}; all their tokens tagged NNP: {coverage[1]} "
          f"({coverage[1] / max(1, coverage[0]):.3f}); ending an NNP run: {coverage[2]} ({coverage[2] / max(1, coverage[0]):.3f})")
    if show:
        for c in added:
            hit = any(_person_match(c.name, n) for n in gold_names.get(c.doc_id, []))
            print(f"  {'+' if hit else '-'} {c.doc_id}: {c.name!r} [{c.cue}]")


def gold_coverage(gold_dir: Path, items: list[tuple[str, dict[str, Any]]], ex: Extractor,
                  tagger: TaggerComponent, show: bool = False) -> tuple[int, int, int]:
    """How well the tagger sees the gold persons, whatever the rules do: of the gold names written
    verbatim in the text (first occurrence), how many have every word tagged NNP, and how many end a
    proper-noun run (the run may start earlier: a title before the name is often NNP too)."""
    found = all_nnp = exact = 0
    for text, meta in items:
        gold_path = gold_dir / f"{meta['doc_id']}.gold.json"
        if not gold_path.is_file():
            continue
        doc = tagger(ex.nlp.make_doc(text))
        runs = proper_noun_runs(doc)
        for p in json.loads(gold_path.read_text("utf-8")).get("persons", []):
            at = text.find(p["name"])
            if at < 0:
                continue
            end = at + len(p["name"])
            found += 1
            span = doc.char_span(at, end, alignment_mode="expand")
            if span is not None and all(t.tag_ == "NNP" for t in span if t.is_alpha):  # "M." : the period is SYM
                all_nnp += 1
            elif span is not None and show:
                print(f"  not all NNP: {meta['doc_id']}: " + " ".join(f"{t.text}/{t.tag_}" for t in span))
            exact += any(a <= at and end == b for a, b in runs)
    return found, all_nnp, exact


def _corpus_texts(folder: Path) -> list[str]:
    return [p.read_text("utf-8") for p in sorted(folder.glob("*.txt"))]


def _rate(fn: Any, texts: list[str], repeats: int) -> float:
    rates = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for t in texts:
            fn(t)
        rates.append(len(texts) / (time.perf_counter() - t0))
    return statistics.median(rates)


def timing(folder: Path, repeats: int) -> None:
    texts = _corpus_texts(folder)
    ex = Extractor()
    ex("Pemanasan.")  # build the pipeline outside the timing
    load_tagger.cache_clear()
    t0 = time.perf_counter()
    load_tagger()
    load_s = time.perf_counter() - t0
    tagger = TaggerComponent()
    n_tokens = sum(len(ex.nlp.make_doc(t)) for t in texts)
    tag_rate = _rate(lambda t: tagger(ex.nlp.make_doc(t)), texts, repeats)
    ex_rate = _rate(lambda t: ex(t), texts, repeats)
    print(f"timing over {folder}/*.txt: {len(texts)} articles, {n_tokens / len(texts):.0f} tokens/article, "
          f"median of {repeats} passes, one thread")
    print(f"  tagger model load (once): {load_s:.2f} s")
    print(f"  tagger alone (tokenise + tag): {tag_rate:.0f} articles/s ({tag_rate * n_tokens / len(texts):.0f} tokens/s)")
    print(f"  extractor alone (rules):       {ex_rate:.0f} articles/s")
    print(f"  extractor + tagger, estimated: {1 / (1 / ex_rate + 1 / tag_rate):.0f} articles/s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--gold", default=str(DEV), help="folder of NAME.txt + NAME.gold.json (default: shared/corpus-dev)")
    ap.add_argument("--timing-corpus", default=str(ROOT / "corpus"), help="folder of *.txt to time over")
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--show", action="store_true", help="list the candidates added (+ gold person, - not)")
    ap.add_argument("--no-timing", action="store_true")
    args = ap.parse_args()
    measure(Path(args.gold), args.show)
    if not args.no_timing:
        timing(Path(args.timing_corpus), args.repeats)


if __name__ == "__main__":
    main()
