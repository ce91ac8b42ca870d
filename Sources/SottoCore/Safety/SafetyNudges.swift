import SottoModel

/// The notes `sotto use` prints after a use is saved: time since the last use of the same
/// substance, the amount over 24 hours, goals the use goes past, and dangerous combinations
/// (the project's table, within the time the pair's substances stay active, and the person's
/// own rules, within 24 hours).
///
/// Pure: entries in, notes out. "Same substance" means the same reference name in the
/// catalogue, as in reports and goals ("wine" after "beer" is more alcohol); combinations use
/// the catalogue's aliases and classes.
public enum SafetyNudges {
  /// How close in time two uses must be for a warning of the person's own rules, and the
  /// amount shown for "the last 24 hours".
  public static let combinationWindowSeconds: Int64 = 24 * 3600

  /// The widest window of any pair of the table: uses further apart are never looked at.
  static let widestWindowSeconds: Int64 = Combination.table.map(\.windowSeconds).max() ?? 0

  /// The notes for `entry` (a use), given every entry of the journal (it may include `entry`).
  public static func notes(for entry: Entry, history: [Entry]) -> [SafetyNote] {
    guard let use = entry.use else { return [] }
    let others = history.filter { $0.id != entry.id }
    var notes: [SafetyNote] = []
    notes.append(recentUse(entry, use, others))
    notes += goalNotes(entry, use, others)
    notes += combinationNotes(entry, use, others)
    return notes
  }

  // MARK: Same substance

  static func recentUse(_ entry: Entry, _ use: Use, _ others: [Entry]) -> SafetyNote {
    let name = SubstanceCatalog.referenceName(use.substance)
    let same = others.filter { $0.use.map { SubstanceCatalog.referenceName($0.substance) } == name }
    let earlier = same.filter { $0.at <= entry.at }.max { $0.at < $1.at }
    var text: String
    if let earlier {
      text =
        "Last \(name) before this: \(duration(entry.at.unixSeconds - earlier.at.unixSeconds)) "
        + "earlier."
    } else {
      text = "No earlier \(name) in the journal."
    }
    let since = entry.at.unixSeconds - combinationWindowSeconds
    let window =
      [use]
      + same.filter { $0.at.unixSeconds > since && $0.at <= entry.at }.compactMap(\.use)
    var amounts: [(unit: String, total: Double)] = []
    var withoutAmount = 0
    for item in window {
      guard let amount = item.amount, let unit = item.unit.map(Naming.unit) else {
        withoutAmount += 1
        continue
      }
      if let index = amounts.firstIndex(where: { $0.unit == unit }) {
        amounts[index].total += amount
      } else {
        amounts.append((unit, amount))
      }
    }
    let occasions = "\(window.count) occasion\(window.count == 1 ? "" : "s")"
    if amounts.isEmpty {
      text += " Last 24 hours: \(occasions), this one included."
    } else {
      let total = amounts.map { "\(number($0.total)) \($0.unit)" }.joined(separator: " + ")
      let unmeasured = withoutAmount > 0 ? " (\(withoutAmount) with no amount)" : ""
      text += " Last 24 hours: \(total) over \(occasions)\(unmeasured), this one included."
    }
    return SafetyNote(kind: .recentUse, text: text)
  }

  // MARK: Goals

  static func goalNotes(_ entry: Entry, _ use: Use, _ others: [Entry]) -> [SafetyNote] {
    let name = Naming.canonical(use.substance)
    let day = dayNumber(entry.at)
    var notes: [SafetyNote] = []
    let goals = others.compactMap { other -> (Entry, Goal)? in
      guard let goal = other.goal, !goal.archived, dayNumber(other.at) <= day else { return nil }
      return (other, goal)
    }
    .sorted { ($0.0.at, $0.0.id) < ($1.0.at, $1.0.id) }
    for (goalEntry, goal) in goals {
      switch goal.rule {
      case .cap(let cap, let unit, let substance, let period):
        guard Naming.canonical(substance) == name, let amount = use.amount,
          let useUnit = use.unit, Naming.unit(useUnit) == Naming.unit(unit), amount > 0
        else { continue }
        let inPeriod: (Timestamp) -> Bool =
          period == .day
          ? { dayNumber($0) == day }
          : { weekNumber($0) == weekNumber(entry.at) }
        var before = 0.0
        for other in others
        where inPeriod(other.at) && dayNumber(other.at) >= dayNumber(goalEntry.at) {
          guard let otherUse = other.use, Naming.canonical(otherUse.substance) == name,
            let otherAmount = otherUse.amount, let otherUnit = otherUse.unit,
            Naming.unit(otherUnit) == Naming.unit(unit)
          else { continue }
          before += otherAmount
        }
        let total = before + amount
        guard total > cap + 1e-9 else { continue }
        let when = period == .day ? "today" : "this week"
        let goalText =
          "your goal of at most \(number(cap)) \(Naming.unit(unit)) per \(period.rawValue)"
        let text =
          before <= cap + 1e-9
          ? "This takes \(name) to \(number(total)) \(Naming.unit(unit)) \(when), over \(goalText)."
          : "\(name) \(when): \(number(total)) \(Naming.unit(unit)), over \(goalText)."
        notes.append(SafetyNote(kind: .goalCap, text: text))
      case .minGap(let hours, let substance):
        guard Naming.canonical(substance) == name else { continue }
        let start = dayNumber(goalEntry.at)
        let previous = others.filter {
          $0.use.map { Naming.canonical($0.substance) } == name && $0.at < entry.at
            && dayNumber($0.at) >= start
        }
        .max { $0.at < $1.at }
        guard let previous else { continue }
        let gap = entry.at.unixSeconds - previous.at.unixSeconds
        guard Double(gap) < hours * 3600 else { continue }
        notes.append(
          SafetyNote(
            kind: .goalGap,
            text: "This is \(duration(gap)) after the last \(name); your goal is at least "
              + "\(number(hours)) hours between uses."))
      case .useFreeDays, .maxSpend, .resistRate:
        continue
      }
    }
    // Caps first, then gaps, whatever order the goals were set in.
    return notes.filter { $0.kind == .goalCap } + notes.filter { $0.kind == .goalGap }
  }

  // MARK: Combinations

  static func combinationNotes(_ entry: Entry, _ use: Use, _ others: [Entry]) -> [SafetyNote] {
    let name = Naming.canonical(use.substance)
    let reference = SubstanceCatalog.referenceName(name)
    let rules = others.compactMap(\.rule)
    // The nearest use in time of each other substance within the window.
    var nearest: [String: (seconds: Int64, entry: Entry)] = [:]
    for other in others {
      guard let otherUse = other.use else { continue }
      let otherReference = SubstanceCatalog.referenceName(otherUse.substance)
      guard otherReference != reference else { continue }
      let seconds = other.at.unixSeconds - entry.at.unixSeconds
      guard abs(seconds) <= max(widestWindowSeconds, combinationWindowSeconds) else { continue }
      if let found = nearest[otherReference], abs(found.seconds) <= abs(seconds) { continue }
      nearest[otherReference] = (seconds, other)
    }
    var notes: [SafetyNote] = []
    for (seconds, other) in nearest.values.sorted(by: { abs($0.seconds) < abs($1.seconds) }) {
      let otherName = Naming.canonical(other.use!.substance)
      let when =
        seconds <= 0
        ? "\(duration(-seconds)) before this" : "\(duration(seconds)) after this"
      if let combination = Combination.between(name, otherName),
        abs(seconds) <= combination.windowSeconds
      {
        let word = combination.level == .dangerous ? "Warning" : "Caution"
        notes.append(
          SafetyNote(
            kind: .combination,
            text: "\(word): \(describe(name)) and \(describe(otherName)), logged \(when): "
              + "\(combination.risk) Source: \(combination.source).",
            combinationID: combination.id))
      }
      for rule in rules where rule.substances.count == 2 && abs(seconds) <= combinationWindowSeconds
      {
        let (a, b) = (rule.substances[0], rule.substances[1])
        guard
          (matches(a, name) && matches(b, otherName))
            || (matches(b, name) && matches(a, otherName))
        else { continue }
        var text =
          "Your rule (\(a) and \(b)): \(otherName) was logged \(when)."
        if let note = rule.note { text += " Your note: \(note)" }
        notes.append(SafetyNote(kind: .personalRule, text: text))
      }
    }
    return notes
  }

  /// Whether a rule's `term` names `substance`: the same reference name ("xanax" and
  /// "alprazolam"), or a class word ("benzos") for a substance of that class.
  static func matches(_ term: String, _ substance: String) -> Bool {
    let key = Naming.canonical(term)
    if let word = SubstanceClass.words[key] {
      return SubstanceCatalog.classes(of: substance).contains(word)
    }
    return SubstanceCatalog.referenceName(key) == SubstanceCatalog.referenceName(substance)
  }

  /// "heroin (an opioid)", or just the name when it is its own class or unknown.
  static func describe(_ name: String) -> String {
    guard let known = SubstanceCatalog.lookup(name) else { return name }
    let classes = known.classes.sorted().filter { $0 != .tramadol }
    guard let first = classes.first else { return name }
    let className = first.name
    if className.lowercased() == name || className.lowercased().hasSuffix(" " + name) {
      return name
    }
    return "\(name) (\(className))"
  }

  // MARK: Formatting and calendar

  /// A duration in words: "under a minute", "45 min", "5 h 10 min", "2 days 3 h".
  public static func duration(_ seconds: Int64) -> String {
    let minutes = max(0, seconds) / 60
    if minutes == 0 { return "under a minute" }
    if minutes < 60 { return "\(minutes) min" }
    let hours = minutes / 60
    if hours < 48 {
      let rest = minutes % 60
      return rest == 0 ? "\(hours) h" : "\(hours) h \(rest) min"
    }
    let days = hours / 24
    let rest = hours % 24
    return rest == 0 ? "\(days) days" : "\(days) days \(rest) h"
  }

  static func number(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
    return String((value * 100).rounded() / 100)
  }

  /// The local day (days since 1970-01-01) in the entry's own UTC offset, as reports count it.
  static func dayNumber(_ time: Timestamp) -> Int64 {
    let local = time.unixSeconds + Int64(time.utcOffsetSeconds)
    return local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
  }

  /// The ISO week (Monday first) of the entry's local day, as a count of weeks.
  static func weekNumber(_ time: Timestamp) -> Int64 {
    let shifted = dayNumber(time) + 3
    return shifted >= 0 ? shifted / 7 : (shifted - 6) / 7
  }
}
