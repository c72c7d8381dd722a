import ArgumentParser
import Foundation

/// Output files are written only where the command line names them, never where an input
/// document says. Before any work, a named output must be a regular file or not exist yet, in a
/// folder that exists: never a directory, a FIFO or a device.
enum OutputFile {
    static func check(_ path: String) throws {
        let manager = FileManager.default
        if let type = try? manager.attributesOfItem(atPath: path)[.type] as? FileAttributeType {
            guard type == .typeRegular || type == .typeSymbolicLink else {
                throw ValidationError("cannot write '\(path)': it exists and is not a regular file")
            }
            if type == .typeSymbolicLink {
                let target = (try? manager.destinationOfSymbolicLink(atPath: path)) ?? "?"
                throw ValidationError("cannot write '\(path)': it is a symbolic link (to '\(target)'); name the file itself")
            }
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("cannot write '\(path)': the folder '\(folder)' does not exist")
        }
    }

    /// A folder named on the command line for output must exist already.
    static func checkFolder(_ path: String, option: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("\(option) '\(path)' is not a folder that exists")
        }
    }

    /// Writes `text` as the file `name` in `folder`, checked as any output file; returns its path.
    static func write(_ text: String, into folder: String, name: String) throws -> String {
        let path = URL(fileURLWithPath: folder).appendingPathComponent(name).path
        try check(path)
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw ValidationError("cannot write '\(path)': \(error.localizedDescription)")
        }
        return path
    }
}
