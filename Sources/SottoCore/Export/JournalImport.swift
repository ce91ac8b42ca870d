import Foundation
import SottoModel

/// The file formats Sotto imports from.
public enum ImportFormat: String, Sendable, Hashable, CaseIterable {
  /// Sotto's JSON export (``ExportFormat/json``).
  case sottoJSON = "sotto-json"
  /// Sotto's JSON Lines export (``ExportFormat/jsonl``).
  case sottoJSONL = "sotto-jsonl"
  /// Sotto's CSV export (``ExportFormat/csv``).
  case csv
  /// The `Journal.json` export of the PsychonautWiki Journal app.
  case pwJournal = "pw-journal"
}

/// Reads export files back into entries: bytes in, values out.
///
/// Every importer is all or nothing: it returns every entry of the file, each one checked with
/// ``SottoModel/Entry/validate()`` and with an id unique within the file, or throws a
/// ``JournalCodecError`` naming the line, entry or ingestion and the field. The formats are
/// specified in `Docs/EXPORT.md`.
public enum JournalImport {
  /// The largest input accepted, in bytes (256 MiB). Callers reading a file should check its size
  /// against this before reading it into memory.
  public static let maxInputBytes = 256 * 1024 * 1024
  /// The longest line of JSON Lines, or record of CSV, accepted, in bytes (1 MiB).
  public static let maxLineBytes = 1024 * 1024

  /// Reads `data` in `format`, or in the format ``detect(_:)`` finds when `format` is `nil`.
  ///
  /// - Parameters:
  ///   - data: the whole file.
  ///   - format: the format, or `nil` to detect it.
  ///   - timeZone: used by `pw-journal` only, whose times carry no offset: each entry gets the
  ///     offset this zone had at its instant.
  /// - Throws: ``JournalCodecError``; nothing is returned when any entry is wrong.
  public static func entries(
    from data: Data, format: ImportFormat? = nil, timeZone: TimeZone
  ) throws(JournalCodecError) -> [Entry] {
    try checkSize(data)
    guard let format = format ?? detect(data) else {
      throw JournalCodecError(
        code: .unrecognisedFormat,
        problem: "the file is not one Sotto can import. Give --format sotto-json, sotto-jsonl, "
          + "csv or pw-journal if you know which it is. " + JournalCodecError.nothingImported)
    }
    switch format {
    case .sottoJSON: return try sottoJSON(data)
    case .sottoJSONL: return try sottoJSONL(data)
    case .csv: return try csv(data)
    case .pwJournal: return try pwJournal(data, timeZone: timeZone)
    }
  }

  /// Reads Sotto's JSON export.
  public static func sottoJSON(_ data: Data) throws(JournalCodecError) -> [Entry] {
    try checkedSottoJSON(data).all
  }

  /// Reads Sotto's JSON export, keeping what the checks found out.
  static func checkedSottoJSON(_ data: Data) throws(JournalCodecError) -> CheckedEntries {
    try checkSize(data)
    try checkUTF8(data)
    if let entries = fastSottoJSON([UInt8](data)) {
      return try CheckedEntries.check(entries) { .entry($0 + 1) }
    }
    // The slow path below gives the precise error (line, entry, field) for a file the fast
    // reader refused.
    let document: SottoDocument
    do {
      document = try JSONDecoder().decode(SottoDocument.self, from: data)
    } catch let error as JournalCodecError {
      throw error
    } catch {
      throw decodingFailure(error, data: data, entryKey: "entries")
    }
    return try CheckedEntries.check(document.entries) { .entry($0 + 1) }
  }

  /// Reads a JSON export held in bytes (a backup's payload) as ``sottoJSON(_:)`` reads a file.
  static func sottoJSON(_ bytes: [UInt8]) throws(JournalCodecError) -> CheckedEntries {
    if bytes.count <= maxInputBytes,
      UTF8Check.firstInvalidOffset(bytes.span) == nil,
      let entries = fastSottoJSON(bytes)
    {
      return try CheckedEntries.check(entries) { .entry($0 + 1) }
    }
    return try checkedSottoJSON(Data(bytes))
  }

  /// The settings a JSON export written by Sotto carries: its last key (keys are sorted), so
  /// only the end of the document is read; `nil` for a file without them (schema 1).
  static func settings(atEndOf bytes: [UInt8]) -> JournalSettings? {
    let marker = Array("\n  \"settings\" : ".utf8)
    let tail = bytes.suffix(Manifest.settingsBytes + 64)
    guard let start = tail.indices.reversed().first(where: { tail[$0...].starts(with: marker) }),
      let end = tail.lastIndex(of: UInt8(ascii: "}")), end > start + marker.count
    else { return nil }
    // The document's closing brace is the last; the settings object ends before it.
    return JournalSettings(json: tail[(start + marker.count)..<end].prefix { $0 != 0x0A })
  }

  /// Reads a well-formed JSON export with the fast entry reader; `nil` for anything else.
  static func fastSottoJSON(_ bytes: [UInt8]) -> [Entry]? {
    var bytes = bytes
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    return linedSottoJSON(bytes) ?? sequentialSottoJSON(bytes)
  }

  /// Reads an export laid out as Sotto writes it, one entry a line, each core reading its share
  /// of the lines; `nil` for any other layout or any doubt (the one-pass reader then decides).
  ///
  /// JSON strings hold no raw line feeds, so in Sotto's layout every line feed is between
  /// values: the lines between `  "entries" : [` and `  ],` are the entries, one each.
  static func linedSottoJSON(_ bytes: [UInt8]) -> [Entry]? {
    let opening = Array("{\n  \"entries\" : [\n".utf8)
    let closing = Array("\n  ],\n".utf8)
    guard bytes.count >= 1 << 16, bytes.starts(with: opening) else { return nil }
    // The last line that reads `  ],` closes the entries. Were there an earlier one, it would
    // be read as an entry below, fail, and leave the file to the one-pass reader.
    guard
      let closingAt = bytes.indices.reversed().first(where: {
        $0 >= opening.count - 1 && bytes[$0...].starts(with: closing)
      })
    else { return nil }
    let closingStart = closingAt + 1
    let entriesStart = opening.count
    guard closingStart > entriesStart else { return nil }
    // The rest of the document, with the entries left out, must read as an export of none.
    let rest =
      Array(bytes[..<(opening.count - 1)]) + [UInt8(ascii: "]")]
      + Array(bytes[(closingStart + 3)...])
    guard sequentialSottoJSON(rest)?.isEmpty == true else { return nil }
    // Each core reads the lines that start in its share of the bytes.
    let region = entriesStart..<closingStart
    // Each core reads the lines that start in its share of the bytes; `nil` from any share
    // leaves the file to the one-pass reader.
    let parts = Parallel.map(count: region.count, serialBelow: 1 << 16) { share -> [Entry]? in
      var start = region.lowerBound + share.lowerBound
      let limit = region.lowerBound + share.upperBound
      // A line starts after a line feed (or where the entries start).
      while start > region.lowerBound, start < limit, bytes[start - 1] != 0x0A { start += 1 }
      var entries: [Entry] = []
      entries.reserveCapacity(share.count / 160)
      while start < limit {
        // Every line, the last included, ends in a line feed before `  ],`.
        guard let end = bytes[start..<region.upperBound].firstIndex(of: 0x0A) else { return nil }
        var reader = JSONReader(bytes, range: start..<end)
        guard let entry = try? Entry(from: &reader),
          reader.consume(UInt8(ascii: ",")) == (end + 1 < region.upperBound),
          (try? reader.expectEnd()) != nil
        else { return nil }
        entries.append(entry)
        start = end + 1
      }
      return entries
    }
    var entries: [Entry] = []
    entries.reserveCapacity(parts.reduce(0) { $0 + ($1?.count ?? 0) })
    for part in parts {
      guard let part else { return nil }
      entries += part
    }
    return entries.isEmpty ? nil : entries
  }

  /// Reads a JSON export in one pass with the fast entry reader; `nil` for anything else.
  static func sequentialSottoJSON(_ bytes: [UInt8]) -> [Entry]? {
    var reader = JSONReader(bytes)
    var entries: [Entry] = []
    var format: String?
    var version: Int64?
    do {
      try reader.readObject { reader, key throws(JSONReader.Failure) in
        switch key {
        case "entries":
          try reader.readArray { reader throws(JSONReader.Failure) in
            entries.append(try Entry(from: &reader))
          }
        case "format": format = try reader.readString()
        case "schemaVersion": version = try reader.readInt()
        default: try reader.skipValue()
        }
      }
      try reader.expectEnd()
    } catch {
      return nil
    }
    guard format == JournalExport.jsonFormatName, let version,
      (1...Int64(JournalExport.schemaVersion)).contains(version)
    else { return nil }
    return entries
  }

  /// Reads Sotto's JSON Lines export: the header line first, then one entry a line; blank lines
  /// are skipped; lines may end in LF or CRLF.
  public static func sottoJSONL(_ data: Data) throws(JournalCodecError) -> [Entry] {
    try checkSize(data)
    let lines = try splitLines(data)
    var found: [(Entry, JournalCodecError.Location)] = []
    var sawHeader = false
    let decoder = JSONDecoder()
    for (number, line) in lines {
      if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
      let lineData = Data(line)
      if !sawHeader {
        let header: Header
        do {
          header = try decoder.decode(Header.self, from: lineData)
        } catch {
          throw JournalCodecError(
            code: .unrecognisedFormat, location: .line(number),
            problem: "the first line is not a Sotto JSON Lines header "
              + "({\"format\":\"\(JournalExport.jsonLinesFormatName)\",...}). "
              + JournalCodecError.nothingImported)
        }
        try header.check(expected: JournalExport.jsonLinesFormatName, location: .line(number))
        sawHeader = true
        continue
      }
      if let entry = try? Entry(jsonBytes: Array(line)) {
        found.append((entry, .line(number)))
        continue
      }
      do {
        found.append((try decoder.decode(Entry.self, from: lineData), .line(number)))
      } catch {
        throw decodingFailure(error, location: .line(number))
      }
    }
    guard sawHeader else {
      throw JournalCodecError(
        code: .unrecognisedFormat,
        problem: "the file is empty; a Sotto JSON Lines export starts with a header line. "
          + JournalCodecError.nothingImported)
    }
    return try checked(found)
  }

  /// Reads Sotto's CSV export (see `Docs/EXPORT.md` for the columns and the formula guard).
  public static func csv(_ data: Data) throws(JournalCodecError) -> [Entry] {
    try checkSize(data)
    let bytes = data.span
    let records = try CSVReader.records(
      bytes.extracting(bomLength(bytes)...), maxRecordBytes: maxLineBytes
    ).get()
    guard let first = records.first else {
      throw JournalCodecError(
        code: .unrecognisedFormat,
        problem: "the file is empty; a Sotto CSV export starts with a header row. "
          + JournalCodecError.nothingImported)
    }
    let header = try EntryCSV.header(first)
    var found: [(Entry, JournalCodecError.Location)] = []
    for record in records.dropFirst() {
      found.append((try EntryCSV.entry(from: record, header: header), .line(record.line)))
    }
    return try checked(found)
  }

  // MARK: Shared checks

  static func checkSize(_ data: Data) throws(JournalCodecError) {
    guard data.count <= maxInputBytes else {
      throw JournalCodecError(
        code: .inputTooLarge,
        problem: "the file is larger than \(maxInputBytes / 1024 / 1024) MiB, the most Sotto "
          + "imports at once. Split it into smaller files. " + JournalCodecError.nothingImported)
    }
  }

  static func checkUTF8(_ data: Data) throws(JournalCodecError) {
    let line = UTF8Check.firstInvalidLine(data.span)
    if let line {
      throw JournalCodecError(
        code: .invalidUTF8, location: .line(line),
        problem: "the text is not valid UTF-8. Save the file as UTF-8 and import again. "
          + JournalCodecError.nothingImported)
    }
  }

  static func bomLength(_ bytes: Span<UInt8>) -> Int {
    bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
  }

  /// The lines of `data` (without LF or a CR before it), numbered from 1, each checked for
  /// length and UTF-8 before any is decoded.
  static func splitLines(_ data: Data) throws(JournalCodecError) -> [(Int, ArraySlice<UInt8>)] {
    let bytes = [UInt8](data)
    var lines: [(Int, ArraySlice<UInt8>)] = []
    var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    var number = 1
    while start < bytes.count {
      let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
      guard end - start <= maxLineBytes else {
        throw JournalCodecError(
          code: .lineTooLong, location: .line(number),
          problem: "this line is longer than \(maxLineBytes) bytes, the most Sotto reads in one "
            + "line. " + JournalCodecError.nothingImported)
      }
      var line = bytes[start..<end]
      if line.last == 0x0D { line = line.dropLast() }
      let invalid = UTF8Check.firstInvalidOffset(line.span)
      if invalid != nil {
        throw JournalCodecError(
          code: .invalidUTF8, location: .line(number),
          problem: "the text is not valid UTF-8. Save the file as UTF-8 and import again. "
            + JournalCodecError.nothingImported)
      }
      lines.append((number, line))
      start = end + 1
      number += 1
    }
    return lines
  }

  /// Validates every entry and refuses repeated ids.
  static func checked(
    _ found: [(Entry, JournalCodecError.Location)]
  ) throws(JournalCodecError) -> [Entry] {
    try CheckedEntries.check(found.map(\.0)) { found[$0].1 }.all
  }

  // MARK: Decoding errors

  /// Turns a `DecodingError` into a message naming the place and the field path, never the
  /// decoder's own text (which can quote the input).
  static func decodingFailure(
    _ error: any Error, location: JournalCodecError.Location
  ) -> JournalCodecError {
    let (path, what) = describe(error)
    return failure(path.map(\.stringValue), what, location: location)
  }

  /// The same for a whole document, where the index after `entryKey` gives the entry.
  static func decodingFailure(
    _ error: any Error, data: Data, entryKey: String
  ) -> JournalCodecError {
    let (path, what) = describe(error)
    if path.isEmpty || what == nil {
      if JSONProblemFinder.firstProblemLine(data) == nil,
        let located = firstUndecodableEntry(data, entryKey: entryKey)
      {
        return located
      }
      return malformedJSON(error, data: data)
    }
    if path.first?.stringValue == entryKey, path.count >= 2, let index = path[1].intValue {
      return failure(path.dropFirst(2).map(\.stringValue), what, location: .entry(index + 1))
    }
    return failure(path.map(\.stringValue), what, location: nil)
  }

  /// Well-formed JSON the decoder still refused without a path (on Linux, an integer too large
  /// for its field): decode the entries one at a time to find which.
  static func firstUndecodableEntry(_ data: Data, entryKey: String) -> JournalCodecError? {
    guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
      let list = object[entryKey] as? [Any]
    else { return nil }
    let decoder = JSONDecoder()
    for (index, element) in list.enumerated() {
      guard let entryData = try? JSONSerialization.data(withJSONObject: element) else { continue }
      do {
        _ = try decoder.decode(Entry.self, from: entryData)
      } catch {
        let (path, what) = describe(error)
        return failure(
          path.map(\.stringValue), what ?? "holds a number out of range for its field",
          location: .entry(index + 1))
      }
    }
    return nil
  }

  static func failure(
    _ path: [String], _ what: String?, location: JournalCodecError.Location?
  ) -> JournalCodecError {
    guard let what else {
      return JournalCodecError(
        code: .malformed, location: location,
        problem: "this is not valid JSON (it may be cut short, or hold NaN, Infinity or a "
          + "number too large). " + JournalCodecError.nothingImported)
    }
    let field = path.isEmpty ? nil : path.joined(separator: ".")
    let subject = field.map { "the field \($0)" } ?? "the value"
    return JournalCodecError(
      code: .invalidValue, location: location, field: field,
      problem: "\(subject) \(what). " + JournalCodecError.nothingImported)
  }

  /// The coding path (keys and indices) and a phrase for what is wrong; the phrase is `nil`
  /// when the JSON itself could not be parsed.
  static func describe(_ error: any Error) -> ([any CodingKey], String?) {
    switch error {
    case DecodingError.keyNotFound(let key, let context):
      return (context.codingPath + [key], "is missing")
    case DecodingError.valueNotFound(_, let context):
      return (context.codingPath, "is null but needs a value")
    case DecodingError.typeMismatch(let type, let context):
      return (context.codingPath, "has the wrong type (expected \(typeName(type)))")
    case DecodingError.dataCorrupted(let context):
      if context.codingPath.isEmpty { return ([], nil) }
      return (context.codingPath, "has a value that is not allowed or out of range")
    default:
      return ([], nil)
    }
  }

  private static func typeName(_ type: Any.Type) -> String {
    switch type {
    case is String.Type: "text"
    case is Bool.Type: "true or false"
    case is Int.Type, is Int32.Type, is Int64.Type: "a whole number"
    case is Double.Type: "a number"
    case is [Any].Type: "a list"
    default: "an object or another type"
    }
  }

  /// A parse error of a whole document, located by ``JSONProblemFinder`` (the decoder's own
  /// message is not used: it can quote the input, and on Linux it does not say where).
  static func malformedJSON(_ error: any Error, data: Data) -> JournalCodecError {
    let line = JSONProblemFinder.firstProblemLine(data)
    return JournalCodecError(
      code: .malformed, location: line.map { .line($0) },
      problem: "this is not valid JSON (it may be cut short, or hold NaN, Infinity or a number "
        + "too large). " + JournalCodecError.nothingImported)
  }

  // MARK: Documents

  struct Header: Decodable {
    var format: String
    var schemaVersion: Int

    func check(
      expected: String, location: JournalCodecError.Location?
    ) throws(JournalCodecError) {
      guard format == expected else {
        throw JournalCodecError(
          code: .unrecognisedFormat, location: location, field: "format",
          problem: "the file does not say format \"\(expected)\", so it is not this kind of "
            + "Sotto export. " + JournalCodecError.nothingImported)
      }
      guard (1...JournalExport.schemaVersion).contains(schemaVersion) else {
        throw JournalCodecError(
          code: .unsupportedVersion, location: location, field: "schemaVersion",
          problem: "the file has schema version \(schemaVersion); this Sotto reads version "
            + "\(JournalExport.schemaVersion). Update Sotto and import again. "
            + JournalCodecError.nothingImported)
      }
    }
  }

  /// Checks `format` and `schemaVersion` before decoding the entries, so a file of another kind
  /// is reported as such rather than as a bad entry.
  struct SottoDocument: Decodable {
    var entries: [Entry]

    enum CodingKeys: String, CodingKey { case format, schemaVersion, entries }

    init(from decoder: any Decoder) throws {
      let container: KeyedDecodingContainer<CodingKeys>
      let format: String?
      let version: Int?
      do {
        container = try decoder.container(keyedBy: CodingKeys.self)
        format = try container.decodeIfPresent(String.self, forKey: .format)
        version = try container.decodeIfPresent(Int.self, forKey: .schemaVersion)
      } catch let error as DecodingError {
        if case .dataCorrupted(let context) = error, context.codingPath.isEmpty { throw error }
        throw JournalCodecError(
          code: .unrecognisedFormat,
          problem: "the file is not a Sotto JSON export. " + JournalCodecError.nothingImported)
      }
      try Header(format: format ?? "", schemaVersion: version ?? 0)
        .check(expected: JournalExport.jsonFormatName, location: nil)
      entries = try container.decode([Entry].self, forKey: .entries)
    }
  }
}
