import SottoModel

/// Where a goal stands.
public enum GoalStatus: String, Codable, Sendable, Equatable, CaseIterable {
  /// The period is over, or the target is already reached, and the goal held.
  case met
  /// The period is still running and nothing has gone over the goal yet.
  case onTrack
  /// A limit was gone over: a cap, a spending cap, or a gap shorter than the minimum.
  case exceeded
  /// A target (use-free days, resist rate) is out of reach, or below it so far.
  case notReached
}

/// One active goal's progress over a span of days.
public struct GoalProgress: Codable, Sendable, Equatable {
  /// The goal entry's id, as 32 hex digits.
  public var goalID: String
  /// What the goal asks for.
  public var rule: GoalRule
  /// The day the goal started counting.
  public var startDay: LocalDate
  /// The first day evaluated (the later of the period start and the goal start).
  public var firstDay: LocalDate
  /// The last day evaluated.
  public var lastDay: LocalDate
  /// Met, on track, exceeded or not reached.
  public var status: GoalStatus
  /// Whether the span is over, so the status can no longer change.
  public var isFinal: Bool
  /// The measured value: the amount so far (caps; for a daily cap the highest day), use-free days,
  /// the shortest gap in hours, money spent, or the percentage of urges resisted.
  /// `nil` when there is nothing to measure (no gaps, no urges with an outcome).
  public var actual: Double?
  /// The value the goal asks for over the span (a weekly cap is scaled to a range's length;
  /// a use-free days target to the days counted).
  public var target: Double
  /// For a daily cap or spending cap: days that went over it.
  public var daysOverLimit: Int?
  /// For a weekly cap or spending cap over a span longer than a week: the calendar weeks it
  /// touches, each judged on its own.
  public var weeksJudged: Int?
  /// Of ``weeksJudged``, those that went over the weekly limit.
  public var weeksOverLimit: Int?
  /// For a cap: uses of the substance in another unit or without an amount, not counted.
  public var uncountedOccasions: Int?
  /// For a minimum gap: gaps shorter than the minimum.
  public var shortGaps: Int?
  /// For a resist rate: urges with an outcome.
  public var urgesCounted: Int?
  /// For a weekly goal: how the complete weeks before this report's end went.
  public var history: GoalHistory?
}

/// How a weekly goal went over the last complete weeks since it started: "met in 6 of the last
/// 10 weeks, 3 in a row now".
public struct GoalHistory: Codable, Sendable, Equatable {
  /// Complete calendar weeks judged: those of the series (`--weeks`, default 8) that ended by
  /// the report's last day and began on or after the week the goal started in.
  public var weeks: Int
  /// Of those, the weeks the goal was met.
  public var met: Int
  /// Weeks met in a row, ending with the latest complete week (0 when it was not met).
  public var inARow: Int
}
