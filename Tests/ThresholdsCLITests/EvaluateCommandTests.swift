import Foundation
import Testing

@Suite("thresholds evaluate (end to end)")
struct EvaluateCommandTests {
    @Test("with no --rules it applies the bundled example board and prints the golden text")
    func bundledBoard() throws {
        let result = try CLI.run(["evaluate", "Examples/cases/04-cp-baby-refused-access.yaml"])
        #expect(result.status == 0)
        let golden = try String(contentsOf: CLI.packageRoot.appendingPathComponent(
            "Tests/ThresholdsTests/Snapshots/04-cp-baby-refused-access.txt"), encoding: .utf8)
        #expect(result.stdout == golden)
        #expect(result.stderr.isEmpty)
    }

    @Test("--format json is byte-identical across runs and holds one recommendation per case")
    func json() throws {
        let arguments = ["evaluate", "--format", "json", "Examples/cases/01-universal-hardship.yaml",
                         "Examples/cases/05-plo-long-plan.yaml"]
        let first = try CLI.run(arguments)
        let second = try CLI.run(arguments)
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        #expect(object["schema_version"] as? Int == 1)
        let array = try #require(object["recommendations"] as? [[String: Any]])
        #expect(array.map { $0["level"] as? String } == ["universal", "pre_proceedings"])
        #expect(array.allSatisfy { $0["case_id"] != nil && $0["fired_rules"] != nil && $0["caseID"] == nil }, "snake_case keys, like the inputs")
    }

    @Test("--as-of overrides the case file's date; markdown has headings")
    func asOfAndMarkdown() throws {
        let result = try CLI.run(["evaluate", "--as-of", "2027-06-01", "--format", "markdown",
                                  "Examples/cases/04-cp-baby-refused-access.yaml"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("# "))
        #expect(result.stdout.contains("as of 2027-06-01"))
        #expect(result.stdout.contains("\n## Why: rules that fired\n"))
    }

    @Test("--format html prints the golden page for the case record")
    func html() throws {
        let result = try CLI.run(["evaluate", "--format", "html", "Examples/cases/04-cp-baby-refused-access.yaml"])
        #expect(result.status == 0)
        let golden = try String(contentsOf: CLI.packageRoot.appendingPathComponent(
            "Tests/ThresholdsTests/Snapshots/render/evaluate-04-cp-baby-refused-access.html"), encoding: .utf8)
        #expect(result.stdout == golden)
    }

    @Test("render writes the published document into --out, or prints it; a broken document is not rendered")
    func render() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("thresholds-render-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: out) }
        let written = try CLI.run(["render", "Rules/northshire-neglect.yaml", "--out", out.path])
        #expect(written.status == 0)
        let page = try String(contentsOf: out.appendingPathComponent("northshire-neglect.html"), encoding: .utf8)
        let golden = try String(contentsOf: CLI.packageRoot.appendingPathComponent(
            "Tests/ThresholdsTests/Snapshots/render/northshire-neglect.html"), encoding: .utf8)
        #expect(page == golden)
        #expect(try CLI.run(["render", "Rules/northshire-neglect.yaml"]).stdout == golden)
        let broken = try CLI.run(["render", "Tests/ThresholdsTests/Corpus/many-errors-one-document.yaml"])
        #expect(broken.status == 1 && broken.stdout.isEmpty && broken.stderr.contains("error:"))
        let vocabulary = try CLI.run(["render", "Rules/wessex/shared/regional-vocabulary.yaml", "--rules-root", "Rules"])
        #expect(vocabulary.status != 0 && vocabulary.stderr.contains("vocabulary"))
    }

    @Test("schema lists the schemas, prints one by name, and writes them all with --out; an unknown name is a usage error")
    func schema() throws {
        let list = try CLI.run(["schema"])
        #expect(list.status == 0 && list.stdout.contains("threshold-document\t") && list.stdout.contains("case\t"))
        let one = try CLI.run(["schema", "case"])
        let golden = try String(contentsOf: CLI.packageRoot.appendingPathComponent("docs/schemas/case.schema.json"), encoding: .utf8)
        #expect(one.stdout == golden)
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("thresholds-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(try CLI.run(["schema", "--out", out.path]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).count == 9)
        let unknown = try CLI.run(["schema", "cases"])
        #expect(unknown.status == 64 && unknown.stderr.contains("no schema 'cases'"))
    }

    @Test("--why-not LEVEL and --counterfactuals add the single changes that would move the level; a non-level is a usage error")
    func counterfactuals() throws {
        let whyNot = try CLI.run(["evaluate", "--why-not", "child_protection", "Examples/cases/03-cin-home-conditions.yaml"])
        #expect(whyNot.status == 0)
        #expect(whyNot.stdout.contains("\nWhy not child_protection: single changes that would give it\n"))
        #expect(whyNot.stdout.contains("  would be child_protection rather than child_in_need if "))
        let nearest = try CLI.run(["evaluate", "--counterfactuals", "Examples/cases/06-provisional-unknowns.yaml"])
        #expect(nearest.stdout.contains("would be universal rather than early_help if hygiene were graded 2 instead of 3"))
        #expect(nearest.stdout.contains("(a cliff edge: two levels or more)"))
        #expect(try CLI.run(["evaluate", "--why-not", "level_5", "Examples/cases/03-cin-home-conditions.yaml"]).status == 64)
        let json = try CLI.run(["evaluate", "--why-not", "universal", "--format", "json", "Examples/cases/03-cin-home-conditions.yaml"])
        #expect(json.status == 0 && json.stdout.contains("\"why_not\" : \"universal\"") && json.stdout.contains("\"counterfactuals\" : ["))
        #expect(try CLI.run(["evaluate", "--counterfactuals", "--jsonl", "x.jsonl"]).status == 64)
    }

    @Test("a broken case file gets compiler-style diagnostics on stderr and exit status 1")
    func brokenCase() throws {
        let result = try CLI.run(["evaluate", "Tests/ThresholdsTests/CaseCorpus/unknown-board-facts-and-events.yaml"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("unknown event kind 'referal' [case.unknown-event]"))
        #expect(result.stderr.contains("    = fix-it: replace 'referal' with 'referral'"))
    }

    @Test("a vocabulary has no rules to apply: evaluating one is an error that says so")
    func vocabularyRefused() throws {
        let result = try CLI.run(["evaluate", "--rules", "Rules/wessex/shared/regional-vocabulary.yaml",
                                  "Examples/cases/01-universal-hardship.yaml"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("[io.vocabulary-not-evaluated]"))
    }

    @Test("a composed document evaluates with each fired rule's file; --rules-root confines what it reads")
    func composedDocument() throws {
        let result = try CLI.run(["evaluate", "--rules", "Rules/wessex/kennet-neglect.yaml",
                                  "Examples/cases/kennet/01-young-carer-absence.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("from: Rules/wessex/baseline/wessex-baseline.yaml"))
        let confined = try CLI.run(["evaluate", "--rules", "Rules/wessex/kennet-neglect.yaml", "--rules-root", "Rules/wessex/shared",
                                    "Examples/cases/kennet/01-young-carer-absence.yaml"])
        #expect(confined.status == 1)
        #expect(confined.stderr.contains("[compose.outside-root]"))
    }

    @Test("--jsonl streams a caseload: one JSON result per line in order, bad lines reported at their line, --summary on stderr")
    func caseload() throws {
        let path = NSTemporaryDirectory() + "thresholds-caseload-\(UUID().uuidString).jsonl"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let lines = [
            #"{"id": "A", "as_of": "2026-11-01", "assessments": [{"date": "2026-10-01", "grades": {"nutrition": 4}}]}"#,
            #"{"id": "B", "as_of": "2026-11-01", "asessments": []}"#,
            #"{"id": "C", "as_of": "2026-11-01", "plans": []}"#,
        ]
        try (lines.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let result = try CLI.run(["evaluate", "--jsonl", path, "--summary"])
        #expect(result.status == 1, "a rejected line fails the run, after every other line is written")
        let objects = try result.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.map { $0["line"] as? Int } == [1, 2, 3])
        #expect((objects[0]["recommendation"] as? [String: Any])?["case_id"] as? String == "A")
        #expect(objects.allSatisfy { $0["schema_version"] as? Int == 1 })
        #expect(objects[1]["diagnostics"] != nil && objects[1]["recommendation"] == nil)
        #expect(result.stderr.contains(":2:") && result.stderr.contains("[document.unknown-key]"))
        #expect(result.stderr.contains("2 cases evaluated, "))
        #expect(try CLI.run(["evaluate", "--jsonl", path, "Examples/cases/01-universal-hardship.yaml"]).status == 64)
    }

    @Test("the board built into the binary is the checkout's Rules/northshire-neglect.yaml, byte for byte")
    func embeddedBoardInStep() throws {
        let board = try String(contentsOf: CLI.packageRoot.appendingPathComponent("Rules/northshire-neglect.yaml"), encoding: .utf8)
        let sourceURL = CLI.packageRoot.appendingPathComponent("Sources/thresholds/BundledBoard+Text.swift")
        let source = try String(contentsOf: sourceURL, encoding: .utf8)
        let open = "static let embedded = #\"\"\"\n"
        let start = try #require(source.range(of: open)).upperBound
        let end = try #require(source.range(of: "\"\"\"#", options: .backwards)).lowerBound
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] != nil, String(source[start..<end]) != board {
            try (String(source[..<start]) + board + String(source[end...])).write(to: sourceURL, atomically: true, encoding: .utf8)
            Issue.record("rewrote BundledBoard+Text.swift from the board; build and run again")
            return
        }
        #expect(String(source[start..<end]) == board, "run RECORD_SNAPSHOTS=1 swift test --filter embeddedBoardInStep")
    }

    @Test("an installed binary, copied anywhere, evaluates with the bundled board from any folder")
    func installedAnywhere() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("thresholds-installed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let installed = folder.appendingPathComponent("thresholds")
        try FileManager.default.copyItem(at: CLI.executable, to: installed)
        let caseFile = folder.appendingPathComponent("case.yaml")
        try FileManager.default.copyItem(at: CLI.packageRoot.appendingPathComponent("Examples/cases/04-cp-baby-refused-access.yaml"),
                                         to: caseFile)
        let process = Process()
        process.executableURL = installed
        process.arguments = ["evaluate", "case.yaml"]
        process.currentDirectoryURL = folder
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let golden = try String(contentsOf: CLI.packageRoot.appendingPathComponent(
            "Tests/ThresholdsTests/Snapshots/04-cp-baby-refused-access.txt"), encoding: .utf8)
        #expect(String(decoding: stdout, as: UTF8.self) == golden)
    }

    @Test("'-' reads standard input where a file is taken: a case, the rules, a caseload, a document to render or compare, fixtures; only once")
    func standardInput() throws {
        func run(_ arguments: [String], input file: String) throws -> (status: Int32, stdout: String) {
            let process = Process()
            process.executableURL = CLI.executable
            process.arguments = arguments
            process.currentDirectoryURL = CLI.packageRoot
            process.standardInput = try FileHandle(forReadingFrom: file.hasPrefix("/")
                ? URL(fileURLWithPath: file) : CLI.packageRoot.appendingPathComponent(file))
            let out = Pipe()
            process.standardOutput = out
            process.standardError = Pipe()
            try process.run()
            let stdout = out.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: stdout, as: UTF8.self))
        }
        let golden = try String(contentsOf: CLI.packageRoot.appendingPathComponent(
            "Tests/ThresholdsTests/Snapshots/04-cp-baby-refused-access.txt"), encoding: .utf8)
        let fromStdin = try run(["evaluate", "-"], input: "Examples/cases/04-cp-baby-refused-access.yaml")
        #expect(fromStdin.status == 0 && fromStdin.stdout == golden)
        let rules = try run(["evaluate", "--rules", "-", "Examples/cases/04-cp-baby-refused-access.yaml"],
                            input: "Rules/northshire-neglect.yaml")
        #expect(rules.status == 0 && rules.stdout == golden)
        let check = try run(["check", "-"], input: "Rules/northshire-neglect.yaml")
        #expect(check.status == 0 && check.stdout == "checked 1 file: 0 errors, 0 warnings\n")
        #expect(try CLI.run(["evaluate", "--rules", "-", "-"]).status == 64)
        let page = try run(["render", "-"], input: "Rules/northshire-neglect.yaml")
        #expect(page.status == 0 && page.stdout.hasPrefix("<!DOCTYPE html>"))
        // Standard input reads as a file in the current folder: a fixture file's paths resolve from there.
        let fixtureFile = NSTemporaryDirectory() + "thresholds-stdin-\(UUID().uuidString).yaml"
        defer { try? FileManager.default.removeItem(atPath: fixtureFile) }
        try """
            fixtures: 1
            rules: Rules/northshire-neglect.yaml
            cases:
              - name: from standard input
                case: Examples/cases/04-cp-baby-refused-access.yaml
                expect: { level: child_protection }
            """.write(toFile: fixtureFile, atomically: true, encoding: .utf8)
        let fixtures = try run(["test", "-"], input: fixtureFile)
        #expect(fixtures.status == 0 && fixtures.stdout.hasSuffix("1 passed, 0 failed\n"))
        let compare = try run(["compare", "Rules/northshire-neglect.yaml", "-", "Examples/caseload/wessex-sample.jsonl"],
                              input: "Rules/northshire-neglect.yaml")
        #expect(compare.stdout.contains(", 0 changed"))
        #expect(try CLI.run(["compare", "-", "-", "x.jsonl"]).status == 64)
    }

    @Test("compare prints the transitions and the changed cases; a rejected line is reported and fails the run at the end")
    func compare() throws {
        let arguments = ["compare", "Rules/wessex/baseline/wessex-baseline.yaml", "Rules/wessex/kennet-neglect.yaml",
                         "Examples/caseload/wessex-sample.jsonl"]
        let text = try CLI.run(arguments)
        #expect(text.status == 1)
        #expect(text.stdout.contains("6 cases evaluated under both, 1 lines rejected, 4 changed"))
        #expect(text.stdout.contains("line 3 (W-3): early_help.single_agency → early_help.multi_agency"))
        #expect(text.stderr.contains("wessex-sample.jsonl:7:"))
        let json = try CLI.run(arguments + ["--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["changed"] as? [Any])?.count == 4)
    }

    @Test("no as-of date anywhere is an error, never today's date")
    func missingAsOf() throws {
        let path = NSTemporaryDirectory() + "thresholds-no-as-of-\(UUID().uuidString).yaml"
        try "id: X\nchild: { disabled: true }\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try CLI.run(["evaluate", path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("[case.missing-as-of]"))
    }

    @Test("an invalid --as-of is a usage error")
    func invalidAsOf() throws {
        let result = try CLI.run(["evaluate", "--as-of", "2026-02-30", "Examples/cases/01-universal-hardship.yaml"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("not a real date"))
    }

    @Test("--rules with a broken document reports its diagnostics and evaluates nothing")
    func brokenRules() throws {
        let result = try CLI.run(["evaluate", "--rules", "Tests/ThresholdsTests/Corpus/check-unknown-names.yaml",
                                  "Examples/cases/01-universal-hardship.yaml"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("[check.unknown-name]"))
    }
}

@Suite("thresholds test (end to end)")
struct TestCommandTests {
    @Test("passing fixtures exit 0 and end with exactly 'N passed, N failed'")
    func passing() throws {
        let result = try CLI.run(["test", "Examples/fixtures/"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.last.map(String.init)?.wholeMatch(of: /\d+ passed, 0 failed/) != nil)
    }

    @Test("a failing suite exits 1, its last line counts skips, and --junit writes the report")
    func failing() throws {
        let junit = NSTemporaryDirectory() + "thresholds-junit-\(UUID().uuidString).xml"
        defer { try? FileManager.default.removeItem(atPath: junit) }
        let result = try CLI.run(["test", "--junit", junit, "Tests/ThresholdsTests/FixtureCorpus/must-fail.yaml"])
        #expect(result.status == 1)
        #expect(result.stdout.hasSuffix("\n1 passed, 1 failed, 1 skipped\n"))
        #expect(try String(contentsOfFile: junit, encoding: .utf8).contains("<testsuites name=\"thresholds\" tests=\"3\" failures=\"1\" skipped=\"1\">"))
    }

    @Test("--min-coverage fails the run below the threshold")
    func minCoverage() throws {
        let result = try CLI.run(["test", "--min-coverage", "100", "--filter", "smoke", "Tests/ThresholdsTests/FixtureCorpus/must-fail.yaml"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("is below --min-coverage 100%"))
        #expect(result.stdout.hasSuffix("1 passed, 0 failed\n"))
    }

    @Test("--mutate reports each change no fixture notices, then the score; --min-mutation-score gates it; the last line stays the count")
    func mutate() throws {
        let result = try CLI.run(["test", "--mutate", "--min-mutation-score", "100", "Examples/fixtures/example-cases.yaml"])
        #expect(result.status == 1)
        #expect(result.stdout.contains(": no fixture notices if `"))
        #expect(result.stdout.contains("mutation score: "))
        #expect(result.stdout.contains("mutation score is below --min-mutation-score 100%"))
        #expect(result.stdout.hasSuffix("14 passed, 0 failed\n"))
        #expect(try CLI.run(["test", "--mutate", "--min-mutation-score", "95", "Examples/fixtures/kennet.yaml"]).status == 0)
        #expect(try CLI.run(["test", "--min-mutation-score", "50", "Examples/fixtures/kennet.yaml"]).status == 64)
    }
}
