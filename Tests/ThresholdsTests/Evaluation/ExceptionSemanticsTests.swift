import Foundation
import Testing
@testable import Thresholds

/// Safety principle 1 applied to exceptions: an `unless` is a reason not to escalate, so it
/// applies only when known to be true. An unknown exception never lowers a level.
@Suite("Unknown exceptions never lower a level")
struct ExceptionSemanticsTests {
    static let document = Fixture.document("""
        facts:
          hardship_only: { type: boolean, question: Is the shortfall caused by hardship alone? }
        rules:
          - { id: EH, title: some need, level: early_help, source: s, when: "domain.hygiene >= 3", unless: hardship_only }
          - { id: CIN, title: more need, level: child_in_need, source: s, when: "domain.hygiene >= 4", unless: hardship_only }
          - { id: MOD, title: babies, raise: 1, up_to: child_protection, source: s, when: "child.age < 1 year", unless: "context.parent_prioritises_child" }
          - { id: REL, title: step up, level: current_plan + 1, source: s, when: "count(early_help_declined in last 12 months) >= 2", unless: "context.poverty" }

        """)

    private func evaluate(_ facts: CaseFacts) throws -> Recommendation {
        try #require(Fixture.evaluate(Self.document, facts))
    }

    private static func grades(_ hygiene: Int) -> [CaseFacts.Assessment] {
        [.init(date: Fixture.asOf, grades: ["hygiene": hygiene])]
    }

    @Test("a grade-3 need with an unrecorded family context is early help, provisionally, not universal")
    func ruleFires() throws {
        let result = try evaluate(CaseFacts(plans: [], assessments: Self.grades(3), events: []))
        #expect(result.level == .earlyHelp)
        #expect(result.provisional)
        let rule = try #require(result.firedRules.first { $0.id == "EH" })
        #expect(rule.exceptionUnconfirmed)
        let need = try #require(result.informationNeeded.first { $0.fact == "hardship_only" })
        #expect(need.effect == .lower)
        #expect(need.couldReach == .universal)
        #expect(need.judgement)
        #expect(need.question == "Is the shortfall caused by hardship alone?")
        #expect(RecommendationRenderer.text(result).contains("NOT CONFIRMED"))
    }

    @Test("a confirmed exception stops the rule; a refuted one leaves it firing, not provisional")
    func confirmedOrRefuted() throws {
        let older = CaseFacts.Child(dateOfBirth: LocalDate(year: 2018, month: 1, day: 1))
        let confirmed = try evaluate(CaseFacts(child: older, plans: [], assessments: Self.grades(4), events: [], facts: ["hardship_only": .boolean(true)]))
        #expect(confirmed.level == .universal)
        #expect(!confirmed.provisional)
        let refuted = try evaluate(CaseFacts(child: older, plans: [], assessments: Self.grades(4), events: [], facts: ["hardship_only": .boolean(false)]))
        #expect(refuted.level == .childInNeed)
        #expect(!refuted.provisional)
        #expect(refuted.informationNeeded.isEmpty)
    }

    @Test("what could lower the level comes after what could raise it, and names the level it would fall to")
    func loweringAfterRaising() throws {
        // Hygiene 4 with the exception unknown: child in need, resting on it; the child's age is
        // unknown too, and the baby modifier could raise the level.
        let result = try evaluate(CaseFacts(plans: [], assessments: Self.grades(4), events: []))
        #expect(result.level == .childInNeed)
        let effects = result.informationNeeded.map(\.effect)
        #expect(effects.contains(.raise) && effects.contains(.lower))
        #expect(effects == effects.sorted { $0 == .raise && $1 == .lower })
        let lower = try #require(result.informationNeeded.first { $0.effect == .lower })
        #expect(lower.couldReach == .universal)
        #expect(Set(lower.rules) == ["EH", "CIN"])
    }

    @Test("a modifier whose exception is unknown raises the level, provisionally")
    func modifier() throws {
        let baby = CaseFacts(child: .init(dateOfBirth: LocalDate(year: 2026, month: 6, day: 1)), plans: [],
                             assessments: Self.grades(4), events: [], facts: ["hardship_only": .boolean(false)])
        let result = try evaluate(baby)
        #expect(result.level == .childProtection)
        #expect(result.baseLevel == .childInNeed)
        #expect(result.provisional)
        let need = try #require(result.informationNeeded.first { $0.fact == "context.parent_prioritises_child" })
        #expect(need.effect == .lower && need.couldReach == .childInNeed)
        var prioritised = baby
        prioritised.context = .init(parentPrioritisesChild: true)
        #expect(try evaluate(prioritised).level == .childInNeed)
    }

    @Test("a level relative to the plan fires when its exception is unknown")
    func relativeLevel() throws {
        let declined = (1...2).map { CaseFacts.Event(date: Fixture.asOf.adding(days: -30 * $0) ?? Fixture.asOf, kind: "early_help_declined") }
        let facts = CaseFacts(child: .init(dateOfBirth: LocalDate(year: 2018, month: 1, day: 1)),
                              plans: [.init(level: .earlyHelp, start: LocalDate(year: 2026, month: 1, day: 1) ?? Fixture.asOf)],
                              assessments: Self.grades(2), events: declined)
        let result = try evaluate(facts)
        #expect(result.level == .childInNeed)
        #expect(result.firedRules.first { $0.id == "REL" }?.exceptionUnconfirmed == true)
        #expect(result.provisional)
        #expect(result.informationNeeded.contains { $0.fact == "context.poverty" && $0.effect == .lower && $0.couldReach == .universal })
    }

    @Test("an unconfirmed exception does not make a result provisional when another rule holds the level")
    func heldByAnotherRule() throws {
        let document = try #require(Fixture.document("""
            rules:
              - { id: A, title: a, level: child_in_need, source: s, when: "domain.hygiene >= 4", unless: "context.poverty" }
              - { id: B, title: b, level: child_in_need, source: s, when: "child.disabled" }

            """))
        let result = try #require(Fixture.evaluate(document, CaseFacts(child: .init(disabled: true), assessments: Self.grades(4))))
        #expect(result.level == .childInNeed)
        #expect(!result.provisional)
        #expect(result.informationNeeded.isEmpty)
    }
}

/// Information needed lists what a practitioner can act on: facts whose answer alone could
/// change the level, given what is known.
@Suite("Information needed")
struct InformationNeededTests {
    static let document = Fixture.document("""
        facts:
          closing_down: { type: boolean, question: Is the family closing down? }
        rules:
          - id: ACCESS
            title: access
            level: child_protection
            source: s
            when:
              any:
                - current_plan >= child_in_need and since(child_seen) > 15 working days
                - closing_down and count(no_access in last 90 days) >= 3

        """)

    @Test("no 'visits could lead to child protection' when nothing known points to access problems")
    func noSignNoQuestion() throws {
        let result = try #require(Fixture.evaluate(Self.document, CaseFacts(plans: [])))
        #expect(result.provisional)
        #expect(result.informationNeeded.allSatisfy { !$0.decisive })
        #expect(!RecommendationRenderer.text(result).contains("[visits]"))
        #expect(RecommendationRenderer.text(result, allInformation: true).contains("[visits]"))
    }

    @Test("a known sign makes the remaining fact decisive")
    func signMakesItDecisive() throws {
        let onPlan = try #require(Fixture.evaluate(Self.document, CaseFacts(plans: [.init(level: .childInNeed, start: Fixture.asOf)])))
        #expect(onPlan.informationNeeded.first { $0.fact == "visits" }?.decisive == true)
        let closing = try #require(Fixture.evaluate(Self.document, CaseFacts(plans: [], facts: ["closing_down": .boolean(true)])))
        #expect(closing.informationNeeded.first { $0.fact == "visits" }?.decisive == true)
    }

    @Test("every item is phrased as a question, and at most ten are shown unless all are asked for")
    func questionsAndCap() throws {
        let names = (1...14).map { "f\($0)" }
        let facts = names.map { "  \($0): { type: boolean, description: fact \($0) }" }.joined(separator: "\n")
        let rules = names.map { "  - { id: R\($0), title: t, level: child_in_need, source: s, when: \($0) }" }.joined(separator: "\n")
        let document = try #require(Fixture.document("facts:\n\(facts)\nrules:\n\(rules)\n"))
        let result = try #require(Fixture.evaluate(document, CaseFacts()))
        #expect(result.informationNeeded.count == 14)
        #expect(result.informationNeeded.allSatisfy { $0.decisive && !$0.question.isEmpty })
        let text = RecommendationRenderer.text(result)
        #expect(text.components(separatedBy: "could lead to child_in_need").count - 1 == 10)
        #expect(text.contains("4 more unknown facts not listed"))
        let all = RecommendationRenderer.text(result, allInformation: true)
        #expect(all.components(separatedBy: "could lead to child_in_need").count - 1 == 14)
    }

    @Test("an explanation shows each reading once")
    func readingsOnce() throws {
        let document = try #require(Fixture.single("education.attendance <= 90 and education.attendance > 50"))
        let facts = CaseFacts(education: .init(sessionsPossible: 100, sessionsMissed: 20))
        let result = try #require(Fixture.evaluate(document, facts))
        let readings = try #require(result.firedRules.first?.explanation.readings)
        #expect(readings.map(\.name) == ["education.attendance"])
    }
}
