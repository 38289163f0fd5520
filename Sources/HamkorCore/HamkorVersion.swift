/// Hamkor's release version, as `hamkor --version` prints it and every manifest unit records
/// among its inputs (a new version reruns every unit under `hamkor batch --resume`).
public enum HamkorVersion {
    /// The version of this build, such as `0.1.0`.
    public static let current = "0.1.0"
}
