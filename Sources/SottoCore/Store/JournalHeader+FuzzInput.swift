import SottoStorage

extension JournalHeader {
  /// A header row built from the `header` fuzzer's input (Fuzz/HeaderFuzz.swift), for the
  /// harness and for the test that replays its findings, which must read inputs the same way.
  ///
  /// For each of the twelve columns in turn: a type byte, then 8 bytes for an integer or a real,
  /// or a length byte and that many bytes for text or a blob. A hostile file may hold any SQLite
  /// type in any column (the tables are not STRICT); a column the input runs out before is
  /// absent.
  static func fuzzRow(from bytes: [UInt8]) -> StoredRow {
    let columns = [
      "singleton", "magic", "format_version", "journal_id", "kdf_algorithm", "kdf_opslimit",
      "kdf_memlimit", "kdf_salt", "envelope_nonce", "envelope", "inbox_public_key",
      "quick_capture",
    ]
    var reader = ByteReader(bytes)
    var values: [String: StoredValue] = [:]
    for column in columns {
      guard let type = reader.readU8() else {
        values[column] = nil
        continue
      }
      switch type % 5 {
      case 0: values[column] = .null
      case 1: values[column] = reader.readU64().map { .integer(Int64(bitPattern: $0)) }
      case 2: values[column] = reader.readU64().map { .real(Double(bitPattern: $0)) }
      case 3:
        let count = Int(reader.readU8() ?? 0)
        values[column] = reader.read(count: count).map {
          .text(String(decoding: $0, as: UTF8.self))
        }
      default:
        let count = Int(reader.readU8() ?? 0)
        values[column] = reader.read(count: count).map { .blob($0) }
      }
    }
    return StoredRow(values)
  }
}
