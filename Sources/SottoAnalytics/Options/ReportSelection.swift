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

  /// Reads the `--week` option: `this` (or `current`), `last`, or an ISO week such as `2026-W47`.
  ///
  /// - Throws: ``AnalyticsError`` with code `unreadableWeek` or `weekOutOfRange`.
  public static func parse(week text: String) throws(AnalyticsError) -> ReportSelection {
    switch text.lowercased().trimmingCharacters(in: .whitespaces) {
    case "this", "current", "this week": return .currentWeek
    case "last", "previous", "last week": return .lastWeek
    default: return .isoWeek(try ISOWeek(parsing: text))
    }
  }
}
