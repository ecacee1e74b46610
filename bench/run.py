"""The benchmark: speed, memory, batch throughput and a fuzz run, measured on this machine.

    python bench/run.py                 # full run (about two minutes)
    python bench/run.py --quick         # fewer repeats, 10 s of fuzzing

Reports, over every ``samples/*.pdf``:

- per-stage timings (medians over ``--repeats`` warm runs): read PDF (the guarded parse, forked
  child included; "guard ms" is its cost over the same parse in-process), layout (inside the
  reader, timed in-process), sections, skills, claims and flags, questions, "other" (time in
  analyze() no step accounts for) and every export format of ``analyzer.export.FORMATS``;
- the whole ``analyze()`` warm as a ratio to pdfplumber's own bare ``page.extract_words()`` over all
  pages of the same file, measured interleaved in the same run (target <= 1.2x on multi-page files);
- the whole command-line process, ``resume-analyzer analyze FILE --format json``, against a bare
  Python process that opens the same file with pdfplumber and extracts its words, paired and
  interleaved, on the samples and (when present) ``../shared/devset``: median ratio (target <= 5x),
  with the disk cache warm; one run with an empty cache is reported apart;
- start-up (imports + everything ``load_resources()`` loads) in a fresh interpreter, cache warm;
- peak RSS of one ``resume-analyzer analyze`` process (target < 300 MB);
- batch throughput (resumes per second) with 1 and 2 workers, in fresh interpreters, on copies of
  the samples and on ``../shared/devset`` when present;
- a fuzz run of the reader, date and link targets of tests/test_fuzz.py: inputs tried, failures.

Prints a table and writes ``bench/results/latest.json``. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import inspect
import io
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SAMPLES = sorted((ROOT / "samples").glob("*.pdf"))
DEVSET = ROOT.parent / "shared" / "devset"
RESULTS = ROOT / "bench" / "results" / "latest.json"
AS_OF = "2026-01"
NA = "n/a"

# Pipeline functions grouped into the stages the issue names; anything else keeps its own name.
STAGE_OF = (
    ("read_pdf", "read PDF"),
    ("structure_resume", "sections"),
    ("skill", "skills"),
    ("claim", "claims+flags"),
    ("flag", "claims+flags"),
    ("score", "claims+flags"),
    ("readiness", "claims+flags"),
    ("question", "questions"),
)
STAGES = ("read PDF", "layout", "sections", "skills", "claims+flags", "questions", "other")
_NOT_STEPS = {"load_resources", "load_taxonomy", "this_month", "analyze"}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=11, help="warm runs per file (median reported)")
    parser.add_argument("--fuzz-seconds", type=float, default=60.0, help="total fuzzing budget")
    parser.add_argument("--quick", action="store_true", help="3 repeats, 10 s of fuzzing, smaller batch")
    parser.add_argument("--out", type=Path, default=RESULTS)
    parser.add_argument("--devset", type=Path, default=None, help="folder with pdfs/ (default: ../shared/devset)")
    args = parser.parse_args(argv)
    global DEVSET
    DEVSET = args.devset or DEVSET
    if args.quick:
        args.repeats, args.fuzz_seconds = 3, 10.0
    if not SAMPLES:
        print("no samples/*.pdf to measure", file=sys.stderr)
        return 1

    results: dict = {"machine": machine(), "as_of": AS_OF, "repeats": args.repeats}
    print(f"machine: {results['machine']['summary']}")
    results["startup"] = measure_startup()
    print(f"start-up: {results['startup']['total_s']:.2f} s")
    results["files"], results["exports"] = measure_files(args.repeats)
    results["cli"] = measure_cli(runs=3 if args.quick else 5)
    results["peak_rss_mb"] = measure_peak_rss()
    print(f"peak RSS of one analyze: {results['peak_rss_mb']} MB")
    results["batch"] = measure_batch(copies=2 if args.quick else 4)
    if _devset_pdfs():
        results["batch_devset"] = measure_batch(folder=_devset_folder())
    results["fuzz"] = measure_fuzz(args.fuzz_seconds)
    results["summary"] = summarise(results)
    print()
    print(render(results))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\nwritten to {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0


# --- machine and start-up -------------------------------------------------------------------------

def machine() -> dict:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        ram_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 1e9
    except (ValueError, OSError, AttributeError):
        ram_gb = 0.0
    import pdfplumber

    info = {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "ram_gb": round(ram_gb, 1),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "pdfplumber": pdfplumber.__version__,
        "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }
    info["summary"] = f"{cpu}, {info['cores']} cores, {info['ram_gb']} GB RAM, {info['os']}, Python {info['python']}"
    return info


_STARTUP_SCRIPT = """
import json, sys, time
t0 = time.perf_counter()
import analyzer.pipeline as p
t1 = time.perf_counter()
if sys.argv[1] == "all":
    p.load_resources()  # taxonomy, spaCy pipeline, question bank (disk cache), fork server
else:
    p.build_nlp(p.load_taxonomy())  # the issue's definition: taxonomy + spaCy pipeline
t2 = time.perf_counter()
print(json.dumps({"import_s": t1 - t0, "resources_s": t2 - t1}))
"""


def measure_startup(runs: int = 3) -> dict:
    """Median over fresh interpreters: everything load_resources() loads, and taxonomy + spaCy alone."""
    result = {}
    for what in ("all", "taxonomy_nlp"):
        samples = []
        for _ in range(runs):
            out = subprocess.run([sys.executable, "-c", _STARTUP_SCRIPT, what], capture_output=True, text=True,
                                 cwd=ROOT, env=_env(), timeout=120, check=True)
            samples.append(json.loads(out.stdout.strip().splitlines()[-1]))
        prefix = "" if what == "all" else "taxonomy_nlp_"
        for key in ("import_s", "resources_s"):
            result[prefix + key] = statistics.median(s[key] for s in samples)
        result[prefix + "total_s"] = result[prefix + "import_s"] + result[prefix + "resources_s"]
    return result


def _env() -> dict:
    return {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}


# --- per-file stages and the ratio to bare pdfplumber ----------------------------------------------

class StageTimer:
    """Wraps the pipeline's step functions so one analyze() call reports each step's time."""

    def __init__(self) -> None:
        import analyzer.pipeline as pipeline

        self.pipeline = pipeline
        self.times: dict[str, float] = defaultdict(float)
        self.originals: dict[str, object] = {}
        for name, value in vars(pipeline).items():
            if inspect.isfunction(value) and value.__module__.startswith("analyzer.") and value.__module__ != pipeline.__name__ \
                    and name not in _NOT_STEPS:
                self.originals[name] = value

    def stage_of(self, name: str) -> str:
        return next((stage for key, stage in STAGE_OF if key in name), name)

    def __enter__(self) -> "StageTimer":
        for name, fn in self.originals.items():
            setattr(self.pipeline, name, self._wrap(self.stage_of(name), fn))
        return self

    def __exit__(self, *exc) -> None:
        for name, fn in self.originals.items():
            setattr(self.pipeline, name, fn)

    def _wrap(self, stage: str, fn):
        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                self.times[stage] += time.perf_counter() - start
        return timed


def bare_extract_words(data: bytes) -> int:
    """pdfplumber's own floor: open the PDF and extract_words() on every page, nothing else."""
    import pdfplumber

    count = 0
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            count += len(page.extract_words())
    return count


def layout_seconds(data: bytes) -> float:
    """Time of the layout step (lines per page, then joining the pages), in one in-process read."""
    import analyzer.extract as extract

    originals, spent = {name: getattr(extract, name) for name in ("page_lines", "join_pages")}, [0.0]

    def timed(fn):
        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[0] += time.perf_counter() - start
        return wrapper

    for name, fn in originals.items():
        setattr(extract, name, timed(fn))
    try:
        in_process_read_seconds(data)
    finally:
        for name, fn in originals.items():
            setattr(extract, name, fn)
    return spent[0]


def in_process_read_seconds(data: bytes) -> float:
    """The whole reader in this process, one worker, no bounds: what the bounded read is compared to."""
    import analyzer.extract as extract
    from analyzer.models import Limits

    start = time.perf_counter()
    extract._assemble(extract._read(data, Limits()), data, "bench.pdf")
    return time.perf_counter() - start


def _multi_page_devset() -> list[Path]:
    import pdfplumber

    found = []
    for path in _devset_pdfs():
        with pdfplumber.open(path) as pdf:
            if len(pdf.pages) >= 2:
                found.append(path)
    return found


def measure_files(repeats: int) -> tuple[list[dict], dict]:
    """Every sample, and the dev set's multi-page files when present (the warm ratio's target)."""
    from analyzer.pipeline import analyze, load_resources

    resources = load_resources()
    from analyzer.export import FORMATS
    export_times: dict[str, list[float]] = defaultdict(list)
    export_errors: dict[str, str] = {}
    rows = []
    for path in SAMPLES + _multi_page_devset():
        data = path.read_bytes()
        analyze(data, as_of=AS_OF, name=path.name, resources=resources)  # warm: caches, page-in
        bare_words = bare_extract_words(data)
        stage_runs: dict[str, list[float]] = defaultdict(list)
        whole, bare, layout, read_inproc = [], [], [], []
        report = None
        for _ in range(repeats):
            # Interleaved, so machine noise hits the floor and the analysis alike.
            start = time.perf_counter()
            bare_extract_words(data)
            bare.append(time.perf_counter() - start)
            start = time.perf_counter()
            report = analyze(data, as_of=AS_OF, name=path.name, resources=resources)
            whole.append(time.perf_counter() - start)
            with StageTimer() as timer:
                start = time.perf_counter()
                analyze(data, as_of=AS_OF, name=path.name, resources=resources)
                total = time.perf_counter() - start
            for stage, seconds in timer.times.items():
                stage_runs[stage].append(seconds)
            # Time inside analyze() that no wrapped step accounts for (glue, steps called as methods).
            stage_runs["other"].append(max(0.0, total - sum(timer.times.values())))
            layout.append(layout_seconds(data))
            read_inproc.append(in_process_read_seconds(data))
        for label, fmt in FORMATS.items():
            if label in export_errors or path not in SAMPLES:
                continue
            try:
                start = time.perf_counter()
                fmt.render(report)
                export_times[label].append(time.perf_counter() - start)
            except Exception as error:  # noqa: BLE001 - an export failing is a result too
                export_errors[label] = f"{type(error).__name__}: {str(error)[:100]}"
        stages = {stage: _ms(stage_runs[stage]) if stage_runs.get(stage) else NA for stage in STAGES}
        stages["layout"] = _ms(layout)
        stages.update({stage: _ms(times) for stage, times in stage_runs.items() if stage not in stages})
        row = {
            "file": _label(path),
            "pages": report.resume.document.pages,
            "words": bare_words,
            "bare_extract_words_ms": _ms(bare),
            "analyze_ms": _ms(whole),
            "ratio": round(statistics.median(whole) / statistics.median(bare), 2),
            "read_in_process_ms": _ms(read_inproc),
            "stages_ms": stages,
        }
        row["guard_overhead_ms"] = round(row["stages_ms"]["read PDF"] - row["read_in_process_ms"], 1) \
            if row["stages_ms"]["read PDF"] != NA else NA
        rows.append(row)
        print(f"  {row['file']:40} {row['pages']}p  bare {row['bare_extract_words_ms']:7.1f} ms  "
              f"analyze {row['analyze_ms']:7.1f} ms  ratio {row['ratio']:.2f}")
    export_summary = {label: (_ms(export_times[label]) if label in export_times else export_errors.get(label, NA))
                      for label in FORMATS}
    return rows, export_summary


def _ms(values: list[float]) -> float:
    return round(statistics.median(values) * 1000, 1)


# --- memory, batch, fuzz --------------------------------------------------------------------------

_RSS_SCRIPT = """
import resource, subprocess, sys, json
result = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
scale = 1 if sys.platform == "darwin" else 1024
print(json.dumps({"rc": result.returncode, "maxrss": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * scale,
                  "stderr": result.stderr.decode("utf-8", "replace")[-300:]}))
"""


def measure_peak_rss() -> float | str:
    """Peak resident memory of one ``resume-analyzer analyze`` process on the largest sample."""
    largest = max(SAMPLES, key=lambda p: p.stat().st_size)
    entry = shutil.which("resume-analyzer")
    command = [entry] if entry else [sys.executable, "-m", "analyzer"]
    out = subprocess.run([sys.executable, "-c", _RSS_SCRIPT, *command, "analyze", str(largest), "--as-of", AS_OF],
                         capture_output=True, text=True, cwd=ROOT, env=_env(), timeout=300, check=True)
    measured = json.loads(out.stdout.strip().splitlines()[-1])
    if measured["rc"] != 0:
        print(f"  analyze exited {measured['rc']}: {measured['stderr']}", file=sys.stderr)
        return NA  # a process that stopped early says nothing about the peak
    return round(measured["maxrss"] / 1_048_576, 1)


_BATCH_SCRIPT = """
import json, sys, time
from analyzer.batch import batch_analyze
start = time.perf_counter()
rows = batch_analyze(sys.argv[1], sys.argv[2], jobs=int(sys.argv[3]), as_of="2026-01")
elapsed = time.perf_counter() - start
print(json.dumps({"files": len(rows), "ok": sum(r.status == "ok" for r in rows), "seconds": elapsed}))
"""


def _devset_pdfs() -> list[Path]:
    return sorted((DEVSET / "pdfs").glob("*.pdf")) if (DEVSET / "pdfs").is_dir() else []


def _devset_folder() -> Path:
    return DEVSET / "pdfs"


def _label(path: Path) -> str:
    """A sample's file name; a dev-set file only by its id ("devset/a01"): no real person's name."""
    return path.name if path in SAMPLES else f"devset/{path.stem.split('_')[0]}"


def measure_batch(copies: int = 0, folder: Path | None = None) -> dict:
    """Resumes per second with 1 and 2 workers, each in a fresh interpreter (resource loading included):
    on ``copies`` copies of the samples, or on the PDFs of ``folder``."""
    result = {}
    with tempfile.TemporaryDirectory() as tmp:
        if folder is None:
            folder = Path(tmp) / "in"
            folder.mkdir()
            for copy in range(copies):
                for path in SAMPLES:
                    (folder / f"{path.stem}-{copy}.pdf").write_bytes(path.read_bytes())
        for jobs in (1, 2):
            out = subprocess.run([sys.executable, "-c", _BATCH_SCRIPT, str(folder), str(Path(tmp) / f"out{jobs}"), str(jobs)],
                                 capture_output=True, text=True, cwd=ROOT, env=_env(), timeout=900)
            if out.returncode != 0:
                result[f"jobs_{jobs}"] = {"error": out.stderr.strip()[-300:]}
                continue
            measured = json.loads(out.stdout.strip().splitlines()[-1])
            measured["resumes_per_second"] = round(measured["files"] / measured["seconds"], 2)
            measured["seconds"] = round(measured["seconds"], 2)
            result[f"jobs_{jobs}"] = measured
            print(f"batch ({folder.name}), {jobs} worker(s): {measured['resumes_per_second']} resumes/s "
                  f"({measured['files']} files)")
    return result


_BARE_SCRIPT = """
import sys, pdfplumber
with pdfplumber.open(sys.argv[1]) as pdf:
    words = sum(len(page.extract_words()) for page in pdf.pages)
"""


def _cli_command() -> list[str]:
    entry = shutil.which("resume-analyzer")
    return [entry] if entry else [sys.executable, "-m", "analyzer"]


def _wall(command: list[str], env: dict) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT, env=env, timeout=300)
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 2):  # 2: a file the reader refuses, which is an answer too
        raise RuntimeError(f"{command[-3:]} exited {done.returncode}: {done.stderr.decode()[-300:]}")
    return elapsed


def measure_cli(runs: int) -> dict:
    """Whole-process time of ``resume-analyzer analyze FILE --format json`` over a bare pdfplumber
    process on the same file, paired and interleaved (the order alternates), median per file; the
    disk cache is warm (one run with it empty is timed apart, on the first file)."""
    files = SAMPLES + _devset_pdfs()
    with tempfile.TemporaryDirectory() as tmp:
        env = {**_env(), "RESUME_ANALYZER_CACHE_DIR": str(Path(tmp) / "cache")}
        env.pop("RESUME_ANALYZER_NO_CACHE", None)
        analyze = _cli_command() + ["analyze"]
        cold = _wall(analyze + [str(files[0]), "--format", "json", "--as-of", AS_OF], env)
        rows = []
        for path in files:
            cli_times, bare_times = [], []
            for run in range(runs):
                pair = [("cli", analyze + [str(path), "--format", "json", "--as-of", AS_OF]),
                        ("bare", [sys.executable, "-c", _BARE_SCRIPT, str(path)])]
                for kind, command in (pair if run % 2 == 0 else pair[::-1]):
                    (cli_times if kind == "cli" else bare_times).append(_wall(command, env))
            ratios = [c / b for c, b in zip(cli_times, bare_times)]
            rows.append({"file": _label(path),
                         "cli_ms": _ms(cli_times), "bare_ms": _ms(bare_times),
                         "ratio": round(statistics.median(ratios), 2)})
            print(f"  cli {rows[-1]['file']:40} {rows[-1]['cli_ms']:7.0f} ms  bare {rows[-1]['bare_ms']:6.0f} ms  "
                  f"ratio {rows[-1]['ratio']:.2f}")
    return {"runs": runs, "cold_cache_ms": round(cold * 1000), "files": rows,
            "median_cli_ms": round(statistics.median(r["cli_ms"] for r in rows)),
            "median_bare_ms": round(statistics.median(r["bare_ms"] for r in rows)),
            "ratio_median": round(statistics.median(r["ratio"] for r in rows), 2),
            "ratio_median_samples": round(statistics.median(r["ratio"] for r in rows if "/" not in r["file"]), 2)}


def measure_fuzz(seconds: float) -> dict:
    sys.path.insert(0, str(ROOT / "tests"))
    try:
        fuzz = importlib.import_module("test_fuzz")
    except Exception as error:  # noqa: BLE001
        return {"error": f"{type(error).__name__}: {error}"}
    # The reader forks per input, so it gets half the budget; the text steps share the rest.
    shares = {"reader": 0.5, "dates": 0.25, "links": 0.25}
    runs = {target: fuzz.run_fuzz(target, seconds * share) for target, share in shares.items()}
    for target, run in runs.items():
        print(f"fuzz {target}: {run['inputs']} inputs, {run['failures']} failures")
    return {"seconds": seconds, "targets": runs,
            "inputs": sum(r["inputs"] for r in runs.values()), "failures": sum(r["failures"] for r in runs.values())}


# --- report ---------------------------------------------------------------------------------------

def summarise(results: dict) -> dict:
    files = results["files"]
    two_page = [f for f in files if f["pages"] >= 2] or files
    batch = results.get("batch", {})
    devset = results.get("batch_devset", {})
    cli = results.get("cli", {})
    return {
        "ratio_median_all": round(statistics.median(f["ratio"] for f in files), 2),
        "ratio_median_2_page": round(statistics.median(f["ratio"] for f in two_page), 2),
        "ratio_median_multi_page_samples": _median_or_na(
            f["ratio"] for f in two_page if "/" not in f["file"] and f["pages"] >= 2),
        "ratio_median_multi_page_devset": _median_or_na(f["ratio"] for f in two_page if "/" in f["file"]),
        "ratio_target": 1.2,
        "cli_ratio_median": cli.get("ratio_median", NA),
        "cli_ratio_median_samples": cli.get("ratio_median_samples", NA),
        "cli_median_ms": cli.get("median_cli_ms", NA),
        "cli_bare_median_ms": cli.get("median_bare_ms", NA),
        "cli_cold_cache_ms": cli.get("cold_cache_ms", NA),
        "cli_ratio_target": 5.0,
        "batch_devset_1_worker_per_s": devset.get("jobs_1", {}).get("resumes_per_second", NA),
        "batch_devset_2_workers_per_s": devset.get("jobs_2", {}).get("resumes_per_second", NA),
        "startup_s": round(results["startup"]["total_s"], 2),
        "startup_taxonomy_nlp_s": round(results["startup"]["taxonomy_nlp_total_s"], 2),
        "startup_target_s": 2.0,
        "peak_rss_mb": results["peak_rss_mb"],
        "peak_rss_target_mb": 300,
        "batch_1_worker_per_s": batch.get("jobs_1", {}).get("resumes_per_second", NA),
        "batch_2_workers_per_s": batch.get("jobs_2", {}).get("resumes_per_second", NA),
        "fuzz_inputs": results["fuzz"].get("inputs", NA),
        "fuzz_failures": results["fuzz"].get("failures", NA),
    }


def _median_or_na(values) -> float | str:
    values = list(values)
    return round(statistics.median(values), 2) if values else NA


def render(results: dict) -> str:
    files = results["files"]
    stages = list(STAGES) + sorted({s for f in files for s in f["stages_ms"]} - set(STAGES))
    header = ["file", "pages", "bare ms", "analyze ms", "ratio", "guard ms"] + stages
    rows = [[f["file"].removesuffix(".pdf")[:30], f["pages"], f["bare_extract_words_ms"], f["analyze_ms"], f["ratio"],
             f["guard_overhead_ms"]] + [f["stages_ms"].get(s, NA) for s in stages] for f in files]
    lines = [_table(header, rows)]
    lines.append("\nexports (ms, median per file):")
    lines.append(_table(["export", "ms"], [[k, v] for k, v in results["exports"].items()]))
    s = results["summary"]
    startup = results["startup"]
    lines.append("")
    lines.append(_table(["measure", "value", "target"], [
        ["analyze / bare extract_words (median, all)", f"{s['ratio_median_all']}x", ""],
        ["analyze / bare extract_words (median, multi-page)", f"{s['ratio_median_2_page']}x", "<= 1.2x"],
        ["  of which samples / dev set", f"{s['ratio_median_multi_page_samples']}x / "
                                          f"{s['ratio_median_multi_page_devset']}x", ""],
        ["CLI process / bare pdfplumber process (median, all files)",
         f"{s['cli_ratio_median']}x ({s['cli_median_ms']} / {s['cli_bare_median_ms']} ms)", "<= 5x"],
        ["CLI process / bare pdfplumber process (median, samples)", f"{s['cli_ratio_median_samples']}x", "<= 5x"],
        ["CLI process, disk cache empty (first file)", f"{s['cli_cold_cache_ms']} ms", ""],
        ["start-up: imports + taxonomy and spaCy pipeline",
         f"{startup['taxonomy_nlp_import_s']:.2f} + {startup['taxonomy_nlp_resources_s']:.2f} s", "< 2 s"],
        ["start-up: imports + all resources (+ bank; disk cache warm)",
         f"{startup['import_s']:.2f} + {startup['resources_s']:.2f} s", ""],
        ["peak RSS, one analyze process", f"{s['peak_rss_mb']} MB", "< 300 MB"],
        ["batch, 1 worker (samples)", f"{s['batch_1_worker_per_s']} resumes/s", ""],
        ["batch, 2 workers (samples)", f"{s['batch_2_workers_per_s']} resumes/s", ""],
        ["batch, 1 worker (devset)", f"{s['batch_devset_1_worker_per_s']} resumes/s", ""],
        ["batch, 2 workers (devset)", f"{s['batch_devset_2_workers_per_s']} resumes/s", ""],
        ["fuzz (reader, dates, links)", f"{s['fuzz_inputs']} inputs, {s['fuzz_failures']} failures", "0 failures"],
    ]))
    return "\n".join(lines)


def _table(header: list, rows: list[list]) -> str:
    cells = [[str(c) for c in header]] + [[str(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    out = []
    for n, row in enumerate(cells):
        out.append("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))))
        if n == 0:
            out.append("  ".join("-" * w for w in widths))
    return "\n".join(out)


if __name__ == "__main__":
    sys.exit(main())
