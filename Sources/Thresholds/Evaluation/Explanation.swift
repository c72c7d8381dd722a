/// A value in three-valued logic.
public enum Truth: String, Sendable, Hashable, Codable {
    case `true`, `false`, unknown

    /// `true`/`false` for a known boolean; ``unknown`` for `nil`.
    public init(_ flag: Bool?) {
        switch flag {
        case true?: self = .true
        case false?: self = .false
        case nil: self = .unknown
        }
    }

    /// Kleene negation: `not unknown` is unknown.
    public var negated: Truth {
        switch self {
        case .true: .false
        case .false: .true
        case .unknown: .unknown
        }
    }

    /// Kleene conjunction: false if any is false, true if all are true, otherwise unknown.
    public static func all(_ values: [Truth]) -> Truth {
        values.contains(.false) ? .false : (values.contains(.unknown) ? .unknown : .true)
    }

    /// Kleene disjunction: true if any is true, false if all are false, otherwise unknown.
    public static func any(_ values: [Truth]) -> Truth {
        values.contains(.true) ? .true : (values.contains(.unknown) ? .unknown : .false)
    }

    var value: Value {
        switch self {
        case .true: .boolean(true)
        case .false: .boolean(false)
        case .unknown: .unknown
        }
    }
}

/// A fact (or a function's result) read while evaluating a condition, with its value.
public struct Reading: Sendable, Hashable, Codable {
    /// The fact's name (`domain.hygiene`), a definition's name, or a call (`count(referral in last 12 months)`).
    public var name: String
    /// The value as shown: `4`, `true`, `45 days`, `2…3`, `unknown`.
    public var value: String
    /// Whether the value is known.
    public var known: Bool
    /// For a judgement fact, the question put to the practitioner.
    public var question: String?
    /// Whether knowing this value could change the result (false for `known(x)`).
    var needed = true
    /// Whether knowing this value alone could decide the condition it was read in, given what
    /// else is known; false when another unknown must also be answered (`a and b`, both unknown).
    var decisive = true

    /// What a practitioner would answer at once: every domain grade comes from one assessment,
    /// and a date of birth (or due date) gives the child's age and whether the child is born.
    var answerKey: String {
        if name.hasPrefix("domain.") { return "domain" }
        if ["child.age", "child.unborn", "child.date_of_birth"].contains(name) { return "child.birth" }
        return name
    }

    init(name: String, value: Value, question: String? = nil) {
        self.name = name
        self.value = value.display
        self.known = value.isKnown
        self.question = question
    }

    enum CodingKeys: String, CodingKey { case name, value, known, question }
}

/// How one condition evaluated: its text, its truth, the facts it read, and its parts.
public struct Explanation: Sendable, Hashable, Codable {
    /// The expression (`domain.hygiene >= 3`), or the combinator (`all of`, `any of`, `not`, `at least 2 of`).
    public var condition: String
    /// How it evaluated.
    public var result: Truth
    /// The facts an expression read, with their values (empty for combinators).
    public var readings: [Reading]
    /// The parts of a combinator.
    public var parts: [Explanation]

    /// Calls `body` with each expression in this tree that evaluated to `truth`, depth first.
    func forEachLeaf(_ truth: Truth, _ body: (Explanation) -> Void) {
        guard !parts.isEmpty else {
            if result == truth { body(self) }
            return
        }
        for part in parts { part.forEachLeaf(truth, body) }
    }

    /// The readings that decided this tree's result: for a combinator, only those of the parts
    /// whose result is the tree's own (a false part of a false `all of`, say).
    var decidingReadings: [Reading] {
        guard !parts.isEmpty else { return readings }
        let deciding = parts.filter { $0.result == result }
        return (deciding.isEmpty ? parts : deciding).flatMap(\.decidingReadings)
    }

    /// The unknown readings that decide this tree: only parts that are themselves unknown.
    var neededReadings: [Reading] {
        guard result == .unknown else { return [] }
        if parts.isEmpty { return readings.filter { !$0.known && $0.needed } }
        return parts.flatMap(\.neededReadings)
    }

    /// Marks every reading in the tree as deciding nothing on its own.
    mutating func markShared() {
        for index in readings.indices { readings[index].decisive = false }
        for index in parts.indices { parts[index].markShared() }
    }

    /// For a conjunction that is unknown: when its unknown parts wait on more than one answer,
    /// no single answer decides it, so their readings are marked shared.
    static func shareConjunction(_ parts: inout [Explanation]) {
        let unknown = parts.indices.filter { parts[$0].result == .unknown }
        let answers = Set(unknown.flatMap { parts[$0].neededReadings.map(\.answerKey) })
        guard answers.count > 1 else { return }
        for index in unknown { parts[index].markShared() }
    }
}
