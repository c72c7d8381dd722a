/// A chronology query's event stream, resolved from its kind and qualifiers once, when the
/// document is compiled.
enum EventQuery: Sendable, Hashable {
    /// Which visits count.
    enum VisitFilter: Sendable, Hashable {
        case any, childSeen, childSeenAlone, homeSeen, bedroomSeen, noAnswer, accessRefused, noAccess, notBrought
        case cancelled, rescheduled
    }

    /// Visits of a kind; `announced` restricts them to announced (true) or unannounced (false)
    /// ones, `agencies` to contacts by those agencies (all when empty).
    case visits(VisitFilter, announced: Set<Bool>, agencies: Set<CaseFacts.Agency>)
    /// Agreed actions kept (true) or broken (false).
    case actions(held: Bool)
    /// Claims verified (true) or contradicted (false).
    case claims(held: Bool)
    /// Actions broken and claims contradicted.
    case nonCompliance
    /// Observed signs of disguised compliance.
    case disguisedCompliance
    /// Plans starting (or ending), of the given levels (all when empty).
    case plans(starts: Bool, levels: Set<Level>)
    /// Chronology events of a kind, about any of the given domains (all when empty).
    case chronology(kind: String, domains: Set<String>)
    /// Assessments: the chronology's `assessment` events and the dated graded assessments.
    case assessments
    /// A move in from another authority: the case's `transfer_in`, or `moved_in` events.
    case movedIn
    /// Child protection conferences: `conference` and `review_conference` events.
    case conferences
    /// Exclusions from school of the given kinds.
    case exclusions(Set<CaseFacts.Exclusion.Kind>)
    /// Antenatal appointments attended (true) or missed (false, with `missed_antenatal_appointment` events).
    case antenatal(attended: Bool)
    /// Observed impacts of concerns in the given domains (all when empty).
    case impacts(domains: Set<String>)
    /// The carers' earlier children with this outcome, dated.
    case previousChildren(CaseFacts.PreviousChild.Outcome)

    /// Resolves a kind (standard or board-declared) and its bracketed qualifiers.
    init(kind: String, qualifiers: [String]) {
        let wanted = Set(qualifiers)
        let announced: Set<Bool> = Set(wanted.compactMap { $0 == "announced" ? true : $0 == "unannounced" ? false : nil })
        var agencies = Set(wanted.compactMap { CaseFacts.Agency(rawValue: $0) })
        if wanted.contains("health") { agencies.formUnion(CaseFacts.Agency.health) }
        func visits(_ filter: VisitFilter) -> EventQuery { .visits(filter, announced: announced, agencies: agencies) }
        switch kind {
        case "visit": self = visits(.any)
        case "child_seen": self = visits(.childSeen)
        case "child_seen_alone": self = visits(.childSeenAlone)
        case "home_seen": self = visits(.homeSeen)
        case "bedroom_seen": self = visits(.bedroomSeen)
        case "visit_cancelled": self = visits(.cancelled)
        case "visit_rescheduled": self = visits(.rescheduled)
        case "conference": self = .conferences
        case "exclusion": self = .exclusions([.fixedTerm, .permanent])
        case "exclusion_fixed_term": self = .exclusions([.fixedTerm])
        case "exclusion_permanent": self = .exclusions([.permanent])
        case "antenatal_appointment": self = .antenatal(attended: true)
        case "missed_antenatal_appointment": self = .antenatal(attended: false)
        case "previous_child_removed": self = .previousChildren(.removed)
        case "impact":
            let domains = Set(wanted.flatMap { Vocabulary.domainGroups[$0] ?? [$0] })
            self = .impacts(domains: domains)
        case "no_answer": self = visits(.noAnswer)
        case "access_refused": self = visits(.accessRefused)
        case "no_access": self = visits(.noAccess)
        case "not_brought": self = visits(.notBrought)
        case "assessment": self = .assessments
        case "moved_in": self = .movedIn
        case "action_kept": self = .actions(held: true)
        case "action_broken": self = .actions(held: false)
        case "claim_verified": self = .claims(held: true)
        case "claim_contradicted": self = .claims(held: false)
        case "non_compliance": self = .nonCompliance
        case "disguised_compliance": self = .disguisedCompliance
        case "plan_started", "plan_ended":
            self = .plans(starts: kind == "plan_started", levels: Set(wanted.compactMap { Level(rawValue: $0) }))
        default: self = .chronology(kind: kind, domains: wanted)
        }
    }

    /// The part of the case record the stream is drawn from, named as information needed when
    /// that part is missing.
    var record: String {
        switch self {
        case .visits: "visits"
        case .actions: "compliance.actions"
        case .claims: "compliance.claims"
        case .nonCompliance: "compliance.actions and compliance.claims"
        case .disguisedCompliance: "compliance.disguised_compliance"
        case .plans: "plans"
        case .chronology, .movedIn, .assessments, .conferences: "events"
        case .exclusions: "education.exclusions"
        case .antenatal: "health.antenatal"
        case .previousChildren: "carers.previous_children"
        case .impacts: "impacts"
        }
    }
}
