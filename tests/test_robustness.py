"""Robust batch runs: bad input, interrupted runs, --resume/--force, limits, determinism.

Each bad input must give either a record or a per-file error that names the file and the reason;
the batch goes on, errors also land in OUT.errors.jsonl, the exit status is non-zero when a file
failed, and a summary line gives the counts.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

import umkm_extract
from umkm_extract.api import ExtractionFailure, Extractor, TextTooLongError
from umkm_extract.cli import app, get_extractor
from umkm_extract.io import decode_bytes, html_to_text, iter_inputs, looks_like_html

from .conftest import CORPUS

runner = CliRunner()

DATELINE_ARTICLE = (
    "Bupati Jember Resmikan Pasar Tanjung\n"
    "Kamis 19-09-2024, 12:32 WIB\n"
    "JEMBER – Bupati Jember Hendy Siswanto meresmikan Pasar Tanjung kemarin. "
    "Sebanyak 120 pedagang menempati kios baru.\n"
)


def corpus_texts() -> list[Path]:
    files = sorted(CORPUS.glob("*.txt"))
    assert files, "corpus/*.txt is empty"
    return files


def run(*args: str | Path):
    """Invoke `umkm-extract` in-process; the result has .exit_code, .stdout, .stderr."""
    return runner.invoke(app, [str(a) for a in args])


def records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def by_id(path: Path) -> dict[str, dict]:
    recs = records(path)
    ids = [r["doc_id"] for r in recs]
    assert len(ids) == len(set(ids)), "a doc_id appears twice"
    return {r["doc_id"]: r for r in recs}


def errors_of(out: Path) -> dict[str, dict]:
    err = out.with_name(out.name.rsplit(".", 1)[0] + ".errors.jsonl")
    return {e["doc_id"]: e for e in records(err)} if err.exists() else {}


def assert_offsets(rec: dict) -> None:
    text = rec["text"]
    for key in ("persons", "regions", "dates", "counts", "organizations"):
        for item in rec[key]:
            assert text[item["start"]:item["end"]] == item["text"], (key, item)


# --------------------------------------------------------------------------------------------
# Bad input, one folder, one run: the batch goes on, each file gets a record or an error


@pytest.fixture(scope="module")
def bad_batch(tmp_path_factory: pytest.TempPathFactory):
    d = tmp_path_factory.mktemp("bad")
    src = d / "in"
    src.mkdir()
    good = corpus_texts()[0].read_text("utf-8")
    lines = good.split("\n")
    (src / "good.txt").write_text(good, "utf-8")
    (src / "empty.txt").write_bytes(b"")
    (src / "whitespace.txt").write_text("  \n\t\n \u200b\n", "utf-8")
    (src / "png.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (src / "nul.txt").write_bytes(good.encode("utf-8")[:300] + b"\x00\x00" + b"rest")
    (src / "cp1252.txt").write_bytes(("Café UMKM — “kopi” di Jember\n" + good).encode("cp1252", "replace"))
    (src / "latin1.txt").write_bytes("Pasar \x81 Jember\nBupati Jember Hendy Siswanto hadir.\n".encode("latin-1"))
    (src / "mojibake.txt").write_text(("Café UMKM — kopi\n" + good).encode("utf-8").decode("cp1252"), "utf-8")
    html = ("<!DOCTYPE html><html><head><title>" + lines[0] + "</title><style>p {color: red}</style>"
            "<script>var x = '<p>no</p>';</script></head><body><h1>" + lines[0] + "</h1>"
            + "".join(f"<p>{ln.replace('&', '&amp;')}</p>\n" for ln in lines[1:] if ln) + "</body></html>")
    (src / "page.txt").write_text(html, "utf-8")
    (src / "emoji.txt").write_text(
        "UMKM 🎉 Jember naik kelas\n"
        "Bupati Jember Hendy Siswanto 😀 meresmikan Pasar Tanjung, Kamis (5/9/2024). "
        "Sebanyak 1.948 koperasi 👍🏽 ikut. 中文 العربية Ελληνικά ꦗꦮ 𝔘𝔐𝔎𝔐 e\u0301 \u202eterbalik\u202c.\n", "utf-8")
    for name, meta in (("badjson", '{"published": '), ("baddate", '{"published": "2024-13-45"}'),
                       ("kemarin", '{"published": "kemarin", "doc_id": "another"}'),
                       ("metalist", "[1, 2]"), ("metanum", '{"published": 20240919}'),
                       ("metabin", b"\x89PNG\r\n\x1a\n")):
        (src / f"{name}.txt").write_text(DATELINE_ARTICLE, "utf-8")
        target = src / f"{name}.meta.json"
        target.write_bytes(meta) if isinstance(meta, bytes) else target.write_text(meta, "utf-8")
    (src / "broken.txt").symlink_to(src / "nowhere.txt")        # unreadable, also as root
    (src / "folder.txt").mkdir()                                  # a directory named like an article
    (src / "folder.txt" / "inner.txt").write_text(DATELINE_ARTICLE, "utf-8")
    out = d / "out" / "records.jsonl"
    result = run("extract", src, "-o", out, "--with-text")
    return result, out, src


def test_bad_batch_completes_with_status_1_and_summary(bad_batch):
    result, out, _ = bad_batch
    assert result.exit_code == 1, result.stderr
    assert out.exists() and not out.with_name(out.name + ".part").exists()
    lines = result.stderr.strip().splitlines()
    assert lines[-1].startswith("found: ")  # what the records hold, then the time
    summary = lines[-2]
    assert summary.startswith("18 articles: 13 extracted (10 with warnings), 5 failed"), summary
    assert "5 failed" in summary and "records.errors.jsonl" in summary


@pytest.mark.parametrize("doc_id, reason", [
    ("empty", "empty article (no text)"),
    ("whitespace", "empty article (whitespace only)"),
    ("png", "binary content (PNG image)"),
    ("nul", "binary content (NUL byte at offset 300)"),
    ("broken", "cannot read the file (FileNotFoundError"),
], ids=["empty file", "whitespace only", "PNG bytes", "NUL bytes", "broken symlink"])
def test_bad_file_is_a_per_file_error(bad_batch, doc_id, reason):
    result, out, src = bad_batch
    errors = errors_of(out)
    assert doc_id in errors and doc_id not in by_id(out)
    err = errors[doc_id]
    assert err["source"] == str(src / f"{doc_id}.txt")
    assert err["error"].startswith(reason), err
    assert f"error: {src / doc_id}.txt: {reason}" in result.stderr


def test_bad_batch_everything_else_is_a_record(bad_batch):
    _, out, _ = bad_batch
    assert set(errors_of(out)) == {"empty", "whitespace", "png", "nul", "broken"}
    assert len(by_id(out)) == 13


def test_non_utf8_is_decoded_with_a_warning(bad_batch):
    _, out, _ = bad_batch
    rec = by_id(out)["cp1252"]
    assert rec["title"] == "Café UMKM — “kopi” di Jember"
    assert any("not UTF-8" in w and "cp1252" in w for w in rec["warnings"])
    assert_offsets(rec)


def test_bytes_cp1252_cannot_decode_fall_back_to_latin1(bad_batch):
    _, out, _ = bad_batch
    rec = by_id(out)["latin1"]
    assert rec["title"] == "Pasar \x81 Jember"
    assert any("not UTF-8" in w and "decoded as latin-1" in w for w in rec["warnings"])


def test_mojibake_is_repaired_not_passed_silently(bad_batch):
    _, out, _ = bad_batch
    rec = by_id(out)["mojibake"]
    assert rec["title"] == "Café UMKM — kopi"
    assert any(w.startswith("mojibake repaired") for w in rec["warnings"])


def test_html_is_converted_to_text(bad_batch):
    _, out, _ = bad_batch
    rec = by_id(out)["page"]
    good = by_id(out)["good"]
    assert "html converted to text" in rec["warnings"]
    assert "<" not in rec["text"] and "var x" not in rec["text"] and "color: red" not in rec["text"]
    assert rec["title"] == good["title"]
    assert {p["name"] for p in rec["persons"]} == {p["name"] for p in good["persons"]}
    assert_offsets(rec)  # offsets refer to the converted text, which --with-text writes


def test_emoji_and_mixed_scripts(bad_batch):
    _, out, _ = bad_batch
    rec = by_id(out)["emoji"]
    assert "warnings" not in rec
    assert_offsets(rec)
    assert "Hendy Siswanto" in {p["name"] for p in rec["persons"]}


@pytest.mark.parametrize("doc_id, warning", [
    ("badjson", "badjson.meta.json: unreadable sidecar ignored (JSONDecodeError"),
    ("baddate", "baddate.meta.json: published '2024-13-45' is not a date (month 13 is not 1-12)"),
    ("kemarin", "kemarin.meta.json: published 'kemarin' is not a date"),
    ("metalist", "metalist.meta.json: sidecar is not a JSON object"),
    ("metanum", "metanum.meta.json: published 20240919 is not a date"),
    ("metabin", "metabin.meta.json: unreadable sidecar ignored (UnicodeDecodeError"),
])
def test_broken_sidecar_is_a_warning_and_published_comes_from_the_text(bad_batch, doc_id, warning):
    _, out, _ = bad_batch
    rec = by_id(out)[doc_id]
    assert any(w.startswith(warning) for w in rec["warnings"]), rec["warnings"]
    assert rec["published"] == "2024-09-19"  # from the header line "Kamis 19-09-2024, 12:32 WIB"


def test_sidecar_doc_id_mismatch_is_a_warning(bad_batch):
    _, out, _ = bad_batch
    rec = by_id(out)["kemarin"]
    assert any("doc_id 'another' does not match the file name" in w for w in rec["warnings"])


def test_directory_named_like_an_article_is_walked(bad_batch):
    _, out, _ = bad_batch
    assert "inner" in by_id(out) and "folder" not in errors_of(out)


def test_good_article_unaffected(bad_batch):
    _, out, _ = bad_batch
    rec = by_id(out)["good"]
    assert "warnings" not in rec and rec["persons"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root reads files whatever their permissions (the broken symlink covers it)")
def test_unreadable_file(tmp_path):
    (tmp_path / "in").mkdir()
    locked = tmp_path / "in" / "locked.txt"
    locked.write_text(DATELINE_ARTICLE, "utf-8")
    (tmp_path / "in" / "ok.txt").write_text(DATELINE_ARTICLE, "utf-8")
    locked.chmod(0)
    try:
        result = run("extract", tmp_path / "in", "-o", tmp_path / "o.jsonl")
    finally:
        locked.chmod(0o644)
    assert result.exit_code == 1
    assert "PermissionError" in errors_of(tmp_path / "o.jsonl")["locked"]["error"]
    assert set(by_id(tmp_path / "o.jsonl")) == {"ok"}


# --------------------------------------------------------------------------------------------
# JSONL input


def test_jsonl_with_broken_lines(tmp_path):
    good = corpus_texts()[0].read_text("utf-8")
    lines = [
        json.dumps({"doc_id": "a", "text": good, "published": "2024-05-16"}),
        '{"doc_id": "cut", "text": "Bupati Jember',                                  # broken JSON
        json.dumps(["not", "an", "object"]),
        json.dumps({"doc_id": "notext", "body": good}),
        json.dumps({"doc_id": "baddate", "text": DATELINE_ARTICLE, "published": "2024-13-45"}),
        json.dumps({"doc_id": "a", "text": good}),                                    # duplicate
        '{"doc_id": "surrogate", "text": "Judul\\nBupati Jember Hendy Siswanto \\ud800 hadir."}',
        json.dumps({"doc_id": "html", "text": "<p>" + good.replace("\n", "</p><p>") + "</p>"}),
        json.dumps({"doc_id": "blank", "text": "   "}),
        "",
        json.dumps({"text": DATELINE_ARTICLE}),                                       # no doc_id
    ]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    data += json.dumps({"doc_id": "cp", "text": "Café Jember\nBupati Jember Hendy Siswanto hadir."},
                       ensure_ascii=False).encode("cp1252") + b"\n"
    src = tmp_path / "batch.jsonl"
    src.write_bytes(data)
    out = tmp_path / "o.jsonl"
    result = run("extract", src, "-o", out)
    assert result.exit_code == 1
    recs, errs = by_id(out), errors_of(out)
    assert set(recs) == {"a", "baddate", "surrogate", "html", "batch:11", "cp"}
    assert set(errs) == {"batch:2", "batch:3", "notext", "a", "blank"}
    assert errs["batch:2"]["error"].startswith("bad JSON line")
    assert errs["batch:2"]["source"] == f"{src}:2"
    assert errs["a"]["error"].startswith("duplicate doc_id 'a' (first in ")
    assert errs["blank"]["error"] == "empty article (whitespace only)"
    assert recs["baddate"]["published"] == "2024-09-19"
    assert any("lone surrogate" in w for w in recs["surrogate"]["warnings"])
    assert "html converted to text" in recs["html"]["warnings"]
    assert any("not UTF-8" in w for w in recs["cp"]["warnings"]) and recs["cp"]["title"] == "Café Jember"
    assert "6 extracted" in result.stderr and "5 failed" in result.stderr


# --------------------------------------------------------------------------------------------
# Limits


def test_20mb_text_is_a_clear_per_file_error(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    chunk = corpus_texts()[0].read_bytes()
    with (src / "huge.txt").open("wb") as fh:
        for _ in range(20 * 2**20 // len(chunk) + 1):
            fh.write(chunk)
    (src / "small.txt").write_text(DATELINE_ARTICLE, "utf-8")
    out = tmp_path / "o.jsonl"
    result = run("extract", src, "-o", out)
    assert result.exit_code == 1
    err = errors_of(out)["huge"]["error"]
    assert "the limit of 2,000,000 characters" in err and "--max-chars" in err
    assert set(by_id(out)) == {"small"}


def test_max_chars_option(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(DATELINE_ARTICLE, "utf-8")
    (src / "b.txt").write_text("Judul\nBupati Jember hadir.\n", "utf-8")
    out = tmp_path / "o.jsonl"
    result = run("extract", src, "-o", out, "--max-chars", "100")
    assert result.exit_code == 1
    n = len(DATELINE_ARTICLE)
    assert errors_of(out)["a"]["error"] == (f"TextTooLongError: text has {n} characters; the limit is 100 "
                                            f"(Extractor(max_chars=…) / --max-chars)")
    assert set(by_id(out)) == {"b"}


def test_extractor_max_chars():
    ex = Extractor(max_chars=50)
    with pytest.raises(TextTooLongError, match=r"text has 51 characters; the limit is 50"):
        ex("x" * 51)
    res = list(ex.pipe([("x" * 51, {"doc_id": "long"}), ("Judul\nisi", {"doc_id": "ok"})], on_error="return"))
    assert isinstance(res[0], ExtractionFailure) and res[0].doc_id == "long" and "limit is 50" in res[0].error
    assert res[1].doc_id == "ok"
    with pytest.raises(ValueError, match="max_chars must be a positive int"):
        Extractor(max_chars=0)


def test_one_megabyte_single_line(tmp_path):
    body = " ".join(p.read_text("utf-8").replace("\n", " ") for p in corpus_texts())
    line = (body * (1_100_000 // len(body) + 1))[:1_100_000]  # over spaCy's own 1,000,000 guard
    src = tmp_path / "oneline.txt"
    src.write_text(line, "utf-8")
    out = tmp_path / "o.jsonl"
    result = run("extract", src, "-o", out)
    assert result.exit_code == 0, result.stderr
    assert set(by_id(out)) == {"oneline"}


# --------------------------------------------------------------------------------------------
# Output integrity: --force, --resume, determinism


@pytest.fixture
def small_corpus(tmp_path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    for p in corpus_texts()[:6]:
        shutil.copy(p, src / p.name)
        meta = p.with_name(p.name[:-4] + ".meta.json")
        if meta.exists():
            shutil.copy(meta, src / meta.name)
    return src


def test_existing_output_needs_force(small_corpus, tmp_path):
    out = tmp_path / "o.jsonl"
    out.write_text("keep me\n", "utf-8")
    result = run("extract", small_corpus, "-o", out)
    assert result.exit_code == 2
    assert "already exists; use --force" in result.stderr
    assert out.read_text("utf-8") == "keep me\n"
    result = run("extract", small_corpus, "-o", out, "--force")
    assert result.exit_code == 0 and len(by_id(out)) == 6


def test_leftover_part_needs_resume_or_force(small_corpus, tmp_path):
    out = tmp_path / "o.jsonl"
    out.with_name("o.jsonl.part").write_text("", "utf-8")
    result = run("extract", small_corpus, "-o", out)
    assert result.exit_code == 2 and "--resume to continue" in result.stderr
    result = run("extract", small_corpus, "-o", out, "--force", "--resume")
    assert result.exit_code == 2 and "exclude each other" in result.stderr
    assert not out.exists()


def test_resume_after_torn_line(small_corpus, tmp_path):
    ref = tmp_path / "ref.jsonl"
    assert run("extract", small_corpus, "-o", ref).exit_code == 0
    lines = ref.read_text("utf-8").splitlines(keepends=True)
    out = tmp_path / "o.jsonl"
    part = out.with_name("o.jsonl.part")
    part.write_text(lines[0] + lines[1] + lines[2][:57], "utf-8")  # killed mid-line
    result = run("extract", small_corpus, "-o", out, "--resume")
    assert result.exit_code == 0, result.stderr
    assert "dropped an incomplete last line" in result.stderr
    assert "4 extracted" in result.stderr and "2 already in the output" in result.stderr
    assert out.read_bytes() == ref.read_bytes() and not part.exists()


def test_resume_refuses_garbage_in_the_middle(small_corpus, tmp_path):
    out = tmp_path / "o.jsonl"
    out.with_name("o.jsonl.part").write_text('{"doc_id": "x"}\nnot json\n{"doc_id": "y"}\n', "utf-8")
    result = run("extract", small_corpus, "-o", out, "--resume")
    assert result.exit_code == 2 and "line 2 is not a JSON record" in result.stderr


def test_resume_adds_new_articles_to_a_complete_output(small_corpus, tmp_path):
    out = tmp_path / "o.jsonl"
    extra = corpus_texts()[6]
    assert run("extract", small_corpus, "-o", out).exit_code == 0
    before = out.read_bytes()
    shutil.copy(extra, small_corpus / extra.name)
    result = run("extract", small_corpus, "-o", out, "--resume")
    assert result.exit_code == 0
    assert "1 extracted" in result.stderr and "6 already in the output" in result.stderr
    assert out.read_bytes().startswith(before) and len(by_id(out)) == 7


def test_output_is_deterministic_across_process_counts(tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    assert run("extract", CORPUS, "-o", a, "-j", "1").exit_code == 0
    assert run("extract", CORPUS, "-o", b, "-j", "2", "--batch-size", "4").exit_code == 0
    assert a.read_bytes() == b.read_bytes()


def test_article_to_dict_key_order_is_fixed():
    art = get_extractor()(DATELINE_ARTICLE, doc_id="x")
    keys = list(art.to_dict())
    assert keys[:6] == ["doc_id", "published", "title", "url", "outlet", "byline"]
    assert keys[6:] == ["persons", "organizations", "regions", "dates", "counts", "events", "body_spans",
                        "schema_version", "extractor_version"]


# --------------------------------------------------------------------------------------------
# Interrupted runs (subprocesses, real signals)


def _make_copies(src: Path, n: int) -> None:
    src.mkdir()
    files = corpus_texts()
    for i in range(n):
        p = files[i % len(files)]
        name = f"{i:04d}-{p.name[:-4]}"
        shutil.copy(p, src / f"{name}.txt")
        meta = p.with_name(p.name[:-4] + ".meta.json")
        if meta.exists():
            shutil.copy(meta, src / f"{name}.meta.json")


def _cli(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "umkm_extract.cli", "extract", *map(str, args), "--no-progress"]


def _env(seed: int) -> dict[str, str]:
    return {**os.environ, "PYTHONHASHSEED": str(seed)}


def _interrupt(cmd: list[str], part: Path, *, after: int, sig: int, seed: int) -> subprocess.CompletedProcess:
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env(seed))
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if part.exists() and part.read_bytes().count(b"\n") >= after:
            break
        time.sleep(0.05)
    assert proc.poll() is None, f"finished before the signal: {proc.communicate()}"
    proc.send_signal(sig)
    stdout, stderr = proc.communicate(timeout=60)
    return subprocess.CompletedProcess(cmd, proc.returncode, stdout, stderr)


@pytest.mark.slow
def test_interrupt_then_resume_equals_uninterrupted_run(tmp_path):
    src = tmp_path / "in"
    _make_copies(src, 200)
    ref, out = tmp_path / "ref.jsonl", tmp_path / "out.jsonl"
    part = out.with_name("out.jsonl.part")

    done = subprocess.run(_cli(src, "-o", ref, "-j", "2"), capture_output=True, text=True, env=_env(1))
    assert done.returncode == 0, done.stderr

    first = _interrupt(_cli(src, "-o", out), part, after=20, sig=signal.SIGINT, seed=2)
    assert first.returncode == 128 + signal.SIGINT, first.stderr
    assert "interrupted (SIGINT)" in first.stderr and "--resume" in first.stderr
    assert not out.exists()
    n1 = len(records(part))  # every line of the partial file is a complete record
    assert 20 <= n1 < 200

    second = _interrupt(_cli(src, "-o", out, "--resume", "-j", "2"), part, after=n1 + 20,
                        sig=signal.SIGTERM, seed=3)
    assert second.returncode == 128 + signal.SIGTERM, second.stderr
    assert not out.exists()
    n2 = len(records(part))
    assert n1 + 20 <= n2 < 200

    last = subprocess.run(_cli(src, "-o", out, "--resume"), capture_output=True, text=True, env=_env(4))
    assert last.returncode == 0, last.stderr
    assert f"{200 - n2} extracted" in last.stderr and f"{n2} already in the output" in last.stderr
    assert not part.exists()
    assert by_id(out) == by_id(ref)           # same doc_ids, each once, same records
    assert out.read_bytes() == ref.read_bytes()  # and byte-identical, in the same order


# --------------------------------------------------------------------------------------------
# Pure helpers


@pytest.mark.parametrize("data, start", [
    (b"\x89PNG\r\n\x1a\n....", "binary content (PNG image)"),
    (b"GIF89a....", "binary content (GIF image)"),
    (b"\xff\xd8\xff\xe0....", "binary content (JPEG image)"),
    (b"%PDF-1.7\n", "binary content (PDF document)"),
    (b"PK\x03\x04....", "binary content (ZIP archive"),
    (b"abc\x00def", "binary content (NUL byte at offset 3)"),
    (bytes(range(1, 32)) * 10, "binary content (control characters)"),
], ids=["png", "gif", "jpeg", "pdf", "zip", "nul", "controls"])
def test_decode_bytes_rejects_binary(data, start):
    with pytest.raises(ValueError) as info:
        decode_bytes(data)
    assert str(info.value).startswith(start)


def test_decode_bytes_utf16_and_bom():
    assert decode_bytes("Jember".encode("utf-16")) == ("Jember", ["UTF-16 text (byte-order mark); decoded as utf-16"])
    assert decode_bytes("\ufeffJember".encode("utf-8")) == ("Jember", [])


def test_mojibake_that_cannot_round_trip_is_kept_with_a_warning():
    text, warnings = decode_bytes("Ã© and ✓ é".encode("utf-8"))
    assert text == "Ã© and ✓ é" and warnings and "kept as is" in warnings[0]


def test_html_detection_and_conversion():
    assert looks_like_html("<html><body><p>x</p></body></html>")
    assert looks_like_html("  <!-- c -->\n<!doctype html>\n<p>x")
    assert not looks_like_html("Skor 3 < 5 dan 7 > 2, harga <Rp 5 ribu>.")
    assert html_to_text("<p>Bupati&nbsp;Jember &amp; Wakil</p><br><div>  dua   spasi </div>") == \
        "Bupati Jember & Wakil\n\ndua spasi\n"


def test_iter_inputs_skips_without_reading(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\x89PNG\r\n\x1a\n")  # would be an error if read
    (tmp_path / "b.txt").write_text("Judul\nisi\n", "utf-8")
    items = list(iter_inputs(tmp_path, skip={"a"}))
    assert [(i.doc_id, i.skipped, i.error) for i in items] == [("a", True, None), ("b", False, None)]


# ------------------------------------------------------------------ linear work on adversarial runs (issue: entry points)
# Tests never assert a time: benchmarks/adversarial.py prints the timings. These check the bounds that keep
# the work linear: no token grows with its run, and out-of-range numbers are rejected instead of raised.

@pytest.mark.parametrize("unit", ["1.2,3/4:", "1.2:", "1:2.", "11:22.33/", "a-", "aaaa"])
def test_runs_without_spaces_give_bounded_tokens(unit: str) -> None:
    from umkm_extract.tokenizer import LeanTokenizer
    from spacy.vocab import Vocab

    text = unit * (20_000 // len(unit))
    doc = LeanTokenizer(Vocab())(text)
    assert doc.text == text
    assert max(len(t.text) for t in doc) <= 8 * 64 + 7


@pytest.mark.parametrize("text", [
    pytest.param("Rp 1" + ".000" * 2500, id="rupiah-with-thousands-of-groups"),
    pytest.param("Sebanyak " + "9" * 400 + " pedagang hadir.", id="a-400-digit-count"),
])
def test_numbers_out_of_range_are_no_counts(text: str) -> None:
    article = umkm_extract.extract("Judul\n" + text)
    assert all(abs(c.value) <= 10**18 for c in article.counts)


@pytest.mark.parametrize("n_process", [1, 2])
def test_the_same_exception_type_whatever_n_process(n_process: int) -> None:
    ex = Extractor(max_chars=50)
    with pytest.raises(TextTooLongError):
        list(ex.pipe(["Judul\n" + "Bupati Jember meresmikan pasar. " * 5], n_process=n_process))


def test_the_library_reads_html_as_the_cli_does() -> None:
    html = ("<!DOCTYPE html><html><head><title>Pasar Tanjung Diresmikan</title></head><body><p>Bupati Jember Hendy "
            "Siswanto meresmikan Pasar Tanjung, Kamis (5/9/2024).</p><p>Gerobak baru dibagikan.</p></body></html>")
    with pytest.warns(UserWarning, match="html converted to text"):
        article = umkm_extract.extract(html, published="2024-09-06")
    assert article.title == "Pasar Tanjung Diresmikan"
    assert [p.name for p in article.persons] == ["Hendy Siswanto"]


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # the swallowed raise, on purpose
def test_signal_swallowed_inside_del_is_raised_at_the_next_check():
    # Python ignores an exception raised while a __del__ runs; a signal arriving there must still stop the run
    from umkm_extract.cli import Interrupted, _Pending, signals_as_interrupts

    class Dies:
        def __del__(self) -> None:
            os.kill(os.getpid(), signal.SIGTERM)
            for _ in range(1000):  # the handler runs between bytecodes, here: its raise is swallowed
                pass

    with signals_as_interrupts():
        Dies()  # collected at once: the handler fires inside __del__
        with pytest.raises(Interrupted) as caught:
            _Pending.check()
    assert caught.value.signum == signal.SIGTERM
    assert _Pending.signum is None  # reset when the block ends
    assert signal.getsignal(signal.SIGTERM) is not None


def test_no_signal_no_interrupt():
    from umkm_extract.cli import _Pending, signals_as_interrupts

    with signals_as_interrupts():
        _Pending.check()  # nothing pending: no raise
