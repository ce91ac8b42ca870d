/// The units Sotto knows: what each measures, and how units of one dimension convert.
///
/// Masses convert to one another (µg, mg, g), and so do volumes (ml, cl, l, fl oz, pints,
/// cans, bottles), so `500 mg` and `1 g` add up to 1.5 g. Counts (drinks, joints, pills, ...)
/// are each their own: a drink and a joint never add. A unit Sotto does not know is the
/// person's own, and counts on its own, like a count.
public enum UnitCatalog {
  /// What a unit measures.
  public enum Dimension: String, Sendable, Hashable {
    case mass, volume, count
  }

  /// Mass units in milligrams, volume units in millilitres (a pint is the UK pint, a fluid
  /// ounce the US one, a can 330 ml and a bottle 750 ml, as Docs/REPORTS.md says).
  static let scales: [String: (Dimension, Double)] = [
    "µg": (.mass, 0.001), "mg": (.mass, 1), "g": (.mass, 1000),
    "ml": (.volume, 1), "cl": (.volume, 10), "l": (.volume, 1000),
    "fl oz": (.volume, 29.5735), "pints": (.volume, 568.261), "cans": (.volume, 330),
    "bottles": (.volume, 750),
  ]

  /// Counting units in common use.
  static let counts: Set<String> = [
    "drinks", "joints", "pills", "tabs", "hits", "lines", "puffs", "doses", "units", "glasses",
    "beers", "cigarettes", "bumps", "drops", "caps", "shots", "bowls", "blunts", "bags", "points",
  ]

  /// Every unit Sotto knows, in canonical form (`Naming.unit`).
  public static var known: Set<String> { Set(scales.keys).union(counts) }

  /// What `unit` measures; nil for a unit Sotto does not know.
  public static func dimension(of unit: String) -> Dimension? {
    let name = Naming.unit(unit)
    if let scale = scales[name] { return scale.0 }
    return counts.contains(name) ? .count : nil
  }

  /// `amount` in `unit` expressed in `target`: the same unit, or two of one mass or volume
  /// dimension; nil when they do not convert (drinks and ml, joints and pills).
  public static func convert(_ amount: Double, from unit: String, to target: String) -> Double? {
    let from = Naming.unit(unit)
    let to = Naming.unit(target)
    if from == to { return amount }
    guard let a = scales[from], let b = scales[to], a.0 == b.0 else { return nil }
    return amount * a.1 / b.1
  }

  /// How many of the dimension's base unit (mg, ml) one `unit` is; nil for counts and units
  /// Sotto does not know.
  public static func scale(of unit: String) -> Double? { scales[Naming.unit(unit)]?.1 }

  /// The known unit `unit` is likely a typo of (`drnks` → `drinks`), or nil when it is known
  /// or not close to any (then it is a unit of the person's own).
  public static func suggestion(for unit: String) -> String? {
    let name = Naming.unit(unit)
    guard !known.contains(name), name.count >= 3 else { return nil }
    let allowed = name.count <= 5 ? 1 : 2
    let scored = known.map { ($0, Naming.editDistance(name, $0)) }
      .filter { $0.1 <= allowed }
      .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
    return scored.first?.0
  }
}
