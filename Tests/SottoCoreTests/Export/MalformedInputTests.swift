import Foundation
import SottoModel
import Testing

@testable import SottoCore

/// Every malformed input gives a ``JournalCodecError`` with the right code and place, and its
/// description never quotes the journal.
@Suite struct MalformedInputTests {
  static let secret = "SECRETWORD"

  private func expectError(
    _ data: Data, format: ImportFormat, code: JournalCodecError.Code,
    location: JournalCodecError.Location?, field: String? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    do {
      let entries = try JournalImport.entries(from: data, format: format, timeZone: .gmt)
      Issue.record("imported \(entries.count) entries", sourceLocation: sourceLocation)
    } catch {
      #expect(error.code == code, sourceLocation: sourceLocation)
      #expect(error.location == location, sourceLocation: sourceLocation)
      if let field { #expect(error.field == field, sourceLocation: sourceLocation) }
      #expect(!error.description.contains(Self.secret), sourceLocation: sourceLocation)
      #expect(error.description.contains("Nothing was imported."), sourceLocation: sourceLocation)
    }
  }

  private static func entryJSON(_ id: UInt8, amount: String = "1", note: String = secret) -> String
  {
    """
    {"id":"\(Samples.id(id).hex)","kind":"use","at":{"unix":1700000000,"offset":0},\
    "source":"direct","use":{"substance":"alcohol","amount":\(amount),"unit":"drinks",\
    "note":"\(note)"}}
    """
  }

  private static func document(
    _ entries: [String], format: String = "sotto-export", version: Int = 1
  )
    -> Data
  {
    Data(
      """
      {
        "entries": [
          \(entries.joined(separator: ",\n    "))
        ],
        "exportedAt": "2026-01-01T00:00:00Z",
        "format": "\(format)",
        "schemaVersion": \(version)
      }
      """.utf8)
  }

  private static func lines(_ entries: [String], header: String? = nil) -> Data {
    let first =
      header
      ?? #"{"exportedAt":"2026-01-01T00:00:00Z","format":"sotto-export-jsonl","schemaVersion":1}"#
    return Data(([first] + entries).joined(separator: "\n").utf8 + [0x0A])
  }

  // MARK: JSON document

  @Test func jsonWrongTypeNamesTheEntryAndField() {
    let data = Self.document([
      Self.entryJSON(1), Self.entryJSON(2), Self.entryJSON(3, amount: "\"two\""),
    ])
    expectError(
      data, format: .sottoJSON, code: .invalidValue, location: .entry(3), field: "use.amount")
  }

  @Test func jsonHugeNumberNamesTheLine() {
    let data = Self.document([Self.entryJSON(1), Self.entryJSON(2, amount: "1e400")])
    expectError(data, format: .sottoJSON, code: .malformed, location: .line(4))
    let unix = Self.document([
      Self.entryJSON(1).replacingOccurrences(of: "1700000000", with: "99999999999999999999999")
    ])
    expectError(unix, format: .sottoJSON, code: .malformed, location: .line(3))
    let lines = Self.lines([Self.entryJSON(1), Self.entryJSON(2, amount: "1e400")])
    expectError(lines, format: .sottoJSONL, code: .malformed, location: .line(3))
  }

  @Test func jsonOutOfRangeIntegerThatParsesNamesTheEntryAndField() {
    let data = Self.document([
      Self.entryJSON(1),
      Self.entryJSON(2).replacingOccurrences(of: "\"offset\":0", with: "\"offset\":99999999999"),
    ])
    // JSONDecoder on Linux gives no path for this, so the entry is found by decoding one at a time.
    expectError(data, format: .sottoJSON, code: .invalidValue, location: .entry(2))
  }

  @Test func jsonNaNAndTruncationAreMalformed() {
    let nan = Self.document([Self.entryJSON(1), Self.entryJSON(2, amount: "NaN")])
    expectError(nan, format: .sottoJSON, code: .malformed, location: .line(4))
    let whole = Self.document([Self.entryJSON(1), Self.entryJSON(2)])
    expectError(
      whole.prefix(whole.count - 140), format: .sottoJSON, code: .malformed, location: .line(4))
    expectError(
      whole.prefix(whole.count - 1), format: .sottoJSON, code: .malformed, location: .line(9))
    let infinity = Self.document([Self.entryJSON(1, amount: "Infinity")])
    expectError(infinity, format: .sottoJSON, code: .malformed, location: .line(3))
  }

  @Test func jsonValidationFailureNamesTheEntryAndField() {
    let data = Self.document([Self.entryJSON(1), Self.entryJSON(2, amount: "-5")])
    expectError(data, format: .sottoJSON, code: .invalidEntry, location: .entry(2), field: "amount")
  }

  @Test func jsonDuplicateIdNamesBothEntries() throws {
    let data = Self.document([Self.entryJSON(1), Self.entryJSON(2), Self.entryJSON(1)])
    expectError(data, format: .sottoJSON, code: .duplicateID, location: .entry(3), field: "id")
    do {
      _ = try JournalImport.sottoJSON(data)
    } catch {
      #expect(error.description.hasPrefix("Entry 3: "))
      #expect(error.description.contains("entry 1"))
    }
  }

  @Test func jsonOfAnotherFormatOrNewerVersionIsRefused() {
    expectError(
      Self.document([Self.entryJSON(1)], format: "something-else"), format: .sottoJSON,
      code: .unrecognisedFormat, location: nil, field: "format")
    expectError(
      Self.document([Self.entryJSON(1)], version: 3), format: .sottoJSON,
      code: .unsupportedVersion, location: nil, field: "schemaVersion")
    expectError(Data("[1,2]".utf8), format: .sottoJSON, code: .unrecognisedFormat, location: nil)
  }

  @Test func jsonInvalidUTF8NamesTheLine() {
    var data = Self.document([Self.entryJSON(1), Self.entryJSON(2)])
    let at = data.firstRange(
      of: Data(Self.secret.utf8), in: data.index(data.startIndex, offsetBy: 200)..<data.endIndex)!
    data[at.lowerBound] = 0xC3
    data[at.lowerBound + 1] = 0x28
    expectError(data, format: .sottoJSON, code: .invalidUTF8, location: .line(4))
  }

  // MARK: JSON Lines

  @Test func jsonLinesBadLineIsNamed() {
    let data = Self.lines([
      Self.entryJSON(1), "", Self.entryJSON(2, amount: "true"), Self.entryJSON(3),
    ])
    expectError(
      data, format: .sottoJSONL, code: .invalidValue, location: .line(4), field: "use.amount")
  }

  @Test func jsonLinesTruncatedLineIsMalformed() {
    let full = Self.lines([Self.entryJSON(1), Self.entryJSON(2)])
    expectError(
      full.prefix(full.count - 20), format: .sottoJSONL, code: .malformed, location: .line(3))
  }

  @Test func jsonLinesCutInsideAStringIsMalformed() {
    let data = Self.lines([Self.entryJSON(1), String(Self.entryJSON(2).prefix(90))])
    expectError(data, format: .sottoJSONL, code: .malformed, location: .line(3))
  }

  @Test func jsonLinesNeedsTheHeader() {
    expectError(
      Self.lines([Self.entryJSON(2)], header: Self.entryJSON(1)), format: .sottoJSONL,
      code: .unrecognisedFormat, location: .line(1))
    expectError(
      Self.lines([], header: #"{"format":"sotto-export-jsonl","schemaVersion":9}"#),
      format: .sottoJSONL, code: .unsupportedVersion, location: .line(1))
    expectError(Data("\n\n".utf8), format: .sottoJSONL, code: .unrecognisedFormat, location: nil)
  }

  @Test func jsonLinesValidationAndDuplicates() {
    let bad = Self.entryJSON(2).replacingOccurrences(
      of: "\"substance\":\"alcohol\"", with: "\"substance\":\"  \"")
    expectError(
      Self.lines([Self.entryJSON(1), bad]), format: .sottoJSONL, code: .invalidEntry,
      location: .line(3), field: "substance")
    expectError(
      Self.lines([Self.entryJSON(1), Self.entryJSON(1)]), format: .sottoJSONL, code: .duplicateID,
      location: .line(3))
  }

  @Test func jsonLinesOverlongLineIsRefusedBeforeDecoding() {
    let long = Self.entryJSON(2, note: String(repeating: "a", count: JournalImport.maxLineBytes))
    expectError(
      Self.lines([Self.entryJSON(1), long]), format: .sottoJSONL, code: .lineTooLong,
      location: .line(3))
  }

  @Test func jsonLinesInvalidUTF8NamesTheLine() {
    var data = Self.lines([Self.entryJSON(1), Self.entryJSON(2)])
    let at = data.lastRange(of: Data(Self.secret.utf8))!
    data[at.lowerBound] = 0xFF
    expectError(data, format: .sottoJSONL, code: .invalidUTF8, location: .line(3))
  }

  // MARK: CSV

  private func csvText(_ rows: [String]) -> Data {
    let header = "id,kind,unix,offset,use.substance,use.amount,use.unit,use.note,urge.intensity"
    return Data(([header] + rows).joined(separator: "\r\n").utf8 + [0x0D, 0x0A])
  }

  private func useRow(_ id: UInt8, amount: String = "1", note: String = secret) -> String {
    "\(Samples.id(id).hex),use,1700000000,0,alcohol,\(amount),drinks,\(note),"
  }

  @Test func csvQuotingErrorsNameTheLine() {
    expectError(
      csvText([useRow(1), useRow(2, note: "\"\(Self.secret)\nsecond line")]), format: .csv,
      code: .malformed, location: .line(3))
    expectError(
      csvText([useRow(1), useRow(2), useRow(3, note: "a\"b")]), format: .csv, code: .malformed,
      location: .line(4))
    expectError(
      csvText([useRow(1, note: "\"x\"y")]), format: .csv, code: .malformed, location: .line(2))
  }

  @Test func csvMultiLineRecordsKeepLineNumbersRight() {
    expectError(
      csvText([useRow(1, note: "\"a\nb\nc\""), useRow(2, amount: "lots")]), format: .csv,
      code: .invalidValue, location: .line(5), field: "use.amount")
  }

  @Test func csvBadNumbersAreNamed() {
    for amount in ["nan", "inf", "1e400", "0x10", "1,5"] {
      let row = amount == "1,5" ? useRow(2, amount: "\"1,5\"") : useRow(2, amount: amount)
      expectError(
        csvText([useRow(1), row]), format: .csv, code: .invalidValue, location: .line(3),
        field: "use.amount")
    }
    let bigUnix = "\(Samples.id(1).hex),use,99999999999999999999,0,alcohol,1,drinks,x,"
    expectError(
      csvText([bigUnix]), format: .csv, code: .invalidValue, location: .line(2), field: "unix")
  }

  @Test func csvNegativeAmountFailsValidation() {
    // Amounts are never negative, so "-5" (a plain number, not neutralised) is refused by
    // validate, whether or not it was written with the guard.
    expectError(
      csvText([useRow(1, amount: "-5")]), format: .csv, code: .invalidEntry, location: .line(2),
      field: "amount")
    expectError(
      csvText([useRow(1, amount: "'-5")]), format: .csv, code: .invalidEntry, location: .line(2),
      field: "amount")
  }

  @Test func csvStructureErrors() {
    expectError(
      csvText([useRow(1), "\(Samples.id(2).hex),use,1,0"]), format: .csv, code: .malformed,
      location: .line(3))
    expectError(
      csvText([useRow(1) + "7"]), format: .csv, code: .invalidValue, location: .line(2),
      field: "urge.intensity")
    expectError(
      csvText(["\(Samples.id(1).hex),drink,1,0,,,,,"]), format: .csv, code: .invalidValue,
      location: .line(2), field: "kind")
    expectError(
      csvText(["\(Samples.id(1).hex),use,,0,alcohol,,,,"]), format: .csv, code: .invalidValue,
      location: .line(2), field: "unix")
    expectError(
      Data("id,kind,unix,offset,\(Self.secret)\r\n".utf8), format: .csv,
      code: .unrecognisedFormat, location: .line(1))
    expectError(
      Data("id,kind,unix\r\n".utf8), format: .csv, code: .unrecognisedFormat, location: .line(1),
      field: "offset")
    expectError(Data(), format: .csv, code: .unrecognisedFormat, location: nil)
    expectError(
      csvText([useRow(1), useRow(1)]), format: .csv, code: .duplicateID, location: .line(3))
  }

  @Test func csvInvalidUTF8AndOverlongRecords() {
    var data = csvText([useRow(1), useRow(2)])
    let at = data.lastRange(of: Data(Self.secret.utf8))!
    data[at.lowerBound + 2] = 0xC0
    expectError(data, format: .csv, code: .invalidUTF8, location: .line(3))
    let long = "\"" + String(repeating: "x", count: JournalImport.maxLineBytes) + "\""
    expectError(
      csvText([useRow(1), useRow(2, note: long)]), format: .csv, code: .lineTooLong,
      location: .line(3))
  }

  // MARK: Any format

  @Test func inputOverTheSizeLimitIsRefusedBeforeParsing() {
    let huge = Data(count: JournalImport.maxInputBytes + 1)
    for format in ImportFormat.allCases {
      expectError(huge, format: format, code: .inputTooLarge, location: nil)
    }
    #expect(JournalImport.detect(huge) == nil)
  }

  @Test func unrecognisedBytesAreNotGuessed() {
    #expect(JournalImport.detect(Data("hello, world\n".utf8)) == nil)
    #expect(JournalImport.detect(Data(#"{"a":1}"#.utf8)) == nil)
    #expect(JournalImport.detect(Data([0xFF, 0xFE, 0x00])) == nil)
    #expect(JournalImport.detect(Data()) == nil)
    #expect {
      try JournalImport.entries(from: Data("hello".utf8), timeZone: .gmt)
    } throws: { ($0 as? JournalCodecError)?.code == .unrecognisedFormat }
  }
}
