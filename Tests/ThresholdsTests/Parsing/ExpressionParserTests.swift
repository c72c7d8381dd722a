import Testing
@testable import Thresholds
import ThresholdsDiagnostics
import ThresholdsYAML

/// Parses an expression with locations on a single line starting at column 1.
private func parse(_ text: String) -> Result<RuleExpression, ExpressionSyntaxError> {
    let count = text.unicodeScalars.count
    let locations = (0...count).map { SourceLocation(line: 1, column: $0 + 1, offset: $0) }
    return ExpressionParser.parse(text, locations: locations)
}

/// A compact, fully parenthesised rendering of an expression tree.
private func dump(_ expression: RuleExpression) -> String {
    switch expression.kind {
    case .boolean(let value): return String(value)
    case .integer(let value): return String(value)
    case .number(let value): return String(value)
    case .string(let value): return "\"\(value)\""
    case .date(let value): return value.description
    case .duration(let value): return "<\(value)>"
    case .name(let path): return path.joined(separator: ".")
    case .qualified(let path, let qualifiers):
        return path.joined(separator: ".") + "[" + qualifiers.map(\.value).joined(separator: ",") + "]"
    case .not(let inner): return "(not \(dump(inner)))"
    case .binary(let op, let left, let right): return "(\(dump(left)) \(op.rawValue) \(dump(right)))"
    case .chain(let first, let links):
        // Shown grouped to the left, as the chain means.
        return links.reduce(dump(first)) { "(\($0) \($1.op.rawValue) \(dump($1.operand)))" }
    case .membership(let value, let items, let negated):
        return "(\(dump(value)) \(negated ? "not in" : "in") [\(items.map(dump).joined(separator: ", "))])"
    case .list(let items): return "[" + items.map(dump).joined(separator: ", ") + "]"
    case .call(let name, let arguments):
        let parts = arguments.map { argument in
            var text = dump(argument.value)
            if let filter = argument.filter { text += " where \(dump(filter))" }
            if let window = argument.window { text += " in last \(dump(window))" }
            return text
        }
        return "\(name.value)(\(parts.joined(separator: ", ")))"
    }
}

struct ParseCase: CustomTestStringConvertible, Sendable {
    let source: String
    let tree: String
    var testDescription: String { source }
}

@Suite("Expression parser")
struct ExpressionParserTests {
    @Test("precedence, associativity and every form of the grammar", arguments: [
        ParseCase(source: "a or b and c", tree: "(a or (b and c))"),
        ParseCase(source: "not a and b", tree: "((not a) and b)"),
        ParseCase(source: "not not a", tree: "(not (not a))"),
        ParseCase(source: "a + b * c >= 4", tree: "((a + (b * c)) >= 4)"),
        ParseCase(source: "a - b - c", tree: "((a - b) - c)"),
        ParseCase(source: "(a or b) and c", tree: "((a or b) and c)"),
        ParseCase(source: "x / y >= 0.5", tree: "((x / y) >= 0.5)"),
        ParseCase(source: "child.age < 1 year", tree: "(child.age < <1 year>)"),
        ParseCase(source: "since(child_seen) > 15 working days", tree: "(since(child_seen) > <15 working days>)"),
        ParseCase(source: "count(concern[home_conditions, hygiene] in last 6 months) >= 2",
                  tree: "(count(concern[home_conditions,hygiene] in last <6 months>) >= 2)"),
        ParseCase(source: "count(domains where grade >= 4) >= 1", tree: "(count(domains where (grade >= 4)) >= 1)"),
        ParseCase(source: "x in [a, b]", tree: "(x in [a, b])"),
        ParseCase(source: "x not in [\"given\"]", tree: "(x not in [\"given\"])"),
        ParseCase(source: "seen < 2026-04-01", tree: "(seen < 2026-04-01)"),
        ParseCase(source: "as_of - seen > 6 months", tree: "((as_of - seen) > <6 months>)"),
        ParseCase(source: "flag == true", tree: "(flag == true)"),
        ParseCase(source: "known(domain.health)", tree: "known(domain.health)"),
        ParseCase(source: "oscillating(domain.hygiene >= 4 in last 12 months)",
                  tree: "oscillating((domain.hygiene >= 4) in last <12 months>)"),
        ParseCase(source: "'it''s'", tree: "\"it\""),
        // Every unit word, singular and plural, in any case; `calendar` before any unit but hours.
        ParseCase(source: "[1 hour, 2 HOURS, 1 Day, 2 days, 1 week, 2 Weeks, 1 month, 2 months, 1 year, 2 YEARS]",
                  tree: "[<1 hour>, <2 hours>, <1 day>, <2 days>, <1 week>, <2 weeks>, <1 month>, <2 months>, <1 year>, <2 years>]"),
        ParseCase(source: "[1 Working Day, 3 working days, 1 calendar month, 28 Calendar days, 2 calendar years]",
                  tree: "[<1 working day>, <3 working days>, <1 month>, <28 days>, <2 years>]"),
        ParseCase(source: "x > 0042", tree: "(x > 42)"),
    ])
    func grammar(_ parseCase: ParseCase) throws {
        // 'it''s' is two adjacent strings in the expression language: only the first parses, so
        // that case checks that trailing input is an error.
        if parseCase.source == "'it''s'" {
            guard case .failure(let error) = parse(parseCase.source) else { Issue.record("parsed"); return }
            #expect(error.start == 4)
            return
        }
        let expression = try parse(parseCase.source).get()
        #expect(dump(expression) == parseCase.tree)
    }

    @Test("the operands counted while parsing are the tree's term count", arguments: [
        "a or b and c", "(a or b) and c", "((x))", "x in [a, b, [c]]", "x not in []", "not not flag == true",
        "count(concern[home_conditions, hygiene] in last 6 months) >= 2", "count(domains where grade >= 4) >= 1",
        "count(missed_appointment in this pregnancy) >= 2", "first(no_access since child_seen) < 2026-04-01",
        "count(child_seen_alone in last 4 visits) == 0", "last(concern) > as_of - 3 months", "x / (y + 2.5) * 3 >= 0.5",
        "'text' == \"other\"", "known(domain.health) and not unknown(child.age)",
    ])
    func operandCount(source: String) throws {
        let count = source.unicodeScalars.count
        let locations = (0...count).map { SourceLocation(line: 1, column: $0 + 1, offset: $0) }
        let counted = try ExpressionParser.parseCounting(source, locations: ValueLocations(locations)).get()
        #expect(counted.termCount == counted.expression.termCount)
        #expect(counted.termCount > 0)
    }

    @Test("the lexer marks as reserved exactly the words of the list of reserved words")
    func reservedWords() throws {
        let others = ["And", "ands", "an", "domain", "last_seen", "notes", "within"]
        var lexer = ExpressionLexer((ExpressionParser.reservedWords.sorted() + others).joined(separator: " "))
        let words = try lexer.tokens().get().filter { $0.kind == .identifier }
        #expect(words.count == ExpressionParser.reservedWords.count + others.count)
        for token in words {
            let word = lexer.text(of: token)
            #expect(token.code.isReserved == ExpressionParser.reservedWords.contains(word), "\(word)")
        }
    }

    @Test("the lexer's codes for words and symbols say what their text says")
    func tokenCodes() throws {
        let words = ["and", "or", "not", "in", "last", "where", "true", "false", "this", "pregnancy", "since", "visit", "visits"]
        var lexer = ExpressionLexer((words + ["And", "ands", "an", "o", "lastly", "visitor", "pregnancies", "wherever"])
            .joined(separator: " ") + " ( ) [ ] , . + - * / == != < <= > >=")
        let tokens = try lexer.tokens().get()
        for token in tokens {
            switch token.kind {
            case .identifier:
                let word = lexer.text(of: token)
                #expect((token.code != .other) == words.contains(word), "\(word)")
                #expect(token.code.isReserved == ExpressionParser.reservedWords.contains(word), "\(word)")
            case .symbol:
                let symbol = lexer.text(of: token)
                #expect(token.code != .other, "\(symbol)")
                #expect(token.code.binaryOperator?.rawValue == BinaryOperator(rawValue: symbol)?.rawValue, "\(symbol)")
            default:
                break
            }
        }
        #expect(tokens.filter { $0.code != .other }.count == words.count + 16)
    }

    @Test("a reversed operator is reported with the right one to use", arguments: [("a => b", ">="), ("a =< b", "<=")])
    func reversedOperators(source: String, fixed: String) {
        guard case .failure(let error) = parse(source) else { Issue.record("'\(source)' parsed"); return }
        #expect(error.start == 2 && error.end == 4)
        #expect(error.replacement == fixed)
    }

    @Test("ranges cover each sub-expression exactly")
    func ranges() throws {
        let expression = try parse("domain.hygiene >= 3 and count(referral in last 6 months) > 1").get()
        guard case .chain(let left, let links) = expression.kind, links.count == 1, links[0].op == .and else {
            Issue.record("shape"); return
        }
        let right = links[0].operand
        #expect(left.range.start.column == 1)
        #expect(left.range.end.column == 20)
        #expect(right.range.start.column == 25)
        #expect(right.range.end.column == 61)
        guard case .binary(_, let call, _) = right.kind, case .call(let name, let arguments) = call.kind else {
            Issue.record("shape"); return
        }
        #expect(name.range.start.column == 25)
        #expect(arguments.first?.window?.range.start.column == 48)
    }

    @Test("errors point at the offending text", arguments: [
        ("domain.hygiene = 3", 16, "expression.use-instead"),
        ("a && b", 3, "expression.use-instead"),
        ("a || b", 3, "expression.use-instead"),
        ("!a", 1, "expression.use-instead"),
        ("a >= ", 6, "expression.syntax"),
        ("(a or b", 8, "expression.syntax"),
        ("1 < a < 4", 7, "expression.syntax"),
        ("a ; b", 3, "expression.unexpected-character"),
        ("x == \"open", 6, "expression.unterminated-string"),
        ("x > 2026-02-30", 5, "expression.invalid-date"),
        ("x > 1.5 days", 5, "expression.fractional-duration"),
        ("x > 2 calendar hours", 7, "expression.syntax"),
        ("x > 3 dayz", 7, "expression.unknown-unit"),
        ("x > 6 monhts", 7, "expression.unknown-unit"),
        ("x > 99999999999999999999", 5, "expression.invalid-number"),
        ("x in last", 3, "expression.syntax"),
        ("a not b", 3, "expression.syntax"),
    ])
    func errors(source: String, column: Int, id: String) {
        guard case .failure(let error) = parse(source) else {
            Issue.record("'\(source)' parsed")
            return
        }
        #expect(error.start + 1 == column)
        #expect(ParserDiagnostics.expression(error.message).id.rawValue == id)
    }

    @Test("nesting is limited, without recursion running away")
    func nestingLimit() {
        let deep = String(repeating: "(", count: 10_000) + "a" + String(repeating: ")", count: 10_000)
        guard case .failure(let error) = parse(deep) else { Issue.record("parsed"); return }
        #expect(error.message == .tooDeep(ExpressionParser.maxDepth))
        let nots = String(repeating: "not ", count: 10_000) + "a"
        guard case .failure(let notError) = parse(nots) else { Issue.record("parsed"); return }
        #expect(notError.message == .tooDeep(ExpressionParser.maxDepth))
        #expect((try? parse(String(repeating: "(", count: 60) + "a" + String(repeating: ")", count: 60)).get()) != nil)
    }

    @Test("equality of expressions ignores where they were written")
    func equalityIgnoresRanges() throws {
        let a = try parse("x >= 4").get()
        let b = try parse("x   >=   4").get()
        #expect(a == b)
        #expect(a.range != b.range)
    }
}
