import ThresholdsDiagnostics
import ThresholdsYAML

/// Composes a document from the files it names: the vocabularies it `imports:` and the baseline
/// it `extends:`, recursively. Declarations from every file share one namespace; the baseline's
/// rules come first, in its order, with the document's `override:` replacing rules in place and
/// its `remove:` dropping them; then the document's own rules. Every problem is diagnosed where it
/// was written (the import, the id, the declaration), with notes pointing into the other file.
struct Composer {
    /// What one composed file makes visible to the file that imports or extends it.
    struct Scope {
        var isVocabulary: Bool
        var levels: [LevelDefinition] = []
        var facts: [FactDeclaration] = []
        var events: [EventDeclaration] = []
        var definitions: [Definition] = []
        var tables: [LookupTable] = []
        var rules: [Rule] = []
        var removed: [RemovedRule] = []
        var unreadableNames: Set<String> = []
        /// Every declared name (facts, events, definitions, and levels as `level:<name>`), with
        /// where it was declared.
        var declared: [String: Declared] = [:]
    }

    struct Declared {
        var kind: String
        var file: String
        var range: SourceRange
    }

    /// A step from a file to one it names, for reporting cycles.
    private struct Link {
        var file: String
        var range: SourceRange
        var target: String
    }

    /// The deepest chain of imports and baselines, and the most files one document may be
    /// composed from: with the YAML limits per file, they bound the work and the recursion any
    /// document can ask for.
    static let maxDepth = 32
    static let maxFiles = 256

    private let source: any DocumentSource
    private let loader: YAMLLoader
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var sources: [String: SourceText] = [:]
    /// Files in the order they were first read.
    private(set) var files: [String] = []
    /// Whether any file had parse errors, so that some declarations or uses may be missing.
    private(set) var incomplete = false
    /// Whether a file could not be composed (missing, outside the root, a cycle, a wrong kind).
    private(set) var failed = false
    private var units: [String: DocumentUnit] = [:]
    private var scopes: [String: Scope] = [:]
    private var unusable: Set<String> = []

    init(source: any DocumentSource, loader: YAMLLoader) {
        self.source = source
        self.loader = loader
    }

    /// Composes the file at `path` (already loaded as `yaml`): its unit and what it declares and
    /// rules, or `nil` when it cannot be read or composed.
    mutating func compose(_ yaml: YAMLDocument) -> (unit: DocumentUnit, scope: Scope)? {
        // The root's scope is taken out of the cache, which nothing reads once it is resolved:
        // the caller then holds the scope's parts alone, and can change them in place.
        guard let unit = read(yaml), resolve(unit.path, chain: []) != nil,
              let scope = scopes.removeValue(forKey: unit.path)
        else { return nil }
        return (unit, scope)
    }

    private mutating func read(_ yaml: YAMLDocument) -> DocumentUnit? {
        let path = yaml.source.path
        files.append(path)
        sources[path] = yaml.source
        diagnostics += yaml.diagnostics
        let (unit, parseDiagnostics) = DocumentParser.parseUnit(yaml)
        diagnostics += parseDiagnostics
        if parseDiagnostics.containsErrors || yaml.diagnostics.containsErrors { incomplete = true }
        guard let unit else {
            unusable.insert(path)
            return nil
        }
        units[path] = unit
        return unit
    }

    // MARK: Resolving a file

    private mutating func resolve(_ path: String, chain: [Link]) -> Scope? {
        if let scope = scopes[path] { return scope }
        guard !unusable.contains(path), let unit = units[path] else { return nil }
        var scope = Scope(isVocabulary: unit.isVocabulary)
        var ok = true
        var baselineRead = unit.extends == nil
        for name in unit.imports {
            guard let imported = named(name, by: unit.path, chain: chain) else {
                ok = false
                continue
            }
            guard imported.isVocabulary else {
                report(CompositionDiagnostics.importedDocument(name.value), unit.path, name.range)
                ok = false
                continue
            }
            merge(imported, into: &scope, at: name, in: unit.path)
            scope.unreadableNames.formUnion(imported.unreadableNames)
        }
        if let name = unit.extends {
            if let baseline = named(name, by: unit.path, chain: chain) {
                if baseline.isVocabulary {
                    report(CompositionDiagnostics.extendedVocabulary(name.value), unit.path, name.range)
                    ok = false
                } else {
                    merge(baseline, into: &scope, at: name, in: unit.path)
                    scope.unreadableNames.formUnion(baseline.unreadableNames)
                    scope.rules = baseline.rules
                    scope.removed = baseline.removed
                    baselineRead = true
                }
            } else {
                ok = false
            }
        }
        declareLocal(unit, in: &scope)
        scope.unreadableNames.formUnion(unit.unreadableNames)
        // Without its baseline, what a document overrides or removes cannot be judged: the
        // problem with the baseline is already reported.
        if baselineRead { applyRules(unit, to: &scope) }
        guard ok else {
            failed = true
            unusable.insert(path)
            return nil
        }
        scopes[path] = scope
        return scope
    }

    /// The scope of the file an import or `extends:` names, diagnosing a path that is absolute,
    /// leaves the root, is missing, or closes a cycle.
    private mutating func named(_ name: Located<String>, by file: String, chain: [Link]) -> Scope? {
        if name.value.hasPrefix("/") {
            report(CompositionDiagnostics.outsideRoot(name.value, "an absolute path; write it relative to this file"),
                   file, name.range)
            return nil
        }
        let target = DocumentPath.join(name.value, toFolderOf: file)
        let link = Link(file: file, range: name.range, target: target)
        let path = chain + [link]
        guard path.count <= Self.maxDepth else {
            report(CompositionDiagnostics.tooDeep(Self.maxDepth), file, name.range)
            return nil
        }
        guard units[target] != nil || sources.count < Self.maxFiles else {
            report(CompositionDiagnostics.tooManyFiles(Self.maxFiles), file, name.range)
            return nil
        }
        if let start = path.firstIndex(where: { $0.file == target }) {
            let cycle = path[start...]
            let names = cycle.map(\.file) + [target]
            report(CompositionDiagnostics.cycle(names), file, name.range,
                   notes: cycle.dropLast().map { DiagnosticNote("'\($0.file)' names '\($0.target)' here", file: $0.file, range: $0.range) })
            return nil
        }
        if units[target] == nil, !unusable.contains(target) {
            switch source.problem(at: target) {
            case .missing?:
                report(CompositionDiagnostics.missingFile(name.value, target), file, name.range)
                unusable.insert(target)
                return nil
            case .outsideRoot(let why)?:
                report(CompositionDiagnostics.outsideRoot(name.value, why), file, name.range,
                       notes: [DiagnosticNote("every file a document imports or extends must lie inside the rules root; "
                                              + "if this one should be read, give a wider root ('--rules-root', or the rulesRoot of the loader)")])
                return nil
            case nil:
                _ = read(source.load(target, with: loader))
            }
        }
        // A file that cannot be read or composed has its own diagnostics.
        return resolve(target, chain: path)
    }

    // MARK: Declarations

    /// Adds what an imported or extended file declares, once however many routes reach it; the
    /// same name from two different files is diagnosed at the import that brings the second.
    private mutating func merge(_ other: Scope, into scope: inout Scope, at name: Located<String>, in file: String) {
        func admit(_ key: String, _ declared: Declared) -> Bool {
            guard let existing = scope.declared[key] else {
                scope.declared[key] = declared
                return true
            }
            if existing.file == declared.file && existing.range == declared.range { return false }
            report(CompositionDiagnostics.duplicateDeclaration(display(key), existing.file, declared.file), file, name.range,
                   notes: [DiagnosticNote("\(existing.kind) '\(display(key))' is declared here", file: existing.file,
                                          range: existing.range),
                           DiagnosticNote("and \(declared.kind) '\(display(key))' here", file: declared.file,
                                          range: declared.range)])
            failed = true
            return false
        }
        for level in other.levels where admit(levelKey(level.level), other.declared[levelKey(level.level)]
                                              ?? Declared(kind: "level", file: level.file ?? "", range: level.range)) {
            scope.levels.append(level)
        }
        for fact in other.facts where admit(fact.name.value, other.declared[fact.name.value] ?? declared("a fact", fact.file, fact.name.range)) {
            scope.facts.append(fact)
        }
        for event in other.events where admit(event.name.value, other.declared[event.name.value] ?? declared("an event", event.file, event.name.range)) {
            scope.events.append(event)
        }
        for definition in other.definitions
        where admit(definition.name.value, other.declared[definition.name.value] ?? declared("a definition", definition.file, definition.name.range)) {
            scope.definitions.append(definition)
        }
        for table in other.tables where admit(table.name.value, other.declared[table.name.value] ?? declared("a table", table.file, table.name.range)) {
            scope.tables.append(table)
        }
    }

    private func declared(_ kind: String, _ file: String?, _ range: SourceRange) -> Declared {
        Declared(kind: kind, file: file ?? "", range: range)
    }

    private func levelKey(_ level: Level) -> String { "level:" + level.rawValue }

    private func display(_ key: String) -> String {
        key.hasPrefix("level:") ? String(key.dropFirst(6)) : key
    }

    /// The file's own declarations, marked with their file; one that hides a name an imported or
    /// extended file declares is an error: it would silently change what the other file meant.
    private mutating func declareLocal(_ unit: DocumentUnit, in scope: inout Scope) {
        let file = unit.path
        func admit(_ key: String, _ kind: String, _ range: SourceRange) -> Bool {
            if let existing = scope.declared[key], existing.file != file {
                report(CompositionDiagnostics.shadowedDeclaration(display(key), existing.file), file, range,
                       notes: [DiagnosticNote("\(existing.kind) '\(display(key))' is declared here", file: existing.file,
                                              range: existing.range),
                               DiagnosticNote("use the imported one, or give this one a name of its own")])
                failed = true
                return false
            }
            scope.declared[key] = Declared(kind: kind, file: file, range: range)
            return true
        }
        for var level in unit.levels where admit(levelKey(level.level), "level", level.range) {
            level.file = file
            scope.levels.append(level)
        }
        for var fact in unit.facts where admit(fact.name.value, "a fact", fact.name.range) {
            fact.file = file
            scope.facts.append(fact)
        }
        for var event in unit.events where admit(event.name.value, "an event", event.name.range) {
            event.file = file
            scope.events.append(event)
        }
        for var definition in unit.definitions where admit(definition.name.value, "a definition", definition.name.range) {
            definition.file = file
            scope.definitions.append(definition)
        }
        for var table in unit.tables where admit(table.name.value, "a table", table.name.range) {
            table.file = file
            scope.tables.append(table)
        }
        scope.levels.sort { $0.level < $1.level }
    }

    // MARK: Rules

    /// Applies `remove:`, then `override:` (in place), then appends the file's own rules.
    private mutating func applyRules(_ unit: DocumentUnit, to scope: inout Scope) {
        let file = unit.path
        // Without a baseline there is nothing to override or remove (the parser said so).
        if unit.extends == nil {
            scope.rules.reserveCapacity(scope.rules.count + unit.rules.count)
            for var rule in unit.rules {
                rule.file = file
                scope.rules.append(rule)
            }
            return
        }
        let baseline = unit.extends.map { DocumentPath.join($0.value, toFolderOf: file) } ?? file
        var removedHere: Set<String> = []
        for removal in unit.removals {
            guard let index = baselineRule(removal.id, in: scope, file: file, baseline: baseline) else { continue }
            let rule = scope.rules.remove(at: index)
            removedHere.insert(removal.id.value)
            scope.removed.append(RemovedRule(id: removal.id, reason: removal.reason, file: file,
                                             baselineFile: rule.file ?? baseline))
        }
        for var rule in unit.overrides {
            if removedHere.contains(rule.id.value) {
                let removal = unit.removals.first { $0.id.value == rule.id.value }
                report(CompositionDiagnostics.overrideAndRemove(rule.id.value), file, rule.id.range,
                       notes: removal.map { [DiagnosticNote("it is removed here", file: file, range: $0.id.range)] } ?? [])
                failed = true
                continue
            }
            guard let index = baselineRule(rule.id, in: scope, file: file, baseline: baseline) else { continue }
            let old = scope.rules[index]
            rule.file = file
            rule.overrides = OverriddenRule(file: old.file ?? baseline, title: old.title, source: old.source)
            scope.rules[index] = rule
        }
        for var rule in unit.rules {
            if let existing = scope.rules.first(where: { $0.id.value == rule.id.value }), existing.file != file {
                report(CompositionDiagnostics.shadowedRule(rule.id.value, existing.file ?? baseline), file, rule.id.range,
                       notes: [DiagnosticNote("the baseline's rule '\(rule.id.value)' is here", file: existing.file ?? baseline,
                                              range: existing.id.range)])
                failed = true
                continue
            }
            rule.file = file
            scope.rules.append(rule)
        }
    }

    /// The index of the baseline rule an `override:` or `remove:` names; diagnosed when there is none.
    private mutating func baselineRule(_ id: Located<String>, in scope: Scope, file: String, baseline: String) -> Int? {
        if let index = scope.rules.firstIndex(where: { $0.id.value == id.value }) { return index }
        diagnostics.append(Suggestion.diagnostic(
            CompositionDiagnostics.unknownBaselineRule(id.value, baseline), name: id.value,
            candidates: scope.rules.map(\.id.value), file: file, range: id.range))
        failed = true
        return nil
    }

    private mutating func report(_ message: DiagnosticMessage, _ file: String, _ range: SourceRange,
                                 notes: [DiagnosticNote] = []) {
        diagnostics.append(Diagnostic(message, file: file, range: range, notes: notes))
    }
}
