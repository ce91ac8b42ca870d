import Foundation
import SottoModel

extension JournalImport {
  /// Recognises the format from the bytes, or returns `nil`.
  ///
  /// - A JSON object whose `format` is `sotto-export-jsonl` on its first line: `sotto-jsonl`.
  /// - A JSON object whose `format` is `sotto-export`: `sotto-json`.
  /// - A JSON object with an `experiences` key: `pw-journal`.
  /// - Text whose first line names the columns `id`, `kind` and `unix`: `csv`.
  ///
  /// A JSON document spread over several lines is read whole (keeping only its `format`).
  public static func detect(_ data: Data) -> ImportFormat? {
    guard data.count <= maxInputBytes else { return nil }
    var bytes = data[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    bytes = bytes.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    guard let first = bytes.first else { return nil }
    let lineEnd = bytes.prefix(maxLineBytes + 1).firstIndex(of: 0x0A) ?? bytes.endIndex
    let firstLine = bytes[bytes.startIndex..<lineEnd]
    if first == UInt8(ascii: "{") {
      if let format = jsonFormat(Data(firstLine)) { return format }
      return lineEnd == bytes.endIndex ? nil : jsonFormat(Data(bytes))
    }
    guard let header = String(validating: firstLine, as: UTF8.self) else { return nil }
    let names = header.trimmingCharacters(in: .whitespacesAndNewlines)
      .split(separator: ",", omittingEmptySubsequences: false)
      .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
    return ["id", "kind", "unix"].allSatisfy(names.contains) ? .csv : nil
  }

  /// The format a JSON object names by its top-level keys; `nil` when `data` is not one whole
  /// JSON object. Read with the pull reader, which keeps nothing but the `format` string: a
  /// Foundation tree of a 100,000-entry export cost 700 MB and seconds just to find that key.
  private static func jsonFormat(_ data: Data) -> ImportFormat? {
    var reader = JSONReader([UInt8](data))
    var format: String?
    var experiences = false
    do {
      try reader.readObject { reader, key throws(JSONReader.Failure) in
        switch key {
        case "format":
          // Anything but a string names no format (the value is still read, to check it).
          format = nil
          do { format = try reader.readString() } catch { try reader.skipValue() }
        case "experiences":
          experiences = false
          do {
            try reader.readArray { element throws(JSONReader.Failure) in try element.skipValue() }
            experiences = true
          } catch { try reader.skipValue() }
        default: try reader.skipValue()
        }
      }
      try reader.expectEnd()
    } catch {
      return nil
    }
    switch format {
    case JournalExport.jsonLinesFormatName: return .sottoJSONL
    case JournalExport.jsonFormatName: return .sottoJSON
    default: return experiences ? .pwJournal : nil
    }
  }
}
