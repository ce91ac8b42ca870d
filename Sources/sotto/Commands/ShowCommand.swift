import ArgumentParser
import SottoCore

struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show", abstract: "Show every field of one entry.")

  @Argument(help: "The entry's id, or the first 6 or more digits of it (from `sotto list`).")
  var id: String

  @Option(help: "Output: text (default) or json.")
  var format: OutputFormat = .text

  @OptionGroup var options: JournalOptions

  func run() throws {
    try runReportingErrors {
      let stored = try options.unlock().entry(matching: id)
      switch format {
      case .json:
        Console.out(EntryJSON.encode(EntryJSON(entry: stored.entry, revision: stored.revision)))
      case .text:
        for line in EntryText.details(stored.entry, revision: stored.revision) { Console.out(line) }
      }
    }
  }
}

struct DeleteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "delete",
    abstract: "Delete one entry for good.",
    discussion: "Asks first on a terminal; --yes skips the question.")

  @Argument(help: "The entry's id, or the first 6 or more digits of it.")
  var id: String

  @Flag(help: "Do not ask for confirmation.")
  var yes = false

  @OptionGroup var options: JournalOptions

  func run() throws {
    try runReportingErrors {
      let journal = try options.unlock()
      let stored = try journal.entry(matching: id)
      if !yes && Console.stdinIsTerminal {
        let answer = Terminal.ask(
          "Delete \(stored.entry.kind.rawValue) \(stored.entry.id.short) "
            + "(\(EntryText.time(stored.entry.at)))? Type yes to delete: ")
        guard answer?.lowercased() == "yes" else {
          Console.out("Nothing was deleted.")
          return
        }
      }
      try journal.delete(stored.entry.id)
      Console.out("Deleted \(stored.entry.kind.rawValue) \(stored.entry.id.short).")
    }
  }
}
