import SottoModel

/// One short, factual note printed after a use is logged.
public struct SafetyNote: Hashable, Sendable {
  /// What the note is about.
  public enum Kind: String, Hashable, Sendable {
    /// Time since the last use of the same substance, and the amount over 24 hours.
    case recentUse
    /// This use takes a goal's cap over.
    case goalCap
    /// This use comes sooner than a goal's minimum gap.
    case goalGap
    /// A combination from the project's table (``Combination/table``).
    case combination
    /// A combination from one of the person's own rules.
    case personalRule
  }

  /// What the note is about.
  public var kind: Kind
  /// The note, one or two sentences.
  public var text: String
  /// For a combination: the pair's id in ``Combination/table``.
  public var combinationID: String?

  /// Whether the note is a warning (a combination) rather than information.
  public var isWarning: Bool { kind == .combination || kind == .personalRule }
}
