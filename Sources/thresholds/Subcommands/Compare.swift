import ArgumentParser
import Foundation
import Thresholds
import ThresholdsDiagnostics
import ThresholdsHTML
import ThresholdsYAML

/// `thresholds compare`: two versions of a document over the same caseload.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two versions of a threshold document over a caseload.",
        discussion: """
            Evaluates both documents on every case of a caseload given as JSON Lines (one case per \
            line; '-' for standard input) and reports the transition matrix (old level by new \
            level) and every case whose level, provisional status or actions change, with the \
            rules that newly fire or stop firing and the facts they read. Lines that are not valid \
            cases are reported on standard error and the run goes on (exit status 1 at the end).
            """
    )

    @Argument(help: "The document as it is ('-' for standard input).")
    var old: String

    @Argument(help: "The revised document ('-' for standard input).")
    var new: String

    @Argument(help: "The caseload: JSON Lines, one case per line ('-' for standard input).")
    var caseload: String

    @Option(help: "The folder every file the documents import or extend must lie inside.")
    var rulesRoot: String?

    @Option(help: "The date to evaluate at, YYYY-MM-DD, for cases that give no 'as_of'.")
    var asOf: String?

    @Option(help: "Output format: text, json or html.")
    var format: CompareFormat = .text

    @Option(help: "Colour of diagnostics: auto, always or never.")
    var color: ColorChoice = .auto

    func run() throws {
        var date: LocalDate?
        if let asOf {
            guard let parsed = LocalDate(asOf) else { throw ValidationError("--as-of '\(asOf)' is not a real date YYYY-MM-DD") }
            date = parsed
        }
        if [old, new, caseload].filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input ('-') can be read only once") }
        var plans: [EvaluationPlan] = []
        for path in [old, new] {
            let loaded = DocumentLoader().load(argument: path, rulesRoot: rulesRoot)
            plans.append(try checkedOrExit(loaded, path: path, vocabularyLacks: "rules to compare", color: color).compile())
        }
        let input = try LineReader.open(caseload)
        let comparison = CaseloadComparison.compare(old: plans[0], new: plans[1], lines: input.lines, path: input.name, asOf: date) {
            reportToStandardError($0, sources: [:], color: color)
        }
        switch format {
        case .text:
            print(comparison.text, terminator: "")
        case .json:
            print(String(decoding: try OutputJSON.encode(comparison), as: UTF8.self))
        case .html:
            print(ComparisonPage.render(comparison), terminator: "")
        }
        if comparison.rejected > 0 { throw ExitCode(1) }
    }
}

enum CompareFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, html
}
