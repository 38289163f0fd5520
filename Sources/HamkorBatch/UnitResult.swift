import Foundation

/// What became of one unit: the files it wrote (with sizes and digests) or why it failed.
public struct UnitResult: Sendable, Hashable {
    /// One file a unit wrote, relative to the manifest's folder.
    public struct File: Sendable, Hashable {
        public var path: String
        public var bytes: Int
        public var sha256: String
    }

    public var unit: BatchUnit
    /// The files written (empty when the unit failed).
    public var files: [File]
    public var durationMs: Int
    /// `nil` when the unit succeeded; otherwise the reason, as the manifest's `error`.
    public var error: String?
    /// The digests of the unit's inputs, when they could be read.
    public var inputs: UnitInputs?
    /// Whether `--resume` kept an earlier run's output instead of rendering the unit.
    public var reused = false

    public init(unit: BatchUnit, files: [File], durationMs: Int, error: String?, inputs: UnitInputs? = nil, reused: Bool = false) {
        self.unit = unit
        self.files = files
        self.durationMs = durationMs
        self.error = error
        self.inputs = inputs
        self.reused = reused
    }

    public var succeeded: Bool { error == nil }
}
