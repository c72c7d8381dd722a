import Foundation
import Testing
@testable import Thresholds

/// The safety principles of DOMAIN.md §8, each as a named test against the example board.
@Suite("Safety principles (example board)")
struct SafetyPrincipleTests {
    private func evaluate(_ yaml: String) throws -> Recommendation {
        try #require(Fixture.evaluate(Fixture.board, Fixture.facts(yaml)))
    }

    /// A complete, settled case around which each test changes one thing.
    static let settled = """
        id: BASE
        child: { date_of_birth: 2019-05-14, disabled: false, critical_medication: false }
        plans: []
        education: { on_roll: true, sessions_possible: 100, sessions_missed: 2, whereabouts_known: true, home_educated: false, missing: false }
        visits: [{ date: 2026-10-20, announced: false, outcome: seen, home_seen: true }]
        compliance: { early_help_consent: given, actions: [], claims: [], disguised_compliance: [] }
        events: []
        context: { poverty: false, parent_prioritises_child: true, compensatory_care: false }
        carers: { substance_misuse: none, domestic_abuse: none, mental_health: none, previous_children_removed: 0 }
        facts: { young_carer: false, housing: secure, good_enough_care: true, impairment: false, family_closing_down: false }

        """

    static func grades(_ grades: String, on date: String = "2026-10-01") -> String {
        "assessments:\n  - { date: \(date), grades: { \(grades) } }\n"
    }

    static let allTwos = "nutrition: 2, hygiene: 2, clothing: 2, home_conditions: 2, health: 2, safety_supervision: 2, emotional_care: 2, education_stimulation: 2"

    @Test("the settled base case is universal and not provisional")
    func base() throws {
        let result = try evaluate(Self.settled + Self.grades(Self.allTwos))
        #expect(result.level == .universal)
        #expect(!result.provisional)
    }

    @Test("1. unknown is not fine: an unknown home-conditions grade never lowers the level")
    func unknownNeverLowers() throws {
        let known = try evaluate(Self.settled + Self.grades(Self.allTwos.replacingOccurrences(of: "home_conditions: 2", with: "home_conditions: 4")))
        let unknown = try evaluate(Self.settled + Self.grades(Self.allTwos.replacingOccurrences(of: "home_conditions: 2", with: "home_conditions: not_assessed")))
        #expect(known.level == .childInNeed)
        #expect(unknown.provisional)
        #expect(unknown.informationNeeded.contains { $0.fact == "domain.home_conditions" && $0.couldReach >= .childInNeed })
    }

    @Test("1. an unknown exception never lowers the level: a home at 3 with the family's circumstances unrecorded is early help")
    func unknownException() throws {
        let unrecorded = Self.settled.replacingOccurrences(
            of: "context: { poverty: false, parent_prioritises_child: true, compensatory_care: false }\n", with: "")
        let result = try evaluate(unrecorded + Self.grades(Self.allTwos.replacingOccurrences(of: "home_conditions: 2", with: "home_conditions: 3")))
        #expect(result.level == .earlyHelp)
        #expect(result.provisional)
        #expect(result.firedRules.first { $0.id == "NS-EH-01" }?.exceptionUnconfirmed == true)
        #expect(result.informationNeeded.contains { $0.fact == "context.poverty" && $0.effect == .lower && $0.couldReach == .universal })
    }

    @Test("national lines sit where national definitions put them: absence at, one session below and one above 10% and 50%; re-referral within 12 months")
    func nationalLines() throws {
        func absence(_ missed: Int) throws -> Level {
            let yaml = Self.settled.replacingOccurrences(of: "sessions_possible: 100, sessions_missed: 2", with: "sessions_possible: 380, sessions_missed: \(missed)")
            return try evaluate(yaml + Self.grades(Self.allTwos)).level
        }
        // Persistent absence: 10% or more of possible sessions missed (attendance of exactly 90.0% counts).
        #expect(try absence(37) == .universal)
        #expect(try absence(38) == .earlyHelp)
        #expect(try absence(39) == .earlyHelp)
        // Severe absence: 50% or more missed.
        #expect(try absence(189) == .earlyHelp)
        #expect(try absence(190) == .childInNeed)
        #expect(try absence(191) == .childInNeed)
        // Re-referral: a referral within 12 months of the previous one.
        func rereferral(_ previous: String) throws -> Level {
            let yaml = Self.settled.replacingOccurrences(
                of: "events: []", with: "events: [{ date: \(previous), kind: referral }, { date: 2026-10-01, kind: referral }]")
            return try evaluate(yaml + Self.grades(Self.allTwos)).level
        }
        #expect(try rereferral("2025-10-02") == .childInNeed)
        #expect(try rereferral("2025-10-01") == .childInNeed)
        #expect(try rereferral("2025-09-30") == .universal)
        // Each such rule cites the national definition it encodes.
        let rules = try #require(Fixture.board?.document.rules)
        for id in ["NS-EH-02", "NS-CIN-06"] {
            #expect(rules.first { $0.id.value == id }?.source?.contains("Working together to improve school attendance") == true)
        }
        #expect(rules.first { $0.id.value == "NS-CIN-05" }?.source?.contains("re-referral") == true)
    }

    @Test("1. an unseen child on a plan is itself a trigger")
    func unseenChild() throws {
        let yaml = Self.settled.replacingOccurrences(of: "plans: []", with: "plans: [{ level: child_in_need, start: 2026-06-01 }]")
            .replacingOccurrences(of: "2026-10-20, announced: false, outcome: seen", with: "2026-09-01, announced: false, outcome: seen")
        let result = try evaluate(yaml + Self.grades(Self.allTwos))
        #expect(result.level == .childProtection)
        #expect(result.firedRules.map(\.id).contains("NS-CP-04"))
    }

    @Test("2. refused access is a trigger: two refusals in 90 days on a plan")
    func refusedAccess() throws {
        let yaml = Self.settled.replacingOccurrences(of: "plans: []", with: "plans: [{ level: child_in_need, start: 2026-06-01 }]")
            .replacingOccurrences(of: "visits: [{ date: 2026-10-20, announced: false, outcome: seen, home_seen: true }]", with: """
                visits: [{ date: 2026-10-25, outcome: seen }, { date: 2026-09-10, outcome: refused_entry }, { date: 2026-10-12, outcome: refused_sight }]
                """)
        let result = try evaluate(yaml + Self.grades(Self.allTwos))
        #expect(result.level == .childProtection)
        #expect(result.actions.contains { $0.action == .seeChildWithin })
    }

    @Test("3. history, not the latest incident: grades swinging back to 4 on a long plan reach pre-proceedings")
    func history() throws {
        let yaml = Self.settled.replacingOccurrences(of: "plans: []", with: "plans: [{ level: child_protection, category: neglect, start: 2025-12-01 }]")
        let swings = "assessments:\n"
            + "  - { date: 2026-01-05, grades: { home_conditions: 4 } }\n"
            + "  - { date: 2026-05-05, grades: { home_conditions: 3 } }\n"
            + "  - { date: 2026-09-05, grades: { home_conditions: 4 } }\n"
        let result = try evaluate(yaml + swings)
        #expect(result.level == .preProceedings)
        #expect(result.firedRules.map(\.id).contains("NS-PLO-02"))
    }

    @Test("4. compensatory care does not cancel neglect: school supplying food is evidence of need")
    func compensatoryCare() throws {
        let yaml = Self.settled.replacingOccurrences(of: "compensatory_care: false", with: "compensatory_care: true")
        let result = try evaluate(yaml + Self.grades(Self.allTwos.replacingOccurrences(of: "nutrition: 2", with: "nutrition: 3")))
        #expect(result.level == .childInNeed)
        #expect(result.firedRules.map(\.id).contains("NS-CIN-08"))
    }

    @Test("5. compliance without change is no change: broken actions on a plan lead to pre-proceedings")
    func complianceWithoutChange() throws {
        let yaml = Self.settled.replacingOccurrences(of: "plans: []", with: "plans: [{ level: child_protection, start: 2026-03-01 }]")
            .replacingOccurrences(of: "actions: [], claims: []", with: "actions: [{ date: 2026-08-01, kept: false }], claims: [{ date: 2026-09-01, verified: false }]")
        let result = try evaluate(yaml + Self.grades(Self.allTwos))
        #expect(result.level == .preProceedings)
        #expect(result.firedRules.map(\.id).contains("NS-PLO-01"))
    }

    @Test("6. poverty alone never escalates, never lowers a level once harm indicators exist, and always brings practical support")
    func poverty() throws {
        let poor = Self.settled.replacingOccurrences(of: "poverty: false", with: "poverty: true")
        // Only the home falls short; the child is fed, clean, warmly dressed: hardship, not neglect.
        let homeOnly = Self.allTwos.replacingOccurrences(of: "home_conditions: 2", with: "home_conditions: 3")
        let hardship = try evaluate(poor + Self.grades(homeOnly))
        #expect(hardship.level == .universal)
        #expect(hardship.actions.contains { $0.action == .practicalSupport })
        // A child who is unwashed and poorly clothed at home still gets early help, with practical support.
        let childUnmet = homeOnly.replacingOccurrences(of: "hygiene: 2", with: "hygiene: 3")
            .replacingOccurrences(of: "clothing: 2", with: "clothing: 3")
        let unmet = try evaluate(poor + Self.grades(childUnmet))
        #expect(unmet.level == .earlyHelp)
        #expect(unmet.actions.contains { $0.action == .practicalSupport })
        let harm = try evaluate(poor + Self.grades(childUnmet.replacingOccurrences(of: "home_conditions: 3", with: "home_conditions: 4")))
        #expect(harm.level == .childInNeed)
        #expect(harm.actions.contains { $0.action == .practicalSupport })
    }

    @Test("7. neglect is not explained away by disability: a disabled child with a 3 is a child in need")
    func disability() throws {
        let yaml = Self.settled.replacingOccurrences(of: "disabled: false", with: "disabled: true")
        let result = try evaluate(yaml + Self.grades(Self.allTwos.replacingOccurrences(of: "health: 2", with: "health: 3")))
        #expect(result.level == .childInNeed)
        #expect(result.firedRules.map(\.id).contains("NS-CIN-07"))
    }

    @Test("8. babies get lower tolerance: a baby with a 4 in safety reaches child protection, an older child child in need")
    func babies() throws {
        let safety4 = Self.grades(Self.allTwos.replacingOccurrences(of: "safety_supervision: 2", with: "safety_supervision: 4"))
        let baby = try evaluate(Self.settled.replacingOccurrences(of: "2019-05-14", with: "2026-06-01") + safety4)
        let older = try evaluate(Self.settled + safety4)
        #expect(baby.level == .childProtection)
        #expect(older.level == .childInNeed)
    }

    @Test("9. no offsetting: good care elsewhere never cancels a 5, and every fired rule is explained")
    func noOffsetting() throws {
        let result = try evaluate(Self.settled + Self.grades("nutrition: 1, hygiene: 1, clothing: 1, home_conditions: 5, health: 1, safety_supervision: 1, emotional_care: 1, education_stimulation: 1"))
        #expect(result.level == .childProtection)
        #expect(result.firedRules.allSatisfy { $0.explanation.result == .true && $0.source != nil })
        #expect(result.firedRules.map(\.id).contains("NS-CIN-01"))  // lower rules are listed too
    }

    @Test("10. step-down needs sustained, verified change: one good assessment keeps the plan's level")
    func stepDown() throws {
        let yaml = Self.settled.replacingOccurrences(of: "plans: []", with: "plans: [{ level: child_protection, start: 2026-01-05 }]")
        let oneGood = try evaluate(yaml + Self.grades(Self.allTwos))
        #expect(oneGood.level == .childProtection)
        #expect(oneGood.firedRules.map(\.id).contains("NS-STEP-01"))
        let sustained = try evaluate(yaml + Self.grades(Self.allTwos, on: "2026-06-01") + "  - { date: 2026-10-01, grades: { \(Self.allTwos) } }\n")
        #expect(!sustained.firedRules.map(\.id).contains("NS-STEP-01"))
    }

    @Test("11. immediate danger is an action beside child protection, never pre-proceedings")
    func immediateDanger() throws {
        let yaml = Self.settled.replacingOccurrences(of: "critical_medication: false", with: "critical_medication: true")
        let result = try evaluate(yaml + Self.grades(Self.allTwos.replacingOccurrences(of: "health: 2", with: "health: 5")))
        #expect(result.level == .childProtection)
        #expect(result.actions.first?.action == .immediateProtection)
    }

    @Test("12. the engine explains: fired rules, facts read, near misses for the next level, information needed")
    func explains() throws {
        let result = try evaluate(Self.settled + Self.grades(Self.allTwos.replacingOccurrences(of: "hygiene: 2", with: "hygiene: 3")))
        #expect(result.level == .earlyHelp)
        #expect(result.firedRules.first?.explanation.readings.isEmpty == false)
        #expect(result.nearMisses.allSatisfy { $0.level == .childInNeed })
        #expect(result.nearMisses.contains { $0.id == "NS-CIN-01" && $0.failed.first?.contains("= 0") == true })
    }

    @Test("13. declining early help is a reason to escalate, not to close")
    func declinedEarlyHelp() throws {
        let yaml = Self.settled.replacingOccurrences(of: "early_help_consent: given", with: "early_help_consent: declined")
        let result = try evaluate(yaml + Self.grades(Self.allTwos.replacingOccurrences(of: "hygiene: 2", with: "hygiene: 3")))
        #expect(result.level == .childInNeed)
        #expect(result.firedRules.map(\.id).contains("NS-CIN-04"))
    }

    @Test("an unanswered judgement is asked as its question, ranked by the level it could reach")
    func judgementQuestions() throws {
        let yaml = Self.settled.replacingOccurrences(of: "impairment: false, ", with: "")
        let result = try evaluate(yaml + Self.grades(Self.allTwos.replacingOccurrences(of: "home_conditions: 2", with: "home_conditions: 4")))
        #expect(result.provisional)
        let need = try #require(result.informationNeeded.first { $0.fact == "impairment" })
        #expect(need.question == "Is the child's health or development being impaired by the care they receive?")
        #expect(need.couldReach == .childProtection)
    }
}
