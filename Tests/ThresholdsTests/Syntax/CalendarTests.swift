import Testing
@testable import Thresholds

@Suite("Dates and durations")
struct CalendarTests {
    @Test("only real days are dates", arguments: [
        ("2026-04-01", true), ("2024-02-29", true), ("2026-02-29", false), ("2000-02-29", true),
        ("1900-02-29", false), ("2026-13-01", false), ("2026-00-10", false), ("2026-4-1", false),
        ("26-04-01", false), ("2026-04-31", false), ("20260401", false), ("2026-04-01T00:00", false),
    ])
    func validity(text: String, valid: Bool) {
        #expect((LocalDate(text) != nil) == valid)
    }

    @Test("day numbers round-trip across leap years and eras")
    func dayNumbers() throws {
        #expect(LocalDate(year: 1970, month: 1, day: 1)?.dayNumber == 0)
        #expect(LocalDate(year: 2000, month: 3, day: 1)?.dayNumber == 11_017)
        var date = try #require(LocalDate(year: 1899, month: 12, day: 25))
        for _ in 0..<50_000 {
            let next = try #require(date.adding(days: 1))
            #expect(next.dayNumber == date.dayNumber + 1)
            #expect(next > date)
            #expect(LocalDate(dayNumber: next.dayNumber) == next)
            date = next
        }
    }

    @Test("a date made from its year, month and day gives them back, writes them, and orders as they do")
    func civilFields() throws {
        var previous: (LocalDate, (Int, Int, Int))?
        for year in [1, 2, 3, 4, 99, 100, 1599, 1600, 1899, 1900, 1970, 2000, 2024, 2025, 2100, 9998, 9999] {
            for month in 1 ... 12 {
                for day in 1 ... LocalDate.daysIn(month: month, year: year) {
                    let date = try #require(LocalDate(year: year, month: month, day: day))
                    #expect(date.year == year && date.month == month && date.day == day)
                    #expect(LocalDate(date.description) == date)
                    #expect(LocalDate(dayNumber: date.dayNumber) == date)
                    if let (earlier, parts) = previous {
                        #expect(earlier < date && parts < (year, month, day))
                    }
                    previous = (date, (year, month, day))
                }
            }
        }
        #expect(try #require(LocalDate(year: 9999, month: 12, day: 31)).description == "9999-12-31")
        #expect(try #require(LocalDate(year: 1, month: 1, day: 1)).description == "0001-01-01")
    }

    @Test("adding months clamps to the end of a shorter month", arguments: [
        ("2026-03-31", -1, "2026-02-28"), ("2024-03-31", -1, "2024-02-29"), ("2026-08-31", -6, "2026-02-28"),
        ("2026-01-15", 12, "2027-01-15"), ("2026-01-31", 1, "2026-02-28"), ("2026-12-01", 1, "2027-01-01"),
    ])
    func months(from: String, months: Int, to: String) throws {
        let start = try #require(LocalDate(from))
        #expect(start.adding(months: months)?.description == to)
    }

    @Test("dates outside years 1–9999 are refused, not trapped")
    func bounds() throws {
        let last = try #require(LocalDate(year: 9999, month: 12, day: 31))
        #expect(last.adding(days: 1) == nil)
        #expect(last.adding(months: 1) == nil)
        #expect(LocalDate(dayNumber: Int.max / 2) == nil)
        #expect(LocalDate(dayNumber: Int.max) == nil)
        #expect(LocalDate(dayNumber: Int.min) == nil)
        #expect(last.adding(days: Int.max) == nil)
        #expect(last.adding(months: Int.min) == nil)
    }

    @Test("durations read and print as documents write them", arguments: [
        ("6 months", "6 months"), ("1 month", "1 month"), ("24 hours", "24 hours"), ("1 working day", "1 working day"),
        ("5 Working Days", "5 working days"), ("1 years", "1 year"), ("2 weeks", "2 weeks"),
    ])
    func durations(text: String, printed: String) throws {
        let duration = try #require(Duration(text))
        #expect(duration.description == printed)
    }

    @Test("not durations", arguments: ["soon", "6", "months", "-1 day", "1.5 days", "6 fortnights", ""])
    func notDurations(text: String) {
        #expect(Duration(text) == nil)
    }

    @Test("levels are ordered and offsets clamp to the scale")
    func levels() {
        #expect(Level.allCases.sorted() == Level.allCases)
        #expect(Level.childInNeed.offset(by: 1) == .childProtection)
        #expect(Level.childProtection.offset(by: 4) == .preProceedings)
        #expect(Level.earlyHelp.offset(by: -3) == .universal)
    }
}
