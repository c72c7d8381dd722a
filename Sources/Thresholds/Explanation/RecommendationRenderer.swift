public import Foundation

/// Renders a ``Recommendation`` for people (text, Markdown) and for tools (JSON). JSON has
/// sorted keys and no time stamps, so the same recommendation always gives the same bytes.
public enum RecommendationRenderer {
    /// JSON with sorted keys.
    /// - Throws: `EncodingError` if a value cannot be encoded (not expected).
    public static func json(_ recommendations: [Recommendation]) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(recommendations)
    }

    /// Plain text for a terminal.
    public static func text(_ recommendation: Recommendation) -> String {
        render(recommendation, markdown: false)
    }

    /// Markdown, for a case record or a report.
    public static func markdown(_ recommendation: Recommendation) -> String {
        render(recommendation, markdown: true)
    }

    private static func render(_ r: Recommendation, markdown: Bool) -> String {
        var out: [String] = []
        func heading(_ text: String) { out.append(markdown ? "\n## \(text)\n" : "\n\(text)") }
        func item(_ text: String, depth: Int = 0) {
            out.append(String(repeating: "  ", count: depth) + (markdown ? "- " : "  ") + text)
        }
        let title = "\(r.label)\(r.provisional ? " — PROVISIONAL" : "")"
        out.append(markdown ? "# \(title)\n" : title)
        var about = "Case \(r.caseID ?? "(no id)") as of \(r.asOf), under \(r.board): \(r.document) v\(r.documentVersion)"
            + " (effective \(r.effective))."
        if r.baseLevel != r.level { about += " Raised from \(r.baseLevel.rawValue) by a modifier." }
        out.append(about)
        if let guidance = r.guidance { out.append((markdown ? "\n" : "") + "Guidance: \(guidance)") }
        if r.provisional {
            out.append((markdown ? "\n" : "") + "Provisional: rules that could raise the level wait on the information below.")
        }
        if !r.actions.isEmpty {
            heading("Actions")
            for action in r.actions {
                var text = action.action.rawValue.replacingOccurrences(of: "_", with: " ")
                if let within = action.within, action.action == .strategyDiscussion { text += " within \(within)" } else if let within = action.within { text += " \(within)" }
                if let note = action.text { text = note }
                item("\(text) [\(action.rules.joined(separator: ", "))]")
            }
        }
        heading(r.firedRules.isEmpty ? "No rule fired" : "Why: rules that fired")
        for rule in r.firedRules {
            item("\(rule.id) \(rule.title) → \(rule.level.rawValue)\(rule.modifier ? " (modifier)" : "")")
            if let because = rule.because { item("because: \(because)", depth: 1) }
            if let source = rule.source { item("source: \(source)", depth: 1) }
            explain(rule.explanation, depth: 1, into: &out, markdown: markdown)
            if let exception = rule.exception {
                item("unless (did not apply):", depth: 1)
                explain(exception, depth: 2, into: &out, markdown: markdown)
            }
        }
        if !r.nearMisses.isEmpty {
            heading("Why not \(r.nearMisses.first.map { $0.level.rawValue } ?? "higher"): rules of the next level up that did not fire")
            for miss in r.nearMisses {
                item("\(miss.id) \(miss.title)\(miss.source.map { " (\($0))" } ?? "")")
                for failure in miss.failed { item(failure, depth: 1) }
            }
        }
        if !r.informationNeeded.isEmpty {
            heading("Information needed (most consequential first)")
            for need in r.informationNeeded {
                let what = need.question.map { "\($0) [\(need.fact)]" } ?? need.fact
                item("\(what) — could lead to \(need.couldReach.rawValue) via \(need.rules.joined(separator: ", "))")
            }
        }
        if let notice = r.notice { out.append((markdown ? "\n> " : "\n") + notice) }
        out.append((markdown ? "\n" : "") + "The engine recommends; practitioners decide.")
        return out.joined(separator: "\n") + "\n"
    }

    private static func explain(_ explanation: Explanation, depth: Int, into out: inout [String], markdown: Bool) {
        let readings = explanation.readings.map { "\($0.name) = \($0.value)" }
        var line = "[\(explanation.result.rawValue)] \(explanation.condition)"
        if !readings.isEmpty { line += " — " + readings.joined(separator: ", ") }
        out.append(String(repeating: "  ", count: depth) + (markdown ? "- " : "  ") + line)
        for part in explanation.parts { explain(part, depth: depth + 1, into: &out, markdown: markdown) }
    }
}
