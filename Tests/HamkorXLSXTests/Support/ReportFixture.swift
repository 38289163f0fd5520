import Foundation
import HamkorCore
import HamkorExport
import HamkorLocalization

/// Report documents built by hand, in English and Russian, for the exporter tests.
enum ReportFixture {
    /// 2024-08-23 10:30:00 UTC.
    static let generatedAt = Date(timeIntervalSince1970: 1_724_409_000)
    /// Text that a spreadsheet would run if it were written as a formula.
    static let formulaLikeText = "=cmd|' /C calc'!A0"

    static func context(_ language: LanguageTag, tableID: String? = nil) -> ExportContext {
        ExportContext(locale: ReportLocale(language: language, translator: Translator(language: language, catalog: nil)),
                      tableID: tableID)
    }

    static let russianLabels = ReportLabels(
        sampleData: "Демонстрационные данные: цифры не являются официальной статистикой.",
        illustrativeNote: "Цифры с пометкой «оценка» приблизительны.",
        generated: "Сформирован", language: "Язык", languageName: "русский", dataSources: "Источники данных",
        summary: "Итоги", keyFigures: "Ключевые показатели", total: "Итого", pageOfPages: "Страница {page} из {pages}")

    /// Column headers, sector names and captions per language.
    private struct Words {
        var title, subtitle, tableTitle, shortTitle, secondShortTitle: String
        var sector, project, value, share, signed, year, projects: String
        var sectors: [String]
        var chartTitle, seriesName: String
        var heading, paragraph, bullet, note: String
    }

    private static func words(_ language: LanguageTag) -> Words {
        switch language {
        case .russian:
            Words(title: "Сотрудничество Узбекистана и Азербайджана", subtitle: "Портфель проектов",
                  tableTitle: "Проекты по отраслям", shortTitle: "По отраслям", secondShortTitle: "итоги",
                  sector: "Отрасль", project: "Проект", value: "Стоимость", share: "Доля", signed: "Подписан",
                  year: "Год", projects: "Проектов",
                  sectors: ["Энергетика", "Транспорт", "Сельское хозяйство", "Образование", formulaLikeText],
                  chartTitle: "Стоимость по отраслям", seriesName: "Стоимость",
                  heading: "Обзор", paragraph: "Портфель вырос за год.", bullet: "Новые соглашения", note: "Суммы в долларах США.")
        default:
            Words(title: "Uzbekistan–Azerbaijan cooperation", subtitle: "Project portfolio",
                  tableTitle: "Projects by sector", shortTitle: "By sector", secondShortTitle: "History",
                  sector: "Sector", project: "Project", value: "Value", share: "Share", signed: "Signed",
                  year: "Year", projects: "Projects",
                  sectors: ["Energy", "Transport", "Agriculture", "Education", formulaLikeText],
                  chartTitle: "Value by sector", seriesName: "Value",
                  heading: "Overview", paragraph: "The portfolio grew this year.", bullet: "New agreements", note: "Amounts in US dollars.")
        }
    }

    static func money(_ amount: Decimal) -> CellValue { .money(Money(amount: amount, currency: "USD")) }

    /// A summary, a 5-row table with seven kinds of columns and a total row, a chart sourced from it,
    /// and a small second table whose tab name clashes with a reserved or taken name.
    static func document(_ language: LanguageTag, rowCount: Int = 5) -> ReportDocument {
        let w = words(language)
        let columns = [
            TableColumn(id: "sector", header: w.sector, type: .code),
            TableColumn(id: "project", header: w.project, type: .identifier),
            TableColumn(id: "value", header: w.value, type: .money(currency: "USD")),
            TableColumn(id: "share", header: w.share, type: .percent(fractionDigits: 1)),
            TableColumn(id: "signed", header: w.signed, type: .date),
            TableColumn(id: "year", header: w.year, type: .year),
            TableColumn(id: "projects", header: w.projects, type: .integer),
        ]
        var rows: [[CellValue]] = []
        for index in 0..<rowCount {
            let name = w.sectors[index % w.sectors.count]
            let sector: CellValue = name == formulaLikeText ? .text(name) : .coded(code: "s\(index)", label: name)
            rows.append([
                sector,
                .text(String(format: "%05d", index + 1)),
                money(Decimal(1_000_000 + index * 250_000)),
                .percent(Decimal(string: "0.2")!),
                .date(CivilDate(year: 2024, month: 1 + index % 12, day: 1 + index % 28)!),
                .year(2020 + index % 5),
                .integer(index + 1),
            ])
        }
        let totalValue = rows.compactMap { $0[2].numericValue }.reduce(0, +)
        let totalProjects = rows.count * (rows.count + 1) / 2
        let labels = language == .russian ? russianLabels : .english
        let table = TableBlock(
            id: "by-sector", title: w.tableTitle, shortTitle: w.shortTitle, columns: columns, rows: rows,
            total: TotalRow(label: labels.total, cells: [.label, .none, .sum(money(totalValue)), .sum(.percent(1)),
                                                          .none, .none, .sum(.integer(totalProjects))]),
            notes: [w.note])
        let second = TableBlock(
            id: "second", title: w.tableTitle, shortTitle: w.secondShortTitle,
            columns: [TableColumn(id: "name", header: w.sector, type: .text)], rows: [[.text(w.sectors[0])]])
        let chart = ChartBlock(
            id: "value-by-sector", kind: .column, title: w.chartTitle, categoryAxisTitle: w.sector,
            valueAxisTitle: w.value, seriesName: w.seriesName,
            points: rows.map { ChartPoint(label: "x", value: $0[2].numericValue ?? 0) },
            source: ChartSource(tableID: "by-sector", categoryColumn: 0, valueColumn: 2))
        return ReportDocument(
            reportID: "portfolio", title: w.title, subtitle: w.subtitle, language: language, generatedAt: generatedAt,
            dataSources: ["Hamkor sample dataset 2024"], isSampleData: true, hasIllustrativeFigures: true,
            blocks: [
                .heading(w.heading),
                .keyFigures(KeyFiguresBlock(figures: [
                    KeyFigure(id: "total-value", label: w.value, value: money(totalValue)),
                    KeyFigure(id: "projects", label: w.projects, value: .integer(totalProjects)),
                    KeyFigure(id: "average", label: "avg", value: .decimal(Decimal(string: "1234.5")!, fractionDigits: 1)),
                    KeyFigure(id: "share", label: w.share, value: .percent(Decimal(string: "0.253")!)),
                ])),
                .paragraph(w.paragraph),
                .table(table),
                .chart(chart),
                .bulletList(BulletListBlock(title: w.heading, items: [w.bullet])),
                .notes([w.note]),
                .table(second),
            ],
            labels: labels)
    }

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("hamkor-xlsx-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
