import ArgumentParser
import HamkorCore
import HamkorExport
import HamkorLocalization

/// sysexits codes, as ../shared/PRODUCT.md lists them.
extension ExitCode {
    static let someUnitsFailed = ExitCode(1)
    static let usage = ExitCode(64)
    static let dataError = ExitCode(65)
    static let noInput = ExitCode(66)
    static let cannotCreate = ExitCode(73)
    static let locked = ExitCode(75)
}

/// Prints an error the way scripts expect (one problem per line on stderr) and returns its exit code.
func failure(_ error: Error, to console: Console) -> ExitCode {
    switch error {
    case let error as DataError:
        switch error {
        case .invalid(let problems): problems.forEach { console.error($0.description) }
        default: console.error(error.description)
        }
        return ExitCode(error.exitCode)
    case let error as LocalizationError:
        console.error(error.description)
        switch error {
        case .unknownLanguage: return .usage
        case .missingTranslation, .unboundPlaceholder, .malformedCatalog: return .dataError
        case .unreadableCatalog: return .noInput
        }
    case let error as ParameterError:
        console.error(error.description)
        return ExitCode(error.exitCode)
    case let error as EngineError:
        console.error(error.description)
        return .usage
    case let error as ExportError:
        console.error(error.description)
        switch error {
        case .unknownFormat, .needsFilePath, .unknownTable: return .usage
        case .cannotWrite: return .cannotCreate
        case .writerFailed: return .cannotCreate
        }
    default:
        console.error(String(describing: error))
        return .dataError
    }
}
