/// Fills a program's slots from one case at one as-of date: each fact, latest grade, event
/// count, duration and fallback value the program reads, derived once, with the functions the
/// explaining evaluator uses (``CaseContext``), so that both paths see the same values.
struct CaseBinder: Sendable {
    private var gradeRegisters = Array(repeating: Int32(-1), count: Vocabulary.domains.count)
    private var readsGrades = false
    private var standard: [(fact: StandardFact, register: Int32, kind: ProgramCompiler.Kind)] = []
    private var board: [(name: String, declaration: FactDeclaration, register: Int32, kind: ProgramCompiler.Kind)] = []
    private var durations: [(duration: Duration, register: Int32)] = []
    /// Event streams: each visited once, counted per window (a position in `windows`, or none
    /// for all time) and measured for `since`.
    private var streams: [(query: EventQuery, counts: [(window: Int?, register: Int32)], since: Int32?)] = []
    /// The distinct windows the counts use: how far back each reaches is worked out once per
    /// case, not once per count (a window of months is a calendar calculation).
    private var windows: [Duration] = []
    private var fallbacks: [(index: Int, register: Int32)] = []
    let strings: [String: Int]

    init(_ program: Program) {
        strings = program.strings
        var streamIndex: [EventQuery: Int] = [:]
        func stream(_ query: EventQuery) -> Int {
            if let index = streamIndex[query] { return index }
            streams.append((query, [], nil))
            streamIndex[query] = streams.count - 1
            return streams.count - 1
        }
        func position(_ window: Duration) -> Int {
            if let index = windows.firstIndex(of: window) { return index }
            windows.append(window)
            return windows.count - 1
        }
        for (slot, register) in program.slots {
            switch slot {
            case .grade(let index):
                gradeRegisters[index] = register
                readsGrades = true
            case .standard(let fact): standard.append((fact, register, ProgramCompiler.kind(of: fact)))
            case .board(let name, let declaration): board.append((name, declaration, register, ProgramCompiler.kind(of: declaration.type)))
            case .duration(let duration): durations.append((duration, register))
            case .count(let query, let window): streams[stream(query)].counts.append((window.map(position), register))
            case .since(let query): streams[stream(query)].since = register
            case .fallback(let index): fallbacks.append((index, register))
            }
        }
    }

    /// Writes every slot's value into `r`. Strings the document never names get ids of their
    /// own for this evaluation, in `extraStrings`. The fallback expressions are evaluated on
    /// `fallbacks` when given, a context that remembers what they derive (histories, streams,
    /// calls) for explaining the same case afterwards; otherwise on a context of their own.
    func bind(_ context: CaseContext, _ program: Program, fallbacks fallbackContext: CaseContext? = nil,
              into r: UnsafeMutablePointer<Interval>, extraStrings: inout [String]) {
        if readsGrades { bindGrades(context, into: r) }
        for (fact, register, kind) in standard {
            r[Int(register)] = encode(context.fact(fact), kind: kind, extraStrings: &extraStrings)
        }
        for (name, declaration, register, kind) in board {
            r[Int(register)] = encode(context.boardFact(name, declaration), kind: kind, extraStrings: &extraStrings)
        }
        for (duration, register) in durations {
            r[Int(register)] = Interval(Double(context.days(duration)))
        }
        let today = context.asOf.dayNumber
        withUnsafeTemporaryAllocation(of: Int.self, capacity: max(windows.count, 1)) { starts in
            // The first day inside each window.
            for (index, window) in windows.enumerated() { starts[index] = today - context.days(window) }
            for (query, counts, since) in streams {
                bindStream(context, query, counts, since, windowStarts: UnsafeBufferPointer(starts), today: today, into: r)
            }
        }
        guard !fallbacks.isEmpty else { return }
        // What the program leaves to the explaining evaluator, on a context of its own that keeps
        // the streams and histories it derives for the next fallback.
        let memoizing = fallbackContext ?? context.sharingFacts(memoize: true)
        for (index, register) in fallbacks {
            var evaluator = ExpressionEvaluator(context: memoizing, document: program.document)
            let (expression, kind) = program.fallbacks[index]
            r[Int(register)] = encode(evaluator.evaluate(expression), kind: kind, extraStrings: &extraStrings)
        }
    }

    /// Counts a stream's dates in each window and finds the latest, in one pass and without
    /// collecting them: as ``EventStream`` would count and measure the sorted dates.
    private func bindStream(
        _ context: CaseContext, _ query: EventQuery, _ counts: [(window: Int?, register: Int32)], _ since: Int32?,
        windowStarts: UnsafeBufferPointer<Int>, today: Int, into r: UnsafeMutablePointer<Interval>
    ) {
        withUnsafeTemporaryAllocation(of: (start: Int, count: Int).self, capacity: max(counts.count, 1)) { windows in
            for (index, (window, _)) in counts.enumerated() {
                windows[index] = (window.map { windowStarts[$0] } ?? Int.min, 0)
            }
            var latest: Int?
            let complete = context.forEachDate(of: query) { date in
                let day = date.dayNumber
                guard day <= today else { return }
                latest = max(latest ?? day, day)
                for index in counts.indices where day >= windows[index].start { windows[index].count += 1 }
            }
            for (index, (_, register)) in counts.enumerated() {
                let count = Double(windows[index].count)
                r[Int(register)] = complete ? Interval(count) : Interval(lower: count, upper: .infinity)
            }
            if let since {
                let days = latest.map { Double(today - $0) }
                if complete {
                    r[Int(since)] = Interval(days ?? Double(CaseContext.never))
                } else {
                    r[Int(since)] = days.map { Interval(lower: 0, upper: $0) } ?? .unknown
                }
            }
        }
    }

    /// Latest grades, in ``CaseContext/forEachLatestGrade(_:asOf:_:)``'s one pass.
    private func bindGrades(_ context: CaseContext, into r: UnsafeMutablePointer<Interval>) {
        let registers = gradeRegisters
        for register in registers where register >= 0 { r[Int(register)] = .unknown }
        CaseContext.forEachLatestGrade(context.facts, asOf: context.asOf) { index, grade in
            if registers[index] >= 0 { r[Int(registers[index])] = Interval(Double(grade)) }
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
        case .undefined: return .undefined
        }
    }
}
