/// Everything known about one child's case: the standard neglect vocabulary (`docs/CASE-FACTS.md`)
/// and the board's own facts.
///
/// Every field may be absent, and **absent is unknown, never false**: a missing list of visits
/// means the visits are not known, while an empty list means there were none. Services fill this
/// directly; the CLI reads it from YAML or JSON with ``CaseLoader``.
public struct CaseFacts: Sendable, Equatable, Codable {
    /// The case's identifier in the service's records.
    public var id: String?
    /// The child.
    public var child: Child?
    /// Plans, past and current (a plan with no end is current).
    public var plans: [Plan]?
    /// Dated graded-care assessments of the eight neglect domains.
    public var assessments: [Assessment]?
    /// School and education.
    public var education: Education?
    /// Home visits and their outcomes.
    public var visits: [Visit]?
    /// Engagement with plans and services.
    public var compliance: Compliance?
    /// Other dated events: referrals, concerns, meetings, board-declared kinds.
    public var events: [Event]?
    /// Family circumstances.
    public var context: Context?
    /// The carers.
    public var carers: Carers?
    /// Values of the board's declared facts, by name.
    public var facts: [String: FactValue]?
    /// A move into this authority from another one, when the family moved.
    public var transferIn: TransferIn?
    /// The home: housing, heating, childcare.
    public var household: Household?
    /// Health: dental care, immunisations, growth, antenatal care.
    public var health: Health?
    /// Observed impacts on the child of concerns in a domain, dated and attributed.
    public var impacts: [Impact]?

    /// Creates case facts; every part defaults to unknown.
    public init(
        id: String? = nil, child: Child? = nil, plans: [Plan]? = nil, assessments: [Assessment]? = nil,
        education: Education? = nil, visits: [Visit]? = nil, compliance: Compliance? = nil, events: [Event]? = nil,
        context: Context? = nil, carers: Carers? = nil, facts: [String: FactValue]? = nil, transferIn: TransferIn? = nil,
        household: Household? = nil, health: Health? = nil, impacts: [Impact]? = nil
    ) {
        self.impacts = impacts
        self.household = household
        self.health = health
        self.id = id
        self.child = child
        self.plans = plans
        self.assessments = assessments
        self.education = education
        self.visits = visits
        self.compliance = compliance
        self.events = events
        self.context = context
        self.carers = carers
        self.facts = facts
        self.transferIn = transferIn
    }

    enum CodingKeys: String, CodingKey {
        case id, child, plans, assessments, education, visits, compliance, events, context, carers, facts
        case transferIn = "transfer_in", household, health, impacts
    }

    /// A move into this authority from another one.
    public struct TransferIn: Sendable, Equatable, Codable {
        /// When the family arrived.
        public var date: LocalDate
        /// The authority they came from.
        public var from: String?
        /// Whether the child's records from that authority have arrived.
        public var recordsReceived: Bool?

        /// Creates a transfer record.
        public init(date: LocalDate, from: String? = nil, recordsReceived: Bool? = nil) {
            self.date = date
            self.from = from
            self.recordsReceived = recordsReceived
        }

        enum CodingKeys: String, CodingKey {
            case date, from, recordsReceived = "records_received"
        }
    }

    /// Who made a contact with the child.
    public enum Agency: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
        /// Children's social care: the case's social worker.
        case socialCare = "social_care"
        /// An early help worker.
        case earlyHelp = "early_help"
        /// A health visitor.
        case healthVisitor = "health_visitor"
        /// A midwife.
        case midwife
        /// The family's GP.
        case gp
        /// A hospital or clinic.
        case hospital
        /// The child's school.
        case school
        /// The child's nursery or childminder.
        case nursery
        /// The police.
        case police
        /// Any other professional.
        case other

        /// The agencies `health` names in a qualifier: `child_seen[health]`.
        public static let health: Set<Agency> = [.healthVisitor, .midwife, .gp, .hospital]
    }

    /// The child.
    public struct Child: Sendable, Equatable, Codable {
        /// Date of birth; absent for an unborn child or when not known.
        public var dateOfBirth: LocalDate?
        /// Whether the child is not yet born.
        public var unborn: Bool?
        /// Weeks of pregnancy, for an unborn child, as recorded (on ``gestationRecordedOn``).
        public var gestationWeeks: Int?
        /// The date the gestation was recorded: with it, the gestation advances with the as-of date.
        public var gestationRecordedOn: LocalDate?
        /// The expected date of delivery, for an unborn child.
        public var dueDate: LocalDate?
        /// Whether the child is disabled.
        public var disabled: Bool?
        /// Whether the child has additional needs (EHCP, chronic condition).
        public var additionalNeeds: Bool?
        /// Whether the child depends on critical medication or treatment.
        public var criticalMedication: Bool?
        /// Whether the child is a young carer (cares for a parent or sibling).
        public var youngCarer: Bool?

        /// Creates a child record.
        public init(dateOfBirth: LocalDate? = nil, unborn: Bool? = nil, gestationWeeks: Int? = nil, disabled: Bool? = nil,
                    additionalNeeds: Bool? = nil, criticalMedication: Bool? = nil, youngCarer: Bool? = nil,
                    gestationRecordedOn: LocalDate? = nil, dueDate: LocalDate? = nil) {
            self.gestationRecordedOn = gestationRecordedOn
            self.dueDate = dueDate
            self.youngCarer = youngCarer
            self.dateOfBirth = dateOfBirth
            self.unborn = unborn
            self.gestationWeeks = gestationWeeks
            self.disabled = disabled
            self.additionalNeeds = additionalNeeds
            self.criticalMedication = criticalMedication
        }

        enum CodingKeys: String, CodingKey {
            case dateOfBirth = "date_of_birth", unborn, gestationWeeks = "gestation_weeks", disabled
            case additionalNeeds = "additional_needs", criticalMedication = "critical_medication", youngCarer = "young_carer"
            case gestationRecordedOn = "gestation_recorded_on", dueDate = "due_date"
        }
    }

    /// A plan: early help, child in need or child protection.
    public struct Plan: Sendable, Equatable, Codable {
        /// The plan's level.
        public var level: Level
        /// The category (for child protection plans: neglect, physical, emotional, sexual, multiple).
        public var category: String?
        /// When it started.
        public var start: LocalDate
        /// When it ended; absent while it is current.
        public var end: LocalDate?
        /// Why it ended (step-down, closure, escalation, moved authority…).
        public var endReason: String?

        /// Creates a plan.
        public init(level: Level, category: String? = nil, start: LocalDate, end: LocalDate? = nil, endReason: String? = nil) {
            self.level = level
            self.category = category
            self.start = start
            self.end = end
            self.endReason = endReason
        }

        enum CodingKeys: String, CodingKey {
            case level, category, start, end, endReason = "end_reason"
        }
    }

    /// One graded-care assessment: a grade 1 (best) to 5 (worst) for each domain assessed.
    public struct Assessment: Sendable, Equatable, Codable {
        /// When it was done.
        public var date: LocalDate
        /// Grades by domain name; a domain left out was not assessed.
        public var grades: [String: Int]

        /// Creates an assessment.
        public init(date: LocalDate, grades: [String: Int]) {
            self.date = date
            self.grades = grades
        }
    }

    /// Education.
    public struct Education: Sendable, Equatable, Codable {
        /// Whether the child is on a school roll.
        public var onRoll: Bool?
        /// Sessions the child could have attended in the recorded period.
        public var sessionsPossible: Int?
        /// Sessions missed in that period.
        public var sessionsMissed: Int?
        /// School days of continuous unexplained absence.
        public var consecutiveAbsenceDays: Int?
        /// Whether the child is missing education.
        public var missing: Bool?
        /// Whether the child is electively home educated.
        public var homeEducated: Bool?
        /// When home education began.
        public var homeEducationStart: LocalDate?
        /// Whether the child's whereabouts are known.
        public var whereaboutsKnown: Bool?
        /// A part-time timetable, when there is one.
        public var partTimeTimetable: PartTimeTimetable?
        /// The last day the child attended school or nursery: the school saw the child that day.
        public var lastAttended: LocalDate?
        /// Exclusions from school, fixed-term and permanent.
        public var exclusions: [Exclusion]?
        /// Whether the child of school age is without a school place.
        public var withoutSchoolPlace: Bool?

        /// Creates an education record.
        public init(onRoll: Bool? = nil, sessionsPossible: Int? = nil, sessionsMissed: Int? = nil,
                    consecutiveAbsenceDays: Int? = nil, missing: Bool? = nil, homeEducated: Bool? = nil,
                    homeEducationStart: LocalDate? = nil, whereaboutsKnown: Bool? = nil,
                    partTimeTimetable: PartTimeTimetable? = nil, lastAttended: LocalDate? = nil, exclusions: [Exclusion]? = nil,
                    withoutSchoolPlace: Bool? = nil) {
            self.exclusions = exclusions
            self.withoutSchoolPlace = withoutSchoolPlace
            self.lastAttended = lastAttended
            self.onRoll = onRoll
            self.sessionsPossible = sessionsPossible
            self.sessionsMissed = sessionsMissed
            self.consecutiveAbsenceDays = consecutiveAbsenceDays
            self.missing = missing
            self.homeEducated = homeEducated
            self.homeEducationStart = homeEducationStart
            self.whereaboutsKnown = whereaboutsKnown
            self.partTimeTimetable = partTimeTimetable
        }

        enum CodingKeys: String, CodingKey {
            case onRoll = "on_roll", sessionsPossible = "sessions_possible", sessionsMissed = "sessions_missed"
            case consecutiveAbsenceDays = "consecutive_absence_days", missing, homeEducated = "home_educated"
            case homeEducationStart = "home_education_start", whereaboutsKnown = "whereabouts_known"
            case partTimeTimetable = "part_time_timetable", lastAttended = "last_attended", exclusions
            case withoutSchoolPlace = "without_school_place"
        }
    }

    /// A part-time school timetable.
    public struct PartTimeTimetable: Sendable, Equatable, Codable {
        /// When it started.
        public var start: LocalDate?
        /// When it is due to be reviewed.
        public var review: LocalDate?
        /// Whether the local authority was told.
        public var notified: Bool?

        /// Creates a timetable record.
        public init(start: LocalDate? = nil, review: LocalDate? = nil, notified: Bool? = nil) {
            self.start = start
            self.review = review
            self.notified = notified
        }
    }

    /// What happened at a home visit.
    public enum VisitOutcome: String, Sendable, Equatable, Codable, CaseIterable {
        /// The child was seen at home.
        case seen
        /// The child was seen, but elsewhere (school, clinic).
        case seenElsewhere = "seen_elsewhere"
        /// Nobody answered.
        case noAnswer = "no_answer"
        /// The worker was refused entry.
        case refusedEntry = "refused_entry"
        /// The worker was let in but refused sight of the child.
        case refusedSight = "refused_sight"
        /// The family cancelled.
        case cancelled
        /// Rescheduled, and the new visit was kept.
        case rescheduled
        /// The child was not brought to an appointment (a clinic, a health visitor contact).
        case notBrought = "not_brought"
    }

    /// A visit or other contact with the child by any agency: a home visit, a health visitor
    /// contact, a clinic appointment.
    public struct Visit: Sendable, Equatable, Codable {
        /// When.
        public var date: LocalDate
        /// Who made the contact; absent means children's social care, the case's own worker.
        public var by: Agency?
        /// Whether it was announced; absent when not recorded.
        public var announced: Bool?
        /// What happened.
        public var outcome: VisitOutcome
        /// Whether the child was seen alone.
        public var childSeenAlone: Bool?
        /// Whether the home was seen.
        public var homeSeen: Bool?
        /// Whether the child's bedroom, or where the child sleeps, was seen.
        public var bedroomSeen: Bool?
        /// Who saw the child: the professional's name or role, as the record gives it.
        public var seenBy: String?

        /// Creates a visit.
        public init(date: LocalDate, by: Agency? = nil, announced: Bool? = nil, outcome: VisitOutcome, childSeenAlone: Bool? = nil,
                    homeSeen: Bool? = nil, bedroomSeen: Bool? = nil, seenBy: String? = nil) {
            self.bedroomSeen = bedroomSeen
            self.seenBy = seenBy
            self.date = date
            self.by = by
            self.announced = announced
            self.outcome = outcome
            self.childSeenAlone = childSeenAlone
            self.homeSeen = homeSeen
        }

        enum CodingKeys: String, CodingKey {
            case date, by, announced, outcome, childSeenAlone = "child_seen_alone", homeSeen = "home_seen"
            case bedroomSeen = "bedroom_seen", seenBy = "seen_by"
        }
    }

    /// Engagement with plans and services.
    public struct Compliance: Sendable, Equatable, Codable {
        /// Consent to early help: given, declined or withdrawn.
        public var earlyHelpConsent: String?
        /// Agreed actions and whether each was kept.
        public var actions: [DatedOutcome]?
        /// Parental claims and whether checking verified each.
        public var claims: [DatedOutcome]?
        /// Dates of observed signs of disguised compliance.
        public var disguisedCompliance: [LocalDate]?
        /// Consent to child in need support: given, declined or withdrawn.
        public var childInNeedConsent: String?

        /// Creates a compliance record.
        public init(earlyHelpConsent: String? = nil, actions: [DatedOutcome]? = nil, claims: [DatedOutcome]? = nil,
                    disguisedCompliance: [LocalDate]? = nil, childInNeedConsent: String? = nil) {
            self.childInNeedConsent = childInNeedConsent
            self.earlyHelpConsent = earlyHelpConsent
            self.actions = actions
            self.claims = claims
            self.disguisedCompliance = disguisedCompliance
        }

        enum CodingKeys: String, CodingKey {
            case earlyHelpConsent = "early_help_consent", actions, claims, disguisedCompliance = "disguised_compliance"
            case childInNeedConsent = "child_in_need_consent"
        }

        /// An action as case files write it: `{date, kept}`.
        private struct Kept: Codable {
            var date: LocalDate
            var kept: Bool
        }

        /// A claim as case files write it: `{date, verified}`.
        private struct Verified: Codable {
            var date: LocalDate
            var verified: Bool
        }

        /// Decodes the case file's form: actions `{date, kept}`, claims `{date, verified}`.
        /// - Throws: `DecodingError` for a value of the wrong shape.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            earlyHelpConsent = try container.decodeIfPresent(String.self, forKey: .earlyHelpConsent)
            actions = try container.decodeIfPresent([Kept].self, forKey: .actions)?.map { DatedOutcome(date: $0.date, held: $0.kept) }
            claims = try container.decodeIfPresent([Verified].self, forKey: .claims)?.map { DatedOutcome(date: $0.date, held: $0.verified) }
            disguisedCompliance = try container.decodeIfPresent([LocalDate].self, forKey: .disguisedCompliance)
            childInNeedConsent = try container.decodeIfPresent(String.self, forKey: .childInNeedConsent)
        }

        /// Encodes the case file's form, so that a case encoded to JSON loads back unchanged.
        /// - Throws: `EncodingError` from the encoder.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(earlyHelpConsent, forKey: .earlyHelpConsent)
            try container.encodeIfPresent(actions?.map { Kept(date: $0.date, kept: $0.held) }, forKey: .actions)
            try container.encodeIfPresent(claims?.map { Verified(date: $0.date, verified: $0.held) }, forKey: .claims)
            try container.encodeIfPresent(disguisedCompliance, forKey: .disguisedCompliance)
            try container.encodeIfPresent(childInNeedConsent, forKey: .childInNeedConsent)
        }
    }

    /// A dated yes/no outcome: an action kept, a claim verified.
    public struct DatedOutcome: Sendable, Equatable, Codable {
        /// When it was checked.
        public var date: LocalDate
        /// Whether it held (kept, verified).
        public var held: Bool

        /// Creates an outcome.
        public init(date: LocalDate, held: Bool) {
            self.date = date
            self.held = held
        }
    }

    /// A dated chronology event.
    public struct Event: Sendable, Equatable, Codable {
        /// When.
        public var date: LocalDate
        /// Its kind: a standard kind (`referral`, `concern`, …) or one the board declares.
        public var kind: String
        /// For concerns, the domains concerned.
        public var domains: [String]?

        /// Creates an event.
        public init(date: LocalDate, kind: String, domains: [String]? = nil) {
            self.date = date
            self.kind = kind
            self.domains = domains
        }
    }

    /// Family circumstances.
    public struct Context: Sendable, Equatable, Codable {
        /// Whether the family is in poverty.
        public var poverty: Bool?
        /// Whether the carer puts the child first within their means.
        public var parentPrioritisesChild: Bool?
        /// Whether a school or others supply what the child lacks at home.
        public var compensatoryCare: Bool?

        /// Creates a context record.
        public init(poverty: Bool? = nil, parentPrioritisesChild: Bool? = nil, compensatoryCare: Bool? = nil) {
            self.poverty = poverty
            self.parentPrioritisesChild = parentPrioritisesChild
            self.compensatoryCare = compensatoryCare
        }

        enum CodingKeys: String, CodingKey {
            case poverty, parentPrioritisesChild = "parent_prioritises_child", compensatoryCare = "compensatory_care"
        }
    }

    /// The carers.
    public struct Carers: Sendable, Equatable, Codable {
        /// Substance misuse: none, suspected or confirmed.
        public var substanceMisuse: String?
        /// Domestic abuse: none, suspected or confirmed.
        public var domesticAbuse: String?
        /// Mental ill-health affecting care: none, suspected or confirmed.
        public var mentalHealth: String?
        /// Children previously removed from these carers (when ``previousChildren`` is not given).
        public var previousChildrenRemoved: Int?
        /// The carers' other children and what became of their care, with dates.
        public var previousChildren: [PreviousChild]?

        /// Creates a carers record.
        public init(substanceMisuse: String? = nil, domesticAbuse: String? = nil, mentalHealth: String? = nil,
                    previousChildrenRemoved: Int? = nil, previousChildren: [PreviousChild]? = nil) {
            self.previousChildren = previousChildren
            self.substanceMisuse = substanceMisuse
            self.domesticAbuse = domesticAbuse
            self.mentalHealth = mentalHealth
            self.previousChildrenRemoved = previousChildrenRemoved
        }

        enum CodingKeys: String, CodingKey {
            case substanceMisuse = "substance_misuse", domesticAbuse = "domestic_abuse", mentalHealth = "mental_health"
            case previousChildrenRemoved = "previous_children_removed", previousChildren = "previous_children"
        }
    }
}

/// The value of a board-declared fact in a case.
public enum FactValue: Sendable, Equatable, Codable {
    /// `true` or `false`.
    case boolean(Bool)
    /// A number (integers and grades too).
    case number(Double)
    /// Text, or an enumeration value.
    case string(String)
    /// A date.
    case date(LocalDate)

    /// Decodes the most specific form: boolean, number, date, then string.
    /// - Throws: `DecodingError` when the value is not a scalar.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Bool.self) {
            self = .boolean(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else {
            let text = try container.decode(String.self)
            self = LocalDate(text).map { .date($0) } ?? .string(text)
        }
    }

    /// Encodes the plain value.
    /// - Throws: `EncodingError` from the encoder.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .boolean(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .date(let value): try container.encode(value)
        }
    }
}
