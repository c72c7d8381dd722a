import Foundation
import Testing
@testable import Thresholds
import ThresholdsDiagnostics
import ThresholdsYAML

/// Hostile sizes: long chains, long lists, many rules. Nothing may crash, recurse along an
/// expression's length, or take more than linear work. The time limits are hang guards (a run
/// that exceeds them has gone quadratic or worse), not performance claims: those come from the
/// benchmarks.
@Suite("Expression and document size", .timeLimit(.minutes(5)))
struct ExpressionScaleTests {
    static let header = """
        thresholds: 1
        board: B
        title: T
        version: "1"
        effective: 2026-01-01
        levels:
          child_in_need: { label: L3 }

        """

    static func load(_ text: String) -> LoadedDocument {
        DocumentLoader().load(text: header + text, path: "big.yaml")
    }

    static func rule(_ when: String, id: String = "R") -> String {
        "  - { id: \(id), title: t, level: child_in_need, source: s, when: \"\(when)\" }\n"
    }

    /// Every chaining operator, with an operand that keeps the chain well typed.
    static let chains: [(op: String, operand: String, comparison: String)] = [
        ("and", "child.disabled", ""), ("or", "child.disabled", ""),
        ("+", "education.sessions_missed", " >= 0"), ("-", "education.sessions_missed", " <= 0"),
        ("*", "education.sessions_missed", " >= 0"), ("/", "education.sessions_missed", " >= 0"),
    ]

    @Test("a 20,000-term chain of each operator is rejected at its 1,001st term, with no deep recursion",
          arguments: chains.map(\.op))
    func hostileChain(_ op: String) throws {
        let chain = try #require(Self.chains.first { $0.op == op })
        let when = Array(repeating: chain.operand, count: 20_000).joined(separator: " \(op) ") + chain.comparison
        let loaded = Self.load("rules:\n" + Self.rule(when))
        let error = try #require(loaded.diagnostics.first)
        #expect(error.id.rawValue == "expression.too-long")
        // Located at the first term over the limit: 1,000 operands and 1,000 separators in.
        let separator = " \(op) ".count
        let column = try #require(error.range?.start.column)
        let expectedColumn = "  - { id: R, title: t, level: child_in_need, source: s, when: \"".count + 1
            + 1_000 * (chain.operand.count + separator)
        #expect(column == expectedColumn)
        #expect(loaded.document == nil || loaded.diagnostics.containsErrors)
    }

    @Test("a chain at the limit (1,000 terms) of each operator is checked, compiled and evaluated correctly",
          arguments: chains.map(\.op))
    func chainAtLimit(_ op: String) throws {
        let chain = try #require(Self.chains.first { $0.op == op })
        // 1,000 terms in all: the comparison's `0` is one of them.
        let operands = chain.comparison.isEmpty ? 1_000 : 999
        let when = Array(repeating: chain.operand, count: operands).joined(separator: " \(op) ") + chain.comparison
        let loaded = Self.load("rules:\n" + Self.rule(when))
        #expect(!loaded.diagnostics.containsErrors, "\(loaded.diagnostics)")
        let document = try #require(loaded.checked)
        let facts = CaseFacts(child: .init(disabled: true), education: .init(sessionsPossible: 10, sessionsMissed: 1))
        let result = EvaluationPlan(document).evaluate(facts, asOf: Fixture.asOf)
        // 1 + 1 + … ≥ 0, 1 - 1 - … ≤ 0, 1 × 1 × … ≥ 0, 1 ÷ 1 ÷ … ≥ 0, true and/or true …: all fire.
        #expect(result.level == .childInNeed)
        // The explanation reads the fact once, however many times the chain names it.
        #expect(result.firedRules.first?.explanation.readings.filter { !$0.name.contains("(") }.count == 1)
        // Unknown operands: the chain is unknown (or, for `or`, still unknown), never a crash.
        let unknown = EvaluationPlan(document).evaluate(CaseFacts(), asOf: Fixture.asOf)
        #expect(unknown.level == .universal)
        #expect(unknown.provisional)
    }

    @Test("every expression term in a document counts towards one limit, reported where it is crossed")
    func documentTermLimit() throws {
        // 101 rules of 1,000 terms each: 101,000 terms, over the 100,000 a document may hold.
        let when = Array(repeating: "child.disabled", count: 1_000).joined(separator: " and ")
        let rules = (1...101).map { Self.rule(when, id: "R\($0)") }.joined()
        let loaded = Self.load("rules:\n" + rules)
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.id.rawValue) == ["document.too-many-terms"])
        #expect(errors.first?.range?.start.line == 8 + 101)  // the 101st rule's line
    }

    @Test("'all:' and 'any:' lists of 100,000 items are checked and evaluated; one past the node budget is rejected")
    func longConditionLists() throws {
        func document(items: Int, item: String = "child.disabled") -> String {
            "rules:\n  - id: R\n    title: t\n    level: child_in_need\n    source: s\n    when:\n      all:\n"
                + String(repeating: "      - \(item)\n", count: items)
        }
        let accepted = Self.load(document(items: 100_000))
        #expect(!accepted.diagnostics.containsErrors, "\(accepted.diagnostics.prefix(3))")
        let doc = try #require(accepted.checked)
        let result = EvaluationPlan(doc).evaluate(CaseFacts(child: .init(disabled: true)), asOf: Fixture.asOf)
        #expect(result.level == .childInNeed)
        let anyList = Self.load(document(items: 100_000).replacingOccurrences(of: "      all:\n", with: "      any:\n"))
        let any = try #require(anyList.checked)
        #expect(EvaluationPlan(any).evaluate(CaseFacts(child: .init(disabled: false)), asOf: Fixture.asOf).level == .universal)

        let rejected = Self.load(document(items: YAMLLimits.default.maxNodes, item: "true"))
        let error = try #require(rejected.diagnostics.first { $0.severity == .error })
        #expect(error.id.rawValue == "yaml.too-many-nodes")
        #expect(error.range != nil)
    }

    @Test("a document of 10,000 rules is checked and evaluated")
    func tenThousandRules() throws {
        let rules = (1...10_000).map { Self.rule("count(domains where grade >= 4) >= 1 and child.disabled", id: "R\($0)") }.joined()
        let loaded = Self.load("rules:\n" + rules)
        #expect(!loaded.diagnostics.containsErrors, "\(loaded.diagnostics.prefix(3))")
        let document = try #require(loaded.checked)
        #expect(document.document.rules.count == 10_000)
        let facts = CaseFacts(child: .init(disabled: true), assessments: [.init(date: Fixture.asOf, grades: ["hygiene": 4])])
        let result = EvaluationPlan(document).evaluate(facts, asOf: Fixture.asOf)
        #expect(result.level == .childInNeed)
        #expect(result.firedRules.count == 10_000)
    }
}
