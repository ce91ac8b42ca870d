import Foundation
import Testing

/// `sotto surf`, the safety notes of `sotto use`, and `sotto rules`, through the real binary.
@Suite struct SurfCLITests {
  /// The entries `list --format json` prints (unlocking moves quick-capture entries in).
  static func entries(_ cli: CLIRunner, type: String? = nil) throws -> [[String: Any]] {
    let result = try cli.run(["list", "--format", "json"] + (type.map { ["--type", $0] } ?? []))
    #expect(result.status == 0, "\(result.stderr)")
    let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
    return try #require(object as? [[String: Any]])
  }

  @Test func surfWithoutATerminalLogsTheUrgeByQuickCapture() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    let result = try cli.run(
      ["surf", "--no-tty", "--minutes", "0.02", "--trigger", "Payday"], stdin: "8\n5\n3\nn\n",
      scripted: false)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Logged urge"))
    #expect(result.stderr.contains("How strong is the urge right now, 0-10?"))
    #expect(result.stderr.contains("Did you act on it? [y/N]"))
    #expect(result.stderr.contains("quick capture"))

    let urges = try Self.entries(cli, type: "urge")
    #expect(urges.count == 1)
    let entry = try #require(urges.first)
    #expect(entry["source"] as? String == "quickCapture")
    let urge = try #require(entry["urge"] as? [String: Any])
    #expect(urge["intensity"] as? Int == 8)
    #expect(urge["finalIntensity"] as? Int == 3)
    #expect(urge["durationMinutes"] as? Int == 0)
    #expect(urge["outcome"] as? String == "resisted")
    #expect(urge["coping"] as? String == "urge surfing")
    #expect(urge["triggers"] as? [String] == ["payday"])

    // The report counts it as a surfed urge.
    let report = try cli.run(["report"])
    #expect(report.status == 0, "\(report.stderr)")
    #expect(report.stdout.contains("Urge surfing: 1 urge"))
  }

  @Test func surfUnlockedStoppedEarlyAndActedOn() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    let result = try cli.run(
      ["surf", "--no-tty", "--minutes", "0.05"], stdin: "6\nq\n2\ny\n")
    #expect(result.status == 0, "\(result.stderr)")
    #expect(!result.stderr.contains("Time is up"))
    let entry = try #require(try Self.entries(cli).first)
    #expect(entry["source"] as? String == "direct")
    let urge = try #require(entry["urge"] as? [String: Any])
    #expect(urge["intensity"] as? Int == 6)
    #expect(urge["finalIntensity"] as? Int == 2)
    #expect(urge["outcome"] as? String == "acted")
    #expect(urge["coping"] as? String == "urge surfing")
  }

  @Test func surfKeepsTheLastIntensityWhenInputEndsOrIsBlank() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    let blank = try cli.run(["surf", "--no-tty", "--minutes", "0.02"], stdin: "7\n\n")
    #expect(blank.status == 0, "\(blank.stderr)")
    let given = try cli.run(
      ["surf", "--no-tty", "--minutes", "0.01", "--intensity", "4"], stdin: "")
    #expect(given.status == 0, "\(given.stderr)")
    let urges = try Self.entries(cli).compactMap { $0["urge"] as? [String: Any] }
    #expect(urges.map { $0["intensity"] as? Int }.sorted { ($0 ?? 0) < ($1 ?? 0) } == [4, 7])
    #expect(urges.allSatisfy { $0["finalIntensity"] as? Int == $0["intensity"] as? Int })
    #expect(urges.allSatisfy { $0["outcome"] as? String == "resisted" })
  }

  @Test func surfRefusesBadInputAndWritesNothing() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    let before = cli.fingerprint()
    let high = try cli.run(["surf", "--no-tty", "--minutes", "0.01"], stdin: "11\n")
    #expect(high.status == 64)
    #expect(high.stderr.contains("intensity must be a whole number from 0 to 10"))
    #expect(try cli.run(["surf", "--no-tty", "--minutes", "0"], stdin: "5\n").status == 64)
    #expect(try cli.run(["surf", "--no-tty", "--minutes", "181"], stdin: "5\n").status == 64)
    #expect(try cli.run(["surf", "--no-tty", "--intensity", "-1"]).status == 64)
    #expect(try cli.run(["surf", "--no-tty", "--minutes", "0.01"], stdin: "").status == 64)
    #expect(cli.fingerprint() == before)
  }
}

@Suite struct SafetyNoteCLITests {
  static func notes(_ result: CLIRunner.Result) -> [String] {
    result.stderr.split(separator: "\n").map(String.init).filter {
      $0.hasPrefix("· ") || $0.hasPrefix("! ")
    }
  }

  @Test func aUseAfterABenzodiazepineWarnsAndStillSaves() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    #expect(try cli.run(["use", "Valium", "10", "mg", "--at", "3h ago"]).status == 0)
    let result = try cli.run(["use", "heroin"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stdout.contains("Logged use"))
    let notes = Self.notes(result)
    #expect(
      notes.first
        == "· No earlier heroin in the journal. Last 24 hours: 1 occasion, this one included.")
    #expect(
      notes.contains {
        $0.hasPrefix(
          "! Warning: heroin (an opioid) and valium (a benzodiazepine), logged 3 h before this: "
            + "together they slow breathing")
          && $0.hasSuffix("Source: FDA boxed warning, 2016.")
      })
    #expect(try SurfCLITests.entries(cli, type: "use").count == 2)
  }

  @Test(arguments: [
    ("nardil", "molly", "an MAOI"), ("booze", "xanax", "a benzodiazepine"),
    ("tramadol", "prozac", "an SSRI/SNRI antidepressant"), ("lyrica", "oxy", "a gabapentinoid"),
    ("wine", "gbl", "GHB/GBL"),
  ])
  func aliasesAndClassesAreRecognised(earlier: String, now: String, className: String) throws {
    let cli = CLIRunner()
    try cli.initJournal()
    #expect(try cli.run(["use", earlier, "--at", "1h ago", "--quiet"]).status == 0)
    let result = try cli.run(["use", now])
    #expect(result.status == 0)
    #expect(
      Self.notes(result).contains { $0.hasPrefix("! Warning: ") && $0.contains(className) },
      "\(result.stderr)")
  }

  @Test func sameSubstanceTimeAndAmountAndGoals() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    #expect(
      try cli.run(["goal", "add", "--max", "4", "drinks", "--of", "alcohol", "--per", "day"])
        .status == 0)
    #expect(try cli.run(["goal", "add", "--min-gap", "12", "--of", "alcohol"]).status == 0)
    let start = Date()
    #expect(try cli.run(["use", "alcohol", "3", "drinks", "--at", "90m ago"]).status == 0)
    let result = try cli.run(["use", "alcohol", "2", "drinks"])
    let end = Date()
    #expect(result.status == 0)
    let last =
      "· Last alcohol before this: 1 h 30 min earlier. Last 24 hours: 5 drinks over 2 "
      + "occasions, this one included."
    let cap = "· This takes alcohol to 5 drinks today, over your goal of at most 4 drinks per day."
    let gap =
      "· This is 1 h 30 min after the last alcohol; your goal is at least 12 hours between uses."
    // Goals count uses from the local day they were set (the runner's Europe/Berlin): run
    // within 90 minutes after midnight there, the first use falls on the day before, so
    // neither goal has a note to give.
    var berlin = Calendar(identifier: .gregorian)
    berlin.timeZone = TimeZone(identifier: "Europe/Berlin")!
    let sameDay = { (time: Date) in
      berlin.isDate(time.addingTimeInterval(-90 * 60), inSameDayAs: time)
    }
    if sameDay(start) && sameDay(end) {
      #expect(Self.notes(result) == [last, cap, gap])
    } else {
      #expect([[last, cap, gap], [last]].contains(Self.notes(result)))
    }
  }

  @Test func quietLeavesTheNotesOut() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    #expect(try cli.run(["use", "xanax", "--at", "1h ago"]).status == 0)
    let result = try cli.run(["use", "fentanyl", "--quiet"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("Logged use"))
    #expect(Self.notes(result).isEmpty)
    #expect(!result.stderr.contains("Warning"))
  }

  @Test func quickCaptureSaysOnceThatTheNotesWereSkipped() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    #expect(try cli.run(["use", "xanax", "--at", "1h ago"]).status == 0)
    let result = try cli.run(["use", "heroin"], scripted: false)
    #expect(result.status == 0, "\(result.stderr)")
    #expect(result.stderr.contains("quick capture"))
    #expect(result.stderr.components(separatedBy: "Safety notes skipped").count == 2)
    #expect(Self.notes(result).isEmpty)
    let quiet = try cli.run(["use", "heroin", "--quiet"], scripted: false)
    #expect(!quiet.stderr.contains("Safety notes skipped"))
  }

  @Test func rulesAreAddedListedUsedAndRemoved() throws {
    let cli = CLIRunner()
    try cli.initJournal()
    let added = try cli.run(["rules", "add", "Alcohol", "zopiclone", "--note", "I black out"])
    #expect(added.status == 0, "\(added.stderr)")
    #expect(added.stdout.hasPrefix("Added rule "))
    let id = String(added.stdout.dropFirst("Added rule ".count).prefix(8))
    let list = try cli.run(["rules", "list"])
    #expect(
      list.stdout
        == "\(id)  warn when alcohol and zopiclone are logged within 24 hours · \"I black out\"\n")

    #expect(try cli.run(["use", "beer", "--at", "2h ago"]).status == 0)
    let result = try cli.run(["use", "zopiclone", "7.5", "mg"])
    #expect(
      Self.notes(result).contains(
        "! Your rule (alcohol and zopiclone): beer was logged 2 h before this. "
          + "Your note: I black out"))

    // Rules are entries: `list --type rule` and JSON show them; analytics leaves them out.
    let rules = try SurfCLITests.entries(cli, type: "rule")
    #expect(rules.count == 1)
    let rule = try #require(rules.first?["rule"] as? [String: Any])
    #expect(rule["substances"] as? [String] == ["alcohol", "zopiclone"])
    #expect(rule["note"] as? String == "I black out")
    #expect(try cli.run(["report"]).status == 0)
    #expect(try cli.run(["status"]).status == 0)

    #expect(try cli.run(["rules", "add", "gin", "GIN"]).status == 64)
    let notRule = try SurfCLITests.entries(cli, type: "use").first?["id"] as? String ?? ""
    #expect(try cli.run(["rules", "remove", notRule, "--yes"]).status == 64)
    let unconfirmed = try cli.run(["rules", "remove", id])
    #expect(unconfirmed.status == 64, "without a terminal, removing needs --yes")
    let removed = try cli.run(["rules", "remove", id, "--yes"])
    #expect(removed.status == 0, "\(removed.stderr)")
    #expect(try cli.run(["rules", "list"]).stdout.contains("No rules of your own yet"))
  }

  @Test(arguments: ["json", "jsonl", "csv"])
  func rulesTravelThroughExportAndImport(format: String) throws {
    let cli = CLIRunner()
    try cli.initJournal()
    #expect(try cli.run(["rules", "add", "benzos", "alcohol", "--note", "=not again"]).status == 0)
    #expect(try cli.run(["use", "alcohol", "1", "drinks"]).status == 0)
    let file = cli.folder + "/export." + format
    #expect(try cli.run(["export", "--format", format, "--output", file]).status == 0)
    let other = ["SOTTO_JOURNAL": cli.folder + "/other/journal.db"]
    #expect(try cli.run(["init", "--kdf", "interactive"], environment: other).status == 0)
    let imported = try cli.run(["import", file], environment: other)
    #expect(imported.status == 0, "\(imported.stderr)")
    let list = try cli.run(["rules", "list"], environment: other)
    #expect(list.stdout.contains("warn when benzos and alcohol are logged within 24 hours"))
    #expect(list.stdout.contains("\"=not again\""))
  }
}
