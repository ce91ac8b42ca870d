/// A run of whole local days a report covers: a week, or a `since ... until` range.
public struct ReportPeriod: Hashable, Sendable, Codable {
  /// Whether the period is a calendar week or a free range.
  public enum Kind: String, Hashable, Sendable, Codable {
    /// A calendar week (seven days from the week start).
    case week
    /// A range of days given by `since` and `until`.
    case range
  }

  /// A week or a range.
  public var kind: Kind
  /// The first day, included.
  public var firstDay: LocalDate
  /// The last day, included.
  public var lastDay: LocalDate
  /// The number of days (7 for a week).
  public var dayCount: Int
  /// The ISO week, for a week that starts on Monday; `nil` otherwise.
  public var isoWeek: ISOWeek?

  /// Creates a period of `dayCount` days from `firstDay`.
  public init(kind: Kind, firstDay: LocalDate, dayCount: Int, weekStart: WeekStart) {
    self.kind = kind
    self.firstDay = firstDay
    self.dayCount = dayCount
    self.lastDay = firstDay.adding(days: dayCount - 1)
    self.isoWeek =
      kind == .week && weekStart == .monday ? ISOWeek(containing: firstDay) : nil
    self.weekStart = weekStart
  }

  /// The week start the period was made with.
  public var weekStart: WeekStart

  /// A short name: the ISO week (`2026-W13`) or `first to last` dates.
  public var label: String {
    if let isoWeek { return isoWeek.description }
    return "\(firstDay) to \(lastDay)"
  }

  /// The period of the same length `count` periods earlier (later when negative).
  public func earlier(by count: Int) -> ReportPeriod {
    ReportPeriod(
      kind: kind, firstDay: firstDay.adding(days: -count * dayCount), dayCount: dayCount,
      weekStart: weekStart)
  }

  /// The first `days` days of the period (all of it when `days` is not smaller).
  func prefix(days: Int) -> ReportPeriod {
    ReportPeriod(
      kind: kind, firstDay: firstDay, dayCount: max(1, min(days, dayCount)), weekStart: weekStart)
  }

  /// Whether `day` lies in the period.
  public func contains(_ day: LocalDate) -> Bool {
    firstDay <= day && day <= lastDay
  }

  /// Whether the day number lies in the period.
  func contains(dayNumber: Int) -> Bool {
    firstDay.dayNumber <= dayNumber && dayNumber <= lastDay.dayNumber
  }
}
