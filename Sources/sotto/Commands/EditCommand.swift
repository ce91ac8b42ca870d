import ArgumentParser
import SottoCore
import SottoModel

struct EditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "edit",
    abstract: "Change fields of an entry.",
    discussion: """
      Give only the fields to change; the rest stay as they are. An empty text ("") clears an \
      optional text field.

      Examples:
        sotto edit 3fa9c2 --note "it passed after 20 minutes"
        sotto edit 3fa9c2 --intensity 5 --resisted
        sotto edit 7b01e4 --amount 2 --unit drinks --at "yesterday 21:00"
      """)

  @Argument(help: "The entry's id, or the first 6 or more digits of it.")
  var id: String

  @Option(help: ArgumentHelp("New time (any form `--at` accepts).", valueName: "when")) var at:
    String?
  @Option(help: "New note (\"\" to clear).") var note: String?

  @Option(help: "Urge: new intensity, 0 to 10.") var intensity: Int?
  @Option(name: .customLong("trigger"), help: "Urge: replace the triggers; repeat for several.")
  var triggers: [String] = []
  @Flag var outcome: UrgeOutcome?
  @Option(help: ArgumentHelp("Urge: how long it lasted, in minutes.", valueName: "minutes"))
  var duration: Int?
  @Option(help: "Urge: what helped (\"\" to clear).") var coping: String?

  @Option(help: "Use: the substance.") var substance: String?
  @Option(help: "Use: the amount (with --unit when there was none).") var amount: Double?
  @Option(help: "Use: the unit.") var unit: String?
  @Flag(
    name: .customLong("new-unit"),
    help: "Use: take --unit as one of your own, even if it looks like a typo of a known unit.")
  var newUnit = false
  @Option(help: "Use: the route (\"\" to clear).") var route: String?
  @Option(help: "Use: the setting (\"\" to clear).") var setting: String?
  @Option(help: "Use: what it cost.") var cost: Double?
  @Option(help: "Use: alcohol by volume, in percent.") var abv: Double?
  @Option(name: .customLong("mood-before"), help: "Use: mood before (\"\" to clear).")
  var moodBefore: String?
  @Option(name: .customLong("mood-after"), help: "Use: mood after (\"\" to clear).") var moodAfter:
    String?

  @Flag(help: "Take a new time in the future or more than a year back without asking.")
  var yes = false

  @OptionGroup var options: JournalOptions

  private var urgeFieldsGiven: Bool {
    intensity != nil || !triggers.isEmpty || outcome != nil || duration != nil || coping != nil
  }

  private var useFieldsGiven: Bool {
    substance != nil || amount != nil || unit != nil || route != nil || setting != nil
      || cost != nil || abv != nil || moodBefore != nil || moodAfter != nil
  }

  /// `nil` keeps the old value; "" clears it.
  private func replace(_ old: String?, with new: String?) -> String? {
    guard let new else { return old }
    return LogSupport.text(new)
  }

  func apply(to entry: inout Entry, newTime: Timestamp?) throws {
    if let newTime { entry.at = newTime }
    switch entry.body {
    case .urge(var urge):
      if useFieldsGiven {
        throw InputError(
          "That entry is an urge; use fields (--substance, --amount, ...) do not apply.")
      }
      if let intensity { urge.intensity = intensity }
      if !triggers.isEmpty { urge.triggers = LogSupport.names(triggers) }
      if let outcome { urge.outcome = outcome }
      if let duration { urge.durationMinutes = duration }
      urge.coping = replace(urge.coping, with: coping)
      urge.note = replace(urge.note, with: note)
      entry.body = .urge(urge)
    case .use(var use):
      if urgeFieldsGiven {
        throw InputError(
          "That entry is a use; urge fields (--intensity, --trigger, ...) do not apply.")
      }
      if let substance { use.substance = Naming.canonical(substance) }
      if let amount { use.amount = amount }
      if let unit { use.unit = Naming.unit(unit) }
      use.route = replace(use.route, with: route).map(Naming.canonical)
      use.setting = replace(use.setting, with: setting)
      if let cost { use.cost = cost }
      if let abv { use.abv = abv }
      use.moodBefore = replace(use.moodBefore, with: moodBefore)
      use.moodAfter = replace(use.moodAfter, with: moodAfter)
      use.note = replace(use.note, with: note)
      entry.body = .use(use)
    case .goal(var goal):
      if urgeFieldsGiven || useFieldsGiven {
        throw InputError(
          "That entry is a goal; only --note and --at can be edited. Archive it and add a new one to change the rule."
        )
      }
      goal.note = replace(goal.note, with: note)
      entry.body = .goal(goal)
    case .rule(var rule):
      if urgeFieldsGiven || useFieldsGiven {
        throw InputError(
          "That entry is a safety rule; only --note and --at can be edited. Remove it and add a new one to change the substances."
        )
      }
      rule.note = replace(rule.note, with: note)
      entry.body = .rule(rule)
    }
    do { try entry.validate() } catch { throw InputError(error.description) }
  }

  func run() throws {
    try runReportingErrors {
      guard at != nil || note != nil || urgeFieldsGiven || useFieldsGiven else {
        throw InputError("Nothing to change: give at least one field, for example --note TEXT.")
      }
      let clock = Clock()
      try LogSupport.checkUnit(unit, allowingNew: newUnit)
      let newTime = try at.map { try clock.parseEntryTime($0) }
      if let newTime { try clock.confirmEntryTime(newTime, yes: yes) }
      let journal = try options.unlock()
      var stored = try journal.entry(matching: id)
      try apply(to: &stored.entry, newTime: newTime)
      let saved = try journal.update(stored)
      Console.out(
        "Saved \(saved.entry.kind.rawValue) \(saved.entry.id.short) · \(EntryText.summary(saved.entry))"
          + clock.suffix(for: saved.entry.at))
    }
  }
}
