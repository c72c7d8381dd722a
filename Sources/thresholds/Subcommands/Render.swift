import ArgumentParser
import Foundation
import Thresholds
import ThresholdsDiagnostics
import ThresholdsHTML

/// `thresholds render`: the published threshold document, generated from the rules.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render a threshold document as the HTML page practitioners read.",
        discussion: """
            Writes one self-contained HTML page (no scripts, no external resources) generated from \
            the rules: the levels as a ladder, each level's guidance and criteria in plain English \
            with the exact expression beside each, citations and actions, a glossary of \
            definitions and judgement questions, and what a document that extends a baseline \
            changes. The page is written to DIR/<document name>.html with --out, otherwise to \
            standard output. A document with errors is not rendered.
            """
    )

    @Argument(help: "The threshold document ('-' for standard input).")
    var document: String

    @Option(help: ArgumentHelp("The folder to write the page into (default: standard output).", valueName: "dir"))
    var out: String?

    @Option(help: "The folder every file the document imports or extends must lie inside.")
    var rulesRoot: String?

    @Option(help: "Colour of diagnostics: auto, always or never.")
    var color: ColorChoice = .auto

    func run() throws {
        if let out { try OutputFile.checkFolder(out, option: "--out") }
        let loaded = DocumentLoader().load(argument: document, rulesRoot: rulesRoot)
        let checked = try checkedOrExit(loaded, path: document, vocabularyLacks: "levels or rules to publish", color: color)
        let page = DocumentPage.render(checked)
        guard let out else {
            print(page, terminator: "")
            return
        }
        let name = document == "-" ? "document" : URL(fileURLWithPath: document).deletingPathExtension().lastPathComponent
        print(try OutputFile.write(page, into: out, name: name + ".html"))
    }
}
