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
  public static let schemaVersion = 2

  /// Writes `entries` in `format`.
  ///
  /// - Parameters:
  ///   - entries: the entries, in any order.
  ///   - format: the file format.
  ///   - exportedAt: the time written in the header (JSON and JSON Lines); pass the current time.
  ///   - settings: the journal's settings, written in the JSON and JSON Lines headers (CSV has
  ///     no place for them); `nil` leaves them out.
  /// - Throws: ``JournalCodecError`` with code `unencodable` when an entry holds a number that is
  ///   not finite.
  public static func data(
    _ entries: [Entry], format: ExportFormat, exportedAt: Date, settings: JournalSettings? = nil
  ) throws(JournalCodecError) -> Data {
    switch format {
    case .json: try json(entries, exportedAt: exportedAt, settings: settings)
    case .jsonl: try jsonLines(entries, exportedAt: exportedAt, settings: settings)
    case .csv: try csv(entries)
    }
  }

  /// One JSON document: `{"entries":[...],"exportedAt":...,"format":"sotto-export",
  /// "schemaVersion":1}`, keys sorted, one compact entry a line, ending in a newline.
  public static func json(
    _ entries: [Entry], exportedAt: Date, settings: JournalSettings? = nil
  ) throws(JournalCodecError) -> Data {
    Data(try jsonBytes(entries, exportedAt: exportedAt, settings: settings))
  }

  /// The bytes of ``json(_:exportedAt:)``, for a caller that works on bytes (the backup).
  static func jsonBytes(
    _ entries: [Entry], exportedAt: Date, settings: JournalSettings? = nil
  ) throws(JournalCodecError) -> [UInt8] {
    let ordered = sorted(entries)
    try checkFinite(ordered)
    var out = Array("{\n  \"entries\" : [".utf8)
    out += inParallel(count: ordered.count) { range in
      var writer = JSONWriter(capacity: 256 * range.count)
      for index in range {
        writer.raw(index == 0 ? "\n    " : ",\n    ")
        ordered[index].write(to: &writer, extraTime: true)
      }
      return writer.bytes
    }
    out += (ordered.isEmpty ? "],\n" : "\n  ],\n").utf8
    var tail = "  \"exportedAt\" : \"\(utcString(exportedAt))\",\n"
    tail += "  \"format\" : \"\(jsonFormatName)\",\n"
    tail += "  \"schemaVersion\" : \(schemaVersion)"
    if let settings {
      tail += ",\n  \"settings\" : " + String(decoding: settings.json, as: UTF8.self)
    }
    out.append(contentsOf: (tail + "\n}\n").utf8)
    return out
  }

  /// JSON Lines: the header `{"exportedAt":...,"format":"sotto-export-jsonl","schemaVersion":1}`,
  /// then one compact entry object a line; every line ends in LF.
  public static func jsonLines(
    _ entries: [Entry], exportedAt: Date, settings: JournalSettings? = nil
  ) throws(JournalCodecError) -> Data {
    let ordered = sorted(entries)
    try checkFinite(ordered)
    var header = "{\"exportedAt\":\"\(utcString(exportedAt))\","
    header += "\"format\":\"\(jsonLinesFormatName)\",\"schemaVersion\":\(schemaVersion)"
    if let settings { header += ",\"settings\":" + String(decoding: settings.json, as: UTF8.self) }
    var data = Data((header + "}\n").utf8)
    data.append(
      contentsOf: inParallel(count: ordered.count) { range in
        var writer = JSONWriter(capacity: 256 * range.count)
        for index in range {
          ordered[index].write(to: &writer, extraTime: true)
          writer.raw("\n")
        }
        return writer.bytes
      })
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
    let ordered = sorted(entries)
    var header = CSVWriter()
    header.writeRecord(EntryCSV.columns.map { CSVCell($0) })
    let rows = try inParallel(count: ordered.count) { range throws(JournalCodecError) in
      var writer = CSVWriter()
      for index in range {
        writer.writeRecord(try EntryCSV.row(for: ordered[index], location: .entry(index + 1)))
      }
      return writer.bytes
    }
    return header.data + rows
  }

  /// The bytes `part` writes for `0..<count`, written in a few ranges on all cores and joined
  /// in order: the same bytes as one pass, in about half the time on two cores.
  ///
  /// When parts fail, the error of the earliest one is thrown, as one pass would throw it.
  static func inParallel<Failure: Error>(
    count: Int, _ part: @Sendable (Range<Int>) throws(Failure) -> [UInt8]
  ) throws(Failure) -> [UInt8] {
    let parts = Parallel.map(count: count, serialBelow: 4096) {
      range -> Result<[UInt8], Failure> in
      do throws(Failure) {
        return .success(try part(range))
      } catch {
        return .failure(error)
      }
    }
    var joined: [UInt8] = []
    joined.reserveCapacity(parts.reduce(0) { $0 + ((try? $1.get())?.count ?? 0) })
    for result in parts { joined += try result.get() }
    return joined
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
