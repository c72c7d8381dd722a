/// The type of an expression, as the checker infers it.
public indirect enum ValueType: Sendable, Hashable, CustomStringConvertible {
    case boolean, integer, number, grade, level, date, duration, string
    /// One of a fixed set of names, e.g. a consent status.
    case enumeration([String])
    /// One of a fixed set of names in order, lowest first: a board's scale, which orders.
    case scale([String])
    /// A list of values.
    case list(ValueType)
    /// A stream of chronology events (an argument of `count` and `since`).
    case events
    /// A set of neglect domains (an argument of `count`, `any`, `all`, `max`, `min`).
    case domains
    /// A type that could not be worked out because of an error already reported.
    case error

    /// How the type is named in messages.
    public var description: String {
        switch self {
        case .boolean: "a boolean"
        case .integer: "a whole number"
        case .number: "a number"
        case .grade: "a grade"
        case .level: "a level"
        case .date: "a date"
        case .duration: "a duration"
        case .string: "a string"
        case .enumeration(let values): "one of \(values.joined(separator: ", "))"
        case .scale(let values): "one of \(values.joined(separator: " < "))"
        case .list(let element): "a list of \(element.description.dropFirst(2))"
        case .events: "a stream of events"
        case .domains: "a set of domains"
        case .error: "an invalid value"
        }
    }

    /// Whether values of this type are numbers (whole numbers, numbers and grades mix freely).
    public var isNumeric: Bool {
        switch self {
        case .integer, .number, .grade: true
        default: false
        }
    }

    /// The values of an enumeration or a scale.
    var enumerationValues: [String]? {
        switch self {
        case .enumeration(let values), .scale(let values): values
        default: nil
        }
    }

    /// The type of a table's column.
    init(_ column: LookupTable.ColumnType) {
        switch column {
        case .integer: self = .integer
        case .number: self = .number
        case .duration: self = .duration
        case .boolean: self = .boolean
        case .grade: self = .grade
        }
    }

    /// The type of a declared board fact.
    init(_ type: FactType) {
        switch type {
        case .boolean: self = .boolean
        case .integer: self = .integer
        case .number: self = .number
        case .grade: self = .grade
        case .level: self = .level
        case .date: self = .date
        case .duration: self = .duration
        case .string: self = .string
        case .enumeration(let values): self = .enumeration(values)
        case .scale(let values): self = .scale(values)
        }
    }
}
