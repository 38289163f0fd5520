#!/usr/bin/env python3
"""Benchmarks of the data sources (run by `make bench` through Benchmarks/sources.sh):

- a 100,000-row Excel register read by `hamkor validate` (through its import profile) against
  openpyxl's read-only mode and python-calamine iterating the same sheet's rows;
- 100,000 projects loaded from PostgreSQL by `hamkor validate` (the server from
  scripts/with-postgres.sh; the rows are made in the database with generate_series).

Wall time is measured around each process; CPU time and peak RSS come from /usr/bin/time.
Figures are medians of BENCH_RUNS (3) interleaved runs. Writes a Markdown table to
Benchmarks/results/sources.md.

    python3 Benchmarks/sources.py --hamkor .build-bench/release/hamkor --rows 100000
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DATA = os.path.join(HERE, ".data")
SECTORS = ["Энергетика", "Химическая промышленность", "Текстильная промышленность", "Сельское хозяйство",
           "Транспорт и логистика", "Цифровые технологии", "Energetika", "Energy"]
STATUSES = ["Предложен", "Согласован", "В стадии реализации", "Завершен"]
PLACES = ["UZ-TK", "UZ-NW", "UZ-BU", "UZ-SA", "AZ-BA", "AZ-SM"]

PROFILE = """records: projects
sheet: Реестр
header: {row: 3, rows: 2}
columns:
  id: Код проекта
  name.en: Наименование / на английском
  name.ru: на русском
  sector: Отрасль
  places: Регион
  partners: Страны
  value: {header: "Стоимость, тыс. долл. США", unit: тыс. долл. США}
  status: Статус
  startYear: Начало
  endYear: Окончание
end: Итого
"""


def register(rows):
    """A Russian-headed register of `rows` projects (cached): merged two-row header, numbers
    and text amounts, dates, a totals row. Written with openpyxl's write-only mode."""
    path = os.path.join(DATA, f"register-{rows}.xlsx")
    with open(os.path.join(DATA, f"register-{rows}.profile.yaml"), "w", encoding="utf-8") as f:
        f.write(PROFILE)
    if os.path.exists(path):
        return path
    import datetime
    import openpyxl
    from openpyxl.cell import WriteOnlyCell
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Реестр")
    ws.append(["Реестр совместных проектов (синтетический, для замеров)"])
    ws.append([])
    ws.append(["№", "Код проекта", "Наименование", None, "Отрасль", "Регион", "Страны", "Стоимость, тыс. долл. США",
               "Статус", "Начало", "Окончание"])
    ws.append([None, None, "на английском", "на русском"])
    for i in range(1, rows + 1):
        date = WriteOnlyCell(ws, value=datetime.date(2020 + i % 6, 1 + i % 12, 1 + i % 28))
        date.number_format = "dd.mm.yyyy"
        amount = (i * 7919) % 5_000_000 / 4
        ws.append([i, f"prj-{i:07d}", f"Project {i} in region {i % 97}", f"Проект {i} в регионе {i % 97}",
                   SECTORS[i % len(SECTORS)], PLACES[i % len(PLACES)], "Узбекистан, Азербайджан",
                   amount if i % 10 else f"{amount:,.2f}".replace(",", " ").replace(".", ","),
                   STATUSES[i % len(STATUSES)], date, 2027 + i % 5])
    ws.append([None, "Итого"])
    wb.save(path)
    return path


def places():
    path = os.path.join(DATA, "sources-places.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write("places:\n")
        for code in PLACES:
            f.write(f"  - {{code: {code}, country: {code[:2]}, kind: region, name: {{en: {code}}}}}\n")
    return path


OPENPYXL = """
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True, data_only=True)
count = 0
for row in wb["Реестр"].iter_rows(values_only=True):
    count += 1
print(count, file=sys.stderr)
"""

CALAMINE = """
import sys
from python_calamine import CalamineWorkbook
wb = CalamineWorkbook.from_path(sys.argv[1])
count = 0
for row in wb.get_sheet_by_name("Реестр").iter_rows():
    count += 1
print(count, file=sys.stderr)
"""


def run_once(command, env=None):
    with tempfile.NamedTemporaryFile("r") as timing, tempfile.NamedTemporaryFile("w+") as errors:
        start = time.perf_counter()
        process = subprocess.run(["/usr/bin/time", "-f", "%U %S %M", "-o", timing.name] + command, env=env,
                                 stdout=subprocess.DEVNULL, stderr=errors)
        wall = time.perf_counter() - start
        errors.seek(0)
        if process.returncode != 0:
            sys.exit(f"failed ({process.returncode}): {' '.join(command)}\n{errors.read()[-2000:]}")
        user, system, rss = timing.read().split()[-3:]
    return {"wall": wall, "cpu": float(user) + float(system), "rss": int(rss) / 1024}


def measure(commands, runs, env=None):
    samples = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            samples[name].append(run_once(command, env))
    return {name: {key: statistics.median(s[key] for s in runs_) for key in ("wall", "cpu", "rss")}
            for name, runs_ in samples.items()}


def postgres_rows(rows):
    """Fills a table of `rows` projects in the test server (psql as its admin over the socket)."""
    places = "ARRAY[" + ",".join(f"'{p}'" for p in PLACES) + "]"
    sql = f"""
    SET client_min_messages = warning;
    DROP TABLE IF EXISTS bench_projects;
    CREATE TABLE bench_projects AS
      SELECT 'prj-' || lpad(g::text, 7, '0') AS id, 'Project ' || g AS name_en, 'Проект ' || g AS name_ru,
             (ARRAY['energy','chemicals','textiles','agriculture','transport','digital'])[1 + g % 6] AS sector,
             ARRAY[({places})[1 + g % {len(PLACES)}]] AS places, ARRAY['UZ','AZ'] AS partners,
             ((g * 7919) % 5000000 / 4.0)::numeric(20, 2) AS value, 'USD'::text AS currency,
             (ARRAY['proposed','agreed','under-implementation','completed'])[1 + g % 4] AS status,
             2020 + g % 6 AS start_year, 2027 + g % 5 AS end_year
      FROM generate_series(1, {rows}) AS g;
    GRANT SELECT ON bench_projects TO hamkor_reader;
    """
    bin_dir = sorted(d for d in os.listdir("/usr/lib/postgresql"))[-1]
    psql = [f"/usr/lib/postgresql/{bin_dir}/bin/psql", "-X", "-q", "-h", os.environ["HAMKOR_TEST_PG_ADMIN_SOCKET"], "-p",
            os.environ["HAMKOR_TEST_PG_PORT"], "-U", "hamkor_admin", "-d", "hamkor", "-v", "ON_ERROR_STOP=1", "-c", sql]
    if os.getuid() == 0:
        psql = ["runuser", "-u", "postgres", "--"] + psql
    subprocess.run(psql, check=True, stdout=subprocess.DEVNULL)
    path = os.path.join(DATA, "bench.source.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"""postgresql:
  host: 127.0.0.1
  port: {os.environ['HAMKOR_TEST_PG_PORT']}
  database: hamkor
  user: hamkor_reader
  password: {{env: HAMKOR_TEST_PG_PASSWORD}}
  tls: disable
projects:
  table: bench_projects
""")
    return path


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--hamkor", required=True)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "3")))
    parser.add_argument("--results", default=os.path.join(HERE, "results", "sources.md"))
    args = parser.parse_args()
    os.makedirs(DATA, exist_ok=True)
    table = ["| source | rows | reader | wall s | CPU s | peak RSS MiB |", "|---|---|---|---|---|---|"]

    workbook = register(args.rows)
    size = os.path.getsize(workbook) / 1_048_576
    print(f"== register: {args.rows} rows, {size:.1f} MiB", file=sys.stderr)
    results = measure({
        "hamkor validate (profile, all rules)": [args.hamkor, "validate", "--data", workbook, "--data", places()],
        "openpyxl 3.1 read-only (rows only)": [sys.executable, "-c", OPENPYXL, workbook],
        "python-calamine (rows only)": [sys.executable, "-c", CALAMINE, workbook],
    }, args.runs)
    for name, r in results.items():
        table.append(f"| .xlsx register ({size:.1f} MiB) | {args.rows:,} | {name} | {r['wall']:.2f} | {r['cpu']:.2f} | {r['rss']:.0f} |")

    if "HAMKOR_TEST_PG_PORT" in os.environ:
        source = postgres_rows(args.rows)
        print(f"== PostgreSQL: {args.rows} projects", file=sys.stderr)
        results = measure({"hamkor validate": [args.hamkor, "validate", "--data", source, "--data", places()]}, args.runs)
        for name, r in results.items():
            table.append(f"| PostgreSQL table | {args.rows:,} | {name} | {r['wall']:.2f} | {r['cpu']:.2f} | {r['rss']:.0f} |")
    else:
        print("== PostgreSQL: skipped (run through scripts/with-postgres.sh)", file=sys.stderr)

    text = "\n".join(table) + "\n"
    print(text)
    with open(args.results, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()
