import SottoModel

/// What the use of a period adds up to.
public struct UseSummary: Codable, Sendable, Equatable {
  /// Use occasions (entries) in the period.
  public var occasions: Int
  /// Per substance, most occasions first, ties by name.
  public var substances: [SubstanceUse]
  /// Days with at least one use.
  public var useDays: Int
  /// Days today or earlier, from the journal's first entry on, without use.
  public var useFreeDays: Int
  /// Days of the period after today: not counted either way yet.
  public var daysNotYetCounted: Int
  /// Days of the period before the journal's first entry.
  public var daysWithoutData: Int
  /// Consecutive use-free days ending today (0 when there was use today).
  public var currentUseFreeStreakDays: Int
  /// The longest run of use-free days from the journal's first entry to today.
  public var longestUseFreeStreakDays: Int
  /// Money spent, summed over uses with a cost (one currency is assumed).
  public var spending: Double
  /// Uses that have a cost.
  public var occasionsWithCost: Int
}

/// One substance's use in a period.
public struct SubstanceUse: Codable, Sendable, Equatable {
  /// The substance, in canonical form.
  public var substance: String
  /// Use occasions.
  public var occasions: Int
  /// Totals per unit: amounts in different units are never added together.
  public var amounts: [UnitAmount]
  /// Occasions logged without an amount.
  public var occasionsWithoutAmount: Int
  /// Money spent on it.
  public var spending: Double
  /// For alcohol: the occasions that convert, in standard drinks of ``standard``; `nil` for
  /// other substances.
  public var standardDrinks: Double?
  /// For alcohol: the standard counted in.
  public var standard: DrinkStandard?
  /// For alcohol: occasions that do not convert (a count such as `drinks`, or a volume of a
  /// drink of unknown strength).
  public var occasionsNotInStandardDrinks: Int?
}

/// A total amount in one unit.
public struct UnitAmount: Codable, Sendable, Equatable {
  /// The unit, in canonical form ("drinks", "mg").
  public var unit: String
  /// The sum of amounts in that unit.
  public var total: Double
  /// Occasions in that unit.
  public var occasions: Int

  /// Creates a total.
  public init(unit: String, total: Double, occasions: Int) {
    self.unit = unit
    self.total = total
    self.occasions = occasions
  }
}
