import Foundation
import Testing
@testable import Thresholds

/// A deterministic generator (the library's SplitMix64), so a failing random case can be
/// reproduced by seed.
typealias SeededGenerator = SplitMix

/// Random cases with every part sometimes missing, so that unknown facts, incomplete records
/// and ranges reach every rule.
struct RandomCases {
    var generator: SeededGenerator
    let asOf: LocalDate

    init(seed: UInt64, asOf: LocalDate = Fixture.asOf) {
        generator = SeededGenerator(seed: seed)
        self.asOf = asOf
    }

    private mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0 ..< 100, using: &generator) < percent }
    private mutating func maybe<T>(_ make: (inout RandomCases) -> T) -> T? { chance(75) ? make(&self) : nil }
    private mutating func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0 ..< items.count, using: &generator)] }
    private mutating func date(daysBack: ClosedRange<Int> = -30 ... 900) -> LocalDate {
        asOf.adding(days: -Int.random(in: daysBack, using: &generator)) ?? asOf
    }
    private mutating func list<T>(_ most: Int, _ make: (inout RandomCases) -> T) -> [T] {
        (0 ..< Int.random(in: 0 ... most, using: &generator)).map { _ in make(&self) }
    }
    private mutating func flag() -> Bool? { maybe { $0.chance(50) } }

    mutating func next(_ index: Int) -> CaseFacts {
        let agencies = CaseFacts.Agency.allCases
        let outcomes = CaseFacts.VisitOutcome.allCases
        let kinds = ["concern", "referral", "missed_health_appointment", "left_alone", "carer_intoxicated", "assessment",
                     "moved_in", "not_brought", "police_callout", "missing_episode", "early_help_declined",
                     "missed_antenatal_appointment", "pre_birth_assessment_declined", "conference"]
        let levels = Level.allCases.filter { $0 != .universal }
        return CaseFacts(
            id: "R\(index)",
            child: maybe { r in
                CaseFacts.Child(dateOfBirth: r.maybe { $0.date(daysBack: -200 ... 6_500) }, unborn: r.flag(),
                                gestationWeeks: r.maybe { Int.random(in: 8 ... 40, using: &$0.generator) },
                                disabled: r.flag(), additionalNeeds: r.flag(), criticalMedication: r.flag())
            },
            plans: maybe { r in
                r.list(3) { r in
                    let start = r.date()
                    return CaseFacts.Plan(level: r.pick(levels), category: r.pick(["neglect", "emotional", nil]), start: start,
                                          end: r.chance(50) ? start.adding(days: Int.random(in: 1 ... 700, using: &r.generator)) : nil)
                }
            },
            assessments: maybe { r in
                r.list(4) { r in
                    var grades: [String: Int] = [:]
                    for domain in Vocabulary.domains where r.chance(70) { grades[domain] = Int.random(in: 1 ... 5, using: &r.generator) }
                    return CaseFacts.Assessment(date: r.date(daysBack: -10 ... 500), grades: grades)
                }
            },
            education: maybe { r in
                let possible = r.maybe { r in r.pick([0, 10, 200, 380, 1_000]) }
                return CaseFacts.Education(
                    onRoll: r.flag(), sessionsPossible: possible,
                    sessionsMissed: r.maybe { Int.random(in: 0 ... max(possible ?? 50, 1), using: &$0.generator) },
                    consecutiveAbsenceDays: r.maybe { Int.random(in: 0 ... 40, using: &$0.generator) }, missing: r.flag(),
                    homeEducated: r.flag(), homeEducationStart: r.maybe { $0.date() }, whereaboutsKnown: r.flag(),
                    partTimeTimetable: r.maybe { r in .init(start: r.maybe { $0.date() }, review: r.maybe { $0.date(daysBack: -60 ... 60) }, notified: r.flag()) },
                    lastAttended: r.maybe { $0.date(daysBack: 0 ... 60) })
            },
            visits: maybe { r in
                r.list(6) { r in
                    CaseFacts.Visit(date: r.date(daysBack: -5 ... 120), by: r.maybe { $0.pick(agencies) }, announced: r.flag(),
                                    outcome: r.pick(outcomes), childSeenAlone: r.flag(), homeSeen: r.flag())
                }
            },
            compliance: maybe { r in
                CaseFacts.Compliance(
                    earlyHelpConsent: r.maybe { $0.pick(["given", "declined", "withdrawn", "unexpected words"]) },
                    actions: r.maybe { r in r.list(4) { CaseFacts.DatedOutcome(date: $0.date(daysBack: 0 ... 300), held: $0.chance(50)) } },
                    claims: r.maybe { r in r.list(3) { CaseFacts.DatedOutcome(date: $0.date(daysBack: 0 ... 300), held: $0.chance(50)) } },
                    disguisedCompliance: r.maybe { r in r.list(3) { $0.date(daysBack: 0 ... 300) } })
            },
            events: maybe { r in
                r.list(8) { r in
                    CaseFacts.Event(date: r.date(daysBack: -5 ... 800), kind: r.pick(kinds),
                                    domains: r.maybe { r in r.list(2) { $0.pick(Vocabulary.domains) } })
                }
            },
            context: maybe { r in .init(poverty: r.flag(), parentPrioritisesChild: r.flag(), compensatoryCare: r.flag()) },
            carers: maybe { r in
                .init(substanceMisuse: r.maybe { $0.pick(["none", "suspected", "confirmed", "historic"]) },
                      domesticAbuse: r.maybe { $0.pick(["none", "suspected", "confirmed"]) },
                      mentalHealth: r.maybe { $0.pick(["none", "suspected", "confirmed"]) },
                      previousChildrenRemoved: r.maybe { Int.random(in: 0 ... 3, using: &$0.generator) })
            },
            facts: maybe { r in
                var facts: [String: FactValue] = [:]
                for name in ["young_carer", "good_enough_care", "impairment", "family_closing_down"] where r.chance(60) {
                    facts[name] = .boolean(r.chance(50))
                }
                if r.chance(60) { facts["housing"] = .string(r.pick(["secure", "temporary", "none"])) }
                if r.chance(60) { facts["gcp2_completed"] = .date(r.date()) }
                return facts
            },
            transferIn: maybe { r in r.chance(30) ? .init(date: r.date(daysBack: 0 ... 60), recordsReceived: r.flag()) : nil } ?? nil)
    }
}

/// The fast path (the compiled program and ``EvaluationPlan/decide(_:asOf:)``) against the
/// explaining evaluator: the same truth for every rule, the same decision for every case.
@Suite("Fast path")
struct FastPathTests {
    /// Every disagreement between the program and the explanations, and between `decide` and
    /// `evaluate`, on one case.
    static func disagreements(_ plan: EvaluationPlan, _ facts: CaseFacts, asOf: LocalDate) -> [String] {
        var found: [String] = []
        // Explained without the program's values for calls, so that the program is held to an
        // evaluation of its own; and the recommendation that reads them must be the same.
        let (recommendation, traces) = plan.trace(facts, asOf: asOf, independently: true)
        if plan.evaluate(facts, asOf: asOf) != recommendation { found.append("evaluate differs from explaining every call") }
        let truths = plan.ruleTruths(facts, asOf: asOf)
        for (trace, truth) in zip(traces, truths) {
            if trace.when.result != truth.when { found.append("\(trace.id) when: explained \(trace.when.result), program \(truth.when)") }
            // Each expression the program computes on its own, as its explanation evaluates it:
            // what a rule that did not fire shows as failed is read from these.
            let explained = Self.expressions(trace.when)
            if explained.count != truth.expressions.count
                || zip(explained, truth.expressions).contains(where: { explained, program in program.map { $0 != explained } ?? false }) {
                found.append("\(trace.id) expressions: explained \(explained), program \(truth.expressions)")
            }
            if trace.unless?.result != truth.unless {
                found.append("\(trace.id) unless: explained \(String(describing: trace.unless?.result)), program \(String(describing: truth.unless))")
            }
        }
        let decision = plan.decide(facts, asOf: asOf)
        if decision.level != recommendation.level { found.append("level: decide \(decision.level), evaluate \(recommendation.level)") }
        if decision.provisional != recommendation.provisional { found.append("provisional: decide \(decision.provisional)") }
        let explained = (recommendation.firedRules + recommendation.procedures).map(\.id)
        if Set(decision.firedRules) != Set(explained) || decision.firedRules.count != explained.count {
            found.append("fired: decide \(decision.firedRules), evaluate \(explained)")
        }
        if decision.actions != recommendation.actions { found.append("actions differ") }
        if plan.decide(plan.bind(facts, asOf: asOf)) != decision { found.append("a bound case decides differently") }
        return found.map { "\(facts.id ?? "case") at \(asOf): \($0)" }
    }

    /// How each expression of an explained condition evaluated, depth first.
    static func expressions(_ explanation: Explanation) -> [Truth] {
        explanation.parts.isEmpty ? [explanation.result] : explanation.parts.flatMap { expressions($0) }
    }

    @Test("on every example fixture, the program decides each rule as the explanations do, and decide matches evaluate")
    func fixtures() throws {
        let folder = Fixture.root.appendingPathComponent("Examples/fixtures")
        let files = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".yaml") }.sorted()
        var cases = 0
        var found: [String] = []
        for file in files {
            let loaded = FixtureLoader(root: Fixture.root.path).load(contentsOf: folder.appendingPathComponent(file).path)
            let suite = try #require(loaded.suite, "\(file): \(loaded.diagnostics.prefix(3))")
            let plan = suite.checked.compile()
            for fixture in suite.cases {
                cases += 1
                found += Self.disagreements(plan, fixture.facts, asOf: fixture.asOf)
            }
        }
        #expect(cases >= 188)
        #expect(found.isEmpty, "\(found.prefix(10).joined(separator: "\n"))")
    }

    @Test("on 3,000 random cases with facts missing everywhere, the example board's program agrees with its explanations")
    func randomCasesOnTheExampleBoard() throws {
        let plan = try #require(Fixture.board).compile()
        var cases = RandomCases(seed: 2026)
        var found: [String] = []
        for index in 0 ..< 3_000 where found.count < 10 {
            found += Self.disagreements(plan, cases.next(index), asOf: Fixture.asOf)
        }
        #expect(found.isEmpty, "\(found.prefix(10).joined(separator: "\n"))")
        // The example board reads histories, which the program leaves to the explaining evaluator.
        #expect(plan.programSize.fallbacks > 0 && plan.programSize.instructions > 100)
    }

    /// Every shape of expression the program compiles, and the ones it hands back.
    static let shapes: [String] = [
        // Arithmetic over the kinds the checker lets through.
        "child.date_of_birth + 30 days < as_of", "as_of - child.date_of_birth > 1 year",
        "child.age + plan.time_on_current > 2 years", "since(child_seen) - 7 days >= 1 day",
        "education.attendance * 2 - 100 >= 80", "education.sessions_missed / education.sessions_possible * 100 >= 10",
        "education.attendance / 0 > 1", "child.date_of_birth + since(visit) < as_of",
        // Comparisons across kinds.
        "current_plan >= child_in_need", "current_plan == child_protection", "current_plan in [early_help, child_in_need]",
        "current_plan not in [child_protection]", "compliance.early_help_consent == declined",
        "compliance.early_help_consent != given", "compliance.early_help_consent in [declined, withdrawn]",
        "carers.substance_misuse == carers.domestic_abuse", "child.disabled == context.poverty", "child.unborn != true",
        "education.last_attended < as_of - 20 days", "child.date_of_birth >= 2020-01-01",
        // Known and unknown.
        "known(child.age)", "unknown(education.attendance)", "known(current_plan)", "unknown(compliance.early_help_consent)",
        "known(domain.hygiene) and domain.hygiene >= 3", "unknown(housing)", "known(child.disabled)", "unknown(young_carer)",
        // Domains.
        "max(domains) >= 4", "min(domains) <= 2", "max(domains[physical_care]) == 5", "count(domains where grade >= 3) >= 2",
        "any(domains where grade == 5)", "all(domains[physical_care] where grade <= 2)", "count(domains where unknown(grade)) >= 3",
        "any(domains where grade >= 4 and child.disabled)", "count(domains where grade >= 3 and not child.disabled) >= 1",
        "any(domains where streak(grade >= 3) >= 2)", "count(domains where ever(grade >= 4)) >= 1",
        // Events and histories.
        "count(no_access in last 90 days) >= 2", "count(child_seen[school, health] in last 20 working days) >= 1",
        "count(concern[hygiene] in last 12 months) >= 2", "count(plan_ended[child_protection] in last 2 years) >= 1",
        "count(non_compliance in last 6 months) + count(disguised_compliance in last 6 months) >= 2",
        "since(child_seen) > 10 working days", "since(moved_in) < 30 days", "since(assessment) > 6 months",
        "count(referral) >= 3", "streak(domain.hygiene >= 3) >= 2", "oscillating(domain.home_conditions >= 4)",
        "ever(domain.nutrition == 5)", "ever(domain.hygiene >= 4 in last 12 months)",
        // Board facts.
        "housing == temporary", "housing in [none, temporary]", "gcp2_completed < as_of - 6 months", "young_carer and not impairment",
        "good_enough_care == false or family_closing_down",
    ]

    @Test("every expression shape, alone and combined, is decided by the program exactly as by the explaining evaluator")
    func expressionShapes() throws {
        let declarations = """
            facts:
              young_carer: boolean
              good_enough_care: boolean
              impairment: boolean
              family_closing_down: boolean
              housing: { type: enum, values: [secure, temporary, none] }
              gcp2_completed: date

            """
        var rules = "rules:\n"
        for (index, shape) in Self.shapes.enumerated() {
            let quoted = shape.replacingOccurrences(of: "\"", with: "\\\"")
            rules += "  - { id: S\(index), title: t, level: child_in_need, source: s, when: \"\(quoted)\" }\n"
        }
        // Combinators, exceptions, relative levels and modifiers over the same shapes.
        rules += """
              - id: C1
                title: t
                level: child_protection
                source: s
                when: { at_least: 2, of: ["\(Self.shapes[15])", "\(Self.shapes[36])", "\(Self.shapes[47])"] }
                unless: "\(Self.shapes[23])"
              - { id: C2, title: t, level: current_plan + 1, source: s, when: "\(Self.shapes[40])", unless: context.poverty }
              - { id: C3, title: t, raise: 1, source: s, when: "\(Self.shapes[50])" }
              - id: C4
                title: t
                level: pre_proceedings
                source: s
                when: { not: { any: ["\(Self.shapes[26])", { all: ["\(Self.shapes[29])", "\(Self.shapes[52])"] }] } }

            """
        // With a modifier, and without one (which decides in a single pass).
        let withModifier = try #require(Fixture.document(declarations + rules)).compile()
        let unmodified = rules.split(separator: "\n").filter { !$0.contains("id: C3,") }.joined(separator: "\n")
        let withoutModifier = try #require(Fixture.document(declarations + unmodified + "\n")).compile()
        for plan in [withModifier, withoutModifier] {
            var cases = RandomCases(seed: 1989)
            var found: [String] = []
            for index in 0 ..< 1_500 where found.count < 10 {
                found += Self.disagreements(plan, cases.next(index), asOf: Fixture.asOf)
            }
            #expect(found.isEmpty, "\(found.prefix(10).joined(separator: "\n"))")
        }
    }

    @Test("a guard and its comparison fused into one instruction leave their expressions to the explaining evaluator, with the same failed lines")
    func fusedGuardExplainsItsExpressions() throws {
        let plan = try #require(Fixture.document("""
            rules:
              - { id: R, title: t, level: child_in_need, source: s, when: { all: ["known(domain.hygiene)", "domain.hygiene >= 3"] } }

            """)).compile()
        // The program computes only the fused guard, not either expression on its own.
        #expect(plan.program.leaves.map(\.register) == [-1, -1])
        for grade in [nil, 2, 3] {
            let facts = CaseFacts(id: "hygiene \(grade.map(String.init) ?? "unknown")",
                                  assessments: [.init(date: Fixture.asOf, grades: grade.map { ["hygiene": $0] } ?? ["nutrition": 1])])
            #expect(Self.disagreements(plan, facts, asOf: Fixture.asOf).isEmpty)
            if grade == 2 {
                let failed = plan.evaluate(facts, asOf: Fixture.asOf).nearMisses.flatMap(\.failed)
                #expect(failed == ["domain.hygiene >= 3 (domain.hygiene = 2) is false"])
            }
        }
    }

    @Test("a decision lists fired rules in document order and compares by content")
    func decisionShape() throws {
        let plan = try #require(Fixture.board).compile()
        let facts = CaseFacts(child: .init(dateOfBirth: LocalDate(year: 2026, month: 6, day: 1)),
                              assessments: [.init(date: Fixture.asOf, grades: ["safety_supervision": 5, "nutrition": 4, "hygiene": 4])])
        let decision = plan.decide(facts, asOf: Fixture.asOf)
        let order = plan.document.rules.map(\.id.value)
        let positions = decision.firedRules.map { order.firstIndex(of: $0) ?? -1 }
        #expect(!decision.firedRules.isEmpty && positions == positions.sorted() && !positions.contains(-1))
        #expect(decision == plan.decide(facts, asOf: Fixture.asOf))
        #expect(decision.level == plan.evaluate(facts, asOf: Fixture.asOf).level)
    }

    @Test("a case bound to one plan and decided by another is bound again, not misread")
    func boundElsewhere() throws {
        let board = try #require(Fixture.board).compile()
        let other = try #require(Fixture.single("child.disabled")).compile()
        let facts = CaseFacts(child: .init(disabled: true), assessments: [.init(date: Fixture.asOf, grades: ["hygiene": 5])])
        let bound = board.bind(facts, asOf: Fixture.asOf)
        #expect(other.decide(bound) == other.decide(facts, asOf: Fixture.asOf))
        #expect(board.decide(bound) == board.decide(facts, asOf: Fixture.asOf))
    }

    @Test("every operator survives its round trip through an instruction's code")
    func operatorCodes() {
        for op in BinaryOperator.allCases { #expect(Program.op(Program.code(of: op)) == op) }
    }

    /// Where deciding a caseload in one call differs from deciding each of its cases: as bound
    /// cases, and as a bound caseload (read whole, and column by column).
    static func caseloadDisagreements(_ plan: EvaluationPlan, _ cases: [CaseFacts], asOf: LocalDate) -> [String] {
        let bound = cases.map { plan.bind($0, asOf: asOf) }
        let together = plan.decide(bound)
        let caseload = plan.decide(plan.bind(cases, asOf: asOf))
        guard together.count == cases.count, caseload.count == cases.count else {
            return ["\(together.count) and \(caseload.count) decisions for \(cases.count) cases"]
        }
        return cases.indices.compactMap { index in
            let alone = plan.decide(bound[index])
            let fromColumns = (caseload.level(at: index), caseload.isProvisional(at: index), caseload.firedRules(at: index))
            guard together[index] != alone || caseload[index] != alone
                || fromColumns != (alone.level, alone.provisional, alone.firedRules) else { return nil }
            func describe(_ decision: Decision) -> String { "\(decision.level) \(decision.provisional) \(decision.firedRules) \(decision.actions.count)" }
            return "\(cases[index].id ?? "case \(index)"): cases \(describe(together[index])), caseload \(describe(caseload[index])), alone \(describe(alone))"
        }
    }

    /// Logic over comparisons, the shapes the bit-sliced caseload path takes: counts compared every
    /// way, truths compared, exceptions, "at least", negation and constants.
    static let slicedShapes: [String] = [
        "count(domains where grade >= 3) >= 2", "count(domains where grade >= 4) == 1", "count(domains where grade >= 4) != 2",
        "count(domains where unknown(grade)) < 3", "count(domains where grade == 5) <= 1", "2 <= count(domains where grade >= 3)",
        "count(domains where grade >= 2) > 1.5", "count(domains where grade >= 2) >= 2.5", "count(domains where grade >= 4) == 1.5",
        "any(domains[nutrition, hygiene] where known(grade) and grade >= 4)", "all(domains[physical_care] where grade <= 2)",
        "child.disabled == context.poverty", "child.unborn != true", "not child.disabled", "known(child.age) and child.age < 5 years",
        "current_plan in [child_in_need, child_protection]", "compliance.early_help_consent == declined",
        "count(no_access in last 90 days) >= 2", "since(child_seen) > 10 working days", "unknown(education.attendance)",
        "education.attendance < 90 or education.missing", "true", "child.disabled and false",
        "count(domains where known(grade)) == 0", "known(education.attendance) and education.attendance != 90",
        "known(domain.hygiene) and domain.hygiene <= 2", "known(domain.health) and domain.health == 4",
        "known(child.age) and child.age >= 1 year", "streak(domain.hygiene >= 3) >= 2", "max(domains) >= 4",
    ]

    @Test("deciding a caseload in one call gives each case's own decision, bit-sliced or not")
    func caseloads() throws {
        var rules = "rules:\n"
        let levels = ["early_help", "child_in_need", "child_protection", "pre_proceedings"]
        for (index, shape) in Self.slicedShapes.enumerated() {
            let quoted = shape.replacingOccurrences(of: "\"", with: "\\\"")
            let unless = index % 4 == 1 ? ", unless: \"\(Self.slicedShapes[(index + 5) % Self.slicedShapes.count])\"" : ""
            // The guards and the fallback at the end hold for most cases: kept low, so that levels vary.
            let level = index < 24 ? levels[index % 4] : "early_help"
            let actions = index % 7 == 0 ? ", actions: [practical_support]" : ""
            rules += "  - { id: S\(index), title: t, level: \(level), source: s, when: \"\(quoted)\"\(unless)\(actions) }\n"
        }
        rules += "  - { id: R1, title: t, level: current_plan + 1, source: s, when: \"count(domains where grade >= 4) >= 1\", unless: context.poverty }\n"
        rules += "  - { id: R2, title: t, level: current_plan, source: s, when: \"count(domains where grade >= 3) >= 1\" }\n"
        rules += "  - { id: A1, title: t, level: child_protection, source: s, when: { at_least: 2, of: [child.disabled, \"count(referral in last 12 months) >= 3\", \"count(domains where grade >= 4) >= 1\"] } }\n"
        // Every shape but the last (`max`, a value computed from values): sliced. With it: one at a time.
        let sliced = try #require(Fixture.document(rules.split(separator: "\n").filter { !$0.contains("max(domains)") }
            .joined(separator: "\n") + "\n")).compile()
        let whole = try #require(Fixture.document(rules)).compile()
        #expect(sliced.decidesInSlices && !whole.decidesInSlices)
        var random = RandomCases(seed: 64)
        // 1,000 cases: whole chunks of 64 and a last one of 40.
        let cases = (0 ..< 1_000).map { random.next($0) }
        // The cases reach many kinds of result: levels, provisional or not, from 0 to many rules fired.
        let decisions = sliced.decide(cases.map { sliced.bind($0, asOf: Fixture.asOf) })
        #expect(Set(decisions.map(\.level)).count >= 2 && Set(decisions.map(\.firedRules.count)).count >= 8,
                "\(Dictionary(grouping: decisions, by: \.level).mapValues(\.count))")
        #expect(Set(decisions.map(\.actions)).count >= 3, "the fired rules' actions vary")
        #expect(Set(decisions.map(\.provisional)) == [true, false], "\(Dictionary(grouping: decisions, by: \.provisional).mapValues(\.count))")
        for plan in [sliced, whole] {
            let found = Self.caseloadDisagreements(plan, cases, asOf: Fixture.asOf)
            #expect(found.isEmpty, "\(found.prefix(10).joined(separator: "\n"))")
            #expect(plan.decide([]).isEmpty && plan.decide(plan.bind([CaseFacts](), asOf: Fixture.asOf)).isEmpty)
            // Chunks cut anywhere: one case, a whole chunk, one over.
            for size in [1, 63, 64, 65, 129] {
                let found = Self.caseloadDisagreements(plan, Array(cases.suffix(size)), asOf: Fixture.asOf)
                #expect(found.isEmpty, "\(size) cases: \(found.prefix(5).joined(separator: "\n"))")
            }
            // A chunk whose values in a slot are all known compares them as points: in a caseload
            // of one case, every slot the case knows is such a column.
            let alone = cases.prefix(300).flatMap { Self.caseloadDisagreements(plan, [$0], asOf: Fixture.asOf) }
            #expect(alone.isEmpty, "\(alone.prefix(5).joined(separator: "\n"))")
        }
        // Beyond 128 rules, fired rules are kept past two words.
        let shapes = Self.slicedShapes.filter { !$0.contains("max(") }
        var many = "rules:\n"
        for index in 0 ..< 150 {
            let quoted = shapes[index % shapes.count].replacingOccurrences(of: "\"", with: "\\\"")
            many += "  - { id: M\(index), title: t, level: \(levels[index % 4]), source: s, when: \"\(quoted)\" }\n"
        }
        let wide = try #require(Fixture.document(many)).compile()
        #expect(wide.decidesInSlices)
        let found = Self.caseloadDisagreements(wide, Array(cases.prefix(200)), asOf: Fixture.asOf)
        #expect(found.isEmpty, "\(found.prefix(5).joined(separator: "\n"))")
        // Cases bound to another plan among them are bound again.
        let mixed = Array(cases.prefix(70))
        let elsewhere = whole.bind(mixed[3], asOf: Fixture.asOf)
        var bound = mixed.map { sliced.bind($0, asOf: Fixture.asOf) }
        bound[3] = elsewhere
        #expect(sliced.decide(bound) == bound.map(sliced.decide))
        // A document that reads nothing of the case has rows of no values.
        let constant = try #require(Fixture.document("rules:\n  - { id: C1, title: t, level: early_help, source: s, when: \"true\" }\n")).compile()
        #expect(constant.programSize.slots == 0 && constant.decidesInSlices)
        let none = Self.caseloadDisagreements(constant, mixed, asOf: Fixture.asOf)
        #expect(none.isEmpty && constant.decide(constant.bind(mixed, asOf: Fixture.asOf)).allSatisfy { $0.level == .earlyHelp })
        // A caseload bound to another plan is bound again, not misread.
        let foreign = whole.bind(mixed, asOf: Fixture.asOf)
        #expect(Array(sliced.decide(foreign)) == mixed.map { sliced.decide($0, asOf: Fixture.asOf) })
        #expect(Array(whole.decide(sliced.bind(mixed, asOf: Fixture.asOf))) == mixed.map { whole.decide($0, asOf: Fixture.asOf) })
    }

    @Test("every example fixture's case decides the same in a caseload as alone")
    func fixtureCaseloads() throws {
        let folder = Fixture.root.appendingPathComponent("Examples/fixtures")
        let files = try #require(FileManager.default.enumerator(atPath: folder.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".yaml") }.sorted()
        var found: [String] = []
        for file in files {
            let loaded = FixtureLoader(root: Fixture.root.path).load(contentsOf: folder.appendingPathComponent(file).path)
            let suite = try #require(loaded.suite, "\(file): \(loaded.diagnostics.prefix(3))")
            let plan = suite.checked.compile()
            for (asOf, fixtures) in Dictionary(grouping: suite.cases, by: \.asOf) {
                found += Self.caseloadDisagreements(plan, fixtures.map(\.facts), asOf: asOf).map { "\(file): \($0)" }
            }
        }
        #expect(found.isEmpty, "\(found.prefix(10).joined(separator: "\n"))")
    }

    /// A definition over a call that rules also read themselves.
    private static let twice = """
        definitions:
          twice: { description: d, when: count(referral in last 12 months) >= 2 }

        """

    /// Evaluates the rules together, then each in a document of its own, so that nothing is
    /// remembered from another rule, and expects each rule's explanation (fired, or its failed
    /// lines as a near miss) to be the same both ways. Returns the recommendation of them together.
    private func explainedAsIfAlone(_ rules: [String], _ facts: CaseFacts) throws -> Recommendation {
        let together = try #require(Fixture.evaluate(Fixture.document(Self.twice + "rules:\n" + rules.joined()), facts))
        for rule in rules {
            let alone = try #require(Fixture.evaluate(Fixture.document(Self.twice + "rules:\n" + rule), facts))
            let id = try #require(alone.firedRules.first?.id ?? alone.nearMisses.first?.id, "\(rule)")
            #expect(together.firedRules.first { $0.id == id } == alone.firedRules.first { $0.id == id }, "\(id)")
            #expect(together.nearMisses.first { $0.id == id }?.failed == alone.nearMisses.first { $0.id == id }?.failed, "\(id)")
        }
        return together
    }

    @Test("a call read by several rules and a definition is evaluated once per case, and explained in each as if alone")
    func rememberedCalls() throws {
        let facts = Fixture.facts("""
            events:
              - { kind: referral, date: 2026-03-01 }
              - { kind: referral, date: 2026-09-01 }
              - { kind: referral, date: 2025-01-01 }
            assessments:
              - { date: 2026-10-01, grades: { nutrition: 3 } }
            """)
        let together = try explainedAsIfAlone([
            "  - { id: A, title: a, level: child_protection, source: s, when: count(referral in last 12 months) >= 3 and child.disabled }\n",
            "  - { id: B, title: b, level: child_in_need, source: s, when: twice }\n",
            "  - { id: C, title: c, level: child_in_need, source: s, when: count(referral in last 12 months) >= 2 and unknown(domain.hygiene) }\n",
            "  - { id: D, title: d, level: child_protection, source: s, when: any(domains where known(grade) and grade >= 4) and twice }\n",
        ], facts)
        #expect(together.firedRules.map(\.id) == ["B", "C"])
        #expect(Set(together.nearMisses.map(\.id)) == ["A", "D"])
        let fired = try #require(together.firedRules.first { $0.id == "C" })
        #expect(fired.explanation.readings.contains { $0.name == "count(referral in last 12 months)" && $0.value == "2" })
    }

    @Test("an 'and' stops at its first false part and an 'or' at its first true one; what they skip explains later as if alone")
    func shortCircuitedParts() throws {
        let facts = Fixture.facts("""
            child: { date_of_birth: 2020-05-01, disabled: false }
            events:
              - { kind: referral, date: 2026-03-01 }
              - { kind: referral, date: 2026-09-01 }
              - { kind: missed_health_appointment, date: 2026-08-01 }
            """)
        // A and E decide on their first part, before the calls and the definition that B, C
        // and F then read first.
        let together = try explainedAsIfAlone([
            "  - { id: A, title: a, level: child_protection, source: s, when: child.disabled and count(referral in last 12 months) >= 1 and twice }\n",
            "  - { id: E, title: e, level: child_in_need, source: s, when: child.unborn == false or count(missed_health_appointment in last 12 months) >= 5 }\n",
            "  - { id: B, title: b, level: child_protection, source: s, when: count(referral in last 12 months) >= 3 and twice }\n",
            "  - { id: C, title: c, level: child_in_need, source: s, when: twice or child.disabled }\n",
            "  - { id: F, title: f, level: child_protection, source: s, when: count(missed_health_appointment in last 12 months) >= 1 and child.disabled }\n",
        ], facts)
        #expect(together.firedRules.map(\.id) == ["E", "C"])
        #expect(together.nearMisses.map(\.id) == ["A", "B", "F"])
        let a = try #require(together.nearMisses.first { $0.id == "A" })
        #expect(a.failed == ["child.disabled and count(referral in last 12 months) >= 1 and twice (child.disabled = false) is false"])
        let e = try #require(together.firedRules.first { $0.id == "E" })
        #expect(e.explanation.readings.map(\.name) == ["child.unborn"])
    }

    @Test("fired-rule sets beyond 128 rules keep every position")
    func largeRuleSets() {
        var positions = FiredRules.Positions()
        for position in [0, 63, 64, 127, 128, 200, 1_000] { positions.insert(position) }
        positions.insert(64)
        let ids = (0 ... 1_000).map { "R\($0)" }
        let fired = FiredRules(ids: ids, positions: positions)
        #expect(Array(fired) == ["R0", "R63", "R64", "R127", "R128", "R200", "R1000"])
    }
}


@Suite("Vocabulary look-ups")
struct VocabularyLookupTests {
    @Test("every domain, and nothing else, has a position")
    func domainPositions() {
        for (index, name) in Vocabulary.domains.enumerated() { #expect(Vocabulary.domainPosition(name) == index) }
        for name in ["", "nutritio", "nutritionx", "Nutrition", "hygienE", "safety", "education_stimulation_", "grade"] {
            #expect(Vocabulary.domainPosition(name) == nil)
        }
    }
}
