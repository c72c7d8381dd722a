import Foundation
import Testing
import Thresholds
import ThresholdsDiagnostics

/// One broken document of `Tests/ThresholdsTests/Corpus/`, pinned to its exact rendered diagnostics
/// in the `.expected` file beside it.
struct CorpusCase: CustomTestStringConvertible, Sendable {
    let name: String
    var testDescription: String { name }

    static let directory = Snapshot.directory().appendingPathComponent("Corpus")

    static var all: [CorpusCase] { documentNames(in: directory).map { CorpusCase(name: $0) } }

    func load() -> LoadedDocument { Self.load(name, in: Self.directory) }

    /// The names (without `.yaml`) of the documents in a corpus folder, sorted.
    static func documentNames(in directory: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().map { String($0.dropLast(5)) }
    }

    /// A corpus document, loaded under the path `FOLDER/NAME.yaml` its expectations name.
    static func load(_ name: String, in directory: URL) -> LoadedDocument {
        let bytes = (try? Data(contentsOf: directory.appendingPathComponent(name + ".yaml"))).map { Array($0) } ?? []
        return DocumentLoader().load(bytes: bytes, path: "\(directory.lastPathComponent)/\(name).yaml")
    }

    func rendered() -> String {
        let loaded = load()
        return DiagnosticRenderer().render(loaded.diagnostics, sources: [loaded.source.path: loaded.source])
    }
}

@Suite("Broken-document corpus")
struct CorpusTests {
    @Test("the corpus holds at least 30 broken documents")
    func corpusSize() {
        #expect(CorpusCase.all.count >= 30)
    }

    @Test("each broken document gives exactly its pinned diagnostics", arguments: CorpusCase.all)
    func pinnedDiagnostics(_ corpusCase: CorpusCase) {
        let loaded = corpusCase.load()
        #expect(!loaded.diagnostics.isEmpty, "a corpus document must be broken")
        let expected = CorpusCase.directory.appendingPathComponent(corpusCase.name + ".expected")
        Snapshot.assertMatches(corpusCase.rendered(), file: expected)
    }

    @Test("together the corpus and the I/O tests cover every diagnostic id the sources define")
    func everyIDCovered() throws {
        let sources = Snapshot.directory().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources")
        let defined = try DiagnosticIDScan.ids(under: sources)
        #expect(defined.count >= 40)
        var covered: Set<String> = DiagnosticIDScan.coveredElsewhere
        for corpusCase in CorpusCase.all {
            for diagnostic in corpusCase.load().diagnostics { covered.insert(diagnostic.id.rawValue) }
        }
        for caseFile in CaseCorpusCase.all {
            for diagnostic in caseFile.diagnostics() { covered.insert(diagnostic.id.rawValue) }
        }
        let broken = Snapshot.directory().appendingPathComponent("FixtureCorpus/broken-fixture.yaml").path
        for diagnostic in FixtureLoader().load(contentsOf: broken).diagnostics { covered.insert(diagnostic.id.rawValue) }
        let vocabulary = Snapshot.directory().appendingPathComponent("FixtureCorpus/vocabulary-targeted.yaml").path
        for diagnostic in FixtureLoader().load(contentsOf: vocabulary).diagnostics { covered.insert(diagnostic.id.rawValue) }
        for verifyCase in VerifyCase.all {
            for diagnostic in verifyCase.verification()?.diagnostics ?? [] { covered.insert(diagnostic.id.rawValue) }
        }
        for composition in CompositionCase.all {
            for diagnostic in composition.load().diagnostics { covered.insert(diagnostic.id.rawValue) }
        }
        let missing = defined.subtracting(covered).sorted()
        #expect(missing.isEmpty, "no corpus document produces: \(missing.joined(separator: ", "))")
    }
}

/// Finds diagnostic ids in the sources: string literals such as `"document.unknown-key"`.
enum DiagnosticIDScan {
    /// Ids that no document text can produce, each covered by a named test instead:
    /// `io.unreadable` (a missing file), `yaml.file-too-large` and `yaml.too-many-nodes` (a file
    /// over the limits, built in the YAML loader tests).
    /// `case.missing-as-of` is the CLI's, covered by its end-to-end tests. `document.too-many-terms`
    /// needs a document of over 100,000 terms, built in `ExpressionScaleTests`; `fixture.outside-root`
    /// names the machine's own root folder, so `PathSafetyTests` checks it instead of a golden file.
    /// `io.vocabulary-not-evaluated` is the CLI's, covered by its end-to-end tests;
    /// `compose.too-deep` and `compose.too-many-files` need hundreds of files, built in
    /// `CompositionTests`.
    static let coveredElsewhere: Set<String> = [
        "io.unreadable", "yaml.file-too-large", "yaml.too-many-nodes", "case.missing-as-of", "document.too-many-terms",
        "fixture.outside-root", "io.vocabulary-not-evaluated", "compose.too-deep", "compose.too-many-files",
    ]

    static func ids(under directory: URL) throws -> Set<String> {
        var ids: Set<String> = []
        let pattern = try Regex(#""((?:yaml|document|expression|check|io|case|fixture|compose|verify)\.[a-z-]+)""#)
        guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return ids }
        while let relative = enumerator.nextObject() as? String {
            guard relative.hasSuffix(".swift") else { continue }
            let text = try String(contentsOf: directory.appendingPathComponent(relative), encoding: .utf8)
            for match in text.matches(of: pattern) {
                if let id = match.output[1].substring { ids.insert(String(id)) }
            }
        }
        return ids
    }
}

/// One broken case file of `Tests/ThresholdsTests/CaseCorpus/`, loaded and checked against the
/// example board, pinned to its exact diagnostics.
struct CaseCorpusCase: CustomTestStringConvertible, Sendable {
    let name: String
    var testDescription: String { name }

    static let directory = Snapshot.directory().appendingPathComponent("CaseCorpus")

    static var all: [CaseCorpusCase] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".json") }.sorted().map { CaseCorpusCase(name: $0) }
    }

    func diagnostics() -> [Diagnostic] {
        let text = (try? String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)) ?? ""
        let loaded = CaseLoader().load(text: text, path: "CaseCorpus/\(name)")
        let board = DocumentLoader().load(contentsOf: Snapshot.directory().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Rules/northshire-neglect.yaml").path)
        guard let document = board.document else { return loaded.diagnostics }
        return loaded.diagnostics + CaseChecker.check(loaded, against: document)
    }

    func rendered() -> String {
        let text = (try? String(contentsOf: Self.directory.appendingPathComponent(name), encoding: .utf8)) ?? ""
        let source = SourceText(path: "CaseCorpus/\(name)", text: text)
        return DiagnosticRenderer().render(diagnostics(), sources: [source.path: source])
    }
}

@Suite("Broken-case corpus")
struct CaseCorpusTests {
    @Test("each broken case file gives exactly its pinned diagnostics", arguments: CaseCorpusCase.all)
    func pinned(_ caseFile: CaseCorpusCase) {
        #expect(!caseFile.diagnostics().isEmpty, "a case corpus file must be broken")
        let expected = CaseCorpusCase.directory.appendingPathComponent(caseFile.name + ".expected")
        Snapshot.assertMatches(caseFile.rendered(), file: expected)
    }
}
