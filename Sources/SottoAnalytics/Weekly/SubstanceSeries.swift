import SottoModel

/// The amounts of the substances, other than alcohol (counted in standard drinks), used most
/// over a series, period by period: "cannabis (g): 1.5 0.5 2 …".
///
/// At most three, by occasions over the series' periods (ties by name); each in the unit it was
/// given in most (the larger on a tie), with other units of its dimension converted and the
/// rest (a count beside a mass) left out, as `UnitCatalog` does.
struct SubstanceSeries {
  static let most = 3

  private var uses: [(day: Int, name: String, amount: Double, unit: String)] = []
  private(set) var tracked: [(name: String, unit: String)] = []

  init(entries: [Entry], periods: [ReportPeriod], dayStart: DayStart) {
    guard let first = periods.first?.firstDay.dayNumber, let last = periods.last?.lastDay.dayNumber
    else { return }
    var occasions: [String: Int] = [:]
    var units: [String: [String: Int]] = [:]
    for entry in entries where entry.kind == .use {
      // The day first: copying every use of the journal out of its entry costs more than the
      // rest of the report.
      let day = LocalDate.dayNumber(of: entry.at, dayStart: dayStart)
      guard day >= first, day <= last, let use = entry.use else { continue }
      let name = SubstanceCatalog.referenceName(use.substance)
      guard name != "alcohol" else { continue }
      occasions[name, default: 0] += 1
      guard let amount = use.amount, let unit = use.unit.map(Naming.unit) else { continue }
      units[name, default: [:]][unit, default: 0] += 1
      uses.append((day, name, amount, unit))
    }
    let names = occasions.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map(\.key)
    tracked = names.compactMap { name in
      guard let given = units[name] else { return nil }
      let unit = given.max { a, b in
        (a.value, UnitCatalog.scale(of: a.key) ?? 0, b.key)
          < (b.value, UnitCatalog.scale(of: b.key) ?? 0, a.key)
      }!.key
      return (name, unit)
    }
    .prefix(Self.most).map { $0 }
  }

  /// Each tracked substance's total in `period`, in its unit.
  func amounts(in period: ReportPeriod) -> [SubstanceAmount] {
    let lower = period.firstDay.dayNumber
    let upper = period.lastDay.dayNumber
    return tracked.map { name, unit in
      var total = 0.0
      var count = 0
      for use in uses where use.name == name && use.day >= lower && use.day <= upper {
        if let converted = UnitCatalog.convert(use.amount, from: use.unit, to: unit) {
          total += converted
          count += 1
        }
      }
      return SubstanceAmount(substance: name, unit: unit, total: total, occasions: count)
    }
  }
}
