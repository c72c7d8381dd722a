public import ThresholdsYAML
internal import Foundation

/// Where a composed document's files come from: the file system under a rules root, or files a
/// service holds in memory. ``DocumentLoader`` asks it for the document and then for every file
/// the document imports or extends, by a path already joined to the importing file's folder.
public protocol DocumentSource: Sendable {
    /// Whether the file at `path` may be read and is there: `nil` when it is; otherwise why not.
    /// (An absolute path written in `imports:` or `extends:` is refused before a source is asked.)
    func problem(at path: String) -> DocumentSourceProblem?
    /// Reads and parses the YAML file at `path`, named `path` in its diagnostics.
    func load(_ path: String, with loader: YAMLLoader) -> YAMLDocument
}

/// Why a file named by `imports:` or `extends:` is not read.
public enum DocumentSourceProblem: Sendable, Hashable {
    /// There is no such file.
    case missing
    /// The path leaves the rules root (an absolute path, a `..` climbing out, or a symbolic link
    /// leading elsewhere); the text says how.
    case outsideRoot(String)
}

/// Files on disk, confined to a rules root: once `..` and symbolic links are resolved, every file
/// a document imports or extends must lie inside `root`, so a document handed over by a third
/// party cannot make the tool read, and quote, a file elsewhere on the machine.
public struct FileSystemSource: DocumentSource {
    /// The folder every composed file must lie inside.
    public let root: String

    /// Creates a source confined to `root`.
    public init(root: String) {
        self.root = root
    }

    /// The root for a document named on its own: the current directory when the document lies
    /// inside it, otherwise the document's folder.
    public static func defaultRoot(for path: String) -> String {
        let current = FileManager.default.currentDirectoryPath
        if FileCheck.isInside(path, root: current) { return current }
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// `nil` for a readable path inside the root; `.missing` or `.outsideRoot` otherwise. Other
    /// problems (a directory, permission denied) are left to ``load(_:with:)`` to report.
    public func problem(at path: String) -> DocumentSourceProblem? {
        guard FileCheck.isInside(path, root: root) else {
            return .outsideRoot("it leaves the rules root '\(root)' once '..' and symbolic links are resolved")
        }
        return FileCheck.problem(at: path) == "no such file" ? .missing : nil
    }

    /// Reads the file with the loader's limits.
    public func load(_ path: String, with loader: YAMLLoader) -> YAMLDocument {
        loader.load(contentsOf: path)
    }
}

/// Files held in memory by path, for a service that keeps its boards' documents in a database or
/// ships them in its bundle: no file system is touched. Paths are joined and normalised as on
/// disk; a path that climbs above the top (`../x.yaml` from a top-level file) or is absolute is
/// outside the root.
public struct InMemorySource: DocumentSource {
    /// The files, by path.
    public var files: [String: String]

    /// Creates a source from files' texts by path (`"regional/vocabulary.yaml"`).
    public init(_ files: [String: String]) {
        self.files = files
    }

    /// `nil` when the file is held; `.missing` or `.outsideRoot` otherwise.
    public func problem(at path: String) -> DocumentSourceProblem? {
        if path == ".." || path.hasPrefix("../") { return .outsideRoot("it climbs above the top of the files supplied") }
        return files[path] == nil ? .missing : nil
    }

    /// Parses the file's text; a path not held is reported as unreadable.
    public func load(_ path: String, with loader: YAMLLoader) -> YAMLDocument {
        loader.load(files[path] ?? "", path: path)
    }
}

/// Joining and normalising the paths that `imports:` and `extends:` write.
enum DocumentPath {
    /// `relative` joined to the folder of `file`, with `.` and `..` resolved as far as the path
    /// allows (`a/b/../c.yaml` is `a/c.yaml`; `../x.yaml` from a top-level file keeps its `..`).
    static func join(_ relative: String, toFolderOf file: String) -> String {
        if relative.hasPrefix("/") { return relative }
        let leadingSlash = file.hasPrefix("/")
        var parts = file.split(separator: "/").dropLast().map(String.init).filter { $0 != "." }
        for part in relative.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if let last = parts.last, last != ".." { parts.removeLast() } else if !leadingSlash { parts.append("..") }
            default: parts.append(String(part))
            }
        }
        return (leadingSlash ? "/" : "") + parts.joined(separator: "/")
    }
}
