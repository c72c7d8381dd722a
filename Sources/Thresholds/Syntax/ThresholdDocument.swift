public import ThresholdsDiagnostics

/// A board's threshold document, read from YAML into typed values that keep their source ranges.
/// See `docs/DSL.md` for the language.
public struct ThresholdDocument: Sendable, Hashable {
    /// The file it was read from.
    public var file: String
    /// The DSL version (`thresholds: 1`).
    public var dslVersion: Int
    /// The partnership that publishes it.
    public var board: String
    /// The document's title.
    public var title: String
    /// The board's version of the document (`"2026.2"`).
    public var version: String
    /// The date from which it applies.
    public var effective: LocalDate
    /// The board's published document that this one encodes, cited by explanations.
    public var source: Citation?
    /// A notice shown with every result (e.g. that the document is an example, not policy).
    public var notice: String?
    /// How the board labels and numbers the engine's levels, in level order.
    public var levels: [LevelDefinition]
    /// Facts the board adds to the standard case vocabulary (judgements among them).
    public var facts: [FactDeclaration]
    /// Chronology event kinds the board adds to the standard ones.
    public var events: [EventDeclaration]
    /// Named conditions that define the board's vague terms once.
    public var definitions: [Definition]
    /// Lookup tables (`tables:`): a value by bands of a number or duration, such as the longest
    /// a child of each age may be left alone.
    public var tables: [LookupTable] = []
    /// The rules, in document order. In a composed document (``files`` has more than one file):
    /// the baseline's rules in its order, with overrides in place and removals dropped, then the
    /// document's own.
    public var rules: [Rule]
    /// Baseline rules the document removed, each with the board's reason.
    public var removedRules: [RemovedRule] = []
    /// Every file the document was composed from: the document itself first, then the files it
    /// imports and extends, in the order they were first reached. One file for a standalone document.
    public var files: [String] = []
    /// Facts and definitions whose declarations could not be read (each has its diagnostic):
    /// the checker does not report their uses again as unknown names.
    var unreadableNames: Set<String> = []

    /// The board's label for a level, or its engine name when the board gives none.
    public func label(for level: Level) -> String {
        levels.first { $0.level == level }?.label ?? level.rawValue
    }
}

/// A citation of a published document.
public struct Citation: Sendable, Hashable, Codable {
    /// The document's title.
    public var title: String
    /// Where it is published, when it is.
    public var url: String?
}

/// How a board labels one of the engine's levels.
public struct LevelDefinition: Sendable, Hashable {
    /// The engine's level.
    public var level: Level
    /// The board's name for it, e.g. "Level 3 — Child in Need (s17)".
    public var label: String
    /// The board's own band, which several engine levels may share (most boards put child in
    /// need and child protection both in "Level 4").
    public var band: String?
    /// What practitioners should do at this level.
    public var guidance: String?
    /// Actions recommended whenever this is the recommended level, whichever rule or modifier
    /// led to it (a strategy discussion for every child protection recommendation, say).
    public var actions: [Action] = []
    /// The board's finer published levels within this one, lowest first (single-agency, then
    /// multi-agency early help): rules may target them as `early_help.multi_agency`.
    public var sublevels: [SublevelDefinition] = []
    /// Where it was written.
    public var range: SourceRange
    /// The file it was written in, in a composed document; `nil` in a standalone one.
    public var file: String? = nil
}

/// A published level finer than the engine's: one of the ordered bands a board splits a level
/// into (`early_help.single_agency`, `early_help.multi_agency`).
public struct SublevelDefinition: Sendable, Hashable {
    /// Its name, written after the level: `early_help.multi_agency`.
    public var name: Located<String>
    /// The board's name for it, e.g. "Level 2b — Multi-agency early help".
    public var label: String
    /// What practitioners should do at it.
    public var guidance: String?
}

/// The type of a fact, as declared in a document's `facts:` section.
public enum FactType: Sendable, Hashable, CustomStringConvertible {
    case boolean, integer, number, grade, level, date, duration, string
    /// One of a fixed list of values.
    case enumeration([String])
    /// One of a fixed list of values in order, lowest first (`type: enum`, `ordered: true`): a
    /// board's own scale, such as RAG ratings, compared with `<` and `>=` as well as `==`.
    case scale([String])

    /// The type as written in a document.
    public var description: String {
        switch self {
        case .boolean: "boolean"
        case .integer: "integer"
        case .number: "number"
        case .grade: "grade"
        case .level: "level"
        case .date: "date"
        case .duration: "duration"
        case .string: "string"
        case .enumeration, .scale: "enum"
        }
    }

    /// The type names a declaration may use.
    public static let names = ["boolean", "date", "duration", "enum", "grade", "integer", "level", "number", "string"]
}

/// A fact the board adds to the case vocabulary. A fact with a `question` is a *judgement*: it is
/// put to the practitioner, and while unanswered it is listed under information needed.
public struct FactDeclaration: Sendable, Hashable {
    /// Its name, used in expressions.
    public var name: Located<String>
    /// Its type.
    public var type: FactType
    /// What it means.
    public var description: String?
    /// The question put to the practitioner, for a judgement.
    public var question: String?
    /// Help for answering the question.
    public var help: String?
    /// Where it was written.
    public var range: SourceRange
    /// The file it was written in, in a composed document; `nil` in a standalone one.
    public var file: String? = nil
    /// Which way the fact is a concern (`concerning: higher`, `concerning: true`): what
    /// `thresholds verify` holds the document to, that a worse value never lowers the level.
    /// `nil` when the board gives none: the fact is then held fixed.
    public var concerning: Concern? = nil
}

/// Which value of a fact is the concerning one.
public enum Concern: String, Sendable, Hashable, Codable, CaseIterable {
    /// A higher number, grade, level, duration or scale value is more concerning.
    case higher
    /// A lower value is more concerning (attendance, say).
    case lower
    /// `true` is the concerning answer.
    case isTrue = "true"
    /// `false` is the concerning answer ("can the parents provide good-enough care?").
    case isFalse = "false"
}

/// A chronology event kind the board adds.
public struct EventDeclaration: Sendable, Hashable {
    /// Its name, used in chronology queries.
    public var name: Located<String>
    /// What it records.
    public var description: String?
    /// Where it was written.
    public var range: SourceRange
    /// The file it was written in, in a composed document; `nil` in a standalone one.
    public var file: String? = nil
}

/// A lookup table: a value for each band of a number or duration, used as `name(x)`. Each row
/// applies from its `from` (inclusive) up to the next row's; below the first row the table has
/// no value.
public struct LookupTable: Sendable, Hashable {
    /// The type of what the table is looked up by, and of the values it gives.
    public enum ColumnType: String, Sendable, Hashable, CaseIterable {
        case integer, number, duration, boolean, grade
    }

    /// One band: from `from` (inclusive), the table gives `value`.
    public struct Row: Sendable, Hashable {
        /// Where the band starts: a number, or a duration.
        public var from: TableCell
        /// What the table gives in the band.
        public var value: TableCell
        /// Where it was written.
        public var range: SourceRange
    }

    /// Its name, used as a function: `longest_left_alone(child.age)`.
    public var name: Located<String>
    /// What it gives, in words.
    public var description: String?
    /// The type it is looked up by.
    public var input: ColumnType
    /// The type of its values.
    public var output: ColumnType
    /// Its rows, in increasing `from`.
    public var rows: [Row]
    /// Where it was written.
    public var range: SourceRange
    /// The file it was written in, in a composed document; `nil` in a standalone one.
    public var file: String? = nil
}

/// One cell of a lookup table.
public enum TableCell: Sendable, Hashable, CustomStringConvertible {
    case number(Double)
    case duration(Duration)
    case boolean(Bool)

    /// The cell as written.
    public var description: String {
        switch self {
        case .number(let value): RuleExpression.format(value)
        case .duration(let duration): duration.description
        case .boolean(let flag): String(flag)
        }
    }
}

/// A named condition: one definition of a vague term, reused by name in rules.
public struct Definition: Sendable, Hashable {
    /// Its name, used in expressions.
    public var name: Located<String>
    /// What it means, in words.
    public var description: String?
    /// The condition.
    public var condition: Condition
    /// Where it was written.
    public var range: SourceRange
    /// The file it was written in, in a composed document; `nil` in a standalone one.
    public var file: String? = nil
}

/// What a rule does when it fires.
public enum RuleEffect: Sendable, Hashable {
    /// Recommends at least this level.
    case level(Level)
    /// Recommends the current plan's level moved by `offset` steps (`current_plan + 1`;
    /// `current_plan` keeps a child at their plan's level, as step-down rules do).
    case relativeToCurrentPlan(offset: Int)
    /// A modifier, applied after the base level is found: raises it by `steps`, never above
    /// `ceiling` when one is given.
    case raise(steps: Int, ceiling: Level?)
    /// A procedural trigger: the rule attaches its actions and recommends no level.
    case procedure
}

/// One rule of a threshold document.
public struct Rule: Sendable, Hashable {
    /// Its identifier, unique in the document (`NS-CIN-02`).
    public var id: Located<String>
    /// A short title.
    public var title: String
    /// What it does when it fires.
    public var effect: Located<RuleEffect>
    /// The board's sub-level within the rule's level, for `level: early_help.multi_agency`.
    public var sublevel: Located<String>? = nil
    /// When it fires.
    public var when: Condition
    /// An exception: when true, the rule does not fire.
    public var unless: Condition?
    /// Why, in the board's words; shown in explanations.
    public var because: String?
    /// The citation in the board's own document (`"Continuum of Need §4.2"`).
    public var source: String?
    /// Actions recommended beside the level.
    public var actions: [Action]
    /// Where it was written.
    public var range: SourceRange
    /// The file it was written in, in a composed document; `nil` in a standalone one.
    public var file: String? = nil
    /// The baseline rule it replaces, when the document overrides one (`override:`).
    public var overrides: OverriddenRule? = nil
}

/// A baseline rule that a document replaced with its own, by id: cited beside the new rule so
/// that a reader sees both sources.
public struct OverriddenRule: Sendable, Hashable, Codable {
    /// The baseline file the rule came from.
    public var file: String
    /// The baseline rule's title.
    public var title: String
    /// The baseline rule's citation in the board's document.
    public var source: String?
}

/// A baseline rule that a document dropped (`remove:`), with the reason the board gives.
public struct RemovedRule: Sendable, Hashable {
    /// The removed rule's id, where the document names it.
    public var id: Located<String>
    /// Why the board removed it.
    public var reason: String
    /// The document that removed it.
    public var file: String
    /// The baseline file the rule came from.
    public var baselineFile: String
}

/// An action a rule attaches to a recommendation, beside the level: immediate danger is an
/// action, not a level.
public struct Action: Sendable, Hashable {
    /// What to do.
    public var kind: ActionKind
    /// Within how long, for the actions that take a time (`see_child_within: 24 hours`).
    public var within: Duration?
    /// Free text: a `note`'s words, or the team a `route_to` names.
    public var text: String?
    /// Where it was written.
    public var range: SourceRange
    /// Whether the board requires it or asks that it be considered; `nil` says neither.
    public var strength: ActionStrength? = nil
    /// What its time runs from, when not the as-of date: a dated event or fact
    /// (`from: first(no_access since child_seen)`), or a week of pregnancy (`by: 28 weeks of pregnancy`).
    public var anchor: ActionAnchor? = nil
    /// The event kind that records it done (`done_when: child_seen`); defaults by kind.
    public var doneWhen: String? = nil
    /// Where `done_when` was written.
    public var doneWhenRange: SourceRange? = nil
}

/// How strongly a document asks for an action.
public enum ActionStrength: String, Sendable, Hashable, Codable, CaseIterable {
    /// The procedure requires it.
    case must
    /// The procedure asks that it be considered.
    case consider
}

/// What an action's deadline runs from.
public enum ActionAnchor: Sendable, Hashable {
    /// A date expression: the deadline is `within` after it (`from: first(no_access since child_seen)`).
    case from(RuleExpression)
    /// A week of the current pregnancy, from the child's due date: `by: 28 weeks of pregnancy`.
    case pregnancyWeek(Int)
}

/// The actions the DSL knows.
public enum ActionKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Consider police protection or an emergency protection order now (s46, s44).
    case immediateProtection = "immediate_protection"
    /// Hold a strategy discussion (optionally `within` a time).
    case strategyDiscussion = "strategy_discussion"
    /// See the child within a time.
    case seeChildWithin = "see_child_within"
    /// A manager reviews the case within a time.
    case managerReviewWithin = "manager_review_within"
    /// Consider a legal planning (gateway) meeting.
    case considerLegalPlanningMeeting = "consider_legal_planning_meeting"
    /// Start an early help assessment (with consent).
    case earlyHelpAssessment = "early_help_assessment"
    /// Refer to children's social care.
    case referToSocialCare = "refer_to_social_care"
    /// Offer practical support (housing, money, food).
    case practicalSupport = "practical_support"
    /// A board-specific instruction in words.
    case note
    /// See the child (`see_child: { within: 5 working days, from: … }`).
    case seeChild = "see_child"
    /// A manager reviews the case (`manager_review: { within: 24 hours, from: … }`).
    case managerReview = "manager_review"
    /// Route the case to a team (`route_to: { to: the team that closed the case }`).
    case routeTo = "route_to"

    /// Whether the action needs a `within` duration (`see_child_within: 24 hours`).
    public var requiresDuration: Bool { self == .seeChildWithin || self == .managerReviewWithin }
    /// Whether the action may take a `within` duration.
    public var acceptsDuration: Bool {
        requiresDuration || self == .strategyDiscussion || self == .seeChild || self == .managerReview
            || self == .considerLegalPlanningMeeting || self == .earlyHelpAssessment || self == .referToSocialCare
    }
    /// The event kind that records the action done, by default: what makes a deadline met.
    public var completingEvent: String? {
        switch self {
        case .seeChild, .seeChildWithin: "child_seen"
        case .strategyDiscussion: "strategy_discussion"
        case .managerReview, .managerReviewWithin: "manager_review"
        case .considerLegalPlanningMeeting: "legal_planning_meeting"
        case .earlyHelpAssessment: "assessment"
        case .referToSocialCare: "referral"
        default: nil
        }
    }
}
