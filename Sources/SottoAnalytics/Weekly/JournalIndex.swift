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
    /// Whether any day of the period is both today or earlier and on or after the first entry.
    var hasData = false
  }

  private(set) var days: [Int: DayTotals] = [:]
  /// Days with use, ascending.
  private(set) var useDays: [Int] = []
  /// The day of the earliest entry of any kind.
  private(set) var firstDay: Int?

  init(entries: [Entry]) {
    var useDaySet = Set<Int>()
    // Safety rules are settings kept in the journal, not events: they do not start the record.
    for entry in entries where entry.kind != .rule {
      let day = LocalDate.dayNumber(of: entry.at)
      firstDay = min(firstDay ?? day, day)
      switch entry.body {
      case .urge(let urge):
        days[day, default: DayTotals()].urges += 1
        if urge.outcome == .resisted { days[day, default: DayTotals()].resisted += 1 }
        if urge.outcome == .acted { days[day, default: DayTotals()].actedOn += 1 }
      case .use(let use):
        days[day, default: DayTotals()].useOccasions += 1
        days[day, default: DayTotals()].spending += use.cost ?? 0
        useDaySet.insert(day)
      case .goal, .rule:
        break
      }
    }
    useDays = useDaySet.sorted()
  }

  func hasUse(on day: Int) -> Bool {
    (days[day]?.useOccasions ?? 0) > 0
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
    for day in useDays where day <= today {
      longest = max(longest, day - previous - 1)
      previous = day
    }
    let current = today - previous
    return (current, max(longest, current))
  }
}
