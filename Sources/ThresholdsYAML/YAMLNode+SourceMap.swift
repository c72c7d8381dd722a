public import ThresholdsDiagnostics

/// The file location of each Unicode scalar of a scalar's value, and of its end: counted for a
/// value written out verbatim on one ASCII line (each scalar one column and one byte further
/// along, so nothing is stored), listed for anything else.
public struct ValueLocations: RandomAccessCollection, Sendable {
    /// The first scalar's location, for counted locations.
    private let first: SourceLocation
    /// The listed locations; `nil` when they are counted from ``first``.
    private let listed: [SourceLocation]?
    /// One past the last location: the number of scalars, plus one for the end.
    public let endIndex: Int
    /// The first scalar's position, 0.
    public var startIndex: Int { 0 }

    /// Locations listed one by one.
    public init(_ listed: [SourceLocation]) {
        first = listed.first ?? .start
        self.listed = listed
        endIndex = listed.count
    }

    /// `count` locations from `first`, each one column and one byte after the one before.
    init(counting count: Int, from first: SourceLocation) {
        self.first = first
        listed = nil
        endIndex = count
    }

    /// The location of the scalar at `position` (or of the end, at the last position).
    public subscript(position: Int) -> SourceLocation {
        if let listed { return listed[position] }
        return SourceLocation(line: first.line, column: first.column + position, offset: first.offset + position)
    }
}

extension YAMLNode.Scalar {
    /// The file location of every Unicode scalar of ``value``, plus one for the end of the value,
    /// so that a position inside the value (an expression's column) can be reported at its exact
    /// place in the file.
    ///
    /// The value is aligned with the source text the scalar was read from: characters the value
    /// does not hold (quotes, escape backslashes, indentation, folded line breaks) are skipped.
    /// Where an escape sequence makes the alignment fail, the remaining positions fall back to the
    /// scalar's start, which is still on the right line.
    public func valueLocations(in source: SourceText) -> ValueLocations {
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
        return ValueLocations(locations)
    }

    /// Whether two buffers of the same length hold the same bytes.
    private static func equalBytes(_ left: UnsafeRawBufferPointer, _ right: UnsafeRawBufferPointer) -> Bool {
        guard left.count == right.count else { return false }
        var offset = 0
        while offset + 8 <= left.count {
            if left.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                != right.loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return false }
            offset += 8
        }
        while offset < left.count {
            if left[offset] != right[offset] { return false }
            offset += 1
        }
        return true
    }

    /// The locations of a value written out byte for byte on one ASCII line (plain, or
    /// quoted with no escape): each scalar is one column further along. `nil` for anything else.
    private func verbatimLocations(in source: SourceText) -> ValueLocations? {
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
        // Byte for byte, compared over contiguous storage (a native string's always is), eight
        // bytes at a time: the generic `elementsEqual` walks two iterators and costs many times as much.
        let verbatim = source.bytes.withUnsafeBytes { bytes in
            utf8.withContiguousStorageIfAvailable { text in
                Self.equalBytes(UnsafeRawBufferPointer(rebasing: bytes[start ..< end]), UnsafeRawBufferPointer(text))
            } ?? utf8.elementsEqual(bytes[start ..< end])
        }
        guard verbatim else { return nil }
        let column = range.start.column + max(quote, 0)
        return ValueLocations(counting: utf8.count + 1, from: SourceLocation(line: line, column: column, offset: start))
    }
}
