import Foundation
import SottoModel

/// Where things stand today, for `sotto status`: time since last use, today's and this week's
/// totals, goals, the use-free streak and today's urges.
/// - Warning: Holds decrypted journal data (substance names, amounts).
public struct JournalStatus: Codable, Sendable, Equatable {
  /// The `now` the status was built for.
  public var generatedAt: Date
  /// The identifier of the person's time zone.
  public var timeZone: String
  /// Today's local day.
  public var today: LocalDate
  /// The current week.
  public var week: ReportPeriod
  /// One line per substance ever used, most recent use first.
  public var substances: [SubstanceStatus]
  /// Money spent today.
  public var spendingToday: Double
  /// Money spent this week.
  public var spendingThisWeek: Double
  /// Each active goal: daily goals for today, weekly goals for this week, the others this week.
  public var goals: [GoalProgress]
  /// Consecutive use-free days ending today.
  public var useFreeStreakDays: Int
  /// Urges logged today.
  public var urgesToday: Int
  /// Urges logged this week.
  public var urgesThisWeek: Int
}

/// One substance in the status.
public struct SubstanceStatus: Codable, Sendable, Equatable {
  /// The substance, in canonical form.
  public var substance: String
  /// The last use at or before now.
  public var lastUse: Timestamp
  /// Seconds from the last use to now.
  public var secondsSinceLastUse: Int64
  /// Use occasions today.
  public var occasionsToday: Int
  /// Totals today, per unit.
  public var today: [UnitAmount]
  /// Use occasions this week.
  public var occasionsThisWeek: Int
  /// Totals this week, per unit.
  public var thisWeek: [UnitAmount]
}
