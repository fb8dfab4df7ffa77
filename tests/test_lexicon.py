"""User lexicons: titles, name stopwords, region aliases and organisation heads added for one Extractor."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

import umkm_extract
from umkm_extract.cli import app
from umkm_extract.lexicon import load_user_lexicon

TEXT = ("Judul\nDatuk Penghulu Hartono Saleh membuka acara di Bumi Sriwijaya. Menurut Bunda Ratna Sari, "
        "Padepokan Seni Tari Lestari ikut tampil. Rombongan lalu bertolak ke Kota Gudeg.")
LEXICON = {"titles": {"Datuk Penghulu": "role"},
           "name_stopwords": ["Bunda"],
           "region_aliases": {"Bumi Sriwijaya": "Sumatera Selatan", "Kota Gudeg": "34.71"},
           "organization_heads": ["Padepokan"]}


@pytest.fixture
def lexicon_file(tmp_path: Path) -> Path:
    path = tmp_path / "lexicon.json"
    path.write_text(json.dumps(LEXICON), encoding="utf-8")
    return path


def test_built_in_lexicons_alone():
    a = umkm_extract.Extractor()(TEXT)
    assert ("Hartono Saleh", "Penghulu") in [(p.name, p.title) for p in a.persons]
    assert "Bunda Ratna Sari" in [p.name for p in a.persons]
    assert a.regions == () and a.organizations == ()


def test_a_user_lexicon_adds_to_them(lexicon_file):
    a = umkm_extract.Extractor(lexicon=lexicon_file)(TEXT)
    assert [(p.name, p.title) for p in a.persons] == [("Hartono Saleh", "Datuk Penghulu")]  # "Bunda" is no name
    assert [(r.name, r.code) for r in a.regions] == [("Sumatera Selatan", "16"), ("Yogyakarta", "34.71")]
    assert [o.name for o in a.organizations] == ["Padepokan Seni Tari Lestari"]


def test_the_lexicon_is_the_extractors_own(lexicon_file):
    umkm_extract.Extractor(lexicon=lexicon_file)(TEXT)
    assert umkm_extract.Extractor()(TEXT).regions == ()


@pytest.mark.parametrize("bad, message", [
    pytest.param({"titles": {"Datuk": "king"}}, "kinds must be one of", id="unknown-title-kind"),
    pytest.param({"aliases": {}}, "unknown key", id="unknown-key"),
    pytest.param({"name_stopwords": "Bunda"}, "list of non-empty strings", id="stopwords-not-a-list"),
])
def test_bad_lexicons_are_rejected_with_the_key(bad, message):
    with pytest.raises(ValueError, match=message):
        load_user_lexicon(bad)


def test_an_alias_naming_no_region_is_rejected_when_the_extractor_is_made(tmp_path):
    path = tmp_path / "lexicon.json"
    path.write_text(json.dumps({"region_aliases": {"Negeri Antah": "Antah Berantah"}}), encoding="utf-8")
    with pytest.raises(ValueError, match="Antah Berantah"):
        umkm_extract.Extractor(lexicon=path)


@pytest.mark.parametrize("n_process", ["1", "2"])
def test_cli_lexicon_reaches_every_worker(tmp_path, lexicon_file, n_process):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(2):
        (src / f"a{i}.txt").write_text(TEXT, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = CliRunner().invoke(app, ["extract", str(src), "-o", str(out), "--lexicon", str(lexicon_file), "-j", n_process,
                                   "--quiet"])
    assert res.exit_code == 0, res.output
    recs = [json.loads(x) for x in out.read_text("utf-8").splitlines()]
    assert all([r["code"] for r in rec["regions"]] == ["16", "34.71"] for rec in recs)
