import Foundation
import SottoModel
import Testing

@testable import SottoCore

@Suite struct RoundTripTests {
  @Test func samplesAreValidEntries() throws {
    for entry in Samples.entries { try entry.validate() }
  }

  @Test(arguments: ExportFormat.allCases)
  func exportThenImportGivesBackEveryEntryAndField(format: ExportFormat) throws {
    let data = try JournalExport.data(
      Samples.entries, format: format, exportedAt: Samples.exportedAt)
    let expected = JournalExport.sorted(Samples.entries)
    let imported = try JournalImport.entries(from: data, timeZone: .gmt)
    #expect(imported == expected)
    let explicit: ImportFormat =
      switch format {
      case .json: .sottoJSON
      case .jsonl: .sottoJSONL
      case .csv: .csv
      }
    #expect(JournalImport.detect(data) == explicit)
    #expect(try JournalImport.entries(from: data, format: explicit, timeZone: .gmt) == expected)
  }

  @Test(arguments: ExportFormat.allCases)
  func exportIsSortedByTimeThenIDAndDeterministic(format: ExportFormat) throws {
    let shuffled = Array(Samples.entries.reversed())
    let a = try JournalExport.data(shuffled, format: format, exportedAt: Samples.exportedAt)
    let b = try JournalExport.data(Samples.entries, format: format, exportedAt: Samples.exportedAt)
    #expect(a == b)
    let ids = try JournalImport.entries(from: a, timeZone: .gmt).map(\.id)
    #expect(ids == [6, 7, 8, 9, 10, 1, 2, 3, 4, 5, 11].map { Samples.id($0) })
  }

  @Test func jsonDocumentHasHeaderSortedKeysAndTheStoredEntryShape() throws {
    let data = try JournalExport.json(Samples.entries, exportedAt: Samples.exportedAt)
    let object = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    #expect(object["format"] as? String == "sotto-export")
    #expect(object["schemaVersion"] as? Int == 2)
    #expect(object["exportedAt"] as? String == "2026-05-28T20:26:40Z")
    let entries = try #require(object["entries"] as? [[String: Any]])
    #expect(entries.count == Samples.entries.count)
    let text = String(decoding: data, as: UTF8.self)
    let keys = ["\"entries\"", "\"exportedAt\"", "\"format\"", "\"schemaVersion\""]
    let positions = keys.map { text.range(of: $0)!.lowerBound }
    #expect(positions == positions.sorted())

    // Each entry is exactly Entry's Codable shape plus a readable "time".
    let first = try #require(entries.first { $0["id"] as? String == Samples.id(1).hex })
    #expect(first["time"] as? String == "2026-05-17T07:40:00+01:00")
    var stripped = first
    stripped["time"] = nil
    let reencoded = try JSONSerialization.data(withJSONObject: stripped)
    #expect(try JSONDecoder().decode(Entry.self, from: reencoded) == Samples.entries[0])
    let stored =
      try JSONSerialization.jsonObject(
        with: JSONEncoder().encode(Samples.entries[0])) as? [String: Any]
    #expect(Set(stripped.keys) == Set(stored!.keys))
  }

  @Test func jsonLinesHasHeaderThenOneEntryPerLine() throws {
    let data = try JournalExport.jsonLines(Samples.entries, exportedAt: Samples.exportedAt)
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.hasSuffix("\n"))
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    #expect(lines.count == Samples.entries.count + 1)
    #expect(
      lines.first
        == #"{"exportedAt":"2026-05-28T20:26:40Z","format":"sotto-export-jsonl","schemaVersion":2}"#
    )
    for line in lines.dropFirst() {
      _ = try JSONDecoder().decode(Entry.self, from: Data(line.utf8))
    }
  }

  @Test func isoTimesMatchFoundationsFormatter() {
    let samples: [(Int64, Int32)] = [
      (0, 0), (1_779_000_000, 3600), (-86_400, -34_200), (951_782_400, 20_700),
      (4_102_444_799, -43_200), (-2_208_988_800, 50_400),
    ]
    for (unix, offset) in samples {
      let timestamp = Timestamp(unixSeconds: unix, utcOffsetSeconds: offset)
      let formatter = ISO8601DateFormatter()
      formatter.timeZone = timestamp.timeZone
      formatter.formatOptions = [.withInternetDateTime]
      #expect(timestamp.iso8601 == formatter.string(from: timestamp.date))
    }
  }

  // Foundation's ISO8601DateFormatter traps on ±18:00, rounds sub-minute offsets and uses the
  // Julian calendar before 1582; the export writes the exact local time and offset in the
  // proleptic Gregorian calendar, as ISO 8601 asks.
  @Test func isoTimesCoverTheWidestAndSubMinuteOffsets() {
    #expect(
      ISO8601Time.string(unixSeconds: 1_700_000_000, offsetSeconds: 64_800)
        == "2023-11-15T16:13:20+18:00")
    #expect(
      ISO8601Time.string(unixSeconds: 1_700_000_000, offsetSeconds: -64_800)
        == "2023-11-14T04:13:20-18:00")
    #expect(
      ISO8601Time.string(unixSeconds: 1_700_000_000, offsetSeconds: 45)
        == "2023-11-14T22:14:05+00:00:45")
    #expect(
      ISO8601Time.string(unixSeconds: -62_135_596_801, offsetSeconds: 0)
        == "0000-12-31T23:59:59Z")
    #expect(
      ISO8601Time.string(unixSeconds: -62_135_596_800, offsetSeconds: 0)
        == "0001-01-01T00:00:00Z")
  }

  @Test func emptyJournalRoundTrips() throws {
    for format in ExportFormat.allCases {
      let data = try JournalExport.data([], format: format, exportedAt: Samples.exportedAt)
      #expect(try JournalImport.entries(from: data, timeZone: .gmt) == [])
    }
  }

  @Test func nonFiniteNumbersAreRefusedOnExportNamingTheEntry() {
    let bad = Entry(
      id: Samples.id(99), at: Timestamp(unixSeconds: 2_000_000_000, utcOffsetSeconds: 0),
      body: .use(Use(substance: "x", amount: .nan, unit: "mg")))
    for format in ExportFormat.allCases {
      #expect {
        try JournalExport.data(
          Samples.entries + [bad], format: format, exportedAt: Samples.exportedAt)
      } throws: { error in
        let error = error as? JournalCodecError
        return error?.code == .unencodable && error?.location == .entry(12)
      }
    }
  }
}
