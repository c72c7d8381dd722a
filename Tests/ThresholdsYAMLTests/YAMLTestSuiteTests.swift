import Foundation
import Testing
import ThresholdsDiagnostics
import ThresholdsYAML

/// One input of the YAML project's conformance suite (`../shared/corpora/yaml-test-suite`,
/// beside the repository): a folder with `in.yaml`, and an `error` file when the input is invalid.
struct YAMLSuiteCase: CustomTestStringConvertible, Sendable {
    let id: String
    let folder: URL
    var testDescription: String { id }
    var isInvalid: Bool { FileManager.default.fileExists(atPath: folder.appendingPathComponent("error").path) }

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/corpora/yaml-test-suite")

    static var all: [YAMLSuiteCase] {
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var cases: [YAMLSuiteCase] = []
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix("/in.yaml") || relative == "in.yaml" else { continue }
            let folder = root.appendingPathComponent(relative).deletingLastPathComponent()
            cases.append(YAMLSuiteCase(id: String(relative.dropLast("/in.yaml".count)), folder: folder))
        }
        return cases.sorted { $0.id < $1.id }
    }
}

/// The YAML test suite over the node-tree loader: every input loads or is rejected with a
/// located diagnostic, never a crash or a hang. Where libyaml (a YAML 1.1 parser) disagrees with
/// the suite, the input is listed here by id, so any new discrepancy fails.
@Suite("YAML test suite", .enabled(if: FileManager.default.fileExists(atPath: YAMLSuiteCase.root.path)),
       .timeLimit(.minutes(2)))
struct YAMLTestSuiteTests {
    /// Rejections that are this project's policy, not YAML syntax: one document per file, the
    /// core schema's tags only, no duplicate keys, no empty file, aliases after their anchors.
    static let policy: Set<String> = [
        "yaml.multiple-documents", "yaml.unsupported-tag", "yaml.duplicate-key", "yaml.empty", "yaml.undefined-alias",
    ]

    /// Valid inputs that libyaml (0.2.5), a YAML 1.1 parser, rejects with a syntax error: 51 of
    /// the suite's 402 inputs. Each is rejected with a located `yaml.syntax` diagnostic.
    static let validRejectedByLibyaml: Set<String> = [
        "2JQS", "2LFX", "2SXE", "4ABK", "4MUZ/00", "4MUZ/01", "4MUZ/02", "58MP", "5MUD", "5T43", "6BCT", "6CA3",
        "6LVF", "6M2F", "7Z25", "8XYN", "96NN/00", "96NN/01", "9SA2", "A2M4", "BEC7", "CFD4", "DBG4", "DK3J",
        "DK95/00", "DK95/03", "DK95/04", "FP8R", "FRK4", "HM87/00", "HWV9", "K3WX", "M2N8/00", "M7A3", "MUS6/05",
        "MUS6/06", "NHX8", "NJ66", "NKF9", "Q5MG", "QT73", "R4YG", "S3PD", "SM9W/01", "UKK6/00", "UT92", "VJP3/01",
        "W4TN", "W5VH", "Y79Y/001", "Y79Y/010",
    ]

    /// Invalid inputs that libyaml (0.2.5) accepts: 12 of the suite's 95 error cases.
    static let invalidAcceptedByLibyaml: Set<String> = [
        "9C9N", "9JBA", "CVW2", "DK95/01", "G5U8", "MUS6/00", "QB6E", "S98Z", "SU5Z", "X4QW", "Y79Y/003", "YJV2",
    ]

    /// How the loader met one input.
    enum Outcome: Equatable {
        case loaded
        case rejected(id: String, located: Bool)
    }

    static func outcome(_ suiteCase: YAMLSuiteCase) -> Outcome {
        let document = YAMLLoader().load(contentsOf: suiteCase.folder.appendingPathComponent("in.yaml").path)
        guard let error = document.diagnostics.first(where: { $0.severity == .error }) else { return .loaded }
        return .rejected(id: error.id.rawValue, located: error.range != nil)
    }

    @Test("the suite is present and complete enough to mean something")
    func present() {
        #expect(YAMLSuiteCase.all.count >= 350)
    }

    @Test("every input loads, or is rejected with a located diagnostic; invalid inputs are rejected", arguments: YAMLSuiteCase.all)
    func conformance(_ suiteCase: YAMLSuiteCase) {
        let outcome = Self.outcome(suiteCase)
        if case .rejected(_, let located) = outcome { #expect(located, "a rejection must say where") }
        if suiteCase.isInvalid {
            let accepted = outcome == .loaded
            #expect(accepted == Self.invalidAcceptedByLibyaml.contains(suiteCase.id),
                    accepted ? "an invalid input loaded: a new libyaml deviation?" : "listed as accepted by libyaml, but now rejected")
        } else if case .rejected(let id, _) = outcome, !Self.policy.contains(id) {
            #expect(Self.validRejectedByLibyaml.contains(suiteCase.id), "a valid input was rejected with \(id)")
        } else {
            #expect(!Self.validRejectedByLibyaml.contains(suiteCase.id), "listed as rejected by libyaml, but now loads")
        }
    }
}
