import Foundation
import SottoModel

/// Everything a report depends on besides the entries: the calendar, "now" and which days.
///
/// Reports never read the clock: pass `now` in, so the same entries and options always give the
/// same report.
public struct ReportOptions: Hashable, Sendable {
  /// The person's time zone: it decides which day "today" is and how ranges map to days.
  public var timeZone: TimeZone
  /// The day weeks begin on (Monday, ISO 8601, by default).
  public var weekStart: WeekStart
  /// The current instant; days after today's are not counted yet.
  public var now: Date
  /// The week or range the report covers.
  public var selection: ReportSelection
  /// How many periods the series holds, ending with the selected one (1 to 520).
  public var seriesWeeks: Int
  /// The journal's settings: how alcohol is counted, when a day begins, the usual spending.
  public var settings: JournalSettings

  /// How alcohol is counted in standard drinks.
  public var drinks: DrinkSettings {
    get { settings.drinks }
    set { settings.drinks = newValue }
  }
  /// When each day begins, for every figure (midnight by default).
  public var dayStart: DayStart {
    get { settings.dayStart }
    set { settings.dayStart = newValue }
  }
  /// The person's usual weekly spending; `nil`: the journal's first four weeks.
  public var baselinePerWeek: Double? {
    get { settings.baselinePerWeek }
    set { settings.baselinePerWeek = newValue }
  }

  /// The default number of weeks in the series.
  public static let defaultSeriesWeeks = 8
  /// The widest series accepted (ten years of weeks).
  public static let maxSeriesWeeks = 520
  /// The longest `since ... until` range accepted, in days.
  public static let maxRangeDays = 3660

  /// Creates options; only `timeZone` and `now` have no default.
  public init(
    timeZone: TimeZone, weekStart: WeekStart = .monday, now: Date,
    selection: ReportSelection = .currentWeek, seriesWeeks: Int = ReportOptions.defaultSeriesWeeks,
    settings: JournalSettings = JournalSettings()
  ) {
    self.settings = settings
    self.timeZone = timeZone
    self.weekStart = weekStart
    self.now = now
    self.selection = selection
    self.seriesWeeks = seriesWeeks
  }

  /// Today's local day in ``timeZone``: until ``dayStart``, still the day before.
  public var today: LocalDate {
    LocalDate(date: now.addingTimeInterval(-Double(dayStart.seconds)), timeZone: timeZone)
  }

  /// The days the report covers.
  ///
  /// - Throws: ``AnalyticsError`` for a range that ends before it starts or is too long.
  public func period() throws(AnalyticsError) -> ReportPeriod {
    let currentFirst = weekStart.firstDay(ofWeekContaining: today)
    switch selection {
    case .currentWeek:
      return ReportPeriod(kind: .week, firstDay: currentFirst, dayCount: 7, weekStart: weekStart)
    case .lastWeek:
      return ReportPeriod(
        kind: .week, firstDay: currentFirst.adding(days: -7), dayCount: 7, weekStart: weekStart)
    case .isoWeek(let week):
      let first = weekStart == .monday ? week.monday : week.monday.adding(days: -1)
      return ReportPeriod(kind: .week, firstDay: first, dayCount: 7, weekStart: weekStart)
    case .range(let since, let until):
      let first = LocalDate(date: since, timeZone: timeZone)
      let last = LocalDate(date: until, timeZone: timeZone)
      guard first <= last else {
        throw AnalyticsError(
          code: .invalidRange,
          message: "The report range ends before it starts. Give --since a time before --until.")
      }
      let count = last.dayNumber - first.dayNumber + 1
      guard count <= Self.maxRangeDays else {
        throw AnalyticsError(
          code: .invalidRange,
          message: "The report range is \(count) days long; at most \(Self.maxRangeDays) days "
            + "are allowed. Choose a shorter range.")
      }
      return ReportPeriod(kind: .range, firstDay: first, dayCount: count, weekStart: weekStart)
    case .monthBack(let back):
      return ReportPeriod.month(of: today, weekStart: weekStart).earlier(by: back)
    case .month(let year, let month):
      return ReportPeriod.month(
        of: LocalDate(year: year, month: month, day: 1)!, weekStart: weekStart)
    case .yearBack(let back):
      return ReportPeriod.year(of: today, weekStart: weekStart).earlier(by: back)
    case .year(let year):
      return ReportPeriod.year(of: LocalDate(year: year, month: 1, day: 1)!, weekStart: weekStart)
    }
  }

  func validateSeries() throws(AnalyticsError) {
    guard (1...Self.maxSeriesWeeks).contains(seriesWeeks) else {
      throw AnalyticsError(
        code: .invalidSeriesLength,
        message: "The number of weeks must be from 1 to \(Self.maxSeriesWeeks), not "
          + "\(seriesWeeks). Choose a number in that range.")
    }
  }
}
