import ArgumentParser
import Foundation
import Thresholds

/// `thresholds schema`: the JSON Schemas for the files people write and the JSON the tool writes.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Write the JSON Schemas (draft 2020-12) of documents, vocabularies, case and fixture files, and of the JSON output.",
        discussion: """
            With a name, prints that schema; with --out, writes every schema into the folder; with \
            neither, lists them. An editor's YAML extension uses them to complete keys and check \
            types (see the README for VS Code). They are generated from the key lists the loaders \
            use; what a schema cannot say (that an expression parses, that a name is declared) is \
            left to 'thresholds check'.
            """
    )

    @Argument(help: "The schema to print: threshold-document, vocabulary, case, fixtures, recommendations, caseload-line, diagnostics, fixture-report or comparison.")
    var name: String?

    @Option(help: ArgumentHelp("Write every schema into this folder, as NAME.schema.json.", valueName: "dir"))
    var out: String?

    func validate() throws {
        if name != nil, out != nil { throw ValidationError("give a schema's name or --out, not both") }
    }

    func run() throws {
        let schemas = JSONSchemas.all
        if let name {
            guard let schema = schemas.first(where: { $0.fileName == name + ".schema.json" || $0.fileName == name }) else {
                let names = schemas.map { $0.fileName.replacingOccurrences(of: ".schema.json", with: "") }
                throw ValidationError("no schema '\(name)'; the schemas are: \(names.joined(separator: ", "))")
            }
            print(schema.json, terminator: "")
            return
        }
        guard let out else {
            for schema in schemas {
                print("\(schema.fileName.replacingOccurrences(of: ".schema.json", with: ""))\t\(schema.title)")
            }
            return
        }
        try OutputFile.checkFolder(out, option: "--out")
        for schema in schemas { print(try OutputFile.write(schema.json, into: out, name: schema.fileName)) }
    }
}
