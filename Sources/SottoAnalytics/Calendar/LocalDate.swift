import Foundation
import SottoModel

/// A local calendar day (year, month, day) with no time and no zone.
///
/// Days are counted as whole calendar days, so a 23- or 25-hour day at a daylight-saving change is
/// still one day. Encoded as `YYYY-MM-DD`.
public struct LocalDate: Hashable, Sendable, Comparable, CustomStringConvertible {
  /// Days since 1970-01-01 (which is day 0); negative before it.
  public let dayNumber: Int

  /// Creates the day with this number of days since 1970-01-01.
  public init(dayNumber: Int) {
    self.dayNumber = dayNumber
  }

  /// Creates a day from its parts; returns `nil` for a date that does not exist.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), (1...31).contains(day) else { return nil }
    let number = Self.days(year: year, month: month, day: day)
    let check = LocalDate(dayNumber: number)
    guard check.month == month, check.day == day else { return nil }
    self.dayNumber = number
  }

  /// The local day an entry belongs to: the calendar day of the UTC offset it was logged in,
  /// counted from `dayStart` (a use at 00:30 with days starting at 05:00 is the day before's).
  public init(_ timestamp: Timestamp, dayStart: DayStart) {
    self.dayNumber = Self.dayNumber(of: timestamp, dayStart: dayStart)
  }

  /// The calendar day of `date` in `timeZone`.
  public init(date: Date, timeZone: TimeZone) {
    let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
    let offset = Int64(timeZone.secondsFromGMT(for: date))
    self.dayNumber = Int(Self.floorDivide(seconds + offset, 86_400))
  }

  /// The day number of the local day an entry belongs to, days starting at `dayStart`.
  static func dayNumber(of timestamp: Timestamp, dayStart: DayStart) -> Int {
    timestamp.dayNumber(dayStart: dayStart)
  }

  /// The local hour (0–23) an entry was logged at, in its own offset.
  static func hour(of timestamp: Timestamp) -> Int {
    let seconds = timestamp.unixSeconds + Int64(timestamp.utcOffsetSeconds)
    return Int((seconds - floorDivide(seconds, 86_400) * 86_400) / 3600)
  }

  static func floorDivide(_ value: Int64, _ divisor: Int64) -> Int64 {
    let quotient = value / divisor
    return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
  }

  /// The year.
  public var year: Int { civil.year }
  /// The month, 1–12.
  public var month: Int { civil.month }
  /// The day of the month, 1–31.
  public var day: Int { civil.day }

  /// The day of the week.
  public var weekday: Weekday {
    Weekday.allCases[((dayNumber + 3) % 7 + 7) % 7]
  }

  /// The day `days` later (earlier when negative).
  public func adding(days: Int) -> LocalDate {
    LocalDate(dayNumber: dayNumber + days)
  }

  /// `YYYY-MM-DD`.
  public var description: String {
    let parts = civil
    let year = String(parts.year)
    let paddedYear = String(repeating: "0", count: max(0, 4 - year.count)) + year
    return paddedYear + "-" + Self.twoDigits(parts.month) + "-" + Self.twoDigits(parts.day)
  }

  /// The instant this day starts in `timeZone` (the first instant whose local date is this day).
  public func start(in timeZone: TimeZone) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let components = DateComponents(year: year, month: month, day: day)
    return calendar.date(from: components)
      ?? Date(timeIntervalSince1970: TimeInterval(dayNumber) * 86_400)
  }

  /// Orders days by date.
  public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
    lhs.dayNumber < rhs.dayNumber
  }

  private static func twoDigits(_ value: Int) -> String {
    value < 10 ? "0\(value)" : String(value)
  }

  // Howard Hinnant's days_from_civil and civil_from_days: exact proleptic Gregorian arithmetic.
  private static func days(year: Int, month: Int, day: Int) -> Int {
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let shiftedMonth = (month + 9) % 12
    let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  private var civil: (year: Int, month: Int, day: Int) {
    let shifted = dayNumber + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra =
      (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}

extension LocalDate: Codable {
  /// Decodes a day written `YYYY-MM-DD`.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    let parts = text.split(separator: "-", omittingEmptySubsequences: false)
    guard parts.count == 3, let year = Int(parts[0]), let month = Int(parts[1]),
      let day = Int(parts[2]), let date = LocalDate(year: year, month: month, day: day)
    else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "A local date must be written YYYY-MM-DD.")
    }
    self = date
  }

  /// Encodes the day as `YYYY-MM-DD`.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
