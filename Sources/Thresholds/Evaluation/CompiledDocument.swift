/// An expression with every name resolved, and its canonical text for explanations: evaluating
/// it never looks a name up.
struct CompiledExpression: Sendable {
    indirect enum Node: Sendable {
        case constant(Value)
        case duration(Duration)
        case standard(StandardFact)
        case board(String, FactDeclaration)
        case definition(Int)
        /// `grade` inside a `where` filter.
        case grade
        /// A domain's grade that `streak`/`oscillating` may set per assessment.
        case domainGrade(String, StandardFact)
        case not(CompiledExpression)
        /// `a and b and c …` or `a or b or c …`, flat.
        case logical(BinaryOperator, [CompiledExpression])
        case compare(BinaryOperator, CompiledExpression, CompiledExpression)
        /// `a + b - c …`, left to right, flat.
        case arithmetic(CompiledExpression, [(BinaryOperator, CompiledExpression)])
        case membership(CompiledExpression, [CompiledExpression], negated: Bool)
        /// A scale's value as its position (lowest 0), for `<` and `>=`; unknown when unknown.
        case rank([String], CompiledExpression)
        /// `previous`, `improved`, `worsened` or `unchanged` of a domain's last two grades; `domain`
        /// is `nil` inside a `where` filter, for the domain being filtered.
        case change(function: String, domain: String?)
        /// A lookup table's value for the argument.
        case table(LookupTable, CompiledExpression)
        case list([CompiledExpression])
        case count(EventQuery, window: CompiledExpression?)
        /// `count`, `first` or `last` of the events after the latest event of another kind.
        case eventsSince(function: String, EventQuery, since: (query: EventQuery, kind: String)?, window: CompiledExpression?)
        /// How many of the last `n` contacts (of the stream's agencies and announcement) were of
        /// the stream's kind: `count(child_seen_alone in last 4 visits)`.
        case lastVisits(EventQuery, n: Int)
        case since(EventQuery, kind: String)
        /// `domains` holds positions in ``Vocabulary/domains``.
        case domains(function: String, [Int], filter: CompiledExpression?)
        /// `streak`, `oscillating` or `ever` over one domain's assessments; `domain` is `nil`
        /// inside a `where` filter, for the domain being filtered.
        case history(function: String, domain: String?, condition: CompiledExpression, window: CompiledExpression?)
        case known(CompiledExpression, wanted: Bool)
        /// What a checked document cannot contain; evaluates to unknown.
        case invalid
    }

    let node: Node
    let text: String
    /// For a call read outside any `where` filter or history (`count(…)`, `any(domains …)`,
    /// `since(…)`…), its slot in the case context's memo: the same call in many rules, or in a
    /// definition and a rule, is evaluated once per explained case. -1 for anything else.
    var memo: Int = -1
}

/// A condition whose expression leaves are compiled.
indirect enum CompiledCondition: Sendable {
    case expression(CompiledExpression)
    case all([CompiledCondition])
    case any([CompiledCondition])
    case not(CompiledCondition)
    case atLeast(Int, [CompiledCondition])
}

/// A rule with its conditions compiled.
struct CompiledRule: Sendable {
    let rule: Rule
    let when: CompiledCondition
    let unless: CompiledCondition?
}

/// A checked document compiled once for evaluation: names resolved to facts, definitions,
/// levels, event streams and domain sets, so that evaluation does no name look-ups.
struct CompiledDocument: Sendable {
    let definitions: [(name: String, condition: CompiledCondition)]
    let rules: [CompiledRule]

    init(_ document: ThresholdDocument) {
        let indices = Dictionary(document.definitions.enumerated().map { ($1.name.value, $0) }, uniquingKeysWith: { first, _ in first })
        let declarations = Dictionary(document.facts.map { ($0.name.value, $0) }, uniquingKeysWith: { first, _ in first })
        let tables = Dictionary(document.tables.map { ($0.name.value, $0) }, uniquingKeysWith: { first, _ in first })
        let compiler = Compiler(definitions: indices, declarations: declarations, tables: tables, memos: Compiler.Memos())
        definitions = document.definitions.map { ($0.name.value, compiler.condition($0.condition)) }
        rules = document.rules.map { rule in
            CompiledRule(rule: rule, when: compiler.condition(rule.when), unless: rule.unless.map { compiler.condition($0) })
        }
    }
}

extension CompiledDocument {
    /// One expression of a document compiled on its own (an action's deadline anchor), resolving
    /// names as the document's rules do. Its calls take no memo slots: those belong to the
    /// document's own compilation.
    static func compile(_ expression: RuleExpression, in document: ThresholdDocument) -> CompiledExpression {
        let indices = Dictionary(document.definitions.enumerated().map { ($1.name.value, $0) }, uniquingKeysWith: { first, _ in first })
        let declarations = Dictionary(document.facts.map { ($0.name.value, $0) }, uniquingKeysWith: { first, _ in first })
        let tables = Dictionary(document.tables.map { ($0.name.value, $0) }, uniquingKeysWith: { first, _ in first })
        return Compiler(definitions: indices, declarations: declarations, tables: tables, memos: nil)
            .compile(expression, inFilter: false)
    }
}

/// Resolves names in the order the checker does (docs/DSL.md §8.3).
private struct Compiler {
    let definitions: [String: Int]
    let declarations: [String: FactDeclaration]
    let tables: [String: LookupTable]
    /// The memo slots given so far, by the call's canonical text; `nil` to give none.
    let memos: Memos?

    /// Memo slots by canonical text: one compilation's, shared by every expression it compiles.
    final class Memos {
        var slots: [String: Int] = [:]
    }

    func condition(_ condition: Condition) -> CompiledCondition {
        switch condition.kind {
        case .expression(let expression): .expression(compile(expression, inFilter: false))
        case .all(let parts): .all(parts.map(self.condition))
        case .any(let parts): .any(parts.map(self.condition))
        case .not(let part): .not(self.condition(part))
        case .atLeast(let count, let parts): .atLeast(count, parts.map(self.condition))
        }
    }

    func compile(_ expression: RuleExpression, inFilter: Bool) -> CompiledExpression {
        let node = node(expression, inFilter: inFilter)
        let text = expression.description
        guard !inFilter, let memos, Self.isMemoizable(node) else { return CompiledExpression(node: node, text: text) }
        // A name means the same throughout a document, so calls written alike are the same call.
        let next = memos.slots.count
        let slot = memos.slots[text, default: next]
        if slot == next { memos.slots[text] = slot }
        return CompiledExpression(node: node, text: text, memo: slot)
    }

    /// The calls worth remembering per case: those that look through the case's records.
    private static func isMemoizable(_ node: CompiledExpression.Node) -> Bool {
        switch node {
        case .count, .eventsSince, .lastVisits, .since, .domains, .history: true
        default: false
        }
    }

    private func node(_ expression: RuleExpression, inFilter: Bool) -> CompiledExpression.Node {
        switch expression.kind {
        case .boolean(let flag): return .constant(.boolean(flag))
        case .integer(let value): return .constant(.number(Double(value)))
        case .number(let value): return .constant(.number(value))
        case .string(let text): return .constant(.string(text))
        case .date(let date): return .constant(.date(date))
        case .duration(let duration): return .duration(duration)
        case .name(let path): return name(path, inFilter: inFilter)
        case .qualified: return .invalid  // only meaningful as a function argument
        case .list(let items): return .list(items.map { compile($0, inFilter: inFilter) })
        case .not(let inner): return .not(compile(inner, inFilter: inFilter))
        case .membership(let value, let items, let negated):
            let subject = compile(value, inFilter: inFilter)
            return .membership(subject, items.map { Self.asText(compile($0, inFilter: inFilter), beside: subject) }, negated: negated)
        case .binary(let op, let left, let right):
            let (first, second) = (compile(left, inFilter: inFilter), compile(right, inFilter: inFilter))
            if [.less, .lessOrEqual, .greater, .greaterOrEqual].contains(op),
               let values = Self.scale(of: first) ?? Self.scale(of: second) {
                return .compare(op, Self.ranked(first, values), Self.ranked(second, values))
            }
            return .compare(op, Self.asText(first, beside: second), Self.asText(second, beside: first))
        case .chain(let first, let links):
            if let op = links.first?.op, op == .and || op == .or {
                return .logical(op, [compile(first, inFilter: inFilter)] + links.map { compile($0.operand, inFilter: inFilter) })
            }
            return .arithmetic(compile(first, inFilter: inFilter), links.map { ($0.op, compile($0.operand, inFilter: inFilter)) })
        case .call(let name, let arguments):
            guard let argument = arguments.first else { return .invalid }
            if let table = tables[name.value] { return .table(table, compile(argument.value, inFilter: inFilter)) }
            return call(name.value, argument, inFilter: inFilter)
        }
    }

    private func name(_ path: [String], inFilter: Bool) -> CompiledExpression.Node {
        let name = path.joined(separator: ".")
        if inFilter, name == "grade" { return .grade }
        if inFilter, ["improved", "worsened", "unchanged"].contains(name) { return .change(function: name, domain: nil) }
        if path.count == 1, let index = definitions[name] { return .definition(index) }
        if let declaration = declarations[name] { return .board(name, declaration) }
        if let fact = StandardFact(rawValue: name) {
            if name.hasPrefix("domain.") { return .domainGrade(String(name.dropFirst("domain.".count)), fact) }
            return .standard(fact)
        }
        if path.count == 1, let level = Level(rawValue: name) { return .constant(.level(level)) }
        return .constant(.string(name))  // an enumeration value, resolved by the checker
    }

    /// The values of a board scale the expression reads, lowest first.
    static func scale(of expression: CompiledExpression) -> [String]? {
        if case .board(_, let declaration) = expression.node, case .scale(let values) = declaration.type { return values }
        return nil
    }

    /// One side of an ordering comparison on a scale, as positions: a value written in the
    /// document is its position; a fact is ranked as it is read (its reading shows its value).
    static func ranked(_ expression: CompiledExpression, _ values: [String]) -> CompiledExpression {
        switch expression.node {
        case .constant(.string(let text)):
            let value: Value = values.firstIndex(of: text).map { .number(Double($0)) } ?? .unknown
            return CompiledExpression(node: .constant(value), text: expression.text)
        case .constant(.level(let level)):
            let value: Value = values.firstIndex(of: level.rawValue).map { .number(Double($0)) } ?? .unknown
            return CompiledExpression(node: .constant(value), text: expression.text)
        default:
            return CompiledExpression(node: .rank(values, expression), text: expression.text)
        }
    }

    /// A bare name spelt like a level (`child_protection`) compared with a text or enumeration
    /// fact is that fact's value, as the checker reads it, not the engine's level: otherwise
    /// `previous_plan == child_protection` would compare a string with a level and never hold.
    static func asText(_ expression: CompiledExpression, beside other: CompiledExpression) -> CompiledExpression {
        guard case .constant(.level(let level)) = expression.node else { return expression }
        let isText: Bool
        switch other.node {
        case .board(_, let declaration):
            switch declaration.type {
            case .string, .enumeration, .scale: isText = true
            default: isText = false
            }
        case .standard(let fact): isText = ProgramCompiler.kind(of: fact) == .string
        default: isText = false
        }
        return isText ? CompiledExpression(node: .constant(.string(level.rawValue)), text: expression.text) : expression
    }

    private func selection(_ expression: RuleExpression) -> (String, [String])? {
        switch expression.kind {
        case .name(let path): (path.joined(separator: "."), [])
        case .qualified(let path, let qualifiers): (path.joined(separator: "."), qualifiers.map(\.value))
        default: nil
        }
    }

    /// The domains a `domains[…]` selection names, as positions in ``Vocabulary/domains``, in
    /// vocabulary order.
    private func domainSet(_ expression: RuleExpression) -> [Int] {
        guard case .qualified(_, let qualifiers) = expression.kind else { return Array(Vocabulary.domains.indices) }
        let names = Set(qualifiers.flatMap { Vocabulary.domainGroups[$0.value] ?? [$0.value] })
        return Vocabulary.domains.indices.filter { names.contains(Vocabulary.domains[$0]) }
    }

    private func call(_ function: String, _ argument: CallArgument, inFilter: Bool) -> CompiledExpression.Node {
        let window = argument.window.map { compile($0, inFilter: inFilter) }
        switch function {
        case "known", "unknown":
            return .known(compile(argument.value, inFilter: inFilter), wanted: function == "known")
        case "first", "last":
            guard let (kind, qualifiers) = selection(argument.value) else { return .invalid }
            let since = argument.since.flatMap(selection).map { (query: EventQuery(kind: $0.0, qualifiers: $0.1), kind: $0.0) }
            return .eventsSince(function: function, EventQuery(kind: kind, qualifiers: qualifiers), since: since, window: window)
        case "count" where argument.lastVisits != nil:
            guard let (kind, qualifiers) = selection(argument.value), let visits = argument.lastVisits else { return .invalid }
            return .lastVisits(EventQuery(kind: kind, qualifiers: qualifiers), n: visits.value)
        case "count" where argument.since != nil:
            guard let (kind, qualifiers) = selection(argument.value), let since = argument.since.flatMap(selection) else { return .invalid }
            return .eventsSince(function: function, EventQuery(kind: kind, qualifiers: qualifiers),
                                since: (query: EventQuery(kind: since.0, qualifiers: since.1), kind: since.0), window: window)
        case "count", "since":
            if let (kind, qualifiers) = selection(argument.value), kind != "domains" {
                let query = EventQuery(kind: kind, qualifiers: qualifiers)
                return function == "count" ? .count(query, window: window) : .since(query, kind: kind)
            }
            return .domains(function: function, domainSet(argument.value), filter: argument.filter.map { compile($0, inFilter: true) })
        case "any", "all", "max", "min":
            return .domains(function: function, domainSet(argument.value), filter: argument.filter.map { compile($0, inFilter: true) })
        case "previous", "improved", "worsened", "unchanged":
            guard case .name(let path) = argument.value.kind else { return .invalid }
            return .change(function: function, domain: path.count == 2 ? path[1] : nil)
        case "streak", "oscillating", "ever":
            let paths = Checker.paths(in: argument.value)
            if let domain = paths.first(where: { $0.first == "domain" && $0.count == 2 })?[1] {
                return .history(function: function, domain: domain, condition: compile(argument.value, inFilter: inFilter), window: window)
            }
            guard inFilter, paths.contains(["grade"]) else { return .invalid }
            return .history(function: function, domain: nil, condition: compile(argument.value, inFilter: true), window: window)
        default:
            return .invalid
        }
    }
}
