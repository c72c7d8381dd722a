// swift-tools-version:6.1
// Benchmarks, kept out of the shipped package: `swift package --disable-sandbox benchmark` here.
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder; find what the checkout is called.
let parent = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let thresholds = Target.Dependency.product(name: "Thresholds", package: parent.lastPathComponent.lowercased())

let package = Package(
    name: "ThresholdsBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // libyaml itself, for the raw event scan that loading a document is compared with.
        .systemLibrary(name: "CBenchLibYAML", pkgConfig: "yaml-0.1", providers: [.apt(["libyaml-dev"])]),
        // The peer workload (its cases on the case model, its hand-written baseline), the raw
        // libyaml scan and the generated 1,000-rule document.
        .target(name: "BenchSupport", dependencies: [thresholds, "CBenchLibYAML"]),
        .executableTarget(
            name: "EvaluationBenchmarks",
            dependencies: [.product(name: "Benchmark", package: "benchmark"), thresholds, "BenchSupport"],
            path: "Benchmarks/EvaluationBenchmarks",
            resources: [.copy("bench-rules.yaml")],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // The peer benchmark's driver interface (as its swift-native binary): one JSON line per
        // mode, a dump for its check.py; also what callgrind profiles.
        .executableTarget(name: "thresholds-peer", dependencies: [thresholds, "BenchSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
