/// A plain-language statement the report's numbers support.
public struct Observation: Codable, Sendable, Equatable {
  /// What the statement is about, as a stable name.
  public enum Kind: String, Codable, Sendable, Equatable, CaseIterable {
    /// When most urges came (weekday, part of the day).
    case urgeTiming
    /// A trigger most urges acted on shared.
    case triggerBeforeActing
    /// Use-free days against the period before.
    case useFreeDaysChange
    /// What urge surfing did to intensity.
    case urgeSurfing
    /// A way of coping after which urges were mostly resisted, over the patterns' weeks.
    case copingThatHelped
    /// When acting on urges and use came most, over the patterns' weeks.
    case riskyTime
  }

  /// The kind of statement.
  public var kind: Kind
  /// The sentence. May quote a trigger name, which is the person's own text.
  public var text: String
}
