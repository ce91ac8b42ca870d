import CSottoSupport
import Foundation
import GRDB

/// A journal's SQLite file, opened: the one connection every read and write goes through.
///
/// Each read and write hands its body a ``StoreTransaction``, through which alone the tables
/// are reached; SQLite's errors come out as ``StorageError``, any other error unchanged.
public final class StoreFile: Sendable {
  private let queue: DatabaseQueue

  /// Opens the file at `path` (SQLite creates it when missing: callers check first), with the
  /// connection settings every journal gets. Reads nothing.
  public init(path: String) throws {
    queue = try StorageError.converting {
      try DatabaseQueue(path: path, configuration: Self.configuration())
    }
  }

  private static func configuration() -> Configuration {
    var config = Configuration()
    config.busyMode = .timeout(10)
    config.label = "sotto"
    config.prepareDatabase { db in
      // Connection settings only: nothing here may write to a file that is not yet known to be
      // a Sotto journal.
      try db.execute(sql: "PRAGMA secure_delete = ON")
      try db.execute(sql: "PRAGMA trusted_schema = OFF")
      try db.execute(sql: "PRAGMA synchronous = FULL")
      try db.execute(sql: "PRAGMA cell_size_check = ON")
      // Defensive mode: SQL cannot corrupt the file by writing to the schema or shadow tables.
      let status = RawStatement.enableDefensive(db)
      if status != 0 { throw DatabaseError(resultCode: ResultCode(rawValue: status)) }
    }
    return config
  }

  /// Runs `body` in a read transaction: it sees one state of the file throughout.
  public func read<T>(_ body: (StoreTransaction) throws -> T) throws -> T {
    try StorageError.converting { try queue.read { db in try body(StoreTransaction(db)) } }
  }

  /// Runs `body` in one IMMEDIATE transaction (the write lock taken at its start), committed
  /// when `body` returns and rolled back when it throws.
  public func write<T>(_ body: (StoreTransaction) throws -> T) throws -> T {
    try StorageError.converting {
      try queue.writeWithoutTransaction { db in
        var result: T?
        try db.inTransaction(.immediate) {
          result = try body(StoreTransaction(db))
          return .commit
        }
        return result!
      }
    }
  }

  /// Makes the file a new journal: the write-ahead log, then in one transaction the
  /// application id, the format version, the tables of `objects`, and whatever `body` writes.
  public func create(
    applicationID: Int32, formatVersion: UInt32,
    objects: [(type: String, name: String, sql: String)],
    _ body: (StoreTransaction) throws -> Void
  ) throws {
    try StorageError.converting {
      try queue.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA journal_mode = WAL")
      }
    }
    try write { transaction in
      try transaction.db.execute(sql: "PRAGMA application_id = \(applicationID)")
      try transaction.setFormatVersion(formatVersion)
      try transaction.create(objects)
      try body(transaction)
    }
  }

  /// Copies the write-ahead log into the file and truncates it, so old page images (of
  /// deleted or re-encrypted records) do not linger in the `-wal` file.
  public func checkpoint() throws {
    try StorageError.converting {
      try queue.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)")
      }
    }
  }

  /// How changes reach the file: through the write-ahead log (every journal, always) or, for
  /// filling a new journal at once, straight into the file under a rollback journal.
  public enum JournalMode: String, Sendable {
    case writeAheadLog = "WAL"
    case rollback = "DELETE"
  }

  /// Sets the journal mode and the page cache's size.
  public func setMode(_ mode: JournalMode, cacheKiB: Int) throws {
    try StorageError.converting {
      try queue.writeWithoutTransaction { db in
        try db.execute(sql: "PRAGMA journal_mode = \(mode.rawValue)")
        try db.execute(sql: "PRAGMA cache_size = -\(cacheKiB)")
      }
    }
  }
}

/// The tables of a journal within one read or write of a ``StoreFile``: the only way to them.
///
/// Valid only inside the body it was handed to (GRDB refuses a connection used outside it).
public struct StoreTransaction {
  let db: Database

  init(_ db: Database) {
    self.db = db
  }

  public var header: HeaderTable { HeaderTable(db: db) }
  public var records: RecordsTable { RecordsTable(db: db) }
  public var manifest: ManifestTable { ManifestTable(db: db) }
  public var pages: PagesTable { PagesTable(db: db) }
  public var inbox: InboxTable { InboxTable(db: db) }

  /// SQLite's `application_id`: what kind of file this is.
  public func applicationID() throws -> Int32 {
    try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
  }

  /// SQLite's `user_version`, where a journal keeps its format version.
  public func formatVersion() throws -> Int {
    try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
  }

  public func setFormatVersion(_ version: UInt32) throws {
    try db.execute(sql: "PRAGMA user_version = \(version)")
  }

  /// Every object of the schema as "type|name|sql", in name order: SQLite keeps each `CREATE`
  /// statement's text verbatim, so this is compared with ``Schema`` as a whole.
  public func schemaObjects() throws -> [String] {
    try Row.fetchAll(db, sql: "SELECT type, name, sql FROM sqlite_schema ORDER BY name").map {
      row in
      let values = StoredRow(row)
      return "\(values.text("type") ?? "")|\(values.text("name") ?? "")|\(values.text("sql") ?? "")"
    }
  }

  /// The same text for the objects a version of the schema has.
  public static func describe(_ objects: [(type: String, name: String, sql: String)]) -> [String] {
    objects.map { "\($0.type)|\($0.name)|\($0.sql)" }
  }

  /// Creates `objects` (``Schema``'s statements).
  public func create(_ objects: [(type: String, name: String, sql: String)]) throws {
    for object in objects { try db.execute(sql: object.sql) }
  }

  /// Drops a table of a format being migrated (``Schema`` names them).
  public func drop(table: String) throws {
    precondition(Schema.objectsFormat1.contains { $0.name == table })
    try db.execute(sql: "DROP TABLE \(table)")
  }

  /// SQLite's `data_version`: it changes when another connection commits.
  public func dataVersion() throws -> Int {
    try Int.fetchOne(db, sql: "PRAGMA data_version") ?? -2
  }
}
