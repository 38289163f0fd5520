import Foundation
import HamkorLocalization

/// Builds records from ``FlatRecord``s — CSV tables, workbook registers and database rows alike:
/// each field is read by its kind's ``RecordSchema`` (``FlatRecordInput``) and the record put
/// together by ``RecordAssembler``, the same rules as for YAML and JSON records. Each broken rule
/// is reported at the field's own location; a record with any problem is left out.
public struct FlatRecordReader {
    public let vocabulary: Vocabulary
    public let problems: ProblemList

    public init(vocabulary: Vocabulary, problems: ProblemList) {
        self.vocabulary = vocabulary
        self.problems = problems
    }

    private func input(_ record: FlatRecord, _ schema: RecordSchema) -> FlatRecordInput {
        FlatRecordInput(record, schema: schema, vocabulary: vocabulary, problems: problems)
    }

    /// A project, or `nil` after reporting its problems.
    public func project(_ record: FlatRecord) -> Project? {
        RecordAssembler.project(input(record, .projects))
    }

    /// A trade flow, or `nil` after reporting its problems.
    public func trade(_ record: FlatRecord) -> TradeFlow? {
        RecordAssembler.trade(input(record, .trade))
    }

    /// The record of `schema`'s kind, appended to `dataset` when valid.
    public func read(_ record: FlatRecord, as schema: RecordSchema, into dataset: inout Dataset) {
        RecordAssembler.read(input(record, schema), as: schema.source, into: &dataset)
    }
}
