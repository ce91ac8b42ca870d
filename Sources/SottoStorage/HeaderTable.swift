import Foundation
import GRDB

/// The `header` table: one plaintext row with the format, the key derivation's settings and
/// the wrapped keys (Docs/FORMAT.md §3).
public struct HeaderTable {
  let db: Database

  /// Its columns after `singleton`, in the order of ``Schema/header``.
  public static let columns = [
    "magic", "format_version", "journal_id", "kdf_algorithm", "kdf_opslimit", "kdf_memlimit",
    "kdf_salt", "envelope_nonce", "envelope", "inbox_public_key", "quick_capture",
  ]

  /// Every row (a journal has exactly one; a hostile file may have none, or values of any type).
  public func rows() throws -> [StoredRow] {
    try Row.fetchAll(db, sql: "SELECT * FROM header").map(StoredRow.init)
  }

  /// The key envelope's nonce: it changes whenever the keys are wrapped again, so a writer
  /// compares it with the one it unlocked with.
  public func envelopeNonce() throws -> [UInt8]? {
    try Row.fetchOne(db, sql: "SELECT envelope_nonce FROM header").flatMap {
      StoredRow($0).blob("envelope_nonce")
    }
  }

  /// Writes the row (replacing the one there): `row` holds a value for each of ``columns``.
  public func write(_ row: StoredRow) throws {
    precondition(Set(row.values.keys) == Set(Self.columns))
    let arguments = Self.columns.map { column -> (any DatabaseValueConvertible)? in
      switch row.values[column]! {
      case .null: nil
      case .integer(let number): number
      case .real(let number): number
      case .text(let text): text
      case .blob(let bytes): Data(bytes)
      }
    }
    try db.execute(
      sql: """
        INSERT OR REPLACE INTO header (singleton, \(Self.columns.joined(separator: ", ")))
        VALUES (1\(String(repeating: ", ?", count: Self.columns.count)))
        """,
      arguments: StatementArguments(arguments))
  }
}
