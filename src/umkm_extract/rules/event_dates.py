"""Event dating as its own step: the date the text attaches to an occurrence that its own sentence leaves undated.

Pure functions over events already found (``rules.events``). An event dated by its own sentence keeps that
date; the steps in ``rules.events`` lend a neighbour's or the same occasion's date; what is still undated here
takes the date of the article's **lead**: news reports its main occasion in the first sentences ("Bupati …
meresmikan …, Senin (11/9/2023)") and later sentences about the same occasion do not repeat the day.

The lead date is the first day-precision date of the first ``LEAD_SENTENCES`` body sentences (about the first two
paragraphs of regional news) that lies in the
``LEAD_WINDOW_DAYS`` before the publication date (a recent day: not a deadline, a founding year or a plan).
Without a publication date any day-precision date of the lead counts. An event whose sentence speaks of
another time ("sebelumnya", "tahun lalu", "sejak", a year of its own) stays undated; so does a plan.
"""
from __future__ import annotations

import datetime as _dt
from collections.abc import Collection, Sequence
from dataclasses import replace

import regex as re

from ..records import DateMention, Event

__all__ = ["LEAD_SENTENCES", "LEAD_WINDOW_DAYS", "lead_date", "date_from_lead", "speaks_of_another_time"]

Span = tuple[int, int]

LEAD_SENTENCES = 6
LEAD_WINDOW_DAYS = 31
# another time than the lead's occasion: an earlier occurrence, a period, a habit
_OTHER_TIME = re.compile(
    r"(?<![\p{L}])(?i:sebelumnya|sejak|tahun\s+lalu|bulan\s+lalu|pekan\s+lalu|minggu\s+lalu|dulu|silam|"
    r"setiap|tiap|rutin|selama\s+ini|hingga\s+kini|sampai\s+saat\s+ini|tahun\s+(?:19|20)\d\d|"
    r"beberapa\s+(?:waktu|hari|pekan|minggu|bulan)\s+(?:lalu|sebelumnya)|belum\s+lama\s+ini|pernah)(?![\p{L}])")


# a statement reported with its day: the speaker spoke at the occasion
_SAID = re.compile(r"(?<![\p{L}])(?i:ujar|kata|ucap|jelas|ungkap|tutur|tegas|terang|papar|sebut|imbuh|tambah|"
                   r"lanjut|pungkas|katanya|ujarnya|ucapnya|jelasnya|ungkapnya|tuturnya|tegasnya|terangnya|paparnya|"
                   r"sebutnya|imbuhnya|tambahnya|pungkasnya|mengatakan|menyampaikan|menjelaskan|menegaskan)(?![\p{L}])")


def speaks_of_another_time(sentence: str) -> bool:
    """Whether a sentence places its occurrence at another time than the article's occasion."""
    return _OTHER_TIME.search(sentence) is not None


def _day(value: str) -> _dt.date | None:
    if len(value) != 10:
        return None
    try:
        return _dt.date.fromisoformat(value)
    except ValueError:
        return None


def lead_date(sentences: Sequence[Span], dates: Sequence[DateMention], published: str | None,
              text: str | None = None) -> str | None:
    """The day of the article's main occasion, read from its lead sentences; when they state none (and `text`
    is given), the day of the first statement reported later ("kata …, di Bali (5/8/2025)"). None without both."""
    if not sentences:
        return None
    lead_end = sentences[min(LEAD_SENTENCES, len(sentences)) - 1][1]
    anchor = _day(published or "")
    for d in sorted(dates, key=lambda d: d.start):
        if d.start >= lead_end:
            break
        if d.start < sentences[0][0]:
            continue
        day = _day(d.value)
        if day is None:
            continue
        if anchor is None or 0 <= (anchor - day).days <= LEAD_WINDOW_DAYS:
            return d.value
    if text is None:
        return None
    # no date in the lead: the day of a statement made at the occasion ("…," ujarnya, Kamis (10/6/2021).)
    for d in sorted(dates, key=lambda d: d.start):
        if d.start < lead_end or d.end > sentences[-1][1]:
            continue
        day = _day(d.value)
        if day is None or not (anchor is None or 0 <= (anchor - day).days <= LEAD_WINDOW_DAYS):
            continue
        sent = next((s for s in sentences if s[0] <= d.start < s[1]), None)
        if sent is not None and _SAID.search(text, sent[0], sent[1]) and not speaks_of_another_time(text[sent[0]:sent[1]]):
            return d.value
    return None


def date_from_lead(text: str, events: Sequence[Event], sentences: Sequence[Span], dates: Sequence[DateMention],
                   published: str | None, keep: Collection[int] = ()) -> list[Event]:
    """Undated events take the lead's day unless their sentence speaks of another time. Events whose trigger
    starts at one of `keep` (occurrences before the lead's: "Setelah menyalurkan …, kali ini …") keep their date."""
    day = lead_date(sentences, dates, published, text)
    if day is None:
        return list(events)
    lead_end = sentences[min(LEAD_SENTENCES, len(sentences)) - 1][1]
    out = []
    first = min((ev.trigger_start for ev in events if ev.trigger_start not in keep), default=-1)
    for ev in events:
        main = ev.trigger_start < lead_end or ev.trigger_start == first  # the lead's or the article's first event
        if ev.date is None and ev.trigger_start not in keep and (main or ev.rule.endswith("nominal")) and not speaks_of_another_time(ev.sentence):
            ev = replace(ev, date=day)
        out.append(ev)
    return out
