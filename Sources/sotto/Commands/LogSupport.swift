import SottoCore
import SottoModel

/// Logging shared by `urge` and `use`: quick capture when allowed, else unlock and add.
enum LogSupport {
  /// Saves `body`, printing a one-line confirmation; returns the unlocked journal if it unlocked.
  @discardableResult
  static func log(
    _ body: EntryBody, at time: Timestamp, options: JournalOptions, forceUnlock: Bool
  ) throws -> (entry: Entry, journal: UnlockedJournal?) {
    do { try body.validate() } catch { throw InputError(error.description) }
    let journal = try options.open()
    if journal.quickCaptureEnabled && !forceUnlock && !options.passphrases.hasScriptedSource {
      let entry = try journal.capture(body, at: time)
      Console.out("Logged \(entry.kind.rawValue) \(entry.id.short) · \(EntryText.summary(entry))")
      Console.note(
        "(quick capture: sealed without the passphrase; it joins the journal at the next unlock)")
      return (entry, nil)
    }
    let unlocked = try options.unlock()
    let entry = try unlocked.add(body, at: time)
    Console.out("Logged \(entry.kind.rawValue) \(entry.id.short) · \(EntryText.summary(entry))")
    return (entry, unlocked)
  }

  /// Prints the safety notes for a use just saved, on stderr. Never throws: a note that cannot
  /// be worked out is left out, and the entry is already saved.
  ///
  /// Without an unlocked journal (quick capture) there is no history to look at, and the person
  /// is told so in one line.
  static func printSafetyNotes(for entry: Entry, journal: UnlockedJournal?) {
    guard let journal else {
      Console.note(
        "Safety notes skipped: they need your journal's history, which quick capture cannot "
          + "read. `sotto use --unlock ...` logs with the passphrase and shows them.")
      return
    }
    guard let contents = try? journal.contents() else { return }
    let notes = SafetyNudges.notes(for: entry, history: contents.all)
    for note in notes {
      Console.note((note.isWarning ? "! " : "· ") + note.text)
    }
  }

  /// Cleans up a list of free-text names (triggers): canonical form, no empties, no repeats.
  static func names(_ values: [String]) -> [String] {
    var seen = Set<String>()
    return values.map(Naming.canonical).filter { !$0.isEmpty && seen.insert($0).inserted }
  }

  /// A free-text option: `nil` stays `nil`; surrounding white space is dropped.
  static func text(_ value: String?) -> String? {
    guard let value else { return nil }
    let trimmed = value.trimmingWhitespace()
    return trimmed.isEmpty ? nil : trimmed
  }
}
