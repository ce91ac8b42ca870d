import Foundation
import SottoAnalytics
import SottoModel
import Testing

/// A week in progress is compared with the same days of earlier weeks, and an earlier period
/// only when the journal covers all of it. Figures worked out by hand from `Fixture.entries`
/// (the journal begins Monday 2 March 2026, the day of its goals).
@Suite struct FairComparisonTests {
  /// Tuesday 24 March 2026, 20:00 in Berlin (+01:00): W13 is two days old.
  static let tuesday = Fixture.date("2026-03-24T20:00", offset: 1)

  static func metric(_ report: WeeklyReport, _ metric: ComparedMetric) -> MetricComparison {
    report.comparison.metrics.first { $0.metric == metric }!
  }

  @Test func aWeekInProgressIsComparedWithTheSameDaysOfEarlierWeeks() throws {
    let report = try Fixture.report(now: Self.tuesday)
    #expect(report.comparison.isPartial)
    #expect(report.comparison.daysCompared == 2)
    // This Monday and Tuesday: one use (cannabis, Monday 00:20), no urge; Tuesday use-free.
    // Last week's Monday 16 and Tuesday 17: nothing, so 2 use-free days (the whole of W12
    // held 1 urge and 2 uses, which made "-100%" on a Tuesday before).
    let urges = Self.metric(report, .urges)
    #expect(urges.current == 0 && urges.previous == 0)
    #expect(urges.percentFromPrevious == nil)
    let uses = Self.metric(report, .useOccasions)
    #expect(uses.current == 1 && uses.previous == 0)
    let useFree = Self.metric(report, .useFreeDays)
    #expect(useFree.current == 1 && useFree.previous == 2)
    #expect(useFree.percentFromPrevious == -50)
    // The mean: W10 (Mon 2, Tue 3: nothing), W11 (Tue 10: one urge, resisted) and W12
    // (nothing); W9 lies before the journal. Urges 1/3 per Monday and Tuesday on average.
    #expect(report.comparison.periodsInMean == 3)
    #expect(urges.priorMean == 1.0 / 3.0)
    #expect(useFree.priorMean == 2)
  }

  @Test func aCompleteWeekIsComparedWhole() throws {
    let report = try Fixture.report()
    #expect(!report.comparison.isPartial)
    #expect(report.comparison.daysCompared == 7)
  }

  @Test func aPeriodTheJournalOnlyPartlyCoversIsNoData() throws {
    // 3 to 9 March against 24 February to 2 March, of which the journal holds only 2 March:
    // "no data", not a comparison with one day (the "+1400%" of a 3-day September).
    let start = Fixture.date("2026-03-03T12:00", offset: 1)
    let end = Fixture.date("2026-03-09T12:00", offset: 1)
    let report = try Fixture.report(.range(since: start, until: end))
    #expect(!report.comparison.isPartial)
    for line in report.comparison.metrics {
      #expect(line.previous == nil, "\(line.metric)")
      #expect(line.changeFromPrevious == nil)
    }
    #expect(report.comparison.periodsInMean == 0)
  }

  /// A cap over a range is judged week by week: one 20-drink week is over a cap of 10 a week
  /// even though the four weeks together (26 drinks) stay under 4 × 10.
  @Test func aWeeklyCapOverARangeIsJudgedPerWeek() throws {
    var entries: [Entry] = []
    func add(_ local: String, _ body: EntryBody) {
      entries.append(
        Entry(
          id: Fixture.id(entries.count + 1), at: Fixture.timestamp(local, offset: 1), body: body))
    }
    add(
      "2026-03-02T09:00",
      .goal(Goal(rule: .cap(amount: 10, unit: "drinks", substance: "alcohol", period: .week))))
    // W10 2 drinks, W11 20 (Friday 13 and Saturday 14), W12 2, W13 2.
    for (local, drinks) in [
      ("2026-03-05T20:00", 2.0), ("2026-03-13T20:00", 12), ("2026-03-14T20:00", 8),
      ("2026-03-19T20:00", 2), ("2026-03-26T20:00", 2),
    ] {
      add(local, .use(Use(substance: "alcohol", amount: drinks, unit: "drinks")))
    }
    let start = Fixture.date("2026-03-02T12:00", offset: 1)
    let end = Fixture.date("2026-03-29T12:00", offset: 2)
    let report = try Fixture.report(.range(since: start, until: end), entries: entries)
    let cap = try #require(report.goals.first)
    #expect(cap.actual == 26)
    #expect(cap.target == 40)  // 10 a week × 28 days / 7
    #expect(cap.weeksJudged == 4)
    #expect(cap.weeksOverLimit == 1)
    #expect(cap.status == .exceeded)
    #expect(cap.detail.contains("1 of 4 weeks over the cap"), "\(cap.detail)")
  }
}
