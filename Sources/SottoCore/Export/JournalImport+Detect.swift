import Foundation

extension JournalImport {
  /// Recognises the format from the bytes, or returns `nil`.
  ///
  /// - A JSON object whose `format` is `sotto-export-jsonl` on its first line: `sotto-jsonl`.
  /// - A JSON object whose `format` is `sotto-export`: `sotto-json`.
  /// - A JSON object with an `experiences` key: `pw-journal`.
  /// - Text whose first line names the columns `id`, `kind` and `unix`: `csv`.
  ///
  /// A JSON document spread over several lines is parsed whole to find its keys.
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

  private static func jsonFormat(_ data: Data) -> ImportFormat? {
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
      return nil
    }
    switch object["format"] as? String {
    case JournalExport.jsonLinesFormatName: return .sottoJSONL
    case JournalExport.jsonFormatName: return .sottoJSON
    default: return object["experiences"] is [Any] ? .pwJournal : nil
    }
  }
}
