import ArgumentParser
import Foundation
import Thresholds
import ThresholdsDiagnostics
import ThresholdsHTML
import ThresholdsYAML

/// `thresholds evaluate`: apply a board's rules to case files and explain the recommendation.
struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Recommend a level for each case, with explanations.",
        discussion: """
            Uses the bundled example board (Rules/northshire-neglect.yaml) unless --rules names a \
            document. The as-of date comes from --as-of, or else the case file's 'as_of'; the \
            engine never reads the clock. The engine recommends; practitioners decide.
            """
    )

    @Option(help: "The threshold document to apply (default: the bundled example board).")
    var rules: String?

    @Option(help: "The folder every file the document imports or extends must lie inside (default: the current directory, or the document's folder when it lies outside it).")
    var rulesRoot: String?

    @Argument(help: "Case files (.yaml, .yml or .json).")
    var cases: [String] = []

    @Option(help: ArgumentHelp("A caseload as JSON Lines, one case per line ('-' for standard input): one JSON result per line, in input order.",
                               valueName: "file"))
    var jsonl: String?

    @Flag(help: "With --jsonl: print the distribution of levels, provisional and rejected counts, and the information most often needed, to standard error.")
    var summary = false

    @Option(help: "The date to evaluate at, YYYY-MM-DD (overrides the case file's 'as_of').")
    var asOf: String?

    @Option(help: "Output format: text, json, markdown or html (one self-contained page for all the cases).")
    var format: EvaluateFormat = .text

    @Option(help: "Colour of diagnostics: auto, always or never.")
    var color: ColorChoice = .auto

    @Flag(help: "List every item of information needed, not only the ten most consequential decisive ones.")
    var allInformation = false

    @Flag(help: "With each recommendation, the smallest single-fact changes that would move the level one up or one down, and every cliff edge.")
    var counterfactuals = false

    @Option(help: ArgumentHelp("With each recommendation, the single-fact changes that would give this level, smallest first.",
                               valueName: "level"))
    var whyNot: String?

    /// The level `--why-not` names.
    private var whyNotLevel: Level? { whyNot.flatMap(Level.init(rawValue:)) }

    func validate() throws {
        if cases.filter({ $0 == "-" }).count + (rules == "-" ? 1 : 0) + (jsonl == "-" ? 1 : 0) > 1 {
            throw ValidationError("standard input ('-') can be read only once")
        }
        if jsonl != nil, !cases.isEmpty { throw ValidationError("give case files or --jsonl, not both") }
        if jsonl == nil, cases.isEmpty { throw ValidationError("give at least one case file, or --jsonl with a caseload") }
        if summary, jsonl == nil { throw ValidationError("--summary goes with --jsonl") }
        if let whyNot, Level(rawValue: whyNot) == nil {
            throw ValidationError("--why-not '\(whyNot)' is not a level: give one of \(Level.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if counterfactuals || whyNot != nil, jsonl != nil {
            throw ValidationError("--counterfactuals and --why-not go with case files, not --jsonl")
        }
    }

    func run() throws {
        var asOfDate: LocalDate?
        if let asOf {
            guard let date = LocalDate(asOf) else { throw ValidationError("--as-of '\(asOf)' is not a real date YYYY-MM-DD") }
            asOfDate = date
        }
        let rulesPath = rules ?? BundledBoard.path ?? BundledBoard.relative
        let loaded: LoadedDocument
        if rules == nil, BundledBoard.path == nil {
            loaded = DocumentLoader().load(text: BundledBoard.embedded, path: BundledBoard.relative)
        } else {
            loaded = DocumentLoader().load(argument: rulesPath, rulesRoot: rulesRoot)
        }
        var diagnostics = loaded.diagnostics.filter { $0.severity == .error }
        var sources = loaded.sources
        if loaded.isVocabulary {
            diagnostics.append(Diagnostic(
                DiagnosticMessage("io.vocabulary-not-evaluated", .error,
                                  "this is a vocabulary, which has no rules to apply; evaluate a threshold document that imports it"),
                file: rulesPath, range: nil))
        }
        guard let checked = loaded.checked else {
            reportToStandardError(diagnostics, sources: sources, color: color)
            throw ExitCode(1)
        }
        let document = checked.document
        let plan = checked.compile()
        if let jsonl {
            try runCaseload(jsonl, plan: plan, asOf: asOfDate)
            return
        }
        var recommendations: [Recommendation] = []
        for path in cases {
            let loadedCase = path == "-" && rules != "-"
                ? CaseLoader().load(bytes: StandardInput.bytes(), path: StandardInput.name)
                : CaseLoader().load(contentsOf: path)
            sources[path] = loadedCase.source
            let caseDiagnostics = loadedCase.diagnostics + CaseChecker.check(loadedCase, against: document)
            diagnostics += caseDiagnostics
            guard let facts = loadedCase.facts, !caseDiagnostics.containsErrors else { continue }
            guard let date = asOfDate ?? loadedCase.asOf else {
                diagnostics.append(Diagnostic(
                    DiagnosticMessage("case.missing-as-of", .error,
                                      "no as-of date: give --as-of YYYY-MM-DD, or 'as_of:' in the case file"),
                    file: path, range: nil))
                continue
            }
            var recommendation = plan.evaluate(facts, asOf: date)
            if let whyNot = whyNotLevel {
                recommendation.counterfactuals = CounterfactualSearch.whyNot(whyNot, plan, facts, asOf: date)
                recommendation.whyNot = whyNot
            } else if counterfactuals {
                recommendation.counterfactuals = CounterfactualSearch.nearest(plan, facts, asOf: date)
            }
            recommendations.append(recommendation)
        }
        switch format {
        case .json:
            print(String(decoding: try RecommendationRenderer.json(recommendations), as: UTF8.self))
        case .html:
            if !recommendations.isEmpty { print(RecommendationPage.render(recommendations, allInformation: allInformation), terminator: "") }
        case .text, .markdown:
            let texts = recommendations.map {
                format == .text
                    ? RecommendationRenderer.text($0, allInformation: allInformation)
                    : RecommendationRenderer.markdown($0, allInformation: allInformation)
            }
            print(texts.joined(separator: "\n"), terminator: "")
        }
        reportToStandardError(diagnostics, sources: sources, color: color)
        if diagnostics.containsErrors { throw ExitCode(1) }
    }
}

extension Evaluate {
    /// `--jsonl`: streams the caseload line by line, one JSON object per input line on standard
    /// output (`{"line": N, "recommendation": …, "schema_version": 1}` or `{"diagnostics": […], "line": N, "schema_version": 1}`), and each
    /// rejected line's diagnostics on standard error. Exits 1 when any line was rejected.
    func runCaseload(_ path: String, plan: EvaluationPlan, asOf: LocalDate?) throws {
        let input = try LineReader.open(path)
        let summary = CaseloadRunner(plan: plan, asOf: asOf).run(lines: input.lines, path: input.name) { result in
            let line: Data?
            switch result {
            case .evaluated(let number, let recommendation):
                line = try? OutputJSON.encode(CaseloadLine(line: number, recommendation: recommendation, diagnostics: nil), pretty: false)
            case .rejected(let number, let diagnostics):
                reportToStandardError(diagnostics, sources: [:], color: color)
                line = try? OutputJSON.encode(CaseloadLine(line: number, recommendation: nil, diagnostics: diagnostics), pretty: false)
            }
            if let line { FileHandle.standardOutput.write(line + Data("\n".utf8)) }
        }
        if self.summary { FileHandle.standardError.write(Data(summary.text.utf8)) }
        if summary.rejected > 0 { throw ExitCode(1) }
    }
}

/// One line of `--jsonl` output.
private struct CaseloadLine: Encodable {
    let line: Int
    let recommendation: Recommendation?
    let diagnostics: [Diagnostic]?
}

enum EvaluateFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown, html
}

/// The bundled example board: the checkout's `Rules/northshire-neglect.yaml` when there is one
/// (beside the current directory, or found from the executable's location in `.build`), so that
/// edits to it are what runs; otherwise the copy built into the binary, so that an installed
/// `thresholds` works from any folder.
enum BundledBoard {
    static let relative = "Rules/northshire-neglect.yaml"

    /// The file in a checkout, when one is found.
    static var path: String? {
        if FileManager.default.fileExists(atPath: relative) { return relative }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent(relative).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }
}
