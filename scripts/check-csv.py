#!/usr/bin/env python3
"""An independent RFC 4180 check of CSV files (Python's csv module, strict): every file must
parse without error and every record must have the header's field count, with no empty
record. Usage: check-csv.py FILE... ; prints one line per problem and exits 1 if any."""
import csv
import sys

problems = 0
for path in sys.argv[1:]:
    with open(path, newline="", encoding="utf-8-sig") as handle:
        head = handle.read(4096)
        handle.seek(0)
        delimiter = ";" if head.split("\r\n", 1)[0].count(";") > head.split("\r\n", 1)[0].count(",") else ","
        try:
            rows = list(csv.reader(handle, delimiter=delimiter, strict=True))
        except csv.Error as error:
            print(f"{path}: {error}")
            problems += 1
            continue
    if not rows:
        print(f"{path}: no records")
        problems += 1
        continue
    width = len(rows[0])
    for number, row in enumerate(rows, start=1):
        if len(row) != width:
            print(f"{path}: record {number} has {len(row)} fields, the header has {width}")
            problems += 1
            break
print(f"checked {len(sys.argv) - 1} files, {problems} problems", file=sys.stderr)
sys.exit(1 if problems else 0)
