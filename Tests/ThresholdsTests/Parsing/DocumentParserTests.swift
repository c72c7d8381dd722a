import Foundation
import Testing
@testable import Thresholds
import ThresholdsDiagnostics

private let header = """
    thresholds: 1
    board: Test Board
    title: T
    version: "1"
    effective: 2026-04-01
    levels:
      early_help: { label: L2 }
      child_in_need: { label: L3 }
      child_protection: { label: L4 }

    """

private func load(_ body: String) -> LoadedDocument {
    DocumentLoader().load(text: header + body, path: "t.yaml")
}

/// The text with `1️⃣` removed, and the 1-based line and column (in Unicode scalars) where it was.
private func marked(_ text: String) -> (text: String, line: Int, column: Int) {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    for (index, line) in lines.enumerated() {
        if let range = line.range(of: "1️⃣") {
            let column = line[line.startIndex..<range.lowerBound].unicodeScalars.count + 1
            return (text.replacingOccurrences(of: "1️⃣", with: ""), index + 1, column)
        }
    }
    return (text, 0, 0)
}

struct MarkerCase: CustomTestStringConvertible, Sendable {
    let name: String
    let body: String
    let id: String
    var testDescription: String { name }
}

@Suite("Document parser")
struct DocumentParserTests {
    @Test("a document is read into typed values with ranges")
    func typedDocument() throws {
        let loaded = load("""
            facts:
              housing: { type: enum, values: [secure, temporary] }
              good_enough_care:
                type: boolean
                question: Is care good enough?
            rules:
              - id: R1
                title: A rule
                level: current_plan + 1
                when:
                  all:
                    - housing == temporary
                    - not: good_enough_care
                unless: child.disabled
                because: Why.
                source: §1
                actions:
                  - see_child_within: 5 working days
                  - note: Do this.
              - id: M1
                title: A modifier
                raise: 2
                up_to: child_protection
                when: child.unborn
                source: §2
            """)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let document = try #require(loaded.document)
        #expect(document.effective == LocalDate(year: 2026, month: 4, day: 1))
        #expect(document.facts.map(\.type) == [.enumeration(["secure", "temporary"]), .boolean])
        #expect(document.facts[1].question == "Is care good enough?")
        let rule = document.rules[0]
        #expect(rule.effect.value == .relativeToCurrentPlan(offset: 1))
        #expect(rule.actions.map(\.kind) == [.seeChildWithin, .note])
        #expect(rule.actions[0].within == Duration(5, .workingDays))
        #expect(rule.actions[1].text == "Do this.")
        guard case .all(let parts) = rule.when.kind else { Issue.record("not all"); return }
        #expect(parts.count == 2)
        #expect(rule.id.range.start.line == 16)
        #expect(rule.id.range.start.column == 9)
        #expect(document.rules[1].effect.value == .raise(steps: 2, ceiling: .childProtection))
        #expect(document.label(for: .childInNeed) == "L3")
        #expect(document.label(for: .preProceedings) == "pre_proceedings")
    }

    @Test("a document with errors yields no document, and every error is reported")
    func resilient() {
        let loaded = load("""
            rules:
              - id: R1
                title: A
                level: early_help
                when: domain.hygeine >= 3
                source: §1
              - id: R2
                tittle: B
                level: early_help
                when: domain.health = 3
                source: §1
              - id: R3
                title: C
                level: early_hlep
                when: domain.health >= 3
                source: §1
            """)
        #expect(loaded.document == nil)
        #expect(loaded.diagnostics.map(\.id.rawValue).sorted()
                == ["check.unknown-name", "document.unknown-key", "document.unknown-level", "expression.use-instead"].sorted())
        // R2's 'tittle' is reported once, as an unknown key suggesting 'title', not also as a missing 'title'.
    }

    @Test("a document built in code is checked for the empty conditions the parser rejects in a file")
    func emptyConditionsBuiltInCode() throws {
        let document = try #require(Fixture.single("domain.hygiene >= 3")).document
        let range = document.rules[0].when.range
        let leaf = document.rules[0].when
        let empty: [(Condition.Kind, String)] = [
            (.all([]), "document.empty-condition"), (.any([]), "document.empty-condition"),
            (.not(Condition(.any([]), range: range)), "document.empty-condition"),
            (.atLeast(1, []), "document.invalid-at-least"), (.atLeast(3, [leaf, leaf]), "document.invalid-at-least"),
            (.atLeast(0, [leaf]), "document.invalid-at-least"),
        ]
        for (kind, id) in empty {
            var built = document
            built.rules[0].when = Condition(kind, range: range)
            let (checked, diagnostics) = CheckedDocument.check(built)
            #expect(checked == nil, "\(kind)")
            #expect(diagnostics.map(\.id.rawValue) == [id], "\(kind)")
        }
        var valid = document
        valid.rules[0].when = Condition(.atLeast(2, [leaf, leaf]), range: range)
        #expect(CheckedDocument.check(valid).checked != nil)
    }

    @Test("expression errors point at their exact column, with multibyte text before them on the line",
          arguments: ["", "é", "日本語", "👩‍👧", "e\u{301}"], [
              MarkerCase(name: "plain", body: "when: domain.health >= 3 or \"PREFIX\" != \"x\" and 1️⃣domain.hygeine >= 3", id: "check.unknown-name"),
              MarkerCase(name: "single-quoted", body: "when: '\"PREFIX\" != \"x\" 1️⃣= y'", id: "expression.use-instead"),
              MarkerCase(name: "double-quoted escapes", body: "when: \"\\\"PREFIX\\\" != \\\"x\\\" and 1️⃣cont(referral) > 1\"", id: "check.unknown-function"),
              MarkerCase(name: "folded block", body: "when: >-\n      \"PREFIX\" != \"x\"\n      and 1️⃣domain.hygeine >= 3", id: "check.unknown-name"),
          ])
    func expressionColumns(prefix: String, markerCase: MarkerCase) throws {
        let body = """
            rules:
              - id: R1
                title: A
                level: early_help
                source: §1
                \(markerCase.body.replacingOccurrences(of: "PREFIX", with: prefix))
            """
        let (text, line, column) = marked(header + body)
        let loaded = DocumentLoader().load(text: text, path: "t.yaml")
        let diagnostic = try #require(loaded.diagnostics.first { $0.id.rawValue == markerCase.id })
        #expect(diagnostic.range?.start.line == line)
        #expect(diagnostic.range?.start.column == column)
    }

    @Test("a fix-it replaces exactly the misspelt text", arguments: ["", "日本"])
    func fixItRange(prefix: String) throws {
        let body = "rules:\n  - id: R1\n    title: \(prefix)A\n    level: early_help\n    when: domain.hygeine >= 3\n    source: §1\n"
        let loaded = load(body)
        let fixIt = try #require(loaded.diagnostics.first?.fixIts.first)
        let edit = try #require(fixIt.edits.first)
        let bytes = Array((header + body).utf8)
        let replaced = String(decoding: bytes[edit.range.start.offset..<edit.range.end.offset], as: UTF8.self)
        #expect(replaced == "domain.hygeine")
        #expect(edit.replacement == "domain.hygiene")
    }

    @Test("hostile and malformed files fail fast with one clear diagnostic", arguments: HostileInput.all)
    func hostile(_ input: HostileInput) {
        let loaded = DocumentLoader().load(bytes: input.bytes(), path: "hostile.yaml")
        #expect(loaded.document == nil)
        #expect(loaded.diagnostics.map(\.id.rawValue) == [input.id])
    }
}

struct HostileInput: CustomTestStringConvertible, Sendable {
    let name: String
    let id: String
    let make: @Sendable () -> [UInt8]
    var testDescription: String { name }
    func bytes() -> [UInt8] { make() }

    static let all: [HostileInput] = [
        HostileInput(name: "billion laughs", id: "yaml.alias-budget") {
            var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
            for level in 1...9 {
                text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
            }
            return Array(text.utf8)
        },
        HostileInput(name: "10,000-deep nesting", id: "yaml.nesting-too-deep") {
            Array(("rules:\n  - when: " + String(repeating: "[", count: 10_000)).utf8)
        },
        HostileInput(name: "a 50 MB file", id: "yaml.file-too-large") {
            Array(repeating: UInt8(ascii: "a"), count: 50 << 20)
        },
        HostileInput(name: "invalid UTF-8", id: "yaml.invalid-utf8") { Array("board: ".utf8) + [0xFF, 0xFE, 0x41] },
        HostileInput(name: "a binary file", id: "yaml.binary-file") { [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00] },
        HostileInput(name: "an empty file", id: "yaml.empty") { [] },
        HostileInput(name: "a list instead of a mapping", id: "document.not-a-mapping") { Array("- a\n- b\n".utf8) },
        HostileInput(name: "a bare scalar", id: "document.not-a-mapping") { Array("just text\n".utf8) },
    ]
}
