"""Role values as phrases: trimming what a character window or a loose match leaves at a role's edges.

Pure functions over the article text and a role's character span. A role value must be a phrase: a person by
full name, an organisation or region as named, or a noun phrase with its head. What the event rules cut from a
window may start with a preposition or conjunction ("dan pengukuhan pengurus …", "oleh Gubernur …"), end with
a demonstrative or a relative clause ("… Lampung Tengah ini", "Pelatihan … yang berlangsung selama …"), or be a
lone function word, pronoun or honorific ("Setelah", "Sejak", "Ia", "hari", "Pdt"). `tidy_span` trims such
edges and rejects what is left when it is no phrase.
"""
from __future__ import annotations

import regex as re

__all__ = ["EDGE_WORDS", "tidy_span", "tidy_value", "is_phrase"]

Span = tuple[int, int]

# words that never start or end a role phrase (prepositions, conjunctions, subordinators, demonstratives,
# auxiliaries, pronouns, temporal nouns without their day)
EDGE_WORDS = frozenset(
    "dan atau serta yang di ke dari oleh pada dalam dengan untuk bagi kepada terhadap tentang sebagai setelah "
    "sebelum sejak usai selama hingga sampai saat ketika ini itu tersebut pun juga akan telah sudah sedang "
    "masih baru resmi secara sendiri ia dia beliau saya kami kita mereka hari pekan bulan tahun tanggal pukul bahwa agar supaya "
    "karena namun tetapi lalu kemudian sementara".split())
# honorifics and degrees cut off from their name by a window edge: "Dekranasda Aceh Dr", "Pdt"
_LOOSE_TITLES = frozenset("dr drs dra ir h hj pdt prof kh st se sh mm msi mpd".split())
_WORD = re.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’\-./]*")
# a clause that ends the phrase: a relative or adverbial clause, or a dash or semicolon break (commas and
# parentheses stay: "Aula Jayang Tingang, Kantor Gubernur", "Dinas Koperasi (Dinkop) dan UKM")
# or a predicate that a clause of its own starts with ("… periode 2022-2027 tertuang dalam SK")
_CLAUSE = re.compile(r"\s+(?:yang|dimana|di\s+mana|sehingga|agar|supaya|karena|tertuang|merupakan|berlangsung|"
                     r"bertempat|terdiri)(?:\s|\Z)|\s[-–—]\s|[;\"“”]")


# a short name in quotes, with no clause punctuation inside: "Satu Desa Satu Produk", “Si Jempol”
_QUOTED_NAME = re.compile(r"[\"“](?=\p{Lu}|\p{N})[^\"“”,.;:!?\n]{1,60}[\"”]")
_TIME_LEAD = re.compile(r"(?i)(?:beberapa|se|satu|dua|tiga|empat|lima|\d+)\s*(?:hari|pekan|minggu|bulan|tahun)\s+"
                        r"(?:sebelumnya|lalu|kemudian|setelahnya)\s+")
_COMPANION = re.compile(r"\s+(?:yang\s+)?didampingi(?:\s|\Z)|,?\s+bersama(?:-sama)?\s+(?:dengan\s+)?(?=\p{Lu})")


# a predicate where a nominal trigger's complement would be: "Pelantikan berlangsung di aula …", "Pengukuhan
# digelar …": the clause goes on, no role phrase follows
_PREDICATE_START = re.compile(r"(?i:berlangsung|berjalan|bertempat|digelar|diadakan|dilaksanakan|dilakukan|dihadiri|"
                              r"diikuti|dimulai|dipimpin|disaksikan|merupakan|tertuang)\b")


def _words(text: str, s: int, e: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group().rstrip(".")) for m in _WORD.finditer(text, s, e)]


def tidy_span(text: str, span: Span, *, cut_clause: bool = True) -> Span | None:
    """The span without function words at its edges and (with ``cut_clause``) without a trailing clause;
    None when nothing phrase-like is left."""
    s, e = span
    if _PREDICATE_START.match(text, s, e):
        return None
    lead = _TIME_LEAD.match(text, s, e)
    if lead is not None and lead.end() < e:
        s = lead.end()  # "beberapa hari sebelumnya koperasi …": a time phrase, not the role
    comp = _COMPANION.search(text, s, e)
    if comp is not None and comp.start() > s:
        e = comp.start()  # "Bupati yang didampingi Mardalena": who went along is not the role
    if cut_clause:
        c = _CLAUSE.search(text, s, e)
        while c is not None and c.start() == s:  # a break right at the start is an edge, not a clause
            s = c.end()
            c = _CLAUSE.search(text, s, e)
        while c is not None and (q := _QUOTED_NAME.match(text, c.start(), e)) is not None:
            c = _CLAUSE.search(text, q.end(), e)  # program "Satu Desa Satu Produk": a quoted name, not speech
        if c is not None and _words(text, s, c.start()):
            e = c.start()
    ws = _words(text, s, e)
    while ws and ws[0][2].casefold() in EDGE_WORDS and not _sasak_name(ws[0][2], ws[1][2] if len(ws) > 1 else ""):
        ws = ws[1:]
    while ws and (ws[-1][2].casefold() in EDGE_WORDS or _dotless(ws[-1][2]) in _LOOSE_TITLES):
        ws = ws[:-1]
    if not ws or not is_phrase([w for _, _, w in ws]):
        return None
    start, end = ws[0][0], ws[-1][1]
    if text.count("(", start, end) > text.count(")", start, end) and text.startswith(")", end):
        end += 1  # "Kredit Usaha Rakyat (KUR)": the closing parenthesis belongs to the phrase
    elif text.count("“", start, end) > text.count("”", start, end) and text.startswith("”", end):
        end += 1  # program “Si Jempol”
    elif text.count('"', start, end) % 2 and text.startswith('"', end):
        end += 1
    return start, end


def _sasak_name(word: str, following: str) -> bool:
    """Whether an edge word opens a name: "Lalu Ahmad Fathurrahim" (a Sasak particle), not "lalu" (then)."""
    return word == "Lalu" and following[:1].isupper()


def tidy_value(value: str) -> str | None:
    """A role value that is not the text of its span (a time phrase cut out of it: "Pada [2023,] Kopontren …") without
    function words at its edges; None when nothing phrase-like is left."""
    ws = value.split()
    while ws and ws[0].strip(".,").casefold() in EDGE_WORDS and not _sasak_name(ws[0], ws[1] if len(ws) > 1 else ""):
        ws = ws[1:]
    while ws and ws[-1].strip(".,").casefold() in EDGE_WORDS:
        ws = ws[:-1]
    return " ".join(ws) if ws and is_phrase([w.strip(",") for w in ws]) else None


def _dotless(word: str) -> str:
    """"M.Si." → "msi": a degree or honorific as the loose-title set keys it."""
    return word.replace(".", "").casefold()


def is_phrase(words: list[str]) -> bool:
    """Whether words (as written) can stand as a role value: not a lone function word or title, not one short
    lowercase word ("hal"); a short acronym is a name ("MoU", "KUR")."""
    if len(words) == 1:
        w = words[0]
        low = w.casefold()
        return (low not in EDGE_WORDS and _dotless(w) not in _LOOSE_TITLES and low not in _BARE_NOUNS
                and (len(w) > 3 or not w.islower()))
    return True


# nouns that name nobody alone: "kepada 73 orang yang berperan …" leaves "orang"
_BARE_NOUNS = frozenset("orang pihak".split())
