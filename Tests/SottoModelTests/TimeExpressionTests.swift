import Foundation
import SottoModel
import Testing

@Suite struct TimeExpressionTests {
  // 2026-11-20 15:30:00 in Europe/Berlin (UTC+1 in November).
  let now = Date(timeIntervalSince1970: 1_795_185_000)
  let berlin = TimeZone(identifier: "Europe/Berlin")!

  func parse(_ text: String) throws -> Timestamp {
    try TimeExpression.parse(text, now: now, timeZone: berlin)
  }

  @Test func relativeForms() throws {
    #expect(try parse("now").unixSeconds == 1_795_185_000)
    #expect(try parse("90m ago").unixSeconds == 1_795_185_000 - 5400)
    #expect(try parse("3h ago").unixSeconds == 1_795_185_000 - 10_800)
    #expect(try parse("2d ago").unixSeconds == 1_795_185_000 - 172_800)
    #expect(try parse("7d").unixSeconds == 1_795_185_000 - 604_800)
    #expect(try parse("  1W AGO ").unixSeconds == 1_795_185_000 - 604_800)
    #expect(try parse("now").utcOffsetSeconds == 3600)
  }

  @Test func dayForms() throws {
    // 2026-11-20 14:00 +01:00 = 13:00Z.
    #expect(try parse("today 14:00").unixSeconds == 1_795_179_600)
    #expect(try parse("yesterday 22:30").unixSeconds == 1_795_179_600 - 86_400 + 8 * 3600 + 1800)
    #expect(try parse("yesterday").unixSeconds == 1_795_179_600 - 14 * 3600 - 86_400)
    #expect(try parse("14:00").unixSeconds == 1_795_179_600)
  }

  // 2026-11-20 is a Friday; its first second in Berlin is 1_795_129_200 (from isoForms).
  static let dayStart: Int64 = 1_795_129_200

  @Test func compoundDurations() throws {
    #expect(try parse("1h30m ago").unixSeconds == 1_795_185_000 - 5400)
    #expect(try parse("1h 30m ago").unixSeconds == 1_795_185_000 - 5400)
    #expect(try parse("1 hour 30 minutes ago").unixSeconds == 1_795_185_000 - 5400)
    #expect(try parse("an hour ago").unixSeconds == 1_795_185_000 - 3600)
    #expect(try parse("2 days ago").unixSeconds == 1_795_185_000 - 172_800)
  }

  @Test func twelveHourClockAndNamedHours() throws {
    #expect(try parse("5pm").unixSeconds == Self.dayStart + 17 * 3600)
    #expect(try parse("5 PM").unixSeconds == Self.dayStart + 17 * 3600)
    #expect(try parse("5:30pm").unixSeconds == Self.dayStart + 17 * 3600 + 1800)
    #expect(try parse("12am").unixSeconds == Self.dayStart)
    #expect(try parse("12pm").unixSeconds == Self.dayStart + 12 * 3600)
    #expect(try parse("noon").unixSeconds == Self.dayStart + 12 * 3600)
    #expect(try parse("midnight").unixSeconds == Self.dayStart)
    #expect(
      try parse("yesterday at 22:30").unixSeconds == Self.dayStart - 86_400 + 22 * 3600 + 1800)
    #expect(try parse("22:30 yesterday").unixSeconds == Self.dayStart - 86_400 + 22 * 3600 + 1800)
  }

  @Test func weekdays() throws {
    // Tuesday 2026-11-17 and Monday 2026-11-16 are 3 and 4 days before Friday the 20th.
    #expect(try parse("last tuesday").unixSeconds == Self.dayStart - 3 * 86_400)
    #expect(try parse("tuesday 20:00").unixSeconds == Self.dayStart - 3 * 86_400 + 20 * 3600)
    #expect(try parse("monday 20:00").unixSeconds == Self.dayStart - 4 * 86_400 + 20 * 3600)
    #expect(try parse("Mon at 8pm").unixSeconds == Self.dayStart - 4 * 86_400 + 20 * 3600)
    // Today is a Friday: "friday" is today, "last friday" a week back, "next monday" in 3 days.
    #expect(try parse("friday").unixSeconds == Self.dayStart)
    #expect(try parse("last friday").unixSeconds == Self.dayStart - 7 * 86_400)
    #expect(try parse("next monday").unixSeconds == Self.dayStart + 3 * 86_400)
    #expect(try parse("2026-11-18 at 5pm").unixSeconds == Self.dayStart - 2 * 86_400 + 17 * 3600)
  }

  @Test func partsOfTheDay() throws {
    // Now is 15:30: the morning and afternoon have passed, the evening is to come.
    #expect(try parse("this morning").unixSeconds == Self.dayStart + 9 * 3600)
    #expect(try parse("this afternoon").unixSeconds == Self.dayStart + 15 * 3600)
    #expect(try parse("this evening").unixSeconds == Self.dayStart + 19 * 3600)
    #expect(try parse("tonight").unixSeconds == Self.dayStart + 21 * 3600)
    #expect(try parse("last night").unixSeconds == Self.dayStart - 86_400 + 21 * 3600)
    #expect(try parse("yesterday evening").unixSeconds == Self.dayStart - 86_400 + 19 * 3600)
    #expect(try parse("friday night").unixSeconds == Self.dayStart + 21 * 3600)
    // At 18:30 the evening has begun: "this evening" is now, not 19:00 still to come.
    let evening = now.addingTimeInterval(3 * 3600)
    let reading = try TimeExpression.parse("this evening", now: evening, timeZone: berlin)
    #expect(reading.unixSeconds == 1_795_185_000 + 3 * 3600)
  }

  @Test func wholeDaysAndTheEndOfARange() throws {
    #expect(try TimeExpression.read("yesterday", now: now, timeZone: berlin).isWholeDay)
    #expect(try TimeExpression.read("2026-11-19", now: now, timeZone: berlin).isWholeDay)
    #expect(try !TimeExpression.read("yesterday 10:00", now: now, timeZone: berlin).isWholeDay)
    #expect(try !TimeExpression.read("2026-11-19T00:00", now: now, timeZone: berlin).isWholeDay)
    // --until 2026-11-19 includes that day up to its last second.
    let end = try TimeExpression.parseEnd("2026-11-19", now: now, timeZone: berlin)
    #expect(end.unixSeconds == Self.dayStart - 1)
    let clockEnd = try TimeExpression.parseEnd("14:00", now: now, timeZone: berlin)
    #expect(clockEnd.unixSeconds == Self.dayStart + 14 * 3600)
  }

  @Test(arguments: [
    "13pm", "0am", "someday", "last", "next", "tuesday tuesday", "1h30", "5 pm yesterday extra",
    "this 5pm", "last 2026-11-19", "25:00", "in 2h", "morning evening",
  ])
  func wordsThatAreNotTimesAreRefused(_ text: String) {
    #expect(throws: EntryValidationError.self) { try parse(text) }
  }

  @Test func isoForms() throws {
    #expect(try parse("2026-11-20T21:00").unixSeconds == 1_795_204_800)
    #expect(try parse("2026-11-20 21:00:00").unixSeconds == 1_795_204_800)
    #expect(try parse("2026-11-20").unixSeconds == 1_795_129_200)
    let utc = try parse("2026-11-20T20:00Z")
    #expect(utc.unixSeconds == 1_795_204_800)
    #expect(utc.utcOffsetSeconds == 0)
    let lisbon = try parse("2026-11-20T20:00+00:00")
    #expect(lisbon.unixSeconds == 1_795_204_800)
    let newYork = try parse("2026-11-20T15:00-05:00")
    #expect(newYork.unixSeconds == 1_795_204_800)
    #expect(newYork.utcOffsetSeconds == -18_000)
  }

  @Test func summerTimeOffsetIsTheOneInForceThen() throws {
    let july = try parse("2026-07-01T12:00")
    #expect(july.utcOffsetSeconds == 7200)
  }

  @Test(arguments: [
    "", "next blursday", "25:00", "today 24:10", "2026-02-30", "2026-13-01", "12h later",
    "-3h ago", "2026-11-20T21:00+25:00", "99999999d ago", "yesterday 22:30 extra",
    String(repeating: "1", count: 200),
  ])
  func unreadableTimesAreRefusedWithTheAcceptedForms(text: String) {
    do {
      _ = try parse(text)
      Issue.record("accepted \(text)")
    } catch let error as EntryValidationError {
      #expect(error.field == "time")
      #expect(error.description.contains("yesterday 22:30"))
    } catch {
      Issue.record("unexpected error type")
    }
  }

  @Test func farFutureIsRefusedButSoonIsAllowed() throws {
    let soon = try parse("2026-11-21T09:00")
    try TimeExpression.checkNotFarFuture(soon, now: now)
    let later = try parse("2026-11-23")
    #expect(throws: EntryValidationError.self) {
      try TimeExpression.checkNotFarFuture(later, now: now)
    }
  }
}
