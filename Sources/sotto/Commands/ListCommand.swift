import ArgumentParser
import Foundation
import SottoCore
import SottoModel

/// Output formats for listings.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
  case text, json
}

extension EntryKind: ExpressibleByArgument {}

struct ListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "list",
    abstract: "List entries, newest first, with filters.",
    discussion: """
      Examples:
        sotto list --since 7d --type urge
        sotto list --substance alcohol --since 2026-11-01 --format json
        sotto list --search "walked"
      """)

  @Option(
    help: ArgumentHelp(
      "Only entries at or after this time (7d, 2026-11-01, yesterday).", valueName: "when"))
  var since: String?

  @Option(help: ArgumentHelp("Only entries at or before this time.", valueName: "when"))
  var until: String?

  @Option(help: "Only this kind: urge, use, goal or rule.")
  var type: EntryKind?

  @Option(help: "Only use entries of this substance.")
  var substance: String?

  @Option(help: "Only urges with this trigger.")
  var trigger: String?

  @Option(help: "Only entries whose text contains this (case-insensitive).")
  var search: String?

  @Option(help: "At most this many entries (the newest).")
  var limit: Int?

  @Option(help: "Output: text or json.")
  var format: OutputFormat = .text

  @OptionGroup var options: JournalOptions

  func run() throws {
    try runReportingErrors(readOnly: true) {
      let clock = Clock()
      let since = try self.since.map { try clock.parse($0, option: "--since") }
      let until = try self.until.map { try clock.parseEnd($0, option: "--until") }
      if let limit, limit < 1 { throw InputError("The limit must be 1 or more.") }
      let filter = EntryFilter(
        since: since, until: until, kind: type, substance: substance.map(Naming.canonical),
        trigger: trigger.map(Naming.canonical), search: search)
      let (entries, inConflict) = try read(filter)
      switch format {
      case .json:
        Console.out(
          EntryJSON.encode(
            entries.map {
              EntryJSON(
                entry: $0.entry, revision: $0.revision,
                conflict: inConflict.contains($0.entry.id))
            }))
      case .text:
        if entries.isEmpty { Console.out("No entries match.") }
        // Each row fits the terminal; `show ID` and `--format json` have the full text.
        let width = Console.width
        for stored in entries {
          let kind = stored.entry.kind.rawValue.padding(toLength: 4, withPad: " ", startingAt: 0)
          // First, so that a narrow terminal does not cut it off.
          let conflict = inConflict.contains(stored.entry.id) ? "[conflict] " : ""
          Console.out(
            Console.fit(
              "\(stored.entry.id.short)  \(EntryText.time(stored.entry.at))  \(kind)  "
                + conflict + EntryText.summary(stored.entry), width: width))
        }
        if entries.contains(where: { inConflict.contains($0.entry.id) }) {
          Console.note(
            "[conflict]: changed on two devices at once; `sotto resolve ID` shows the versions.")
        }
      }
    }
  }
}

extension ListCommand {
  /// The entries `filter` keeps, newest first, at most `limit`: through the time index, which
  /// decrypts only the records in range; without one (a page of it damaged), every record.
  func read(_ filter: EntryFilter) throws(SottoError) -> (
    entries: [StoredEntry], inConflict: Set<EntryID>
  ) {
    let journal = try options.unlock(check: true)
    if let listing = try journal.newest(
      since: filter.since?.unixSeconds, until: filter.until?.unixSeconds, kind: filter.kind,
      limit: limit, matching: filter.matches)
    {
      JournalOptions.warn(listing.integrity)
      return (listing.entries, listing.inConflict)
    }
    let contents = try journal.contents()
    JournalOptions.warn(contents.integrity)
    var entries = contents.entries.filter { filter.matches($0.entry) }.reversed().map { $0 }
    if let limit { entries = Array(entries.prefix(limit)) }
    return (entries, contents.inConflict)
  }
}

/// The filters of `sotto list`.
struct EntryFilter {
  var since: Timestamp?
  var until: Timestamp?
  var kind: EntryKind?
  var substance: String?
  var trigger: String?
  var search: String?

  func matches(_ entry: Entry) -> Bool {
    if let since, entry.at < since { return false }
    if let until, until < entry.at { return false }
    if let kind, entry.kind != kind { return false }
    if let substance, entry.use?.substance != substance { return false }
    if let trigger, !(entry.urge?.triggers.contains(trigger) ?? false) { return false }
    if let search, !search.isEmpty {
      let haystack = Self.text(of: entry).lowercased()
      if !haystack.contains(search.lowercased()) { return false }
    }
    return true
  }

  static func text(of entry: Entry) -> String {
    switch entry.body {
    case .urge(let urge):
      return ([urge.coping, urge.note].compactMap { $0 } + urge.triggers).joined(separator: "\n")
    case .use(let use):
      return [
        use.substance, use.unit, use.route, use.setting, use.moodBefore, use.moodAfter, use.note,
      ]
      .compactMap { $0 }.joined(separator: "\n")
    case .goal(let goal):
      return [goal.note, EntryText.goalText(goal.rule)].compactMap { $0 }.joined(separator: "\n")
    case .rule(let rule):
      return ([rule.note].compactMap { $0 } + rule.substances).joined(separator: "\n")
    }
  }
}
