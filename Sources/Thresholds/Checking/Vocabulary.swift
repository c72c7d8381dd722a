/// The standard case vocabulary every threshold document can use: facts with their types,
/// chronology event kinds with the qualifiers they accept, neglect domains and their groups.
/// `docs/DSL.md` lists the same names; a test keeps the two in step.
public enum Vocabulary {
    /// The eight neglect domains, graded 1 (best) to 5 (worst).
    public static let domains = [
        "nutrition", "hygiene", "clothing", "home_conditions", "health", "safety_supervision",
        "emotional_care", "education_stimulation",
    ]

    /// Each domain's position in ``domains``.
    static let domainIndex = Dictionary(uniqueKeysWithValues: domains.enumerated().map { ($1, $0) })

    /// Per name length in UTF-8 bytes: the one domain of that length (-1 for none, -2 for
    /// several). The eight names differ in length, so a case's grades are matched to domains
    /// without hashing.
    private static let domainsByLength: [Int] = {
        var table = [Int](repeating: -1, count: (domains.map(\.utf8.count).max() ?? 0) + 1)
        for (index, name) in domains.enumerated() { table[name.utf8.count] = table[name.utf8.count] == -1 ? index : -2 }
        return table
    }()

    /// A domain's position in ``domains``, or `nil` for a name that is not a domain.
    static func domainPosition(_ name: String) -> Int? {
        let length = name.utf8.count
        guard length < domainsByLength.count else { return nil }
        switch domainsByLength[length] {
        case -1: return nil
        case -2: return domainIndex[name]
        case let index: return domains[index] == name ? index : nil
        }
    }

    /// Named groups of domains, for `domains[physical_care]`.
    public static let domainGroups: [String: [String]] = [
        "physical_care": ["nutrition", "hygiene", "clothing", "home_conditions", "health"],
        "safety": ["safety_supervision"],
        "emotional": ["emotional_care"],
        "developmental": ["education_stimulation"],
    ]

    /// A standard fact: its type and meaning.
    public struct Fact: Sendable, Hashable {
        /// The dotted name used in expressions.
        public let name: String
        /// Its type.
        public let type: ValueType
        /// What it means.
        public let summary: String
    }

    static let consent = ValueType.enumeration(["given", "declined", "withdrawn"])
    static let risk = ValueType.enumeration(["none", "suspected", "confirmed"])

    /// Every standard fact, sorted by name.
    public static let facts: [Fact] = ([
        Fact(name: "as_of", type: .date, summary: "The date the case is evaluated at; every window and age is measured back from it."),
        Fact(name: "child.age", type: .duration, summary: "The child's age at the as-of date (unknown for an unborn child)."),
        Fact(name: "child.date_of_birth", type: .date, summary: "The child's date of birth."),
        Fact(name: "child.unborn", type: .boolean, summary: "Whether the child is not yet born."),
        Fact(name: "child.gestation_weeks", type: .integer, summary: "Completed weeks of pregnancy at the as-of date, for an unborn child: from the due date, or the recorded gestation advanced from the date it was recorded."),
        Fact(name: "child.disabled", type: .boolean, summary: "Whether the child is disabled (a child in need under s17(10)(c))."),
        Fact(name: "child.additional_needs", type: .boolean, summary: "Whether the child has additional needs (EHCP, chronic condition)."),
        Fact(name: "child.critical_medication", type: .boolean, summary: "Whether the child depends on critical medication or treatment."),
        Fact(name: "current_plan", type: .level, summary: "The level of the child's current plan; universal when there is none."),
        Fact(name: "plan.time_on_current", type: .duration, summary: "How long the child has been on the current plan."),
        Fact(name: "plan.previous_cp_plans", type: .integer, summary: "How many child protection plans ended before the current one."),
        Fact(name: "plan.previous_cp_plans_for_neglect", type: .integer, summary: "How many earlier child protection plans were under the neglect category."),
        Fact(name: "referral.rereferral", type: .boolean, summary: "Whether the latest referral came within 12 months of the one before it."),
        Fact(name: "education.on_roll", type: .boolean, summary: "Whether the child is on a school roll."),
        Fact(name: "education.attendance", type: .number, summary: "Attendance as a percentage of possible sessions (0–100)."),
        Fact(name: "education.absence_rate", type: .number, summary: "Sessions missed as a percentage of possible sessions (0–100): persistent absence is 10 or more, severe absence 50 or more."),
        Fact(name: "education.last_attended", type: .date, summary: "The last day the child attended school or nursery (the school saw the child that day)."),
        Fact(name: "transfer.records_received", type: .boolean, summary: "For a child who moved in from another authority, whether the child's records have arrived."),
        Fact(name: "education.sessions_possible", type: .integer, summary: "Sessions the child could have attended in the period."),
        Fact(name: "education.sessions_missed", type: .integer, summary: "Sessions missed in the period."),
        Fact(name: "education.consecutive_absence_days", type: .integer, summary: "School days of continuous absence without permission."),
        Fact(name: "education.missing", type: .boolean, summary: "Whether the child is missing education (not on a roll, no suitable education)."),
        Fact(name: "education.home_educated", type: .boolean, summary: "Whether the child is electively home educated."),
        Fact(name: "education.withdrawn_after_concerns", type: .boolean, summary: "Whether home education began within 3 months after a concern or referral."),
        Fact(name: "education.whereabouts_known", type: .boolean, summary: "Whether the child's whereabouts are known."),
        Fact(name: "education.part_time_timetable", type: .boolean, summary: "Whether the child is on a part-time timetable."),
        Fact(name: "education.part_time_review_overdue", type: .boolean, summary: "Whether a part-time timetable is past its review date."),
        Fact(name: "education.part_time_notified", type: .boolean, summary: "Whether the local authority was told of the part-time timetable."),
        Fact(name: "compliance.early_help_consent", type: consent, summary: "Whether the family gave, declined or withdrew consent to early help."),
        Fact(name: "compliance.actions_agreed", type: .integer, summary: "Actions agreed with the family in the current plan."),
        Fact(name: "compliance.actions_broken", type: .integer, summary: "Agreed actions not done."),
        Fact(name: "compliance.claims_contradicted", type: .integer, summary: "Parental claims that checking contradicted."),
        Fact(name: "compliance.disguised_compliance_signs", type: .integer, summary: "Observed signs of disguised compliance."),
        Fact(name: "context.poverty", type: .boolean, summary: "Whether the family is in poverty."),
        Fact(name: "context.parent_prioritises_child", type: .boolean, summary: "Whether the carer puts the child first within the means they have."),
        Fact(name: "context.compensatory_care", type: .boolean, summary: "Whether a school or others supply the food, clothing or washing the child lacks at home."),
        Fact(name: "carers.substance_misuse", type: risk, summary: "Carer substance misuse: none, suspected or confirmed."),
        Fact(name: "carers.domestic_abuse", type: risk, summary: "Domestic abuse in the household."),
        Fact(name: "carers.mental_health", type: risk, summary: "Carer mental ill-health affecting care."),
        Fact(name: "carers.previous_children_removed", type: .integer, summary: "Children previously removed from the carers (from 'previous_children' when given)."),
        Fact(name: "carers.previous_children_on_plan", type: .integer, summary: "The carers' other children who were on a child protection plan."),
        Fact(name: "carers.previous_children_under_order", type: .integer, summary: "The carers' other children living elsewhere under an order (special guardianship, child arrangements)."),
        Fact(name: "child.due_date", type: .date, summary: "The expected date of delivery of an unborn child (given, or from a gestation and the date it was recorded)."),
        Fact(name: "child.pregnancy_start", type: .date, summary: "When the current pregnancy began: 40 weeks before the due date. 'in this pregnancy' counts from it."),
        Fact(name: "child.young_carer", type: .boolean, summary: "Whether the child is a young carer for a parent or sibling."),
        Fact(name: "household.housing", type: .enumeration(CaseFacts.Household.housingValues), summary: "The family's housing: secure, temporary, insecure or homeless."),
        Fact(name: "household.heating", type: .enumeration(CaseFacts.Household.heatingValues), summary: "Whether the home is heated: adequate, inadequate or none."),
        Fact(name: "household.childcare_when_parents_absent", type: .enumeration(CaseFacts.Household.childcareValues), summary: "Who cares for the child when the parents are absent."),
        Fact(name: "health.dentist_registered", type: .boolean, summary: "Whether the child is registered with a dentist."),
        Fact(name: "health.untreated_dental_decay", type: .boolean, summary: "Whether the child has untreated dental decay."),
        Fact(name: "health.immunisation_sets_received", type: .integer, summary: "How many of the routine schedule's immunisation appointments the child has had; compare with a board table of what is due by age."),
        Fact(name: "health.immunisations_up_to_date", type: .boolean, summary: "Whether the GP record says the child's immunisations are up to date for their age."),
        Fact(name: "health.weight_centile", type: .number, summary: "The latest weight centile (0–100)."),
        Fact(name: "health.height_centile", type: .number, summary: "The latest height centile (0–100)."),
        Fact(name: "health.weight_centile_drop", type: .number, summary: "How far the latest weight centile is below the highest earlier one, in centile points (0 when it is not below)."),
        Fact(name: "health.height_centile_drop", type: .number, summary: "How far the latest height centile is below the highest earlier one, in centile points."),
        Fact(name: "education.without_school_place", type: .boolean, summary: "Whether a child of school age is without a school place."),
        Fact(name: "education.permanently_excluded", type: .boolean, summary: "Whether the child has been permanently excluded (from 'exclusions')."),
        Fact(name: "compliance.child_in_need_consent", type: consent, summary: "Whether the family gave, declined or withdrew consent to child in need support."),
    ] + domains.map {
        Fact(name: "domain.\($0)", type: .grade, summary: "The latest assessed grade for \($0.split(separator: "_").joined(separator: " ")) (1 best, 5 worst).")
    }).sorted { $0.name < $1.name }

    /// Standard facts by name.
    public static let factsByName: [String: Fact] = Dictionary(uniqueKeysWithValues: facts.map { ($0.name, $0) })

    /// What a chronology event kind accepts in brackets.
    public enum Qualifiers: Sendable, Hashable {
        /// Nothing: `referral`.
        case none
        /// Domain names: `concern[home_conditions]`.
        case domains
        /// Level names: `plan_ended[child_protection]`.
        case levels
        /// Whether a contact was announced, and which agency made it:
        /// `child_seen[unannounced]`, `child_seen[school, health]`.
        case announcement
    }

    /// What a contact kind (`child_seen`, `no_access`…) accepts in brackets: whether it was
    /// announced, and the agency that made it (`health` names every health agency).
    public static let contactQualifiers = ["announced", "unannounced"] + CaseFacts.Agency.allCases.map(\.rawValue) + ["health"]

    /// The standard chronology event kinds and what each accepts in brackets, sorted by name.
    /// Visit and compliance kinds are derived from the case's visits and compliance records.
    public static let events: [(name: String, qualifiers: Qualifiers, summary: String)] = [
        ("access_refused", .announcement, "A visit where entry, or sight of the child, was refused."),
        ("action_broken", .none, "An agreed action not done."),
        ("action_kept", .none, "An agreed action done."),
        ("assessment", .none, "An assessment (early help, single or child and family), and every dated graded assessment."),
        ("carer_intoxicated", .none, "A carer was found intoxicated while the sole carer of the child."),
        ("child_seen", .announcement, "A contact at which the child was seen, by any agency; a school sees the child on each day attended."),
        ("child_seen_alone", .announcement, "A visit at which the child was seen alone."),
        ("claim_contradicted", .none, "A parental claim that checking contradicted."),
        ("claim_verified", .none, "A parental claim that checking confirmed."),
        ("closure", .none, "The case was closed."),
        ("concern", .domains, "A dated concern, tagged with the domains it is about."),
        ("conference", .none, "A child protection conference (initial or review)."),
        ("core_group", .none, "A core group meeting of a child protection plan."),
        ("impact", .domains, "An observed impact on the child of a concern in a domain, dated and attributed ('impacts')."),
        ("manager_review", .none, "A manager reviewed the case (what completes a 'manager_review' action)."),
        ("review_conference", .none, "A review child protection conference (also counted as a 'conference')."),
        ("bedroom_seen", .announcement, "A visit or sighting at which the child's bedroom, or where the child sleeps, was seen."),
        ("visit_cancelled", .announcement, "A visit the family cancelled."),
        ("visit_rescheduled", .announcement, "A visit rescheduled (and then kept)."),
        ("exclusion", .none, "An exclusion from school, fixed-term or permanent."),
        ("exclusion_fixed_term", .none, "A fixed-term exclusion (suspension)."),
        ("exclusion_permanent", .none, "A permanent exclusion."),
        ("antenatal_appointment", .none, "An antenatal appointment attended."),
        ("previous_child_removed", .none, "One of the carers' other children removed from their care, dated."),
        ("disguised_compliance", .none, "An observed sign of disguised compliance."),
        ("early_help_declined", .none, "The family declined or withdrew from early help."),
        ("ed_attendance", .none, "An emergency department attendance."),
        ("home_seen", .announcement, "A visit at which the home (the child's bedroom included) was seen."),
        ("left_alone", .none, "The child was found left alone or without a suitable carer."),
        ("legal_planning_meeting", .none, "A legal planning or gateway meeting."),
        ("missed_antenatal_appointment", .none, "The mother missed an antenatal appointment ('health.antenatal', or an event)."),
        ("missed_health_appointment", .none, "The child was not brought to a health appointment."),
        ("missing_episode", .none, "The child was missing from home or care."),
        ("moved_in", .none, "The family moved in from another authority (the case's 'transfer_in', or a 'moved_in' event)."),
        ("no_access", .announcement, "A contact with no answer, refused access, or the child not brought."),
        ("no_answer", .announcement, "A visit with no answer at the door."),
        ("non_compliance", .none, "An agreed action broken or a claim contradicted."),
        ("not_brought", .announcement, "A contact the child was not brought to."),
        ("plan_ended", .levels, "A plan ended, qualified by its level."),
        ("plan_started", .levels, "A plan started, qualified by its level."),
        ("plo_letter", .none, "A letter before proceedings was sent."),
        ("police_callout", .none, "Police were called to the home."),
        ("pre_birth_assessment_declined", .none, "The parents declined or did not engage with a pre-birth assessment."),
        ("referral", .none, "A referral to children's social care."),
        ("strategy_discussion", .none, "A strategy discussion."),
        ("visit", .announcement, "Any home visit, whatever its outcome."),
    ].sorted { $0.name < $1.name }

    /// The functions of the expression language, sorted by name, with their signatures.
    public static let functions: [(name: String, signature: String, summary: String)] = [
        ("all", "all(DOMAINS where CONDITION) -> boolean", "Whether every domain in the set meets the condition."),
        ("any", "any(DOMAINS where CONDITION) -> boolean", "Whether some domain in the set meets the condition."),
        ("count", "count(EVENTS [since EVENTS] [in last DURATION]) -> integer | count(DOMAINS where CONDITION) -> integer",
         "How many events in the window, or how many domains meet the condition."),
        ("ever", "ever(DOMAIN-CONDITION [in last DURATION]) -> boolean",
         "Whether the condition held at any of the domain's assessments in the window; inside 'where', on 'grade'."),
        ("first", "first(EVENTS [since EVENTS] [in last DURATION]) -> date",
         "The date of the earliest such event (after the latest event of the 'since' kind); no value when there is none."),
        ("improved", "improved(DOMAIN) -> boolean",
         "Whether the domain's latest grade is better (lower) than at the assessment before; inside 'where', improved(grade)."),
        ("known", "known(NAME) -> boolean", "Whether a fact has a value; never unknown."),
        ("last", "last(EVENTS [since EVENTS] [in last DURATION]) -> date",
         "The date of the latest such event (after the latest event of the 'since' kind); no value when there is none."),
        ("max", "max(DOMAINS) -> grade", "The worst (highest) latest grade in the set."),
        ("min", "min(DOMAINS) -> grade", "The best (lowest) latest grade in the set."),
        ("previous", "previous(DOMAIN) -> grade",
         "The domain's grade at the assessment before the latest that graded it; inside 'where', previous(grade)."),
        ("oscillating", "oscillating(DOMAIN-CONDITION [in last DURATION]) -> boolean",
         "Whether, over the domain's assessments in the window, the condition held, then failed, then held again; inside 'where', on 'grade'."),
        ("since", "since(EVENTS) -> duration", "Time from the most recent such event to the as-of date."),
        ("streak", "streak(DOMAIN-CONDITION) -> integer",
         "How many of the domain's most recent assessments in a row meet the condition; inside 'where', on 'grade'."),
        ("unchanged", "unchanged(DOMAIN) -> boolean",
         "Whether the domain's latest grade equals its grade at the assessment before; inside 'where', unchanged(grade)."),
        ("unknown", "unknown(NAME) -> boolean", "Whether a fact has no value; never unknown."),
        ("worsened", "worsened(DOMAIN) -> boolean",
         "Whether the domain's latest grade is worse (higher) than at the assessment before; inside 'where', worsened(grade)."),
    ]
}
