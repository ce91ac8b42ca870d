import Foundation
import SottoCrypto
import SottoModel
import SottoStorage

/// Where an entry falls in the time index: its time, then its id (the order of
/// ``UnlockedJournal/contents()``).
struct IndexKey: Comparable, Hashable, Sendable {
  var unix: Int64
  var id: RecordKey

  static func < (lhs: IndexKey, rhs: IndexKey) -> Bool {
    lhs.unix != rhs.unix ? lhs.unix < rhs.unix : lhs.id < rhs.id
  }

  init(unix: Int64, id: RecordKey) {
    self.unix = unix
    self.id = id
  }

  /// Where the index lists a record holding `version`; `nil` for one it does not list: a
  /// tombstone, or an entry whose time is outside the accepted range (which
  /// ``UnlockedJournal/contents()`` reports, never lists).
  init?(_ version: RecordVersion?, id: RecordKey) {
    guard let entry = version?.entry, entry.at.isWithinAcceptedRange else { return nil }
    self.init(unix: entry.at.unixSeconds, id: id)
  }
}

/// An entry as the time index lists it: where it falls, its kind, and the digest its record
/// must have (as in the manifest), so a record read through the index is checked as one read
/// through the manifest is; with its UTC offset and, for a use, its substance's tag, so the
/// status and the reports can count days and find each substance's last use from the index
/// alone.
struct IndexItem: Equatable, Sendable {
  var key: IndexKey
  var digest: RecordDigest
  /// 1 urge, 2 use, 3 goal, 4 rule.
  var kind: UInt8
  /// The entry's UTC offset, which places it on its local day.
  var offset: Int32
  /// ``substanceTag(_:)`` of a use's substance; 0 for other kinds.
  var substance: UInt64

  /// The item for a record holding `version`; `nil` where ``IndexKey/init(_:id:)`` is.
  init?(_ version: RecordVersion, id: RecordKey, digest: RecordDigest) {
    guard let key = IndexKey(version, id: id), let entry = version.entry else { return nil }
    self.init(
      key: key, digest: digest, kind: Self.code(of: entry.kind),
      offset: entry.at.utcOffsetSeconds,
      substance: entry.use.map { Self.substanceTag($0.substance) } ?? 0)
  }

  init(key: IndexKey, digest: RecordDigest, kind: UInt8, offset: Int32, substance: UInt64) {
    self.key = key
    self.digest = digest
    self.kind = kind
    self.offset = offset
    self.substance = substance
  }

  /// The first 8 bytes of the 16-byte BLAKE2b digest of a substance as written: the same for
  /// every use of it, so the latest use of each can be found without opening records. (Two
  /// names sharing a tag would need a second preimage of 64 bits.) Kept inside the encrypted
  /// leaves, it shows nothing to the file's holder.
  static func substanceTag(_ substance: String) -> UInt64 {
    Manifest.digest(of: Array(substance.utf8)).high
  }

  /// The kind a code stands for (1 to 4, as leaves are checked to hold).
  static func kind(of code: UInt8) -> EntryKind {
    switch code {
    case 1: .urge
    case 2: .use
    case 3: .goal
    default: .rule
    }
  }

  static func code(of kind: EntryKind) -> UInt8 {
    switch kind {
    case .urge: 1
    case .use: 2
    case .goal: 3
    case .rule: 4
    }
  }
}

/// What a change replaces in the time index, when the writer knows it (it read the record it
/// replaces). An unknown one makes the index look the id up in every leaf: slower, never wrong.
enum IndexReplaced: Equatable, Sendable {
  case unknown
  /// No item: a new entry, a tombstone, or a record that did not open.
  case nothing
  case item(IndexKey)

  /// What the index holds for a record whose current version is `version` (`nil`: no row).
  init(_ version: RecordVersion?, id: RecordKey) {
    self = IndexKey(version, id: id).map { .item($0) } ?? .nothing
  }
}

/// Where the manifest head finds the index: its root page and the root's digest.
struct IndexReference: Equatable, Sendable {
  var root: RecordKey
  var digest: RecordDigest
  /// The entries the index lists.
  var count: UInt64
}

/// The encrypted time index: leaves of up to 618 entries each in (time, id) order, and a root
/// listing the leaves with the first key, digest and count of each, all rows of `pages` under
/// random ids. The manifest head holds the root's id and digest, so the index is as
/// authenticated as the manifest: a leaf or root replayed from an older copy fails its digest.
///
/// It is derived data: built from the records (checked against the manifest) when a journal
/// has none, kept in the transaction of every change, rebuilt by `verify --rebuild-manifest`,
/// and dropped (to be built again at the next unlock) when a change finds it damaged. Layout:
/// Docs/FORMAT.md §5.1.
struct TimeIndex: Sendable {
  /// 2 since Sotto 0.6, whose items carry the offset and substance tag; a reference of
  /// another version reads as no index, which is built again (§5.1).
  static let version: UInt8 = 2
  /// Every leaf's plaintext is exactly this size, so its row says nothing of its fill.
  static let leafBytes = 32_768
  /// The root's plaintext is a multiple of this (its size follows the count of leaves, which
  /// follows the count of records, already visible).
  static let rootBlock = 8_192
  static let itemBytes = 53
  static let referenceBytes = 60
  static let leafCapacity = (leafBytes - 4) / itemBytes

  let header: JournalHeader
  let key: SecureBytes

  /// A leaf as the root lists it.
  struct Leaf: Equatable, Sendable {
    var first: IndexKey
    var page: RecordKey
    var digest: RecordDigest
    var count: Int
  }

  // MARK: Encoding

  static func encode(leaf items: ArraySlice<IndexItem>) -> [UInt8] {
    var writer = ByteWriter()
    writer.append(u8: version)
    writer.append(u8: 2)
    writer.append(u16: UInt16(items.count))
    for item in items { append(item, to: &writer) }
    writer.append([UInt8](repeating: 0, count: leafBytes - writer.bytes.count))
    return writer.bytes
  }

  /// Appends `item` as a leaf holds it (53 bytes).
  static func append(_ item: IndexItem, to writer: inout ByteWriter) {
    writer.append(u64: UInt64(bitPattern: item.key.unix))
    writer.append(u32: UInt32(bitPattern: item.offset))
    writer.append(u64: item.key.id.high)
    writer.append(u64: item.key.id.low)
    writer.append(u64: item.digest.high)
    writer.append(u64: item.digest.low)
    writer.append(u8: item.kind)
    writer.append(u64: item.substance)
  }

  static func decodeLeaf(_ bytes: [UInt8]) -> [IndexItem]? {
    var reader = ByteReader(bytes)
    guard bytes.count == leafBytes, reader.readU8() == version, reader.readU8() == 2,
      let count = reader.readU16(), Int(count) <= leafCapacity
    else { return nil }
    var items: [IndexItem] = []
    items.reserveCapacity(Int(count))
    for _ in 0..<count {
      // Only entries within the accepted range are listed (§4), so later arithmetic on a
      // leaf's times cannot overflow.
      guard let unix = reader.readU64(), let offset = reader.readU32(),
        Timestamp(
          unixSeconds: Int64(bitPattern: unix), utcOffsetSeconds: Int32(bitPattern: offset)
        ).isWithinAcceptedRange,
        let high = reader.readU64(), let low = reader.readU64(),
        let digestHigh = reader.readU64(), let digestLow = reader.readU64(),
        let kind = reader.readU8(), (1...4).contains(kind), let substance = reader.readU64(),
        kind == 2 || substance == 0
      else { return nil }
      let item = IndexItem(
        key: IndexKey(unix: Int64(bitPattern: unix), id: RecordKey(high: high, low: low)),
        digest: RecordDigest(high: digestHigh, low: digestLow), kind: kind,
        offset: Int32(bitPattern: offset), substance: substance)
      // Strictly ascending, so no entry is listed twice.
      if let last = items.last, !(last.key < item.key) { return nil }
      items.append(item)
    }
    return items
  }

  static func encode(root leaves: [Leaf]) -> [UInt8] {
    var writer = ByteWriter()
    writer.append(u8: version)
    writer.append(u8: 1)
    writer.append(u32: UInt32(leaves.count))
    for leaf in leaves {
      writer.append(u64: UInt64(bitPattern: leaf.first.unix))
      writer.append(u64: leaf.first.id.high)
      writer.append(u64: leaf.first.id.low)
      writer.append(u64: leaf.page.high)
      writer.append(u64: leaf.page.low)
      writer.append(u64: leaf.digest.high)
      writer.append(u64: leaf.digest.low)
      writer.append(u32: UInt32(leaf.count))
    }
    let size = max(1, (writer.bytes.count + rootBlock - 1) / rootBlock) * rootBlock
    writer.append([UInt8](repeating: 0, count: size - writer.bytes.count))
    return writer.bytes
  }

  static func decodeRoot(_ bytes: [UInt8]) -> [Leaf]? {
    var reader = ByteReader(bytes)
    guard bytes.count % rootBlock == 0, reader.readU8() == version, reader.readU8() == 1,
      let count = reader.readU32(), Int(count) <= (bytes.count - 6) / referenceBytes
    else { return nil }
    var leaves: [Leaf] = []
    leaves.reserveCapacity(Int(count))
    for _ in 0..<count {
      guard let unix = reader.readU64(), let high = reader.readU64(), let low = reader.readU64(),
        let pageHigh = reader.readU64(), let pageLow = reader.readU64(),
        let digestHigh = reader.readU64(), let digestLow = reader.readU64(),
        let size = reader.readU32(), (1...UInt32(leafCapacity)).contains(size)
      else { return nil }
      let leaf = Leaf(
        first: IndexKey(unix: Int64(bitPattern: unix), id: RecordKey(high: high, low: low)),
        page: RecordKey(high: pageHigh, low: pageLow),
        digest: RecordDigest(high: digestHigh, low: digestLow), count: Int(size))
      if let last = leaves.last, !(last.first < leaf.first) { return nil }
      leaves.append(leaf)
    }
    return leaves
  }

  // MARK: Pages

  /// Seals `plaintext` as page `id` and stores it; returns the check its parent keeps.
  private func store(_ db: StoreTransaction, page id: RecordKey, _ plaintext: [UInt8]) throws
    -> RecordDigest
  {
    let sealed = Vault.seal(
      plaintext, key: key, associatedData: header.pageAssociatedData(id: id.bytes))
    try db.pages.put(id.bytes, Sealed(nonce: sealed.nonce, ciphertext: sealed.ciphertext))
    return Self.check(of: sealed.ciphertext)
  }

  /// What a page's parent keeps of it: the ciphertext's last 16 bytes, its Poly1305 tag. It
  /// binds the page as a digest would (a copy of the page from before a change has another
  /// tag, and no other nonce and ciphertext open under this one without the key), and costs
  /// nothing: hashing every leaf besides opening it took half the time `status` spent on
  /// them at 1,000,000 entries.
  static func check(of ciphertext: [UInt8]) -> RecordDigest {
    RecordDigest(Array(ciphertext.suffix(Vault.tagBytes)))
  }

  /// Reads page `id`, checked against `digest`; `nil` when missing, replaced or damaged.
  private func load(_ db: StoreTransaction, page id: RecordKey, digest: RecordDigest) throws
    -> [UInt8]?
  {
    guard let row = try db.pages.page(id.bytes) else { return nil }
    return open(row, page: id, digest: digest)
  }

  /// Opens the row of page `id`, checked against `digest`; `nil` when replaced or damaged.
  private func open(_ row: Sealed, page id: RecordKey, digest: RecordDigest) -> [UInt8]? {
    let (nonce, ciphertext) = (row.nonce, row.ciphertext)
    guard ciphertext.count >= Vault.tagBytes, Self.check(of: ciphertext) == digest else {
      return nil
    }
    return Vault.open(
      nonce: nonce, ciphertext: ciphertext, key: key,
      associatedData: header.pageAssociatedData(id: id.bytes))
  }

  /// The leaves the root of `reference` lists; `nil` when the root fails its checks.
  func leaves(_ db: StoreTransaction, _ reference: IndexReference) throws -> [Leaf]? {
    guard let plaintext = try load(db, page: reference.root, digest: reference.digest),
      let leaves = Self.decodeRoot(plaintext),
      UInt64(leaves.reduce(0) { $0 + $1.count }) == reference.count
    else { return nil }
    return leaves
  }

  /// The items of `leaf`; `nil` when it fails its checks.
  func items(_ db: StoreTransaction, _ leaf: Leaf) throws -> [IndexItem]? {
    guard let row = try db.pages.page(leaf.page.bytes) else { return nil }
    return items(leaf, row: row)
  }

  /// The items of `leaf` from its row, read already (so any thread can open it); `nil` when
  /// it fails its checks.
  func items(_ leaf: Leaf, row: Sealed) -> [IndexItem]? {
    guard let plaintext = open(row, page: leaf.page, digest: leaf.digest),
      let items = Self.decodeLeaf(plaintext), items.count == leaf.count,
      items.first?.key == leaf.first
    else { return nil }
    return items
  }

  /// A fresh random page id. Sync's two rows have ids below 2^64, which 16 random bytes never
  /// draw in practice; drawing again keeps them apart for certain.
  private static func newPage() -> RecordKey {
    while true {
      let key = RecordKey(SecureRandom.bytes(16))
      if key.high != 0 { return key }
    }
  }

  /// The lowest id an index page can have: sync's rows lie below it.
  static let lowestPage = RecordKey(high: 1, low: 0).bytes

  /// Removes every page of the index (all rows of `pages` from ``lowestPage`` up).
  static func drop(_ db: StoreTransaction) throws {
    try db.pages.delete(from: lowestPage)
  }

  // MARK: Writing

  /// Replaces the index with one listing `items` (in any order), leaves filled to the brim.
  func build(_ db: StoreTransaction, items: [IndexItem]) throws -> IndexReference {
    try Self.drop(db)
    let sorted = items.sorted { $0.key < $1.key }
    var leaves: [Leaf] = []
    var start = 0
    while start < sorted.count {
      let end = min(start + Self.leafCapacity, sorted.count)
      leaves.append(try write(db, sorted[start..<end], page: Self.newPage()))
      start = end
    }
    return try writeRoot(db, leaves, page: Self.newPage())
  }

  private func write(_ db: StoreTransaction, _ items: ArraySlice<IndexItem>, page: RecordKey) throws
    -> Leaf
  {
    let digest = try store(db, page: page, Self.encode(leaf: items))
    return Leaf(first: items.first!.key, page: page, digest: digest, count: items.count)
  }

  private func writeRoot(_ db: StoreTransaction, _ leaves: [Leaf], page: RecordKey) throws
    -> IndexReference
  {
    let digest = try store(db, page: page, Self.encode(root: leaves))
    return IndexReference(
      root: page, digest: digest, count: UInt64(leaves.reduce(0) { $0 + $1.count }))
  }

  /// The items of `first` and `second`, both in key order, in key order.
  static func merged(_ first: [IndexItem], _ second: [IndexItem]) -> [IndexItem] {
    guard !first.isEmpty else { return second }
    var result: [IndexItem] = []
    result.reserveCapacity(first.count + second.count)
    var (i, j) = (0, 0)
    while i < first.count && j < second.count {
      if second[j].key < first[i].key {
        result.append(second[j])
        j += 1
      } else {
        result.append(first[i])
        i += 1
      }
    }
    result.append(contentsOf: first[i...])
    result.append(contentsOf: second[j...])
    return result
  }

  /// Applies one transaction's changes: removes the items at `removing` and those of the ids
  /// in `unknown` (looked up in every leaf), then adds `inserting`. Rewrites each leaf touched
  /// and the root; `nil` when a page it needs fails its checks (the caller drops the index).
  func apply(
    _ db: StoreTransaction, _ reference: IndexReference, removing: [IndexKey],
    unknown: Set<RecordKey>,
    inserting: [IndexItem]
  ) throws -> IndexReference? {
    guard var leaves = try self.leaves(db, reference) else { return nil }
    var loaded: [Int: [IndexItem]] = [:]
    func position(of key: IndexKey) -> Int {
      // The last leaf whose first key is at or below `key`; the first for a key below all.
      var low = 0
      var high = leaves.count
      while low < high {
        let middle = (low + high) / 2
        if leaves[middle].first <= key { low = middle + 1 } else { high = middle }
      }
      return max(0, low - 1)
    }
    func load(_ position: Int) throws -> Bool {
      if loaded[position] != nil { return true }
      guard let items = try self.items(db, leaves[position]) else { return false }
      loaded[position] = items
      return true
    }
    var unknown = unknown
    // Grouped by leaf and taken out in one pass each: found and removed one by one, an import
    // updating 43,760 of 100,000 entries spent 0.3 s more than looking them all up by id.
    var removals: [Int: Set<IndexKey>] = [:]
    for key in removing where !leaves.isEmpty {
      removals[position(of: key), default: []].insert(key)
    }
    for (at, keys) in removals {
      guard try load(at) else { return nil }
      var found = Set<IndexKey>()
      loaded[at]!.removeAll { item in
        guard keys.contains(item.key) else { return false }
        found.insert(item.key)
        return true
      }
      for key in keys where !found.contains(key) { unknown.insert(key.id) }
    }
    if !unknown.isEmpty {
      for at in leaves.indices {
        if loaded[at] == nil {
          guard let items = try self.items(db, leaves[at]) else { return nil }
          // Only leaves that change are loaded (and so rewritten).
          guard items.contains(where: { unknown.contains($0.key.id) }) else { continue }
          loaded[at] = items
        }
        loaded[at]!.removeAll { unknown.contains($0.key.id) }
      }
    }
    if leaves.isEmpty && !inserting.isEmpty {
      leaves = [
        Leaf(
          first: inserting[0].key, page: Self.newPage(), digest: RecordDigest(high: 0, low: 0),
          count: 0)
      ]
      loaded[0] = []
    }
    // Sorted, then merged into each leaf in one pass: inserted one by one, an import of
    // 100,000 entries into a new journal moved the one growing leaf 100,000 times (10 s).
    var byLeaf: [Int: [IndexItem]] = [:]
    for item in inserting.sorted(by: { $0.key < $1.key }) {
      byLeaf[position(of: item.key), default: []].append(item)
    }
    for (at, items) in byLeaf {
      guard try load(at) else { return nil }
      loaded[at] = Self.merged(loaded[at]!, items)
    }
    guard !loaded.isEmpty else { return reference }
    var result: [Leaf] = []
    result.reserveCapacity(leaves.count + loaded.count)
    for (at, leaf) in leaves.enumerated() {
      guard let items = loaded[at] else {
        result.append(leaf)
        continue
      }
      guard !items.isEmpty else {
        try db.pages.delete(leaf.page.bytes)
        continue
      }
      // The last leaf, where entries logged now arrive, is cut into full leaves, so logging
      // in time order fills them; any other is cut into equal parts with room to grow.
      let parts =
        items.count <= Self.leafCapacity
        ? 1
        : at == leaves.count - 1
          ? (items.count + Self.leafCapacity - 1) / Self.leafCapacity
          : items.count / Self.leafCapacity + 1
      let size = at == leaves.count - 1 ? Self.leafCapacity : (items.count + parts - 1) / parts
      var start = 0
      var part = 0
      while start < items.count {
        let end = min(start + size, items.count)
        result.append(
          try write(db, items[start..<end], page: part == 0 ? leaf.page : Self.newPage()))
        start = end
        part += 1
      }
    }
    return try writeRoot(db, result, page: reference.root)
  }
}

extension Array {
  /// The first index whose element satisfies `belongs`, for a predicate false then true along
  /// the array (a binary search).
  func partitioningIndex(where belongs: (Element) -> Bool) -> Int {
    var low = 0
    var high = count
    while low < high {
      let middle = (low + high) / 2
      if belongs(self[middle]) { high = middle } else { low = middle + 1 }
    }
    return low
  }
}
