/// A position in a source file.
///
/// Units, fixed at the YAML boundary and used everywhere after it:
/// - `line` is 1-based;
/// - `column` is 1-based and counts **Unicode scalars** from the start of the line (as libyaml does),
///   so a line holding `é` before an error reports the error one column after the `é`;
/// - `offset` is the 0-based **UTF-8 byte** offset from the start of the file.
public struct SourceLocation: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The 1-based line number.
    public var line: Int
    /// The 1-based column, in Unicode scalars from the start of the line.
    public var column: Int
    /// The 0-based UTF-8 byte offset from the start of the file.
    public var offset: Int

    /// Creates a location from its three coordinates.
    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    /// The start of a file.
    public static let start = SourceLocation(line: 1, column: 1, offset: 0)

    /// Earlier in the file first.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column, lhs.offset) < (rhs.line, rhs.column, rhs.offset)
    }

    /// `line:column`, as compilers print it.
    public var description: String { "\(line):\(column)" }
}

/// A half-open span of source text, from `start` up to (not including) `end`.
public struct SourceRange: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The first position in the span.
    public var start: SourceLocation
    /// The position just after the span.
    public var end: SourceLocation

    /// Creates a range between two locations.
    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = max(start, end)
    }

    /// An empty range at one location.
    public init(at location: SourceLocation) {
        self.start = location
        self.end = location
    }

    /// `line:column-line:column`.
    public var description: String { "\(start)-\(end)" }

    /// The smallest range covering both ranges.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(start: min(start, other.start), end: max(end, other.end))
    }
}
