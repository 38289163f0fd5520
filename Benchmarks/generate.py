#!/usr/bin/env python3
"""Deterministic synthetic Hamkor datasets for the benchmarks.

    python3 Benchmarks/generate.py N [N...] [--out Benchmarks/.data] [--projects-only]

For each N writes, under OUT/projects-N/:
  places.yaml          the dataset header and the place codes the projects use
  projects-KKK.csv     N projects in Hamkor's CSV schema, at most 100,000 rows per file
                       (Hamkor reads at most 64 MiB per file; several files merge)
and OUT/baseline-N.tsv: the cells of the portfolio report's `projects` table as Hamkor lays it
out in English (id, name, sector, status, regions, start year, value), in the table's order
(value descending, ties by id), for the C baselines. Names are in all five languages and
scripts (en, uz Latin with U+02BB, uz-Cyrl, az, ru); some contain commas and quotes.
With --projects-only (the 10,000,000-project scale row) no baseline file is written.
Output is byte-identical for the same N (fixed seed); existing files are kept.
"""
import argparse
import os
import random

ROWS_PER_FILE = 100_000

# (en, uz, uz-Cyrl, az, ru)
OBJECTS = [
    ("Solar power plant", "Quyosh elektr stansiyasi", "Қуёш электр станцияси", "Günəş elektrik stansiyası", "Солнечная электростанция"),
    ("Cotton-textile cluster", "Paxta-toʻqimachilik klasteri", "Пахта-тўқимачилик кластери", "Pambıq-toxuculuq klasteri", "Хлопково-текстильный кластер"),
    ("Logistics centre", "Logistika markazi", "Логистика маркази", "Logistika mərkəzi", "Логистический центр"),
    ("Fruit and vegetable processing plant", "Meva-sabzavotni qayta ishlash zavodi", "Мева-сабзавотни қайта ишлаш заводи", "Meyvə-tərəvəz emalı zavodu", "Завод по переработке плодоовощной продукции"),
    ("Pharmaceutical factory", "Farmatsevtika fabrikasi", "Фармацевтика фабрикаси", "Əczaçılıq fabriki", "Фармацевтическая фабрика"),
    ("Copper wire plant", "Mis sim zavodi", "Мис сим заводи", "Mis məftil zavodu", "Завод медной проволоки"),
    ("Data centre", "Maʼlumotlar markazi", "Маълумотлар маркази", "Məlumat mərkəzi", "Центр обработки данных"),
    ("Hotel complex \"Silk Road\"", "\"Ipak yoʻli\" mehmonxona majmuasi", "\"Ипак йўли\" меҳмонхона мажмуаси", "\"İpək yolu\" otel kompleksi", "Гостиничный комплекс «Шёлковый путь»"),
    ("Greenhouse complex", "Issiqxona majmuasi", "Иссиқхона мажмуаси", "İstixana kompleksi", "Тепличный комплекс"),
    ("Cement plant", "Sement zavodi", "Цемент заводи", "Sement zavodu", "Цементный завод"),
    ("Bus assembly plant", "Avtobus yigʻish zavodi", "Автобус йиғиш заводи", "Avtobus yığma zavodu", "Автобусный сборочный завод"),
    ("Joint investment fund", "Qoʻshma investitsiya fondi", "Қўшма инвестиция фонди", "Birgə investisiya fondu", "Совместный инвестиционный фонд"),
]
PHASE = ("phase {n}", "{n}-bosqich", "{n}-босқич", "mərhələ {n}", "очередь {n}")

# code, country, kind, (en, uz, uz-Cyrl, az, ru)
PLACES = [
    ("UZ-TK", "UZ", "city", ("Tashkent", "Toshkent", "Тошкент", "Daşkənd", "Ташкент")),
    ("UZ-TO", "UZ", "region", ("Tashkent Region", "Toshkent viloyati", "Тошкент вилояти", "Daşkənd vilayəti", "Ташкентская область")),
    ("UZ-SA", "UZ", "region", ("Samarqand Region", "Samarqand viloyati", "Самарқанд вилояти", "Səmərqənd vilayəti", "Самаркандская область")),
    ("UZ-BU", "UZ", "region", ("Bukhara Region", "Buxoro viloyati", "Бухоро вилояти", "Buxara vilayəti", "Бухарская область")),
    ("UZ-NW", "UZ", "region", ("Navoiy Region", "Navoiy viloyati", "Навоий вилояти", "Nəvai vilayəti", "Навоийская область")),
    ("UZ-FA", "UZ", "region", ("Fergana Region", "Fargʻona viloyati", "Фарғона вилояти", "Fərqanə vilayəti", "Ферганская область")),
    ("UZ-AN", "UZ", "region", ("Andijan Region", "Andijon viloyati", "Андижон вилояти", "Əndican vilayəti", "Андижанская область")),
    ("UZ-NG", "UZ", "region", ("Namangan Region", "Namangan viloyati", "Наманган вилояти", "Namanqan vilayəti", "Наманганская область")),
    ("UZ-QA", "UZ", "region", ("Qashqadaryo Region", "Qashqadaryo viloyati", "Қашқадарё вилояти", "Qaşqadərya vilayəti", "Кашкадарьинская область")),
    ("UZ-XO", "UZ", "region", ("Xorazm Region", "Xorazm viloyati", "Хоразм вилояти", "Xarəzm vilayəti", "Хорезмская область")),
    ("UZ-QR", "UZ", "region", ("Republic of Karakalpakstan", "Qoraqalpogʻiston Respublikasi", "Қорақалпоғистон Республикаси", "Qaraqalpaqıstan Respublikası", "Республика Каракалпакстан")),
    ("AZ-BA", "AZ", "city", ("Baku", "Boku", "Боку", "Bakı", "Баку")),
    ("AZ-GA", "AZ", "city", ("Ganja", "Ganja", "Ганжа", "Gəncə", "Гянджа")),
    ("AZ-SM", "AZ", "city", ("Sumgait", "Sumqayit", "Сумқайит", "Sumqayıt", "Сумгаит")),
    ("AZ-SA", "AZ", "city", ("Shaki", "Shaki", "Шаки", "Şəki", "Шеки")),
    ("AZ-NX", "AZ", "region", ("Nakhchivan", "Naxchivon", "Нахчивон", "Naxçıvan", "Нахичевань")),
]
SECTORS = [("energy", "Energy"), ("oil-and-gas", "Oil and gas"), ("chemicals", "Chemicals"),
           ("mining", "Mining and metallurgy"), ("textiles", "Textiles"), ("agriculture", "Agriculture"),
           ("food-industry", "Food industry"), ("pharmaceuticals", "Pharmaceuticals"),
           ("construction", "Construction materials"), ("automotive", "Automotive"),
           ("transport", "Transport and logistics"), ("digital", "Digital technologies"),
           ("tourism", "Tourism"), ("finance", "Finance and investment")]
STATUSES = [("proposed", "Proposed"), ("agreed", "Agreed"),
            ("under-implementation", "Under implementation"), ("completed", "Completed")]
HEADER = "id,name.en,name.uz,name.uz-Cyrl,name.az,name.ru,partners,sector,status,value,currency,places,startYear,illustrative"


def csv_field(text):
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def yaml_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def projects(count):
    rng = random.Random(20240822 + count)
    for i in range(1, count + 1):
        obj = OBJECTS[rng.randrange(len(OBJECTS))]
        place_count = 1 if rng.random() < 0.8 else 2
        places = rng.sample(range(len(PLACES)), place_count)
        phase = rng.randrange(1, 10)
        names = []
        for lang in range(5):
            where = PLACES[places[0]][3][lang]
            names.append(f"{obj[lang]} — {where}, {PHASE[lang].format(n=phase)} #{i}")
        sector = SECTORS[rng.randrange(len(SECTORS))]
        status = STATUSES[rng.randrange(len(STATUSES))]
        value = rng.randrange(1, 50_000) * 10_000  # USD 10,000 … 500,000,000, whole dollars
        yield {
            "id": f"prj-{i:07d}", "names": names, "sector": sector, "status": status, "value": value,
            "places": [PLACES[p] for p in places], "start": 2015 + rng.randrange(16),
            "illustrative": rng.random() < 0.3,
        }


def write_places(path):
    lines = ["# Generated by Benchmarks/generate.py: the dataset header and places of the benchmark data.",
             "dataset:",
             "  title: {en: \"Synthetic benchmark portfolio\", ru: \"Синтетический портфель для тестов\"}",
             "  partners: [UZ, AZ]",
             "  sources: [\"Benchmarks/generate.py (synthetic)\"]",
             "places:"]
    for code, country, kind, names in PLACES:
        langs = ("en", "uz", "uz-Cyrl", "az", "ru")
        name = ", ".join(f"{lang}: {yaml_string(n)}" for lang, n in zip(langs, names))
        lines.append(f"  - {{code: {code}, country: {country}, kind: {kind}, name: {{{name}}}}}")
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        out.write("\n".join(lines) + "\n")


def generate(count, root, with_baseline=True):
    folder = os.path.join(root, f"projects-{count}")
    baseline = os.path.join(root, f"baseline-{count}.tsv")
    done = os.path.join(folder, ".complete")
    if os.path.exists(done) and (os.path.exists(baseline) or not with_baseline):
        return
    os.makedirs(folder, exist_ok=True)
    write_places(os.path.join(folder, "places.yaml"))
    rows = []
    out = None
    for index, p in enumerate(projects(count)):
        if index % ROWS_PER_FILE == 0:
            if out:
                out.close()
            out = open(os.path.join(folder, f"projects-{index // ROWS_PER_FILE:03d}.csv"), "w",
                       encoding="utf-8", newline="")
            out.write(HEADER + "\r\n")
        fields = [p["id"]] + [csv_field(n) for n in p["names"]] + [
            "UZ|AZ", p["sector"][0], p["status"][0], str(p["value"]), "USD",
            "|".join(pl[0] for pl in p["places"]), str(p["start"]), "true" if p["illustrative"] else "false"]
        out.write(",".join(fields) + "\r\n")
        if with_baseline:
            rows.append((-p["value"], p["id"], p["names"][0], p["sector"][1], p["status"][1],
                         ", ".join(pl[3][0] for pl in p["places"]), p["start"], p["value"]))
    if out:
        out.close()
    if with_baseline:
        rows.sort(key=lambda r: (r[0], r[1]))
        with open(baseline, "w", encoding="utf-8", newline="\n") as tsv:
            for _, pid, name, sector, status, places, start, value in rows:
                tsv.write(f"{pid}\t{name}\t{sector}\t{status}\t{places}\t{start}\t{value}\n")
    open(done, "w").close()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("counts", nargs="+", type=int)
    parser.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), ".data"))
    parser.add_argument("--projects-only", action="store_true", help="write no baseline file")
    args = parser.parse_args()
    for count in args.counts:
        generate(count, args.out, with_baseline=not args.projects_only)


if __name__ == "__main__":
    main()
