/// The facts of one case as the rules see them at one as-of date: every derived quantity
/// (ages, attendance, time on plan, event streams, latest grades) is computed here, once, and
/// nowhere else.
///
/// Event streams and grade histories are computed at most once per evaluation, however many
/// rules read them, so the cost of evaluating a case is the size of its record plus the size of
/// the document, not their product. A context belongs to one evaluation on one thread.
struct CaseContext {
    /// The case's facts, held once per context: a context (and each copy of it that a pass or a
    /// closure takes) shares them, instead of copying every part of the case.
    private let box: FactsBox
    var facts: CaseFacts { box.facts }
    let asOf: LocalDate
    let declarations: [String: FactDeclaration]
    /// `nil` for a context that derives each quantity once anyway (``CaseBinder``'s).
    private let memo: Memo?

    private final class FactsBox: Sendable {
        let facts: CaseFacts
        init(_ facts: CaseFacts) { self.facts = facts }
    }

    /// What one evaluation has already derived.
    ///
    /// Its properties are not checked for overlapping access at run time: a memory belongs to
    /// one evaluation on one thread, and each use reads or writes one property in one step,
    /// never while another access to it is open. The check cost more than the reads it guarded.
    private final class Memo {
        @exclusivity(unchecked) var streams: [EventQuery: EventStream] = [:]
        /// Every graded domain's history, once derived (all at once: a `where` filter reads them all).
        @exclusivity(unchecked) var histories: [String: [(date: LocalDate, grade: Int)]]?
        /// The latest grade of each domain of ``Vocabulary/domains``, once computed.
        @exclusivity(unchecked) var latest: [Int?]?
        /// Where each definition's value and deciding readings (outside any history) are in
        /// ``remembered``, by the definition's position; -1 for none yet.
        @exclusivity(unchecked) var definitions: [Int32] = []
        /// Where each memoized call's value and readings (``CompiledExpression/memo``) are in
        /// ``remembered``, by slot; -1 for none yet.
        @exclusivity(unchecked) var calls: [Int32] = []
        /// What was remembered, in the order it was found. Positions are looked up in plain
        /// lists of integers, which cost nothing to fill, and only what is found is stored.
        @exclusivity(unchecked) var remembered: [Remembered] = []
    }

    /// A definition's or a call's value and the readings that decided it, once evaluated.
    struct Remembered {
        let value: Value
        let readings: [Reading]
    }

    init(facts: CaseFacts, asOf: LocalDate, declarations: [String: FactDeclaration], memoize: Bool = true) {
        self.box = FactsBox(facts)
        self.asOf = asOf
        self.declarations = declarations
        memo = memoize ? Memo() : nil
    }

    private init(box: FactsBox, asOf: LocalDate, declarations: [String: FactDeclaration], memo: Memo?) {
        self.box = box
        self.asOf = asOf
        self.declarations = declarations
        self.memo = memo
    }

    /// The same case at the same date, sharing its facts (not copying them), with a memory of its
    /// own for what it derives, or none: ``CaseBinder`` binds from one that remembers nothing,
    /// as it derives each quantity once anyway.
    func sharingFacts(memoize: Bool) -> CaseContext {
        CaseContext(box: box, asOf: asOf, declarations: declarations, memo: memoize ? Memo() : nil)
    }

    // MARK: Durations

    /// The largest amount of any unit taken at face value: more than 10,000 years reaches past
    /// every date the engine can represent, so larger amounts (which a document may write) are
    /// treated as this, and arithmetic on them cannot overflow.
    static let maximumAmount = 4_000_000

    /// "Never", as a number of days: longer than any duration a document can write (each is at
    /// most ``maximumAmount`` years), and small enough that adding two cannot overflow.
    static let never = maximumAmount * 366 + 1

    /// How many days back from the as-of date a duration reaches (months and years on the
    /// calendar, working days on weekdays, hours rounded up to whole days).
    func days(_ duration: Duration) -> Int { Self.days(duration, asOf: asOf) }

    /// How many days back from `asOf` a duration reaches.
    static func days(_ duration: Duration, asOf: LocalDate) -> Int {
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

    /// The value of a fact named in a document, resolving the name (for tests and tools; the
    /// evaluator resolves names once, when it compiles the document).
    func fact(_ name: String) -> Value {
        if let declaration = declarations[name] { return boardFact(name, declaration) }
        return StandardFact(rawValue: name).map { fact($0) } ?? .unknown
    }

    /// The value of a standard fact; `.unknown` when the case does not say.
    func fact(_ fact: StandardFact) -> Value {
        let child = facts.child
        let education = facts.education
        switch fact {
        case .asOf: return .date(asOf)
        case .childAge:
            guard child?.unborn != true, let birth = child?.dateOfBirth, birth <= asOf else { return .unknown }
            return .days(asOf.dayNumber - birth.dayNumber)
        case .childDateOfBirth: return child?.dateOfBirth.map { .date($0) } ?? .unknown
        case .childUnborn:
            if let unborn = child?.unborn { return .boolean(unborn) }
            if let birth = child?.dateOfBirth { return .boolean(birth > asOf) }
            return .unknown
        case .childGestationWeeks:
            // Pregnancy time advances with the as-of date: from the due date, or from when the
            // gestation was recorded; a gestation recorded without a date is taken as it is.
            if let start = pregnancyStart, child?.gestationRecordedOn != nil || child?.dueDate != nil {
                return .number(Double((asOf.dayNumber - start.dayNumber) / 7))
            }
            return child?.gestationWeeks.map { .number(Double($0)) } ?? .unknown
        case .childDueDate: return pregnancyStart.flatMap { $0.adding(days: 280) }.map { .date($0) } ?? .unknown
        case .childPregnancyStart: return pregnancyStart.map { .date($0) } ?? .unknown
        case .childDisabled: return .from(child?.disabled)
        case .childAdditionalNeeds: return .from(child?.additionalNeeds)
        case .childCriticalMedication: return .from(child?.criticalMedication)
        case .currentPlan:
            guard let plans = facts.plans else { return .unknown }
            return .level(currentPlan(plans)?.level ?? .universal)
        case .planTimeOnCurrent:
            guard let plans = facts.plans, let plan = currentPlan(plans) else { return .unknown }
            return .days(asOf.dayNumber - plan.start.dayNumber)
        case .planPreviousCpPlans, .planPreviousCpPlansForNeglect:
            guard let plans = facts.plans else { return .unknown }
            let ended = plans.filter { $0.level == .childProtection && ($0.end.map { $0 <= asOf } ?? false) }
            let counted = fact == .planPreviousCpPlansForNeglect ? ended.filter { $0.category == "neglect" } : ended
            return .number(Double(counted.count))
        case .referralRereferral:
            guard let events = facts.events else { return .unknown }
            let referrals = events.filter { $0.kind == "referral" && $0.date <= asOf }.map(\.date).sorted()
            guard referrals.count >= 2 else { return .boolean(false) }
            let latest = referrals[referrals.count - 1]
            let previous = referrals[referrals.count - 2]
            guard let yearBefore = latest.adding(months: -12) else { return .unknown }
            return .boolean(previous >= yearBefore)
        case .educationOnRoll: return .from(education?.onRoll)
        case .educationAttendance, .educationAbsenceRate:
            guard let possible = education?.sessionsPossible, let missed = education?.sessionsMissed, possible > 0 else {
                return .unknown
            }
            // Multiply before dividing: a correctly rounded quotient of exact integers is exact
            // whenever the true percentage is representable, so 180 of 200 is exactly 90.
            let counted = fact == .educationAttendance ? Double(possible) - Double(missed) : Double(missed)
            return .number(counted * 100 / Double(possible))
        case .educationLastAttended: return education?.lastAttended.map { .date($0) } ?? .unknown
        case .transferRecordsReceived: return .from(facts.transferIn?.recordsReceived)
        case .educationSessionsPossible: return education?.sessionsPossible.map { .number(Double($0)) } ?? .unknown
        case .educationSessionsMissed: return education?.sessionsMissed.map { .number(Double($0)) } ?? .unknown
        case .educationConsecutiveAbsenceDays:
            return education?.consecutiveAbsenceDays.map { .number(Double($0)) } ?? .unknown
        case .educationMissing: return .from(education?.missing)
        case .educationHomeEducated: return .from(education?.homeEducated)
        case .educationWithdrawnAfterConcerns:
            guard let homeEducated = education?.homeEducated else { return .unknown }
            guard homeEducated else { return .boolean(false) }
            guard let start = education?.homeEducationStart, let events = facts.events,
                  let threeMonthsBefore = start.adding(months: -3)
            else { return .unknown }
            let concerns = events.filter { ["concern", "referral"].contains($0.kind) && $0.date <= start && $0.date >= threeMonthsBefore }
            return .boolean(!concerns.isEmpty)
        case .educationWhereaboutsKnown: return .from(education?.whereaboutsKnown)
        case .educationPartTimeTimetable:
            guard let education else { return .unknown }
            return .boolean(education.partTimeTimetable != nil)
        case .educationPartTimeReviewOverdue:
            guard let education else { return .unknown }
            guard let timetable = education.partTimeTimetable else { return .boolean(false) }
            guard let review = timetable.review else { return .unknown }
            return .boolean(review < asOf)
        case .educationPartTimeNotified:
            guard let education else { return .unknown }
            guard let timetable = education.partTimeTimetable else { return .unknown }
            return .from(timetable.notified)
        case .complianceEarlyHelpConsent: return facts.compliance?.earlyHelpConsent.map { .string($0) } ?? .unknown
        case .complianceActionsAgreed: return count(facts.compliance?.actions) { _ in true }
        case .complianceActionsBroken: return count(facts.compliance?.actions) { !$0.held }
        case .complianceClaimsContradicted: return count(facts.compliance?.claims) { !$0.held }
        case .complianceDisguisedComplianceSigns: return count(facts.compliance?.disguisedCompliance) { _ in true }
        case .contextPoverty: return .from(facts.context?.poverty)
        case .contextParentPrioritisesChild: return .from(facts.context?.parentPrioritisesChild)
        case .contextCompensatoryCare: return .from(facts.context?.compensatoryCare)
        case .carersSubstanceMisuse: return facts.carers?.substanceMisuse.map { .string($0) } ?? .unknown
        case .carersDomesticAbuse: return facts.carers?.domesticAbuse.map { .string($0) } ?? .unknown
        case .carersMentalHealth: return facts.carers?.mentalHealth.map { .string($0) } ?? .unknown
        case .carersPreviousChildrenRemoved:
            if let children = facts.carers?.previousChildren { return .number(Double(children.filter { $0.outcome == .removed }.count)) }
            return facts.carers?.previousChildrenRemoved.map { .number(Double($0)) } ?? .unknown
        case .carersPreviousChildrenOnPlan: return count(facts.carers?.previousChildren) { $0.outcome == .onPlan }
        case .carersPreviousChildrenUnderOrder:
            return count(facts.carers?.previousChildren) { $0.outcome == .livingElsewhereUnderOrder }
        case .childYoungCarer: return .from(child?.youngCarer)
        case .householdHousing: return facts.household?.housing.map { .string($0) } ?? .unknown
        case .householdHeating: return facts.household?.heating.map { .string($0) } ?? .unknown
        case .householdChildcareWhenParentsAbsent: return facts.household?.childcareWhenParentsAbsent.map { .string($0) } ?? .unknown
        case .healthDentistRegistered: return .from(facts.health?.dentistRegistered)
        case .healthUntreatedDentalDecay: return .from(facts.health?.untreatedDentalDecay)
        case .healthImmunisationSetsReceived: return facts.health?.immunisationSetsReceived.map { .number(Double($0)) } ?? .unknown
        case .healthImmunisationsUpToDate: return .from(facts.health?.immunisationsUpToDate)
        case .healthWeightCentile: return centiles(\.weightCentile).last.map { .number($0) } ?? .unknown
        case .healthHeightCentile: return centiles(\.heightCentile).last.map { .number($0) } ?? .unknown
        case .healthWeightCentileDrop: return Self.drop(centiles(\.weightCentile))
        case .healthHeightCentileDrop: return Self.drop(centiles(\.heightCentile))
        case .educationWithoutSchoolPlace: return .from(education?.withoutSchoolPlace)
        case .educationPermanentlyExcluded:
            guard let exclusions = education?.exclusions else { return .unknown }
            return .boolean(exclusions.contains { $0.kind == .permanent && $0.date <= asOf })
        case .complianceChildInNeedConsent: return facts.compliance?.childInNeedConsent.map { .string($0) } ?? .unknown
        case .domainNutrition, .domainHygiene, .domainClothing, .domainHomeConditions, .domainHealth,
             .domainSafetySupervision, .domainEmotionalCare, .domainEducationStimulation:
            return Self.domainGradeFacts.firstIndex(of: fact).flatMap { latestGrade(at: $0) }.map { .number(Double($0)) } ?? .unknown
        }
    }

    /// The standard fact of each domain's grade (`domain.hygiene`), in the order of
    /// ``Vocabulary/domains``: a grade is found by its fact's position, not by its name.
    private static let domainGradeFacts: [StandardFact?] = Vocabulary.domains.map { StandardFact(rawValue: "domain." + $0) }

    /// A growth centile's measurements up to the as-of date, oldest first (of two on one day,
    /// the one listed last stands last).
    private func centiles(_ centile: KeyPath<CaseFacts.GrowthMeasurement, Double?>) -> [Double] {
        let measured = (facts.health?.growth ?? []).enumerated().filter { $0.element.date <= asOf && $0.element[keyPath: centile] != nil }
        return measured.sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.compactMap { $0.element[keyPath: centile] }
    }

    /// How far the latest centile is below the highest earlier one: a fall across centile lines.
    static func drop(_ centiles: [Double]) -> Value {
        guard let latest = centiles.last else { return .unknown }
        return .number(max(0, (centiles.dropLast().max() ?? latest) - latest))
    }

    /// When the current pregnancy began (40 weeks before the due date): from the due date, or
    /// from a gestation and the date it was recorded; `nil` when neither is known.
    var pregnancyStart: LocalDate? {
        guard let child = facts.child else { return nil }
        if let due = child.dueDate { return due.adding(days: -280) }
        if let weeks = child.gestationWeeks, let recorded = child.gestationRecordedOn, (0...45).contains(weeks) {
            return recorded.adding(days: -weeks * 7)
        }
        return nil
    }

    private func count<T>(_ items: [T]?, where predicate: (T) -> Bool) -> Value {
        guard let items else { return .unknown }
        return .number(Double(items.filter(predicate).count))
    }

    func boardFact(_ name: String, _ declaration: FactDeclaration) -> Value {
        guard let value = facts.facts?[name] else { return .unknown }
        switch (declaration.type, value) {
        case (.boolean, .boolean(let flag)): return .boolean(flag)
        case (.integer, .number(let number)), (.number, .number(let number)), (.grade, .number(let number)):
            return .number(number)
        case (.date, .date(let date)): return .date(date)
        case (.date, .string(let text)): return LocalDate(text).map { .date($0) } ?? .unknown
        case (.duration, .string(let text)): return Duration(text).map { .days(days($0)) } ?? .unknown
        case (.level, .string(let text)): return Level(rawValue: text).map { .level($0) } ?? .unknown
        case (.string, .string(let text)), (.enumeration, .string(let text)), (.scale, .string(let text)): return .string(text)
        default: return .unknown  // a type mismatch is reported by CaseChecker before evaluation
        }
    }

    /// The current plan's level as `current_plan` gives it: `nil` when the plans are unknown.
    static func currentPlanLevel(_ facts: CaseFacts, asOf: LocalDate) -> Level? {
        guard let plans = facts.plans else { return nil }
        return currentPlan(plans, asOf: asOf)?.level ?? .universal
    }

    func currentPlan(_ plans: [CaseFacts.Plan]) -> CaseFacts.Plan? { Self.currentPlan(plans, asOf: asOf) }

    /// The plan current at the as-of date: started, and not ended; the highest level if several.
    static func currentPlan(_ plans: [CaseFacts.Plan], asOf: LocalDate) -> CaseFacts.Plan? {
        plans.filter { $0.start <= asOf && ($0.end.map { $0 > asOf } ?? true) }
            .max { ($0.level, $0.start) < ($1.level, $1.start) }
    }

    // MARK: Domains

    /// A domain's assessed grades up to the as-of date, oldest first. The last verified grade
    /// stands until a later assessment supersedes it.
    func history(_ domain: String) -> [(date: LocalDate, grade: Int)] {
        guard let memo else { return Self.histories(facts, asOf: asOf)[domain] ?? [] }
        if memo.histories == nil { memo.histories = Self.histories(facts, asOf: asOf) }
        return memo.histories?[domain] ?? []
    }

    /// Every graded domain's history, in one pass over the assessments up to the as-of date,
    /// sorted by date once (stably: assessments of one date keep the record's order).
    private static func histories(_ facts: CaseFacts, asOf: LocalDate) -> [String: [(date: LocalDate, grade: Int)]] {
        var histories: [String: [(date: LocalDate, grade: Int)]] = [:]
        for assessment in (facts.assessments ?? []).filter({ $0.date <= asOf }).sorted(by: { $0.date < $1.date }) {
            for (domain, grade) in assessment.grades { histories[domain, default: []].append((assessment.date, grade)) }
        }
        return histories
    }

    func latestGrade(_ domain: String) -> Int? {
        Vocabulary.domainPosition(domain).flatMap { latestGrade(at: $0) }
    }

    /// The latest grade of the domain at a position of ``Vocabulary/domains``.
    func latestGrade(at index: Int) -> Int? {
        if let latest = memo?.latest { return latest[index] }
        var latest = [Int?](repeating: nil, count: Vocabulary.domains.count)
        Self.forEachLatestGrade(facts, asOf: asOf) { latest[$0] = $1 }
        memo?.latest = latest
        return latest[index]
    }

    /// A definition's value and deciding readings as an earlier evaluation found them.
    func definition(_ index: Int) -> Remembered? {
        guard let memo else { return nil }
        return Self.recall(index, in: memo.definitions, memo)
    }

    func remember(definition index: Int, _ value: Value, _ readings: [Reading]) {
        guard let memo else { return }
        Self.store(Remembered(value: value, readings: readings), at: index, in: &memo.definitions, memo)
    }

    /// A call's value and readings as an earlier evaluation found them (``CompiledExpression/memo``).
    func call(_ slot: Int) -> Remembered? {
        guard let memo else { return nil }
        return Self.recall(slot, in: memo.calls, memo)
    }

    func remember(call slot: Int, _ value: Value, _ readings: [Reading]) {
        guard let memo else { return }
        Self.store(Remembered(value: value, readings: readings), at: slot, in: &memo.calls, memo)
    }

    private static func recall(_ position: Int, in index: [Int32], _ memo: Memo) -> Remembered? {
        guard position >= 0, position < index.count else { return nil }
        let at = Int(index[position])
        return at >= 0 && at < memo.remembered.count ? memo.remembered[at] : nil
    }

    private static func store(_ value: Remembered, at position: Int, in index: inout [Int32], _ memo: Memo) {
        guard position >= 0 else { return }
        // Grown by doubling: positions are first met in rising order, one past another.
        if position >= index.count { index += repeatElement(-1, count: max(position + 1, 2 * index.count, 16) - index.count) }
        index[position] = Int32(truncatingIfNeeded: memo.remembered.count)
        // A case remembers a dozen or so: room for them at once, not by doubling from one.
        if memo.remembered.isEmpty { memo.remembered.reserveCapacity(16) }
        memo.remembered.append(value)
    }

    /// Calls `body` with each domain position and its latest grade, in one pass over the
    /// assessments up to the as-of date: a later assessment supersedes an earlier one, and of two
    /// on the same day the one listed last stands, as in ``history(_:)`` (a stable sort by date).
    static func forEachLatestGrade(_ facts: CaseFacts, asOf: LocalDate, _ body: (Int, Int) -> Void) {
        guard let assessments = facts.assessments, !assessments.isEmpty else { return }
        withUnsafeTemporaryAllocation(of: Int.self, capacity: Vocabulary.domains.count) { latest in
            latest.initialize(repeating: Int.min)
            let today = asOf.dayNumber
            for assessment in assessments {
                let day = assessment.date.dayNumber
                guard day <= today else { continue }
                for (domain, grade) in assessment.grades {
                    guard let index = Vocabulary.domainPosition(domain), day >= latest[index] else { continue }
                    latest[index] = day
                    body(index, grade)
                }
            }
        }
    }

    // MARK: Events

    /// The part of the case record a kind of event is drawn from (see ``EventQuery/record``).
    func record(of kind: String) -> String { EventQuery(kind: kind, qualifiers: []).record }

    /// The dates of a kind of event up to the as-of date, resolving the kind (for tests and tools);
    /// `nil` when the record they come from is unknown.
    func events(_ kind: String, qualifiers: [String]) -> [LocalDate]? {
        let stream = events(EventQuery(kind: kind, qualifiers: qualifiers))
        return stream.complete ? stream.dates : nil
    }

    /// A resolved event stream up to the as-of date, oldest first. `complete` is false when the
    /// record it is drawn from is unknown: the dates are then only those known from elsewhere
    /// (a school's last day of attendance, say), so the true count is at least theirs.
    func events(_ query: EventQuery) -> EventStream {
        if let known = memo?.streams[query] { return known }
        let stream = derive(query)
        memo?.streams[query] = stream
        return stream
    }

    /// Derives a stream: its dates up to the as-of date, sorted.
    private func derive(_ query: EventQuery) -> EventStream {
        var dates: [LocalDate] = []
        let complete = forEachDate(of: query) { date in
            if date <= asOf { dates.append(date) }
        }
        return EventStream(dates: dates.sorted(), complete: complete)
    }

    /// Calls `body` with every date of a stream, in record order and whatever the as-of date,
    /// without collecting them (what ``CaseBinder`` counts); returns whether the record behind
    /// the stream is known in full.
    func forEachDate(of query: EventQuery, _ body: (LocalDate) -> Void) -> Bool {
        var complete = true
        func take<Record>(_ records: [Record]?, _ date: (Record) -> LocalDate?) {
            guard let records else {
                complete = false
                return
            }
            for record in records { if let day = date(record) { body(day) } }
        }
        switch query {
        case .visits(let filter, let announced, let agencies):
            take(facts.visits) { Self.matches($0, filter, announced: announced, agencies: agencies) ? $0.date : nil }
            // A child at school is seen by the school every day they attend.
            if filter == .childSeen, announced.isEmpty, agencies.isEmpty || agencies.contains(.school),
               let attended = facts.education?.lastAttended {
                body(attended)
            }
        case .actions(let held): take(facts.compliance?.actions) { $0.held == held ? $0.date : nil }
        case .claims(let held): take(facts.compliance?.claims) { $0.held == held ? $0.date : nil }
        case .nonCompliance:
            take(facts.compliance?.actions) { $0.held ? nil : $0.date }
            take(facts.compliance?.claims) { $0.held ? nil : $0.date }
        case .disguisedCompliance: take(facts.compliance?.disguisedCompliance) { $0 }
        case .plans(let starts, let levels):
            take(facts.plans) { plan -> LocalDate? in
                guard levels.isEmpty || levels.contains(plan.level) else { return nil }
                return starts ? plan.start : plan.end
            }
        case .chronology(let kind, let domains):
            take(facts.events) { Self.matches($0, kind, domains) ? $0.date : nil }
        case .assessments:
            // Graded assessments are recorded in full on their own list: with it, the stream is
            // known even when the chronology is not.
            for event in facts.events ?? [] where event.kind == "assessment" { body(event.date) }
            complete = facts.events != nil || facts.assessments != nil
            // A graded assessment and an `assessment` event on the same day are one assessment.
            let assessments = facts.assessments ?? []
            for (index, assessment) in assessments.enumerated() {
                let day = assessment.date
                let recorded = facts.events?.contains { $0.kind == "assessment" && $0.date == day } ?? false
                if !recorded, !assessments[..<index].contains(where: { $0.date == day }) { body(day) }
            }
        case .conferences:
            take(facts.events) { $0.kind == "conference" || $0.kind == "review_conference" ? $0.date : nil }
        case .exclusions(let kinds):
            take(facts.education?.exclusions) { kinds.contains($0.kind) ? $0.date : nil }
        case .antenatal(let attended):
            for appointment in facts.health?.antenatal ?? [] where appointment.attended == attended { body(appointment.date) }
            if attended {
                complete = facts.health?.antenatal != nil
            } else {
                // Missed appointments are in the health record, or recorded as events: either will do.
                for event in facts.events ?? [] where event.kind == "missed_antenatal_appointment" { body(event.date) }
                complete = facts.health?.antenatal != nil || facts.events != nil
            }
        case .impacts(let domains):
            take(facts.impacts) { domains.isEmpty || domains.contains($0.domain) ? $0.date : nil }
        case .previousChildren(let outcome):
            take(facts.carers?.previousChildren) { $0.outcome == outcome ? $0.date : nil }
        case .movedIn:
            if let transfer = facts.transferIn {
                body(transfer.date)
            } else {
                take(facts.events) { Self.matches($0, "moved_in", []) ? $0.date : nil }
            }
        }
        return complete
    }

    /// Whether a contact is of a stream: by one of its agencies (any when empty), announced or
    /// not as it asks, with the filter's outcome.
    static func matches(_ visit: CaseFacts.Visit, _ filter: EventQuery.VisitFilter, announced: Set<Bool>,
                        agencies: Set<CaseFacts.Agency>) -> Bool {
        guard announced.isEmpty || visit.announced.map(announced.contains) == true else { return false }
        guard agencies.isEmpty || agencies.contains(visit.by ?? .socialCare) else { return false }
        switch filter {
        case .any: return true
        case .childSeen: return visit.outcome == .seen || visit.outcome == .seenElsewhere
        case .childSeenAlone: return visit.childSeenAlone == true
        case .homeSeen: return visit.homeSeen == true
        case .bedroomSeen: return visit.bedroomSeen == true
        case .cancelled: return visit.outcome == .cancelled
        case .rescheduled: return visit.outcome == .rescheduled
        case .noAnswer: return visit.outcome == .noAnswer
        case .accessRefused: return visit.outcome == .refusedEntry || visit.outcome == .refusedSight
        case .noAccess: return [.noAnswer, .refusedEntry, .refusedSight, .notBrought].contains(visit.outcome)
        case .notBrought: return visit.outcome == .notBrought
        }
    }

    private static func matches(_ event: CaseFacts.Event, _ kind: String, _ domains: Set<String>) -> Bool {
        event.kind == kind && (domains.isEmpty || !domains.isDisjoint(with: event.domains ?? []))
    }
}

/// The dates of one event stream, oldest first, and whether the record behind it is known in full.
struct EventStream: Sendable {
    let dates: [LocalDate]
    let complete: Bool

    /// How many dates fall on or after the day numbered `earliest` (all when `nil`), found by
    /// binary search in the sorted dates.
    func count(since earliest: Int?) -> Int {
        guard let earliest else { return dates.count }
        var low = 0
        var high = dates.count
        while low < high {
            let middle = (low + high) / 2
            if dates[middle].dayNumber < earliest { low = middle + 1 } else { high = middle }
        }
        return dates.count - low
    }
}
