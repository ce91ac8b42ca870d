/// The day a week begins on.
public enum WeekStart: String, Hashable, Sendable, Codable, CaseIterable {
  /// ISO 8601 weeks: Monday to Sunday (the default).
  case monday
  /// Sunday to Saturday.
  case sunday

  /// The first weekday.
  public var weekday: Weekday { self == .monday ? .monday : .sunday }

  /// The first day of the week that holds `date`.
  public func firstDay(ofWeekContaining date: LocalDate) -> LocalDate {
    let back = (date.weekday.isoIndex - weekday.isoIndex + 7) % 7
    return date.adding(days: -back)
  }

  /// The seven weekdays in week order, starting with ``weekday``.
  public var orderedWeekdays: [Weekday] {
    let all = Weekday.allCases
    let start = weekday.isoIndex
    return (0..<7).map { all[(start + $0) % 7] }
  }
}
