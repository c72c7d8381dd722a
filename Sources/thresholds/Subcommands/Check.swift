import ArgumentParser
import Foundation
import Thresholds
import ThresholdsDiagnostics

/// `thresholds check`: parse and verify threshold documents, printing diagnostics as a compiler does.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Parse and verify threshold documents.",
        discussion: """
            Prints every problem as 'path:line:col: error: message [id]' with the source line and a \
            caret, then notes and suggested fixes. Exits 0 when there are no errors, 1 when there \
            are (warnings too with --warnings-as-errors).
            """
    )

    @Argument(help: "Threshold documents (.yaml, .yml), or folders to search for them.")
    var paths: [String]

    @Option(help: "The folder every file a document imports or extends must lie inside (default: each folder named, or for a file the current directory, or its folder when it lies outside it).")
    var rulesRoot: String?

    @Option(help: "Output format: text, json, or sarif (for code-scanning tools).")
    var format: CheckFormat = .text

    @Flag(help: "Treat warnings as errors for the exit status.")
    var warningsAsErrors = false

    @Option(help: "Colour: auto (only on a terminal), always or never.")
    var color: ColorChoice = .auto

    func run() throws {
        let files = try DocumentFiles.expand(paths)
        var diagnostics: [Diagnostic] = []
        var reported: Set<Diagnostic> = []
        var sources: [String: SourceText] = [:]
        let loader = DocumentLoader()
        for file in files {
            let loaded = loader.load(argument: file.path, rulesRoot: rulesRoot ?? file.root)
            // A file that several documents import is reported once, not once per document.
            for diagnostic in loaded.diagnostics where reported.insert(diagnostic).inserted {
                diagnostics.append(diagnostic)
            }
            sources.merge(loaded.sources) { first, _ in first }
        }
        diagnostics.sort(by: Diagnostic.presentationOrder)
        let engine = DiagnosticsEngine(diagnostics: diagnostics, warningsAsErrors: warningsAsErrors)
        try engine.print(diagnostics, sources: sources, format: format, color: color, files: files.count, verb: "checked")
        if engine.failed { throw ExitCode(1) }
    }
}

enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif
}

enum ColorChoice: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never

    func enabled(forStandardError: Bool) -> Bool {
        switch self {
        case .always: true
        case .never: false
        case .auto: isatty(forStandardError ? 2 : 1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
        }
    }
}
