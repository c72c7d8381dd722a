import Testing
@testable import Thresholds

@Suite("Three-valued logic")
struct ThreeValuedTests {
    static let values: [Truth] = [.true, .false, .unknown]

    @Test("Kleene 'and', 'or' and 'not' truth tables", arguments: values, values)
    func tables(a: Truth, b: Truth) {
        let and: Truth = (a == .false || b == .false) ? .false : (a == .true && b == .true ? .true : .unknown)
        let or: Truth = (a == .true || b == .true) ? .true : (a == .false && b == .false ? .false : .unknown)
        #expect(Truth.all([a, b]) == and)
        #expect(Truth.any([a, b]) == or)
        #expect(a.negated.negated == a)
        #expect(Truth.unknown.negated == .unknown)
    }

    /// A case where `child.disabled` is true, false or absent, and `context.poverty` likewise.
    static func facts(_ disabled: Truth, _ poverty: Truth) -> CaseFacts {
        func flag(_ truth: Truth) -> Bool? { truth == .unknown ? nil : truth == .true }
        return CaseFacts(child: .init(disabled: flag(disabled)), context: .init(poverty: flag(poverty)))
    }

    @Test("the same tables hold in expressions, in 'all'/'any' conditions, and decide firing vs provisional",
          arguments: values, values)
    func inRules(a: Truth, b: Truth) throws {
        let expected = Truth.all([a, b])
        let document = try #require(Fixture.document("""
            rules:
              - { id: E, title: t, level: child_in_need, source: s, when: "child.disabled and context.poverty" }
              - { id: C, title: t, level: early_help, source: s, when: { all: [child.disabled, context.poverty] } }
            """))
        let result = try #require(Fixture.evaluate(document, Self.facts(a, b)))
        let fired = Set(result.firedRules.map(\.id))
        #expect(fired.contains("E") == (expected == .true))
        #expect(fired.contains("C") == (expected == .true))
        #expect(result.provisional == (expected == .unknown))
        #expect(result.level == (expected == .true ? .childInNeed : .universal))
    }

    @Test("'at_least' is true with enough true parts, false when too few could be, otherwise unknown", arguments: [
        ([true, true, nil], Truth.true), ([true, false, false], .false), ([true, nil, false], .unknown),
        ([nil, nil, false], .unknown), ([false, false, nil], .false),
    ] as [([Bool?], Truth)])
    func atLeast(flags: [Bool?], expected: Truth) throws {
        let document = try #require(Fixture.document("""
            rules:
              - id: R
                title: t
                level: child_in_need
                source: s
                when: { at_least: 2, of: [child.disabled, context.poverty, context.compensatory_care] }
            """))
        let facts = CaseFacts(child: .init(disabled: flags[0]),
                              context: .init(poverty: flags[1], compensatoryCare: flags[2]))
        let result = try #require(Fixture.evaluate(document, facts))
        #expect(result.firedRules.map(\.id) == (expected == .true ? ["R"] : []))
        #expect(result.provisional == (expected == .unknown))
    }

    @Test("aggregates over partly unknown domains are ranges: two 4s and one unknown give 2…3")
    func ranges() throws {
        let facts = Fixture.facts("""
            assessments:
              - { date: 2026-10-01, grades: { nutrition: 4, hygiene: 4, clothing: 2, home_conditions: 2, health: 2, safety_supervision: 2, emotional_care: 2 } }
            """)
        for (threshold, fires, provisional) in [(2, true, false), (3, false, true), (4, false, false)] {
            let result = try #require(Fixture.evaluate(Fixture.single("count(domains where grade >= 4) >= \(threshold)"), facts))
            #expect(result.firedRules.map(\.id) == (fires ? ["R"] : []), "threshold \(threshold)")
            #expect(result.provisional == provisional, "threshold \(threshold)")
            if provisional {
                #expect(result.informationNeeded.map(\.fact) == ["domain.education_stimulation"])
            }
        }
        let max = try #require(Fixture.evaluate(Fixture.single("max(domains) >= 4"), facts))
        #expect(max.firedRules.count == 1)
        let five = try #require(Fixture.evaluate(Fixture.single("max(domains) == 5"), facts))
        #expect(five.provisional)
    }

    @Test("'unless' exceptions: true stops the rule; unknown fires it, provisionally, asking what could lower it")
    func unless() throws {
        let document = try #require(Fixture.document("""
            rules:
              - { id: R, title: t, level: child_in_need, source: s, when: child.disabled, unless: context.poverty }
            """))
        for (poverty, fired, provisional) in [(false, true, false), (true, false, false)] as [(Bool, Bool, Bool)] {
            let result = try #require(Fixture.evaluate(document, CaseFacts(child: .init(disabled: true), context: .init(poverty: poverty))))
            #expect(result.firedRules.isEmpty != fired)
            #expect(result.provisional == provisional)
        }
        let unknown = try #require(Fixture.evaluate(document, CaseFacts(child: .init(disabled: true))))
        #expect(unknown.level == .childInNeed)
        #expect(unknown.firedRules.map(\.id) == ["R"])
        #expect(unknown.firedRules.first?.exceptionUnconfirmed == true)
        #expect(unknown.provisional)
        #expect(unknown.informationNeeded.map(\.fact) == ["context.poverty"])
        #expect(unknown.informationNeeded.first?.effect == .lower)
        #expect(unknown.informationNeeded.first?.couldReach == .universal)
    }

    @Test("x / 0 with a known zero has no value: comparisons with it are false, not provisional; x / unknown is unknown")
    func divisionByZero() throws {
        let document = Fixture.single("compliance.actions_broken / compliance.actions_agreed >= 0.5")
        let none = try #require(Fixture.evaluate(document, CaseFacts(compliance: .init(actions: []))))
        #expect(none.firedRules.isEmpty)
        #expect(!none.provisional, "no answer could give 0 / 0 a value, so nothing is waited on")
        #expect(none.informationNeeded.isEmpty)
        #expect(none.nearMisses.first?.failed.first?.contains("is false") == true)
        #expect(none.nearMisses.first?.failed.first?.contains("current_plan") == false)
        let unknown = try #require(Fixture.evaluate(document, CaseFacts()))
        #expect(unknown.provisional)
        #expect(unknown.informationNeeded.map(\.fact).contains("compliance.actions_agreed")
                || unknown.informationNeeded.map(\.fact).contains("compliance"))
        // The fast path agrees.
        let plan = try #require(document).compile()
        #expect(plan.decide(CaseFacts(compliance: .init(actions: [])), asOf: Fixture.asOf).provisional == false)
        #expect(Interval.compare(.undefined, .notEqual, Interval(0.5)) == .false)
        #expect(Interval.arithmetic(.add, .undefined, Interval(1)) == .undefined)
    }
}
