/// ISO 8601 text for export files, computed with integer arithmetic.
///
/// `ISO8601DateFormatter` costs tens of microseconds a call, which adds seconds to a large export;
/// this gives the same text as Foundation's formatter (`2026-11-20T21:00:00+01:00`, or
/// `Z` for a zero offset) in a fraction of that.
public enum ISO8601Time {
  /// The local time at `unixSeconds` shifted by `offsetSeconds`, with that offset.
  public static func string(unixSeconds: Int64, offsetSeconds: Int32) -> String {
    var bytes: [UInt8] = []
    append(unixSeconds: unixSeconds, offsetSeconds: offsetSeconds, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends the text of ``string(unixSeconds:offsetSeconds:)`` as UTF-8 (exports write one
  /// for every entry, without making a `String`).
  public static func append(unixSeconds: Int64, offsetSeconds: Int32, to bytes: inout [UInt8]) {
    let local = unixSeconds + Int64(offsetSeconds)
    let (days, secondOfDay) = floorDivide(local, 86_400)
    let (year, month, day) = civilDate(daysSinceEpoch: days)
    if year >= 0 && year <= 9999 {
      append(year, width: 4, to: &bytes)
    } else {
      bytes.append(contentsOf: String(year).utf8)
    }
    bytes.append(UInt8(ascii: "-"))
    append(month, width: 2, to: &bytes)
    bytes.append(UInt8(ascii: "-"))
    append(day, width: 2, to: &bytes)
    bytes.append(UInt8(ascii: "T"))
    append(secondOfDay / 3600, width: 2, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
    append(secondOfDay / 60 % 60, width: 2, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
    append(secondOfDay % 60, width: 2, to: &bytes)
    if offsetSeconds == 0 {
      bytes.append(UInt8(ascii: "Z"))
      return
    }
    let magnitude = Int64(offsetSeconds.magnitude)
    bytes.append(offsetSeconds < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
    append(magnitude / 3600, width: 2, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
    append(magnitude / 60 % 60, width: 2, to: &bytes)
    if magnitude % 60 != 0 {
      bytes.append(UInt8(ascii: ":"))
      append(magnitude % 60, width: 2, to: &bytes)
    }
  }

  /// Appends the digits of a value from 0 up, zero-padded to `width`.
  private static func append(_ value: Int64, width: Int, to bytes: inout [UInt8]) {
    var divisor: Int64 = 1
    for _ in 1..<width { divisor *= 10 }
    var rest = value
    // Values wider than `width` (never for dates within years 0 to 9999) keep all digits.
    while rest / divisor >= 10 { divisor *= 10 }
    while divisor > 0 {
      bytes.append(UInt8(ascii: "0") + UInt8(rest / divisor))
      rest %= divisor
      divisor /= 10
    }
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

}
