import Foundation
import HamkorCore
import HamkorLocalization
import HamkorWorkbook

/// Reads Excel registers (`.xlsx`) through an import profile: the one given, or
/// `NAME.profile.yaml` beside `NAME.xlsx`. A ``DatasetReader`` the `hamkor` command registers.
public struct XLSXRegisterReader: DatasetReader {
    public var formatID: String { "xlsx" }
    public var fileSuffixes: [String] { [".xlsx"] }
    public var companionSuffixes: [String] { [Self.profileSuffix] }

    /// The ending of a profile found beside its workbook.
    public static let profileSuffix = ".profile.yaml"

    /// The profile every workbook uses; `nil`: each workbook's own profile beside it.
    public let profile: URL?
    public let catalogs: CatalogSet
    public let limits: WorkbookLimits

    public init(profile: URL? = nil, catalogs: CatalogSet, limits: WorkbookLimits = .standard) {
        self.profile = profile
        self.catalogs = catalogs
        self.limits = limits
    }

    /// The profile for a workbook: the given one, or the one beside it.
    public func profileURL(for workbook: URL) -> URL {
        if let profile { return profile }
        let stem = workbook.deletingPathExtension().lastPathComponent
        return workbook.deletingLastPathComponent().appendingPathComponent(stem + Self.profileSuffix)
    }

    public func read(_ file: URL, context: DatasetReadContext, problems: ProblemList) throws -> Dataset {
        let profileURL = profileURL(for: file)
        guard FileManager.default.fileExists(atPath: profileURL.path) else {
            problems.add(SourceLocation(file: file.path), field: nil,
                         "no import profile: give --profile FILE, or put \(profileURL.lastPathComponent) beside the workbook (see docs/DATA.md)")
            return Dataset()
        }
        let profile: ImportProfile
        do {
            profile = try ImportProfileReader().read(profileURL)
        } catch let error as DataError {
            if case .invalid(let found) = error { found.forEach(problems.add); return Dataset() }
            throw error
        }
        try checkFile(file)
        do {
            let workbook = try Workbook(url: file, limits: limits)
            let sheet: Workbook.Sheet
            if let name = profile.sheet {
                guard let found = workbook.sheet(named: name) else {
                    problems.add(SourceLocation(file: file.path), field: "sheet",
                                 "the workbook has no sheet '\(TerminalText.excerpt(name, 40))' (sheets: \(workbook.sheets.map(\.name).joined(separator: ", ")))")
                    return Dataset()
                }
                sheet = found
            } else {
                guard let first = workbook.sheets.first(where: { !$0.isHidden }) ?? workbook.sheets.first else { return Dataset() }
                sheet = first
            }
            let cellText = CellText(names: ValueNames(vocabulary: context.vocabulary, catalogs: catalogs), valueMaps: profile.values,
                                    decimalMark: profile.decimalMark, uses1904: workbook.uses1904)
            let reader = RegisterSheetReader(file: file.path, profile: profile, workbook: workbook, sheet: sheet, cellText: cellText,
                                             records: FlatRecordReader(vocabulary: context.vocabulary, problems: problems),
                                             problems: problems)
            return try reader.read()
        } catch let error as WorkbookError {
            let location = error.cell.map { SourceLocation(file: file.path, place: $0) } ?? SourceLocation(file: file.path)
            problems.add(location, field: nil, error.message)
            return Dataset()
        }
    }

    /// Only regular files are opened (a FIFO would block); a missing file is exit 66.
    private func checkFile(_ file: URL) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file.path, isDirectory: &isDirectory) else { throw DataError.notFound(path: file.path) }
        if isDirectory.boolValue { throw DataError.unreadable(path: file.path, reason: "is a folder, expected a file") }
        let attributes = try? FileManager.default.attributesOfItem(atPath: file.path)
        if let type = attributes?[.type] as? FileAttributeType, type != .typeRegular {
            throw DataError.unreadable(path: file.path, reason: "is not a regular file (a pipe, device or socket); give a file")
        }
        guard FileManager.default.isReadableFile(atPath: file.path) else { throw DataError.unreadable(path: file.path, reason: "permission denied") }
    }
}
