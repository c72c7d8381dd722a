/// A chronology query's event stream, resolved from its kind and qualifiers once, when the
/// document is compiled.
enum EventQuery: Sendable, Hashable {
    /// Which visits count.
    enum VisitFilter: Sendable, Hashable {
        case any, childSeen, childSeenAlone, homeSeen, noAnswer, accessRefused, noAccess
    }

    /// Visits of a kind; `announced` restricts them to announced (true) or unannounced (false) ones.
    case visits(VisitFilter, announced: Set<Bool>)
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

    /// Resolves a kind (standard or board-declared) and its bracketed qualifiers.
    init(kind: String, qualifiers: [String]) {
        let wanted = Set(qualifiers)
        let announced: Set<Bool> = Set(wanted.compactMap { $0 == "announced" ? true : $0 == "unannounced" ? false : nil })
        switch kind {
        case "visit": self = .visits(.any, announced: announced)
        case "child_seen": self = .visits(.childSeen, announced: announced)
        case "child_seen_alone": self = .visits(.childSeenAlone, announced: announced)
        case "home_seen": self = .visits(.homeSeen, announced: announced)
        case "no_answer": self = .visits(.noAnswer, announced: announced)
        case "access_refused": self = .visits(.accessRefused, announced: announced)
        case "no_access": self = .visits(.noAccess, announced: announced)
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
        case .chronology: "events"
        }
    }
}
