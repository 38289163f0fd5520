// swift-tools-version:6.0
// libFuzzer harnesses for Hamkor's loaders. Built only by scripts/fuzz.sh (`make fuzz`), with
// `-sanitize=fuzzer,address`; a separate package so the root `swift build`/`swift test` never
// builds or links them.
import PackageDescription

let package = Package(
    name: "HamkorFuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "Hamkor", path: ".."), .package(url: "https://github.com/jpsim/Yams", from: "6.2.2")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "HamkorKit", package: "Hamkor")]),
        .executableTarget(name: "FuzzDataset", dependencies: ["FuzzSupport", .product(name: "HamkorKit", package: "Hamkor")]),
        .executableTarget(name: "FuzzDatasetCSV", dependencies: ["FuzzSupport", .product(name: "HamkorKit", package: "Hamkor")]),
        .executableTarget(name: "FuzzDefinition", dependencies: ["FuzzSupport", .product(name: "HamkorKit", package: "Hamkor")]),
        .executableTarget(name: "FuzzYAMLGuard", dependencies: ["FuzzSupport", .product(name: "HamkorKit", package: "Hamkor"),
                                                                .product(name: "Yams", package: "Yams")]),
        .executableTarget(name: "FuzzPOCatalog", dependencies: ["FuzzSupport", .product(name: "HamkorKit", package: "Hamkor")]),
        .executableTarget(name: "FuzzJobFile", dependencies: ["FuzzSupport", .product(name: "HamkorBatch", package: "Hamkor"),
                                                              .product(name: "HamkorKit", package: "Hamkor")]),
    ]
)
