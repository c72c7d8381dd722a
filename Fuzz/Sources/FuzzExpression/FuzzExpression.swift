import FuzzSupport
import Thresholds
import ThresholdsDiagnostics

/// A fixed case, rich enough for most expressions to read something known and something not.
private func fixedCase() -> CaseFacts {
    let text = """
        child: { date_of_birth: 2026-02-01, disabled: true }
        plans: [{ level: child_in_need, start: 2026-06-01 }]
        assessments:
          - { date: 2026-03-01, grades: { hygiene: 4, home_conditions: 4 } }
          - { date: 2026-09-01, grades: { hygiene: 3, home_conditions: 4, nutrition: 2 } }
        visits: [{ date: 2026-10-01, outcome: seen }, { date: 2026-10-20, by: health_visitor, outcome: no_answer }]
        compliance: { actions: [{ date: 2026-10-01, kept: false }] }
        events: [{ date: 2026-05-01, kind: concern, domains: [hygiene] }, { date: 2026-10-10, kind: referral }]
        facts: { housing: temporary, checked_on: 2026-04-01 }
        """
    return CaseLoader().load(text: text, path: "fixed-case.yaml").facts ?? CaseFacts()
}

nonisolated(unsafe) private var facts = CaseFacts()  // libFuzzer calls in one thread

/// A YAML double-quoted scalar holding exactly `text`: every character outside printable ASCII
/// is escaped, so the expression reaches the expression parser unchanged, whatever it holds.
private func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case " "..."~": out.unicodeScalars.append(scalar)
        default:
            let hex = String(scalar.value, radix: 16)
            out += scalar.value <= 0xFFFF ? "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                : "\\U" + String(repeating: "0", count: 8 - hex.count) + hex
        }
    }
    return out + "\""
}

/// libFuzzer's entry point for expressions: any bytes, as the `when:` of a rule (and of a
/// definition the rule uses, and as its `unless:`), are checked and, when the document has no
/// errors, evaluated against a fixed case and explained. Nothing may crash.
/// Loads the example board before the first input, so that the one-time allocations of the
/// shared board are not mistaken for a leak of the first input. (LeakSanitizer cannot follow the
/// pointers Swift keeps with enum tags in their spare bits, so objects held only by the global
/// board would otherwise be reported; every input's own allocations are still checked.)
@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    Repository.prepare()
    facts = fixedCase()
    Repository.releaseAtExit { facts = CaseFacts() }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let expression = quoted(String(decoding: bytes, as: UTF8.self))
    let text = """
        thresholds: 1
        board: Fuzz
        title: Expression
        version: "1"
        effective: 2026-01-01
        levels:
          early_help: { label: L2 }
          child_in_need: { label: L3 }
        facts:
          housing: { type: enum, values: [secure, temporary, none] }
          checked_on: date
          judged: { type: boolean, question: Is it so? }
        definitions:
          fuzzed: { when: \(expression) }
        rules:
          - { id: R1, title: t, level: child_in_need, source: s, when: \(expression) }
          - { id: R2, title: t, level: early_help, source: s, when: "fuzzed or judged", unless: \(expression) }
          - { id: R3, title: t, raise: 1, source: s, when: "fuzzed" }

        """
    let loaded = DocumentLoader().load(text: text, path: "fuzz.yaml")
    _ = DiagnosticRenderer().render(loaded.diagnostics, sources: [loaded.source.path: loaded.source])
    guard let checked = loaded.checked, !loaded.diagnostics.containsErrors else { return 0 }
    let plan = checked.compile()
    let recommendation = plan.evaluate(facts, asOf: Repository.asOf)
    Repository.crossCheck(plan, facts, asOf: Repository.asOf, recommendation)
    _ = RecommendationRenderer.text(recommendation, allInformation: true)
    _ = try? RecommendationRenderer.json([recommendation])
    return 0
}
