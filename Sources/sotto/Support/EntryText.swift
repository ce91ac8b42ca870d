import Foundation
import SottoModel

/// How entries read in the terminal: one line in a listing, or all fields in `show`.
enum EntryText {
  static func time(_ timestamp: Timestamp) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = timestamp.timeZone
    formatter.dateFormat = "yyyy-MM-dd HH:mm xxx"
    return formatter.string(from: timestamp.date)
  }

  static func number(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
  }

  static func summary(_ entry: Entry) -> String {
    switch entry.body {
    case .urge(let urge):
      var parts = ["\(urge.intensity)/10"]
      if let outcome = urge.outcome { parts.append(outcome == .resisted ? "resisted" : "acted on") }
      if !urge.triggers.isEmpty { parts.append(urge.triggers.joined(separator: ", ")) }
      if let note = urge.note { parts.append("\"\(oneLine(note))\"") }
      return parts.joined(separator: " · ")
    case .use(let use):
      var parts = [use.substance]
      if let amount = use.amount, let unit = use.unit { parts[0] += " \(number(amount)) \(unit)" }
      if let route = use.route { parts.append(route) }
      if let setting = use.setting { parts.append(setting) }
      if let cost = use.cost { parts.append("cost \(number(cost))") }
      if let note = use.note { parts.append("\"\(oneLine(note))\"") }
      return parts.joined(separator: " · ")
    case .goal(let goal):
      return goalText(goal.rule) + (goal.archived ? " (archived)" : "")
    case .rule(let rule):
      var text = ruleText(rule)
      if let note = rule.note { text += " · \"\(oneLine(note))\"" }
      return text
    }
  }

  static func goalText(_ rule: GoalRule) -> String {
    switch rule {
    case .cap(let amount, let unit, let substance, let period):
      "at most \(number(amount)) \(unit) of \(substance) per \(period.rawValue)"
    case .useFreeDays(let days, let period):
      "at least \(days) use-free day\(days == 1 ? "" : "s") per \(period.rawValue)"
    case .minGap(let hours, let substance):
      "at least \(number(hours)) hours between uses of \(substance)"
    case .maxSpend(let amount, let period):
      "spend at most \(number(amount)) per \(period.rawValue)"
    case .resistRate(let percent):
      "resist at least \(percent)% of urges"
    }
  }

  static func ruleText(_ rule: SafetyRule) -> String {
    "warn when \(rule.substances.joined(separator: " and ")) are logged within 24 hours"
  }

  static func oneLine(_ text: String, limit: Int = 40) -> String {
    let flat = text.replacingOccurrences(of: "\n", with: " ")
    return flat.count > limit ? String(flat.prefix(limit - 1)) + "…" : flat
  }

  /// Every field, one per line, for `show`.
  static func details(_ entry: Entry, revision: UInt64) -> [String] {
    var lines = [
      "id:        \(entry.id.hex)",
      "kind:      \(entry.kind.rawValue)",
      (entry.kind == .goal || entry.kind == .rule ? "from:      " : "time:      ") + time(entry.at),
    ]
    if entry.source == .quickCapture {
      lines.append("logged:    with quick capture (no passphrase)")
    }
    func add(_ label: String, _ value: String?) {
      if let value {
        lines.append(label.padding(toLength: 11, withPad: " ", startingAt: 0) + value)
      }
    }
    switch entry.body {
    case .urge(let urge):
      add("intensity:", "\(urge.intensity)/10")
      add("triggers:", urge.triggers.isEmpty ? nil : urge.triggers.joined(separator: ", "))
      add("outcome:", urge.outcome.map { $0 == .resisted ? "resisted" : "acted on" })
      add("duration:", urge.durationMinutes.map { "\($0) min" })
      add("coping:", urge.coping)
      add("final:", urge.finalIntensity.map { "\($0)/10" })
      add("note:", urge.note)
    case .use(let use):
      add("substance:", use.substance)
      if let amount = use.amount, let unit = use.unit {
        add("amount:", "\(number(amount)) \(unit)")
      }
      add("route:", use.route)
      add("setting:", use.setting)
      add("cost:", use.cost.map(number))
      add("mood:", use.moodBefore.map { "before: \($0)" })
      add("mood:", use.moodAfter.map { "after: \($0)" })
      add("note:", use.note)
    case .goal(let goal):
      add("goal:", goalText(goal.rule))
      add("status:", goal.archived ? "archived" : "active")
      add("note:", goal.note)
    case .rule(let rule):
      add("rule:", ruleText(rule))
      add("note:", rule.note)
    }
    lines.append("revision:  \(revision)")
    return lines
  }
}

/// An entry as `--format json` prints it: the published entry JSON plus its revision and an
/// ISO 8601 time for readability.
struct EntryJSON: Encodable {
  var entry: Entry
  var revision: UInt64
  /// Whether other versions of the entry are kept beside this one (a sync conflict): written
  /// as `"conflict": true` only then, so scripts can find what `sotto resolve` is for.
  var conflict = false

  enum CodingKeys: String, CodingKey { case revision, time, conflict }

  func encode(to encoder: any Encoder) throws {
    try entry.encode(to: encoder)
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(revision, forKey: .revision)
    try container.encode(entry.at.iso8601, forKey: .time)
    if conflict { try container.encode(true, forKey: .conflict) }
  }

  static func encode(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(value)) ?? Data("null".utf8)
    return String(decoding: data, as: UTF8.self)
  }
}
