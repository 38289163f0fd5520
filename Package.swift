// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Hamkor",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "hamkor", targets: ["hamkor"]),
        /// The library a third party builds on: load data, build report documents, write exporters.
        .library(name: "HamkorKit", targets: ["HamkorLocalization", "HamkorCore", "HamkorExport"]),
        .library(name: "HamkorXLSX", targets: ["HamkorXLSX"]),
        .library(name: "HamkorPDF", targets: ["HamkorPDF"]),
        .library(name: "HamkorBatch", targets: ["HamkorBatch"]),
        .library(name: "HamkorWorkbook", targets: ["HamkorWorkbook"]),
        .library(name: "HamkorRegisters", targets: ["HamkorRegisters"]),
        .library(name: "HamkorPostgres", targets: ["HamkorPostgres"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // The only door to libxlsxwriter; imported by HamkorXLSX alone.
        .systemLibrary(
            name: "CXlsxWriter",
            pkgConfig: "xlsxwriter",
            providers: [.apt(["libxlsxwriter-dev"]), .brew(["libxlsxwriter"])]
        ),
        // The only door to Cairo (PDF surfaces) and Pango (shaping, line breaking, font
        // fallback); imported by HamkorPDF alone.
        .systemLibrary(
            name: "CPangoCairo",
            pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev"]), .brew(["pango", "cairo"])]
        ),
        // Language tags, PO catalogs, CLDR plural rules, ICU-backed formatting; the only module
        // that calls ICU's C API (`_FoundationICU`, the ICU Foundation itself links: one collator
        // per report language instead of one per comparison).
        .target(name: "HamkorLocalization", linkerSettings: [.linkedLibrary("_FoundationICU")]),
        // Vector kernels (SSE2) that skip plain UTF-8 text sixteen bytes at a time, for the file
        // check and the CSV parser; imported by HamkorCore alone.
        .target(name: "CTextScan"),
        // Data model, loading, validation, report definitions, aggregation, the report document.
        .target(
            name: "HamkorCore",
            dependencies: ["HamkorLocalization", "CTextScan", .product(name: "Yams", package: "Yams")]
        ),
        // The exporter protocol, registry, atomic writer, and the CSV and text exporters.
        .target(name: "HamkorExport", dependencies: ["HamkorCore", "HamkorLocalization"]),
        // The XLSX exporter over libxlsxwriter.
        .target(name: "HamkorXLSX", dependencies: ["HamkorExport", "HamkorCore", "HamkorLocalization", "CXlsxWriter",
                                                   .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The PDF exporter over Cairo and Pango.
        .target(name: "HamkorPDF", dependencies: ["HamkorExport", "HamkorCore", "HamkorLocalization", "CPangoCairo"]),
        // Job files, unit expansion, sharding, manifests, locks, cron and the scheduler.
        .target(
            name: "HamkorBatch",
            dependencies: [
                "HamkorCore", "HamkorExport", "HamkorLocalization",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // A streaming reader of .xlsx workbooks over ZIPFoundation and Foundation's XMLParser.
        .target(name: "HamkorWorkbook", dependencies: ["HamkorLocalization", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // Workbook registers read through import profiles into datasets.
        .target(
            name: "HamkorRegisters",
            dependencies: ["HamkorCore", "HamkorLocalization", "HamkorWorkbook", .product(name: "Yams", package: "Yams")]
        ),
        // PostgreSQL source files: the only module that links PostgresNIO.
        .target(
            name: "HamkorPostgres",
            dependencies: ["HamkorCore", .product(name: "PostgresNIO", package: "postgres-nio"),
                           .product(name: "Yams", package: "Yams"), .product(name: "Logging", package: "swift-log")]
        ),
        .executableTarget(
            name: "hamkor",
            dependencies: [
                "HamkorCore", "HamkorExport", "HamkorXLSX", "HamkorPDF", "HamkorBatch", "HamkorLocalization",
                "HamkorRegisters", "HamkorPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(name: "HamkorLocalizationTests", dependencies: ["HamkorLocalization"]),
        .testTarget(name: "CTextScanTests", dependencies: ["CTextScan"]),
        .testTarget(name: "HamkorCoreTests", dependencies: ["HamkorCore", "HamkorLocalization"], exclude: ["Fixtures"]),
        .testTarget(name: "HamkorExportTests", dependencies: ["HamkorExport", "HamkorCore", "HamkorLocalization"], exclude: ["Goldens"]),
        .testTarget(
            name: "HamkorXLSXTests",
            dependencies: ["HamkorXLSX", "HamkorExport", "HamkorCore", "HamkorLocalization",
                           .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .testTarget(name: "HamkorPDFTests", dependencies: ["HamkorPDF", "HamkorExport", "HamkorCore", "HamkorLocalization"]),
        .testTarget(name: "HamkorBatchTests", dependencies: ["HamkorBatch", "HamkorCore", "HamkorExport"], exclude: ["Fixtures"]),
        .testTarget(name: "HamkorWorkbookTests", dependencies: ["HamkorWorkbook", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "HamkorRegistersTests", dependencies: ["HamkorRegisters", "HamkorWorkbook", "HamkorCore", "HamkorLocalization"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "HamkorPostgresTests", dependencies: ["HamkorPostgres", "HamkorCore"], exclude: ["Fixtures"]),
        .testTarget(name: "HamkorCLITests", dependencies: ["hamkor", "HamkorCore"], exclude: ["Fixtures"]),
    ]
)
