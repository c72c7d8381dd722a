import Foundation
import Testing
@testable import Thresholds
import ThresholdsDiagnostics

/// Builds documents and cases from inline YAML for evaluation tests.
enum Fixture {
    static let root = Snapshot.directory().deletingLastPathComponent().deletingLastPathComponent()
    // A literal, real date: the unwrap cannot fail, and no input reaches it.
    static let asOf = LocalDate(year: 2026, month: 11, day: 1)!

    /// A small document: the given rules (and declarations) under a fixed header.
    static func document(_ body: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> CheckedDocument? {
        let text = """
            thresholds: 1
            board: Test
            title: T
            version: "1"
            effective: 2026-01-01
            levels:
              universal: { label: L1 }
              early_help: { label: L2 }
              child_in_need: { label: L3 }
              child_protection: { label: L4 }
              pre_proceedings: { label: L5 }

            """ + body
        let loaded = DocumentLoader().load(text: text, path: "test.yaml")
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "\(errors)", sourceLocation: sourceLocation)
        return loaded.checked
    }

    /// A case from YAML text.
    static func facts(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> CaseFacts {
        let loaded = CaseLoader().load(text: text, path: "case.yaml")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)", sourceLocation: sourceLocation)
        return loaded.facts ?? CaseFacts()
    }

    /// The example board.
    static let board: CheckedDocument? = DocumentLoader()
        .load(contentsOf: root.appendingPathComponent("Rules/northshire-neglect.yaml").path).checked

    /// One rule `R` at child_in_need whose condition is `when`.
    static func single(_ when: String, declarations: String = "") -> CheckedDocument? {
        document(declarations + "rules:\n  - { id: R, title: t, level: child_in_need, source: s, when: \"\(when)\" }\n")
    }

    static func evaluate(_ document: CheckedDocument?, _ facts: CaseFacts, asOf: LocalDate = asOf) -> Recommendation? {
        document.map { $0.compile().evaluate(facts, asOf: asOf) }
    }
}
