/// Renders diagnostics as a compiler does:
///
/// ```
/// Rules/board.yaml:12:5: error: unknown key 'tittle' in a rule [document.unknown-key]
///    12 |     tittle: Persistent poor home conditions
///       |     ^~~~~~
///       = note: did you mean 'title'?
///       = fix-it: replace 'tittle' with 'title'
/// ```
///
/// Rendering is separate from the model: colour is applied only when asked for (a TTY).
public struct DiagnosticRenderer: Sendable {
    /// Whether to colour severities and carets with ANSI escapes.
    public var colored: Bool

    /// Creates a renderer.
    public init(colored: Bool = false) {
        self.colored = colored
    }

    /// The most diagnostics shown for one file; the rest are counted, as compilers limit errors,
    /// so that a hostile file cannot turn a few kilobytes of input into gigabytes of output.
    public static let perFileLimit = 200

    /// The widest source excerpt shown, in Unicode scalars; a longer line is shown as a window
    /// around the problem, marked with `…` where it is cut.
    public static let excerptWidth = 160

    /// Renders diagnostics in presentation order (file, line, column, id), each followed by its
    /// source excerpt (when the file's text is among `sources`), notes and fix-its; at most
    /// ``perFileLimit`` for one file.
    public func render(_ diagnostics: [Diagnostic], sources: [String: SourceText]) -> String {
        var out = ""
        var shown: [String: Int] = [:]
        var omitted: [(file: String, count: Int)] = []
        for diagnostic in diagnostics.sorted(by: Diagnostic.presentationOrder) {
            let count = shown[diagnostic.file, default: 0]
            guard count < Self.perFileLimit else {
                if omitted.last?.file == diagnostic.file { omitted[omitted.count - 1].count += 1 } else { omitted.append((diagnostic.file, 1)) }
                continue
            }
            shown[diagnostic.file] = count + 1
            out += render(diagnostic, source: sources[diagnostic.file])
        }
        for (file, count) in omitted {
            out += "\(file): \(count) more \(count == 1 ? "diagnostic" : "diagnostics") not shown (the first \(Self.perFileLimit) are)\n"
        }
        return out
    }

    /// Renders one diagnostic; `source` is the text of its file, when available.
    public func render(_ diagnostic: Diagnostic, source: SourceText?) -> String {
        var out = ""
        var location = diagnostic.file
        if let range = diagnostic.range { location += ":\(range.start.line):\(range.start.column)" }
        out += bold(location + ":") + " " + paint(diagnostic.severity) + " "
            + bold(diagnostic.message) + " [\(diagnostic.id)]\n"
        let gutterWidth = max(3, String(diagnostic.range?.start.line ?? 0).count)
        let blank = String(repeating: " ", count: gutterWidth + 1)
        if let range = diagnostic.range, let source, let window = Self.window(source, range) {
            out += Self.excerpt(line: window.text, number: range.start.line, range: window.range, gutterWidth: gutterWidth,
                                caret: { colored ? "\u{1B}[1;32m\($0)\u{1B}[0m" : $0 })
        }
        for note in diagnostic.notes {
            var text = note.message
            if let range = note.range {
                let file = note.file ?? diagnostic.file
                text += " (\(file):\(range.start.line):\(range.start.column))"
            }
            out += "\(blank)= note: \(text)\n"
        }
        for fixIt in diagnostic.fixIts {
            out += "\(blank)= fix-it: \(fixIt.message)\n"
        }
        return out
    }

    /// The part of the range's first line to show, and the range shifted to it: the whole line
    /// when it is short, otherwise ``excerptWidth`` scalars around the start of the range, cut
    /// with `…`. Only that window of bytes is read, whatever the line's length.
    static func window(_ source: SourceText, _ range: SourceRange) -> (text: String, range: SourceRange)? {
        let number = range.start.line
        guard number >= 1, number <= source.lineStarts.count else { return nil }
        let bytes = source.bytes
        let lineStart = source.lineStarts[number - 1]
        var lineEnd = number < source.lineStarts.count ? source.lineStarts[number] : bytes.count
        while lineEnd > lineStart, bytes[lineEnd - 1] == UInt8(ascii: "\n") || bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
        let maxBytes = Self.excerptWidth * 4
        guard lineEnd - lineStart > Self.excerptWidth else { return source.line(number).map { ($0, range) } }
        // Scalars before the caret: a third of the window; the rest after it.
        let anchor = min(max(range.start.offset, lineStart), lineEnd)
        var from = anchor
        var before = 0
        while from > lineStart, before < Self.excerptWidth / 3 {
            from -= 1
            while from > lineStart, bytes[from] & 0xC0 == 0x80 { from -= 1 }  // back to a scalar's first byte
            before += 1
        }
        var to = anchor
        var after = 0
        while to < lineEnd, after < Self.excerptWidth - before, to - from < maxBytes {
            to += SourceText.width(ofScalarStartingWith: bytes[to])
            after += 1
        }
        to = min(to, lineEnd)
        let cutStart = from > lineStart
        let cutEnd = to < lineEnd
        let text = (cutStart ? "…" : "") + String(decoding: bytes[from..<to], as: UTF8.self) + (cutEnd ? "…" : "")
        // Columns in the window: the range's start sits `before` scalars in, after any `…`.
        let startColumn = before + 1 + (cutStart ? 1 : 0)
        let visibleEnd = range.end.line == range.start.line
            ? min(range.end.column - range.start.column, after) : after
        let start = SourceLocation(line: number, column: startColumn, offset: range.start.offset)
        let end = SourceLocation(line: number, column: startColumn + max(visibleEnd, 1), offset: range.end.offset)
        return (text, SourceRange(start: start, end: end))
    }

    /// The source line under a gutter, then a caret line underlining the range (to the end of the
    /// line when the range spans lines).
    static func excerpt(
        line: String, number: Int, range: SourceRange, gutterWidth: Int, caret: (String) -> String
    ) -> String {
        let scalars = Array(line.unicodeScalars)
        let startColumn = min(max(range.start.column, 1), scalars.count + 1)
        let endColumn: Int
        if range.end.line == range.start.line {
            endColumn = min(max(range.end.column, startColumn + 1), scalars.count + 1)
        } else {
            endColumn = max(scalars.count + 1, startColumn + 1)
        }
        // Pad by display width: tabs stay tabs, wide characters take two cells, combining marks none.
        var padding = ""
        for scalar in scalars.prefix(startColumn - 1) {
            if scalar == "\t" {
                padding.append("\t")
            } else {
                padding.append(String(repeating: " ", count: displayWidth(scalar)))
            }
        }
        let underline = "^" + String(repeating: "~", count: max(0, endColumn - startColumn - 1))
        let numberText = String(number)
        let gutter = String(repeating: " ", count: gutterWidth - numberText.count) + numberText
        let emptyGutter = String(repeating: " ", count: gutterWidth)
        return "\(gutter) | \(line)\n\(emptyGutter) | \(padding)\(caret(underline))\n"
    }

    /// How many terminal cells a scalar takes: 0 for combining marks and joiners, 2 for East Asian
    /// wide characters and emoji shown as pictures, 1 otherwise.
    static func displayWidth(_ scalar: Unicode.Scalar) -> Int {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if scalar.properties.isEmojiPresentation { return 2 }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    private func paint(_ severity: Severity) -> String {
        let label = severity.rawValue + ":"
        guard colored else { return label }
        switch severity {
        case .error: return "\u{1B}[1;31m\(label)\u{1B}[0m"
        case .warning: return "\u{1B}[1;33m\(label)\u{1B}[0m"
        }
    }

    private func bold(_ text: String) -> String {
        colored ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }
}
