import Foundation
import ThresholdsDiagnostics

/// A condition in plain English, the way a published threshold document states a criterion,
/// with the document's own terms (definitions, judgement questions, lookup tables) marked so
/// that a renderer can link them to the glossary. Every sentence keeps the exact expression it
/// was written from: the prose is for reading, the expression is what the engine applies.
public indirect enum ProseCondition: Sendable, Hashable {
    /// One criterion, and the expression it says.
    case sentence(Phrase, expression: String)
    /// Every part must hold.
    case all([ProseCondition])
    /// At least one part must hold.
    case any([ProseCondition])
    /// At least `count` of the parts must hold.
    case atLeast(Int, [ProseCondition])
    /// The part must not hold.
    case not(ProseCondition)
}

/// Words with some of the document's terms marked.
public struct Phrase: Sendable, Hashable, CustomStringConvertible {
    /// A stretch of words, or one of the document's terms.
    public enum Part: Sendable, Hashable {
        /// Plain words.
        case text(String)
        /// A term the document declares (a definition, a judgement question, a table): its
        /// words, and the name the glossary files it under.
        case term(String, name: String)
    }

    /// The parts, in order.
    public var parts: [Part]

    /// The words without marks.
    public var description: String {
        parts.map { part -> String in
            switch part {
            case .text(let text): text
            case .term(let text, _): text
            }
        }.joined()
    }

    init(_ parts: [Part]) { self.parts = parts }
    init(_ text: String) { self.parts = [.text(text)] }

    static func + (lhs: Phrase, rhs: Phrase) -> Phrase { Phrase(lhs.parts + rhs.parts) }
    static func + (lhs: Phrase, rhs: String) -> Phrase { Phrase(lhs.parts + [.text(rhs)]) }
    static func + (lhs: String, rhs: Phrase) -> Phrase { Phrase([.text(lhs)] + rhs.parts) }

    static func joined(_ phrases: [Phrase], separator: String) -> Phrase {
        var parts: [Part] = []
        for (index, phrase) in phrases.enumerated() {
            if index > 0 { parts.append(.text(separator)) }
            parts += phrase.parts
        }
        return Phrase(parts)
    }
}

/// Turns a document's conditions into ``ProseCondition``s. The wording follows the DSL's
/// meaning closely; a construct it has no phrasing for is quoted as written, never guessed.
public struct ConditionProse: Sendable {
    private let definitions: Set<String>
    private let questions: [String: String]
    private let tables: Set<String>
    private let levelLabels: [String: String]
    private let boardFacts: Set<String>

    /// Prose for the conditions of `document`, linking its definitions, judgement questions and tables.
    public init(_ document: ThresholdDocument) {
        definitions = Set(document.definitions.map(\.name.value))
        var questions: [String: String] = [:]
        for fact in document.facts { if let question = fact.question { questions[fact.name.value] = question } }
        self.questions = questions
        tables = Set(document.tables.map(\.name.value))
        var labels: [String: String] = [:]
        for level in Level.allCases { labels[level.rawValue] = document.label(for: level) }
        levelLabels = labels
        boardFacts = Set(document.facts.map(\.name.value))
    }

    /// A condition as prose.
    public func condition(_ condition: Condition) -> ProseCondition {
        switch condition.kind {
        case .expression(let expression): .sentence(sentence(expression), expression: expression.description)
        case .all(let parts): .all(parts.map(self.condition))
        case .any(let parts): .any(parts.map(self.condition))
        case .atLeast(let count, let parts): .atLeast(count, parts.map(self.condition))
        case .not(let part): .not(self.condition(part))
        }
    }

    // MARK: Sentences (boolean expressions)

    /// A boolean expression as a clause.
    public func sentence(_ expression: RuleExpression) -> Phrase {
        switch expression.kind {
        case .boolean(let flag): return Phrase(flag ? "always" : "never")
        case .name(let path): return nameClause(path)
        case .not(let inner): return negated(sentence(inner))
        case .chain(let first, let links) where links.allSatisfy({ $0.op == .and || $0.op == .or }):
            var phrase = clause(first, inside: links.first?.op)
            for link in links { phrase = phrase + " \(link.op.rawValue) " + clause(link.operand, inside: link.op) }
            return phrase
        case .binary(let op, let left, let right):
            return comparison(op, left, right)
        case .membership(let value, let items, let negated):
            return noun(value) + (negated ? " is none of " : " is one of ")
                + Phrase.joined(items.map(noun), separator: ", ")
        case .call(let name, let arguments):
            return callClause(name.value, arguments) ?? quoted(expression)
        default:
            return quoted(expression)
        }
    }

    /// A part of an `and`/`or` chain, bracketed when it is a chain of the other operator.
    private func clause(_ expression: RuleExpression, inside op: BinaryOperator?) -> Phrase {
        if case .chain(_, let links) = expression.kind, let inner = links.first?.op, inner != op,
           inner == .and || inner == .or {
            return "(" + sentence(expression) + ")"
        }
        return sentence(expression)
    }

    private func nameClause(_ path: [String]) -> Phrase {
        let name = path.joined(separator: ".")
        if definitions.contains(name) { return Phrase([.term(Self.words(name), name: name)]) }
        if let question = questions[name] {
            return Phrase([.text("the answer to "), .term("“\(question)”", name: name), .text(" is yes")])
        }
        if let fact = Vocabulary.factsByName[name], fact.summary.hasPrefix("Whether ") {
            var summary = String(fact.summary.dropFirst("Whether ".count))
            if summary.hasSuffix(".") { summary.removeLast() }
            return Phrase(summary)
        }
        if boardFacts.contains(name) { return Phrase([.term(Self.words(name), name: name)]) }
        return nameNoun(path)
    }

    private func comparison(_ op: BinaryOperator, _ left: RuleExpression, _ right: RuleExpression) -> Phrase {
        if case .boolean(let flag) = right.kind, op == .equal || op == .notEqual {
            return (flag == (op == .equal)) ? sentence(left) : negated(sentence(left))
        }
        let relation: String
        switch op {
        case .equal: relation = " is "
        case .notEqual: relation = " is not "
        case .less: relation = " is less than "
        case .lessOrEqual: relation = " is at most "
        case .greater: relation = " is more than "
        case .greaterOrEqual: relation = " is at least "
        default: return quoted(RuleExpression(.binary(op, left, right), range: left.range.union(right.range)))
        }
        return noun(left) + relation + noun(right)
    }

    private func callClause(_ name: String, _ arguments: [CallArgument]) -> Phrase? {
        guard let argument = arguments.first else { return nil }
        switch name {
        case "any", "all":
            guard let filter = argument.filter else { return nil }
            return (name == "any" ? "in at least one of " : "in every one of ") + collection(argument.value) + ", " + sentence(filter)
        case "ever":
            return "at some assessment" + window(argument) + ", " + sentence(argument.value)
        case "oscillating":
            return "over the assessments" + window(argument) + ", it was so, then not, then so again, that " + sentence(argument.value)
        case "improved", "worsened", "unchanged":
            return noun(argument.value) + " \(name == "unchanged" ? "was unchanged" : name) since the assessment before"
        case "known": return noun(argument.value) + " is known"
        case "unknown": return noun(argument.value) + " is not known"
        default: return nil
        }
    }

    // MARK: Nouns (values)

    /// A value expression as a noun phrase.
    public func noun(_ expression: RuleExpression) -> Phrase {
        switch expression.kind {
        case .boolean(let flag): return Phrase(flag ? "yes" : "no")
        case .integer(let value): return Phrase(String(value))
        case .number(let value): return Phrase(RuleExpression.format(value))
        case .string(let value): return Phrase("“\(value)”")
        case .date(let value): return Phrase(value.description)
        case .duration(let value): return Phrase(value.description)
        case .name(let path): return nameNoun(path)
        case .qualified(let path, let qualifiers):
            let list = qualifiers.map { Self.words($0.value) }.joined(separator: ", ")
            if path == ["domains"] { return Phrase("the areas of care (\(list))") }
            return Phrase("\(Self.words(path.joined(separator: "."))) (\(list))")
        case .chain(let first, let links) where links.allSatisfy({ !($0.op == .and || $0.op == .or) }):
            var phrase = noun(first)
            for link in links { phrase = phrase + " \(Self.arithmetic(link.op)) " + noun(link.operand) }
            return phrase
        case .list(let items): return Phrase.joined(items.map(noun), separator: ", ")
        case .call(let name, let arguments): return callNoun(name.value, arguments) ?? quoted(expression)
        default: return sentence(expression)
        }
    }

    private func nameNoun(_ path: [String]) -> Phrase {
        let name = path.joined(separator: ".")
        if let label = levelLabels[name] { return Phrase(label) }
        if definitions.contains(name) || questions[name] != nil || boardFacts.contains(name) {
            return Phrase([.term(Self.words(name), name: name)])
        }
        switch path.first {
        case "domain" where path.count == 2: return Phrase("the \(Self.words(path[1])) grade")
        case "grade" where path.count == 1: return Phrase("the grade")
        case "domains" where path.count == 1: return Phrase("the areas of care")
        case "as_of": return Phrase("the date of evaluation")
        case "current_plan": return Phrase("the current plan")
        case "child" where path.count == 2: return Phrase("the child's \(Self.words(path[1]))")
        case "education" where path.count == 2: return Phrase("school \(Self.words(path[1]))")
        default:
            if let summary = Vocabulary.factsByName[name].flatMap(Self.shortSummary) { return Phrase(summary) }
            return Phrase(Self.words(name))
        }
    }

    private func callNoun(_ name: String, _ arguments: [CallArgument]) -> Phrase? {
        guard let argument = arguments.first else { return nil }
        if tables.contains(name) {
            return Phrase([.term(Self.words(name), name: name), .text(" for ")]) + noun(argument.value)
        }
        switch name {
        case "count":
            if let filter = argument.filter {
                return "the number of " + collection(argument.value) + " where " + sentence(filter)
            }
            return "the number of " + events(argument.value) + " events" + since(argument) + window(argument)
        case "since": return "the time since the last " + events(argument.value)
        case "first", "last":
            return "the date of the \(name) " + events(argument.value) + since(argument) + window(argument)
        case "max": return "the worst grade of " + collection(argument.value)
        case "min": return "the best grade of " + collection(argument.value)
        case "previous": return noun(argument.value) + " at the assessment before the latest"
        case "streak":
            return "the number of assessments in a row, latest first, at which " + sentence(argument.value)
        default: return nil
        }
    }

    private func collection(_ expression: RuleExpression) -> Phrase {
        if case .name(["domains"]) = expression.kind { return Phrase("the areas of care") }
        return noun(expression)
    }

    private func events(_ expression: RuleExpression) -> Phrase {
        switch expression.kind {
        case .name(let path): return Phrase("‘\(Self.words(path.joined(separator: ".")))’")
        case .qualified(let path, let qualifiers):
            return Phrase("‘\(Self.words(path.joined(separator: ".")))’ (\(qualifiers.map { Self.words($0.value) }.joined(separator: ", ")))")
        default: return noun(expression)
        }
    }

    private func since(_ argument: CallArgument) -> Phrase {
        guard let since = argument.since else { return Phrase([]) }
        return " since the last " + events(since)
    }

    private func window(_ argument: CallArgument) -> Phrase {
        if let visits = argument.lastVisits { return Phrase(" in the last \(visits.value) \(visits.value == 1 ? "visit" : "visits")") }
        guard let window = argument.window else { return Phrase([]) }
        if window.isThisPregnancy { return Phrase(" in this pregnancy") }
        return " in the last " + noun(window)
    }

    /// A negated clause, bracketed so that it cannot be read as negating more than itself.
    private func negated(_ phrase: Phrase) -> Phrase { "not (" + phrase + ")" }

    /// A standard fact's summary as a noun phrase, when it is a short one: `How long the child
    /// has been on the current plan.` → `how long the child has been on the current plan`.
    private static func shortSummary(_ fact: Vocabulary.Fact) -> String? {
        var text = fact.summary
        guard text.hasPrefix("The ") || text.hasPrefix("How ") else { return nil }
        if let cut = text.firstIndex(where: { $0 == "(" || $0 == ":" || $0 == ";" }) { text = String(text[..<cut]) }
        text = text.trimmingCharacters(in: .whitespaces)
        if text.hasSuffix(".") { text.removeLast() }
        guard text.count <= 60 else { return nil }
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    private func quoted(_ expression: RuleExpression) -> Phrase { Phrase("‘\(expression.description)’") }

    private static func arithmetic(_ op: BinaryOperator) -> String {
        switch op {
        case .add: "plus"
        case .subtract: "minus"
        case .multiply: "times"
        case .divide: "divided by"
        default: op.rawValue
        }
    }

    /// A name in words: `home_conditions` → `home conditions`, `context.poverty` → `context poverty`.
    static func words(_ name: String) -> String {
        name.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: ".", with: " ")
    }
}
