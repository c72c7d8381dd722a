/// Evaluates compiled expressions over one case in Kleene's three-valued logic, recording every
/// fact it reads so that explanations and "information needed" come from the evaluation itself.
struct ExpressionEvaluator {
    let context: CaseContext
    let document: CompiledDocument
    /// The facts read, in order; a definition contributes its own name and the facts that decided it.
    var readings: [Reading] = []
    /// Inside `where`: the grade of the domain being filtered.
    private var filterGrade: Value?
    /// Inside `where`: the domain being filtered, whose history `streak(grade …)` reads.
    private var filterDomain: String?
    /// Inside `streak`/`oscillating`: one domain's grade at one assessment.
    private var gradeOverride: (domain: String, grade: Int)?
    /// Definitions being evaluated, to stop a cycle the checker would have reported.
    private var active: [Int] = []
    /// Above zero while evaluating what is read only for its value (a `where` filter per domain,
    /// a history per assessment): readings are then not built at all.
    private var muted = 0

    /// The values the compiled program found for the document's calls, by memo slot
    /// (``Program/calls``); a call whose value is known there is not computed again.
    private let calls: [Interval]

    init(context: CaseContext, document: CompiledDocument, calls: [Interval] = []) {
        self.context = context
        self.document = document
        self.calls = calls
    }

    // MARK: Conditions

    /// Evaluates a condition into an explanation tree.
    mutating func explain(_ condition: CompiledCondition) -> Explanation {
        switch condition {
        case .expression(let expression):
            return explain(expression)
        case .all(let parts):
            var children = parts.map { explain($0) }
            let result = Truth.all(children.map(\.result))
            if result == .unknown { Explanation.shareConjunction(&children) }
            return Explanation(condition: "all of", result: result, readings: [], parts: children)
        case .any(let parts):
            let children = parts.map { explain($0) }
            return Explanation(condition: "any of", result: Truth.any(children.map(\.result)), readings: [], parts: children)
        case .not(let part):
            let child = explain(part)
            return Explanation(condition: "not", result: child.result.negated, readings: [], parts: [child])
        case .atLeast(let count, let parts):
            var children = parts.map { explain($0) }
            let trueCount = children.filter { $0.result == .true }.count
            let possible = children.filter { $0.result != .false }.count
            let result: Truth = trueCount >= count ? .true : (possible < count ? .false : .unknown)
            // One more true part is an `any`; two or more are a conjunction of the unknown parts.
            if result == .unknown, trueCount < count - 1 { Explanation.shareConjunction(&children) }
            return Explanation(condition: "at least \(count) of", result: result, readings: [], parts: children)
        }
    }

    /// Explains one expression of a condition: its text, its truth and the facts it read.
    mutating func explain(_ expression: CompiledExpression) -> Explanation {
        let start = readings.count
        let value = evaluate(expression)
        let read = Self.unique(readings[start...])
        return Explanation(condition: expression.text, result: Truth(value.truth), readings: read, parts: [])
    }

    /// The readings of one condition, each fact once: a fact read twice (`attendance <= 90 and
    /// attendance > 50`) is shown once, deciding on its own if either reading did.
    /// `extra` leaves room for that many more, which the caller will append.
    static func unique(_ readings: ArraySlice<Reading>, extra: Int = 0) -> [Reading] {
        var result: [Reading] = []
        result.reserveCapacity(readings.count + extra)
        for reading in readings {
            // A condition reads a handful of facts: a linear search beats hashing them.
            if let index = result.firstIndex(where: { $0.name == reading.name && $0.value == reading.value }) {
                result[index].decisive = result[index].decisive || reading.decisive
                result[index].needed = result[index].needed || reading.needed
            } else {
                result.append(reading)
            }
        }
        return result
    }

    // MARK: Expressions

    mutating func evaluate(_ expression: CompiledExpression) -> Value {
        guard expression.memo >= 0, muted == 0, filterDomain == nil, gradeOverride == nil else { return compute(expression) }
        // A call outside any filter or history reads only the case: the same wherever it is written.
        if let known = context.call(expression.memo) {
            readings += known.readings
            return known.value
        }
        let start = readings.count
        let value = computed(expression) ?? compute(expression)
        context.remember(call: expression.memo, value, Array(readings[start...]))
        return value
    }

    /// A call's value as the program computed it, when known, recorded as computing it would
    /// record it: a count with a complete record, or a count, `any` or `all` over domains that
    /// no unknown grade leaves open, reads nothing but its own result.
    private mutating func computed(_ expression: CompiledExpression) -> Value? {
        guard expression.memo < calls.count, calls[expression.memo].isKnown else { return nil }
        let interval = calls[expression.memo]
        let value: Value
        switch expression.node {
        case .count, .domains(function: "count", _, _): value = .number(interval.lower)
        case .domains(function: "any", _, _), .domains(function: "all", _, _): value = interval.truth.value
        default: return nil
        }
        return recordCall(expression, value)
    }

    private mutating func compute(_ expression: CompiledExpression) -> Value {
        switch expression.node {
        case .constant(let value): return value
        case .duration(let duration): return .days(context.days(duration))
        case .invalid: return .unknown
        case .grade: return filterGrade ?? .unknown
        case .standard(let fact):
            let value = context.fact(fact)
            record(Reading(name: fact.rawValue, value: value))
            return value
        case .domainGrade(let domain, let fact):
            if let override = gradeOverride, override.domain == domain { return .number(Double(override.grade)) }
            let value = context.fact(fact)
            record(Reading(name: fact.rawValue, value: value))
            return value
        case .board(let name, let declaration):
            let value = context.boardFact(name, declaration)
            record(Reading(name: name, value: value, question: declaration.question))
            return value
        case .definition(let index):
            return definition(index)
        case .list(let items): return .list(items.map { evaluate($0) })
        case .not(let inner): return Truth(evaluate(inner).truth).negated.value
        case .membership(let value, let items, let negated):
            let left = evaluate(value)
            let found = Truth.any(items.map { Self.compare(left, .equal, evaluate($0)) })
            return (negated ? found.negated : found).value
        case .logical(let op, let parts): return logical(op, parts)
        case .arithmetic(let first, let rest):
            var value = evaluate(first)
            for (op, operand) in rest { value = Self.arithmetic(op, value, evaluate(operand)) }
            return value
        case .compare(let op, let left, let right):
            let leftValue = evaluate(left)
            return Self.compare(leftValue, op, evaluate(right)).value
        case .known(let inner, let wanted):
            let start = readings.count
            let value = evaluate(inner)
            // Asking whether a fact is known never makes it needed. (`known(grade)` reads no
            // fact, so it marks nothing: not a reading made before it.)
            if readings.count > start, let last = readings.indices.last, !readings[last].known { readings[last].needed = false }
            return recordCall(expression, .boolean(value.isKnown == wanted))
        case .count(let query, let window):
            return recordCall(expression, count(query, window: window))
        case .since(let query, let kind):
            return recordCall(expression, since(query, kind: kind))
        case .domains(let function, let set, let filter):
            return recordCall(expression, domains(function, set, filter: filter))
        case .history(let function, let domain, let condition, let window):
            return recordCall(expression, history(function, domain, condition, window: window))
        case .eventsSince(let function, let query, let since, let window):
            return recordCall(expression, eventsSince(function, query, since: since, window: window))
        case .lastVisits(let query, let n):
            return recordCall(expression, lastVisits(query, n))
        case .change(let function, let domain):
            return recordCall(expression, change(function, domain))
        case .rank(let values, let inner):
            guard case .string(let text) = evaluate(inner), let index = values.firstIndex(of: text) else { return .unknown }
            return .number(Double(index))
        case .table(let table, let argument):
            return recordCall(expression, lookUp(table, evaluate(argument)))
        }
    }

    /// The value of the table's band that `key` falls in: unknown for an unknown key (a range
    /// is looked up at both ends, and is unknown unless they agree); no value below the first band.
    private func lookUp(_ table: LookupTable, _ key: Value) -> Value {
        func position(_ cell: TableCell) -> Double? {
            switch cell {
            case .number(let value): value
            case .duration(let duration): Double(context.days(duration))
            case .boolean: nil
            }
        }
        func value(at point: Double) -> Value {
            guard let row = table.rows.last(where: { position($0.from).map { $0 <= point } ?? false }) else { return .undefined }
            switch row.value {
            case .number(let number): return .number(number)
            case .duration(let duration): return .days(context.days(duration))
            case .boolean(let flag): return .boolean(flag)
            }
        }
        if case .undefined = key { return .undefined }
        guard let interval = key.interval, !interval.lower.isInfinite, !interval.upper.isInfinite else { return .unknown }
        let low = value(at: interval.lower)
        // A range of keys has the table's value only when every band it spans gives the same.
        let spanned = table.rows.compactMap { row in position(row.from).flatMap { $0 > interval.lower && $0 <= interval.upper ? $0 : nil } }
        return spanned.allSatisfy { value(at: $0) == low } ? low : .unknown
    }

    /// Records a call's result as a reading: a computed value, so the facts behind it (read as
    /// their own readings) are what is needed, not the call.
    private mutating func recordCall(_ expression: CompiledExpression, _ value: Value) -> Value {
        guard muted == 0 else { return value }
        var reading = Reading(name: expression.text, value: value)
        reading.needed = false
        readings.append(reading)
        return value
    }

    /// Keeps a reading, unless readings are muted (then it is not even built).
    private mutating func record(_ reading: @autoclosure () -> Reading) {
        if muted == 0 { readings.append(reading()) }
    }

    private mutating func definition(_ index: Int) -> Value {
        let (name, condition) = document.definitions[index]
        // Outside a history a definition reads the same facts wherever it is used: evaluate it
        // once per case.
        if gradeOverride == nil, let known = context.definition(index) {
            if muted == 0 { readings += known.readings }
            return known.value
        }
        guard !active.contains(index) else { return .unknown }
        active.append(index)
        let start = readings.count
        // Keep what decided the definition, not everything it looked at. A definition of one
        // expression (the usual kind) is decided by that expression's readings, each fact once:
        // what explaining it would keep, without building its explanation.
        let result: Truth
        var kept: [Reading]
        if case .expression(let expression) = condition {
            result = Truth(evaluate(expression).truth)
            kept = Self.unique(readings[start...], extra: 1)
        } else {
            let explanation = explain(condition)
            result = explanation.result
            kept = explanation.decidingReadings
        }
        active.removeLast()
        readings.removeSubrange(start...)
        var reading = Reading(name: name, value: result.value)
        reading.needed = false  // derived: the facts the definition read are what is needed
        kept.append(reading)
        if muted == 0 { readings += kept }
        if gradeOverride == nil, active.isEmpty, muted == 0 { context.remember(definition: index, result.value, kept) }
        return result.value
    }

    /// `and`/`or` over any number of parts, in Kleene logic, in one pass. When a part decides
    /// the result (a false part of an `and`, a true part of an `or`), only that part's readings
    /// are kept, so facts read by parts that did not decide are not listed as needed; the parts
    /// after it are therefore not evaluated at all (what they would read is dropped, and what
    /// they would remember is the same when evaluated later). When two or more parts of an `and`
    /// wait on different answers, no single answer decides it.
    private mutating func logical(_ op: BinaryOperator, _ parts: [CompiledExpression]) -> Value {
        let decisive: Truth = op == .and ? .false : .true
        let start = readings.count
        var decidingPart: Range<Int>?
        var anyUnknown = false
        // The answers the unknown parts wait on: whether there is more than one is all that matters.
        var firstAnswer: String?
        var moreAnswers = false
        for part in parts {
            let partStart = readings.count
            let truth = Truth(evaluate(part).truth)
            if truth == decisive {
                decidingPart = partStart..<readings.count
                break
            }
            if truth == .unknown {
                anyUnknown = true
                guard op == .and, !moreAnswers else { continue }
                for reading in readings[partStart...] where !reading.known && reading.needed {
                    let answer = reading.answerKey
                    if let first = firstAnswer { moreAnswers = moreAnswers || first != answer } else { firstAnswer = answer }
                }
            }
        }
        // Kleene: a decisive part decides; otherwise any unknown part leaves the result unknown.
        let result: Truth = decidingPart != nil ? decisive : (anyUnknown ? .unknown : decisive.negated)
        if result == decisive, let deciding = decidingPart {
            // In place: what came after the deciding part, then what came before it.
            readings.removeSubrange(deciding.upperBound...)
            readings.removeSubrange(start ..< deciding.lowerBound)
        } else if op == .and, result == .unknown, moreAnswers {
            for index in start..<readings.count { readings[index].decisive = false }
        }
        return result.value
    }

    // MARK: Functions

    private mutating func windowStart(_ window: CompiledExpression?) -> Int?? {
        guard let window else { return .some(nil) }
        guard case .days(let days) = evaluate(window) else { return nil }
        return .some(context.asOf.dayNumber - days)
    }

    private mutating func count(_ query: EventQuery, window: CompiledExpression?) -> Value {
        let stream = context.events(query)
        guard let earliest = windowStart(window) else { return .unknown }
        if case .impacts(let domains) = query { showImpacts(domains, since: earliest) }
        let inWindow = Double(stream.count(since: earliest))
        guard stream.complete else {
            record(Reading(name: query.record, value: .unknown))
            return .range(inWindow, .infinity)
        }
        return .number(inWindow)
    }

    /// A domain's latest grade against its grade at the assessment before (lower is better).
    /// With fewer than two graded assessments there is nothing to compare: unknown, asking for
    /// the assessments.
    private mutating func change(_ function: String, _ domain: String?) -> Value {
        guard let domain = domain ?? filterDomain else { return .unknown }
        let history = context.history(domain)
        guard history.count >= 2 else {
            record(Reading(name: "assessments", value: .unknown))
            return .unknown
        }
        let (previous, latest) = (history[history.count - 2].grade, history[history.count - 1].grade)
        // The two assessments compared, dated, so that the explanation shows what was read.
        for entry in history.suffix(2) {
            var reading = Reading(name: "domain.\(domain) on \(entry.date)", value: .number(Double(entry.grade)))
            reading.needed = false
            record(reading)
        }
        switch function {
        case "previous": return .number(Double(previous))
        case "improved": return .boolean(latest < previous)
        case "worsened": return .boolean(latest > previous)
        default: return .boolean(latest == previous)
        }
    }

    /// `count`, `first` or `last` of a stream's events after the latest event of `since` (all
    /// of them when there is none) and inside the window. `first` and `last` have no value when
    /// no event counts; anything that depends on an unknown record is unknown.
    private mutating func eventsSince(_ function: String, _ query: EventQuery, since: (query: EventQuery, kind: String)?,
                                      window: CompiledExpression?) -> Value {
        guard let earliest = windowStart(window) else { return .unknown }
        var after = Int.min
        if let since {
            let stream = context.events(since.query)
            guard stream.complete else {
                record(Reading(name: since.query.record, value: .unknown))
                return .unknown
            }
            if let latest = stream.dates.last {
                after = latest.dayNumber
                var reading = Reading(name: "last \(since.kind)", value: .date(latest))
                reading.needed = false
                record(reading)
            }
        }
        let stream = context.events(query)
        let dates = stream.dates.filter { $0.dayNumber > after && $0.dayNumber >= (earliest ?? Int.min) }
        guard stream.complete else {
            record(Reading(name: query.record, value: .unknown))
            return function == "count" ? .range(Double(dates.count), .infinity) : .unknown
        }
        switch function {
        case "count": return .number(Double(dates.count))
        case "first": return dates.first.map { .date($0) } ?? .undefined
        default: return dates.last.map { .date($0) } ?? .undefined
        }
    }

    /// Of the last `n` contacts up to the as-of date (by the stream's agencies, announced or
    /// not as it says), how many were of the stream's kind; each contact read is shown, dated.
    private mutating func lastVisits(_ query: EventQuery, _ n: Int) -> Value {
        guard case .visits(let filter, let announced, let agencies) = query else { return .unknown }
        guard let visits = context.facts.visits else {
            record(Reading(name: query.record, value: .unknown))
            return .unknown
        }
        let contacts = visits.enumerated()
            .filter { $0.element.date <= context.asOf && CaseContext.matches($0.element, .any, announced: announced, agencies: agencies) }
            .sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
            .suffix(n).map(\.element)
        var count = 0
        for visit in contacts {
            let held = CaseContext.matches(visit, filter, announced: announced, agencies: agencies)
            if held { count += 1 }
            var reading = Reading(name: "visit \(visit.date)", value: .boolean(held))
            reading.needed = false
            record(reading)
        }
        return .number(Double(count))
    }

    /// The observations an impact count read, each with what was seen and who saw it: the
    /// explanation shows the link between the concern and the child, not only a number.
    private mutating func showImpacts(_ domains: Set<String>, since earliest: Int?) {
        guard muted == 0 else { return }
        for impact in context.facts.impacts ?? []
        where impact.date <= context.asOf && impact.date.dayNumber >= (earliest ?? Int.min)
            && (domains.isEmpty || domains.contains(impact.domain)) {
            var seen = impact.what ?? "observed"
            if let by = impact.seenBy { seen += ", seen by \(by)" }
            var reading = Reading(name: "impact of \(impact.domain) on \(impact.on), \(impact.date)", value: .string(seen))
            reading.needed = false
            record(reading)
        }
    }

    /// Time since the latest such event. A complete record with none gives "never", longer than
    /// any duration: a child nobody has seen has not been seen for longer than any interval. An
    /// incomplete record with some dates gives at most the time since the latest known one.
    private mutating func since(_ query: EventQuery, kind: String) -> Value {
        let stream = context.events(query)
        let latest = stream.dates.last.map { context.asOf.dayNumber - $0.dayNumber }
        if stream.complete { return .days(latest ?? CaseContext.never) }
        record(Reading(name: query.record, value: .unknown))
        return latest.map { .range(0, Double($0)) } ?? .unknown
    }

    private mutating func domains(_ function: String, _ set: [Int], filter: CompiledExpression?) -> Value {
        if function == "max" || function == "min" {
            let grades = set.map { context.latestGrade(at: $0) }
            let known = grades.compactMap { $0 }.map(Double.init)
            guard known.count < grades.count else {
                return (function == "max" ? known.max() : known.min()).map { .number($0) } ?? .unknown
            }
            for (domain, grade) in zip(set, grades) where grade == nil {
                record(Reading(name: "domain.\(Vocabulary.domains[domain])", value: .unknown))
            }
            return function == "max" ? .range(known.max() ?? 1, 5) : .range(1, known.min() ?? 5)
        }
        guard let filter else { return .unknown }
        var trueCount = 0
        var falseCount = 0
        var unknownDomains: [String] = []
        let saved = filterGrade
        let savedDomain = filterDomain
        defer { filterDomain = savedDomain }
        // `any` is decided by its first domain where the filter holds, `all` by its first where it
        // fails; the domains after it are not evaluated (evaluating a filter changes nothing else).
        domains: for index in set {
            let domain = Vocabulary.domains[index]
            filterDomain = domain
            filterGrade = context.latestGrade(at: index).map { .number(Double($0)) } ?? .unknown
            // `grade` is not a fact, and unknown domains are read below: the filter's own
            // readings are not kept.
            muted += 1
            let truth = Truth(evaluate(filter).truth)
            muted -= 1
            switch truth {
            case .true:
                trueCount += 1
                if function == "any" { break domains }
            case .false:
                falseCount += 1
                if function == "all" { break domains }
            case .unknown: unknownDomains.append(domain)
            }
        }
        filterGrade = saved
        let result: Value
        switch function {
        case "any": result = trueCount > 0 ? .boolean(true) : (unknownDomains.isEmpty ? .boolean(false) : .unknown)
        case "all": result = falseCount > 0 ? .boolean(false) : (unknownDomains.isEmpty ? .boolean(true) : .unknown)
        default:
            let unknownCount = Double(unknownDomains.count)
            result = unknownCount == 0 ? .number(Double(trueCount)) : .range(Double(trueCount), Double(trueCount) + unknownCount)
        }
        // Unknown grades matter only while they leave the result open.
        if !result.isKnown {
            for domain in unknownDomains { record(Reading(name: "domain.\(domain)", value: .unknown)) }
        }
        return result
    }

    private mutating func history(
        _ function: String, _ domain: String?, _ condition: CompiledExpression, window: CompiledExpression?
    ) -> Value {
        guard let domain = domain ?? filterDomain else { return .unknown }
        var entries = context.history(domain)
        if function != "streak" {
            guard let earliest = windowStart(window) else { return .unknown }
            if let earliest { entries = entries.filter { $0.date.dayNumber >= earliest } }
        }
        guard !entries.isEmpty else {
            // No recorded assessment shows a condition "ever" held, when assessments are known.
            if function == "ever", context.facts.assessments != nil { return .boolean(false) }
            record(Reading(name: "domain.\(domain)", value: .unknown))
            return .unknown
        }
        let saved = (gradeOverride, filterGrade)
        let start = readings.count
        muted += 1  // what each assessment's condition reads is not kept
        // Each assessment is evaluated only while the answer is open: evaluating the condition
        // changes nothing else (muted, and with a grade set nothing is remembered).
        let result: Value
        switch function {
        case "streak":
            // From the latest assessment back, while the condition holds.
            var count = 0.0
            var stopped: Value?
            latest: for entry in entries.reversed() {
                switch holds(condition, domain, entry.grade) {
                case .true: count += 1
                case .false:
                    stopped = .number(count)
                    break latest
                case .unknown:
                    stopped = .range(count, count + Double(entries.count))
                    break latest
                }
            }
            result = stopped ?? .number(count)
        case "ever":
            var held = false
            var open = false
            for entry in entries {
                let truth = holds(condition, domain, entry.grade)
                if truth == .true {
                    held = true
                    break
                }
                if truth == .unknown { open = true }
            }
            result = held ? .boolean(true) : (open ? .unknown : .boolean(false))
        default:
            // oscillating: held, then failed, then held again.
            var stage = 0
            var open = false
            for entry in entries where stage < 3 {
                let truth = holds(condition, domain, entry.grade)
                if truth == .unknown { open = true }
                if stage == 0, truth == .true { stage = 1 } else if stage == 1, truth == .false { stage = 2 } else if stage == 2, truth == .true {
                    stage = 3
                }
            }
            result = stage == 3 ? .boolean(true) : (open ? .unknown : .boolean(false))
        }
        muted -= 1
        (gradeOverride, filterGrade) = saved
        readings.removeSubrange(start...)
        return result
    }

    /// Whether a history's condition holds at one assessment, with the domain's grade there.
    private mutating func holds(_ condition: CompiledExpression, _ domain: String, _ grade: Int) -> Truth {
        gradeOverride = (domain, grade)
        filterGrade = .number(Double(grade))
        return Truth(evaluate(condition).truth)
    }

    // MARK: Operators
    //
    // Static: they read nothing of the evaluator, and a method called from a mutating one
    // would be handed a copy of it (the case context, the readings), retained field by field.

    static func compare(_ left: Value, _ op: BinaryOperator, _ right: Value) -> Truth {
        // Nothing compares with no value, whatever the other side (see `Interval.undefined`).
        if case .undefined = left { return .false }
        if case .undefined = right { return .false }
        if case .unknown = left { return .unknown }
        if case .unknown = right { return .unknown }
        if let a = left.interval, let b = right.interval { return Interval.compare(a, op, b) }
        let ordered: Bool?
        switch (left, right) {
        case (.level(let a), .level(let b)): ordered = a == b ? nil : a < b
        case (.date(let a), .date(let b)): ordered = a == b ? nil : a < b
        case (.string(let a), .string(let b)):
            guard op == .equal || op == .notEqual else { return .unknown }
            return Truth((a == b) == (op == .equal))
        case (.boolean(let a), .boolean(let b)):
            guard op == .equal || op == .notEqual else { return .unknown }
            return Truth((a == b) == (op == .equal))
        default: return .unknown
        }
        let less = ordered == true
        let equal = ordered == nil
        switch op {
        case .equal: return Truth(equal)
        case .notEqual: return Truth(!equal)
        case .less: return Truth(less)
        case .lessOrEqual: return Truth(less || equal)
        case .greater: return Truth(!less && !equal)
        case .greaterOrEqual: return Truth(!less)
        default: return .unknown
        }
    }

    static func arithmetic(_ op: BinaryOperator, _ left: Value, _ right: Value) -> Value {
        // Divided by a known zero there is no value, whatever the numerator; and nothing follows from no value.
        if case .undefined = left { return .undefined }
        if case .undefined = right { return .undefined }
        if op == .divide, case .number(0) = right { return .undefined }
        switch (left, right) {
        case (.date(let date), .days(let days)):
            return (op == .add ? date.adding(days: days) : op == .subtract ? date.adding(days: -days) : nil).map { .date($0) } ?? .unknown
        case (.date(let a), .date(let b)) where op == .subtract:
            return .days(a.dayNumber - b.dayNumber)
        case (.days(let a), .days(let b)):
            return op == .add ? .days(a + b) : op == .subtract ? .days(a - b) : .unknown
        default: break
        }
        guard let a = left.interval, let b = right.interval, let result = Interval.arithmetic(op, a, b) else { return .unknown }
        if result.isUndefined { return .undefined }
        return result.isKnown ? .number(result.lower) : .range(result.lower, result.upper)
    }
}
