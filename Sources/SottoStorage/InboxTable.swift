import Foundation
import GRDB

/// The `inbox` table: quick captures sealed to the journal's public key, waiting for the next
/// unlock (Docs/FORMAT.md §6).
public struct InboxTable {
  let db: Database

  /// A row as listed without reading its sealed bytes: SQLite gives a blob's length without
  /// reading it, so a hostile row costs no memory until it is known to be small.
  public struct Shape: Sendable {
    /// The id as stored (16 bytes unless the file was tampered with; empty when not a blob).
    public var id: [UInt8]
    /// The sealed value's length: bytes for a blob (a text's counts characters).
    public var size: Int
    public var isBlob: Bool
  }

  public func insert(id: [UInt8], sealed: [UInt8]) throws {
    try db.execute(
      sql: "INSERT INTO inbox (id, sealed) VALUES (?, ?)", arguments: [Data(id), Data(sealed)])
  }

  public func count() throws -> Int {
    try Int.fetchOne(db, sql: "SELECT count(*) FROM inbox") ?? 0
  }

  /// Every row's id, as stored.
  public func ids() throws -> [[UInt8]] {
    try Row.fetchAll(db, sql: "SELECT id FROM inbox").map { StoredRow($0).blob("id") ?? [] }
  }

  /// Every row's shape, in id order.
  public func shapes() throws -> [Shape] {
    try Row.fetchAll(
      db, sql: "SELECT id, length(sealed) AS size, typeof(sealed) AS type FROM inbox ORDER BY id"
    ).map {
      let row = StoredRow($0)
      return Shape(
        id: row.blob("id") ?? [], size: Int(row.integer("size") ?? -1),
        isBlob: row.text("type") == "blob")
    }
  }

  /// The sealed bytes of row `id` (empty when there is none, or they are not a blob).
  public func sealed(id: [UInt8]) throws -> [UInt8] {
    try Row.fetchOne(db, sql: "SELECT sealed FROM inbox WHERE id = ?", arguments: [Data(id)])
      .flatMap { StoredRow($0).blob("sealed") } ?? []
  }

  /// Every row with its sealed bytes (a format-1 journal's, read to migrate them).
  public func all() throws -> [(id: [UInt8], sealed: [UInt8])] {
    try Row.fetchAll(db, sql: "SELECT id, sealed FROM inbox").map {
      let row = StoredRow($0)
      return (row.blob("id") ?? [], row.blob("sealed") ?? [])
    }
  }

  public func update(id: [UInt8], sealed: [UInt8]) throws {
    try db.execute(
      sql: "UPDATE inbox SET sealed = ? WHERE id = ?", arguments: [Data(sealed), Data(id)])
  }

  /// Deletes row `id`; returns how many rows went (0 or 1).
  @discardableResult
  public func delete(id: [UInt8]) throws -> Int {
    try db.execute(sql: "DELETE FROM inbox WHERE id = ?", arguments: [Data(id)])
    return db.changesCount
  }

  /// Deletes every row; returns how many.
  public func deleteAll() throws -> Int {
    try db.execute(sql: "DELETE FROM inbox")
    return db.changesCount
  }
}
