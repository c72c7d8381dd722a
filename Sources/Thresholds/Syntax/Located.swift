public import ThresholdsDiagnostics

/// A value with the source range it was read from. Equality ignores the range, so two ASTs
/// read from differently laid-out files compare equal when they mean the same.
public struct Located<Value: Sendable & Hashable>: Sendable, Hashable {
    /// The value.
    public var value: Value
    /// Where it was written.
    public var range: SourceRange

    /// Creates a located value.
    public init(_ value: Value, range: SourceRange) {
        self.value = value
        self.range = range
    }

    /// Compares the values only; where they were written does not count.
    public static func == (lhs: Located, rhs: Located) -> Bool { lhs.value == rhs.value }
    /// Hashes the value only, consistently with `==`.
    public func hash(into hasher: inout Hasher) { hasher.combine(value) }
}
