import SottoModel

/// Per-day totals over the whole journal, built in one pass, so series and comparisons of many
/// periods cost little even for a million entries.
struct JournalIndex {
  struct DayTotals {
    var urges = 0
    var resisted = 0
    var actedOn = 0
    var useOccasions = 0
    var spending = 0.0
    var standardDrinks = 0.0
  }

  struct PeriodTotals {
    var urges = 0
    var resisted = 0
    var actedOn = 0
    var useOccasions = 0
    var useDays = 0
    var useFreeDays = 0
    var daysCounted = 0
    var daysNotYet = 0
    var daysWithoutData = 0
    var spending = 0.0
    var standardDrinks = 0.0
    /// Whether any day of the period is both today or earlier and on or after the first entry.
    var hasData = false
    /// Whether the journal covers every day of the period (none before its first day, none
    /// still to come): only such a period is compared, so a month with 3 days of journal is
    /// never "+1400%".
    var coversEveryDay: Bool { hasData && daysWithoutData == 0 && daysNotYet == 0 }
  }

  /// Totals by day number; `nil` for a day without entries.
  struct Days {
    /// The day number of `totals[0]`.
    fileprivate var first = 0
    fileprivate var totals: [DayTotals?] = []

    subscript(day: Int) -> DayTotals? {
      let offset = day - first
      return offset >= 0 && offset < totals.count ? totals[offset] : nil
    }
  }

  /// Per-day totals: an array from the first day to the last, since a journal covers a few
  /// thousand days at most and hashing a day for every entry cost more than the rest.
  private(set) var days = Days()
  /// The whole journal's first day and days with use, which may reach beyond `entries`.
  let outline: JournalOutline
  /// The day of the earliest entry of any kind but a rule.
  var firstDay: Int? { outline.firstDay }

  /// Totals of `entries`, with the days of the whole journal from `outline`: `entries` must
  /// hold every entry of each day totals are asked for (``totals(for:today:)``, ``days``).
  init(
    entries: [Entry], outline: JournalOutline, dayStart: DayStart,
    drinks: DrinkSettings = DrinkSettings()
  ) {
    self.outline = outline
    // Safety rules are settings kept in the journal, not events: they do not start the record.
    var lowest = Int.max
    var highest = Int.min
    for entry in entries where entry.kind != .rule {
      let day = LocalDate.dayNumber(of: entry.at, dayStart: dayStart)
      lowest = min(lowest, day)
      highest = max(highest, day)
    }
    guard lowest <= highest else { return }
    days.first = lowest
    days.totals = [DayTotals?](repeating: nil, count: highest - lowest + 1)
    // Standard drinks per unit, worked out once per name, unit and strength as typed, not
    // once per use: the catalogue normalises names, which costs more than the rest of the pass.
    struct DrinkKey: Hashable {
      var substance: String
      var unit: String
      var abv: Double?
    }
    var perUnit: [DrinkKey: Double?] = [:]
    for entry in entries {
      let offset = LocalDate.dayNumber(of: entry.at, dayStart: dayStart) - lowest
      switch entry.body {
      case .urge(let urge):
        var totals = days.totals[offset] ?? DayTotals()
        totals.urges += 1
        if urge.outcome == .resisted { totals.resisted += 1 }
        if urge.outcome == .acted { totals.actedOn += 1 }
        days.totals[offset] = totals
      case .use(let use):
        var totals = days.totals[offset] ?? DayTotals()
        totals.useOccasions += 1
        totals.spending += use.cost ?? 0
        if let amount = use.amount, let unit = use.unit {
          let key = DrinkKey(substance: use.substance, unit: unit, abv: use.abv)
          let factor =
            perUnit[key]
            ?? {
              let value = drinks.standardDrinks(perUnitOf: use.substance, unit: unit, abv: use.abv)
              perUnit[key] = value
              return value
            }()
          if let factor { totals.standardDrinks += amount * factor }
        }
        days.totals[offset] = totals
      case .goal, .rule:
        break
      }
    }
  }

  func hasUse(on day: Int) -> Bool {
    outline.hasUse(on: day)
  }

  /// Totals over `period`; days after `today` are not counted as use-free.
  func totals(for period: ReportPeriod, today: Int) -> PeriodTotals {
    var result = PeriodTotals()
    for day in period.firstDay.dayNumber...period.lastDay.dayNumber {
      if let totals = days[day] {
        result.urges += totals.urges
        result.resisted += totals.resisted
        result.actedOn += totals.actedOn
        result.useOccasions += totals.useOccasions
        result.spending += totals.spending
        result.standardDrinks += totals.standardDrinks
        if totals.useOccasions > 0 { result.useDays += 1 }
      }
      if day > today {
        result.daysNotYet += 1
      } else if let firstDay, day >= firstDay {
        result.daysCounted += 1
        result.hasData = true
        if !hasUse(on: day) { result.useFreeDays += 1 }
      } else {
        result.daysWithoutData += 1
      }
    }
    return result
  }

  /// The current use-free streak (ending today) and the longest one up to today, in days.
  func useFreeStreaks(today: Int) -> (current: Int, longest: Int) {
    guard let firstDay, firstDay <= today else { return (0, 0) }
    var previous = firstDay - 1
    var longest = 0
    for day in outline.useDays where day <= today {
      longest = max(longest, day - previous - 1)
      previous = day
    }
    let current = today - previous
    return (current, max(longest, current))
  }
}
