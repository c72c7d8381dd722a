public import ThresholdsDiagnostics

/// One small change to a document: what a fixture suite should notice.
public struct Mutant: Sendable {
    /// What was changed, as written before (`domain.hygiene >= 3`).
    public var original: String
    /// What it was changed to (`domain.hygiene > 3`); empty when it was dropped.
    public var replacement: String
    /// The rule or definition it is in.
    public var owner: String
    /// Where the change is.
    public var range: SourceRange
    /// The file it is in.
    public var file: String
    /// The changed document.
    public var document: ThresholdDocument
}

/// Makes the mutants of a document (docs/FIXTURES.md, "Mutation testing"): each numeric
/// threshold and each window length one step up and down, each comparison's boundary moved
/// (`>=` to `>`, `<` to `<=`) and its direction reversed, each `all` made `any` and back (and
/// each `and` chain `or`), each part of a condition dropped, each `at_least` count moved, and
/// each `unless` dropped — in every rule and definition.
public enum DocumentMutator {
    /// Every mutant of `document`, in document order.
    public static func mutants(of document: ThresholdDocument) -> [Mutant] {
        var out: [Mutant] = []
        for (index, rule) in document.rules.enumerated() {
            let file = rule.file ?? document.file
            for change in mutations(of: rule.when) {
                var mutated = document
                mutated.rules[index].when = change.condition
                out.append(Mutant(original: change.original, replacement: change.replacement, owner: rule.id.value,
                                  range: change.range, file: file, document: mutated))
            }
            if let unless = rule.unless {
                for change in mutations(of: unless) {
                    var mutated = document
                    mutated.rules[index].unless = change.condition
                    out.append(Mutant(original: change.original, replacement: change.replacement, owner: rule.id.value,
                                      range: change.range, file: file, document: mutated))
                }
                var mutated = document
                mutated.rules[index].unless = nil
                out.append(Mutant(original: "unless: " + Self.text(unless), replacement: "no exception", owner: rule.id.value,
                                  range: unless.range, file: file, document: mutated))
            }
        }
        for (index, definition) in document.definitions.enumerated() {
            for change in mutations(of: definition.condition) {
                var mutated = document
                mutated.definitions[index].condition = change.condition
                out.append(Mutant(original: change.original, replacement: change.replacement, owner: definition.name.value,
                                  range: change.range, file: definition.file ?? document.file, document: mutated))
            }
        }
        return out
    }

    struct Change {
        var condition: Condition
        var original: String
        var replacement: String
        var range: SourceRange
    }

    static func text(_ condition: Condition) -> String {
        switch condition.kind {
        case .expression(let expression): expression.description
        case .all: "all: […]"
        case .any: "any: […]"
        case .not(let part): "not: " + text(part)
        case .atLeast(let count, _): "at_least: \(count)"
        }
    }

    static func mutations(of condition: Condition) -> [Change] {
        var out: [Change] = []
        switch condition.kind {
        case .expression(let expression):
            for change in mutations(of: expression) {
                out.append(Change(condition: Condition(.expression(change.expression), range: condition.range),
                                  original: change.original, replacement: change.replacement, range: change.range))
            }
        case .all(let parts), .any(let parts):
            let isAll = if case .all = condition.kind { true } else { false }
            out.append(Change(condition: Condition(isAll ? .any(parts) : .all(parts), range: condition.range),
                              original: isAll ? "all:" : "any:", replacement: isAll ? "any:" : "all:", range: condition.range))
            for index in parts.indices where parts.count > 1 {
                var rest = parts
                rest.remove(at: index)
                out.append(Change(condition: Condition(isAll ? .all(rest) : .any(rest), range: condition.range),
                                  original: text(parts[index]), replacement: "", range: parts[index].range))
            }
            for index in parts.indices {
                for change in mutations(of: parts[index]) {
                    var changed = parts
                    changed[index] = change.condition
                    out.append(Change(condition: Condition(isAll ? .all(changed) : .any(changed), range: condition.range),
                                      original: change.original, replacement: change.replacement, range: change.range))
                }
            }
        case .not(let part):
            for change in mutations(of: part) {
                out.append(Change(condition: Condition(.not(change.condition), range: condition.range),
                                  original: change.original, replacement: change.replacement, range: change.range))
            }
        case .atLeast(let count, let parts):
            for other in [count - 1, count + 1] where other >= 1 && other <= parts.count {
                out.append(Change(condition: Condition(.atLeast(other, parts), range: condition.range),
                                  original: "at_least: \(count)", replacement: "at_least: \(other)", range: condition.range))
            }
            for index in parts.indices {
                for change in mutations(of: parts[index]) {
                    var changed = parts
                    changed[index] = change.condition
                    out.append(Change(condition: Condition(.atLeast(count, changed), range: condition.range),
                                      original: change.original, replacement: change.replacement, range: change.range))
                }
            }
        }
        return out
    }

    struct ExpressionChange {
        var expression: RuleExpression
        var original: String
        var replacement: String
        var range: SourceRange
    }

    /// The mutations of an expression, each as the whole expression with one change.
    static func mutations(of expression: RuleExpression) -> [ExpressionChange] {
        var out: [ExpressionChange] = []
        func change(_ kind: RuleExpression.Kind, at part: RuleExpression) {
            let replacement = RuleExpression(kind, range: part.range)
            out.append(ExpressionChange(expression: replacement, original: part.description,
                                        replacement: replacement.description, range: part.range))
        }
        switch expression.kind {
        case .binary(let op, let left, let right) where op.isComparison:
            for other in Self.comparisonMutations(op) { change(.binary(other, left, right), at: expression) }
            for rebuilt in numberSteps(right) { change(.binary(op, left, rebuilt), at: expression) }
            for rebuilt in numberSteps(left) { change(.binary(op, rebuilt, right), at: expression) }
            for inner in mutations(of: left) {
                out.append(ExpressionChange(expression: RuleExpression(.binary(op, inner.expression, right), range: expression.range),
                                            original: inner.original, replacement: inner.replacement, range: inner.range))
            }
            for inner in mutations(of: right) {
                out.append(ExpressionChange(expression: RuleExpression(.binary(op, left, inner.expression), range: expression.range),
                                            original: inner.original, replacement: inner.replacement, range: inner.range))
            }
        case .chain(let first, let links) where links.allSatisfy({ $0.op == .and }) || links.allSatisfy({ $0.op == .or }):
            let swapped: BinaryOperator = links.first?.op == .and ? .or : .and
            change(.chain(first, links.map { ChainLink(swapped, $0.operand) }), at: expression)
            let operands = [first] + links.map(\.operand)
            for index in operands.indices {
                var rest = operands
                rest.remove(at: index)
                if let head = rest.first {
                    let rebuilt = rest.count == 1 ? head.kind : .chain(head, rest.dropFirst().map { ChainLink(links[0].op, $0) })
                    let replacement = RuleExpression(rebuilt, range: expression.range)
                    out.append(ExpressionChange(expression: replacement, original: operands[index].description,
                                                replacement: "", range: operands[index].range))
                }
                for inner in mutations(of: operands[index]) {
                    var changed = operands
                    changed[index] = inner.expression
                    let rebuilt = RuleExpression(.chain(changed[0], zip(links, changed.dropFirst()).map { ChainLink($0.op, $1) }),
                                                 range: expression.range)
                    out.append(ExpressionChange(expression: rebuilt, original: inner.original, replacement: inner.replacement,
                                                range: inner.range))
                }
            }
        case .not(let inner):
            for change in mutations(of: inner) {
                out.append(ExpressionChange(expression: RuleExpression(.not(change.expression), range: expression.range),
                                            original: change.original, replacement: change.replacement, range: change.range))
            }
        case .call(let name, let arguments):
            for (index, argument) in arguments.enumerated() {
                if let window = argument.window, !window.isThisPregnancy {
                    for rebuilt in numberSteps(window) {
                        var changed = arguments
                        changed[index].window = rebuilt
                        change(.call(name, changed), at: expression)
                    }
                }
                if let visits = argument.lastVisits {
                    for other in [visits.value - 1, visits.value + 1] where other >= 1 {
                        var changed = arguments
                        changed[index].lastVisits = Located(other, range: visits.range)
                        change(.call(name, changed), at: expression)
                    }
                }
                if let filter = argument.filter {
                    for inner in mutations(of: filter) {
                        var changed = arguments
                        changed[index].filter = inner.expression
                        out.append(ExpressionChange(expression: RuleExpression(.call(name, changed), range: expression.range),
                                                    original: inner.original, replacement: inner.replacement, range: inner.range))
                    }
                }
                // A condition inside a history function (`streak(domain.x >= 4)`).
                if ["streak", "ever", "oscillating"].contains(name.value) {
                    for inner in mutations(of: argument.value) {
                        var changed = arguments
                        changed[index].value = inner.expression
                        out.append(ExpressionChange(expression: RuleExpression(.call(name, changed), range: expression.range),
                                                    original: inner.original, replacement: inner.replacement, range: inner.range))
                    }
                }
            }
        default:
            break
        }
        return out
    }

    /// A boundary moved, and the direction reversed.
    static func comparisonMutations(_ op: BinaryOperator) -> [BinaryOperator] {
        switch op {
        case .greaterOrEqual: [.greater, .lessOrEqual]
        case .greater: [.greaterOrEqual, .less]
        case .lessOrEqual: [.less, .greaterOrEqual]
        case .less: [.lessOrEqual, .greater]
        case .equal: [.notEqual]
        case .notEqual: [.equal]
        default: []
        }
    }

    /// A number or duration literal one step down and up (never below zero for a duration).
    static func numberSteps(_ expression: RuleExpression) -> [RuleExpression] {
        switch expression.kind {
        case .integer(let value):
            return [value - 1, value + 1].map { RuleExpression(.integer($0), range: expression.range) }
        case .number(let value):
            return [value - 1, value + 1].map { RuleExpression(.number($0), range: expression.range) }
        case .duration(let duration):
            return [duration.amount - 1, duration.amount + 1].filter { $0 >= 1 }.map {
                RuleExpression(.duration(Duration($0, duration.unit)), range: expression.range)
            }
        default:
            return []
        }
    }
}
