import Foundation

/// Reads the times people type: `now`, `2h ago`, `yesterday 22:30`, `2026-11-20T21:00`.
///
/// Accepted forms (case does not matter, surrounding spaces are ignored):
/// - `now`
/// - `N ago` or just `N`, where N is a whole number followed by `m`/`min`, `h`, `d` or `w`
///   (`90m ago`, `3h ago`, `2d`, `1w ago`)
/// - `today`, `yesterday`, optionally followed by `HH:MM` (`today 14:00`, `yesterday 22:30`)
/// - `HH:MM` alone: today at that time
/// - ISO 8601: `2026-11-20`, `2026-11-20T21:00`, `2026-11-20 21:00:30`, optionally with `Z` or an
///   offset such as `+01:00`. Without an offset the time is read in the local time zone.
public enum TimeExpression {
  /// The form people are shown when a time cannot be read.
  public static let examples =
    "now, 90m ago, 3h ago, 2d ago, today 14:00, yesterday 22:30, "
    + "2026-11-20 or 2026-11-20T21:00"

  /// Parses `text` relative to `now` in `timeZone`.
  ///
  /// - Parameters:
  ///   - text: what the person typed.
  ///   - field: the option's name, used in the error ("time", "since").
  /// - Returns: the instant, with the UTC offset in force there (or the offset written in `text`).
  /// - Throws: ``EntryValidationError`` naming the field and the accepted forms.
  public static func parse(
    _ text: String, field: String = "time", now: Date, timeZone: TimeZone
  ) throws(EntryValidationError) -> Timestamp {
    let input = Naming.canonical(text)
    let failure = EntryValidationError(
      field: field, problem: "could not be read as a time; try one of: \(examples)")
    guard !input.isEmpty, input.utf8.count <= 64 else { throw failure }

    if input == "now" { return Timestamp(date: now, timeZone: timeZone) }
    if let seconds = relativeSeconds(input) {
      return Timestamp(date: now.addingTimeInterval(-seconds), timeZone: timeZone)
    }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let words = input.split(separator: " ").map(String.init)
    if let first = words.first, first == "today" || first == "yesterday", words.count <= 2 {
      let dayStart = calendar.startOfDay(for: now)
      guard
        let day = first == "today"
          ? dayStart : calendar.date(byAdding: .day, value: -1, to: dayStart)
      else { throw failure }
      let clock = words.count == 2 ? parseClock(words[1]) : (0, 0, 0)
      guard let clock, let date = at(day: day, clock: clock, calendar: calendar) else {
        throw failure
      }
      return Timestamp(date: date, timeZone: timeZone)
    }
    if words.count == 1, let clock = parseClock(input) {
      guard let date = at(day: calendar.startOfDay(for: now), clock: clock, calendar: calendar)
      else { throw failure }
      return Timestamp(date: date, timeZone: timeZone)
    }
    if let timestamp = parseISO(input, timeZone: timeZone) { return timestamp }
    throw failure
  }

  /// Throws when `timestamp` lies more than a day after `now`: a likely typing mistake.
  public static func checkNotFarFuture(
    _ timestamp: Timestamp, field: String = "time", now: Date
  ) throws(EntryValidationError) {
    if timestamp.date.timeIntervalSince(now) > 24 * 3600 {
      throw EntryValidationError(field: field, problem: "is more than a day in the future")
    }
  }

  private static func relativeSeconds(_ input: String) -> TimeInterval? {
    var text = Substring(input)
    if text.hasSuffix(" ago") { text = text.dropLast(4) }
    text = Substring(text.replacingOccurrences(of: " ", with: ""))
    let digits = text.prefix(while: { $0.isASCII && $0.isNumber })
    guard !digits.isEmpty, digits.count <= 7, let count = Double(digits) else { return nil }
    let unit = text.dropFirst(digits.count)
    let scale: TimeInterval
    switch unit {
    case "m", "min", "mins", "minute", "minutes": scale = 60
    case "h", "hr", "hrs", "hour", "hours": scale = 3600
    case "d", "day", "days": scale = 86_400
    case "w", "week", "weeks": scale = 7 * 86_400
    default: return nil
    }
    let seconds = count * scale
    // More than about 200 years back is surely a mistake.
    return seconds <= 200 * 365 * 86_400 ? seconds : nil
  }

  private static func parseClock(_ text: String) -> (Int, Int, Int)? {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2 || parts.count == 3 else { return nil }
    var values: [Int] = []
    for part in parts {
      guard (1...2).contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }),
        let value = Int(part)
      else { return nil }
      values.append(value)
    }
    let second = values.count == 3 ? values[2] : 0
    guard (0...23).contains(values[0]), (0...59).contains(values[1]), (0...59).contains(second)
    else { return nil }
    return (values[0], values[1], second)
  }

  private static func at(day: Date, clock: (Int, Int, Int), calendar: Calendar) -> Date? {
    var components = calendar.dateComponents([.year, .month, .day], from: day)
    components.hour = clock.0
    components.minute = clock.1
    components.second = clock.2
    return calendar.date(from: components)
  }

  private static func parseISO(_ input: String, timeZone: TimeZone) -> Timestamp? {
    // Date part: YYYY-MM-DD.
    let scalars = Array(input.utf8)
    guard scalars.count >= 10 else { return nil }
    func number(_ range: Range<Int>) -> Int? {
      guard range.upperBound <= scalars.count else { return nil }
      var value = 0
      for index in range {
        let c = scalars[index]
        guard c >= 48 && c <= 57 else { return nil }
        value = value * 10 + Int(c - 48)
      }
      return value
    }
    guard let year = number(0..<4), scalars[4] == UInt8(ascii: "-"), let month = number(5..<7),
      scalars[7] == UInt8(ascii: "-"), let day = number(8..<10),
      (1...12).contains(month), (1...31).contains(day), (1900...2200).contains(year)
    else { return nil }
    var rest = String(decoding: scalars[10...], as: UTF8.self)
    var clock = (0, 0, 0)
    var zone: TimeZone? = nil
    if !rest.isEmpty {
      guard rest.hasPrefix("t") || rest.hasPrefix(" ") else { return nil }
      rest.removeFirst()
      // Split off a zone designator: "z", "+hh:mm", "-hh:mm", "+hhmm", "+hh".
      if rest.hasSuffix("z") {
        zone = TimeZone(secondsFromGMT: 0)
        rest.removeLast()
      } else if let signIndex = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
        let designator = rest[signIndex...]
        guard let offset = parseOffset(String(designator)) else { return nil }
        zone = TimeZone(secondsFromGMT: offset)
        rest = String(rest[..<signIndex])
      }
      guard let parsed = parseClock(rest) else { return nil }
      clock = parsed
    }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone ?? timeZone
    let components = DateComponents(
      year: year, month: month, day: day, hour: clock.0, minute: clock.1, second: clock.2)
    guard let date = calendar.date(from: components),
      calendar.component(.day, from: date) == day
    else { return nil }
    return Timestamp(date: date, timeZone: zone ?? timeZone)
  }

  private static func parseOffset(_ text: String) -> Int? {
    let sign = text.hasPrefix("-") ? -1 : 1
    let digits = text.dropFirst().replacingOccurrences(of: ":", with: "")
    guard digits.count == 2 || digits.count == 4, digits.allSatisfy({ $0.isASCII && $0.isNumber })
    else { return nil }
    let hours = Int(digits.prefix(2)) ?? 99
    let minutes = digits.count == 4 ? Int(digits.suffix(2)) ?? 99 : 0
    guard hours <= 18, minutes < 60 else { return nil }
    return sign * (hours * 3600 + minutes * 60)
  }
}
