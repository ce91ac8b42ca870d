/// The period a goal counts over.
public enum GoalPeriod: String, Hashable, Sendable, Codable, CaseIterable {
  /// A local calendar day.
  case day
  /// A week (ISO week by default).
  case week
}

/// What a goal asks for.
public enum GoalRule: Hashable, Sendable {
  /// At most `amount` `unit` of `substance` per period ("at most 10 drinks of alcohol a week").
  case cap(amount: Double, unit: String, substance: String, period: GoalPeriod)
  /// At least `days` use-free days per period.
  case useFreeDays(days: Int, period: GoalPeriod)
  /// At least `hours` between two uses of `substance`.
  case minGap(hours: Double, substance: String)
  /// At most `amount` spent per period.
  case maxSpend(amount: Double, period: GoalPeriod)
  /// Resist at least `percent` of urges.
  case resistRate(percent: Int)

  /// The stable name of the rule's kind, as stored and exported.
  public var kind: String {
    switch self {
    case .cap: "cap"
    case .useFreeDays: "useFreeDays"
    case .minGap: "minGap"
    case .maxSpend: "maxSpend"
    case .resistRate: "resistRate"
    }
  }

  /// Checks every number against its allowed range.
  public func validate() throws(EntryValidationError) {
    switch self {
    case .cap(let amount, let unit, let substance, _):
      try Quantity.validate(amount, field: "goal amount")
      try TextField.validate(unit, field: "goal unit", required: true)
      try TextField.validate(substance, field: "goal substance", required: true)
    case .useFreeDays(let days, let period):
      let limit = period == .week ? 7 : 1
      guard (0...limit).contains(days) else {
        throw EntryValidationError(
          field: "use-free days", problem: "must be from 0 to \(limit) per \(period.rawValue)")
      }
    case .minGap(let hours, let substance):
      guard hours.isFinite, hours > 0, hours <= 24 * 365 else {
        throw EntryValidationError(
          field: "minimum gap", problem: "must be more than 0 and at most 8760 hours")
      }
      try TextField.validate(substance, field: "goal substance", required: true)
    case .maxSpend(let amount, _):
      try Quantity.validate(amount, field: "spending cap")
    case .resistRate(let percent):
      guard (0...100).contains(percent) else {
        throw EntryValidationError(field: "resist rate", problem: "must be from 0 to 100 percent")
      }
    }
  }
}

/// A goal the person set: a rule, a start, and whether it is still active.
public struct Goal: Hashable, Sendable {
  /// What the goal asks for.
  public var rule: GoalRule
  /// A free-text note.
  public var note: String?
  /// Archived goals are kept but no longer tracked.
  public var archived: Bool

  /// Creates a goal.
  public init(rule: GoalRule, note: String? = nil, archived: Bool = false) {
    self.rule = rule
    self.note = note
    self.archived = archived
  }

  /// Checks the rule and the note.
  public func validate() throws(EntryValidationError) {
    try rule.validate()
    try TextField.validate(note, field: "note")
  }
}
