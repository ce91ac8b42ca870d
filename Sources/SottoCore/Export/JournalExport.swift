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
  /// "schemaVersion":1}`, keys sorted, one compact entry a line, ending in a newline.
  public static func json(
    _ entries: [Entry], exportedAt: Date
  ) throws(JournalCodecError) -> Data {
    let ordered = sorted(entries)
    try checkFinite(ordered)
    // One buffer for the whole document: an array per entry, copied into `Data`, cost as
    // much as writing the entries.
    var writer = JSONWriter(capacity: 256 * ordered.count + 256)
    writer.raw("{\n  \"entries\" : [")
    for index in ordered.indices {
      writer.raw(index == 0 ? "\n    " : ",\n    ")
      ordered[index].write(to: &writer, extraTime: true)
    }
    writer.raw(ordered.isEmpty ? "],\n" : "\n  ],\n")
    var out = Data(writer.bytes)
    out.append(
      contentsOf: Array(
        ("  \"exportedAt\" : \"\(utcString(exportedAt))\",\n"
          + "  \"format\" : \"\(jsonFormatName)\",\n"
          + "  \"schemaVersion\" : \(schemaVersion)\n}\n").utf8))
    return out
  }

  /// JSON Lines: the header `{"exportedAt":...,"format":"sotto-export-jsonl","schemaVersion":1}`,
  /// then one compact entry object a line; every line ends in LF.
  public static func jsonLines(
    _ entries: [Entry], exportedAt: Date
  ) throws(JournalCodecError) -> Data {
    let ordered = sorted(entries)
    try checkFinite(ordered)
    var data = Data(
      ("{\"exportedAt\":\"\(utcString(exportedAt))\",\"format\":\"\(jsonLinesFormatName)\","
        + "\"schemaVersion\":\(schemaVersion)}\n").utf8)
    var writer = JSONWriter(capacity: 256 * ordered.count)
    for index in ordered.indices {
      ordered[index].write(to: &writer, extraTime: true)
      writer.raw("\n")
    }
    data.append(contentsOf: writer.bytes)
    return data
  }

  /// Refuses entries holding a number JSON cannot carry (validated entries never do).
  private static func checkFinite(_ entries: [Entry]) throws(JournalCodecError) {
    for (index, entry) in entries.enumerated() {
      var numbers: [Double] = []
      switch entry.body {
      case .urge, .rule: break
      case .use(let use): numbers = [use.amount, use.cost].compactMap { $0 }
      case .goal(let goal):
        switch goal.rule {
        case .cap(let amount, _, _, _), .maxSpend(let amount, _): numbers = [amount]
        case .minGap(let hours, _): numbers = [hours]
        case .useFreeDays, .resistRate: break
        }
      }
      if numbers.contains(where: { !$0.isFinite }) {
        throw JournalCodecError(
          code: .unencodable, location: .entry(index + 1),
          problem: "an entry holds a number that is not finite and cannot be exported. "
            + "Correct or delete that entry and export again. Nothing was written.")
      }
    }
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
    func precedes(_ lhs: Entry, _ rhs: Entry) -> Bool {
      lhs.at.unixSeconds != rhs.at.unixSeconds
        ? lhs.at.unixSeconds < rhs.at.unixSeconds : lhs.id < rhs.id
    }
    // A journal's contents come sorted already: checking costs far less than sorting a copy.
    if entries.indices.dropFirst().allSatisfy({ !precedes(entries[$0], entries[$0 - 1]) }) {
      return entries
    }
    return entries.sorted(by: precedes)
  }

  /// `exportedAt` in UTC, to the second: `2026-05-01T12:00:00Z`.
  static func utcString(_ date: Date) -> String {
    let seconds = date.timeIntervalSince1970.rounded(.down)
    let clamped = seconds.isFinite ? Int64(max(min(seconds, 1e15), -1e15)) : 0
    return ISO8601Time.string(unixSeconds: clamped, offsetSeconds: 0)
  }
}
