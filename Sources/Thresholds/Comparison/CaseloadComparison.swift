public import ThresholdsDiagnostics

/// Two versions of a board's document applied to the same caseload: the transition matrix (old
/// level × new level), and every case whose level, provisional status or actions changed, with
/// the rules that newly fire or stop firing and the facts behind them. How a board sees the
/// effect of a revision before publishing it.
public struct CaseloadComparison: Sendable, Codable {
    /// One document's identity.
    public struct Version: Sendable, Hashable, Codable {
        /// The board.
        public var board: String
        /// The document's title.
        public var title: String
        /// Its version.
        public var version: String
    }

    /// A case the revision changes.
    public struct ChangedCase: Sendable, Codable {
        /// The caseload line.
        public var line: Int
        /// The case's id, when it has one.
        public var caseID: String?
        /// The level under the old and the new document.
        public var oldLevel: Level
        /// The level under the new document.
        public var newLevel: Level
        /// The board's sub-level under each document, when one is reported.
        public var oldSublevel: String?
        /// The sub-level under the new document.
        public var newSublevel: String?
        /// Whether each result is provisional.
        public var oldProvisional: Bool
        /// Whether the new result is provisional.
        public var newProvisional: Bool
        /// Rules that fire under the new document and did not under the old, with what they read.
        public var newlyFired: [FiredRule]
        /// Rules that fired under the old document and do not under the new, with what they read.
        public var stoppedFiring: [FiredRule]
        /// Rules that fire under both but were revised (an override, a new title or source): the
        /// new version, with what it read.
        public var firedRevised: [FiredRule]
        /// Actions recommended only under the new document.
        public var actionsAdded: [ActionKind]
        /// Actions recommended only under the old one.
        public var actionsRemoved: [ActionKind]
    }

    /// The old document.
    public var old: Version
    /// The new document.
    public var new: Version
    /// Cases evaluated under both.
    public var cases = 0
    /// Lines that could not be evaluated (each reported with its diagnostics).
    public var rejected = 0
    /// `transitions[old.rank][new.rank]`: how many cases moved from one level to the other.
    public var transitions = [[Int]](repeating: [Int](repeating: 0, count: Level.allCases.count), count: Level.allCases.count)
    /// Every changed case, in caseload order.
    public var changed: [ChangedCase] = []

    /// Compares the two plans over the caseload's lines (JSON Lines, one case each), in batches
    /// over the cores; `rejected` is called with each line that is not a valid case for either
    /// document. Memory holds one batch and the changed cases.
    public static func compare(old: EvaluationPlan, new: EvaluationPlan, lines: some Sequence<String>, path: String,
                               asOf: LocalDate?, batchSize: Int = 512,
                               rejected report: ([Diagnostic]) -> Void = { _ in }) -> CaseloadComparison {
        func version(_ plan: EvaluationPlan) -> Version {
            Version(board: plan.document.board, title: plan.document.title, version: plan.document.version)
        }
        var comparison = CaseloadComparison(old: version(old), new: version(new))
        let reader = CaseloadRunner(plan: new, asOf: asOf)
        var batch: [(line: Int, text: String)] = []
        func flush() {
            let outcomes = CaseloadRunner.inParallel(batch) { item -> Swift.Result<(Recommendation, Recommendation), CaseloadRunner.Rejection> in
                reader.read(item.text, line: item.line, path: path, against: [old.document, new.document]).map {
                    (old.evaluate($0.facts, asOf: $0.asOf), new.evaluate($0.facts, asOf: $0.asOf))
                }
            }
            for (item, outcome) in zip(batch, outcomes) {
                switch outcome {
                case .success(let (before, after)): comparison.add(line: item.line, before, after)
                case .failure(let rejection):
                    comparison.rejected += 1
                    report(rejection.diagnostics)
                }
            }
            batch.removeAll(keepingCapacity: true)
        }
        for (index, text) in lines.enumerated() where !text.allSatisfy(\.isWhitespace) {
            batch.append((index + 1, text))
            if batch.count >= batchSize { flush() }
        }
        flush()
        return comparison
    }

    private mutating func add(line: Int, _ before: Recommendation, _ after: Recommendation) {
        cases += 1
        transitions[before.level.rank][after.level.rank] += 1
        let firedBefore = before.firedRules + before.procedures
        let firedAfter = after.firedRules + after.procedures
        let idsBefore = Set(firedBefore.map(\.id))
        let idsAfter = Set(firedAfter.map(\.id))
        let actionsBefore = Set(before.actions.map(\.action))
        let actionsAfter = Set(after.actions.map(\.action))
        guard before.level != after.level || before.sublevel?.name != after.sublevel?.name
            || before.provisional != after.provisional || actionsBefore != actionsAfter
        else { return }
        let order = Dictionary(uniqueKeysWithValues: ActionKind.allCases.enumerated().map { ($1, $0) })
        changed.append(ChangedCase(
            line: line, caseID: after.caseID, oldLevel: before.level, newLevel: after.level,
            oldSublevel: before.sublevel?.name, newSublevel: after.sublevel?.name,
            oldProvisional: before.provisional, newProvisional: after.provisional,
            newlyFired: firedAfter.filter { !idsBefore.contains($0.id) }, stoppedFiring: firedBefore.filter { !idsAfter.contains($0.id) },
            firedRevised: firedAfter.filter { rule in
                firedBefore.contains { $0.id == rule.id && ($0.title != rule.title || $0.source != rule.source || $0.level != rule.level
                                                             || $0.sublevel != rule.sublevel) }
            },
            actionsAdded: actionsAfter.subtracting(actionsBefore).sorted { order[$0, default: 0] < order[$1, default: 0] },
            actionsRemoved: actionsBefore.subtracting(actionsAfter).sorted { order[$0, default: 0] < order[$1, default: 0] }))
    }

    /// The comparison for people: the transition matrix, then each changed case with the rules
    /// that newly fire or stop firing and what they read.
    public var text: String {
        var out = ["Comparing \(old.title) v\(old.version) (\(old.board)) with \(new.title) v\(new.version) (\(new.board))",
                   "\(cases) cases evaluated under both, \(rejected) lines rejected, \(changed.count) changed", "",
                   "Transitions (rows: old level; columns: new level)"]
        let names = Level.allCases.map(\.rawValue)
        let width = (names.map(\.count).max() ?? 0) + 2
        func pad(_ text: String) -> String { text + String(repeating: " ", count: max(0, width - text.count)) }
        out.append(pad("") + names.map(pad).joined())
        for (row, name) in names.enumerated() {
            out.append(pad(name) + transitions[row].map { pad(String($0)) }.joined())
        }
        for change in changed {
            var heading = "line \(change.line)\(change.caseID.map { " (\($0))" } ?? ""): \(change.oldLevel.rawValue)"
            heading += (change.oldSublevel.map { ".\($0)" } ?? "") + (change.oldProvisional ? " (provisional)" : "")
            heading += " → \(change.newLevel.rawValue)" + (change.newSublevel.map { ".\($0)" } ?? "")
                + (change.newProvisional ? " (provisional)" : "")
            out += ["", heading]
            for rule in change.newlyFired {
                out.append("  now fires: \(rule.id) \(rule.title)\(rule.file.map { " [\($0)]" } ?? "")")
                out.append("    " + Self.summary(rule.explanation))
            }
            for rule in change.stoppedFiring {
                out.append("  no longer fires: \(rule.id) \(rule.title)\(rule.file.map { " [\($0)]" } ?? "")")
                out.append("    was: " + Self.summary(rule.explanation))
            }
            for rule in change.firedRevised {
                out.append("  fires as revised: \(rule.id) \(rule.title)\(rule.file.map { " [\($0)]" } ?? "")"
                           + (rule.overrides.map { " (overrides: \($0.title))" } ?? ""))
                out.append("    " + Self.summary(rule.explanation))
            }
            if !change.actionsAdded.isEmpty { out.append("  actions added: " + change.actionsAdded.map(\.rawValue).joined(separator: ", ")) }
            if !change.actionsRemoved.isEmpty { out.append("  actions removed: " + change.actionsRemoved.map(\.rawValue).joined(separator: ", ")) }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// A condition and the facts it read, on one line.
    private static func summary(_ explanation: Explanation) -> String {
        let readings = explanation.readings.map { "\($0.name) = \($0.value)" }
        return explanation.condition + (readings.isEmpty ? "" : " — " + readings.joined(separator: ", "))
    }
}
