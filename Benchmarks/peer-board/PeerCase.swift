// The peer benchmark's flat cases (../shared/bench/peer-board/workload.md §2) on the standard
// case model, and the peer's reference outcomes. Shared by the test that checks agreement
// (Tests/ThresholdsTests/Evaluation/PeerCase.swift links here) and by the benchmarks
// (Benchmarks/Benchmarks/EvaluationBenchmarks/PeerCase.swift links here): one mapping, so the
// cases timed are the cases checked.
import Foundation
import Thresholds

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
    // A literal, real date: the unwrap cannot fail, and no input reaches it.
    static let asOf = LocalDate(year: 2026, month: 11, day: 1)!

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
