import ArgumentParser
import Foundation
import Thresholds
import ThresholdsDiagnostics
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

extension DocumentLoader {
    /// A document named on the command line: `-` is standard input, whose imports resolve inside
    /// the rules root, or else the current folder.
    func load(argument path: String, rulesRoot: String?) -> LoadedDocument {
        guard path == "-" else { return load(contentsOf: path, rulesRoot: rulesRoot) }
        return load(bytes: StandardInput.bytes(), path: StandardInput.name,
                    importsFrom: FileSystemSource(root: rulesRoot ?? FileManager.default.currentDirectoryPath))
    }
}

/// The checked document; otherwise its errors on standard error, and a failing exit that says
/// what a vocabulary (which checks clean but has no rules) lacks for the command.
func checkedOrExit(_ loaded: LoadedDocument, path: String, vocabularyLacks: String, color: ColorChoice) throws -> CheckedDocument {
    if let checked = loaded.checked, !loaded.isVocabulary { return checked }
    reportToStandardError(loaded.diagnostics.filter { $0.severity == .error }, sources: loaded.sources, color: color)
    if loaded.isVocabulary { throw ValidationError("'\(path)' is a vocabulary, which has no \(vocabularyLacks)") }
    throw ExitCode(1)
}
