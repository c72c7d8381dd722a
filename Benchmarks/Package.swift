// swift-tools-version:6.1
// Benchmarks, kept out of the shipped package: `swift package --disable-sandbox benchmark` here.
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder; find what the checkout is called.
let parent = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

let package = Package(
    name: "ThresholdsBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "EvaluationBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "Thresholds", package: parent.lastPathComponent.lowercased()),
            ],
            path: "Benchmarks/EvaluationBenchmarks",
            resources: [.copy("bench-rules.yaml")],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
