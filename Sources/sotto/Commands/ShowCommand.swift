import ArgumentParser
import SottoCore

struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: "Show every field of one entry.")

  @Argument(help: "The entry's id, or the first 6 or more digits of it (from `sotto list`).")
  var id: String

  @Option(help: "Output: text or json.")
  var format: OutputFormat = .text

  @OptionGroup var options: JournalOptions

  func run() throws {
    try runReportingErrors(readOnly: true) {
      let stored = try options.unlock().entry(matching: id)
      switch format {
      case .json:
        Console.out(
          EntryJSON.encode(
            EntryJSON(
              entry: stored.entry, revision: stored.revision,
              conflict: !stored.otherVersions.isEmpty)))
      case .text:
        for line in EntryText.details(stored.entry, revision: stored.revision) { Console.out(line) }
        if !stored.otherVersions.isEmpty {
          Console.out("")
          Console.out(
            "Changed on two devices at once: \(stored.otherVersions.count) other "
              + (stored.otherVersions.count == 1 ? "version is" : "versions are")
              + " kept beside this one. `sotto resolve \(stored.entry.id.short)` lists them; "
              + "`sotto resolve \(stored.entry.id.short) --keep N` chooses.")
        }
      }
    }
  }
}

struct DeleteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "delete",
    abstract: "Delete one entry for good.",
    discussion: """
      Asks first on a terminal (y or yes deletes; anything else exits with status 12). Without \
      a terminal it needs --yes.
      """)

  @Argument(help: "The entry's id, or the first 6 or more digits of it.")
  var id: String

  @Flag(help: "Do not ask for confirmation.")
  var yes = false

  @OptionGroup var options: JournalOptions

  func run() throws {
    try runReportingErrors {
      try Confirmation.requireAnswerable("Deleting an entry", yes: yes)
      let journal = try options.unlock()
      let stored = try journal.entry(matching: id)
      try Confirmation.confirm(
        "Delete \(stored.entry.kind.rawValue) \(stored.entry.id.short) "
          + "(\(EntryText.time(stored.entry.at))) for good?", yes: yes, action: "Deleting an entry")
      try journal.delete(stored.entry.id)
      Console.out("Deleted \(stored.entry.kind.rawValue) \(stored.entry.id.short).")
    }
  }
}
