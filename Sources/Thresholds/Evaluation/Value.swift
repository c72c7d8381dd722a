/// A value during evaluation. Durations are day counts measured back from the as-of date;
/// numbers that are only known to lie between two bounds are ranges.
enum Value: Sendable, Equatable {
    case unknown
    case boolean(Bool)
    case number(Double)
    /// A number known only to lie in `lower...upper` (the upper bound may be infinite).
    case range(Double, Double)
    case level(Level)
    case date(LocalDate)
    case days(Int)
    case string(String)
    case list([Value])
    /// No value: a ratio whose divisor is known to be zero, or a table looked up below its first
    /// row. Every comparison with it is false.
    case undefined

    static func from(_ flag: Bool?) -> Value { flag.map { .boolean($0) } ?? .unknown }

    /// The truth of a boolean value; `nil` when unknown or not boolean.
    var truth: Bool? {
        if case .boolean(let flag) = self { return flag }
        return nil
    }

    var isKnown: Bool {
        switch self {
        case .unknown, .range: false
        case .list(let items): items.allSatisfy(\.isKnown)
        default: true
        }
    }

    /// Numeric bounds, for numbers, ranges and day counts.
    var interval: Interval? {
        switch self {
        case .number(let value): Interval(value)
        case .range(let lower, let upper): Interval(lower: lower, upper: upper)
        case .undefined: .undefined
        case .days(let days): Interval(Double(days))
        default: nil
        }
    }

    /// How the value is shown in explanations.
    var display: String {
        switch self {
        case .unknown: "unknown"
        case .boolean(let flag): String(flag)
        case .number(let value): RuleExpression.format(value)
        case .range(let lower, let upper):
            upper.isInfinite ? "at least \(RuleExpression.format(lower))" : "\(RuleExpression.format(lower))…\(RuleExpression.format(upper))"
        case .level(let level): level.rawValue
        case .date(let date): date.description
        case .days(let days): days >= CaseContext.never ? "never" : days == 1 ? "1 day" : "\(days) days"
        case .string(let text): text
        case .list(let items): "[" + items.map(\.display).joined(separator: ", ") + "]"
        case .undefined: "no value"
        }
    }
}
