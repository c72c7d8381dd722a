/// Conditions as propositional formulas over comparisons with constants, for proofs about a
/// document: that a condition can never hold, that one condition implies another.
///
/// A comparison of a value with a constant (`domain.hygiene >= 3`, `since(child_seen) > 10
/// working days`, `current_plan == child_protection`) becomes a bound or an equality on a *term*,
/// the value's canonical text (with a duration's unit, so that days and working days are never
/// compared). Every other boolean (`any(domains where …)`, a comparison of two values) is an
/// opaque proposition, equal only to itself. Definitions are inlined. A formula is
/// unsatisfiable when each of its disjuncts holds a contradiction: bounds that cannot meet
/// (within the term's own range: a grade is 1 to 5, a count 0 or more), two different values for
/// one term, or a proposition with its negation. The reasoning is classical, over cases with
/// every fact known, and sound: "unsatisfiable" is a proof; a satisfiable answer may be wrong
/// only when opaque propositions are related in ways this algebra does not see.
struct ConditionAlgebra {
    /// One literal.
    enum Literal: Hashable {
        /// `term op value` on a number line; `integral` when the term takes whole values only.
        case bound(term: String, op: BinaryOperator, value: Double, integral: Bool)
        /// `term == value` (or `!=` when negated), for names and strings.
        case equals(term: String, value: String, negated: Bool)
        /// A proposition this algebra does not look inside.
        case opaque(String, negated: Bool)
        /// `true` or `false`.
        case constant(Bool)
    }

    /// A formula in negation normal form.
    indirect enum Formula: Hashable {
        case literal(Literal)
        case and([Formula])
        case or([Formula])
    }

    /// The most disjuncts a formula may expand to before a question about it goes unanswered.
    static let maxDisjuncts = 4_096

    let definitions: [String: Condition]
    let facts: [String: FactDeclaration]
    private var inlining: Set<String> = []

    init(_ document: ThresholdDocument) {
        self.init(DocumentIndex(document))
    }

    init(_ index: DocumentIndex) {
        definitions = index.definitions
        facts = index.facts
    }

    // MARK: Building formulas

    func formula(_ condition: Condition, negated: Bool = false) -> Formula {
        var copy = self
        return copy.build(condition, negated: negated)
    }

    func formula(_ expression: RuleExpression, negated: Bool = false) -> Formula {
        var copy = self
        return copy.build(expression, negated: negated)
    }

    private mutating func build(_ condition: Condition, negated: Bool) -> Formula {
        switch condition.kind {
        case .expression(let expression): return build(expression, negated: negated)
        case .all(let parts):
            let built = parts.map { build($0, negated: negated) }
            return negated ? .or(built) : .and(built)
        case .any(let parts):
            let built = parts.map { build($0, negated: negated) }
            return negated ? .and(built) : .or(built)
        case .not(let part): return build(part, negated: !negated)
        case .atLeast(let count, let parts):
            // At least k of n: the disjunction over every k-subset, when that is small enough.
            guard Self.choose(parts.count, count) <= 64 else {
                return .literal(.opaque("at_least(\(count))#\(condition.range)", negated: negated))
            }
            let built = parts.map { build($0, negated: false) }
            let subsets = Self.subsets(of: Array(built.indices), size: count).map { subset in Formula.and(subset.map { built[$0] }) }
            let formula = Formula.or(subsets)
            return negated ? Self.negate(formula) : formula
        }
    }

    private mutating func build(_ expression: RuleExpression, negated: Bool) -> Formula {
        switch expression.kind {
        case .boolean(let flag): return .literal(.constant(flag != negated))
        case .name(let path):
            let name = path.joined(separator: ".")
            if let definition = definitions[name], !inlining.contains(name) {
                inlining.insert(name)
                defer { inlining.remove(name) }
                return build(definition, negated: negated)
            }
            return .literal(.equals(term: name, value: "true", negated: negated))
        case .not(let inner): return build(inner, negated: !negated)
        case .chain(let first, let links) where links.allSatisfy({ $0.op == .and }) || links.allSatisfy({ $0.op == .or }):
            let parts = ([first] + links.map(\.operand)).map { build($0, negated: negated) }
            let isAnd = links.first?.op != .or
            return isAnd != negated ? .and(parts) : .or(parts)
        case .chain(let first, let links) where links.contains(where: { $0.op == .and || $0.op == .or }):
            // Mixed and/or chains do not parse; treat defensively as opaque.
            return .literal(.opaque(expression.description + "#" + first.description, negated: negated))
        case .binary(let op, let left, let right) where op.isComparison:
            return .literal(comparison(op, left, right, negated: negated) ?? .opaque(expression.description, negated: negated))
        case .membership(let value, let items, let isNegated):
            let term = value.description
            let values = items.compactMap { Self.constantName($0) }
            guard values.count == items.count, !isConstant(value) else {
                return .literal(.opaque(expression.description, negated: negated))
            }
            let literals = values.map { Formula.literal(.equals(term: term, value: $0, negated: isNegated != negated)) }
            return (isNegated != negated) ? .and(literals) : .or(literals)
        default:
            return .literal(.opaque(expression.description, negated: negated))
        }
    }

    /// `term op constant`, the constant on either side; `nil` when neither side is a constant.
    private func comparison(_ op: BinaryOperator, _ left: RuleExpression, _ right: RuleExpression, negated: Bool) -> Literal? {
        var op = op
        var term = left
        var constant = right
        if Self.number(left) != nil || isConstant(left) {
            (term, constant) = (right, left)
            op = op.mirrored
        }
        if negated { op = Self.complement(op) }
        if Self.number(term) != nil || isConstant(term) { return nil }
        if let (value, unit) = Self.number(constant) {
            let key = term.description + (unit.map { "|" + $0 } ?? "")
            return .bound(term: key, op: op, value: value, integral: isIntegral(term))
        }
        if let rank = levelRank(constant), isLevelValued(term) {
            return .bound(term: term.description, op: op, value: Double(rank), integral: true)
        }
        if let rank = scaleRank(term, constant) {
            return .bound(term: term.description, op: op, value: Double(rank), integral: true)
        }
        if let name = Self.constantName(constant), op == .equal || op == .notEqual {
            return .equals(term: term.description, value: name, negated: op == .notEqual)
        }
        return nil
    }

    // MARK: Questions

    /// Whether the formula can never hold; `nil` when it is too large to decide.
    static func isUnsatisfiable(_ formula: Formula) -> Bool? {
        guard let disjuncts = disjunctiveNormalForm(formula) else { return nil }
        return disjuncts.allSatisfy { !isSatisfiable($0) }
    }

    /// Whether `a` implies `b`: `a and not b` can never hold. `nil` when undecided.
    static func implies(_ a: Formula, _ b: Formula) -> Bool? {
        isUnsatisfiable(.and([a, negate(b)]))
    }

    static func negate(_ formula: Formula) -> Formula {
        switch formula {
        case .literal(let literal): .literal(negate(literal))
        case .and(let parts): .or(parts.map(negate))
        case .or(let parts): .and(parts.map(negate))
        }
    }

    static func negate(_ literal: Literal) -> Literal {
        switch literal {
        case .bound(let term, let op, let value, let integral): .bound(term: term, op: complement(op), value: value, integral: integral)
        case .equals(let term, let value, let negated): .equals(term: term, value: value, negated: !negated)
        case .opaque(let text, let negated): .opaque(text, negated: !negated)
        case .constant(let flag): .constant(!flag)
        }
    }

    /// The disjuncts, each a conjunction of literals; `nil` beyond ``maxDisjuncts``.
    static func disjunctiveNormalForm(_ formula: Formula) -> [[Literal]]? {
        switch formula {
        case .literal(let literal): return [[literal]]
        case .or(let parts):
            var out: [[Literal]] = []
            for part in parts {
                guard let disjuncts = disjunctiveNormalForm(part) else { return nil }
                out += disjuncts
                if out.count > maxDisjuncts { return nil }
            }
            return out
        case .and(let parts):
            var out: [[Literal]] = [[]]
            for part in parts {
                guard let disjuncts = disjunctiveNormalForm(part) else { return nil }
                if disjuncts.count * out.count > maxDisjuncts { return nil }
                var next: [[Literal]] = []
                for left in out {
                    for right in disjuncts {
                        let combined = left + right
                        if isSatisfiable(combined) { next.append(combined) }
                    }
                }
                out = next
                if out.isEmpty { return [] }
            }
            return out
        }
    }

    /// Whether a conjunction of literals can hold.
    static func isSatisfiable(_ literals: [Literal]) -> Bool {
        var lower: [String: (Double, Bool)] = [:]   // value, inclusive
        var upper: [String: (Double, Bool)] = [:]
        var equal: [String: String] = [:]
        var unequal: [String: Set<String>] = [:]
        var opaque: [String: Bool] = [:]
        var integral: Set<String> = []
        func raise(_ term: String, _ value: Double, inclusive: Bool) {
            if let current = lower[term], current.0 > value || (current.0 == value && !current.1) { return }
            lower[term] = (value, inclusive)
        }
        func lowerTo(_ term: String, _ value: Double, inclusive: Bool) {
            if let current = upper[term], current.0 < value || (current.0 == value && !current.1) { return }
            upper[term] = (value, inclusive)
        }
        for literal in literals {
            switch literal {
            case .constant(let flag): if !flag { return false }
            case .opaque(let text, let negated):
                if let seen = opaque[text], seen != negated { return false }
                opaque[text] = negated
            case .equals(let term, let value, let negated):
                if negated {
                    if equal[term] == value { return false }
                    unequal[term, default: []].insert(value)
                } else {
                    if let seen = equal[term], seen != value { return false }
                    if unequal[term]?.contains(value) == true { return false }
                    equal[term] = value
                }
            case .bound(let term, let op, let value, let isIntegral):
                if isIntegral { integral.insert(term) }
                switch op {
                case .greater: raise(term, value, inclusive: false)
                case .greaterOrEqual: raise(term, value, inclusive: true)
                case .less: lowerTo(term, value, inclusive: false)
                case .lessOrEqual: lowerTo(term, value, inclusive: true)
                case .equal: raise(term, value, inclusive: true); lowerTo(term, value, inclusive: true)
                case .notEqual:
                    // Only a point excluded: decided below against an exact bound.
                    unequal["#" + term, default: []].insert(String(value))
                default: break
                }
            }
        }
        for (term, range) in naturalRanges where lower.keys.contains(where: { $0.hasPrefix(term) }) || upper.keys.contains(where: { $0.hasPrefix(term) }) {
            for key in Set(lower.keys).union(upper.keys) where Self.matches(key, term) {
                raise(key, range.lowerBound, inclusive: true)
                lowerTo(key, range.upperBound, inclusive: true)
            }
        }
        for key in Set(lower.keys).union(upper.keys) {
            var low = lower[key] ?? (-.infinity, true)
            var high = upper[key] ?? (.infinity, true)
            if integral.contains(key) {
                if low.0.isFinite { low = (low.1 ? low.0.rounded(.up) : (low.0 + 1).rounded(.down), true) }
                if high.0.isFinite { high = (high.1 ? high.0.rounded(.down) : (high.0 - 1).rounded(.up), true) }
            }
            if low.0 > high.0 || (low.0 == high.0 && !(low.1 && high.1)) { return false }
            if low.0 == high.0, unequal["#" + key]?.contains(String(low.0)) == true { return false }
        }
        return true
    }

    /// Ranges values of some terms always lie in: grades 1 to 5, counts and durations from 0,
    /// levels 0 to 4.
    private static let naturalRanges: [(String, ClosedRange<Double>)] = [
        ("domain.", 1...5), ("max(domains", 1...5), ("min(domains", 1...5), ("previous(", 1...5),
        ("count(", 0...Double.greatestFiniteMagnitude), ("streak(", 0...Double.greatestFiniteMagnitude),
        ("since(", 0...Double.greatestFiniteMagnitude), ("current_plan", 0...4),
        ("education.absence_rate", 0...100), ("education.attendance", 0...100),
    ]

    private static func matches(_ key: String, _ prefix: String) -> Bool {
        if prefix.hasSuffix(".") || prefix.hasSuffix("(") { return key.hasPrefix(prefix) }
        return key == prefix || key.hasPrefix(prefix + "|")
    }

    // MARK: Terms and constants

    private func isIntegral(_ term: RuleExpression) -> Bool {
        switch term.kind {
        case .name(let path):
            let name = path.joined(separator: ".")
            if name.hasPrefix("domain.") || name == "current_plan" { return true }
            if let fact = facts[name] {
                switch fact.type {
                case .integer, .grade, .level, .scale: return true
                default: return false
                }
            }
            return Vocabulary.factsByName[name].map { $0.type == .integer || $0.type == .grade } ?? false
        case .call(let name, _):
            return ["count", "max", "min", "previous", "streak"].contains(name.value)
        default:
            return false
        }
    }

    private func isLevelValued(_ term: RuleExpression) -> Bool {
        guard case .name(let path) = term.kind else { return false }
        let name = path.joined(separator: ".")
        return name == "current_plan" || facts[name]?.type == .level
    }

    private func levelRank(_ constant: RuleExpression) -> Int? {
        guard case .name(let path) = constant.kind, path.count == 1, let level = Level(rawValue: path[0]) else { return nil }
        return level.rank
    }

    private func scaleRank(_ term: RuleExpression, _ constant: RuleExpression) -> Int? {
        guard case .name(let path) = term.kind, case .scale(let values)? = facts[path.joined(separator: ".")]?.type,
              case .name(let value) = constant.kind, value.count == 1
        else { return nil }
        return values.firstIndex(of: value[0])
    }

    /// Whether an expression is a constant: a literal, a level's name, or an enumeration value
    /// (a one-word name that is no fact or definition).
    private func isConstant(_ expression: RuleExpression) -> Bool {
        switch expression.kind {
        case .string, .integer, .number, .duration, .date, .boolean: return true
        case .name(let path) where path.count == 1:
            let name = path[0]
            return facts[name] == nil && definitions[name] == nil && Vocabulary.factsByName[name] == nil && name != "current_plan"
        default: return false
        }
    }

    /// A number, or a duration as its count and unit.
    static func number(_ expression: RuleExpression) -> (Double, String?)? {
        switch expression.kind {
        case .integer(let value): (Double(value), nil)
        case .number(let value): (value, nil)
        case .duration(let duration): (Double(duration.amount), duration.unit.rawValue)
        case .date(let date): (Double(date.dayNumber), "date")
        default: nil
        }
    }

    /// A name or string used as a value: an enumeration value, a level, a quoted string.
    static func constantName(_ expression: RuleExpression) -> String? {
        switch expression.kind {
        case .string(let value): "\"" + value + "\""
        case .name(let path) where path.count == 1: path[0]
        default: nil
        }
    }

    static func complement(_ op: BinaryOperator) -> BinaryOperator {
        switch op {
        case .less: .greaterOrEqual
        case .lessOrEqual: .greater
        case .greater: .lessOrEqual
        case .greaterOrEqual: .less
        case .equal: .notEqual
        case .notEqual: .equal
        default: op
        }
    }

    private static func choose(_ n: Int, _ k: Int) -> Int {
        guard k >= 0, k <= n else { return 0 }
        var result = 1
        for i in 0..<min(k, n - k) {
            result = result * (n - i) / (i + 1)
            if result > 1_000_000 { return result }
        }
        return result
    }

    private static func subsets(of items: [Int], size: Int) -> [[Int]] {
        guard size > 0 else { return [[]] }
        guard items.count >= size else { return [] }
        var out: [[Int]] = []
        for (index, item) in items.enumerated() {
            for rest in subsets(of: Array(items[(index + 1)...]), size: size - 1) { out.append([item] + rest) }
        }
        return out
    }
}
