public import ThresholdsDiagnostics

/// A threshold document the checker found free of errors: the only input an
/// ``EvaluationPlan`` compiles.
///
/// The stages are types: YAML text → ``ThresholdDocument`` (parsed, unchecked) →
/// `CheckedDocument` → ``EvaluationPlan`` → ``Decision`` or ``Recommendation``. A parsed
/// document can hold anything the parser accepts (a rule naming an undeclared fact, a cycle of
/// definitions); only ``DocumentLoader`` and ``check(_:)`` make a checked one, so nothing
/// unchecked is ever evaluated.
public struct CheckedDocument: Sendable {
    /// The document as parsed.
    public let document: ThresholdDocument
    /// The checker's warnings (unused definitions, say): a checked document has no errors.
    public let warnings: [Diagnostic]

    init(_ document: ThresholdDocument, warnings: [Diagnostic]) {
        self.document = document
        self.warnings = warnings
    }

    /// Checks a document built in code: the checked document when it has no errors, and every
    /// diagnostic either way.
    public static func check(_ document: ThresholdDocument) -> (checked: CheckedDocument?, diagnostics: [Diagnostic]) {
        let diagnostics = Checker.check(document).sorted(by: Diagnostic.presentationOrder)
        return (diagnostics.containsErrors ? nil : CheckedDocument(document, warnings: diagnostics), diagnostics)
    }

    /// Compiles the document for evaluation.
    public func compile() -> EvaluationPlan {
        EvaluationPlan(self)
    }
}
