import Foundation
import GRDB

/// The `pages` table: encrypted pages under 16-byte ids, sync's settings and the time index
/// (Docs/FORMAT.md §2, §5.1).
public struct PagesTable {
  let db: Database

  /// The page `id`; `nil` when there is none.
  public func page(_ id: [UInt8]) throws -> Sealed? {
    try Row.fetchOne(
      db, sql: "SELECT nonce, ciphertext FROM pages WHERE id = ?", arguments: [Data(id)]
    ).map { Sealed(StoredRow($0)) }
  }

  /// The pages among `ids` that exist, with their ids.
  public func pages(_ ids: [[UInt8]]) throws -> [(id: [UInt8], sealed: Sealed)] {
    try ids.compactMap { id in try page(id).map { (id, $0) } }
  }

  /// Every page from `lowest` up in id order, `size` at a time with their ids: all the leaves
  /// of the time index, read front to back (``Sealed/forEachPage(_:from:size:_:)``).
  public func forEach(
    from lowest: [UInt8], size: Int, _ body: ([(id: [UInt8], sealed: Sealed)]) throws -> Void
  ) throws {
    try Sealed.forEachPage(db, from: lowest, size: size, body)
  }

  public func contains(_ id: [UInt8]) throws -> Bool {
    try Bool.fetchOne(
      db, sql: "SELECT EXISTS (SELECT 1 FROM pages WHERE id = ?)", arguments: [Data(id)]) ?? false
  }

  /// How many pages have ids from `lowest` up.
  public func count(from lowest: [UInt8]) throws -> Int {
    try Int.fetchOne(
      db, sql: "SELECT count(*) FROM pages WHERE id >= ?", arguments: [Data(lowest)]) ?? 0
  }

  public func put(_ id: [UInt8], _ sealed: Sealed) throws {
    try db.execute(
      sql: "INSERT OR REPLACE INTO pages (id, nonce, ciphertext) VALUES (?, ?, ?)",
      arguments: [Data(id), Data(sealed.nonce), Data(sealed.ciphertext)])
  }

  public func delete(_ id: [UInt8]) throws {
    try db.execute(sql: "DELETE FROM pages WHERE id = ?", arguments: [Data(id)])
  }

  /// Deletes every page with an id from `lowest` up.
  public func delete(from lowest: [UInt8]) throws {
    try db.execute(sql: "DELETE FROM pages WHERE id >= ?", arguments: [Data(lowest)])
  }
}
