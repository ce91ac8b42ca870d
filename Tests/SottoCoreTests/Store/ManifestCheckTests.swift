import CSodium
import Foundation
import GRDB
import SottoModel
import Testing

@testable import SottoCore

/// The one-pass check of the records table against the manifest, and the pieces the bulk read
/// is built from.
@Suite struct ManifestCheckTests {
  @Test func aRecordResealedBehindTheManifestLoadsButIsReportedAsDiffering() throws {
    let folder = TemporaryFolder()
    let (path, journal) = try Fixtures.newJournal(in: folder)
    let kept = try journal.add(.urge(Fixtures.urge), at: Fixtures.time)
    let resealed = try journal.add(.use(Fixtures.use), at: Fixtures.time)
    // Valid for its id and revision, but not the bytes the manifest recorded.
    let sealed = SealedRecord(
      resealed, revision: 1, header: journal.header, key: journal.bundle.recordKey)
    try Fixtures.tamper(path) { db in
      try db.execute(
        sql: "UPDATE records SET nonce = ?, ciphertext = ? WHERE id = ?",
        arguments: [Data(sealed.nonce), Data(sealed.ciphertext), Data(resealed.id.bytes)])
    }
    let contents = try Journal.open(at: path).unlock(Fixtures.passphrase()).contents()
    #expect(Set(contents.all.map(\.id)) == [kept.id, resealed.id])
    #expect(contents.integrity.digestMismatch == [resealed.id])
    #expect(contents.integrity.undecryptable.isEmpty)
    #expect(contents.integrity.missing.isEmpty && contents.integrity.unexpected.isEmpty)
  }

  @Test func idsOfOtherLengthsAreReportedAndTheRestStillMatch() throws {
    let folder = TemporaryFolder()
    let (path, journal) = try Fixtures.newJournal(in: folder)
    var added: [Entry] = []
    for intensity in 0..<6 {
      var urge = Fixtures.urge
      urge.intensity = intensity
      added.append(try journal.add(.urge(urge), at: Fixtures.time))
    }
    // Short and long ids sort between the real ones in the table but not by key.
    let short: [UInt8] = [0x80, 0x01, 0x02]
    let long = [UInt8](repeating: 0x7F, count: 20)
    try Fixtures.tamper(path) { db in
      for id in [short, long] {
        try db.execute(
          sql: "INSERT INTO records (id, revision, nonce, ciphertext) VALUES (?, 1, ?, ?)",
          arguments: [
            Data(id), Data(repeating: 1, count: 24), Data(repeating: 2, count: 300),
          ])
      }
    }
    let unlocked = try Journal.open(at: path).unlock(Fixtures.passphrase())
    let atUnlock = unlocked.integrityAtUnlock
    let contents = try unlocked.contents()
    #expect(Set(contents.all.map(\.id)) == Set(added.map(\.id)))
    for report in [atUnlock, contents.integrity] {
      #expect(report.unexpected.count == 2)
      #expect(report.missing.isEmpty)
      #expect(report.revisionMismatch.isEmpty)
    }
    #expect(contents.integrity.undecryptable.count == 2)
    #expect(contents.integrity.digestMismatch.isEmpty)
    #expect(contents.integrity.recordsChecked == 8)
  }

  @Test func theMergeFindsMissingUnexpectedAndRolledBackRecordsInAnyOrder() {
    func key(_ value: UInt64) -> RecordKey { RecordKey(high: value << 56, low: value) }
    func item(_ value: UInt64, revision: UInt64 = 1) -> ManifestItem {
      ManifestItem(id: key(value), revision: revision, digest: RecordDigest(high: 0, low: value))
    }
    func row(_ value: UInt64, revision: UInt64 = 1) -> RecordRows.Row {
      RecordRows.Row(
        key: key(value), revision: revision, id: 0..<0, nonce: 0..<0, ciphertext: 0..<0)
    }
    let manifest = [item(1), item(2), item(4, revision: 3), item(7), item(9)]
    // Rows out of key order (as ids of other lengths give) must not confuse the merge.
    let rows = [row(9), row(2), row(3), row(4, revision: 2), row(1), row(8)]
    let comparison = ManifestComparison(rows: rows, manifest: manifest)
    #expect(comparison.expected.map { $0?.id } == [key(9), key(2), nil, nil, key(1), nil])
    #expect(Set(comparison.unexpected) == [2, 5])
    #expect(comparison.revisionMismatch == [3])
    #expect(comparison.missing == [key(7)])
  }

  @Test func recordKeysOrderAsTheirBytesAndRoundTrip() {
    var generator = SystemRandomNumberGenerator()
    let ids = (0..<200).map { _ in
      (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }
    let keys = ids.map { RecordKey($0) }
    #expect(keys.map(\.bytes) == ids)
    #expect(ids.sorted { $0.lexicographicallyPrecedes($1) } == keys.sorted().map(\.bytes))
    let entryIDs = ids.map { EntryID(bytes: $0)! }
    #expect(entryIDs.sorted().map(\.bytes) == keys.sorted().map(\.bytes))
    #expect(entryIDs.allSatisfy { EntryID(hex: $0.hex) == $0 && $0.hex == Hex.encode($0.bytes) })
  }

  @Test func unpaddingAgreesWithLibsodium() {
    var generator = SystemRandomNumberGenerator()
    let block = Vault.paddingBlock
    var cases: [[UInt8]] = []
    for length in [0, 1, 100, 255, 256, 257, 511, 600] {
      cases.append(Sodium.pad([UInt8](repeating: 0x41, count: length), block: block))
    }
    for _ in 0..<300 {
      // Mostly zeros with a marker or a stray byte somewhere near the end.
      var bytes = [UInt8](
        repeating: 0,
        count: [block - 1, block, block * 2, block + 7].randomElement(using: &generator)!)
      if !bytes.isEmpty {
        let position = Int.random(
          in: max(0, bytes.count - block - 2)..<bytes.count, using: &generator)
        bytes[position] = [0x80, 0x80, 0x01, 0xFF].randomElement(using: &generator)!
        if Bool.random(using: &generator) {
          bytes[Int.random(in: 0..<bytes.count, using: &generator)] = 0x80
        }
      }
      cases.append(bytes)
    }
    for bytes in cases {
      var expected = 0
      let result =
        bytes.isEmpty
        ? -1
        : bytes.withUnsafeBufferPointer {
          sodium_unpad(&expected, $0.baseAddress!, bytes.count, block)
        }
      let ours = RecordOpener.unpaddedLength(bytes, count: bytes.count)
      #expect(ours == (result == 0 ? expected : nil), "length \(bytes.count)")
    }
  }
}

/// Rows read ahead during the unlock are used only while they are still what the file holds.
@Suite struct RecordPrefetchTests {
  @Test func prefetchedRowsGiveTheSameContents() throws {
    let folder = TemporaryFolder()
    let (path, journal) = try Fixtures.newJournal(in: folder)
    for body in Fixtures.allBodies { try journal.add(body, at: Fixtures.time) }
    let expected = try journal.contents()
    let contents = try Journal.open(at: path).unlock(Fixtures.passphrase(), readAhead: true)
      .contents()
    #expect(contents.all == expected.all)
    #expect(contents.revisions == expected.revisions)
    #expect(contents.integrity.isClean)
  }

  @Test func entriesMovedInFromQuickCaptureAtUnlockAreIncluded() throws {
    let folder = TemporaryFolder()
    let (path, journal) = try Fixtures.newJournal(in: folder)
    let direct = try journal.add(.urge(Fixtures.urge), at: Fixtures.time)
    let reopened = try Journal.open(at: path)
    let captured = try reopened.capture(.use(Fixtures.use), at: Fixtures.time)
    let unlocked = try reopened.unlock(Fixtures.passphrase(), readAhead: true)
    #expect(unlocked.movedFromInbox == 1)
    let contents = try unlocked.contents()
    #expect(Set(contents.all.map(\.id)) == [direct.id, captured.id])
    #expect(contents.integrity.isClean)
  }

  @Test func aWriteThroughTheSameJournalAfterTheUnlockIsSeen() throws {
    let folder = TemporaryFolder()
    let (path, journal) = try Fixtures.newJournal(in: folder)
    let first = try journal.add(.urge(Fixtures.urge), at: Fixtures.time)
    let unlocked = try Journal.open(at: path).unlock(Fixtures.passphrase(), readAhead: true)
    // Same connection: SQLite's data_version does not change for its own writes.
    let second = try unlocked.add(.use(Fixtures.use), at: Fixtures.time)
    #expect(Set(try unlocked.contents().all.map(\.id)) == [first.id, second.id])
    let third = try unlocked.add(.use(Fixtures.use), at: Fixtures.time)
    #expect(Set(try unlocked.contents().all.map(\.id)) == [first.id, second.id, third.id])
  }

  @Test func aChangeByAnotherConnectionAfterThePrefetchIsSeen() throws {
    let folder = TemporaryFolder()
    let (path, journal) = try Fixtures.newJournal(in: folder)
    let first = try journal.add(.urge(Fixtures.urge), at: Fixtures.time)
    let unlocked = try Journal.open(at: path).unlock(Fixtures.passphrase(), readAhead: true)
    // Another process writes between the read-ahead and the use of its rows.
    let second = try Journal.open(at: path).unlock(Fixtures.passphrase())
      .add(.use(Fixtures.use), at: Fixtures.time)
    let contents = try unlocked.contents()
    #expect(Set(contents.all.map(\.id)) == [first.id, second.id])
    #expect(contents.integrity.isClean)
  }
}

@Suite struct RecordSealerTests {
  @Test func everyRecordGetsItsOwnNonceAndOpensAgain() throws {
    let folder = TemporaryFolder()
    let (_, journal) = try Fixtures.newJournal(in: folder)
    var sealer = RecordSealer(header: journal.header, key: journal.bundle.recordKey)
    var opener = RecordOpener(header: journal.header, key: journal.bundle.recordKey)
    var nonces = Set<[UInt8]>()
    // More than one draw of the nonce pool.
    for index in 0..<200 {
      var urge = Fixtures.urge
      urge.intensity = index % 11
      let entry = Entry(
        id: EntryID(bytes: Sodium.randomBytes(16))!, at: Fixtures.time, body: .urge(urge))
      let sealed = sealer.seal(entry, revision: UInt64(index + 1))
      nonces.insert(sealed.nonce)
      #expect((sealed.ciphertext.count - Vault.tagBytes) % Vault.paddingBlock == 0)
      #expect(
        sealed.digest == Manifest.recordDigest(nonce: sealed.nonce, ciphertext: sealed.ciphertext))
      let opened = opener.open(
        id: entry.id.bytes, revision: UInt64(index + 1), nonce: sealed.nonce,
        ciphertext: sealed.ciphertext)
      #expect(opened == entry)
      // The revision is bound: the same bytes do not open as another revision.
      #expect(
        opener.open(
          id: entry.id.bytes, revision: UInt64(index + 2), nonce: sealed.nonce,
          ciphertext: sealed.ciphertext) == nil)
    }
    #expect(nonces.count == 200)
  }
}

@Suite struct ContentsOrderTests {
  /// Entries come out oldest first (ties by id) with their own revisions, whichever records
  /// between them fail, across both workers' halves.
  @Test func entriesAreOldestFirstAroundFailedRecords() throws {
    let folder = TemporaryFolder()
    let (path, journal) = try Fixtures.newJournal(in: folder)
    var generator = SystemRandomNumberGenerator()
    let entries = (0..<600).map { index in
      var urge = Fixtures.urge
      urge.intensity = index % 11
      // Few distinct times, so that many ties are broken by id.
      let time = Timestamp(
        unixSeconds: 1_790_000_000 + Int64.random(in: 0..<50, using: &generator) * 3600,
        utcOffsetSeconds: 0)
      return Entry(id: EntryID(bytes: Sodium.randomBytes(16))!, at: time, body: .urge(urge))
    }
    try journal.add(entries)
    let edited = entries[17]
    var changed = edited
    changed.body = .urge(Urge(intensity: 1))
    try journal.add([changed])
    let broken = Set(entries.shuffled(using: &generator).prefix(40).map(\.id)).subtracting([
      edited.id
    ])
    try Fixtures.tamper(path) { db in
      for id in broken {
        try db.execute(
          sql: "UPDATE records SET ciphertext = zeroblob(300) WHERE id = ?",
          arguments: [Data(id.bytes)])
      }
    }
    let contents = try Journal.open(at: path).unlock(Fixtures.passphrase()).contents()
    let expected = entries.map { $0.id == edited.id ? changed : $0 }
      .filter { !broken.contains($0.id) }
      .sorted { ($0.at.unixSeconds, $0.id) < ($1.at.unixSeconds, $1.id) }
    // Compared as wholes: a failure must not print hundreds of entries.
    let sameEntries = contents.all == expected
    let sameRevisions = contents.revisions == expected.map { $0.id == edited.id ? 2 : 1 }
    #expect(contents.all.count == expected.count)
    #expect(sameEntries, "entries or their order differ")
    #expect(sameRevisions, "revisions differ")
    #expect(Set(contents.integrity.undecryptable) == broken)
    #expect(contents.integrity.undecryptable == contents.integrity.undecryptable.sorted())
  }
}

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
  }
}

/// The export reader that takes one line per core must read exactly what the one-pass reader
/// reads, and step aside for anything else.
@Suite struct LinedImportTests {
  private func entries(_ count: Int) -> [Entry] {
    (0..<count).map { index in
      Entry(
        id: EntryID(bytes: Sodium.randomBytes(16))!,
        at: Timestamp(unixSeconds: 1_790_000_000 + Int64(index) * 60, utcOffsetSeconds: 3600),
        body: Fixtures.allBodies[index % Fixtures.allBodies.count])
    }
  }

  @Test func aLargeExportReadsTheSameBothWays() throws {
    let written = entries(1200)
    let bytes = try JournalExport.jsonBytes(written, exportedAt: Date())
    #expect(bytes.count >= 1 << 16)
    let lined = JournalImport.linedSottoJSON(bytes)
    // Compared as a whole, printed as counts: a failure must not print 1,200 entries.
    #expect(lined?.count == written.count)
    let sameAsWritten = lined == written
    let sameAsOnePass = lined == JournalImport.sequentialSottoJSON(bytes)
    #expect(sameAsWritten, "the entries differ")
    #expect(sameAsOnePass, "the readers differ")
  }

  @Test func otherLayoutsAndDamageAreLeftToTheOnePassReader() throws {
    let bytes = try JournalExport.jsonBytes(entries(1200), exportedAt: Date())
    let text = String(decoding: bytes, as: UTF8.self)
    // A comma dropped between two entries: neither reader accepts it.
    let missingComma = Array(text.replacingOccurrences(of: "},\n    {", with: "}\n    {").utf8)
    #expect(JournalImport.linedSottoJSON(missingComma)?.count == nil)
    #expect(JournalImport.sequentialSottoJSON(missingComma)?.count == nil)
    // A second "entries" key after the array: the one-pass reader's answer stands.
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let firstEntry = lines[2].dropLast()  // without its comma
    let twice = Array(
      text.replacingOccurrences(
        of: "\"format\"", with: "\"entries\" : [\(firstEntry)],\n  \"format\""
      ).utf8)
    #expect(JournalImport.linedSottoJSON(twice)?.count == nil)
    #expect(JournalImport.sequentialSottoJSON(twice)?.count == 1201)
    // The same entries on one line: not the lined layout, still read by the one-pass reader.
    let oneLine = Array(text.replacingOccurrences(of: "\n", with: "").utf8)
    #expect(JournalImport.linedSottoJSON(oneLine)?.count == nil)
    #expect(JournalImport.sequentialSottoJSON(oneLine)?.count == 1200)
  }
}
