import Testing
@testable import Thresholds

struct ConstructCase: CustomTestStringConvertible, Sendable {
    let when: String
    let expected: Truth
    var testDescription: String { "\(when) → \(expected.rawValue)" }
}

/// Every construct of the expression language, evaluated over one small case (as of 2026-11-01).
@Suite("Evaluating every DSL construct")
struct ConstructEvaluationTests {
    static let facts = """
        child: { date_of_birth: 2026-02-01, disabled: true }
        plans:
          - { level: child_protection, start: 2025-01-01, end: 2025-12-01 }
          - { level: child_in_need, start: 2026-08-01 }
        assessments:
          - { date: 2026-03-01, grades: { hygiene: 4, home_conditions: 4 } }
          - { date: 2026-06-01, grades: { hygiene: 3, home_conditions: 4 } }
          - { date: 2026-09-01, grades: { hygiene: 4, home_conditions: 4, nutrition: 2, health: 5 } }
        visits:
          - { date: 2026-10-01, announced: false, outcome: seen }
          - { date: 2026-10-20, announced: true, outcome: refused_entry }
        compliance: { early_help_consent: declined, actions: [{ date: 2026-10-01, kept: false }, { date: 2026-10-02, kept: true }] }
        events:
          - { date: 2026-05-01, kind: concern, domains: [hygiene] }
          - { date: 2026-10-10, kind: referral }
        facts: { housing: temporary, checked_on: 2026-04-01 }
        """

    static let declarations = """
        facts:
          housing: { type: enum, values: [secure, temporary, none] }
          checked_on: date
          unanswered: { type: boolean, question: Is it so? }

        """

    @Test("each construct evaluates as the specification says", arguments: [
        ConstructCase(when: "true", expected: .true),
        ConstructCase(when: "child.disabled and not false", expected: .true),
        ConstructCase(when: "child.disabled or unanswered", expected: .true),
        ConstructCase(when: "unanswered and child.disabled", expected: .unknown),
        ConstructCase(when: "unanswered and false", expected: .false),
        ConstructCase(when: "domain.hygiene == 4 and domain.health != 4", expected: .true),
        ConstructCase(when: "domain.hygiene + domain.health * 2 == 14", expected: .true),
        ConstructCase(when: "domain.health / 2 > 2.4", expected: .true),
        ConstructCase(when: "child.age < 1 year and child.age > 6 months", expected: .true),
        ConstructCase(when: "checked_on < 2026-06-01 and as_of - checked_on > 6 months", expected: .true),
        ConstructCase(when: "checked_on + 1 year > as_of", expected: .true),
        ConstructCase(when: "current_plan == child_in_need and current_plan < child_protection", expected: .true),
        ConstructCase(when: "plan.time_on_current >= 3 months", expected: .true),
        ConstructCase(when: "housing in [temporary, none] and housing not in [\\\"secure\\\"]", expected: .true),
        ConstructCase(when: "compliance.early_help_consent == declined", expected: .true),
        ConstructCase(when: "count(domains where grade >= 4) == 3", expected: .unknown),  // 3…7: four domains unassessed
        ConstructCase(when: "count(domains where grade >= 4) >= 3", expected: .true),
        ConstructCase(when: "any(domains[physical_care] where grade == 5)", expected: .true),
        ConstructCase(when: "all(domains[nutrition, hygiene] where grade >= 2)", expected: .true),
        ConstructCase(when: "max(domains) == 5 and min(domains[nutrition, health]) == 2", expected: .true),
        ConstructCase(when: "count(referral in last 30 days) == 1 and count(referral) == 1", expected: .true),
        ConstructCase(when: "count(concern[hygiene] in last 6 months) == 1", expected: .true),
        ConstructCase(when: "count(concern[health]) == 0", expected: .true),
        ConstructCase(when: "count(child_seen[unannounced] in last 3 months) == 1", expected: .true),
        ConstructCase(when: "count(access_refused[announced] in last 2 weeks) == 1", expected: .true),
        ConstructCase(when: "since(child_seen) == 31 days", expected: .true),
        ConstructCase(when: "since(missing_episode) > 1 day", expected: .true),  // events known, none: never
        ConstructCase(when: "since(child_seen) <= 31 days", expected: .true),
        ConstructCase(when: "since(child_seen[school, health]) > 5 years", expected: .true),  // seen only by social care
        ConstructCase(when: "ever(domain.hygiene >= 4 in last 6 months)", expected: .true),
        ConstructCase(when: "ever(domain.hygiene == 5)", expected: .false),
        ConstructCase(when: "ever(domain.clothing >= 4)", expected: .false),  // assessments known, never graded
        ConstructCase(when: "any(domains where streak(grade >= 4) >= 3)", expected: .true),  // home conditions 4, 4, 4
        ConstructCase(when: "count(domains where streak(grade >= 4) >= 3) == 1", expected: .unknown),  // unassessed domains leave it open
        ConstructCase(when: "any(domains where ever(grade == 5))", expected: .true),
        ConstructCase(when: "count(assessment in last 6 months) >= 2", expected: .true),  // graded assessments count
        ConstructCase(when: "count(plan_ended[child_protection] in last 12 months) == 1", expected: .true),
        ConstructCase(when: "count(non_compliance in last 6 months) >= 1", expected: .true),  // one broken action known; claims unknown
        ConstructCase(when: "count(non_compliance in last 6 months) >= 2", expected: .unknown),
        ConstructCase(when: "count(action_broken in last 6 months) == 1", expected: .true),
        ConstructCase(when: "streak(domain.home_conditions >= 4) == 3 and streak(domain.hygiene >= 4) == 1", expected: .true),
        ConstructCase(when: "oscillating(domain.hygiene >= 4 in last 12 months)", expected: .true),
        ConstructCase(when: "oscillating(domain.home_conditions >= 4)", expected: .false),
        ConstructCase(when: "streak(domain.clothing >= 4) >= 1", expected: .unknown),
        ConstructCase(when: "known(domain.health) and unknown(domain.clothing)", expected: .true),
        ConstructCase(when: "known(unanswered)", expected: .false),
    ])
    func construct(_ construct: ConstructCase) throws {
        let document = try #require(Fixture.single(construct.when, declarations: Self.declarations))
        let result = try #require(Fixture.evaluate(document, Fixture.facts(Self.facts)))
        let truth: Truth = result.firedRules.isEmpty ? (result.provisional ? .unknown : .false) : .true
        #expect(truth == construct.expected)
    }

    @Test("conditions: all, any, not, at_least, and unless")
    func conditions() throws {
        let document = try #require(Fixture.document("""
            rules:
              - id: R
                title: t
                level: child_in_need
                source: s
                when:
                  all:
                    - any: [child.disabled, false]
                    - not: child.unborn
                    - { at_least: 2, of: [true, child.disabled, false] }
                unless: { not: child.disabled }
            """))
        let result = try #require(Fixture.evaluate(document, Fixture.facts(Self.facts)))
        #expect(result.firedRules.map(\.id) == ["R"])
    }

    @Test("levels relative to the current plan, and modifiers after the base level with their ceiling")
    func effects() throws {
        let document = try #require(Fixture.document("""
            rules:
              - { id: KEEP, title: t, level: current_plan, source: s, when: "true" }
              - { id: UP, title: t, level: current_plan + 1, source: s, when: child.disabled }
              - { id: MOD, title: t, raise: 2, up_to: child_protection, source: s, when: child.disabled }
            """))
        let onPlan = try #require(Fixture.evaluate(document, Fixture.facts(Self.facts)))
        #expect(onPlan.baseLevel == .childProtection)  // child_in_need + 1
        #expect(onPlan.level == .childProtection)       // the modifier's ceiling holds it there
        let noPlan = try #require(Fixture.evaluate(document, Fixture.facts("child: { disabled: true }\nplans: []")))
        #expect(noPlan.baseLevel == .earlyHelp)          // universal + 1
        #expect(noPlan.level == .childProtection)        // raised 2, to the ceiling
        let unknownPlan = try #require(Fixture.evaluate(document, Fixture.facts("child: { disabled: true }")))
        #expect(unknownPlan.provisional)
        #expect(unknownPlan.informationNeeded.contains { $0.fact == "current_plan" })
    }

    @Test("an enumeration value spelt like a level is the fact's value, in comparisons and lists, on both paths")
    func enumerationValueNamedLikeALevel() throws {
        let declarations = "facts:\n  previous_plan: { type: enum, values: [none, child_in_need, child_protection] }\n"
        for when in ["previous_plan == child_protection", "previous_plan in [child_in_need, child_protection]",
                     "not (previous_plan != child_protection)"] {
            let document = try #require(Fixture.single(when, declarations: declarations))
            let plan = document.compile()
            let holds = Fixture.facts("facts: { previous_plan: child_protection }")
            let fails = Fixture.facts("facts: { previous_plan: none }")
            #expect(plan.evaluate(holds, asOf: Fixture.asOf).level == .childInNeed, "\(when)")
            #expect(plan.decide(holds, asOf: Fixture.asOf).level == .childInNeed, "\(when)")
            let failed = plan.evaluate(fails, asOf: Fixture.asOf)
            #expect(failed.level == .universal && !failed.provisional, "\(when)")
            #expect(plan.decide(fails, asOf: Fixture.asOf).provisional == false, "\(when)")
        }
        // A level fact still compares with the level of that name.
        let plan = try #require(Fixture.single("current_plan == child_protection")).compile()
        let onPlan = Fixture.facts("plans: [{ level: child_protection, start: 2026-01-01 }]")
        #expect(plan.decide(onPlan, asOf: Fixture.asOf).level == .childInNeed)
    }
}
