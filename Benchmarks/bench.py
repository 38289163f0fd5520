#!/usr/bin/env python3
"""Runs the Hamkor benchmarks and prints one Markdown table (see Benchmarks/README.md).

Called by Benchmarks/run.sh after the release build, the C baselines and the data exist:
    python3 Benchmarks/bench.py --hamkor PATH --bin Benchmarks/bin --data Benchmarks/.data
Environment: BENCH_RUNS (default 3), BENCH_SIZES (default "10000 100000 1000000"),
BENCH_LARGE_RUNS (runs of each Hamkor export command at 1,000,000 rows or more; default 3 — each
loads and aggregates for about a minute; validation and the C default-memory XLSX writer run once
there), BENCH_SETTLE_MIB (default 0, off: see `settle_memory`), BENCH_PEERS (default 1: the peer
rows, polars, DuckDB and pandas doing the portfolio report's tables; 0: off), BENCH_PEER_TASKS (default
"csv aggregate xlsx": which peer tasks run), BENCH_ONLY ("pdf": only the PDF rows; "peers": only the peer
rows), BENCH_SCALE (default 10000000; 0: off: Hamkor's load + aggregate at that many projects against
the largest size's, from the peer rows), BENCH_SCALE_RUNS (default 1). Hamkor and its baselines run
in interleaved rounds.
"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BENCH_LINE = re.compile(r"^bench (\S+) (.*)$", re.M)
CONSTANT_MEMORY_THRESHOLD = 50_000  # XLSXConfiguration.constantMemoryRowThreshold
SETTLE_FROM_ROWS = 1_000_000  # sizes whose runs start after `settle_memory`


def settle_memory(mib):
    """Runs a throwaway process that writes `mib` MiB of memory and exits, so that the next
    measured run may find that much memory the host has already backed (an experiment, off by
    default).

    This machine hands free memory back to its host (free page reporting), and the first write to
    such a page costs microseconds: Hamkor's export spent 0.88 s copying its worksheet file into
    page cache in one run and 0.04 s in another. Settling was meant to give every run the same
    start, but the kernel reports freed memory at once (`min_free_ms=0`), and in session 5 it did
    not make runs reliably warm: Hamkor's ratio per round was 1.02–1.06 in half of the settled
    rounds and 1.20–1.30 in the other half; three unsettled rounds gave 1.13, 1.18 and 1.32 (see
    Benchmarks/README.md, fifth round)."""
    if mib > 0:
        subprocess.run([sys.executable, "-c", f"b'\\x01' * ({mib} << 20)"], check=True)


def run_once(command, env=None, settle_mib=0):
    """Runs a command, after `settle_memory(settle_mib)`; returns its wall and CPU seconds, its
    peak RSS (KiB) and the fields of the `bench ...` line it printed on stderr, if any.

    The peak RSS comes from /usr/bin/time: a child forked from this Python process would report
    at least Python's own RSS (Linux keeps the high-water mark across exec)."""
    settle_memory(settle_mib)
    with tempfile.NamedTemporaryFile("w+") as errors, tempfile.NamedTemporaryFile("r") as timing:
        start = time.perf_counter()
        process = subprocess.Popen(["/usr/bin/time", "-f", "%U %S %M", "-o", timing.name] + command, env=env,
                                   stdout=subprocess.DEVNULL, stderr=errors)
        process.wait()
        wall = time.perf_counter() - start
        errors.seek(0)
        stderr = errors.read()
        figures = timing.read().split()
    if process.returncode != 0:
        sys.exit(f"benchmark command failed ({process.returncode}): {' '.join(command)}\n{stderr[-2000:]}")
    user, system, rss = figures[-3:]
    fields = {}
    match = BENCH_LINE.search(stderr)
    if match:
        for pair in match.group(2).split():
            key, value = pair.split("=")
            fields[key] = float(value)
    return {"wall": wall, "cpu": float(user) + float(system), "rss": int(rss), **fields}


def measure(command, runs, env=None, cleanup=None, settle_mib=0):
    samples = []
    for _ in range(runs):
        samples.append(run_once(command, env, settle_mib))
        if cleanup:
            cleanup()
    keys = set.intersection(*(set(s) for s in samples))
    result = {key: statistics.median(s[key] for s in samples) for key in keys}
    result["runs"] = runs
    return result


def measure_together(commands, settle_mib=0):
    """Measures several commands in interleaved rounds (each command once per round), so that a
    slow spell of a shared virtual machine falls on all of them alike rather than on whichever
    ran then. `commands` maps a name to (command, env, runs); returns name -> median figures."""
    samples = {name: [] for name in commands}
    for round_ in range(max(spec[2] for spec in commands.values())):
        for name, (command, env, count) in commands.items():
            if round_ < count:
                samples[name].append(run_once(command, env, settle_mib))
    results = {}
    for name, runs_ in samples.items():
        keys = set.intersection(*(set(s) for s in runs_))
        results[name] = {key: statistics.median(s[key] for s in runs_) for key in keys}
        results[name]["runs"] = len(runs_)
        results[name]["rounds"] = [s.get("export", s["wall"]) for s in runs_]
    return results


def rounds_note(n, hamkor, baseline, name):
    """One line with each round's export seconds of Hamkor and a baseline, and their ratio per
    round: the spread behind the medians (rounds run back to back, so each ratio pairs two runs
    made minutes apart at most)."""
    pairs = list(zip(hamkor["rounds"], baseline["rounds"]))
    ratios = [h / b for h, b in pairs]
    return (f"- {n:,} rows, XLSX, export seconds round by round — Hamkor: "
            + ", ".join(f"{h:.2f}" for h, _ in pairs) + f"; {name}: " + ", ".join(f"{b:.2f}" for _, b in pairs)
            + "; ratio per round: " + ", ".join(f"{r:.2f}×" for r in ratios)
            + f" (median {statistics.median(ratios):.2f}×).")


PEER_TOOLS = ("polars", "duckdb", "pandas")
PEER_TABLES = ("by-sector", "by-status", "by-region", "projects")


def available_peers():
    """The peer tools importable here (`Benchmarks/packages.sh` installs them from PyPI)."""
    found = []
    for tool in PEER_TOOLS:
        if subprocess.run([sys.executable, "-c", f"import {tool}"], capture_output=True).returncode == 0:
            found.append(tool)
    return found


def check_peer_tables(hamkor_dir, peer_dir, tool):
    """Stops the benchmark unless a peer wrote the very tables Hamkor wrote (Hamkor's data dialect
    adds a `Total` row, which the peers do not compute): same work, or no comparison."""
    for name in PEER_TABLES:
        with open(os.path.join(hamkor_dir, f"p.{name}.csv"), encoding="utf-8") as f:
            ours = [line for line in f if not line.startswith("Total,")]
        with open(os.path.join(peer_dir, f"p.{name}.csv"), encoding="utf-8") as f:
            theirs = f.readlines()
        if ours != theirs:
            sys.exit(f"benchmark: {tool}'s {name} table differs from Hamkor's; not comparing different work")


def peer_rows(table, n, hamkor, data, work, runs, peers, log):
    """The portfolio report's tables by Hamkor and by polars, DuckDB and pandas (Benchmarks/py/peers.py),
    whole processes in interleaved rounds: CSV tables out, load + aggregate, XLSX workbook out."""
    script = os.path.join(os.path.dirname(__file__), "py", "peers.py")
    report = [hamkor, "report", "portfolio", "--data", data, "--lang", "en"]
    tasks = {
        "csv": ("CSV tables out", report + ["--format", "csv", "--csv-dialect", "data", "--output",
                                            os.path.join(work, "hamkor-tables", "p.csv")]),
        "aggregate": ("load + aggregate", report + ["--format", "csv", "--csv-dialect", "data", "--table",
                                                    "by-sector", "--output", os.path.join(work, "hamkor-agg.csv")]),
        "xlsx": ("XLSX workbook out", report + ["--format", "xlsx", "--output", os.path.join(work, "hamkor-p.xlsx")]),
    }
    os.makedirs(os.path.join(work, "hamkor-tables"), exist_ok=True)
    chosen = os.environ.get("BENCH_PEER_TASKS", "csv aggregate xlsx").split()
    measured = {}
    for task, (title, ours) in tasks.items():
        if task not in chosen:
            continue
        log(f"[{n:,}] peers: {title}")
        commands = {"hamkor": (ours, None, runs)}
        for tool in peers:
            if task == "xlsx" and tool == "duckdb":
                continue
            commands[tool] = ([sys.executable, script, tool, task, data, os.path.join(work, f"peer-{tool}")], None, runs)
        results = measure_together(commands)
        if task == "csv":
            for tool in commands:
                if tool != "hamkor":
                    check_peer_tables(os.path.join(work, "hamkor-tables"), os.path.join(work, f"peer-{tool}"), tool)
        ours_m = results.pop("hamkor")
        measured[task] = ours_m
        for tool, m in results.items():
            ratio = m["wall"] / ours_m["wall"]
            target, met = "", None
            if n >= 1_000_000 and tool == "polars" and task in ("csv", "aggregate"):
                target, met = "time ≤ polars", ratio >= 1
            if n >= 1_000_000 and tool == "pandas" and task == "xlsx":
                target, met = "time ≤ pandas + XlsxWriter / 3", ratio >= 3
            table.add(f"{title} — Hamkor, whole process", n, ours_m, step_wall=ours_m["wall"], step_cpu=ours_m["cpu"],
                      baseline=tool, ratio=ratio, target=target, met=met)
        if task == "aggregate" and n >= 1_000_000:
            table.add(f"{title} — Hamkor: peak memory", n, ours_m, step_wall=ours_m["wall"], step_cpu=ours_m["cpu"],
                      target="peak RSS ≤ 400 MiB", met=mib(ours_m["rss"]) <= 400)
        for tool, m in results.items():
            table.add(f"{title} — {tool} (peer)", n, m, step_wall=m["wall"], step_cpu=m["cpu"])
    return measured


def scale_rows(table, n, base_n, base, hamkor, data, work, runs, log):
    """Hamkor's load + aggregate at `n` projects (the scale row: 10,000,000 in 100 files) against
    the same task at `base_n` measured in this run: time and peak memory should grow linearly,
    at most 1.1× the size ratio each."""
    log(f"[{n:,}] scale: load + aggregate")
    command = [hamkor, "report", "portfolio", "--data", data, "--lang", "en", "--format", "csv", "--csv-dialect", "data",
               "--table", "by-sector", "--output", os.path.join(work, "hamkor-scale.csv")]
    m = measure(command, runs)
    limit = 1.1 * n / base_n
    time_ratio, memory_ratio = m["wall"] / base["wall"], m["rss"] / base["rss"]
    table.add("load + aggregate — Hamkor, whole process: time", n, m, step_wall=m["wall"], step_cpu=m["cpu"],
              baseline=f"Hamkor at {base_n:,}", ratio=time_ratio, target=f"≤ {limit:g}× the time", met=time_ratio <= limit)
    table.add("load + aggregate — Hamkor, whole process: peak memory", n, m, step_wall=m["wall"], step_cpu=m["cpu"],
              baseline=f"Hamkor at {base_n:,}", ratio=memory_ratio, target=f"≤ {limit:g}× the memory",
              met=memory_ratio <= limit)


PDF_ROWS = 10_000


def pdf_page_count(path):
    output = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", output, re.M).group(1))


def pdf_rows(table, n, hamkor, data, work, runs, env_timings, log):
    """The portfolio report (every table; the project list spans hundreds of pages) to PDF:
    Hamkor's PDF exporter against the route a user has without it, Hamkor's XLSX of the same
    report converted by LibreOffice (`soffice --headless --convert-to pdf`). LibreOffice runs
    with a profile of its own in the work folder, warmed by one conversion first."""
    soffice = shutil.which("soffice")
    report = [hamkor, "report", "portfolio", "--data", data, "--lang", "en"]
    pdf = os.path.join(work, "hamkor-portfolio.pdf")
    xlsx = os.path.join(work, "hamkor-portfolio.xlsx")
    log(f"[{n:,}] PDF of the portfolio report: Hamkor, and LibreOffice converting Hamkor's XLSX")
    commands = {"pdf": (report + ["--format", "pdf", "--output", pdf], env_timings, runs),
                "xlsx": (report + ["--format", "xlsx", "--output", xlsx], env_timings, runs)}
    results = measure_together(commands)
    h_pdf, h_xlsx = results["pdf"], results["xlsx"]
    pages = pdf_page_count(pdf)
    table.add(f"PDF export — Hamkor, portfolio report ({pages:,} A4 pages)", n, h_pdf, mbytes=os.path.getsize(pdf))
    if not soffice:
        log("soffice not found: LibreOffice row skipped")
        return
    lo_out = os.path.join(work, "lo")
    profile = "file://" + os.path.join(work, "lo-profile")
    convert = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", lo_out, xlsx]
    run_once(convert)  # creates the profile
    lo = measure(convert, runs)
    lo_pdf = os.path.join(lo_out, "hamkor-portfolio.pdf")
    lo_pages = pdf_page_count(lo_pdf)
    route = h_xlsx["wall"] + lo["wall"]
    table.add(f"PDF — LibreOffice converting Hamkor's XLSX ({lo_pages:,} pages; baseline)", n, lo,
              step_wall=lo["wall"], step_cpu=lo["cpu"], mbytes=os.path.getsize(lo_pdf))
    table.add("PDF — Hamkor's PDF process vs XLSX process + LibreOffice (the route without it)", n, h_pdf,
              step_wall=h_pdf["wall"], step_cpu=h_pdf["cpu"], baseline="XLSX + soffice", ratio=route / h_pdf["wall"])


def folder_bytes(path):
    if os.path.isfile(path):
        return os.path.getsize(path)
    return sum(os.path.getsize(os.path.join(root, name)) for root, _, names in os.walk(path) for name in names)


def mib(kib):
    return kib / 1024


class Table:
    HEADER = ("| Benchmark | Rows | Runs | Step wall s | Step CPU s | Process wall s | Peak RSS MiB "
              "| Export adds MiB | Rows/s | MB/s | Baseline | Ratio | Target | Met |")

    def __init__(self):
        self.lines = [self.HEADER, "|" + "---|" * 14]
        self.verdicts = []

    def add(self, name, rows, m, step_wall=None, step_cpu=None, mbytes=None, baseline="—", ratio=None,
            target="", met=None, extra_rss=None):
        step_wall = m.get("export", m["wall"]) if step_wall is None else step_wall
        step_cpu = m.get("export_cpu", m["cpu"]) if step_cpu is None else step_cpu
        rps = f"{rows / step_wall:,.0f}" if rows and step_wall > 0 else "—"
        mbs = f"{mbytes / 1e6 / step_wall:,.1f}" if mbytes and step_wall > 0 else "—"
        if extra_rss is None and "rss_peak_kib" in m and "rss_loaded_kib" in m and m.get("export") is not None \
                and step_wall == m["export"]:
            extra_rss = mib(m["rss_peak_kib"] - m["rss_loaded_kib"])
        cells = [name, f"{rows:,}" if rows else "—", str(m["runs"]), f"{step_wall:.3f}", f"{step_cpu:.3f}",
                 f"{m['wall']:.3f}", f"{mib(m['rss']):.1f}", "—" if extra_rss is None else f"{extra_rss:.1f}",
                 rps, mbs, baseline, "—" if ratio is None else f"{ratio:.2f}×", target or "—",
                 "—" if met is None else ("yes" if met else "**no**")]
        self.lines.append("| " + " | ".join(cells) + " |")
        if met is not None:
            self.verdicts.append((name, rows, target, ratio, met))

    def markdown(self):
        return "\n".join(self.lines) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--hamkor", required=True)
    parser.add_argument("--bin", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--results", required=True)
    args = parser.parse_args()
    runs = int(os.environ.get("BENCH_RUNS", "3"))
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "10000 100000 1000000").split()]
    large_runs = int(os.environ.get("BENCH_LARGE_RUNS", "3"))
    settle_mib = int(os.environ.get("BENCH_SETTLE_MIB", "0"))
    peers = available_peers() if os.environ.get("BENCH_PEERS", "1") != "0" else []
    only = os.environ.get("BENCH_ONLY", "")  # "pdf": just the PDF rows; "peers": just the peer rows
    hamkor = os.path.abspath(args.hamkor)
    python = shutil.which("python3")
    work = tempfile.mkdtemp(prefix="hamkor-bench-", dir=os.environ.get("BENCH_TMPDIR"))
    env_timings = dict(os.environ, HAMKOR_TIMINGS="1")
    table = Table()
    notes = []
    aggregates = {}  # projects -> Hamkor's load + aggregate figures (peer rows), for the scale row

    def log(message):
        print(message, file=sys.stderr, flush=True)

    try:
        for n in sizes:
            h_runs = large_runs if n >= 1_000_000 else runs
            settle = settle_mib if n >= SETTLE_FROM_ROWS else 0
            data = os.path.join(args.data, f"projects-{n}")
            tsv = os.path.join(args.data, f"baseline-{n}.tsv")
            in_bytes = folder_bytes(data)
            out = lambda name: os.path.join(work, name)
            if n == PDF_ROWS and os.environ.get("BENCH_PDF", "1") != "0":
                pdf_rows(table, n, hamkor, data, work, runs, env_timings, log)
            if only == "pdf":
                continue
            if only == "peers":
                if peers:
                    aggregates[n] = peer_rows(table, n, hamkor, data, work, h_runs, peers, log).get("aggregate")
                continue

            log(f"[{n:,}] load + validate")
            validate = measure([hamkor, "validate", "--data", data], 1 if n >= 1_000_000 else runs, settle_mib=settle)
            table.add("load + validate (`hamkor validate`)", n, validate, step_wall=validate["wall"],
                      step_cpu=validate["cpu"], mbytes=in_bytes)

            log(f"[{n:,}] CSV export of the project table: Hamkor, C, Python")
            report = [hamkor, "report", "portfolio", "--data", data, "--lang", "en", "--table", "projects"]
            csv_commands = {
                "hamkor": (report + ["--format", "csv", "--output", out("hamkor.csv")], env_timings, h_runs),
                "c": ([os.path.join(args.bin, "csv_baseline"), tsv, out("c.csv")], None, max(runs, h_runs)),
            }
            if python:
                csv_commands["py"] = ([python, os.path.join(os.path.dirname(__file__), "py", "csv_baseline.py"), tsv,
                                       out("py.csv")], None, max(runs, h_runs))
            csv_results = measure_together(csv_commands, settle)
            h_csv, c_csv, py_csv = csv_results["hamkor"], csv_results["c"], csv_results.get("py")
            csv_bytes = os.path.getsize(out("hamkor.csv"))
            table.add("load + validate + aggregate (portfolio report, before export)", n, h_csv,
                      step_wall=h_csv["load"] + h_csv["build"], step_cpu=None or h_csv["cpu"] - h_csv["export_cpu"],
                      mbytes=in_bytes, extra_rss=None)
            ratio_c = c_csv["export"] / h_csv["export"]
            table.add("CSV export — Hamkor", n, h_csv, mbytes=csv_bytes, baseline="C loop", ratio=ratio_c,
                      target="throughput ≥ 0.6× C", met=ratio_c >= 0.6)
            if py_csv:
                ratio_py = py_csv["export"] / h_csv["export"]
                table.add("CSV export — Hamkor", n, h_csv, mbytes=csv_bytes, baseline="Python csv", ratio=ratio_py,
                          target="throughput ≥ 4× Python", met=ratio_py >= 4)
            table.add("CSV export — C loop (baseline)", n, c_csv, mbytes=os.path.getsize(out("c.csv")))
            if py_csv:
                table.add("CSV export — Python csv (baseline)", n, py_csv, mbytes=os.path.getsize(out("py.csv")))

            log(f"[{n:,}] XLSX export of the project table: Hamkor and C (libxlsxwriter)")
            mode = "constant" if n > CONSTANT_MEMORY_THRESHOLD else "default"
            xlsx_commands = {"hamkor": (report + ["--format", "xlsx", "--output", out("hamkor.xlsx")], env_timings, h_runs)}
            # The C cells writer once more, holding as much memory as Hamkor's dataset and document
            # (from the CSV runs) in small objects, as a loaded program does: same work, same process
            # size and a like memory state (fifth and sixth rounds in Benchmarks/README.md).
            hold_mib = int(mib(h_csv["rss_loaded_kib"] - c_csv["rss_loaded_kib"]))
            if mode == "constant" and hold_mib > 0:
                xlsx_commands["cells", "constant", "held"] = (
                    [os.path.join(args.bin, "xlsx_baseline"), tsv, out("c-cells-constant-held.xlsx"), "constant", "cells",
                     work], dict(os.environ, BASELINE_HOLD_MIB=str(hold_mib)), max(runs, h_runs))
            for layout in ("cells", "full"):
                for memory in ("constant", "default"):
                    if n >= 1_000_000 and memory == "default" and layout == "full":
                        continue
                    # At 1,000,000 rows a default-memory C run takes half a minute and is no target's baseline.
                    count = 1 if n >= 1_000_000 and memory == "default" else max(runs, h_runs)
                    xlsx_commands[layout, memory] = ([os.path.join(args.bin, "xlsx_baseline"), tsv,
                                                      out(f"c-{layout}-{memory}.xlsx"), memory, layout, work], None, count)
            xlsx_results = measure_together(xlsx_commands, settle)
            h_xlsx = xlsx_results.pop("hamkor")
            xlsx_bytes = os.path.getsize(out("hamkor.xlsx"))
            c = xlsx_results
            held = c.pop(("cells", "constant", "held"), None)
            for (layout, memory), m in c.items():
                m["bytes"] = os.path.getsize(out(f"c-{layout}-{memory}.xlsx"))
            full_ratio = h_xlsx["export"] / c["full", mode]["export"]
            cells_ratio = h_xlsx["export"] / c["cells", mode]["export"]
            name = f"XLSX export — Hamkor ({mode} memory)"
            if n == 100_000:
                table.add(name, n, h_xlsx, mbytes=xlsx_bytes, baseline=f"C full layout, {mode}", ratio=full_ratio,
                          target="time ≤ 1.25× C", met=full_ratio <= 1.25)
            else:
                table.add(name, n, h_xlsx, mbytes=xlsx_bytes, baseline=f"C full layout, {mode}", ratio=full_ratio)
            if n >= 1_000_000:
                table.add(name, n, h_xlsx, mbytes=xlsx_bytes, baseline=f"C cells, {mode}", ratio=cells_ratio,
                          target="time ≤ 1.15× C", met=cells_ratio <= 1.15)
                extra = mib(h_xlsx["rss_peak_kib"] - h_xlsx["rss_loaded_kib"])
                table.add(name + ": memory the export adds", n, h_xlsx, mbytes=xlsx_bytes,
                          target="≤ 40 MiB", met=extra <= 40)
            else:
                table.add(name, n, h_xlsx, mbytes=xlsx_bytes, baseline=f"C cells, {mode}", ratio=cells_ratio)
            if n >= 1_000_000:
                notes.append(rounds_note(n, h_xlsx, c["cells", mode], f"C cells, {mode}"))
                if held:
                    notes.append(rounds_note(n, h_xlsx, held, f"C cells, {mode}, same process size"))
            if held:
                table.add(name, n, h_xlsx, mbytes=xlsx_bytes, baseline="C cells, constant, same process size",
                          ratio=h_xlsx["export"] / held["export"])
            for (layout, memory), m in c.items():
                table.add(f"XLSX export — C libxlsxwriter, {layout}, {memory} memory (baseline)", n, m,
                          mbytes=m["bytes"])
            if held:
                table.add(f"XLSX export — C libxlsxwriter, cells, constant memory, holding {hold_mib:,} MiB "
                          "in small objects (Hamkor's loaded size)", n, held, mbytes=os.path.getsize(out("c-cells-constant-held.xlsx")))
            if peers:
                aggregates[n] = peer_rows(table, n, hamkor, data, work, h_runs, peers, log).get("aggregate")
            for name_ in os.listdir(work):
                path_ = os.path.join(work, name_)
                shutil.rmtree(path_) if os.path.isdir(path_) else os.remove(path_)

        scale = int(os.environ.get("BENCH_SCALE", "10000000") or 0)
        base_n = max((k for k, v in aggregates.items() if v), default=0)
        if scale and base_n and only != "pdf":
            scale_rows(table, scale, base_n, aggregates[base_n], hamkor, os.path.join(args.data, f"projects-{scale}"), work,
                       int(os.environ.get("BENCH_SCALE_RUNS", "1")), log)

        if only not in ("pdf", "peers"):
            log("full sample batch")
            batch_out = os.path.join(work, "batch")
            batch = measure([hamkor, "batch", "Reports/jobs.yaml", "--out", batch_out, "--quiet"], runs,
                            cleanup=lambda: shutil.rmtree(batch_out, ignore_errors=True))
            table.add("full sample batch (`hamkor batch Reports/jobs.yaml`, 60 outputs)", 0, batch,
                      target="wall < 1 s", met=batch["wall"] < 1.0)

            log("cold start")
            version = measure([hamkor, "--version"], max(10, runs))
            table.add("start-up (`hamkor --version`)", 0, version, target="wall < 50 ms", met=version["wall"] < 0.05)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    markdown = table.markdown()
    if notes:
        markdown += "\n" + "\n".join(notes) + "\n"
    print(markdown)
    os.makedirs(os.path.dirname(args.results), exist_ok=True)
    with open(args.results, "w", encoding="utf-8") as f:
        f.write(markdown)
    missed = [v for v in table.verdicts if not v[4]]
    print(f"targets: {len(table.verdicts) - len(missed)} met, {len(missed)} missed", file=sys.stderr)


if __name__ == "__main__":
    main()
