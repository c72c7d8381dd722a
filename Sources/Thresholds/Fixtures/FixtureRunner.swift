/// Runs fixture suites: library API, so a Swift test suite can run a board's fixtures inside
/// `swift test` as well as `thresholds test` can.
///
/// ```swift
/// let loaded = FixtureLoader().load(contentsOf: "Examples/fixtures/northshire.yaml")
/// let report = FixtureRunner().run(try #require(loaded.suite))
/// #expect(report.failed == 0)
/// ```
public struct FixtureRunner: Sendable {
    /// Only cases whose name or a tag contains this text (case-insensitive) are run; the rest
    /// are not counted.
    public var filter: String?

    /// Creates a runner.
    public init(filter: String? = nil) {
        self.filter = filter
    }

    /// Runs every selected case of a suite.
    public func run(_ suite: FixtureSuite) -> FixtureReport {
        let plan = suite.checked.compile()
        var results: [FixtureResult] = []
        for fixture in suite.cases where selected(fixture) {
            if let reason = fixture.skip {
                results.append(FixtureResult(file: suite.file, name: fixture.name, status: .skipped, failures: [reason],
                                             recommendation: nil))
                continue
            }
            let (recommendation, traces) = plan.trace(fixture.facts, asOf: fixture.asOf)
            let failures = fixture.expectation.mismatches(recommendation)
            var result = FixtureResult(file: suite.file, name: fixture.name, status: failures.isEmpty ? .passed : .failed,
                                       failures: failures, recommendation: recommendation)
            result.reviewed = !fixture.expectation.unsafe.isEmpty || !fixture.expectation.acceptable.isEmpty
            result.alternative = fixture.expectation.isAlternative(recommendation)
            result.unsafe = fixture.expectation.unsafe.contains(recommendation.level)
            result.branches = BranchCoverage.outcomes(traces)
            results.append(result)
        }
        return FixtureReport(results: results, document: suite.document)
    }

    private func selected(_ fixture: FixtureCase) -> Bool {
        guard let filter = filter?.lowercased(), !filter.isEmpty else { return true }
        return fixture.name.lowercased().contains(filter) || fixture.tags.contains { $0.lowercased().contains(filter) }
    }
}

/// The outcome of one fixture case.
public struct FixtureResult: Sendable {
    /// How a case ended.
    public enum Status: String, Sendable, Codable {
        case passed, failed, skipped
    }

    /// The fixture file.
    public var file: String
    /// The case's name.
    public var name: String
    /// How it ended.
    public var status: Status
    /// For a failure, each expected-versus-actual difference; for a skip, the reason.
    public var failures: [String]
    /// The actual recommendation, when the case ran.
    public var recommendation: Recommendation?
    /// How each branch evaluated in this case (see ``BranchCoverage``).
    public var branches: [String: Truth] = [:]
    /// Whether the case is a practitioner-review case (it names acceptable or unsafe levels).
    public var reviewed = false
    /// Whether it passed at an acceptable alternative rather than the expected level.
    public var alternative = false
    /// Whether the result was at a level the case names as unsafe.
    public var unsafe = false
}

/// The outcome of running fixtures, with rule coverage.
public struct FixtureReport: Sendable {
    /// Every case's result, in run order.
    public var results: [FixtureResult]
    /// The document's rule ids, in document order.
    public var ruleIDs: [String]

    /// Creates a report from results against a document.
    public init(results: [FixtureResult], document: ThresholdDocument) {
        self.results = results
        self.ruleIDs = document.rules.map(\.id.value)
    }

    /// Merges reports (several fixture files against the same or different documents).
    public init(merging reports: [FixtureReport]) {
        results = reports.flatMap(\.results)
        var ids: [String] = []
        for id in reports.flatMap(\.ruleIDs) where !ids.contains(id) { ids.append(id) }
        ruleIDs = ids
    }

    /// Cases that passed.
    public var passed: Int { results.filter { $0.status == .passed }.count }
    /// Cases that failed.
    public var failed: Int { results.filter { $0.status == .failed }.count }
    /// Cases skipped.
    public var skipped: Int { results.filter { $0.status == .skipped }.count }

    /// For practitioner-review cases: `practice review: N cases — N at the expected level, N at
    /// an acceptable alternative, N unsafe`; `nil` when no case names acceptable or unsafe levels.
    public var reviewSummary: String? {
        let reviewed = results.filter { $0.reviewed && $0.status != .skipped }
        guard !reviewed.isEmpty else { return nil }
        let unsafe = reviewed.filter(\.unsafe).count
        let alternative = reviewed.filter { $0.alternative && !$0.unsafe }.count
        let expected = reviewed.filter { $0.status == .passed && !$0.alternative }.count
        return "practice review: \(reviewed.count) cases — \(expected) at the expected level, "
            + "\(alternative) at an acceptable alternative, \(unsafe) unsafe"
    }

    /// The closing line: `N passed, N failed`, with `, N skipped` when any were.
    public var summary: String {
        "\(passed) passed, \(failed) failed" + (skipped > 0 ? ", \(skipped) skipped" : "")
    }

    /// Rules that fired in at least one case.
    public var firedRuleIDs: Set<String> {
        Set(results.compactMap(\.recommendation).flatMap { ($0.firedRules + $0.procedures).map(\.id) })
    }

    /// Rules no case made fire, in document order.
    public var neverFired: [String] {
        let fired = firedRuleIDs
        return ruleIDs.filter { !fired.contains($0) }
    }

    /// Which branches were exercised true and false across the cases.
    public var branchCoverage: BranchCoverage { BranchCoverage(results: results) }

    /// The share of rules that fired in some case, 0–100.
    public var ruleCoverage: Double {
        ruleIDs.isEmpty ? 100 : Double(ruleIDs.count - neverFired.count) / Double(ruleIDs.count) * 100
    }
}
