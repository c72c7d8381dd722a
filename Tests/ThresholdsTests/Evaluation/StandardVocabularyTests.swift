import Foundation
import Testing
@testable import Thresholds

/// The standard vocabulary real documents need beyond the domains (docs/CASE-FACTS.md): every
/// new fact and stream read from a case file, and the same case decoded from JSON.
@Suite("Standard vocabulary")
struct StandardVocabularyTests {
    static let caseText = """
        child: { date_of_birth: 2024-03-01, young_carer: false }
        household: { housing: temporary, heating: inadequate, childcare_when_parents_absent: child_under_16 }
        health:
          dentist_registered: false
          untreated_dental_decay: true
          immunisation_sets_received: 3
          immunisations_up_to_date: false
          growth:
            - { date: 2025-03-01, weight_centile: 50, height_centile: 50 }
            - { date: 2025-09-01, weight_centile: 25 }
            - { date: 2026-09-01, weight_centile: 9, height_centile: 45 }
            - { date: 2026-12-01, weight_centile: 2 }
          antenatal:
            - { date: 2023-11-01, attended: true }
            - { date: 2023-12-01, attended: false }
        education:
          without_school_place: true
          exclusions: [{ date: 2026-02-01, kind: fixed_term }, { date: 2026-06-01, kind: fixed_term }, { date: 2026-09-01, kind: permanent }]
        visits:
          - { date: 2026-10-01, by: school, outcome: seen, child_seen_alone: true, bedroom_seen: false, seen_by: school nurse }
          - { date: 2026-10-08, outcome: seen, bedroom_seen: true, announced: false }
          - { date: 2026-10-15, outcome: cancelled, announced: true }
          - { date: 2026-10-22, outcome: rescheduled, announced: true }
        compliance: { child_in_need_consent: withdrawn, actions: [{ date: 2026-09-01, kept: false }], claims: [{ date: 2026-09-02, verified: true }] }
        carers:
          previous_children:
            - { outcome: removed, date: 2021-05-01 }
            - { outcome: removed, date: 2023-01-10 }
            - { outcome: on_plan, date: 2019-01-01 }
            - { outcome: living_elsewhere_under_order, date: 2022-07-01 }
        events:
          - { date: 2026-07-01, kind: core_group }
          - { date: 2026-08-01, kind: review_conference }
          - { date: 2026-05-01, kind: conference }
        """

    static func context(_ text: String = caseText) -> CaseContext {
        CaseContext(facts: Fixture.facts(text), asOf: Fixture.asOf, declarations: [:])
    }

    @Test("each new fact is read as the docs say, at the as-of date")
    func facts() {
        let context = Self.context()
        #expect(context.fact("child.young_carer") == .boolean(false))
        #expect(context.fact("household.housing") == .string("temporary"))
        #expect(context.fact("household.heating") == .string("inadequate"))
        #expect(context.fact("household.childcare_when_parents_absent") == .string("child_under_16"))
        #expect(context.fact("health.dentist_registered") == .boolean(false))
        #expect(context.fact("health.untreated_dental_decay") == .boolean(true))
        #expect(context.fact("health.immunisation_sets_received") == .number(3))
        #expect(context.fact("health.immunisations_up_to_date") == .boolean(false))
        // The measurement after the as-of date (2026-12-01) is ignored.
        #expect(context.fact("health.weight_centile") == .number(9))
        #expect(context.fact("health.weight_centile_drop") == .number(41))
        #expect(context.fact("health.height_centile_drop") == .number(5))
        #expect(context.fact("education.without_school_place") == .boolean(true))
        #expect(context.fact("education.permanently_excluded") == .boolean(true))
        #expect(context.fact("compliance.child_in_need_consent") == .string("withdrawn"))
        #expect(context.fact("carers.previous_children_removed") == .number(2))
        #expect(context.fact("carers.previous_children_on_plan") == .number(1))
        #expect(context.fact("carers.previous_children_under_order") == .number(1))
    }

    @Test("absent records are unknown, not false or zero")
    func absent() {
        let context = Self.context("child: { date_of_birth: 2024-03-01 }")
        for name in ["household.housing", "health.weight_centile_drop", "education.permanently_excluded",
                     "carers.previous_children_on_plan", "compliance.child_in_need_consent", "child.young_carer"] {
            #expect(context.fact(name) == .unknown, "\(name)")
        }
        #expect(context.events("exclusion", qualifiers: []) == nil)
        #expect(context.events("previous_child_removed", qualifiers: []) == nil)
        let one = Self.context("health: { growth: [{ date: 2026-01-01, weight_centile: 30 }] }")
        #expect(one.fact("health.weight_centile_drop") == .number(0), "one measurement: no fall yet")
    }

    @Test("the new streams count what the case records")
    func streams() {
        let context = Self.context()
        func count(_ kind: String, _ qualifiers: [String] = []) -> Int? { context.events(kind, qualifiers: qualifiers)?.count }
        #expect(count("bedroom_seen") == 1)
        #expect(count("bedroom_seen", ["unannounced"]) == 1)
        #expect(count("child_seen_alone", ["school"]) == 1)
        #expect(count("visit_cancelled") == 1)
        #expect(count("visit_rescheduled") == 1)
        #expect(count("exclusion") == 3)
        #expect(count("exclusion_fixed_term") == 2)
        #expect(count("exclusion_permanent") == 1)
        #expect(count("antenatal_appointment") == 1)
        #expect(count("missed_antenatal_appointment") == 1)
        #expect(count("previous_child_removed") == 2)
        #expect(count("core_group") == 1)
        #expect(count("review_conference") == 1)
        #expect(count("conference") == 2, "a review conference is a conference")
    }

    @Test("graded assessments are the assessment stream even when the chronology is not given")
    func assessmentsWithoutChronology() {
        let context = Self.context("""
            assessments:
              - { date: 2026-05-01, grades: { nutrition: 3 } }
              - { date: 2026-10-01, grades: { nutrition: 2 } }
            """)
        #expect(context.events("assessment", qualifiers: [])?.count == 2)
        let recommendation = Fixture.evaluate(Fixture.single("since(assessment) > 6 months"), Fixture.facts("""
            assessments: [{ date: 2026-10-01, grades: { nutrition: 2 } }]
            """))
        #expect(recommendation?.provisional == false)
        #expect(recommendation?.informationNeeded.isEmpty == true)
    }

    @Test("every new field decodes from JSON to the same facts as from YAML")
    func json() throws {
        let yaml = Fixture.facts(Self.caseText)
        let loaded = CaseLoader().load(text: String(decoding: try JSONEncoder().encode(yaml), as: UTF8.self), path: "c.json")
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics)")
        #expect(loaded.facts == yaml)
        #expect(try JSONDecoder().decode(CaseFacts.self, from: JSONEncoder().encode(yaml)) == yaml)
    }

    @Test("rules use the new vocabulary without declaring anything")
    func rules() throws {
        let recommendation = try #require(Fixture.evaluate(Fixture.single(
            "household.heating == inadequate and health.weight_centile_drop >= 25 and count(exclusion_fixed_term in last 12 months) >= 2"),
            Fixture.facts(Self.caseText)))
        #expect(recommendation.level == .childInNeed)
    }
}
