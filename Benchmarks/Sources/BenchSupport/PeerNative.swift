// The peer benchmark's hand-written Swift baseline, in this process so that the engine and the
// baseline are timed in the same run. `NativeCase` and `evaluate(_:)` are copied unchanged
// from ../shared/bench/peer-board/swift-native/main.swift (only the struct is renamed and made
// public); `compact` maps the same decoded case the engine's mapping starts from.
// The peer's own binary, built by its run.sh, is the other way to compare (see README.md).

/// Compact case. Grades: 1...5, 0 = unknown (null). Attendance: -1 = unknown (null).
public struct NativeCase: Sendable {
    var ageMonths: Int16
    var nutrition: Int8, hygiene: Int8, clothing: Int8, homeConditions: Int8
    var healthCare: Int8, supervision: Int8, emotionalCare: Int8, educationStimulation: Int8
    var attendance: Double
    var accessRefused: Int16, missedHealth: Int16, referrals: Int16, nonCompliance: Int16
    var plan: Int8  // 0 none, 1 early_help, 2 child_in_need, 3 child_protection
    var disabled: Bool, partTime: Bool, missingEducation: Bool, previousCP: Bool, earlyHelpDeclined: Bool
}

public enum PeerNative {
    /// The compact case the baseline evaluates, from the decoded peer case (the peer's `compact`).
    public static func compact(_ r: PeerCase) -> NativeCase? {
        let plan: Int8
        switch r.current_plan {
        case "none": plan = 0
        case "early_help": plan = 1
        case "child_in_need": plan = 2
        case "child_protection": plan = 3
        default: return nil
        }
        func g(_ x: Int?) -> Int8 { x.map { Int8($0) } ?? 0 }
        return NativeCase(
            ageMonths: Int16(r.age_months),
            nutrition: g(r.nutrition), hygiene: g(r.hygiene), clothing: g(r.clothing),
            homeConditions: g(r.home_conditions), healthCare: g(r.health_care),
            supervision: g(r.supervision), emotionalCare: g(r.emotional_care),
            educationStimulation: g(r.education_stimulation),
            attendance: r.attendance_pct ?? -1,
            accessRefused: Int16(r.access_refused_90d), missedHealth: Int16(r.missed_health_appointments_12m),
            referrals: Int16(r.referrals_12m), nonCompliance: Int16(r.non_compliance_6m),
            plan: plan, disabled: r.disabled, partTime: r.part_time_timetable,
            missingEducation: r.missing_education, previousCP: r.previous_cp_plan_24m,
            earlyHelpDeclined: r.early_help_declined)
    }

    /// The rule ids in the order of the baseline's bit mask.
    public static let ruleIDs = ruleIDsInMaskOrder
    public static let levelNames = levelNamesByRank

    /// Level rank in the low byte, fired-rule mask above it.
    @inline(__always)
    public static func evaluate(_ c: NativeCase) -> UInt64 { evaluateNative(c) }
}

// MARK: - The board, hand-written

@inline(__always) func known(_ g: Int8) -> Bool { g != 0 }
@inline(__always) func ge(_ g: Int8, _ k: Int8) -> Bool { g >= k }  // unknown (0) is never >= 1
@inline(__always) func eq(_ g: Int8, _ k: Int8) -> Bool { g == k }

/// Returns level rank (0...4) in the low byte and the fired-rule mask shifted left by 8.
@inline(__always)
func evaluateNative(_ c: NativeCase) -> UInt64 {
    let grades = (c.nutrition, c.hygiene, c.clothing, c.homeConditions,
                  c.healthCare, c.supervision, c.emotionalCare, c.educationStimulation)
    var n3 = 0, n4 = 0, n5 = 0, nUnknown = 0
    withUnsafeBytes(of: grades) { buf in
        for b in buf {
            let g = Int8(bitPattern: b)
            if g == 0 { nUnknown += 1 }
            if g >= 3 { n3 += 1 }
            if g >= 4 { n4 += 1 }
            if g >= 5 { n5 += 1 }
        }
    }
    let under1 = c.ageMonths < 12
    let under5 = c.ageMonths < 60
    let schoolAge = c.ageMonths >= 60
    let hasAttendance = c.attendance >= 0
    let below90 = hasAttendance && c.attendance < 90
    let below50 = hasAttendance && c.attendance < 50
    let plan = Int(c.plan)

    var mask: UInt64 = 0
    var top = 0
    @inline(__always) func fire(_ bit: Int, _ level: Int) {
        mask |= 1 << UInt64(bit)
        if level > top { top = level }
    }
    if n4 >= 2 { fire(0, 2) }                                                       // CIN-01
    if n5 >= 1 { fire(1, 2) }                                                       // CIN-02
    if schoolAge && below50 { fire(2, 2) }                                          // CIN-03
    if schoolAge && c.missingEducation { fire(3, 2) }                               // CIN-04
    if !known(c.homeConditions) && c.accessRefused >= 1 { fire(4, 2) }              // CIN-05
    if (!known(c.healthCare) || ge(c.healthCare, 4)) && c.missedHealth >= 3 { fire(5, 2) }  // CIN-06
    if c.disabled && n3 >= 2 { fire(6, 2) }                                         // CIN-07
    if under1 && (ge(c.nutrition, 3) || ge(c.hygiene, 3) || ge(c.supervision, 3)) { fire(7, 2) }  // CIN-08
    if c.referrals >= 3 { fire(8, 2) }                                              // CIN-09
    if c.earlyHelpDeclined && plan == 0 && n3 >= 2 { fire(9, 2) }                   // CIN-10
    if under1 && !known(c.supervision) { fire(10, 2) }                              // CIN-11
    if schoolAge && below90 && (c.partTime || ge(c.educationStimulation, 4)) { fire(11, 2) }  // CIN-12
    if n4 >= 3 { fire(12, 3) }                                                      // CP-01
    if eq(c.nutrition, 5) || eq(c.healthCare, 5) || eq(c.supervision, 5) { fire(13, 3) }  // CP-02
    if under1 && n4 >= 1 { fire(14, 3) }                                            // CP-03
    if c.accessRefused >= 2 && (plan == 2 || plan == 3) { fire(15, 3) }             // CP-04
    if c.previousCP && n4 >= 2 { fire(16, 3) }                                      // CP-05
    if c.referrals >= 4 && n4 >= 1 { fire(17, 3) }                                  // CP-06
    if under5 && ge(c.homeConditions, 4) && (!known(c.supervision) || ge(c.supervision, 4)) { fire(18, 3) }  // CP-07
    if n3 >= 1 { fire(19, 1) }                                                      // EH-01
    if schoolAge && below90 { fire(20, 1) }                                         // EH-02
    if schoolAge && c.partTime { fire(21, 1) }                                      // EH-03
    if c.missedHealth >= 2 { fire(22, 1) }                                          // EH-04
    if c.referrals >= 2 { fire(23, 1) }                                             // EH-05
    if nUnknown >= 2 { fire(24, 1) }                                                // EH-06
    if c.earlyHelpDeclined && plan == 0 && (n3 >= 1 || c.missedHealth >= 1) { fire(25, 1) }  // EH-07
    if plan != 0 && c.nonCompliance >= 2 { fire(26, plan + 1) }                     // ESC-01
    if plan != 0 && n3 >= 1 { fire(27, plan) }                                      // ESC-02
    if plan == 3 && c.nonCompliance >= 2 { fire(28, 4) }                            // PLO-01
    if plan == 3 && c.accessRefused >= 3 { fire(29, 4) }                            // PLO-02
    if plan == 3 && c.previousCP && n4 >= 3 { fire(30, 4) }                         // PLO-03
    return UInt64(top) | (mask << 8)
}


let ruleIDsInMaskOrder: [String] = [
    "CIN-01", "CIN-02", "CIN-03", "CIN-04", "CIN-05", "CIN-06", "CIN-07", "CIN-08",
    "CIN-09", "CIN-10", "CIN-11", "CIN-12", "CP-01", "CP-02", "CP-03", "CP-04",
    "CP-05", "CP-06", "CP-07", "EH-01", "EH-02", "EH-03", "EH-04", "EH-05",
    "EH-06", "EH-07", "ESC-01", "ESC-02", "PLO-01", "PLO-02", "PLO-03",
]
let levelNamesByRank = ["none", "early_help", "child_in_need", "child_protection", "pre_proceedings"]
