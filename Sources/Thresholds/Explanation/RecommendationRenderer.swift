public import Foundation
import ThresholdsDiagnostics

/// Renders a ``Recommendation`` for people (text, Markdown) and for tools (JSON). JSON has
/// sorted keys and no time stamps, so the same recommendation always gives the same bytes.
public enum RecommendationRenderer {
    /// JSON: `{"recommendations": [...], "schema_version": 1}`, snake_case keys, sorted (``OutputJSON``).
    /// - Throws: `EncodingError` if a value cannot be encoded (not expected).
    public static func json(_ recommendations: [Recommendation]) throws -> Data {
        try OutputJSON.encode(["recommendations": recommendations])
    }

    /// How many items of information needed are shown unless all are asked for.
    public static let informationShown = 10

    /// Plain text for a terminal.
    ///
    /// - Parameter allInformation: list every item of information needed, not only the
    ///   ``informationShown`` most consequential decisive ones.
    public static func text(_ recommendation: Recommendation, allInformation: Bool = false) -> String {
        render(recommendation, markdown: false, allInformation: allInformation)
    }

    /// Markdown, for a case record or a report.
    ///
    /// - Parameter allInformation: list every item of information needed.
    public static func markdown(_ recommendation: Recommendation, allInformation: Bool = false) -> String {
        render(recommendation, markdown: true, allInformation: allInformation)
    }

    private static func render(_ r: Recommendation, markdown: Bool, allInformation: Bool) -> String {
        var out: [String] = []
        func heading(_ text: String) { out.append(markdown ? "\n## \(text)\n" : "\n\(text)") }
        func item(_ text: String, depth: Int = 0) {
            out.append(String(repeating: "  ", count: depth) + (markdown ? "- " : "  ") + text)
        }
        let title = (r.sublevel.map { "\($0.label) (\(r.label))" } ?? r.label) + (r.provisional ? " — PROVISIONAL" : "")
        out.append(markdown ? "# \(title)\n" : title)
        var about = "Case \(r.caseID ?? "(no id)") as of \(r.asOf), under \(r.board): \(r.document) v\(r.documentVersion)"
            + " (effective \(r.effective))."
        if r.baseLevel != r.level { about += " Raised from \(r.baseLevel.rawValue) by a modifier." }
        out.append(about)
        if let guidance = r.sublevel?.guidance ?? r.guidance { out.append((markdown ? "\n" : "") + "Guidance: \(guidance)") }
        let raising = r.informationNeeded.filter { $0.effect == .raise && $0.decisive }
        let lowering = r.informationNeeded.filter { $0.effect == .lower }
        let together = r.informationNeeded.filter { $0.effect == .raise && !$0.decisive }
        if r.provisional {
            out.append((markdown ? "\n" : "") + "Provisional: " + RecommendationWording.provisionalReason(r))
        }
        if r.keptCurrentPlan == true {
            out.append((markdown ? "\n" : "") + RecommendationWording.keptCurrentPlan)
        }
        if !r.actions.isEmpty {
            heading(RecommendationWording.actionsHeading(r))
            for action in r.actions {
                var text = action.sentence
                if action.overdue == true { text = "OVERDUE " + text }
                if let due = action.due { text += ", due \(due)" }
                item("\(text) [\(action.rules.joined(separator: ", "))]")
                if let from = action.from { item("from \(from)", depth: 1) }
                if action.overdue == true, let event = action.completedBy {
                    item("no '\(event)' recorded since its time began to run", depth: 1)
                }
            }
        }
        if !r.procedures.isEmpty {
            heading(RecommendationWording.proceduresHeading)
            for rule in r.procedures {
                item("\(rule.id) \(rule.title)")
                if let because = rule.because { item("because: \(because)", depth: 1) }
                if let source = rule.source { item("source: \(source)", depth: 1) }
                if let file = rule.file { item("from: \(file)", depth: 1) }
                explain(rule.explanation, depth: 1, into: &out, markdown: markdown)
            }
        }
        if !r.firedRules.isEmpty {
            heading("Why: rules that fired")
        } else if r.keptCurrentPlan != true {
            heading(RecommendationWording.noRuleHeading(r))
        }
        for rule in r.firedRules {
            item("\(rule.id) \(rule.title) → \(rule.level.rawValue)\(rule.sublevel.map { "." + $0 } ?? "")\(rule.modifier ? " (modifier)" : "")")
            if let because = rule.because { item("because: \(because)", depth: 1) }
            if let source = rule.source { item("source: \(source)", depth: 1) }
            if let file = rule.file { item("from: \(file)", depth: 1) }
            if let old = rule.overrides {
                item("overrides: \(old.title) in \(old.file)\(old.source.map { " (\($0))" } ?? "")", depth: 1)
            }
            explain(rule.explanation, depth: 1, into: &out, markdown: markdown)
            if let exception = rule.exception {
                item(rule.exceptionUnconfirmed
                     ? "unless (NOT CONFIRMED: the rule fires until the exception is known to apply):"
                     : "unless (did not apply):", depth: 1)
                explain(exception, depth: 2, into: &out, markdown: markdown)
            }
        }
        if !r.nearMisses.isEmpty {
            heading(RecommendationWording.nearMissesHeading(r))
            for miss in r.nearMisses {
                item("\(miss.id) \(miss.title)\(miss.source.map { " (\($0))" } ?? "")")
                if let file = miss.file { item("from: \(file)", depth: 1) }
                for failure in miss.failed { item(failure, depth: 1) }
            }
        }
        let raisingLines = questions(raising)
        let shown = allInformation ? raisingLines : Array(raisingLines.prefix(informationShown))
        if !shown.isEmpty {
            heading(RecommendationWording.raisingHeading)
            for line in shown { item("\(line.text) — could lead to \(line.reach.rawValue) via \(line.rules)") }
        }
        if !lowering.isEmpty {
            heading(RecommendationWording.loweringHeading)
            for line in questions(lowering) {
                item("\(line.text) — if the exception applies, could fall to \(line.reach.rawValue) via \(line.rules)")
            }
        }
        let togetherLines = questions(together)
        if allInformation, !togetherLines.isEmpty {
            heading(RecommendationWording.togetherHeading)
            for line in togetherLines { item("\(line.text) — with others, could lead to \(line.reach.rawValue) via \(line.rules)") }
        }
        let hidden = (raisingLines.count - shown.count) + (allInformation ? 0 : togetherLines.count)
        if hidden > 0 {
            out.append((markdown ? "\n" : "") + "\(hidden) more unknown \(hidden == 1 ? "fact" : "facts") not listed: below the first \(informationShown), or deciding nothing without other unknowns (--all-information lists every one).")
        }
        if let changes = r.counterfactuals {
            heading(RecommendationWording.counterfactualsHeading(r))
            if changes.isEmpty { item(RecommendationWording.noCounterfactual(r)) }
            for change in changes { item(change.sentence + (change.isCliffEdge ? RecommendationWording.cliffEdge : "")) }
            out.append((markdown ? "\n" : "") + RecommendationWording.counterfactualsCaveat)
        }
        if let notice = r.notice { out.append((markdown ? "\n> " : "\n") + notice) }
        out.append((markdown ? "\n" : "") + "The engine recommends; practitioners decide.")
        return out.joined(separator: "\n") + "\n"
    }

    /// One line per question; the domain grades that reach the same level are one question,
    /// since one graded assessment answers them all.
    private static func questions(_ needs: [InformationNeeded]) -> [(text: String, reach: Level, rules: String)] {
        Question.grouping(needs).map { ("\($0.text) [\($0.facts.joined(separator: ", "))]", $0.couldReach, $0.rules.joined(separator: ", ")) }
    }

    private static func explain(_ explanation: Explanation, depth: Int, into out: inout [String], markdown: Bool) {
        let readings = explanation.readings.map { "\($0.name) = \($0.value)" }
        var line = "[\(explanation.result.rawValue)] \(explanation.condition)"
        if !readings.isEmpty { line += " — " + readings.joined(separator: ", ") }
        out.append(String(repeating: "  ", count: depth) + (markdown ? "- " : "  ") + line)
        for part in explanation.parts { explain(part, depth: depth + 1, into: &out, markdown: markdown) }
    }
}

/// One question to put to a practitioner, for one or more items of ``InformationNeeded``: the
/// domain grades that could lead to the same level are one question, since one graded
/// assessment answers them all.
public struct Question: Sendable, Hashable {
    /// The question, in words.
    public var text: String
    /// The facts its answer gives.
    public var facts: [String]
    /// The level the answer could lead to (or, for an exception, fall to).
    public var couldReach: Level
    /// The rules waiting on the answer.
    public var rules: [String]

    /// The questions for `needs`, in their order, with domain grades grouped.
    public static func grouping(_ needs: [InformationNeeded]) -> [Question] {
        var lines: [Question] = []
        var grouped: Set<Int> = []
        for (index, need) in needs.enumerated() where !grouped.contains(index) {
            guard need.fact.hasPrefix("domain.") else {
                lines.append(Question(text: need.question, facts: [need.fact], couldReach: need.couldReach, rules: need.rules))
                continue
            }
            let group = needs.indices.filter { needs[$0].fact.hasPrefix("domain.") && needs[$0].couldReach == need.couldReach }
            grouped.formUnion(group)
            let domains = group.map { needs[$0].fact.dropFirst("domain.".count).split(separator: "_").joined(separator: " ") }
            var rules: [String] = []
            for rule in group.flatMap({ needs[$0].rules }) where !rules.contains(rule) { rules.append(rule) }
            let text = group.count == 1
                ? need.question
                : "Grade the child's care at a current assessment (1 best to 5 worst) for: \(domains.joined(separator: ", "))"
            lines.append(Question(text: text, facts: group.map { needs[$0].fact },
                                  couldReach: need.couldReach, rules: rules.sorted()))
        }
        return lines
    }
}

extension RecommendedAction {
    /// The action in words, with its strength and time: `must: see child within 5 working days`.
    /// Its due date and whether it is overdue are apart (``due``, ``overdue``).
    public var sentence: String {
        var text = action.words(within: within)
        if let note = self.text { text = action == .routeTo ? "route to \(note)" : note }
        if let strength, !(strength == .consider && text.hasPrefix("consider")) {
            text = "\(strength.rawValue): " + text
        }
        return text
    }
}

extension ActionKind {
    /// The action in words with its time, as every renderer says it: `see child within 5 working
    /// days`, `see child within 24 hours` (for `see_child_within: 24 hours`).
    public func words(within: Duration? = nil) -> String {
        let words = rawValue.replacingOccurrences(of: "_", with: " ")
        guard let within else { return words }
        return words + (rawValue.hasSuffix("_within") ? " \(within)" : " within \(within)")
    }
}
