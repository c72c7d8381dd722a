internal import CThresholdsLibYAML
public import ThresholdsDiagnostics
internal import Foundation

/// The result of loading one YAML file: its text, its root node (absent when the file could not
/// be read, held no document, or had a fatal error), and every problem found.
public struct YAMLDocument: Sendable {
    /// The file's text, for locations and excerpts.
    public let source: SourceText
    /// The root node, when there is one to work with. It may be present alongside non-fatal
    /// diagnostics such as a duplicate key (the duplicate entry is dropped).
    public let root: YAMLNode?
    /// The problems found, in the order found.
    public let diagnostics: [Diagnostic]
}

/// Reads YAML through libyaml's event API into a ``YAMLNode`` tree with source ranges.
///
/// Never traps on input: every problem (unreadable, too large, binary, invalid UTF-8, libyaml
/// scanner and parser errors, nesting and node limits, alias bombs, duplicate keys, tags outside
/// the core schema) is a `Diagnostic` at the place it was found.
public struct YAMLLoader: Sendable {
    /// The limits enforced.
    public var limits: YAMLLimits

    /// Creates a loader with the given limits.
    public init(limits: YAMLLimits = .default) {
        self.limits = limits
    }

    /// Loads a file, reading at most `limits.maxBytes + 1` bytes of it.
    public func load(contentsOf path: String) -> YAMLDocument {
        let empty = SourceText(path: path, bytes: [])
        // Only a regular file is opened: a FIFO would block, a directory or device cannot be read.
        if let reason = FileCheck.problem(at: path) {
            return YAMLDocument(source: empty, root: nil, diagnostics: [
                Diagnostic(YAMLDiagnostics.unreadable(reason), file: path, range: nil)
            ])
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            return YAMLDocument(source: empty, root: nil, diagnostics: [
                Diagnostic(YAMLDiagnostics.unreadable("permission denied"), file: path, range: nil)
            ])
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: limits.maxBytes + 1) ?? Data()
        } catch {
            return YAMLDocument(source: empty, root: nil, diagnostics: [
                Diagnostic(YAMLDiagnostics.unreadable(String(describing: error)), file: path, range: nil)
            ])
        }
        return load(Array(data), path: path)
    }

    /// Loads YAML text held in memory; `path` names it in diagnostics.
    public func load(_ text: String, path: String) -> YAMLDocument {
        load(Array(text.utf8), path: path)
    }

    /// Loads YAML bytes held in memory; `path` names them in diagnostics.
    public func load(_ bytes: [UInt8], path: String) -> YAMLDocument {
        if bytes.count > limits.maxBytes {
            let source = SourceText(path: path, bytes: [])
            return YAMLDocument(source: source, root: nil, diagnostics: [
                Diagnostic(YAMLDiagnostics.fileTooLarge(limits.maxBytes), file: path, range: nil)
            ])
        }
        let source = SourceText(path: path, bytes: bytes)
        if let nul = bytes.firstIndex(of: 0) {
            return YAMLDocument(source: source, root: nil, diagnostics: [
                Diagnostic(YAMLDiagnostics.binaryFile, file: path, range: SourceRange(at: source.location(offset: nul)))
            ])
        }
        if let bad = Self.firstInvalidUTF8Offset(source) {
            return YAMLDocument(source: source, root: nil, diagnostics: [
                Diagnostic(YAMLDiagnostics.invalidUTF8, file: path, range: SourceRange(at: source.location(offset: bad)))
            ])
        }
        var builder = TreeBuilder(source: source, limits: limits)
        builder.run()
        if builder.root == nil, !builder.diagnostics.containsErrors {
            builder.diagnostics.append(
                Diagnostic(YAMLDiagnostics.emptyFile, file: path, range: SourceRange(at: .start)))
        }
        return YAMLDocument(source: source, root: builder.root, diagnostics: builder.diagnostics)
    }

    /// The byte offset of the first invalid UTF-8 sequence, if any. Only lines with a byte
    /// beyond ASCII are decoded: a line break is ASCII, so no sequence spans two lines.
    static func firstInvalidUTF8Offset(_ source: SourceText) -> Int? {
        for (index, ascii) in source.asciiLines.enumerated() where !ascii {
            let end = index + 1 < source.lineStarts.count ? source.lineStarts[index + 1] : source.bytes.count
            // The line's ASCII prefix is valid as it stands: decoding starts at its first byte beyond ASCII.
            var start = source.lineStarts[index]
            while start < end, source.bytes[start] < 0x80 { start += 1 }
            var iterator = source.bytes[start ..< end].makeIterator()
            var decoder = UTF8()
            var offset = start
            decoding: while true {
                switch decoder.decode(&iterator) {
                case .scalarValue(let scalar): offset += UTF8.width(scalar)
                case .emptyInput: break decoding
                case .error: return offset
                }
            }
        }
        return nil
    }
}

/// Turns libyaml events into nodes, keeping a stack of open collections.
private struct TreeBuilder {
    let source: SourceText
    let limits: YAMLLimits
    var diagnostics: [Diagnostic] = []
    var root: YAMLNode?

    /// An open collection. Its contents are appended in place on the stack (`stack[last]`), never
    /// through a copy, so building a list of n items is O(n), not O(n²).
    private struct Frame {
        let isMapping: Bool
        var items: [YAMLNode] = []
        var entries: [YAMLNode.Mapping.Entry] = []
        var pendingKey: YAMLNode?
        /// The scalar keys' first ranges, kept once the mapping outgrows a scan of its entries.
        var seen: [String: SourceRange]?
        let start: SourceLocation
        let tag: String?
        let anchor: String?
        let firstNode: Int

        /// The range of the entry whose key is `key`: found by scanning a small mapping (most
        /// have a handful of keys, where hashing each one costs more than comparing), and by a
        /// dictionary built when it grows past that.
        mutating func range(ofKey key: String) -> SourceRange? {
            if let seen { return seen[key] }
            if entries.count < 16 {
                for entry in entries {
                    if case .scalar(let scalar) = entry.key, scalar.value == key { return scalar.range }
                }
                return nil
            }
            var index: [String: SourceRange] = [:]
            for entry in entries {
                if case .scalar(let scalar) = entry.key, index[scalar.value] == nil { index[scalar.value] = scalar.range }
            }
            seen = index
            return index[key]
        }

        mutating func append(_ entry: YAMLNode.Mapping.Entry) {
            entries.append(entry)
            if seen != nil, case .scalar(let scalar) = entry.key { seen?[scalar.value] = scalar.range }
        }
    }

    private var stack: [Frame] = []
    /// Anchored nodes with the number of nodes each expands to.
    private var anchors: [String: (node: YAMLNode, size: Int)] = [:]
    private var nodeCount = 0
    private var documents = 0

    init(source: SourceText, limits: YAMLLimits) {
        self.source = source
        self.limits = limits
    }

    mutating func run() {
        guard !source.bytes.isEmpty else { return }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            report(YAMLDiagnostics.syntax("libyaml could not allocate a parser"), at: .start)
            return
        }
        defer { yaml_parser_delete(&parser) }
        source.bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            yaml_parser_set_input_string(&parser, base, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    reportParserError(parser)
                    return
                }
                let keepGoing = handle(event)
                let done = event.type == YAML_STREAM_END_EVENT
                yaml_event_delete(&event)
                if !keepGoing || done { return }
            }
        }
    }

    /// Handles one event; returns false to stop at a fatal problem.
    private mutating func handle(_ event: yaml_event_t) -> Bool {
        let start = location(event.start_mark)
        let end = location(event.end_mark)
        switch event.type {
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                report(YAMLDiagnostics.multipleDocuments, at: start)
                root = nil
                return false
            }
            return true
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let value = Self.string(data.value, length: data.length)
            let tag = checkedTag(Self.optionalString(data.tag), at: start, end: end)
            let style: YAMLNode.ScalarStyle = switch data.style {
            case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
            case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
            case YAML_LITERAL_SCALAR_STYLE: .literal
            case YAML_FOLDED_SCALAR_STYLE: .folded
            default: .plain
            }
            let node = YAMLNode.scalar(.init(value: value, style: style, tag: tag,
                                             range: SourceRange(start: start, end: end)))
            return add(node, anchor: Self.optionalString(data.anchor), counting: 1, size: 1)
        case YAML_ALIAS_EVENT:
            let name = Self.optionalString(event.data.alias.anchor) ?? ""
            guard let anchored = anchors[name] else {
                report(YAMLDiagnostics.undefinedAlias(name), at: start, end: end)
                return false
            }
            return add(anchored.node, anchor: nil, counting: anchored.size, size: anchored.size)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            guard enter(at: start, end: end) else { return false }
            let tag = checkedTag(Self.optionalString(data.tag), at: start, end: end)
            stack.append(Frame(isMapping: false, start: start, tag: tag, anchor: Self.optionalString(data.anchor),
                               firstNode: nodeCount))
            return true
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            guard enter(at: start, end: end) else { return false }
            let tag = checkedTag(Self.optionalString(data.tag), at: start, end: end)
            var frame = Frame(isMapping: true, start: start, tag: tag, anchor: Self.optionalString(data.anchor),
                              firstNode: nodeCount)
            // Room for a rule's or a declaration's handful of keys, so the entries are not regrown
            // one key at a time.
            frame.entries.reserveCapacity(8)
            stack.append(frame)
            return true
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = stack.popLast() else { return true }
            let range = SourceRange(start: frame.start, end: end)
            let node = frame.isMapping
                ? YAMLNode.mapping(.init(entries: frame.entries, tag: frame.tag, range: range))
                : YAMLNode.sequence(.init(items: frame.items, tag: frame.tag, range: range))
            return add(node, anchor: frame.anchor, counting: 1, size: nodeCount - frame.firstNode + 1)
        default:
            return true
        }
    }

    /// Checks the depth limit before a collection opens.
    private mutating func enter(at start: SourceLocation, end: SourceLocation) -> Bool {
        guard stack.count < limits.maxDepth else {
            report(YAMLDiagnostics.nestingTooDeep(limits.maxDepth), at: start, end: end)
            root = nil
            return false
        }
        return true
    }

    /// Adds a finished node to its parent (or makes it the root), registering its anchor.
    /// `counting` is how many nodes it adds to the budget (a scalar or a closed collection 1, its
    /// contents having been counted as they arrived; an alias every node it expands to);
    /// `size` is how many nodes an alias to it would expand to.
    private mutating func add(_ node: YAMLNode, anchor: String?, counting: Int, size: Int) -> Bool {
        nodeCount += counting
        guard nodeCount <= limits.maxNodes else {
            let message = counting > 1
                ? YAMLDiagnostics.aliasBudgetExceeded(limits.maxNodes) : YAMLDiagnostics.tooManyNodes(limits.maxNodes)
            report(message, at: node.range.start, end: node.range.end)
            root = nil
            return false
        }
        if let anchor { anchors[anchor] = (node, size) }
        guard let top = stack.indices.last else {
            root = node
            return true
        }
        guard stack[top].isMapping else {
            stack[top].items.append(node)
            return true
        }
        guard let key = stack[top].pendingKey else {
            stack[top].pendingKey = node
            return true
        }
        stack[top].pendingKey = nil
        if case .scalar(let scalar) = key, let first = stack[top].range(ofKey: scalar.value) {
            diagnostics.append(Diagnostic(
                YAMLDiagnostics.duplicateKey(scalar.value), file: source.path, range: scalar.range,
                notes: [DiagnosticNote("'\(scalar.value)' is first defined here", range: first)]))
        } else {
            stack[top].append(.init(key: key, value: node))
        }
        return true
    }

    private mutating func checkedTag(_ tag: String?, at start: SourceLocation, end: SourceLocation) -> String? {
        guard let tag else { return nil }
        if !CoreTag.all.contains(tag) {
            report(YAMLDiagnostics.unsupportedTag(tag), at: start, end: end)
        }
        return tag
    }

    private mutating func reportParserError(_ parser: yaml_parser_t) {
        let problem = Self.optionalString(parser.problem) ?? "malformed YAML"
        var message = problem
        if let context = Self.optionalString(parser.context) { message = "\(context), \(problem)" }
        let at: SourceLocation
        if parser.error == YAML_READER_ERROR {
            at = source.location(offset: parser.problem_offset)
        } else {
            at = location(parser.problem_mark)
        }
        var notes: [DiagnosticNote] = []
        if at.offset < source.bytes.count, source.bytes[at.offset] == UInt8(ascii: "\t") {
            notes.append(DiagnosticNote("YAML does not allow tabs for indentation; indent with spaces"))
        }
        if parser.context != nil, parser.context_mark.line != parser.problem_mark.line
            || parser.context_mark.column != parser.problem_mark.column
        {
            notes.append(DiagnosticNote("the construct started here", range: SourceRange(at: location(parser.context_mark))))
        }
        diagnostics.append(Diagnostic(YAMLDiagnostics.syntax(message), file: source.path,
                                      range: SourceRange(at: at), notes: notes))
        root = nil
    }

    private mutating func report(_ message: DiagnosticMessage, at start: SourceLocation, end: SourceLocation? = nil) {
        diagnostics.append(Diagnostic(message, file: source.path, range: SourceRange(start: start, end: end ?? start)))
    }

    /// Converts libyaml's 0-based mark (line and column in characters) once, here.
    /// The last location computed: libyaml's marks arrive nearly in order, so each is found by
    /// scanning on from the previous one rather than from the start of its line.
    private var cursor: SourceLocation?

    private mutating func location(_ mark: yaml_mark_t) -> SourceLocation {
        let line = Int(mark.line) + 1
        let column = Int(mark.column) + 1
        // On an ASCII line (nearly every line) a column is a byte count, and the location is
        // arithmetic, made inline; elsewhere the scan goes on from the last location found.
        let found = source.asciiLocation(line: line, column: column) ?? source.location(line: line, column: column, after: cursor)
        cursor = found
        return found
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?, length: Int) -> String {
        guard let pointer else { return "" }
        return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
    }

    private static func optionalString(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private static func optionalString(_ pointer: UnsafePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }
}
