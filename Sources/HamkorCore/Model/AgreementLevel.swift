/// Who signed an agreement on each side; codes are those of `Reports/vocabulary.yaml` (`levels`).
public enum AgreementLevel: String, CaseIterable, Sendable, Hashable {
    case intergovernmental
    case interagency
    case regional
    case memorandum
}
