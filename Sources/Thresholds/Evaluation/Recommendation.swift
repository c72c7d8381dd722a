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
    /// Whether rules that could raise the level could not be decided for lack of information.
    public var provisional: Bool
    /// The rules that fired, highest level first.
    public var firedRules: [FiredRule]
    /// Rules of the next level up that did not fire, and what they lacked.
    public var nearMisses: [NearMiss]
    /// Facts whose answers could raise the level, most consequential first.
    public var informationNeeded: [InformationNeeded]
    /// Actions the fired rules attach.
    public var actions: [RecommendedAction]
}

/// A rule that fired.
public struct FiredRule: Sendable, Hashable, Codable {
    /// The rule's id.
    public var id: String
    /// Its title.
    public var title: String
    /// The level it recommends, or for a modifier the level it raised the result to.
    public var level: Level
    /// Whether it is a modifier (`raise`).
    public var modifier: Bool
    /// Why, in the board's words.
    public var because: String?
    /// Where in the board's document.
    public var source: String?
    /// How its condition evaluated.
    public var explanation: Explanation
    /// How its exception (`unless`) evaluated, when it has one.
    public var exception: Explanation?
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
}

/// A fact whose value is unknown and could raise the level.
public struct InformationNeeded: Sendable, Hashable, Codable {
    /// The fact.
    public var fact: String
    /// The question to ask, for a judgement fact.
    public var question: String?
    /// The highest level its answer could lead to.
    public var couldReach: Level
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
}
