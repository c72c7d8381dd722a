import Testing
import ThresholdsDiagnostics
@testable import ThresholdsYAML

private func load(_ text: String, limits: YAMLLimits = .default) -> YAMLDocument {
    YAMLLoader(limits: limits).load(text, path: "t.yaml")
}

private func ids(_ document: YAMLDocument) -> [String] {
    document.diagnostics.map(\.id.rawValue)
}

@Suite("YAML loader")
struct YAMLLoaderTests {
    @Test("a mapping keeps its entries in order, with 1-based ranges")
    func mappingRanges() throws {
        let document = load("board: North\ntitle: 'Neglect'\n")
        #expect(document.diagnostics.isEmpty)
        guard case .mapping(let mapping) = document.root else { Issue.record("not a mapping"); return }
        #expect(mapping.entries.count == 2)
        guard case .scalar(let key) = mapping.entries[1].key, case .scalar(let value) = mapping.entries[1].value
        else { Issue.record("not scalars"); return }
        #expect(key.value == "title")
        #expect(key.range.start == SourceLocation(line: 2, column: 1, offset: 13))
        #expect(value.value == "Neglect")
        #expect(value.style == .singleQuoted)
        #expect(value.range.start.column == 8)
        #expect(value.range.end.column == 17)
    }

    @Test("columns count Unicode scalars: multibyte text before a node shifts it by one column per scalar",
          arguments: ["", "é", "日本", "👩‍👧"])
    func multibyteColumns(prefix: String) throws {
        let document = load("k: {a\(prefix): 1, b: x}\n")
        guard case .mapping(let outer) = document.root, case .mapping(let inner) = outer.entries[0].value,
              case .scalar(let b) = inner.entries[1].key
        else { Issue.record("unexpected shape"); return }
        let scalars = prefix.unicodeScalars.count
        #expect(b.range.start.column == 11 + scalars)
        #expect(b.range.start.offset == 10 + prefix.utf8.count)
    }

    @Test("scalar styles are kept")
    func styles() {
        let document = load("a: plain\nb: 'single'\nc: \"double\"\nd: |\n  literal\ne: >\n  folded\n")
        guard case .mapping(let mapping) = document.root else { Issue.record("not a mapping"); return }
        let styles = mapping.entries.compactMap { entry -> YAMLNode.ScalarStyle? in
            if case .scalar(let scalar) = entry.value { return scalar.style }
            return nil
        }
        #expect(styles == [.plain, .singleQuoted, .doubleQuoted, .literal, .folded])
    }

    @Test("a duplicate key is reported at the second occurrence with a note at the first")
    func duplicateKey() throws {
        let document = load("id: A\ntitle: x\nid: B\n")
        let diagnostic = try #require(document.diagnostics.first)
        #expect(diagnostic.id == "yaml.duplicate-key")
        #expect(diagnostic.range?.start.line == 3)
        #expect(diagnostic.notes.first?.range?.start.line == 1)
        #expect(document.root != nil)
    }

    @Test("aliases expand to a copy of the anchored node")
    func aliasesExpand() {
        let document = load("base: &b {x: 1}\ncopy: *b\n")
        #expect(document.diagnostics.isEmpty)
        guard case .mapping(let mapping) = document.root, case .mapping(let copy) = mapping.entries[1].value
        else { Issue.record("alias not expanded"); return }
        #expect(copy.entries.count == 1)
    }

    @Test("an undefined alias is an error")
    func undefinedAlias() {
        #expect(ids(load("a: *nowhere\n")) == ["yaml.undefined-alias"])
    }

    @Test("a billion-laughs alias bomb fails fast on the node budget")
    func aliasBomb() {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(refs)]\n"
        }
        let document = load(text)
        #expect(ids(document) == ["yaml.alias-budget"])
        #expect(document.root == nil)
    }

    @Test("10,000-deep nesting stops at the depth limit", arguments: ["[", "{a: "])
    func deepNesting(opener: String) {
        let text = String(repeating: opener, count: 10_000)
        let document = load(text)
        #expect(ids(document) == ["yaml.nesting-too-deep"])
        #expect(document.diagnostics.first?.range?.start.line == 1)
    }

    @Test("more nodes than the limit is an error")
    func tooManyNodes() {
        let text = "[" + Array(repeating: "1", count: 50).joined(separator: ",") + "]"
        #expect(ids(load(text, limits: YAMLLimits(maxNodes: 20))) == ["yaml.too-many-nodes"])
    }

    @Test("a file over the size limit is refused without parsing")
    func tooLarge() {
        let document = load(String(repeating: "a", count: 101), limits: YAMLLimits(maxBytes: 100))
        #expect(ids(document) == ["yaml.file-too-large"])
    }

    @Test("a 50 MB file on disk is refused after reading only the limit")
    func fiftyMegabytes() throws {
        let path = NSTemporaryPath.make("big.yaml")
        let line = Array("key: value value value value value value value value\n".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(50 << 20)
        while bytes.count < 50 << 20 { bytes.append(contentsOf: line) }
        try TestFiles.write(bytes, to: path)
        defer { TestFiles.remove(path) }
        let document = YAMLLoader().load(contentsOf: path)
        #expect(ids(document) == ["yaml.file-too-large"])
    }

    @Test("invalid UTF-8 is reported at the bad byte")
    func invalidUTF8() throws {
        var bytes = Array("a: ok\nb: caf".utf8)
        bytes.append(0xC3)  // a truncated two-byte sequence
        bytes.append(contentsOf: Array(" x\n".utf8))
        let document = YAMLLoader().load(bytes, path: "t.yaml")
        let diagnostic = try #require(document.diagnostics.first)
        #expect(diagnostic.id == "yaml.invalid-utf8")
        #expect(diagnostic.range?.start.line == 2)
        #expect(diagnostic.range?.start.column == 7)
    }

    @Test("invalid UTF-8 is found on any line, after valid lines of other scripts and before a line break")
    func invalidUTF8Lines() throws {
        for (bytes, line, column) in [
            (Array("a: café\nb: ok\nc: é".utf8) + [0xE2, 0x82] + Array("\n".utf8), 3, 5),  // cut short by the line break
            (Array("a: ok\nb: — §\n".utf8) + [0x80] + Array(": x\n".utf8), 3, 1),           // a stray continuation byte
        ] {
            let document = YAMLLoader().load(bytes, path: "t.yaml")
            let diagnostic = try #require(document.diagnostics.first)
            #expect(diagnostic.id == "yaml.invalid-utf8")
            #expect(diagnostic.range?.start.line == line && diagnostic.range?.start.column == column, "\(String(describing: diagnostic.range))")
        }
        #expect(YAMLLoader().load(Array("a: café — §\nb: ok\n".utf8), path: "t.yaml").diagnostics.isEmpty)
    }

    @Test("a line and column give the same location on ASCII lines (counted) as on others (scanned)")
    func locations() {
        let source = SourceText(path: "t.yaml", text: "ab: cd\r\nnon-ASCII: é — x\n\nlast")
        for line in 0 ... 5 {
            for column in -1 ... 20 {
                let found = source.location(line: line, column: column)
                // The same place found from its offset, and by scanning on from the line's start.
                #expect(source.location(offset: found.offset) == found, "\(line):\(column)")
                #expect(source.location(line: line, column: column, after: SourceLocation(line: found.line, column: 1,
                                        offset: source.lineStarts[found.line - 1])) == found, "\(line):\(column)")
            }
        }
        // Past its end, a column stops just after the line's last character (here the `\r`).
        #expect(source.location(line: 1, column: 40) == SourceLocation(line: 1, column: 8, offset: 7))
        #expect(source.location(line: 4, column: 40) == SourceLocation(line: 4, column: 5, offset: 33))
    }

    @Test("a binary file is refused")
    func binary() {
        let bytes: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00, 0xFF]
        #expect(ids(YAMLLoader().load(bytes, path: "t.bin")) == ["yaml.binary-file"])
    }

    @Test("an empty file, or one with only comments, holds no document", arguments: ["", "# nothing\n", "\n\n"])
    func empty(text: String) {
        #expect(ids(load(text)) == ["yaml.empty"])
    }

    @Test("libyaml scanner and parser errors keep their location")
    func syntaxErrors() throws {
        let document = load("a: 1\nb: [1, 2\nc: 3\n")
        let diagnostic = try #require(document.diagnostics.first)
        #expect(diagnostic.id == "yaml.syntax")
        #expect(diagnostic.range?.start.line == 3)
        let tab = load("a:\n\tb: 1\n")
        #expect(ids(tab) == ["yaml.syntax"])
        #expect(tab.diagnostics.first?.range?.start.line == 2)
    }

    @Test("tags outside the core schema are errors; core tags are kept")
    func tags() throws {
        let document = load("a: !!str 2026\nb: !custom x\nc: !!python/object x\n")
        #expect(ids(document) == ["yaml.unsupported-tag", "yaml.unsupported-tag"])
        guard case .mapping(let mapping) = document.root, case .scalar(let a) = mapping.entries[0].value
        else { Issue.record("shape"); return }
        #expect(a.tag == CoreTag.string)
    }

    @Test("a second document in the file is an error")
    func multipleDocuments() {
        #expect(ids(load("a: 1\n---\nb: 2\n")) == ["yaml.multiple-documents"])
    }

    @Test("a missing file or a directory is an I/O diagnostic without a range")
    func unreadable() {
        let missing = YAMLLoader().load(contentsOf: "/nonexistent/board.yaml")
        #expect(ids(missing) == ["io.unreadable"])
        #expect(missing.diagnostics.first?.range == nil)
        #expect(ids(YAMLLoader().load(contentsOf: "/tmp")) == ["io.unreadable"])
    }

    @Test("positions inside a scalar's value map back to the file", arguments: [
        ("k: a and bx\n", 6, 1, 10),
        ("k: 'a and bx'\n", 6, 1, 11),
        ("k: \"a \\\"q\\\" bx\"\n", 6, 1, 13),
        ("k: |\n  a and\n  bx\n", 6, 3, 3),
        ("k: >-\n  a and\n  bx\n", 6, 3, 3),
        ("k: a and\n  bx\n", 6, 2, 3),
        // Longer than one word of eight bytes, with a remainder: compared a word at a time.
        ("k: count(concern) >= 12345\n", 21, 1, 25),
        ("k: \"count(concern) >= 12345\"\n", 23, 1, 28),
    ])
    func valueLocations(text: String, index: Int, line: Int, column: Int) throws {
        let document = load(text)
        guard case .mapping(let mapping) = document.root, case .scalar(let scalar) = mapping.entries[0].value
        else { Issue.record("shape"); return }
        let locations = scalar.valueLocations(in: document.source)
        #expect(locations.count == scalar.value.unicodeScalars.count + 1)
        #expect(locations[index].line == line)
        #expect(locations[index].column == column)
    }
}
