import ArgumentParser
import Foundation
import Thresholds
import ThresholdsDiagnostics

/// `thresholds test`: run fixture files like unit tests.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run rule fixtures: cases with expected outcomes.",
        discussion: """
            Prints each failure as expected-versus-actual differences followed by the explanation of \
            the actual result. The last line is 'N passed, N failed' (with ', N skipped' when cases \
            were skipped). Exits 1 on any failure, on a broken fixture file, or below --min-coverage.
            """
    )

    @Argument(help: "Fixture files (.yaml, .yml), or folders to search for them ('-' for standard input).")
    var paths: [String]

    @Option(help: "Run only cases whose name or a tag contains this text.")
    var filter: String?

    @Option(help: "Write JUnit XML to this file.")
    var junit: String?

    @Flag(help: "Report rule coverage: which rules fired in some case, and which never did.")
    var coverage = false

    @Option(help: "Fail when fewer than this percentage of rules fired in some case.")
    var minCoverage: Double?

    @Option(help: "Output format: text or json.")
    var format: TestFormat = .text

    @Option(help: "Colour of diagnostics: auto, always or never.")
    var color: ColorChoice = .auto

    @Option(help: "The folder that files named inside fixture files ('rules:', 'case:') must lie in (default: the current directory).")
    var root: String?

    @Flag(help: "Let fixture files name files outside the root.")
    var allowOutsideRoot = false

    @Flag(help: "Mutation testing: rerun the fixtures against each small change to the documents they target, and report every change no fixture notices.")
    var mutate = false

    @Option(help: "With --mutate: fail when fewer than this percentage of mutants are killed.")
    var minMutationScore: Double?

    func validate() throws {
        if minMutationScore != nil, !mutate { throw ValidationError("--min-mutation-score goes with --mutate") }
        if let minimum = minMutationScore, !(0...100).contains(minimum) { throw ValidationError("--min-mutation-score must be 0 to 100") }
    }

    func run() throws {
        let files = try DocumentFiles.expand(paths)
        if let junit { try OutputFile.check(junit) }
        var reports: [FixtureReport] = []
        var diagnostics: [Diagnostic] = []
        var sources: [String: SourceText] = [:]
        if files.filter({ $0.path == "-" }).count > 1 { throw ValidationError("standard input ('-') can be read only once") }
        let loader = FixtureLoader(root: root, allowOutsideRoot: allowOutsideRoot)
        var documents: [String: LoadedDocument] = [:]
        var suites: [FixtureSuite] = []
        for file in files {
            // Standard input reads as a file in the current folder: its 'rules:' and 'case:' resolve from there.
            let loaded = file.path == "-"
                ? loader.load(bytes: StandardInput.bytes(), path: StandardInput.name, documents: &documents)
                : loader.load(contentsOf: file.path, documents: &documents)
            diagnostics += loaded.diagnostics
            sources.merge(loaded.sources) { first, _ in first }
            if let suite = loaded.suite {
                reports.append(FixtureRunner(filter: filter).run(suite))
                suites.append(suite)
            }
        }
        let report = FixtureReport(merging: reports)
        reportToStandardError(diagnostics, sources: sources, color: color)
        if let junit {
            try JUnitReport.xml(report).write(toFile: junit, atomically: true, encoding: .utf8)
        }
        let belowCoverage = minCoverage.map { report.ruleCoverage < $0 } ?? false
        var belowMutationScore = false
        var mutationText = ""
        if mutate {
            if report.failed > 0 || diagnostics.containsErrors {
                mutationText = "mutation testing not run: the fixtures must first pass on the documents themselves\n"
                belowMutationScore = minMutationScore != nil
            } else {
                let mutation = MutationTester().run(suites)
                mutationText = mutation.text
                if let minimum = minMutationScore, mutation.score * 100 < minimum {
                    belowMutationScore = true
                    mutationText += "mutation score is below --min-mutation-score \(FixtureReportRenderer.percent(minimum))\n"
                }
            }
        }
        switch format {
        case .json:
            print(String(decoding: try FixtureReportRenderer.json(report), as: UTF8.self))
        case .text:
            print(FixtureReportRenderer.text(report, coverage: coverage || minCoverage != nil), terminator: "")
            if belowCoverage, let minCoverage {
                print("rule coverage \(FixtureReportRenderer.percent(report.ruleCoverage)) is below --min-coverage \(FixtureReportRenderer.percent(minCoverage))")
            }
            print(mutationText, terminator: "")
            print(report.summary)
        }
        if report.failed > 0 || diagnostics.containsErrors || belowCoverage || belowMutationScore { throw ExitCode(1) }
    }
}

enum TestFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
