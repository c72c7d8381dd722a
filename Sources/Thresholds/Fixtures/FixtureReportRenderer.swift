public import Foundation
import ThresholdsDiagnostics

/// Renders a ``FixtureReport``: text for people, JSON for tools.
public enum FixtureReportRenderer {
    /// One line per case; each failure with its expected-versus-actual lines and the explanation of
    /// the actual result; with `coverage`, the rules never fired. The summary line is left to the
    /// caller, so it can be the very last line.
    public static func text(_ report: FixtureReport, coverage: Bool) -> String {
        var out = ""
        for result in report.results {
            switch result.status {
            case .passed:
                let alternative = result.alternative ? " (an acceptable alternative: \(result.recommendation?.level.rawValue ?? ""))" : ""
                out += "PASS  \(result.file): \(result.name)\(alternative)\n"
            case .skipped: out += "SKIP  \(result.file): \(result.name) (\(result.failures.first ?? ""))\n"
            case .failed:
                out += "\(result.unsafe ? "UNSAFE" : "FAIL ") \(result.file): \(result.name)\n"
                for failure in result.failures { out += "      - \(failure)\n" }
                if let recommendation = result.recommendation {
                    out += "      actual result:\n"
                    for line in RecommendationRenderer.text(recommendation).split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                        out += line.isEmpty ? "      |\n" : "      | \(line)\n"
                    }
                }
            }
        }
        if let review = report.reviewSummary { out += review + "\n" }
        if coverage {
            out += "rule coverage: \(percent(report.ruleCoverage)) of \(report.ruleIDs.count) rules fired in some case\n"
            if !report.neverFired.isEmpty { out += "never fired: \(report.neverFired.joined(separator: ", "))\n" }
            let branches = report.branchCoverage
            out += "branch coverage: \(percent(branches.percentage)) of \(branches.branches.count) branches of all/any/at_least/not/unless seen both true and false\n"
            for branch in branches.uncovered { out += "  \(branch)\n" }
        }
        return out
    }

    /// `87.5%`, or `100%` for whole numbers.
    public static func percent(_ value: Double) -> String {
        (value.rounded() == value ? String(Int(value)) : String(format: "%.1f", value)) + "%"
    }

    /// JSON with sorted keys: results, counts, coverage.
    /// - Throws: `EncodingError` if a value cannot be encoded (not expected).
    public static func json(_ report: FixtureReport) throws -> Data {
        struct Item: Encodable {
            let file: String
            let name: String
            let status: FixtureResult.Status
            let failures: [String]
            let level: Level?
            let alternative: Bool
            let unsafe: Bool
        }
        struct Body: Encodable {
            let results: [Item]
            let passed: Int
            let failed: Int
            let skipped: Int
            let ruleCoverage: Double
            let neverFired: [String]
            let branchCoverage: Double
            let uncoveredBranches: [String]
        }
        let body = Body(
            results: report.results.map {
                Item(file: $0.file, name: $0.name, status: $0.status, failures: $0.failures, level: $0.recommendation?.level,
                     alternative: $0.alternative, unsafe: $0.unsafe)
            },
            passed: report.passed, failed: report.failed, skipped: report.skipped, ruleCoverage: report.ruleCoverage,
            neverFired: report.neverFired, branchCoverage: report.branchCoverage.percentage,
            uncoveredBranches: report.branchCoverage.uncovered)
        return try OutputJSON.encode(body)
    }
}
