import GRDB

/// A failure of SQLite while reading or writing a journal file: what kind, and SQLite's code.
///
/// It never holds SQL arguments or row values: a journal's bytes stay out of errors and logs.
/// The core turns it into a message for people (`SottoError.storage`).
public struct StorageError: Error, Sendable, CustomStringConvertible {
  /// What went wrong, as far as the caller can act on it.
  public enum Kind: Sendable {
    case full
    case readOnly
    case busy
    case cannotOpen
    /// Not an SQLite database, or a damaged one.
    case notADatabase
    case ioError
    case other
  }

  public let kind: Kind
  /// SQLite's extended result code.
  public let extendedCode: Int32

  init(_ error: DatabaseError) {
    extendedCode = error.extendedResultCode.rawValue
    kind =
      switch error.resultCode {
      case .SQLITE_FULL: .full
      case .SQLITE_READONLY: .readOnly
      case .SQLITE_BUSY, .SQLITE_LOCKED: .busy
      case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH: .cannotOpen
      case .SQLITE_NOTADB, .SQLITE_CORRUPT, .SQLITE_FORMAT: .notADatabase
      case .SQLITE_IOERR: .ioError
      default: .other
      }
  }

  init(resultCode: Int32) {
    self.init(DatabaseError(resultCode: ResultCode(rawValue: resultCode)))
  }

  public var description: String { "SQLite \(extendedCode)" }

  /// Runs `body`, turning GRDB's errors into this type; every other error passes unchanged.
  static func converting<T>(_ body: () throws -> T) throws -> T {
    do {
      return try body()
    } catch let error as DatabaseError {
      throw StorageError(error)
    }
  }
}
