import Foundation
import SottoAnalytics
import SottoModel
import Testing

/// `report --month` and `--year`: the same report over a calendar month or year, compared with
/// the calendar month or year before. Figures worked out by hand from `Fixture.entries`.
@Suite struct LongViewTests {
  @Test func aMonthIsItsCalendarDays() throws {
    let report = try Fixture.report(.month(year: 2026, month: 3))
    #expect(report.period.kind == .month)
    #expect(report.period.label == "2026-03")
    #expect(report.period.firstDay.description == "2026-03-01")
    #expect(report.period.lastDay.description == "2026-03-31")
    #expect(report.period.dayCount == 31)
    // Uses: W10 1, W11 1, W12 2, W13 6 (the New York drink on Friday 27 included) = 10.
    #expect(report.use.occasions == 10)
    // Today is Sunday 29: the 30th and 31st are not counted yet; 1 March precedes the journal.
    #expect(report.use.daysNotYetCounted == 2)
    #expect(report.use.daysWithoutData == 1)
    // February lies before the journal (it begins 2 March): no comparison.
    #expect(report.comparison.previousFirstDay.description == "2026-02-01")
    #expect(report.comparison.metrics.allSatisfy { $0.previous == nil })
  }

  @Test func lastMonthAndThisYearFollowTheCalendar() throws {
    let last = try Fixture.report(.monthBack(1))
    #expect(last.period.label == "2026-02")
    #expect(last.period.dayCount == 28)
    let year = try Fixture.report(.yearBack(0))
    #expect(year.period.label == "2026")
    #expect(year.period.dayCount == 365)
    #expect(year.use.occasions == 10)
    #expect(year.comparison.previousFirstDay.description == "2025-01-01")
  }

  @Test func monthsStepByCalendarMonths() throws {
    let march = try Fixture.report(.month(year: 2026, month: 3)).period
    #expect(march.earlier(by: 1).label == "2026-02" && march.earlier(by: 1).dayCount == 28)
    #expect(march.earlier(by: 3).label == "2025-12" && march.earlier(by: 3).dayCount == 31)
    #expect(march.earlier(by: 13).label == "2025-02")
    #expect(march.earlier(by: -1).label == "2026-04" && march.earlier(by: -1).dayCount == 30)
  }

  @Test(arguments: ["2026-13", "26-03", "march", "2026-3", "2300-01"])
  func anUnreadableMonthIsRefused(_ text: String) {
    #expect(throws: AnalyticsError.self) { try ReportSelection.parse(month: text) }
  }

  /// Weeks before the journal began are "no data" in the series, never zeros, and a text report
  /// says when it shows fewer weeks than asked.
  @Test func seriesShowNoDataBeforeTheJournalAndSayWhenCut() throws {
    // The journal begins Monday 2 March (W10): of W06 to W13, the first four have no data.
    let report = try Fixture.report()
    #expect(report.series.map(\.hasData) == [false, false, false, false, true, true, true, true])
    let text = TextReportRenderer().render(report)
    #expect(text.contains("— — — — 2 2 1 7"))
    let long = try WeeklyReport.build(
      entries: Fixture.entries,
      options: ReportOptions(timeZone: Fixture.berlin, now: Fixture.now, seriesWeeks: 52))
    #expect(
      TextReportRenderer().render(long).contains("(the last 40 of the 52 asked for, to fit 80"))
  }

  /// A weekly goal's earlier weeks: W10 to W12 are complete and after the goals began
  /// (2 March); W13 is still running. Alcohol 4, 3 and 3 drinks (cap 10): met in all three.
  /// Use-free days 6, 6 and 5 (2 asked for): met. Spending 20, 15 and 18 (cap 60): met.
  @Test func weeklyGoalsSayHowEarlierWeeksWent() throws {
    let report = try Fixture.report()
    let cap = try #require(
      report.goals.first {
        if case .cap(10, "drinks", "alcohol", .week) = $0.rule { return true } else { return false }
      })
    #expect(cap.history?.weeks == 3 && cap.history?.met == 3 && cap.history?.inARow == 3)
    #expect(cap.historyText == "met in 3 of the last 3 weeks, 3 in a row now")
    // A daily cap and a minimum gap have no weekly history.
    let daily = report.goals.first {
      if case .cap(_, _, _, .day) = $0.rule { return true } else { return false }
    }
    #expect(daily?.history == nil)
    // A 40-drink week 16 to 22 March breaks the run: met in 2 of 3, not the latest.
    var entries = Fixture.entries
    entries.append(
      Entry(
        id: Fixture.id(990), at: Fixture.timestamp("2026-03-21T20:00", offset: 1),
        body: .use(Use(substance: "alcohol", amount: 40, unit: "drinks"))))
    let broken = try Fixture.report(entries: entries).goals.first {
      if case .cap(10, "drinks", "alcohol", .week) = $0.rule { return true } else { return false }
    }
    #expect(broken?.history?.met == 2 && broken?.history?.inARow == 0)
    #expect(broken?.historyText == "met in 2 of the last 3 weeks, not the latest")
  }

  /// March 2026 as a calendar, one row per week (Monday first): use days from the fixture on
  /// Saturday 7, Friday 13, Friday 20 and Sunday 22, Monday 23 and Friday 27 to Sunday 29;
  /// 1 March is before the journal, 30 and 31 not yet, February outside the month.
  @Test func aMonthShowsACalendarOfUseAndUseFreeDays() throws {
    let text = TextReportRenderer().render(try Fixture.report(.month(year: 2026, month: 3)))
    let rows = text.split(separator: "\n").map(String.init)
    let start = try #require(rows.firstIndex(of: "CALENDAR"))
    #expect(
      Array(rows[(start + 1)...(start + 7)]) == [
        "  week of       MTWTFSS",
        "  2026-02-23",
        "  2026-03-02    ·····█·",
        "  2026-03-09    ····█··",
        "  2026-03-16    ····█·█",
        "  2026-03-23    █···███",
        "  2026-03-30",
      ])
    // A week has no calendar: its days are listed by weekday instead.
    #expect(!TextReportRenderer().render(try Fixture.report()).contains("CALENDAR"))
  }
}
