package import ThresholdsDiagnostics

/// The checker's diagnostic catalog (`check.*`), sorted by identifier.
package enum CheckerDiagnostics {
    package static func definitionCycle(_ chain: [String]) -> DiagnosticMessage {
        .init("check.definition-cycle", .error, "definitions refer to each other in a cycle: \(chain.joined(separator: " -> "))")
    }
    package static func durationRounded(_ written: String, _ days: String) -> DiagnosticMessage {
        .init("check.duration-rounded", .warning,
              "case records date events by the day, without a time, so '\(written)' is rounded up to \(days); write the whole days meant")
    }
    package static func missingLevelLabel(_ level: String) -> DiagnosticMessage {
        .init("check.missing-level-label", .warning, "no label is given for level '\(level)' under 'levels'; results will show the engine's name")
    }
    package static let missingSource = DiagnosticMessage(
        "check.missing-source", .warning, "this rule has no 'source'; cite the section of the board's document it encodes")
    package static func notBoolean(_ found: ValueType) -> DiagnosticMessage {
        .init("check.not-boolean", .error, "a condition must be true or false, but this is \(found); compare it with something")
    }
    package static func shadowedName(_ name: String, _ what: String) -> DiagnosticMessage {
        .init("check.shadowed-name", .error, "'\(name)' is already \(what) in the standard vocabulary; choose another name")
    }
    package static func takesNoQualifiers(_ owner: String, declaredByBoard: Bool) -> DiagnosticMessage {
        .init("check.unknown-qualifier", .error, declaredByBoard
              ? "'\(owner)' is an event kind the board declares, and board event kinds take no qualifiers in brackets; count '\(owner)' itself, or declare a kind of its own for each variant (e.g. '\(owner)_unannounced')"
              : "'\(owner)' takes no qualifiers in brackets")
    }
    package static func typeMismatch(_ detail: String) -> DiagnosticMessage {
        .init("check.type-mismatch", .error, detail)
    }
    package static func unknownEnumValue(_ value: String, _ values: [String]) -> DiagnosticMessage {
        .init("check.unknown-enum-value", .error, "'\(value)' is not one of \(values.joined(separator: ", "))")
    }
    package static func unknownFunction(_ name: String) -> DiagnosticMessage {
        .init("check.unknown-function", .error, "unknown function '\(name)'")
    }
    package static func unknownName(_ name: String) -> DiagnosticMessage {
        .init("check.unknown-name", .error, "unknown name '\(name)'; it is not a fact, definition, level or event")
    }
    package static func unknownQualifier(_ name: String, _ owner: String) -> DiagnosticMessage {
        .init("check.unknown-qualifier", .error, "'\(name)' cannot qualify '\(owner)'")
    }
    package static func unknownSublevel(_ name: String, _ level: String, declared: Bool) -> DiagnosticMessage {
        .init("check.unknown-sublevel", .error, declared
              ? "'\(name)' is not one of the sub-levels declared for '\(level)' under 'levels:'"
              : "'\(level)' has no sub-levels; declare '\(name)' under 'levels: \(level): sublevels:' first")
    }
    package static func unusedDefinition(_ name: String) -> DiagnosticMessage {
        .init("check.unused-definition", .warning, "definition '\(name)' is never used")
    }
    package static func unusedTable(_ name: String) -> DiagnosticMessage {
        .init("check.unused-table", .warning, "table '\(name)' is declared but never used")
    }
    package static func unusedFact(_ name: String) -> DiagnosticMessage {
        .init("check.unused-fact", .warning, "fact '\(name)' is declared but never used")
    }
    package static func wrongArguments(_ detail: String) -> DiagnosticMessage {
        .init("check.wrong-arguments", .error, detail)
    }
}
