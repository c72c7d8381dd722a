import Foundation
import Testing

/// Runs the built `thresholds` binary, as a user would.
struct CLI {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The products folder: the test runner lives beside the built executable.
    static var executable: URL {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = runner.deletingLastPathComponent()
        // On macOS the runner is inside an .xctest bundle.
        while folder.pathExtension == "xctest" || folder.lastPathComponent == "MacOS" || folder.lastPathComponent == "Contents" {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("thresholds")
    }

    static func run(_ arguments: [String], in directory: URL = packageRoot) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}

@Suite("thresholds check (end to end)")
struct CheckCommandTests {
    static let corpus = CLI.packageRoot.appendingPathComponent("Tests/ThresholdsTests")

    @Test("the bundled example boards check clean and exit 0: Northshire, and the Wessex region's five files")
    func exampleBoard() throws {
        let result = try CLI.run(["check", "Rules/"])
        #expect(result.status == 0)
        #expect(result.stdout == "checked 6 files: 0 errors, 0 warnings\n")
    }

    @Test("a broken document prints the compiler-style diagnostics pinned in the corpus and exits 1")
    func brokenDocument() throws {
        let result = try CLI.run(["check", "Corpus/many-errors-one-document.yaml"], in: Self.corpus)
        #expect(result.status == 1)
        let expected = try String(contentsOf: Self.corpus.appendingPathComponent("Corpus/many-errors-one-document.expected"),
                                  encoding: .utf8)
        #expect(result.stdout == expected + "checked 1 file: 6 errors, 0 warnings\n")
    }

    @Test("--format json prints every diagnostic with its id, location, notes and fix-its, byte-identically each run")
    func json() throws {
        let first = try CLI.run(["check", "--format", "json", "Corpus/check-unknown-names.yaml"], in: Self.corpus)
        let second = try CLI.run(["check", "--format", "json", "Corpus/check-unknown-names.yaml"], in: Self.corpus)
        #expect(first.status == 1)
        #expect(first.stdout == second.stdout)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        #expect(object["errors"] as? Int == 2)
        #expect(object["warnings"] as? Int == 0)
        let diagnostics = try #require(object["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.map { $0["id"] as? String } == ["check.unknown-name", "check.unknown-name"])
        let first0 = try #require(diagnostics.first)
        #expect(first0["file"] as? String == "Corpus/check-unknown-names.yaml")
        #expect(first0["severity"] as? String == "error")
        let range = try #require(first0["range"] as? [String: Any])
        let start = try #require(range["start"] as? [String: Any])
        #expect(start["line"] as? Int == 14)
        #expect(start["column"] as? Int == 11)
        #expect(object["schema_version"] as? Int == 1)
        let fixIts = try #require(first0["fix_its"] as? [[String: Any]])
        let edits = try #require(fixIts.first?["edits"] as? [[String: Any]])
        #expect(edits.first?["replacement"] as? String == "domain.hygiene")
    }

    @Test("--format sarif writes a SARIF 2.1.0 log whose columns are Unicode code points")
    func sarif() throws {
        let result = try CLI.run(["check", "--format", "sarif", "Corpus/yaml-duplicate-key.yaml"], in: Self.corpus)
        #expect(result.status == 1)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.map { $0["ruleId"] as? String } == ["yaml.duplicate-key"])
        let region = try #require(
            ((results.first?["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"]
                as? [String: Any])
        #expect(region["startLine"] as? Int == 16)
        #expect(region["startColumn"] as? Int == 5)
        let related = try #require(results.first?["relatedLocations"] as? [[String: Any]])
        #expect(related.count == 1)
    }

    @Test("warnings pass unless --warnings-as-errors")
    func warnings() throws {
        let lenient = try CLI.run(["check", "Corpus/check-warnings.yaml"], in: Self.corpus)
        #expect(lenient.status == 0)
        #expect(lenient.stdout.hasSuffix("checked 1 file: 0 errors, 5 warnings\n"))
        let strict = try CLI.run(["check", "--warnings-as-errors", "Corpus/check-warnings.yaml"], in: Self.corpus)
        #expect(strict.status == 1)
    }

    @Test("a missing file is a diagnostic with exit status 1, not a crash")
    func missingFile() throws {
        let result = try CLI.run(["check", "no-such-board.yaml"])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("no-such-board.yaml: error: cannot read this file: no such file [io.unreadable]\n"))
    }

    @Test("a folder is searched for .yaml files in sorted order")
    func folder() throws {
        let result = try CLI.run(["check", "Corpus"], in: Self.corpus)
        #expect(result.status == 1)
        let files = result.stdout.split(separator: "\n").compactMap { line -> Substring? in
            guard line.hasPrefix("Corpus/") else { return nil }
            return line.split(separator: ":").first
        }
        var unique: [Substring] = []
        for file in files where unique.last != file { unique.append(file) }
        #expect(unique == unique.sorted())
        #expect(result.stdout.contains("checked 59 files:"))
    }

    @Test("--color always colours severities; the default on a pipe does not")
    func color() throws {
        let colored = try CLI.run(["check", "--color", "always", "Corpus/check-unknown-names.yaml"], in: Self.corpus)
        #expect(colored.stdout.contains("\u{1B}[1;31merror:"))
        let plain = try CLI.run(["check", "Corpus/check-unknown-names.yaml"], in: Self.corpus)
        #expect(!plain.stdout.contains("\u{1B}["))
    }
}
