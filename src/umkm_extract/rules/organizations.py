"""Organisation mentions: government bodies, agencies, companies, associations, cooperatives."""
from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from importlib import resources

import regex as re

from ..records import Organization
from .text import WordIndex, alternation, finditer_at, first_words

__all__ = ["find_organizations"]

Span = tuple[int, int]
_CONT = r"(?:[ ]+(?:\([^()\n]{1,30}\)|\p{Lu}[\p{L}\p{N}'’\-]*|\p{N}+|dan(?=[ ]+\p{Lu})|/\p{Lu}[\p{L}]*|se-\p{Lu}[\p{L}]*))"


@cache
def _heads(extra: tuple[str, ...] = ()) -> list[str]:
    raw = json.loads(resources.files("umkm_extract.data").joinpath("organizations.json").read_text("utf-8"))
    return list(dict.fromkeys([*raw["heads"], *extra]))


@cache
def _pattern(extra: tuple[str, ...] = ()) -> re.Pattern[str]:
    heads = sorted(_heads(extra), key=len, reverse=True)
    alts = "|".join(re.escape(h) for h in heads)
    return re.compile(rf"(?<![\p{{L}}\p{{N}}])(?P<head>{alts})(?![\p{{L}}]){_CONT}{{0,10}}")


@cache
def _first_words(extra: tuple[str, ...] = ()) -> frozenset[str] | None:
    """The case-folded words a mention starts with: the first word of each head ("pemerintah", "pt")."""
    return first_words(alternation(_heads(extra)))


_KIND = (("government", re.compile(r"\A(?:Pemerintah|Pem[a-z]+|Dinas|Badan|Kantor|Kementerian|Kemen|Dis|Bappeda|DPRD|Satgas|Satuan|Balai|Polres|Polda|Kodim)")),
         ("agency", re.compile(r"\A(?:BPJS|Bank|PT|CV|Perumda|BUM|Rumah BUMN|PLUT)")),
         ("association", re.compile(r".")))


def find_organizations(text: str, *, spans: Sequence[Span] | None = None, exclude: Sequence[Span] = (),
                       index: WordIndex | None = None, heads: tuple[str, ...] = ()) -> list[Organization]:
    """Organisation mentions in the body spans (a trailing "dan" or acronym-less tail is trimmed).

    With the article's word index (``index``), the pattern is tried only where a head's first word
    starts (every mention starts with its head); without it, the spans are scanned. ``heads``: more words that
    open an organisation's name (a user lexicon's ``organization_heads``)."""
    spans = list(spans) if spans is not None else [(0, len(text))]
    first = _first_words(heads)
    starts = None if index is None or first is None else index.starts(first)
    out: list[Organization] = []
    for a, b in spans:
        for m in finditer_at(_pattern(heads), starts, text, a, b):
            s, e = m.span()
            if any(x <= s < y for x, y in exclude):
                continue
            cut = [x for x, _ in exclude if s < x < e]
            if cut:
                e = min(cut)
                e = s + len(text[s:e].rstrip(" ,"))
            surface = text[s:e]
            kind = next(k for k, p in _KIND if p.match(surface))
            out.append(Organization(name=" ".join(surface.split()), start=s, end=e, text=surface, kind=kind,
                                    rule="org.head"))
    return out
