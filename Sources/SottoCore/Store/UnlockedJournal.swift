import Foundation
import SottoCrypto
import SottoModel
import SottoStorage
import Synchronization

/// An entry as stored: the entry and its revision (1 when first written, +1 on every edit).
public struct StoredEntry: Sendable, Hashable {
  /// The decrypted entry.
  public var entry: Entry
  /// The revision, kept inside the record's ciphertext (the file shows only a random tag).
  public var revision: UInt64
  /// Versions written concurrently on other devices and met by sync (a conflict), newest
  /// first; `nil` for a deletion. Empty nearly always.
  public var otherVersions: [Entry?] = []

  public init(entry: Entry, revision: UInt64, otherVersions: [Entry?] = []) {
    self.entry = entry
    self.revision = revision
    self.otherVersions = otherVersions
  }
}

/// Everything that could be read from a journal, and what its checks found.
public struct JournalContents: Sendable {
  /// Every entry that decrypted and authenticated, oldest first.
  ///
  /// Kept apart from the revisions so that reports and exports use the array as it is: pairing
  /// 100,000 entries with their revisions costs a copy of each.
  public let all: [Entry]
  /// The revision of each entry of ``all``, at the same index.
  public let revisions: [UInt64]
  /// What the checks found; entries that failed are named here, never silently dropped.
  public var integrity: IntegrityReport
  /// Entries with more than one version open after sync met concurrent changes.
  public var inConflict: Set<EntryID> = []

  /// Every entry with its revision, oldest first.
  public var entries: [StoredEntry] {
    zip(all, revisions).map { StoredEntry(entry: $0, revision: $1) }
  }
}

/// A journal unlocked with its passphrase: reads, writes and re-keys entries.
///
/// Every change is one SQLite transaction that also updates the encrypted manifest, so a crash
/// at any point leaves the journal as it was before or after, never half-written.
/// - Warning: holds the record key in secure memory until released.
public final class UnlockedJournal: Sendable {
  /// The journal file this unlocks.
  public let journal: Journal
  let header: JournalHeader
  let bundle: KeyBundle
  private let state = Mutex(UnlockState())

  struct UnlockState {
    var inbox = InboxAtUnlock()
    var integrity = IntegrityReport()
    var migration: Format1Migration?
    var indexBuilt: Int?
  }

  init(journal: Journal, header: JournalHeader, bundle: KeyBundle) {
    self.journal = journal
    self.header = header
    self.bundle = bundle
  }

  /// What the unlock's conversion from format 1 did; `nil` when the journal was already in
  /// format 2.
  public var migration: Format1Migration? { state.withLock { $0.migration } }

  func noteMigration(_ migration: Format1Migration?) {
    state.withLock { $0.migration = migration }
  }

  /// How many entries the time index the unlock built lists; `nil` when it built none (the
  /// journal had one, as every journal Sotto 0.5 or later wrote has).
  public var indexBuilt: Int? { state.withLock { $0.indexBuilt } }

  /// How many quick-capture entries the unlock moved into the journal.
  public var movedFromInbox: Int { state.withLock { $0.inbox.moved } }

  /// What the unlock did with the quick-capture inbox: moved, left waiting, refused.
  public var inboxAtUnlock: InboxAtUnlock { state.withLock { $0.inbox } }

  /// What the check at unlock found: the manifest's head, and one bucket of it against the
  /// records' ids and tags (not the ciphertexts; ``verify()`` and ``contents()`` check every
  /// record, ciphertexts included).
  public var integrityAtUnlock: IntegrityReport { state.withLock { $0.integrity } }

  var manifest: Manifest { Manifest(header: header, key: bundle.recordKey) }
  var path: String { journal.path }

  // MARK: Unlock-time work

  /// Moves quick captures in, then, with `check`, checks the manifest's head and one bucket of
  /// it against the records' ids and tags: `sample`, or one drawn at random, so that repeated
  /// unlocks cover every bucket while each costs a 256th of the journal. ``contents()``, which
  /// most commands read anyway, and ``verify()`` check everything.
  func prepare(check: Bool, sample: Int? = nil) throws(SottoError) {
    let inbox = try receiveInbox()
    // A journal that cannot be written (a read-only copy) is read without an index.
    let built = try? buildIndexIfMissing()
    state.withLock { $0.indexBuilt = built ?? nil }
    var report = IntegrityReport()
    report.damagedInboxRows = inbox.refused.count
    report.waitingInboxRows = inbox.waiting
    state.withLock { $0.inbox = inbox }
    if check {
      let bucket = sample ?? Int(SecureRandom.bytes(1)[0])
      let light = try read { db in try self.sampleCheck(db, bucket: bucket) }
      report.missing = light.missing
      report.unexpected = light.unexpected
      report.revisionMismatch = light.revisionMismatch
      report.manifestDamaged = light.manifestDamaged
      report.recordsChecked = light.recordsChecked
    }
    let finalReport = report
    state.withLock { $0.integrity = finalReport }
  }

  /// The head, and bucket `bucket` against the rows whose ids fall in it; and any row whose id
  /// falls in no bucket.
  private func sampleCheck(_ db: StoreTransaction, bucket: Int) throws -> IntegrityReport {
    var report = IntegrityReport()
    guard let head = try manifest.readHead(db),
      let items = try manifest.readBucket(db, index: bucket, head: head),
      items.allSatisfy({ Manifest.bucket(of: $0.id) == bucket })
    else {
      report.manifestDamaged = true
      return report
    }
    let rows = try db.records.rows(withCiphertexts: false, bucket: bucket)
    report.recordsChecked = rows.rows.count
    report.record(ManifestComparison(rows: rows.rows, manifest: items), rows: rows)
    // Rows whose ids fall in no bucket (not blobs, or empty) are never listed: a range of the
    // primary key finds them at every unlock.
    let outside = try db.records.rows(withCiphertexts: false, bucket: -1)
    report.record(ManifestComparison(rows: outside.rows, manifest: []), rows: outside)
    return report
  }

  /// The one id among `ids` whose hex digits start with `text` (6 to 32 hex digits): how the
  /// person names an entry or an inbox row. `names`: the thing, its plural, where ids are shown.
  static func uniqueID(
    matching text: String, in ids: [[UInt8]], names: (one: String, many: String, shown: String)
  ) throws(SottoError) -> [UInt8] {
    let prefix = text.lowercased()
    try checkShape(of: prefix, names: names)
    let matches = ids.filter { Hex.encode($0).hasPrefix(prefix) }
    guard !matches.isEmpty else {
      throw SottoError(.entryNotFound, "No \(names.one) has an id starting with \(prefix).")
    }
    guard matches.count == 1 else {
      throw SottoError(
        .ambiguousID,
        "\(matches.count) \(names.many) have ids starting with \(prefix); type more digits.")
    }
    return matches[0]
  }

  /// Refuses an id prefix that is not 6 to 32 hex digits.
  static func checkShape(
    of prefix: String, names: (one: String, many: String, shown: String)
  ) throws(SottoError) {
    guard prefix.count >= 6, prefix.count <= 32,
      Hex.decode(prefix + (prefix.count % 2 == 1 ? "0" : "")) != nil
    else {
      throw SottoError(
        .invalidInput,
        "An \(names.one) id is 6 to 32 hex digits (0-9, a-f), as shown by \(names.shown).")
    }
  }

  static func entryID(_ bytes: [UInt8]) -> EntryID {
    EntryID(bytes: bytes) ?? EntryID(
      bytes: Array((bytes + [UInt8](repeating: 0, count: 16)).prefix(16)))!
  }

  // MARK: Transactions

  /// Runs `body` in one IMMEDIATE transaction, after checking that no other process changed the
  /// keys since this one unlocked (its records would then be unreadable).
  func write<T>(_ body: (StoreTransaction) throws -> T) throws(SottoError) -> T {
    let expectedNonce = header.envelopeNonce
    do {
      return try journal.database.write { db in
        guard try db.header.envelopeNonce() == expectedNonce else {
          throw SottoError.concurrentChangeOfKeys
        }
        return try body(db)
      }
    } catch {
      throw .storage(error, path: path)
    }
  }

  func read<T>(_ body: (StoreTransaction) throws -> T) throws(SottoError) -> T {
    do {
      return try journal.database.read(body)
    } catch {
      throw .storage(error, path: path)
    }
  }

  /// Truncates the write-ahead log so old page images (of deleted or re-encrypted records) do
  /// not linger in the `-wal` file.
  func checkpoint() {
    try? journal.database.checkpoint()
  }

  // MARK: Records

  /// Writes `version` as the record `id` under a fresh tag; returns what the manifest keeps.
  @discardableResult
  func writeRecord(
    _ db: StoreTransaction, _ version: RecordVersion, id: EntryID,
    replacing: IndexReplaced = .unknown
  ) throws -> ManifestItem {
    var sealer = RecordSealer(header: header, key: bundle.recordKey)
    return try writeRecord(db, version, id: id, sealer: &sealer, replacing: replacing)
  }

  /// As ``writeRecord(_:_:id:replacing:)``, with a sealer kept across many records (sync's
  /// receive): each new sealer draws a pool of nonces it would mostly not use. `replacing`:
  /// what the index holds for the record replaced, when the caller read it.
  func writeRecord(
    _ db: StoreTransaction, _ version: RecordVersion, id: EntryID, sealer: inout RecordSealer,
    replacing: IndexReplaced = .unknown
  ) throws -> ManifestItem {
    let sealed = sealer.seal(version, id: id)
    var row = RecordBatch()
    row.append(
      id: id.bytes, tag: sealed.tag.bytes, nonce: sealed.nonce, ciphertext: sealed.ciphertext)
    try db.records.insert(row, replacing: true)
    var item = sealed.manifestItem(id: id.bytes, of: version)
    item.replaced = replacing
    return item
  }

  /// Writes `entry` (or, when `nil`, a tombstone) over `current`, the record as it is (`nil`
  /// for a new entry), stamped with `stamp` (``Manifest/stamp(_:)``): the next revision, and a
  /// context covering every version it replaces, conflicts included.
  @discardableResult
  func writeSuccessor(
    _ db: StoreTransaction, of current: RecordVersion?, entry: Entry?, id: EntryID,
    stamp: (device: UInt64, hlc: UInt64)
  ) throws -> ManifestItem {
    let heads = current?.heads ?? []
    return try writeRecord(
      db,
      RecordVersion(
        entry: entry, revision: Merge.revision(over: heads), device: stamp.device,
        hlc: stamp.hlc, context: Merge.context(over: heads, writer: stamp.device)),
      id: id, replacing: IndexReplaced(current, id: RecordKey(id)))
  }

  func decrypt(
    id: [UInt8], tag: RecordTag, nonce: [UInt8], ciphertext: [UInt8], checkingTime: Bool = true
  ) -> RecordVersion? {
    var opener = RecordOpener(header: header, key: bundle.recordKey)
    return opener.open(
      id: id, tag: tag, nonce: nonce, ciphertext: ciphertext, checkingTime: checkingTime)
  }

  /// A stored record decrypted.
  func decrypt(_ row: RecordsTable.Stored, checkingTime: Bool) -> RecordVersion? {
    decrypt(
      id: row.id, tag: RecordTag(row.tag), nonce: row.nonce, ciphertext: row.ciphertext,
      checkingTime: checkingTime)
  }

  /// The record of `id` as it is now, decrypted; `nil` when there is no such row, and
  /// ``SottoError/Code/damaged`` when it does not open.
  func currentVersion(_ db: StoreTransaction, id: [UInt8], checkingTime: Bool = true) throws
    -> RecordVersion?
  {
    guard let row = try db.records.record(id) else { return nil }
    guard let version = decrypt(row, checkingTime: checkingTime) else {
      throw SottoError(
        .damaged,
        "Entry \(Hex.encode(id)) fails authentication: it was damaged or moved. Run `sotto verify`."
      )
    }
    return version
  }

  /// Adds a new entry with a fresh random id.
  ///
  /// - Throws: ``SottoError/Code/invalidInput`` when a field is out of range (nothing written).
  @discardableResult
  public func add(
    _ body: EntryBody, at time: Timestamp, source: EntrySource = .direct
  ) throws(SottoError) -> Entry {
    let entry = Entry(
      id: EntryID(bytes: Sodium.randomBytes(16))!, at: time, source: source, body: body)
    try add([entry])
    return entry
  }

  /// Fills a journal just made with ``Journal/createUnlocked(at:keys:)`` (a restore): as
  /// ``add(_:)``, in one transaction, but written to the file directly instead of through the
  /// write-ahead log, which would then be copied into the file a second time.
  ///
  /// SQLite's rollback journal keeps the transaction all or nothing on a crash; the journal is
  /// back in write-ahead-log mode when this returns.
  ///
  /// - Throws: ``SottoError/Code/invalidInput`` for an invalid entry or an id given twice
  ///   (nothing written).
  public func fill(_ entries: [Entry]) throws(SottoError) {
    let checked: CheckedEntries
    do {
      checked = try CheckedEntries(validating: entries)
    } catch {
      throw SottoError(.invalidInput, error.description)
    }
    try fill(checked)
  }

  /// Fills a journal just made with entries already checked (``Backup/openChecked(_:passphrase:)``),
  /// as ``fill(_:)-([Entry])`` does.
  public func fill(_ checked: CheckedEntries) throws(SottoError) {
    let empty = try read { db in try db.records.isEmpty() }
    guard empty else {
      throw SottoError(
        .invalidInput, "A journal can only be filled while it is empty. Nothing was written.")
    }
    // A page cache large enough to hold the transaction: spilling pages before the commit
    // only moves their writing onto the thread that inserts, which is the one that limits a
    // restore (measured: no faster with an 8 MiB or 2 MiB cache and early writeback).
    try setMode(.rollback, cacheKiB: 256 * 1024)
    do {
      try insert(checked.all, order: checked.idOrder, unique: true)
    } catch {
      // Nothing was added; leave the journal as it was made.
      try? setMode(.writeAheadLog, cacheKiB: 2000)
      throw error
    }
    try setMode(.writeAheadLog, cacheKiB: 2000)
    if let settings = checked.settings { try updateSettings { $0 = settings } }
  }

  private func setMode(_ mode: StoreFile.JournalMode, cacheKiB: Int) throws(SottoError) {
    do {
      try journal.database.setMode(mode, cacheKiB: cacheKiB)
    } catch {
      throw .storage(error, path: path)
    }
  }

  /// Adds entries with the ids they carry, in one transaction; an id already present is replaced
  /// by the new content with the next revision.
  public func add(_ entries: [Entry]) throws(SottoError) {
    if let failure = CheckedEntries.firstInvalid(entries) {
      throw SottoError(.invalidInput, failure.error.description)
    }
    try insert(entries, order: CheckedEntries.idOrder(entries))
  }

  /// Writes valid `entries` in one transaction, in `order` (positions, by id).
  ///
  /// Inserting in id order keeps the B-tree writes sequential: random order touches (and spills
  /// to the log) pages all over the file for a large import or restore.
  /// `unique`: no id is given twice (checked entries), so into an empty table every row is new.
  private func insert(_ entries: [Entry], order: [Int], unique: Bool = false) throws(SottoError) {
    try write { db in try self.insert(db, entries, order: order, unique: unique) }
  }

  /// Writes valid `entries` in `order` (positions, by id) within the transaction `db`: the one
  /// way many entries are written (an add, an import, a restore), sealed on every core.
  func insert(_ db: StoreTransaction, _ entries: [Entry], order: [Int], unique: Bool = false)
    throws
  {
    var revisions = [UInt64](repeating: 1, count: order.count)
    var contexts: [Int: [UInt64: UInt64]] = [:]
    // What the time index lists for an id already there, so that exactly that item goes
    // (without it, the index looks the id up in every leaf).
    var replaced: [Int: IndexReplaced] = [:]
    // A new journal (a restore) has no revisions to look up. Otherwise an id already there
    // (an import's update) continues its revisions, which only its ciphertext holds.
    let wasEmpty = try db.records.isEmpty()
    let stamp = try self.manifest.stamp(db)
    let device = stamp.device
    if !wasEmpty {
      for (position, index) in order.enumerated() {
        if let current = try self.currentVersion(
          db, id: entries[index].id.bytes, checkingTime: false)
        {
          revisions[position] = Merge.revision(over: current.heads)
          contexts[position] = Merge.context(over: current.heads, writer: device)
          replaced[position] = IndexReplaced(current, id: RecordKey(entries[index].id))
        }
      }
    }
    // Into an empty table, unique ids need no REPLACE (which looks each one up first).
    let replacing = !(wasEmpty && unique)
    var items: [ManifestItem] = []
    items.reserveCapacity(order.count)
    let sealing = BulkSealing(
      entries: entries, order: order, revisions: revisions, contexts: contexts, stamp: stamp,
      header: self.header, key: self.bundle.recordKey)
    try sealing.forEachChunk { (chunk, positions) in
      try db.records.insert(chunk.rows, replacing: replacing)
      for (offset, position) in positions.enumerated() {
        var item = chunk.items[offset]
        if let replaced = replaced[position] { item.replaced = replaced }
        items.append(item)
      }
    }
    try self.manifest.apply(db, adding: items, clock: stamp.hlc)
  }

  /// Decrypts every record, checking each against the manifest.
  ///
  /// Records that fail are reported in ``JournalContents/integrity``; the rest still load.
  public func contents() throws(SottoError) -> JournalContents {
    let header = self.header
    let key = bundle.recordKey
    /// Where an entry kept is, by small keys: sorting the entries themselves would move each
    /// one some twenty times.
    struct SortKey {
      var time: Int64
      var id: RecordKey
      var index: Int
    }
    var keys: [SortKey] = []
    var entries: [Entry] = []
    var revisions: [UInt64] = []
    var inConflict = Set<EntryID>()
    var report = try read { db -> IntegrityReport in
      var report = IntegrityReport()
      // Capped as `readAll` caps it: the head is authenticated, but a reservation is no check.
      let expected =
        try self.manifest.readHead(db).map { Int(min($0.recordCount, 10_000_000)) } ?? 0
      keys.reserveCapacity(expected)
      entries.reserveCapacity(expected)
      revisions.reserveCapacity(expected)
      // One group of records at a time, as `verify` reads them: what is held is one group's
      // ciphertexts and versions beside the entries kept (all of them were held at once, 600
      // MB of ciphertexts at 1,000,000 entries).
      let manifestFound = try self.forEachGroup(db) { rows, items in
        let opened = Self.open(rows, header: header, key: key, keepingVersions: true)
        _ = report.check(rows, opened: opened, items: items)
        for (index, record) in opened.enumerated() {
          guard record.outcome == .entry, let version = record.version,
            let entry = version.entry
          else { continue }
          let row = rows.rows[index]
          if !version.others.isEmpty { inConflict.insert(Self.entryID(rows.idBytes(row))) }
          keys.append(SortKey(time: entry.at.unixSeconds, id: row.key, index: entries.count))
          entries.append(entry)
          revisions.append(version.revision)
        }
      }
      report.manifestDamaged = !manifestFound
      return report
    }
    report.damagedInboxRows = integrityAtUnlock.damagedInboxRows
    report.waitingInboxRows = integrityAtUnlock.waitingInboxRows
    report.sortFindings()
    keys.sort { ($0.time, $0.id) < ($1.time, $1.id) }
    return JournalContents(
      all: keys.map { entries[$0.index] }, revisions: keys.map { revisions[$0.index] },
      integrity: report, inConflict: inConflict)
  }

  /// Reads every record a group of manifest buckets at a time (ids with a range of first
  /// bytes, about ``groupRows`` records), with the manifest's items of those buckets;
  /// without a manifest (`false` is returned), every record in batches, with no items.
  ///
  /// What is held is one group's rows and the manifest's items (rows put in behind Sotto's back
  /// could crowd one bucket, which is then read whole). Rows whose ids are not blobs, or empty,
  /// form a group of their own with no items (reported as not in the manifest); a blob id of
  /// another length falls in the group of its first byte and opens under no key.
  func forEachGroup(
    _ db: StoreTransaction, _ body: (RecordRows, [ManifestItem]?) throws -> Void
  ) throws -> Bool {
    guard let manifest = try self.manifest.readAll(db) else {
      try db.records.forEachBatch(size: Self.batchRows) { batch in try body(batch, nil) }
      return false
    }
    // Buckets are put together until they list ``groupRows``; the group before them
    // holds rows in no bucket (ids that are not blobs). A query per bucket made reading
    // 10,000 entries 30 ms slower.
    var counts = [Int](repeating: 0, count: Manifest.bucketCount)
    for item in manifest { counts[Manifest.bucket(of: item.id)] += 1 }
    var groups: [ClosedRange<Int>] = [-1 ... -1]
    var first = 0
    var listed = 0
    for bucket in 0..<Manifest.bucketCount {
      listed += counts[bucket]
      if listed >= Self.groupRows || bucket == Manifest.bucketCount - 1 {
        groups.append(first...bucket)
        first = bucket + 1
        listed = 0
      }
    }
    var next = 0
    for group in groups {
      var items: [ManifestItem] = []
      while next < manifest.count, group.lowerBound >= 0,
        Manifest.bucket(of: manifest[next].id) <= group.upperBound
      {
        items.append(manifest[next])
        next += 1
      }
      try body(try db.records.rows(withCiphertexts: true, buckets: group), items)
    }
    return true
  }

  /// Decrypts every record and checks the whole journal: authentication of each record, and
  /// ids, tags and digests against the manifest.
  ///
  /// The same checks as ``contents()``, read the same way (``forEachGroup(_:_:)``), without
  /// keeping any entry; what the time index must list is kept as a fingerprint and compared
  /// with the index, so the memory it needs is the manifest and one group's ciphertexts.
  public func verify() throws(SottoError) -> IntegrityReport {
    let header = self.header
    let key = bundle.recordKey
    var report = try read { db -> IntegrityReport in
      var report = IntegrityReport()
      var expected = IndexFingerprint()
      let manifestFound = try self.forEachGroup(db) { rows, items in
        let opened = Self.openIndexed(rows, header: header, key: key)
        let matching = report.check(rows, opened: opened.map(\.record), items: items)
        // The index lists exactly the entries whose records match the manifest.
        for (index, (_, indexed)) in opened.enumerated() where matching[index] {
          if let indexed { expected.add(indexed) }
        }
      }
      guard manifestFound else {
        // Without the manifest there is nothing to compare with: the records were still read.
        report.manifestDamaged = true
        return report
      }
      let reported = Set(
        (report.missing + report.digestMismatch + report.revisionMismatch + report.undecryptable
          + report.outOfRange).map(RecordKey.init))
      report.indexDamaged = try !self.indexLists(db, exactly: expected, besides: reported)
      return report
    }
    report.damagedInboxRows = integrityAtUnlock.damagedInboxRows
    report.waitingInboxRows = integrityAtUnlock.waitingInboxRows
    report.sortFindings()
    return report
  }

  /// Records read at a time by ``forEachGroup(_:_:)``, a group of buckets: at 1,000,000 entries
  /// groups of 65,536 made `verify` peak at 254 MiB and groups of 16,384 at 197 MiB, as fast.
  static let groupRows = 16_384

  /// Rows read and decrypted at a time by the index build and the scans of sync: about 35 MB
  /// of ciphertexts at the common size.
  static let batchRows = 65_536

  /// What opening one record found.
  enum Opened: Sendable {
    case entry
    case deleted
    /// It authenticates, but its time is outside the accepted range (an old record).
    case outOfRange
    case undecryptable
  }

  /// One record of a batch, opened: its digest, what it held, and (when kept) its versions.
  struct OpenedRecord: Sendable {
    var digest = RecordDigest(high: 0, low: 0)
    var outcome = Opened.entry
    /// The record's versions, opened without checking the time (so an out-of-range one too);
    /// `nil` when it does not open, or when they were not asked for.
    var version: RecordVersion?
  }

  /// Opens every record of `batch` (on every core) and digests it, as ``contents()`` does,
  /// keeping what each held and, with `keepingVersions`, its versions.
  static func open(
    _ batch: RecordRows, header: JournalHeader, key: SecureBytes, keepingVersions: Bool
  ) -> [OpenedRecord] {
    Parallel.flatMap(count: batch.rows.count, serialBelow: 0) { range in
      var opener = RecordOpener(header: header, key: key)
      return opener.open(batch, rows: range, keepingVersions: keepingVersions) { opened, _, _ in
        opened
      }
    }
  }

  /// ``open(_:header:key:keepingVersions:)`` without the versions, with what the time index
  /// lists of each record (``IndexItem``): what `verify` compares with the index, and what
  /// builds it. Apart, since only they need it: a larger record per row cost the commands
  /// that read every record 5 MB at 100,000 entries.
  static func openIndexed(_ batch: RecordRows, header: JournalHeader, key: SecureBytes)
    -> [(record: OpenedRecord, item: IndexItem?)]
  {
    Parallel.flatMap(count: batch.rows.count, serialBelow: 0) { range in
      var opener = RecordOpener(header: header, key: key)
      return opener.open(batch, rows: range, keepingVersions: false) { opened, shown, key in
        (opened, shown.flatMap { IndexItem($0, id: key, digest: opened.digest) })
      }
    }
  }

  /// Finds the entry whose id is `text` or starts with it (at least 6 hex digits).
  ///
  /// A deleted entry's tombstone keeps its row, so the candidates are opened and only entries
  /// count: a prefix shared with a deleted entry is not ambiguous.
  public func entry(matching text: String) throws(SottoError) -> StoredEntry {
    let prefix = text.lowercased()
    let names = (one: "entry", many: "entries", shown: "`sotto list`")
    try Self.checkShape(of: prefix, names: names)
    // The ids that start with the prefix lie between it padded with 0s and with fs: a range of
    // the primary key, read without a scan of every id.
    let padding = 32 - prefix.count
    let lowest = Hex.decode(prefix + String(repeating: "0", count: padding)) ?? []
    let highest = Hex.decode(prefix + String(repeating: "f", count: padding)) ?? []
    let live = try read { db -> [(id: [UInt8], version: RecordVersion)] in
      try db.records.ids(from: lowest, through: highest).compactMap { id in
        try self.currentVersion(db, id: id).flatMap { $0.entry == nil ? nil : (id, $0) }
      }
    }
    let id = try Self.uniqueID(matching: prefix, in: live.map(\.id), names: names)
    let version = live.first { $0.id == id }!.version
    return StoredEntry(
      entry: version.entry!, revision: version.revision,
      otherVersions: version.others.map(\.entry))
  }

  /// Replaces an entry's content, writing it with the next revision.
  ///
  /// - Throws: ``SottoError/Code/concurrentChange`` when another process edited it meanwhile.
  @discardableResult
  public func update(_ stored: StoredEntry) throws(SottoError) -> StoredEntry {
    let entry = stored.entry
    do { try entry.validate() } catch { throw SottoError(.invalidInput, error.description) }
    let revision = try write { db in
      let current = try self.currentVersion(db, id: entry.id.bytes, checkingTime: false)
      guard let current, current.entry != nil else {
        throw SottoError(.entryNotFound, "The entry \(entry.id.hex) no longer exists.")
      }
      guard current.revision == stored.revision else {
        throw SottoError(
          .concurrentChange,
          "Entry \(entry.id.hex) was changed by another sotto process meanwhile. Nothing was "
            + "written; run the command again.")
      }
      let stamp = try self.manifest.stamp(db)
      let item = try self.writeSuccessor(
        db, of: current, entry: entry, id: entry.id, stamp: stamp)
      try self.manifest.apply(db, changes: [(RecordKey(entry.id.bytes), item)], clock: stamp.hlc)
      return Merge.revision(over: current.heads)
    }
    checkpoint()
    return StoredEntry(entry: entry, revision: revision)
  }

  /// Ends a conflict by keeping one of the entry's open versions: `keep` is 1 for the one
  /// shown, 2 and up for ``StoredEntry/otherVersions`` in order. The version kept is
  /// written anew over all of them, so every device takes it at its next sync.
  ///
  /// - Throws: ``SottoError/Code/invalidInput`` when there is no such version.
  public func resolve(_ id: EntryID, keep: Int) throws(SottoError) {
    try write { db in
      guard let current = try self.currentVersion(db, id: id.bytes, checkingTime: false) else {
        throw SottoError(.entryNotFound, "No entry has the id \(id.hex).")
      }
      let heads = current.heads
      guard heads.count > 1 else {
        throw SottoError(
          .invalidInput,
          "Entry \(id.short) has only one version: there is nothing to resolve.")
      }
      guard (1...heads.count).contains(keep) else {
        throw SottoError(
          .invalidInput,
          "Entry \(id.short) has \(heads.count) versions: choose --keep 1 to \(heads.count).")
      }
      let stamp = try self.manifest.stamp(db)
      let item = try self.writeSuccessor(
        db, of: current, entry: heads[keep - 1].entry, id: id, stamp: stamp)
      try self.manifest.apply(db, changes: [(RecordKey(id.bytes), item)], clock: stamp.hlc)
    }
    checkpoint()
  }

  /// Deletes an entry: its record is rewritten in place as a tombstone of the same size, so
  /// the file shows an ordinary rewrite, and a later sync can carry the deletion. With
  /// `secure_delete` on and the log truncated, no copy of the content remains in the database
  /// or its `-wal` file.
  public func delete(_ id: EntryID) throws(SottoError) {
    try write { db in
      try self.writeTombstones(db, ids: [id])
    }
    checkpoint()
  }

  /// Rewrites each record of `ids` as a tombstone, in the caller's transaction.
  func writeTombstones(_ db: StoreTransaction, ids: [EntryID]) throws {
    let stamp = try manifest.stamp(db)
    var changes: [(id: RecordKey, item: ManifestItem?)] = []
    for id in ids {
      guard let current = try currentVersion(db, id: id.bytes, checkingTime: false),
        current.entry != nil
      else { throw SottoError(.entryNotFound, "No entry has the id \(id.hex).") }
      changes.append(
        (
          RecordKey(id.bytes),
          try writeSuccessor(db, of: current, entry: nil, id: id, stamp: stamp)
        ))
    }
    try manifest.apply(db, changes: changes, clock: stamp.hlc)
  }

  // MARK: Keys

  /// Changes the passphrase: draws a new key bundle and salt, re-encrypts every record and the
  /// manifest, and rewrites the header, all in one transaction.
  ///
  /// - Parameter kdf: new Argon2id settings, or `nil` to keep the current ones.
  /// - Throws: ``SottoError/Code/damaged`` when a record cannot be decrypted (it would be lost).
  /// - Returns: the number of inbox rows removed because they do not open (they never could).
  @discardableResult
  public func changePassphrase(to passphrase: Passphrase, kdf: KDFParameters? = nil)
    throws(SottoError) -> Int
  {
    let newBundle = try KeyBundle.generate()
    var newHeader = header
    newHeader.kdf = kdf ?? header.kdf
    newHeader.salt = Sodium.randomBytes(Vault.saltBytes)
    newHeader.inboxPublicKey = newBundle.inboxPublicKey
    try newHeader.wrap(newBundle, passphrase: passphrase)
    let finalHeader = newHeader
    let removedInboxRows = try write { db -> Int in
      let sync = try self.readSync(db)
      // Tombstones too: a deletion must outlive the new key.
      var versions: [(id: [UInt8], version: RecordVersion)] = []
      for row in try db.records.all() {
        let id = row.id
        guard id.count == RecordBatch.idBytes,
          let version = self.decrypt(row, checkingTime: false)
        else {
          throw SottoError(
            .damaged,
            "Entry \(Hex.encode(id)) cannot be decrypted, so it would be lost under a new key. "
              + "Run `sotto verify`; the passphrase was not changed.")
        }
        versions.append((id, version))
      }
      // Inbox rows that open are sealed again to the new inbox key, one at a time, so they
      // can still be reviewed; rows that do not open (or are too large to be quick captures)
      // never could be, and are removed and counted.
      var removedInboxRows = 0
      try self.forEachInboxRow(db) { idBytes, opened in
        if case .opened(let plaintext) = opened {
          let sealed = try Vault.sealToInbox(plaintext, publicKey: finalHeader.inboxPublicKey)
          try db.inbox.update(id: idBytes, sealed: sealed)
        } else {
          try db.inbox.delete(id: idBytes)
          removedInboxRows += 1
        }
        return true
      }
      guard var head = try self.manifest.readHead(db) else { throw SottoError.manifestDamaged }
      head.writeCounter += 1
      try finalHeader.insert(db)
      let newManifest = Manifest(header: finalHeader, key: newBundle.recordKey)
      var items: [ManifestItem] = []
      var sealer = RecordSealer(header: finalHeader, key: newBundle.recordKey)
      var batch = RecordBatch()
      for (id, version) in versions {
        let sealed = sealer.seal(version, id: Self.entryID(id))
        batch.append(
          id: id, tag: sealed.tag.bytes, nonce: sealed.nonce, ciphertext: sealed.ciphertext)
        items.append(sealed.manifestItem(id: id, of: version))
      }
      try db.records.insert(batch, replacing: true)
      try newManifest.rebuild(db, items: items, kept: head)
      // The sync settings and folder key are sealed under the record key too. The folder
      // itself is untouched: other devices keep opening it with the folder passphrase.
      if let sync {
        try self.writeSync(db, sync.state, key: sync.key, recordKey: newBundle.recordKey)
      }
      return removedInboxRows
    }
    checkpoint()
    return removedInboxRows
  }

  /// Turns quick capture on or off (the flag is bound into the key envelope).
  public func setQuickCapture(_ enabled: Bool, passphrase: Passphrase) throws(SottoError) {
    var newHeader = header
    newHeader.quickCapture = enabled
    try newHeader.wrap(bundle, passphrase: passphrase)
    let finalHeader = newHeader
    try write { db in try finalHeader.insert(db) }
  }

  /// Records the entries as they are now in a new manifest, after `verify` reported damage.
  ///
  /// Records that fail authentication are left in place (never deleted) and stay reported.
  public func rebuildManifest() throws(SottoError) {
    try write { db in
      var items: [ManifestItem] = []
      for row in try db.records.all() {
        let (id, tag, nonce, ciphertext) = (row.id, RecordTag(row.tag), row.nonce, row.ciphertext)
        guard
          let version = self.decrypt(
            id: id, tag: tag, nonce: nonce, ciphertext: ciphertext, checkingTime: false)
        else { continue }
        let digest = Manifest.recordDigest(nonce: nonce, ciphertext: ciphertext)
        items.append(
          ManifestItem(
            id: RecordKey(id), tag: tag, digest: digest,
            indexed: IndexItem(version, id: RecordKey(id), digest: digest)))
      }
      // A head that no longer opens gives way to a new one: a new device id, the clock now.
      var head = try self.manifest.readHead(db) ?? Manifest.newHead(writeCounter: 0)
      head.writeCounter += 1
      try self.manifest.rebuild(db, items: items, kept: head)
    }
  }
}

extension SottoError {
  static let concurrentChangeOfKeys = SottoError(
    .concurrentChange,
    "The passphrase was changed by another sotto process while this one ran. Nothing was "
      + "written; run the command again.")
}

// MARK: Settings

extension UnlockedJournal {
  /// The journal's settings, from the encrypted manifest head.
  public func settings() throws(SottoError) -> JournalSettings {
    let bytes = try read { db in try self.manifest.readHead(db)?.settings }
    guard let bytes else { throw SottoError.manifestDamaged }
    return Self.decodeSettings(bytes)
  }

  /// Settings from their stored JSON; a value this version cannot read counts as unset (a
  /// later version may add settings, and the rest must still work).
  static func decodeSettings(_ bytes: [UInt8]) -> JournalSettings {
    JournalSettings(json: bytes) ?? JournalSettings()
  }

  /// Changes the settings in one transaction; returns them as stored.
  ///
  /// - Throws: ``SottoError/Code/invalidInput`` when they no longer fit their room in the head
  ///   (nothing written).
  @discardableResult
  public func updateSettings(_ change: @escaping @Sendable (inout JournalSettings) -> Void)
    throws(SottoError) -> JournalSettings
  {
    try write { db in
      guard let head = try self.manifest.readHead(db) else { throw SottoError.manifestDamaged }
      var settings = Self.decodeSettings(head.settings)
      change(&settings)
      let bytes = settings.json
      guard bytes.count <= Manifest.settingsBytes else {
        throw SottoError(
          .invalidInput,
          "The settings no longer fit the room kept for them (\(Manifest.settingsBytes) bytes): "
            + "remove a drink strength with `sotto config abv DRINK default`. Nothing was changed.")
      }
      try self.manifest.setSettings(db, bytes)
      return settings
    }
  }
}
