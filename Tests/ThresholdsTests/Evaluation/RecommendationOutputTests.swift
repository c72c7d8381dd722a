import Foundation
import Testing
@testable import Thresholds

@Suite("Recommendation output")
struct RecommendationOutputTests {
    static let cases: [String] = {
        let folder = Fixture.root.appendingPathComponent("Examples/cases")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    static func recommend(_ name: String) throws -> Recommendation {
        let loaded = CaseLoader().load(contentsOf: Fixture.root.appendingPathComponent("Examples/cases/\(name)").path)
        let facts = try #require(loaded.facts)
        let document = try #require(Fixture.board)
        #expect(CaseChecker.check(loaded, against: document.document).isEmpty)
        let asOf = try #require(loaded.asOf)
        return EvaluationPlan(document).evaluate(facts, asOf: asOf)
    }

    @Test("text and JSON output of every example case match their golden files", arguments: cases)
    func golden(name: String) throws {
        let recommendation = try Self.recommend(name)
        let base = Snapshot.directory().appendingPathComponent("Snapshots/\(name.replacingOccurrences(of: ".yaml", with: ""))")
        Snapshot.assertMatches(RecommendationRenderer.text(recommendation), file: base.appendingPathExtension("txt"))
        let json = String(decoding: try RecommendationRenderer.json([recommendation]), as: UTF8.self)
        Snapshot.assertMatches(json + "\n", file: base.appendingPathExtension("json"))
    }

    /// The second board's cases, each with the document it is evaluated against: the folder
    /// names the document (`kennet/` the thresholds, `kennet-procedures/` the procedures).
    static let kennetCases: [String] = ["kennet", "kennet-procedures"].flatMap { folder in
        let url = Fixture.root.appendingPathComponent("Examples/cases/\(folder)")
        return ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
            .map { "\(folder)/\($0)" }
    }

    @Test("the second example board's cases match their golden files; each fired rule names its file, relative to the package",
          arguments: kennetCases)
    func kennetGolden(name: String) throws {
        let root = Fixture.root.path
        let documentName = name.hasPrefix("kennet-procedures/") ? "kennet-procedures" : "kennet-neglect"
        let document = try #require(DocumentLoader().load(contentsOf: root + "/Rules/wessex/\(documentName).yaml", rulesRoot: root).checked)
        let loaded = CaseLoader().load(contentsOf: root + "/Examples/cases/\(name)")
        #expect(CaseChecker.check(loaded, against: document.document).isEmpty)
        let plan = document.compile()
        let facts = try #require(loaded.facts)
        let asOf = try #require(loaded.asOf)
        let recommendation = plan.evaluate(facts, asOf: asOf)
        #expect((recommendation.firedRules + recommendation.procedures).allSatisfy { $0.file != nil })
        #expect(plan.decide(facts, asOf: asOf).actions == recommendation.actions, "deadlines are the same on the fast path")
        func portable(_ text: String) -> String { text.replacingOccurrences(of: root + "/", with: "") }
        let base = Snapshot.directory().appendingPathComponent("Snapshots/\(name.replacingOccurrences(of: ".yaml", with: ""))")
        Snapshot.assertMatches(portable(RecommendationRenderer.text(recommendation)), file: base.appendingPathExtension("txt"))
        let json = String(decoding: try RecommendationRenderer.json([recommendation]), as: UTF8.self)
        Snapshot.assertMatches(portable(json) + "\n", file: base.appendingPathExtension("json"))
    }

    @Test("the same document, facts and as-of date give byte-identical JSON")
    func deterministic() throws {
        for name in Self.cases {
            let first = try RecommendationRenderer.json([Self.recommend(name)])
            let second = try RecommendationRenderer.json([Self.recommend(name)])
            #expect(first == second, "\(name)")
        }
    }

    @Test("one evaluator shared by many concurrent tasks gives the same results as serial evaluation")
    func concurrent() async throws {
        let document = try #require(Fixture.board)
        let evaluator = EvaluationPlan(document)
        var inputs: [(CaseFacts, LocalDate)] = []
        for name in Self.cases {
            let loaded = CaseLoader().load(contentsOf: Fixture.root.appendingPathComponent("Examples/cases/\(name)").path)
            let facts = try #require(loaded.facts)
            let asOf = try #require(loaded.asOf)
            inputs.append((facts, asOf))
        }
        let serial = inputs.map { evaluator.evaluate($0.0, asOf: $0.1) }
        let captured = inputs
        let parallel = await withTaskGroup(of: (Int, Recommendation).self) { group in
            for _ in 0..<20 {
                for (index, input) in captured.enumerated() {
                    group.addTask { (index, evaluator.evaluate(input.0, asOf: input.1)) }
                }
            }
            var results: [(Int, Recommendation)] = []
            for await result in group { results.append(result) }
            return results
        }
        #expect(parallel.count == 20 * inputs.count)
        for (index, recommendation) in parallel { #expect(recommendation == serial[index]) }
    }

    @Test("eight tasks sharing one evaluator over every example case render byte for byte what serial evaluation renders")
    func eightTasksByteForByte() async throws {
        let evaluator = EvaluationPlan(try #require(Fixture.board))
        var inputs: [(CaseFacts, LocalDate)] = []
        for name in Self.cases {
            let loaded = CaseLoader().load(contentsOf: Fixture.root.appendingPathComponent("Examples/cases/\(name)").path)
            inputs.append((try #require(loaded.facts), try #require(loaded.asOf)))
        }
        func render(_ recommendation: Recommendation) throws -> [UInt8] {
            Array(RecommendationRenderer.text(recommendation, allInformation: true).utf8)
                + Array(try RecommendationRenderer.json([recommendation]))
        }
        let serial = try inputs.map { try render(evaluator.evaluate($0.0, asOf: $0.1)) }
        let captured = inputs
        // Each task evaluates every case, starting at a different one, so the tasks overlap.
        let parallel = try await withThrowingTaskGroup(of: [(Int, [UInt8])].self) { group in
            for task in 0..<8 {
                group.addTask {
                    try captured.indices.map { offset in
                        let index = (offset + task) % captured.count
                        return (index, try render(evaluator.evaluate(captured[index].0, asOf: captured[index].1)))
                    }
                }
            }
            var all: [(Int, [UInt8])] = []
            for try await results in group { all += results }
            return all
        }
        #expect(parallel.count == 8 * inputs.count)
        for (index, bytes) in parallel { #expect(bytes == serial[index], "\(Self.cases[index])") }
    }

    @Test("the as-of date moves windows: the same case evaluated later forgets old refusals")
    func asOfMatters() throws {
        let document = try #require(Fixture.single("count(access_refused in last 90 days) >= 2"))
        let facts = Fixture.facts("visits: [{ date: 2026-09-01, outcome: refused_entry }, { date: 2026-10-01, outcome: refused_sight }]")
        let now = try #require(Fixture.evaluate(document, facts))
        let date = try #require(LocalDate("2027-01-15"))
        let later = try #require(Fixture.evaluate(document, facts, asOf: date))
        #expect(now.level == .childInNeed)
        #expect(later.level == .universal)
    }
}
