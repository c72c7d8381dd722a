/// The search for counterexamples to monotonicity, for the concerns some rule reads the wrong
/// way. It starts from generated cases (the standard vocabulary, as `thresholds caseload` makes
/// them, with the board's own facts drawn from their types), makes one concern worse at a time
/// (a domain grade one higher at the latest assessment, one more event of a concerning kind,
/// one fewer sighting of the child, a board fact moved one step its concerning way), and keeps
/// every pair where the level falls. Each counterexample is then made smaller: parts of the
/// case are dropped while the violation remains.
struct MonotonicitySearch {
    struct Found {
        var variable: String
        var label: String
        var counterexample: Counterexample
    }

    struct Outcome {
        var cases = 0
        var moves = 0
        var notSearchable: [String] = []
        var counterexamples: [Found] = []
    }

    let plan: EvaluationPlan
    let document: ThresholdDocument
    let generator: CaseloadGenerator
    let cases: Int
    let seed: UInt64

    init(checked: CheckedDocument, seed: UInt64, cases: Int) {
        plan = checked.compile()
        document = checked.document
        self.seed = seed
        self.cases = cases
        generator = CaseloadGenerator(seed: seed, asOf: LocalDate(year: 2026, month: 11, day: 1) ?? checked.document.effective)
    }

    /// One way to make a concern worse.
    struct Move {
        var label: String
        var describe: String
        var apply: (CaseFacts, LocalDate) -> CaseFacts?
    }

    func run(variables: [String]) -> Outcome {
        var outcome = Outcome()
        var moves: [(variable: String, move: Move)] = []
        for variable in variables {
            let found = Self.moves(for: variable, document: document)
            if found.isEmpty { outcome.notSearchable.append(variable) }
            moves += found.map { (variable, $0) }
        }
        guard !moves.isEmpty else { return outcome }
        var reported: Set<String> = []
        var random = SplitMix(seed: seed ^ 0xA5A5_5A5A)
        let asOf = generator.asOf
        for index in 0..<cases {
            var base = generator.facts(index)
            base.facts = boardFacts(&random)
            outcome.cases += 1
            let before = plan.decide(base, asOf: asOf)
            for (variable, move) in moves where !reported.contains(variable) {
                guard let worse = move.apply(base, asOf), worse != base else { continue }
                outcome.moves += 1
                let after = plan.decide(worse, asOf: asOf)
                guard after.level < before.level else { continue }
                reported.insert(variable)
                let (small, smallWorse) = minimise(base, move: move, asOf: asOf)
                let first = plan.decide(small, asOf: asOf)
                let second = plan.decide(smallWorse, asOf: asOf)
                let lost = Array(first.firedRules).filter { !Array(second.firedRules).contains($0) }
                outcome.counterexamples.append(Found(
                    variable: variable, label: move.label,
                    counterexample: Counterexample(name: variable, move: move.describe, before: small, after: smallWorse, asOf: asOf,
                                                   levelBefore: first.level, levelAfter: second.level, rules: lost)))
            }
        }
        return outcome
    }

    /// Drops parts of the case while the move still lowers the level.
    private func minimise(_ facts: CaseFacts, move: Move, asOf: LocalDate) -> (CaseFacts, CaseFacts) {
        func violates(_ candidate: CaseFacts) -> CaseFacts? {
            guard let worse = move.apply(candidate, asOf), worse != candidate,
                  plan.decide(worse, asOf: asOf).level < plan.decide(candidate, asOf: asOf).level
            else { return nil }
            return worse
        }
        var current = facts
        let reductions: [(inout CaseFacts) -> Void] = [
            { $0.education = nil }, { $0.compliance = nil }, { $0.context = nil }, { $0.carers = nil }, { $0.household = nil },
            { $0.health = nil }, { $0.impacts = nil }, { $0.transferIn = nil }, { $0.events = nil }, { $0.visits = nil },
            { $0.plans = nil }, { $0.facts = nil },
        ]
        for reduce in reductions {
            var candidate = current
            reduce(&candidate)
            if candidate != current, violates(candidate) != nil { current = candidate }
        }
        // Then the items of each list, one at a time, latest first.
        for _ in 0..<2 {
            for index in (0..<(current.visits?.count ?? 0)).reversed() {
                var candidate = current
                candidate.visits?.remove(at: index)
                if violates(candidate) != nil { current = candidate }
            }
            for index in (0..<(current.events?.count ?? 0)).reversed() {
                var candidate = current
                candidate.events?.remove(at: index)
                if violates(candidate) != nil { current = candidate }
            }
            for index in (0..<(current.assessments?.count ?? 0)).reversed() {
                var candidate = current
                candidate.assessments?.remove(at: index)
                if violates(candidate) != nil { current = candidate }
            }
            for key in (current.facts ?? [:]).keys.sorted() {
                var candidate = current
                candidate.facts?[key] = nil
                if violates(candidate) != nil { current = candidate }
            }
        }
        return (current, violates(current) ?? current)
    }

    /// Values for the board's own facts, drawn from their types; some left unknown.
    private func boardFacts(_ random: inout SplitMix) -> [String: FactValue]? {
        var values: [String: FactValue] = [:]
        for fact in document.facts {
            guard Double.random(in: 0..<1, using: &random) < 0.75 else { continue }
            switch fact.type {
            case .boolean: values[fact.name.value] = .boolean(Bool.random(using: &random))
            case .integer, .number: values[fact.name.value] = .number(Double(Int.random(in: 0...6, using: &random)))
            case .grade: values[fact.name.value] = .number(Double(Int.random(in: 1...5, using: &random)))
            case .enumeration(let options), .scale(let options):
                if let value = options.randomElement(using: &random) { values[fact.name.value] = .string(value) }
            case .level:
                if let level = Level.allCases.randomElement(using: &random) { values[fact.name.value] = .string(level.rawValue) }
            default: break
            }
        }
        return values.isEmpty ? nil : values
    }

    // MARK: Moves


    /// A standard boolean turned to its concerning answer, where it has the other one.
    private static func booleanMove(_ variable: String) -> ((CaseFacts, LocalDate) -> CaseFacts?)? {
        switch variable {
        case "transfer.records_received": flip(\.transferIn, \.recordsReceived, to: false)
        case "education.whereabouts_known": flip(\.education, \.whereaboutsKnown, to: false)
        case "education.missing": flip(\.education, \.missing, to: true)
        case "health.dentist_registered": flip(\.health, \.dentistRegistered, to: false)
        case "health.untreated_dental_decay": flip(\.health, \.untreatedDentalDecay, to: true)
        case "health.immunisations_up_to_date": flip(\.health, \.immunisationsUpToDate, to: false)
        default: nil
        }
    }

    /// Sets a boolean in a part of the case to `concerning`, where it holds the other answer.
    private static func flip<Part>(_ part: WritableKeyPath<CaseFacts, Part?>, _ field: WritableKeyPath<Part, Bool?>,
                                   to concerning: Bool) -> (CaseFacts, LocalDate) -> CaseFacts? {
        { facts, _ in
            guard var value = facts[keyPath: part], value[keyPath: field] == !concerning else { return nil }
            value[keyPath: field] = concerning
            var copy = facts
            copy[keyPath: part] = value
            return copy
        }
    }

    /// The moves that make `variable` more concerning by one step; none when the search cannot move it.
    static func moves(for variable: String, document: ThresholdDocument) -> [Move] {
        if variable == "domain.*" { return Vocabulary.domains.flatMap { moves(for: "domain." + $0, document: document) } }
        if variable.hasPrefix("domain.") {
            let domain = String(variable.dropFirst("domain.".count))
            return [Move(label: variable, describe: "the latest assessment's \(domain) grade one higher") { facts, _ in
                guard var assessments = facts.assessments, let latest = assessments.indices.max(by: { assessments[$0].date < assessments[$1].date }),
                      let grade = assessments[latest].grades[domain], grade < 5
                else { return nil }
                var copy = facts
                assessments[latest].grades[domain] = grade + 1
                copy.assessments = assessments
                return copy
            }]
        }
        if variable.hasPrefix("event:") {
            let kind = String(variable.dropFirst("event:".count))
            guard let direction = Polarity.eventDirections[kind] else { return [] }
            if direction > 0 {
                let outcome: CaseFacts.VisitOutcome? = switch kind {
                case "no_access", "no_answer": .noAnswer
                case "access_refused": .refusedEntry
                case "not_brought": .notBrought
                case "visit_cancelled": .cancelled
                default: nil
                }
                return [Move(label: "the events '\(kind)'", describe: "one more '\(kind)', the day before the as-of date") { facts, asOf in
                    guard let day = asOf.adding(days: -1) else { return nil }
                    var copy = facts
                    if let outcome {
                        copy.visits = (copy.visits ?? []) + [CaseFacts.Visit(date: day, outcome: outcome)]
                    } else {
                        copy.events = (copy.events ?? []) + [CaseFacts.Event(date: day, kind: kind)]
                    }
                    return copy
                }]
            }
            guard ["child_seen", "child_seen_alone", "home_seen", "bedroom_seen"].contains(kind) else { return [] }
            return [Move(label: "the sightings '\(kind)'", describe: "the latest visit that saw the child taken away") { facts, _ in
                guard var visits = facts.visits,
                      let latest = visits.indices.filter({ [.seen, .seenElsewhere].contains(visits[$0].outcome) })
                          .max(by: { visits[$0].date < visits[$1].date })
                else { return nil }
                var copy = facts
                visits.remove(at: latest)
                copy.visits = visits
                return copy
            }]
        }
        if let fact = document.facts.first(where: { $0.name.value == variable }), let concern = fact.concerning {
            return [Move(label: "'\(variable)'", describe: "'\(variable)' one step more concerning (\(concern.rawValue))") { facts, _ in
                var copy = facts
                var values = facts.facts ?? [:]
                switch (concern, values[variable]) {
                // A concerning answer where the answer was the other one, or not yet given.
                case (.isTrue, .boolean(false)?), (.isTrue, nil): values[variable] = .boolean(true)
                case (.isFalse, .boolean(true)?), (.isFalse, nil): values[variable] = .boolean(false)
                case (.higher, .number(let value)?): values[variable] = .number(value + 1)
                case (.lower, .number(let value)?) where value > 0: values[variable] = .number(value - 1)
                default: return nil
                }
                copy.facts = values
                return copy
            }]
        }
        if let flip = booleanMove(variable) {
            return [Move(label: "'\(variable)'", describe: "'\(variable)' turned to its concerning answer", apply: flip)]
        }
        if variable == "current_plan" {
            return [Move(label: "the current plan", describe: "the current plan one level higher") { facts, asOf in
                // The plan the engine reads as current (the highest open one), not another open plan.
                guard var plans = facts.plans, let chosen = CaseContext.currentPlan(plans, asOf: asOf),
                      let current = plans.firstIndex(of: chosen), plans[current].level < .preProceedings
                else { return nil }
                plans[current].level = plans[current].level.offset(by: 1)
                var copy = facts
                copy.plans = plans
                return copy
            }]
        }
        if variable == "education.sessions_missed" || variable == "education.absence_rate" || variable == "education.attendance" {
            return [Move(label: "school absence", describe: "one more session missed") { facts, _ in
                guard var education = facts.education, let possible = education.sessionsPossible, let missed = education.sessionsMissed,
                      missed < possible
                else { return nil }
                education.sessionsMissed = missed + 1
                var copy = facts
                copy.education = education
                return copy
            }]
        }
        return []
    }
}
