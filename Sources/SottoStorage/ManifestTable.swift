import Foundation
import GRDB

/// The `manifest` table: the encrypted head in slot 0 and the buckets in slots 1 to 256
/// (Docs/FORMAT.md §4).
public struct ManifestTable {
  let db: Database

  /// The sealed slot `slot`; `nil` when there is no such row.
  public func slot(_ slot: Int) throws -> Sealed? {
    try Row.fetchOne(
      db, sql: "SELECT nonce, ciphertext FROM manifest WHERE slot = ?", arguments: [slot]
    ).map { Sealed(StoredRow($0)) }
  }

  /// Every slot, by number (a slot number that is not an integer reads as -1).
  public func all() throws -> [(slot: Int64, sealed: Sealed)] {
    try Row.fetchAll(db, sql: "SELECT slot, nonce, ciphertext FROM manifest").map {
      let row = StoredRow($0)
      return (row.integer("slot") ?? -1, Sealed(row))
    }
  }

  /// How many slots above 0 (buckets) there are.
  public func bucketCount() throws -> Int {
    try Int.fetchOne(db, sql: "SELECT count(*) FROM manifest WHERE slot > 0") ?? 0
  }

  public func put(slot: Int, _ sealed: Sealed) throws {
    try db.execute(
      sql: "INSERT OR REPLACE INTO manifest (slot, nonce, ciphertext) VALUES (?, ?, ?)",
      arguments: [slot, Data(sealed.nonce), Data(sealed.ciphertext)])
  }

  public func delete(slot: Int) throws {
    try db.execute(sql: "DELETE FROM manifest WHERE slot = ?", arguments: [slot])
  }

  public func deleteAll() throws {
    try db.execute(sql: "DELETE FROM manifest")
  }
}

/// A nonce and a ciphertext, as a manifest slot or a page holds them. A value that is not a
/// blob reads as empty bytes (it then fails authentication, like any damaged row).
public struct Sealed: Sendable, Equatable {
  public var nonce: [UInt8]
  public var ciphertext: [UInt8]

  public init(nonce: [UInt8], ciphertext: [UInt8]) {
    self.nonce = nonce
    self.ciphertext = ciphertext
  }

  init(_ row: StoredRow) {
    self.init(nonce: row.blob("nonce") ?? [], ciphertext: row.blob("ciphertext") ?? [])
  }
}
