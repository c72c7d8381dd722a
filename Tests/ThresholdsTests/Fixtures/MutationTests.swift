import Foundation
import Testing
@testable import Thresholds
import ThresholdsDiagnostics

/// `thresholds test --mutate`: small changes to a document, and whether the fixtures notice.
@Suite("Mutation testing")
struct MutationTests {
    static let document = Fixture.document("""
        rules:
          - id: R-1
            title: Hygiene
            level: early_help
            source: s
            when: domain.hygiene >= 3 and count(concern in last 6 months) >= 1
        """)

    static func suite(_ grades: [(hygiene: Int, concernDaysAgo: Int, level: Level)]) throws -> FixtureSuite {
        let checked = try #require(document)
        let cases = grades.enumerated().map { index, item in
            FixtureCase(name: "case \(index)", tags: [],
                        facts: Fixture.facts("""
                            assessments: [{ date: 2026-10-01, grades: { hygiene: \(item.hygiene) } }]
                            events: [{ date: \(Fixture.asOf.adding(days: -item.concernDaysAgo)?.description ?? ""), kind: concern }]
                            """),
                        asOf: Fixture.asOf, expectation: Expectation(level: item.level), skip: nil,
                        range: SourceRange(at: SourceLocation(line: 1, column: 1, offset: 0)))
        }
        return FixtureSuite(file: "fixtures.yaml", checked: checked, cases: cases)
    }

    @Test("the mutants: boundary moved and direction reversed, each number and window a step each way, and/or swapped, each part dropped")
    func mutants() throws {
        let checked = try #require(Self.document)
        let mutants = DocumentMutator.mutants(of: checked.document)
        let changes = mutants.map { "\($0.original) → \($0.replacement.isEmpty ? "(dropped)" : $0.replacement)" }
        #expect(changes == [
            "domain.hygiene >= 3 and count(concern in last 6 months) >= 1 → domain.hygiene >= 3 or count(concern in last 6 months) >= 1",
            "domain.hygiene >= 3 → (dropped)",
            "domain.hygiene >= 3 → domain.hygiene > 3",
            "domain.hygiene >= 3 → domain.hygiene <= 3",
            "domain.hygiene >= 3 → domain.hygiene >= 2",
            "domain.hygiene >= 3 → domain.hygiene >= 4",
            "count(concern in last 6 months) >= 1 → (dropped)",
            "count(concern in last 6 months) >= 1 → count(concern in last 6 months) > 1",
            "count(concern in last 6 months) >= 1 → count(concern in last 6 months) <= 1",
            "count(concern in last 6 months) >= 1 → count(concern in last 6 months) >= 0",
            "count(concern in last 6 months) >= 1 → count(concern in last 6 months) >= 2",
            "count(concern in last 6 months) → count(concern in last 5 months)",
            "count(concern in last 6 months) → count(concern in last 7 months)",
        ])
        #expect(mutants.allSatisfy { $0.owner == "R-1" && $0.document != checked.document })
    }

    @Test("a suite with the boundaries of one threshold only: the grade's mutants die, the window's survive, at their place")
    func score() throws {
        let weak = try Self.suite([(3, 30, .earlyHelp), (2, 30, .universal), (4, 30, .earlyHelp)])
        let report = MutationTester().run([weak])
        #expect(report.mutants == 13)
        #expect(report.survivors.map(\.original) == [
            "count(concern in last 6 months) >= 1", "count(concern in last 6 months) >= 1", "count(concern in last 6 months) >= 1",
            "count(concern in last 6 months)", "count(concern in last 6 months)",
        ])
        #expect(report.text.contains("test.yaml:"))
        #expect(report.text.hasSuffix("mutation score: 8 of 13 mutants killed (61.5%)\n"))
        // Cases at the window's edge and without a concern kill the rest but for equivalent mutants.
        let strong = try Self.suite([(3, 30, .earlyHelp), (2, 30, .universal), (3, 400, .universal),
                                     (3, 182, .earlyHelp), (3, 183, .universal)])
        let better = MutationTester().run([strong])
        #expect(better.killed > report.killed)
        #expect(better.survivors.allSatisfy { $0.original.hasPrefix("count(concern") })
    }
}
