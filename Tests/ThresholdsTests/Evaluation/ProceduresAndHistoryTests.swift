import Testing
@testable import Thresholds
import ThresholdsDiagnostics

/// Procedural triggers, deadlines from events, sequence queries and pregnancy time (docs/DSL.md
/// §7.3, §8.7, §8.7a). The example board's side is `Examples/fixtures/kennet-procedures.yaml`.
@Suite("Procedures and history")
struct ProceduresAndHistoryTests {
    static func date(_ text: String) -> LocalDate { LocalDate(text) ?? LocalDate.epoch }

    @Test("a rule that only acts attaches its actions, is listed apart, and never sets or unsettles the level")
    func procedureRules() throws {
        let document = try #require(Fixture.document("""
            rules:
              - { id: L, title: Level rule, level: early_help, when: "max(domains) >= 3", source: s }
              - id: P
                title: Procedure
                when: "count(no_access since child_seen) >= 1"
                source: s
                actions: [{ manager_review: { within: 1 working day, from: "first(no_access since child_seen)", strength: must } }]
              - id: U
                title: Undecided procedure
                when: "context.poverty"
                source: s
                actions: [practical_support]
            """))
        let facts = Fixture.facts("""
            assessments: [{ date: 2026-10-01, grades: { nutrition: 3 } }]
            visits: [{ date: 2026-10-01, outcome: seen }, { date: 2026-10-20, outcome: no_answer }]
            events: []
            """)
        let recommendation = document.compile().evaluate(facts, asOf: Fixture.asOf)
        #expect(recommendation.level == .earlyHelp)
        #expect(recommendation.firedRules.map(\.id) == ["L"])
        #expect(recommendation.procedures.map(\.id) == ["P"])
        #expect(!recommendation.provisional, "an undecided procedure does not make the level provisional")
        #expect(recommendation.keptCurrentPlan == nil)
        let review = try #require(recommendation.actions.first { $0.action == .managerReview })
        #expect(review.strength == .must && review.due == Self.date("2026-10-21") && review.overdue == true)
        #expect(recommendation.actions.first?.action == .managerReview, "overdue first")
        #expect(document.compile().decide(facts, asOf: Fixture.asOf).actions == recommendation.actions)
    }

    @Test("a document of procedures only keeps the child's current plan, and asks for it when unknown")
    func proceduresOnly() throws {
        let loaded = DocumentLoader().load(text: """
            thresholds: 1
            board: B
            title: T
            version: "1"
            effective: 2026-01-01
            rules:
              - { id: P, title: t, when: "count(referral) >= 1", source: s, actions: [refer_to_social_care] }
            """, path: "p.yaml")
        let plan = try #require(loaded.checked).compile()
        let onPlan = plan.evaluate(Fixture.facts("plans: [{ level: child_protection, start: 2026-01-01 }]\nevents: []"), asOf: Fixture.asOf)
        #expect(onPlan.level == .childProtection && onPlan.keptCurrentPlan == true && !onPlan.provisional)
        #expect(RecommendationRenderer.text(onPlan).contains("current plan, kept"))
        let unknown = plan.evaluate(Fixture.facts("events: []"), asOf: Fixture.asOf)
        #expect(unknown.level == .universal && unknown.provisional)
        #expect(unknown.informationNeeded.map(\.fact) == ["current_plan"])
        #expect(plan.decide(Fixture.facts("events: []"), asOf: Fixture.asOf).provisional)
    }

    @Test("deadlines count forward: working days skip weekends, months keep to the calendar, hours round up to days")
    func forwardDurations() {
        #expect(Duration(1, .workingDays).after(Self.date("2026-10-30")) == Self.date("2026-11-02"), "Friday + 1 working day is Monday")
        #expect(Duration(5, .workingDays).after(Self.date("2026-10-27")) == Self.date("2026-11-03"))
        #expect(Duration(1, .months).after(Self.date("2026-01-31")) == Self.date("2026-02-28"))
        #expect(Duration(25, .hours).after(Self.date("2026-10-01")) == Self.date("2026-10-03"))
        #expect(Duration(24, .hours).after(Self.date("2026-10-01")) == Self.date("2026-10-02"))
    }

    @Test("first, last and count since another event: the first failed visit starts the clock; unknown records are unknown")
    func eventsSince() throws {
        func value(_ expression: String, _ facts: String) throws -> Value {
            let document = try #require(Fixture.single("\(expression) == as_of or true"))
            let condition = try #require(CompiledDocument(document.document).rules.first?.when)
            guard case .expression(let compiled) = condition, case .logical(_, let parts) = compiled.node,
                  case .compare(_, let left, _) = parts[0].node else { return .unknown }
            var evaluator = ExpressionEvaluator(context: CaseContext(facts: Fixture.facts(facts), asOf: Fixture.asOf, declarations: [:]),
                                                document: CompiledDocument(document.document))
            return evaluator.evaluate(left)
        }
        let visits = "visits: [{ date: 2026-10-01, outcome: seen }, { date: 2026-10-20, outcome: no_answer }, { date: 2026-10-27, outcome: refused_entry }]"
        #expect(try value("first(no_access since child_seen)", visits) == .date(Self.date("2026-10-20")))
        #expect(try value("last(no_access since child_seen)", visits) == .date(Self.date("2026-10-27")))
        let seenAgain = "visits: [{ date: 2026-10-20, outcome: no_answer }, { date: 2026-10-25, outcome: seen }]"
        #expect(try value("first(no_access since child_seen)", seenAgain) == .undefined, "nothing since the child was seen")
        let neverSeen = "visits: [{ date: 2026-10-20, outcome: no_answer }]"
        #expect(try value("first(no_access since child_seen)", neverSeen) == .date(Self.date("2026-10-20")))
        #expect(try value("first(no_access since child_seen)", "child: { disabled: false }") == .unknown)
        let count = try #require(Fixture.evaluate(Fixture.single("count(no_access since child_seen) >= 2"), Fixture.facts(visits)))
        #expect(count.level == .childInNeed)
    }

    @Test("previous, improved, worsened and unchanged compare the last two graded assessments; fewer than two is unknown")
    func changes() throws {
        let twice = """
            assessments:
              - { date: 2026-05-01, grades: { hygiene: 4, nutrition: 2, clothing: 3 } }
              - { date: 2026-10-01, grades: { hygiene: 3, nutrition: 3, clothing: 3 } }
            """
        func level(_ when: String, _ facts: String = twice) -> Recommendation? {
            Fixture.evaluate(Fixture.single(when), Fixture.facts(facts))
        }
        #expect(level("previous(domain.hygiene) == 4")?.level == .childInNeed)
        #expect(level("improved(domain.hygiene)")?.level == .childInNeed)
        #expect(level("worsened(domain.nutrition)")?.level == .childInNeed)
        #expect(level("unchanged(domain.clothing)")?.level == .childInNeed)
        #expect(level("improved(domain.clothing) or worsened(domain.clothing)")?.level == .universal)
        #expect(level("count(domains where improved(grade) or worsened(grade)) >= 2")?.level == .childInNeed)
        #expect(level("count(domains where improved or worsened) >= 2")?.level == .childInNeed, "the bare form inside where")
        #expect(level("count(domains where unchanged) >= 2")?.level == .universal)
        let once = try #require(level("worsened(domain.hygiene)", "assessments: [{ date: 2026-10-01, grades: { hygiene: 4 } }]"))
        #expect(once.provisional && once.informationNeeded.map(\.fact) == ["assessments"])
        let text = RecommendationRenderer.text(try #require(level("improved(domain.hygiene)")))
        #expect(text.contains("domain.hygiene on 2026-05-01 = 4, domain.hygiene on 2026-10-01 = 3"))
    }

    @Test("pregnancy time advances with the as-of date, from a due date or a gestation recorded on a date")
    func pregnancy() {
        func context(_ facts: String, _ asOf: String) -> CaseContext {
            CaseContext(facts: Fixture.facts(facts), asOf: Self.date(asOf), declarations: [:])
        }
        let due = "child: { unborn: true, due_date: 2027-01-10 }"
        #expect(context(due, "2026-10-18").fact("child.gestation_weeks") == .number(28))
        #expect(context(due, "2026-11-01").fact("child.gestation_weeks") == .number(30))
        #expect(context(due, "2026-11-01").fact("child.pregnancy_start") == .date(Self.date("2026-04-05")))
        let recorded = "child: { unborn: true, gestation_weeks: 20, gestation_recorded_on: 2026-09-01 }"
        #expect(context(recorded, "2026-09-01").fact("child.gestation_weeks") == .number(20))
        #expect(context(recorded, "2026-10-27").fact("child.gestation_weeks") == .number(28), "re-evaluated 8 weeks later")
        #expect(context(recorded, "2026-10-27").fact("child.due_date") == .date(Self.date("2027-01-19")))
        let undated = "child: { unborn: true, gestation_weeks: 20 }"
        #expect(context(undated, "2026-11-01").fact("child.gestation_weeks") == .number(20), "no date: taken as recorded")
        #expect(context(undated, "2026-11-01").fact("child.pregnancy_start") == .unknown)
        let window = Fixture.evaluate(Fixture.single("count(missed_antenatal_appointment in this pregnancy) >= 2"), Fixture.facts("""
            child: { unborn: true, due_date: 2027-01-10 }
            health: { antenatal: [{ date: 2026-03-01, attended: false }, { date: 2026-06-01, attended: false }, { date: 2026-09-01, attended: false }] }
            """))
        #expect(window?.level == .childInNeed)
        // Two of the three missed appointments fall in this pregnancy (it began 2026-04-05).
        #expect(window.map { RecommendationRenderer.text($0) }?.contains("count(missed_antenatal_appointment in this pregnancy) = 2") == true)
    }

    @Test("a window of visits counts over the last N contacts, and shows each one read; other kinds are refused")
    func visitWindows() throws {
        let visits = """
            visits:
              - { date: 2026-09-01, outcome: seen, child_seen_alone: true }
              - { date: 2026-10-01, outcome: seen, child_seen_alone: true, by: school }
              - { date: 2026-10-07, outcome: seen, child_seen_alone: false }
              - { date: 2026-10-14, outcome: no_answer }
              - { date: 2026-10-21, outcome: seen, child_seen_alone: true }
            """
        func level(_ when: String) -> Level? { Fixture.evaluate(Fixture.single(when), Fixture.facts(visits))?.level }
        #expect(level("count(child_seen_alone in last 4 visits) == 2") == .childInNeed)
        #expect(level("count(child_seen_alone[social_care] in last 4 visits) == 2") == .childInNeed, "the social worker's last four")
        #expect(level("count(child_seen_alone in last 2 visits) == 1") == .childInNeed)
        #expect(level("count(no_access in last 1 visit) == 0") == .childInNeed)
        let text = RecommendationRenderer.text(try #require(Fixture.evaluate(Fixture.single("count(child_seen_alone in last 2 visits) >= 1"),
                                                                               Fixture.facts(visits))))
        #expect(text.contains("visit 2026-10-14 = false, visit 2026-10-21 = true"))
        let unknown = try #require(Fixture.evaluate(Fixture.single("count(child_seen_alone in last 2 visits) >= 1"), CaseFacts()))
        #expect(unknown.provisional && unknown.informationNeeded.map(\.fact) == ["visits"])
        let refused = DocumentLoader().load(text: """
            thresholds: 1
            board: B
            title: T
            version: "1"
            effective: 2026-01-01
            rules:
              - { id: R, title: t, level: early_help, source: s, when: "count(referral in last 3 visits) >= 1" }
            """, path: "v.yaml")
        #expect(refused.diagnostics.map(\.id).contains("check.wrong-arguments") && refused.checked == nil)
    }

    @Test("an impact links a domain's concern to the child: counted by domain, shown with what was seen and by whom")
    func impacts() throws {
        let facts = Fixture.facts("""
            impacts:
              - { date: 2026-09-01, domain: home_conditions, on: health, what: chest infections, seen_by: GP }
              - { date: 2026-03-01, domain: home_conditions, on: development, seen_by: health visitor }
              - { date: 2026-09-15, domain: nutrition, on: health }
            """)
        let recommendation = try #require(Fixture.evaluate(Fixture.single("count(impact[home_conditions] in last 6 months) >= 1"), facts))
        #expect(recommendation.level == .childInNeed)
        let text = RecommendationRenderer.text(recommendation)
        #expect(text.contains("impact of home_conditions on health, 2026-09-01 = chest infections, seen by GP"))
        #expect(!text.contains("2026-03-01"), "outside the window")
        #expect(Fixture.evaluate(Fixture.single("count(impact[hygiene]) >= 1"), facts)?.level == .universal)
        #expect(Fixture.evaluate(Fixture.single("count(impact) >= 3"), facts)?.level == .childInNeed)
        #expect(Fixture.evaluate(Fixture.single("count(impact[home_conditions]) >= 1"), CaseFacts())?.provisional == true)
    }
}
