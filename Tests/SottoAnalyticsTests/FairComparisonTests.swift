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
}
