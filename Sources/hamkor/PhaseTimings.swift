import HamkorCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Benchmark support (not a user feature): with `HAMKOR_TIMINGS=1` in the environment,
/// `hamkor report` prints one line to stderr when it is done —
/// `bench hamkor load=S build=S export=S export_cpu=S rss_loaded_kib=K rss_peak_kib=K` —
/// the wall seconds of loading (resources and dataset), building the document and exporting,
/// the CPU seconds of the export, and the peak resident size before and after the export;
/// then `load_cpu=S build_cpu=S rss_after_load_kib=K`, the CPU seconds of loading and of
/// building and the peak resident size when the data is loaded.
/// `Benchmarks/run.sh` reads it to separate the export step from load and aggregation.
struct PhaseTimings {
    static let enabled = (try? HamkorEnvironment.timings()) ?? false

    private var marks: [(wall: Double, cpu: Double, rss: Int)] = []

    /// Records the end of a phase (the first call records the start).
    mutating func mark() {
        guard Self.enabled else { return }
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        var usage = rusage()
        #if canImport(Glibc)
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        getrusage(RUSAGE_SELF, &usage)
        #endif
        let cpu = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        marks.append((Double(time.tv_sec) + Double(time.tv_nsec) / 1e9, cpu, Int(usage.ru_maxrss)))
    }

    /// Prints the line (after four marks: start, loaded, built, exported).
    func print(rows: Int) {
        guard Self.enabled, marks.count == 4 else { return }
        let line = "bench hamkor rows=\(rows) load=\(seconds(marks[1].wall - marks[0].wall))"
            + " build=\(seconds(marks[2].wall - marks[1].wall)) export=\(seconds(marks[3].wall - marks[2].wall))"
            + " export_cpu=\(seconds(marks[3].cpu - marks[2].cpu)) rss_loaded_kib=\(marks[2].rss) rss_peak_kib=\(marks[3].rss)"
            + " load_cpu=\(seconds(marks[1].cpu - marks[0].cpu)) build_cpu=\(seconds(marks[2].cpu - marks[1].cpu))"
            + " rss_after_load_kib=\(marks[1].rss)\n"
        _ = line.withCString { write(2, $0, strlen($0)) }
    }

    private func seconds(_ value: Double) -> String {
        let tenThousandths = Int((value * 10_000).rounded())
        let fraction = String(tenThousandths % 10_000)
        return "\(tenThousandths / 10_000)." + String(repeating: "0", count: 4 - fraction.count) + fraction
    }
}
