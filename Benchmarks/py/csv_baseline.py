#!/usr/bin/env python3
"""Python's csv module writing the same CSV as Benchmarks/c/csv_baseline.c (and Hamkor, en excel dialect).

    python3 csv_baseline.py IN.tsv OUT.csv
Prints the same `bench ...` line on stderr as the C baselines."""
import csv
import os
import resource
import sys
import time


def main():
    source, target = sys.argv[1], sys.argv[2]
    t0 = time.monotonic()
    with open(source, encoding="utf-8", newline="\n") as f:
        rows = [line.rstrip("\n").split("\t") for line in f]
    t1 = time.monotonic()
    c1 = time.process_time()
    rss_loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    temporary = target + ".tmp-baseline"
    total = 0
    with open(temporary, "w", encoding="utf-8", newline="") as out:
        out.write("\ufeff")
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(["ID", "Project", "Sector", "Status", "Region or city", "Start year", "Value (USD)"])
        for row in rows:
            total += int(row[6])
            writer.writerow([row[0], row[1], row[2], row[3], row[4], int(row[5]), int(row[6])])
        writer.writerow(["Total", "", "", "", "", "", total])
        out.write("\r\n")
        writer.writerow(["Figures marked illustrative are estimates; the record gives only totals."])
        out.flush()
        os.fsync(out.fileno())
    os.rename(temporary, target)
    folder = os.open(os.path.dirname(os.path.abspath(target)), os.O_RDONLY)
    os.fsync(folder)
    os.close(folder)
    t2 = time.monotonic()
    print(f"bench csv-python rows={len(rows)} load={t1 - t0:.4f} export={t2 - t1:.4f} "
          f"export_cpu={time.process_time() - c1:.4f} rss_loaded_kib={rss_loaded} "
          f"rss_peak_kib={resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", file=sys.stderr)


if __name__ == "__main__":
    main()
