import ArgumentParser

@main
struct ThresholdsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thresholds",
        abstract: "Executable, testable, explainable child-neglect threshold documents.",
        discussion: """
            Thresholds recommends; practitioners decide.
            """,
        version: "0.1.0",
        subcommands: [Check.self, Evaluate.self, TestCommand.self, Compare.self, Render.self, SchemaCommand.self, Verify.self, GenerateCaseload.self]
    )
}
