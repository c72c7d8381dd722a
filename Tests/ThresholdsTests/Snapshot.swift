import Foundation
import Testing

/// Golden-file comparison: `RECORD_SNAPSHOTS=1 swift test` rewrites the file and fails on purpose,
/// so a recording run can never pass silently.
enum Snapshot {
    static let recording = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil

    /// The folder of the test target's sources (`#filePath` here is this file's, whoever calls).
    static func directory() -> URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    }

    static func assertMatches(_ actual: String, file url: URL, sourceLocation: SourceLocation = #_sourceLocation) {
        let normalized = actual.replacingOccurrences(of: "\r\n", with: "\n")
        if recording {
            try? normalized.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("recorded \(url.lastPathComponent); run again without RECORD_SNAPSHOTS", sourceLocation: sourceLocation)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no snapshot at \(url.path); record it with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
            return
        }
        let expectedText = expected.replacingOccurrences(of: "\r\n", with: "\n")
        if expectedText != normalized {
            Issue.record("snapshot \(url.lastPathComponent) differs:\n\(lineDiff(expected: expectedText, actual: normalized))",
                         sourceLocation: sourceLocation)
        }
    }

    /// A minimal line diff: `-` expected lines missing from the actual text, `+` unexpected ones.
    static func lineDiff(expected: String, actual: String) -> String {
        let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
        var output: [String] = []
        for index in 0..<max(old.count, new.count) {
            let left = index < old.count ? String(old[index]) : nil
            let right = index < new.count ? String(new[index]) : nil
            if left == right { continue }
            if let left { output.append("-\(index + 1): \(left)") }
            if let right { output.append("+\(index + 1): \(right)") }
        }
        return output.joined(separator: "\n")
    }
}
