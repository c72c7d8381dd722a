import ThresholdsDiagnostics
import ThresholdsYAML

/// Parses one expression string by recursive descent. Positions are kept as scalar offsets in
/// the string and turned into file locations through `locations` (one per scalar, plus the end),
/// which ``ThresholdsYAML/YAMLNode/Scalar/valueLocations(in:)`` provides.
struct ExpressionParser {
    /// The deepest nesting of parentheses, lists, calls and `not` accepted.
    static let maxDepth = 64
    /// The most operands (names, numbers, calls…) one expression may have. Real criteria have a
    /// few dozen; the limit keeps hostile input from costing unbounded work.
    static let maxTerms = 1_000
    /// Words with a meaning of their own in expressions; they cannot name facts. (The parser
    /// asks the lexer's ``Token/Code/isReserved``, which the tests hold to this list.)
    static let reservedWords: Set<String> = ["and", "or", "not", "in", "last", "where", "true", "false"]

    private let tokens: [Token]
    /// The lexer that made `tokens`: the words' text and the strings' values.
    private let lexer: ExpressionLexer
    private let locations: ValueLocations
    private var position = 0
    private var depth = 0
    private var terms = 0
    /// The operands parsed so far, counted as ``RuleExpression/termCount`` counts them (a
    /// parenthesised group or a list is not one itself; what it holds is).
    private var operands = 0

    private init(tokens: [Token], lexer: ExpressionLexer, locations: ValueLocations) {
        self.tokens = tokens
        self.lexer = lexer
        self.locations = locations
    }

    /// Parses `text` as a whole expression.
    static func parse(_ text: String, locations: [SourceLocation]) -> Result<RuleExpression, ExpressionSyntaxError> {
        parse(text, locations: ValueLocations(locations))
    }

    /// Parses `text` as a whole expression, its positions mapped through `locations`.
    static func parse(_ text: String, locations: ValueLocations) -> Result<RuleExpression, ExpressionSyntaxError> {
        parseCounting(text, locations: locations).map(\.expression)
    }

    /// Parses `text` as a whole expression, with its ``RuleExpression/termCount``, counted while
    /// parsing instead of by a second walk over the tree.
    static func parseCounting(_ text: String, locations: ValueLocations)
        -> Result<(expression: RuleExpression, termCount: Int), ExpressionSyntaxError>
    {
        var lexer = ExpressionLexer(text)
        switch lexer.tokens() {
        case .failure(let error):
            return .failure(error)
        case .success(let tokens):
            var parser = ExpressionParser(tokens: tokens, lexer: lexer, locations: locations)
            do throws(ExpressionSyntaxError) {
                let expression = try parser.parseOr()
                let next = parser.current
                guard next.kind == .end else {
                    throw parser.unexpected(next, expected: "an operator such as 'and', 'or' or '>='")
                }
                return .success((expression, parser.operands))
            } catch {
                return .failure(error)
            }
        }
    }

    // MARK: Precedence levels

    private mutating func parseOr() throws(ExpressionSyntaxError) -> RuleExpression {
        try parseLeftAssociative(Self.orOperators) { parser throws(ExpressionSyntaxError) in try parser.parseAnd() }
    }

    private mutating func parseAnd() throws(ExpressionSyntaxError) -> RuleExpression {
        try parseLeftAssociative(Self.andOperators) { parser throws(ExpressionSyntaxError) in try parser.parseNot() }
    }

    // Built once, and scanned: one or two operators per level.
    private static let orOperators: [BinaryOperator] = [.or]
    private static let andOperators: [BinaryOperator] = [.and]
    private static let additiveOperators: [BinaryOperator] = [.add, .subtract]
    private static let multiplicativeOperators: [BinaryOperator] = [.multiply, .divide]

    /// `operand { op operand }`, grouping to the left, for the operators in `operators` (`and`,
    /// `or` are words; `+ - * /` are symbols).
    private mutating func parseLeftAssociative(
        _ operators: [BinaryOperator],
        operand: (inout ExpressionParser) throws(ExpressionSyntaxError) -> RuleExpression
    ) throws(ExpressionSyntaxError) -> RuleExpression {
        let first = try operand(&self)
        var links: [ChainLink] = []
        while let op = binaryOperator(current, in: operators) {
            advance()
            links.append(ChainLink(op, try operand(&self)))
        }
        guard let last = links.last else { return first }
        return RuleExpression(.chain(first, links), range: first.range.union(last.operand.range))
    }

    private func binaryOperator(_ token: Token, in operators: [BinaryOperator]) -> BinaryOperator? {
        guard let op = token.code.binaryOperator, operators.contains(op) else { return nil }
        return op
    }

    private mutating func parseNot() throws(ExpressionSyntaxError) -> RuleExpression {
        guard current.is(.not) else { return try parseComparison() }
        let start = current
        advance()
        try enter(start)
        defer { depth -= 1 }
        let operand = try parseNot()
        return RuleExpression(.not(operand), range: range(start).union(operand.range))
    }

    private mutating func parseComparison() throws(ExpressionSyntaxError) -> RuleExpression {
        let left = try parseAdditive()
        if let op = comparisonOperator(current) {
            advance()
            let right = try parseAdditive()
            if let chained = comparisonOperator(current) {
                throw ExpressionSyntaxError(
                    message: .expected("'and' between two comparisons", found: chained.rawValue),
                    start: current.start, end: current.end)
            }
            return RuleExpression(.binary(op, left, right), range: left.range.union(right.range))
        }
        // `x in [..]`, `x not in [..]`; `in last …` belongs to a call argument's window.
        var negated = false
        if current.is(.not), peek(1).is(.in) {
            negated = true
            advance()
        }
        if current.is(.in), !peek(1).is(.last), !(peek(1).is(.this) && peek(2).is(.pregnancy)) {
            advance()
            guard current.is(.openBracket) else { throw unexpected(current, expected: "a list '[…]' after 'in'") }
            let list = try parsePrimary()
            guard case .list(let items) = list.kind else { throw unexpected(current, expected: "a list") }
            return RuleExpression(.membership(left, items, negated: negated), range: left.range.union(list.range))
        }
        if negated { throw unexpected(current, expected: "'in' after 'not'") }
        return left
    }

    private mutating func parseAdditive() throws(ExpressionSyntaxError) -> RuleExpression {
        try parseLeftAssociative(Self.additiveOperators) { parser throws(ExpressionSyntaxError) in try parser.parseTerm() }
    }

    private mutating func parseTerm() throws(ExpressionSyntaxError) -> RuleExpression {
        try parseLeftAssociative(Self.multiplicativeOperators) { parser throws(ExpressionSyntaxError) in
            try parser.parsePrimary()
        }
    }

    // MARK: Primaries

    private mutating func parsePrimary() throws(ExpressionSyntaxError) -> RuleExpression {
        let token = current
        terms += 1
        if terms > Self.maxTerms {
            throw ExpressionSyntaxError(message: .tooLong(Self.maxTerms), start: token.start, end: token.end)
        }
        // A literal, a name or a call is one operand; a group or a list is not one itself. (A
        // reserved word that is not a value is an error below, and the count is then not used.)
        switch token.kind {
        case .integer, .number, .string, .date, .identifier: operands += 1
        default: break
        }
        switch token.kind {
        case .integer(let value):
            advance()
            if let (unit, last) = durationUnit() {
                return RuleExpression(.duration(Duration(value, unit)), range: range(token, last))
            }
            // A number followed by a word is never valid; a word close to a unit is a misspelt unit.
            if current.kind == .identifier, !current.code.isReserved,
               case let word = lexer.text(of: current),
               let suggestion = Suggestion.nearest(to: word, in: Duration.Unit.allCases.flatMap(\.words))
            {
                throw ExpressionSyntaxError(message: .unknownUnit(word, suggestion: suggestion), start: current.start,
                                            end: current.end, replacement: suggestion)
            }
            return RuleExpression(.integer(value), range: range(token))
        case .number(let value):
            advance()
            if durationUnit() != nil {
                throw ExpressionSyntaxError(message: .fractionalDuration, start: token.start, end: token.end)
            }
            return RuleExpression(.number(value), range: range(token))
        case .string(let index):
            advance()
            return RuleExpression(.string(lexer.literals[index]), range: range(token))
        case .date(let date):
            advance()
            return RuleExpression(.date(date), range: range(token))
        case .symbol where token.is(.openParen):
            advance()
            try enter(token)
            defer { depth -= 1 }
            var inner = try parseOr()
            let close = try expect(.closeParen, ")", opening: token)
            inner.range = range(token, close)
            return inner
        case .symbol where token.is(.openBracket):
            advance()
            try enter(token)
            defer { depth -= 1 }
            var items: [RuleExpression] = []
            if !current.is(.closeBracket) {
                items.append(try parseOr())
                while current.is(.comma) {
                    advance()
                    items.append(try parseOr())
                }
            }
            let close = try expect(.closeBracket, "]", opening: token)
            return RuleExpression(.list(items), range: range(token, close))
        case .identifier:
            if token.is(.true) || token.is(.false) {
                advance()
                return RuleExpression(.boolean(token.is(.true)), range: range(token))
            }
            // `last(…)` is a function; `last` alone belongs to `in last`.
            guard !token.code.isReserved || (token.is(.last) && peek(1).is(.openParen)) else {
                throw unexpected(token, expected: "a value")
            }
            advance()
            if current.is(.openParen) { return try parseCall(name: token) }
            var path = [lexer.text(of: token)]
            var last = token
            while current.is(.dot) {
                advance()
                guard current.kind == .identifier, !current.code.isReserved else {
                    throw unexpected(current, expected: "a name after '.'")
                }
                path.append(lexer.text(of: current))
                last = current
                advance()
            }
            guard current.is(.openBracket) else { return RuleExpression(.name(path), range: range(token, last)) }
            let open = current
            advance()
            var qualifiers: [Located<String>] = []
            repeat {
                if current.is(.comma) { advance() }
                guard current.kind == .identifier, !current.code.isReserved else {
                    throw unexpected(current, expected: "a name inside '[…]'")
                }
                qualifiers.append(Located(lexer.text(of: current), range: range(current)))
                advance()
            } while current.is(.comma)
            let close = try expect(.closeBracket, "]", opening: open)
            return RuleExpression(.qualified(path, qualifiers: qualifiers), range: range(token, close))
        default:
            throw unexpected(token, expected: "a value")
        }
    }

    private mutating func parseCall(name: Token) throws(ExpressionSyntaxError) -> RuleExpression {
        let open = current
        advance()
        try enter(open)
        defer { depth -= 1 }
        var arguments: [CallArgument] = []
        if !current.is(.closeParen) {
            arguments.append(try parseArgument())
            while current.is(.comma) {
                advance()
                arguments.append(try parseArgument())
            }
        }
        let close = try expect(.closeParen, ")", opening: open)
        return RuleExpression(.call(Located(lexer.text(of: name), range: range(name)), arguments), range: range(name, close))
    }

    private mutating func parseArgument() throws(ExpressionSyntaxError) -> CallArgument {
        var argument = CallArgument(value: try parseOr())
        // `first(no_access since child_seen)`: a `since` followed by a stream, not a call.
        if current.is(.since), !peek(1).is(.openParen) {
            advance()
            argument.since = try parsePrimary()
        }
        if current.is(.where) {
            advance()
            argument.filter = try parseOr()
        }
        if current.is(.in), peek(1).is(.last), case .integer(let count) = peek(2).kind,
           peek(3).is(.visits) || peek(3).is(.visit) {
            // `in last 4 visits`: a window of contacts, not of time.
            let first = peek(2)
            let last = peek(3)
            for _ in 0..<4 { advance() }
            argument.lastVisits = Located(count, range: range(first, last))
        } else if current.is(.in), peek(1).is(.last) {
            advance()
            advance()
            argument.window = try parseAdditive()
        } else if current.is(.in), peek(1).is(.this), peek(2).is(.pregnancy) {
            // `in this pregnancy`: the window reaches back to when the current pregnancy began.
            let first = current
            advance()
            advance()
            let last = current
            advance()
            let span = range(first, last)
            operands += 2
            argument.window = RuleExpression(.chain(RuleExpression(.name(["as_of"]), range: span),
                                                    [ChainLink(.subtract, RuleExpression(.name(["child", "pregnancy_start"]), range: span))]),
                                             range: span)
        }
        return argument
    }

    // MARK: Tokens

    private var current: Token { tokens[min(position, tokens.count - 1)] }

    private func peek(_ distance: Int) -> Token { tokens[min(position + distance, tokens.count - 1)] }

    private mutating func advance() {
        if position < tokens.count - 1 { position += 1 }
    }

    /// After a whole number: a unit word (`days`, `working days`) makes it a duration.
    /// `calendar` may come first (`1 calendar month`, `28 calendar days`), as boards write it:
    /// months and years are calendar units anyway, and calendar days are days. Words are matched
    /// in any case, on the lexer's scalars.
    private mutating func durationUnit() -> (Duration.Unit, Token)? {
        guard current.kind == .identifier else { return nil }
        if lexer.spells(current, "calendar"), let unit = unit(of: peek(1)), unit != .hours {
            advance()
            let last = current
            advance()
            return (unit, last)
        }
        if lexer.spells(current, "working"), lexer.spells(peek(1), "day") || lexer.spells(peek(1), "days") {
            advance()
            let last = current
            advance()
            return (.workingDays, last)
        }
        guard let unit = unit(of: current) else { return nil }
        let last = current
        advance()
        return (unit, last)
    }

    /// The unit `token` spells (`day`, `months`…): one of ``Duration/Unit/words``, singular or
    /// plural. (A word token holds no space, so it is never `working day`.)
    private func unit(of token: Token) -> Duration.Unit? {
        guard token.kind == .identifier else { return nil }
        return Duration.Unit.allCases.first { unit in unit.words.contains { lexer.spells(token, $0) } }
    }

    private func comparisonOperator(_ token: Token) -> BinaryOperator? {
        guard let op = token.code.binaryOperator, op.isComparison else { return nil }
        return op
    }

    /// The closing `symbol` (whose code is `code`) of `opening`, or an error saying which
    /// opening it should have closed.
    private mutating func expect(_ code: Token.Code, _ symbol: String, opening: Token) throws(ExpressionSyntaxError) -> Token {
        guard current.is(code) else {
            throw ExpressionSyntaxError(
                message: .expected("'\(symbol)' to close the '\(lexer.text(of: opening))' at column \(location(opening.start).column)",
                                   found: lexer.text(of: current)),
                start: current.start, end: current.end, replacement: nil)
        }
        let token = current
        advance()
        return token
    }

    private mutating func enter(_ token: Token) throws(ExpressionSyntaxError) {
        depth += 1
        if depth > Self.maxDepth {
            throw ExpressionSyntaxError(message: .tooDeep(Self.maxDepth), start: token.start, end: token.end)
        }
    }

    private func unexpected(_ token: Token, expected: String) -> ExpressionSyntaxError {
        ExpressionSyntaxError(message: .expected(expected, found: lexer.text(of: token)), start: token.start, end: token.end)
    }

    private func location(_ offset: Int) -> SourceLocation {
        locations.isEmpty ? .start : locations[min(max(offset, 0), locations.count - 1)]
    }

    private func range(_ token: Token) -> SourceRange {
        SourceRange(start: location(token.start), end: location(token.end))
    }

    private func range(_ first: Token, _ last: Token) -> SourceRange {
        SourceRange(start: location(first.start), end: location(last.end))
    }
}
