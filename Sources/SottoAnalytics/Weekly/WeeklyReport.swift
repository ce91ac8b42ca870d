import Foundation
import SottoModel

/// A trend report over one week (or a range of days): urges, use, goals, comparisons and a series.
///
/// Build it with ``build(entries:options:)``; render it with ``TextReportRenderer``,
/// ``MarkdownReportRenderer``, ``JSONReportRenderer`` or ``HTMLReportRenderer``.
/// - Warning: A report holds decrypted journal data (substance names, triggers, amounts).
public struct WeeklyReport: Codable, Sendable, Equatable {
  /// The version of the JSON shape, documented in `Docs/REPORTS.md`.
  public static let schemaVersion = 3

  /// The version of the JSON shape this value was made with.
  public var schemaVersion: Int
  /// The `now` the report was built for.
  public var generatedAt: Date
  /// The identifier of the person's time zone ("Europe/Berlin").
  public var timeZone: String
  /// The day weeks begin on.
  public var weekStart: WeekStart
  /// Today's local day at ``generatedAt``.
  public var today: LocalDate
  /// The days covered.
  public var period: ReportPeriod
  /// How many days of the period are today or earlier (days after today are not counted yet).
  public var daysElapsed: Int
  /// Whether the period is over (its last day is before today).
  public var isComplete: Bool
  /// One line per day of the period, in order.
  public var days: [DaySummary]
  /// The urges in the period.
  public var urges: UrgeSummary
  /// The use in the period.
  public var use: UseSummary
  /// Each active goal's progress over the period.
  public var goals: [GoalProgress]
  /// The period against the one before and the mean of the four before.
  public var comparison: PeriodComparison
  /// The last periods, oldest first, ending with this one.
  public var series: [SeriesPoint]
  /// What helps and what hurts, over the last eight weeks up to the period's end.
  public var patterns: Patterns
  /// Plain-language statements the numbers support; empty when there is too little data.
  public var observations: [Observation]
  /// The standard drink alcohol is counted in (the journal's setting).
  public var drinksStandard: DrinkStandard = DrinkSettings.defaultStandard
  /// When each day begins (the journal's setting).
  public var dayStart: DayStart = .midnight
  /// Money kept against the usual spending; `nil` without a baseline.
  public var money: MoneyKept?
}
