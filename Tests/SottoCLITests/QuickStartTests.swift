import Foundation
import Testing

/// The README's quick start, run with the real binary.
@Suite struct QuickStartTests {
  @Test func theQuickStartWorksEndToEnd() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    let attributes = try FileManager.default.attributesOfItem(atPath: cli.journal)
    #expect(attributes[.posixPermissions] as? Int == 0o600)
    let folder = (cli.journal as NSString).deletingLastPathComponent
    #expect(
      try FileManager.default.attributesOfItem(atPath: folder)[.posixPermissions] as? Int == 0o700)

    let urge = try cli.run([
      "urge", "7", "--trigger", "payday", "--trigger", "bored", "--resisted", "--note",
      "walked it off",
    ])
    #expect(urge.status == 0)
    #expect(urge.stdout.contains("Logged urge"))
    #expect(
      try cli.run([
        "use", "alcohol", "3", "drinks", "--cost", "18.50", "--setting", "bar", "--mood-before",
        "anxious",
      ]).status == 0)
    #expect(
      try cli.run(["use", "mdma", "80", "mg", "--route", "oral", "--at", "yesterday 23:10"]).status
        == 0)
    #expect(
      try cli.run(["goal", "add", "--max", "10", "drinks", "--of", "alcohol", "--per", "week"])
        .status == 0)
    #expect(try cli.run(["goal", "add", "--use-free-days", "2", "--per", "week"]).status == 0)

    let list = try cli.run(["list"])
    #expect(list.status == 0)
    #expect(list.stdout.contains("payday, bored"))
    #expect(list.stdout.contains("alcohol 3 drinks"))
    #expect(list.stdout.contains("mdma 80 mg"))
    #expect(list.stdout.contains("at most 10 drinks of alcohol per week"))

    let json = try cli.run(["list", "--since", "7d", "--type", "urge", "--format", "json"])
    #expect(json.status == 0)
    let parsed = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
    #expect(parsed?.count == 1)
    let urgeJSON = parsed?.first?["urge"] as? [String: Any]
    #expect(urgeJSON?["intensity"] as? Int == 7)
    #expect(urgeJSON?["note"] as? String == "walked it off")
    #expect(json.stderr.isEmpty)
    let id = try #require(parsed?.first?["id"] as? String)

    let show = try cli.run(["show", String(id.prefix(8))])
    #expect(show.status == 0)
    #expect(show.stdout.contains("intensity: 7/10"))

    let edit = try cli.run([
      "edit", String(id.prefix(8)), "--intensity", "5", "--note", "it passed",
    ])
    #expect(edit.status == 0)
    let shown = try cli.run(["show", id, "--format", "json"])
    #expect(shown.stdout.contains("\"intensity\" : 5"))
    #expect(shown.stdout.contains("\"revision\" : 2"))

    let substances = try cli.run(["list", "--substance", "alcohol", "--format", "json"])
    let uses =
      try JSONSerialization.jsonObject(with: Data(substances.stdout.utf8)) as? [[String: Any]]
    #expect(uses?.count == 1)
    let alcoholID = try #require(uses?.first?["id"] as? String)
    #expect(try cli.run(["delete", alcoholID, "--yes"]).status == 0)
    #expect(try cli.run(["show", alcoholID]).status == 10)

    let search = try cli.run(["list", "--search", "PASSED"])
    #expect(search.stdout.contains("it passed"))
    #expect(!search.stdout.contains("mdma"))

    let verify = try cli.run(["verify"])
    #expect(verify.status == 0)
    #expect(verify.stdout.contains("All 4 entries"))
    #expect(try cli.run(["status"]).status == 0)
    #expect(try cli.run(["goal", "list"]).stdout.contains("use-free"))
  }

  @Test func passwdChangesThePassphraseAndKeepsEveryEntry() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    try cli.run(["urge", "4", "--note", "before passwd"])
    let newFile = cli.folder + "/new-passphrase"
    cli.write(newFile, "a different long passphrase\n")
    let passwd = try cli.run(["passwd", "--new-passphrase-file", newFile])
    #expect(passwd.status == 0, "\(passwd.stderr)")
    let old = try cli.run(["list"])
    #expect(old.status == 2)
    #expect(old.stderr.contains("The passphrase does not open this journal"))
    let new = try cli.run(["list"], environment: ["SOTTO_PASSPHRASE_FILE": newFile])
    #expect(new.status == 0)
    #expect(new.stdout.contains("before passwd"))
  }

  @Test func quickCaptureLogsWithoutThePassphraseAndMovesInAtUnlock() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    let captured = try cli.run(["urge", "6", "--trigger", "stress"], scripted: false)
    #expect(captured.status == 0, "\(captured.stderr)")
    #expect(captured.stderr.contains("quick capture"))
    let list = try cli.run(["list"])
    #expect(list.stderr.contains("Moved 1 quick-capture entry"))
    #expect(list.stdout.contains("6/10 · stress"))
    let again = try cli.run(["list"])
    #expect(!again.stderr.contains("Moved"))
  }

  @Test func everyCommandHasHelp() throws {
    let cli = CLIRunner()
    let commands = [
      [], ["init"], ["urge"], ["use"], ["goal"], ["goal", "add"], ["goal", "list"],
      ["goal", "archive"], ["list"], ["show"], ["edit"], ["delete"], ["status"], ["passwd"],
      ["verify"], ["config"],
    ]
    for command in commands {
      let result = try cli.run(command + ["--help"])
      #expect(result.status == 0, "\(command) --help failed")
      #expect(result.stdout.contains("USAGE:"), "\(command) --help has no usage")
      #expect(result.stdout.count > 200, "\(command) --help is too short")
    }
  }
}
