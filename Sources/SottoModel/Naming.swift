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
    "drink": "drinks", "standard drink": "units", "standard drinks": "units",
    "std drink": "units", "std drinks": "units",
    "milligram": "mg", "milligrams": "mg",
    "gram": "g", "grams": "g", "gr": "g",
    "microgram": "µg", "micrograms": "µg", "mcg": "µg", "ug": "µg", "μg": "µg",
    "millilitre": "ml", "milliliter": "ml", "millilitres": "ml", "milliliters": "ml", "mL": "ml",
    "litre": "l", "liter": "l", "litres": "l", "liters": "l",
    "pint": "pints", "beer": "beers", "glass": "glasses", "cigarette": "cigarettes",
    "joint": "joints", "pill": "pills", "tab": "tabs", "line": "lines", "hit": "hits",
    "puff": "puffs", "dose": "doses", "unit": "units",
    "centilitre": "cl", "centiliter": "cl", "centilitres": "cl", "centiliters": "cl",
    "fl. oz": "fl oz", "floz": "fl oz", "fluid ounce": "fl oz", "fluid ounces": "fl oz",
    "pt": "pints", "can": "cans", "bottle": "bottles", "shot": "shots",
    "capsule": "caps", "capsules": "caps", "cap": "caps", "bump": "bumps", "drop": "drops",
    "bowl": "bowls", "blunt": "blunts", "bag": "bags", "point": "points",
  ]

  /// Levenshtein distance, with a swap of two neighbours counted as one edit (`drnik`), for
  /// suggestions of what was meant.
  public static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
    var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = i }
    for j in 0...b.count { table[0][j] = j }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost = a[i - 1] == b[j - 1] ? 0 : 1
        table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
        }
      }
    }
    return table[a.count][b.count]
  }
}
