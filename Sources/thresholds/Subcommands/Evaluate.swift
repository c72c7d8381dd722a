import ArgumentParser
import Foundation
import Thresholds
import ThresholdsDiagnostics

/// `thresholds evaluate`: apply a board's rules to case files and explain the recommendation.
struct Evaluate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Recommend a level for each case, with explanations.",
        discussion: """
            Uses the bundled example board (Rules/northshire-neglect.yaml) unless --rules names a
            document. The as-of date comes from --as-of, or else the case file's 'as_of'; the
            engine never reads the clock. The engine recommends; practitioners decide.
            """
    )

    @Option(help: "The threshold document to apply (default: the bundled example board).")
    var rules: String?

    @Option(help: "The folder every file the document imports or extends must lie inside (default: the current directory, or the document's folder when it lies outside it).")
    var rulesRoot: String?

    @Argument(help: "Case files (.yaml, .yml or .json).")
    var cases: [String]

    @Option(help: "The date to evaluate at, YYYY-MM-DD (overrides the case file's 'as_of').")
    var asOf: String?

    @Option(help: "Output format: text, json or markdown.")
    var format: EvaluateFormat = .text

    @Option(help: "Colour of diagnostics: auto, always or never.")
    var color: ColorChoice = .auto

    @Flag(help: "List every item of information needed, not only the ten most consequential decisive ones.")
    var allInformation = false

    func run() throws {
        var asOfDate: LocalDate?
        if let asOf {
            guard let date = LocalDate(asOf) else { throw ValidationError("--as-of '\(asOf)' is not a real date YYYY-MM-DD") }
            asOfDate = date
        }
        let rulesPath = rules ?? BundledBoard.path
        let loaded = DocumentLoader().load(contentsOf: rulesPath, rulesRoot: rulesRoot)
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
        var recommendations: [Recommendation] = []
        for path in cases {
            let loadedCase = CaseLoader().load(contentsOf: path)
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
            recommendations.append(plan.evaluate(facts, asOf: date))
        }
        switch format {
        case .json:
            print(String(decoding: try RecommendationRenderer.json(recommendations), as: UTF8.self))
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

enum EvaluateFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown
}

/// Where the bundled example board is: beside the current directory (the README's commands run
/// from the package root), else found from the executable's location in `.build`.
enum BundledBoard {
    static let relative = "Rules/northshire-neglect.yaml"

    static var path: String {
        if FileManager.default.fileExists(atPath: relative) { return relative }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent(relative).path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return relative
    }
}
