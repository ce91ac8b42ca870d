import Foundation
import SottoAnalytics
import SottoModel
import Testing

/// With days starting at 05:00, a use at 00:30 after a night out belongs to the evening
/// before, for use days, daily caps and the week it falls in. Figures worked out by hand.
@Suite struct DayStartTests {
  /// Week 2026-W13 (Monday 23 to Sunday 29 March 2026, Berlin, +01:00), read on its Sunday.
  static let entries: [Entry] = {
    var list: [Entry] = []
    func use(_ local: String, _ amount: Double) {
      list.append(
        Entry(
          id: Fixture.id(list.count + 1), at: Fixture.timestamp(local, offset: 1),
          body: .use(Use(substance: "beer", amount: amount, unit: "drinks"))))
    }
    list.append(
      Entry(
        id: Fixture.id(99), at: Fixture.timestamp("2026-03-02T09:00", offset: 1),
        body: .goal(
          Goal(rule: .cap(amount: 4, unit: "drinks", substance: "alcohol", period: .day)))))
    use("2026-03-23T02:00", 1)  // Monday 02:00: Sunday 22 (the week before) from 05:00
    use("2026-03-25T22:00", 2)  // Wednesday evening
    use("2026-03-26T00:30", 3)  // Thursday 00:30: still Wednesday from 05:00
    return list
  }()

  static func report(_ start: String) throws -> WeeklyReport {
    var options = Fixture.options()
    options.dayStart = try #require(DayStart(parsing: start))
    return try WeeklyReport.build(entries: entries, options: options)
  }

  @Test func atMidnightEachUseCountsOnItsCalendarDay() throws {
    // Monday, Wednesday and Thursday: 3 use days and 6 drinks; no day over 4.
    let report = try Self.report("00:00")
    #expect(report.use.occasions == 3)
    #expect(report.use.useDays == 3)
    #expect(report.use.substances.first?.amounts.first?.total == 6)
    #expect(report.goals.first?.status == .onTrack)
    #expect(report.goals.first?.actual == 3)
  }

  @Test func fromFiveTheNightBelongsToTheEveningBefore() throws {
    // Monday 02:00 moves to Sunday 22 March, out of the week; Thursday 00:30 joins Wednesday:
    // 2 uses on 1 use day (Wednesday, 2 + 3 = 5 drinks), over the daily cap of 4.
    let report = try Self.report("05:00")
    #expect(report.use.occasions == 2)
    #expect(report.use.useDays == 1)
    #expect(report.days.map(\.useOccasions) == [0, 0, 2, 0, 0, 0, 0])
    let goal = try #require(report.goals.first)
    #expect(goal.status == .exceeded)
    #expect(goal.actual == 5)
    #expect(goal.daysOverLimit == 1)
  }

  @Test func beforeTheDayStartsTodayIsStillYesterday() throws {
    // Sunday 29 March at 03:00 with days from 05:00 is still Saturday 28: the same week, and
    // Sunday is not counted yet. (The fixture's "now" is Sunday 20:00.)
    var options = Fixture.options(now: Fixture.date("2026-03-29T03:00", offset: 2))
    options.dayStart = try #require(DayStart(parsing: "5:00"))
    #expect(options.today == LocalDate(year: 2026, month: 3, day: 28))
    var midnight = options
    midnight.dayStart = .midnight
    #expect(midnight.today == LocalDate(year: 2026, month: 3, day: 29))
  }

  @Test func dayStartsAreReadFromHoursAndMinutesUpToNoon() {
    #expect(DayStart(parsing: "05:00")?.minutes == 300)
    #expect(DayStart(parsing: "5")?.minutes == 300)
    #expect(DayStart(parsing: "04:30")?.text == "04:30")
    #expect(DayStart(parsing: "12:00")?.minutes == 720)
    for bad in ["12:01", "13:00", "5:7", "-1:00", "five", "", "05:00:00", "5:60"] {
      #expect(DayStart(parsing: bad) == nil, "\(bad)")
    }
  }
}
