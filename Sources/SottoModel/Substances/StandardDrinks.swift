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

  /// The strength used for a drink of `substance` logged with `abv`: that, else the person's
  /// for that drink, else the default.
  public func strength(of substance: String, abv given: Double?) -> Double? {
    if let given { return given }
    let name = Naming.canonical(substance)
    return abv[name] ?? Self.defaultABV[name]
  }

  /// Whether `percent` is a strength Sotto takes: above 0 and at most 100.
  public static func isStrength(_ percent: Double) -> Bool {
    percent.isFinite && percent > 0 && percent <= 100
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
      let percent = strength(of: substance, abv: abv)
    else { return nil }
    return millilitres * percent / 100 * Self.ethanolDensity / standard.grams
  }
}
