#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// What is at a path, found with `stat` before anything opens it: only a regular file is ever
/// opened, so a FIFO cannot block a read, and a directory, a device, a socket or a symbolic-link
/// loop gets a message of its own.
package enum FileCheck {
    /// `nil` when `path` names a regular file (following symbolic links); otherwise why it cannot be read.
    package static func problem(at path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            switch errno {
            case ENOENT, ENOTDIR: return "no such file"
            case ELOOP: return "its symbolic links form a loop"
            case EACCES: return "permission denied"
            case ENAMETOOLONG: return "the path is too long"
            default: return "the file cannot be examined (error \(errno))"
            }
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return access(path, R_OK) == 0 ? nil : "permission denied"
        case S_IFDIR: return "it is a directory"
        case S_IFIFO: return "it is a FIFO (named pipe), which is not read"
        case S_IFSOCK: return "it is a socket, which is not read"
        case S_IFCHR, S_IFBLK: return "it is a device, which is not read"
        default: return "it is not a regular file"
        }
    }
}

extension FileCheck {
    /// The path with every symbolic link resolved and `.`/`..` removed, or `nil` when it does not exist.
    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether `path`, once its symbolic links are resolved, lies inside the folder `root`.
    /// A path that does not exist is judged by its nearest existing parent, so that a missing
    /// file is reported as missing only when it would have been allowed.
    package static func isInside(_ path: String, root: String) -> Bool {
        guard let realRoot = realPath(root) else { return false }
        var existing = path
        var rest: [Substring] = []
        var resolved = realPath(existing)
        while resolved == nil {
            guard let slash = existing.lastIndex(of: "/") else {
                // A relative path none of whose folders exists: judged from the current directory.
                guard existing != "." else { return false }
                rest.insert(Substring(existing), at: 0)
                existing = "."
                resolved = realPath(existing)
                continue
            }
            guard slash > existing.startIndex else { return false }
            rest.insert(existing[existing.index(after: slash)...], at: 0)
            existing = String(existing[..<slash])
            resolved = realPath(existing)
        }
        guard let realExisting = resolved else { return false }
        // What is left cannot climb out with '..': it does not exist, so it has no links to follow.
        guard !rest.contains("..") else { return false }
        let full = ([realExisting] + rest.map(String.init)).joined(separator: "/")
        return full == realRoot || full.hasPrefix(realRoot == "/" ? "/" : realRoot + "/")
    }
}
