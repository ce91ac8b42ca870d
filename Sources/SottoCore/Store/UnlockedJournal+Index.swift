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
        opened += Self.open(batch, header: header, key: key, keepingVersions: false)
          .compactMap(\.item)
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

  /// Whether the time index lists exactly `expected` (every entry whose record matches the
  /// manifest), in order, each leaf and the root passing their checks, besides items of the
  /// ids in `reported` (records already found missing or damaged, whose times the index alone
  /// still knows): ``verify()``'s check.
  func indexLists(
    _ db: StoreTransaction, exactly expected: [IndexItem], besides reported: Set<RecordKey>
  ) throws -> Bool {
    guard let reference = try manifest.readHead(db)?.index,
      let leaves = try manifest.timeIndex.leaves(db, reference)
    else { return false }
    let sorted = expected.sorted { $0.key < $1.key }
    // Leaf by leaf against the sorted list, so only one leaf is held at a time.
    var position = 0
    for (number, leaf) in leaves.enumerated() {
      guard let items = try manifest.timeIndex.items(db, leaf),
        number + 1 == leaves.count || items.last!.key < leaves[number + 1].first
      else { return false }
      for item in items where !reported.contains(item.key.id) {
        guard position < sorted.count, sorted[position] == item else { return false }
        position += 1
      }
    }
    guard position == sorted.count else { return false }
    // Nothing in `pages` but sync's rows and the index's.
    return try db.pages.count(from: TimeIndex.lowestPage) == leaves.count + 1
  }
}
