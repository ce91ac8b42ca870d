import CSodium
import Foundation
import GRDB
import SottoModel
import SottoStorage
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
    // Valid for its id and tag, but not the bytes the manifest recorded.
    let row = try Fixtures.recordRows(path).first { $0["id"] == Data(resealed.id.bytes) }!
    let tag = RecordTag([UInt8](row["tag"] as Data))
    var sealer = RecordSealer(header: journal.header, key: journal.bundle.recordKey)
    var bytes: [UInt8] = []
    _ = sealer.seal(
      RecordVersion(entry: resealed, revision: 1, device: 1, hlc: 1), id: resealed.id, tag: tag,
      appendingTo: &bytes)
    let sealed = (nonce: Array(bytes[..<24]), ciphertext: Array(bytes[24...]))
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
          sql: "INSERT INTO records (id, tag, nonce, ciphertext) VALUES (?, ?, ?, ?)",
          arguments: [
            Data(id), Data(repeating: 3, count: 16), Data(repeating: 1, count: 24),
            Data(repeating: 2, count: 300),
          ])
      }
    }
    // An unlock sampling the bucket of either finds it (blobs of any length fall in the
    // bucket of their first byte); reading everything finds both.
    var reports: [(IntegrityReport, Int)] = []
    for bucket in [0x80, 0x7F] {
      let sampled = try Journal.open(at: path).unlock(
        Fixtures.passphrase(), check: true, migratingDamaged: false,
        sample: bucket)
      reports.append((sampled.integrityAtUnlock, 1))
    }
    let unlocked = try Journal.open(at: path).unlock(Fixtures.passphrase())
    let contents = try unlocked.contents()
    #expect(Set(contents.all.map(\.id)) == Set(added.map(\.id)))
    reports.append((contents.integrity, 2))
    for (report, unexpected) in reports {
      #expect(report.unexpected.count == unexpected)
      #expect(report.missing.isEmpty)
      #expect(report.revisionMismatch.isEmpty)
    }
    #expect(contents.integrity.undecryptable.count == 2)
    #expect(contents.integrity.digestMismatch.isEmpty)
    #expect(contents.integrity.recordsChecked == 8)
  }

  /// Ids that fall in no bucket (a text id, an empty blob) are found by every unlock,
  /// whichever bucket it samples: a range of the primary key below every blob.
  @Test(arguments: [0, 0x80, 255])
  func idsInNoBucketAreFoundByEveryUnlock(sample: Int) throws {
    let folder = TemporaryFolder()
    let (path, journal) = try Fixtures.newJournal(in: folder)
    try journal.add(.urge(Fixtures.urge), at: Fixtures.time)
    try Fixtures.tamper(path) { db in
      for id: any DatabaseValueConvertible in ["not a blob", Data(), 42] {
        try db.execute(
          sql: "INSERT INTO records (id, tag, nonce, ciphertext) VALUES (?, ?, ?, ?)",
          arguments: [
            id, Data(repeating: 3, count: 16), Data(repeating: 1, count: 24),
            Data(repeating: 2, count: 300),
          ])
      }
    }
    let unlocked = try Journal.open(at: path).unlock(
      Fixtures.passphrase(), check: true, migratingDamaged: false,
      sample: sample)
    #expect(unlocked.integrityAtUnlock.unexpected.count == 3)
    #expect(unlocked.integrityAtUnlock.missing.isEmpty)
    #expect(try unlocked.verify().unexpected.count == 3)
  }

  @Test func theMergeFindsMissingUnexpectedAndRolledBackRecordsInAnyOrder() {
    func key(_ value: UInt64) -> RecordKey { RecordKey(high: value << 56, low: value) }
    func item(_ value: UInt64, revision: UInt64 = 1) -> ManifestItem {
      ManifestItem(
        id: key(value), tag: RecordTag(high: 0, low: revision),
        digest: RecordDigest(high: 0, low: value))
    }
    func row(_ value: UInt64, revision: UInt64 = 1) -> RecordRows.Row {
      RecordRows.Row(
        key: key(value), tag: RecordTag(high: 0, low: revision), id: 0..<0, nonce: 0..<0,
        ciphertext: 0..<0)
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

  @Test func paddingAndUnpaddingAgreeWithLibsodium() {
    var generator = SystemRandomNumberGenerator()
    let block = Format1.paddingBlock
    var cases: [[UInt8]] = []
    for length in [0, 1, 100, 255, 256, 257, 511, 600] {
      let message = [UInt8](repeating: 0x41, count: length)
      let ours = Sodium.pad(message, block: block)
      var theirs = message + [UInt8](repeating: 0, count: block)
      var paddedLength = 0
      let result = theirs.withUnsafeMutableBufferPointer {
        sodium_pad(&paddedLength, $0.baseAddress!, length, block, $0.count)
      }
      #expect(result == 0 && ours == Array(theirs.prefix(paddedLength)), "length \(length)")
      cases.append(ours)
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
      let ours = Sodium.unpaddedLength(bytes, count: bytes.count, block: block)
      #expect(ours == (result == 0 ? expected : nil), "length \(bytes.count)")
    }
  }
}
