import Foundation

/// Which days a report covers.
public enum ReportSelection: Hashable, Sendable {
  /// The week that holds `now` (so far).
  case currentWeek
  /// The week before the current one.
  case lastWeek
  /// A given ISO week; with a Sunday week start, the week runs from the Sunday before its Monday.
  case isoWeek(ISOWeek)
  /// The local days from the day of `since` through the day of `until`, both included.
  case range(since: Date, until: Date)
  /// A calendar month: `back` months before the current one (0 this month, 1 last month).
  case monthBack(Int)
  /// A given calendar month.
  case month(year: Int, month: Int)
  /// A calendar year: `back` years before the current one.
  case yearBack(Int)
  /// A given calendar year.
  case year(Int)

  /// How many periods back the words `this`/`current` (0) and `last`/`previous` (1) mean,
  /// alone or followed by the period's noun (`last month`); nil for anything else.
  private static func back(_ value: String, noun: String) -> Int? {
    switch value {
    case "this", "current", "this \(noun)": 0
    case "last", "previous", "last \(noun)": 1
    default: nil
    }
  }

  /// Reads `--month`: `this`, `last`, or `YYYY-MM` (`2026-11`).
  public static func parse(month text: String) throws(AnalyticsError) -> ReportSelection {
    let value = text.lowercased().trimmingCharacters(in: .whitespaces)
    switch back(value, noun: "month") {
    case let back?: return .monthBack(back)
    case nil:
      let parts = value.split(separator: "-", omittingEmptySubsequences: false)
      guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
        let year = Int(parts[0]), let month = Int(parts[1]), (1900...2199).contains(year),
        (1...12).contains(month)
      else {
        throw AnalyticsError(
          code: .unreadableWeek,
          message: "The month must be this, last, or a month like 2026-11.")
      }
      return .month(year: year, month: month)
    }
  }

  /// Reads `--year`: `this`, `last`, or a year (`2026`).
  public static func parse(year text: String) throws(AnalyticsError) -> ReportSelection {
    let value = text.lowercased().trimmingCharacters(in: .whitespaces)
    switch back(value, noun: "year") {
    case let back?: return .yearBack(back)
    case nil:
      guard value.count == 4, let year = Int(value), (1900...2199).contains(year) else {
        throw AnalyticsError(
          code: .unreadableWeek, message: "The year must be this, last, or a year like 2026.")
      }
      return .year(year)
    }
  }

  /// Reads the `--week` option: `this` (or `current`), `last`, or an ISO week such as `2026-W47`.
  ///
  /// - Throws: ``AnalyticsError`` with code `unreadableWeek` or `weekOutOfRange`.
  public static func parse(week text: String) throws(AnalyticsError) -> ReportSelection {
    switch back(text.lowercased().trimmingCharacters(in: .whitespaces), noun: "week") {
    case 0?: return .currentWeek
    case 1?: return .lastWeek
    default: return .isoWeek(try ISOWeek(parsing: text))
    }
  }
}
