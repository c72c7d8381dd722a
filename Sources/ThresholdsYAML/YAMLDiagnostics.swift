package import ThresholdsDiagnostics

/// The YAML layer's diagnostic catalog, sorted by identifier.
package enum YAMLDiagnostics {
    package static func aliasBudgetExceeded(_ limit: Int) -> DiagnosticMessage {
        .init("yaml.alias-budget", .error,
              "aliases expand this document beyond \(limit) nodes; is this an alias bomb? Write the content out, or use fewer aliases")
    }
    package static let binaryFile = DiagnosticMessage(
        "yaml.binary-file", .error, "this file contains NUL bytes and looks binary, not YAML text")
    package static func duplicateKey(_ key: String) -> DiagnosticMessage {
        .init("yaml.duplicate-key", .error, "duplicate key '\(key)' in a mapping; later keys would silently replace earlier ones")
    }
    package static let emptyFile = DiagnosticMessage(
        "yaml.empty", .error, "this file holds no YAML document")
    package static func fileTooLarge(_ limit: Int) -> DiagnosticMessage {
        .init("yaml.file-too-large", .error, "this file is larger than the limit of \(limit) bytes")
    }
    package static let invalidUTF8 = DiagnosticMessage(
        "yaml.invalid-utf8", .error, "invalid UTF-8 byte sequence; save the file as UTF-8")
    package static let multipleDocuments = DiagnosticMessage(
        "yaml.multiple-documents", .error, "this file holds more than one YAML document; put each document in its own file")
    package static func nestingTooDeep(_ limit: Int) -> DiagnosticMessage {
        .init("yaml.nesting-too-deep", .error, "lists and mappings are nested more than \(limit) levels deep")
    }
    package static func syntax(_ problem: String) -> DiagnosticMessage {
        .init("yaml.syntax", .error, problem)
    }
    package static func tooManyNodes(_ limit: Int) -> DiagnosticMessage {
        .init("yaml.too-many-nodes", .error, "this document has more than \(limit) nodes; split it into smaller files")
    }
    package static func undefinedAlias(_ name: String) -> DiagnosticMessage {
        .init("yaml.undefined-alias", .error, "alias '*\(name)' refers to no anchor defined before it")
    }
    package static func unreadable(_ reason: String) -> DiagnosticMessage {
        .init("io.unreadable", .error, "cannot read this file: \(reason)")
    }
    package static func unsupportedTag(_ tag: String) -> DiagnosticMessage {
        .init("yaml.unsupported-tag", .error, "tag '\(tag)' is not in YAML's core schema; remove it")
    }
}
