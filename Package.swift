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
        .library(name: "ThresholdsHTML", targets: ["ThresholdsHTML"]),
        .executable(name: "thresholds", targets: ["thresholds"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.4.0"),
        // Typed HTML with escaping, for the published threshold document and the HTML outputs.
        .package(url: "https://github.com/JohnSundell/Plot", from: "0.14.0"),
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
        // Pages for people: the published threshold document, a case's recommendation and a
        // version comparison as self-contained HTML. The only target that imports Plot.
        .target(
            name: "ThresholdsHTML",
            dependencies: ["Thresholds", .product(name: "Plot", package: "Plot")],
            swiftSettings: strictSettings
        ),
        // The command-line tool: the only target that imports ArgumentParser.
        .executableTarget(
            name: "thresholds",
            dependencies: [
                "Thresholds",
                "ThresholdsHTML",
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
            dependencies: ["Thresholds", "ThresholdsHTML"],
            exclude: ["Corpus", "CaseCorpus", "CompositionCorpus", "FixtureCorpus", "Snapshots", "VerifyCorpus"],
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
