/// A token of the expression language, with the span of Unicode scalars it covers in the
/// expression string.
struct Token: Sendable, Equatable {
    /// What the token is. Only values are kept; a word's or symbol's text is read from the
    /// lexer's scalars (``ExpressionLexer/text(of:)``) when it is needed, so a token holds no
    /// references and copying one costs nothing.
    enum Kind: Sendable, Equatable {
        case identifier
        case integer(Int)
        case number(Double)
        /// A quoted string: its value is the lexer's `literals[index]`.
        case string(index: Int)
        case date(LocalDate)
        case symbol
        case end
    }

    /// The words and symbols the parser asks about, recognised once by the lexer, so that the
    /// parser compares small integers where it would compare strings.
    enum Code: UInt8, Sendable, Equatable {
        case other
        // Words.
        case and, or, not, `in`, last, `where`, `true`, `false`, this, pregnancy, since, visit, visits
        // Symbols.
        case openParen, closeParen, openBracket, closeBracket, comma, dot
        case plus, minus, star, slash
        case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual

        /// Whether the word has a meaning of its own (``ExpressionParser/reservedWords``).
        var isReserved: Bool {
            switch self {
            case .and, .or, .not, .in, .last, .where, .true, .false: true
            default: false
            }
        }

        /// The binary operator the word or symbol is, if any.
        var binaryOperator: BinaryOperator? {
            switch self {
            case .or: .or
            case .and: .and
            case .equal: .equal
            case .notEqual: .notEqual
            case .less: .less
            case .lessOrEqual: .lessOrEqual
            case .greater: .greater
            case .greaterOrEqual: .greaterOrEqual
            case .plus: .add
            case .minus: .subtract
            case .star: .multiply
            case .slash: .divide
            default: nil
            }
        }
    }

    var kind: Kind
    /// Scalar offsets within the expression string, half-open.
    var start: Int
    var end: Int
    /// For a word or symbol the parser asks about, which one.
    var code: Code = .other

    /// Whether the token is the word or symbol `code` stands for.
    func `is`(_ code: Code) -> Bool { self.code == code }
}

/// A problem found while reading an expression, as a span of Unicode scalars of the expression string.
struct ExpressionSyntaxError: Error, Sendable {
    var message: DiagnosticMessageRef
    var start: Int
    var end: Int
    /// A replacement for the offending text, when one is obvious.
    var replacement: String?
}

/// Which catalog message a lexer or parser error uses, with its arguments.
enum DiagnosticMessageRef: Sendable, Equatable {
    case unexpectedCharacter(String)
    case useInstead(found: String, replacement: String)
    case unterminatedString
    case invalidNumber(String)
    case invalidDate(String)
    case expected(String, found: String)
    case fractionalDuration
    case unknownUnit(String, suggestion: String)
    case tooDeep(Int)
    case tooLong(Int)
}

/// Splits an expression string into tokens.
struct ExpressionLexer {
    private let scalars: [Unicode.Scalar]
    /// The values of the quoted strings, in order (``Token/Kind/string(index:)``).
    private(set) var literals: [String] = []

    init(_ text: String) {
        // An ASCII expression (nearly every one) is its bytes: no decoding, no counting first.
        // Checked and copied in one pass, which stops at the first byte beyond ASCII.
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> [Unicode.Scalar]? in
            var isASCII = true
            let scalars = [Unicode.Scalar](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                for offset in 0 ..< bytes.count {
                    let byte = bytes[offset]
                    guard byte < 0x80 else { isASCII = false; break }
                    buffer[offset] = Unicode.Scalar(byte)
                }
                count = isASCII ? bytes.count : 0
            }
            return isASCII ? scalars : nil
        }
        scalars = (ascii ?? nil) ?? Array(text.unicodeScalars)
    }

    mutating func tokens() -> Result<[Token], ExpressionSyntaxError> {
        var tokens: [Token] = []
        // About one token in four characters; a few more than that saves growing the array.
        tokens.reserveCapacity(scalars.count / 3 + 2)
        var index = 0
        while true {
            while index < scalars.count, Self.isSpace(scalars[index]) { index += 1 }
            guard index < scalars.count else {
                tokens.append(Token(kind: .end, start: scalars.count, end: scalars.count))
                return .success(tokens)
            }
            let start = index
            let scalar = scalars[index]
            if Self.isIdentifierStart(scalar) {
                while index < scalars.count, Self.isIdentifierContinue(scalars[index]) { index += 1 }
                tokens.append(Token(kind: .identifier, start: start, end: index, code: word(start, index)))
            } else if Self.isDigit(scalar) {
                switch lexNumberOrDate(from: start) {
                case .success(let token):
                    tokens.append(token)
                    index = token.end
                case .failure(let error):
                    return .failure(error)
                }
            } else if scalar == "\"" || scalar == "'" {
                index += 1
                var value = ""
                var closed = false
                while index < scalars.count {
                    let current = scalars[index]
                    if current == scalar { closed = true; index += 1; break }
                    if current == "\\", index + 1 < scalars.count {
                        value.unicodeScalars.append(scalars[index + 1])
                        index += 2
                        continue
                    }
                    value.unicodeScalars.append(current)
                    index += 1
                }
                guard closed else {
                    return .failure(ExpressionSyntaxError(message: .unterminatedString, start: start, end: scalars.count))
                }
                literals.append(value)
                tokens.append(Token(kind: .string(index: literals.count - 1), start: start, end: index))
            } else {
                // Two-character operators, and their common mistakes, by their two scalars.
                let second = index + 1 < scalars.count ? scalars[index + 1] : " "
                switch (scalar, second) {
                case ("=", "="), ("!", "="), ("<", "="), (">", "="):
                    let code: Token.Code = scalar == "=" ? .equal : scalar == "!" ? .notEqual : scalar == "<" ? .lessOrEqual : .greaterOrEqual
                    tokens.append(Token(kind: .symbol, start: start, end: index + 2, code: code))
                    index += 2
                    continue
                case ("&", "&"):
                    return .failure(ExpressionSyntaxError(message: .useInstead(found: "&&", replacement: "and"),
                                             start: start, end: start + 2, replacement: "and"))
                case ("|", "|"):
                    return .failure(ExpressionSyntaxError(message: .useInstead(found: "||", replacement: "or"),
                                             start: start, end: start + 2, replacement: "or"))
                case ("=", ">"), ("=", "<"):
                    let (two, fixed) = second == ">" ? ("=>", ">=") : ("=<", "<=")
                    return .failure(ExpressionSyntaxError(message: .useInstead(found: two, replacement: fixed),
                                             start: start, end: start + 2, replacement: fixed))
                default: break
                }
                switch scalar {
                case "<", ">", "+", "-", "*", "/", "(", ")", "[", "]", ",", ".":
                    tokens.append(Token(kind: .symbol, start: start, end: index + 1, code: Self.symbol(scalar)))
                    index += 1
                case "=":
                    return .failure(ExpressionSyntaxError(message: .useInstead(found: "=", replacement: "=="),
                                             start: start, end: start + 1, replacement: "=="))
                case "!":
                    return .failure(ExpressionSyntaxError(message: .useInstead(found: "!", replacement: "not"),
                                             start: start, end: start + 1, replacement: "not "))
                case "%":
                    return .failure(ExpressionSyntaxError(message: .useInstead(found: "%", replacement: "a plain number (attendance is a percentage already)"),
                                             start: start, end: start + 1, replacement: ""))
                default:
                    return .failure(ExpressionSyntaxError(message: .unexpectedCharacter(String(scalar)), start: start, end: start + 1))
                }
            }
        }
    }

    /// A number (`4`, `90.5`) or a date (`2026-04-01`: four digits immediately followed by `-`).
    private func lexNumberOrDate(from start: Int) -> Result<Token, ExpressionSyntaxError> {
        var index = start
        while index < scalars.count, Self.isDigit(scalars[index]) { index += 1 }
        if index - start == 4, index < scalars.count, scalars[index] == "-" {
            while index < scalars.count, Self.isDigit(scalars[index]) || scalars[index] == "-" { index += 1 }
            let lexeme = text(start, index)
            guard let date = LocalDate(lexeme) else {
                return .failure(ExpressionSyntaxError(message: .invalidDate(lexeme), start: start, end: index))
            }
            return .success(Token(kind: .date(date), start: start, end: index))
        }
        if index + 1 < scalars.count, scalars[index] == ".", Self.isDigit(scalars[index + 1]) {
            index += 1
            while index < scalars.count, Self.isDigit(scalars[index]) { index += 1 }
            let lexeme = text(start, index)
            guard let value = Double(lexeme), value.isFinite else {
                return .failure(ExpressionSyntaxError(message: .invalidNumber(lexeme), start: start, end: index))
            }
            return .success(Token(kind: .number(value), start: start, end: index))
        }
        // A whole number is its digits' value, read without a string; one too large for `Int`
        // is reported with its text.
        var value = 0
        for scalar in scalars[start ..< index] {
            let (times10, overflowed) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowedAgain) = times10.addingReportingOverflow(Int(scalar.value) - 48)
            guard !overflowed, !overflowedAgain else {
                let lexeme = text(start, index)
                return .failure(ExpressionSyntaxError(message: .invalidNumber(lexeme), start: start, end: index))
            }
            value = sum
        }
        return .success(Token(kind: .integer(value), start: start, end: index))
    }

    /// The text of `token` as written (a word, a symbol, a date), or for a value its value:
    /// what a message about the token shows.
    func text(of token: Token) -> String {
        switch token.kind {
        case .identifier, .symbol, .date: text(token.start, token.end)
        case .integer(let value): String(value)
        case .number(let value): String(value)
        case .string(let index): "\"\(literals[index])\""
        case .end: "end of expression"
        }
    }

    /// Whether `token` is a word spelt `word` in any mix of upper and lower case (`word` is
    /// lower-case ASCII): the parser's test for unit words, without building a string.
    func spells(_ token: Token, _ word: String) -> Bool {
        token.kind == .identifier && matches(token.start, token.end, word.utf8, ignoringCase: true)
    }

    /// Whether the scalars at `start..<end` are the bytes of `word` (lower-case ASCII), an
    /// upper-case letter counting as its lower case when `ignoringCase`.
    private func matches<Word: Collection<UInt8>>(_ start: Int, _ end: Int, _ word: Word, ignoringCase: Bool) -> Bool {
        guard end - start == word.count else { return false }
        var index = start
        for byte in word {
            var value = scalars[index].value
            if ignoringCase, (65 ... 90).contains(value) { value += 32 }
            guard value == UInt32(byte) else { return false }
            index += 1
        }
        return true
    }

    private func text(_ start: Int, _ end: Int) -> String {
        let slice = scalars[start..<min(end, scalars.count)]
        // Names and numbers are ASCII: build them from bytes, not scalar by scalar.
        if slice.allSatisfy(\.isASCII) {
            return String(unsafeUninitializedCapacity: slice.count) { buffer in
                for (offset, scalar) in slice.enumerated() { buffer[offset] = UInt8(scalar.value) }
                return slice.count
            }
        }
        var string = ""
        string.unicodeScalars.append(contentsOf: slice)
        return string
    }

    /// The code of the word at `start..<end`: compared scalar by scalar with each word of its
    /// length, without building a string.
    private func word(_ start: Int, _ end: Int) -> Token.Code {
        func spells(_ word: StaticString) -> Bool {
            matches(start, end, UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount), ignoringCase: false)
        }
        switch end - start {
        case 2: return spells("or") ? .or : spells("in") ? .in : .other
        case 3: return spells("and") ? .and : spells("not") ? .not : .other
        case 4: return spells("last") ? .last : spells("true") ? .true : spells("this") ? .this : .other
        case 5: return spells("where") ? .where : spells("false") ? .false : spells("since") ? .since : spells("visit") ? .visit : .other
        case 6: return spells("visits") ? .visits : .other
        case 9: return spells("pregnancy") ? .pregnancy : .other
        default: return .other
        }
    }

    /// The code of a one-character symbol.
    private static func symbol(_ scalar: Unicode.Scalar) -> Token.Code {
        switch scalar {
        case "(": .openParen
        case ")": .closeParen
        case "[": .openBracket
        case "]": .closeBracket
        case ",": .comma
        case ".": .dot
        case "+": .plus
        case "-": .minus
        case "*": .star
        case "/": .slash
        case "<": .less
        case ">": .greater
        default: .other
        }
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r"
    }
    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
    private static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || scalar == "_"
    }
    private static func isIdentifierContinue(_ scalar: Unicode.Scalar) -> Bool {
        isIdentifierStart(scalar) || isDigit(scalar)
    }
}
