/// A checked threshold document compiled for evaluation: the only thing that evaluates cases.
///
/// Compile one per document and share it: it holds no mutable state, so evaluating is safe from
/// any number of threads at once. It is a class so that sharing it copies nothing. The as-of date is always explicit; the engine never reads the
/// clock, so the same document, facts and date give the same result.
///
/// Two ways to evaluate a case, with the same answer:
/// - ``decide(_:asOf:)`` returns the level, the provisional flag, the fired rules and the actions,
///   and builds no explanation: for triage and for re-evaluating a caseload.
/// - ``evaluate(_:asOf:)`` returns the full ``Recommendation``: the same decision, with every
///   fired rule, near miss and missing fact explained. Only the rules the recommendation shows are
///   explained; the rest are decided by the compiled program alone. Explaining reuses what the
///   program found (a known count over a record or over domains is not counted again), and a
///   call read by several rules is evaluated once per case.
///
/// ```swift
/// guard let checked = DocumentLoader().load(contentsOf: path).checked else { … }
/// let plan = checked.compile()
/// let decision = plan.decide(facts, asOf: LocalDate(year: 2026, month: 11, day: 1)!)
/// ```
public final class EvaluationPlan: Sendable {
    /// The document applied.
    public let document: ThresholdDocument
    /// The document with names resolved: what explanations are built from.
    private let compiled: CompiledDocument
    /// The document as a flat register program: what decides every rule.
    let program: Program
    /// The program bit-sliced, for deciding caseloads 64 cases at a time; `nil` when the program
    /// is not logic over atoms, or a rule's level is not fixed (``decide(_:)-([BoundCase])``).
    let sliced: SlicedProgram?
    /// Each rule's level for the sliced decision: a fixed rank, or a number of steps from the
    /// current plan.
    let ruleTargets: [(rank: Int, relative: Bool)]
    /// Whether any rule or level asks for actions.
    private let asksForActions: Bool
    private let binder: CaseBinder
    private let declarations: [String: FactDeclaration]
    let ruleIDs: [String]
    /// Each rule's effect, and whether it asks for actions: what deciding reads of the rules.
    private let effects: [RuleEffect]
    private let hasActions: [Bool]
    /// Whether any rule raises the level: a modifier's reach depends on the base level, which
    /// takes a second pass.
    private let hasModifiers: Bool
    /// Whether every rule is a procedural trigger: the document then sets no level, and the
    /// result keeps the child's current plan.
    private let proceduresOnly: Bool
    /// Each rule's actions' deadline anchors, compiled (empty for a rule with none).
    private let anchors: [[CompiledExpression?]]
    /// The actions of each level, by rank.
    private let levelActions: [[Action]]
    /// Each level's definition and label, by rank: what a recommendation shows of its level.
    private let definitions: [LevelDefinition?]
    private let labels: [String]
    /// Each rule's sub-level as its position within its level's sub-levels, from 1 (0: none);
    /// empty when the document declares none.
    private let sublevelRanks: [Int]

    /// Compiles a checked document.
    public init(_ checked: CheckedDocument) {
        document = checked.document
        compiled = CompiledDocument(document)
        program = ProgramCompiler.compile(compiled)
        binder = CaseBinder(program)
        declarations = Dictionary(document.facts.map { ($0.name.value, $0) }, uniquingKeysWith: { first, _ in first })
        ruleIDs = document.rules.map(\.id.value)
        effects = document.rules.map(\.effect.value)
        hasModifiers = effects.contains { $0.isRaise }
        proceduresOnly = !effects.isEmpty && effects.allSatisfy { $0 == .procedure }
        let source = checked.document
        anchors = source.rules.map { rule in
            rule.actions.map { action -> CompiledExpression? in
                guard case .from(let expression)? = action.anchor else { return nil }
                return CompiledDocument.compile(expression, in: source)
            }
        }
        hasActions = document.rules.map { !$0.actions.isEmpty }
        let levels = document.levels
        definitions = Level.allCases.map { level in levels.first { $0.level == level } }
        levelActions = definitions.map { $0?.actions ?? [] }
        labels = Level.allCases.map { source.label(for: $0) }
        let ranks = document.rules.map { rule -> Int in
            guard let name = rule.sublevel?.value, case .level(let level) = rule.effect.value,
                  let index = levels.first(where: { $0.level == level })?.sublevels.firstIndex(where: { $0.name.value == name })
            else { return 0 }
            return index + 1
        }
        sublevelRanks = ranks.contains { $0 > 0 } ? ranks : []
        asksForActions = hasActions.contains(true) || levelActions.contains { !$0.isEmpty }
        let targets = effects.compactMap { effect -> (rank: Int, relative: Bool)? in
            switch effect {
            case .level(let level): (level.rank, false)
            case .relativeToCurrentPlan(let offset): (offset, true)
            case .raise, .procedure: nil
            }
        }
        // Modifiers and procedures change how the rules' outcomes add up: those documents' cases
        // are decided one at a time.
        let slicesLevels = targets.count == effects.count && sublevelRanks.isEmpty
        ruleTargets = slicesLevels ? targets : []
        sliced = slicesLevels ? SlicedProgram(program) : nil
    }

    /// The sub-level a summary names, with its label and guidance.
    private func sublevel(_ summary: Summary) -> SublevelDefinition? {
        guard summary.sublevelRank > 0 else { return nil }
        let sublevels = definitions[summary.resolution.level.rank]?.sublevels ?? []
        return summary.sublevelRank <= sublevels.count ? sublevels[summary.sublevelRank - 1] : nil
    }

    /// How many instructions the compiled program runs per case, how many values it derives
    /// from the case, and how many of those the explaining evaluator derives for it: for tools
    /// and benchmarks.
    public var programSize: (instructions: Int, slots: Int, fallbacks: Int) {
        (program.code.count, program.slots.count, program.fallbacks.count)
    }



    private enum Status { case fired, notFired, undecided }

    /// How one rule was decided.
    private struct Outcome {
        let status: Status
        /// How its `when` and `unless` evaluated.
        let when: Truth
        let unless: Truth?
        /// The level the rule recommends; `nil` when it is relative to an unknown plan.
        let target: Level?
        /// The highest level it could recommend.
        let potential: Level
        let isModifier: Bool
        /// A procedural trigger: it attaches actions and takes no part in the level.
        var isProcedure = false
        /// Fired while its exception is unknown: exceptions apply only when known to be true.
        var unconfirmed: Bool { status == .fired && unless == .unknown }
    }

    /// The level given by fired rules, then raised by fired modifiers.
    private struct Resolution {
        var base: Level = .universal
        var level: Level = .universal
        /// Each fired modifier's index and the level it raised the base to.
        var modifiers: [(index: Int, raised: Level)] = []
    }

    // MARK: Evaluating

    /// Decides one case at an as-of date: level, provisional flag, fired rules and actions,
    /// without explanations.
    public func decide(_ facts: CaseFacts, asOf: LocalDate) -> Decision {
        // The closures below capture the context, which holds the facts by reference, rather
        // than the facts, each capture of which copies every part of the case.
        let context = CaseContext(facts: facts, asOf: asOf, declarations: declarations, memoize: false)
        let currentPlan = CaseContext.currentPlanLevel(facts, asOf: asOf)
        return withRegisters { r in
            bind(context, into: r)
            program.run(r)
            return decision(r, facts: { context.facts }, asOf: asOf, currentPlan: currentPlan)
        }
    }

    /// Derives from a case everything the plan reads (facts, latest grades, event counts in each
    /// window): the only step of deciding that reads the case. Deciding a bound case then runs
    /// the program alone.
    public func bind(_ facts: CaseFacts, asOf: LocalDate) -> BoundCase {
        withRegisters { r in
            bind(facts, asOf: asOf, into: r)
            let slots = Array(UnsafeBufferPointer(start: r + program.constantCount, count: program.slots.count))
            return BoundCase(facts: facts, asOf: asOf, slots: slots, currentPlan: CaseContext.currentPlanLevel(facts, asOf: asOf),
                             plan: self)
        }
    }

    /// Decides a bound case: the same decision as ``decide(_:asOf:)`` on its facts. A case bound
    /// to another plan is bound again to this one.
    public func decide(_ bound: BoundCase) -> Decision {
        guard bound.plan === self, bound.slots.count == program.slots.count else { return decide(bound.facts, asOf: bound.asOf) }
        return withRegisters { r in
            (r + program.constantCount).update(from: bound.slots, count: bound.slots.count)
            program.run(r)
            return decision(r, facts: { bound.facts }, asOf: bound.asOf, currentPlan: bound.currentPlan)
        }
    }

    /// Decides a case from its slot registers, bound to this plan.
    func decide(row: UnsafePointer<Interval>, facts: () -> CaseFacts, asOf: LocalDate, currentPlan: Level?) -> Decision {
        withRegisters { r in
            (r + program.constantCount).update(from: row, count: program.slots.count)
            program.run(r)
            return decision(r, facts: facts, asOf: asOf, currentPlan: currentPlan)
        }
    }

    /// Decides many bound cases: the same decisions, in the same order, as deciding each one.
    ///
    /// For re-evaluating a caseload. When the document is logic over comparisons of the case's
    /// values and every rule names a fixed level (the usual shape of a threshold document), the
    /// cases are decided 64 at a time by a bit-sliced program (see ``decidesInSlices``): each
    /// comparison is made per case, and the logic over them once per 64 cases. Otherwise each case
    /// is decided on its own. A ``BoundCaseload`` is decided the same way without gathering each
    /// chunk's rows from its cases first, and keeps the decisions as columns.
    public func decide(_ cases: [BoundCase]) -> [Decision] {
        guard let sliced else { return cases.map(decide) }
        let stride = program.slots.count
        var decisions: [Decision] = []
        decisions.reserveCapacity(cases.count)
        var start = 0
        // The rows of one chunk, gathered from its cases.
        withUnsafeTemporaryAllocation(of: Interval.self, capacity: max(stride * SlicedProgram.width, 1)) { buffer in
            guard let rows = buffer.baseAddress else { return }
            while start < cases.count {
                let chunk = cases[start ..< min(start + SlicedProgram.width, cases.count)]
                if chunk.allSatisfy({ $0.plan === self && $0.slots.count == stride }) {
                    for (row, bound) in chunk.enumerated() { (rows + row * stride).initialize(from: bound.slots, count: stride) }
                    var columns = DecisionColumns(cases: chunk.count, rules: sliced.rules.count)
                    decide(sliced, rows: rows, count: chunk.count, known: nil, plans: { chunk[start + $0].currentPlan }, into: &columns, at: 0)
                    for (index, bound) in chunk.enumerated() {
                        let level = columns.level(index)
                        let fired = columns.positions(index)
                        decisions.append(Decision(level: level, provisional: columns.isProvisional(index), sublevel: nil,
                                                  firedRules: FiredRules(ids: ruleIDs, positions: fired),
                                                  actions: actions(fired: fired, level: level, facts: { bound.facts }, asOf: bound.asOf)))
                    }
                } else {
                    decisions += chunk.map(decide)
                }
                start += chunk.count
            }
        }
        return decisions
    }

    /// Whether ``decide(_:)-([BoundCase])`` and ``decide(_:)-(BoundCaseload)`` decide this
    /// document's cases in bit-sliced chunks.
    public var decidesInSlices: Bool { sliced != nil }

    /// Runs `body` over a register file whose constants are filled; the rest is written by
    /// binding and by the program before it is read.
    func withRegisters<Result>(_ body: (UnsafeMutablePointer<Interval>) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: Interval.self, capacity: max(program.registerCount, 1)) { buffer in
            // The buffer is never empty, so it has an address.
            let r = buffer.baseAddress ?? UnsafeMutablePointer<Interval>.allocate(capacity: 0)
            program.template.withUnsafeBufferPointer { constants in
                if let base = constants.baseAddress { r.initialize(from: base, count: constants.count) }
            }
            (r + program.constantCount).initialize(repeating: .unknown, count: program.slots.count)
            return body(r)
        }
    }

    func bind(_ facts: CaseFacts, asOf: LocalDate, into r: UnsafeMutablePointer<Interval>) {
        bind(CaseContext(facts: facts, asOf: asOf, declarations: declarations, memoize: false), into: r)
    }

    /// Writes the slots the program reads from `context` (which need not remember what it
    /// derives: binding derives each quantity once) into `r`; fallback expressions are evaluated
    /// on `fallbacks`, when given, so that explaining reads what they derived.
    private func bind(_ context: CaseContext, fallbacks: CaseContext? = nil, into r: UnsafeMutablePointer<Interval>) {
        var extraStrings: [String] = []
        binder.bind(context, program, fallbacks: fallbacks, into: r, extraStrings: &extraStrings)
    }

    /// The decision the program's registers hold.
    private func decision(_ r: UnsafeMutablePointer<Interval>, facts: () -> CaseFacts, asOf: LocalDate, currentPlan: Level?) -> Decision {
         withOutcomes(r, currentPlan: currentPlan) { outcomes in
            let summary = summarize(outcomes, currentPlan: currentPlan)
            let level = summary.resolution.level
            var fired = FiredRules.Positions()
            for index in outcomes.indices where outcomes[index].status == .fired { fired.insert(index) }
            return Decision(level: level, provisional: summary.provisional, sublevel: sublevel(summary)?.name.value,
                            firedRules: FiredRules(ids: ruleIDs, positions: fired),
                            actions: actions(fired: fired, level: level, facts: facts, asOf: asOf))
        }
    }

    /// Every rule decided from the program's registers, in a buffer that lives for `body`.
    private func withOutcomes<Result>(
        _ r: UnsafeMutablePointer<Interval>, currentPlan: Level?, _ body: (UnsafeBufferPointer<Outcome>) -> Result
    ) -> Result {
        withUnsafeTemporaryAllocation(of: Outcome.self, capacity: program.rules.count) { buffer in
            for (index, rule) in program.rules.enumerated() {
                let outcome = self.outcome(effects[index], when: r[Int(rule.when)].truth,
                                           unless: rule.unless.map { r[Int($0)].truth }, currentPlan: currentPlan)
                (buffer.baseAddress.map { $0 + index })?.initialize(to: outcome)
            }
            defer { buffer.deinitialize() }
            return body(UnsafeBufferPointer(buffer))
        }
    }

    /// Evaluates one case at an as-of date into a full, explained recommendation.
    public func evaluate(_ facts: CaseFacts, asOf: LocalDate) -> Recommendation {
        // One context, which holds the facts once, for binding and for explaining.
        let context = CaseContext(facts: facts, asOf: asOf, declarations: declarations)
        let currentPlan = CaseContext.currentPlanLevel(facts, asOf: asOf)
        let (outcomes, calls, leaves) = self.outcomes(context, currentPlan: currentPlan)
        var explainer = Explainer(plan: self, context: context, calls: calls, leaves: leaves)
        return recommendation(context, currentPlan: currentPlan, outcomes, &explainer)
    }

    /// How each rule's conditions evaluated, fired or not: what fixture coverage reads.
    struct RuleTrace: Sendable {
        let id: String
        let when: Explanation
        let unless: Explanation?
    }

    /// Evaluates one case, explaining every rule, fired or not. `independently`, the explanations
    /// compute every call themselves instead of reading the program's values: for tests that
    /// hold the program to them.
    func trace(_ facts: CaseFacts, asOf: LocalDate, independently: Bool = false) -> (recommendation: Recommendation, rules: [RuleTrace]) {
        let context = CaseContext(facts: facts, asOf: asOf, declarations: declarations)
        let currentPlan = CaseContext.currentPlanLevel(facts, asOf: asOf)
        let (outcomes, calls, leaves) = self.outcomes(context, currentPlan: currentPlan)
        var explainer = Explainer(plan: self, context: context, calls: independently ? [] : calls,
                                  leaves: independently ? [] : leaves)
        let recommendation = recommendation(context, currentPlan: currentPlan, outcomes, &explainer)
        let traces = compiled.rules.indices.map { index in
            let (when, unless) = explainer.explain(index)
            return RuleTrace(id: ruleIDs[index], when: when, unless: unless)
        }
        return (recommendation, traces)
    }

    /// Every rule decided by the compiled program, kept for explaining; the values of the calls
    /// it computed (by memo slot; unknown where it computed none), which explaining reads
    /// instead of computing them again; and the truth of each rule's expressions
    /// (``Program/leaves``; `nil` for one it does not compute), which tell a rule that did not
    /// fire which of its expressions failed without explaining the others.
    private func outcomes(
        _ context: CaseContext, currentPlan: Level?
    ) -> (outcomes: [Outcome], calls: [Interval], leaves: [Truth?]) {
        withRegisters { r in
            // The fallbacks derive on the explaining context: a history or stream they read is
            // then derived once for both.
            bind(context.sharingFacts(memoize: false), fallbacks: context, into: r)
            program.run(r)
            let calls = program.calls.map { $0 >= 0 ? r[Int($0)] : .unknown }
            let leaves = program.leaves.map { $0.register >= 0 ? r[Int($0.register)].truth : nil }
            return (withOutcomes(r, currentPlan: currentPlan) { Array($0) }, calls, leaves)
        }
    }

    /// Each rule's `when` and `unless` as the program decides them, with its `when`'s expressions
    /// (``Program/leaves``): for tests that hold the program to the explanations.
    func ruleTruths(_ facts: CaseFacts, asOf: LocalDate) -> [(when: Truth, unless: Truth?, expressions: [Truth?])] {
        let (outcomes, _, leaves) = outcomes(CaseContext(facts: facts, asOf: asOf, declarations: declarations),
                                             currentPlan: CaseContext.currentPlanLevel(facts, asOf: asOf))
        return outcomes.indices.map { index in
            (outcomes[index].when, outcomes[index].unless,
             Array(leaves[program.leafStarts[index] ..< program.leafStarts[index + 1]]))
        }
    }

    /// What the rules' outcomes add up to: the resolution, the level with unconfirmed exceptions
    /// left out, and whether the result is provisional.
    private struct Summary {
        var resolution = Resolution()
        /// The level the case would have if every unconfirmed exception were confirmed.
        var confirmedLevel = Level.universal
        var provisional = false
        /// The highest sub-level (position from 1) that a fired rule of the level names; 0 for none.
        var sublevelRank = 0
        /// Whether the level is the current plan's, kept because the document sets no levels.
        var keptCurrentPlan = false
    }

    /// The highest level of the fired rules (no offsetting), raised by the fired modifiers (which
    /// do not stack); the same with the rules resting on an unconfirmed exception left out; and
    /// provisional when an undecided rule could reach above the level, or when the level rests
    /// on exceptions not yet confirmed. One pass over the rules, a second over modifiers.
    private func summarize<Outcomes: RandomAccessCollection<Outcome>>(
        _ outcomes: Outcomes, currentPlan: Level?
    ) -> Summary where Outcomes.Index == Int {
        var summary = Summary()
        // A document of procedures only sets no level: it never takes a child off a plan.
        if proceduresOnly {
            let kept = currentPlan ?? .universal
            summary.resolution.base = kept
            summary.resolution.level = kept
            summary.confirmedLevel = kept
            summary.provisional = currentPlan == nil
            summary.keptCurrentPlan = true
            return summary
        }
        var confirmedBase = Level.universal
        for outcome in outcomes where outcome.status == .fired && !outcome.isModifier && !outcome.isProcedure {
            let target = outcome.target ?? .universal
            summary.resolution.base = max(summary.resolution.base, target)
            if !outcome.unconfirmed { confirmedBase = max(confirmedBase, target) }
        }
        let base = summary.resolution.base
        summary.resolution.level = base
        summary.confirmedLevel = confirmedBase
        if hasModifiers {
            for index in outcomes.indices where outcomes[index].status == .fired && outcomes[index].isModifier {
                guard case .raise(let steps, let ceiling) = effects[index] else { continue }
                let raised = max(base, min(base.offset(by: steps), ceiling ?? .preProceedings))
                summary.resolution.modifiers.append((index, raised))
                summary.resolution.level = max(summary.resolution.level, raised)
                if !outcomes[index].unconfirmed {
                    let confirmedRaise = max(confirmedBase, min(confirmedBase.offset(by: steps), ceiling ?? .preProceedings))
                    summary.confirmedLevel = max(summary.confirmedLevel, confirmedRaise)
                }
            }
        }
        let level = summary.resolution.level
        summary.provisional = summary.confirmedLevel < level
            || outcomes.indices.contains { outcomes[$0].status == .undecided && reach($0, outcomes[$0], base: base) > level }
        if !sublevelRanks.isEmpty { summarizeSublevel(outcomes, into: &summary) }
        return summary
    }

    /// Sub-levels order within the level only, as levels do among themselves: the highest named
    /// by a fired rule of the level; provisional when an undecided rule of the level names a
    /// higher one, or the sub-level rests on unconfirmed exceptions.
    private func summarizeSublevel<Outcomes: RandomAccessCollection<Outcome>>(
        _ outcomes: Outcomes, into summary: inout Summary
    ) where Outcomes.Index == Int {
        let level = summary.resolution.level
        var rank = 0
        var confirmed = 0
        for index in outcomes.indices
        where outcomes[index].status == .fired && !outcomes[index].isModifier && outcomes[index].target == level {
            rank = max(rank, sublevelRanks[index])
            if !outcomes[index].unconfirmed { confirmed = max(confirmed, sublevelRanks[index]) }
        }
        summary.sublevelRank = rank
        let higherUndecided = outcomes.indices.contains { index in
            outcomes[index].status == .undecided && !outcomes[index].isModifier && outcomes[index].potential == level
                && sublevelRanks[index] > rank
        }
        summary.provisional = summary.provisional || higherUndecided || (summary.confirmedLevel == level && confirmed < rank)
    }

    /// The highest level an undecided rule could reach.
    private func reach(_ index: Int, _ outcome: Outcome, base: Level) -> Level {
        if outcome.isModifier, case .raise(let steps, let ceiling) = effects[index] {
            return min(base.offset(by: steps), ceiling ?? .preProceedings)
        }
        return outcome.potential
    }

    /// Explains rules when the recommendation needs them; a rule that two parts of it read is
    /// explained once.
    private struct Explainer {
        let plan: EvaluationPlan
        /// The explanations kept for another use, by the rule's position: only a rule that more
        /// than one part of a recommendation reads (undecided, or resting on an unconfirmed
        /// exception) is kept, so most recommendations keep none.
        private var kept: [Int: Kept] = [:]

        private struct Kept {
            let when: Explanation
            let unless: Explanation?
        }
        /// One evaluator, holding the case context, for every rule explained: a new one per rule
        /// would copy the context, retaining each of its fields. Its readings are cleared after each rule.
        private var evaluator: ExpressionEvaluator

        /// The truth of each rule's expressions as the program decided them (``Program/leaves``),
        /// or empty when the explanations are to compute everything themselves.
        private let leaves: [Truth?]

        init(plan: EvaluationPlan, context: CaseContext, calls: [Interval], leaves: [Truth?]) {
            self.plan = plan
            self.leaves = leaves
            evaluator = ExpressionEvaluator(context: context, document: plan.compiled, calls: calls)
        }

        /// For a rule whose `when` is false: each of its expressions that is false, with the
        /// values it read, depth first. The same lines as its explanation's false leaves
        /// (``Explanation/forEachLeaf(_:_:)``), without explaining the expressions the program
        /// found true or unknown, or building the tree.
        mutating func falseExpressions(_ index: Int, into failed: inout [String]) {
            for position in plan.program.leafStarts[index] ..< plan.program.leafStarts[index + 1] {
                let truth = leaves.isEmpty ? nil : leaves[position]
                guard truth == nil || truth == .false else { continue }
                // Written straight from what it read: no explanation, and no list of its readings
                // with repeats taken out, is made for a line.
                let expression = plan.program.leaves[position].expression
                let start = evaluator.readings.count
                if Truth(evaluator.evaluate(expression).truth) == .false {
                    failed.append(EvaluationPlan.describe(expression.text, evaluator.readings[start...], then: " is false"))
                }
                // Empty again, as between rules (clearing the whole list keeps its storage at least cost).
                if start == 0 { evaluator.readings.removeAll(keepingCapacity: true) } else { evaluator.readings.removeSubrange(start...) }
            }
        }

        /// Explains a rule, or hands back its explanations made before. `keep: false` for the
        /// last use of a rule's explanations in a recommendation (a near miss, a fired rule): they
        /// are then not kept for another.
        mutating func explain(_ index: Int, keep: Bool = true) -> (when: Explanation, unless: Explanation?) {
            if let known = kept[index] { return (known.when, known.unless) }
            // Read in place: a copy of the rule would retain each of its fields.
            let result = plan.compiled.rules.withUnsafeBufferPointer { rules in
                (evaluator.explain(rules[index].when), rules[index].unless.map { evaluator.explain($0) })
            }
            evaluator.readings.removeAll(keepingCapacity: true)
            if keep { kept[index] = Kept(when: result.0, unless: result.1) }
            return result
        }
    }

    private func recommendation(
        _ context: CaseContext, currentPlan: Level?, _ outcomes: [Outcome], _ explainer: inout Explainer
    ) -> Recommendation {
        let asOf = context.asOf
        let summary = summarize(outcomes, currentPlan: currentPlan)
        let resolved = summary.resolution
        let level = resolved.level
        let raisedLevels = Dictionary(resolved.modifiers.map { ($0.index, $0.raised) }, uniquingKeysWith: max)

        var needs = NeedsCollector(declarations: declarations)
        // A document of procedures keeps the current plan: while it is unknown, ask for it.
        if proceduresOnly, currentPlan == nil {
            needs.add([Reading(name: "current_plan", value: .unknown)], effect: .raise, level: .preProceedings,
                       rule: "the current plan (kept: this document sets no levels)")
        }
        // Undecided rules that could reach above the result make it provisional: what they wait on.
        for (index, outcome) in outcomes.enumerated() where outcome.status == .undecided {
            let reach = reach(index, outcome, base: resolved.base)
            // A higher sub-level of the same level counts too: the answer changes what is published.
            let higherSublevel = !sublevelRanks.isEmpty && !outcome.isModifier && outcome.potential == level
                && sublevelRanks[index] > summary.sublevelRank
            guard reach > level || higherSublevel else { continue }
            var readings = explainer.explain(index).when.neededReadings
            if outcome.target == nil, outcome.when == .true {
                readings.append(Reading(name: "current_plan", value: .unknown))
            }
            needs.add(readings, effect: .raise, level: reach, rule: ruleIDs[index])
        }
        // A level that rests on unconfirmed exceptions is provisional too: confirming them
        // would lower it, and what they wait on is listed after what could raise it.
        let confirmed = summary.confirmedLevel
        if confirmed < level {
            for (index, outcome) in outcomes.enumerated() where outcome.unconfirmed {
                let holds = (outcome.isModifier ? raisedLevels[index] : outcome.target).map { $0 > confirmed } ?? false
                guard holds, let unless = explainer.explain(index).unless else { continue }
                needs.add(unless.neededReadings, effect: .lower, level: confirmed, rule: ruleIDs[index])
            }
        }

        let base = outcomes.indices.filter { outcomes[$0].status == .fired && !outcomes[$0].isModifier && !outcomes[$0].isProcedure }
            .sorted { (outcomes[$0].target ?? .universal) > (outcomes[$1].target ?? .universal) }
        let fired = base.map { firedRule($0, level: outcomes[$0].target ?? .universal, &explainer) }
            + outcomes.indices.compactMap { index in raisedLevels[index].map { firedRule(index, level: $0, &explainer) } }
        var firedPositions = FiredRules.Positions()
        for index in outcomes.indices where outcomes[index].status == .fired { firedPositions.insert(index) }

        return Recommendation(
            caseID: context.facts.id, asOf: asOf, board: document.board, document: document.title,
            documentVersion: document.version, effective: document.effective, notice: document.notice, level: level,
            label: labels[level.rank], band: definitions[level.rank]?.band, guidance: definitions[level.rank]?.guidance,
            baseLevel: resolved.base, provisional: summary.provisional, firedRules: fired,
            nearMisses: nearMisses(outcomes, above: level, &explainer),
            informationNeeded: needs.sorted(),
            actions: actions(fired: firedPositions, level: level, facts: { context.facts }, asOf: asOf),
            sublevel: sublevel(summary).map { RecommendedSublevel(name: $0.name.value, label: $0.label, guidance: $0.guidance) },
            procedures: outcomes.indices.filter { outcomes[$0].status == .fired && outcomes[$0].isProcedure }
                .map { firedRule($0, level: level, &explainer) },
            keptCurrentPlan: summary.keptCurrentPlan ? true : nil)
    }

    private func outcome(_ effect: RuleEffect, when: Truth, unless: Truth?, currentPlan: Level?) -> Outcome {
        // An exception is a reason not to escalate: it stops a rule only when known to be true.
        let status: Status
        switch (when, unless ?? .false) {
        case (.false, _), (_, .true): status = .notFired
        case (.true, _): status = .fired
        case (.unknown, _): status = .undecided
        }
        let target: Level?
        let potential: Level
        switch effect {
        case .level(let level):
            target = level
            potential = level
        case .relativeToCurrentPlan(let offset):
            if let plan = currentPlan {
                target = plan.offset(by: offset)
                potential = plan.offset(by: offset)
            } else {
                target = nil
                potential = Level.childProtection.offset(by: offset)
            }
        case .raise(_, let ceiling):
            target = nil
            potential = ceiling ?? .preProceedings
        case .procedure:
            return Outcome(status: status, when: when, unless: unless, target: nil, potential: .universal, isModifier: false,
                           isProcedure: true)
        }
        let isModifier = effect.isRaise
        // A relative rule whose plan is unknown cannot fire: it waits on the plan.
        let decided: Status = target == nil && status == .fired && !isModifier ? .undecided : status
        return Outcome(status: decided, when: when, unless: unless, target: target, potential: potential, isModifier: isModifier)
    }

    private func firedRule(_ index: Int, level: Level, _ explainer: inout Explainer) -> FiredRule {
        let (when, unless) = explainer.explain(index, keep: false)
        // Read in place: a copy of the rule would retain each of its fields.
        return compiled.rules.withUnsafeBufferPointer { rules in
            let rule = rules[index].rule
            return FiredRule(id: rule.id.value, title: rule.title, level: level, sublevel: rule.sublevel?.value,
                             modifier: rule.effect.value.isRaise,
                             because: rule.because, source: rule.source, file: rule.file, overrides: rule.overrides,
                             explanation: when, exception: unless)
        }
    }

    /// The rules of the next level up (the lowest level above the result that any rule names)
    /// that did not fire: what failed, or for an undecided rule what it waits on.
    private func nearMisses(_ outcomes: [Outcome], above level: Level, _ explainer: inout Explainer) -> [NearMiss] {
        let candidates = outcomes.indices.filter {
            outcomes[$0].status != .fired && !outcomes[$0].isModifier && outcomes[$0].potential > level
        }
        guard let next = candidates.map({ outcomes[$0].potential }).min() else { return [] }
        return candidates.filter { outcomes[$0].potential == next }.map { index in
            var failed: [String] = []
            // Most rules that did not fire failed on their `when` alone: its false expressions are all they show.
            if outcomes[index].status == .notFired, outcomes[index].when == .false, outcomes[index].unless != .true {
                explainer.falseExpressions(index, into: &failed)
                return nearMiss(index, level: next, failed: failed)
            }
            let (when, unless) = explainer.explain(index, keep: false)
            if outcomes[index].status == .undecided {
                let needed = when.neededReadings.map(\.name)
                var unique: [String] = []
                for name in needed where !unique.contains(name) { unique.append(name) }
                failed.append("undecided: waits on \(unique.isEmpty ? "current_plan" : unique.joined(separator: ", "))")
            }
            if unless?.result == .true, let unless {
                failed.append("an exception applies: \(Self.describe(unless))")
            }
            if when.result == .false {
                when.forEachLeaf(.false) { failed.append(Self.describe($0, then: " is false")) }
            }
            return nearMiss(index, level: next, failed: failed)
        }
    }

    private func nearMiss(_ index: Int, level: Level, failed: [String]) -> NearMiss {
        // Read in place: a copy of the rule would retain each of its fields.
        compiled.rules.withUnsafeBufferPointer { rules in
            NearMiss(id: rules[index].rule.id.value, title: rules[index].rule.title, level: level, failed: failed,
                     source: rules[index].rule.source, file: rules[index].rule.file)
        }
    }

    /// A leaf with the values it read: `domain.hygiene >= 4 (domain.hygiene = 3)`.
    static func describe(_ explanation: Explanation, then suffix: String = "") -> String {
        describe(explanation.condition, explanation.readings[...], then: suffix)
    }

    /// An expression with the values it read, each fact and value once, in the order first read
    /// (as ``ExpressionEvaluator/unique(_:extra:)`` keeps them).
    static func describe(_ condition: String, _ readings: ArraySlice<Reading>, then suffix: String = "") -> String {
        guard !readings.isEmpty else { return condition + suffix }
        func repeated(_ index: Int) -> Bool {
            readings[readings.startIndex ..< index].contains { $0.name == readings[index].name && $0.value == readings[index].value }
        }
        // Measured, then written once into a string of that size: appending piece by piece
        // checks and grows the string at every step.
        var size = condition.utf8.count + 3 + suffix.utf8.count
        var shown = 0
        for index in readings.indices where !repeated(index) {
            size += readings[index].name.utf8.count + 3 + readings[index].value.utf8.count + (shown > 0 ? 2 : 0)
            shown += 1
        }
        return String(unsafeUninitializedCapacity: size) { buffer in
            var at = 0
            Self.write(condition, into: buffer, at: &at)
            Self.write(" (", into: buffer, at: &at)
            var first = true
            for index in readings.indices where !repeated(index) {
                if !first { Self.write(", ", into: buffer, at: &at) }
                first = false
                Self.write(readings[index].name, into: buffer, at: &at)
                Self.write(" = ", into: buffer, at: &at)
                Self.write(readings[index].value, into: buffer, at: &at)
            }
            Self.write(")", into: buffer, at: &at)
            Self.write(suffix, into: buffer, at: &at)
            return at
        }
    }

    /// Copies a string's UTF-8 bytes into `buffer` at `at`, as many as fit, and moves `at` past them.
    private static func write(_ piece: String, into buffer: UnsafeMutableBufferPointer<UInt8>, at: inout Int) {
        guard at >= 0, at < buffer.count else { return }
        // A string's UTF-8 view copies itself out whole (native and small strings alike).
        let (_, count) = UnsafeMutableBufferPointer(rebasing: buffer[at...]).initialize(from: piece.utf8)
        at += count
    }

    /// The actions of the fired rules, merged: the same action once, with every rule that asks for
    /// it; a timed action (`see_child_within`) once, at its shortest time. An early help assessment
    /// is left out once the result is above early help: the case has moved past it. The case's
    /// facts are read only for a deadline that runs from an event (most decisions have none, and
    /// a copy of the facts is a retain of each of their lists).
    func actions(fired: FiredRules.Positions, level: Level, facts: () -> CaseFacts, asOf: LocalDate) -> [RecommendedAction] {
        guard asksForActions else { return [] }
        let levelActions = self.levelActions[level.rank]
        var ruleActions: [Int] = []
        for index in 0 ..< fired.count where hasActions[fired[index]] { ruleActions.append(fired[index]) }
        guard !levelActions.isEmpty || !ruleActions.isEmpty else { return [] }
        var merged: [RecommendedAction] = []
        // Deadlines that run from an event are worked out from the case, only when there are any.
        var context: CaseContext?
        let sources = ruleActions.map { (ruleIDs[$0], compiled.rules[$0].rule.actions, anchors[$0]) }
            + [("levels.\(level.rawValue)", levelActions, [])]
        for (rule, actions, anchors) in sources {
            for (position, action) in actions.enumerated() where !(action.kind == .earlyHelpAssessment && level > .earlyHelp) {
                if action.anchor != nil {
                    let resolved = context ?? CaseContext(facts: facts(), asOf: asOf, declarations: declarations)
                    context = resolved
                    let anchor = position < anchors.count ? anchors[position] : nil
                    merged.append(deadline(action, anchor: anchor, rule: rule, context: resolved))
                    continue
                }
                let timed = action.kind.acceptsDuration
                if let index = merged.firstIndex(where: {
                    $0.due == nil && $0.action == action.kind && (timed || ($0.within == action.within && $0.text == action.text))
                }) {
                    merged[index].rules.append(rule)
                    if action.strength == .must || merged[index].strength == .must {
                        merged[index].strength = .must
                    } else if merged[index].strength == nil {
                        merged[index].strength = action.strength
                    }
                    if let new = action.within {
                        let shorter = merged[index].within.map { CaseContext.days(new, asOf: asOf) < CaseContext.days($0, asOf: asOf) } ?? true
                        if shorter { merged[index].within = new }
                    }
                } else {
                    merged.append(RecommendedAction(action: action.kind, within: action.within, text: action.text, rules: [rule],
                                                    strength: action.strength))
                }
            }
        }
        // Overdue procedures first, then those with a due date, soonest first; then by kind.
        let order = Dictionary(uniqueKeysWithValues: ActionKind.allCases.enumerated().map { ($1, $0) })
        func key(_ item: (offset: Int, element: RecommendedAction)) -> (Int, Int, Int, Int) {
            let action = item.element
            let urgency = action.overdue == true ? 0 : action.due != nil ? 1 : 2
            return (urgency, action.due?.dayNumber ?? 0, order[action.action] ?? 0, item.offset)
        }
        return merged.enumerated().sorted { key($0) < key($1) }.map(\.element)
    }

    /// An action whose time runs from a dated event or a week of pregnancy: its due date, and
    /// whether it is overdue (past due, with its completing event not recorded since the time
    /// began to run). A second event of the same kind does not restart it: the anchor says which
    /// event starts it (`first(no_access since child_seen)`).
    private func deadline(_ action: Action, anchor: CompiledExpression?, rule: String, context: CaseContext) -> RecommendedAction {
        var result = RecommendedAction(action: action.kind, within: action.within, text: action.text, rules: [rule],
                                       strength: action.strength)
        let completedBy = action.doneWhen ?? action.kind.completingEvent
        result.completedBy = completedBy
        var start: LocalDate?
        switch action.anchor {
        case .from?:
            guard let anchor else { return result }
            var evaluator = ExpressionEvaluator(context: context, document: compiled)
            let value = evaluator.evaluate(anchor)
            result.from = "\(anchor.text) = \(value.display)"
            if case .date(let date) = value { start = date }
            result.due = start.flatMap { date in action.within.map { $0.after(date) } ?? date }
        case .pregnancyWeek(let week)?:
            let began = context.pregnancyStart
            result.from = "week \(week) of pregnancy (the pregnancy began \(began.map(\.description) ?? "on an unknown date"))"
            start = began
            result.due = began.flatMap { $0.adding(days: week * 7) }
        case nil:
            return result
        }
        if let due = result.due, let completedBy {
            let done = context.events(EventQuery(kind: completedBy, qualifiers: [])).dates
                .contains { $0 >= (start ?? due) }
            result.overdue = context.asOf > due && !done
        }
        return result
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
    /// Where each fact's item is in ``items``, for each effect: a fact can be asked for both ways.
    private var raising: [String: Int] = [:]
    private var lowering: [String: Int] = [:]

    init(declarations: [String: FactDeclaration]) {
        self.declarations = declarations
    }

    mutating func add(_ readings: [Reading], effect: InformationNeeded.Effect, level: Level, rule: String) {
        for reading in readings {
            // Confirming an exception is always worth asking about: it is one specific question.
            let decisive = reading.decisive || effect == .lower
            guard let position = effect == .raise ? raising[reading.name] : lowering[reading.name] else {
                if effect == .raise { raising[reading.name] = items.count } else { lowering[reading.name] = items.count }
                items.append(InformationNeeded(
                    fact: reading.name,
                    question: InformationQuestions.question(for: reading.name, declaration: declarations[reading.name]),
                    judgement: reading.question != nil, effect: effect, couldReach: level, decisive: decisive, rules: [rule]))
                continue
            }
            // In place: a copy of the item would copy its list of rules to append to it.
            Self.merge(into: &items[position], decisive: decisive, effect: effect, level: level, rule: rule)
        }
    }

    private static func merge(into item: inout InformationNeeded, decisive: Bool, effect: InformationNeeded.Effect,
                              level: Level, rule: String) {
        // A decisive answer's reach wins over one that matters only with others.
        if decisive && !item.decisive {
            item.couldReach = level
        } else if decisive == item.decisive, effect == .raise {
            item.couldReach = max(item.couldReach, level)
        }
        item.decisive = item.decisive || decisive
        if !item.rules.contains(rule) { item.rules.append(rule) }
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
