import Foundation
import Testing

/// `sotto sync` from the real binary, as the README's two-device set-up runs it.
@Suite("sync from the command line")
struct SyncCLITests {
  /// Two devices: A's journal and folder in one runner, B's journal (own passphrase) in another
  /// runner that reaches the same folder, as a USB stick or a shared folder would.
  struct Devices {
    let a = CLIRunner()
    let b = CLIRunner()
    var folder: String { a.folder + "/Sync/sotto" }
    static let bPassphrase = "quiet harbor lantern maple"

    init() throws {
      try a.initJournal()
      b.write(b.passphraseFile, Self.bPassphrase + "\n")
    }

    func joinB() throws -> CLIRunner.Result {
      try b.run([
        "sync", "join", folder, "--kdf", "interactive", "--folder-passphrase-file",
        a.passphraseFile,
      ])
    }

    func json(_ result: CLIRunner.Result) throws -> [String: Any] {
      try #require(
        try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any],
        "not JSON: \(result.stdout) \(result.stderr)")
    }

    func list(_ runner: CLIRunner) throws -> String {
      let result = try runner.run(["list", "--format", "json"])
      #expect(result.status == 0, "\(result.stderr)")
      return result.stdout
    }
  }

  @Test func twoDevicesWithTheirOwnPassphrasesBecomeOneJournal() throws {
    let devices = try Devices()
    let (a, b) = (devices.a, devices.b)
    #expect(try a.run(["urge", "6", "--trigger", "payday", "--resisted"]).status == 0)
    #expect(try a.run(["use", "alcohol", "2", "drinks"]).status == 0)
    let started = try a.run(["sync", "init", devices.folder, "--format", "json"])
    #expect(started.status == 0, "\(started.stderr)")
    #expect(try devices.json(started)["sent"] as? Int == 2)
    let joined = try devices.joinB()
    #expect(joined.status == 0, "\(joined.stderr)")
    #expect(joined.stdout.contains("Received 1 file: 2 entries changed here."))
    #expect(try b.run(["urge", "3", "--trigger", "boredom"]).status == 0)
    let sent = try b.run(["sync", devices.folder])
    #expect(sent.status == 0)
    #expect(sent.stdout.contains("Sent 1 change."))
    let received = try a.run(["sync", devices.folder, "--format", "json"])
    #expect(try devices.json(received)["filesApplied"] as? Int == 1)
    #expect(try devices.list(a) == devices.list(b))
    // Nothing new: no file written, nothing applied.
    let again = try a.run(["sync", "now", devices.folder, "--format", "json"])
    let nothing = try devices.json(again)
    #expect(nothing["sent"] as? Int == 0)
    #expect(nothing["wroteFile"] is NSNull)
    #expect(nothing["filesApplied"] as? Int == 0)
    let status = try b.run(["sync", "status", devices.folder, "--format", "json"])
    #expect(status.status == 0, "\(status.stderr)")
    let report = try devices.json(status)
    #expect(report["toSend"] as? Int == 0)
    #expect(report["toReceive"] as? Int == 0)
    #expect((report["devices"] as? [[String: Any]])?.count == 2)
    let text = try b.run(["sync", "status", devices.folder])
    #expect(text.stdout.contains("(this device)"))
    #expect(text.stdout.contains("No entries in conflict."))
    // Compaction folds A's and B's files into one; B still syncs, with nothing to take.
    let compacted = try a.run(["sync", "compact", devices.folder, "--format", "json"])
    #expect(compacted.status == 0, "\(compacted.stderr)")
    #expect(try devices.json(compacted)["filesRemoved"] as? Int == 2)
    let afterCompaction = try b.run(["sync", devices.folder])
    #expect(afterCompaction.status == 0)
    #expect(afterCompaction.stderr.isEmpty, "\(afterCompaction.stderr)")
    #expect(try devices.list(a) == devices.list(b))
    let again2 = try a.run(["sync", "compact", devices.folder])
    #expect(again2.stdout.contains("Nothing to fold"))
    // B's own passphrase opens B; A's does not.
    #expect(
      try b.run(["list"], environment: ["SOTTO_PASSPHRASE_FILE": a.passphraseFile]).status == 2)
  }

  @Test func aConflictIsShownAndResolvedFromTheCommandLine() throws {
    let devices = try Devices()
    let (a, b) = (devices.a, devices.b)
    let logged = try a.run(["urge", "6", "--trigger", "payday"])
    let id = String(logged.stdout.split(separator: " ")[2])
    #expect(try a.run(["sync", "init", devices.folder]).status == 0)
    #expect(try devices.joinB().status == 0)
    #expect(try a.run(["edit", id, "--intensity", "8"]).status == 0)
    #expect(try b.run(["edit", id, "--intensity", "4"]).status == 0)
    #expect(try a.run(["sync", devices.folder]).status == 0)
    let met = try b.run(["sync", devices.folder])
    #expect(met.stdout.contains("changed on two devices at once; both versions are kept: \(id)"))
    #expect(try a.run(["sync", devices.folder]).status == 0)
    #expect(try devices.list(a) == devices.list(b))
    for runner in [a, b] {
      // Scripts see it too: `"conflict": true` on that entry alone, in list and show.
      let json = try runner.run(["list", "--format", "json"])
      let entries = try #require(
        try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
      #expect(
        entries.filter { $0["conflict"] as? Bool == true }.compactMap { $0["id"] as? String }
          .map { String($0.prefix(id.count)) } == [id])
      #expect(
        try runner.run(["show", id, "--format", "json"]).stdout.contains(#""conflict" : true"#))
      let listed = try runner.run(["list"])
      #expect(listed.stdout.contains("[conflict]"))
      #expect(listed.stderr.contains("`sotto resolve ID` shows the versions"))
      let shown = try runner.run(["show", id])
      #expect(shown.stdout.contains("1 other version is kept beside this one"))
      let versions = try runner.run(["resolve", id])
      #expect(versions.stdout.contains("intensity: 8/10"))
      #expect(versions.stdout.contains("intensity: 4/10"))
    }
    let bad = try a.run(["resolve", id, "--keep", "3"])
    #expect(bad.status == 64)
    #expect(bad.stderr.contains("choose --keep 1 to 2"))
    let kept = try a.run(["resolve", id, "--keep", "2"])
    #expect(kept.status == 0, "\(kept.stderr)")
    #expect(try a.run(["sync", devices.folder]).status == 0)
    #expect(try b.run(["sync", devices.folder]).status == 0)
    #expect(try !b.run(["show", id]).stdout.contains("other version"))
    #expect(try !b.run(["list"]).stdout.contains("[conflict]"))
    #expect(try !b.run(["list", "--format", "json"]).stdout.contains(#""conflict""#))
    #expect(try devices.list(a) == devices.list(b))
    #expect(try a.run(["resolve", id]).status == 10)
  }

  @Test func badFoldersAndPassphrasesAreRefusedWithTheirExitStatus() throws {
    let devices = try Devices()
    let (a, b) = (devices.a, devices.b)
    // Not set up yet.
    let notYet = try a.run(["sync", devices.folder])
    #expect(notYet.status == 13)
    #expect(notYet.stderr.contains("This journal does not sync (it never did"))
    // A folder that is not empty.
    let busy = a.folder + "/busy"
    try FileManager.default.createDirectory(atPath: busy, withIntermediateDirectories: true)
    a.write(busy + "/holiday.jpg", "x")
    let refused = try a.run(["sync", "init", busy])
    #expect(refused.status == 13)
    #expect(refused.stderr.contains("is not empty"))
    #expect(try a.run(["sync", "init", devices.folder]).status == 0)
    // Twice.
    #expect(try a.run(["sync", "init", a.folder + "/other"]).status == 13)
    // Another folder, or none.
    #expect(try a.run(["sync", busy]).status == 13)
    let other = CLIRunner()
    try other.initJournal()
    #expect(try other.run(["sync", "init", other.folder + "/theirs"]).status == 0)
    let foreign = try a.run(["sync", other.folder + "/theirs"])
    #expect(foreign.status == 13)
    #expect(foreign.stderr.contains("is not this journal's sync folder"))
    // The wrong folder passphrase makes no journal.
    b.write(b.folder + "/wrong", "not the folder's passphrase at all\n")
    let wrong = try b.run([
      "sync", "join", devices.folder, "--kdf", "interactive", "--folder-passphrase-file",
      b.folder + "/wrong",
    ])
    #expect(wrong.status == 2)
    #expect(!FileManager.default.fileExists(atPath: b.journal))
    // A folder that is not one is refused before any passphrase is asked for.
    let missing = try b.run(["sync", "join", b.folder + "/nothing-here"], scripted: false)
    #expect(missing.status == 13, "\(missing.stderr)")
    #expect(missing.stderr.contains("is not a Sotto sync folder"))
    // Joining over an existing journal.
    #expect(try a.run(["sync", "join", devices.folder]).status == 5)
    // Every subcommand has help.
    for sub in ["init", "join", "status", "now", "compact"] {
      let help = try a.run(["sync", sub, "--help"])
      #expect(help.status == 0)
      #expect(help.stdout.contains("USAGE: sotto sync"))
    }
    #expect(try a.run(["resolve", "--help"]).status == 0)
  }

  @Test func rekeyThenTheOtherDeviceTakesTheNewKeyThenLeaves() throws {
    let devices = try Devices()
    let (a, b) = (devices.a, devices.b)
    #expect(try a.run(["urge", "5", "--unlock"]).status == 0)
    #expect(try a.run(["sync", "init", devices.folder]).status == 0)
    #expect(try devices.joinB().status == 0)
    let fresh = a.folder + "/new-folder-passphrase"
    a.write(fresh, "juniper canal whistle ochre\n")
    b.write(b.folder + "/new-folder-passphrase", "juniper canal whistle ochre\n")
    // Without a terminal (setsid: no controlling one) and without a file, nothing happens.
    let noTerminal = try a.run(
      ["--wait", CLIRunner.binary, "sync", "rekey", devices.folder], tool: "/usr/bin/setsid")
    #expect(noTerminal.status == 9, "\(noTerminal.stderr)")
    #expect(noTerminal.stderr.contains("--folder-passphrase-file"))
    // The current folder passphrase is refused.
    let same = try a.run([
      "sync", "rekey", devices.folder, "--folder-passphrase-file", a.passphraseFile,
    ])
    #expect(same.status == 9)
    #expect(same.stderr.contains("current passphrase"))
    let rekeyed = try a.run([
      "sync", "rekey", devices.folder, "--folder-passphrase-file", fresh, "--format", "json",
    ])
    #expect(rekeyed.status == 0, "\(rekeyed.stderr)")
    #expect(try devices.json(rekeyed)["filesRemoved"] as? Int == 2)
    #expect(try b.run(["urge", "7", "--unlock"]).status == 0)
    // B: told, then a wrong passphrase changes nothing, then the new one.
    #expect(try b.run(["sync", "status", devices.folder]).status == 13)
    let wrong = try b.run([
      "sync", devices.folder, "--folder-passphrase-file", b.passphraseFile,
    ])
    #expect(wrong.status == 2)
    #expect(wrong.stderr.contains("key was changed on another device"))
    let took = try b.run([
      "sync", devices.folder, "--folder-passphrase-file", b.folder + "/new-folder-passphrase",
    ])
    #expect(took.status == 0, "\(took.stderr)")
    #expect(took.stdout.contains("Took the folder's new key"))
    #expect(try a.run(["sync", devices.folder]).status == 0)
    #expect(try devices.list(a) == devices.list(b))
    let entries = try JSONSerialization.jsonObject(with: Data(devices.list(a).utf8)) as? [Any]
    #expect(entries?.count == 2)
    // B leaves: its file stays for A until A compacts; B no longer syncs.
    let left = try b.run(["sync", "leave", devices.folder, "--format", "json"])
    #expect(left.status == 0, "\(left.stderr)")
    #expect(try devices.json(left)["filesKept"] as? Int == 1)
    #expect(try b.run(["sync", devices.folder]).status == 13)
    #expect(try b.run(["list"]).status == 0)
    for sub in ["rekey", "leave"] {
      let help = try a.run(["sync", sub, "--help"])
      #expect(help.status == 0)
      #expect(help.stdout.contains("USAGE: sotto sync \(sub)"))
    }
  }

  @Test func passwdOnOneDeviceKeepsSyncWorkingEverywhere() throws {
    let devices = try Devices()
    let (a, b) = (devices.a, devices.b)
    #expect(try a.run(["urge", "5"]).status == 0)
    #expect(try a.run(["sync", "init", devices.folder]).status == 0)
    #expect(try devices.joinB().status == 0)
    b.write(b.folder + "/new", "a brand new passphrase for b\n")
    let changed = try b.run(
      ["passwd", "--kdf", "interactive", "--new-passphrase-file", b.folder + "/new"])
    #expect(changed.status == 0, "\(changed.stderr)")
    b.write(b.passphraseFile, "a brand new passphrase for b\n")
    #expect(try a.run(["urge", "2"]).status == 0)
    #expect(try a.run(["sync", devices.folder]).status == 0)
    let synced = try b.run(["sync", devices.folder])
    #expect(synced.status == 0, "\(synced.stderr)")
    #expect(synced.stdout.contains("Received 1 file"))
    #expect(try devices.list(a) == devices.list(b))
  }

  /// Docs/SYNC.md is enough to read the folder: the independent reader, given only the folder
  /// and its passphrase, finds the entries, the deletion and the conflict the binary shows.
  @Test func theIndependentReaderReadsTheFolderAsTheBinaryDoes() throws {
    let devices = try Devices()
    let (a, b) = (devices.a, devices.b)
    for arguments in [["urge", "6", "--trigger", "payday"], ["use", "alcohol", "2", "drinks"]] {
      #expect(try a.run(arguments).status == 0)
    }
    #expect(try a.run(["sync", "init", devices.folder]).status == 0)
    #expect(try devices.joinB().status == 0)
    let ids = try JSONSerialization.jsonObject(with: Data(devices.list(a).utf8)) as! [[String: Any]]
    let first = ids[0]["id"] as! String
    let second = ids[1]["id"] as! String
    #expect(try a.run(["edit", first, "--note", "from a"]).status == 0)
    #expect(try b.run(["edit", first, "--note", "from b"]).status == 0)
    #expect(try b.run(["delete", second, "--yes"]).status == 0)
    #expect(try b.run(["urge", "2"]).status == 0)
    for runner in [a, b, a] { #expect(try runner.run(["sync", devices.folder]).status == 0) }

    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "python3", root.appendingPathComponent("Scripts/read-sync-folder.py").path,
      devices.folder, a.passphraseFile,
    ]
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let read = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let readEntries = try #require(read["entries"] as? [[String: Any]])
    let listed =
      try JSONSerialization.jsonObject(with: Data(devices.list(a).utf8)) as! [[String: Any]]
    #expect(Set(readEntries.map { $0["id"] as! String }) == Set(listed.map { $0["id"] as! String }))
    #expect(read["conflicts"] as? [String] == [first])
    #expect(read["deleted"] as? [String] == [second])
    #expect((read["refused"] as? [String])?.isEmpty == true)
    let shownNote = { (entries: [[String: Any]]) -> String? in
      guard let entry = entries.first(where: { ($0["id"] as? String) == first }) else {
        return nil
      }
      return ((entry["urge"] ?? entry["use"]) as? [String: Any])?["note"] as? String
    }
    #expect(shownNote(readEntries) != nil)
    #expect(shownNote(readEntries) == shownNote(listed))
  }
}
