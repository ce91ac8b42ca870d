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

/// The week of a small journal read on a Wednesday, as issue 12 asks: wine, beer and spirits in
/// ml with and without `--abv`, a 00:30 use after a night out, days starting at 05:00, UK units.
/// Every figure is worked out by hand here.
@Suite struct PartialWeekFixtureTests {
  static let entries: [Entry] = {
    var list: [Entry] = []
    func add(_ local: String, _ body: EntryBody) {
      list.append(
        Entry(
          id: Fixture.id(list.count + 1), at: Fixture.timestamp(local, offset: 1), body: body))
    }
    add(
      "2026-03-16T09:00",
      .goal(Goal(rule: .cap(amount: 14, unit: "units", substance: "alcohol", period: .week))))
    // Monday 23 March, 20:00: wine 250 ml at the default 12%: 250 × 0.12 × 0.789 = 23.67 g.
    add("2026-03-23T20:00", .use(Use(substance: "wine", amount: 250, unit: "ml", cost: 6)))
    // Tuesday 00:30, still Monday night from 05:00: beer 500 ml at 4.5%:
    // 500 × 0.045 × 0.789 = 17.7525 g.
    add(
      "2026-03-24T00:30",
      .use(Use(substance: "beer", amount: 500, unit: "ml", cost: 5, abv: 4.5)))
    // Tuesday 21:00: vodka 50 ml at 37.5%: 50 × 0.375 × 0.789 = 14.79375 g.
    add(
      "2026-03-24T21:00",
      .use(Use(substance: "vodka", amount: 50, unit: "ml", cost: 4, abv: 37.5)))
    return list
  }()

  @Test func theFiguresOfAWednesday() throws {
    var options = Fixture.options(now: Fixture.date("2026-03-25T12:00", offset: 1))
    options.dayStart = try #require(DayStart(parsing: "05:00"))
    options.drinks = DrinkSettings(standard: .uk)
    let report = try WeeklyReport.build(entries: Self.entries, options: options)
    // Monday (wine, and the beer at 00:30) and Tuesday (vodka) are use days; Wednesday, today,
    // is use-free so far; Thursday to Sunday are not counted yet.
    #expect(report.days.map(\.useOccasions) == [2, 1, 0, 0, 0, 0, 0])
    #expect(report.use.useDays == 2)
    #expect(report.use.useFreeDays == 1)
    #expect(report.use.daysNotYetCounted == 4)
    #expect(report.daysElapsed == 3 && !report.isComplete)
    // 23.67 + 17.7525 + 14.79375 = 56.21625 g, / 8 = 7.02703 UK units; spent 6 + 5 + 4 = 15.
    let alcohol = try #require(report.use.substances.first)
    #expect(alcohol.substance == "alcohol" && alcohol.occasions == 3)
    #expect(abs((alcohol.standardDrinks ?? 0) - 7.02703) < 0.0001)
    #expect(alcohol.occasionsNotInStandardDrinks == 0)
    #expect(report.use.spending == 15)
    // The goal of 14 units a week: 7.027 so far, on track.
    let goal = try #require(report.goals.first)
    #expect(abs((goal.actual ?? 0) - 7.02703) < 0.0001)
    #expect(goal.status == .onTrack)
    // A partial week is compared on its first 3 days; the week before (from the goal on
    // Monday 16 March) had none of them with use: 0 occasions then, 3 now.
    #expect(report.comparison.isPartial && report.comparison.daysCompared == 3)
    let occasions = try #require(report.comparison.metrics.first { $0.metric == .useOccasions })
    #expect(occasions.current == 3 && occasions.previous == 0)
  }
}

/// 52 weekly columns keep readable labels: each month's first week by its month, the rest
/// unlabelled, never 52 week numbers run together.
@Test func fiftyTwoWeeksAreLabelledByMonthInHTML() throws {
  var options = Fixture.options()
  options.seriesWeeks = 52
  let html = HTMLReportRenderer().render(
    try WeeklyReport.build(entries: Fixture.entries, options: options))
  #expect(!html.contains(">W13</text>"))
  // 30 March 2025 (W14 of 2025, a Monday) to 23 March 2026: every month from April 2025 to
  // March 2026 begins in one of these weeks, so each appears as a label.
  for month in ["Apr", "Jun", "Sep", "Dec", "Jan", "Mar"] {
    #expect(html.contains("text-anchor=\"middle\">\(month)</text>"), "\(month)")
  }
}

/// A trigger longer than the chart's label column is cut with an ellipsis there, and is whole
/// in the bar's tooltip (it overran the bars before).
@Test func aLongTriggerIsShortenedInTheChartAndWholeInItsTooltip() throws {
  let long = "an argument with my flatmate about the rent"
  let entry = Entry(
    id: Fixture.id(1), at: Fixture.timestamp("2026-03-27T21:00", offset: 1),
    body: .urge(Urge(intensity: 5, triggers: [long], outcome: .resisted)))
  let html = HTMLReportRenderer().render(try Fixture.report(entries: [entry]))
  #expect(html.contains(">an argument with my flatm…</text>"))
  #expect(html.contains("<title>\(long)</title>"))
}
