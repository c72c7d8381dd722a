import Foundation
import Testing
@testable import Thresholds
import ThresholdsDiagnostics
import ThresholdsHTML

/// `thresholds compare`: the Wessex county baseline against Kennet's local document over a small
/// caseload, pinned to its exact text and JSON.
@Suite("Comparing versions over a caseload")
struct ComparisonTests {
    static func comparison() throws -> (CaseloadComparison, [Diagnostic]) {
        let root = Fixture.root.path
        func plan(_ path: String) throws -> EvaluationPlan {
            try #require(DocumentLoader().load(contentsOf: root + "/" + path, rulesRoot: root).checked).compile()
        }
        let text = try String(contentsOf: Fixture.root.appendingPathComponent("Examples/caseload/wessex-sample.jsonl"), encoding: .utf8)
        var rejected: [Diagnostic] = []
        let comparison = CaseloadComparison.compare(
            old: try plan("Rules/wessex/baseline/wessex-baseline.yaml"), new: try plan("Rules/wessex/kennet-neglect.yaml"),
            lines: text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init),
            path: "Examples/caseload/wessex-sample.jsonl", asOf: nil, batchSize: 3) { rejected += $0 }
        return (comparison, rejected)
    }

    @Test("the transition matrix, each changed case with the rules that newly fire, stop firing or were revised, and action changes")
    func baselineAgainstKennet() throws {
        let (comparison, rejected) = try Self.comparison()
        #expect(comparison.cases == 6)
        #expect(comparison.rejected == 1)
        #expect(rejected.map(\.id) == ["document.unknown-key"])
        #expect(rejected.first?.range?.start.line == 7)
        let total: Int = comparison.transitions.joined().reduce(0, +)
        #expect(total == 6)
        #expect(comparison.transitions[Level.universal.rank][Level.childInNeed.rank] == 1)
        #expect(comparison.changed.map(\.caseID) == ["W-1", "W-2", "W-3", "W-4"])
        #expect(comparison.changed[1].stoppedFiring.map(\.id) == ["WX-EH-04"])
        #expect(comparison.changed[2].firedRevised.map(\.id) == ["WX-EH-03"])
        #expect(comparison.changed[2].oldSublevel == "single_agency")
        #expect(comparison.changed[2].newSublevel == "multi_agency")
        let root = Fixture.root.path + "/"
        Snapshot.assertMatches(comparison.text.replacingOccurrences(of: root, with: ""),
                               file: Snapshot.directory().appendingPathComponent("Snapshots/compare/wessex-baseline-to-kennet.txt"))
        let json = String(decoding: try OutputJSON.encode(comparison), as: UTF8.self).replacingOccurrences(of: root, with: "")
        Snapshot.assertMatches(json + "\n", file: Snapshot.directory().appendingPathComponent("Snapshots/compare/wessex-baseline-to-kennet.json"))
        let html = ComparisonPage.render(comparison).replacingOccurrences(of: root, with: "")
        Snapshot.assertMatches(html, file: Snapshot.directory().appendingPathComponent("Snapshots/compare/wessex-baseline-to-kennet.html"))
        let page = HTMLStructure(html)
        #expect(page.error == nil)
        let cells = page.all("td").map(\.text)
        #expect(cells == comparison.transitions.joined().map(String.init), "the matrix, row by row")
        #expect(page.all("article").compactMap { $0.attributes["id"] } == comparison.changed.map { "line-\($0.line)" })
        let third = try #require(page.first(id: "line-3"))
        #expect(third.text.contains("early_help.single_agency → early_help.multi_agency"))
        #expect(third.text.contains("WX-EH-03"))
    }

    @Test("a document compared with itself changes nothing")
    func sameDocument() throws {
        let plan = try #require(DocumentLoader().load(contentsOf: Fixture.root.path + "/Rules/wessex/kennet-neglect.yaml",
                                                      rulesRoot: Fixture.root.path).checked).compile()
        let text = try String(contentsOf: Fixture.root.appendingPathComponent("Examples/caseload/wessex-sample.jsonl"), encoding: .utf8)
        let comparison = CaseloadComparison.compare(old: plan, new: plan, lines: text.split(separator: "\n").map(String.init),
                                                    path: "sample.jsonl", asOf: nil)
        #expect(comparison.changed.isEmpty && comparison.cases == 6)
        var unchanged = 0
        for rank in 0..<Level.allCases.count { unchanged += comparison.transitions[rank][rank] }
        #expect(unchanged == 6)
    }
}
