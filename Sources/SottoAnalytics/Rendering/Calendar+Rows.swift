/// The calendar of a month, a year or a range: one row per week, one cell per day, shared by
/// the renderers.
enum CalendarRows {
  /// One week of the calendar: its first day and seven days, `nil` outside the period.
  struct Week {
    var firstDay: LocalDate
    var days: [DaySummary?]
  }

  /// The weeks (by the report's week start) that the period's days fall in.
  static func weeks(_ report: WeeklyReport) -> [Week] {
    guard report.days.count > 7, let first = report.days.first?.date else { return [] }
    var start = report.weekStart.firstDay(ofWeekContaining: first)
    var weeks: [Week] = []
    let byDay = Dictionary(uniqueKeysWithValues: report.days.map { ($0.date.dayNumber, $0) })
    while start <= report.period.lastDay {
      weeks.append(
        Week(
          firstDay: start, days: (0..<7).map { byDay[start.adding(days: $0).dayNumber] }))
      start = start.adding(days: 7)
    }
    return weeks
  }

  /// The cell of a day: `█` use, `·` use-free, a space before the journal, after today or
  /// outside the period.
  static func symbol(_ day: DaySummary?) -> Character {
    switch day?.state {
    case .use?: "█"
    case .useFree?: "·"
    case .notYet?, .noData?, nil: " "
    }
  }

  /// The key printed under the calendar.
  static let key =
    "█ use day · use-free day (blank: outside the period, before the journal or not yet)"

  /// The weekday initials of a week from `weekStart`.
  static func header(_ weekStart: WeekStart) -> String {
    String(weekStart.orderedWeekdays.map { $0.name.first! })
  }
}
