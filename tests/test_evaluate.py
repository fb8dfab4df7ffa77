"""Scoring by the ANNOTATION.md rules: normalisation, matching rules, figures, inputs, agreement with the referee."""
from __future__ import annotations

import copy
import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from umkm_extract.evaluate import FIELDS, EvaluationReport, FieldScore, evaluate, load_gold
from umkm_extract.records import Article
from umkm_extract.rules.text import honorifics, normalize_name, normalize_text, parse_honorifics

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SCORE_PY = SHARED / "tools" / "score.py"
DEV = SHARED / "corpus-dev"

needs_referee = pytest.mark.skipif(not (SCORE_PY.is_file() and DEV.is_dir()),
                                   reason="../shared/tools/score.py or ../shared/corpus-dev is not present")

# --------------------------------------------------------------------------------------------
# Two small hand-written gold documents and a partial prediction for them
# --------------------------------------------------------------------------------------------

GOLD: dict[str, dict[str, Any]] = {
    "a": {
        "doc_id": "a",
        "published": "2024-09-19",
        "byline": ["Windi"],
        "persons": [
            {"name": "Rohidin Mersyah", "title": "Gubernur", "jurisdiction": "Bengkulu", "organization": None},
            {"name": "Achmad Fauzi", "title": "Bupati", "jurisdiction": "Sumenep", "organization": None},
            {"name": "Siti Komariah", "title": None, "jurisdiction": None, "organization": None},
        ],
        "regions": [
            {"name": "Bengkulu", "level": "provinsi", "code": "17"},
            {"name": "Jember", "level": "kabupaten", "code": "35.09"},
            {"name": "Sukamaju", "level": "desa", "code": None},
        ],
        "dates": [
            {"text": "18 September 2024", "value": "2024-09-18"},
            {"text": "2024", "value": "2024"},
        ],
        "counts": [
            {"text": "833 pedagang keliling", "value": 833, "unit": "pedagang keliling"},
            {"text": "Rp 2,3 miliar", "value": 2300000000, "unit": "rupiah"},
        ],
        "events": [
            {"type": "association_inaugurated", "date": "2024-09-18", "trigger": "mengukuhkan",
             "roles": {"agent": "Rohidin Mersyah", "object": "Asosiasi UMKM se-Provinsi Bengkulu",
                       "location": "Gedung Pola"}},
        ],
    },
    "b": {
        "doc_id": "b",
        "published": "2023-05",
        "byline": [],
        "persons": [{"name": "Fairid Naparin", "title": "Wali Kota", "jurisdiction": "Palangka Raya",
                     "organization": None}],
        "regions": [{"name": "Palangka Raya", "level": "kota", "code": "62.71"}],
        "dates": [{"text": "Rabu (31/5/2023)", "value": "2023-05-31"}],
        "counts": [
            {"text": "25 UMKM", "value": 25, "unit": "UMKM"},
            {"text": "21 sertifikat", "value": 21, "unit": "sertifikat"},
        ],
        "events": [
            {"type": "aid_distributed", "date": None, "trigger": "menyerahkan",
             "roles": {"giver": "Fairid Naparin", "item": "sertifikat halal", "beneficiary": "pelaku UMKM",
                       "count": 21}},
        ],
    },
}

PARTIAL: list[dict[str, Any]] = [
    {
        "doc_id": "a",
        "published": "2024-09-19",
        "persons": [
            {"name": "Dr. H. Rohidin Mersyah, M.M.", "title": "Gubernur"},  # honorifics: matches, title ok
            {"name": "Achmad Fauzi", "title": "Wakil Bupati"},              # matches, title wrong
            {"name": "Windi", "title": None},                               # spurious (Siti Komariah missed)
        ],
        "regions": [
            {"name": "Provinsi Bengkulu", "level": "provinsi", "code": "17"},  # by code, code ok
            {"name": "Jember", "level": "kabupaten", "code": "35.10"},         # by name+level, code wrong
            {"name": "Suka Maju", "level": "desa", "code": None},               # spaces ignored, no code scored
            {"name": "Jember", "level": "kota", "code": None},                  # spurious
        ],
        "dates": [
            {"text": "Rabu (18/9/2024)", "value": "2024-09-18"},  # matches
            {"text": "September 2024", "value": "2024-09"},       # spurious ("2024" missed)
        ],
        "counts": [
            {"text": "833 pedagang", "value": 833, "unit": "pedagang"},
            {"text": "833 pedagang", "value": 833, "unit": "pedagang kaki lima"},  # duplicate: dropped
            {"text": "Rp2,3 M", "value": 2.3e9, "unit": "Rupiah"},
        ],
        "events": [
            {"type": "association_inaugurated", "date": "2024-09-18", "trigger": "dikukuhkan",
             "roles": {"agent": "Gubernur Rohidin Mersyah", "object": "pengurus Asosiasi UMKM"}},
        ],
    },
    {
        "doc_id": "b",
        "published": "2023-05-31",  # gold is "2023-05": wrong
        "persons": [{"name": "Naparin", "title": "Wali Kota"}],  # one word: no match
        "regions": [{"name": "Palangkaraya", "level": "kota", "code": "62.71"}],
        "dates": [],
        "counts": [
            {"text": "25 UMKM binaan", "value": 25, "unit": "UMKM binaan"},
            {"text": "21 UMKM", "value": 21, "unit": "UMKM"},  # same value, other unit: spurious
        ],
        "events": [
            {"type": "aid_distributed", "date": None, "trigger": "menyerahkan",
             "roles": {"giver": "Wali Kota Fairid Naparin", "item": "sertifikat", "count": "21"}},
            {"type": "aid_distributed", "date": "2023-05-31", "trigger": "menyerahkan",
             "roles": {"giver": "Fairid Naparin"}},  # gold date is null: spurious
        ],
    },
]


def score_field(field: str, pred: list[dict[str, Any]], gold: list[dict[str, Any]]) -> FieldScore:
    return evaluate({"d": {field: gold}}, {"d": {field: pred}}).fields[field]


def matches(field: str, pred_item: dict[str, Any], gold_item: dict[str, Any]) -> bool:
    return score_field(field, [pred_item], [gold_item]).tp == 1


# --------------------------------------------------------------------------------------------
# Normalisation (rules/text.py)
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "expected"), [
    pytest.param("  Kepala Dinas  Koperasi & UKM ", "kepala dinas koperasi ukm", id="punct-space"),
    pytest.param("ＵＭＫＭ Naik-Kelas", "umkm naik kelas", id="nfkc-fullwidth"),
    pytest.param("STRASSE Straße", "strasse strasse", id="casefold"),
    pytest.param(None, "", id="none"),
    pytest.param(21, "21", id="number"),
])
def test_normalize_text(raw: Any, expected: str) -> None:
    assert normalize_text(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    pytest.param("Dr. H. Achmad Fauzi, S.E., M.Si.", "achmad fauzi", id="honorifics-and-degrees-after-comma"),
    pytest.param("Hj. Siti Komariah SE MM", "siti komariah", id="degrees-without-comma-or-dots"),
    pytest.param("Prof. Dr. Ir. Budi Santoso", "budi santoso", id="stacked-honorifics"),
    pytest.param("Bapak Hendy Siswanto", "hendy siswanto", id="form-of-address"),
    pytest.param("K.H. Ma'ruf Amin", "ma ruf amin", id="dotted-honorific-apostrophe"),
    pytest.param("Samsul Rizal, SH", "samsul rizal", id="comma-degree-no-dot"),
    pytest.param("ACHMAD  FAUZI", "achmad fauzi", id="case-and-spaces"),
    pytest.param("", "", id="empty"),
])
def test_normalize_name(raw: str, expected: str) -> None:
    assert normalize_name(raw) == expected


def test_honorifics_file_loads_normalised_single_words() -> None:
    hs = honorifics()
    assert {"h", "hj", "dr", "se", "msi", "phd", "bapak"} <= hs
    assert all(h and " " not in h and h == normalize_text(h) for h in hs)
    assert honorifics() is hs  # loaded once


def test_parse_honorifics_rejects_duplicates_and_multiword_entries() -> None:
    assert parse_honorifics("# comment\nS.E.  # degree\n\nHj.\n") == frozenset({"se", "hj"})
    with pytest.raises(ValueError, match=r"x\.txt:3: 'SE' repeats the entry of line 1"):
        parse_honorifics("S.E.\nHj.\nSE\n", "x.txt")
    with pytest.raises(ValueError, match="not a single word"):
        parse_honorifics("Haji Besar\n")


@needs_referee
def test_honorifics_are_the_referees() -> None:
    spec = importlib.util.spec_from_file_location("_referee_score", SCORE_PY)
    assert spec is not None and spec.loader is not None
    referee = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(referee)
    # the referee's "dr." can never be a word: its names lose their dots before splitting
    assert honorifics() == {h for h in referee.HONORIFICS if "." not in h}


# --------------------------------------------------------------------------------------------
# Whole-report figures
# --------------------------------------------------------------------------------------------

def test_gold_against_itself_scores_one_everywhere() -> None:
    report = evaluate(GOLD, GOLD)
    for field, fs in report.fields.items():
        assert (fs.precision, fs.recall, fs.f1) == (1.0, 1.0, 1.0), field
        assert fs.tp == fs.n_pred == fs.n_gold > 0
        assert fs.attribute in (1.0, None)
    assert report.fields["persons"].attribute == 1.0
    assert report.fields["regions"].attribute == 1.0
    assert report.fields["events"].attribute == 1.0
    assert report.published_accuracy == 1.0 and report.published_n == 2
    assert report.missing_docs == ()
    assert not any(d.has_errors for d in report.documents.values())
    assert report.format_errors() == "no errors"


@pytest.mark.skipif(not DEV.is_dir(), reason="../shared/corpus-dev is not present")
def test_dev_gold_against_itself_scores_one_everywhere() -> None:
    report = evaluate(DEV, load_gold(DEV))
    assert all(fs.f1 == 1.0 and fs.attribute in (1.0, None) for fs in report.fields.values())
    assert report.published_accuracy == 1.0


@pytest.mark.parametrize("empty", [
    pytest.param([], id="no-records"),
    pytest.param([{"doc_id": "a"}, {"doc_id": "b"}], id="records-without-items"),
    pytest.param({"a": {f: [] for f in FIELDS}, "b": {f: None for f in FIELDS}}, id="empty-and-null-lists"),
])
def test_empty_prediction_scores_zero_recall(empty: Any) -> None:
    report = evaluate(GOLD, empty)
    for field, fs in report.fields.items():
        assert (fs.tp, fs.n_pred) == (0, 0), field
        assert fs.n_gold > 0
        assert (fs.precision, fs.recall, fs.f1) == (0.0, 0.0, 0.0), field
        assert fs.attribute is None
    assert report.published_accuracy == 0.0


def test_empty_gold_field_scores_precision_only() -> None:
    gold = {"d": {"counts": [], "dates": [{"value": "2024"}]}}
    clean = evaluate(gold, {"d": {"counts": [], "dates": [{"value": "2024"}]}}).fields["counts"]
    assert (clean.precision, clean.recall, clean.f1) == (1.0, None, 1.0)
    noisy = evaluate(gold, {"d": {"counts": [{"value": 3, "unit": "tahun"}]}}).fields["counts"]
    assert (noisy.precision, noisy.recall, noisy.f1) == (0.0, None, 0.0)
    assert (noisy.tp, noisy.n_pred, noisy.n_gold) == (0, 1, 0)


def test_partial_prediction_hand_computed_figures() -> None:
    report = evaluate(GOLD, PARTIAL)
    got = {f: (fs.tp, fs.n_pred, fs.n_gold, fs.attribute_hits, fs.attribute_total) for f, fs in report.fields.items()}
    assert got == {
        "persons": (2, 4, 4, 1, 2),   # Rohidin (title ok), Achmad (title wrong); Windi, Naparin spurious
        "regions": (4, 5, 4, 2, 3),   # codes: Bengkulu ok, Jember wrong, Palangka Raya ok; Sukamaju has none
        "dates": (1, 2, 3, 0, 0),
        "counts": (3, 4, 4, 0, 0),    # the duplicate 833 is dropped before matching
        "events": (2, 3, 2, 4, 7),    # a: agent only (1/3); b: giver, item, count, not beneficiary (3/4)
    }
    p = pytest.approx
    fs = report.fields
    assert (fs["persons"].precision, fs["persons"].recall, fs["persons"].f1, fs["persons"].attribute) == (
        0.5, 0.5, 0.5, 0.5)
    assert (fs["regions"].precision, fs["regions"].recall, fs["regions"].f1, fs["regions"].attribute) == (
        p(0.8), 1.0, p(16 / 18), p(2 / 3))
    assert (fs["dates"].precision, fs["dates"].recall, fs["dates"].f1, fs["dates"].attribute) == (
        0.5, p(1 / 3), p(0.4), None)
    assert (fs["counts"].precision, fs["counts"].recall, fs["counts"].f1) == (0.75, 0.75, p(0.75))
    assert (fs["events"].precision, fs["events"].recall, fs["events"].f1, fs["events"].attribute) == (
        p(2 / 3), 1.0, p(0.8), p(4 / 7))
    assert [fs[f].attribute_name for f in FIELDS] == ["title", "code", None, None, "roles"]
    assert (report.published_accuracy, report.published_n, report.published_correct) == (0.5, 2, 1)


def test_partial_prediction_errors_per_document() -> None:
    report = evaluate(GOLD, PARTIAL)
    a, b = report.documents["a"], report.documents["b"]
    assert [it["name"] for it in a.fields["persons"].missed] == ["Siti Komariah"]
    assert [it["name"] for it in a.fields["persons"].spurious] == ["Windi"]
    assert [(m.attribute, m.predicted, m.gold) for m in a.fields["persons"].mismatches] == [
        ("title", "Wakil Bupati", "Bupati")]
    assert [(m.attribute, m.predicted, m.gold) for m in a.fields["regions"].mismatches] == [
        ("code", "35.10", "35.09")]
    assert [(m.attribute, m.predicted) for m in a.fields["events"].mismatches] == [
        ("roles.object", "pengurus Asosiasi UMKM"), ("roles.location", None)]
    assert [m.attribute for m in b.fields["events"].mismatches] == ["roles.beneficiary"]
    assert a.fields["counts"].ok
    assert b.published_correct is False and a.published_correct is True
    # missed/spurious are the records' own items, and they account for the counts
    assert a.fields["persons"].missed[0] is report.documents["a"].fields["persons"].missed[0]
    for f, fs in report.fields.items():
        assert sum(len(d.fields[f].missed) for d in report.documents.values()) == fs.n_gold - fs.tp
        assert sum(len(d.fields[f].spurious) for d in report.documents.values()) == fs.n_pred - fs.tp


def test_format_errors_lists_missed_spurious_and_mismatches() -> None:
    text = evaluate(GOLD, PARTIAL).format_errors()
    assert "- missed: Siti Komariah" in text
    assert "+ spurious: Windi" in text
    assert "~ title: got 'Wakil Bupati', gold 'Bupati' [Achmad Fauzi]" in text
    assert "~ code: got '35.10', gold '35.09'" in text
    assert "- missed: '2024' = 2024" in text
    assert "+ spurious: '21 UMKM' = 21 UMKM" in text
    assert "published: got '2023-05-31', gold '2023-05'" in text
    assert text.startswith("a\n")
    only_dates = evaluate(GOLD, PARTIAL).format_errors(fields=["dates"])
    assert "Siti Komariah" not in only_dates and "'2024' = 2024" in only_dates
    with pytest.raises(ValueError, match="unknown field"):
        evaluate(GOLD, PARTIAL).format_errors(fields=["people"])


def test_format_errors_marks_missing_documents() -> None:
    text = evaluate(GOLD, [PARTIAL[0]]).format_errors()
    assert "b (no prediction)" in text
    assert "- missed: Fairid Naparin (Wali Kota, Palangka Raya)" in text


def test_format_table_and_markdown() -> None:
    report = evaluate(GOLD, PARTIAL)
    table = report.format_table().splitlines()
    assert len(table) == 1 + len(FIELDS) + 1
    persons = next(line for line in table if line.startswith("persons"))
    assert persons.split()[:5] == ["persons", "0.500", "0.500", "0.500", "2/4/4"]
    assert "title 0.500" in persons
    assert next(line for line in table if line.startswith("dates")).split()[-1] == "-"
    assert table[-1].startswith("published accuracy 0.500 (1/2)")
    md = report.format_markdown().splitlines()
    assert md[0].startswith("| field | P | R | F1 |") and md[1].startswith("|---")
    assert "| regions | 0.800 | 1.000 | 0.889 | 4 / 5 / 4 | code 0.667 |" in md
    assert md[-1].startswith("| published |")


def test_to_dict_is_json_ready_and_rounds_on_request() -> None:
    report = evaluate(GOLD, PARTIAL)
    d = json.loads(json.dumps(report.to_dict()))
    assert d["fields"]["events"]["attribute"] == pytest.approx(4 / 7)
    assert d["published"] == {"accuracy": 0.5, "n": 2, "correct": 1}
    assert d["documents"]["a"]["fields"]["persons"]["missed"][0]["name"] == "Siti Komariah"
    short = report.to_dict(ndigits=3, include_documents=False)
    assert short["fields"]["regions"]["f1"] == 0.889 and "documents" not in short


def test_check_floors() -> None:
    report = evaluate(GOLD, PARTIAL)
    assert report.check_floors({"persons": 0.5, "counts": 0.7, "published": 0.5}) == []
    short = report.check_floors({"persons": 0.6, "events": 0.9, "published": 0.75})
    assert short == ["persons: F1 0.500 < 0.6", "events: F1 0.800 < 0.9", "published: accuracy 0.500 < 0.75"]
    assert report.check_floors({"regions": 0.889}) == []  # compared as printed (3 digits), as the referee does
    with pytest.raises(ValueError, match="unknown field 'people'"):
        report.check_floors({"people": 0.5})


# --------------------------------------------------------------------------------------------
# Matching rules, one at a time
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("pred", "gold", "expected"), [
    pytest.param("Achmad Fauzi", "Achmad Fauzi", True, id="equal"),
    pytest.param("Achmad Fauzi", "Achmad Fauzi Rahman", True, id="two-word-prefix"),
    pytest.param("Fauzi Rahman", "Achmad Fauzi Rahman", True, id="two-word-suffix"),
    pytest.param("Achmad Fauzi Rahman", "Fauzi Rahman", True, id="gold-is-the-shorter"),
    pytest.param("Fauzi", "Achmad Fauzi", False, id="one-word-suffix-is-not-enough"),
    pytest.param("Fauzi Rahman", "Achmad Fauzi Rahman Hakim", False, id="middle-words-do-not-match"),
    pytest.param("Achmad Fauzan", "Achmad Fauzi", False, id="partial-word-is-not-a-word"),
    pytest.param("Dr. H. Achmad Fauzi, S.E., M.Si.", "Achmad Fauzi", True, id="honorifics-degrees-stripped"),
    pytest.param("Hj. Siti Komariah SE MM", "Siti Komariah", True, id="degrees-without-dots"),
    pytest.param("Bapak Hendy", "Hendy", True, id="one-word-equal-after-stripping"),
    pytest.param("ＡＣＨＭＡＤ fauzi", "Achmad Fauzi", True, id="nfkc-and-case"),
    # equal scored names pair first, even when nothing is left of them (as the referee does)
    pytest.param("Dr.", "Dr.", True, id="nothing-left-after-stripping-pairs-as-equal"),
    pytest.param("Dr.", "Achmad Fauzi", False, id="empty-name-matches-no-name"),
])
def test_person_matching(pred: str, gold: str, expected: bool) -> None:
    assert matches("persons", {"name": pred}, {"name": gold}) is expected


@pytest.mark.parametrize(("pred_title", "gold_title", "attribute"), [
    pytest.param("Bupati", "bupati", 1.0, id="case-insensitive"),
    pytest.param("Kepala Dinas Koperasi & UKM", "Kepala Dinas Koperasi UKM", 1.0, id="punctuation-ignored"),
    pytest.param("Wakil Bupati", "Bupati", 0.0, id="different"),
    pytest.param(None, "Bupati", 0.0, id="missing-title"),
    pytest.param("Bupati", None, None, id="gold-without-title-not-scored"),
])
def test_person_title_attribute(pred_title: str | None, gold_title: str | None, attribute: float | None) -> None:
    fs = score_field("persons", [{"name": "Achmad Fauzi", "title": pred_title}],
                     [{"name": "Achmad Fauzi", "title": gold_title}])
    assert fs.tp == 1 and fs.attribute == attribute


@pytest.mark.parametrize(("pred", "gold", "expected", "code_attr"), [
    pytest.param({"name": "NTB", "level": "provinsi", "code": "52"},
                 {"name": "Nusa Tenggara Barat", "level": "provinsi", "code": "52"}, True, 1.0, id="code-equal"),
    pytest.param({"name": "Jember", "level": "kabupaten", "code": "35.10"},
                 {"name": "Jember", "level": "kabupaten", "code": "35.09"}, True, 0.0, id="name-level-code-wrong"),
    pytest.param({"name": "Tanjung Pinang", "level": "kota", "code": None},
                 {"name": "Tanjungpinang", "level": "kota", "code": "21.72"}, True, 0.0, id="spaces-ignored"),
    pytest.param({"name": "Sukamaju", "level": "desa", "code": "99.1"},
                 {"name": "SUKAMAJU", "level": "desa", "code": None}, True, None, id="gold-without-code"),
    pytest.param({"name": "Jember", "level": "kota", "code": None},
                 {"name": "Jember", "level": "kabupaten", "code": "35.09"}, False, None, id="level-differs"),
    pytest.param({"name": "Bengkulu Utara", "level": "provinsi", "code": "17"},
                 {"name": "Bengkulu", "level": "provinsi", "code": None}, False, None,
                 id="code-only-counts-when-gold-has-one"),
])
def test_region_matching(pred: dict[str, Any], gold: dict[str, Any], expected: bool,
                         code_attr: float | None) -> None:
    fs = score_field("regions", [pred], [gold])
    assert (fs.tp == 1) is expected
    assert fs.attribute == code_attr


@pytest.mark.parametrize(("pred", "gold", "expected"), [
    pytest.param({"text": "Kamis (5/9)", "value": "2024-09-05"}, {"text": "5 September 2024", "value": "2024-09-05"},
                 True, id="value-equal-text-differs"),
    pytest.param({"value": "2024-09"}, {"value": "2024-09-05"}, False, id="precision-differs"),
])
def test_date_matching(pred: dict[str, Any], gold: dict[str, Any], expected: bool) -> None:
    assert matches("dates", pred, gold) is expected


@pytest.mark.parametrize(("pred", "gold", "expected"), [
    pytest.param({"value": 833, "unit": "pedagang"}, {"value": 833, "unit": "pedagang keliling"}, True,
                 id="first-word-of-unit"),
    pytest.param({"value": 25, "unit": "UMKM binaan"}, {"value": 25, "unit": "umkm"}, True, id="unit-case"),
    pytest.param({"value": 21, "unit": "UMKM"}, {"value": 21, "unit": "sertifikat"}, False, id="other-unit"),
    pytest.param({"value": 1500000.0, "unit": "rupiah"}, {"value": 1500000, "unit": "rupiah"}, True,
                 id="float-equals-int"),
    pytest.param({"value": "1500000", "unit": "rupiah"}, {"value": 1500000, "unit": "rupiah"}, True,
                 id="numeric-string"),
    pytest.param({"value": 1.5, "unit": "juta"}, {"value": 1500000, "unit": "rupiah"}, False, id="value-differs"),
    pytest.param({"value": None, "unit": "orang"}, {"value": 0, "unit": "orang"}, False, id="null-value"),
])
def test_count_matching(pred: dict[str, Any], gold: dict[str, Any], expected: bool) -> None:
    assert matches("counts", pred, gold) is expected


EVENT = {"type": "aid_distributed", "date": None, "trigger": "menyerahkan",
         "roles": {"giver": "Fairid Naparin", "item": "sertifikat halal", "count": 21}}


@pytest.mark.parametrize(("pred", "expected"), [
    pytest.param({"type": "aid_distributed", "date": None, "roles": {"giver": "Fairid Naparin"}}, True,
                 id="both-dates-null"),
    pytest.param({"type": "aid_distributed", "date": "", "roles": {"giver": "Fairid Naparin"}}, True,
                 id="empty-date-is-null"),
    pytest.param({"type": "aid_distributed", "roles": {"giver": "Fairid Naparin"}}, True, id="absent-date-is-null"),
    pytest.param({"type": "aid_distributed", "date": "2023-05-31", "roles": {"giver": "Fairid Naparin"}}, False,
                 id="date-where-gold-has-none"),
    pytest.param({"type": "training_held", "date": None, "roles": {"giver": "Fairid Naparin"}}, False,
                 id="type-differs"),
    pytest.param({"type": "aid_distributed", "date": None, "roles": {"beneficiary": "Wali Kota Fairid Naparin"}},
                 True, id="pred-role-contains-gold-role-any-name"),
    pytest.param({"type": "aid_distributed", "date": None, "roles": {"item": "Sertifikat"}}, True,
                 id="gold-role-contains-pred-role"),
    pytest.param({"type": "aid_distributed", "date": None, "roles": {"giver": "Pemkot", "item": "beras"}}, False,
                 id="no-role-overlaps"),
    pytest.param({"type": "aid_distributed", "date": None, "roles": {}}, False, id="no-roles"),
    pytest.param({"type": "aid_distributed", "date": None, "roles": {"count": "21"}}, False,
                 id="numeric-gold-role-is-not-text"),
])
def test_event_matching(pred: dict[str, Any], expected: bool) -> None:
    assert matches("events", pred, EVENT) is expected


def test_event_without_gold_roles_matches_on_type_and_date() -> None:
    gold = {"type": "program_launched", "date": "2024", "roles": {"agent": None, "object": ""}}
    assert matches("events", {"type": "program_launched", "date": "2024", "roles": {"agent": "Bupati"}}, gold)
    assert matches("events", {"type": "program_launched", "date": "2024"}, gold)
    assert score_field("events", [{"type": "program_launched", "date": "2024"}], [gold]).attribute is None


@pytest.mark.parametrize(("count", "hit"), [
    pytest.param(21, True, id="int"),
    pytest.param("21", True, id="numeric-string"),
    pytest.param(21.0, True, id="float"),
    pytest.param(20, False, id="other-number"),
    pytest.param("dua puluh satu", False, id="words-are-not-a-number"),
    pytest.param(None, False, id="missing"),
])
def test_event_count_role_scored_numerically(count: Any, hit: bool) -> None:
    pred = {"type": "aid_distributed", "date": None,
            "roles": {"giver": "Fairid Naparin", "item": "sertifikat halal", "count": count}}
    fs = score_field("events", [pred], [EVENT])
    assert fs.tp == 1
    assert (fs.attribute_hits, fs.attribute_total) == (2 + hit, 3)


def test_list_valued_role_overlaps_any_member() -> None:
    gold = {"type": "agreement_signed", "date": None, "roles": {"parties": ["Pemkab Jember", "Bank Jatim"]}}
    fs = score_field("events", [{"type": "agreement_signed", "date": None, "roles": {"parties": "Bank Jatim"}}],
                     [gold])
    assert fs.tp == 1 and fs.attribute == 1.0


@pytest.mark.parametrize(("field", "items"), [
    pytest.param("persons", [{"name": "Achmad Fauzi"}, {"name": "H. Achmad Fauzi"}], id="persons"),
    pytest.param("regions", [{"name": "Jember", "level": "kabupaten", "code": "35.09"},
                             {"name": "Kabupaten Jember", "level": "kabupaten", "code": "35.09"}], id="regions"),
    pytest.param("dates", [{"text": "5/9", "value": "2024-09-05"}, {"text": "5 September", "value": "2024-09-05"}],
                 id="dates"),
    pytest.param("counts", [{"value": 3, "unit": "tahun"}, {"value": 3.0, "unit": "tahun lalu"}], id="counts"),
])
def test_duplicates_count_once(field: str, items: list[dict[str, Any]]) -> None:
    fs = score_field(field, items, items[:1])
    assert (fs.tp, fs.n_pred, fs.n_gold, fs.precision) == (1, 1, 1, 1.0)


def test_greedy_matching_in_gold_order() -> None:
    # "Fauzi Rahman" is a suffix of the first gold name and a prefix of the second: the first takes it.
    gold = [{"name": "Achmad Fauzi Rahman"}, {"name": "Fauzi Rahman Hakim"}]
    report = evaluate({"d": {"persons": gold}}, {"d": {"persons": [{"name": "Fauzi Rahman"}]}})
    fs = report.fields["persons"]
    assert (fs.tp, fs.n_pred, fs.n_gold) == (1, 1, 2)
    assert report.documents["d"].fields["persons"].missed == (gold[1],)


# --------------------------------------------------------------------------------------------
# Inputs
# --------------------------------------------------------------------------------------------

def write_gold_dir(folder: Path, gold: dict[str, dict[str, Any]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for doc_id, rec in gold.items():
        (folder / f"{doc_id}.gold.json").write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
    return folder


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def figures(report: EvaluationReport) -> dict[str, Any]:
    return report.to_dict(include_documents=False)


@pytest.fixture(scope="module")
def expected() -> dict[str, Any]:
    return figures(evaluate(GOLD, PARTIAL))


def test_input_jsonl(tmp_path: Path, expected: dict[str, Any]) -> None:
    gold_dir = write_gold_dir(tmp_path / "gold", GOLD)
    preds = write_jsonl(tmp_path / "pred.jsonl", PARTIAL)
    assert figures(evaluate(gold_dir, preds)) == expected
    assert figures(evaluate(str(gold_dir), str(preds))) == expected


def test_input_folder(tmp_path: Path, expected: dict[str, Any]) -> None:
    folder = tmp_path / "pred"
    folder.mkdir()
    for rec in PARTIAL:
        (folder / f"{rec['doc_id']}.json").write_text(json.dumps(rec), encoding="utf-8")
    (folder / "a.meta.json").write_text('{"published": "1999"}', encoding="utf-8")  # never a prediction
    assert figures(evaluate(write_gold_dir(tmp_path / "gold", GOLD), folder)) == expected


def test_input_mapping(expected: dict[str, Any]) -> None:
    by_id = {rec["doc_id"]: {k: v for k, v in rec.items() if k != "doc_id"} for rec in PARTIAL}
    assert figures(evaluate(GOLD, by_id)) == expected


def test_input_iterable_of_dicts_and_generators(expected: dict[str, Any]) -> None:
    assert figures(evaluate(GOLD, PARTIAL)) == expected
    assert figures(evaluate(GOLD, (rec for rec in PARTIAL))) == expected
    assert figures(evaluate(GOLD, tuple(PARTIAL))) == expected


def test_input_iterable_of_articles() -> None:
    articles = [Article.from_dict(rec) for rec in GOLD.values()]
    report = evaluate(GOLD, articles)
    assert all(fs.f1 == 1.0 for fs in report.fields.values())
    assert report.published_accuracy == 1.0


def test_doc_id_may_be_a_file_name() -> None:
    preds = [dict(PARTIAL[0], doc_id="corpus/a.txt"), dict(PARTIAL[1], doc_id="b.json")]
    assert figures(evaluate(GOLD, preds)) == figures(evaluate(GOLD, PARTIAL))


def test_missing_and_extra_documents() -> None:
    report = evaluate(GOLD, [PARTIAL[0], {"doc_id": "zzz", "persons": [{"name": "Orang Lain"}]}])
    assert report.missing_docs == ("b",)
    assert report.extra_docs == ("zzz",)
    assert report.documents["b"].missing and not report.documents["a"].missing
    assert report.fields["persons"].n_pred == 3  # zzz is not scored


def test_bad_inputs_fail_with_useful_messages(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="#1 has no doc_id"):
        evaluate(GOLD, [PARTIAL[0], {"persons": []}])
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc_id": "a"}\n{"doc_id": \n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.jsonl:2: not valid JSON"):
        evaluate(GOLD, bad)
    with pytest.raises(FileNotFoundError, match="nowhere"):
        evaluate(GOLD, tmp_path / "nowhere.jsonl")
    with pytest.raises(ValueError, match="no NAME.gold.json"):
        evaluate(tmp_path, [])
    with pytest.raises(TypeError, match="mapping must map doc_id to a record"):
        evaluate(GOLD, PARTIAL[0])  # one record passed where a mapping doc_id -> record is expected
    with pytest.raises(TypeError, match="`persons` must be a list"):
        evaluate(GOLD, [{"doc_id": "a", "persons": "Achmad Fauzi"}])
    with pytest.raises(TypeError, match="roles must be a mapping"):
        evaluate(GOLD, [{"doc_id": "a", "events": [{"type": "x", "roles": ["Achmad Fauzi"]}]}])


# --------------------------------------------------------------------------------------------
# Agreement with the referee scorer (shared/tools/score.py)
# --------------------------------------------------------------------------------------------

SPURIOUS: dict[str, dict[str, Any]] = {
    "persons": {"name": "Orang Palsu Sekali", "title": "Camat"},
    "regions": {"name": "Atlantis", "level": "kota", "code": "99.99"},
    "dates": {"text": "1 Januari 1999", "value": "1999-01-01"},
    "counts": {"text": "123456 batu", "value": 123456, "unit": "batu"},
    "events": {"type": "training_held", "date": "1999", "trigger": "pelatihan", "roles": {"organizer": "Tak Ada"}},
}


def _perturb_item(field: str, i: int, item: dict[str, Any]) -> dict[str, Any]:
    it = copy.deepcopy(item)
    if field == "persons":
        if i % 4 == 0:
            it["title"] = "Camat" if it.get("title") != "Camat" else "Lurah"
        elif i % 4 == 1:
            it["name"] = f"Dr. H. {it['name']}, S.E., M.Si."
        elif i % 5 == 3 and len(str(it["name"]).split()) >= 3:
            it["name"] = " ".join(str(it["name"]).split()[:2])
    elif field == "regions":
        if i % 4 == 0:
            it["name"] = "Wilayah " + str(it["name"])  # still matches on a gold code
        elif i % 4 == 1:
            it["name"] = str(it["name"]).upper().replace(" ", "")
            it["code"] = str(it["code"]) + "9" if it.get("code") else None
        elif i % 4 == 3:
            it["level"] = "kecamatan" if it.get("level") != "kecamatan" else "desa"
    elif field == "dates":
        if i % 4 == 1:
            it["value"] = str(it["value"])[:4]
    elif field == "counts":
        if i % 4 == 1:
            it["unit"] = "buah " + str(it.get("unit"))
        elif i % 4 == 3:
            it["unit"] = str(it.get("unit")).upper() + " lainnya"
            it["value"] = float(it["value"])
    elif field == "events":
        roles = dict(it.get("roles") or {})
        if i % 4 == 0:
            it["date"] = None if it.get("date") else "2024-01-01"
        if i % 3 == 1 and roles:
            first = next(iter(roles))
            roles[first] = "sesuatu yang lain"
        if i % 2 == 1 and "count" in roles:
            roles["count"] = str(roles["count"])
        it["roles"] = roles
    return it


def perturb(gold: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """A deterministic prediction set: every 3rd item dropped, some titles/codes/units/roles altered,
    honorifics added, a duplicate and a spurious item per field, some published dates wrong, one document left out."""
    out = []
    for n, (doc_id, rec) in enumerate(sorted(gold.items())):
        if n == 4:
            continue
        pred: dict[str, Any] = {"doc_id": doc_id, "published": rec.get("published")}
        if n % 3 == 1:
            pred["published"] = (rec.get("published") or "2020") + "-01"
        for field in FIELDS:
            items = [_perturb_item(field, i, it) for i, it in enumerate(rec.get(field) or []) if i % 3 != 2]
            if items and n % 2 == 0:
                items.append(copy.deepcopy(items[0]))
            if n % 2 == 1:
                items.insert(len(items) // 2, copy.deepcopy(SPURIOUS[field]))
            pred[field] = items
        out.append(pred)
    return out


def run_referee(gold_dir: Path, preds: Path) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, str(SCORE_PY), str(gold_dir), str(preds), "--json"],
                          capture_output=True, text=True, encoding="utf-8", check=False, timeout=120)
    assert proc.returncode == 0, proc.stderr
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


def assert_agrees(report: EvaluationReport, referee: dict[str, Any]) -> None:
    def close(mine: float | None, theirs: float | None) -> bool:
        if mine is None or theirs is None:
            return mine is None and theirs is None
        return abs(mine - theirs) < 0.01 and round(mine, 3) == theirs

    for field in FIELDS:
        fs, ref = report.fields[field], referee[field]
        assert (fs.tp, fs.n_pred, fs.n_gold) == (ref["tp"], ref["pred"], ref["gold"]), field
        assert close(fs.precision, ref["p"]), (field, fs.precision, ref["p"])
        assert close(fs.recall, ref["r"]), (field, fs.recall, ref["r"])
        assert close(fs.f1, ref["f1"]), (field, fs.f1, ref["f1"])
        assert close(fs.attribute, ref["attr"]), (field, fs.attribute, ref["attr"])
    assert close(report.published_accuracy, referee["published"]["acc"])
    assert report.published_n == referee["published"]["n"]
    assert list(report.missing_docs) == referee["missing_docs"]


@needs_referee
def test_referee_agrees_on_perturbed_dev_gold(tmp_path: Path) -> None:
    preds = perturb(load_gold(DEV))
    jsonl = write_jsonl(tmp_path / "pred.jsonl", preds)
    report = evaluate(DEV, jsonl)
    assert 0.3 < report.fields["persons"].f1 < 0.95  # the perturbation does bite
    assert report.missing_docs
    assert_agrees(report, run_referee(DEV, jsonl))


@needs_referee
def test_referee_agrees_on_perturbed_dev_gold_as_folder(tmp_path: Path) -> None:
    folder = tmp_path / "pred"
    folder.mkdir()
    for rec in perturb(load_gold(DEV)):
        (folder / f"{rec['doc_id']}.json").write_text(json.dumps(rec, ensure_ascii=False), encoding="utf-8")
    assert_agrees(evaluate(DEV, folder), run_referee(DEV, folder))


@needs_referee
@pytest.mark.parametrize("case", ["identity", "empty", "hand-made"])
def test_referee_agrees_on_small_sets(tmp_path: Path, case: str) -> None:
    gold_dir = write_gold_dir(tmp_path / "gold", GOLD) if case == "hand-made" else DEV
    gold = load_gold(gold_dir)
    preds = {"identity": list(gold.values()), "empty": [], "hand-made": PARTIAL}[case]
    jsonl = write_jsonl(tmp_path / "pred.jsonl", preds)
    assert_agrees(evaluate(gold_dir, jsonl), run_referee(gold_dir, jsonl))


# --------------------------------------------------------------------------------------------
# The referee's current rules (ANNOTATION.md "Scoring"): titles without parenthetical groups,
# equal names pair first and only equal names merge, gold never merges, a repeated event is a false positive
# --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("pred_title", "gold_title", "correct"), [
    pytest.param("Kepala Dinas Kominfo (Diskominfo)", "Kepala Dinas Kominfo", True, id="acronym-in-output"),
    pytest.param("Penjabat Bupati", "Penjabat (Pj) Bupati", True, id="acronym-in-gold-midway"),
    pytest.param("Sekretaris Daerah (Sekda)", "Sekretaris Daerah (Setda)", True, id="both-have-one"),
    pytest.param("Kepala Dinas", "Kepala Dinas Kominfo", False, id="a-shorter-title-is-wrong"),
])
def test_titles_compare_without_parenthetical_groups(pred_title: str, gold_title: str, correct: bool) -> None:
    fs = score_field("persons", [{"name": "Budi Santoso", "title": pred_title}],
                     [{"name": "Budi Santoso", "title": gold_title}])
    assert fs.tp == 1
    assert fs.attribute == (1.0 if correct else 0.0)


def test_equal_names_pair_before_prefix_matches() -> None:
    # "Murad Ismail" would match "Widya Pratiwi Murad Ismail" by suffix, but it is that gold person's own name
    gold = [{"name": "Widya Pratiwi Murad Ismail", "title": "Ketua TP PKK"},
            {"name": "Murad Ismail", "title": "Gubernur"}]
    pred = [{"name": "Murad Ismail", "title": "Gubernur"},
            {"name": "Widya Pratiwi Murad Ismail", "title": "Ketua TP PKK"}]
    fs = score_field("persons", pred, gold)
    assert (fs.tp, fs.n_pred, fs.n_gold, fs.attribute) == (2, 2, 2, 1.0)


@pytest.mark.parametrize(("pred", "n_pred"), [
    pytest.param(["Murad Ismail", "Widya Pratiwi Murad Ismail"], 2, id="suffix-names-stay-two"),
    pytest.param(["Murad Ismail", "H. Murad Ismail, S.E."], 1, id="equal-after-stripping-merge"),
    pytest.param(["Achmad Fauzi", "Achmad Fauzi Rahman"], 2, id="prefix-names-stay-two"),
])
def test_only_equal_person_names_merge(pred: list[str], n_pred: int) -> None:
    fs = score_field("persons", [{"name": n} for n in pred], [{"name": "Murad Ismail"}])
    assert fs.n_pred == n_pred


def test_gold_items_never_merge() -> None:
    gold = [{"value": "2024-09-05", "text": "5 September 2024"}, {"value": "2024-09-05", "text": "Kamis (5/9)"}]
    fs = score_field("dates", [{"value": "2024-09-05"}], gold)
    assert (fs.tp, fs.n_pred, fs.n_gold) == (1, 1, 2)


def test_a_repeated_output_event_is_a_false_positive() -> None:
    event = {"type": "facility_inaugurated", "date": "2024-09-05", "roles": {"object": "Pasar Tanjung"}}
    fs = score_field("events", [event, copy.deepcopy(event)], [event])
    assert (fs.tp, fs.n_pred, fs.n_gold) == (1, 2, 1)
    assert fs.precision == 0.5
