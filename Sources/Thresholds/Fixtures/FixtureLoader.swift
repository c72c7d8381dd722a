public import ThresholdsDiagnostics
import ThresholdsYAML
internal import Foundation

/// A fixture file after loading: the suite when it has no errors, and every problem found in
/// it, in the threshold document it targets, and in the case files it names.
public struct LoadedFixtures: Sendable {
    /// The suite, present when nothing has errors.
    public let suite: FixtureSuite?
    /// Every problem, in presentation order.
    public let diagnostics: [Diagnostic]
    /// The text of every file read, for rendering diagnostics.
    public let sources: [String: SourceText]
}

/// Reads fixture files (`docs/FIXTURES.md`) with the same diagnostics as threshold documents: a
/// misspelt expectation key, or a rule id the targeted document does not have, is an error with a
/// suggestion.
public struct FixtureLoader: Sendable {
    /// The keys of a fixture file, a case and an expectation, as `docs/FIXTURES.md` lists them.
    static let keys = ["fixtures", "rules", "as_of", "base", "cases"]
    static let caseKeys = ["name", "tags", "case", "facts", "as_of", "expect", "skip"]
    static let expectKeys = ["level", "acceptable", "unsafe", "provisional", "fired", "not_fired", "information_needed",
                             "actions", "must_mention", "overdue", "not_overdue"]

    /// The folder that the files a fixture file names (`rules:`, `case:`) must lie inside, once
    /// `..` and symbolic links are resolved: the current directory unless given. A fixture file
    /// handed over by a third party cannot then make the tool read, and quote in its diagnostics,
    /// a file elsewhere on the machine.
    public var root: String
    /// Whether files outside ``root`` may be read (the user asked for it).
    public var allowOutsideRoot: Bool

    /// Creates a loader confined to `root` (default: the current directory).
    public init(root: String? = nil, allowOutsideRoot: Bool = false) {
        self.root = root ?? FileManager.default.currentDirectoryPath
        self.allowOutsideRoot = allowOutsideRoot
    }

    /// Whether a file a fixture names may be read; reports why not at `node` when it may not.
    private func allowed(_ path: String, _ node: YAMLNode, _ reader: inout NodeReader) -> Bool {
        guard !allowOutsideRoot, !FileCheck.isInside(path, root: root) else { return true }
        reader.report(FixtureDiagnostics.outsideRoot(path, root: root), node.range,
                      notes: [DiagnosticNote("files a fixture file names must lie inside the root; "
                                             + "give 'thresholds test' a wider --root, or --allow-outside-root to read it")])
        return false
    }

    /// Loads a fixture file and what it refers to; paths in it are relative to its folder.
    public func load(contentsOf path: String) -> LoadedFixtures {
        var documents: [String: LoadedDocument] = [:]
        return load(path, documents: &documents)
    }

    /// Loads several fixture files, loading and checking each threshold document they target
    /// once, however many files target it.
    public func load(contentsOf paths: [String]) -> [LoadedFixtures] {
        var documents: [String: LoadedDocument] = [:]
        return paths.map { load($0, documents: &documents) }
    }

    /// Loads a fixture file, reusing the threshold documents in `documents` (keyed by resolved
    /// path) and adding those it loads.
    public func load(contentsOf path: String, documents: inout [String: LoadedDocument]) -> LoadedFixtures {
        load(path, documents: &documents)
    }

    /// Loads fixture text held in memory as if it were the file at `path` (so `rules:` and
    /// `case:` resolve from that file's folder), reusing the threshold documents in `documents`,
    /// keyed by resolved path, and adding those it loads.
    public func load(bytes: [UInt8], path: String, documents: inout [String: LoadedDocument]) -> LoadedFixtures {
        load(YAMLLoader().load(bytes, path: path), path: path, documents: &documents)
    }

    /// `child_in_need`, or a level with the board's sub-level: `early_help.multi_agency`.
    private func expectedLevel(_ node: YAMLNode?, _ document: ThresholdDocument?, _ reader: inout NodeReader) -> (Level?, String?) {
        guard let node, let text = reader.string(node, "'level'") else { return (nil, nil) }
        let parts = text.split(separator: ".", maxSplits: 1).map(String.init)
        guard let first = parts.first, let level = Level(rawValue: first) else {
            _ = reader.oneOf(node, "'level'", Level.allCases.map(\.rawValue))
            return (nil, nil)
        }
        guard parts.count == 2 else { return (level, nil) }
        let declared = document?.levels.first { $0.level == level }?.sublevels.map(\.name.value) ?? []
        if document != nil, !declared.contains(parts[1]) {
            reader.reportUnknown(FixtureDiagnostics.unknownSublevel(parts[1], first), name: parts[1], candidates: declared,
                                 range: node.range)
            return (level, nil)
        }
        return (level, parts[1])
    }

    private func load(_ path: String, documents: inout [String: LoadedDocument]) -> LoadedFixtures {
        load(YAMLLoader().load(contentsOf: path), path: path, documents: &documents)
    }

    private func load(_ yaml: YAMLDocument, path: String, documents: inout [String: LoadedDocument]) -> LoadedFixtures {
        var reader = NodeReader(source: yaml.source)
        var sources = [path: yaml.source]
        var diagnostics = yaml.diagnostics
        guard let root = yaml.root,
              let fields = reader.fields(of: root, "a fixture file", allowed: Self.keys)
        else { return LoadedFixtures(suite: nil, diagnostics: diagnostics + reader.diagnostics, sources: sources) }

        if let version = reader.required("fixtures", in: fields) {
            if case .scalar(let scalar) = version, scalar.value == "1" {} else {
                reader.report(FixtureDiagnostics.unsupportedVersion(reader.describe(version)), version.range)
            }
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        func resolve(_ relative: String) -> String {
            relative.hasPrefix("/") ? relative : displayPath(folder.appendingPathComponent(relative))
        }
        var checked: CheckedDocument?
        if let rulesNode = reader.required("rules", in: fields), let rulesPath = reader.string(rulesNode, "'rules'"),
           case let resolved = resolve(rulesPath), allowed(resolved, rulesNode, &reader) {
            let cached = documents[resolved]
            // What the document imports and extends is confined to the same root.
            let loaded = cached ?? DocumentLoader().load(contentsOf: resolved, rulesRoot: allowOutsideRoot ? nil : self.root)
            documents[resolved] = loaded
            sources.merge(loaded.sources) { first, _ in first }
            if loaded.isVocabulary {
                reader.report(FixtureDiagnostics.vocabularyTargeted(rulesPath), rulesNode.range)
            }
            // A document's own errors are reported once, with the first file that targets it.
            if cached == nil { diagnostics += loaded.diagnostics.filter { $0.severity == .error } }
            checked = loaded.checked
        }
        let document = checked?.document
        let defaultAsOf = reader.date(fields["as_of"], "'as_of'")
        // The base case: every case's inline facts are laid over it.
        let base = fields["base"]
        if let base, case .mapping = base {} else if let base {
            reader.report(ParserDiagnostics.wrongType("'base'", expected: "a case's facts (a mapping)", found: base.kindDescription),
                          base.range)
        }
        var cases: [FixtureCase] = []
        var seen: [String: SourceRange] = [:]
        for node in reader.list(reader.required("cases", in: fields), "'cases'") ?? [] {
            guard let f = reader.fields(of: node, "a fixture case", allowed: Self.caseKeys) else { continue }
            guard let nameNode = reader.required("name", in: f), let name = reader.string(nameNode, "a case's 'name'") else { continue }
            if let first = seen[name] {
                reader.report(FixtureDiagnostics.duplicateName(name), nameNode.range,
                              notes: [DiagnosticNote("'\(name)' is first used here", range: first)])
            }
            seen[name] = nameNode.range
            let tags = reader.list(f["tags"], "'tags'")?.compactMap { reader.string($0, "a tag") } ?? []
            // The facts: inline, or a case file.
            var facts: CaseFacts?
            var fileAsOf: LocalDate?
            switch (f["facts"] ?? base, f["case"]) {
            case (var inline?, nil):
                if let base, f["facts"] != nil { inline = inline.merged(over: base) }
                var parser = CaseParser(source: yaml.source)
                let before = parser.reader.diagnostics.count
                (facts, fileAsOf) = parser.parse(inline)
                reader.diagnostics += parser.reader.diagnostics[before...]
                if let document, let partial = facts {
                    reader.diagnostics += CaseChecker.check(
                        LoadedCase(source: yaml.source, facts: partial, partialFacts: partial, asOf: nil, diagnostics: [],
                                   ranges: parser.ranges), against: document)
                }
            case (nil, let caseNode?):
                if let casePath = reader.string(caseNode, "'case'"), case let resolved = resolve(casePath),
                   allowed(resolved, caseNode, &reader) {
                    let loaded = CaseLoader().load(contentsOf: resolved)
                    sources[loaded.source.path] = loaded.source
                    diagnostics += loaded.diagnostics
                    if let document { diagnostics += CaseChecker.check(loaded, against: document) }
                    facts = loaded.facts
                    fileAsOf = loaded.asOf
                }
            case (_?, _?):
                reader.report(FixtureDiagnostics.caseAndFacts, f.keyRange("case") ?? f.range)
            case (nil, nil):
                reader.report(ParserDiagnostics.missingKey("facts' or 'case", in: "a fixture case"), SourceRange(at: f.range.start))
            }
            let asOf = reader.date(f["as_of"], "a case's 'as_of'") ?? fileAsOf ?? defaultAsOf
            if asOf == nil, facts != nil {
                reader.report(FixtureDiagnostics.missingAsOf(name), nameNode.range)
            }
            var expectation = Expectation()
            if let expectNode = reader.required("expect", in: f),
               let e = reader.fields(of: expectNode, "'expect'", allowed: Self.expectKeys) {
                (expectation.level, expectation.sublevel) = expectedLevel(e["level"], document, &reader)
                expectation.acceptable = levels(e["acceptable"], "'acceptable'", &reader)
                expectation.unsafe = levels(e["unsafe"], "'unsafe'", &reader)
                let unsafe = Set(expectation.unsafe)
                if let contradicted = ([expectation.level].compactMap { $0 } + expectation.acceptable).first(where: unsafe.contains) {
                    reader.report(FixtureDiagnostics.contradictoryLevels(contradicted.rawValue), e.keyRange("unsafe") ?? e.range)
                }
                expectation.mustMention = reader.list(e["must_mention"], "'must_mention'")?
                    .compactMap { reader.string($0, "a phrase") } ?? []
                expectation.provisional = reader.boolean(e["provisional"], "'provisional'")
                expectation.fired = ruleIDs(e["fired"], "'fired'", document, &reader)
                expectation.notFired = ruleIDs(e["not_fired"], "'not_fired'", document, &reader)
                expectation.informationNeeded = reader.list(e["information_needed"], "'information_needed'")?
                    .compactMap { reader.string($0, "a fact") } ?? []
                func actionKinds(_ key: String) -> [ActionKind] {
                    reader.list(e[key], "'\(key)'")?
                        .compactMap { reader.oneOf($0, "an action", ActionKind.allCases.map(\.rawValue)) }
                        .compactMap { ActionKind(rawValue: $0) } ?? []
                }
                expectation.actions = actionKinds("actions")
                expectation.overdue = actionKinds("overdue")
                expectation.notOverdue = actionKinds("not_overdue")
            }
            if let facts, let asOf {
                cases.append(FixtureCase(name: name, tags: tags, facts: facts, asOf: asOf, expectation: expectation,
                                         skip: reader.string(f["skip"], "'skip'"), range: f.range))
            }
        }
        diagnostics += reader.diagnostics
        diagnostics.sort(by: Diagnostic.presentationOrder)
        let suite = checked.flatMap { checked in
            diagnostics.containsErrors ? nil : FixtureSuite(file: path, checked: checked, cases: cases)
        }
        return LoadedFixtures(suite: suite, diagnostics: diagnostics, sources: sources)
    }

    /// A list of level names.
    private func levels(_ node: YAMLNode?, _ what: String, _ reader: inout NodeReader) -> [Level] {
        reader.list(node, what)?.compactMap { reader.oneOf($0, "a level", Level.allCases.map(\.rawValue)) }
            .compactMap { Level(rawValue: $0) } ?? []
    }

    /// Rule ids, each checked against the document with a suggestion when it has no such rule.
    private func ruleIDs(_ node: YAMLNode?, _ what: String, _ document: ThresholdDocument?, _ reader: inout NodeReader) -> [String] {
        let known = document?.rules.map(\.id.value) ?? []
        return reader.list(node, what)?.compactMap { item -> String? in
            guard let id = reader.string(item, "a rule id") else { return nil }
            if document != nil, !known.contains(id) {
                reader.reportUnknown(FixtureDiagnostics.unknownRule(id), name: id, candidates: known, range: item.range)
                return nil
            }
            return id
        } ?? []
    }
}

/// The fixture loader's diagnostic catalog, sorted by identifier.
package enum FixtureDiagnostics {
    package static let caseAndFacts = DiagnosticMessage(
        "fixture.case-and-facts", .error, "a fixture case has either 'facts' (inline) or 'case' (a file), not both")
    package static func contradictoryLevels(_ level: String) -> DiagnosticMessage {
        .init("fixture.contradictory-levels", .error, "'\(level)' is listed as unsafe but also as the expected or an acceptable level")
    }
    package static func unknownSublevel(_ name: String, _ level: String) -> DiagnosticMessage {
        .init("fixture.unknown-sublevel", .error, "'\(name)' is not a sub-level of '\(level)' in the document")
    }
    package static func vocabularyTargeted(_ path: String) -> DiagnosticMessage {
        .init("fixture.vocabulary", .error,
              "'\(path)' is a vocabulary, which has no rules to test; name a threshold document that imports it")
    }
    package static func outsideRoot(_ path: String, root: String) -> DiagnosticMessage {
        .init("fixture.outside-root", .error, "'\(path)' lies outside the root '\(root)', so it is not read")
    }
    package static func duplicateName(_ name: String) -> DiagnosticMessage {
        .init("fixture.duplicate-name", .error, "a case named '\(name)' is already in this file; case names must be unique")
    }
    package static func missingAsOf(_ name: String) -> DiagnosticMessage {
        .init("fixture.missing-as-of", .error, "case '\(name)' has no as-of date: give 'as_of' in the case, its case file or the fixture file")
    }
    package static func unknownRule(_ id: String) -> DiagnosticMessage {
        .init("fixture.unknown-rule", .error, "the document has no rule '\(id)'")
    }
    package static func unsupportedVersion(_ text: String) -> DiagnosticMessage {
        .init("fixture.unsupported-version", .error, "fixture format version \(text) is not supported; this engine reads 'fixtures: 1'")
    }
}

/// A path as diagnostics show it: relative to the current directory when it lies below it.
private func displayPath(_ url: URL) -> String {
    let full = url.standardizedFileURL.path
    let cwd = FileManager.default.currentDirectoryPath
    return full.hasPrefix(cwd + "/") ? String(full.dropFirst(cwd.count + 1)) : full
}
