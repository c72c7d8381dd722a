/// A calendar date without a time or zone (`2026-04-01`), as threshold documents and case
/// records use them. Dates are proleptic Gregorian.
public struct LocalDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before it).
    ///
    /// A date is held as this one number: windows, ages and orderings read it for every dated
    /// record of every case, while the year, month and day are worked out from it only when a
    /// date is written out or moved by months.
    public let dayNumber: Int

    /// The year, 1–9999.
    public var year: Int { civil.year }
    /// The month, 1–12.
    public var month: Int { civil.month }
    /// The day of the month, 1–28…31.
    public var day: Int { civil.day }

    /// A date, when the three parts name a real day; `nil` otherwise (`2026-02-30`).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...LocalDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        dayNumber = Self.dayNumber(year: year, month: month, day: day)
    }

    /// 1970-01-01, where day counts start.
    static let epoch = LocalDate(validDayNumber: 0)

    /// A day number already known to lie within years 1–9999.
    private init(validDayNumber: Int) {
        dayNumber = validDayNumber
    }

    /// Parses exactly `YYYY-MM-DD`; `nil` for anything else or for a day that does not exist.
    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The number of days in a month.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Whether a year is a leap year.
    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// Days since 1970-01-01 of a year, month and day (Howard Hinnant's days_from_civil).
    private static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = (month + 9) % 12
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date a number of days after 1970-01-01; `nil` outside years 1–9999.
    public init?(dayNumber: Int) {
        // Years 1–9999 lie within ±3,000,000 days of 1970; anything further is out of range
        // (and this keeps the arithmetic below from overflowing).
        guard (-3_000_000...3_000_000).contains(dayNumber),
              (1...9999).contains(Self.civil(dayNumber).year)
        else { return nil }
        self.dayNumber = dayNumber
    }

    /// The year, month and day of this date.
    private var civil: (year: Int, month: Int, day: Int) { Self.civil(dayNumber) }

    /// The year, month and day of a day number within ±3,000,000 days of 1970 (Howard
    /// Hinnant's civil_from_days).
    private static func civil(_ dayNumber: Int) -> (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// The date `days` days later (earlier when negative); `nil` outside years 1–9999.
    public func adding(days: Int) -> LocalDate? {
        guard (-6_000_000...6_000_000).contains(days) else { return nil }
        return LocalDate(dayNumber: dayNumber + days)
    }

    /// The same day `months` months later (earlier when negative), clamped to the end of a
    /// shorter month (2026-03-31 minus one month is 2026-02-28); `nil` outside years 1–9999.
    public func adding(months: Int) -> LocalDate? {
        guard (-200_000...200_000).contains(months) else { return nil }
        let (year, month, day) = civil
        let total = year * 12 + (month - 1) + months
        let newYear = total / 12
        let newMonth = total % 12 + 1
        guard (1...9999).contains(newYear) else { return nil }
        return LocalDate(year: newYear, month: newMonth, day: min(day, LocalDate.daysIn(month: newMonth, year: newYear)))
    }

    /// Earlier dates first.
    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        lhs.dayNumber < rhs.dayNumber
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        let (year, month, day) = civil
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Decodes a date from `YYYY-MM-DD`.
    /// - Throws: `DecodingError` when the string is not a real date.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = LocalDate(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "'\(text)' is not a date YYYY-MM-DD")
        }
        self = date
    }

    /// Encodes the value in its string form.
    /// - Throws: `EncodingError` from the encoder.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
