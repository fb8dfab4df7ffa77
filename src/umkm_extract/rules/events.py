"""Event records: trigger lexicon (data/events.json) + role filling from the entities of the sentence.

Pure functions: the inputs are the text, sentence spans and the entity mentions already found;
the output is one Event per real occurrence, each with its evidence (sentence, spans, rule id).
"""
from __future__ import annotations

import datetime as _dt
import json
from bisect import bisect_right
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from importlib import resources
from itertools import islice
from pathlib import Path
from typing import Any

import regex as re

from .event_dates import date_from_lead, speaks_of_another_time
from .gazetteer import compact
from .roles import tidy_span, tidy_value
from ..records import Count, DateMention, Event, Organization, Person
from .text import WordIndex, finditer_at, first_words

__all__ = ["EventLexicon", "load_lexicon", "find_events"]

Span = tuple[int, int]


@dataclass(frozen=True)
class _Rule:
    id: str
    type: str
    voice: str
    trigger: re.Pattern[str]
    with_after: re.Pattern[str] | None
    with_before: re.Pattern[str] | None
    window: int
    sentence_has: re.Pattern[str] | None
    first: frozenset[str] | None = None  # words a trigger match starts with (None: scan every sentence)


@dataclass(frozen=True)
class EventLexicon:
    types: Mapping[str, Mapping[str, str]]
    rules: tuple[_Rule, ...]
    negation: re.Pattern[str]
    pronouns: re.Pattern[str]
    any_trigger: re.Pattern[str]  # for rules whose first words are unknown: does a sentence need them?
    # a place as the object of a launch ("meluncurkan Mal Pelayanan Publik"): an opening, not a programme
    launched_place: re.Pattern[str] | None = None
    # an activity as the object of an opening ("Pelatihan … dibuka secara resmi"): no facility was opened
    opened_activity: re.Pattern[str] | None = None
    # each first word of a rule -> the numbers of the rules that may start with it (`_rule_candidates`)
    first_index: Mapping[str, tuple[int, ...]] = field(default_factory=dict)


def _compile(raw: Mapping[str, Any]) -> EventLexicon:
    vocab: Mapping[str, str] = raw.get("vocab", {})

    def expand(p: str | None) -> re.Pattern[str] | None:
        if not p:
            return None
        for k, v in vocab.items():
            p = p.replace("{%s}" % k, f"(?:{v})")
        return re.compile(p, re.I)

    types = {name: dict(spec.get("slots", {})) for name, spec in raw["types"].items()}
    rules = []
    seen: set[str] = set()
    for r in raw["rules"]:
        if r["id"] in seen:
            raise ValueError(f"events: duplicate rule id {r['id']!r}")
        seen.add(r["id"])
        if r["type"] not in types:
            raise ValueError(f"events: rule {r['id']!r} names unknown type {r['type']!r}; expected one of {sorted(types)}")
        if (r.get("with") or r.get("with_after") or r.get("with_before")) and not int(r.get("window", 60)):
            raise ValueError(f"events: rule {r['id']!r} has a 'with' pattern but window 0; give the window in characters")
        trig = re.compile(r"(?<![\p{L}\-])(?:%s)(?![\p{L}])" % r["trigger"], re.I)
        rules.append(_Rule(r["id"], r["type"], r.get("voice", "active"), trig,
                           expand(r.get("with") or r.get("with_after")), expand(r.get("with_before")),
                           int(r.get("window", 60)), expand(r.get("sentence_has")), first_words(r["trigger"])))
    neg = re.compile(r"(?<![\p{L}])(?:%s)(?![\p{L}])" % raw.get("negation", "akan"), re.I)
    pro = re.compile(r"(?<![\p{L}])(?:%s)(?![\p{L}])" % raw.get("pronouns", "pihaknya"), re.I)
    any_trigger = re.compile("|".join(f"(?:{r.trigger.pattern})" for r in rules), re.I)
    place, activity = vocab.get("launched_place"), vocab.get("opened_activity")
    first_index: dict[str, list[int]] = {}
    for i, rule in enumerate(rules):
        for w in rule.first or ():
            first_index.setdefault(w, []).append(i)
    return EventLexicon(types, tuple(rules), neg, pro, any_trigger,
                        re.compile(r"(?:%s)" % place, re.I) if place else None,
                        re.compile(r"(?:%s)(?![\p{L}])" % activity, re.I) if activity else None,
                        {w: tuple(ids) for w, ids in first_index.items()})


@cache
def _default_raw() -> dict[str, Any]:
    raw: dict[str, Any] = json.loads(resources.files("umkm_extract.data").joinpath("events.json").read_text("utf-8"))
    return raw


def load_lexicon(extra: str | Path | Mapping[str, Any] | None = None) -> EventLexicon:
    """The built-in lexicon, optionally extended by a user file/dict with more ``types`` and ``rules``.

    User rules come first, so they win where triggers overlap; ``vocab`` entries may be added too.
    """
    raw = json.loads(json.dumps(_default_raw()))
    if extra is not None:
        user = extra if isinstance(extra, Mapping) else json.loads(Path(extra).read_text("utf-8"))
        raw["types"].update(user.get("types", {}))
        raw["vocab"].update(user.get("vocab", {}))
        raw["rules"] = list(user.get("rules", [])) + raw["rules"]
    return _compile(raw)


@cache
def default_lexicon() -> EventLexicon:
    return load_lexicon()


# ---------------------------------------------------------------------------------------------- roles

_ADVERBS = re.compile(r"(?:\s*(?:secara\s+(?:simbolis|resmi|langsung|gratis|bertahap|serentak)|resmi|"
                      r"langsung|kembali|juga|pun|telah|sudah|baru|turut|sebanyak|sejumlah|sekitar|para|"
                      r"tersebut|itu|ini))+\s*", re.I)
# the function words as written (lowercase: a capitalised one is part of a name, "Rumah Produksi Bersama"), the
# days of the week as they come
_STOP_AFTER = re.compile(
    r"\s+(?:kepada|bagi|untuk|di|pada|dalam|yang|dengan|oleh|dari|sebagai|secara|melalui|saat|usai|ketika|"
    r"sejak|hingga|sebesar|senilai|sebanyak|dan\s+didampingi|didampingi|bersama|serta|agar|supaya|karena|"
    r"sehingga|tersebut|itu|ini|kemarin|lalu|berlangsung|digelar|dilakukan|dilaksanakan|antara|"
    r"(?i:senin|selasa|rabu|kamis|jum.?at|sabtu|minggu))\b|\s*(?:,(?!\d)|(?<![\s(]\p{Lu})\.(?!\d)|[;:!?“”\"])|"
    r"\s+\((?=[^)]*\d)|\s+-\s")  # a period after an initial ("almarhum M. Faishal Alfath") goes on
_PREP = {
    "recipient": re.compile(r"(?<![\p{L}])(?:kepada|bagi|untuk)\s+", re.I),
    "source": re.compile(r"(?<![\p{L}])dari\s+", re.I),
    # "oleh …", and the bare agent of "dilakukan": "Pelantikan … dilakukan Bupati Kerinci, Dr. H. …"
    "agent": re.compile(r"(?<![\p{L}])(?i:oleh\s+|dilakukan\s+(?:langsung\s+)?(?=\p{Lu}))"),
    "location": re.compile(r"(?<![\p{L}])(?:bertempat\s+)?di\s+(?=\p{Lu}|(?:kantor|gedung|aula|ruang|pendopo|halaman|lapangan|balai|desa|kecamatan|kabupaten|kota)\b)", re.I),
}
# the verb of an occasion's venue right before "di": "berlangsung di Griya Agung", "dilaksanakan … di …"
_HELD_BEFORE = re.compile(r"(?i)(?<![\p{L}])(?:berlangsung|bertempat|digelar|dilaksanakan|diselenggarakan|dipusatkan|"
                          r"diadakan)(?![\p{L}])[^,.;]{0,20}\Z")
_LOC_STOP = re.compile(
    r"\s*,\s*(?=(?:senin|selasa|rabu|kamis|jum.?at|sabtu|minggu|pada|tanggal|\d|\p{Ll}))|\s+(?:pada|pukul|sejak|"
    r"yang|untuk|dengan|saat|ketika|dalam|kepada|oleh|sebagai|dan\s+(?:di|didampingi))\b|\s*[.;:!?“”\"]|\s+\(",
    re.I)
_CAP = r"(?:\p{Lu}[\p{L}\p{N}'’\-]*|\(\p{Lu}[\p{L}/]*\))"
_WEEKDAY = r"(?:Senin|Selasa|Rabu|Kamis|Jum.?at|Sabtu|Minggu|Ahad)\b"
_LOCATION = re.compile(
    rf"(?:(?i:kantor|gedung|aula|ruang|pendopo|halaman|lapangan|balai|lokasi|desa|kecamatan|kelurahan|kabupaten|kota|"
    rf"gampong|rumah|kawasan|area|komplek|kompleks|mal|mall|sentra|hotel|gelanggang|auditorium)"
    rf"(?:\s+(?!(?i:pada|yang|untuk|dan|di|ke|dari)\b)\p{{Ll}}+){{0,2}}\s+)*(?!{_WEEKDAY}){_CAP}(?:\s+{_CAP})*"
    rf"(?:,\s+(?!{_WEEKDAY})(?:(?i:kantor|gedung|kecamatan|desa|kabupaten|kota)\s+)?{_CAP}(?:\s+{_CAP})*)*"
)
_AFTER_PLAN = re.compile(r"(?<![\p{L}])(?:akan|rencananya|dijadwalkan|direncanakan|bakal|batal|dibatalkan|ditunda|urung)"
                         r"(?![\p{L}])", re.I)
_DEADLINE = re.compile(r"(?i)(?<![\p{L}])(?:sampai(?:\s+dengan)?|hingga|batas|paling\s+lambat|sebelum|s\.d\.?|terhitung|"
                       r"mulai|selama|periode|mendatang|masa\s+(?:bakti|jabatan|kepengurusan|khidmat))(?![\p{L}])[\p{L}\s,\-–]{0,30}\Z|"
                       r"\d{4}\s*[-–]\s*\Z")
# openers that place an event at the occasion just reported
_SAME_OCCASION = re.compile(
    r"(?i)[\s\W]*(?:masih\s+)?(?:pada|dalam|di)\s+(?:(?:rangkaian\s+)?(?:kesempatan|acara|momen|kegiatan)|rangkaian|hari|malam|siang|"
    r"pagi|sore)\s+(?:yang\s+sama|itu|tersebut|ini)|"
    r"[\s\W]*(?:pada|dalam|di)\s+(?:lokasi|tempat|forum|ajang)\s+yang\s+sama|"
    r"[\s\W]*(?:usai|seusai|setelah|sebelum|selain|di\s+sela(?:-sela)?|bersamaan\s+dengan)\s+[^,.;\n]{1,40},|"
    r"[\s\W]*(?:selanjutnya|setelah\s+itu|sesudah\s+itu|usai\s+itu)\s*,|"  # "Selanjutnya, Kepala Kantor … menyerahkan"
    r"[\s\W]*(?:keesokan\s+harinya|(?:sehari|(?:satu|dua|tiga|empat|lima|\d)\s+hari)\s+(?:kemudian|setelahnya|sesudahnya|"
    r"berikutnya|sebelumnya)|"
    r"pada\s+hari\s+(?:yang\s+sama|itu))|"
    r"[\s\W]*sebagai\s+(?:bentuk|wujud|tanda)\s+(?:apresiasi|penghargaan)\b")  # an award given at the ceremony
# a same-occasion opener that moves some days from the occasion: "Keesokan harinya, …", "Dua hari sebelumnya, …"
_DAY_SHIFT = re.compile(r"(?i)[\s\W]*(?:keesokan\s+harinya|(?P<n>sehari|(?:satu|dua|tiga|empat|lima|\d)\s+hari)\s+(?:kemudian|"
                        r"setelahnya|sesudahnya|berikutnya|sebelumnya))")
_DAYS = {"sehari": 1, "satu": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5}
# a bare verb after "Sebelum"/"Setelah" and before a comma: a time reference to the occasion
_REFERS_BACK = re.compile(r"(?i)(?<![\p{L}])(?:sebelum|setelah|sesudah|usai|seusai)\s+(?:resmi\s+)?\Z")
_COMMA_NEXT = re.compile(r"\s*,")
_PLAN_BEFORE = re.compile(r"(?i)(?<![\p{L}])(?:menargetkan|mentargetkan|ditargetkan|merencanakan|berencana|rencananya|"
                          r"direncanakan|diharapkan|berharap|harapannya|semoga|mengusulkan|diusulkan|wacana|"
                          r"sedianya|semestinya|seharusnya|dijadwalkan)(?![\p{L}])")
_GOVERNED = re.compile(r"(?i)(?<![\p{L}])(?:melalui|dengan|kepada|dari|bersama|didampingi|oleh|untuk|bagi|di|ke|"
                       r"dan|serta|mewakili|atas|antara|menurut|kata|ujar|dijelaskan)\s+(?:\p{L}+\s+){0,1}\Z")
_NUMBERS_IN_NP = re.compile(r"(?i)(?<![\p{L}\p{N}])(?:sebanyak\s+|sekitar\s+)?\p{N}[\p{N}.,]*(?:\s+(?:ribu|juta|miliar))?\s+")
# the year of a programme ("lewat program PTSL tahun 2023", "merupakan program tahun 2014"): not the day
# of an occurrence under it
_PROGRAM_YEAR = re.compile(r"(?i)(?<![\p{L}])program(?![\p{L}])[^.,;:!?\d]{0,60}?(?:(?<![\p{L}])tahun\s+(?:anggaran\s+)?)?\Z")
_SOURCE_OF_FUNDS = re.compile(r"(?i)(?:bersumber|berasal|sumber(?:nya)?|anggaran)\s*\Z")
_FOLLOW_UP = re.compile(r"(?i)\b(?:penyerahan|peresmian|pengukuhan|pelantikan|penyaluran|peluncuran|penandatanganan|"
                        r"pembagian|pemberian|kegiatan|acara|pelaksanaan)\b")
_NONSPACE = re.compile(r"\S+")
_TITLE_GAP = re.compile(r"[\s,]*(?:[\p{Lu}(][\S]*[\s,]*)*")
_ROLE_GAP = re.compile(r"(?:[\s,]|\([^()]*\)|[\p{Lu}\p{N}][\S]*|dan)*")
_COMMA = re.compile(r",\s+")
# what a position after "dilantik" starts with: not "oleh Gubernur …", "dan mengucap sumpah …"
_POSITION_START = re.compile(r"(?i:sebagai|menjadi)\s|(?!(?i:oleh|dan|serta|di|pada|ke|untuk|secara)\b)\p{Lu}")
# counts that are no event's count: a duration ("selama 3 hari"), the total after "dari" ("2.037 dari 2.263")
_DURATION_UNITS = frozenset("hari jam menit bulan tahun minggu pekan kali malam".split())
_TOTAL_OF = re.compile(r"(?i)(?<![\p{L}])dari\s+(?:total\s+|sebanyak\s+)?\Z")
_EXAMPLE_BEFORE = re.compile(r"(?i)(?<![\p{L}])(?:misalnya|contohnya|misal)(?![\p{L}])[\s,]+(?:dengan\s+|melalui\s+)?\Z")
_SEBAGAI = re.compile(r"(?i)(?:sebagai|menjadi)\s+")
_SEBAGAI_NEXT = re.compile(r"(?i)[\s,]*(?:sebagai|menjadi)\s+(?=\p{Lu})")
_THEN_SWORN = re.compile(r"(?i)\s+(?:setelah|usai|seusai|sejak)\s+(?=(?:\p{L}+\s+)?\Z)")
_BY_TITLE_END = re.compile(r"(?i)\s+(?:pada|di|dalam|saat|yang|,)(?![\p{L}])")
_ANTARA = re.compile(r"(?i)(?<![\p{L}])antara\s+")
_DENGAN = re.compile(r"(?i)(?<![\p{L}])dengan\s+")
_LETTERS = re.compile(r"[\p{L}]+")
_OLEH = re.compile(r"(?i)(?<![\p{L}])oleh(?![\p{L}])")
_SEBELUMNYA = re.compile(r"(?i)(?<![\p{L}])sebelumnya(?![\p{L}])")
# an agent right after a passive, without "oleh": "MoU yang diteken Bupati Inhil …" reports the signing
_AGENT_NEXT = re.compile(r"\s+(?:langsung\s+)?\p{Lu}\p{Ll}")
_CONDITIONAL = re.compile(r"(?i)(?<![\p{L}])(?:kalau|jika|apabila|bila|seandainya)(?![\p{L}])")
_TURUT = re.compile(r"(?i)\bturut\b")
# an occurrence placed some undated time ago: "Sebelum menerima alat, para penerima telah mengikuti pelatihan …
# beberapa waktu lalu" is not the occasion reported, whatever its opener says (its date stays null); "turut"
# still ties it to the occasion ("turut diserahkan santunan … almarhum yang meninggal beberapa waktu lalu")
_VAGUE_PAST = re.compile(r"(?<![\p{L}])(?i:beberapa\s+(?:waktu|hari|pekan|minggu|bulan)\s+(?:lalu|sebelumnya)|"
                         r"belum\s+lama\s+ini|baru-baru\s+ini)(?![\p{L}])")
# "Setelah (sebelumnya) menyalurkan …, Pemkab kali ini/kembali menyerahkan …": the clause names an earlier
# occurrence of its own (its own date or none), not the occasion that the main clause reports
_AFTER_EARLIER = re.compile(r"(?<![\p{L}])(?i:setelah|sesudah)(?![\p{L}])")
_NEW_OCCASION = re.compile(r"(?<![\p{L}])(?i:kembali|kali\s+ini|hari\s+ini|sekarang)(?![\p{L}])")
# "… juga dilakukan dalam acara tersebut": the occasion of the event reported before, anywhere in the sentence
# (or the occasion named by its acronym: "Dalam RAT itu pula dilakukan peluncuran …")
_THAT_OCCASION = re.compile(r"(?<![\p{L}])(?i:pada|dalam|di)\s+(?:(?i:rangkaian\s+)?(?i:kesempatan|acara|momen|kegiatan)|(?i:rangkaian)|\p{Lu}{2,}\w*)"
                            r"\s+(?i:yang\s+sama|itu|tersebut)(?![\p{L}])|"
                            r"(?<![\p{L}])(?i:pada|dalam|di)\s+(?i:lokasi|tempat|forum|ajang)\s+(?i:yang\s+sama)(?![\p{L}])")
# a sentence that goes on about the occasion just reported ("Pengukuhan itu dihadiri Deputi …"): the event
# of the next sentence happens there ("… Yulianto meluncurkan program …")
_OCCASION_BEFORE = re.compile(r"(?i)[\s\W]*(?:pengukuhan|pelantikan|peresmian|acara|kegiatan|penyerahan|penandatanganan|"
                              r"peluncuran|pelatihan|upacara|seremoni)\s+(?:itu|tersebut|ini)\s+(?:juga\s+)?"
                              r"(?:dihadiri|diikuti|disaksikan|turut\s+dihadiri)(?![\p{L}])")
# a nominal trigger with nothing after it refers back: "Usai pelantikan, …", "Pelantikan dihadiri …"
_BARE_NOMINAL = re.compile(r"(?i)(?:\s+jabatan(?:nya)?)?\s*(?:[,.;:]|\s(?:itu|tersebut|ini|dihadiri|berlangsung|digelar|"
                           r"dimeriahkan|ditandai|diikuti|disaksikan|dipimpin)(?![\p{L}]))")
# a BPJS benefit paid out is aid, not an enrolment: "menyerahkan santunan jaminan kematian"
_BENEFIT_PAID = re.compile(r"(?i)(?<![\p{L}])(?:santunan|klaim|manfaat\s+(?:jaminan|JKM|JKK|JHT|beasiswa)|beasiswa)"
                           r"(?![\p{L}])")
_CLAUSE_START = re.compile(r"(?:[;:“”\"]|\b(?:bahwa|sementara\s+itu|selain\s+itu|kemudian)\b)", re.I)
_PROGRAM = re.compile(r"BPJS(?:\s+(?:Ketenagakerjaan|Kesehatan|TK|Naker))?|JKN(?:-KIS)?|Jamsostek|jaminan sosial ketenagakerjaan", re.I)
# where a subject noun phrase before the trigger ends: at an adverb ("Pemkab telah menyerahkan") or the end
# a comma inside the recipient noun phrase: the rest of a list ("usaha mikro, kecil dan menengah") or the
# places that locate it ("warga Desa Lantan, Kecamatan Batukliang Utara, Lombok Tengah menerima …")
_NP_GOES_ON = re.compile(r"(?i)(?:kecil|menengah|kec\.|kecamatan|kab\.|kabupaten|kota|provinsi|desa|kelurahan)\b|"
                         r"\s*(?-i:(?:\p{Lu}\p{L}{0,2}\.){1,3}\p{L}{0,3}\.?)\s*,|"  # a degree after the name: ", M.Si., menerima"
                         r"(?-i:\p{Lu}\p{L}*(?:\s+\p{Lu}\p{L}*)*(?:\s+\(\p{Lu}[\p{L}]*\))?\s+)(?=\p{Ll})")
# two parties joined: "antara Dinas Koperasi … dan PT Pos Indonesia"
_AND = re.compile(r"\s(?:dan|dengan)\s")
# a programme as the subject of a passive verb ("program pembinaan … dilaksanakan …")
_PROGRAM_SUBJECT = re.compile(r"(?i)\s*(?:\p{L}+\s+){0,2}program(?:nya)?(?![\p{L}])")
_ATTENDED_BY = re.compile(r"(?i)(?<![\p{L}])diikuti\s+oleh\s+\Z")
# a habit stated right after the verb ("dilaksanakan secara berkala", "digelar setiap tahun")
_HABIT_AFTER = re.compile(r"(?i)(?:\s+(?:yang\s+)?(?:di|ber)\p{L}+)?\s+(?:secara\s+)?(?:berkala|rutin|(?:setiap|tiap)\s+(?:hari|pekan|minggu|bulan|"
                          r"triwulan|semester|tahun))(?![\p{L}])")
# a habit stated before the verb, in its clause: "Setiap tahun Pemkab Sragen menyalurkan …", "rutin menggelar …"
_HABIT_BEFORE = re.compile(r"(?i)(?<![\p{L}])(?:(?:setiap|tiap)\s+(?:hari|pekan|minggu|bulan|triwulan|semester|tahun)|"
                           r"secara\s+(?:rutin|berkala)|rutin|selalu|biasanya)(?![\p{L}])[^,.;:!?]*\Z")
# a loan disbursement reported as a running total ("hingga Mei 2021 telah menyalurkan KUR", "realisasi KUR")
_LOAN = re.compile(r"(?i)(?<![\p{L}])(?:KUR|kredit|pinjaman|pembiayaan)(?![\p{L}])")
_RUNNING_TOTAL = re.compile(
    r"(?i)(?<![\p{L}])(?:realisasi|terealisasi|merealisasikan|total|tercatat|(?:hingga|sampai(?:\s+dengan)?|s\.d\.?)\s+"
    r"(?:akhir\s+|awal\s+|pertengahan\s+)?(?:bulan\s+)?(?:januari|februari|maret|april|mei|juni|juli|agustus|"
    r"september|oktober|november|desember|tahun|\d{4}|saat\s+ini|kini|sekarang))(?![\p{L}])")
_SUBJECT_END = re.compile(r"\s+(?=(?:telah|sudah|juga|secara|akan|pun|kembali|resmi|langsung|berhasil|sukses|sempat|turut|ikut)\b)|\s*$")
_RECIPIENT_END = re.compile(r"\s+(?=(?:telah|sudah|juga|secara|akan|pun|kembali|ikut|turut|langsung)\b)|\s*$")


_OPENING_QUOTE = re.compile(r"\s+[“\"](?=[\p{L}\p{N}])")
_CLOSING_QUOTE = re.compile(r"(?<=[\p{L}\p{N}.!?])[”\"]")


def _np(text: str, start: int, limit: int, stop: re.Pattern[str] = _STOP_AFTER, max_words: int = 14) -> Span | None:
    m = _ADVERBS.match(text, start, limit)
    s = m.end() if m else start
    while s < limit and text[s] in " \t":
        s += 1
    if s >= limit:
        return None
    st = stop.search(text, s, limit)
    while st is not None and (q := _OPENING_QUOTE.match(text, st.start(), limit)) is not None:
        close = _CLOSING_QUOTE.search(text, q.end(), min(limit, q.end() + 80))
        if close is None:
            break
        st = stop.search(text, close.end(), limit)  # a quoted name goes on the phrase: program "Satu Desa Satu Produk"
    e = st.start() if st else limit
    words = list(islice(_NONSPACE.finditer(text, s, e), max_words + 1))  # enough to see whether it is longer
    if not words:
        return None
    if len(words) > max_words:
        e = words[max_words - 1].end()
    e = s + len(text[s:e].rstrip(" ,"))
    return (s, e) if e > s else None


@dataclass
class _Ctx:
    text: str
    persons: Sequence[Person]
    orgs: Sequence[Organization]
    dates: Sequence[DateMention]
    counts: Sequence[Count]
    person_at: list[tuple[int, int, Person]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.person_at = sorted((s, e, p) for p in self.persons for s, e in p.mentions)

    def entity_in(self, s: int, e: int) -> tuple[str, Span] | None:
        """The first person (by full name) or organisation inside [s, e)."""
        best: tuple[int, str, Span] | None = None
        for ps, pe, p in self.person_at:
            if s <= ps and pe <= e:
                best = (ps, p.name, (ps, pe))
                break
        for o in self.orgs:
            if s <= o.start and o.end <= e and (best is None or o.start < best[0]):
                best = (o.start, o.name, (o.start, o.end))
                break
        return (best[1], best[2]) if best else None

    def entities(self, s: int, e: int) -> list[tuple[int, int, str]]:
        """Persons (by full name) and organisations inside [s, e), in text order; an organisation
        that is only the unit of a following person's title ("Menteri Koperasi dan UKM Teten") is dropped."""
        found = [(ps, pe, p.name) for ps, pe, p in self.person_at if s <= ps and pe <= e]
        for o in self.orgs:
            if s <= o.start and o.end <= e and not any(
                    0 <= ps - o.end < 60 and _TITLE_GAP.fullmatch(self.text[o.end:ps])
                    for ps, _, _ in found):
                found.append((o.start, o.end, o.name))
        return sorted(found)

    def subject(self, s: int, e: int) -> tuple[str, Span] | None:
        """The first person or organisation of [s, e) that no preposition governs."""
        for a, b, name in self.entities(s, e):
            if not _GOVERNED.search(self.text, max(s, a - 30), a):
                return name, (a, b)
        return None

    def role_entity(self, s: int, e: int) -> tuple[str, Span] | None:
        """A person/organisation right at `s`, perhaps behind its title: "Menteri Perdagangan RI, Zulkifli Hasan"."""
        for a, b, name in self.entities(s, e):
            gap = self.text[s:a]
            if _ROLE_GAP.fullmatch(gap):
                return name, (a, b)
            break
        return None

    def person_before(self, pos: int) -> tuple[str, Span] | None:
        prev = [(s, e, p) for s, e, p in self.person_at if e <= pos]
        return (prev[-1][2].name, (prev[-1][0], prev[-1][1])) if prev else None


# a comma that goes on with a place: "Pasar Rakyat Songan di Desa Songan A, Kecamatan Kintamani, diresmikan …" (the
# subject is the market, not the kecamatan)
_PLACE_GOES_ON = re.compile(r"[ ]*(?:Desa|Kelurahan|Kecamatan|Kabupaten|Kota|Provinsi|Kab\.|Kec\.)[ ]")


def _fill(ctx: _Ctx, lex: EventLexicon, rule: _Rule, m: re.Match[str], sent: Span) -> dict[str, tuple[Any, Span]]:
    text = ctx.text
    ss, se = sent
    ts, te = m.span()
    slots: dict[str, tuple[Any, Span]] = {}
    # clause before the trigger
    cs = ss
    for c in _CLAUSE_START.finditer(text, ss, ts):
        cs = c.end()
    before = (cs, ts)

    def role_np(prep: str, lo: int, hi: int) -> tuple[str, Span] | None:
        if prep == "location":  # the first place after "di"; one the occasion is said to be held at first
            found = []
            for pm in _PREP[prep].finditer(text, lo, hi):
                lm = _LOCATION.match(text, pm.end(), hi)
                if lm:
                    found.append((_HELD_BEFORE.search(text, max(lo, pm.start() - 30), pm.start()) is None, lm))
            if not found:
                return None
            lm = min(found, key=lambda f: f[0])[1]
            return " ".join(lm.group().split()), lm.span()
        pm = _PREP[prep].search(text, lo, hi)
        if not pm:
            return None
        ent = ctx.role_entity(pm.end(), min(hi, pm.end() + 100))
        if ent:
            return ent
        sp = _np(text, pm.end(), hi, _STOP_AFTER)
        if sp is None:
            return None
        return text[sp[0]:sp[1]], sp

    subj = ctx.subject(*before) or ctx.subject(ss, ts)
    if subj is None:
        pro = None
        for pm in lex.pronouns.finditer(text, before[0], before[1]):
            pro = pm
        if pro is not None:
            subj = ctx.person_before(ss) or ctx.person_before(ts)
        else:
            lo = before[0]
            for c in _COMMA.finditer(text[before[0]:before[1]]):
                if before[0] + c.end() < before[1] - 2 and not _PLACE_GOES_ON.match(text, before[0] + c.end()):
                    lo = before[0] + c.end()
            sp = _np(text, lo, before[1], _SUBJECT_END)
            if sp:
                subj = (text[sp[0]:sp[1]], sp)
    after = _np(text, te, se)
    voice = rule.voice
    if voice == "active":
        if subj:
            slots["agent"] = subj
        elif (ag := role_np("agent", te, se)) is not None:
            slots["agent"] = ag  # no subject: the verb form used as a noun, "Launching … dilakukan Wali Kota …"
        if after:
            slots["theme"] = (text[after[0]:after[1]], after)
    elif voice == "passive_theme_after":
        if after:
            slots["theme"] = (text[after[0]:after[1]], after)
        ag = role_np("agent", te, se)
        if ag:
            slots["agent"] = ag
    elif voice == "passive_attended":
        att = role_np("agent", te, se)  # "… diikuti oleh 300 pelaku UMKM": who took part
        if att:
            slots["recipient"] = att
    elif voice in ("passive", "passive_person"):
        ag = role_np("agent", te, se)
        if ag is None:
            m2 = _ADVERBS.match(text, te, se)
            ag = ctx.role_entity(m2.end() if m2 else te, min(se, te + 100))
        if ag is None and voice == "passive":
            bt = _BARE_AGENT.match(text, te, se)  # "kartu … diserahkan Bupati kepada 320 nelayan": a bare office
            if bt is not None:
                ag = (bt.group("office"), bt.span("office"))
        if ag:
            slots["agent"] = ag
        if subj:
            slots["recipient" if voice == "passive_person" else "theme"] = subj
        if voice == "passive_person" and after and _POSITION_START.match(text, after[0]):
            slots["theme"] = (text[after[0]:after[1]], after)  # "dilantik sebagai Kepala Dinas", "dilantik Bupati"
            sb = None if _SEBAGAI.match(text, after[0]) else _SEBAGAI_NEXT.match(text, after[1])
            office = _np(text, sb.end(), se) if sb else None
            if office is not None:  # "dilantik Pj Bupati sebagai Kepala Dinas …": who swore in, then the office
                slots["theme"] = (text[office[0]:office[1]], office)
                slots.setdefault("agent", (text[after[0]:after[1]], after))
        if rule.id == "award.passive_received":
            if "agent" in slots:
                slots["recipient"] = slots.pop("agent")  # "diterima (langsung oleh) Wali Kota …": who received it
            src = role_np("source", te, se)
            if src:
                slots["source"] = src
    elif voice == "passive_office_before":
        # "Dwi Retno Palupi, yang resmi menjadi Kepala Dinas … setelah dilantik Bupati pada Jumat (7/2/2025)"
        offices = list(_SEBAGAI.finditer(text, ss, ts))
        of = offices[-1] if offices else None  # the last "menjadi"/"sebagai" before the trigger
        link = _THEN_SWORN.search(text, of.end(), ts) if of else None
        if of and link:
            sp = (of.end(), of.end() + len(text[of.end():link.start()].rstrip(" ,")))
            slots["theme"] = (text[sp[0]:sp[1]], sp)
        ag = role_np("agent", te, se) or ctx.role_entity(te, min(se, te + 60))
        if ag is None and after and _POSITION_START.match(text, after[0]):
            st = _BY_TITLE_END.search(text, after[0], after[1])
            sp = (after[0], st.start() if st else after[1])
            ag = (text[sp[0]:sp[1]], sp)  # "dilantik Bupati": the bare agent of a passive
        if ag:
            slots["agent"] = ag
        who = ctx.person_before(of.start()) if of else None
        if who or subj:
            slots["recipient"] = who or subj
    elif voice == "receive":
        lo = before[0]
        for c in _COMMA.finditer(text, before[0], before[1]):
            if c.end() < ts - 2 and not _NP_GOES_ON.match(text, c.end(), ts):
                lo = c.end()
        near = ctx.subject(lo, ts)
        sp = _np(text, lo, ts, _RECIPIENT_END)
        if near:
            slots["recipient"] = near
        elif sp:
            slots["recipient"] = (text[sp[0]:sp[1]], sp)
        elif subj:
            slots["recipient"] = subj
        if after:
            slots["theme"] = (text[after[0]:after[1]], after)
        src = role_np("source", te, se)
        if src and not _SOURCE_OF_FUNDS.search(text, max(ss, src[1][0] - 20), max(ss, src[1][0] - 5)):
            slots["source"] = src
    else:  # nominal
        if after:
            slots["theme"] = (text[after[0]:after[1]], after)
        ag = role_np("agent", te, se)
        if ag:
            slots["agent"] = ag
    ag = slots.get("agent")
    if ag is not None and rule.type == "training_held" and _ATTENDED_BY.search(text, max(ss, ag[1][0] - 20), ag[1][0]):
        att = slots.pop("agent")  # "Pelatihan yang diikuti oleh 300 pelaku UMKM": the participants
        slots.setdefault("recipient", att)
    rec = role_np("recipient", te, se)
    if rec and "recipient" not in slots:
        slots["recipient"] = rec
    loc = role_np("location", te, se) or role_np("location", ss, ts)
    if loc:
        slots["location"] = loc
        theme = slots.get("theme")
        if theme is not None and theme[1][0] < loc[1][0] < theme[1][1]:
            # "Pasar Rakyat Songan di Desa Songan A, Kecamatan Kintamani, diresmikan …": the place is the location
            cut = text.rfind(" di ", theme[1][0], loc[1][0])
            if cut > theme[1][0]:
                slots["theme"] = (text[theme[1][0]:cut], (theme[1][0], cut))
    if rule.type == "official_inaugurated" and voice == "active":
        sb = _SEBAGAI.search(text, te, min(se, te + 150))  # "melantik Muhammad S Rizal, S.E., M.M., sebagai Kepala …"
        who = ctx.role_entity(te, sb.start()) if sb else None
        office = _np(text, sb.end(), se) if sb else None
        if who and office:
            slots["recipient"] = who
            slots["theme"] = (text[office[0]:office[1]], office)
        elif rule.id == "official.active_group" and "theme" in slots:
            slots["recipient"] = slots.pop("theme")  # "melantik empat pejabat …": the officials, no office named
    if "theme" in slots and rule.type == "official_inaugurated":
        val, sp = slots["theme"]
        m2 = _SEBAGAI.match(val)
        if m2:
            slots["theme"] = (val[m2.end():], (sp[0] + m2.end(), sp[1]))
    if rule.type == "agreement_signed":
        pm = _ANTARA.search(text[te:se])
        partner = _DENGAN.search(text[te:se])
        if pm:
            ents = ctx.entities(te + pm.end(), se)[:2]
            if len(ents) == 2:
                slots["agent"] = (f"{ents[0][2]} dan {ents[1][2]}", (ents[0][0], ents[1][1]))
            elif "agent" not in slots and (both := _np(text, te + pm.end(), se)) is not None \
                    and _AND.search(text, *both):
                slots["agent"] = (" ".join(text[both[0]:both[1]].split()), both)  # the parties as written
        elif partner and "agent" in slots:
            other = ctx.role_entity(te + partner.end(), min(se, te + partner.end() + 100))
            if other:
                slots["agent"] = (f"{slots['agent'][0]} dan {other[0]}", (slots["agent"][1][0], other[1][1]))
    pg = _PROGRAM.search(text, ss, se)
    if pg:
        slots["program"] = (pg.group(), pg.span())
    cnts = [c for c in ctx.counts if ss <= c.start and c.end <= se and c.unit not in ("rupiah", "persen")
            and not c.approximate and c.unit.split()[0].casefold() not in _DURATION_UNITS
            and not _TOTAL_OF.search(text, max(ss, c.start - 12), c.start)]
    if cnts:
        c = min(cnts, key=lambda c: abs(c.start - te))
        slots["count"] = (c.value, (c.start, c.end))
        if "recipient" not in slots and rule.type in ("training_held", "aid_distributed", "insurance_enrolled"):
            unit_at = c.end - len(c.unit) if c.text.endswith(c.unit) else c.start
            slots["recipient"] = (c.unit, (unit_at, c.end))
    rec = slots.get("recipient")
    if rec and isinstance(rec[0], str) and _NUMBERS_IN_NP.search(rec[0]):
        stripped = " ".join(_NUMBERS_IN_NP.sub("", rec[0]).split())
        if stripped:
            slots["recipient"] = (stripped, rec[1])  # "44.259 pekerja rentan dan 3.581 marbot" -> the people
    return slots


def _date_for(ctx: _Ctx, sent: Span, ts: int) -> DateMention | None:
    here = [d for d in ctx.dates if sent[0] <= d.start and d.end <= sent[1]]
    # a deadline, a programme's year or a budget year ("iuran ditanggung APBK … Tahun Anggaran 2025") is not when it
    # happened
    ds = [d for d in here if not _DEADLINE.search(ctx.text, max(sent[0], d.start - 45), d.start)
          and d.rule != "date.budget_year"
          and not (len(d.value) == 4 and _PROGRAM_YEAR.search(ctx.text, max(sent[0], d.start - 80), d.start))]
    if not ds:
        return None
    after = [d for d in ds if d.start >= ts]
    best = min(after, key=lambda d: d.start - ts) if after else max(ds, key=lambda d: d.start)
    if len(best.value) == 4:
        # the year of an occasion's name before its day: "… pada puncak Harkopnas ke-78 Tahun 2025, Sabtu (12/7/2025)"
        day = next((d for d in after if d.start > best.start and len(d.value) == 10 and d.value.startswith(best.value)),
                   None)
        best = day or best
    # a range ("19-20 Februari 2025") gives two mentions side by side: the occurrence starts at the first; the
    # range is judged by its written end ("selama tiga hari yakni 26-28 Oktober 2022" is no deadline)
    joined = [d for d in here if len(d.value) == len(best.value)
              and (abs(d.start - best.start) <= 3 or (d.start <= best.start < d.end + 3))]
    return min(joined, key=lambda d: d.value)


# a sentence that opens on an earlier time: "Sebelumnya, …", "Pada tahun 2022, …"
_PAST_OPENING = re.compile(r"(?i)[\s\W]*(?:sebelumnya|sebelum\s+(?:itu|ini)|(?:pada|di)\s+(?:tahun\s+)?\d{4}|tahun\s+\d{4})"
                           r"(?![\p{L}\d])")


def _past_occurrence(text: str, ss: int, ts: int, date: str, published: str | None) -> bool:
    """Whether the event of a sentence that opens on an earlier time, dated in an earlier year than the article,
    is an occurrence of its own (NOTES dev-124: the award of 2022 beside today's): it merges with no other."""
    return (published is not None and date[:4] < published[:4]
            and _PAST_OPENING.match(text, ss, ts) is not None)


def _earlier_clause(text: str, sent: Span, ts: int) -> Span | None:
    """The "Setelah …," clause around `ts` when the main clause after it reports the occasion of the day
    ("…, Pemko kali ini mengucurkan …", "…, hari ini … meluncurkan …", "…, Pemkab kembali menyalurkan …")."""
    for m in _AFTER_EARLIER.finditer(text, sent[0], ts):
        depth, i = 0, m.end()
        while i < sent[1]:
            c = text[i]
            if c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
            elif c == "," and depth <= 0:
                break
            i += 1
        if m.end() <= ts < i < sent[1] and _NEW_OCCASION.search(text, i, min(sent[1], i + 120)):
            return m.start(), i
    return None


# "… pengurus yang baru dikukuhkan …": a relative clause that refers back
_RELATIVE_ADVERBS = frozenset("baru telah sudah resmi".split())
# a year of its own after the trigger: "… juga sebelumnya diterima Bupati ASA di tahun 2022" is an occurrence
_OWN_YEAR = re.compile(r"(?<![\d.,/])(?:19|20)\d{2}(?![\d.,/])")


def _negated(lex: EventLexicon, rule: _Rule, text: str, sent: Span, ts: int, te: int,
             earlier: bool = False) -> bool:
    pre = text[max(sent[0], ts - 40):ts]
    words = _LETTERS.findall(pre)[-3:]
    if any(lex.negation.fullmatch(w) and (w.casefold() != "untuk" or k == len(words) - 1 or not rule.voice.startswith("passive"))
           for k, w in enumerate(words)):
        return True  # "untuk" only right before a passive: "Bantuan untuk pelaku usaha diserahkan …" happened
    if words and words[-1].casefold() == "tinggal":
        return True  # "tinggal ikut pendampingan": all one still has to do, no occurrence
    if rule.voice == "receive" and any(w.casefold() == "yang" for w in words):
        return True  # a state in a relative clause: "produk yang sudah mendapat sertifikat"
    if rule.voice == "nominal" and _AFTER_PLAN.search(text, te, min(sent[1], te + 100)):
        return True  # "Peluncuran … akan dilakukan Presiden pada …"
    if rule.voice == "nominal" and words and words[-1].casefold() in ("program", "programnya", "skema", "mekanisme", "proses"):
        return True  # "program pemberian bantuan": the programme, not an occurrence
    if _PLAN_BEFORE.search(text, sent[0], ts):
        return True  # "Pemkot menargetkan seluruh pengurus terdaftar sebagai peserta BPJS …"
    if _REFERS_BACK.search(text, max(sent[0], ts - 12), ts) and _COMMA_NEXT.match(text, te):
        return True  # "Sebelum dilantik, Siti menjabat …": the occasion already reported, as a time reference
    if _EXAMPLE_BEFORE.search(text, max(sent[0], ts - 30), ts):
        return True  # "memperluas jaringan, misalnya dengan penandatanganan MoU …": a way of working, no occurrence
    segs = _COMMA.split(text[sent[0]:ts])
    if rule.type != "program_launched" and (
            (rule.voice.startswith("passive") and any(_PROGRAM_SUBJECT.match(seg) for seg in segs))
            or (rule.voice == "nominal" and _PROGRAM_SUBJECT.match(segs[-1]))):
        return True  # "tahun ini program pembinaan dan pelatihan …, dilaksanakan melalui DAK": the programme runs
        # (a programme that is launched is the launch's object: "Program Kredit Mesra resmi diluncurkan …")
    if _HABIT_AFTER.match(text, te, sent[1]) or _HABIT_BEFORE.search(text, max(sent[0], ts - 80), ts):
        return True  # "pelatihan dilaksanakan secara berkala": a habit, not an occurrence
    rel = [w.casefold() for w in words[-2:]]
    if rule.voice in ("passive", "passive_person", "passive_attended") and rel and (
            rel[-1] == "yang" or (len(rel) == 2 and rel[0] == "yang" and rel[1] in _RELATIVE_ADVERBS)) \
            and not _OLEH.search(text, te, sent[1]) and not _AGENT_NEXT.match(text, te, sent[1]):
        return True  # "Salah satu yang dilantik adalah …": refers back to an occurrence already reported
    if (not earlier and _SEBELUMNYA.search(text, max(sent[0], ts - 25), ts) and not _DAY_SHIFT.match(text, sent[0], ts)
            and not _OWN_YEAR.search(text, te, sent[1])):
        return True  # "Setelah sebelumnya menyerahkan …": an earlier occurrence mentioned in passing (but "Sehari
        # sebelumnya, …" dates an occurrence from the occasion)
    return bool(_CONDITIONAL.search(text, sent[0], ts))


def _rule_candidates(lex: EventLexicon, words: WordIndex, sentences: Sequence[Span]
                     ) -> dict[int, list[tuple[_Rule, list[int] | None]]]:
    """Sentence number -> the rules whose first words occur in it, with their starts there.

    Work in proportion to the trigger words of the article, not rules × sentences. Rules whose first
    words are unknown (`first_words` gave None) are listed under -1: they are tried in every
    sentence that `any_trigger` accepts."""
    firsts = [s for s, _ in sentences]
    out: dict[int, list[tuple[_Rule, list[int] | None]]] = {}
    starts: dict[int, list[int]] = {}  # rule number -> the starts of its first words in the article
    for w, ids in lex.first_index.items():
        at = words.positions(w)
        if at:
            for i in ids:
                starts.setdefault(i, []).extend(at)
    for i, rule in enumerate(lex.rules):
        if rule.first is None:
            out.setdefault(-1, []).append((rule, None))
            continue
        for p in sorted(starts.get(i, ())):
            k = bisect_right(firsts, p) - 1
            if k < 0 or p >= sentences[k][1]:
                continue  # outside every sentence (headline, boilerplate)
            here = out.setdefault(k, [])
            if here and here[-1][0] is rule:
                here[-1][1].append(p)  # type: ignore[union-attr]
            else:
                here.append((rule, [p]))
    return out


def _nested(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a.startswith(b) or b.startswith(a)


def find_events(text: str, *, sentences: Sequence[Span], persons: Sequence[Person] = (),
                organizations: Sequence[Organization] = (), dates: Sequence[DateMention] = (),
                counts: Sequence[Count] = (), lexicon: EventLexicon | None = None,
                index: WordIndex | None = None, published: str | None = None) -> list[Event]:
    """Events reported in the given sentences, one per real occurrence.

    `index` is the article's word index when the caller has one (built here otherwise). `published` anchors
    the lead date that undated occurrences take (`rules.event_dates`)."""
    lex = lexicon or default_lexicon()
    ctx = _Ctx(text, persons, organizations, dates, counts)
    raw: list[Event] = []
    sent_index: dict[Span, int] = {}
    same_occasion: set[int] = set()  # ids of events said to share the occasion of an earlier one
    earlier: set[int] = set()  # trigger starts of occurrences before the reported one ("Setelah …, kali ini …")
    candidates = _rule_candidates(lex, index if index is not None else WordIndex(text), sentences)
    for k, sent in enumerate(sentences):
        ss, se = sent
        claimed: list[Span] = []
        sent_events: list[Event] = []
        here = candidates.get(k, [])
        if -1 in candidates and lex.any_trigger.search(text, ss, se):
            order = {id(r): i for i, r in enumerate(lex.rules)}
            here = sorted(here + candidates[-1], key=lambda c: order[id(c[0])])
        for rule, rule_starts in here:
            for m in finditer_at(rule.trigger, rule_starts, text, ss, se):
                ts, te = m.span()
                if any(a < te and ts < b for a, b in claimed):
                    continue
                end = te
                if rule.with_after is not None:
                    w = rule.with_after.search(text, te, min(se, te + rule.window + 1))
                    if not w or (rule.window and w.start() - te > rule.window):
                        if rule.with_before is None:
                            continue
                        w = None
                    elif w:
                        end = w.end() if w.start() - te <= 3 else te
                    if w is None and rule.with_before is not None:
                        if not rule.with_before.search(text, max(ss, ts - rule.window), ts):
                            continue
                elif rule.with_before is not None:
                    if not rule.with_before.search(text, max(ss, ts - rule.window), ts):
                        continue
                if rule.sentence_has is not None and not rule.sentence_has.search(text, ss, se):
                    continue
                clause = _earlier_clause(text, sent, ts)
                if _negated(lex, rule, text, sent, ts, te, earlier=clause is not None):
                    continue
                if rule.voice == "nominal" and (raw or sent_events) and _BARE_NOMINAL.match(text, te, se):
                    continue  # "Usai pelantikan, …", "Pelantikan dihadiri …": the event already reported
                claimed.append((ts, te))
                slots = _fill(ctx, lex, rule, m, sent)
                if clause is not None and rule.voice == "active" and ctx.subject(clause[0], ts) is None:
                    main_subj = ctx.subject(clause[1], min(se, clause[1] + 100))
                    if main_subj:  # "Setelah menyalurkan …, Pemko Padang Panjang kali ini …": the same actor
                        slots["agent"] = main_subj
                role_names = lex.types[rule.type]
                roles: dict[str, Any] = {}
                spans: dict[str, Span] = {}
                for slot, (val, sp) in slots.items():
                    role = role_names.get(slot)
                    if role and role not in roles:
                        roles[role] = val
                        spans[role] = sp
                d = _date_for(ctx, clause or sent, ts)  # an earlier occurrence: only its own clause dates it
                if (d is not None and len(d.value) < 10 and clause is None
                        and ((_SAME_OCCASION.match(text, ss, ts) and not _DAY_SHIFT.match(text, ss, ts))
                             or _THAT_OCCASION.search(text, ss, se))):
                    d = None  # "Pada kesempatan yang sama, … kepada ahli waris … yang meninggal Juni lalu": the month
                    # or year belongs to something else in the sentence; the occasion's day dates it (below)
                etype = rule.type
                pg = _PROGRAM.search(text, ss, se) if etype == "aid_distributed" else None
                if pg and not _BENEFIT_PAID.search(text, te, min(se, te + 40)):
                    etype = "insurance_enrolled"  # a BPJS card handover is an enrolment, not aid
                    roles = _remap(roles, lex.types["aid_distributed"], lex.types["insurance_enrolled"])
                    spans = {k: spans[v] for k, v in _remap_names(lex.types["aid_distributed"], lex.types["insurance_enrolled"]).items() if v in spans}
                    roles["program"] = pg.group()
                    spans["program"] = pg.span()
                if (etype == "program_launched" and lex.launched_place is not None
                        and isinstance(roles.get("object"), str) and lex.launched_place.match(roles["object"])):
                    etype = "facility_inaugurated"  # "resmi meluncurkan Mal Pelayanan Publik": a place is opened
                if (etype == "facility_inaugurated" and lex.opened_activity is not None
                        and isinstance(roles.get("object"), str) and lex.opened_activity.match(roles["object"])):
                    claimed.pop()  # the trigger may still hold the activity itself (a training opened)
                    continue  # "Pelatihan pembuatan keripik dibuka secara resmi": an activity began, no facility
                date = d.value if d else None
                if (etype == "aid_distributed" and (date is None or len(date) < 10)
                        and _LOAN.search(text, max(ss, ts - 100), min(se, te + 60))
                        and _RUNNING_TOTAL.search(text, sentences[max(0, k - 1)][0],
                                                  sentences[min(len(sentences) - 1, k + 1)][1])):
                    continue  # a loan programme's running total, not a handover on a day
                ev = Event(type=etype, date=date, trigger=text[ts:end], roles=roles, sentence=text[ss:se],
                           sentence_start=ss, trigger_start=ts, trigger_end=end, role_spans=spans, rule=rule.id)
                sent_events.append(ev)
                if clause is not None or (date is not None and _past_occurrence(text, ss, ts, date, published)):
                    earlier.add(ts)  # "Sebelumnya, pada tahun 2023 Wonosobo juga meraih …": its own occurrence
                    continue
                if date is None and (_TURUT.search(text, max(ss, ts - 12), te)
                                     or (_SAME_OCCASION.match(text, ss, ts) and not _VAGUE_PAST.search(text, ss, se))
                                     or _THAT_OCCASION.search(text, ss, se)
                                     or (k > 0 and _OCCASION_BEFORE.match(text, sentences[k - 1][0], sentences[k - 1][1]))):
                    same_occasion.add(id(ev))  # "turut diserahkan …", "Usai penandatanganan, …": dated below
        # a nominal trigger inside another event's object is that object, not an event: "meluncurkan pemberian BPJS"
        # … unless coordinated: "Launching Website UMKM dan Penyerahan simbolis Program Sosial": two occurrences,
        # the first one's object ends before "dan"
        sent_events = _split_coordinated(text, sent_events)
        themes = [sp for ev in sent_events for r, sp in ev.role_spans.items() if r in ("object", "item", "award")]
        sent_events = [ev for ev in sent_events if not (ev.rule.endswith("nominal") and any(
            a <= ev.trigger_start < b for a, b in themes))]
        raw.extend(sorted(sent_events, key=lambda ev: ev.trigger_start))  # in text order, whatever the rule order
        sent_index[sent] = len(sent_events)
    _borrow_neighbour_dates(ctx, raw, sentences, sent_index,
                            skip=same_occasion | {id(ev) for ev in raw if ev.trigger_start in earlier})
    located = {t: slots["location"] for t, slots in lex.types.items() if "location" in slots}
    _date_same_occasion(ctx, raw, same_occasion, earlier, located)
    occasion_starts = {ev.trigger_start for ev in raw if id(ev) in same_occasion}
    merged = date_from_lead(text, _merge(raw, earlier), sentences, dates, published, keep=earlier)
    # the occasion itself may have taken the lead's day only now
    _date_same_occasion(ctx, merged, {id(ev) for ev in merged if ev.trigger_start in occasion_starts}, earlier, located)
    _handed_over_by(ctx, merged, sentences)
    return [_title_to_person(ctx, _tidy_roles(text, _venue_after(text, ev, sentences, lex)))
            for ev in _merge(merged, earlier)]


_PERSON_ROLES = ("agent", "giver", "recipient", "organizer")
_BARE_TITLE = re.compile(r"(?i)(?:sang\s+|pak\s+|bu\s+)?(?P<title>(?:pj\.?\s+|plt\.?\s+|wakil\s+)?(?:bupati|wali\s*kota|"
                         r"gubernur|camat|lurah|sekda|kepala\s+desa|kades|menteri))(?:\s+(?P<place>\p{Lu}[\p{L}\s]*))?")


# "Penyerahan dilakukan secara simbolis oleh Bupati Serang Ratu …", "Kartu itu diserahkan langsung oleh …": the person
# who handed over the occurrence just reported
_HANDOVER_BY = re.compile(r"(?i)[\s\W]*(?:(?:penyerahan|penyaluran|pemberian|pembagian|bantuan|kartu)(?![\p{L}])[^.;:!?]{0,80}?|"
                          r"[^.;:!?]{0,80}?(?<![\p{L}])(?:itu|tersebut)\s+)"  # "Gerobak dari Kementerian … itu diserahkan …"
                          r"(?<![\p{L}])(?:dilakukan|diserahkan|disalurkan|diberikan|dibagikan)\s+(?:secara\s+simbolis\s+|"
                          r"(?:secara\s+)?langsung\s+)?(?:oleh\s+)?")
_GIVER_ROLE = {"aid_distributed": "giver", "insurance_enrolled": "agent"}
_HANDOVER_VERB = re.compile(r"(?i)(?:dilakukan|diserahkan|disalurkan|diberikan|dibagikan)(?![\p{L}])")


def _handed_over_by(ctx: _Ctx, raw: list[Event], sentences: Sequence[Span]) -> None:
    """A sentence of its own naming who handed over the handover just reported gives its giver (its agent, for
    an enrolment), when the event has none or only an organisation: NOTES dev-143, the Bupati who handed over."""
    names = {p.name for p in ctx.persons}
    first = min((ev.sentence_start for ev in raw if ev.type in _GIVER_ROLE), default=None)
    for ss, se in sentences if first is not None else ():
        if ss <= first or not _HANDOVER_VERB.search(ctx.text, ss, se):
            continue  # before any handover, or no verb of handing over: the costly pattern is not tried
        m = _HANDOVER_BY.match(ctx.text, ss, se)
        if m is None:
            continue
        who = ctx.role_entity(m.end(), min(se, m.end() + 120))
        if who is None or who[0] not in names:
            continue
        k = next((i for i in range(len(raw) - 1, -1, -1) if raw[i].trigger_start < ss), None)
        if k is None or raw[k].type not in _GIVER_ROLE:
            continue
        role = _GIVER_ROLE[raw[k].type]
        if raw[k].sentence_start == ss or raw[k].roles.get(role) in names:
            continue
        roles, spans = {**raw[k].roles, role: who[0]}, {**raw[k].role_spans, role: who[1]}
        venue = _venue_in(ctx.text, who[1][1], se)  # "… oleh Bupati Pinrang Andi … di Kantor Bank Sulselbar …"
        where = roles.get("location")
        if venue is not None and raw[k].type == "aid_distributed" and (where is None or _REGION_ONLY.match(where)):
            roles["location"], spans["location"] = ctx.text[venue[0]:venue[1]], venue
        raw[k] = replace(raw[k], roles=roles, role_spans=spans)
    for k, ev in enumerate(raw):  # "… dibuka oleh Asisten II Sabri Ilyas, ditandai dengan penyerahan mesin sangrai"
        if ev.type != "aid_distributed" or ev.roles.get("giver") is not None:
            continue
        mark = _MARKED_BY.search(ctx.text, ev.sentence_start, ev.trigger_start)
        by = _OLEH.search(ctx.text, ev.sentence_start, mark.start()) if mark else None
        who = ctx.role_entity(by.end(), mark.start()) if by else None
        if who is not None and who[0] in names:
            raw[k] = replace(ev, roles={**ev.roles, "giver": who[0]}, role_spans={**ev.role_spans, "giver": who[1]})


_MARKED_BY = re.compile(r"(?i)(?<![\p{L}])ditandai\s+(?:dengan\s+)?\Z")


_DI = re.compile(r"(?<![\p{L}])di\s+")
_VENUE_FIRST = re.compile(r"(?i:kantor|gedung|aula|ruang|pendopo|pendapa|halaman|lapangan|balai|rumah|kawasan|komplek|"
                          r"kompleks|mal|mall|sentra|hotel|gelanggang|auditorium)\s")
# a location that only names a region: a better venue may replace it
_REGION_ONLY = re.compile(r"(?i:kabupaten|kota|provinsi|kecamatan|desa|kelurahan)\s+\p{Lu}[\p{L}\s]*\Z")


def _venue_in(text: str, start: int, end: int) -> Span | None:
    """The venue after the first "di" of text[start:end] ("di Kantor Bank Sulselbar Cabang Pinrang"), when it starts
    with a venue noun."""
    di = _DI.search(text, start, end)
    if di is None or not _VENUE_FIRST.match(text, di.end(), end):
        return None
    low = _VENUE_LOWER.match(text, di.end(), end)
    lm = _LOCATION.match(text, low.end() if low else di.end(), end)
    return (di.end(), lm.end()) if lm is not None else None


_BARE_AGENT = re.compile(r"\s+(?:langsung\s+)?(?P<office>(?:Pj\.?\s+|Plt\.?\s+|Wakil\s+)?(?:Bupati|Wali\s*Kota|Walikota|"
                         r"Gubernur|Camat|Lurah|Sekda|Menteri))(?=\s+(?:kepada|bagi|untuk|di|pada|secara)\b|\s*[,.])")


_ACTING_LONG = re.compile(r"(?i)\s*\([^()]*\)|(?<![\p{L}])(?:penjabat|pelaksana\s+tugas|pelaksana\s+harian)(?![\p{L}])")
_ACTING_SHORT = {"penjabat": "pj", "pelaksana tugas": "plt", "pelaksana harian": "plh"}


def _office_key(title: str) -> str:
    """A title as compared with a bare office: "Penjabat (Pj) Bupati" and "Pj Bupati" are one office."""
    return compact(_ACTING_LONG.sub(lambda m: "" if m.group().strip().startswith("(")
                                    else _ACTING_SHORT[" ".join(m.group().casefold().split())], title))


def _title_to_person(ctx: _Ctx, ev: Event) -> Event:
    """A person role written as a bare office ("dilantik Bupati", "diserahkan Wali Kota Jombang") is the one person
    of the article who holds that office (of that place, when the role names one)."""
    roles = None
    for role in _PERSON_ROLES:
        value = ev.roles.get(role)
        m = _BARE_TITLE.fullmatch(value) if isinstance(value, str) else None
        if m is None:
            continue
        office = _office_key(m.group("title"))
        place = compact(m.group("place") or "")
        holders = {p.name for p in ctx.persons if p.title and _office_key(p.title) == office
                   and (not place or (bool(p.jurisdiction) and place.endswith(compact(p.jurisdiction or ""))))}
        if len(holders) == 1:
            roles = roles or dict(ev.roles)
            roles[role] = holders.pop()
    return replace(ev, roles=roles) if roles else ev


# a following sentence that says where the occasion took place: "Dilaksanakan di Hotel Kafka, …",
# "Kegiatan berlangsung di Aula Bappeda …", "Adapun, pagelaran dilaksanakan di mal Lippo Plaza, …"
_HELD_AT = re.compile(r"(?i)(?<![\p{L}])(?:di\s*laksanakan|digelar|diselenggarakan|berlangsung|bertempat|"
                      r"dilangsungkan|dipusatkan)(?![\p{L}])[^.;:!?\n]{0,60}?(?<![\p{L}])di\s+")
_VENUE_LOWER = re.compile(r"(?i:mal|mall|hotel|lapangan|halaman|gedung|aula|pendopo|pendapa|kantor|balai|sentra|"
                          r"rumah|ruang|kawasan|komplek|kompleks|gelanggang|auditorium)\s+(?:\p{Ll}+\s+){0,2}(?=\p{Lu})")
VENUE_SENTENCES = 2


def _venue_after(text: str, ev: Event, sentences: Sequence[Span], lex: EventLexicon) -> Event:
    """An event without a location takes the venue that one of the next `VENUE_SENTENCES` sentences gives
    the occasion ("… Dilaksanakan di Hotel Kafka, Desa Bahomohoni"), when that sentence reports no event."""
    role = lex.types.get(ev.type, {}).get("location")
    if role is None or role in ev.roles:
        return ev
    k = next((i for i, (a, b) in enumerate(sentences) if a <= ev.trigger_start < b), None)
    if k is None:
        return ev
    for ss, se in sentences[k + 1:k + 1 + VENUE_SENTENCES]:
        h = _HELD_AT.search(text, ss, se)
        t = lex.any_trigger.search(text, ss, h.start()) if h is not None else None
        if h is None or (t is not None and not _BARE_NOMINAL.match(text, t.end(), se)):
            continue  # a sentence of another event; "Pengambilan sumpah jabatan berlangsung di …" refers back
        low = _VENUE_LOWER.match(text, h.end(), se)
        lm = _LOCATION.match(text, low.end() if low else h.end(), se)
        if lm is None:
            continue
        start = h.end()
        value = " ".join(text[start:lm.end()].split())
        return replace(ev, roles={**ev.roles, role: value}, role_spans={**ev.role_spans, role: (start, lm.end())})
    return ev


_COORDINATED = re.compile(r"(?i)[\s,]+(?:dan|serta)\s+\Z")
_THEME_ROLES = ("object", "item", "award")


def _split_coordinated(text: str, events: list[Event]) -> list[Event]:
    """Cut an object, item or award role before a nominal trigger coordinated inside it ("… dan Penyerahan …"),
    so that the second occurrence stays an event of its own."""
    nominal = [ev.trigger_start for ev in events if ev.rule.endswith("nominal")]
    out = []
    for ev in events:
        roles, spans = dict(ev.roles), dict(ev.role_spans)
        for r in _THEME_ROLES:
            sp = spans.get(r)
            if sp is None or not isinstance(roles.get(r), str):
                continue
            coord = next((c for t in nominal if sp[0] < t < sp[1] and t != ev.trigger_start
                          and (c := _COORDINATED.search(text, max(sp[0], t - 8), t))), None)
            if coord is not None:
                end = coord.start()
                if end > sp[0]:
                    roles[r] = " ".join(text[sp[0]:end].split())
                    spans[r] = (sp[0], end)
        out.append(replace(ev, roles=roles, role_spans=spans) if roles != ev.roles else ev)
    return out


# roles whose value is a person or organisation named in full: a trailing clause is no part of them, but
# their value may be an entity's full name rather than the text of their span
_NAME_ROLES = frozenset({"agent", "giver", "recipient", "organizer", "parties", "official"})


# a position that starts with a verb or the word "jabatan" is what the sentence goes on with, not the office
_NOT_AN_OFFICE = re.compile(r"(?:di|ber|me)\p{Ll}+\s|jabatan(?:nya)?\s|pe\p{Ll}+an(?:\s|\Z)")  # "pengambilan sumpah …"


def _tidy_roles(text: str, ev: Event) -> Event:
    """The event with each text role trimmed to a phrase (`rules.roles.tidy_span`); a role that is no
    phrase is dropped. Values that are not the text of their span (full names of entities) stay."""
    roles = dict(ev.roles)
    spans = dict(ev.role_spans)
    changed = False
    for role, value in ev.roles.items():
        sp = ev.role_spans.get(role)
        if not isinstance(value, str) or sp is None:
            continue
        if value != " ".join(text[sp[0]:sp[1]].split()):
            if (trimmed := tidy_value(value)) != value:
                changed = True  # "Pada [2023,] Kopontren Darul Ulum": what is left once a time phrase is cut out
                if trimmed is None:
                    del roles[role], spans[role]
                else:
                    roles[role] = trimmed
            continue
        if role == "position" and _NOT_AN_OFFICE.match(value):
            del roles[role], spans[role]  # "disaksikan Wakil Bupati …", "jabatan disaksikan …": no office
            changed = True
            continue
        new = tidy_span(text, sp, cut_clause=role not in _NAME_ROLES)
        if new == tuple(sp):
            continue
        changed = True
        if new is None:
            del roles[role], spans[role]
        else:
            roles[role] = " ".join(text[new[0]:new[1]].split())
            spans[role] = new
    return replace(ev, roles=roles, role_spans=spans) if changed else ev


def _date_same_occasion(ctx: _Ctx, raw: list[Event], same_occasion: set[int], earlier: Collection[int] = (),
                        located: Mapping[str, str] | None = None) -> None:
    """An undated event said to happen at the same occasion takes the date of the last dated event
    before it (once every event has its own or its neighbours' date; an earlier occurrence at ``earlier`` is
    another occasion) or, with none, of the last full date written before its sentence ("Rapat anggota digelar
    Sabtu (15/2/2025). Dalam RAT itu pula …"); "Keesokan harinya" one day later. Dated by an event on the same
    day, it is also at that event's venue when it names none (``located``: type -> its location role)."""
    for k, ev in enumerate(raw):
        if id(ev) not in same_occasion or ev.date is not None:
            continue
        same = next((e for e in reversed(raw[:k]) if e.date and e.sentence_start == ev.sentence_start
                     and e.trigger_start not in earlier), None)
        if same is not None:  # another mention in its sentence is dated already (shifted, if the opener shifts)
            raw[k] = _at_venue_of(replace(ev, date=same.date), same, located)
            continue
        before = [e for e in reversed(raw[:k]) if e.date and e.trigger_start not in earlier]
        src = next((e for e in before if len(e.date or "") == 10), before[0] if before else None)  # an occasion is a day
        date = src.date if src is not None else None
        shifted = False
        if date is None:
            date = next((d.value for d in reversed(ctx.dates) if d.end <= ev.sentence_start and len(d.value) == 10),
                        None)
        shift = _DAY_SHIFT.match(ctx.text, ev.sentence_start, ev.trigger_start)
        if date is not None and shift is not None:
            if len(date) != 10:
                continue  # "Keesokan harinya" after a month: no day to count from
            n = (shift.group("n") or "sehari").split()[0].casefold()
            step = _DAYS.get(n) or int(n)
            step = -step if shift.group(0).casefold().rstrip().endswith("sebelumnya") else step
            date = (_dt.date.fromisoformat(date) + _dt.timedelta(days=step)).isoformat()
            shifted = True
        if date is not None:
            ev = replace(ev, date=date)
            raw[k] = ev if shifted or src is None else _at_venue_of(ev, src, located)


def _at_venue_of(ev: Event, occasion: Event, located: Mapping[str, str] | None) -> Event:
    """An event at the occasion of another, with no place of its own, is where that occasion was ("Pada kesempatan
    itu, … juga menyerahkan …" after the training at Wantilan Desa Catur). ``located``: type -> its location role."""
    if not located:
        return ev
    role, src_role = located.get(ev.type), located.get(occasion.type)
    if (role is None or src_role is None or ev.roles.get(role) or not occasion.roles.get(src_role)
            or src_role not in occasion.role_spans):
        return ev
    return replace(ev, roles={**ev.roles, role: occasion.roles[src_role]},
                   role_spans={**ev.role_spans, role: occasion.role_spans[src_role]})


def _remap_names(src: Mapping[str, str], dst: Mapping[str, str]) -> dict[str, str]:
    """role in dst -> role in src for the same slot."""
    return {dst[slot]: src[slot] for slot in src if slot in dst}


def _remap(roles: Mapping[str, Any], src: Mapping[str, str], dst: Mapping[str, str]) -> dict[str, Any]:
    names = _remap_names(src, dst)
    return {d: roles[s] for d, s in names.items() if s in roles}


def _borrow_neighbour_dates(ctx: _Ctx, raw: list[Event], sentences: Sequence[Span], sent_index: dict[Span, int],
                            skip: Collection[int] = ()) -> None:
    """An undated event takes the date of the next sentence when that one only follows it up
    ("Penyerahan kartu dilakukan … Minggu (14/12/2025)."), or of the previous one when that only
    sets the scene ("Bertempat di …, pada Senin (16/10/2023). Telah diserahkan …")."""
    order = {s: i for i, s in enumerate(sentences)}
    for k, ev in enumerate(raw):
        if ev.date is not None or id(ev) in skip or speaks_of_another_time(ev.sentence):
            continue  # `skip`: dated by the occasion they share instead
        sent = next((s for s in sentences if s[0] == ev.sentence_start), None)
        if sent is None:
            continue
        i = order[sent]
        for j, need_follow_up in ((i + 1, True), (i - 1, False)):
            if not 0 <= j < len(sentences):
                continue
            nb = sentences[j]
            if sent_index.get(nb, 0):
                continue
            if need_follow_up and not _FOLLOW_UP.search(ctx.text, nb[0], min(nb[1], nb[0] + 60)):
                continue
            d = _date_for(ctx, nb, nb[0])
            if d is not None and len(d.value) == 10:
                raw[k] = replace(ev, date=d.value)
                break


# "Pemkab Tabanan juga menerima piagam …": "juga"/"pula" before the trigger in its clause
# a quote mark: a handover told inside a quote lists where the items came from ("Selain itu, Dinas Koperasi Provinsi
# memberikan 8 unit rak pajang,” kata …"), not another handover
_QUOTE_MARK = re.compile(r"[“”\"]")
_ALSO_BEFORE = re.compile(r"(?i)(?<![\p{L}])(?:juga|pula)\s+(?:telah\s+|sudah\s+)?\Z")
_PRONOUN = re.compile(r"(?:Ia|Dia|Beliau|Mereka|Kami|Kita|Saya|Semua|Semuanya)(?![\p{L}])")
_MAIN_ROLE = {"award_received": "recipient", "association_inaugurated": "object", "official_inaugurated": "official",
              "facility_inaugurated": "object", "aid_distributed": "beneficiary", "program_launched": "object",
              "training_held": "beneficiary", "insurance_enrolled": "beneficiary", "agreement_signed": "parties"}


def _named_apart(a: object, b: object, first_only: bool = False) -> bool:
    """Whether two role values are both named (capitalised, no pronoun; with ``first_only``, only ``b`` need be)
    and neither contains the other: "Pemkab Tabanan juga menerima", not "semuanya juga sudah mendapatkan". Values are
    read without the function words at their edges (roles are tidied after merging): "dan Kepala Cabang …"."""
    a = (tidy_value(a) or a) if isinstance(a, str) else a
    b = (tidy_value(b) or b) if isinstance(b, str) else b
    if not isinstance(a, str) or not isinstance(b, str) or not b[:1].isupper() or _PRONOUN.match(b):
        return False
    if not first_only and (not a[:1].isupper() or _PRONOUN.match(a)):
        return False
    a, b = a.casefold(), b.casefold()
    return a not in b and b not in a


def _apart(a: object, b: object) -> bool:
    """Whether two role values are both given and neither contains the other."""
    return isinstance(a, str) and isinstance(b, str) and a.casefold() not in b.casefold() and b.casefold() not in a.casefold()


# a sentence told as a further happening: "Sementara (itu), Kepala Cabang BRI … menyerahkan …"
_MEANWHILE = re.compile(r"(?i)[\s\W]*(?:sementara(?:\s+itu)?|di\s+samping\s+itu|selanjutnya)(?![\p{L}])")


_BACK_REFERENCE = re.compile(r"(?i)(?<![\p{L}])(?:tersebut|itu)\s*\Z")


def _refers_back(value: object) -> bool:
    """Whether a role value names what was just reported: "bantuan tersebut", "kartu itu"."""
    return isinstance(value, str) and _BACK_REFERENCE.search(value) is not None


def _another_one(g: Event, ev: Event) -> bool:
    """Whether ``ev`` says it is another occurrence of ``g``'s kind.

    "juga"/"pula" right before its trigger and a named main participant (the award's recipient, the aid's
    beneficiary …) that is not ``g``'s; for aid, another named giver handing over another item, after "juga"
    ("Dinas … juga telah menyalurkan 25 unit alat tenun …" after the BPJS payout) or in a sentence told as a
    further happening at the occasion, outside a quote ("Selain itu, Pemimpin Cabang Bank Papua … menyerahkan 30
    unit meja …" after the Pemprov's capital grants: NOTES dev-177, three handovers by three givers)."""
    other_giver = (ev.type == "aid_distributed"
                   and _named_apart(g.roles.get("giver"), ev.roles.get("giver"))
                   and _apart(g.roles.get("item"), ev.roles.get("item"))
                   and not _refers_back(ev.roles.get("item")))
    if other_giver and ev.sentence_start == g.sentence_start:
        # "Bupati … menyerahkan gerobak …, Kapolres … menyerahkan paket sembako …": each clause its own giver
        giver_at = ev.role_spans.get("giver", (-1, -1))[0]
        return giver_at > g.trigger_end and not _QUOTE_MARK.search(ev.sentence)
    if other_giver and (_SAME_OCCASION.match(ev.sentence) or _MEANWHILE.match(ev.sentence)) \
            and not _QUOTE_MARK.search(ev.sentence):
        return True
    if not _ALSO_BEFORE.search(ev.sentence, 0, max(0, ev.trigger_start - ev.sentence_start)):
        return False
    return other_giver or _named_apart(g.roles.get(_MAIN_ROLE.get(ev.type, "")), ev.roles.get(_MAIN_ROLE.get(ev.type, "")),
                                       first_only=True)


def _merge(events: Sequence[Event], apart: Collection[int] = ()) -> list[Event]:
    """One record per occurrence: same type with nested or missing dates is the same occurrence.
    An event whose trigger starts at one of `apart` (an earlier occurrence) merges only with its own kind."""
    out: list[Event] = []
    for ev in events:
        target = None
        for i, g in enumerate(out):
            if (g.trigger_start in apart) != (ev.trigger_start in apart):
                continue
            if g.type == ev.type and _nested(g.date, ev.date) and not _another_one(g, ev):
                if g.date is not None and ev.date is not None or ev.date is None or g.date is None:
                    target = i
                    break
        if target is None:
            out.append(ev)
            continue
        g = out[target]
        roles = dict(g.roles)
        spans = dict(g.role_spans)
        for k, v in ev.roles.items():
            if k not in roles:
                roles[k] = v
                spans[k] = ev.role_spans[k]
        if ev.roles.get("giver") and _refers_back(ev.roles.get("item")):
            # "… menerima bantuan … dari Pemkab Blora, bantuan tersebut diserahkan secara simbolis oleh Wakil Bupati …":
            # who handed it over is the giver (NOTES dev-143)
            roles["giver"], spans["giver"] = ev.roles["giver"], ev.role_spans["giver"]
        date = g.date
        if ev.date and (date is None or len(ev.date) > len(date)):
            date = ev.date
        primary = g if (g.date is not None or ev.date is None) else ev
        out[target] = replace(primary, date=date, roles=roles, role_spans=spans)
    return out
