"""umkm_extract: structured records from Indonesian regional news about UMKM.

>>> import umkm_extract
>>> article = umkm_extract.extract(text, published="2024-09-19")
>>> article.to_dict()["persons"]
"""
from .api import ExtractionFailure, Extractor, article_from_doc, extract
from .dataset import Dataset, aggregate
from .display import to_dataframe
from .evaluate import EvaluationReport, evaluate
from .models import model_path
from .records import Article, Count, DateMention, Event, Organization, Person, Region, record_schema

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
    "aggregate",
    "Dataset",
    "load",
    "article_from_doc",
    "to_dataframe",
    "model_path",
    "record_schema",
    "__version__",
]


def load(path=None, *, lean_tokenizer=True):  # type: ignore[no-untyped-def]
    """The spaCy Language with the umkm_extract components (``spacy.Language``).

    Without ``path`` a fresh pipeline is built; with ``path`` a pipeline saved by ``nlp.to_disk(path)``
    is loaded (the same as ``spacy.load(path)``). Results are on the Doc: ``doc.spans["umkm_persons"]``
    … and ``doc._.umkm``; ``article_from_doc(doc)`` gives the Article record."""
    if path is not None:
        import spacy

        from . import pipeline as _pipeline  # noqa: F401  (registers the factories even without entry points)

        return spacy.load(path)
    from .pipeline import build_nlp

    return build_nlp(lean_tokenizer=lean_tokenizer)
