// swift-tools-version:6.1
// libFuzzer targets for every input kind, kept out of the shipped package: threshold documents,
// case files (YAML and JSON), fixture files and expression strings. Build, seed and run them
// all with ./run.sh (see README.md here).
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder, so find out what the checkout is called.
let parent = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let parentIdentity = parent.lastPathComponent.lowercased()

let package = Package(
    name: "ThresholdsFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "Thresholds", package: parentIdentity)]),
    ] + ["FuzzDocumentLoader", "FuzzCaseFile", "FuzzFixtureFile", "FuzzExpression"].map { name in
        .executableTarget(
            name: name,
            dependencies: ["FuzzSupport", .product(name: "Thresholds", package: parentIdentity),
                           .product(name: "ThresholdsHTML", package: parentIdentity)],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    },
    swiftLanguageModes: [.v6]
)
