import ArgumentParser
import SottoCore
import SottoModel

struct InboxCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "inbox",
    abstract: "Review quick captures waiting to join the journal; accept or discard them.",
    discussion: """
      Quick capture seals an urge or use without the passphrase, and the next unlock moves it \
      in. Since anyone who can write the journal file can add such rows, Sotto moves nothing in \
      when quick capture is off, nothing that is not an urge or a use, nothing larger than \
      quick capture writes, and no more than \(Inbox.rowsPerUnlock) at once unasked. Rows left \
      out are reported at every unlock; review them here.

      Examples:
        sotto inbox                 list what waits, with what is wrong with each
        sotto inbox accept --all    move every sound row in
        sotto inbox discard 3fa2c1  delete one row, unopened
      """,
    subcommands: [InboxListCommand.self, InboxAcceptCommand.self, InboxDiscardCommand.self],
    defaultSubcommand: InboxListCommand.self)
}

struct InboxListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List the rows waiting in the inbox.")

  @Option(help: "Show at most this many rows.")
  var limit = 50

  @OptionGroup var options: JournalOptions

  func run() throws {
    try runReportingErrors(readOnly: true) {
      guard limit > 0 else { throw InputError("--limit must be 1 or more.") }
      let journal = try options.unlock()
      let total = try journal.journal.inboxCount()
      guard total > 0 else {
        Console.out("The inbox is empty.")
        return
      }
      // Only the rows shown are opened: an inbox may hold many hostile rows.
      let items = try journal.inboxItems(limit: limit)
      Console.out("\(total) row(s) in the inbox" + (total > limit ? "; the first \(limit):" : ":"))
      for item in items {
        if let problem = item.problem {
          Console.out("  \(item.id.short)  refused: \(problem)")
        } else if let entry = item.entry {
          Console.out(
            "  \(item.id.short)  \(EntryText.time(entry.at))  \(entry.kind.rawValue) · "
              + EntryText.summary(entry))
        }
      }
      if total > items.count { Console.out("  ... and \(total - items.count) more (--limit N)") }
      Console.out(
        "Accept with `sotto inbox accept ID` or `--all`; discard with `sotto inbox discard`.")
    }
  }
}

/// The ids or `--all` that `accept` and `discard` take.
struct InboxSelection: ParsableArguments {
  @Argument(help: "Row ids (6 or more hex digits, from `sotto inbox`).")
  var ids: [String] = []

  @Flag(help: "Every row.")
  var all = false

  func resolve(in journal: UnlockedJournal) throws -> [EntryID]? {
    // Exactly one of the two.
    guard all == ids.isEmpty else {
      throw InputError("Give one or more row ids from `sotto inbox`, or --all.")
    }
    return all ? nil : try ids.map { try journal.inboxID(matching: $0) }
  }
}

struct InboxAcceptCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "accept",
    abstract: "Move sound inbox rows into the journal (even with quick capture off).")

  @OptionGroup var selection: InboxSelection
  @OptionGroup var options: JournalOptions

  func run() throws {
    try runReportingErrors {
      let journal = try options.unlock()
      let outcome = try journal.acceptInbox(try selection.resolve(in: journal))
      Console.out(
        "Moved \(outcome.moved) entr\(outcome.moved == 1 ? "y" : "ies") into the journal.")
      for (id, problem) in outcome.refused.prefix(20) {
        Console.note("  not accepted: \(id.short) \(problem)")
      }
      if !outcome.refused.isEmpty {
        Console.note(
          "\(outcome.refused.count) row(s) cannot come in; remove them with `sotto inbox discard`.")
      }
    }
  }
}

struct InboxDiscardCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "discard", abstract: "Delete inbox rows without opening them.")

  @OptionGroup var selection: InboxSelection

  @Flag(help: "Do not ask for confirmation (needed without a terminal).")
  var yes = false

  @OptionGroup var options: JournalOptions

  func run() throws {
    try runReportingErrors {
      try Confirmation.requireAnswerable("Discarding inbox rows", yes: yes)
      let journal = try options.unlock()
      let rows = try selection.resolve(in: journal)
      try Confirmation.confirm(
        "Discard " + (rows.map { "\($0.count) inbox row(s)" } ?? "every inbox row")
          + " without opening them?", yes: yes,
        action: "Discarding inbox rows")
      let count = try journal.discardInbox(rows)
      Console.out("Discarded \(count) inbox row(s).")
    }
  }
}
