// swift-tools-version:6.0
// A third-party exporter: depends on Hamkor as a library and adds a Markdown format
// without any change to Hamkor's sources.
import PackageDescription

let package = Package(
    name: "MarkdownExporter",
    products: [.library(name: "MarkdownExporter", targets: ["MarkdownExporter"])],
    dependencies: [.package(name: "Hamkor", path: "../..")],
    targets: [
        .target(name: "MarkdownExporter", dependencies: [.product(name: "HamkorKit", package: "Hamkor")]),
        .testTarget(name: "MarkdownExporterTests", dependencies: ["MarkdownExporter", .product(name: "HamkorKit", package: "Hamkor")]),
    ]
)
