import Foundation

/// One CSV cell as written: `nil` is an absent value (an empty, unquoted cell); a string, even an
/// empty one, is a present value (an empty string is written as `""`).
typealias CSVCell = String?

/// Guards CSV cells against formula injection in spreadsheets, reversibly.
///
/// Export: a cell whose text, after any leading `'`, starts with `=`, `+`, `-`, `@`, tab or CR gets
/// one more `'` in front, unless the whole cell is a plain decimal number (`-12`, `-0.5`), which a
/// spreadsheet reads as a number, never as a formula. Import: a cell that starts with one or more
/// `'` followed by one of those characters loses its first `'`. The two are exact inverses, so
/// a note that really starts with `'=` or `-` survives export then import.
enum FormulaGuard {
  static let quote = UInt8(ascii: "'")

  static func isTrigger(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D:
      true
    default: false
    }
  }

  static func neutralise(_ text: String) -> String {
    let utf8 = text.utf8
    guard let first = utf8.first(where: { $0 != quote }), isTrigger(first) else {
      return text
    }
    if utf8.first != quote && isPlainNumber(utf8) { return text }
    return "'" + text
  }

  static func restore(_ text: String) -> String {
    let utf8 = text.utf8
    guard utf8.first == quote, let first = utf8.first(where: { $0 != quote }),
      isTrigger(first)
    else { return text }
    return String(text.dropFirst())
  }

  /// `-?[0-9]+(\.[0-9]+)?`
  static func isPlainNumber(_ utf8: String.UTF8View) -> Bool {
    var bytes = utf8[...]
    if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
    let parts = bytes.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
    guard parts.count <= 2 else { return false }
    return parts.allSatisfy { part in
      !part.isEmpty && part.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
  }
}

/// Writes RFC 4180 CSV: fields holding a comma, a double quote, CR or LF (and empty strings) are
/// enclosed in double quotes with inner quotes doubled; records end in CRLF.
struct CSVWriter {
  private(set) var bytes: [UInt8] = []

  var data: Data { Data(bytes) }

  mutating func writeRecord(_ cells: [CSVCell]) {
    for (index, cell) in cells.enumerated() {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      guard let cell else { continue }
      let text = FormulaGuard.neutralise(cell)
      if text.isEmpty || text.utf8.contains(where: Self.needsQuotes) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
          if byte == UInt8(ascii: "\"") { bytes.append(byte) }
          bytes.append(byte)
        }
        bytes.append(UInt8(ascii: "\""))
      } else {
        bytes.append(contentsOf: text.utf8)
      }
    }
    bytes.append(contentsOf: [0x0D, 0x0A])
  }

  private static func needsQuotes(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == 0x0D || byte == 0x0A
  }
}

/// One CSV record as read: its cells (with the formula guard undone) and the line it starts on.
struct CSVRecord {
  var line: Int
  var cells: [CSVCell]
}

/// Reads RFC 4180 CSV from bytes, strictly: a double quote inside an unquoted field, text after a
/// closing quote, or an unterminated quoted field is an error. Records may end in CRLF or LF; a
/// blank line is skipped; an empty unquoted cell is absent (`nil`), a quoted one is `""`.
enum CSVReader {
  static func records(
    _ bytes: Span<UInt8>, maxRecordBytes: Int
  ) -> Result<[CSVRecord], JournalCodecError> {
    var records: [CSVRecord] = []
    var index = 0
    var line = 1
    let count = bytes.count
    let quote = UInt8(ascii: "\"")
    let comma = UInt8(ascii: ",")
    while index < count {
      let recordStart = index
      let recordLine = line
      var cells: [CSVCell] = []
      var endOfRecord = false
      while !endOfRecord {
        var field: [UInt8] = []
        var quoted = false
        if index < count && bytes[index] == quote {
          quoted = true
          index += 1
          var closed = false
          while index < count {
            let byte = bytes[index]
            if byte == quote {
              if index + 1 < count && bytes[index + 1] == quote {
                field.append(quote)
                index += 2
                continue
              }
              index += 1
              closed = true
              break
            }
            if byte == 0x0A { line += 1 }
            field.append(byte)
            index += 1
            if index - recordStart > maxRecordBytes { return .failure(tooLong(recordLine)) }
          }
          if !closed {
            return .failure(
              malformed(recordLine, "a quoted field is not closed before the end of the file"))
          }
        } else {
          while index < count {
            let byte = bytes[index]
            if byte == comma || byte == 0x0A || byte == 0x0D { break }
            if byte == quote {
              return .failure(
                malformed(line, "a double quote appears inside a field that is not quoted"))
            }
            field.append(byte)
            index += 1
            if index - recordStart > maxRecordBytes { return .failure(tooLong(recordLine)) }
          }
        }
        guard let text = String(validating: field, as: UTF8.self) else {
          return .failure(
            JournalCodecError(
              code: .invalidUTF8, location: .line(line),
              problem: "the text is not valid UTF-8. Save the file as UTF-8 and import again. "
                + JournalCodecError.nothingImported))
        }
        cells.append(quoted || !text.isEmpty ? FormulaGuard.restore(text) : nil)
        if index >= count {
          endOfRecord = true
        } else if bytes[index] == comma {
          index += 1
        } else if bytes[index] == 0x0A {
          index += 1
          line += 1
          endOfRecord = true
        } else if bytes[index] == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A {
          index += 2
          line += 1
          endOfRecord = true
        } else if bytes[index] == 0x0D {
          return .failure(malformed(line, "a carriage return appears without a line feed"))
        } else {
          return .failure(
            malformed(line, "a quoted field is followed by text before the next comma"))
        }
        if index - recordStart > maxRecordBytes { return .failure(tooLong(recordLine)) }
      }
      if cells.count == 1 && cells[0] == nil { continue }
      records.append(CSVRecord(line: recordLine, cells: cells))
    }
    return .success(records)
  }

  private static func malformed(_ line: Int, _ what: String) -> JournalCodecError {
    JournalCodecError(
      code: .malformed, location: .line(line),
      problem: "\(what), so this is not valid CSV (RFC 4180). Fix the quoting or export the "
        + "file again. " + JournalCodecError.nothingImported)
  }

  private static func tooLong(_ line: Int) -> JournalCodecError {
    JournalCodecError(
      code: .lineTooLong, location: .line(line),
      problem: "this record is longer than \(JournalImport.maxLineBytes) bytes, the most Sotto "
        + "reads in one line. " + JournalCodecError.nothingImported)
  }
}
