import Foundation
import SottoAnalytics
import SottoModel
import Testing

@Suite struct CalendarTests {
  @Test func isoWeekParsesAndFindsItsMonday() throws {
    #expect(try ISOWeek(parsing: "2026-W13").monday.description == "2026-03-23")
    #expect(try ISOWeek(parsing: "2026w01").monday.description == "2025-12-29")
    #expect(try ISOWeek(parsing: "2026-W53").monday.description == "2026-12-28")
    #expect(try ISOWeek(parsing: " 2020-W53 ").monday.description == "2020-12-28")
  }

  @Test func isoWeekOfADayCrossesNewYear() {
    #expect(ISOWeek(containing: LocalDate(year: 2027, month: 1, day: 1)!).description == "2026-W53")
    #expect(
      ISOWeek(containing: LocalDate(year: 2025, month: 12, day: 29)!).description == "2026-W01")
    #expect(
      ISOWeek(containing: LocalDate(year: 2026, month: 11, day: 20)!).description == "2026-W47")
  }

  @Test func badWeeksAreTypedErrors() {
    for text in ["week 13", "2026-13", "2026-W", "26-W13", "2026-W1x", ""] {
      #expect {
        try ReportSelection.parse(week: text)
      } throws: { error in
        (error as? AnalyticsError)?.code == .unreadableWeek
      }
    }
    for text in ["2027-W53", "2026-W00", "2026-W54"] {
      #expect {
        try ReportSelection.parse(week: text)
      } throws: { error in
        (error as? AnalyticsError)?.code == .weekOutOfRange
      }
    }
  }

  @Test func weekWordsSelectCurrentAndLastWeek() throws {
    #expect(try ReportSelection.parse(week: "last") == .lastWeek)
    #expect(try ReportSelection.parse(week: "This") == .currentWeek)
    #expect(
      try ReportSelection.parse(week: "2026-W47") == .isoWeek(try ISOWeek(year: 2026, week: 47)))
  }

  @Test func localDatesRoundTripAndKnowTheirWeekday() {
    let date = LocalDate(year: 2026, month: 3, day: 29)!
    #expect(date.weekday == .sunday)
    #expect(LocalDate(dayNumber: date.dayNumber) == date)
    #expect(LocalDate(year: 2026, month: 2, day: 29) == nil)
    #expect(LocalDate(year: 1969, month: 12, day: 31)!.dayNumber == -1)
    // A 23-hour day in Berlin: 00:30 and 23:30 local are the same date.
    let early = LocalDate(
      date: Fixture.date("2026-03-29T00:30", offset: 1), timeZone: Fixture.berlin)
    let late = LocalDate(
      date: Fixture.date("2026-03-29T23:30", offset: 2), timeZone: Fixture.berlin)
    #expect(early == date && late == date)
    let autumn = LocalDate(
      date: Fixture.date("2026-10-25T23:59", offset: 1), timeZone: Fixture.berlin)
    #expect(autumn.description == "2026-10-25")
  }
}
