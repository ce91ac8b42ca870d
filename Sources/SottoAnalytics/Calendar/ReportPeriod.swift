/// A run of whole local days a report covers: a week, or a `since ... until` range.
public struct ReportPeriod: Hashable, Sendable, Codable {
  /// Whether the period is a calendar week or a free range.
  public enum Kind: String, Hashable, Sendable, Codable {
    /// A calendar week (seven days from the week start).
    case week
    /// A range of days given by `since` and `until`.
    case range
    /// A calendar month (`--month`).
    case month
    /// A calendar year (`--year`).
    case year

    /// The period's name in a sentence: "week", "month", "year" or "period".
    public var noun: String {
      switch self {
      case .week: "week"
      case .month: "month"
      case .year: "year"
      case .range: "period"
      }
    }

    /// The period before, in a sentence: "last week", "last month", "the period before".
    public var previousName: String { self == .range ? "the period before" : "last \(noun)" }
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

  /// A short name: the ISO week (`2026-W13`), the month (`2026-11`), the year (`2026`) or
  /// `first to last` dates.
  public var label: String {
    if let isoWeek { return isoWeek.description }
    switch kind {
    case .month: return String(format: "%04d-%02d", firstDay.year, firstDay.month)
    case .year: return String(firstDay.year)
    // An en dash, so that "A–B to C–D" (a series of ranges) reads as two ranges.
    case .week, .range: return "\(firstDay)–\(lastDay)"
    }
  }

  /// The calendar month holding `day`.
  static func month(of day: LocalDate, weekStart: WeekStart) -> ReportPeriod {
    let first = LocalDate(year: day.year, month: day.month, day: 1)!
    let next =
      day.month == 12
      ? LocalDate(year: day.year + 1, month: 1, day: 1)!
      : LocalDate(year: day.year, month: day.month + 1, day: 1)!
    return ReportPeriod(
      kind: .month, firstDay: first, dayCount: next.dayNumber - first.dayNumber,
      weekStart: weekStart)
  }

  /// The calendar year holding `day`.
  static func year(of day: LocalDate, weekStart: WeekStart) -> ReportPeriod {
    let first = LocalDate(year: day.year, month: 1, day: 1)!
    let next = LocalDate(year: day.year + 1, month: 1, day: 1)!
    return ReportPeriod(
      kind: .year, firstDay: first, dayCount: next.dayNumber - first.dayNumber,
      weekStart: weekStart)
  }

  /// The period `count` periods earlier (later when negative): the same length for weeks and
  /// ranges, the calendar month or year for months and years (so February is February).
  public func earlier(by count: Int) -> ReportPeriod {
    switch kind {
    case .month:
      let index = firstDay.year * 12 + (firstDay.month - 1) - count
      let day = LocalDate(year: index / 12, month: index % 12 + 1, day: 1)!
      return Self.month(of: day, weekStart: weekStart)
    case .year:
      return Self.year(
        of: LocalDate(year: firstDay.year - count, month: 1, day: 1)!, weekStart: weekStart)
    case .week, .range:
      return ReportPeriod(
        kind: kind, firstDay: firstDay.adding(days: -count * dayCount), dayCount: dayCount,
        weekStart: weekStart)
    }
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
