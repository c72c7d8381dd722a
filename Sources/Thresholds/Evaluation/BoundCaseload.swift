/// A caseload bound to a plan at one as-of date: every value the plan reads, derived from each
/// case once (``EvaluationPlan/bind(_:asOf:)-([CaseFacts],_)``), held as one matrix with a row
/// per case.
///
/// Deciding it (``EvaluationPlan/decide(_:)-(BoundCaseload)``) reads the rows where they lie,
/// 64 cases at a time when the document is logic over comparisons, and keeps the results as
/// columns. Bind a caseload in batches of a size that suits the service: the matrix holds every
/// case of the batch.
public struct BoundCaseload: Sendable {
    /// The as-of date every case was bound at.
    public let asOf: LocalDate
    /// The cases, in order: to bind again should the caseload reach another plan, and for the
    /// actions of a decision.
    let facts: [CaseFacts]
    /// Each case's slot registers, one row of `stride` values per case.
    let slots: [Interval]
    let stride: Int
    /// For each chunk of 64 cases, a word per slot: bit `j` set when the chunk's case `j` has a
    /// known value there (a point), as a column store keeps validity bits beside its values.
    let known: [UInt64]
    /// Each case's plan at the as-of date, which relative levels count from.
    let currentPlans: [Level?]
    /// The plan bound to.
    let plan: EvaluationPlan

    /// How many cases.
    public var count: Int { facts.count }

    /// Runs `body` with the address of the first case's row and of the first chunk's known
    /// words. A program without slots reads neither, and an empty array has no address: a
    /// spare one serves then.
    func withRows<Result>(_ body: (UnsafePointer<Interval>, UnsafePointer<UInt64>) -> Result) -> Result {
        withUnsafeTemporaryAllocation(of: Interval.self, capacity: 1) { spareRow in
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 1) { spareWord in
                slots.withUnsafeBufferPointer { matrix in
                    known.withUnsafeBufferPointer { words in
                        // A temporary allocation of one always has an address.
                        let row = spareRow.baseAddress ?? UnsafeMutablePointer<Interval>.allocate(capacity: 1)
                        let word = spareWord.baseAddress ?? UnsafeMutablePointer<UInt64>.allocate(capacity: 1)
                        return body(matrix.baseAddress ?? UnsafePointer(row), words.baseAddress ?? UnsafePointer(word))
                    }
                }
            }
        }
    }
}

/// The decisions about a bound caseload, in the cases' order: each is exactly the ``Decision``
/// its case gets on its own (``EvaluationPlan/decide(_:)-(BoundCase)``).
///
/// Decided bit-sliced, they are kept as columns (each case's level, provisional flag and fired
/// rules as bits) and a ``Decision`` is made when one is read; ``level(at:)``,
/// ``isProvisional(at:)`` and ``firedRules(at:)`` read the columns alone.
public struct CaseloadDecisions: RandomAccessCollection, Sendable {
    enum Storage: Sendable {
        /// Decided one case at a time.
        case each([Decision])
        /// Decided in slices.
        case columns(DecisionColumns)
    }

    let storage: Storage
    let caseload: BoundCaseload

    /// The first case's position: 0.
    public var startIndex: Int { 0 }
    /// How many cases.
    public var endIndex: Int { caseload.count }

    /// The decision about the `index`-th case.
    public subscript(index: Int) -> Decision {
        switch storage {
        case .each(let decisions):
            return decisions[index]
        case .columns(let columns):
            let level = columns.level(index)
            let fired = columns.positions(index)
            return Decision(level: level, provisional: columns.isProvisional(index), sublevel: nil,
                            firedRules: FiredRules(ids: caseload.plan.ruleIDs, positions: fired),
                            actions: caseload.plan.actions(fired: fired, level: level, facts: { caseload.facts[index] },
                                                           asOf: caseload.asOf))
        }
    }

    /// The recommended level of the `index`-th case.
    public func level(at index: Int) -> Level {
        switch storage {
        case .each(let decisions): decisions[index].level
        case .columns(let columns): columns.level(index)
        }
    }

    /// Whether the `index`-th case's decision is provisional.
    public func isProvisional(at index: Int) -> Bool {
        switch storage {
        case .each(let decisions): decisions[index].provisional
        case .columns(let columns): columns.isProvisional(index)
        }
    }

    /// The rules that fired for the `index`-th case, in document order.
    public func firedRules(at index: Int) -> FiredRules {
        switch storage {
        case .each(let decisions): decisions[index].firedRules
        case .columns(let columns): FiredRules(ids: caseload.plan.ruleIDs, positions: columns.positions(index))
        }
    }
}

/// A sliced decision of many cases as columns: each case's level rank, a provisional bit, and
/// its fired rules as words of bits.
struct DecisionColumns: Sendable {
    /// Words of fired rules per case: one per 64 rules.
    let wordsPerCase: Int
    var ranks: [UInt8]
    /// Bit `j % 64` of word `j / 64`: case `j` is provisional.
    var provisional: [UInt64]
    /// Case `j`'s fired rules: words `j * wordsPerCase ..< (j + 1) * wordsPerCase`.
    var fired: [UInt64]

    init(cases: Int, rules: Int) {
        wordsPerCase = max((rules + 63) / 64, 1)
        ranks = Array(repeating: 0, count: cases)
        provisional = Array(repeating: 0, count: (cases + 63) / 64)
        fired = Array(repeating: 0, count: cases * wordsPerCase)
    }

    func level(_ index: Int) -> Level { Level(rank: Int(ranks[index])) }

    func isProvisional(_ index: Int) -> Bool { provisional[index / 64] & (1 << UInt64(index % 64)) != 0 }

    func positions(_ index: Int) -> FiredRules.Positions {
        let first = index * wordsPerCase
        guard wordsPerCase > 2 else {
            return FiredRules.Positions(low: fired[first], high: wordsPerCase == 2 ? fired[first + 1] : 0)
        }
        return FiredRules.Positions(words: fired[first ..< first + wordsPerCase])
    }
}

extension EvaluationPlan {
    /// Binds a caseload at one as-of date: each case's values derived once, as
    /// ``bind(_:asOf:)-(CaseFacts,_)`` derives them, into one matrix.
    public func bind(_ cases: [CaseFacts], asOf: LocalDate) -> BoundCaseload {
        let stride = program.slots.count
        var slots: [Interval] = []
        slots.reserveCapacity(cases.count * stride)
        var plans: [Level?] = []
        plans.reserveCapacity(cases.count)
        withRegisters { r in
            let row = r + program.constantCount
            for facts in cases {
                row.update(repeating: .unknown, count: stride)
                bind(facts, asOf: asOf, into: r)
                slots.append(contentsOf: UnsafeBufferPointer(start: row, count: stride))
                plans.append(CaseContext.currentPlanLevel(facts, asOf: asOf))
            }
        }
        let width = SlicedProgram.width
        var known = [UInt64](repeating: 0, count: (cases.count + width - 1) / width * stride)
        slots.withUnsafeBufferPointer { matrix in
            known.withUnsafeMutableBufferPointer { words in
                guard let rows = matrix.baseAddress, let words = words.baseAddress else { return }
                for (chunk, start) in Swift.stride(from: 0, to: cases.count, by: width).enumerated() {
                    SlicedProgram.knownWords(rows: rows + start * stride, count: min(width, cases.count - start), stride: stride,
                                             into: words + chunk * stride)
                }
            }
        }
        return BoundCaseload(asOf: asOf, facts: cases, slots: slots, stride: stride, known: known, currentPlans: plans, plan: self)
    }

    /// Decides a bound caseload: the same decisions, in the same order, as deciding each case.
    ///
    /// Where ``decidesInSlices`` holds, the cases are decided 64 at a time from the caseload's
    /// matrix, and the result keeps them as columns; otherwise each case is decided on its own.
    /// A caseload bound to another plan is bound again to this one.
    public func decide(_ caseload: BoundCaseload) -> CaseloadDecisions {
        guard caseload.plan === self, caseload.stride == program.slots.count else {
            return decide(bind(caseload.facts, asOf: caseload.asOf))
        }
        let count = caseload.count
        let stride = caseload.stride
        return caseload.withRows { rows, known in
            guard let sliced else {
                let decisions = (0 ..< count).map { index in
                    decide(row: rows + index * stride, facts: { caseload.facts[index] }, asOf: caseload.asOf,
                           currentPlan: caseload.currentPlans[index])
                }
                return CaseloadDecisions(storage: .each(decisions), caseload: caseload)
            }
            var columns = DecisionColumns(cases: count, rules: sliced.rules.count)
            for (chunk, start) in Swift.stride(from: 0, to: count, by: SlicedProgram.width).enumerated() {
                decide(sliced, rows: rows + start * stride, count: min(SlicedProgram.width, count - start), known: known + chunk * stride,
                       plans: { caseload.currentPlans[start + $0] }, into: &columns, at: start)
            }
            return CaseloadDecisions(storage: .columns(columns), caseload: caseload)
        }
    }

    /// One chunk of at most 64 cases, whose slots are the rows at `rows`, bit-sliced: each
    /// rule's fired and undecided cases as words, gathered per level, then each case's level,
    /// provisional flag and fired rules read off the words into `columns` from case `first`
    /// (a multiple of 64).
    func decide(
        _ sliced: SlicedProgram, rows: UnsafePointer<Interval>, count: Int, known: UnsafePointer<UInt64>?, plans: (Int) -> Level?,
        into columns: inout DecisionColumns, at first: Int
    ) {
        let levels = Level.allCases.count
        // One allocation for every word the chunk needs: each truth's two words; per level, the
        // cases whose rules fired, fired with their exception ruled out, were undecided, and are
        // on that plan.
        let capacity = 2 * sliced.truthCount + 4 * levels
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: capacity) { words in
            guard let certain = words.baseAddress else { return }
            let refuted = certain + sliced.truthCount
            let firedAt = refuted + sliced.truthCount
            let confirmedAt = firedAt + levels
            let undecidedAt = confirmedAt + levels
            let onPlan = undecidedAt + levels
            firedAt.initialize(repeating: 0, count: 4 * levels)
            sliced.run(cases: count, rows: rows, known: known, certain: certain, refuted: refuted)
            let all: UInt64 = count == SlicedProgram.width ? .max : (UInt64(1) << UInt64(count)) - 1
            // The cases on each plan, by rank, and those whose plan is unknown: for the rules
            // whose level is relative to the plan.
            var planUnknown = UInt64(0)
            for index in 0 ..< count {
                let bit = UInt64(1) << UInt64(index)
                if let plan = plans(index) { onPlan[plan.rank] |= bit } else { planUnknown |= bit }
            }
            let stride = columns.wordsPerCase
            columns.fired.withUnsafeMutableBufferPointer { firedWords in
                guard let firedRows = firedWords.baseAddress.map({ $0 + first * stride }) else { return }
                for (index, rule) in sliced.rules.enumerated() {
                    let when = Int(rule.when)
                    let excepted = rule.unless.map { certain[Int($0)] } ?? 0
                    let exceptionRuledOut = rule.unless.map { refuted[Int($0)] } ?? .max
                    var fired = certain[when] & ~excepted & all
                    let undecided = ~certain[when] & ~refuted[when] & ~excepted & all
                    let target = ruleTargets[index]
                    if target.relative {
                        for plan in 0 ..< levels where onPlan[plan] != 0 {
                            let rank = Level(rank: plan).offset(by: target.rank).rank
                            firedAt[rank] |= fired & onPlan[plan]
                            confirmedAt[rank] |= fired & exceptionRuledOut & onPlan[plan]
                            undecidedAt[rank] |= undecided & onPlan[plan]
                        }
                        // Relative to an unknown plan, the rule waits on the plan, reaching as high as
                        // it would from a child protection plan.
                        undecidedAt[Level.childProtection.offset(by: target.rank).rank] |= (fired | undecided) & planUnknown
                        fired &= ~planUnknown
                    } else {
                        firedAt[target.rank] |= fired
                        confirmedAt[target.rank] |= fired & exceptionRuledOut
                        undecidedAt[target.rank] |= undecided
                    }
                    // Each case that the rule fired for gets the rule's bit.
                    let word = index / 64
                    let bit = UInt64(1) << UInt64(index % 64)
                    while fired != 0 {
                        firedRows[fired.trailingZeroBitCount * stride + word] |= bit
                        fired &= fired - 1
                    }
                }
            }
            // Each case's level is the highest its rules reached. It is provisional when the rules
            // that reached it all wait on an exception, or a rule above it is undecided. Rules
            // confirmed at a level also fired there, so the first condition is "not confirmed at
            // the case's own level"; the levels are read from the top down, as words.
            var reached = UInt64(0)
            var provisional = UInt64(0)
            columns.ranks.withUnsafeMutableBufferPointer { ranks in
                for rank in Swift.stride(from: levels - 1, to: 0, by: -1) {
                    let newly = firedAt[rank] & ~reached
                    reached |= newly
                    provisional |= newly & ~confirmedAt[rank] | undecidedAt[rank] & ~reached
                    var bits = newly
                    while bits != 0 {
                        ranks[first + bits.trailingZeroBitCount] = UInt8(rank)
                        bits &= bits - 1
                    }
                }
            }
            columns.provisional[first / 64] = provisional & all
        }
    }
}
