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

  /// Whether the journal had begun by then: a period before it has no data, not zeros.
  public var hasData: Bool { daysCounted > 0 }
}

extension [SeriesPoint] {
  /// The three series as the renderers show them: `nil` where a period has no data.
  var rows: [(String, [Int?])] {
    [
      ("Urges", map { $0.hasData ? $0.urges : nil }),
      ("Use occasions", map { $0.hasData ? $0.useOccasions : nil }),
      ("Use-free days", map { $0.hasData ? $0.useFreeDays : nil }),
    ]
  }
}
