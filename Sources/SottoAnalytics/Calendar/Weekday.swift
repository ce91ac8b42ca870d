/// A day of the week, in ISO order (Monday first).
public enum Weekday: String, Hashable, Sendable, Codable, CaseIterable {
  /// Monday.
  case monday
  /// Tuesday.
  case tuesday
  /// Wednesday.
  case wednesday
  /// Thursday.
  case thursday
  /// Friday.
  case friday
  /// Saturday.
  case saturday
  /// Sunday.
  case sunday

  /// 0 for Monday through 6 for Sunday.
  public var isoIndex: Int { Self.allCases.firstIndex(of: self)! }

  /// The English name, capitalised ("Friday").
  public var name: String { rawValue.prefix(1).uppercased() + rawValue.dropFirst() }

  /// The three-letter English abbreviation ("Fri").
  public var shortName: String { String(name.prefix(3)) }
}
