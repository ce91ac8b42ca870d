/// English date wording shared by the renderers, independent of the system locale.
enum DateText {
  /// "November".
  static func monthName(_ month: Int) -> String {
    [
      "January", "February", "March", "April", "May", "June", "July", "August", "September",
      "October", "November", "December",
    ][month - 1]
  }

  static let months = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
  ]

  /// "Mon 23 Mar".
  static func short(_ date: LocalDate) -> String {
    "\(date.weekday.shortName) \(date.day) \(months[date.month - 1])"
  }

  /// "Mon 23 Mar 2026".
  static func long(_ date: LocalDate) -> String {
    "\(short(date)) \(date.year)"
  }

  /// "Mon 23 Mar – Sun 29 Mar 2026".
  static func range(_ period: ReportPeriod) -> String {
    period.firstDay.year == period.lastDay.year
      ? "\(short(period.firstDay)) – \(long(period.lastDay))"
      : "\(long(period.firstDay)) – \(long(period.lastDay))"
  }

  /// "week 2026-W13" or "2026-03-29 to 2026-04-04".
  static func title(_ period: ReportPeriod) -> String {
    if let week = period.isoWeek { return "week \(week)" }
    switch period.kind {
    case .week: return "week of \(long(period.firstDay))"
    case .month: return monthName(period.firstDay.month) + " \(period.firstDay.year)"
    case .year: return "the year \(period.firstDay.year)"
    case .range: return "\(period.firstDay) to \(period.lastDay)"
    }
  }

  /// "2 days 3 hours", "45 minutes", "0 minutes".
  static func duration(seconds: Int64) -> String {
    let minutes = max(0, seconds) / 60
    let days = minutes / 1440
    let hours = (minutes % 1440) / 60
    if days > 0 {
      return hours > 0
        ? "\(NumberText.count(Int(days), "day")) \(NumberText.count(Int(hours), "hour"))"
        : NumberText.count(Int(days), "day")
    }
    if hours > 0 {
      let rest = minutes % 60
      return rest > 0
        ? "\(NumberText.count(Int(hours), "hour")) \(NumberText.count(Int(rest), "minute"))"
        : NumberText.count(Int(hours), "hour")
    }
    return NumberText.count(Int(minutes), "minute")
  }
}

extension ComparedMetric {
  /// The metric's name as a table row label ("Use-free days").
  var label: String {
    switch self {
    case .urges: "Urges"
    case .resisted: "Resisted"
    case .actedOn: "Acted on"
    case .useOccasions: "Use occasions"
    case .useFreeDays: "Use-free days"
    case .spending: "Spending"
    }
  }

  /// The value in its own format (money for spending).
  func format(_ value: Double) -> String {
    self == .spending ? NumberText.money(value) : NumberText.amount(value)
  }

  /// A signed change in the metric's format.
  func formatChange(_ value: Double) -> String {
    guard self == .spending else { return NumberText.signed(value) }
    let text = NumberText.money(abs(value))
    return text == "0.00" ? "0.00" : (value > 0 ? "+" : "-") + text
  }
}

extension DaySummary.State {
  /// How the day counts, in words.
  var label: String {
    switch self {
    case .use: "use"
    case .useFree: "use-free"
    case .notYet: "not yet"
    case .noData: "no data"
    }
  }
}
