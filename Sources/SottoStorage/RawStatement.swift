import CSottoSupport
import Foundation
import GRDB
import GRDBSQLite

/// SQLite's own API over one statement GRDB prepared: the one file of SottoStorage with
/// SQLite's pointers, for the reads and writes of every record, where GRDB's row and argument
/// wrappers cost more than the work (``RecordRows``, ``RecordsTable/insert(_:replacing:)``).
///
/// What makes it safe: the value holds the GRDB statement, so the raw handle lives as long as
/// the value; a column's pointer is read within one method, before the next step or reset
/// frees it; and bytes bound without a copy (`SQLITE_STATIC`) are bound only inside the call
/// that borrows them, and unbound (reset, bindings cleared) in a `defer` before it returns.
struct RawStatement {
  private let statement: Statement

  init(_ statement: Statement) { self.statement = statement }

  private var handle: OpaquePointer? { statement.sqliteStatement }

  /// Moves to the next row: true when there is one, false at the end.
  func step() throws -> Bool {
    let step = sqlite3_step(handle)
    if step == SQLITE_DONE { return false }
    guard step == SQLITE_ROW else { throw StorageError(resultCode: step) }
    return true
  }

  /// Rewinds the statement (its bindings kept), so that it can be stepped again.
  func reset() { sqlite3_reset(handle) }

  /// Appends the bytes of `column` of the current row to `storage` (a blob's bytes; what a
  /// value of another type reads as, which no digest matches); where they now lie.
  func appendBytes(of column: Int32, to storage: inout [UInt8]) -> Range<Int> {
    let start = storage.count
    let count = Int(sqlite3_column_bytes(handle, column))
    if count > 0, let pointer = sqlite3_column_blob(handle, column) {
      storage.append(
        contentsOf: UnsafeRawBufferPointer(start: pointer, count: count).bindMemory(
          to: UInt8.self))
    }
    return start..<storage.count
  }

  /// The bytes of `column` of the current row when it is a blob; none for any other type.
  func blob(_ column: Int32) -> [UInt8] {
    guard sqlite3_column_type(handle, column) == SQLITE_BLOB else { return [] }
    var bytes: [UInt8] = []
    _ = appendBytes(of: column, to: &bytes)
    return bytes
  }

  /// The 16 bytes of `column` of the current row when it is a blob of exactly 16 bytes, as
  /// two big-endian words; `nil` otherwise. Read for every record, so without an array.
  func sixteenBytes(_ column: Int32) -> (high: UInt64, low: UInt64)? {
    guard sqlite3_column_type(handle, column) == SQLITE_BLOB,
      sqlite3_column_bytes(handle, column) == 16,
      let pointer = sqlite3_column_blob(handle, column)
    else { return nil }
    let bytes = UnsafeRawBufferPointer(start: pointer, count: 16)
    var high: UInt64 = 0
    var low: UInt64 = 0
    for index in 0..<8 {
      high = high << 8 | UInt64(bytes[index])
      low = low << 8 | UInt64(bytes[index + 8])
    }
    return (high, low)
  }

  /// Runs the statement once for each row of `bytes`, rows ending where `ends` says: the
  /// parameters 1, 2, … get the row's first fields, `fieldLengths` bytes each, and the last
  /// parameter the rest of the row. Bound without a copy, unbound before returning.
  func run(rowsOf bytes: [UInt8], ends: [Int], fieldLengths: [Int]) throws {
    let fixed = fieldLengths.reduce(0, +)
    try bytes.withUnsafeBufferPointer { rows in
      defer {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
      }
      sqlite3_reset(handle)
      var start = 0
      for end in ends {
        precondition(start + fixed <= end && end <= rows.count)
        var field = rows.baseAddress! + start
        var step = SQLITE_OK
        for (index, length) in fieldLengths.enumerated() where step == SQLITE_OK {
          step = sqlite3_bind_blob(handle, Int32(index + 1), field, Int32(length), nil)
          field += length
        }
        if step == SQLITE_OK {
          step = sqlite3_bind_blob(
            handle, Int32(fieldLengths.count + 1), field, Int32(end - start - fixed), nil)
        }
        if step == SQLITE_OK { step = sqlite3_step(handle) }
        // Every parameter is bound again before the next step.
        sqlite3_reset(handle)
        guard step == SQLITE_DONE else { throw StorageError(resultCode: step) }
        start = end
      }
    }
  }

  /// Turns on SQLite's defensive mode for `db`: SQL cannot then corrupt the file by writing to
  /// the schema or to shadow tables. SQLite's result code.
  static func enableDefensive(_ db: Database) -> Int32 {
    sotto_sqlite_enable_defensive(UnsafeMutableRawPointer(db.sqliteConnection))
  }
}
