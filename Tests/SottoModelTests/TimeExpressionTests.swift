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
