#!/usr/bin/env python3
"""Scale-out benchmark for `make bench`: one batch of many units run by 1, 2 and 4 local
indexed workers on one output folder, as a Kubernetes Indexed Job runs them.

Each worker is `hamkor batch JOB --out OUT --shard auto --jobs 1` with JOB_COMPLETION_INDEX
set and HAMKOR_SHARDS = the number of workers; all start together and the wall time runs from
the first start to the last exit. Then `hamkor manifest merge OUT` and `hamkor manifest verify
OUT` are timed. Prints one Markdown table.

The job is the bundled sample's 4 reports x 5 languages x 3 formats (csv, xlsx, txt) per job,
repeated over as many jobs as it takes to reach --units (jobs stand in for parameter values).

    python3 Benchmarks/scaleout.py --hamkor .build-bench/release/hamkor --units 600 --workers "1 2 4"
"""
import argparse
import os
import shutil
import subprocess
import tempfile
import time

REPORTS = ["portfolio", "agreements", "twin-cities", "briefing"]
LANGUAGES = ["en", "uz", "uz-Cyrl", "az", "ru"]
FORMATS = ["csv", "xlsx", "txt"]


def job_file(path, units):
    per_job = len(REPORTS) * len(LANGUAGES) * len(FORMATS)
    jobs = max(1, -(-units // per_job))
    with open(path, "w", encoding="utf-8") as out:
        out.write('output: "{job}/{report}.{lang}.{format}"\njobs:\n')
        for index in range(jobs):
            out.write(f"  - name: part-{index:04d}\n    reports: [{', '.join(REPORTS)}]\n"
                      f"    languages: [{', '.join(LANGUAGES)}]\n    formats: [{', '.join(FORMATS)}]\n")
    return jobs * per_job


def timed(command, env=None):
    start = time.monotonic()
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {result.returncode}: {result.stderr[-2000:]}")
    return time.monotonic() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--hamkor", required=True)
    parser.add_argument("--units", type=int, default=10000)
    parser.add_argument("--workers", default="1 2 4")
    parser.add_argument("--tmp", default=None)
    args = parser.parse_args()
    hamkor = os.path.abspath(args.hamkor)
    work = tempfile.mkdtemp(prefix="hamkor-scaleout-", dir=args.tmp)
    try:
        job = os.path.join(work, "jobs.yaml")
        units = job_file(job, args.units)
        rows = []
        base_rate = None
        for workers in [int(w) for w in args.workers.split()]:
            out = os.path.join(work, f"out-{workers}")
            env = dict(os.environ, SOURCE_DATE_EPOCH="1724400000", HAMKOR_SHARDS=str(workers))
            start = time.monotonic()
            processes = [subprocess.Popen([hamkor, "batch", job, "--out", out, "--shard", "auto", "--jobs", "1", "--quiet"],
                                          env=dict(env, JOB_COMPLETION_INDEX=str(index)),
                                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
                         for index in range(workers)]
            for process in processes:
                _, stderr = process.communicate()
                if process.returncode != 0:
                    raise SystemExit(f"worker exited {process.returncode}: {stderr[-2000:]}")
            wall = time.monotonic() - start
            merge = timed([hamkor, "manifest", "merge", out, "--quiet"])
            verify = timed([hamkor, "manifest", "verify", out, "--quiet"])
            rate = units / wall
            base_rate = base_rate or rate
            rows.append(f"| {units:,} | {workers} | {wall:.2f} | {rate:,.0f} | {rate / base_rate:.2f}× | {merge:.2f} | {verify:.2f} |")
            shutil.rmtree(out, ignore_errors=True)
        print()
        print(f"Scale-out: one batch of {units:,} units (jobs × {len(REPORTS)} reports × {len(LANGUAGES)} languages × "
              f"{len(FORMATS)} formats, sample data) on N local indexed workers sharing one folder "
              f"(`--shard auto --jobs 1` each, {os.cpu_count()} cores), then `manifest merge` and `manifest verify`.")
        print()
        print("| Units | Workers | Wall s | Units/s | Scaling | Merge s | Verify s |")
        print("|---|---|---|---|---|---|---|")
        print("\n".join(rows))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
