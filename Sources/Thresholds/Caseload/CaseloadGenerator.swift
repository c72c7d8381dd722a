internal import Foundation

/// Synthetic caseloads for tests and benchmarks: deterministic for a seed, realistic in shape
/// (most children with some needs met and a few areas of concern; visits, plans, school records,
/// chronology and compliance; some facts left unknown, as real records leave them), using the
/// standard vocabulary only, so that any board's document can be applied. Never real data.
public struct CaseloadGenerator: Sendable {
    /// The seed: the same seed gives the same caseload, byte for byte.
    public var seed: UInt64
    /// The as-of date every case carries.
    public var asOf: LocalDate

    /// Creates a generator.
    public init(seed: UInt64 = 1989, asOf: LocalDate) {
        self.seed = seed
        self.asOf = asOf
    }

    /// The case numbered `index` (0-based): the same for the same seed and index, whatever else
    /// is generated, so a caseload can be produced in pieces.
    public func facts(_ index: Int) -> CaseFacts {
        var random = SplitMix(seed: seed &+ UInt64(truncatingIfNeeded: index) &* 0x9E37_79B9_7F4A_7C15)
        func day(back: Int) -> LocalDate { asOf.adding(days: -Int.random(in: 0...max(back, 0), using: &random)) ?? asOf }
        func maybe<T>(_ probability: Double, _ value: @autoclosure () -> T) -> T? {
            Double.random(in: 0..<1, using: &random) < probability ? value() : nil
        }
        var facts = CaseFacts(id: "SYN-\(index + 1)")
        // A quarter of the children are under 2, a few unborn.
        let unborn = Double.random(in: 0..<1, using: &random) < 0.03
        let ageDays = Double.random(in: 0..<1, using: &random) < 0.25 ? Int.random(in: 0...730, using: &random)
                                                                     : Int.random(in: 731...6_500, using: &random)
        facts.child = unborn
            ? CaseFacts.Child(unborn: true, dueDate: asOf.adding(days: Int.random(in: 14...200, using: &random)))
            : CaseFacts.Child(dateOfBirth: asOf.adding(days: -ageDays), disabled: maybe(0.9, Double.random(in: 0..<1, using: &random) < 0.08),
                              youngCarer: maybe(0.7, Double.random(in: 0..<1, using: &random) < 0.05))
        // Grades skew towards needs met; the second assessment drifts from the first.
        // Per 100 areas: 25 graded 1, 42 graded 2, 26 graded 3, 6 graded 4, 1 graded 5.
        func grade() -> Int {
            let roll = Int.random(in: 0..<100, using: &random)
            return roll < 25 ? 1 : roll < 67 ? 2 : roll < 93 ? 3 : roll < 99 ? 4 : 5
        }
        // Domains in vocabulary order, never a dictionary's: its order is not the same twice.
        var assessments: [CaseFacts.Assessment] = []
        var grades = Vocabulary.domains.map { _ in grade() }
        for count in 0..<Int.random(in: 0...3, using: &random) {
            let date = asOf.adding(days: -(count * 120 + Int.random(in: 1...100, using: &random))) ?? asOf
            var assessed: [String: Int] = [:]
            for (domain, value) in zip(Vocabulary.domains, grades) where Double.random(in: 0..<1, using: &random) < 0.9 {
                assessed[domain] = value
            }
            assessments.insert(CaseFacts.Assessment(date: date, grades: assessed), at: 0)
            grades = grades.map { min(5, max(1, $0 + Int.random(in: -1...1, using: &random))) }
        }
        facts.assessments = maybe(0.95, assessments)
        facts.plans = maybe(0.9, (0..<Int.random(in: 0...2, using: &random)).map { _ in
            let start = day(back: 900)
            let level = [Level.earlyHelp, .childInNeed, .childInNeed, .childProtection].randomElement(using: &random) ?? .childInNeed
            let ended = Double.random(in: 0..<1, using: &random) < 0.5
            return CaseFacts.Plan(level: level, category: level == .childProtection ? "neglect" : nil, start: start,
                                  end: ended ? start.adding(days: Int.random(in: 30...400, using: &random)).map { min($0, asOf) } : nil)
        })
        if !unborn, ageDays > 1_500 {
            let possible = Int.random(in: 100...380, using: &random)
            let rate = [0.02, 0.04, 0.06, 0.09, 0.10, 0.12, 0.2, 0.5, 0.6].randomElement(using: &random) ?? 0.05
            facts.education = CaseFacts.Education(onRoll: true, sessionsPossible: possible, sessionsMissed: Int(Double(possible) * rate),
                                                  whereaboutsKnown: maybe(0.95, true), exclusions: maybe(0.8, []),
                                                  withoutSchoolPlace: maybe(0.9, false))
        }
        let outcomes: [CaseFacts.VisitOutcome] = [.seen, .seen, .seen, .seen, .noAnswer, .refusedEntry, .cancelled, .seenElsewhere]
        facts.visits = maybe(0.9, (0..<Int.random(in: 0...6, using: &random)).map { _ in
            CaseFacts.Visit(date: day(back: 180), announced: Bool.random(using: &random),
                            outcome: outcomes.randomElement(using: &random) ?? .seen, childSeenAlone: maybe(0.8, Bool.random(using: &random)),
                            homeSeen: maybe(0.8, Bool.random(using: &random)))
        }.sorted { $0.date < $1.date })
        facts.compliance = maybe(0.85, CaseFacts.Compliance(
            earlyHelpConsent: ["given", "given", "given", "declined", "withdrawn"].randomElement(using: &random),
            actions: (0..<Int.random(in: 0...4, using: &random)).map { _ in CaseFacts.DatedOutcome(date: day(back: 200), held: Bool.random(using: &random)) },
            claims: [], disguisedCompliance: []))
        let kinds = ["referral", "referral", "concern", "missed_health_appointment", "strategy_discussion", "ed_attendance"]
        facts.events = maybe(0.9, (0..<Int.random(in: 0...5, using: &random)).map { _ in
            let kind = kinds.randomElement(using: &random) ?? "referral"
            return CaseFacts.Event(date: day(back: 500), kind: kind,
                                   domains: kind == "concern" ? [Vocabulary.domains.randomElement(using: &random) ?? "hygiene"] : nil)
        }.sorted { $0.date < $1.date })
        facts.context = CaseFacts.Context(poverty: maybe(0.8, Double.random(in: 0..<1, using: &random) < 0.3),
                                          parentPrioritisesChild: maybe(0.6, Bool.random(using: &random)),
                                          compensatoryCare: maybe(0.7, Double.random(in: 0..<1, using: &random) < 0.1))
        let risk = ["none", "none", "none", "suspected", "confirmed"]
        facts.carers = CaseFacts.Carers(substanceMisuse: maybe(0.8, risk.randomElement(using: &random) ?? "none"),
                                        domesticAbuse: maybe(0.8, risk.randomElement(using: &random) ?? "none"),
                                        mentalHealth: maybe(0.8, risk.randomElement(using: &random) ?? "none"),
                                        previousChildrenRemoved: maybe(0.9, Double.random(in: 0..<1, using: &random) < 0.05 ? 1 : 0))
        return facts
    }

    /// The case numbered `index` as one JSON line (sorted keys, with its `as_of`).
    public func line(_ index: Int) -> String {
        facts(index).caseFileJSON(asOf: asOf, pretty: false) ?? ""
    }
}

/// SplitMix64: a small, fast, deterministic generator (the same on every platform); the tests'
/// random cases use it too.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
