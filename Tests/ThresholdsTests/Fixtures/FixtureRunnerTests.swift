import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import Thresholds
import ThresholdsDiagnostics

@Suite("Fixture runner", .serialized)
struct FixtureRunnerTests {
    static let rootPrefix = Fixture.root.standardizedFileURL.path + "/"

    /// The absolute path of a file in the package.
    static func path(_ relative: String) -> String {
        rootPrefix + relative
    }

    /// Output with paths shown relative to the package root, wherever the tests run from.
    static func normalized(_ text: String) -> String {
        text.replacingOccurrences(of: rootPrefix, with: "")
    }

    static func run(_ relative: String, filter: String? = nil) throws -> FixtureReport {
        let loaded = FixtureLoader().load(contentsOf: path(relative))
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        return FixtureRunner(filter: filter).run(try #require(loaded.suite))
    }

    @Test("the example board's fixtures pass inside swift test, through the library API")
    func exampleFixtures() throws {
        let folder = Fixture.root.appendingPathComponent("Examples/fixtures")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(!files.isEmpty)
        for file in files {
            let report = try Self.run("Examples/fixtures/\(file)")
            #expect(report.failed == 0, "\(FixtureReportRenderer.text(report, coverage: false))")
            #expect(report.passed > 0)
        }
    }

    @Test("a suite that must fail gives exactly its pinned failure output")
    func mustFail() throws {
        let report = try Self.run("Tests/ThresholdsTests/FixtureCorpus/must-fail.yaml")
        #expect((report.passed, report.failed, report.skipped) == (1, 1, 1))
        #expect(report.summary == "1 passed, 1 failed, 1 skipped")
        Snapshot.assertMatches(Self.normalized(FixtureReportRenderer.text(report, coverage: true) + report.summary + "\n"),
                               file: Snapshot.directory().appendingPathComponent("FixtureCorpus/must-fail.expected"))
    }

    @Test("--filter selects by name or tag, case-insensitively")
    func filter() throws {
        #expect(try Self.run("Tests/ThresholdsTests/FixtureCorpus/must-fail.yaml", filter: "SMOKE").results.map(\.name) == ["passes"])
        #expect(try Self.run("Tests/ThresholdsTests/FixtureCorpus/must-fail.yaml", filter: "hygiene").results.count == 1)
    }

    @Test("a broken fixture file gives exactly its pinned diagnostics")
    func brokenFixture() throws {
        let loaded = FixtureLoader().load(contentsOf: Self.path("Tests/ThresholdsTests/FixtureCorpus/broken-fixture.yaml"))
        #expect(loaded.suite == nil)
        Snapshot.assertMatches(Self.normalized(DiagnosticRenderer().render(loaded.diagnostics, sources: loaded.sources)),
                               file: Snapshot.directory().appendingPathComponent("FixtureCorpus/broken-fixture.expected"))
    }

    @Test("a fixture file that targets a vocabulary is told it has no rules to test")
    func vocabularyTargeted() throws {
        let loaded = FixtureLoader().load(contentsOf: Self.path("Tests/ThresholdsTests/FixtureCorpus/vocabulary-targeted.yaml"))
        #expect(loaded.suite == nil)
        Snapshot.assertMatches(Self.normalized(DiagnosticRenderer().render(loaded.diagnostics, sources: loaded.sources)),
                               file: Snapshot.directory().appendingPathComponent("FixtureCorpus/vocabulary-targeted.expected"))
    }

    @Test("loading several fixture files loads a shared board once and gives the same suites")
    func sharedBoard() throws {
        let paths = ["Examples/fixtures/boundaries.yaml", "Examples/fixtures/example-cases.yaml"].map(Self.path)
        let together = FixtureLoader().load(contentsOf: paths)
        let apart = paths.map { FixtureLoader().load(contentsOf: $0) }
        #expect(together.map { $0.suite?.cases.count } == apart.map { $0.suite?.cases.count })
        #expect(together.allSatisfy { $0.diagnostics.isEmpty })
        let first = try #require(together.first?.suite?.document)
        let second = try #require(together.last?.suite?.document)
        #expect(first == second)
    }

    @Test("JUnit XML has the shape CI systems read: testsuites > testsuite > testcase with failure or skipped")
    func junitShape() throws {
        let report = try Self.run("Tests/ThresholdsTests/FixtureCorpus/must-fail.yaml")
        let xml = JUnitReport.xml(report)
        let document = try XMLDocument(xmlString: xml)
        let root = try #require(document.rootElement())
        #expect(root.name == "testsuites")
        #expect(root.attribute(forName: "tests")?.stringValue == "3")
        #expect(root.attribute(forName: "failures")?.stringValue == "1")
        #expect(root.attribute(forName: "skipped")?.stringValue == "1")
        let suites = root.elements(forName: "testsuite")
        #expect(suites.count == 1)
        let cases = try #require(suites.first).elements(forName: "testcase")
        #expect(cases.map { $0.attribute(forName: "name")?.stringValue } == [
            "a 4 in hygiene is not early help", "passes", "waits on the board",
        ])
        let failure = try #require(cases.first?.elements(forName: "failure").first)
        #expect(failure.attribute(forName: "message")?.stringValue == "level: expected early_help, got child_in_need")
        #expect(cases[1].children == nil || cases[1].children?.isEmpty == true)
        #expect(cases[2].elements(forName: "skipped").count == 1)
    }

    @Test("XML escaping keeps the document well-formed whatever a case is called")
    func escaping() {
        #expect(JUnitReport.escape("a < b & \"c\" 'd' \u{1}") == "a &lt; b &amp; &quot;c&quot; &apos;d&apos; ")
    }

    @Test("branch coverage: each part of any/all and each unless, seen true and false")
    func branches() throws {
        let document = try #require(Fixture.document("""
            rules:
              - { id: R, title: t, level: child_in_need, source: s, when: { any: [child.disabled, context.poverty] }, unless: child.unborn }
            """))
        func run(_ cases: [CaseFacts]) -> BranchCoverage {
            let suite = FixtureSuite(file: "f.yaml", checked: document, cases: cases.enumerated().map { index, facts in
                FixtureCase(name: "c\(index)", tags: [], facts: facts, asOf: Fixture.asOf, expectation: Expectation(),
                            skip: nil, range: SourceRange(at: .start))
            })
            return FixtureRunner().run(suite).branchCoverage
        }
        let partial = run([CaseFacts(child: .init(unborn: false, disabled: true), context: .init(poverty: false))])
        #expect(partial.branches.map(\.name) == ["R unless", "R when/any[0]", "R when/any[1]"])
        #expect(partial.covered.isEmpty)
        #expect(partial.uncovered == ["R unless (never true)", "R when/any[0] (never false)", "R when/any[1] (never true)"])
        let full = run([
            CaseFacts(child: .init(unborn: false, disabled: true), context: .init(poverty: false)),
            CaseFacts(child: .init(unborn: true, disabled: false), context: .init(poverty: true)),
        ])
        #expect(full.percentage == 100)
    }

    @Test("coverage lists the rules no case made fire")
    func coverage() throws {
        let report = try Self.run("Tests/ThresholdsTests/FixtureCorpus/must-fail.yaml")
        #expect(report.firedRuleIDs == ["NS-CIN-01"])
        #expect(report.neverFired.count == report.ruleIDs.count - 1)
        #expect(report.ruleCoverage > 2 && report.ruleCoverage < 3)
    }
}
