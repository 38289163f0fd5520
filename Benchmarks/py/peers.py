#!/usr/bin/env python3
"""The portfolio report's tables computed by the tools an analyst would otherwise pick.

    python3 Benchmarks/py/peers.py TOOL TASK DATA_DIR OUT_DIR

TOOL is `pandas`, `polars` or `duckdb`; DATA_DIR a `Benchmarks/generate.py` folder
(`projects-*.csv`); TASK one of
  csv        the four tables of `hamkor report portfolio --format csv --csv-dialect data` written
             as CSV files into OUT_DIR: by-sector (projects, value, share), by-status (the same),
             by-region (a project under each of its `|`-separated places, top 10 by value, then `other`) and
             the project list (id, English name, sector, status, places, start year, value),
             sorted by value descending, ties by English name, then id (Hamkor's order: ties by the
             first text column; the generated names sort the same in English collation and in
             code-point order, which the run checks);
  aggregate  the same tables computed and held in memory, nothing written (load + aggregate);
  xlsx       the same tables as one workbook of four sheets (pandas and polars through
             XlsxWriter; DuckDB has no workbook writer).
Each tool is used as its documentation recommends for speed: polars through a lazy scan of all
files collected once, DuckDB through `read_csv` over a glob, pandas with the pyarrow CSV engine.
Values are integers in the generated data, so every sum is exact in int64 in all three tools.
"""
import glob
import os
import sys

TABLES = ("by-sector", "by-status", "by-region", "projects")


def files(data):
    found = sorted(glob.glob(os.path.join(data, "projects-*.csv")))
    if not found:
        sys.exit(f"peers.py: no projects-*.csv in {data}")
    return found


def run_polars(task, data, out):
    import polars as pl
    scan = pl.scan_csv(files(data), schema_overrides={"value": pl.Int64, "startYear": pl.Int32})
    scan = scan.select("id", "name.en", "sector", "status", "places", "startYear", "value")
    total = pl.col("value").sum()

    def grouped(key):
        return (scan.group_by(key).agg(pl.len().alias("projects"), total.alias("value"))
                .with_columns((pl.col("value") / pl.col("value").sum()).round(3).alias("share"))
                .sort(["value", key], descending=[True, False]))

    regions = (scan.select(pl.col("places").str.split("|").alias("region"), "value").explode("region")
               .group_by("region").agg(pl.len().alias("projects"), total.alias("value"))
               .sort(["value", "region"], descending=[True, False]))
    rest = regions.slice(10).select(pl.lit("other").alias("region"), pl.col("projects").sum().cast(pl.UInt32),
                                    pl.col("value").sum())
    region = pl.concat([regions.head(10), rest.filter(pl.col("projects") > 0)])
    projects = (scan.rename({"name.en": "name", "startYear": "start"})
                .select("id", "name", "sector", "status", "places", "start", "value")
                .sort(["value", "name", "id"], descending=[True, False, False]))
    frames = pl.collect_all([grouped("sector"), grouped("status"), region, projects])
    tables = dict(zip(TABLES, frames))
    for name in ("by-sector", "by-status"):
        tables[name] = tables[name].with_columns(
            pl.col("share").map_elements(lambda v: f"{v:.3f}", return_dtype=pl.String))
    if task == "csv":
        for name, frame in tables.items():
            frame.write_csv(os.path.join(out, f"p.{name}.csv"))
    elif task == "xlsx":
        import xlsxwriter
        with xlsxwriter.Workbook(os.path.join(out, "p.xlsx"), {"constant_memory": True}) as workbook:
            for name, frame in tables.items():
                frame.write_excel(workbook, worksheet=name, autofit=False)


def run_duckdb(task, data, out):
    import duckdb
    con = duckdb.connect()
    con.execute(f"""CREATE VIEW p AS SELECT id, "name.en" AS name, sector, status, places,
                    startYear AS start, CAST(value AS BIGINT) AS value
                    FROM read_csv({files(data)!r}, header = true)""")
    grouped = """SELECT {k}, count(*) AS projects, sum(value) AS value,
                 printf('%.3f', sum(value) / sum(sum(value)) OVER ()) AS share
                 FROM p GROUP BY {k} ORDER BY value DESC, {k}"""
    queries = {
        "by-sector": grouped.format(k="sector"),
        "by-status": grouped.format(k="status"),
        "by-region": """WITH r AS (SELECT region, count(*) AS projects, sum(value) AS value,
                                        row_number() OVER (ORDER BY sum(value) DESC, region) AS rank
                                 FROM (SELECT unnest(string_split(places, '|')) AS region, value FROM p)
                                 GROUP BY region)
                        SELECT region, projects, value FROM (
                          SELECT region, projects, value, rank FROM r WHERE rank <= 10
                          UNION ALL
                          SELECT 'other', sum(projects), sum(value), 11 FROM r WHERE rank > 10 HAVING count(*) > 0)
                        ORDER BY rank""",
        "projects": "SELECT * FROM p ORDER BY value DESC, name, id",
    }
    if task == "xlsx":
        sys.exit("peers.py: DuckDB has no workbook writer")
    if task == "csv":
        for name, query in queries.items():
            path = os.path.join(out, f"p.{name}.csv")
            con.execute(f"COPY ({query}) TO '{path}' (HEADER, DELIMITER ',')")
    else:
        # Materialised as native tables: the aggregation and the sort run in full, nothing is written.
        for name, query in queries.items():
            con.execute(f'CREATE TEMP TABLE "{name}" AS {query}')


def run_pandas(task, data, out):
    import pandas as pd
    frame = pd.concat([pd.read_csv(f, engine="pyarrow", usecols=["id", "name.en", "sector", "status", "places",
                                                                 "startYear", "value"],
                                   dtype={"value": "int64"}) for f in files(data)], ignore_index=True)

    def grouped(key):
        table = frame.groupby(key, sort=False).agg(projects=("id", "size"), value=("value", "sum")).reset_index()
        table["share"] = (table["value"] / table["value"].sum()).map("{:.3f}".format)
        return table.sort_values(["value", key], ascending=[False, True], kind="stable")

    exploded = frame[["places", "value"]].assign(region=frame["places"].str.split("|")).explode("region")
    regions = (exploded.groupby("region", sort=False).agg(projects=("value", "size"), value=("value", "sum"))
               .reset_index().sort_values(["value", "region"], ascending=[False, True], kind="stable"))
    rest = regions.iloc[10:]
    region = regions.head(10)
    if len(rest):
        region = pd.concat([region, pd.DataFrame({"region": ["other"], "projects": [rest["projects"].sum()],
                                                  "value": [rest["value"].sum()]})], ignore_index=True)
    projects = (frame.rename(columns={"name.en": "name", "startYear": "start"})
                [["id", "name", "sector", "status", "places", "start", "value"]]
                .sort_values(["value", "name", "id"], ascending=[False, True, True], kind="stable"))
    tables = dict(zip(TABLES, (grouped("sector"), grouped("status"), region, projects)))
    if task == "csv":
        for name, table in tables.items():
            table.to_csv(os.path.join(out, f"p.{name}.csv"), index=False)
    elif task == "xlsx":
        with pd.ExcelWriter(os.path.join(out, "p.xlsx"), engine="xlsxwriter",
                            engine_kwargs={"options": {"constant_memory": True}}) as writer:
            for name, table in tables.items():
                table.to_excel(writer, sheet_name=name, index=False)


def main():
    if len(sys.argv) != 5 or sys.argv[1] not in ("pandas", "polars", "duckdb") \
            or sys.argv[2] not in ("csv", "aggregate", "xlsx"):
        sys.exit(__doc__)
    tool, task, data, out = sys.argv[1:]
    os.makedirs(out, exist_ok=True)
    {"pandas": run_pandas, "polars": run_polars, "duckdb": run_duckdb}[tool](task, data, out)


if __name__ == "__main__":
    main()
