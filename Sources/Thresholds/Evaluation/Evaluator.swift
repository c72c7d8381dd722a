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
        /// Fired while its exception is unknown: exceptions apply only when known to be true.
        var unconfirmed: Bool { status == .fired && unless?.result == .unknown }
    }

    /// The level given by fired rules, then raised by fired modifiers.
    private struct Resolution {
        var base: Level = .universal
        var level: Level = .universal
        /// Each fired modifier's index and the level it raised the base to.
        var modifiers: [(index: Int, raised: Level)] = []
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

    /// The highest level of the fired rules (no offsetting), raised by the fired modifiers (which
    /// do not stack). With `confirmedOnly`, rules resting on an unconfirmed exception are left
    /// out: the level the case would have if every such exception were confirmed.
    private func resolve(_ outcomes: [Outcome], confirmedOnly: Bool) -> Resolution {
        let counted = outcomes.indices.filter { outcomes[$0].status == .fired && !(confirmedOnly && outcomes[$0].unconfirmed) }
        var resolution = Resolution()
        resolution.base = counted.filter { !outcomes[$0].isModifier }.compactMap { outcomes[$0].target }.max() ?? .universal
        resolution.level = resolution.base
        for index in counted where outcomes[index].isModifier {
            guard case .raise(let steps, let ceiling) = outcomes[index].rule.effect.value else { continue }
            let raised = max(resolution.base, min(resolution.base.offset(by: steps), ceiling ?? .preProceedings))
            resolution.modifiers.append((index, raised))
            resolution.level = max(resolution.level, raised)
        }
        return resolution
    }

    private func run(_ facts: CaseFacts, asOf: LocalDate) -> (recommendation: Recommendation, outcomes: [Outcome]) {
        let context = CaseContext(facts: facts, asOf: asOf, declarations: declarations)
        let currentPlan = context.fact(StandardFact.currentPlan)
        let outcomes = compiled.rules.map { outcome($0, context: context, currentPlan: currentPlan) }
        let resolved = resolve(outcomes, confirmedOnly: false)
        let level = resolved.level
        let raisedLevels = Dictionary(resolved.modifiers.map { ($0.index, $0.raised) }, uniquingKeysWith: max)

        var needs = NeedsCollector(declarations: declarations)
        // Undecided rules that could reach above the result make it provisional.
        for outcome in outcomes where outcome.status == .undecided {
            let reach: Level
            if outcome.isModifier, case .raise(let steps, let ceiling) = outcome.rule.effect.value {
                reach = min(resolved.base.offset(by: steps), ceiling ?? .preProceedings)
            } else {
                reach = outcome.potential
            }
            guard reach > level else { continue }
            var readings = outcome.when.neededReadings
            if outcome.target == nil, outcome.when.result == .true {
                readings.append(Reading(name: "current_plan", value: .unknown))
            }
            needs.add(readings, effect: .raise, level: reach, rule: outcome.rule.id.value)
        }
        // A level that rests on unconfirmed exceptions is provisional too: confirming them
        // would lower it, and what they wait on is listed after what could raise it.
        let confirmed = resolve(outcomes, confirmedOnly: true)
        let restsOnExceptions = confirmed.level < level
        if restsOnExceptions {
            for (index, outcome) in outcomes.enumerated() where outcome.unconfirmed {
                let holds = (outcome.isModifier ? raisedLevels[index] : outcome.target).map { $0 > confirmed.level } ?? false
                guard holds, let unless = outcome.unless else { continue }
                needs.add(unless.neededReadings, effect: .lower, level: confirmed.level, rule: outcome.rule.id.value)
            }
        }
        let provisional = needs.raises || restsOnExceptions

        let fired = outcomes.filter { $0.status == .fired && !$0.isModifier }
            .sorted { ($0.target ?? .universal) > ($1.target ?? .universal) }
            .map { firedRule($0, level: $0.target ?? .universal) }
            + outcomes.indices.compactMap { index in raisedLevels[index].map { firedRule(outcomes[index], level: $0) } }

        let recommendation = Recommendation(
            caseID: facts.id, asOf: asOf, board: document.board, document: document.title,
            documentVersion: document.version, effective: document.effective, notice: document.notice, level: level,
            label: document.label(for: level), band: definition(level)?.band, guidance: definition(level)?.guidance,
            baseLevel: resolved.base, provisional: provisional, firedRules: fired, nearMisses: nearMisses(outcomes, above: level),
            informationNeeded: needs.sorted(),
            actions: actions(fired: outcomes.filter { $0.status == .fired }, level: level, context: context))
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
        // An exception is a reason not to escalate: it stops a rule only when known to be true.
        let status: Status
        switch (when.result, unless?.result ?? .false) {
        case (.false, _), (_, .true): status = .notFired
        case (.true, _): status = .fired
        case (.unknown, _): status = .undecided
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
                let needed = outcome.when.neededReadings.map(\.name)
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
        let sources = fired.map { ($0.rule.id.value, $0.rule.actions) }
            + [("levels.\(level.rawValue)", definition(level)?.actions ?? [])]
        for (rule, actions) in sources {
            for action in actions where !(action.kind == .earlyHelpAssessment && level > .earlyHelp) {
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

/// Collects information needed from undecided rules and unconfirmed exceptions, one entry per
/// fact and effect.
private struct NeedsCollector {
    let declarations: [String: FactDeclaration]
    private var items: [InformationNeeded] = []
    private var index: [String: Int] = [:]
    /// Whether any answer could raise the level.
    private(set) var raises = false

    init(declarations: [String: FactDeclaration]) {
        self.declarations = declarations
    }

    mutating func add(_ readings: [Reading], effect: InformationNeeded.Effect, level: Level, rule: String) {
        if effect == .raise { raises = true }
        for reading in readings {
            let key = "\(effect.rawValue) \(reading.name)"
            // Confirming an exception is always worth asking about: it is one specific question.
            let decisive = reading.decisive || effect == .lower
            guard let position = index[key] else {
                index[key] = items.count
                items.append(InformationNeeded(
                    fact: reading.name,
                    question: InformationQuestions.question(for: reading.name, declaration: declarations[reading.name]),
                    judgement: reading.question != nil, effect: effect, couldReach: level, decisive: decisive, rules: [rule]))
                continue
            }
            var item = items[position]
            // A decisive answer's reach wins over one that matters only with others.
            if decisive && !item.decisive {
                item.couldReach = level
            } else if decisive == item.decisive, effect == .raise {
                item.couldReach = max(item.couldReach, level)
            }
            item.decisive = item.decisive || decisive
            if !item.rules.contains(rule) { item.rules.append(rule) }
            items[position] = item
        }
    }

    /// Decisive answers that could raise the level, most consequential first and judgement
    /// questions first within a level; then answers that could lower it; then the rest.
    func sorted() -> [InformationNeeded] {
        func group(_ item: InformationNeeded) -> Int {
            item.effect == .raise ? (item.decisive ? 0 : 2) : 1
        }
        return items.sorted { lhs, rhs in
            if group(lhs) != group(rhs) { return group(lhs) < group(rhs) }
            if lhs.couldReach != rhs.couldReach { return lhs.couldReach > rhs.couldReach }
            if lhs.judgement != rhs.judgement { return lhs.judgement }
            return lhs.fact < rhs.fact
        }
    }
}
