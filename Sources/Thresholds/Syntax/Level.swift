/// The engine's five outcome levels, in order. Boards label and number them in their own way
/// (see ``LevelDefinition``); the engine compares them by this order.
public enum Level: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Needs met by universal services; no further action.
    case universal
    /// Early help (Working Together 2023, chapter 3): needs consent.
    case earlyHelp = "early_help"
    /// Child in need, Children Act 1989 section 17: assessment and plan, with consent.
    case childInNeed = "child_in_need"
    /// Child protection, section 47: enquiry, conference and plan.
    case childProtection = "child_protection"
    /// Pre-proceedings under the Public Law Outline: letter before proceedings.
    case preProceedings = "pre_proceedings"

    /// The level named `rawValue` (`child_in_need`), or `nil`. Written out, rather than
    /// synthesised, so that a name is compared with the one level of its length: names are
    /// looked up as levels for every rule and every name an expression reads.
    public init?(rawValue: String) {
        let candidate: Level
        switch rawValue.utf8.count {
        case 9: candidate = .universal
        case 10: candidate = .earlyHelp
        case 13: candidate = .childInNeed
        case 15: candidate = .preProceedings
        case 16: candidate = .childProtection
        default: return nil
        }
        guard rawValue == candidate.rawValue else { return nil }
        self = candidate
    }

    /// The position in the order, 0 for ``universal``.
    public var rank: Int {
        switch self {
        case .universal: 0
        case .earlyHelp: 1
        case .childInNeed: 2
        case .childProtection: 3
        case .preProceedings: 4
        }
    }

    /// The level `offset` steps above (or below) this one, clamped to the scale.
    public func offset(by steps: Int) -> Level {
        // Any offset of four steps or more reaches an end of the scale (and cannot overflow).
        Level(rank: steps >= 4 ? 4 : steps <= -4 ? 0 : rank + steps)
    }

    /// The level at a position in the order; ``preProceedings`` beyond the top.
    init(rank: Int) {
        switch rank {
        case ...0: self = .universal
        case 1: self = .earlyHelp
        case 2: self = .childInNeed
        case 3: self = .childProtection
        default: self = .preProceedings
        }
    }

    /// In the order of the scale, universal first.
    public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rank < rhs.rank }
}
