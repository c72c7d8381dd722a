import Foundation
import Testing
@testable import Thresholds
import ThresholdsDiagnostics

/// The fixture format's base case and its practitioner-review expectations.
@Suite("Fixture base cases and practitioner review")
struct ReviewFixtureTests {
    /// Writes a fixture file beside the example board's fixtures (so `rules:` resolves) and loads it.
    private func load(_ body: String) throws -> LoadedFixtures {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thresholds-review-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("review.yaml")
        let board = Fixture.root.appendingPathComponent("Rules/northshire-neglect.yaml").path
        try ("fixtures: 1\nrules: \(board)\nas_of: 2026-11-01\n" + body).write(to: file, atomically: true, encoding: .utf8)
        return FixtureLoader().load(contentsOf: file.path)
    }

    static let base = """
        base:
          child: { date_of_birth: 2019-05-14, disabled: false }
          plans: []
          assessments: [{ date: 2026-10-01, grades: { hygiene: 2, home_conditions: 2 } }]
          education: { on_roll: true, sessions_possible: 100, sessions_missed: 2 }
          visits: [{ date: 2026-10-20, outcome: seen }]
          events: []

        """

    @Test("a case's facts are laid over the base: mappings merge, lists replace, ~ removes")
    func merge() throws {
        let loaded = try load(Self.base + """
            cases:
              - name: the base itself
                expect: {}
              - name: one field changed
                facts: { education: { sessions_missed: 12 }, assessments: [{ date: 2026-10-02, grades: { hygiene: 3 } }] }
                expect: {}
              - name: a part removed
                facts: { visits: ~ }
                expect: {}
            """)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let cases = try #require(loaded.suite?.cases)
        #expect(cases[0].facts.education?.sessionsMissed == 2)
        #expect(cases[1].facts.education?.sessionsMissed == 12)
        #expect(cases[1].facts.education?.sessionsPossible == 100)  // kept from the base
        #expect(cases[1].facts.assessments?.count == 1)             // replaced, not appended
        #expect(cases[1].facts.assessments?.first?.grades == ["hygiene": 3])
        #expect(cases[2].facts.visits == nil)                      // unknown, not none
        #expect(cases[2].facts.events == [])
    }

    @Test("a diagnostic in a merged case points at the line that wrote the value")
    func mergedDiagnosticLocation() throws {
        let loaded = try load(Self.base + """
            cases:
              - name: a wrong type
                facts: { child: { disabled: yes } }
                expect: {}
            """)
        let error = try #require(loaded.diagnostics.first { $0.severity == .error })
        #expect(error.id.rawValue == "document.wrong-type")
        #expect(error.range?.start.line == 13)  // the case's facts line, not the base's
    }

    @Test("expected, acceptable and unsafe levels: pass, pass as an alternative, fail as unsafe")
    func reviewOutcomes() throws {
        // A child with hygiene at 3 is early help under the example board.
        let loaded = try load(Self.base + """
            cases:
              - name: expected
                facts: { assessments: [{ date: 2026-10-01, grades: { hygiene: 3 } }] }
                expect: { level: early_help, unsafe: [pre_proceedings] }
              - name: alternative
                facts: { assessments: [{ date: 2026-10-01, grades: { hygiene: 3 } }] }
                expect: { level: child_in_need, acceptable: [early_help], unsafe: [universal] }
              - name: unsafe
                facts: { assessments: [{ date: 2026-10-01, grades: { hygiene: 3 } }] }
                expect: { level: child_in_need, unsafe: [universal, early_help] }
              - name: missing mention
                facts: { assessments: [{ date: 2026-10-01, grades: { hygiene: 3 } }] }
                expect: { level: early_help, must_mention: [NS-EH-01, "some essential needs", "immediate protection"] }
            """)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let report = FixtureRunner().run(try #require(loaded.suite))
        let byName = Dictionary(uniqueKeysWithValues: report.results.map { ($0.name, $0) })
        #expect(byName["expected"]?.status == .passed && byName["expected"]?.alternative == false)
        #expect(byName["alternative"]?.status == .passed && byName["alternative"]?.alternative == true)
        #expect(byName["unsafe"]?.status == .failed && byName["unsafe"]?.unsafe == true)
        #expect(byName["unsafe"]?.failures == ["UNSAFE: early_help is unsafe for this case (expected child_in_need)"])
        #expect(byName["missing mention"]?.failures == ["must mention: the explanation does not mention 'immediate protection'"])
        #expect(report.reviewSummary == "practice review: 3 cases — 1 at the expected level, 1 at an acceptable alternative, 1 unsafe")
        let text = FixtureReportRenderer.text(report, coverage: false)
        #expect(text.contains("PASS  \(report.results[1].file): alternative (an acceptable alternative: early_help)"))
        #expect(text.contains("UNSAFE \(report.results[2].file): unsafe"))
    }

    @Test("the practitioner-review suite has at least 40 reviewed cases, and every one is at its expected level")
    func practiceSuite() throws {
        let path = Fixture.root.appendingPathComponent("Examples/fixtures/practice/practitioner-review.yaml").path
        let loaded = FixtureLoader().load(contentsOf: path)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let suite = try #require(loaded.suite)
        #expect(suite.cases.count >= 40)
        #expect(suite.cases.allSatisfy { $0.expectation.level != nil && !$0.expectation.unsafe.isEmpty && !$0.expectation.mustMention.isEmpty })
        let report = FixtureRunner().run(suite)
        #expect(report.failed == 0, "\(FixtureReportRenderer.text(report, coverage: false))")
        #expect(report.results.allSatisfy { !$0.unsafe })
    }
}
