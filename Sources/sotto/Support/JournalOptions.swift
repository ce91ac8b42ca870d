import ArgumentParser
import Foundation
import SottoCore
import SottoModel

/// Where the journal is and how to read its passphrase; shared by every command.
struct JournalOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The journal file.",
      discussion: "Default: $SOTTO_JOURNAL, else $XDG_DATA_HOME/sotto/journal.db "
        + "(~/.local/share/sotto/journal.db).",
      valueName: "path"))
  var journal: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Read the passphrase from the first line of this file (for scripts).",
      discussion: "Also $SOTTO_PASSPHRASE_FILE. Without either, Sotto asks on the terminal.",
      valueName: "path"))
  var passphraseFile: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Read the passphrase from this open file descriptor (for scripts).", valueName: "n"))
  var passphraseFd: Int32?

  var passphrases: PassphraseReader {
    PassphraseReader(file: passphraseFile, descriptor: passphraseFd)
  }

  func path() throws(SottoError) -> String { try JournalLocation.resolve(explicit: journal) }

  func open() throws(SottoError) -> Journal { try Journal.open(at: path()) }

  /// Opens and unlocks the journal, telling the person what the unlock did and found.
  ///
  /// - Parameter check: compare the records with the manifest now; commands that then read
  ///   every entry pass `false` and use ``readAll()``, which checks everything in one pass.
  func unlock(check: Bool = true, readAhead: Bool = false) throws(SottoError) -> UnlockedJournal {
    let unlocked = try open().unlock(passphrases.read(), check: check, readAhead: readAhead)
    if unlocked.movedFromInbox > 0 {
      Console.note(
        "Moved \(unlocked.movedFromInbox) quick-capture "
          + (unlocked.movedFromInbox == 1 ? "entry" : "entries") + " into the journal.")
    }
    Self.tell(unlocked.inboxAtUnlock)
    if check { Self.warn(unlocked.integrityAtUnlock) }
    return unlocked
  }

  /// Tells the person, on stderr, about inbox rows the unlock left out or refused.
  static func tell(_ inbox: InboxAtUnlock) {
    switch inbox.held {
    case .quickCaptureOff?:
      Console.note(
        "sotto: \(inbox.waiting) quick-capture row(s) wait in the inbox, but quick capture is "
          + "off, so nothing was moved in (someone who can write the file may have put them "
          + "there). Review them with `sotto inbox`; `sotto inbox discard --all` removes them.")
    case .tooMany?:
      Console.note(
        "sotto: \(inbox.waiting) quick-capture rows wait in the inbox, more than the "
          + "\(Inbox.rowsPerUnlock) Sotto moves in unasked, so none were moved in. Review them "
          + "with `sotto inbox`, then `sotto inbox accept --all` or `sotto inbox discard --all`.")
    case nil: break
    }
    if !inbox.refused.isEmpty {
      Console.note(
        "sotto: \(inbox.refused.count) quick-capture row(s) were refused and left in the inbox:")
      for (id, problem) in inbox.refused.prefix(5) { Console.note("  - \(id.short) \(problem)") }
      Console.note("  Review them with `sotto inbox`; remove them with `sotto inbox discard ID`.")
    }
  }

  /// Unlocks and decrypts every entry, warning about anything the checks found.
  func readAll() throws(SottoError) -> (journal: UnlockedJournal, contents: JournalContents) {
    // The encrypted rows are read while the key is derived.
    let unlocked = try unlock(check: false, readAhead: true)
    let contents = try unlocked.contents()
    KeptUntilExit.keep(contents.all)
    Self.warn(contents.integrity)
    return (unlocked, contents)
  }

  /// Tells the person, on stderr, what the integrity checks found (ids only, never contents).
  static func warn(_ report: IntegrityReport) {
    guard !report.isClean else { return }
    Console.note(
      "sotto: warning: this journal was changed or damaged outside Sotto; what could be read "
        + "is shown. Run `sotto verify` for details:")
    for line in report.findings.prefix(10) { Console.note("  - " + line) }
    if report.findings.count > 10 { Console.note("  - and \(report.findings.count - 10) more") }
  }
}

/// Time handling shared by commands: "now" and the local time zone, read once per command.
struct Clock {
  let now = Date()
  let timeZone = TimeZone.current

  func parse(_ text: String, field: String) throws -> Timestamp {
    do {
      return try TimeExpression.parse(text, field: field, now: now, timeZone: timeZone)
    } catch {
      throw InputError(error.description)
    }
  }

  /// Parses an entry's time, refusing one more than a day in the future.
  func parseEntryTime(_ text: String?, field: String = "time (--at)") throws -> Timestamp {
    guard let text else { return Timestamp(date: now, timeZone: timeZone) }
    let time = try parse(text, field: field)
    do { try TimeExpression.checkNotFarFuture(time, field: field, now: now) } catch {
      throw InputError(error.description)
    }
    return time
  }
}
