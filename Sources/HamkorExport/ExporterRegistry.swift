/// The formats a program knows, by id. The executable registers the built-ins; a third-party
/// package registers its own exporter the same way, without touching Hamkor's sources.
public struct ExporterRegistry: Sendable {
    private var exporters: [String: any ReportExporter] = [:]
    private var order: [String] = []

    public init() {}

    /// Adds an exporter under its ``ReportExporter/formatID``, replacing one with the same id.
    public mutating func register(_ exporter: any ReportExporter) {
        let id = exporter.formatID
        if exporters[id] == nil { order.append(id) }
        exporters[id] = exporter
    }

    /// The registered ids, in registration order.
    public var formatIDs: [String] { order }

    /// The exporter for an id; throws ``ExportError/unknownFormat(_:known:)`` listing the known ones.
    public func exporter(for id: String) throws -> any ReportExporter {
        guard let exporter = exporters[id.lowercased()] else {
            throw ExportError.unknownFormat(id, known: order)
        }
        return exporter
    }

    /// The exporter whose file extension matches a path's, if any (`out.xlsx` → xlsx).
    public func exporter(forExtension ext: String) -> (any ReportExporter)? {
        let ext = ext.lowercased()
        return order.lazy.compactMap { exporters[$0] }.first { $0.fileExtension == ext }
    }
}
