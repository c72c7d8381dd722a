/// A length of time as threshold documents write it: `90 days`, `6 months`, `1 year`,
/// `24 hours`, `5 working days`.
///
/// Months and years are calendar units: a window of `6 months` before 2026-08-31 starts on
/// 2026-02-28. Two durations are compared by how far back each reaches from the same date (the
/// as-of date), so `12 months` and `1 year` are equal and `4 weeks` is shorter than `1 month`.
public struct Duration: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The unit a duration is written in.
    public enum Unit: String, Sendable, Hashable, Codable, CaseIterable {
        case hours, days, workingDays = "working_days", weeks, months, years

        /// The words accepted for the unit in expressions and documents, singular and plural.
        public var words: [String] {
            switch self {
            case .hours: ["hour", "hours"]
            case .days: ["day", "days"]
            case .workingDays: ["working day", "working days"]
            case .weeks: ["week", "weeks"]
            case .months: ["month", "months"]
            case .years: ["year", "years"]
            }
        }
    }

    /// How many units.
    public let amount: Int
    /// Which unit.
    public let unit: Unit

    /// Creates a duration.
    public init(_ amount: Int, _ unit: Unit) {
        self.amount = amount
        self.unit = unit
    }

    /// Reads `N unit` (`6 months`, `1 working day`, `1 calendar month`); `nil` for anything else.
    public init?(_ text: String) {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count >= 2, let amount = Int(words[0]), amount >= 0 else { return nil }
        var unitWords = words.dropFirst().map { $0.lowercased() }
        // `1 calendar month`, `28 calendar days`: calendar is what months, years and days are.
        if unitWords.count == 2, unitWords[0] == "calendar", !["hour", "hours"].contains(unitWords[1]) { unitWords.removeFirst() }
        let unitText = unitWords.joined(separator: " ")
        guard let unit = Unit.allCases.first(where: { $0.words.contains(unitText) }) else { return nil }
        self.init(amount, unit)
    }

    /// The date this duration after `date`: months and years on the calendar, working days on
    /// weekdays (bank holidays are not known), hours rounded up to whole days. `nil` beyond the
    /// calendar's range.
    public func after(_ date: LocalDate) -> LocalDate? {
        let amount = min(max(self.amount, 0), 100_000)
        switch unit {
        case .hours: return date.adding(days: amount / 24 + (amount % 24 == 0 ? 0 : 1))
        case .days: return date.adding(days: amount)
        case .weeks: return date.adding(days: amount * 7)
        case .months: return date.adding(months: amount)
        case .years: return date.adding(months: amount * 12)
        case .workingDays:
            var day = date.dayNumber
            var remaining = amount
            while remaining > 0 {
                day += 1
                // 1970-01-01 was a Thursday: weekday 2 is Saturday, 3 is Sunday.
                let weekday = ((day % 7) + 7) % 7
                if weekday != 2 && weekday != 3 { remaining -= 1 }
            }
            return LocalDate(dayNumber: day)
        }
    }

    /// `6 months`, `1 year`, `5 working days`.
    public var description: String {
        let words = unit.words
        return "\(amount) \(amount == 1 ? words[0] : words[1])"
    }

    /// Decodes a duration from its `N unit` form.
    /// - Throws: `DecodingError` when the string is not a duration.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let duration = Duration(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a duration")
        }
        self = duration
    }

    /// Encodes the value in its string form.
    /// - Throws: `EncodingError` from the encoder.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
