import Testing
@testable import Thresholds

/// Ordered enums (a board's own scale), lookup tables and sub-levels: docs/DSL.md §3, §4, §6a.
@Suite("Scales, tables and sub-levels")
struct ScalesTablesSublevelsTests {
    static let declarations = """
        facts:
          home_rating: { type: enum, values: [green, amber, red], ordered: true }
          left_alone_for: duration
          immunisations_received: integer
          two_agencies_needed: { type: boolean, question: Are two or more agencies needed? }
        tables:
          longest_left_alone:
            input: duration
            output: duration
            rows:
              - { from: 0 years, value: 0 days }
              - { from: 12 years, value: 1 day }
              - { from: 16 years, value: 2 days }
          immunisations_due:
            input: duration
            output: integer
            rows:
              - { from: 8 weeks, value: 1 }
              - { from: 12 weeks, value: 2 }
              - { from: 16 weeks, value: 3 }
              - { from: 1 year, value: 4 }

        """

    static func evaluate(_ when: String, _ facts: String) throws -> (Recommendation, Decision) {
        let document = try #require(Fixture.single(when, declarations: declarations))
        let plan = document.compile()
        let caseFacts = Fixture.facts(facts)
        let recommendation = plan.evaluate(caseFacts, asOf: Fixture.asOf)
        let decision = plan.decide(caseFacts, asOf: Fixture.asOf)
        #expect(decision.level == recommendation.level && decision.provisional == recommendation.provisional)
        #expect(decision.sublevel == recommendation.sublevel?.name)
        return (recommendation, decision)
    }

    @Test("an ordered enum orders its values, lowest first; an unknown value is unknown; the reading shows the value")
    func scales() throws {
        #expect(try Self.evaluate("home_rating >= amber", "facts: { home_rating: red }").0.level == .childInNeed)
        #expect(try Self.evaluate("home_rating >= amber", "facts: { home_rating: amber }").0.level == .childInNeed)
        #expect(try Self.evaluate("home_rating >= amber", "facts: { home_rating: green }").0.level == .universal)
        #expect(try Self.evaluate("home_rating < amber", "facts: { home_rating: green }").0.level == .childInNeed)
        #expect(try Self.evaluate("amber <= home_rating", "facts: { home_rating: red }").0.level == .childInNeed)
        let unknown = try Self.evaluate("home_rating > amber", "facts: {}").0
        #expect(unknown.level == .universal && unknown.provisional)
        #expect(unknown.informationNeeded.map(\.fact) == ["home_rating"])
        let fired = try Self.evaluate("home_rating > amber", "facts: { home_rating: red }").0
        #expect(RecommendationRenderer.text(fired).contains("home_rating = red"))
        // Equality still compares the values as names.
        #expect(try Self.evaluate("home_rating == red", "facts: { home_rating: red }").0.level == .childInNeed)
    }

    @Test("a table gives its band's value: bands start at 'from' inclusive; below the first there is no value")
    func tables() throws {
        let rule = "left_alone_for > longest_left_alone(child.age)"
        // Exactly 12 on the as-of date (2026-11-01): the 12-year band, where a day alone is the limit.
        #expect(try Self.evaluate(rule, "child: { date_of_birth: 2014-11-01 }\nfacts: { left_alone_for: 1 day }").0.level == .universal)
        #expect(try Self.evaluate(rule, "child: { date_of_birth: 2014-11-01 }\nfacts: { left_alone_for: 2 days }").0.level == .childInNeed)
        // A day short of 12: the 0-year band, where no time alone is acceptable.
        #expect(try Self.evaluate(rule, "child: { date_of_birth: 2014-11-02 }\nfacts: { left_alone_for: 1 day }").0.level == .childInNeed)
        let unknownAge = try Self.evaluate(rule, "facts: { left_alone_for: 1 day }").0
        #expect(unknownAge.provisional && unknownAge.informationNeeded.map(\.fact).contains("child.age"))
        let due = "immunisations_received < immunisations_due(child.age)"
        #expect(try Self.evaluate(due, "child: { date_of_birth: 2026-09-06 }\nfacts: { immunisations_received: 0 }").0.level == .childInNeed,
                "8 weeks old on the as-of date: one set due")
        #expect(try Self.evaluate(due, "child: { date_of_birth: 2026-09-07 }\nfacts: { immunisations_received: 0 }").0.level == .universal,
                "a day short of 8 weeks: below the first band, so nothing is due and nothing is overdue")
        let text = RecommendationRenderer.text(try Self.evaluate(due, "child: { date_of_birth: 2025-01-01 }\nfacts: { immunisations_received: 3 }").0)
        #expect(text.contains("immunisations_due(child.age) = 4"))
    }

    static let sublevels = """
        thresholds: 1
        board: B
        title: T
        version: "1"
        effective: 2026-01-01
        levels:
          early_help:
            label: Level 2 — Early help
            guidance: Early help.
            sublevels:
              single_agency: { label: "Level 2a — Single agency", guidance: One agency leads. }
              multi_agency: { label: "Level 2b — Multi-agency", guidance: Team around the family. }
          child_in_need: { label: Level 3 }
        facts:
          two_agencies_needed: { type: boolean, question: Are two or more agencies needed? }
        rules:
          - { id: EH-A, title: Some needs, level: early_help.single_agency, when: "max(domains) >= 3", source: "§1" }
          - { id: EH-B, title: Several agencies, level: early_help.multi_agency, when: "max(domains) >= 3 and two_agencies_needed", source: "§2" }
          - { id: EH-C, title: Plain early help, level: early_help, when: "education.absence_rate >= 10", source: "§3" }
          - { id: CIN, title: Most needs unmet, level: child_in_need, when: "max(domains) >= 4", source: "§4" }
        """

    static func sublevelCase(_ grade: Int, agencies: String, absence: Int = 0) throws -> (Recommendation, Decision) {
        let loaded = DocumentLoader().load(text: sublevels, path: "s.yaml")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let plan = try #require(loaded.checked).compile()
        let facts = Fixture.facts("""
            assessments: [{ date: 2026-10-01, grades: { nutrition: \(grade), hygiene: 2, clothing: 2, home_conditions: 2, health: 2, safety_supervision: 2, emotional_care: 2, education_stimulation: 2 } }]
            education: { sessions_possible: 100, sessions_missed: \(absence) }
            facts: { \(agencies) }
            """)
        let recommendation = plan.evaluate(facts, asOf: Fixture.asOf)
        let decision = plan.decide(facts, asOf: Fixture.asOf)
        #expect(decision.sublevel == recommendation.sublevel?.name && decision.provisional == recommendation.provisional)
        return (recommendation, decision)
    }

    @Test("the highest sub-level a fired rule of the level names is reported, with its label and guidance")
    func sublevelsOrder() throws {
        let single = try Self.sublevelCase(3, agencies: "two_agencies_needed: false").0
        #expect(single.level == .earlyHelp && single.sublevel?.name == "single_agency" && !single.provisional)
        let multi = try Self.sublevelCase(3, agencies: "two_agencies_needed: true", absence: 20).0
        #expect(multi.sublevel == RecommendedSublevel(name: "multi_agency", label: "Level 2b — Multi-agency", guidance: "Team around the family."))
        let text = RecommendationRenderer.text(multi)
        #expect(text.hasPrefix("Level 2b — Multi-agency (Level 2 — Early help)\n"))
        #expect(text.contains("Guidance: Team around the family."))
        #expect(text.contains("EH-B Several agencies → early_help.multi_agency"))
    }

    @Test("sub-levels never outrank a level: no offsetting; an undecided higher sub-level is provisional, and asked about")
    func sublevelsAndLevels() throws {
        let cin = try Self.sublevelCase(4, agencies: "two_agencies_needed: true").0
        #expect(cin.level == .childInNeed && cin.sublevel == nil, "an early help sub-level is not reported at child in need")
        let undecided = try Self.sublevelCase(3, agencies: "").0
        #expect(undecided.sublevel?.name == "single_agency" && undecided.provisional)
        #expect(undecided.informationNeeded.map(\.fact) == ["two_agencies_needed"])
        let plainOnly = try Self.sublevelCase(2, agencies: "two_agencies_needed: true", absence: 20).0
        #expect(plainOnly.level == .earlyHelp && plainOnly.sublevel == nil && plainOnly.label == "Level 2 — Early help")
    }

    @Test("a fixture may expect a sub-level, and says when another is reported")
    func fixtureSublevel() throws {
        let single = try Self.sublevelCase(3, agencies: "two_agencies_needed: false").0
        var expectation = Expectation(level: .earlyHelp)
        expectation.sublevel = "multi_agency"
        #expect(expectation.mismatches(single) == ["sub-level: expected multi_agency, got single_agency"])
        expectation.sublevel = "single_agency"
        #expect(expectation.mismatches(single).isEmpty)
    }
}
