/// What the urges of a period add up to.
public struct UrgeSummary: Codable, Sendable, Equatable {
  /// Urges logged.
  public var count: Int
  /// Mean intensity (0–10); `nil` without urges.
  public var meanIntensity: Double?
  /// Highest intensity; `nil` without urges.
  public var peakIntensity: Int?
  /// Urges resisted.
  public var resisted: Int
  /// Urges acted on.
  public var actedOn: Int
  /// Urges logged without saying which.
  public var outcomeNotGiven: Int
  /// Resisted ÷ (resisted + acted on), from 0 to 1; `nil` when no urge has an outcome.
  public var resistRate: Double?
  /// The most frequent triggers (up to five), most frequent first, ties by name.
  public var topTriggers: [TriggerCount]
  /// Urges per local hour of day: 24 counts, index 0 is 00:00–00:59.
  public var byHour: [Int]
  /// Urges per weekday: 7 counts, index 0 is Monday (ISO order, whatever the week start).
  public var byWeekday: [Int]
  /// Mean duration in minutes of the urges that have one; `nil` when none has.
  public var meanDurationMinutes: Double?
  /// Urges with a duration.
  public var urgesWithDuration: Int
  /// Urges whose coping was "urge surfing".
  public var surfed: Int
  /// Surfed urges that also have a final intensity.
  public var surfedWithFinalIntensity: Int
  /// Mean of (final − starting intensity) over those; negative when intensity fell.
  public var meanSurfingIntensityChange: Double?
}

/// A trigger and how many urges named it.
public struct TriggerCount: Codable, Sendable, Equatable {
  /// The trigger, in canonical form (trimmed, lower-cased).
  public var trigger: String
  /// Urges that named it (each urge counts once).
  public var count: Int

  /// Creates a count.
  public init(trigger: String, count: Int) {
    self.trigger = trigger
    self.count = count
  }
}
