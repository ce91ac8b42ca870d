/// A period against the one before it and against the mean of the four before it, like for
/// like: a week in progress is compared day for day with the same first days of earlier weeks
/// (Monday and Tuesday against Monday and Tuesday), and an earlier period counts only when the
/// journal covers every one of those days.
public struct PeriodComparison: Codable, Sendable, Equatable {
  /// The first day of the period before.
  public var previousFirstDay: LocalDate
  /// How many days of each period are compared: the days of this period up to today.
  public var daysCompared: Int
  /// Whether this period is still running, so only its first ``daysCompared`` days, and the
  /// same days of the earlier periods, are compared.
  public var isPartial: Bool
  /// How many of the four periods before the journal covers (they make up the mean).
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
/// Every comparison is `nil` ("no data") when the journal does not cover every compared day of
/// the other side; a percentage is also `nil` when the other side is 0 (no division by zero).
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
