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
        /// `a op b`.
        case binary(BinaryOperator, RuleExpression, RuleExpression)
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

/// One argument of a function call: a value, optionally filtered (`where grade >= 4`) and
/// windowed (`in last 6 months`).
public struct CallArgument: Sendable, Hashable {
    /// The argument itself, e.g. `concern[home_conditions]` or `domains`.
    public var value: RuleExpression
    /// The `where` condition, evaluated for each element (`grade >= 4`).
    public var filter: RuleExpression?
    /// The `in last` window, a duration expression.
    public var window: RuleExpression?

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
        return range
    }
}
