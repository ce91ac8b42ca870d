import Foundation
import SottoCrypto
import SottoStorage

/// One record as the manifest remembers it.
struct ManifestItem: Equatable, Sendable {
  var id: RecordKey
  var tag: RecordTag
  /// BLAKE2b-128 of the record's nonce followed by its ciphertext.
  var digest: RecordDigest
  /// What the time index lists of the version written (`nil`: nothing, a tombstone). Not
  /// stored in the manifest; set by whoever sealed the record.
  var indexed: IndexItem? = nil
  /// What the time index listed for this id before the write, when the writer knows it.
  var replaced = IndexReplaced.unknown

  init(
    id: RecordKey, tag: RecordTag, digest: RecordDigest, indexed: IndexItem? = nil,
    replaced: IndexReplaced = .unknown
  ) {
    self.id = id
    self.tag = tag
    self.digest = digest
    self.indexed = indexed
    self.replaced = replaced
  }

  /// What the manifest stores: the id, tag and digest.
  static func == (lhs: ManifestItem, rhs: ManifestItem) -> Bool {
    (lhs.id, lhs.tag, lhs.digest) == (rhs.id, rhs.tag, rhs.digest)
  }
}

/// The encrypted list of every record, kept in step with the records table.
///
/// Records are spread over 256 buckets by the first byte of their id, so a change rewrites one
/// bucket and the head instead of the whole list. The head holds a write counter and each
/// bucket's size and digest; a bucket replayed from an older copy then fails against the head.
/// The head also keeps this device's id, its clock and the journal's settings: the one
/// encrypted place every change rewrites. Layouts: Docs/FORMAT.md, "Manifest".
struct Manifest {
  static let bucketCount = 256
  static let plaintextVersion: UInt8 = 2
  static let digestBytes = 16
  /// The settings' room in the head: their JSON, then zeros, so its size says nothing.
  static let settingsBytes = 512
  /// Room in the head for references: the time index's (``encode(_:)-(IndexReference?)``).
  static let reservedBytes = 64

  let header: JournalHeader
  let key: SecureBytes

  var timeIndex: TimeIndex { TimeIndex(header: header, key: key) }

  struct Head: Equatable {
    var writeCounter: UInt64 = 0
    var recordCount: UInt64 = 0
    /// This journal's device id, drawn at `init` or migration, stamped on every version.
    var device: UInt64 = 0
    /// The last hybrid-logical-clock value issued (``RecordVersion/hlc``).
    var hlc: UInt64 = 0
    /// The journal's settings, UTF-8 JSON (an object), at most ``settingsBytes`` bytes.
    var settings: [UInt8] = Array("{}".utf8)
    /// The time index (in the head's reserved bytes; `nil` in a journal written before Sotto
    /// 0.5, whose writers left them zero).
    var index: IndexReference? = nil
    var bucketCounts = [UInt32](repeating: 0, count: Manifest.bucketCount)
    var bucketDigests = [[UInt8]](
      repeating: [UInt8](repeating: 0, count: Manifest.digestBytes), count: Manifest.bucketCount)
  }

  /// The digest of a record's row, `digest(nonce || ciphertext)` (Docs/FORMAT.md §5), of a
  /// nonce and a ciphertext held apart.
  static func recordDigest(nonce: [UInt8], ciphertext: [UInt8]) -> RecordDigest {
    digest(of: nonce + ciphertext)
  }

  /// The 16-byte BLAKE2b digest of `bytes`.
  static func digest(of bytes: [UInt8]) -> RecordDigest {
    RecordDigest(BLAKE2b.digest(bytes, count: 16))
  }

  static func bucket(of id: RecordKey) -> Int { Int(id.high >> 56) }

  /// Whether every id is greater than the one before (so none is listed twice).
  static func ascending(_ items: [ManifestItem]) -> Bool {
    zip(items, items.dropFirst()).allSatisfy { $0.id < $1.id }
  }

  // MARK: Encoding

  static func encode(_ head: Head) -> [UInt8] {
    var writer = ByteWriter()
    writer.append(u8: plaintextVersion)
    writer.append(u64: head.writeCounter)
    writer.append(u64: head.recordCount)
    writer.append(u64: head.device)
    writer.append(u64: head.hlc)
    precondition(head.settings.count <= settingsBytes)
    writer.append(u16: UInt16(head.settings.count))
    writer.append(head.settings + [UInt8](repeating: 0, count: settingsBytes - head.settings.count))
    writer.append(encode(head.index))
    for index in 0..<bucketCount {
      writer.append(u32: head.bucketCounts[index])
      writer.append(head.bucketDigests[index])
    }
    return writer.bytes
  }

  static func decodeHead(_ bytes: [UInt8]) -> Head? {
    var reader = ByteReader(bytes)
    guard reader.readU8() == plaintextVersion, let counter = reader.readU64(),
      let count = reader.readU64(), let device = reader.readU64(), let hlc = reader.readU64(),
      let settingsCount = reader.readU16(), Int(settingsCount) <= settingsBytes,
      let settings = reader.read(count: settingsBytes),
      let reserved = reader.read(count: reservedBytes)
    else { return nil }
    var head = Head(
      writeCounter: counter, recordCount: count, device: device, hlc: hlc,
      settings: Array(settings[..<Int(settingsCount)]), index: decodeIndex(reserved))
    for index in 0..<bucketCount {
      guard let size = reader.readU32(), let digest = reader.read(count: digestBytes) else {
        return nil
      }
      head.bucketCounts[index] = size
      head.bucketDigests[index] = digest
    }
    return reader.isAtEnd ? head : nil
  }

  /// The reserved bytes: the index's version, 7 zeros, the index root's id, its digest and the count of entries
  /// it lists, then zeros; all zeros without an index.
  static func encode(_ index: IndexReference?) -> [UInt8] {
    var writer = ByteWriter()
    if let index {
      writer.append(u8: TimeIndex.version)
      writer.append([UInt8](repeating: 0, count: 7))
      writer.append(index.root.bytes)
      writer.append(index.digest.bytes)
      writer.append(u64: index.count)
    }
    writer.append([UInt8](repeating: 0, count: reservedBytes - writer.bytes.count))
    return writer.bytes
  }

  /// The index the reserved bytes name; `nil` for zeros or anything else (an earlier or a
  /// later version's reference reads as none: the index is built again).
  static func decodeIndex(_ bytes: [UInt8]) -> IndexReference? {
    var reader = ByteReader(bytes)
    guard reader.readU8() == TimeIndex.version,
      reader.read(count: 7) == [UInt8](repeating: 0, count: 7),
      let root = reader.read(count: 16), let digest = reader.read(count: 16),
      let count = reader.readU64()
    else { return nil }
    return IndexReference(root: RecordKey(root), digest: RecordDigest(digest), count: count)
  }

  static func encode(_ items: [ManifestItem]) -> [UInt8] {
    var writer = ByteWriter()
    writer.append(u8: plaintextVersion)
    writer.append(u32: UInt32(items.count))
    // A restore's buckets come sorted; sorting them again cost a comparison sort each.
    for item in ascending(items) ? items : items.sorted(by: { $0.id < $1.id }) {
      writer.append(u64: item.id.high)
      writer.append(u64: item.id.low)
      writer.append(u64: item.tag.high)
      writer.append(u64: item.tag.low)
      writer.append(u64: item.digest.high)
      writer.append(u64: item.digest.low)
    }
    return writer.bytes
  }

  static func decodeBucket(_ bytes: [UInt8]) -> [ManifestItem]? {
    var reader = ByteReader(bytes)
    guard reader.readU8() == plaintextVersion, let count = reader.readU32(),
      Int(count) <= (bytes.count - 5) / 48
    else { return nil }
    var items: [ManifestItem] = []
    items.reserveCapacity(Int(count))
    for _ in 0..<count {
      guard let idHigh = reader.readU64(), let idLow = reader.readU64(),
        let tagHigh = reader.readU64(), let tagLow = reader.readU64(),
        let digestHigh = reader.readU64(), let digestLow = reader.readU64()
      else { return nil }
      items.append(
        ManifestItem(
          id: RecordKey(high: idHigh, low: idLow), tag: RecordTag(high: tagHigh, low: tagLow),
          digest: RecordDigest(high: digestHigh, low: digestLow)))
    }
    return reader.isAtEnd ? items : nil
  }

  // MARK: Reading

  /// Reads and authenticates the head; `nil` when it is missing or damaged.
  func readHead(_ db: StoreTransaction) throws -> Head? {
    guard
      let row = try db.manifest.slot(0),
      let plaintext = Vault.open(
        nonce: row.nonce, ciphertext: row.ciphertext,
        key: key, associatedData: header.manifestAssociatedData(slot: 0))
    else { return nil }
    return Self.decodeHead(plaintext)
  }

  /// Reads one bucket and checks it against the head; `nil` when it fails.
  func readBucket(_ db: StoreTransaction, index: Int, head: Head) throws -> [ManifestItem]? {
    guard let row = try db.manifest.slot(index + 1) else {
      return head.bucketCounts[index] == 0 ? [] : nil
    }
    let (nonce, ciphertext) = (row.nonce, row.ciphertext)
    guard
      Self.recordDigest(nonce: nonce, ciphertext: ciphertext).bytes == head.bucketDigests[index],
      let plaintext = Vault.open(
        nonce: nonce, ciphertext: ciphertext, key: key,
        associatedData: header.manifestAssociatedData(slot: index + 1)),
      let items = Self.decodeBucket(plaintext), items.count == head.bucketCounts[index]
    else { return nil }
    return items
  }

  /// Reads the whole manifest, in id order; `nil` when any part of it fails its checks.
  func readAll(_ db: StoreTransaction) throws -> [ManifestItem]? {
    guard let head = try readHead(db) else { return nil }
    var all: [ManifestItem] = []
    all.reserveCapacity(Int(min(head.recordCount, 10_000_000)))
    for index in 0..<Self.bucketCount where head.bucketCounts[index] > 0 {
      guard let items = try readBucket(db, index: index, head: head),
        items.allSatisfy({ Self.bucket(of: $0.id) == index })
      else { return nil }
      all.append(contentsOf: items)
    }
    let slots = try db.manifest.bucketCount()
    let nonEmpty = head.bucketCounts.filter { $0 > 0 }.count
    // Buckets are written sorted and in bucket order, so each id is listed once exactly when
    // every id is greater than the one before.
    guard UInt64(all.count) == head.recordCount, slots == nonEmpty, Self.ascending(all) else {
      return nil
    }
    return all
  }

  // MARK: Writing

  /// A head for a journal about to be written for the first time: a fresh device id.
  static func newHead(writeCounter: UInt64) -> Head {
    let device = SecureRandom.bytes(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    return Head(writeCounter: writeCounter, device: device, hlc: nextClock(after: 0))
  }

  /// Replaces the settings JSON (a transaction that changes no record, but counts as a write).
  func setSettings(_ db: StoreTransaction, _ settings: [UInt8]) throws {
    guard var head = try readHead(db) else { throw SottoError.manifestDamaged }
    head.settings = settings
    head.writeCounter += 1
    try writeHead(db, head)
  }

  /// The stamp for the versions a transaction writes: this device, and a clock above every
  /// value issued before (Unix milliseconds in the upper 48 bits, so it also orders by time).
  func stamp(_ db: StoreTransaction) throws -> (device: UInt64, hlc: UInt64) {
    guard let head = try readHead(db) else { throw SottoError.manifestDamaged }
    return (head.device, Self.nextClock(after: head.hlc))
  }

  /// The clock value after `previous`: now, or one more than `previous` if that is later.
  static func nextClock(after previous: UInt64) -> UInt64 {
    let milliseconds = UInt64(max(0, (Date().timeIntervalSince1970 * 1000).rounded(.down)))
    return max(milliseconds << 16, previous &+ 1)
  }

  /// Adds or replaces `items` (a bulk add or a restore), with the clock their stamp used.
  func apply(_ db: StoreTransaction, adding items: [ManifestItem], clock: UInt64) throws {
    guard var head = try readHead(db) else { throw SottoError.manifestDamaged }
    head.hlc = max(head.hlc, clock)
    guard head.recordCount == 0, Self.ascending(items),
      try db.manifest.bucketCount() == 0
    else {
      try apply(db, changes: items.map { ($0.id, $0) }, clock: clock)
      return
    }
    // An empty journal filled at once (a restore): each bucket is a run of the sorted items,
    // and no bucket needs reading or a table of its items. Buckets are encoded and sealed on
    // every core; SQLite then stores them on this thread.
    var runs: [(index: Int, items: Range<Int>)] = []
    var start = items.startIndex
    while start < items.endIndex {
      let index = Self.bucket(of: items[start].id)
      var end = start + 1
      while end < items.endIndex, Self.bucket(of: items[end].id) == index { end += 1 }
      runs.append((index, start..<end))
      start = end
    }
    let (header, key, buckets) = (self.header, self.key, runs)
    let sealed = Parallel.flatMap(count: runs.count, serialBelow: 16) { range in
      range.map { run in
        Self.seal(
          Array(items[buckets[run].items]), slot: buckets[run].index + 1, header: header,
          key: key)
      }
    }
    for (run, bucket) in zip(runs, sealed) {
      try store(db, index: run.index, bucket, head: &head)
    }
    head.recordCount = UInt64(items.count)
    head.index = try timeIndex.build(db, items: items.compactMap(\.indexed))
    head.writeCounter += 1
    try writeHead(db, head)
  }

  /// Applies changes to the manifest: an item to add or replace, or an id to remove (`nil`),
  /// with the clock their stamp used.
  func apply(
    _ db: StoreTransaction, changes: [(id: RecordKey, item: ManifestItem?)], clock: UInt64
  ) throws {
    guard var head = try readHead(db) else { throw SottoError.manifestDamaged }
    head.hlc = max(head.hlc, clock)
    var touched: [Int: [RecordKey: ManifestItem]] = [:]
    // What changes in the time index: the items replaced (where the writer knew them), the ids
    // whose items must be looked up, and the new items.
    var removing: [IndexKey] = []
    var unknown = Set<RecordKey>()
    var inserting: [IndexItem] = []
    for change in changes {
      let index = Self.bucket(of: change.id)
      if touched[index] == nil {
        guard let items = try readBucket(db, index: index, head: head) else {
          throw SottoError.manifestDamaged
        }
        touched[index] = Dictionary(items.map { ($0.id, $0) }, uniquingKeysWith: { $1 })
      }
      // A record that was not there has nothing in the index, whatever the writer thought.
      if touched[index, default: [:]][change.id] != nil {
        switch change.item?.replaced ?? .unknown {
        case .unknown: unknown.insert(change.id)
        case .nothing: break
        case .item(let key): removing.append(key)
        }
      }
      if let item = change.item?.indexed { inserting.append(item) }
      // The defaulted subscript mutates in place; `touched[index]![...]` would copy the bucket.
      touched[index, default: [:]][change.id] = change.item
    }
    for (index, items) in touched {
      try writeBucket(db, index: index, items: Array(items.values), head: &head)
    }
    head.recordCount = UInt64(head.bucketCounts.reduce(0) { $0 + Int($1) })
    if let index = head.index {
      head.index = try timeIndex.apply(
        db, index, removing: removing, unknown: unknown, inserting: inserting)
      // A damaged index is dropped, and built again from the records at the next unlock.
      if head.index == nil { try TimeIndex.drop(db) }
    }
    head.writeCounter += 1
    try writeHead(db, head)
  }

  /// Replaces the whole manifest with `items` (journal creation, passphrase change, repair,
  /// migration), keeping the write counter, device, clock and settings of `kept`.
  func rebuild(_ db: StoreTransaction, items: [ManifestItem], kept: Head) throws {
    try db.manifest.deleteAll()
    var head = Head(
      writeCounter: kept.writeCounter, device: kept.device, hlc: kept.hlc, settings: kept.settings)
    let grouped = Dictionary(grouping: items, by: { Self.bucket(of: $0.id) })
    for (index, bucketItems) in grouped {
      try writeBucket(db, index: index, items: bucketItems, head: &head)
    }
    head.recordCount = UInt64(items.count)
    head.index = try timeIndex.build(db, items: items.compactMap(\.indexed))
    try writeHead(db, head)
  }

  /// A bucket encrypted for its slot, with what the head keeps of it.
  struct SealedBucket: Sendable {
    var nonce: [UInt8]
    var ciphertext: [UInt8]
    var count: Int
  }

  static func seal(
    _ items: [ManifestItem], slot: Int, header: JournalHeader, key: SecureBytes
  ) -> SealedBucket {
    let sealed = Vault.seal(
      encode(items), key: key, associatedData: header.manifestAssociatedData(slot: slot))
    return SealedBucket(nonce: sealed.nonce, ciphertext: sealed.ciphertext, count: items.count)
  }

  private func writeBucket(
    _ db: StoreTransaction, index: Int, items: [ManifestItem], head: inout Head
  ) throws {
    if items.isEmpty {
      try db.manifest.delete(slot: index + 1)
      head.bucketCounts[index] = 0
      head.bucketDigests[index] = [UInt8](repeating: 0, count: Self.digestBytes)
      return
    }
    try store(
      db, index: index, Self.seal(items, slot: index + 1, header: header, key: key), head: &head)
  }

  private func store(
    _ db: StoreTransaction, index: Int, _ bucket: SealedBucket, head: inout Head
  ) throws {
    try db.manifest.put(
      slot: index + 1, Sealed(nonce: bucket.nonce, ciphertext: bucket.ciphertext))
    head.bucketCounts[index] = UInt32(bucket.count)
    head.bucketDigests[index] =
      Self.recordDigest(nonce: bucket.nonce, ciphertext: bucket.ciphertext).bytes
  }

  func writeHead(_ db: StoreTransaction, _ head: Head) throws {
    let sealed = Vault.seal(
      Self.encode(head), key: key, associatedData: header.manifestAssociatedData(slot: 0))
    try db.manifest.put(slot: 0, Sealed(nonce: sealed.nonce, ciphertext: sealed.ciphertext))
  }
}

extension SottoError {
  static let manifestDamaged = SottoError(
    .damaged,
    "The journal's manifest (its encrypted list of entries) is damaged or was replaced, so new "
      + "changes cannot be recorded safely. Run `sotto verify` to see what is affected; "
      + "`sotto verify --rebuild-manifest` records the entries as they are now. Nothing was written."
  )
}
