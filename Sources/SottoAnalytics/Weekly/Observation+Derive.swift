import SottoModel

extension Observation {
  /// The fewest urges that can show a timing pattern.
  static let minimumUrgesForTiming = 4
  /// The fewest acted-on urges that can show a shared trigger.
  static let minimumActedOnForTrigger = 3
  /// The fewest surfed urges with a final intensity that can show an effect.
  static let minimumSurfedForEffect = 2

  /// The statements the report's numbers support, in a fixed order.
  static func derive(
    report: WeeklyReport, urges: [(Timestamp, Urge)], dayStart: DayStart
  ) -> [Observation] {
    var result: [Observation] = []
    if let timing = timing(urges, dayStart: dayStart) { result.append(timing) }
    if let trigger = triggerBeforeActing(urges) { result.append(trigger) }
    if let useFree = useFreeChange(report) { result.append(useFree) }
    if let surfing = surfing(report.urges) { result.append(surfing) }
    if let coping = copingThatHelped(report.patterns) { result.append(coping) }
    if let risky = riskyTime(report.patterns) { result.append(risky) }
    return result
  }

  /// "“called a friend”: 4 of the 4 urges resisted over the last 8 weeks", for the way of
  /// coping with the highest share resisted, when at least three quarters were.
  private static func copingThatHelped(_ patterns: Patterns) -> Observation? {
    guard
      let best = patterns.coping.filter({ $0.resisted * 4 >= $0.urges * 3 })
        .max(by: {
          (Double($0.resisted) / Double($0.urges), $0.urges)
            < (Double($1.resisted) / Double($1.urges), $1.urges)
        })
    else { return nil }
    return Observation(
      kind: .copingThatHelped,
      text: "With \u{201C}\(best.label)\u{201D}, \(best.resisted) of \(best.urges) urges were "
        + "resisted (\(weeksText(patterns))).")
  }

  /// "Acting on urges and use came most on Friday evening (7 times over the last 8 weeks)."
  private static func riskyTime(_ patterns: Patterns) -> Observation? {
    guard let top = patterns.riskyTimes.first else { return nil }
    return Observation(
      kind: .riskyTime,
      text: "Acting on urges and use came most on \(top.weekday.name) \(top.partOfDay) "
        + "(\(top.count) times, \(weeksText(patterns))).")
  }

  private static func weeksText(_ patterns: Patterns) -> String {
    "over the last \(patterns.weeks) weeks"
  }

  /// "Most urges (4 of 7) came on Friday evening": the most specific of weekday and part of the
  /// day, weekday alone, or part of the day alone that holds more than half of the urges.
  private static func timing(_ urges: [(Timestamp, Urge)], dayStart: DayStart) -> Observation? {
    guard urges.count >= minimumUrgesForTiming else { return nil }
    let slots = urges.map {
      (LocalDate($0.0, dayStart: dayStart).weekday, PartOfDay(hour: LocalDate.hour(of: $0.0)))
    }
    func majority<Key: Hashable & Comparable>(_ keys: [Key]) -> (Key, Int)? {
      let counts = Dictionary(keys.map { ($0, 1) }, uniquingKeysWith: +)
      guard let best = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }),
        best.value * 2 > urges.count
      else { return nil }
      return (best.key, best.value)
    }
    let total = urges.count
    if let (key, count) = majority(slots.map { $0.0.isoIndex * 4 + $0.1.rawValue }) {
      let weekday = Weekday.allCases[key / 4]
      let part = PartOfDay(rawValue: key % 4)!
      return Observation(
        kind: .urgeTiming,
        text: "Most urges (\(count) of \(total)) came on \(weekday.name) \(part.noun).")
    }
    if let (key, count) = majority(slots.map { $0.0.isoIndex }) {
      return Observation(
        kind: .urgeTiming,
        text: "Most urges (\(count) of \(total)) came on \(Weekday.allCases[key].name).")
    }
    if let (key, count) = majority(slots.map { $0.1.rawValue }) {
      return Observation(
        kind: .urgeTiming,
        text: "Most urges (\(count) of \(total)) came \(PartOfDay(rawValue: key)!.name).")
    }
    return nil
  }

  /// "payday preceded 3 of 4 urges you acted on", when one trigger is in more than half of them.
  private static func triggerBeforeActing(_ urges: [(Timestamp, Urge)]) -> Observation? {
    let acted = urges.filter { $0.1.outcome == .acted }
    guard acted.count >= minimumActedOnForTrigger else { return nil }
    var counts: [String: Int] = [:]
    for (_, urge) in acted {
      for trigger in Set(urge.triggers.map(Naming.canonical)) where !trigger.isEmpty {
        counts[trigger, default: 0] += 1
      }
    }
    guard let best = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }),
      best.value * 2 > acted.count
    else { return nil }
    return Observation(
      kind: .triggerBeforeActing,
      text: "\u{201C}\(best.key)\u{201D} preceded \(best.value) of the \(acted.count) urges "
        + "you acted on.")
  }

  /// "3 more use-free days than last week"; fewer is only said once the period is over.
  private static func useFreeChange(_ report: WeeklyReport) -> Observation? {
    guard
      let line = report.comparison.metrics.first(where: { $0.metric == .useFreeDays }),
      let change = line.changeFromPrevious, change != 0,
      change > 0 || report.isComplete
    else { return nil }
    let count = Int(abs(change))
    let noun = count == 1 ? "use-free day" : "use-free days"
    let previousName = report.period.kind.previousName
    return Observation(
      kind: .useFreeDaysChange,
      text: "\(count) \(change > 0 ? "more" : "fewer") \(noun) than \(previousName).")
  }

  /// "Urge surfing lowered intensity by 3 points on average (2 urges)."
  private static func surfing(_ urges: UrgeSummary) -> Observation? {
    guard urges.surfedWithFinalIntensity >= minimumSurfedForEffect,
      let change = urges.meanSurfingIntensityChange, change < 0
    else { return nil }
    return Observation(
      kind: .urgeSurfing,
      text: "Urge surfing lowered intensity by \(NumberText.decimal(-change)) points on average "
        + "(\(urges.surfedWithFinalIntensity) urges).")
  }
}
