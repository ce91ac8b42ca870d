import ArgumentParser
import SottoCore
import SottoModel

struct RulesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules",
    abstract: "Your own combination warnings for `sotto use`.",
    discussion: """
      Sotto warns when you log a use within 24 hours of a substance it forms a well-known \
      dangerous combination with (see Docs/SAFETY.md). Add your own pairs here; they are kept \
      encrypted in the journal like every entry. A name may be a substance ("xanax"), or a \
      class word: opioids, benzos, gabapentinoids, depressants, maois, ssris, amphetamines.

      Examples:
        sotto rules add alcohol zopiclone --note "makes me black out"
        sotto rules add benzos alcohol
        sotto rules list
        sotto rules remove 3fa2c1
      """,
    subcommands: [RulesAddCommand.self, RulesListCommand.self, RulesRemoveCommand.self])
}

struct RulesAddCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: "Warn when these two are logged within 24 hours.")

  @Argument(help: "One substance (or class word).")
  var first: String

  @Argument(help: "The other substance (or class word).")
  var second: String

  @Option(help: "Why: shown with the warning, kept encrypted.")
  var note: String?

  @OptionGroup var options: JournalOptions

  func run() throws {
    try runReportingErrors {
      let rule = SafetyRule(
        Naming.canonical(first), Naming.canonical(second), note: LogSupport.text(note))
      do { try rule.validate() } catch { throw InputError(String(describing: error)) }
      let journal = try options.unlock()
      let entry = try journal.add(.rule(rule), at: Clock().parseEntryTime(nil))
      Console.out("Added rule \(entry.id.short) · \(EntryText.summary(entry))")
    }
  }
}

struct RulesListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list", abstract: "List your rules, oldest first.")

  @Option(help: "Output: text or json.")
  var format: OutputFormat = .text

  @OptionGroup var options: JournalOptions

  func run() throws {
    try runReportingErrors(readOnly: true) {
      let contents = try options.readAll().contents
      let rules = contents.entries.filter { $0.entry.kind == .rule }
      switch format {
      case .json:
        Console.out(
          EntryJSON.encode(rules.map { EntryJSON(entry: $0.entry, revision: $0.revision) }))
      case .text:
        if rules.isEmpty {
          Console.out("No rules of your own yet. Add one with `sotto rules add`.")
        }
        for stored in rules {
          Console.out("\(stored.entry.id.short)  \(EntryText.summary(stored.entry))")
        }
      }
    }
  }
}

struct RulesRemoveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "remove", abstract: "Remove one of your rules.")

  @Argument(help: "The rule's id, or the first 6 or more digits of it.")
  var id: String

  @Flag(help: "Do not ask for confirmation (needed without a terminal).")
  var yes = false

  @OptionGroup var options: JournalOptions

  func run() throws {
    try runReportingErrors {
      try Confirmation.requireAnswerable("Removing a rule", yes: yes)
      let journal = try options.unlock()
      let stored = try journal.entry(matching: id)
      guard stored.entry.kind == .rule else {
        throw InputError(
          "Entry \(stored.entry.id.short) is not a rule; `sotto rules list` shows the rules.")
      }
      try Confirmation.confirm(
        "Remove rule \(stored.entry.id.short) (\(EntryText.summary(stored.entry)))?", yes: yes,
        action: "Removing a rule")
      try journal.delete(stored.entry.id)
      Console.out("Removed rule \(stored.entry.id.short).")
    }
  }
}
