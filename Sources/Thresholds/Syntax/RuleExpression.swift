public import ThresholdsDiagnostics

/// An expression from a condition string such as `domain.home_conditions >= 4`, with the exact
/// file range of every sub-expression. Equality ignores ranges.
public struct RuleExpression: Sendable, Hashable {
    /// What the expression is.
    public indirect enum Kind: Sendable, Hashable {
        /// `true` or `false`.
        case boolean(Bool)
        /// A whole number, `4`.
        case integer(Int)
        /// A decimal number, `90.5`.
        case number(Double)
        /// A quoted string, `"temporary"`.
        case string(String)
        /// A date literal, `2026-04-01`.
        case date(LocalDate)
        /// A duration literal, `6 months`.
        case duration(Duration)
        /// A dotted name: a fact (`domain.home_conditions`), a definition, a level
        /// (`child_in_need`), an enumeration value, or an event kind; the checker decides.
        case name([String])
        /// A name with a bracketed qualifier list: `concern[home_conditions]`,
        /// `plan_ended[child_protection]`, `domains[physical_care]`.
        case qualified([String], qualifiers: [Located<String>])
        /// `not x`.
        case not(RuleExpression)
        /// `a op b` for a comparison (`==`, `<` …), which does not chain.
        case binary(BinaryOperator, RuleExpression, RuleExpression)
        /// `a op b op c …`: a chain of the left-associative operators of one precedence (`or`;
        /// `and`; `+ -`; `* /`), kept flat however long it is, so that no pass over an expression
        /// recurses along it. `a - b + c` is `(a - b) + c`.
        case chain(RuleExpression, [ChainLink])
        /// `x in [a, b]`, or `x not in [a, b]` when `negated`.
        case membership(RuleExpression, [RuleExpression], negated: Bool)
        /// `[a, b]`.
        case list([RuleExpression])
        /// `count(…)`, `since(…)`, `known(…)`: a call to one of the DSL's functions.
        case call(Located<String>, [CallArgument])
    }

    /// What the expression is.
    public var kind: Kind
    /// Where it was written.
    public var range: SourceRange

    /// Creates an expression.
    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    /// How many operands (names, literals, calls) the expression has, counted with an explicit
    /// stack rather than recursion.
    public var termCount: Int {
        var count = 0
        var stack = [self]
        stack.reserveCapacity(16)
        while let next = stack.popLast() {
            switch next.kind {
            case .boolean, .integer, .number, .string, .date, .duration, .name, .qualified: count += 1
            case .not(let inner): stack.append(inner)
            case .binary(_, let left, let right):
                stack.append(left)
                stack.append(right)
            case .chain(let first, let links):
                stack.append(first)
                for link in links { stack.append(link.operand) }
            case .membership(let value, let items, _): stack.append(value); stack += items
            case .list(let items): stack += items
            case .call(_, let arguments):
                count += 1
                for argument in arguments {
                    stack.append(argument.value)
                    if let filter = argument.filter { stack.append(filter) }
                    if let window = argument.window { stack.append(window) }
                    if let since = argument.since { stack.append(since) }
                }
            }
        }
        return count
    }

    /// Compares the values only; where they were written does not count.
    public static func == (lhs: RuleExpression, rhs: RuleExpression) -> Bool { lhs.kind == rhs.kind }
    /// Hashes the value only, consistently with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(kind) }
}

/// A binary operator, from lowest to highest precedence: `or`; `and`; comparisons; `+ -`; `* /`.
public enum BinaryOperator: String, Sendable, Hashable, CaseIterable {
    case or, and
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case add = "+", subtract = "-", multiply = "*", divide = "/"

    /// Whether this operator compares its operands.
    public var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: true
        default: false
        }
    }
}

/// One link of a ``RuleExpression/Kind/chain(_:_:)``: an operator and the operand after it.
public struct ChainLink: Sendable, Hashable {
    /// The operator before the operand.
    public var op: BinaryOperator
    /// The operand.
    public var operand: RuleExpression

    /// Creates a link.
    public init(_ op: BinaryOperator, _ operand: RuleExpression) {
        self.op = op
        self.operand = operand
    }
}

/// One argument of a function call: a value, optionally filtered (`where grade >= 4`) and
/// windowed (`in last 6 months`).
public struct CallArgument: Sendable, Hashable {
    /// The argument itself, e.g. `concern[home_conditions]` or `domains`.
    public var value: RuleExpression
    /// The `where` condition, evaluated for each element (`grade >= 4`).
    public var filter: RuleExpression?
    /// The `in last` window, a duration expression.
    public var window: RuleExpression?
    /// The `since` event stream: only events after its latest one count
    /// (`first(no_access since child_seen)`).
    public var since: RuleExpression? = nil
    /// A window of contacts instead of time: `in last 4 visits`.
    public var lastVisits: Located<Int>? = nil

    /// Creates an argument.
    public init(value: RuleExpression, filter: RuleExpression? = nil, window: RuleExpression? = nil) {
        self.value = value
        self.filter = filter
        self.window = window
    }

    /// The range from the value to the end of the window or filter.
    public var range: SourceRange {
        var range = value.range
        if let filter { range = range.union(filter.range) }
        if let window { range = range.union(window.range) }
        if let since { range = range.union(since.range) }
        if let lastVisits { range = range.union(lastVisits.range) }
        return range
    }
}

extension BinaryOperator {
    /// The operator that says the same with its operands swapped: `k < x` is `x > k`.
    var mirrored: BinaryOperator {
        switch self {
        case .less: .greater
        case .lessOrEqual: .greaterOrEqual
        case .greater: .less
        case .greaterOrEqual: .lessOrEqual
        default: self
        }
    }
}
