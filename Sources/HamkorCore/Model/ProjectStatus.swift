/// Where a project stands; codes are those of `Reports/vocabulary.yaml` (`statuses`).
public enum ProjectStatus: String, CaseIterable, Sendable, Hashable {
    case proposed
    case agreed
    case underImplementation = "under-implementation"
    case completed
}
