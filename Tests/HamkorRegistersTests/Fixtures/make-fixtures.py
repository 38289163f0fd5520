#!/usr/bin/env python3
"""Writes the fixture registers (.xlsx) the HamkorRegisters tests read, the way ministry
departments lay them out. Reproducible: fixed document dates and ZIP timestamps.

    python3 Tests/HamkorRegistersTests/Fixtures/make-fixtures.py   # needs openpyxl and PyYAML

ru-projects.xlsx  the sample's projects as a Russian-headed register: a title row, a two-row
                  header with merged group cells, names in five languages, values in
                  «млн долл. США» (numbers, and one typed as text «80,0»), country names,
                  statuses and sectors in Russian, start dates as Excel dates, a hidden column
                  and a totals row («Итого») with a formula.
uz-projects.xlsx  an Uzbek-headed register (header on row 3): amounts as text in thousands
                  («1 234 567,5»), Uzbek sector and status names, a start date serial.
trade-wide.xlsx   a statistics-office table: HS sections (codes and Russian names) × flows
                  («Экспорт», «Импорт») × years (2021 2022 «2023 г.»), values in
                  «млн долл. США», one typed as text, a gap, and a «Всего» row.
"""
import datetime
import io
import os
import re
import zipfile

import openpyxl
import openpyxl.utils
import yaml
from openpyxl.styles import Alignment, Font

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
FIXED = datetime.datetime(2024, 10, 1, 9, 0, 0)


def save(workbook, name):
    workbook.properties.created = FIXED
    workbook.properties.modified = FIXED
    workbook.properties.creator = "Hamkor fixtures"
    buffer = io.BytesIO()
    workbook.save(buffer)
    # Re-pack with fixed timestamps so the same script writes the same bytes.
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    with zipfile.ZipFile(os.path.join(HERE, name), "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" with the time of saving
                data = re.sub(rb"<dcterms:modified([^>]*)>[^<]*<", rb"<dcterms:modified\1>2024-10-01T09:00:00Z<", data)
            fixed = zipfile.ZipInfo(info.filename, date_time=(2024, 10, 1, 9, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(fixed, data)


COUNTRY_RU = {"UZ": "Узбекистан", "AZ": "Азербайджан"}
SECTOR_RU = {"energy": "Энергетика", "chemicals": "Химическая промышленность", "mining": "Горно-металлургическая отрасль",
             "textiles": "Текстильная промышленность", "agriculture": "Сельское хозяйство", "digital": "Цифровые технологии",
             "transport": "Транспорт и логистика"}
STATUS_RU = {"proposed": "Предложен", "agreed": "Согласован", "under-implementation": "В стадии реализации", "completed": "Завершен"}


def russian_register():
    with open(os.path.join(ROOT, "Reports", "sample-data", "projects.yaml"), encoding="utf-8") as f:
        projects = yaml.safe_load(f)["projects"]
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Лист1"
    ws["A1"] = "Реестр совместных инвестиционных проектов Республики Узбекистан и Азербайджанской Республики"
    ws.merge_cells("A1:R1")
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = "по состоянию на 1 октября 2024 г."
    # Row 4 holds group headers (merged across their columns or down over row 5), row 5 sub-headers.
    columns = ["№ п/п", "Код проекта", ("Наименование проекта", "на английском"), (None, "на узбекском (лат.)"),
               (None, "на узбекском (кир.)"), (None, "на азербайджанском"), (None, "на русском"), (None, "на турецком"),
               "Отрасль", "Регион", "Страны-участницы", "Стоимость,\nмлн долл. США", "Служебная отметка", "Статус",
               ("Сроки реализации", "начало"), (None, "окончание"), "Источник", "Иллюстративно"]
    group_start = None
    for index, header in enumerate(columns, start=1):
        top, sub = header if isinstance(header, tuple) else (header, None)
        for row, text in ((4, top), (5, sub)):
            if text is None:
                continue
            cell = ws.cell(row=row, column=index, value=text)
            cell.font = Font(bold=True)
            cell.alignment = Alignment(wrap_text=True, horizontal="center")
        letter = openpyxl.utils.get_column_letter(index)
        if sub is None:
            ws.merge_cells(f"{letter}4:{letter}5")
        if isinstance(header, tuple) and top is not None:
            group_start = index
        is_last_of_group = isinstance(header, tuple) and (index == len(columns) or not (isinstance(columns[index], tuple) and columns[index][0] is None))
        if is_last_of_group and group_start is not None and index > group_start:
            ws.merge_cells(f"{openpyxl.utils.get_column_letter(group_start)}4:{letter}4")
    ws.column_dimensions["M"].hidden = True
    row = 6
    for number, p in enumerate(projects, start=1):
        name = p["name"]
        amount = p["value"]["amount"] / 1_000_000
        value = int(amount) if amount == int(amount) else amount
        cells = [number, p["id"], name["en"], name["uz"], name["uz-Cyrl"], name["az"], name["ru"], name["tr"],
                 SECTOR_RU[p["sector"]], " ".join(p["places"]), ", ".join(COUNTRY_RU[c] for c in p["partners"]),
                 value, "не для печати", STATUS_RU[p["status"]], datetime.date(p["startYear"], 1, 15),
                 p.get("endYear"), p["source"], "да" if p["illustrative"] else "нет"]
        for column, value in enumerate(cells, start=1):
            ws.cell(row=row, column=column, value=value)
        ws.cell(row=row, column=15).number_format = "dd.mm.yyyy"
        if p["id"] == "prj-energy-03":
            ws.cell(row=row, column=12, value="80,0")  # typed as text, with a decimal comma
        row += 1
    ws.cell(row=row, column=2, value="Итого")
    ws.cell(row=row, column=12, value=f"=SUM(L6:L{row - 1})")
    save(wb, "ru-projects.xlsx")


def uzbek_register():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Loyihalar"
    ws["A1"] = "Oʻzbekiston–Ozarbayjon qoʻshma loyihalari reyestri"
    header = ["T/r", "Loyiha kodi", "Ichki raqam", "Loyiha nomi (inglizcha)", "Loyiha nomi", "Tarmoq", "Hudud",
              "Qiymati (ming AQSH dollari)", "Holati", "Boshlanish sanasi", "Tugash yili"]
    for column, text in enumerate(header, start=1):
        ws.cell(row=3, column=column, value=text).font = Font(bold=True)
    ws.column_dimensions["C"].hidden = True
    rows = [
        [1, "uz-reg-001", "A-17", "Cotton yarn factory in Fergana", "Fargʻonada paxta ipi fabrikasi", "To'qimachilik sanoati",
         "UZ-FA", "1 234 567,5", "Amalga oshirilmoqda", datetime.date(2023, 3, 15), 2026],
        [2, "uz-reg-002", "A-18", "Grain terminal in Navoiy", "Navoiyda don terminali", "Qishloq xoʻjaligi",
         "UZ-NW", 45000, "Kelishilgan", datetime.date(2024, 9, 1), None],
        [3, "uz-reg-003", "A-19", "Solar panels assembly in Tashkent", "Toshkentda quyosh panellarini yigʻish", "Energetika",
         "UZ-TK", "12 000", "Taklif etilgan", datetime.date(2025, 1, 10), 2027],
        [4, "uz-reg-004", "A-20", "Logistics hub in Samarkand", "Samarqandda logistika markazi", "Transport va logistika",
         "UZ-SA", 8750.25, "Yakunlangan", datetime.date(2022, 6, 1), 2024],
    ]
    for offset, cells in enumerate(rows):
        for column, value in enumerate(cells, start=1):
            cell = ws.cell(row=4 + offset, column=column, value=value)
            if column == 10:
                cell.number_format = "dd.mm.yyyy"
    ws.cell(row=8, column=2, value="Jami")
    save(wb, "uz-projects.xlsx")


def trade_table():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Товарооборот"
    ws["A1"] = "Торговля Республики Узбекистан с Азербайджаном по разделам ТН ВЭД, млн долл. США"
    ws.merge_cells("A1:F1")
    for column, text in enumerate(["Раздел ТН ВЭД", "Поток", 2021, 2022, "2023 г.", "Примечание"], start=1):
        ws.cell(row=3, column=column, value=text).font = Font(bold=True)
    data = [
        ["XI", "Экспорт", 100, 130, 160, None],
        ["Минеральные продукты", "Импорт", "4 000,5", 4500, 5100.25, "оценка"],
        ["Текстиль и текстильные изделия", "Импорт", None, 9, 10, None],
    ]
    for offset, cells in enumerate(data):
        for column, value in enumerate(cells, start=1):
            ws.cell(row=4 + offset, column=column, value=value)
    ws.cell(row=7, column=1, value="Всего")
    ws.cell(row=7, column=3, value="=SUM(C4:C6)")
    save(wb, "trade-wide.xlsx")


if __name__ == "__main__":
    russian_register()
    uzbek_register()
    trade_table()
