public import ThresholdsDiagnostics

/// A rule's `when` or `unless`: YAML structure (`all`, `any`, `not`, `at_least`) whose leaves are
/// expression strings. Equality ignores ranges.
public struct Condition: Sendable, Hashable {
    /// What the condition is.
    public indirect enum Kind: Sendable, Hashable {
        /// A leaf: one expression string.
        case expression(RuleExpression)
        /// True when every part is true (false when any part is false; otherwise unknown).
        case all([Condition])
        /// True when any part is true (false when every part is false; otherwise unknown).
        case any([Condition])
        /// The negation of its part.
        case not(Condition)
        /// True when at least `count` parts are true ("two or more of the following").
        case atLeast(Int, [Condition])
    }

    /// What the condition is.
    public var kind: Kind
    /// Where it was written.
    public var range: SourceRange

    /// Creates a condition.
    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    /// Compares the values only; where they were written does not count.
    public static func == (lhs: Condition, rhs: Condition) -> Bool { lhs.kind == rhs.kind }
    /// Hashes the value only, consistently with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(kind) }

    /// Whether "at least `count` of `parts` conditions" can be written: at least one part, and a
    /// count from 1 to the number of parts. The parser and the checker both hold documents to it.
    static func validAtLeast(_ count: Int, of parts: Int) -> Bool {
        parts > 0 && (1 ... parts).contains(count)
    }

    /// Every expression leaf, depth first, in document order.
    public var expressions: [RuleExpression] {
        switch kind {
        case .expression(let expression): [expression]
        case .all(let parts), .any(let parts), .atLeast(_, let parts): parts.flatMap(\.expressions)
        case .not(let part): part.expressions
        }
    }
}
