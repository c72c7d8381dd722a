// swift-tools-version:6.1
// A service that embeds Thresholds: load a board's document once, evaluate cases in code.
import Foundation
import PackageDescription

/// SwiftPM names a path dependency after its folder; find what the checkout is called.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

let package = Package(
    name: "EmbeddingExample",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "../..")],
    targets: [
        .executableTarget(
            name: "EmbeddingExample",
            dependencies: [.product(name: "Thresholds", package: root.lastPathComponent.lowercased())]
        ),
    ],
    swiftLanguageModes: [.v6]
)
