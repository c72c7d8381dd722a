/// The facts of one case as the rules see them at one as-of date: every derived quantity
/// (ages, attendance, time on plan, event streams, latest grades) is computed here, once, and
/// nowhere else.
struct CaseContext: Sendable {
    let facts: CaseFacts
    let asOf: LocalDate
    let declarations: [String: FactDeclaration]

    init(facts: CaseFacts, asOf: LocalDate, declarations: [String: FactDeclaration]) {
        self.facts = facts
        self.asOf = asOf
        self.declarations = declarations
    }

    // MARK: Durations

    /// The largest amount of any unit taken at face value: more than 10,000 years reaches past
    /// every date the engine can represent, so larger amounts (which a document may write) are
    /// treated as this, and arithmetic on them cannot overflow.
    static let maximumAmount = 4_000_000

    /// How many days back from the as-of date a duration reaches (months and years on the
    /// calendar, working days on weekdays, hours rounded up to whole days).
    func days(_ duration: Duration) -> Int {
        let amount = min(max(duration.amount, 0), Self.maximumAmount)
        switch duration.unit {
        case .hours: return (amount + 23) / 24
        case .days: return amount
        case .weeks: return amount * 7
        case .months, .years:
            let months = duration.unit == .years ? amount * 12 : amount
            guard let start = asOf.adding(months: -months) else { return Self.maximumAmount * 366 }
            return asOf.dayNumber - start.dayNumber
        case .workingDays:
            // Any 7 consecutive days hold exactly 5 weekdays: step back whole weeks, then count
            // the remaining few days one by one.
            let weeks = max(0, amount - 5) / 5
            var remaining = amount - weeks * 5
            var day = asOf.dayNumber - weeks * 7
            while remaining > 0 {
                day -= 1
                // 1970-01-01 was a Thursday: weekday 0 = Thursday … 2 = Saturday, 3 = Sunday.
                let weekday = ((day % 7) + 7) % 7
                if weekday != 2 && weekday != 3 { remaining -= 1 }
            }
            return asOf.dayNumber - day
        }
    }

    // MARK: Standard facts

    /// The value of a standard or board fact; `.unknown` when the case does not say.
    func fact(_ name: String) -> Value {
        if let declaration = declarations[name] { return boardFact(name, declaration) }
        let child = facts.child
        let education = facts.education
        switch name {
        case "as_of": return .date(asOf)
        case "child.age":
            guard child?.unborn != true, let birth = child?.dateOfBirth, birth <= asOf else { return .unknown }
            return .days(asOf.dayNumber - birth.dayNumber)
        case "child.date_of_birth": return child?.dateOfBirth.map { .date($0) } ?? .unknown
        case "child.unborn":
            if let unborn = child?.unborn { return .boolean(unborn) }
            if let birth = child?.dateOfBirth { return .boolean(birth > asOf) }
            return .unknown
        case "child.gestation_weeks": return child?.gestationWeeks.map { .number(Double($0)) } ?? .unknown
        case "child.disabled": return .from(child?.disabled)
        case "child.additional_needs": return .from(child?.additionalNeeds)
        case "child.critical_medication": return .from(child?.criticalMedication)
        case "current_plan":
            guard let plans = facts.plans else { return .unknown }
            return .level(currentPlan(plans)?.level ?? .universal)
        case "plan.time_on_current":
            guard let plans = facts.plans, let plan = currentPlan(plans) else { return .unknown }
            return .days(asOf.dayNumber - plan.start.dayNumber)
        case "plan.previous_cp_plans", "plan.previous_cp_plans_for_neglect":
            guard let plans = facts.plans else { return .unknown }
            let ended = plans.filter { $0.level == .childProtection && ($0.end.map { $0 <= asOf } ?? false) }
            let counted = name.hasSuffix("neglect") ? ended.filter { $0.category == "neglect" } : ended
            return .number(Double(counted.count))
        case "referral.rereferral":
            guard let events = facts.events else { return .unknown }
            let referrals = events.filter { $0.kind == "referral" && $0.date <= asOf }.map(\.date).sorted()
            guard referrals.count >= 2 else { return .boolean(false) }
            let latest = referrals[referrals.count - 1]
            let previous = referrals[referrals.count - 2]
            guard let yearBefore = latest.adding(months: -12) else { return .unknown }
            return .boolean(previous >= yearBefore)
        case "education.on_roll": return .from(education?.onRoll)
        case "education.attendance":
            guard let possible = education?.sessionsPossible, let missed = education?.sessionsMissed, possible > 0 else {
                return .unknown
            }
            return .number((Double(possible) - Double(missed)) / Double(possible) * 100)
        case "education.sessions_possible": return education?.sessionsPossible.map { .number(Double($0)) } ?? .unknown
        case "education.sessions_missed": return education?.sessionsMissed.map { .number(Double($0)) } ?? .unknown
        case "education.consecutive_absence_days":
            return education?.consecutiveAbsenceDays.map { .number(Double($0)) } ?? .unknown
        case "education.missing": return .from(education?.missing)
        case "education.home_educated": return .from(education?.homeEducated)
        case "education.withdrawn_after_concerns":
            guard let homeEducated = education?.homeEducated else { return .unknown }
            guard homeEducated else { return .boolean(false) }
            guard let start = education?.homeEducationStart, let events = facts.events,
                  let threeMonthsBefore = start.adding(months: -3)
            else { return .unknown }
            let concerns = events.filter { ["concern", "referral"].contains($0.kind) && $0.date <= start && $0.date >= threeMonthsBefore }
            return .boolean(!concerns.isEmpty)
        case "education.whereabouts_known": return .from(education?.whereaboutsKnown)
        case "education.part_time_timetable":
            guard let education else { return .unknown }
            return .boolean(education.partTimeTimetable != nil)
        case "education.part_time_review_overdue":
            guard let education else { return .unknown }
            guard let timetable = education.partTimeTimetable else { return .boolean(false) }
            guard let review = timetable.review else { return .unknown }
            return .boolean(review < asOf)
        case "education.part_time_notified":
            guard let education else { return .unknown }
            guard let timetable = education.partTimeTimetable else { return .unknown }
            return .from(timetable.notified)
        case "compliance.early_help_consent": return facts.compliance?.earlyHelpConsent.map { .string($0) } ?? .unknown
        case "compliance.actions_agreed": return count(facts.compliance?.actions) { _ in true }
        case "compliance.actions_broken": return count(facts.compliance?.actions) { !$0.held }
        case "compliance.claims_contradicted": return count(facts.compliance?.claims) { !$0.held }
        case "compliance.disguised_compliance_signs": return count(facts.compliance?.disguisedCompliance) { _ in true }
        case "context.poverty": return .from(facts.context?.poverty)
        case "context.parent_prioritises_child": return .from(facts.context?.parentPrioritisesChild)
        case "context.compensatory_care": return .from(facts.context?.compensatoryCare)
        case "carers.substance_misuse": return facts.carers?.substanceMisuse.map { .string($0) } ?? .unknown
        case "carers.domestic_abuse": return facts.carers?.domesticAbuse.map { .string($0) } ?? .unknown
        case "carers.mental_health": return facts.carers?.mentalHealth.map { .string($0) } ?? .unknown
        case "carers.previous_children_removed":
            return facts.carers?.previousChildrenRemoved.map { .number(Double($0)) } ?? .unknown
        default:
            if name.hasPrefix("domain.") { return latestGrade(String(name.dropFirst(7))).map { .number(Double($0)) } ?? .unknown }
            return .unknown
        }
    }

    private func count<T>(_ items: [T]?, where predicate: (T) -> Bool) -> Value {
        guard let items else { return .unknown }
        return .number(Double(items.filter(predicate).count))
    }

    private func boardFact(_ name: String, _ declaration: FactDeclaration) -> Value {
        guard let value = facts.facts?[name] else { return .unknown }
        switch (declaration.type, value) {
        case (.boolean, .boolean(let flag)): return .boolean(flag)
        case (.integer, .number(let number)), (.number, .number(let number)), (.grade, .number(let number)):
            return .number(number)
        case (.date, .date(let date)): return .date(date)
        case (.duration, .string(let text)): return Duration(text).map { .days(days($0)) } ?? .unknown
        case (.level, .string(let text)): return Level(rawValue: text).map { .level($0) } ?? .unknown
        case (.string, .string(let text)), (.enumeration, .string(let text)): return .string(text)
        default: return .unknown  // a type mismatch is reported by CaseChecker before evaluation
        }
    }

    /// The plan current at the as-of date: started, and not ended; the highest level if several.
    func currentPlan(_ plans: [CaseFacts.Plan]) -> CaseFacts.Plan? {
        plans.filter { $0.start <= asOf && ($0.end.map { $0 > asOf } ?? true) }
            .max { ($0.level, $0.start) < ($1.level, $1.start) }
    }

    // MARK: Domains

    /// A domain's assessed grades up to the as-of date, oldest first. The last verified grade
    /// stands until a later assessment supersedes it.
    func history(_ domain: String) -> [(date: LocalDate, grade: Int)] {
        (facts.assessments ?? [])
            .filter { $0.date <= asOf }
            .compactMap { assessment in assessment.grades[domain].map { (assessment.date, $0) } }
            .sorted { $0.date < $1.date }
    }

    func latestGrade(_ domain: String) -> Int? { history(domain).last?.grade }

    // MARK: Events

    /// The part of the case record a kind of event is drawn from, named as information needed
    /// when that part is missing.
    func record(of kind: String) -> String {
        switch kind {
        case "visit", "child_seen", "child_seen_alone", "home_seen", "no_answer", "access_refused", "no_access": "visits"
        case "action_kept", "action_broken": "compliance.actions"
        case "claim_verified", "claim_contradicted": "compliance.claims"
        case "non_compliance": "compliance.actions and compliance.claims"
        case "disguised_compliance": "compliance.disguised_compliance"
        case "plan_started", "plan_ended": "plans"
        default: "events"
        }
    }

    /// The dates of a kind of event up to the as-of date; `nil` when the case does not record the
    /// list the kind is drawn from (unknown, not none).
    func events(_ kind: String, qualifiers: [String]) -> [LocalDate]? {
        let wanted = Set(qualifiers)
        func announced(_ visit: CaseFacts.Visit) -> Bool {
            guard !wanted.isEmpty else { return true }
            guard let flag = visit.announced else { return false }
            return wanted.contains(flag ? "announced" : "unannounced")
        }
        func visits(_ predicate: (CaseFacts.Visit) -> Bool) -> [LocalDate]? {
            facts.visits?.filter { predicate($0) && announced($0) }.map(\.date)
        }
        let dates: [LocalDate]?
        switch kind {
        case "visit": dates = visits { _ in true }
        case "child_seen": dates = visits { $0.outcome == .seen || $0.outcome == .seenElsewhere }
        case "child_seen_alone": dates = visits { $0.childSeenAlone == true }
        case "home_seen": dates = visits { $0.homeSeen == true }
        case "no_answer": dates = visits { $0.outcome == .noAnswer }
        case "access_refused": dates = visits { $0.outcome == .refusedEntry || $0.outcome == .refusedSight }
        case "no_access": dates = visits { [.noAnswer, .refusedEntry, .refusedSight].contains($0.outcome) }
        case "action_kept": dates = facts.compliance?.actions?.filter(\.held).map(\.date)
        case "action_broken": dates = facts.compliance?.actions?.filter { !$0.held }.map(\.date)
        case "claim_verified": dates = facts.compliance?.claims?.filter(\.held).map(\.date)
        case "claim_contradicted": dates = facts.compliance?.claims?.filter { !$0.held }.map(\.date)
        case "non_compliance":
            guard let actions = facts.compliance?.actions, let claims = facts.compliance?.claims else {
                // Either list being unknown leaves the count unknown; what is known is a lower bound.
                dates = nil
                break
            }
            dates = actions.filter { !$0.held }.map(\.date) + claims.filter { !$0.held }.map(\.date)
        case "disguised_compliance": dates = facts.compliance?.disguisedCompliance
        case "plan_started", "plan_ended":
            dates = facts.plans?.compactMap { plan -> LocalDate? in
                guard wanted.isEmpty || wanted.contains(plan.level.rawValue) else { return nil }
                return kind == "plan_started" ? plan.start : plan.end
            }
        default:
            dates = facts.events?.filter { event in
                event.kind == kind && (wanted.isEmpty || !wanted.isDisjoint(with: event.domains ?? []))
            }.map(\.date)
        }
        return dates?.filter { $0 <= asOf }.sorted()
    }
}
