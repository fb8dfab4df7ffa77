"""umkm_extract: structured records from Indonesian regional news about UMKM.

>>> import umkm_extract
>>> article = umkm_extract.extract(text, published="2024-09-19")
>>> article.to_dict()["persons"]
"""
from .api import ExtractionFailure, Extractor, extract
from .evaluate import EvaluationReport, evaluate
from .records import Article, Count, DateMention, Event, Organization, Person, Region

__version__ = "0.1.0"

__all__ = [
    "extract",
    "Extractor",
    "ExtractionFailure",
    "Article",
    "Person",
    "Organization",
    "Region",
    "DateMention",
    "Count",
    "Event",
    "evaluate",
    "EvaluationReport",
    "load",
    "__version__",
]


def load():  # type: ignore[no-untyped-def]
    """The spaCy Language with the umkm_extract components."""
    from .pipeline import build_nlp

    return build_nlp()
