import Foundation
import Testing
@testable import Thresholds
import ThresholdsDiagnostics

/// Small hostile inputs must not cost large time or output: a file of one very long line, many
/// errors on it, and a document whose many rules each read a case with many records. The time
/// limits are hang guards, not performance claims.
@Suite("Amplification", .timeLimit(.minutes(5)))
struct AmplificationTests {
    /// 3,000 visits with a bad outcome, all on one line.
    static let oneLine = "visits: [" + Array(repeating: "{ date: 2026-01-01, outcome: bogus }", count: 3_000).joined(separator: ",") + "]\n"

    @Test("a file of one long line loads in linear time, every diagnostic located on it")
    func longLine() {
        let loaded = CaseLoader().load(text: Self.oneLine, path: "one-line.yaml")
        #expect(loaded.diagnostics.count == 3_000)
        #expect(loaded.diagnostics.allSatisfy { $0.range?.start.line == 1 })
        // The last one is where it should be: 9 + 2,999 items of 37 characters, then `{ date: …, outcome: `.
        #expect(loaded.diagnostics.last?.range?.start.column == 10 + 2_999 * 37 + 29)
    }

    @Test("rendering shows at most 200 diagnostics a file, each excerpt a window of the line")
    func boundedOutput() throws {
        let loaded = CaseLoader().load(text: Self.oneLine, path: "one-line.yaml")
        let text = DiagnosticRenderer().render(loaded.diagnostics, sources: [loaded.source.path: loaded.source])
        #expect(text.utf8.count < 100_000)
        #expect(text.hasSuffix("one-line.yaml: 2800 more diagnostics not shown (the first 200 are)\n"))
        let lines = text.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count < 400 })
        // The caret sits under the value it points at, inside the window.
        let excerpt = try #require(lines.firstIndex { $0.hasPrefix("  1 | …") })
        let caretLine = lines[excerpt + 1]
        let caret = try #require(caretLine.firstIndex(of: "^"))
        let source = lines[excerpt]
        let offset = caretLine.distance(from: caretLine.startIndex, to: caret)
        #expect(source.dropFirst(offset).hasPrefix("bogus"))
    }

    @Test("5,000 rules each counting a stream of a case with 40,000 visits: each stream is derived once")
    func rulesTimesRecords() throws {
        let rules = (0..<5_000).map {
            "  - { id: R\($0), title: t, level: child_in_need, source: s, when: \"count(no_access in last \($0 % 300 + 1) days) >= 1000000\" }\n"
        }.joined()
        let document = try #require(ExpressionScaleTests.load("rules:\n" + rules).checked)
        let visits = (0..<40_000).map { CaseFacts.Visit(date: Fixture.asOf.adding(days: -($0 % 3_000)) ?? Fixture.asOf, outcome: .noAnswer) }
        let result = EvaluationPlan(document).evaluate(CaseFacts(visits: visits), asOf: Fixture.asOf)
        #expect(result.level == .universal)
        #expect(!result.provisional)
    }
}
