public import ThresholdsDiagnostics

/// A fixture file: cases with pinned expected outcomes, run against a threshold document like
/// unit tests. See `docs/FIXTURES.md`.
public struct FixtureSuite: Sendable {
    /// The fixture file.
    public var file: String
    /// The threshold document the cases run against, as loaded.
    public var document: ThresholdDocument
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
        if let level, level != recommendation.level {
            lines.append("level: expected \(level.rawValue), got \(recommendation.level.rawValue)")
        }
        if let provisional, provisional != recommendation.provisional {
            lines.append("provisional: expected \(provisional), got \(recommendation.provisional)")
        }
        let fired = Set(recommendation.firedRules.map(\.id))
        for id in self.fired where !fired.contains(id) {
            lines.append("fired: expected \(id) to fire, it did not")
        }
        for id in notFired where fired.contains(id) {
            lines.append("not fired: expected \(id) not to fire, it fired")
        }
        let needed = Set(recommendation.informationNeeded.map(\.fact))
        for fact in informationNeeded where !needed.contains(fact) {
            lines.append("information needed: expected \(fact) to be listed, it is not")
        }
        let actions = Set(recommendation.actions.map(\.action))
        for action in self.actions where !actions.contains(action) {
            lines.append("actions: expected \(action.rawValue), it is not recommended")
        }
        return lines
    }
}
