public import ThresholdsDiagnostics

extension YAMLNode.Scalar {
    /// The file location of every Unicode scalar of ``value``, plus one for the end of the value,
    /// so that a position inside the value (an expression's column) can be reported at its exact
    /// place in the file.
    ///
    /// The value is aligned with the source text the scalar was read from: characters the value
    /// does not hold (quotes, escape backslashes, indentation, folded line breaks) are skipped.
    /// Where an escape sequence makes the alignment fail, the remaining positions fall back to the
    /// scalar's start, which is still on the right line.
    public func valueLocations(in source: SourceText) -> [SourceLocation] {
        if let locations = verbatimLocations(in: source) { return locations }
        let bytes = source.bytes
        var offset = range.start.offset
        var line = range.start.line
        var column = range.start.column
        let end = min(range.end.offset, bytes.count)

        func advance() {
            guard offset < bytes.count else { return }
            if bytes[offset] == UInt8(ascii: "\n") {
                line += 1
                column = 1
                offset += 1
            } else {
                offset += SourceText.width(ofScalarStartingWith: bytes[offset])
                column += 1
            }
        }
        func currentScalar() -> Unicode.Scalar? {
            guard offset < end else { return nil }
            if bytes[offset] < 0x80 { return Unicode.Scalar(bytes[offset]) }  // ASCII: the byte is the scalar
            let width = SourceText.width(ofScalarStartingWith: bytes[offset])
            guard offset + width <= bytes.count else { return nil }
            return String(decoding: bytes[offset..<offset + width], as: UTF8.self).unicodeScalars.first
        }

        // Skip what comes before the content: the opening quote, or a block scalar's header line.
        switch style {
        case .singleQuoted, .doubleQuoted:
            advance()
        case .literal, .folded:
            while offset < end, bytes[offset] != UInt8(ascii: "\n") { advance() }
            advance()
        case .plain:
            break
        }

        var locations: [SourceLocation] = []
        locations.reserveCapacity(value.unicodeScalars.count + 1)
        var aligned = true
        for scalar in value.unicodeScalars {
            if aligned {
                while let current = currentScalar(), current != scalar { advance() }
                if currentScalar() == nil { aligned = false }
            }
            if aligned {
                locations.append(SourceLocation(line: line, column: column, offset: offset))
                advance()
            } else {
                locations.append(range.start)
            }
        }
        locations.append(aligned ? SourceLocation(line: line, column: column, offset: offset) : range.start)
        return locations
    }

    /// The locations of a value written out byte for byte on one ASCII line (plain, or
    /// quoted with no escape): each scalar is one column further along. `nil` for anything else.
    private func verbatimLocations(in source: SourceText) -> [SourceLocation]? {
        let line = range.start.line
        guard line >= 1, line <= source.asciiLines.count, source.asciiLines[line - 1], range.end.line == line else { return nil }
        let quote = switch style {
        case .plain: 0
        case .singleQuoted, .doubleQuoted: 1
        case .literal, .folded: -1
        }
        let start = range.start.offset + max(quote, 0)
        let end = range.end.offset - max(quote, 0)
        let utf8 = value.utf8
        guard quote >= 0, start <= end, end <= source.bytes.count, utf8.count == end - start else { return nil }
        // Byte for byte, compared over contiguous storage (a native string's always is).
        let verbatim = source.bytes.withUnsafeBufferPointer { bytes in
            utf8.withContiguousStorageIfAvailable { text in
                UnsafeBufferPointer(rebasing: bytes[start ..< end]).elementsEqual(text)
            } ?? utf8.elementsEqual(bytes[start ..< end])
        }
        guard verbatim else { return nil }
        let column = range.start.column + max(quote, 0)
        return (0 ... utf8.count).map { SourceLocation(line: line, column: column + $0, offset: start + $0) }
    }
}
