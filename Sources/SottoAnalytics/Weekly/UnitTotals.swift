import SottoModel

/// Adds up amounts of one substance: a mass or volume in any of its units into one total
/// (`500 mg` and `1 g` make 1.5 g), each counting unit and each unit of the person's own apart.
struct UnitTotals {
  /// Per key (a dimension for masses and volumes, else the unit): the total in the
  /// dimension's base unit (mg, ml) or in the unit, occasions, and occasions per unit given.
  private var totals: [String: (total: Double, occasions: Int, units: [String: Int])] = [:]

  /// Counts `amount` of `unit`.
  mutating func add(_ amount: Double, unit: String) {
    let name = Naming.unit(unit)
    let scale = UnitCatalog.scale(of: name)
    let key =
      scale == nil ? "unit:" + name : "dimension:" + UnitCatalog.dimension(of: name)!.rawValue
    var value = totals[key] ?? (0, 0, [:])
    value.total += amount * (scale ?? 1)
    value.occasions += 1
    value.units[name, default: 0] += 1
    totals[key] = value
  }

  /// The totals, each in the unit given most often for it (the larger unit on a tie), most
  /// occasions first.
  var amounts: [UnitAmount] {
    totals.map { _, value in
      let unit = value.units.max { a, b in
        (a.value, UnitCatalog.scale(of: a.key) ?? 0, b.key) < (
          b.value, UnitCatalog.scale(of: b.key) ?? 0, a.key
        )
      }!.key
      let total = UnitCatalog.scale(of: unit).map { value.total / $0 } ?? value.total
      return UnitAmount(unit: unit, total: total, occasions: value.occasions)
    }
    .sorted { ($1.occasions, $0.unit) < ($0.occasions, $1.unit) }
  }
}
