import Testing
@testable import ThresholdsDiagnostics

@Suite("Diagnostic rendering and suggestions")
struct DiagnosticRenderingTests {
    private let message = DiagnosticMessage("test.example", .error, "something is wrong")

    @Test("a caret underlines the range, lining up under tabs and after wide characters")
    func caret() {
        let source = SourceText(path: "f.yaml", text: "a: 1\n\tkey: 日本 value\n")
        let start = source.location(line: 2, column: 10)
        let end = source.location(line: 2, column: 15)
        let diagnostic = Diagnostic(message, file: "f.yaml", range: SourceRange(start: start, end: end))
        let rendered = DiagnosticRenderer().render(diagnostic, source: source)
        #expect(rendered == """
            f.yaml:2:10: error: something is wrong [test.example]
              2 | \tkey: 日本 value
                | \t          ^~~~~

            """)
    }

    @Test("display widths: combining marks take none, wide characters and emoji two", arguments: [
        ("e", 1), ("\u{301}", 0), ("\u{200D}", 0), ("日", 2), ("한", 2), ("👩", 2), ("é", 1), ("Ｆ", 2),
    ] as [(Unicode.Scalar, Int)])
    func widths(scalar: Unicode.Scalar, width: Int) {
        #expect(DiagnosticRenderer.displayWidth(scalar) == width)
    }

    @Test("a range over several lines underlines to the end of the first")
    func multiline() {
        let source = SourceText(path: "f.yaml", text: "when: a and\n  b\n")
        let diagnostic = Diagnostic(message, file: "f.yaml", range: SourceRange(
            start: source.location(line: 1, column: 7), end: source.location(line: 2, column: 4)))
        #expect(DiagnosticRenderer().render(diagnostic, source: source).contains("  | " + "      ^~~~~\n"))
    }

    @Test("a diagnostic without a range or source prints its one line, notes and fix-its")
    func noSource() {
        let diagnostic = Diagnostic(message, file: "f.yaml", range: nil, notes: [DiagnosticNote("a note")])
        #expect(DiagnosticRenderer().render(diagnostic, source: nil)
                == "f.yaml: error: something is wrong [test.example]\n    = note: a note\n")
    }

    @Test("byte offsets and locations agree on multibyte lines")
    func offsets() {
        let source = SourceText(path: "f", text: "é\r\n👩‍👧x\n")
        let location = source.location(line: 2, column: 4)
        #expect(location.offset == 4 + 4 + 3 + 4)
        #expect(source.location(offset: location.offset) == location)
        #expect(source.line(1) == "é")
        #expect(source.location(line: 9, column: 99).line == 3)
    }

    @Test("suggestions: near typos, unique prefixes, nothing far away", arguments: [
        ("tittle", "title"), ("hygeine", "hygiene"), ("physical", "physical_care"), ("xyz", nil),
        ("bord", "board"), ("a", nil),
    ] as [(String, String?)])
    func suggestions(word: String, expected: String?) {
        let candidates = ["title", "board", "hygiene", "health", "physical_care", "safety"]
        #expect(Suggestion.nearest(to: word, in: candidates) == expected)
    }

    @Test("edit distance counts a swap of neighbours as one edit")
    func distance() {
        #expect(Suggestion.editDistance("hygeine", "hygiene") == 1)
        #expect(Suggestion.editDistance("", "abc") == 3)
        #expect(Suggestion.editDistance("kitten", "sitting") == 3)
    }

    @Test("a fix-it needs at least one edit")
    func fixItNeedsEdit() {
        #expect(FixIt("nothing", edits: []) == nil)
    }
}
