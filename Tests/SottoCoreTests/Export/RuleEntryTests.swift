import Foundation
import SottoModel
import Testing

@testable import SottoCore

/// The `rule` entry kind (a person's own combination warning) in the store and every format.
@Suite struct RuleEntryTests {
  static let rules: [Entry] = [
    Entry(
      id: Samples.id(40), at: Timestamp(unixSeconds: 1_779_000_600, utcOffsetSeconds: 3600),
      body: .rule(SafetyRule("alcohol", "zopiclone", note: "=black out, \"twice\""))),
    Entry(
      id: Samples.id(41), at: Timestamp(unixSeconds: 1_779_000_700, utcOffsetSeconds: 0),
      body: .rule(SafetyRule("benzos", "cannabis, oil"))),
  ]

  @Test func theJSONShapeIsKindRuleWithSubstancesAndNote() throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    let text = String(decoding: try encoder.encode(Self.rules[1]), as: UTF8.self)
    #expect(
      text
        == "{\"at\":{\"offset\":0,\"unix\":1779000700},\"id\":\"\(Samples.id(41).hex)\","
        + "\"kind\":\"rule\",\"rule\":{\"substances\":[\"benzos\",\"cannabis, oil\"]},"
        + "\"source\":\"direct\"}")
    let decoded = try JSONDecoder().decode(Entry.self, from: Data(text.utf8))
    #expect(decoded == Self.rules[1])
  }

  @Test func rulesMustNameTwoDifferentSubstances() {
    #expect(throws: EntryValidationError.self) {
      try SafetyRule(substances: ["alcohol"]).validate()
    }
    #expect(throws: EntryValidationError.self) { try SafetyRule("Alcohol", "alcohol").validate() }
    #expect(throws: EntryValidationError.self) { try SafetyRule("alcohol", " ").validate() }
    #expect(throws: Never.self) { try SafetyRule("alcohol", "ghb").validate() }
  }

  @Test(arguments: ExportFormat.allCases)
  func rulesSurviveExportThenImport(format: ExportFormat) throws {
    let entries = Samples.entries + Self.rules
    let data = try JournalExport.data(entries, format: format, exportedAt: Samples.exportedAt)
    let imported = try JournalImport.entries(from: data, timeZone: .gmt)
    #expect(imported == JournalExport.sorted(entries))
  }

  @Test func csvHasRuleColumnsAndRefusesRuleCellsInOtherKinds() throws {
    let data = try JournalExport.csv(Self.rules)
    let text = String(decoding: data, as: UTF8.self)
    #expect(text.hasPrefix("id,kind,time,unix,offset,source,"))
    #expect(text.contains("goal.archived,rule.substances,rule.note\r\n"))
    #expect(text.contains(",rule,"))
    #expect(text.contains("\"[\"\"benzos\"\",\"\"cannabis, oil\"\"]\""))
    #expect(text.contains("'=black out"))

    let bad =
      "id,kind,unix,offset,urge.intensity,rule.substances\r\n"
      + "\(Samples.id(1).hex),urge,1,0,3,\"[\"\"a\"\",\"\"b\"\"]\"\r\n"
    #expect(throws: JournalCodecError.self) {
      try JournalImport.entries(from: Data(bad.utf8), format: .csv, timeZone: .gmt)
    }
    let single =
      "id,kind,unix,offset,rule.substances\r\n\(Samples.id(1).hex),rule,1,0,\"[\"\"a\"\"]\"\r\n"
    #expect(throws: JournalCodecError.self) {
      try JournalImport.entries(from: Data(single.utf8), format: .csv, timeZone: .gmt)
    }
  }

  @Test func rulesAreStoredEncryptedAndReadBack() throws {
    let folder = TemporaryFolder()
    let (path, journal) = try Fixtures.newJournal(in: folder)
    let rule = SafetyRule("zebrawordalcohol", "zebrawordpill", note: "zebrawordnote")
    let added = try journal.add(.rule(rule), at: Fixtures.time)
    let contents = try Journal.open(at: path).unlock(Fixtures.passphrase()).contents()
    #expect(contents.integrity.isClean)
    #expect(contents.entries.map(\.entry) == [added])
    #expect(contents.entries.first?.entry.rule == rule)
    let bytes = folder.allBytes(of: path)
    #expect(bytes.firstRange(of: Array("zebraword".utf8)) == nil)
  }
}
