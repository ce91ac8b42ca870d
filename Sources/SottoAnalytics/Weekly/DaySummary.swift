/// One local day of a report's period.
public struct DaySummary: Codable, Sendable, Equatable {
  /// Whether a day counts as a use day, a use-free day, or not at all.
  public enum State: String, Codable, Sendable, Equatable {
    /// At least one use was logged that day.
    case use
    /// No use was logged, and the day is today or earlier, on or after the journal's first entry.
    case useFree
    /// The day is after today: not counted yet.
    case notYet
    /// The day is before the journal's first entry: nothing to count.
    case noData
  }

  /// The day.
  public var date: LocalDate
  /// Its weekday.
  public var weekday: Weekday
  /// Urges logged that day.
  public var urges: Int
  /// Use occasions logged that day.
  public var useOccasions: Int
  /// How the day counts.
  public var state: State
}
