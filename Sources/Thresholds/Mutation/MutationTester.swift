public import ThresholdsDiagnostics

/// What mutation testing found: how many of a document's mutants the fixtures notice, and
/// every one they do not.
public struct MutationReport: Sendable {
    /// One mutant no fixture notices.
    public struct Survivor: Sendable {
        /// The file and place of the change.
        public var file: String
        /// Where the change is.
        public var range: SourceRange
        /// The rule or definition it is in.
        public var owner: String
        /// What was there.
        public var original: String
        /// What it was changed to; empty when it was dropped.
        public var replacement: String
    }

    /// Mutants the fixtures were run against (mutants that do not check are not counted).
    public var mutants = 0
    /// Mutants some fixture noticed (a case's outcome differed from its expectation).
    public var killed = 0
    /// Mutants that no longer check (a changed comparison the checker rejects): not counted.
    public var invalid = 0
    /// The mutants no fixture noticed, in document order.
    public var survivors: [Survivor] = []

    /// Killed mutants as a fraction of those run, 0 to 1; 1 when there were none.
    public var score: Double { mutants == 0 ? 1 : Double(killed) / Double(mutants) }

    /// The report for people: every survivor at its place, then the score.
    public var text: String {
        var lines = survivors.map { survivor -> String in
            "\(survivor.file):\(survivor.range.start.line):\(survivor.range.start.column): no fixture notices if "
                + "`\(survivor.original)` is " + (survivor.replacement.isEmpty ? "dropped" : "changed to `\(survivor.replacement)`")
                + " (\(survivor.owner))"
        }
        let percent = (score * 1000).rounded() / 10
        lines.append("mutation score: \(killed) of \(mutants) mutants killed (\(RuleExpression.format(percent))%)"
                     + (invalid > 0 ? "; \(invalid) mutants that do not check were not run" : ""))
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Mutation testing of fixture suites (`thresholds test --mutate`): each mutant of each
/// document the suites target is checked, compiled and run against every case of every suite
/// that targets the document; a mutant is killed when some case's outcome no longer matches its
/// expectation. Mutants run in parallel on every core; the result does not depend on the order.
public struct MutationTester: Sendable {
    /// Creates a tester.
    public init() {}

    /// Runs every suite against every mutant of the document it targets.
    public func run(_ suites: [FixtureSuite]) -> MutationReport {
        var report = MutationReport()
        var order: [String] = []
        var byDocument: [String: [FixtureSuite]] = [:]
        for suite in suites {
            let key = suite.document.file
            if byDocument[key] == nil { order.append(key) }
            byDocument[key, default: []].append(suite)
        }
        for key in order {
            guard let group = byDocument[key], let document = group.first?.document else { continue }
            let cases = group.flatMap { $0.cases.filter { $0.skip == nil } }
            let mutants = DocumentMutator.mutants(of: document)
            let outcomes = CaseloadRunner.inParallel(mutants) { mutant -> Bool? in
                guard let checked = CheckedDocument.check(mutant.document).checked else { return nil }
                let plan = checked.compile()
                return cases.contains { fixture in !fixture.expectation.mismatches(plan.evaluate(fixture.facts, asOf: fixture.asOf)).isEmpty }
            }
            for (mutant, killed) in zip(mutants, outcomes) {
                guard let killed else {
                    report.invalid += 1
                    continue
                }
                report.mutants += 1
                if killed {
                    report.killed += 1
                } else {
                    report.survivors.append(MutationReport.Survivor(file: mutant.file, range: mutant.range, owner: mutant.owner,
                                                                    original: mutant.original, replacement: mutant.replacement))
                }
            }
        }
        return report
    }
}
