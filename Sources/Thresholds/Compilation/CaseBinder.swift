/// Fills a program's slots from one case at one as-of date: each fact, latest grade, event
/// count and duration the program reads, derived once, with the same functions the explaining
/// evaluator uses (``CaseContext``), so both paths see the same values.
struct CaseBinder {
    /// How the program's slots are derived, prepared once per plan.
    struct Layout: Sendable {
        /// Per domain of ``Vocabulary/domains``: the register of its latest grade, or -1.
        var gradeRegisters: [Int32]
        /// Facts and durations: one value each.
        var values: [(slot: Program.Slot, register: Int32, kind: ProgramCompiler.Kind)]
        /// Event streams: each derived once, then counted per window and measured for `since`.
        var streams: [(query: EventQuery, counts: [(window: Duration?, register: Int32)], since: Int32?)]

        init(_ program: Program) {
            gradeRegisters = Array(repeating: -1, count: Vocabulary.domains.count)
            values = []
            var streams: [EventQuery: (counts: [(window: Duration?, register: Int32)], since: Int32?)] = [:]
            var order: [EventQuery] = []
            for (slot, register) in program.slots {
                switch slot {
                case .grade(let index): gradeRegisters[index] = register
                case .standard(let fact): values.append((slot, register, ProgramCompiler.kind(of: fact)))
                case .board(_, let declaration): values.append((slot, register, ProgramCompiler.kind(of: declaration.type)))
                case .duration: values.append((slot, register, .days))
                case .count(let query, let window):
                    if streams[query] == nil { order.append(query) }
                    streams[query, default: ([], nil)].counts.append((window, register))
                case .since(let query):
                    if streams[query] == nil { order.append(query) }
                    streams[query, default: ([], nil)].since = register
                }
            }
            self.streams = order.map { ($0, streams[$0]?.counts ?? [], streams[$0]?.since) }
        }

        var readsGrades: Bool { gradeRegisters.contains { $0 >= 0 } }
    }

    let layout: Layout
    let strings: [String: Int]

    /// Writes every slot's value into `r`. Strings the document never names get ids of their
    /// own for this evaluation, in `extraStrings`.
    func bind(_ context: CaseContext, into r: UnsafeMutableBufferPointer<Interval>, extraStrings: inout [String]) {
        if layout.readsGrades { bindGrades(context, into: r) }
        for (slot, register, kind) in layout.values {
            let value: Value
            switch slot {
            case .standard(let fact): value = context.fact(fact)
            case .board(let name, let declaration): value = context.boardFact(name, declaration)
            case .duration(let duration): value = .days(context.days(duration))
            default: continue
            }
            r[Int(register)] = encode(value, kind: kind, extraStrings: &extraStrings)
        }
        let today = context.asOf.dayNumber
        for (query, counts, since) in layout.streams {
            let stream = context.derive(query)
            for (window, register) in counts {
                let count = Double(stream.count(since: window.map { today - context.days($0) }))
                r[Int(register)] = stream.complete ? Interval(count) : Interval(lower: count, upper: .infinity)
            }
            if let since {
                let latest = stream.dates.last.map { Double(today - $0.dayNumber) }
                if stream.complete {
                    r[Int(since)] = Interval(latest ?? Double(CaseContext.never))
                } else {
                    r[Int(since)] = latest.map { Interval(lower: 0, upper: $0) } ?? .unknown
                }
            }
        }
    }

    /// Latest grades in one pass over the assessments up to the as-of date: a later assessment
    /// supersedes an earlier one, and of two on the same day the one listed last stands, as in
    /// ``CaseContext/history(_:)``.
    private func bindGrades(_ context: CaseContext, into r: UnsafeMutableBufferPointer<Interval>) {
        let registers = layout.gradeRegisters
        for register in registers where register >= 0 { r[Int(register)] = .unknown }
        guard let assessments = context.facts.assessments, !assessments.isEmpty else { return }
        withUnsafeTemporaryAllocation(of: Int.self, capacity: registers.count) { latest in
            latest.initialize(repeating: Int.min)
            let today = context.asOf.dayNumber
            for assessment in assessments {
                let day = assessment.date.dayNumber
                guard day <= today else { continue }
                for (domain, grade) in assessment.grades {
                    guard let index = Vocabulary.domainIndex[domain], registers[index] >= 0, day >= latest[index] else { continue }
                    latest[index] = day
                    r[Int(registers[index])] = Interval(Double(grade))
                }
            }
        }
    }

    /// A value as a register holds it (see ``Interval``).
    func encode(_ value: Value, kind: ProgramCompiler.Kind, extraStrings: inout [String]) -> Interval {
        switch value {
        case .unknown: return kind == .truth ? .unknownTruth : .unknown
        case .boolean(let flag): return flag ? .true : .false
        case .number(let number): return Interval(number)
        case .range(let lower, let upper): return Interval(lower: lower, upper: upper)
        case .days(let days): return Interval(Double(days))
        case .level(let level): return Interval(Double(level.rank))
        case .date(let date): return Interval(Double(date.dayNumber))
        case .string(let text):
            if let id = strings[text] { return Interval(Double(id)) }
            // Not a string the document names: equal only to itself. Ids below zero never clash.
            if let index = extraStrings.firstIndex(of: text) { return Interval(Double(-1 - index)) }
            extraStrings.append(text)
            return Interval(Double(-extraStrings.count))
        case .list: return .unknown
        }
    }
}
