/// Which branches of the rules the fixtures exercised: every part of an `all`, `any`,
/// `at_least` or `not`, and every `unless`, each seen true and seen false. A branch is named by
/// its rule and its path: `NS-CP-04 when/at_least[2]`, `NS-CIN-02 unless`.
public struct BranchCoverage: Sendable {
    /// Each branch and the results seen for it, sorted by name.
    public let branches: [(name: String, seen: Set<Truth>)]

    /// Collects what the cases saw.
    init(results: [FixtureResult]) {
        var seen: [String: Set<Truth>] = [:]
        for result in results {
            for (name, truth) in result.branches { seen[name, default: []].insert(truth) }
        }
        branches = seen.keys.sorted().map { ($0, seen[$0] ?? []) }
    }

    /// Branches seen both true and false.
    public var covered: [String] {
        branches.filter { $0.seen.contains(.true) && $0.seen.contains(.false) }.map(\.name)
    }

    /// Branches never seen true, or never seen false, with what is missing.
    public var uncovered: [String] {
        branches.compactMap { branch in
            let missing = [Truth.true, .false].filter { !branch.seen.contains($0) }.map(\.rawValue)
            return missing.isEmpty ? nil : "\(branch.name) (never \(missing.joined(separator: " or ")))"
        }
    }

    /// The share of branches seen both true and false, 0–100.
    public var percentage: Double {
        branches.isEmpty ? 100 : Double(covered.count) / Double(branches.count) * 100
    }

    /// The branch outcomes of one case's rule traces.
    static func outcomes(_ traces: [EvaluationPlan.RuleTrace]) -> [String: Truth] {
        var outcomes: [String: Truth] = [:]
        func visit(_ explanation: Explanation, _ path: String, _ rule: String) {
            guard !explanation.parts.isEmpty else { return }
            let kind = explanation.condition == "all of" ? "all" : explanation.condition == "any of" ? "any"
                : explanation.condition == "not" ? "not" : "at_least"
            for (index, part) in explanation.parts.enumerated() {
                let child = "\(path)/\(kind)[\(index)]"
                outcomes["\(rule) \(child)"] = part.result
                visit(part, child, rule)
            }
        }
        for trace in traces {
            visit(trace.when, "when", trace.id)
            if let unless = trace.unless {
                outcomes["\(trace.id) unless"] = unless.result
                visit(unless, "unless", trace.id)
            }
        }
        return outcomes
    }
}
