import ArgumentParser
import Foundation
import ThresholdsYAML

/// Expands command-line paths into document files: a folder contributes every `.yaml` and `.yml`
/// file below it, sorted, so output order does not depend on the file system. A file found in a
/// folder has that folder as its rules root; a file named on its own has none (the default).
enum DocumentFiles {
    struct File {
        var path: String
        var root: String?
    }

    static func expand(_ paths: [String]) throws -> [File] {
        var files: [File] = []
        let manager = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else {
                // Let the loader report the missing file as a diagnostic, in order.
                files.append(File(path: path))
                continue
            }
            guard isDirectory.boolValue else {
                files.append(File(path: path))
                continue
            }
            guard let enumerator = manager.enumerator(atPath: path) else {
                throw ValidationError("cannot list the folder '\(path)'")
            }
            var found: [String] = []
            while let relative = enumerator.nextObject() as? String {
                if relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") {
                    found.append(path.hasSuffix("/") ? path + relative : path + "/" + relative)
                }
            }
            if found.isEmpty { throw ValidationError("no .yaml or .yml files in '\(path)'") }
            files += found.sorted().map { File(path: $0, root: path) }
        }
        return files
    }
}

/// Standard input, read in full, for `-` given where a file is taken. At most the YAML limit
/// plus one byte is kept, so the loader reports a larger input as too large.
enum StandardInput {
    static let name = "<stdin>"

    static func bytes(limit: Int = YAMLLimits.default.maxBytes) -> [UInt8] {
        var bytes: [UInt8] = []
        while bytes.count <= limit {
            let chunk = FileHandle.standardInput.readData(ofLength: 1 << 16)
            if chunk.isEmpty { break }
            bytes += chunk
        }
        return bytes
    }
}
