/// One period of the series of recent weeks.
public struct SeriesPoint: Codable, Sendable, Equatable {
  /// The period's name (`2026-W13`, or `first to last` dates).
  public var label: String
  /// Its first day.
  public var firstDay: LocalDate
  /// Urges logged.
  public var urges: Int
  /// Use occasions.
  public var useOccasions: Int
  /// Use-free days (only days today or earlier, on or after the journal's first entry).
  public var useFreeDays: Int
  /// Days that were counted for use-free days.
  public var daysCounted: Int
  /// Urges resisted.
  public var resisted: Int
  /// Urges acted on.
  public var actedOn: Int
  /// Money spent.
  public var spending: Double
  /// Alcohol in standard drinks of the chosen standard (uses that convert).
  public var standardDrinks: Double
  /// The mean of this period and the three before it that the journal covers; `nil` for a
  /// period before the journal began.
  public var rollingMean: SeriesMeans?
  /// The amounts of the substances other than alcohol used most over the series (at most
  /// three), each in its most used unit; the same substances in every period.
  public var amounts: [SubstanceAmount] = []

  /// The periods a rolling mean covers at most.
  public static let rollingPeriods = 4

  /// Urges resisted as a share of those with an outcome, in percent; `nil` without any.
  public var resistPercent: Double? {
    resisted + actedOn > 0 ? Double(resisted) / Double(resisted + actedOn) * 100 : nil
  }

  /// Whether the journal had begun by then: a period before it has no data, not zeros.
  public var hasData: Bool { daysCounted > 0 }
}

/// A substance's total in one period, in one unit.
public struct SubstanceAmount: Codable, Sendable, Equatable {
  /// The substance, by its reference name.
  public var substance: String
  /// The unit, in canonical form.
  public var unit: String
  /// The total in that unit.
  public var total: Double
  /// Occasions counted (those in a unit that converts).
  public var occasions: Int
}

/// A rolling mean of a series' figures.
public struct SeriesMeans: Codable, Sendable, Equatable {
  /// The periods averaged (1 to 4: those the journal covers).
  public var periods: Int
  /// Mean urges per period.
  public var urges: Double
  /// Mean use occasions per period.
  public var useOccasions: Double
  /// Mean use-free days per period.
  public var useFreeDays: Double
  /// Mean spending per period.
  public var spending: Double
  /// Mean standard drinks per period.
  public var standardDrinks: Double

  init?(_ totals: [JournalIndex.PeriodTotals]) {
    guard !totals.isEmpty else { return nil }
    let count = Double(totals.count)
    periods = totals.count
    urges = Double(totals.map(\.urges).reduce(0, +)) / count
    useOccasions = Double(totals.map(\.useOccasions).reduce(0, +)) / count
    useFreeDays = Double(totals.map(\.useFreeDays).reduce(0, +)) / count
    spending = totals.map(\.spending).reduce(0, +) / count
    standardDrinks = totals.map(\.standardDrinks).reduce(0, +) / count
  }
}

/// One row of a series as the renderers show it: the values (`nil` where a period has no data)
/// and the rolling means.
struct SeriesRow {
  var name: String
  var values: [Double?]
  var means: [Double?]
  /// Whether the values are money (two decimals) rather than counts.
  var isMoney = false
  /// Whether the values are percentages (shown whole).
  var isPercent = false

  /// A value as the row shows it: money with two decimals, percentages whole, else up to two.
  func format(_ value: Double) -> String {
    if isMoney { return NumberText.money(value) }
    if isPercent { return String(Int(value.rounded())) }
    return NumberText.amount(value)
  }
}

extension [SeriesPoint] {
  /// The series as the renderers show them: urges, use occasions, use-free days, resist rate,
  /// spending (when any), and alcohol in standard drinks (when any converted), named `drinks`.
  func rows(drinks: String?) -> [SeriesRow] {
    func row(
      _ name: String, _ value: (SeriesPoint) -> Double?, _ mean: (SeriesMeans) -> Double?
    ) -> SeriesRow {
      SeriesRow(
        name: name, values: map { $0.hasData ? value($0) : nil },
        means: map { $0.rollingMean.flatMap(mean) })
    }
    var rows = [
      row("Urges", { Double($0.urges) }, { $0.urges }),
      row("Use occasions", { Double($0.useOccasions) }, { $0.useOccasions }),
      row("Use-free days", { Double($0.useFreeDays) }, { $0.useFreeDays }),
    ]
    var resisted = row("Resisted %", { $0.resistPercent }, { _ in nil })
    resisted.isPercent = true
    rows.append(resisted)
    if contains(where: { $0.spending > 0 }) {
      var spending = row("Spending", { $0.spending }, { $0.spending })
      spending.isMoney = true
      rows.append(spending)
    }
    if let drinks, contains(where: { $0.standardDrinks > 0 }) {
      rows.append(row(drinks, { $0.standardDrinks }, { $0.standardDrinks }))
    }
    // The tracked substances' amounts: the same list in every point (see SubstanceSeries).
    for (index, tracked) in (last?.amounts ?? []).enumerated() {
      let values = map { point -> Double? in
        point.hasData && index < point.amounts.count ? point.amounts[index].total : nil
      }
      // Its rolling mean: this point and the three before it with data, within the series.
      let means = values.indices.map { end -> Double? in
        guard values[end] != nil else { return nil }
        let window = values[Swift.max(0, end - 3)...end].compactMap { $0 }
        return window.reduce(0, +) / Double(window.count)
      }
      rows.append(
        SeriesRow(name: "\(tracked.substance), \(tracked.unit)", values: values, means: means))
    }
    return rows
  }
}
