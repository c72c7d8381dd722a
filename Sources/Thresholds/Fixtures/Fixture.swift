public import ThresholdsDiagnostics

/// A fixture file: cases with pinned expected outcomes, run against a threshold document like
/// unit tests. See `docs/FIXTURES.md`.
public struct FixtureSuite: Sendable {
    /// The fixture file.
    public var file: String
    /// The threshold document the cases run against, as loaded and checked.
    public var checked: CheckedDocument
    /// The document as parsed.
    public var document: ThresholdDocument { checked.document }
    /// The cases, in file order.
    public var cases: [FixtureCase]
}

/// One case of a fixture file.
public struct FixtureCase: Sendable {
    /// Its name, unique in the file.
    public var name: String
    /// Tags for filtering.
    public var tags: [String]
    /// The facts.
    public var facts: CaseFacts
    /// The date it is evaluated at.
    public var asOf: LocalDate
    /// What must hold.
    public var expectation: Expectation
    /// Why it is skipped, when it is.
    public var skip: String?
    /// Where it is written.
    public var range: SourceRange
}

/// What a fixture case expects. Every part is optional: only what is given is checked.
public struct Expectation: Sendable, Equatable {
    /// The level.
    public var level: Level?
    /// The board's sub-level within ``level`` (`level: early_help.multi_agency`); `nil` checks none.
    public var sublevel: String?
    /// Other levels a board may legitimately reach for this case: a result at one of them passes,
    /// reported as an acceptable alternative.
    public var acceptable: [Level] = []
    /// Levels that would be unsafe for this case: a result at one of them fails, marked unsafe.
    public var unsafe: [Level] = []
    /// Phrases the explanation must contain (case-insensitive): a rule id, a fact, a reason.
    public var mustMention: [String] = []
    /// Whether the result is provisional.
    public var provisional: Bool?
    /// Rules that must fire.
    public var fired: [String] = []
    /// Rules that must not fire.
    public var notFired: [String] = []
    /// Facts that must be listed as information needed.
    public var informationNeeded: [String] = []
    /// Actions that must be recommended.
    public var actions: [ActionKind] = []
    /// Actions that must be recommended and overdue.
    public var overdue: [ActionKind] = []
    /// Actions that must be recommended with a due date and not be overdue.
    public var notOverdue: [ActionKind] = []

    /// Creates an expectation.
    public init(level: Level? = nil, provisional: Bool? = nil, fired: [String] = [], notFired: [String] = [],
                informationNeeded: [String] = [], actions: [ActionKind] = []) {
        self.level = level
        self.provisional = provisional
        self.fired = fired
        self.notFired = notFired
        self.informationNeeded = informationNeeded
        self.actions = actions
    }

    /// The differences between this expectation and a recommendation, one line each as
    /// `what: expected …, got …`; empty when the recommendation meets it.
    public func mismatches(_ recommendation: Recommendation) -> [String] {
        var lines: [String] = []
        if unsafe.contains(recommendation.level) {
            lines.append("UNSAFE: \(recommendation.level.rawValue) is unsafe for this case"
                         + (level.map { " (expected \($0.rawValue))" } ?? ""))
        } else if let level, level != recommendation.level, !acceptable.contains(recommendation.level) {
            let alternatives = acceptable.isEmpty ? "" : " or an acceptable \(acceptable.map(\.rawValue).joined(separator: ", "))"
            lines.append("level: expected \(level.rawValue)\(alternatives), got \(recommendation.level.rawValue)")
        }
        if let sublevel, level == recommendation.level, sublevel != recommendation.sublevel?.name {
            lines.append("sub-level: expected \(sublevel), got \(recommendation.sublevel?.name ?? "none")")
        }
        if let provisional, provisional != recommendation.provisional {
            lines.append("provisional: expected \(provisional), got \(recommendation.provisional)")
        }
        let fired = Set((recommendation.firedRules + recommendation.procedures).map(\.id))
        for id in self.fired where !fired.contains(id) {
            lines.append("fired: expected \(id) to fire, it did not")
        }
        for id in notFired where fired.contains(id) {
            lines.append("not fired: expected \(id) not to fire, it fired")
        }
        let needed = Set(recommendation.informationNeeded.filter { $0.decisive }.map(\.fact))
        for fact in informationNeeded where !needed.contains(fact) {
            lines.append("information needed: expected \(fact) to be listed, it is not")
        }
        let actions = Set(recommendation.actions.map(\.action))
        for action in overdue where !recommendation.actions.contains(where: { $0.action == action && $0.overdue == true }) {
            lines.append("overdue: expected \(action.rawValue) to be overdue, it is not")
        }
        for action in notOverdue where !recommendation.actions.contains(where: { $0.action == action && $0.overdue == false }) {
            lines.append("not overdue: expected \(action.rawValue) to be due and not overdue, it is not")
        }
        for action in self.actions where !actions.contains(action) {
            lines.append("actions: expected \(action.rawValue), it is not recommended")
        }
        if !mustMention.isEmpty {
            let text = RecommendationRenderer.text(recommendation, allInformation: true).lowercased()
            for phrase in mustMention where !text.contains(phrase.lowercased()) {
                lines.append("must mention: the explanation does not mention '\(phrase)'")
            }
        }
        return lines
    }

    /// Whether the recommendation reached an acceptable alternative rather than the expected level.
    public func isAlternative(_ recommendation: Recommendation) -> Bool {
        level.map { $0 != recommendation.level && acceptable.contains(recommendation.level) } ?? false
    }
}
