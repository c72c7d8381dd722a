public import ThresholdsDiagnostics

/// Resolves every name in a parsed document and checks every expression's type, so that an
/// unknown fact or a type error is found by `thresholds check`, never at evaluation time.
/// Also warns about what is probably a mistake: unused definitions and facts, rules that cite no
/// source, levels without labels.
public struct Checker {
    private let document: ThresholdDocument
    /// The file being reported into: a composed document's parts come from several files.
    private var file: String
    private var diagnostics: [Diagnostic] = []
    private var boardFacts: [String: ValueType] = [:]
    private var definitions: [String: Definition] = [:]
    private var tables: [String: LookupTable] = [:]
    private var eventKinds: [String: Vocabulary.Qualifiers] = [:]
    private var used: Set<String> = []
    private var warnUnused = true
    /// The type the name being resolved is compared with, when known: an unknown name's
    /// suggestions are then only names of a comparable type (never a boolean for a date).
    private var expectedType: ValueType?

    private init(document: ThresholdDocument) {
        self.document = document
        self.file = document.file
        for event in Vocabulary.events { eventKinds[event.name] = event.qualifiers }
    }

    /// Checks a parsed document; returns its diagnostics.
    ///
    /// - Parameter document: the document, as the parser read it.
    /// - Parameter warnUnused: whether to warn about unused definitions and facts. Pass `false`
    ///   when parsing dropped parts of the document, since their uses are then unknown.
    public static func check(_ document: ThresholdDocument, warnUnused: Bool = true) -> [Diagnostic] {
        var checker = Checker(document: document)
        checker.warnUnused = warnUnused
        checker.run()
        return checker.diagnostics
    }

    private mutating func run() {
        declare()
        for definition in document.definitions {
            file = definition.file ?? document.file
            checkCondition(definition.condition)
        }
        checkDefinitionCycles()
        let labelled = Set(document.levels.map(\.level))
        var warnedLevels: Set<Level> = []
        for rule in document.rules {
            file = rule.file ?? document.file
            checkCondition(rule.when)
            if let unless = rule.unless { checkCondition(unless) }
            if rule.source == nil { report(CheckerDiagnostics.missingSource, rule.id.range) }
            checkActions(rule.actions)
            var levels: [Level] = []
            switch rule.effect.value {
            case .level(let level): levels = [level]
            case .raise(_, let ceiling?): levels = [ceiling]
            default: break
            }
            if let sublevel = rule.sublevel, case .level(let level) = rule.effect.value {
                let declared = document.levels.first { $0.level == level }?.sublevels.map(\.name.value) ?? []
                if !declared.contains(sublevel.value) {
                    diagnostics.append(Suggestion.diagnostic(
                        CheckerDiagnostics.unknownSublevel(sublevel.value, level.rawValue, declared: !declared.isEmpty),
                        name: sublevel.value, candidates: declared, file: file, range: sublevel.range))
                }
            }
            for level in levels where !labelled.contains(level) && !warnedLevels.contains(level) {
                warnedLevels.insert(level)
                report(CheckerDiagnostics.missingLevelLabel(level.rawValue), rule.effect.range)
            }
        }
        guard warnUnused else { return }
        // A shared vocabulary declares more than any one document uses: only the document's own
        // declarations are expected to be used.
        file = document.file
        for definition in document.definitions
        where (definition.file ?? file) == file && !used.contains(definition.name.value) {
            report(CheckerDiagnostics.unusedDefinition(definition.name.value), definition.name.range)
        }
        for fact in document.facts
        where (fact.file ?? file) == file && boardFacts[fact.name.value] != nil && !used.contains(fact.name.value) {
            report(CheckerDiagnostics.unusedFact(fact.name.value), fact.name.range)
        }
        for table in document.tables where (table.file ?? file) == file && !used.contains(table.name.value) {
            report(CheckerDiagnostics.unusedTable(table.name.value), table.name.range)
        }
    }

    /// An action's deadline anchor must be a date; the event that completes it must be a kind.
    private mutating func checkActions(_ actions: [Action]) {
        for action in actions {
            if case .from(let expression)? = action.anchor {
                let type = typeOf(expression, inDomainFilter: false)
                if type != .date, type != .error {
                    report(CheckerDiagnostics.typeMismatch("an action's time runs 'from' a date, but this is \(type)"), expression.range)
                }
            }
            if let doneWhen = action.doneWhen, let range = action.doneWhenRange, eventKinds[doneWhen] == nil {
                reportUnknown(CheckerDiagnostics.unknownName(doneWhen), doneWhen, Array(eventKinds.keys).sorted(), range)
            }
        }
    }

    /// Registers the board's names, refusing those that would hide a standard one.
    private mutating func declare() {
        let reservedNames = Set(Level.allCases.map(\.rawValue) + ["current_plan", "domains", "grade"]
                                + Vocabulary.functions.map(\.name))
        func clash(_ name: String) -> String? {
            if Vocabulary.factsByName[name] != nil || reservedNames.contains(name) { return "a name" }
            if eventKinds[name] != nil { return "an event kind" }
            return nil
        }
        /// Whether a board name may be declared; reported in its own file when it may not.
        func admit(_ name: Located<String>, from declaringFile: String?) -> Bool {
            file = declaringFile ?? document.file
            guard let what = clash(name.value) else { return true }
            report(CheckerDiagnostics.shadowedName(name.value, what), name.range)
            return false
        }
        for table in document.tables where admit(table.name, from: table.file) { tables[table.name.value] = table }
        for fact in document.facts where admit(fact.name, from: fact.file) { boardFacts[fact.name.value] = ValueType(fact.type) }
        for event in document.events where admit(event.name, from: event.file) {
            eventKinds[event.name.value] = Vocabulary.Qualifiers.none
        }
        for definition in document.definitions where admit(definition.name, from: definition.file) {
            definitions[definition.name.value] = definition
        }
    }

    private mutating func checkDefinitionCycles() {
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var reported = false
        func references(_ definition: Definition) -> [String] {
            definition.condition.expressions.flatMap { Checker.names(in: $0) }.filter { definitions[$0] != nil }
        }
        func visit(_ name: String, _ path: [String]) {
            guard !reported, let definition = definitions[name] else { return }
            if state[name] == 1 {
                reported = true
                let start = path.firstIndex(of: name) ?? 0
                file = definition.file ?? document.file
                report(CheckerDiagnostics.definitionCycle(Array(path[start...]) + [name]), definition.name.range)
                return
            }
            guard state[name] == nil else { return }
            state[name] = 1
            for next in references(definition) { visit(next, path + [name]) }
            state[name] = 2
        }
        for definition in document.definitions { visit(definition.name.value, []) }
    }

    /// Every single-segment name an expression mentions.
    static func names(in expression: RuleExpression) -> [String] {
        switch expression.kind {
        case .name(let path): path.count == 1 ? [path[0]] : []
        case .not(let inner): names(in: inner)
        case .binary(_, let left, let right): names(in: left) + names(in: right)
        case .chain(let first, let links): names(in: first) + links.flatMap { names(in: $0.operand) }
        case .membership(let value, let items, _): names(in: value) + items.flatMap { names(in: $0) }
        case .list(let items): items.flatMap { names(in: $0) }
        case .call(_, let arguments):
            arguments.flatMap { argument in
                names(in: argument.value) + (argument.filter.map { names(in: $0) } ?? [])
                    + (argument.window.map { names(in: $0) } ?? [])
            }
        default: []
        }
    }

    // MARK: Conditions and expressions

    private mutating func checkCondition(_ condition: Condition) {
        switch condition.kind {
        case .expression(let expression): expectBoolean(expression, inDomainFilter: false)
        case .all(let parts), .any(let parts), .atLeast(_, let parts): parts.forEach { checkCondition($0) }
        case .not(let part): checkCondition(part)
        }
        // What the parser rejects in a file, rejected in a document built in code too: a
        // condition that reads no expression has nothing to explain.
        switch condition.kind {
        case .all([]): report(ParserDiagnostics.emptyCondition("all"), condition.range)
        case .any([]): report(ParserDiagnostics.emptyCondition("any"), condition.range)
        case .atLeast(let count, let parts) where !Condition.validAtLeast(count, of: parts.count):
            report(ParserDiagnostics.invalidAtLeast(count, parts.count), condition.range)
        default: break
        }
    }

    private mutating func expectBoolean(_ expression: RuleExpression, inDomainFilter: Bool) {
        let type = typeOf(expression, inDomainFilter: inDomainFilter)
        if type != .boolean, type != .error { report(CheckerDiagnostics.notBoolean(type), expression.range) }
    }

    private mutating func typeOf(_ expression: RuleExpression, inDomainFilter: Bool) -> ValueType {
        switch expression.kind {
        case .boolean: return .boolean
        case .integer: return .integer
        case .number: return .number
        case .string: return .string
        case .date: return .date
        case .duration(let duration):
            if duration.unit == .hours, duration.amount % 24 != 0 {
                let days = duration.amount / 24 + 1  // not a whole number of days: rounded up
                let written = "\(days) \(days == 1 ? "day" : "days")"
                diagnostics.append(Diagnostic(CheckerDiagnostics.durationRounded(duration.description, written), file: file,
                                              range: expression.range,
                                              fixIts: [FixIt.replace(expression.range, with: written, "write '\(written)'")]))
            }
            return .duration
        case .name(let path): return resolve(path, expression.range, inDomainFilter: inDomainFilter)
        case .qualified(let path, let qualifiers): return resolveQualified(path, qualifiers, expression.range)
        case .not(let inner):
            expectBoolean(inner, inDomainFilter: inDomainFilter)
            return .boolean
        case .binary(let op, let left, let right):
            return binary(op, left, right, inDomainFilter: inDomainFilter)
        case .chain(let first, let links):
            if let op = links.first?.op, op == .and || op == .or {
                expectBoolean(first, inDomainFilter: inDomainFilter)
                for link in links { expectBoolean(link.operand, inDomainFilter: inDomainFilter) }
                return .boolean
            }
            // Arithmetic, left to right: `a - b + c` is `(a - b) + c`.
            var type = typeOf(first, inDomainFilter: inDomainFilter)
            var range = first.range
            for link in links {
                type = arithmetic(link.op, type, range, link.operand, inDomainFilter: inDomainFilter)
                range = range.union(link.operand.range)
            }
            return type
        case .membership(let value, let items, _):
            let valueType = typeOf(value, inDomainFilter: inDomainFilter)
            for item in items { _ = comparable(valueType, item, inDomainFilter: inDomainFilter) }
            return .boolean
        case .list(let items):
            let types = items.map { typeOf($0, inDomainFilter: inDomainFilter) }
            return .list(types.first ?? .error)
        case .call(let name, let arguments):
            return call(name, arguments, expression.range, inDomainFilter: inDomainFilter)
        }
    }

    /// Each function of the language by name, with its signature: looked up once per call.
    private static let signatures: [String: String] = Dictionary(
        Vocabulary.functions.map { ($0.name, $0.signature) }, uniquingKeysWith: { first, _ in first })

    /// A dotted name as one string: a one-part name is its part, not a joined copy of it.
    private static func dotted(_ path: [String]) -> String {
        path.count == 1 ? path[0] : path.joined(separator: ".")
    }

    private mutating func resolve(_ path: [String], _ range: SourceRange, inDomainFilter: Bool) -> ValueType {
        let name = Self.dotted(path)
        if inDomainFilter, name == "grade" { return .grade }
        // Inside `where`, `worsened` alone is `worsened(grade)`: `count(domains where worsened)`.
        if inDomainFilter, ["improved", "worsened", "unchanged"].contains(name) { return .boolean }
        if path.count == 1 {
            if definitions[name] != nil { used.insert(name); return .boolean }
            if let type = boardFacts[name] { used.insert(name); return type }
            if Level(rawValue: name) != nil { return .level }
            if eventKinds[name] != nil { return .events }
            if name == "domains" { return .domains }
        }
        if let fact = Vocabulary.factsByName[name] { return fact.type }
        // Declared, but its declaration could not be read: that is already reported.
        if path.count == 1, document.unreadableNames.contains(name) { return .error }
        var candidates = Vocabulary.facts.map(\.name) + Array(boardFacts.keys) + Array(definitions.keys)
            + Level.allCases.map(\.rawValue) + Array(eventKinds.keys)
        if inDomainFilter { candidates.append("grade") }
        if let expected = expectedType {
            candidates = candidates.filter { candidate in
                guard let type = typeOfName(candidate) else { return false }
                return type == expected || (type.isNumeric && expected.isNumeric)
            }
        }
        reportUnknown(CheckerDiagnostics.unknownName(name), name, candidates.sorted(), range)
        return .error
    }

    private mutating func resolveQualified(_ path: [String], _ qualifiers: [Located<String>], _ range: SourceRange) -> ValueType {
        let name = Self.dotted(path)
        if name == "domains" {
            let allowed = Vocabulary.domains + Vocabulary.domainGroups.keys.sorted()
            for qualifier in qualifiers where !allowed.contains(qualifier.value) {
                reportUnknown(CheckerDiagnostics.unknownQualifier(qualifier.value, name), qualifier.value, allowed, qualifier.range)
            }
            return .domains
        }
        guard path.count == 1, let kind = eventKinds[name] else {
            reportUnknown(CheckerDiagnostics.unknownName(name), name, Array(eventKinds.keys).sorted() + ["domains"], range)
            return .error
        }
        if kind == .none, let qualifier = qualifiers.first {
            let declaredByBoard = !Vocabulary.events.contains { $0.name == name }
            report(CheckerDiagnostics.takesNoQualifiers(name, declaredByBoard: declaredByBoard), qualifier.range)
            return .events
        }
        let allowed: [String] = switch kind {
        case .none: []
        case .domains: Vocabulary.domains
        case .levels: Level.allCases.map(\.rawValue)
        case .announcement: Vocabulary.contactQualifiers
        }
        for qualifier in qualifiers where !allowed.contains(qualifier.value) {
            reportUnknown(CheckerDiagnostics.unknownQualifier(qualifier.value, name), qualifier.value, allowed, qualifier.range)
        }
        return .events
    }

    private mutating func binary(_ op: BinaryOperator, _ left: RuleExpression, _ right: RuleExpression, inDomainFilter: Bool) -> ValueType {
        switch op {
        case .and, .or:
            expectBoolean(left, inDomainFilter: inDomainFilter)
            expectBoolean(right, inDomainFilter: inDomainFilter)
            return .boolean
        // (A `where` clause binds only the last pattern of a list, so each is matched here.)
        case _ where op.isComparison && isEnumerationValue(left, inDomainFilter: inDomainFilter):
            // `amber <= home_rating`: the value written first, as in `home_rating >= amber`.
            let rightType = typeOf(right, inDomainFilter: inDomainFilter)
            guard let values = rightType.enumerationValues, case .name(let path) = left.kind else {
                _ = typed(left, expecting: rightType == .error ? nil : rightType, inDomainFilter: inDomainFilter)
                return .boolean
            }
            if !values.contains(path[0]) {
                reportUnknown(CheckerDiagnostics.unknownEnumValue(path[0], values), path[0], values, left.range)
            }
            if op != .equal, op != .notEqual, case .enumeration = rightType {
                return mismatch("'\(op.rawValue)' orders numbers, grades, levels, dates, durations or ordered enums, not \(rightType)",
                                right.range)
            }
            return .boolean
        case .equal, .notEqual:
            let leftType = typed(left, comparedWith: right, inDomainFilter: inDomainFilter)
            _ = comparable(leftType, right, inDomainFilter: inDomainFilter)
            return .boolean
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            func orderable(_ type: ValueType) -> Bool {
                switch type {
                case .integer, .number, .grade, .level, .date, .duration, .scale, .error: true
                default: false
                }
            }
            let leftType = typed(left, comparedWith: right, inDomainFilter: inDomainFilter)
            guard orderable(leftType) else {
                return mismatch("'\(op.rawValue)' orders numbers, grades, levels, dates, durations or ordered enums, not \(leftType)", left.range)
            }
            _ = comparable(leftType, right, inDomainFilter: inDomainFilter)
            return .boolean
        case .add, .subtract, .multiply, .divide:
            return arithmetic(op, typeOf(left, inDomainFilter: inDomainFilter), left.range, right, inDomainFilter: inDomainFilter)
        }
    }

    /// The type of `left op right`, for an arithmetic operator, given the left side's type.
    private mutating func arithmetic(_ op: BinaryOperator, _ leftType: ValueType, _ leftRange: SourceRange, _ right: RuleExpression,
                                     inDomainFilter: Bool) -> ValueType {
        let rightType = typeOf(right, inDomainFilter: inDomainFilter)
        if leftType == .error || rightType == .error { return .error }
        if leftType.isNumeric, rightType.isNumeric {
            return op == .divide || leftType == .number || rightType == .number ? .number : .integer
        }
        if op == .add || op == .subtract {
            if leftType == .date, rightType == .duration { return .date }
            if leftType == .duration, rightType == .duration { return .duration }
            if op == .subtract, leftType == .date, rightType == .date { return .duration }
        }
        return mismatch("'\(op.rawValue)' cannot combine \(leftType) and \(rightType)", leftRange.union(right.range))
    }

    /// The type of `expression`, a side of a comparison whose other side is `other`: when that is
    /// a literal, a misspelt name is matched only against names of the literal's type.
    private mutating func typed(_ expression: RuleExpression, comparedWith other: RuleExpression,
                                inDomainFilter: Bool) -> ValueType {
        let literal: ValueType? = switch other.kind {
        case .integer: .integer
        case .number: .number
        case .date: .date
        case .duration: .duration
        default: nil
        }
        return typed(expression, expecting: literal, inDomainFilter: inDomainFilter)
    }

    private mutating func typed(_ expression: RuleExpression, expecting type: ValueType?, inDomainFilter: Bool) -> ValueType {
        guard let type, case .name = expression.kind else { return typeOf(expression, inDomainFilter: inDomainFilter) }
        expectedType = type
        defer { expectedType = nil }
        return typeOf(expression, inDomainFilter: inDomainFilter)
    }

    /// Whether an expression is a bare name that names nothing (so may be an enum's value).
    private func isEnumerationValue(_ expression: RuleExpression, inDomainFilter: Bool) -> Bool {
        guard case .name(let path) = expression.kind, path.count == 1 else { return false }
        if inDomainFilter, path[0] == "grade" { return false }
        return typeOfName(path[0]) == nil && path[0] != "domains" && !document.unreadableNames.contains(path[0])
    }

    /// The type a name has, for suggesting names of a comparable type.
    private func typeOfName(_ name: String) -> ValueType? {
        if let fact = Vocabulary.factsByName[name] { return fact.type }
        if let type = boardFacts[name] { return type }
        if definitions[name] != nil { return .boolean }
        if Level(rawValue: name) != nil { return .level }
        if eventKinds[name] != nil { return .events }
        return name == "grade" ? .grade : nil
    }

    /// Checks that `other` can be compared with a value of `type`, resolving a bare name against
    /// an enumeration's values. Returns `other`'s type.
    private mutating func comparable(_ type: ValueType, _ other: RuleExpression, inDomainFilter: Bool) -> ValueType {
        if let values = type.enumerationValues {
            if case .name(let path) = other.kind, path.count == 1, boardFacts[path[0]] == nil, definitions[path[0]] == nil {
                if !values.contains(path[0]) {
                    reportUnknown(CheckerDiagnostics.unknownEnumValue(path[0], values), path[0], values, other.range)
                }
                return type
            }
            if case .string(let text) = other.kind {
                if !values.contains(text) {
                    reportUnknown(CheckerDiagnostics.unknownEnumValue(text, values), text, values, other.range)
                }
                return type
            }
        }
        let otherType = typed(other, expecting: type == .error ? nil : type, inDomainFilter: inDomainFilter)
        if type == .error || otherType == .error || type == otherType || (type.isNumeric && otherType.isNumeric) {
            return otherType
        }
        return mismatch("cannot compare \(type) with \(otherType)", other.range)
    }

    private mutating func call(_ name: Located<String>, _ arguments: [CallArgument], _ range: SourceRange,
                               inDomainFilter: Bool) -> ValueType {
        let signature = Self.signatures[name.value]
        guard signature != nil || tables[name.value] != nil else {
            let known = Vocabulary.functions.map(\.name)
            reportUnknown(CheckerDiagnostics.unknownFunction(name.value), name.value, known + tables.keys.sorted(), name.range)
            return .error
        }
        guard arguments.count == 1, let argument = arguments.first else {
            report(CheckerDiagnostics.wrongArguments("'\(name.value)' takes exactly one argument, but is given \(arguments.count)"), range)
            return .error
        }
        // A table cannot take a function's name (`declare` refuses it), so a function is never one.
        if signature == nil, let table = tables[name.value] {
            used.insert(name.value)
            guard argument.filter == nil, argument.window == nil else {
                report(CheckerDiagnostics.wrongArguments("table '\(name.value)' takes one value, with no 'where' or window"), range)
                return .error
            }
            let type = typeOf(argument.value, inDomainFilter: inDomainFilter)
            let expected = ValueType(table.input)
            guard type == .error || type == expected || (type.isNumeric && expected.isNumeric) else {
                return mismatch("table '\(name.value)' is looked up by \(expected), not \(type)", argument.value.range)
            }
            return ValueType(table.output)
        }
        func wrong(_ why: String) -> ValueType {
            report(CheckerDiagnostics.wrongArguments("\(why); '\(name.value)' is used as \(signature ?? "")"), argument.range)
            return .error
        }
        if let window = argument.window {
            let type = typeOf(window, inDomainFilter: inDomainFilter)
            if type != .duration, type != .error {
                _ = mismatch("the window after 'in last' must be a duration such as '6 months', not \(type)", window.range)
            }
        }
        switch name.value {
        case "known", "unknown":
            guard argument.filter == nil, argument.window == nil else { return wrong("it takes a plain name") }
            switch argument.value.kind {
            case .name, .qualified: _ = typeOf(argument.value, inDomainFilter: inDomainFilter)
            default: return wrong("its argument must be the name of a fact")
            }
            return .boolean
        case "previous", "improved", "worsened", "unchanged":
            guard argument.filter == nil, argument.window == nil, argument.since == nil else { return wrong("it takes one domain") }
            let isDomain: Bool = switch argument.value.kind {
            case .name(let path): (path.count == 2 && path[0] == "domain" && Vocabulary.domains.contains(path[1]))
                || (inDomainFilter && path == ["grade"])
            default: false
            }
            guard isDomain else {
                return wrong(inDomainFilter ? "its argument is a domain's grade: 'domain.hygiene', or 'grade' inside 'where'"
                                            : "its argument is a domain's grade, e.g. 'domain.hygiene'")
            }
            return name.value == "previous" ? .grade : .boolean
        case "count", "since", "any", "all", "max", "min", "first", "last":
            let type = typeOf(argument.value, inDomainFilter: inDomainFilter)
            if type == .error { return .error }
            if let visits = argument.lastVisits {
                let contacts = ["visit", "child_seen", "child_seen_alone", "home_seen", "bedroom_seen", "no_answer",
                                "access_refused", "no_access", "not_brought", "visit_cancelled", "visit_rescheduled"]
                let kind: String? = switch argument.value.kind {
                case .name(let path), .qualified(let path, _): Self.dotted(path)
                default: nil
                }
                guard name.value == "count", let kind, contacts.contains(kind) else {
                    return wrong("a window of visits counts contacts: count(child_seen_alone in last 4 visits)")
                }
                guard visits.value >= 1, argument.window == nil, argument.since == nil else {
                    return wrong("a window of visits takes a whole number of visits, and no other window")
                }
            }
            if let since = argument.since {
                guard ["count", "first", "last"].contains(name.value), type == .events else {
                    return wrong("only events are counted or dated 'since' other events")
                }
                let sinceType = typeOf(since, inDomainFilter: inDomainFilter)
                guard sinceType == .events || sinceType == .error else {
                    return wrong("'since' takes a kind of event, e.g. 'since child_seen'")
                }
            }
            switch (name.value, type) {
            case ("first", .events), ("last", .events):
                if argument.filter != nil { return wrong("events take no 'where'") }
                return .date
            case ("count", .events), ("since", .events):
                if argument.filter != nil { return wrong("events take no 'where'") }
                if name.value == "since", argument.window != nil { return wrong("'since' takes no window") }
                return name.value == "count" ? .integer : .duration
            case ("count", .domains), ("any", .domains), ("all", .domains):
                guard let filter = argument.filter else { return wrong("a set of domains needs 'where', e.g. 'where grade >= 4'") }
                if argument.window != nil { return wrong("domains take no window") }
                expectBoolean(filter, inDomainFilter: true)
                return name.value == "count" ? .integer : .boolean
            case ("max", .domains), ("min", .domains):
                if argument.filter != nil || argument.window != nil { return wrong("it takes only a set of domains") }
                return .grade
            default:
                return wrong("its argument is \(type)")
            }
        default:  // streak, oscillating, ever: a condition over exactly one domain's grade.
            if argument.filter != nil { return wrong("it takes no 'where'") }
            if name.value == "streak", argument.window != nil { return wrong("'streak' takes no window") }
            expectBoolean(argument.value, inDomainFilter: inDomainFilter)
            let paths = Self.paths(in: argument.value)
            let domainsMentioned = Set(paths.filter { $0.first == "domain" })
            // Inside `where`, the history is that of the domain being filtered: `streak(grade <= 3)`.
            let onFilteredGrade = inDomainFilter && domainsMentioned.isEmpty && paths.contains(["grade"])
            guard domainsMentioned.count == 1 || onFilteredGrade else {
                return wrong(inDomainFilter
                    ? "its condition must mention 'grade' (the domain being filtered) or exactly one domain grade"
                    : "its condition must mention exactly one domain grade, such as 'domain.hygiene >= 4'")
            }
            return name.value == "streak" ? .integer : .boolean
        }
    }

    /// Every dotted path an expression mentions.
    static func paths(in expression: RuleExpression) -> [[String]] {
        switch expression.kind {
        case .name(let path): [path]
        case .not(let inner): paths(in: inner)
        case .binary(_, let left, let right): paths(in: left) + paths(in: right)
        case .chain(let first, let links): paths(in: first) + links.flatMap { paths(in: $0.operand) }
        case .membership(let value, let items, _): paths(in: value) + items.flatMap { paths(in: $0) }
        case .list(let items): items.flatMap { paths(in: $0) }
        default: []
        }
    }

    // MARK: Reporting

    private mutating func mismatch(_ detail: String, _ range: SourceRange) -> ValueType {
        report(CheckerDiagnostics.typeMismatch(detail), range)
        return .error
    }

    private mutating func report(_ message: DiagnosticMessage, _ range: SourceRange) {
        diagnostics.append(Diagnostic(message, file: file, range: range))
    }

    private mutating func reportUnknown(_ message: DiagnosticMessage, _ name: String, _ candidates: [String], _ range: SourceRange) {
        diagnostics.append(Suggestion.diagnostic(message, name: name, candidates: candidates, file: file, range: range))
    }
}
