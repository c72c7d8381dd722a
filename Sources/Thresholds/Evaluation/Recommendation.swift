/// What the engine recommends for one case at one as-of date, with everything a practitioner
/// needs to understand and check it. It recommends; practitioners decide.
public struct Recommendation: Sendable, Hashable, Codable {
    /// The case's identifier, when the case gives one.
    public var caseID: String?
    /// The date the case was evaluated at.
    public var asOf: LocalDate
    /// The board whose document was applied.
    public var board: String
    /// The document's title.
    public var document: String
    /// The document's version.
    public var documentVersion: String
    /// The date the document took effect.
    public var effective: LocalDate
    /// The document's notice (for example, that it is an example).
    public var notice: String?
    /// The recommended level.
    public var level: Level
    /// The board's label for it.
    public var label: String
    /// The board's band for it.
    public var band: String?
    /// The board's guidance for it.
    public var guidance: String?
    /// The level before modifiers were applied.
    public var baseLevel: Level
    /// Whether the level could change once missing information is known: a rule that could
    /// raise it is undecided, or the level rests on a rule whose exception is not yet confirmed.
    public var provisional: Bool
    /// The rules that fired, highest level first.
    public var firedRules: [FiredRule]
    /// Rules of the next level up that did not fire, and what they lacked.
    public var nearMisses: [NearMiss]
    /// Facts whose answers could change the level: first those that could raise it, most
    /// consequential first, then those that could lower it (unconfirmed exceptions). Items whose
    /// answer could change the level on its own come before those that matter only together
    /// with other unknowns (``InformationNeeded/decisive``).
    public var informationNeeded: [InformationNeeded]
    /// Actions the fired rules attach.
    public var actions: [RecommendedAction]
    /// The board's finer published level within ``level``, when a fired rule of that level
    /// names one (the highest named); `nil` otherwise.
    public var sublevel: RecommendedSublevel? = nil
    /// The procedural triggers that fired (rules that attach actions and set no level), apart
    /// from the level's reasons; their actions are among ``actions``, overdue ones first.
    public var procedures: [FiredRule] = []
    /// `true` when the level is the child's current plan, kept because the document sets no
    /// levels (it holds procedures only); `nil` otherwise.
    public var keptCurrentPlan: Bool? = nil
    /// Single-fact changes that would move the level (``CounterfactualSearch``), when asked for:
    /// those that give ``whyNot``, or else the nearest up and down and every cliff edge. `nil`
    /// when not asked for (finding them takes many more evaluations than the recommendation).
    public var counterfactuals: [Counterfactual]? = nil
    /// The level the counterfactuals were asked for (`--why-not LEVEL`); `nil` for the nearest.
    public var whyNot: Level? = nil
}

/// A board's sub-level of the recommended level, with its own label and guidance.
public struct RecommendedSublevel: Sendable, Hashable, Codable {
    /// Its name, as rules write it after the level (`multi_agency`).
    public var name: String
    /// The board's label for it.
    public var label: String
    /// The board's guidance for it.
    public var guidance: String?
}

/// A rule that fired.
public struct FiredRule: Sendable, Hashable, Codable {
    /// The rule's id.
    public var id: String
    /// Its title.
    public var title: String
    /// The level it recommends, or for a modifier the level it raised the result to; for a
    /// procedure (which recommends none), the result's level.
    public var level: Level
    /// The board's sub-level it names within that level (`multi_agency`), if any.
    public var sublevel: String? = nil
    /// Whether it is a modifier (`raise`).
    public var modifier: Bool
    /// Why, in the board's words.
    public var because: String?
    /// Where in the board's document.
    public var source: String?
    /// The file the rule was written in, when the document was composed from several files.
    public var file: String?
    /// The baseline rule it replaced, when the document overrides one: both sources are cited.
    public var overrides: OverriddenRule?
    /// How its condition evaluated.
    public var explanation: Explanation
    /// How its exception (`unless`) evaluated, when it has one.
    public var exception: Explanation?

    /// Whether the rule fired while its exception is unknown: exceptions are reasons not to
    /// escalate, so they apply only when known to be true, and until then the rule fires.
    public var exceptionUnconfirmed: Bool { exception?.result == .unknown }
}

/// A rule above the result that did not fire, with what failed.
public struct NearMiss: Sendable, Hashable, Codable {
    /// The rule's id.
    public var id: String
    /// Its title.
    public var title: String
    /// The level it would have recommended.
    public var level: Level
    /// What failed, one line per failing condition, with the values read.
    public var failed: [String]
    /// Where in the board's document.
    public var source: String?
    /// The file the rule was written in, when the document was composed from several files.
    public var file: String?
}

/// A fact whose value is unknown and whose answer could change the level.
public struct InformationNeeded: Sendable, Hashable, Codable {
    /// Which way an answer could move the level.
    public enum Effect: String, Sendable, Hashable, Codable {
        /// An undecided rule above the result waits on it.
        case raise
        /// A fired rule rests on an exception that waits on it; if the exception is confirmed,
        /// the level falls.
        case lower
    }

    /// The fact, or the part of the case record that is missing (`visits`).
    public var fact: String
    /// The question to ask a practitioner: the board's own for a judgement, otherwise the
    /// standard question for the fact.
    public var question: String
    /// Whether it is one of the board's judgement questions.
    public var judgement: Bool
    /// Whether the answer could raise or lower the level.
    public var effect: Effect
    /// For ``Effect/raise``, the highest level the answer could lead to; for ``Effect/lower``,
    /// the level the result would fall to if the exceptions waiting on it were confirmed.
    public var couldReach: Level
    /// Whether its answer alone could change the level, given everything already known. An item
    /// that is not decisive matters only together with other unknowns (a rule needing two facts
    /// with no sign of either); it is listed only when all information is asked for.
    public var decisive: Bool
    /// The rules waiting on it.
    public var rules: [String]
}

/// An action to take beside the level.
public struct RecommendedAction: Sendable, Hashable, Codable {
    /// What to do.
    public var action: ActionKind
    /// Within how long.
    public var within: Duration?
    /// The board's words, for a note.
    public var text: String?
    /// The rules that attach it.
    public var rules: [String]
    /// Whether it is required (`must`) or to be considered; `nil` when the document says neither.
    public var strength: ActionStrength? = nil
    /// When it is due, for an action whose time runs from a dated event or a week of pregnancy.
    public var due: LocalDate? = nil
    /// What its time runs from, with the date read: `first(no_access since child_seen) = 2026-10-01`.
    public var from: String? = nil
    /// Whether it is past due with its completing event (``completedBy``) not recorded since
    /// the time began to run; `nil` when it has no due date.
    public var overdue: Bool? = nil
    /// The event kind that records it done.
    public var completedBy: String? = nil
}
