extension RuleExpression: CustomStringConvertible {
    /// The expression in canonical form (single spaces, parentheses only where needed), as
    /// explanations quote it.
    public var description: String { render(parentPrecedence: 0) }

    private static func precedence(_ op: BinaryOperator) -> Int {
        switch op {
        case .or: 1
        case .and: 2
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: 4
        case .add, .subtract: 5
        case .multiply, .divide: 6
        }
    }

    private func render(parentPrecedence: Int) -> String {
        switch kind {
        case .boolean(let value): return String(value)
        case .integer(let value): return String(value)
        case .number(let value): return Self.format(value)
        case .string(let value): return "\"\(value)\""
        case .date(let value): return value.description
        case .duration(let value): return value.description
        case .name(let path): return path.joined(separator: ".")
        case .qualified(let path, let qualifiers):
            return path.joined(separator: ".") + "[" + qualifiers.map(\.value).joined(separator: ", ") + "]"
        case .not(let inner):
            let text = "not " + inner.render(parentPrecedence: 3)
            return parentPrecedence > 3 ? "(\(text))" : text
        case .binary(let op, let left, let right):
            let own = Self.precedence(op)
            let text = left.render(parentPrecedence: own) + " \(op.rawValue) " + right.render(parentPrecedence: own + 1)
            return parentPrecedence > own ? "(\(text))" : text
        case .chain(let first, let links):
            let own = links.first.map { Self.precedence($0.op) } ?? 0
            var text = first.render(parentPrecedence: own)
            for link in links { text += " \(link.op.rawValue) " + link.operand.render(parentPrecedence: own + 1) }
            return parentPrecedence > own ? "(\(text))" : text
        case .membership(let value, let items, let negated):
            let text = value.render(parentPrecedence: 5) + (negated ? " not in [" : " in [")
                + items.map { $0.render(parentPrecedence: 0) }.joined(separator: ", ") + "]"
            return parentPrecedence > 4 ? "(\(text))" : text
        case .list(let items): return "[" + items.map { $0.render(parentPrecedence: 0) }.joined(separator: ", ") + "]"
        case .call(let name, let arguments):
            let parts = arguments.map { argument -> String in
                var text = argument.value.render(parentPrecedence: 0)
                if let filter = argument.filter { text += " where " + filter.render(parentPrecedence: 0) }
                if let since = argument.since { text += " since " + since.render(parentPrecedence: 5) }
                if let visits = argument.lastVisits { text += " in last \(visits.value) \(visits.value == 1 ? "visit" : "visits")" }
                if let window = argument.window {
                    text += window.isThisPregnancy ? " in this pregnancy" : " in last " + window.render(parentPrecedence: 5)
                }
                return text
            }
            return "\(name.value)(\(parts.joined(separator: ", ")))"
        }
    }

    /// A number without a trailing `.0` when it is whole.
    static func format(_ value: Double) -> String {
        if value.rounded() == value, abs(value) < 1e15 {
            // Grades, counts and percentages are small whole numbers, written from a table.
            let whole = Int(value)
            return whole >= 0 && whole < smallWholeNumbers.count ? smallWholeNumbers[whole] : String(whole)
        }
        return String(value)
    }

    /// `"0"` … `"999"`.
    private static let smallWholeNumbers: [String] = (0 ..< 1_000).map { String($0) }
}

extension RuleExpression {
    /// Whether this is the window `in this pregnancy` stands for: `as_of - child.pregnancy_start`.
    var isThisPregnancy: Bool {
        guard case .chain(let first, let links) = kind, case .name(["as_of"]) = first.kind, links.count == 1,
              links[0].op == .subtract, case .name(["child", "pregnancy_start"]) = links[0].operand.kind
        else { return false }
        return true
    }
}
