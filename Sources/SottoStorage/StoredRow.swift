import Foundation
import GRDB

/// One value of a row as SQLite holds it: the tables are not STRICT, so a hostile file may put
/// any type in any column, and readers check the type rather than trust the schema.
public enum StoredValue: Sendable, Equatable {
  case null
  case integer(Int64)
  case real(Double)
  case text(String)
  case blob([UInt8])

  init(_ value: DatabaseValue) {
    switch value.storage {
    case .null: self = .null
    case .int64(let number): self = .integer(number)
    case .double(let number): self = .real(number)
    case .string(let text): self = .text(text)
    case .blob(let data): self = .blob([UInt8](data))
    }
  }
}

/// A row read by column name, each value checked for its type: a value of another type reads
/// as `nil`, never as a crash (GRDB's subscripts stop the program when a conversion fails).
public struct StoredRow: Sendable, Equatable {
  public var values: [String: StoredValue]

  public init(_ values: [String: StoredValue]) {
    self.values = values
  }

  init(_ row: Row) {
    var values: [String: StoredValue] = [:]
    for (column, value) in row { values[column] = StoredValue(value) }
    self.values = values
  }

  /// The column's integer; `nil` when it is missing or not an integer.
  public func integer(_ column: String) -> Int64? {
    if case .integer(let number)? = values[column] { number } else { nil }
  }

  /// The column's text; `nil` when it is missing or not text.
  public func text(_ column: String) -> String? {
    if case .text(let text)? = values[column] { text } else { nil }
  }

  /// The column's bytes: a blob's, or a text's UTF-8; `nil` otherwise.
  public func blob(_ column: String) -> [UInt8]? {
    switch values[column] {
    case .blob(let bytes)?: bytes
    case .text(let text)?: Array(text.utf8)
    default: nil
    }
  }
}
