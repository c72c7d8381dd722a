// swift-tools-version:6.1
// A libFuzzer target for the document loader, kept out of the shipped package.
// Build and run (see README.md here):
//   swift build -c release --sanitize fuzzer --sanitize address
//   .build/release/FuzzDocumentLoader -max_total_time=120 corpus/
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder, so find out what the checkout is called.
let parent = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
let parentIdentity = parent.lastPathComponent.lowercased()

let package = Package(
    name: "ThresholdsFuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "FuzzDocumentLoader",
            dependencies: [.product(name: "Thresholds", package: parentIdentity)],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ],
    swiftLanguageModes: [.v6]
)
