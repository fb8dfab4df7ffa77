"""The umkm-extract command: batch extraction over a folder, a .txt or a .jsonl; evaluation against gold."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Structured records from Indonesian regional news about UMKM, cooperatives and social programmes.")


def _records(path: Path, n_process: int, batch_size: int, progress: bool):
    """(input item, Article|ExtractionFailure|None) pairs in input order."""
    from .api import Extractor, ExtractionFailure
    from .io import iter_inputs

    items = list(iter_inputs(path))
    readable = [it for it in items if it.error is None]
    extractor = Extractor()
    stream = extractor.pipe(((it.text, {**it.meta, "doc_id": it.doc_id}) for it in readable),
                            batch_size=batch_size, n_process=n_process, on_error="return")
    results = iter(stream)
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(total=len(items), unit="doc", file=sys.stderr)
    for it in items:
        res = None if it.error else next(results)
        if isinstance(res, ExtractionFailure):
            it.error = res.error
            res = None
        if bar is not None:
            bar.update(1)
        yield it, res
    if bar is not None:
        bar.close()


@app.command()
def extract(
    path: Path = typer.Argument(..., exists=True, help="A folder of NAME.txt (+ NAME.meta.json), one .txt, or a .jsonl of {doc_id, text, published?}."),
    output: Path = typer.Option(..., "-o", "--output", help="Output JSON Lines file, one record per article."),
    n_process: int = typer.Option(1, "--n-process", "-j", min=1, help="Worker processes."),
    batch_size: int = typer.Option(64, "--batch-size", min=1),
    with_text: bool = typer.Option(False, "--with-text", help="Also write each article's text into its record."),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="Progress bar (default: on a terminal)."),
) -> None:
    """Extract article records from PATH into OUTPUT (JSON Lines)."""
    show = sys.stderr.isatty() if progress is None else progress
    output.parent.mkdir(parents=True, exist_ok=True)
    errors_path = output.with_name(output.name.rsplit(".", 1)[0] + ".errors.jsonl")
    tmp = output.with_name(output.name + ".part")
    ok = failed = 0
    failures: list[dict[str, str]] = []
    with tmp.open("w", encoding="utf-8") as out:
        for item, art in _records(path, n_process, batch_size, show):
            if art is None:
                failed += 1
                failures.append({"doc_id": item.doc_id, "source": item.source, "error": item.error or "unknown error"})
                typer.echo(f"error: {item.source}: {item.error}", err=True)
                continue
            rec = art.to_dict(include_text=with_text)
            if item.warnings:
                rec["warnings"] = item.warnings
            out.write(json.dumps(rec, ensure_ascii=False, sort_keys=False) + "\n")
            ok += 1
    tmp.replace(output)
    if failures:
        with errors_path.open("w", encoding="utf-8") as fh:
            for f in failures:
                fh.write(json.dumps(f, ensure_ascii=False) + "\n")
    elif errors_path.exists():
        errors_path.unlink()
    typer.echo(f"{ok + failed} articles: {ok} extracted, {failed} failed -> {output}"
               + (f" (errors: {errors_path})" if failures else ""), err=True)
    if failed:
        raise typer.Exit(1)


@app.command()
def evaluate(
    gold_dir: Path = typer.Argument(..., exists=True, file_okay=False, help="Folder of NAME.gold.json (with NAME.txt when --pred is absent)."),
    pred: Optional[Path] = typer.Option(None, "--pred", help="Predictions (.jsonl or folder); default: run the extractor on GOLD_DIR."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    errors: bool = typer.Option(False, "--errors", help="List missed and spurious items per document."),
    markdown: bool = typer.Option(False, "--markdown", help="Print the scores as a Markdown table."),
) -> None:
    """Score predictions against gold by the ANNOTATION.md rules."""
    from .evaluate import evaluate as run_evaluate

    if pred is None:
        predictions = [art.to_dict() for _, art in _records(gold_dir, 1, 64, False) if art is not None]
    else:
        predictions = pred  # type: ignore[assignment]
    report = run_evaluate(gold_dir, predictions)
    if as_json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
    elif markdown:
        typer.echo(report.format_markdown())
    else:
        typer.echo(report.format_table())
    if errors:
        typer.echo(report.format_errors())


def main() -> None:  # console-script entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
