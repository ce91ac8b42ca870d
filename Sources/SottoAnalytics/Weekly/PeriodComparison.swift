/// A period against the one before it and against the mean of the four before it.
public struct PeriodComparison: Codable, Sendable, Equatable {
  /// The first day of the period before.
  public var previousFirstDay: LocalDate
  /// How many of the four periods before hold journal data (they make up the mean).
  public var periodsInMean: Int
  /// One line per metric.
  public var metrics: [MetricComparison]
}

/// The metrics compared between periods.
public enum ComparedMetric: String, Codable, Sendable, Equatable, CaseIterable {
  /// Urges logged.
  case urges
  /// Urges resisted.
  case resisted
  /// Urges acted on.
  case actedOn
  /// Use occasions.
  case useOccasions
  /// Use-free days.
  case useFreeDays
  /// Money spent.
  case spending
}

/// One metric this period, last period and on average, with the changes.
///
/// Every comparison is `nil` ("no data") when the other side has no journal data; a percentage
/// is also `nil` when the other side is 0 (no division by zero).
public struct MetricComparison: Codable, Sendable, Equatable {
  /// The metric.
  public var metric: ComparedMetric
  /// Its value this period.
  public var current: Double
  /// Its value in the period before; `nil` when that period is before the journal began.
  public var previous: Double?
  /// `current − previous`.
  public var changeFromPrevious: Double?
  /// The change as a percentage of `previous`.
  public var percentFromPrevious: Double?
  /// The mean over those of the four periods before that hold data.
  public var priorMean: Double?
  /// `current − priorMean`.
  public var changeFromMean: Double?
  /// The change as a percentage of `priorMean`.
  public var percentFromMean: Double?
}
