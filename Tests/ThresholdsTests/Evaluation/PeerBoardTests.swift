import Foundation
import Testing
@testable import Thresholds

/// One case of the peer benchmark (`../shared/bench/peer-board/workload.md` §2): flat facts.
struct PeerCase: Decodable {
    let case_id: String
    let age_months: Int
    let disabled: Bool
    let nutrition, hygiene, clothing, home_conditions, health_care, supervision, emotional_care, education_stimulation: Int?
    let attendance_pct: Double?
    let part_time_timetable, missing_education: Bool
    let access_refused_90d, missed_health_appointments_12m, referrals_12m: Int
    let previous_cp_plan_24m: Bool
    let current_plan: String
    let non_compliance_6m: Int
    let early_help_declined: Bool

    /// The as-of date every peer case is evaluated at.
    static let asOf = LocalDate(year: 2026, month: 11, day: 1) ?? Fixture.asOf

    /// The same facts on the standard case model: grades as one graded assessment (a null grade
    /// not assessed), refusals, missed appointments and referrals as dated records inside their
    /// windows, plans as plans, attendance as sessions.
    var facts: CaseFacts {
        let asOf = Self.asOf
        func daysAgo(_ days: Int) -> LocalDate { asOf.adding(days: -days) ?? asOf }
        func monthsAgo(_ months: Int) -> LocalDate { asOf.adding(months: -months) ?? asOf }
        var grades: [String: Int] = [:]
        for (domain, grade) in [("nutrition", nutrition), ("hygiene", hygiene), ("clothing", clothing),
                                ("home_conditions", home_conditions), ("health", health_care),
                                ("safety_supervision", supervision), ("emotional_care", emotional_care),
                                ("education_stimulation", education_stimulation)] {
            if let grade { grades[domain] = grade }
        }
        var plans: [CaseFacts.Plan] = []
        if previous_cp_plan_24m { plans.append(.init(level: .childProtection, start: monthsAgo(20), end: monthsAgo(12))) }
        if let level = Level(rawValue: current_plan) { plans.append(.init(level: level, start: monthsAgo(6))) }
        return CaseFacts(
            id: case_id,
            child: .init(dateOfBirth: monthsAgo(age_months), disabled: disabled),
            plans: plans,
            assessments: [.init(date: daysAgo(1), grades: grades)],
            education: .init(
                sessionsPossible: attendance_pct.map { _ in 1_000 },
                sessionsMissed: attendance_pct.map { Int(((100 - $0) * 10).rounded()) },
                missing: missing_education,
                partTimeTimetable: part_time_timetable ? .init() : nil),
            visits: Array(repeating: .init(date: daysAgo(10), outcome: .refusedEntry), count: access_refused_90d),
            compliance: .init(
                earlyHelpConsent: early_help_declined ? "declined" : "given",
                actions: Array(repeating: .init(date: daysAgo(30), held: false), count: non_compliance_6m), claims: []),
            events: Array(repeating: .init(date: daysAgo(30), kind: "missed_health_appointment"), count: missed_health_appointments_12m)
                + Array(repeating: .init(date: daysAgo(30), kind: "referral"), count: referrals_12m))
    }
}

/// The reference outcome of one peer case, from `expected.py`.
struct PeerOutcome: Decodable, Equatable {
    let case_id: String
    let level: String
    let fired: [String]
}

/// The peer benchmark board in the DSL (`Benchmarks/peer-board/board.yaml`) agrees with the
/// peer's source of truth, `expected.py`, on the level and the fired rules of every case.
///
/// `swift test` checks the first 2,000 generated cases (seed 1989); the full 100,000:
///
///     PEER_CASES=100000 swift test --filter PeerBoard
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
        FileManager.default.createFile(atPath: output.path, contents: nil)
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
        let evaluator = Evaluator(document: try #require(loaded.document))
        var disagreements: [String] = []
        for (peer, reference) in zip(cases, expected) {
            let result = evaluator.evaluate(peer.facts, asOf: PeerCase.asOf)
            let outcome = PeerOutcome(case_id: peer.case_id, level: result.level == .universal ? "none" : result.level.rawValue,
                                      fired: result.firedRules.map(\.id).sorted())
            if outcome != reference, disagreements.count < 10 {
                disagreements.append("\(peer.case_id): expected \(reference.level) \(reference.fired), got \(outcome.level) \(outcome.fired)")
            }
            // Every rule is decided on every case, as the peer's are: nothing is provisional.
            if result.provisional, disagreements.count < 10 { disagreements.append("\(peer.case_id): provisional") }
        }
        #expect(disagreements.isEmpty, "\(disagreements.joined(separator: "\n"))")
    }
}
