// swift-tools-version:6.1
import PackageDescription

/// Settings every Swift target shares: Swift 6 language mode is set package-wide below;
/// these upcoming features keep imports and existentials explicit.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Thresholds",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "Thresholds", targets: ["Thresholds"]),
        .executable(name: "thresholds", targets: ["thresholds"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
    ],
    targets: [
        // libyaml, the system package (apt: libyaml-dev, brew: libyaml). Named so that it
        // cannot clash with Yams' bundled `CYaml` module in a service that links both.
        .systemLibrary(
            name: "CThresholdsLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
        ),
        // Source locations, diagnostics and their renderers; knows nothing about YAML.
        .target(
            name: "ThresholdsDiagnostics",
            swiftSettings: strictSettings
        ),
        // A YAML node tree with source marks, built from libyaml's event API, limits enforced.
        .target(
            name: "ThresholdsYAML",
            dependencies: ["CThresholdsLibYAML", "ThresholdsDiagnostics"],
            swiftSettings: strictSettings
        ),
        // The engine: syntax, parsing, checking (and, later, facts and evaluation).
        .target(
            name: "Thresholds",
            dependencies: ["ThresholdsYAML", "ThresholdsDiagnostics"],
            swiftSettings: strictSettings
        ),
        // The command-line tool: the only target that imports ArgumentParser.
        .executableTarget(
            name: "thresholds",
            dependencies: [
                "Thresholds",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ThresholdsYAMLTests",
            dependencies: ["ThresholdsYAML"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ThresholdsTests",
            dependencies: ["Thresholds"],
            exclude: ["Corpus", "CaseCorpus", "CompositionCorpus", "FixtureCorpus", "Snapshots"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ThresholdsCLITests",
            dependencies: ["thresholds"],
            swiftSettings: strictSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
