extension BatchUnit {
    /// The unit's parameters as `NAME=VALUE` lines, in order, for its input digest. Units have
    /// no parameters yet, so this is empty.
    var parameterLines: [String] { [] }
}
