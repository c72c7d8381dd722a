import ThresholdsDiagnostics
import ThresholdsYAML

/// Reads YAML nodes into typed values, reporting every problem into `diagnostics` and carrying on:
/// a value that cannot be read is `nil`, and its parent decides what that means.
struct NodeReader {
    let source: SourceText
    var diagnostics: [Diagnostic] = []

    init(source: SourceText) {
        self.source = source
    }

    mutating func report(_ message: DiagnosticMessage, _ range: SourceRange?, notes: [DiagnosticNote] = [],
                         fixIts: [FixIt] = []) {
        diagnostics.append(Diagnostic(message, file: source.path, range: range, notes: notes, fixIts: fixIts))
    }

    /// A mapping's entries by key, after checking that every key is a known, plain name. Unknown keys
    /// are reported with the nearest known key as a suggestion and a fix-it.
    mutating func fields(of node: YAMLNode, _ context: String, allowed: [String]) -> Fields? {
        guard case .mapping(let mapping) = node else {
            report(ParserDiagnostics.wrongType(context.capitalizedFirst, expected: "a mapping", found: describe(node)),
                   node.range)
            return nil
        }
        var fields = Fields(range: mapping.range, context: context)
        fields.entries.reserveCapacity(mapping.entries.count)
        for entry in mapping.entries {
            guard case .scalar(let key) = entry.key else {
                report(ParserDiagnostics.nonScalarKey(), entry.key.range)
                continue
            }
            guard allowed.contains(where: { $0.isSameKey(key.value) }) else {
                if let suggestion = Suggestion.nearest(to: key.value, in: allowed) { fields.misspelled.insert(suggestion) }
                reportUnknown(ParserDiagnostics.unknownKey(key.value, in: context), name: key.value,
                              candidates: allowed, range: key.range)
                continue
            }
            fields.entries.append((key.value, entry.value, key.range))
        }
        return fields
    }

    /// Reports an unknown name, adding "did you mean" and a fix-it when a candidate is close, or
    /// the `fallback` note (such as the list of valid names) when none is.
    mutating func reportUnknown(_ message: DiagnosticMessage, name: String, candidates: [String], range: SourceRange,
                                fallback: String? = nil) {
        diagnostics.append(Suggestion.diagnostic(message, name: name, candidates: candidates, file: source.path,
                                                 range: range, fallback: fallback))
    }

    /// The value of a required key, reporting it when missing.
    mutating func required(_ key: String, in fields: Fields) -> YAMLNode? {
        guard let node = fields[key] else {
            // A misspelt key already has a diagnostic that suggests this one.
            guard !fields.misspelled.contains(key) else { return nil }
            report(ParserDiagnostics.missingKey(key, in: fields.context), SourceRange(at: fields.range.start))
            return nil
        }
        return node
    }

    /// A string: any non-null scalar (`version: 2026.2` is the string "2026.2").
    mutating func string(_ node: YAMLNode?, _ what: String) -> String? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, !scalar.isNull else {
            report(ParserDiagnostics.wrongType(what, expected: "a string", found: node.kindDescription), node.range)
            return nil
        }
        return scalar.value
    }

    /// `true` or `false`, written as a plain scalar (YAML 1.2: `yes` and `no` are strings).
    mutating func boolean(_ node: YAMLNode?, _ what: String) -> Bool? {
        guard let node else { return nil }
        if case .scalar(let scalar) = node, scalar.style == .plain {
            switch scalar.value {
            case "true", "True", "TRUE": return true
            case "false", "False", "FALSE": return false
            default: break
            }
        }
        report(ParserDiagnostics.wrongType(what, expected: "true or false", found: describe(node)), node.range)
        return nil
    }

    /// One of a fixed set of names, with a suggestion when it is not.
    mutating func oneOf(_ node: YAMLNode?, _ what: String, _ names: [String]) -> String? {
        guard let text = string(node, what), let node else { return nil }
        guard names.contains(text) else {
            reportUnknown(ParserDiagnostics.notOneOf(what, text, names), name: text, candidates: names, range: node.range)
            return nil
        }
        return text
    }

    /// A whole number written as a plain scalar.
    mutating func integer(_ node: YAMLNode?, _ what: String) -> Int? {
        guard let node else { return nil }
        guard case .scalar(let scalar) = node, scalar.style == .plain, let value = Int(scalar.value) else {
            report(ParserDiagnostics.wrongType(what, expected: "a whole number", found: describe(node)), node.range)
            return nil
        }
        return value
    }

    /// A date `YYYY-MM-DD`.
    mutating func date(_ node: YAMLNode?, _ what: String) -> LocalDate? {
        guard let text = string(node, what), let node else { return nil }
        guard let date = LocalDate(text) else {
            report(ParserDiagnostics.invalidDate(text), node.range)
            return nil
        }
        return date
    }

    /// A duration `N unit`.
    mutating func duration(_ node: YAMLNode?, _ what: String) -> Duration? {
        guard let text = string(node, what), let node else { return nil }
        guard let duration = Duration(text) else {
            report(ParserDiagnostics.invalidDuration(text), node.range)
            return nil
        }
        return duration
    }

    /// The items of a list.
    mutating func list(_ node: YAMLNode?, _ what: String) -> [YAMLNode]? {
        guard let node else { return nil }
        guard case .sequence(let sequence) = node else {
            report(ParserDiagnostics.wrongType(what, expected: "a list", found: describe(node)), node.range)
            return nil
        }
        return sequence.items
    }

    /// The entries of a mapping of names to values, each key checked as a lower_snake_case name.
    mutating func namedEntries(_ node: YAMLNode?, _ what: String) -> [(name: Located<String>, value: YAMLNode)]? {
        guard let node else { return nil }
        guard case .mapping(let mapping) = node else {
            report(ParserDiagnostics.wrongType(what, expected: "a mapping of names", found: node.kindDescription), node.range)
            return nil
        }
        var entries: [(Located<String>, YAMLNode)] = []
        for entry in mapping.entries {
            guard case .scalar(let key) = entry.key else {
                report(ParserDiagnostics.nonScalarKey(), entry.key.range)
                continue
            }
            guard Self.isValidName(key.value) else {
                report(ParserDiagnostics.invalidIdentifier(key.value), key.range)
                continue
            }
            entries.append((Located(key.value, range: key.range), entry.value))
        }
        return entries
    }

    /// How a node is described when it has the wrong type: "the string 'yes'", "a list".
    func describe(_ node: YAMLNode) -> String {
        guard case .scalar(let scalar) = node, !scalar.isNull else { return node.kindDescription }
        return "'\(scalar.value)'"
    }

    /// Whether a name is lower_snake_case.
    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
            && !ExpressionParser.reservedWords.contains(name)
    }
}

/// A mapping's checked entries.
struct Fields {
    var range: SourceRange
    var context: String
    /// The allowed keys present, in the mapping's order, each once (the YAML loader reports and
    /// drops a repeated key). A schema's mapping has a handful of keys: scanned, not hashed.
    var entries: [(key: String, value: YAMLNode, range: SourceRange)] = []
    /// Allowed keys that an unknown key was probably meant to be.
    var misspelled: Set<String> = []

    /// The value of `key`, when present.
    subscript(key: String) -> YAMLNode? { entries.first { $0.key.isSameKey(key) }?.value }

    /// Where `key` is written, when present.
    func keyRange(_ key: String) -> SourceRange? { entries.first { $0.key.isSameKey(key) }?.range }
}

extension String {
    /// Whether two keys are equal, seen first by their lengths: the keys a schema's mapping is
    /// searched for mostly differ in length, which is read in constant time, while comparing two
    /// different strings' contents goes through the standard library's general comparison.
    func isSameKey(_ other: String) -> Bool { utf8.count == other.utf8.count && self == other }

    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
