import ArgumentParser
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Refuses an `--output` that is one of the command's own input files (the same file, by
/// device and inode, whatever the path or link it is named by): writing there would replace
/// the data, register or profile being read with the report.
enum InputOutputOverlap {
    /// Throws a usage error (exit 64) when `output` names the same existing file as one of `inputs`.
    static func check(output: String?, inputs: [String]) throws {
        guard let output, output != "-", let target = identity(output) else { return }
        for input in inputs where identity(input) == target {
            throw ValidationError("--output '\(output)' is the input file '\(input)'; writing there would replace it: choose another path")
        }
    }

    /// The device and inode of an existing regular file, following links.
    private static func identity(_ path: String) -> [UInt64]? {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        return [UInt64(info.st_dev), UInt64(info.st_ino)]
    }
}
