/// A checked document compiled to a flat register program: what the fast path runs.
///
/// Registers hold ``Interval``s. The first registers are constants (filled from
/// ``Program/template``) and *slots*: facts, latest grades, event counts and durations that
/// ``CaseBinder`` derives from a case once per evaluation. Each instruction then computes one
/// register from earlier ones, in order, exactly once: an expression that several rules or
/// definitions share (`count(domains where grade >= 4)`, a definition) is compiled once and
/// read by all of them. Instructions are plain values in a contiguous array, so running a
/// program is one loop over them with no allocation, no name look-up and no tree walk.
struct Program: Sendable {
    /// One step: `destination = op(operands)`.
    struct Instruction: Sendable, Hashable {
        enum Operation: UInt8, Sendable, Hashable {
            /// Kleene conjunction / disjunction of the registers `operands[a ..< a + b]`.
            case and, or
            /// Kleene conjunction / disjunction of registers `a` and `b`.
            case and2, or2
            /// Kleene negation of register `a`.
            case not
            /// True when at least `k` of `operands[a ..< a + b]` are true, false when fewer can be.
            case atLeast
            /// How many of `operands[a ..< a + b]` are true: certainly (lower) and possibly (upper).
            case countTrue
            /// Whether register `a` is known (`k` = 1) or unknown (`k` = 0).
            case known
            /// Interval comparison of `a` and `b` (see ``Interval/compare(_:_:_:)``).
            case less, lessOrEqual, greater, greaterOrEqual, equal, notEqual
            /// `known(a) and a <op> b`, the guard a board writes before comparing a fact that may
            /// be missing, in one step: false when `a` is unknown, the comparison otherwise. `k`
            /// is the operator.
            case guardedCompare
            /// Interval arithmetic on `a` and `b`; `k` is the operator.
            case arithmetic
            /// A product or quotient of two day counts: unknown when both are exact day counts
            /// (a duration times a duration means nothing), interval arithmetic otherwise.
            case dayProduct
            /// A date `a` moved by a number of days `b`, forwards (`k` = add) or backwards.
            case dateShift
            /// The days between two known dates, `a - b`.
            case dateDifference
            /// The highest (`maximum`) or lowest latest grade of `operands[a ..< a + b]`: exact
            /// when every grade is known, otherwise bounded by the known ones and the scale.
            case maximum, minimum
            /// Whether every register of `operands[a ..< a + b]` is known.
            case allKnown
        }

        var operation: Operation
        var destination: Int32
        var a: Int32 = 0
        var b: Int32 = 0
        var k: Int32 = 0
    }

    /// What a slot holds, derived from the case by ``CaseBinder``.
    enum Slot: Sendable, Hashable {
        case standard(StandardFact)
        case board(String, FactDeclaration)
        /// The latest grade of the domain at this index of ``Vocabulary/domains``.
        case grade(Int)
        case duration(Duration)
        /// Events of a stream on or after the window's start (all of them without a window).
        case count(EventQuery, window: Duration?)
        /// Time since the latest event of a stream.
        case since(EventQuery)
        /// What the program leaves to the explaining evaluator: fallback expression `index`.
        case fallback(Int)
    }

    /// The document compiled, for the fallback expressions.
    let document: CompiledDocument
    /// The constants, which fill the first registers.
    var template: [Interval] = []
    /// How many registers the constants take; the slots follow them, then the instructions.
    var constantCount = 0
    /// Which register each slot fills.
    var slots: [(slot: Slot, register: Int32)] = []
    var code: [Instruction] = []
    /// Operand lists of the n-ary instructions.
    var operands: [Int32] = []
    /// Expressions the fast path leaves to the explaining evaluator, with what they return.
    var fallbacks: [(expression: CompiledExpression, kind: ProgramCompiler.Kind)] = []
    /// How many registers a run needs.
    var registerCount = 0
    /// Interned strings: every string constant the document compares with.
    var strings: [String: Int] = [:]
    /// Per rule: the registers holding its `when` and, if it has one, its `unless`.
    var rules: [(when: Int32, unless: Int32?)] = []
    /// Each rule's `when` expressions, depth first as ``CompiledCondition`` holds them, with the
    /// register holding each one's truth, one list for all rules: rule `i`'s are
    /// `leaves[leafStarts[i] ..< leafStarts[i + 1]]`. The register is -1 for an expression the
    /// program does not compute on its own (a part of a guarded comparison). Explaining a rule
    /// that did not fire reads which of its expressions are false here, and explains only those.
    var leaves: [(register: Int32, expression: CompiledExpression)] = []
    var leafStarts: [Int] = [0]
    /// Per memo slot of the document's calls (``CompiledExpression/memo``): the register that
    /// holds the call's value when the program computes it and a rule reads it, otherwise -1.
    /// Explaining reads a call's known value from here instead of computing it again.
    var calls: [Int32] = []

    init(document: CompiledDocument) {
        self.document = document
    }

    /// Runs the program over registers whose constants and slots are filled.
    func run(_ r: UnsafeMutablePointer<Interval>) {
        // Every index below was produced by ProgramCompiler, which only refers to registers and
        // operands it has allocated, so the buffers are read without bounds checks.
        code.withUnsafeBufferPointer { code in
            operands.withUnsafeBufferPointer { list in
                for instruction in code {
                    let a = Int(instruction.a)
                    let b = Int(instruction.b)
                    let result: Interval
                    switch instruction.operation {
                    case .and, .or:
                        // Kleene `and` is the minimum of the bounds, `or` the maximum.
                        let conjunction = instruction.operation == .and
                        var lower = conjunction ? 1.0 : 0.0
                        var upper = lower
                        for index in a ..< a + b {
                            let part = r[Int(list[index])]
                            lower = conjunction ? min(lower, part.lower) : max(lower, part.lower)
                            upper = conjunction ? min(upper, part.upper) : max(upper, part.upper)
                        }
                        result = Interval(lower: lower, upper: upper)
                    case .and2:
                        result = Interval(lower: min(r[a].lower, r[b].lower), upper: min(r[a].upper, r[b].upper))
                    case .or2:
                        result = Interval(lower: max(r[a].lower, r[b].lower), upper: max(r[a].upper, r[b].upper))
                    case .not:
                        result = Interval(lower: 1 - r[a].upper, upper: 1 - r[a].lower)
                    case .countTrue, .atLeast:
                        var certain = 0.0
                        var possible = 0.0
                        for index in a ..< a + b {
                            let part = r[Int(list[index])]
                            certain += part.lower
                            possible += part.upper
                        }
                        if instruction.operation == .countTrue {
                            result = Interval(lower: certain, upper: possible)
                        } else {
                            let wanted = Double(instruction.k)
                            result = certain >= wanted ? .true : (possible < wanted ? .false : .unknownTruth)
                        }
                    case .known:
                        result = r[a].isKnown == (instruction.k == 1) ? .true : .false
                    case .less: result = Interval(Interval.compare(r[a], .less, r[b]))
                    case .lessOrEqual: result = Interval(Interval.compare(r[a], .lessOrEqual, r[b]))
                    case .greater: result = Interval(Interval.compare(r[a], .greater, r[b]))
                    case .greaterOrEqual: result = Interval(Interval.compare(r[a], .greaterOrEqual, r[b]))
                    case .equal: result = Interval(Interval.compare(r[a], .equal, r[b]))
                    case .notEqual: result = Interval(Interval.compare(r[a], .notEqual, r[b]))
                    case .guardedCompare:
                        result = r[a].isKnown ? Interval(Interval.compare(r[a], Self.op(instruction.k), r[b])) : .false
                    case .arithmetic:
                        result = Interval.arithmetic(Self.op(instruction.k), r[a], r[b]) ?? .unknown
                    case .dayProduct:
                        let both = r[a].isKnown && r[b].isKnown
                        result = both ? .unknown : Interval.arithmetic(Self.op(instruction.k), r[a], r[b]) ?? .unknown
                    case .dateShift:
                        result = Self.shift(r[a], by: r[b], forwards: Self.op(instruction.k) == .add)
                    case .dateDifference:
                        result = r[a].isKnown && r[b].isKnown ? Interval(r[a].lower - r[b].lower) : .unknown
                    case .maximum, .minimum:
                        result = Self.extreme(r, list, a ..< a + b, highest: instruction.operation == .maximum)
                    case .allKnown:
                        var all = true
                        for index in a ..< a + b where !r[Int(list[index])].isKnown { all = false }
                        result = all ? .true : .false
                    }
                    r[Int(instruction.destination)] = result
                }
            }
        }
    }

    /// The operator an instruction's `k` names (by its position in `BinaryOperator.allCases`).
    @inline(__always)
    static func op(_ code: Int32) -> BinaryOperator {
        switch code {
        case 0: .or
        case 1: .and
        case 2: .equal
        case 3: .notEqual
        case 4: .less
        case 5: .lessOrEqual
        case 6: .greater
        case 7: .greaterOrEqual
        case 8: .add
        case 9: .subtract
        case 10: .multiply
        default: .divide
        }
    }

    static func code(of op: BinaryOperator) -> Int32 {
        Int32(BinaryOperator.allCases.firstIndex(of: op) ?? 0)
    }

    private static func shift(_ date: Interval, by days: Interval, forwards: Bool) -> Interval {
        guard date.isKnown, days.isKnown, let day = Int(exactly: date.lower), let count = Int(exactly: days.lower),
              let start = LocalDate(dayNumber: day), let shifted = start.adding(days: forwards ? count : -count)
        else { return .unknown }
        return Interval(Double(shifted.dayNumber))
    }

    /// `max`/`min` of grades, as the explaining evaluator computes them: exact when all are
    /// known; otherwise from the known extreme (or the scale's end) to the scale's other end.
    private static func extreme(
        _ r: UnsafeMutablePointer<Interval>, _ list: UnsafeBufferPointer<Int32>, _ range: Range<Int>, highest: Bool
    ) -> Interval {
        var best: Double?
        var allKnown = true
        for index in range {
            let grade = r[Int(list[index])]
            guard grade.isKnown else {
                allKnown = false
                continue
            }
            best = best.map { highest ? max($0, grade.lower) : min($0, grade.lower) } ?? grade.lower
        }
        if allKnown { return best.map { Interval($0) } ?? .unknown }
        return highest ? Interval(lower: best ?? 1, upper: 5) : Interval(lower: 1, upper: best ?? 5)
    }
}
