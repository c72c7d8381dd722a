import ThresholdsDiagnostics

/// The composition stage's diagnostic catalog (`imports:`, `extends:`, `override:`, `remove:`),
/// sorted by identifier.
enum CompositionDiagnostics {
    static func cycle(_ files: [String]) -> DiagnosticMessage {
        .init("compose.cycle", .error,
              "these files import or extend each other in a cycle: \(files.map { "'\($0)'" }.joined(separator: " → ")); a vocabulary or baseline cannot include itself")
    }
    static func duplicateDeclaration(_ name: String, _ first: String, _ second: String) -> DiagnosticMessage {
        .init("compose.duplicate-declaration", .error,
              "'\(name)' is declared both in '\(first)' and in '\(second)'; declare it in one shared vocabulary that both use")
    }
    static func extendedVocabulary(_ path: String) -> DiagnosticMessage {
        .init("compose.extends-vocabulary", .error,
              "'\(path)' is a vocabulary, not a threshold document; import it with 'imports:', and extend only a baseline document")
    }
    static func importedDocument(_ path: String) -> DiagnosticMessage {
        .init("compose.import-not-vocabulary", .error,
              "'\(path)' is a threshold document with rules, not a vocabulary; use 'extends:' to build on a baseline document")
    }
    static func missingFile(_ written: String, _ resolved: String) -> DiagnosticMessage {
        .init("compose.missing-file", .error, "there is no file '\(written)' (looked for '\(resolved)')")
    }
    static func outsideRoot(_ written: String, _ why: String) -> DiagnosticMessage {
        .init("compose.outside-root", .error, "'\(written)' is outside the rules root, so it is not read: \(why)")
    }
    static func overrideAndRemove(_ id: String) -> DiagnosticMessage {
        .init("compose.override-and-remove", .error,
              "rule '\(id)' is both removed and overridden; keep one: 'override:' to replace it, 'remove:' to drop it")
    }
    static func shadowedDeclaration(_ name: String, _ other: String) -> DiagnosticMessage {
        .init("compose.shadowed-declaration", .error,
              "'\(name)' is already declared in '\(other)'; declaring it again here would silently change what that file means")
    }
    static func shadowedRule(_ id: String, _ baseline: String) -> DiagnosticMessage {
        .init("compose.shadowed-rule", .error,
              "the baseline '\(baseline)' already has a rule '\(id)'; to replace it, move this rule under 'override:'")
    }
    static func tooDeep(_ limit: Int) -> DiagnosticMessage {
        .init("compose.too-deep", .error, "imports and baselines are nested more than \(limit) files deep; flatten the chain")
    }
    static func tooManyFiles(_ limit: Int) -> DiagnosticMessage {
        .init("compose.too-many-files", .error, "this document is composed from more than \(limit) files; share fewer, larger vocabularies")
    }
    static func unknownBaselineRule(_ id: String, _ baseline: String) -> DiagnosticMessage {
        .init("compose.unknown-rule", .error, "the baseline '\(baseline)' has no rule '\(id)' to override or remove")
    }
}
