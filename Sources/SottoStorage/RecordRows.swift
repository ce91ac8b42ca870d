import Foundation
import GRDB

/// The rows of the records table, read in one pass into one buffer.
///
/// Reading 100,000 records into three arrays each costs more, in allocation and reference
/// counting, than decrypting them; here a row is a few integers pointing into `storage`.
public struct RecordRows: Sendable {
  public struct Row: Sendable {
    public var key: RecordKey
    public var tag: RecordTag
    public var id: Range<Int>
    /// The nonce, followed in `storage` by the ciphertext: together the input of the digest.
    public var nonce: Range<Int>
    public var ciphertext: Range<Int>

    public init(
      key: RecordKey, tag: RecordTag, id: Range<Int>, nonce: Range<Int>, ciphertext: Range<Int>
    ) {
      self.key = key
      self.tag = tag
      self.id = id
      self.nonce = nonce
      self.ciphertext = ciphertext
    }
  }

  public private(set) var storage: [UInt8] = []
  public private(set) var rows: [Row] = []

  /// No rows yet: a batch to fill, or ids appended with ``appendID(of:in:)``.
  public init() {}

  /// Reads the rows of the manifest buckets `buckets` in id order: ids whose first byte is one
  /// of them (-1 alone: the rows of none, whose ids are not blobs or are empty); with
  /// `withCiphertexts` false, only ids and tags.
  init(_ db: Database, withCiphertexts: Bool, buckets: ClosedRange<Int>) throws {
    let statement = try Self.statement(db, withCiphertexts: withCiphertexts, buckets: buckets)
    defer { statement.reset() }
    if withCiphertexts {
      // The file's size bounds what its records hold; untouched capacity is never paged in.
      // Buckets hold about a 256th of them each: twice their share is reserved (reserving
      // the whole file for each of `verify`'s reads cost more than reading them).
      let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
      let pageSize = try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 0
      let share = min(256, 2 * buckets.count)
      storage.reserveCapacity(min(pages * pageSize / 256 * share, 1 << 32))
    }
    while try readRow(statement, withCiphertexts: withCiphertexts) {}
  }

  /// Reads the rows of `ids` with their ciphertexts, in the order given; an id without a row
  /// is left out (the caller compares). One statement, stepped once per id.
  init(_ db: Database, ids: [RecordKey]) throws {
    let statement = try db.makeStatement(
      sql: "SELECT id, tag, nonce, ciphertext FROM records WHERE id = ?")
    let raw = RawStatement(statement)
    defer { raw.reset() }
    for id in ids {
      try statement.setArguments([Data(id.bytes)])
      _ = try readRow(raw, withCiphertexts: true)
      raw.reset()
    }
  }

  /// Reads every row in id order with its ciphertext, `size` rows at a time: `body` gets each
  /// batch, and the memory is reused for the next, so a whole-journal read holds one batch of
  /// ciphertexts, not all of them.
  static func forEachBatch(_ db: Database, size: Int, _ body: (RecordRows) throws -> Void)
    throws
  {
    let statement = try statement(db, withCiphertexts: true, buckets: nil)
    defer { statement.reset() }
    var batch = RecordRows()
    var more = true
    while more {
      more = try batch.readRow(statement, withCiphertexts: true)
      if !more || batch.rows.count == size {
        if !batch.rows.isEmpty { try body(batch) }
        batch.rows.removeAll(keepingCapacity: true)
        batch.storage.removeAll(keepingCapacity: true)
      }
    }
  }

  /// Appends `row` of `batch` without its nonce and ciphertext: the ids and tags of a journal
  /// read a batch at a time.
  public mutating func appendID(of row: Row, in batch: RecordRows) {
    let start = storage.count
    storage.append(contentsOf: batch.storage[row.id])
    let id = start..<storage.count
    rows.append(
      Row(
        key: row.key, tag: row.tag, id: id, nonce: id.endIndex..<id.endIndex,
        ciphertext: id.endIndex..<id.endIndex))
  }

  /// The statement reading the rows, in id order.
  private static func statement(
    _ db: Database, withCiphertexts: Bool, buckets: ClosedRange<Int>?
  ) throws -> RawStatement {
    let columns = withCiphertexts ? "id, tag, nonce, ciphertext" : "id, tag"
    // Blobs compare byte by byte, so ids of any length starting with the bytes fall in range.
    var range = ""
    var bounds: [Data] = []
    if let buckets {
      if buckets.lowerBound < 0 {
        // No bucket's: ids that are not blobs, or empty (SQLite sorts them before every blob).
        range = "WHERE id < x'00'"
      } else {
        range = "WHERE id >= ?"
        bounds.append(Data([UInt8(buckets.lowerBound)]))
        if buckets.upperBound < 255 {
          range += " AND id < ?"
          bounds.append(Data([UInt8(buckets.upperBound + 1)]))
        }
      }
    }
    // The raw SQLite API: GRDB's row wrappers cost more than decrypting at this scale. The
    // statement is our own (not GRDB's cache).
    let statement = try db.makeStatement(
      sql: "SELECT \(columns) FROM records \(range) ORDER BY id")
    if !bounds.isEmpty { try statement.setArguments(StatementArguments(bounds)) }
    return RawStatement(statement)
  }

  /// Appends the statement's next row; false when there is none.
  private mutating func readRow(_ statement: RawStatement, withCiphertexts: Bool) throws -> Bool {
    guard try statement.step() else { return false }
    let id = statement.appendBytes(of: 0, to: &storage)
    let key = RecordKey(storage.span.extracting(id))
    // A tag that is not a 16-byte blob (a tampered file) matches no manifest item.
    let tag =
      statement.sixteenBytes(1).map { RecordTag(high: $0.high, low: $0.low) }
      ?? RecordTag(high: ~0, low: ~0)
    let nonce =
      withCiphertexts ? statement.appendBytes(of: 2, to: &storage) : id.endIndex..<id.endIndex
    let ciphertext =
      withCiphertexts
      ? statement.appendBytes(of: 3, to: &storage) : nonce.endIndex..<nonce.endIndex
    rows.append(Row(key: key, tag: tag, id: id, nonce: nonce, ciphertext: ciphertext))
    return true
  }

  /// The id bytes of a row, as stored (16 bytes unless the file was tampered with).
  public func idBytes(_ row: Row) -> [UInt8] { Array(storage[row.id]) }
}

extension Sealed {
  /// The rows of `pages` from `lowest` up, in id order (the table's own order, so the file is
  /// read front to back), `size` at a time with their ids, read with the raw API like
  /// ``RecordRows``: every leaf of the time index of a journal of 1,000,000 entries (1,620 rows of
  /// 32 KB) takes about 20 ms this way, against 100 ms looked up one by one in time order
  /// through GRDB. A column that is not a blob (a tampered file) reads as no bytes, which no
  /// digest matches.
  static func forEachPage(
    _ db: Database, from lowest: [UInt8], size: Int,
    _ body: ([(id: [UInt8], sealed: Sealed)]) throws -> Void
  ) throws {
    let statement = try db.makeStatement(
      sql: "SELECT id, nonce, ciphertext FROM pages WHERE id >= ? ORDER BY id")
    try statement.setArguments([Data(lowest)])
    let raw = RawStatement(statement)
    defer { raw.reset() }
    var batch: [(id: [UInt8], sealed: Sealed)] = []
    while try raw.step() {
      batch.append((raw.blob(0), Sealed(nonce: raw.blob(1), ciphertext: raw.blob(2))))
      if batch.count == size {
        try body(batch)
        batch.removeAll(keepingCapacity: true)
      }
    }
    if !batch.isEmpty { try body(batch) }
  }
}
