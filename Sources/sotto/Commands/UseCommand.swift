import ArgumentParser
import SottoModel

struct UseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "use",
    abstract: "Log a use: what, how much, how, where, what it cost and how it felt.",
    discussion: """
      Examples:
        sotto use                  asks for each field in turn (nothing lands in the shell's history)
        echo '{"substance": "alcohol", "amount": 3, "unit": "drinks"}' | sotto use --stdin
        sotto use alcohol 3 drinks --cost 18.50 --setting bar --mood-before anxious
        sotto use mdma 80 mg --route oral --at "yesterday 23:10"
        sotto use cannabis

      The argument form is quick to type, but the shell keeps every word in its history file \
      and other users' `ps` can see it while Sotto starts: use the questions or --stdin for \
      anything you would not want read (or, in bash with HISTCONTROL=ignorespace, start the \
      line with a space). --stdin takes one JSON object with the keys substance (required), \
      amount and unit (together), route, setting, cost, moodBefore, moodAfter, note and at.

      With quick capture on (the default) this works without the passphrase.

      After the entry is saved, short safety notes follow on stderr: time since the last use of \
      the same substance, the amount over 24 hours, goals this use goes past, and dangerous \
      combinations with what you logged within 24 hours (see Docs/SAFETY.md, and \
      `sotto rules add` for your own). They need the history, so quick capture skips them. \
      --quiet leaves them out. Notes never stop an entry from being saved.
      """)

  @Argument(help: "The substance (alcohol, cannabis, mdma, ...). Leave out to be asked.")
  var substance: String?

  @Argument(
    parsing: .allUnrecognized,
    help: ArgumentHelp("How much, and the unit: 3 drinks, 80 mg, 0.5 g.", valueName: "amount unit"))
  var quantity: [String] = []

  @Option(help: "Route: oral, smoked, snorted, injected, ...")
  var route: String?

  @Option(help: "Setting: home, bar, party, ...")
  var setting: String?

  @Option(help: "What it cost, as a number (18.50).")
  var cost: Double?

  @Option(
    help: ArgumentHelp(
      "Alcohol by volume, in percent (13.5), to count a volume in standard drinks.",
      discussion: "Without it, the drink's default applies (wine 12, beer 5, spirits 40; "
        + "`sotto config abv` lists and changes them).", valueName: "percent"))
  var abv: Double?

  @Option(name: .customLong("mood-before"), help: "Your mood before.")
  var moodBefore: String?

  @Option(name: .customLong("mood-after"), help: "Your mood after.")
  var moodAfter: String?

  @Option(help: "A note, kept encrypted.")
  var note: String?

  @Option(
    help: ArgumentHelp(
      "When: now (default), 90m ago, yesterday 22:30, 2026-11-20T21:00.", valueName: "when"))
  var at: String?

  @Flag(
    help:
      "Log a time in the future or more than a year back without asking (needed without a terminal)."
  )
  var yes = false

  @Flag(
    name: .customLong("new-unit"),
    help: "Take the unit as one of your own, even if it looks like a typo of a unit Sotto knows.")
  var newUnit = false

  @Flag(help: "Unlock and log directly even when quick capture is on (asks for the passphrase).")
  var unlock = false

  @Flag(help: "Leave out the safety notes printed after the entry is saved.")
  var quiet = false

  @Flag(name: .customLong("stdin"), help: "Read the use as one JSON object from standard input.")
  var fromStandardInput = false

  @OptionGroup var options: JournalOptions

  /// Reads `AMOUNT [UNIT]`; a lone amount needs a unit.
  static func parseQuantity(_ words: [String]) throws -> (Double?, String?) {
    guard !words.isEmpty else { return (nil, nil) }
    if let unknown = words.first(where: { $0.hasPrefix("--") }) {
      // Only the option's name: after "=" may come entry text.
      let name = unknown.split(separator: "=", maxSplits: 1).first.map(String.init) ?? unknown
      throw InputError("Unknown option \(name.prefix(40)). See `sotto use --help`.")
    }
    guard words.count <= 2 else {
      throw InputError(
        "Give at most an amount and a unit after the substance (for example: 3 drinks). "
          + "Put a substance name with spaces in quotes.")
    }
    guard let amount = Double(words[0]) else {
      throw InputError(
        "The amount must be a number of 0 or more, followed by a unit (for example: 3 drinks). "
          + "Nothing was written.")
    }
    guard words.count == 2 else {
      throw InputError(
        "The unit is needed with an amount (for example: 3 drinks, 80 mg). Nothing was written.")
    }
    return (amount, Naming.unit(words[1]))
  }

  /// The fields from wherever they were given: JSON, the questions, or the arguments.
  func fields() throws -> UseFields {
    let flagged =
      !quantity.isEmpty || route != nil || setting != nil || cost != nil || abv != nil
      || moodBefore != nil
      || moodAfter != nil || note != nil || at != nil
    if fromStandardInput {
      guard substance == nil, !flagged else {
        throw InputError("With --stdin, every field comes from the JSON; give no others.")
      }
      return try EntryInput.readUseJSON()
    }
    guard let substance else {
      guard !flagged, EntryInput.canAsk else {
        throw InputError(
          "Give the substance (sotto use alcohol 3 drinks), answer the questions on a terminal "
            + "(sotto use), or pipe JSON with --stdin.")
      }
      return try EntryInput.askUse()
    }
    let (amount, unit) = try Self.parseQuantity(quantity)
    return UseFields(
      substance: substance, amount: amount, unit: unit, route: route, setting: setting, cost: cost,
      moodBefore: moodBefore, moodAfter: moodAfter, note: note, at: at, abv: abv)
  }

  func run() throws {
    try runReportingErrors {
      let fields = try fields()
      try LogSupport.checkUnit(fields.unit, allowingNew: newUnit)
      let clock = Clock()
      let time = try clock.parseEntryTime(fields.at)
      try clock.confirmEntryTime(time, yes: yes)
      let (entry, journal) = try LogSupport.log(
        .use(fields.use), at: time, clock: clock, options: options, forceUnlock: unlock)
      if !quiet { LogSupport.printSafetyNotes(for: entry, journal: journal) }
    }
  }
}
