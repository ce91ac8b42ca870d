import ArgumentParser
import SottoModel

extension UrgeOutcome: EnumerableFlag {
  public static func help(for value: UrgeOutcome) -> ArgumentHelp? {
    switch value {
    case .resisted: "You rode it out without using."
    case .acted: "You acted on it."
    }
  }
}

struct UrgeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "urge",
    abstract: "Log an urge: how strong it was, what set it off, and what happened.",
    discussion: """
      Examples:
        sotto urge                 asks for each field in turn (nothing lands in the shell's history)
        echo '{"intensity": 7, "triggers": ["payday"], "outcome": "resisted"}' | sotto urge --stdin
        sotto urge 7 --trigger payday --trigger bored --resisted --note "walked it off"
        sotto urge 4 --acted --at "yesterday 22:30"

      The last form is quick to type, but the shell keeps every word in its history file and \
      other users' `ps` can see it while Sotto starts: use the questions or --stdin for \
      anything you would not want read (or, in bash with HISTCONTROL=ignorespace, start the \
      line with a space). --stdin takes one JSON object with the keys intensity (required), \
      triggers, outcome ("resisted" or "acted"), duration, coping, note and at.

      With quick capture on (the default) this works without the passphrase.
      """)

  @Argument(help: "How strong, from 0 (barely there) to 10 (overwhelming). Leave out to be asked.")
  var intensity: Int?

  @Option(name: .customLong("trigger"), help: "What set it off; repeat for several.")
  var triggers: [String] = []

  @Flag var outcome: UrgeOutcome?

  @Option(help: ArgumentHelp("How long it lasted, in minutes.", valueName: "minutes"))
  var duration: Int?

  @Option(help: "What helped (\"walked it off\", \"called a friend\").")
  var coping: String?

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

  @Flag(help: "Unlock and log directly even when quick capture is on (asks for the passphrase).")
  var unlock = false

  @Flag(name: .customLong("stdin"), help: "Read the urge as one JSON object from standard input.")
  var fromStandardInput = false

  @OptionGroup var options: JournalOptions

  /// The fields from wherever they were given: JSON, the questions, or the arguments.
  func fields() throws -> UrgeFields {
    let flagged =
      !triggers.isEmpty || outcome != nil || duration != nil || coping != nil || note != nil
      || at != nil
    if fromStandardInput {
      guard intensity == nil, !flagged else {
        throw InputError("With --stdin, every field comes from the JSON; give no others.")
      }
      return try EntryInput.readUrgeJSON()
    }
    guard let intensity else {
      guard !flagged, EntryInput.canAsk else {
        throw InputError(
          "Give the intensity (sotto urge 7), answer the questions on a terminal (sotto urge), "
            + "or pipe JSON with --stdin.")
      }
      return try EntryInput.askUrge()
    }
    return UrgeFields(
      intensity: intensity, triggers: triggers, outcome: outcome, duration: duration,
      coping: coping, note: note, at: at)
  }

  func run() throws {
    try runReportingErrors {
      let fields = try fields()
      let clock = Clock()
      let time = try clock.parseEntryTime(fields.at)
      try clock.confirmEntryTime(time, yes: yes)
      try LogSupport.log(
        .urge(fields.urge), at: time, clock: clock, options: options, forceUnlock: unlock)
    }
  }
}
