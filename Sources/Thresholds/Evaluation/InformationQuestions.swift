/// The question a practitioner is asked for each piece of missing information: the board's own
/// for a judgement, the standard one for a standard fact or a missing part of the case record.
enum InformationQuestions {
    /// The question for a fact, a record (`visits`) or a missing event date.
    static func question(for name: String, declaration: FactDeclaration?) -> String {
        if let declaration {
            if let question = declaration.question { return question }
            if let description = declaration.description { return "What is known of this: \(description)" }
            return "What is the value of '\(name)' for this child?"
        }
        if let question = standard[name] ?? domains[name] { return question }
        if name.hasPrefix("domain.") { return domainQuestion(name) }
        if name.hasPrefix("the date of the last ") {
            let kind = name.dropFirst("the date of the last ".count).split(separator: "_").joined(separator: " ")
            return "When was the last \(kind)? If there has never been one, record the list as empty."
        }
        return "What is known of '\(name)' for this child?"
    }

    private static func domainQuestion(_ name: String) -> String {
        let domain = name.dropFirst("domain.".count).split(separator: "_").joined(separator: " ")
        return "What is the child's current grade for \(domain) (1 best to 5 worst), from a graded care assessment?"
    }

    /// The standard domains' questions, worded once.
    private static let domains: [String: String] = Dictionary(
        Vocabulary.domains.map { ("domain.\($0)", domainQuestion("domain.\($0)")) }, uniquingKeysWith: { first, _ in first })

    private static let standard: [String: String] = [
        "as_of": "What date is the case being evaluated at?",
        "child.age": "What is the child's date of birth?",
        "child.date_of_birth": "What is the child's date of birth?",
        "child.unborn": "Is the child born yet? If not, what is the due date?",
        "child.gestation_weeks": "How many weeks pregnant is the mother?",
        "child.disabled": "Is the child disabled?",
        "child.additional_needs": "Does the child have additional needs (an EHCP, a chronic condition)?",
        "child.critical_medication": "Does the child depend on critical medication or treatment?",
        "current_plan": "Is the child on a plan now (early help, child in need, child protection), and since when?",
        "plan.time_on_current": "When did the child's current plan start?",
        "plan.previous_cp_plans": "Has the child been on a child protection plan before?",
        "plan.previous_cp_plans_for_neglect": "Has the child been on a child protection plan for neglect before?",
        "referral.rereferral": "When were the child's referrals to children's social care?",
        "transfer.moved_in": "Has the family moved here from another local authority? When?",
        "transfer.records_received": "Have the child's records arrived from the previous local authority?",
        "education.on_roll": "Is the child on a school or nursery roll?",
        "education.attendance": "How many sessions could the child have attended this period, and how many were missed?",
        "education.absence_rate": "How many sessions could the child have attended this period, and how many were missed?",
        "education.sessions_possible": "How many sessions could the child have attended this period?",
        "education.sessions_missed": "How many sessions has the child missed this period?",
        "education.consecutive_absence_days": "How many school days in a row has the child been absent without permission?",
        "education.missing": "Is the child missing education (not on a roll and not receiving suitable education)?",
        "education.home_educated": "Is the child electively home educated?",
        "education.withdrawn_after_concerns": "When did home education begin, and were there concerns or a referral in the 3 months before?",
        "education.whereabouts_known": "Are the child's whereabouts known?",
        "education.part_time_timetable": "Is the child on a part-time timetable?",
        "education.part_time_review_overdue": "When is the part-time timetable due to be reviewed?",
        "education.part_time_notified": "Was the local authority told of the part-time timetable?",
        "education.last_attended": "When did the child last attend school or nursery?",
        "compliance.early_help_consent": "Has the family given, declined or withdrawn consent to early help?",
        "compliance.actions_agreed": "Which actions were agreed with the family, and was each done?",
        "compliance.actions_broken": "Which actions were agreed with the family, and was each done?",
        "compliance.claims_contradicted": "Which of the parents' claims were checked, and did checking confirm them?",
        "compliance.disguised_compliance_signs": "Have signs of disguised compliance been observed? When?",
        "context.poverty": "Is the family in poverty or hardship?",
        "context.parent_prioritises_child": "Do the parents put the child first within the means they have?",
        "context.compensatory_care": "Is a school or anyone else supplying food, clothing or washing the child lacks at home?",
        "carers.substance_misuse": "Do the carers misuse drugs or alcohol (none, suspected, confirmed)?",
        "carers.domestic_abuse": "Is there domestic abuse in the household (none, suspected, confirmed)?",
        "carers.mental_health": "Does a carer's mental ill-health affect the care of the child (none, suspected, confirmed)?",
        "carers.previous_children_removed": "Have any of the carers' other children been removed from their care?",
        "child.due_date": "When is the baby due?",
        "child.pregnancy_start": "When is the baby due (or how many weeks pregnant is the mother, and on what date was that recorded)?",
        "impacts": "Has anyone seen the concerns affect the child (health, development, safety, wellbeing, education)? What, when, and who saw it?",
        "child.young_carer": "Does the child care for a parent or sibling (a young carer)?",
        "household.housing": "What is the family's housing: secure, temporary, insecure or homeless?",
        "household.heating": "Is the home adequately heated?",
        "household.childcare_when_parents_absent": "Who looks after the child when the parents are out?",
        "health.dentist_registered": "Is the child registered with a dentist?",
        "health.untreated_dental_decay": "Does the child have untreated dental decay?",
        "health.immunisation_sets_received": "Which routine immunisations has the child had (the GP record)?",
        "health.immunisations_up_to_date": "Are the child's immunisations up to date for their age (the GP record)?",
        "health.weight_centile": "What are the child's recorded weights, as centiles, with dates?",
        "health.height_centile": "What are the child's recorded heights, as centiles, with dates?",
        "health.weight_centile_drop": "What are the child's recorded weights, as centiles, with dates?",
        "health.height_centile_drop": "What are the child's recorded heights, as centiles, with dates?",
        "education.without_school_place": "Is the child of school age without a school place?",
        "education.permanently_excluded": "Has the child been excluded from school? When, and fixed-term or permanent?",
        "education.exclusions": "Has the child been excluded from school? When, and fixed-term or permanent?",
        "health.antenatal": "Which antenatal appointments were offered, and was each attended?",
        "compliance.child_in_need_consent": "Has the family given, declined or withdrawn consent to child in need support?",
        "carers.previous_children": "Have the carers had other children on a plan, removed, or living elsewhere under an order? When?",
        "carers.previous_children_on_plan": "Have the carers had other children on a child protection plan?",
        "carers.previous_children_under_order": "Do any of the carers' other children live elsewhere under an order?",
        "visits": "Which visits and contacts has any agency had with the child, and was the child seen at each?",
        "events": "What is the case's chronology: referrals, concerns, meetings and other dated events?",
        "plans": "What plans has the child been on, and is one current?",
        "assessments": "When was the child's care last assessed, and with what grades?",
        "compliance.actions": "Which actions were agreed with the family, and was each done?",
        "compliance.claims": "Which of the parents' claims were checked, and did checking confirm them?",
        "compliance.actions and compliance.claims": "Which actions were agreed and claims checked, and did each hold?",
        "compliance.disguised_compliance": "Have signs of disguised compliance been observed? When?",
    ]
}
