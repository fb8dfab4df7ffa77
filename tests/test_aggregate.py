"""The dataset view (umkm_extract.aggregate): merging across articles, officials, the regional roll-up, the
files and the report. Records here are written for the tests, in the shape of ANNOTATION.md."""
from __future__ import annotations

import copy
import json
import random
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest

from umkm_extract.dataset import (SCHEMA, TABLES, aggregate, ancestors, dates_compatible, read_records, similar,
                                    write_dataset)

ROOT = Path(__file__).resolve().parents[1]


def rec(doc_id: str, published: str, *, events=(), persons=(), regions=(), counts=()) -> dict:
    return {"doc_id": doc_id, "published": published, "persons": list(persons), "regions": list(regions),
            "dates": [], "counts": list(counts), "events": list(events)}


def ev(type_: str, date: str | None, sentence: str | None = None, **roles) -> dict:
    e = {"type": type_, "date": date, "trigger": "", "roles": roles}
    if sentence:
        e["sentence"] = sentence
    return e


KLATEN = {"name": "Klaten", "level": "kabupaten", "code": "33.10"}
JATENG = {"name": "Jawa Tengah", "level": "provinsi", "code": "33"}
PALU = {"name": "Palu", "level": "kota", "code": "72.71"}
JAKARTA = {"name": "Jakarta", "level": "provinsi", "code": "31"}

LAUNCH_A = ev("program_launched", "2024-03-14", agent="Menteri Koperasi dan UKM Teten Masduki",
              object="aplikasi Pasar Digital UMKM")
LAUNCH_B = ev("program_launched", "2024-03-14", agent="Kementerian Koperasi dan UKM (Kemenkop UKM)",
              object="aplikasi Pasar Digital UMKM Nasional")
MOU_A = ev("agreement_signed", "2024-03-14", parties="Kemenkop UKM dan PT Bank Rakyat Indonesia",
           object="nota kesepahaman pembiayaan UMKM")
MOU_B = ev("agreement_signed", "2024-03-14", parties="Kementerian Koperasi dan UKM dengan BRI",
           object="nota kesepahaman tentang pembiayaan usaha mikro")
AWARD_KLATEN = ev("award_received", "2024-03-14", recipient="Pemerintah Kabupaten Klaten",
                  award="Anugerah Pembina UMKM Terbaik", giver="Kementerian Koperasi dan UKM")
AWARD_PALU = ev("award_received", "2024-03-14", recipient="Pemkot Palu", award="Anugerah Pembina UMKM Terbaik",
                giver="Kemenkop UKM")


def ceremony_pair() -> list[dict]:
    a = rec("outlet-a-klaten", "2024-03-15", events=[LAUNCH_A, MOU_A, AWARD_KLATEN], regions=[JAKARTA, KLATEN, JATENG])
    b = rec("outlet-b-palu", "2024-03-14", events=[AWARD_PALU, MOU_B, LAUNCH_B], regions=[JAKARTA, PALU])
    return [a, b]


def by_type(ds) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {}
    for e in ds.events:
        out.setdefault(e["type"], []).append(e)
    return out


# --------------------------------------------------------------------------------------------
# Similar role texts, compatible dates

@pytest.mark.parametrize("a, b, same", [
    ("Pemkab Klaten", "Pemerintah Kabupaten Klaten", True),
    ("Kabupaten Klaten", "Kabupaten Sleman", False),
    ("Pemkot Palu", "Pemerintah Kabupaten Klaten", False),
    ("aplikasi Pasar Digital UMKM", "aplikasi Pasar Digital UMKM Nasional", True),
    ("bantuan modal usaha", "bantuan peralatan usaha", False),
    ("150 unit gerobak", "gerobak usaha", True),
    ("pelaku UMKM", "pelaku UMKM", True),
    ("pelaku UMKM", "pelaku usaha mikro", False),  # only generic words: no evidence of sameness
    ("Bank Jatim", "Bank BRI", False),
    ("Koperasi Maju Bersama", "Koperasi Sejahtera", False),
    ("Kementerian Koperasi dan UKM (Kemenkop UKM)", "Kemenkop UKM", True),
    (40, 40, True),
    (40, 45, False),
    ("", "pelaku UMKM", False),
])
def test_similar(a, b, same):
    assert similar(a, b) is same
    assert similar(b, a) is same


@pytest.mark.parametrize("a, b, ok", [
    ("2024-03-14", "2024-03-14", True),
    ("2024-03-14", "2024-03-15", False),
    ("2024-03", "2024-03-14", True),
    ("2024-04", "2024-03-14", False),
    ("2024", "2024-03-14", True),
    (None, "2024-03-14", True),
    (None, None, True),
])
def test_dates_compatible(a, b, ok):
    assert dates_compatible(a, b) is ok
    assert dates_compatible(b, a) is ok


def test_ancestors():
    assert ancestors("35.09.01.2001") == ["35.09.01.2001", "35.09.01", "35.09", "35"]
    assert ancestors("35") == ["35"]


# --------------------------------------------------------------------------------------------
# Events across articles

def test_same_article_under_two_doc_ids_gives_each_event_once_with_both_sources():
    a = ceremony_pair()[0]
    b = copy.deepcopy(a)
    b["doc_id"] = "syndicated-copy"
    b["published"] = "2024-03-16"
    ds = aggregate([a, b])
    assert len(ds.events) == 3
    for e in ds.events:
        assert e["sources"] == "outlet-a-klaten;syndicated-copy"
        assert e["n_sources"] == 2
        assert (e["first_published"], e["last_published"]) == ("2024-03-15", "2024-03-16")


def test_one_ceremony_two_outlets_shared_launch_and_mou_two_recipients():
    ds = aggregate(ceremony_pair())
    t = by_type(ds)
    assert len(t["program_launched"]) == 1 and t["program_launched"][0]["n_sources"] == 2
    assert len(t["agreement_signed"]) == 1 and t["agreement_signed"][0]["n_sources"] == 2
    awards = sorted(t["award_received"], key=lambda e: e["sources"])
    assert [e["sources"] for e in awards] == ["outlet-a-klaten", "outlet-b-palu"]
    assert [e["region_codes"] for e in awards] == ["33.10", "72.71"]
    # the occurrence's values: the most frequent, else the longer text
    assert t["program_launched"][0]["role_object"] == "aplikasi Pasar Digital UMKM Nasional"


@pytest.mark.parametrize("change, merged", [
    ({}, True),
    ({"date": "2024-03-20"}, False),                               # another day
    ({"date": "2024-03"}, True),                                   # a month that contains the day
    ({"date": None}, True),                                        # no date, published within the window
    ({"type": "training_held"}, False),
    ({"roles": {"giver": "Bupati Klaten Sri Mulyani", "item": "gerobak usaha", "beneficiary": "pedagang"}}, False),
    ({"roles": {"giver": "Dinas Sosial Kota Palu", "item": "150 unit gerobak usaha", "beneficiary": "PKL"}}, True),
    ({"roles": {"giver": "Dinas Sosial Kota Palu", "item": "bantuan modal usaha", "beneficiary": "PKL"}}, False),
    ({"roles": {"item": "gerobak", "beneficiary": "pedagang kaki lima"}}, True),  # no giver on one side
    ({"roles": {"giver": "Dinas Sosial Kota Palu"}}, False),        # no key role in common
])
def test_aid_handover_merging(change, merged):
    base = ev("aid_distributed", "2024-03-14", giver="Dinas Sosial Kota Palu", item="gerobak usaha",
              beneficiary="pedagang kaki lima (PKL)", count=150)
    other = {**copy.deepcopy(base), **change}
    ds = aggregate([rec("a", "2024-03-15", events=[base], regions=[PALU]),
                    rec("b", "2024-03-16", events=[other], regions=[PALU])])
    assert len(ds.events) == (1 if merged else 2)


def test_no_date_far_apart_in_publication_stays_apart():
    e = ev("facility_inaugurated", None, agent="Bupati Klaten", object="Pasar Rakyat Cawas")
    ds = aggregate([rec("a", "2024-03-01", events=[e]), rec("b", "2024-05-01", events=[copy.deepcopy(e)])])
    assert len(ds.events) == 2


def test_located_in_different_regions_stays_apart():
    e1 = ev("facility_inaugurated", "2024-03-14", agent="Menteri", object="Rumah Kemasan", location="Klaten")
    e2 = ev("facility_inaugurated", "2024-03-14", agent="Menteri", object="Rumah Kemasan", location="Kota Palu")
    ds = aggregate([rec("a", "2024-03-15", events=[e1], regions=[KLATEN]),
                    rec("b", "2024-03-15", events=[e2], regions=[PALU])])
    assert len(ds.events) == 2
    # the province and its kabupaten are one place
    e3 = ev("facility_inaugurated", "2024-03-14", agent="Menteri", object="Rumah Kemasan", location="Jawa Tengah")
    ds = aggregate([rec("a", "2024-03-15", events=[e1], regions=[KLATEN]),
                    rec("c", "2024-03-15", events=[e3], regions=[JATENG])])
    assert len(ds.events) == 1 and ds.events[0]["region_codes"] == "33.10"


def test_an_articles_own_events_never_merge():
    e = ev("award_received", "2024-03-14", recipient="Koperasi Maju", award="Koperasi Terbaik")
    ds = aggregate([rec("a", "2024-03-15", events=[e, copy.deepcopy(e)])])
    assert len(ds.events) == 2


def test_each_syndicated_event_pairs_with_its_own_counterpart():
    x = ev("award_received", "2024-03-14", recipient="Kabupaten Klaten", award="Pembina UMKM")
    y = ev("award_received", "2024-03-14", recipient="Kota Palu", award="Pembina UMKM")
    ds = aggregate([rec("a", "2024-03-15", events=[x, y]), rec("b", "2024-03-15", events=[copy.deepcopy(y), copy.deepcopy(x)])])
    assert sorted((e["role_recipient"], e["sources"]) for e in ds.events) == [
        ("Kabupaten Klaten", "a;b"), ("Kota Palu", "a;b")]


def test_evidence_money_and_counts_of_an_occurrence():
    s = "Gubernur menyerahkan 150 unit gerobak senilai Rp 750 juta kepada pedagang kaki lima di Kota Palu."
    e = ev("aid_distributed", "2024-03-14", s, giver="Gubernur Sulteng", item="150 unit gerobak",
           beneficiary="pedagang kaki lima di Kota Palu", count=150)
    ds = aggregate([rec("a", "2024-03-15", events=[e], regions=[PALU],
                        counts=[{"text": "150 unit gerobak", "value": 150, "unit": "unit gerobak"}])])
    row = ds.events[0]
    assert (row["money"], row["currency"], row["count"], row["count_unit"]) == (750_000_000, "rupiah", 150, "unit gerobak")
    assert json.loads(row["evidence"]) == {"a": s}
    assert row["region_codes"] == "72.71" and row["province_codes"] == "72"


# --------------------------------------------------------------------------------------------
# Officials

def person(name, title, jurisdiction=None, organization=None):
    return {"name": name, "title": title, "jurisdiction": jurisdiction, "organization": organization}


def test_officials_merge_short_names_and_region_aliases():
    ds = aggregate([
        rec("a", "2024-01-10", persons=[person("Hendy Siswanto", "Bupati", "Jember")]),
        rec("b", "2024-02-10", persons=[person("Hendy", "Bupati", "Jember")]),
        rec("c", "2024-03-10", persons=[person("H. Hendy Siswanto, S.T.", "Bupati (Kabupaten)", "Kabupaten Jember")]),
        rec("d", "2024-03-12", persons=[person("Andi Sudirman", "Gubernur", "Sulsel"),
                                        person("Hendy Siswanto", "Bupati", "Jember")]),
        rec("e", "2024-04-12", persons=[person("Andi Sudirman Sulaiman", "Gubernur", "Sulawesi Selatan")]),
        rec("f", "2024-04-12", persons=[person("Budi", "Direktur Utama", organization="PT Maju")]),
    ])
    rows = {(o["name"], o["title"]): o for o in ds.officials}
    hendy = rows[("Hendy Siswanto", "Bupati")]
    assert (hendy["n_articles"], hendy["sources"], hendy["region_code"]) == (4, "a;b;c;d", "35.09")
    assert (hendy["first_seen"], hendy["last_seen"]) == ("2024-01-10", "2024-03-12")
    andi = rows[("Andi Sudirman Sulaiman", "Gubernur")]
    assert (andi["n_articles"], andi["jurisdiction"], andi["region_code"]) == (2, "Sulawesi Selatan", "73")
    assert rows[("Budi", "Direktur Utama")]["organization"] == "PT Maju"
    assert len(ds.officials) == 3


def test_an_ambiguous_short_name_stays_apart():
    ds = aggregate([rec("a", "2024-01-10", persons=[person("Hendy Siswanto", "Camat", "Jember")]),
                    rec("b", "2024-01-10", persons=[person("Hendy Pratama", "Camat", "Jember")]),
                    rec("c", "2024-01-10", persons=[person("Hendy", "Camat", "Jember")])])
    assert sorted(o["name"] for o in ds.officials) == ["Hendy", "Hendy Pratama", "Hendy Siswanto"]


def test_same_name_other_office_or_place_is_another_row():
    ds = aggregate([rec("a", "2024-01-10", persons=[person("Sri Mulyani", "Bupati", "Klaten")]),
                    rec("b", "2024-01-10", persons=[person("Sri Mulyani", "Bupati", "Sleman")]),
                    rec("c", "2024-01-10", persons=[person("Sri Mulyani", "Kepala Dinas", "Klaten")]),
                    rec("d", "2024-01-10", persons=[person("Sri Mulyani", None, "Klaten")])])  # no office: no row
    assert len(ds.officials) == 3


# --------------------------------------------------------------------------------------------
# Regions roll-up

def test_rollup_counts_an_article_or_event_once_per_code():
    desa = {"name": "Jimbung", "level": "desa", "code": "33.10.06.2005"}
    sleman = {"name": "Sleman", "level": "kabupaten", "code": "34.04"}
    s = "Bupati menyerahkan bantuan modal senilai Rp 1,5 miliar kepada 300 pelaku usaha di Klaten."
    e = ev("aid_distributed", "2024-03-14", s, giver="Pemkab Klaten", item="bantuan modal",
           beneficiary="pelaku usaha", count=300)
    ds = aggregate([rec("a", "2024-03-15", events=[e], regions=[desa, KLATEN, JATENG]),
                    rec("b", "2024-03-20", regions=[KLATEN, sleman]),
                    rec("c", "2024-04-02", regions=[JATENG])])
    cells = {(r["code"], r["month"]): r for r in ds.regions}
    assert cells[("33", "2024-03")]["articles"] == 2           # a and b, each once
    assert cells[("33", "2024-04")]["articles"] == 1
    assert cells[("33.10", "2024-03")]["articles"] == 2
    assert cells[("33.10.06.2005", "2024-03")]["articles"] == 1
    assert cells[("33.10.06", "2024-03")]["level"] == "kecamatan"
    assert cells[("34", "2024-03")]["articles"] == 1
    klaten = cells[("33.10", "2024-03")]
    assert (klaten["events"], klaten["events_aid_distributed"], klaten["money_rupiah"]) == (1, 1, 1.5e9)
    assert json.loads(klaten["counts"]) == {"pelaku usaha": 300}
    assert cells[("33", "2024-03")]["money_rupiah"] == 1.5e9   # rolled up, not doubled
    assert cells[("34.04", "2024-03")]["events"] == 0
    assert cells[("33.10", "2024-03")]["name"] == "Klaten" and cells[("33.10", "2024-03")]["parent_code"] == "33"


def test_regions_without_code_resolve_inside_the_article():
    kec = {"name": "Tamalate", "level": "kecamatan", "code": None}
    ds = aggregate([rec("a", "2024-03-15", regions=[{"name": "Makassar", "level": "kota", "code": "73.71"}, kec])])
    assert "73.71.10" in {r["code"] for r in ds.regions}


# --------------------------------------------------------------------------------------------
# Streaming, order, files

def test_same_bytes_whatever_the_input_order(tmp_path):
    records = list(read_records([ROOT / "corpus"])) + ceremony_pair()
    shuffled = records[:]
    random.Random(7).shuffle(shuffled)
    write_dataset(records, tmp_path / "one")
    write_dataset(iter(shuffled), tmp_path / "two")
    for name in ("events.csv", "officials.csv", "regions.csv", "report.html"):
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes(), name


def test_repeated_doc_id_counts_once_whatever_the_order():
    a = ceremony_pair()[0]
    b = copy.deepcopy(a)
    b["events"] = b["events"][:1]
    one, two = aggregate([a, b]), aggregate([b, a])
    assert one.events == two.events and one.summary.duplicates == 1 and one.summary.articles == 1


def test_read_records_shapes(tmp_path):
    gold = ROOT / "corpus" / "b02-makassar-mou-digitalisasi.gold.json"
    (tmp_path / "x.gold.json").write_text(gold.read_text("utf-8"), "utf-8")
    meta = {"published": "2023-08-09", "outlet": "Celebes Warta"}
    (tmp_path / "x.meta.json").write_text(json.dumps(meta), "utf-8")
    (tmp_path / "list.json").write_text(json.dumps(ceremony_pair()), "utf-8")
    (tmp_path / "more.jsonl").write_text("\n".join(json.dumps(r) for r in ceremony_pair()) + "\n", "utf-8")
    got = list(read_records(tmp_path))
    assert [r["doc_id"] for r in got] == ["outlet-a-klaten", "outlet-b-palu", "outlet-a-klaten", "outlet-b-palu",
                                          "b02-makassar-mou-digitalisasi"]
    assert got[-1]["outlet"] == "Celebes Warta"
    with pytest.raises(ValueError, match="not valid JSON"):
        (tmp_path / "bad.jsonl").write_text("{\n", "utf-8")
        list(read_records(tmp_path / "bad.jsonl"))


def test_failures_are_counted_not_aggregated():
    ds = aggregate([{"doc_id": "x", "source": "x.txt", "error": "too long"}] + ceremony_pair())
    assert ds.summary.failures == 1 and ds.summary.articles == 2


def test_tables_have_their_schema_columns(tmp_path):
    ds = aggregate(ceremony_pair())
    frames = ds.frames()
    for t in TABLES:
        assert list(frames[t].columns) == [c for c, _ in SCHEMA[t]]
        assert all(set(row) == {c for c, _ in SCHEMA[t]} for row in getattr(ds, t))
    files = ds.write(tmp_path, "parquet")
    import pandas as pd

    back = pd.read_parquet(files["events"])
    assert len(back) == len(ds.events) and list(back.columns) == [c for c, _ in SCHEMA["events"]]


# --------------------------------------------------------------------------------------------
# The report

class _Strict(HTMLParser):
    VOID = {"meta", "br", "img", "hr", "link", "input"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1] if self.stack else None}>"
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def test_report_renders(tmp_path):
    s = "Gubernur Sulteng menyerahkan 150 unit gerobak senilai Rp 750 juta kepada pedagang kaki lima di Kota Palu."
    aid = ev("aid_distributed", "2024-03-14", s, giver="Gubernur Sulteng", item="gerobak <usaha>",
             beneficiary="pedagang kaki lima", count=150)
    records = ceremony_pair() + [rec("c", "2024-04-01", events=[aid], regions=[PALU],
                                     persons=[person("Rusdy Mastura", "Gubernur", "Sulawesi Tengah")]),
                                 rec("d", "2024-04-02", persons=[person("Rusdy Mastura", "Gubernur", "Sulteng")])]
    files = write_dataset(records, tmp_path).files
    page = files["report"].read_text("utf-8")
    parser = _Strict()
    parser.feed(page)
    parser.close()
    assert parser.stack == ["html"] or parser.stack == []
    text = " ".join(parser.text)
    for expected in ("Events per province", "Sulawesi Tengah", "Jawa Tengah", "2024-03", "2024-04",
                     "Rusdy Mastura", "Rp 750 juta", "gerobak <usaha>", "c"):
        assert expected in text, expected
    svgs = page.split("<svg")[1:]
    assert len(svgs) == 2
    for chunk in svgs:
        ET.fromstring("<svg" + chunk.split("</svg>")[0] + "</svg>")  # well-formed XML
    assert "<script" not in page and "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_report_of_nothing(tmp_path):
    page = write_dataset([], tmp_path).files["report"].read_text("utf-8")
    assert "0 articles" in page and "No data." in page


@pytest.mark.parametrize("word, text, ok", [
    ("bri", "bank rakyat indonesia", True),
    ("kemenkop", "kementerian koperasi dan ukm", True),
    ("bappeda", "badan perencanaan pembangunan daerah", True),
    ("bumdes", "badan usaha milik desa", True),
    ("bri", "bank negara indonesia", False),
    ("klaten", "kota palu", False),
    ("ab", "alpha beta", False),          # too short to tell
    ("bank", "bank", False),              # one word is no abbreviation
])
def test_is_acronym(word, text, ok):
    from umkm_extract.dataset import is_acronym

    assert is_acronym(word, text.split()) is ok


# --------------------------------------------------------------------------------------------
# The command line and Dask

def test_cli_aggregate(tmp_path):
    from typer.testing import CliRunner

    from umkm_extract.cli import app

    runner = CliRunner()
    src = tmp_path / "records.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in ceremony_pair()) + "\n", "utf-8")
    out = tmp_path / "out"
    res = runner.invoke(app, ["aggregate", str(src), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert "2 articles" in res.output and "4 events" in res.output
    assert sorted(p.name for p in out.iterdir()) == ["events.csv", "officials.csv", "regions.csv", "report.html"]
    import csv

    with (out / "events.csv").open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert sorted(r["n_sources"] for r in rows) == ["1", "1", "2", "2"]
    res = runner.invoke(app, ["aggregate", str(src), "-o", str(out)])
    assert res.exit_code == 2 and "exists" in res.output
    res = runner.invoke(app, ["aggregate", "-", "-o", str(out), "--force", "--no-report", "-q"],
                        input=src.read_text("utf-8"))
    assert res.exit_code == 0 and res.output == ""
    for args, message in ([[str(tmp_path / "nope.jsonl")], "does not exist"],
                          [[str(src), "--format", "xlsx"], "expected csv or parquet"]):
        res = runner.invoke(app, ["aggregate", *args, "-o", str(tmp_path / "o2")])
        assert res.exit_code == 2 and message in res.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc_id": "x"}\n{oops\n', "utf-8")
    res = runner.invoke(app, ["aggregate", str(bad), "-o", str(tmp_path / "o3")])
    assert res.exit_code == 2 and "bad.jsonl:2: not valid JSON" in res.output


@pytest.mark.parametrize("scheduler", ["sync", "threads"])
def test_dask_bag_equals_local(scheduler):
    db = pytest.importorskip("dask.bag")
    from umkm_extract.dask import aggregate_bag

    records = list(read_records([ROOT / "corpus"])) + ceremony_pair()
    copy_a = copy.deepcopy(records[3])
    copy_a["doc_id"] = "copy-of-3"
    records += [copy_a, {"doc_id": "bad", "source": "bad.txt", "error": "unreadable"}]
    local = aggregate(records)
    remote = aggregate_bag(db.from_sequence(records, npartitions=5), scheduler=scheduler)
    assert remote.events == local.events
    assert remote.officials == local.officials
    assert remote.regions == local.regions
    assert remote.summary.rows == local.summary.rows
    assert (remote.summary.articles, remote.summary.failures) == (local.summary.articles, local.summary.failures)


def test_dask_dataframe_of_records():
    pytest.importorskip("dask.dataframe")
    import dask.dataframe as dd
    import pandas as pd

    from umkm_extract.dask import aggregate_bag

    import dask

    expected = aggregate(ceremony_pair()).events
    with dask.config.set({"dataframe.convert-string": False}):  # list columns stay lists
        frame = dd.from_pandas(pd.DataFrame(ceremony_pair()), npartitions=2)
    assert aggregate_bag(frame, scheduler="sync").events == expected
    as_json = [{k: json.dumps(v) if isinstance(v, list) else v for k, v in r.items()} for r in ceremony_pair()]
    assert aggregate_bag(dd.from_pandas(pd.DataFrame(as_json), npartitions=2), scheduler="sync").events == expected
    with pytest.raises(ValueError, match="convert-string"):
        aggregate_bag(dd.from_pandas(pd.DataFrame(ceremony_pair()), npartitions=2), scheduler="sync")


def test_one_press_release_merges_on_its_sentence_when_roles_differ():
    s1 = ("Pemerintah Kota Palu meluncurkan program Palu Berdaya untuk pelaku usaha mikro di Taman Gor, "
          "Kamis (14/3/2024).")
    s2 = ("Pemerintah Kota Palu resmi meluncurkan program Palu Berdaya bagi pelaku usaha mikro di Taman Gor "
          "pada Kamis (14/3/2024).")
    a = ev("program_launched", "2024-03-14", s1, agent="Pemerintah Kota Palu")
    b = ev("program_launched", "2024-03-14", s2, object="program Palu Berdaya untuk pelaku usaha mikro")
    ds = aggregate([rec("a", "2024-03-15", events=[a], regions=[PALU]), rec("b", "2024-03-15", events=[b], regions=[PALU])])
    assert len(ds.events) == 1
    other = ev("program_launched", "2024-03-14", "Wali Kota meninjau pasar dan meluncurkan aplikasi baru.",
               agent="Wali Kota Palu")
    ds = aggregate([rec("a", "2024-03-15", events=[a], regions=[PALU]), rec("c", "2024-03-15", events=[other], regions=[PALU])])
    assert len(ds.events) == 2


def test_no_time_known_never_merges():
    e = ev("program_launched", None, object="aplikasi Pasar Digital UMKM")
    ds = aggregate([rec("a", None, events=[e]), rec("b", None, events=[copy.deepcopy(e)])])
    assert len(ds.events) == 2
    month = ev("program_launched", "2024-03", object="aplikasi Pasar Digital UMKM")
    ds = aggregate([rec("a", None, events=[month]), rec("b", None, events=[copy.deepcopy(month)])])
    assert len(ds.events) == 2


CORPUS_PAIRS = [("f01-temanggung-anugerah-koperasi", "f02-palopo-anugerah-umkm-digital"),
                ("f03-kuningan-bumdes-terbaik-nasional", "f04-tanah-datar-bumnag-ketahanan-pangan")]


@pytest.mark.parametrize("a, b", CORPUS_PAIRS)
def test_corpus_ceremony_pairs_in_two_house_styles(a, b):
    """corpus/ f01–f04: two outlets, one national ceremony: the launch and the MoU are one event each with both
    sources; the two award recipients are two events."""
    ds = aggregate([ROOT / "corpus" / f"{a}.gold.json", ROOT / "corpus" / f"{b}.gold.json"])
    t = by_type(ds)
    for shared in ("program_launched", "agreement_signed"):
        assert [e["sources"] for e in t[shared]] == [f"{a};{b}"], shared
    assert sorted(e["sources"] for e in t["award_received"]) == [a, b]


def test_corpus_aid_pair_one_shared_handover_and_one_more_giver():
    a, b = "f05-bandar-lampung-gerobak-pkl", "f06-bandar-lampung-gerobak-modal-usaha"
    ds = aggregate([ROOT / "corpus" / f"{a}.gold.json", ROOT / "corpus" / f"{b}.gold.json"])
    assert sorted(e["sources"] for e in ds.events if e["type"] == "aid_distributed") == sorted([b, f"{a};{b}"])
