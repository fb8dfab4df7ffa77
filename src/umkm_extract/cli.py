"""The umkm-extract command: batch extraction over a folder, a .txt or a .jsonl; evaluation against gold.

The extract command is three separable parts: :func:`iter_outcomes` produces one :class:`Outcome`
per input article (record, failure or skip) in input order; a sink (:class:`umkm_extract.io.JsonlSink`)
writes them; :func:`run_batch` joins the two with signal handling and the summary.
Another output format or record producer plugs in at one of these seams.
"""
from __future__ import annotations

import json
import signal
import sys
from collections import deque
from collections.abc import Callable, Container, Generator, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import typer

if TYPE_CHECKING:
    from .api import Extractor
    from .io import InputItem, JsonlSink
    from .records import Article

app = typer.Typer(add_completion=False, no_args_is_help=True, context_settings={"help_option_names": ["-h", "--help"]},
                  help="Structured records from Indonesian regional news about UMKM, cooperatives and social programmes.")


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import PackageNotFoundError, version

        try:
            v = version("umkm-extract")
        except PackageNotFoundError:  # pragma: no cover - running from a source tree
            from . import __version__ as v
        typer.echo(f"umkm-extract {v}")
        raise typer.Exit()


@app.callback()
def _main(version: Optional[bool] = typer.Option(None, "--version", callback=_version, is_eager=True,
                                                 help="Print the version and exit.")) -> None:
    """Structured records from Indonesian regional news about UMKM, cooperatives and social programmes."""

EXIT_FAILED = 1        # the run completed, some articles failed
EXIT_USAGE = 2         # nothing done: output exists, bad options, cannot resume
DEFAULT_MAX_CHARS = 2_000_000  # same as api.DEFAULT_MAX_CHARS (not imported here: keeps --help fast)


# --------------------------------------------------------------------------------------------
# The record stream

@dataclass
class Outcome:
    """What became of one input article: a record (``article``), a failure (``item.error``), or a
    skip (``item.skipped``: already in the output being resumed)."""

    item: InputItem
    article: Article | None = None

    @property
    def status(self) -> str:
        if self.item.skipped:
            return "skipped"
        return "ok" if self.article is not None and self.item.error is None else "failed"


@lru_cache(maxsize=4)
def get_extractor(max_chars: int | None = DEFAULT_MAX_CHARS, profile: str = "fast", backend: str = "rules",
                  events: str | None = None, lexicon: str | None = None) -> Extractor:
    """One Extractor per set of options, kept for the life of the process (the pipeline takes seconds to build).
    ``events``: a JSON file of extra event rules, checked here (a bad file raises ValueError)."""
    from .api import Extractor

    return Extractor(max_chars=max_chars, profile=profile, backend=backend, events=events,  # type: ignore[arg-type]
                     lexicon=lexicon)


def iter_outcomes(path: Path, *, extractor: Extractor, n_process: int = 1, batch_size: int = 64,
                  skip: Container[str] = frozenset()) -> Generator[Outcome, None, None]:
    """One Outcome per input article under `path`, in input order, streaming (nothing is read
    ahead beyond what the worker processes hold)."""
    from .api import ExtractionFailure
    from .io import iter_inputs

    pending: deque[InputItem] = deque()

    def readable(item: InputItem) -> bool:
        return item.error is None and not item.skipped

    def feed() -> Iterator[tuple[str, dict[str, Any]]]:
        for item in iter_inputs(path, skip=skip, max_chars=extractor.max_chars):
            pending.append(item)
            if readable(item):
                assert item.text is not None
                yield item.text, {**item.meta, "doc_id": item.doc_id}

    stream = extractor.pipe(feed(), batch_size=batch_size, n_process=n_process, on_error="return")
    try:
        for res in stream:
            while not readable(pending[0]):
                yield Outcome(pending.popleft())
            item = pending.popleft()
            if isinstance(res, ExtractionFailure):
                item.error = res.error
                yield Outcome(item)
            else:
                yield Outcome(item, res)
    finally:  # stops worker processes at once when the consumer stops early (an interrupt)
        close = getattr(stream, "close", None)
        if close is not None:
            close()
    while pending:
        yield Outcome(pending.popleft())


# --------------------------------------------------------------------------------------------
# Interrupts

class Interrupted(KeyboardInterrupt):
    """SIGINT or SIGTERM during a run (a BaseException, so that no per-article handler swallows it)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


class _Pending:
    """The signal a handler received, kept until the run has stopped for it."""

    signum: int | None = None

    @classmethod
    def check(cls) -> None:
        """Raise :class:`Interrupted` for a signal whose raise did not reach the run: Python ignores an exception
        raised while a ``__del__`` or a weakref callback runs, and the handler may fire inside one."""
        if cls.signum is not None:
            raise Interrupted(cls.signum)


@contextmanager
def signals_as_interrupts() -> Iterator[None]:
    """Within the block SIGINT and SIGTERM raise :class:`Interrupted` (once; further signals are
    ignored while the run cleans up), and :meth:`_Pending.check` raises it again wherever the first
    raise was swallowed. Previous handlers are restored on exit."""
    sigs = (signal.SIGINT, signal.SIGTERM)

    def handler(signum: int, frame: Any) -> None:
        for s in sigs:
            signal.signal(s, signal.SIG_IGN)
        _Pending.signum = signum
        raise Interrupted(signum)

    try:
        previous = {s: signal.signal(s, handler) for s in sigs}
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    _Pending.signum = None
    try:
        yield
    finally:
        _Pending.signum = None
        for s, h in previous.items():
            signal.signal(s, h)


# --------------------------------------------------------------------------------------------
# The batch run

@dataclass
class BatchStats:
    extracted: int = 0
    failed: int = 0
    skipped: int = 0
    warned: int = 0

    @property
    def total(self) -> int:
        return self.extracted + self.failed + self.skipped


def _echo_err(msg: str) -> None:
    typer.echo(msg, err=True)


@dataclass
class _Totals:
    """What the extracted records hold, summed over a run (for the closing summary)."""

    persons: int = 0
    regions: int = 0
    dates: int = 0
    counts: int = 0
    events: int = 0

    def add(self, oc: Outcome) -> None:
        if oc.article is not None:
            for f in ("persons", "regions", "dates", "counts", "events"):
                setattr(self, f, getattr(self, f) + len(getattr(oc.article, f)))

    def summary(self) -> str:
        return ", ".join(f"{getattr(self, f)} {f}" for f in ("persons", "regions", "dates", "counts", "events"))


@contextmanager
def _messages_above(bar: Any) -> Iterator[None]:
    """While a progress bar runs, messages (ours, and Python warnings) are written above it, not through it."""
    global _echo_err
    if bar is None:
        yield
        return
    import warnings

    from tqdm import tqdm  # type: ignore[import-untyped]

    plain, shown = _echo_err, warnings.showwarning

    def above(msg: str) -> None:
        tqdm.write(msg, file=sys.stderr)

    def show_warning(message: Any, category: Any, filename: str, lineno: int, file: Any = None, line: Any = None) -> None:
        above(warnings.formatwarning(message, category, filename, lineno, line).rstrip())

    _echo_err, warnings.showwarning = above, show_warning
    try:
        yield
    finally:
        _echo_err, warnings.showwarning = plain, shown


def _check_extra(needed: bool, module: str, option: str, extra: str) -> None:
    """Exit 2 before the run when an option needs an optional package that is not installed."""
    if not needed:
        return
    import importlib.util

    if importlib.util.find_spec(module) is None:
        _echo_err(f'error: {option} needs {module}: pip install "umkm-extract[{extra}]"')
        raise typer.Exit(EXIT_USAGE)


def run_batch(outcomes: Iterator[Outcome], sink: JsonlSink, *, with_text: bool = False,
              on_outcome: Callable[[Outcome], None] | None = None, quiet: bool = False) -> BatchStats:
    """Write each outcome to `sink` (records, or errors naming file and reason); report on stderr."""
    stats = BatchStats()
    for oc in outcomes:
        item = oc.item
        if item.skipped:
            stats.skipped += 1
        elif oc.article is None or item.error is not None:
            _fail(sink, stats, item, item.error or "unknown error")
        else:
            rec = oc.article.to_dict(include_text=with_text)
            if item.warnings:
                rec["warnings"] = list(dict.fromkeys([*item.warnings, *rec.get("warnings", ())]))
            try:
                sink.write(rec)
            except ValueError as exc:  # NaN or an unencodable string somewhere in the record
                _fail(sink, stats, item, f"cannot write the record ({type(exc).__name__}: {exc})")
            else:
                stats.extracted += 1
                if item.warnings:
                    stats.warned += 1
                    for w in item.warnings if not quiet else ():
                        _echo_err(f"warning: {item.source}: {w}")
        if on_outcome is not None:
            on_outcome(oc)
    return stats


def _fail(sink: JsonlSink, stats: BatchStats, item: InputItem, error: str) -> None:
    stats.failed += 1
    failure: dict[str, Any] = {"doc_id": item.doc_id, "source": item.source, "error": error}
    if item.warnings:
        failure["warnings"] = list(item.warnings)
    sink.write_error(failure)
    _echo_err(f"error: {item.source}: {error}")


@app.command()
def extract(
    path: Path = typer.Argument(..., help="A folder of NAME.txt (+ NAME.meta.json), one .txt, a .jsonl of {doc_id, text, published?}, or - for standard input (JSON Lines, or one article)."),
    output: Path = typer.Option(..., "-o", "--output", help="Output JSON Lines file, one record per article; - for standard output."),
    n_process: int = typer.Option(1, "--n-process", "-j", min=1, help="Worker processes."),
    batch_size: int = typer.Option(64, "--batch-size", min=1),
    with_text: bool = typer.Option(False, "--with-text", help="Also write each article's text into its record."),
    force: bool = typer.Option(False, "--force", help="Overwrite OUTPUT (replaced only when the run completes)."),
    resume: bool = typer.Option(False, "--resume", help="Continue OUTPUT.part (or add to OUTPUT): skip the doc_ids already written, append the rest."),
    max_chars: int = typer.Option(DEFAULT_MAX_CHARS, "--max-chars", min=1, help="Longest article text accepted, in characters; longer ones are reported as errors."),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress", help="Progress bar (default: on a terminal)."),
    fmt: str = typer.Option("jsonl", "--format", help="jsonl (default), or csv / parquet: after the run, also one table per kind beside OUTPUT (OUTPUT.persons.csv, …)."),
    dask: Optional[str] = typer.Option(None, "--dask", help="Run on a Dask cluster: a scheduler address, or 'local' to start a LocalCluster (extra: dask)."),
    profile: str = typer.Option("fast", "--profile", help="fast (default: rules; the NER on one-line texts) or accurate (the NER in articles too)."),
    backend: str = typer.Option("rules", "--backend", help="Event roles: rules (default), parser (the shipped dependency parser) or stanza (extra: stanza)."),
    events: Optional[Path] = typer.Option(None, "--events", exists=True, dir_okay=False, help="A JSON file of extra event types and rules (the shape of data/events.json)."),
    lexicon: Optional[Path] = typer.Option(None, "--lexicon", exists=True, dir_okay=False, help="A JSON file of extra titles, region aliases, name stopwords and organisation heads (see umkm_extract.lexicon)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary and no warnings on stderr (errors still go to OUTPUT's .errors.jsonl)."),
) -> None:
    """Extract article records from PATH into OUTPUT (JSON Lines).

    Exit status: 0 all articles extracted; 1 some failed (listed in OUTPUT's .errors.jsonl);
    2 nothing done (OUTPUT exists without --force/--resume, bad options); 130/143 interrupted by
    SIGINT/SIGTERM (OUTPUT.part kept: run again with --resume)."""
    import time

    from .io import JsonlSink, OutputExistsError, ResumeError, count_inputs

    started = time.perf_counter()
    if str(path) == "-" or str(output) == "-":
        _extract_std_streams(path, output, fmt=fmt, dask=dask, resume=resume,
                             args=dict(n_process=n_process, batch_size=batch_size, with_text=with_text,
                                       max_chars=max_chars, profile=profile, backend=backend, events=events,
                                       lexicon=lexicon, quiet=quiet))
        return
    if not path.exists():
        _echo_err(f"error: {path} does not exist")
        raise typer.Exit(EXIT_USAGE)
    if output.is_dir():
        _echo_err(f"error: {output} is a folder; give the output file, e.g. {output / 'records.jsonl'}")
        raise typer.Exit(EXIT_USAGE)
    if fmt not in ("jsonl", "csv", "parquet"):
        _echo_err(f"error: --format must be jsonl, csv or parquet, got {fmt!r}")
        raise typer.Exit(EXIT_USAGE)
    if profile not in ("fast", "accurate"):
        _echo_err(f"error: --profile must be fast or accurate, got {profile!r}")
        raise typer.Exit(EXIT_USAGE)
    try:
        extractor = get_extractor(max_chars, profile, backend, str(events) if events else None,
                                  str(lexicon) if lexicon else None)
    except (ValueError, ImportError, FileNotFoundError) as exc:  # an unknown backend, stanza or its models missing, a bad events file
        _echo_err(f"error: {exc}")
        raise typer.Exit(EXIT_USAGE) from None
    _check_extra(fmt == "parquet", "pyarrow", "--format parquet", "dataframe")
    _check_extra(dask is not None, "distributed", "--dask", "dask")
    if path.is_dir() and count_inputs(path) == 0:
        _echo_err(f"error: {path} holds no *.txt article")
        raise typer.Exit(EXIT_USAGE)
    if dask is not None:
        if resume or n_process != 1:
            _echo_err("error: --resume and -j are not available with --dask (the cluster sets the parallelism; "
                      "rerun with --force)")
            raise typer.Exit(EXIT_USAGE)
        failed = _extract_on_dask(path, output, dask, force=force, with_text=with_text, fmt=fmt,
                                  options={"max_chars": max_chars, "profile": profile, "backend": backend,
                                           "events": str(events) if events else None,
                                           "lexicon": str(lexicon) if lexicon else None}, quiet=quiet)
        if failed:
            raise typer.Exit(EXIT_FAILED)
        return
    if force and resume:
        _echo_err("error: --force and --resume exclude each other (--force starts over, --resume continues)")
        raise typer.Exit(EXIT_USAGE)
    sink = JsonlSink(output, mode="force" if force else "resume" if resume else "new")
    try:
        sink.open()
    except (OutputExistsError, ResumeError) as exc:
        _echo_err(f"error: {exc}")
        raise typer.Exit(EXIT_USAGE) from None
    for note in sink.notes:
        _echo_err(note)

    show = sys.stderr.isatty() if progress is None else progress
    bar = None
    try:
        with signals_as_interrupts():
            if show:
                from tqdm import tqdm  # type: ignore[import-untyped]

                bar = tqdm(total=count_inputs(path), unit="doc", file=sys.stderr)
            outcomes = iter_outcomes(path, extractor=extractor, n_process=n_process,
                                     batch_size=batch_size, skip=sink.done)
            found = _Totals()

            def on_outcome(oc: Outcome) -> None:
                found.add(oc)
                if bar is not None:
                    bar.update(1)
                _Pending.check()

            with closing(outcomes), _messages_above(bar):
                stats = run_batch(outcomes, sink, with_text=with_text, on_outcome=on_outcome, quiet=quiet)
            _Pending.check()  # a signal swallowed after the last article
    except Interrupted as exc:
        sink.close()
        if bar is not None:
            bar.close()
        _echo_err(f"interrupted ({exc.args[0]}): {len(sink.done) + sink.written} records kept in {sink.part}; "
                  f"run the same command with --resume to continue")
        raise typer.Exit(128 + exc.signum) from None
    except BaseException:
        sink.close()
        raise
    if bar is not None:
        bar.close()
    sink.commit()
    if not quiet:
        _echo_err(
            f"{stats.total} articles: {stats.extracted} extracted ({stats.warned} with warnings), "
            f"{stats.failed} failed" + (f", {stats.skipped} already in the output" if resume else "")
            + f" -> {output}" + (f" (errors: {sink.errors_path})" if stats.failed else ""))
        _echo_err(f"found: {found.summary()}; {time.perf_counter() - started:.1f} s")
    _write_tables(output, fmt)
    if stats.failed:
        raise typer.Exit(EXIT_FAILED)


def _extract_std_streams(path: Path, output: Path, *, fmt: str, dask: str | None, resume: bool,
                         args: dict[str, Any]) -> None:
    """``-`` as PATH (standard input: JSON Lines when its first character is "{", else one article whose doc_id
    is "stdin") or as OUTPUT (standard output, written when the run ends): the same run through a temporary
    folder, so decoding, errors and exit status are those of files."""
    import shutil
    import tempfile

    if fmt != "jsonl" or dask is not None or resume:
        _echo_err("error: - (standard input/output) works with the JSON Lines format only, without --dask or --resume")
        raise typer.Exit(EXIT_USAGE)
    with tempfile.TemporaryDirectory(prefix="umkm-extract-") as tmp:
        src = path
        if str(path) == "-":
            data = sys.stdin.buffer.read()
            src = Path(tmp) / ("stdin.jsonl" if data.lstrip()[:1] == b"{" else "stdin.txt")
            src.write_bytes(data)
        out = Path(tmp) / "out.jsonl" if str(output) == "-" else output
        code = 0
        try:
            extract(src, out, force=str(output) == "-", resume=False, progress=False, fmt="jsonl", dask=None, **args)
        except typer.Exit as exc:
            code = exc.exit_code
        if str(output) == "-" and out.exists():
            with out.open("rb") as fh:
                shutil.copyfileobj(fh, sys.stdout.buffer)
            sys.stdout.flush()
        if code:
            raise typer.Exit(code)


def _write_tables(output: Path, fmt: str) -> None:
    """CSV/Parquet tables derived from the finished JSON Lines output (which stays the resumable stream)."""
    if fmt == "jsonl":
        return
    from .formats import write_records

    def records() -> Iterator[dict[str, Any]]:
        with output.open("r", encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)

    paths = write_records(records(), output, fmt)  # type: ignore[arg-type]
    _echo_err(f"{fmt} tables: " + ", ".join(str(p) for p in paths.values()))


def _extract_on_dask(path: Path, output: Path, address: str, *, force: bool, with_text: bool, fmt: str,
                     options: dict[str, Any], quiet: bool = False) -> int:
    """The batch on a Dask cluster (one Extractor per worker and option set): records in input order in OUTPUT,
    failures in OUTPUT.errors.jsonl and on stderr, as in a local run. Returns the number of failures."""
    from .dask import run_dask
    from .formats import write_records
    from .io import errors_path_for

    if output.exists() and not force:
        _echo_err(f"error: {output} already exists; use --force to overwrite it (--resume is not available with --dask)")
        raise typer.Exit(EXIT_USAGE)
    output.parent.mkdir(parents=True, exist_ok=True)
    errors_path = errors_path_for(output)
    failures: list[dict[str, Any]] = []

    def records() -> Iterator[dict[str, Any]]:
        for rec in run_dask(path, address, include_text=with_text, options=options):
            if "error" in rec and "persons" not in rec:
                failures.append(rec)
                _echo_err(f"error: {rec.get('source') or rec.get('doc_id')}: {rec['error']}")
                continue
            for w in rec.get("warnings", ()) if not quiet else ():
                _echo_err(f"warning: {rec.get('doc_id')}: {w}")
            yield rec

    write_records(records(), output, "jsonl")
    if failures:
        write_records(failures, errors_path, "jsonl")
    elif errors_path.exists():
        errors_path.unlink()  # a stale errors file of an earlier run
    if not quiet:
        n = sum(1 for line in output.open("r", encoding="utf-8") if line.strip())
        _echo_err(f"{n + len(failures)} articles: {n} extracted, {len(failures)} failed on Dask ({address}) -> {output}"
                  + (f" (errors: {errors_path})" if failures else ""))
    _write_tables(output, fmt)
    return len(failures)


@app.command()
def evaluate(
    gold_dir: Path = typer.Argument(..., exists=True, file_okay=False, help="Folder of NAME.gold.json (with NAME.txt when --pred is absent)."),
    pred: Optional[Path] = typer.Option(None, "--pred", help="Predictions (.jsonl or folder); default: run the extractor on GOLD_DIR."),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    errors: bool = typer.Option(False, "--errors", help="List missed and spurious items per document."),
    markdown: bool = typer.Option(False, "--markdown", help="Print the scores as a Markdown table."),
) -> None:
    """Score predictions against gold by the ANNOTATION.md rules."""
    import json

    from .evaluate import evaluate as run_evaluate, load_gold

    if not any(gold_dir.glob("*.gold.json")):
        _echo_err(f"error: {gold_dir} holds no NAME.gold.json file")
        raise typer.Exit(EXIT_USAGE)
    if pred is not None and not pred.exists():
        _echo_err(f"error: --pred {pred} does not exist")
        raise typer.Exit(EXIT_USAGE)
    if pred is None:
        predictions = [oc.article.to_dict() for oc in iter_outcomes(gold_dir, extractor=get_extractor())
                       if oc.article is not None]
    else:
        predictions = pred  # type: ignore[assignment]
    try:
        report = run_evaluate(gold_dir, predictions)
    except (ValueError, OSError) as exc:  # unreadable gold or predictions: say which, in one line
        _echo_err(f"error: {exc}")
        raise typer.Exit(EXIT_USAGE) from None
    if len(report.missing_docs) == len(load_gold(gold_dir)):
        _echo_err(f"error: no prediction names a document of {gold_dir} (doc_id = the gold file's NAME)")
        raise typer.Exit(EXIT_USAGE)
    if as_json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=1))
    elif markdown:
        typer.echo(report.format_markdown())
    else:
        typer.echo(report.format_table())
    if errors:
        typer.echo(report.format_errors())


@app.command()
def aggregate(
    records: list[Path] = typer.Argument(..., help="Record files as extract writes them (.jsonl), gold or record .json files, folders of them; - for standard input (JSON Lines)."),
    output: Path = typer.Option(..., "-o", "--output", help="Output folder: events, officials and regions tables, and report.html."),
    fmt: str = typer.Option("csv", "--format", help="csv (default) or parquet (extra: dataframe)."),
    report: bool = typer.Option(True, "--report/--no-report", help="Also write DIR/report.html."),
    force: bool = typer.Option(False, "--force", help="Overwrite the tables already in DIR."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary on stderr."),
) -> None:
    """The dataset view: events merged across articles, officials, regions rolled up by Kemendagri code."""
    import time

    from .dataset import TABLES, read_records, write_dataset

    if fmt not in ("csv", "parquet"):
        _echo_err(f"error: --format {fmt!r}: expected csv or parquet")
        raise typer.Exit(EXIT_USAGE)
    _check_extra(fmt == "parquet", "pyarrow", "--format parquet", "dataframe")
    for r in records:
        if str(r) != "-" and not r.exists():
            _echo_err(f"error: {r} does not exist")
            raise typer.Exit(EXIT_USAGE)
    if output.exists() and not output.is_dir():
        _echo_err(f"error: --output {output} is a file; give a folder")
        raise typer.Exit(EXIT_USAGE)
    existing = [output / f"{t}.{fmt}" for t in TABLES if (output / f"{t}.{fmt}").exists()]
    if existing and not force:
        _echo_err(f"error: {existing[0]} exists (use --force to overwrite)")
        raise typer.Exit(EXIT_USAGE)

    def sources() -> Iterator[Any]:
        for r in records:
            if str(r) == "-":
                for lineno, line in enumerate(sys.stdin, 1):
                    if line.strip():
                        try:
                            yield json.loads(line)
                        except json.JSONDecodeError as exc:
                            raise ValueError(f"<stdin>:{lineno}: not valid JSON ({exc.msg})") from None
            else:
                yield from read_records([r])

    t0 = time.perf_counter()
    try:
        summary = write_dataset(sources(), output, fmt, report=report)
    except (ValueError, TypeError, OSError) as exc:
        _echo_err(f"error: {exc}")
        raise typer.Exit(EXIT_USAGE) from None
    if not quiet:
        rows = ", ".join(f"{n} {t}" for t, n in summary.rows.items())
        _echo_err(f"{summary.articles} articles ({summary.records} records, {summary.duplicates} repeated doc_ids, "
                  f"{summary.failures} failures) -> {rows} in {output} ({time.perf_counter() - t0:.1f} s)")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the records that extract writes."""
    from .records import record_schema

    typer.echo(json.dumps(record_schema(), ensure_ascii=False, indent=1))


def main() -> None:  # console-script entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
