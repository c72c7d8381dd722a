import Foundation
import Testing
@testable import Thresholds
import ThresholdsDiagnostics

/// One document of `Tests/ThresholdsTests/VerifyCorpus/`, deliberately flawed, verified and
/// pinned to its exact findings in the `.expected` file beside it.
struct VerifyCase: CustomTestStringConvertible, Sendable {
    let name: String
    var testDescription: String { name }

    static let directory = Snapshot.directory().appendingPathComponent("VerifyCorpus")

    static var all: [VerifyCase] { CorpusCase.documentNames(in: directory).map { VerifyCase(name: $0) } }

    func loaded() -> LoadedDocument { CorpusCase.load(name, in: Self.directory) }

    func verification() -> Verification? {
        loaded().checked.map { Verifier().verify($0) }
    }
}

@Suite("Verification")
struct VerificationTests {
    @Test("each flawed document gives exactly its pinned findings", arguments: VerifyCase.all)
    func pinned(_ verifyCase: VerifyCase) throws {
        let loaded = verifyCase.loaded()
        let verification = try #require(verifyCase.verification(), "the corpus documents check clean: their flaws are for verify")
        #expect(!verification.diagnostics.isEmpty)
        let text = DiagnosticRenderer().render(verification.diagnostics, sources: [loaded.source.path: loaded.source])
            + verification.summary
        Snapshot.assertMatches(text, file: VerifyCase.directory.appendingPathComponent(verifyCase.name + ".expected"))
    }

    @Test("every counterexample, evaluated as the case files it is written as, really lowers the level")
    func counterexamplesAreReal() throws {
        let verifyCase = VerifyCase(name: "non-monotone")
        let checked = try #require(verifyCase.loaded().checked)
        let verification = try #require(verifyCase.verification())
        #expect(verification.counterexamples.count == 2)
        #expect(verification.diagnostics.filter { $0.id.rawValue == "verify.not-monotone" }.count == 2)
        let plan = checked.compile()
        for example in verification.counterexamples {
            let before = CaseLoader().load(text: example.beforeFile, path: "before.json")
            let after = CaseLoader().load(text: example.afterFile, path: "after.json")
            #expect(before.diagnostics.isEmpty && after.diagnostics.isEmpty)
            let beforeFacts = try #require(before.facts)
            let afterFacts = try #require(after.facts)
            let asOf = try #require(before.asOf)
            let levels = (plan.evaluate(beforeFacts, asOf: asOf).level, plan.evaluate(afterFacts, asOf: asOf).level)
            #expect(levels.0 == example.levelBefore && levels.1 == example.levelAfter)
            #expect(levels.1 < levels.0, "\(example.name): the more concerning case gets the lower level")
        }
    }

    @Test("the example boards verify clean: no errors, no warnings, and no counterexample in the search")
    func exampleBoards() throws {
        for path in ["Rules/northshire-neglect.yaml", "Rules/wessex/baseline/wessex-baseline.yaml", "Rules/wessex/kennet-neglect.yaml",
                     "Rules/wessex/kennet-procedures.yaml"] {
            let checked = try #require(DocumentLoader().load(contentsOf: Fixture.root.path + "/" + path, rulesRoot: Fixture.root.path + "/Rules").checked)
            // 500 cases here (the suite also runs under ThreadSanitizer); CI searches 10,000 with the CLI.
            let verification = Verifier(searchCases: 500).verify(checked)
            #expect(verification.diagnostics.isEmpty, "\(path): \(verification.diagnostics.map(\.message))")
            #expect(verification.counterexamples.isEmpty)
        }
    }

    @Test("the algebra decides bounds within a term's own range, whole values, and implication")
    func algebra() throws {
        let document = try #require(Fixture.document("rules:\n  - { id: R, title: t, level: early_help, source: s, when: \"domain.hygiene >= 3\" }\n")).document
        let algebra = ConditionAlgebra(document)
        func formula(_ text: String) throws -> ConditionAlgebra.Formula {
            let locations = (0...text.unicodeScalars.count).map { SourceLocation(line: 1, column: $0 + 1, offset: $0) }
            guard case .success(let expression) = ExpressionParser.parse(text, locations: locations) else {
                Issue.record("does not parse: \(text)")
                return .literal(.constant(true))
            }
            return algebra.formula(expression)
        }
        #expect(ConditionAlgebra.isUnsatisfiable(try formula("domain.hygiene > 5")) == true)
        #expect(ConditionAlgebra.isUnsatisfiable(try formula("domain.hygiene > 3 and domain.hygiene < 4")) == true, "grades are whole")
        #expect(ConditionAlgebra.isUnsatisfiable(try formula("education.absence_rate > 3 and education.absence_rate < 4")) == false)
        #expect(ConditionAlgebra.isUnsatisfiable(try formula("count(concern in last 6 months) < 0")) == true)
        #expect(ConditionAlgebra.isUnsatisfiable(try formula("current_plan == child_protection and current_plan < child_in_need")) == true)
        #expect(ConditionAlgebra.implies(try formula("domain.hygiene >= 4"), try formula("domain.hygiene >= 3")) == true)
        #expect(ConditionAlgebra.implies(try formula("domain.hygiene >= 3"), try formula("domain.hygiene >= 4")) == false)
        #expect(ConditionAlgebra.isUnsatisfiable(try formula("since(child_seen) > 10 working days and since(child_seen) < 5 days")) == false,
                "working days and days are not compared")
    }
}

@Suite("Counterfactuals")
struct CounterfactualTests {
    static let document = Fixture.document("""
        rules:
          - { id: R-1, title: a 3, level: early_help, source: s, when: "domain.hygiene >= 3" }
          - { id: R-2, title: a 4, level: child_in_need, source: s, when: "domain.hygiene >= 4" }
          - { id: R-3, title: a 5, level: child_protection, source: s, when: "domain.hygiene == 5" }
        """)

    @Test("the nearest change up and down, and a cliff edge; each one really gives the level it names")
    func nearest() throws {
        let plan = try #require(Self.document).compile()
        let facts = Fixture.facts("assessments: [{ date: 2026-10-01, grades: { hygiene: 3 } }]")
        let changes = CounterfactualSearch.nearest(plan, facts, asOf: Fixture.asOf)
        #expect(changes.map(\.sentence) == [
            "would be child_in_need rather than early_help if hygiene were graded 4 instead of 3",
            "would be universal rather than early_help if hygiene were graded 2 instead of 3",
            "would be child_protection rather than early_help if hygiene were graded 5 instead of 3",
        ])
        #expect(changes.last?.isCliffEdge == true && changes.first?.isCliffEdge == false)
        for change in CounterfactualSearch.all(plan, facts, asOf: Fixture.asOf) {
            let candidate = try #require(CounterfactualSearch.candidates(plan.document, facts, asOf: Fixture.asOf)
                .first { $0.change == change.change && $0.fact == change.fact })
            #expect(plan.evaluate(candidate.facts, asOf: Fixture.asOf).level == change.to)
        }
        let whyNot = CounterfactualSearch.whyNot(.childProtection, plan, facts, asOf: Fixture.asOf)
        #expect(whyNot.map(\.change) == ["hygiene were graded 5 instead of 3"])
        #expect(CounterfactualSearch.whyNot(.earlyHelp, plan, facts, asOf: Fixture.asOf).isEmpty, "already there")
    }
}
