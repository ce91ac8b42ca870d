import Foundation
import SottoCrypto
import SottoModel
import Testing

@testable import SottoCore

/// `sync rekey` against the device it is for, a lost one that keeps the old folder key and the
/// old folder passphrase; and `sync leave`. Each device here has its own copy of the folder, and
/// the test carries files between the copies as a sync engine would, late where it matters.
@Suite("Sync: a new folder key, and leaving")
struct SyncKeyTests {
  static let newFolderPassphrase = "a new folder passphrase after the loss"

  /// Three devices on one folder: A (which rekeys), B (which stays) and C (the lost one).
  struct Trio {
    let scratch = TemporaryFolder()
    let a: UnlockedJournal
    let b: UnlockedJournal
    let c: UnlockedJournal
    var folder: String { scratch.path + "/sync" }

    init() throws {
      let (_, a) = try Fixtures.newJournal(in: scratch)
      try a.add(.urge(Urge(intensity: 3, note: "before the loss")), at: Fixtures.time)
      _ = try a.syncInit(folder: scratch.path + "/sync", passphrase: Fixtures.passphrase())
      self.a = a
      var joined: [UnlockedJournal] = []
      for name in ["b", "c"] {
        joined.append(
          try Journal.join(
            folder: scratch.path + "/sync", at: scratch.path + "/\(name).db",
            folderPassphrase: Fixtures.passphrase(),
            passphrase: Fixtures.passphrase("\(name)'s own passphrase"), kdf: Fixtures.kdf
          ).journal)
      }
      b = joined[0]
      c = joined[1]
    }

    func notes(_ journal: UnlockedJournal) throws -> Set<String> {
      Set(
        try journal.contents().all.compactMap {
          if case .urge(let urge) = $0.body { urge.note } else { nil }
        })
    }

    /// Every regular file under `folder`, relative to it.
    static func files(in folder: String) -> Set<String> {
      var found: Set<String> = []
      let enumerator = FileManager.default.enumerator(atPath: folder)
      while let relative = enumerator?.nextObject() as? String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(
          atPath: folder + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue
        {
          found.insert(relative)
        }
      }
      return found
    }
  }

  @Test func aLostDeviceReadsNothingWrittenAfterTheRekeyAndItsFilesAreRefused() throws {
    let trio = try Trio()
    // What the thief holds: C's copy of the folder key (and the old folder passphrase).
    let (_, oldKey) = try #require(try trio.c.read { db in try trio.c.readSync(db) })
    let rekeyed = try trio.a.syncRekey(
      folder: trio.folder, passphrase: Fixtures.passphrase(Self.newFolderPassphrase))
    #expect(rekeyed.filesRemoved == 2)  // the first change file and the old key file
    try trio.a.add(.urge(Urge(intensity: 8, note: "after the loss")), at: Fixtures.time)
    _ = try trio.a.sync(folder: trio.folder)
    // B takes the new key; C cannot, with the old passphrase or its old key.
    #expect(try trio.b.folderKeyReplaced(folder: trio.folder))
    _ = try trio.b.adoptFolderKey(
      folder: trio.folder, passphrase: Fixtures.passphrase(Self.newFolderPassphrase))
    #expect(try trio.notes(trio.b) == ["before the loss", "after the loss"])
    #expect {
      try trio.c.adoptFolderKey(folder: trio.folder, passphrase: Fixtures.passphrase())
    } throws: { ($0 as? SottoError)?.code == .wrongPassphrase }
    #expect {
      try trio.c.sync(folder: trio.folder)
    } throws: { ($0 as? SottoError)?.code == .syncFolder }
    let (state, _) = try #require(try trio.a.read { db in try trio.a.readSync(db) })
    for name in Trio.files(in: trio.folder) where name.hasPrefix("data/") {
      let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: trio.folder + "/" + name)))
      #expect(throws: ChangeFile.Refusal.self) {
        try ChangeFile.open(
          bytes, folderID: state.folderID, keyID: Array(bytes[28..<44]),
          key: oldKey
        ).get()
      }
    }
    // The thief writes under the old key, with the folder id it knows: refused by name.
    let forged = ChangeFile.seal(
      ChangeSet(author: 42, seq: 1, entries: []), folderID: state.folderID,
      keyID: try #require(try trio.c.read { db in try trio.c.readSync(db) }).state.keyIDBytes,
      key: oldKey)
    let name = try SyncFolder(path: trio.folder).write(forged)
    let outcome = try trio.b.sync(folder: trio.folder)
    #expect(outcome.refused.map(\.name) == [name])
    #expect(outcome.refused.first?.reason.contains("key this device does not hold") == true)
  }

  /// What the lost device can still do with the old key and folder id: write change files
  /// under the old key, and put the old key file back. Neither is applied, nor keeps another
  /// device on the old key.
  @Test func theLostDevicesOldKeyFilesAreNeitherAppliedNorObeyed() throws {
    let trio = try Trio()
    let (cState, oldKey) = try #require(try trio.c.read { db in try trio.c.readSync(db) })
    let oldKeyFile = try #require(
      UnlockedJournal.keyFiles(in: SyncFolder(path: trio.folder)).first)
    _ = try trio.a.syncRekey(
      folder: trio.folder, passphrase: Fixtures.passphrase(Self.newFolderPassphrase))
    // Before B takes the new key: a forged entry under the old key, and the old key file back.
    let planted = Entry(
      id: EntryID(bytes: Array(repeating: 0x5A, count: 16))!, at: Fixtures.time,
      body: .urge(Urge(intensity: 9, note: "planted by the thief")))
    let forged = ChangeFile.seal(
      ChangeSet(
        author: 0x1234, seq: 1,
        entries: [
          SyncedEntry(
            id: planted.id,
            versions: [RecordVersion(entry: planted, revision: 1, device: 0x1234, hlc: 1 << 40)])
        ]),
      folderID: cState.folderID, keyID: cState.keyIDBytes, key: oldKey)
    let folder = SyncFolder(path: trio.folder)
    try folder.write(forged)
    try folder.write(oldKeyFile.bytes, key: true)
    // B still sees the new key, and sends nothing under the old one.
    #expect(try trio.b.folderKeyReplaced(folder: trio.folder))
    #expect {
      try trio.b.sync(folder: trio.folder)
    } throws: { ($0 as? SottoError)?.code == .syncFolder }
    _ = try trio.b.adoptFolderKey(
      folder: trio.folder, passphrase: Fixtures.passphrase(Self.newFolderPassphrase))
    _ = try trio.a.sync(folder: trio.folder)
    for journal in [trio.a, trio.b] {
      #expect(try !trio.notes(journal).contains("planted by the thief"))
      #expect(try trio.notes(journal) == ["before the loss"])
    }
    // The old key file and the forged file are gone again (B's taking deleted them; A's next
    // sync would have too).
    let left = Trio.files(in: trio.folder)
    #expect(!left.contains("keys/" + (oldKeyFile.name ?? "")))
    #expect(left.filter { $0.hasPrefix("keys/") }.count == 1)
  }

  /// A rekey stopped after the switch, before the old key's files were deleted: the next sync
  /// on that device deletes them, and the other device is asked for the new key all the same.
  @Test func whatARekeyLeftOfTheOldKeyGoesAtTheNextSync() throws {
    let trio = try Trio()
    let before = Trio.files(in: trio.folder)
    let saved = try before.map {
      ($0, try Data(contentsOf: URL(fileURLWithPath: trio.folder + "/" + $0)))
    }
    _ = try trio.a.syncRekey(
      folder: trio.folder, passphrase: Fixtures.passphrase(Self.newFolderPassphrase))
    for (name, bytes) in saved {
      try bytes.write(to: URL(fileURLWithPath: trio.folder + "/" + name))
    }
    #expect(try trio.b.folderKeyReplaced(folder: trio.folder))
    _ = try trio.a.sync(folder: trio.folder)
    #expect(Trio.files(in: trio.folder).isDisjoint(with: before))
  }

  /// A rekey stopped after writing the new key file, before this journal switched to it: the
  /// rekeying device is asked for the new key like every other, and its own passphrase takes it.
  @Test func aRekeyStoppedBeforeItsSwitchIsTakenWithItsOwnPassphrase() throws {
    let trio = try Trio()
    let (state, _) = try #require(try trio.a.read { db in try trio.a.readSync(db) })
    let orphan = try FolderKeyFile(
      folderKey: try SecureBytes.random(count: Vault.keyBytes), folderID: state.folderID,
      keyID: SecureRandom.bytes(16), passphrase: Fixtures.passphrase(Self.newFolderPassphrase),
      kdf: Fixtures.kdf)
    try SyncFolder(path: trio.folder).write(orphan.bytes, key: true)
    try trio.a.add(.urge(Urge(intensity: 4, note: "after the crash")), at: Fixtures.time)
    #expect(try trio.a.folderKeyReplaced(folder: trio.folder))
    #expect {
      try trio.a.sync(folder: trio.folder)
    } throws: { ($0 as? SottoError)?.code == .syncFolder }
    for journal in [trio.a, trio.b] {
      _ = try journal.adoptFolderKey(
        folder: trio.folder, passphrase: Fixtures.passphrase(Self.newFolderPassphrase))
    }
    _ = try trio.a.sync(folder: trio.folder)
    let expected: Set = ["before the loss", "after the crash"]
    #expect(try trio.notes(trio.a) == expected)
    #expect(try trio.notes(trio.b) == expected)
    #expect(
      Trio.files(in: trio.folder).filter { $0.hasPrefix("keys/") } == [
        "keys/" + SyncFolder.name(of: orphan.bytes)
      ])
  }

  @Test func theCurrentPassphraseIsRefusedAndNothingChanges() throws {
    let trio = try Trio()
    let before = Trio.files(in: trio.folder)
    #expect {
      try trio.a.syncRekey(folder: trio.folder, passphrase: Fixtures.passphrase())
    } throws: { ($0 as? SottoError)?.code == .weakPassphrase }
    #expect(Trio.files(in: trio.folder) == before)
    #expect(try !trio.b.folderKeyReplaced(folder: trio.folder))
    #expect {
      try trio.b.adoptFolderKey(folder: trio.folder, passphrase: Fixtures.passphrase("wrong"))
    } throws: { ($0 as? SottoError)?.code == .wrongPassphrase }
  }

  /// B's copy of the folder lags: B writes under the old key after A rekeyed, and that file
  /// reaches A's copy only later. Nothing B wrote is lost, and the old key's files all go.
  @Test func aDeviceThatWroteUnderTheOldKeyMeanwhileLosesNothing() throws {
    let trio = try Trio()
    let bFolder = trio.scratch.path + "/b-copy"
    try FileManager.default.copyItem(atPath: trio.folder, toPath: bFolder)
    _ = try trio.a.syncRekey(
      folder: trio.folder, passphrase: Fixtures.passphrase(Self.newFolderPassphrase))
    try trio.b.add(.urge(Urge(intensity: 6, note: "written on b meanwhile")), at: Fixtures.time)
    let late = try #require(try trio.b.sync(folder: bFolder).wroteFile)
    // The engine brings B's late file to A's copy, and A's new files to B's, deleting there
    // what A deleted.
    let latePath = "data/" + late.prefix(2) + "/" + late
    try FileManager.default.createDirectory(
      atPath: trio.folder + "/data/" + late.prefix(2), withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      atPath: bFolder + "/" + latePath, toPath: trio.folder + "/" + latePath)
    let refusedByA = try trio.a.sync(folder: trio.folder)
    #expect(refusedByA.refused.map(\.name) == [late])
    try FileManager.default.removeItem(atPath: bFolder)
    try FileManager.default.copyItem(atPath: trio.folder, toPath: bFolder)
    _ = try trio.b.adoptFolderKey(
      folder: bFolder, passphrase: Fixtures.passphrase(Self.newFolderPassphrase))
    #expect(!FileManager.default.fileExists(atPath: bFolder + "/" + latePath))
    try FileManager.default.removeItem(atPath: trio.folder)
    try FileManager.default.copyItem(atPath: bFolder, toPath: trio.folder)
    let applied = try trio.a.sync(folder: trio.folder)
    #expect(applied.refused.isEmpty)
    let expected: Set = ["before the loss", "written on b meanwhile"]
    #expect(try trio.notes(trio.a) == expected)
    #expect(try trio.notes(trio.b) == expected)
    // Only the new key's files are left: its key file, A's snapshot and B's.
    let left = Trio.files(in: trio.folder)
    #expect(left.filter { $0.hasPrefix("keys/") }.count == 1)
    #expect(left.filter { $0.hasPrefix("data/") }.count == 2)
  }

  @Test func leavingForgetsTheFolderAndKeepsItsFilesUnlessAskedForAll() throws {
    let trio = try Trio()
    try trio.b.add(.urge(Urge(intensity: 2, note: "from b")), at: Fixtures.time)
    let own = try #require(try trio.b.sync(folder: trio.folder).wroteFile)
    let left = try trio.b.syncLeave(folder: trio.folder)
    // No other device has folded B's file in: it stays, for A and C to apply.
    #expect(left.filesRemoved == 0 && left.filesKept == 1 && left.otherDevices)
    #expect(Trio.files(in: trio.folder).contains("data/" + own.prefix(2) + "/" + own))
    #expect(try !trio.b.syncs)
    #expect {
      try trio.b.sync(folder: trio.folder)
    } throws: { ($0 as? SottoError)?.code == .syncFolder }
    _ = try trio.c.sync(folder: trio.folder)
    #expect(try trio.notes(trio.c).contains("from b"))
    // C leaves with --all: its own files go at once, even those nobody applied.
    try trio.c.add(.urge(Urge(intensity: 1, note: "from c, never applied")), at: Fixtures.time)
    let cFile = try #require(try trio.c.sync(folder: trio.folder).wroteFile)
    let gone = try trio.c.syncLeave(folder: trio.folder, everything: true)
    #expect(gone.filesRemoved == 1 && gone.filesKept == 0)
    #expect(!Trio.files(in: trio.folder).contains("data/" + cFile.prefix(2) + "/" + cFile))
    // A's compaction folds B's remaining file in and deletes it; A still has B's entry.
    _ = try trio.a.syncCompact(folder: trio.folder)
    #expect(!Trio.files(in: trio.folder).contains("data/" + own.prefix(2) + "/" + own))
    #expect(try trio.notes(trio.a).contains("from b"))
    #expect(try !trio.notes(trio.a).contains("from c, never applied"))
  }
}
