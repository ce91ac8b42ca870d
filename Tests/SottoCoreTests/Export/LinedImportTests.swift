import CSodium
import Foundation
import GRDB
import SottoModel
import Testing

@testable import SottoCore

/// The export reader that takes one line per core must read exactly what the one-pass reader
/// reads, and step aside for anything else.
@Suite struct LinedImportTests {
  private func entries(_ count: Int) -> [Entry] { Fixtures.entries(count) }

  @Test func aLargeExportReadsTheSameBothWays() throws {
    let written = entries(1200)
    let bytes = try JournalExport.jsonBytes(written, exportedAt: Date())
    #expect(bytes.count >= 1 << 16)
    let lined = JournalImport.linedSottoJSON(bytes)
    // Compared as a whole, printed as counts: a failure must not print 1,200 entries.
    #expect(lined?.count == written.count)
    let sameAsWritten = lined == written
    let sameAsOnePass = lined == JournalImport.sequentialSottoJSON(bytes)
    #expect(sameAsWritten, "the entries differ")
    #expect(sameAsOnePass, "the readers differ")
  }

  @Test func otherLayoutsAndDamageAreLeftToTheOnePassReader() throws {
    let bytes = try JournalExport.jsonBytes(entries(1200), exportedAt: Date())
    let text = String(decoding: bytes, as: UTF8.self)
    // A comma dropped between two entries: neither reader accepts it.
    let missingComma = Array(text.replacingOccurrences(of: "},\n    {", with: "}\n    {").utf8)
    #expect(JournalImport.linedSottoJSON(missingComma)?.count == nil)
    #expect(JournalImport.sequentialSottoJSON(missingComma)?.count == nil)
    // A second "entries" key after the array: the one-pass reader's answer stands.
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let firstEntry = lines[2].dropLast()  // without its comma
    let twice = Array(
      text.replacingOccurrences(
        of: "\"format\"", with: "\"entries\" : [\(firstEntry)],\n  \"format\""
      ).utf8)
    #expect(JournalImport.linedSottoJSON(twice)?.count == nil)
    #expect(JournalImport.sequentialSottoJSON(twice)?.count == 1201)
    // A closing line among the entries: it reads as a damaged entry, not as the end.
    var closedEarly = lines
    closedEarly.insert("  ],", at: 600)
    let early = Array(closedEarly.joined(separator: "\n").utf8)
    #expect(JournalImport.linedSottoJSON(early)?.count == nil)
    #expect(JournalImport.sequentialSottoJSON(early)?.count == nil)
    // The same entries on one line: not the lined layout, still read by the one-pass reader.
    let oneLine = Array(text.replacingOccurrences(of: "\n", with: "").utf8)
    #expect(JournalImport.linedSottoJSON(oneLine)?.count == nil)
    #expect(JournalImport.sequentialSottoJSON(oneLine)?.count == 1200)
  }
}
