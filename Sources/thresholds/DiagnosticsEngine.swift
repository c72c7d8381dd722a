import ArgumentParser
import Foundation
import ThresholdsDiagnostics

/// Renders diagnostics to standard error, as `evaluate` and `test` report problems in their inputs
/// while their results go to standard output.
func reportToStandardError(_ diagnostics: [Diagnostic], sources: [String: SourceText], color: ColorChoice) {
    guard !diagnostics.isEmpty else { return }
    let renderer = DiagnosticRenderer(colored: color.enabled(forStandardError: true))
    FileHandle.standardError.write(Data(renderer.render(diagnostics, sources: sources).utf8))
}

/// Counts diagnostics and decides the exit status.
struct DiagnosticsEngine {
    let errors: Int
    let warnings: Int
    let warningsAsErrors: Bool

    init(diagnostics: [Diagnostic], warningsAsErrors: Bool) {
        errors = diagnostics.filter { $0.severity == .error }.count
        warnings = diagnostics.filter { $0.severity == .warning }.count
        self.warningsAsErrors = warningsAsErrors
    }

    /// Whether the run should exit with status 1.
    var failed: Bool { errors > 0 || (warningsAsErrors && warnings > 0) }

    /// `checked 3 files: 2 errors, 1 warning` (or `verified …`).
    func summary(files: Int, verb: String = "checked") -> String {
        func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        return "\(verb) \(plural(files, "file")): \(plural(errors, "error")), \(plural(warnings, "warning"))"
    }

    /// Prints the diagnostics of `check` or `verify` on standard output in `format`: text (the
    /// rendered diagnostics, then `report`, then the summary line), JSON or SARIF.
    func print(_ diagnostics: [Diagnostic], sources: [String: SourceText], format: CheckFormat, color: ColorChoice,
               files: Int, verb: String, report: String = "") throws {
        switch format {
        case .text:
            let renderer = DiagnosticRenderer(colored: color.enabled(forStandardError: false))
            Swift.print(renderer.render(diagnostics, sources: sources) + report, terminator: "")
            Swift.print(summary(files: files, verb: verb))
        case .json:
            Swift.print(String(decoding: try DiagnosticJSON.encode(diagnostics), as: UTF8.self))
        case .sarif:
            let data = try DiagnosticSARIF.encode(diagnostics, tool: "thresholds", version: ThresholdsCommand.configuration.version)
            Swift.print(String(decoding: data, as: UTF8.self))
        }
    }
}
