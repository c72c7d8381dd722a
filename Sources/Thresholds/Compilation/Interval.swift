/// A value in a compiled plan's register: every value the fast path handles is a closed interval
/// of doubles. A known number, day count, date (its day number), level (its rank) or string (its
/// interned id) is a point; a number known only within bounds is a wider interval; an unknown
/// value is the whole line.
///
/// Truth is the interval's special case on {0, 1}: false is [0, 0], true [1, 1], unknown [0, 1].
/// Kleene's three-valued logic is then plain interval arithmetic: `and` is the minimum of the
/// bounds, `or` the maximum, `not x` is `1 - x`, and counting the true parts of a list sums the
/// lower bounds (parts certainly true) and the upper bounds (parts possibly true).
struct Interval: Sendable, Hashable {
    var lower: Double
    var upper: Double

    // Computed, not stored: a stored static is read through a lazy initialiser on every use.
    static var unknown: Interval { Interval(lower: -.infinity, upper: .infinity) }
    static var `false`: Interval { Interval(lower: 0, upper: 0) }
    static var `true`: Interval { Interval(lower: 1, upper: 1) }
    static var unknownTruth: Interval { Interval(lower: 0, upper: 1) }
    /// No value at all: a ratio whose divisor is known to be zero (`missed / offered` when none
    /// were offered). It is not unknown, since no answer could give it a value.
    static var undefined: Interval { Interval(lower: .infinity, upper: -.infinity) }

    /// Whether this is ``undefined``, the empty interval.
    var isUndefined: Bool { lower > upper }

    init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    init(_ value: Double) {
        self.init(lower: value, upper: value)
    }

    @inline(__always)
    init(_ truth: Truth) {
        switch truth {
        case .false: self.init(lower: 0, upper: 0)
        case .true: self.init(lower: 1, upper: 1)
        case .unknown: self.init(lower: 0, upper: 1)
        }
    }

    /// A point is known; a wider interval is not.
    var isKnown: Bool { lower == upper }

    /// The truth an interval on {0, 1} stands for.
    var truth: Truth { lower == upper ? (lower == 1 ? .true : .false) : .unknown }

    /// Compares two numeric intervals: true when every pair of values satisfies the operator,
    /// false when none does, unknown otherwise. Both evaluation paths use this one function.
    @inline(__always)
    static func compare(_ a: Interval, _ op: BinaryOperator, _ b: Interval) -> Truth {
        // There is no ratio of nothing to compare: `missed / offered >= 0.5` is false when none
        // were offered, and so is every other comparison with an undefined value.
        if a.lower > a.upper || b.lower > b.upper { return .false }
        return switch op {
        case .less: a.upper < b.lower ? .true : (a.lower >= b.upper ? .false : .unknown)
        case .lessOrEqual: a.upper <= b.lower ? .true : (a.lower > b.upper ? .false : .unknown)
        case .greater: a.lower > b.upper ? .true : (a.upper <= b.lower ? .false : .unknown)
        case .greaterOrEqual: a.lower >= b.upper ? .true : (a.upper < b.lower ? .false : .unknown)
        case .equal: a.isKnown && b.isKnown && a.lower == b.lower ? .true : (a.upper < b.lower || a.lower > b.upper ? .false : .unknown)
        case .notEqual: a.isKnown && b.isKnown && a.lower == b.lower ? .false : (a.upper < b.lower || a.lower > b.upper ? .true : .unknown)
        default: .unknown
        }
    }

    /// Interval arithmetic: ``undefined`` for division by a known zero (and for anything
    /// combined with an undefined value); `nil` (unknown) for division by a number that might be
    /// zero, and when a bound is not a number (`∞ - ∞`, `0 × ∞`).
    @inline(__always)
    static func arithmetic(_ op: BinaryOperator, _ a: Interval, _ b: Interval) -> Interval? {
        if a.isUndefined || b.isUndefined { return .undefined }
        let low: Double
        let high: Double
        switch op {
        case .add: (low, high) = (a.lower + b.lower, a.upper + b.upper)
        case .subtract: (low, high) = (a.lower - b.upper, a.upper - b.lower)
        case .multiply:
            let products = (a.lower * b.lower, a.lower * b.upper, a.upper * b.lower, a.upper * b.upper)
            guard !products.0.isNaN, !products.1.isNaN, !products.2.isNaN, !products.3.isNaN else { return nil }
            low = min(products.0, products.1, products.2, products.3)
            high = max(products.0, products.1, products.2, products.3)
        case .divide:
            if b.isKnown, b.lower == 0 { return .undefined }
            guard b.isKnown else { return nil }  // x / (possibly 0) is unknown
            (low, high) = (min(a.lower / b.lower, a.upper / b.lower), max(a.lower / b.lower, a.upper / b.lower))
        default: return nil
        }
        guard !low.isNaN, !high.isNaN else { return nil }
        return Interval(lower: low, upper: high)
    }
}
