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

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Run this program and read the passphrase from the first line it prints.",
      discussion: "Also $SOTTO_PASSPHRASE_COMMAND. Run without a shell: for example "
        + "--passphrase-command 'pass show sotto'.",
      valueName: "command"))
  var passphraseCommand: String?

  var passphrases: PassphraseReader {
    PassphraseReader(file: passphraseFile, descriptor: passphraseFd, command: passphraseCommand)
  }

  func path() throws(SottoError) -> String { try JournalLocation.resolve(explicit: journal) }

  func open() throws(SottoError) -> Journal { try Journal.open(at: path()) }

  /// Opens and unlocks the journal, telling the person what the unlock did and found.
  ///
  /// - Parameter check: compare the records with the manifest now; commands that then read
  ///   every entry pass `false` and use ``readAll()``, which checks everything in one pass.
  /// - Parameter migratingDamaged: convert a format-1 journal even when records fail their
  ///   checks (`sotto migrate --leave-damaged`).
  func unlock(check: Bool = true, migratingDamaged: Bool = false)
    throws(SottoError) -> UnlockedJournal
  {
    var unused: Passphrase?
    return try unlock(
      check: check, migratingDamaged: migratingDamaged, keepingPassphrase: false, kept: &unused)
  }

  /// Unlocks as ``unlock(check:migratingDamaged:)`` does, and also returns the
  /// passphrase that opened it (`sync init` wraps the folder key under it).
  func unlockKeepingPassphrase() throws(SottoError) -> (UnlockedJournal, Passphrase) {
    var kept: Passphrase?
    let unlocked = try unlock(
      check: true, migratingDamaged: false, keepingPassphrase: true, kept: &kept)
    return (unlocked, kept!)
  }

  private func unlock(
    check: Bool, migratingDamaged: Bool, keepingPassphrase: Bool, kept: inout Passphrase?,
    warning: Bool = true
  ) throws(SottoError) -> UnlockedJournal {
    let journal = try open()
    if journal.formatVersion == 1 {
      Console.note(
        "sotto: this journal uses format 1; converting it to format 2 in one step. If "
          + "interrupted, it stays in format 1 and the next command converts it again. Versions "
          + "of Sotto before 0.2 cannot open it afterwards.")
    }
    let unlocked = try passphrases.using { (passphrase) throws(SottoError) in
      let unlocked = try journal.unlock(
        passphrase, check: check, migratingDamaged: migratingDamaged)
      if keepingPassphrase { kept = passphrase }
      return unlocked
    }
    if let migration = unlocked.migration {
      var note =
        "sotto: converted to format 2: \(migration.entries) "
        + (migration.entries == 1 ? "entry" : "entries")
      if migration.inboxRows > 0 { note += ", \(migration.inboxRows) waiting quick capture(s)" }
      Console.note(note + ".")
      if !migration.leftBehind.isEmpty {
        Console.note(
          "sotto: left behind \(migration.leftBehind.count) record(s) that did not open: "
            + migration.leftBehind.map(\.hex).joined(separator: ", "))
      }
    }
    if let built = unlocked.indexBuilt, built > 0 {
      Console.note(
        "sotto: built this journal's time index (\(built) "
          + (built == 1 ? "entry" : "entries")
          + "), so that commands read only the entries they need; this happens once.")
    }
    if unlocked.movedFromInbox > 0 {
      Console.note(
        "Moved \(unlocked.movedFromInbox) quick-capture "
          + (unlocked.movedFromInbox == 1 ? "entry" : "entries") + " into the journal.")
    }
    Self.tell(unlocked.inboxAtUnlock)
    if check && warning { Self.warn(unlocked.integrityAtUnlock) }
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
    let unlocked = try unlock(check: false)
    let contents = try unlocked.contents()
    KeptUntilExit.keep(contents.all)
    Self.warn(contents.integrity)
    return (unlocked, contents)
  }

  /// Unlocks and decrypts the entries `needed` names (given the journal's settings) through
  /// the time index, with the whole journal's outline; without a usable index, every entry
  /// (and no outline: the figures then come from all of them). Warns about what the checks
  /// found.
  func read(_ needed: (JournalSettings) throws -> EntriesNeeded) throws -> (
    journal: UnlockedJournal, settings: JournalSettings, entries: [Entry],
    outline: JournalOutline?
  ) {
    // The check at unlock is told with what the read finds: a read of every record reports
    // it again.
    var unused: Passphrase?
    let unlocked = try unlock(
      check: true, migratingDamaged: false, keepingPassphrase: false, kept: &unused,
      warning: false)
    do {
      let settings = try unlocked.settings()
      return try Self.read(needed(settings), from: unlocked, settings: settings)
    } catch {
      Self.warn(unlocked.integrityAtUnlock)
      throw error
    }
  }

  /// ``read(_:)`` of a journal unlocked already.
  static func read(
    _ needed: EntriesNeeded, from unlocked: UnlockedJournal, settings: JournalSettings
  ) throws(SottoError) -> (
    journal: UnlockedJournal, settings: JournalSettings, entries: [Entry],
    outline: JournalOutline?
  ) {
    if let read = try unlocked.entries(needed) {
      warn(unlocked.integrityAtUnlock)
      warn(read.integrity)
      return (unlocked, settings, read.entries, read.outline)
    }
    let contents = try unlocked.contents()
    KeptUntilExit.keep(contents.all)
    warn(contents.integrity)
    return (unlocked, settings, contents.all, nil)
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

  /// Parses a time given to `option` (`--since`), in the person's time zone.
  func parse(_ text: String, option: String) throws -> Timestamp {
    do {
      return try TimeExpression.parse(text, field: option, now: now, timeZone: timeZone)
    } catch {
      throw Self.unreadable(option)
    }
  }

  /// Parses the end of a range (`--until`): a day without a time of day includes all of it.
  func parseEnd(_ text: String, option: String) throws -> Timestamp {
    do {
      return try TimeExpression.parseEnd(text, field: option, now: now, timeZone: timeZone)
    } catch {
      throw Self.unreadable(option)
    }
  }

  private static func unreadable(_ option: String) -> InputError {
    InputError(
      "\(option) could not be read as a time. Try one of: \(TimeExpression.examples).")
  }

  /// Parses an entry's time (now when `text` is nil), refusing one more than a day ahead.
  func parseEntryTime(_ text: String?, option: String = "--at") throws -> Timestamp {
    guard let text else { return Timestamp(date: now, timeZone: timeZone) }
    let time = try parse(text, option: option)
    do { try TimeExpression.checkNotFarFuture(time, field: option, now: now) } catch {
      throw InputError(
        "\(option) gives a time more than a day in the future (\(describe(time))). "
          + "Nothing was written.")
    }
    return time
  }

  /// How far back an entry's time may be without a question.
  static let unaskedPast: TimeInterval = 365 * 86_400

  /// Asks before logging an entry in the future or more than a year back: likely a slip
  /// (`--at 23:59` typed at 21:00, `--at 1999-01-01`). Scripts need `yes`.
  func confirmEntryTime(_ time: Timestamp, option: String = "--at", yes: Bool) throws {
    let offset = time.date.timeIntervalSince(now)
    let problem: String
    if offset > 60 {
      problem = "is in the future"
    } else if offset < -Self.unaskedPast {
      problem = "is more than a year ago"
    } else {
      return
    }
    if yes { return }
    guard Console.stdinIsTerminal else {
      throw InputError(
        "\(option) gives \(describe(time)), which \(problem). Add --yes to log it anyway, or "
          + "give another time. Nothing was written.")
    }
    try Confirmation.confirm(
      "That time, \(describe(time)), \(problem). Log it?", yes: false, action: "Logging it")
  }

  /// A time as people read it back: `today 14:00`, `yesterday 23:10`, `Mon 2026-11-16 20:00`.
  func describe(_ time: Timestamp) -> String {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = timeZone
    formatter.dateFormat = "HH:mm"
    let clock = formatter.string(from: time.date)
    let days =
      calendar.dateComponents(
        [.day], from: calendar.startOfDay(for: now), to: calendar.startOfDay(for: time.date)
      ).day ?? 0
    switch days {
    case 0: return "today \(clock)"
    case -1: return "yesterday \(clock)"
    case 1: return "tomorrow \(clock)"
    default:
      formatter.dateFormat = "EEE yyyy-MM-dd HH:mm"
      return formatter.string(from: time.date)
    }
  }

  /// The confirmation line's time: empty when `time` is now (within a minute), else
  /// ` · yesterday 23:10`, so a time read differently than meant is seen at once.
  func suffix(for time: Timestamp) -> String {
    abs(time.date.timeIntervalSince(now)) <= 60 ? "" : " · " + describe(time)
  }
}
