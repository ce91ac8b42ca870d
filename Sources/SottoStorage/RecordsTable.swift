import Foundation
import GRDB

/// The `records` table: one encrypted record per entry id, with its tag (Docs/FORMAT.md §5).
///
/// Records are written one way, ``insert(_:replacing:)``, and read by id, by id range, or all
/// at once into one buffer (``RecordRows``).
public struct RecordsTable {
  let db: Database

  /// One stored record. A value that is not a blob reads as empty bytes (it then fails
  /// authentication, like any damaged row).
  public struct Stored: Sendable {
    public var id: [UInt8]
    public var tag: [UInt8]
    public var nonce: [UInt8]
    public var ciphertext: [UInt8]
  }

  /// Writes every row of `batch` in its order. `replacing`: a row with an id already there is
  /// replaced (without it, such a row fails the write: a fill of an empty table, where a plain
  /// insert saves a lookup per row).
  public func insert(_ batch: RecordBatch, replacing: Bool) throws {
    guard !batch.ends.isEmpty else { return }
    // The raw SQLite API: GRDB's argument boxing costs more than the insert itself at this
    // scale (a restore of 100,000 records).
    let statement = try db.cachedStatement(
      sql:
        "\(replacing ? "INSERT OR REPLACE" : "INSERT") INTO records (id, tag, nonce, ciphertext) "
        + "VALUES (?, ?, ?, ?)")
    try RawStatement(statement).run(
      rowsOf: batch.bytes, ends: batch.ends,
      fieldLengths: [RecordBatch.idBytes, RecordBatch.tagBytes, RecordBatch.nonceBytes])
  }

  /// The record `id`; `nil` when there is none.
  public func record(_ id: [UInt8]) throws -> Stored? {
    try Row.fetchOne(
      db.cachedStatement(sql: "SELECT tag, nonce, ciphertext FROM records WHERE id = ?"),
      arguments: [Data(id)]
    ).map { row in
      let values = StoredRow(row)
      return Stored(
        id: id, tag: values.blob("tag") ?? [], nonce: values.blob("nonce") ?? [],
        ciphertext: values.blob("ciphertext") ?? [])
    }
  }

  /// Whether there is a record `id`.
  public func contains(_ id: [UInt8]) throws -> Bool {
    try Bool.fetchOne(
      db, sql: "SELECT EXISTS (SELECT 1 FROM records WHERE id = ?)", arguments: [Data(id)])
      ?? false
  }

  public func isEmpty() throws -> Bool {
    try !(Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM records)") ?? true)
  }

  /// The ids from `lowest` to `highest`, both included: a range of the primary key, read
  /// without a scan of every id.
  public func ids(from lowest: [UInt8], through highest: [UInt8]) throws -> [[UInt8]] {
    try Row.fetchAll(
      db, sql: "SELECT id FROM records WHERE id >= ? AND id <= ?",
      arguments: [Data(lowest), Data(highest)]
    ).map { StoredRow($0).blob("id") ?? [] }
  }

  /// Every record, in id order.
  public func all() throws -> [Stored] {
    try Row.fetchAll(db, sql: "SELECT id, tag, nonce, ciphertext FROM records ORDER BY id").map {
      let row = StoredRow($0)
      return Stored(
        id: row.blob("id") ?? [], tag: row.blob("tag") ?? [], nonce: row.blob("nonce") ?? [],
        ciphertext: row.blob("ciphertext") ?? [])
    }
  }

  /// A format-1 record: its revision was a plaintext column (a value that is not an integer
  /// reads as -1).
  public struct Format1: Sendable {
    public var id: [UInt8]
    public var revision: Int64
    public var nonce: [UInt8]
    public var ciphertext: [UInt8]
  }

  /// Every record of a format-1 journal, in id order (read only to migrate them).
  public func allFormat1() throws -> [Format1] {
    try Row.fetchAll(db, sql: "SELECT id, revision, nonce, ciphertext FROM records ORDER BY id")
      .map {
        let row = StoredRow($0)
        return Format1(
          id: row.blob("id") ?? [], revision: row.integer("revision") ?? -1,
          nonce: row.blob("nonce") ?? [], ciphertext: row.blob("ciphertext") ?? [])
      }
  }

  /// The rows of the manifest bucket `bucket` in id order, into one buffer: those whose id's
  /// first byte it is (-1: the rows of none, whose ids are not blobs or are empty); with
  /// `withCiphertexts` false, only ids and tags.
  public func rows(withCiphertexts: Bool, bucket: Int) throws -> RecordRows {
    try RecordRows(db, withCiphertexts: withCiphertexts, buckets: bucket...bucket)
  }

  /// The rows of the manifest buckets `buckets` (0 to 255, or -1 alone), in id order.
  public func rows(withCiphertexts: Bool, buckets: ClosedRange<Int>) throws -> RecordRows {
    try RecordRows(db, withCiphertexts: withCiphertexts, buckets: buckets)
  }

  /// The rows of `ids` with their ciphertexts, in the order given, without those that have
  /// none (``RecordRows``).
  public func rows(ids: [RecordKey]) throws -> RecordRows {
    try RecordRows(db, ids: ids)
  }

  /// Every row in id order with its ciphertext, `size` rows at a time (``RecordRows``).
  public func forEachBatch(size: Int, _ body: (RecordRows) throws -> Void) throws {
    try RecordRows.forEachBatch(db, size: size, body)
  }
}

/// Records to write, back to back in one buffer: each row is its 16-byte id, its 16-byte tag,
/// its 24-byte nonce and its ciphertext, and ends where ``ends`` says.
///
/// Sealing fills it on any core; ``RecordsTable/insert(_:replacing:)`` binds it without a copy.
public struct RecordBatch: Sendable {
  public static let idBytes = 16
  public static let tagBytes = 16
  /// XChaCha20-Poly1305's nonce.
  public static let nonceBytes = 24
  /// The bytes of a row before its ciphertext.
  public static let fixedBytes = idBytes + tagBytes + nonceBytes

  public private(set) var bytes: [UInt8] = []
  public private(set) var ends: [Int] = []

  public init() {}

  public var count: Int { ends.count }

  public mutating func reserveCapacity(rows: Int, bytes: Int) {
    self.bytes.reserveCapacity(bytes)
    ends.reserveCapacity(rows)
  }

  /// Appends one row: `fill` appends its id, tag, nonce and ciphertext to the buffer.
  public mutating func appendRow<T>(_ fill: (inout [UInt8]) throws -> T) rethrows -> T {
    let start = bytes.count
    let result = try fill(&bytes)
    precondition(
      bytes.count - start > Self.fixedBytes, "a record row is id, tag, nonce, ciphertext")
    ends.append(bytes.count)
    return result
  }

  /// Appends one row from its parts.
  public mutating func append(id: [UInt8], tag: [UInt8], nonce: [UInt8], ciphertext: [UInt8]) {
    precondition(
      id.count == Self.idBytes && tag.count == Self.tagBytes && nonce.count == Self.nonceBytes)
    appendRow { bytes in bytes += id + tag + nonce + ciphertext }
  }

  public mutating func removeAll(keepingCapacity: Bool) {
    bytes.removeAll(keepingCapacity: keepingCapacity)
    ends.removeAll(keepingCapacity: keepingCapacity)
  }
}
