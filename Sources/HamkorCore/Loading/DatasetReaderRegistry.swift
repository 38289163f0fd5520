import Foundation

/// The dataset readers a loader knows, found by file-name ending (longest first).
public struct DatasetReaderRegistry: Sendable {
    public private(set) var readers: [any DatasetReader] = []

    public init(_ readers: [any DatasetReader] = []) {
        readers.forEach { register($0) }
    }

    /// YAML, JSON and CSV project tables.
    public static let builtIn = DatasetReaderRegistry([YAMLDatasetReader(), JSONDatasetReader(), CSVDatasetReader()])

    /// Adds a reader; one registered later with the same format id replaces the earlier one.
    public mutating func register(_ reader: any DatasetReader) {
        readers.removeAll { $0.formatID == reader.formatID }
        readers.append(reader)
    }

    /// The reader for a file name, by its longest matching ending.
    public func reader(for file: String) -> (any DatasetReader)? {
        let name = file.lowercased()
        var best: (reader: any DatasetReader, length: Int)?
        for reader in readers {
            for suffix in reader.fileSuffixes where name.hasSuffix(suffix) && suffix.count > (best?.length ?? 0) {
                best = (reader, suffix.count)
            }
        }
        return best?.reader
    }

    /// Whether a file found in a folder is a companion of another input (never read on its own).
    public func isCompanion(_ file: String) -> Bool {
        let name = file.lowercased()
        return readers.contains { $0.companionSuffixes.contains { name.hasSuffix($0) } }
    }

    /// The endings for messages: `.yaml, .yml, .json or .csv`.
    public var suffixList: String {
        let all = readers.flatMap(\.fileSuffixes)
        guard all.count > 1 else { return all.first ?? "" }
        return all.dropLast().joined(separator: ", ") + " or " + all.last!
    }
}
