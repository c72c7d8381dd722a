/// Evaluates expressions over one case in Kleene's three-valued logic, recording every fact it
/// reads so that explanations and "information needed" come from the evaluation itself.
struct ExpressionEvaluator {
    let context: CaseContext
    let definitions: [String: Definition]
    /// The facts read, in order; a definition contributes its own name and the facts it read.
    var readings: [Reading] = []
    /// Inside `where`: the grade of the domain being filtered.
    private var filterGrade: Value?
    /// Inside `streak`/`oscillating`: one domain's grade at one assessment.
    private var gradeOverride: (domain: String, grade: Int)?
    /// Definitions being evaluated, to stop a cycle the checker would have reported.
    private var active: Set<String> = []

    init(context: CaseContext, definitions: [String: Definition]) {
        self.context = context
        self.definitions = definitions
    }

    // MARK: Conditions

    /// Evaluates a condition into an explanation tree.
    mutating func explain(_ condition: Condition) -> Explanation {
        switch condition.kind {
        case .expression(let expression):
            let start = readings.count
            let value = evaluate(expression)
            let read = Array(readings[start...])
            return Explanation(condition: expression.description, result: Truth(value.truth), readings: read, parts: [])
        case .all(let parts):
            let children = parts.map { explain($0) }
            return Explanation(condition: "all of", result: Truth.all(children.map(\.result)), readings: [], parts: children)
        case .any(let parts):
            let children = parts.map { explain($0) }
            return Explanation(condition: "any of", result: Truth.any(children.map(\.result)), readings: [], parts: children)
        case .not(let part):
            let child = explain(part)
            return Explanation(condition: "not", result: child.result.negated, readings: [], parts: [child])
        case .atLeast(let count, let parts):
            let children = parts.map { explain($0) }
            let trueCount = children.filter { $0.result == .true }.count
            let possible = children.filter { $0.result != .false }.count
            let result: Truth = trueCount >= count ? .true : (possible < count ? .false : .unknown)
            return Explanation(condition: "at least \(count) of", result: result, readings: [], parts: children)
        }
    }

    // MARK: Expressions

    mutating func evaluate(_ expression: RuleExpression) -> Value {
        switch expression.kind {
        case .boolean(let flag): return .boolean(flag)
        case .integer(let value): return .number(Double(value))
        case .number(let value): return .number(value)
        case .string(let text): return .string(text)
        case .date(let date): return .date(date)
        case .duration(let duration): return .days(context.days(duration))
        case .name(let path): return name(path)
        case .qualified: return .unknown  // only meaningful as a function argument
        case .list(let items): return .list(items.map { evaluate($0) })
        case .not(let inner):
            return Truth(evaluate(inner).truth).negated.value
        case .membership(let value, let items, let negated):
            let left = evaluate(value)
            let results = items.map { compare(left, .equal, evaluate($0)) }
            let found = Truth.any(results)
            return (negated ? found.negated : found).value
        case .binary(let op, let left, let right):
            switch op {
            case .and, .or: return logical(op, left, right)
            case .add, .subtract, .multiply, .divide: return arithmetic(op, evaluate(left), evaluate(right))
            default:
                let leftValue = evaluate(left)
                return compare(leftValue, op, evaluate(right)).value
            }
        case .call(let name, let arguments):
            guard let argument = arguments.first else { return .unknown }
            let value = call(name.value, argument)
            var reading = Reading(name: expression.description, value: value)
            reading.needed = false  // a computed value: the facts behind it are what is needed
            readings.append(reading)
            return value
        }
    }

    /// `and`/`or` in Kleene logic. Facts read by a side that did not decide the result are
    /// dropped when the other side decided it, so they are not listed as needed.
    private mutating func logical(_ op: BinaryOperator, _ left: RuleExpression, _ right: RuleExpression) -> Value {
        let start = readings.count
        let leftTruth = Truth(evaluate(left).truth)
        let middle = readings.count
        let rightTruth = Truth(evaluate(right).truth)
        let decisive: Truth = op == .and ? .false : .true
        let result = op == .and ? Truth.all([leftTruth, rightTruth]) : Truth.any([leftTruth, rightTruth])
        if result == decisive {
            // Keep only the readings of the side(s) that decided it.
            let leftReadings = Array(readings[start..<middle])
            let rightReadings = Array(readings[middle...])
            readings.removeSubrange(start...)
            if leftTruth == decisive { readings += leftReadings }
            if rightTruth == decisive && leftTruth != decisive { readings += rightReadings }
        }
        return result.value
    }

    private mutating func name(_ path: [String]) -> Value {
        let name = path.joined(separator: ".")
        if name == "grade", let filterGrade { return filterGrade }
        if let override = gradeOverride, name == "domain.\(override.domain)" {
            return .number(Double(override.grade))
        }
        if path.count == 1, let definition = definitions[name] {
            guard !active.contains(name) else { return .unknown }
            active.insert(name)
            let start = readings.count
            let explanation = explain(definition.condition)
            active.remove(name)
            // Keep what decided the definition, not everything it looked at.
            readings.removeSubrange(start...)
            readings += explanation.decidingReadings
            let value = explanation.result.value
            var reading = Reading(name: name, value: value)
            reading.needed = false  // derived: the facts the definition read are what is needed
            readings.append(reading)
            return value
        }
        if path.count == 1, let level = Level(rawValue: name) { return .level(level) }
        if Vocabulary.factsByName[name] != nil || context.declarations[name] != nil {
            let value = context.fact(name)
            let question = context.declarations[name]?.question
            readings.append(Reading(name: name, value: value, question: question))
            return value
        }
        return .string(name)  // an enumeration value, resolved by the checker
    }

    // MARK: Functions

    private mutating func call(_ function: String, _ argument: CallArgument) -> Value {
        switch function {
        case "known", "unknown":
            let value = evaluate(argument.value)
            // Asking whether a fact is known never makes it needed.
            if let last = readings.indices.last, !readings[last].known { readings[last].needed = false }
            return .boolean(value.isKnown == (function == "known"))
        case "count", "since":
            if case let (path, qualifiers)? = selection(argument.value), path != "domains" {
                return events(function, path, qualifiers, window: argument.window)
            }
            return domains(function, argument)
        case "any", "all", "max", "min":
            return domains(function, argument)
        case "streak", "oscillating":
            return history(function, argument)
        default:
            return .unknown
        }
    }

    private func selection(_ expression: RuleExpression) -> (String, [String])? {
        switch expression.kind {
        case .name(let path): (path.joined(separator: "."), [])
        case .qualified(let path, let qualifiers): (path.joined(separator: "."), qualifiers.map(\.value))
        default: nil
        }
    }

    private mutating func events(_ function: String, _ kind: String, _ qualifiers: [String], window: RuleExpression?) -> Value {
        let dates = context.events(kind, qualifiers: qualifiers)
        if dates == nil { readings.append(Reading(name: context.record(of: kind), value: .unknown)) }
        if function == "since" {
            guard let dates else { return .unknown }
            guard let last = dates.last else {
                readings.append(Reading(name: "the date of the last \(kind)", value: .unknown))
                return .unknown
            }
            return .days(context.asOf.dayNumber - last.dayNumber)
        }
        var earliest: Int?
        if let window {
            guard case .days(let days) = evaluate(window) else { return .unknown }
            earliest = context.asOf.dayNumber - days
        }
        guard let dates else { return .range(0, .infinity) }
        let inWindow = dates.filter { date in earliest.map { date.dayNumber >= $0 } ?? true }
        return .number(Double(inWindow.count))
    }

    /// The domains a `domains[…]` selection names, in vocabulary order.
    private func domainSet(_ expression: RuleExpression) -> [String] {
        guard case .qualified(_, let qualifiers) = expression.kind else { return Vocabulary.domains }
        let names = Set(qualifiers.flatMap { Vocabulary.domainGroups[$0.value] ?? [$0.value] })
        return Vocabulary.domains.filter { names.contains($0) }
    }

    private mutating func domains(_ function: String, _ argument: CallArgument) -> Value {
        let set = domainSet(argument.value)
        if function == "max" || function == "min" {
            let grades = set.map { context.latestGrade($0) }
            let known = grades.compactMap { $0 }.map(Double.init)
            let unknownCount = grades.count - known.count
            guard unknownCount > 0 else {
                return (function == "max" ? known.max() : known.min()).map { .number($0) } ?? .unknown
            }
            for (domain, grade) in zip(set, grades) where grade == nil {
                readings.append(Reading(name: "domain.\(domain)", value: .unknown))
            }
            return function == "max" ? .range(known.max() ?? 1, 5) : .range(1, known.min() ?? 5)
        }
        guard let filter = argument.filter else { return .unknown }
        var truths: [Truth] = []
        var unknownDomains: [String] = []
        let saved = filterGrade
        for domain in set {
            filterGrade = context.latestGrade(domain).map { .number(Double($0)) } ?? .unknown
            let start = readings.count
            let truth = Truth(evaluate(filter).truth)
            readings.removeSubrange(start...)  // `grade` is not a fact; unknown domains are read below
            truths.append(truth)
            if truth == .unknown { unknownDomains.append(domain) }
        }
        filterGrade = saved
        let result: Value
        switch function {
        case "any": result = Truth.any(truths).value
        case "all": result = Truth.all(truths).value
        default:
            let trueCount = Double(truths.filter { $0 == .true }.count)
            let unknownCount = Double(unknownDomains.count)
            result = unknownCount == 0 ? .number(trueCount) : .range(trueCount, trueCount + unknownCount)
        }
        // Unknown grades matter only while they leave the result open.
        if !result.isKnown {
            readings += unknownDomains.map { Reading(name: "domain.\($0)", value: .unknown) }
        }
        return result
    }

    private mutating func history(_ function: String, _ argument: CallArgument) -> Value {
        guard let domain = Checker.paths(in: argument.value).first(where: { $0.first == "domain" && $0.count == 2 })?[1] else {
            return .unknown
        }
        var entries = context.history(domain)
        if function == "oscillating", let window = argument.window {
            guard case .days(let days) = evaluate(window) else { return .unknown }
            let earliest = context.asOf.dayNumber - days
            entries = entries.filter { $0.date.dayNumber >= earliest }
        }
        guard !entries.isEmpty else {
            readings.append(Reading(name: "domain.\(domain)", value: .unknown))
            return .unknown
        }
        let saved = gradeOverride
        let start = readings.count
        var truths: [Truth] = []
        for entry in entries {
            gradeOverride = (domain, entry.grade)
            truths.append(Truth(evaluate(argument.value).truth))
        }
        gradeOverride = saved
        readings.removeSubrange(start...)
        if function == "streak" {
            var count = 0.0
            for truth in truths.reversed() {
                switch truth {
                case .true: count += 1
                case .false: return .number(count)
                case .unknown: return .range(count, count + Double(truths.count))
                }
            }
            return .number(count)
        }
        // oscillating: held, then failed, then held again.
        var stage = 0
        for truth in truths {
            if stage == 0, truth == .true { stage = 1 } else if stage == 1, truth == .false { stage = 2 } else if stage == 2, truth == .true {
                return .boolean(true)
            }
        }
        return truths.contains(.unknown) ? .unknown : .boolean(false)
    }

    // MARK: Operators

    func compare(_ left: Value, _ op: BinaryOperator, _ right: Value) -> Truth {
        if case .unknown = left { return .unknown }
        if case .unknown = right { return .unknown }
        if let (a0, a1) = left.interval, let (b0, b1) = right.interval {
            switch op {
            case .less: return a1 < b0 ? .true : (a0 >= b1 ? .false : .unknown)
            case .lessOrEqual: return a1 <= b0 ? .true : (a0 > b1 ? .false : .unknown)
            case .greater: return a0 > b1 ? .true : (a1 <= b0 ? .false : .unknown)
            case .greaterOrEqual: return a0 >= b1 ? .true : (a1 < b0 ? .false : .unknown)
            case .equal: return a0 == a1 && b0 == b1 && a0 == b0 ? .true : (a1 < b0 || a0 > b1 ? .false : .unknown)
            case .notEqual: return compare(left, .equal, right).negated
            default: return .unknown
            }
        }
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

    func arithmetic(_ op: BinaryOperator, _ left: Value, _ right: Value) -> Value {
        switch (left, right) {
        case (.date(let date), .days(let days)):
            return (op == .add ? date.adding(days: days) : op == .subtract ? date.adding(days: -days) : nil).map { .date($0) } ?? .unknown
        case (.date(let a), .date(let b)) where op == .subtract:
            return .days(a.dayNumber - b.dayNumber)
        case (.days(let a), .days(let b)):
            return op == .add ? .days(a + b) : op == .subtract ? .days(a - b) : .unknown
        default: break
        }
        guard let (a0, a1) = left.interval, let (b0, b1) = right.interval else { return .unknown }
        let bounds: [Double]
        switch op {
        case .add: bounds = [a0 + b0, a1 + b1]
        case .subtract: bounds = [a0 - b1, a1 - b0]
        case .multiply: bounds = [a0 * b0, a0 * b1, a1 * b0, a1 * b1]
        case .divide:
            guard b0 == b1, b0 != 0 else { return .unknown }  // x / 0 is unknown
            bounds = [a0 / b0, a1 / b0]
        default: return .unknown
        }
        guard !bounds.contains(where: \.isNaN), let low = bounds.min(), let high = bounds.max() else { return .unknown }
        return low == high ? .number(low) : .range(low, high)
    }
}
