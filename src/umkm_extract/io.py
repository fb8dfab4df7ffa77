"""Reading article inputs (folders, .txt files, .jsonl) and writing outputs, always as UTF-8."""
from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["InputItem", "iter_inputs", "read_meta", "read_text_file"]


@dataclass
class InputItem:
    """One article to process, or the reason it cannot be read."""

    doc_id: str
    source: str
    text: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    warnings: list[str] = field(default_factory=list)


_FALLBACK_ENCODINGS = ("cp1252", "latin-1")


def read_text_file(path: Path) -> tuple[str, list[str]]:
    """Text of a file: UTF-8 (BOM allowed); else cp1252/latin-1 with a recorded warning.

    Raises ValueError for binary content (NUL bytes, image signatures)."""
    data = path.read_bytes()
    if b"\x00" in data[:4096] or data[:8] in (b"\x89PNG\r\n\x1a\n",) or data[:3] == b"GIF" or data[:2] == b"\xff\xd8":
        raise ValueError("binary content (not a text article)")
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:
        for enc in _FALLBACK_ENCODINGS:
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            return text, [f"not UTF-8 ({exc.reason} at byte {exc.start}); decoded as {enc}"]
    raise ValueError("undecodable text")  # pragma: no cover - latin-1 decodes everything


def read_meta(path: Path) -> tuple[dict[str, Any], list[str]]:
    """The NAME.meta.json sidecar beside NAME.txt, if any; a broken one is a warning, not an error."""
    meta_path = path.with_name(path.name[: -len(".txt")] + ".meta.json") if path.name.endswith(".txt") else None
    if meta_path is None or not meta_path.exists():
        return {}, []
    try:
        meta = json.loads(meta_path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return {}, [f"{meta_path.name}: unreadable sidecar ignored ({exc})"]
    if not isinstance(meta, dict):
        return {}, [f"{meta_path.name}: sidecar is not a JSON object; ignored"]
    return meta, []


def _txt_files(folder: Path) -> list[Path]:
    out: list[Path] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        out.extend(Path(root) / f for f in sorted(files) if f.endswith(".txt"))
    return out


def iter_inputs(path: str | Path) -> Iterator[InputItem]:
    """Articles under `path`: a folder (all *.txt, recursively, with sidecars), one .txt, or a .jsonl
    of {doc_id, text, published?}. Unreadable items come back with `error` set; nothing raises."""
    path = Path(path)
    if path.is_dir():
        files = _txt_files(path)
    elif path.suffix == ".jsonl":
        yield from _iter_jsonl(path)
        return
    else:
        files = [path]
    for f in files:
        doc_id = f.name[: -len(".txt")] if f.name.endswith(".txt") else f.stem
        item = InputItem(doc_id=doc_id, source=str(f))
        try:
            item.text, item.warnings = read_text_file(f)
        except (OSError, ValueError) as exc:
            item.error = f"{type(exc).__name__}: {exc}"
            yield item
            continue
        item.meta, warns = read_meta(f)
        item.warnings.extend(warns)
        yield item


def _iter_jsonl(path: Path) -> Iterator[InputItem]:
    with path.open("r", encoding="utf-8", errors="replace") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            source = f"{path}:{lineno}"
            try:
                rec = json.loads(line)
                if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
                    raise ValueError("expected an object with a string 'text'")
            except ValueError as exc:
                yield InputItem(doc_id=f"{path.stem}:{lineno}", source=source, error=f"bad JSON line: {exc}")
                continue
            doc_id = str(rec.get("doc_id") or rec.get("id") or f"{path.stem}:{lineno}")
            meta = {k: v for k, v in rec.items() if k not in ("text", "doc_id")}
            yield InputItem(doc_id=doc_id, source=source, text=rec["text"], meta=meta)
