import Foundation

enum NSTemporaryPath {
    static func make(_ name: String) -> String {
        NSTemporaryDirectory() + "thresholds-\(UUID().uuidString)-\(name)"
    }
}

enum TestFiles {
    static func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }
}
