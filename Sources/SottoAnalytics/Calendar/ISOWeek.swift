import SottoModel

/// An ISO 8601 week such as `2026-W47`: weeks run Monday to Sunday, and week 1 holds January 4.
public struct ISOWeek: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
  /// The ISO week-numbering year (it can differ from the calendar year around New Year).
  public let year: Int
  /// The week number, 1 to 52 or 53.
  public let week: Int

  /// Creates a week; throws when that year has no such week.
  public init(year: Int, week: Int) throws(AnalyticsError) {
    guard (1...9999).contains(year) else {
      throw AnalyticsError(
        code: .weekOutOfRange,
        message: "The year \(year) is outside 1 to 9999. Give a week such as 2026-W47.")
    }
    let weeks = Self.weekCount(inYear: year)
    guard (1...weeks).contains(week) else {
      throw AnalyticsError(
        code: .weekOutOfRange,
        message: "\(year) has weeks 1 to \(weeks) only, not \(week). Give a week such as "
          + "\(year)-W\(Self.twoDigits(min(max(week, 1), weeks))).")
    }
    self.year = year
    self.week = week
  }

  /// Parses `YYYY-Www` (for example `2026-W47`; case and a missing dash are accepted).
  public init(parsing text: String) throws(AnalyticsError) {
    let upper = text.trimmingWhitespace().uppercased()
    let unreadable = AnalyticsError(
      code: .unreadableWeek,
      message: "The week could not be read. Write it as YYYY-Www, for example 2026-W47, "
        + "or use \"this\" or \"last\".")
    let parts = upper.split(separator: "W", omittingEmptySubsequences: false)
    guard parts.count == 2 else { throw unreadable }
    var yearPart = parts[0]
    if yearPart.hasSuffix("-") { yearPart = yearPart.dropLast() }
    let weekPart = parts[1]
    guard yearPart.count == 4, (1...2).contains(weekPart.count),
      yearPart.allSatisfy({ $0.isASCII && $0.isNumber }),
      weekPart.allSatisfy({ $0.isASCII && $0.isNumber }),
      let year = Int(yearPart), let week = Int(weekPart)
    else { throw unreadable }
    try self.init(year: year, week: week)
  }

  /// The ISO week that holds `date`.
  public init(containing date: LocalDate) {
    let thursday = date.adding(days: 3 - date.weekday.isoIndex)
    let year = thursday.year
    self.year = year
    self.week = (thursday.dayNumber - Self.firstMonday(ofYear: year).dayNumber) / 7 + 1
  }

  /// The Monday the week starts on.
  public var monday: LocalDate {
    Self.firstMonday(ofYear: year).adding(days: (week - 1) * 7)
  }

  /// `YYYY-Www`, for example `2026-W07`.
  public var description: String { "\(year)-W\(Self.twoDigits(week))" }

  /// The number of ISO weeks (52 or 53) in `year`.
  public static func weekCount(inYear year: Int) -> Int {
    (firstMonday(ofYear: year + 1).dayNumber - firstMonday(ofYear: year).dayNumber) / 7
  }

  /// Orders weeks by year, then week number.
  public static func < (lhs: ISOWeek, rhs: ISOWeek) -> Bool {
    (lhs.year, lhs.week) < (rhs.year, rhs.week)
  }

  private static func firstMonday(ofYear year: Int) -> LocalDate {
    let january4 = LocalDate(year: year, month: 1, day: 4)!
    return january4.adding(days: -january4.weekday.isoIndex)
  }

  private static func twoDigits(_ value: Int) -> String {
    value < 10 ? "0\(value)" : String(value)
  }
}

extension ISOWeek {
  /// Decodes a week written `YYYY-Www`.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    do {
      try self.init(parsing: text)
    } catch {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "An ISO week must be written YYYY-Www.")
    }
  }

  /// Encodes the week as `YYYY-Www`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
