/// Which entries a figure drawn from part of a journal needs, so that only those records are
/// opened: the status and the reports say what they need, the time index finds it.
///
/// Always every goal and every rule, wherever they lie; then every entry on the ``days``, the
/// entries of the journal's first ``firstDays`` days, and of each substance (as written) the
/// uses that may be its latest on a day before ``latestUseBefore`` (the gap before a
/// minimum-gap goal's first use) and its latest use at or before ``latestUseUntil`` (the time
/// since a last use).
public struct EntriesNeeded: Sendable, Equatable {
  /// Local day numbers, each range both ends included.
  public var days: [ClosedRange<Int>]
  /// The count of the journal's first days wanted as well (a baseline of its first weeks).
  public var firstDays: Int
  /// The day before which each substance's latest use is wanted.
  public var latestUseBefore: Int
  /// The time (Unix seconds) at or before which each substance's latest use is wanted; `nil`
  /// for none.
  public var latestUseUntil: Int64?
  /// When the days begin.
  public var dayStart: DayStart

  public init(
    days: [ClosedRange<Int>], firstDays: Int = 0, latestUseBefore: Int,
    latestUseUntil: Int64? = nil, dayStart: DayStart
  ) {
    self.latestUseUntil = latestUseUntil
    self.days = days
    self.firstDays = firstDays
    self.latestUseBefore = latestUseBefore
    self.dayStart = dayStart
  }

  /// Whether an entry at `at` falls on one of ``days``.
  public func coversDay(of at: Timestamp) -> Bool {
    covers(day: at.dayNumber(dayStart: dayStart))
  }

  /// Whether `day` is one of ``days``.
  public func covers(day: Int) -> Bool {
    days.contains { $0.contains(day) }
  }
}
