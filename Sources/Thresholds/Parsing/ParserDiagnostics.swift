package import ThresholdsDiagnostics

/// The parser's diagnostic catalog (`document.*` for structure, `expression.*` for expression
/// strings), sorted by identifier. Identifiers are API; wording is not.
package enum ParserDiagnostics {
    package static func actionNeedsDuration(_ action: String) -> DiagnosticMessage {
        .init("document.action-needs-duration", .error, "action '\(action)' needs a time, e.g. '\(action): 24 hours'")
    }
    package static func actionTakesNoValue(_ action: String) -> DiagnosticMessage {
        .init("document.action-takes-no-value", .error, "action '\(action)' takes no value; write it as '- \(action)'")
    }
    package static func duplicateName(_ name: String, _ kind: String) -> DiagnosticMessage {
        .init("document.duplicate-name", .error, "'\(name)' is already declared as \(kind); each name may be declared once")
    }
    package static func duplicateRuleID(_ id: String) -> DiagnosticMessage {
        .init("document.duplicate-rule-id", .error, "rule id '\(id)' is used by an earlier rule; rule ids must be unique")
    }
    package static func emptyCondition(_ key: String) -> DiagnosticMessage {
        .init("document.empty-condition", .error, "'\(key)' needs at least one condition")
    }
    package static let enumWithoutValues = DiagnosticMessage(
        "document.enum-without-values", .error, "a fact of type 'enum' needs 'values', a list of at least two names")
    package static func invalidAtLeast(_ count: Int, _ parts: Int) -> DiagnosticMessage {
        .init("document.invalid-at-least", .error, "'at_least: \(count)' must be between 1 and the number of conditions in 'of' (\(parts))")
    }
    package static func invalidDate(_ text: String) -> DiagnosticMessage {
        .init("document.invalid-date", .error, "'\(text)' is not a real date; write dates as YYYY-MM-DD")
    }
    package static func invalidDuration(_ text: String) -> DiagnosticMessage {
        .init("document.invalid-duration", .error, "'\(text)' is not a duration; write a whole number and a unit, e.g. '24 hours' or '5 working days'")
    }
    package static func invalidIdentifier(_ name: String) -> DiagnosticMessage {
        .init("document.invalid-name", .error, "'\(name)' is not a valid name; names are lower_snake_case: a letter, then letters, digits or '_'")
    }
    package static func invalidLevelExpression(_ text: String) -> DiagnosticMessage {
        .init("document.invalid-level", .error, "'\(text)' is not a level; write a level such as 'child_in_need', or 'current_plan', 'current_plan + 1'")
    }
    package static func invalidRaise(_ text: String) -> DiagnosticMessage {
        .init("document.invalid-raise", .error, "'raise' must be a whole number of levels from 1 to 4, not \(text)")
    }
    package static func invalidRuleID(_ id: String) -> DiagnosticMessage {
        .init("document.invalid-rule-id", .error, "'\(id)' is not a valid rule id; use letters, digits, '-', '_' and '.', starting with a letter or digit")
    }
    package static func levelAndRaise() -> DiagnosticMessage {
        .init("document.level-and-raise", .error, "a rule has either 'level' (it sets a level) or 'raise' (it modifies one), not both")
    }
    package static func missingKey(_ key: String, in context: String) -> DiagnosticMessage {
        .init("document.missing-key", .error, "\(context) is missing the required key '\(key)'")
    }
    package static func missingLevelOrRaise() -> DiagnosticMessage {
        .init("document.missing-key", .error,
              "a rule is missing the required key 'level' (or 'raise' for a modifier, or only 'actions' for a procedure)")
    }
    package static func fromAndBy() -> DiagnosticMessage {
        .init("document.invalid-deadline", .error, "an action's time runs either 'from' an event or 'by' a week of pregnancy, not both")
    }
    package static func invalidDeadline(_ text: String) -> DiagnosticMessage {
        .init("document.invalid-deadline", .error, "'by' takes a week of pregnancy, such as '28 weeks of pregnancy', not \(text)")
    }
    package static func nonScalarKey() -> DiagnosticMessage {
        .init("document.non-scalar-key", .error, "mapping keys must be plain names, not lists or mappings")
    }
    package static func notOneOf(_ what: String, _ value: String, _ names: [String]) -> DiagnosticMessage {
        .init("document.not-one-of", .error, "\(what) must be one of \(names.joined(separator: ", ")), not '\(value)'")
    }
    package static func notAMapping(_ found: String) -> DiagnosticMessage {
        .init("document.not-a-mapping", .error, "a threshold document must be a mapping with keys such as 'board' and 'rules', but this file holds \(found)")
    }
    package static func tooManyTerms(_ limit: Int) -> DiagnosticMessage {
        .init("document.too-many-terms", .error,
              "the document's conditions hold more than \(limit) terms in all; split it into smaller documents")
    }
    package static func unknownAction(_ name: String) -> DiagnosticMessage {
        .init("document.unknown-action", .error, "unknown action '\(name)'")
    }
    package static func unknownConditionKey(_ key: String) -> DiagnosticMessage {
        .init("document.unknown-condition", .error, "unknown condition '\(key)'; a condition is an expression string or a mapping with one of 'all', 'any', 'not', 'at_least'")
    }
    package static func unknownFactType(_ name: String) -> DiagnosticMessage {
        .init("document.unknown-type", .error, "unknown fact type '\(name)'")
    }
    package static func unknownKey(_ key: String, in context: String) -> DiagnosticMessage {
        .init("document.unknown-key", .error, "unknown key '\(key)' in \(context)")
    }
    package static func unknownLevel(_ name: String) -> DiagnosticMessage {
        .init("document.unknown-level", .error, "unknown level '\(name)'")
    }
    package static func unsupportedVersion(_ text: String) -> DiagnosticMessage {
        .init("document.unsupported-version", .error, "DSL version \(text) is not supported; this engine reads 'thresholds: 1'")
    }
    package static func orderedNotEnum(_ type: String) -> DiagnosticMessage {
        .init("document.ordered-not-enum", .error,
              "'ordered' puts an enum's values in order, but this fact's type is '\(type)'; use 'type: enum' with 'values:' lowest first")
    }
    package static func tableRowsOutOfOrder(_ from: String, _ previous: String) -> DiagnosticMessage {
        .init("document.table-order", .error,
              "a table's rows must start in increasing order, but '\(from)' does not come after '\(previous)'")
    }
    package static func tableWithoutRows(_ name: String) -> DiagnosticMessage {
        .init("document.table-without-rows", .error, "table '\(name)' has no rows; give at least one '- { from: …, value: … }'")
    }
    package static func withoutBaseline(_ key: String) -> DiagnosticMessage {
        .init("document.without-baseline", .error,
              "'\(key)' changes the rules of a baseline, but this document has no 'extends:'; add 'extends: <baseline file>' or move these rules under 'rules:'")
    }
    package static func wrongType(_ what: String, expected: String, found: String) -> DiagnosticMessage {
        .init("document.wrong-type", .error, "\(what) must be \(expected), but is \(found)")
    }

    // MARK: Expressions

    package static let emptyExpression = DiagnosticMessage(
        "expression.empty", .error, "this condition is empty; write an expression such as 'domain.hygiene >= 3'")
    static func expression(_ reference: DiagnosticMessageRef) -> DiagnosticMessage {
        switch reference {
        case .unexpectedCharacter(let character):
            .init("expression.unexpected-character", .error, "unexpected character '\(character)' in an expression")
        case .useInstead(let found, let replacement):
            .init("expression.use-instead", .error, "'\(found)' is not an operator here; use \(replacement.count <= 3 ? "'\(replacement)'" : replacement)")
        case .unterminatedString:
            .init("expression.unterminated-string", .error, "this string has no closing quote")
        case .invalidNumber(let text):
            .init("expression.invalid-number", .error, "'\(text)' is not a number")
        case .invalidDate(let text):
            .init("expression.invalid-date", .error, "'\(text)' is not a real date; write dates as YYYY-MM-DD")
        case .expected(let expected, let found):
            .init("expression.syntax", .error, "expected \(expected), found '\(found)'")
        case .fractionalDuration:
            .init("expression.fractional-duration", .error, "durations take whole numbers; write '36 hours' rather than '1.5 days'")
        case .unknownUnit(let word, let suggestion):
            .init("expression.unknown-unit", .error, "unknown unit '\(word)' after a number; did you mean '\(suggestion)'?")
        case .tooDeep(let limit):
            .init("expression.too-deep", .error, "this expression nests more than \(limit) levels deep")
        case .tooLong(let limit):
            .init("expression.too-long", .error,
                  "this expression has more than \(limit) terms; name parts of it as definitions and combine those")
        }
    }
}
