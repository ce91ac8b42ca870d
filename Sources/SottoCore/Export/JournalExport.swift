import Foundation
import SottoModel

/// The file formats Sotto exports to.
public enum ExportFormat: String, Sendable, Hashable, CaseIterable {
  /// One JSON document (`sotto-export`, schema 1).
  case json
  /// JSON Lines: a header line, then one entry a line (`sotto-export-jsonl`, schema 1).
  case jsonl
  /// CSV: a header row, then one entry a row (RFC 4180, CRLF, formula cells neutralised).
  case csv
}

/// Writes journal entries to export files: values in, bytes out.
///
/// Every writer sorts the entries by time, then by id, so the same journal always gives the same
/// bytes. The formats are specified in `Docs/EXPORT.md`.
///
/// - Warning: the output is the journal in plain text. The caller must warn the person, create the
///   file with mode 0600, and never overwrite a file unasked.
public enum JournalExport {
  /// The value of `format` in a JSON export.
  public static let jsonFormatName = "sotto-export"
  /// The value of `format` in the header line of a JSON Lines export.
  public static let jsonLinesFormatName = "sotto-export-jsonl"
  /// The schema version written; importers accept this version and older.
  public static let schemaVersion = 1

  /// Writes `entries` in `format`.
  ///
  /// - Parameters:
  ///   - entries: the entries, in any order.
  ///   - format: the file format.
  ///   - exportedAt: the time written in the header (JSON and JSON Lines); pass the current time.
  /// - Throws: ``JournalCodecError`` with code `unencodable` when an entry holds a number that is
  ///   not finite.
  public static func data(
    _ entries: [Entry], format: ExportFormat, exportedAt: Date
  ) throws(JournalCodecError) -> Data {
    switch format {
    case .json: try json(entries, exportedAt: exportedAt)
    case .jsonl: try jsonLines(entries, exportedAt: exportedAt)
    case .csv: try csv(entries)
    }
  }

  /// One JSON document: `{"entries":[...],"exportedAt":...,"format":"sotto-export",
  /// "schemaVersion":1}`, keys sorted, two-space indented, ending in a newline.
  public static func json(
    _ entries: [Entry], exportedAt: Date
  ) throws(JournalCodecError) -> Data {
    let document = Document(
      entries: sorted(entries).map(ExportedEntry.init), exportedAt: utcString(exportedAt),
      format: jsonFormatName, schemaVersion: schemaVersion)
    let encoder = makeEncoder()
    encoder.outputFormatting.insert(.prettyPrinted)
    var data = try encode(document, with: encoder, location: nil)
    data.append(0x0A)
    return data
  }

  /// JSON Lines: the header `{"exportedAt":...,"format":"sotto-export-jsonl","schemaVersion":1}`,
  /// then one compact entry object a line; every line ends in LF.
  public static func jsonLines(
    _ entries: [Entry], exportedAt: Date
  ) throws(JournalCodecError) -> Data {
    let encoder = makeEncoder()
    let header = Header(
      exportedAt: utcString(exportedAt), format: jsonLinesFormatName,
      schemaVersion: schemaVersion)
    var data = try encode(header, with: encoder, location: nil)
    data.append(0x0A)
    for (index, entry) in sorted(entries).enumerated() {
      data.append(try encode(ExportedEntry(entry), with: encoder, location: .entry(index + 1)))
      data.append(0x0A)
    }
    return data
  }

  /// CSV: a header row, one row per entry, RFC 4180 quoting, CRLF line ends, cells that could be
  /// read as a formula prefixed with `'`. See `Docs/EXPORT.md` for the columns.
  public static func csv(_ entries: [Entry]) throws(JournalCodecError) -> Data {
    var writer = CSVWriter()
    writer.writeRecord(EntryCSV.columns.map { CSVCell($0) })
    for (index, entry) in sorted(entries).enumerated() {
      writer.writeRecord(try EntryCSV.row(for: entry, location: .entry(index + 1)))
    }
    return writer.data
  }

  /// The entries ordered by time, then by id.
  static func sorted(_ entries: [Entry]) -> [Entry] {
    entries.sorted { lhs, rhs in
      lhs.at.unixSeconds != rhs.at.unixSeconds
        ? lhs.at.unixSeconds < rhs.at.unixSeconds : lhs.id < rhs.id
    }
  }

  /// `exportedAt` in UTC, to the second: `2026-05-01T12:00:00Z`.
  static func utcString(_ date: Date) -> String {
    let seconds = date.timeIntervalSince1970.rounded(.down)
    let clamped = seconds.isFinite ? Int64(max(min(seconds, 1e15), -1e15)) : 0
    return ISO8601Time.string(unixSeconds: clamped, offsetSeconds: 0)
  }

  private static func makeEncoder() -> JSONEncoder {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return encoder
  }

  private static func encode(
    _ value: some Encodable, with encoder: JSONEncoder, location: JournalCodecError.Location?
  ) throws(JournalCodecError) -> Data {
    do {
      return try encoder.encode(value)
    } catch {
      throw JournalCodecError(
        code: .unencodable, location: location ?? unencodableLocation(error),
        problem: "an entry holds a number that is not finite and cannot be exported. "
          + "Correct or delete that entry and export again. Nothing was written.")
    }
  }

  private static func unencodableLocation(_ error: any Error) -> JournalCodecError.Location? {
    guard case EncodingError.invalidValue(_, let context) = error else { return nil }
    let indices = context.codingPath.compactMap(\.intValue)
    return indices.first.map { .entry($0 + 1) }
  }

  private struct Document: Encodable {
    var entries: [ExportedEntry]
    var exportedAt: String
    var format: String
    var schemaVersion: Int
  }

  private struct Header: Encodable {
    var exportedAt: String
    var format: String
    var schemaVersion: Int
  }
}

/// An entry in its stored JSON shape, plus a redundant `time` key (ISO 8601 with the entry's own
/// offset) for people reading the file; importers ignore `time`.
struct ExportedEntry: Encodable {
  var entry: Entry

  init(_ entry: Entry) { self.entry = entry }

  private enum ExtraKeys: String, CodingKey { case time }

  func encode(to encoder: any Encoder) throws {
    try entry.encode(to: encoder)
    var container = encoder.container(keyedBy: ExtraKeys.self)
    try container.encode(ISO8601Time.string(entry.at), forKey: .time)
  }
}
