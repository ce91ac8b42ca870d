import ArgumentParser
import Foundation
import SottoCore

struct SyncCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sync",
    abstract: "Sync this journal with your other devices through a folder.",
    discussion: """
      Sotto has no server: a folder that Syncthing, Nextcloud, Dropbox, rsync or a USB stick \
      carries between your devices is the transport. The folder holds only encrypted, \
      write-once files. On the first device run `sotto sync init DIR`; on each other device \
      `sotto sync join DIR`; then `sotto sync DIR` whenever you like (it sends this device's \
      changes and applies the others'). Concurrent edits of one entry are all kept: \
      `sotto show ID` lists them and `sotto resolve ID --keep N` chooses. `sotto sync compact \
      DIR` folds the folder's files into one now and then; `sotto sync rekey DIR` starts a \
      new folder key after a device is lost; `sotto sync leave DIR` stops syncing this \
      journal. Docs/SYNC.md says what the folder holds and what someone holding it can learn.
      """,
    subcommands: [
      SyncNowCommand.self, SyncInitCommand.self, SyncJoinCommand.self, SyncStatusCommand.self,
      SyncCompactCommand.self, SyncRekeyCommand.self, SyncLeaveCommand.self,
    ],
    defaultSubcommand: SyncNowCommand.self)
}

/// Prints what a sync did: text on stdout, or one JSON object.
enum SyncPrinter {
  static func print(_ outcome: SyncOutcome, format: OutputFormat, joining: Bool = false) {
    for warning in outcome.warnings { Console.note("sotto: " + warning) }
    for (name, reason) in outcome.refused {
      Console.note("sotto: refused \(name.prefix(16))…: it \(reason). The rest was applied.")
    }
    switch format {
    case .json:
      let object: [String: Any] = [
        "sent": outcome.sent, "wroteFile": outcome.wroteFile ?? NSNull(),
        "filesApplied": outcome.filesApplied, "entriesChanged": outcome.entriesChanged,
        "conflicts": outcome.conflicts.map(\.hex),
        "refused": outcome.refused.map { ["name": $0.name, "reason": $0.reason] },
        "incomplete": outcome.incomplete, "ignored": outcome.ignored,
        "warnings": outcome.warnings,
      ]
      Console.out(json(object))
    case .text:
      // A journal just made from the folder has nothing of its own to send.
      if !joining {
        Console.out(
          outcome.sent == 0
            ? "Nothing new to send."
            : "Sent \(outcome.sent) \(outcome.sent == 1 ? "change" : "changes").")
      }
      Console.out(
        outcome.filesApplied == 0
          ? "Nothing new to receive."
          : "Received \(outcome.filesApplied) \(outcome.filesApplied == 1 ? "file" : "files"): "
            + "\(outcome.entriesChanged) \(outcome.entriesChanged == 1 ? "entry" : "entries") "
            + "changed here.")
      if !outcome.conflicts.isEmpty {
        Console.out(
          "\(outcome.conflicts.count) \(outcome.conflicts.count == 1 ? "entry was" : "entries were") "
            + "changed on two devices at once; both versions are kept: "
            + outcome.conflicts.map(\.short).joined(separator: ", ")
            + ". See `sotto show ID`; choose with `sotto resolve ID --keep N`.")
      }
      if !outcome.incomplete.isEmpty {
        Console.out(
          "\(outcome.incomplete.count) \(outcome.incomplete.count == 1 ? "file is" : "files are") "
            + "still being copied by the sync engine; run `sotto sync` again later.")
      }
      if outcome.ignored > 0 {
        Console.out(
          "Ignored \(outcome.ignored) other \(outcome.ignored == 1 ? "file" : "files") in the folder "
            + "(sync tools' conflict copies or temporary files: not Sotto's, safe to delete).")
      }
    }
  }

  static func json(_ object: Any) -> String {
    let data = try? JSONSerialization.data(
      withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    return String(decoding: data ?? Data("{}".utf8), as: UTF8.self)
  }
}

struct SyncNowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "now",
    abstract: "Send this device's changes to DIR and apply the other devices' (the default).",
    discussion: """
      `sotto sync DIR` and `sotto sync now DIR` are the same. Needs only this journal's \
      passphrase. Files that fail their checks are refused by name and the rest applied; \
      files still being copied are tried again next time.
      """)

  @Argument(help: "The sync folder.")
  var folder: String

  @Option(
    name: .customLong("folder-passphrase-file"),
    help: """
      After `sotto sync rekey` on another device: read the new folder passphrase from the \
      first line of this file (on a terminal it is asked for).
      """)
  var folderPassphraseFile: String?

  @Option(help: "Output: text or json.")
  var format: OutputFormat = .text

  @OptionGroup var options: JournalOptions

  func run() throws {
    try runReportingErrors {
      let journal = try options.unlock()
      guard try journal.folderKeyReplaced(folder: folder) else {
        SyncPrinter.print(try journal.sync(folder: folder), format: format)
        return
      }
      Console.note(
        "sotto: the folder's key was changed on another device (`sotto sync rekey`); it opens "
          + "with the new folder passphrase chosen there.")
      let outcome = try FolderPassphrase.using(
        file: folderPassphraseFile, prompt: "The folder's new passphrase: "
      ) { passphrase throws(SottoError) in
        try journal.adoptFolderKey(folder: folder, passphrase: passphrase)
      }
      if format == .text {
        Console.out("Took the folder's new key; this device's entries were sent again under it.")
      }
      SyncPrinter.print(outcome, format: format)
    }
  }
}

/// The folder passphrase for `sync rekey` and for taking a new key: from a file, or asked on
/// the terminal, never taken from the journal's own passphrase source.
enum FolderPassphrase {
  /// Reads it from `file`, or from the terminal (up to three tries when `body` finds it wrong).
  static func using<T>(
    file: String?, prompt: String, _ body: (Passphrase) throws(SottoError) -> T
  ) throws(SottoError) -> T {
    if let file { return try body(try PassphraseReader.readFile(file)) }
    try requireTerminal()
    return try PassphraseReader(environment: [:]).using(prompt: prompt, body)
  }

  /// A new folder passphrase (its strength checked): from `file`, or asked twice.
  static func readNew(file: String?, prompt: String) throws(SottoError) -> Passphrase {
    if let file {
      let passphrase = try PassphraseReader.readFile(file)
      try passphrase.checkStrength()
      return passphrase
    }
    try requireTerminal()
    return try PassphraseReader(environment: [:]).readNew(prompt: prompt)
  }

  private static func requireTerminal() throws(SottoError) {
    guard Terminal.isAvailable else {
      throw SottoError(
        .passphraseInput,
        "No terminal to ask for the folder passphrase. For scripts, give "
          + "--folder-passphrase-file FILE. Nothing was changed.")
    }
  }
}

struct SyncInitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Start a sync folder from this journal.",
    discussion: """
      DIR must be empty or new. Writes a key file (a new random folder key, wrapped under \
      this journal's passphrase with its Argon2id settings) and a first change file holding \
      every entry. Other devices join with that passphrase; each may then choose its own.
      """)

  @Argument(help: "The sync folder (empty or new).")
  var folder: String

  @Option(help: "Output: text or json.")
  var format: OutputFormat = .text

  @OptionGroup var options: JournalOptions

  func run() throws {
    try runReportingErrors {
      let (journal, passphrase) = try options.unlockKeepingPassphrase()
      let outcome = try journal.syncInit(folder: folder, passphrase: passphrase)
      if format == .text {
        Console.out("Started a sync folder at \(folder).")
        Console.note(
          "On another device: `sotto sync join \(folder)` with this passphrase, once the sync "
            + "engine has copied the folder there.")
      }
      SyncPrinter.print(outcome, format: format)
    }
  }
}

struct SyncJoinCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "join",
    abstract: "Make this device's journal from a sync folder.",
    discussion: """
      Asks for the folder's passphrase (the one the folder was started with), then for a \
      passphrase for this device's new journal, which may differ. With --passphrase-file \
      (or $SOTTO_PASSPHRASE_FILE) and no --folder-passphrase-file, the one passphrase serves \
      both. The journal is created where --journal or $SOTTO_JOURNAL says, and must not exist.
      """)

  @Argument(help: "The sync folder, as the sync engine copied it here.")
  var folder: String

  @Option(
    name: .customLong("folder-passphrase-file"),
    help: "Read the folder's passphrase from the first line of this file.")
  var folderPassphraseFile: String?

  @Option(
    help: "Key derivation cost for this device's journal: interactive, moderate or sensitive.")
  var kdf: KDFLevel = .moderate

  @Flag(help: "Turn off quick capture on this device.")
  var noQuickCapture = false

  @Option(help: "Output: text or json.")
  var format: OutputFormat = .text

  @OptionGroup var options: JournalOptions

  func run() throws {
    try runReportingErrors {
      let path = try options.path()
      // Refused before any question: typing two passphrases for nothing is unkind.
      try Journal.checkJoinable(folder: folder, at: path)
      let local = options.passphrases
      let folderPassphrase: Passphrase
      let passphrase: Passphrase
      if let folderPassphraseFile {
        folderPassphrase = try PassphraseReader.readFile(folderPassphraseFile)
        passphrase = try local.readNew(prompt: "Choose a passphrase for this device: ")
      } else if local.hasScriptedSource {
        passphrase = try local.readNew()
        folderPassphrase = passphrase
      } else {
        folderPassphrase = try local.read(prompt: "The sync folder's passphrase: ")
        passphrase = try local.readNew(prompt: "Choose a passphrase for this device: ")
      }
      let (_, outcome) = try Journal.join(
        folder: folder, at: path, folderPassphrase: folderPassphrase, passphrase: passphrase,
        kdf: kdf.parameters, quickCapture: !noQuickCapture)
      if format == .text { Console.out("Created your journal at \(path) from \(folder).") }
      SyncPrinter.print(outcome, format: format, joining: true)
    }
  }
}

struct SyncStatusCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "status",
    abstract: "What waits to be sent and received, and which devices the folder has seen.",
    discussion: "Changes nothing, here or in the folder.")

  @Argument(help: "The sync folder.")
  var folder: String

  @Option(help: "Output: text or json.")
  var format: OutputFormat = .text

  @OptionGroup var options: JournalOptions

  func run() throws {
    try runReportingErrors(readOnly: true) {
      let status = try options.unlock().syncStatus(folder: folder)
      let day = ISO8601DateFormatter()
      day.formatOptions = [.withFullDate]
      switch format {
      case .json:
        let object: [String: Any] = [
          "device": status.device, "folder": status.folder, "toSend": status.toSend,
          "toReceive": status.toReceive, "incomplete": status.incomplete,
          "refused": status.refused.map { ["name": $0.name, "reason": $0.reason] },
          "ignored": status.ignored, "conflicts": status.conflicts.map(\.hex),
          "devices": status.devices.map {
            [
              "device": $0.device, "lastFile": $0.seq, "thisDevice": $0.device == status.device,
              "firstSeen": day.string(from: $0.seenAt),
            ] as [String: Any]
          },
        ]
        Console.out(SyncPrinter.json(object))
      case .text:
        Console.out("This device: \(status.device.prefix(8))   folder: \(status.folder.prefix(8))")
        Console.out(
          "To send: \(status.toSend) \(status.toSend == 1 ? "change" : "changes").   To receive: "
            + "\(status.toReceive) \(status.toReceive == 1 ? "file" : "files")"
            + (status.incomplete.isEmpty
              ? "" : " (and \(status.incomplete.count) still being copied)")
            + ".")
        Console.out("Devices seen in the folder:")
        for device in status.devices {
          Console.out(
            "  \(device.device.prefix(8))  last file \(device.seq), \(day.string(from: device.seenAt))"
              + (device.device == status.device ? "  (this device)" : ""))
        }
        if status.devices.isEmpty { Console.out("  none yet") }
        for (name, reason) in status.refused {
          Console.out("Refused: \(name.prefix(16))… \(reason).")
        }
        if status.ignored > 0 {
          Console.out("Other files in the folder (not Sotto's, ignored): \(status.ignored).")
        }
        Console.out(
          status.conflicts.isEmpty
            ? "No entries in conflict."
            : "In conflict (changed on two devices at once): "
              + status.conflicts.map(\.short).joined(separator: ", ")
              + ". Choose with `sotto resolve ID --keep N`.")
      }
    }
  }
}

struct SyncCompactCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compact",
    abstract: "Fold the folder's change files into one, so the folder stops growing.",
    discussion: """
      Syncs first, then writes one snapshot of every entry's versions and deletes the change \
      files this device has applied. A device that had not applied them yet takes the \
      snapshot instead and ends the same. Files refused or still being copied are left.
      """)

  @Argument(help: "The sync folder.")
  var folder: String

  @Option(help: "Output: text or json.")
  var format: OutputFormat = .text

  @OptionGroup var options: JournalOptions

  func run() throws {
    try runReportingErrors {
      let result = try options.unlock().syncCompact(folder: folder)
      switch format {
      case .json:
        Console.out(
          SyncPrinter.json([
            "filesRemoved": result.filesRemoved, "bytesBefore": result.bytesBefore,
            "bytesAfter": result.bytesAfter, "sent": result.sync.sent,
            "filesApplied": result.sync.filesApplied,
          ]))
      case .text:
        SyncPrinter.print(result.sync, format: .text)
        let megabytes = { (bytes: Int) in String(format: "%.1f MB", Double(bytes) / 1e6) }
        Console.out(
          result.filesRemoved == 0
            ? "Nothing to fold: the folder holds at most one file this device has applied."
            : "Folded \(result.filesRemoved) files into one snapshot: "
              + "\(megabytes(result.bytesBefore)) -> \(megabytes(result.bytesAfter)).")
      }
    }
  }
}

struct SyncRekeyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rekey",
    abstract: "Start a new folder key, for when a device is lost or the passphrase known.",
    discussion: """
      Syncs, then asks for a new folder passphrase (it must differ from the current one), \
      writes a new folder key wrapped under it and every entry under the new key, and deletes \
      the old key file and every change file under the old key. A lost device, which holds \
      the old key, can read nothing written under the new key. Each other device asks for the new \
      folder passphrase at its next `sotto sync DIR` (or reads --folder-passphrase-file) and \
      sends its entries again under the new key, so nothing it wrote meanwhile is lost. \
      Old copies of the folder (backups, Syncthing's .stversions) still open with the old \
      passphrase.
      """)

  @Argument(help: "The sync folder.")
  var folder: String

  @Option(
    name: .customLong("folder-passphrase-file"),
    help: "Read the new folder passphrase from the first line of this file.")
  var folderPassphraseFile: String?

  @Option(help: "Output: text or json.")
  var format: OutputFormat = .text

  @OptionGroup var options: JournalOptions

  func run() throws {
    try runReportingErrors {
      let journal = try options.unlock()
      let passphrase = try FolderPassphrase.readNew(
        file: folderPassphraseFile, prompt: "New folder passphrase: ")
      let result = try journal.syncRekey(folder: folder, passphrase: passphrase)
      switch format {
      case .json:
        Console.out(
          SyncPrinter.json([
            "filesRemoved": result.filesRemoved, "sent": result.sync.sent,
            "filesApplied": result.sync.filesApplied,
          ]))
      case .text:
        SyncPrinter.print(result.sync, format: .text)
        Console.out(
          "The folder has a new key, under the new folder passphrase; \(result.filesRemoved) "
            + "\(result.filesRemoved == 1 ? "file" : "files") under the old key were deleted.")
        Console.note(
          "On each other device, run `sotto sync \(folder)` and give the new folder passphrase. "
            + "A device you no longer have cannot read anything written under the new key. Each device "
            + "sends all its entries again under the new key; once all have, `sotto sync compact "
            + "\(folder)` folds them into one file.")
      }
    }
  }
}

struct SyncLeaveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "leave",
    abstract: "Stop syncing this journal (with --all, remove this device's files from the folder).",
    discussion: """
      Syncs once more (so nothing written here stays unsent), then forgets the folder key \
      here. The journal stays, no longer syncing. This device's files in DIR stay until \
      another device runs `sotto sync compact DIR`, which folds them in and deletes them; \
      --all deletes them now, and a device that has not applied them yet then never receives \
      what they carry. Run this before `sotto wipe` on a device you are giving up.
      """)

  @Argument(help: "The sync folder.")
  var folder: String

  @Flag(
    help: "Delete this device's files from the folder now, applied elsewhere or not.")
  var all = false

  @Option(help: "Output: text or json.")
  var format: OutputFormat = .text

  @OptionGroup var options: JournalOptions

  func run() throws {
    try runReportingErrors {
      let result = try options.unlock().syncLeave(folder: folder, everything: all)
      switch format {
      case .json:
        Console.out(
          SyncPrinter.json([
            "filesRemoved": result.filesRemoved, "filesKept": result.filesKept,
            "sent": result.sync.sent, "filesApplied": result.sync.filesApplied,
          ]))
      case .text:
        SyncPrinter.print(result.sync, format: .text)
        let files = { (count: Int) in "\(count) \(count == 1 ? "file" : "files")" }
        Console.out(
          "This journal no longer syncs with \(folder); deleted \(files(result.filesRemoved)) "
            + "of this device's from it.")
        if result.filesKept > 0 {
          Console.out(
            result.otherDevices
              ? "\(files(result.filesKept)) of this device's stay until another device runs "
                + "`sotto sync compact \(folder)`, which folds them in and deletes them."
              : "\(files(result.filesKept)) of this device's stay: no other device has joined "
                + "the folder. If none will, delete the folder itself.")
        }
      }
    }
  }
}

struct ResolveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "resolve",
    abstract: "Choose one version of an entry changed on two devices at once.",
    discussion: """
      Without --keep, lists the versions, numbered: 1 is the one shown. --keep N writes \
      version N over all of them (a deletion too), and the other devices take it at their \
      next sync. Editing the entry (`sotto edit`) also resolves it, in favour of the edit.
      """)

  @Argument(help: "The entry's id, or the first 6 or more digits of it.")
  var id: String

  @Option(help: "The number of the version to keep.")
  var keep: Int?

  @OptionGroup var options: JournalOptions

  func run() throws {
    try runReportingErrors {
      let journal = try options.unlock()
      let entry = try journal.conflictedEntry(matching: id)
      guard let keep else {
        for (number, version) in try journal.openVersions(of: entry).enumerated() {
          Console.out("Version \(number + 1)\(number == 0 ? " (shown)" : ""):")
          if let body = version.entry {
            for line in EntryText.details(body, revision: version.revision) {
              Console.out("  " + line)
            }
          } else {
            Console.out("  deleted (revision \(version.revision))")
          }
        }
        Console.out("Keep one with `sotto resolve \(entry.short) --keep N`.")
        return
      }
      try journal.resolve(entry, keep: keep)
      Console.out("Kept version \(keep) of \(entry.short); the others are gone from this journal.")
    }
  }
}
