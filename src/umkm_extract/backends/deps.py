"""Event roles from a dependency tree: pure functions over a minimal dependency representation.

A sentence is a list of ``DepWord`` (UD conventions: ``id`` from 1, ``head`` 0 for the root, ``deprel``
with an optional subtype such as ``nsubj:pass``) whose character offsets are in the same coordinates
as the Event (offsets into the article text). Nothing here knows stanza or spaCy: any parser whose
output can be written as such words can refine the roles (``umkm_extract.backends.stanza`` converts a
``stanza.Document``).

``refine_roles(event, words, voice=…, slot_roles=…)`` fills the event's participant roles from the tree
around its trigger word and keeps the rule-based value of every role the tree does not give:

=====================  ==========================================================================
voice of the rule      slots from the trigger's dependents
=====================  ==========================================================================
active                 ``nsubj`` → agent, ``obj`` → theme
receive                ``nsubj`` → recipient, ``obj`` → theme ("menerima penghargaan")
passive                ``nsubj``/``nsubj:pass`` → theme, ``obl``/``nmod`` with case "oleh" → agent
passive_theme_after    as passive
passive_person         ``nsubj``/``nsubj:pass`` → recipient, ``obj`` → theme, "oleh" → agent
nominal                ``nmod``/``compound``/``flat`` without a preposition → theme, "oleh" → agent
=====================  ==========================================================================

In every voice an ``obl``/``nmod`` with case "kepada" or "bagi" gives the recipient. A trigger without
its own subject borrows the subject of the verb it is coordinated with or complements
("… datang dan meresmikan …"); a nominal trigger that is the subject of a light verb
("Peresmian pasar dilakukan oleh Bupati") takes that verb's "oleh" agent. The slots become role names
through ``slot_roles`` (the ``slots`` of the event type in ``data/events.json``). Person and
organisation roles (agent, recipient, source) take the full name of a person or organisation mention
inside the dependent's subtree when there is one, as the rule-based filler does; themes keep the text
of the phrase without relative clauses, appositions and prepositional modifiers.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..records import Event

__all__ = ["DepWord", "refine_roles", "dependency_slots", "phrase_span", "sentence_at", "words_from_dicts"]

Span = tuple[int, int]

# prepositions that make a nominal modifier an adjunct rather than part of the phrase
_ADJUNCT_CASES = frozenset("di pada dalam ke dari oleh kepada untuk bagi sebagai saat dengan melalui tentang "
                           "terhadap sejak hingga sampai antara atas bersama selama menuju usai setelah".split())
_RECIPIENT_CASES = frozenset({"kepada", "bagi"})
_PRUNE = frozenset({"acl", "advcl", "parataxis", "punct", "mark", "dep", "discourse", "vocative", "appos",
                    "reparandum", "orphan", "list", "advmod", "cop", "aux"})
_ENTITY_SLOTS = frozenset({"agent", "recipient", "source"})
_SUBJECT_FROM_HEAD = frozenset({"conj", "xcomp"})


@dataclass(frozen=True)
class DepWord:
    """One syntactic word: UD id (1-based within its sentence), head id (0 = root), relation, offsets."""

    id: int
    text: str
    head: int
    deprel: str
    start_char: int
    end_char: int
    upos: str = ""
    lemma: str = ""

    @property
    def rel(self) -> str:
        """The universal relation without its subtype (``nsubj:pass`` → ``nsubj``)."""
        return self.deprel.split(":", 1)[0]


def words_from_dicts(items: Iterable[Mapping[str, Any]], *, offset: int = 0) -> list[DepWord]:
    """DepWords from dicts with ``id, text, head, deprel, start_char, end_char`` (``upos``/``lemma`` optional),
    shifting the offsets by ``offset``. Multi-word-token rows (``id`` a range) are skipped."""
    out = []
    for d in items:
        wid = d["id"]
        if isinstance(wid, (tuple, list)):
            if len(wid) != 1:
                continue
            wid = wid[0]
        out.append(DepWord(int(wid), str(d["text"]), int(d["head"]), str(d["deprel"]),
                           int(d["start_char"]) + offset, int(d["end_char"]) + offset,
                           str(d.get("upos") or ""), str(d.get("lemma") or "")))
    return out


class _Tree:
    def __init__(self, words: Sequence[DepWord]) -> None:
        self.words = sorted(words, key=lambda w: w.id)
        self.by_id = {w.id: w for w in self.words}
        self.children: dict[int, list[DepWord]] = {}
        for w in self.words:
            self.children.setdefault(w.head, []).append(w)

    def kids(self, w: DepWord) -> list[DepWord]:
        return self.children.get(w.id, [])

    def case_of(self, w: DepWord) -> str | None:
        for c in self.kids(w):
            if c.rel == "case":
                return c.text.casefold()
        return None

    def subtree(self, w: DepWord, *, core: bool = False) -> set[int]:
        """Ids of ``w``'s subtree without its own preposition and leading conjunction; with ``core`` also
        without the relations in _PRUNE and prepositional modifiers."""
        ids = {w.id}
        stack = [w]
        while stack:
            cur = stack.pop()
            for c in self.kids(cur):
                if c.id in ids:
                    continue
                if cur is w and (c.rel == "case" or (c.rel == "cc" and c.id < w.id)):
                    continue  # the role's own preposition ("oleh Bupati" → "Bupati")
                if core and (c.rel in _PRUNE or (c.rel in ("nmod", "obl") and self.case_of(c) in _ADJUNCT_CASES)):
                    continue
                ids.add(c.id)
                stack.append(c)
        return ids

    def head_of(self, w: DepWord) -> DepWord | None:
        return self.by_id.get(w.head)


def _contiguous(tree: _Tree, w: DepWord, ids: set[int]) -> Span:
    """The character span of the run of ``ids`` around ``w`` (word ids are consecutive in a sentence)."""
    order = [x.id for x in tree.words]
    pos = order.index(w.id)
    lo = hi = pos
    while lo > 0 and order[lo - 1] in ids:
        lo -= 1
    while hi + 1 < len(order) and order[hi + 1] in ids:
        hi += 1
    run = tree.words[lo:hi + 1]

    def edge(x: DepWord) -> bool:
        return x.upos == "PUNCT" or x.rel in ("punct", "cc")

    while len(run) > 1 and edge(run[-1]):
        run = run[:-1]
    while len(run) > 1 and edge(run[0]):
        run = run[1:]
    return run[0].start_char, run[-1].end_char


def phrase_span(words: Sequence[DepWord], word: DepWord, *, core: bool = True) -> Span:
    """The character span of ``word``'s phrase: its subtree without its own preposition, and with
    ``core`` also without relative clauses, appositions and prepositional modifiers."""
    tree = _Tree(words)
    return _contiguous(tree, word, tree.subtree(word, core=core))


def _trigger_word(tree: _Tree, start: int, end: int) -> DepWord | None:
    inside = [w for w in tree.words if w.start_char < end and start < w.end_char]
    if not inside:
        return None
    ids = {w.id for w in inside}
    heads = [w for w in inside if w.head not in ids]
    return heads[0] if heads else inside[0]


def _oleh(tree: _Tree, w: DepWord) -> DepWord | None:
    for c in tree.kids(w):
        if c.deprel == "obl:agent" or (c.rel in ("obl", "nmod") and tree.case_of(c) == "oleh"):
            return c
    return None


def _first(tree: _Tree, w: DepWord, deprels: Iterable[str]) -> DepWord | None:
    wanted = tuple(deprels)
    for c in tree.kids(w):
        if c.deprel in wanted:
            return c
    return None


def dependency_slots(words: Sequence[DepWord], trigger: Span, voice: str) -> dict[str, DepWord]:
    """The words that head each slot (agent, theme, recipient) of a trigger at ``trigger`` (char span)."""
    tree = _Tree(words)
    t = _trigger_word(tree, *trigger)
    if t is None:
        return {}
    slots: dict[str, DepWord] = {}
    subj = _first(tree, t, ("nsubj", "nsubj:pass", "csubj"))
    up = t
    for _ in range(2):  # "… datang dan meresmikan …": the subject of the verb it is joined to
        if subj is not None or up.rel not in _SUBJECT_FROM_HEAD:
            break
        h = tree.head_of(up)
        if h is None:
            break
        subj = _first(tree, h, ("nsubj", "nsubj:pass"))
        up = h
    obj = _first(tree, t, ("obj",))
    oleh = _oleh(tree, t)
    if voice in ("active",):
        if subj is not None and subj.deprel != "nsubj:pass":
            slots["agent"] = subj
        if obj is not None:
            slots["theme"] = obj
    elif voice == "receive":
        if subj is not None:
            slots["recipient"] = subj
        if obj is not None:
            slots["theme"] = obj
    elif voice in ("passive", "passive_theme_after"):
        if subj is not None:
            slots["theme"] = subj
        elif obj is not None:
            slots["theme"] = obj
        if oleh is not None:
            slots["agent"] = oleh
    elif voice == "passive_person":
        if subj is not None:
            slots["recipient"] = subj
        if obj is not None:
            slots["theme"] = obj
        if oleh is not None:
            slots["agent"] = oleh
    elif voice == "nominal":
        for c in tree.kids(t):
            if c.rel in ("nmod", "compound", "flat", "obj") and c.id > t.id and tree.case_of(c) is None:
                slots["theme"] = c
                break
        if oleh is None and t.rel == "nsubj":
            h = tree.head_of(t)  # "Peresmian pasar dilakukan oleh Bupati"
            if h is not None:
                oleh = _oleh(tree, h)
        if oleh is not None:
            slots["agent"] = oleh
    for c in tree.kids(t):
        if c.rel in ("obl", "nmod", "iobj") and tree.case_of(c) in _RECIPIENT_CASES:
            slots.setdefault("recipient", c)
            break
    return slots


def _entity_in(span: Span, head: DepWord, entities: Sequence[tuple[int, int, str]]) -> tuple[str, Span] | None:
    """The person/organisation mention covering the head word, else the first one inside ``span``."""
    s, e = span
    inside = [(a, b, name) for a, b, name in entities if s <= a and b <= e]
    for a, b, name in inside:
        if a <= head.start_char and head.end_char <= b:
            return name, (a, b)
    if inside:
        a, b, name = min(inside, key=lambda x: (x[0], -(x[1] - x[0])))
        return name, (a, b)
    return None


def refine_roles(event: Event, words: Sequence[DepWord], *, voice: str, slot_roles: Mapping[str, str],
                 entities: Sequence[tuple[int, int, str]] = (), text: str | None = None) -> Event:
    """``event`` with the roles the dependency tree gives (see the module docstring).

    ``words``: the parsed sentence that holds the trigger, offsets in article coordinates;
    ``entities``: ``(start, end, name)`` of person mentions (with the person's full name) and organisations;
    ``text``: the article text (default: the event's own sentence is used to read the role texts).
    Returns the event unchanged when the trigger is not in ``words`` or the tree gives nothing new;
    otherwise a copy whose ``rule`` ends in ``+dep``."""
    slots = dependency_slots(words, (event.trigger_start, event.trigger_end), voice)
    if not slots:
        return event

    def surface(s: int, e: int) -> str | None:
        if text is not None:
            return text[s:e]
        a, b = s - event.sentence_start, e - event.sentence_start
        return event.sentence[a:b] if event.sentence_start >= 0 and 0 <= a < b <= len(event.sentence) else None

    tree = _Tree(words)
    roles = dict(event.roles)
    spans = dict(event.role_spans)
    changed = False
    for slot, w in slots.items():
        role = slot_roles.get(slot)
        if not role:
            continue
        full = _contiguous(tree, w, tree.subtree(w))
        found = _entity_in(full, w, entities) if slot in _ENTITY_SLOTS else None
        if found is not None:
            value, sp = found
        else:
            sp = _contiguous(tree, w, tree.subtree(w, core=True))
            raw = surface(*sp)
            if not raw:
                continue
            value = " ".join(raw.split())
        if roles.get(role) != value or tuple(spans.get(role, ())) != sp:
            roles[role] = value
            spans[role] = sp
            changed = True
    if not changed:
        return event
    return replace(event, roles=roles, role_spans=spans,
                   rule=event.rule if event.rule.endswith("+dep") else event.rule + "+dep")


def sentence_at(sentences: Sequence[Sequence[DepWord]], pos: int) -> Sequence[DepWord] | None:
    """The parsed sentence whose words cover character ``pos``."""
    for words in sentences:
        if words and any(w.start_char <= pos < w.end_char for w in words):
            return words
    return None
