/// How an entry reached the journal.
public enum EntrySource: String, Hashable, Sendable, Codable {
  /// Logged with the journal unlocked.
  case direct
  /// Logged without the passphrase through the quick-capture inbox, moved in at the next unlock.
  case quickCapture
}

/// What an entry records.
///
/// `indirect`: the payload lives in one shared box, so copying an entry (sorting, filtering and
/// grouping 100,000 of them in a report) retains one reference instead of every field, and an
/// entry takes 48 bytes in an array instead of 176.
public indirect enum EntryBody: Hashable, Sendable {
  /// An urge.
  case urge(Urge)
  /// An occasion of use.
  case use(Use)
  /// A goal.
  case goal(Goal)
  /// A combination the person wants to be warned about when logging use.
  case rule(SafetyRule)

  /// The kind of entry.
  public var kind: EntryKind {
    switch self {
    case .urge: .urge
    case .use: .use
    case .goal: .goal
    case .rule: .rule
    }
  }

  /// Checks every field of the entry.
  public func validate() throws(EntryValidationError) {
    switch self {
    case .urge(let urge): try urge.validate()
    case .use(let use): try use.validate()
    case .goal(let goal): try goal.validate()
    case .rule(let rule): try rule.validate()
    }
  }
}

/// The kinds of entry.
public enum EntryKind: String, Hashable, Sendable, Codable, CaseIterable {
  /// An urge.
  case urge
  /// An occasion of use.
  case use
  /// A goal.
  case goal
  /// A safety rule (a combination to warn about).
  case rule
}

/// One journal entry: an id, a time, and what it records.
///
/// For a goal, ``at`` is the day the goal starts counting from.
public struct Entry: Hashable, Sendable, Identifiable {
  /// The random id.
  public var id: EntryID
  /// When it happened, with the UTC offset in force then.
  public var at: Timestamp
  /// How the entry reached the journal.
  public var source: EntrySource
  /// What the entry records.
  public var body: EntryBody

  /// Creates an entry.
  public init(id: EntryID, at: Timestamp, source: EntrySource = .direct, body: EntryBody) {
    self.id = id
    self.at = at
    self.source = source
    self.body = body
  }

  /// The kind of entry.
  public var kind: EntryKind { body.kind }

  /// The urge, when this entry is one.
  public var urge: Urge? {
    if case .urge(let urge) = body { return urge }
    return nil
  }

  /// The use, when this entry is one.
  public var use: Use? {
    if case .use(let use) = body { return use }
    return nil
  }

  /// The goal, when this entry is one.
  public var goal: Goal? {
    if case .goal(let goal) = body { return goal }
    return nil
  }

  /// The safety rule, when this entry is one.
  public var rule: SafetyRule? {
    if case .rule(let rule) = body { return rule }
    return nil
  }

  /// Checks the time and every field of the entry.
  public func validate() throws(EntryValidationError) {
    guard Timestamp.acceptedRange.contains(at.unixSeconds) else {
      // Checked before anything formats the time: years outside it overflow the calendar.
      throw EntryValidationError(
        field: "time", problem: "must be from the year 1900 to the year 2199")
    }
    guard Timestamp.acceptedOffsets.contains(at.utcOffsetSeconds) else {
      throw EntryValidationError(field: "time", problem: "has a UTC offset beyond ±14 hours")
    }
    try body.validate()
  }
}
