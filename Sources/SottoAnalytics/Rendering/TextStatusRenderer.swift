/// Renders a ``JournalStatus`` as a few lines of terminal text for `sotto status`.
public struct TextStatusRenderer: Sendable {
  /// Whether to add ANSI colour and bold.
  public var colour: Bool

  /// Creates a renderer.
  public init(colour: Bool = false) {
    self.colour = colour
  }

  /// The status as text, ending with a newline.
  public func render(_ status: JournalStatus) -> String {
    var out = TextOutput(colour: colour)
    out.line(
      out.bold("Today, \(DateText.long(status.today))") + " · use-free streak "
        + NumberText.count(status.useFreeStreakDays, "day") + " · urges today "
        + String(status.urgesToday))
    if status.substances.isEmpty {
      out.line("  No use logged yet.")
    }
    for substance in status.substances {
      out.line(
        "  " + TerminalText.pad(TerminalText.clean(substance.substance, width: 16), 18)
          + "last use \(DateText.duration(seconds: substance.secondsSinceLastUse)) ago")
      let today = Self.amounts(substance.today, occasions: substance.occasionsToday)
      let week = Self.amounts(substance.thisWeek, occasions: substance.occasionsThisWeek)
      // Several units make a long line: wrapped to the report's width, never one long row.
      out.wrapped("today \(today) · this week \(week)", indent: 20, hanging: 2)
    }
    out.line(
      "  Spending today \(NumberText.money(status.spendingToday)) · this week "
        + NumberText.money(status.spendingThisWeek))
    if !status.goals.isEmpty {
      out.line(out.bold("Goals"))
      for goal in status.goals {
        out.line(
          "  " + out.status(goal, width: 14)
            + TerminalText.clean(goal.rule.plainDescription, width: 64))
        out.wrapped(TerminalText.clean(goal.detail, width: 400), indent: 16)
      }
    }
    return out.text
  }

  private static func amounts(_ amounts: [UnitAmount], occasions: Int) -> String {
    guard occasions > 0 else { return "none" }
    let parts = amounts.map {
      "\(NumberText.amount($0.total)) \(TerminalText.clean($0.unit, width: 12))"
    }
    let counted = amounts.map(\.occasions).reduce(0, +)
    let rest = occasions - counted
    var text = parts.joined(separator: " + ")
    if rest > 0 {
      text += (text.isEmpty ? "" : " + ") + NumberText.count(rest, "use") + " without an amount"
    }
    return text
  }
}
