public import ThresholdsDiagnostics
public import ThresholdsYAML

/// The outcome of loading a threshold document: its text, the checked document when it has no
/// errors, and every diagnostic from every stage (YAML, parser, checker) in presentation order.
public struct LoadedDocument: Sendable {
    /// The file's text, for rendering diagnostics with source excerpts.
    public let source: SourceText
    /// The document, present only when there are no errors (warnings are allowed).
    public var document: ThresholdDocument? { checked?.document }
    /// The same document as the checked stage, what ``EvaluationPlan`` compiles.
    public let checked: CheckedDocument?
    /// Every problem found, sorted by file, line, column and id.
    public let diagnostics: [Diagnostic]
}

/// Loads threshold documents: YAML → node tree → typed AST → checked document.
///
/// ```swift
/// let loaded = DocumentLoader().load(contentsOf: "Rules/northshire-neglect.yaml")
/// guard let checked = loaded.checked else { /* show loaded.diagnostics */ }
/// let plan = checked.compile()
/// ```
public struct DocumentLoader: Sendable {
    /// Limits on the YAML input.
    public var limits: YAMLLimits

    /// Creates a loader.
    public init(limits: YAMLLimits = .default) {
        self.limits = limits
    }

    /// Loads and checks a file.
    public func load(contentsOf path: String) -> LoadedDocument {
        finish(YAMLLoader(limits: limits).load(contentsOf: path))
    }

    /// Loads and checks YAML text held in memory; `path` names it in diagnostics.
    public func load(text: String, path: String) -> LoadedDocument {
        finish(YAMLLoader(limits: limits).load(text, path: path))
    }

    /// Loads and checks YAML bytes held in memory; `path` names them in diagnostics.
    public func load(bytes: [UInt8], path: String) -> LoadedDocument {
        finish(YAMLLoader(limits: limits).load(bytes, path: path))
    }

    private func finish(_ yaml: YAMLDocument) -> LoadedDocument {
        var diagnostics = yaml.diagnostics
        let (parsed, parseDiagnostics) = DocumentParser.parse(yaml)
        diagnostics += parseDiagnostics
        if let parsed { diagnostics += Checker.check(parsed, warnUnused: !parseDiagnostics.containsErrors) }
        diagnostics.sort(by: Diagnostic.presentationOrder)
        let checked = diagnostics.containsErrors ? nil : parsed.map { CheckedDocument($0, warnings: diagnostics) }
        return LoadedDocument(source: yaml.source, checked: checked, diagnostics: diagnostics)
    }
}
