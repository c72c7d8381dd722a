public import Foundation

/// Diagnostics as SARIF 2.1.0, the format code-scanning tools read. Columns are declared as
/// Unicode code points (`columnKind: unicodeCodePoints`), the unit ``SourceLocation`` uses.
public enum DiagnosticSARIF {
    /// A SARIF log with one run of `tool`, results in presentation order, keys sorted.
    /// - Throws: `EncodingError` if a value cannot be encoded (not expected for diagnostics).
    public static func encode(_ diagnostics: [Diagnostic], tool: String, version: String) throws -> Data {
        let sorted = diagnostics.sorted(by: Diagnostic.presentationOrder)
        let ruleIDs = Set(sorted.map(\.id.rawValue)).sorted()
        let log = Log(runs: [Run(
            tool: Tool(driver: Driver(name: tool, version: version, rules: ruleIDs.map { Rule(id: $0) })),
            results: sorted.map(result))])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(log)
    }

    private static func result(_ diagnostic: Diagnostic) -> Result {
        let related = diagnostic.notes.enumerated().compactMap { index, note -> RelatedLocation? in
            guard let range = note.range else { return nil }
            return RelatedLocation(id: index, message: Message(text: note.message),
                                   physicalLocation: physical(note.file ?? diagnostic.file, range))
        }
        var text = diagnostic.message
        for note in diagnostic.notes where note.range == nil { text += "\n\(note.message)" }
        for fixIt in diagnostic.fixIts { text += "\nfix: \(fixIt.message)" }
        return Result(
            ruleId: diagnostic.id.rawValue, level: diagnostic.severity.rawValue, message: Message(text: text),
            locations: [Location(physicalLocation: physical(diagnostic.file, diagnostic.range))],
            relatedLocations: related.isEmpty ? nil : related)
    }

    private static func physical(_ file: String, _ range: SourceRange?) -> PhysicalLocation {
        PhysicalLocation(
            artifactLocation: ArtifactLocation(uri: file),
            region: range.map {
                Region(startLine: $0.start.line, startColumn: $0.start.column, endLine: $0.end.line, endColumn: $0.end.column)
            })
    }

    private struct Log: Encodable {
        let schema = "https://json.schemastore.org/sarif-2.1.0.json"
        let version = "2.1.0"
        let runs: [Run]
        enum CodingKeys: String, CodingKey { case schema = "$schema", version, runs }
    }
    private struct Run: Encodable {
        let tool: Tool
        let columnKind = "unicodeCodePoints"
        let results: [Result]
    }
    private struct Tool: Encodable { let driver: Driver }
    private struct Driver: Encodable {
        let name: String
        let version: String
        let rules: [Rule]
    }
    private struct Rule: Encodable { let id: String }
    private struct Result: Encodable {
        let ruleId: String
        let level: String
        let message: Message
        let locations: [Location]
        let relatedLocations: [RelatedLocation]?
    }
    private struct Message: Encodable { let text: String }
    private struct Location: Encodable { let physicalLocation: PhysicalLocation }
    private struct RelatedLocation: Encodable {
        let id: Int
        let message: Message
        let physicalLocation: PhysicalLocation
    }
    private struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region?
    }
    private struct ArtifactLocation: Encodable { let uri: String }
    private struct Region: Encodable {
        let startLine: Int
        let startColumn: Int
        let endLine: Int
        let endColumn: Int
    }
}
