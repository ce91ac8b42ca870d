import Foundation
import Testing

/// Export, import, backup, restore and wipe, from the real binary.
@Suite struct DataOwnershipTests {
  private func journalWithEntries(_ cli: CLIRunner) throws {
    try cli.initJournal()
    try cli.run(["urge", "7", "--trigger", "payday", "--resisted", "--note", "=cmd|' /C calc'!A0"])
    try cli.run([
      "use", "alcohol", "3", "drinks", "--cost", "18.50", "--note", "a, \"quoted\"\nnote",
    ])
    try cli.run(["goal", "add", "--max-spend", "60", "--per", "week"])
  }

  private func listed(_ cli: CLIRunner, environment: [String: String] = [:]) throws -> [String] {
    let result = try cli.run(["list", "--format", "json"], environment: environment)
    #expect(result.status == 0, "\(result.stderr)")
    let entries =
      try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
    // Compare everything but the revision.
    return entries.map { entry in
      var copy = entry
      copy["revision"] = nil
      let data = try! JSONSerialization.data(withJSONObject: copy, options: [.sortedKeys])
      return String(decoding: data, as: UTF8.self)
    }.sorted()
  }

  @Test(arguments: ["json", "jsonl", "csv"])
  func exportThenImportIntoAnEmptyJournalGivesBackEverything(format: String) throws {
    let cli = CLIRunner()
    try journalWithEntries(cli)
    let file = cli.folder + "/export." + format
    let export = try cli.run(["export", "--format", format, "--output", file])
    #expect(export.status == 0, "\(export.stderr)")
    #expect(export.stderr.contains("NOT encrypted"))
    #expect(
      try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int == 0o600)
    if format == "csv" {
      let text = try String(contentsOfFile: file, encoding: .utf8)
      #expect(text.contains("'=cmd"))
    }
    let other = cli.folder + "/other/journal.db"
    let env = ["SOTTO_JOURNAL": other]
    #expect(try cli.run(["init", "--kdf", "interactive"], environment: env).status == 0)
    let imported = try cli.run(["import", file], environment: env)
    #expect(imported.status == 0, "\(imported.stderr)")
    #expect(imported.stdout.contains("3 new"))
    #expect(try listed(cli, environment: env) == listed(cli))
    let again = try cli.run(["import", file], environment: env)
    #expect(again.stdout.contains("0 new, 0 updated, 3 already there"))
  }

  @Test func exportRefusesToOverwriteAndToPrintToATerminalUnasked() throws {
    let cli = CLIRunner()
    try journalWithEntries(cli)
    let file = cli.folder + "/all.json"
    #expect(try cli.run(["export", "--output", file]).status == 0)
    let again = try cli.run(["export", "--output", file])
    #expect(again.status == 64)
    #expect(again.stderr.contains("--force"))
    #expect(try cli.run(["export", "--output", file, "--force"]).status == 0)
    // Not a terminal here, so stdout is allowed.
    let piped = try cli.run(["export", "--format", "jsonl"])
    #expect(piped.stdout.hasPrefix("{\"exportedAt\""))
  }

  @Test func malformedImportsLeaveTheJournalUnchanged() throws {
    let cli = CLIRunner()
    try journalWithEntries(cli)
    let before = cli.fingerprint()
    let cases: [String: String] = [
      "truncated.json": "{\"format\":\"sotto-export\",\"schemaVersion\":1,\"entries\":[{\"id\":",
      "types.json": "{\"format\":\"sotto-export\",\"schemaVersion\":1,\"entries\":[{\"id\":5}]}",
      "bad.csv": "id,kind\n\"unterminated",
      "nothing.txt": "hello there",
    ]
    for (name, content) in cases {
      let path = cli.folder + "/" + name
      cli.write(path, content)
      let result = try cli.run(["import", path])
      #expect(result.status == 64, "\(name): \(result.stderr)")
      #expect(
        result.stderr.contains("Nothing was imported") || result.stderr.contains("format"),
        "\(name): \(result.stderr)")
    }
    let invalid = cli.folder + "/invalid-utf8.jsonl"
    _ = FileManager.default.createFile(atPath: invalid, contents: Data([0x7B, 0xFF, 0xFE, 0x0A]))
    #expect(try cli.run(["import", invalid, "--format", "sotto-jsonl"]).status == 64)
    #expect(cli.fingerprint() == before)
  }

  @Test func aPsychonautWikiJournalExportImportsOnce() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    let sample = """
      {"experiences":[{"title":"Festival","text":"with friends","creationDate":1790000000000,
      "sortDate":1790000000000,"ingestions":[
      {"substanceName":"MDMA","time":1790000000000,"creationDate":1790000000000,
       "administrationRoute":"ORAL","dose":80,"units":"mg","isDoseAnEstimate":false,"notes":"first"},
      {"substanceName":"Alcohol","time":1790003600000,"creationDate":1790003600000,
       "administrationRoute":"ORAL","dose":2,"units":"drinks","isDoseAnEstimate":true}]}],
      "customUnits":[],"customSubstances":[]}
      """
    let file = cli.folder + "/Journal.json"
    cli.write(file, sample)
    let first = try cli.run(["import", file])
    #expect(first.status == 0, "\(first.stderr)")
    #expect(first.stdout.contains("2 new"))
    let second = try cli.run(["import", file])
    #expect(second.stdout.contains("0 new"))
    let list = try cli.run(["list"])
    #expect(list.stdout.contains("mdma 80 mg · oral"))
    #expect(list.stdout.contains("alcohol 2 drinks"))
  }

  @Test func backupThenRestoreGivesBackEverythingAndTamperingRestoresNothing() throws {
    let cli = CLIRunner()
    try journalWithEntries(cli)
    let backup = cli.folder + "/journal.sottobak"
    let made = try cli.run(["backup", "--output", backup])
    #expect(made.status == 0, "\(made.stderr)")
    let restoredPath = cli.folder + "/restored/journal.db"
    let restored = try cli.run(["restore", backup, "--journal", restoredPath])
    #expect(restored.status == 0, "\(restored.stderr)")
    #expect(try listed(cli, environment: ["SOTTO_JOURNAL": restoredPath]) == listed(cli))

    var bytes = [UInt8](FileManager.default.contents(atPath: backup)!)
    bytes[bytes.count - 5] ^= 0x01
    let tampered = cli.folder + "/tampered.sottobak"
    _ = FileManager.default.createFile(atPath: tampered, contents: Data(bytes))
    let target = cli.folder + "/never/journal.db"
    let refused = try cli.run(["restore", tampered, "--journal", target])
    #expect(refused.status == 6 || refused.status == 2)
    #expect(refused.stderr.contains("Nothing was restored"))
    #expect(!FileManager.default.fileExists(atPath: target))

    let existing = try cli.run(["restore", backup])
    #expect(existing.status == 5)
    let unconfirmed = try cli.run(["restore", backup, "--replace"])
    #expect(unconfirmed.status == 64, "without a terminal, replacing needs --yes")
    let replaced = try cli.run(["restore", backup, "--replace", "--yes"])
    #expect(replaced.status == 0, "\(replaced.stderr)")
    #expect(try cli.run(["verify"]).status == 0)
  }

  @Test func wipeNeedsConfirmationThenLeavesNothing() throws {
    let cli = CLIRunner()
    try journalWithEntries(cli)
    let unconfirmed = try cli.run(["wipe"], scripted: false)
    #expect(unconfirmed.status == 64)
    #expect(FileManager.default.fileExists(atPath: cli.journal))
    let wiped = try cli.run(["wipe", "--yes"], scripted: false)
    #expect(wiped.status == 0, "\(wiped.stderr)")
    #expect(wiped.stdout.contains("cannot reach"))
    for suffix in ["", "-wal", "-shm", "-journal"] {
      #expect(!FileManager.default.fileExists(atPath: cli.journal + suffix))
    }
    #expect(try cli.run(["wipe", "--yes"]).status == 4)
  }
}
