import Foundation
import SottoModel
import Testing

@testable import SottoCore

/// Attacks on the sync folder by someone who can read and write it but holds no passphrase
/// (a sync provider, a thief with the USB stick): they can read nothing, and every file they
/// change, forge, replay or bring from elsewhere is refused by name while the rest applies.
@Suite("Sync folder under attack")
struct SyncFolderAttackTests {
  /// Two devices on one folder (shared directly, as a USB stick is), A with two entries sent.
  struct Pair {
    let scratch = TemporaryFolder()
    let a: UnlockedJournal
    let b: UnlockedJournal
    var folder: String { scratch.path + "/sync" }

    init() throws {
      let (_, a) = try Fixtures.newJournal(in: scratch)
      try a.add(.urge(Fixtures.urge), at: Fixtures.time)
      try a.add(.use(Fixtures.use), at: Fixtures.time)
      _ = try a.syncInit(folder: scratch.path + "/sync", passphrase: Fixtures.passphrase())
      self.a = a
      (b, _) = try Journal.join(
        folder: scratch.path + "/sync", at: scratch.path + "/b.db",
        folderPassphrase: Fixtures.passphrase(), passphrase: Fixtures.passphrase("b's own one"),
        kdf: Fixtures.kdf)
    }

    /// A's next change file: an urge added on A and sent.
    func sendOne(note: String = "sent from a") throws -> (name: String, path: String) {
      try a.add(.urge(Urge(intensity: 4, note: note)), at: Fixtures.time)
      let outcome = try a.sync(folder: folder)
      let name = try #require(outcome.wroteFile)
      return (name, folder + "/data/" + name.prefix(2) + "/" + name)
    }
  }

  static func bytes(_ path: String) throws -> [UInt8] {
    [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
  }

  static func put(_ bytes: [UInt8], in folder: String) throws -> String {
    let name = SyncFolder.name(of: bytes)
    let shard = folder + "/data/" + name.prefix(2)
    try FileManager.default.createDirectory(atPath: shard, withIntermediateDirectories: true)
    try Data(bytes).write(to: URL(fileURLWithPath: shard + "/" + name))
    return name
  }

  @Test func theFolderHoldsNoPlaintextAndOnlyPowerOfTwoSizes() throws {
    let pair = try Pair()
    _ = try pair.sendOne(note: "zebrawordsync")
    var files: [String] = []
    let enumerator = FileManager.default.enumerator(atPath: pair.folder)!
    while let relative = enumerator.nextObject() as? String {
      var isDirectory: ObjCBool = false
      let path = pair.folder + "/" + relative
      if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory),
        !isDirectory.boolValue
      {
        files.append(path)
      }
    }
    #expect(files.count == 3)  // the key file and two change files
    for path in files {
      let content = try Self.bytes(path)
      let text = String(decoding: content, as: UTF8.self)
      for secret in ["zebrawordurge", "alcoholsecretword", "zebrawordsync", "payday", "urge"] {
        #expect(!text.contains(secret), "\(secret) readable in \(path)")
      }
      #expect(SyncFolder.name(of: content) == (path as NSString).lastPathComponent)
      let attributes = try FileManager.default.attributesOfItem(atPath: path)
      #expect((attributes[.posixPermissions] as? Int) == 0o600)
      if path.contains("/data/") {
        // 68-byte header and 16-byte tag around a padded plaintext of 4,096 · 2^k bytes.
        let padded = content.count - 68 - 16
        #expect(padded >= 4096 && padded & (padded - 1) == 0, "size \(content.count)")
      } else {
        #expect(content.count == 152)
      }
    }
  }

  @Test func aChangedFileRenamedToItsHashIsRefusedByNameAndTheRestApplies() throws {
    let pair = try Pair()
    let forged = try pair.sendOne(note: "first")
    var content = try Self.bytes(forged.path)
    content[200] ^= 0x01
    try FileManager.default.removeItem(atPath: forged.path)
    let name = try Self.put(content, in: pair.folder)
    _ = try pair.sendOne(note: "second")
    let before = try pair.b.contents().all.count
    let outcome = try pair.b.sync(folder: pair.folder)
    #expect(outcome.refused.map(\.name) == [name])
    #expect(outcome.refused.first?.reason.contains("fails authentication") == true)
    #expect(outcome.filesApplied == 1)
    #expect(try pair.b.contents().all.count == before + 1)
    // Refused again next time, never applied, never a stop.
    #expect(try pair.b.sync(folder: pair.folder).refused.map(\.name) == [name])
  }

  @Test func aTruncatedFileWaitsAsIncompleteUntilItIsWhole() throws {
    let pair = try Pair()
    let file = try pair.sendOne()
    let whole = try Self.bytes(file.path)
    try Data(whole.prefix(100)).write(to: URL(fileURLWithPath: file.path))
    let first = try pair.b.sync(folder: pair.folder)
    #expect(first.incomplete == [file.name])
    #expect(first.refused.isEmpty)
    try Data(whole).write(to: URL(fileURLWithPath: file.path))
    let second = try pair.b.sync(folder: pair.folder)
    #expect(second.incomplete.isEmpty)
    #expect(second.filesApplied == 1)
  }

  @Test func aFileFromAnotherFolderOrAnotherKeyOrJunkIsRefused() throws {
    let pair = try Pair()
    // Another person's folder: a change file sealed under their folder's key.
    let stranger = TemporaryFolder()
    let (_, other) = try Fixtures.newJournal(in: stranger)
    try other.add(.urge(Fixtures.urge), at: Fixtures.time)
    let theirs = try other.syncInit(
      folder: stranger.path + "/sync", passphrase: Fixtures.passphrase())
    let foreign = try Self.bytes(
      stranger.path + "/sync/data/" + theirs.wroteFile!.prefix(2) + "/" + theirs.wroteFile!)
    let foreignName = try Self.put(foreign, in: pair.folder)
    // This folder's header, another key id: what only a forger would write.
    var otherKey = try Self.bytes(try pair.sendOne().path)
    otherKey[30] ^= 0xFF
    let otherKeyName = try Self.put(otherKey, in: pair.folder)
    // Random bytes under a name that is their hash.
    let junkName = try Self.put(Array(repeating: 0x41, count: 5000), in: pair.folder)
    let outcome = try pair.b.sync(folder: pair.folder)
    let reasons = Dictionary(uniqueKeysWithValues: outcome.refused.map { ($0.name, $0.reason) })
    #expect(reasons[foreignName]?.contains("another sync folder") == true)
    #expect(reasons[otherKeyName]?.contains("key this device does not hold") == true)
    #expect(reasons[junkName]?.contains("not a Sotto change file") == true)
    #expect(outcome.filesApplied == 1)
  }

  @Test func aFileFromANewerSottoIsRefusedAsSuchAndTheRestApplies() throws {
    let pair = try Pair()
    let (state, key) = try #require(try pair.a.read { db in try pair.a.readSync(db) })
    // What a later Sotto might write: authentic, under this folder's key, `v` 3.
    let json = Array(#"{"author":"0123456789abcdef","entries":[],"seq":1,"v":3}"#.utf8)
    let newer = try Self.put(
      ChangeFile.seal(json: json, folderID: state.folderID, keyID: state.keyIDBytes, key: key),
      in: pair.folder)
    _ = try pair.sendOne()
    let outcome = try pair.b.sync(folder: pair.folder)
    #expect(outcome.refused.map(\.name) == [newer])
    #expect(outcome.refused.first?.reason.contains("written by a newer Sotto") == true)
    #expect(outcome.filesApplied == 1)
  }

  @Test func aVersion2FileLeavesOutOnlyWhatItSaysElsewhere() throws {
    let pair = try Pair()
    let (state, key) = try #require(try pair.a.read { db in try pair.a.readSync(db) })
    let sent = try pair.sendOne(note: "left out")
    let opened = try ChangeFile.open(
      Self.bytes(sent.path), folderID: state.folderID, keyID: state.keyIDBytes, key: key
    ).get()
    let json = String(decoding: ChangeFile.encode(opened), as: UTF8.self)
    let author = RecordCodec.hex(word: opened.author)
    // The author's own versions name no device, and an entry's id is only inside it.
    #expect(json.contains(#""author":"\#(author)""#))
    #expect(!json.contains(#""device""#))
    #expect(json.components(separatedBy: opened.entries[0].id.hex).count == 2)
    #expect(json.hasSuffix(#""v":2}"#))
    // Another device's version, and an entry of deletions only, keep them.
    var mixed = opened
    mixed.entries[0].versions[0].device = opened.author ^ 1
    mixed.entries.append(
      SyncedEntry(
        id: EntryID(bytes: Array(repeating: 7, count: 16))!,
        versions: [RecordVersion(entry: nil, revision: 2, device: opened.author, hlc: 9)]))
    let both = String(decoding: ChangeFile.encode(mixed), as: UTF8.self)
    #expect(both.contains(#""device":"\#(RecordCodec.hex(word: opened.author ^ 1))""#))
    #expect(both.contains(#""id":"07070707070707070707070707070707""#))
    let bytes = ChangeFile.encode(mixed)
    #expect(try ChangeFile.decode(bytes, count: bytes.count).get() == mixed)
  }

  @Test func aReplayedFileCannotBringADeletedEntryBack() throws {
    let pair = try Pair()
    let file = try pair.sendOne(note: "to be deleted")
    let saved = try Self.bytes(file.path)
    _ = try pair.b.sync(folder: pair.folder)
    let entry = try #require(
      try pair.b.contents().all.first {
        if case .urge(let u) = $0.body { u.note == "to be deleted" } else { false }
      })
    try pair.b.delete(entry.id)
    _ = try pair.b.sync(folder: pair.folder)
    _ = try pair.a.sync(folder: pair.folder)
    #expect(try !pair.a.contents().all.contains { $0.id == entry.id })
    // The holder removes the file, then puts the old copy back (a replay).
    try FileManager.default.removeItem(atPath: file.path)
    _ = try pair.a.sync(folder: pair.folder)
    _ = try pair.b.sync(folder: pair.folder)
    _ = try Self.put(saved, in: pair.folder)
    _ = try pair.a.sync(folder: pair.folder)
    _ = try pair.b.sync(folder: pair.folder)
    #expect(try !pair.a.contents().all.contains { $0.id == entry.id })
    #expect(try !pair.b.contents().all.contains { $0.id == entry.id })
  }

  @Test func syncToolCopiesAndTemporaryFilesAreIgnoredNotDamage() throws {
    let pair = try Pair()
    let file = try pair.sendOne()
    let content = try Data(contentsOf: URL(fileURLWithPath: file.path))
    let shard = (file.path as NSString).deletingLastPathComponent
    for copy in [
      file.name + ".sync-conflict-20261201-101500-ABCDEFG", "~syncthing~" + file.name + ".tmp",
      ".syncthing." + file.name + ".tmp", file.name + " (conflicted copy 2026-12-01 101500)",
      file.name + ".part",
    ] {
      try content.write(to: URL(fileURLWithPath: shard + "/" + copy))
    }
    try Data("x".utf8).write(to: URL(fileURLWithPath: pair.folder + "/.stfolder"))
    let outcome = try pair.b.sync(folder: pair.folder)
    #expect(outcome.refused.isEmpty)
    #expect(outcome.filesApplied == 1)
    #expect(outcome.ignored == 3)  // Syncthing's own temporary names are not even counted
  }

  @Test func concurrentEditsKeepBothVersionsUntilOneIsChosen() throws {
    let pair = try Pair()
    _ = try pair.b.sync(folder: pair.folder)
    let shared = try #require(
      try pair.a.contents().all.first { if case .urge = $0.body { true } else { false } })
    guard case .urge(var urge) = shared.body else {
      Issue.record("not an urge")
      return
    }
    urge.intensity = 9
    let onA = try pair.a.entry(matching: shared.id.hex)
    try pair.a.update(
      StoredEntry(
        entry: Entry(id: shared.id, at: shared.at, body: .urge(urge)), revision: onA.revision))
    urge.intensity = 1
    let onB = try pair.b.entry(matching: shared.id.hex)
    try pair.b.update(
      StoredEntry(
        entry: Entry(id: shared.id, at: shared.at, body: .urge(urge)), revision: onB.revision))
    _ = try pair.a.sync(folder: pair.folder)
    let outcome = try pair.b.sync(folder: pair.folder)
    _ = try pair.a.sync(folder: pair.folder)
    #expect(outcome.conflicts == [shared.id])
    let intensities = { (journal: UnlockedJournal) throws -> [Int] in
      try journal.openVersions(of: shared.id).map {
        if case .urge(let u) = $0.entry?.body { u.intensity } else { -1 }
      }
    }
    #expect(try intensities(pair.a) == intensities(pair.b))
    #expect(try Set(intensities(pair.a)) == [9, 1])
    #expect(try pair.a.entry(matching: shared.id.hex).otherVersions.count == 1)
    // Choosing on A ends it everywhere.
    let second = try intensities(pair.a)[1]
    try pair.a.resolve(shared.id, keep: 2)
    _ = try pair.a.sync(folder: pair.folder)
    _ = try pair.b.sync(folder: pair.folder)
    for journal in [pair.a, pair.b] {
      #expect(try intensities(journal) == [second])
      #expect(try journal.conflictedEntries().isEmpty)
    }
  }

  @Test func aDeletionConcurrentWithAnEditKeepsTheEdit() throws {
    let pair = try Pair()
    _ = try pair.b.sync(folder: pair.folder)
    let shared = try #require(
      try pair.a.contents().all.first { if case .urge = $0.body { true } else { false } })
    try pair.a.delete(shared.id)
    guard case .urge(var urge) = shared.body else { return }
    urge.note = "edited later on b"
    let onB = try pair.b.entry(matching: shared.id.hex)
    try pair.b.update(
      StoredEntry(
        entry: Entry(id: shared.id, at: shared.at, body: .urge(urge)), revision: onB.revision))
    _ = try pair.a.sync(folder: pair.folder)
    _ = try pair.b.sync(folder: pair.folder)
    _ = try pair.a.sync(folder: pair.folder)
    for journal in [pair.a, pair.b] {
      let versions = try journal.openVersions(of: shared.id)
      #expect(versions.count == 2)
      #expect(versions.contains { $0.entry == nil })
      #expect(
        versions.contains {
          if case .urge(let u) = $0.entry?.body { u.note == "edited later on b" } else { false }
        })
      #expect(try journal.conflictedEntries() == [shared.id])
    }
  }

  @Test func passwdOnOneDeviceLocksNoOneOut() throws {
    let pair = try Pair()
    try pair.b.changePassphrase(to: Fixtures.passphrase("b changed its passphrase"))
    let b = try Journal.open(at: pair.scratch.path + "/b.db").unlock(
      Fixtures.passphrase("b changed its passphrase"))
    _ = try pair.sendOne(note: "after passwd")
    let outcome = try b.sync(folder: pair.folder)
    #expect(outcome.filesApplied == 1)
    // A third device still joins with the folder's passphrase.
    let (c, _) = try Journal.join(
      folder: pair.folder, at: pair.scratch.path + "/c.db", folderPassphrase: Fixtures.passphrase(),
      passphrase: Fixtures.passphrase("c's passphrase here"), kdf: Fixtures.kdf)
    _ = try b.sync(folder: pair.folder)
    _ = try c.sync(folder: pair.folder)
    #expect(try c.contents().all.count == pair.a.contents().all.count)
    #expect(try b.contents().all.count == pair.a.contents().all.count)
  }

  @Test func aWrongFolderPassphraseCreatesNoJournal() throws {
    let pair = try Pair()
    let path = pair.scratch.path + "/c.db"
    #expect {
      try Journal.join(
        folder: pair.folder, at: path, folderPassphrase: Fixtures.passphrase("not the one"),
        passphrase: Fixtures.passphrase("c's passphrase here"), kdf: Fixtures.kdf)
    } throws: { ($0 as? SottoError)?.code == .wrongPassphrase }
    #expect(!FileManager.default.fileExists(atPath: path))
  }

  @Test func aJournalRestoredFromAnOlderCopyGetsItsLostEntriesBack() throws {
    let pair = try Pair()
    let path = pair.scratch.path + "/journal.db"
    pair.a.checkpoint()
    let copy = pair.scratch.path + "/old-copy.db"
    try FileManager.default.copyItem(atPath: path, toPath: copy)
    _ = try pair.sendOne(note: "sent after the copy")
    // The device loses its journal and goes back to the copy.
    let restored = try Journal.open(at: copy).unlock(Fixtures.passphrase())
    let outcome = try restored.sync(folder: pair.folder)
    #expect(outcome.warnings.contains { $0.contains("older than the sync folder") })
    #expect(
      try restored.contents().all.contains {
        if case .urge(let u) = $0.body { u.note == "sent after the copy" } else { false }
      })
    // Its next file is numbered after the folder's highest, not over it.
    try restored.add(.urge(Urge(intensity: 2)), at: Fixtures.time)
    let next = try restored.sync(folder: pair.folder)
    let state = try restored.read { db in try restored.readSync(db)!.state }
    #expect(state.seen[next.wroteFile!]?.seq == 3)
  }

  /// Compaction folds the files into one snapshot, and a device that had applied none of
  /// them catches up from it alone, with no false warning that the folder went back.
  @Test func compactionLeavesOneFileThatALaggingDeviceCatchesUpFrom() throws {
    let pair = try Pair()
    _ = try pair.b.sync(folder: pair.folder)
    // C joins now but then stays away while A and B go on.
    let (c, _) = try Journal.join(
      folder: pair.folder, at: pair.scratch.path + "/c.db", folderPassphrase: Fixtures.passphrase(),
      passphrase: Fixtures.passphrase("c's passphrase here"), kdf: Fixtures.kdf)
    let shared = try pair.b.contents().all[0]
    for note in ["one", "two", "three"] { _ = try pair.sendOne(note: note) }
    try pair.b.delete(shared.id)
    _ = try pair.b.sync(folder: pair.folder)
    let compaction = try pair.a.syncCompact(folder: pair.folder)
    #expect(compaction.filesRemoved == 5)  // init, three sends, B's deletion
    #expect(compaction.bytesAfter < compaction.bytesBefore)
    #expect(SyncFolder(path: pair.folder).dataFiles().files.count == 1)
    let caughtUp = try c.sync(folder: pair.folder)
    #expect(caughtUp.filesApplied == 1)
    #expect(caughtUp.warnings.isEmpty, "\(caughtUp.warnings)")
    let bSync = try pair.b.sync(folder: pair.folder)
    #expect(bSync.warnings.isEmpty, "\(bSync.warnings)")
    for journal in [pair.b, c] {
      #expect(try journal.canonicalHeads() == pair.a.canonicalHeads())
      #expect(try !journal.contents().all.contains { $0.id == shared.id })
    }
    // And it goes on: a change after the snapshot still arrives.
    _ = try pair.sendOne(note: "after compaction")
    _ = try c.sync(folder: pair.folder)
    #expect(try c.canonicalHeads() == pair.a.canonicalHeads())
  }
}
