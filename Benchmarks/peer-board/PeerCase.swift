// The peer benchmark's flat cases (../shared/bench/peer-board/workload.md §2) on the standard
// case model, and the peer's reference outcomes. Shared by the test that checks agreement
// (Tests/ThresholdsTests/Evaluation/PeerCase.swift links here) and by the benchmarks
// (Benchmarks/Sources/PeerSupport/PeerCase.swift links here): one mapping, so the
// cases timed are the cases checked.
import Foundation
public import Thresholds

/// One case of the peer benchmark (`../shared/bench/peer-board/workload.md` §2): flat facts.
public struct PeerCase: Decodable, Sendable {
    public let case_id: String
    public let age_months: Int
    public let disabled: Bool
    public let nutrition, hygiene, clothing, home_conditions, health_care, supervision, emotional_care, education_stimulation: Int?
    public let attendance_pct: Double?
    public let part_time_timetable, missing_education: Bool
    public let access_refused_90d, missed_health_appointments_12m, referrals_12m: Int
    public let previous_cp_plan_24m: Bool
    public let current_plan: String
    public let non_compliance_6m: Int
    public let early_help_declined: Bool

    /// The as-of date every peer case is evaluated at.
    // A literal, real date: the unwrap cannot fail, and no input reaches it.
    public static let asOf = LocalDate(year: 2026, month: 11, day: 1)!

    /// The same facts on the standard case model: grades as one graded assessment (a null grade
    /// not assessed), refusals, missed appointments and referrals as dated records inside their
    /// windows, plans as plans, attendance as sessions.
    public var facts: CaseFacts {
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
public struct PeerOutcome: Codable, Equatable, Sendable {
    public let case_id: String
    public let level: String
    public let fired: [String]

    public init(case_id: String, level: String, fired: [String]) {
        self.case_id = case_id
        self.level = level
        self.fired = fired
    }
}
