"""Persons and officials: title + jurisdiction + name units, attributions, honorifics, appositions.

Pure functions over text, body spans and the region mentions already found. Short mentions
("kata Hendy") are merged into the fullest name used ("Hendy Siswanto").
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache
from importlib import resources

import regex as re

from ..lexicon import UserLexicon
from ..records import Person
from .gazetteer import compact, gazetteer
from .regions import RegionMention
from .text import WordIndex, finditer_at, first_words

__all__ = ["find_persons", "PersonMention"]

Span = tuple[int, int]


def _lines(name: str) -> list[str]:
    text = resources.files("umkm_extract.data").joinpath(name).read_text("utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@dataclass(frozen=True)
class _Lexicon:
    heads: re.Pattern[str]
    head_first: frozenset[str] | None  # the words a `heads` match starts with (see `_Scan`)
    head_kind: dict[str, str]
    stop: frozenset[str]
    honorific: frozenset[str]
    degree: frozenset[str]
    particle: frozenset[str]
    common: frozenset[str]  # common words (data/common_words.txt): no one-word name, no candidate's first word
    degree_after: re.Pattern[str]  # a comma and a degree ("…, S.Sos"): a person's name stands before it
    # `_is_name_token` of each word seen so far: the same words come back in every article
    name_tokens: dict[str, bool] = field(default_factory=dict, compare=False, repr=False)


# An acting office before a head ("Pj Bupati", "Plt. Kepala Dinas"); alternatives spelled out (not
# "P[jJ]s?") so that `first_words` can read them.
_TITLE_MOD = r"Pjs?|PJs?|Plt|Plh|Penjabat|Pelaksana\s+[Tt]ugas|Pelaksana\s+[Hh]arian"
# Heads that take a complement before the name: "Kepala Dispermades Tetuko Raharjo".
_NEEDS_COMPLEMENT = frozenset(
    "kepala ketua sekretaris anggota direktur kadis kaban kakan kabid kasi kabag kasubag kasat asisten deputi "
    "koordinator manajer menteri inspektur dirjen pembina pengelola pemilik".split()
)
# A company written as one capitalised word: never part of a person's name ("… Pertamina Fadjar Djoko").
_ORG_WORD = re.compile(r"Pertamina|Telkom|Pegadaian|Kadin|Bulog|Jamkrida|Askrindo|Jasindo|Taspen|Asabri|Jamsostek")
# Start of a non-government body inside a title: its name goes to `organization`.
_ORG_MARKER = re.compile(
    r"(?<!\()\b(?:BPJS|Bank|BI(?=\s+Perwakilan)|PT\.?|CV\.?|Perum|Perumda|PDAM|Yayasan|Universitas|Institut|Politeknik|Halal Center|"
    r"Pertamina|PLN|Telkom|Pegadaian|Kadin|HIPMI|IWAPI)\b"
)
# The body a position belongs to, written after it: not part of the title (ANNOTATION.md: the title is the
# position, the body goes to `organization`). The government as a whole ("Asisten Pemerintahan Pemkab",
# "Plt Kepala BPKAD Pemerintah Provinsi (Pemprov)"), a ministry after one of its units ("Deputi
# Restrukturisasi Usaha, Kemenkop dan UKM"), the central bank ("Kepala Perwakilan BI"), and an acronym after
# a position that names no unit of its own ("Rektor UHO", "Pemimpin Divisi Usaha Syariah BSB").
_TITLE_BODY_TAIL = re.compile(
    r"(?:,\s*|\s+)(?P<org>(?:Pemkab|Pemkot|Pemko|Pemprov|Pemda|Pemerintah\s+(?:Provinsi|Kabupaten|Kota|Daerah))"
    r"(?:\s+\([^()]*\))?|(?:Kemenkop(?:\s*(?:dan\s+)?UKM)?|Kementerian\s+Koperasi(?:\s+dan\s+UKM)?"
    r"(?:\s+dan\s+Usaha\s+Kecil\s+(?:dan\s+)?Menengah)?)|BI|Bank\s+Indonesia|OJK)\s*\Z")
_POSITION_ACRONYM_TAIL = re.compile(
    r"\A(?P<title>(?:Rektor|Wakil\s+Rektor|Dekan|Pemimpin(?:\s+\p{Lu}\p{Ll}+)*|Direktur\s+Utama|(?:Regional\s+)?CEO|"
    r"Vice\s+President(?:\s+\p{Lu}\p{Ll}+)*|Head(?:\s+\p{Lu}\p{Ll}+)*|(?:Branch|Area)\s+Manager|"
    r"General\s+Manager|Manajer|Manager|Kepala\s+Perwakilan|Kepala\s+Cabang|Pimpinan(?:\s+Cabang)?))"
    r"\s+(?P<org>\p{Lu}{2,6}(?:\s+(?:Syariah|Tbk|Persero))?)\s*\Z")
# A position followed by the non-government body it belongs to (ANNOTATION.md: the title is the position, the
# body goes to `organization`): "Ketua Forum UMKM", "Ketua Umum DPP IWAPI", "Direktur BUMDes Karya Segara",
# "Pimpinan Cabang PNM Bone". A government unit after the position stays in the title ("Kepala Dinas Koperasi"),
# and so do the councils chaired in the government's name ("Ketua Dekranasda", "Ketua Dekopinda": NOTES dev-112).
_POSITION_OF_BODY = re.compile(
    r"\A(?P<title>(?i:Ketua|Wakil\s+Ketua|Sekretaris|Bendahara|Direktur|Manajer|Manager|Koordinator|Pimpinan|"
    r"Pemimpin)(?i:\s+(?:Umum|Harian|Cabang|Utama|Wilayah))?)\s+"
    r"(?P<org>(?:Koperasi|Kopontren|KSPPS|KSP|KSU|KUD|Forum|Kelompok|Asosiasi|Himpunan|Ikatan|Perkumpulan|Paguyuban|"
    r"Komunitas|Gapoktan|Poktan|KWT|Dewan\s+Pengurus|Badan\s+Pengurus|BUMDes\p{L}*|"
    r"BUMNag|DP[CDP](?!\s+RI\b)|BPC|BPD(?=\s+(?:HIPMI|Hipmi|Gapensi|KADIN|Kadin|IWAPI|Iwapi))|PNM|IWAPI|Iwapi|HIPMI|"
    r"Hipmi|Hipmikindo|HNSI|Kamar\s+Dagang|Kadin|KADIN|Lembaga|"
    r"Perhimpunan|Persatuan|Gabungan|Serikat|Subak)\b.*)\Z")
_UNIT_WORDS = frozenset("dinas badan biro bagian bidang kantor balai upt seksi sub subbag".split())
# a government unit's acronym written as one word: "Kumperindag", "Disperindagkop", "Dinkop", "DPMPTSP"
_UNIT_ACRONYM = re.compile(r"(?i)indag|kop(?:um|ukm)|ukm|naker|kominfo|dukcapil|pupr|perkim|ptsp|pmd|kesra|kesbang")
# the words after a comma that go on with a unit's name: "Dinas Koperasi, Usaha Mikro, Kecil dan Menengah"
_UNIT_NAME_GOES_ON = frozenset("usaha ukm umkm koperasi perindustrian perdagangan tenaga kecil mikro menengah".split())
# the words that make the next one part of a unit's name: "Dinas Koperasi Budi Santoso" is no cooperative
_UNIT_OF = _UNIT_WORDS | frozenset("kadis kabid kementerian kemenko menteri deputi asisten".split())


# A board position before an association's acronym: "Ketua APPBT", "Ketua Umum HNSI Berau", "Bendahara IPUM …".
# The councils, chambers and state bodies that a title keeps (ANNOTATION.md; NOTES dev-112) are the exceptions.
_POSITION_OF_ACRONYM = re.compile(
    r"\A(?P<title>(?i:Ketua|Wakil\s+Ketua|Sekretaris|Bendahara|Sekjen)(?i:\s+(?:Umum|Harian))?)\s+"
    r"(?P<org>\p{Lu}{3,8}(?:\s.*)?)\Z")
_KEPT_BODIES = frozenset(
    "dpr dprd dprk dpd mpr bpd bkow tapd apdesi kdmp kahmi pkk kpu kpud kpid kpai bawaslu panwaslu baznas mui koni "
    "dekranas dekranasda dekopin dekopinda dekopinwil lpm lkmd tppkk ppkk "
    # state bodies: "ketua LIPI" (NOTES dev-182), "Sekretaris BPBD", "Ketua KPK"
    "lipi brin bpk kpk bps bpom bnn bnpb bpbd bkd bpkad bpkd bappeda bapenda bpjph ojk lps kppu dkpp kpi komnas".split())


def _position_of_body(title: str) -> tuple[str, str] | None:
    """("Ketua Forum UMKM") → ("Ketua", "Forum UMKM"); a kind of body stays in the title ("Ketua Kelompok Nelayan").
    An acronym in parentheses may stand between position and body: ("Ketua Umum (Ketum) DPD IWAPI") → ("Ketua Umum",
    "DPD IWAPI")."""
    for t in (title, _PAREN_GROUP.sub("", title)):
        m = _POSITION_OF_BODY.match(t)
        if m is not None:
            words = m.group("org").split()
            if len(words) == 2 and not words[0].isupper() and not words[1].isupper():
                return None  # a kind of body, not one named: "Ketua Kelompok Nelayan"
            return m.group("title"), m.group("org")
        m = _POSITION_OF_ACRONYM.match(t)
        if m is not None and not any(w.casefold() in _KEPT_BODIES for w in m.group("org").split()):
            return m.group("title"), m.group("org")
    return None


@lru_cache(maxsize=8192)
def split_title_body(title: str) -> tuple[str, str | None]:
    """A title without the body written after the position, and that body: ("Rektor UHO") → ("Rektor", "UHO").

    A ministry stays when the position is its head ("Menteri Koperasi dan UKM"); a unit's acronym stays
    ("Kepala Dinas PU", "Direktur RSUD")."""
    body = _position_of_body(title)
    if body is not None:
        return body
    om = _ORG_MARKER.search(title, 1)
    if om is not None and title[: om.start()].strip(" ,"):  # "Direktur Utama PT Agrindo …", "Kepala Cabang BPJS …"
        return title[: om.start()].rstrip(" ,"), title[om.start():]
    m = _TITLE_BODY_TAIL.search(title)
    if m is not None:
        head = title[: m.start()].rstrip(" ,")
        words = head.split()
        ministry = m.group("org").startswith("Kemen")
        if words and not (ministry and (len(words) < 2 or words[0].casefold() == "menteri")):
            return head, " ".join(m.group("org").split())
    m = _POSITION_ACRONYM_TAIL.match(title)
    if m is not None and not (_UNIT_WORDS & {w.casefold() for w in m.group("title").split()}):
        return m.group("title"), m.group("org")
    return title, None


_ORG_HEADS = frozenset(
    "pt cv ud bank yayasan koperasi kelompok forum hotel toko universitas institut asosiasi paguyuban komunitas "
    "sanggar studio kafe cafe galeri pasar gedung perumda bumdes cabang unit kantor perwakilan wilayah area "
    "kopontren ponpes pesantren kud ksp ksu kspps bumdesa gapoktan poktan kwt subak".split()
)
# the word before a name run, over a parenthesised acronym: "Koperasi Pondok Pesantren (Kopontren) Darul Ulum"
_WORD_BEFORE_RUN = re.compile(r"(\p{L}+)\s*(?:\([^()\n]{1,30}\)\s*)?\Z")
_LETTERS_BEFORE = re.compile(r"(\p{L}+)\s*\Z")
# lowercase nouns of places whose capitalised name follows: "dermaga Arborek", "pantai Batu Beriga"
_PLACE_NOUNS = frozenset("dermaga pelabuhan pulau pantai kampung dusun gunung sungai danau teluk tanjung jalan "
                         "bandara terminal".split())
# the building or room of an office, not its holder: "di Aula Kantor Bupati Kerinci, Bukit Tengah"
_PLACE_OF_OFFICE = re.compile(r"(?i:kantor|rumah\s+dinas|rumah\s+jabatan|rujab|pendopo|pendapa|aula|gedung|halaman|"
                              r"kompleks?)\s+\Z")
_PLACE_PREPOSITIONS = frozenset("di ke dari menuju asal sekitar kawasan".split())
_COMPANY_HEADS = frozenset("pt cv ud toko hotel kafe cafe sanggar studio galeri".split())
# a title stated after the name: "…, Lina Marlina, S.E., yang kini menjabat Kepala Dinas …", "dilantik sebagai …"
_ACTING_AFTER_PAREN = r"(?:Pjs?|PJs?|Plt|Plh)\.?[ ]"
_TITLE_AFTER = re.compile(r"(?:,?\s*(?:(?:[\p{Lu}][\p{L}]*\.){1,3}(?:[\p{Lu}][\p{L}]*)?|\p{Lu}{2,4}(?=[,\s])))*(?:\s*\([^()\n]{1,80}\))?,?\s+(?:yang\s+juga\s+|(?:yang\s+)?"
                          r"(?P<now>(?:(?:kini|saat\s+ini|sekarang|masih|tercatat|resmi|telah)\s+){0,3})"
                          r"(?:menjabat(?:\s+sebagai)?|(?P<is>adalah)|(?:[‘'“]?\p{Ll}+[’'”]?\s+){0,3}"
                          r"(?:sebagai|selaku|menjadi|jadi))\s+)"
                          # a list of acting appointments: "Nora Elisya (Kepala BKD Sumsel) Pjs bupati di …"
                          r"|\s*\([^()\n]{1,80}\)[ ]+(?=%s)" % _ACTING_AFTER_PAREN)
# the office held now, stated after the name: it outranks the office the person is named for elsewhere
_NOW = re.compile(r"kini|saat\s+ini|sekarang|masih")
# a region-unit word left at the end of a title once its region is cut off: "Bupati Kabupaten [Bogor]"
_UNIT_LEVELS = r"kabupaten|kab\.|kotamadya|kota|provinsi|prov\.|kecamatan|desa|kelurahan|gampong|nagari|pekon|kampung"
_UNIT_TAIL = re.compile(r"[\s,]+(?i:%s)\Z" % _UNIT_LEVELS)
_UNIT_TAIL_SE = re.compile(r"[\s,]+(?i:%s|se-)\Z" % _UNIT_LEVELS)
_TRAILING_GAP = re.compile(r"[\s,]+\Z")
_AND_END = re.compile(r"\s(?:dan|&)\Z")
_SECRETARIAT_END = re.compile(r"(?i:sekretariat\s+daerah)\Z")
# a unit's number before its region: "Dandim 0315/[Bintan]", "Kapolsek 02/"
_UNIT_NUMBER_TAIL = re.compile(r"\s+[\d.]+\s*/\s*\Z|\A\s+\d{3,4}\Z")  # … and a head's bare unit number: "Dandim 0736"


def _strip_unit_tail(rest: str, tail: re.Pattern[str]) -> str:
    """`rest` without the region-unit words (`tail`: one such word at the end) and a unit's number left at its end
    once its region is cut off, word by word from the end; but not the word that ends a unit's name after "dan"
    ("Dinas Pemberdayaan Masyarakat dan Desa [Kabupaten] [Bangka Tengah]"), nor the level of a regional secretariat
    ("Asisten II Sekretariat Daerah Kota [Pekanbaru]": NOTES dev-008)."""
    out = _TRAILING_GAP.sub("", rest)
    while (m := tail.search(out)) is not None:
        left = out[: m.start()]
        if _AND_END.search(left) or _SECRETARIAT_END.search(left):
            break
        out = left
    return _UNIT_NUMBER_TAIL.sub("", out)


_RI_SUFFIX = re.compile(r"(?:\s*,)?\s+(?:Republik\s+Indonesia|RI)\s*\Z")


# the common offices also written lowercase before a name, and what may follow them then
_LOWERCASE_HEADS = frozenset(("Ketua", "Ketua Umum", "Wakil Ketua", "Kepala", "Kepala Desa", "Gubernur", "Wakil Gubernur",
                              "Bupati", "Wakil Bupati", "Wali Kota", "Walikota", "Camat", "Lurah", "Direktur",
                              "Sekretaris"))
_LOWERCASE_HEAD_NEXT = r"(?=\s+[A-Z]|\s+(?:sebelumnya|setempat|terpilih|definitif|lama|baru)\b)"


@cache
def _lexicon(user: UserLexicon | None = None) -> _Lexicon:
    heads: dict[str, str] = {}
    for ln in _lines("titles.txt"):
        head, kind = ln.split("\t")
        if head in heads:
            raise ValueError(f"titles.txt: duplicate head {head!r}")
        heads[head] = kind
    for head, kind in user.titles if user else ():  # a user title may also re-kind a built-in one
        heads[head] = kind
    alts = sorted(heads, key=len, reverse=True)
    # First letter as written (titles are capitalised in running text), the rest case-insensitive.
    body = "|".join(re.escape(h[0]) + "(?i:" + re.escape(h[1:]).replace(r"\ ", r"\s*") + ")" for h in alts)
    # the common offices also written lowercase before a name: "ketua umum DPD Iwapi Provinsi Kalsel, Shinta …",
    # "wakil gubernur NTB, Sitti …", "kepala Desa Gentong, Misyono"
    # (only before a capital or a qualifier: fails fast on "para kepala desa")
    body += "".join("|" + re.escape(h[0].casefold()) + "(?i:" + re.escape(h[1:]).replace(r"\ ", r"\s*") + ")"
                    + _LOWERCASE_HEAD_NEXT for h in alts if h in _LOWERCASE_HEADS)
    # after an acting-office word the head may be lowercase: "Pjs bupati di Kabupaten OKU"
    body_any = "|".join("(?i:" + re.escape(h).replace(r"\ ", r"\s*") + ")" for h in alts)
    pattern = re.compile(
        r"(?<![\p{L}\p{N}])(?:(?P<mod>(?:%s)\.?\s+(?:\((?:Pj|Plt|Plh)\)\s+)?)(?P<head>%s)|(?P<head>%s))(?![\p{L}])"
        % (_TITLE_MOD, body_any, body)
    )
    # A match starts with the acting-office word or, without one, with the head ("Wali Kota": "wali";
    # written "WaliKota": "walikota"). `first_words` reads the standard syntax only: the lookahead
    # stands for the pattern's (?![\p{L}]) after the head.
    first = first_words(r"(?:%s)\.?\s|(?:%s)(?![^\W\d_])" % (_TITLE_MOD, body))
    stop = frozenset(w.casefold() for ln in _lines("name_stopwords.txt") for w in ln.split())
    stop |= frozenset(w.casefold() for x in (user.name_stopwords if user else ()) for w in x.split())
    stop |= frozenset(h.casefold() for h in heads for h in h.split())
    hon = frozenset(compact(h) for h in _lines("honorifics_person.txt"))
    deg = frozenset(compact(d) for d in _lines("degrees.txt"))
    particle = frozenset(w.casefold() for ln in _lines("name_particles.txt") for w in ln.split())
    common = frozenset(_lines("common_words.txt"))
    degrees = sorted(_lines("degrees.txt"), key=len, reverse=True)
    degree_after = re.compile(r",[ ]*(?:%s)\.?(?=[ ]*[,;\n]|[ ]+\p{L}|\.?\Z)" % "|".join(map(re.escape, degrees)))
    return _Lexicon(pattern, first, {h.casefold().replace(" ", ""): k for h, k in heads.items()}, stop, hon, deg,
                    particle, common, degree_after)


@dataclass
class PersonMention:
    start: int
    end: int
    name: str
    rule: str
    title: str | None = None
    jurisdiction: str | None = None
    organization: str | None = None
    official: bool = False
    strong: bool = True
    extra: dict[str, object] = field(default_factory=dict)


_WORD = re.compile(r"[\p{L}\p{N}][\p{L}\p{N}.'’\-/&]*")
_NAME_TOKEN = re.compile(r"\p{Lu}[\p{Ll}'’]+(?:-\p{L}+)?\Z|\p{Lu}\p{Ll}{0,3}\.\Z|\p{Lu}\.\Z")
_ROMAN = re.compile(r"(?:I{1,3}|IV|VI{0,3}|IX|X{1,3})\Z")


# An initial written without a period, or a short capitalised family or clan mark: "Helmi D", "SF Hariyanto",
# "Vera Angelika OK", "Muhammad MTA".
_INITIAL = re.compile(r"\p{Lu}{1,3}\Z|(?:\p{Lu}\.){1,3}\Z")


# name words written short with a period, inside a name: "Mohd. Ikhwan Sukardi", "Abd. Rahman", "Moch. Yusuf"
_DOTTED_NAME_WORDS = frozenset("abd moh muh mhd ach ahm mohd muhd moch mochd ahmd achmd".split())


def _period_ends(tok: str, min_letters: int) -> bool:
    """Whether the period after a word of at least `min_letters` letters ends the sentence, not a short name word:
    "kata Andi Eki." (the name is "Andi Eki"), "… Mohd. Ikhwan" (a name word)."""
    return tok.endswith(".") and len(tok) > min_letters and tok[:-1].casefold() not in _DOTTED_NAME_WORDS


def _is_initial(tok: str) -> bool:
    return _INITIAL.match(tok) is not None and not _ROMAN.match(tok)


_NAME_TOKENS_KEPT = 200_000  # words remembered by `_is_name_token` before it starts over


def _is_name_token(tok: str, lex: _Lexicon) -> bool:
    known = lex.name_tokens.get(tok)
    if known is None:
        if len(lex.name_tokens) >= _NAME_TOKENS_KEPT:
            lex.name_tokens.clear()
        known = lex.name_tokens[tok] = (_NAME_TOKEN.match(tok) is not None
                                        and tok.casefold().rstrip(".") not in lex.stop and not _ROMAN.match(tok))
    return known


def _covered(regions: Sequence[RegionMention], s: int, e: int) -> RegionMention | None:
    for r in regions:
        if r.start < e and s < r.end:
            return r
    return None


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    text: str
    kind: str  # word, comma, paren


# lowercase words that may sit inside a title phrase: "Pj Bupati sebelumnya, X", "Camat setempat, X"
_QUALIFIERS = frozenset("sebelumnya setempat terpilih definitif nonaktif lama baru saat ketika kala itu periode".split())
_NICK_TAIL = re.compile(r"[ ]+(\p{Ll}{3,})(?=[ ]+\(\p{Lu}\p{Ll}+\))")
_CALENDAR = frozenset(
    "senin selasa rabu kamis jumat jum'at jum’at sabtu minggu ahad januari februari maret april mei juni juli "
    "agustus september oktober november desember".split()
)
_TOK = re.compile(r"[ \t]*(?:(?P<comma>,)|(?P<paren>\([^()\n]{1,60}\))|(?P<word>[\p{L}\p{N}][\p{L}\p{N}.'’\-/&]*))")


def _capitalised_word(m: re.Match[str] | None) -> bool:
    """Whether a `_TOK` match is a word that starts with a capital."""
    return m is not None and m.lastgroup == "word" and m.group("word")[0].isupper()


# unit words written lowercase inside a title phrase, before a capitalised word
_UNIT_LOWER = frozenset("bidang bagian seksi subbagian dinas badan kantor cabang provinsi kabupaten kota kecamatan "
                        "wilayah daerah perwakilan urusan".split())


def _scan_extent(text: str, pos: int, limit: int, heads: re.Pattern[str] | None = None) -> list[_Tok]:
    """Tokens of a title phrase after its head, up to the first lowercase word or clause break, or up to a
    conjunction before another title (``heads``): "Kaban Kesbangpol Sukarman dan Camat …"."""
    toks: list[_Tok] = []
    m = _TOK.match(text, pos, limit)
    while m is not None and len(toks) < 40:
        kind = m.lastgroup  # which of comma, paren, word matched
        start, end = m.start(kind), m.end()
        nxt = None  # the following token, when a comma or conjunction had to look at it
        if kind == "comma":
            nxt = _TOK.match(text, end, limit)
            lower_dr = nxt is not None and nxt.lastgroup == "word" and nxt.group("word") == "dr."
            if not (_capitalised_word(nxt) or lower_dr) or (heads is not None and heads.match(text, nxt.start("word"))):
                break
            toks.append(_Tok(start, end, ",", "comma"))
        elif kind == "paren":
            toks.append(_Tok(start, end, m.group(kind), "paren"))
        else:
            w = m.group(kind)
            if w in ("dan", "&", "/", "serta") and toks and toks[-1].kind == "word":
                nxt = _TOK.match(text, end, limit)
                if not _capitalised_word(nxt) or (heads is not None and heads.match(text, nxt.start("word"))):
                    break
                toks.append(_Tok(start, end, w, "conj"))
            elif w in _KIN_PARTICLES and toks and toks[-1].kind == "word":
                nxt = _TOK.match(text, end, limit)
                if not _capitalised_word(nxt):
                    break
                toks.append(_Tok(start, end, w, "word"))  # "Nita bin Umar": a patronymic inside the name
            elif w.casefold().strip(".") in _CALENDAR:
                break
            elif w in _QUALIFIERS:
                toks.append(_Tok(start, end, w, "qual"))
            elif w.endswith(".") and w.casefold().rstrip(".") in ("dr", "drg", "ir", "h", "hj", "drs", "dra"):
                toks.append(_Tok(start, end, w, "word"))
            elif w in _UNIT_LOWER and toks and _capitalised_word(nxt := _TOK.match(text, end, limit)):
                toks.append(_Tok(start, end, w, "word"))  # "Kepala bidang Usaha Mikro", "BPJPH provinsi Banten"
            elif w[0].isupper() or w[0].isdigit():
                # a sentence-final period ends the phrase: "... Aceh Utara, Syarifuddin." (keep "Abd.", "M.")
                if w.endswith(".") and len(w.rstrip(".")) > 3 and w.rstrip(".").casefold() not in _DOTTED_NAME_WORDS:
                    toks.append(_Tok(start, end - 1, w[:-1], "word"))
                    break
                toks.append(_Tok(start, end, w, "word"))
            else:
                break
        m = nxt if nxt is not None else _TOK.match(text, end, limit)
    # a parenthesis after the name is a nickname or the name's initials: "Andi Seto Asapa (ASA)"
    while toks and toks[-1].kind in ("comma", "conj", "qual", "paren"):
        toks.pop()
    return toks


# army corps written after a rank, before the name: "Letkol Inf Arief Wicaksono", "Mayor Czi …"
_CORPS = frozenset("inf kav arm arh czi cba chb cpl ckm caj cpm cku chk cpn cbh ctp".split())


def _strip_name(tokens: list[_Tok], lex: _Lexicon) -> list[_Tok]:
    """Drop honorifics in front and degrees behind."""
    # honorifics ("H."), and a common word in -nya that opens the sentence ("Sedikitnya Aziz meresmikan")
    while tokens and (compact(tokens[0].text) in lex.honorific
                      or (len(tokens) > 1 and tokens[0].text.casefold().endswith("nya")
                          and tokens[0].text.casefold() in lex.common)
                      or (len(tokens) > 1 and tokens[0].text.casefold() in _CORPS)):  # "Letkol Inf Arief …"
        tokens = tokens[1:]
    while tokens and compact(tokens[-1].text) in lex.degree:
        tokens = tokens[:-1]
    return tokens


def _trailing_name(toks: list[_Tok], lex: _Lexicon, regions: Sequence[RegionMention], min_keep: int
                   ) -> tuple[int, list[_Tok]]:
    """Index where the name starts in `toks` and the name tokens (honorifics stripped)."""
    # degrees written as comma segments: "Noprin Aidi, S.Sos, M.Si"
    end = len(toks)
    while end >= 2 and toks[end - 1].kind == "word" and compact(toks[end - 1].text) in lex.degree:
        end -= 1
        if end >= 1 and toks[end - 1].kind == "comma":
            end -= 1
    while end >= 1 and toks[end - 1].kind == "word" and compact(toks[end - 1].text) in lex.degree:
        end -= 1
    i = end
    # a trailing initial or clan mark after a name word: "Helmi D", "Rony Widijarto P", "Muhammad MTA"
    if (i - 2 >= min_keep and toks[i - 1].kind == "word" and _is_initial(toks[i - 1].text)
            and toks[i - 2].kind == "word" and _is_name_token(toks[i - 2].text, lex)
            and not _covered(regions, toks[i - 1].start, toks[i - 1].end)):
        i -= 1
    while i > min_keep:
        t = toks[i - 1]
        if t.kind != "word":
            break
        if compact(t.text) in lex.honorific:
            i -= 1
            continue
        named = i < end and _is_name_token(toks[i].text, lex)  # a proper name word follows this token
        if named and t.text.casefold() in lex.particle and not _covered(regions, t.start, t.end):
            i -= 1  # "Lalu Suharli", "Anak Agung Gede Ngurah Puspayoga"
            continue
        if named and _is_initial(t.text) and len(t.text.rstrip(".")) <= 2 and _initial_may_open(toks, i - 1, regions):
            i -= 1  # "SF Hariyanto", "A Murtala", "M Tranggono"
            continue
        if (named and len(t.text) == 1 and t.text.isupper() and i - 2 >= min_keep and toks[i - 2].kind == "word"
                and _is_name_token(toks[i - 2].text, lex) and not _covered(regions, toks[i - 2].start, toks[i - 2].end)):
            i -= 1  # a middle initial between name words: "Muhammad S Rizal", "Dico M Ganinduto"
            continue
        if (not _is_name_token(t.text, lex) or _covered(regions, t.start, t.end) or _ORG_WORD.fullmatch(t.text)
                or _NOMINALISATION.match(t.text)):
            break  # "Kepala Biro Perekonomian Sri Irianto": a pe-/ke- … -an noun ends the unit, not a name
        i -= 1
    if i >= 1 and toks[i - 1].kind == "conj" and end - i >= 3:
        i += 1  # "Kadis Pemberdayaan Masyarakat dan Pekon Eko Sumarmi": the unit's name goes on after "dan"
    elif (i >= 1 and end - i >= 3 and toks[i - 1].kind == "word" and toks[i - 1].text.casefold() in _UNIT_WORDS
          and _UNIT_ACRONYM.search(toks[i].text)):
        i += 1  # "Kepala Dinas Kumperindag Risjon Sunge": the unit's acronym, then the name
    name = _strip_name(toks[i:end], lex)
    if len(name) > (6 if name and name[0].text.casefold() in lex.particle else 5):
        return end, []  # six words only after a particle: "I Dewa Gede Mahendra Putra Sukma"
    j = i - 1
    while j >= 0 and toks[j].kind == "word" and _covered(regions, toks[j].start, toks[j].end):
        j -= 1
    head = toks[j].text.casefold().rstrip(".") if j >= 0 and toks[j].kind == "word" else ""
    unit = j >= 1 and toks[j - 1].kind == "word" and toks[j - 1].text.casefold() in _UNIT_OF
    if name and head in _ORG_HEADS and (j == i - 1 or head in _COMPANY_HEADS) and not unit:
        return end, []  # "PT Wastra Dewata Kreasi", "Cabang Kajen": a company or place name, not a person
    if len(name) == 1 and j >= 1:
        k = j  # "Direktur Utama PT Agrindo Pangan Lestari": the last word of a company's name
        while k >= 0 and toks[k].kind == "word" and toks[k].text[:1].isupper() and toks[k].text.casefold() not in _COMPANY_HEADS:
            k -= 1
        if k >= 0 and toks[k].kind == "word" and toks[k].text.casefold() in _COMPANY_HEADS:
            return end, []
    return i, name


def _initial_may_open(toks: list[_Tok], k: int, regions: Sequence[RegionMention]) -> bool:
    """Whether the initial ``toks[k]`` may open a name: it stands first, after a comma or a region ("Plt
    Gubernur Riau SF Hariyanto"), not after another capitalised word, where it is a unit's acronym ("Dinas PU");
    right after the title head only a one-letter initial opens a name."""
    if k == 0:  # right after the title head: "Sekda A Murtala", but "Presiden RI Joko Widodo"
        return len(toks[k].text.rstrip(".")) == 1
    prev = toks[k - 1]
    return prev.kind != "word" or not prev.text[0].isupper() or _covered(regions, prev.start, prev.end) is not None


def _names_local_place(text: str, name: list[_Tok], regions: Sequence[RegionMention]) -> bool:
    """Whether the tokens name a kecamatan or desa inside a kabupaten/kota the article names."""
    coded = {m.entry.code for m in regions if m.entry is not None and m.entry.code.count(".") == 1}
    if not coded:
        return False
    entries = gazetteer().lookup(text[name[0].start:name[-1].end], ("kecamatan", "desa"))
    return any(e.within(c) for e in entries for c in coded)


def _name_text(text: str, toks: list[_Tok]) -> str:
    return " ".join(text[toks[0].start:toks[-1].end].split())


_AFTER_SEBAGAI = re.compile(r"(?<![\p{L}])(?:sebagai|selaku)[ ]+\Z")
_OFFICE_GIVEN_AFTER = re.compile(r"(?:,?[ ]*(?:\p{Lu}[\p{L}]*\.?)+)*,?[ ]+(?:sebagai|selaku)[ ]+")


def _given_office_after(text: str, end: int, lex: _Lexicon) -> bool:
    """Whether the name ending at `end` is given an office right after it (over degrees): "…, S.STP, M.Si sebagai
    Kepala Dinas …"."""
    m = _OFFICE_GIVEN_AFTER.match(text, end)
    return m is not None and lex.heads.match(text, m.end()) is not None


def _title_mentions(text: str, a: int, b: int, regions: Sequence[RegionMention], lex: _Lexicon, scan: _Scan
                    ) -> list[PersonMention]:
    out: list[PersonMention] = []
    gz = gazetteer()
    for m in scan.finditer(lex.heads, lex.head_first, a, b):
        if _PLACE_OF_OFFICE.search(text, max(a, m.start() - 14), m.start()):
            continue  # "Aula Kantor Bupati Kerinci, Bukit Tengah": a building
        head = m.group("head")
        head_key = head.casefold().replace(" ", "")
        toks = _scan_extent(text, m.end(), b, lex.heads)
        if not toks:
            continue
        min_keep = 1 if head.split()[0].casefold() in _NEEDS_COMPLEMENT else 0
        # an honorific inside the phrase starts the name: "… UKM NTB H. Lalu Saswadi", "Sekda Aceh, Drs. Azwar";
        # not past a second comma, where the phrase has moved on to other people ("…, Zulkarnain, …, Aipda Rudi")
        commas = [i for i, t in enumerate(toks) if t.kind == "comma"]
        hon_limit = commas[1] if len(commas) > 1 else len(toks)
        # … not after a name closed by its degree: "ketua LIPI Satriyo Krido Wahono ST, Dr. Asep …" (another person)
        hon = next((i for i, t in enumerate(toks[:hon_limit]) if i >= min_keep and t.kind == "word"
                    and not (i >= 2 and toks[i - 1].kind == "comma" and compact(toks[i - 2].text) in lex.degree)
                    and compact(t.text) in lex.honorific and (t.text[0].isupper() or t.text == "dr.")
                    and i + 1 < len(toks)
                    and toks[i + 1].kind == "word" and _NAME_TOKEN.match(toks[i + 1].text)), None)
        name: list[_Tok] = []
        name_at = 0
        place: list[_Tok] | None = None  # the unit's place named between title and name, without a cue
        if hon is not None:
            j = hon + 1
            while j < len(toks) and toks[j].kind == "word" and (
                    _NAME_TOKEN.match(toks[j].text)
                    or (_is_initial(toks[j].text) and j + 1 < len(toks) and toks[j + 1].kind == "word"
                        and _NAME_TOKEN.match(toks[j + 1].text))):  # "H. Rusdi A Gani": an initial inside the name
                j += 1
            name_at, name = hon, _strip_name(toks[hon:j], lex)
        else:
            # the first comma segment that ends in a name: "Bupati Bogor Rudy Susmanto, Pemerintah …"
            cuts = [i for i, t in enumerate(toks) if t.kind == "comma"] + [len(toks)]
            for k, cut in enumerate(cuts):
                name_at, name = _trailing_name(toks[:cut], lex, regions, min_keep)
                if name:
                    break
            if name and k + 1 < len(cuts):
                # "Ketua BPD Kualu Nenas, Zulkarnain, …", "Lurah Talumolo, Zulkifli Anwar, …": the run before
                # the comma names the unit's place or branch when a whole name follows it
                next_at, next_name = _trailing_name(toks[:cuts[k + 1]], lex, regions, cut + 1)
                seg_start = cuts[k - 1] + 1 if k else 0
                local = _names_local_place(text, name, regions)
                if (next_name and next_at == cut + 1 and next_name[-1] is toks[cuts[k + 1] - 1]
                        and (name_at > max(seg_start, min_keep) or local
                             or (name_at >= 1 and toks[name_at - 1].text.casefold() in _ORG_HEADS))):
                    place = name if local else None
                    name_at, name = next_at, next_name
        if not name or (len(name) == 1 and name[0].text.casefold() in lex.common):
            continue  # "Asisten Rumah Tangga (ART)": a common word after a title head is no name
        if (name_at > 0 and toks[name_at - 1].kind in ("comma", "conj")
                and _AFTER_SEBAGAI.search(text, max(a, m.start() - 9), m.start())
                and _given_office_after(text, name[-1].end, lex)):
            continue  # "… sebagai Kepala Dinas Koperasi, UKM dan Perdagangan, Ardiansyah Putra, M.Si sebagai Kepala
            # Dinas Pariwisata …", "… sebagai kepala Dinas Perdagangan serta Marzuki Lubis S.Sos sebagai Kepala …": a list
            # of appointments; the title before the comma or conjunction is the previous person's
        # lowercase surname before a nickname: "Joko widodo (Jokowi)"
        tail = _NICK_TAIL.match(text[name[-1].end:name[-1].end + 40])
        name_end = name[-1].end + (tail.end() if tail else 0)
        name_str = " ".join(text[name[0].start:name_end].split())
        if tail:
            name_str = name_str[: -len(tail.group(1))] + tail.group(1).capitalize()
        title_toks = toks[:name_at]
        while title_toks and title_toks[-1].kind in ("comma", "conj", "qual"):
            title_toks = title_toks[:-1]
        t_start = m.start()
        t_end = title_toks[-1].end if title_toks else m.end()
        jurisdiction = None
        region = None
        for t in title_toks:
            r = _covered(regions, t.start, t.end)
            if r is not None:
                region = r
                break
        if region is not None:
            t_end = region.start
            jurisdiction = region.to_region().name
        elif place is not None:  # a kecamatan/desa of the article with no cue before it: "Ketua BPD Kualu Nenas"
            t_end = place[0].start
            jurisdiction = _name_text(text, place)
        title = text[t_start:t_end]
        keep = len(m.group(0))
        title = title[:keep] + _strip_unit_tail(title[keep:], _UNIT_TAIL_SE)
        title = _RI_SUFFIX.sub("", title)
        title = " ".join(title.split())
        organization = None
        body = _position_of_body(title)
        om = None if body else _ORG_MARKER.search(title, len(m.group(0)) if m.group("mod") else len(head))
        if body:
            title, organization = body
        elif om and om.start() > 0:
            org_end = title_toks[-1].end if title_toks else t_end
            organization = " ".join(text[t_start + om.start():org_end].split()).rstrip(", ")
            title = title[: om.start()].rstrip(" ,")
        if organization is None:
            title, organization = split_title_body(title)
        if not title:
            continue
        # "Gubernur" alone: a head whose jurisdiction is a province etc.
        official = lex.head_kind.get(head_key) == "office" and organization is None
        if region is not None and gz is not None and organization is None:
            official = official or head_key in ("ketua", "wakilketua", "anggota", "sekretaris")
        out.append(PersonMention(name[0].start, name_end, name_str, "person.title", title,
                                 jurisdiction, organization, official))
    return out


_RUN_TOKEN = r"(?:\p{Lu}\p{Ll}{0,3}\.|\p{Lu}[\p{L}'’\-]*)"
# a lowercase kinship particle may join two name words: "Nita bin Umar", "Rosmawati br Sembiring"
_KIN_PARTICLES = frozenset(("bin", "binti", "br", "boru"))
_NAME_RUN = (r"(?:(?:H|Hj|Dr|Drs|Dra|Ir|Prof|KH|Ra)\.?\s+)?%s(?:[ ]+(?:(?:%s)[ ]+)?%s){0,4}"
             % (_RUN_TOKEN, "|".join(sorted(_KIN_PARTICLES)), _RUN_TOKEN))
# Keyword alternations are kept as plain strings (no \p{..}) so that `first_words` can read them.
_ATTRIB_CUES = (
    r"kata|ujar|ungkap|sebut|tutur|jelas|tegas|papar|imbuh|tambah|ucap|aku|terang|harap|"
    r"pungkas|lanjut|sambung|cerita|katanya|Menurut|Dijelaskan|Disebutkan|Dikatakan|Ditambahkan|Diungkapkan|"
    r"Ditegaskan|oleh|almarhum|almarhumah|alm\.|Bapak|Ibu|Pak|Bu|Sdr\.?|menggantikan|digantikan|melantik|"
    r"diketuai|dipimpin|dijabat|Pelantikan|pelantikan|Pengukuhan|pengukuhan|mengangkat|menunjuk"
)
_ATTRIB_AFTER = re.compile(r"(?<![\p{L}])(?:%s)\s+(?P<name>%s)" % (_ATTRIB_CUES, _NAME_RUN))
# A name before the office it is given: "Drs. Helmi D, M.Pd dipercaya sebagai Asisten III …", "… melantik A Murtala
# sebagai Pj Bupati …", "Aufa Syahrizal Syarkoni (Kepala Dinas …) jadi Pjs Bupati …". The title comes from
# `_title_after`.
_OFFICE_VERBS = r"sebagai|selaku|menjadi|jadi"
_NAME_BEFORE_OFFICE = re.compile(
    r"(?P<name>%s)(?:[ ]+\p{Lu}\p{L}{0,3}\.(?:\p{L}{1,4}\.?){1,3}(?=[ ,]))*"  # a degree without a comma: "… Lubis S.Sos"
    r"(?:,[ ]*(?:\p{Lu}[\p{L}]*\.?){1,3}(?:[ ]*,)?)*(?:[ ]*\([^()\n]{1,80}\))?[ ]+"
    r"(?:\p{Ll}+[ ]+){0,3}\Z" % _NAME_RUN)  # "dipercaya", "diberi amanah", "yang kini dipasang" …
_OFFICE_KEY = re.compile(r"(?<![\p{L}])(?:%s)[ ]+(?=\p{Lu}|(?:wakil[ ]+)?ketua|sekretaris|bendahara|kepala[ ]+\p{Lu})"
                         % _OFFICE_VERBS)
# a board position written lowercase with no body after it: "… dikukuhkan sebagai ketua, menggantikan …"
_BARE_BOARD = re.compile(r"(?P<pos>wakil\s+ketua(?:\s+umum)?|ketua(?:\s+umum|\s+harian)?|sekretaris(?:\s+umum)?|"
                         r"bendahara(?:\s+umum)?)(?=\s*[,.;]|\s+(?:yang|dan|menggantikan|periode|masa|terpilih)\b)")
_PAREN_ACTING = re.compile(r"\)[ ]+(?=%s)" % _ACTING_AFTER_PAREN)
_OFFICE_FIRST = first_words(r"(?:%s)[ ]" % _OFFICE_VERBS)
# where the clause before an office verb starts: a sentence end (a period after a word of four or more
# letters; "Drs." and "M.Pd" are no ends), other sentence punctuation, a parenthesis, a line or list dash
_CLAUSE_START = re.compile(r"(?r)(?<=\p{L}{4})\.\s|[;:!?\n]|\s[-–]\s|\A")
_SPEECH_VERBS = (
    r"mengatakan|menjelaskan|menyampaikan|mengungkapkan|menuturkan|menambahkan|menegaskan|mengaku|"
    r"berharap|menilai|menyebutkan|menyebut|mengimbau|meminta|memaparkan|melanjutkan|mengingatkan|"
    r"menggarisbawahi|menekankan|merinci|menerangkan|mengapresiasi|menyatakan|mengajak|memastikan|"
    r"mendorong|berpesan|bercerita|dalam\s+sambutannya|meresmikan|menyerahkan|mengukuhkan|melantik|meluncurkan|"
    r"menandatangani|membuka|menyalurkan|membagikan|meninjau|menerima|meraih"
)
_SPEECH_VERB = re.compile(
    r"(?P<name>%s)[ ]+(?:juga[ ]+|pun[ ]+|lantas[ ]+|kemudian[ ]+|sendiri[ ]+)?(?:%s)\b" % (_NAME_RUN, _SPEECH_VERBS)
)
_ROLES = (r"pendamping|pemilik|pengurus|pengelola|koordinator|penyuluh|perwakilan|pendiri|owner|narasumber|"
          r"pemateri|instruktur|fasilitator|mentor")
_ROLE_BEFORE = re.compile(
    r"(?<![\p{L}])(?P<role>%s)"
    r"(?:[ ]+(?:dari|di)[ ]+(?P<org>[^.,;\n]{3,80}?))?,[ ]+(?P<name>%s)(?=[ ]*[.,;]|[ ]+(?:mengatakan|menjelaskan|"
    r"menyampaikan|mengaku|menuturkan)\b)" % (_ROLES, _NAME_RUN)
)
_ROLE_NOUNS = (r"salah[ ]+(?:satu|seorang)|seorang|pemilik|ketua|warga|pengurus|pengelola|perajin|pengrajin|"
               r"petani|pedagang|nelayan|pelaku|anggota|penerima|owner|pendiri|pengawas|pegawai|karyawan|guru|"
               r"mahasiswa|ibu[ ]+rumah|penenun|penjual|peserta|pengusaha|buruh|sopir|peternak|pembudidaya|"
               r"produsen|pelajar|dosen|bakul|perintis|penggerak|kader|relawan|pendamping|penyuluh|pekerja|"
               r"pembuat|penjahit|pembatik|pengolah|pegiat|penggiat|pelatih|narasumber|instruktur|fasilitator|"
               r"konsultan|wirausahawan|pemuda|tokoh|perwakilan|pembina")
_APPOSITION = re.compile(r"(?P<name>%s),[ ]+(?:%s)\b" % (_NAME_RUN, _ROLE_NOUNS))
# "Penjual tahu aci, Darsono, mengaku …": a name between commas before a verb of saying or feeling
_COMMA_VERBS = (r"mengaku|mengakui|mengatakan|menyambut|menuturkan|menjelaskan|menyampaikan|mengungkapkan|berharap|"
                r"bercerita|menceritakan|menambahkan|menilai|merasa|mengapresiasi|meminta|mengajak|mengimbau|"
                r"mengingatkan|menyebut|menyebutkan|menerangkan|memaparkan|menegaskan|berpesan|bersyukur|"
                r"mengeluhkan|mengatakannya|berterima\s+kasih|mengucapkan")
_COMMA_NAME_OPENER = r"(?<![\p{L}])(?i:%s)" % _ROLE_NOUNS  # what a match starts with (see _clause_openers)
_COMMA_NAME = re.compile(
    r"%s[^,.;:\n]{0,70},[ ]+(?P<name>%s)(?:,[^,.;:\n]{1,60})?,?[ ]+(?:juga[ ]+)?(?:%s)\b"
    % (_COMMA_NAME_OPENER, _NAME_RUN, _COMMA_VERBS))
_HONORIFICS = r"H|Hj|Dr|Drs|Dra|Ir|Prof|KH"  # written with a period: "H. Lalu Saswadi"
_FAMILIAR = r"Mama|Bapa|Daeng|Bli|Uda|Mbah"  # forms of address: "Daeng Ngemba"
_HONORIFIC_CUE = re.compile(
    r"(?<![\p{L}])(?:%s)\.[ ]+(?P<name>%s)|(?<![\p{L}])(?:%s)[ ]+(?P<name2>%s)"
    % (_HONORIFICS, _RUN_TOKEN + r"(?:[ ]+" + _RUN_TOKEN + r"){0,3}",
       _FAMILIAR, _RUN_TOKEN + r"(?:[ ]+" + _RUN_TOKEN + r"){0,3}"))


# a resident or beneficiary named right before an occupation: "Masing-masing, Engga pelaku UMKM batik, Dasiwan
# perajin bambu, …"
_OCCUPATIONS = (r"pelaku|perajin|pengrajin|pedagang|petani|nelayan|peternak|penjual|pembudidaya|penenun|pembatik|"
                r"penjahit|pengusaha|pemilik")
_NAME_OCCUPATION = re.compile(r"(?P<name>%s)[ ]+(?:%s)\b" % (_NAME_RUN, _OCCUPATIONS))
# only after a capitalised word: "pelaku" follows "para", "bagi", "UMKM" far more often than a name
_OCCUPATION_KEY = re.compile(r"(?<=\p{Lu}[\p{L}'’\-]*[ ]+)(?P<cue>%s)\b" % _OCCUPATIONS)
# a person named before the nickname they go by: "Budi Santoso, yang akrab disapa Budi Kopi, …"
_NICK_VERBS = r"disapa|dipanggil"  # not "disebut": places are called too
_NICKNAMED = re.compile(r"(?P<name>%s),?[ ]+(?:yang[ ]+)?(?:lebih[ ]+)?(?:akrab[ ]+|biasa[ ]+)(?:%s)\b"
                        % (_NAME_RUN, _NICK_VERBS))
# the name's comma lies in a lookbehind, so that the key starts at a word of the index (see _APPOSITION_KEY)
_NICK_KEY = re.compile(r"(?<=(?P<cue>,?[ ]+(?:yang[ ]+)?(?:lebih[ ]+)?))(?:akrab|biasa)[ ]+(?:%s)\b" % _NICK_VERBS)
# a spouse named after the word: "Emil datang didampingi istrinya Atalia Prayatya"
_SPOUSE_WORDS = r"istri|istrinya|isteri|isterinya|suami|suaminya"
_SPOUSE = re.compile(r"(?<![\p{L}])(?:%s)[ ]+(?P<name>%s)" % (_SPOUSE_WORDS, _NAME_RUN))


class _Scan:
    """The matches of keyword-led patterns in one article, the same as `finditer` gives them.

    Running a large alternation of cue words with `finditer` tries it at every character of the
    body. Every match of these patterns starts with a word of a finite set (`first_words` of the
    pattern's keywords), so the pattern is tried only where one of those words starts, read from
    the article's word index (`finditer_at`, which also tries a word cut by the end of the span). The starts
    of each word set are looked up once per article, not once per body span."""

    def __init__(self, text: str, index: WordIndex) -> None:
        self.text = text
        self.index = index
        self._starts: dict[frozenset[str], list[int]] = {}

    def finditer(self, pattern: re.Pattern[str], first: frozenset[str] | None, a: int, b: int
                 ) -> list[re.Match[str]]:
        """The matches of `pattern` in text[a:b]; `first`: the words every match starts with (None: unknown)."""
        starts = None
        if first is not None:
            starts = self._starts.get(first)
            if starts is None:
                starts = self._starts[first] = self.index.starts(first)
        return list(finditer_at(pattern, starts, self.text, a, b))


# Keys: the cue words a pattern's matches end with, each found through the index. Patterns that start
# with a name are tried only in windows that end at their key (the group "cue" starts where the window
# ends): the regex engine would otherwise attempt a name at every capital letter of the article. The
# apposition's comma is in a lookbehind so that its keys, too, start at a word of the index.
_SPEECH_KEY = re.compile(r"(?<![\p{L}])(?P<cue>%s)\b" % _SPEECH_VERBS)
_APPOSITION_KEY = re.compile(r"(?<=(?P<cue>,[ ]+))(?:%s)\b" % _ROLE_NOUNS)
_COMMA_NAME_KEY = re.compile(r"(?<![\p{L}])(?:%s)\b" % _COMMA_VERBS)
# A `_COMMA_NAME` match is a role noun, a gap without [,.;:\n] up to a comma before the capital of the
# name, and a tail from that comma to a key (verb) with at most two more commas and no ";" or ":" in it:
# "Penjual tahu aci asal Batang|, Darsono, mengaku". Commas are found fast (a literal); the pattern is
# tried only at the role nouns of the clauses such a comma ends (`_clause_openers`), not at every
# character up to the last key.
_COMMA_BEFORE_NAME = re.compile(r",(?=[ ]+\p{Lu})")
_LAST_CLAUSE_BREAK = re.compile(r"(?r)[,.;:\n]")
_WORD_START = re.compile(r"(?<![\p{L}\p{N}])")
# The last character (reverse search) that `_NAME_RUN` cannot hold: letters, ’'-. and whitespace only.
# A keyed match runs from its name to the key without such a character (the words between, "juga",
# are letters too), and has nothing before its name to look at; so no match starts before it.
_NOT_IN_NAME_LAST = re.compile(r"(?r)[^\p{L}'’\-.\s]")


@dataclass(frozen=True)
class _Cue:
    """A cue pattern of `_cue_mentions`, with what is needed to find its matches quickly."""
    pattern: re.Pattern[str]
    rule: str
    from_end: bool  # the name is the trailing name run of the match (it ends at the cue word)
    first: frozenset[str] | None  # the words a match starts with or, with a key, a key match starts with
    key: re.Pattern[str] | None = None  # the cue words every match ends with
    windows: bool = False  # with a key: try the pattern only in a window before each key
    opener: re.Pattern[str] | None = None  # with a key, no windows: the start of a match (see _clause_openers)


# The words each pattern (or key) starts with. `first_words` reads the keyword alternation followed by
# what ends the word in the pattern (\s, \b, a period…): it must not be able to go on with a letter.
_CUES = (
    _Cue(_ATTRIB_AFTER, "person.attribution", False, first_words(r"(?:%s)\s" % _ATTRIB_CUES)),
    _Cue(_SPEECH_VERB, "person.speech_verb", True, first_words(r"(?:%s)\b" % _SPEECH_VERBS), _SPEECH_KEY,
         windows=True),
    _Cue(_NAME_OCCUPATION, "person.occupation", True, first_words(r"(?:%s)\b" % _OCCUPATIONS), _OCCUPATION_KEY,
         windows=True),
    _Cue(_NICKNAMED, "person.nickname", True, first_words(r"(?:akrab|biasa)[ ]"), _NICK_KEY, windows=True),
    _Cue(_APPOSITION, "person.apposition", True, first_words(r"(?:%s)\b" % _ROLE_NOUNS), _APPOSITION_KEY,
         windows=True),
    # its role noun may run on into the next word ("pedagangsayur asal …, Suminah, mengaku"): no first
    # word, but every match ends with a verb, and it is tried only at the role nouns of the clauses
    # before a verb whose comma may start the name (see `_COMMA_BEFORE_NAME`)
    _Cue(_COMMA_NAME, "person.apposition", False, first_words(r"(?:%s)\b" % _COMMA_VERBS), _COMMA_NAME_KEY,
         opener=re.compile(_COMMA_NAME_OPENER)),
    _Cue(_HONORIFIC_CUE, "person.honorific", False, first_words(r"(?:%s)\.|(?:%s)[ ]" % (_HONORIFICS, _FAMILIAR))),
    _Cue(_SPOUSE, "person.spouse", False, first_words(r"(?:%s)[ ]" % _SPOUSE_WORDS)),
)
_ROLE_FIRST = first_words(r"(?:%s)(?:[ ]+|,)" % _ROLES)


def _matches(cue: _Cue, scan: _Scan, a: int, b: int) -> list[re.Match[str]]:
    """The matches of a cue pattern in text[a:b] (for a windowed pattern: those found in the windows)."""
    if cue.key is None:
        return scan.finditer(cue.pattern, cue.first, a, b)
    text = scan.text
    keys = scan.finditer(cue.key, cue.first, a, b)
    if not cue.windows:
        # Nothing can match after the last key. Ending the search one character after it leaves the
        # final \b what it saw; no shorter word can end there either (that character is not a letter).
        if not keys:
            return []
        end = min(b, keys[-1].end() + 1)
        if cue.opener is None:
            return list(cue.pattern.finditer(text, a, end))
        return list(finditer_at(cue.pattern, _clause_openers(cue.opener, text, a, keys), text, a, end))
    out: list[re.Match[str]] = []
    last = a
    for k in keys:
        at = k.start("cue")
        if at < a:
            continue  # the apposition's comma lies before the span
        lo = max(last, at - 160)
        ws = _WORD_START.search(text, lo, at)
        lo = ws.start() if ws else lo
        brk = _NOT_IN_NAME_LAST.search(text, lo, at)
        if brk is not None:
            lo = brk.end()  # same matches, fewer positions tried: see _NOT_IN_NAME_LAST
        for m in cue.pattern.finditer(text, lo, min(b, k.end() + 1)):
            if not out or m.start() >= out[-1].end():
                out.append(m)
        last = max(last, at)
    return out


def _clause_openers(opener: re.Pattern[str], text: str, a: int, keys: Sequence[re.Match[str]]) -> list[int]:
    """Sorted starts of `opener` in the clauses that may hold a `_COMMA_NAME` match (see `_COMMA_BEFORE_NAME`).

    A clause runs from the last [,.;:\n] before its comma (or from `a`); its tail must reach a key: the
    first key after the comma, as later keys only have more between. Every match of `opener` in the
    clause is listed, overlapping ones too ("salah seorang" and "seorang"), so that no start is missed."""
    key_at = [k.start() for k in keys]
    out: list[int] = []
    for c in _COMMA_BEFORE_NAME.finditer(text, a, key_at[-1]):
        comma = c.start()
        k = key_at[bisect_left(key_at, comma)]
        if text.count(",", comma + 1, k) > 2 or text.find(";", comma, k) >= 0 or text.find(":", comma, k) >= 0:
            continue
        brk = _LAST_CLAUSE_BREAK.search(text, a, comma)
        out.extend(m.start() for m in opener.finditer(text, brk.end() if brk else a, comma, overlapped=True))
    return out


def _cue_mentions(text: str, a: int, b: int, regions: Sequence[RegionMention], lex: _Lexicon, scan: _Scan
                  ) -> list[PersonMention]:
    out: list[PersonMention] = []
    for cue in _CUES:
        pat, rule, from_end = cue.pattern, cue.rule, cue.from_end
        for m in _matches(cue, scan, a, b):
            g = "name2" if "name2" in pat.groupindex and m.group("name2") else "name"
            s, e = m.span(g)
            raw = [_Tok(w.start() + s, w.end() + s, w.group(), "word") for w in _WORD.finditer(text[s:e])]
            # trim a sentence-final period
            if raw and _period_ends(raw[-1].text, 4):
                last = raw[-1]
                raw[-1] = _Tok(last.start, last.end - 1, last.text[:-1], "word")
            if from_end:
                _, name = _trailing_name(raw, lex, regions, 0)
                if pat is _NAME_OCCUPATION and any(_common_word(t.text, lex) for t in name):
                    continue  # "Ratusan pedagang …", "Sejumlah pelaku …": a quantity, no name
                before = _WORD_BEFORE_RUN.search(text, max(a, s - 50), s) if name else None
                if before and (before.group(1) in _PLACE_PREPOSITIONS or name[0] is raw[0] and (
                        before.group(1).casefold() in _ORG_HEADS or before.group(1) in _PLACE_NOUNS)):
                    continue  # "Kopontren Darul Ulum meraih …": the name of a cooperative, not a person; "dermaga
                    # Arborek, salah satu …", "perajin dupa asal Banjar Sangeh Kaja mengaku …": a place
            else:
                name = []
                toks = _strip_name(raw, lex)
                for n, t in enumerate(toks):
                    if (name and t.text in _KIN_PARTICLES and n + 1 < len(toks)
                            and _is_name_token(toks[n + 1].text, lex)):
                        name.append(t)  # "Nita bin Umar"
                        continue
                    if (name and _is_initial(t.text) and n + 1 < len(toks) and _is_name_token(toks[n + 1].text, lex)
                            and not _covered(regions, t.start, t.end)):
                        name.append(t)  # "Drs. Bambang S Nugroho": an initial inside the name
                        continue
                    if not _is_name_token(t.text, lex) or _covered(regions, t.start, t.end):
                        break
                    if name and _period_ends(t.text, 3):
                        name.append(_Tok(t.start, t.end - 1, t.text[:-1], "word"))
                        break  # "menggantikan Suwarno Hadi. Perempuan …": the sentence ends the name
                    name.append(t)
                if name and name[-1].text.endswith(".") and text[name[-1].end:name[-1].end + 1].isalpha():
                    name.pop()  # "Bambang S Nugroho M.Si": the initial opens a degree written without a comma
                name = _strip_name(name, lex)
            if not name or all(t.text.endswith(".") for t in name) or text[name[0].start - 1:name[0].start] == ".":
                continue  # "M.Si. menyerahkan": a degree, not a name
            cue = m.group(0).split()[0].casefold()
            # one capitalised word before "mengatakan" or after "oleh"/"Menurut" is as often a company or an
            # agency (Shopee, Bappenas) as a person: it counts only when it joins a fuller or titled mention
            strong = (len(name) >= 2 or (pat is not _SPEECH_VERB and cue not in ("oleh", "menurut"))
                      or (pat is _SPEECH_VERB and name[0].start > raw[0].start))  # "… Kemenag Batang Siswoyo mengatakan"
            out.append(PersonMention(name[0].start, name[-1].end, _name_text(text, name), rule, strong=strong))
    for k in scan.finditer(_OFFICE_KEY, _OFFICE_FIRST, a, b):
        if lex.heads.match(text, k.end()) is None and _BARE_BOARD.match(text, k.end()) is None:
            continue  # "… menjadi Tulang Punggung": no office follows
        brk = _CLAUSE_START.search(text, max(a, k.start() - 160), k.start())
        out.extend(_name_before_office(text, brk.end() if brk else a, k.start(), regions, lex))
    # "Muhammad Zaki Aslam (Karo Umum Pemprov Sumsel) Pjs bupati di Kabupaten OKU.": no verb before the office
    for k in _PAREN_ACTING.finditer(text, a, b):
        close = text.rfind("(", max(a, k.start() - 82), k.start())
        if close >= 0:
            brk = _CLAUSE_START.search(text, max(a, close - 80), close)
            out.extend(_name_before_office(text, brk.end() if brk else a, k.start() + 2, regions, lex))
    # "- Boby Rachmat, SSTP., M.Si memimpin …", "Yurnalis, S.Sos, M.Si menjadi …": a name before its degrees
    last = a
    for d in lex.degree_after.finditer(text, a, b):
        if d.start() < last:
            continue
        brk = _CLAUSE_START.search(text, max(a, d.start() - 80), d.start())
        lo = brk.end() if brk else max(a, d.start() - 80)
        raw = [_Tok(w.start() + lo, w.end() + lo, w.group(), "word") for w in _WORD.finditer(text[lo:d.start()])]
        _, name = _trailing_name(raw, lex, regions, 0)
        last = d.end()
        if not name or all(t.text.endswith(".") for t in name):
            continue
        if len(name) == 1 and (name[0].text.casefold() in lex.common or name[0].text.casefold() in lex.stop):
            continue
        out.append(PersonMention(name[0].start, name[-1].end, _name_text(text, name), "person.degree"))
    for age in _AGE.finditer(text, a, b):  # "Salah satu penerima, Sitti Aminah (45), pedagang sayur …"
        m = _AGE_AFTER.search(text, max(a, age.start() - 80), age.end())
        if m is None:
            continue
        s, e = m.span("name")
        raw = [_Tok(w.start() + s, w.end() + s, w.group(), "word") for w in _WORD.finditer(text[s:e])]
        _, name = _trailing_name(raw, lex, regions, 0)
        if not name or (len(name) == 1 and (name[0].text.casefold() in lex.common or name[0].text.casefold() in lex.stop)):
            continue
        before = _WORD_BEFORE_RUN.search(text, max(a, name[0].start - 50), name[0].start)
        if before and before.group(1).casefold() in _ORG_HEADS:
            continue
        out.append(PersonMention(name[0].start, name[-1].end, _name_text(text, name), "person.age"))
    for m in scan.finditer(_ROLE_BEFORE, _ROLE_FIRST, a, b):
        s, e = m.span("name")
        raw = [_Tok(w.start() + s, w.end() + s, w.group(), "word") for w in _WORD.finditer(text[s:e])]
        name = []
        for t in _strip_name(raw, lex):
            if not _is_name_token(t.text, lex) or _covered(regions, t.start, t.end):
                break
            name.append(t)
        if name:
            org = m.group("org")
            out.append(PersonMention(name[0].start, name[-1].end, _name_text(text, name), "person.role_apposition",
                                     title=m.group("role"),
                                     organization=" ".join(org.split()) if org and org[0].isupper() else None))
    return out


# a person's age in parentheses after the name: "Warsini (47)", "Nurhayati (38 tahun)"
_AGE = re.compile(r"\([ ]*\d{1,2}(?:[ ]*(?:th|thn|tahun))?[ ]*\)")
_AGE_AFTER = re.compile(r"(?P<name>%s)[ ]*%s\Z" % (_NAME_RUN, _AGE.pattern))
_COMMA_TITLE = re.compile(r"(?:,[ ]*(?:\p{Lu}[\p{L}]*\.){1,3}(?:\p{Lu}[\p{L}]*)?(?=,))*,[ ]+(?=\p{Lu})")  # over degrees: ", S.E., M.Si., Kepala …"
_AT_REGION = re.compile(r"[ ]+di\s+(?:(?i:kabupaten|kab\.|kota|provinsi|prov\.)\s+)?(?=\p{Lu})")


def _name_before_office(text: str, lo: int, hi: int, regions: Sequence[RegionMention], lex: _Lexicon
                        ) -> list[PersonMention]:
    """The mention of the name that text[lo:hi] ends with, before an office (see `_NAME_BEFORE_OFFICE`)."""
    m = _NAME_BEFORE_OFFICE.search(text, lo, hi)
    if m is None:
        return []
    s, e = m.span("name")
    raw = [_Tok(w.start() + s, w.end() + s, w.group(), "word") for w in _WORD.finditer(text[s:e])]
    _, name = _trailing_name(raw, lex, regions, 0)
    if not name or all(t.text.endswith(".") for t in name):
        return []
    return [PersonMention(name[0].start, name[-1].end, _name_text(text, name), "person.name_before_office")]


def _title_after(text: str, p: PersonMention, regions: Sequence[RegionMention], lex: _Lexicon,
                 starts: Sequence[int] = ()) -> None:
    m = _TITLE_AFTER.match(text, p.end)
    comma = m is None
    if comma:  # "…,” ujar Rohadi, Kepala Biro Perekonomian Sekretariat Provinsi."
        m = _COMMA_TITLE.match(text, p.end)
        if m is None:
            return
    h = lex.heads.match(text, m.end())
    if h and h.group(0)[0].islower() and _BARE_BOARD.match(text, m.end()):
        h = None  # "… sebagai wakil ketua umum periode …": a board position written lowercase, as a whole
    if not h:
        bare = None if comma or m.group("is") else _BARE_BOARD.match(text, m.end())
        if bare is not None:  # "Armiadi Aman Reza, M.P., dikukuhkan sebagai ketua, …": the board's position
            p.title = bare.group("pos")[0].upper() + " ".join(bare.group("pos").split())[1:]
            p.title = " ".join(w.capitalize() for w in p.title.split())
        return
    toks = _scan_extent(text, h.end(), min(len(text), h.end() + 200))
    end = h.end()
    jurisdiction = None
    unit = bool(_UNIT_OF & {w.casefold() for w in h.group(0).split()})
    for k, t in enumerate(toks):
        r = _covered(regions, t.start, t.end)
        if r is not None:
            jurisdiction = r.to_region().name
            break
        if t.kind == "comma":
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            if unit and nxt is not None and nxt.kind == "word" and nxt.text.casefold() in _UNIT_NAME_GOES_ON:
                continue  # "Kepala Dinas Koperasi, Usaha Kecil dan Menengah Kabupaten …": one unit's name
            break
        if t.kind == "conj" and k + 1 < len(toks) and toks[k + 1].start in starts:
            break  # "sebagai kepala Dinas Perdagangan serta Marzuki Lubis …": the next appointee, not the unit
        unit = unit or t.text.casefold() in _UNIT_OF
        end = t.end
    if comma and any(h.start() <= x <= end for x in starts):
        return  # "Rohadi, Kepala Biro Umum Budi Santoso, …": a list, the title is the next person's
    title = text[h.start():end]
    keep = len(h.group(0))
    title = title[:keep] + _strip_unit_tail(title[keep:], _UNIT_TAIL)
    if jurisdiction is None and (at := _AT_REGION.match(text, end)) is not None:
        r = _covered(regions, at.end(), at.end() + 1)  # "Pjs bupati di Kabupaten OKU": the office's region
        jurisdiction = r.to_region().name if r is not None else None
    p.title, org = split_title_body(_RI_SUFFIX.sub("", " ".join(title.split())))
    p.organization = p.organization or org
    p.jurisdiction = jurisdiction
    if not comma and (m.group("is") or _NOW.search(m.group("now") or "")):
        p.extra["current"] = True  # "… yang saat ini menjabat Sekda", "Asra adalah Sekda …": the office held now
    p.official = lex.head_kind.get(h.group("head").casefold().replace(" ", "")) == "office"


_NAME_ABBREVIATIONS = {"tb": "tubagus"}  # "Tb Asep" = "Tubagus Asep Saefullah"


def _key_tokens(name: str) -> list[str]:
    """The words of a name as compared when merging mentions (compact, empty ones dropped, written-short name
    words written out)."""
    return [_NAME_ABBREVIATIONS.get(k, k) for k in map(compact, name.split()) if k]


def _same_person(short: list[str], full: list[str], cut: bool = False) -> bool:
    if not short or len(short) > len(full):
        return False
    if cut and len(short) >= 2 and full[: len(short) - 1] == short[:-1] and full[len(short) - 1].startswith(short[-1]):
        return True  # a body cut off mid-name: "… jelas Moh Khol"
    if len(short) == 1:
        return short[0] in full
    n = len(short)
    if n == len(full) >= 2 and sum(a != b for a, b in zip(short, full)) == 1:
        a, b = next((a, b) for a, b in zip(short, full) if a != b)
        if min(len(a), len(b)) == 1 and (b.startswith(a) or a.startswith(b)):
            return True  # an initial for one word: "M Abadi" / "Muhammad Abadi"
        # a typo in one word of a long name ("… Putra Sukma" / "… Putra Suksma"), or in the last of two after the same
        # first ("Agus Priyanto" / "Agus Prianto"; one-word names stay apart: NOTES dev-114 "Supriyadi", "Supriadi")
        return (n >= 3 or short[0] == full[0]) and _one_edit(a, b)
    if full[:n] == short or full[-n:] == short:
        return True
    # a shortened call that keeps the first word and drops middle ones: "La Ode Arsyad" for "La Ode Muhammad Arsyad
    # Yusran", "Ida Bagus Astawa" for "Ida Bagus Made Astawa", "Meiske Rumengan" for "Meiske Ch Rumengan"
    return short[0] == full[0] and _subsequence(short[1:], full[1:])


def _subsequence(short: list[str], full: list[str]) -> bool:
    """Whether the words of `short` occur in `full` in the same order (not necessarily side by side)."""
    it = iter(full)
    return all(w in it for w in short)


def _one_edit(a: str, b: str) -> bool:
    """Whether two words of four letters or more differ by one inserted, deleted or replaced letter."""
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    if len(a) > len(b):
        a, b = b, a
    i = next((k for k in range(len(a)) if a[k] != b[k]), len(a))
    return a[i:] == b[i + 1:]


def find_person_mentions(text: str, *, spans: Sequence[Span] | None = None, regions: Sequence[RegionMention] = (),
                         index: WordIndex | None = None, lexicon: UserLexicon | None = None) -> list[PersonMention]:
    """Every rule-based mention of a person in the body spans (title units, cues), titles stated after the name
    filled in. ``index``: the article's word index when the caller has one (built here otherwise);
    ``lexicon``: the user's additions (titles, name stopwords)."""
    lex = _lexicon(lexicon)
    spans = list(spans) if spans is not None else [(0, len(text))]
    scan = _Scan(text, index if index is not None else WordIndex(text))
    mentions: list[PersonMention] = []
    for a, b in spans:
        mentions.extend(_title_mentions(text, a, b, regions, lex, scan))
        mentions.extend(_cue_mentions(text, a, b, regions, lex, scan))
    for a, b in spans:
        mentions.extend(_names_before_titles(text, a, b, regions, lex, scan, mentions))
    _titles_after(text, mentions, regions, lex)
    mentions.extend(_current_offices(text, mentions, regions, lex))
    mentions = [p for p in mentions if not _named_by_acronym(text, p)
                and not _STREET_BEFORE.search(text, max(0, p.start - 40), p.start)]
    return _resolve_nicknames(text, mentions)


# a street named after someone: "jalan Panglima Besar Sudirman", "Jl. Brigjen H. Hasan Basri" (ranks, titles and
# honorifics between the street word and the name)
_STREET_BEFORE = re.compile(r"(?<![\p{L}])(?i:jalan|jln\.?|jl\.?|gang|gg\.)\s+(?:\p{Lu}[\p{L}.]*\s+){0,3}\Z")


_ACRONYM_AFTER = re.compile(r"[ ]*\((\p{Lu}{3,8})\)")
_CAP_WORDS_BEFORE = re.compile(r"(?:\p{Lu}[\p{L}'’\-]*[ ]+)+\Z")


def _named_by_acronym(text: str, p: PersonMention) -> bool:
    """Whether the mention ends a capitalised name that the acronym after it spells out, a programme or a body
    rather than a person: "Kredit Usaha Mama Kei (KUMK)"."""
    m = _ACRONYM_AFTER.match(text, p.end)
    if m is None:
        return False
    before = _CAP_WORDS_BEFORE.search(text, max(0, p.start - 80), p.start)
    words = (text[before.start():p.end] if before else text[p.start:p.end]).split()
    initials = "".join(w[0] for w in words).upper()
    return len(words) >= 3 and initials.endswith(m.group(1)) and len(m.group(1)) > len(p.name.split())


def _current_offices(text: str, mentions: Sequence[PersonMention], regions: Sequence[RegionMention], lex: _Lexicon
                     ) -> list[PersonMention]:
    """Later bare mentions of a found name that state the office held now ("A Murtala saat ini tercatat masih
    menjadi Sekda Aceh Utara", "Asra adalah Sekda Aceh Tamiang"): new mentions whose title outranks the others."""
    taken = [(p.start, p.end) for p in mentions]
    out: list[PersonMention] = []
    for name in {p.name for p in mentions if not p.extra.get("current")}:
        pos = text.find(name)
        while pos >= 0:
            end = pos + len(name)
            free = not any(a < end and pos < b for a, b in taken)
            if free and (pos == 0 or not text[pos - 1].isalnum()) and (end == len(text) or not text[end].isalnum()):
                q = PersonMention(pos, end, name, "person.current_office")
                _title_after(text, q, regions, lex)
                if q.title and q.extra.get("current"):
                    out.append(q)
                    taken.append((pos, end))
            pos = text.find(name, end)
    return out


# a nickname given right after a name: "Saifullah Yusuf atau yang akrab disapa Gus Ipul", "…, yang biasa dipanggil
# Kang Emil", "Tjokorda Oka Artha Ardana Sukawati (Cok Ace)"
_NICK = r"(?P<nick>\p{Lu}[\p{L}'’]*(?:[ ]+\p{Lu}[\p{L}'’]*){0,2})"
_NICKNAME_AFTER = re.compile(
    # over an age and a short apposition: "Paulus Lanjak (55), petani karet yang akrab disapa Apai Lanjak"
    r"(?:,?[ ]*(?:\p{Lu}[\p{L}]*\.){1,3}(?:\p{Lu}[\p{L}]*)?(?=[,\s]))*"  # over degrees: "Nadia Rahmawati, S.E., yang …"
    r"(?:[ ]*\(\d{1,3}(?:[ ]*(?:th|thn|tahun))?\))?(?:,[ ]+[^,.;:()\n\"“”]{1,60}?)?"
    r",?\s+(?:atau\s+)?(?:yang\s+)?(?:biasa\s+|akrab\s+|lebih\s+)?(?:disapa|dipanggil|dikenal(?:\s+dengan)?|"
    r"sapaan(?:\s+akrab(?:nya)?)?|panggilan(?:\s+akrab(?:nya)?)?)(?:\s+akrab)?\s+" + _NICK + r"(?![\p{L}])"
    r"|[ ]?\(" + _NICK + r"\)"
)


# every `_NICKNAME_AFTER` match holds one of these within its first 130 characters (a cheap pre-test)
_NICK_CUE = re.compile(r"disapa|dipanggil|dikenal|sapaan|panggilan|\(")


def _resolve_nicknames(text: str, mentions: list[PersonMention]) -> list[PersonMention]:
    """A nickname is no second person: the mentions named as the nickname given right after a full name ("akrab
    disapa Gus Ipul", "(Cok Ace)") take that full name."""
    alias: dict[str, str] = {}
    for q in mentions:
        if len(q.name.split()) < 2 and len(q.name) < 4:
            continue  # a short call takes the nickname too ("kata Latumahina, yang akrab disapa Bung Jack"): grouping
            # joins it to the full name
        m = _NICKNAME_AFTER.match(text, q.end) if _NICK_CUE.search(text, q.end, q.end + 130) else None
        if m is not None and m.group("nick") != q.name:
            alias.setdefault(" ".join(m.group("nick").split()), q.name)
    if alias:
        for p in mentions:
            if p.name in alias and not any(q.name == p.name and q.title for q in mentions):
                p.name = alias[p.name]
    # a nickname given away from the name: "Perempuan yang akrab disapa Bu Ida itu" after "Siti Nur Hidayati"
    away: dict[str, str] = {}
    for p in mentions:
        if len(p.name.split()) != 1 or p.title or not _NICK_CUE_BEFORE.search(text, max(0, p.start - 40), p.start):
            continue
        nick = p.name.casefold()
        full = next((q for q in sorted(mentions, key=lambda q: -q.start) if q.start < p.start and len(q.name.split()) >= 2
                     and any(nick in w.casefold() for w in q.name.split())), None)
        if full is not None:
            away.setdefault(p.name, full.name)
            p.name = full.name
        else:
            p.strong = False  # whose nickname it is the text does not say: it joins a person or is dropped
    # a nickname given to a noun for the person just named: "Andi Rezky Maulana Pawennari … dikukuhkan sebagai Ketua
    # Umum. Pria yang akrab disapa Andi Eki itu …": its mentions ("kata Andi Eki") are that person
    if "disapa" in text or "dipanggil" in text or "dikenal" in text:
        for m in _NICK_ANAPHOR.finditer(text):
            nick = " ".join(m.group("nick").split())
            owner = max((q for q in mentions if q.end <= m.start() and len(q.name.split()) >= 2 and q.name != nick),
                        key=lambda q: q.end, default=None)
            if owner is not None:
                away.setdefault(nick, owner.name)
    for p in mentions:  # "… didampingi Bu Ida": the nickname's other mentions
        if p.name in away and not p.title:
            p.name = away[p.name]
    return mentions


_NICK_ANAPHOR = re.compile(
    r"(?<![\p{L}])(?:Pria|Wanita|Perempuan|Lelaki|Sosok|Pemuda|Gadis)\s+(?:yang\s+)?(?:biasa\s+|akrab\s+|lebih\s+)?"
    r"(?:disapa|dipanggil|dikenal(?:\s+dengan)?)(?:\s+akrab)?\s+" + _NICK + r"(?![\p{L}])")


_NICK_CUE_BEFORE = re.compile(
    r"(?i)(?:disapa|dipanggil|sapaan(?:\s+akrab(?:nya)?)?|panggilan(?:\s+akrab(?:nya)?)?)\s+(?:akrab\s+)?"
    r"(?:(?:Bu|Pak|Gus|Mas|Mbak|Kang|Bang|Teh|Uda|Daeng|Bunda|Abah|Umi|Mama|Kak|Cak|Ning|Neng)\.?\s+)?\Z")


_COMMA_BEFORE = re.compile(r",[ ]+\Z")


def _names_before_titles(text: str, a: int, b: int, regions: Sequence[RegionMention], lex: _Lexicon, scan: _Scan,
                         known: Sequence[PersonMention]) -> list[PersonMention]:
    """A name of two words or more written before its title, the title naming nobody else: "Hendy Siswanto,
    Bupati Jember, saat membuka …" (not "Festival Batik Nusantara, Ketua Panitia Joko …")."""
    out: list[PersonMention] = []
    starts = sorted(q.start for q in known)
    for h in scan.finditer(lex.heads, lex.head_first, a, b):
        c = _COMMA_BEFORE.search(text, max(a, h.start() - 3), h.start())
        if c is None:
            continue
        after = _scan_extent(text, h.end(), min(b, h.end() + 200))
        end = after[-1].end if after else h.end()
        i = bisect_left(starts, h.start())
        if i < len(starts) and starts[i] <= end:
            continue  # the title is another person's unit
        brk = _CLAUSE_START.search(text, max(a, c.start() - 80), c.start())
        lo = brk.end() if brk else max(a, c.start() - 80)
        raw = [_Tok(w.start() + lo, w.end() + lo, w.group(), "word") for w in _WORD.finditer(text[lo:c.start()])]
        _, name = _trailing_name(raw, lex, regions, 0)
        if len(name) < 2 or any(q.start <= name[0].start < q.end for q in known):
            continue
        if any(t.text.endswith(".") and len(t.text) > 3 for t in name) or any(_common_word(t.text, lex) for t in name):
            continue
        out.append(PersonMention(name[0].start, name[-1].end, _name_text(text, name), "person.name_before_title"))
    return out


def _titles_after(text: str, mentions: Sequence[PersonMention], regions: Sequence[RegionMention], lex: _Lexicon) -> None:
    starts = [q.start for q in mentions]
    for p in mentions:
        if p.title is None:
            _title_after(text, p, regions, lex, starts)


def candidate_mentions(text: str, candidates: Sequence[Span], *, spans: Sequence[Span] | None = None,
                       regions: Sequence[RegionMention] = (), known: Sequence[PersonMention] = (),
                       lexicon: UserLexicon | None = None) -> list[PersonMention]:
    """Mentions from statistical candidates (proper-noun runs of a tagger, PERSON spans of the NER): the trailing
    run of two to four name-like words of each, unless it is a region, title or organisation word, holds a
    common word (data/common_words.txt, or a pe-/ke- … -an noun) that is no name particle, follows a place
    preposition or another capitalised word, or starts inside a ``known`` mention. A title stated after the name is filled in."""
    lex = _lexicon(lexicon)
    spans = list(spans) if spans is not None else [(0, len(text))]
    out: list[PersonMention] = []
    for cs, ce in candidates:
        if not any(a <= cs and ce <= b for a, b in spans):
            continue
        raw = [_Tok(w.start() + cs, w.end() + cs, w.group(), "word") for w in _WORD.finditer(text[cs:ce])]
        _, name = _trailing_name(raw, lex, regions, 0)
        before = _LETTERS_BEFORE.search(text, max(0, cs - 12), cs)
        # the whole run must be the name: a trimmed run is the tail of an organisation or a place
        # ("Pasar Rakyat Palapa"; the tagger may leave "Pasar" out), a run after "di"/"ke"/"dari" a venue
        if (2 <= len(name) <= 4 and name == _strip_name(raw, lex)
                and not any(_common_word(t.text, lex) for t in name)
                and not (before and (before.group(1).casefold() in _PLACE_PREPOSITIONS or before.group(1)[0].isupper()))
                and not any(m.start <= name[0].start < m.end for m in (*known, *out))):
            out.append(PersonMention(name[0].start, name[-1].end, _name_text(text, name), "person.nnp"))
    _titles_after(text, out, regions, lex)
    return out


# words of a group's name ("Valencia CF", "James Last Orchestra") and nouns whose capitalised name follows
# ("Puncak Datuk Panglima Husin", "Piala Bang Yos II"): a statistical PERSON span with one is no person
_GROUP_HEADS = frozenset("klub club fc cf band grup group orkestra orchestra partai majalah".split())
_NAMED_THING_NOUNS = _PLACE_NOUNS | frozenset("piala puncak desa kelurahan kecamatan kabupaten kota provinsi".split())


def ner_person_mentions(text: str, candidates: Sequence[Span], *, regions: Sequence[RegionMention] = (),
                        organizations: Sequence[Span] = (), known: Sequence[PersonMention] = (),
                        lexicon: UserLexicon | None = None) -> list[PersonMention]:
    """Mentions from the NER's PERSON spans of a text with no article around it (a sentence given alone): there
    are no titles, datelines or quotes to give cues, so the NER's span is the evidence. Each span is kept under
    its name (honorifics in front and degrees behind dropped, one word or more) unless it touches a region or an
    organisation the rules found, holds an organisation, company or group word ("Ponpes", "Hotel", "FC"), follows
    a noun whose name it is ("Puncak …", "Piala …", "Desa …"), opens with a common word ("Bidang Usaha Mikro",
    "Nelayan Tondo"; data/common_words.txt), or overlaps a ``known`` mention."""
    lex = _lexicon(lexicon)
    out: list[PersonMention] = []
    for cs, ce in candidates:
        toks = _strip_name([_Tok(w.start() + cs, w.end() + cs, w.group(), "word")
                            for w in _WORD.finditer(text[cs:ce])], lex)
        if not toks:
            continue
        s, e = toks[0].start, toks[-1].end
        low = [t.text.casefold() for t in toks]
        before = _LETTERS_BEFORE.search(text, max(0, s - 12), s)
        if (any(r.start < e and s < r.end for r in regions) or any(a < e and s < b for a, b in organizations)
                or any(w in _ORG_HEADS or w in _COMPANY_HEADS or w in _GROUP_HEADS for w in low)
                or (before is not None and before.group(1).casefold() in _NAMED_THING_NOUNS)
                or _common_word(toks[0].text, lex)
                or any(m.start < e and s < m.end for m in (*known, *out))):
            continue
        out.append(PersonMention(s, e, _name_text(text, toks), "person.ner"))
    _titles_after(text, out, regions, lex)
    return out


def confirm_mentions(mentions: Sequence[PersonMention], candidates: Sequence[Span]) -> list[PersonMention]:
    """The mentions with each weak one (a lone word a cue found, such as "Roshan menerima …", which grouping drops
    unless another mention backs it) made strong where a statistical candidate span covers it."""
    return [replace(m, strong=True) if not m.strong and any(s <= m.start and m.end <= e for s, e in candidates)
            else m for m in mentions]


# a noun made with pe(N)-/per-/ke- … -an ("Penyaluran", "Kesepahaman", "Peresmian"): never a name
_NOMINALISATION = re.compile(r"(?i:pe[nmr]?g?|ke)\p{Ll}{3,}an\Z")


def _common_word(word: str, lex: _Lexicon) -> bool:
    """Whether a word of a statistical candidate is a common word rather than part of a name."""
    low = word.casefold()
    return low not in lex.particle and (low in lex.common or _NOMINALISATION.match(word) is not None
                                        or (low.endswith("nya") and low[:-3] in lex.common))  # "Pesertanya"


def _other_holder(short: list[str], full: list[str], p: PersonMention, group: Sequence[PersonMention]) -> bool:
    """Whether a name of two words or more that ends a fuller name belongs to someone else: each holds its own
    office ("Wali Kota Pasuruan, Saifullah Yusuf" beside "Ketua Dekranasda Fatma Saifullah Yusuf", his wife)."""
    if len(short) < 2 or short == full or full[: len(short)] == short or p.title is None:
        return False
    office = _office_word(p.title)
    return any(q.title is not None and _office_word(q.title) != office for q in group)


_PAREN_GROUP = re.compile(r"\s*\([^()]*\)")


def _office_word(title: str) -> str:
    """The first word of a title after an acting-office word: "Pj Bupati" → "bupati", "Wakil Bupati" → "wakil"."""
    words = [w.casefold().strip(".") for w in _PAREN_GROUP.sub("", title).split()]  # "Penjabat (Pj) Bupati"
    return next((w for w in words if w not in ("pj", "pjs", "plt", "plh", "penjabat")), words[0] if words else "")


def group_persons(text: str, mentions: Sequence[PersonMention], *, spans: Sequence[Span] | None = None) -> list[Person]:
    """Distinct persons from mentions: nested mentions dropped (the titled one kept), shorter names joined to the
    first compatible full name, each person under its fullest name with the title of its first titled mention."""
    spans = list(spans) if spans is not None else [(0, len(text))]
    ordered = sorted(mentions, key=lambda p: (p.start, -(p.end - p.start)))
    # drop mentions nested in another at the same place (keep the title unit)
    kept: list[PersonMention] = []
    for p in ordered:
        dup = next((q for q in kept if q.start <= p.start and p.end <= q.end), None)
        if dup is not None:
            if dup.title is None and p.title is not None:
                kept[kept.index(dup)] = p
            continue
        kept.append(p)
    # group: longest names first, shorter mentions join the first compatible full name
    # (each name's key tokens are computed once: a group is compared through its first name's)
    keyed = sorted(((_key_tokens(p.name), p) for p in kept), key=lambda kp: (-len(kp[0]), kp[1].start))
    groups: list[tuple[list[str], list[PersonMention]]] = []
    for toks, p in keyed:
        cut = any(p.end >= b - 1 for _, b in spans)
        target = next((g for g_toks, g in groups if g_toks == toks), None)  # an equal name first
        if target is None:
            target = next((g for g_toks, g in groups if _same_person(toks, g_toks, cut)
                           and not _other_holder(toks, g_toks, p, g)), None)
        if target is None and len(toks) == 1 and len(toks[0]) >= 4 and p.title is None:
            # a short call of one name word: "Wahyu" for "Tri Wahyuningsih Kusumastuti", when only one name fits
            fits = [g for g_toks, g in groups if len(g_toks) >= 2 and any(w != toks[0] and w.startswith(toks[0])
                                                                          for w in g_toks)]
            if len(fits) == 1 and not any(g_toks == toks for g_toks, _ in groups):
                target = fits[0]
        if target is not None:
            target.append(p)
        elif len(toks) >= 2 or p.strong or p.title is not None:
            groups.append((toks, [p]))
    out: list[Person] = []
    for _, g in groups:
        g_sorted = sorted(g, key=lambda p: p.start)
        full = g[0]
        if any(len(k) == 1 for k in _key_tokens(full.name)):  # "M Abadi" … "Muhammad Abadi": the name written out
            n_full = len(_key_tokens(full.name))
            full = next((p for p in g if len(_key_tokens(p.name)) == n_full
                         and not any(len(k) == 1 for k in _key_tokens(p.name))), full)
        titled = next((p for p in g_sorted if p.title and p.extra.get("current")), None)
        titled = titled or next((p for p in g_sorted if p.title), None)
        if titled is not None:  # the same office written out later: "Kepala Dinsos" … "Kepala Dinas Sosial"
            office = _office_word(titled.title or "")
            name_words = set(full.name.split())
            titled = max((p for p in g_sorted if p.title and _office_word(p.title) == office
                          and p.title.split()[-1] not in name_words),  # "Plt Gubernur SF" of "SF Hariyanto"
                         key=lambda p: len(_PAREN_GROUP.sub("", p.title or "").split()), default=titled)
        first = g_sorted[0]
        out.append(Person(
            name=full.name,
            title=titled.title if titled else None,
            jurisdiction=titled.jurisdiction if titled else None,
            organization=titled.organization if titled else None,
            start=full.start, end=full.end, text=text[full.start:full.end],
            mentions=tuple((p.start, p.end) for p in g_sorted),
            is_official=bool(titled and titled.official),
            rule=titled.rule if titled else first.rule,
        ))
    out.sort(key=lambda p: p.mentions[0][0])
    return out


def find_persons(text: str, *, spans: Sequence[Span] | None = None,
                 regions: Sequence[RegionMention] = (), candidates: Sequence[Span] = (),
                 index: WordIndex | None = None, lexicon: UserLexicon | None = None) -> list[Person]:
    """Every distinct named person in the body spans, merged under the fullest name: the rule-based mentions
    (`find_person_mentions`), the statistical ``candidates`` that rules and context accept
    (`candidate_mentions`), grouped (`group_persons`)."""
    mentions = find_person_mentions(text, spans=spans, regions=regions, index=index, lexicon=lexicon)
    if candidates:
        mentions += candidate_mentions(text, candidates, spans=spans, regions=regions, known=mentions,
                                       lexicon=lexicon)
    return group_persons(text, mentions, spans=spans)
