"""Reading article inputs (folders, .txt files, .jsonl) and writing outputs, always as UTF-8.

Reading never raises for a bad article: :func:`iter_inputs` yields an :class:`InputItem` per
article, with ``error`` set (and no text) when the article cannot be used, and ``warnings`` for
what was repaired on the way (non-UTF-8 bytes, HTML, a broken sidecar, lone surrogates).

Writing goes through :class:`JsonlSink`: records are appended one complete, flushed JSON line at
a time to ``OUT.part``, which is renamed to ``OUT`` only when the run completes. An interrupted run
leaves ``OUT.part``; ``mode="resume"`` continues it (see the class docstring for the contract).
"""
from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Container, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import IO, Any, Literal

__all__ = [
    "InputItem",
    "JsonlSink",
    "OutputExistsError",
    "ResumeError",
    "clean_meta",
    "count_inputs",
    "decode_bytes",
    "errors_path_for",
    "html_to_text",
    "iter_inputs",
    "looks_like_html",
    "prepare_text",
    "read_meta",
    "read_text_file",
]


@dataclass
class InputItem:
    """One article to process, or the reason it cannot be read.

    ``skipped`` is set (and the text left unread) when the doc_id is among those to skip
    (``iter_inputs(..., skip=...)``, used by ``--resume``)."""

    doc_id: str
    source: str
    text: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    warnings: list[str] = field(default_factory=list)
    skipped: bool = False


# --------------------------------------------------------------------------------------------
# Bytes -> text

_FALLBACK_ENCODINGS = ("cp1252", "latin-1")

# Signatures of common binary formats a crawler may save under a .txt name.
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or DOCX/XLSX)"),
    (b"\x1f\x8b", "gzip data"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office document"),
    (b"\x7fELF", "ELF executable"),
    (b"RIFF", "RIFF media (WEBP/WAV/AVI)"),
)

# C0/C1 control characters other than tab, newline, vertical tab, form feed and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")

# UTF-8 bytes read as cp1252/latin-1 upstream ("Ã©" for "é", "â€™" for "’"): a lead byte
# (Â..ß or à..ï) followed by continuation bytes as cp1252 shows them.
_CONT = "\x80-\xbf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u017d" \
        "\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u017e\u0178"
_MOJIBAKE = re.compile(f"[\u00c2-\u00df][{_CONT}]|[\u00e0-\u00ef][{_CONT}]{{2}}")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def decode_bytes(data: bytes) -> tuple[str, list[str]]:
    """Text of raw article bytes, with warnings for what had to be repaired.

    UTF-8 (with or without BOM) is expected; UTF-16 with a BOM is accepted; other bytes are decoded
    as cp1252 (else latin-1) with a warning. Text that looks like UTF-8 already mis-decoded upstream
    ("Ã©", "â€™") is repaired when the whole text round-trips, else kept with a warning.
    Raises ValueError for binary content (NUL bytes, image/archive signatures, control characters)."""
    for sig, what in _BINARY_SIGNATURES:
        if data.startswith(sig):
            raise ValueError(f"binary content ({what}), not a text article")
    warnings: list[str] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ValueError(f"UTF-16 byte-order mark but undecodable bytes ({exc.reason})") from None
        warnings.append("UTF-16 text (byte-order mark); decoded as utf-16")
    else:
        nul = data.find(b"\x00")
        if nul >= 0:
            raise ValueError(f"binary content (NUL byte at offset {nul}), not a text article")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            for enc in _FALLBACK_ENCODINGS:
                try:
                    text = data.decode(enc)
                except UnicodeDecodeError:
                    continue
                warnings.append(f"not UTF-8 ({exc.reason} at byte {exc.start}); decoded as {enc}")
                break
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) > 0.05 * len(sample):
        raise ValueError("binary content (control characters), not a text article")
    if not warnings:
        text, more = _repair_mojibake(text)
        warnings.extend(more)
    return text, warnings


def _repair_mojibake(text: str) -> tuple[str, list[str]]:
    found = _MOJIBAKE.search(text)
    if found is None:
        return text, []
    try:
        raw = bytearray()
        for ch in text:
            try:
                raw += ch.encode("cp1252")
            except UnicodeEncodeError:
                if ord(ch) > 0xFF:
                    raise
                raw.append(ord(ch))  # the five bytes cp1252 leaves undefined, as latin-1 shows them
        fixed = bytes(raw).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text, [f"text looks mis-decoded (mojibake such as {found.group()!r} at character "
                      f"{found.start()}); kept as is"]
    return fixed, [f"mojibake repaired (UTF-8 that had been decoded as cp1252, e.g. {found.group()!r})"]


# --------------------------------------------------------------------------------------------
# HTML -> text

_HTML_START = re.compile(
    r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
    r"<(?:!doctype\s+html|html|head|body|meta|title|div|p|article|section|main|h[1-6]|table|span)\b",
    re.I | re.S)
_HTML_TAG = re.compile(
    r"</?(?:p|div|br|span|a|b|i|u|em|strong|html|head|body|script|style|h[1-6]|li|ul|ol|table|tr|td|"
    r"img|article|section|header|footer|nav|figure|figcaption|meta|link|iframe)\b[^<>]{0,2000}>", re.I)


def looks_like_html(text: str) -> bool:
    """True for an HTML page or fragment (starts with a tag such as <!DOCTYPE html>, <html>, <p>,
    or holds at least 10 common HTML tags)."""
    head = text[:4096]
    if _HTML_START.match(head):
        return True
    return len(_HTML_TAG.findall(text[:200_000])) >= 10


class _HTMLText(HTMLParser):
    _BLOCK = frozenset({
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
        "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
        "section", "table", "td", "th", "title", "tr", "ul",
    })
    _SKIP = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "object", "head"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag in self._SKIP:
            self.skip_depth += 1
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in self._SKIP and self.skip_depth:
            self.skip_depth -= 1
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.skip_depth == 0 or self.in_title:  # the <title> (inside <head>) is the first line
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Plain text of an HTML page: tags removed, entities resolved, one line per block element,
    scripts/styles/head dropped (the <title> kept as a line)."""
    parser = _HTMLText()
    parser.feed(html)
    parser.close()
    lines = []
    for line in "".join(parser.parts).split("\n"):
        line = re.sub(r"[ \t\r\f\v\u00a0]+", " ", line).strip()
        lines.append(line)
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    return text + "\n" if text else ""


# --------------------------------------------------------------------------------------------
# Text checks shared by .txt and .jsonl inputs

_INVISIBLE = re.compile(r"[\s\u200b-\u200f\u2060\ufeff]*\Z")


def prepare_text(text: str) -> tuple[str, list[str]]:
    """The text to extract from, with warnings: HTML is converted to plain text ("html converted
    to text"; offsets then refer to the converted text), lone surrogates become U+FFFD.
    Raises ValueError for an empty or whitespace-only article."""
    warnings: list[str] = []
    if _SURROGATE.search(text):
        n = len(_SURROGATE.findall(text))
        text = _SURROGATE.sub("\ufffd", text)
        warnings.append(f"{n} lone surrogate code point(s) replaced by U+FFFD")
    if _INVISIBLE.match(text):
        raise ValueError("empty article (no text)" if not text else "empty article (whitespace only)")
    if looks_like_html(text):
        text = html_to_text(text)
        warnings.append("html converted to text")
        if not text.strip():
            raise ValueError("empty article (no text left after HTML conversion)")
    return text, warnings


def _too_long_bytes(size: int, max_chars: int) -> str:
    return (f"file has {size:,} bytes, more than the limit of {max_chars:,} characters allows "
            f"(Extractor(max_chars=…) / --max-chars)")


def read_text_file(path: Path, *, max_chars: int | None = None) -> tuple[str, list[str]]:
    """Text of a .txt article with warnings (see :func:`decode_bytes` and :func:`prepare_text`).

    Raises OSError when unreadable and ValueError for binary, empty or (with ``max_chars``)
    hopelessly long files: more than 4 bytes per allowed character are not even read."""
    if max_chars is not None:
        size = path.stat().st_size
        if size > 4 * max_chars + 4:
            raise ValueError(_too_long_bytes(size, max_chars))
    text, warnings = decode_bytes(path.read_bytes())
    text, more = prepare_text(text)
    return text, warnings + more


# --------------------------------------------------------------------------------------------
# Metadata

def clean_meta(meta: dict[str, Any], *, where: str) -> tuple[dict[str, Any], list[str]]:
    """Meta with a usable ``published`` (an ISO date at day, month or year precision, normalised:
    "2024-9-1" → "2024-09-01", a time part dropped) or none, and warnings for what was dropped."""
    from .rules.dates import parse_anchor

    meta = dict(meta)
    warnings: list[str] = []
    value = meta.get("published")
    if value is None or value == "":
        meta.pop("published", None)
        return meta, warnings
    iso: str | None = None
    reason = "expected an ISO date such as '2024-09-19', '2024-09' or '2024'"
    if isinstance(value, str):
        try:
            a = parse_anchor(value, strict=True)
        except ValueError as exc:
            reason = str(exc).split(": ", 1)[-1]  # drop parse_anchor's "anchor '…':" prefix
        else:
            if a.year is not None:
                iso = f"{a.year:04d}" + (f"-{a.month:02d}" if a.month else "") + (f"-{a.day:02d}" if a.day else "")
    if iso is None:
        meta.pop("published")
        warnings.append(f"{where}: published {value!r} is not a date ({reason}); read from the text instead")
    else:
        meta["published"] = iso
    return meta, warnings


def read_meta(path: Path) -> tuple[dict[str, Any], list[str]]:
    """The NAME.meta.json sidecar beside NAME.txt, if any; a broken one is a warning, not an error."""
    meta_path = path.with_name(path.name[: -len(".txt")] + ".meta.json") if path.name.endswith(".txt") else None
    if meta_path is None or not (meta_path.exists() or meta_path.is_symlink()):
        return {}, []
    try:
        meta = json.loads(meta_path.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        return {}, [f"{meta_path.name}: unreadable sidecar ignored ({type(exc).__name__}: {exc})"]
    if not isinstance(meta, dict):
        return {}, [f"{meta_path.name}: sidecar is not a JSON object; ignored"]
    warnings: list[str] = []
    doc_id = path.name[: -len(".txt")]
    if "doc_id" in meta and str(meta["doc_id"]) != doc_id:
        warnings.append(f"{meta_path.name}: doc_id {meta['doc_id']!r} does not match the file name; "
                        f"{doc_id!r} is used")
    meta.pop("doc_id", None)
    meta, more = clean_meta(meta, where=meta_path.name)
    return meta, warnings + more


# --------------------------------------------------------------------------------------------
# Inputs

def _txt_files(folder: Path) -> list[Path]:
    out: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        out.extend(Path(root) / f for f in sorted(files) if f.endswith(".txt"))
    return out


def count_inputs(path: str | Path) -> int:
    """How many items :func:`iter_inputs` will yield (for a progress bar)."""
    path = Path(path)
    if path.is_dir():
        return len(_txt_files(path))
    if path.suffix == ".jsonl":
        n = 0
        with path.open("rb") as fh:
            for line in fh:
                n += bool(line.strip())
        return n
    return 1


def iter_inputs(path: str | Path, *, skip: Container[str] = frozenset(),
                max_chars: int | None = None) -> Iterator[InputItem]:
    """Articles under `path`, lazily: a folder (all *.txt, recursively, sorted, with sidecars), one
    .txt, or a .jsonl of {doc_id, text, published?}. Nothing raises for a bad article: unreadable
    items come back with `error` set; a doc_id seen before is an error ("duplicate doc_id"); items
    whose doc_id is in `skip` come back with `skipped` set and their text unread."""
    path = Path(path)
    seen: dict[str, str] = {}
    if path.is_dir():
        items: Iterator[InputItem] = (_read_txt(f, skip, max_chars) for f in _txt_files(path))
    elif path.suffix == ".jsonl":
        items = _iter_jsonl(path, skip)
    else:
        items = iter([_read_txt(path, skip, max_chars)])
    for item in items:
        first = seen.get(item.doc_id)
        if first is not None:
            yield InputItem(doc_id=item.doc_id, source=item.source,
                            error=f"duplicate doc_id {item.doc_id!r} (first in {first}); not processed")
            continue
        seen[item.doc_id] = item.source
        yield item


def _read_txt(f: Path, skip: Container[str], max_chars: int | None) -> InputItem:
    doc_id = f.name[: -len(".txt")] if f.name.endswith(".txt") else f.stem
    item = InputItem(doc_id=doc_id, source=str(f))
    if doc_id in skip:
        item.skipped = True
        return item
    try:
        item.text, item.warnings = read_text_file(f, max_chars=max_chars)
    except OSError as exc:
        item.error = f"cannot read the file ({type(exc).__name__}: {exc.strerror or exc})"
        return item
    except ValueError as exc:
        item.error = str(exc)
        return item
    item.meta, warns = read_meta(f)
    item.warnings.extend(warns)
    return item


def _iter_jsonl(path: Path, skip: Container[str]) -> Iterator[InputItem]:
    """The items of a .jsonl input; a text over the length limit is left for the Extractor to report."""
    try:
        fh: IO[bytes] = path.open("rb")
    except OSError as exc:
        yield InputItem(doc_id=path.stem, source=str(path), error=f"{type(exc).__name__}: {exc.strerror or exc}")
        return
    with fh:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            source = f"{path}:{lineno}"
            warnings: list[str] = []
            try:
                line = raw.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                line = raw.decode("cp1252", errors="replace")
                warnings.append(f"line {lineno} not UTF-8 ({exc.reason} at byte {exc.start}); decoded as cp1252")
            rec: Any = None
            try:
                rec = json.loads(line)
            except ValueError as exc:
                error: str | None = f"bad JSON line: {exc}"
            else:
                error = None if isinstance(rec, dict) else f"bad JSON line: expected an object, got {type(rec).__name__}"
            raw_id = rec.get("doc_id", rec.get("id")) if isinstance(rec, dict) else None
            doc_id = str(raw_id) if raw_id not in (None, "") else f"{path.stem}:{lineno}"
            if error is None and not isinstance(rec.get("text"), str):
                error = f"bad JSON line: 'text' must be a string, got {type(rec.get('text')).__name__}"
            item = InputItem(doc_id=doc_id, source=source, warnings=warnings, error=error)
            if error is not None:
                yield item
                continue
            if doc_id in skip:
                item.skipped = True
                yield item
                continue
            text = rec["text"]
            try:
                item.text, more = prepare_text(text)
                item.warnings.extend(more)
            except ValueError as exc:
                item.error = str(exc)
                yield item
                continue
            meta = {k: v for k, v in rec.items() if k not in ("text", "doc_id", "id")}
            item.meta, more = clean_meta(meta, where=f"line {lineno}")
            item.warnings.extend(more)
            yield item


# --------------------------------------------------------------------------------------------
# Output

class OutputExistsError(FileExistsError):
    """OUT (or OUT.part) exists and neither overwriting nor resuming was asked for."""


class ResumeError(ValueError):
    """OUT.part cannot be continued safely (a line in the middle is not a record)."""


def errors_path_for(output: Path) -> Path:
    """OUT.errors.jsonl beside OUT (``out.jsonl`` → ``out.errors.jsonl``)."""
    stem = output.name.rsplit(".", 1)[0] if "." in output.name else output.name
    return output.with_name(stem + ".errors.jsonl")


def _scan_records(path: Path) -> tuple[set[str], int, bool]:
    """doc_ids of the complete records in a JSON Lines file, the byte length of the valid prefix,
    and whether a torn last line (cut by an interruption) follows it."""
    done: set[str] = set()
    good = 0
    with path.open("rb") as fh:
        lines = iter(fh)
        for lineno, raw in enumerate(lines, 1):
            rec: Any = None
            if raw.endswith(b"\n"):
                try:
                    rec = json.loads(raw)
                except ValueError:
                    rec = None
            if not isinstance(rec, dict) or "doc_id" not in rec:
                if next(lines, None) is not None:
                    raise ResumeError(f"{path}: line {lineno} is not a JSON record; cannot resume safely "
                                      f"(use --force to start over)")
                return done, good, True
            done.add(str(rec["doc_id"]))
            good += len(raw)
    return done, good, False


class JsonlSink:
    """JSON Lines output with an all-or-nothing final file and resumable partial files.

    Contract:

    * Records are written to ``OUT.part``, one complete JSON line at a time, flushed after each
      line; failures to ``OUT.errors.jsonl.part``. :meth:`commit` (end of a complete run) fsyncs and
      renames them to ``OUT`` and ``OUT.errors.jsonl`` (the errors file is removed when there are
      none). Until then a previous ``OUT`` is untouched.
    * ``mode="new"``: refuses (:class:`OutputExistsError`) when ``OUT`` or ``OUT.part`` exists.
      ``mode="force"``: starts a fresh ``OUT.part``; ``OUT`` is replaced at commit.
      ``mode="resume"``: continues ``OUT.part`` if it exists, else a copy of ``OUT`` if that exists,
      else starts fresh; :attr:`done` holds the doc_ids already written (to be skipped), a torn
      last line left by a kill is cut off, and new records are appended. Errors start afresh, since
      articles that failed before are tried again.
    * :meth:`close` without :meth:`commit` (an interruption) flushes and keeps ``OUT.part``.
    """

    def __init__(self, output: str | Path, *, mode: Literal["new", "force", "resume"] = "new") -> None:
        if mode not in ("new", "force", "resume"):
            raise ValueError(f"mode must be 'new', 'force' or 'resume', got {mode!r}")
        self.output = Path(output)
        self.mode = mode
        self.part = self.output.with_name(self.output.name + ".part")
        self.errors_path = errors_path_for(self.output)
        self.errors_part = self.errors_path.with_name(self.errors_path.name + ".part")
        self.done: set[str] = set()
        self.notes: list[str] = []
        self.written = 0
        self.errors = 0
        self._out: IO[str] | None = None
        self._err: IO[str] | None = None

    def open(self) -> "JsonlSink":
        out, part = self.output, self.part
        if self.mode == "new":
            for p, hint in ((out, "--force to overwrite it or --resume to add to it"),
                            (part, "--resume to continue that interrupted run or --force to start over")):
                if p.exists():
                    raise OutputExistsError(f"{p} already exists; use {hint}")
        out.parent.mkdir(parents=True, exist_ok=True)
        append = False
        if self.mode == "resume":
            if not part.exists() and out.exists():
                shutil.copyfile(out, part)
                self.notes.append(f"resuming from {out} (copied to {part.name})")
            if part.exists():
                self.done, good, torn = _scan_records(part)
                if torn:
                    with part.open("r+b") as fh:
                        fh.truncate(good)
                    self.notes.append(f"{part.name}: dropped an incomplete last line")
                if self.done:
                    self.notes.append(f"{len(self.done)} records already in {part.name}; skipping their articles")
                append = True
        self._out = part.open("a" if append else "w", encoding="utf-8", newline="\n")
        self._err = self.errors_part.open("w", encoding="utf-8", newline="\n")
        return self

    def __enter__(self) -> "JsonlSink":
        return self.open()

    def __exit__(self, *exc: object) -> None:
        self.close()

    @staticmethod
    def dumps(record: dict[str, Any]) -> str:
        """One JSON line; raises ValueError for values JSON cannot hold (NaN, lone surrogates)."""
        line = json.dumps(record, ensure_ascii=False, allow_nan=False)
        line.encode("utf-8")  # UnicodeEncodeError (a ValueError) before anything is written
        return line + "\n"

    def write(self, record: dict[str, Any]) -> None:
        """Append one record as one complete line (serialised first, so a bad record writes nothing)."""
        assert self._out is not None, "open() first"
        line = self.dumps(record)
        self._out.write(line)
        self._out.flush()
        self.written += 1

    def write_error(self, failure: dict[str, Any]) -> None:
        assert self._err is not None, "open() first"
        self._err.write(json.dumps(failure, ensure_ascii=False) + "\n")
        self._err.flush()
        self.errors += 1

    def commit(self) -> None:
        """Make the output final: OUT.part → OUT, errors → OUT.errors.jsonl (or no errors file)."""
        for fh in (self._out, self._err):
            if fh is not None:
                fh.flush()
                os.fsync(fh.fileno())
                fh.close()
        self._out = self._err = None
        self.part.replace(self.output)
        if self.errors:
            self.errors_part.replace(self.errors_path)
        else:
            self.errors_part.unlink(missing_ok=True)
            self.errors_path.unlink(missing_ok=True)

    def close(self) -> None:
        """Flush and close; without commit() the .part files stay for --resume."""
        for fh in (self._out, self._err):
            if fh is not None and not fh.closed:
                fh.flush()
                try:
                    os.fsync(fh.fileno())
                except OSError:  # pragma: no cover - e.g. a pipe
                    pass
                fh.close()
        self._out = self._err = None
