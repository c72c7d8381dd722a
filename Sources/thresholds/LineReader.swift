import ArgumentParser
import Foundation
import ThresholdsYAML

/// Reads a file or standard input line by line, a chunk at a time: memory stays flat however
/// long the caseload. A line longer than `maxLength` bytes is cut there (the loader then rejects
/// it as too large) so that no line can grow the buffer without bound. `\r\n` endings are read
/// as `\n`; bytes that are not UTF-8 are replaced (the case loader reports them).
struct LineReader: Sequence, IteratorProtocol {
    private let handle: FileHandle
    private let maxLength: Int
    private var buffer: [UInt8] = []
    private var position = 0
    private var finished = false

    /// The lines of a file, or of standard input for `-`, with the name diagnostics use.
    static func open(_ path: String) throws -> (lines: LineReader, name: String) {
        if path == "-" { return (LineReader(.standardInput), StandardInput.name) }
        if let problem = FileCheck.problem(at: path) { throw ValidationError("cannot read '\(path)': \(problem)") }
        guard let file = FileHandle(forReadingAtPath: path) else { throw ValidationError("cannot open '\(path)'") }
        return (LineReader(file), path)
    }

    init(_ handle: FileHandle, maxLength: Int = 4 << 20) {
        self.handle = handle
        self.maxLength = maxLength
    }

    mutating func next() -> String? {
        while true {
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                return take(upTo: newline, skipping: 1)
            }
            if buffer.count - position > maxLength { return take(upTo: position + maxLength, skipping: 0) }
            if finished {
                guard position < buffer.count else { return nil }
                return take(upTo: buffer.count, skipping: 0)
            }
            // Drop what was already returned before reading more.
            if position > 0 {
                buffer.removeFirst(position)
                position = 0
            }
            let chunk = handle.readData(ofLength: 1 << 16)
            if chunk.isEmpty { finished = true } else { buffer.append(contentsOf: chunk) }
        }
    }

    private mutating func take(upTo end: Int, skipping: Int) -> String {
        var last = end
        if last > position, buffer[last - 1] == 0x0D { last -= 1 }
        let line = String(decoding: buffer[position..<last], as: UTF8.self)
        position = end + skipping
        return line
    }
}
