import FuzzSupport
import HamkorCore
import Yams

/// The YAML safety guard of every Hamkor file (data, definitions, vocabulary, job files): it must
/// never crash or hang, and whatever it lets through must compose without one anchor or alias,
/// no deeper than the nesting limit, and into no more nodes than the text could spell out
/// (an alias that slipped through would multiply them).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAMLGuard(_ data: UnsafeRawPointer, _ count: Int) -> CInt {
    guard let text = FuzzSupport.text(data, count, file: "fuzz.yaml") else { return 0 }
    guard YAMLSafetyGuard.check(text, file: "fuzz.yaml") == nil,
          let root = try? YAMLSafetyGuard.compose(text, file: "fuzz.yaml") else { return 0 }
    var stack: [(node: Node, depth: Int)] = [(root, 0)]
    var visited = 0
    while let (node, depth) = stack.popLast() {
        visited += 1
        precondition(visited <= 2 * count + 2, "more nodes than the text can spell: an alias was expanded")
        switch node {
        case .alias:
            preconditionFailure("an alias passed the guard")
        case .scalar(let scalar):
            precondition(scalar.anchor == nil, "an anchored scalar passed the guard")
        case .mapping(let mapping):
            precondition(mapping.anchor == nil && depth < DatasetLimits.maxNestingDepth, "an anchored or too deep mapping passed the guard")
            for (key, value) in mapping { stack += [(key, depth + 1), (value, depth + 1)] }
        case .sequence(let sequence):
            precondition(sequence.anchor == nil && depth < DatasetLimits.maxNestingDepth, "an anchored or too deep list passed the guard")
            for item in sequence { stack.append((item, depth + 1)) }
        }
    }
    return 0
}

@_cdecl("FuzzYAMLGuard_main")
public func fuzzYAMLGuardMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer()
}
