/// How names typed by people are put into one form, so "Alcohol " and "alcohol" count together.
public enum Naming {
  /// A substance or trigger name: trimmed, inner runs of white space made one space, lower-cased.
  public static func canonical(_ name: String) -> String {
    name.trimmingWhitespace()
      .split(whereSeparator: { $0.isWhitespace })
      .joined(separator: " ")
      .lowercased()
  }

  /// A unit: canonical, with common spellings folded ("drink" → "drinks", "mcg" → "µg").
  public static func unit(_ unit: String) -> String {
    let name = canonical(unit)
    return unitAliases[name] ?? name
  }

  private static let unitAliases: [String: String] = [
    "drink": "drinks", "standard drink": "drinks", "standard drinks": "drinks",
    "milligram": "mg", "milligrams": "mg",
    "gram": "g", "grams": "g", "gr": "g",
    "microgram": "µg", "micrograms": "µg", "mcg": "µg", "ug": "µg", "μg": "µg",
    "millilitre": "ml", "milliliter": "ml", "millilitres": "ml", "milliliters": "ml", "mL": "ml",
    "litre": "l", "liter": "l", "litres": "l", "liters": "l",
    "pint": "pints", "beer": "beers", "glass": "glasses", "cigarette": "cigarettes",
    "joint": "joints", "pill": "pills", "tab": "tabs", "line": "lines", "hit": "hits",
    "puff": "puffs", "dose": "doses", "unit": "units",
  ]
}
