"""Region mentions linked to Kemendagri codes: pure functions over text and character spans."""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import accumulate
from importlib import resources

import regex as re

from ..records import Region
from .gazetteer import LEVELS, Gazetteer, RegionEntry, compact, gazetteer
from .text import WordIndex, finditer_at, first_words

__all__ = ["find_regions", "merge_regions", "RegionMention"]

Span = tuple[int, int]


@dataclass(frozen=True)
class RegionMention:
    start: int
    end: int
    text: str
    entry: RegionEntry | None  # None: a desa/kelurahan named with a cue but absent from the gazetteer
    level: str
    rule: str

    def to_region(self) -> Region:
        if self.level in ("kecamatan", "desa") or self.entry is None:
            name = " ".join(self.text.split())
        else:
            name = self.entry.name
        code = self.entry.code if self.entry is not None else None
        return Region(name=name, level=self.level, code=code, start=self.start, end=self.end,  # type: ignore[arg-type]
                      text=self.text, rule=self.rule)


_TOKEN = r"(?:\p{Lu}[\p{L}\p{M}'’]*(?:-\p{L}+)*|\p{Lu}{2,})"
# a name runs over capitalised words, not over the next place cue: "Gampong Gunyak Kecamatan Blangkejeren"
_NAME_RUN = re.compile(rf"{_TOKEN}(?:(?:[ ]|\n(?=\p{{Lu}}\p{{Ll}}+[ ,.]))"
                       rf"(?!(?i:desa|kelurahan|gampong|nagari|kecamatan|kabupaten|kota|provinsi)[ ]+\p{{Lu}})(?:{_TOKEN})){{0,3}}")
_TOKEN_RE = re.compile(_TOKEN)
_PAREN_END = re.compile(r"\)\s*\Z")
_CAP_RUN = re.compile(rf"(?<![\p{{L}}\p{{N}}]){_TOKEN}(?:[ ]{_TOKEN})*")
_PLACE_WORD = re.compile(r"(?i:desa|kelurahan|gampong|nagari|kampung|pekon|kecamatan|kabupaten|kota|provinsi)\b")
# "(Pemberdayaan) Masyarakat dan Desa/Pekon/Kampung": a government unit's name, not a place cue
_SCHOOL_BEFORE_CUE = re.compile(r"(?i:universitas|politeknik|institut|sekolah\s+tinggi|akademi|poltek)\s+\Z")
_UNIT_BEFORE_CUE = re.compile(r"(?i:masyarakat)\s+(?:dan|&)\s+\Z")
# a branch named by its region, right after the agency or bank: "Kepala Cabang BPJS Ketenagakerjaan Pati …", "BRI
# Cabang Bone": the name is a place there even when it is also a word (data/region_needs_cue.txt)
_BRANCH_BEFORE = re.compile(r"(?:BPJS[ ]+(?:Ketenagakerjaan|Kesehatan|TK)|BRI|BNI|BTN|BSI|Pegadaian|PLN|Kantor[ ]+Pos"
                            r"|(?:Kantor[ ]+)?Cabang|KCP|Kanwil)[ ]+\Z"
                            # … and a government unit's name: "Kepala Dinas Koperasi, UKM dan Perdagangan Agam"
                            r"|(?<![\p{L}])(?:Dinas|Badan|Bappeda|Sekretariat[ ]+Daerah|Setda)(?:,?[ ]+(?:dan|\p{Lu}[\p{L}]*))+[ ]+\Z")
_UNLISTED_CUE = re.compile(r"(?i:desa|kelurahan|kel\.?|gampong|nagari|pekon|kalurahan)")


def _data(name: str) -> str:
    return resources.files("umkm_extract.data").joinpath(name).read_text("utf-8")


@cache
def _cue_patterns() -> tuple[re.Pattern[str], dict[str, str], frozenset[str] | None]:
    """The cue pattern, its group -> level map, and the words a cue starts with (for `finditer_at`)."""
    raw = json.loads(_data("region_cues.json"))
    alts = []
    group_level: dict[str, str] = {}
    starts: set[str] | None = set()
    for level in LEVELS:
        group = f"c_{level}"
        group_level[group] = level
        alts.append(f"(?P<{group}>{'|'.join(raw[level])})")
        words = first_words("|".join(raw[level]))
        starts = None if words is None or starts is None else starts | words
    pat = re.compile(
        r"(?<![\p{L}/])(?:%s)(?:\s+\((?P<acr>[^()\n]{1,25})\))?(?:,?\s+(?:yakni|yaitu|meliputi|antara\s+lain))?[ \t]+(?=\p{Lu})"
        % "|".join(alts),
        re.I,
    )
    return pat, group_level, None if starts is None else frozenset(starts)


@cache
def _defaults() -> dict[str, str]:
    out = {}
    for ln in _data("region_defaults.tsv").splitlines():
        if ln.strip() and not ln.startswith("#"):
            name, code = ln.split("\t")
            out[compact(name)] = code
    return out


@cache
def _generic() -> frozenset[str]:
    return frozenset(compact(ln) for ln in _data("region_generic_names.txt").splitlines()
                     if ln.strip() and not ln.startswith("#"))


_LIST_SEP = re.compile(r"(?:\s*,\s*(?:dan\s+|serta\s+)?|\s+(?:dan|serta)\s+)")
_SENT_START = re.compile(r"(?:\A|[.!?]\s+|\n\s*|[\"“]\s*)\Z")


@cache
def _not_after() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(people, venue): patterns matching the end of the text before a name that is no region mention there
    (data/region_not_after.json)."""
    raw = json.loads(_data("region_not_after.json"))
    people = re.compile(r"(?i)(?<![\p{L}])(?:%s)(?:\s+asli)?\s+\Z" % "|".join(re.escape(w) for w in raw["people"]))
    venue = re.compile(r"(?i)(?<![\p{L}])(?:%s)\s+(?:\p{L}+\s+)?\Z" % "|".join(re.escape(w) for w in raw["venue"]))
    return people, venue


def _is_generic(run: str) -> bool:
    words = run.split()
    return any(compact(" ".join(words[:n])) in _generic() for n in range(1, len(words) + 1))


def _inside(spans: Sequence[Span], s: int, e: int) -> bool:
    return any(a <= s and e <= b for a, b in spans)


def _overlaps(spans: Sequence[Span] | "_Mask", s: int, e: int) -> bool:
    if isinstance(spans, _Mask):
        return spans.overlaps(s, e)
    return any(s < b and a < e for a, b in spans)


class _Mask:
    """Characters already claimed, as a byte mask: O(length) overlap tests instead of list scans."""

    def __init__(self, n: int, spans: Sequence[Span] = ()) -> None:
        self.bits = bytearray(n + 1)
        for s, e in spans:
            self.append((s, e))

    def append(self, span: Span) -> None:
        s, e = span
        self.bits[s:e] = b"\x01" * (e - s)

    def overlaps(self, s: int, e: int) -> bool:
        return self.bits.find(1, s, e) != -1


def _longest(text: str, start: int, levels: tuple[str, ...], max_words: int = 4, gz: Gazetteer | None = None
             ) -> tuple[int, list[RegionEntry]] | None:
    """Longest run of capitalised words at `start` naming a region of `levels`."""
    m = _NAME_RUN.match(text, start)
    if not m:
        return None
    words = [w for w in _TOKEN_RE.finditer(m.group())][:max_words]
    gz = gz or gazetteer()
    for n in range(len(words), 0, -1):
        end = start + words[n - 1].end()
        entries = gz.lookup(text[start:end], levels)
        if entries:
            return end, entries
    return None


def _pick(entries: list[RegionEntry], context: set[str]) -> RegionEntry | None:
    """The entry inside a region the article already names; else the only one; else None."""
    inside = [e for e in entries if any(e.within(c) for c in context)]
    if inside:
        return max(inside, key=lambda e: max(len(c) for c in context if e.within(c)))
    return entries[0] if len(entries) == 1 else None


def find_regions(text: str, *, spans: Sequence[Span] | None = None, exclude: Sequence[Span] = (),
                 index: WordIndex | None = None, aliases: tuple[tuple[str, str], ...] = ()) -> list[RegionMention]:
    """Every region mention in the body spans, sorted by offset.

    `index` is the article's word index when the caller has one (built here otherwise); `aliases`: more
    (alias, official name or code) pairs (a user lexicon's ``region_aliases``)."""
    spans = list(spans) if spans is not None else [(0, len(text))]
    gz = gazetteer(aliases)
    cue_re, group_level, cue_words = _cue_patterns()
    if cue_words is not None:
        cue_starts: list[int] | None = (index if index is not None else WordIndex(text)).starts(cue_words)
    else:
        cue_starts = None
    cap_runs = [run for a, b in spans for run in _CAP_RUN.finditer(text, a, b)]  # read by steps 2 and 4
    taken = _Mask(len(text), exclude)
    mentions: list[RegionMention] = []
    pending_low: list[tuple[int, int, str, str]] = []  # (start, end, level, rule) for kecamatan/desa
    reserved_mask = _Mask(len(text))

    def add(s: int, e: int, entry: RegionEntry | None, level: str, rule: str) -> None:
        mentions.append(RegionMention(s, e, text[s:e], entry, level, rule))
        taken.append((s, e))

    # 1. cue + name: "Kabupaten Jember", "Pemkot Bogor", "Wali Kota Palangka Raya", "Kecamatan Comal"
    named_by_outer_cue: set[int] = set()  # "Kelurahan Kampung Dalam": the inner "Kampung" is no cue
    for a, b in spans:
        for m in finditer_at(cue_re, cue_starts, text, a, b):
            if m.start() in named_by_outer_cue:
                continue
            level = next(group_level[g] for g in group_level if m.group(g))
            s = m.end()
            if _overlaps(taken, s, s + 1):
                continue
            inner = _PLACE_WORD.match(text, s)
            if inner is not None:  # "kantor kelurahan Desa Susukan": the inner cue decides, unless …
                if not _outer_cue_names(text, s, b, level, inner.end()):
                    continue
                named_by_outer_cue.add(s)
            if level in ("kecamatan", "desa"):
                if _SCHOOL_BEFORE_CUE.search(text, max(0, m.start() - 20), m.start()):
                    continue  # "Universitas Negeri Padang": a state university, no village "Padang"
                if _UNIT_BEFORE_CUE.search(text, max(0, m.start() - 20), m.start()):
                    continue  # "Dinas Pemberdayaan Masyarakat dan Pekon Eko Sumarmi": the unit's name, no place
                run = _NAME_RUN.match(text, s, b)
                hit = _longest(text, s, (level,), gz=gz)
                while hit is not None:  # keep "Kecamatan Magelang Tengah" from the bare kota name inside it
                    reserved_mask.append((s, hit[0]))
                    sep = _LIST_SEP.match(text, hit[0])
                    hit = _longest(text, sep.end(), (level,), gz=gz) if sep else None
                    if hit is not None:
                        reserved_mask.append((sep.end(), hit[0]))
                if run and not _is_generic(run.group()):
                    unlisted_ok = bool(_UNLISTED_CUE.fullmatch(m.group(0).split()[0])) and not m.group("acr")
                    pending_low.append((s, run.end(), level, "region.cue" if unlisted_ok else "region.cue_listed"))
                continue
            hit = _longest(text, s, (level,), gz=gz)
            if hit is None and level == "kota":  # "Kota Bengkulu" where only the province shares the name
                hit = None
            if hit is None:
                continue
            end, entries = hit
            if not _inside(spans, s, end):
                continue
            add(s, end, entries[0], level, "region.cue")
            if m.group(0).split()[0].casefold() in ("kabupaten", "kota", "kab.", "kab"):
                # "Kabupaten Lebak, Pandeglang, Serang, serta Kota Serang": the list shares its cue's level
                while (sep := _LIST_SEP.match(text, end)) is not None and sep.end() < b:
                    if _PLACE_WORD.match(text, sep.end()) or cue_re.match(text, sep.end()):
                        break
                    nxt = _longest(text, sep.end(), (level,), gz=gz)
                    if nxt is None or _overlaps(taken, sep.end(), nxt[0]) or not _inside(spans, sep.end(), nxt[0]):
                        break
                    add(sep.end(), nxt[0], nxt[1][0], level, "region.cue_list")
                    end = nxt[0]

    found = {m.entry.code for m in mentions if m.entry}
    cue_levels: dict[str, set[str]] = {}
    for m in mentions:
        cue_levels.setdefault(compact(m.text), set()).add(m.level)

    # 2. cue-less provinsi/kabupaten/kota names and aliases: "Jember", "Jawa Timur", "NTB", "Jatim"
    defaults = _defaults()
    first_names = gz.first_words
    for run in cap_runs:
        words = run.group().split(" ")  # a run is capitalised words joined by single spaces
        first = [compact(w) in first_names for w in words]
        if not any(first):
            continue  # most runs: no word can start a region name
        starts = list(accumulate((len(w) + 1 for w in words[:-1]), initial=run.start()))
        i = 0
        while i < len(words):
            if not first[i]:
                i += 1
                continue
            hit_n = 0
            for n in range(min(4, len(words) - i), 0, -1):
                s = starts[i]
                e = starts[i + n - 1] + len(words[i + n - 1])
                if taken.overlaps(s, e) or reserved_mask.overlaps(s, e):
                    continue
                name = text[s:e]
                entries = gz.lookup(name, ("provinsi", "kabupaten", "kota"))
                if not entries:
                    continue
                key = compact(name)
                if key in gz.needs_cue and name not in gz.aliases and not _BRANCH_BEFORE.search(text, max(0, s - 80), s):
                    continue
                if _not_after()[0].search(text, max(0, s - 30), s):
                    continue  # "orang asli Papua", "mama-mama Papua": a people, not the province
                entry = _choose_level(entries, cue_levels.get(key, set()), defaults.get(key))
                add(s, e, entry, entry.level, "region.alias" if name in gz.aliases else "region.name")
                found.add(entry.code)
                hit_n = n
                break
            i += hit_n or 1

    # 3. kecamatan/desa after a cue, resolved inside the regions the article names; lists share the cue
    unresolved: list[tuple[int, int]] = []
    for s, run_end, level, rule in sorted(pending_low):
        pos = s
        first = True
        parent: str | None = None
        while True:
            hit = _longest(text, pos, (level,), gz=gz)
            if hit is not None:
                end, entries = hit
                entry = _pick(entries, found)
                if entry is None and level == "kecamatan":
                    entry = entries[0] if not found else None
                if level == "desa" and entry is not None and not any(entry.within(c) for c in found):
                    entry = None  # a desa of that name elsewhere in Indonesia says nothing about this one
                if first and level == "desa" and rule == "region.cue" and _continues_name(text, end, run_end):
                    # "Desa Tanjung Tinggi": the gazetteer knows a "Tanjung" but the name goes on
                    end = _name_end(text, pos, run_end)
                    entry = None
                if entry is None and first and level == "desa" and rule == "region.cue_listed":
                    unresolved.append((pos, run_end))  # a desa of that name elsewhere: see 3b
                if entry is not None or (level == "desa" and rule == "region.cue"):
                    if not _overlaps(taken, pos, end):
                        add(pos, end, entry, level, rule if first else "region.cue_list")
                    if entry is not None:
                        found.add(entry.code)
                        parent = parent or entry.parent
            elif first and level == "desa" and rule == "region.cue_listed":
                unresolved.append((pos, run_end))  # "Wali Nagari Ketaping": known only if named elsewhere
                break
            elif first and level == "desa" and rule == "region.cue":
                run = _NAME_RUN.match(text, pos)
                pre = text[max(0, s - 30):s]
                if run and not _PAREN_END.search(pre):
                    end = pos + len(run.group())
                    if not _overlaps(taken, pos, end):
                        add(pos, end, None, "desa", "region.cue_unlisted")
                else:
                    break
            else:
                break
            sep = _LIST_SEP.match(text, end)
            if not sep or not _TOKEN_RE.match(text, sep.end(), sep.end() + 40):
                break
            nxt = _longest(text, sep.end(), (level,), gz=gz)
            if nxt is None or parent is None or not any(x.parent == parent for x in nxt[1]):
                break
            pos, first = sep.end(), False

    # 3b. a desa after an office cue ("Wali Nagari Ketaping", "Lurah Talumolo") that the gazetteer lacks
    # is still that desa when the article names it with a place cue elsewhere ("Nagari Ketaping")
    unlisted = {compact(m.text) for m in mentions if m.entry is None and m.level == "desa"}
    for pos, run_end in unresolved if unlisted else ():
        end = _name_end(text, pos, run_end)
        if compact(text[pos:end]) in unlisted and not _overlaps(taken, pos, end):
            add(pos, end, None, "desa", "region.cue_named_elsewhere")

    # 4. cue-less kecamatan: a whole capitalised run naming a kecamatan of a kabupaten/kota in the article
    kab_codes = {c for c in found if c.count(".") == 1}
    if kab_codes:
        for run in cap_runs:  # the gazetteer test first: it rejects nearly every run
            name = run.group()
            if not gz.may_name_kecamatan(name):
                continue
            entries = [x for x in gz.lookup(name, ("kecamatan",)) if x.parent in kab_codes]
            if len(entries) != 1 or compact(run.group()) in gz.needs_cue:
                continue
            s, e = run.span()
            if _overlaps(taken, s, e) or _SENT_START.search(text, max(0, s - 3), s):
                continue
            if _not_after()[1].search(text, max(0, s - 40), s):
                continue  # "alun-alun Kejaksan", "pasar tradisional Margasari": a venue's name
            add(s, e, entries[0], "kecamatan", "region.kecamatan_in_context")

    # 5. an abbreviation the article defines: "Konawe Kepulauan (Konkep)", "Padangsidimpuan (Psp)"
    for abbr, entry, at in local_aliases(text, mentions, gz):
        for a, b in spans:
            for m in re.finditer(rf"(?<![\p{{L}}\p{{N}}]){re.escape(abbr)}(?![\p{{L}}\p{{N}}])", text[a:b]):
                s, e = a + m.start(), a + m.end()
                if s >= at and not taken.overlaps(s, e):
                    add(s, e, entry, entry.level, "region.local_alias")
    mentions.sort(key=lambda m: m.start)
    return mentions


def _abbreviates(abbr: str, name: str) -> bool:
    """The short form's letters in order in the name, the first letter first ("Konkep" of "Konawe Kepulauan")."""
    low, it = name.casefold(), iter(name.casefold())
    return len(abbr) >= 2 and low[:1] == abbr[:1].casefold() and all(c in it for c in abbr.casefold())


_DEFINED_ABBR = re.compile(r"[ ]?\((\p{Lu}[\p{L}]{1,7})\)")


def local_aliases(text: str, mentions: Sequence[RegionMention], gz: Gazetteer
                  ) -> list[tuple[str, RegionEntry, int]]:
    """(abbreviation, region, offset of its definition) for each provinsi/kabupaten/kota mention followed by a
    parenthesised short form that names no other region: "Bupati Konawe Kepulauan (Konkep) …" makes the later
    "Konkep" that kabupaten, whatever the gazetteer knows."""
    out: list[tuple[str, RegionEntry, int]] = []
    for m in mentions:
        if m.entry is None or m.level not in ("provinsi", "kabupaten", "kota"):
            continue
        d = _DEFINED_ABBR.match(text, m.end)
        if d is None or d.group(1) == m.text or gz.lookup(d.group(1), ("provinsi", "kabupaten", "kota")):
            continue
        abbr = d.group(1)
        if not _abbreviates(abbr, m.text):
            continue  # "Jakarta (ANTARA)": an outlet's dateline, no short form
        if not any(x == abbr for x, _, _ in out):
            out.append((abbr, m.entry, d.start(1)))
    return out


_NEXT_WORD = re.compile(r"[ ]+(?=\p{Lu})")


def _continues_name(text: str, end: int, run_end: int) -> bool:
    """Whether the capitalised run after a cue goes on past a gazetteer name with a word that is
    not a place word: "Desa Tanjung| Tinggi" yes, "Desa Sukamaju| Kecamatan Cibatu" no."""
    if end >= run_end:
        return False
    gap = _NEXT_WORD.match(text, end, run_end)
    return gap is not None and not _PLACE_WORD.match(text, gap.end())


def _outer_cue_names(text: str, s: int, b: int, level: str, inner_end: int) -> bool:
    """Whether the name after an outer kelurahan/kecamatan cue starts with a place word itself
    ("Kelurahan Kampung Dalam"): the gazetteer has the whole capitalised run at that level, and the inner
    cue's reading is no longer ("Keuchik Gampong Cot Gapu" is Gampong "Cot Gapu", not a desa "Gampong Cot")."""
    if level not in ("kecamatan", "desa"):
        return False
    hit = _longest(text, s, (level,))
    if hit is None or hit[0] <= inner_end:
        return False
    run = _NAME_RUN.match(text, s, b)
    if run is None or _continues_name(text, hit[0], run.end()):
        return False
    inner_name = _NEXT_WORD.match(text, inner_end)
    inner_hit = _longest(text, inner_name.end(), (level,)) if inner_name else None
    return inner_hit is None or inner_hit[0] <= hit[0]


def _name_end(text: str, start: int, run_end: int) -> int:
    """The end of the name at `start`: the capitalised run up to its first place word."""
    end = start
    for word in _TOKEN_RE.finditer(text, start, run_end):
        if word.start() > start and _PLACE_WORD.match(text, word.start()):
            break
        end = word.end()
    return end


def _choose_level(entries: list[RegionEntry], cued: set[str], default: str | None) -> RegionEntry:
    for e in entries:
        if e.level in cued:
            return e
    if default:
        for e in entries:
            if e.code == default:
                return e
    order = {"provinsi": 0, "kabupaten": 1, "kota": 2}
    return min(entries, key=lambda e: order.get(e.level, 3))


def merge_regions(mentions: Sequence[RegionMention]) -> list[Region]:
    """One Region per distinct region (by code, else by name and level), first mention kept."""
    out: dict[tuple[str, str], Region] = {}
    for m in mentions:
        key = ("code", m.entry.code) if m.entry is not None else ("name", compact(m.text) + "|" + m.level)
        if key not in out:
            # a code-less desa named like a coded one is the same place
            out[key] = m.to_region()
    return list(out.values())
