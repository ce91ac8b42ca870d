import Foundation
import SottoModel
import SottoStorage

/// Entries read through the time index (``UnlockedJournal/newest(since:until:kind:limit:matching:)``).
public struct Listing: Sendable {
  /// Newest first.
  public var entries: [StoredEntry]
  /// Entries with other versions kept beside them (a sync conflict).
  public var inConflict: Set<EntryID>
  /// What the records read were found to be (ids only).
  public var integrity: IntegrityReport
}

extension UnlockedJournal {
  /// Builds the time index when the journal has none: one written by Sotto before 0.5 (whose
  /// writers left the head's reserved bytes zero), or one whose index a change found damaged
  /// and dropped. Reads every record once, a batch at a time, and lists only those that match
  /// the manifest, so a record replayed or injected behind Sotto's back is not taken in.
  ///
  /// - Returns: the entries listed, or `nil` when nothing was built (there was an index, or
  ///   the manifest is damaged: commands then read every record, which reports it).
  func buildIndexIfMissing() throws(SottoError) -> Int? {
    guard try read({ db in try self.manifest.readHead(db).map { $0.index == nil } }) == true
    else { return nil }
    let header = self.header
    let key = bundle.recordKey
    return try write { db -> Int? in
      guard var head = try self.manifest.readHead(db), head.index == nil else { return nil }
      var opened: [IndexItem] = []
      try db.records.forEachBatch(size: Self.batchRows) { batch in
        opened += Self.openIndexed(batch, header: header, key: key).compactMap(\.item)
      }
      guard let manifest = try self.manifest.readAll(db) else { return nil }
      // Both in id order: keep the records whose digest is the manifest's.
      var listed: [IndexItem] = []
      listed.reserveCapacity(opened.count)
      var position = 0
      for item in opened {
        while position < manifest.count, manifest[position].id < item.key.id { position += 1 }
        if position < manifest.count, manifest[position].id == item.key.id,
          manifest[position].digest == item.digest
        {
          listed.append(item)
        }
      }
      head.index = try self.manifest.timeIndex.build(db, items: listed)
      try self.manifest.writeHead(db, head)
      return listed.count
    }
  }

  /// The entries from `since` to `until` (Unix seconds, both included) of `kind` that
  /// `matching` accepts, newest first, at most `limit`: read through the time index, so only
  /// its root, the leaves in range and the records they list are decrypted.
  ///
  /// Each record is checked against the digest its leaf lists (as ``contents()`` checks it
  /// against the manifest); findings are reported by id and the rest still lists.
  ///
  /// - Returns: `nil` when the journal has no usable index (none yet, or a page of it fails
  ///   its checks): the caller reads ``contents()``, which checks everything.
  public func newest(
    since: Int64? = nil, until: Int64? = nil, kind: EntryKind? = nil, limit: Int? = nil,
    matching: @escaping (Entry) -> Bool = { _ in true }
  ) throws(SottoError) -> Listing? {
    let header = self.header
    let key = bundle.recordKey
    return try read { db -> Listing? in
      guard let head = try self.manifest.readHead(db), let reference = head.index,
        let leaves = try self.manifest.timeIndex.leaves(db, reference)
      else { return nil }
      var listing = Listing(entries: [], inConflict: [], integrity: IntegrityReport())
      let code = kind.map(IndexItem.code(of:))
      var opener = RecordOpener(header: header, key: key)
      var position = leaves.count
      scan: while position > 0 {
        position -= 1
        // Leaf `position` holds keys from its first to the next leaf's first.
        if let since, position + 1 < leaves.count, leaves[position + 1].first.unix < since {
          break
        }
        if let until, leaves[position].first.unix > until { continue }
        guard let items = try self.manifest.timeIndex.items(db, leaves[position]) else {
          return nil
        }
        for item in items.reversed() {
          if let until, item.key.unix > until { continue }
          if let since, item.key.unix < since { break scan }
          if let code, item.kind != code { continue }
          let idBytes = item.key.id.bytes
          let id = Self.entryID(idBytes)
          guard let row = try db.records.record(idBytes) else {
            listing.integrity.missing.append(id)
            continue
          }
          listing.integrity.recordsChecked += 1
          let (nonce, ciphertext) = (row.nonce, row.ciphertext)
          guard Manifest.recordDigest(nonce: nonce, ciphertext: ciphertext) == item.digest else {
            listing.integrity.digestMismatch.append(id)
            continue
          }
          guard
            let version = opener.open(
              id: idBytes, tag: RecordTag(row.tag), nonce: nonce,
              ciphertext: ciphertext),
            let entry = version.entry
          else {
            listing.integrity.undecryptable.append(id)
            continue
          }
          guard matching(entry) else { continue }
          listing.entries.append(
            StoredEntry(
              entry: entry, revision: version.revision,
              otherVersions: version.others.map(\.entry)))
          if !version.others.isEmpty { listing.inConflict.insert(entry.id) }
          if let limit, listing.entries.count >= limit { break scan }
        }
      }
      listing.integrity.sortFindings()
      return listing
    }
  }

  /// Whether the time index lists exactly the items `expected` took in (every entry whose
  /// record matches the manifest), in order, each leaf and the root passing their checks,
  /// besides items of the ids in `reported` (records already found missing or damaged, whose
  /// times the index alone still knows): ``verify()``'s check, one leaf held at a time.
  func indexLists(
    _ db: StoreTransaction, exactly expected: IndexFingerprint, besides reported: Set<RecordKey>
  ) throws -> Bool {
    guard let reference = try manifest.readHead(db)?.index,
      let leaves = try manifest.timeIndex.leaves(db, reference)
    else { return false }
    var listed = IndexFingerprint(seeds: expected.seeds)
    for (number, leaf) in leaves.enumerated() {
      // Each leaf is in order (its decoding checks that); so must the leaves be.
      guard let items = try manifest.timeIndex.items(db, leaf),
        number + 1 == leaves.count || items.last!.key < leaves[number + 1].first
      else { return false }
      for item in items where !reported.contains(item.key.id) { listed.add(item) }
    }
    guard listed == expected else { return false }
    // Nothing in `pages` but sync's rows and the index's.
    return try db.pages.count(from: TimeIndex.lowestPage) == leaves.count + 1
  }
}

/// An order-free fingerprint of a set of index items: their count and two sums, modulo 2^64,
/// of a seeded mix of each item's fields. It lets `verify` compare the records, read in id
/// order a bucket at a time, with the index, in time order, holding neither whole (at
/// 1,000,000 entries the two lists it sorted took 200 MB).
///
/// Not a cryptographic commitment, and it need not be: the leaves are sealed and only Sotto
/// writes them (a page replayed or swapped fails its tag first), so what it catches is an
/// index that Sotto itself did not keep with a change, which matches the records' only by
/// chance: two 64-bit sums under seeds drawn for the run. A salted BLAKE2b of each item made
/// `verify` 20% slower.
struct IndexFingerprint: Equatable {
  let seeds: (UInt64, UInt64)
  private(set) var count = 0
  private var first: UInt64 = 0
  private var second: UInt64 = 0

  init(seeds: (UInt64, UInt64) = (.random(in: .min ... .max), .random(in: .min ... .max))) {
    self.seeds = seeds
  }

  static func == (lhs: IndexFingerprint, rhs: IndexFingerprint) -> Bool {
    lhs.seeds == rhs.seeds && lhs.count == rhs.count && lhs.first == rhs.first
      && lhs.second == rhs.second
  }

  mutating func add(_ item: IndexItem) {
    var hash = seeds.0
    for word in [
      UInt64(bitPattern: item.key.unix),
      UInt64(UInt32(bitPattern: item.offset)) << 8 | UInt64(item.kind),
      item.key.id.high, item.key.id.low, item.digest.high, item.digest.low, item.substance,
    ] {
      hash = Self.mix(hash ^ word)
    }
    first = first &+ hash
    second = second &+ Self.mix(hash ^ seeds.1)
    count += 1
  }

  /// SplitMix64's finaliser: every bit of the input moves about half the output's.
  private static func mix(_ value: UInt64) -> UInt64 {
    var mixed = value &+ 0x9E37_79B9_7F4A_7C15
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
  }
}

/// What ``UnlockedJournal/entries(_:)`` read: the entries asked for and the whole journal's
/// outline.
public struct NeededEntries: Sendable {
  /// The entries ``EntriesNeeded`` names (the version shown of each), in time order as
  /// ``UnlockedJournal/contents()`` gives them.
  public var entries: [Entry]
  /// The first day and the days with use of the whole journal, from every leaf of the index.
  public var outline: JournalOutline
  /// What the records read were found to be (ids only).
  public var integrity: IntegrityReport
}

extension UnlockedJournal {
  /// Leaves read from the file before they are opened (on every core): about 3 MB.
  static let leavesAtOnce = 96
  /// Past one entry in this many, the days asked for are read with every record instead:
  /// records picked one by one cost more each than a read of them all in order (measured at
  /// 1,000,000 entries, Scripts/bench).
  public static let mostToPick = 4

  /// The leaves whose keys may reach `needed`'s days, from the root alone (a day's times lie
  /// within 14 hours of its UTC bounds, offsets being at most that).
  static func leaves(reaching needed: EntriesNeeded, among leaves: [TimeIndex.Leaf])
    -> [TimeIndex.Leaf]
  {
    let margin = Int64(Timestamp.maxOffsetSeconds) + 1
    return leaves.indices.filter { position in
      let low = leaves[position].first.unix
      let high = position + 1 < leaves.count ? leaves[position + 1].first.unix : Int64.max
      return needed.days.contains { days in
        let start = Int64(days.lowerBound) * 86_400 + needed.dayStart.seconds - margin
        let end = Int64(days.upperBound + 1) * 86_400 + needed.dayStart.seconds + margin
        return low <= end && high >= start
      }
    }.map { leaves[$0] }
  }

  /// At most how many entries the leaves list on `needed`'s days: the count of every leaf that
  /// may reach them.
  static func listedOnDays(_ needed: EntriesNeeded, leaves: [TimeIndex.Leaf]) -> Int {
    Self.leaves(reaching: needed, among: leaves).reduce(0) { $0 + $1.count }
  }

  /// The entries `needed` names, read through the time index: every leaf is opened (for the
  /// outline and to find the entries), then only the records named. Each record is checked
  /// against the digest its leaf lists; findings are reported by id and the rest is returned.
  ///
  /// - Returns: `nil` when the journal has no usable index (none yet, or a page of it fails
  ///   its checks), or when the days asked for hold more than a quarter of its entries: the
  ///   caller reads ``contents()``, which checks everything (and is then the cheaper read).
  /// - Parameter mostToPick: the share (one in this many) past which every record is read
  ///   instead; tests pass 1 to pick records whatever their number.
  public func entries(_ needed: EntriesNeeded, mostToPick: Int = UnlockedJournal.mostToPick)
    throws(SottoError) -> NeededEntries?
  {
    let header = self.header
    let key = bundle.recordKey
    let index = manifest.timeIndex
    return try read { db -> NeededEntries? in
      guard let reference = try self.manifest.readHead(db)?.index,
        let leaves = try index.leaves(db, reference),
        Self.listedOnDays(needed, leaves: leaves) <= Int(reference.count) / mostToPick
      else { return nil }
      // Every leaf, in the file's order: the gathering does not depend on the order.
      let byPage = Dictionary(
        leaves.map { ($0.page, $0) }, uniquingKeysWith: { first, _ in first })
      var gathered = IndexGathering(needed: needed)
      var seen = 0
      var usable = true
      try db.pages.forEach(from: TimeIndex.lowestPage, size: Self.leavesAtOnce) { rows in
        guard usable else { return }
        // The root is among the rows; any other row is not a leaf the root lists.
        let chunk = rows.compactMap { row in
          byPage[RecordKey(row.id)].map { (leaf: $0, sealed: row.sealed) }
        }
        seen += chunk.count
        let parts = Parallel.map(count: chunk.count, serialBelow: 8) { range in
          var part = IndexGathering(needed: needed)
          for position in range {
            guard let items = index.items(chunk[position].leaf, row: chunk[position].sealed)
            else { return IndexGathering?.none }
            part.add(items)
          }
          return part
        }
        for part in parts {
          guard let part else {
            usable = false
            return
          }
          gathered.merge(part)
        }
      }
      guard usable, seen == leaves.count else { return nil }
      let outline = gathered.outline.outline
      // The journal's first days, now that the first is known: from the few leaves reaching
      // them (their pages opened a second time).
      var wanted = gathered.wanted
      if needed.firstDays > 0, let first = outline.firstDay {
        let days = EntriesNeeded(
          days: [first...(first + needed.firstDays - 1)], latestUseBefore: first,
          dayStart: needed.dayStart)
        for leaf in Self.leaves(reaching: days, among: leaves) {
          guard let items = try index.items(db, leaf) else { return nil }
          wanted += items.filter {
            $0.kind != 4
              && days.coversDay(
                of: Timestamp(unixSeconds: $0.key.unix, utcOffsetSeconds: $0.offset))
          }
        }
      }
      // Each once, in id order (the order of the table's key).
      var ids = Set<RecordKey>()
      wanted = wanted.filter { ids.insert($0.key.id).inserted }.sorted { $0.key.id < $1.key.id }
      var result = NeededEntries(entries: [], outline: outline, integrity: IntegrityReport())
      var keyed: [(key: IndexKey, entry: Entry)] = []
      keyed.reserveCapacity(wanted.count)
      // A batch of rows at a time, so only one batch of ciphertexts is held.
      var batchStart = 0
      while batchStart < wanted.count {
        let batch = wanted[batchStart..<min(batchStart + Self.batchRows, wanted.count)]
        batchStart = batch.endIndex
        let rows = try db.records.rows(ids: batch.map(\.key.id))
        let opened = Self.open(rows, header: header, key: key, keepingVersions: true)
        var position = 0
        for item in batch {
          let id = Self.entryID(item.key.id.bytes)
          // The rows came back in the order asked, without the ids that have none.
          guard position < rows.rows.count, rows.rows[position].key == item.key.id else {
            result.integrity.missing.append(id)
            continue
          }
          let record = opened[position]
          position += 1
          result.integrity.recordsChecked += 1
          guard record.digest == item.digest else {
            result.integrity.digestMismatch.append(id)
            continue
          }
          guard let entry = record.version?.entry, record.outcome == .entry else {
            result.integrity.undecryptable.append(id)
            continue
          }
          keyed.append((item.key, entry))
        }
      }
      // In time order, as ``contents()`` gives them: sums of money and amounts depend on the
      // order they are added in, to the last bit.
      keyed.sort { $0.key < $1.key }
      result.entries = keyed.map(\.entry)
      result.integrity.sortFindings()
      return result
    }
  }
}

/// What one pass over leaves of the index gathers for ``UnlockedJournal/entries(_:)``, in any
/// order of the leaves: the outline, and the items of the entries needed (but the first days',
/// found once the outline is). Each worker gathers its own leaves; the parts are merged.
struct IndexGathering: Sendable {
  let needed: EntriesNeeded
  private(set) var outline: JournalOutline.Builder
  /// Goals, rules and the entries on the days asked for.
  private var selected: [IndexItem] = []
  /// Of each substance tag, its uses on days before ``EntriesNeeded/latestUseBefore`` from
  /// ``nearby`` before the latest such use on: the latest by time and any whose day may be
  /// later (offsets put two uses up to 28 hours apart on the other's day).
  private var before: [UInt64: Recent] = [:]
  /// Of each substance tag, its latest use at or before ``EntriesNeeded/latestUseUntil``.
  private var until: [UInt64: IndexItem] = [:]
  private static let nearby = Int64(2 * 86_400)

  init(needed: EntriesNeeded) {
    self.needed = needed
    self.outline = JournalOutline.Builder(dayStart: needed.dayStart)
  }

  mutating func add(_ items: [IndexItem]) {
    for item in items {
      let at = Timestamp(unixSeconds: item.key.unix, utcOffsetSeconds: item.offset)
      let kind = IndexItem.kind(of: item.kind)
      outline.add(at, kind: kind)
      let day = at.dayNumber(dayStart: needed.dayStart)
      if kind == .goal || kind == .rule || needed.covers(day: day) {
        selected.append(item)
      } else if kind == .use && day < needed.latestUseBefore {
        Self.keep(item, in: &before)
      }
      if kind == .use, let limit = needed.latestUseUntil, item.key.unix <= limit {
        keepLater(item)
      }
    }
  }

  /// Keeps `item` as its tag's latest use up to the limit if it is later than the one kept.
  private mutating func keepLater(_ item: IndexItem) {
    if let kept = until[item.substance], !(kept.key < item.key) { return }
    until[item.substance] = item
  }

  /// A tag's latest use and those within ``nearby`` before it.
  struct Recent: Sendable {
    var latest = Int64.min
    var items: [IndexItem] = []
  }

  /// Adds `item` to its tag's uses if it is within ``nearby`` of the latest (dropping those
  /// that no longer are).
  private static func keep(_ item: IndexItem, in lists: inout [UInt64: Recent]) {
    var recent = lists[item.substance] ?? Recent()
    guard recent.items.isEmpty || item.key.unix >= recent.latest - nearby else { return }
    recent.items.append(item)
    if item.key.unix > recent.latest {
      recent.latest = item.key.unix
      recent.items.removeAll { $0.key.unix < item.key.unix - nearby }
    }
    lists[item.substance] = recent
  }

  /// Adds another part's findings.
  mutating func merge(_ other: IndexGathering) {
    outline.merge(other.outline)
    selected += other.selected
    for item in other.before.values.flatMap(\.items) { Self.keep(item, in: &before) }
    for item in other.until.values { keepLater(item) }
  }

  /// The items of the entries needed but the first days' (an entry may be listed twice).
  var wanted: [IndexItem] { selected + before.values.flatMap(\.items) + until.values }
}
