import ArgumentParser
import Foundation
import HamkorBatch

/// `hamkor manifest`: joins the manifests of a sharded batch and checks outputs against them.
struct ManifestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "manifest",
        abstract: "Merge the shard manifests of a batch; verify outputs against a manifest.",
        discussion: """
        Examples:
          hamkor manifest merge /reports      # manifest.shard-*-of-N.json -> manifest.json
          hamkor manifest verify /reports     # re-hash every file manifest.json lists
        """,
        subcommands: [MergeCommand.self, VerifyCommand.self])

    /// `hamkor manifest merge DIR`.
    struct MergeCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Join manifest.shard-I-of-N.json files into manifest.json, checking every unit is there exactly once.",
            discussion: """
            Every shard manifest of the batch must be in DIR, from the same run (the same job \\
            file digest, Hamkor version and number of units), and together they must list each \\
            unit exactly once; a missing shard, a duplicate unit or a stale manifest of another \\
            run is an error naming the file. manifest.json is written atomically while holding \\
            the folder's lock; the shard manifests stay.

            Exit 0 when merged and every unit is ok, 1 when merged with failed units (rerun the \\
            shards that have them with --resume, then merge again), 65 for inconsistent shard \\
            manifests, 66 for a missing one, 73 when manifest.json cannot be written, 75 when a \\
            whole-batch run holds the folder.
            """)

        @Argument(help: ArgumentHelp("The --out folder of the shards.", valueName: "DIR"))
        var folder: String

        @Option(name: .long, help: ArgumentHelp("Merge the manifests of N shards when several shardings lie in DIR.", valueName: "N"))
        var shards: Int?

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let console = global.console
            do {
                let outcome = try ManifestMerge.merge(folder: URL(fileURLWithPath: folder), shards: shards)
                let merged = outcome.manifest
                console.info("merged \(merged.mergedFrom?.count ?? 0) shard manifests: \(merged.units.count) units, "
                    + "\(outcome.failedCount) failed; wrote \(outcome.url.path)")
                for record in merged.units where record.status != "ok" {
                    console.error("\(record.key): \(record.error ?? "failed")")
                }
                if outcome.failedCount > 0 { throw ExitCode.someUnitsFailed }
            } catch let error as ManifestError {
                console.error(error.description)
                throw ExitCode(error.exitCode)
            } catch let error as BatchError {
                console.error(error.description)
                throw ExitCode(error.exitCode)
            }
        }
    }

    /// `hamkor manifest verify DIR`.
    struct VerifyCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Re-hash every file a manifest lists; report each missing or changed one.",
            discussion: """
            TARGET is a folder holding manifest.json, or a manifest file (such as one shard's). \\
            Exit 0 when every file has its recorded size and SHA-256, 1 with one line per file \\
            that is missing or changed, 65 when the manifest is malformed, 66 when it is missing.
            """)

        @Argument(help: ArgumentHelp("A folder holding manifest.json, or a manifest file.", valueName: "TARGET"))
        var target: String

        @OptionGroup var global: GlobalOptions

        func run() throws {
            let console = global.console
            do {
                let outcome = try ManifestVerify.verify(URL(fileURLWithPath: target))
                let failed = outcome.failedUnits > 0 ? "; \(outcome.failedUnits) unit(s) failed in their run and have no files" : ""
                console.info("ok: \(outcome.files) files of \(outcome.units) units match the manifest\(failed)")
            } catch {
                console.error(error.description)
                throw ExitCode(error.exitCode)
            }
        }
    }
}
