import Thresholds

/// The six rules of bench-rules.yaml written by hand in Swift, three-valued like the engine
/// (`nil` is unknown), with no explanations: the baseline the engine is measured against.
enum HandWritten {
    static let domains = ["nutrition", "hygiene", "clothing", "home_conditions", "health", "safety_supervision",
                          "emotional_care", "education_stimulation"]

    static func and(_ a: Bool?, _ b: Bool?) -> Bool? {
        if a == false || b == false { return false }
        if a == true && b == true { return true }
        return nil
    }

    /// The recommended level and whether it is provisional.
    static func evaluate(_ facts: CaseFacts, asOf: LocalDate) -> (Level, Bool) {
        // Latest grade per domain.
        var latest: [String: (LocalDate, Int)] = [:]
        for assessment in facts.assessments ?? [] where assessment.date <= asOf {
            for (domain, grade) in assessment.grades where (latest[domain]?.0 ?? assessment.date) <= assessment.date {
                latest[domain] = (assessment.date, grade)
            }
        }
        let grades = domains.map { latest[$0]?.1 }
        let known = grades.compactMap { $0 }
        let unknownCount = grades.count - known.count
        let anyThree: Bool? = known.contains(3) ? true : (unknownCount > 0 ? nil : false)
        let fours = known.filter { $0 >= 4 }.count
        let anyFour: Bool? = fours >= 1 ? true : (unknownCount > 0 ? nil : false)
        let maxKnown = known.max() ?? 1
        let anyFive: Bool? = known.contains(5) ? true : (unknownCount > 0 ? nil : false)
        let maxAtMost3: Bool? = maxKnown > 3 ? false : (unknownCount > 0 ? nil : true)
        let povertyOnly = and(and(facts.context?.poverty, facts.context?.parentPrioritisesChild), maxAtMost3)

        var attendanceLow: Bool?
        if let possible = facts.education?.sessionsPossible, let missed = facts.education?.sessionsMissed, possible > 0 {
            attendanceLow = (Double(possible) - Double(missed)) / Double(possible) * 100 < 50
        }
        var plan: Level?
        if let plans = facts.plans {
            plan = plans.filter { $0.start <= asOf && ($0.end.map { $0 > asOf } ?? true) }.map(\.level).max() ?? .universal
        }
        let ninetyDaysAgo = asOf.dayNumber - 90
        var refusals: Int?
        if let visits = facts.visits {
            refusals = visits.filter {
                ($0.outcome == .refusedEntry || $0.outcome == .refusedSight) && $0.date <= asOf && $0.date.dayNumber >= ninetyDaysAgo
            }.count
        }
        let sixMonthsAgo = (asOf.adding(months: -6) ?? asOf).dayNumber
        var breaches: Int?
        if let actions = facts.compliance?.actions, let claims = facts.compliance?.claims {
            breaches = (actions + claims).filter { !$0.held && $0.date <= asOf && $0.date.dayNumber >= sixMonthsAgo }.count
        }
        let refusalsTwo: Bool? = refusals.map { $0 >= 2 } ?? nil
        let onPlan: Bool? = plan.map { $0 >= .childInNeed }
        let onCP: Bool? = plan.map { $0 == .childProtection }
        let breachesTwo: Bool? = breaches.map { $0 >= 2 } ?? nil

        // (level, when, unless) for each rule.
        let rules: [(Level, Bool?, Bool?)] = [
            (.earlyHelp, anyThree, povertyOnly),
            (.childInNeed, anyFour, false),
            (.childInNeed, attendanceLow, false),
            (.childProtection, anyFive, false),
            (.childProtection, and(refusalsTwo, onPlan), false),
            (.preProceedings, and(onCP, breachesTwo), false),
        ]
        // An exception applies only when known to be true: a rule whose exception is unknown fires,
        // and the result is provisional when the level rests on such a rule.
        var level = Level.universal
        var confirmed = Level.universal
        for (ruleLevel, when, unless) in rules where when == true && unless != true {
            level = max(level, ruleLevel)
            if unless == false { confirmed = max(confirmed, ruleLevel) }
        }
        let undecidedAbove = rules.contains { ruleLevel, when, unless in ruleLevel > level && when == nil && unless != true }
        return (level, undecidedAbove || confirmed < level)
    }
}
