/// The SQL schema of format version 2, exactly as created and as checked on every open, and
/// that of format 1, which is read only to migrate it.
///
/// SQLite keeps each `CREATE` statement's text verbatim in `sqlite_schema`, so an open compares
/// that text with these strings: an extra table, index, trigger or view, or a changed column, is
/// refused before any other statement runs.
public enum Schema {
  public static let header = """
    CREATE TABLE header (
      singleton INTEGER PRIMARY KEY NOT NULL CHECK (singleton = 1),
      magic TEXT NOT NULL,
      format_version INTEGER NOT NULL,
      journal_id BLOB NOT NULL,
      kdf_algorithm INTEGER NOT NULL,
      kdf_opslimit INTEGER NOT NULL,
      kdf_memlimit INTEGER NOT NULL,
      kdf_salt BLOB NOT NULL,
      envelope_nonce BLOB NOT NULL,
      envelope BLOB NOT NULL,
      inbox_public_key BLOB NOT NULL,
      quick_capture INTEGER NOT NULL
    ) WITHOUT ROWID
    """

  public static let records = """
    CREATE TABLE records (
      id BLOB PRIMARY KEY NOT NULL,
      tag BLOB NOT NULL,
      nonce BLOB NOT NULL,
      ciphertext BLOB NOT NULL
    ) WITHOUT ROWID
    """

  public static let manifest = """
    CREATE TABLE manifest (
      slot INTEGER PRIMARY KEY NOT NULL,
      nonce BLOB NOT NULL,
      ciphertext BLOB NOT NULL
    ) WITHOUT ROWID
    """

  public static let inbox = """
    CREATE TABLE inbox (
      id BLOB PRIMARY KEY NOT NULL,
      sealed BLOB NOT NULL
    ) WITHOUT ROWID
    """

  /// Encrypted pages (format 2): sync's settings and the time index (Docs/FORMAT.md §2, §5.1).
  public static let pages = """
    CREATE TABLE pages (
      id BLOB PRIMARY KEY NOT NULL,
      nonce BLOB NOT NULL,
      ciphertext BLOB NOT NULL
    ) WITHOUT ROWID
    """

  /// Every object of the schema: (type, name, SQL), in name order.
  public static let objects: [(type: String, name: String, sql: String)] = [
    ("table", "header", header),
    ("table", "inbox", inbox),
    ("table", "manifest", manifest),
    ("table", "pages", pages),
    ("table", "records", records),
  ]

  /// Format 1's records table, which numbered revisions in plain text.
  public static let recordsFormat1 = """
    CREATE TABLE records (
      id BLOB PRIMARY KEY NOT NULL,
      revision INTEGER NOT NULL,
      nonce BLOB NOT NULL,
      ciphertext BLOB NOT NULL
    ) WITHOUT ROWID
    """

  /// Every object of format 1's schema, in name order.
  public static let objectsFormat1: [(type: String, name: String, sql: String)] = [
    ("table", "header", header),
    ("table", "inbox", inbox),
    ("table", "manifest", manifest),
    ("table", "records", recordsFormat1),
  ]

  /// The objects of format `version`'s schema; `nil` for a version this code does not read.
  public static func objects(version: UInt32) -> [(type: String, name: String, sql: String)]? {
    switch version {
    case 1: objectsFormat1
    case 2: objects
    default: nil
    }
  }
}
