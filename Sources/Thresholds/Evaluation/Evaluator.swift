/// Applies a checked threshold document to cases.
///
/// Create one per document and share it: it holds no mutable state, so evaluating is safe from
/// any number of threads at once. The as-of date is always explicit; the engine never reads the
/// clock, so the same document, facts and date give the same recommendation.
///
/// ```swift
/// let evaluator = Evaluator(document: document)
/// let recommendation = evaluator.evaluate(facts, asOf: LocalDate(year: 2026, month: 11, day: 1)!)
/// ```
public struct Evaluator: Sendable {
    /// The document applied.
    public let document: ThresholdDocument
    /// The document compiled once: names resolved, so evaluation looks nothing up by name.
    private let compiled: CompiledDocument
    private let declarations: [String: FactDeclaration]

    /// Prepares a checked document for evaluation. Pass only a document without errors, as
    /// ``DocumentLoader`` returns it.
    public init(document: ThresholdDocument) {
        self.document = document
        compiled = CompiledDocument(document)
        declarations = Dictionary(document.facts.map { ($0.name.value, $0) }, uniquingKeysWith: { first, _ in first })
    }

    private enum Status { case fired, notFired, undecided }

    private struct Outcome {
        let rule: Rule
        let status: Status
        let when: Explanation
        let unless: Explanation?
        /// The level the rule recommends; `nil` when it is relative to an unknown plan.
        let target: Level?
        /// The highest level it could recommend.
        let potential: Level
        var isModifier: Bool { rule.effect.value.isRaise }
    }

    /// Evaluates one case at an as-of date.
    public func evaluate(_ facts: CaseFacts, asOf: LocalDate) -> Recommendation {
        run(facts, asOf: asOf).recommendation
    }

    /// How each rule's conditions evaluated, fired or not: what fixture coverage reads.
    struct RuleTrace: Sendable {
        let id: String
        let when: Explanation
        let unless: Explanation?
    }

    /// Evaluates one case, keeping every rule's explanation, fired or not.
    func trace(_ facts: CaseFacts, asOf: LocalDate) -> (recommendation: Recommendation, rules: [RuleTrace]) {
        let (recommendation, outcomes) = run(facts, asOf: asOf)
        return (recommendation, outcomes.map { RuleTrace(id: $0.rule.id.value, when: $0.when, unless: $0.unless) })
    }

    private func run(_ facts: CaseFacts, asOf: LocalDate) -> (recommendation: Recommendation, outcomes: [Outcome]) {
        let context = CaseContext(facts: facts, asOf: asOf, declarations: declarations)
        let currentPlan = context.fact(StandardFact.currentPlan)
        let outcomes = compiled.rules.map { outcome($0, context: context, currentPlan: currentPlan) }

        // The base level: the highest level of any fired rule. No offsetting.
        let base = outcomes.filter { $0.status == .fired && !$0.isModifier }.compactMap(\.target).max() ?? .universal
        var level = base
        var firedModifiers: [(Outcome, Level)] = []
        for outcome in outcomes where outcome.status == .fired && outcome.isModifier {
            guard case .raise(let steps, let ceiling) = outcome.rule.effect.value else { continue }
            let raised = max(base, min(base.offset(by: steps), ceiling ?? .preProceedings))
            firedModifiers.append((outcome, raised))
            level = max(level, raised)
        }

        // Undecided rules that could reach above the result make it provisional.
        var needed: [String: InformationNeeded] = [:]
        var provisional = false
        for outcome in outcomes where outcome.status == .undecided {
            let reach: Level
            if outcome.isModifier, case .raise(let steps, let ceiling) = outcome.rule.effect.value {
                reach = min(base.offset(by: steps), ceiling ?? .preProceedings)
            } else {
                reach = outcome.potential
            }
            guard reach > level else { continue }
            provisional = true
            var readings = outcome.when.neededReadings + (outcome.unless?.neededReadings ?? [])
            if outcome.target == nil, outcome.when.result == .true {
                readings.append(Reading(name: "current_plan", value: .unknown))
            }
            for reading in readings {
                var item = needed[reading.name]
                    ?? InformationNeeded(fact: reading.name, question: reading.question, couldReach: reach, rules: [])
                item.couldReach = max(item.couldReach, reach)
                if !item.rules.contains(outcome.rule.id.value) { item.rules.append(outcome.rule.id.value) }
                needed[reading.name] = item
            }
        }
        // Most consequential first; judgement questions before other facts at the same level; then by name.
        let information = needed.values.sorted { lhs, rhs in
            if lhs.couldReach != rhs.couldReach { return lhs.couldReach > rhs.couldReach }
            if (lhs.question != nil) != (rhs.question != nil) { return lhs.question != nil }
            return lhs.fact < rhs.fact
        }

        let fired = outcomes.filter { $0.status == .fired && !$0.isModifier }
            .sorted { ($0.target ?? .universal) > ($1.target ?? .universal) }
            .map { firedRule($0, level: $0.target ?? .universal) }
            + firedModifiers.map { firedRule($0.0, level: $0.1) }

        let recommendation = Recommendation(
            caseID: facts.id, asOf: asOf, board: document.board, document: document.title,
            documentVersion: document.version, effective: document.effective, notice: document.notice, level: level,
            label: document.label(for: level), band: definition(level)?.band, guidance: definition(level)?.guidance,
            baseLevel: base, provisional: provisional, firedRules: fired, nearMisses: nearMisses(outcomes, above: level),
            informationNeeded: information, actions: actions(fired: outcomes.filter { $0.status == .fired }, level: level, context: context))
        return (recommendation, outcomes)
    }

    private func definition(_ level: Level) -> LevelDefinition? {
        document.levels.first { $0.level == level }
    }

    private func outcome(_ compiledRule: CompiledRule, context: CaseContext, currentPlan: Value) -> Outcome {
        let rule = compiledRule.rule
        var evaluator = ExpressionEvaluator(context: context, document: compiled)
        let when = evaluator.explain(compiledRule.when)
        let unless = compiledRule.unless.map { evaluator.explain($0) }
        let status: Status
        switch (when.result, unless?.result ?? .false) {
        case (.true, .false): status = .fired
        case (.false, _), (_, .true): status = .notFired
        default: status = .undecided
        }
        let target: Level?
        let potential: Level
        switch rule.effect.value {
        case .level(let level):
            target = level
            potential = level
        case .relativeToCurrentPlan(let offset):
            if case .level(let plan) = currentPlan {
                target = plan.offset(by: offset)
                potential = plan.offset(by: offset)
            } else {
                target = nil
                potential = Level.childProtection.offset(by: offset)
            }
        case .raise(_, let ceiling):
            target = nil
            potential = ceiling ?? .preProceedings
        }
        // A relative rule whose plan is unknown cannot fire: it waits on the plan.
        let decided: Status = target == nil && status == .fired && !rule.effect.value.isRaise ? .undecided : status
        return Outcome(rule: rule, status: decided, when: when, unless: unless, target: target, potential: potential)
    }

    private func firedRule(_ outcome: Outcome, level: Level) -> FiredRule {
        FiredRule(id: outcome.rule.id.value, title: outcome.rule.title, level: level, modifier: outcome.isModifier,
                  because: outcome.rule.because, source: outcome.rule.source, explanation: outcome.when,
                  exception: outcome.unless)
    }

    /// The rules of the next level up (the lowest level above the result that any rule names)
    /// that did not fire: what failed, or for an undecided rule what it waits on.
    private func nearMisses(_ outcomes: [Outcome], above level: Level) -> [NearMiss] {
        let candidates = outcomes.filter { $0.status != .fired && !$0.isModifier && $0.potential > level }
        guard let next = candidates.map(\.potential).min() else { return [] }
        return candidates.filter { $0.potential == next }.map { outcome in
            var failed: [String] = []
            if outcome.status == .undecided {
                let needed = (outcome.when.neededReadings + (outcome.unless?.neededReadings ?? [])).map(\.name)
                var unique: [String] = []
                for name in needed where !unique.contains(name) { unique.append(name) }
                failed.append("undecided: waits on \(unique.isEmpty ? "current_plan" : unique.joined(separator: ", "))")
            }
            if outcome.unless?.result == .true, let unless = outcome.unless {
                failed.append("an exception applies: \(Self.describe(unless))")
            }
            if outcome.when.result == .false {
                failed += outcome.when.leaves(.false).map { "\(Self.describe($0)) is false" }
            }
            return NearMiss(id: outcome.rule.id.value, title: outcome.rule.title, level: next, failed: failed,
                            source: outcome.rule.source)
        }
    }

    /// A leaf with the values it read: `domain.hygiene >= 4 (domain.hygiene = 3)`.
    static func describe(_ explanation: Explanation) -> String {
        let readings = explanation.readings.map { "\($0.name) = \($0.value)" }
        guard !readings.isEmpty else { return explanation.condition }
        return "\(explanation.condition) (\(readings.joined(separator: ", ")))"
    }

    /// The actions of the fired rules, merged: the same action once, with every rule that asks for
    /// it; a timed action (`see_child_within`) once, at its shortest time. An early help assessment
    /// is left out once the result is above early help: the case has moved past it.
    private func actions(fired: [Outcome], level: Level, context: CaseContext) -> [RecommendedAction] {
        var merged: [RecommendedAction] = []
        for outcome in fired {
            for action in outcome.rule.actions where !(action.kind == .earlyHelpAssessment && level > .earlyHelp) {
                let rule = outcome.rule.id.value
                let timed = action.kind.acceptsDuration
                if let index = merged.firstIndex(where: { $0.action == action.kind && (timed || ($0.within == action.within && $0.text == action.text)) }) {
                    merged[index].rules.append(rule)
                    if let new = action.within {
                        let shorter = merged[index].within.map { context.days(new) < context.days($0) } ?? true
                        if shorter { merged[index].within = new }
                    }
                } else {
                    merged.append(RecommendedAction(action: action.kind, within: action.within, text: action.text, rules: [rule]))
                }
            }
        }
        let order = Dictionary(uniqueKeysWithValues: ActionKind.allCases.enumerated().map { ($1, $0) })
        return merged.enumerated().sorted { lhs, rhs in
            (order[lhs.element.action] ?? 0, lhs.offset) < (order[rhs.element.action] ?? 0, rhs.offset)
        }.map(\.element)
    }
}

extension RuleEffect {
    var isRaise: Bool {
        if case .raise = self { return true }
        return false
    }
}
