import Foundation
import SottoCrypto
import SottoModel
import SottoStorage

/// What the conversion of a format-1 journal to format 2 did.
public struct Format1Migration: Sendable, Equatable {
  /// Entries carried over.
  public var entries = 0
  /// Records left behind because they do not open, or that the manifest lists and no row
  /// holds (only with `leavingDamaged`).
  public var leftBehind: [EntryID] = []
  /// Waiting quick captures sealed again with format 2's padding.
  public var inboxRows = 0
}

/// Format 1, read only to convert it: its record layout, its manifest, and the migration to
/// format 2 (Docs/FORMAT.md §9).
///
/// Format 1 numbered revisions in plain text, padded records to 256-byte blocks and deleted
/// rows outright. Nothing else in Sotto reads it: the first unlock converts the file, in one
/// transaction, so a crash at any point leaves format 1 as it was.
enum Format1 {
  /// Format 1's padding block of record (and inbox) plaintexts.
  static let paddingBlock = 256

  /// One record of a format-1 file, opened.
  struct Record {
    var id: [UInt8]
    var revision: UInt64
    var entry: Entry
  }

  /// Converts the format-1 journal in `db` to format 2 in the caller's transaction; returns
  /// the new header. `kek` is the key the passphrase gave, which wraps the same key bundle
  /// again (its associated data holds the format version).
  ///
  /// - Throws: ``SottoError/Code/damaged`` when a record or the manifest fails its checks,
  ///   unless `leavingDamaged`: the records that pass are then carried over, and the rest
  ///   named in the result.
  static func migrate(
    _ db: StoreTransaction, header: JournalHeader, bundle: KeyBundle, kek: SecureBytes,
    leavingDamaged: Bool
  ) throws -> (JournalHeader, Format1Migration) {
    let (records, failing, unreadable, writeCounter) = try readChecked(
      db, header: header, bundle: bundle)
    if !failing.isEmpty && !leavingDamaged {
      throw SottoError(
        .damaged,
        "This journal uses format 1, which this version of Sotto converts to format 2 at the "
          + "first unlock, but \(failing.count) of its records fail their checks (damaged, "
          + "missing, replayed or added behind Sotto's back), so it was not converted and "
          + "nothing was changed. `sotto migrate --leave-damaged` converts the rest and names "
          + "the records left behind.")
    }
    var migration = Format1Migration(entries: records.count, leftBehind: unreadable)
    try db.drop(table: "records")
    try db.drop(table: "manifest")
    try db.create(Schema.objects.filter { $0.name != "header" && $0.name != "inbox" })
    var newHeader = header
    newHeader.formatVersion = JournalHeader.formatVersion
    try newHeader.rewrap(bundle, kek: kek)
    try newHeader.insert(db)
    let manifest = Manifest(header: newHeader, key: bundle.recordKey)
    var head = Manifest.newHead(writeCounter: writeCounter + 1)
    var sealer = RecordSealer(header: newHeader, key: bundle.recordKey)
    var batch = RecordBatch()
    var items: [ManifestItem] = []
    // In id order, as read: the new rows' order in the file says nothing of when entries
    // were logged.
    for record in records {
      let version = RecordVersion(
        entry: record.entry, revision: record.revision, device: head.device, hlc: head.hlc)
      let sealed = sealer.seal(version, id: UnlockedJournal.entryID(record.id))
      batch.append(
        id: record.id, tag: sealed.tag.bytes, nonce: sealed.nonce, ciphertext: sealed.ciphertext)
      items.append(sealed.manifestItem(id: record.id, of: version))
    }
    try db.records.insert(batch, replacing: false)
    head.writeCounter = writeCounter + 1
    try manifest.rebuild(db, items: items, kept: head)
    // Waiting captures get format 2's padding; rows that do not open stay for review.
    for row in try db.inbox.all() {
      let sealed = row.sealed
      guard sealed.count <= Inbox.maxSealedBytes,
        let plaintext = Vault.openFromInbox(sealed, bundle: bundle),
        let json = RecordCodec.inboxJSON(plaintext)
      else { continue }
      var padded: [UInt8] = []
      RecordCodec.pad(Array(json), into: &padded)
      try db.inbox.update(
        id: row.id, sealed: try Vault.sealToInbox(padded, publicKey: newHeader.inboxPublicKey))
      migration.inboxRows += 1
    }
    try db.setFormatVersion(JournalHeader.formatVersion)
    return (newHeader, migration)
  }

  /// Reads every format-1 record and checks it, and the manifest, as format 1 did: returns
  /// the records that open, the ids that fail any check, the ids that cannot be carried over
  /// (records that do not open, ids the manifest lists but no row holds), and the manifest's
  /// write counter.
  static func readChecked(
    _ db: StoreTransaction, header: JournalHeader, bundle: KeyBundle
  ) throws -> (opened: [Record], failing: [EntryID], unreadable: [EntryID], writeCounter: UInt64) {
    let listed = try readManifest(db, header: header, key: bundle.recordKey)
    var records: [Record] = []
    var failing: Set<EntryID> = []
    var unreadable: Set<EntryID> = []
    var seen: Set<RecordKey> = []
    let rows = try db.records.allFormat1()
    for row in rows {
      let (id, nonce, ciphertext) = (row.id, row.nonce, row.ciphertext)
      let revision = UInt64(max(row.revision, 0))
      let key = RecordKey(id)
      seen.insert(key)
      let item = listed?.items[key]
      guard
        let entry = open(
          id: id, revision: revision, nonce: nonce, ciphertext: ciphertext, header: header,
          key: bundle.recordKey)
      else {
        failing.insert(UnlockedJournal.entryID(id))
        unreadable.insert(UnlockedJournal.entryID(id))
        continue
      }
      if item?.revision != revision
        || item?.digest != Manifest.recordDigest(nonce: nonce, ciphertext: ciphertext)
      {
        failing.insert(UnlockedJournal.entryID(id))
      }
      records.append(Record(id: id, revision: revision, entry: entry))
    }
    for key in listed?.items.keys.filter({ !seen.contains($0) }) ?? [] {
      failing.insert(UnlockedJournal.entryID(key.bytes))
      unreadable.insert(UnlockedJournal.entryID(key.bytes))
    }
    if listed == nil && !rows.isEmpty {
      // A manifest that does not open: every record is unchecked.
      for record in records { failing.insert(UnlockedJournal.entryID(record.id)) }
    }
    return (records, failing.sorted(), unreadable.sorted(), listed?.writeCounter ?? 0)
  }

  /// Format 1's record: the revision in the associated data, 256-byte blocks, `{"entry","v":1}`.
  static func open(
    id: [UInt8], revision: UInt64, nonce: [UInt8], ciphertext: [UInt8], header: JournalHeader,
    key: SecureBytes
  ) -> Entry? {
    guard id.count == 16,
      let plaintext = Vault.open(
        nonce: nonce, ciphertext: ciphertext, key: key,
        associatedData: header.format1RecordAssociatedData(id: id, revision: revision)),
      let length = Sodium.unpaddedLength(plaintext, count: plaintext.count, block: paddingBlock),
      let entry = RecordCodec.decodeFormat1(json: plaintext, count: length),
      entry.id.bytes == id
    else { return nil }
    return entry
  }

  /// An item of format 1's manifest.
  struct Item {
    var revision: UInt64
    var digest: RecordDigest
  }

  /// Format 1's manifest, checked as format 1 did (each bucket against the head's digest and
  /// count); `nil` when any part fails.
  static func readManifest(
    _ db: StoreTransaction, header: JournalHeader, key: SecureBytes
  ) throws -> (items: [RecordKey: Item], writeCounter: UInt64)? {
    var bodies: [Int64: Sealed] = [:]
    for row in try db.manifest.all() { bodies[row.slot] = row.sealed }
    func body(_ slot: Int) -> [UInt8]? {
      guard let sealed = bodies[Int64(slot)] else { return nil }
      return Vault.open(
        nonce: sealed.nonce, ciphertext: sealed.ciphertext, key: key,
        associatedData: header.manifestAssociatedData(slot: slot))
    }
    guard let headBody = body(0) else { return nil }
    var head = ByteReader(headBody)
    guard head.readU8() == 1, let counter = head.readU64(), let count = head.readU64() else {
      return nil
    }
    var items: [RecordKey: Item] = [:]
    for bucket in 0..<Manifest.bucketCount {
      guard let size = head.readU32(), let digest = head.read(count: 16) else { return nil }
      guard size > 0 else { continue }
      guard let sealed = bodies[Int64(bucket + 1)],
        Manifest.recordDigest(nonce: sealed.nonce, ciphertext: sealed.ciphertext).bytes == digest,
        let bytes = body(bucket + 1)
      else { return nil }
      var reader = ByteReader(bytes)
      guard reader.readU8() == 1, reader.readU32() == size else { return nil }
      for _ in 0..<size {
        guard let idHigh = reader.readU64(), let idLow = reader.readU64(),
          let revision = reader.readU64(), let digestHigh = reader.readU64(),
          let digestLow = reader.readU64()
        else { return nil }
        items[RecordKey(high: idHigh, low: idLow)] = Item(
          revision: revision, digest: RecordDigest(high: digestHigh, low: digestLow))
      }
      guard reader.isAtEnd else { return nil }
    }
    guard head.isAtEnd, UInt64(items.count) == count else { return nil }
    return (items, counter)
  }
}
