import Foundation
import GRDB
import SottoModel
import Testing

@testable import SottoCore

@Suite struct TamperTests {
  /// A journal with three urges, and their ids in the order of the rows.
  private func journalWithThree(_ folder: TemporaryFolder) throws -> (String, [EntryID]) {
    let (path, journal) = try Fixtures.newJournal(in: folder)
    for intensity in [3, 5, 8] {
      var urge = Fixtures.urge
      urge.intensity = intensity
      try journal.add(.urge(urge), at: Fixtures.time)
    }
    let ids = try Fixtures.recordRows(path).map { EntryID(bytes: [UInt8]($0["id"] as Data))! }
    return (path, ids)
  }

  private func contents(_ path: String) throws -> JournalContents {
    try Journal.open(at: path).unlock(Fixtures.passphrase()).contents()
  }

  @Test(arguments: ["ciphertext", "nonce"])
  func flippingAByteFailsOnlyThatRecord(column: String) throws {
    let folder = TemporaryFolder()
    let (path, ids) = try journalWithThree(folder)
    try Fixtures.tamper(path) { db in
      var bytes = [UInt8](
        try Data.fetchOne(
          db, sql: "SELECT \(column) FROM records WHERE id = ?", arguments: [Data(ids[1].bytes)])!)
      bytes[bytes.count / 2] ^= 0x01
      try db.execute(
        sql: "UPDATE records SET \(column) = ? WHERE id = ?",
        arguments: [Data(bytes), Data(ids[1].bytes)])
    }
    let result = try contents(path)
    #expect(result.integrity.undecryptable == [ids[1]])
    #expect(result.entries.map(\.entry.id).sorted() == [ids[0], ids[2]].sorted())
  }

  @Test func changingARecordIdFailsAuthenticationAndIsReported() throws {
    let folder = TemporaryFolder()
    let (path, ids) = try journalWithThree(folder)
    var changed = ids[0].bytes
    changed[15] ^= 0x01
    try Fixtures.tamper(path) { db in
      try db.execute(
        sql: "UPDATE records SET id = ? WHERE id = ?",
        arguments: [Data(changed), Data(ids[0].bytes)])
    }
    let result = try contents(path)
    let changedID = EntryID(bytes: changed)!
    #expect(result.integrity.undecryptable == [changedID])
    #expect(result.integrity.missing == [ids[0]])
    #expect(result.integrity.unexpected == [changedID])
    #expect(result.entries.count == 2)
  }

  @Test func swappingTwoCiphertextsFailsBoth() throws {
    let folder = TemporaryFolder()
    let (path, ids) = try journalWithThree(folder)
    try Fixtures.tamper(path) { db in
      let a = try Row.fetchOne(
        db, sql: "SELECT nonce, ciphertext FROM records WHERE id = ?",
        arguments: [Data(ids[0].bytes)])!
      let b = try Row.fetchOne(
        db, sql: "SELECT nonce, ciphertext FROM records WHERE id = ?",
        arguments: [Data(ids[1].bytes)])!
      try db.execute(
        sql: "UPDATE records SET nonce = ?, ciphertext = ? WHERE id = ?",
        arguments: [b["nonce"], b["ciphertext"], Data(ids[0].bytes)])
      try db.execute(
        sql: "UPDATE records SET nonce = ?, ciphertext = ? WHERE id = ?",
        arguments: [a["nonce"], a["ciphertext"], Data(ids[1].bytes)])
    }
    let result = try contents(path)
    #expect(result.integrity.undecryptable == [ids[0], ids[1]].sorted())
    #expect(result.entries.map(\.entry.id) == [ids[2]])
  }

  /// `verify` reads the records a manifest bucket at a time and keeps no entry: it must find
  /// exactly what reading everything at once finds (an injected id outside every bucket too).
  @Test func verifyByBucketsFindsWhatReadingEverythingFinds() throws {
    let folder = TemporaryFolder()
    let (path, journal) = try Fixtures.newJournal(in: folder)
    var ids: [EntryID] = []
    for intensity in 0..<7 {
      var urge = Fixtures.urge
      urge.intensity = intensity
      ids.append(try journal.add(.urge(urge), at: Fixtures.time).id)
    }
    try journal.delete(ids[6])
    // The rows tampered with hold entries, not the tombstone, so the counts below are fixed.
    let rows = try Fixtures.recordRows(path).map { EntryID(bytes: [UInt8]($0["id"] as Data))! }
      .filter { $0 != ids[6] }
    try Fixtures.tamper(path) { db in
      // One deleted, one changed in place, one injected with a short id, one swapped tag.
      try db.execute(sql: "DELETE FROM records WHERE id = ?", arguments: [Data(rows[1].bytes)])
      try db.execute(
        sql: "UPDATE records SET ciphertext = randomblob(length(ciphertext)) WHERE id = ?",
        arguments: [Data(rows[3].bytes)])
      try db.execute(
        sql: "INSERT INTO records (id, tag, nonce, ciphertext) VALUES (?, ?, ?, ?)",
        arguments: [
          Data([0x80, 1, 2]), Data(repeating: 3, count: 16), Data(repeating: 1, count: 24),
          Data(repeating: 2, count: 300),
        ])
      try db.execute(
        sql: "INSERT INTO records (id, tag, nonce, ciphertext) VALUES (?, ?, ?, ?)",
        arguments: [
          "not a blob", Data(repeating: 3, count: 16), Data(repeating: 1, count: 24),
          Data(repeating: 2, count: 300),
        ])
      try db.execute(
        sql: "UPDATE records SET tag = randomblob(16) WHERE id = ?",
        arguments: [Data(rows[5].bytes)])
    }
    let unlocked = try Journal.open(at: path).unlock(Fixtures.passphrase(), check: false)
    let whole = try unlocked.contents().integrity
    let byBuckets = try unlocked.verify()
    #expect(byBuckets == whole)
    #expect(whole.missing == [rows[1]])
    // The changed one, the two injected, the swapped tag.
    #expect(whole.undecryptable.count == 4)
    #expect(whole.unexpected.count == 2)
    #expect(whole.digestMismatch == [rows[3]])
    // 7 rows, less the one deleted, plus the two injected, less the tombstone.
    #expect(whole.recordsChecked == 7)
  }

  /// Every read of the whole journal (`list`, reports, export, backup) and `verify` report the
  /// deletion; an unlock does when the bucket it samples holds it, one time in 256.
  @Test func aRowDeletedBehindSottosBackIsReportedWhenReadAndByTheUnlockSamplingIt() throws {
    let folder = TemporaryFolder()
    let (path, ids) = try journalWithThree(folder)
    try Fixtures.tamper(path) { db in
      try db.execute(sql: "DELETE FROM records WHERE id = ?", arguments: [Data(ids[2].bytes)])
    }
    let bucket = Int(ids[2].bytes[0])
    func unlock(sampling sample: Int) throws -> UnlockedJournal {
      try Journal.open(at: path).unlock(
        Fixtures.passphrase(), check: true, migratingDamaged: false,
        sample: sample)
    }
    let sampled = try unlock(sampling: bucket)
    #expect(sampled.integrityAtUnlock.missing == [ids[2]])
    // Another bucket: the unlock sees nothing, and costs a 256th of a full check.
    let other = try unlock(sampling: (bucket + 1) % 256)
    #expect(other.integrityAtUnlock.isClean)
    let contents = try other.contents()
    #expect(contents.integrity.missing == [ids[2]])
    #expect(contents.entries.count == 2)
    #expect(try other.verify().missing == [ids[2]])
  }

  @Test func anOlderRevisionReplayedIsReportedAsRolledBack() throws {
    let folder = TemporaryFolder()
    let (path, journal) = try Fixtures.newJournal(in: folder)
    let entry = try journal.add(.urge(Fixtures.urge), at: Fixtures.time)
    let original = try Fixtures.recordRows(path)[0]
    var stored = try journal.entry(matching: entry.id.hex)
    stored.entry.at = Timestamp(unixSeconds: Fixtures.time.unixSeconds - 60, utcOffsetSeconds: 0)
    try journal.update(stored)
    try Fixtures.tamper(path) { db in
      try db.execute(
        sql: "UPDATE records SET tag = ?, nonce = ?, ciphertext = ? WHERE id = ?",
        arguments: [original["tag"], original["nonce"], original["ciphertext"], original["id"]])
    }
    let report = try Journal.open(at: path).unlock(Fixtures.passphrase()).verify()
    #expect(report.revisionMismatch == [entry.id])
    #expect(report.undecryptable.isEmpty)
  }

  @Test func aDeletedRecordResurrectedFromAnOldCopyIsReported() throws {
    let folder = TemporaryFolder()
    let (path, journal) = try Fixtures.newJournal(in: folder)
    let entry = try journal.add(.urge(Fixtures.urge), at: Fixtures.time)
    let row = try Fixtures.recordRows(path)[0]
    try journal.delete(entry.id)
    // Format 2 keeps a tombstone in the row: the old copy is written over it.
    try Fixtures.tamper(path) { db in
      try db.execute(
        sql: "UPDATE records SET tag = ?, nonce = ?, ciphertext = ? WHERE id = ?",
        arguments: [row["tag"], row["nonce"], row["ciphertext"], row["id"]])
    }
    let unlocked = try Journal.open(at: path).unlock(Fixtures.passphrase())
    let contents = try unlocked.contents()
    #expect(contents.integrity.revisionMismatch == [entry.id])
    #expect(contents.all.isEmpty || contents.integrity.isClean == false)
  }

  @Test func outOfBoundsKDFParametersAreRefusedBeforeDerivation() throws {
    let folder = TemporaryFolder()
    let (path, _) = try Fixtures.newJournal(in: folder)
    try Fixtures.tamper(path) { db in
      try db.execute(sql: "UPDATE header SET kdf_memlimit = ?", arguments: [Int64(100) << 30])
    }
    do {
      _ = try Journal.open(at: path)
      Issue.record("a 100 GiB memory limit was accepted")
    } catch {
      #expect(error.code == .notAJournal)
    }
  }

  /// The old bounds let a header ask for 16 passes over 4 GiB (57 s and 4.2 GB per attempt).
  @Test(arguments: [
    (Int64(16), Int64(4) << 30), (Int64(7), Int64(64) << 20), (Int64(2), (Int64(1) << 30) + 1),
    (Int64(0), Int64(64) << 20), (Int64(2), Int64(4096)),
  ])
  func kdfSettingsBeyondWhatSottoWritesAreRefused(ops: Int64, mem: Int64) throws {
    let folder = TemporaryFolder()
    let (path, _) = try Fixtures.newJournal(in: folder)
    try Fixtures.tamper(path) { db in
      try db.execute(
        sql: "UPDATE header SET kdf_opslimit = ?, kdf_memlimit = ?", arguments: [ops, mem])
    }
    #expect(throws: SottoError.self) { try Journal.open(at: path) }
    // Every level Sotto writes stays inside.
    for level in KDFParameters.levels.values {
      #expect(throws: Never.self) { try level.validate() }
    }
  }

  @Test func aChangedSaltLooksLikeAWrongPassphrase() throws {
    let folder = TemporaryFolder()
    let (path, _) = try Fixtures.newJournal(in: folder)
    try Fixtures.tamper(path) { db in
      try db.execute(
        sql: "UPDATE header SET kdf_salt = ?", arguments: [Data(repeating: 7, count: 16)])
    }
    do {
      _ = try Journal.open(at: path).unlock(Fixtures.passphrase())
      Issue.record("a changed salt unlocked")
    } catch {
      #expect(error.code == .wrongPassphrase)
    }
  }

  @Test func anExtraTableOrTriggerIsRefused() throws {
    let folder = TemporaryFolder()
    let (path, _) = try Fixtures.newJournal(in: folder)
    try Fixtures.tamper(path) { db in
      try db.execute(
        sql: "CREATE TRIGGER spy AFTER INSERT ON records BEGIN DELETE FROM records; END")
    }
    do {
      _ = try Journal.open(at: path)
      Issue.record("a journal with an extra trigger was opened")
    } catch {
      #expect(error.code == .notAJournal)
    }
  }

  @Test func aNewerFormatIsRefusedWithAClearMessage() throws {
    let folder = TemporaryFolder()
    let (path, _) = try Fixtures.newJournal(in: folder)
    try Fixtures.tamper(path) { db in try db.execute(sql: "PRAGMA user_version = 99") }
    do {
      _ = try Journal.open(at: path)
      Issue.record("a newer format was opened")
    } catch {
      #expect(error.code == .newerFormat)
      #expect(error.message.contains("newer version of Sotto"))
    }
  }

  @Test func filesThatAreNotJournalsAreRefused() throws {
    let folder = TemporaryFolder()
    let text = folder.path + "/notes.txt"
    _ = FileManager.default.createFile(
      atPath: text, contents: Data(String(repeating: "hello ", count: 200).utf8))
    let other = folder.path + "/other.db"
    try Fixtures.tamper(other) { db in try db.execute(sql: "CREATE TABLE t (x)") }
    for path in [text, other] {
      let before = FileManager.default.contents(atPath: path)
      do {
        _ = try Journal.open(at: path)
        Issue.record("opened \(path)")
      } catch {
        #expect(error.code == .notAJournal)
      }
      #expect(FileManager.default.contents(atPath: path) == before)
    }
  }
}
