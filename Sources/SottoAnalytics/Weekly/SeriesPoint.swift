/// One period of the series of recent weeks.
public struct SeriesPoint: Codable, Sendable, Equatable {
  /// The period's name (`2026-W13`, or `first to last` dates).
  public var label: String
  /// Its first day.
  public var firstDay: LocalDate
  /// Urges logged.
  public var urges: Int
  /// Use occasions.
  public var useOccasions: Int
  /// Use-free days (only days today or earlier, on or after the journal's first entry).
  public var useFreeDays: Int
  /// Days that were counted for use-free days.
  public var daysCounted: Int
}
