import CSodium
import Foundation
import GRDB
import SottoModel
import SottoStorage
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
    // So does one given an id twice.
    var twice = entries
    twice[1] = Entry(id: twice[0].id, at: twice[1].at, body: twice[1].body)
    #expect(throws: SottoError.self) { try other.fill(twice) }
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

/// Records are sealed a chunk at a time on every core and handed on in order.
@Suite struct BulkSealingTests {
  @Test(arguments: [0, 1, 99, 100, 101, 2345])
  func everyRowComesOnceInOrderAndOpensAgain(count: Int) throws {
    let folder = TemporaryFolder()
    let (_, journal) = try Fixtures.newJournal(in: folder)
    let entries = Fixtures.entries(count)
    let order = Array(entries.indices.reversed())
    let revisions = (0..<count).map { UInt64($0 % 3 + 1) }
    let sealing = BulkSealing(
      entries: entries, order: order, revisions: revisions, stamp: (7, 9),
      header: journal.header, key: journal.bundle.recordKey, chunkSize: 1000)
    var opener = RecordOpener(header: journal.header, key: journal.bundle.recordKey)
    var next = 0
    var allOpen = true
    var nonces = Set<[UInt8]>()
    var tags = Set<RecordTag>()
    sealing.forEachChunk { (chunk: SealedChunk, positions: Range<Int>) in
      #expect(positions.lowerBound == next)
      #expect(chunk.rows.ends.count == positions.count)
      var start = 0
      for (offset, position) in positions.enumerated() {
        let row = Array(chunk.rows.bytes[start..<chunk.rows.ends[offset]])
        // id (16) || tag (16) || nonce (24) || ciphertext
        let id = Array(row[..<16])
        let tag = RecordTag(Array(row[16..<32]))
        let nonce = Array(row[32..<32 + Vault.nonceBytes])
        let ciphertext = Array(row[(32 + Vault.nonceBytes)...])
        nonces.insert(nonce)
        tags.insert(tag)
        let entry = entries[order[position]]
        let opened = opener.open(id: id, tag: tag, nonce: nonce, ciphertext: ciphertext)
        let digest = RecordDigest(Sodium.digest(nonce, ciphertext))
        let item = chunk.items[offset]
        let expected = RecordVersion(
          entry: entry, revision: revisions[position], device: 7, hlc: 9)
        if opened != expected || id != entry.id.bytes || item.digest != digest
          || item.id != RecordKey(entry.id) || item.tag != tag
        {
          allOpen = false
        }
        start = chunk.rows.ends[offset]
      }
      next = positions.upperBound
    }
    #expect(next == count)
    #expect(allOpen)
    #expect(nonces.count == count)
    #expect(tags.count == count)
  }

  struct Stop: Error {}

  @Test func anErrorFromTheCallerStopsTheSealingAndIsThrown() throws {
    let folder = TemporaryFolder()
    let (_, journal) = try Fixtures.newJournal(in: folder)
    let entries = Fixtures.entries(3000)
    let sealing = BulkSealing(
      entries: entries, order: Array(entries.indices),
      revisions: [UInt64](repeating: 1, count: entries.count), stamp: (1, 1),
      header: journal.header, key: journal.bundle.recordKey, chunkSize: 50)
    var chunks = 0
    #expect(throws: Stop.self) {
      try sealing.forEachChunk { (_: SealedChunk, _: Range<Int>) throws(Stop) in
        chunks += 1
        if chunks == 3 { throw Stop() }
      }
    }
    #expect(chunks == 3)
  }
}

/// Filling an empty journal builds its manifest from runs of the sorted items; it must be the
/// manifest the general path builds.
@Suite struct FilledManifestTests {
  @Test func aFilledJournalsManifestMatchesOneBuiltEntryByEntry() throws {
    let folder = TemporaryFolder()
    let entries = Fixtures.entries(3000)
    let keys = try Journal.NewKeys(passphrase: Fixtures.passphrase(), kdf: Fixtures.kdf)
    let filled = try Journal.createUnlocked(at: folder.path + "/filled.db", keys: keys)
    try filled.fill(entries)
    let (_, added) = try Fixtures.newJournal(in: folder)
    // Two transactions: the second goes through the general path (the journal is not empty).
    try added.add(Array(entries[..<1000]))
    try added.add(Array(entries[1000...]))
    let filledItems = try filled.read { db in try filled.manifest.readAll(db) }
    let addedItems = try added.read { db in try added.manifest.readAll(db) }
    #expect(filledItems?.count == entries.count)
    // Digests and tags differ (fresh nonces and tags); ids must not.
    let same =
      filledItems?.map { [$0.id.high, $0.id.low] } == addedItems?.map { [$0.id.high, $0.id.low] }
    #expect(same)
    let reopened = try Journal.open(at: folder.path + "/filled.db").unlock(
      Fixtures.passphrase(), check: true)
    #expect(try reopened.contents().integrity.isClean)
    // Later changes go through the general path on the filled manifest.
    try reopened.add(.urge(Fixtures.urge), at: Fixtures.time)
    #expect(try reopened.contents().all.count == entries.count + 1)
    #expect(try reopened.contents().integrity.isClean)
  }

  @Test func anAddGivenOneIdTwiceStillKeepsTheManifestInStep() throws {
    let folder = TemporaryFolder()
    let (_, journal) = try Fixtures.newJournal(in: folder)
    var entries = Fixtures.entries(10)
    entries.append(Entry(id: entries[3].id, at: Fixtures.time, body: .urge(Urge(intensity: 2))))
    try journal.add(entries)
    let contents = try journal.contents()
    #expect(contents.all.count == 10)
    #expect(contents.integrity.isClean)
  }
}
