import Foundation
public import ThresholdsDiagnostics

/// What `thresholds verify` found in a document: diagnostics, counterexamples to monotonicity,
/// and what was proven and what only searched (docs/VERIFY.md).
public struct Verification: Sendable {
    /// Every finding, in presentation order.
    public var diagnostics: [Diagnostic]
    /// Pairs of cases that show a violation of monotonicity, one per violation found.
    public var counterexamples: [Counterexample]
    /// How many rules set or raise a level.
    public var rules = 0
    /// Of those, how many read every concern the monotone way: proven.
    public var provenMonotone = 0
    /// Cases tried and concern moves applied in the search for counterexamples.
    public var casesSearched = 0
    /// Moves applied in the search (cases × moves that changed the case).
    public var movesSearched = 0
    /// Concern variables a rule reads the wrong way that the search cannot move.
    public var notSearchable: [String] = []
    /// Whether pairs of rules were compared for shadowing (not beyond ``Verifier/maxRulesForShadowing`` rules).
    public var shadowingChecked = true
    /// The rules not proven monotone, each with the concerns it reads the other way.
    public var unproven: [(rule: String, variables: [String])] = []

    /// The summary lines printed after the diagnostics.
    public var summary: String {
        var lines = ["monotonicity: \(provenMonotone) of \(rules) level-setting rules proven monotone"]
        if rules > provenMonotone {
            lines.append("  the other \(rules - provenMonotone) searched: \(casesSearched) cases, \(movesSearched) concern moves; "
                         + "\(counterexamples.count) counterexample\(counterexamples.count == 1 ? "" : "s") found")
            for entry in unproven { lines.append("    \(entry.rule) reads \(entry.variables.joined(separator: ", ")) both ways") }
        }
        if !shadowingChecked {
            lines.append("shadowed rules: not checked (more than \(Verifier.maxRulesForShadowing) level-setting rules)")
        }
        if !notSearchable.isEmpty {
            lines.append("  not searched (no move the search can make): \(notSearchable.joined(separator: ", "))")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Two cases that differ in one concern, the second more concerning, where the second gets the
/// lower level: a violation of monotonicity, as case files the author can run.
public struct Counterexample: Sendable {
    /// A short name for the files: `R-1-domain.hygiene`.
    public var name: String
    /// What was made more concerning, in words.
    public var move: String
    /// The case before the move.
    public var before: CaseFacts
    /// The case after it.
    public var after: CaseFacts
    /// The as-of date both are evaluated at.
    public var asOf: LocalDate
    /// The level before.
    public var levelBefore: Level
    /// The level after (lower).
    public var levelAfter: Level
    /// The rules that fired before and not after, which the lower level comes from.
    public var rules: [String]

    /// The case before the move, as a JSON case file with its `as_of`.
    public var beforeFile: String { Self.caseFile(before, asOf: asOf) }
    /// The case after the move, as a JSON case file with its `as_of`.
    public var afterFile: String { Self.caseFile(after, asOf: asOf) }

    private static func caseFile(_ facts: CaseFacts, asOf: LocalDate) -> String {
        (facts.caseFileJSON(asOf: asOf, pretty: true) ?? "{ \"as_of\": \"\(asOf)\" }") + "\n"
    }
}

/// Proves what it can about a checked document and searches for counterexamples to the rest:
/// unreachable rules, contradictory and redundant conditions, shadowed rules, monotonicity,
/// board facts without a concerning direction, unused event kinds, and judgements that can
/// never change a result.
public struct Verifier: Sendable {
    /// How many generated cases the monotonicity search starts from.
    public var searchCases: Int
    /// The seed of the generated cases: the same seed gives the same search.
    public var seed: UInt64

    /// A verifier; the defaults search 2,000 cases.
    public init(searchCases: Int = 2_000, seed: UInt64 = 1989) {
        self.searchCases = searchCases
        self.seed = seed
    }

    /// The most level-setting rules whose pairs are compared for shadowing.
    public static let maxRulesForShadowing = 1_000

    /// Verifies a checked document.
    public func verify(_ checked: CheckedDocument) -> Verification {
        let document = checked.document
        let index = DocumentIndex(document)
        let algebra = ConditionAlgebra(index)
        var diagnostics: [Diagnostic] = []
        func report(_ message: DiagnosticMessage, _ range: SourceRange?, file: String?, notes: [DiagnosticNote] = []) {
            diagnostics.append(Diagnostic(message, file: file ?? document.file, range: range, notes: notes))
        }

        // Unreachable rules, contradictory and redundant parts.
        var unreachable: Set<String> = []
        for rule in document.rules {
            let parts = Self.conjuncts(rule.when)
            let formulas = parts.map { algebra.formula($0) }
            if ConditionAlgebra.isUnsatisfiable(.and(formulas)) == true {
                unreachable.insert(rule.id.value)
                var notes: [DiagnosticNote] = []
                if let pair = Self.contradictingPair(formulas) {
                    notes = [DiagnosticNote("this part …", file: rule.file ?? document.file, range: parts[pair.0].range),
                             DiagnosticNote("… contradicts this one", file: rule.file ?? document.file, range: parts[pair.1].range)]
                }
                report(VerificationDiagnostics.unreachableRule(rule.id.value), rule.when.range, file: rule.file, notes: notes)
                continue
            }
            var kept = Array(formulas.indices)
            for index in formulas.indices where formulas.count > 1 {
                let others = kept.filter { $0 != index }.map { formulas[$0] }
                if ConditionAlgebra.implies(.and(others), formulas[index]) == true {
                    report(VerificationDiagnostics.redundantCondition(), parts[index].range, file: rule.file)
                    kept.removeAll { $0 == index }
                }
            }
            for alternatives in Self.disjunctions(rule.when) {
                let options = alternatives.map { algebra.formula($0) }
                var live = Array(options.indices)
                for index in options.indices {
                    if ConditionAlgebra.isUnsatisfiable(options[index]) == true {
                        report(VerificationDiagnostics.contradictoryCondition(), alternatives[index].range, file: rule.file)
                        live.removeAll { $0 == index }
                        continue
                    }
                    // An alternative that implies the others adds no case: it is dead weight.
                    let others = live.filter { $0 != index }.map { options[$0] }
                    if !others.isEmpty, ConditionAlgebra.implies(options[index], .or(others)) == true {
                        report(VerificationDiagnostics.redundantAlternative(), alternatives[index].range, file: rule.file)
                        live.removeAll { $0 == index }
                    }
                }
            }
        }
        for definition in document.definitions where ConditionAlgebra.isUnsatisfiable(algebra.formula(definition.condition)) == true {
            report(VerificationDiagnostics.contradictoryCondition(), definition.condition.range, file: definition.file)
        }

        // Shadowed rules.
        var shadowed: Set<String> = []
        let levelRules = document.rules.filter { if case .level = $0.effect.value { true } else { false } }
        func fires(_ rule: Rule) -> ConditionAlgebra.Formula {
            let when = algebra.formula(rule.when)
            guard let unless = rule.unless else { return when }
            return .and([when, algebra.formula(unless, negated: true)])
        }
        // Every pair is compared: beyond this many rules the search would take too long, and is not made.
        let comparePairs = levelRules.count <= Self.maxRulesForShadowing
        for rule in levelRules where comparePairs && !unreachable.contains(rule.id.value) {
            guard case .level(let level) = rule.effect.value else { continue }
            let firing = fires(rule)
            for other in levelRules where other.id.value != rule.id.value && !unreachable.contains(other.id.value) {
                guard case .level(let otherLevel) = other.effect.value,
                      otherLevel > level || (otherLevel == level && (rule.sublevel == nil || rule.sublevel?.value == other.sublevel?.value)
                                             && !shadowed.contains(other.id.value)),
                      rule.actions.allSatisfy({ action in other.actions.contains { Self.same(action, $0) } }),
                      ConditionAlgebra.implies(firing, fires(other)) == true
                else { continue }
                shadowed.insert(rule.id.value)
                report(VerificationDiagnostics.shadowedRule(rule.id.value, by: other.id.value, otherLevel.rawValue), rule.id.range,
                       file: rule.file, notes: [DiagnosticNote("'\(other.id.value)' is here", file: other.file ?? document.file,
                                                               range: other.id.range)])
                break
            }
        }

        // Directions, unused events, judgements.
        let polarity = Polarity(index)
        let reads = Self.namesRead(document)
        for fact in document.facts where fact.concerning == nil && reads.all.contains(fact.name.value) {
            switch fact.type {
            case .boolean, .integer, .number, .grade, .level, .duration, .scale:
                report(VerificationDiagnostics.missingDirection(fact.name.value), fact.name.range, file: fact.file)
            default: break
            }
        }
        for event in document.events where !reads.all.contains(event.name.value) {
            report(VerificationDiagnostics.unusedEvent(event.name.value), event.name.range, file: event.file)
        }
        for fact in document.facts where fact.question != nil && reads.all.contains(fact.name.value) {
            let readers = reads.byRule.filter { $0.value.contains(fact.name.value) }.map(\.key)
            if !readers.isEmpty, readers.allSatisfy({ unreachable.contains($0) || shadowed.contains($0) }) {
                report(VerificationDiagnostics.judgementNeverMatters(fact.name.value), fact.name.range, file: fact.file)
            }
        }

        // Monotonicity: proven by polarity where it can be, searched where not.
        var verification = Verification(diagnostics: [], counterexamples: [])
        verification.shadowingChecked = comparePairs
        var suspects: [(rule: Rule, occurrence: Polarity.Occurrence)] = []
        for rule in document.rules {
            if case .procedure = rule.effect.value { continue }
            verification.rules += 1
            let wrong = polarity.occurrences(rule.when).filter { $0.sign != 1 }
                + (rule.unless.map { polarity.occurrences($0, sign: -1) } ?? []).filter { $0.sign != 1 }
            if wrong.isEmpty {
                verification.provenMonotone += 1
            } else {
                var variables: [String] = []
                for occurrence in wrong where !variables.contains(occurrence.variable) { variables.append(occurrence.variable) }
                verification.unproven.append((rule.id.value, variables))
            }
            suspects += wrong.map { (rule, $0) }
        }
        if !suspects.isEmpty {
            let search = MonotonicitySearch(checked: checked, seed: seed, cases: searchCases)
            var variables: [String] = []
            for suspect in suspects where !variables.contains(suspect.occurrence.variable) { variables.append(suspect.occurrence.variable) }
            let outcome = search.run(variables: variables)
            verification.casesSearched = outcome.cases
            verification.movesSearched = outcome.moves
            verification.notSearchable = outcome.notSearchable
            for example in outcome.counterexamples {
                // At the rule that stopped firing: where it reads the concern the wrong way, or else its condition.
                let responsible = suspects.first { example.counterexample.rules.contains($0.rule.id.value) && $0.occurrence.variable == example.variable }
                let lost = document.rules.first { example.counterexample.rules.contains($0.id.value) }
                let rule = responsible?.rule ?? lost
                var counter = example.counterexample
                // A file name: rule ids and fact names are plain already; anything else becomes '_'.
                let variable = String(example.variable.unicodeScalars.map { scalar -> Character in
                    scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar) ? Character(scalar) : "_"
                })
                counter.name = (rule?.id.value ?? "document") + "-" + variable
                report(VerificationDiagnostics.notMonotone(example.label, from: counter.levelBefore, to: counter.levelAfter),
                       responsible?.occurrence.range ?? lost?.when.range, file: rule?.file, notes: [
                           DiagnosticNote("the move: \(counter.move)"),
                           DiagnosticNote("before it, \(counter.rules.joined(separator: ", ")) fired; after it, not; "
                                          + "the pair of cases is \(counter.name)-before.json and \(counter.name)-after.json "
                                          + "(written with --counterexamples DIR)"),
                       ])
                verification.counterexamples.append(counter)
            }
        }
        verification.diagnostics = diagnostics.sorted(by: Diagnostic.presentationOrder)
        return verification
    }

    // MARK: Helpers

    /// The parts of a condition's top-level conjunction: `all` lists and `and` chains, flattened.
    static func conjuncts(_ condition: Condition) -> [Condition] {
        switch condition.kind {
        case .all(let parts): return parts.flatMap(conjuncts)
        case .expression(let expression):
            if case .chain(let first, let links) = expression.kind, links.allSatisfy({ $0.op == .and }) {
                return ([first] + links.map(\.operand)).map { Condition(.expression($0), range: $0.range) }
            }
            return [condition]
        default: return [condition]
        }
    }

    /// Every list of alternatives in a condition (`any` lists and `or` chains), however deep.
    static func disjunctions(_ condition: Condition) -> [[Condition]] {
        switch condition.kind {
        case .any(let parts): return [parts] + parts.flatMap(disjunctions)
        case .all(let parts), .atLeast(_, let parts): return parts.flatMap(disjunctions)
        case .not(let part): return disjunctions(part)
        case .expression(let expression):
            if case .chain(let first, let links) = expression.kind, links.allSatisfy({ $0.op == .or }) {
                return [([first] + links.map(\.operand)).map { Condition(.expression($0), range: $0.range) }]
            }
            if case .chain(let first, let links) = expression.kind, links.allSatisfy({ $0.op == .and }) {
                return ([first] + links.map(\.operand)).flatMap { disjunctions(Condition(.expression($0), range: $0.range)) }
            }
            return []
        }
    }

    /// Two parts whose conjunction alone can never hold, for the notes of an unreachable rule.
    private static func contradictingPair(_ formulas: [ConditionAlgebra.Formula]) -> (Int, Int)? {
        for (index, formula) in formulas.enumerated() where ConditionAlgebra.isUnsatisfiable(formula) == true { return (index, index) }
        for first in formulas.indices {
            for second in formulas.indices where second > first {
                if ConditionAlgebra.isUnsatisfiable(.and([formulas[first], formulas[second]])) == true { return (first, second) }
            }
        }
        return nil
    }

    private static func same(_ a: Action, _ b: Action) -> Bool {
        a.kind == b.kind && a.within == b.within && a.text == b.text && a.strength == b.strength && a.anchor == b.anchor
            && a.doneWhen == b.doneWhen
    }

    /// Every name the document's rules, definitions and actions read, in all and by rule (with
    /// the definitions a rule uses expanded).
    static func namesRead(_ document: ThresholdDocument) -> (all: Set<String>, byRule: [String: Set<String>]) {
        func names(_ expression: RuleExpression, into out: inout Set<String>) {
            var stack = [expression]
            while let next = stack.popLast() {
                switch next.kind {
                case .name(let path): out.insert(path.joined(separator: "."))
                case .qualified(let path, _): out.insert(path.joined(separator: "."))
                case .not(let inner): stack.append(inner)
                case .binary(_, let left, let right): stack += [left, right]
                case .chain(let first, let links): stack.append(first); stack += links.map(\.operand)
                case .membership(let value, let items, _): stack.append(value); stack += items
                case .list(let items): stack += items
                case .call(let name, let arguments):
                    out.insert(name.value)
                    for argument in arguments {
                        stack.append(argument.value)
                        if let filter = argument.filter { stack.append(filter) }
                        if let window = argument.window { stack.append(window) }
                        if let since = argument.since { stack.append(since) }
                    }
                default: break
                }
            }
        }
        var definitionNames: [String: Set<String>] = [:]
        for definition in document.definitions {
            var set: Set<String> = []
            for expression in definition.condition.expressions { names(expression, into: &set) }
            definitionNames[definition.name.value] = set
        }
        func expand(_ set: Set<String>) -> Set<String> {
            var result = set
            var queue = Array(set)
            while let name = queue.popLast() {
                for inner in definitionNames[name] ?? [] where result.insert(inner).inserted { queue.append(inner) }
            }
            return result
        }
        var all: Set<String> = []
        var byRule: [String: Set<String>] = [:]
        for rule in document.rules {
            var set: Set<String> = []
            for expression in rule.when.expressions + (rule.unless?.expressions ?? []) { names(expression, into: &set) }
            for action in rule.actions {
                if case .from(let expression)? = action.anchor { names(expression, into: &set) }
                if let done = action.doneWhen { set.insert(done) }
            }
            let expanded = expand(set)
            byRule[rule.id.value] = expanded
            all.formUnion(expanded)
        }
        for level in document.levels {
            for action in level.actions {
                if case .from(let expression)? = action.anchor { var set: Set<String> = []; names(expression, into: &set); all.formUnion(expand(set)) }
                if let done = action.doneWhen { all.insert(done) }
            }
        }
        return (all, byRule)
    }
}
