import Foundation
import Testing
@testable import Thresholds
import ThresholdsDiagnostics

/// One folder of `Tests/ThresholdsTests/CompositionCorpus/`: `document.yaml` and the files it
/// imports and extends, loaded from memory and pinned to the exact rendered diagnostics in the
/// `.expected` file beside the folder.
struct CompositionCase: CustomTestStringConvertible, Sendable {
    let name: String
    var testDescription: String { name }

    static let directory = Snapshot.directory().appendingPathComponent("CompositionCorpus")

    static var all: [CompositionCase] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { !$0.hasSuffix(".expected") }.sorted().map { CompositionCase(name: $0) }
    }

    /// Every YAML file of the folder, by its path from the corpus folder (`cycle/shared/a.yaml`).
    var files: [String: String] {
        var files: [String: String] = [:]
        let folder = Self.directory.appendingPathComponent(name)
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let relative = enumerator?.nextObject() as? String {
            guard relative.hasSuffix(".yaml") else { continue }
            files["\(name)/\(relative)"] = try? String(contentsOf: folder.appendingPathComponent(relative), encoding: .utf8)
        }
        return files
    }

    func load() -> LoadedDocument {
        DocumentLoader().load("\(name)/document.yaml", from: InMemorySource(files))
    }

    func rendered() -> String {
        let loaded = load()
        return DiagnosticRenderer().render(loaded.diagnostics, sources: loaded.sources)
    }
}

@Suite("Composition: imports, extends, override and remove")
struct CompositionTests {
    @Test("each broken composition gives exactly its pinned diagnostics, from memory", arguments: CompositionCase.all)
    func pinnedDiagnostics(_ composition: CompositionCase) {
        let loaded = composition.load()
        #expect(loaded.diagnostics.containsErrors, "a composition corpus case must be broken")
        #expect(loaded.checked == nil)
        Snapshot.assertMatches(composition.rendered(),
                               file: CompositionCase.directory.appendingPathComponent(composition.name + ".expected"))
    }

    static let vocabulary = """
        thresholds: 1
        vocabulary: Region
        levels:
          early_help: { label: "Level 2" }
          child_in_need: { label: "Level 3" }
        facts:
          carer_engages: { type: boolean, question: "Does the carer engage with the plan?" }
        definitions:
          poor_engagement:
            when: carer_engages == false
        """
    static let baseline = """
        thresholds: 1
        board: County
        title: County baseline
        version: "1"
        effective: 2026-01-01
        imports: [../shared/region.yaml]
        rules:
          - { id: B-1, title: Poor engagement, level: early_help, when: poor_engagement, source: "County §1" }
          - { id: B-2, title: Most needs unmet, level: child_in_need, when: "max(domains) >= 4", source: "County §2" }
          - { id: B-3, title: Some needs unmet, level: early_help, when: "max(domains) >= 3", source: "County §3" }
        """
    static let local = """
        thresholds: 1
        board: Town
        title: Town thresholds
        version: "2"
        effective: 2026-06-01
        extends: baseline/county.yaml
        override:
          - { id: B-2, title: Most needs unmet or not engaging, level: child_in_need,
              when: "max(domains) >= 4 or (poor_engagement and max(domains) >= 3)", source: "Town §2" }
        remove:
          - { id: B-3, reason: "The town's universal offer covers single 3s" }
        rules:
          - { id: T-1, title: Not engaging with some needs unmet, level: child_in_need,
              when: "carer_engages == false and max(domains) >= 3", source: "Town §9" }
        """
    static let files = ["shared/region.yaml": vocabulary, "baseline/county.yaml": baseline, "town.yaml": local]

    @Test("a document extends a baseline: overrides keep their place, removals go with their reason, local rules follow")
    func composedOrder() throws {
        let loaded = DocumentLoader().load("town.yaml", from: InMemorySource(Self.files))
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let document = try #require(loaded.document)
        #expect(document.board == "Town" && document.version == "2")
        #expect(document.rules.map(\.id.value) == ["B-1", "B-2", "T-1"])
        #expect(document.rules.map(\.file) == ["baseline/county.yaml", "town.yaml", "town.yaml"])
        #expect(document.rules[1].overrides == OverriddenRule(file: "baseline/county.yaml", title: "Most needs unmet",
                                                              source: "County §2"))
        #expect(document.removedRules.map(\.id.value) == ["B-3"])
        #expect(document.removedRules.first?.reason == "The town's universal offer covers single 3s")
        #expect(document.files == ["town.yaml", "baseline/county.yaml", "shared/region.yaml"])
        #expect(document.label(for: .earlyHelp) == "Level 2")
        #expect(document.facts.map(\.file) == ["shared/region.yaml"])
        #expect(Set(loaded.sources.keys) == Set(document.files))
    }

    @Test("the explanation of a fired rule says which file it came from, and cites both sources of an override")
    func explanationsNameFiles() throws {
        let checked = try #require(DocumentLoader().load("town.yaml", from: InMemorySource(Self.files)).checked)
        var facts = CaseFacts(assessments: [.init(date: LocalDate(year: 2026, month: 10, day: 1)!, grades: ["nutrition": 4])])
        facts.facts = ["carer_engages": .boolean(false)]
        let recommendation = checked.compile().evaluate(facts, asOf: LocalDate(year: 2026, month: 11, day: 1)!)
        #expect(recommendation.level == .childInNeed)
        let fired = Dictionary(uniqueKeysWithValues: recommendation.firedRules.map { ($0.id, $0) })
        #expect(fired["B-1"]?.file == "baseline/county.yaml")
        #expect(fired["T-1"]?.file == "town.yaml")
        #expect(fired["B-2"]?.overrides?.source == "County §2")
        let text = RecommendationRenderer.text(recommendation)
        #expect(text.contains("from: baseline/county.yaml"))
        #expect(text.contains("overrides: Most needs unmet in baseline/county.yaml (County §2)"))
    }

    @Test("the same files give the same document from disk and from memory")
    func diskAndMemoryAgree() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thresholds-compose-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (path, text) in Self.files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let fromDisk = try #require(DocumentLoader().load(contentsOf: folder.appendingPathComponent("town.yaml").path,
                                                          rulesRoot: folder.path).document)
        let fromMemory = try #require(DocumentLoader().load("town.yaml", from: InMemorySource(Self.files)).document)
        #expect(fromDisk.rules.map(\.id.value) == fromMemory.rules.map(\.id.value))
        #expect(fromDisk.rules.map(\.when) == fromMemory.rules.map(\.when))
        #expect(fromDisk.rules.compactMap(\.file).map { URL(fileURLWithPath: $0).lastPathComponent }
                == ["county.yaml", "town.yaml", "town.yaml"])
    }

    @Test("on disk, a symbolic link or '..' leading out of the rules root is refused at the import")
    func symbolicLinksOut() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thresholds-compose-\(UUID().uuidString)")
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("thresholds-outside-\(UUID().uuidString).yaml")
        defer {
            try? FileManager.default.removeItem(at: folder)
            try? FileManager.default.removeItem(at: outside)
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Self.vocabulary.write(to: outside, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("region.yaml").path,
                                                   withDestinationPath: outside.path)
        let document = """
            thresholds: 1
            board: B
            title: T
            version: "1"
            effective: 2026-01-01
            imports: [region.yaml, ../\(outside.lastPathComponent)]
            rules:
              - { id: R-1, title: t, level: early_help, when: poor_engagement, source: "§1" }
            """
        let path = folder.appendingPathComponent("board.yaml")
        try document.write(to: path, atomically: true, encoding: .utf8)
        let loaded = DocumentLoader().load(contentsOf: path.path, rulesRoot: folder.path)
        #expect(loaded.checked == nil)
        let refused = loaded.diagnostics.filter { $0.id == "compose.outside-root" }
        #expect(refused.map(\.range?.start.line) == [6, 6])
        #expect(refused.map(\.range?.start.column) == [11, 24])
        // Nothing outside the root was read, so nothing of it can be quoted.
        #expect(loaded.sources.keys.allSatisfy { !$0.contains("thresholds-outside") })
    }

    @Test("a vocabulary is checked but not evaluable; a fixture that targets one is told so")
    func vocabularies() throws {
        let loaded = DocumentLoader().load("shared/region.yaml", from: InMemorySource(Self.files))
        #expect(loaded.isVocabulary)
        #expect(loaded.diagnostics.isEmpty, "a vocabulary's unused declarations are expected: \(loaded.diagnostics)")
        #expect(loaded.checked == nil)
        let broken = InMemorySource(["v.yaml": Self.vocabulary + "\n  wrong_type:\n    when: carer_engages == 3\n"])
        #expect(DocumentLoader().load("v.yaml", from: broken).diagnostics.map(\.id) == ["check.type-mismatch"])

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thresholds-compose-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Self.vocabulary.write(to: folder.appendingPathComponent("region.yaml"), atomically: true, encoding: .utf8)
        let fixture = "fixtures: 1\nrules: region.yaml\nas_of: 2026-11-01\ncases:\n  - { name: a, facts: {}, expect: { level: universal } }\n"
        try fixture.write(to: folder.appendingPathComponent("f.yaml"), atomically: true, encoding: .utf8)
        let fixtures = FixtureLoader(root: folder.path).load(contentsOf: folder.appendingPathComponent("f.yaml").path)
        #expect(fixtures.diagnostics.map(\.id).contains("fixture.vocabulary"))
        #expect(fixtures.suite == nil)
    }

    @Test("paths join from the importing file's folder; '..' that climbs above the top is kept, so it is refused")
    func pathJoining() {
        #expect(DocumentPath.join("shared/v.yaml", toFolderOf: "Rules/wessex/local.yaml") == "Rules/wessex/shared/v.yaml")
        #expect(DocumentPath.join("../shared/./v.yaml", toFolderOf: "Rules/wessex/base/b.yaml") == "Rules/wessex/shared/v.yaml")
        #expect(DocumentPath.join("../../v.yaml", toFolderOf: "a/b.yaml") == "../v.yaml")
        #expect(DocumentPath.join("x.yaml", toFolderOf: "./b.yaml") == "x.yaml")
        #expect(DocumentPath.join("../x.yaml", toFolderOf: "/abs/dir/b.yaml") == "/abs/x.yaml")
        #expect(InMemorySource([:]).problem(at: "../v.yaml") != nil)
    }

    @Test("a chain of imports too deep, or too many files, is refused at the import, without deep recursion")
    func limits() {
        var chain: [String: String] = [:]
        for index in 0..<200 {
            chain["v\(index).yaml"] = "thresholds: 1\nvocabulary: V\(index)\nimports: [v\(index + 1).yaml]\n"
        }
        chain["v200.yaml"] = "thresholds: 1\nvocabulary: last\n"
        let deep = DocumentLoader().load("v0.yaml", from: InMemorySource(chain))
        #expect(deep.diagnostics.map(\.id) == ["compose.too-deep"])
        #expect(deep.sources.count <= Composer.maxDepth + 1)

        var wide: [String: String] = [:]
        let imports = (0..<300).map { "v\($0).yaml" }
        wide["doc.yaml"] = "thresholds: 1\nvocabulary: wide\nimports: [\(imports.joined(separator: ", "))]\n"
        for (index, name) in imports.enumerated() { wide[name] = "thresholds: 1\nvocabulary: V\(index)\n" }
        let many = DocumentLoader().load("doc.yaml", from: InMemorySource(wide))
        #expect(many.diagnostics.map(\.id).allSatisfy { $0 == "compose.too-many-files" })
        #expect(many.diagnostics.count == 300 - Composer.maxFiles + 1)
        #expect(many.sources.count == Composer.maxFiles)
    }
}
