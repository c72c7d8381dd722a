import Foundation
import Testing
@testable import Thresholds
import ThresholdsDiagnostics

/// Caseload runs over JSON Lines: results in input order whatever the cores do, a bad line
/// rejected at its own line number without losing the others, and a summary.
@Suite("Caseload runs")
struct CaseloadRunnerTests {
    /// The example cases, each encoded as one JSON line.
    static func exampleLines() throws -> [(facts: CaseFacts, line: String)] {
        let folder = Fixture.root.appendingPathComponent("Examples/cases")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try names.map { name in
            let loaded = CaseLoader().load(contentsOf: folder.appendingPathComponent(name).path)
            let facts = try #require(loaded.facts)
            return (facts, String(decoding: try encoder.encode(facts), as: UTF8.self))
        }
    }

    @Test("2,000 lines in batches across the cores give each case's recommendation, in input order")
    func inOrder() throws {
        let plan = try #require(Fixture.board).compile()
        let examples = try Self.exampleLines()
        let lines = (0..<2_000).map { examples[$0 % examples.count].line }
        var runner = CaseloadRunner(plan: plan, asOf: Fixture.asOf)
        runner.batchSize = 97  // not a divisor, so the last batch is partial
        var results: [CaseloadRunner.Result] = []
        let summary = runner.run(lines: lines, path: "load.jsonl") { results.append($0) }
        #expect(results.count == 2_000)
        for (index, result) in results.enumerated() {
            guard case .evaluated(let line, let recommendation) = result else {
                if case .rejected(_, let diagnostics) = result, index < 3 { Issue.record("line \(index + 1) was rejected: \(diagnostics)") }
                continue
            }
            #expect(line == index + 1)
            #expect(recommendation == plan.evaluate(examples[index % examples.count].facts, asOf: Fixture.asOf))
        }
        #expect(summary.evaluated == 2_000 && summary.rejected == 0)
        #expect(summary.levels.values.reduce(0, +) == 2_000)
    }

    @Test("a bad line is rejected with diagnostics at its own line; blank lines are skipped; the run goes on")
    func badLines() throws {
        let plan = try #require(Fixture.board).compile()
        let good = try Self.exampleLines()[0].line
        let lines = [good, "{\"child\": {\"date_of_bith\": \"2020-01-01\"}}", "", "not: [json", good]
        var results: [CaseloadRunner.Result] = []
        let summary = CaseloadRunner(plan: plan, asOf: Fixture.asOf).run(lines: lines, path: "load.jsonl") { results.append($0) }
        #expect(results.count == 4)
        guard case .rejected(let line, let diagnostics) = results[1] else {
            Issue.record("line 2 should be rejected")
            return
        }
        #expect(line == 2)
        #expect(diagnostics.map(\.id) == ["document.unknown-key"])
        #expect(diagnostics.first?.range?.start.line == 2)
        #expect(diagnostics.first?.fixIts.first?.edits.first?.range.start.line == 2)
        if case .rejected(let line, _) = results[2] { #expect(line == 4) } else { Issue.record("line 4 should be rejected") }
        if case .evaluated(let line, _) = results[3] { #expect(line == 5) } else { Issue.record("line 5 should be evaluated") }
        #expect(summary.rejected == 2 && summary.evaluated == 2)
        #expect(summary.text.hasPrefix("2 cases evaluated"))
    }

    @Test("a case with no as-of date, and none given for the run, is rejected, never dated by the clock")
    func missingAsOf() throws {
        let plan = try #require(Fixture.board).compile()
        var results: [CaseloadRunner.Result] = []
        _ = CaseloadRunner(plan: plan, asOf: nil).run(lines: ["{\"child\": {\"disabled\": true}}"], path: "l.jsonl") { results.append($0) }
        guard case .rejected(_, let diagnostics) = results.first else {
            Issue.record("should be rejected")
            return
        }
        #expect(diagnostics.map(\.id) == ["case.missing-as-of"])
    }

    @Test("a synthetic caseload is the same for the same seed, loads without a rejected line, and runs under two boards")
    func generated() throws {
        let generator = CaseloadGenerator(seed: 7, asOf: Fixture.asOf)
        let lines = (0..<1_000).map(generator.line)
        #expect(lines == (0..<1_000).map(CaseloadGenerator(seed: 7, asOf: Fixture.asOf).line))
        #expect(lines != (0..<1_000).map(CaseloadGenerator(seed: 8, asOf: Fixture.asOf).line))
        #expect(generator.line(500) == lines[500], "a case does not depend on those before it")
        #expect(Set(lines).count == lines.count)
        let kennet = try #require(DocumentLoader().load(contentsOf: Fixture.root.path + "/Rules/wessex/kennet-neglect.yaml",
                                                        rulesRoot: Fixture.root.path).checked)
        for plan in [try #require(Fixture.board).compile(), kennet.compile()] {
            let summary = CaseloadRunner(plan: plan, asOf: nil).run(lines: lines, path: "synthetic.jsonl") { _ in }
            #expect(summary.rejected == 0 && summary.evaluated == 1_000)
            #expect(Level.allCases.filter { summary.levels[$0, default: 0] > 0 }.count >= 4, "every part of the ladder is reached")
        }
    }
}
