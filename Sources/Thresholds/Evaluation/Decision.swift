/// What the fast path returns: the level, whether it is provisional, the rules that fired and
/// the actions they ask for, without explanations.
///
/// It is exactly what ``EvaluationPlan/evaluate(_:asOf:)`` would say about the same case:
/// `level`, `provisional` and `actions` equal the recommendation's, and `firedRules` holds the
/// ids of its fired rules (in document order). Ask for the recommendation when someone will
/// read why.
public struct Decision: Sendable, Hashable {
    /// The recommended level.
    public let level: Level
    /// Whether information that could change the level (or its sub-level) is missing.
    public let provisional: Bool
    /// The board's sub-level within ``level`` that the recommendation reports, if any.
    public let sublevel: String?
    /// The rules that fired, modifiers included, in document order.
    public let firedRules: FiredRules
    /// The actions of the fired rules and of the level, merged as in the recommendation.
    public let actions: [RecommendedAction]
}

/// The ids of the rules that fired, in document order: a set of rule positions over the plan's
/// id table, so that a decision allocates nothing for it on boards of up to 128 rules.
public struct FiredRules: RandomAccessCollection, Sendable, Hashable, CustomStringConvertible {
    /// Every rule id of the document, shared with the plan.
    private let ids: [String]
    /// The positions of the fired rules, ascending.
    private let positions: Positions

    init(ids: [String], positions: Positions) {
        self.ids = ids
        self.positions = positions
    }

    /// The position of the first fired rule: 0.
    public var startIndex: Int { 0 }
    /// How many rules fired.
    public var endIndex: Int { positions.count }
    /// The id of the `index`-th fired rule, in document order.
    public subscript(index: Int) -> String { ids[positions[index]] }

    /// The ids, as a list: `[NS-CIN-01, NS-EH-01]`.
    public var description: String { "[" + joined(separator: ", ") + "]" }

    /// The same ids in the same order.
    public static func == (lhs: FiredRules, rhs: FiredRules) -> Bool { lhs.elementsEqual(rhs) }

    /// Hashes the ids.
    public func hash(into hasher: inout Hasher) {
        for id in self { hasher.combine(id) }
    }

    /// A set of small non-negative integers: two words inline, more words only beyond 128.
    struct Positions: Sendable {
        private var low: UInt64 = 0
        private var high: UInt64 = 0
        private var more: [UInt64] = []

        /// How many positions: counted when asked, not when a decision is made.
        var count: Int { more.reduce(low.nonzeroBitCount + high.nonzeroBitCount) { $0 + $1.nonzeroBitCount } }

        init() {}

        /// Positions 0 to 127, as two words.
        init(low: UInt64, high: UInt64) {
            self.low = low
            self.high = high
        }

        /// The positions whose bits are set in `words`, bit `i % 64` of word `i / 64` standing for `i`.
        init(words: ArraySlice<UInt64>) {
            var rest = words
            low = rest.popFirst() ?? 0
            high = rest.popFirst() ?? 0
            if rest.contains(where: { $0 != 0 }) { more = Array(rest) }
        }

        mutating func insert(_ position: Int) {
            let word = position / 64
            let bit = UInt64(1) << UInt64(position % 64)
            switch word {
            case 0: low |= bit
            case 1: high |= bit
            default:
                while more.count <= word - 2 { more.append(0) }
                more[word - 2] |= bit
            }
        }

        /// The `index`-th smallest position.
        subscript(index: Int) -> Int {
            var remaining = index
            for word in 0 ..< 2 + more.count {
                let bits = word == 0 ? low : word == 1 ? high : more[word - 2]
                let inWord = bits.nonzeroBitCount
                guard remaining < inWord else {
                    remaining -= inWord
                    continue
                }
                var rest = bits
                for _ in 0 ..< remaining { rest &= rest - 1 }  // clear the lowest set bits
                return word * 64 + rest.trailingZeroBitCount
            }
            return -1  // beyond count: not reached through FiredRules' indices
        }
    }
}

/// A case bound to a plan: every value the plan reads, derived from the case once
/// (``EvaluationPlan/bind(_:asOf:)``). Deciding it runs the compiled program alone.
public final class BoundCase: Sendable {
    /// The case's facts, to bind again should the case reach another plan.
    let facts: CaseFacts
    /// The as-of date the values were derived at.
    public let asOf: LocalDate
    /// The program's slot registers.
    let slots: [Interval]
    /// The child's plan at the as-of date, which relative levels count from.
    let currentPlan: Level?
    /// The plan bound to.
    let plan: any AnyObject & Sendable

    init(facts: CaseFacts, asOf: LocalDate, slots: [Interval], currentPlan: Level?, plan: any AnyObject & Sendable) {
        self.facts = facts
        self.asOf = asOf
        self.slots = slots
        self.currentPlan = currentPlan
        self.plan = plan
    }
}
