"""String normalisation shared by scoring and extraction (ANNOTATION.md, "Scoring").

Strings compare after Unicode NFKC, case-folding, replacing punctuation by spaces and collapsing
whitespace (`normalize_text`); person names further lose honorifics and degrees
(`normalize_name`). The honorific/degree list is rule data: ``data/honorifics.txt``.

>>> normalize_text("  Kepala Dinas  Koperasi & UKM ")
'kepala dinas koperasi ukm'
>>> normalize_name("Dr. H. Achmad Fauzi, S.E., M.Si.")
'achmad fauzi'
"""
from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from bisect import bisect_left

import re
import unicodedata

import regex as _regex
from functools import cache
from importlib import resources

__all__ = ["WordIndex", "finditer_at", "first_words", "honorifics", "normalize_name", "normalize_text",
           "parse_honorifics"]

# Standard-library `re` on purpose: `\w` here must mean exactly what it means in the referee scorer.
_PUNCT = re.compile(r"[^\w\s]")
# A degree list after a comma ("Budi, S.E., M.Si."): keep what precedes the first comma.
_DEGREE_AFTER_COMMA = re.compile(r",\s*[A-Z][a-zA-Z]?\.")

_HONORIFICS_FILE = "honorifics.txt"


def normalize_text(s: str | None) -> str:
    """NFKC, case-folded, punctuation turned into spaces, whitespace collapsed; ``None`` gives ``""``.

    Non-string values are compared through ``str()`` (numbers in event roles)."""
    if s is None:
        return ""
    t = unicodedata.normalize("NFKC", str(s)).casefold()
    return " ".join(_PUNCT.sub(" ", t).split())


def _honorific_key(entry: str) -> str:
    return normalize_text(entry.replace(".", ""))


def parse_honorifics(text: str, source: str = _HONORIFICS_FILE) -> frozenset[str]:
    """The entries of an honorifics file (one per line, `#` comments) as normalised single words.

    Raises ValueError, naming `source` and the line, for an entry that is not one word once
    normalised or that repeats another ("S.E." and "SE" are the same entry)."""
    seen: dict[str, int] = {}
    for lineno, line in enumerate(text.splitlines(), 1):
        entry = line.split("#", 1)[0].strip()
        if not entry:
            continue
        key = _honorific_key(entry)
        if not key or " " in key:
            raise ValueError(f"{source}:{lineno}: {entry!r} is not a single word once normalised (got {key!r})")
        if key in seen:
            raise ValueError(f"{source}:{lineno}: {entry!r} repeats the entry of line {seen[key]} (both are {key!r})")
        seen[key] = lineno
    return frozenset(seen)


@cache
def honorifics() -> frozenset[str]:
    """The honorifics and degrees of ``data/honorifics.txt``, as normalised single words ("se", "msi")."""
    text = resources.files("umkm_extract.data").joinpath(_HONORIFICS_FILE).read_text("utf-8")
    return parse_honorifics(text)


def normalize_name(s: str | None) -> str:
    """A person name as compared: `normalize_text` without honorifics and degrees anywhere.

    A comma followed by a degree ("Budi, S.E., M.Si.") ends the name; dots are dropped before
    splitting so that "M.Si." and "MSi" are the same word."""
    if not s:
        return ""
    raw = unicodedata.normalize("NFKC", str(s))
    if _DEGREE_AFTER_COMMA.search(raw):
        raw = raw.split(",")[0]
    drop = honorifics()
    return " ".join(w for w in normalize_text(raw.replace(".", "")).split() if w not in drop)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first (so "Wali Kota" wins over "Wali").

    The escapes of the standard `re` module are valid in `regex` patterns too."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))


# ------------------------------------------------------------------------------------ keyword index
# Rules with a large alternation of keywords ("dilantik|dikukuhkan|…") used to scan the whole body
# once per pattern. An article is read once into a word index instead; each rule then tries its
# pattern only where one of its possible first words starts (`first_words` derives those words
# from the pattern itself, so lexicon files need no extra field).

# A run of letters (\p{L}, as in the rules' `(?<![\p{L}])` word boundaries): every keyword match
# starts at the start of such a run.
_WORD = _regex.compile(r"\p{L}+")


class WordIndex:
    """Start offsets of every word (letters only, case-folded) of a text, built in one pass.

    >>> ix = WordIndex("Bupati melantik, lalu BUPATI pulang.")
    >>> ix.starts({"bupati"})
    [0, 22]
    >>> ix.starts({"bupati", "pulang"}, 10, 40)
    [22, 29]
    """

    __slots__ = ("text", "_pos")

    def __init__(self, text: str) -> None:
        self.text = text
        pos: dict[str, list[int]] = {}
        folded = text.casefold()
        # when every character folds to one character and none turns from non-letter to letter (U+0345 is the only
        # one that does), the words of the folded text lie where the text's words lie; else ("Straße", "İ") each word
        # is folded on its own
        whole = len(folded) == len(text) and "\u0345" not in text
        for m in _WORD.finditer(folded if whole else text):
            w = m.group() if whole else m.group().casefold()
            at = pos.get(w)
            if at is None:
                pos[w] = [m.start()]
            else:
                at.append(m.start())
        self._pos = pos

    def __contains__(self, word: str) -> bool:
        return word in self._pos

    def positions(self, word: str) -> Sequence[int]:
        """The sorted start offsets of one case-folded word (empty when absent); not to be changed."""
        return self._pos.get(word, ())

    def starts(self, words: Collection[str], start: int = 0, end: int | None = None) -> list[int]:
        """Sorted start offsets, within [start, end), of any of `words` (case-folded words)."""
        pos = self._pos
        # a rule has a handful of words, a date rule a few hundred, an article ~200: the intersection (in C) is
        # cheaper than testing either side word by word in Python
        hits: list[int] = []
        for w in pos.keys() & words:
            hits += pos[w]
        if start or end is not None:
            stop = len(self.text) if end is None else end
            hits = [p for p in hits if start <= p < stop]
        hits.sort()
        return hits


def finditer_at(pattern: "_regex.Pattern[str]", starts: list[int] | None, text: str, start: int, end: int
                ) -> Iterator["_regex.Match[str]"]:
    """`pattern.finditer(text, start, end)`, tried only at `starts` (sorted offsets).

    Gives the same matches as `finditer` when every match of `pattern` starts at one of `starts`
    (the starts of its `first_words` in a `WordIndex`) or inside a word that `end` cuts in two (tried
    too); `starts=None` falls back to `finditer`.
    """
    if starts is None:
        yield from pattern.finditer(text, start, end)
        return
    pos = start
    candidates = starts[bisect_left(starts, start):bisect_left(starts, end)]
    cut = _cut_word(text, start, end)
    if cut:
        candidates = sorted(set(candidates).union(cut))
    for p in candidates:
        if p < pos:
            continue  # inside the previous match: finditer does not overlap matches
        m = pattern.match(text, p, end)
        if m is not None:
            pos = m.end()
            yield m


def _cut_word(text: str, a: int, b: int) -> range:
    """The offsets in [a, b) of a word that the span's end cuts in two ("… Laka, nelayan|a.sal").

    A keyword may match there, as the span ends right after it, though the word index knows only
    the whole word ("nelayana"). Letters and digits count, a superset of the index's letters."""
    if not a < b < len(text) or not (text[b].isalnum() and text[b - 1].isalnum()):
        return range(0)
    q = b - 1
    while q > a and text[q - 1].isalnum():
        q -= 1
    return range(q, b)


def first_words(pattern: str) -> frozenset[str] | None:
    """The case-folded words a match of `pattern` can start with, or None when that is not finite.

    Used to try a keyword pattern only where one of these words starts (see `WordIndex`). A word
    is the run of literal letters at the start of a match; optional groups are followed both ways.

    >>> sorted(first_words(r"(?:kembali\\s+)?(?:menerima|meraih)"))
    ['kembali', 'menerima', 'meraih']
    >>> sorted(first_words(r"me-launching|sertijab"))
    ['me', 'sertijab']
    >>> first_words(r"[A-Z]\\w+") is None
    True
    """
    try:
        parsed = _sre_parse.parse(pattern, re.IGNORECASE)
    except re.error:
        return None
    out: set[str] = set()
    try:
        for word in _lead(list(parsed), ""):
            if not word:
                return None  # the match can start with something other than a letter
            out.add(word.casefold())
            if len(out) > _MAX_WORDS:
                return None
    except _Unknown:
        return None
    return frozenset(out)


class _Unknown(Exception):
    pass


_SMALL_REPEAT = 4  # bounded repeats up to this count are expanded; longer ones end the word or give up
_MAX_WORDS = 5000  # more possible first words than this: not worth indexing


def _lead(items: list, prefix: str, _depth: int = 0):  # type: ignore[no-untyped-def]
    """Yield every leading letter run of the sequence `items` (a parsed regex) after `prefix`."""
    if _depth > 50:
        raise _Unknown
    if not items:
        if not prefix:
            raise _Unknown  # an empty match: any position could start it
        yield prefix
        return
    op, av = items[0]
    rest = items[1:]
    name = str(op)
    if name == "LITERAL":
        ch = chr(av)
        if ch.isalpha():
            yield from _lead(rest, prefix + ch, _depth + 1)
        else:
            if not prefix:
                raise _Unknown
            yield prefix
    elif name == "SUBPATTERN":
        yield from _lead(list(av[-1]) + rest, prefix, _depth + 1)
    elif name == "BRANCH":
        for alt in av[1]:
            yield from _lead(list(alt) + rest, prefix, _depth + 1)
    elif name in ("MAX_REPEAT", "MIN_REPEAT"):
        lo, hi, sub = av
        if hi <= _SMALL_REPEAT:  # "x?", "I{1,3}": each count in turn
            for k in range(lo, hi + 1):
                yield from _lead(list(sub) * k + rest, prefix, _depth + 1)
        elif lo >= 1 and prefix:  # "X+" after a word: X once, then "X*"
            yield from _lead(list(sub) + [(op, (lo - 1, hi, sub))] + rest, prefix, _depth + 1)
        else:
            if lo == 0:
                yield from _lead(rest, prefix, _depth + 1)
            if prefix and not _may_start_with_letter(sub):
                yield prefix  # "\s+" ends the word
            else:
                raise _Unknown
    elif name == "GROUPREF_EXISTS":  # "(?(g)yes|no)": either way
        _g, yes, no = av
        yield from _lead(list(yes) + rest, prefix, _depth + 1)
        yield from _lead(list(no or []) + rest, prefix, _depth + 1)
    elif name == "AT" or name == "ASSERT" or name == "ASSERT_NOT":
        yield from _lead(rest, prefix, _depth + 1)  # zero-width: does not move the start
    elif name == "IN" and all(str(o) == "LITERAL" for o, _ in av):  # "[iy]": each letter in turn
        for _, code in av:
            yield from _lead([(_LITERAL, code)] + rest, prefix, _depth + 1)
    else:  # other classes, ANY, CATEGORY, GROUPREF, ...
        if prefix and not _may_start_with_letter([(op, av)]):
            yield prefix
        else:
            raise _Unknown


def _may_start_with_letter(items) -> bool:  # type: ignore[no-untyped-def]
    op, av = list(items)[0]
    name = str(op)
    if name == "LITERAL":
        return chr(av).isalpha()
    if name == "IN":
        return not all((str(o) == "CATEGORY" and str(a) in ("CATEGORY_SPACE", "CATEGORY_DIGIT"))
                       or (str(o) == "LITERAL" and not chr(a).isalpha())
                       or (str(o) == "RANGE" and not any(chr(c).isalpha() for c in range(a[0], a[1] + 1)))
                       for o, a in av)
    if name == "CATEGORY":
        return str(av) not in ("CATEGORY_SPACE", "CATEGORY_DIGIT")
    return True


try:  # the standard library's regex parser (3.11+: re._parser; before: sre_parse)
    from re import _parser as _sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover
    import sre_parse as _sre_parse  # type: ignore[no-redef]
_LITERAL = _sre_parse.LITERAL
