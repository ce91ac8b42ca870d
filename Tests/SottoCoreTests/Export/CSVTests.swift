import Foundation
import SottoModel
import Testing

@testable import SottoCore

@Suite struct CSVTests {
  private func exported() throws -> String {
    String(decoding: try JournalExport.csv(Samples.entries), as: UTF8.self)
  }

  @Test func headerNamesEveryColumnAndRecordsEndInCRLF() throws {
    let text = try exported()
    #expect(text.hasPrefix(EntryCSV.columns.joined(separator: ",") + "\r\n"))
    #expect(text.hasSuffix("\r\n"))
    #expect(EntryCSV.columns.count == 35)
    // LF inside a quoted note, CRLF between records: records = header + entries.
    #expect(text.components(separatedBy: "\r\n").count == Samples.entries.count + 2)
  }

  @Test func formulaCellsAreNeutralisedInTheBytes() throws {
    let text = try exported()
    #expect(text.contains(",'=walked it off,"))
    #expect(text.contains(",'+bar,"))
    #expect(text.contains(",'-low,'@ease,"))
    #expect(text.contains(",\"'=HYPERLINK(\"\"http://example.com\"\")\","))
    #expect(text.contains(",'@home,"))
    #expect(text.contains(",'+1 more,"))
    #expect(text.contains("''=already quoted"))
    #expect(text.contains(",'\tstarts with a tab"))
    // Plain negative numbers stay numbers: an offset, a time before 1970, a note of "-5".
    #expect(text.contains(",-18000,"))
    #expect(text.contains(",-86400,-34200,"))
    #expect(text.contains(",-5,"))
    // An apostrophe not followed by a formula character is left alone.
    #expect(text.contains(",'tis nicotine,"))
    // No cell of the file starts with a bare formula character.
    for record in text.components(separatedBy: "\r\n") {
      for cell in record.split(separator: ",", omittingEmptySubsequences: false) {
        guard let first = cell.first, "=+@".contains(first) else { continue }
        Issue.record("a cell starts with \(first)")
      }
    }
  }

  @Test func neutralisationIsUndoneExactlyOnImport() throws {
    let imported = try JournalImport.csv(try JournalExport.csv(Samples.entries))
    let urge = try #require(imported.first { $0.id == Samples.id(1) }?.urge)
    #expect(urge.coping == "=walked it off")
    let use = try #require(imported.first { $0.id == Samples.id(4) }?.use)
    #expect(use.route == "'=already quoted")
    #expect(use.note == "\tstarts with a tab")
    #expect(use.setting == "")
    #expect(use.cost == nil)
  }

  @Test(arguments: [
    "=1+1", "+", "-", "@", "\t", "\r", "'", "''", "'=", "''=x", "'-5", "-5", "-0.5", "-5e3",
    "-1-1", "x=1", "", "'x", "--", "-.5", "5.", "-",
  ])
  func formulaGuardIsAnExactInverse(text: String) {
    let written = FormulaGuard.neutralise(text)
    #expect(FormulaGuard.restore(written) == text)
    if let first = written.first {
      #expect(!"=+@\t\r".contains(first))
      if first == "-" { #expect(FormulaGuard.isPlainNumber(written.utf8)) }
    }
  }

  @Test func quotingFollowsRFC4180() throws {
    var writer = CSVWriter()
    writer.writeRecord(["a,b", "say \"hi\"", "two\nlines", "cr\rhere", "", nil, "plain"])
    #expect(
      String(decoding: writer.data, as: UTF8.self)
        == "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",\"\",,plain\r\n")
    let data = writer.data
    let records = CSVReader.records(data.span, maxRecordBytes: 1000)
    #expect(
      try records.get().map(\.cells) == [
        ["a,b", "say \"hi\"", "two\nlines", "cr\rhere", "", nil, "plain"]
      ])
  }

  @Test func readerAcceptsLFAndBOMAndSkipsBlankLines() throws {
    let data = try JournalExport.csv(Samples.entries)
    let text = String(decoding: data, as: UTF8.self)
    // Re-saved with LF record ends (the LF inside the quoted note stays as it is) and a BOM.
    let lf = "\u{FEFF}" + text.replacingOccurrences(of: "\r\n", with: "\n") + "\n\n"
    #expect(try JournalImport.csv(Data(lf.utf8)) == JournalExport.sorted(Samples.entries))
  }

  @Test func columnsMayComeInAnyOrderAndOptionalOnesMayBeLeftOut() throws {
    let text =
      "kind,unix,urge.intensity,offset,id\r\nurge,100,4,-3600,"
      + Samples.id(42).hex + "\r\n"
    let entries = try JournalImport.csv(Data(text.utf8))
    #expect(
      entries == [
        Entry(
          id: Samples.id(42), at: Timestamp(unixSeconds: 100, utcOffsetSeconds: -3600),
          body: .urge(Urge(intensity: 4)))
      ])
    #expect(JournalImport.detect(Data(text.utf8)) == .csv)
  }
}
