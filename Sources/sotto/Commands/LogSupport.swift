import SottoCore
import SottoModel

/// Logging shared by `urge` and `use`: quick capture when allowed, else unlock and add.
enum LogSupport {
  /// Saves `body`, printing a one-line confirmation; returns the unlocked journal if it unlocked.
  ///
  /// - Parameter keepingIt: the entry cannot be typed again (a surf session): when the journal
  ///   does not unlock, it is quick-captured instead if quick capture is on, and otherwise the
  ///   passphrase is asked for until it unlocks or the person gives up.
  @discardableResult
  static func log(
    _ body: EntryBody, at time: Timestamp, clock: Clock, options: JournalOptions,
    forceUnlock: Bool, keepingIt: Bool = false
  ) throws -> (entry: Entry, journal: UnlockedJournal?) {
    do { try body.validate() } catch { throw InputError(error.description) }
    let journal = try options.open()
    // The one confirmation line, with the stored time when it is not now.
    func confirm(_ entry: Entry) {
      Console.out(
        "Logged \(entry.kind.rawValue) \(entry.id.short) · \(EntryText.summary(entry))"
          + clock.suffix(for: entry.at))
    }
    var capture =
      journal.quickCaptureEnabled && !forceUnlock && !options.passphrases.hasScriptedSource
    var unlocked: UnlockedJournal? = nil
    while !capture && unlocked == nil {
      switch Result(catching: { () throws(SottoError) in try options.unlock() }) {
      case .success(let journal): unlocked = journal
      case .failure(let error):
        guard keepingIt, [.wrongPassphrase, .passphraseInput].contains(error.code) else {
          throw error
        }
        if journal.quickCaptureEnabled {
          Console.note(
            "The journal did not unlock, so the urge is sealed by quick capture instead; it "
              + "joins the journal at the next unlock.")
          capture = true
        } else {
          Console.note(error.message.replacingOccurrences(of: " Nothing was written.", with: ""))
          guard Console.stdinIsTerminal,
            let answer = Terminal.ask(
              "The urge is not saved yet. Try the passphrase again? [Y/n] "),
            !["n", "no"].contains(answer.trimmingWhitespace().lowercased())
          else { throw error }
        }
      }
    }
    if capture {
      let entry = try journal.capture(body, at: time)
      confirm(entry)
      Console.note(
        "(quick capture: sealed without the passphrase; it joins the journal at the next unlock)")
      return (entry, nil)
    }
    guard let unlocked else { throw InputError("The journal did not unlock.") }
    let entry = try unlocked.add(body, at: time)
    confirm(entry)
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

  /// Refuses a unit that looks like a typo of one Sotto knows (`3 drnks`), naming the unit it
  /// was likely meant to be; `allowingNew` (`--new-unit`) takes it as a unit of the person's
  /// own. The unit typed is not repeated: it is entry text.
  static func checkUnit(_ unit: String?, allowingNew: Bool) throws {
    guard let unit, !allowingNew, let suggestion = UnitCatalog.suggestion(for: unit) else {
      return
    }
    throw InputError(
      "That unit is not one Sotto knows, and it is close to \"\(suggestion)\": did you mean "
        + "\(suggestion)? If it is a unit of your own, add --new-unit. Nothing was written.")
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
