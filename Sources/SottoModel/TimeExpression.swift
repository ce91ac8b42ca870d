import Foundation

/// Reads the times people type: `now`, `1h30m ago`, `5pm`, `yesterday at 22:30`,
/// `last tuesday 20:00`, `this morning`, `2026-11-20T21:00`.
///
/// Accepted forms (case, commas and extra spaces do not matter; `at` and `on` may be left in):
/// - `now`
/// - durations back from now, alone or compound, with or without `ago`: `90m ago`, `1h30m ago`,
///   `1 hour 30 minutes ago`, `2d`, `an hour ago`; units `m`/`min`, `h`/`hr`, `d`, `w`
/// - a time of day: `14:00`, `14:00:30`, `5pm`, `5 pm`, `5:30pm`, `12am` (midnight), `noon`,
///   `midnight`; alone it means today
/// - a day, optionally with a time of day before or after it: `today`, `yesterday`, a weekday
///   (`monday`, `mon`: the latest one on or before today), `last monday` (the latest one before
///   today), `this monday` (as `monday`), `next monday` (the first one after today), or a date
///   `2026-11-20`. Without a time of day it means the start of that day
/// - a part of a day, alone or after a day: `this morning` (09:00), `this afternoon` (15:00),
///   `this evening` (19:00), `tonight` (21:00), `last night` (yesterday 21:00),
///   `yesterday evening`, `friday night`. For today, a part that has begun but whose usual hour
///   is still to come means now
/// - ISO 8601: `2026-11-20T21:00`, `2026-11-20 21:00:30`, optionally with `Z` or an offset such
///   as `+01:00`. Without an offset the time is read in the local time zone.
public enum TimeExpression {
  /// The forms people are shown when a time cannot be read.
  public static let examples =
    "now, 90m ago, 1h30m ago, 5pm, noon, yesterday 22:30, last tuesday 20:00, "
    + "this morning, tonight, 2026-11-20 or 2026-11-20T21:00"

  /// What a text named: an instant, and whether it was a whole day given without a time of day.
  public struct Reading: Sendable, Hashable {
    /// The instant: for a whole day, its first second.
    public var timestamp: Timestamp
    /// Whether the text named a day without a time of day (`yesterday`, `2026-11-30`, `monday`).
    public var isWholeDay: Bool
  }

  /// Parses `text` relative to `now` in `timeZone`.
  ///
  /// - Parameters:
  ///   - text: what the person typed.
  ///   - field: the option's name, used in the error (`--at`, `--since`).
  /// - Returns: the instant, with the UTC offset in force there (or the offset written in `text`).
  /// - Throws: ``EntryValidationError`` naming the field and the accepted forms.
  public static func parse(
    _ text: String, field: String = "time", now: Date, timeZone: TimeZone
  ) throws(EntryValidationError) -> Timestamp {
    try read(text, field: field, now: now, timeZone: timeZone).timestamp
  }

  /// Parses the end of a range (`--until`): a whole day reads as its last second, so
  /// `--until 2026-11-30` includes that day, as a report over the same dates does.
  public static func parseEnd(
    _ text: String, field: String = "until", now: Date, timeZone: TimeZone
  ) throws(EntryValidationError) -> Timestamp {
    let reading = try read(text, field: field, now: now, timeZone: timeZone)
    guard reading.isWholeDay else { return reading.timestamp }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = reading.timestamp.timeZone
    guard let next = calendar.date(byAdding: .day, value: 1, to: reading.timestamp.date) else {
      return reading.timestamp
    }
    return Timestamp(date: next.addingTimeInterval(-1), timeZone: reading.timestamp.timeZone)
  }

  /// Parses `text`, saying whether it named a whole day.
  public static func read(
    _ text: String, field: String = "time", now: Date, timeZone: TimeZone
  ) throws(EntryValidationError) -> Reading {
    let input = Naming.canonical(text.replacingOccurrences(of: ",", with: " "))
    let failure = EntryValidationError(
      field: field, problem: "could not be read as a time; try one of: \(examples)")
    guard !input.isEmpty, input.utf8.count <= 64 else { throw failure }
    func instant(_ date: Date) -> Reading {
      Reading(timestamp: Timestamp(date: date, timeZone: timeZone), isWholeDay: false)
    }
    if input == "now" || input == "right now" || input == "just now" { return instant(now) }
    if let seconds = relativeSeconds(input) { return instant(now.addingTimeInterval(-seconds)) }
    if let (timestamp, hasClock) = parseISO(input, timeZone: timeZone) {
      return Reading(timestamp: timestamp, isWholeDay: !hasClock)
    }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    guard let reading = parseWords(input, now: now, calendar: calendar) else { throw failure }
    return reading
  }

  /// Throws when `timestamp` lies more than a day after `now`: a likely typing mistake.
  public static func checkNotFarFuture(
    _ timestamp: Timestamp, field: String = "time", now: Date
  ) throws(EntryValidationError) {
    if timestamp.date.timeIntervalSince(now) > 24 * 3600 {
      throw EntryValidationError(field: field, problem: "is more than a day in the future")
    }
  }

  /// Seconds back from now for durations: `90m`, `1h30m ago`, `1 hour 30 minutes ago`,
  /// `an hour ago`. More than about 200 years is surely a mistake, and not read.
  private static func relativeSeconds(_ input: String) -> TimeInterval? {
    var words = input.split(separator: " ").map(String.init)
    if words.last == "ago" { words.removeLast() }
    guard !words.isEmpty else { return nil }
    // "1h30m" and "1 h 30 m" alike: split runs of digits from runs of letters.
    var pieces: [String] = []
    for word in words {
      if word == "a" || word == "an" {
        pieces.append("1")
        continue
      }
      if word == "and" { continue }
      var current = ""
      for character in word {
        let isDigit = character.isASCII && character.isNumber
        if let last = current.last, (last.isASCII && last.isNumber) != isDigit {
          pieces.append(current)
          current = ""
        }
        current.append(character)
      }
      if !current.isEmpty { pieces.append(current) }
    }
    guard pieces.count >= 2, pieces.count % 2 == 0 else { return nil }
    var total: TimeInterval = 0
    for index in stride(from: 0, to: pieces.count, by: 2) {
      let digits = pieces[index]
      guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.count <= 7,
        let count = Double(digits)
      else { return nil }
      let scale: TimeInterval
      switch pieces[index + 1] {
      case "m", "min", "mins", "minute", "minutes": scale = 60
      case "h", "hr", "hrs", "hour", "hours": scale = 3600
      case "d", "day", "days": scale = 86_400
      case "w", "wk", "wks", "week", "weeks": scale = 7 * 86_400
      default: return nil
      }
      total += count * scale
    }
    return total <= 200 * 365 * 86_400 ? total : nil
  }

  /// The parts of a day people name, with the hour each stands for and the hour it begins.
  private static let partsOfDay: [String: (hour: Int, begins: Int)] = [
    "morning": (9, 5), "afternoon": (15, 12), "evening": (19, 17), "night": (21, 18),
  ]

  private static let weekdays: [String: Int] = [
    "sunday": 1, "sun": 1, "monday": 2, "mon": 2, "tuesday": 3, "tue": 3, "tues": 3,
    "wednesday": 4, "wed": 4, "thursday": 5, "thu": 5, "thur": 5, "thurs": 5, "friday": 6,
    "fri": 6, "saturday": 7, "sat": 7,
  ]

  /// Reads a day, a part of a day and a time of day, in words (`last tuesday at 5pm`).
  private static func parseWords(_ input: String, now: Date, calendar: Calendar) -> Reading? {
    var words = input.split(separator: " ").map(String.init).filter { $0 != "at" && $0 != "on" }
    let today = calendar.startOfDay(for: now)
    func shifted(_ days: Int) -> Date? { calendar.date(byAdding: .day, value: days, to: today) }

    // A time of day, first or last: "5pm", "5 pm", "17:30", "noon".
    var clock: (Int, Int, Int)? = nil
    if words.count >= 2, let last = parseClock(words[words.count - 2] + words[words.count - 1]),
      ["am", "pm"].contains(words[words.count - 1])
    {
      clock = last
      words.removeLast(2)
    } else if let last = words.last.flatMap(parseClock) {
      clock = last
      words.removeLast()
    } else if let first = words.first.flatMap(parseClock) {
      clock = first
      words.removeFirst()
    }

    // The day, and perhaps a part of it.
    var day: Date? = nil
    var part: (hour: Int, begins: Int)? = nil
    switch words.first {
    case nil: day = clock == nil ? nil : today
    case "today":
      day = today
      words.removeFirst()
    case "yesterday":
      day = shifted(-1)
      words.removeFirst()
    case "tonight":
      day = today
      part = partsOfDay["night"]
      words.removeFirst()
    case "this" where words.count == 2 && partsOfDay[words[1]] != nil:
      day = today
      part = partsOfDay[words[1]]
      words.removeAll()
    case "last" where words.count == 2 && words[1] == "night":
      day = shifted(-1)
      part = partsOfDay["night"]
      words.removeAll()
    case let first?:
      var direction = "this"
      var name = first
      if ["last", "this", "next"].contains(first), words.count >= 2 {
        direction = first
        name = words[1]
        words.removeFirst()
      }
      if let weekday = weekdays[name] {
        let current = calendar.component(.weekday, from: today)
        var back = (current - weekday + 7) % 7
        if direction == "last" && back == 0 { back = 7 }
        day = direction == "next" ? shifted((weekday - current + 6) % 7 + 1) : shifted(-back)
        words.removeFirst()
      } else if direction == "this",
        let (date, hasClock) = parseISO(first, timeZone: calendar.timeZone),
        !hasClock
      {
        day = date.date
        words.removeFirst()
      }
    }
    if part == nil, words.count == 1, let named = partsOfDay[words[0]] {
      part = named
      words.removeAll()
    }
    guard words.isEmpty, let day else { return nil }

    if let clock {
      return at(day: day, clock: clock, calendar: calendar).map {
        Reading(timestamp: Timestamp(date: $0, timeZone: calendar.timeZone), isWholeDay: false)
      }
    }
    if let part {
      guard var date = at(day: day, clock: (part.hour, 0, 0), calendar: calendar) else {
        return nil
      }
      // "this evening" typed at 18:30: the evening has begun, its usual hour is still to come.
      if date > now, let begins = at(day: day, clock: (part.begins, 0, 0), calendar: calendar),
        begins <= now
      {
        date = now
      }
      return Reading(
        timestamp: Timestamp(date: date, timeZone: calendar.timeZone), isWholeDay: false)
    }
    return Reading(timestamp: Timestamp(date: day, timeZone: calendar.timeZone), isWholeDay: true)
  }

  /// A time of day: `14:00`, `14:00:30`, `5pm`, `5:30pm`, `12am`, `noon`, `midnight`.
  private static func parseClock(_ text: String) -> (Int, Int, Int)? {
    switch text {
    case "noon", "midday": return (12, 0, 0)
    case "midnight": return (0, 0, 0)
    default: break
    }
    if text.hasSuffix("am") || text.hasSuffix("pm") {
      let isPM = text.hasSuffix("pm")
      let body = String(text.dropLast(2))
      let parts = body.split(separator: ":", omittingEmptySubsequences: false)
      guard (1...2).contains(parts.count),
        parts.allSatisfy({
          (1...2).contains($0.count) && $0.allSatisfy { $0.isASCII && $0.isNumber }
        }),
        let hour = Int(parts[0]), (1...12).contains(hour)
      else { return nil }
      let minute = parts.count == 2 ? Int(parts[1]) ?? 99 : 0
      guard (0...59).contains(minute) else { return nil }
      return ((hour % 12) + (isPM ? 12 : 0), minute, 0)
    }
    return parse24HourClock(text)
  }

  private static func parse24HourClock(_ text: String) -> (Int, Int, Int)? {
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

  private static func parseISO(_ input: String, timeZone: TimeZone) -> (Timestamp, hasClock: Bool)?
  {
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
      guard let parsed = parse24HourClock(rest) else { return nil }
      clock = parsed
    }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = zone ?? timeZone
    let components = DateComponents(
      year: year, month: month, day: day, hour: clock.0, minute: clock.1, second: clock.2)
    guard let date = calendar.date(from: components),
      calendar.component(.day, from: date) == day
    else { return nil }
    return (Timestamp(date: date, timeZone: zone ?? timeZone), hasClock: !rest.isEmpty)
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
