import Foundation
import Testing
import HamkorCore
@testable import HamkorRegisters

/// The three fixture registers load through their profiles to exactly the expected records.
@Suite struct RegisterFixtureTests {
    typealias S = RegisterTestSupport

    @Test func russianRegisterWithMergedHeadersLoadsToTheSampleProjects() throws {
        let (dataset, problems) = try S.read(S.fixture("ru-projects.xlsx"))
        #expect(problems.isEmpty, "\(problems)")
        let expected = try S.yaml(S.repositoryRoot.appendingPathComponent("Reports/sample-data/projects.yaml"))
        #expect(dataset.projects.count == 15)
        #expect(S.unlocated(dataset.projects) == S.unlocated(expected.projects))
        // Records are located at their row: the first data row is 6.
        #expect(dataset.projects.first?.location.description.hasSuffix("ru-projects.xlsx:Лист1!B6") == true,
                "\(String(describing: dataset.projects.first?.location))")
    }

    @Test func uzbekRegisterWithAmountsTypedAsTextInThousands() throws {
        let (dataset, problems) = try S.read(S.fixture("uz-projects.xlsx"))
        #expect(problems.isEmpty, "\(problems)")
        let expected = try S.yaml(S.fixture("uz-projects.expected.yaml"))
        #expect(S.unlocated(dataset.projects) == S.unlocated(expected.projects))
    }

    @Test func wideTradeTableUnpivotsOneFlowPerSectionDirectionAndYear() throws {
        let (dataset, problems) = try S.read(S.fixture("trade-wide.xlsx"))
        #expect(problems.isEmpty, "\(problems)")
        let expected = try S.yaml(S.fixture("trade-wide.expected.yaml"))
        #expect(S.unlocated(dataset.trade) == S.unlocated(expected.trade))
        // Each record is located at its value cell.
        // Section names in Russian and flow names map to their codes through the catalogs.
        #expect(dataset.trade.first { $0.section == "V" && $0.period.code == "2023" }?.location.place == "Товарооборот!E5")
        #expect(Set(dataset.trade.map(\.direction)) == [.export, .import])
    }

    @Test func anExplicitProfileWinsOverTheOneBeside() throws {
        let (dataset, problems) = try S.read(S.fixture("uz-projects.xlsx"), profile: S.fixture("uz-projects.profile.yaml"))
        #expect(problems.isEmpty && dataset.projects.count == 4)
    }
}
