import ArgumentParser
import Foundation

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
