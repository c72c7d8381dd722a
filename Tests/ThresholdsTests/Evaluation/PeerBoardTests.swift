import Foundation
import Testing
@testable import Thresholds

/// The peer benchmark board in the DSL (`Benchmarks/peer-board/board.yaml`) agrees with the
/// peer's source of truth, `expected.py`, on the level and the fired rules of every case.
///
/// `swift test` checks the first 2,000 generated cases (seed 1989); the full 100,000:
///
///     PEER_CASES=100000 swift test --filter PeerBoard     # about 30 seconds in a debug build
/// Where the peer benchmark lives: beside the repository, as CI lays `shared/` out.
enum PeerBench {
    static let folder = Fixture.root.deletingLastPathComponent().appendingPathComponent("shared/bench/peer-board")
    static var available: Bool { FileManager.default.fileExists(atPath: folder.appendingPathComponent("expected.py").path) }
}

@Suite("Peer benchmark board", .enabled(if: PeerBench.available), .timeLimit(.minutes(10)))
struct PeerBoardTests {
    static let folder = PeerBench.folder

    /// Runs one of the peer's Python scripts (with the `python3` on the PATH) and returns its output.
    static func run(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("peer-\(UUID().uuidString).jsonl")
        guard FileManager.default.createFile(atPath: output.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        defer { try? FileManager.default.removeItem(at: output) }
        process.standardOutput = try FileHandle(forWritingTo: output)
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try Data(contentsOf: output)
    }

    static func lines<T: Decodable>(_ data: Data, as type: T.Type) throws -> [T] {
        let decoder = JSONDecoder()
        return try data.split(separator: UInt8(ascii: "\n")).map { try decoder.decode(type, from: Data($0)) }
    }

    @Test("level and fired rules agree with expected.py on every generated case")
    func agreement() throws {
        let count = ProcessInfo.processInfo.environment["PEER_CASES"].flatMap(Int.init) ?? 2_000
        let casesFile = FileManager.default.temporaryDirectory.appendingPathComponent("peer-cases-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: casesFile) }
        try Self.run([Self.folder.appendingPathComponent("gen_cases.py").path, "-n", String(count), "--seed", "1989"])
            .write(to: casesFile)
        let expected = try Self.lines(try Self.run([Self.folder.appendingPathComponent("expected.py").path, casesFile.path]),
                                      as: PeerOutcome.self)
        let cases = try Self.lines(try Data(contentsOf: casesFile), as: PeerCase.self)
        #expect(cases.count == count && expected.count == count)

        let loaded = DocumentLoader().load(contentsOf: Fixture.root.appendingPathComponent("Benchmarks/peer-board/board.yaml").path)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        let plan = try #require(loaded.checked).compile()
        var disagreements: [String] = []
        for (index, (peer, reference)) in zip(cases, expected).enumerated() where disagreements.count < 10 {
            let facts = peer.facts
            let decision = plan.decide(facts, asOf: PeerCase.asOf)
            let outcome = PeerOutcome(case_id: peer.case_id, level: decision.level == .universal ? "none" : decision.level.rawValue,
                                      fired: decision.firedRules.sorted())
            if outcome != reference {
                disagreements.append("\(peer.case_id): expected \(reference.level) \(reference.fired), got \(outcome.level) \(outcome.fired)")
            }
            // Every rule is decided on every case, as the peer's are: nothing is provisional.
            if decision.provisional { disagreements.append("\(peer.case_id): provisional") }
            // The explained path says the same, rule by rule (every 20th case: it is slower).
            if index % 20 == 0 { disagreements += FastPathTests.disagreements(plan, facts, asOf: PeerCase.asOf) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.joined(separator: "\n"))")

        // The whole caseload decided in one call, bit-sliced, says the same of every case.
        #expect(plan.decidesInSlices)
        let bound = cases.map { plan.bind($0.facts, asOf: PeerCase.asOf) }
        let together = plan.decide(bound)
        let apart = zip(together, bound).filter { $0 != plan.decide($1) }.count
        #expect(together.count == cases.count && apart == 0, "\(apart) cases decided differently in the caseload")
        // And so does the caseload bound as one matrix.
        let caseload = plan.decide(plan.bind(cases.map(\.facts), asOf: PeerCase.asOf))
        #expect(Array(caseload) == together)
    }
}
