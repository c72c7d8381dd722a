import Foundation
import Testing
@testable import Thresholds
import ThresholdsDiagnostics
import ThresholdsYAML

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Inputs that are not ordinary files, and fixture files that name files outside their root.
@Suite("Paths and special files", .serialized)
struct PathSafetyTests {
    /// A fresh folder with the example board inside it, removed afterwards.
    private func withFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thresholds-paths-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("rules"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: Fixture.root.appendingPathComponent("Rules/northshire-neglect.yaml"),
                                         to: folder.appendingPathComponent("rules/board.yaml"))
        try body(folder)
    }

    private func unreadableReason(_ path: String) -> String? {
        let loaded = YAMLLoader().load(contentsOf: path)
        guard let diagnostic = loaded.diagnostics.first, diagnostic.id.rawValue == "io.unreadable" else { return nil }
        return diagnostic.message
    }

    @Test("a FIFO, a directory, a device and a symbolic-link loop are refused with a reason, never opened")
    func specialFiles() throws {
        try withFolder { folder in
            let fifo = folder.appendingPathComponent("pipe.yaml").path
            #expect(mkfifo(fifo, 0o600) == 0)
            // Opening a FIFO for reading would block this test forever; the loader must not open it.
            #expect(unreadableReason(fifo)?.contains("FIFO") == true)
            #expect(unreadableReason(folder.path)?.contains("directory") == true)
            #expect(unreadableReason("/dev/null")?.contains("device") == true)
            let a = folder.appendingPathComponent("a.yaml").path
            let b = folder.appendingPathComponent("b.yaml").path
            try FileManager.default.createSymbolicLink(atPath: a, withDestinationPath: b)
            try FileManager.default.createSymbolicLink(atPath: b, withDestinationPath: a)
            #expect(unreadableReason(a)?.contains("loop") == true)
            #expect(unreadableReason(folder.appendingPathComponent("missing.yaml").path)?.contains("no such file") == true)
            // The same for case files and fixture files, which share the loader.
            #expect(CaseLoader().load(contentsOf: fifo).diagnostics.first?.id.rawValue == "io.unreadable")
            #expect(FixtureLoader(root: folder.path).load(contentsOf: fifo).diagnostics.first?.id.rawValue == "io.unreadable")
        }
    }

    @Test("files a fixture file names stay inside the root: '..', absolute paths and symbolic links out are refused")
    func confinement() throws {
        try withFolder { folder in
            let outside = FileManager.default.temporaryDirectory.appendingPathComponent("thresholds-outside-\(UUID().uuidString).yaml")
            try "child: { disabled: true }\n".write(to: outside, atomically: true, encoding: .utf8)
            defer { try? FileManager.default.removeItem(at: outside) }
            try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link.yaml").path,
                                                       withDestinationPath: outside.path)
            try "as_of: 2026-11-01\nchild: { disabled: true }\n".write(
                to: folder.appendingPathComponent("inside.yaml"), atomically: true, encoding: .utf8)
            let fixture = folder.appendingPathComponent("suite.yaml")
            try """
                fixtures: 1
                rules: rules/board.yaml
                as_of: 2026-11-01
                cases:
                  - { name: inside, case: inside.yaml, expect: {} }
                  - { name: dot-dot, case: ../\(outside.lastPathComponent), expect: {} }
                  - { name: absolute, case: \(outside.path), expect: {} }
                  - { name: symlink, case: link.yaml, expect: {} }
                  - { name: missing, case: missing.yaml, expect: {} }

                """.write(to: fixture, atomically: true, encoding: .utf8)
            let confined = FixtureLoader(root: folder.path).load(contentsOf: fixture.path)
            let outsideRoot = confined.diagnostics.filter { $0.id.rawValue == "fixture.outside-root" }
            #expect(outsideRoot.map { $0.range?.start.line } == [6, 7, 8])
            // A missing file inside the root is reported as missing, not as outside.
            #expect(confined.diagnostics.contains { $0.id.rawValue == "io.unreadable" && $0.file.hasSuffix("missing.yaml") })
            // Nothing outside the root was read: its text is not among the sources.
            #expect(!confined.sources.keys.contains { $0.hasSuffix(outside.lastPathComponent) })

            let allowed = FixtureLoader(root: folder.path, allowOutsideRoot: true).load(contentsOf: fixture.path)
            #expect(!allowed.diagnostics.contains { $0.id.rawValue == "fixture.outside-root" })
            // A wider root allows the same files.
            let wider = FixtureLoader(root: "/").load(contentsOf: fixture.path)
            #expect(!wider.diagnostics.contains { $0.id.rawValue == "fixture.outside-root" })
        }
    }

    @Test("the threshold document a fixture targets is confined too")
    func rulesConfined() throws {
        try withFolder { folder in
            let fixture = folder.appendingPathComponent("suite.yaml")
            try "fixtures: 1\nrules: \(Fixture.root.appendingPathComponent("Rules/northshire-neglect.yaml").path)\ncases: []\n"
                .write(to: fixture, atomically: true, encoding: .utf8)
            let loaded = FixtureLoader(root: folder.path).load(contentsOf: fixture.path)
            #expect(loaded.diagnostics.map(\.id.rawValue) == ["fixture.outside-root"])
            #expect(loaded.suite == nil)
        }
    }
}
