"""The article record of ANNOTATION.md as frozen dataclasses.

Every item keeps its evidence: the surface text as written, character offsets into the
original article text (``text[start:end] == surface``) and the id of the rule that produced it.
``to_dict()`` gives the JSON record (the ANNOTATION.md fields plus the evidence fields);
``from_dict()`` reads it back.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any, Literal, Mapping, Union

#: The version of the record format (ANNOTATION.md fields plus evidence): every record carries it.
SCHEMA_VERSION = "1.1"

Level = Literal["provinsi", "kabupaten", "kota", "kecamatan", "desa"]
RoleValue = Union[str, int, float]
Number = Union[int, float]


@dataclass(frozen=True)
class Person:
    """A named person in the body, under the fullest name used."""

    name: str
    title: str | None = None
    jurisdiction: str | None = None
    organization: str | None = None
    start: int = -1
    end: int = -1
    text: str = ""
    mentions: tuple[tuple[int, int], ...] = ()
    is_official: bool = False
    rule: str = ""


@dataclass(frozen=True)
class Organization:
    """A government body, agency, company, association or cooperative."""

    name: str
    start: int = -1
    end: int = -1
    text: str = ""
    kind: str = ""
    rule: str = ""


@dataclass(frozen=True)
class Region:
    """An Indonesian administrative region linked to its Kemendagri code."""

    name: str
    level: Level
    code: str | None = None
    start: int = -1
    end: int = -1
    text: str = ""
    rule: str = ""


@dataclass(frozen=True)
class DateMention:
    """A date expression; ``value`` is ISO at the written precision."""

    text: str
    value: str
    start: int = -1
    end: int = -1
    rule: str = ""


@dataclass(frozen=True)
class Count:
    """A number that counts or measures something, with what it counts."""

    text: str
    value: Number
    unit: str
    start: int = -1
    end: int = -1
    # internal: "ratusan pedagang" (a lower bound). Such counts never reach a record (the annotation
    # counts no approximate word), so the written record leaves the flag out.
    approximate: bool = field(default=False, metadata={"internal": True})
    rule: str = ""


@dataclass(frozen=True)
class Event:
    """A real-world occurrence with its participants and evidence."""

    type: str
    date: str | None
    trigger: str
    roles: Mapping[str, RoleValue] = field(default_factory=dict)
    sentence: str = ""
    sentence_start: int = -1
    trigger_start: int = -1
    trigger_end: int = -1
    role_spans: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    rule: str = ""


_ITEM_TYPES: dict[str, type] = {
    "persons": Person,
    "organizations": Organization,
    "regions": Region,
    "dates": DateMention,
    "counts": Count,
    "events": Event,
}


def _item_to_dict(item: Any) -> dict[str, Any]:
    d = asdict(item)
    for f in fields(item):
        if f.metadata.get("internal"):
            del d[f.name]
    for k, v in list(d.items()):
        if isinstance(v, tuple):
            d[k] = [list(x) if isinstance(x, tuple) else x for x in v]
        elif k == "roles":
            d[k] = dict(v)
        elif k == "role_spans":
            d[k] = {r: list(s) for r, s in v.items()}
    return d


def _item_from_dict(cls: type, d: Mapping[str, Any]) -> Any:
    names = {f.name for f in fields(cls)}
    kw = {k: v for k, v in d.items() if k in names}
    if "mentions" in kw:
        kw["mentions"] = tuple(tuple(m) for m in kw["mentions"])
    if "role_spans" in kw:
        kw["role_spans"] = {r: tuple(s) for r, s in kw["role_spans"].items()}
    return cls(**kw)


@dataclass(frozen=True)
class Article:
    """Everything extracted from one article."""

    doc_id: str | None
    published: str | None
    text: str = ""
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    byline: tuple[str, ...] = ()
    persons: tuple[Person, ...] = ()
    organizations: tuple[Organization, ...] = ()
    regions: tuple[Region, ...] = ()
    dates: tuple[DateMention, ...] = ()
    counts: tuple[Count, ...] = ()
    events: tuple[Event, ...] = ()
    body_spans: tuple[tuple[int, int], ...] = ()
    warnings: tuple[str, ...] = ()  # what had to be repaired in the input ("html converted to text", …)

    def to_dict(self, *, include_text: bool = False) -> dict[str, Any]:
        """The JSON record: ANNOTATION.md fields first, then evidence fields."""
        d: dict[str, Any] = {
            "doc_id": self.doc_id,
            "published": self.published,
            "title": self.title,
            "url": self.url,
            "outlet": self.outlet,
            "byline": list(self.byline),
        }
        for name in _ITEM_TYPES:
            d[name] = [_item_to_dict(x) for x in getattr(self, name)]
        d["body_spans"] = [list(s) for s in self.body_spans]
        if include_text:
            d["text"] = self.text
        if self.warnings:
            d["warnings"] = list(self.warnings)
        d["schema_version"] = SCHEMA_VERSION
        d["extractor_version"] = _extractor_version()
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Article":
        kw: dict[str, Any] = {
            "doc_id": d.get("doc_id"),
            "published": d.get("published"),
            "text": d.get("text", ""),
            "title": d.get("title"),
            "url": d.get("url"),
            "outlet": d.get("outlet"),
            "byline": tuple(d.get("byline") or ()),
            "body_spans": tuple(tuple(s) for s in d.get("body_spans") or ()),
            "warnings": tuple(d.get("warnings") or ()),
        }
        for name, item_cls in _ITEM_TYPES.items():
            kw[name] = tuple(_item_from_dict(item_cls, x) for x in d.get(name) or ())
        return cls(**kw)

    def _repr_html_(self) -> str:
        """Jupyter display: the highlighted body and the events table (see ``umkm_extract.display``)."""
        from .display import article_html

        return article_html(self)


def _extractor_version() -> str:
    from . import __version__

    return __version__


def record_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the record that ``Article.to_dict()`` and ``umkm-extract extract`` write,
    derived from the record dataclasses (pydantic's TypeAdapter)."""
    from pydantic import TypeAdapter

    schema = TypeAdapter(Article).json_schema(mode="serialization")
    props = schema.setdefault("properties", {})
    props["schema_version"] = {"type": "string", "const": SCHEMA_VERSION,
                               "description": "version of this record format"}
    props["extractor_version"] = {"type": "string", "description": "umkm_extract version that wrote the record"}
    count = schema.get("$defs", {}).get("Count", {})
    count.get("properties", {}).pop("approximate", None)  # internal, never written (see Count)
    schema["required"] = ["doc_id", "published", "byline", "persons", "regions", "dates", "counts", "events",
                          "schema_version", "extractor_version"]
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "umkm_extract article record"
    schema["description"] = ("One article: the fields of the annotation format (persons, regions, dates, counts, "
                             "events) with their evidence (offsets into the text, rule ids, sentences).")
    return schema
