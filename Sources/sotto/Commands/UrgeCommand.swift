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
        sotto urge 7 --trigger payday --trigger bored --resisted --note "walked it off"
        sotto urge 4 --acted --at "yesterday 22:30"

      With quick capture on (the default) this works without the passphrase.
      """)

  @Argument(help: "How strong, from 0 (barely there) to 10 (overwhelming).")
  var intensity: Int

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

  @Flag(help: "Unlock and log directly even when quick capture is on (asks for the passphrase).")
  var unlock = false

  @OptionGroup var options: JournalOptions

  func run() throws {
    try runReportingErrors {
      let time = try Clock().parseEntryTime(at)
      let urge = Urge(
        intensity: intensity, triggers: LogSupport.names(triggers), outcome: outcome,
        durationMinutes: duration, coping: LogSupport.text(coping), note: LogSupport.text(note))
      try LogSupport.log(.urge(urge), at: time, options: options, forceUnlock: unlock)
    }
  }
}
