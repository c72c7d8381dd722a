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

    /// Renders diagnostics in presentation order (file, line, column, id), each followed by its
    /// source excerpt (when the file's text is among `sources`), notes and fix-its.
    public func render(_ diagnostics: [Diagnostic], sources: [String: SourceText]) -> String {
        diagnostics.sorted(by: Diagnostic.presentationOrder)
            .map { render($0, source: sources[$0.file]) }
            .joined()
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
        if let range = diagnostic.range, let source, let line = source.line(range.start.line) {
            out += Self.excerpt(line: line, number: range.start.line, range: range, gutterWidth: gutterWidth,
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
