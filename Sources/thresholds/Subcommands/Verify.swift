import ArgumentParser
import Foundation
import Thresholds
import ThresholdsDiagnostics

/// `thresholds verify`: what can be proven about a document, and counterexamples for the rest.
struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Verify threshold documents: monotonicity, unreachable and shadowed rules, contradictory and redundant conditions.",
        discussion: """
            Proves what it can (docs/VERIFY.md says how) and searches generated cases for \
            counterexamples to the rest. A document whose level can fall when a concern gets \
            worse is reported with the pair of cases that shows it; --counterexamples DIR writes \
            them as case files to run with 'thresholds evaluate'. Exits 0 when there are no \
            errors, 1 when there are (warnings too with --warnings-as-errors).
            """
    )

    @Argument(help: "Threshold documents, or folders to search for them (vocabulary files are skipped).")
    var paths: [String]

    @Option(help: "The folder every file a document imports or extends must lie inside.")
    var rulesRoot: String?

    @Option(help: "Output format: text, json or sarif.")
    var format: CheckFormat = .text

    @Option(help: ArgumentHelp("Write each counterexample's pair of cases into this folder.", valueName: "dir"))
    var counterexamples: String?

    @Option(help: "How many generated cases the monotonicity search starts from.")
    var searchCases = 2_000

    @Option(help: "The seed of the generated cases: the same seed gives the same search.")
    var seed: UInt64 = 1989

    @Flag(help: "Treat warnings as errors for the exit status.")
    var warningsAsErrors = false

    @Option(help: "Colour: auto (only on a terminal), always or never.")
    var color: ColorChoice = .auto

    func run() throws {
        if let counterexamples { try OutputFile.checkFolder(counterexamples, option: "--counterexamples") }
        guard searchCases >= 0, searchCases <= 1_000_000 else { throw ValidationError("--search-cases must be 0 to 1,000,000") }
        let files = try DocumentFiles.expand(paths)
        var diagnostics: [Diagnostic] = []
        var sources: [String: SourceText] = [:]
        var summaries: [String] = []
        var found: [Counterexample] = []
        var verified = 0
        var reported: Set<Diagnostic> = []
        for file in files {
            let loaded = DocumentLoader().load(contentsOf: file.path, rulesRoot: rulesRoot ?? file.root)
            sources.merge(loaded.sources) { first, _ in first }
            if loaded.isVocabulary { continue }
            guard let checked = loaded.checked else {
                diagnostics += loaded.diagnostics.filter { $0.severity == .error }
                continue
            }
            let verification = Verifier(searchCases: searchCases, seed: seed).verify(checked)
            // A file that several documents import is reported once, not once per document.
            for diagnostic in verification.diagnostics where reported.insert(diagnostic).inserted { diagnostics.append(diagnostic) }
            summaries.append("\(file.path): " + verification.summary)
            found += verification.counterexamples
            verified += 1
        }
        if let counterexamples {
            for example in found {
                for (suffix, text) in [("before", example.beforeFile), ("after", example.afterFile)] {
                    _ = try OutputFile.write(text, into: counterexamples, name: "\(example.name)-\(suffix).json")
                }
            }
        }
        diagnostics.sort(by: Diagnostic.presentationOrder)
        let engine = DiagnosticsEngine(diagnostics: diagnostics, warningsAsErrors: warningsAsErrors)
        try engine.print(diagnostics, sources: sources, format: format, color: color, files: verified, verb: "verified",
                         report: summaries.joined())
        if engine.failed { throw ExitCode(1) }
    }
}

