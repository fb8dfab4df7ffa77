"""Article structure: title, header, dateline, body, byline — as character spans.

Pure functions over the raw article text. Nothing is removed from the text: the result says
which character ranges are body, so every later offset still points into the original text.
"""
from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex as re

__all__ = ["Structure", "looks_like_headline", "parse_structure", "split_sentences"]


@dataclass(frozen=True)
class Structure:
    title: tuple[int, int] | None
    body: tuple[tuple[int, int], ...]
    byline: tuple[str, ...]
    dateline: tuple[int, int] | None
    header_end: int


@cache
def _lexicon() -> tuple[re.Pattern[str], re.Pattern[str], tuple[str, ...]]:
    raw = json.loads(resources.files("umkm_extract.data").joinpath("boilerplate.json").read_text("utf-8"))
    drop = re.compile(r"(?:%s)\Z" % "|".join(f"(?:{p})" for p in raw["drop_line"]), re.I)
    end = re.compile(r"(?:%s)\Z" % "|".join(f"(?:{p})" for p in raw["end_marker"]), re.I)
    return drop, end, tuple(raw["byline_label"])


_LINE = re.compile(r"[^\n]*(?:\n|\Z)")
# A dateline opens the first body paragraph: "JEMBER, KOMPAS.com –", "REPUBLIKA.CO.ID, BATANG --",
# "PALANGKA RAYA-", "ACEH UTARA (ASP)-", "radarbengkuluonline.id - ", "LABURA.Ersyah.com l ".
_DATELINE = re.compile(
    r"""\A(?:
        (?:[\p{L}\p{N}.\-]+\.(?i:com|id|co\.id|net|org|news|tv)[\p{L}.]*   # outlet.com, TRIBUN-BALI.COM
          |[\p{Lu}][\p{Lu}\p{N}.'’ ]{1,40}?                           # PLACE, OUTLET
          |\p{Lu}\p{Ll}+(?:[ ]\p{Lu}\p{Ll}+){0,2}(?=\s*,)              # Medan, IDN Times-
          |\p{Lu}{2,}\p{Ll}+(?=\s*(?:--|[–—]))                          # MMCKalteng – Palangka Raya –
        )
        (?:\s*\([\p{L}. ]{1,20}\))?                        # (ASP), (ANTARA)
        (?:\s*(?:[,|]|\s(?:--|[–—])\s)\s*[\p{L}\p{N}.' ]{1,40}?)?   # , outlet / , Riau / – Palangka Raya
        (?:\s*,?\s*\([\p{N}/.\- ]{3,12}\))?              # ,(19/09/25)
        \s*(?:--|[–—\-]|\sl\s|\||\s:|:\s)\s*                # separator
      )""",
    re.X,
)
# "Kaur – Dalam upaya …": a title-case place name and a spaced dash.
# "Kendari (ANTARA) - ", "Jakarta, CNN Indonesia -- ", "Denpasar (Antara Bali) - ", "Jakarta - "
_TITLE_DATELINE = re.compile(
    r'\A\p{Lu}\p{Ll}+(?: \p{Lu}\p{Ll}+){0,2}(?:\s*\([^()\n]{2,25}\)|,\s*[\p{L}\p{N}. ]{2,25}?)?\s+(?:--|[–—\-])\s+(?=[\p{Lu}"“])')
# a dateline later than the first paragraph counts only when it names an outlet: a domain or a wire agency
_OUTLET = re.compile(r"\.(?i:com|id|co\.id|net|news|tv)\b|\((?i:antara)[\p{L} ]*\)|\p{Lu}{2,}\p{Ll}+\s*(?:--|[–—])")
_CLOSING_CREDIT = re.compile(
    r"\s*[(\[]\s*((?:[\p{L}.' ]{1,30})(?:\s*/\s*[\p{L}.' ]{1,30})*|\*)\s*[)\]]\s*\Z"
)
_INITIAL_NAME = re.compile(r"\p{Lu}\.\s?\p{Lu}\p{Ll}+")
_CAPS = re.compile(r"[\p{Lu} ]+")
_NAME_SEP = re.compile(r"\s*[,/&]\s*|\s+dan\s+")
_ADDRESS = re.compile(r"@[\w-]+\.\w|https?://|www\.|\AJl\.\s")
_ABBREV_END = re.compile(r"([\p{L}.]+)[.]\Z")
# "Has the line at least n words (runs of \w)?", answered without listing its words: possessive
# quantifiers read each word once and stop at the n-th.
_MIN_WORDS = {n: re.compile(r"\W*+(?:\w++\W*+){%d}" % n) for n in (3, 7, 8, 25, 31)}
_SENT_END = re.compile(r"[.!?”\"’)]\s*\Z")
_CAPTION_LABEL = re.compile(r"\A[\p{Lu}\p{N} ,&]{3,40}:\s")


@cache
def _label_re(labels: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\A(%s)\s*[:|]\s*(.+)\Z" % "|".join(map(re.escape, labels)), re.I)


def _is_credit(inner: str) -> bool:
    inner = inner.strip()
    if inner == "*":
        return True
    if "/" in inner:
        return True
    if inner.islower() and len(inner) <= 12:  # (ant), (asp), (hms)
        return True
    return bool(_INITIAL_NAME.fullmatch(inner))  # (F.Sinaga)


def _credit_names(inner: str) -> list[str]:
    out = []
    for part in inner.split("/"):
        part = part.strip(" .")
        if not part or part == "*":
            continue
        if _CAPS.fullmatch(part) and " " in part:
            part = part.title()
        out.append(part)
    return out


def _has_words(line: str, n: int) -> bool:
    """Whether ``line`` holds at least ``n`` words (n is one of the counts in ``_MIN_WORDS``)."""
    return _MIN_WORDS[n].match(line) is not None


def _is_body_like(line: str) -> bool:
    return _has_words(line, 8) and (bool(_SENT_END.search(line)) or _has_words(line, 25))


# A headline ends without a full stop ("UMKM Naik Kelas", "Apa Kabar Pasar Tanjung?" may end with ? or !).
_FULL_STOP_END = re.compile(r"[.…:;,][\"”’')\]]*$")
_HEADLINE_MAX_WORDS = 30


def looks_like_headline(first: str, following: str | None) -> bool:
    """Whether an article's first non-empty line is its headline rather than the start of its body.

    ``following`` is the next non-empty line (None: there is none). A headline has body text after it,
    is short (at most 30 words) and does not end with a full stop, a comma or a colon: a one-line text, a
    sentence or a paragraph that was given alone is all body. Lowercase headlines and lowercase lines after
    them (outlet names, tags) are common in crawled news, so case decides nothing."""
    if following is None:
        return False
    return not (_FULL_STOP_END.search(first.strip()) or _has_words(first, _HEADLINE_MAX_WORDS + 1))


def parse_structure(text: str, *, headline: bool | None = None) -> Structure:
    """Split an article into title, header, body spans and byline names.

    ``headline``: whether the first non-empty line is the title (True), is body (False), or is judged by
    `looks_like_headline` (None, the default)."""
    drop, end_marker, labels = _lexicon()
    lines: list[tuple[int, int]] = []
    for m in _LINE.finditer(text):
        s, e = m.start(), m.end()
        if s == e:
            break
        seg = m.group()
        e = s + len(seg.rstrip("\r\n"))
        lines.append((s, e))
    filled = [(s, e) for s, e in lines if text[s:e].strip()]
    if headline is None:
        headline = bool(filled) and looks_like_headline(
            text[filled[0][0]:filled[0][1]], text[filled[1][0]:filled[1][1]] if len(filled) > 1 else None)

    title: tuple[int, int] | None = None
    byline: list[str] = []
    body: list[tuple[int, int]] = []
    dateline: tuple[int, int] | None = None
    seen: set[str] = set()
    in_body = False
    header_end = 0
    title_key = ""
    seen_first = False
    for s, e in lines:
        raw = text[s:e]
        stripped = raw.strip()
        if not stripped:
            continue
        ls = s + (len(raw) - len(raw.lstrip()))
        le = ls + len(stripped)
        key = " ".join(stripped.casefold().split())
        if title is None and headline:
            title = (ls, le)
            title_key = key
            seen.add(key)
            continue
        label = _label_re(labels).match(stripped)
        if label and not _has_words(label.group(2), 7):
            byline.extend(n.strip() for n in _NAME_SEP.split(label.group(2)) if n.strip())
            continue
        if label:  # a long "Foto: …" caption: body after the label (it may add facts)
            ls += label.start(2)
        if in_body and end_marker.match(stripped):
            break
        if (not label and drop.match(stripped)) or key in seen or (title_key and key.endswith(title_key)):
            continue
        # an address or contact line; every branch of _ADDRESS holds one of these literals, so it runs on few lines
        if ("@" in stripped or "://" in stripped or "www." in stripped or stripped.startswith("Jl.")) and \
                _ADDRESS.search(stripped):
            continue
        seen.add(key)
        if not in_body:
            dm = _DATELINE.match(stripped) or _TITLE_DATELINE.match(stripped)
            rest = stripped[dm.end():] if dm else stripped
            if dm and not rest:
                dateline = (ls, le)
                continue
            # without a headline the text opens with its body: a short first sentence counts too
            opening = not headline and not seen_first
            only = (s, e) == filled[-1] and _SENT_END.search(rest)  # the one sentence under a headline is its body
            if not (_is_body_like(rest) or only or (opening and (_SENT_END.search(rest) or _has_words(rest, 3)
                                                                  or len(filled) == 1))):
                seen_first = True
                continue
            in_body = True
            header_end = ls
            if dm:
                end = dm.end() + _place_after_outlet(stripped, dm)
                dateline = (ls, ls + end)
                ls += end
        elif not _has_words(stripped, 3) and not _SENT_END.search(stripped):
            continue  # stray short line: share buttons, widget labels
        elif dateline is None and len(body) < 5 and (dm := _DATELINE.match(stripped)) and _OUTLET.search(dm.group()):
            dateline = (ls, ls + dm.end())  # after a lead paragraph: "SRIPOKU.COM, PALEMBANG -- Penjabat …"
            ls += dm.end()
        # A credit closes the line, and the line is stripped: it must end with ")" or "]".
        cm = _CLOSING_CREDIT.search(text, ls, le) if text[le - 1] in ")]" else None
        if cm and _is_credit(cm.group(1)):
            byline.extend(_credit_names(cm.group(1)))
            le = cm.start()
        if le > ls:
            body.append((ls, le))

    merged: list[tuple[int, int]] = []
    for s, e in body:
        if merged and text[merged[-1][1]:s].strip() == "":
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    seen_names: list[str] = []
    for n in byline:
        if n not in seen_names:
            seen_names.append(n)
    return Structure(title, tuple(merged), tuple(seen_names), dateline, header_end)


_ABBREV = frozenset(
    "h hj dr drs dra ir prof kh st no nomor rp jl kec kab kel ds tgl bpk ny sdr a.md m abd moh muh mr mrs s.e s.h "
    "spd mpd msi mm se sh mh skm dll dsb yth a b c d e f g i j k l n o p q r t u v w x y z".split()
)
_SENT_SPLIT = re.compile(r"(?<=[.!?…])[”\"’')]*\s+(?=[\"“‘'(]?[\p{Lu}\p{N}])|\n\s*\n|(?<=[.!?…”\"')])[ \t]*\n")
# Every split starts right after a sentence end or closing quote (the look-behinds above) or at a
# line break: `_SENT_SPLIT` is tried only there instead of at every character.
_SPLIT_HINT = re.compile(r"[.!?…”\"')]|\n")


_PLACE_COMMA = re.compile(r"(\p{Lu}\p{Ll}+(?:[ ]\p{Lu}\p{Ll}+){0,2}),[ ]+(?=\p{Lu})")


def _place_after_outlet(line: str, dm: re.Match[str]) -> int:
    """Length of the place that an outlet's dateline names after its dash ("SALINDIA.ID – Banda Aceh, Bank …"):
    a region the gazetteer knows, then a comma."""
    if not _OUTLET.search(dm.group()):
        return 0
    m = _PLACE_COMMA.match(line, dm.end())
    if m is None:
        return 0
    from .gazetteer import gazetteer

    return m.end() - dm.end() if gazetteer().lookup(m.group(1), ("provinsi", "kabupaten", "kota")) else 0


def _splits(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The matches of `_SENT_SPLIT` in text[start:end], as its `finditer` gives them."""
    pos = start
    for h in _SPLIT_HINT.finditer(text, max(start - 1, 0), end):  # a sentence end just before start counts
        q = h.start()
        p = q if text[q] == "\n" else q + 1
        if p < pos:
            continue  # before the span, or inside the previous split
        m = _SENT_SPLIT.match(text, p, end)
        if m is not None:
            pos = m.end()
            yield m


def _after_abbreviation(text: str, s: int, cut: int) -> bool:
    """Whether text[s:cut] ends with a known abbreviation and its dot ("H.", "Rp.", "S.E.")."""
    if cut <= s or text[cut - 1] != ".":
        return False
    prev = _ABBREV_END.search(text, max(s, cut - 12), cut)
    return prev is not None and prev.group(1).casefold().strip(".") in _ABBREV


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside text[start:end]; abbreviations such as "H." or "Rp." do not end a sentence."""
    out: list[tuple[int, int]] = []
    s = start
    for m in _splits(text, start, end):
        cut = m.start()
        if m.group().strip() == "" and _after_abbreviation(text, s, cut):
            continue
        seg = text[s:cut]
        if seg.strip():
            ls = s + len(seg) - len(seg.lstrip())
            out.append((ls, s + len(seg.rstrip())))
        s = m.end()
    seg = text[s:end]
    if seg.strip():
        ls = s + len(seg) - len(seg.lstrip())
        out.append((ls, s + len(seg.rstrip())))
    return out
