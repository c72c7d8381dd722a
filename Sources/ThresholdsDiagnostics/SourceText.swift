/// The text of one source file, with an index of where its lines start, used to turn
/// positions into locations and to draw source excerpts under diagnostics.
public struct SourceText: Sendable {
    /// The path the file was read from, as given by the user (it is shown in diagnostics).
    public let path: String
    /// The file's bytes (UTF-8 is expected; invalid sequences are diagnosed by the YAML loader).
    public let bytes: [UInt8]
    /// UTF-8 offsets at which each line starts; `lineStarts[0] == 0`.
    public let lineStarts: [Int]
    /// Per line, whether its bytes are all ASCII: there a column is a byte count, and a location
    /// is arithmetic.
    public let asciiLines: [Bool]

    /// Indexes `bytes` by line. Lines end at `\n`; a `\r` before it is not part of the line text.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        var starts = [0]
        var ascii: [Bool] = []
        var high: UInt8 = 0
        // Over the bytes' storage by index: every byte of every file loaded passes through here.
        bytes.withUnsafeBufferPointer { buffer in
            for index in buffer.indices {
                let byte = buffer[index]
                high |= byte
                if byte == UInt8(ascii: "\n") {
                    starts.append(index + 1)
                    ascii.append(high < 0x80)
                    high = 0
                }
            }
        }
        ascii.append(high < 0x80)
        self.lineStarts = starts
        self.asciiLines = ascii
    }

    /// Creates source text from a string.
    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// The number of lines (a trailing newline does not start a new, empty line of content).
    public var lineCount: Int { lineStarts.count }

    /// The text of a 1-based line, without its line terminator; `nil` past the end of the file.
    /// Invalid UTF-8 is shown with replacement characters.
    public func line(_ number: Int) -> String? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        guard end >= start else { return "" }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The location of a 1-based line and a 1-based column counted in Unicode scalars.
    /// Columns past the end of the line are clamped to just after its last scalar.
    public func location(line: Int, column: Int) -> SourceLocation {
        let lineNumber = min(max(line, 1), lineStarts.count)
        if let found = asciiLocation(line: lineNumber, column: column) { return found }
        let start = lineStarts[lineNumber - 1]
        let end = lineNumber < lineStarts.count ? lineStarts[lineNumber] : bytes.count
        var offset = start
        var scalarColumn = 1
        while scalarColumn < column, offset < end, bytes[offset] != UInt8(ascii: "\n") {
            offset += SourceText.width(ofScalarStartingWith: bytes[offset])
            scalarColumn += 1
        }
        return SourceLocation(line: lineNumber, column: scalarColumn, offset: min(offset, bytes.count))
    }

    /// The location of a 1-based line and column on an ASCII line, where each scalar is a byte
    /// and a location is arithmetic: the column is as far along the line as it asks, up to just
    /// after its last scalar. `nil` when the line does not exist or is not all ASCII. Inlinable,
    /// so that the YAML loader, which asks for the start and end of every node, makes it inline.
    @inlinable
    public func asciiLocation(line: Int, column: Int) -> SourceLocation? {
        guard line >= 1, line <= lineStarts.count, asciiLines[line - 1] else { return nil }
        let start = lineStarts[line - 1]
        // Every line but the last ends at the `\n` before the next line's start.
        let length = line < lineStarts.count ? lineStarts[line] - 1 - start : bytes.count - start
        let scalarColumn = max(1, min(column, length + 1))
        return SourceLocation(line: line, column: scalarColumn, offset: start + scalarColumn - 1)
    }

    /// The location of a 1-based line and a 1-based scalar column, scanning forward from `hint`
    /// when it is an earlier point of the same line: locations asked for in order then cost
    /// O(distance) each rather than O(column), so a file of one very long line is read in
    /// linear time.
    public func location(line: Int, column: Int, after hint: SourceLocation?) -> SourceLocation {
        guard line < 1 || line > lineStarts.count || !asciiLines[line - 1], let hint, hint.line == line, hint.column <= column, line >= 1, line <= lineStarts.count else {
            return location(line: line, column: column)
        }
        let end = line < lineStarts.count ? lineStarts[line] : bytes.count
        var offset = hint.offset
        var scalarColumn = hint.column
        while scalarColumn < column, offset < end, bytes[offset] != UInt8(ascii: "\n") {
            offset += SourceText.width(ofScalarStartingWith: bytes[offset])
            scalarColumn += 1
        }
        return SourceLocation(line: line, column: scalarColumn, offset: min(offset, bytes.count))
    }

    /// The location of a 0-based UTF-8 byte offset.
    public func location(offset: Int) -> SourceLocation {
        let clamped = min(max(offset, 0), bytes.count)
        // The last line start at or before the offset.
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        var column = 1
        var index = lineStarts[low]
        while index < clamped {
            index += SourceText.width(ofScalarStartingWith: bytes[index])
            column += 1
        }
        return SourceLocation(line: low + 1, column: column, offset: clamped)
    }

    /// The number of bytes a UTF-8 sequence with this leading byte occupies (1 for invalid bytes).
    public static func width(ofScalarStartingWith byte: UInt8) -> Int {
        switch byte {
        case 0xF0...0xF7: 4
        case 0xE0...0xEF: 3
        case 0xC0...0xDF: 2
        default: 1
        }
    }
}
