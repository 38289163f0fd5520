import Foundation
import HamkorCore
import HamkorExport
import HamkorLocalization

/// Hand-built documents covering every cell kind, a total row, a chart and the sample flag.
enum Fixtures {
    static let generatedAt = Date(timeIntervalSince1970: 1_724_407_200)  // 2024-08-23 10:00 UTC

    static func context(_ language: LanguageTag, tableID: String? = nil) -> ExportContext {
        ExportContext(locale: ReportLocale(language: language, translator: Translator(language: language, catalog: nil)),
                      tableID: tableID)
    }

    static let injections = [
        "=cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\")", "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1",
        "=DDE(\"cmd\";\"/C calc\";\"!A0\")",
    ]

    struct Strings {
        var title, subtitle, heading, paragraph, bullets: String
        var headers: [String]
        var sectors: [String]
        var chartTitle, tableTitle, note: String
        var figureLabels: [String]
        var labels: ReportLabels
        var dataSource: String
    }

    static let english = Strings(
        title: "Uzbekistan–Azerbaijan cooperation portfolio: projects, trade and agreements",
        subtitle: "Bilateral projects by sector, 2019–2024",
        heading: "Projects by sector",
        paragraph: "The portfolio counts projects agreed between the two governments. Amounts are in the currency of the agreement; nothing is converted. Café résumé naïve: combining e\u{301} marks are counted as one column.",
        bullets: "Joint ventures in energy and transport",
        headers: ["Project", "Sector", "Country", "Projects", "Value", "Share", "Ratio", "Signed", "Year", "Note"],
        sectors: ["Energy", "Transport", "Agriculture"],
        chartTitle: "Value by sector", tableTitle: "Projects by sector", note: "Amounts in USD; 2024 figures are provisional.",
        figureLabels: ["Projects", "Total value", "Share of energy", "First agreement", "Year of record"],
        labels: .english,
        dataSource: "Ministry of Investment, Industry and Trade of Uzbekistan, project register (2024)")

    static let russian = Strings(
        title: "Портфель сотрудничества Узбекистана и Азербайджана: проекты, торговля и соглашения",
        subtitle: "Двусторонние проекты по отраслям, 2019–2024",
        heading: "Проекты по отраслям",
        paragraph: "Портфель включает проекты, согласованные правительствами двух стран. Суммы указаны в валюте соглашения; пересчёт не выполняется. Межправительственная комиссия по экономическому сотрудничеству рассматривает ход реализации ежегодно. Oʻzbekiston va Ozarbayjon oʻrtasidagi hamkorlik — gʻoyat muhim.",
        bullets: "Совместные предприятия в энергетике и на транспорте",
        headers: ["Проект", "Отрасль", "Страна", "Проекты", "Стоимость", "Доля", "Коэффициент", "Подписано", "Год", "Примечание"],
        sectors: ["Энергетика", "Транспорт", "Сельское хозяйство"],
        chartTitle: "Стоимость по отраслям", tableTitle: "Проекты по отраслям", note: "Суммы в долларах США; данные за 2024 год предварительные.",
        figureLabels: ["Проекты", "Общая стоимость", "Доля энергетики", "Первое соглашение", "Год учёта"],
        labels: ReportLabels(
            sampleData: "Демонстрационные данные: цифры приведены для примера и не являются официальной статистикой.",
            illustrativeNote: "Цифры, отмеченные как иллюстративные, — оценки; в источнике есть только итоги.",
            generated: "Сформировано", language: "Язык", languageName: "русский", dataSources: "Источники данных",
            summary: "Сводка", keyFigures: "Ключевые показатели", total: "Итого", pageOfPages: "Страница {page} из {pages}"),
        dataSource: "Министерство инвестиций, промышленности и торговли Узбекистана, реестр проектов (2024)")

    static let columnIDs = ["project", "sector", "country", "projects", "value", "share", "ratio", "signed", "year", "note"]

    static func table(_ s: Strings, id: String = "by-sector", rowCount: Int = 3) -> TableBlock {
        let types: [ColumnType] = [.identifier, .code, .country, .integer, .money(currency: "USD"), .percent(fractionDigits: 1),
                                   .decimal(fractionDigits: 2), .date, .year, .text]
        let columns = zip(zip(columnIDs, s.headers), types).map { TableColumn(id: $0.0, header: $0.1, type: $1) }
        let codes = ["energy", "transport", "agriculture"]
        let countries = [("UZ", s.labels == .english ? "Uzbekistan" : "Узбекистан"), ("AZ", s.labels == .english ? "Azerbaijan" : "Азербайджан")]
        let rows: [[CellValue]] = (0..<rowCount).map { index in
            [
                .text("UZ-AZ-\(String(format: "%03d", index + 1))"),
                .coded(code: codes[index % 3], label: s.sectors[index % 3]),
                .coded(code: countries[index % 2].0, label: countries[index % 2].1),
                .integer([12, 7, -5][index % 3]),
                .money(Money(amount: [Decimal(2_134_567_890), Decimal(string: "1500000.5")!, Decimal(-5)][index % 3], currency: "USD")),
                .percent([Decimal(string: "0.253")!, Decimal(string: "0.6")!, Decimal(string: "0.147")!][index % 3]),
                .decimal([Decimal(string: "1.5")!, Decimal(string: "-0.125")!, Decimal(string: "12345.678")!][index % 3], fractionDigits: 2),
                .date(CivilDate(year: 2024, month: 8, day: 23 - index)!),
                .year(2019 + index),
                index == 0 ? .text(s.paragraph) : (index == 1 ? .text("Says \"hello\"; then, a comma\nand a new line") : .empty),
            ]
        }
        let total = TotalRow(label: s.labels.total, cells: [
            .label, .none, .none, .sum(.integer(14)), .sum(.money(Money(amount: Decimal(string: "2136067885.5")!, currency: "USD"))),
            .sum(.percent(1)), .none, .none, .none, .none,
        ])
        return TableBlock(id: id, title: s.tableTitle, shortTitle: s.heading, columns: columns, rows: rows, total: total,
                          notes: [s.note])
    }

    static func injectionTable() -> TableBlock {
        TableBlock(id: "injections", title: "Injections", shortTitle: "Injections",
                   columns: [TableColumn(id: "payload", header: "=Payload", type: .text),
                             TableColumn(id: "code", header: "Code", type: .code),
                             TableColumn(id: "amount", header: "Amount", type: .money(currency: "USD")),
                             TableColumn(id: "count", header: "Count", type: .integer)],
                   rows: injections.map { [.text($0), .coded(code: "x", label: $0), .money(Money(amount: -5, currency: "USD")), .integer(-5)] })
    }

    static func document(_ language: LanguageTag, tables: [TableBlock]? = nil) -> ReportDocument {
        let s = language == .russian ? russian : english
        let table = table(s)
        var blocks: [ReportBlock] = [
            .keyFigures(KeyFiguresBlock(figures: [
                KeyFigure(id: "projects", label: s.figureLabels[0], value: .integer(2134)),
                KeyFigure(id: "total-value", label: s.figureLabels[1], value: .money(Money(amount: 2_134_567_890, currency: "USD"))),
                KeyFigure(id: "energy-share", label: s.figureLabels[2], value: .percent(Decimal(string: "0.253")!)),
                KeyFigure(id: "first", label: s.figureLabels[3], value: .date(CivilDate(year: 1996, month: 5, day: 27)!)),
                KeyFigure(id: "year", label: s.figureLabels[4], value: .year(2024)),
            ])),
            .heading(s.heading),
            .paragraph(s.paragraph),
            .bulletList(BulletListBlock(items: [s.bullets, s.paragraph])),
        ]
        for table in tables ?? [table] { blocks.append(.table(table)) }
        blocks.append(.chart(ChartBlock(
            id: "value-by-sector", kind: .bar, title: s.chartTitle, categoryAxisTitle: s.headers[1],
            valueAxisTitle: s.headers[4], seriesName: s.headers[4],
            points: zip(s.sectors, [Decimal(2_134_567_890), Decimal(1_500_000), Decimal(-5)]).map { ChartPoint(label: $0, value: $1) },
            source: ChartSource(tableID: "by-sector", categoryColumn: 1, valueColumn: 4))))
        blocks.append(.notes([s.note]))
        return ReportDocument(reportID: "portfolio", title: s.title, subtitle: s.subtitle, language: language,
                              generatedAt: generatedAt, dataSources: [s.dataSource], isSampleData: true,
                              hasIllustrativeFigures: true, blocks: blocks, labels: s.labels)
    }
}
