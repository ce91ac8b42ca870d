import CSodium
import Foundation
import GRDB
import SottoModel
import Testing

@testable import SottoCore

@Suite struct FillTests {
  @Test func fillingANewJournalGivesTheSameContentsAndLeavesItInWALMode() throws {
    let folder = TemporaryFolder()
    let entries = Fixtures.allBodies.enumerated().map { index, body in
      Entry(
        id: EntryID(bytes: Sodium.randomBytes(16))!,
        at: Timestamp(unixSeconds: 1_790_000_000 + Int64(index), utcOffsetSeconds: 3600),
        body: body)
    }
    let keys = try Journal.NewKeys(
      passphrase: Fixtures.passphrase(), kdf: Fixtures.kdf)
    let path = folder.path + "/filled.db"
    let journal = try Journal.createUnlocked(at: path, keys: keys)
    try journal.fill(entries)
    let contents = try Journal.open(at: path).unlock(Fixtures.passphrase()).contents()
    #expect(contents.all == entries)
    #expect(contents.integrity.isClean)
    let mode = try DatabaseQueue(path: path).read { db in
      try String.fetchOne(db, sql: "PRAGMA journal_mode")
    }
    #expect(mode == "wal")
    #expect(!FileManager.default.fileExists(atPath: path + "-journal"))
    // Only an empty journal can be filled.
    #expect(throws: SottoError.self) { try journal.fill(entries) }
    // A fill that fails writes nothing and leaves the journal in WAL mode.
    let other = try Journal.createUnlocked(
      at: folder.path + "/other.db",
      keys: try Journal.NewKeys(passphrase: Fixtures.passphrase(), kdf: Fixtures.kdf))
    var invalid = entries
    invalid[0].body = .urge(Urge(intensity: 11))
    #expect(throws: SottoError.self) { try other.fill(invalid) }
    #expect(try other.contents().all.isEmpty)
    let otherMode = try DatabaseQueue(path: folder.path + "/other.db").read { db in
      try String.fetchOne(db, sql: "PRAGMA journal_mode")
    }
    #expect(otherMode == "wal")
  }
}

/// A bulk add checks entries on every core but reports as one pass would.
@Suite struct BulkAddCheckTests {
  @Test func theFirstInvalidEntryInOrderIsReportedAndNothingIsWritten() throws {
    let folder = TemporaryFolder()
    let (_, journal) = try Fixtures.newJournal(in: folder)
    var entries = (0..<6000).map { _ in
      Entry(
        id: EntryID(bytes: Sodium.randomBytes(16))!, at: Fixtures.time, body: .urge(Fixtures.urge))
    }
    // One bad entry early (for the first worker), another late (for the second).
    entries[100].body = .urge(Urge(intensity: 11))
    var negative = Fixtures.use
    negative.amount = -1
    entries[5000].body = .use(negative)
    do {
      try journal.add(entries)
      Issue.record("invalid entries were added")
    } catch {
      #expect(error.code == .invalidInput)
      #expect(error.description.contains("intensity"), "\(error.description)")
      #expect(!error.description.contains("amount"), "\(error.description)")
    }
    #expect(try journal.contents().all.isEmpty)
  }
}
