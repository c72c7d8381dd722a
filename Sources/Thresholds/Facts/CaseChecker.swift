public import ThresholdsDiagnostics

/// Checks a loaded case against a document: every board fact it gives must be declared, with a
/// value of the declared type, and every event kind must be standard or declared.
public enum CaseChecker {
    /// The problems found, each at its place in the case file.
    /// - Parameters:
    ///   - loaded: the case, as ``CaseLoader`` returned it.
    ///   - document: the document it will be evaluated against.
    public static func check(_ loaded: LoadedCase, against document: ThresholdDocument) -> [Diagnostic] {
        guard let facts = loaded.partialFacts else { return [] }
        var diagnostics: [Diagnostic] = []
        let file = loaded.source.path
        let declared = Dictionary(document.facts.map { ($0.name.value, $0) }, uniquingKeysWith: { first, _ in first })
        for (name, value) in (facts.facts ?? [:]).sorted(by: { $0.key < $1.key }) {
            let range = loaded.ranges["facts.\(name)"] ?? SourceRange(at: .start)
            guard let declaration = declared[name] else {
                diagnostics.append(Suggestion.diagnostic(
                    DiagnosticMessage("case.unknown-fact", .error, "fact '\(name)' is not declared by the document '\(document.title)'"),
                    name: name, candidates: declared.keys.sorted(), file: file, range: range))
                continue
            }
            if let problem = mismatch(declaration.type, value) {
                diagnostics.append(Diagnostic(
                    DiagnosticMessage("case.fact-type", .error, "fact '\(name)' must be \(problem)"), file: file, range: range))
            }
        }
        let kinds = Vocabulary.events.map(\.name) + document.events.map(\.name.value)
        for (index, event) in (facts.events ?? []).enumerated() where !kinds.contains(event.kind) {
            let range = loaded.ranges["events.\(index).kind"] ?? SourceRange(at: .start)
            diagnostics.append(Suggestion.diagnostic(
                DiagnosticMessage("case.unknown-event", .error, "unknown event kind '\(event.kind)'"),
                name: event.kind, candidates: kinds.sorted(), file: file, range: range))
        }
        return diagnostics
    }

    /// What the value should have been, when it is not of the declared type.
    private static func mismatch(_ type: FactType, _ value: FactValue) -> String? {
        switch (type, value) {
        case (.boolean, .boolean), (.number, .number), (.date, .date), (.string, .string): return nil
        // JSON writes dates as strings; a quoted date is a date.
        case (.date, .string(let text)): return LocalDate(text) == nil ? "a date YYYY-MM-DD" : nil
        case (.integer, .number(let number)): return number.rounded() == number ? nil : "a whole number"
        case (.grade, .number(let number)): return [1, 2, 3, 4, 5].contains(number) ? nil : "a grade from 1 to 5"
        case (.duration, .string(let text)): return Duration(text) == nil ? "a duration such as '6 months'" : nil
        case (.level, .string(let text)): return Level(rawValue: text) == nil ? "a level" : nil
        case (.enumeration(let values), .string(let text)), (.scale(let values), .string(let text)):
            return values.contains(text) ? nil : "one of \(values.joined(separator: ", "))"
        default: return type.description == "enum" ? "one of its values" : "a \(type)"
        }
    }
}
