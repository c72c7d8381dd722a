import Foundation
import Testing
@testable import Thresholds

@Suite("Derived facts")
struct DerivedFactTests {
    private func context(_ yaml: String, asOf: LocalDate = Fixture.asOf, board: Bool = false) -> CaseContext {
        let declarations = board ? Dictionary(uniqueKeysWithValues: (Fixture.board?.document.facts ?? []).map { ($0.name.value, $0) }) : [:]
        return CaseContext(facts: Fixture.facts(yaml), asOf: asOf, declarations: declarations)
    }

    @Test("each domain's grade fact reads that domain's latest grade, and no other")
    func domainGrades() throws {
        let date = try #require(LocalDate("2026-01-10"))
        for (position, domain) in Vocabulary.domains.enumerated() {
            // Every domain graded by its position, this one graded 5 in a later assessment.
            let grades = Dictionary(uniqueKeysWithValues: Vocabulary.domains.enumerated().map { ($1, $0 % 4 + 1) })
            let facts = CaseFacts(assessments: [CaseFacts.Assessment(date: date, grades: grades),
                                                CaseFacts.Assessment(date: try #require(LocalDate("2026-02-10")), grades: [domain: 5])])
            let context = CaseContext(facts: facts, asOf: Fixture.asOf, declarations: [:])
            for (other, name) in Vocabulary.domains.enumerated() {
                let fact = try #require(StandardFact(rawValue: "domain." + name))
                #expect(context.fact(fact) == .number(Double(other == position ? 5 : other % 4 + 1)), "domain.\(name)")
            }
        }
    }

    @Test("child.age and child.unborn from the date of birth")
    func age() {
        #expect(context("child: { date_of_birth: 2025-11-01 }").fact("child.age") == .days(365))
        #expect(context("child: { date_of_birth: 2025-11-01 }").fact("child.unborn") == .boolean(false))
        #expect(context("child: { date_of_birth: 2027-01-01 }").fact("child.unborn") == .boolean(true))
        #expect(context("child: { unborn: true, gestation_weeks: 30 }").fact("child.age") == .unknown)
        #expect(context("id: x").fact("child.age") == .unknown)
    }

    @Test("current plan, time on it, previous child protection plans")
    func plans() {
        let facts = """
            plans:
              - { level: child_protection, category: neglect, start: 2023-01-01, end: 2023-12-01 }
              - { level: child_protection, category: physical, start: 2024-03-01, end: 2024-09-01 }
              - { level: child_in_need, start: 2026-08-03 }
            """
        #expect(context(facts).fact("current_plan") == .level(.childInNeed))
        #expect(context(facts).fact("plan.time_on_current") == .days(90))
        #expect(context(facts).fact("plan.previous_cp_plans") == .number(2))
        #expect(context(facts).fact("plan.previous_cp_plans_for_neglect") == .number(1))
        #expect(context("plans: []").fact("current_plan") == .level(.universal))
        #expect(context("id: x").fact("current_plan") == .unknown)
        #expect(context("plans: []").fact("plan.time_on_current") == .unknown)
    }

    @Test("re-referral within 12 months of the previous referral", arguments: [
        ("[2025-12-01, 2026-10-01]", true), ("[2025-09-01, 2026-10-01]", false), ("[2026-10-01]", false), ("[]", false),
    ])
    func rereferral(dates: String, expected: Bool) {
        let list = dates.dropFirst().dropLast().split(separator: ",").map { "  - { date: \($0.trimmingCharacters(in: .whitespaces)), kind: referral }" }
        let yaml = list.isEmpty ? "events: []" : "events:\n" + list.joined(separator: "\n")
        #expect(context(yaml).fact("referral.rereferral") == .boolean(expected))
    }

    @Test("attendance as a percentage of possible sessions; unknown without both counts")
    func attendance() {
        #expect(context("education: { sessions_possible: 200, sessions_missed: 30 }").fact("education.attendance") == .number(85))
        #expect(context("education: { sessions_possible: 200 }").fact("education.attendance") == .unknown)
        #expect(context("education: { sessions_possible: 0, sessions_missed: 0 }").fact("education.attendance") == .unknown)
    }

    @Test("extreme values a service may pass directly do not trap")
    func extremes() {
        let facts = CaseFacts(education: .init(sessionsPossible: Int.max, sessionsMissed: Int.min))
        let context = CaseContext(facts: facts, asOf: Fixture.asOf, declarations: [:])
        #expect(context.fact("education.attendance") != .unknown)
    }

    @Test("a board date fact may be quoted, as JSON writes it")
    func quotedDateFact() throws {
        let document = try #require(Fixture.single("seen < 2026-06-01", declarations: "facts:\n  seen: date\n"))
        let loaded = CaseLoader().load(text: "{\"facts\": {\"seen\": \"2026-03-01\"}}", path: "case.json")
        #expect(CaseChecker.check(loaded, against: document.document).isEmpty)
        let facts = try #require(loaded.facts)
        let result = try #require(Fixture.evaluate(document, facts))
        #expect(result.firedRules.map(\.id) == ["R"])
    }

    @Test("the latest assessed grade stands until superseded; not_assessed does not supersede it")
    func latestGrade() {
        let yaml = """
            assessments:
              - { date: 2026-03-01, grades: { hygiene: 4, health: 3 } }
              - { date: 2026-09-01, grades: { hygiene: not_assessed, health: 2 } }
              - { date: 2026-12-01, grades: { hygiene: 1 } }
            """
        #expect(context(yaml).fact("domain.hygiene") == .number(4))
        #expect(context(yaml).fact("domain.health") == .number(2))
        #expect(context(yaml).fact("domain.nutrition") == .unknown)
    }

    @Test("withdrawal to home education within 3 months after a concern")
    func withdrawal() {
        let after = "education: { home_educated: true, home_education_start: 2026-09-01 }\nevents: [{ date: 2026-07-10, kind: concern }]"
        let long = "education: { home_educated: true, home_education_start: 2026-09-01 }\nevents: [{ date: 2026-03-10, kind: concern }]"
        #expect(context(after).fact("education.withdrawn_after_concerns") == .boolean(true))
        #expect(context(long).fact("education.withdrawn_after_concerns") == .boolean(false))
        #expect(context("education: { home_educated: false }").fact("education.withdrawn_after_concerns") == .boolean(false))
        #expect(context("education: { home_educated: true }").fact("education.withdrawn_after_concerns") == .unknown)
    }

    @Test("part-time timetable: present, review overdue, notified")
    func partTime() {
        let yaml = "education: { part_time_timetable: { start: 2026-09-01, review: 2026-10-15, notified: false } }"
        #expect(context(yaml).fact("education.part_time_timetable") == .boolean(true))
        #expect(context(yaml).fact("education.part_time_review_overdue") == .boolean(true))
        #expect(context(yaml).fact("education.part_time_notified") == .boolean(false))
        #expect(context("education: {}").fact("education.part_time_review_overdue") == .boolean(false))
    }

    @Test("compliance counts; absent lists are unknown, empty lists are zero")
    func compliance() {
        let yaml = "compliance: { actions: [{ date: 2026-09-01, kept: false }, { date: 2026-10-01, kept: true }], claims: [] }"
        #expect(context(yaml).fact("compliance.actions_agreed") == .number(2))
        #expect(context(yaml).fact("compliance.actions_broken") == .number(1))
        #expect(context(yaml).fact("compliance.claims_contradicted") == .number(0))
        #expect(context(yaml).fact("compliance.disguised_compliance_signs") == .unknown)
    }

    @Test("event streams from visits, compliance and plans, up to the as-of date")
    func events() {
        let yaml = """
            visits:
              - { date: 2026-09-01, announced: false, outcome: seen, home_seen: true }
              - { date: 2026-10-01, announced: true, outcome: refused_entry }
              - { date: 2026-10-20, announced: false, outcome: no_answer }
              - { date: 2026-12-01, announced: false, outcome: refused_sight }
            plans:
              - { level: child_protection, start: 2025-01-01, end: 2026-02-01 }
            """
        let context = context(yaml)
        #expect(context.events("child_seen", qualifiers: []) == [LocalDate("2026-09-01")].compactMap { $0 })
        #expect(context.events("child_seen", qualifiers: ["announced"]) == [])
        #expect(context.events("access_refused", qualifiers: [])?.count == 1)
        #expect(context.events("no_access", qualifiers: [])?.count == 2)
        #expect(context.events("plan_ended", qualifiers: ["child_protection"])?.count == 1)
        #expect(context.events("plan_ended", qualifiers: ["child_in_need"])?.count == 0)
        #expect(context.events("referral", qualifiers: []) == nil)
        #expect(context.record(of: "no_answer") == "visits")
    }

    @Test("durations reach back on the calendar: months, years, weeks, working days, hours")
    func durations() {
        let context = context("id: x")  // as of Sunday 2026-11-01
        #expect(context.days(Duration(1, .months)) == 31)
        #expect(context.days(Duration(1, .years)) == 365)
        #expect(context.days(Duration(12, .months)) == context.days(Duration(1, .years)))
        #expect(context.days(Duration(2, .weeks)) == 14)
        #expect(context.days(Duration(5, .workingDays)) == 6)  // back from Sunday 1 Nov to Monday 26 Oct
        #expect(context.days(Duration(25, .hours)) == 2)
    }

    @Test("working days match a day-by-day count from every weekday, for short and long spans",
          arguments: ["2026-11-01", "2026-11-02", "2026-11-04", "2026-11-06", "2026-11-07"], [0, 1, 4, 5, 6, 9, 10, 23, 250])
    func workingDays(start: String, amount: Int) throws {
        let asOf = try #require(LocalDate(start))
        var remaining = amount
        var day = asOf.dayNumber
        while remaining > 0 {
            day -= 1
            let weekday = ((day % 7) + 7) % 7  // 2 and 3 are Saturday and Sunday
            if weekday != 2 && weekday != 3 { remaining -= 1 }
        }
        #expect(context("id: x", asOf: asOf).days(Duration(amount, .workingDays)) == asOf.dayNumber - day)
    }

    @Test("enormous durations a document may write neither trap nor hang", arguments: Duration.Unit.allCases)
    func enormous(unit: Duration.Unit) throws {
        let document = try #require(Fixture.single("since(child_seen) < \(Int.max) \(unit.words[1]) and child.age < 9223372036854775807 hours"))
        let facts = Fixture.facts("child: { date_of_birth: 2020-01-01 }\nvisits: [{ date: 2026-10-01, outcome: seen }]")
        let result = try #require(Fixture.evaluate(document, facts))
        #expect(result.firedRules.map(\.id) == ["R"])
    }
}
