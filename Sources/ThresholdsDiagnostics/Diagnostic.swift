/// How serious a diagnostic is.
public enum Severity: String, Sendable, Hashable, Codable, Comparable, CaseIterable {
    /// The input cannot be used as it is.
    case error
    /// The input can be used, but is probably not what its author meant.
    case warning

    /// Warnings order before errors.
    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// A stable identifier of a kind of diagnostic, written `domain.name` (for example
/// `yaml.duplicate-key`). Identifiers are API: tools may match on them. Message wording is not.
public struct DiagnosticID: RawRepresentable, Sendable, Hashable, Codable, Comparable,
    ExpressibleByStringLiteral, CustomStringConvertible
{
    /// The identifier, `domain.name`.
    public let rawValue: String

    /// Wraps a raw identifier.
    public init(rawValue: String) { self.rawValue = rawValue }

    /// Wraps a literal identifier.
    public init(stringLiteral value: String) { self.rawValue = value }

    /// The part before the first dot: `yaml`, `document`, `expression`, `check`, `io`.
    public var domain: Substring { rawValue.prefix { $0 != "." } }

    /// The identifier, as written.
    public var description: String { rawValue }

    /// Alphabetical by identifier.
    public static func < (lhs: DiagnosticID, rhs: DiagnosticID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Decodes an identifier from a string.
    /// - Throws: `DecodingError` when the value is not a string.
    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the value in its string form.
    /// - Throws: `EncodingError` from the encoder.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// What a diagnostic says, before it is placed in a file: one entry of a phase's catalog.
public struct DiagnosticMessage: Sendable, Hashable {
    /// The stable identifier.
    public let id: DiagnosticID
    /// How serious it is.
    public let severity: Severity
    /// The sentence shown to the author.
    public let text: String

    /// Creates a catalog entry.
    public init(_ id: DiagnosticID, _ severity: Severity, _ text: String) {
        self.id = id
        self.severity = severity
        self.text = text
    }
}

/// Extra information attached to a diagnostic, usually pointing at another place
/// (for example the first occurrence of a duplicated key).
public struct DiagnosticNote: Sendable, Hashable, Codable {
    /// What the note says.
    public var message: String
    /// The file it points into, when it points anywhere.
    public var file: String?
    /// The place it points at.
    public var range: SourceRange?

    /// Creates a note.
    public init(_ message: String, file: String? = nil, range: SourceRange? = nil) {
        self.message = message
        self.file = file
        self.range = range
    }
}

/// One replacement of source text.
public struct TextEdit: Sendable, Hashable, Codable {
    /// The text replaced; an empty range inserts.
    public var range: SourceRange
    /// What replaces it.
    public var replacement: String

    /// Creates an edit.
    public init(range: SourceRange, replacement: String) {
        self.range = range
        self.replacement = replacement
    }
}

/// A suggested fix: a description and at least one edit.
public struct FixIt: Sendable, Hashable, Codable {
    /// What the fix does, e.g. "replace 'tittle' with 'title'".
    public var message: String
    /// The edits; never empty.
    public var edits: [TextEdit]

    /// Creates a fix-it; returns `nil` when there is no edit, since a fix-it must change something.
    public init?(_ message: String, edits: [TextEdit]) {
        guard !edits.isEmpty else { return nil }
        self.message = message
        self.edits = edits
    }

    /// A fix-it that replaces one range.
    public static func replace(_ range: SourceRange, with replacement: String, _ message: String) -> FixIt {
        FixIt(message, edit: TextEdit(range: range, replacement: replacement))
    }

    private init(_ message: String, edit: TextEdit) {
        self.message = message
        self.edits = [edit]
    }
}

/// A problem found in an input file, with where it is, what is wrong and how to fix it.
public struct Diagnostic: Sendable, Hashable, Codable, Error, CustomStringConvertible {
    /// The stable identifier, e.g. `document.unknown-key`.
    public var id: DiagnosticID
    /// How serious it is.
    public var severity: Severity
    /// What is wrong, in one sentence.
    public var message: String
    /// The file, as the user named it.
    public var file: String
    /// Where in the file; `nil` for problems with the file as a whole (it cannot be read).
    public var range: SourceRange?
    /// Further explanation or related places.
    public var notes: [DiagnosticNote]
    /// Suggested fixes.
    public var fixIts: [FixIt]

    /// Creates a diagnostic from a catalog message.
    public init(
        _ message: DiagnosticMessage, file: String, range: SourceRange?,
        notes: [DiagnosticNote] = [], fixIts: [FixIt] = []
    ) {
        self.id = message.id
        self.severity = message.severity
        self.message = message.text
        self.file = file
        self.range = range
        self.notes = notes
        self.fixIts = fixIts
    }

    /// The one-line form: `path:line:col: error: message [id]`.
    public var description: String {
        var prefix = file
        if let range { prefix += ":\(range.start.line):\(range.start.column)" }
        return "\(prefix): \(severity.rawValue): \(message) [\(id)]"
    }

    /// The order diagnostics are shown in: by file, line, column, then id.
    public static func presentationOrder(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        let left = lhs.range?.start ?? SourceLocation(line: 0, column: 0, offset: 0)
        let right = rhs.range?.start ?? SourceLocation(line: 0, column: 0, offset: 0)
        if left != right { return left < right }
        if lhs.id != rhs.id { return lhs.id < rhs.id }
        return lhs.message < rhs.message
    }
}

extension Sequence where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }
}
