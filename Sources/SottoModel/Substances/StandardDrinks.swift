/// A country's (or the WHO's) standard drink: how many grams of pure alcohol it holds.
///
/// Sources (Docs/REPORTS.md cites them in full): UK unit 8 g (NHS, "Alcohol units"); US
/// standard drink 14 g (NIAAA, "What is a standard drink?"); Australia 10 g (NHMRC Australian
/// Guidelines 2020); Canada 13.45 g (CCSA, Canada's Guidance on Alcohol and Health 2023); WHO
/// 10 g (WHO AUDIT manual, 2001).
public enum DrinkStandard: String, Sendable, Hashable, Codable, CaseIterable {
  case uk, us, au, ca, who

  /// Grams of ethanol in one standard drink.
  public var grams: Double {
    switch self {
    case .uk: 8
    case .us: 14
    case .au: 10
    case .ca: 13.45
    case .who: 10
    }
  }

  /// A short name for a chart's row ("UK units", "US drinks").
  public var shortName: String {
    switch self {
    case .uk: "UK units"
    case .us: "US drinks"
    case .au: "AU drinks"
    case .ca: "CA drinks"
    case .who: "WHO drinks"
    }
  }

  /// How the report names one ("UK units").
  public var name: String {
    switch self {
    case .uk: "UK units"
    case .us: "US standard drinks"
    case .au: "Australian standard drinks"
    case .ca: "Canadian standard drinks"
    case .who: "WHO standard drinks"
    }
  }
}

/// How alcohol is counted in standard drinks: the standard, and the strength assumed for a
/// drink logged without `--abv`.
///
/// An alcohol use converts when its amount is a volume (ml, cl, l, fl oz, pints, cans,
/// bottles) and a strength is known (its own `--abv`, else the drink's default), or when it is
/// logged in `units` (standard drinks of the chosen standard). Other alcohol uses (`3 drinks`,
/// `2 glasses`: sizes unknown) do not convert, and reports and goals name how many.
public struct DrinkSettings: Sendable, Hashable, Codable {
  /// The standard reports and goals count in.
  public var standard: DrinkStandard
  /// Strengths the person set (`sotto config abv wine 13`), by drink name, in percent.
  public var abv: [String: Double]

  /// The default standard: the WHO's 10 g, since Sotto cannot know the person's country.
  public static let defaultStandard = DrinkStandard.who

  /// The strength assumed for a drink named this way, in percent: typical values, to be
  /// changed with `sotto config abv`. "alcohol" and "booze" have none (too varied to guess).
  public static let defaultABV: [String: Double] = [
    "beer": 5, "beers": 5, "lager": 5, "ale": 5, "cider": 5, "wine": 12, "champagne": 12,
    "sake": 15, "spirits": 40, "liquor": 40, "vodka": 40, "gin": 40, "rum": 40,
    "whisky": 40, "whiskey": 40, "tequila": 40, "brandy": 40,
  ]

  /// Grams of ethanol in a millilitre of it.
  public static let ethanolDensity = 0.789

  /// Settings with the WHO standard and no strengths of the person's own.
  public init(standard: DrinkStandard = DrinkSettings.defaultStandard, abv: [String: Double] = [:])
  {
    self.standard = standard
    self.abv = abv
  }

  /// The strength used for `use`: its own, else the person's for that drink, else the default.
  public func strength(of use: Use) -> Double? {
    if let abv = use.abv { return abv }
    let name = Naming.canonical(use.substance)
    return abv[name] ?? Self.defaultABV[name]
  }

  /// Whether `unit` is standard drinks of the chosen standard (`units`).
  public static func isStandardDrinks(_ unit: String) -> Bool { Naming.unit(unit) == "units" }

  /// `use` in standard drinks; `nil` when it is not alcohol or does not convert.
  public func standardDrinks(of use: Use) -> Double? {
    guard let amount = use.amount, let unit = use.unit,
      let factor = standardDrinks(perUnitOf: use.substance, unit: unit, abv: use.abv)
    else { return nil }
    return amount * factor
  }

  /// Standard drinks in one `unit` of `substance` at `abv` (the drink's default when `nil`);
  /// `nil` when it is not alcohol or does not convert. The same for every use of that name,
  /// unit and strength, so a pass over many uses can keep it.
  public func standardDrinks(perUnitOf substance: String, unit: String, abv: Double?) -> Double? {
    guard SubstanceCatalog.referenceName(substance) == "alcohol" else { return nil }
    if Self.isStandardDrinks(unit) { return 1 }
    guard UnitCatalog.dimension(of: unit) == .volume,
      let millilitres = UnitCatalog.convert(1, from: unit, to: "ml"),
      let percent = strength(of: Use(substance: substance, abv: abv))
    else { return nil }
    return millilitres * percent / 100 * Self.ethanolDensity / standard.grams
  }
}

/// The journal's settings, kept encrypted in the manifest head (Docs/FORMAT.md §5), as JSON.
public struct JournalSettings: Sendable, Hashable, Codable {
  /// How alcohol is counted.
  public var drinks: DrinkSettings
  /// When a day begins.
  public var dayStart: DayStart
  /// The weekly spending money kept is counted against (`sotto config baseline 120`); `nil`:
  /// the mean of the journal's first four weeks.
  public var baselinePerWeek: Double?

  /// The settings of a journal that changed none.
  public init(
    drinks: DrinkSettings = DrinkSettings(), dayStart: DayStart = .midnight,
    baselinePerWeek: Double? = nil
  ) {
    self.drinks = drinks
    self.dayStart = dayStart
    self.baselinePerWeek = baselinePerWeek
  }

  private enum CodingKeys: String, CodingKey {
    case drinksStandard, abv, dayStarts, baselinePerWeek
  }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    dayStart = try container.decodeIfPresent(DayStart.self, forKey: .dayStarts) ?? .midnight
    baselinePerWeek = try container.decodeIfPresent(Double.self, forKey: .baselinePerWeek)
      .flatMap { $0.isFinite && $0 >= 0 && $0 <= Use.maxQuantity ? $0 : nil }
    drinks = DrinkSettings(
      standard: try container.decodeIfPresent(DrinkStandard.self, forKey: .drinksStandard)
        ?? DrinkSettings.defaultStandard,
      abv: try container.decodeIfPresent([String: Double].self, forKey: .abv) ?? [:])
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    if drinks.standard != DrinkSettings.defaultStandard {
      try container.encode(drinks.standard, forKey: .drinksStandard)
    }
    if !drinks.abv.isEmpty { try container.encode(drinks.abv, forKey: .abv) }
    if dayStart != .midnight { try container.encode(dayStart, forKey: .dayStarts) }
    if let baselinePerWeek { try container.encode(baselinePerWeek, forKey: .baselinePerWeek) }
  }
}

/// When a day begins for every figure (`sotto config day-starts 05:00`): a use at 00:30 after a
/// night out then belongs to the evening before, for use days, caps and streaks alike.
///
/// Midnight by default, so a journal's figures never move without the person asking.
public struct DayStart: Sendable, Hashable, Codable, Comparable {
  /// Minutes after midnight, 0 to 720 (noon at the latest).
  public var minutes: Int

  /// The latest accepted.
  public static let latest = 720
  /// Midnight: days as the clock has them.
  public static let midnight = DayStart(checked: 0)

  private init(checked minutes: Int) { self.minutes = minutes }

  /// A day start; `nil` outside 00:00 to 12:00.
  public init?(minutes: Int) {
    guard (0...Self.latest).contains(minutes) else { return nil }
    self.minutes = minutes
  }

  /// Reads `HH:MM` (or `H:MM`, or `5` for 05:00); `nil` for anything else or after noon.
  public init?(parsing text: String) {
    let parts = text.trimmingWhitespace().split(separator: ":", omittingEmptySubsequences: false)
    guard (1...2).contains(parts.count), let hours = Int(parts[0]), (0...12).contains(hours),
      parts[0].count <= 2
    else { return nil }
    let minutes = parts.count == 2 ? Int(parts[1]) : 0
    guard let minutes, (0...59).contains(minutes), parts.count == 1 || parts[1].count == 2 else {
      return nil
    }
    self.init(minutes: hours * 60 + minutes)
  }

  /// The offset in seconds.
  public var seconds: Int64 { Int64(minutes) * 60 }

  /// `HH:MM`.
  public var text: String {
    let hours = minutes / 60
    let rest = minutes % 60
    return (hours < 10 ? "0" : "") + "\(hours):" + (rest < 10 ? "0" : "") + "\(rest)"
  }

  public static func < (lhs: DayStart, rhs: DayStart) -> Bool { lhs.minutes < rhs.minutes }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let parsed = DayStart(parsing: text) else {
      throw DecodingError.dataCorrupted(
        DecodingError.Context(codingPath: decoder.codingPath, debugDescription: "not HH:MM"))
    }
    self = parsed
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(text)
  }
}
