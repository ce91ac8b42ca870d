/// ISO 8601 text for export files, computed with integer arithmetic.
///
/// `ISO8601DateFormatter` costs tens of microseconds a call, which adds seconds to a large export;
/// this gives the same text as Foundation's formatter (`2026-11-20T21:00:00+01:00`, or
/// `Z` for a zero offset) in a fraction of that.
public enum ISO8601Time {
  /// The local time at `unixSeconds` shifted by `offsetSeconds`, with that offset.
  public static func string(unixSeconds: Int64, offsetSeconds: Int32) -> String {
    let local = unixSeconds + Int64(offsetSeconds)
    let (days, secondOfDay) = floorDivide(local, 86_400)
    let (year, month, day) = civilDate(daysSinceEpoch: days)
    var text = year >= 0 && year <= 9999 ? pad(year, 4) : String(year)
    text += "-" + pad(month, 2) + "-" + pad(day, 2)
    text += "T" + pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay / 60 % 60, 2)
    text += ":" + pad(secondOfDay % 60, 2)
    if offsetSeconds == 0 { return text + "Z" }
    let magnitude = Int64(offsetSeconds).magnitude
    text += offsetSeconds < 0 ? "-" : "+"
    text += pad(Int64(magnitude / 3600), 2) + ":" + pad(Int64(magnitude / 60 % 60), 2)
    if magnitude % 60 != 0 { text += ":" + pad(Int64(magnitude % 60), 2) }
    return text
  }

  /// The timestamp as ISO 8601 with its own offset.
  public static func string(_ timestamp: Timestamp) -> String {
    string(unixSeconds: timestamp.unixSeconds, offsetSeconds: timestamp.utcOffsetSeconds)
  }

  private static func floorDivide(_ value: Int64, _ divisor: Int64) -> (Int64, Int64) {
    let quotient = value / divisor
    let remainder = value % divisor
    return remainder < 0 ? (quotient - 1, remainder + divisor) : (quotient, remainder)
  }

  /// Howard Hinnant's `civil_from_days`: proleptic Gregorian date of a day count from 1970-01-01.
  private static func civilDate(daysSinceEpoch: Int64) -> (Int64, Int64, Int64) {
    let z = daysSinceEpoch + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let dayOfEra = z - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (year, month, day)
  }

  private static func pad(_ value: Int64, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width
      ? digits : String(repeating: "0", count: width - digits.count) + digits
  }
}
